/*
 * global.c: the Global Report on patterns, forms and flows, built as
 * tables from the engine's counts.  Every percentage stands next to its
 * denominator: the records in which the field was recorded.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "report/report_int.h"

#define TOP_CORRIDORS	20

static const char *const yes_rec_cols[] = {
	"Category", "Victims", "Recorded (denominator)", "Percent",
};

/* One row per flag field: victims with it, records where it was recorded. */
static struct table *
flag_table(struct report *r, struct section *s, const char *id,
    const char *title, const struct figures *fg, int from, int to)
{
	struct table	*t = table_new(r, s, id, title, 4, yes_rec_cols);

	for (int f = from; f <= to; f++) {
		struct cell *c = table_row(r, t);

		cell_text(&c[0], case_fields[f].label);
		cell_int(&c[1], fg->flag[f].yes);
		cell_int(&c[2], fg->flag[f].rec);
		cell_pct(&c[3], fg->flag[f].yes, fg->flag[f].rec);
	}
	t->chart = CHART_BARS;
	t->chart_col = 3;
	t->note = "Percent of the victims for whom the item was recorded; a "
	    "victim may be counted under several items.";
	return t;
}

static const char *
gender_label(int g)
{
	return g == NR ? "Not recorded" : code_lists[CL_GENDER].codes[g].label;
}

static const char *
country_label(int idx)
{
	const struct country *c = country_at(idx);

	return c ? c->name : "Not recorded";
}

static void
key_findings(struct report *r, const struct snapshot *s,
    const struct figures *fg)
{
	struct section	*sec = report_section(r, "key-findings",
	    "Key findings from case records");
	static const char *const cols[] = { "Finding", "Victims",
	    "Recorded (denominator)", "Percent" };
	struct table	*t;
	struct cell	*c;
	int64_t		 female = 0, grec = 0, minors = 0, mrec = 0;
	int		 y0 = -1, y1 = -1, ncit = 0, nexp = 0;
	char		 a[32], b[32], p[32];
	int64_t		 cit_seen[NCOUNTRIES] = { 0 }, exp_seen[NCOUNTRIES] = { 0 };

	for (int g = 0; g < GENDER__MAX; g++)
		for (int k = 0; k <= AGE__MAX; k++) {
			grec += fg->gender_age[g + 1][k];
			if (g == GENDER_FEMALE)
				female += fg->gender_age[g + 1][k];
		}
	for (int g = 0; g <= GENDER__MAX; g++) {
		minors += fg->gender_majority[0][g][MAJORITY_MINOR + 1];
		for (int m = 0; m < MAJORITY__MAX; m++)
			mrec += fg->gender_majority[0][g][m + 1];
	}
	for (int y = 0; y < NYEARS; y++)
		if (fg->by_year[y]) {
			if (y0 < 0)
				y0 = y;
			y1 = y;
		}
	for (int i = 0; i < NCOUNTRIES; i++)
		for (int j = 0; j < NCOUNTRIES; j++) {
			cit_seen[i] += fg->flow[i][j];
			exp_seen[j] += fg->flow[i][j];
		}
	for (int i = 0; i < NCOUNTRIES - 1; i++) {
		ncit += cit_seen[i] > 0;
		nexp += exp_seen[i] > 0;
	}

	int_format(fg->total, a);
	if (y0 >= 0)
		section_para(r, sec, report_printf(r, "This report counts %s "
		    "victims of trafficking registered from %d to %d, from %d "
		    "source%s.", a, y0 + 1900, y1 + 1900, s->nsources,
		    s->nsources == 1 ? "" : "s"));
	else
		section_para(r, sec, report_printf(r, "This report counts %s "
		    "victims of trafficking.", a));
	pct_format(female, grec, p);
	int_format(grec, b);
	if (grec)
		section_para(r, sec, report_printf(r, "%s%% of the victims whose "
		    "gender was recorded are female (of %s).", p, b));
	pct_format(minors, mrec, p);
	int_format(mrec, b);
	if (mrec)
		section_para(r, sec, report_printf(r, "%s%% were children when "
		    "registered (of %s whose age was recorded).", p, b));
	pct_format(fg->flow_class[FLOW_DOMESTIC], fg->flows, p);
	int_format(fg->flows, b);
	if (fg->flows)
		section_para(r, sec, report_printf(r, "%s%% were exploited in "
		    "their own country of citizenship (of %s with both countries "
		    "recorded); the victims came from %d countries and were "
		    "exploited in %d.", p, b, ncit, nexp));

	t = table_new(r, sec, "key_findings", "Key figures", 4, cols);
	t->note = "Each percentage uses as denominator only the records where "
	    "the item was recorded.";
	c = table_row(r, t);
	cell_text(&c[0], "Victims registered");
	cell_int(&c[1], fg->total);
	c = table_row(r, t);
	cell_text(&c[0], "Female");
	cell_int(&c[1], female);
	cell_int(&c[2], grec);
	cell_pct(&c[3], female, grec);
	c = table_row(r, t);
	cell_text(&c[0], "Children at registration");
	cell_int(&c[1], minors);
	cell_int(&c[2], mrec);
	cell_pct(&c[3], minors, mrec);
	for (int k = 0; k < NFORMS; k++) {
		int	 f = CF_EXPLOIT_SEXUAL + k;

		c = table_row(r, t);
		cell_text(&c[0], case_fields[f].label);
		cell_int(&c[1], fg->flag[f].yes);
		cell_int(&c[2], fg->flag[f].rec);
		cell_pct(&c[3], fg->flag[f].yes, fg->flag[f].rec);
	}
	c = table_row(r, t);
	cell_text(&c[0], "Exploited in their own country");
	cell_int(&c[1], fg->flow_class[FLOW_DOMESTIC]);
	cell_int(&c[2], fg->flows);
	cell_pct(&c[3], fg->flow_class[FLOW_DOMESTIC], fg->flows);
}

static void
who(struct report *r, const struct figures *fg)
{
	struct section	*sec = report_section(r, "victims", "Who the victims "
	    "are (case records)");
	static const char *const pcols[] = { "Age band", "Female", "Male",
	    "Transgender or non-conforming", "Gender not recorded", "All" };
	static const char *const mcols[] = { "Stage", "Gender", "Minor",
	    "Adult", "Not recorded", "Recorded (denominator)",
	    "Percent minors" };
	static const char *const stages[3] = { "At registration",
	    "When exploitation began", "On entering trafficking" };
	struct table	*t;

	section_para(r, sec, "Victims by sex and age band at registration. "
	    "Transgender and gender non-conforming victims are counted "
	    "together, as the source formats do not always tell them apart.");
	t = table_new(r, sec, "sex_age", "Victims by sex and age band", 6,
	    pcols);
	t->chart = CHART_PYRAMID;
	t->chart_desc = "Population pyramid: female victims to the left, male "
	    "to the right, by age band at registration.";
	table_total(t, 5, 1, 4);
	/* oldest band first, so the youngest is at the foot of the pyramid */
	for (int a = AGE__MAX - 1; a >= 0; a--) {
		struct cell	*c = table_row(r, t);
		int64_t		 other = 0, all = 0;

		cell_text(&c[0], code_lists[CL_AGE_BAND].codes[a].label);
		for (int g = 0; g <= GENDER__MAX; g++)
			all += fg->gender_age[g][a + 1];
		for (int g = GENDER_TRANS_FEMALE; g < GENDER__MAX; g++)
			other += fg->gender_age[g + 1][a + 1];
		cell_int(&c[1], fg->gender_age[GENDER_FEMALE + 1][a + 1]);
		cell_int(&c[2], fg->gender_age[GENDER_MALE + 1][a + 1]);
		cell_int(&c[3], other);
		cell_int(&c[4], fg->gender_age[0][a + 1]);
		cell_int(&c[5], all);
	}
	{
		int64_t	 nr = 0;
		char	 n[32];

		for (int g = 0; g <= GENDER__MAX; g++)
			nr += fg->gender_age[g][0];
		int_format(nr, n);
		t->note = report_printf(r, "Rows run from the oldest band to "
		    "the youngest; %s victims whose age was not recorded are "
		    "left out.", n);
	}

	t = table_new(r, sec, "minors_by_sex", "Children and adults by sex, at "
	    "three stages", 7, mcols);
	table_total(t, 5, 2, 3);
	for (int st = 0; st < 3; st++)
		for (int g = 0; g <= GENDER__MAX; g++) {
			const int64_t	*m = fg->gender_majority[st][g];
			struct cell	*c;

			if (m[0] + m[1] + m[2] == 0)
				continue;
			c = table_row(r, t);
			cell_text(&c[0], stages[st]);
			cell_text(&c[1], gender_label(g - 1));
			cell_int(&c[2], m[MAJORITY_MINOR + 1]);
			cell_int(&c[3], m[MAJORITY_ADULT + 1]);
			cell_int(&c[4], m[0]);
			cell_int(&c[5], m[1] + m[2]);
			cell_pct(&c[6], m[MAJORITY_MINOR + 1], m[1] + m[2]);
		}
}

static void
forms(struct report *r, const struct figures *fg)
{
	struct section	*sec = report_section(r, "forms", "Forms of "
	    "exploitation (case records)");
	static const char *const scols[] = { "Form", "Female victims",
	    "Female recorded", "Female percent", "Male victims",
	    "Male recorded", "Male percent" };
	static const char *const acols[] = { "Form", "Children",
	    "Children recorded", "Children percent", "Adults",
	    "Adults recorded", "Adults percent" };
	static const char *const ccols[] = { "Combination", "Victims",
	    "Recorded (denominator)", "Percent" };
	const char	*rcols[NREGIONS + 1];
	struct table	*t;

	section_para(r, sec, "A victim may have been exploited in more than "
	    "one form, so the percentages add up to more than 100.");
	flag_table(r, sec, "forms", "Forms of exploitation", fg,
	    CF_EXPLOIT_SEXUAL, CF_EXPLOIT_OTHER);

	t = table_new(r, sec, "forms_by_sex", "Forms of exploitation by sex", 7,
	    scols);
	for (int k = 0; k < NFORMS; k++) {
		struct cell	*c = table_row(r, t);
		const struct yes_rec *f = &fg->form_gender[k][GENDER_FEMALE + 1];
		const struct yes_rec *m = &fg->form_gender[k][GENDER_MALE + 1];

		cell_text(&c[0], case_fields[CF_EXPLOIT_SEXUAL + k].label);
		cell_int(&c[1], f->yes);
		cell_int(&c[2], f->rec);
		cell_pct(&c[3], f->yes, f->rec);
		cell_int(&c[4], m->yes);
		cell_int(&c[5], m->rec);
		cell_pct(&c[6], m->yes, m->rec);
	}
	t = table_new(r, sec, "forms_by_age", "Forms of exploitation, children "
	    "and adults", 7, acols);
	for (int k = 0; k < NFORMS; k++) {
		struct cell	*c = table_row(r, t);
		const struct yes_rec *ch =
		    &fg->form_majority[k][MAJORITY_MINOR + 1];
		const struct yes_rec *ad =
		    &fg->form_majority[k][MAJORITY_ADULT + 1];

		cell_text(&c[0], case_fields[CF_EXPLOIT_SEXUAL + k].label);
		cell_int(&c[1], ch->yes);
		cell_int(&c[2], ch->rec);
		cell_pct(&c[3], ch->yes, ch->rec);
		cell_int(&c[4], ad->yes);
		cell_int(&c[5], ad->rec);
		cell_pct(&c[6], ad->yes, ad->rec);
	}
	t->note = "Children and adults by their majority status at "
	    "registration.";

	rcols[0] = "Form";
	for (int i = 0; i < NREGIONS; i++)
		rcols[i + 1] = region_names[i];
	t = table_new(r, sec, "forms_by_region", "Victims by form of "
	    "exploitation and region of exploitation", NREGIONS + 1, rcols);
	for (int k = 0; k < NFORMS; k++) {
		struct cell *c = table_row(r, t);

		cell_text(&c[0], case_fields[CF_EXPLOIT_SEXUAL + k].label);
		for (int i = 0; i < NREGIONS; i++)
			cell_int(&c[i + 1], fg->form_region[k][i].yes);
	}
	t->chart = CHART_HEATMAP;
	t->chart_desc = "Heat map of victims by form of exploitation (rows) "
	    "and UN M49 region of the country of exploitation (columns).";
	t->note = "Counts of victims; regions are the UN M49 regions of the "
	    "country of exploitation.";

	t = table_new(r, sec, "form_combinations", "Forms of exploitation in "
	    "combination", 4, ccols);
	for (int mask = 0; mask < (1 << NFORMS); mask++) {
		struct buf	 b = BUF_INIT;
		struct cell	*c;

		if (fg->combo[mask] == 0)
			continue;
		for (int k = 0; k < NFORMS; k++)
			if (mask & (1 << k))
				buf_addf(&b, "%s%s", b.len ? " + " : "",
				    case_fields[CF_EXPLOIT_SEXUAL + k].label);
		c = table_row(r, t);
		cell_text(&c[0], report_strdup(r, mask ? b.s :
		    "None of the forms"));
		cell_int(&c[1], fg->combo[mask]);
		cell_int(&c[2], fg->forms_recorded);
		cell_pct(&c[3], fg->combo[mask], fg->forms_recorded);
		buf_release(&b);
	}
	t->note = "Each victim is counted once, under the exact set of forms "
	    "recorded as yes, among victims with any form recorded.";
}

struct corridor {
	int	 from, to;
	int64_t	 n;
};

static int
corridor_cmp(const void *a, const void *b)
{
	const struct corridor *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	if (x->from != y->from)
		return x->from - y->from;
	return x->to - y->to;
}

static void
flows(struct report *r, const struct figures *fg)
{
	struct section	*sec = report_section(r, "flows", "Flows (case records)");
	static const char *const kcols[] = { "Flow", "Victims",
	    "Both countries recorded (denominator)", "Percent" };
	static const char *const ccols[] = { "Corridor", "Citizenship",
	    "Country of exploitation", "Flow", "Victims" };
	const char	*rcols[NREGIONS + 1];
	struct corridor	*all = NULL;
	size_t		 n = 0;
	struct table	*t;
	int64_t		 m[NREGIONS][NREGIONS];

	section_para(r, sec, "Flows run from the country of citizenship to the "
	    "country of exploitation, for victims with both recorded. A flow "
	    "is domestic within one country, and otherwise classed by the UN "
	    "M49 sub-region and region of the two countries.");
	t = table_new(r, sec, "flow_classes", "Domestic and cross-border flows",
	    4, kcols);
	for (int k = 0; k < NCLASSES; k++) {
		struct cell *c = table_row(r, t);

		cell_text(&c[0], flow_class_names[k]);
		cell_int(&c[1], fg->flow_class[k]);
		cell_int(&c[2], fg->flows);
		cell_pct(&c[3], fg->flow_class[k], fg->flows);
	}
	t->chart = CHART_BARS;
	t->chart_col = 3;

	memset(m, 0, sizeof(m));
	for (int i = 0; i < NCOUNTRIES; i++)
		for (int j = 0; j < NCOUNTRIES; j++)
			if (fg->flow[i][j]) {
				m[region_index(i)][region_index(j)] +=
				    fg->flow[i][j];
				if ((n & (n - 1)) == 0)
					all = xreallocarray(all, n ? n * 2 : 64,
					    sizeof(*all));
				all[n].from = i;
				all[n].to = j;
				all[n++].n = fg->flow[i][j];
			}
	rcols[0] = "Region of citizenship";
	for (int i = 0; i < NREGIONS; i++)
		rcols[i + 1] = region_names[i];
	t = table_new(r, sec, "flows_by_region", "Victims from each region "
	    "(rows) exploited in each region (columns)", NREGIONS + 1, rcols);
	for (int i = 0; i < NREGIONS; i++) {
		struct cell *c = table_row(r, t);

		cell_text(&c[0], region_names[i]);
		for (int j = 0; j < NREGIONS; j++)
			cell_int(&c[j + 1], m[i][j]);
	}
	t->chart = CHART_HEATMAP;
	t->chart_desc = "Heat map of victims by UN M49 region of citizenship "
	    "(rows) and region of exploitation (columns).";

	if (n > 0)
		qsort(all, n, sizeof(*all), corridor_cmp);
	t = table_new(r, sec, "top_corridors", "The 20 largest corridors", 5,
	    ccols);
	for (size_t i = 0; i < n && i < TOP_CORRIDORS; i++) {
		struct cell *c = table_row(r, t);

		cell_text(&c[0], report_printf(r, "%s \xe2\x86\x92 %s",
		    country_label(all[i].from), country_label(all[i].to)));
		cell_text(&c[1], country_label(all[i].from));
		cell_text(&c[2], country_label(all[i].to));
		cell_text(&c[3], flow_class_names[flow_classify(all[i].from,
		    all[i].to)]);
		cell_int(&c[4], all[i].n);
	}
	t->chart = CHART_BARS;
	t->chart_col = 4;
	t->note = "Corridors from country of citizenship to country of "
	    "exploitation, largest first; ties in order of the countries' "
	    "codes.";
	free(all);
}

static void
trends(struct report *r, const struct figures *fg)
{
	struct section	*sec = report_section(r, "trends", "Trends (case records)");
	static const char *const lcols[] = { "Year", "Victims",
	    "Sexual exploitation", "Forced labour", "Children" };
	static const char *const scols[] = { "Year", "Victims",
	    "Gender recorded", "Percent female", "Age recorded",
	    "Percent children", "Both countries recorded",
	    "Percent domestic" };
	struct table	*t, *u;

	section_para(r, sec, "Victims registered each year, and the headline "
	    "shares by year. Changes from year to year reflect who reported "
	    "as much as how trafficking changed.");
	t = table_new(r, sec, "trends", "Victims by year", 5, lcols);
	t->chart = CHART_LINES;
	t->chart_desc = "Lines of victims registered per year, in all and by "
	    "the two main forms of exploitation and for children.";
	u = table_new(r, sec, "trends_shares", "Headline shares by year", 8,
	    scols);
	for (int y = 0; y < NYEARS; y++) {
		struct cell *c;

		if (fg->by_year[y] == 0)
			continue;
		c = table_row(r, t);
		cell_year(&c[0], y + 1900);
		cell_int(&c[1], fg->by_year[y]);
		cell_int(&c[2], fg->year_form[y][0].yes);
		cell_int(&c[3], fg->year_form[y][1].yes);
		cell_int(&c[4], fg->year_minor[y].yes);
		c = table_row(r, u);
		cell_year(&c[0], y + 1900);
		cell_int(&c[1], fg->by_year[y]);
		cell_int(&c[2], fg->year_female[y].rec);
		cell_pct(&c[3], fg->year_female[y].yes, fg->year_female[y].rec);
		cell_int(&c[4], fg->year_minor[y].rec);
		cell_pct(&c[5], fg->year_minor[y].yes, fg->year_minor[y].rec);
		cell_int(&c[6], fg->year_domestic[y].rec);
		cell_pct(&c[7], fg->year_domestic[y].yes,
		    fg->year_domestic[y].rec);
	}
	if (fg->year_nr) {
		char	 n[32];

		int_format(fg->year_nr, n);
		t->note = report_printf(r, "%s victims have no year of "
		    "registration and are left out of this table.", n);
	}
}

static void
control(struct report *r, const struct figures *fg)
{
	struct section	*sec = report_section(r, "control", "Means of control "
	    "and recruitment (case records)");

	section_para(r, sec, "The means of control the traffickers used, the "
	    "recruiter's relationship to the victim, and the sectors of forced "
	    "labour and types of sexual exploitation.");
	flag_table(r, sec, "means_of_control", "Means of control", fg,
	    CF_CONTROL_DEBT_BONDAGE, CF_CONTROL_NOT_SPECIFIED);
	flag_table(r, sec, "means_of_control_groups", "Means of control, "
	    "merged groups", fg, CF_CONTROLG_DEBT_EARNINGS,
	    CF_CONTROLG_DENY_NEEDS)->note = "The groups in which the synthetic "
	    "data sets publish means of control; for other sources a group is "
	    "yes when any of its means is.";
	flag_table(r, sec, "recruiter", "Relationship to the recruiter, and "
	    "abduction", fg, CF_RECRUITER_INTIMATE_PARTNER, CF_ABDUCTION);
	flag_table(r, sec, "labour_sectors", "Sectors of forced labour", fg,
	    CF_LABOUR_AGRICULTURE, CF_LABOUR_NOT_SPECIFIED);
	flag_table(r, sec, "sexual_exploitation_types", "Types of sexual "
	    "exploitation", fg, CF_SEX_PROSTITUTION, CF_SEX_PRIVATE_SERVICES);
}

static void
organ_removal(struct report *r, const struct figures *fg)
{
	struct section	*sec = report_section(r, "organ-removal", "Organ "
	    "removal (case records)");
	static const char *const cols[] = { "Year", "Victims",
	    "Organ removal", "Recorded (denominator)", "Percent",
	    "Not recorded" };
	const struct yes_rec *o = &fg->flag[CF_EXPLOIT_ORGAN_REMOVAL];
	struct table	*t;
	char		 a[32], b[32], c[32], p[32];

	int_format(o->yes, a);
	int_format(o->rec, b);
	int_format(fg->total - o->rec, c);
	pct_format(fg->total - o->rec, fg->total, p);
	section_para(r, sec, report_printf(r, "Trafficking for the removal of "
	    "organs was recorded for %s victims, among the %s for whom it was "
	    "recorded either way.", a, b));
	section_para(r, sec, report_printf(r, "The data gap is large: for %s "
	    "victims (%s%% of all) the records do not say whether organ removal "
	    "was involved, because many sources do not ask. Counts of organ "
	    "removal are therefore a floor, not an estimate.", c,
	    *p ? p : "0"));
	t = table_new(r, sec, "organ_removal", "Organ removal by year", 6,
	    cols);
	for (int y = 0; y < NYEARS; y++) {
		const struct yes_rec *f = &fg->year_form[y][
		    CF_EXPLOIT_ORGAN_REMOVAL - CF_EXPLOIT_SEXUAL];
		struct cell *row;

		if (fg->by_year[y] == 0)
			continue;
		row = table_row(r, t);
		cell_year(&row[0], y + 1900);
		cell_int(&row[1], fg->by_year[y]);
		cell_int(&row[2], f->yes);
		cell_int(&row[3], f->rec);
		cell_pct(&row[4], f->yes, f->rec);
		cell_int(&row[5], fg->by_year[y] - f->rec);
	}
}

static void
coverage(struct report *r, const struct snapshot *s,
    const struct figures *fg)
{
	struct section	*sec = report_section(r, "coverage", "Data coverage "
	    "and quality (case records)");
	static const char *const ycols[] = { "Year", "Victims", "Sources",
	    "Countries of exploitation" };
	static const char *const fcols[] = { "Field", "Not recorded",
	    "All victims (denominator)", "Percent not recorded" };
	struct table	*t;

	section_para(r, sec, "Which sources and countries contributed each "
	    "year, and how often each field was not recorded. Fields that are "
	    "often missing give less certain figures.");
	t = table_new(r, sec, "coverage_by_year", "Sources and countries "
	    "contributing each year", 4, ycols);
	for (int y = 0; y < NYEARS; y++) {
		struct cell	*c;
		int		 ns = 0, nc = 0;

		if (fg->by_year[y] == 0)
			continue;
		for (int i = 0; i < s->nsources; i++)
			ns += fg->year_source[(size_t)y * (size_t)s->nsources +
			    (size_t)i] > 0;
		for (int i = 0; i < NCOUNTRIES - 1; i++)
			nc += fg->year_country[y][i] > 0;
		c = table_row(r, t);
		cell_year(&c[0], y + 1900);
		cell_int(&c[1], fg->by_year[y]);
		cell_int(&c[2], ns);
		cell_int(&c[3], nc);
	}
	t = table_new(r, sec, "fields_not_recorded", "Share of records where "
	    "each field was not recorded", 4, fcols);
	for (int f = 0; f < CF__MAX; f++) {
		struct cell *c = table_row(r, t);

		cell_text(&c[0], case_fields[f].name);
		cell_int(&c[1], fg->not_recorded[f]);
		cell_int(&c[2], fg->total);
		cell_pct(&c[3], fg->not_recorded[f], fg->total);
	}
}

static void
methods(struct report *r, const struct snapshot *s)
{
	struct section	*sec = report_section(r, "methods", "Methods and "
	    "definitions");

	section_para(r, sec, "Every figure counts de-identified victim case "
	    "records as submitted; each record counts once. Percentages use as "
	    "denominator only the records where the item was recorded, and the "
	    "denominator stands next to each.");
	section_para(r, sec, "Countries are ISO 3166-1 countries and areas; "
	    "regions and sub-regions are those of the UN M49 standard. A flow "
	    "is domestic when citizenship and country of exploitation are the "
	    "same country.");
	section_para(r, sec, "Two kinds of data stand in this report, and no "
	    "figure mixes them: case records (one de-identified record per "
	    "victim, from agencies and hotlines; the sections marked 'case "
	    "records') and official statistics (yearly counts that states "
	    "report; the sections headed 'Official statistics', whose methods "
	    "follow them).  The report's filters apply to both: years, "
	    "sources, and a country or region (for official statistics, the "
	    "reporting country or the victims' citizenship).  The regions of "
	    "case records are UN M49's.");
	section_para(r, sec, "Small counts are shown as they are: this report "
	    "is for authorised readers, not for publication.");
	submissions_table(r, sec, "sources", "The submissions of case records "
	    "behind this report", "Records", "cases", s->subs,
	    (size_t)s->nsubs);
}

/* What the filters were, for the report's subtitle and JSON. */
static void
describe(const struct filter *f, struct buf *b)
{
	if (f->from || f->to)
		buf_addf(b, "Years %d to %d", f->from ? f->from : 1900,
		    f->to ? f->to : current_year());
	if (f->country >= 0)
		buf_addf(b, "%sCountry: %s", b->len ? "; " : "",
		    country_at(f->country)->name);
	if (f->region)
		buf_addf(b, "%sRegion: %s", b->len ? "; " : "",
		    region_name(f->region));
	for (int i = 0; f->sources != NULL && f->sources[i] != NULL; i++)
		buf_addf(b, "%s%s", b->len ? (i ? ", " : "; Sources: ") :
		    (i ? ", " : "Sources: "), f->sources[i]);
	if (b->len == 0)
		buf_adds(b, "All stored cases");
}

/* The filters and the submissions behind the figures, as JSON. */
static char *
json_meta(const struct filter *flt, const struct snapshot *s,
    const char *desc, const struct grouping *g)
{
	json_t	*m = json_object(), *subs = json_array(), *f = json_object();
	char	*out;

	json_object_set_new(f, "description", json_string(desc));
	json_object_set_new(f, "from", flt->from ? json_integer(flt->from) :
	    json_null());
	json_object_set_new(f, "to", flt->to ? json_integer(flt->to) :
	    json_null());
	json_object_set_new(f, "country", flt->country >= 0 ?
	    json_string(country_at(flt->country)->alpha3) : json_null());
	json_object_set_new(f, "region", flt->region ?
	    json_string(region_name(flt->region)) : json_null());
	json_object_set_new(f, "regions", json_string(g->name));
	json_object_set_new(m, "filters", f);
	json_object_set_new(m, "cases", json_integer((json_int_t)s->n));
	for (int i = 0; i < s->nsubs; i++) {
		json_t	*j = json_object();

		json_object_set_new(j, "id", json_integer(s->subs[i].id));
		json_object_set_new(j, "source", json_string(s->subs[i].source));
		json_object_set_new(j, "file", json_string(s->subs[i].file_name));
		json_object_set_new(j, "format", json_string(s->subs[i].format));
		json_object_set_new(j, "sha256", json_string(s->subs[i].sha256));
		json_object_set_new(j, "rows", json_integer(s->subs[i].rows));
		json_object_set_new(j, "imported",
		    json_string(s->subs[i].created_at));
		json_object_set_new(j, "operator",
		    json_string(s->subs[i].operator_name));
		json_array_append_new(subs, j);
	}
	json_object_set_new(m, "submissions", subs);
	out = json_dumps(m, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(m);
	if (out == NULL)
		die("json_dumps failed");
	return out;
}

static struct report *
global_report(const struct snapshot *s, const struct figures *fg,
    const char *subtitle, char *json_meta)
{
	struct report	*r = report_new("Global Report on Trafficking in "
	    "Persons: patterns, forms and flows");
	struct section	*sec;

	r->subtitle = report_strdup(r, subtitle);
	r->json_meta = json_meta;
	if (fg->total == 0) {
		/* one line, not nine sections of empty tables */
		sec = report_section(r, "key-findings", "Case records");
		section_para(r, sec, "No case records are stored for these "
		    "filters: the report holds official statistics only.");
		return r;
	}
	key_findings(r, s, fg);
	who(r, fg);
	forms(r, fg);
	flows(r, fg);
	trends(r, fg);
	control(r, fg);
	organ_removal(r, fg);
	coverage(r, s, fg);
	methods(r, s);
	return r;
}

struct report *
report_global(struct store *st, const struct filter *f,
    const struct grouping *g, size_t *ncases)
{
	struct snapshot	 s;
	struct figures	*fg;
	struct report	*r;
	struct buf	 b = BUF_INIT;

	if (figures_load(st, f, &s, &fg) == -1)
		return NULL;
	describe(f, &b);
	if (strcmp(g->name, "UN M49") != 0)
		buf_addf(&b, "; regions of official statistics: %s", g->name);
	r = global_report(&s, fg, b.s, json_meta(f, &s, b.s, g));
	if (global_stats_sections(r, st, f, g) == -1 ||
	    report_samples(r, st) == -1) {
		report_free(r);
		r = NULL;
	}
	*ncases = s.n;
	figures_free(fg);
	snapshot_release(&s);
	buf_release(&b);
	return r;
}
