/*
 * table.c: building a report out of sections and tables (see table.h).
 * Everything a report holds is allocated from its arena and freed at once
 * by report_free.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "palermo.h"
#include "table.h"

struct arena {
	void	**p;
	size_t	  n, cap;
};

static void *
arena_alloc(struct report *r, size_t size)
{
	struct arena	*a = r->arena;
	void		*p = xcalloc(1, size);

	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->p = xreallocarray(a->p, a->cap, sizeof(*a->p));
	}
	a->p[a->n++] = p;
	return p;
}

/* Grow an array held in the arena: the old block stays until the end. */
static void *
arena_grow(struct report *r, void *old, size_t oldn, size_t newn, size_t size)
{
	void	*p = arena_alloc(r, newn * size);

	if (old)
		memcpy(p, old, oldn * size);
	return p;
}

struct report *
report_new(const char *title)
{
	struct report	*r = xcalloc(1, sizeof(*r));
	char		 now[21];

	r->arena = xcalloc(1, sizeof(struct arena));
	r->title = report_strdup(r, title);
	time_iso(now);
	r->generated = report_strdup(r, now);
	return r;
}

void
report_free(struct report *r)
{
	struct arena	*a;

	if (r == NULL)
		return;
	a = r->arena;
	for (size_t i = 0; i < a->n; i++)
		free(a->p[i]);
	free(a->p);
	free(a);
	free(r->json_meta);
	free(r);
}

char *
report_strdup(struct report *r, const char *s)
{
	size_t	 n = strlen(s);
	char	*p = arena_alloc(r, n + 1);

	memcpy(p, s, n + 1);
	return p;
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
	struct section	*s = arena_alloc(r, sizeof(*s));

	s->id = id;
	s->title = title;
	r->sections = arena_grow(r, r->sections, (size_t)r->nsections,
	    (size_t)r->nsections + 1, sizeof(*r->sections));
	r->sections[r->nsections++] = s;
	return s;
}

void
section_para(struct report *r, struct section *s, const char *text)
{
	s->paras = arena_grow(r, s->paras, (size_t)s->nparas,
	    (size_t)s->nparas + 1, sizeof(*s->paras));
	s->paras[s->nparas++] = report_strdup(r, text);
}

struct table *
table_new(struct report *r, struct section *s, const char *id,
    const char *title, int ncols, const char *const *cols)
{
	struct table	*t = arena_alloc(r, sizeof(*t));

	assert(ncols >= 1);
	t->id = id;
	t->title = title;
	t->ncols = ncols;
	t->cols = arena_alloc(r, (size_t)ncols * sizeof(*t->cols));
	for (int i = 0; i < ncols; i++)
		t->cols[i] = report_strdup(r, cols[i]);
	if (s != NULL) {
		s->tables = arena_grow(r, s->tables, (size_t)s->ntables,
		    (size_t)s->ntables + 1, sizeof(*s->tables));
		s->tables[s->ntables++] = t;
	}
	r->tables = arena_grow(r, r->tables, (size_t)r->ntables,
	    (size_t)r->ntables + 1, sizeof(*r->tables));
	r->tables[r->ntables++] = t;
	return t;
}

struct cell *
table_row(struct report *r, struct table *t)
{
	size_t	 w = (size_t)t->ncols;

	/* grow by doubling: row counts are known only as rows come */
	if ((t->nrows & (t->nrows - 1)) == 0) {
		size_t	 cap = t->nrows ? (size_t)t->nrows * 2 : 8;

		t->cells = arena_grow(r, t->cells, (size_t)t->nrows * w,
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
money_text(int64_t cents, char buf[40])
{
	uint64_t	 u = cents < 0 ? -(uint64_t)cents : (uint64_t)cents;
	char		 whole[32];

	int_format((int64_t)(u / 100), whole);
	snprintf(buf, 40, "%s%s.%02u", cents < 0 ? "-" : "", whole,
	    (unsigned)(u % 100));
}

void
cell_range(struct cell *c, int64_t lo, int64_t hi)
{
	c->kind = lo == hi ? CELL_INT : CELL_RANGE;
	c->n = lo;
	c->d = hi;
}

void
range_format(int64_t lo, int64_t hi, char buf[64])
{
	char	 a[32], b[32];

	int_format(lo, a);
	if (lo == hi) {
		snprintf(buf, 64, "%s", a);
		return;
	}
	int_format(hi, b);
	snprintf(buf, 64, "%.28s\xe2\x80\x93%.28s", a, b);
}

void
pct_format(int64_t n, int64_t d, char buf[32])
{
	unsigned __int128 t;
	uint64_t	 un;
	int		 neg = n < 0;

	if (d <= 0) {
		buf[0] = '\0';
		return;
	}
	/* round half away from zero on the tenths, in wide integers */
	un = neg ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
	t = ((unsigned __int128)un * 2000 / (uint64_t)d + 1) / 2;
	snprintf(buf, 32, "%s%llu.%u", neg && t ? "-" : "",
	    (unsigned long long)(t / 10), (unsigned)(t % 10));
}

void
int_format(int64_t v, char buf[32])
{
	char		 raw[24];
	uint64_t	 u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int		 len, out = 0;

	len = snprintf(raw, sizeof(raw), "%llu", (unsigned long long)u);
	if (v < 0)
		buf[out++] = '-';
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			buf[out++] = ',';
		buf[out++] = raw[i];
	}
	buf[out] = '\0';
}
