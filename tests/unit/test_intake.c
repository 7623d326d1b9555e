/*
 * test_intake.c: intake_file given a file in memory, as a web upload will
 * give it.  The UNODC export's CSV and its xlsx, read from bytes, store
 * as many values as the CSV has lines after its header (counted here, not
 * by palermo); a CSV whose name says xlsx is still read as CSV; a
 * rejected upload stores nothing and leaves no temporary file behind.
 */
#include "unit.h"

#include <dirent.h>

#define GLOTIP	"build/data/glotip/unodc_glotip_data_export_2025-04-14"

struct env {
	struct scratch	*sc;
	struct store	*st;
};

static int
setup(void **state)
{
	struct env	*e = xcalloc(1, sizeof(*e));
	struct buf	 db = BUF_INIT;

	if (scratch_setup((void **)&e->sc) == -1) {
		free(e);
		return -1;
	}
	/* the upload's private file goes in $TMPDIR: here, to be seen */
	setenv("TMPDIR", e->sc->dir, 1);
	buf_addf(&db, "%s/db", e->sc->dir);
	if (store_open(&e->st, db.s, STORE_CREATE) == -1) {
		buf_release(&db);
		return -1;
	}
	buf_release(&db);
	*state = e;
	return 0;
}

static int
teardown(void **state)
{
	struct env	*e = *state;

	e->st->ops->close(e->st);
	scratch_teardown((void **)&e->sc);
	free(e);
	return 0;
}

/* Lines after the header, counted as bytes. */
static uint64_t
csv_rows(const struct buf *b)
{
	uint64_t	 n = 0;

	for (size_t i = 0; i < b->len; i++)
		n += b->s[i] == '\n';
	return n - 1;
}

/* Stored values, through the store. */
static int
count_stat(const struct stat_rec *r, void *arg)
{
	(void)r;
	++*(uint64_t *)arg;
	return 0;
}

static uint64_t
stored(struct store *st)
{
	uint64_t	 n = 0;

	assert_int_equal(st->ops->stat_each(st, 0, count_stat, &n), 0);
	return n;
}

/* The files in the scratch folder other than the database's. */
static int
strays(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;
	int		 n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0 &&
		    strncmp(e->d_name, "db", 2) != 0;
	closedir(d);
	return n;
}

static int
upload(struct store *st, const struct buf *b, const char *name,
    const char *source, struct intake_result *res, int64_t supersedes)
{
	struct intake_request req;

	memset(&req, 0, sizeof(req));
	req.kind = INTAKE_STATS;
	req.data = b->s;
	req.len = b->len;
	req.name = name;
	req.source = source;
	req.format = -1;
	req.supersedes = &supersedes;
	req.nsupersedes = supersedes != 0;
	return intake_file(st, &req, res);
}

static void
test_upload(void **state)
{
	struct env	*e = *state;
	struct buf	 csv = BUF_INIT, xlsx = BUF_INIT;
	struct intake_result res;
	uint64_t	 want;

	assert_int_equal(file_get(GLOTIP ".csv", &csv), 0);
	assert_int_equal(file_get(GLOTIP ".xlsx", &xlsx), 0);
	want = csv_rows(&csv);

	/* the CSV, under a name that says xlsx: read as what it is */
	assert_int_equal(upload(e->st, &csv, "portal.xlsx", "csv", &res, 0), 0);
	assert_int_equal(res.rows, want);
	assert_string_equal(res.format, "unodc");
	intake_result_release(&res);
	assert_int_equal(stored(e->st), want);

	/* the workbook, from bytes: the same values, which it may give only
	 * as a new edition of the CSV's */
	assert_int_equal(upload(e->st, &xlsx, "portal", "xlsx", &res, 0), 1);
	intake_result_release(&res);
	assert_int_equal(strays(e->sc->dir), 0);
	assert_int_equal(upload(e->st, &xlsx, "portal", "xlsx", &res, 1), 0);
	assert_int_equal(res.rows, want);
	assert_int_equal(res.superseded, (int64_t)want);
	assert_string_equal(res.format, "unodc-xlsx");
	intake_result_release(&res);
	assert_int_equal(stored(e->st), want);
	assert_int_equal(strays(e->sc->dir), 0);

	buf_release(&csv);
	buf_release(&xlsx);
}

static void
test_upload_rejected(void **state)
{
	struct env	*e = *state;
	struct buf	 b = BUF_INIT;
	struct intake_result res;

	/* a zip that is no workbook */
	buf_add(&b, "PK\x03\x04 not a workbook",
	    sizeof("PK\x03\x04 not a workbook") - 1);
	assert_int_equal(upload(e->st, &b, "bad.xlsx", "bad", &res, 0), 1);
	intake_result_release(&res);
	/* the portal's CSV with a bad year on its second record */
	buf_reset(&b);
	buf_adds(&b, "Iso3_code,Country,Region,Subregion,Indicator,Dimension,"
	    "Category,Sex,Age,Year,Unit of measurement,txtVALUE,Source\n"
	    "AFG,Afghanistan,Asia,Southern Asia,Detected trafficking victims,"
	    "Total,Total,Total,Total,2003,Counts,12,GLOTIP\n"
	    "AFG,Afghanistan,Asia,Southern Asia,Detected trafficking victims,"
	    "Total,Total,Total,Total,20x3,Counts,12,GLOTIP\n");
	assert_int_equal(upload(e->st, &b, "bad.csv", "bad", &res, 0), 1);
	assert_true(res.el.count > 0);
	assert_non_null(strstr(res.el.text.s, "bad.csv:3:10:"));
	intake_result_release(&res);
	assert_int_equal(stored(e->st), 0);
	assert_int_equal(strays(e->sc->dir), 0);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_upload, setup, teardown),
		cmocka_unit_test_setup_teardown(test_upload_rejected, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("intake", tests, NULL, NULL);
}
