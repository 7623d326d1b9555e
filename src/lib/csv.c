/*
 * csv.c: a streaming CSV reader over libcsv.
 *
 * palermo reads every CSV through here, so that every format gets the same
 * treatment of malformed input: invalid UTF-8, NUL bytes, unbalanced quotes,
 * records with the wrong number of fields, duplicated header names and
 * oversized records are reported with their line and column and never
 * crash or half-read a file.  Memory does not grow with the file: one record
 * is held at a time.
 *
 * libcsv does not report positions, so the reader feeds it one line at a
 * time and counts the lines itself.
 */
#include <csv.h>
#include <string.h>

#include "lib/lib.h"

#define CHUNK		(64 * 1024)
#define RECORD_MAX	(1024 * 1024)

struct csvin {
	struct csv_parser	 p;
	const char		*name;
	struct errlist		*el;
	csv_record_fn		 fn;
	void			*arg;
	struct buf		*fields;	/* one buffer per column */
	char			**fieldp;
	size_t			*lens;
	size_t			 nalloc;
	size_t			 n;		/* fields in this record */
	size_t			 ncols;		/* fields in the header */
	unsigned long		 line;		/* line being fed */
	unsigned long		 rec_line;	/* line the record began on */
	int			 rec_open;	/* a record has begun */
	int			 header_done;
	int			 bad;		/* this record had a bad field */
	int			 stop;
	size_t			 rec_bytes;	/* fed since the record began */
	size_t			 rec_fields;	/* in its fields so far */
};

static void
field_cb(void *s, size_t len, void *data)
{
	struct csvin	*in = data;
	struct buf	*b;

	if (in->stop)
		return;
	if (in->n == in->nalloc) {
		size_t	 old = in->nalloc;

		in->nalloc = old ? old * 2 : 64;
		in->fields = xreallocarray(in->fields, in->nalloc,
		    sizeof(*in->fields));
		in->fieldp = xreallocarray(in->fieldp, in->nalloc,
		    sizeof(*in->fieldp));
		in->lens = xreallocarray(in->lens, in->nalloc,
		    sizeof(*in->lens));
		for (size_t i = old; i < in->nalloc; i++)
			buf_init(&in->fields[i], RECORD_MAX);
	}
	b = &in->fields[in->n];
	buf_reset(b);
	/* utf8_valid refuses NUL bytes too; tell the two apart only then */
	if (!utf8_valid(s, len)) {
		if (memchr(s, '\0', len) != NULL)
			errlist_add(in->el, in->rec_line, in->n + 1, NULL,
			    "NUL byte in field");
		else
			errlist_add(in->el, in->rec_line, in->n + 1, NULL,
			    "invalid UTF-8 (palermo reads CSV as UTF-8)");
		in->bad = 1;
	} else if (len >= 2 && ((const char *)s)[0] == '\'' &&
	    csv_guarded((const char *)s + 1, len - 1))
		/* a value guarded from spreadsheets, as palermo writes it */
		buf_add(b, (const char *)s + 1, len - 1);
	else
		buf_add(b, s, len);
	in->rec_fields += len;
	if (b->overflow || in->rec_fields > RECORD_MAX) {
		errlist_add(in->el, in->rec_line, 0, NULL, "record longer than "
		    "%d bytes", RECORD_MAX);
		in->stop = 1;
	}
	in->fieldp[in->n] = b->s;
	in->lens[in->n] = b->len;
	in->n++;
}

/* Check the header: names present, unique. */
static int
header_check(struct csvin *in)
{
	int	 ok = 1;

	for (size_t i = 0; i < in->n; i++) {
		if (in->lens[i] == 0) {
			errlist_add(in->el, in->rec_line, i + 1, NULL,
			    "empty column name in the header");
			ok = 0;
		}
		for (size_t j = 0; j < i; j++)
			if (in->lens[i] && str_eqi(in->fieldp[i],
			    in->fieldp[j])) {
				errlist_add(in->el, in->rec_line, i + 1, NULL,
				    "duplicated column name '%s' (also column "
				    "%zu)", in->fieldp[i], j + 1);
				ok = 0;
			}
	}
	return ok ? 0 : -1;
}

static void
record_cb(int c, void *data)
{
	struct csvin		*in = data;
	struct csv_record	 r;

	(void)c;
	if (in->stop)
		goto out;
	if (!in->header_done) {
		in->header_done = 1;
		in->ncols = in->n;
		if (in->bad || header_check(in) == -1) {
			in->stop = 1;
			goto out;
		}
	} else if (in->n != in->ncols) {
		errlist_add(in->el, in->rec_line, 0, NULL,
		    "expected %zu fields as in the header, found %zu",
		    in->ncols, in->n);
		goto out;
	}
	if (in->bad)
		goto out;
	r.field = in->fieldp;
	r.len = in->lens;
	r.count = in->n;
	r.line = in->rec_line;
	if (in->fn(&r, in->arg) == -1)
		in->stop = 1;
out:
	in->n = 0;
	in->bad = 0;
	in->rec_open = 0;
	in->rec_bytes = 0;
	in->rec_fields = 0;
}

/* Feed one piece of a line (the whole line when it fits a chunk). */
static int
feed(struct csvin *in, const char *s, size_t len)
{
	if (!in->rec_open && !(len == 1 && s[0] == '\n') &&
	    !(len == 2 && s[0] == '\r' && s[1] == '\n')) {
		in->rec_open = 1;
		in->rec_line = in->line;
	}
	if (csv_parse(&in->p, s, len, field_cb, record_cb, in) != len) {
		errlist_add(in->el, in->line, in->n + 1, NULL,
		    "malformed quoting: a quote inside an unquoted field, or "
		    "text after a closing quote");
		return -1;
	}
	if (in->stop)
		return -1;
	if (in->rec_open) {
		in->rec_bytes += len;
		if (in->rec_bytes > RECORD_MAX) {
			errlist_add(in->el, in->rec_line, 0, NULL,
			    "record longer than %d bytes (an unbalanced "
			    "quote?)", RECORD_MAX);
			return -1;
		}
	}
	return 0;
}

int
csv_read(FILE *fp, const char *name, csv_record_fn fn, void *arg,
    struct errlist *el, void (*progress)(uint64_t, void *))
{
	struct csvin	 in;
	char		*chunk = NULL;
	size_t		 n;
	uint64_t	 total = 0;
	int		 rc = -1;

	memset(&in, 0, sizeof(in));
	in.name = name;
	in.el = el;
	in.fn = fn;
	in.arg = arg;
	in.line = 1;
	if (csv_init(&in.p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
	    != 0)
		die("csv_init failed");
	chunk = xmalloc(CHUNK);
	while ((n = fread(chunk, 1, CHUNK, fp)) > 0) {
		const char	*p = chunk, *e = chunk + n, *nl;

		/* a UTF-8 byte order mark before the header is allowed */
		if (total == 0 && n >= 3 && memcmp(chunk, "\xef\xbb\xbf", 3) == 0)
			p += 3;

		while (p < e) {
			nl = memchr(p, '\n', (size_t)(e - p));
			if (feed(&in, p, nl ? (size_t)(nl - p + 1) :
			    (size_t)(e - p)) == -1)
				goto out;
			if (nl == NULL)
				break;
			in.line++;
			p = nl + 1;
		}
		total += n;
		if (progress)
			progress(total, arg);
	}
	if (ferror(fp)) {
		errlist_add(el, 0, 0, NULL, "read error");
		goto out;
	}
	if (csv_fini(&in.p, field_cb, record_cb, &in) != 0) {
		errlist_add(el, in.rec_line, 0, NULL,
		    "unterminated quoted field at the end of the file");
		goto out;
	}
	if (in.stop)
		goto out;
	if (!in.header_done) {
		errlist_add(el, 0, 0, NULL, "empty file: no header");
		goto out;
	}
	rc = el->count ? -1 : 0;
out:
	csv_free(&in.p);
	for (size_t i = 0; i < in.nalloc; i++)
		buf_release(&in.fields[i]);
	free(in.fields);
	free(in.fieldp);
	free(in.lens);
	free(chunk);
	return rc;
}

int
csv_guarded(const char *s, size_t len)
{
	size_t	 i = 1, digits = 0;

	/* a guarded text that begins with the quote is guarded again, so
	 * that reading takes off only the one added */
	if (len >= 2 && s[0] == '\'')
		return csv_guarded(s + 1, len - 1);
	if (len == 0 || strchr("=+-@\t\r", s[0]) == NULL || s[0] == '\0')
		return 0;
	/* a number, signed, is a number */
	if (s[0] == '+' || s[0] == '-') {
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
		if (i < len && s[i] == '.')
			for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
				digits++;
		if (i == len && digits > 0)
			return 0;
	}
	return 1;
}

void
csv_put(struct buf *b, const char *s, size_t len)
{
	int	 guard = csv_guarded(s, len);
	/* libcsv trims spaces and tabs around unquoted fields */
	int	 quote = len && ((!guard && (s[0] == ' ' || s[0] == '\t')) ||
	    s[len - 1] == ' ' || s[len - 1] == '\t');

	for (size_t i = 0; i < len && !quote; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			quote = 1;
	if (!quote) {
		if (guard)
			buf_addc(b, '\'');
		buf_add(b, s, len);
		return;
	}
	buf_addc(b, '"');
	if (guard)
		buf_addc(b, '\'');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_addc(b, '"');
		buf_addc(b, s[i]);
	}
	buf_addc(b, '"');
}

void
embedded_csv(const char *name, csv_record_fn fn, void *arg)
{
	const struct embedded	*e = embedded_find(name);
	const char		*base = strrchr(name, '/');
	struct errlist		 el;
	FILE			*fp;

	base = base ? base + 1 : name;
	if (e == NULL)
		die("%s is not compiled in", name);
	if ((fp = fmemopen((void *)(uintptr_t)e->data, e->len, "r")) == NULL)
		die("fmemopen failed");
	errlist_init(&el, base);
	if (csv_read(fp, base, fn, arg, &el, NULL) == -1) {
		errlist_print(&el, stderr);
		die("compiled-in %s is malformed", base);
	}
	errlist_release(&el);
	fclose(fp);
}
