/*
 * cmd_export.c: "palermo export cases|stats": what is stored, written in
 * any format palermo reads (intake/export.c).
 */
#include <string.h>

#include "cli/cli.h"

struct export_opts {
	const char	*format, *out, *count, *seed;
};

/* Write with fn in format f to --out; an exit status. */
static int
export_to(struct cli *cl, const struct export_opts *o,
    int (*fn)(struct store *, int, FILE *), int f)
{
	struct store	*st;
	FILE		*fp;
	int		 rc, ret;

	if ((st = cli_store(cl)) == NULL || (fp = out_open(o->out)) == NULL)
		return EXIT_STORE;
	rc = fn(st, f, fp);
	ret = out_close(fp, o->out);
	return rc == 0 ? ret : EXIT_STORE;
}

static int
write_cases(struct store *st, int f, FILE *fp)
{
	return export_cases(st, f, fp);
}

static int
write_stats(struct store *st, int f, FILE *fp)
{
	return export_stats(st, f, fp);
}

static int
export_run(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct export_opts *o = opts;
	int		 f = -1;

	if (argc != 1 || (strcmp(argv[0], "cases") != 0 &&
	    strcmp(argv[0], "stats") != 0))
		return usage_error("export", "say what to export: cases or "
		    "stats");
	if (o->count || o->seed)
		return usage_error("export", "--count and --seed are for "
		    "'palermo sample'");
	if (strcmp(argv[0], "stats") == 0) {
		if (o->format && (f = stat_format_find(o->format)) == -1)
			return usage_error("export", "unknown format '%s' for "
			    "stats: palermo, unodc or json", o->format);
		return export_to(cl, o, write_stats, o->format ? f :
		    SFMT_PALERMO);
	}
	if (o->format && (f = format_find(o->format)) == -1)
		return usage_error("export", "unknown format '%s'", o->format);
	return export_to(cl, o, write_cases, o->format ? f : FORMAT_PALERMO);
}

static const struct opt export_opts[] = {
	OPT_VALUE("format", struct export_opts, format),
	OPT_VALUE("out", struct export_opts, out),
	OPT_VALUE("count", struct export_opts, count),
	OPT_VALUE("seed", struct export_opts, seed),
	OPT_END,
};

const struct command cmd_export = {
	"export", "write the stored records out",
	"palermo export cases|stats [--format F] [--out FILE] [--db PATH]\n\n"
	"Writes every stored case, or every official statistic, in a format\n"
	"palermo reads.\n\n"
	"  --format F        cases: palermo (default), json, ctdc-kanon,\n"
	"                    ctdc-synthetic or htcds; stats: palermo "
	"(default),\n"
	"                    unodc (the portal's 13 columns) or json\n"
	"  --out FILE        write to FILE instead of standard output\n"
	DB_OPTS,
	export_opts, sizeof(struct export_opts), 0, export_run,
};
