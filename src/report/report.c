/*
 * report.c: building a report out of sections and tables (see report.h).
 * Everything a report holds is allocated from its arena and freed at once
 * by report_free.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "report/report_int.h"

struct report *
report_new(const char *title)
{
	struct report	*r = xcalloc(1, sizeof(*r));
	char		 now[21];

	arena_init(&r->arena);
	r->title = report_strdup(r, title);
	time_iso(now);
	r->generated = report_strdup(r, now);
	return r;
}

void
report_free(struct report *r)
{
	if (r == NULL)
		return;
	arena_release(&r->arena);
	free(r->json_meta);
	free(r);
}

char *
report_strdup(struct report *r, const char *s)
{
	return arena_strdup(&r->arena, s);
}

char *
report_printf(struct report *r, const char *fmt, ...)
{
	struct buf	 b = BUF_INIT;
	va_list		 ap;
	char		*s;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	s = report_strdup(r, b.s);
	buf_release(&b);
	return s;
}

struct section *
report_section(struct report *r, const char *id, const char *title)
{
	struct section	*s = arena_alloc(&r->arena, sizeof(*s));

	s->id = id;
	s->title = title;
	r->sections = arena_grow(&r->arena, r->sections, (size_t)r->nsections,
	    (size_t)r->nsections + 1, sizeof(*r->sections));
	r->sections[r->nsections++] = s;
	return s;
}

int
report_samples(struct report *r, struct store *st)
{
	struct buf	 b = BUF_INIT;

	if (st->ops->sample_kinds(st, &b) == -1) {
		buf_release(&b);
		return -1;
	}
	if (b.len == 0) {
		buf_release(&b);
		return 0;
	}
	r->sample = report_printf(r, "Sample data: this database holds data "
	    "that palermo sample generated (%s), not real figures; what this "
	    "section shows may be generated.", b.s);
	buf_release(&b);
	r->title = report_printf(r, "Sample data: %s", r->title);
	for (int i = 0; i < r->nsections; i++) {
		struct section	*s = r->sections[i];

		/* first, before what the section says */
		section_para(r, s, r->sample);
		memmove(&s->paras[1], &s->paras[0], (size_t)(s->nparas - 1) *
		    sizeof(*s->paras));
		s->paras[0] = r->sample;
	}
	for (int i = 0; i < r->ntables; i++)
		r->tables[i]->title = report_printf(r, "Sample data: %s",
		    r->tables[i]->title);
	return 0;
}

void
section_para(struct report *r, struct section *s, const char *text)
{
	s->paras = arena_grow(&r->arena, s->paras, (size_t)s->nparas,
	    (size_t)s->nparas + 1, sizeof(*s->paras));
	s->paras[s->nparas++] = report_strdup(r, text);
}

struct table *
table_new(struct report *r, struct section *s, const char *id,
    const char *title, int ncols, const char *const *cols)
{
	struct table	*t = arena_alloc(&r->arena, sizeof(*t));

	assert(ncols >= 1);
	t->id = id;
	t->title = title;
	t->ncols = ncols;
	t->cols = arena_alloc(&r->arena, (size_t)ncols * sizeof(*t->cols));
	for (int i = 0; i < ncols; i++)
		t->cols[i] = report_strdup(r, cols[i]);
	if (s != NULL) {
		s->tables = arena_grow(&r->arena, s->tables, (size_t)s->ntables,
		    (size_t)s->ntables + 1, sizeof(*s->tables));
		s->tables[s->ntables++] = t;
	}
	r->tables = arena_grow(&r->arena, r->tables, (size_t)r->ntables,
	    (size_t)r->ntables + 1, sizeof(*r->tables));
	r->tables[r->ntables++] = t;
	return t;
}

void
table_total(struct table *t, int col, int first, int last)
{
	assert(col >= 1 && col < t->ncols && first >= 0 && first <= last &&
	    last < t->ncols && (col < first || col > last));
	t->total.col = col;
	t->total.first = first;
	t->total.last = last;
}

/* A count cell as lo to hi; 0 when it holds no count. */
static int
cell_count(const struct cell *c, int64_t *lo, int64_t *hi)
{
	switch (c->kind) {
	case CELL_EMPTY:
		*lo = *hi = 0;
		return 1;
	case CELL_INT:
		*lo = *hi = c->n;
		return 1;
	case CELL_RANGE:
		*lo = c->n;
		*hi = c->d;
		return 1;
	case CELL_TEXT:
	case CELL_PCT:
	case CELL_MONEY:
	case CELL_YEAR:
	case CELL_RATE:
		break;
	}
	return 0;
}

int
report_check(const struct report *r)
{
	for (int i = 0; i < r->ntables; i++) {
		const struct table *t = r->tables[i];

		for (int row = 0; t->total.col && row < t->nrows; row++) {
			const struct cell *c = &t->cells[(size_t)row *
			    (size_t)t->ncols];
			int64_t	 lo = 0, hi = 0, plo, phi, tlo, thi;
			int	 ok = cell_count(&c[t->total.col], &tlo, &thi);

			for (int j = t->total.first; ok && j <= t->total.last;
			    j++) {
				ok = cell_count(&c[j], &plo, &phi) &&
				    !__builtin_add_overflow(lo, plo, &lo) &&
				    !__builtin_add_overflow(hi, phi, &hi);
			}
			if (!ok || lo != tlo || hi != thi)
				return error("table %s, row %d: \"%s\" is not "
				    "the sum of \"%s\" to \"%s\"", t->id,
				    row + 1, t->cols[t->total.col],
				    t->cols[t->total.first],
				    t->cols[t->total.last]);
		}
	}
	return 0;
}

struct cell *
table_row(struct report *r, struct table *t)
{
	size_t	 w = (size_t)t->ncols;

	/* grow by doubling: row counts are known only as rows come */
	if ((t->nrows & (t->nrows - 1)) == 0) {
		size_t	 cap = t->nrows ? (size_t)t->nrows * 2 : 8;

		t->cells = arena_grow(&r->arena, t->cells, (size_t)t->nrows * w,
		    cap * w, sizeof(*t->cells));
	}
	return &t->cells[(size_t)t->nrows++ * w];
}

void
cell_text(struct cell *c, const char *s)
{
	c->kind = CELL_TEXT;
	c->text = s;
}

void
cell_int(struct cell *c, int64_t n)
{
	c->kind = CELL_INT;
	c->n = n;
}

void
cell_pct(struct cell *c, int64_t n, int64_t d)
{
	c->kind = CELL_PCT;
	c->n = n;
	c->d = d;
}

void
cell_money(struct cell *c, int64_t cents)
{
	c->kind = CELL_MONEY;
	c->n = cents;
}

void
cell_year(struct cell *c, int year)
{
	c->kind = CELL_YEAR;
	c->n = year;
}

void
cell_rate(struct cell *c, int64_t lo, int64_t hi, int64_t pop)
{
	if (pop <= 0) {
		c->kind = CELL_EMPTY;
		return;
	}
	c->kind = CELL_RATE;
	c->n = lo;
	c->e = hi;
	c->d = pop;
}

const char *
report_years(struct report *r, int y0, int y1)
{
	if (y0 == y1)
		return report_printf(r, "%d", y0);
	return report_printf(r, "%d\xe2\x80\x93%d", y0, y1);
}

void
cell_range(struct cell *c, int64_t lo, int64_t hi)
{
	c->kind = lo == hi ? CELL_INT : CELL_RANGE;
	c->n = lo;
	c->d = hi;
}


const char *
cell_str(const struct cell *c)
{
	return c->text != NULL ? c->text : "";
}

void
report_meta(struct report *r, const char *kind, const char *key,
    const char *value, int year)
{
	json_t	*m = json_object();

	if (key != NULL)
		json_object_set_new(m, key, json_string(value));
	json_object_set_new(m, "kind", json_string(kind));
	if (year)
		json_object_set_new(m, "year", json_integer(year));
	free(r->json_meta);
	if ((r->json_meta = json_dumps(m, JSON_COMPACT |
	    JSON_PRESERVE_ORDER)) == NULL)
		die("json_dumps failed");
	json_decref(m);
}

void
submissions_table(struct report *r, struct section *sec, const char *id,
    const char *title, const char *rows, const char *kind,
    const struct submission *subs, size_t n)
{
	const char	*cols[7] = { "Submission", "Source", "File", "Format",
			    "SHA-256", rows, "Imported" };
	struct table	*t = table_new(r, sec, id, title, 7, cols);

	for (size_t i = 0; i < n; i++) {
		const struct submission *s = &subs[i];
		struct cell *c;

		if (kind != NULL && strcmp(s->kind, kind) != 0)
			continue;
		c = table_row(r, t);
		cell_text(&c[0], report_printf(r, "%lld", (long long)s->id));
		cell_text(&c[1], report_strdup(r, s->source));
		cell_text(&c[2], report_strdup(r, s->file_name));
		cell_text(&c[3], report_strdup(r, s->format));
		cell_text(&c[4], report_strdup(r, s->sha256));
		cell_int(&c[5], s->rows);
		cell_text(&c[6], report_strdup(r, s->created_at));
	}
}
