/*
 * cmd_crim.c: "palermo criminalisation": how each state's law
 * criminalises each form of trafficking (fully, in part, or not), with
 * the law and the date it took effect; and, for the Secretary-General's
 * report, how many states criminalise each form.
 */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"

static const char *const statuses[] = { "full", "partial", "none" };

struct tally {
	int	 n[FORM__MAX][3];
	int	 country;	/* list one country, or NR for the tally */
};

static int
tally_one(int country, int form, const char *status, const char *law,
    const char *date, void *arg)
{
	struct tally	*t = arg;

	if (t->country != NR) {
		if (country == t->country)
			printf("%-14s  %-8s  %-10s  %s\n", code_name(CL_FORM,
			    form), status, date, law);
		return 0;
	}
	for (int s = 0; s < 3; s++)
		if (strcmp(status, statuses[s]) == 0 && form < FORM__MAX)
			t->n[form][s]++;
	return 0;
}

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
	struct tally		 t;
	int			 ch, ret = EXIT_STORE, form = -1, s;

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
	memset(&t, 0, sizeof(t));
	t.country = NR;
	if (argc == 4 && strcmp(argv[0], "set") == 0) {
		if (country_resolve(argv[1], &c) != COUNTRY_FOUND)
			return usage_error("criminalisation", "'%s' is not a "
			    "country", argv[1]);
		if ((form = code_find(CL_FORM, argv[2])) <= 0)
			return usage_error("criminalisation", "'%s' is not a "
			    "form; see 'palermo stats --fields' (sexual, "
			    "labour, other, marriage, ...)", argv[2]);
		for (s = 0; s < 3 && strcmp(argv[3], statuses[s]) != 0; s++)
			;
		if (s == 3)
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
		t.country = c->numeric;
	}
	if (store_open(&st, db_path(db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	if (form > 0) {
		if (st->ops->crim_put(st, c->numeric, form, argv[3], law,
		    date) == 0)
			ret = EXIT_DONE;
	} else if (st->ops->crim_each(st, tally_one, &t) == 0) {
		if (t.country == NR) {
			printf("form            full  partial  none\n");
			for (int f = 1; f < FORM__MAX; f++)
				printf("%-14s  %4d  %7d  %4d\n",
				    code_name(CL_FORM, f), t.n[f][0], t.n[f][1],
				    t.n[f][2]);
		}
		ret = out_close(stdout, NULL);
	}
	st->ops->close(st);
	return ret;
}
