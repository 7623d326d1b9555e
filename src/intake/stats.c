/*
 * stats.c: the formats of official statistics: the UNODC data portal's
 * export (13 columns, as CSV or xlsx), palermo's own CSV and JSON, and the
 * population CSV; and the reading of free-text origins ("Romanian",
 * "Nationals", "Abroad") as countries, regions or words.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "intake/intake.h"

const char *const stat_format_names[SFMT__MAX] = {
	[SFMT_UNODC] = "unodc",
	[SFMT_PALERMO] = "palermo",
	[SFMT_JSON] = "json",
};

/* The UNODC export's columns, in its order. */
enum {
	U_ISO3, U_COUNTRY, U_REGION, U_SUBREGION, U_INDICATOR, U_DIMENSION,
	U_CATEGORY, U_SEX, U_AGE, U_YEAR, U_UNIT, U_VALUE, U_SOURCE, U__MAX
};
static const char *const unodc_cols[U__MAX] = {
	"Iso3_code", "Country", "Region", "Subregion", "Indicator",
	"Dimension", "Category", "Sex", "Age", "Year", "Unit of measurement",
	"txtVALUE", "Source",
};
static const char *const unodc_dims[ODIM__MAX + 1] = {
	"Total", "by citizenship", "by country of repatriation",
	"by form of exploitation",
};
#define DIM_FORM	ODIM__MAX

/* palermo's own columns. */
enum {
	P_COUNTRY, P_COUNTRY_TEXT, P_YEAR, P_INDICATOR, P_SEX, P_AGE, P_FORM,
	P_ORIGIN_DIM, P_ORIGIN_KIND, P_ORIGIN_CODE, P_ORIGIN_TEXT, P_LOW,
	P_HIGH, P_NOTE, P_PART, P__MAX
};
_Static_assert(P__MAX <= 16 && U__MAX <= 16, "stat_reader.col holds them");

static const char *const palermo_cols[P__MAX] = {
	"country", "country_text", "year", "indicator", "sex", "age_group",
	"form", "origin_dim", "origin_kind", "origin_code", "origin_text",
	"low", "high", "note", "part",
};
/* palermo's columns that a file may leave out */
#define P_OPTIONAL(c)	((c) == P_PART)

/* Areas with an M49 code but no ISO 3166-1 code, as reporting areas. */
static const struct {
	const char	*name;
	int		 m49, region, subregion;
} areas[] = {
	{ "Sark", 680, 150, 154 },
};

/* ---------------------------------------------------------------------- */
/* Origins */

struct origin_entry {
	char	*key;		/* folded */
	int	 kind, code;
	size_t	 seq;		/* order added: a later reading wins */
};

struct origin_map {
	struct origin_entry	*e;
	size_t			 n;
	int			 sorted;
};

static int
entry_cmp(const void *a, const void *b)
{
	const struct origin_entry *x = a, *y = b;
	int	 c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
key_cmp(const void *a, const void *b)
{
	return strcmp(((const struct origin_entry *)a)->key,
	    ((const struct origin_entry *)b)->key);
}

/* Add a reading; a later one for the same text wins. */
void
origin_map_add(struct origin_map *m, const char *text, int kind, int code)
{
	struct buf	 k = BUF_INIT;

	key_fold(&k, text);
	m->e = xreallocarray(m->e, m->n + 1, sizeof(*m->e));
	m->e[m->n].key = buf_detach(&k);
	m->e[m->n].kind = kind;
	m->e[m->n].code = code;
	m->e[m->n].seq = m->n;
	m->n++;
	m->sorted = 0;
}

static int
shipped_row(const struct csv_record *r, void *arg)
{
	struct origin_map	*m = arg;
	const struct country	*c;
	int			 kind;
	long long		 v;

	if (r->line == 1)
		return 0;
	if (r->count != 3 || (kind = code_find(CL_ORIGIN_KIND, r->field[1])) ==
	    -1)
		die("compiled-in origins.csv: bad line %lu", r->line);
	if (kind == OKIND_COUNTRY) {
		if (country_resolve(r->field[2], &c) != COUNTRY_FOUND)
			die("compiled-in origins.csv: line %lu: no country %s",
			    r->line, r->field[2]);
		origin_map_add(m, r->field[0], kind, c->numeric);
	} else if (kind == OKIND_REGION) {
		if (parse_int(r->field[2], 1, 999, &v) == -1)
			die("compiled-in origins.csv: line %lu: bad region",
			    r->line);
		origin_map_add(m, r->field[0], kind, (int)v);
	} else
		origin_map_add(m, r->field[0], kind, NR);
	return 0;
}

struct origin_map *
origin_map_new(void)
{
	struct origin_map	*m = xcalloc(1, sizeof(*m));
	embedded_csv("data/origins.csv", shipped_row, m);
	return m;
}

struct origin_map *
origin_map_load(struct store *st)
{
	struct origin_map	*m = origin_map_new();
	struct arena		 a = { NULL };
	struct origin_reading	*v;
	size_t			 n;

	if (st->ops->origin_list(st, &a, &v, &n) == -1) {
		origin_map_free(m);
		m = NULL;
	} else
		for (size_t i = 0; i < n; i++)
			origin_map_add(m, v[i].text, v[i].kind, v[i].code);
	arena_release(&a);
	return m;
}

void
origin_map_free(struct origin_map *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->n; i++)
		free(m->e[i].key);
	free(m->e);
	free(m);
}

/*
 * Read an origin: the user's map and the shipped one first (the last
 * reading of a text wins), then countries by code or name, then M49
 * region names; what stays is unmapped and kept as written.
 */
void
origin_resolve(struct origin_map *m, const char *text, int *kind, int *code)
{
	static struct buf	 k = BUF_INIT;	/* reused: this is hot */
	const struct country	*c;
	struct origin_entry	 key, *hit = NULL;
	int			 r;

	if (!m->sorted && m->n) {
		qsort(m->e, m->n, sizeof(*m->e), entry_cmp);
		m->sorted = 1;
	}
	key_fold(&k, text);
	key.key = k.s;
	if (m->n)
		hit = bsearch(&key, m->e, m->n, sizeof(*m->e), key_cmp);
	if (hit != NULL) {
		/* the last of equal keys: the user's map is added last */
		while (hit + 1 < m->e + m->n && strcmp(hit[1].key, hit->key)
		    == 0)
			hit++;
		*kind = hit->kind;
		*code = hit->code;
		return;
	}
	/* a bare number is no country here: the portal's categories hold
	 * counts such as "0" and "6" where a country should be */
	if (*text && strspn(text, "0123456789") == strlen(text)) {
		*kind = OKIND_UNMAPPED;
		*code = NR;
		return;
	}
	switch (country_resolve(text, &c)) {
	case COUNTRY_FOUND:
		*kind = OKIND_COUNTRY;
		*code = c->numeric;
		return;
	case COUNTRY_UNKNOWN:
		*kind = OKIND_UNKNOWN;
		*code = NR;
		return;
	case COUNTRY_INVALID:
		break;
	}
	for (int i = 0; i < country_count(); i++) {
		const struct country *ct = country_at(i);

		if (str_eqi(ct->region_name, text))
			r = ct->region;
		else if (str_eqi(ct->subregion_name, text))
			r = ct->subregion;
		else if (*ct->intermediate_name && str_eqi(ct->intermediate_name,
		    text))
			r = ct->intermediate;
		else
			continue;
		*kind = OKIND_REGION;
		*code = r;
		return;
	}
	*kind = OKIND_UNMAPPED;
	*code = NR;
}

/* ---------------------------------------------------------------------- */
/* Reading */

struct stat_reader {
	int			 fmt;
	int			 col[16];	/* P__MAX and U__MAX fit */
	size_t			 ncols;
	struct errlist		*el;
	struct origin_map	*om;
	int			 year_max;
	struct buf		 num;
};

static int
header_index(const struct csv_record *h, const char *name)
{
	for (size_t i = 0; i < h->count; i++)
		if (str_eqi(h->field[i], name))
			return (int)i;
	return -1;
}

/* A header is of the format of which it has at least three columns. */
int
stat_detect(const struct csv_record *h)
{
	int	 u = 0, p = 0;

	for (int i = 0; i < U__MAX; i++)
		u += header_index(h, unodc_cols[i]) >= 0;
	for (int i = 0; i < P__MAX; i++)
		p += header_index(h, palermo_cols[i]) >= 0;
	if (u >= 3 && u > p)
		return SFMT_UNODC;
	if (p >= 3 && p > u)
		return SFMT_PALERMO;
	return -1;
}

struct stat_reader *
stat_reader_new(int fmt, const struct csv_record *h, struct errlist *el,
    struct origin_map *om)
{
	struct stat_reader	*r = xcalloc(1, sizeof(*r));
	const char *const	*names = fmt == SFMT_UNODC ? unodc_cols :
				    palermo_cols;
	int			 n = fmt == SFMT_UNODC ? (int)U__MAX :
				    (int)P__MAX, bad = 0;

	r->fmt = fmt;
	r->el = el;
	r->om = om;
	r->ncols = h->count;
	r->year_max = current_year();
	buf_init(&r->num, 64);
	for (int c = 0; c < n; c++) {
		if ((r->col[c] = header_index(h, names[c])) == -1 &&
		    !(fmt != SFMT_UNODC && P_OPTIONAL(c))) {
			errlist_add(el, h->line, 0, names[c], "column missing "
			    "from the header of this %s file",
			    stat_format_names[fmt]);
			bad = 1;
		}
	}
	for (size_t i = 0; i < h->count; i++) {
		int	 known = 0;

		for (int c = 0; c < n; c++)
			known |= str_eqi(names[c], h->field[i]);
		if (!known) {
			errlist_add(el, h->line, i + 1, h->field[i], "not a "
			    "column of the %s statistics format",
			    stat_format_names[fmt]);
			bad = 1;
		}
	}
	if (bad) {
		stat_reader_free(r);
		return NULL;
	}
	return r;
}

void
stat_reader_free(struct stat_reader *r)
{
	if (r == NULL)
		return;
	buf_release(&r->num);
	free(r);
}

static const char *
field(const struct csv_record *rec, int i)
{
	return i >= 0 && (size_t)i < rec->count ? rec->field[i] : "";
}

/* A code by its label (UNODC) or name (palermo); -1 when neither. */
static int
code_of(enum code_list l, const char *s)
{
	/* the portal's own spelling first: the common case is exact */
	for (int i = 0; i < code_lists[l].count; i++)
		if (strcmp(code_lists[l].codes[i].label, s) == 0)
			return i;
	for (int i = 0; i < code_lists[l].count; i++)
		if (str_eqi(code_lists[l].codes[i].label, s) ||
		    str_eqi(code_lists[l].codes[i].name, s))
			return i;
	return -1;
}

static void
bad_code(struct stat_reader *r, const struct csv_record *rec, int col,
    const char *name, enum code_list l)
{
	struct buf	 b = BUF_INIT;

	for (int i = 0; i < code_lists[l].count; i++)
		buf_addf(&b, "%s'%s'", i ? ", " : "", r->fmt == SFMT_UNODC ?
		    code_lists[l].codes[i].label : code_lists[l].codes[i].name);
	errlist_add(r->el, rec->line, (unsigned long)col + 1, name, "unknown "
	    "value '%s'; expected one of %s", field(rec, col), b.s);
	buf_release(&b);
}

/*
 * A count: digits, with commas between thousands as the portal writes
 * them, or "<5" (1 to 4).  Negative and other values are refused.
 */
static int
read_value(struct stat_reader *r, const struct csv_record *rec, int col,
    const char *name, int64_t *low, int64_t *high)
{
	const char	*s = field(rec, col);
	long long	 v;
	int		 ok = 1;

	if (strcmp(s, "<5") == 0) {
		*low = 1;
		*high = 4;
		return 0;
	}
	if (*s == '-' || (*s == '<' && s[1] != '5')) {
		errlist_add(r->el, rec->line, (unsigned long)col + 1, name,
		    "'%s' is a negative or open value; expected a count, or "
		    "'<5'", s);
		return -1;
	}
	/* commas only between groups of three digits: 1,096 or 6,112,019 */
	buf_reset(&r->num);
	if (strchr(s, ',') != NULL) {
		const char	*p = s;
		size_t		 n = strspn(p, "0123456789");

		ok = n > 0 && n <= 3;
		for (p += n; ok && *p == ','; p += 4)
			ok = strspn(p + 1, "0123456789") == 3;
		ok = ok && *p == '\0';
		for (p = s; ok && *p; p++)
			if (*p != ',')
				buf_addc(&r->num, *p);
	} else
		buf_adds(&r->num, s);
	if (!ok || r->num.overflow || parse_int(r->num.s, 0, INT64_MAX / 4,
	    &v) == -1) {
		errlist_add(r->el, rec->line, (unsigned long)col + 1, name,
		    "'%s' is not a count; expected a whole number (commas "
		    "between thousands allowed) or '<5'", s);
		return -1;
	}
	*low = *high = v;
	return 0;
}

static int
read_year(struct stat_reader *r, const struct csv_record *rec, int col,
    const char *name, int *year)
{
	long long	 v;

	if (parse_int(field(rec, col), 1900, r->year_max, &v) == -1) {
		errlist_add(r->el, rec->line, (unsigned long)col + 1, name,
		    "'%s' is not a year from 1900 to %d", field(rec, col),
		    r->year_max);
		return -1;
	}
	*year = (int)v;
	return 0;
}

/* The reporting country: a code, else the name, else an M49 area. */
static int
read_country(struct stat_reader *r, const struct csv_record *rec, int col,
    int namecol, struct stat_rec *s)
{
	const struct country	*c;
	const char		*code = field(rec, col), *name = field(rec,
				    namecol);

	/* the name is kept only where it is not the ISO name, so that an
	 * export gives back the file's own spelling */
	s->country = NR;
	s->country_text = *name ? name : NULL;
	if ((*code && country_resolve(code, &c) == COUNTRY_FOUND) ||
	    (*code == '\0' && *name && country_resolve(name, &c) ==
	    COUNTRY_FOUND)) {
		s->country = c->numeric;
		if (s->country_text && strcmp(s->country_text, c->name) == 0)
			s->country_text = NULL;
		return 0;
	}
	if (*code == '\0')
		for (size_t i = 0; i < sizeof(areas) / sizeof(areas[0]); i++)
			if (str_eqi(areas[i].name, name))
				return 0;
	errlist_add(r->el, rec->line, (unsigned long)(*code ? col : namecol) +
	    1, *code ? unodc_cols[U_ISO3] : unodc_cols[U_COUNTRY], "unknown "
	    "reporting country '%s'; expected an ISO 3166-1 code or name",
	    *code ? code : name);
	return -1;
}

static int
map_unodc(struct stat_reader *r, const struct csv_record *rec,
    struct stat_rec *s)
{
	const int	*c = r->col;
	const char	*dim, *cat;
	int		 rc = 0, d = -1, v;

	if (read_country(r, rec, c[U_ISO3], c[U_COUNTRY], s) == -1)
		rc = -1;
	if (read_year(r, rec, c[U_YEAR], unodc_cols[U_YEAR], &s->year) == -1)
		rc = -1;
	if ((s->indicator = code_of(CL_INDICATOR, field(rec, c[U_INDICATOR])))
	    == -1) {
		bad_code(r, rec, c[U_INDICATOR], unodc_cols[U_INDICATOR],
		    CL_INDICATOR);
		rc = -1;
	}
	if ((s->sex = code_of(CL_SEX, field(rec, c[U_SEX]))) == -1) {
		bad_code(r, rec, c[U_SEX], unodc_cols[U_SEX], CL_SEX);
		rc = -1;
	}
	if ((s->age = code_of(CL_AGE_GROUP, field(rec, c[U_AGE]))) == -1) {
		bad_code(r, rec, c[U_AGE], unodc_cols[U_AGE], CL_AGE_GROUP);
		rc = -1;
	}
	if (strcmp(field(rec, c[U_UNIT]), "Counts") != 0 &&
	    !str_eqi(field(rec, c[U_UNIT]), "Counts")) {
		errlist_add(r->el, rec->line, (unsigned long)c[U_UNIT] + 1,
		    unodc_cols[U_UNIT], "'%s': palermo keeps counts; expected "
		    "'Counts'", field(rec, c[U_UNIT]));
		rc = -1;
	}
	if (read_value(r, rec, c[U_VALUE], unodc_cols[U_VALUE], &s->low,
	    &s->high) == -1)
		rc = -1;
	s->note = *field(rec, c[U_SOURCE]) ? field(rec, c[U_SOURCE]) : NULL;

	dim = field(rec, c[U_DIMENSION]);
	cat = field(rec, c[U_CATEGORY]);
	for (int i = 0; i <= ODIM__MAX && d == -1; i++)
		if (strcmp(unodc_dims[i], dim) == 0)
			d = i;
	for (int i = 0; i <= ODIM__MAX && d == -1; i++)
		if (str_eqi(unodc_dims[i], dim))
			d = i;
	s->form = FORM_TOTAL;
	s->origin_dim = ODIM_NONE;
	s->origin_kind = OKIND_NONE;
	s->origin_code = NR;
	s->origin_text = NULL;
	if (d == -1) {
		errlist_add(r->el, rec->line, (unsigned long)c[U_DIMENSION] + 1,
		    unodc_cols[U_DIMENSION], "unknown value '%s'; expected "
		    "'Total', 'by form of exploitation', 'by citizenship' or "
		    "'by country of repatriation'", dim);
		return -1;
	}
	if (d == ODIM_NONE && !str_eqi(cat, "Total")) {
		errlist_add(r->el, rec->line, (unsigned long)c[U_CATEGORY] + 1,
		    unodc_cols[U_CATEGORY], "'%s' under the dimension 'Total'; "
		    "expected 'Total'", cat);
		rc = -1;
	} else if (d == DIM_FORM) {
		if ((v = code_of(CL_FORM, cat)) <= FORM_TOTAL) {
			errlist_add(r->el, rec->line, (unsigned long)
			    c[U_CATEGORY] + 1, unodc_cols[U_CATEGORY], "unknown "
			    "form of exploitation '%s'", cat);
			rc = -1;
		} else
			s->form = v;
	} else if (d != ODIM_NONE) {
		s->origin_dim = d;
		s->origin_text = cat;
		origin_resolve(r->om, cat, &s->origin_kind, &s->origin_code);
	}
	return rc;
}

static int
map_palermo(struct stat_reader *r, const struct csv_record *rec,
    struct stat_rec *s)
{
	const int		*c = r->col;
	const struct country	*ct;
	static const enum code_list lists[] = { CL_INDICATOR, CL_SEX,
	    CL_AGE_GROUP, CL_FORM, CL_ORIGIN_DIM, CL_ORIGIN_KIND };
	int			*dst[] = { &s->indicator, &s->sex, &s->age,
				    &s->form, &s->origin_dim, &s->origin_kind };
	const char		*oc;
	long long		 v;
	int			 rc = 0;

	s->country = NR;
	s->country_text = *field(rec, c[P_COUNTRY_TEXT]) ? field(rec,
	    c[P_COUNTRY_TEXT]) : NULL;
	if (*field(rec, c[P_COUNTRY])) {
		if (country_resolve(field(rec, c[P_COUNTRY]), &ct) !=
		    COUNTRY_FOUND) {
			errlist_add(r->el, rec->line, (unsigned long)c[P_COUNTRY]
			    + 1, "country", "unknown country '%s'",
			    field(rec, c[P_COUNTRY]));
			rc = -1;
		} else
			s->country = ct->numeric;
	} else if (s->country_text == NULL) {
		errlist_add(r->el, rec->line, (unsigned long)c[P_COUNTRY] + 1,
		    "country", "a country or a country_text is needed");
		rc = -1;
	}
	if (read_year(r, rec, c[P_YEAR], "year", &s->year) == -1)
		rc = -1;
	for (int i = 0; i < 6; i++) {
		int	 col = c[P_INDICATOR + i];

		if ((*dst[i] = code_find(lists[i], field(rec, col))) == -1) {
			bad_code(r, rec, col, palermo_cols[P_INDICATOR + i],
			    lists[i]);
			rc = -1;
		}
	}
	oc = field(rec, c[P_ORIGIN_CODE]);
	s->origin_code = NR;
	if (*oc && s->origin_kind == OKIND_COUNTRY) {
		if (country_resolve(oc, &ct) != COUNTRY_FOUND) {
			errlist_add(r->el, rec->line, (unsigned long)
			    c[P_ORIGIN_CODE] + 1, "origin_code", "unknown "
			    "country '%s'", oc);
			rc = -1;
		} else
			s->origin_code = ct->numeric;
	} else if (*oc) {
		if (parse_int(oc, 1, 999, &v) == -1 || region_name((int)v) ==
		    NULL) {
			errlist_add(r->el, rec->line, (unsigned long)
			    c[P_ORIGIN_CODE] + 1, "origin_code", "'%s' is not "
			    "a UN M49 region code", oc);
			rc = -1;
		} else
			s->origin_code = (int)v;
	}
	/* with a breakdown by origin, a blank text is the file's own blank */
	s->origin_text = *field(rec, c[P_ORIGIN_TEXT]) ||
	    s->origin_dim > ODIM_NONE ? field(rec, c[P_ORIGIN_TEXT]) : NULL;
	if (strcmp(field(rec, c[P_LOW]), field(rec, c[P_HIGH])) == 0) {
		if (read_value(r, rec, c[P_LOW], "low", &s->low, &s->high) ==
		    -1)
			rc = -1;
	} else {
		int64_t	 lo, hi, x;

		if (read_value(r, rec, c[P_LOW], "low", &lo, &x) == -1 ||
		    read_value(r, rec, c[P_HIGH], "high", &x, &hi) == -1)
			rc = -1;
		else if (hi < lo) {
			errlist_add(r->el, rec->line, (unsigned long)c[P_HIGH] +
			    1, "high", "high is below low");
			rc = -1;
		} else {
			s->low = lo;
			s->high = hi;
		}
	}
	s->note = *field(rec, c[P_NOTE]) ? field(rec, c[P_NOTE]) : NULL;
	s->part = 0;
	if (*field(rec, c[P_PART])) {
		if (parse_int(field(rec, c[P_PART]), 1, 1000000, &v) == -1) {
			errlist_add(r->el, rec->line, (unsigned long)c[P_PART] +
			    1, "part", "'%s' is not a part number; expected 1, "
			    "2, ... or empty", field(rec, c[P_PART]));
			rc = -1;
		} else
			s->part = (int)v;
	}
	return rc;
}

int
stat_reader_map(struct stat_reader *r, const struct csv_record *rec,
    struct stat_rec *s)
{
	if (rec->count > r->ncols) {
		errlist_add(r->el, rec->line, 0, NULL, "expected %zu fields as "
		    "in the header, found %zu", r->ncols, rec->count);
		return -1;
	}
	return r->fmt == SFMT_UNODC ? map_unodc(r, rec, s) :
	    map_palermo(r, rec, s);
}

/*
 * palermo's JSON: one object per line with the keys of palermo's CSV.  It
 * is read by turning the object into a record of that CSV, so that both
 * are validated by the same code.
 */
int
stat_json_map(struct stat_reader **rp, const char *text, size_t len,
    unsigned long line, struct errlist *el, struct origin_map *om,
    struct stat_rec *s, struct buf *store)
{
	static char		*hdr[P__MAX];
	static size_t		 hlen[P__MAX];
	char			*fields[P__MAX];
	size_t			 lens[P__MAX], off[P__MAX];
	struct csv_record	 rec;
	json_error_t		 jerr;
	json_t			*o, *v;
	const char		*key;
	int			 rc = 0;

	if (*rp == NULL) {
		for (int i = 0; i < P__MAX; i++) {
			hdr[i] = (char *)(uintptr_t)palermo_cols[i];
			hlen[i] = strlen(palermo_cols[i]);
		}
		rec.field = hdr;
		rec.len = hlen;
		rec.count = P__MAX;
		rec.line = 0;
		*rp = stat_reader_new(SFMT_PALERMO, &rec, el, om);
	}
	if ((o = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr)) ==
	    NULL) {
		errlist_add(el, line, (unsigned long)jerr.column, NULL,
		    "invalid JSON: %s", jerr.text);
		return -1;
	}
	if (!json_is_object(o)) {
		errlist_add(el, line, 1, NULL, "expected one JSON object per "
		    "line");
		json_decref(o);
		return -1;
	}
	buf_reset(store);
	for (int i = 0; i < P__MAX; i++) {
		off[i] = store->len;
		v = json_object_get(o, palermo_cols[i]);
		if (json_is_string(v))
			buf_adds(store, json_string_value(v));
		else if (json_is_integer(v))
			buf_addf(store, "%lld", (long long)json_integer_value(v));
		else if (v != NULL && !json_is_null(v)) {
			errlist_add(el, line, 0, palermo_cols[i], "expected a "
			    "string, a whole number or null");
			rc = -1;
		}
		buf_addc(store, '\0');
	}
	json_object_foreach(o, key, v) {
		int	 known = 0;

		for (int i = 0; i < P__MAX; i++)
			known |= strcmp(palermo_cols[i], key) == 0;
		if (!known) {
			errlist_add(el, line, 0, key, "not a field of a value "
			    "(see docs/formats.md)");
			rc = -1;
		}
	}
	json_decref(o);
	if (rc == -1)
		return -1;
	for (int i = 0; i < P__MAX; i++) {
		fields[i] = store->s + off[i];
		lens[i] = strlen(fields[i]);
	}
	/* a missing high is the low: an exact value */
	if (lens[P_HIGH] == 0) {
		fields[P_HIGH] = fields[P_LOW];
		lens[P_HIGH] = lens[P_LOW];
	}
	rec.field = fields;
	rec.len = lens;
	rec.count = P__MAX;
	rec.line = line;
	return stat_reader_map(*rp, &rec, s);
}

/* ---------------------------------------------------------------------- */
/* Writing */

void
stat_write_header(int fmt, struct buf *b)
{
	const char *const *names = fmt == SFMT_UNODC ? unodc_cols :
	    palermo_cols;
	int	 n = fmt == SFMT_UNODC ? (int)U__MAX : (int)P__MAX;

	if (fmt == SFMT_JSON)
		return;
	for (int i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ',');
		csv_put(b, names[i], strlen(names[i]));
	}
	/* the portal ends its lines with CR LF; palermo's own CSV with LF */
	buf_adds(b, fmt == SFMT_UNODC ? "\r\n" : "\n");
}

static void
put(struct buf *b, const char *s, int comma)
{
	if (comma)
		buf_addc(b, ',');
	if (s != NULL)
		csv_put(b, s, strlen(s));
}

/* A count as the portal writes it: commas between thousands, quoted. */
static void
put_count(struct buf *b, int64_t v)
{
	char	 n[32];

	int_format(v, n);
	csv_put(b, n, strlen(n));
}

static const char *
area_region(const struct stat_rec *s, int level)
{
	const struct country *c = s->country == NR ? NULL :
	    country_by_numeric(s->country);

	if (c != NULL)
		return level == 0 ? c->region_name : c->subregion_name;
	for (size_t i = 0; s->country_text && i < sizeof(areas) /
	    sizeof(areas[0]); i++)
		if (str_eqi(areas[i].name, s->country_text))
			return region_name(level == 0 ? areas[i].region :
			    areas[i].subregion);
	return "";
}

static void
write_json(const struct stat_rec *s, struct buf *b)
{
	json_t			*o = json_object();
	const struct country	*c = s->country == NR ? NULL :
				    country_by_numeric(s->country);
	const struct country	*oc;
	char			*text;

	json_object_set_new(o, "country", c ? json_string(c->alpha3) :
	    json_null());
	if (s->country_text)
		json_object_set_new(o, "country_text",
		    json_string(s->country_text));
	json_object_set_new(o, "year", json_integer(s->year));
	json_object_set_new(o, "indicator", json_string(code_name(CL_INDICATOR,
	    s->indicator)));
	json_object_set_new(o, "sex", json_string(code_name(CL_SEX, s->sex)));
	json_object_set_new(o, "age_group", json_string(code_name(CL_AGE_GROUP,
	    s->age)));
	json_object_set_new(o, "form", json_string(code_name(CL_FORM,
	    s->form)));
	json_object_set_new(o, "origin_dim", json_string(code_name(
	    CL_ORIGIN_DIM, s->origin_dim)));
	json_object_set_new(o, "origin_kind", json_string(code_name(
	    CL_ORIGIN_KIND, s->origin_kind)));
	if (s->origin_code != NR) {
		oc = s->origin_kind == OKIND_COUNTRY ?
		    country_by_numeric(s->origin_code) : NULL;
		json_object_set_new(o, "origin_code", oc ?
		    json_string(oc->alpha3) : json_integer(s->origin_code));
	}
	if (s->origin_text)
		json_object_set_new(o, "origin_text",
		    json_string(s->origin_text));
	json_object_set_new(o, "low", json_integer(s->low));
	json_object_set_new(o, "high", json_integer(s->high));
	if (s->note)
		json_object_set_new(o, "note", json_string(s->note));
	if (s->part)
		json_object_set_new(o, "part", json_integer(s->part));
	text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (text == NULL)
		die("json_dumps failed");
	buf_adds(b, text);
	buf_addc(b, '\n');
	free(text);
}

void
stat_write(int fmt, const struct stat_rec *s, struct buf *b)
{
	const struct country	*c = s->country == NR ? NULL :
				    country_by_numeric(s->country);
	char			 num[32];
	int			 d;

	if (fmt == SFMT_JSON) {
		write_json(s, b);
		return;
	}
	if (fmt == SFMT_UNODC) {
		put(b, c ? c->alpha3 : "", 0);
		put(b, s->country_text ? s->country_text : c ? c->name : "", 1);
		put(b, area_region(s, 0), 1);
		put(b, area_region(s, 1), 1);
		put(b, code_lists[CL_INDICATOR].codes[s->indicator].label, 1);
		d = s->form != FORM_TOTAL ? DIM_FORM : s->origin_dim;
		put(b, unodc_dims[d], 1);
		put(b, d == DIM_FORM ? code_lists[CL_FORM].codes[s->form].label :
		    s->origin_text ? s->origin_text : "Total", 1);
		put(b, code_lists[CL_SEX].codes[s->sex].label, 1);
		put(b, code_lists[CL_AGE_GROUP].codes[s->age].label, 1);
		buf_addf(b, ",%d,Counts,", s->year);
		if (s->low == 1 && s->high == 4)
			buf_adds(b, "<5");
		else if (s->low == s->high)
			put_count(b, s->low);
		else
			buf_addf(b, "%lld-%lld", (long long)s->low,
			    (long long)s->high);
		put(b, s->note, 1);
		buf_adds(b, "\r\n");
		return;
	}
	put(b, c ? c->alpha3 : "", 0);
	put(b, s->country_text, 1);
	buf_addf(b, ",%d", s->year);
	put(b, code_name(CL_INDICATOR, s->indicator), 1);
	put(b, code_name(CL_SEX, s->sex), 1);
	put(b, code_name(CL_AGE_GROUP, s->age), 1);
	put(b, code_name(CL_FORM, s->form), 1);
	put(b, code_name(CL_ORIGIN_DIM, s->origin_dim), 1);
	put(b, code_name(CL_ORIGIN_KIND, s->origin_kind), 1);
	buf_addc(b, ',');
	if (s->origin_code != NR) {
		if (s->origin_kind == OKIND_COUNTRY &&
		    (c = country_by_numeric(s->origin_code)) != NULL)
			buf_adds(b, c->alpha3);
		else
			buf_addf(b, "%03d", s->origin_code);
	}
	put(b, s->origin_text, 1);
	if (s->low == 1 && s->high == 4)
		buf_adds(b, ",<5,<5");
	else {
		snprintf(num, sizeof(num), "%lld", (long long)s->low);
		buf_addf(b, ",%s,%lld", num, (long long)s->high);
	}
	put(b, s->note, 1);
	buf_addc(b, ',');
	if (s->part)
		buf_addf(b, "%d", s->part);
	buf_addc(b, '\n');
}
