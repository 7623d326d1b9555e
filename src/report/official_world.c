/*
 * official_world.c: the official-statistics sections of the Global
 * Report: trends of the world and of each region, both as the sum over
 * whoever reported and over a constant panel of the countries that
 * reported every year; who the detected victims are (women, men, girls,
 * boys); figures by region and sub-region with SDG indicator 16.2.2;
 * flows; maps; and the methods.
 *
 * Two windows of years: trends cover the last ten years with values, the
 * tables of a period the last three, unless --from or --to say otherwise,
 * and then both cover the years asked for.  Every table says its years in
 * its title and, where it is not a table by year, in a column.  Regions
 * are those of a grouping: UN M49's five, or the user's scheme.
 */
#include <stdlib.h>
#include <string.h>

#include "report/report_int.h"

#define TREND_YEARS	10
#define PERIOD_YEARS	3

struct world {
	struct report		*r;
	const struct official	*o;
	const struct grouping	*g;
	int			 t0, t1;	/* trends */
	int			 p0, p1;	/* a period */
	const char		*trend_years, *period_years;
	/* per region of the grouping (and all, at g->n): its countries */
	unsigned char		 in[GROUPING_MAX + 1][NCOUNTRIES];
	int			 ncountries[GROUPING_MAX + 1];
};

/* "12 totals replaced ..." for a row whose sums replaced some. */
static void
replaced_note(struct report *r, struct cell *c, int n)
{
	if (n > 0)
		official_note(r, c, report_printf(r, "%d total%s replaced by "
		    "what %s complete splits allow", n, n == 1 ? "" : "s",
		    n == 1 ? "its" : "their"));
}

/* ---------------------------------------------------------------------- */
/* Trends */

static const char *const trend_cols[] = { "Year", "All reporting countries",
    "Constant panel", "Countries reporting", "Countries in the panel",
    "Note" };

static void
trend_rows(struct world *w, struct table *t, int ind, int region,
    const char *name)
{
	unsigned char	 panel[NCOUNTRIES];
	int		 np = official_panel(w->o, ind, w->t0, w->t1,
			    w->in[region], panel);
	int		 off = name != NULL;

	for (int y = w->t0; y <= w->t1; y++) {
		struct osum	 all, pan;
		struct cell	*row;

		official_sum(w->o, ind, y, w->in[region], &all);
		official_sum(w->o, ind, y, panel, &pan);
		if (all.n == 0 && name == NULL)
			continue;
		row = table_row(w->r, t);
		if (name != NULL)
			cell_text(&row[0], name);
		cell_year(&row[off], y);
		/* a year nobody reported stays blank, not zero */
		if (all.n)
			cell_range(&row[off + 1], all.lo, all.hi);
		if (np)
			cell_range(&row[off + 2], pan.lo, pan.hi);
		cell_int(&row[off + 3], all.n);
		cell_int(&row[off + 4], np);
		replaced_note(w->r, &row[off + 5], all.replaced);
	}
}

static struct table *
trend_table(struct world *w, struct section *sec, const char *id,
    const char *what, int ind)
{
	struct table	*t = table_new(w->r, sec, id, report_printf(w->r,
	    "%s, all reporting countries and a constant panel, %s", what,
	    w->trend_years), 6, trend_cols);

	t->y0 = w->t0;
	t->y1 = w->t1;
	t->chart = CHART_LINES;
	t->chart_last = 2;
	t->chart_desc = report_printf(w->r, "Lines of %s by year: the sum "
	    "over every country that reported, and over the countries that "
	    "reported every year; ranges are drawn at their middle.", what);
	trend_rows(w, t, ind, w->g->n, NULL);
	return t;
}

static void
world_trends(struct world *w)
{
	struct report	*r = w->r;
	struct section	*sec = report_section(r, "official-trends",
	    "Official statistics: detected victims and convictions over time");
	static const char *const rcols[] = { "Region", "Year",
	    "All reporting countries", "Constant panel", "Countries reporting",
	    "Countries in the panel", "Note" };
	struct table	*t;
	unsigned char	 panel[NCOUNTRIES];
	int		 np = official_panel(w->o, IND_DETECTED, w->t0, w->t1,
			    NULL, panel);

	section_para(r, sec, "This and the following sections count official "
	    "statistics, not case records.  Each trend is shown two ways: the "
	    "sum over whoever reported each year, which grows when a country "
	    "enters the series, and the sum over a constant panel, the "
	    "countries that reported in every year of the window, which "
	    "shows how the same countries' figures moved.");
	section_para(r, sec, report_printf(r, "Of the countries that reported "
	    "detected victims from %d to %d, %d reported every year.",
	    w->t0, w->t1, np));
	t = trend_table(w, sec, "official_trends", "Detected victims",
	    IND_DETECTED);
	t->note = "Official statistics.  Ranges come from counts published "
	    "as <5.  A blank: no country reported it that year.";
	t = trend_table(w, sec, "official_convictions", "Persons convicted",
	    IND_CONVICTED);
	t->note = "Official statistics: persons convicted of trafficking.";
	t = table_new(r, sec, "official_regional_trends", report_printf(r,
	    "Detected victims by region, all reporting countries and a "
	    "constant panel, %s", w->trend_years), 7, rcols);
	t->y0 = w->t0;
	t->y1 = w->t1;
	for (int g = 0; g < w->g->n; g++)
		trend_rows(w, t, IND_DETECTED, g, w->g->names[g]);
	t->note = report_printf(r, "Regions of %s.  The panel of a region is "
	    "its countries that reported in every year.", w->g->name);
}

/* ---------------------------------------------------------------------- */
/* Who the detected victims are */

/* The profiles of the years y0 to y1 and a form, over the countries of
 * in[] (NULL: all), added into one row with the countries they come
 * from; in *rowp, or NULL when there are none and each is not set. */
static void
profile_row(struct report *r, struct table *t, const struct oprofile *p,
    size_t np, int y0, int y1, int form, const unsigned char *in, int each,
    struct cell **rowp)
{
	struct oprofile	 sum;
	unsigned char	 seen[NCOUNTRIES] = { 0 };
	int		 n = 0;

	memset(&sum, 0, sizeof(sum));
	for (size_t i = 0; i < np; i++) {
		if (p[i].year < y0 || p[i].year > y1 || p[i].form != form ||
		    (in != NULL && !in[p[i].c]))
			continue;
		for (int k = 0; k < 4; k++) {
			sum.lo[k] += p[i].lo[k];
			sum.hi[k] += p[i].hi[k];
		}
		n += !seen[p[i].c]++;
	}
	if (n == 0 && !each) {
		*rowp = NULL;
		return;
	}
	*rowp = table_row(r, t);
	official_profile_row(*rowp, &sum, n);
}

static void
world_profile(struct world *w)
{
	struct report	*r = w->r;
	struct section	*sec = report_section(r, "official-profile",
	    "Official statistics: women, men, girls and boys");
	static const struct {
		int	 form;
		const char *label;
	} forms[] = {
		{ FORM_SEXUAL, "Sexual exploitation" },
		{ FORM_LABOUR, "Forced labour" },
		{ FORM_OTHER, "Other forms of exploitation" },
	};
	struct oprofile	*p = NULL;
	size_t		 np = official_profiles(w->o, &p);
	struct table	*t;
	struct cell	*row;

	section_para(r, sec, "Detected victims by sex and age together, from "
	    "the countries that give all four: women and men (18 or over), "
	    "girls and boys (under 18).");
	t = official_profile_table(r, sec, "official_profile_by_year",
	    report_printf(r, "Women, men, girls and boys among detected "
	    "victims, by year, %s", w->trend_years), "Year");
	t->y0 = w->t0;
	t->y1 = w->t1;
	for (int y = w->t0; y <= w->t1; y++) {
		profile_row(r, t, p, np, y, y, FORM_TOTAL, NULL, 0, &row);
		if (row != NULL)
			cell_year(&row[0], y);
	}
	t = official_profile_table(r, sec, "official_profile_by_region",
	    report_printf(r, "Women, men, girls and boys among detected "
	    "victims, by region, %s", w->period_years), "Region");
	t->y0 = w->p0;
	t->y1 = w->p1;
	for (int g = 0; g < w->g->n; g++) {
		profile_row(r, t, p, np, w->p0, w->p1, FORM_TOTAL, w->in[g], 1,
		    &row);
		if (row != NULL)
			cell_text(&row[0], w->g->names[g]);
	}
	t = official_profile_table(r, sec, "official_profile_by_form",
	    report_printf(r, "Women, men, girls and boys among detected "
	    "victims, by form of exploitation, %s", w->period_years), "Form");
	t->y0 = w->p0;
	t->y1 = w->p1;
	for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		profile_row(r, t, p, np, w->p0, w->p1, forms[f].form, NULL, 1,
		    &row);
		if (row != NULL)
			cell_text(&row[0], forms[f].label);
	}
	free(p);
}

/* ---------------------------------------------------------------------- */
/* By region and sub-region, and SDG 16.2.2 */

/* The M49 region a sub-region belongs to. */
static int
region_of_subregion(int sub)
{
	for (int i = 0; i < country_count(); i++)
		if (country_m49(i, 1) == sub)
			return country_m49(i, 0);
	return 0;
}

/* Sub-regions in the order of their region's name, then their own. */
static int
subregion_cmp(const void *a, const void *b)
{
	int	 x = *(const int *)a, y = *(const int *)b;
	int	 c = strcmp(region_name(region_of_subregion(x)),
		    region_name(region_of_subregion(y)));

	return c ? c : strcmp(region_name(x), region_name(y));
}

/* Detected victims and convictions of the period over some countries. */
static void
period_row(struct world *w, struct cell *row, const unsigned char *in)
{
	int64_t		 lo[2] = { 0 }, hi[2] = { 0 };
	unsigned char	 seen[NCOUNTRIES] = { 0 };
	int		 n = 0, replaced = 0;

	for (int y = w->p0; y <= w->p1; y++)
		for (int c = 0; c < country_count(); c++)
			for (int k = 0; k < 2; k++) {
				const struct ototal *x;

				if (!in[c] || (x = official_total(w->o, c, k ?
				    IND_CONVICTED : IND_DETECTED, y)) == NULL ||
				    !x->has_total)
					continue;
				lo[k] += x->lo;
				hi[k] += x->hi;
				n += !seen[c]++;
				replaced += x->contradicted != 0;
			}
	cell_range(&row[0], lo[0], hi[0]);
	cell_range(&row[1], lo[1], hi[1]);
	cell_int(&row[2], n);
	cell_text(&row[3], w->period_years);
	replaced_note(w->r, &row[4], replaced);
}

static void
world_regions(struct world *w)
{
	struct report	*r = w->r;
	struct section	*sec = report_section(r, "official-regions",
	    "Official statistics by region");
	static const char *const scols[] = { "Sub-region", "Region",
	    "Detected victims", "Persons convicted", "Countries reporting",
	    "Years", "Note" };
	static const char *const fcols[] = { "Region", "Sexual exploitation",
	    "Forced labour", "Other forms of exploitation", "Years" };
	struct table	*t;
	struct cell	*row;
	int		 subs[64], nsubs = 0;
	int64_t		 flo[GROUPING_MAX][3], fhi[GROUPING_MAX][3];

	section_para(r, sec, report_printf(r, "Official statistics for %s, by "
	    "the region of the reporting country (%s).", w->period_years,
	    w->g->name));
	t = table_new(r, sec, "official_by_region", report_printf(r,
	    "Detected victims and persons convicted by region, %s",
	    w->period_years), 6, scols + 1);
	t->y0 = w->p0;
	t->y1 = w->p1;
	for (int g = 0; g < w->g->n; g++) {
		row = table_row(r, t);
		cell_text(&row[0], w->g->names[g]);
		period_row(w, row + 1, w->in[g]);
	}
	t->chart = CHART_BARS;
	t->chart_col = 1;
	t->note = "Official statistics; ranges are drawn at their middle.";

	/* the sub-regions of M49, which a scheme of the user's has not */
	if (strcmp(w->g->name, "UN M49") == 0) {
		for (int i = 0; i < country_count(); i++) {
			int	 s = country_m49(i, 1), k;

			for (k = 0; k < nsubs && subs[k] != s; k++)
				;
			if (s && k == nsubs && nsubs < 64)
				subs[nsubs++] = s;
		}
		qsort(subs, (size_t)nsubs, sizeof(subs[0]), subregion_cmp);
		t = table_new(r, sec, "official_by_subregion", report_printf(r,
		    "Detected victims and persons convicted by sub-region, %s",
		    w->period_years), 7, scols);
		t->y0 = w->p0;
		t->y1 = w->p1;
		for (int k = 0; k < nsubs; k++) {
			unsigned char	 in[NCOUNTRIES] = { 0 };
			int		 any = 0;

			for (int c = 0; c < country_count(); c++)
				in[c] = w->in[w->g->n][c] && country_m49(c, 1) ==
				    subs[k];
			for (int y = w->p0; y <= w->p1 && !any; y++) {
				struct osum s0, s1;

				official_sum(w->o, IND_DETECTED, y, in, &s0);
				official_sum(w->o, IND_CONVICTED, y, in, &s1);
				any = s0.n + s1.n > 0;
			}
			if (!any)
				continue;
			row = table_row(r, t);
			cell_text(&row[0], region_name(subs[k]));
			cell_text(&row[1], region_name(region_of_subregion(
			    subs[k])));
			period_row(w, row + 2, in);
		}
		t->chart = CHART_BARS;
		t->chart_col = 2;
		t->note = "Official statistics; ranges are drawn at their "
		    "middle.";
	}

	memset(flo, 0, sizeof(flo));
	memset(fhi, 0, sizeof(fhi));
	for (size_t i = 0; i < w->o->n; i++) {
		const struct oval *v = &w->o->v[i];
		int	 g = grouping_of(w->g, v->c);

		if (v->ind != IND_DETECTED || g < 0 || v->year < w->p0 ||
		    v->year > w->p1 || ogroup_split_of(v->sex, v->age,
		    v->form, v->odim) != SPLIT_FORM || v->form > FORM_OTHER)
			continue;
		flo[g][v->form - 1] += v->lo;
		fhi[g][v->form - 1] += v->hi;
	}
	t = table_new(r, sec, "official_forms_by_region", report_printf(r,
	    "Detected victims by form of exploitation and region, %s",
	    w->period_years), 5, fcols);
	t->y0 = w->p0;
	t->y1 = w->p1;
	for (int g = 0; g < w->g->n; g++) {
		row = table_row(r, t);
		cell_text(&row[0], w->g->names[g]);
		for (int k = 0; k < 3; k++)
			cell_range(&row[k + 1], flo[g][k], fhi[g][k]);
		cell_text(&row[4], w->period_years);
	}
	t->chart = CHART_HEATMAP;
	t->chart_last = 3;
	t->chart_desc = "Heat map of officially detected victims by form of "
	    "exploitation and region of the reporting country.";
	t->note = "Official statistics, as the countries broke them down.";
}

static void
world_rates(struct world *w)
{
	struct report	*r = w->r;
	struct section	*sec = report_section(r, "official-sdg", "SDG "
	    "indicator 16.2.2 by region");
	static const char *const cols[] = { "Region", "Year",
	    "Detected victims", "Population", "Per 100,000",
	    "Countries with both", "Countries and areas in the region",
	    "Note" };
	struct table	*t = table_new(r, sec, "official_sdg_16_2_2",
	    report_printf(r, "Detected victims per 100,000 people, by region, "
	    "%s", w->trend_years), 8, cols);
	int		 rows = 0, shown = 0;

	t->y0 = w->t0;
	t->y1 = w->t1;
	for (int g = 0; g < w->g->n; g++)
		for (int y = w->t0; y <= w->t1; y++) {
			int64_t	 lo = 0, hi = 0, pop = 0, p;
			int	 both = 0, replaced = 0;
			struct cell *row;

			for (int c = 0; c < country_count(); c++) {
				const struct ototal *x;

				if (!w->in[g][c] || (x = official_total(w->o, c,
				    IND_DETECTED, y)) == NULL || !x->has_total ||
				    (p = official_population(w->o, c, y,
				    SEX_TOTAL, AGEG_TOTAL)) <= 0)
					continue;
				both++;
				lo += x->lo;
				hi += x->hi;
				pop += p;
				replaced += x->contradicted != 0;
			}
			if (both == 0)
				continue;
			row = table_row(r, t);
			cell_text(&row[0], w->g->names[g]);
			cell_year(&row[1], y);
			cell_range(&row[2], lo, hi);
			cell_int(&row[3], pop);
			cell_int(&row[5], both);
			cell_int(&row[6], w->ncountries[g]);
			/* a rate of fewer than half the region says little of
			 * it: said instead */
			if (2 * both >= w->ncountries[g]) {
				cell_rate(&row[4], lo, hi, pop);
				shown++;
			} else
				official_note(r, &row[7], report_printf(r, "not "
				    "shown: %d of the region's %d countries and "
				    "areas have both", both, w->ncountries[g]));
			replaced_note(r, &row[7], replaced);
			rows++;
		}
	section_para(r, sec, rows ? report_printf(r, "Rolled up only over "
	    "the countries with both detected victims and population in the "
	    "year, and shown only where those are at least half of the "
	    "region's countries and areas (%d of %d rows); the columns say "
	    "how many they are.", shown, rows) : "No year has both detected "
	    "victims and population: import population with 'palermo import "
	    "population' to compute the rate per 100,000.");
}

/* ---------------------------------------------------------------------- */
/* Flows and maps */

struct pair {
	int	 from, to;
	int64_t	 lo, hi;
};

static int
pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->hi != y->hi)
		return x->hi > y->hi ? -1 : 1;
	if (x->from != y->from)
		return x->from - y->from;
	return x->to - y->to;
}

static void
world_flows(struct world *w, struct pair **out, size_t *nout)
{
	struct report	*r = w->r;
	struct section	*sec = report_section(r, "official-flows",
	    "Official statistics: flows from aggregates");
	static const char *const kcols[] = { "Flow", "Detected victims",
	    "Flows", "Years" };
	static const char *const ycols[] = { "Year", "Domestic",
	    "Within the sub-region", "Within the region", "Across regions" };
	static const char *const tcols[] = { "Flow", "Citizenship",
	    "Detected in", "Detected victims", "Years" };
	const char	*rcols[GROUPING_MAX + 3];
	int64_t		 lo[NCLASSES] = { 0 }, hi[NCLASSES] = { 0 };
	int64_t		 m[GROUPING_MAX + 1][GROUPING_MAX + 1];
	int		 nf[NCLASSES] = { 0 }, ng = w->g->n;
	struct pair	*pairs = NULL;
	size_t		 np = 0;
	struct table	*t;
	struct cell	*row;

	section_para(r, sec, report_printf(r, "Victims detected in a country, "
	    "by their citizenship: a flow from the country of citizenship to "
	    "the detecting country, counted where at least %d victims were "
	    "detected in a year.", OFFICIAL_FLOW_MIN));
	t = table_new(r, sec, "official_flows_by_year", report_printf(r,
	    "Detected victims in flows, by year and kind of flow, %s",
	    w->trend_years), 5, ycols);
	t->y0 = w->t0;
	t->y1 = w->t1;
	for (int y = w->t0; y <= w->t1; y++) {
		int64_t	 ylo[NCLASSES] = { 0 }, yhi[NCLASSES] = { 0 };
		int	 any = 0;

		for (size_t i = 0; i < w->o->n; i++) {
			const struct oval *v = &w->o->v[i];
			enum flow_class fc;

			if (!official_flow(v) || v->year != y)
				continue;
			fc = flow_classify(v->oc, v->c);
			ylo[fc] += v->lo;
			yhi[fc] += v->hi;
			any = 1;
		}
		if (!any)
			continue;
		row = table_row(r, t);
		cell_year(&row[0], y);
		for (int k = 0; k < NCLASSES; k++)
			cell_range(&row[k + 1], ylo[k], yhi[k]);
	}
	t->chart = CHART_LINES;
	t->chart_desc = "Lines of officially detected victims in domestic and "
	    "cross-border flows, by year.";

	memset(m, 0, sizeof(m));
	for (size_t i = 0; i < w->o->n; i++) {
		const struct oval *v = &w->o->v[i];
		enum flow_class fc;
		int	 a, b;
		size_t	 k;

		if (!official_flow(v) || v->year < w->p0 || v->year > w->p1)
			continue;
		fc = flow_classify(v->oc, v->c);
		lo[fc] += v->lo;
		hi[fc] += v->hi;
		nf[fc]++;
		a = grouping_of(w->g, v->oc);
		b = grouping_of(w->g, v->c);
		m[a < 0 ? ng : a][b < 0 ? ng : b] += v->lo;
		for (k = 0; k < np; k++)
			if (pairs[k].from == v->oc && pairs[k].to == v->c)
				break;
		if (k == np) {
			pairs = xreallocarray(pairs, np + 1, sizeof(*pairs));
			memset(&pairs[np], 0, sizeof(*pairs));
			pairs[np].from = v->oc;
			pairs[np++].to = v->c;
		}
		pairs[k].lo += v->lo;
		pairs[k].hi += v->hi;
	}
	t = table_new(r, sec, "official_flow_classes", report_printf(r,
	    "Detected victims in domestic and cross-border flows, %s",
	    w->period_years), 4, kcols);
	t->y0 = w->p0;
	t->y1 = w->p1;
	for (int k = 0; k < NCLASSES; k++) {
		row = table_row(r, t);
		cell_text(&row[0], flow_class_names[k]);
		cell_range(&row[1], lo[k], hi[k]);
		cell_int(&row[2], nf[k]);
		cell_text(&row[3], w->period_years);
	}
	t->chart = CHART_BARS;
	t->chart_col = 1;
	t->note = "Official statistics.  Flows: country pairs and years with at "
	    "least 5 detected victims.  Sub-regions and regions are UN M49's.";

	rcols[0] = "Region of citizenship";
	for (int i = 0; i < ng; i++)
		rcols[i + 1] = w->g->names[i];
	rcols[ng + 1] = "Not grouped";
	rcols[ng + 2] = "Years";
	t = table_new(r, sec, "official_flows_by_region", report_printf(r,
	    "Detected victims from each region (rows) in each region "
	    "(columns), %s", w->period_years), ng + 3, rcols);
	t->y0 = w->p0;
	t->y1 = w->p1;
	for (int i = 0; i <= ng; i++) {
		row = table_row(r, t);
		cell_text(&row[0], i < ng ? w->g->names[i] : "Not grouped");
		for (int j = 0; j <= ng; j++)
			cell_int(&row[j + 1], m[i][j]);
		cell_text(&row[ng + 2], w->period_years);
	}
	t->chart = CHART_HEATMAP;
	t->chart_last = ng + 1;
	t->chart_desc = "Heat map of officially detected victims by region of "
	    "citizenship and region of detection.";
	t->note = report_printf(r, "Official statistics; the lower end of each "
	    "range.  Regions of %s; 'Not grouped': countries it leaves out.",
	    w->g->name);

	if (np)
		qsort(pairs, np, sizeof(*pairs), pair_cmp);
	t = table_new(r, sec, "official_top_flows", report_printf(r, "The 20 "
	    "largest flows, %s", w->period_years), 5, tcols);
	t->y0 = w->p0;
	t->y1 = w->p1;
	for (size_t i = 0; i < np && i < OFFICIAL_TOP_FLOWS; i++) {
		row = table_row(r, t);
		cell_text(&row[0], report_printf(r, "%s \xe2\x86\x92 %s",
		    official_country_name(pairs[i].from),
		    official_country_name(pairs[i].to)));
		cell_text(&row[1], official_country_name(pairs[i].from));
		cell_text(&row[2], official_country_name(pairs[i].to));
		cell_range(&row[3], pairs[i].lo, pairs[i].hi);
		cell_text(&row[4], w->period_years);
	}
	t->chart = CHART_BARS;
	t->chart_col = 3;
	t->note = "Official statistics.";
	*out = pairs;
	*nout = np;
}

static void
world_maps(struct world *w, const struct pair *pairs, size_t np)
{
	struct report	*r = w->r;
	struct section	*sec = report_section(r, "official-maps",
	    "Official statistics: maps");
	static const char *const vcols[] = { "ISO3", "Country",
	    "Detected victims", "Years reported", "Years", "Note" };
	static const char *const rcols[] = { "ISO3", "Country",
	    "Detected victims", "Population", "Per 100,000 a year",
	    "Years with both", "Note" };
	static const char *const fcols[] = { "From", "To", "Citizenship",
	    "Detected in", "Detected victims", "Years" };
	struct table	*t, *rt = NULL;
	int		 rates = 0;

	section_para(r, sec, "The maps shade each country by its detected "
	    "victims, and draw the flows between countries; each has its "
	    "table beside it.  The boundaries and names shown and the "
	    "designations used on these maps do not imply official "
	    "endorsement or acceptance by the United Nations.");
	t = table_new(r, sec, "official_map_victims", report_printf(r,
	    "Map: detected victims by country, %s", w->period_years), 6,
	    vcols);
	official_map(t, CHART_CHOROPLETH, 2, w->p0, w->p1);
	t->note = "The sum of each country's totals of detected victims over "
	    "the years it reported; a country hatched on the map reported "
	    "none.";
	for (int pass = 0; pass < 2; pass++)
		for (int c = 0; c < country_count(); c++) {
			int64_t	 lo = 0, hi = 0, blo = 0, bhi = 0, pop = 0, p;
			int	 years = 0, both = 0, replaced = 0;
			struct cell *row;

			if (!w->in[w->g->n][c])
				continue;
			for (int y = w->p0; y <= w->p1; y++) {
				const struct ototal *x = official_total(w->o, c,
				    IND_DETECTED, y);

				if (x == NULL || !x->has_total)
					continue;
				lo += x->lo;
				hi += x->hi;
				years++;
				replaced += x->contradicted != 0;
				if ((p = official_population(w->o, c, y,
				    SEX_TOTAL, AGEG_TOTAL)) > 0) {
					blo += x->lo;
					bhi += x->hi;
					pop += p;
					both++;
				}
			}
			if (pass == 0 && years) {
				row = table_row(r, t);
				cell_text(&row[0], country_at(c)->alpha3);
				cell_text(&row[1], official_country_name(c));
				cell_range(&row[2], lo, hi);
				cell_int(&row[3], years);
				cell_text(&row[4], w->period_years);
				replaced_note(r, &row[5], replaced);
				rates += both > 0;
			}
			if (pass == 0 || both == 0)
				continue;
			/* the rates, only where population is stored */
			if (rt == NULL) {
				rt = table_new(r, sec, "official_map_rates",
				    report_printf(r, "Map: detected victims per "
				    "100,000 people a year, %s",
				    w->period_years), 7, rcols);
				official_map(rt, CHART_CHOROPLETH, 4, w->p0, w->p1);
				rt->note = "Detected victims divided by the "
				    "population of the same years, over the "
				    "years with both: a rate a year.";
			}
			row = table_row(r, rt);
			cell_text(&row[0], country_at(c)->alpha3);
			cell_text(&row[1], official_country_name(c));
			cell_range(&row[2], blo, bhi);
			cell_int(&row[3], pop);
			cell_rate(&row[4], blo, bhi, pop);
			cell_int(&row[5], both);
			replaced_note(r, &row[6], replaced);
		}
	if (rates == 0)
		section_para(r, sec, "No population figures are stored for "
		    "these countries and years, so there is no map of rates: "
		    "import them with 'palermo import population'.");

	t = table_new(r, sec, "official_map_flows", report_printf(r, "Map: "
	    "flows between countries, %s", w->period_years), 6, fcols);
	for (size_t i = 0; i < np; i++) {
		struct cell *row = table_row(r, t);

		cell_text(&row[0], country_at(pairs[i].from)->alpha3);
		cell_text(&row[1], country_at(pairs[i].to)->alpha3);
		cell_text(&row[2], official_country_name(pairs[i].from));
		cell_text(&row[3], official_country_name(pairs[i].to));
		cell_range(&row[4], pairs[i].lo, pairs[i].hi);
		cell_text(&row[5], w->period_years);
	}
	official_map(t, CHART_FLOWMAP, 4, w->p0, w->p1);
	t->note = "Every corridor counted as a flow (at least 5 victims "
	    "detected in a year), the period added; a flow within a country "
	    "is a disc.";
}

/* ---------------------------------------------------------------------- */

int
global_stats_sections(struct report *r, struct store *st,
    const struct filter *f, const struct grouping *g)
{
	struct official	 o;
	struct world	*w;
	struct section	*sec;
	struct pair	*pairs = NULL;
	size_t		 np = 0;

	if (official_load(st, f, &o) == -1)
		return -1;
	if (o.n == 0) {
		sec = report_section(r, "official", "Official statistics");
		section_para(r, sec, "No official statistics are stored for "
		    "these filters: import them with 'palermo import stats'.");
		official_release(&o);
		return 0;
	}
	w = xcalloc(1, sizeof(*w));
	w->r = r;
	w->o = &o;
	w->g = g;
	w->t1 = w->p1 = o.y1;
	w->t0 = f->from ? o.y0 : o.y1 - TREND_YEARS + 1 > o.y0 ?
	    o.y1 - TREND_YEARS + 1 : o.y0;
	w->p0 = f->from ? o.y0 : o.y1 - PERIOD_YEARS + 1 > o.y0 ?
	    o.y1 - PERIOD_YEARS + 1 : o.y0;
	w->trend_years = report_years(r, w->t0, w->t1);
	w->period_years = report_years(r, w->p0, w->p1);
	for (int c = 0; c < country_count(); c++) {
		int	 k = grouping_of(g, c);

		w->in[g->n][c] = 1;
		w->ncountries[g->n]++;
		if (k >= 0) {
			w->in[k][c] = 1;
			w->ncountries[k]++;
		}
	}
	world_trends(w);
	world_profile(w);
	world_regions(w);
	world_rates(w);
	world_flows(w, &pairs, &np);
	world_maps(w, pairs, np);
	sec = report_section(r, "official-methods", "Official statistics: "
	    "methods and sources");
	section_para(r, sec, report_printf(r, "Trends cover %s, the tables of "
	    "a period %s%s.  Regions are those of %s.", w->trend_years,
	    w->period_years, f->from || f->to ? ", the years asked for" :
	    ": the last ten and the last three years with values", g->name));
	official_methods(r, sec, &o, "official", -1);
	free(pairs);
	free(w);
	official_release(&o);
	return 0;
}
