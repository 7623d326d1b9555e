/*
 * cmd_contributions.c: "palermo contributions": the contributions that
 * States, United Nations entities and other organisations send for the
 * Secretary-General's report of a year, which the report lists and
 * summarises (report/coord.c).
 */
#include <string.h>

#include "cli/cli.h"

struct contributions_opts {
	const char	*year, *from;
};

/* --year as a year, or NR; -1 on a usage error. */
static int
year_of(const struct contributions_opts *o, int *year)
{
	long long	 y;

	*year = NR;
	if (o->year == NULL)
		return 0;
	if (parse_int(o->year, 2013, 2200, &y) == -1) {
		usage_error("contributions", "--year takes a year from 2013");
		return -1;
	}
	*year = (int)y;
	return 0;
}

static int
contributions_add(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct contributions_opts *o = opts;
	struct store	*st;
	int64_t		 id;
	int		 year, rc;

	(void)argc;
	if (year_of(o, &year) == -1)
		return EXIT_USAGE;
	if (year == NR || o->from == NULL || *o->from == '\0')
		return usage_error("contributions", "add takes --year YEAR and "
		    "--from ACTOR");
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	if ((rc = intake_contribution(st, year, o->from, argv[0], &id)) != 0)
		return exit_of(rc);
	fprintf(stderr, "%s: recorded contribution %lld for %d\n", progname,
	    (long long)id, year);
	return EXIT_DONE;
}

static int
contributions_list(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct contributions_opts *o = opts;
	struct store	*st;
	struct arena	 a = { NULL };
	struct contribution *c;
	size_t		 n;
	int		 year;

	(void)argc;
	(void)argv;
	if (year_of(o, &year) == -1)
		return EXIT_USAGE;
	if ((st = cli_store(cl)) == NULL ||
	    st->ops->contribution_list(st, &a, &c, &n) == -1) {
		arena_release(&a);
		return EXIT_STORE;
	}
	for (size_t i = 0; i < n; i++)
		if (year == NR || c[i].year == year)
			printf("%lld\t%d\t%s\t%s\t%s\t%zu bytes\n",
			    (long long)c[i].id, c[i].year, code_name(
			    CL_ACTOR_KIND, c[i].actor_kind), c[i].actor,
			    c[i].file_name, strlen(c[i].text));
	arena_release(&a);
	return out_close(stdout, NULL, 1);
}

static const struct subcommand contributions_subs[] = {
	{ "list", 0, 0, contributions_list },
	{ "add", 1, 1, contributions_add },
	{ NULL, 0, 0, NULL },
};

static int
contributions_run(struct cli *cl, void *o, int argc, char **argv)
{
	return cli_dispatch(cl, contributions_subs, o, argc, argv, "list",
	    "say add FILE --year Y --from ACTOR, or list");
}

static const struct opt contributions_opts[] = {
	OPT_VALUE("year", struct contributions_opts, year),
	OPT_VALUE("from", struct contributions_opts, from),
	OPT_END,
};

const struct command cmd_contributions = {
	"contributions", "contributions for the Secretary-General's report",
	"palermo contributions [list] [--year YEAR] [--db PATH]\n"
	"palermo contributions add FILE --year YEAR --from ACTOR\n\n"
	"The contributions that States, United Nations entities and other\n"
	"organisations send for the Secretary-General's report of a year:\n"
	"add records a file (UTF-8 text, up to 1 MiB) from ACTOR, a State by\n"
	"any of its names or codes, an ICAT member as a UN entity, else an\n"
	"organisation; the same file twice for a year is refused.  report sg\n"
	"lists and summarises those of its year.\n\n" DB_OPTS,
	contributions_opts, sizeof(struct contributions_opts), 0,
	contributions_run,
};
