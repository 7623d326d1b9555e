/*
 * svg.c: a table's chart as one inline SVG element (see report.h).
 *
 * Every chart is drawn in a viewBox SVG_W units wide, so that it scales
 * with the width of the page and prints at any size.  Axes carry tick
 * labels and a title; values are written next to their marks where they
 * fit.  Colours come from the Okabe-Ito palette, which people with the
 * common forms of colour blindness tell apart, and a line chart also tells
 * its series apart by the shape of their markers, so that a grey print
 * still reads.
 *
 * Text from the table reaches the output through xml_escape only; everything
 * else written is a constant or a number.  Nothing depends on the time or
 * on addresses, so the same table always gives the same bytes.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_int.h"

#define SVG_W		640	/* width of the viewBox, unless a heat map needs more */
#define CHAR_W		6.6	/* a generous mean advance of a letter at size 12 */
#define DIGIT_W		6.2	/* the advance of a digit at size 11 */
#define LABEL_MAX	32	/* characters of a label shown before an ellipsis */
#define ROW_H		22	/* one bar of a bar chart or a pyramid */
#define BAR_H		14
#define INK		"#222"
#define INK_SOFT	"#555"
#define GRID		"#ddd"
#define AXIS		"#767676"

#define CELL(t, r, c) \
	(&(t)->cells[(size_t)(r) * (size_t)(t)->ncols + (size_t)(c)])

/*
 * Okabe and Ito's palette, each colour with the ink that reads on it.  The
 * yellow is last: as a thin line on white it is the hardest to see.
 */
static const struct colour {
	const char	*fill;
	const char	*ink;
} palette[] = {
	{ "#0072B2", "#fff" },	/* blue */
	{ "#E69F00", "#000" },	/* orange */
	{ "#009E73", "#000" },	/* bluish green */
	{ "#D55E00", "#000" },	/* vermilion */
	{ "#CC79A7", "#000" },	/* reddish purple */
	{ "#56B4E9", "#000" },	/* sky blue */
	{ "#000000", "#fff" },	/* black */
	{ "#F0E442", "#000" },	/* yellow */
};
#define NPALETTE	(sizeof(palette) / sizeof(palette[0]))

/* One chart being drawn. */
struct chart {
	const struct table	*t;
	struct buf		*b;	/* the elements inside <svg> */
	struct buf		 desc;	/* a generated description, plain text */
	double			 w, h;	/* the size of the viewBox */
};

static void	draw_bars(struct chart *);
static void	draw_pyramid(struct chart *);
static void	draw_heatmap(struct chart *);
static void	draw_lines(struct chart *);
static void	draw_stacked(struct chart *);

/* What each kind of chart needs, and who draws it. */
static const struct chart_def {
	const char	*name;		/* for the class and the description */
	const char	*what;		/* for people */
	int		 min_cols;
	void		(*draw)(struct chart *);
} chart_defs[CHART__MAX] = {
	[CHART_BARS] = { "bars", "Bar chart", 2, draw_bars },
	[CHART_PYRAMID] = { "pyramid", "Population pyramid", 3, draw_pyramid },
	[CHART_HEATMAP] = { "heatmap", "Heat map", 2, draw_heatmap },
	[CHART_LINES] = { "lines", "Line chart", 2, draw_lines },
	[CHART_STACKED] = { "stacked", "Stacked bar chart", 2, draw_stacked },
};

/*
 * A text at (x, y), cut to max characters (0: not cut).  A cut text keeps
 * its whole in a <title> child, which a browser shows on hover.  anchor
 * and fill are constants, NULL for the defaults.
 */
static void
text_at(struct buf *b, double x, double y, const char *anchor,
    const char *fill, const char *s, size_t max)
{
	buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\"", x, y);
	if (anchor != NULL)
		buf_addf(b, " text-anchor=\"%s\"", anchor);
	if (fill != NULL)
		buf_addf(b, " fill=\"%s\"", fill);
	buf_addc(b, '>');
	if (s != NULL && max > 0 && utf8_count(s) > max) {
		buf_adds(b, "<title>");
		xml_escape(b, s, 0);
		buf_adds(b, "</title>");
	}
	xml_escape(b, s, max);
	buf_adds(b, "</text>");
}

static void
line_at(struct buf *b, double x1, double y1, double x2, double y2,
    const char *stroke)
{
	buf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
	    "stroke=\"%s\"/>", x1, y1, x2, y2, stroke);
}

static void
rect_at(struct buf *b, double x, double y, double w, double h,
    const char *fill)
{
	buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
	    "height=\"%.1f\" fill=\"%s\"/>", x, y, w, h, fill);
}

static double
clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The characters a label may show in a space w units wide, at least 4. */
static size_t
fit_chars(double w)
{
	double	 n = w / CHAR_W;

	return n < 4 ? 4 : (size_t)n;
}

/* Whether a cell holds a value: a count, or a percentage of a d > 0. */
static int
has_value(const struct cell *c)
{
	return c->kind == CELL_INT || c->kind == CELL_RANGE ||
	    c->kind == CELL_MONEY || c->kind == CELL_RATE ||
	    (c->kind == CELL_PCT && c->d > 0);
}

/*
 * The value a cell stands for in a chart: a count as it is, a percentage
 * in per cent.  Empty, text and negative values count as 0.
 */
static double
cell_value(const struct cell *c)
{
	double	 v = 0;

	if (c->kind == CELL_INT)
		v = (double)c->n;
	else if (c->kind == CELL_MONEY)		/* a bar's length only */
		v = (double)c->n / 100;
	else if (c->kind == CELL_RANGE)		/* the middle of the range */
		v = ((double)c->n + (double)c->d) / 2;
	else if (c->kind == CELL_PCT && c->d > 0)
		v = (double)c->n * 100.0 / (double)c->d;
	else if (c->kind == CELL_RATE && c->d > 0)	/* the middle */
		v = ((double)c->n + (double)c->e) / 2 * 100000.0 /
		    (double)c->d;
	return v > 0 ? v : 0;
}

/* A cell's value as the table shows it, "1,234" or "12.3%"; "" if none. */
static void
value_label(const struct cell *c, char out[40])
{
	char	 s[32];

	out[0] = '\0';
	if (c->kind == CELL_INT) {
		int_format(c->n, s);
		snprintf(out, 40, "%s", s);
	} else if (c->kind == CELL_PCT) {
		pct_format(c->n, c->d, s);
		if (s[0] != '\0')
			snprintf(out, 40, "%s%%", s);
	} else if (c->kind == CELL_RANGE) {
		char	 r[64];

		range_format(c->n, c->d, r);
		snprintf(out, 40, "%.39s", r);
	} else if (c->kind == CELL_MONEY)
		money_text(c->n, out);
	else if (c->kind == CELL_RATE) {
		char	 r[64];

		rate_format(c->n, c->e, c->d, r);
		snprintf(out, 40, "%.39s", r);
	} else if (c->kind == CELL_YEAR)
		snprintf(out, 40, "%" PRId64, c->n);
}

/*
 * The text of a label cell: its text, or its number.  A year is a name,
 * not a count, and prints without a thousands separator.  tmp holds a
 * number's text.
 */
static const char *
label_text(const struct cell *c, int year, char tmp[40])
{
	if (c->kind == CELL_TEXT)
		return c->text != NULL ? c->text : "";
	if ((c->kind == CELL_INT && year) || c->kind == CELL_YEAR) {
		snprintf(tmp, 40, "%" PRId64, c->n);
		return tmp;
	}
	value_label(c, tmp);
	return tmp;
}

/* How many columns after column 0 a chart of series draws. */
static int
series(const struct table *t)
{
	return t->chart_last >= 1 && t->chart_last < t->ncols ?
	    t->chart_last : t->ncols - 1;
}

static const char *
header(const struct table *t, int col)
{
	return t->cols[col] != NULL ? t->cols[col] : "";
}

/*
 * The widest of the labels in column 0, in characters, at most cap.  With
 * head, the column's header counts too, a tenth wider for its bold.
 */
static size_t
labels_width(const struct table *t, int year, int head, size_t cap)
{
	size_t	 w = 0, n;
	char	 tmp[40];

	if (head)
		w = utf8_count(header(t, 0)) * 11 / 10;

	for (int i = 0; i < t->nrows; i++) {
		n = utf8_count(label_text(CELL(t, i, 0), year, tmp));
		if (n > w)
			w = n;
	}
	return w < cap ? w : cap;
}

/*
 * A value axis from 0 to top in steps of 1, 2 or 5 times a power of ten,
 * at most five of them.  Counts are in units of 1, percentages in tenths
 * of a per cent, so that every tick is a whole number of units and prints
 * exactly.
 */
struct axis {
	int	 pct;
	int64_t	 step, top;	/* in units; top >= step >= 1 */
};

/* Caps that keep the tick arithmetic (and pct_format's) from overflowing. */
#define AXIS_MAX_COUNT	INT64_C(1000000000000000000)
#define AXIS_MAX_TENTHS	INT64_C(1000000000000)

static void
axis_fit(struct axis *a, double max, int pct)
{
	double	 m = pct ? max * 10 : max;
	int64_t	 cap = pct ? AXIS_MAX_TENTHS : AXIS_MAX_COUNT;
	int64_t	 mu, p;

	a->pct = pct;
	if (!(m > 0))		/* nothing to scale: 0 to 1, or 0 to 100% */
		mu = pct ? 1000 : 1;
	else if (m >= (double)cap)
		mu = cap;
	else {
		mu = (int64_t)m;
		if ((double)mu < m)
			mu++;
	}
	for (p = 1;; p *= 10) {
		if (p * 5 >= mu) {
			a->step = p;
			break;
		}
		if (p * 10 >= mu) {
			a->step = 2 * p;
			break;
		}
		if (p * 25 >= mu) {
			a->step = 5 * p;
			break;
		}
	}
	a->top = (mu + a->step - 1) / a->step * a->step;
	if (a->top == 0)
		a->top = a->step;
}

/* The part of the axis, 0 to 1, that a value (count or per cent) covers. */
static double
axis_frac(const struct axis *a, double v)
{
	double	 top = (double)a->top / (a->pct ? 10 : 1);

	return clamp(v / top, 0, 1);
}

/* The label of the tick at u units: "1,200", "40%" or "2.5%". */
static void
axis_label(const struct axis *a, int64_t u, char out[40])
{
	char	 s[32];
	size_t	 n;

	if (!a->pct) {
		int_format(u, s);
		snprintf(out, 40, "%s", s);
		return;
	}
	pct_format(u, 1000, s);
	n = strlen(s);
	if (n > 2 && strcmp(s + n - 2, ".0") == 0)
		s[n - 2] = '\0';
	snprintf(out, 40, "%s%%", s);
}

/*
 * Tick labels stand every so many ticks, so that labels of w units at
 * most, spaced apart by gap units per tick, never touch.
 */
static int64_t
axis_every(const struct axis *a, double gap)
{
	char	 s[40];
	double	 w;
	int64_t	 every = 1;

	axis_label(a, a->top, s);
	w = (double)strlen(s) * DIGIT_W + 8;
	while ((double)every * gap < w && every < a->top / a->step)
		every++;
	return every;
}

/*
 * Where a value's label goes at the end of a bar that ends at x and is w
 * long, growing in direction dir (1 right, -1 left), between lo and hi:
 * outside the bar when it fits there, else inside it in the bar's ink,
 * else nowhere.
 */
static void
bar_label(struct buf *b, double x, double y, double w, int dir, double lo,
    double hi, const struct colour *col, const char *s)
{
	double	 len = (double)strlen(s) * DIGIT_W;

	if (s[0] == '\0')
		return;
	if (dir > 0 && x + 4 + len <= hi)
		text_at(b, x + 4, y, NULL, NULL, s, 0);
	else if (dir < 0 && x - 4 - len >= lo)
		text_at(b, x - 4, y, "end", NULL, s, 0);
	else if (w >= len + 8)
		text_at(b, x - 4 * dir, y, dir > 0 ? "end" : NULL, col->ink,
		    s, 0);
}

/* Append the largest value of column col to the description. */
static void
desc_largest(struct chart *ch, int col)
{
	const struct table	*t = ch->t;
	int			 best = -1;
	double			 max = 0;
	char			 tmp[40], v[40];

	for (int i = 0; i < t->nrows; i++) {
		const struct cell	*c = CELL(t, i, col);

		if (has_value(c) && (best == -1 || cell_value(c) > max)) {
			best = i;
			max = cell_value(c);
		}
	}
	if (best == -1)
		buf_adds(&ch->desc, " No values.");
	else if (max == 0)
		buf_adds(&ch->desc, " Every value is 0.");
	else {
		value_label(CELL(t, best, col), v);
		buf_addf(&ch->desc, " The largest is %s: %s.",
		    label_text(CELL(t, best, 0), 0, tmp), v);
	}
}

/* Horizontal bars: labels from column 0, values from column chart_col. */
static void
draw_bars(struct chart *ch)
{
	const struct table	*t = ch->t;
	struct buf		*b = ch->b;
	int			 col = t->chart_col >= 1 ? t->chart_col : 1;
	int			 pct = 0;
	double			 max = 0, x0, plotw, top = 30, axisy, y, w;
	struct axis		 ax;
	int64_t			 every;
	size_t			 cut;
	char			 s[40], tmp[40];

	for (int i = 0; i < t->nrows; i++) {
		const struct cell	*c = CELL(t, i, col);

		if (c->kind == CELL_PCT)
			pct = 1;
		if (cell_value(c) > max)
			max = cell_value(c);
	}
	axis_fit(&ax, max, pct);
	x0 = clamp((double)labels_width(t, 0, 1, LABEL_MAX) * CHAR_W + 16, 64,
	    240);
	cut = fit_chars(x0 - 12);
	plotw = SVG_W - 72 - x0;
	axisy = top + t->nrows * ROW_H + 4;
	ch->h = axisy + 46;

	buf_addf(&ch->desc, "%s of %s by %s, %d rows.",
	    chart_defs[CHART_BARS].what, header(t, col), header(t, 0),
	    t->nrows);
	desc_largest(ch, col);

	/* the grid and the tick labels */
	every = axis_every(&ax, plotw * (double)ax.step / (double)ax.top);
	buf_addf(b, "<g font-size=\"11\" fill=\"%s\">", INK_SOFT);
	for (int64_t u = 0; u <= ax.top; u += ax.step) {
		double	 x = x0 + plotw * (double)u / (double)ax.top;

		if (u > 0)
			line_at(b, x, top - 4, x, axisy, GRID);
		if (u / ax.step % every != 0)
			continue;
		axis_label(&ax, u, s);
		text_at(b, x, axisy + 16, "middle", NULL, s, 0);
	}
	buf_adds(b, "</g>");

	/* the bars, their labels and their values */
	buf_adds(b, "<g font-size=\"11\">");
	for (int i = 0; i < t->nrows; i++) {
		const struct cell	*c = CELL(t, i, col);

		y = top + i * ROW_H + 4;
		w = plotw * axis_frac(&ax, cell_value(c));
		if (w > 0)
			rect_at(b, x0, y, w, BAR_H, palette[0].fill);
		value_label(c, s);
		bar_label(b, x0 + w, y + 11, w, 1, 0, SVG_W - 2, &palette[0],
		    s);
	}
	buf_adds(b, "</g>");
	for (int i = 0; i < t->nrows; i++)
		text_at(b, x0 - 8, top + i * ROW_H + 15, "end", NULL,
		    label_text(CELL(t, i, 0), 0, tmp), cut);

	/* the axes and their titles */
	line_at(b, x0, top - 4, x0, axisy, AXIS);
	line_at(b, x0, axisy, x0 + plotw, axisy, AXIS);
	buf_adds(b, "<g font-weight=\"bold\">");
	text_at(b, x0 - 8, 18, "end", NULL, header(t, 0), cut);
	text_at(b, x0 + plotw / 2, axisy + 36, "middle", NULL, header(t, col),
	    fit_chars(plotw));
	buf_adds(b, "</g>");
}

/*
 * The age at which a band's label starts: its first number ("18 to 20",
 * "48+"), or -1 when it has none.
 */
static long
band_start(const struct cell *c)
{
	const char	*s;
	long		 v = 0;

	if (c->kind == CELL_INT)
		return c->n >= 0 && c->n < 1000 ? (long)c->n : -1;
	if (c->kind != CELL_TEXT || c->text == NULL)
		return -1;
	for (s = c->text; *s != '\0' && (*s < '0' || *s > '9'); s++)
		continue;
	if (*s == '\0')
		return -1;
	for (; *s >= '0' && *s <= '9' && v < 1000; s++)
		v = v * 10 + (*s - '0');
	return v;
}

/*
 * The place of row i from the top of a pyramid.  The youngest band goes
 * at the bottom: a table that lists the youngest first is drawn upside
 * down, one that lists the oldest first (as a pyramid reads) as it is.
 * Labels without numbers keep the table's order, from the top.
 */
static int
band_slot(const struct table *t, int i)
{
	long	 first = band_start(CELL(t, 0, 0));
	long	 last = band_start(CELL(t, t->nrows - 1, 0));

	if (first >= 0 && last >= 0 && first < last)
		return t->nrows - 1 - i;
	return i;
}

/*
 * A population pyramid: the age bands of column 0, the youngest at the
 * bottom, column 1 growing to the left and column 2 to the right, on one
 * scale.
 */
static void
draw_pyramid(struct chart *ch)
{
	const struct table	*t = ch->t;
	struct buf		*b = ch->b;
	const double		 margin = 64, top = 34;
	double			 max = 0, gap, cl, cr, half, axisy, y, w;
	int			 pct = 0;
	struct axis		 ax;
	int64_t			 every;
	size_t			 cut;
	char			 s[40], tmp[40];

	for (int i = 0; i < t->nrows; i++)
		for (int k = 1; k <= 2; k++) {
			const struct cell	*c = CELL(t, i, k);

			if (c->kind == CELL_PCT)
				pct = 1;
			if (cell_value(c) > max)
				max = cell_value(c);
		}
	axis_fit(&ax, max, pct);
	gap = clamp((double)labels_width(t, 0, 0, 20) * CHAR_W + 16, 64, 148);
	cut = fit_chars(gap - 8);
	cl = SVG_W / 2.0 - gap / 2;
	cr = SVG_W / 2.0 + gap / 2;
	half = cl - margin;
	axisy = top + t->nrows * ROW_H + 4;
	ch->h = axisy + 46;

	buf_addf(&ch->desc, "%s of %s (left) and %s (right) by %s, %d "
	    "bands, the youngest at the bottom.",
	    chart_defs[CHART_PYRAMID].what, header(t, 1), header(t, 2),
	    header(t, 0), t->nrows);

	/* the legend, and the title of the bands between the two halves */
	rect_at(b, margin, 8, 12, 12, palette[0].fill);
	text_at(b, margin + 18, 18, NULL, NULL, header(t, 1), 22);
	rect_at(b, SVG_W - margin - 12, 8, 12, 12, palette[1].fill);
	text_at(b, SVG_W - margin - 18, 18, "end", NULL, header(t, 2), 22);
	buf_adds(b, "<g font-weight=\"bold\">");
	text_at(b, SVG_W / 2.0, 18, "middle", NULL, header(t, 0), cut);
	buf_adds(b, "</g>");

	/* the grid and the tick labels, mirrored */
	every = axis_every(&ax, half * (double)ax.step / (double)ax.top);
	buf_addf(b, "<g font-size=\"11\" fill=\"%s\">", INK_SOFT);
	for (int64_t u = 0; u <= ax.top; u += ax.step) {
		double	 d = half * (double)u / (double)ax.top;

		if (u > 0) {
			line_at(b, cl - d, top - 4, cl - d, axisy, GRID);
			line_at(b, cr + d, top - 4, cr + d, axisy, GRID);
		}
		if (u / ax.step % every != 0)
			continue;
		axis_label(&ax, u, s);
		text_at(b, cl - d, axisy + 16, "middle", NULL, s, 0);
		text_at(b, cr + d, axisy + 16, "middle", NULL, s, 0);
	}
	buf_adds(b, "</g>");

	/* the bars and their values */
	buf_adds(b, "<g font-size=\"11\">");
	for (int i = 0; i < t->nrows; i++) {
		y = top + band_slot(t, i) * ROW_H + 4;
		for (int k = 1; k <= 2; k++) {
			const struct cell	*c = CELL(t, i, k);
			const struct colour	*p = &palette[k - 1];

			w = half * axis_frac(&ax, cell_value(c));
			if (w > 0)
				rect_at(b, k == 1 ? cl - w : cr, y, w, BAR_H,
				    p->fill);
			value_label(c, s);
			if (k == 1)
				bar_label(b, cl - w, y + 11, w, -1, 2,
				    SVG_W - 2, p, s);
			else
				bar_label(b, cr + w, y + 11, w, 1, 2,
				    SVG_W - 2, p, s);
		}
	}
	buf_adds(b, "</g>");
	for (int i = 0; i < t->nrows; i++)
		text_at(b, SVG_W / 2.0, top + band_slot(t, i) * ROW_H + 15,
		    "middle", NULL, label_text(CELL(t, i, 0), 0, tmp), cut);

	/* the axes */
	line_at(b, cl, top - 4, cl, axisy, AXIS);
	line_at(b, cr, top - 4, cr, axisy, AXIS);
	line_at(b, margin, axisy, cl, axisy, AXIS);
	line_at(b, cr, axisy, SVG_W - margin, axisy, AXIS);
	buf_adds(b, "<g font-weight=\"bold\">");
	text_at(b, SVG_W / 2.0, axisy + 36, "middle", NULL,
	    pct ? "Per cent" : "Number", 0);
	buf_adds(b, "</g>");
}

/* A colour from light to dark blue for a share t of 0 to 1, as #rrggbb. */
static void
ramp(double t, char out[8])
{
	static const int	 lo[3] = { 247, 251, 255 }, hi[3] = { 8, 48, 107 };
	int			 c[3];

	t = clamp(t, 0, 1);
	for (int i = 0; i < 3; i++)
		c[i] = (int)(lo[i] + (hi[i] - lo[i]) * t + 0.5);
	snprintf(out, 8, "#%02x%02x%02x", c[0], c[1], c[2]);
}

/*
 * A heat map: one row per table row, one column per column 1 and on.
 * Counts and percentages are scaled apart, each to its own largest value,
 * so that a count cannot wash out the percentages beside it.
 */
static void
draw_heatmap(struct chart *ch)
{
	const struct table	*t = ch->t;
	struct buf		*b = ch->b;
	const double		 cellh = 26;
	int			 m = series(t), kinds = 0;
	int			 bi = -1, bj = 0;
	double			 maxn = 0, maxp = 0, lw, cellw, band, extra = 0;
	double			 x, y, share, ly;
	size_t			 hw = 0, cut, n;
	int			 rotate = 0;
	char			 s[40], tmp[40], fill[8];

	for (int i = 0; i < t->nrows; i++)
		for (int j = 1; j <= m; j++) {
			const struct cell	*c = CELL(t, i, j);
			double			 v = cell_value(c);

			if (!has_value(c))
				continue;
			if (c->kind == CELL_PCT) {
				kinds |= 2;
				if (v > maxp)
					maxp = v;
			} else {
				kinds |= 1;
				if (v > maxn)
					maxn = v;
			}
			if (bi == -1 || v > cell_value(CELL(t, bi, bj))) {
				bi = i;
				bj = j;
			}
		}
	lw = clamp((double)labels_width(t, 0, 1, LABEL_MAX) * CHAR_W + 16, 64,
	    200);
	cut = fit_chars(lw - 12);
	cellw = 64;
	if (lw + m * cellw + 8 > SVG_W)
		cellw = clamp((SVG_W - 8 - lw) / m, 44, 64);
	for (int j = 1; j <= m; j++) {
		n = utf8_count(header(t, j));
		if (n > hw)
			hw = n;
		if ((double)n * CHAR_W > cellw - 6)
			rotate = 1;
	}
	if (hw > 20)
		hw = 20;
	if (rotate) {
		/* headers at 40 degrees: sin 40 = 0.643, cos 40 = 0.766 */
		band = (double)hw * CHAR_W * 0.643 + 20;
		extra = (double)hw * CHAR_W * 0.766;
	} else
		band = 30;
	ch->w = lw + m * cellw + 8 + extra;
	if (ch->w < SVG_W)
		ch->w = SVG_W;
	ly = band + t->nrows * cellh + 14;
	ch->h = ly + 26;

	buf_addf(&ch->desc, "%s of %d rows by %d columns; darker cells hold "
	    "larger values.", chart_defs[CHART_HEATMAP].what, t->nrows, m);
	if (bi != -1 && cell_value(CELL(t, bi, bj)) > 0) {
		value_label(CELL(t, bi, bj), s);
		buf_addf(&ch->desc, " The largest is %s, %s: %s.",
		    label_text(CELL(t, bi, 0), 0, tmp), header(t, bj), s);
	}

	/* the column headers, and the title of the row labels */
	for (int j = 1; j <= m; j++) {
		x = lw + (j - 1) * cellw + cellw / 2;
		if (rotate) {
			buf_addf(b, "<g transform=\"rotate(-40 %.1f %.1f)\">",
			    x, band - 8);
			text_at(b, x, band - 8, NULL, NULL, header(t, j), 20);
			buf_adds(b, "</g>");
		} else
			text_at(b, x, band - 8, "middle", NULL, header(t, j),
			    0);
	}
	buf_adds(b, "<g font-weight=\"bold\">");
	text_at(b, lw - 8, band - 8, "end", NULL, header(t, 0), cut);
	buf_adds(b, "</g>");

	/* the cells and their values */
	buf_adds(b, "<g font-size=\"11\">");
	for (int i = 0; i < t->nrows; i++) {
		y = band + i * cellh;
		for (int j = 1; j <= m; j++) {
			const struct cell	*c = CELL(t, i, j);
			double			 max;

			x = lw + (j - 1) * cellw;
			if (!has_value(c)) {
				buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" "
				    "width=\"%.1f\" height=\"%.1f\" "
				    "fill=\"#fff\" stroke=\"#bbb\" "
				    "stroke-dasharray=\"2 2\"/>", x + 1.5,
				    y + 1.5, cellw - 3, cellh - 3);
				continue;
			}
			max = c->kind == CELL_PCT ? maxp : maxn;
			share = max > 0 ? cell_value(c) / max : 0;
			ramp(share, fill);
			rect_at(b, x + 1, y + 1, cellw - 2, cellh - 2, fill);
			value_label(c, s);
			if ((double)strlen(s) * DIGIT_W <= cellw - 6)
				text_at(b, x + cellw / 2, y + cellh / 2 + 4,
				    "middle", share > 0.5 ? "#fff" : INK, s,
				    0);
		}
	}
	buf_adds(b, "</g>");
	for (int i = 0; i < t->nrows; i++)
		text_at(b, lw - 8, band + i * cellh + cellh / 2 + 4, "end",
		    NULL, label_text(CELL(t, i, 0), 0, tmp), cut);

	/* the legend: from 0 to the largest value, light to dark */
	buf_addf(b, "<g font-size=\"11\" fill=\"%s\">", INK_SOFT);
	if (kinds == 3)
		text_at(b, lw - 4, ly + 10, "end", NULL, "smaller", 0);
	else
		text_at(b, lw - 4, ly + 10, "end", NULL,
		    kinds == 2 ? "0%" : "0", 0);
	for (int k = 0; k < 5; k++) {
		ramp(k / 4.0, fill);
		rect_at(b, lw + k * 22, ly, 22, 12, fill);
	}
	if (kinds == 3)
		snprintf(s, sizeof(s), "larger");
	else if (kinds == 2) {
		char	 p[32];

		pct_format((int64_t)(maxp * 10 + 0.5), 1000, p);
		snprintf(s, sizeof(s), "%s%%", p);
	} else
		int_format((int64_t)maxn, s);
	text_at(b, lw + 5 * 22 + 4, ly + 10, NULL, NULL, s, 0);
	buf_adds(b, "</g>");
}

/* A series' marker at (x, y): a circle, square, triangle or diamond. */
static void
marker_at(struct buf *b, int series, double x, double y)
{
	switch (series % 4) {
	case 0:
		buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>",
		    x, y);
		break;
	case 1:
		buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"6.4\" "
		    "height=\"6.4\"/>", x - 3.2, y - 3.2);
		break;
	case 2:
		buf_addf(b, "<path d=\"M%.1f %.1fl4 7h-8z\"/>", x, y - 4.5);
		break;
	default:
		buf_addf(b, "<path d=\"M%.1f %.1fl4.5 4.5-4.5 4.5-4.5-4.5z\"/>",
		    x, y - 4.5);
		break;
	}
}

/*
 * Whether column 0 holds years by which to place the points: counts that
 * only grow.  Otherwise the points stand evenly apart.
 */
static int
lines_by_year(const struct table *t)
{
	if (t->nrows < 2)
		return 0;
	for (int i = 0; i < t->nrows; i++)
		if ((CELL(t, i, 0)->kind != CELL_INT && CELL(t, i,
		    0)->kind != CELL_YEAR) ||
		    (i > 0 && CELL(t, i, 0)->n <= CELL(t, i - 1, 0)->n))
			return 0;
	return 1;
}

/*
 * Lines: years of column 0 along the bottom, one line per column 1 and
 * on, with a legend above.  A missing value breaks its line.  The last
 * value of each line is written at its end, pushed apart from the others
 * so that none overlap.
 */
static void
draw_lines(struct chart *ch)
{
	const struct table	*t = ch->t;
	struct buf		*b = ch->b;
	const double		 ph = 220, left = 64, right = 72;
	int			 m = series(t), n = t->nrows, pct = 0;
	int			 rows = 1, every = 1, k = 0, *order = NULL;
	double			*xs = NULL, *ends = NULL, max = 0, x, y;
	double			 lx, top, axisy, plotw;
	struct axis		 ax;
	size_t			 lwid;
	char			 s[40], tmp[40];

	xs = xcalloc((size_t)n, sizeof(*xs));
	ends = xcalloc((size_t)m, sizeof(*ends));
	order = xcalloc((size_t)m, sizeof(*order));
	for (int i = 0; i < n; i++)
		for (int j = 1; j <= m; j++) {
			const struct cell	*c = CELL(t, i, j);

			if (c->kind == CELL_PCT)
				pct = 1;
			if (cell_value(c) > max)
				max = cell_value(c);
		}
	axis_fit(&ax, max, pct);

	/* the legend, in as many rows as it needs */
	lx = left;
	for (int j = 1; j <= m; j++) {
		size_t	 len = utf8_count(header(t, j));
		double	 iw = 48 + (double)(len < 28 ? len : 28) * CHAR_W;

		if (lx > left && lx + iw > SVG_W - 8) {
			lx = left;
			rows++;
		}
		y = rows * 20 - 2;
		buf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>", lx,
		    y - 4, lx + 24, y - 4, palette[(j - 1) % NPALETTE].fill);
		buf_addf(b, "<g fill=\"%s\" stroke=\"#fff\">",
		    palette[(j - 1) % NPALETTE].fill);
		marker_at(b, j - 1, lx + 12, y - 4);
		buf_adds(b, "</g>");
		text_at(b, lx + 30, y, NULL, NULL, header(t, j), 28);
		lx += iw;
	}
	top = rows * 20 + 18;
	axisy = top + ph;
	ch->h = axisy + 46;
	plotw = SVG_W - left - right;

	/* where the points stand along the bottom */
	if (lines_by_year(t)) {
		double	 y0 = (double)CELL(t, 0, 0)->n;
		double	 span = (double)CELL(t, n - 1, 0)->n - y0;

		for (int i = 0; i < n; i++)
			xs[i] = left + plotw * ((double)CELL(t, i, 0)->n -
			    y0) / span;
	} else
		for (int i = 0; i < n; i++)
			xs[i] = n == 1 ? left + plotw / 2 :
			    left + plotw * i / (n - 1);

	buf_addf(&ch->desc, "%s of ", chart_defs[CHART_LINES].what);
	for (int j = 1; j <= m; j++)
		buf_addf(&ch->desc, "%s%s", j == 1 ? "" : j == m ? " and " :
		    ", ", header(t, j));
	buf_addf(&ch->desc, " by %s", header(t, 0));
	buf_addf(&ch->desc, ", from %s",
	    label_text(CELL(t, 0, 0), 1, tmp));
	buf_addf(&ch->desc, " to %s.",
	    label_text(CELL(t, n - 1, 0), 1, tmp));

	/* the grid and the value ticks */
	buf_addf(b, "<g font-size=\"11\" fill=\"%s\">", INK_SOFT);
	for (int64_t u = 0; u <= ax.top; u += ax.step) {
		y = axisy - ph * (double)u / (double)ax.top;
		if (u > 0)
			line_at(b, left, y, left + plotw, y, GRID);
		axis_label(&ax, u, s);
		text_at(b, left - 6, y + 4, "end", NULL, s, 0);
	}

	/* the labels along the bottom, as many as fit */
	lwid = labels_width(t, 1, 0, 12);
	if (n > 1) {
		double	 need = ((double)lwid * DIGIT_W + 10) * (n - 1);

		every = (int)(need / plotw) + 1;
	}
	for (int i = 0; i < n; i += every) {
		line_at(b, xs[i], axisy, xs[i], axisy + 4, AXIS);
		text_at(b, xs[i], axisy + 16, "middle", NULL,
		    label_text(CELL(t, i, 0), 1, tmp), 12);
	}
	buf_adds(b, "</g>");

	/* the axes and their titles */
	line_at(b, left, top, left, axisy, AXIS);
	line_at(b, left, axisy, left + plotw, axisy, AXIS);
	buf_adds(b, "<g font-weight=\"bold\">");
	text_at(b, left + plotw / 2, axisy + 36, "middle", NULL, header(t, 0),
	    fit_chars(plotw));
	buf_addf(b, "<g transform=\"rotate(-90 14 %.1f)\">", top + ph / 2);
	text_at(b, 14, top + ph / 2, "middle", NULL,
	    pct ? "Per cent" : "Number", 0);
	buf_adds(b, "</g></g>");

	/* the lines and their markers */
	for (int j = 1; j <= m; j++) {
		const struct colour	*p = &palette[(j - 1) % NPALETTE];
		int			 pen = 0, drawn = 0;

		for (int i = 0; i < n; i++) {
			const struct cell	*c = CELL(t, i, j);

			if (!has_value(c)) {
				pen = 0;
				continue;
			}
			y = axisy - ph * axis_frac(&ax, cell_value(c));
			if (!drawn)
				buf_addf(b, "<path fill=\"none\" "
				    "stroke=\"%s\" stroke-width=\"2\" "
				    "stroke-linejoin=\"round\" d=\"", p->fill);
			buf_addf(b, "%s%.1f %.1f", pen ? "L" : "M", xs[i], y);
			pen = drawn = 1;
		}
		if (drawn)
			buf_adds(b, "\"/>");
		buf_addf(b, "<g fill=\"%s\" stroke=\"#fff\">", p->fill);
		for (int i = 0; i < n; i++) {
			const struct cell	*c = CELL(t, i, j);

			if (has_value(c))
				marker_at(b, j - 1, xs[i], axisy - ph *
				    axis_frac(&ax, cell_value(c)));
		}
		buf_adds(b, "</g>");
	}

	/*
	 * The last value of each line at its end.  Labels are sorted by
	 * height and pushed down until 13 units apart, then up again where
	 * they pass the bottom of the plot.
	 */
	for (int j = 1; j <= m; j++) {
		int	 i = n - 1;

		while (i >= 0 && !has_value(CELL(t, i, j)))
			i--;
		if (i < 0)
			continue;
		ends[j - 1] = axisy - ph * axis_frac(&ax,
		    cell_value(CELL(t, i, j))) + 4;
		order[k++] = j;
	}
	for (int a = 1; a < k; a++)
		for (int c = a; c > 0 && ends[order[c] - 1] <
		    ends[order[c - 1] - 1]; c--) {
			int	 tmpj = order[c];

			order[c] = order[c - 1];
			order[c - 1] = tmpj;
		}
	for (int a = 1; a < k; a++)
		if (ends[order[a] - 1] < ends[order[a - 1] - 1] + 13)
			ends[order[a] - 1] = ends[order[a - 1] - 1] + 13;
	for (int a = k - 1; a >= 0; a--) {
		double	 lowest = a == k - 1 ? axisy + 4 :
		    ends[order[a + 1] - 1] - 13;

		if (ends[order[a] - 1] > lowest)
			ends[order[a] - 1] = lowest;
	}
	buf_adds(b, "<g font-size=\"11\">");
	for (int a = 0; a < k; a++) {
		int	 j = order[a], i = n - 1;

		while (!has_value(CELL(t, i, j)))
			i--;
		value_label(CELL(t, i, j), s);
		x = xs[i] + 8;
		if (x + (double)strlen(s) * DIGIT_W <= SVG_W - 2)
			text_at(b, x, ends[j - 1], NULL, NULL, s, 0);
	}
	buf_adds(b, "</g>");

	free(xs);
	free(ends);
	free(order);
}

/*
 * Stacked bars: one bar per row, its parts (columns 1 to the last drawn)
 * as shares of their sum, from left to right, with a legend above.  A
 * share is written in its part where it fits, so that a grey print still
 * tells the parts apart; a range counts at its middle.
 */
static void
draw_stacked(struct chart *ch)
{
	const struct table	*t = ch->t;
	struct buf		*b = ch->b;
	int			 m = series(t), rows = 1;
	double			 x0, plotw, top, lx, y, sum, x, w;
	size_t			 cut;
	char			 tmp[40];

	x0 = clamp((double)labels_width(t, 1, 1, LABEL_MAX) * CHAR_W + 16, 64,
	    240);
	cut = fit_chars(x0 - 12);
	plotw = SVG_W - 24 - x0;

	/* the legend, in as many rows as it needs */
	lx = x0;
	for (int j = 1; j <= m; j++) {
		size_t	 len = utf8_count(header(t, j));
		double	 iw = 26 + (double)(len < 24 ? len : 24) * CHAR_W;

		if (lx > x0 && lx + iw > SVG_W - 8) {
			lx = x0;
			rows++;
		}
		y = rows * 20 - 2;
		rect_at(b, lx, y - 10, 14, 12, palette[(j - 1) %
		    NPALETTE].fill);
		text_at(b, lx + 18, y, NULL, NULL, header(t, j), 24);
		lx += iw;
	}
	top = rows * 20 + 14;
	ch->h = top + t->nrows * ROW_H + 30;

	buf_addf(&ch->desc, "%s: each row's ", chart_defs[CHART_STACKED].what);
	for (int j = 1; j <= m; j++)
		buf_addf(&ch->desc, "%s%s", j == 1 ? "" : j == m ? " and " :
		    ", ", header(t, j));
	buf_addf(&ch->desc, " as shares of their sum, by %s, %d rows.",
	    header(t, 0), t->nrows);

	buf_adds(b, "<g font-size=\"11\">");
	for (int i = 0; i < t->nrows; i++) {
		y = top + i * ROW_H + 4;
		sum = 0;
		for (int j = 1; j <= m; j++)
			sum += cell_value(CELL(t, i, j));
		if (sum <= 0) {
			text_at(b, x0 + 4, y + 11, NULL, INK_SOFT, "no data", 0);
			continue;
		}
		x = x0;
		for (int j = 1; j <= m; j++) {
			const struct colour *pc = &palette[(j - 1) % NPALETTE];
			double	 share = cell_value(CELL(t, i, j)) / sum;

			w = plotw * share;
			if (w <= 0)
				continue;
			rect_at(b, x, y, w, BAR_H, pc->fill);
			snprintf(tmp, sizeof(tmp), "%.0f%%", share * 100);
			if (w >= 30)
				text_at(b, x + w / 2, y + 11, "middle", pc->ink,
				    tmp, 0);
			x += w;
		}
	}
	buf_adds(b, "</g>");
	for (int i = 0; i < t->nrows; i++)
		text_at(b, x0 - 8, top + i * ROW_H + 15, "end", NULL,
		    label_text(CELL(t, i, 0), 1, tmp), cut);

	/* the axis, 0 to 100% */
	y = top + t->nrows * ROW_H + 4;
	line_at(b, x0, top - 4, x0, y, AXIS);
	buf_addf(b, "<g font-size=\"11\" fill=\"%s\">", INK_SOFT);
	for (int k = 0; k <= 4; k++) {
		snprintf(tmp, sizeof(tmp), "%d%%", k * 25);
		text_at(b, x0 + plotw * k / 4, y + 16, "middle", NULL, tmp, 0);
	}
	buf_adds(b, "</g>");
}

/* A chart that has nothing to show says so. */
static void
draw_empty(struct chart *ch, const struct chart_def *def)
{
	ch->h = 64;
	buf_addf(&ch->desc, "%s: no data.", def->what);
	text_at(ch->b, SVG_W / 2.0, 36, "middle", INK_SOFT, "No data", 0);
}

void
svg_wrap(struct buf *out, const struct table *t, const char *kind, double w,
    double h, const char *desc, const struct buf *body)
{
	buf_addf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "class=\"chart chart-%s\" viewBox=\"0 0 %.0f %.0f\" "
	    "width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-labelledby=\"",
	    kind, w, h, w, h);
	buf_adds(out, "chart_");
	xml_escape(out, t->id, 0);
	buf_adds(out, "_title chart_");
	xml_escape(out, t->id, 0);
	buf_addf(out, "_desc\" font-family=\"system-ui, sans-serif\" "
	    "font-size=\"12\" fill=\"%s\"><title id=\"chart_", INK);
	xml_escape(out, t->id, 0);
	buf_adds(out, "_title\">");
	xml_escape(out, t->title, 0);
	buf_adds(out, "</title><desc id=\"chart_");
	xml_escape(out, t->id, 0);
	buf_adds(out, "_desc\">");
	xml_escape(out, desc, 0);
	buf_adds(out, "</desc>");
	buf_add(out, body->s, body->len);
	buf_adds(out, "</svg>");
}

void
svg_text_at(struct buf *b, double x, double y, const char *anchor,
    const char *fill, const char *s, size_t max)
{
	text_at(b, x, y, anchor, fill, s, max);
}

/*
 * The <svg> element names itself by its <title> and <desc>, whose ids,
 * chart_<table id>_title and _desc, live in the page's id space: section
 * ids hold no underscore and figure ids begin "t-", so they clash with
 * neither.
 */
void
svg_chart(struct buf *out, const struct table *t)
{
	const struct chart_def	*def;
	struct buf		 body = BUF_INIT;
	struct chart		 ch;
	int			 ok;

	if (t->chart <= CHART_NONE || t->chart >= CHART__MAX ||
	    chart_defs[t->chart].draw == NULL)
		return;
	def = &chart_defs[t->chart];
	memset(&ch, 0, sizeof(ch));
	ch.t = t;
	ch.b = &body;
	ch.w = SVG_W;
	buf_init(&ch.desc, 0);

	ok = t->nrows > 0 && t->ncols >= def->min_cols;
	if (t->chart == CHART_BARS && t->chart_col >= t->ncols)
		ok = 0;
	if (ok)
		def->draw(&ch);
	else
		draw_empty(&ch, def);

	svg_wrap(out, t, def->name, ch.w, ch.h, t->chart_desc != NULL &&
	    t->chart_desc[0] != '\0' ? t->chart_desc : ch.desc.s, &body);
	buf_release(&body);
	buf_release(&ch.desc);
}
