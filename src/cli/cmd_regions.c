/*
 * cmd_regions.c: "palermo regions": the user's own groupings of countries
 * into regions, beside UN M49's, for the official tables of the Global
 * Report and of 'palermo stats' (--regions NAME): list them, import one
 * from a CSV, show one.
 */
#include <string.h>

#include "cli/cli.h"

struct regions_opts {
	const char	*scheme;
};

static int
regions_list(struct cli *cl, void *o, int argc, char **argv)
{
	struct store	*st = cli_store(cl);
	struct arena	 a = { NULL };
	struct region_scheme *v;
	size_t		 n;
	int		 ret = EXIT_STORE;

	(void)o;
	(void)argc;
	(void)argv;
	if (st == NULL)
		return EXIT_STORE;
	printf("scheme\tregions\tcountries\tfile\timported\toperator\n");
	printf("UN M49\t%d\t%d\t(built in)\t\t\n", NREGIONS - 1,
	    country_count());
	if (st->ops->scheme_list(st, &a, &v, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			printf("%s\t%lld\t%lld\t%s\t%s\t%s\n", v[i].name,
			    (long long)v[i].regions, (long long)v[i].countries,
			    v[i].file_name, v[i].created_at,
			    v[i].operator_name);
		ret = out_close(stdout, NULL, 1);
	}
	arena_release(&a);
	return ret;
}

static int
regions_import(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct regions_opts *o = opts;

	(void)argc;
	if (o->scheme == NULL || *o->scheme == '\0')
		return usage_error("regions", "import needs --scheme NAME");
	if (strcmp(o->scheme, "M49") == 0 || strcmp(o->scheme, "UN M49") == 0)
		return usage_error("regions", "'%s' is the built-in UN M49; "
		    "name your scheme otherwise", o->scheme);
	return cli_register(cl, REG_REGIONS, argv[0], o->scheme);
}

static int
regions_show(struct cli *cl, void *o, int argc, char **argv)
{
	struct grouping	 g;
	struct arena	 a = { NULL };
	int		 ret;

	(void)o;
	(void)argc;
	if (cli_store(cl) == NULL)
		return EXIT_STORE;
	if ((ret = exit_of(grouping_load(cl->st, argv[0], &a, &g))) ==
	    EXIT_DONE) {
		printf("country\tname\tregion\n");
		for (int i = 0; i < country_count(); i++)
			if (grouping_of(&g, i) >= 0)
				printf("%s\t%s\t%s\n", country_at(i)->alpha3,
				    country_at(i)->name,
				    g.names[grouping_of(&g, i)]);
		ret = out_close(stdout, NULL, 1);
	}
	arena_release(&a);
	return ret;
}

static const struct subcommand regions_subs[] = {
	{ "list", 0, 0, regions_list },
	{ "import", 1, 1, regions_import },
	{ "show", 1, 1, regions_show },
	{ NULL, 0, 0, NULL },
};

static int
regions_run(struct cli *cl, void *o, int argc, char **argv)
{
	return cli_dispatch(cl, regions_subs, o, argc, argv, "list",
	    "unknown action '%s'");
}

static const struct opt regions_opts[] = {
	OPT_VALUE("scheme", struct regions_opts, scheme),
	OPT_END,
};

const struct command cmd_regions = {
	"regions", "groupings of countries into regions",
	"palermo regions [list] [--db PATH]\n"
	"palermo regions import FILE --scheme NAME [--db PATH]\n"
	"palermo regions show NAME [--db PATH]\n\n"
	"Lists the groupings of countries into regions that the official\n"
	"tables of reports can use (--regions NAME): UN M49's, built in, and\n"
	"the user's schemes.  import reads a CSV with the columns country\n"
	"(in any form palermo knows) and region (a name), a country once,\n"
	"at most 64 regions, all or nothing, and replaces a scheme of that\n"
	"name; countries it leaves out are 'not grouped'.  show lists the\n"
	"countries of a scheme with their region.\n\n"
	"  --scheme NAME     the scheme's name\n" DB_OPTS,
	regions_opts, sizeof(struct regions_opts), 0, regions_run,
};
