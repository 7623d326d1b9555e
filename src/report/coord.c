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

/* The full names of the entities palermo ships as ICAT's members. */
static const struct {
	const char	*code, *name;
} entity_names[] = {
	{ "UNODC", "the United Nations Office on Drugs and Crime" },
	{ "OHCHR", "the Office of the United Nations High Commissioner for "
	    "Human Rights" },
	{ "UNHCR", "the Office of the United Nations High Commissioner for "
	    "Refugees" },
	{ "UNICEF", "the United Nations Children's Fund" },
	{ "UN-Women", "the United Nations Entity for Gender Equality and the "
	    "Empowerment of Women" },
	{ "ILO", "the International Labour Organization" },
	{ "IOM", "the International Organization for Migration" },
	{ "UNDP", "the United Nations Development Programme" },
	{ "UNFPA", "the United Nations Population Fund" },
	{ "UNESCO", "the United Nations Educational, Scientific and Cultural "
	    "Organization" },
};

static const char *
entity_name(const char *code)
{
	for (size_t i = 0; i < sizeof(entity_names) / sizeof(entity_names[0]);
	    i++)
		if (str_eqi(entity_names[i].code, code))
			return entity_names[i].name;
	return code;
}

/* "A, B and C" of the names in b (each ended by '\n'). */
static const char *
names_list(struct report *r, const struct buf *b)
{
	struct buf	 o = BUF_INIT;
	const char	*p = b->s ? b->s : "";
	const char	*out;
	int		 k = 0, all = 0;

	for (const char *q = p; *q; q++)
		all += *q == '\n';
	for (; *p; k++) {
		size_t	 len = strcspn(p, "\n");

		buf_addf(&o, "%s%.*s", k == 0 ? "" : k == all - 1 ? " and " :
		    ", ", (int)len, p);
		p += len + (p[len] == '\n');
	}
	out = report_strdup(r, o.s ? o.s : "");
	buf_release(&o);
	return out;
}

/* Who carries out an action, named: a State by its name, an entity of
 * ICAT's by its full name, others as recorded. */
static const char *
actor_name(struct report *r, const struct plan_action *a)
{
	if (a->country != NR)
		return participant_name(a->country);
	return report_strdup(r, entity_name(a->actor));
}

/* The appraisal in words, pillar by pillar: what was done in the period
 * (achievements), under which objectives nothing is recorded and what is
 * overdue (gaps), and what the progress notes say (challenges), every
 * actor by its name. */
enum { APP_DONE, APP_GAPS, APP_NOTES };

/* Each actor once, by name, into b ("\n" after each). */
static void
actor_add(struct report *r, struct buf *b, const struct plan_action *a)
{
	const char	*name = actor_name(r, a);
	size_t		 n = strlen(name);

	for (const char *p = b->s; p && *p; p += strcspn(p, "\n") + 1)
		if (strncmp(p, name, n) == 0 && p[n] == '\n')
			return;
	buf_addf(b, "%s\n", name);
}

static void
appraisal_words(struct report *r, struct section *sec, struct coord *c,
    int what, const char *from, const char *to, const char *after)
{
	for (int p = 0; p < PILLAR__MAX; p++) {
		const char *pillar = code_lists[CL_PILLAR].codes[p].label;
		struct buf actors = BUF_INIT, objs = BUF_INIT, notes = BUF_INIT;
		int	 n = 0, obj[PLAN_OBJECTIVES] = { 0 }, any = 0;

		for (size_t i = 0; i < c->na; i++) {
			const struct plan_action *a = &c->a[i];
			const char *when = a->due ? a->due : a->start;

			if (!(a->pillars & (1 << p)))
				continue;
			any = 1;
			for (int o = 0; o < PLAN_OBJECTIVES; o++)
				obj[o] += (a->objectives & (1 << o)) != 0;
			if (what == APP_DONE && a->status == AS_DONE &&
			    in_period(when, from, to)) {
				n++;
				actor_add(r, &actors, a);
				for (int o = 0; o < PLAN_OBJECTIVES; o++)
					if (a->objectives & (1 << o) &&
					    !strstr(objs.s ? objs.s : "",
					    report_printf(r, "(%c)", 'a' + o)))
						buf_addf(&objs, "(%c)\n", 'a' + o);
			} else if (what == APP_GAPS && plan_overdue(a, after)) {
				n++;
				actor_add(r, &actors, a);
			}
		}
		if (what == APP_NOTES)
			for (size_t i = 0; i < c->nit; i++) {
				const struct plan_item *it = &c->it[i];

				if (it->kind != PC_NOTE || !in_period(it->date,
				    from, to))
					continue;
				for (size_t k = 0; k < c->na; k++)
					if (c->a[k].id == it->action &&
					    (c->a[k].pillars & (1 << p))) {
						buf_addf(&notes, "%s%s (%s, %s)",
						    n ? "; " : "", it->text,
						    actor_name(r, &c->a[k]),
						    it->date);
						n++;
					}
			}
		if (what == APP_DONE)
			section_para(r, sec, n == 0 ? report_printf(r, "%s: no "
			    "action is recorded as done in the period.", pillar) :
			    report_printf(r, "%s: %d action%s done in the period%s"
			    "%s, by %s.", pillar, n, n == 1 ? "" : "s", objs.len ?
			    ", under objectives " : "", objs.len ? names_list(r,
			    &objs) : "", names_list(r, &actors)));
		else if (what == APP_GAPS) {
			for (int o = 0; o < PLAN_OBJECTIVES; o++)
				if (obj[o] == 0)
					buf_addf(&objs, "(%c)\n", 'a' + o);
			section_para(r, sec, !any ? report_printf(r, "%s: no "
			    "action is recorded under this pillar.", pillar) :
			    report_printf(r, "%s: %s%s%s", pillar, objs.len ?
			    report_printf(r, "no action under objectives %s; ",
			    names_list(r, &objs)) : "", n ? report_printf(r,
			    "%d action%s overdue at the end of the period, by %s",
			    n, n == 1 ? "" : "s", names_list(r, &actors)) :
			    "no action overdue at the end of the period", "."));
		} else if (n)
			section_para(r, sec, report_printf(r, "%s: %s.", pillar,
			    notes.s));
		buf_release(&actors);
		buf_release(&objs);
		buf_release(&notes);
	}
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
	{
		char	 day[11];

		snprintf(day, sizeof(day), "%04u-01-01", (unsigned)(year + 1) %
		    10000);
		appraisal_words(r, sec, c, APP_DONE, from, to, day);
	}
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
			cell_text(&row[0], report_strdup(r, c->t.in[k].name));
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
	snprintf(after, sizeof(after), "%04u-01-01", (unsigned)(year + 1) %
	    10000);
	appraisal_words(r, sec, c, APP_GAPS, from, to, after);
	t = table_new(r, sec, "not_yet_party", report_printf(r, "States not "
	    "yet party on %s", to), 3, gcols);
	for (size_t k = 0; k < c->t.nin; k++) {
		int	 n[PS__MAX];

		treaty_count(&c->t, c->t.in[k].id, to, n, NULL, NULL);
		row = table_row(r, t);
		cell_text(&row[0], report_strdup(r, c->t.in[k].name));
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
		cell_text(&row[1], actor_name(r, a));
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
	    "say, as written, pillar by pillar, then all of them.");
	appraisal_words(r, sec, c, APP_NOTES, from, to, after);
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
		cell_text(&row[2], a ? actor_name(r, a) : "");
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

/* A numbered paragraph: the report's paragraphs run on across its
 * sections, as in the document it stands for. */
static void
numbered(struct report *r, struct section *sec, int *n, const char *text)
{
	section_para(r, sec, report_printf(r, "%d. %s", ++*n, text));
}

static const char *
count_text(struct report *r, int64_t n)
{
	char	 b[32];

	int_format(n, b);
	return report_strdup(r, b);
}

static const char *
range_text(struct report *r, int64_t lo, int64_t hi)
{
	char	 b[64];

	range_format(lo, hi, b);
	return report_strdup(r, b);
}

static void
sg_legal(struct report *r, struct coord *c, int *pn, const char *from,
    const char *to, int year)
{
	static const char *const icols[] = { "Instrument", "Parties",
	    "Became party in the year", "Deposited, not yet in force",
	    "Signatories, not parties" };
	static const char *const ccols[] = { "Form of exploitation",
	    "Criminalised fully", "In part", "Not" };
	struct section	*sec = report_section(r, "legal", "II. The legal "
	    "framework");
	struct table	*t;
	struct cell	*row;
	char		 before[11];

	snprintf(before, sizeof(before), "%04u-12-31", (unsigned)(year - 1) %
	    10000);
	t = table_new(r, sec, "sg_ratification", report_printf(r, "Parties to "
	    "the instruments as at %s", to), 5, icols);
	for (size_t k = 0; k < c->t.nin; k++) {
		const struct instrument *in = &c->t.in[k];
		int	 n[PS__MAX], m[PS__MAX], new;
		int	 ne = treaty_participants(&c->t, in->id, to, -1, c->e);
		struct buf names = BUF_INIT;

		treaty_count(&c->t, in->id, to, n, from, &new);
		treaty_count(&c->t, in->id, before, m, NULL, NULL);
		for (int i = 0; i < ne && new <= 12; i++)
			if (c->e[i].status == PS_PARTY &&
			    strcmp(c->e[i].since, from) >= 0)
				buf_addf(&names, "%s\n",
				    participant_name(c->e[i].numeric));
		numbered(r, sec, pn, report_printf(r, "As at %s, %s States and "
		    "organisations were parties to the %s, %s of them already "
		    "at the end of %d; %s became parties during the year%s%s.%s",
		    to, count_text(r, n[PS_PARTY]), in->name,
		    count_text(r, m[PS_PARTY]), year - 1, count_text(r, new),
		    new > 0 && new <= 12 ? ": " : "", new > 0 && new <= 12 ?
		    names_list(r, &names) : "", n[PS_PENDING] ? report_printf(r,
		    " %s more had deposited an instrument that had not yet "
		    "entered into force for them.", count_text(r,
		    n[PS_PENDING])) : ""));
		buf_release(&names);
		row = table_row(r, t);
		cell_text(&row[0], report_strdup(r, in->name));
		cell_int(&row[1], n[PS_PARTY]);
		cell_int(&row[2], new);
		cell_int(&row[3], n[PS_PENDING]);
		cell_int(&row[4], n[PS_SIGNATORY]);
	}
	t->note = "A State is a party from the day the instrument entered into "
	    "force for it (palermo instruments).";
	t->chart = CHART_BARS;
	t->chart_col = 1;
	t = table_new(r, sec, "sg_criminalisation", report_printf(r, "States by "
	    "how their law criminalises each form, as at %s", to), 4, ccols);
	for (int f = 1; f < FORM__MAX; f++) {
		row = table_row(r, t);
		cell_text(&row[0], code_lists[CL_FORM].codes[f].label);
		for (int i = 0; i < CRIM__MAX; i++)
			cell_int(&row[i + 1], c->crim[f][i]);
	}
	{
		struct buf	 b = BUF_INIT;

		for (int f = 1; f < FORM__MAX; f++)
			if (c->crim[f][CRIM_FULL] + c->crim[f][CRIM_PARTIAL] +
			    c->crim[f][CRIM_NONE] > 0)
				buf_addf(&b, "%s%s: %s fully, %s in part and %s "
				    "not", b.len ? "; " : "",
				    code_lists[CL_FORM].codes[f].label,
				    count_text(r, c->crim[f][CRIM_FULL]),
				    count_text(r, c->crim[f][CRIM_PARTIAL]),
				    count_text(r, c->crim[f][CRIM_NONE]));
		numbered(r, sec, pn, b.len ? report_printf(r, "By the laws in "
		    "effect on %s, the States recorded criminalised the forms "
		    "of exploitation as follows. %s.", to, b.s) : report_printf(r,
		    "No State's criminalisation of trafficking is recorded as in "
		    "effect on %s.", to));
		buf_release(&b);
	}
}

static void
sg_plan(struct report *r, struct coord *c, int *pn, struct store *st,
    int year, const char *to)
{
	static const char *const pcols[] = { "Actor", "Planned", "Under way",
	    "Done", "Dropped" };
	struct section	*sec = report_section(r, "plan", "III. The United "
	    "Nations Global Plan of Action to Combat Trafficking in Persons");
	struct table	*t;
	struct cell	*row;
	struct buf	 b = BUF_INIT;
	int		 st_n[AS__MAX] = { 0 }, overdue = 0;
	char		 after[11];
	struct worldday_event *ev;
	const char	*theme;
	size_t		 nev;

	snprintf(after, sizeof(after), "%04u-01-01", (unsigned)(year + 1) %
	    10000);
	for (size_t i = 0; i < c->na; i++) {
		st_n[c->a[i].status]++;
		overdue += plan_overdue(&c->a[i], after);
	}
	t = table_new(r, sec, "sg_plan", "Actions under the plan by actor and "
	    "status", 5, pcols);
	for (int k = 0; k < ACTOR__MAX; k++) {
		int	 n[AS__MAX] = { 0 }, all = 0;

		for (size_t i = 0; i < c->na; i++)
			if (c->a[i].actor_kind == k) {
				n[c->a[i].status]++;
				all++;
			}
		if (all)
			buf_addf(&b, "%s%s by %s", b.len ? ", " : "",
			    count_text(r, all), k == ACTOR_STATE ? "States" :
			    k == ACTOR_UN_ENTITY ? "United Nations entities" :
			    k == ACTOR_ORGANISATION ? "other organisations" :
			    k == ACTOR_CIVIL_SOCIETY ? "civil society" :
			    "the private sector");
		row = table_row(r, t);
		cell_text(&row[0], code_lists[CL_ACTOR_KIND].codes[k].label);
		for (int s = 0; s < AS__MAX; s++)
			cell_int(&row[s + 1], n[s]);
	}
	numbered(r, sec, pn, c->na == 0 ? "No action under the Plan is "
	    "recorded (palermo plan)." : report_printf(r, "%s actions under "
	    "the Plan are recorded (%s): %s done, %s under way, %s planned and "
	    "%s dropped.", count_text(r, (int64_t)c->na), b.s,
	    count_text(r, st_n[AS_DONE]), count_text(r, st_n[AS_UNDER_WAY]),
	    count_text(r, st_n[AS_PLANNED]), count_text(r, st_n[AS_DROPPED])));
	if (c->na)
		numbered(r, sec, pn, overdue ? report_printf(r, "%s of them were "
		    "due by %s and were neither done nor dropped.",
		    count_text(r, overdue), to) : report_printf(r, "None of them "
		    "was overdue on %s.", to));
	buf_release(&b);
	if (year >= WORLDDAY_FIRST && st->ops->worldday_get(st, year,
	    &r->arena, &theme, &ev, &nev) == 0)
		numbered(r, sec, pn, report_printf(r, "The World Day against "
		    "Trafficking in Persons was observed on 30 July %d%s%s%s; "
		    "%s events are recorded for it.", year, theme ? " under the "
		    "theme \"" : "", theme ? theme : "", theme ? "\"" : "",
		    count_text(r, (int64_t)nev)));
}

static int
sg_icat(struct report *r, int *pn, struct store *st, int year,
    const char *to)
{
	struct section	*sec = report_section(r, "icat", "IV. The "
	    "Inter-Agency Coordination Group against Trafficking in Persons");
	struct icat_member *m;
	struct icat_cochair *co;
	struct icat_meeting *me;
	struct buf	 chairs = BUF_INIT, meets = BUF_INIT;
	size_t		 nm, nco, nme;
	int		 members = 0, nmeet = 0;
	const char	*coordinator = NULL;
	char		 ys[8];

	snprintf(ys, sizeof(ys), "%d", year);
	if (st->ops->icat_member_list(st, &r->arena, &m, &nm) == -1 ||
	    st->ops->icat_cochair_list(st, &r->arena, &co, &nco) == -1 ||
	    st->ops->icat_meeting_list(st, &r->arena, &me, &nme) == -1)
		return -1;
	for (size_t i = 0; i < nm; i++)
		if (icat_member_on(&m[i], to)) {
			members++;
			if (m[i].coordinator)
				coordinator = m[i].name;
		}
	for (size_t i = 0; i < nco; i++)
		if (co[i].year == year)
			buf_addf(&chairs, "%s\n", entity_name(co[i].member));
	for (size_t i = 0; i < nme; i++)
		if (strncmp(me[i].date, ys, 4) == 0) {
			buf_addf(&meets, "%son %s%s%s (%s)", nmeet ? "; " : "",
			    me[i].date, *me[i].place ? " in " : "",
			    me[i].place, me[i].title);
			nmeet++;
		}
	numbered(r, sec, pn, report_printf(r, "As at %s, the Group had %s "
	    "members%s%s.", to, count_text(r, members), coordinator ? ", with "
	    "its coordinator " : "", coordinator ? entity_name(coordinator) :
	    ""));
	numbered(r, sec, pn, report_printf(r, "%s%s%s %s", chairs.len ?
	    report_printf(r, "In %d it was co-chaired by ", year) :
	    report_printf(r, "No co-chair of the Group is recorded for %d",
	    year), chairs.len ? names_list(r, &chairs) : "", ".", nmeet ?
	    report_printf(r, "It met %s time%s: %s.", count_text(r, nmeet),
	    nmeet == 1 ? "" : "s", meets.s) : "No meeting of the Group is "
	    "recorded for the year."));
	buf_release(&chairs);
	buf_release(&meets);
	return 0;
}

static void
sg_data(struct report *r, struct coord *c, int *pn, int year, int *latest)
{
	struct section	*sec = report_section(r, "data", "VI. Data and "
	    "research");
	static const char *const ncols[] = { "Figure", "Value", "Countries",
	    "Note" };
	struct table	*t;
	struct osum	 sum[2];
	int		 y;

	/* the latest year up to the report's that has data */
	for (y = year; y >= 1900; y--) {
		official_sum(&c->o, IND_DETECTED, y, NULL, &sum[0]);
		if (sum[0].n > 0)
			break;
	}
	*latest = y;
	if (y < 1900) {
		numbered(r, sec, pn, report_printf(r, "No official statistics "
		    "of detected victims are stored for %d or any year before "
		    "it (palermo import stats).", year));
		return;
	}
	official_sum(&c->o, IND_CONVICTED, y, NULL, &sum[1]);
	t = table_new(r, sec, "sg_figures", report_printf(r, "Official "
	    "statistics for %d", y), 4, ncols);
	for (int k = 0; k < 2; k++) {
		struct cell *row = table_row(r, t);

		cell_text(&row[0], k ? "Persons convicted" : "Detected victims");
		cell_range(&row[1], sum[k].lo, sum[k].hi);
		cell_int(&row[2], sum[k].n);
		if (sum[k].replaced)
			cell_text(&row[3], report_printf(r, "%d of the %d "
			    "totals replaced by what their complete splits "
			    "allow", sum[k].replaced, sum[k].n));
	}
	numbered(r, sec, pn, report_printf(r, "%sThe latest official "
	    "statistics are for %d: %s countries reported %s detected victims"
	    "%s, and %s countries reported %s persons convicted.",
	    y < year ? report_printf(r, "No official statistics are stored "
	    "for %d. ", year) : "", y, count_text(r, sum[0].n),
	    range_text(r, sum[0].lo, sum[0].hi), sum[0].replaced ? " (a total that its "
	    "complete split by sex or age contradicts counted as the split "
	    "allows)" : "", count_text(r, sum[1].n),
	    range_text(r, sum[1].lo, sum[1].hi)));
}

static int
sg_contributions(struct report *r, struct section *sec, int *pn,
    struct store *st, int year)
{
	static const char *const cols[] = { "From", "Kind", "File",
	    "Opening words" };
	struct contribution *c;
	struct table	*t;
	size_t		 n;
	int		 kinds[ACTOR__MAX] = { 0 }, all = 0;
	struct buf	 b = BUF_INIT;

	if (st->ops->contribution_list(st, &r->arena, &c, &n) == -1)
		return -1;
	t = table_new(r, sec, "sg_contributions", report_printf(r,
	    "Contributions received for the report of %d", year), 4, cols);
	for (size_t i = 0; i < n; i++) {
		struct cell	*row;
		char		*open;
		size_t		 len;

		if (c[i].year != year)
			continue;
		kinds[c[i].actor_kind]++;
		all++;
		row = table_row(r, t);
		cell_text(&row[0], c[i].actor_kind == ACTOR_STATE ?
		    participant_name(c[i].country) : report_strdup(r,
		    entity_name(c[i].actor)));
		cell_text(&row[1], code_lists[CL_ACTOR_KIND].codes[
		    c[i].actor_kind].label);
		cell_text(&row[2], report_strdup(r, c[i].file_name));
		/* its first line, cut at a word after 200 bytes */
		len = strcspn(c[i].text, "\r\n");
		if (len > 200) {
			len = 200;
			while (len > 0 && c[i].text[len] != ' ')
				len--;
		}
		open = report_printf(r, "%.*s%s", (int)len, c[i].text,
		    c[i].text[len] != '\0' && c[i].text[len] != '\n' &&
		    c[i].text[len] != '\r' ? " ..." : "");
		cell_text(&row[3], open);
	}
	for (int k = 0; k < ACTOR__MAX; k++)
		if (kinds[k])
			buf_addf(&b, "%s%s from %s", b.len ? ", " : "",
			    count_text(r, kinds[k]), k == ACTOR_STATE ?
			    "States" : k == ACTOR_UN_ENTITY ? "United Nations "
			    "entities" : k == ACTOR_ORGANISATION ? "other "
			    "organisations" : k == ACTOR_CIVIL_SOCIETY ?
			    "civil society" : "the private sector");
	numbered(r, sec, pn, all ? report_printf(r, "%s contributions were "
	    "received for the present report: %s; they are listed below with "
	    "their opening words.", count_text(r, all), b.s) :
	    report_printf(r, "No contribution was recorded for the report of "
	    "%d (palermo contributions add).", year));
	buf_release(&b);
	return 0;
}

static void
sg_conclusions(struct report *r, struct coord *c, int *pn, const char *to,
    int year, int latest)
{
	struct section	*sec = report_section(r, "conclusions", "VII. "
	    "Conclusions and recommendations");
	char		 after[11];
	int		 overdue = 0;

	for (size_t k = 0; k < c->t.nin && k < 2; k++) {
		int	 n[PS__MAX];

		treaty_count(&c->t, c->t.in[k].id, to, n, NULL, NULL);
		numbered(r, sec, pn, n[PS_PARTY] == n[PS_PARTY] + n[PS_PENDING] +
		    n[PS_SIGNATORY] + n[PS_NEITHER] ? report_printf(r, "Every "
		    "State and organisation that could be is a party to the "
		    "%s.", c->t.in[k].name) : report_printf(r, "The %s States "
		    "and organisations not yet parties to the %s are "
		    "encouraged to become parties.", count_text(r, n[PS_PENDING]
		    + n[PS_SIGNATORY] + n[PS_NEITHER]), c->t.in[k].name));
	}
	snprintf(after, sizeof(after), "%04u-01-01", (unsigned)(year + 1) %
	    10000);
	for (size_t i = 0; i < c->na; i++)
		overdue += plan_overdue(&c->a[i], after);
	if (overdue)
		numbered(r, sec, pn, report_printf(r, "The actors of the %s "
		    "actions under the Plan that were overdue on %s are invited "
		    "to report on them.", count_text(r, overdue), to));
	if (latest >= 1900) {
		int	 with = 0, members = 0;

		for (int i = 0; i < participant_count(); i++) {
			const struct participant *p = participant_at(i);
			int	 k = country_index(p->numeric);

			if (p->kind != PK_MEMBER || !participant_on(p, to))
				continue;
			members++;
			with += k >= 0 && latest - 1900 <= 255 &&
			    c->stat_country[latest - 1900][k];
		}
		numbered(r, sec, pn, report_printf(r, "%s of the %s Member States "
		    "reported no official statistics for %d; States are "
		    "encouraged to collect and share data on the patterns, forms "
		    "and flows of trafficking.", count_text(r, members - with),
		    count_text(r, members), latest));
	}
}

struct report *
sg_report(struct store *st, int year)
{
	struct coord	*c;
	struct report	*r = NULL;
	struct section	*sec;
	char		 from[11], to[11];
	int		 n = 0, latest;

	snprintf(from, sizeof(from), "%04u-01-01", (unsigned)year % 10000);
	snprintf(to, sizeof(to), "%04u-12-31", (unsigned)year % 10000);
	if ((c = coord_read(st, to)) == NULL)
		return NULL;
	r = report_new("Report of the Secretary-General");
	r->title = report_printf(r, "Improving the coordination of efforts "
	    "against trafficking in persons: report of the Secretary-General, "
	    "%d", year);
	r->subtitle = report_printf(r, "1 January to 31 December %d, from "
	    "palermo's registers and statistics", year);
	report_meta(r, "sg", NULL, NULL, year);

	sec = report_section(r, "introduction", "I. Introduction");
	numbered(r, sec, &n, report_printf(r, "The present report is submitted "
	    "pursuant to General Assembly resolution 68/192 on improving the "
	    "coordination of efforts against trafficking in persons.  It covers "
	    "the period from 1 January to 31 December %d and draws on the "
	    "registers of the legal instruments, the Global Plan of Action, the "
	    "Inter-Agency Coordination Group and the Trust Fund, on the official "
	    "statistics, and on the contributions received.", year));
	if (sg_contributions(r, sec, &n, st, year) == -1)
		goto fail;
	sg_legal(r, c, &n, from, to, year);
	sg_plan(r, c, &n, st, year, to);
	if (sg_icat(r, &n, st, year, to) == -1)
		goto fail;
	sec = report_section(r, "fund", "V. The United Nations Voluntary Trust "
	    "Fund for Victims of Trafficking in Persons, Especially Women and "
	    "Children");
	if (fund_sg_section(r, sec, st, year) == -1)
		goto fail;
	sg_data(r, c, &n, year, &latest);
	sg_conclusions(r, c, &n, to, year, latest);
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
