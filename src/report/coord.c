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

/* What the two reports read of the registers and statistics. */
struct coord {
	struct arena		 arena;
	struct treaties		 t;
	struct plan_action	*a;
	size_t			 na;
	struct plan_item	*it;
	size_t			 nit;
	/* official statistics: per year, countries and forms with data */
	unsigned char		 stat_country[256][NCOUNTRIES];
	unsigned char		 stat_form[256][FORM__MAX];
	/* totals of detected victims and convictions, per year, as every
	 * sum uses them (a contradicted total replaced: engine/official.c) */
	struct official		 o;
	/* criminalisation: states by form and status */
	int			 crim[FORM__MAX][CRIM__MAX];
	struct treaty_entry	*e;	/* room for every participant */
};

static int
count_stat(const struct stat_rec *r, void *arg)
{
	struct coord	*c = arg;
	int		 y = r->year - 1900, k;

	if (y < 0 || y > 255 || r->country == NR)
		return 0;
	if ((k = country_index(r->country)) >= 0)
		c->stat_country[y][k] = 1;
	c->stat_form[y][r->form] = 1;
	return 0;
}

/* Read what both reports need; NULL after an error (said). */
static struct coord *
coord_read(struct store *st, const char *as_of)
{
	struct coord	*c = xcalloc(1, sizeof(*c));
	struct filter	 f;

	c->e = xreallocarray(NULL, (size_t)participant_count(), sizeof(*c->e));
	if (treaties_load(st, &c->t) == -1)
		goto fail;
	if (st->ops->plan_action_list(st, &c->arena, &c->a, &c->na) == -1 ||
	    st->ops->plan_item_list(st, &c->arena, &c->it, &c->nit) == -1 ||
	    st->ops->stat_each(st, 0, count_stat, c) == -1 ||
	    crim_tally(st, as_of, c->crim) == -1) {
		treaties_release(&c->t);
		goto fail;
	}
	filter_init(&f);
	if (official_load(st, &f, &c->o) == -1) {
		treaties_release(&c->t);
		goto fail;
	}
	return c;
fail:
	arena_release(&c->arena);
	free(c->e);
	free(c);
	return NULL;
}

static void
coord_free(struct coord *c)
{
	if (c == NULL)
		return;
	treaties_release(&c->t);
	official_release(&c->o);
	arena_release(&c->arena);
	free(c->e);
	free(c);
}

static int
in_period(const char *date, const char *from, const char *to)
{
	return date && strcmp(date, from) >= 0 && strcmp(date, to) <= 0;
}

struct report *
appraisal_report(struct store *st, int year)
{
	static const char *const ocols_words[] = { "Objective", "Wording" };
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
	struct coord	*c;
	struct report	*r = NULL;
	struct section	*sec;
	struct table	*t;
	struct cell	*row;
	struct plan_objective *obj;
	size_t		 nobj;
	char		 from[11], to[11], after[11];
	int		 y0 = plan_appraisal_period(year, from, to);

	if ((c = coord_read(st, to)) == NULL)
		return NULL;
	r = report_new("Appraisal of the Global Plan of Action");
	r->title = report_printf(r, "%sAppraisal of the United Nations Global "
	    "Plan of Action to Combat Trafficking in Persons, %d",
	    plan_appraisal_draft(year) ? "Draft: " : "", year);
	r->subtitle = report_printf(r, "The period %s to %s%s", from, to,
	    plan_appraisal_draft(year) ? ", which has not ended: a draft, "
	    "not the appraisal" : "");
	report_meta(r, "appraisal", NULL, NULL, year);

	/* what the plan sets out to do, in the register's words */
	sec = report_section(r, "objectives", "The plan's objectives");
	t = table_new(r, sec, "objectives", "The objectives (a) to (f), "
	    "as worded in this register", 2, ocols_words);
	if (st->ops->plan_objective_list(st, &r->arena, &obj, &nobj) == -1)
		goto fail;
	for (size_t i = 0; i < nobj; i++) {
		row = table_row(r, t);
		cell_text(&row[0], report_printf(r, "(%s)", obj[i].code));
		cell_text(&row[1], obj[i].summary);
	}

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
	for (size_t k = 0; k < c->t.nin; k++) {
		int	 n = treaty_participants(&c->t, c->t.in[k].id, to, -1,
		    c->e);

		for (int i = 0; i < n; i++) {
			if (c->e[i].status != PS_PARTY ||
			    !in_period(c->e[i].since, from, to))
				continue;
			row = table_row(r, t);
			cell_text(&row[0], report_strdup(r, c->t.in[k].code));
			cell_text(&row[1], participant_name(c->e[i].numeric));
			cell_text(&row[2], report_strdup(r, c->e[i].since));
		}
	}
	t->note = "From the register of instruments (palermo instruments): a "
	    "State is a party from the day the instrument entered into force "
	    "for it.";
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
		cell_year(&row[0], y);
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
	for (size_t k = 0; k < c->t.nin; k++) {
		int	 n[PS__MAX];

		treaty_count(&c->t, c->t.in[k].id, to, n, NULL, NULL);
		row = table_row(r, t);
		cell_text(&row[0], report_strdup(r, c->t.in[k].code));
		cell_int(&row[1], n[PS_PARTY]);
		cell_int(&row[2], n[PS_PENDING] + n[PS_SIGNATORY] +
		    n[PS_NEITHER]);
	}
	t->note = "Out of the States (and organisations) that could take part "
	    "on that day: the Member States of the United Nations, the "
	    "observer States and the other States that take part in treaties, "
	    "never territories; 'palermo instruments gaps' lists them by "
	    "region.";
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
	/* overdue at the end of the period: on the day after it */
	snprintf(after, sizeof(after), "%04u-01-01", (unsigned)(year + 1) %
	    10000);
	for (size_t i = 0; i < c->na; i++) {
		const struct plan_action *a = &c->a[i];

		if (!plan_overdue(a, after))
			continue;
		row = table_row(r, t);
		cell_int(&row[0], a->id);
		cell_text(&row[1], report_strdup(r, a->actor));
		cell_text(&row[2], report_strdup(r, a->title));
		cell_text(&row[3], report_strdup(r, a->due));
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
	coord_free(c);
	if (report_samples(r, st) == -1) {
		report_free(r);
		return NULL;
	}
	return r;
fail:
	coord_free(c);
	report_free(r);
	return NULL;
}

/* ---------------------------------------------------------------------- */
/* The Secretary-General's report (op. 18) */

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
	static const char *const ncols[] = { "Figure", "Value", "Note" };
	struct coord	*c;
	struct report	*r = NULL;
	struct section	*sec;
	struct table	*t;
	struct cell	*row;
	struct icat_cochair *co;
	struct icat_meeting *me;
	struct worldday_event *ev;
	const char	*theme;
	size_t		 nco, nme, nev;
	char		 from[11], to[11], ys[16];

	snprintf(from, sizeof(from), "%04u-01-01", (unsigned)year % 10000);
	snprintf(to, sizeof(to), "%04u-12-31", (unsigned)year % 10000);
	snprintf(ys, sizeof(ys), "%d", year);
	if ((c = coord_read(st, to)) == NULL)
		return NULL;
	r = report_new("Report of the Secretary-General");
	r->title = report_printf(r, "Improving the coordination of efforts "
	    "against trafficking in persons: report of the Secretary-General, "
	    "%d", year);
	r->subtitle = report_printf(r, "The year %d, from palermo's registers "
	    "and statistics", year);
	report_meta(r, "sg", NULL, NULL, year);

	sec = report_section(r, "ratification", "Ratification and "
	    "criminalisation");
	section_para(r, sec, "From the register of instruments and of "
	    "criminalisation (palermo instruments, palermo criminalisation).");
	t = table_new(r, sec, "sg_ratification", report_printf(r, "Parties to "
	    "the instruments at the end of %d", year), 3, icols);
	for (size_t k = 0; k < c->t.nin; k++) {
		int	 n[PS__MAX], new;

		treaty_count(&c->t, c->t.in[k].id, to, n, from, &new);
		row = table_row(r, t);
		cell_text(&row[0], report_strdup(r, c->t.in[k].code));
		cell_int(&row[1], n[PS_PARTY]);
		cell_int(&row[2], new);
	}
	t->chart = CHART_BARS;
	t->chart_col = 1;
	t = table_new(r, sec, "sg_criminalisation", "States by how their law "
	    "criminalises each form", 4, ccols);
	for (int f = 1; f < FORM__MAX; f++) {
		row = table_row(r, t);
		cell_text(&row[0], code_lists[CL_FORM].codes[f].label);
		for (int i = 0; i < CRIM__MAX; i++)
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
	    "published as <5, and a total that a complete split by sex or age "
	    "contradicts counts as what the splits allow.");
	t = table_new(r, sec, "sg_figures", report_printf(r, "Official "
	    "statistics for %d", year), 3, ncols);
	for (int k = 0; k < 2; k++) {
		struct osum	 sum;

		official_sum(&c->o, k ? IND_CONVICTED : IND_DETECTED, year, NULL,
		    &sum);
		row = table_row(r, t);
		cell_text(&row[0], k ? "Persons convicted" : "Detected victims");
		cell_range(&row[1], sum.lo, sum.hi);
		if (sum.replaced)
			cell_text(&row[2], report_printf(r, "%d of the %d "
			    "totals replaced by what their complete splits "
			    "allow", sum.replaced, sum.n));
	}

	sec = report_section(r, "icat", "The work of ICAT");
	section_para(r, sec, "From the register of ICAT (palermo icat).");
	t = table_new(r, sec, "sg_icat", report_printf(r, "ICAT in %d", year),
	    2, fcols);
	if (st->ops->icat_cochair_list(st, &r->arena, &co, &nco) == -1 ||
	    st->ops->icat_meeting_list(st, &r->arena, &me, &nme) == -1)
		goto fail;
	for (size_t i = 0; i < nco; i++) {
		if (co[i].year != year)
			continue;
		row = table_row(r, t);
		cell_text(&row[0], "Co-chair");
		cell_text(&row[1], co[i].member);
	}
	for (size_t i = 0; i < nme; i++) {
		if (strncmp(me[i].date, ys, 4) != 0)
			continue;
		row = table_row(r, t);
		cell_text(&row[0], report_printf(r, "Meeting, %s",
		    me[i].date));
		cell_text(&row[1], report_printf(r, "%s%s%s", me[i].title,
		    *me[i].place ? ", " : "", me[i].place));
	}

	sec = report_section(r, "awareness", "Raising awareness");
	section_para(r, sec, report_printf(r, "The World Day against "
	    "Trafficking in Persons, 30 July %d (palermo worldday).", year));
	t = table_new(r, sec, "sg_worldday", report_printf(r, "The World "
	    "Day, %d", year), 2, fcols);
	if (year >= WORLDDAY_FIRST) {
		if (st->ops->worldday_get(st, year, &r->arena, &theme, &ev,
		    &nev) == -1)
			goto fail;
		row = table_row(r, t);
		cell_text(&row[0], "Theme");
		cell_text(&row[1], theme ? theme : "None recorded");
		for (size_t i = 0; i < nev; i++) {
			const struct country *ct = ev[i].country == NR ? NULL :
			    country_by_numeric(ev[i].country);

			row = table_row(r, t);
			cell_text(&row[0], report_printf(r, "Event%s%s",
			    ev[i].date ? ", " : "", ev[i].date ? ev[i].date :
			    ""));
			cell_text(&row[1], report_printf(r, "%s (%s%s%s)",
			    ev[i].title, ev[i].organiser, ct ? ", " : "",
			    ct ? ct->name : ""));
		}
	}
	coord_free(c);
	if (report_samples(r, st) == -1) {
		report_free(r);
		return NULL;
	}
	return r;
fail:
	coord_free(c);
	report_free(r);
	return NULL;
}
