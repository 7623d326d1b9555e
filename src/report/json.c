/*
 * json.c: a report as one JSON document: its title, subtitle and time,
 * what it was made from (the report's meta: filters, submissions), and
 * every table with its columns and rows.  A count is a number; a
 * percentage keeps its numerator and denominator beside the rounded
 * value, so that no reader rounds it differently; a range is its two
 * ends; money is a string of dollars and the whole number of cents; a
 * rate keeps its counts and population.  A table of some years says
 * which.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "report/report.h"

/* Jansson fails only when out of memory, or on bad UTF-8 (see jstr). */
static json_t *
jnew(json_t *v)
{
	if (v == NULL)
		die("out of memory");
	return v;
}

static void
jset(json_t *obj, const char *key, json_t *v)
{
	if (json_object_set_new(obj, key, v) == -1)
		die("out of memory");
}

static void
jpush(json_t *arr, json_t *v)
{
	if (json_array_append_new(arr, v) == -1)
		die("out of memory");
}

/* A string, null for NULL; text that is not UTF-8 sets *bad. */
static json_t *
jstr(const char *s, int *bad)
{
	json_t	*v;

	if (s == NULL)
		return jnew(json_null());
	if ((v = json_string(s)) == NULL) {
		*bad = 1;
		return jnew(json_null());
	}
	return v;
}

static json_t *
cell_json(const struct cell *c, int *bad)
{
	json_t	*o;
	char	 pct[32], rate[64];

	switch (c->kind) {
	case CELL_TEXT:
		return jstr(cell_str(c), bad);
	case CELL_INT:
		return jnew(json_integer(c->n));
	case CELL_RANGE:
		o = jnew(json_object());
		jset(o, "low", jnew(json_integer(c->n)));
		jset(o, "high", jnew(json_integer(c->d)));
		return o;
	case CELL_MONEY: {
		char	 m[40];

		/* exact: the decimal as a string, and the cents */
		money_format(c->n, 2, m);
		o = jnew(json_object());
		jset(o, "usd", jstr(m, bad));
		jset(o, "cents", jnew(json_integer(c->n)));
		return o;
	}
	case CELL_PCT:
		o = jnew(json_object());
		jset(o, "n", jnew(json_integer(c->n)));
		jset(o, "d", jnew(json_integer(c->d)));
		pct_format(c->n, c->d, pct);
		jset(o, "percent", jnew(pct[0] != '\0' ?
		    json_real(strtod(pct, NULL)) : json_null()));
		return o;
	case CELL_YEAR:
		return jnew(json_integer(c->n));
	case CELL_RATE:
		/* the counts it rests on, and the rate as the page shows it */
		rate_format(c->n, c->e, c->d, rate);
		o = jnew(json_object());
		jset(o, "low", jnew(json_integer(c->n)));
		jset(o, "high", jnew(json_integer(c->e)));
		jset(o, "population", jnew(json_integer(c->d)));
		jset(o, "per_100000", jstr(rate, bad));
		return o;
	case CELL_EMPTY:
		break;
	}
	return jnew(json_null());
}

static json_t *
table_json(const struct table *t, int *bad)
{
	json_t	*o, *cols, *rows, *row;

	o = jnew(json_object());
	jset(o, "id", jstr(t->id, bad));
	jset(o, "title", jstr(t->title, bad));
	jset(o, "note", jstr(t->note, bad));
	if (t->y0) {
		json_t	*y = jnew(json_object());

		jset(y, "from", jnew(json_integer(t->y0)));
		jset(y, "to", jnew(json_integer(t->y1)));
		jset(o, "years", y);
	}
	cols = jnew(json_array());
	for (int j = 0; j < t->ncols; j++)
		jpush(cols, jstr(t->cols[j], bad));
	jset(o, "columns", cols);
	rows = jnew(json_array());
	for (int i = 0; i < t->nrows; i++) {
		row = jnew(json_array());
		for (int j = 0; j < t->ncols; j++)
			jpush(row, cell_json(&t->cells[(size_t)i *
			    (size_t)t->ncols + (size_t)j], bad));
		jpush(rows, row);
	}
	jset(o, "rows", rows);
	return o;
}

static int
dump_to_buf(const char *s, size_t n, void *arg)
{
	buf_add(arg, s, n);
	return 0;
}

int
report_json(const struct report *r, const char *path, struct buf *out)
{
	json_t		*root = NULL, *meta, *tables;
	json_error_t	 jerr;
	int		 bad = 0, ret = -1;

	if (r->json_meta == NULL)
		meta = jnew(json_null());
	else if ((meta = json_loads(r->json_meta, JSON_DECODE_ANY,
	    &jerr)) == NULL) {
		error("%s: the report's metadata is not JSON: %d:%d: %s",
		    path, jerr.line, jerr.column, jerr.text);
		goto out;
	}
	root = jnew(json_object());
	jset(root, "title", jstr(r->title, &bad));
	jset(root, "subtitle", jstr(r->subtitle, &bad));
	jset(root, "generated", jstr(r->generated, &bad));
	jset(root, "meta", meta);
	if (bad) {
		error("%s: the report's title or subtitle is not valid UTF-8",
		    path);
		goto out;
	}
	tables = jnew(json_array());
	jset(root, "tables", tables);
	for (int i = 0; i < r->ntables; i++) {
		jpush(tables, table_json(r->tables[i], &bad));
		if (bad) {
			error("%s: table %d: text is not valid UTF-8", path,
			    i + 1);
			goto out;
		}
	}

	/*
	 * Percentages have one decimal: 15 significant digits print them
	 * as they are ("12.3", not "12.300000000000001").
	 */
	if (json_dump_callback(root, dump_to_buf, out, JSON_INDENT(1) |
	    JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15)) == -1)
		die("out of memory");
	buf_addc(out, '\n');
	ret = 0;
out:
	json_decref(root);
	return ret;
}
