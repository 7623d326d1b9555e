/*
 * fund.c: the yearly report of the UN Voluntary Trust Fund for
 * Victims of Trafficking in Persons, in its usual order: contributions
 * received (by donor and by kind of donor), the grant cycles and grants
 * (by country and window, with the victims assisted as the grantees
 * report them), and financial performance (income, expenditure, fund
 * balance, pledges outstanding).  Every figure is a sum of US cents the
 * journal holds, each converted once, when it was posted, at the rate of
 * its day; the Secretary-General's report takes its fund figures from
 * fund_sg_section here.
 */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

#define RULE "Amounts in other currencies were converted to US dollars at " \
	"the rate of its day recorded with each entry, and rounded to the " \
	"cent, half away from zero, " \
	"once, when the entry was posted; every total here is a sum of those " \
	"cents, so the totals add up exactly."

/* What the report keeps of the registers. */
struct fund_doc {
	struct report		*r;
	struct fund_totals	 t;
	struct fund_donor	*donors;	/* in the report's arena */
	size_t			 ndonors;
	struct fund_grant	*grants;
	size_t			 ngrants;
	struct fund_cycle	*cycles;
	size_t			 ncycles;
	char			 from[11], to[11];
};

/* A cycle's name as the fund gives it. */
static const char *
fund_cycle_name(struct fund_doc *doc, int number)
{
	for (size_t i = 0; i < doc->ncycles; i++)
		if (doc->cycles[i].number == number)
			return doc->cycles[i].name;
	return report_printf(doc->r, "%d", number);
}

/* Donors by what they gave in the year, most first, then by id. */
static struct fund_totals *sort_totals;

static int
by_given(const void *a, const void *b)
{
	const struct fund_donor *x = a, *y = b;
	struct donor_sum *sx = fund_donor_sum(sort_totals, x->id);
	struct donor_sum *sy = fund_donor_sum(sort_totals, y->id);
	int64_t		 ux = sx ? sx->usd : 0, uy = sy ? sy->usd : 0;

	if (ux != uy)
		return ux > uy ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void
contributions(struct fund_doc *doc, int year)
{
	static const char *const dcols[] = { "Donor", "Kind", "Country",
	    "Contributions", "Currency", "Amount in that currency",
	    "US dollars" };
	static const char *const kcols[] = { "Kind of donor", "Donors",
	    "US dollars" };
	struct report	*r = doc->r;
	struct section	*sec;
	struct table	*t;
	struct cell	*row;
	int64_t		 kind_usd[DK__MAX] = { 0 }, kind_n[DK__MAX] = { 0 };

	sec = report_section(r, "contributions", "Contributions received");
	section_para(r, sec, report_printf(r, "Contributions received from 1 "
	    "January to 31 December %d, net of any reversed, from the fund's "
	    "journal (palermo fund).", year));
	sort_totals = &doc->t;
	qsort(doc->donors, doc->ndonors, sizeof(*doc->donors), by_given);
	t = table_new(r, sec, "fund_donors", report_printf(r, "Contributions "
	    "by donor, %d", year), 7, dcols);
	for (size_t i = 0; i < doc->ndonors; i++) {
		const struct fund_donor	*d = &doc->donors[i];
		struct donor_sum	*s = fund_donor_sum(&doc->t, d->id);
		const struct country	*c = country_by_numeric(d->country);
		const struct currency	*cur;
		char			 m[40];

		if (s == NULL || (s->usd == 0 && s->count == 0))
			continue;
		kind_usd[d->kind] += s->usd;
		kind_n[d->kind]++;
		row = table_row(r, t);
		cell_text(&row[0], d->name);
		cell_text(&row[1], donor_kind_labels[d->kind]);
		cell_text(&row[2], c ? c->name : "");
		cell_int(&row[3], s->count);
		if (s->currency[0] != '\0' &&
		    (cur = currency_find(s->currency)) != NULL) {
			amount_text(s->amount, cur->exp, m);
			cell_text(&row[4], report_strdup(r, s->currency));
			cell_text(&row[5], report_strdup(r, m));
		} else
			cell_text(&row[4], "several");
		cell_money(&row[6], s->usd);
	}
	t->note = "A donor that gave in several currencies is shown in US "
	    "dollars only.";
	t = table_new(r, sec, "fund_donor_kinds", report_printf(r,
	    "Contributions by kind of donor, %d", year), 3, kcols);
	for (int k = 0; k < DK__MAX; k++) {
		row = table_row(r, t);
		cell_text(&row[0], donor_kind_labels[k]);
		cell_int(&row[1], kind_n[k]);
		cell_money(&row[2], kind_usd[k]);
	}
	t->chart = CHART_BARS;
	t->chart_col = 2;
	t->chart_desc = "Contributions by kind of donor, in US dollars";
}

/* The grants approved in the year and not cancelled. */
static int
counts(struct fund_doc *doc, const struct fund_grant *g)
{
	struct grant_sum *s = fund_grant_sum(&doc->t, g->id);

	return strcmp(g->date, doc->from) >= 0 && strcmp(g->date, doc->to) <=
	    0 && (s == NULL || !s->cancelled);
}

/* The sums of the grants of one country and window. */
struct cw {
	int64_t		 n, usd, victims;
	int		 reported;
};

static void
grants(struct fund_doc *doc, int year)
{
	static const char *const ccols[] = { "Cycle", "Grants approved",
	    "US dollars approved", "Ceiling of a grant, US dollars",
	    "Ceiling of the cycle, US dollars" };
	static const char *const gcols[] = { "Grant", "Cycle", "Window",
	    "Grantee", "Country of implementation", "Period",
	    "Approved, US dollars", "Disbursed in the year, net, US dollars",
	    "Victims assisted" };
	static const char *const wcols[] = { "Country", "Window", "Grants",
	    "US dollars approved", "Victims assisted" };
	struct report	*r = doc->r;
	struct section	*sec;
	struct table	*t;
	struct cell	*row;
	struct cw	*cw = xcalloc((size_t)country_count() * GW__MAX,
	    sizeof(*cw));
	struct cw	*cy = NULL;
	int		 maxcycle = 0;
	char		*in = xcalloc(doc->ngrants + 1, 1);

	sec = report_section(r, "grants", "Grant cycles and grants");
	section_para(r, sec, report_printf(r, "The grants approved in %d "
	    "(grants whose approval was reversed are left out), by cycle, by "
	    "country of implementation and window (emergency grants run up "
	    "to a year, medium-term grants up to two), with the number of "
	    "victims assisted as each grantee last reported it.", year));
	for (size_t i = 0; i < doc->ngrants; i++)
		if ((in[i] = (char)counts(doc, &doc->grants[i])) &&
		    doc->grants[i].cycle > maxcycle)
			maxcycle = doc->grants[i].cycle;
	cy = xcalloc((size_t)maxcycle + 1, sizeof(*cy));
	t = table_new(r, sec, "fund_grants", report_printf(r, "Grants "
	    "approved in %d", year), 9, gcols);
	for (size_t i = 0; i < doc->ngrants; i++) {
		const struct fund_grant	*g = &doc->grants[i];
		struct grant_sum	*s = fund_grant_sum(&doc->t, g->id);
		const struct country	*c = country_by_numeric(g->country);
		int			 ci = country_index(g->country);

		if (!in[i])
			continue;
		cy[g->cycle].n++;
		cy[g->cycle].usd += g->amount;
		if (ci >= 0) {
			struct cw *w = &cw[ci * GW__MAX + g->window];

			w->n++;
			w->usd += g->amount;
			if (s && s->reported) {
				w->victims += s->victims;
				w->reported = 1;
			}
		}
		row = table_row(r, t);
		cell_int(&row[0], g->id);
		cell_text(&row[1], fund_cycle_name(doc, g->cycle));
		cell_text(&row[2], grant_window_labels[g->window]);
		cell_text(&row[3], g->grantee);
		cell_text(&row[4], c ? c->name : "");
		cell_text(&row[5], report_printf(r, "%s to %s", g->start,
		    g->end));
		cell_money(&row[6], g->amount);
		cell_money(&row[7], s ? s->paid : 0);
		if (s && s->reported)
			cell_int(&row[8], s->victims);
	}
	t = table_new(r, sec, "fund_cycles", report_printf(r, "Grant cycles, "
	    "%d", year), 5, ccols);
	for (int k = 1; k <= maxcycle; k++) {
		const struct fund_cycle *fc = NULL;

		if (cy[k].n == 0)
			continue;
		for (size_t i = 0; i < doc->ncycles; i++)
			if (doc->cycles[i].number == k)
				fc = &doc->cycles[i];
		row = table_row(r, t);
		cell_text(&row[0], fund_cycle_name(doc, k));
		cell_int(&row[1], cy[k].n);
		cell_money(&row[2], cy[k].usd);
		if (fc && fc->grant_ceiling > 0)
			cell_money(&row[3], fc->grant_ceiling);
		else
			cell_text(&row[3], "Not recorded");
		if (fc && fc->cycle_ceiling > 0)
			cell_money(&row[4], fc->cycle_ceiling);
		else
			cell_text(&row[4], "Not recorded");
	}
	t = table_new(r, sec, "fund_grants_by_country", report_printf(r,
	    "Grants approved in %d by country and window", year), 5, wcols);
	for (int ci = 0; ci < country_count(); ci++)
		for (int w = 0; w < GW__MAX; w++) {
			const struct cw *x = &cw[ci * GW__MAX + w];

			if (x->n == 0)
				continue;
			row = table_row(r, t);
			cell_text(&row[0], country_at(ci)->name);
			cell_text(&row[1], grant_window_labels[w]);
			cell_int(&row[2], x->n);
			cell_money(&row[3], x->usd);
			if (x->reported)
				cell_int(&row[4], x->victims);
		}
	t->chart = CHART_BARS;
	t->chart_col = 3;
	t->chart_desc = "US dollars approved, by country and window";
	free(cw);
	free(cy);
	free(in);
}

/* The victims of each group (form, sex, age) reported in the year:
 * per grant and group, its latest report in the year less its latest
 * before it.  The store gives them by grant and group, then by date. */
struct groups {
	const char	*from, *to;
	int64_t		 sum[FORM__MAX][SEX__MAX][AGEG__MAX];
	int		 any;
	/* the grant and group being read */
	int64_t		 grant;
	int		 form, sex, age, seen;
	int64_t		 before, at;
	int		 in_year;
};

static void
groups_flush(struct groups *g)
{
	if (g->seen && g->in_year && (g->form || g->sex || g->age)) {
		g->sum[g->form][g->sex][g->age] += g->at - g->before;
		g->any = 1;
	}
	g->seen = g->in_year = 0;
	g->before = g->at = 0;
}

static int
group_row(const struct fund_victims *v, void *arg)
{
	struct groups	*g = arg;

	if (v->form < 0 || v->form >= FORM__MAX || v->sex < 0 ||
	    v->sex >= SEX__MAX || v->age < 0 || v->age >= AGEG__MAX)
		return 0;
	if (!g->seen || v->grant != g->grant || v->form != g->form ||
	    v->sex != g->sex || v->age != g->age) {
		groups_flush(g);
		g->grant = v->grant;
		g->form = v->form;
		g->sex = v->sex;
		g->age = v->age;
		g->seen = 1;
	}
	if (strcmp(v->date, g->to) > 0)
		return 0;
	if (strcmp(v->date, g->from) < 0)
		g->before = v->victims;
	else
		g->in_year = 1;
	g->at = v->victims;
	return 0;
}

static int
victim_groups(struct fund_doc *doc, struct store *st, struct section *sec,
    int year)
{
	static const char *const cols[] = { "Form of exploitation", "Sex",
	    "Age", "Victims assisted" };
	struct groups	*g = xcalloc(1, sizeof(*g));
	struct report	*r = doc->r;
	struct table	*t;

	g->from = doc->from;
	g->to = doc->to;
	if (st->ops->fund_victims_each(st, group_row, g) == -1) {
		free(g);
		return -1;
	}
	groups_flush(g);
	t = table_new(r, sec, "fund_victims_groups", report_printf(r, "Victims "
	    "assisted in %d by form of exploitation, sex and age, as the "
	    "grantees reported them", year), 4, cols);
	for (int f = 0; f < FORM__MAX; f++)
		for (int s = 0; s < SEX__MAX; s++)
			for (int a = 0; a < AGEG__MAX; a++) {
				struct cell *row;

				if (g->sum[f][s][a] == 0)
					continue;
				row = table_row(r, t);
				cell_text(&row[0], code_lists[CL_FORM].codes[
				    f].label);
				cell_text(&row[1], code_lists[CL_SEX].codes[
				    s].label);
				cell_text(&row[2], code_lists[CL_AGE_GROUP].codes[
				    a].label);
				cell_int(&row[3], g->sum[f][s][a]);
			}
	t->note = "Grantees give these groups beside their totals, as far as "
	    "they know them; the groups need not add up to the totals, and "
	    "'Total' in a column means not broken down by it.";
	if (!g->any)
		section_para(r, sec, report_printf(r, "No grantee reported "
		    "victims by form of exploitation, sex or age in %d.", year));
	free(g);
	return 0;
}

/*
 * The victims assisted as the grantees reported them in the year, under
 * every grant that reported, whenever it was approved: each report gives
 * the grant's victims so far, so a year's are its latest report less the
 * latest before the year.
 */
static int
victims(struct fund_doc *doc, struct store *st, int year)
{
	static const char *const cols[] = { "Grant", "Cycle", "Grantee",
	    "Country of implementation", "Approved", "Victims assisted so far",
	    "Of them reported in the year" };
	struct report	*r = doc->r;
	struct section	*sec = report_section(r, "victims", "Victims assisted");
	struct table	*t;
	int64_t		 in_year = 0;
	int		 grants = 0;
	char		 n[32];

	t = table_new(r, sec, "fund_victims", report_printf(r, "Victims "
	    "assisted, as the grantees reported them in %d", year), 7, cols);
	for (size_t i = 0; i < doc->ngrants; i++) {
		const struct fund_grant	*g = &doc->grants[i];
		struct grant_sum	*s = fund_grant_sum(&doc->t, g->id);
		const struct country	*c = country_by_numeric(g->country);
		struct cell		*row;
		int64_t			 d;

		if (s == NULL || !s->reported || strcmp(s->reported_on,
		    doc->from) < 0)
			continue;
		d = s->victims - (s->reported_before ? s->victims_before : 0);
		row = table_row(r, t);
		cell_int(&row[0], g->id);
		cell_text(&row[1], fund_cycle_name(doc, g->cycle));
		cell_text(&row[2], g->grantee);
		cell_text(&row[3], c ? c->name : "");
		cell_text(&row[4], report_strdup(r, g->date));
		cell_int(&row[5], s->victims);
		cell_int(&row[6], d);
		in_year += d;
		grants++;
	}
	int_format(in_year, n);
	section_para(r, sec, grants ? report_printf(r, "In %d the grantees of "
	    "%d grant%s reported %s more victims assisted, whatever the year "
	    "their grant was approved: a grant that runs over several years "
	    "counts its victims in the year each report came.", year, grants,
	    grants == 1 ? "" : "s", n) : report_printf(r, "No grantee "
	    "reported victims assisted in %d.", year));
	return victim_groups(doc, st, sec, year);
}

/* Since the fund began (it was established in 2010), up to the end of
 * the report's year. */
static int
inception(struct fund_doc *doc, struct store *st, int year)
{
	static const char *const cols[] = { "Since 2010", "Value" };
	struct report	*r = doc->r;
	struct section	*sec = report_section(r, "inception", "Since "
	    "inception");
	struct fund_totals all;
	struct table	*t;
	struct cell	*row;
	unsigned char	*countries = xcalloc(1000, 1);
	int64_t		 donors = 0, grants = 0, usd = 0, victims = 0;
	int		 ncountries = 0;

	if (fund_summarise(st, "1900-01-01", doc->to, &all) == -1) {
		free(countries);
		return -1;
	}
	for (size_t i = 0; i < doc->ndonors; i++) {
		struct donor_sum *s = fund_donor_sum(&all, doc->donors[i].id);

		donors += s != NULL && s->count > 0;
	}
	for (size_t i = 0; i < doc->ngrants; i++) {
		const struct fund_grant	*g = &doc->grants[i];
		struct grant_sum	*s = fund_grant_sum(&all, g->id);

		if (strcmp(g->date, doc->to) > 0 || (s && s->cancelled))
			continue;
		grants++;
		usd += g->amount;
		if (g->country >= 0 && g->country < 1000 &&
		    !countries[g->country]) {
			countries[g->country] = 1;
			ncountries++;
		}
		victims += s && s->reported ? s->victims : 0;
	}
	free(countries);
	t = table_new(r, sec, "fund_inception", report_printf(r, "The fund "
	    "from its beginning to 31 December %d", year), 2, cols);
	row = table_row(r, t);
	cell_text(&row[0], "Contributions received, US dollars");
	cell_money(&row[1], fund_shown(all.usd, FA_INCOME));
	row = table_row(r, t);
	cell_text(&row[0], "Donors that contributed");
	cell_int(&row[1], donors);
	row = table_row(r, t);
	cell_text(&row[0], "Grants approved");
	cell_int(&row[1], grants);
	row = table_row(r, t);
	cell_text(&row[0], "Grants approved, US dollars");
	cell_money(&row[1], usd);
	row = table_row(r, t);
	cell_text(&row[0], "Countries of implementation");
	cell_int(&row[1], ncountries);
	row = table_row(r, t);
	cell_text(&row[0], "Victims assisted, as last reported");
	cell_int(&row[1], victims);
	t->note = "Grants whose approval was reversed are left out; victims "
	    "are each grant's latest report up to the end of the year.";
	fund_totals_release(&all);
	return 0;
}

/* Income, expenditure and balances, as the fund's accounts give them. */
static void
performance(struct fund_doc *doc, struct section *sec, const char *id,
    int year)
{
	static const char *const fcols[] = { "Figure", "US dollars" };
	const struct fund_totals *t = &doc->t;
	struct report	*r = doc->r;
	struct table	*tb;
	struct cell	*row;
	const struct {
		const char	*label;
		int64_t		 v;
	} figs[] = {
		{ "Fund balance on 1 January", t->before[FA_CASH] },
		{ "Contributions received", fund_shown(t->period, FA_INCOME) },
		{ "Grants paid out, net of refunds",
		    fund_shown(t->period, FA_EXPENSE) },
		{ "Programme support costs",
		    fund_shown(t->period, FA_SUPPORT) },
		{ "Fund balance on 31 December", t->usd[FA_CASH] },
		{ "Grants approved, not yet disbursed, on 31 December",
		    fund_shown(t->usd, FA_UNDISBURSED) },
		{ "Pledges outstanding on 31 December (at the pledges' rates)",
		    fund_shown(t->usd, FA_PLEDGES) },
	};

	tb = table_new(r, sec, id, report_printf(r, "Financial performance, "
	    "%d", year), 2, fcols);
	for (size_t i = 0; i < sizeof(figs) / sizeof(figs[0]); i++) {
		row = table_row(r, tb);
		cell_text(&row[0], figs[i].label);
		cell_money(&row[1], figs[i].v);
	}
	tb->note = "The balance on 31 December is the balance on 1 January, "
	    "plus contributions, less grants paid out and support costs.";
}

static int
doc_read(struct store *st, int year, struct fund_doc *doc)
{
	fund_year(year, doc->from, doc->to);
	if (fund_summarise(st, doc->from, doc->to, &doc->t) == -1 ||
	    st->ops->fund_donor_list(st, &doc->r->arena, &doc->donors,
	    &doc->ndonors) == -1 ||
	    st->ops->fund_grant_list(st, &doc->r->arena, &doc->grants,
	    &doc->ngrants) == -1 ||
	    st->ops->fund_cycle_list(st, &doc->r->arena, &doc->cycles,
	    &doc->ncycles) == -1)
		return -1;
	return 0;
}

static void
doc_release(struct fund_doc *doc)
{
	fund_totals_release(&doc->t);
}

struct report *
fund_report(struct store *st, int year)
{
	static const char *const icols[] = { "Flow", "US dollars" };
	struct fund_doc	 doc;
	struct section	*sec;
	struct table	*t;
	struct cell	*row;

	memset(&doc, 0, sizeof(doc));
	doc.r = report_new("The Trust Fund for victims");
	doc.r->title = report_printf(doc.r, "United Nations Voluntary Trust "
	    "Fund for Victims of Trafficking in Persons, Especially Women and "
	    "Children: report for %d", year);
	doc.r->subtitle = report_printf(doc.r, "1 January to 31 December %d, "
	    "from the fund's journal", year);
	report_meta(doc.r, "fund", NULL, NULL, year);
	if (doc_read(st, year, &doc) == -1) {
		report_free(doc.r);
		doc_release(&doc);
		return NULL;
	}
	contributions(&doc, year);
	grants(&doc, year);
	if (victims(&doc, st, year) == -1 ||
	    inception(&doc, st, year) == -1) {
		report_free(doc.r);
		doc_release(&doc);
		return NULL;
	}
	sec = report_section(doc.r, "finance", "Financial performance");
	section_para(doc.r, sec, RULE);
	performance(&doc, sec, "fund_performance", year);
	t = table_new(doc.r, sec, "fund_flows", report_printf(doc.r, "Income "
	    "and expenditure, %d", year), 2, icols);
	row = table_row(doc.r, t);
	cell_text(&row[0], "Income: contributions");
	cell_money(&row[1], fund_shown(doc.t.period, FA_INCOME));
	row = table_row(doc.r, t);
	cell_text(&row[0], "Expenditure: grants, net of refunds");
	cell_money(&row[1], doc.t.period[FA_EXPENSE]);
	row = table_row(doc.r, t);
	cell_text(&row[0], "Expenditure: programme support costs");
	cell_money(&row[1], doc.t.period[FA_SUPPORT]);
	t->chart = CHART_BARS;
	t->chart_col = 1;
	t->chart_desc = "Income and expenditure in US dollars";
	doc_release(&doc);
	if (report_samples(doc.r, st) == -1) {
		report_free(doc.r);
		return NULL;
	}
	return doc.r;
}

int
fund_sg_section(struct report *r, struct section *sec, struct store *st,
    int year)
{
	struct fund_doc	 doc;
	int		 rc = 0;

	memset(&doc, 0, sizeof(doc));
	doc.r = r;
	if (doc_read(st, year, &doc) == -1)
		rc = -1;
	else if (doc.t.entries == 0)
		section_para(r, sec, "The fund's journal in palermo holds no "
		    "entries up to the end of the year; this section is filled "
		    "in when it does (palermo fund).");
	else {
		section_para(r, sec, report_printf(r, "From the fund's journal "
		    "(palermo fund); the fund's own report for %d gives the "
		    "donors and grants.  %s", year, RULE));
		performance(&doc, sec, "sg_fund", year);
	}
	doc_release(&doc);
	return rc;
}
