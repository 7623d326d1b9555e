/*
 * xlsx.c: a streaming reader of .xlsx worksheets over libzip and expat.
 *
 * An .xlsx file is a zip archive of XML parts.  The reader finds the sheet
 * through xl/workbook.xml and its relationships, loads the shared strings
 * into one buffer, and streams the worksheet part through expat a chunk at
 * a time, handing each <row> on as a struct csv_record, as csvin.c does for
 * a CSV line.  Memory does not grow with the sheet.
 *
 * expat alone reads about 100 MB of sheet XML a second, too slow for the
 * 27 MB of the GLOTIP export, so a large sheet is parsed on several
 * threads.  The main parser P0 reads the beginning of the sheet up to the
 * end of a row; then the stream is cut into segments of whole rows, each
 * parsed by a worker as a fragment inside a made-up element, and P0 goes on
 * with what follows the last segment.  A cut is made only just after the
 * text "</row>", and a segment counts only when its fragment parsed cleanly
 * without a comment, a processing instruction or a CDATA section: every
 * '<' in it then starts a tag, so its cuts were made at real end tags.
 * Anything else sends that segment and the rest of the sheet through P0,
 * which reports malformed XML at its true line and column.  The callback
 * sees the rows in order, always on the caller's thread.
 */
#include <errno.h>
#include <expat.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zip.h>

#include "palermo.h"

#define CHUNK		(64 * 1024)	/* read from the zip at a time */
#define TEXT_MAX	(1024 * 1024)	/* one cell or shared string */
#define ROW_MAX		(16 * 1024 * 1024)	/* the texts of one row */
#define SST_MAX		(512 * 1024 * 1024)	/* all shared strings */
#define COLS_MAX	16384		/* A to XFD, as Excel */
#define ROWS_MAX	1048576
#define SHEETS_MAX	65536
#define ROW_ERRS_MAX	16		/* problems kept for one row */
#define SEG_BYTES	(128 * 1024)	/* a segment, at least */
#define SEG_MAX		(8 * 1024 * 1024)	/* no "</row>" in this much */
#define BATCH_MAX	(64 * 1024 * 1024)	/* a segment's texts */
#define STACK_MAX	32		/* deeper elements are ignored */
#define WORKERS_MAX	4
#define SEGS_MAX	(2 * WORKERS_MAX + 1)

/* The name of the sheet read last; el->sheet points here. */
static char sheet_name[XLSX_SHEET_NAME_MAX];

/* The cell types of SpreadsheetML, by the t attribute of <c>. */
enum cell_type {
	CT_NUMBER,	/* "n", or no t */
	CT_SHARED,	/* an index into the shared strings */
	CT_INLINE,	/* the text is in <is> */
	CT_STR,		/* the string result of a formula */
	CT_BOOL,	/* 0 or 1 */
	CT_ERROR,	/* "#N/A" and friends */
	CT_DATE,	/* an ISO 8601 date, passed on as written */
	CT__MAX
};

static const char *const cell_type_names[CT__MAX] = {
	[CT_NUMBER] = "n",
	[CT_SHARED] = "s",
	[CT_INLINE] = "inlineStr",
	[CT_STR] = "str",
	[CT_BOOL] = "b",
	[CT_ERROR] = "e",
	[CT_DATE] = "d",
};

/* The elements the readers look at, by local name. */
enum tag {
	TAG_OTHER,
	TAG_SHEETDATA,
	TAG_ROW,
	TAG_C,		/* a cell */
	TAG_V,		/* its value */
	TAG_IS,		/* an inline string */
	TAG_SI,		/* a shared string */
	TAG_T,		/* text, in <is> or <si> or a rich run of them */
	TAG_RPH,	/* a phonetic run, which is not part of the text */
	TAG_SST,
	TAG_SHEET,	/* in the workbook */
	TAG_RELATIONSHIP,
	TAG__MAX
};

static const char *const tag_names[TAG__MAX] = {
	[TAG_SHEETDATA] = "sheetData",
	[TAG_ROW] = "row",
	[TAG_C] = "c",
	[TAG_V] = "v",
	[TAG_IS] = "is",
	[TAG_SI] = "si",
	[TAG_T] = "t",
	[TAG_RPH] = "rPh",
	[TAG_SST] = "sst",
	[TAG_SHEET] = "sheet",
	[TAG_RELATIONSHIP] = "Relationship",
};

/* A position as expat counts it: line from 1, column from 0. */
struct xpos {
	unsigned long	 line;
	unsigned long	 col;
};

/*
 * The rows parsed from a stretch of sheet XML, waiting to be handed on.
 * Each text is NUL-terminated in text; offset 0 holds a NUL that empty
 * cells point at.  A row with problems has count 0 and its messages.
 */
struct xcell {
	size_t		 off;
	size_t		 len;
};

struct xrow {
	unsigned long	 num;		/* from r; 0 to count on */
	size_t		 cell0;		/* its first cell in cells */
	size_t		 count;
	size_t		 err0;		/* its first problem in errs */
	size_t		 nerr;
};

struct xerr {
	unsigned long	 col;		/* 1-based; 0 for the row */
	size_t		 msg;		/* offset in msgs */
};

struct batch {
	struct buf	 text;
	struct buf	 msgs;
	struct xrow	*rows;
	size_t		 nrows, rowalloc;
	struct xcell	*cells;
	size_t		 ncells, cellalloc;
	struct xerr	*errs;
	size_t		 nerrs, erralloc;
};

struct xlsx;

/* One parse of sheet XML: P0's or a worker's. */
struct sheetp {
	XML_Parser		 p;
	const struct xlsx	*x;		/* the shared strings, read only */
	struct batch		*out;
	struct xlsx		*emit;		/* P0: hand each row on at once */
	enum tag		 stack[STACK_MAX];	/* the open elements */
	int			 depth;
	int			 sheetdata;	/* open <sheetData> elements */
	int			 in_row, in_c, in_is, in_rph, capture;
	int			 special;	/* comment, PI, CDATA seen */
	int			 toobig;	/* the batch passed BATCH_MAX */
	int			 row_bad;
	unsigned long		 row;		/* from r, or 0 */
	size_t			 row_start;	/* out->text.len at <row> */
	size_t			 row_err0;
	unsigned long		 col;		/* of this cell, from 1 */
	unsigned long		 last;		/* the last non-empty column */
	int			 cell_skip;
	enum cell_type		 type;
	struct buf		 val;		/* the cell's text, capped */
	struct xcell		*cols;		/* this row's cells by column */
	unsigned long		*gen;		/* the row that set each one */
	unsigned long		 rowgen;
	size_t			 colalloc;
};

/* A segment of whole rows for a worker. */
enum seg_state {
	SEG_FREE,
	SEG_QUEUED,
	SEG_DONE,
};

struct seg {
	struct buf	 data;
	struct batch	 out;
	struct xpos	 delta;		/* lines and columns it spans */
	int		 fallback;	/* P0 must read it instead */
	enum seg_state	 state;
};

struct pool;

struct worker {
	struct pool	*pool;
	struct sheetp	 sp;
	pthread_t	 th;
};

struct pool {
	struct worker	 w[WORKERS_MAX];
	int		 nth;		/* threads running */
	pthread_mutex_t	 mu;
	pthread_cond_t	 work;		/* a segment queued, or quit */
	pthread_cond_t	 done;		/* a segment parsed */
	struct seg	 seg[SEGS_MAX];
	int		 nseg;
	unsigned long	 head;		/* the next segment to hand on */
	unsigned long	 next;		/* the next to parse */
	unsigned long	 tail;		/* the next to fill */
	int		 quit;
	int		 cancel;	/* the results are not wanted */
};

enum mode {
	M_FIRST,	/* P0 has not yet read the first segment */
	M_PAR,		/* segments go to the workers */
	M_SEQ,		/* P0 reads the rest */
};

/* One call of xlsx_read. */
struct xlsx {
	const char	*path;
	struct errlist	*el;
	csv_record_fn	 fn;
	void		*arg;
	void		(*progress)(uint64_t, void *);
	zip_t		*zip;
	/* the workbook */
	char		**names;	/* of the sheets, in order */
	char		**rids;		/* their relationship ids */
	size_t		 nsheets;
	char		*rid;		/* of the wanted sheet */
	char		*part;		/* its zip entry */
	char		*sstpart;	/* the shared strings' entry, or NULL */
	int		 is_worksheet;
	/* the shared strings: string i is sst.s + sstoff[i] */
	struct buf	 sst;
	size_t		*sstoff;
	size_t		 nsst, sstalloc;
	/* the sheet */
	enum mode	 mode;
	int		 nth;		/* workers to use */
	int		 utf8;		/* the sheet is UTF-8, so may be cut */
	int		 jumped;	/* P0 skipped what the workers read */
	struct xpos	 jump;		/* P0's position where it skipped */
	struct xpos	 resume;	/* the true position there */
	unsigned long	 lastrow;	/* the number of the last row */
	char		**field;	/* the record handed to fn */
	size_t		*flen;
	size_t		 fieldalloc;
	int		 stop;		/* fn said stop */
};

/* ---------------------------------------------------------------------- */
/* Small helpers. */

/* Drop the first n bytes of b. */
static void
buf_drop(struct buf *b, size_t n)
{
	memmove(b->s, b->s + n, b->len - n + 1);
	b->len -= n;
}

/*
 * The one-letter names among them, for the cells' many elements.  A name
 * with a prefix ("x:row") is looked up by its local part.
 */
static const unsigned char tag_letters[128] = {
	['c'] = TAG_C,
	['v'] = TAG_V,
	['t'] = TAG_T,
};

static enum tag
tag_find(const char *name)
{
	const char	*colon;
	unsigned char	 c = (unsigned char)name[0];

	if (c != '\0' && name[1] == '\0')
		return c < 128 ? tag_letters[c] : TAG_OTHER;
	for (int i = 1; i < TAG__MAX; i++)
		if (c == (unsigned char)tag_names[i][0] &&
		    strcmp(name, tag_names[i]) == 0)
			return i;
	if ((colon = strchr(name, ':')) != NULL)
		return tag_find(colon + 1);
	return TAG_OTHER;
}

/* The value of an unprefixed attribute, or NULL. */
static const char *
attr_find(const char **atts, const char *name)
{
	for (; atts[0] != NULL; atts += 2)
		if (strcmp(atts[0], name) == 0)
			return atts[1];
	return NULL;
}

/* How many bytes of s, at most max, end at a character boundary. */
static int
utf8_clip(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return (int)n;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return (int)max;
}

/* Where the text s leaves expat's count: lines passed, then columns. */
static void
pos_delta(const char *s, size_t n, struct xpos *d)
{
	const char	*p = s, *e = s + n, *lastnl = NULL;

	d->line = 0;
	for (;;) {
		const char	*lf = memchr(p, '\n', (size_t)(e - p));
		const char	*cr = memchr(p, '\r', (size_t)(e - p));
		const char	*q = lf;

		if (q == NULL || (cr != NULL && cr < q))
			q = cr;
		if (q == NULL)
			break;
		/* CR LF is one end of line, as is a CR or an LF alone */
		if (*q == '\r' && q + 1 < e && q[1] == '\n')
			q++;
		d->line++;
		lastnl = q;
		p = q + 1;
	}
	/* expat counts characters: all bytes but UTF-8 continuation bytes */
	p = lastnl ? lastnl + 1 : s;
	d->col = (unsigned long)(e - p);
	for (; e - p >= 8; p += 8) {
		uint64_t	 w;

		/* one bit per continuation byte, then their sum */
		memcpy(&w, p, 8);
		w = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
		d->col -= (unsigned long)((w * 0x0101010101010101ULL) >> 56);
	}
	for (; p < e; p++)
		d->col -= ((unsigned char)*p & 0xc0) == 0x80;
}

static void
pos_apply(struct xpos *pos, const struct xpos *d)
{
	if (d->line) {
		pos->line += d->line;
		pos->col = d->col;
	} else
		pos->col += d->col;
}

/*
 * Append s with the escapes of OOXML strings undone: "_x000D_" is a
 * carriage return and "_x005F_" an underscore.  An escape that would give
 * a NUL or half of a surrogate pair stays as written, so that the text
 * remains valid UTF-8.
 */
static int
hex4(const char *s)
{
	int	 v = 0;

	for (int i = 0; i < 4; i++) {
		int	 c = (unsigned char)s[i];

		if (c >= '0' && c <= '9')
			v = v * 16 + c - '0';
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + c - 'A' + 10;
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + c - 'a' + 10;
		else
			return -1;
	}
	return v;
}

/* The code of an escape "_xHHHH_" at s (n bytes left), or -1. */
static int
xescape(const char *s, size_t n)
{
	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return -1;
	return hex4(s + 2);
}

static void
utf8_put(struct buf *b, unsigned long u)
{
	char	 t[4];
	size_t	 n;

	if (u < 0x80) {
		t[0] = (char)u;
		n = 1;
	} else if (u < 0x800) {
		t[0] = (char)(0xc0 | u >> 6);
		t[1] = (char)(0x80 | (u & 0x3f));
		n = 2;
	} else if (u < 0x10000) {
		t[0] = (char)(0xe0 | u >> 12);
		t[1] = (char)(0x80 | (u >> 6 & 0x3f));
		t[2] = (char)(0x80 | (u & 0x3f));
		n = 3;
	} else {
		t[0] = (char)(0xf0 | u >> 18);
		t[1] = (char)(0x80 | (u >> 12 & 0x3f));
		t[2] = (char)(0x80 | (u >> 6 & 0x3f));
		t[3] = (char)(0x80 | (u & 0x3f));
		n = 4;
	}
	buf_add(b, t, n);
}

static void
xstr_add(struct buf *b, const char *s, size_t n)
{
	const char	*e = s + n, *q;
	int		 u, lo;

	while (s < e) {
		if ((q = memchr(s, '_', (size_t)(e - s))) == NULL) {
			buf_add(b, s, (size_t)(e - s));
			return;
		}
		buf_add(b, s, (size_t)(q - s));
		s = q;
		u = xescape(s, (size_t)(e - s));
		if (u >= 0xd800 && u <= 0xdbff &&
		    (lo = xescape(s + 7, (size_t)(e - s - 7))) >= 0xdc00 &&
		    lo <= 0xdfff) {
			utf8_put(b, 0x10000 + ((unsigned long)(u - 0xd800) << 10) +
			    (unsigned long)(lo - 0xdc00));
			s += 14;
		} else if (u > 0 && (u < 0xd800 || u > 0xdfff)) {
			utf8_put(b, (unsigned long)u);
			s += 7;
		} else {
			buf_addc(b, '_');
			s++;
		}
	}
}

/*
 * Append the text of a number as a user sees it.  A whole number written
 * with an exponent or a fraction of zeros ("1.0E3", "2019.0") becomes the
 * plain integer ("1000", "2019") when it has at most 15 digits, the
 * precision of a spreadsheet; anything else is appended as written.
 */
static void
number_add(struct buf *b, const char *s, size_t n)
{
	const char	*p = s, *e = s + n;
	char		 dig[64];
	size_t		 nd = 0, nf = 0;
	long		 exp = 0, scale;
	int		 neg = 0, eneg = 0, any = 0;

	if (memchr(s, '.', n) == NULL && memchr(s, 'e', n) == NULL &&
	    memchr(s, 'E', n) == NULL)
		goto asis;
	if (p < e && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	/* the digits without leading zeros, and how many follow the point */
	for (int frac = 0; p < e; p++) {
		if (*p == '.' && !frac) {
			frac = 1;
			continue;
		}
		if (*p < '0' || *p > '9')
			break;
		any = 1;
		nf += frac;
		if (nd == 0 && *p == '0')
			continue;
		if (nd == sizeof(dig))
			goto asis;
		dig[nd++] = *p;
	}
	if (!any)
		goto asis;
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < e && (*p == '-' || *p == '+'))
			eneg = *p++ == '-';
		if (p == e)
			goto asis;
		for (; p < e && *p >= '0' && *p <= '9'; p++)
			if ((exp = exp * 10 + (*p - '0')) > 1000)
				goto asis;
	}
	if (p != e)
		goto asis;
	if (nd == 0) {
		buf_addc(b, '0');
		return;
	}
	/* the value is dig times ten to the power scale */
	scale = (eneg ? -exp : exp) - (long)nf;
	while (scale < 0 && dig[nd - 1] == '0') {
		nd--;
		scale++;
	}
	if (scale < 0 || (long)nd + scale > 15)
		goto asis;
	if (neg)
		buf_addc(b, '-');
	buf_add(b, dig, nd);
	while (scale-- > 0)
		buf_addc(b, '0');
	return;
asis:
	buf_add(b, s, n);
}

/* The column of a cell reference such as "L2043", from 1; 0 when it is
 * malformed, COLS_MAX + 1 past the last column. */
static unsigned long
ref_col(const char *r)
{
	const char	*p = r;
	unsigned long	 c = 0;

	for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++)
		if (c <= COLS_MAX)
			c = c * 26 + (unsigned long)((*p & ~0x20) - 'A' + 1);
	if (p == r || *p < '1' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p != '\0')
		return 0;
	return c > COLS_MAX ? COLS_MAX + 1 : c;
}

/* A whole decimal number in [lo, hi] with optional spaces around; 0/-1. */
static int
parse_index(const char *s, size_t n, size_t lo, size_t hi, size_t *out)
{
	const char	*e = s + n;
	size_t		 v = 0;
	int		 any = 0;

	while (s < e && *s == ' ')
		s++;
	while (e > s && e[-1] == ' ')
		e--;
	for (; s < e; s++, any = 1) {
		if (*s < '0' || *s > '9' || v > hi)
			return -1;
		v = v * 10 + (size_t)(*s - '0');
	}
	if (!any || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Batches of rows. */

static void
batch_init(struct batch *b)
{
	memset(b, 0, sizeof(*b));
	buf_init(&b->text, 0);
	buf_init(&b->msgs, 0);
	buf_addc(&b->text, '\0');
}

static void
batch_reset(struct batch *b)
{
	buf_reset(&b->text);
	buf_addc(&b->text, '\0');
	buf_reset(&b->msgs);
	b->nrows = b->ncells = b->nerrs = 0;
}

static void
batch_release(struct batch *b)
{
	buf_release(&b->text);
	buf_release(&b->msgs);
	free(b->rows);
	free(b->cells);
	free(b->errs);
	memset(b, 0, sizeof(*b));
}

/* Hand the rows of a batch on to fn, and their problems to the list. */
static int
batch_emit(struct xlsx *x, const struct batch *b)
{
	struct csv_record	 rec;

	for (size_t i = 0; i < b->nrows; i++) {
		const struct xrow	*r = &b->rows[i];
		unsigned long		 num = r->num ? r->num : x->lastrow + 1;

		x->lastrow = num;
		if (r->nerr) {
			for (size_t j = r->err0; j < r->err0 + r->nerr; j++)
				errlist_add(x->el, num, b->errs[j].col, NULL,
				    "%s", b->msgs.s + b->errs[j].msg);
			continue;
		}
		if (r->count > x->fieldalloc || x->field == NULL) {
			x->fieldalloc = r->count > 16 ? r->count : 16;
			x->field = xreallocarray(x->field, x->fieldalloc,
			    sizeof(*x->field));
			x->flen = xreallocarray(x->flen, x->fieldalloc,
			    sizeof(*x->flen));
		}
		for (size_t j = 0; j < r->count; j++) {
			x->field[j] = b->text.s + b->cells[r->cell0 + j].off;
			x->flen[j] = b->cells[r->cell0 + j].len;
		}
		rec.field = x->field;
		rec.len = x->flen;
		rec.count = r->count;
		rec.line = num;
		if (x->fn(&rec, x->arg) == -1) {
			x->stop = 1;
			return -1;
		}
	}
	return 0;
}

/* ---------------------------------------------------------------------- */
/* The worksheet's XML, into rows. */

static void row_error(struct sheetp *, unsigned long, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

/* Note a problem of the row being read; the row is not handed on. */
static void
row_error(struct sheetp *sp, unsigned long col, const char *fmt, ...)
{
	struct batch	*b = sp->out;
	va_list		 ap;

	sp->row_bad = 1;
	if (b->nerrs - sp->row_err0 >= ROW_ERRS_MAX)
		return;
	if (b->nerrs == b->erralloc) {
		b->erralloc = b->erralloc ? b->erralloc * 2 : 16;
		b->errs = xreallocarray(b->errs, b->erralloc, sizeof(*b->errs));
	}
	b->errs[b->nerrs].col = col;
	b->errs[b->nerrs].msg = b->msgs.len;
	b->nerrs++;
	va_start(ap, fmt);
	buf_vaddf(&b->msgs, fmt, ap);
	va_end(ap);
	buf_addc(&b->msgs, '\0');
}

static void
row_start(struct sheetp *sp, const char **atts)
{
	const char	*r = attr_find(atts, "r");
	size_t		 num;

	sp->in_row = 1;
	sp->row_bad = 0;
	sp->row = 0;
	sp->col = 0;
	sp->last = 0;
	sp->rowgen++;
	sp->row_start = sp->out->text.len;
	sp->row_err0 = sp->out->nerrs;
	if (r == NULL)
		return;
	if (parse_index(r, strlen(r), 1, ROWS_MAX, &num) == -1)
		row_error(sp, 0, "bad row number '%.*s'",
		    utf8_clip(r, strlen(r), 20), r);
	else
		sp->row = num;
}

static void
row_end(struct sheetp *sp)
{
	struct batch	*b = sp->out;
	struct xrow	*r;
	size_t		 count = sp->row_bad ? 0 : sp->last;

	sp->in_row = 0;
	if (sp->row_bad) {
		b->text.len = sp->row_start;
		b->text.s[b->text.len] = '\0';
	}
	if (b->nrows == b->rowalloc) {
		b->rowalloc = b->rowalloc ? b->rowalloc * 2 : 256;
		b->rows = xreallocarray(b->rows, b->rowalloc, sizeof(*b->rows));
	}
	if (b->ncells + count > b->cellalloc) {
		while (b->ncells + count > b->cellalloc)
			b->cellalloc = b->cellalloc ? b->cellalloc * 2 : 4096;
		b->cells = xreallocarray(b->cells, b->cellalloc,
		    sizeof(*b->cells));
	}
	r = &b->rows[b->nrows++];
	r->num = sp->row;
	r->cell0 = b->ncells;
	r->count = count;
	r->err0 = sp->row_err0;
	r->nerr = b->nerrs - sp->row_err0;
	for (size_t i = 0; i < count; i++) {
		struct xcell	*c = &b->cells[b->ncells++];

		if (sp->gen[i] == sp->rowgen)
			*c = sp->cols[i];
		else
			c->off = c->len = 0;
	}
	if (sp->emit != NULL) {
		if (batch_emit(sp->emit, b) == -1)
			XML_StopParser(sp->p, XML_FALSE);
		batch_reset(b);
	} else if (b->text.len > BATCH_MAX) {
		sp->toobig = 1;
		XML_StopParser(sp->p, XML_FALSE);
	}
}

static void
cell_start(struct sheetp *sp, const char **atts)
{
	const char	*r = NULL, *t = NULL;
	unsigned long	 col;
	int		 i;

	for (; atts[0] != NULL; atts += 2)
		if (atts[0][0] == 'r' && atts[0][1] == '\0')
			r = atts[1];
		else if (atts[0][0] == 't' && atts[0][1] == '\0')
			t = atts[1];
	sp->in_c = 1;
	sp->in_is = sp->in_rph = sp->capture = 0;
	sp->cell_skip = 1;
	buf_reset(&sp->val);
	if (sp->row_bad)
		return;
	col = r != NULL ? ref_col(r) : sp->col + 1;
	if (col == 0) {
		row_error(sp, sp->col + 1, "bad cell reference '%.*s'",
		    utf8_clip(r, strlen(r), 20), r);
		return;
	}
	if (col > COLS_MAX) {
		row_error(sp, COLS_MAX + 1, "more than %d columns", COLS_MAX);
		return;
	}
	sp->col = col;
	sp->type = CT_NUMBER;
	if (t != NULL) {
		for (i = 0; i < CT__MAX; i++)
			if (t[0] == cell_type_names[i][0] &&
			    strcmp(t, cell_type_names[i]) == 0)
				break;
		if (i == CT__MAX) {
			row_error(sp, col, "unknown cell type '%.*s'",
			    utf8_clip(t, strlen(t), 20), t);
			return;
		}
		sp->type = i;
	}
	sp->cell_skip = 0;
}

static void
cell_end(struct sheetp *sp)
{
	struct batch	*b = sp->out;
	const char	*v = sp->val.s;
	size_t		 n = sp->val.len, off = b->text.len, i;

	sp->in_c = 0;
	if (sp->cell_skip || sp->row_bad)
		return;
	if (sp->val.overflow) {
		row_error(sp, sp->col, "text longer than %d bytes", TEXT_MAX);
		return;
	}
	if (n == 0)
		return;
	switch (sp->type) {
	case CT_SHARED:
		if (parse_index(v, n, 0, sp->x->nsst ? sp->x->nsst - 1 : 0,
		    &i) == -1 || sp->x->nsst == 0) {
			row_error(sp, sp->col, "bad shared string index '%.*s' "
			    "(the workbook has %zu shared strings)",
			    utf8_clip(v, n, 20), v, sp->x->nsst);
			return;
		}
		buf_add(&b->text, sp->x->sst.s + sp->x->sstoff[i],
		    sp->x->sstoff[i + 1] - sp->x->sstoff[i] - 1);
		break;
	case CT_NUMBER:
		number_add(&b->text, v, n);
		break;
	case CT_INLINE:
	case CT_STR:
		xstr_add(&b->text, v, n);
		break;
	default:
		buf_add(&b->text, v, n);
		break;
	}
	if ((n = b->text.len - off) == 0)
		return;
	buf_addc(&b->text, '\0');
	if (b->text.len - sp->row_start > ROW_MAX) {
		row_error(sp, sp->col, "row longer than %d bytes", ROW_MAX);
		b->text.len = sp->row_start;
		b->text.s[b->text.len] = '\0';
		return;
	}
	if (sp->col > sp->colalloc) {
		size_t	 old = sp->colalloc;

		while (sp->colalloc < sp->col)
			sp->colalloc = sp->colalloc ? sp->colalloc * 2 : 64;
		sp->cols = xreallocarray(sp->cols, sp->colalloc,
		    sizeof(*sp->cols));
		sp->gen = xreallocarray(sp->gen, sp->colalloc,
		    sizeof(*sp->gen));
		memset(sp->gen + old, 0, (sp->colalloc - old) *
		    sizeof(*sp->gen));
	}
	sp->cols[sp->col - 1].off = off;
	sp->cols[sp->col - 1].len = n;
	sp->gen[sp->col - 1] = sp->rowgen;
	if (sp->col > sp->last)
		sp->last = sp->col;
}

static void XMLCALL
sheet_start(void *u, const char *name, const char **atts)
{
	struct sheetp	*sp = u;
	enum tag	 t = TAG_OTHER;

	if (sp->depth < STACK_MAX)
		sp->stack[sp->depth] = t = tag_find(name);
	sp->depth++;
	switch (t) {
	case TAG_SHEETDATA:
		sp->sheetdata++;
		break;
	case TAG_ROW:
		if (sp->sheetdata > 0 && !sp->in_row)
			row_start(sp, atts);
		break;
	case TAG_C:
		if (sp->in_row && !sp->in_c)
			cell_start(sp, atts);
		break;
	case TAG_V:
		if (sp->in_c && !sp->in_is)
			sp->capture = 1;
		break;
	case TAG_IS:
		if (sp->in_c)
			sp->in_is = 1;
		break;
	case TAG_T:
		if (sp->in_is && !sp->in_rph)
			sp->capture = 1;
		break;
	case TAG_RPH:
		if (sp->in_is)
			sp->in_rph = 1;
		break;
	default:
		break;
	}
}

static void XMLCALL
sheet_end(void *u, const char *name)
{
	struct sheetp	*sp = u;

	(void)name;
	if (--sp->depth >= STACK_MAX)
		return;
	switch (sp->stack[sp->depth]) {
	case TAG_SHEETDATA:
		sp->sheetdata--;
		break;
	case TAG_ROW:
		if (sp->in_row)
			row_end(sp);
		break;
	case TAG_C:
		if (sp->in_c)
			cell_end(sp);
		break;
	case TAG_V:
	case TAG_T:
		sp->capture = 0;
		break;
	case TAG_IS:
		sp->in_is = 0;
		break;
	case TAG_RPH:
		sp->in_rph = 0;
		break;
	default:
		break;
	}
}

static void XMLCALL
sheet_text(void *u, const char *s, int len)
{
	struct sheetp	*sp = u;

	if (sp->capture)
		buf_add(&sp->val, s, (size_t)len);
}

/*
 * Comments, processing instructions and CDATA sections make a segment's
 * cuts doubtful; a DOCTYPE in a segment is malformed anyway.
 */
static void XMLCALL
sheet_comment(void *u, const char *s)
{
	struct sheetp	*sp = u;

	(void)s;
	sp->special = 1;
}

static void XMLCALL
sheet_pi(void *u, const char *target, const char *data)
{
	struct sheetp	*sp = u;

	(void)target;
	(void)data;
	sp->special = 1;
}

static void XMLCALL
sheet_cdata(void *u)
{
	struct sheetp	*sp = u;

	sp->special = 1;
}

/* Only a sheet in UTF-8 may be cut: the workers read UTF-8. */
static void XMLCALL
sheet_xmldecl(void *u, const char *version, const char *encoding,
    int standalone)
{
	struct sheetp	*sp = u;

	(void)version;
	(void)standalone;
	if (encoding != NULL && strcasecmp(encoding, "UTF-8") != 0)
		sp->special = 1;
}

static void
sheetp_handlers(struct sheetp *sp)
{
	XML_SetUserData(sp->p, sp);
	XML_SetElementHandler(sp->p, sheet_start, sheet_end);
	XML_SetCharacterDataHandler(sp->p, sheet_text);
	XML_SetCommentHandler(sp->p, sheet_comment);
	XML_SetProcessingInstructionHandler(sp->p, sheet_pi);
	XML_SetStartCdataSectionHandler(sp->p, sheet_cdata);
	XML_SetXmlDeclHandler(sp->p, sheet_xmldecl);
}

static void
sheetp_clear(struct sheetp *sp)
{
	sp->depth = sp->sheetdata = 0;
	sp->in_row = sp->in_c = sp->in_is = sp->in_rph = sp->capture = 0;
	sp->special = sp->toobig = 0;
}

/* Make a parser; encoding is NULL for a whole part, "UTF-8" for pieces. */
static void
sheetp_init(struct sheetp *sp, const struct xlsx *x, const char *encoding)
{
	memset(sp, 0, sizeof(*sp));
	sp->x = x;
	if ((sp->p = XML_ParserCreate(encoding)) == NULL)
		die("out of memory");
	buf_init(&sp->val, TEXT_MAX);
	sheetp_handlers(sp);
}

static void
sheetp_release(struct sheetp *sp)
{
	if (sp->p != NULL)
		XML_ParserFree(sp->p);
	buf_release(&sp->val);
	free(sp->cols);
	free(sp->gen);
	memset(sp, 0, sizeof(*sp));
}

/* A worker's parse of one segment as a fragment of content. */
static void
fragment_parse(struct sheetp *sp, struct seg *s)
{
	XML_Parser	 p = sp->p;
	int		 ok;

	XML_ParserReset(p, "UTF-8");
	sheetp_handlers(sp);
	sheetp_clear(sp);
	sp->sheetdata = 1;
	sp->out = &s->out;
	batch_reset(&s->out);
	ok = XML_Parse(p, "<x>", 3, 0) == XML_STATUS_OK &&
	    XML_Parse(p, s->data.s, (int)s->data.len, 0) == XML_STATUS_OK &&
	    XML_Parse(p, "</x>", 4, 1) == XML_STATUS_OK;
	s->fallback = !ok || sp->special || sp->toobig;
	if (!s->fallback)
		pos_delta(s->data.s, s->data.len, &s->delta);
}

/* ---------------------------------------------------------------------- */
/* The workers. */

static void *
worker_main(void *arg)
{
	struct worker	*w = arg;
	struct pool	*pl = w->pool;
	struct seg	*s;
	int		 cancel;

	pthread_mutex_lock(&pl->mu);
	for (;;) {
		while (!pl->quit && pl->next == pl->tail)
			pthread_cond_wait(&pl->work, &pl->mu);
		if (pl->quit)
			break;
		s = &pl->seg[pl->next++ % (unsigned long)pl->nseg];
		cancel = pl->cancel;
		pthread_mutex_unlock(&pl->mu);
		if (cancel)
			s->fallback = 1;
		else
			fragment_parse(&w->sp, s);
		pthread_mutex_lock(&pl->mu);
		s->state = SEG_DONE;
		pthread_cond_signal(&pl->done);
	}
	pthread_mutex_unlock(&pl->mu);
	return NULL;
}

/* Start the workers; nth is 0 when no thread could be started. */
static struct pool *
pool_start(const struct xlsx *x)
{
	struct pool	*pl = xcalloc(1, sizeof(*pl));

	pthread_mutex_init(&pl->mu, NULL);
	pthread_cond_init(&pl->work, NULL);
	pthread_cond_init(&pl->done, NULL);
	pl->nseg = 2 * x->nth + 1;
	for (int i = 0; i < pl->nseg; i++) {
		buf_init(&pl->seg[i].data, 0);
		batch_init(&pl->seg[i].out);
	}
	for (int i = 0; i < x->nth; i++) {
		struct worker	*w = &pl->w[pl->nth];

		w->pool = pl;
		sheetp_init(&w->sp, x, "UTF-8");
		if (pthread_create(&w->th, NULL, worker_main, w) != 0) {
			sheetp_release(&w->sp);
			break;
		}
		pl->nth++;
	}
	return pl;
}

static void
pool_free(struct pool *pl)
{
	if (pl == NULL)
		return;
	pthread_mutex_lock(&pl->mu);
	pl->quit = pl->cancel = 1;
	pthread_cond_broadcast(&pl->work);
	pthread_mutex_unlock(&pl->mu);
	for (int i = 0; i < pl->nth; i++) {
		pthread_join(pl->w[i].th, NULL);
		sheetp_release(&pl->w[i].sp);
	}
	for (int i = 0; i < pl->nseg; i++) {
		buf_release(&pl->seg[i].data);
		batch_release(&pl->seg[i].out);
	}
	pthread_cond_destroy(&pl->done);
	pthread_cond_destroy(&pl->work);
	pthread_mutex_destroy(&pl->mu);
	free(pl);
}

static void
seg_wait(struct pool *pl, struct seg *s)
{
	pthread_mutex_lock(&pl->mu);
	while (s->state != SEG_DONE)
		pthread_cond_wait(&pl->done, &pl->mu);
	pthread_mutex_unlock(&pl->mu);
}

static int p0_feed(struct xlsx *, struct sheetp *, const char *, size_t,
	    int);

/*
 * A segment P0 must read: cancel the rest, and feed every segment not yet
 * handed on to P0, which reads the rest of the sheet from here.
 */
static int
pool_fallback(struct xlsx *x, struct pool *pl, struct sheetp *p0)
{
	pthread_mutex_lock(&pl->mu);
	pl->cancel = 1;
	pthread_mutex_unlock(&pl->mu);
	x->mode = M_SEQ;
	for (; pl->head != pl->tail; pl->head++) {
		struct seg	*s = &pl->seg[pl->head % (unsigned long)pl->nseg];

		seg_wait(pl, s);
		s->state = SEG_FREE;
		if (p0_feed(x, p0, s->data.s, s->data.len, 0) == -1)
			return -1;
	}
	return 0;
}

/* Hand on the rows of the oldest segment. */
static int
pool_emit(struct xlsx *x, struct pool *pl, struct sheetp *p0)
{
	struct seg	*s = &pl->seg[pl->head % (unsigned long)pl->nseg];

	seg_wait(pl, s);
	if (s->fallback)
		return pool_fallback(x, pl, p0);
	s->state = SEG_FREE;
	pl->head++;
	pos_apply(&x->resume, &s->delta);
	return batch_emit(x, &s->out);
}

static int
pool_drain(struct xlsx *x, struct pool *pl, struct sheetp *p0)
{
	while (x->mode == M_PAR && pl->head != pl->tail)
		if (pool_emit(x, pl, p0) == -1)
			return -1;
	return 0;
}

/* Queue the first split bytes of pend as a segment. */
static int
pool_submit(struct xlsx *x, struct pool *pl, struct sheetp *p0,
    struct buf *pend, size_t split)
{
	struct seg	*s = &pl->seg[pl->tail % (unsigned long)pl->nseg];
	struct buf	 t;

	/* the slot is free once its last segment was handed on */
	while (x->mode == M_PAR &&
	    pl->tail - pl->head >= (unsigned long)pl->nseg)
		if (pool_emit(x, pl, p0) == -1)
			return -1;
	if (x->mode != M_PAR)
		return 0;
	/* the segment takes the buffer; what follows the cut is copied */
	t = s->data;
	s->data = *pend;
	*pend = t;
	buf_reset(pend);
	buf_add(pend, s->data.s + split, s->data.len - split);
	s->data.len = split;
	s->data.s[split] = '\0';
	s->fallback = 0;
	pthread_mutex_lock(&pl->mu);
	s->state = SEG_QUEUED;
	pl->tail++;
	pthread_cond_signal(&pl->work);
	pthread_mutex_unlock(&pl->mu);
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Reading the parts. */

static void
zip_fail(struct xlsx *x, const char *part, const char *what)
{
	errlist_add(x->el, 0, 0, NULL, "%s: corrupt or truncated zip entry: %s",
	    part, what);
}

static void
xml_fail(struct xlsx *x, XML_Parser p, const char *part)
{
	unsigned long	 line = XML_GetCurrentLineNumber(p);
	unsigned long	 col = XML_GetCurrentColumnNumber(p);

	/* P0 did not see what the workers read: count it back in */
	if (x->jumped && part == x->part) {
		if (line > x->jump.line)
			line = line - x->jump.line + x->resume.line;
		else {
			col = col >= x->jump.col ? col - x->jump.col +
			    x->resume.col : col;
			line = x->resume.line;
		}
	}
	errlist_add(x->el, 0, 0, NULL, "%s:%lu:%lu: malformed XML: %s", part,
	    line, col + 1, XML_ErrorString(XML_GetErrorCode(p)));
}

/* After XML_Parse failed: report it unless a handler stopped on purpose. */
static int
parse_fail(struct xlsx *x, XML_Parser p, const char *part)
{
	if (XML_GetErrorCode(p) != XML_ERROR_ABORTED)
		xml_fail(x, p, part);
	return -1;
}

static zip_file_t *
part_open(struct xlsx *x, const char *part)
{
	zip_int64_t	 idx;
	zip_file_t	*f;

	if ((idx = zip_name_locate(x->zip, part, ZIP_FL_NOCASE)) < 0) {
		errlist_add(x->el, 0, 0, NULL, "not an xlsx file: no part %s",
		    part);
		return NULL;
	}
	if ((f = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0)) == NULL)
		zip_fail(x, part, zip_strerror(x->zip));
	return f;
}

/* Parse a whole part with p; 0, or -1 after reporting. */
static int
part_parse(struct xlsx *x, const char *part, XML_Parser p)
{
	zip_file_t	*f;
	zip_int64_t	 n;
	void		*b;
	int		 rc = -1;

	if ((f = part_open(x, part)) == NULL)
		return -1;
	do {
		if ((b = XML_GetBuffer(p, CHUNK)) == NULL)
			die("out of memory");
		if ((n = zip_fread(f, b, CHUNK)) < 0) {
			zip_fail(x, part, zip_file_strerror(f));
			goto out;
		}
		if (XML_ParseBuffer(p, (int)n, n == 0) != XML_STATUS_OK) {
			parse_fail(x, p, part);
			goto out;
		}
	} while (n > 0);
	rc = 0;
out:
	zip_fclose(f);
	return rc;
}

/* The workbook: the sheets' names and relationship ids. */
struct wbp {
	struct xlsx	*x;
	XML_Parser	 p;
	int		 failed;
};

static void XMLCALL
workbook_start(void *u, const char *name, const char **atts)
{
	struct wbp	*w = u;
	struct xlsx	*x = w->x;
	const char	*sname = NULL, *rid = NULL, *colon;

	if (w->failed || tag_find(name) != TAG_SHEET)
		return;
	/* r:id, whatever the prefix of the relationships' namespace */
	for (; atts[0] != NULL; atts += 2)
		if (strcmp(atts[0], "name") == 0)
			sname = atts[1];
		else if ((colon = strchr(atts[0], ':')) != NULL &&
		    strcmp(colon + 1, "id") == 0)
			rid = atts[1];
	if (sname == NULL || rid == NULL) {
		errlist_add(x->el, 0, 0, NULL, "not an xlsx file: a sheet in "
		    "xl/workbook.xml without %s", sname ? "r:id" : "a name");
		goto fail;
	}
	if (strlen(sname) > TEXT_MAX || strlen(rid) > TEXT_MAX ||
	    x->nsheets == SHEETS_MAX) {
		errlist_add(x->el, 0, 0, NULL, "xl/workbook.xml: too many "
		    "sheets, or names too long");
		goto fail;
	}
	x->names = xreallocarray(x->names, x->nsheets + 1, sizeof(*x->names));
	x->rids = xreallocarray(x->rids, x->nsheets + 1, sizeof(*x->rids));
	x->names[x->nsheets] = xstrdup(sname);
	x->rids[x->nsheets] = xstrdup(rid);
	x->nsheets++;
	return;
fail:
	w->failed = 1;
	XML_StopParser(w->p, XML_FALSE);
}

/*
 * Resolve a relationship's target against xl/, the folder of the
 * workbook: "worksheets/sheet1.xml" is xl/worksheets/sheet1.xml and
 * "/xl/x.xml" is xl/x.xml; "." and ".." segments are followed.
 */
static char *
part_resolve(const char *target)
{
	struct buf	 b;
	const char	*p, *e;

	buf_init(&b, 0);
	if (target[0] == '/')
		target++;
	else
		buf_adds(&b, "xl/");
	for (p = target; *p != '\0'; p = *e ? e + 1 : e) {
		e = strchr(p, '/');
		if (e == NULL)
			e = p + strlen(p);
		if (e - p == 1 && p[0] == '.')
			continue;
		if (e - p == 2 && p[0] == '.' && p[1] == '.') {
			char	*slash;

			if (b.len > 0)
				b.s[--b.len] = '\0';
			slash = strrchr(b.s, '/');
			b.len = slash ? (size_t)(slash - b.s) + 1 : 0;
			b.s[b.len] = '\0';
			continue;
		}
		buf_add(&b, p, (size_t)(e - p));
		if (*e == '/')
			buf_addc(&b, '/');
	}
	return buf_detach(&b);
}

/* Whether a relationship type names this kind: ".../worksheet". */
static int
rel_is(const char *type, const char *kind)
{
	size_t	 n = strlen(type), k = strlen(kind);

	return n > k && type[n - k - 1] == '/' &&
	    strcmp(type + n - k, kind) == 0;
}

static void XMLCALL
rels_start(void *u, const char *name, const char **atts)
{
	struct wbp	*w = u;
	struct xlsx	*x = w->x;
	const char	*id, *type, *target, *mode;

	if (tag_find(name) != TAG_RELATIONSHIP)
		return;
	id = attr_find(atts, "Id");
	type = attr_find(atts, "Type");
	target = attr_find(atts, "Target");
	mode = attr_find(atts, "TargetMode");
	if (id == NULL || type == NULL || target == NULL ||
	    (mode != NULL && strcmp(mode, "Internal") != 0))
		return;
	if (x->part == NULL && strcmp(id, x->rid) == 0) {
		x->part = part_resolve(target);
		x->is_worksheet = rel_is(type, "worksheet");
	}
	if (x->sstpart == NULL && rel_is(type, "sharedStrings"))
		x->sstpart = part_resolve(target);
}

/* Find the sheet's part, and the shared strings' part, if any. */
static int
workbook_read(struct xlsx *x, const char *sheet)
{
	struct wbp	 w;
	struct buf	 list;
	size_t		 i, n;
	int		 rc = -1;

	memset(&w, 0, sizeof(w));
	buf_init(&list, 0);
	w.x = x;
	if (zip_name_locate(x->zip, "xl/workbook.xml", ZIP_FL_NOCASE) < 0) {
		errlist_add(x->el, 0, 0, NULL, "not an xlsx file: no workbook");
		goto out;
	}
	if ((w.p = XML_ParserCreate(NULL)) == NULL)
		die("out of memory");
	XML_SetUserData(w.p, &w);
	XML_SetStartElementHandler(w.p, workbook_start);
	if (part_parse(x, "xl/workbook.xml", w.p) == -1)
		goto out;
	if (x->nsheets == 0) {
		errlist_add(x->el, 0, 0, NULL, "not an xlsx file: the "
		    "workbook has no sheets");
		goto out;
	}
	for (i = 0; sheet != NULL && i < x->nsheets; i++)
		if (strcmp(x->names[i], sheet) == 0)
			break;
	/* Excel takes sheet names without regard to case */
	if (sheet != NULL && i == x->nsheets)
		for (i = 0; i < x->nsheets; i++)
			if (str_eqi(x->names[i], sheet))
				break;
	if (sheet == NULL)
		i = 0;
	if (i == x->nsheets) {
		for (size_t j = 0; j < x->nsheets && j < 20; j++)
			buf_addf(&list, "%s'%s'", j ? ", " : "", x->names[j]);
		if (x->nsheets > 20)
			buf_addf(&list, " and %zu more", x->nsheets - 20);
		errlist_add(x->el, 0, 0, NULL, "no sheet named '%s'; the "
		    "workbook has %s", sheet, list.s);
		goto out;
	}
	x->rid = x->rids[i];
	n = (size_t)utf8_clip(x->names[i], strlen(x->names[i]),
	    sizeof(sheet_name) - 1);
	memcpy(sheet_name, x->names[i], n);
	sheet_name[n] = '\0';

	XML_ParserFree(w.p);
	if ((w.p = XML_ParserCreate(NULL)) == NULL)
		die("out of memory");
	XML_SetUserData(w.p, &w);
	XML_SetStartElementHandler(w.p, rels_start);
	if (part_parse(x, "xl/_rels/workbook.xml.rels", w.p) == -1)
		goto out;
	if (x->part == NULL) {
		errlist_add(x->el, 0, 0, NULL, "not an xlsx file: no part for "
		    "sheet '%s' (relationship %s)", sheet_name, x->rid);
		goto out;
	}
	if (!x->is_worksheet) {
		errlist_add(x->el, 0, 0, NULL, "sheet '%s' is not a worksheet "
		    "(a chart or a dialog)", sheet_name);
		goto out;
	}
	rc = 0;
out:
	if (w.p != NULL)
		XML_ParserFree(w.p);
	buf_release(&list);
	return rc;
}

/* The shared strings, into x->sst. */
struct sstp {
	struct xlsx	*x;
	XML_Parser	 p;
	int		 in_si, in_rph, capture;
	struct buf	 cur;
};

static void XMLCALL
sst_start(void *u, const char *name, const char **atts)
{
	struct sstp	*s = u;
	struct xlsx	*x = s->x;
	const char	*count;
	size_t		 n;

	switch (tag_find(name)) {
	case TAG_SST:
		count = attr_find(atts, "uniqueCount");
		/* room for them all at once, within reason */
		if (count != NULL &&
		    parse_index(count, strlen(count), 0, 1 << 20, &n) == 0 &&
		    n + 2 > x->sstalloc) {
			x->sstalloc = n + 2;
			x->sstoff = xreallocarray(x->sstoff, x->sstalloc,
			    sizeof(*x->sstoff));
		}
		break;
	case TAG_SI:
		s->in_si = 1;
		s->in_rph = 0;
		buf_reset(&s->cur);
		break;
	case TAG_T:
		if (s->in_si && !s->in_rph)
			s->capture = 1;
		break;
	case TAG_RPH:
		if (s->in_si)
			s->in_rph = 1;
		break;
	default:
		break;
	}
}

static void XMLCALL
sst_end(void *u, const char *name)
{
	struct sstp	*s = u;
	struct xlsx	*x = s->x;

	switch (tag_find(name)) {
	case TAG_SI:
		if (!s->in_si)
			break;
		s->in_si = 0;
		if (s->cur.overflow) {
			errlist_add(x->el, 0, 0, NULL, "%s: shared string %zu "
			    "longer than %d bytes", x->sstpart, x->nsst,
			    TEXT_MAX);
			XML_StopParser(s->p, XML_FALSE);
			break;
		}
		if (x->nsst + 2 > x->sstalloc) {
			x->sstalloc = x->sstalloc ? x->sstalloc * 2 : 1024;
			x->sstoff = xreallocarray(x->sstoff, x->sstalloc,
			    sizeof(*x->sstoff));
		}
		xstr_add(&x->sst, s->cur.s, s->cur.len);
		buf_addc(&x->sst, '\0');
		if (x->sst.overflow) {
			errlist_add(x->el, 0, 0, NULL, "%s: shared strings "
			    "larger than %d bytes", x->sstpart, SST_MAX);
			XML_StopParser(s->p, XML_FALSE);
			break;
		}
		x->sstoff[++x->nsst] = x->sst.len;
		break;
	case TAG_T:
		s->capture = 0;
		break;
	case TAG_RPH:
		s->in_rph = 0;
		break;
	default:
		break;
	}
}

static void XMLCALL
sst_text(void *u, const char *str, int len)
{
	struct sstp	*s = u;

	if (s->capture)
		buf_add(&s->cur, str, (size_t)len);
}

static int
sst_read(struct xlsx *x)
{
	struct sstp	 s;
	int		 rc = -1;

	if (x->sstpart == NULL)
		x->sstpart = xstrdup("xl/sharedStrings.xml");
	if (zip_name_locate(x->zip, x->sstpart, ZIP_FL_NOCASE) < 0)
		return 0;
	memset(&s, 0, sizeof(s));
	s.x = x;
	buf_init(&s.cur, TEXT_MAX);
	if ((s.p = XML_ParserCreate(NULL)) == NULL)
		die("out of memory");
	XML_SetUserData(s.p, &s);
	XML_SetElementHandler(s.p, sst_start, sst_end);
	XML_SetCharacterDataHandler(s.p, sst_text);
	x->sstalloc = 2;
	x->sstoff = xreallocarray(NULL, x->sstalloc, sizeof(*x->sstoff));
	x->sstoff[0] = 0;
	rc = part_parse(x, x->sstpart, s.p);
	XML_ParserFree(s.p);
	buf_release(&s.cur);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Reading the sheet. */

/* Feed bytes to P0; 0, or -1 after reporting (or when fn stopped). */
static int
p0_feed(struct xlsx *x, struct sheetp *p0, const char *s, size_t n,
    int final)
{
	while (n > 0 || final) {
		int	 k = n > CHUNK ? CHUNK : (int)n;

		if (XML_Parse(p0->p, s, k, final && (size_t)k == n) !=
		    XML_STATUS_OK)
			return parse_fail(x, p0->p, x->part);
		if ((size_t)k == n)
			break;
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

/*
 * Whether every '<' in s after the XML declaration starts a tag, that is
 * whether s holds no comment, CDATA section, processing instruction or
 * DOCTYPE: a '<' cannot stand in text or in an attribute value.  P0 would
 * not tell of a comment it has not yet seen the end of.
 */
static int
tags_only(const char *s, size_t n)
{
	const char	*p = s, *e = s + n;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	if (e - p >= 5 && memcmp(p, "<?xml", 5) == 0)
		p += 5;
	while ((p = memchr(p, '<', (size_t)(e - p))) != NULL && ++p < e)
		if (*p == '!' || *p == '?')
			return 0;
	return 1;
}

/* The offset just past the last "</row>" in s[from, n), or 0. */
static size_t
split_find(const char *s, size_t from, size_t n)
{
	for (size_t i = n; i >= 6 && i - 6 >= from; i--)
		if (s[i - 6] == '<' && memcmp(s + i - 6, "</row>", 6) == 0)
			return i;
	return 0;
}

/*
 * P0 reads the first segment.  The workers take the next ones if the
 * sheet may be cut: UTF-8, P0 between rows in <sheetData>, and nothing in
 * what it read that could hide a cut, such as an unfinished comment.
 */
static int
sheet_first(struct xlsx *x, struct sheetp *p0, struct pool **pool,
    struct buf *pend, size_t split)
{
	if (p0_feed(x, p0, pend->s, split, 0) == -1)
		return -1;
	x->mode = M_SEQ;
	if (x->utf8 && !p0->special && p0->sheetdata > 0 && !p0->in_row &&
	    tags_only(pend->s, split)) {
		pos_delta(pend->s, split, &x->jump);
		x->jump.line++;
		x->resume = x->jump;
		x->jumped = 1;
		*pool = pool_start(x);
		if ((*pool)->nth > 0)
			x->mode = M_PAR;
	}
	buf_drop(pend, split);
	return 0;
}

/* P0 reads what is pending and the rest of the part, to its end. */
static int
sheet_seq(struct xlsx *x, struct sheetp *p0, zip_file_t *f,
    struct buf *pend, uint64_t *total)
{
	zip_int64_t	 n;
	void		*b;

	if (p0_feed(x, p0, pend->s, pend->len, 0) == -1)
		return -1;
	buf_reset(pend);
	do {
		if ((b = XML_GetBuffer(p0->p, CHUNK)) == NULL)
			die("out of memory");
		if ((n = zip_fread(f, b, CHUNK)) < 0) {
			zip_fail(x, x->part, zip_file_strerror(f));
			return -1;
		}
		*total += (uint64_t)n;
		if (n > 0 && x->progress != NULL)
			x->progress(*total, x->arg);
		if (XML_ParseBuffer(p0->p, (int)n, n == 0) != XML_STATUS_OK)
			return parse_fail(x, p0->p, x->part);
	} while (n > 0);
	return 0;
}

static int
sheet_read(struct xlsx *x)
{
	struct sheetp	 p0;
	struct pool	*pool = NULL;
	struct buf	 pend;
	zip_file_t	*f = NULL;
	zip_int64_t	 n;
	uint64_t	 total = 0;
	size_t		 scanned = 0, split;
	char		*chunk = NULL;
	int		 rc = -1;

	sheetp_init(&p0, x, NULL);
	p0.emit = x;
	p0.out = xmalloc(sizeof(*p0.out));
	batch_init(p0.out);
	buf_init(&pend, 0);
	x->mode = x->nth > 0 ? M_FIRST : M_SEQ;
	if ((f = part_open(x, x->part)) == NULL)
		goto out;
	chunk = xmalloc(CHUNK);
	for (;;) {
		if (x->mode == M_SEQ) {
			rc = sheet_seq(x, &p0, f, &pend, &total);
			goto out;
		}
		if ((n = zip_fread(f, chunk, CHUNK)) < 0) {
			zip_fail(x, x->part, zip_file_strerror(f));
			goto out;
		}
		if (n == 0)
			break;
		/* a sheet in UTF-16 or another encoding is read by P0 */
		if (total == 0)
			x->utf8 = chunk[0] == '<' || (n >= 3 &&
			    memcmp(chunk, "\xef\xbb\xbf", 3) == 0);
		buf_add(&pend, chunk, (size_t)n);
		total += (uint64_t)n;
		if (x->progress != NULL)
			x->progress(total, x->arg);
		if (pend.len < SEG_BYTES)
			continue;
		split = split_find(pend.s, scanned, pend.len);
		scanned = pend.len - 5;
		if (split == 0) {
			/* no row ends in all this: P0 reads on alone */
			if (pend.len > SEG_MAX) {
				if (x->mode == M_PAR &&
				    pool_drain(x, pool, &p0) == -1)
					goto out;
				x->mode = M_SEQ;
			}
			continue;
		}
		scanned = 0;
		if (x->mode == M_FIRST) {
			if (sheet_first(x, &p0, &pool, &pend, split) == -1)
				goto out;
		} else if (pool_submit(x, pool, &p0, &pend, split) == -1)
			goto out;
	}
	/* the end: the workers' segments, then what follows them */
	if (x->mode == M_PAR && pool_drain(x, pool, &p0) == -1)
		goto out;
	rc = p0_feed(x, &p0, pend.s, pend.len, 1);
out:
	if (f != NULL)
		zip_fclose(f);
	pool_free(pool);
	batch_release(p0.out);
	free(p0.out);
	sheetp_release(&p0);
	buf_release(&pend);
	free(chunk);
	return rc;
}

/* Open the archive, telling a truncated zip from a file of another kind. */
static int
zip_start(struct xlsx *x)
{
	zip_error_t	 ze;
	FILE		*fp;
	char		 magic[4];
	int		 err, pk;

	if ((fp = fopen(x->path, "rb")) == NULL) {
		errlist_add(x->el, 0, 0, NULL, "cannot open: %s",
		    strerror(errno));
		return -1;
	}
	pk = fread(magic, 1, 4, fp) == 4 && memcmp(magic, "PK\3\4", 4) == 0;
	fclose(fp);
	if ((x->zip = zip_open(x->path, ZIP_RDONLY, &err)) != NULL)
		return 0;
	zip_error_init_with_code(&ze, err);
	if (err == ZIP_ER_NOZIP && !pk)
		errlist_add(x->el, 0, 0, NULL, "not an xlsx file: not a zip "
		    "archive");
	else if (err == ZIP_ER_NOZIP || err == ZIP_ER_INCONS)
		errlist_add(x->el, 0, 0, NULL, "truncated or corrupt zip "
		    "archive: %s", zip_error_strerror(&ze));
	else
		errlist_add(x->el, 0, 0, NULL, "cannot open: %s",
		    zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return -1;
}

int
xlsx_read(const char *path, const char *sheet, csv_record_fn fn, void *arg,
    struct errlist *el, void (*progress)(uint64_t, void *))
{
	struct xlsx	 x;
	unsigned long	 count0 = el->count;
	long		 ncpu;
	int		 rc = -1;

	memset(&x, 0, sizeof(x));
	x.path = path;
	x.el = el;
	x.fn = fn;
	x.arg = arg;
	x.progress = progress;
	buf_init(&x.sst, SST_MAX);
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	x.nth = ncpu < 2 ? 0 : ncpu > WORKERS_MAX ? WORKERS_MAX : (int)ncpu;
	el->sheet = NULL;
	sheet_name[0] = '\0';
	if (zip_start(&x) == -1)
		goto out;
	if (workbook_read(&x, sheet) == -1)
		goto out;
	el->sheet = sheet_name;
	if (sst_read(&x) == -1)
		goto out;
	if (sheet_read(&x) == -1)
		goto out;
	rc = el->count > count0 ? -1 : 0;
out:
	if (x.zip != NULL)
		zip_discard(x.zip);
	for (size_t i = 0; i < x.nsheets; i++) {
		free(x.names[i]);
		free(x.rids[i]);
	}
	free(x.names);
	free(x.rids);
	free(x.part);
	free(x.sstpart);
	buf_release(&x.sst);
	free(x.sstoff);
	free(x.field);
	free(x.flen);
	return rc;
}
