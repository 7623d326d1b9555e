/*
 * tables.c: a report's tables as data for other programs: one CSV file per
 * table, one XLSX workbook with a sheet per table, and one JSON document.
 *
 * The figures are the ones the HTML page shows, taken from the same cells
 * (see report.h): counts are whole numbers, and a percentage keeps its
 * numerator and denominator so that no output rounds it differently.
 * Every file is written under a temporary name beside its final one and
 * renamed into place, so that a reader never meets a half-written file;
 * "-" is the standard output, and devices and links are written in place
 * (see file_put).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <xlsxwriter.h>

#include "report/report.h"

/* The mode of the files written: reports are for sharing. */
#define FILE_MODE	0644

/* Column widths in the workbook, in characters. */
#define WIDTH_LABEL_MIN	16
#define WIDTH_LABEL_MAX	60
#define WIDTH_MIN	10
#define WIDTH_MAX	40

/* Sheet names are at most this long in Excel (LXW_SHEETNAME_MAX). */
#define SHEET_MAX	31

/* ---------------------------------------------------------------------- */
/* Files: a temporary name beside the file, then a rename. */

/* Write all of data to fd; 0, or -1 after error() naming path. */
static int
fd_write(int fd, const char *path, const char *data, size_t len)
{
	ssize_t	 w;

	while (len > 0) {
		if ((w = write(fd, data, len)) == -1) {
			if (errno == EINTR)
				continue;
			return error("%s: %s", path, strerror(errno));
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/*
 * Put these bytes at path.  A regular file, or a new one, is written under
 * a temporary name beside it and renamed into place.  "-" and /dev/stdout
 * mean the standard output; anything else that is not a regular file (a
 * symbolic link, a device, a pipe) is written in place, since a rename
 * would replace the link or the device node instead of writing to it.
 * Returns 0, or -1 after error() with no temporary file left.
 */
static int
file_put(const char *path, const char *data, size_t len)
{
	struct buf	 tmp = BUF_INIT;
	struct stat	 st;
	int		 fd = -1, closed, ret = -1;

	if (strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0)
		return fd_write(STDOUT_FILENO, path, data, len);
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if ((fd = open(path, O_WRONLY | O_TRUNC)) == -1) {
			error("%s: %s", path, strerror(errno));
			goto out;
		}
	} else {
		buf_addf(&tmp, "%s.XXXXXX", path);
		if ((fd = mkstemp(tmp.s)) == -1) {
			buf_reset(&tmp);
			error("%s: %s", path, strerror(errno));
			goto out;
		}
		/* mkstemp makes the file private; a report is not */
		if (fchmod(fd, FILE_MODE) == -1) {
			error("%s: %s", path, strerror(errno));
			goto out;
		}
	}
	if (fd_write(fd, path, data, len) == -1)
		goto out;
	/* the data must be on disk before the name points at it */
	if (tmp.len && fsync(fd) == -1) {
		error("%s: %s", path, strerror(errno));
		goto out;
	}
	closed = close(fd);
	fd = -1;
	if (closed == -1) {
		error("%s: %s", path, strerror(errno));
		goto out;
	}
	if (tmp.len) {
		if (rename(tmp.s, path) == -1) {
			error("%s: %s", path, strerror(errno));
			goto out;
		}
		buf_reset(&tmp);
	}
	ret = 0;
out:
	if (fd != -1)
		close(fd);
	if (tmp.len)
		unlink(tmp.s);
	buf_release(&tmp);
	return ret;
}

/* Read a whole file into b; 0 or -1 after error(). */
static int
file_get(const char *path, struct buf *b)
{
	char	 chunk[16384];
	ssize_t	 n;
	int	 fd, ret = -1;

	if ((fd = open(path, O_RDONLY)) == -1)
		return error("%s: %s", path, strerror(errno));
	for (;;) {
		if ((n = read(fd, chunk, sizeof(chunk))) == -1) {
			if (errno == EINTR)
				continue;
			error("%s: %s", path, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		buf_add(b, chunk, (size_t)n);
	}
	ret = 0;
out:
	close(fd);
	return ret;
}

/* Make the directory dir and its parents, as mkdir -p; 0 or -1. */
static int
dir_make(const char *dir)
{
	struct buf	 b = BUF_INIT;
	struct stat	 st;
	char		 c;
	int		 ret = -1;

	if (*dir == '\0') {
		error("no directory given for the tables");
		goto out;
	}
	buf_adds(&b, dir);
	for (char *p = b.s + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (mkdir(b.s, 0777) == -1 && errno != EEXIST) {
			error("%s: %s", b.s, strerror(errno));
			goto out;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	if (stat(dir, &st) == -1) {
		error("%s: %s", dir, strerror(errno));
		goto out;
	}
	if (!S_ISDIR(st.st_mode)) {
		error("%s: not a directory", dir);
		goto out;
	}
	ret = 0;
out:
	buf_release(&b);
	return ret;
}

/* A table id is a file stem, [a-z0-9_]+, so it names no other path. */
static int
id_valid(const char *id)
{
	if (id == NULL || *id == '\0')
		return 0;
	return strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789_") ==
	    strlen(id);
}

static const char *
cell_str(const struct cell *c)
{
	return c->text != NULL ? c->text : "";
}

/* ---------------------------------------------------------------------- */
/* CSV: one file per table. */

/* One table as CSV: a header row, then the rows, each line ended by LF. */
static void
table_csv(struct buf *b, const struct table *t)
{
	const struct cell	*c;
	char			 pct[32];

	for (int j = 0; j < t->ncols; j++) {
		if (j > 0)
			buf_addc(b, ',');
		csv_put(b, t->cols[j], strlen(t->cols[j]));
	}
	buf_addc(b, '\n');
	for (int i = 0; i < t->nrows; i++) {
		for (int j = 0; j < t->ncols; j++) {
			c = &t->cells[(size_t)i * (size_t)t->ncols + (size_t)j];
			if (j > 0)
				buf_addc(b, ',');
			switch (c->kind) {
			case CELL_TEXT:
				csv_put(b, cell_str(c), strlen(cell_str(c)));
				break;
			case CELL_INT:
				buf_addf(b, "%" PRId64, c->n);
				break;
			case CELL_PCT:
				pct_format(c->n, c->d, pct);
				buf_adds(b, pct);
				break;
			case CELL_RANGE:
				buf_addf(b, "%" PRId64 "\xe2\x80\x93%" PRId64,
				    c->n, c->d);
				break;
			case CELL_MONEY: {
				char	 m[40];

				money_format(c->n, 2, m);
				buf_adds(b, m);
				break;
			}
			case CELL_EMPTY:
				break;
			}
		}
		buf_addc(b, '\n');
	}
}

int
report_write_csv(const struct report *r, const char *dir)
{
	struct buf	 b = BUF_INIT, path = BUF_INIT;
	int		 ret = -1;

	if (dir_make(dir) == -1)
		goto out;
	for (int i = 0; i < r->ntables; i++) {
		const struct table *t = r->tables[i];

		if (!id_valid(t->id)) {
			error("table %d: id \"%s\" is not a file name", i + 1,
			    t->id != NULL ? t->id : "");
			goto out;
		}
		buf_reset(&path);
		buf_addf(&path, "%s/%s.csv", dir, t->id);
		buf_reset(&b);
		table_csv(&b, t);
		if (file_put(path.s, b.s, b.len) == -1)
			goto out;
	}
	ret = 0;
out:
	buf_release(&b);
	buf_release(&path);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* XLSX: a workbook with an "about" sheet, then one sheet per table. */

/* The functions of libxlsxwriter used here, loaded when first needed
 * (see dynlib.c). */
#define XLSXWRITER_FUNCS(X, v) X(v, workbook_new_opt) \
	X(v, workbook_set_properties) X(v, workbook_add_format) \
	X(v, workbook_add_worksheet) X(v, workbook_close) \
	X(v, format_set_bold) X(v, format_set_font_size) \
	X(v, format_set_bottom) X(v, format_set_num_format) \
	X(v, format_set_italic) X(v, format_set_underline) \
	X(v, format_set_font_color) X(v, worksheet_set_column) \
	X(v, worksheet_freeze_panes) X(v, worksheet_write_string) \
	X(v, worksheet_write_number) X(v, worksheet_write_blank) \
	X(v, worksheet_write_url) X(v, lxw_strerror)
static struct xlsxwriter_fns {
	XLSXWRITER_FUNCS(DYNLIB_MEMBER, _)
} xw;
static const char *const xw_names[] = { XLSXWRITER_FUNCS(DYNLIB_NAME, xw) };
static void *const xw_addrs[] = { XLSXWRITER_FUNCS(DYNLIB_ADDR, xw) };
static struct dynlib xw_lib = { SO_XLSXWRITER, xw_names, xw_addrs,
    sizeof(xw_names) / sizeof(xw_names[0]), 0 };

struct xlsx {
	const char	*path;
	lxw_workbook	*wb;
	lxw_format	*title, *head, *count, *pct, *money, *note, *link;
	lxw_error	 err;	/* the first error of a write, kept */
};

/* Record the first error of the writes, so that they are checked once. */
static void
xlsx_check(struct xlsx *x, lxw_error err)
{
	if (x->err == LXW_NO_ERROR)
		x->err = err;
}

static void
xlsx_string(struct xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
    const char *s, lxw_format *fmt)
{
	xlsx_check(x, xw.worksheet_write_string(ws, row, col, s, fmt));
}

/* Characters in the longest line of a UTF-8 text, for column widths. */
static int
text_width(const char *s)
{
	int	 w = 0, line = 0;

	for (; *s; s++) {
		if (*s == '\n') {
			line = 0;
			continue;
		}
		if (((unsigned char)*s & 0xc0) != 0x80 && ++line > w)
			w = line;
	}
	return w;
}

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/*
 * The sheet name for a table id: the id cut to SHEET_MAX characters, with
 * the characters Excel refuses and any byte beyond ASCII replaced by '_'
 * (ids are [a-z0-9_]+, so this is for safety), then made unique among the
 * names before it (Excel compares them without case) by ending it in "~2",
 * "~3" and so on.
 */
static void
sheet_name(char names[][SHEET_MAX + 1], int n, const char *id)
{
	char	*out = names[n], suffix[16];
	size_t	 len = 0, keep;
	int	 k, taken;

	for (; id[len] != '\0' && len < SHEET_MAX; len++)
		out[len] = strchr("[]:*?/\\'", id[len]) != NULL ||
		    (unsigned char)id[len] < 0x20 ||
		    (unsigned char)id[len] >= 0x80 ? '_' : id[len];
	if (len == 0)
		out[len++] = '_';
	out[len] = '\0';
	for (k = 1; ; k++) {
		if (k > 1) {
			snprintf(suffix, sizeof(suffix), "~%d", k);
			keep = SHEET_MAX - strlen(suffix);
			if (len < keep)
				keep = len;
			memcpy(out + keep, suffix, strlen(suffix) + 1);
		}
		taken = 0;
		for (int i = 0; i < n && !taken; i++)
			taken = str_eqi(names[i], out);
		if (!taken)
			return;
	}
}

/* Set the width of every column from its header and cells. */
static void
table_widths(struct xlsx *x, lxw_worksheet *ws, const struct table *t)
{
	const struct cell	*c;
	char			 num[32];
	int			 w;

	for (int j = 0; j < t->ncols; j++) {
		w = text_width(t->cols[j]);
		for (int i = 0; i < t->nrows; i++) {
			c = &t->cells[(size_t)i * (size_t)t->ncols + (size_t)j];
			switch (c->kind) {
			case CELL_TEXT:
				if (text_width(cell_str(c)) > w)
					w = text_width(cell_str(c));
				break;
			case CELL_INT:
				int_format(c->n, num);
				if ((int)strlen(num) > w)
					w = (int)strlen(num);
				break;
			case CELL_PCT:
				if (w < 6)
					w = 6;
				break;
			case CELL_RANGE:
				if (w < 16)
					w = 16;
				break;
			case CELL_MONEY:
				if (w < 16)
					w = 16;
				break;
			case CELL_EMPTY:
				break;
			}
		}
		if (j == 0)
			w = clamp(w + 2, WIDTH_LABEL_MIN, WIDTH_LABEL_MAX);
		else
			w = clamp(w + 2, WIDTH_MIN, WIDTH_MAX);
		xlsx_check(x, xw.worksheet_set_column(ws, (lxw_col_t)j,
		    (lxw_col_t)j, w, NULL));
	}
}

/*
 * One table on its own sheet: the title, the header (frozen in view), the
 * rows, then the note under a blank row.
 */
static void
table_sheet(struct xlsx *x, lxw_worksheet *ws, const struct table *t)
{
	const struct cell	*c;
	lxw_row_t		 row;
	lxw_col_t		 col;

	xlsx_string(x, ws, 0, 0, t->title != NULL ? t->title : t->id,
	    x->title);
	for (int j = 0; j < t->ncols; j++)
		xlsx_string(x, ws, 1, (lxw_col_t)j, t->cols[j], x->head);
	xw.worksheet_freeze_panes(ws, 2, 0);
	for (int i = 0; i < t->nrows; i++) {
		row = (lxw_row_t)i + 2;
		for (int j = 0; j < t->ncols; j++) {
			c = &t->cells[(size_t)i * (size_t)t->ncols + (size_t)j];
			col = (lxw_col_t)j;
			switch (c->kind) {
			case CELL_TEXT:
				xlsx_string(x, ws, row, col, cell_str(c), NULL);
				break;
			case CELL_INT:
				xlsx_check(x, xw.worksheet_write_number(ws, row,
				    col, (double)c->n, x->count));
				break;
			case CELL_PCT:
				if (c->d > 0)
					xlsx_check(x, xw.worksheet_write_number(ws,
					    row, col, (double)c->n /
					    (double)c->d, x->pct));
				else
					xlsx_check(x, xw.worksheet_write_blank(ws,
					    row, col, x->pct));
				break;
			case CELL_RANGE: {
				char	 r[64];

				range_format(c->n, c->d, r);
				xlsx_string(x, ws, row, col, r, NULL);
				break;
			}
			case CELL_MONEY: {
				char	 m[40];

				/* a spreadsheet's numbers are doubles: the
				 * nearest to the exact decimal, as if typed */
				money_format(c->n, 2, m);
				xlsx_check(x, xw.worksheet_write_number(ws, row,
				    col, strtod(m, NULL), x->money));
				break;
			}
			case CELL_EMPTY:
				break;
			}
		}
	}
	if (t->note != NULL && *t->note != '\0')
		xlsx_string(x, ws, (lxw_row_t)t->nrows + 3, 0, t->note,
		    x->note);
	table_widths(x, ws, t);
}

/* The first sheet: what the report is, when it was made, what it holds. */
static void
about_sheet(struct xlsx *x, lxw_worksheet *ws, const struct report *r,
    char names[][SHEET_MAX + 1])
{
	char		 url[SHEET_MAX + 32];
	lxw_row_t	 row = 0;
	int		 w = 12;

	xlsx_string(x, ws, row++, 0, r->title, x->title);
	if (r->subtitle != NULL && *r->subtitle != '\0')
		xlsx_string(x, ws, row++, 0, r->subtitle, NULL);
	xlsx_string(x, ws, row, 0, "Generated", NULL);
	xlsx_string(x, ws, row++, 1, r->generated != NULL ? r->generated : "",
	    NULL);
	row++;
	xlsx_string(x, ws, row, 0, "Sheet", x->head);
	xlsx_string(x, ws, row++, 1, "Table", x->head);
	for (int i = 0; i < r->ntables; i++, row++) {
		const char *name = names[i + 1], *title = r->tables[i]->title;

		snprintf(url, sizeof(url), "internal:'%s'!A1", name);
		xlsx_check(x, xw.worksheet_write_url(ws, row, 0, url, x->link));
		/* the link shows the sheet's name, as the docs advise */
		xlsx_string(x, ws, row, 0, name, x->link);
		xlsx_string(x, ws, row, 1, title != NULL ? title : "", NULL);
		if (text_width(name) > w)
			w = text_width(name);
	}
	row++;
	xlsx_string(x, ws, row, 0, "Each percentage is of the count in the "
	    "column before it; a blank percentage has no cases to count.",
	    x->note);
	xlsx_check(x, xw.worksheet_set_column(ws, 0, 0, w + 2, NULL));
	xlsx_check(x, xw.worksheet_set_column(ws, 1, 1, WIDTH_LABEL_MAX, NULL));
}

/* The report's "YYYY-MM-DDTHH:MM:SSZ" as a time, or 0 (now) if not one. */
static time_t
generated_time(const char *s)
{
	struct tm	 tm;
	char		 z = '\0';

	if (s == NULL)
		return 0;
	memset(&tm, 0, sizeof(tm));
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &z) != 7 ||
	    z != 'Z')
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return timegm(&tm);
}

int
report_write_xlsx(const struct report *r, const char *path)
{
	struct xlsx		 x;
	struct buf		 tmp = BUF_INIT, b = BUF_INIT;
	lxw_workbook_options	 opts;
	lxw_doc_properties	 props;
	lxw_worksheet		*ws;
	lxw_error		 err;
	char			(*names)[SHEET_MAX + 1] = NULL;
	const char		*tmpdir;
	char			*title = NULL, *subject = NULL;
	int			 fd, ret = -1;

	/*
	 * libxlsxwriter writes a file by its name, when the workbook is
	 * closed: a private scratch file, which file_put then puts in place.
	 */
	memset(&x, 0, sizeof(x));
	x.path = path;
	if (dynlib_load(&xw_lib) == -1)
		goto out;
	if ((tmpdir = getenv("TMPDIR")) == NULL || *tmpdir == '\0')
		tmpdir = "/tmp";
	buf_addf(&tmp, "%s/palermo-xlsx-XXXXXX", tmpdir);
	if ((fd = mkstemp(tmp.s)) == -1) {
		error("%s: %s", tmp.s, strerror(errno));
		buf_reset(&tmp);
		goto out;
	}
	close(fd);

	memset(&opts, 0, sizeof(opts));
	if ((x.wb = xw.workbook_new_opt(tmp.s, &opts)) == NULL) {
		error("%s: cannot start a workbook", path);
		goto out;
	}
	title = xstrdup(r->title);
	subject = xstrdup("palermo report");
	memset(&props, 0, sizeof(props));
	props.title = title;
	props.subject = subject;
	/* a fixed time makes the same report the same file, byte for byte */
	props.created = generated_time(r->generated);
	xlsx_check(&x, xw.workbook_set_properties(x.wb, &props));

	x.title = xw.workbook_add_format(x.wb);
	xw.format_set_bold(x.title);
	xw.format_set_font_size(x.title, 13);
	x.head = xw.workbook_add_format(x.wb);
	xw.format_set_bold(x.head);
	xw.format_set_bottom(x.head, LXW_BORDER_THIN);
	x.count = xw.workbook_add_format(x.wb);
	xw.format_set_num_format(x.count, "#,##0");
	x.pct = xw.workbook_add_format(x.wb);
	xw.format_set_num_format(x.pct, "0.0%");
	x.money = xw.workbook_add_format(x.wb);
	xw.format_set_num_format(x.money, "#,##0.00");
	x.note = xw.workbook_add_format(x.wb);
	xw.format_set_italic(x.note);
	x.link = xw.workbook_add_format(x.wb);
	xw.format_set_underline(x.link, LXW_UNDERLINE_SINGLE);
	xw.format_set_font_color(x.link, LXW_COLOR_BLUE);

	names = xcalloc((size_t)r->ntables + 1, sizeof(*names));
	memcpy(names[0], "about", sizeof("about"));
	for (int i = 0; i < r->ntables; i++) {
		const struct table *t = r->tables[i];

		if (t->ncols > LXW_COL_MAX ||
		    (lxw_row_t)t->nrows > LXW_ROW_MAX - 4) {
			error("%s: table %s is too large for a worksheet",
			    path, t->id);
			goto out;
		}
		sheet_name(names, i + 1, t->id != NULL ? t->id : "");
	}

	if ((ws = xw.workbook_add_worksheet(x.wb, names[0])) == NULL) {
		error("%s: cannot add the sheet %s", path, names[0]);
		goto out;
	}
	about_sheet(&x, ws, r, names);
	for (int i = 0; i < r->ntables && x.err == LXW_NO_ERROR; i++) {
		if ((ws = xw.workbook_add_worksheet(x.wb, names[i + 1])) == NULL) {
			error("%s: cannot add the sheet %s", path,
			    names[i + 1]);
			goto out;
		}
		table_sheet(&x, ws, r->tables[i]);
	}
	if (x.err != LXW_NO_ERROR) {
		error("%s: %s", path, xw.lxw_strerror(x.err));
		goto out;
	}

	err = xw.workbook_close(x.wb);
	x.wb = NULL;
	if (err != LXW_NO_ERROR) {
		error("%s: %s", path, xw.lxw_strerror(err));
		goto out;
	}
	if (file_get(tmp.s, &b) == -1 || file_put(path, b.s, b.len) == -1)
		goto out;
	ret = 0;
out:
	/* closing is the only way to free a workbook; it writes the file */
	if (x.wb != NULL)
		xw.workbook_close(x.wb);
	if (tmp.len)
		unlink(tmp.s);
	buf_release(&tmp);
	buf_release(&b);
	free(names);
	free(title);
	free(subject);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* JSON: the whole report as one document. */

/* Jansson fails only when out of memory, or on bad UTF-8 (see jstr). */
static json_t *
jnew(json_t *v)
{
	if (v == NULL)
		die("out of memory");
	return v;
}

static void
jset(json_t *obj, const char *key, json_t *v)
{
	if (json_object_set_new(obj, key, v) == -1)
		die("out of memory");
}

static void
jpush(json_t *arr, json_t *v)
{
	if (json_array_append_new(arr, v) == -1)
		die("out of memory");
}

/* A string, null for NULL; text that is not UTF-8 sets *bad. */
static json_t *
jstr(const char *s, int *bad)
{
	json_t	*v;

	if (s == NULL)
		return jnew(json_null());
	if ((v = json_string(s)) == NULL) {
		*bad = 1;
		return jnew(json_null());
	}
	return v;
}

static json_t *
cell_json(const struct cell *c, int *bad)
{
	json_t	*o;
	char	 pct[32];

	switch (c->kind) {
	case CELL_TEXT:
		return jstr(cell_str(c), bad);
	case CELL_INT:
		return jnew(json_integer(c->n));
	case CELL_RANGE:
		o = jnew(json_object());
		jset(o, "low", jnew(json_integer(c->n)));
		jset(o, "high", jnew(json_integer(c->d)));
		return o;
	case CELL_MONEY: {
		char	 m[40];

		/* exact: the decimal as a string, and the cents */
		money_format(c->n, 2, m);
		o = jnew(json_object());
		jset(o, "usd", jstr(m, bad));
		jset(o, "cents", jnew(json_integer(c->n)));
		return o;
	}
	case CELL_PCT:
		o = jnew(json_object());
		jset(o, "n", jnew(json_integer(c->n)));
		jset(o, "d", jnew(json_integer(c->d)));
		pct_format(c->n, c->d, pct);
		jset(o, "percent", jnew(pct[0] != '\0' ?
		    json_real(strtod(pct, NULL)) : json_null()));
		return o;
	case CELL_EMPTY:
		break;
	}
	return jnew(json_null());
}

static json_t *
table_json(const struct table *t, int *bad)
{
	json_t	*o, *cols, *rows, *row;

	o = jnew(json_object());
	jset(o, "id", jstr(t->id, bad));
	jset(o, "title", jstr(t->title, bad));
	jset(o, "note", jstr(t->note, bad));
	cols = jnew(json_array());
	for (int j = 0; j < t->ncols; j++)
		jpush(cols, jstr(t->cols[j], bad));
	jset(o, "columns", cols);
	rows = jnew(json_array());
	for (int i = 0; i < t->nrows; i++) {
		row = jnew(json_array());
		for (int j = 0; j < t->ncols; j++)
			jpush(row, cell_json(&t->cells[(size_t)i *
			    (size_t)t->ncols + (size_t)j], bad));
		jpush(rows, row);
	}
	jset(o, "rows", rows);
	return o;
}

int
report_write_json(const struct report *r, const char *path)
{
	json_t		*root = NULL, *meta, *tables;
	json_error_t	 jerr;
	struct buf	 b = BUF_INIT;
	char		*s = NULL;
	int		 bad = 0, ret = -1;

	if (r->json_meta == NULL)
		meta = jnew(json_null());
	else if ((meta = json_loads(r->json_meta, JSON_DECODE_ANY,
	    &jerr)) == NULL) {
		error("%s: the report's metadata is not JSON: %d:%d: %s",
		    path, jerr.line, jerr.column, jerr.text);
		goto out;
	}
	root = jnew(json_object());
	jset(root, "title", jstr(r->title, &bad));
	jset(root, "subtitle", jstr(r->subtitle, &bad));
	jset(root, "generated", jstr(r->generated, &bad));
	jset(root, "meta", meta);
	if (bad) {
		error("%s: the report's title or subtitle is not valid UTF-8",
		    path);
		goto out;
	}
	tables = jnew(json_array());
	jset(root, "tables", tables);
	for (int i = 0; i < r->ntables; i++) {
		jpush(tables, table_json(r->tables[i], &bad));
		if (bad) {
			error("%s: table %d: text is not valid UTF-8", path,
			    i + 1);
			goto out;
		}
	}

	/*
	 * Percentages have one decimal: 15 significant digits print them
	 * as they are ("12.3", not "12.300000000000001").
	 */
	s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(15));
	if (s == NULL)
		die("out of memory");
	buf_adds(&b, s);
	buf_addc(&b, '\n');
	if (file_put(path, b.s, b.len) == -1)
		goto out;
	ret = 0;
out:
	json_decref(root);
	free(s);
	buf_release(&b);
	return ret;
}
