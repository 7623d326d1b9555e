/*
 * report_int.h: what the writers of src/report/ share, and only they: the
 * frame every chart is drawn in, and text set in a chart, which svg.c
 * draws and map.c uses too.
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

#endif
