/*
 * crosstab.c: the counts of engine/crosstab.c written out, as palermo
 * stats prints them and an API would give them: text in columns, CSV, or
 * a JSON array of objects, each with its fields' values and its cases.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "report/report.h"

const char *const crosstab_format_names[XT__MAX] = {
	[XT_TEXT] = "text", [XT_CSV] = "csv", [XT_JSON] = "json",
};

/* The k-th value of a line: a CSV field, or a column of text. */
static void
put_cell(struct buf *b, enum crosstab_format fmt, int k, const char *s)
{
	if (fmt == XT_CSV) {
		if (k)
			buf_addc(b, ',');
		csv_put(b, s, strlen(s));
	} else
		buf_addf(b, "%-24s", s);
}

/* A JSON array, indented, as a line of b; the array is freed. */
static void
json_put(struct buf *b, json_t *arr)
{
	char	*text = json_dumps(arr, JSON_INDENT(1) | JSON_PRESERVE_ORDER);

	json_decref(arr);
	if (text == NULL)
		die("json_dumps failed");
	buf_addf(b, "%s\n", text);
	free(text);
}

void
crosstab_put(struct buf *b, enum crosstab_format fmt, const int *by,
    int nby, const struct crosstab_row *g, size_t ng, size_t total)
{
	char	 tmp[16], pct[32];

	if (fmt == XT_JSON) {
		json_t	*arr = json_array();

		for (size_t i = 0; i < ng; i++) {
			json_t	*obj = json_object();

			for (int k = 0; k < nby; k++)
				json_object_set_new(obj, xfield_name(by[k]),
				    g[i].v[k] == NR ? json_null() :
				    json_string(xfield_text(by[k], g[i].v[k],
				    tmp)));
			json_object_set_new(obj, "cases", json_integer(g[i].n));
			json_array_append_new(arr, obj);
		}
		json_put(b, arr);
		return;
	}
	for (int k = 0; k < nby; k++)
		put_cell(b, fmt, k, xfield_name(by[k]));
	buf_addf(b, fmt == XT_CSV ? ",cases,percent\n" : "%10s %8s\n",
	    "cases", "percent");
	for (size_t i = 0; i < ng; i++) {
		for (int k = 0; k < nby; k++)
			put_cell(b, fmt, k, xfield_text(by[k], g[i].v[k], tmp));
		pct_format(g[i].n, (int64_t)total, pct);
		buf_addf(b, fmt == XT_CSV ? ",%lld,%s\n" : "%10lld %8s\n",
		    (long long)g[i].n, pct);
	}
	if (fmt == XT_TEXT)
		buf_addf(b, "%-*s%10zu %8s\n", 24 * nby, "all", total,
		    total ? "100.0" : "");
}

/* How a value of official statistics reads (engine.h: ofield). */
static const char *
ofield_text(const struct grouping *g, int f, int v, char tmp[16])
{
	const struct country *c;

	switch (f) {
	case OF_COUNTRY:
	case OF_CITIZENSHIP:
		c = v >= 0 ? country_at(v) : NULL;
		return c ? c->alpha3 : "not a country";
	case OF_REGION:
		return v >= 0 && v < g->n ? g->names[v] : "not grouped";
	case OF_SUBREGION:
		return v ? region_name(v) : "none";
	case OF_YEAR:
		snprintf(tmp, 16, "%d", v);
		return tmp;
	case OF_INDICATOR:
		return code_name(CL_INDICATOR, v);
	case OF_SEX:
		return code_name(CL_SEX, v);
	case OF_AGE:
		return code_name(CL_AGE_GROUP, v);
	case OF_FORM:
		return code_name(CL_FORM, v);
	default:
		return "";
	}
}

void
official_crosstab_put(struct buf *b, enum crosstab_format fmt,
    const struct grouping *g, const int *by, int nby,
    const struct orow *r, size_t n)
{
	char	 tmp[16], v[64];
	int	 replaced = 0;

	if (fmt == XT_JSON) {
		json_t	*arr = json_array();

		for (size_t i = 0; i < n; i++) {
			json_t	*obj = json_object();

			for (int k = 0; k < nby; k++)
				json_object_set_new(obj, ofield_names[by[k]],
				    json_string(ofield_text(g, by[k], r[i].v[k],
				    tmp)));
			json_object_set_new(obj, "low", json_integer(r[i].lo));
			json_object_set_new(obj, "high", json_integer(r[i].hi));
			json_object_set_new(obj, "countries",
			    json_integer(r[i].countries));
			json_object_set_new(obj, "replaced",
			    json_integer(r[i].replaced));
			json_array_append_new(arr, obj);
		}
		json_put(b, arr);
		return;
	}
	for (int k = 0; k < nby; k++)
		put_cell(b, fmt, k, ofield_names[by[k]]);
	buf_addf(b, fmt == XT_CSV ? ",low,high,countries,replaced\n" :
	    "%22s %9s\n", "value", "countries");
	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < nby; k++)
			put_cell(b, fmt, k, ofield_text(g, by[k], r[i].v[k],
			    tmp));
		if (fmt == XT_CSV)
			buf_addf(b, ",%lld,%lld,%d,%d\n", (long long)r[i].lo,
			    (long long)r[i].hi, r[i].countries,
			    r[i].replaced);
		else {
			range_format(r[i].lo, r[i].hi, v);
			buf_addf(b, "%22s %9d\n", v, r[i].countries);
		}
		replaced += r[i].replaced;
	}
	if (fmt == XT_TEXT && replaced)
		buf_addf(b, "(%d totals contradicted by a complete split by sex "
		    "or age count as what the splits allow)\n", replaced);
}
