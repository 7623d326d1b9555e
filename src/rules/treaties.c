/*
 * treaties.c: the rules of the register of legal instruments that
 * resolution 68/192 urges states to ratify and apply (op. 1), and of the
 * register of how each state's law criminalises each form of trafficking.
 *
 * A State is a party from the date the instrument enters into force for
 * it: by the instrument's own rule after its ratification, accession,
 * acceptance, approval or succession (its deposit), and never before the
 * instrument itself entered into force.  Between its deposit and that
 * date it is pending; a signatory has signed and is neither.  Only the
 * participants of data/participants.csv take part (model/participant.c):
 * territories never do; regional economic integration organisations only
 * where the instrument admits them.  A State must be party to a
 * convention to become party to one of its protocols (UNTOC art. 37).
 * Every command and report asks treaty_status; nothing else decides who
 * is a party.
 */
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

const char *const party_status_names[PS__MAX] = {
	[PS_NEITHER] = "neither",
	[PS_SIGNATORY] = "signatory",
	[PS_PENDING] = "pending",
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

void
treaties_note(struct treaties *t, const struct treaty_action *a)
{
	struct treaty_action *n;

	t->a = arena_grow(&t->arena, t->a, t->na, t->na + 1, sizeof(*t->a));
	n = &t->a[t->na++];
	*n = *a;
	n->date = arena_strdup(&t->arena, a->date);
	n->source = a->source ? arena_strdup(&t->arena, a->source) : NULL;
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

const struct instrument *
treaties_by_id(const struct treaties *t, int64_t id)
{
	for (size_t i = 0; i < t->nin; i++)
		if (t->in[i].id == id)
			return &t->in[i];
	return NULL;
}

void
treaty_in_force_for(const struct instrument *in, int action,
    const char *deposit, char out[11])
{
	if (action == TA_SUCCESSION || in->eif_rule == EIF_DEPOSIT)
		memcpy(out, deposit, 11);
	else
		date_add(deposit, in->eif_rule == EIF_DAYS ? in->eif_after : 0,
		    in->eif_rule == EIF_MONTHS ? in->eif_after : 0, out);
	if (*in->in_force && strcmp(out, in->in_force) < 0)
		memcpy(out, in->in_force, 11);
}

enum party_status
treaty_status_at(const struct treaties *t, int64_t instrument, int country,
    const char *as_of, char since[11])
{
	const struct instrument *in = treaties_by_id(t, instrument);
	enum party_status st = PS_NEITHER;
	char		 eif[11], first[11] = "", signed_on[11] = "";

	*since = '\0';
	for (size_t i = 0; in != NULL && i < t->na; i++) {
		const struct treaty_action *a = &t->a[i];

		if (a->instrument != instrument || a->country != country ||
		    strcmp(a->date, as_of) > 0)
			continue;
		if (a->action == TA_SIGNATURE) {
			if (!*signed_on || strcmp(a->date, signed_on) < 0)
				memcpy(signed_on, a->date, 11);
			continue;
		}
		treaty_in_force_for(in, a->action, a->date, eif);
		if (!*first || strcmp(eif, first) < 0)
			memcpy(first, eif, 11);
	}
	if (*first) {
		st = strcmp(first, as_of) <= 0 ? PS_PARTY : PS_PENDING;
		memcpy(since, first, 11);
	} else if (*signed_on) {
		st = PS_SIGNATORY;
		memcpy(since, signed_on, 11);
	}
	return st;
}

int
treaty_may_take_part(const struct treaties *t, int64_t instrument,
    const struct participant *p, const char *date)
{
	const struct instrument *in = treaties_by_id(t, instrument);

	return in != NULL && participant_on(p, date) &&
	    (p->kind != PK_ORGANISATION || in->organisations);
}

/* Each participant once: the row in effect on date, else its first. */
static const struct participant *
participant_each(int i, const char *date)
{
	const struct participant *p = participant_at(i), *q;

	if (p == NULL)
		return NULL;
	q = participant_find(p->numeric, date);
	if (q == NULL)
		q = participant_find(p->numeric, NULL);
	return q == p ? p : NULL;
}

int
treaty_participants(const struct treaties *t, int64_t instrument,
    const char *as_of, int region, struct treaty_entry *out)
{
	char		 since[11];
	int		 n = 0;

	for (int i = 0; i < participant_count(); i++) {
		const struct participant *p = participant_each(i, as_of);
		enum party_status s;
		int		 r;

		if (p == NULL)
			continue;
		s = treaty_status_at(t, instrument, p->numeric, as_of, since);
		/* a party counts, whether or not the table has it then */
		if (s != PS_PARTY && !treaty_may_take_part(t, instrument, p,
		    as_of))
			continue;
		r = country_index(p->numeric) >= 0 ? region_index(
		    country_index(p->numeric)) : NREGIONS;
		if (region != -1 && r != region)
			continue;
		out[n].numeric = p->numeric;
		out[n].status = s;
		memcpy(out[n].since, since, 11);
		n++;
	}
	return n;
}

void
treaty_count(const struct treaties *t, int64_t instrument, const char *as_of,
    int n[PS__MAX], const char *from, int *since_from)
{
	struct treaty_entry *e = xreallocarray(NULL,
	    (size_t)participant_count(), sizeof(*e));
	int		 k = treaty_participants(t, instrument, as_of, -1, e);

	memset(n, 0, sizeof(int) * PS__MAX);
	if (since_from != NULL)
		*since_from = 0;
	for (int i = 0; i < k; i++) {
		n[e[i].status]++;
		if (e[i].status == PS_PARTY && since_from != NULL &&
		    from != NULL && strcmp(e[i].since, from) >= 0)
			(*since_from)++;
	}
	free(e);
}

int
treaty_not_party(const struct treaties *t, int64_t instrument,
    const char *as_of, int region, int *out)
{
	struct treaty_entry *e = xreallocarray(NULL,
	    (size_t)participant_count(), sizeof(*e));
	int		 k = treaty_participants(t, instrument, as_of, region, e),
			 n = 0;

	for (int i = 0; i < k; i++)
		if (e[i].status != PS_PARTY)
			out[n++] = e[i].numeric;
	free(e);
	return n;
}

int
treaty_action_read(const struct treaties *t, const char *const f[4],
    struct treaty_action *a, struct errlist *el, unsigned long line,
    const int col[4])
{
	const struct instrument	*in;
	int			 bad = 0;

	switch (participant_resolve(f[0], &a->country)) {
	case PARTICIPANT_FOUND:
		break;
	case PARTICIPANT_TERRITORY:
		errlist_add(el, line, (unsigned long)col[0] + 1, "country",
		    "%s is a territory, not a State or organisation that "
		    "can take part in a treaty", participant_name(a->country));
		bad = 1;
		break;
	default:
		errlist_add(el, line, (unsigned long)col[0] + 1, "country",
		    "unknown country '%s'", f[0]);
		bad = 1;
	}
	if ((in = treaties_find(t, f[1])) == NULL) {
		errlist_add(el, line, (unsigned long)col[1] + 1, "instrument",
		    "unknown instrument '%s' (see 'palermo instruments')",
		    f[1]);
		bad = 1;
	} else
		a->instrument = in->id;
	if ((a->action = code_find(CL_TREATY_ACTION, f[2])) == -1) {
		errlist_add(el, line, (unsigned long)col[2] + 1, "action",
		    "unknown action '%s'; expected signature, ratification, "
		    "accession, acceptance, approval or succession", f[2]);
		bad = 1;
	}
	if (!date_valid_past(f[3])) {
		errlist_add(el, line, (unsigned long)col[3] + 1, "date", "'%s' "
		    "is not a date (YYYY-MM-DD) up to today", f[3]);
		bad = 1;
	}
	a->date = f[3];
	if (!bad && in->organisations == 0 && participant_find(a->country,
	    NULL)->kind == PK_ORGANISATION) {
		errlist_add(el, line, (unsigned long)col[0] + 1, "country",
		    "%s is not open to organisations such as %s", in->code,
		    participant_name(a->country));
		bad = 1;
	}
	return bad ? -1 : 0;
}

int
treaty_action_admit(const struct treaties *t, const struct treaty_action *a,
    struct errlist *el, unsigned long line, int col)
{
	const struct instrument *in = treaties_by_id(t, a->instrument), *conv;
	char		 since[11];

	if (in == NULL || in->protocol_to == 0 || a->action == TA_SIGNATURE ||
	    (conv = treaties_by_id(t, in->protocol_to)) == NULL)
		return 0;
	if (treaty_status_at(t, conv->id, a->country, a->date, since) >=
	    PS_PENDING)
		return 0;
	errlist_add(el, line, (unsigned long)col + 1, "country", "%s cannot "
	    "become party to %s on %s: it has not ratified or acceded to %s "
	    "by then, and a State must be party to the Convention to become "
	    "party to one of its Protocols (UNTOC art. 37)",
	    participant_code(a->country), in->code, a->date, conv->code);
	return -1;
}

int
treaty_action_removable(const struct treaties *t, int64_t instrument,
    int country, int action, const char **protocol)
{
	struct treaties	 after = *t;
	char		 since[11];
	size_t		 k = 0;
	int		 ok = 1;

	*protocol = NULL;
	if (action == TA_SIGNATURE)
		return 1;
	after.a = xreallocarray(NULL, t->na ? t->na : 1, sizeof(*after.a));
	for (size_t i = 0; i < t->na; i++)
		if (!(t->a[i].instrument == instrument &&
		    t->a[i].country == country && t->a[i].action == action))
			after.a[k++] = t->a[i];
	after.na = k;
	for (size_t i = 0; i < t->nin && ok; i++)
		for (size_t j = 0; j < after.na && ok; j++) {
			const struct treaty_action *p = &after.a[j];

			if (t->in[i].protocol_to != instrument ||
			    p->instrument != t->in[i].id ||
			    p->country != country || p->action == TA_SIGNATURE)
				continue;
			if (treaty_status_at(&after, instrument, country, p->date,
			    since) < PS_PENDING) {
				*protocol = t->in[i].code;
				ok = 0;
			}
		}
	free(after.a);
	return ok;
}

int
treaty_eif_parse(const char *s, enum eif_rule *rule, int *after)
{
	long long	 n;
	char		 unit[8];
	int		 used = 0;

	if (strcmp(s, "deposit") == 0) {
		*rule = EIF_DEPOSIT;
		*after = 0;
		return 0;
	}
	if (sscanf(s, "%lld %7s%n", &n, unit, &used) != 2 || s[used] != '\0' ||
	    n < 1 || n > 1000)
		return -1;
	if (strcmp(unit, "day") == 0 || strcmp(unit, "days") == 0)
		*rule = EIF_DAYS;
	else if (strcmp(unit, "month") == 0 || strcmp(unit, "months") == 0)
		*rule = EIF_MONTHS;
	else
		return -1;
	*after = (int)n;
	return 0;
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

const struct crim_entry *
crim_in_effect(const struct crim_entry *v, size_t n, int country, int form,
    const char *as_of)
{
	const struct crim_entry *e = NULL;

	/* the store gives them by country, form and date: the last one
	 * dated up to as_of is in effect ("" sorts first) */
	for (size_t i = 0; i < n; i++)
		if (v[i].country == country && v[i].form == form &&
		    strcmp(v[i].date, as_of) <= 0)
			e = &v[i];
	return e;
}

int
crim_tally(struct store *st, const char *as_of, int n[FORM__MAX][CRIM__MAX])
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
	for (size_t i = 0; i < nv; i++) {
		const struct crim_entry *e;

		/* each country and form once: at its first entry */
		if (i > 0 && v[i - 1].country == v[i].country &&
		    v[i - 1].form == v[i].form)
			continue;
		e = crim_in_effect(v, nv, v[i].country, v[i].form, as_of);
		if (e != NULL && (s = crim_status_find(e->status)) != -1 &&
		    e->form > 0 && e->form < FORM__MAX)
			n[e->form][s]++;
	}
	arena_release(&a);
	return 0;
}
