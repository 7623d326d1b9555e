/*
 * coord.c: the appraisal of the Global Plan of Action, which the
 * General Assembly holds every four years from its 72nd session, 2017, on
 * (resolution 68/192, op. 4): achievements, gaps and challenges in the
 * period since the previous appraisal, from the register of instruments,
 * the plan's actions and the official statistics.  Every statement says
 * where it comes from.
 */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

#define FIRST_APPRAISAL	2017
#define PLAN_ADOPTED	2010	/* the Global Plan of Action's year */

struct coord {
	struct plan_action	*a;
	char			**strs;
	size_t			 na, nstrs;
	struct plan_item	*it;
	size_t			 nit;
	struct treaty_action	*ta;
	size_t			 nta;
	char			**inames;	/* instrument id to code */
	size_t			 ninst;
	int64_t			*iids;
	/* official statistics: per year, countries and forms with data */
	unsigned char		 stat_country[256][NCOUNTRIES];
	unsigned char		 stat_form[256][FORM__MAX];
	/* totals of detected victims and convictions, per year */
	int64_t			 lo[256][2], hi[256][2];
	/* criminalisation: states by form and status */
	int			 crim[FORM__MAX][3];
};

static char *
keep(struct coord *c, const char *s)
{
	if (s == NULL)
		return NULL;
	c->strs = xreallocarray(c->strs, c->nstrs + 1, sizeof(*c->strs));
	return c->strs[c->nstrs++] = xstrdup(s);
}

/* The objectives as the register words them, a row each. */
struct objective_rows {
	struct report	*r;
	struct table	*t;
};

static int
keep_objective(const char *code, const char *wording, void *arg)
{
	struct objective_rows *ow = arg;
	struct cell	*row = table_row(ow->r, ow->t);

	cell_text(&row[0], report_printf(ow->r, "(%s)", code));
	cell_text(&row[1], report_printf(ow->r, "%s", wording));
	return 0;
}

static int
keep_action(const struct plan_action *a, void *arg)
{
	struct coord	*c = arg;
	struct plan_action *k;

	c->a = xreallocarray(c->a, c->na + 1, sizeof(*c->a));
	k = &c->a[c->na++];
	*k = *a;
	k->actor = keep(c, a->actor);
	k->title = keep(c, a->title);
	k->description = keep(c, a->description);
	k->start = keep(c, a->start);
	k->due = keep(c, a->due);
	k->source = keep(c, a->source);
	return 0;
}

static int
keep_item(const struct plan_item *it, void *arg)
{
	struct coord	*c = arg;

	c->it = xreallocarray(c->it, c->nit + 1, sizeof(*c->it));
	c->it[c->nit] = *it;
	c->it[c->nit].text = keep(c, it->text);
	c->it[c->nit].date = keep(c, it->date);
	c->nit++;
	return 0;
}

static int
keep_treaty(const struct treaty_action *t, void *arg)
{
	struct coord	*c = arg;

	c->ta = xreallocarray(c->ta, c->nta + 1, sizeof(*c->ta));
	c->ta[c->nta] = *t;
	c->ta[c->nta].date = keep(c, t->date);
	c->ta[c->nta].source = NULL;
	c->nta++;
	return 0;
}

static int
keep_instrument(const struct instrument *in, void *arg)
{
	struct coord	*c = arg;

	c->inames = xreallocarray(c->inames, c->ninst + 1,
	    sizeof(*c->inames));
	c->iids = xreallocarray(c->iids, c->ninst + 1, sizeof(*c->iids));
	c->inames[c->ninst] = keep(c, in->code);
	c->iids[c->ninst++] = in->id;
	return 0;
}

static int
keep_stat(const struct stat_rec *r, void *arg)
{
	struct coord	*c = arg;
	int		 y = r->year - 1900, k;

	if (y < 0 || y > 255 || r->country == NR)
		return 0;
	if ((k = country_index(r->country)) >= 0)
		c->stat_country[y][k] = 1;
	c->stat_form[y][r->form] = 1;
	if ((r->indicator == IND_DETECTED || r->indicator == IND_CONVICTED) &&
	    r->sex == SEX_TOTAL && r->age == AGEG_TOTAL && r->form ==
	    FORM_TOTAL && r->origin_dim == ODIM_NONE) {
		k = r->indicator == IND_DETECTED ? 0 : 1;
		c->lo[y][k] += r->low;
		c->hi[y][k] += r->high;
	}
	return 0;
}

static int
keep_crim(int country, int form, const char *status, const char *law,
    const char *date, void *arg)
{
	struct coord	*c = arg;
	static const char *const st[3] = { "full", "partial", "none" };

	(void)country;
	(void)law;
	(void)date;
	for (int i = 0; i < 3; i++)
		if (strcmp(status, st[i]) == 0 && form > 0 && form < FORM__MAX)
			c->crim[form][i]++;
	return 0;
}

static void
coord_free(struct coord *c)
{
	for (size_t i = 0; i < c->nstrs; i++)
		free(c->strs[i]);
	free(c->strs);
	free(c->a);
	free(c->it);
	free(c->ta);
	free(c->inames);
	free(c->iids);
	free(c);
}

/* The date a state became party to an instrument, or NULL. */
static const char *
party_since(const struct coord *c, int64_t instrument, int country)
{
	const char	*since = NULL;

	for (size_t i = 0; i < c->nta; i++)
		if (c->ta[i].instrument == instrument && c->ta[i].country ==
		    country && c->ta[i].action != TA_SIGNATURE && (since ==
		    NULL || strcmp(c->ta[i].date, since) < 0))
			since = c->ta[i].date;
	return since;
}

static int
in_period(const char *date, const char *from, const char *to)
{
	return date && strcmp(date, from) >= 0 && strcmp(date, to) <= 0;
}

int
appraisal_year_check(int year)
{
	int	 before, after;

	if (year >= FIRST_APPRAISAL && (year - FIRST_APPRAISAL) % 4 == 0)
		return 0;
	after = year < FIRST_APPRAISAL ? FIRST_APPRAISAL : FIRST_APPRAISAL +
	    ((year - FIRST_APPRAISAL) / 4 + 1) * 4;
	before = after - 4;
	if (before < FIRST_APPRAISAL)
		error("%d is not an appraisal year: the first is %d, then "
		    "every four years", year, FIRST_APPRAISAL);
	else
		error("%d is not an appraisal year: the nearest are %d and %d",
		    year, before, after);
	return -1;
}

struct report *
appraisal_report(struct store *st, int year)
{
	static const char *const ocols_words[] = { "Objective", "Wording" };
	struct objective_rows ow;
	static const char *const acols[] = { "Pillar", "Objective",
	    "Actions done in the period", "Actions recorded" };
	static const char *const pcols[] = { "Instrument", "State",
	    "Party since" };
	static const char *const gcols[] = { "Instrument", "Parties",
	    "Not yet party" };
	static const char *const dcols[] = { "Year",
	    "Countries with official data",
	    "Forms of exploitation with data" };
	static const char *const ocols[] = { "Action", "Actor", "Title",
	    "Due", "Status" };
	static const char *const ncols[] = { "Date", "Action", "Actor",
	    "Note" };
	struct coord	*c = xcalloc(1, sizeof(*c));
	struct report	*r = NULL;
	struct section	*sec;
	struct table	*t;
	struct cell	*row;
	char		 from[24], to[24];
	int		 y0 = year == FIRST_APPRAISAL ? PLAN_ADOPTED : year - 3;

	snprintf(from, sizeof(from), "%d-01-01", y0);
	snprintf(to, sizeof(to), "%d-12-31", year);
	if (st->ops->plan_action_each(st, keep_action, c) == -1 ||
	    st->ops->plan_item_each(st, keep_item, c) == -1 ||
	    st->ops->instrument_each(st, keep_instrument, c) == -1 ||
	    st->ops->action_each(st, keep_treaty, c) == -1 ||
	    st->ops->stat_each(st, keep_stat, c) == -1)
		goto out;

	r = report_new("Appraisal of the Global Plan of Action");
	r->title = report_printf(r, "Appraisal of the United Nations Global "
	    "Plan of Action to Combat Trafficking in Persons, %d", year);
	r->subtitle = report_printf(r, "The period %s to %s", from, to);

	/* what the plan sets out to do, in the register's words */
	sec = report_section(r, "objectives", "The plan's objectives");
	ow.r = r;
	ow.t = table_new(r, sec, "objectives", "The objectives (a) to (f), "
	    "as worded in this register", 2, ocols_words);
	if (st->ops->plan_objective_each(st, keep_objective, &ow) == -1)
		goto out;

	/* achievements */
	sec = report_section(r, "achievements", "Achievements");
	section_para(r, sec, "From the register of the plan's actions: "
	    "actions recorded as done, with a due date (or, without one, a "
	    "start) in the period, by pillar and objective.  An action serving "
	    "several counts under each.");
	t = table_new(r, sec, "actions_done", "Actions done in the period, by "
	    "pillar and objective", 4, acols);
	for (int p = 0; p < PILLAR__MAX; p++)
		for (int o = 0; o < 7; o++) {
			int	 done = 0, all = 0;

			for (size_t i = 0; i < c->na; i++) {
				const struct plan_action *a = &c->a[i];
				const char *when = a->due ? a->due : a->start;

				if (!(a->pillars & (1 << p)) || (o < 6 &&
				    !(a->objectives & (1 << o))) || (o == 6 &&
				    a->objectives != 0))
					continue;
				all++;
				done += a->status == AS_DONE &&
				    in_period(when, from, to);
			}
			row = table_row(r, t);
			cell_text(&row[0], code_lists[CL_PILLAR].codes[p].label);
			cell_text(&row[1], o < 6 ? report_printf(r, "(%c)",
			    'a' + o) : "none named");
			cell_int(&row[2], done);
			cell_int(&row[3], all);
		}
	t = table_new(r, sec, "new_parties", "States that became party to an "
	    "instrument in the period", 3, pcols);
	for (size_t k = 0; k < c->ninst; k++)
		for (int i = 0; i < country_count(); i++) {
			const struct country *ct = country_at(i);
			const char *since = party_since(c, c->iids[k],
			    ct->numeric);

			if (!in_period(since, from, to))
				continue;
			row = table_row(r, t);
			cell_text(&row[0], c->inames[k]);
			cell_text(&row[1], ct->name);
			cell_text(&row[2], report_strdup(r, since));
		}
	t->note = "From the register of instruments (palermo instruments).";
	t = table_new(r, sec, "data_growth", "Countries and forms of "
	    "exploitation with official data, each year of the period", 3,
	    dcols);
	for (int y = y0; y <= year; y++) {
		int	 nc = 0, nf = 0;

		if (y - 1900 < 0 || y - 1900 > 255)
			continue;
		for (int k = 0; k < NCOUNTRIES; k++)
			nc += c->stat_country[y - 1900][k];
		for (int f = FORM_SEXUAL; f < FORM__MAX; f++)
			nf += c->stat_form[y - 1900][f];
		row = table_row(r, t);
		cell_int(&row[0], y);
		cell_int(&row[1], nc);
		cell_int(&row[2], nf);
	}
	t->chart = CHART_LINES;
	t->note = "From the official statistics (palermo import stats).";

	/* gaps */
	sec = report_section(r, "gaps", "Gaps");
	section_para(r, sec, "What the period leaves undone: states not yet "
	    "party at its end, pillars and objectives without any action, "
	    "actions overdue at its end, and the data that is missing.");
	t = table_new(r, sec, "not_yet_party", report_printf(r, "States not "
	    "yet party on %s", to), 3, gcols);
	for (size_t k = 0; k < c->ninst; k++) {
		int	 n = 0;

		for (int i = 0; i < country_count(); i++) {
			const char *since = party_since(c, c->iids[k],
			    country_at(i)->numeric);

			n += since != NULL && strcmp(since, to) <= 0;
		}
		row = table_row(r, t);
		cell_text(&row[0], c->inames[k]);
		cell_int(&row[1], n);
		cell_int(&row[2], country_count() - n);
	}
	t->note = "Out of the ISO 3166-1 countries and areas; 'palermo "
	    "instruments gaps' lists them by region.";
	{
		struct buf	 b = BUF_INIT;

		for (int p = 0; p < PILLAR__MAX; p++) {
			int	 n = 0;

			for (size_t i = 0; i < c->na; i++)
				n += (c->a[i].pillars & (1 << p)) != 0;
			if (n == 0)
				buf_addf(&b, "%s%s", b.len ? ", " : "",
				    code_lists[CL_PILLAR].codes[p].label);
		}
		for (int o = 0; o < 6; o++) {
			int	 n = 0;

			for (size_t i = 0; i < c->na; i++)
				n += (c->a[i].objectives & (1 << o)) != 0;
			if (n == 0)
				buf_addf(&b, "%sobjective (%c)", b.len ? ", " :
				    "", 'a' + o);
		}
		section_para(r, sec, b.len ? report_printf(r, "Without any "
		    "recorded action: %s.", b.s) : "Every pillar and objective "
		    "has at least one recorded action.");
		buf_release(&b);
	}
	t = table_new(r, sec, "overdue", report_printf(r, "Actions overdue "
	    "on %s", to), 5, ocols);
	for (size_t i = 0; i < c->na; i++) {
		const struct plan_action *a = &c->a[i];

		if (a->due == NULL || strcmp(a->due, to) > 0 || a->status ==
		    AS_DONE || a->status == AS_DROPPED)
			continue;
		row = table_row(r, t);
		cell_int(&row[0], a->id);
		cell_text(&row[1], a->actor);
		cell_text(&row[2], a->title);
		cell_text(&row[3], a->due);
		cell_text(&row[4], code_lists[CL_ACTION_STATUS].codes[
		    a->status].label);
	}
	{
		struct buf	 none = BUF_INIT;
		int		 with = 0, forms = 0;

		for (int k = 0; k < country_count(); k++) {
			int	 any = 0;

			for (int y = y0; y <= year; y++)
				any |= c->stat_country[y - 1900][k];
			with += any;
		}
		for (int f = FORM_SEXUAL; f < FORM__MAX; f++) {
			int	 any = 0;

			for (int y = y0; y <= year; y++)
				any |= c->stat_form[y - 1900][f];
			forms += any;
			if (!any)
				buf_addf(&none, "%s%s", none.len ? ", " : "",
				    code_lists[CL_FORM].codes[f].label);
		}
		section_para(r, sec, report_printf(r, "Official statistics for "
		    "the period exist for %d of %d countries and areas, and for "
		    "%d of the %d forms of exploitation palermo distinguishes.%s"
		    "%s%s", with, country_count(), forms, FORM__MAX - 1,
		    none.len ? " Without any data: " : "", none.s,
		    none.len ? "." : ""));
		buf_release(&none);
	}

	/* challenges */
	sec = report_section(r, "challenges", "Challenges");
	section_para(r, sec, "What the actions' progress notes in the period "
	    "say, as written.");
	t = table_new(r, sec, "progress_notes", "Progress notes in the period",
	    4, ncols);
	for (size_t i = 0; i < c->nit; i++) {
		const struct plan_item *it = &c->it[i];
		const struct plan_action *a = NULL;

		if (it->kind != PC_NOTE || !in_period(it->date, from, to))
			continue;
		for (size_t k = 0; k < c->na; k++)
			if (c->a[k].id == it->action)
				a = &c->a[k];
		row = table_row(r, t);
		cell_text(&row[0], report_strdup(r, it->date));
		cell_int(&row[1], it->action);
		cell_text(&row[2], a ? report_strdup(r, a->actor) : "");
		cell_text(&row[3], report_strdup(r, it->text));
	}
	/* copy what the tables point at into the report's arena */
	for (int i = 0; i < r->ntables; i++)
		for (int k = 0; k < r->tables[i]->nrows * r->tables[i]->ncols;
		    k++)
			if (r->tables[i]->cells[k].kind == CELL_TEXT)
				r->tables[i]->cells[k].text = report_strdup(r,
				    r->tables[i]->cells[k].text);
out:
	coord_free(c);
	return r;
}

/* ---------------------------------------------------------------------- */
/* The Secretary-General's report (op. 18) */

struct sg_rows {
	struct report	*r;
	struct table	*t;
	const char	*year;
	int		 n;
};

static int
sg_cochair(const char *const *v, void *arg)
{
	struct sg_rows	*g = arg;
	struct cell	*row;

	if (strcmp(v[0], g->year) != 0)
		return 0;
	row = table_row(g->r, g->t);
	cell_text(&row[0], "Co-chair");
	cell_text(&row[1], report_strdup(g->r, v[1]));
	return 0;
}

static int
sg_meeting(const char *const *v, void *arg)
{
	struct sg_rows	*g = arg;
	struct cell	*row;

	if (strncmp(v[1], g->year, 4) != 0)
		return 0;
	row = table_row(g->r, g->t);
	cell_text(&row[0], report_printf(g->r, "Meeting, %s", v[1]));
	cell_text(&row[1], report_printf(g->r, "%s%s%s", v[2], *v[3] ?
	    ", " : "", v[3]));
	g->n++;
	return 0;
}

static int
sg_worldday(const char *theme, const char *title, const char *organiser,
    int country, const char *date, void *arg)
{
	struct sg_rows	*g = arg;
	struct cell	*row = table_row(g->r, g->t);
	const struct country *ct = country == NR ? NULL :
	    country_by_numeric(country);

	if (title == NULL) {
		cell_text(&row[0], "Theme");
		cell_text(&row[1], theme ? report_strdup(g->r, theme) :
		    "None recorded");
		return 0;
	}
	cell_text(&row[0], report_printf(g->r, "Event%s%s", date ? ", " : "",
	    date ? date : ""));
	cell_text(&row[1], report_printf(g->r, "%s (%s%s%s)", title,
	    organiser, ct ? ", " : "", ct ? ct->name : ""));
	return 0;
}

struct report *
sg_report(struct store *st, int year)
{
	static const char *const icols[] = { "Instrument", "Parties",
	    "Became party in the year" };
	static const char *const ccols[] = { "Form of exploitation",
	    "Criminalised fully", "In part", "Not" };
	static const char *const pcols[] = { "Actor", "Planned", "Under way",
	    "Done", "Dropped" };
	static const char *const fcols[] = { "Figure", "Value" };
	struct coord	*c = xcalloc(1, sizeof(*c));
	struct report	*r = NULL;
	struct section	*sec;
	struct table	*t;
	struct cell	*row;
	struct sg_rows	 g;
	char		 from[24], to[24], ys[16];

	snprintf(from, sizeof(from), "%d-01-01", year);
	snprintf(to, sizeof(to), "%d-12-31", year);
	snprintf(ys, sizeof(ys), "%d", year);
	if (st->ops->plan_action_each(st, keep_action, c) == -1 ||
	    st->ops->instrument_each(st, keep_instrument, c) == -1 ||
	    st->ops->action_each(st, keep_treaty, c) == -1 ||
	    st->ops->stat_each(st, keep_stat, c) == -1 ||
	    st->ops->crim_each(st, keep_crim, c) == -1)
		goto out;
	r = report_new("Report of the Secretary-General");
	r->title = report_printf(r, "Improving the coordination of efforts "
	    "against trafficking in persons: report of the Secretary-General, "
	    "%d", year);
	r->subtitle = report_printf(r, "The year %d, from palermo's registers "
	    "and statistics", year);

	sec = report_section(r, "ratification", "Ratification and "
	    "criminalisation");
	section_para(r, sec, "From the register of instruments and of "
	    "criminalisation (palermo instruments, palermo criminalisation).");
	t = table_new(r, sec, "sg_ratification", report_printf(r, "Parties to "
	    "the instruments at the end of %d", year), 3, icols);
	for (size_t k = 0; k < c->ninst; k++) {
		int	 all = 0, new = 0;

		for (int i = 0; i < country_count(); i++) {
			const char *since = party_since(c, c->iids[k],
			    country_at(i)->numeric);

			all += since != NULL && strcmp(since, to) <= 0;
			new += in_period(since, from, to);
		}
		row = table_row(r, t);
		cell_text(&row[0], c->inames[k]);
		cell_int(&row[1], all);
		cell_int(&row[2], new);
	}
	t->chart = CHART_BARS;
	t->chart_col = 1;
	t = table_new(r, sec, "sg_criminalisation", "States by how their law "
	    "criminalises each form", 4, ccols);
	for (int f = 1; f < FORM__MAX; f++) {
		row = table_row(r, t);
		cell_text(&row[0], code_lists[CL_FORM].codes[f].label);
		for (int i = 0; i < 3; i++)
			cell_int(&row[i + 1], c->crim[f][i]);
	}

	sec = report_section(r, "implementation", "Implementation of the "
	    "Global Plan of Action");
	section_para(r, sec, "The actions of the register of the plan (palermo "
	    "plan), by who carries them out, in their present status.");
	t = table_new(r, sec, "sg_plan", "Actions by actor and status", 5,
	    pcols);
	for (int k = 0; k < ACTOR__MAX; k++) {
		int	 n[AS__MAX] = { 0 };

		for (size_t i = 0; i < c->na; i++)
			if (c->a[i].actor_kind == k)
				n[c->a[i].status]++;
		row = table_row(r, t);
		cell_text(&row[0], code_lists[CL_ACTOR_KIND].codes[k].label);
		for (int s = 0; s < AS__MAX; s++)
			cell_int(&row[s + 1], n[s]);
	}

	sec = report_section(r, "fund", "The Trust Fund");
	if (fund_sg_section(r, sec, st, year) == -1)
		goto fail;

	sec = report_section(r, "figures", "The latest figures");
	section_para(r, sec, "Official statistics (palermo import stats): "
	    "totals of the countries that reported; ranges come from counts "
	    "published as <5.");
	t = table_new(r, sec, "sg_figures", report_printf(r, "Official "
	    "statistics for %d", year), 2, fcols);
	row = table_row(r, t);
	cell_text(&row[0], "Detected victims");
	if (year - 1900 >= 0 && year - 1900 < 256)
		cell_range(&row[1], c->lo[year - 1900][0],
		    c->hi[year - 1900][0]);
	row = table_row(r, t);
	cell_text(&row[0], "Persons convicted");
	if (year - 1900 >= 0 && year - 1900 < 256)
		cell_range(&row[1], c->lo[year - 1900][1],
		    c->hi[year - 1900][1]);

	sec = report_section(r, "icat", "The work of ICAT");
	section_para(r, sec, "From the register of ICAT (palermo icat).");
	t = table_new(r, sec, "sg_icat", report_printf(r, "ICAT in %d", year),
	    2, fcols);
	memset(&g, 0, sizeof(g));
	g.r = r;
	g.t = t;
	g.year = ys;
	if (st->ops->icat_each(st, 1, sg_cochair, &g) == -1 ||
	    st->ops->icat_each(st, 2, sg_meeting, &g) == -1)
		goto fail;

	sec = report_section(r, "awareness", "Raising awareness");
	section_para(r, sec, report_printf(r, "The World Day against "
	    "Trafficking in Persons, 30 July %d (palermo worldday).", year));
	g.t = table_new(r, sec, "sg_worldday", report_printf(r, "The World "
	    "Day, %d", year), 2, fcols);
	if (year >= 2014 && st->ops->worldday_each(st, year, sg_worldday, &g)
	    == -1)
		goto fail;
	for (int i = 0; i < r->ntables; i++)
		for (int k = 0; k < r->tables[i]->nrows * r->tables[i]->ncols;
		    k++)
			if (r->tables[i]->cells[k].kind == CELL_TEXT)
				r->tables[i]->cells[k].text = report_strdup(r,
				    r->tables[i]->cells[k].text);
	goto out;
fail:
	report_free(r);
	r = NULL;
out:
	coord_free(c);
	return r;
}
