/*
 * cmd_sample.c: "palermo sample": generated data for trying palermo out,
 * realistic in shape but describing no real person: case records to a
 * file, or the coordination registers and a history of the Trust Fund
 * into the database, each labelled as a sample (sample/).
 */
#include <string.h>

#include "cli/cli.h"

struct sample_opts {
	const char	*format, *out, *count, *seed;
	long long	 n, s;		/* checked */
};

static int
sample_cases_run(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct sample_opts *o = opts;
	FILE		*fp;
	int		 f = FORMAT_PALERMO;

	(void)cl;	/* --db is accepted as on every command, unused */
	(void)argc;
	(void)argv;
	if (o->format && (f = intake_format_find(INTAKE_CASES, o->format)) ==
	    -1)
		return usage_error("sample", "unknown format '%s'", o->format);
	if ((fp = out_open(o->out)) == NULL)
		return EXIT_STORE;
	return out_close(fp, o->out, sample_cases(fp, f, o->count ? o->n :
	    1000, (uint64_t)o->s) == 0);
}

static int
sample_coord_run(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct sample_opts *o = opts;
	struct store	*st;

	(void)argc;
	(void)argv;
	if (o->format || o->out || o->count)
		return usage_error("sample", "coordination takes --seed and "
		    "--db only");
	if ((st = cli_store(cl)) == NULL ||
	    sample_coordination(st, (uint64_t)o->s) == -1)
		return EXIT_STORE;
	fprintf(stderr, "%s: filled %s with generated coordination data "
	    "(labelled as a sample)\n", progname, db_path(cl->db));
	return EXIT_DONE;
}

static int
sample_fund_run(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct sample_opts *o = opts;
	struct store	*st;
	int64_t		 made;

	(void)argc;
	(void)argv;
	if (o->format || o->out)
		return usage_error("sample", "fund takes --count, --seed and "
		    "--db only");
	if ((st = cli_store(cl)) == NULL || (made = sample_fund(st,
	    (uint64_t)o->s, o->count ? o->n : 1000)) == -1)
		return EXIT_STORE;
	fprintf(stderr, "%s: wrote a generated history of the Trust Fund to "
	    "%s: %lld journal entries (labelled as a sample)\n", progname,
	    db_path(cl->db), (long long)made);
	return EXIT_DONE;
}

static const struct subcommand sample_subs[] = {
	{ "cases", 0, 0, sample_cases_run },
	{ "coordination", 0, 0, sample_coord_run },
	{ "fund", 0, 0, sample_fund_run },
	{ NULL, 0, 0, NULL },
};

static int
sample_run(struct cli *cl, void *opts, int argc, char **argv)
{
	struct sample_opts *o = opts;
	const struct subcommand *sub;

	if (argc != 1 || (sub = cli_subcommand(sample_subs, argv[0])) == NULL)
		return usage_error("sample", "say what to sample: cases, "
		    "coordination or fund");
	o->s = 1;
	if (o->count && parse_int(o->count, 0, 1000000000LL, &o->n) == -1)
		return usage_error("sample", "--count takes a whole number "
		    "from 0 to 1000000000");
	if (o->seed && parse_int(o->seed, 0, INT64_MAX, &o->s) == -1)
		return usage_error("sample", "--seed takes a whole number");
	return sub->run(cl, o, 0, argv + 1);
}

static const struct opt sample_opts[] = {
	OPT_VALUE("format", struct sample_opts, format),
	OPT_VALUE("out", struct sample_opts, out),
	OPT_VALUE("count", struct sample_opts, count),
	OPT_VALUE("seed", struct sample_opts, seed),
	OPT_END,
};

const struct command cmd_sample = {
	"sample", "write generated sample data",
	"palermo sample cases [--count N] [--seed S] [--format F] "
	"[--out FILE]\n"
	"                     [--db PATH]\n"
	"palermo sample coordination [--seed S] [--db PATH]\n"
	"palermo sample fund [--count N] [--seed S] [--db PATH]\n\n"
	"Writes N generated, realistic but not real, victim cases; the same\n"
	"seed gives the same file.  coordination fills the database with\n"
	"generated instrument actions, plan actions, ICAT co-chairs and\n"
	"meetings, mechanisms, practices and World Day themes, each\n"
	"labelled as a sample.  fund writes a history of the Trust Fund\n"
	"from 2010 to last year, about N journal entries (default 1000),\n"
	"through the same checks as what people record.\n\n"
	"  --count N         how many cases, or about how many journal\n"
	"                    entries of the fund (default 1000 each)\n"
	"  --seed S          the seed, a whole number (default 1)\n"
	"  --format F        any import format (default palermo)\n"
	"  --out FILE        write to FILE instead of standard output\n"
	"  --db PATH         cases: accepted as on every command, unused;\n"
	"                    coordination and fund: the database to fill\n",
	sample_opts, sizeof(struct sample_opts), 0, sample_run,
};
