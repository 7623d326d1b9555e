/*
 * export.c: what is stored, written back out in a format palermo reads:
 * every case, or every official statistic, through the same writers as
 * the formats' readers (cases.c, stats.c), so that an export imports
 * again as it was; and the actions of the plan, in the columns plan
 * import reads (rules/plan.c) or as JSON with all that was said of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "intake/intake.h"

/* The output, written a chunk at a time. */
struct out {
	FILE		*fp;
	int		 format;
	struct buf	 b;
};

static int
out_flush(struct out *o, size_t at_least)
{
	if (o->b.len >= at_least && o->b.len) {
		if (fwrite(o->b.s, 1, o->b.len, o->fp) != o->b.len)
			return -1;
		buf_reset(&o->b);
	}
	return 0;
}

static int
put_case(const struct case_rec *c, int64_t submission, void *arg)
{
	struct out	*o = arg;

	(void)submission;
	case_write(o->format, c, &o->b);
	return out_flush(o, 64 * 1024);
}

/* The values of each key, and how many of them are written. */
struct parts {
	struct keymap	 m;
	struct buf	 key;
	struct out	*o;
};

static int
count_key(const struct stat_rec *r, void *arg)
{
	struct parts	*p = arg;
	size_t		 k;
	int		 added;

	stat_key(r, &p->key);
	/* the entries may move as the key is put: the index first */
	k = keymap_put(&p->m, p->key.s, p->key.len, &added);
	p->m.e[k].a++;
	return 0;
}

/* A key given in several values (the portal's parts of one figure) is
 * written with their numbers, so that palermo's CSV and JSON, in which a
 * key is given once, read them back as parts. */
static int
put_stat(const struct stat_rec *r, void *arg)
{
	struct parts	*p = arg;
	struct keymap_entry *e;
	struct stat_rec	 v = *r;

	stat_key(r, &p->key);
	e = &p->m.e[keymap_find(&p->m, p->key.s, p->key.len)];
	v.part = e->a > 1 ? (int)++e->b : 0;
	stat_write(p->o->format, &v, &p->o->b);
	return out_flush(p->o, 64 * 1024);
}

int
export_cases(struct store *st, enum format_id format, FILE *fp)
{
	struct out	 o = { fp, format, BUF_INIT };
	int		 rc;

	case_write_header(format, &o.b);
	rc = st->ops->case_each(st, 0, INT64_MAX, put_case, &o);
	if (rc == 0)
		rc = out_flush(&o, 0);
	buf_release(&o.b);
	return rc;
}

int
export_stats(struct store *st, enum stat_format format, FILE *fp)
{
	struct out	 o = { fp, format, BUF_INIT };
	struct parts	 p;
	int		 rc;

	keymap_init(&p.m);
	buf_init(&p.key, 0);
	p.o = &o;
	stat_write_header(format, &o.b);
	rc = st->ops->stat_each(st, 0, count_key, &p);
	if (rc == 0)
		rc = st->ops->stat_each(st, 0, put_stat, &p);
	if (rc == 0)
		rc = out_flush(&o, 0);
	buf_release(&o.b);
	buf_release(&p.key);
	keymap_release(&p.m);
	return rc;
}

static void
plan_csv(const struct plan_action *a, struct buf *out)
{
	const char	*v[PLF__MAX];
	struct plan_text t;

	plan_action_fields(a, v, &t);
	buf_addf(out, "%lld", (long long)a->id);
	for (int i = 0; i < PLF__MAX; i++) {
		buf_addc(out, ',');
		if (v[i] != NULL)
			csv_put(out, v[i], strlen(v[i]));
	}
	buf_addc(out, '\n');
	plan_text_release(&t);
}

static json_t *
jtext(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* The action with the notes, indicators and evidence of items that are
 * its own, as one line of JSON. */
static void
plan_json(const struct plan_action *a, const struct plan_item *items,
    size_t nitems, struct buf *out)
{
	json_t		*j = json_object(), *notes = json_array(),
			*inds = json_array(), *ev = json_array();
	const char	*v[PLF__MAX];
	struct plan_text t;
	char		*s;

	plan_action_fields(a, v, &t);
	json_object_set_new(j, "id", json_integer(a->id));
	json_object_set_new(j, "actor_kind", json_string(v[PLF_ACTOR_KIND]));
	json_object_set_new(j, "actor", json_string(a->actor));
	json_object_set_new(j, "title", json_string(a->title));
	json_object_set_new(j, "description", json_string(a->description));
	json_object_set_new(j, "pillars", json_string(v[PLF_PILLARS]));
	json_object_set_new(j, "objectives", json_string(v[PLF_OBJECTIVES]));
	json_object_set_new(j, "start", jtext(a->start));
	json_object_set_new(j, "due", jtext(a->due));
	json_object_set_new(j, "status", json_string(v[PLF_STATUS]));
	json_object_set_new(j, "horizon", a->horizon != NR ?
	    json_integer(a->horizon) : json_null());
	for (size_t i = 0; i < nitems; i++) {
		const struct plan_item *it = &items[i];

		if (it->action != a->id)
			continue;
		if (it->kind == PC_NOTE)
			json_array_append_new(notes, json_pack("{s:s,s:s}",
			    "date", it->date, "note", it->text));
		else if (it->kind == PC_INDICATOR)
			json_array_append_new(inds, json_pack("{s:s,s:o,s:o}",
			    "name", it->text, "target", it->target == NR ?
			    json_null() : json_integer(it->target), "actual",
			    it->actual == NR ? json_null() :
			    json_integer(it->actual)));
		else
			json_array_append_new(ev, json_string(it->text));
	}
	json_object_set_new(j, "notes", notes);
	json_object_set_new(j, "indicators", inds);
	json_object_set_new(j, "evidence", ev);
	plan_text_release(&t);
	if ((s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER)) == NULL)
		die("out of memory");
	buf_addf(out, "%s\n", s);
	free(s);
	json_decref(j);
}

const char *const plan_export_names[PLAN__MAX] = {
	[PLAN_CSV] = "csv", [PLAN_JSON] = "json",
};

int
export_plan(struct store *st, const struct plan_filter *f,
    enum plan_export format, struct buf *out)
{
	struct arena	 a = { NULL };
	struct plan_action *v;
	struct plan_item *items = NULL;
	size_t		 n, nitems = 0;
	int		 rc = -1;

	if ((format == PLAN_JSON && st->ops->plan_item_list(st, &a, &items,
	    &nitems) == -1) || st->ops->plan_action_list(st, &a, &v, &n) == -1)
		goto out;
	if (format == PLAN_CSV) {
		buf_adds(out, "id");
		for (int i = 0; i < PLF__MAX; i++)
			buf_addf(out, ",%s", plan_field_names[i]);
		buf_addc(out, '\n');
	}
	for (size_t i = 0; i < n; i++) {
		if (!plan_filter_match(f, &v[i]))
			continue;
		if (format == PLAN_CSV)
			plan_csv(&v[i], out);
		else
			plan_json(&v[i], items, nitems, out);
	}
	rc = 0;
out:
	arena_release(&a);
	return rc;
}
