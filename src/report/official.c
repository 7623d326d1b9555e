/*
 * official.c: figures from official statistics, as tables: the country
 * profile ("palermo report country"), and what the profile and the
 * official sections of the Global Report (official_world.c) share: how a
 * replaced total is explained, the flows, the sex and age profile, and
 * the methods.
 *
 * Every figure here adds values that may be intervals ("<5" is 1 to 4), so
 * every figure is an interval, shown as "212–224".  Flows come from the
 * breakdowns of detected victims by citizenship, counted as a flow where
 * at least 5 victims were detected in a year, the Global Report's rule.
 * A total that a complete split contradicts is shown as published and
 * marked, and every sum and rate uses what the splits allow instead
 * (engine/official.c states the rule).
 */
#include <stdlib.h>
#include <string.h>

#include "report/report_int.h"

const char *
official_country_name(int c)
{
	const struct country *ct = country_at(c);

	return ct ? ct->name : "Not a country";
}

static const char *
ind_label(int ind)
{
	return code_lists[CL_INDICATOR].codes[ind].label;
}

/* Why a total was replaced, and by what. */
const char *
official_why(struct report *r, const struct ototal *t)
{
	static const char *const by[2] = { "sex", "age" };
	struct buf	 b = BUF_INIT;
	char		 v[64];
	const char	*s;

	range_format(t->plo, t->phi, v);
	buf_addf(&b, "%s %d: published %s", ind_label(t->ind), t->year,
	    t->plo == 1 && t->phi == 4 ? "<5" : v);
	for (int k = 0; k < 2; k++) {
		if (!(t->complete & 1u << k))
			continue;
		range_format(t->slo[k], t->shi[k], v);
		buf_addf(&b, "; the split by %s allows %s", by[k], v);
	}
	range_format(t->lo, t->hi, v);
	buf_addf(&b, "; %s used in sums and rates", v);
	s = report_strdup(r, b.s);
	buf_release(&b);
	return s;
}

/* A total as published, marked when the figures use another value. */
void
official_cell(struct cell *c, const struct ototal *t)
{
	cell_range(c, t->plo, t->phi);
	c->mark = t->contradicted != 0;
}

/* Notes joined, "; " between, into a row's note cell. */
void
official_note(struct report *r, struct cell *c, const char *note)
{
	if (c->kind == CELL_TEXT && c->text != NULL && *c->text)
		cell_text(c, report_printf(r, "%s; %s", c->text, note));
	else
		cell_text(c, note);
}

void
official_map(struct table *t, enum chart_kind kind, int col, int y0, int y1)
{
	t->chart = kind;
	t->chart_col = col;
	t->y0 = y0;
	t->y1 = y1;
}

int
official_flow(const struct oval *v)
{
	return v->ind == IND_DETECTED && v->odim == ODIM_CITIZENSHIP &&
	    v->sex == SEX_TOTAL && v->age == AGEG_TOTAL && v->form ==
	    FORM_TOTAL && v->c >= 0 && v->oc >= 0 && v->lo >= OFFICIAL_FLOW_MIN;
}

/* ---------------------------------------------------------------------- */
/* The sex and age profile: women, men, girls and boys */

static const char *const profile_cols[] = { "Women", "Men", "Girls",
    "Boys" };

/* The cell of a value in the profile (women, men, girls, boys), or -1. */
static int
profile_cell(const struct oval *v)
{
	if (v->ind != IND_DETECTED || v->odim != ODIM_NONE ||
	    (v->sex != SEX_FEMALE && v->sex != SEX_MALE) ||
	    (v->age != AGEG_CHILD && v->age != AGEG_ADULT))
		return -1;
	return (v->age == AGEG_CHILD) * 2 + (v->sex == SEX_MALE);
}

static int
profile_cmp(const void *a, const void *b)
{
	const struct oprofile *x = a, *y = b;

	if (x->c != y->c)
		return x->c - y->c;
	if (x->form != y->form)
		return x->form - y->form;
	return x->year - y->year;
}

size_t
official_profiles(const struct official *o, struct oprofile **out)
{
	struct oprofile	*p = NULL, *q;
	size_t		 n = 0, cap = 0, m = 0;

	for (size_t i = 0; i < o->n; i++) {
		const struct oval *v = &o->v[i];
		int	 k = profile_cell(v);

		if (k < 0 || v->c < 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			p = xreallocarray(p, cap, sizeof(*p));
		}
		memset(&p[n], 0, sizeof(*p));
		p[n].c = v->c;
		p[n].year = v->year;
		p[n].form = v->form;
		p[n].has = (uint8_t)(1u << k);
		p[n].lo[k] = v->lo;
		p[n++].hi[k] = v->hi;
	}
	if (n)
		qsort(p, n, sizeof(*p), profile_cmp);
	/* one profile per country, form and year, kept when all four are
	 * given, so that its shares are of all its victims */
	for (size_t i = 0, j; i < n; i = j) {
		q = &p[m];
		*q = p[i];
		for (j = i + 1; j < n && profile_cmp(&p[j], &p[i]) == 0; j++)
			for (int k = 0; k < 4; k++) {
				q->lo[k] += p[j].lo[k];
				q->hi[k] += p[j].hi[k];
				q->has |= p[j].has;
			}
		m += q->has == 0xf;
	}
	*out = p;
	return m;
}

struct table *
official_profile_table(struct report *r, struct section *sec,
    const char *id, const char *title, const char *head)
{
	const char	*cols[6] = { head, profile_cols[0], profile_cols[1],
			    profile_cols[2], profile_cols[3], "Countries" };
	struct table	*t = table_new(r, sec, id, title, 6, cols);

	t->chart = CHART_STACKED;
	t->chart_last = 4;
	t->note = "Detected victims of the countries that split them by sex "
	    "and age together, women, men, girls (under 18) and boys, in "
	    "that year; the bars show each as a share of the four, a range "
	    "at its middle.";
	return t;
}

void
official_profile_row(struct cell *row, const struct oprofile *sum,
    int countries)
{
	for (int k = 0; k < 4; k++)
		cell_range(&row[k + 1], sum->lo[k], sum->hi[k]);
	cell_int(&row[5], countries);
}

/* ---------------------------------------------------------------------- */
/* The methods, shared */

void
official_methods(struct report *r, struct section *sec,
    const struct official *o, const char *id, int only)
{
	static const char *const ccols[] = { "Country", "Indicator", "Year",
	    "Published", "Split by sex allows", "Split by age allows",
	    "Used in sums and rates" };
	struct table	*t;
	char		 a[32], b[32], c[64];

	section_para(r, sec, "Official statistics are the values that states "
	    "report and the UNODC data portal publishes, one per country, "
	    "year, indicator, sex, age group, form of exploitation and "
	    "origin.  A count published as <5 is between 1 and 4, so every "
	    "sum is a range; the current values are used, those no later "
	    "edition superseded.");
	if (o->repeated_keys) {
		int_format((int64_t)o->repeated_keys, a);
		int_format((int64_t)o->repeated_values, b);
		section_para(r, sec, report_printf(r, "%s keys (country, year, "
		    "indicator and split) are given in more than one value, %s "
		    "values beyond the first of each: the parts of one figure, "
		    "as the portal publishes them (a sex once per age group, "
		    "sub-forms of other exploitation).  Their values are "
		    "added.", a, b));
	}
	section_para(r, sec, "A split by sex is complete when it gives women "
	    "and men, one by age when it gives children and adults.  Values "
	    "of unknown sex and unknown age may or may not be among a "
	    "split's parts, so a split allows a total from the sum of its "
	    "parts to that sum with them.  A total that a complete split adds "
	    "up to more than is contradicted: it is shown as published and "
	    "marked \xe2\x80\xa0, and every sum and rate uses what the "
	    "complete splits allow together (their common range, or where "
	    "they disagree, the range from the lowest to the highest).  "
	    "Splits by form and origin change no figure: a victim may count "
	    "under several forms.");
	if (o->unknown_values) {
		int_format((int64_t)o->unknown_values, a);
		range_format(o->unknown_lo, o->unknown_hi, c);
		section_para(r, sec, report_printf(r, "%s values of detected "
		    "victims give an unknown sex and an unknown age (%s "
		    "victims); the profiles count them as both sex unknown and "
		    "age unknown.", a, c));
	}
	int_format((int64_t)o->ncontradicted, a);
	t = table_new(r, sec, report_printf(r, "%s_replaced", id),
	    report_printf(r, "Totals that a complete split contradicts%s",
	    o->y0 ? report_printf(r, ", %s", report_years(r, o->y0, o->y1)) :
	    ""), 7, ccols);
	t->y0 = o->y0;
	t->y1 = o->y1;
	for (size_t i = 0; i < o->nt; i++) {
		const struct ototal *x = &o->t[i];
		struct cell	*row;

		if (!x->contradicted || (only >= 0 && x->c != only))
			continue;
		row = table_row(r, t);
		cell_text(&row[0], official_country_name(x->c));
		cell_text(&row[1], ind_label(x->ind));
		cell_year(&row[2], x->year);
		cell_range(&row[3], x->plo, x->phi);
		for (int k = 0; k < 2; k++)
			if (x->complete & 1u << k)
				cell_range(&row[4 + k], x->slo[k], x->shi[k]);
		cell_range(&row[6], x->lo, x->hi);
	}
	t->note = report_printf(r, "%s totals of the statistics read here "
	    "are replaced so.", a);

	submissions_table(r, sec, report_printf(r, "%s_submissions", id),
	    "The submissions of official statistics behind these figures",
	    "Values", NULL, o->subs, o->nsubs);
}

/* ---------------------------------------------------------------------- */
/* The country profile */

static void
country_indicators(struct report *r, const struct official *o, int c)
{
	struct section	*sec = report_section(r, "indicators", "Every "
	    "indicator over time");
	const char	*cols[IND__MAX + 2];
	struct table	*t;

	section_para(r, sec, "Official statistics as the country reported "
	    "them. A count published as <5 is between 1 and 4, so sums are "
	    "shown as ranges such as 12\xe2\x80\x93" "18.  A total marked "
	    "\xe2\x80\xa0 contradicts a complete split by sex or age: the "
	    "note says what the sums and rates use instead.");
	cols[0] = "Year";
	for (int i = 0; i < IND__MAX; i++)
		cols[i + 1] = ind_label(i);
	cols[IND__MAX + 1] = "Note";
	t = table_new(r, sec, "indicators", report_printf(r, "Indicators by "
	    "year, %s", report_years(r, o->y0, o->y1)), IND__MAX + 2, cols);
	t->y0 = o->y0;
	t->y1 = o->y1;
	t->chart = CHART_LINES;
	t->chart_last = IND__MAX;
	t->chart_desc = "Lines of each indicator by year, as published; "
	    "ranges are drawn at their middle.";
	for (int y = o->y0; y && y <= o->y1; y++) {
		struct cell	*row = NULL;

		for (int i = 0; i < IND__MAX; i++) {
			const struct ototal *x = official_total(o, c, i, y);

			if (x == NULL || !x->has_total)
				continue;
			if (row == NULL) {
				row = table_row(r, t);
				cell_year(&row[0], y);
			}
			official_cell(&row[i + 1], x);
			if (x->contradicted)
				official_note(r, &row[IND__MAX + 1],
				    official_why(r, x));
		}
	}
}

static void
country_splits(struct report *r, const struct official *o, int c)
{
	struct section	*sec = report_section(r, "victims", "Detected victims "
	    "by sex, age and form");
	static const char *const scols[] = { "Year", "Female", "Male",
	    "Other sex", "Sex unknown", "Children (0 to 17)",
	    "Adults (18 or over)", "Age unknown" };
	static const char *const fcols[] = { "Year", "Sexual exploitation",
	    "Forced labour", "Other forms of exploitation" };
	const char	*years = report_years(r, o->y0, o->y1);
	struct oprofile	*p = NULL;
	struct table	*t, *f, *pt;
	size_t		 np = official_profiles(o, &p);

	t = table_new(r, sec, "victims_by_sex_age", report_printf(r,
	    "Detected victims by sex and age, %s", years), 8, scols);
	t->note = "Values of unknown sex and unknown age, which the portal "
	    "gives together, count under both 'Sex unknown' and 'Age "
	    "unknown'.";
	f = table_new(r, sec, "victims_by_form", report_printf(r, "Detected "
	    "victims by form of exploitation, %s", years), 4, fcols);
	f->chart = CHART_LINES;
	pt = official_profile_table(r, sec, "victims_profile",
	    report_printf(r, "Women, men, girls and boys among detected "
	    "victims, %s", years), "Year");
	t->y0 = f->y0 = pt->y0 = o->y0;
	t->y1 = f->y1 = pt->y1 = o->y1;
	for (int y = o->y0; y && y <= o->y1; y++) {
		int64_t	 lo[7] = { 0 }, hi[7] = { 0 }, flo[3] = { 0 },
			 fhi[3] = { 0 };
		int	 any = 0, fany = 0;

		for (size_t i = 0; i < o->n; i++) {
			const struct oval *v = &o->v[i];
			int	 s;

			if (v->c != c || v->year != y || v->ind != IND_DETECTED)
				continue;
			s = ogroup_split_of(v->sex, v->age, v->form, v->odim);
			if (s == SPLIT_FORM && v->form <= FORM_OTHER) {
				flo[v->form - 1] += v->lo;
				fhi[v->form - 1] += v->hi;
				fany = 1;
			}
			for (int k = 0; k < 7; k++) {
				int	 in = (s == SPLIT_SEX && k == v->sex - 1) ||
				    (s == SPLIT_AGE && k == 4 + v->age - 1) ||
				    (s == OSPLIT_UNKNOWN && (k == 3 || k == 6));

				if (!in)
					continue;
				lo[k] += v->lo;
				hi[k] += v->hi;
				any = 1;
			}
		}
		if (any) {
			struct cell *row = table_row(r, t);

			cell_year(&row[0], y);
			for (int k = 0; k < 7; k++)
				cell_range(&row[k + 1], lo[k], hi[k]);
		}
		if (fany) {
			struct cell *row = table_row(r, f);

			cell_year(&row[0], y);
			for (int k = 0; k < 3; k++)
				cell_range(&row[k + 1], flo[k], fhi[k]);
		}
		for (size_t i = 0; i < np; i++)
			if (p[i].c == c && p[i].year == y && p[i].form ==
			    FORM_TOTAL) {
				struct cell *row = table_row(r, pt);

				cell_year(&row[0], y);
				official_profile_row(row, &p[i], 1);
			}
	}
	free(p);
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
flow_add(struct flowsum *f, size_t *n, int key, const struct oval *v)
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
	f[i].years += v->lo >= OFFICIAL_FLOW_MIN;
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
	for (size_t i = 0; i < n && i < OFFICIAL_TOP_FLOWS; i++) {
		struct cell *row = table_row(r, t);

		cell_text(&row[0], f[i].key >= 1000 ?
		    code_lists[CL_ORIGIN_KIND].codes[f[i].key - 1000].label :
		    official_country_name(f[i].key));
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
country_flows(struct report *r, const struct official *o, int c)
{
	struct section	*sec = report_section(r, "flows", "Flows in and out");
	static const char *const mcols[] = { "ISO3", "Citizenship",
	    "Detected victims" };
	static const char *const fcols[] = { "From", "To", "Citizenship",
	    "Detected in", "Detected victims" };
	const char	*years = report_years(r, o->y0, o->y1);
	struct flowsum	*in = NULL, *out = NULL, *pairs = NULL;
	size_t		 nin = 0, nout = 0, np = 0;
	struct table	*t;

	section_para(r, sec, "Flows in: the citizenship of the victims this "
	    "country detected.  Flows out: this country's citizens detected "
	    "by other countries.  Both come from breakdowns by citizenship.");
	for (size_t i = 0; i < o->n; i++) {
		const struct oval *v = &o->v[i];

		if (v->ind != IND_DETECTED || v->odim != ODIM_CITIZENSHIP ||
		    v->sex != SEX_TOTAL || v->age != AGEG_TOTAL || v->form !=
		    FORM_TOTAL)
			continue;
		if (v->c == c)
			in = flow_add(in, &nin, v->oc >= 0 ? v->oc :
			    1000 + v->okind, v);
		else if (v->oc == c && v->c >= 0)
			out = flow_add(out, &nout, v->c, v);
	}
	flow_table(r, sec, "flows_in", report_printf(r, "Victims detected "
	    "here, by citizenship, %s", years), "Citizenship", in, nin, c, 0);
	flow_table(r, sec, "flows_out", report_printf(r, "This country's "
	    "citizens detected elsewhere, %s", years), "Detected in", out,
	    nout, c, 1);

	/* the maps: where the victims detected here came from, and every
	 * corridor in and out counted as a flow */
	t = table_new(r, sec, "map_origins", report_printf(r, "Map: the "
	    "citizenship of victims detected here, %s", years), 3, mcols);
	official_map(t, CHART_CHOROPLETH, 2, o->y0, o->y1);
	for (size_t i = 0; i < nin; i++) {
		struct cell *row;

		if (in[i].key >= 1000)
			continue;
		row = table_row(r, t);
		cell_text(&row[0], country_at(in[i].key)->alpha3);
		cell_text(&row[1], official_country_name(in[i].key));
		cell_range(&row[2], in[i].lo, in[i].hi);
	}
	t->note = "Detected victims by citizenship, all years added; origins "
	    "that name no country (nationals abroad, unknown) are in the "
	    "table above only.";
	for (size_t i = 0; i < o->n; i++) {
		const struct oval *v = &o->v[i];

		if (!official_flow(v) || (v->c != c && v->oc != c))
			continue;
		pairs = flow_add(pairs, &np, v->oc * 1000 + v->c, v);
	}
	if (np)
		qsort(pairs, np, sizeof(*pairs), flowsum_cmp);
	t = table_new(r, sec, "map_flows", report_printf(r, "Map: flows in "
	    "and out, %s", years), 5, fcols);
	official_map(t, CHART_FLOWMAP, 4, o->y0, o->y1);
	for (size_t i = 0; i < np; i++) {
		struct cell *row = table_row(r, t);
		int	 a = pairs[i].key / 1000, z = pairs[i].key % 1000;

		cell_text(&row[0], country_at(a)->alpha3);
		cell_text(&row[1], country_at(z)->alpha3);
		cell_text(&row[2], official_country_name(a));
		cell_text(&row[3], official_country_name(z));
		cell_range(&row[4], pairs[i].lo, pairs[i].hi);
	}
	t->note = "Country pairs and years with at least 5 detected victims, "
	    "all years added; a flow within the country is a disc.";
	free(in);
	free(out);
	free(pairs);
}

static void
country_rate(struct report *r, const struct official *o, int c)
{
	struct section	*sec = report_section(r, "sdg", "SDG indicator "
	    "16.2.2: victims per 100,000 people");
	static const char *const cols[] = { "Year", "Detected victims",
	    "Population", "Per 100,000", "Female, per 100,000 females",
	    "Male, per 100,000 males", "Children, per 100,000 children",
	    "Adults, per 100,000 adults", "Sexual exploitation",
	    "Forced labour", "Other forms", "Note" };
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
	struct table	*t = table_new(r, sec, "sdg_16_2_2", report_printf(r,
	    "Detected victims per 100,000 people, %s", report_years(r, o->y0,
	    o->y1)), 12, cols);
	int		 rows = 0;

	t->y0 = o->y0;
	t->y1 = o->y1;
	for (int y = o->y0; y && y <= o->y1; y++) {
		const struct ototal *x = official_total(o, c, IND_DETECTED, y);
		int64_t	 pop = official_population(o, c, y, SEX_TOTAL,
		    AGEG_TOTAL), p;
		struct cell *row;

		if (x == NULL || !x->has_total || pop <= 0)
			continue;
		row = table_row(r, t);
		cell_year(&row[0], y);
		official_cell(&row[1], x);
		cell_int(&row[2], pop);
		cell_rate(&row[3], x->lo, x->hi, pop);
		if (x->contradicted)
			cell_text(&row[11], official_why(r, x));
		for (size_t k = 0; k < sizeof(splits) / sizeof(splits[0]);
		    k++) {
			int64_t	 lo = 0, hi = 0;
			int	 found = 0;

			for (size_t i = 0; i < o->n; i++) {
				const struct oval *v = &o->v[i];

				if (v->c != c || v->year != y || v->ind !=
				    IND_DETECTED || v->odim != ODIM_NONE ||
				    v->sex != splits[k].sex || v->age !=
				    splits[k].age || v->form != splits[k].form)
					continue;
				lo += v->lo;
				hi += v->hi;
				found = 1;
			}
			p = official_population(o, c, y, splits[k].psex,
			    splits[k].page);
			if (found && p > 0)
				cell_rate(&row[4 + k], lo, hi, p);
		}
		rows++;
	}
	t->note = "Rates by sex and age divide by the population of that sex "
	    "or age group; rates by form divide by the whole population.  A "
	    "rate is left blank where the victims or the population of the "
	    "group were not reported.  The rate of all victims uses the "
	    "total the sums use (the note says where it is not the one "
	    "published).";
	section_para(r, sec, rows ? "Detected victims divided by the "
	    "population, for the years with both." : "No year has both "
	    "detected victims and population: import population with "
	    "'palermo import population' to compute the rate.");
}

static void
country_gaps(struct report *r, const struct official *o, int c)
{
	struct section	*sec = report_section(r, "gaps", "Data gaps");
	const char	*cols[IND__MAX + 1];
	struct table	*t;
	int64_t		 n = 0, censored = 0;
	char		 a[32], b[32];

	cols[0] = "Year";
	for (int i = 0; i < IND__MAX; i++)
		cols[i + 1] = ind_label(i);
	t = table_new(r, sec, "gaps", report_printf(r, "What was reported each "
	    "year, %s", report_years(r, o->y0, o->y1)), IND__MAX + 1, cols);
	t->y0 = o->y0;
	t->y1 = o->y1;
	for (int y = o->y0; y && y <= o->y1; y++) {
		struct cell	*row = table_row(r, t);

		cell_year(&row[0], y);
		for (int i = 0; i < IND__MAX; i++) {
			const struct ototal *x = official_total(o, c, i, y);

			cell_text(&row[i + 1], x == NULL ? "missing" :
			    x->has_total ? "total" : "parts only");
		}
	}
	for (size_t k = 0; k < o->n; k++)
		if (o->v[k].c == c) {
			n++;
			censored += o->v[k].lo == 1 && o->v[k].hi == 4;
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
	struct official	 o;
	struct filter	 f;
	struct report	*r;
	struct section	*sec;
	char		 today[11];

	if (today_iso(today) == -1)
		return NULL;
	/* the country's own values, and those of its citizens elsewhere */
	filter_init(&f);
	f.country = c;
	if (official_load(st, &f, &o) == -1)
		return NULL;
	r = report_new("Country profile");
	r->title = report_printf(r, "Country profile: %s",
	    official_country_name(c));
	r->subtitle = report_printf(r, "Official statistics (UNODC data "
	    "portal and national submissions) and the registers, on %s",
	    today);
	report_meta(r, "official statistics", "country",
	    country_at(c)->alpha3, 0);
	if (o.n == 0) {
		sec = report_section(r, "indicators", "Official statistics");
		section_para(r, sec, "No official statistics of this country "
		    "are stored: import them with 'palermo import stats'.");
	} else {
		country_indicators(r, &o, c);
		country_splits(r, &o, c);
		country_flows(r, &o, c);
		country_rate(r, &o, c);
		country_gaps(r, &o, c);
	}
	if (country_registers(r, st, c, today) == -1) {
		official_release(&o);
		report_free(r);
		return NULL;
	}
	sec = report_section(r, "methods", "Methods and sources");
	official_methods(r, sec, &o, "country", c);
	official_release(&o);
	if (report_samples(r, st) == -1) {
		report_free(r);
		return NULL;
	}
	return r;
}
