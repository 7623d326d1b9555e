/*
 * country.c: ISO 3166-1 countries with their UN M49 grouping, and the
 * resolution of the many ways data files name a country.
 *
 * The tables are compiled into the binary from data/countries.csv and
 * data/country-aliases.csv (see data/README.md), so that resolution needs
 * no database.  A look-up accepts alpha-2, alpha-3 and numeric codes, the
 * ISO names and the aliases, case-insensitively.  The codes that data
 * formats use for "unknown" resolve to COUNTRY_UNKNOWN, never to a country.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

#define HASH_SIZE	4096	/* a power of two, well above the key count */

static struct country	*countries;
static int		 ncountries;
static struct {
	char	*key;
	int	 idx;
} table[HASH_SIZE];
static char		*regions_names[1000];	/* M49 code to name */
static short		 by_num[1000];		/* numeric code to index + 1 */

static const char *const unknown_codes[] = {
	"", "zz", "zzz", "00", "000", "-99", "99", "unknown", "n/a", "null",
};

static uint32_t
hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void
table_put(const char *name, int idx)
{
	struct buf	 k = BUF_INIT;
	uint32_t	 h;

	key_fold(&k, name);
	if (k.len == 0) {
		buf_release(&k);
		return;
	}
	for (h = hash(k.s) & (HASH_SIZE - 1); table[h].key != NULL;
	    h = (h + 1) & (HASH_SIZE - 1))
		if (strcmp(table[h].key, k.s) == 0) {
			buf_release(&k);
			return;		/* the first meaning stays */
		}
	table[h].key = buf_detach(&k);
	table[h].idx = idx;
}

static int
table_get(const char *key)
{
	uint32_t	 h;

	for (h = hash(key) & (HASH_SIZE - 1); table[h].key != NULL;
	    h = (h + 1) & (HASH_SIZE - 1))
		if (strcmp(table[h].key, key) == 0)
			return table[h].idx;
	return -1;
}

static int
by_alpha3(const char *a3)
{
	for (int i = 0; i < ncountries; i++)
		if (strcmp(countries[i].alpha3, a3) == 0)
			return i;
	return -1;
}

static int
region_code(const char *s)
{
	long long	 v;

	return parse_int(s, 1, 999, &v) == 0 ? (int)v : 0;
}

/* The name of an M49 code, kept once for the code. */
static const char *
region_keep(const char *code, const char *name)
{
	int	 c = region_code(code);

	if (c == 0)
		return "";
	if (regions_names[c] == NULL)
		regions_names[c] = xstrdup(name);
	return regions_names[c];
}

static int
country_row(const struct csv_record *r, void *arg)
{
	struct country	*c;
	long long	 num;

	(void)arg;
	if (r->line == 1)
		return 0;
	if (r->count != 11 || r->len[0] != 2 || r->len[1] != 3 ||
	    parse_int(r->field[2], 0, 999, &num) == -1)
		die("compiled-in countries.csv: bad line %lu", r->line);
	countries = xreallocarray(countries, (size_t)ncountries + 1,
	    sizeof(*countries));
	c = &countries[ncountries++];
	memcpy(c->alpha2, r->field[0], 3);
	memcpy(c->alpha3, r->field[1], 4);
	c->numeric = (int)num;
	c->name = xstrdup(r->field[3]);
	c->official_name = xstrdup(r->field[4]);
	c->region = region_code(r->field[5]);
	c->region_name = region_keep(r->field[5], r->field[6]);
	c->subregion = region_code(r->field[7]);
	c->subregion_name = region_keep(r->field[7], r->field[8]);
	c->intermediate = region_code(r->field[9]);
	c->intermediate_name = region_keep(r->field[9], r->field[10]);
	return 0;
}

static int
alias_row(const struct csv_record *r, void *arg)
{
	int	 i;

	(void)arg;
	if (r->line == 1)
		return 0;
	if (r->count != 2 || (i = by_alpha3(r->field[1])) == -1)
		die("compiled-in country-aliases.csv: bad line %lu", r->line);
	table_put(r->field[0], i);
	return 0;
}

/* The list and its numeric index: all that looking up by number needs. */
static void
country_list(void)
{
	if (countries != NULL)
		return;
	embedded_csv("data/countries.csv", country_row, NULL);
	for (int i = 0; i < ncountries; i++)
		by_num[countries[i].numeric] = (short)(i + 1);
}

/* The list, and the table of names, codes and aliases too. */
void
country_init(void)
{
	static int	 named;

	country_list();
	if (named)
		return;
	named = 1;
	for (int i = 0; i < ncountries; i++) {
		table_put(countries[i].alpha2, i);
		table_put(countries[i].alpha3, i);
		table_put(countries[i].name, i);
		table_put(countries[i].official_name, i);
	}
	embedded_csv("data/country-aliases.csv", alias_row, NULL);
}

int
country_count(void)
{
	country_list();
	return ncountries;
}

const struct country *
country_at(int i)
{
	country_list();
	return i >= 0 && i < ncountries ? &countries[i] : NULL;
}

int
country_index(int num)
{
	country_list();
	if (num < 0 || num > 999)
		return -1;
	return by_num[num] - 1;
}

const struct country *
country_by_numeric(int num)
{
	country_list();
	if (num < 0 || num > 999 || by_num[num] == 0)
		return NULL;
	return &countries[by_num[num] - 1];
}

enum country_result
country_resolve(const char *s, const struct country **out)
{
	static struct buf k = BUF_INIT;	/* reused: resolution is hot */
	long long	 num;
	int		 i;
	enum country_result rc = COUNTRY_INVALID;

	country_init();
	*out = NULL;
	key_fold(&k, s);
	for (size_t u = 0; u < sizeof(unknown_codes) /
	    sizeof(unknown_codes[0]); u++)
		if (strcmp(k.s, unknown_codes[u]) == 0) {
			rc = COUNTRY_UNKNOWN;
			goto out;
		}
	/* numeric codes: digits only, as given ("-4" is no country) */
	if (strspn(s, "0123456789") == strlen(s) &&
	    parse_int(s, 1, 999, &num) == 0) {
		if ((*out = country_by_numeric((int)num)) != NULL)
			rc = COUNTRY_FOUND;
		goto out;
	}
	if ((i = table_get(k.s)) != -1) {
		*out = &countries[i];
		rc = COUNTRY_FOUND;
	}
out:
	return rc;
}

/* ---------------------------------------------------------------------- */
/* The UN M49 hierarchy: regions and the flows between them. */

const char *const region_names[NREGIONS] = {
	"Africa", "Americas", "Asia", "Europe", "Oceania", "Unknown",
};
static const int region_codes[NREGIONS - 1] = { 2, 19, 142, 150, 9 };

const char *const flow_class_names[NCLASSES] = {
	[FLOW_DOMESTIC] = "Domestic",
	[FLOW_SUBREGION] = "Within the sub-region",
	[FLOW_REGION] = "Within the region",
	[FLOW_ACROSS] = "Across regions",
};

int
country_m49(int idx, int level)
{
	const struct country	*c = country_at(idx);

	if (c == NULL)
		return 0;
	return level == 0 ? c->region : level == 1 ? c->subregion :
	    c->intermediate;
}

int
region_index(int idx)
{
	int	 code = idx == IDX_NR ? 0 : country_m49(idx, 0);

	for (int i = 0; i < NREGIONS - 1; i++)
		if (region_codes[i] == code)
			return i;
	return NREGIONS - 1;
}

enum flow_class
flow_classify(int from, int to)
{
	int	 s;

	if (from == to)
		return FLOW_DOMESTIC;
	s = country_m49(from, 1);
	if (s && s == country_m49(to, 1))
		return FLOW_SUBREGION;
	s = country_m49(from, 0);
	if (s && s == country_m49(to, 0))
		return FLOW_REGION;
	return FLOW_ACROSS;
}

int
country_in_region(int idx, int code)
{
	return idx >= 0 && code != 0 && (country_m49(idx, 0) == code ||
	    country_m49(idx, 1) == code || country_m49(idx, 2) == code);
}

void
grouping_m49(struct grouping *g)
{
	memset(g, 0, sizeof(*g));
	g->name = "UN M49";
	g->n = NREGIONS - 1;
	for (int i = 0; i < g->n; i++)
		g->names[i] = region_names[i];
	for (int i = 0; i < 256; i++) {
		int	 r = i < country_count() ? region_index(i) : NREGIONS - 1;

		g->of[i] = (int16_t)(r == NREGIONS - 1 ? -1 : r);
	}
}

int
grouping_of_scheme(struct grouping *g, const char *name,
    const struct region_member *m, size_t n)
{
	memset(g, 0, sizeof(*g));
	g->name = name;
	for (int i = 0; i < 256; i++)
		g->of[i] = -1;
	/* the members come by region: each new name is a new region */
	for (size_t i = 0; i < n; i++) {
		int	 idx = country_index(m[i].country), k;

		for (k = 0; k < g->n && strcmp(g->names[k], m[i].region) != 0;
		    k++)
			;
		if (k == g->n) {
			if (g->n == GROUPING_MAX)
				return -1;
			g->names[g->n++] = m[i].region;
		}
		if (idx >= 0)
			g->of[idx] = (int16_t)k;
	}
	return 0;
}

int
grouping_of(const struct grouping *g, int idx)
{
	return idx >= 0 && idx < 256 ? g->of[idx] : -1;
}

const char *
region_name(int code)
{
	country_list();
	if (code == 1)
		return "World";
	return code > 1 && code < 1000 ? regions_names[code] : NULL;
}

int
region_resolve(const char *s, int *code)
{
	long long	 v;

	for (int i = 0; i < country_count(); i++) {
		const struct country *c = &countries[i];

		if (str_eqi(c->region_name, s)) {
			*code = c->region;
			return 0;
		}
		if (str_eqi(c->subregion_name, s)) {
			*code = c->subregion;
			return 0;
		}
		if (*c->intermediate_name && str_eqi(c->intermediate_name,
		    s)) {
			*code = c->intermediate;
			return 0;
		}
	}
	if (parse_int(s, 1, 999, &v) == 0 && region_name((int)v) != NULL) {
		*code = (int)v;
		return 0;
	}
	return error("'%s' is not a UN M49 region, sub-region or intermediate "
	    "region (see 'palermo countries')", s);
}

/* Case-insensitive substring test, ASCII letters folded. */
static int
contains(const char *hay, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; *hay; hay++) {
		size_t	 i;

		for (i = 0; i < n; i++)
			if (tolower((unsigned char)hay[i]) !=
			    tolower((unsigned char)needle[i]))
				break;
		if (i == n)
			return 1;
	}
	return n == 0;
}

int
country_matches(const struct country *c, const char *q)
{
	return contains(c->name, q) || contains(c->official_name, q) ||
	    contains(c->region_name, q) || contains(c->subregion_name, q) ||
	    contains(c->intermediate_name, q);
}
