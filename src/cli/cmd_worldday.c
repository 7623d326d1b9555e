/*
 * cmd_worldday.c: "palermo worldday": the World Day against Trafficking in
 * Persons, 30 July, observed from 2014 on (resolution 68/192, op. 5).  It
 * keeps each year's theme and events, says what is recorded and, before
 * 30 July, how many days remain.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"

int
cmd_worldday(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "organiser", required_argument, NULL, 'o' },
		{ "country", required_argument, NULL, 'c' },
		{ "date", required_argument, NULL, 't' },
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char		*organiser = NULL, *country = NULL, *date = NULL;
	const char		*db = NULL;
	const struct country	*c = NULL;
	struct store		*st;
	struct arena		 a = { NULL };
	struct worldday_event	*ev;
	const char		*theme;
	size_t			 nev;
	long long		 v;
	char			 today[11];
	int			 ch, year;
	int			 ret = EXIT_STORE;
	long			 left;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		switch (ch) {
		case 'o':
			organiser = optarg;
			break;
		case 'c':
			country = optarg;
			break;
		case 't':
			date = optarg;
			break;
		case 'd':
			db = optarg;
			break;
		default:
			return option_error("worldday", ch, argv);
		}
	argc -= optind;
	argv += optind;
	if (today_iso(today) == -1)
		return EXIT_USAGE;
	year = (int)strtol(today, NULL, 10);
	if (argc >= 1 && strcmp(argv[0], "theme") != 0 &&
	    strcmp(argv[0], "event") != 0) {
		if (argc != 1 || parse_int(argv[0], WORLDDAY_FIRST, 2200, &v) == -1)
			return usage_error("worldday", "the World Day is "
			    "observed from %d on: give a year from %d", WORLDDAY_FIRST,
			    WORLDDAY_FIRST);
		year = (int)v;
		argc = 0;
	}
	if (argc > 0) {
		int is_theme = strcmp(argv[0], "theme") == 0;

		if (argc != 3 || parse_int(argv[1], WORLDDAY_FIRST, 2200, &v) == -1)
			return usage_error("worldday", "%s takes a year from %d "
			    "and a %s", argv[0], WORLDDAY_FIRST, is_theme ? "theme" :
			    "title");
		if (!is_theme && (organiser == NULL || *organiser == '\0'))
			return usage_error("worldday", "an event needs "
			    "--organiser");
		if (country && country_resolve(country, &c) != COUNTRY_FOUND)
			return usage_error("worldday", "'%s' is not a country",
			    country);
		if (date && (strlen(date) != 10 || strncmp(date, argv[1], 4) !=
		    0 || date[4] != '-' || date[7] != '-'))
			return usage_error("worldday", "--date takes a date "
			    "(YYYY-MM-DD) in %s", argv[1]);
		if (*argv[2] == '\0')
			return usage_error("worldday", "the %s is empty",
			    is_theme ? "theme" : "title");
		if (store_open(&st, db_path(db), STORE_EXISTING) == -1)
			return EXIT_STORE;
		if (is_theme) {
			if (st->ops->worldday_theme_put(st, (int)v, argv[2]) ==
			    0)
				ret = EXIT_DONE;
		} else {
			struct worldday_event e = { argv[2], organiser,
			    c ? c->numeric : NR, date };

			if (st->ops->worldday_event_add(st, (int)v, &e) == 0)
				ret = EXIT_DONE;
		}
		st->ops->close(st);
		return ret;
	}
	if (store_open(&st, db_path(db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	printf("World Day against Trafficking in Persons, 30 July %d\n", year);
	if (st->ops->worldday_get(st, year, &a, &theme, &ev, &nev) == 0) {
		printf("theme: %s\n", theme ? theme : "(none recorded)");
		printf("events:%s\n", nev ? "" : " none recorded");
		for (size_t i = 0; i < nev; i++) {
			const struct country *ct = ev[i].country == NR ? NULL :
			    country_by_numeric(ev[i].country);

			printf("  %-10s  %s (%s%s%s)\n", ev[i].date ?
			    ev[i].date : "", ev[i].title, ev[i].organiser,
			    ct ? ", " : "", ct ? ct->name : "");
		}
		left = worldday_days_left(today, year);
		if (left > 0)
			printf("%ld day%s to go\n", left, left == 1 ? "" : "s");
		else if (left == 0)
			printf("today is the World Day\n");
		ret = out_close(stdout, NULL);
	}
	arena_release(&a);
	st->ops->close(st);
	return ret;
}
