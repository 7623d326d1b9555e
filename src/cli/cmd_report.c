/*
 * cmd_report.c: "palermo report": the Global Report on patterns, forms and
 * flows, a country profile from official statistics, the appraisal of the
 * Global Plan of Action, the Secretary-General's report and the Trust
 * Fund's report, each written into a folder (report/write.c) as a page,
 * CSV files, a workbook and JSON.
 */
#include <string.h>

#include "cli/cli.h"

struct report_opts {
	const char	*out, *year;
	struct filter_opts f;
	struct filter	 flt;		/* of f, checked */
	/* palermo stats' options, refused with a word of where they go */
	const char	*by, *format;
	int		 all, fields;
	int		 draft;		/* an appraisal whose period is on */
};

static int
report_global_run(struct cli *cl, void *opts, int argc, char **argv)
{
	struct report_opts *o = opts;
	struct report	*r;
	struct grouping	 g;
	struct arena	 a = { NULL };
	size_t		 n;
	int		 ret = EXIT_STORE;

	if (argc != 0)
		return usage_error("report", "unexpected argument '%s'",
		    argv[0]);
	if (o->out == NULL)
		return usage_error("report", "--out DIR is required");
	if ((ret = cli_grouping(cl, &o->f, &a, &g)) != EXIT_DONE ||
	    cli_store(cl) == NULL ||
	    (r = report_global(cl->st, &o->flt, &g, &n)) == NULL) {
		arena_release(&a);
		return ret == EXIT_DONE ? EXIT_STORE : ret;
	}
	ret = EXIT_STORE;
	if (report_write(r, o->out) == 0) {
		fprintf(stderr, "%s: wrote the Global Report on %zu cases to "
		    "%s/: index.html, tables/ (%d CSV files), tables.xlsx, "
		    "figures.json\n", progname, n, o->out, r->ntables);
		ret = EXIT_DONE;
	}
	report_free(r);
	arena_release(&a);
	return ret;
}

static int
report_country_run(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct report_opts *o = opts;
	const struct country	*c;
	struct report		*r;
	int			 ret = EXIT_STORE;

	(void)argc;
	if (country_resolve(argv[0], &c) != COUNTRY_FOUND)
		return usage_error("report", "'%s' is not a country (see "
		    "'palermo countries')", argv[0]);
	if (cli_store(cl) == NULL ||
	    (r = country_report(cl->st, country_index(c->numeric))) == NULL)
		return EXIT_STORE;
	if (report_write(r, o->out) == 0) {
		fprintf(stderr, "%s: wrote the country profile of %s to %s/: "
		    "index.html, tables/ (%d CSV files), tables.xlsx, "
		    "figures.json\n", progname, c->name, o->out, r->ntables);
		ret = EXIT_DONE;
	}
	report_free(r);
	return ret;
}

/* The reports on one year of a register. */
static const struct {
	const char	*name, *what;
	struct report	*(*build)(struct store *, int year);
	int		(*check)(int year, int draft);	/* NULL: any */
} yearly[] = {
	{ "appraisal", "appraisal", appraisal_report, plan_appraisal_check },
	{ "sg", "Secretary-General's report", sg_report, NULL },
	{ "fund", "Trust Fund's report", fund_report, NULL },
};

static int
report_yearly(struct cli *cl, const struct report_opts *o, size_t k)
{
	struct report	*r;
	long long	 y;
	int		 ret = EXIT_STORE;

	if (o->year == NULL || parse_int(o->year, 1900, 2200, &y) == -1)
		return usage_error("report", "%s needs --year YEAR",
		    yearly[k].name);
	if (o->draft && yearly[k].check == NULL)
		return usage_error("report", "--draft is for the appraisal");
	if (yearly[k].check && yearly[k].check((int)y, o->draft) == -1)
		return EXIT_USAGE;
	if (cli_store(cl) == NULL ||
	    (r = yearly[k].build(cl->st, (int)y)) == NULL)
		return EXIT_STORE;
	if (report_write(r, o->out) == 0) {
		fprintf(stderr, "%s: wrote the %s of %lld to %s/\n", progname,
		    yearly[k].what, y, o->out);
		ret = EXIT_DONE;
	}
	report_free(r);
	return ret;
}

static int
report_run(struct cli *cl, void *opts, int argc, char **argv)
{
	struct report_opts *o = opts;
	int		 global = argc == 0 || strcmp(argv[0], "global") == 0;
	int		 of_year = !global && strcmp(argv[0], "country") != 0;

	if (cli_filter("report", &o->f, &o->flt) == -1)
		return EXIT_USAGE;
	/* an option no report of this kind reads is refused, not ignored */
	if (o->by || o->all || o->fields || o->format || o->f.where.n)
		return usage_error("report", "--by, --where, --all, --fields "
		    "and --format are for 'palermo stats'");
	if (!global && (o->f.from || o->f.to || o->f.country || o->f.region ||
	    o->f.source.n || o->f.regions))
		return usage_error("report", "--from, --to, --country, --region, "
		    "--source and --regions are for 'report global'");
	if (!of_year && o->year)
		return usage_error("report", "--year is for appraisal, sg and "
		    "fund");
	if (o->out == NULL && argc > 0)
		return usage_error("report", "--out DIR is required");
	if (argc == 2 && strcmp(argv[0], "country") == 0)
		return report_country_run(cl, o, 1, argv + 1);
	for (size_t k = 0; k < sizeof(yearly) / sizeof(yearly[0]); k++)
		if (argc == 1 && strcmp(argv[0], yearly[k].name) == 0)
			return report_yearly(cl, o, k);
	if (argc == 0 || strcmp(argv[0], "global") != 0)
		return usage_error("report", "say which report: global, "
		    "country ISO3, or appraisal, sg or fund --year YEAR");
	return report_global_run(cl, o, argc - 1, argv + 1);
}

static const struct opt report_opts[] = {
	OPT_VALUE("out", struct report_opts, out),
	OPT_VALUE("year", struct report_opts, year),
	FILTER_OPTS(struct report_opts, f),
	OPT_VALUE("by", struct report_opts, by),
	OPT_VALUE("format", struct report_opts, format),
	OPT_FLAG("all", struct report_opts, all),
	OPT_FLAG("draft", struct report_opts, draft),
	OPT_FLAG("fields", struct report_opts, fields),
	OPT_END,
};

const struct command cmd_report = {
	"report", "write a report",
	"palermo report global --out DIR [--from YEAR] [--to YEAR]\n"
	"              [--country C] [--region R] [--source NAME]...\n"
	"              [--regions SCHEME] [--db PATH]\n"
	"palermo report country ISO3 --out DIR [--db PATH]\n"
	"palermo report appraisal --year YEAR [--draft] --out DIR "
	"[--db PATH]\n"
	"palermo report sg --year YEAR --out DIR [--db PATH]\n"
	"palermo report fund --year YEAR --out DIR [--db PATH]\n\n"
	"Writes the Global Report on patterns, forms and flows (from case\n"
	"records and, in sections of their own, official statistics), or a\n"
	"country profile from official statistics (every indicator over\n"
	"time, flows in and out, SDG 16.2.2, data gaps) with the registers\n"
	"(instruments, laws, mechanism, plan, practices, the fund), to DIR:\n"
	"index.html (one self-contained page, for screen and print),\n"
	"tables/*.csv and tables.xlsx (every figure) and figures.json (the\n"
	"figures with what they came from).  Sums of counts published as\n"
	"<5 are ranges, such as 212-224.  The filters apply to case\n"
	"records and official statistics alike.\n"
	"The appraisal of the Global Plan of Action (2013, the high-level\n"
	"meeting; 2017 and every four years after) gives the achievements,\n"
	"gaps and challenges of the period since the previous one; one whose\n"
	"period has not ended is written only with --draft, marked so.\n"
	"The Secretary-General's report on a year: numbered paragraphs\n"
	"written from the data, in the document's sections (introduction\n"
	"and contributions, the legal framework, the plan, ICAT, the Trust\n"
	"Fund, data and research with the latest year that has data,\n"
	"conclusions and recommendations).  The Trust Fund's report on a\n"
	"year: contributions by\n"
	"donor and kind, grant cycles and grants by country and window,\n"
	"and financial performance, in US dollars.\n\n"
	"  --out DIR         where to write (created when missing)\n"
	"  --from, --to      the years of registration to include\n"
	"  --country C       cases exploited in, or citizens of, country C\n"
	"  --region R        the same for a UN M49 region, sub-region or\n"
	"                    intermediate region (name or code)\n"
	"  --source NAME     only this source's submissions (repeatable)\n"
	"  --regions SCHEME  group the official tables by the regions of a\n"
	"                    scheme of 'palermo regions import' (default:\n"
	"                    UN M49)\n"
	DB_OPTS,
	report_opts, sizeof(struct report_opts), 0, report_run,
};
