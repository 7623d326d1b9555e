/*
 * cmd_check.c: "palermo check stats": every inconsistency in the stored
 * official statistics (engine/check.c finds them); "palermo check packs":
 * whether the packed cases the reports read are their rows, byte for
 * byte.  Exits 1 when there is any inconsistency.
 */
#include <string.h>

#include "cli/cli.h"

struct check_opts {
	const char	*country, *year;
};

static int
check_packs(struct cli *cl, const struct check_opts *o)
{
	struct store	*st;
	int64_t		 n, bad;

	if (o->country != NULL || o->year != NULL)
		return usage_error("check", "check packs takes no --country "
		    "or --year");
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	if (snapshot_verify(st, &n, &bad) == -1)
		return EXIT_STORE;
	if (bad >= 0) {
		printf("the packed cases differ from their rows from case %lld "
		    "on (of %lld, in the order they were stored)\n",
		    (long long)bad + 1, (long long)n);
		return out_close(stdout, NULL, 1) != EXIT_DONE ? EXIT_STORE :
		    EXIT_REJECTED;
	}
	fprintf(stderr, "%s: %lld cases: the packs are their rows, byte for "
	    "byte\n", progname, (long long)n);
	return EXIT_DONE;
}

static int
check_run(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct check_opts *o = opts;
	const struct country	*c;
	struct store		*st;
	struct buf		 b = BUF_INIT;
	struct check_counts	 cc;
	char			 lo[32], hi[32];
	long long		 y = 0;
	int			 country = NR, ret;

	if (argc == 1 && strcmp(argv[0], "packs") == 0)
		return check_packs(cl, o);
	if (argc != 1 || strcmp(argv[0], "stats") != 0)
		return usage_error("check", "say what to check: stats or packs");
	if (o->country != NULL) {
		if (country_resolve(o->country, &c) != COUNTRY_FOUND)
			return usage_error("check", "'%s' is not a country",
			    o->country);
		country = c->numeric;
	}
	if (o->year != NULL && parse_int(o->year, 1900, 2200, &y) == -1)
		return usage_error("check", "--year takes a year");
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	if (stats_check(st, country, (int)y, &b, &cc) == -1) {
		buf_release(&b);
		return EXIT_STORE;
	}
	fputs(b.s, stdout);
	buf_release(&b);
	fprintf(stderr, "%s: checked %zu values: %d inconsistenc%s\n",
	    progname, cc.values, cc.found, cc.found == 1 ? "y" : "ies");
	if (cc.contradicted)
		fprintf(stderr, "%s: %zu total%s contradicted by a complete "
		    "split by sex or age, which the figures replace with what "
		    "the splits allow\n", progname, cc.contradicted,
		    cc.contradicted == 1 ? " is" : "s are");
	if (cc.unknown_values) {
		int_format(cc.unknown_lo, lo);
		int_format(cc.unknown_hi, hi);
		fprintf(stderr, "%s: %llu value%s of unknown sex and unknown "
		    "age (%s%s%s), which may or may not be among the parts "
		    "of a split by sex or age\n", progname,
		    (unsigned long long)cc.unknown_values,
		    cc.unknown_values == 1 ? "" : "s", lo, strcmp(lo, hi) ?
		    "\xe2\x80\x93" : "", strcmp(lo, hi) ? hi : "");
	}
	if ((ret = out_close(stdout, NULL, 1)) != EXIT_DONE)
		return ret;
	return cc.found ? EXIT_REJECTED : EXIT_DONE;
}

static const struct opt check_opts[] = {
	OPT_VALUE("country", struct check_opts, country),
	OPT_VALUE("year", struct check_opts, year),
	OPT_END,
};

const struct command cmd_check = {
	"check", "list inconsistencies in official statistics or packed cases",
	"palermo check stats [--country C] [--year Y] [--db PATH]\n"
	"palermo check packs [--db PATH]\n\n"
	"Lists every inconsistency in the stored statistics: parts that add\n"
	"up to more than their total, sex or age splits that disagree with\n"
	"the total, parts without a total, a total of <5 with larger parts,\n"
	"and sudden tenfold breaks in a series.  Exits 1 when it found\n"
	"any.\n\n"
	"check packs packs every stored case again from its row and compares\n"
	"it, byte for byte, with the packed copy the reports read; exits 1\n"
	"when they differ.\n\n"
	"  --country C       only this reporting country\n"
	"  --year Y          only this year\n" DB_OPTS,
	check_opts, sizeof(struct check_opts), 0, check_run,
};
