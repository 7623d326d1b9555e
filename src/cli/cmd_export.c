/*
 * cmd_export.c: "palermo export cases|stats": what is stored, written in
 * any format palermo reads (intake/export.c).
 */
#include <string.h>

#include "cli/cli.h"

struct export_opts {
	const char	*format, *out, *count, *seed;
};

static int
export_run(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct export_opts *o = opts;
	struct store	*st;
	FILE		*fp;
	int		 stats, f = -1;

	if (argc != 1 || (strcmp(argv[0], "cases") != 0 &&
	    strcmp(argv[0], "stats") != 0))
		return usage_error("export", "say what to export: cases or "
		    "stats");
	if (o->count || o->seed)
		return usage_error("export", "--count and --seed are for "
		    "'palermo sample'");
	stats = strcmp(argv[0], "stats") == 0;
	if (o->format == NULL)
		f = stats ? SFMT_PALERMO : FORMAT_PALERMO;
	else if ((f = intake_format_find(stats ? INTAKE_STATS : INTAKE_CASES,
	    o->format)) == -1)
		return usage_error("export", "unknown format '%s'%s", o->format,
		    stats ? " for stats: palermo, unodc or json" : "");
	if ((st = cli_store(cl)) == NULL || (fp = out_open(o->out)) == NULL)
		return EXIT_STORE;
	return out_close(fp, o->out, (stats ? export_stats(st, f, fp) :
	    export_cases(st, f, fp)) == 0);
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
