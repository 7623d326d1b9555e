/*
 * cmd_import.c: "palermo import cases|stats|population": files into the
 * store, each as one submission.
 *
 * Intake never writes half a file.  The whole file is read in one
 * transaction; every value is validated, and any problem rolls the
 * transaction back, lists every problem (up to ERRLIST_SHOW) as
 * file:line:column: field: message, and exits 1 with the database as it
 * was.  The file is hashed (SHA-256) for provenance and to refuse
 * importing the same file twice.  What differs between the kinds of data
 * is only how a record is read; the table of kinds below says it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

/*
 * A FILE that hashes what is read through it.  SHA-256 comes from
 * OpenSSL's libcrypto rather than libsodium: libcrypto uses the CPU's SHA
 * instructions where there are any, which makes hashing about four times
 * faster, and hashing is a tenth of an import's time with libsodium.
 * libcrypto is loaded when an import starts (see dynlib.c).
 */
#define CRYPTO_FUNCS(X, v) X(v, EVP_MD_CTX_new) X(v, EVP_MD_CTX_free) \
	X(v, EVP_sha256) X(v, EVP_DigestInit_ex) X(v, EVP_DigestUpdate) \
	X(v, EVP_DigestFinal_ex)
static struct crypto_fns {
	CRYPTO_FUNCS(DYNLIB_MEMBER, _)
} cl;
static const char *const crypto_names[] = { CRYPTO_FUNCS(DYNLIB_NAME, cl) };
static void *const crypto_addrs[] = { CRYPTO_FUNCS(DYNLIB_ADDR, cl) };
static struct dynlib crypto_lib = { SO_CRYPTO, crypto_names, crypto_addrs,
    sizeof(crypto_names) / sizeof(crypto_names[0]), 0 };

struct hashing {
	FILE		*in;
	EVP_MD_CTX	*st;
};

static ssize_t
hashing_read(void *cookie, char *buf, size_t n)
{
	struct hashing	*h = cookie;
	size_t		 got = fread(buf, 1, n, h->in);

	if (got == 0 && ferror(h->in))
		return -1;
	cl.EVP_DigestUpdate(h->st, buf, got);
	return (ssize_t)got;
}

/*
 * The records go to the store on a second thread: the reading thread
 * parses and validates while the writing thread inserts, each with a core
 * of its own.  Records travel in batches; strings are copied into the
 * batch.  Only the writing thread touches the store while the pipe runs.
 */
#define BATCH	2048

enum { Q_CASE, Q_STAT, Q_POP };

struct qrec {
	int		 kind;
	unsigned long	 line;
	union {
		struct case_rec	 c;
		struct stat_rec	 s;
		struct pop_rec	 p;
	} u;
	size_t		 str[3];	/* offsets of a value's strings + 1 */
};

struct batch {
	struct qrec	*r;
	size_t		 n;
	struct buf	 strings;
};

struct pipe {
	pthread_t	 th;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct batch	 b[2];
	int		 fill;		/* the batch being filled */
	int		 ready;		/* handed to the writer, or -1 */
	int		 stop, failed, started;
	struct store	*st;
	int64_t		 submission;
};

static size_t
keep_str(struct batch *b, const char *s)
{
	size_t	 off;

	if (s == NULL)
		return 0;
	off = b->strings.len;
	buf_add(&b->strings, s, strlen(s) + 1);
	return off + 1;
}

static int
batch_write(struct pipe *p, struct batch *b)
{
	for (size_t i = 0; i < b->n; i++) {
		struct qrec	*q = &b->r[i];
		int		 rc = 0;

		switch (q->kind) {
		case Q_CASE:
			rc = p->st->ops->case_add(p->st, p->submission, q->line,
			    &q->u.c);
			break;
		case Q_STAT:
			q->u.s.country_text = q->str[0] ?
			    b->strings.s + q->str[0] - 1 : NULL;
			q->u.s.origin_text = q->str[1] ?
			    b->strings.s + q->str[1] - 1 : NULL;
			q->u.s.note = q->str[2] ? b->strings.s + q->str[2] - 1 :
			    NULL;
			rc = p->st->ops->stat_add(p->st, p->submission, q->line,
			    &q->u.s);
			break;
		case Q_POP:
			rc = p->st->ops->pop_add(p->st, p->submission, q->line,
			    &q->u.p);
			break;
		}
		if (rc == -1)
			return -1;
	}
	return 0;
}

static void *
pipe_main(void *arg)
{
	struct pipe	*p = arg;
	int		 i;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->ready == -1 && !p->stop)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->ready == -1)
			break;
		i = p->ready;
		pthread_mutex_unlock(&p->mu);
		if (!p->failed && batch_write(p, &p->b[i]) == -1)
			p->failed = 1;
		pthread_mutex_lock(&p->mu);
		p->ready = -1;
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static void
pipe_start(struct pipe *p, struct store *st, int64_t submission)
{
	memset(p, 0, sizeof(*p));
	p->st = st;
	p->submission = submission;
	p->ready = -1;
	for (int i = 0; i < 2; i++) {
		p->b[i].r = xreallocarray(NULL, BATCH, sizeof(*p->b[i].r));
		buf_init(&p->b[i].strings, 0);
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	if (pthread_create(&p->th, NULL, pipe_main, p) != 0)
		die("cannot start a thread");
	p->started = 1;
}

/* Hand the batch being filled to the writer; wait for it to be free. */
static void
pipe_flush(struct pipe *p)
{
	pthread_mutex_lock(&p->mu);
	while (p->ready != -1)
		pthread_cond_wait(&p->cv, &p->mu);
	if (p->b[p->fill].n) {
		p->ready = p->fill;
		p->fill ^= 1;
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	p->b[p->fill].n = 0;
	buf_reset(&p->b[p->fill].strings);
}

/* The next free record of the batch being filled. */
static struct qrec *
pipe_next(struct pipe *p)
{
	if (p->b[p->fill].n == BATCH)
		pipe_flush(p);
	return &p->b[p->fill].r[p->b[p->fill].n++];
}

/* Write what is left and stop the writer; 0, or -1 if a write failed. */
static int
pipe_stop(struct pipe *p)
{
	if (!p->started)
		return 0;
	pipe_flush(p);
	pthread_mutex_lock(&p->mu);
	while (p->ready != -1)
		pthread_cond_wait(&p->cv, &p->mu);
	p->stop = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	pthread_join(p->th, NULL);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	for (int i = 0; i < 2; i++) {
		free(p->b[i].r);
		buf_release(&p->b[i].strings);
	}
	p->started = 0;
	return p->failed ? -1 : 0;
}

/* An origin text that nothing maps, and how often it came. */
struct unmapped {
	char		*text;
	uint64_t	 n;
};

struct import {
	const struct intake	*kind;
	const char		*file;
	struct store		*st;
	int64_t			 submission;
	struct pipe		 pipe;
	int			 format;	/* of the kind's own list */
	int			 format_given;
	struct errlist		 el;
	uint64_t		 rows;
	uint64_t		 size;		/* of the file, 0 if unknown */
	int			 tty;
	struct timespec		 start, last;
	int			 shown;
	/* cases */
	struct case_reader	*cases;
	/* statistics */
	struct stat_reader	*stats;
	struct origin_map	*om;
	struct buf		 json;
	struct unmapped		*unmapped;
	size_t			 nunmapped;
	uint64_t		 areas;		/* rows of non-ISO areas */
	/* population: the columns of iso3, year, sex, age, population */
	int			 pcol[5];
	size_t			 pncols;
	int			 header_seen;
	int			 xlsx;		/* reading a spreadsheet */
};

/* How one kind of data is read. */
struct intake {
	const char	*name;
	const char	*noun;		/* "cases", "values" */
	int		 nformats;
	const char *const *formats;
	int		 json_format;	/* -1: no JSON */
	int		 xlsx;		/* reads the portal's xlsx */
	int		(*header)(struct import *, const struct csv_record *);
	int		(*record)(struct import *, const struct csv_record *);
	int		(*json)(struct import *, const char *, size_t,
			    unsigned long);
	void		(*finish)(struct import *);
};

static double
since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* Progress on a terminal, once an import has run for two seconds. */
static void
progress(uint64_t bytes, void *arg)
{
	struct import	*im = arg;
	struct timespec	 now;

	if (!im->tty)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (since(&im->start, &now) < 2 || since(&im->last, &now) < 0.25)
		return;
	im->last = now;
	im->shown = 1;
	if (im->size)
		fprintf(stderr, "\rimporting %s: %llu records, %.0f%%   ",
		    im->file, (unsigned long long)im->rows,
		    100.0 * (double)bytes / (double)im->size);
	else
		fprintf(stderr, "\rimporting %s: %llu records   ", im->file,
		    (unsigned long long)im->rows);
}

/*
 * A record to write, or NULL once the file is known to be bad (then only
 * validation goes on) or the store failed (then reading stops).
 */
static struct qrec *
writing(struct import *im, int kind, unsigned long line)
{
	struct qrec	*q;

	im->rows++;
	if (im->el.count || im->pipe.failed)
		return NULL;
	q = pipe_next(&im->pipe);
	q->kind = kind;
	q->line = line;
	return q;
}

/* --- cases ------------------------------------------------------------ */

static int
case_header(struct import *im, const struct csv_record *r)
{
	if (!im->format_given) {
		int f = format_detect(r);

		if (f == -1) {
			errlist_add(&im->el, r->line, 0, NULL, "cannot tell the "
			    "format from the header; name it with --format");
			return -1;
		}
		im->format = f;
	}
	im->cases = case_reader_new(im->format, r, &im->el);
	return im->cases ? 0 : -1;
}

static int
case_record(struct import *im, const struct csv_record *r)
{
	struct case_rec	 c;

	struct qrec	*q;

	if (case_reader_map(im->cases, r, &c) == -1) {
		im->rows++;
		return 0;
	}
	if ((q = writing(im, Q_CASE, r->line)) != NULL)
		q->u.c = c;
	return im->pipe.failed ? -1 : 0;
}

static int
case_json(struct import *im, const char *line, size_t n, unsigned long lineno)
{
	struct case_rec	 c;

	struct qrec	*q;

	if (case_json_map(line, n, lineno, &im->el, &c) == -1) {
		im->rows++;
		return 0;
	}
	if ((q = writing(im, Q_CASE, lineno)) != NULL)
		q->u.c = c;
	return im->pipe.failed ? -1 : 0;
}

/* --- statistics ------------------------------------------------------- */

static int
origins_ready(struct import *im)
{
	if (im->om != NULL)
		return 0;
	return (im->om = origin_map_load(im->st)) == NULL ? -1 : 0;
}

static int
stat_header(struct import *im, const struct csv_record *r)
{
	int	 f = stat_detect(r);

	/* a spreadsheet may have lines before its header: skip them */
	if (f == -1 && im->xlsx && r->line < 10)
		return 1;
	if (im->format_given)
		f = im->format;
	if (f == -1) {
		errlist_add(&im->el, r->line, 0, NULL, "cannot tell the format "
		    "from the header; name it with --format");
		return -1;
	}
	im->format = f;
	if (origins_ready(im) == -1)
		return -1;
	im->stats = stat_reader_new(f, r, &im->el, im->om);
	return im->stats ? 0 : -1;
}

static void
note_unmapped(struct import *im, const struct stat_rec *s)
{
	if (s->country == NR)
		im->areas++;
	if (s->origin_kind != OKIND_UNMAPPED)
		return;
	for (size_t i = 0; i < im->nunmapped; i++)
		if (strcmp(im->unmapped[i].text, s->origin_text) == 0) {
			im->unmapped[i].n++;
			return;
		}
	im->unmapped = xreallocarray(im->unmapped, im->nunmapped + 1,
	    sizeof(*im->unmapped));
	im->unmapped[im->nunmapped].text = xstrdup(s->origin_text);
	im->unmapped[im->nunmapped++].n = 1;
}

static int
stat_add(struct import *im, unsigned long line, const struct stat_rec *s)
{
	struct qrec	*q;
	struct batch	*b;

	note_unmapped(im, s);
	if ((q = writing(im, Q_STAT, line)) != NULL) {
		b = &im->pipe.b[im->pipe.fill];
		q->u.s = *s;
		q->str[0] = keep_str(b, s->country_text);
		q->str[1] = keep_str(b, s->origin_text);
		q->str[2] = keep_str(b, s->note);
	}
	return im->pipe.failed ? -1 : 0;
}

static int
stat_record(struct import *im, const struct csv_record *r)
{
	struct stat_rec	 s;

	if (stat_reader_map(im->stats, r, &s) == -1) {
		im->rows++;
		return 0;
	}
	return stat_add(im, r->line, &s);
}

static int
stat_json(struct import *im, const char *line, size_t n, unsigned long lineno)
{
	struct stat_rec	 s;

	if (origins_ready(im) == -1)
		return -1;
	if (stat_json_map(&im->stats, line, n, lineno, &im->el, im->om, &s,
	    &im->json) == -1) {
		im->rows++;
		return 0;
	}
	return stat_add(im, lineno, &s);
}

static int
unmapped_cmp(const void *a, const void *b)
{
	const struct unmapped *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->text, y->text);
}

static void
stat_finish(struct import *im)
{
	if (im->areas)
		fprintf(stderr, "%s: %llu value%s for areas without an ISO "
		    "3166-1 code, kept under their names\n", progname,
		    (unsigned long long)im->areas, im->areas == 1 ? " is" :
		    "s are");
	if (im->nunmapped == 0)
		return;
	qsort(im->unmapped, im->nunmapped, sizeof(*im->unmapped),
	    unmapped_cmp);
	fprintf(stderr, "%s: %zu origin texts are not mapped to a country or "
	    "region; they are kept as written (add readings with 'palermo map "
	    "origins FILE'):\n", progname, im->nunmapped);
	for (size_t i = 0; i < im->nunmapped; i++)
		fprintf(stderr, "  %6llu  %s\n",
		    (unsigned long long)im->unmapped[i].n,
		    im->unmapped[i].text);
}

/* --- population ------------------------------------------------------- */

static const char *const pop_cols[5] = {
	"iso3", "year", "sex", "age_group", "population",
};

static int
pop_header(struct import *im, const struct csv_record *r)
{
	int	 bad = 0;

	for (int c = 0; c < 5; c++) {
		im->pcol[c] = -1;
		for (size_t i = 0; i < r->count; i++)
			if (str_eqi(r->field[i], pop_cols[c]) ||
			    (c == 3 && str_eqi(r->field[i], "age")))
				im->pcol[c] = (int)i;
		if (im->pcol[c] == -1 && c != 2 && c != 3) {
			errlist_add(&im->el, r->line, 0, pop_cols[c], "column "
			    "missing from the header (expected iso3, year, "
			    "sex, age_group, population; sex and age_group may "
			    "be left out)");
			bad = 1;
		}
	}
	im->pncols = r->count;
	im->format = 0;
	return bad ? -1 : 0;
}

static int
pop_record(struct import *im, const struct csv_record *r)
{
	const struct country	*c;
	struct pop_rec		 p;
	long long		 v;
	int			 bad = 0, k;
	const char		*f;

	if (im->pcol[0] >= 0 && country_resolve(r->field[im->pcol[0]], &c) ==
	    COUNTRY_FOUND)
		p.country = c->numeric;
	else {
		errlist_add(&im->el, r->line, (unsigned long)im->pcol[0] + 1,
		    "iso3", "unknown country '%s'", r->field[im->pcol[0]]);
		bad = 1;
	}
	if (parse_int(r->field[im->pcol[1]], 1900, current_year() + 50, &v) ==
	    -1) {
		errlist_add(&im->el, r->line, (unsigned long)im->pcol[1] + 1,
		    "year", "'%s' is not a year", r->field[im->pcol[1]]);
		bad = 1;
	} else
		p.year = (int)v;
	for (int i = 2; i <= 3; i++) {
		enum code_list l = i == 2 ? CL_SEX : CL_AGE_GROUP;

		f = im->pcol[i] >= 0 ? r->field[im->pcol[i]] : "total";
		if (*f == '\0')
			f = "total";
		if ((k = code_find(l, f)) == -1) {
			errlist_add(&im->el, r->line, (unsigned long)im->pcol[i]
			    + 1, pop_cols[i], "unknown value '%s'; expected "
			    "%s", f, i == 2 ? "total, female, male, other or "
			    "unknown" : "total, 0-17, 18+ or unknown");
			bad = 1;
		} else
			*(i == 2 ? &p.sex : &p.age) = k;
	}
	if (parse_int(r->field[im->pcol[4]], 0, INT64_MAX, &v) == -1) {
		errlist_add(&im->el, r->line, (unsigned long)im->pcol[4] + 1,
		    "population", "'%s' is not a whole number of people",
		    r->field[im->pcol[4]]);
		bad = 1;
	} else
		p.population = v;
	if (bad) {
		im->rows++;
		return 0;
	}
	{
		struct qrec *q = writing(im, Q_POP, r->line);

		if (q != NULL)
			q->u.p = p;
	}
	return im->pipe.failed ? -1 : 0;
}

/* --- the table of kinds ----------------------------------------------- */

static const char *const pop_formats[] = { "csv" };

static const struct intake intakes[] = {
	{ "cases", "cases", FORMAT__MAX, format_names, FORMAT_JSON, 0,
	    case_header, case_record, case_json, NULL },
	{ "stats", "values", SFMT__MAX, stat_format_names, SFMT_JSON, 1,
	    stat_header, stat_record, stat_json, stat_finish },
	{ "population", "population figures", 1, pop_formats, -1, 0,
	    pop_header, pop_record, NULL, NULL },
};

static int
on_record(const struct csv_record *r, void *arg)
{
	struct import	*im = arg;
	int		 rc;

	if (!im->header_seen) {
		if ((rc = im->kind->header(im, r)) == 1)
			return 0;	/* a line before the header */
		im->header_seen = 1;
		return rc;
	}
	return im->kind->record(im, r);
}

/* One object per line; blank lines are skipped. */
static int
read_json(FILE *fp, struct import *im)
{
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 n;
	unsigned long	 lineno = 0;
	uint64_t	 bytes = 0;
	int		 rc = 0;

	while ((n = getline(&line, &cap, fp)) != -1) {
		lineno++;
		bytes += (uint64_t)n;
		if (lineno == 1 && n >= 3 && memcmp(line, "\xef\xbb\xbf", 3) ==
		    0) {
			memmove(line, line + 3, (size_t)n - 2);
			n -= 3;		/* a byte order mark */
		}
		if (n > 1024 * 1024) {
			errlist_add(&im->el, lineno, 0, NULL, "line longer "
			    "than 1 MiB");
			rc = -1;
			break;
		}
		if (strspn(line, " \t\r\n") == (size_t)n)
			continue;
		if (!utf8_valid(line, (size_t)n)) {
			errlist_add(&im->el, lineno, 0, NULL, "invalid UTF-8 "
			    "or a NUL byte");
			im->rows++;
			continue;
		}
		if (im->kind->json(im, line, (size_t)n, lineno) == -1) {
			rc = -1;
			break;
		}
		if ((lineno & 4095) == 0)
			progress(bytes, im);
	}
	if (ferror(fp)) {
		errlist_add(&im->el, 0, 0, NULL, "read error");
		rc = -1;
	}
	free(line);
	return rc;
}

static int
has_suffix(const char *path, const char *const *ext, size_t n)
{
	size_t	 len = strlen(path);

	for (size_t i = 0; i < n; i++)
		if (len > strlen(ext[i]) &&
		    str_eqi(path + len - strlen(ext[i]), ext[i]))
			return 1;
	return 0;
}

/* The base name of a path, for provenance. */
static const char *
base_name(const char *path)
{
	const char	*s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* SHA-256 of a whole file, for the xlsx that is read by path. */
static int
hash_file(const char *path, struct hashing *h)
{
	char	 buf[65536];
	FILE	*fp;
	size_t	 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return error("%s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		cl.EVP_DigestUpdate(h->st, buf, n);
	n = (size_t)ferror(fp);
	fclose(fp);
	return n ? error("%s: read error", path) : 0;
}

static int
import_file(const struct intake *kind, const char *path, const char *source,
    const char *format, int replace, const char *db)
{
	static const char *const json_ext[] = { ".json", ".jsonl", ".ndjson" };
	static const char *const xlsx_ext[] = { ".xlsx" };
	struct import		 im;
	struct submission	 sub;
	struct hashing		 h;
	struct stat		 sb;
	cookie_io_functions_t	 io = { hashing_read, NULL, NULL, NULL };
	unsigned char		 d[EVP_MAX_MD_SIZE];
	unsigned int		 dlen = 0;
	FILE			*fp = NULL;
	int64_t			 source_id, old = 0;
	int			 ret = EXIT_STORE, in_tx = 0, c, found, rc;
	int			 xlsx;
	const char		*name = strcmp(path, "-") == 0 ? "(stdin)" :
				    path;

	memset(&im, 0, sizeof(im));
	memset(&h, 0, sizeof(h));
	im.kind = kind;
	im.file = name;
	im.format = -1;
	buf_init(&im.json, 0);
	errlist_init(&im.el, name);
	if (format != NULL) {
		im.format = -1;
		for (int i = 0; i < kind->nformats; i++)
			if (strcmp(kind->formats[i], format) == 0)
				im.format = i;
		if (im.format == -1) {
			ret = usage_error("import", "unknown format '%s' for "
			    "%s", format, kind->name);
			goto out;
		}
		im.format_given = 1;
	}
	xlsx = kind->xlsx && has_suffix(name, xlsx_ext, 1);
	if (xlsx && strcmp(path, "-") == 0) {
		ret = usage_error("import", "an xlsx file is read by name, not "
		    "from standard input");
		goto out;
	}
	if (dynlib_load(&crypto_lib) == -1) {
		ret = EXIT_STORE;
		goto out;
	}
	if ((h.st = cl.EVP_MD_CTX_new()) == NULL ||
	    cl.EVP_DigestInit_ex(h.st, cl.EVP_sha256(), NULL) != 1)
		die("cannot start SHA-256");
	if (strcmp(path, "-") == 0)
		h.in = stdin;
	else if ((h.in = fopen(path, "rb")) == NULL) {
		error("%s: %s", path, strerror(errno));
		ret = EXIT_REJECTED;
		goto out;
	}
	if (fstat(fileno(h.in), &sb) == 0 && S_ISREG(sb.st_mode)) {
		char	 magic[4];

		im.size = (uint64_t)sb.st_size;
		/* a zip archive is a spreadsheet, whatever its name */
		if (kind->xlsx && fread(magic, 1, 4, h.in) == 4 &&
		    memcmp(magic, "PK\x03\x04", 4) == 0)
			xlsx = 1;
		rewind(h.in);
	}
	else if (h.in != stdin && !S_ISFIFO(sb.st_mode)) {
		error("%s: not a regular file", path);
		ret = EXIT_REJECTED;
		goto out;
	}
	if ((fp = fopencookie(&h, "r", io)) == NULL)
		die("fopencookie failed");
	im.tty = isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &im.start);

	if (store_open(&im.st, db, STORE_EXISTING) == -1)
		goto out;
	if (im.st->ops->begin(im.st) == -1)
		goto out;
	in_tx = 1;
	memset(&sub, 0, sizeof(sub));
	sub.kind = kind->name;
	sub.file_name = base_name(name);
	sub.operator_name = operator_name();
	memset(sub.sha256, '0', 64);
	time_iso(sub.created_at);
	if (im.st->ops->source_ensure(im.st, source, &source_id) == -1)
		goto out;
	/* the format is known once the header is read; named then */
	sub.format = "pending";
	if (im.st->ops->submission_add(im.st, source_id, &sub) == -1)
		goto out;
	im.submission = sub.id;
	/* the store is the writer's from here until pipe_stop */
	if (kind->xlsx && origins_ready(&im) == -1)
		goto out;
	pipe_start(&im.pipe, im.st, im.submission);

	im.xlsx = xlsx;
	if (xlsx) {
		if (hash_file(path, &h) == -1) {
			ret = EXIT_REJECTED;
			goto out;
		}
		im.format = SFMT_UNODC;
		rc = xlsx_read(path, NULL, on_record, &im, &im.el, progress);
	} else {
		/* JSON: named so, or a file that starts with '{'; else CSV */
		c = getc(fp);
		if (c != EOF)
			ungetc(c, fp);
		if (kind->json_format >= 0 && ((im.format_given && im.format ==
		    kind->json_format) || (!im.format_given && (c == '{' ||
		    has_suffix(name, json_ext, 3))))) {
			im.format = kind->json_format;
			rc = read_json(fp, &im);
		} else
			rc = csv_read(fp, name, on_record, &im, &im.el,
			    progress);
	}
	if (im.shown)
		fprintf(stderr, "\r\033[K");
	if (pipe_stop(&im.pipe) == -1)
		goto out;	/* the store failed and said so */
	if (rc == -1 && im.el.count == 0)
		goto out;
	if (im.el.count == 0 && im.rows == 0)
		errlist_add(&im.el, 0, 0, NULL, "no records%s",
		    im.format == kind->json_format ? "" : " after the header");
	if (im.el.count) {
		errlist_print(&im.el, stderr);
		fprintf(stderr, "%s: %s: rejected: %lu problem%s; nothing was "
		    "imported\n", progname, name, im.el.count,
		    im.el.count == 1 ? "" : "s");
		ret = EXIT_REJECTED;
		goto out;
	}

	if (cl.EVP_DigestFinal_ex(h.st, d, &dlen) != 1 || dlen != 32)
		die("SHA-256 failed");
	for (unsigned int i = 0; i < dlen; i++)
		snprintf(sub.sha256 + 2 * i, 3, "%02x", d[i]);
	if (im.st->ops->submission_find(im.st, source_id, kind->name,
	    sub.sha256, NULL, sub.id, &old) == -1)
		goto out;
	if (old == 0 && replace && im.st->ops->submission_find(im.st,
	    source_id, kind->name, NULL, sub.file_name, sub.id, &old) == -1)
		goto out;
	if (old && !replace) {
		error("%s: this file (SHA-256 %.12s...) was already imported "
		    "for source '%s' as submission %lld; nothing was imported "
		    "(use --replace to replace it)", name, sub.sha256, source,
		    (long long)old);
		ret = EXIT_REJECTED;
		goto out;
	}
	if (old && im.st->ops->submission_remove(im.st, old, &found) == -1)
		goto out;
	if (im.st->ops->submission_finish(im.st, sub.id,
	    xlsx ? "unodc-xlsx" : kind->formats[im.format], sub.sha256,
	    (int64_t)im.rows) == -1)
		goto out;
	if (im.st->ops->commit(im.st) == -1)
		goto out;
	in_tx = 0;
	fprintf(stderr, "%s: imported %llu %s from %s (%s) as submission "
	    "%lld for source '%s'%s\n", progname, (unsigned long long)im.rows,
	    kind->noun, name, xlsx ? "unodc, xlsx" :
	    kind->formats[im.format], (long long)sub.id, source,
	    old ? " (replacing the earlier submission)" : "");
	if (kind->finish)
		kind->finish(&im);
	ret = EXIT_DONE;
out:
	pipe_stop(&im.pipe);
	if (in_tx)
		im.st->ops->rollback(im.st);
	if (im.st)
		im.st->ops->close(im.st);
	case_reader_free(im.cases);
	stat_reader_free(im.stats);
	origin_map_free(im.om);
	for (size_t i = 0; i < im.nunmapped; i++)
		free(im.unmapped[i].text);
	free(im.unmapped);
	buf_release(&im.json);
	errlist_release(&im.el);
	if (fp)
		fclose(fp);
	if (h.in && h.in != stdin)
		fclose(h.in);
	if (h.st)
		cl.EVP_MD_CTX_free(h.st);
	return ret;
}

int
cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "source", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "replace", no_argument, NULL, 'r' },
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char	*source = NULL, *format = NULL, *db = NULL;
	int		 replace = 0, ch;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		switch (ch) {
		case 's':
			source = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'r':
			replace = 1;
			break;
		case 'd':
			db = optarg;
			break;
		default:
			return option_error("import", ch, argv);
		}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		return usage_error("import", "say what to import: cases, stats "
		    "or population");
	for (size_t i = 0; i < sizeof(intakes) / sizeof(intakes[0]); i++) {
		if (strcmp(argv[0], intakes[i].name) != 0)
			continue;
		if (argc != 2)
			return usage_error("import", "name one FILE to import");
		if (source == NULL || *source == '\0')
			return usage_error("import", "--source NAME is "
			    "required");
		return import_file(&intakes[i], argv[1], source, format,
		    replace, db_path(db));
	}
	return usage_error("import", "cannot import '%s'; palermo imports: "
	    "cases, stats, population", argv[0]);
}
