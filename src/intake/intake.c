/*
 * intake.c: one file becomes one submission.  A file of case records,
 * official statistics or population figures is read in one transaction;
 * every value is validated, and any problem rolls the transaction back
 * and lists every problem (up to ERRLIST_SHOW) as file:line:column:
 * field: message, with the store as it was.  The file is hashed (SHA-256)
 * for provenance and to refuse importing the same file twice.  What
 * differs between the kinds of data is only how a record is read; the
 * table of kinds below says it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "intake/intake_int.h"

const char *const intake_kind_names[INTAKE__MAX] = {
	[INTAKE_CASES] = "cases",
	[INTAKE_STATS] = "stats",
	[INTAKE_POPULATION] = "population",
};

/* One file being read. */
struct import {
	const struct intake	*kind;
	const struct intake_request *req;
	struct intake_result	*res;
	struct errlist		*el;		/* res->el */
	const char		*file;
	struct store		*st;
	int64_t			 submission;
	struct pipe		 pipe;
	int			 format;	/* of the kind's own list */
	int			 format_given;
	uint64_t		 rows;
	uint64_t		 size;		/* of the file, 0 if unknown */
	/* cases */
	struct case_reader	*cases;
	/* statistics */
	struct stat_reader	*stats;
	struct origin_map	*om;
	struct editions		 ed;
	int			 ed_started;
	struct buf		 json;
	/* population: the columns of iso3, year, sex, age, population */
	int			 pcol[5];
	int			 year_max;	/* this year, or today's */
	int			 header_seen;
	int			 xlsx;		/* reading a spreadsheet */
};

/* How one kind of data is read. */
struct intake {
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

/* Tell the caller how far the reading is. */
static void
progress(uint64_t bytes, void *arg)
{
	struct import	*im = arg;

	if (im->req->progress != NULL)
		im->req->progress(bytes, im->size, im->rows, im->req->arg);
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
	if (im->el->count || im->pipe.failed)
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
			errlist_add(im->el, r->line, 0, NULL, "cannot tell the "
			    "format from the header; name it with --format");
			return -1;
		}
		im->format = f;
	}
	im->cases = case_reader_new(im->format, r, im->el);
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

	if (case_json_map(line, n, lineno, im->year_max, im->el, &c) == -1) {
		im->rows++;
		return 0;
	}
	if ((q = writing(im, Q_CASE, lineno)) != NULL)
		q->u.c = c;
	return im->pipe.failed ? -1 : 0;
}

/* --- statistics ------------------------------------------------------- */

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
		errlist_add(im->el, r->line, 0, NULL, "cannot tell the format "
		    "from the header; name it with --format");
		return -1;
	}
	im->format = f;
	im->stats = stat_reader_new(f, r, im->el, im->om);
	return im->stats ? 0 : -1;
}

static void
note_unmapped(struct import *im, const struct stat_rec *s)
{
	if (s->country == NR)
		im->res->areas++;
	if (s->origin_kind != OKIND_UNMAPPED)
		return;
	for (size_t i = 0; i < im->res->nunmapped; i++)
		if (strcmp(im->res->unmapped[i].text, s->origin_text) == 0) {
			im->res->unmapped[i].n++;
			return;
		}
	im->res->unmapped = xreallocarray(im->res->unmapped, im->res->nunmapped + 1,
	    sizeof(*im->res->unmapped));
	im->res->unmapped[im->res->nunmapped].text = xstrdup(s->origin_text);
	im->res->unmapped[im->res->nunmapped++].n = 1;
}

static int
stat_add(struct import *im, unsigned long line, const struct stat_rec *s)
{
	struct qrec	*q;

	note_unmapped(im, s);
	if (editions_add(&im->ed, s, line, im->format != SFMT_UNODC,
	    im->el) == -1) {
		im->rows++;
		return 0;
	}
	if ((q = writing(im, Q_STAT, line)) != NULL) {
		q->u.s = *s;
		pipe_keep_strings(&im->pipe, q, s);
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

	if (stat_json_map(&im->stats, line, n, lineno, im->el, im->om, &s,
	    &im->json) == -1) {
		im->rows++;
		return 0;
	}
	return stat_add(im, lineno, &s);
}

static int
unmapped_cmp(const void *a, const void *b)
{
	const struct intake_unmapped *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->text, y->text);
}

static void
stat_finish(struct import *im)
{
	if (im->res->nunmapped)
		qsort(im->res->unmapped, im->res->nunmapped,
		    sizeof(*im->res->unmapped), unmapped_cmp);
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
			errlist_add(im->el, r->line, 0, pop_cols[c], "column "
			    "missing from the header (expected iso3, year, "
			    "sex, age_group, population; sex and age_group may "
			    "be left out)");
			bad = 1;
		}
	}
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
		errlist_add(im->el, r->line, (unsigned long)im->pcol[0] + 1,
		    "iso3", "unknown country '%s'", r->field[im->pcol[0]]);
		bad = 1;
	}
	if (parse_int(r->field[im->pcol[1]], 1900, im->year_max + 50, &v) ==
	    -1) {
		errlist_add(im->el, r->line, (unsigned long)im->pcol[1] + 1,
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
			errlist_add(im->el, r->line, (unsigned long)im->pcol[i]
			    + 1, pop_cols[i], "unknown value '%s'; expected "
			    "%s", f, i == 2 ? "total, female, male, other or "
			    "unknown" : "total, 0-17, 18+ or unknown");
			bad = 1;
		} else
			*(i == 2 ? &p.sex : &p.age) = k;
	}
	if (parse_int(r->field[im->pcol[4]], 0, INT64_MAX, &v) == -1) {
		errlist_add(im->el, r->line, (unsigned long)im->pcol[4] + 1,
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

static const struct intake intakes[INTAKE__MAX] = {
	[INTAKE_CASES] = { "cases", FORMAT__MAX, format_names, FORMAT_JSON, 0,
	    case_header, case_record, case_json, NULL },
	[INTAKE_STATS] = { "values", SFMT__MAX, stat_format_names, SFMT_JSON,
	    1, stat_header, stat_record, stat_json, stat_finish },
	[INTAKE_POPULATION] = { "population figures", 1, pop_formats, -1, 0,
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

/* One object of a JSON-lines file, to the kind's reader. */
static int
json_line(const char *text, size_t len, unsigned long line, void *arg)
{
	struct import	*im = arg;

	return im->kind->json(im, text, len, line);
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

int
json_named(const char *name)
{
	static const char *const json_ext[] = { ".json", ".jsonl", ".ndjson" };

	return has_suffix(name, json_ext, 3);
}

/* The base name of a path, for provenance. */
static const char *
base_name(const char *path)
{
	const char	*s = strrchr(path, '/');

	return s ? s + 1 : path;
}

int
intake_kind_find(const char *name)
{
	return name_find(intake_kind_names, INTAKE__MAX, name);
}

int
intake_format_find(enum intake_kind kind, const char *name)
{
	return name_find(intakes[kind].formats, intakes[kind].nformats, name);
}

/*
 * The stream to read and what it is: the file at req->path ("-" the
 * standard input), or req->data; *xlsx is set for a spreadsheet, which is
 * read by name (a spreadsheet given in memory is written to a private
 * file first, whose name goes in tmp).  Returns the stream, or NULL after
 * saying why (the file is then rejected).
 */
static FILE *
source_open(struct import *im, struct hash *h, int *xlsx, struct buf *tmp,
    FILE **in)
{
	static const char *const xlsx_ext[] = { ".xlsx" };
	const struct intake_request *req = im->req;
	struct stat	 sb;
	char		 magic[4];
	FILE		*fp;

	*in = NULL;
	/* a file named so is a spreadsheet; data is one when it is a zip */
	*xlsx = im->kind->xlsx && req->path != NULL &&
	    has_suffix(im->file, xlsx_ext, 1);
	if (req->path == NULL) {
		*in = fmemopen((void *)(uintptr_t)req->data, req->len, "rb");
		if (*in == NULL)
			die("fmemopen failed");
		im->size = req->len;
		if (im->kind->xlsx && req->len >= 4 && memcmp(req->data,
		    "PK\x03\x04", 4) == 0) {
			const char	*dir = getenv("TMPDIR");
			int		 fd, rc;

			*xlsx = 1;
			buf_addf(tmp, "%s/palermo-upload-XXXXXX.xlsx", dir &&
			    *dir ? dir : "/tmp");
			if ((fd = mkstemps(tmp->s, 5)) == -1) {
				error("%s: %s", tmp->s, strerror(errno));
				buf_reset(tmp);
				return NULL;
			}
			rc = fd_write(fd, tmp->s, req->data, req->len);
			if (close(fd) == -1 && rc == 0)
				rc = error("%s: %s", tmp->s, strerror(errno));
			if (rc == -1)
				return NULL;
		}
	} else if (strcmp(req->path, "-") == 0)
		*in = stdin;
	else if ((*in = fopen(req->path, "rb")) == NULL) {
		error("%s: %s", req->path, strerror(errno));
		return NULL;
	}
	if (req->path != NULL && fstat(fileno(*in), &sb) == 0 &&
	    S_ISREG(sb.st_mode)) {
		im->size = (uint64_t)sb.st_size;
		/* a zip archive is a spreadsheet, whatever its name */
		if (im->kind->xlsx && fread(magic, 1, 4, *in) == 4 &&
		    memcmp(magic, "PK\x03\x04", 4) == 0)
			*xlsx = 1;
		rewind(*in);
	} else if (req->path != NULL && *in != stdin &&
	    !S_ISFIFO(sb.st_mode)) {
		error("%s: not a regular file", req->path);
		return NULL;
	}
	if ((fp = hash_reader(h, *in)) == NULL)
		die("fopencookie failed");
	return fp;
}

int
intake_file(struct store *st, const struct intake_request *req,
    struct intake_result *res)
{
	const struct intake	*kind = &intakes[req->kind];
	struct import		 im;
	struct submission	 sub;
	struct hash		*h = NULL;
	struct buf		 tmp = BUF_INIT;
	char			 today[11];
	FILE			*fp = NULL, *in = NULL;
	int64_t			 source_id, old = 0;
	int			 ret = -1, in_tx = 0, c, found, rc, xlsx = 0;
	const char		*name = req->name ? req->name :
				    req->path == NULL ? "(data)" :
				    strcmp(req->path, "-") == 0 ? "(stdin)" :
				    req->path;

	memset(&im, 0, sizeof(im));
	memset(res, 0, sizeof(*res));
	im.kind = kind;
	im.req = req;
	im.res = res;
	im.el = &res->el;
	im.file = name;
	im.st = st;
	im.format = req->format;
	im.format_given = req->format >= 0;
	res->noun = kind->noun;
	buf_init(&im.json, 0);
	errlist_init(&res->el, name);
	/* a $PALERMO_TODAY that is no date is said once, before any row */
	if (today_iso(today) == -1 || (h = hash_new()) == NULL)
		goto out;
	im.year_max = current_year();
	if ((fp = source_open(&im, h, &xlsx, &tmp, &in)) == NULL) {
		ret = 1;
		goto out;
	}
	if (st->ops->begin(st) == -1)
		goto out;
	in_tx = 1;
	memset(&sub, 0, sizeof(sub));
	sub.kind = intake_kind_names[req->kind];
	sub.file_name = base_name(name);
	sub.operator_name = operator_name();
	memset(sub.sha256, '0', 64);
	time_iso(sub.created_at);
	if (st->ops->source_ensure(st, req->source, &source_id) == -1)
		goto out;
	/* the format is known once the header is read; named then */
	sub.format = "pending";
	if (st->ops->submission_add(st, source_id, &sub) == -1)
		goto out;
	im.submission = sub.id;
	/* the readings of origins, before the store is the writer's */
	if (req->kind == INTAKE_STATS) {
		if ((im.om = origin_map_load(st)) == NULL)
			goto out;
		im.ed_started = 1;
		if (editions_start(&im.ed, st) == -1)
			goto out;
	}
	pipe_start(&im.pipe, st, im.submission);

	im.xlsx = xlsx;
	im.ed.line_word = xlsx ? "row" : "line";
	if (xlsx) {
		const char *path = tmp.len ? tmp.s : req->path;

		if (hash_file(h, path) == -1) {
			ret = 1;
			goto out;
		}
		im.format = SFMT_UNODC;
		rc = xlsx_read(path, NULL, on_record, &im, &res->el, progress);
	} else {
		/* JSON: named so, or a file that starts with '{'; else CSV */
		c = getc(fp);
		if (c != EOF)
			ungetc(c, fp);
		if (kind->json_format >= 0 && ((im.format_given && im.format ==
		    kind->json_format) || (!im.format_given && (c == '{' ||
		    json_named(name))))) {
			im.format = kind->json_format;
			rc = jsonl_read(fp, json_line, &im, &res->el,
			    progress);
		} else
			rc = csv_read(fp, name, on_record, &im, &res->el,
			    progress);
	}
	if (pipe_stop(&im.pipe) == -1)
		goto out;	/* the store failed and said so */
	res->rows = im.rows;
	if (rc == -1 && res->el.count == 0)
		goto out;
	if (res->el.count == 0 && im.rows == 0)
		errlist_add(&res->el, 0, 0, NULL, "no records%s",
		    im.format == kind->json_format ? "" : " after the header");
	if (res->el.count) {
		ret = 1;
		goto out;
	}

	hash_hex(h, sub.sha256);
	if (st->ops->submission_find(st, source_id, sub.kind, sub.sha256,
	    NULL, sub.id, &old) == -1)
		goto out;
	if (old == 0 && req->replace && st->ops->submission_find(st,
	    source_id, sub.kind, NULL, sub.file_name, sub.id, &old) == -1)
		goto out;
	if (old && !req->replace) {
		error("%s: this file (SHA-256 %.12s...) was already imported "
		    "for source '%s' as submission %lld; nothing was imported "
		    "(use --replace to replace it)", name, sub.sha256,
		    req->source, (long long)old);
		ret = 1;
		goto out;
	}
	if (im.ed_started && (rc = editions_finish(&im.ed, st, req, name,
	    sub.id, old, res)) != 0) {
		ret = rc;
		goto out;
	}
	if (old && st->ops->submission_remove(st, old, &found) == -1)
		goto out;
	res->format = xlsx ? "unodc-xlsx" : kind->formats[im.format];
	res->format_shown = xlsx ? "unodc, xlsx" : kind->formats[im.format];
	if (st->ops->submission_finish(st, sub.id, res->format, sub.sha256,
	    (int64_t)im.rows) == -1)
		goto out;
	if (st->ops->commit(st) == -1)
		goto out;
	in_tx = 0;
	res->submission = sub.id;
	res->replaced = old != 0;
	if (kind->finish)
		kind->finish(&im);
	ret = 0;
out:
	pipe_stop(&im.pipe);
	if (in_tx)
		st->ops->rollback(st);
	case_reader_free(im.cases);
	stat_reader_free(im.stats);
	origin_map_free(im.om);
	if (im.ed_started)
		editions_release(&im.ed);
	buf_release(&im.json);
	if (fp)
		fclose(fp);
	if (in && in != stdin)
		fclose(in);
	if (tmp.len)
		unlink(tmp.s);
	buf_release(&tmp);
	hash_free(h);
	return ret;
}

void
intake_result_release(struct intake_result *res)
{
	for (size_t i = 0; i < res->nunmapped; i++)
		free(res->unmapped[i].text);
	free(res->unmapped);
	free(res->supers);
	errlist_release(&res->el);
	memset(res, 0, sizeof(*res));
}
