/*
 * cmd_import.c: "palermo import cases": victim case records into the store.
 *
 * Intake never writes half a file.  The whole file is read in one
 * transaction; every value is validated, and any problem rolls the
 * transaction back, lists every problem (up to ERRLIST_SHOW) as
 * file:line:column: field: message, and exits 1 with the database as it
 * was.  The file is hashed (SHA-256) while it streams, for provenance and
 * to refuse importing the same file twice.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "palermo.h"
#include "store.h"

/* A FILE that hashes what is read through it. */
struct hashing {
	FILE				*in;
	crypto_hash_sha256_state	 st;
};

static ssize_t
hashing_read(void *cookie, char *buf, size_t n)
{
	struct hashing	*h = cookie;
	size_t		 got = fread(buf, 1, n, h->in);

	if (got == 0 && ferror(h->in))
		return -1;
	crypto_hash_sha256_update(&h->st, (const unsigned char *)buf, got);
	return (ssize_t)got;
}

static void
hashing_hex(struct hashing *h, char out[65])
{
	unsigned char	 d[crypto_hash_sha256_BYTES];

	crypto_hash_sha256_final(&h->st, d);
	sodium_bin2hex(out, 65, d, sizeof(d));
}

struct import {
	const char		*file;
	struct store		*st;
	int64_t			 submission;
	enum format_id		 format;
	int			 format_given;
	struct case_reader	*reader;
	struct errlist		 el;
	uint64_t		 rows;
	uint64_t		 size;		/* of the file, 0 if unknown */
	int			 tty;
	struct timespec		 start, last;
	int			 shown;
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

static int
store_case(struct import *im, unsigned long line, const struct case_rec *c)
{
	im->rows++;
	/* once the file is known to be bad, only validation goes on */
	if (im->el.count)
		return 0;
	return im->st->ops->case_add(im->st, im->submission, line, c);
}

static int
on_record(const struct csv_record *r, void *arg)
{
	struct import	*im = arg;
	struct case_rec	 c;

	if (im->reader == NULL) {
		if (!im->format_given) {
			int f = format_detect(r);

			if (f == -1) {
				errlist_add(&im->el, r->line, 0, NULL, "cannot "
				    "tell the format from the header; name it "
				    "with --format");
				return -1;
			}
			im->format = f;
		}
		im->reader = case_reader_new(im->format, r, &im->el);
		return im->reader ? 0 : -1;
	}
	if (case_reader_map(im->reader, r, &c) == -1) {
		im->rows++;
		return 0;
	}
	return store_case(im, r->line, &c);
}

/* palermo's JSON: one object per line; blank lines are skipped. */
static int
read_json(FILE *fp, struct import *im)
{
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 n;
	unsigned long	 lineno = 0;
	struct case_rec	 c;
	uint64_t	 bytes = 0;
	int		 rc = 0;

	while ((n = getline(&line, &cap, fp)) != -1) {
		lineno++;
		bytes += (uint64_t)n;
		if (lineno == 1 && n >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) {
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
		if (case_json_map(line, (size_t)n, lineno, &im->el, &c) == -1) {
			im->rows++;
			continue;
		}
		if (store_case(im, lineno, &c) == -1) {
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
has_json_name(const char *path)
{
	static const char *const ext[] = { ".json", ".jsonl", ".ndjson" };
	size_t	 n = strlen(path);

	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++)
		if (n > strlen(ext[i]) &&
		    str_eqi(path + n - strlen(ext[i]), ext[i]))
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

static int
import_cases(const char *path, const char *source, const char *format,
    int replace, const char *db)
{
	struct import		 im;
	struct submission	 sub;
	struct hashing		 h;
	struct stat		 sb;
	cookie_io_functions_t	 io = { hashing_read, NULL, NULL, NULL };
	FILE			*fp = NULL;
	int64_t			 source_id, old = 0;
	int			 ret = EXIT_STORE, in_tx = 0, c, found, rc;
	const char		*name = strcmp(path, "-") == 0 ? "(stdin)" :
				    path;

	memset(&im, 0, sizeof(im));
	memset(&h, 0, sizeof(h));
	im.file = name;
	errlist_init(&im.el, name);
	if (format != NULL) {
		if ((c = format_find(format)) == -1) {
			ret = usage_error("import", "unknown format '%s'",
			    format);
			goto out;
		}
		im.format = c;
		im.format_given = 1;
	}
	if (sodium_init() < 0)
		die("libsodium failed to start");
	crypto_hash_sha256_init(&h.st);
	if (strcmp(path, "-") == 0)
		h.in = stdin;
	else if ((h.in = fopen(path, "rb")) == NULL) {
		error("%s: %s", path, strerror(errno));
		ret = EXIT_REJECTED;
		goto out;
	}
	if (fstat(fileno(h.in), &sb) == 0 && S_ISREG(sb.st_mode))
		im.size = (uint64_t)sb.st_size;
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
	sub.kind = "cases";
	sub.file_name = base_name(name);
	sub.operator_name = operator_name();
	memset(sub.sha256, '0', 64);
	time_iso(sub.created_at);
	if (im.st->ops->source_ensure(im.st, source, &source_id) == -1)
		goto out;
	/* the format is known once the header is read; name it then */
	sub.format = "pending";
	if (im.st->ops->submission_add(im.st, source_id, &sub) == -1)
		goto out;
	im.submission = sub.id;

	/* JSON: named so, or a file that starts with '{'; else CSV */
	c = getc(fp);
	if (c != EOF)
		ungetc(c, fp);
	if ((im.format_given && im.format == FORMAT_JSON) ||
	    (!im.format_given && (c == '{' || has_json_name(name)))) {
		im.format = FORMAT_JSON;
		rc = read_json(fp, &im);
	} else
		rc = csv_read(fp, name, on_record, &im, &im.el, progress);
	if (im.shown)
		fprintf(stderr, "\r\033[K");
	if (rc == -1 && im.el.count == 0)
		goto out;	/* the store failed and said so */
	if (im.el.count == 0 && im.rows == 0)
		errlist_add(&im.el, 0, 0, NULL, "no records%s",
		    im.format == FORMAT_JSON ? "" : " after the header");
	if (im.el.count) {
		errlist_print(&im.el, stderr);
		fprintf(stderr, "%s: %s: rejected: %lu problem%s; nothing was "
		    "imported\n", progname, name, im.el.count,
		    im.el.count == 1 ? "" : "s");
		ret = EXIT_REJECTED;
		goto out;
	}

	hashing_hex(&h, sub.sha256);
	if (im.st->ops->submission_find(im.st, source_id, "cases", sub.sha256,
	    NULL, sub.id, &old) == -1)
		goto out;
	if (old == 0 && replace && im.st->ops->submission_find(im.st,
	    source_id, "cases", NULL, sub.file_name, sub.id, &old) == -1)
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
	    format_names[im.format], sub.sha256, (int64_t)im.rows) == -1)
		goto out;
	if (im.st->ops->commit(im.st) == -1)
		goto out;
	in_tx = 0;
	fprintf(stderr, "%s: imported %llu case%s from %s (%s) as submission "
	    "%lld for source '%s'%s\n", progname, (unsigned long long)im.rows,
	    im.rows == 1 ? "" : "s", name, format_names[im.format],
	    (long long)sub.id, source,
	    old ? " (replacing the earlier submission)" : "");
	ret = EXIT_DONE;
out:
	if (in_tx)
		im.st->ops->rollback(im.st);
	if (im.st)
		im.st->ops->close(im.st);
	case_reader_free(im.reader);
	errlist_release(&im.el);
	if (fp)
		fclose(fp);
	if (h.in && h.in != stdin)
		fclose(h.in);
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
		return usage_error("import", "say what to import: cases");
	if (strcmp(argv[0], "cases") != 0)
		return usage_error("import", "cannot import '%s'; palermo "
		    "imports: cases", argv[0]);
	if (argc != 2)
		return usage_error("import", "name one FILE to import");
	if (source == NULL || *source == '\0')
		return usage_error("import", "--source NAME is required");
	return import_cases(argv[1], source, format, replace, db_path(db));
}
