/*
 * test_csv.c: the streaming CSV reader csv_read (csvin.c) over in-memory
 * inputs, the field writer csv_put, and the error list of errlist.c.
 *
 * Well-formed inputs (RFC 4180 quoting, CRLF, a UTF-8 byte order mark,
 * blank lines) must give the records the text holds, each with the line it
 * starts on.  Every malformed input must be refused with one error whose
 * text says where ("t.csv:LINE:" or "t.csv:LINE:COLUMN:") and what.
 */
#include "unit.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define MIB		(1024 * 1024)

/* The records read, each as "LINE:field|field|...". */
struct got {
	struct buf	 recs[16];
	size_t		 n;
	int		 stop_after;	/* return -1 after this many; 0 never */
	uint64_t	 bytes;		/* the last progress report */
};

static int
collect(const struct csv_record *r, void *arg)
{
	struct got	*g = arg;
	struct buf	*b;

	assert_true(g->n < NELEM(g->recs));
	b = &g->recs[g->n++];
	buf_init(b, 0);
	buf_addf(b, "%lu:", r->line);
	for (size_t i = 0; i < r->count; i++) {
		/* what the reader hands on is NUL-terminated at len */
		assert_int_equal(r->field[i][r->len[i]], '\0');
		if (i)
			buf_addc(b, '|');
		buf_add(b, r->field[i], r->len[i]);
	}
	if (g->stop_after && (int)g->n == g->stop_after)
		return -1;
	return 0;
}

static void
got_release(struct got *g)
{
	for (size_t i = 0; i < g->n; i++)
		buf_release(&g->recs[i]);
	g->n = 0;
}

/* Read n bytes of s as the file "t.csv"; the errors go to el. */
static int
read_mem(const char *s, size_t n, struct got *g, struct errlist *el)
{
	FILE	*fp;
	int	 rc;

	errlist_init(el, "t.csv");
	if (n == 0)
		fp = fopen("/dev/null", "r");	/* fmemopen wants a size */
	else
		fp = fmemopen((void *)(uintptr_t)s, n, "r");
	assert_non_null(fp);
	rc = csv_read(fp, "t.csv", collect, g, el, NULL);
	fclose(fp);
	return rc;
}

static void
test_csv_good(void **state)
{
	static const struct {
		const char	*what;
		const char	*in;
		const char	*want[6];	/* NULL-terminated */
	} cases[] = {
		{ "plain", "a,b,c\n1,2,3\n4,5,6\n",
		    { "1:a|b|c", "2:1|2|3", "3:4|5|6" } },
		{ "no final newline", "a,b\n1,2",
		    { "1:a|b", "2:1|2" } },
		{ "empty fields", "a,b,c\n,,\n\"\",x,\"\"\n",
		    { "1:a|b|c", "2:||", "3:|x|" } },
		{ "quoted comma and quotes",
		    "name,quote\n\"Smith, J\",\"she said \"\"no\"\"\"\n",
		    { "1:name|quote", "2:Smith, J|she said \"no\"" } },
		{ "quoted newlines: a record keeps the line it starts on",
		    "a,b\n\"x\ny\",1\n2,\"p\nq\nr\"\nlast,3\n",
		    { "1:a|b", "2:x\ny|1", "4:2|p\nq\nr", "7:last|3" } },
		{ "CRLF", "a,b\r\n1,2\r\n3,4\r\n",
		    { "1:a|b", "2:1|2", "3:3|4" } },
		{ "CRLF inside quotes is kept",
		    "a,b\r\n\"p\r\nq\",2\r\n5,6\r\n",
		    { "1:a|b", "2:p\r\nq|2", "4:5|6" } },
		{ "UTF-8 byte order mark before the header",
		    "\xef\xbb\xbf" "a,b\n1,2\n",
		    { "1:a|b", "2:1|2" } },
		{ "a byte order mark is only stripped from the header",
		    "a,b\n\xef\xbb\xbf" "1,2\n",
		    { "1:a|b", "2:\xef\xbb\xbf" "1|2" } },
		{ "blank lines are skipped",
		    "\na,b\n\n1,2\n\n\n3,4\n\n",
		    { "2:a|b", "4:1|2", "7:3|4" } },
		{ "blank CRLF lines are skipped",
		    "a,b\r\n\r\n1,2\r\n\r\n3,4\r\n",
		    { "1:a|b", "3:1|2", "5:3|4" } },
		{ "UTF-8 text",
		    "country\nT\xc3\xbcrkiye\n"
		    "C\xc3\xb4te d\xe2\x80\x99Ivoire\n",
		    { "1:country", "2:T\xc3\xbcrkiye",
		    "3:C\xc3\xb4te d\xe2\x80\x99Ivoire" } },
		{ "spaces inside quotes are kept", "a\n\" x \"\n",
		    { "1:a", "2: x " } },
	};

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		struct got	 g = { .n = 0 };
		struct errlist	 el;
		size_t		 n;
		int		 rc;

		rc = read_mem(cases[i].in, strlen(cases[i].in), &g, &el);
		if (rc != 0 || el.count != 0)
			fail_msg("%s: rc %d, errors: %s", cases[i].what, rc,
			    el.text.s);
		for (n = 0; cases[i].want[n]; n++) {
			if (n >= g.n)
				fail_msg("%s: only %zu records", cases[i].what,
				    g.n);
			if (strcmp(g.recs[n].s, cases[i].want[n]) != 0)
				fail_msg("%s: record %zu is \"%s\", want "
				    "\"%s\"", cases[i].what, n, g.recs[n].s,
				    cases[i].want[n]);
		}
		if (g.n != n)
			fail_msg("%s: %zu records, want %zu", cases[i].what,
			    g.n, n);
		got_release(&g);
		errlist_release(&el);
	}
}

/*
 * Each malformed input gives rc -1, exactly one error, and a message with
 * the position and a telling phrase; records before the problem (and, for
 * a bad record in the middle, after it) are still read.
 */
static void
test_csv_bad(void **state)
{
	static const struct {
		const char	*what;
		const char	*in;
		size_t		 len;		/* 0: strlen */
		const char	*where;		/* starts the message */
		const char	*word;
		int		 nrec;		/* records handed on */
	} cases[] = {
		{ "unbalanced quote at the end", "a,b\n1,2\n3,\"4\n5,6\n", 0,
		    "t.csv:3: ", "unterminated quoted field", 2 },
		{ "unbalanced quote in the last line", "a,b\n1,2\n\"3", 0,
		    "t.csv:3: ", "unterminated quoted field", 2 },
		{ "text after a closing quote", "a,b\n1,2\n1,\"2\"x\n", 0,
		    "t.csv:3:2: ", "after a closing quote", 2 },
		{ "a quote inside an unquoted field", "a,b\n1,2\"3\"\n", 0,
		    "t.csv:2:2: ", "quote inside an unquoted field", 1 },
		{ "too few fields", "a,b,c\n1,2,3\n4,5,6\n7,8\n9,10,11\n", 0,
		    "t.csv:4: ", "expected 3 fields as in the header, found 2",
		    4 },
		{ "too many fields", "a,b\n1,2\n\n3,4,5\n", 0,
		    "t.csv:4: ", "expected 2 fields as in the header, found 3",
		    2 },
		{ "invalid UTF-8", "a,b,c\n1,2,3\nx,y,caf\xe9\n", 0,
		    "t.csv:3:3: ", "invalid UTF-8", 2 },
		{ "invalid UTF-8 in a record after a multi-line one",
		    "a,b\n\"1\n1\",2\n\xc3(,2\n", 0,
		    "t.csv:4:1: ", "invalid UTF-8", 2 },
		{ "an overlong in the header", "a,\xc0\xaf\n", 0,
		    "t.csv:1:2: ", "invalid UTF-8", 0 },
		{ "a NUL byte", "a,b\n1,x\0y\n", 10,
		    "t.csv:2:2: ", "NUL byte", 1 },
		{ "empty input", "", 0, "t.csv: ", "empty file", 0 },
		{ "only blank lines", "\n\r\n\n", 0, "t.csv: ", "empty file",
		    0 },
		{ "duplicated header name", "id,b,id\n1,2,3\n", 0,
		    "t.csv:1:3: ", "duplicated column name 'id'", 0 },
		{ "header names differing in case", "id,b,ID\n1,2,3\n", 0,
		    "t.csv:1:3: ", "duplicated column name 'ID'", 0 },
		{ "empty header name", "a,,c\n1,2,3\n", 0,
		    "t.csv:1:2: ", "empty column name", 0 },
		{ "empty quoted header name", "a,b,\"\"\n1,2,3\n", 0,
		    "t.csv:1:3: ", "empty column name", 0 },
	};

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		struct got	 g = { .n = 0 };
		struct errlist	 el;
		size_t		 len;
		int		 rc;

		len = cases[i].len ? cases[i].len : strlen(cases[i].in);
		rc = read_mem(cases[i].in, len, &g, &el);
		if (rc != -1 || el.count != 1)
			fail_msg("%s: rc %d, %lu errors: %s", cases[i].what, rc,
			    el.count, el.text.s);
		if (strncmp(el.text.s, cases[i].where,
		    strlen(cases[i].where)) != 0 ||
		    strstr(el.text.s, cases[i].word) == NULL)
			fail_msg("%s: message \"%s\" lacks \"%s\" ... \"%s\"",
			    cases[i].what, el.text.s, cases[i].where,
			    cases[i].word);
		if ((int)g.n != cases[i].nrec)
			fail_msg("%s: %zu records, want %d", cases[i].what,
			    g.n, cases[i].nrec);
		got_release(&g);
		errlist_release(&el);
	}
}

/* Every problem in a file is reported, not only the first. */
static void
test_csv_many_errors(void **state)
{
	static const char in[] = "a,b\n1\n2,\xff\n3,4,5\nok,ok\n";
	struct got	 g = { .n = 0 };
	struct errlist	 el;

	(void)state;
	assert_int_equal(read_mem(in, sizeof(in) - 1, &g, &el), -1);
	assert_int_equal(el.count, 3);
	assert_non_null(strstr(el.text.s, "t.csv:2: expected 2 fields"));
	assert_non_null(strstr(el.text.s, "t.csv:3:2: invalid UTF-8"));
	assert_non_null(strstr(el.text.s, "t.csv:4: expected 2 fields"));
	assert_int_equal(g.n, 2);
	assert_string_equal(g.recs[1].s, "5:ok|ok");
	got_release(&g);
	errlist_release(&el);
}

/*
 * A file of three lines or more: a header "c1,...,cN", a record of N
 * single letters on line 2, then one record of N fields of flen bytes each
 * from line 3; with split, each field is quoted with a newline in its
 * middle, so that the record spans N + 1 lines.  Many modest fields keep
 * libcsv's own field buffer small, which keeps this fast under ASan.
 */
static char *
wide_file(size_t ncols, size_t flen, int split, size_t *len)
{
	struct buf	 b = BUF_INIT;

	for (size_t i = 0; i < ncols; i++)
		buf_addf(&b, "%sc%zu", i ? "," : "", i + 1);
	buf_addc(&b, '\n');
	for (size_t i = 0; i < ncols; i++)
		buf_adds(&b, i ? ",x" : "x");
	buf_addc(&b, '\n');
	for (size_t i = 0; i < ncols; i++) {
		char	*f = xmalloc(flen);

		memset(f, 'x', flen);
		if (i)
			buf_addc(&b, ',');
		if (split) {
			f[flen / 2] = '\n';
			buf_addc(&b, '"');
		}
		buf_add(&b, f, flen);
		if (split)
			buf_addc(&b, '"');
		free(f);
	}
	buf_addc(&b, '\n');
	*len = b.len;
	return buf_detach(&b);
}

static void
test_csv_record_cap(void **state)
{
	static const struct {
		const char	*what;
		size_t		 ncols, flen;
		int		 split;
		int		 ok;
	} cases[] = {
		{ "one line of 1.2 MB", 1200, 1000, 0, 0 },
		{ "a record of 1.2 MB over 1201 lines", 1200, 1000, 1, 0 },
		{ "one line of 1 MiB exactly", 1024, 1023, 0, 1 },
		{ "1 MiB exactly over 1025 lines", 1024, 1021, 1, 1 },
	};

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		struct got	 g = { .n = 0 };
		struct errlist	 el;
		size_t		 len, want;
		char		*s;
		int		 rc;

		s = wide_file(cases[i].ncols, cases[i].flen, cases[i].split,
		    &len);
		rc = read_mem(s, len, &g, &el);
		if (cases[i].ok) {
			/* "3:" and the fields with '|' between them */
			want = 2 + cases[i].ncols * (cases[i].flen + 1) - 1;
			if (rc != 0 || g.n != 3 || g.recs[2].len != want)
				fail_msg("%s: rc %d, %zu records: %s",
				    cases[i].what, rc, g.n, el.text.s);
		} else if (rc != -1 || el.count != 1 || g.n != 2 ||
		    strstr(el.text.s, "t.csv:3: record longer than 1048576 "
		    "bytes") == NULL)
			fail_msg("%s: rc %d, %zu records: %s", cases[i].what,
			    rc, g.n, el.text.s);
		got_release(&g);
		errlist_release(&el);
		free(s);
	}
}

/*
 * Regression test: csvin.c once checked the size of a record only while it is still open, so a
 * record that ends in the read chunk that takes it past 1 MiB is accepted
 * (up to 64 KiB over); and a field over 1 MiB overflows its capped buffer
 * and is handed on empty, without an error.
 */
static void
test_csv_record_cap_edge(void **state)
{
	struct got	 g = { .n = 0 };
	struct errlist	 el;
	size_t		 len;
	char		*s;

	(void)state;
	/* 1030 fields of 1023 bytes: 6 KiB over */
	s = wide_file(1030, 1023, 0, &len);
	if (read_mem(s, len, &g, &el) != -1)
		fail_msg("a record 6 KiB over the cap is accepted");
	got_release(&g);
	errlist_release(&el);
	free(s);
	/* one field of 1 MiB + 1000 bytes */
	s = wide_file(1, MIB + 1000, 0, &len);
	if (read_mem(s, len, &g, &el) != -1)
		fail_msg("a record of one field over the cap is accepted, "
		    "and the field is %zu bytes", g.n > 2 ?
		    g.recs[2].len - 2 : 0);
	got_release(&g);
	errlist_release(&el);
	free(s);
}

/* The callback stops the reading by returning -1. */
static void
test_csv_stop(void **state)
{
	static const char in[] = "a\n1\n2\n3\n";
	struct got	 g = { .n = 0, .stop_after = 2 };
	struct errlist	 el;

	(void)state;
	assert_int_equal(read_mem(in, sizeof(in) - 1, &g, &el), -1);
	assert_int_equal(g.n, 2);
	assert_int_equal(el.count, 0);
	got_release(&g);
	errlist_release(&el);
}

static void
progress(uint64_t bytes, void *arg)
{
	struct got	*g = arg;

	assert_true(bytes > g->bytes);
	g->bytes = bytes;
}

static void
test_csv_progress(void **state)
{
	static const char in[] = "a,b\n1,2\n3,4\n";
	struct got	 g = { .n = 0 };
	struct errlist	 el;
	FILE		*fp;

	(void)state;
	errlist_init(&el, "t.csv");
	fp = fmemopen((void *)(uintptr_t)in, sizeof(in) - 1, "r");
	assert_non_null(fp);
	assert_int_equal(csv_read(fp, "t.csv", collect, &g, &el, progress),
	    0);
	fclose(fp);
	assert_int_equal(g.bytes, sizeof(in) - 1);
	assert_int_equal(g.n, 3);
	got_release(&g);
	errlist_release(&el);
}

/* The error list: "file:line:column: field: message", capped when shown. */
static void
test_errlist(void **state)
{
	static const struct {
		unsigned long	 line, col;
		const char	*field;
		const char	*want;
	} cases[] = {
		{ 0, 0, NULL, "f.csv: m\n" },
		{ 3, 0, NULL, "f.csv:3: m\n" },
		{ 3, 4, NULL, "f.csv:3:4: m\n" },
		{ 3, 4, "gender", "f.csv:3:4: gender: m\n" },
		{ 0, 4, "gender", "f.csv: gender: m\n" },
	};
	struct errlist	 el;
	char		*text = NULL;
	size_t		 len = 0;
	FILE		*fp;

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		errlist_init(&el, "f.csv");
		errlist_add(&el, cases[i].line, cases[i].col, cases[i].field,
		    "%s", "m");
		assert_int_equal(el.count, 1);
		assert_string_equal(el.text.s, cases[i].want);
		errlist_release(&el);
	}
	/* every problem is counted; the first ERRLIST_SHOW are listed */
	errlist_init(&el, "f.csv");
	for (unsigned long i = 1; i <= ERRLIST_SHOW + 10; i++)
		errlist_add(&el, i, 0, NULL, "problem %lu", i);
	assert_int_equal(el.count, ERRLIST_SHOW + 10);
	assert_non_null(fp = open_memstream(&text, &len));
	errlist_print(&el, fp);
	fclose(fp);
	assert_non_null(strstr(text, "f.csv:1: problem 1\n"));
	assert_non_null(strstr(text, "f.csv:50: problem 50\n"));
	assert_null(strstr(text, "problem 51"));
	assert_non_null(strstr(text, "f.csv: ... and 10 more problems\n"));
	free(text);
	errlist_release(&el);
}

/* RFC 4180 quoting: only when needed, quotes doubled. */
static void
test_csv_put(void **state)
{
	static const struct {
		const char	*in;
		size_t		 len;	/* 0: strlen */
		const char	*want;
	} cases[] = {
		{ "", 0, "" },
		{ "abc", 0, "abc" },
		{ "two words", 0, "two words" },
		{ "T\xc3\xbcrkiye", 0, "T\xc3\xbcrkiye" },
		{ "a,b", 0, "\"a,b\"" },
		{ "say \"hi\"", 0, "\"say \"\"hi\"\"\"" },
		{ "\"", 0, "\"\"\"\"" },
		{ "two\nlines", 0, "\"two\nlines\"" },
		{ "cr\r", 0, "\"cr\r\"" },
		{ "\r\n", 0, "\"'\r\n\"" },
		/* what a spreadsheet would run as a formula is text */
		{ "=HYPERLINK(\"http://x\",\"z\")", 0,
		    "\"'=HYPERLINK(\"\"http://x\"\",\"\"z\"\")\"" },
		{ "+cmd", 0, "'+cmd" },
		{ "-x", 0, "'-x" },
		{ "@SUM(A1)", 0, "'@SUM(A1)" },
		{ "\tx", 0, "'\tx" },
		{ "'=x", 0, "''=x" },
		{ "'plain", 0, "'plain" },
		/* numbers stay numbers */
		{ "-99", 0, "-99" },
		{ "+1.5", 0, "+1.5" },
		{ "-", 0, "'-" },
		{ " lead", 0, "\" lead\"" },
		{ "trail ", 0, "\"trail \"" },
		{ "a,b,c", 3, "\"a,b\"" },
	};
	struct buf	 b = BUF_INIT;

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		size_t	 len = cases[i].len ? cases[i].len :
		    strlen(cases[i].in);

		buf_reset(&b);
		csv_put(&b, cases[i].in, len);
		if (strcmp(b.s, cases[i].want) != 0)
			fail_msg("csv_put(\"%s\") gave [%s], want [%s]",
			    cases[i].in, b.s, cases[i].want);
	}
	buf_release(&b);
}

/* What csv_put writes, csv_read reads back unchanged. */
static void
test_csv_put_roundtrip(void **state)
{
	static const char *const vals[] = {
		"plain", "", "a,b", "\"quoted\"", "multi\nline", "cr\r\nlf",
		" padded ", "x", "C\xc3\xb4te d\xe2\x80\x99Ivoire", ",,,", "\"",
		"=1+1", "-", "@x", "\tt", "-5", "'=already", "''=twice", "'",
	};
	struct buf	 line = BUF_INIT, want = BUF_INIT;
	struct got	 g = { .n = 0 };
	struct errlist	 el;

	(void)state;
	for (size_t i = 0; i < NELEM(vals); i++) {
		buf_addf(&line, "%sc%zu", i ? "," : "", i);
		buf_addf(&want, "%sc%zu", i ? "|" : "1:", i);
	}
	buf_addc(&line, '\n');
	buf_adds(&want, "\n2:");
	for (size_t i = 0; i < NELEM(vals); i++) {
		if (i) {
			buf_addc(&line, ',');
			buf_addc(&want, '|');
		}
		csv_put(&line, vals[i], strlen(vals[i]));
		buf_adds(&want, vals[i]);
	}
	buf_addc(&line, '\n');
	assert_int_equal(read_mem(line.s, line.len, &g, &el), 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.recs[0].len + 1 + g.recs[1].len, want.len);
	assert_memory_equal(g.recs[0].s, want.s, g.recs[0].len);
	assert_string_equal(g.recs[1].s, want.s + g.recs[0].len + 1);
	got_release(&g);
	errlist_release(&el);
	buf_release(&line);
	buf_release(&want);
}

/*
 * Regression test: libcsv trims tabs
 * as well as spaces around unquoted fields, and csv_put once quoted only
 * spaces, so "\tx" did not come back; and a byte order mark before a
 * quoted first header name makes the header "malformed quoting".
 */
static void
test_csv_regressions(void **state)
{
	static const char bom_quoted[] = "\xef\xbb\xbf\"a\",b\n1,2\n";
	struct buf	 b = BUF_INIT;
	struct got	 g = { .n = 0 };
	struct errlist	 el;

	(void)state;
	buf_adds(&b, "a\n");
	csv_put(&b, "\tx\t", 3);
	buf_addc(&b, '\n');
	assert_int_equal(read_mem(b.s, b.len, &g, &el), 0);
	assert_string_equal(g.recs[1].s, "2:\tx\t");
	got_release(&g);
	errlist_release(&el);
	buf_release(&b);

	assert_int_equal(read_mem(bom_quoted, sizeof(bom_quoted) - 1, &g,
	    &el), 0);
	assert_string_equal(g.recs[0].s, "1:a|b");
	got_release(&g);
	errlist_release(&el);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_good),
		cmocka_unit_test(test_csv_bad),
		cmocka_unit_test(test_csv_many_errors),
		cmocka_unit_test(test_csv_record_cap),
		cmocka_unit_test(test_csv_record_cap_edge),
		cmocka_unit_test(test_csv_stop),
		cmocka_unit_test(test_csv_progress),
		cmocka_unit_test(test_errlist),
		cmocka_unit_test(test_csv_put),
		cmocka_unit_test(test_csv_put_roundtrip),
		cmocka_unit_test(test_csv_regressions),
	};

	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
