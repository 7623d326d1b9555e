/*
 * report_int.h: what the files of src/report/ share, and only they: the
 * frame every chart is drawn in, and text set in a chart, which svg.c
 * draws and map.c uses too; the table of submissions; and what the
 * builders of official statistics share.
 */
#ifndef PALERMO_REPORT_INT_H
#define PALERMO_REPORT_INT_H

#include "report/report.h"

/* A chart's <svg> element around body, w by h units: it names itself by
 * the table's title and by desc, for screen readers, with ids in the
 * page's id space (chart_ID_title, chart_ID_desc). */
void	 svg_wrap(struct buf *out, const struct table *, const char *kind,
	    double w, double h, const char *desc, const struct buf *body);
/* A text at (x, y), escaped, cut to max characters (0: not cut) with the
 * whole in a <title>; anchor and fill are constants, NULL for defaults. */
void	 svg_text_at(struct buf *, double x, double y, const char *anchor,
	    const char *fill, const char *s, size_t max);

/* report.c: a table of the submissions of a kind ("cases"; NULL: all),
 * their provenance, the column of their rows named rows. */
void	 submissions_table(struct report *, struct section *, const char *id,
	    const char *title, const char *rows, const char *kind,
	    const struct submission *, size_t n);

/*
 * official.c: what the country profile and the official sections of the
 * Global Report (official_world.c) share.
 */
#define OFFICIAL_FLOW_MIN	5	/* victims in a year, for a flow */
#define OFFICIAL_TOP_FLOWS	20

const char *official_country_name(int idx);
/* Why a total was replaced, and by what, in the report's arena. */
const char *official_why(struct report *, const struct ototal *);
/* A total as published, marked when the figures use another value. */
void	 official_cell(struct cell *, const struct ototal *);
/* Add a note to a row's note cell, "; " between notes. */
void	 official_note(struct report *, struct cell *, const char *);
/* A table of the years y0 to y1 drawn as a map of that kind, its value
 * in column col. */
void	 official_map(struct table *, enum chart_kind, int col, int y0,
	    int y1);
/* Whether a value is a flow: detected victims by citizenship, both
 * countries known, at least OFFICIAL_FLOW_MIN in its year. */
int	 official_flow(const struct oval *);

/* One country, form and year's detected victims split by sex and age
 * together: women, men, girls, boys (has: a bit for each given). */
struct oprofile {
	int16_t		 c, year;
	uint8_t		 form, has;
	int64_t		 lo[4], hi[4];
};
/* The profiles that give all four, into *out (the caller frees it);
 * returns how many, first in *out, by country, form and year. */
size_t	 official_profiles(const struct official *, struct oprofile **out);
/* A table of profiles: head, the four, the countries they come from. */
struct table *official_profile_table(struct report *, struct section *,
	    const char *id, const char *title, const char *head);
void	 official_profile_row(struct cell *row, const struct oprofile *sum,
	    int countries);
/* The methods of official statistics: the rules as they applied, the
 * totals replaced (of country index only, or -1 for all), and the
 * submissions; id prefixes the tables' ids. */
void	 official_methods(struct report *, struct section *,
	    const struct official *, const char *id, int only);

#endif
