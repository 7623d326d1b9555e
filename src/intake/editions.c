/*
 * editions.c: a file of official statistics against the values already
 * stored and against itself.  A key (stat_key: the same country, year,
 * indicator, splits and origin) is one figure:
 *  - in the portal's export a key comes again for parts of one figure (a
 *    sex given once per age group under the age "Total", the sub-forms of
 *    "Other forms of exploitation"), whose values are added; the import
 *    says how many keys repeat;
 *  - in palermo's CSV and JSON a key is given once, or in numbered parts,
 *    and a repeat is an error at its line;
 *  - a key that another submission holds is an overlap, which refuses the
 *    file unless the user names that submission with --supersedes: the
 *    new values then supersede the old ones of those keys, which stay in
 *    the history (store.h: stat_supersede).
 */
#include <stdlib.h>
#include <string.h>

#include "intake/intake_int.h"

#define OVERLAPS_SHOWN	5

/* A value stored before the file, and the entry of its key. */
struct stored {
	int64_t		 id, submission, superseded_by;
	size_t		 key;
};

static int
keep_stored(const struct stat_rec *r, void *arg)
{
	struct editions	*ed = arg;
	int		 added;

	if (ed->nv == ed->cap) {
		ed->cap = ed->cap ? ed->cap * 2 : 1024;
		ed->v = xreallocarray(ed->v, ed->cap, sizeof(*ed->v));
	}
	stat_key(r, &ed->key);
	ed->v[ed->nv].id = r->id;
	ed->v[ed->nv].submission = r->submission;
	ed->v[ed->nv].superseded_by = r->superseded_by;
	ed->v[ed->nv++].key = keymap_put(&ed->keys, ed->key.s, ed->key.len,
	    &added);
	return 0;
}

int
editions_start(struct editions *ed, struct store *st)
{
	memset(ed, 0, sizeof(*ed));
	keymap_init(&ed->keys);
	keymap_init(&ed->parts);
	buf_init(&ed->key, 0);
	return st->ops->stat_each(st, 1, keep_stored, ed);
}

void
editions_release(struct editions *ed)
{
	keymap_release(&ed->keys);
	keymap_release(&ed->parts);
	buf_release(&ed->key);
	free(ed->v);
	memset(ed, 0, sizeof(*ed));
}

/* The entry of the file's key (in ed->key, len bytes) with a part
 * number after it: -1 stands for "given in parts". */
static long
part_find(struct editions *ed, size_t len, int part, int add,
    unsigned long line)
{
	size_t	 k;
	int	 added;

	buf_truncate(&ed->key, len);
	buf_add(&ed->key, &part, sizeof(part));
	if (!add)
		return keymap_find(&ed->parts, ed->key.s, ed->key.len);
	k = keymap_put(&ed->parts, ed->key.s, ed->key.len, &added);
	if (added)
		ed->parts.e[k].a = (int64_t)line;
	return (long)k;
}

int
editions_add(struct editions *ed, const struct stat_rec *r,
    unsigned long line, int strict, struct errlist *el)
{
	struct keymap_entry *e;
	struct buf	 text = BUF_INIT;
	size_t		 len, k;
	int		 added;
	long		 seen;

	stat_key(r, &ed->key);
	len = ed->key.len;
	k = keymap_put(&ed->keys, ed->key.s, len, &added);
	e = &ed->keys.e[k];
	if (e->a == 0)
		e->a = (int64_t)line;	/* its first line in the file */
	else if (e->b == 1)
		ed->repeated_keys++;
	if (e->b++ > 0)
		ed->repeated_values++;
	if (!strict)
		return 0;

	/* each part once, and a key either whole (part 0) or in parts */
	seen = part_find(ed, len, r->part, 0, line);
	if (seen < 0)
		seen = part_find(ed, len, r->part ? 0 : -1, 0, line);
	if (seen < 0) {
		part_find(ed, len, r->part, 1, line);
		if (r->part)
			part_find(ed, len, -1, 1, line);
		return 0;
	}
	stat_key_text(ed->key.s, len, &text);
	errlist_add(el, line, 0, NULL, "%s is given again (line %lld has "
	    "it); palermo's CSV and JSON give a value once, or in parts "
	    "numbered in the column 'part'", text.s,
	    (long long)ed->parts.e[seen].a);
	buf_release(&text);
	return -1;
}

/* How many values of a holder a file overlaps. */
struct holder {
	int64_t		 submission, n;
	int		 allowed;
};

static struct holder *
holder_of(struct holder **h, size_t *n, int64_t submission)
{
	for (size_t i = 0; i < *n; i++)
		if ((*h)[i].submission == submission)
			return &(*h)[i];
	*h = xreallocarray(*h, *n + 1, sizeof(**h));
	memset(&(*h)[*n], 0, sizeof(**h));
	(*h)[*n].submission = submission;
	return &(*h)[(*n)++];
}

/* A stored value in the way of the file's: its key and the line. */
struct overlap {
	int64_t		 line, submission;
	size_t		 key;
};

static int
overlap_cmp(const void *a, const void *b)
{
	const struct overlap *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->submission < y->submission ? -1 : x->submission >
	    y->submission;
}

/* Say which values overlap which submissions, and how to go on. */
static void
overlap_say(struct editions *ed, const char *file, struct overlap *bad,
    size_t nbad, const struct holder *h, size_t nh)
{
	struct buf	 b = BUF_INIT;
	size_t		 shown = 0;

	qsort(bad, nbad, sizeof(*bad), overlap_cmp);
	buf_addf(&b, "%s: values of keys that other submissions hold (the "
	    "same country, year, indicator, splits and origin); nothing was "
	    "imported:\n", file);
	for (size_t i = 0; i < nbad && shown < OVERLAPS_SHOWN; i++) {
		const struct keymap_entry *e = &ed->keys.e[bad[i].key];

		if (i > 0 && bad[i].key == bad[i - 1].key)
			continue;
		buf_addf(&b, "  %s %lld: ", ed->line_word ? ed->line_word :
		    "line", (long long)e->a);
		stat_key_text(e->key, e->len, &b);
		buf_addf(&b, ": held by submission %lld\n",
		    (long long)bad[i].submission);
		shown++;
	}
	for (size_t i = 0; i < nh; i++)
		if (!h[i].allowed)
			buf_addf(&b, "  submission %lld holds %lld of them\n",
			    (long long)h[i].submission, (long long)h[i].n);
	buf_adds(&b, "  to make this file a new edition of those values, "
	    "import it with");
	for (size_t i = 0; i < nh; i++)
		if (!h[i].allowed)
			buf_addf(&b, " --supersedes %lld",
			    (long long)h[i].submission);
	error("%s", b.s);
	buf_release(&b);
}

/* The submissions named by --supersedes: each of statistics, and not the
 * one being made or replaced; 0, 1 (said) or -1. */
static int
supersedes_check(struct store *st, const struct intake_request *req,
    int64_t submission, int64_t replaced)
{
	struct arena	 a = { NULL };
	struct submission *v;
	size_t		 n, i;
	int		 rc = 0;

	if (req->nsupersedes == 0)
		return 0;
	if (st->ops->submission_list(st, &a, &v, &n) == -1)
		return -1;
	for (size_t k = 0; k < req->nsupersedes && rc == 0; k++) {
		int64_t	 id = req->supersedes[k];

		for (i = 0; i < n && v[i].id != id; i++)
			;
		if (i == n || id == submission || strcmp(v[i].kind, "stats")
		    != 0)
			rc = error("--supersedes %lld: there is no submission "
			    "%lld of official statistics; nothing was imported",
			    (long long)id, (long long)id);
		else if (id == replaced)
			rc = error("--supersedes %lld: this import replaces "
			    "submission %lld (--replace); nothing was imported",
			    (long long)id, (long long)id);
	}
	arena_release(&a);
	return rc ? 1 : 0;
}

int
editions_finish(struct editions *ed, struct store *st,
    const struct intake_request *req, const char *file, int64_t submission,
    int64_t replaced, struct intake_result *res)
{
	struct holder	*h = NULL;
	struct overlap	*bad = NULL;
	size_t		 nh = 0, nbad = 0, cap = 0;
	int		 rc;

	res->repeated_keys = ed->repeated_keys;
	res->repeated_values = ed->repeated_values;
	if ((rc = supersedes_check(st, req, submission, replaced)) != 0)
		return rc;
	for (size_t k = 0; k < req->nsupersedes; k++)
		holder_of(&h, &nh, req->supersedes[k])->allowed = 1;
	/* what the replaced submission superseded, this file does too */
	for (size_t i = 0; replaced && i < ed->nv; i++)
		if (ed->v[i].superseded_by == replaced)
			holder_of(&h, &nh, ed->v[i].submission)->allowed = 1;

	/* the values current once the replaced one is gone, of the file's
	 * keys: superseded, or in the way */
	for (size_t i = 0; i < ed->nv; i++) {
		const struct stored *v = &ed->v[i];
		struct holder	*o;

		if (v->submission == replaced || (v->superseded_by != 0 &&
		    v->superseded_by != replaced) || ed->keys.e[v->key].b == 0)
			continue;
		o = holder_of(&h, &nh, v->submission);
		o->n++;
		if (!o->allowed) {
			if (nbad == cap) {
				cap = cap ? cap * 2 : 64;
				bad = xreallocarray(bad, cap, sizeof(*bad));
			}
			bad[nbad].line = ed->keys.e[v->key].a;
			bad[nbad].submission = v->submission;
			bad[nbad++].key = v->key;
		}
	}
	if (nbad) {
		overlap_say(ed, file, bad, nbad, h, nh);
		rc = 1;
		goto out;
	}
	for (size_t k = 0; k < req->nsupersedes; k++) {
		struct holder *o = holder_of(&h, &nh, req->supersedes[k]);

		if (o->n == 0) {
			error("--supersedes %lld: no value of %s has the key of "
			    "a current value of submission %lld; nothing was "
			    "imported", (long long)o->submission, file,
			    (long long)o->submission);
			rc = 1;
			goto out;
		}
	}
	for (size_t i = 0; i < ed->nv; i++) {
		const struct stored *v = &ed->v[i];

		if (v->submission == replaced || (v->superseded_by != 0 &&
		    v->superseded_by != replaced) || ed->keys.e[v->key].b == 0)
			continue;
		if (st->ops->stat_supersede(st, v->id, submission) == -1) {
			rc = -1;
			goto out;
		}
	}
	for (size_t k = 0; k < nh; k++) {
		if (h[k].n == 0)
			continue;
		if (st->ops->supersession_add(st, submission, h[k].submission,
		    h[k].n) == -1) {
			rc = -1;
			goto out;
		}
		res->supers = xreallocarray(res->supers, res->nsupers + 1,
		    sizeof(*res->supers));
		res->supers[res->nsupers].submission = submission;
		res->supers[res->nsupers].superseded = h[k].submission;
		res->supers[res->nsupers++].n = h[k].n;
		res->superseded += h[k].n;
	}
	rc = 0;
out:
	free(h);
	free(bad);
	return rc;
}
