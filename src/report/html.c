/*
 * html.c: a report as one self-contained HTML page (see report.h).
 *
 * The page holds everything it shows: the style sheet is inline, the
 * charts are inline SVG (svg.c), and it loads nothing, runs nothing and
 * says so in a Content-Security-Policy, so that it can be mailed, archived
 * or opened from a USB stick and look the same.  It reads on a screen of
 * any width (a chart beside its table when there is room, above it when
 * not) and prints on A4 without ink spent on backgrounds.
 *
 * Text from the report reaches the page through xml_escape only;
 * everything else written is a constant or a number.  The page depends on
 * nothing but the report, so the same report always gives the same bytes.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

#define CELL(t, r, c) \
	(&(t)->cells[(size_t)(r) * (size_t)(t)->ncols + (size_t)(c)])

/*
 * The policy forbids scripts and every load from elsewhere.  The icon is
 * an empty data: URL so that no browser goes looking for /favicon.ico.
 */
static const char head_start[] =
	"<!DOCTYPE html>\n"
	"<html lang=\"en\">\n"
	"<head>\n"
	"<meta charset=\"utf-8\">\n"
	"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
	"'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
	"form-action 'none'\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, "
	"initial-scale=1\">\n"
	"<meta name=\"generator\" content=\"palermo " PALERMO_VERSION "\">\n"
	"<link rel=\"icon\" href=\"data:,\">\n";

static const char style[] =
	"<style>\n"
	":root { color-scheme: light; }\n"
	"*, *::before, *::after { box-sizing: border-box; }\n"
	"html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }\n"
	"body { margin: 0 auto; max-width: 76rem; padding: 1.5rem 1.25rem 3rem;"
	" font: 16px/1.5 system-ui, -apple-system, \"Segoe UI\", Roboto,"
	" \"Helvetica Neue\", Arial, sans-serif; color: #1b1b1b;"
	" background: #fff; }\n"
	"header { border-bottom: 3px solid #0072b2; padding-bottom: .75rem;"
	" margin-bottom: 1.5rem; }\n"
	"h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; }\n"
	"h2 { font-size: 1.4rem; line-height: 1.25; margin: 2.5rem 0 .75rem;"
	" padding-top: .75rem; border-top: 1px solid #ccc; }\n"
	"p { max-width: 48rem; }\n"
	".subtitle { font-size: 1.1rem; color: #333; margin: 0 0 .25rem; }\n"
	".generated { font-size: .9rem; color: #555; margin: 0; }\n"
	"a { color: #0b5cad; }\n"
	"a:focus-visible { outline: 2px solid #0b5cad; outline-offset: 2px; }\n"
	".toc { background: #f3f5f7; border-radius: 4px;"
	" padding: .75rem 1.25rem; }\n"
	".toc h2 { font-size: 1.1rem; margin: 0 0 .4rem; padding: 0;"
	" border: 0; }\n"
	".toc ol { margin: 0; padding-left: 1.4rem; }\n"
	".toc ol ol { list-style: none; padding-left: .9rem;"
	" font-size: .92rem; }\n"
	"figure { margin: 1.75rem 0 2.5rem; }\n"
	"figcaption { font-weight: 600; font-size: 1.05rem; line-height: 1.3;"
	" margin-bottom: .6rem; }\n"
	".chart { margin-bottom: 1rem; min-width: 0; }\n"
	".chart svg { display: block; width: 100%; height: auto;"
	" max-width: 46rem; }\n"
	".chart svg.chart-choropleth, .chart svg.chart-flowmap {"
	" max-width: 64rem; }\n"
	"@media (min-width: 70rem) {\n"
	" .fig-body.beside { display: grid;"
	" grid-template-columns: minmax(0, 1fr) fit-content(45%); gap: 2rem;"
	" align-items: start; }\n"
	" .fig-body.beside .data > p { width: 0; min-width: 100%; }\n"
	"}\n"
	".data { overflow-x: auto; }\n"
	"table { border-collapse: collapse; font-size: .9rem;"
	" font-variant-numeric: tabular-nums; }\n"
	"th, td { padding: .3rem .65rem; border-bottom: 1px solid #ddd;"
	" text-align: left; vertical-align: top; }\n"
	"thead th { border-bottom: 2px solid #555; font-weight: 600;"
	" vertical-align: bottom; }\n"
	"tbody th { font-weight: normal; }\n"
	"tbody tr:nth-child(even) { background: #f6f8fa; }\n"
	".num { text-align: right; }\n"
	"td.num { white-space: nowrap; }\n"
	".empty { color: #555; font-style: italic; }\n"
	".mark { font-weight: 600; padding-left: .1em; }\n"
	".note { font-size: .88rem; color: #444; margin: .6rem 0 0; }\n"
	".csv { font-size: .88rem; margin: .3rem 0 0; }\n"
	".visually-hidden { position: absolute; width: 1px; height: 1px;"
	" margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0);"
	" white-space: nowrap; border: 0; }\n"
	"@page { size: A4; margin: 18mm; }\n"
	"@media print {\n"
	" body { max-width: none; padding: 0; font-size: 10pt; color: #000; }\n"
	" header { border-bottom: 1.5pt solid #000; }\n"
	" h2 { break-after: avoid; page-break-after: avoid; }\n"
	" .toc { background: none; border: 0; padding: 0; }\n"
	" a { color: #000; text-decoration: none; }\n"
	" figure { margin: 6mm 0 8mm; }\n"
	" figcaption { break-after: avoid; page-break-after: avoid; }\n"
	" .fig-body.beside { display: block; }\n"
	" .chart { break-inside: avoid; page-break-inside: avoid; }\n"
	" .chart svg { max-width: 150mm; }\n"
	" .data { overflow: visible; }\n"
	" table { width: 100%; font-size: 8.5pt; break-inside: avoid;"
	" page-break-inside: avoid; }\n"
	" thead { display: table-header-group; }\n"
	" tr { break-inside: avoid; page-break-inside: avoid; }\n"
	" th, td { padding: 1mm 2mm; border-bottom: .5pt solid #999; }\n"
	" tbody tr:nth-child(even) { background: none; }\n"
	" th:not(.num), td:not(.num) { overflow-wrap: anywhere; }\n"
	" .note, .csv { font-size: 8.5pt; color: #000; break-before: avoid;"
	" page-break-before: avoid; }\n"
	"}\n"
	"</style>\n";

/* Whether column col holds numbers, to be set right-aligned. */
static int
column_numeric(const struct table *t, int col)
{
	int	 num = 0;

	for (int i = 0; i < t->nrows; i++)
		switch (CELL(t, i, col)->kind) {
		case CELL_TEXT:
			return 0;
		case CELL_INT:
		case CELL_PCT:
		case CELL_RANGE:
		case CELL_MONEY:
		case CELL_YEAR:
		case CELL_RATE:
			num = 1;
			break;
		default:
			break;
		}
	return num;
}

/*
 * One cell's text: counts as "1,234", percentages as "12.3%" (nothing
 * when the denominator is 0), years as names, without a thousands
 * separator.  A marked figure carries a dagger that its row's note
 * explains.
 */
static void
cell_put(struct buf *b, const struct cell *c)
{
	char	 s[32];

	switch (c->kind) {
	case CELL_TEXT:
		xml_escape(b, c->text, 0);
		break;
	case CELL_YEAR:
		buf_addf(b, "%" PRId64, c->n);
		break;
	case CELL_RATE: {
		char	 r[64];

		rate_format(c->n, c->e, c->d, r);
		buf_adds(b, r);
		break;
	}
	case CELL_INT:
		int_format(c->n, s);
		buf_adds(b, s);
		break;
	case CELL_PCT:
		pct_format(c->n, c->d, s);
		if (s[0] != '\0')
			buf_addf(b, "%s%%", s);
		break;
	case CELL_RANGE: {
		char	 r[64];

		range_format(c->n, c->d, r);
		buf_adds(b, r);
		break;
	}
	case CELL_MONEY: {
		char	 m[40];

		money_text(c->n, m);
		buf_adds(b, m);
		break;
	}
	default:
		break;
	}
	if (c->mark)
		buf_adds(b, "<span class=\"mark\" title=\"see the note of "
		    "this row\">\xe2\x80\xa0</span><span "
		    "class=\"visually-hidden\"> (see the note)</span>");
}

/*
 * The width a text asks for, in characters: its longest word, which
 * cannot wrap, or the whole text up to wrap, whichever is more.
 */
static size_t
text_width(const char *s, size_t wrap)
{
	size_t	 len, word = 0, run = 0;

	if (s == NULL)
		return 0;
	len = strlen(s);
	for (const char *p = s; *p != '\0'; p++) {
		run = *p == ' ' ? 0 : run + 1;
		if (run > word)
			word = run;
	}
	return len < wrap ? len : word > wrap ? word : wrap;
}

/*
 * Whether a table is narrow enough to stand beside its chart on a wide
 * screen: five columns at most, and a width guessed in characters (each
 * column as wide as its widest cell, a text wrapping at 24, and room for
 * padding) that fits half the page.  A wider table goes under its chart,
 * where it has the page's width and wraps less.
 */
static int
table_narrow(const struct table *t)
{
	size_t	 width = 0, w, cw;
	char	 s[32];

	if (t->ncols > 5)
		return 0;
	for (int j = 0; j < t->ncols; j++) {
		w = text_width(t->cols[j], 0);
		for (int i = 0; i < t->nrows; i++) {
			const struct cell	*c = CELL(t, i, j);

			cw = 0;
			if (c->kind == CELL_TEXT)
				cw = text_width(c->text, 24);
			else if (c->kind == CELL_INT) {
				int_format(c->n, s);
				cw = strlen(s);
			} else if (c->kind == CELL_PCT) {
				pct_format(c->n, c->d, s);
				cw = strlen(s) + 1;
			} else if (c->kind == CELL_RANGE) {
				char	 r[64];

				range_format(c->n, c->d, r);
				cw = strlen(r) - 2;
			} else if (c->kind == CELL_MONEY) {
				char	 m[40];

				money_text(c->n, m);
				cw = strlen(m);
			} else if (c->kind == CELL_YEAR)
				cw = 4;
			else if (c->kind == CELL_RATE)
				cw = 10;
			if (cw > w)
				w = cw;
		}
		width += w + 3;
	}
	return width <= 64;
}

/* The table itself: headers, then rows, column 0 heading each row. */
static void
table_put(struct buf *b, const struct table *t)
{
	int	*num = xcalloc((size_t)t->ncols, sizeof(*num));

	for (int j = 1; j < t->ncols; j++)
		num[j] = column_numeric(t, j);
	buf_adds(b, "<table>\n<caption class=\"visually-hidden\">");
	xml_escape(b, t->title, 0);
	buf_adds(b, "</caption>\n<thead>\n<tr>");
	for (int j = 0; j < t->ncols; j++) {
		buf_adds(b, num[j] ? "<th scope=\"col\" class=\"num\">" :
		    "<th scope=\"col\">");
		xml_escape(b, t->cols[j], 0);
		buf_adds(b, "</th>");
	}
	buf_adds(b, "</tr>\n</thead>\n<tbody>\n");
	if (t->nrows == 0)
		buf_addf(b, "<tr><td colspan=\"%d\" class=\"empty\">No data."
		    "</td></tr>\n", t->ncols);
	for (int i = 0; i < t->nrows; i++) {
		buf_adds(b, "<tr>");
		for (int j = 0; j < t->ncols; j++) {
			if (j == 0)
				buf_adds(b, "<th scope=\"row\">");
			else
				buf_adds(b, num[j] ? "<td class=\"num\">" :
				    "<td>");
			cell_put(b, CELL(t, i, j));
			buf_adds(b, j == 0 ? "</th>" : "</td>");
		}
		buf_adds(b, "</tr>\n");
	}
	buf_adds(b, "</tbody>\n</table>\n");
	free(num);
}

/*
 * One table as a figure: its title, its chart beside or above the table,
 * its note and a link to its CSV file, which report_write puts in
 * tables/ next to the page.
 */
static void
figure_put(struct buf *b, const struct table *t)
{
	int	 chart = t->chart > CHART_NONE && t->chart < CHART__MAX;
	int	 beside = chart && table_narrow(t);

	buf_adds(b, "<figure id=\"t-");
	xml_escape(b, t->id, 0);
	buf_adds(b, "\">\n<figcaption>");
	xml_escape(b, t->title, 0);
	buf_addf(b, "</figcaption>\n<div class=\"fig-body%s\">\n",
	    beside ? " beside" : "");
	if (chart) {
		buf_adds(b, "<div class=\"chart\">");
		if (t->chart == CHART_CHOROPLETH || t->chart == CHART_FLOWMAP)
			map_chart(b, t);
		else
			svg_chart(b, t);
		buf_adds(b, "</div>\n");
	}
	buf_adds(b, "<div class=\"data\">\n");
	table_put(b, t);
	if (t->note != NULL && t->note[0] != '\0') {
		buf_adds(b, "<p class=\"note\">");
		xml_escape(b, t->note, 0);
		buf_adds(b, "</p>\n");
	}
	buf_adds(b, "<p class=\"csv\">Data: <a href=\"tables/");
	xml_escape(b, t->id, 0);
	buf_adds(b, ".csv\" type=\"text/csv\">tables/");
	xml_escape(b, t->id, 0);
	buf_adds(b, ".csv</a></p>\n</div>\n</div>\n</figure>\n");
}

/*
 * The contents: each section, and under it each of its tables.  The
 * heading's id holds an underscore, which section ids ([a-z0-9-]) never
 * do, and figure ids begin "t-", so no two ids on the page can clash.
 */
static void
contents_put(struct buf *b, const struct report *r)
{
	if (r->nsections == 0)
		return;
	buf_adds(b, "<nav class=\"toc\" aria-labelledby=\"toc_title\">\n"
	    "<h2 id=\"toc_title\">Contents</h2>\n<ol>\n");
	for (int i = 0; i < r->nsections; i++) {
		const struct section	*s = r->sections[i];

		buf_adds(b, "<li><a href=\"#");
		xml_escape(b, s->id, 0);
		buf_adds(b, "\">");
		xml_escape(b, s->title, 0);
		buf_adds(b, "</a>");
		if (s->ntables > 0) {
			buf_adds(b, "\n<ol>\n");
			for (int j = 0; j < s->ntables; j++) {
				buf_adds(b, "<li><a href=\"#t-");
				xml_escape(b, s->tables[j]->id, 0);
				buf_adds(b, "\">");
				xml_escape(b, s->tables[j]->title, 0);
				buf_adds(b, "</a></li>\n");
			}
			buf_adds(b, "</ol>\n");
		}
		buf_adds(b, "</li>\n");
	}
	buf_adds(b, "</ol>\n</nav>\n");
}

static void
section_put(struct buf *b, const struct section *s)
{
	buf_adds(b, "<section id=\"");
	xml_escape(b, s->id, 0);
	buf_adds(b, "\">\n<h2>");
	xml_escape(b, s->title, 0);
	buf_adds(b, "</h2>\n");
	for (int i = 0; i < s->nparas; i++) {
		buf_adds(b, "<p>");
		xml_escape(b, s->paras[i], 0);
		buf_adds(b, "</p>\n");
	}
	for (int i = 0; i < s->ntables; i++)
		figure_put(b, s->tables[i]);
	buf_adds(b, "</section>\n");
}

void
report_html(const struct report *r, struct buf *b)
{
	buf_adds(b, head_start);
	buf_adds(b, "<title>");
	xml_escape(b, r->title, 0);
	buf_adds(b, "</title>\n");
	buf_adds(b, style);
	buf_adds(b, "</head>\n<body>\n<header>\n<h1>");
	xml_escape(b, r->title, 0);
	buf_adds(b, "</h1>\n");
	if (r->subtitle != NULL && r->subtitle[0] != '\0') {
		buf_adds(b, "<p class=\"subtitle\">");
		xml_escape(b, r->subtitle, 0);
		buf_adds(b, "</p>\n");
	}
	if (r->generated != NULL && r->generated[0] != '\0') {
		buf_adds(b, "<p class=\"generated\">Generated <time "
		    "datetime=\"");
		xml_escape(b, r->generated, 0);
		buf_adds(b, "\">");
		xml_escape(b, r->generated, 0);
		buf_adds(b, "</time></p>\n");
	}
	buf_adds(b, "</header>\n");
	contents_put(b, r);
	buf_adds(b, "<main>\n");
	for (int i = 0; i < r->nsections; i++)
		section_put(b, r->sections[i]);
	buf_adds(b, "</main>\n</body>\n</html>\n");
}
