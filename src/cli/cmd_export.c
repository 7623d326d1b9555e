/*
 * cmd_export.c: "palermo export cases" writes the stored cases, and
 * "palermo sample cases" writes generated ones; both go through the one
 * writer of intake/cases.c, so every format palermo writes, it also reads.
 */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"

struct writer {
	FILE		*fp;
	enum format_id	 format;
	struct buf	 b;
};

static int
write_case(const struct case_rec *c, int64_t submission, void *arg)
{
	struct writer	*w = arg;

	(void)submission;
	case_write(w->format, c, &w->b);
	if (w->b.len >= 64 * 1024) {
		if (fwrite(w->b.s, 1, w->b.len, w->fp) != w->b.len)
			return -1;
		buf_reset(&w->b);
	}
	return 0;
}

static int
writer_finish(struct writer *w, const char *out, int ok)
{
	int	 ret;

	if (ok && w->b.len && fwrite(w->b.s, 1, w->b.len, w->fp) != w->b.len)
		ok = 0;
	buf_release(&w->b);
	ret = out_close(w->fp, out);
	return ok ? ret : EXIT_STORE;
}

/* The options export and sample share; -1 on a usage error. */
struct wopts {
	const char	*format, *out, *db, *count, *seed;
};

static int
parse(const char *cmd, int argc, char **argv, struct wopts *o, int *rest)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'o' },
		{ "db", required_argument, NULL, 'd' },
		{ "count", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	int	 ch;

	memset(o, 0, sizeof(*o));
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		switch (ch) {
		case 'f':
			o->format = optarg;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 'd':
			o->db = optarg;
			break;
		case 'n':
			o->count = optarg;
			break;
		case 's':
			o->seed = optarg;
			break;
		default:
			option_error(cmd, ch, argv);
			return -1;
		}
	if (optind >= argc || (strcmp(argv[optind], "cases") != 0 &&
	    strcmp(argv[optind], strcmp(cmd, "export") == 0 ? "stats" :
	    "coordination") != 0 && (strcmp(cmd, "export") == 0 ||
	    strcmp(argv[optind], "fund") != 0)) || optind + 1 != argc) {
		usage_error(cmd, "say what to %s: %s", cmd,
		    strcmp(cmd, "export") == 0 ? "cases or stats" :
		    "cases, coordination or fund");
		return -1;
	}
	*rest = optind;
	return 0;
}

static int
writer_open(const char *cmd, const struct wopts *o, struct writer *w)
{
	int	 f = FORMAT_PALERMO;

	if (o->format && (f = format_find(o->format)) == -1)
		return usage_error(cmd, "unknown format '%s'", o->format);
	w->format = f;
	buf_init(&w->b, 0);
	if ((w->fp = out_open(o->out)) == NULL)
		return EXIT_STORE;
	case_write_header(w->format, &w->b);
	return EXIT_DONE;
}

int
cmd_export(int argc, char **argv)
{
	struct wopts	 o;
	struct writer	 w;
	struct store	*st;
	int		 rest, ret, ok;

	if (parse("export", argc, argv, &o, &rest) == -1)
		return EXIT_USAGE;
	if (o.count || o.seed)
		return usage_error("export", "--count and --seed are for "
		    "'palermo sample'");
	if (strcmp(argv[rest], "stats") == 0)
		return export_stats(o.format, o.out, db_path(o.db));
	if (o.format && format_find(o.format) == -1)
		return usage_error("export", "unknown format '%s'", o.format);
	if (store_open(&st, db_path(o.db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	if ((ret = writer_open("export", &o, &w)) != EXIT_DONE) {
		st->ops->close(st);
		return ret;
	}
	ok = st->ops->case_each(st, 0, INT64_MAX, write_case, &w) == 0;
	st->ops->close(st);
	return writer_finish(&w, o.out, ok);
}

int
cmd_sample(int argc, char **argv)
{
	struct wopts	 o;
	struct writer	 w;
	struct rng	 r;
	struct case_rec	 c;
	long long	 count = 1000, seed = 1;
	int		 rest, ret, ok = 1;

	if (parse("sample", argc, argv, &o, &rest) == -1)
		return EXIT_USAGE;
	if (o.count && parse_int(o.count, 0, 1000000000LL, &count) == -1)
		return usage_error("sample", "--count takes a whole number "
		    "from 0 to 1000000000");
	if (o.seed && parse_int(o.seed, 0, INT64_MAX, &seed) == -1)
		return usage_error("sample", "--seed takes a whole number");
	/* coordination data goes into the database; cases to a file, and
	 * --db is accepted for them as on every command */
	if (strcmp(argv[rest], "coordination") == 0)
		return o.format || o.out || o.count ? usage_error("sample",
		    "coordination takes --seed and --db only") :
		    sample_coordination(db_path(o.db), (uint64_t)seed);
	if (strcmp(argv[rest], "fund") == 0)
		return o.format || o.out ? usage_error("sample", "fund takes "
		    "--count, --seed and --db only") : sample_fund(db_path(o.db),
		    (uint64_t)seed, o.count ? count : 1000);
	if ((ret = writer_open("sample", &o, &w)) != EXIT_DONE)
		return ret;
	rng_seed(&r, (uint64_t)seed);
	for (long long i = 0; i < count && ok; i++) {
		sample_case(&r, &c);
		ok = write_case(&c, 0, &w) == 0;
	}
	return writer_finish(&w, o.out, ok);
}
