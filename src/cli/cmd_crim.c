/*
 * cmd_crim.c: "palermo criminalisation": how each state's law
 * criminalises each form of trafficking (fully, in part, or not), with
 * the law and the date it took effect; and, for the Secretary-General's
 * report, how many states criminalise each form.
 */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"

int
cmd_criminalisation(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "law", required_argument, NULL, 'l' },
		{ "date", required_argument, NULL, 't' },
		{ "country", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char		*law = "", *date = NULL, *country = NULL;
	const char		*db = NULL;
	const struct country	*c = NULL;
	struct store		*st;
	struct arena		 a = { NULL };
	struct crim_entry	*v;
	size_t			 nv;
	int			 n[FORM__MAX][CRIM__MAX];
	int			 ch, ret = EXIT_STORE, form = -1, who = NR;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		switch (ch) {
		case 'l':
			law = optarg;
			break;
		case 't':
			date = optarg;
			break;
		case 'c':
			country = optarg;
			break;
		case 'd':
			db = optarg;
			break;
		default:
			return option_error("criminalisation", ch, argv);
		}
	argc -= optind;
	argv += optind;
	if (argc == 4 && strcmp(argv[0], "set") == 0) {
		if (country_resolve(argv[1], &c) != COUNTRY_FOUND)
			return usage_error("criminalisation", "'%s' is not a "
			    "country", argv[1]);
		if ((form = code_find(CL_FORM, argv[2])) <= 0)
			return usage_error("criminalisation", "'%s' is not a "
			    "form; see 'palermo stats --fields' (sexual, "
			    "labour, other, marriage, ...)", argv[2]);
		if (crim_status_find(argv[3]) == -1)
			return usage_error("criminalisation", "the status is "
			    "full, partial or none");
		if (date && !date_valid(date))
			return usage_error("criminalisation", "--date takes a "
			    "date (YYYY-MM-DD)");
	} else if (argc > 0) {
		return usage_error("criminalisation", "say set COUNTRY FORM "
		    "STATUS, or nothing to count");
	} else if (country) {
		if (country_resolve(country, &c) != COUNTRY_FOUND)
			return usage_error("criminalisation", "'%s' is not a "
			    "country", country);
		who = c->numeric;
	}
	if (store_open(&st, db_path(db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	if (form > 0) {
		struct crim_entry e = { c->numeric, form, argv[3], law, date };

		if (st->ops->crim_put(st, &e) == 0)
			ret = EXIT_DONE;
	} else if (who != NR) {
		if (st->ops->crim_list(st, &a, &v, &nv) == 0) {
			for (size_t i = 0; i < nv; i++)
				if (v[i].country == who)
					printf("%-14s  %-8s  %-10s  %s\n",
					    code_name(CL_FORM, v[i].form),
					    v[i].status, v[i].date, v[i].law);
			ret = out_close(stdout, NULL);
		}
	} else if (crim_tally(st, n) == 0) {
		printf("form            full  partial  none\n");
		for (int f = 1; f < FORM__MAX; f++)
			printf("%-14s  %4d  %7d  %4d\n", code_name(CL_FORM, f),
			    n[f][CRIM_FULL], n[f][CRIM_PARTIAL], n[f][CRIM_NONE]);
		ret = out_close(stdout, NULL);
	}
	arena_release(&a);
	st->ops->close(st);
	return ret;
}
