/*
 * profile.c: the registers' part of a country profile: where a State
 * stands on the four instruments on the report's date, how its law
 * criminalises each form, its national mechanisms and the meetings they
 * attended, its actions under the Global Plan of Action, the practices it
 * shared, and the Trust Fund's grants in the country with the victims
 * they assisted.  What is not recorded is said, not left blank.
 */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

static const char *const standing_labels[PS__MAX] = {
	[PS_NEITHER] = "Not a party",
	[PS_SIGNATORY] = "Signatory, not a party",
	[PS_PENDING] = "Deposited, not yet in force",
	[PS_PARTY] = "Party",
};

static int
profile_instruments(struct report *r, struct store *st, int country,
    const char *as_of)
{
	static const char *const cols[] = { "Instrument", "Standing", "Since",
	    "Signed", "Instrument deposited" };
	struct treaties	 t;
	struct section	*sec;
	struct table	*tab;
	int		 parties = 0;

	if (treaties_load(st, &t) == -1)
		return -1;
	sec = report_section(r, "instruments", "The legal instruments");
	tab = table_new(r, sec, "instruments", report_printf(r, "Standing on "
	    "the instruments on %s", as_of), 5, cols);
	for (size_t k = 0; k < t.nin; k++) {
		struct cell	*row = table_row(r, tab);
		char		 since[11];
		enum party_status s = treaty_status_at(&t, t.in[k].id, country,
		    as_of, since);
		const char	*signed_on = "", *deposit = "";

		for (size_t i = 0; i < t.na; i++) {
			const struct treaty_action *a = &t.a[i];

			if (a->instrument != t.in[k].id || a->country !=
			    country || strcmp(a->date, as_of) > 0)
				continue;
			if (a->action == TA_SIGNATURE)
				signed_on = a->date;
			else if (!*deposit || strcmp(a->date, deposit) < 0)
				deposit = report_printf(r, "%s, %s",
				    code_lists[CL_TREATY_ACTION].codes[
				    a->action].label, a->date);
		}
		parties += s == PS_PARTY;
		cell_text(&row[0], report_strdup(r, t.in[k].name));
		cell_text(&row[1], standing_labels[s]);
		cell_text(&row[2], report_strdup(r, since));
		cell_text(&row[3], report_strdup(r, signed_on));
		cell_text(&row[4], report_strdup(r, deposit));
	}
	tab->note = "A State is a party from the day the instrument entered "
	    "into force for it (palermo instruments).";
	section_para(r, sec, report_printf(r, "On %s, %s was a party to %d "
	    "of the %zu instruments in the register.", as_of,
	    participant_name(country), parties, t.nin));
	treaties_release(&t);
	return 0;
}

static int
profile_law(struct report *r, struct store *st, int country,
    const char *as_of)
{
	static const char *const cols[] = { "Form of exploitation",
	    "Criminalised", "In effect since", "Law" };
	static const char *const status_labels[CRIM__MAX] = {
		[CRIM_FULL] = "Fully", [CRIM_PARTIAL] = "In part",
		[CRIM_NONE] = "Not criminalised",
	};
	struct arena	 a = { NULL };
	struct crim_entry *v;
	struct section	*sec;
	struct table	*tab;
	size_t		 n;
	int		 recorded = 0;

	if (st->ops->crim_list(st, &a, &v, &n) == -1) {
		arena_release(&a);
		return -1;
	}
	sec = report_section(r, "law", "How the law criminalises each form");
	tab = table_new(r, sec, "criminalisation", report_printf(r, "The laws "
	    "in effect on %s", as_of), 4, cols);
	for (int f = 1; f < FORM__MAX; f++) {
		const struct crim_entry *e = crim_in_effect(v, n, country, f,
		    as_of);
		struct cell	*row = table_row(r, tab);
		int		 s = e ? crim_status_find(e->status) : -1;

		cell_text(&row[0], code_lists[CL_FORM].codes[f].label);
		cell_text(&row[1], s >= 0 ? status_labels[s] : "Not recorded");
		cell_text(&row[2], e && *e->date ? report_strdup(r, e->date) :
		    e ? "Not recorded" : "");
		cell_text(&row[3], e ? report_strdup(r, e->law) : "");
		recorded += e != NULL;
	}
	if (recorded == 0)
		section_para(r, sec, "Nothing is recorded of how this State's "
		    "law criminalises trafficking (palermo criminalisation).");
	arena_release(&a);
	return 0;
}

static int
profile_mechanisms(struct report *r, struct store *st, int country)
{
	static const char *const mcols[] = { "Mechanism", "Kind", "Mandate",
	    "Office" };
	static const char *const ecols[] = { "Date", "Place", "Topics" };
	const char	*code = participant_code(country);
	struct arena	 a = { NULL };
	struct mechanism *m;
	struct mech_meeting *me;
	struct section	*sec;
	struct table	*tab;
	size_t		 nm, ne;
	int		 any = 0;

	if (st->ops->mechanism_list(st, &a, &m, &nm) == -1 ||
	    st->ops->mech_meeting_list(st, &a, &me, &ne) == -1) {
		arena_release(&a);
		return -1;
	}
	sec = report_section(r, "mechanism", "National coordination");
	tab = table_new(r, sec, "mechanisms", "National coordination "
	    "mechanisms and rapporteurs", 4, mcols);
	for (size_t i = 0; i < nm; i++) {
		struct cell	*row;

		if (m[i].country != country)
			continue;
		row = table_row(r, tab);
		cell_text(&row[0], report_strdup(r, m[i].name));
		cell_text(&row[1], report_strdup(r, m[i].kind));
		cell_text(&row[2], report_strdup(r, m[i].mandate ? m[i].mandate :
		    ""));
		cell_text(&row[3], report_strdup(r, m[i].office ? m[i].office :
		    ""));
		any = 1;
	}
	if (!any)
		section_para(r, sec, "No national mechanism of this State is "
		    "recorded (palermo mechanisms add).");
	tab = table_new(r, sec, "mechanism_meetings", "Meetings of mechanisms "
	    "it took part in", 3, ecols);
	for (size_t i = 0; i < ne; i++) {
		struct cell	*row;
		const char	*p = me[i].participants;

		/* "ISO3 name; ...": the State's code at the start of one */
		for (; p != NULL && *p; p += strcspn(p, ";"),
		    p += *p == ';', p += strspn(p, " "))
			if (strncmp(p, code, 3) == 0 && p[3] == ' ')
				break;
		if (p == NULL || *p == '\0')
			continue;
		row = table_row(r, tab);
		cell_text(&row[0], report_strdup(r, me[i].date));
		cell_text(&row[1], report_strdup(r, me[i].place));
		cell_text(&row[2], report_strdup(r, me[i].topics));
	}
	arena_release(&a);
	return 0;
}

static int	 practices_of(struct report *, struct store *, int,
		    struct table *);

static int
profile_plan(struct report *r, struct store *st, int country)
{
	static const char *const acols[] = { "Action", "Pillars", "Status",
	    "Due" };
	static const char *const pcols[] = { "Date", "Practice", "Pillar" };
	struct arena	 a = { NULL };
	struct plan_action *v;
	struct section	*sec;
	struct table	*tab;
	struct buf	 b = BUF_INIT;
	size_t		 n;

	if (st->ops->plan_action_list(st, &a, &v, &n) == -1) {
		arena_release(&a);
		return -1;
	}
	sec = report_section(r, "plan", "Under the Global Plan of Action");
	tab = table_new(r, sec, "plan_actions", "The State's actions under the "
	    "plan", 4, acols);
	for (size_t i = 0; i < n; i++) {
		struct cell	*row;

		if (v[i].actor_kind != ACTOR_STATE || v[i].country != country)
			continue;
		buf_truncate(&b, 0);
		for (int p = 0; p < PILLAR__MAX; p++)
			if (v[i].pillars & (1 << p))
				buf_addf(&b, "%s%s", b.len ? ", " : "",
				    code_lists[CL_PILLAR].codes[p].label);
		row = table_row(r, tab);
		cell_text(&row[0], report_strdup(r, v[i].title));
		cell_text(&row[1], report_strdup(r, b.s));
		cell_text(&row[2], code_lists[CL_ACTION_STATUS].codes[
		    v[i].status].label);
		cell_text(&row[3], v[i].due ? report_strdup(r, v[i].due) : "");
	}
	buf_release(&b);
	arena_release(&a);
	tab = table_new(r, sec, "practices", "Practices it shared", 3, pcols);
	return practices_of(r, st, country, tab);
}

/* Each practice of the country, into the table. */
struct practice_rows {
	struct report	*r;
	struct table	*t;
};

static int
practice_row(const struct practice *p, const char *snippet, void *arg)
{
	struct practice_rows *pr = arg;
	struct cell	*row = table_row(pr->r, pr->t);

	(void)snippet;
	cell_text(&row[0], report_strdup(pr->r, p->date));
	cell_text(&row[1], report_strdup(pr->r, p->title));
	cell_text(&row[2], code_lists[CL_PILLAR].codes[p->pillar].label);
	return 0;
}

static int
practices_of(struct report *r, struct store *st, int country,
    struct table *t)
{
	/* every practice of the country */
	struct practice_filter f = { country, NR, NULL, 1000000 };
	struct practice_rows pr = { r, t };
	long long	 found;

	return practices_find(st, NULL, 0, &f, practice_row, &pr, &found);
}

static int
profile_fund(struct report *r, struct store *st, int country)
{
	static const char *const cols[] = { "Grantee", "Cycle", "Window",
	    "Amount (US$)", "From", "To", "Victims assisted" };
	struct fund_totals t;
	struct arena	 a = { NULL };
	struct fund_grant *g;
	struct section	*sec;
	struct table	*tab;
	size_t		 n;
	int64_t		 victims = 0, usd = 0;
	int		 k = 0;
	char		 m[40], v[32];

	if (st->ops->fund_grant_list(st, &a, &g, &n) == -1 ||
	    fund_summarise(st, NULL, NULL, &t) == -1) {
		arena_release(&a);
		return -1;
	}
	sec = report_section(r, "fund", "The Trust Fund in the country");
	tab = table_new(r, sec, "fund_grants", "Grants of the United Nations "
	    "Voluntary Trust Fund for Victims of Trafficking in Persons", 7,
	    cols);
	for (size_t i = 0; i < n; i++) {
		struct grant_sum *s = fund_grant_sum(&t, g[i].id);
		struct cell	*row;

		if (g[i].country != country || (s && s->cancelled))
			continue;
		row = table_row(r, tab);
		cell_text(&row[0], report_strdup(r, g[i].grantee));
		cell_text(&row[1], report_printf(r, "%d", g[i].cycle));
		cell_text(&row[2], grant_window_labels[g[i].window]);
		cell_money(&row[3], g[i].amount);
		cell_text(&row[4], report_strdup(r, g[i].start));
		cell_text(&row[5], report_strdup(r, g[i].end));
		if (s && s->reported)
			cell_int(&row[6], s->victims);
		else
			cell_text(&row[6], "Not reported");
		victims += s && s->reported ? s->victims : 0;
		usd += g[i].amount;
		k++;
	}
	money_text(usd, m);
	int_format(victims, v);
	section_para(r, sec, k == 0 ? "The Trust Fund has made no grant in "
	    "this country." : report_printf(r, "%d grant%s in the country, "
	    "US$ %s in all, assisted %s victims as the grantees last "
	    "reported.", k, k == 1 ? "" : "s", m, v));
	fund_totals_release(&t);
	arena_release(&a);
	return 0;
}

int
country_registers(struct report *r, struct store *st, int c,
    const char *as_of)
{
	int	 country = country_at(c)->numeric;

	return profile_instruments(r, st, country, as_of) == -1 ||
	    profile_law(r, st, country, as_of) == -1 ||
	    profile_mechanisms(r, st, country) == -1 ||
	    profile_plan(r, st, country) == -1 ||
	    profile_fund(r, st, country) == -1 ? -1 : 0;
}
