/*
 * crosstab.c: the cases counted by every combination of the values of a
 * few fields (palermo stats --by): the case fields, and fields derived
 * from them (the M49 region or sub-region of a country, the class of a
 * flow).  Not recorded is a value of its own.  Each record's values
 * become one 64-bit key; sorting the keys and counting runs of equal
 * ones gives every combination, in order, in one pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

/* Fields that stats can group by beyond the case fields: derived ones. */
enum {
	PF_EXPLOITATION_REGION = CF__MAX,
	PF_EXPLOITATION_SUBREGION,
	PF_CITIZENSHIP_REGION,
	PF_CITIZENSHIP_SUBREGION,
	PF_FLOW,
};

static const struct {
	const char	*name, *label;
} pseudo[XFIELD__MAX - CF__MAX] = {
	{ "exploitation_region", "M49 region of the country of exploitation" },
	{ "exploitation_subregion", "M49 sub-region of the country of "
	    "exploitation" },
	{ "citizenship_region", "M49 region of citizenship" },
	{ "citizenship_subregion", "M49 sub-region of citizenship" },
	{ "flow", "Flow class: domestic, within the sub-region, within the "
	    "region, across regions" },
};

int
xfield_find(const char *name)
{
	int	 f = case_field_find(name);

	if (f >= 0)
		return f;
	for (int i = 0; i < XFIELD__MAX - CF__MAX; i++)
		if (strcmp(pseudo[i].name, name) == 0)
			return CF__MAX + i;
	return -1;
}

const char *
xfield_name(int f)
{
	return f < CF__MAX ? case_fields[f].name : pseudo[f - CF__MAX].name;
}

int
xfield_value(const struct packed *p, int f)
{
	int	 c, e, ci, ei;

	if (f < CF__MAX)
		return packed_get(p, f);
	c = packed_get(p, CF_CITIZENSHIP);
	e = packed_get(p, CF_COUNTRY_EXPLOITATION);
	ci = c == NR ? -1 : country_index(c);
	ei = e == NR ? -1 : country_index(e);
	switch (f) {
	case PF_EXPLOITATION_REGION:
	case PF_EXPLOITATION_SUBREGION:
		return ei < 0 ? NR : country_m49(ei,
		    f == PF_EXPLOITATION_SUBREGION) ? country_m49(ei,
		    f == PF_EXPLOITATION_SUBREGION) : NR;
	case PF_CITIZENSHIP_REGION:
	case PF_CITIZENSHIP_SUBREGION:
		return ci < 0 ? NR : country_m49(ci,
		    f == PF_CITIZENSHIP_SUBREGION) ? country_m49(ci,
		    f == PF_CITIZENSHIP_SUBREGION) : NR;
	case PF_FLOW:
		return ci < 0 || ei < 0 ? NR : (int)flow_classify(ci, ei);
	}
	return NR;
}

const char *
xfield_text(int f, int v, char buf[16])
{
	const struct country *c;

	if (v == NR)
		return "not recorded";
	if (f >= CF__MAX) {
		if (f == PF_FLOW)
			return flow_class_names[v];
		return region_name(v);
	}
	switch (case_fields[f].kind) {
	case FK_YEAR:
		snprintf(buf, 16, "%d", v);
		return buf;
	case FK_CODE:
		return code_name(case_fields[f].list, v);
	case FK_COUNTRY:
		c = country_by_numeric(v);
		return c ? c->alpha3 : "?";
	case FK_FLAG:
		return v ? "yes" : "no";
	}
	return "?";
}

const char *
xfield_label(int f)
{
	return f < CF__MAX ? case_fields[f].label : pseudo[f - CF__MAX].label;
}

static uint64_t
key_of(const int *v, int nby)
{
	uint64_t	 k = 0;

	for (int i = 0; i < nby; i++)
		k = (k << 16) | (uint16_t)(v[i] + 1);
	return k;
}

static int
key_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

size_t
crosstab(const struct snapshot *s, const int *by, int nby,
    struct crosstab_row **rows)
{
	struct crosstab_row *g = NULL;
	uint64_t	*keys = xreallocarray(NULL, s->n ? s->n : 1,
			    sizeof(*keys));
	size_t		 ng = 0, cap = 0;

	for (size_t i = 0; i < s->n; i++) {
		int	 v[CROSSTAB_MAX];

		for (int k = 0; k < nby; k++)
			v[k] = xfield_value(&s->rec[i], by[k]);
		keys[i] = key_of(v, nby);
	}
	qsort(keys, s->n, sizeof(*keys), key_cmp);
	for (size_t i = 0; i < s->n; i++) {
		if (ng && keys[i] == keys[i - 1]) {
			g[ng - 1].n++;
			continue;
		}
		if (ng == cap) {
			cap = cap ? cap * 2 : 64;
			g = xreallocarray(g, cap, sizeof(*g));
		}
		for (int k = 0; k < nby; k++)
			g[ng].v[k] = (int)((keys[i] >> (16 * (nby - 1 - k))) &
			    0xffff) - 1;
		g[ng++].n = 1;
	}
	free(keys);
	*rows = g;
	return ng;
}
