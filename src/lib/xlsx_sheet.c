/*
 * xlsx_sheet.c: the XML of a worksheet, into rows.
 *
 * A struct sheetp is one expat parse of sheet XML: the main parser P0's,
 * which reads the sheet's part from its start, or a worker's, which reads
 * a segment of whole rows (xlsx_par.c).  Its handlers gather the cells of
 * each <row> by column into a struct batch.  P0 hands each row on at once;
 * a worker keeps the rows of its segment, which the caller's thread hands
 * on in order.
 */
#include <expat.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/lib.h"
#include "lib/xlsx_int.h"

#define ROW_MAX		(16 * 1024 * 1024)	/* the texts of one row */
#define COLS_MAX	16384		/* A to XFD, as Excel */
#define ROWS_MAX	1048576
#define ROW_ERRS_MAX	16		/* problems kept for one row */
#define BATCH_MAX	(64 * 1024 * 1024)	/* a segment's texts */

/* The values of the t attribute of <c>, by cell type. */
static const char *const cell_type_names[CT__MAX] = {
	[CT_NUMBER] = "n",
	[CT_SHARED] = "s",
	[CT_INLINE] = "inlineStr",
	[CT_STR] = "str",
	[CT_BOOL] = "b",
	[CT_ERROR] = "e",
	[CT_DATE] = "d",
};

/* ---------------------------------------------------------------------- */
/* Small helpers. */

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

/* ---------------------------------------------------------------------- */
/* Batches of rows. */

void
batch_init(struct batch *b)
{
	memset(b, 0, sizeof(*b));
	buf_init(&b->text, 0);
	buf_init(&b->msgs, 0);
	buf_addc(&b->text, '\0');
}

void
batch_reset(struct batch *b)
{
	buf_reset(&b->text);
	buf_addc(&b->text, '\0');
	buf_reset(&b->msgs);
	b->nrows = b->ncells = b->nerrs = 0;
}

void
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
int
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

void
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

void
sheetp_clear(struct sheetp *sp)
{
	sp->depth = sp->sheetdata = 0;
	sp->in_row = sp->in_c = sp->in_is = sp->in_rph = sp->capture = 0;
	sp->special = sp->toobig = 0;
}

/* Make a parser; encoding is NULL for a whole part, "UTF-8" for pieces. */
void
sheetp_init(struct sheetp *sp, const struct xlsx *x, const char *encoding)
{
	memset(sp, 0, sizeof(*sp));
	sp->x = x;
	if ((sp->p = XML_ParserCreate(encoding)) == NULL)
		die("out of memory");
	buf_init(&sp->val, TEXT_MAX);
	sheetp_handlers(sp);
}

void
sheetp_release(struct sheetp *sp)
{
	if (sp->p != NULL)
		XML_ParserFree(sp->p);
	buf_release(&sp->val);
	free(sp->cols);
	free(sp->gen);
	memset(sp, 0, sizeof(*sp));
}
