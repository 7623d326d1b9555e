/*
 * cmd_icat.c: "palermo icat": the Inter-Agency Coordination Group against
 * Trafficking in Persons (resolution 68/192, op. 7, 8 and 16): members,
 * with UNODC as coordinator, co-chairs by year, meetings with the members,
 * organisations and states that attended, and the roadmap: plan actions
 * with a horizon year, with progress computed from their status.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static int
do_members(struct store *st)
{
	struct arena	 a = { NULL };
	struct icat_member *m;
	size_t		 n;
	int		 ret = EXIT_STORE;

	if (st->ops->icat_member_list(st, &a, &m, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			printf("%s%s\n", m[i].name, m[i].coordinator ?
			    "\t(coordinator)" : "");
		ret = out_close(stdout, NULL);
	}
	arena_release(&a);
	return ret;
}

static int
do_cochairs(struct store *st)
{
	struct arena	 a = { NULL };
	struct icat_cochair *c;
	size_t		 n;
	int		 ret = EXIT_STORE;

	if (st->ops->icat_cochair_list(st, &a, &c, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			printf("%d\t%s\n", c[i].year, c[i].member);
		ret = out_close(stdout, NULL);
	}
	arena_release(&a);
	return ret;
}

/* Meetings of a year (or all) with their attendees. */
static int
do_meetings(struct store *st, const char *year)
{
	static const char *const kinds[3] = { "member", "organisation",
	    "state" };
	static const char *const heads[3] = { "members",
	    "invited organisations", "invited states" };
	struct arena	 a = { NULL };
	struct icat_meeting *m;
	struct icat_attendee *at;
	size_t		 nm, nat;
	int		 ret = EXIT_STORE;

	if (st->ops->icat_meeting_list(st, &a, &m, &nm) == -1 ||
	    st->ops->icat_attendee_list(st, &a, &at, &nat) == -1)
		goto out;
	for (size_t i = 0; i < nm; i++) {
		if (year && strncmp(m[i].date, year, 4) != 0)
			continue;
		printf("%s  %s%s%s  (meeting %lld)\n", m[i].date, m[i].title,
		    *m[i].place ? ", " : "", m[i].place, (long long)m[i].id);
		for (int k = 0; k < 3; k++) {
			int	 n = 0;

			printf("    %s: ", heads[k]);
			for (size_t j = 0; j < nat; j++)
				if (at[j].meeting == m[i].id &&
				    strcmp(at[j].kind, kinds[k]) == 0)
					printf("%s%s", n++ ? ", " : "",
					    at[j].name);
			printf("%s\n", n ? "" : "none");
		}
	}
	ret = out_close(stdout, NULL);
out:
	arena_release(&a);
	return ret;
}

/* The roadmap: actions with a horizon, by year, with their progress. */
static int
do_roadmap(struct store *st, int horizon)
{
	struct roadmap_year years[ROADMAP_YEARS];
	struct arena	 a = { NULL };
	struct plan_action *v;
	size_t		 n;
	int		 ny;
	char		 p[32];

	if (st->ops->plan_action_list(st, &a, &v, &n) == -1) {
		arena_release(&a);
		return EXIT_STORE;
	}
	for (size_t i = 0; i < n; i++)
		if (v[i].horizon != NR && (horizon == NR || v[i].horizon ==
		    horizon))
			printf("%d  %-10s  %-12s  %s\n", v[i].horizon,
			    code_name(CL_ACTION_STATUS, v[i].status),
			    v[i].actor, v[i].title);
	ny = plan_roadmap(v, n, horizon, years, ROADMAP_YEARS);
	for (int k = 0; k < ny; k++) {
		pct_format(years[k].done, years[k].all - years[k].dropped, p);
		printf("progress %d: %d of %d done%s%s%s, %d dropped\n",
		    years[k].year, years[k].done, years[k].all -
		    years[k].dropped, *p ? " (" : "", p, *p ? "%)" : "",
		    years[k].dropped);
	}
	if (ny == 0)
		printf("no action of the roadmap is recorded (plan add "
		    "--horizon YEAR)\n");
	arena_release(&a);
	return out_close(stdout, NULL);
}

/* A member's own spelling of name, any case, in the arena; NULL if none. */
static const char *
member_find(struct store *st, struct arena *a, const char *name, int *err)
{
	struct icat_member *m;
	size_t		 n;

	*err = st->ops->icat_member_list(st, a, &m, &n) == -1;
	for (size_t i = 0; !*err && i < n; i++)
		if (str_eqi(m[i].name, name))
			return m[i].name;
	return NULL;
}

int
cmd_icat(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "place", required_argument, NULL, 'p' },
		{ "member", required_argument, NULL, 'm' },
		{ "organisation", required_argument, NULL, 'o' },
		{ "state", required_argument, NULL, 's' },
		{ "year", required_argument, NULL, 'y' },
		{ "horizon", required_argument, NULL, 'h' },
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char		*place = NULL, *member = NULL, *org = NULL;
	const char		*state = NULL, *year = NULL, *horizon = NULL;
	const char		*db = NULL, *what;
	const struct country	*c;
	struct store		*st;
	long long		 v, id;
	int64_t			 mid;
	struct arena		 a = { NULL };
	const char		*spelt = NULL;
	int			 ch, ret = EXIT_STORE, found, err = 0;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		switch (ch) {
		case 'p':
			place = optarg;
			break;
		case 'm':
			member = optarg;
			break;
		case 'o':
			org = optarg;
			break;
		case 's':
			state = optarg;
			break;
		case 'y':
			year = optarg;
			break;
		case 'h':
			horizon = optarg;
			break;
		case 'd':
			db = optarg;
			break;
		default:
			return option_error("icat", ch, argv);
		}
	argc -= optind;
	argv += optind;
	what = argc ? argv[0] : "members";
	if (year && (strlen(year) != 4 || parse_int(year, 2007, 2200, &v) ==
	    -1))
		return usage_error("icat", "--year takes a year");
	v = NR;
	if (horizon && parse_int(horizon, 2013, 2200, &v) == -1)
		return usage_error("icat", "--horizon takes a year");
	if (store_open(&st, db_path(db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	if (strcmp(what, "members") == 0 && argc <= 1)
		ret = do_members(st);
	else if (strcmp(what, "cochairs") == 0 && argc == 1)
		ret = do_cochairs(st);
	else if (strcmp(what, "meetings") == 0 && argc == 1)
		ret = do_meetings(st, year);
	else if (strcmp(what, "roadmap") == 0 && argc == 1)
		ret = do_roadmap(st, (int)v);
	else if (strcmp(what, "member") == 0 && argc == 2 && *argv[1]) {
		if (st->ops->icat_member_add(st, argv[1]) == 0)
			ret = EXIT_DONE;
	} else if (strcmp(what, "cochair") == 0 && argc == 3) {
		if (parse_int(argv[1], 2007, 2200, &id) == -1)
			ret = usage_error("icat", "cochair takes a year and a "
			    "member");
		else if (st->ops->icat_cochair_put(st, (int)id, argv[2],
		    &found) == 0) {
			ret = EXIT_DONE;
			if (!found) {
				error("'%s' is not a member of ICAT, or co-chairs "
				    "%s already (see 'palermo icat members')",
				    argv[2], argv[1]);
				ret = EXIT_REJECTED;
			}
		}
	} else if (strcmp(what, "meeting") == 0 && argc == 3) {
		if (!date_valid(argv[1]) || *argv[2] == '\0')
			ret = usage_error("icat", "meeting takes a date "
			    "(YYYY-MM-DD) and a title");
		else if (st->ops->icat_meeting_add(st, argv[1], argv[2], place,
		    &mid) == 0) {
			printf("%lld\n", (long long)mid);
			ret = out_close(stdout, NULL);
		}
	} else if (strcmp(what, "attend") == 0 && argc == 2) {
		const char	*kind = member ? "member" : org ? "organisation" :
				    "state", *name = member ? member : org ? org :
				    state;

		if (parse_int(argv[1], 1, INT64_MAX, &id) == -1 ||
		    (member != NULL) + (org != NULL) + (state != NULL) != 1)
			ret = usage_error("icat", "attend takes a meeting id and "
			    "one of --member, --organisation, --state");
		else if (state && country_resolve(state, &c) != COUNTRY_FOUND)
			ret = usage_error("icat", "'%s' is not a country",
			    state);
		else if (member && ((spelt = member_find(st, &a, member,
		    &err)) == NULL || err)) {
			if (!err) {
				error("'%s' is not a member of ICAT; an invited "
				    "organisation is --organisation", member);
				ret = EXIT_REJECTED;
			}
		} else if (st->ops->icat_attendee_add(st, id, kind, state ?
		    c->alpha3 : member ? spelt : name, &found) == 0) {
			ret = EXIT_DONE;
			if (!found) {
				error("no meeting %lld, or recorded already",
				    id);
				ret = EXIT_REJECTED;
			}
		}
	} else
		ret = usage_error("icat", "unknown action '%s' or wrong number "
		    "of arguments", what);
	arena_release(&a);
	st->ops->close(st);
	return ret;
}
