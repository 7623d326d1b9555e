/*
 * cmd_crim.c: "palermo criminalisation": how each state's law
 * criminalises each form of trafficking (fully, in part, or not), with
 * the law and the date it took effect; and how many states criminalise
 * each form.
 */
#include <string.h>

#include "cli/cli.h"

struct crim_opts {
	const char	*law, *date, *country, *as_of;
	char		 today[11];
};

/* The country and form of argv[0] and argv[1]; 0, or -1 (said). */
static int
crim_key(char **argv, struct crim_entry *e)
{
	const struct country	*c;

	if (country_resolve(argv[0], &c) != COUNTRY_FOUND) {
		usage_error("criminalisation", "'%s' is not a country",
		    argv[0]);
		return -1;
	}
	if ((e->form = code_find(CL_FORM, argv[1])) <= 0) {
		usage_error("criminalisation", "'%s' is not a form; see "
		    "'palermo stats --fields' (sexual, labour, other, marriage, "
		    "...)", argv[1]);
		return -1;
	}
	e->country = c->numeric;
	return 0;
}

static int
crim_set(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct crim_opts	*o = opts;
	struct store		*st;
	struct crim_entry	 e;

	(void)argc;
	if (crim_key(argv, &e) == -1)
		return EXIT_USAGE;
	if (crim_status_find(argv[2]) == -1)
		return usage_error("criminalisation", "the status is full, "
		    "partial or none");
	if (o->date == NULL)
		return usage_error("criminalisation", "say from when the law "
		    "is in effect: --date YYYY-MM-DD");
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	e.status = argv[2];
	e.law = o->law ? o->law : "";
	e.date = o->date;
	return st->ops->crim_put(st, &e) == 0 ? EXIT_DONE : EXIT_STORE;
}

static int
crim_unset(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct crim_opts	*o = opts;
	struct store		*st;
	struct crim_entry	 e;
	int			 found;

	(void)argc;
	if (crim_key(argv, &e) == -1)
		return EXIT_USAGE;
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	e.date = o->date ? o->date : "";
	if (st->ops->crim_remove(st, &e, &found) == -1)
		return EXIT_STORE;
	if (!found) {
		error("no entry for %s and %s %s is recorded", argv[0],
		    argv[1], *e.date ? e.date : "without a date");
		return EXIT_REJECTED;
	}
	return EXIT_DONE;
}

/* One country's laws, form by form, each from the day it took effect;
 * the one in effect on as_of marked. */
static int
crim_country(struct store *st, int country, const char *as_of)
{
	struct arena	 a = { NULL };
	struct crim_entry *v;
	size_t		 n;
	int		 ret = EXIT_STORE;

	if (st->ops->crim_list(st, &a, &v, &n) == 0) {
		printf("form            status    from        in effect  law\n");
		for (size_t i = 0; i < n; i++)
			if (v[i].country == country)
				printf("%-14s  %-8s  %-10s  %-9s  %s\n",
				    code_name(CL_FORM, v[i].form), v[i].status,
				    *v[i].date ? v[i].date : "-",
				    crim_in_effect(v, n, country, v[i].form,
				    as_of) == &v[i] ? "yes" : "",
				    v[i].law);
		ret = out_close(stdout, NULL, 1);
	}
	arena_release(&a);
	return ret;
}

static int
crim_count(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct crim_opts	*o = opts;
	const struct country	*c = NULL;
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
		return crim_country(st, c->numeric, o->as_of);
	if (crim_tally(st, o->as_of, n) == -1)
		return EXIT_STORE;
	fprintf(stderr, "%s: the laws in effect on %s\n", progname, o->as_of);
	printf("form            full  partial  none\n");
	for (int f = 1; f < FORM__MAX; f++)
		printf("%-14s  %4d  %7d  %4d\n", code_name(CL_FORM, f),
		    n[f][CRIM_FULL], n[f][CRIM_PARTIAL], n[f][CRIM_NONE]);
	return out_close(stdout, NULL, 1);
}

static const struct subcommand crim_subs[] = {
	{ "set", 3, 3, crim_set },
	{ "unset", 2, 2, crim_unset },
	{ NULL, 0, 0, NULL },
};

static int
crim_run(struct cli *cl, void *opts, int argc, char **argv)
{
	struct crim_opts *o = opts;

	if (today_iso(o->today) == -1)
		return EXIT_USAGE;
	if (o->as_of && !date_valid(o->as_of))
		return usage_error("criminalisation", "--as-of takes a date "
		    "(YYYY-MM-DD)");
	if (o->date && !date_valid_past(o->date))
		return usage_error("criminalisation", "--date takes a date "
		    "(YYYY-MM-DD), not after today");
	if (o->as_of == NULL)
		o->as_of = o->today;
	if (argc == 0)
		return crim_count(cl, o, argc, argv);
	return cli_dispatch(cl, crim_subs, o, argc, argv, NULL,
	    "say set COUNTRY FORM STATUS --date D, unset COUNTRY FORM, or "
	    "nothing to count");
}

static const struct opt crim_opts[] = {
	OPT_VALUE("law", struct crim_opts, law),
	OPT_VALUE("date", struct crim_opts, date),
	OPT_VALUE("country", struct crim_opts, country),
	OPT_VALUE("as-of", struct crim_opts, as_of),
	OPT_END,
};

const struct command cmd_criminalisation = {
	"criminalisation", "how laws criminalise each form",
	"palermo criminalisation [--country C] [--as-of DATE] [--db PATH]\n"
	"palermo criminalisation set COUNTRY FORM full|partial|none\n"
	"                        --date YYYY-MM-DD [--law TEXT] "
	"[--db PATH]\n"
	"palermo criminalisation unset COUNTRY FORM [--date YYYY-MM-DD]\n\n"
	"How each state's law criminalises each form of trafficking (FORM:\n"
	"sexual, labour, other, marriage, military, organ_removal, slavery,\n"
	"criminality, begging), from the day it took effect (--date): set\n"
	"records a law, and a later one does not overwrite the earlier;\n"
	"unset removes an entry recorded in error (the register's history\n"
	"keeps it: palermo history criminalisation).  Without them, palermo\n"
	"counts the states by form and status by the laws in effect on\n"
	"--as-of (default today), or lists one country's laws.\n\n"
	DB_OPTS,
	crim_opts, sizeof(struct crim_opts), 0, crim_run,
};
