/*
 * test_country.c: ISO 3166-1 country resolution and the UN M49 grouping
 * (country.c).
 *
 * country_resolve must accept alpha-2, alpha-3 and numeric codes, the ISO
 * names and the usual variants, case-insensitively; map the codes formats
 * use for "unknown" to COUNTRY_UNKNOWN; and refuse anything else.  The
 * compiled-in table is checked row by row against data/countries.csv and
 * data/country-aliases.csv, read here with csv_read (the tests run from the
 * top of the repository).
 */
#include "unit.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static void
test_country_resolve(void **state)
{
	static const struct {
		const char		*in;
		enum country_result	 want;
		const char		*alpha3;	/* when found */
		int			 numeric;
	} cases[] = {
		/* codes */
		{ "MD", COUNTRY_FOUND, "MDA", 498 },
		{ "md", COUNTRY_FOUND, "MDA", 498 },
		{ "MDA", COUNTRY_FOUND, "MDA", 498 },
		{ "mDa", COUNTRY_FOUND, "MDA", 498 },
		{ "498", COUNTRY_FOUND, "MDA", 498 },
		{ "GB", COUNTRY_FOUND, "GBR", 826 },
		{ "826", COUNTRY_FOUND, "GBR", 826 },
		{ "US", COUNTRY_FOUND, "USA", 840 },
		{ "usa", COUNTRY_FOUND, "USA", 840 },
		{ "004", COUNTRY_FOUND, "AFG", 4 },
		{ "04", COUNTRY_FOUND, "AFG", 4 },
		{ "4", COUNTRY_FOUND, "AFG", 4 },
		{ "040", COUNTRY_FOUND, "AUT", 40 },
		{ "40", COUNTRY_FOUND, "AUT", 40 },
		{ "0040", COUNTRY_FOUND, "AUT", 40 },
		{ "894", COUNTRY_FOUND, "ZMB", 894 },
		{ "CO", COUNTRY_FOUND, "COL", 170 },
		{ "170", COUNTRY_FOUND, "COL", 170 },
		/* names, any case, with stray spacing */
		{ "Colombia", COUNTRY_FOUND, "COL", 170 },
		{ "NIGERIA", COUNTRY_FOUND, "NGA", 566 },
		{ "  united   states ", COUNTRY_FOUND, "USA", 840 },
		{ "Moldova, Republic of", COUNTRY_FOUND, "MDA", 498 },
		{ "Republic of Moldova", COUNTRY_FOUND, "MDA", 498 },
		{ "Moldova", COUNTRY_FOUND, "MDA", 498 },
		{ "MOLDOVA", COUNTRY_FOUND, "MDA", 498 },
		{ "T\xc3\xbcrkiye", COUNTRY_FOUND, "TUR", 792 },
		{ "T\xc3\x9cRKIYE", COUNTRY_FOUND, "TUR", 792 },
		{ "Turkiye", COUNTRY_FOUND, "TUR", 792 },
		{ "Turkey", COUNTRY_FOUND, "TUR", 792 },
		{ "turkey", COUNTRY_FOUND, "TUR", 792 },
		{ "Viet Nam", COUNTRY_FOUND, "VNM", 704 },
		{ "Vietnam", COUNTRY_FOUND, "VNM", 704 },
		{ "VIETNAM", COUNTRY_FOUND, "VNM", 704 },
		{ "C\xc3\xb4te d'Ivoire", COUNTRY_FOUND, "CIV", 384 },
		{ "C\xc3\x94TE D'IVOIRE", COUNTRY_FOUND, "CIV", 384 },
		{ "C\xc3\xb4te d\xe2\x80\x99Ivoire", COUNTRY_FOUND, "CIV",
		    384 },
		{ "Cote d'Ivoire", COUNTRY_FOUND, "CIV", 384 },
		{ "Ivory Coast", COUNTRY_FOUND, "CIV", 384 },
		{ "United Kingdom", COUNTRY_FOUND, "GBR", 826 },
		{ "UK", COUNTRY_FOUND, "GBR", 826 },
		{ "uk", COUNTRY_FOUND, "GBR", 826 },
		{ "United Kingdom of Great Britain and Northern Ireland",
		    COUNTRY_FOUND, "GBR", 826 },
		/* the codes formats use for "unknown" */
		{ "ZZ", COUNTRY_UNKNOWN, NULL, 0 },
		{ "zz", COUNTRY_UNKNOWN, NULL, 0 },
		{ "ZZZ", COUNTRY_UNKNOWN, NULL, 0 },
		{ "00", COUNTRY_UNKNOWN, NULL, 0 },
		{ "000", COUNTRY_UNKNOWN, NULL, 0 },
		{ "-99", COUNTRY_UNKNOWN, NULL, 0 },
		{ "", COUNTRY_UNKNOWN, NULL, 0 },
		{ "   ", COUNTRY_UNKNOWN, NULL, 0 },
		{ "unknown", COUNTRY_UNKNOWN, NULL, 0 },
		{ "Unknown", COUNTRY_UNKNOWN, NULL, 0 },
		{ "UNKNOWN", COUNTRY_UNKNOWN, NULL, 0 },
		{ "N/A", COUNTRY_UNKNOWN, NULL, 0 },
		{ "NULL", COUNTRY_UNKNOWN, NULL, 0 },
		/* junk */
		{ "XX9", COUNTRY_INVALID, NULL, 0 },
		{ "Atlantis", COUNTRY_INVALID, NULL, 0 },
		{ "QQ", COUNTRY_INVALID, NULL, 0 },
		{ "XX", COUNTRY_INVALID, NULL, 0 },
		{ "0", COUNTRY_INVALID, NULL, 0 },
		{ "999", COUNTRY_INVALID, NULL, 0 },	/* no such country */
		{ "1000", COUNTRY_INVALID, NULL, 0 },
		{ "4x", COUNTRY_INVALID, NULL, 0 },
		{ "M", COUNTRY_INVALID, NULL, 0 },
		{ "MDAX", COUNTRY_INVALID, NULL, 0 },
		{ "Moldov", COUNTRY_INVALID, NULL, 0 },
		{ "\xff\xfe", COUNTRY_INVALID, NULL, 0 },
	};

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		const struct country	*c = (const void *)&cases;
		enum country_result	 rc;

		rc = country_resolve(cases[i].in, &c);
		if (rc != cases[i].want)
			fail_msg("country_resolve(\"%s\") gave %d, want %d",
			    cases[i].in, rc, cases[i].want);
		if (rc != COUNTRY_FOUND) {
			assert_null(c);
			continue;
		}
		assert_non_null(c);
		if (strcmp(c->alpha3, cases[i].alpha3) != 0 ||
		    c->numeric != cases[i].numeric)
			fail_msg("country_resolve(\"%s\") gave %s %03d, want "
			    "%s %03d", cases[i].in, c->alpha3, c->numeric,
			    cases[i].alpha3, cases[i].numeric);
	}
}

static void
test_country_table(void **state)
{
	(void)state;
	/* the 249 of ISO 3166-1 and Kosovo (data/README.md) */
	assert_int_equal(country_count(), 250);
	assert_null(country_at(-1));
	assert_null(country_at(250));
	assert_non_null(country_at(0));
	assert_non_null(country_at(249));
	assert_null(country_by_numeric(0));
	assert_null(country_by_numeric(-1));
	assert_null(country_by_numeric(1000));
	assert_null(country_by_numeric(999));
	assert_string_equal(country_by_numeric(826)->alpha2, "GB");
	assert_string_equal(country_by_numeric(4)->alpha3, "AFG");
	assert_string_equal(country_by_numeric(894)->alpha2, "ZM");
	/* codes are unique */
	for (int i = 0; i < country_count(); i++)
		for (int j = 0; j < i; j++) {
			assert_int_not_equal(country_at(i)->numeric,
			    country_at(j)->numeric);
			assert_string_not_equal(country_at(i)->alpha2,
			    country_at(j)->alpha2);
			assert_string_not_equal(country_at(i)->alpha3,
			    country_at(j)->alpha3);
		}
}

/* The M49 grouping of a few countries, as the UN Statistics Division has
 * it (and data/countries.csv repeats). */
static void
test_country_m49(void **state)
{
	static const struct {
		const char	*code;
		int		 region, subregion, intermediate;
		const char	*region_name, *subregion_name, *inter_name;
	} cases[] = {
		{ "MD", 150, 151, 0, "Europe", "Eastern Europe", "" },
		{ "GB", 150, 154, 0, "Europe", "Northern Europe", "" },
		{ "NG", 2, 202, 11, "Africa", "Sub-Saharan Africa",
		    "Western Africa" },
		{ "BR", 19, 419, 5, "Americas",
		    "Latin America and the Caribbean", "South America" },
		{ "US", 19, 21, 0, "Americas", "Northern America", "" },
		{ "TH", 142, 35, 0, "Asia", "South-eastern Asia", "" },
		{ "TR", 142, 145, 0, "Asia", "Western Asia", "" },
		{ "AU", 9, 53, 0, "Oceania", "Australia and New Zealand", "" },
		{ "AQ", 0, 0, 0, "", "", "" },	/* M49: directly in World */
	};

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		const struct country	*c;

		assert_int_equal(country_resolve(cases[i].code, &c),
		    COUNTRY_FOUND);
		if (c->region != cases[i].region ||
		    c->subregion != cases[i].subregion ||
		    c->intermediate != cases[i].intermediate)
			fail_msg("%s: M49 %d/%d/%d, want %d/%d/%d",
			    cases[i].code, c->region, c->subregion,
			    c->intermediate, cases[i].region,
			    cases[i].subregion, cases[i].intermediate);
		assert_string_equal(c->region_name, cases[i].region_name);
		assert_string_equal(c->subregion_name,
		    cases[i].subregion_name);
		assert_string_equal(c->intermediate_name,
		    cases[i].inter_name);
	}
}

/* A region column of data/countries.csv: an M49 code or empty. */
static int
m49(const struct csv_record *r, size_t i)
{
	long long	 v;

	if (r->len[i] == 0)
		return 0;
	if (parse_int(r->field[i], 1, 999, &v) == -1)
		fail_msg("countries.csv:%lu: bad M49 code '%s'", r->line,
		    r->field[i]);
	return (int)v;
}

static void
resolves_to(const char *s, const struct country *want, unsigned long line)
{
	const struct country	*c;

	if (country_resolve(s, &c) != COUNTRY_FOUND || c != want)
		fail_msg("line %lu: '%s' does not resolve to %s", line, s,
		    want->alpha3);
}

struct rows {
	int	 n;		/* data rows seen */
};

/* Each row of data/countries.csv against country_at(row). */
static int
country_row(const struct csv_record *r, void *arg)
{
	static const char *const header[] = { "alpha2", "alpha3", "numeric",
	    "name", "official_name", "region_code", "region",
	    "subregion_code", "subregion", "intermediate_code",
	    "intermediate" };
	struct rows		*rows = arg;
	const struct country	*c;
	long long		 num;
	char			 digits[8];

	assert_int_equal(r->count, NELEM(header));
	if (r->line == 1) {
		for (size_t i = 0; i < NELEM(header); i++)
			assert_string_equal(r->field[i], header[i]);
		return 0;
	}
	c = country_at(rows->n++);
	assert_non_null(c);
	assert_string_equal(c->alpha2, r->field[0]);
	assert_string_equal(c->alpha3, r->field[1]);
	assert_int_equal(r->len[2], 3);
	assert_int_equal(parse_int(r->field[2], 0, 999, &num), 0);
	assert_int_equal(c->numeric, num);
	assert_string_equal(c->name, r->field[3]);
	assert_string_equal(c->official_name, r->field[4]);
	if (c->region != m49(r, 5) || c->subregion != m49(r, 7) ||
	    c->intermediate != m49(r, 9))
		fail_msg("countries.csv:%lu: %s: M49 %d/%d/%d, file says "
		    "%s/%s/%s", r->line, c->alpha2, c->region, c->subregion,
		    c->intermediate, r->field[5], r->field[7], r->field[9]);
	assert_string_equal(c->region_name, r->field[6]);
	assert_string_equal(c->subregion_name, r->field[8]);
	assert_string_equal(c->intermediate_name, r->field[10]);
	/* every code and name of the row leads back to it */
	assert_ptr_equal(country_by_numeric(c->numeric), c);
	resolves_to(r->field[0], c, r->line);
	resolves_to(r->field[1], c, r->line);
	resolves_to(r->field[2], c, r->line);
	snprintf(digits, sizeof(digits), "%d", c->numeric);
	resolves_to(digits, c, r->line);
	resolves_to(r->field[3], c, r->line);
	if (r->len[4])
		resolves_to(r->field[4], c, r->line);
	return 0;
}

static void
read_file(const char *path, csv_record_fn fn, void *arg)
{
	struct errlist	 el;
	FILE		*fp;

	if ((fp = fopen(path, "r")) == NULL)
		fail_msg("%s: cannot open (run from the repository top)",
		    path);
	errlist_init(&el, path);
	if (csv_read(fp, path, fn, arg, &el, NULL) != 0)
		fail_msg("%s", el.text.s);
	errlist_release(&el);
	fclose(fp);
}

static void
test_country_file(void **state)
{
	struct rows	 rows = { 0 };

	(void)state;
	read_file("data/countries.csv", country_row, &rows);
	assert_int_equal(rows.n, country_count());
}

/* Every alias in data/country-aliases.csv resolves to its country. */
static int
alias_row(const struct csv_record *r, void *arg)
{
	const struct country	*want;

	assert_int_equal(r->count, 2);
	if (r->line == 1)
		return 0;
	++*(int *)arg;
	assert_int_equal(country_resolve(r->field[1], &want), COUNTRY_FOUND);
	assert_string_equal(want->alpha3, r->field[1]);
	resolves_to(r->field[0], want, r->line);
	return 0;
}

static void
test_country_aliases(void **state)
{
	int	 n = 0;

	(void)state;
	read_file("data/country-aliases.csv", alias_row, &n);
	assert_true(n > 200);
}

/*
 * Regression test: key_fold turns '-',
 * '.' and '_' into spaces and drops leading ones, so a negative or dotted
 * number resolves as a numeric code: "-4" and ".4" give Afghanistan.
 */
static void
test_country_regressions(void **state)
{
	static const char *const junk[] = { "-4", ".4", "_840", "-826" };

	(void)state;
	for (size_t i = 0; i < NELEM(junk); i++) {
		const struct country	*c;

		if (country_resolve(junk[i], &c) != COUNTRY_INVALID)
			fail_msg("'%s' resolves to %s", junk[i],
			    c ? c->name : "unknown");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_country_resolve),
		cmocka_unit_test(test_country_table),
		cmocka_unit_test(test_country_m49),
		cmocka_unit_test(test_country_file),
		cmocka_unit_test(test_country_aliases),
		cmocka_unit_test(test_country_regressions),
	};

	return cmocka_run_group_tests_name("country", tests, NULL, NULL);
}
