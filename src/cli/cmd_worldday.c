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

#define FIRST_YEAR	2014

/* Today (today_iso) as numbers. */
static int
today(int *y, int *m, int *d)
{
	char	 s[11];

	if (today_iso(s) == -1 || sscanf(s, "%4d-%2d-%2d", y, m, d) != 3)
		return -1;
	return 0;
}

/* Days from y-m-d to 30 July of year, by the UTC calendar. */
static long
days_to_worldday(int y, int m, int d, int year)
{
	struct tm	 a, b;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	a.tm_year = y - 1900;
	a.tm_mon = m - 1;
	a.tm_mday = d;
	b.tm_year = year - 1900;
	b.tm_mon = 6;
	b.tm_mday = 30;
	return (long)((timegm(&b) - timegm(&a)) / 86400);
}

static int
print_line(const char *theme, const char *title, const char *organiser,
    int country, const char *date, void *arg)
{
	int	*n = arg;

	if (title == NULL) {
		printf("theme: %s\n", theme ? theme : "(none recorded)");
		return 0;
	}
	if ((*n)++ == 0)
		printf("events:\n");
	{
		const struct country *c = country == NR ? NULL :
		    country_by_numeric(country);

		printf("  %-10s  %s (%s%s%s)\n", date ? date : "",
		    title, organiser, c ? ", " : "", c ? c->name : "");
	}
	return 0;
}

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
	long long		 v;
	int			 ch, y = 0, m = 0, d = 0, year, events = 0;
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
	if (today(&y, &m, &d) == -1)
		return EXIT_USAGE;
	year = y;
	if (argc >= 1 && strcmp(argv[0], "theme") != 0 &&
	    strcmp(argv[0], "event") != 0) {
		if (argc != 1 || parse_int(argv[0], FIRST_YEAR, 2200, &v) == -1)
			return usage_error("worldday", "the World Day is "
			    "observed from %d on: give a year from %d", FIRST_YEAR,
			    FIRST_YEAR);
		year = (int)v;
		argc = 0;
	}
	if (argc > 0) {
		int theme = strcmp(argv[0], "theme") == 0;

		if (argc != 3 || parse_int(argv[1], FIRST_YEAR, 2200, &v) == -1)
			return usage_error("worldday", "%s takes a year from %d "
			    "and a %s", argv[0], FIRST_YEAR, theme ? "theme" :
			    "title");
		if (!theme && (organiser == NULL || *organiser == '\0'))
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
			    theme ? "theme" : "title");
		if (store_open(&st, db_path(db), STORE_EXISTING) == -1)
			return EXIT_STORE;
		if ((theme ? st->ops->worldday_theme_put(st, (int)v, argv[2]) :
		    st->ops->worldday_event_add(st, (int)v, argv[2], organiser,
		    c ? c->numeric : NR, date)) == 0)
			ret = EXIT_DONE;
		st->ops->close(st);
		return ret;
	}
	if (store_open(&st, db_path(db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	printf("World Day against Trafficking in Persons, 30 July %d\n", year);
	if (st->ops->worldday_each(st, year, print_line, &events) == 0) {
		if (events == 0)
			printf("events: none recorded\n");
		left = days_to_worldday(y, m, d, year);
		if (left > 0)
			printf("%ld day%s to go\n", left, left == 1 ? "" : "s");
		else if (left == 0)
			printf("today is the World Day\n");
		ret = out_close(stdout, NULL);
	}
	st->ops->close(st);
	return ret;
}
