/*
 * workbook.c: a report as one XLSX workbook: an "about" sheet with the
 * title, the time it was generated and a link to every table, then one
 * sheet per table, the cells typed (numbers as numbers, percentages as
 * fractions shown to a tenth, texts as texts), so that a spreadsheet
 * computes with them and nobody retypes a figure.
 *
 * libxlsxwriter writes a workbook by its name, when it is closed: a
 * private scratch file, read back into the caller's buffer.  The library
 * is loaded when first needed (lib/dynlib.c).  A fixed creation time (the
 * report's) makes the same report the same file, byte for byte.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "report/report.h"

/* Column widths in the workbook, in characters. */
#define WIDTH_LABEL_MIN	16
#define WIDTH_LABEL_MAX	60
#define WIDTH_MIN	10
#define WIDTH_MAX	40

/* Sheet names are at most this long in Excel (LXW_SHEETNAME_MAX). */
#define SHEET_MAX	31

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
			case CELL_YEAR:
				if (w < 4)
					w = 4;
				break;
			case CELL_RATE:
				if (w < 12)
					w = 12;
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
			case CELL_YEAR:
				/* a number, in the general format: no
				 * separator */
				xlsx_check(x, xw.worksheet_write_number(ws, row,
				    col, (double)c->n, NULL));
				break;
			case CELL_RATE: {
				char	 r[64];

				rate_format(c->n, c->e, c->d, r);
				xlsx_string(x, ws, row, col, r, NULL);
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
report_xlsx(const struct report *r, const char *path, struct buf *out)
{
	struct xlsx		 x;
	struct buf		 tmp = BUF_INIT;
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
	 * closed: a private scratch file, read back into out and removed.
	 */
	memset(&x, 0, sizeof(x));
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
	if (file_get(tmp.s, out) == -1)
		goto out;
	ret = 0;
out:
	/* closing is the only way to free a workbook; it writes the file */
	if (x.wb != NULL)
		xw.workbook_close(x.wb);
	if (tmp.len)
		unlink(tmp.s);
	buf_release(&tmp);
	free(names);
	free(title);
	free(subject);
	return ret;
}
