/*
 * test_buf.c: the growable buffer of buf.h (growth, NUL-termination, the
 * size cap and its sticky overflow mark, buf_addf, buf_detach) and the
 * small helpers of util.c that every parser leans on: parse_int, utf8_valid
 * and key_fold.
 */
#include "unit.h"

#include <limits.h>

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* The invariants buf.h states, checked after every step. */
static void
check_invariants(const struct buf *b)
{
	assert_non_null(b->s);
	assert_int_equal(b->s[b->len], '\0');
	if (b->cap)
		assert_true(b->len < b->cap);
	else
		assert_int_equal(b->len, 0);
	if (b->max)
		assert_true(b->len <= b->max);
}

static void
test_buf_empty(void **state)
{
	struct buf	 a = BUF_INIT, b;

	(void)state;
	check_invariants(&a);
	assert_string_equal(a.s, "");
	assert_int_equal(a.overflow, 0);
	buf_init(&b, 10);
	check_invariants(&b);
	assert_int_equal(b.max, 10);
	/* reset and release of a buffer that never allocated */
	buf_reset(&a);
	buf_release(&a);
	check_invariants(&a);
	assert_string_equal(a.s, "");
}

static void
test_buf_growth(void **state)
{
	struct buf	 b = BUF_INIT;
	char		 want[5000];

	(void)state;
	for (size_t i = 0; i < sizeof(want) - 1; i++) {
		want[i] = (char)('a' + i % 26);
		buf_addc(&b, want[i]);
		check_invariants(&b);
		assert_int_equal(b.len, i + 1);
	}
	want[sizeof(want) - 1] = '\0';
	assert_string_equal(b.s, want);
	assert_int_equal(strlen(b.s), b.len);

	/* bytes are bytes: an embedded NUL counts and is kept */
	buf_reset(&b);
	check_invariants(&b);
	assert_int_equal(b.len, 0);
	buf_add(&b, "x\0y", 3);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.s, "x\0y", 4);
	buf_add(&b, "", 0);
	assert_int_equal(b.len, 3);
	check_invariants(&b);

	/* one large append at once */
	buf_reset(&b);
	buf_add(&b, want, sizeof(want) - 1);
	buf_adds(&b, "!");
	assert_int_equal(b.len, sizeof(want));
	assert_memory_equal(b.s, want, sizeof(want) - 1);
	assert_string_equal(b.s + sizeof(want) - 1, "!");
	check_invariants(&b);
	buf_release(&b);
	check_invariants(&b);
	assert_int_equal(b.len, 0);
}

/* A cap of 10: appends that fit, the one that passes, and after. */
static void
test_buf_cap(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 10);
	buf_adds(&b, "12345");
	buf_adds(&b, "67890");		/* exactly the cap: fits */
	assert_int_equal(b.overflow, 0);
	assert_string_equal(b.s, "1234567890");
	check_invariants(&b);
	buf_addc(&b, 'x');		/* one past: nothing appended */
	assert_int_equal(b.overflow, 1);
	assert_string_equal(b.s, "1234567890");
	check_invariants(&b);

	buf_reset(&b);
	assert_int_equal(b.overflow, 0);
	buf_adds(&b, "abc");
	buf_adds(&b, "defghijk");	/* 11 > 10: refused whole */
	assert_int_equal(b.overflow, 1);
	assert_string_equal(b.s, "abc");
	/* the mark stays set: a later append that would fit does nothing */
	buf_adds(&b, "d");
	buf_addc(&b, 'e');
	buf_addf(&b, "%d", 7);
	assert_int_equal(b.overflow, 1);
	assert_string_equal(b.s, "abc");
	check_invariants(&b);
	/* until reset */
	buf_reset(&b);
	assert_int_equal(b.overflow, 0);
	assert_int_equal(b.max, 10);
	buf_adds(&b, "d");
	assert_string_equal(b.s, "d");
	/* buf_addf past the cap */
	buf_addf(&b, "%s", "0123456789");
	assert_int_equal(b.overflow, 1);
	assert_string_equal(b.s, "d");
	check_invariants(&b);
	buf_release(&b);
	assert_int_equal(b.max, 10);
	assert_int_equal(b.overflow, 0);
}

static void
test_buf_addf(void **state)
{
	static const struct {
		int		 n;
		const char	*s;
		const char	*want;
	} cases[] = {
		{ 0, "", "0:" },
		{ -42, "x", "-42:x" },
		{ INT_MAX, "\xc3\xa9t\xc3\xa9",
		    "2147483647:\xc3\xa9t\xc3\xa9" },
		{ 7, "a somewhat longer string that is over sixty-four bytes "
		    "long, so it grows the buffer",
		    "7:a somewhat longer string that is over sixty-four bytes "
		    "long, so it grows the buffer" },
	};
	struct buf	 b = BUF_INIT;

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		buf_reset(&b);
		buf_addf(&b, "%d:%s", cases[i].n, cases[i].s);
		assert_string_equal(b.s, cases[i].want);
		assert_int_equal(b.len, strlen(cases[i].want));
		check_invariants(&b);
	}
	/* appends after what is there, many times */
	buf_reset(&b);
	for (int i = 0; i < 1000; i++)
		buf_addf(&b, "%03d,", i);
	assert_int_equal(b.len, 4000);
	assert_memory_equal(b.s, "000,001,", 8);
	assert_string_equal(b.s + 3996, "999,");
	check_invariants(&b);
	buf_release(&b);
}

static void
test_buf_detach(void **state)
{
	struct buf	 b;
	char		*s;

	(void)state;
	buf_init(&b, 100);
	buf_adds(&b, "hello");
	s = buf_detach(&b);
	assert_string_equal(s, "hello");
	/* the buffer is left empty, usable, with its cap */
	check_invariants(&b);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.max, 100);
	assert_true(b.s != s);
	buf_adds(&b, "again");
	assert_string_equal(b.s, "again");
	assert_string_equal(s, "hello");
	free(s);
	buf_release(&b);

	/* an empty buffer still gives a string the caller frees */
	s = buf_detach(&b);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	check_invariants(&b);
}

static void
test_parse_int(void **state)
{
	static const struct {
		const char	*s;
		long long	 lo, hi;
		int		 rc;
		long long	 want;
	} cases[] = {
		{ "0", 0, 10, 0, 0 },
		{ "10", 0, 10, 0, 10 },
		{ "11", 0, 10, -1, 0 },
		{ "-1", 0, 10, -1, 0 },
		{ "-1", -5, 5, 0, -1 },
		{ "-6", -5, 5, -1, 0 },
		{ "004", 1, 999, 0, 4 },
		{ "1900", 1900, 2100, 0, 1900 },
		{ "1899", 1900, 2100, -1, 0 },
		{ "9223372036854775807", LLONG_MIN, LLONG_MAX, 0, LLONG_MAX },
		{ "-9223372036854775808", LLONG_MIN, LLONG_MAX, 0, LLONG_MIN },
		{ "9223372036854775808", LLONG_MIN, LLONG_MAX, -1, 0 },
		{ "-9223372036854775809", LLONG_MIN, LLONG_MAX, -1, 0 },
		{ "99999999999999999999", 0, LLONG_MAX, -1, 0 },
		/* junk: nothing but the whole number is accepted */
		{ "", 0, 10, -1, 0 },
		{ " 1", 0, 10, -1, 0 },
		{ "\t1", 0, 10, -1, 0 },
		{ "1 ", 0, 10, -1, 0 },
		{ "1\n", 0, 10, -1, 0 },
		{ "1x", 0, 10, -1, 0 },
		{ "x1", 0, 10, -1, 0 },
		{ "0x1", 0, 10, -1, 0 },
		{ "1.0", 0, 10, -1, 0 },
		{ "1e1", 0, 100, -1, 0 },
		{ "--1", -10, 10, -1, 0 },
		{ "-", -10, 10, -1, 0 },
		{ "20x1", 1900, 2100, -1, 0 },
	};

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		long long	 v = 12345;
		int		 rc;

		rc = parse_int(cases[i].s, cases[i].lo, cases[i].hi, &v);
		if (rc != cases[i].rc)
			fail_msg("parse_int(\"%s\", %lld, %lld) gave %d, "
			    "want %d", cases[i].s, cases[i].lo, cases[i].hi,
			    rc, cases[i].rc);
		/* on failure the output is left alone */
		assert_int_equal(v, rc == 0 ? cases[i].want : 12345);
	}
}

static void
test_utf8_valid(void **state)
{
	static const struct {
		const char	*s;
		size_t		 n;	/* 0: strlen */
		int		 want;
		const char	*what;
	} cases[] = {
		{ "", 0, 1, "empty" },
		{ "plain ASCII, with punctuation!~", 0, 1, "ASCII" },
		{ "\x7f", 0, 1, "DEL" },
		{ "\xc2\x80", 0, 1, "U+0080, smallest 2-byte" },
		{ "\xc3\xa9", 0, 1, "e acute" },
		{ "\xdf\xbf", 0, 1, "U+07FF, largest 2-byte" },
		{ "\xe0\xa0\x80", 0, 1, "U+0800, smallest 3-byte" },
		{ "\xe2\x82\xac", 0, 1, "euro sign" },
		{ "\xed\x9f\xbf", 0, 1, "U+D7FF, below the surrogates" },
		{ "\xee\x80\x80", 0, 1, "U+E000, above the surrogates" },
		{ "\xef\xbb\xbf", 0, 1, "byte order mark U+FEFF" },
		{ "\xef\xbf\xbf", 0, 1, "U+FFFF" },
		{ "\xf0\x90\x80\x80", 0, 1, "U+10000, smallest 4-byte" },
		{ "\xf0\x9d\x84\x9e", 0, 1, "musical G clef" },
		{ "\xf4\x8f\xbf\xbf", 0, 1, "U+10FFFF, the last" },
		{ "T\xc3\xbcrkiye, C\xc3\xb4te d\xe2\x80\x99Ivoire", 0, 1,
		    "mixed text" },
		/* overlongs */
		{ "\xc0\x80", 0, 0, "overlong NUL" },
		{ "\xc1\xbf", 0, 0, "overlong U+007F" },
		{ "\xe0\x80\x80", 0, 0, "overlong 3-byte NUL" },
		{ "\xe0\x9f\xbf", 0, 0, "overlong U+07FF" },
		{ "\xf0\x80\x80\x80", 0, 0, "overlong 4-byte NUL" },
		{ "\xf0\x8f\xbf\xbf", 0, 0, "overlong U+FFFF" },
		/* surrogates */
		{ "\xed\xa0\x80", 0, 0, "U+D800" },
		{ "\xed\xbf\xbf", 0, 0, "U+DFFF" },
		{ "\xed\xa0\xbd\xed\xb8\x80", 0, 0, "CESU-8 surrogate pair" },
		/* out of range and never-valid bytes */
		{ "\xf4\x90\x80\x80", 0, 0, "U+110000" },
		{ "\xf5\x80\x80\x80", 0, 0, "lead byte F5" },
		{ "\xf8\x88\x80\x80\x80", 0, 0, "5-byte form" },
		{ "\xfe", 0, 0, "FE" },
		{ "\xff", 0, 0, "FF" },
		{ "\x80", 0, 0, "lone continuation" },
		{ "a\xbf" "b", 0, 0, "continuation in ASCII" },
		/* truncated sequences */
		{ "\xc3", 0, 0, "2-byte cut after the lead" },
		{ "a\xc3", 0, 0, "2-byte cut at the end" },
		{ "\xe2\x82", 0, 0, "3-byte cut" },
		{ "\xf0\x9d\x84", 0, 0, "4-byte cut" },
		{ "\xc3" "A", 0, 0, "lead then ASCII" },
		{ "\xe2\x28\xa1", 0, 0, "bad second byte" },
		{ "\xe2\x82\x28", 0, 0, "bad third byte" },
		{ "\xc3\xa9", 1, 0, "length cuts a valid sequence" },
		/* NUL bytes */
		{ "a\0b", 3, 0, "NUL inside" },
		{ "\0", 1, 0, "NUL alone" },
		{ "ab\0", 2, 1, "NUL past the length" },
	};

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		size_t	 n = cases[i].n ? cases[i].n : strlen(cases[i].s);

		if (utf8_valid(cases[i].s, n) != cases[i].want)
			fail_msg("utf8_valid: %s: want %d", cases[i].what,
			    cases[i].want);
	}
}

static void
test_key_fold(void **state)
{
	static const struct {
		const char	*in, *want;
	} cases[] = {
		{ "", "" },
		{ "abc", "abc" },
		{ "United Kingdom", "united kingdom" },
		{ "  United \t  KINGDOM  ", "united kingdom" },
		{ "Bosnia-Herzegovina", "bosnia herzegovina" },
		{ "a_b.c--d", "a b c d" },
		{ "-99", "99" },
		{ "- _ .", "" },
		{ "C\xc3\xb4te d'Ivoire", "c\xc3\xb4te d'ivoire" },
		{ "C\xc3\x94TE D'IVOIRE", "c\xc3\xb4te d'ivoire" },
		{ "T\xc3\x9cRKIYE", "t\xc3\xbcrkiye" },
		/* A grave, thorn */
		{ "\xc3\x80\xc3\x9e", "\xc3\xa0\xc3\xbe" },
		/* the multiplication sign and sharp s have no case */
		{ "\xc3\x97\xc3\x9f", "\xc3\x97\xc3\x9f" },
		{ "\xe2\x80\x99", "\xe2\x80\x99" },
		{ "Z\xc3", "z\xc3" },
	};
	struct buf	 b = BUF_INIT;

	(void)state;
	buf_adds(&b, "left over");
	for (size_t i = 0; i < NELEM(cases); i++) {
		key_fold(&b, cases[i].in);
		if (strcmp(b.s, cases[i].want) != 0)
			fail_msg("key_fold(\"%s\") gave \"%s\", want \"%s\"",
			    cases[i].in, b.s, cases[i].want);
		assert_int_equal(b.len, strlen(cases[i].want));
	}
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_empty),
		cmocka_unit_test(test_buf_growth),
		cmocka_unit_test(test_buf_cap),
		cmocka_unit_test(test_buf_addf),
		cmocka_unit_test(test_buf_detach),
		cmocka_unit_test(test_parse_int),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_key_fold),
	};

	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
