/*
 * official.c: figures from official statistics, as tables: the
 * country profile ("palermo report country"), and the official-statistics
 * sections of the Global Report.
 *
 * Every figure here adds values that may be intervals ("<5" is 1 to 4), so
 * every figure is an interval, shown as "212–224".  Flows come from the
 * breakdowns of detected victims by citizenship, counted as a flow where
 * at least 5 victims were detected, the Global Report's rule.  Rates per
 * 100,000 (SDG indicator 16.2.2) use only countries and years with both
 * victims and population, and say how many those were.
 */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

#define FLOW_MIN	5	/* victims, for a flow to count */
#define TOP_FLOWS	20

/* A value in memory: codes, a country index, an interval. */
struct sv {
	int16_t		 c;		/* reporting country index, -1 none */
	int16_t		 oc;		/* origin country index, -1 none */
	int16_t		 year;
	uint8_t		 ind, sex, age, form, odim, okind;
	int		 ocode;		/* origin code (region), or NR */
	int64_t		 lo, hi;
};

struct pv {
	int16_t		 c, year;
	uint8_t		 sex, age;
	int64_t		 n;
};

struct sdata {
	struct sv	*v;
	size_t		 n;
	struct pv	*p;
	size_t		 np;
	int		 y0, y1;	/* years with values */
};

static int
load_value(const struct stat_rec *r, void *arg)
{
	struct sdata	*d = arg;
	struct sv	*v;

	if ((d->n & (d->n - 1)) == 0)
		d->v = xreallocarray(d->v, d->n ? d->n * 2 : 1024,
		    sizeof(*d->v));
	v = &d->v[d->n++];
	v->c = (int16_t)(r->country == NR ? -1 : country_index(r->country));
	v->year = (int16_t)r->year;
	v->ind = (uint8_t)r->indicator;
	v->sex = (uint8_t)r->sex;
	v->age = (uint8_t)r->age;
	v->form = (uint8_t)r->form;
	v->odim = (uint8_t)r->origin_dim;
	v->okind = (uint8_t)r->origin_kind;
	v->ocode = r->origin_code;
	v->oc = -1;
	if (r->origin_kind == OKIND_COUNTRY && r->origin_code != NR)
		v->oc = (int16_t)country_index(r->origin_code);
	else if (r->origin_kind == OKIND_NATIONALS)
		v->oc = v->c;
	v->lo = r->low;
	v->hi = r->high;
	if (d->y0 == 0 || r->year < d->y0)
		d->y0 = r->year;
	if (r->year > d->y1)
		d->y1 = r->year;
	return 0;
}

static int
sdata_load(struct store *st, struct sdata *d)
{
	struct arena	 a = { NULL };
	struct pop_rec	*pop;
	int		 rc = -1;

	memset(d, 0, sizeof(*d));
	if (st->ops->stat_each(st, 0, load_value, d) == -1 ||
	    st->ops->pop_list(st, &a, &pop, &d->np) == -1)
		goto out;
	d->p = xreallocarray(NULL, d->np ? d->np : 1, sizeof(*d->p));
	for (size_t i = 0; i < d->np; i++) {
		d->p[i].c = (int16_t)country_index(pop[i].country);
		d->p[i].year = (int16_t)pop[i].year;
		d->p[i].sex = (uint8_t)pop[i].sex;
		d->p[i].age = (uint8_t)pop[i].age;
		d->p[i].n = pop[i].population;
	}
	rc = 0;
out:
	arena_release(&a);
	return rc;
}

static void
sdata_release(struct sdata *d)
{
	free(d->v);
	free(d->p);
}

/* A value without breakdown by origin, sex, age or form: a total. */
static int
is_total(const struct sv *v)
{
	return v->odim == ODIM_NONE && v->sex == SEX_TOTAL &&
	    v->age == AGEG_TOTAL && v->form == FORM_TOTAL;
}

/* The total of an indicator for a country (-1: all) and year: lo, hi. */
static int
total_of(const struct sdata *d, int c, int year, int ind, int64_t *lo,
    int64_t *hi)
{
	int	 found = 0;

	*lo = *hi = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct sv *v = &d->v[i];

		if (v->year != year || v->ind != ind || !is_total(v) ||
		    (c >= 0 && v->c != c))
			continue;
		*lo += v->lo;
		*hi += v->hi;
		found = 1;
	}
	return found;
}

/* The population of a country and year (sex and age total), or 0. */
static int64_t
population_of(const struct sdata *d, int c, int year, int sex, int age)
{
	for (size_t i = 0; i < d->np; i++)
		if (d->p[i].c == c && d->p[i].year == year &&
		    d->p[i].sex == sex && d->p[i].age == age)
			return d->p[i].n;
	return 0;
}

/* A rate per 100,000 with two decimals, "0.41", or "0.41–0.45". */
static const char *
rate_text(struct report *r, int64_t lo, int64_t hi, int64_t pop)
{
	int64_t	 a = (lo * 10000000 + pop / 2) / pop;
	int64_t	 b = (hi * 10000000 + pop / 2) / pop;

	if (a == b)
		return report_printf(r, "%lld.%02lld", (long long)(a / 100),
		    (long long)(a % 100));
	return report_printf(r, "%lld.%02lld\xe2\x80\x93%lld.%02lld",
	    (long long)(a / 100), (long long)(a % 100), (long long)(b / 100),
	    (long long)(b % 100));
}

static const char *
ind_label(int ind)
{
	return code_lists[CL_INDICATOR].codes[ind].label;
}

static const char *
country_name(int c)
{
	const struct country *ct = country_at(c);

	return ct ? ct->name : "Not a country";
}

/* ---------------------------------------------------------------------- */
/* The country profile */

static void
country_indicators(struct report *r, const struct sdata *d, int c)
{
	struct section	*sec = report_section(r, "indicators", "Every "
	    "indicator over time");
	const char	*cols[IND__MAX + 1];
	struct table	*t;

	section_para(r, sec, "Official statistics as the country reported "
	    "them. A count published as <5 is between 1 and 4, so sums are "
	    "shown as ranges such as 12\xe2\x80\x93" "18.");
	cols[0] = "Year";
	for (int i = 0; i < IND__MAX; i++)
		cols[i + 1] = ind_label(i);
	t = table_new(r, sec, "indicators", "Indicators by year", IND__MAX + 1,
	    cols);
	t->chart = CHART_LINES;
	t->chart_desc = "Lines of each indicator by year; ranges are drawn at "
	    "their middle.";
	for (int y = d->y0; y && y <= d->y1; y++) {
		struct cell	*row = NULL;

		for (int i = 0; i < IND__MAX; i++) {
			int64_t	 lo, hi;

			if (!total_of(d, c, y, i, &lo, &hi))
				continue;
			if (row == NULL) {
				row = table_row(r, t);
				cell_int(&row[0], y);
			}
			cell_range(&row[i + 1], lo, hi);
		}
	}
}

static void
country_splits(struct report *r, const struct sdata *d, int c)
{
	struct section	*sec = report_section(r, "victims", "Detected victims "
	    "by sex, age and form");
	static const char *const scols[] = { "Year", "Female", "Male",
	    "Other sex", "Sex unknown", "Children (0 to 17)",
	    "Adults (18 or over)", "Age unknown" };
	static const char *const fcols[] = { "Year", "Sexual exploitation",
	    "Forced labour", "Other forms of exploitation" };
	struct table	*t, *f;

	t = table_new(r, sec, "victims_by_sex_age", "Detected victims by sex "
	    "and age", 8, scols);
	f = table_new(r, sec, "victims_by_form", "Detected victims by form of "
	    "exploitation", 4, fcols);
	f->chart = CHART_LINES;
	for (int y = d->y0; y && y <= d->y1; y++) {
		int64_t	 lo[7] = { 0 }, hi[7] = { 0 }, flo[3] = { 0 },
			 fhi[3] = { 0 };
		int	 any = 0, fany = 0;

		for (size_t i = 0; i < d->n; i++) {
			const struct sv *v = &d->v[i];
			int	 k = -1;

			if (v->c != c || v->year != y || v->ind != IND_DETECTED ||
			    v->odim != ODIM_NONE)
				continue;
			if (v->form != FORM_TOTAL) {
				if (v->sex == SEX_TOTAL && v->age == AGEG_TOTAL &&
				    v->form <= FORM_OTHER) {
					flo[v->form - 1] += v->lo;
					fhi[v->form - 1] += v->hi;
					fany = 1;
				}
				continue;
			}
			if (v->sex != SEX_TOTAL && v->age == AGEG_TOTAL)
				k = v->sex - 1;
			else if (v->age != AGEG_TOTAL && v->sex == SEX_TOTAL)
				k = 4 + v->age - 1;
			if (k < 0)
				continue;
			lo[k] += v->lo;
			hi[k] += v->hi;
			any = 1;
		}
		if (any) {
			struct cell *row = table_row(r, t);

			cell_int(&row[0], y);
			for (int k = 0; k < 7; k++)
				cell_range(&row[k + 1], lo[k], hi[k]);
		}
		if (fany) {
			struct cell *row = table_row(r, f);

			cell_int(&row[0], y);
			for (int k = 0; k < 3; k++)
				cell_range(&row[k + 1], flo[k], fhi[k]);
		}
	}
}

struct flowsum {
	int	 key;		/* a country index, or 1000 + an origin kind */
	int64_t	 lo, hi;
	int	 years;		/* years counted as a flow (>= 5) */
};

static int
flowsum_cmp(const void *a, const void *b)
{
	const struct flowsum *x = a, *y = b;

	if (x->hi != y->hi)
		return x->hi > y->hi ? -1 : 1;
	return x->key - y->key;
}

static struct flowsum *
flow_add(struct flowsum *f, size_t *n, int key, const struct sv *v)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (f[i].key == key)
			break;
	if (i == *n) {
		f = xreallocarray(f, *n + 1, sizeof(*f));
		memset(&f[i], 0, sizeof(f[i]));
		f[i].key = key;
		(*n)++;
	}
	f[i].lo += v->lo;
	f[i].hi += v->hi;
	f[i].years += v->lo >= FLOW_MIN;
	return f;
}

/* here is the country of the profile; out says the flows leave it */
static void
flow_table(struct report *r, struct section *sec, const char *id,
    const char *title, const char *who, struct flowsum *f, size_t n,
    int here, int out)
{
	const char	*cols[4] = { who, "Detected victims", "Years counted "
	    "as a flow (5 or more)", "Flow" };
	struct table	*t = table_new(r, sec, id, title, 4, cols);

	if (n)
		qsort(f, n, sizeof(*f), flowsum_cmp);
	for (size_t i = 0; i < n && i < TOP_FLOWS; i++) {
		struct cell *row = table_row(r, t);

		cell_text(&row[0], f[i].key >= 1000 ?
		    code_lists[CL_ORIGIN_KIND].codes[f[i].key - 1000].label :
		    country_name(f[i].key));
		cell_range(&row[1], f[i].lo, f[i].hi);
		cell_int(&row[2], f[i].years);
		if (f[i].key < 1000)
			cell_text(&row[3], flow_class_names[out ?
			    flow_classify(here, f[i].key) :
			    flow_classify(f[i].key, here)]);
	}
	t->chart = CHART_BARS;
	t->chart_col = 1;
	t->note = "All years added; the largest 20.  A flow counts for a year "
	    "when at least 5 victims were detected in it.";
}

static void
country_flows(struct report *r, const struct sdata *d, int c)
{
	struct section	*sec = report_section(r, "flows", "Flows in and out");
	struct flowsum	*in = NULL, *out = NULL;
	size_t		 nin = 0, nout = 0;

	section_para(r, sec, "Flows in: the citizenship of the victims this "
	    "country detected.  Flows out: this country's citizens detected "
	    "by other countries.  Both come from breakdowns by citizenship.");
	for (size_t i = 0; i < d->n; i++) {
		const struct sv *v = &d->v[i];

		if (v->ind != IND_DETECTED || v->odim != ODIM_CITIZENSHIP ||
		    v->sex != SEX_TOTAL || v->age != AGEG_TOTAL)
			continue;
		if (v->c == c)
			in = flow_add(in, &nin, v->oc >= 0 ? v->oc :
			    1000 + v->okind, v);
		else if (v->oc == c && v->c >= 0)
			out = flow_add(out, &nout, v->c, v);
	}
	flow_table(r, sec, "flows_in", "Victims detected here, by citizenship",
	    "Citizenship", in, nin, c, 0);
	flow_table(r, sec, "flows_out", "This country's citizens detected "
	    "elsewhere", "Detected in", out, nout, c, 1);
	free(in);
	free(out);
}

/* Victims of a split (sex, age or form) for a country and year. */
static int
split_of_year(const struct sdata *d, int c, int year, int sex, int age,
    int form, int64_t *lo, int64_t *hi)
{
	int	 found = 0;

	*lo = *hi = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct sv *v = &d->v[i];

		if (v->c != c || v->year != year || v->ind != IND_DETECTED ||
		    v->odim != ODIM_NONE || v->sex != sex || v->age != age ||
		    v->form != form)
			continue;
		*lo += v->lo;
		*hi += v->hi;
		found = 1;
	}
	return found;
}

static void
country_rate(struct report *r, const struct sdata *d, int c)
{
	struct section	*sec = report_section(r, "sdg", "SDG indicator "
	    "16.2.2: victims per 100,000 people");
	static const char *const cols[] = { "Year", "Detected victims",
	    "Population", "Per 100,000", "Female, per 100,000 females",
	    "Male, per 100,000 males", "Children, per 100,000 children",
	    "Adults, per 100,000 adults", "Sexual exploitation",
	    "Forced labour", "Other forms" };
	/* sex, age, form of each split, and the population it divides by */
	static const struct {
		int	 sex, age, form, psex, page;
	} splits[] = {
		{ SEX_FEMALE, AGEG_TOTAL, FORM_TOTAL, SEX_FEMALE, AGEG_TOTAL },
		{ SEX_MALE, AGEG_TOTAL, FORM_TOTAL, SEX_MALE, AGEG_TOTAL },
		{ SEX_TOTAL, AGEG_CHILD, FORM_TOTAL, SEX_TOTAL, AGEG_CHILD },
		{ SEX_TOTAL, AGEG_ADULT, FORM_TOTAL, SEX_TOTAL, AGEG_ADULT },
		{ SEX_TOTAL, AGEG_TOTAL, FORM_SEXUAL, SEX_TOTAL, AGEG_TOTAL },
		{ SEX_TOTAL, AGEG_TOTAL, FORM_LABOUR, SEX_TOTAL, AGEG_TOTAL },
		{ SEX_TOTAL, AGEG_TOTAL, FORM_OTHER, SEX_TOTAL, AGEG_TOTAL },
	};
	struct table	*t = table_new(r, sec, "sdg_16_2_2", "Detected victims "
	    "per 100,000 people", 11, cols);
	int		 rows = 0;

	for (int y = d->y0; y && y <= d->y1; y++) {
		int64_t	 lo, hi, pop = population_of(d, c, y, SEX_TOTAL,
		    AGEG_TOTAL), p;
		struct cell *row;

		if (!total_of(d, c, y, IND_DETECTED, &lo, &hi) || pop <= 0)
			continue;
		row = table_row(r, t);
		cell_int(&row[0], y);
		cell_range(&row[1], lo, hi);
		cell_int(&row[2], pop);
		cell_text(&row[3], rate_text(r, lo, hi, pop));
		for (size_t k = 0; k < sizeof(splits) / sizeof(splits[0]);
		    k++) {
			p = population_of(d, c, y, splits[k].psex,
			    splits[k].page);
			if (p > 0 && split_of_year(d, c, y, splits[k].sex,
			    splits[k].age, splits[k].form, &lo, &hi))
				cell_text(&row[4 + k], rate_text(r, lo, hi, p));
		}
		rows++;
	}
	t->note = "Rates by sex and age divide by the population of that sex "
	    "or age group; rates by form divide by the whole population.  A "
	    "rate is left blank where the victims or the population of the "
	    "group were not reported.";
	section_para(r, sec, rows ? "Detected victims divided by the "
	    "population, for the years with both." : "No year has both "
	    "detected victims and population: import population with "
	    "'palermo import population' to compute the rate.");
}

static void
country_gaps(struct report *r, const struct sdata *d, int c)
{
	struct section	*sec = report_section(r, "gaps", "Data gaps");
	const char	*cols[IND__MAX + 1];
	struct table	*t;
	int64_t		 n = 0, censored = 0;
	char		 a[32], b[32];

	cols[0] = "Year";
	for (int i = 0; i < IND__MAX; i++)
		cols[i + 1] = ind_label(i);
	t = table_new(r, sec, "gaps", "What was reported each year", IND__MAX +
	    1, cols);
	for (int y = d->y0; y && y <= d->y1; y++) {
		struct cell	*row = table_row(r, t);

		cell_int(&row[0], y);
		for (int i = 0; i < IND__MAX; i++) {
			int	 total = 0, parts = 0;

			for (size_t k = 0; k < d->n; k++) {
				const struct sv *v = &d->v[k];

				if (v->c != c || v->year != y || v->ind != i)
					continue;
				if (is_total(v))
					total = 1;
				else
					parts = 1;
			}
			cell_text(&row[i + 1], total ? "total" : parts ?
			    "parts only" : "missing");
		}
	}
	for (size_t k = 0; k < d->n; k++)
		if (d->v[k].c == c) {
			n++;
			censored += d->v[k].lo == 1 && d->v[k].hi == 4;
		}
	int_format(censored, a);
	int_format(n, b);
	section_para(r, sec, report_printf(r, "%s of the %s values are "
	    "published as <5.  'palermo check stats --country' lists where "
	    "the figures disagree with each other.", a, b));
}

struct report *
country_report(struct store *st, int c)
{
	struct sdata	 d;
	struct report	*r;

	if (sdata_load(st, &d) == -1)
		return NULL;
	r = report_new("Country profile");
	r->title = report_printf(r, "Country profile: %s", country_name(c));
	r->subtitle = report_strdup(r, "Official statistics: UNODC data "
	    "portal and national submissions");
	report_meta(r, "official statistics", "country",
	    country_at(c)->alpha3, 0);
	country_indicators(r, &d, c);
	country_splits(r, &d, c);
	country_flows(r, &d, c);
	country_rate(r, &d, c);
	country_gaps(r, &d, c);
	sdata_release(&d);
	return r;
}

/* ---------------------------------------------------------------------- */
/* The official-statistics sections of the Global Report */

static void
global_trends(struct report *r, const struct sdata *d)
{
	struct section	*sec = report_section(r, "official-trends",
	    "Official statistics: detected victims and convictions over time");
	static const char *const cols[] = { "Year", "Detected victims",
	    "Persons convicted" };
	static const char *const ncols[] = { "Year",
	    "Countries reporting victims", "Countries reporting convictions" };
	struct table	*t = table_new(r, sec, "official_trends", "Detected "
	    "victims and persons convicted, all reporting countries", 3, cols);
	struct table	*n = table_new(r, sec, "official_reporting", "Countries "
	    "reporting each year", 3, ncols);

	section_para(r, sec, "This and the following sections count official "
	    "statistics, not case records: each figure says which it is.  "
	    "Totals add what the countries reported each year; how many "
	    "reported changes from year to year.");
	for (int y = d->y0; y && y <= d->y1; y++) {
		int64_t	 lo[2] = { 0 }, hi[2] = { 0 };
		int	 nc[2] = { 0 }, seen[2][NCOUNTRIES];
		struct cell *row, *nrow;

		memset(seen, 0, sizeof(seen));
		for (size_t i = 0; i < d->n; i++) {
			const struct sv *v = &d->v[i];
			int	 k = v->ind == IND_DETECTED ? 0 :
			    v->ind == IND_CONVICTED ? 1 : -1;

			if (k < 0 || v->year != y || !is_total(v) || v->c < 0)
				continue;
			lo[k] += v->lo;
			hi[k] += v->hi;
			if (!seen[k][v->c]++)
				nc[k]++;
		}
		if (nc[0] + nc[1] == 0)
			continue;
		row = table_row(r, t);
		nrow = table_row(r, n);
		cell_int(&row[0], y);
		cell_int(&nrow[0], y);
		/* a year nobody reported stays blank, not zero */
		for (int k = 0; k < 2; k++) {
			if (nc[k])
				cell_range(&row[k + 1], lo[k], hi[k]);
			cell_int(&nrow[k + 1], nc[k]);
		}
	}
	t->chart = CHART_LINES;
	t->chart_desc = "Lines of officially detected victims and persons "
	    "convicted by year; ranges are drawn at their middle.";
	t->note = "Official statistics.  Ranges come from counts published "
	    "as <5.  A blank: no country reported it that year.";
	n->chart = CHART_LINES;
	n->chart_desc = "Lines of the number of countries reporting detected "
	    "victims and convictions, by year.";
}

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

static void
global_regions(struct report *r, const struct sdata *d, int y0, int y1)
{
	struct section	*sec = report_section(r, "official-regions",
	    "Official statistics by region and sub-region");
	static const char *const cols[] = { "Sub-region", "Region",
	    "Detected victims", "Persons convicted", "Countries reporting" };
	static const char *const fcols[] = { "Region", "Sexual exploitation",
	    "Forced labour", "Other forms of exploitation" };
	struct table	*t, *f;
	int		 subs[64], nsubs = 0;
	int64_t		 flo[NREGIONS][3], fhi[NREGIONS][3];

	section_para(r, sec, report_printf(r, "Official statistics for %d to "
	    "%d, by the UN M49 sub-region and region of the reporting "
	    "country.", y0, y1));
	for (int i = 0; i < country_count(); i++) {
		int	 s = country_m49(i, 1), k;

		for (k = 0; k < nsubs && subs[k] != s; k++)
			;
		if (s && k == nsubs && nsubs < 64)
			subs[nsubs++] = s;
	}
	qsort(subs, (size_t)nsubs, sizeof(subs[0]), subregion_cmp);
	t = table_new(r, sec, "official_by_subregion", report_printf(r,
	    "Detected victims and persons convicted by sub-region, %d to %d",
	    y0, y1), 5, cols);
	for (int k = 0; k < nsubs; k++) {
		int64_t	 lo[2] = { 0 }, hi[2] = { 0 };
		int	 n = 0, seen[NCOUNTRIES] = { 0 };
		struct cell *row;
		const char *rname = "";

		for (size_t i = 0; i < d->n; i++) {
			const struct sv *v = &d->v[i];
			int	 j = v->ind == IND_DETECTED ? 0 :
			    v->ind == IND_CONVICTED ? 1 : -1;

			if (j < 0 || v->c < 0 || v->year < y0 || v->year > y1 ||
			    !is_total(v) || country_m49(v->c, 1) != subs[k])
				continue;
			lo[j] += v->lo;
			hi[j] += v->hi;
			rname = region_name(country_m49(v->c, 0));
			if (!seen[v->c]++)
				n++;
		}
		if (n == 0)
			continue;
		row = table_row(r, t);
		cell_text(&row[0], region_name(subs[k]));
		cell_text(&row[1], rname ? rname : "");
		cell_range(&row[2], lo[0], hi[0]);
		cell_range(&row[3], lo[1], hi[1]);
		cell_int(&row[4], n);
	}
	t->chart = CHART_BARS;
	t->chart_col = 2;
	t->note = "Official statistics; ranges are drawn at their middle.";

	memset(flo, 0, sizeof(flo));
	memset(fhi, 0, sizeof(fhi));
	for (size_t i = 0; i < d->n; i++) {
		const struct sv *v = &d->v[i];

		if (v->ind != IND_DETECTED || v->c < 0 || v->year < y0 ||
		    v->year > y1 || v->odim != ODIM_NONE || v->sex != SEX_TOTAL
		    || v->age != AGEG_TOTAL || v->form < FORM_SEXUAL ||
		    v->form > FORM_OTHER)
			continue;
		flo[region_index(v->c)][v->form - 1] += v->lo;
		fhi[region_index(v->c)][v->form - 1] += v->hi;
	}
	f = table_new(r, sec, "official_forms_by_region", report_printf(r,
	    "Detected victims by form of exploitation and region, %d to %d",
	    y0, y1), 4, fcols);
	for (int g = 0; g < NREGIONS - 1; g++) {
		struct cell *row = table_row(r, f);

		cell_text(&row[0], region_names[g]);
		for (int k = 0; k < 3; k++)
			cell_range(&row[k + 1], flo[g][k], fhi[g][k]);
	}
	f->chart = CHART_HEATMAP;
	f->chart_desc = "Heat map of officially detected victims by form of "
	    "exploitation and region of the reporting country.";
	f->note = "Official statistics, as the countries broke them down.";
}

static void
global_flows(struct report *r, const struct sdata *d, int y0, int y1)
{
	struct section	*sec = report_section(r, "official-flows",
	    "Official statistics: flows from aggregates");
	static const char *const kcols[] = { "Flow", "Detected victims",
	    "Flows" };
	const char	*rcols[NREGIONS + 1];
	static const char *const tcols[] = { "Flow", "Citizenship",
	    "Detected in", "Detected victims" };
	int64_t		 lo[NCLASSES] = { 0 }, hi[NCLASSES] = { 0 }, m[NREGIONS]
			    [NREGIONS];
	int		 nf[NCLASSES] = { 0 };
	struct table	*t;
	struct flowpair {
		int	 from, to;
		int64_t	 lo, hi;
	}		*pairs = NULL;
	size_t		 np = 0;

	section_para(r, sec, report_printf(r, "Victims detected in a country, "
	    "by their citizenship, %d to %d: a flow from the country of "
	    "citizenship to the detecting country, counted where at least 5 "
	    "victims were detected in a year.", y0, y1));
	memset(m, 0, sizeof(m));
	for (size_t i = 0; i < d->n; i++) {
		const struct sv *v = &d->v[i];
		enum flow_class fc;
		size_t	 k;

		if (v->ind != IND_DETECTED || v->odim != ODIM_CITIZENSHIP ||
		    v->sex != SEX_TOTAL || v->age != AGEG_TOTAL || v->c < 0 ||
		    v->oc < 0 || v->year < y0 || v->year > y1 ||
		    v->lo < FLOW_MIN)
			continue;
		fc = flow_classify(v->oc, v->c);
		lo[fc] += v->lo;
		hi[fc] += v->hi;
		nf[fc]++;
		m[region_index(v->oc)][region_index(v->c)] += v->lo;
		for (k = 0; k < np; k++)
			if (pairs[k].from == v->oc && pairs[k].to == v->c)
				break;
		if (k == np) {
			pairs = xreallocarray(pairs, np + 1, sizeof(*pairs));
			pairs[np].from = v->oc;
			pairs[np].to = v->c;
			pairs[np].lo = pairs[np].hi = 0;
			np++;
		}
		pairs[k].lo += v->lo;
		pairs[k].hi += v->hi;
	}
	{
		static const char *const ycols[] = { "Year", "Domestic",
		    "Within the sub-region", "Within the region",
		    "Across regions" };
		struct table	*yt = table_new(r, sec, "official_flows_by_year",
		    "Detected victims in flows, by year and kind of flow", 5,
		    ycols);

		for (int y = d->y0; y && y <= d->y1; y++) {
			int64_t	 ylo[NCLASSES] = { 0 }, yhi[NCLASSES] = { 0 };
			int	 any = 0;
			struct cell *row;

			for (size_t i = 0; i < d->n; i++) {
				const struct sv *v = &d->v[i];
				enum flow_class yc;

				if (v->ind != IND_DETECTED || v->odim !=
				    ODIM_CITIZENSHIP || v->sex != SEX_TOTAL ||
				    v->age != AGEG_TOTAL || v->c < 0 ||
				    v->oc < 0 || v->year != y ||
				    v->lo < FLOW_MIN)
					continue;
				yc = flow_classify(v->oc, v->c);
				ylo[yc] += v->lo;
				yhi[yc] += v->hi;
				any = 1;
			}
			if (!any)
				continue;
			row = table_row(r, yt);
			cell_int(&row[0], y);
			for (int k = 0; k < NCLASSES; k++)
				cell_range(&row[k + 1], ylo[k], yhi[k]);
		}
		yt->chart = CHART_LINES;
		yt->chart_desc = "Lines of officially detected victims in "
		    "domestic and cross-border flows, by year.";
		yt->note = "Official statistics, every year; the tables below "
		    "sum the period.";
	}
	t = table_new(r, sec, "official_flow_classes", "Detected victims in "
	    "domestic and cross-border flows", 3, kcols);
	for (int k = 0; k < NCLASSES; k++) {
		struct cell *row = table_row(r, t);

		cell_text(&row[0], flow_class_names[k]);
		cell_range(&row[1], lo[k], hi[k]);
		cell_int(&row[2], nf[k]);
	}
	t->chart = CHART_BARS;
	t->chart_col = 1;
	t->note = "Official statistics.  Flows: country pairs and years with at "
	    "least 5 detected victims.";

	rcols[0] = "Region of citizenship";
	for (int i = 0; i < NREGIONS; i++)
		rcols[i + 1] = region_names[i];
	t = table_new(r, sec, "official_flows_by_region", "Detected victims "
	    "from each region (rows) in each region (columns)", NREGIONS + 1,
	    rcols);
	for (int i = 0; i < NREGIONS; i++) {
		struct cell *row = table_row(r, t);

		cell_text(&row[0], region_names[i]);
		for (int j = 0; j < NREGIONS; j++)
			cell_int(&row[j + 1], m[i][j]);
	}
	t->chart = CHART_HEATMAP;
	t->chart_desc = "Heat map of officially detected victims by region of "
	    "citizenship and region of detection.";
	t->note = "Official statistics; the lower end of each range.";

	/* the largest flows by their upper end, ties by country order */
	for (size_t i = 1; i < np; i++)
		for (size_t k = i; k > 0 && (pairs[k].hi > pairs[k - 1].hi ||
		    (pairs[k].hi == pairs[k - 1].hi && (pairs[k].from <
		    pairs[k - 1].from || (pairs[k].from == pairs[k - 1].from &&
		    pairs[k].to < pairs[k - 1].to)))); k--) {
			struct flowpair tmp = pairs[k];

			pairs[k] = pairs[k - 1];
			pairs[k - 1] = tmp;
		}
	t = table_new(r, sec, "official_top_flows", "The 20 largest flows", 4,
	    tcols);
	for (size_t i = 0; i < np && i < TOP_FLOWS; i++) {
		struct cell *row = table_row(r, t);

		cell_text(&row[0], report_printf(r, "%s \xe2\x86\x92 %s",
		    country_name(pairs[i].from), country_name(pairs[i].to)));
		cell_text(&row[1], country_name(pairs[i].from));
		cell_text(&row[2], country_name(pairs[i].to));
		cell_range(&row[3], pairs[i].lo, pairs[i].hi);
	}
	t->chart = CHART_BARS;
	t->chart_col = 3;
	t->note = "Official statistics.";
	free(pairs);
}

static void
global_rates(struct report *r, const struct sdata *d)
{
	struct section	*sec = report_section(r, "official-sdg", "SDG "
	    "indicator 16.2.2 by region");
	static const char *const cols[] = { "Region", "Year",
	    "Detected victims", "Population", "Per 100,000",
	    "Countries with both", "Countries reporting victims" };
	struct table	*t = table_new(r, sec, "official_sdg_16_2_2", "Detected "
	    "victims per 100,000 people, by region", 7, cols);
	int		 rows = 0;

	for (int g = 0; g < NREGIONS - 1; g++)
		for (int y = d->y0; y && y <= d->y1; y++) {
			int64_t	 lo = 0, hi = 0, pop = 0, vlo, vhi, p;
			int	 both = 0, rep = 0;
			struct cell *row;

			for (int c = 0; c < country_count(); c++) {
				if (region_index(c) != g || !total_of(d, c, y,
				    IND_DETECTED, &vlo, &vhi))
					continue;
				rep++;
				if ((p = population_of(d, c, y, SEX_TOTAL,
				    AGEG_TOTAL)) <= 0)
					continue;
				both++;
				lo += vlo;
				hi += vhi;
				pop += p;
			}
			if (both == 0)
				continue;
			row = table_row(r, t);
			cell_text(&row[0], region_names[g]);
			cell_int(&row[1], y);
			cell_range(&row[2], lo, hi);
			cell_int(&row[3], pop);
			cell_text(&row[4], rate_text(r, lo, hi, pop));
			cell_int(&row[5], both);
			cell_int(&row[6], rep);
			rows++;
		}
	section_para(r, sec, rows ? "Rolled up only over the countries with "
	    "both detected victims and population in the year; the last two "
	    "columns say how many those were." : "No population figures are "
	    "stored: import them with 'palermo import population' to compute "
	    "the rate per 100,000.");
}

void
global_stats_sections(struct report *r, struct store *st)
{
	struct sdata	 d;
	int		 y0;

	if (sdata_load(st, &d) == -1)
		return;
	if (d.n == 0) {
		struct section *sec = report_section(r, "official",
		    "Official statistics");

		section_para(r, sec, "No official statistics are stored: "
		    "import them with 'palermo import stats'.");
		sdata_release(&d);
		return;
	}
	/* the last three years with values */
	y0 = d.y1 - 2 > d.y0 ? d.y1 - 2 : d.y0;
	global_trends(r, &d);
	global_regions(r, &d, y0, d.y1);
	global_flows(r, &d, y0, d.y1);
	global_rates(r, &d);
	sdata_release(&d);
}
