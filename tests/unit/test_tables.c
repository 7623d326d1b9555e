/*
 * test_tables.c: the data outputs of a report (csv.c, json.c, workbook.c)
 * and report_write, which puts them in a folder.  One small report, with
 * texts that need quoting (commas, quotes, line breaks, spaces at the
 * ends, text beyond ASCII), large counts, percentages with and without a
 * denominator, and empty cells, is written as CSV files, as JSON and as an
 * XLSX workbook into a fresh directory.  The CSV must be the exact bytes
 * written out below; the JSON is read back with jansson; the workbook is
 * opened by Python's zipfile (there is no zip library in palermo's link)
 * and its sheets, names and cells are compared with the report.  Then the
 * failures: bad paths, bad ids, bad metadata, bad UTF-8 and a marked
 * total that is not the sum of its parts must give -1 and leave nothing
 * behind.
 */
#include "unit.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <jansson.h>


#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

#define GENERATED	"2024-05-06T07:08:09Z"
#define LONG_ONE	"a_table_with_an_identifier_well_over_31_chars_one"
#define LONG_TWO	"a_table_with_an_identifier_well_over_31_chars_two"

/* ---------------------------------------------------------------------- */
/* The report, and a scratch directory per test. */

static struct report *
sample_report(void)
{
	static const char *const cols[] = {
		"Country", "Cases", "Minors (%)", "Notes"
	};
	static const char *const ycols[] = { "Year", "Cases" };
	static const char *const only[] = { "Only" };
	struct report	*r = report_new("Victims of trafficking, 2023");
	struct section	*s;
	struct table	*t;
	struct cell	*c;

	r->subtitle = report_strdup(r, "All sources, 2019\u20132023");
	r->generated = report_strdup(r, GENERATED);
	r->json_meta = xstrdup("{\"filters\": {\"year\": 2023}, "
	    "\"submissions\": [{\"id\": 1, \"name\": \"Test\"}]}");
	s = report_section(r, "victims", "Victims");

	t = table_new(r, s, "by_country", "Victims by country", 4, cols);
	t->note = "Percentages are of the cases.";
	c = table_row(r, t);
	cell_text(&c[0], "C\u00f4te d\u2019Ivoire");
	cell_int(&c[1], 1234567);
	cell_pct(&c[2], 411522, 1234567);
	c = table_row(r, t);
	cell_text(&c[0], "Bonaire, Sint Eustatius and Saba");
	cell_int(&c[1], 8);
	cell_pct(&c[2], 1, 8);
	cell_text(&c[3], "said \"no\"");
	c = table_row(r, t);
	cell_text(&c[0], "Line one\nline two");
	cell_int(&c[1], 0);
	cell_pct(&c[2], 0, 0);
	cell_text(&c[3], " padded ");
	c = table_row(r, t);
	cell_int(&c[1], 40);
	cell_pct(&c[2], 40, 40);
	cell_text(&c[3], "\u65e5\u672c");

	t = table_new(r, s, LONG_ONE, "Long one", 2, ycols);
	t->note = "Read with care: small numbers.";
	c = table_row(r, t);
	cell_text(&c[0], "2022");
	cell_int(&c[1], 5);
	c = table_row(r, t);
	cell_text(&c[0], "2023");
	cell_int(&c[1], 7);

	t = table_new(r, s, LONG_TWO, "Long two", 2, ycols);
	c = table_row(r, t);
	cell_text(&c[0], "2023");
	cell_int(&c[1], 12);

	/* a table named like the first sheet, with no rows */
	table_new(r, NULL, "about", "About nothing", 1, only);
	return r;
}

/* The CSV files of sample_report, byte for byte. */
static const struct {
	const char	*file;
	const char	*text;
} want_csv[] = {
	{ "by_country.csv",
	    "Country,Cases,Minors (%),Notes\n"
	    "C\u00f4te d\u2019Ivoire,1234567,33.3,\n"
	    "\"Bonaire, Sint Eustatius and Saba\",8,12.5,\"said \"\"no\"\"\"\n"
	    "\"Line one\nline two\",0,,\" padded \"\n"
	    ",40,100.0,\u65e5\u672c\n" },
	{ LONG_ONE ".csv", "Year,Cases\n2022,5\n2023,7\n" },
	{ LONG_TWO ".csv", "Year,Cases\n2023,12\n" },
	{ "about.csv", "Only\n" },
};

/* The whole file at path; its length in *len. */
static char *
file_read(const char *path, size_t *len)
{
	struct buf	 b = BUF_INIT;

	assert_int_equal(file_get(path, &b), 0);
	*len = b.len;
	return buf_detach(&b);
}

/* A report's JSON or workbook put at path, as the command line does. */
static int
write_json(const struct report *r, const char *path)
{
	struct buf	 b = BUF_INIT;
	int		 rc = -1;

	if (report_json(r, path, &b) == 0)
		rc = file_put(path, b.s, b.len);
	buf_release(&b);
	return rc;
}

static int
write_xlsx(const struct report *r, const char *path)
{
	struct buf	 b = BUF_INIT;
	int		 rc = -1;

	if (report_xlsx(r, path, &b) == 0)
		rc = file_put(path, b.s, b.len);
	buf_release(&b);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* CSV, and the folder of outputs */

static void
test_csv(void **state)
{
	struct scratch	*sc = *state;
	struct report	*r = sample_report();
	struct buf	 dir = BUF_INIT, path = BUF_INIT, names = BUF_INIT;
	char		*text, *list;
	size_t		 len;

	/* the folder is made, the CSV files go to tables/ in it */
	buf_addf(&dir, "%s/out", sc->dir);
	assert_int_equal(report_write(r, dir.s), 0);
	list = dir_names(dir.s);
	assert_string_equal(list, "figures.json\nindex.html\ntables\n"
	    "tables.xlsx\n");
	free(list);
	buf_adds(&dir, "/tables");
	for (size_t i = 0; i < NELEM(want_csv); i++) {
		buf_reset(&path);
		buf_addf(&path, "%s/%s", dir.s, want_csv[i].file);
		text = file_read(path.s, &len);
		assert_int_equal(len, strlen(want_csv[i].text));
		assert_memory_equal(text, want_csv[i].text, len);
		free(text);
	}
	/* one file per table and nothing else: no temporary files left */
	buf_adds(&names, LONG_ONE ".csv\n" LONG_TWO ".csv\nabout.csv\n"
	    "by_country.csv\n");
	list = dir_names(dir.s);
	assert_string_equal(list, names.s);
	free(list);

	/* a second run into the same folder replaces the files */
	buf_reset(&path);
	buf_addf(&path, "%s/out", sc->dir);
	assert_int_equal(report_write(r, path.s), 0);
	list = dir_names(dir.s);
	assert_string_equal(list, names.s);
	free(list);

	buf_release(&dir);
	buf_release(&path);
	buf_release(&names);
	report_free(r);
}

static void
test_csv_errors(void **state)
{
	static const char *const cols[] = { "A" };
	struct scratch	*sc = *state;
	struct report	*r = report_new("Bad");
	struct buf	 path = BUF_INIT;
	FILE		*fp;
	char		*list;

	/* the folder is a file, or below one, or missing its parent */
	buf_addf(&path, "%s/file", sc->dir);
	fp = fopen(path.s, "w");
	assert_non_null(fp);
	fclose(fp);
	assert_int_equal(report_write(r, path.s), -1);
	buf_adds(&path, "/below");
	assert_int_equal(report_write(r, path.s), -1);
	assert_int_equal(report_write(r, ""), -1);
	buf_reset(&path);
	buf_addf(&path, "%s/none/out", sc->dir);
	assert_int_equal(report_write(r, path.s), -1);

	/* an id that is no file name writes nothing, here or above */
	table_new(r, NULL, "../escape", "Escape", 1, cols);
	buf_reset(&path);
	buf_addf(&path, "%s/out", sc->dir);
	assert_int_equal(report_write(r, path.s), -1);
	list = dir_names(sc->dir);
	assert_string_equal(list, "file\n");
	free(list);

	buf_release(&path);
	report_free(r);
}

/*
 * Symbolic links where the outputs go are never followed: a linked file
 * is replaced by the report's, its target left as it was; a linked tables
 * folder, or a linked folder of outputs, is refused with nothing written
 * through it.
 */
static void
test_links(void **state)
{
	struct scratch	*sc = *state;
	struct report	*r = sample_report();
	struct buf	 out = BUF_INIT, p = BUF_INIT, q = BUF_INIT;
	struct stat	 st;
	FILE		*fp;
	char		*text, *list;
	size_t		 len;

	buf_addf(&out, "%s/out", sc->dir);
	assert_int_equal(mkdir(out.s, 0777), 0);
	buf_addf(&p, "%s/target", sc->dir);
	fp = fopen(p.s, "w");
	assert_non_null(fp);
	fputs("keep me", fp);
	assert_int_equal(fclose(fp), 0);
	buf_addf(&q, "%s/figures.json", out.s);
	assert_int_equal(symlink(p.s, q.s), 0);
	buf_reset(&q);
	buf_addf(&q, "%s/index.html", out.s);
	assert_int_equal(symlink(p.s, q.s), 0);
	assert_int_equal(report_write(r, out.s), 0);
	text = file_read(p.s, &len);
	assert_int_equal(len, 7);
	assert_memory_equal(text, "keep me", 7);
	free(text);
	assert_int_equal(lstat(q.s, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	buf_reset(&q);
	buf_addf(&q, "%s/figures.json", out.s);
	assert_int_equal(lstat(q.s, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	text = file_read(q.s, &len);
	assert_memory_equal(text, "{\n \"title\": ", 12);
	free(text);

	/* tables/ pointing at another folder: refused, nothing there */
	buf_reset(&p);
	buf_addf(&p, "%s/elsewhere", sc->dir);
	assert_int_equal(mkdir(p.s, 0777), 0);
	buf_reset(&q);
	buf_addf(&q, "%s/tables", out.s);
	remove_tree(q.s);
	assert_int_equal(symlink(p.s, q.s), 0);
	assert_int_equal(report_write(r, out.s), -1);
	list = dir_names(p.s);
	assert_string_equal(list, "");
	free(list);

	/* the folder of outputs itself a link: refused */
	buf_reset(&q);
	buf_addf(&q, "%s/linked", sc->dir);
	assert_int_equal(symlink(p.s, q.s), 0);
	assert_int_equal(report_write(r, q.s), -1);
	list = dir_names(p.s);
	assert_string_equal(list, "");
	free(list);

	buf_release(&out);
	buf_release(&p);
	buf_release(&q);
	report_free(r);
}

/* ---------------------------------------------------------------------- */
/* JSON */

static json_t *
row_cell(json_t *table, size_t row, size_t col)
{
	json_t	*v = json_array_get(json_array_get(json_object_get(table,
	    "rows"), row), col);

	assert_non_null(v);
	return v;
}

static void
check_pct(json_t *v, json_int_t n, json_int_t d, double percent)
{
	assert_true(json_is_object(v));
	assert_int_equal(json_object_size(v), 3);
	assert_int_equal(json_integer_value(json_object_get(v, "n")), n);
	assert_int_equal(json_integer_value(json_object_get(v, "d")), d);
	if (percent < 0)
		assert_true(json_is_null(json_object_get(v, "percent")));
	else {
		assert_true(json_is_real(json_object_get(v, "percent")));
		assert_true(json_real_value(json_object_get(v, "percent")) ==
		    percent);
	}
}

static void
test_json(void **state)
{
	struct scratch	*sc = *state;
	struct report	*r = sample_report();
	struct buf	 path = BUF_INIT;
	json_error_t	 jerr;
	json_t		*root, *meta, *tables, *t, *v;
	const char	*key;
	char		*text, *list;
	size_t		 len, i;
	static const char *const keys[] = {
		"title", "subtitle", "generated", "meta", "tables"
	};
	static const char *const tkeys[] = {
		"id", "title", "note", "columns", "rows"
	};

	buf_addf(&path, "%s/report.json", sc->dir);
	assert_int_equal(write_json(r, path.s), 0);
	list = dir_names(sc->dir);
	assert_string_equal(list, "report.json\n");
	free(list);

	/* percentages are written with their one decimal, and no more */
	text = file_read(path.s, &len);
	assert_non_null(strstr(text, "\"percent\": 33.3\n"));
	assert_non_null(strstr(text, "\"percent\": 100.0\n"));
	assert_int_equal(text[len - 1], '\n');
	free(text);

	root = json_load_file(path.s, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL)
		fail_msg("%s:%d: %s", path.s, jerr.line, jerr.text);
	/* the keys in the order the brief gives them */
	i = 0;
	json_object_foreach(root, key, v) {
		assert_true(i < NELEM(keys));
		assert_string_equal(key, keys[i]);
		i++;
	}
	assert_int_equal(i, NELEM(keys));
	assert_string_equal(json_string_value(json_object_get(root, "title")),
	    "Victims of trafficking, 2023");
	assert_string_equal(json_string_value(json_object_get(root,
	    "subtitle")), "All sources, 2019\u20132023");
	assert_string_equal(json_string_value(json_object_get(root,
	    "generated")), GENERATED);
	meta = json_object_get(root, "meta");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(
	    meta, "filters"), "year")), 2023);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(meta, "submissions"), 0), "name")), "Test");

	tables = json_object_get(root, "tables");
	assert_int_equal(json_array_size(tables), 4);
	t = json_array_get(tables, 0);
	i = 0;
	json_object_foreach(t, key, v) {
		assert_true(i < NELEM(tkeys));
		assert_string_equal(key, tkeys[i]);
		i++;
	}
	assert_string_equal(json_string_value(json_object_get(t, "id")),
	    "by_country");
	assert_string_equal(json_string_value(json_object_get(t, "note")),
	    "Percentages are of the cases.");
	v = json_object_get(t, "columns");
	assert_int_equal(json_array_size(v), 4);
	assert_string_equal(json_string_value(json_array_get(v, 2)),
	    "Minors (%)");
	assert_int_equal(json_array_size(json_object_get(t, "rows")), 4);

	assert_string_equal(json_string_value(row_cell(t, 0, 0)),
	    "C\u00f4te d\u2019Ivoire");
	assert_true(json_is_integer(row_cell(t, 0, 1)));
	assert_int_equal(json_integer_value(row_cell(t, 0, 1)), 1234567);
	check_pct(row_cell(t, 0, 2), 411522, 1234567, 33.3);
	assert_true(json_is_null(row_cell(t, 0, 3)));
	assert_string_equal(json_string_value(row_cell(t, 1, 0)),
	    "Bonaire, Sint Eustatius and Saba");
	check_pct(row_cell(t, 1, 2), 1, 8, 12.5);
	assert_string_equal(json_string_value(row_cell(t, 1, 3)),
	    "said \"no\"");
	assert_string_equal(json_string_value(row_cell(t, 2, 0)),
	    "Line one\nline two");
	assert_int_equal(json_integer_value(row_cell(t, 2, 1)), 0);
	check_pct(row_cell(t, 2, 2), 0, 0, -1);
	assert_string_equal(json_string_value(row_cell(t, 2, 3)), " padded ");
	assert_true(json_is_null(row_cell(t, 3, 0)));
	check_pct(row_cell(t, 3, 2), 40, 40, 100.0);
	assert_string_equal(json_string_value(row_cell(t, 3, 3)),
	    "\u65e5\u672c");

	/* a table without a note has null; one without rows, [] */
	t = json_array_get(tables, 2);
	assert_string_equal(json_string_value(json_object_get(t, "id")),
	    LONG_TWO);
	assert_true(json_is_null(json_object_get(t, "note")));
	t = json_array_get(tables, 3);
	assert_true(json_is_array(json_object_get(t, "rows")));
	assert_int_equal(json_array_size(json_object_get(t, "rows")), 0);

	json_decref(root);
	buf_release(&path);
	report_free(r);
}

static void
test_json_errors(void **state)
{
	static const char *const cols[] = { "A" };
	struct scratch	*sc = *state;
	struct report	*r = report_new("Bad");
	struct buf	 path = BUF_INIT;
	struct cell	*c;
	json_t		*root;
	char		*list;

	buf_addf(&path, "%s/report.json", sc->dir);

	/* no metadata: null */
	assert_int_equal(write_json(r, path.s), 0);
	root = json_load_file(path.s, 0, NULL);
	assert_non_null(root);
	assert_true(json_is_null(json_object_get(root, "meta")));
	assert_true(json_is_null(json_object_get(root, "subtitle")));
	assert_int_equal(json_array_size(json_object_get(root, "tables")), 0);
	json_decref(root);
	assert_int_equal(unlink(path.s), 0);

	/* metadata that is not JSON */
	r->json_meta = xstrdup("{\"filters\": ");
	assert_int_equal(write_json(r, path.s), -1);
	free(r->json_meta);
	r->json_meta = NULL;

	/* a directory that is not there */
	buf_reset(&path);
	buf_addf(&path, "%s/none/report.json", sc->dir);
	assert_int_equal(write_json(r, path.s), -1);

	/* text that is not UTF-8 */
	buf_reset(&path);
	buf_addf(&path, "%s/report.json", sc->dir);
	c = table_row(r, table_new(r, NULL, "t", "T", 1, cols));
	cell_text(c, "caf\xe9");
	assert_int_equal(write_json(r, path.s), -1);

	list = dir_names(sc->dir);
	assert_string_equal(list, "");
	free(list);
	buf_release(&path);
	report_free(r);
}

/* ---------------------------------------------------------------------- */
/* XLSX, through Python's zipfile */

/*
 * Print the workbook as one JSON object: whether the zip is sound, its
 * entries, the sheet names in order, and every cell of every worksheet by
 * file and reference, with shared strings resolved.
 */
static const char zip_script[] =
	"import json, re, sys, zipfile\n"
	"import xml.etree.ElementTree as ET\n"
	"M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'\n"
	"z = zipfile.ZipFile(sys.argv[1])\n"
	"out = {'bad': z.testzip(), 'entries': z.namelist(), 'cells': {}}\n"
	"wb = ET.fromstring(z.read('xl/workbook.xml'))\n"
	"out['sheets'] = [s.get('name') for s in wb.iter(M + 'sheet')]\n"
	"sst = []\n"
	"if 'xl/sharedStrings.xml' in z.namelist():\n"
	"    for si in ET.fromstring(z.read('xl/sharedStrings.xml'))"
	".iter(M + 'si'):\n"
	"        sst.append(''.join(t.text or '' for t in si.iter(M + 't')))\n"
	"for name in z.namelist():\n"
	"    m = re.fullmatch(r'xl/worksheets/(sheet[0-9]+)\\.xml', name)\n"
	"    if not m:\n"
	"        continue\n"
	"    cells = {}\n"
	"    for c in ET.fromstring(z.read(name)).iter(M + 'c'):\n"
	"        v = c.find(M + 'v')\n"
	"        if v is None:\n"
	"            cells[c.get('r')] = None\n"
	"        elif c.get('t') == 's':\n"
	"            cells[c.get('r')] = sst[int(v.text)]\n"
	"        else:\n"
	"            cells[c.get('r')] = float(v.text)\n"
	"    out['cells'][m.group(1)] = cells\n"
	"print(json.dumps(out))\n";

/*
 * Read a workbook with zip_script; NULL, with *missing set, when there is
 * no python3 to run it.
 */
static json_t *
zip_read(const char *dir, const char *xlsx, int *missing)
{
	struct buf	 script = BUF_INIT, cmd = BUF_INIT;
	json_error_t	 jerr;
	json_t		*out;
	FILE		*fp;
	int		 status;

	buf_addf(&script, "%s/zipcheck.py", dir);
	fp = fopen(script.s, "w");
	assert_non_null(fp);
	fputs(zip_script, fp);
	assert_int_equal(fclose(fp), 0);
	buf_addf(&cmd, "python3 '%s' '%s'", script.s, xlsx);
	fp = popen(cmd.s, "r");
	assert_non_null(fp);
	out = json_loadf(fp, 0, &jerr);
	status = pclose(fp);
	unlink(script.s);
	*missing = WIFEXITED(status) && WEXITSTATUS(status) == 127;
	if (out == NULL && !*missing)
		fail_msg("%s: python3 gave no JSON (status %d): %s", xlsx,
		    status, jerr.text);
	if (!*missing)
		assert_int_equal(status, 0);
	buf_release(&script);
	buf_release(&cmd);
	return out;
}

static int
has_entry(json_t *entries, const char *name)
{
	size_t	 i;
	json_t	*v;

	json_array_foreach(entries, i, v)
		if (strcmp(json_string_value(v), name) == 0)
			return 1;
	return 0;
}

static json_t *
sheet_cell(json_t *book, const char *sheet, const char *ref)
{
	json_t	*v = json_object_get(json_object_get(json_object_get(book,
	    "cells"), sheet), ref);

	if (v == NULL)
		fail_msg("%s: no cell %s", sheet, ref);
	return v;
}

static void
check_text(json_t *book, const char *sheet, const char *ref, const char *s)
{
	json_t	*v = sheet_cell(book, sheet, ref);

	if (!json_is_string(v) || strcmp(json_string_value(v), s) != 0)
		fail_msg("%s %s: not the text \"%s\"", sheet, ref, s);
}

static void
check_number(json_t *book, const char *sheet, const char *ref, double n)
{
	json_t	*v = sheet_cell(book, sheet, ref);

	if (!json_is_number(v) || json_number_value(v) != n)
		fail_msg("%s %s: not the number %g", sheet, ref, n);
}

static void
test_xlsx(void **state)
{
	static const char *const want_sheets[] = {
		"about", "by_country", "a_table_with_an_identifier_well",
		"a_table_with_an_identifier_we~2", "about~2",
	};
	struct scratch	*sc = *state;
	struct report	*r = sample_report();
	struct buf	 path = BUF_INIT, again = BUF_INIT;
	json_t		*book, *sheets, *entries;
	char		*a, *b, *list, entry[64];
	size_t		 alen, blen;
	int		 missing;

	/* the scratch file is made in $TMPDIR, and removed */
	assert_int_equal(setenv("TMPDIR", sc->dir, 1), 0);
	buf_addf(&path, "%s/report.xlsx", sc->dir);
	assert_int_equal(write_xlsx(r, path.s), 0);
	list = dir_names(sc->dir);
	assert_string_equal(list, "report.xlsx\n");
	free(list);

	/* the same report is the same file, byte for byte */
	buf_addf(&again, "%s/again.xlsx", sc->dir);
	assert_int_equal(write_xlsx(r, again.s), 0);
	a = file_read(path.s, &alen);
	b = file_read(again.s, &blen);
	assert_true(alen > 4);
	assert_memory_equal(a, "PK\x03\x04", 4);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	free(a);
	free(b);

	book = zip_read(sc->dir, path.s, &missing);
	if (missing) {
		buf_release(&path);
		buf_release(&again);
		report_free(r);
		print_message("python3 not found: the workbook is not read\n");
		skip();
	}
	assert_true(json_is_null(json_object_get(book, "bad")));
	entries = json_object_get(book, "entries");
	assert_true(has_entry(entries, "xl/workbook.xml"));
	for (size_t i = 1; i <= NELEM(want_sheets); i++) {
		snprintf(entry, sizeof(entry), "xl/worksheets/sheet%zu.xml", i);
		if (!has_entry(entries, entry))
			fail_msg("no %s", entry);
	}
	snprintf(entry, sizeof(entry), "xl/worksheets/sheet%zu.xml",
	    NELEM(want_sheets) + 1);
	assert_false(has_entry(entries, entry));

	/* sheet names: the ids, cut to 31 characters and kept unique */
	sheets = json_object_get(book, "sheets");
	assert_int_equal(json_array_size(sheets), NELEM(want_sheets));
	for (size_t i = 0; i < NELEM(want_sheets); i++) {
		const char *name = json_string_value(json_array_get(sheets, i));

		assert_non_null(name);
		assert_true(strlen(name) <= 31);
		assert_string_equal(name, want_sheets[i]);
		for (size_t j = 0; j < i; j++)
			assert_false(str_eqi(name, json_string_value(
			    json_array_get(sheets, j))));
	}

	/* the about sheet lists the sheets and their titles */
	check_text(book, "sheet1", "A1", "Victims of trafficking, 2023");
	check_text(book, "sheet1", "A2", "All sources, 2019\u20132023");
	check_text(book, "sheet1", "B3", GENERATED);
	check_text(book, "sheet1", "A5", "Sheet");
	check_text(book, "sheet1", "B5", "Table");
	check_text(book, "sheet1", "A6", "by_country");
	check_text(book, "sheet1", "B6", "Victims by country");
	check_text(book, "sheet1", "A8", "a_table_with_an_identifier_we~2");
	check_text(book, "sheet1", "B8", "Long two");
	check_text(book, "sheet1", "A9", "about~2");
	check_text(book, "sheet1", "B9", "About nothing");

	/* a table: title, header, counts, fractions, texts, the note */
	check_text(book, "sheet2", "A1", "Victims by country");
	check_text(book, "sheet2", "A2", "Country");
	check_text(book, "sheet2", "D2", "Notes");
	check_text(book, "sheet2", "A3", "C\u00f4te d\u2019Ivoire");
	check_number(book, "sheet2", "B3", 1234567);
	check_number(book, "sheet2", "C3", 411522.0 / 1234567.0);
	check_text(book, "sheet2", "A4", "Bonaire, Sint Eustatius and Saba");
	check_number(book, "sheet2", "C4", 0.125);
	check_text(book, "sheet2", "D4", "said \"no\"");
	check_text(book, "sheet2", "A5", "Line one\nline two");
	check_number(book, "sheet2", "B5", 0);
	assert_true(json_is_null(sheet_cell(book, "sheet2", "C5")));
	check_text(book, "sheet2", "D5", " padded ");
	check_number(book, "sheet2", "C6", 1.0);
	check_text(book, "sheet2", "D6", "\u65e5\u672c");
	assert_null(json_object_get(json_object_get(json_object_get(book,
	    "cells"), "sheet2"), "A6"));
	check_text(book, "sheet2", "A8", "Percentages are of the cases.");
	check_text(book, "sheet3", "A6", "Read with care: small numbers.");
	check_number(book, "sheet4", "B3", 12);
	check_text(book, "sheet5", "A2", "Only");

	json_decref(book);
	buf_release(&path);
	buf_release(&again);
	report_free(r);
}

static void
test_xlsx_errors(void **state)
{
	struct scratch	*sc = *state;
	struct report	*r = sample_report();
	struct buf	 path = BUF_INIT;
	char		*list;

	assert_int_equal(setenv("TMPDIR", sc->dir, 1), 0);
	buf_addf(&path, "%s/none/report.xlsx", sc->dir);
	assert_int_equal(write_xlsx(r, path.s), -1);
	/* a path that is a directory: written beside, then refused */
	buf_reset(&path);
	buf_addf(&path, "%s/dir.xlsx", sc->dir);
	assert_int_equal(mkdir(path.s, 0777), 0);
	assert_int_equal(write_xlsx(r, path.s), -1);
	list = dir_names(sc->dir);
	assert_string_equal(list, "dir.xlsx\n");
	free(list);
	buf_release(&path);
	report_free(r);
}

/* Marked totals: checked before anything is written. */
static void
test_totals(void **state)
{
	static const char *const cols[] = { "Band", "Female", "Male", "All",
	    "Percent female" };
	struct scratch	*sc = *state;
	struct report	*r = report_new("Totals");
	struct table	*t = table_new(r, NULL, "sexes", "Sexes", 5, cols);
	struct cell	*c;
	struct buf	 dir = BUF_INIT;
	char		*list;

	table_total(t, 3, 1, 2);
	c = table_row(r, t);			/* counts */
	cell_text(&c[0], "0 to 17");
	cell_int(&c[1], 40);
	cell_int(&c[2], 2);
	cell_int(&c[3], 42);
	cell_pct(&c[4], 40, 42);
	c = table_row(r, t);			/* ranges, an empty part */
	cell_text(&c[0], "18 or over");
	cell_range(&c[1], 1, 4);
	cell_range(&c[3], 1, 4);
	c = table_row(r, t);
	cell_range(&c[1], 1, 4);
	cell_int(&c[2], 10);
	cell_range(&c[3], 11, 14);
	assert_int_equal(report_check(r), 0);

	cell_range(&c[3], 11, 13);		/* the range is short of one */
	assert_int_equal(report_check(r), -1);
	buf_addf(&dir, "%s/out", sc->dir);
	assert_int_equal(report_write(r, dir.s), -1);
	list = dir_names(sc->dir);
	assert_string_equal(list, "");		/* nothing at all */
	free(list);

	cell_range(&c[3], 11, 14);
	cell_text(&c[2], "ten");		/* a part that is no count */
	assert_int_equal(report_check(r), -1);
	cell_int(&c[2], 10);
	assert_int_equal(report_write(r, dir.s), 0);
	buf_release(&dir);
	report_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		SCRATCH_TEST(test_csv),
		SCRATCH_TEST(test_csv_errors),
		SCRATCH_TEST(test_links),
		SCRATCH_TEST(test_json),
		SCRATCH_TEST(test_json_errors),
		SCRATCH_TEST(test_totals),
		SCRATCH_TEST(test_xlsx),
		SCRATCH_TEST(test_xlsx_errors),
	};

	return cmocka_run_group_tests_name("tables", tests, NULL, NULL);
}
