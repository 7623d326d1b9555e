/*
 * test_xlsx.c: the streaming .xlsx reader xlsx_read (xlsx.c).
 *
 * The real GLOTIP export must give its two preamble rows, its header and
 * then exactly the rows of the CSV export of the same data.  Small
 * workbooks built here with libzip cover the cell types, missing cells and
 * cells without references; large made-up sheets cover the reading on
 * several threads: rows counted across segments, a comment that makes the
 * main parser take over, malformed XML far inside reported at its true
 * line and column, and a callback that stops.  Every broken input must be
 * refused with -1 and one message that says what is wrong.
 */
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "unit.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define GLOTIP		"build/data/glotip/unodc_glotip_data_export_2025-04-14"
#define MIB		(1024 * 1024)

#define XMLDECL	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_MAIN	"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL	"http://schemas.openxmlformats.org/officeDocument/2006/" \
		"relationships"
#define SHEET_HEAD XMLDECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
#define SHEET_TAIL "</sheetData></worksheet>"

/* The directory of this run's files, removed at the end. */
static struct scratch *sc;	/* the group's folder */

/* ---------------------------------------------------------------------- */
/* Building workbooks. */

static const char content_types[] = XMLDECL
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
    "vnd.openxmlformats-package.relationships+xml\"/><Default Extension="
    "\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/"
    "workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.spreadsheetml.sheet.main+xml\"/></Types>";

/* Two sheets; the first in the workbook is "Other". */
static const char workbook[] = XMLDECL
    "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
    "<sheet name=\"Other\" sheetId=\"2\" r:id=\"rId2\"/>"
    "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/>"
    "</sheets></workbook>";

static const char workbook_rels[] = XMLDECL
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" NS_REL "/worksheet\" "
    "Target=\"/xl/worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" NS_REL "/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/></Relationships>";

/* Six strings: plain, rich runs, a phonetic run, escapes, empty. */
static const char shared_strings[] = XMLDECL
    "<sst xmlns=\"" NS_MAIN "\" count=\"6\" uniqueCount=\"6\">"
    "<si><t>plain</t></si>"
    "<si><r><rPr><b/></rPr><t>Bo</t></r><r><t xml:space=\"preserve\">ld "
    "</t></r><r><t>text</t></r></si>"
    "<si><t>\xe6\x9d\xb1\xe4\xba\xac</t><rPh sb=\"0\" eb=\"2\"><t>\xe3\x83"
    "\x88\xe3\x82\xa6</t></rPh><phoneticPr fontId=\"1\"/></si>"
    "<si><t>a_x000D_b</t></si>"
    "<si><t>_x005F_x0041_ &amp; &lt;5</t></si>"
    "<si><t/></si>"
    "</sst>";
static const char *const sst_text[] = {
	"plain", "Bold text", "\xe6\x9d\xb1\xe4\xba\xac", "a\rb",
	"_x0041_ & <5", "",
};

static const char sheet_other[] = SHEET_HEAD
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>other</t></is></c></row>"
    SHEET_TAIL;

/* The good sheet "Data" and the records it must give. */
static const char sheet_data[] = SHEET_HEAD "\n"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v>"
    "</c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"inlineStr\"><is><t>"
    "inline</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><r><t>in</t></r><r>"
    "<rPr><i/></rPr><t xml:space=\"preserve\">line 2</t></r></is></c></row>\n"
    "<row r=\"2\"><c r=\"A2\"><v>1.0E3</v></c><c r=\"B2\" t=\"n\"><v>2019</v>"
    "</c><c r=\"C2\"><v>3.25</v></c><c r=\"D2\"><v>-2.50E1</v></c><c r=\"E2\">"
    "<v>1E-3</v></c><c r=\"F2\"><v>2019.0</v></c><c r=\"G2\"><v>-0.0</v></c>"
    "<c r=\"H2\"><v>1.5E20</v></c></row>\n"
    "<row r=\"3\"><c r=\"A3\" t=\"b\"><v>1</v></c><c r=\"B3\" t=\"b\"><v>0</v>"
    "</c><c r=\"C3\" t=\"e\"><v>#N/A</v></c><c r=\"D3\" t=\"str\"><f>A1</f><v>"
    "plain</v></c><c r=\"E3\" t=\"s\"><v>3</v></c><c r=\"F3\" t=\"s\"><v>4</v>"
    "</c></row>\n"
    "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>x</t></is></c>"
    "<c r=\"C4\" t=\"inlineStr\"><is><t>z</t></is></c></row>\n"
    "<row r=\"5\"><c t=\"inlineStr\"><is><t>p</t></is></c><c><v>2</v></c>"
    "<c r=\"E5\" t=\"s\"><v>0</v></c><c><v>6</v></c></row>\n"
    "<row><c r=\"A6\" t=\"s\"><v>5</v></c><c r=\"B6\"><v>7</v></c></row>\n"
    "<row r=\"7\" spans=\"1:4\"><c r=\"A7\"><v>8</v></c><c r=\"B7\" s=\"1\"/>"
    "<c r=\"D7\" s=\"1\" t=\"s\"/></row>\n"
    "<row r=\"9\"><c r=\"B9\"><v>9</v></c></row>\n"
    "<row r=\"10\"/>\n"
    "<row><c r=\"A11\" t=\"d\"><v>2025-04-14T00:00:00</v></c></row>\n"
    SHEET_TAIL;
static const char *const data_want[] = {
	"1:plain|Bold text|\xe6\x9d\xb1\xe4\xba\xac|inline|inline 2",
	"2:1000|2019|3.25|-25|1E-3|2019|0|1.5E20",
	"3:1|0|#N/A|plain|a\rb|_x0041_ & <5",
	"4:x||z",
	"5:p|2|||plain|6",
	"6:|7",
	"7:8",
	"9:|9",
	"10:",
	"11:2025-04-14T00:00:00",
};

struct part {
	const char	*name;
	const char	*data;
	size_t		 len;		/* 0: strlen */
	int		 stored;	/* not compressed */
};

/* The path of a file in the group's folder. */
static char *
tmp_path(const char *name)
{
	static char	 path[4][512];
	static int	 n;
	char		*p = path[n++ % 4];

	snprintf(p, sizeof(path[0]), "%s/%s", sc->dir, name);
	return p;
}

static void
zip_make(const char *path, const struct part *parts, size_t n)
{
	zip_t		*z;
	zip_source_t	*src;
	zip_int64_t	 idx;
	int		 err;

	z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (size_t i = 0; i < n; i++) {
		size_t	 len = parts[i].len ? parts[i].len :
		    strlen(parts[i].data);

		src = zip_source_buffer(z, parts[i].data, len, 0);
		assert_non_null(src);
		idx = zip_file_add(z, parts[i].name, src, ZIP_FL_ENC_UTF_8);
		assert_true(idx >= 0);
		if (parts[i].stored)
			assert_int_equal(zip_set_file_compression(z,
			    (zip_uint64_t)idx, ZIP_CM_STORE, 0), 0);
	}
	assert_int_equal(zip_close(z), 0);
}

/* A workbook of the two sheets above, sheet1 and the strings replaced. */
static void
xlsx_make(const char *path, const char *sheet1, size_t len, const char *sst,
    int stored)
{
	const struct part parts[] = {
		{ "[Content_Types].xml", content_types, 0, 0 },
		{ "xl/workbook.xml", workbook, 0, 0 },
		{ "xl/_rels/workbook.xml.rels", workbook_rels, 0, 0 },
		{ "xl/worksheets/sheet2.xml", sheet_other, 0, 0 },
		{ "xl/worksheets/sheet1.xml", sheet1, len, stored },
		{ "xl/sharedStrings.xml", sst, 0, 0 },
	};
	struct part	 have[NELEM(parts)];
	size_t		 n = 0;

	for (size_t i = 0; i < NELEM(parts); i++)
		if (parts[i].data != NULL)
			have[n++] = parts[i];
	zip_make(path, have, n);
}

static void
file_write(const char *path, const void *p, size_t n)
{
	FILE	*fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(p, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

/* ---------------------------------------------------------------------- */
/* Collecting what the reader hands on. */

/* The records read, each as "LINE:field|field|...". */
struct got {
	struct buf	*recs;
	size_t		 n, alloc;
};

static int
collect(const struct csv_record *r, void *arg)
{
	struct got	*g = arg;
	struct buf	*b;

	if (g->n == g->alloc) {
		g->alloc = g->alloc ? g->alloc * 2 : 16;
		g->recs = xreallocarray(g->recs, g->alloc, sizeof(*g->recs));
	}
	b = &g->recs[g->n++];
	buf_init(b, 0);
	buf_addf(b, "%lu:", r->line);
	for (size_t i = 0; i < r->count; i++) {
		assert_int_equal(r->field[i][r->len[i]], '\0');
		assert_int_equal(strlen(r->field[i]), r->len[i]);
		assert_true(utf8_valid(r->field[i], r->len[i]));
		if (i)
			buf_addc(b, '|');
		buf_add(b, r->field[i], r->len[i]);
	}
	return 0;
}

static void
got_release(struct got *g)
{
	for (size_t i = 0; i < g->n; i++)
		buf_release(&g->recs[i]);
	free(g->recs);
	memset(g, 0, sizeof(*g));
}

static void
want_recs(const struct got *g, const char *const *want, size_t n)
{
	for (size_t i = 0; i < n && i < g->n; i++)
		if (strcmp(g->recs[i].s, want[i]) != 0)
			fail_msg("record %zu: got '%s', want '%s'", i,
			    g->recs[i].s, want[i]);
	assert_int_equal(g->n, n);
}

/* ---------------------------------------------------------------------- */
/* A good small workbook. */

static void
test_xlsx_good(void **state)
{
	const char	*path = tmp_path("good.xlsx");
	struct errlist	 el;
	struct got	 g = { NULL, 0, 0 };
	static const char *const other_want[] = { "1:other" };

	(void)state;
	xlsx_make(path, sheet_data, 0, shared_strings, 0);

	errlist_init(&el, path);
	assert_int_equal(xlsx_read(path, "Data", collect, &g, &el, NULL), 0);
	assert_int_equal(el.count, 0);
	assert_string_equal(el.sheet, "Data");
	want_recs(&g, data_want, NELEM(data_want));
	got_release(&g);

	/* no name: the first sheet of the workbook, not the first part */
	assert_int_equal(xlsx_read(path, NULL, collect, &g, &el, NULL), 0);
	assert_string_equal(el.sheet, "Other");
	want_recs(&g, other_want, 1);
	got_release(&g);

	/* Excel's sheet names do not differ by case alone */
	assert_int_equal(xlsx_read(path, "dATA", collect, &g, &el, NULL), 0);
	assert_string_equal(el.sheet, "Data");
	assert_int_equal(g.n, NELEM(data_want));
	got_release(&g);
	errlist_release(&el);
}

/* The shared strings one by one, read through cells of type s. */
static void
test_xlsx_shared(void **state)
{
	const char	*path = tmp_path("shared.xlsx");
	struct errlist	 el;
	struct got	 g = { NULL, 0, 0 };
	struct buf	 xml, want[NELEM(sst_text)];
	const char	*wantp[NELEM(sst_text)];

	(void)state;
	buf_init(&xml, 0);
	buf_adds(&xml, SHEET_HEAD);
	for (size_t i = 0; i < NELEM(sst_text); i++) {
		buf_addf(&xml, "<row><c t=\"s\"><v>%zu</v></c></row>", i);
		buf_init(&want[i], 0);
		buf_addf(&want[i], "%zu:%s", i + 1, sst_text[i]);
		wantp[i] = want[i].s;
	}
	buf_adds(&xml, SHEET_TAIL);
	xlsx_make(path, xml.s, 0, shared_strings, 0);
	errlist_init(&el, path);
	assert_int_equal(xlsx_read(path, "Data", collect, &g, &el, NULL), 0);
	want_recs(&g, wantp, NELEM(sst_text));
	got_release(&g);
	errlist_release(&el);
	buf_release(&xml);
	for (size_t i = 0; i < NELEM(sst_text); i++)
		buf_release(&want[i]);
}

/* ---------------------------------------------------------------------- */
/* Inputs that must fail. */

enum make {
	MK_SHEET,	/* the workbook with this sheet1 */
	MK_NOSST,	/* the same without shared strings */
	MK_NOPART,	/* the workbook without sheet1 */
	MK_TRUNC,	/* the first 100 KB of the real file */
	MK_HELLO,	/* a zip of hello.txt */
	MK_TEXT,	/* a text file */
	MK_NONE,	/* no file at all */
	MK_CRC,		/* a stored sheet with a byte changed */
	MK_LONG_SST,	/* a shared string over 1 MiB */
	MK_LONG_CELL,	/* an inline string over 1 MiB */
};

static void
bad_make(const char *path, enum make mk, const char *xml)
{
	static const char hello[] = "hello, world\n";
	struct part	 p = { "hello.txt", hello, 0, 0 };
	struct buf	 b;
	char		*data;
	FILE		*fp;
	size_t		 n;

	buf_init(&b, 0);
	switch (mk) {
	case MK_SHEET:
		xlsx_make(path, xml, 0, shared_strings, 0);
		break;
	case MK_NOSST:
		xlsx_make(path, xml, 0, NULL, 0);
		break;
	case MK_NOPART:
		xlsx_make(path, NULL, 0, NULL, 0);
		break;
	case MK_TRUNC:
		fp = fopen(GLOTIP ".xlsx", "rb");
		if (fp == NULL)
			fail_msg("%s.xlsx is missing", GLOTIP);
		data = xmalloc(100 * 1024);
		assert_int_equal(fread(data, 1, 100 * 1024, fp), 100 * 1024);
		fclose(fp);
		file_write(path, data, 100 * 1024);
		free(data);
		break;
	case MK_HELLO:
		zip_make(path, &p, 1);
		break;
	case MK_TEXT:
		file_write(path, "Iso3_code,Country\nABW,Aruba\n", 28);
		break;
	case MK_NONE:
		break;
	case MK_CRC:
		xlsx_make(path, xml, 0, shared_strings, 1);
		fp = fopen(path, "r+b");
		assert_non_null(fp);
		data = xmalloc(64 * 1024);
		n = fread(data, 1, 64 * 1024, fp);
		for (size_t i = 0; i + 8 < n; i++)
			if (memcmp(data + i, "<v>1234<", 8) == 0) {
				fseek(fp, (long)i + 3, SEEK_SET);
				fputc('9', fp);
				break;
			}
		fclose(fp);
		free(data);
		break;
	case MK_LONG_SST:
		buf_adds(&b, XMLDECL "<sst xmlns=\"" NS_MAIN "\"><si><t>a</t>"
		    "</si><si><t>");
		for (size_t i = 0; i < MIB / 8 + 1; i++)
			buf_adds(&b, "12345678");
		buf_adds(&b, "</t></si></sst>");
		xlsx_make(path, xml, 0, b.s, 0);
		break;
	case MK_LONG_CELL:
		buf_adds(&b, SHEET_HEAD "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
		    "<is><t>");
		for (size_t i = 0; i < MIB / 8 + 1; i++)
			buf_adds(&b, "12345678");
		buf_adds(&b, "</t></is></c></row><row r=\"2\"><c r=\"A2\"><v>2"
		    "</v></c></row>" SHEET_TAIL);
		xlsx_make(path, b.s, 0, shared_strings, 0);
		break;
	}
	buf_release(&b);
}

#define ROWS_3(r2) SHEET_HEAD \
	"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" r2 \
	"<row r=\"3\"><c r=\"A3\"><v>3</v></c></row>" SHEET_TAIL

static void
test_xlsx_bad(void **state)
{
	static const struct {
		const char	*what;
		enum make	 make;
		const char	*xml;	/* sheet1 */
		const char	*sheet;
		const char	*want;	/* the message after "path: " */
		int		 rows;	/* handed on anyway; -1: any */
	} cases[] = {
		{ "truncated xlsx", MK_TRUNC, NULL, NULL,
		    "truncated or corrupt zip archive: Not a zip archive", 0 },
		{ "zip without workbook", MK_HELLO, NULL, NULL,
		    "not an xlsx file: no workbook", 0 },
		{ "not a zip", MK_TEXT, NULL, NULL,
		    "not an xlsx file: not a zip archive", 0 },
		{ "no file", MK_NONE, NULL, NULL,
		    "cannot open: No such file or directory", 0 },
		{ "missing sheet", MK_SHEET, sheet_other, "Nope",
		    "no sheet named 'Nope'; the workbook has 'Other', 'Data'",
		    0 },
		{ "missing sheet part", MK_NOPART, NULL, "Data",
		    "not an xlsx file: no part xl/worksheets/sheet1.xml", 0 },
		{ "malformed sheet XML", MK_SHEET, SHEET_HEAD "\n"
		    "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\n"
		    "<row r=\"2\"><c r=\"A2\"><v>2</x></c></row>\n" SHEET_TAIL,
		    "Data", "xl/worksheets/sheet1.xml:4:28: malformed XML: "
		    "mismatched tag", 1 },
		{ "sheet XML cut short", MK_SHEET, SHEET_HEAD "<row r=\"1\">",
		    "Data", "xl/worksheets/sheet1.xml:2:100: malformed XML: "
		    "no element found", 0 },
		{ "bad shared string index", MK_SHEET,
		    ROWS_3("<row r=\"2\"><c r=\"A2\"><v>2</v></c><c r=\"B2\" "
		    "t=\"s\"><v>99</v></c></row>"), "Data",
		    "Data!B2: bad shared string index '99' (the workbook has "
		    "6 shared strings)", 2 },
		{ "shared string index not a number", MK_SHEET,
		    ROWS_3("<row r=\"2\"><c r=\"C2\" t=\"s\"><v>-1</v></c>"
		    "</row>"), "Data", "Data!C2: bad shared string index '-1' "
		    "(the workbook has 6 shared strings)", 2 },
		{ "shared string without shared strings", MK_NOSST,
		    ROWS_3("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c>"
		    "</row>"), "Data", "Data!A2: bad shared string index '0' "
		    "(the workbook has 0 shared strings)", 2 },
		{ "column past XFD", MK_SHEET,
		    ROWS_3("<row r=\"2\"><c r=\"XFD2\"><v>1</v></c><c><v>2</v>"
		    "</c></row>"), "Data", "Data!XFE2: more than 16384 "
		    "columns", 2 },
		{ "bad cell reference", MK_SHEET,
		    ROWS_3("<row r=\"2\"><c r=\"2B\"><v>1</v></c></row>"), "Data",
		    "Data!A2: bad cell reference '2B'", 2 },
		{ "unknown cell type", MK_SHEET,
		    ROWS_3("<row r=\"2\"><c r=\"B2\" t=\"x\"><v>1</v></c></row>"),
		    "Data", "Data!B2: unknown cell type 'x'", 2 },
		{ "corrupt zip entry", MK_CRC, ROWS_3("<row r=\"2\"><c r=\"A2\">"
		    "<v>1234</v></c></row>"), "Data", "xl/worksheets/sheet1.xml: "
		    "corrupt or truncated zip entry: CRC error", -1 },
		{ "shared string over 1 MiB", MK_LONG_SST, sheet_other, "Data",
		    "xl/sharedStrings.xml: shared string 1 longer than "
		    "1048576 bytes", 0 },
		{ "text over 1 MiB", MK_LONG_CELL, NULL, "Data",
		    "Data!A1: text longer than 1048576 bytes", 1 },
	};
	struct errlist	 el;
	struct got	 g = { NULL, 0, 0 };
	struct buf	 want;

	(void)state;
	buf_init(&want, 0);
	for (size_t i = 0; i < NELEM(cases); i++) {
		const char	*path = tmp_path("bad.xlsx");

		unlink(path);
		bad_make(path, cases[i].make, cases[i].xml);
		errlist_init(&el, path);
		if (xlsx_read(path, cases[i].sheet, collect, &g, &el, NULL) !=
		    -1)
			fail_msg("%s: accepted", cases[i].what);
		buf_reset(&want);
		buf_addf(&want, "%s: %s\n", path, cases[i].want);
		if (el.count != 1 || strcmp(el.text.s, want.s) != 0)
			fail_msg("%s: got %lu problems:\n%s\nwant:\n%s",
			    cases[i].what, el.count, el.text.s, want.s);
		if (cases[i].rows >= 0 && g.n != (size_t)cases[i].rows)
			fail_msg("%s: %zu rows handed on, want %d",
			    cases[i].what, g.n, cases[i].rows);
		got_release(&g);
		errlist_release(&el);
		unlink(path);
	}
	buf_release(&want);
}

/* A callback that stops: -1, nothing reported. */
static int
stop_at_2(const struct csv_record *r, void *arg)
{
	int	*n = arg;

	(void)r;
	return ++*n == 2 ? -1 : 0;
}

static void
test_xlsx_stop(void **state)
{
	const char	*path = tmp_path("stop.xlsx");
	struct errlist	 el;
	int		 n = 0;

	(void)state;
	xlsx_make(path, sheet_data, 0, shared_strings, 0);
	errlist_init(&el, path);
	assert_int_equal(xlsx_read(path, "Data", stop_at_2, &n, &el, NULL), -1);
	assert_int_equal(n, 2);
	assert_int_equal(el.count, 0);
	errlist_release(&el);
}

/* ---------------------------------------------------------------------- */
/* Large sheets, read on several threads. */

#define BIG_ROWS	10000

/* The number of row i (from 1): rows jump by ten after row 1000. */
static unsigned long
big_num(int i)
{
	return i <= 1000 ? (unsigned long)i : (unsigned long)i + 10;
}

/* Row i of a large sheet, and the record it must give. */
static void
big_row(struct buf *xml, struct buf *want, int i)
{
	unsigned long	 n = big_num(i);
	const char	*s = sst_text[n % NELEM(sst_text)];

	/* some rows without r, counted on from the row before */
	if (i % 7 == 3 && i != 1001)
		buf_adds(xml, "<row>");
	else
		buf_addf(xml, "<row r=\"%lu\" spans=\"1:3\">", n);
	buf_addf(xml, "<c r=\"A%lu\" t=\"inlineStr\"><is><t>r%lu</t></is></c>"
	    "<c r=\"B%lu\"><v>%lu.0E0</v></c><c t=\"s\"><v>%lu</v></c></row>",
	    n, n, n, n, n % NELEM(sst_text));
	if (want != NULL) {
		buf_reset(want);
		buf_addf(want, "%lu:r%lu|%lu%s%s", n, n, n, *s ? "|" : "", s);
	}
}

/*
 * A large sheet: rows one a line (nl) or all on one; at row flaw_at, the
 * text flaw instead of the row (bad XML) or before it (a comment).
 */
static void
big_sheet(struct buf *xml, int nl, int flaw_at, const char *flaw, int instead)
{
	buf_adds(xml, nl ? SHEET_HEAD "\n" : "<worksheet xmlns=\"" NS_MAIN
	    "\"><sheetData>");
	for (int i = 1; i <= BIG_ROWS; i++) {
		if (i == flaw_at)
			buf_adds(xml, flaw);
		if (i != flaw_at || !instead)
			big_row(xml, NULL, i);
		if (nl)
			buf_addc(xml, '\n');
	}
	buf_adds(xml, SHEET_TAIL);
}

struct bigchk {
	int		 i;		/* rows seen */
	int		 stop_at;
	struct buf	 want, xml, got;
	char		 first[256];	/* the first difference */
};

static int
big_check(const struct csv_record *r, void *arg)
{
	struct bigchk	*c = arg;

	c->i++;
	buf_reset(&c->xml);
	big_row(&c->xml, &c->want, c->i);
	buf_reset(&c->got);
	buf_addf(&c->got, "%lu:", r->line);
	for (size_t j = 0; j < r->count; j++)
		buf_addf(&c->got, "%s%s", j ? "|" : "", r->field[j]);
	if (c->first[0] == '\0' && strcmp(c->got.s, c->want.s) != 0)
		snprintf(c->first, sizeof(c->first), "row %d: got '%s', want "
		    "'%s'", c->i, c->got.s, c->want.s);
	return c->i == c->stop_at ? -1 : 0;
}

/* Read a large sheet; the rows are checked as they come. */
static int
big_read(const char *xml, int stop_at, struct errlist *el, struct bigchk *c)
{
	const char	*path = tmp_path("big.xlsx");
	int		 rc;

	memset(c, 0, sizeof(*c));
	c->stop_at = stop_at;
	buf_init(&c->want, 0);
	buf_init(&c->xml, 0);
	buf_init(&c->got, 0);
	xlsx_make(path, xml, 0, shared_strings, 0);
	errlist_init(el, path);
	rc = xlsx_read(path, "Data", big_check, c, el, NULL);
	buf_release(&c->want);
	buf_release(&c->xml);
	buf_release(&c->got);
	unlink(path);
	if (c->first[0] != '\0')
		fail_msg("%s", c->first);
	return rc;
}

static void
test_xlsx_big(void **state)
{
	static const struct {
		const char	*what;
		int		 nl;
		int		 flaw_at;
		const char	*flaw;
	} cases[] = {
		{ "rows one a line", 1, 0, NULL },
		{ "rows on one line", 0, 0, NULL },
		/* a cut inside the comment would be no cut at a row's end */
		{ "a comment far inside", 0, 7500,
		    "<!-- </row><row r=\"1\"> --><?pi </row>?>" },
		{ "a comment at the start", 1, 5, "<!-- </row> -->" },
		{ "CDATA far inside", 1, 6000, "<![CDATA[</row>]]>" },
	};
	struct errlist	 el;
	struct bigchk	 c;
	struct buf	 xml;

	(void)state;
	buf_init(&xml, 0);
	for (size_t i = 0; i < NELEM(cases); i++) {
		buf_reset(&xml);
		big_sheet(&xml, cases[i].nl, cases[i].flaw_at, cases[i].flaw, 0);
		if (big_read(xml.s, 0, &el, &c) != 0)
			fail_msg("%s: refused: %s", cases[i].what, el.text.s);
		if (c.i != BIG_ROWS)
			fail_msg("%s: %d rows, want %d", cases[i].what, c.i,
			    BIG_ROWS);
		errlist_release(&el);
	}
	buf_release(&xml);
}

/* Malformed XML far inside a large sheet, where a worker met it first. */
static void
test_xlsx_big_bad(void **state)
{
	static const char bad[] = "<row r=\"8510\"><c r=\"A8510\"><v>1</x>"
	    "</c></row>";
	struct errlist	 el;
	struct bigchk	 c;
	struct buf	 xml, want;
	const char	*at;

	(void)state;
	buf_init(&xml, 0);
	buf_init(&want, 0);

	/* one row a line: row i is on line i + 2; expat points at the name */
	big_sheet(&xml, 1, 8500, bad, 1);
	assert_int_equal(big_read(xml.s, 0, &el, &c), -1);
	assert_int_equal(c.i, 8499);
	buf_addf(&want, "%s: xl/worksheets/sheet1.xml:8502:%d: malformed XML: "
	    "mismatched tag\n", el.file, (int)(strstr(bad, "</x>") - bad) + 3);
	assert_string_equal(el.text.s, want.s);
	errlist_release(&el);

	/* all on one line: the column counts the characters before */
	buf_reset(&xml);
	big_sheet(&xml, 0, 8500, bad, 1);
	at = strstr(xml.s, "</x>");
	assert_int_equal(big_read(xml.s, 0, &el, &c), -1);
	assert_int_equal(c.i, 8499);
	buf_reset(&want);
	buf_addf(&want, "%s: xl/worksheets/sheet1.xml:1:%td: malformed XML: "
	    "mismatched tag\n", el.file, at - xml.s + 3);
	assert_string_equal(el.text.s, want.s);
	errlist_release(&el);

	/* a callback that stops while the workers are busy */
	buf_reset(&xml);
	big_sheet(&xml, 1, 0, NULL, 0);
	assert_int_equal(big_read(xml.s, 6789, &el, &c), -1);
	assert_int_equal(c.i, 6789);
	assert_int_equal(el.count, 0);
	errlist_release(&el);
	buf_release(&xml);
	buf_release(&want);
}

/* ---------------------------------------------------------------------- */
/* The real GLOTIP export against its CSV. */

static const char *const glotip_header[] = {
	"Iso3_code", "Country", "Region", "Subregion", "Indicator",
	"Dimension", "Category", "Sex", "Age", "Year", "Unit of measurement",
	"txtVALUE", "Source",
};

/* The CSV's records, each its fields joined by US (0x1f). */
struct grid {
	struct buf	 text;
	size_t		*off;
	size_t		 n, alloc;
};

static void
record_join(struct buf *b, const struct csv_record *r)
{
	for (size_t i = 0; i < r->count; i++) {
		if (i)
			buf_addc(b, 0x1f);
		buf_add(b, r->field[i], r->len[i]);
	}
}

static int
table_add(const struct csv_record *r, void *arg)
{
	struct grid	*t = arg;

	if (t->n == t->alloc) {
		t->alloc = t->alloc ? t->alloc * 2 : 1024;
		t->off = xreallocarray(t->off, t->alloc + 1, sizeof(*t->off));
	}
	t->off[t->n++] = t->text.len;
	record_join(&t->text, r);
	buf_addc(&t->text, '\0');
	return 0;
}

struct glotip {
	const struct grid	*csv;
	struct buf		 row;
	unsigned long		 rows, differ;
	unsigned long		 lastline;
	uint64_t		 progress;
	int			 calls;
	char			 first[512];
};

static void
glotip_progress(uint64_t bytes, void *arg)
{
	struct glotip	*g = arg;

	assert_true(bytes >= g->progress);
	g->progress = bytes;
	g->calls++;
}

static int
glotip_row(const struct csv_record *r, void *arg)
{
	struct glotip	*g = arg;
	const char	*want;

	g->rows++;
	assert_int_equal(r->line, g->lastline + 1);
	g->lastline = r->line;
	if (r->line == 1 || r->line == 2) {
		assert_int_equal(r->count, 1);
		assert_string_equal(r->field[0], r->line == 1 ? "UNODC" :
		    "14/04/2025");
		return 0;
	}
	if (r->line == 3) {
		assert_int_equal(r->count, NELEM(glotip_header));
		for (size_t i = 0; i < r->count; i++)
			assert_string_equal(r->field[i], glotip_header[i]);
	}
	/* row 3 is the CSV's header, record 0 */
	if (r->line - 3 >= g->csv->n) {
		g->differ++;
		return 0;
	}
	want = g->csv->text.s + g->csv->off[r->line - 3];
	buf_reset(&g->row);
	record_join(&g->row, r);
	if (strcmp(g->row.s, want) != 0 && g->differ++ == 0)
		snprintf(g->first, sizeof(g->first), "row %lu: '%s' in the "
		    "xlsx, '%s' in the CSV", r->line, g->row.s, want);
	return 0;
}

static void
test_xlsx_glotip(void **state)
{
	struct grid	 csv;
	struct glotip	 g;
	struct errlist	 el;
	struct zip_stat	 st;
	zip_t		*z;
	FILE		*fp;
	int		 err;

	(void)state;
	memset(&csv, 0, sizeof(csv));
	buf_init(&csv.text, 0);
	if ((fp = fopen(GLOTIP ".csv", "r")) == NULL)
		fail_msg("%s.csv is missing", GLOTIP);
	errlist_init(&el, GLOTIP ".csv");
	assert_int_equal(csv_read(fp, GLOTIP ".csv", table_add, &csv, &el,
	    NULL), 0);
	fclose(fp);
	errlist_release(&el);
	assert_int_equal(csv.n, 1 + 58769);

	/* the progress reports end at the size of the sheet's XML */
	if ((z = zip_open(GLOTIP ".xlsx", ZIP_RDONLY, &err)) == NULL)
		fail_msg("%s.xlsx is missing or unreadable", GLOTIP);
	assert_int_equal(zip_stat(z, "xl/worksheets/sheet1.xml", 0, &st), 0);
	zip_discard(z);

	memset(&g, 0, sizeof(g));
	g.csv = &csv;
	buf_init(&g.row, 0);
	errlist_init(&el, GLOTIP ".xlsx");
	if (xlsx_read(GLOTIP ".xlsx", "data_glotip_1", glotip_row, &g, &el,
	    glotip_progress) != 0)
		fail_msg("refused: %s", el.text.s);
	assert_string_equal(el.sheet, "data_glotip_1");
	if (g.differ)
		fail_msg("%lu rows differ; %s", g.differ, g.first);
	assert_int_equal(g.rows, 3 + 58769);
	assert_true(g.calls > 1);
	assert_int_equal(g.progress, st.size);
	errlist_release(&el);
	buf_release(&g.row);
	buf_release(&csv.text);
	free(csv.off);
}

/* ---------------------------------------------------------------------- */

static int
setup(void **state)
{
	(void)state;
	return scratch_setup((void **)&sc);
}

static int
teardown(void **state)
{
	(void)state;
	return scratch_teardown((void **)&sc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsx_good),
		cmocka_unit_test(test_xlsx_shared),
		cmocka_unit_test(test_xlsx_bad),
		cmocka_unit_test(test_xlsx_stop),
		cmocka_unit_test(test_xlsx_big),
		cmocka_unit_test(test_xlsx_big_bad),
		cmocka_unit_test(test_xlsx_glotip),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
