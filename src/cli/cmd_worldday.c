/*
 * cmd_worldday.c: "palermo worldday": the World Day against Trafficking in
 * Persons, 30 July, observed from 2014 on (resolution 68/192, op. 5).  It
 * says what is recorded for a year and, before 30 July, how many days
 * remain; it records a year's theme and its events.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

struct worldday_opts {
	const char	*organiser, *country, *date;
};

/* theme YEAR THEME, event YEAR TITLE: checked alike. */
static int
worldday_record(struct cli *cl, const struct worldday_opts *o,
    const char *what, int argc, char **argv)
{
	const struct country	*c = NULL;
	struct worldday_event	 e = { NULL, o->organiser, NR, o->date };
	struct store		*st;
	long long		 year;
	int			 theme = strcmp(what, "theme") == 0;

	if (argc != 2 || parse_int(argv[0], WORLDDAY_FIRST, 2200, &year) == -1)
		return usage_error("worldday", "%s takes a year from %d and a "
		    "%s", what, WORLDDAY_FIRST, theme ? "theme" : "title");
	e.title = argv[1];
	switch (theme ? *argv[1] ? WDP_NONE : WDP_TITLE :
	    worldday_event_check((int)year, &e)) {
	case WDP_ORGANISER:
		return usage_error("worldday", "an event needs --organiser");
	case WDP_DATE:
		return usage_error("worldday", "--date takes a date "
		    "(YYYY-MM-DD) in %s", argv[0]);
	case WDP_TITLE:
		return usage_error("worldday", "the %s is empty", theme ?
		    "theme" : "title");
	case WDP_NONE:
		break;
	}
	if (o->country && country_resolve(o->country, &c) != COUNTRY_FOUND)
		return usage_error("worldday", "'%s' is not a country",
		    o->country);
	e.country = c ? c->numeric : NR;
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	if (theme)
		return st->ops->worldday_theme_put(st, (int)year, argv[1]) ==
		    0 ? EXIT_DONE : EXIT_STORE;
	return st->ops->worldday_event_add(st, (int)year, &e) == 0 ?
	    EXIT_DONE : EXIT_STORE;
}

static int
worldday_theme(struct cli *cl, void *o, int argc, char **argv)
{
	return worldday_record(cl, o, "theme", argc, argv);
}

static int
worldday_event(struct cli *cl, void *o, int argc, char **argv)
{
	return worldday_record(cl, o, "event", argc, argv);
}

/* What is recorded for a year, and the days to go. */
static int
worldday_show(struct cli *cl, int year, const char *today)
{
	struct store		*st;
	struct arena		 a = { NULL };
	struct worldday_event	*ev;
	const char		*theme;
	size_t			 n;
	long			 left;
	int			 ret = EXIT_STORE;

	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	printf("World Day against Trafficking in Persons, 30 July %d\n", year);
	if (st->ops->worldday_get(st, year, &a, &theme, &ev, &n) == 0) {
		printf("theme: %s\n", theme ? theme : "(none recorded)");
		printf("events:%s\n", n ? "" : " none recorded");
		for (size_t i = 0; i < n; i++) {
			const struct country *c = ev[i].country == NR ? NULL :
			    country_by_numeric(ev[i].country);

			printf("  %-10s  %s (%s%s%s)\n", ev[i].date ?
			    ev[i].date : "", ev[i].title, ev[i].organiser,
			    c ? ", " : "", c ? c->name : "");
		}
		if ((left = worldday_days_left(today, year)) > 0)
			printf("%ld day%s to go\n", left, left == 1 ? "" : "s");
		else if (left == 0)
			printf("today is the World Day\n");
		ret = out_close(stdout, NULL, 1);
	}
	arena_release(&a);
	return ret;
}

static const struct subcommand worldday_subs[] = {
	{ "theme", 0, 100, worldday_theme },
	{ "event", 0, 100, worldday_event },
	{ NULL, 0, 0, NULL },
};

static int
worldday_run(struct cli *cl, void *o, int argc, char **argv)
{
	const struct subcommand *sub;
	char		 today[11];
	long long	 year;

	if (today_iso(today) == -1)
		return EXIT_USAGE;
	if (argc == 0)
		return worldday_show(cl, (int)strtol(today, NULL, 10), today);
	if ((sub = cli_subcommand(worldday_subs, argv[0])) != NULL)
		return sub->run(cl, o, argc - 1, argv + 1);
	if (argc != 1 || parse_int(argv[0], WORLDDAY_FIRST, 2200, &year) ==
	    -1)
		return usage_error("worldday", "the World Day is observed from "
		    "%d on: give a year from %d", WORLDDAY_FIRST,
		    WORLDDAY_FIRST);
	return worldday_show(cl, (int)year, today);
}

static const struct opt worldday_opts[] = {
	OPT_VALUE("organiser", struct worldday_opts, organiser),
	OPT_VALUE("country", struct worldday_opts, country),
	OPT_VALUE("date", struct worldday_opts, date),
	OPT_END,
};

const struct command cmd_worldday = {
	"worldday", "the World Day against Trafficking, 30 July",
	"palermo worldday [YEAR] [--db PATH]\n"
	"palermo worldday theme YEAR THEME [--db PATH]\n"
	"palermo worldday event YEAR TITLE --organiser NAME [--country C]\n"
	"                 [--date YYYY-MM-DD] [--db PATH]\n\n"
	"Says what is recorded for the World Day of YEAR (default this\n"
	"year), observed from 2014 on, and before 30 July how many days\n"
	"remain; records a year's theme or an event.\n\n"
	"  --organiser NAME  who organises the event (required)\n"
	"  --country C       where it takes place\n"
	"  --date D          its date, in YEAR\n" DB_OPTS,
	worldday_opts, sizeof(struct worldday_opts), 0, worldday_run,
};
