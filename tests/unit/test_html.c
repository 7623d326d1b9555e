/*
 * test_html.c: the HTML report of html.c and the SVG charts of svg.c.
 *
 * One report holds every kind of chart, hostile text in every place text
 * can go, and the edge cases (no rows, one row, zeros, zero denominators,
 * negative values, long labels, bytes that are not UTF-8).  Its page
 * must load nothing, run nothing, escape everything, link every table to
 * its CSV file, hold only well-formed SVG, and come out byte for byte the
 * same every time.  (Writing it to files is test_tables.c's.)
 */
#include "unit.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#define HOSTILE		"<script>alert(\"x\")</script> & 'q'"
#define HOSTILE_ESC	"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; " \
			"&amp; &#39;q&#39;"
#define TITLE		"Victims ]]> \"detected\" & <b>counted</b>"
#define TITLE_ESC	"Victims ]]&gt; &quot;detected&quot; &amp; " \
			"&lt;b&gt;counted&lt;/b&gt;"
#define LONG_LABEL	"Forced labour in agriculture, fishing, construction " \
			"and domestic work in private households"
#define ELLIPSIS	"\xe2\x80\xa6"
#define GENERATED	"2024-05-01T12:00:00Z"

static struct scratch *sc;	/* the group's folder */

/* ---------------------------------------------------------------------- */
/* The report under test. */

static const char *const form_cols[] = {
	"Form of exploitation", "Victims", "Recorded", "% of recorded",
};

static struct table *
forms_table(struct report *r, struct section *s, const char *id,
    const char *title, int chart_col)
{
	struct table	*t = table_new(r, s, id, title, 4, form_cols);
	struct cell	*c;

	t->chart = CHART_BARS;
	t->chart_col = chart_col;
	c = table_row(r, t);
	cell_text(&c[0], "Sexual exploitation");
	cell_int(&c[1], 1234);
	cell_int(&c[2], 2000);
	cell_pct(&c[3], 1234, 2000);
	c = table_row(r, t);
	cell_text(&c[0], HOSTILE);
	cell_int(&c[1], 5);
	cell_int(&c[2], 40);
	cell_pct(&c[3], 5, 40);
	c = table_row(r, t);
	cell_text(&c[0], LONG_LABEL);
	cell_int(&c[1], 300);
	cell_int(&c[2], 2431);
	cell_pct(&c[3], 300, 2431);
	c = table_row(r, t);
	cell_text(&c[0], "Organ removal");
	cell_int(&c[1], -3);
	cell_int(&c[2], 0);
	cell_pct(&c[3], 0, 0);
	c = table_row(r, t);
	cell_text(&c[0], "Not recorded");
	return t;
}

static void
pyramid_rows(struct report *r, struct table *t, int nrows)
{
	static const char *const bands[] = {
		"0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38",
		"39-47", "48+",
	};
	struct cell	*c;

	for (int i = 0; i < nrows; i++) {
		c = table_row(r, t);
		cell_text(&c[0], bands[i % 9]);
		cell_int(&c[1], 40 + 37 * i - 3 * i * i);
		cell_int(&c[2], 25 + 21 * i - 2 * i * i);
	}
}

/* Every chart kind, every edge case, hostile text everywhere. */
static struct report *
build_report(void)
{
	static const char *const age_cols[] = { "Age band", "Female", "Male" };
	static const char *const year_cols[] = {
		"Region", "2019", "2020", "2021", "2022",
	};
	static const char *const mix_cols[] = {
		"Region", "Sexual exploitation", "Recorded",
		"Share of recorded cases",
	};
	static const char *const trend_cols[] = {
		"Year", "Detected", "Prosecuted", ("Convicted " HOSTILE),
	};
	static const char *const two_cols[] = { "Label", "Value" };
	static const char *const regions[] = {
		"Africa", "Americas", HOSTILE, "Bad\001byte\377", "Europe",
	};
	struct report	*r = report_new(TITLE);
	struct section	*s;
	struct table	*t;
	struct cell	*c;

	r->subtitle = "All sources, 2015-2022 <i>&</i>";
	r->generated = GENERATED;

	s = report_section(r, "overview", "Overview & \"scope\"");
	section_para(r, s, "Figures count detected victims. " HOSTILE);
	section_para(r, s, "A second paragraph, ]]> with a CDATA end.");

	s = report_section(r, "victims", "Victims <by> form");
	t = forms_table(r, s, "by_form", TITLE, 3);
	t->note = "Percentages of the cases where the form was recorded; "
	    HOSTILE;
	t = forms_table(r, s, "by_form_count", "Victims by form (count)", 1);
	t->chart_desc = "Custom description " HOSTILE;

	t = table_new(r, s, "age_sex", "Victims by age and sex", 3, age_cols);
	t->chart = CHART_PYRAMID;
	pyramid_rows(r, t, 9);

	t = table_new(r, s, "region_year", "Victims by region and year", 5,
	    year_cols);
	t->chart = CHART_HEATMAP;
	for (int i = 0; i < 5; i++) {
		c = table_row(r, t);
		cell_text(&c[0], regions[i]);
		for (int j = 1; j < 5; j++)
			if (i != 4 || j != 2)
				cell_int(&c[j], 100 * i + 37 * j);
	}

	t = table_new(r, s, "region_mix", "Counts and shares by region", 4,
	    mix_cols);
	t->chart = CHART_HEATMAP;
	for (int i = 0; i < 3; i++) {
		c = table_row(r, t);
		cell_text(&c[0], regions[i]);
		cell_int(&c[1], 10 * i + 3);
		cell_int(&c[2], 50 * i + 20);
		cell_pct(&c[3], 10 * i + 3, i == 1 ? 0 : 50 * i + 20);
	}

	t = table_new(r, s, "trend", "Detected, prosecuted, convicted", 4,
	    trend_cols);
	t->chart = CHART_LINES;
	for (int y = 2015; y <= 2022; y++) {
		c = table_row(r, t);
		cell_year(&c[0], y);
		cell_int(&c[1], 1000 + 90 * (y - 2015));
		cell_int(&c[2], 400 + 20 * (y - 2015));
		if (y != 2018)
			cell_int(&c[3], 380 + 22 * (y - 2015));
	}

	/* the edge cases */
	s = report_section(r, "edge-cases", "Edge cases");
	t = table_new(r, s, "empty_bars", "No rows", 2, two_cols);
	t->chart = CHART_BARS;
	t->chart_col = 1;
	t = table_new(r, s, "empty_pyramid", "No rows", 3, age_cols);
	t->chart = CHART_PYRAMID;
	t = table_new(r, s, "empty_heatmap", "No rows", 5, year_cols);
	t->chart = CHART_HEATMAP;
	t = table_new(r, s, "empty_lines", "No rows", 4, trend_cols);
	t->chart = CHART_LINES;
	t = table_new(r, s, "zero_pct", "Zero denominators", 4, form_cols);
	t->chart = CHART_BARS;
	t->chart_col = 3;
	for (int i = 0; i < 3; i++) {
		c = table_row(r, t);
		cell_text(&c[0], regions[i]);
		cell_int(&c[1], 0);
		cell_int(&c[2], 0);
		cell_pct(&c[3], 0, 0);
	}
	t = table_new(r, s, "zeros", "All zeros", 5, year_cols);
	t->chart = CHART_HEATMAP;
	c = table_row(r, t);
	cell_text(&c[0], "Africa");
	for (int j = 1; j < 5; j++)
		cell_int(&c[j], 0);
	t = table_new(r, s, "one_year", "One year", 4, trend_cols);
	t->chart = CHART_LINES;
	c = table_row(r, t);
	cell_year(&c[0], 2020);
	cell_int(&c[1], 7);
	cell_int(&c[2], -2);
	t = table_new(r, s, "one_band", "One band", 3, age_cols);
	t->chart = CHART_PYRAMID;
	pyramid_rows(r, t, 1);
	t = table_new(r, s, "huge", "Huge counts", 2, two_cols);
	t->chart = CHART_BARS;
	t->chart_col = 1;
	c = table_row(r, t);
	cell_text(&c[0], "Most");
	cell_int(&c[1], INT64_MAX);
	c = table_row(r, t);
	cell_text(&c[0], "Least");
	cell_int(&c[1], INT64_MIN + 1);	/* int_format cannot negate INT64_MIN */
	t = table_new(r, s, "plain", "No chart " HOSTILE, 2, two_cols);
	t->note = HOSTILE;
	c = table_row(r, t);
	cell_text(&c[0], HOSTILE);
	cell_text(&c[1], TITLE);

	report_section(r, "empty", "A section with nothing in it");
	return r;
}

/* ---------------------------------------------------------------------- */
/* Helpers. */

/* The report's page; the caller frees. */
static char *
write_read(const struct report *r, size_t *len)
{
	struct buf	 b = BUF_INIT;

	report_html(r, &b);
	if (len != NULL)
		*len = b.len;
	return buf_detach(&b);
}

static char *
page(size_t *len)
{
	struct report	*r = build_report();
	char		*s = write_read(r, len);

	report_free(r);
	return s;
}

static int
count(const char *hay, const char *needle)
{
	int	 n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

static int
contains_nocase(const char *hay, const char *needle)
{
	char	*low = xstrdup(hay);
	int	 found;

	for (char *p = low; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	found = strstr(low, needle) != NULL;
	free(low);
	return found;
}

/* The value of the attribute that follows at p (after name="); a copy. */
static char *
attr_value(const char *p)
{
	const char	*e = strchr(p, '"');

	assert_non_null(e);
	return xstrndup(p, (size_t)(e - p));
}

static int
has_id(const char *html, const char *id)
{
	struct buf	 want = BUF_INIT;
	int		 n;

	buf_addf(&want, " id=\"%s\"", id);
	n = count(html, want.s);
	buf_release(&want);
	return n;
}

/* Numbers printed from a NaN or an infinity. */
static void
assert_finite(const char *svg)
{
	if (contains_nocase(svg, "nan") || contains_nocase(svg, "inf"))
		fail_msg("a NaN or an infinity in: %.200s", svg);
}

/* The SVG elements of a page, each a copy, NULL-terminated. */
static char **
svgs_of(const char *html, int *n)
{
	char		**v = NULL;
	const char	 *p = html, *e;

	*n = 0;
	while ((p = strstr(p, "<svg ")) != NULL) {
		e = strstr(p, "</svg>");
		assert_non_null(e);
		e += strlen("</svg>");
		v = xreallocarray(v, (size_t)*n + 2, sizeof(*v));
		v[(*n)++] = xstrndup(p, (size_t)(e - p));
		v[*n] = NULL;
		p = e;
	}
	return v;
}

static void
svgs_free(char **v)
{
	for (char **p = v; p != NULL && *p != NULL; p++)
		free(*p);
	free(v);
}

static int
setup(void **state)
{
	(void)state;
	return scratch_setup((void **)&sc);
}

static int
teardown(void **state)
{
	(void)state;
	return scratch_teardown((void **)&sc);
}

/* ---------------------------------------------------------------------- */
/* The tests. */

/* No script, and no hostile text unescaped anywhere. */
static void
test_escaping(void **state)
{
	char	*html = page(NULL);

	(void)state;
	if (contains_nocase(html, "<script"))
		fail_msg("the page holds a <script");
	assert_null(strstr(html, HOSTILE));
	assert_null(strstr(html, "alert(\"x\")"));
	assert_null(strstr(html, "'q'"));
	assert_null(strstr(html, TITLE));
	assert_null(strstr(html, "]]>"));
	assert_null(strstr(html, "<b>"));
	assert_null(strstr(html, "<i>"));
	assert_null(strstr(html, "\x01"));
	assert_null(strstr(html, "\xff"));
	assert_non_null(strstr(html, "Bad" "\xef\xbf\xbd" "byte"
	    "\xef\xbf\xbd"));
	/* the hostile text is there, escaped, in text and in SVG */
	assert_true(count(html, HOSTILE_ESC) >= 10);
	assert_non_null(strstr(html, "<title>" TITLE_ESC "</title>"));
	assert_non_null(strstr(html, "<h1>" TITLE_ESC "</h1>"));
	assert_non_null(strstr(html, "_title\">" TITLE_ESC "</title>"));
	assert_non_null(strstr(html, "Custom description " HOSTILE_ESC
	    "</desc>"));
	assert_non_null(strstr(html, "<p class=\"note\">Percentages of the "
	    "cases where the form was recorded; " HOSTILE_ESC "</p>"));
	assert_non_null(strstr(html, "<p>Figures count detected victims. "
	    HOSTILE_ESC "</p>"));
	assert_non_null(strstr(html, "All sources, 2015-2022 "
	    "&lt;i&gt;&amp;&lt;/i&gt;"));
	free(html);
}

/* The head, the contents, the tables and their links. */
static void
test_structure(void **state)
{
	struct report	*r = build_report();
	char		*html = write_read(r, NULL);

	(void)state;
	assert_int_equal(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">",
	    32), 0);
	assert_non_null(strstr(html, "<meta charset=\"utf-8\">"));
	assert_non_null(strstr(html, "<meta http-equiv=\"Content-Security-"
	    "Policy\" content=\"default-src 'none'; style-src "
	    "'unsafe-inline'; img-src data:"));
	assert_non_null(strstr(html, "@page { size: A4; margin: 18mm; }"));
	assert_non_null(strstr(html, "@media print"));
	assert_non_null(strstr(html, "<time datetime=\"" GENERATED "\">"));
	assert_int_equal(count(html, "</html>"), 1);

	/* the contents link to every section and every table */
	for (int i = 0; i < r->nsections; i++) {
		struct buf	 b = BUF_INIT;

		buf_addf(&b, "<li><a href=\"#%s\">", r->sections[i]->id);
		assert_non_null(strstr(html, b.s));
		assert_int_equal(has_id(html, r->sections[i]->id), 1);
		buf_release(&b);
	}
	for (int i = 0; i < r->ntables; i++) {
		struct buf	 b = BUF_INIT;

		buf_addf(&b, "<figure id=\"t-%s\">", r->tables[i]->id);
		assert_int_equal(count(html, b.s), 1);
		buf_reset(&b);
		buf_addf(&b, "<a href=\"tables/%s.csv\"", r->tables[i]->id);
		assert_int_equal(count(html, b.s), 1);
		buf_reset(&b);
		buf_addf(&b, "<a href=\"#t-%s\">", r->tables[i]->id);
		assert_int_equal(count(html, b.s), 1);
		buf_release(&b);
	}
	assert_int_equal(count(html, "<figure "), r->ntables);
	assert_int_equal(count(html, "<table>"), r->ntables);
	assert_int_equal(count(html, "<caption"), r->ntables);

	/* numbers: separators, percentages, nothing for a zero denominator */
	assert_non_null(strstr(html, "<th scope=\"col\">Form of exploitation"
	    "</th><th scope=\"col\" class=\"num\">Victims</th>"));
	assert_non_null(strstr(html, "<tr><th scope=\"row\">Sexual "
	    "exploitation</th><td class=\"num\">1,234</td><td class=\"num\">"
	    "2,000</td><td class=\"num\">61.7%</td></tr>"));
	assert_non_null(strstr(html, "<td class=\"num\">12.3%</td>"));
	assert_non_null(strstr(html, "<tr><th scope=\"row\">Organ removal"
	    "</th><td class=\"num\">-3</td><td class=\"num\">0</td>"
	    "<td class=\"num\"></td></tr>"));
	assert_non_null(strstr(html, "<tr><th scope=\"row\">Not recorded"
	    "</th><td class=\"num\"></td><td class=\"num\"></td>"
	    "<td class=\"num\"></td></tr>"));
	assert_non_null(strstr(html, "9,223,372,036,854,775,807"));
	/* years are names: no separator */
	assert_non_null(strstr(html, "<th scope=\"row\">2015</th>"));
	assert_null(strstr(html, "2,015"));
	assert_int_equal(count(html, "class=\"empty\">No data.</td>"), 4);
	free(html);
	report_free(r);
}

/*
 * No broken references: every in-page link and every aria-labelledby
 * names one id that is there, and no id is there twice.  Nothing is
 * loaded from anywhere.
 */
static void
test_references(void **state)
{
	char		*html = page(NULL);
	const char	*p;
	int		 ids = 0;

	(void)state;
	for (p = html; (p = strstr(p, " id=\"")) != NULL; p++) {
		char	*id = attr_value(p + 5);

		if (has_id(html, id) != 1)
			fail_msg("id \"%s\" is not unique", id);
		free(id);
		ids++;
	}
	assert_true(ids > 20);
	for (p = html; (p = strstr(p, "href=\"#")) != NULL; p++) {
		char	*id = attr_value(p + 7);

		if (has_id(html, id) != 1)
			fail_msg("a link to a missing id \"%s\"", id);
		free(id);
	}
	for (p = html; (p = strstr(p, "aria-labelledby=\"")) != NULL; p++) {
		char	*v = attr_value(p + 17), *save = NULL;

		for (char *id = strtok_r(v, " ", &save); id != NULL;
		    id = strtok_r(NULL, " ", &save))
			if (has_id(html, id) != 1)
				fail_msg("aria-labelledby names a missing "
				    "id \"%s\"", id);
		free(v);
	}
	/* nothing from elsewhere; the SVG namespace is a name, not a load */
	assert_int_equal(count(html, "http://") + count(html, "https://"),
	    count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
	assert_null(strstr(html, " src="));
	assert_null(strstr(html, "url("));
	assert_null(strstr(html, "@import"));
	assert_null(strstr(html, "@font-face"));
	assert_null(strstr(html, "<img"));
	assert_null(strstr(html, "<iframe"));
	assert_null(strstr(html, "<object"));
	assert_null(strstr(html, "<embed"));
	assert_null(strstr(html, "xlink:href"));
	/* no event handlers */
	for (p = html; (p = strstr(p, " on")) != NULL; p++) {
		const char	*q = p + 3;

		while (*q >= 'a' && *q <= 'z')
			q++;
		if (q > p + 3 && *q == '=')
			fail_msg("an event handler: %.40s", p);
	}
	assert_int_equal(count(html, "<link "), 1);
	assert_non_null(strstr(html, "<link rel=\"icon\" href=\"data:,\">"));
	free(html);
}

/* One accessible SVG per chart, of the right kind, with finite numbers. */
static void
test_charts(void **state)
{
	struct report	*r = build_report();
	char		*html = write_read(r, NULL), **svg;
	int		 n, charts = 0;

	(void)state;
	svg = svgs_of(html, &n);
	for (int i = 0; i < r->ntables; i++) {
		const struct table	*t = r->tables[i];
		struct buf		 want = BUF_INIT;
		const char		*found = NULL;

		if (t->chart == CHART_NONE)
			continue;
		buf_addf(&want, "aria-labelledby=\"chart_%s_title "
		    "chart_%s_desc\"", t->id, t->id);
		for (int k = 0; k < n; k++)
			if (strstr(svg[k], want.s) != NULL) {
				found = svg[k];
				charts++;
			}
		if (found == NULL)
			fail_msg("no chart for table %s", t->id);
		assert_non_null(strstr(found, " role=\"img\""));
		assert_non_null(strstr(found, " viewBox=\"0 0 "));
		buf_reset(&want);
		buf_addf(&want, "><title id=\"chart_%s_title\">", t->id);
		assert_non_null(strstr(found, want.s));
		buf_reset(&want);
		buf_addf(&want, "</title><desc id=\"chart_%s_desc\">", t->id);
		assert_non_null(strstr(found, want.s));
		assert_null(strstr(found, "_desc\"></desc>"));
		assert_finite(found);
		buf_release(&want);
	}
	assert_int_equal(charts, n);
	assert_int_equal(n, 15);
	assert_int_equal(count(html, "class=\"chart chart-bars\""), 5);
	assert_int_equal(count(html, "class=\"chart chart-pyramid\""), 3);
	assert_int_equal(count(html, "class=\"chart chart-heatmap\""), 4);
	assert_int_equal(count(html, "class=\"chart chart-lines\""), 3);
	assert_int_equal(count(html, ">No data</text>"), 4);
	/* the long label is cut for show and whole in its <title> */
	assert_non_null(strstr(html, "<title>" LONG_LABEL "</title>"));
	assert_non_null(strstr(html, ">Forced labour in agriculture, f"
	    ELLIPSIS "</text>"));
	/* values where they fit, and a generated description */
	assert_non_null(strstr(html, ">61.7%</text>"));
	assert_non_null(strstr(html, ">1,234</text>"));
	assert_non_null(strstr(html, "Bar chart of % of recorded by Form of "
	    "exploitation, 5 rows. The largest is Sexual exploitation: "
	    "61.7%.</desc>"));
	assert_non_null(strstr(html, "youngest at the bottom.</desc>"));
	/* the legends name the columns */
	assert_non_null(strstr(html, ">Female</text>"));
	assert_non_null(strstr(html, ">Male</text>"));
	assert_non_null(strstr(html, ">Prosecuted</text>"));
	svgs_free(svg);
	free(html);
	report_free(r);
}

/* svg_chart on its own: nothing for no chart, and the edge cases. */
static void
test_svg_edges(void **state)
{
	static const char *const cols[] = { "Label", "Left", "Right" };
	struct report	*r = report_new("edges");
	struct buf	 b = BUF_INIT;
	struct table	*t;
	struct cell	*c;

	(void)state;
	t = table_new(r, NULL, "none", "No chart", 3, cols);
	c = table_row(r, t);
	cell_text(&c[0], "x");
	buf_adds(&b, "before");
	svg_chart(&b, t);
	assert_string_equal(b.s, "before");

	/* a value column that is not there, or too few columns */
	t->chart = CHART_BARS;
	t->chart_col = 7;
	buf_reset(&b);
	svg_chart(&b, t);
	assert_non_null(strstr(b.s, ">No data</text>"));
	t->chart_col = 0;	/* taken as column 1 */
	buf_reset(&b);
	svg_chart(&b, t);
	assert_null(strstr(b.s, ">No data</text>"));
	t = table_new(r, NULL, "narrow", "One column", 1, cols);
	table_row(r, t);
	/* (the maps, map.c, are drawn by map_chart, not svg_chart) */
	for (int k = CHART_BARS; k < CHART_CHOROPLETH; k++) {
		t->chart = (enum chart_kind)k;
		buf_reset(&b);
		svg_chart(&b, t);
		assert_non_null(strstr(b.s, ">No data</text>"));
		assert_int_equal(strncmp(b.s, "<svg ", 5), 0);
		assert_int_equal(count(b.s, "</svg>"), 1);
	}

	/* every kind over all zeros, negatives, empties and one row */
	t = table_new(r, NULL, "odd", "Odd values", 3, cols);
	c = table_row(r, t);
	cell_text(&c[0], "zero");
	cell_int(&c[1], 0);
	cell_pct(&c[2], 0, 0);
	for (int rows = 1; rows <= 3; rows++) {
		for (int k = CHART_BARS; k < CHART_CHOROPLETH; k++) {
			t->chart = (enum chart_kind)k;
			t->chart_col = 2;
			buf_reset(&b);
			svg_chart(&b, t);
			assert_int_equal(strncmp(b.s, "<svg ", 5), 0);
			assert_int_equal(count(b.s, "</svg>"), 1);
			assert_null(strstr(b.s, ">No data</text>"));
			assert_finite(b.s);
		}
		c = table_row(r, t);
		cell_text(&c[0], rows == 1 ? "negative" : "empty");
		if (rows == 1) {
			cell_int(&c[1], -5);
			cell_pct(&c[2], -1, 3);
		}
	}
	report_free(r);
	buf_release(&b);
}

/* The y of the text that reads label in an SVG. */
static double
text_y(const char *svg, const char *label)
{
	struct buf	 want = BUF_INIT;
	const char	*p, *y;

	buf_addf(&want, ">%s</text>", label);
	p = strstr(svg, want.s);
	if (p == NULL)
		fail_msg("no text %s", want.s);
	for (y = p; y > svg && strncmp(y, " y=\"", 4) != 0; y--)
		continue;
	assert_true(y > svg);
	buf_release(&want);
	return strtod(y + 4, NULL);
}

/*
 * A pyramid puts its youngest band at the bottom whichever way the table
 * lists them; labels without numbers keep the table's order.
 */
static void
test_pyramid_order(void **state)
{
	static const char *const cols[] = { "Age", "Female", "Male" };
	static const char *const up[] = { "0 to 8", "9 to 17", "48 and over" };
	static const char *const down[] = { "48+", "9-17", "0-8" };
	static const char *const words[] = { "first", "second", "third" };
	const char *const	*sets[] = { up, down, words };
	struct report		*r = report_new("pyramids");
	struct buf		 b = BUF_INIT;

	(void)state;
	for (int k = 0; k < 3; k++) {
		struct table	*t = table_new(r, NULL, "p", "P", 3, cols);

		t->chart = CHART_PYRAMID;
		for (int i = 0; i < 3; i++) {
			struct cell	*c = table_row(r, t);

			cell_text(&c[0], sets[k][i]);
			cell_int(&c[1], 10 + i);
			cell_int(&c[2], 20 - i);
		}
		buf_reset(&b);
		svg_chart(&b, t);
		if (k < 2)
			assert_true(text_y(b.s, k == 0 ? "0 to 8" : "0-8") >
			    text_y(b.s, k == 0 ? "48 and over" : "48+"));
		else
			assert_true(text_y(b.s, "first") <
			    text_y(b.s, "third"));
	}
	buf_release(&b);
	report_free(r);
}

/* A 20-row bar chart stays small, and a chart is the same every time. */
static void
test_svg_size(void **state)
{
	static const char *const cols[] = { "Country of exploitation",
	    "Victims" };
	struct report	*r = report_new("size");
	struct buf	 a = BUF_INIT, b = BUF_INIT;
	struct table	*t = table_new(r, NULL, "size", "Twenty rows", 2, cols);

	(void)state;
	t->chart = CHART_BARS;
	t->chart_col = 1;
	for (int i = 0; i < 20; i++) {
		struct cell	*c = table_row(r, t);

		cell_text(&c[0], report_printf(r, "Country number %d with a "
		    "long official name", i));
		cell_int(&c[1], 1234567 * (i + 1));
	}
	svg_chart(&a, t);
	svg_chart(&b, t);
	assert_string_equal(a.s, b.s);
	if (a.len >= 20 * 1024)
		fail_msg("a 20-row bar chart takes %zu bytes", a.len);
	print_message("a 20-row bar chart: %zu bytes\n", a.len);
	assert_int_equal(count(a.s, "<rect "), 20);
	assert_int_equal(count(a.s, ELLIPSIS), 20);
	buf_release(&a);
	buf_release(&b);
	report_free(r);
}

/* Every SVG on the page is well-formed XML, as xmllint reads it. */
static void
test_svg_wellformed(void **state)
{
	char		*html, **svg;
	struct buf	 cmd = BUF_INIT;
	int		 n;

	(void)state;
	if (system("command -v xmllint >/dev/null 2>&1") != 0) {
		print_message("xmllint is not installed (libxml2-utils): "
		    "the SVG is not checked\n");
		skip();
	}
	html = page(NULL);
	svg = svgs_of(html, &n);
	assert_int_equal(n, 15);
	buf_adds(&cmd, "xmllint --noout --nonet");
	for (int k = 0; k < n; k++) {
		char	 path[512];
		FILE	*fp;

		snprintf(path, sizeof(path), "%s/chart%02d.svg", sc->dir, k);
		fp = fopen(path, "w");
		assert_non_null(fp);
		assert_int_equal(fputs(svg[k], fp) >= 0, 1);
		assert_int_equal(fclose(fp), 0);
		buf_addf(&cmd, " %s", path);
	}
	assert_int_equal(system(cmd.s), 0);
	buf_release(&cmd);
	svgs_free(svg);
	free(html);
}

/* The same report gives the same bytes, twice and from scratch. */
static void
test_deterministic(void **state)
{
	struct report	*r = build_report();
	char		*a, *b, *c;
	size_t		 na, nb, nc;

	(void)state;
	a = write_read(r, &na);
	b = write_read(r, &nb);
	report_free(r);
	c = page(&nc);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	assert_int_equal(na, nc);
	assert_memory_equal(a, c, na);
	free(a);
	free(b);
	free(c);
}

/* The world maps: every country drawn with its name, a value on those
 * that have one, the flows between the countries named, the disclaimer. */
static void
test_maps(void **state)
{
	static const char *const mcols[] = { "ISO3", "Country", "Victims" };
	static const char *const fcols[] = { "From", "To", "Victims" };
	struct report	*r = report_new("Maps");
	struct table	*t;
	struct cell	*c;
	struct buf	 b = BUF_INIT;

	(void)state;
	country_init();
	t = table_new(r, NULL, "victims", "Victims by country", 3, mcols);
	t->chart = CHART_CHOROPLETH;
	t->chart_col = 2;
	c = table_row(r, t);
	cell_text(&c[0], "DEU");
	cell_range(&c[2], 1289, 1294);
	c = table_row(r, t);
	cell_text(&c[0], "MLT");	/* a dot on the map */
	cell_int(&c[2], 7);
	c = table_row(r, t);
	cell_text(&c[0], "XKX");
	cell_int(&c[2], 12);
	map_chart(&b, t);
	assert_int_equal(strncmp(b.s, "<svg ", 5), 0);
	assert_int_equal(count(b.s, "</svg>"), 1);
	assert_finite(b.s);
	assert_non_null(strstr(b.s, "<title>Germany: 1,289\xe2\x80\x93"
	    "1,294</title></path>"));
	assert_non_null(strstr(b.s, "<title>Malta: 7</title></circle>"));
	assert_non_null(strstr(b.s, "<title>Kosovo under UNSCR 1244: 12"
	    "</title></path>"));
	assert_non_null(strstr(b.s, "<title>France: no data</title>"));
	/* every shape and dot has its title */
	assert_int_equal(count(b.s, "<path d="), count(b.s, "</title></path>"));
	assert_int_equal(count(b.s, "<circle "), count(b.s,
	    "</title></circle>"));
	assert_true(count(b.s, "<path d=") > 150);
	assert_non_null(strstr(b.s, "do not imply official endorsement or "
	    "acceptance by the United Nations."));

	t = table_new(r, NULL, "flows", "Flows", 3, fcols);
	t->chart = CHART_FLOWMAP;
	t->chart_col = 2;
	c = table_row(r, t);
	cell_text(&c[0], "NGA");
	cell_text(&c[1], "ITA");
	cell_int(&c[2], 400);
	c = table_row(r, t);
	cell_text(&c[0], "ITA");
	cell_text(&c[1], "ITA");
	cell_int(&c[2], 100);
	buf_reset(&b);
	map_chart(&b, t);
	assert_finite(b.s);
	assert_non_null(strstr(b.s, "<title>Nigeria \xe2\x86\x92 Italy: 400"
	    "</title></path>"));
	assert_non_null(strstr(b.s, "<title>within Italy: 100</title>"
	    "</circle>"));
	assert_non_null(strstr(b.s, "<title>Germany</title></path>"));
	buf_release(&b);
	report_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_charts),
		cmocka_unit_test(test_svg_edges),
		cmocka_unit_test(test_maps),
		cmocka_unit_test(test_pyramid_order),
		cmocka_unit_test(test_svg_size),
		cmocka_unit_test(test_svg_wellformed),
		cmocka_unit_test(test_deterministic),
	};

	return cmocka_run_group_tests_name("html", tests, setup, teardown);
}
