/*
 * cmd_crim.c: "palermo criminalisation": how each state's law
 * criminalises each form of trafficking (fully, in part, or not), with
 * the law and the date it took effect; and how many states criminalise
 * each form.
 */
#include <string.h>

#include "cli/cli.h"

struct crim_opts {
	const char	*law, *date, *country;
};

static int
crim_set(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct crim_opts	*o = opts;
	const struct country	*c;
	struct store		*st;
	struct crim_entry	 e;

	(void)argc;
	if (country_resolve(argv[0], &c) != COUNTRY_FOUND)
		return usage_error("criminalisation", "'%s' is not a country",
		    argv[0]);
	if ((e.form = code_find(CL_FORM, argv[1])) <= 0)
		return usage_error("criminalisation", "'%s' is not a form; see "
		    "'palermo stats --fields' (sexual, labour, other, marriage, "
		    "...)", argv[1]);
	if (crim_status_find(argv[2]) == -1)
		return usage_error("criminalisation", "the status is full, "
		    "partial or none");
	if (o->date && !date_valid(o->date))
		return usage_error("criminalisation", "--date takes a date "
		    "(YYYY-MM-DD)");
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	e.country = c->numeric;
	e.status = argv[2];
	e.law = o->law ? o->law : "";
	e.date = o->date;
	return st->ops->crim_put(st, &e) == 0 ? EXIT_DONE : EXIT_STORE;
}

/* One country's laws, form by form. */
static int
crim_country(struct store *st, int country)
{
	struct arena	 a = { NULL };
	struct crim_entry *v;
	size_t		 n;
	int		 ret = EXIT_STORE;

	if (st->ops->crim_list(st, &a, &v, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			if (v[i].country == country)
				printf("%-14s  %-8s  %-10s  %s\n",
				    code_name(CL_FORM, v[i].form), v[i].status,
				    v[i].date, v[i].law);
		ret = out_close(stdout, NULL, 1);
	}
	arena_release(&a);
	return ret;
}

static int
crim_count(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct crim_opts	*o = opts;
	const struct country	*c;
	struct store		*st;
	int			 n[FORM__MAX][CRIM__MAX];

	(void)argc;
	(void)argv;
	if (o->country && country_resolve(o->country, &c) != COUNTRY_FOUND)
		return usage_error("criminalisation", "'%s' is not a country",
		    o->country);
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	if (o->country)
		return crim_country(st, c->numeric);
	if (crim_tally(st, n) == -1)
		return EXIT_STORE;
	printf("form            full  partial  none\n");
	for (int f = 1; f < FORM__MAX; f++)
		printf("%-14s  %4d  %7d  %4d\n", code_name(CL_FORM, f),
		    n[f][CRIM_FULL], n[f][CRIM_PARTIAL], n[f][CRIM_NONE]);
	return out_close(stdout, NULL, 1);
}

static const struct subcommand crim_subs[] = {
	{ "set", 3, 3, crim_set },
	{ NULL, 0, 0, NULL },
};

static int
crim_run(struct cli *cl, void *o, int argc, char **argv)
{
	if (argc == 0)
		return crim_count(cl, o, argc, argv);
	return cli_dispatch(cl, crim_subs, o, argc, argv, NULL,
	    "say set COUNTRY FORM STATUS, or nothing to count");
}

static const struct opt crim_opts[] = {
	OPT_VALUE("law", struct crim_opts, law),
	OPT_VALUE("date", struct crim_opts, date),
	OPT_VALUE("country", struct crim_opts, country),
	OPT_END,
};

const struct command cmd_criminalisation = {
	"criminalisation", "how laws criminalise each form",
	"palermo criminalisation [--country C] [--db PATH]\n"
	"palermo criminalisation set COUNTRY FORM full|partial|none\n"
	"                        [--law TEXT] [--date YYYY-MM-DD] "
	"[--db PATH]\n\n"
	"How each state's law criminalises each form of trafficking (FORM:\n"
	"sexual, labour, other, marriage, military, organ_removal, slavery,\n"
	"criminality, begging): set records it; without it, palermo counts\n"
	"the states by form and status, or lists one country's.\n\n"
	DB_OPTS,
	crim_opts, sizeof(struct crim_opts), 0, crim_run,
};
