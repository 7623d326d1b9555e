/*
 * lib.h: what every layer of palermo stands on: memory that never fails,
 * messages for people, the one growable buffer, an arena, small helpers,
 * the readers of CSV and xlsx, the escaping of XML, the formats of
 * numbers, and the writing of files.  Nothing here knows about
 * trafficking data; model/ and the layers above it do.
 */
#ifndef PALERMO_LIB_H
#define PALERMO_LIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Exit statuses, as the man page documents them (die uses EXIT_STORE). */
enum exit_status {
	EXIT_DONE = 0,
	EXIT_REJECTED = 1,	/* the input was rejected */
	EXIT_USAGE = 2,		/* the command was called wrongly */
	EXIT_STORE = 3,		/* storage or internal error */
};

/* ---------------------------------------------------------------------- */
/* xmalloc.c: out of memory is fatal, so these never return NULL. */

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
void	 die(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
/* Print "palermo: message" on stderr and return -1. */
int	 error(const char *, ...) __attribute__((format(printf, 1, 2)));
extern const char *progname;

/* ---------------------------------------------------------------------- */
/*
 * buf.c: palermo's one growable string buffer.
 *
 * Invariants: b->s is never NULL and is always NUL-terminated; b->len is
 * the length without the terminator.  A buffer may carry a size cap
 * (b->max, 0 for none) for anything sized by input: an append that would
 * pass the cap appends nothing and sets b->overflow, which stays set until
 * buf_reset, so a caller may append many times and check once at the end.
 */
struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
	size_t	 max;
	int	 overflow;
};

#define BUF_INIT { buf_empty, 0, 0, 0, 0 }
extern char buf_empty[];

/* Initialise an empty buffer that may grow to max bytes (0: no cap). */
void	 buf_init(struct buf *, size_t max);
/* Free the memory and leave the buffer empty, ready for reuse. */
void	 buf_release(struct buf *);
/* Empty the buffer and clear the overflow mark; keeps the memory. */
void	 buf_reset(struct buf *);
/* Keep the first len bytes (nothing changes when there are fewer). */
void	 buf_truncate(struct buf *, size_t len);
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_addc(struct buf *, int);
void	 buf_adds(struct buf *, const char *);
void	 buf_addf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vaddf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
/* Hand the string to the caller, who frees it; the buffer is left empty. */
char	*buf_detach(struct buf *);

/* ---------------------------------------------------------------------- */
/*
 * arena.c: memory freed all at once.  Everything allocated from an arena
 * is zeroed, aligned for any type, and lives until arena_release; an
 * arena is empty after arena_init (or an all-zero struct).
 */
struct arena_block;
struct arena {
	struct arena_block	*head;
};

void	 arena_init(struct arena *);
void	*arena_alloc(struct arena *, size_t);
/* n elements of size, checked for overflow. */
void	*arena_array(struct arena *, size_t n, size_t size);
/* old, an array of the arena, with room for newn elements, its first
 * oldn kept and the rest zero.  A large array grows or shrinks in place; a
 * small one is copied; either way old may no longer be used. */
void	*arena_grow(struct arena *, void *old, size_t oldn, size_t newn,
	    size_t size);
/* Copies of s; arena_strdup(NULL) is NULL. */
char	*arena_strdup(struct arena *, const char *);
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 arena_release(struct arena *);

/* ---------------------------------------------------------------------- */
/*
 * keymap.c: byte strings to two numbers each (a and b, for the caller),
 * in the order the keys were added: m->e[0 .. m->n).  Keys are copied;
 * an entry's index stays its own, while pointers into m->e last only
 * until the next keymap_put.
 */
struct keymap_entry {
	const char	*key;
	size_t		 len;
	uint64_t	 hash;
	int64_t		 a, b;
};

struct keymap {
	struct keymap_entry *e;
	size_t		 n, ecap;
	uint32_t	*slot;		/* entry index + 1; 0 empty */
	size_t		 cap;
	unsigned char	 seed[16];
	struct arena	 arena;
};

void	 keymap_init(struct keymap *);
void	 keymap_release(struct keymap *);
/* The index of key, or -1 when it is not in the map. */
long	 keymap_find(const struct keymap *, const void *key, size_t len);
/* The index of key, added with a and b 0 when missing (*added 1). */
size_t	 keymap_put(struct keymap *, const void *key, size_t len, int *added);

/* ---------------------------------------------------------------------- */
/* util.c: small helpers. */

int	 str_eqi(const char *, const char *);
/* The index of s among names[0..n) (the names of an enum), or -1. */
int	 name_find(const char *const *names, int n, const char *s);
/* Parse a whole decimal integer in [lo, hi]; 0 or -1. */
int	 parse_int(const char *, long long lo, long long hi, long long *);
int	 utf8_valid(const char *, size_t);
/* Whether s is a calendar date, YYYY-MM-DD, from 1900 to 2200. */
int	 date_valid(const char *);
/* Whether s is such a date and not after today (today_iso). */
int	 date_valid_past(const char *);
/* The date so many days (at least 0) and months after the date s, into
 * out; a day past the end of the month it falls in becomes its last. */
void	 date_add(const char *s, int days, int months, char out[11]);
/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into a 21-byte buffer. */
void	 time_iso(char out[21]);
/* Today (UTC) as YYYY-MM-DD, or $PALERMO_TODAY, for planning ahead and
 * for tests; 0, or -1 when that is not a date (said).  Every use of
 * "today" reads it here. */
int	 today_iso(char out[11]);
/* The year of today_iso. */
int	 current_year(void);
/* Who runs palermo: $PALERMO_OPERATOR, else the uid's login name, else
 * $USER. */
const char *operator_name(void);
/* How many threads to count on: $PALERMO_THREADS (1 to THREADS_MAX) when
 * set, else the cores online. */
#define THREADS_MAX	64
int	 thread_count(void);
/* Lower-case ASCII copy of s into b, folding spaces; for name look-ups. */
void	 key_fold(struct buf *, const char *);

/* ---------------------------------------------------------------------- */
/*
 * dynlib.c: a shared library loaded when first needed.  Its functions
 * are listed once, as FUNCS(X, v) calling X(v, name) for each; then
 *	struct lib_fns { FUNCS(DYNLIB_MEMBER, _) };
 * declares pointers of the functions' own types, and a struct dynlib
 * with names from DYNLIB_NAME and the pointers' addresses from
 * DYNLIB_ADDR (v the struct lib_fns variable) loads them.  dynlib_load
 * returns 0, or -1 with the error said (it tries again when called
 * again).  Load before starting threads that use the library.
 */
#define DYNLIB_MEMBER(v, f)	__typeof__(f) *f;
#define DYNLIB_NAME(v, f)	#f,
#define DYNLIB_ADDR(v, f)	(void *)&(v).f,
struct dynlib {
	const char		*soname;	/* the file dlopen looks for */
	const char *const	*names;
	void *const		*fns;		/* where each address goes */
	size_t			 count;
	int			 loaded;
};
int	 dynlib_load(struct dynlib *);

/* embed.c (generated by tools/embed.c): files compiled into the binary. */
struct embedded {
	const char	*name;
	const char	*data;
	size_t		 len;
};
extern const struct embedded embedded_files[];
extern const size_t embedded_count;
const struct embedded *embedded_find(const char *);

/* ---------------------------------------------------------------------- */
/* errlist.c: the problems found in one input, listed for people. */

#define ERRLIST_SHOW 50

struct errlist {
	const char	*file;
	const char	*sheet;		/* a spreadsheet: "file: sheet!B12" */
	unsigned long	 count;
	struct buf	 text;
};

void	 errlist_init(struct errlist *, const char *file);
void	 errlist_release(struct errlist *);
/*
 * Record "file:line:column: field: message"; column and field may be
 * 0/NULL.  When sheet is set, line and column are a row and a column of
 * that sheet, and the place reads "file: sheet!L2043".
 */
void	 errlist_add(struct errlist *, unsigned long line, unsigned long col,
	    const char *field, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
/* Print what was recorded, at most ERRLIST_SHOW items, then a count. */
void	 errlist_print(const struct errlist *, FILE *);

/* ---------------------------------------------------------------------- */
/* csv.c: a streaming CSV reader over libcsv. */

/*
 * The reader calls back once per record with its fields; the callback
 * returns 0 to go on or -1 to stop.  Positions are 1-based: line is the
 * line on which the record starts.
 */
struct csv_record {
	char		**field;
	size_t		 *len;
	size_t		  count;
	unsigned long	  line;
};

typedef int (*csv_record_fn)(const struct csv_record *, void *);

/*
 * Read the stream to its end.  Returns 0, or -1 after reporting a
 * malformed input as "name:line:column: message" through the error list.
 * The first record is the header.  Size caps: a record over 1 MiB is
 * malformed.
 */
int	 csv_read(FILE *, const char *name, csv_record_fn, void *,
	    struct errlist *, void (*progress)(uint64_t bytes, void *));
/* Read a compiled-in CSV file (embedded_find) through fn; a file that is
 * not there or malformed is palermo's own fault: it dies saying so. */
void	 embedded_csv(const char *name, csv_record_fn, void *);

/* jsonl.c: a file of JSON lines, each line (not blank, not over 1 MiB,
 * UTF-8, a byte order mark dropped) given to fn with its number; the
 * problems listed in el.  0, or -1 when fn failed (it says why), a line
 * was too long or the stream could not be read. */
typedef int (*jsonl_fn)(const char *, size_t, unsigned long line, void *);
int	 jsonl_read(FILE *, jsonl_fn, void *, struct errlist *,
	    void (*progress)(uint64_t bytes, void *));

/* Append one field to b, quoted when needed. */
/* A CSV field, quoted where it must be.  A text that a spreadsheet would
 * take for a formula (it begins with =, +, -, @, a tab or a carriage
 * return, and is not a number) is written after a single quote, which
 * spreadsheets show as text; csv_read takes that quote off again. */
void	 csv_put(struct buf *, const char *, size_t);
/* Whether a value is such a text (or such a text after quotes). */
int	 csv_guarded(const char *, size_t);

/* ---------------------------------------------------------------------- */
/* xlsx.c: a streaming reader of .xlsx worksheets over libzip and expat. */

/*
 * The bytes kept of a sheet's name, with its NUL.  Excel allows 31
 * characters, at most 93 bytes of UTF-8; a longer name is cut at a
 * character boundary.
 */
#define XLSX_SHEET_NAME_MAX	128

/*
 * Read the worksheet named sheet (NULL: the first sheet) of the .xlsx file
 * at path, calling fn once per <row> in the order of the file.  field[i]
 * is the text of column i + 1 (A is field[0]), up to the last non-empty
 * cell of the row; missing cells are empty strings; line is the row number
 * (rows absent from the file are skipped, so lines may jump).  A row with
 * no text has count 0.  Texts are valid UTF-8, NUL-terminated, and owned
 * by the reader until fn returns.  Shared and inline strings come as their
 * text, rich runs joined; numbers as written, except that a whole number
 * written with an exponent or ".0" comes as the plain integer ("1.0E3"
 * gives "1000"); booleans as 0 or 1; errors as their text ("#N/A"); dates
 * are numbers, as Excel stores them.
 *
 * fn returns 0 to go on or -1 to stop.  progress, when not NULL, is told
 * now and then the bytes of sheet XML read so far.  fn and progress are
 * called on the caller's thread, although a large sheet is parsed on up to
 * four threads.
 *
 * Returns 0, or -1 after reporting through el: with line 0 a file that is
 * not an xlsx, a sheet not found (naming those there are), a corrupt or
 * truncated zip, malformed XML ("part:line:column: malformed XML: ...");
 * at the cell, a bad shared-string index, a cell past column XFD (16384),
 * a text over 1 MiB or a row over 16 MiB, in which case the row is not
 * passed to fn and reading goes on.  Returns -1 with nothing new reported
 * when fn stopped, and -1 when fn added to el.  Sets el->sheet to the
 * sheet's name, which stays valid until the next call: it is kept in one
 * static buffer of XLSX_SHEET_NAME_MAX bytes, so that only one call may run
 * at a time in a process.
 */
int	 xlsx_read(const char *path, const char *sheet, csv_record_fn, void *,
	    struct errlist *, void (*progress)(uint64_t bytes, void *));

/* ---------------------------------------------------------------------- */
/*
 * file.c: the one writer of files.  A file is put whole or not at all
 * (a new file beside it, synced, renamed over it) and never through a
 * symbolic link: a link where a file goes is replaced, a link where a
 * folder is opened is refused.  The folders on the way to either are
 * taken as the path names them.  Every function says what went wrong.
 */

/* Open the folder at path for writing into, made first when make is set
 * (its parent must exist); path must not be a symbolic link ("out/" and
 * "out/." are out).  A descriptor, or -1. */
int	 dir_open(const char *path, int make);
/* Open (making it when missing) the folder name inside the folder dir;
 * path names it in messages.  A descriptor, or -1. */
int	 dir_openat(int dir, const char *name, const char *path);
/* Put len bytes at name inside the folder dir; path names it in
 * messages.  0 or -1. */
int	 file_putat(int dir, const char *name, const void *, size_t len,
	    const char *path);
/* Put len bytes at path: "-" and /dev/stdout are the standard output;
 * /dev/stderr and /dev/fd/N are those descriptors; a device or a pipe,
 * even behind a link, is written in place; anything else as file_putat
 * does in the folder that holds it.  0 or -1. */
int	 file_put(const char *path, const void *, size_t len);
/* Write all len bytes to fd, whatever write() takes at a time; 0, or -1
 * after a message naming path. */
int	 fd_write(int fd, const char *path, const void *, size_t len);
/* Append the whole file at path to b; 0 or -1. */
int	 file_get(const char *path, struct buf *);

/* A file written as a stream, for outputs too large to hold in memory,
 * with the same rules as file_put. */
struct file_out {
	FILE		*fp;
	int		 dir;		/* the folder of a new file, or -1 */
	char		*name;		/* its name there */
	struct buf	 tmp;		/* the new file's name, "" if none */
	const char	*path;
};
/* Open: NULL or "-" is the standard output.  The stream, or NULL. */
FILE	*file_out_open(struct file_out *, const char *path);
/* Flush and, when ok, put the file in place; when not ok (or when the
 * writing failed) the new file is removed and the old one stays.  0 or
 * -1 (a write error is said, unless the caller already failed). */
int	 file_out_close(struct file_out *, int ok);

/* ---------------------------------------------------------------------- */
/* xml.c: the escaping writer for HTML, SVG and XML. */

/* The code point at s and its byte length in *n; -1 for malformed UTF-8. */
long	 utf8_decode(const char *, size_t *n);
/* The number of characters in s. */
size_t	 utf8_count(const char *);
/*
 * Append s to b as text or the inside of a quoted attribute: & < > " '
 * become references; control characters and malformed UTF-8 become
 * U+FFFD.  With max > 0, a longer text is cut to max - 1 characters and an
 * ellipsis.
 */
void	 xml_escape(struct buf *, const char *, size_t max);

/* ---------------------------------------------------------------------- */
/* numbers.c: numbers as people read them. */

/* "212–224", or "212" when lo == hi; into buf of 64. */
void	 range_format(int64_t lo, int64_t hi, char buf[64]);
/* "12.3" for n of d as a percentage, "" when d is 0; into buf of 32. */
void	 pct_format(int64_t n, int64_t d, char buf[32]);
/* lo to hi per 100,000 of pop, with two decimals rounded half up:
 * "0.41", or "0.41–0.45" for a range; "" when pop is not positive. */
void	 rate_format(int64_t lo, int64_t hi, int64_t pop, char buf[64]);
/* "1,234,567" into buf of 32. */
void	 int_format(int64_t, char buf[32]);
/* Cents as "1,234,567.89", for people, into buf of 40 (model.h's
 * money_format writes them without separators). */
void	 money_text(int64_t cents, char buf[40]);
/* Minor units of a currency of exp decimals the same way: "1,234,567"
 * for none, "1,234.567" for three. */
void	 amount_text(int64_t, int exp, char buf[40]);

#endif
