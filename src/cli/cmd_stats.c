/*
 * cmd_stats.c: "palermo stats": quick answers at the command line: the
 * stored cases counted by any fields (engine/crosstab.c), every figure of
 * the Global Report (--all), or the fields there are (--fields).
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

struct stats_opts {
	const char	*out, *format, *by, *indicator;
	int		 all, fields;
	struct filter_opts f;
	struct filter	 flt;
};

static int
stats_fields(void)
{
	static const char *const kinds[] = { "year", "code", "country",
	    "flag" };

	printf("field\tkind\tvalues\n");
	for (int f = 0; f < CF__MAX; f++) {
		const struct code_list_def *l = &code_lists[case_fields[f].list];

		printf("%s\t%s\t", case_fields[f].name,
		    kinds[case_fields[f].kind]);
		if (case_fields[f].kind == FK_CODE)
			for (int i = 0; i < l->count; i++)
				printf("%s%s", i ? "," : "", l->codes[i].name);
		else if (case_fields[f].kind == FK_FLAG)
			printf("yes,no");
		else if (case_fields[f].kind == FK_COUNTRY)
			printf("ISO 3166-1 alpha-3");
		printf("\n");
	}
	for (int f = CF__MAX; f < XFIELD__MAX; f++)
		printf("%s\tderived\t%s\n", xfield_name(f), xfield_label(f));
	return out_close(stdout, NULL, 1);
}

/* stats --all: every figure of the Global Report, as CSV or JSON. */
static int
stats_all(struct cli *cl, const struct stats_opts *o)
{
	struct report	*r;
	struct grouping	 g;
	struct arena	 a = { NULL };
	struct buf	 b = BUF_INIT;
	size_t		 n;
	int		 rc = 0, fmt = o->format ? name_find(crosstab_format_names,
			    XT__MAX, o->format) : XT_CSV;

	if (fmt != XT_CSV && fmt != XT_JSON)
		return usage_error("stats", "--all writes csv or json");
	if ((rc = cli_grouping(cl, &o->f, &a, &g)) != EXIT_DONE ||
	    cli_store(cl) == NULL ||
	    (r = report_global(cl->st, &o->flt, &g, &n)) == NULL) {
		arena_release(&a);
		return rc == EXIT_DONE ? EXIT_STORE : rc;
	}
	if (fmt == XT_JSON)
		rc = report_json(r, o->out ? o->out : "standard output", &b);
	else
		report_csv_all(r, &b);
	if (rc == 0)
		rc = file_put(o->out ? o->out : "-", b.s, b.len);
	buf_release(&b);
	report_free(r);
	arena_release(&a);
	return rc == 0 ? EXIT_DONE : EXIT_STORE;
}

/* "a,b,c" as fields of a table of names; the number, or -1 (said). */
static int
fields_parse(const char *list, int (*find)(const char *), int *by)
{
	int	 nby = 0;

	for (const char *p = list; *p; ) {
		size_t	 n = strcspn(p, ",");
		char	*name = xstrndup(p, n);
		int	 bad = 0;

		if (nby == CROSSTAB_MAX)
			bad = usage_error("stats", "--by takes at most %d "
			    "fields", CROSSTAB_MAX);
		else if ((by[nby++] = find(name)) == -1)
			bad = usage_error("stats", "no field '%s' (see "
			    "'palermo stats --fields')", name);
		free(name);
		if (bad)
			return -1;
		p += n + (p[n] == ',');
	}
	if (nby == 0) {
		usage_error("stats", "--by names no field");
		return -1;
	}
	return nby;
}

/* "palermo stats official": official statistics counted by fields. */
static int
stats_official(struct cli *cl, const struct stats_opts *o)
{
	struct official	 off;
	struct grouping	 g;
	struct arena	 a = { NULL };
	struct orow	*rows = NULL;
	struct buf	 b = BUF_INIT;
	size_t		 n;
	int		 by[CROSSTAB_MAX], nby, ind = IND_DETECTED, fmt = XT_TEXT;
	int		 ret;
	FILE		*fp;

	if (o->all || o->fields || o->f.where.n)
		return usage_error("stats", "--all, --fields and --where are "
		    "for case records");
	if (o->by == NULL)
		return usage_error("stats", "stats official needs --by "
		    "FIELD[,FIELD...]: %s", "country, region, subregion, year, "
		    "indicator, sex, age_group, form, citizenship");
	if ((nby = fields_parse(o->by, ofield_find, by)) == -1)
		return EXIT_USAGE;
	if (o->indicator && (ind = code_find(CL_INDICATOR, o->indicator)) ==
	    -1)
		return usage_error("stats", "--indicator is one of "
		    "detected_victims, formal_contact, prosecuted, convicted, "
		    "offences");
	if (o->format && (fmt = name_find(crosstab_format_names, XT__MAX,
	    o->format)) == -1)
		return usage_error("stats", "--format is text, csv or json");
	if ((ret = cli_grouping(cl, &o->f, &a, &g)) != EXIT_DONE)
		goto out;
	ret = EXIT_STORE;
	if (cli_store(cl) == NULL || official_load(cl->st, &o->flt, &off) ==
	    -1)
		goto out;
	n = official_crosstab(&off, &g, by, nby, ind, &rows);
	official_crosstab_put(&b, fmt, &g, by, nby, rows, n);
	if ((fp = out_open(o->out)) != NULL) {
		fwrite(b.s, 1, b.len, fp);
		ret = out_close(fp, o->out, 1);
	}
	official_release(&off);
out:
	free(rows);
	buf_release(&b);
	arena_release(&a);
	return ret;
}

static int
stats_run(struct cli *cl, void *opts, int argc, char **argv)
{
	struct stats_opts *o = opts;
	struct snapshot	 s;
	struct crosstab_row *g = NULL;
	struct buf	 b = BUF_INIT;
	size_t		 ng;
	int		 by[CROSSTAB_MAX], nby = 0, ret = EXIT_DONE, fmt = XT_TEXT;
	FILE		*fp;

	if (cli_filter("stats", &o->f, &o->flt) == -1)
		return EXIT_USAGE;
	if (argc == 1 && strcmp(argv[0], "official") == 0)
		return stats_official(cl, o);
	if (argc != 0)
		return usage_error("stats", "unexpected argument '%s'",
		    argv[0]);
	if (o->indicator)
		return usage_error("stats", "--indicator is for 'stats "
		    "official'");
	if (o->f.regions && !o->all)
		return usage_error("stats", "--regions groups official "
		    "statistics: for --all and 'stats official'");
	if (o->fields)
		return stats_fields();
	if (o->all)
		return stats_all(cl, o);
	if (o->by == NULL)
		return usage_error("stats", "say what to count: --by FIELD[,"
		    "FIELD...], --all or --fields");
	if (o->format && (fmt = name_find(crosstab_format_names, XT__MAX,
	    o->format)) == -1)
		return usage_error("stats", "--format is text, csv or json");
	if ((nby = fields_parse(o->by, xfield_find, by)) == -1)
		return EXIT_USAGE;
	if (cli_store(cl) == NULL || snapshot_load(cl->st, &o->flt, &s) == -1)
		return EXIT_STORE;
	ng = crosstab(&s, by, nby, &g);
	crosstab_put(&b, fmt, by, nby, g, ng, s.n);
	ret = EXIT_STORE;
	if ((fp = out_open(o->out)) != NULL) {
		fwrite(b.s, 1, b.len, fp);
		ret = out_close(fp, o->out, 1);
	}
	free(g);
	buf_release(&b);
	snapshot_release(&s);
	return ret;
}

static const struct opt stats_opts[] = {
	OPT_VALUE("out", struct stats_opts, out),
	OPT_VALUE("format", struct stats_opts, format),
	OPT_VALUE("by", struct stats_opts, by),
	OPT_VALUE("indicator", struct stats_opts, indicator),
	OPT_FLAG("all", struct stats_opts, all),
	OPT_FLAG("fields", struct stats_opts, fields),
	FILTER_OPTS(struct stats_opts, f),
	OPT_END,
};

const struct command cmd_stats = {
	"stats", "count cases or official statistics by any fields",
	"palermo stats --by FIELD[,FIELD...] [--where FIELD=VALUE]...\n"
	"              [--format text|csv|json] [filters] [--out FILE] "
	"[--db PATH]\n"
	"palermo stats --all [--format csv|json] [filters] [--out FILE] "
	"[--db PATH]\n"
	"palermo stats --fields\n"
	"palermo stats official --by FIELD[,FIELD...] [--indicator I]\n"
	"              [--format text|csv|json] [filters] [--regions SCHEME]\n"
	"              [--out FILE] [--db PATH]\n\n"
	"Counts the stored cases by every combination of up to four fields\n"
	"(not recorded is a value of its own), with the percentage of all\n"
	"cases counted.  --all writes every figure of the Global Report.\n"
	"stats official adds official statistics by up to four of country,\n"
	"region, subregion, year, indicator, sex, age_group, form and\n"
	"citizenship: the totals as every sum uses them, or the values split\n"
	"by the sex, age group, form or citizenship asked for; <5 is 1 to 4,\n"
	"so a sum is a range, with the countries it comes from.\n\n"
	"  --by FIELDS       the fields to count by, comma-separated\n"
	"  --where F=V       count only cases whose field F has value V "
	"(repeatable)\n"
	"  --fields          list the fields and their values\n"
	"  --all             every figure of the Global Report\n"
	"  --indicator I     stats official: detected_victims (default),\n"
	"                    formal_contact, prosecuted, convicted, offences\n"
	"  --regions SCHEME  the regions of official statistics (default UN\n"
	"                    M49; see 'palermo regions')\n"
	"  --format F        text (default), csv or json\n"
	"  --out FILE        write to FILE instead of standard output\n"
	"  filters: --from YEAR --to YEAR --country C --region R "
	"--source NAME\n" DB_OPTS,
	stats_opts, sizeof(struct stats_opts), 0, stats_run,
};
