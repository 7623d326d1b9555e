/*
 * xlsx_int.h: what the files of the .xlsx reader share, and only they:
 * xlsx.c (the archive, the workbook, the shared strings and xlsx_read,
 * whose prototype is in lib.h), xlsx_sheet.c (sheet XML into rows)
 * and xlsx_par.c (reading the sheet's part, on several threads when it is
 * large).
 */
#ifndef PALERMO_XLSX_H
#define PALERMO_XLSX_H

#include <expat.h>
#include <stdint.h>
#include <zip.h>

#include "lib/lib.h"

/* The functions of libzip the reader calls, through zl (see dynlib.c). */
#define ZIP_FUNCS(X, v) X(v, zip_open) X(v, zip_discard) \
	X(v, zip_name_locate) X(v, zip_fopen_index) X(v, zip_fread) \
	X(v, zip_fclose) X(v, zip_strerror) X(v, zip_file_strerror) \
	X(v, zip_error_init_with_code) X(v, zip_error_strerror) \
	X(v, zip_error_fini)
struct zip_fns {
	ZIP_FUNCS(DYNLIB_MEMBER, _)
};
extern struct zip_fns zl;

#define CHUNK		(64 * 1024)	/* read from the zip at a time */
#define TEXT_MAX	(1024 * 1024)	/* one cell or shared string */
#define STACK_MAX	32		/* deeper elements are ignored */
#define WORKERS_MAX	4

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

/* xlsx.c */

/* The element of a name, by its local part; TAG_OTHER when not known. */
enum tag	 tag_find(const char *name);

/* The value of an unprefixed attribute, or NULL. */
const char	*attr_find(const char **atts, const char *name);

/* How many bytes of s (n long), at most max, end at a character boundary. */
int		 utf8_clip(const char *s, size_t n, size_t max);

/* Append the n bytes of s to b with the escapes of OOXML strings undone. */
void		 xstr_add(struct buf *b, const char *s, size_t n);

/* A whole decimal number in [lo, hi] with optional spaces around; 0/-1. */
int		 parse_index(const char *s, size_t n, size_t lo, size_t hi,
		    size_t *out);

/* Report that the zip entry part could not be read, for what. */
void		 zip_fail(struct xlsx *x, const char *part, const char *what);

/*
 * After XML_Parse failed on part: report it, unless a handler stopped the
 * parser on purpose.  Returns -1.
 */
int		 parse_fail(struct xlsx *x, XML_Parser p, const char *part);

/* Open the zip entry part, or report and return NULL; zip_fclose it. */
zip_file_t	*part_open(struct xlsx *x, const char *part);

/* xlsx_sheet.c */

/* A batch is empty after _init and _reset; _release frees what it holds. */
void		 batch_init(struct batch *b);
void		 batch_reset(struct batch *b);
void		 batch_release(struct batch *b);

/*
 * Hand the rows of a batch on to x->fn, and their problems to x->el.
 * Returns 0, or -1 when fn said stop (x->stop is then set).
 */
int		 batch_emit(struct xlsx *x, const struct batch *b);

/*
 * Make a parser of sheet XML for x, with its own expat parser; encoding is
 * NULL for a whole part, "UTF-8" for pieces.  sheetp_release frees it.
 */
void		 sheetp_init(struct sheetp *sp, const struct xlsx *x,
		    const char *encoding);
void		 sheetp_release(struct sheetp *sp);

/* Set sp's handlers and user data on sp->p; XML_ParserReset clears them. */
void		 sheetp_handlers(struct sheetp *sp);

/* Forget what sp saw in a parse: open elements, specials, a full batch. */
void		 sheetp_clear(struct sheetp *sp);

/* xlsx_par.c */

/*
 * Read the sheet's part x->part, handing its rows on to x->fn.  Returns 0,
 * or -1 after reporting through x->el (or when fn stopped).
 */
int		 sheet_read(struct xlsx *x);

#endif /* PALERMO_XLSX_H */
