/*
 * map.c: a table's world map, as one inline SVG element (report.h): a
 * choropleth that shades each country by a value, or a flow map whose
 * lines run from one country to another, as wide as the flow is large.
 *
 * The countries' outlines are data/world-map.csv, compiled in: Natural
 * Earth's 1:110m countries projected with the Equal Earth projection,
 * which keeps areas true, by scripts/gen-map.mjs at build time, so that
 * nothing is loaded or computed at run time.  Areas too small for that
 * scale are drawn as dots.  Every country carries its name and value in
 * a <title>, which browsers show on hover and screen readers read.
 *
 * The shades run from light to dark in one hue, so that a grey print
 * keeps their order, and a country without a value is white, hatched, so
 * that it is never read as a small one; the legend and the values are in
 * the table beside the map.  Every map carries the United Nations'
 * disclaimer on boundaries and names.
 */
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_int.h"

#define NSHADES		5
#define LEGEND_H	64	/* room under the map: legend, disclaimer */
#define LAND		"#e6e6e6"
#define BORDER		"#ffffff"
#define FLOW		"#08519c"

#define CELL(t, r, c) \
	(&(t)->cells[(size_t)(r) * (size_t)(t)->ncols + (size_t)(c)])

/* Light to dark: ColorBrewer's five blues. */
static const char *const shades[NSHADES] = {
	"#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c",
};

static const char disclaimer[] = "The boundaries and names shown and the "
    "designations used on this map do not imply official endorsement or "
    "acceptance by the United Nations.";

/* One country or area of the map. */
struct shape {
	int		 numeric;
	double		 cx, cy;
	const char	*d;		/* NULL: a dot at (cx, cy) */
};

static struct {
	struct shape	*s;
	size_t		 n;
	double		 w, h;
	struct buf	 text;		/* the paths, each NUL-ended */
} world;

static int
shape_row(const struct csv_record *r, void *arg)
{
	struct shape	*s;
	long long	 num;

	(void)arg;
	if (r->line == 1)
		return 0;
	if (r->count != 5 || parse_int(r->field[0], 0, 999, &num) == -1)
		die("compiled-in world-map.csv: bad line %lu", r->line);
	if (num == 0) {
		world.w = strtod(r->field[2], NULL);
		world.h = strtod(r->field[3], NULL);
		return 0;
	}
	world.s = xreallocarray(world.s, world.n + 1, sizeof(*world.s));
	s = &world.s[world.n++];
	s->numeric = (int)num;
	s->cx = strtod(r->field[2], NULL);
	s->cy = strtod(r->field[3], NULL);
	/* an offset + 1 for now: the text may still move as it grows */
	s->d = NULL;
	if (r->len[4] > 0) {
		s->d = (const char *)(uintptr_t)(world.text.len + 1);
		buf_add(&world.text, r->field[4], r->len[4] + 1);
	}
	return 0;
}

static void
world_load(void)
{
	embedded_csv("data/world-map.csv", shape_row, NULL);
	for (size_t i = 0; i < world.n; i++)
		if (world.s[i].d != NULL)
			world.s[i].d = world.text.s + (uintptr_t)world.s[i].d - 1;
	if (!(world.w > 0 && world.h > 0))
		die("compiled-in world-map.csv has no size");
}

static void
world_init(void)
{
	static pthread_once_t	 once = PTHREAD_ONCE_INIT;

	pthread_once(&once, world_load);
}

static const struct shape *
shape_of(int numeric)
{
	for (size_t i = 0; i < world.n; i++)
		if (world.s[i].numeric == numeric)
			return &world.s[i];
	return NULL;
}

/* The country a cell names by its ISO alpha-3 code, or NULL. */
static const struct country *
cell_country(const struct cell *c)
{
	const struct country *ct;

	if (c->kind != CELL_TEXT || c->text == NULL ||
	    country_resolve(c->text, &ct) != COUNTRY_FOUND)
		return NULL;
	return ct;
}

/* A value as a number, a range at its middle, a rate per 100,000. */
static double
value_of(const struct cell *c)
{
	switch (c->kind) {
	case CELL_INT:
		return (double)c->n;
	case CELL_RANGE:
		return ((double)c->n + (double)c->d) / 2;
	case CELL_RATE:
		return c->d > 0 ? ((double)c->n + (double)c->e) / 2 * 1e5 /
		    (double)c->d : -1;
	default:
		return -1;
	}
}

/* The value as the table shows it. */
static void
value_text(const struct cell *c, char out[64])
{
	switch (c->kind) {
	case CELL_INT:
		int_format(c->n, out);
		return;
	case CELL_RANGE:
		range_format(c->n, c->d, out);
		return;
	case CELL_RATE:
		rate_format(c->n, c->e, c->d, out);
		return;
	default:
		out[0] = '\0';
	}
}

static int
double_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The country's outline, or its dot, with a title, filled. */
static void
shape_put(struct buf *b, const struct shape *s, const char *fill,
    const char *title, const char *value)
{
	if (s->d != NULL)
		buf_addf(b, "<path d=\"%s\" fill=\"%s\" stroke=\"%s\" "
		    "stroke-width=\"0.5\">", s->d, fill, BORDER);
	else
		buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\" "
		    "fill=\"%s\" stroke=\"#767676\" stroke-width=\"0.5\">",
		    s->cx, s->cy, fill);
	buf_adds(b, "<title>");
	xml_escape(b, title, 0);
	if (value != NULL) {
		buf_adds(b, ": ");
		xml_escape(b, value, 0);
	}
	buf_adds(b, s->d != NULL ? "</title></path>" : "</title></circle>");
}

/* The hatching of countries without a value: its id is the table's. */
static void
hatch_def(struct buf *b, const struct table *t)
{
	buf_adds(b, "<defs><pattern id=\"nodata_");
	xml_escape(b, t->id, 0);
	buf_adds(b, "\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" "
	    "patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" "
	    "fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" "
	    "stroke=\"#b0b0b0\" stroke-width=\"1\"/></pattern></defs>");
}

static void
nodata_fill(struct buf *b, const struct table *t)
{
	buf_adds(b, "url(#nodata_");
	xml_escape(b, t->id, 0);
	buf_addc(b, ')');
}

static void
legend_box(struct buf *b, double x, double y, const char *fill,
    const char *label)
{
	buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"12\" "
	    "fill=\"%s\" stroke=\"#767676\" stroke-width=\"0.5\"/>", x, y,
	    fill);
	svg_text_at(b, x + 18, y + 10, NULL, NULL, label, 0);
}

/* Whether the shaded column holds rates (two decimals in the legend). */
static int
col_is_rate(const struct table *t, int col)
{
	for (int i = 0; i < t->nrows; i++)
		if (CELL(t, i, col)->kind == CELL_RATE)
			return 1;
	return 0;
}

/*
 * A choropleth: each country of column 0 shaded by the value of column
 * chart_col, in five classes of about as many countries each (the
 * quantiles of the values), the others white and hatched.
 */
static void
draw_choropleth(struct buf *b, struct buf *desc, const struct table *t)
{
	int		 col = t->chart_col >= 1 ? t->chart_col : 1;
	double		*v = xcalloc((size_t)t->nrows + 1, sizeof(*v));
	double		 cut[NSHADES];
	int		*of = xcalloc(world.n + 1, sizeof(*of));
	size_t		 nv = 0;
	struct buf	 fill = BUF_INIT, label = BUF_INIT;
	char		 s[64], lo[32], hi[32];

	/* each shape's row, and the values to class */
	for (size_t i = 0; i < world.n; i++)
		of[i] = -1;
	for (int i = 0; i < t->nrows; i++) {
		const struct country *c = cell_country(CELL(t, i, 0));
		double	 x = value_of(CELL(t, i, col));

		for (size_t k = 0; c != NULL && k < world.n; k++)
			if (world.s[k].numeric == c->numeric)
				of[k] = i;
		if (c != NULL && x >= 0)
			v[nv++] = x;
	}
	if (nv)
		qsort(v, nv, sizeof(*v), double_cmp);
	for (int k = 0; k < NSHADES; k++)
		cut[k] = nv ? v[(nv - 1) * (size_t)(k + 1) / NSHADES] : 0;

	hatch_def(b, t);
	buf_addf(b, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#fff\"/>",
	    world.w, world.h);
	for (size_t k = 0; k < world.n; k++) {
		const struct shape *sh = &world.s[k];
		const struct country *ct = country_by_numeric(sh->numeric);
		const char *name = ct ? ct->name : "";
		double	 x = of[k] >= 0 ? value_of(CELL(t, of[k], col)) : -1;
		int	 cls = 0;

		buf_reset(&fill);
		if (ct == NULL)
			continue;
		if (x < 0) {
			nodata_fill(&fill, t);
			shape_put(b, sh, fill.s, name, "no data");
			continue;
		}
		while (cls < NSHADES - 1 && x > cut[cls])
			cls++;
		value_text(CELL(t, of[k], col), s);
		shape_put(b, sh, shades[cls], name, s);
	}

	/* the legend: each class's range of values, and "no data" */
	buf_adds(b, "<g font-size=\"11\">");
	for (int k = 0; k < NSHADES && nv; k++) {
		double	 from = k ? cut[k - 1] : v[0];

		if (k && cut[k] <= cut[k - 1])
			continue;	/* an empty class */
		/* classes hold (from, cut]: the next whole count, or the next
		 * hundredth of a rate, opens a class */
		if (col_is_rate(t, col)) {
			snprintf(lo, sizeof(lo), "%.2f", k ? from + 0.01 :
			    from);
			snprintf(hi, sizeof(hi), "%.2f", cut[k]);
		} else {
			snprintf(lo, sizeof(lo), "%.0f", k ? floor(from) + 1 :
			    floor(from));
			snprintf(hi, sizeof(hi), "%.0f", floor(cut[k]));
		}
		buf_reset(&label);
		if (k == 0)
			buf_addf(&label, "up to %s", hi);
		else
			buf_addf(&label, "%s\xe2\x80\x93%s", lo, hi);
		legend_box(b, 8 + k * 150, world.h + 8, shades[k], label.s);
	}
	buf_reset(&fill);
	nodata_fill(&fill, t);
	legend_box(b, 8 + NSHADES * 150, world.h + 8, fill.s, "no data");
	buf_adds(b, "</g>");
	buf_addf(desc, "World map of %s by country, in %d shades from light "
	    "to dark; %zu countries have a value, the others are hatched. ",
	    t->cols[col], NSHADES, nv);
	free(v);
	free(of);
	buf_release(&fill);
	buf_release(&label);
}


/*
 * A flow map: the land in grey, and a line from the country of column 0
 * to that of column 1 for each row, as wide as the square root of column
 * chart_col (the area a flow covers grows with it), with an arrow at its
 * end; a flow within one country is a disc.  The largest are drawn first,
 * so that the small ones stay visible above them.
 */
static void
draw_flows(struct buf *b, struct buf *desc, const struct table *t)
{
	int		 col = t->chart_col >= 2 ? t->chart_col : 2;
	int		*order = xcalloc((size_t)t->nrows + 1, sizeof(*order));
	double		 max = 0, dmax = 0, x;
	int		 n = 0, lines = 0, discs = 0;
	struct buf	 title = BUF_INIT;
	char		 s[64];

	buf_adds(b, "<defs><marker id=\"arrow_");
	xml_escape(b, t->id, 0);
	/* as wide as the line, so that a thin flow has a small arrow */
	buf_addf(b, "\" viewBox=\"0 0 6 6\" refX=\"4\" refY=\"3\" "
	    "markerWidth=\"3\" markerHeight=\"3\" orient=\"auto\"><path "
	    "d=\"M0,0L6,3L0,6z\" fill=\"%s\"/></marker></defs>", FLOW);
	buf_addf(b, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#fff\"/>",
	    world.w, world.h);
	for (size_t k = 0; k < world.n; k++) {
		const struct country *ct = country_by_numeric(world.s[k].numeric);

		if (ct != NULL)
			shape_put(b, &world.s[k], LAND, ct->name, NULL);
	}
	/* lines and discs each on a scale of their own: the largest flows
	 * within a country are far larger than those between two */
	for (int i = 0; i < t->nrows; i++) {
		const struct country *a = cell_country(CELL(t, i, 0));
		const struct country *z = cell_country(CELL(t, i, 1));
		double	*m = a != NULL && a == z ? &dmax : &max;

		if ((x = value_of(CELL(t, i, col))) > *m)
			*m = x;
		order[n++] = i;
	}
	/* largest first; ties in the table's order */
	for (int i = 1; i < n; i++)
		for (int k = i; k > 0 && value_of(CELL(t, order[k], col)) >
		    value_of(CELL(t, order[k - 1], col)); k--) {
			int	 tmp = order[k];

			order[k] = order[k - 1];
			order[k - 1] = tmp;
		}
	for (int i = 0; i < n; i++) {
		const struct cell *v = CELL(t, order[i], col);
		const struct country *a = cell_country(CELL(t, order[i], 0));
		const struct country *z = cell_country(CELL(t, order[i], 1));
		const struct shape *sa, *sz;
		double	 f, w, dx, dy, cx, cy;

		if (a == NULL || z == NULL || (sa = shape_of(a->numeric)) ==
		    NULL || (sz = shape_of(z->numeric)) == NULL ||
		    (x = value_of(v)) <= 0)
			continue;
		value_text(v, s);
		buf_reset(&title);
		if (a == z) {
			f = sqrt(x / dmax);
			buf_addf(&title, "within %s", a->name);
			buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" "
			    "r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.35\" "
			    "stroke=\"%s\" stroke-width=\"0.8\">", sa->cx,
			    sa->cy, 2 + 10 * f, FLOW, FLOW);
			buf_adds(b, "<title>");
			xml_escape(b, title.s, 0);
			buf_adds(b, ": ");
			xml_escape(b, s, 0);
			buf_adds(b, "</title></circle>");
			discs++;
			continue;
		}
		/* a curve bent to the left of its way, a fifth of its length */
		f = sqrt(x / max);
		w = 0.4 + 7.6 * f;
		dx = sz->cx - sa->cx;
		dy = sz->cy - sa->cy;
		cx = (sa->cx + sz->cx) / 2 - dy * 0.2;
		cy = (sa->cy + sz->cy) / 2 + dx * 0.2;
		buf_addf(b, "<path d=\"M%.1f,%.1fQ%.1f,%.1f %.1f,%.1f\" "
		    "fill=\"none\" stroke=\"%s\" stroke-opacity=\"%.2f\" "
		    "stroke-width=\"%.2f\" stroke-linecap=\"round\" "
		    "marker-end=\"url(#arrow_", sa->cx, sa->cy, cx, cy, sz->cx,
		    sz->cy, FLOW, 0.3 + 0.5 * f, w);
		xml_escape(b, t->id, 0);
		buf_adds(b, ")\"><title>");
		buf_addf(&title, "%s \xe2\x86\x92 %s", a->name, z->name);
		xml_escape(b, title.s, 0);
		buf_adds(b, ": ");
		xml_escape(b, s, 0);
		buf_adds(b, "</title></path>");
		lines++;
	}

	/* the legend: three sizes of flow between countries, and the
	 * largest within one */
	buf_adds(b, "<g font-size=\"11\">");
	for (int k = 0; k < 3 && max > 0; k++) {
		double	 v = max / (k == 0 ? 1 : k == 1 ? 4 : 16);
		double	 lx = 8 + k * 170;

		buf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"%s\" stroke-opacity=\"0.8\" "
		    "stroke-width=\"%.2f\"/>", lx, world.h + 14, lx + 40,
		    world.h + 14, FLOW, 0.4 + 7.6 * sqrt(v / max));
		snprintf(s, sizeof(s), "%.0f victims", v);
		svg_text_at(b, lx + 46, world.h + 18, NULL, NULL, s, 0);
	}
	if (dmax > 0) {
		buf_addf(b, "<circle cx=\"530\" cy=\"%.1f\" r=\"12\" "
		    "fill=\"%s\" fill-opacity=\"0.35\" stroke=\"%s\"/>",
		    world.h + 20, FLOW, FLOW);
		snprintf(s, sizeof(s), "%.0f victims within a country", dmax);
		svg_text_at(b, 548, world.h + 24, NULL, NULL, s, 0);
	}
	buf_adds(b, "</g>");
	buf_addf(desc, "Flow map: %d lines from one country to another and "
	    "%d discs for flows within a country, as wide as the square root "
	    "of %s. ", lines, discs, t->cols[col]);
	free(order);
	buf_release(&title);
}

void
map_chart(struct buf *out, const struct table *t)
{
	struct buf	 body = BUF_INIT, desc = BUF_INIT;
	int		 flows = t->chart == CHART_FLOWMAP;

	world_init();
	if (flows)
		draw_flows(&body, &desc, t);
	else
		draw_choropleth(&body, &desc, t);
	buf_adds(&body, "<g font-size=\"10\">");
	svg_text_at(&body, 8, world.h + LEGEND_H - 10, NULL, "#555",
	    disclaimer, 0);
	buf_adds(&body, "</g>");
	buf_adds(&desc, disclaimer);
	svg_wrap(out, t, flows ? "flowmap" : "choropleth", world.w, world.h +
	    LEGEND_H, t->chart_desc != NULL && t->chart_desc[0] != '\0' ?
	    t->chart_desc : desc.s, &body);
	buf_release(&body);
	buf_release(&desc);
}
