/*
 * report.h: a report as the figures of its tables, the builders of
 * palermo's reports, and the writers of every output.
 *
 * The engine's counts and the registers become tables; every output (HTML
 * with SVG charts, CSV, XLSX, JSON) is written from the same tables, so
 * that a figure on screen, in the spreadsheet and in the JSON is the same
 * number.
 *
 * Invariants: a table has ncols >= 1 columns and nrows rows of cells,
 * stored row by row (cells[row * ncols + col]).  Every percentage cell
 * carries its numerator and denominator, and the column before it holds
 * the denominator, so that the report states it next to the percentage.
 * All strings belong to the report's arena (report_strdup) or are
 * constants; report_free frees everything.
 */
#ifndef PALERMO_REPORT_H
#define PALERMO_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "engine/engine.h"
#include "rules/rules.h"

enum cell_kind {
	CELL_EMPTY,
	CELL_TEXT,	/* text */
	CELL_INT,	/* a count: n */
	CELL_PCT,	/* n of d, shown as a percentage; empty when d == 0 */
	CELL_RANGE,	/* a count known to lie from n to d, as "212–224" */
	CELL_MONEY,	/* n US cents, as "1,234.56": exact, never a float */
	CELL_YEAR,	/* the year n: a name, never with a separator */
	CELL_RATE,	/* n to e per 100,000 of a population d, as "0.41" or
			 * "0.41–0.45" (rate_format) */
};

struct cell {
	enum cell_kind	 kind;
	const char	*text;
	int64_t		 n, d, e;
	/* the figure is marked: the row's note (its last column) says why */
	int		 mark;
};

enum chart_kind {
	CHART_NONE,
	CHART_BARS,	/* horizontal bars: column 0 labels, column chart_col values */
	CHART_PYRAMID,	/* column 0 age bands; columns 1 and 2 two sexes */
	CHART_HEATMAP,	/* column 0 row labels; columns 1.. values */
	CHART_LINES,	/* column 0 years; columns 1.. series */
	CHART_STACKED,	/* column 0 labels; columns 1.. parts of 100% */
	CHART_CHOROPLETH, /* a world map: column 0 ISO alpha-3, column
			 * chart_col the value shaded (map.c) */
	CHART_FLOWMAP,	/* a world map: columns 0 and 1 ISO alpha-3 from and
			 * to, column chart_col the size of the flow */
	CHART__MAX
};

struct table {
	const char	*id;		/* file stem: [a-z0-9_]+, unique */
	const char	*title;
	const char	*note;		/* how to read it; may be NULL */
	int		 ncols;
	const char	**cols;		/* column headers */
	int		 nrows;
	struct cell	*cells;
	enum chart_kind	 chart;
	int		 chart_col;	/* CHART_BARS, maps: the value column */
	int		 chart_last;	/* the last column a chart of series
					 * draws (0: every one) */
	const char	*chart_desc;	/* for screen readers */
	/* the years the table covers (0: not a table of years), which its
	 * title states and its JSON gives */
	int		 y0, y1;
	/* Column total.col of every row is the sum of its columns
	 * total.first to total.last (table_total); total.col 0: none. */
	struct {
		int	 col, first, last;
	} total;
};

struct section {
	const char	*id;		/* anchor: [a-z0-9-]+ */
	const char	*title;
	const char	**paras;	/* plain text paragraphs, escaped on output */
	int		 nparas;
	struct table	**tables;
	int		 ntables;
};

struct report {
	const char	*title;
	const char	*subtitle;	/* filters, period */
	const char	*generated;	/* ISO time */
	struct section	**sections;
	int		 nsections;
	struct table	**tables;	/* every table, in order */
	int		 ntables;
	char		*json_meta;	/* filters and submissions, as JSON */
	const char	*sample;	/* what says the data is generated */
	struct arena	 arena;		/* everything above is allocated here */
};

/* ---------------------------------------------------------------------- */
/* report.c: building reports. */
struct report *report_new(const char *title);
/* Whether the store holds data palermo sample generated: then the
 * title of r, every section (its first paragraph) and every table's
 * title say so.  Call it when r is built; 0 or -1. */
int	 report_samples(struct report *, struct store *);
void	 report_free(struct report *);
char	*report_strdup(struct report *, const char *);
char	*report_printf(struct report *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
struct section *report_section(struct report *, const char *id,
	    const char *title);
void	 section_para(struct report *, struct section *, const char *text);
/* A new table of ncols columns with these headers, added to section. */
struct table *table_new(struct report *, struct section *, const char *id,
	    const char *title, int ncols, const char *const *cols);
/* Mark column col, in every row, as the sum of columns first to last,
 * so that whatever changes a part (a privacy rule) can keep the total
 * true, and report_check can see that it is. */
void	 table_total(struct table *, int col, int first, int last);
/* 0 when every marked total of every table is the sum of its parts (a
 * range the sum of the ranges); else -1, said, naming the table and row. */
int	 report_check(const struct report *);
/* Append a row; returns its cells, all CELL_EMPTY, to be filled. */
struct cell *table_row(struct report *, struct table *);
void	 cell_text(struct cell *, const char *);
void	 cell_int(struct cell *, int64_t);
void	 cell_pct(struct cell *, int64_t n, int64_t d);
/* A count from lo to hi: CELL_INT when they are equal. */
void	 cell_range(struct cell *, int64_t lo, int64_t hi);
void	 cell_money(struct cell *, int64_t cents);
void	 cell_year(struct cell *, int year);
/* lo to hi per 100,000 of pop; empty when pop is not positive. */
void	 cell_rate(struct cell *, int64_t lo, int64_t hi, int64_t pop);
/* "2020–2022", or "2022" for one year, in the report's arena. */
const char *report_years(struct report *, int y0, int y1);
/* The text of a cell, "" when it has none. */
const char *cell_str(const struct cell *);
/* The report's meta (figures.json): key: value when key is not NULL,
 * "kind": kind, and "year": year when it is not 0. */
void	 report_meta(struct report *, const char *kind, const char *key,
	    const char *value, int year);

/* ---------------------------------------------------------------------- */
/* The writers. */

/* html.c: the whole report as one self-contained HTML page, into b. */
void	 report_html(const struct report *, struct buf *);
/* svg.c: one chart as an SVG element, appended to b (escaped). */
void	 svg_chart(struct buf *, const struct table *);
/* map.c: a table's world map (CHART_CHOROPLETH, CHART_FLOWMAP) as one SVG
 * element, appended to b. */
void	 map_chart(struct buf *, const struct table *);
/* csv.c: a table as CSV into b; every table, each after a line
 * "# ID: TITLE" (a blank line between them), into b. */
void	 report_csv(const struct table *, struct buf *);
void	 report_csv_all(const struct report *, struct buf *);
/* workbook.c: the report as an XLSX workbook, appended to b; 0, or -1
 * after a message that names path (where it is going). */
int	 report_xlsx(const struct report *, const char *path, struct buf *);
/* json.c: the report as a JSON document, appended to b; 0, or -1 after a
 * message that names path. */
int	 report_json(const struct report *, const char *path, struct buf *);
/* crosstab.c: the rows of crosstab (engine.h) counting by the fields by,
 * of total cases, appended to b: as text with a line "all" at the foot,
 * as CSV with the percentage of all cases, or as JSON. */
enum crosstab_format { XT_TEXT, XT_CSV, XT_JSON, XT__MAX };
extern const char *const crosstab_format_names[XT__MAX];
void	 crosstab_put(struct buf *, enum crosstab_format, const int *by,
	    int nby, const struct crosstab_row *, size_t n, size_t total);
/* The rows of official_crosstab (engine.h), by the fields by and the
 * regions of g: as text, a value as "212–224" and its countries; as CSV
 * with low, high, countries and how many totals were replaced; or as
 * JSON. */
void	 official_crosstab_put(struct buf *, enum crosstab_format,
	    const struct grouping *, const int *by, int nby,
	    const struct orow *, size_t n);
/* write.c: index.html, tables/ID.csv, tables.xlsx and figures.json in
 * the folder dir (made when missing; its parent must exist); 0 or -1
 * (said).  Nothing is written through a symbolic link, and nothing at
 * all when report_check fails. */
int	 report_write(const struct report *, const char *dir);

/* ---------------------------------------------------------------------- */
/* The reports. */

/* global.c: the Global Report on the cases that pass the filter (how
 * many in *ncases), with the official statistics' sections by the regions
 * of the grouping; NULL after an error (said). */
struct report *report_global(struct store *, const struct filter *,
	    const struct grouping *, size_t *ncases);

/* official.c: official statistics as tables. */
/* The profile of the country with this index; NULL after an error. */
struct report *country_report(struct store *, int country);
/* profile.c: the registers' sections of a country profile (a country
 * index), on the date as_of; 0 or -1. */
int	 country_registers(struct report *, struct store *, int country,
	    const char *as_of);
/* official_world.c: add the official-statistics sections to the Global
 * Report, over the values that pass the filter, by the regions of the
 * grouping; 0 or -1 (said). */
int	 global_stats_sections(struct report *, struct store *,
	    const struct filter *, const struct grouping *);

/* coord.c: the appraisal of the Global Plan of Action in an appraisal
 * year (plan_appraisal_check). */
struct report *appraisal_report(struct store *, int year);
/* The Secretary-General's report on a year. */
struct report *sg_report(struct store *, int year);

/* fund.c: the Trust Fund's report on a year, and its section of
 * the Secretary-General's report (0 or -1). */
struct report *fund_report(struct store *, int year);
int	 fund_sg_section(struct report *, struct section *, struct store *,
	    int year);

#endif
