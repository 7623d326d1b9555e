/*
 * treaties.c: the rules of the register of legal instruments that
 * resolution 68/192 urges states to ratify and apply (op. 1), and of the
 * register of how each state's law criminalises each form of trafficking.
 *
 * A state is a party from the date of its ratification, accession,
 * acceptance, approval or succession; a signatory that is not yet a party
 * has signed and done none of those.  The states are the ISO 3166-1
 * countries and areas.  Every command and report asks treaty_status;
 * nothing else decides who is a party.
 */
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

const char *const party_status_names[PS__MAX] = {
	[PS_NEITHER] = "neither",
	[PS_SIGNATORY] = "signatory",
	[PS_PARTY] = "party",
};

const char *const crim_status_names[CRIM__MAX] = {
	[CRIM_FULL] = "full",
	[CRIM_PARTIAL] = "partial",
	[CRIM_NONE] = "none",
};

int
treaties_load(struct store *st, struct treaties *t)
{
	memset(t, 0, sizeof(*t));
	if (st->ops->instrument_list(st, &t->arena, &t->in, &t->nin) == -1 ||
	    st->ops->action_list(st, &t->arena, &t->a, &t->na) == -1) {
		treaties_release(t);
		return -1;
	}
	return 0;
}

void
treaties_release(struct treaties *t)
{
	arena_release(&t->arena);
	memset(t, 0, sizeof(*t));
}

const struct instrument *
treaties_find(const struct treaties *t, const char *s)
{
	long long	 id;

	for (size_t i = 0; i < t->nin; i++)
		if (str_eqi(t->in[i].code, s) || str_eqi(t->in[i].name, s) ||
		    (parse_int(s, 1, INT64_MAX, &id) == 0 && t->in[i].id == id))
			return &t->in[i];
	return NULL;
}

enum party_status
treaty_status(const struct treaties *t, int64_t instrument, int country,
    const char *as_of, const char **since)
{
	enum party_status st = PS_NEITHER;

	*since = "";
	for (size_t i = 0; i < t->na; i++) {
		const struct treaty_action *a = &t->a[i];

		if (a->instrument != instrument || a->country != country ||
		    strcmp(a->date, as_of) > 0)
			continue;
		if (a->action != TA_SIGNATURE) {
			if (st != PS_PARTY || strcmp(a->date, *since) < 0)
				*since = a->date;
			st = PS_PARTY;
		} else if (st == PS_NEITHER) {
			st = PS_SIGNATORY;
			*since = a->date;
		}
	}
	return st;
}

void
treaty_count(const struct treaties *t, int64_t instrument, const char *as_of,
    int n[PS__MAX], const char *from, int *since_from)
{
	const char	*since;
	int		 s;

	memset(n, 0, sizeof(int) * PS__MAX);
	if (since_from != NULL)
		*since_from = 0;
	for (int i = 0; i < country_count(); i++) {
		s = treaty_status(t, instrument, country_at(i)->numeric, as_of,
		    &since);
		n[s]++;
		if (s == PS_PARTY && since_from != NULL && from != NULL &&
		    strcmp(since, from) >= 0)
			(*since_from)++;
	}
}

int
treaty_not_party(const struct treaties *t, int64_t instrument,
    const char *as_of, int region, int *out)
{
	const char	*since;
	int		 n = 0;

	for (int i = 0; i < country_count(); i++)
		if (region_index(i) == region && treaty_status(t, instrument,
		    country_at(i)->numeric, as_of, &since) != PS_PARTY)
			out[n++] = i;
	return n;
}

int
treaty_action_read(const struct treaties *t, const char *const f[4],
    struct treaty_action *a, struct errlist *el, unsigned long line,
    const int col[4])
{
	const struct country	*c;
	const struct instrument	*in;
	int			 bad = 0;

	if (country_resolve(f[0], &c) != COUNTRY_FOUND) {
		errlist_add(el, line, (unsigned long)col[0] + 1, "country", "unknown country '%s'",
		    f[0]);
		bad = 1;
	} else
		a->country = c->numeric;
	if ((in = treaties_find(t, f[1])) == NULL) {
		errlist_add(el, line, (unsigned long)col[1] + 1, "instrument", "unknown instrument "
		    "'%s' (see 'palermo instruments')", f[1]);
		bad = 1;
	} else
		a->instrument = in->id;
	if ((a->action = code_find(CL_TREATY_ACTION, f[2])) == -1) {
		errlist_add(el, line, (unsigned long)col[2] + 1, "action", "unknown action '%s'; "
		    "expected signature, ratification, accession, acceptance, "
		    "approval or succession", f[2]);
		bad = 1;
	}
	if (!date_valid_past(f[3])) {
		errlist_add(el, line, (unsigned long)col[3] + 1, "date", "'%s' is not a date "
		    "(YYYY-MM-DD) up to today", f[3]);
		bad = 1;
	}
	a->date = f[3];
	return bad ? -1 : 0;
}

int
treaty_unts_parse(const char *s, int *volume, int *number)
{
	const char	*colon = strchr(s, ':');
	char		*vol;
	long long	 v, n;
	int		 ok;

	if (colon == NULL)
		return -1;
	vol = xstrndup(s, (size_t)(colon - s));
	ok = parse_int(vol, 1, 100000, &v) == 0 &&
	    parse_int(colon + 1, 1, 10000000, &n) == 0;
	free(vol);
	if (!ok)
		return -1;
	*volume = (int)v;
	*number = (int)n;
	return 0;
}

int
crim_status_find(const char *s)
{
	return name_find(crim_status_names, CRIM__MAX, s);
}

int
crim_tally(struct store *st, int n[FORM__MAX][CRIM__MAX])
{
	struct arena	 a = { NULL };
	struct crim_entry *v;
	size_t		 nv;
	int		 s;

	memset(n, 0, sizeof(int) * FORM__MAX * CRIM__MAX);
	if (st->ops->crim_list(st, &a, &v, &nv) == -1) {
		arena_release(&a);
		return -1;
	}
	for (size_t i = 0; i < nv; i++)
		if ((s = crim_status_find(v[i].status)) != -1 &&
		    v[i].form > 0 && v[i].form < FORM__MAX)
			n[v[i].form][s]++;
	arena_release(&a);
	return 0;
}
