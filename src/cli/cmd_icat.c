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

enum { T_MEMBERS, T_COCHAIRS, T_MEETINGS, T_ATTENDEES };

static int
print_member(const char *const *v, void *arg)
{
	(void)arg;
	printf("%s%s\n", v[0], strcmp(v[1], "1") == 0 ? "\t(coordinator)" :
	    "");
	return 0;
}

static int
print_cochair(const char *const *v, void *arg)
{
	(void)arg;
	printf("%s\t%s\n", v[0], v[1]);
	return 0;
}

/* Meetings of a year (or all) with their attendees, read in two passes. */
struct meetings {
	const char	*year;
	char		**rows;		/* id, date, title, place, ... */
	size_t		 n;
};

static int
keep_meeting(const char *const *v, void *arg)
{
	struct meetings	*m = arg;

	if (m->year && strncmp(v[1], m->year, 4) != 0)
		return 0;
	m->rows = xreallocarray(m->rows, (m->n + 1) * 4, sizeof(*m->rows));
	for (int i = 0; i < 4; i++)
		m->rows[m->n * 4 + (size_t)i] = xstrdup(v[i]);
	m->n++;
	return 0;
}

struct attendee_printer {
	const char	*meeting;
	const char	*kind;
	int		 n;
};

static int
print_attendee(const char *const *v, void *arg)
{
	struct attendee_printer *p = arg;

	if (strcmp(v[0], p->meeting) != 0 || strcmp(v[1], p->kind) != 0)
		return 0;
	printf("%s%s", p->n++ ? ", " : "", v[2]);
	return 0;
}

static int
do_meetings(struct store *st, const char *year)
{
	static const char *const kinds[3] = { "member", "organisation",
	    "state" };
	static const char *const heads[3] = { "members",
	    "invited organisations", "invited states" };
	struct meetings	 m = { year, NULL, 0 };
	int		 ret = EXIT_STORE;

	if (st->ops->icat_each(st, T_MEETINGS, keep_meeting, &m) == -1)
		goto out;
	for (size_t i = 0; i < m.n; i++) {
		printf("%s  %s%s%s  (meeting %s)\n", m.rows[i * 4 + 1],
		    m.rows[i * 4 + 2], *m.rows[i * 4 + 3] ? ", " : "",
		    m.rows[i * 4 + 3], m.rows[i * 4]);
		for (int k = 0; k < 3; k++) {
			struct attendee_printer p = { m.rows[i * 4], kinds[k],
			    0 };

			printf("    %s: ", heads[k]);
			if (st->ops->icat_each(st, T_ATTENDEES, print_attendee,
			    &p) == -1)
				goto out;
			printf("%s\n", p.n ? "" : "none");
		}
	}
	ret = out_close(stdout, NULL);
out:
	for (size_t i = 0; i < m.n * 4; i++)
		free(m.rows[i]);
	free(m.rows);
	return ret;
}

/* The roadmap: actions with a horizon, by year, with their progress. */
struct roadmap {
	int	 horizon;		/* only this year, or NR */
	int	 years[64], done[64], dropped[64], all[64], n;
	struct buf b;
};

static int
roadmap_action(const struct plan_action *a, void *arg)
{
	struct roadmap	*r = arg;
	int		 k;

	if (a->horizon == NR || (r->horizon != NR && a->horizon !=
	    r->horizon))
		return 0;
	for (k = 0; k < r->n && r->years[k] != a->horizon; k++)
		;
	if (k == r->n) {
		if (r->n == 64)
			return 0;
		r->years[r->n++] = a->horizon;
	}
	r->all[k]++;
	r->done[k] += a->status == AS_DONE;
	r->dropped[k] += a->status == AS_DROPPED;
	buf_addf(&r->b, "%d  %-10s  %-12s  %s\n", a->horizon,
	    code_name(CL_ACTION_STATUS, a->status), a->actor, a->title);
	return 0;
}

static int
do_roadmap(struct store *st, int horizon)
{
	struct roadmap	 r;
	char		 p[32];

	memset(&r, 0, sizeof(r));
	r.horizon = horizon;
	buf_init(&r.b, 0);
	if (st->ops->plan_action_each(st, roadmap_action, &r) == -1) {
		buf_release(&r.b);
		return EXIT_STORE;
	}
	fputs(r.b.s, stdout);
	for (int k = 0; k < r.n; k++) {
		pct_format(r.done[k], r.all[k] - r.dropped[k], p);
		printf("progress %d: %d of %d done%s%s%s, %d dropped\n",
		    r.years[k], r.done[k], r.all[k] - r.dropped[k],
		    *p ? " (" : "", p, *p ? "%)" : "", r.dropped[k]);
	}
	if (r.n == 0)
		printf("no action of the roadmap is recorded (plan add "
		    "--horizon YEAR)\n");
	buf_release(&r.b);
	return out_close(stdout, NULL);
}

struct lookup {
	const char	*name;
	const char	*found;		/* the member's own spelling */
	char		 buf[128];
};

static int
find_member(const char *const *v, void *arg)
{
	struct lookup	*l = arg;

	if (str_eqi(v[0], l->name)) {
		snprintf(l->buf, sizeof(l->buf), "%s", v[0]);
		l->found = l->buf;
	}
	return 0;
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
	struct lookup		 lk;
	int			 ch, ret = EXIT_STORE, found;

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
	memset(&lk, 0, sizeof(lk));
	lk.name = member;
	if (year && (strlen(year) != 4 || parse_int(year, 2007, 2200, &v) ==
	    -1))
		return usage_error("icat", "--year takes a year");
	v = NR;
	if (horizon && parse_int(horizon, 2013, 2200, &v) == -1)
		return usage_error("icat", "--horizon takes a year");
	if (store_open(&st, db_path(db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	if (strcmp(what, "members") == 0 && argc <= 1) {
		if (st->ops->icat_each(st, T_MEMBERS, print_member, NULL) == 0)
			ret = out_close(stdout, NULL);
	} else if (strcmp(what, "cochairs") == 0 && argc == 1) {
		if (st->ops->icat_each(st, T_COCHAIRS, print_cochair, NULL) ==
		    0)
			ret = out_close(stdout, NULL);
	} else if (strcmp(what, "meetings") == 0 && argc == 1)
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
		else if (member && (st->ops->icat_each(st, T_MEMBERS,
		    find_member, &lk) == -1 || lk.found == NULL)) {
			error("'%s' is not a member of ICAT; an invited "
			    "organisation is --organisation", member);
			ret = EXIT_REJECTED;
		} else if (st->ops->icat_attendee_add(st, id, kind, state ?
		    c->alpha3 : member ? lk.found : name, &found) == 0) {
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
	st->ops->close(st);
	return ret;
}
