/*
 * cmd_icat.c: "palermo icat": the Inter-Agency Coordination Group against
 * Trafficking in Persons (resolution 68/192, op. 7, 8 and 16): members,
 * with UNODC as coordinator, co-chairs by year, meetings with the members,
 * organisations and states that attended, and the roadmap: plan actions
 * with a horizon year, with progress computed from their status.
 */
#include <string.h>

#include "cli/cli.h"

struct icat_opts {
	const char	*place, *member, *organisation, *state, *year;
	const char	*horizon, *joined, *as_of;
	int		 h;		/* --horizon checked, or NR */
	char		 today[11];
};

static int
icat_members(struct cli *cl, void *o, int argc, char **argv)
{
	const struct icat_opts *io = o;
	struct store	*st = cli_store(cl);
	struct arena	 a = { NULL };
	struct icat_member *m;
	size_t		 n;
	int		 ret = EXIT_STORE;

	(void)argc;
	(void)argv;
	if (st != NULL && st->ops->icat_member_list(st, &a, &m, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			if (icat_member_on(&m[i], io->as_of))
				printf("%s\t%s%s\n", m[i].name, *m[i].joined ?
				    m[i].joined : "joined: not recorded",
				    m[i].coordinator ? "\t(coordinator)" :
				    "");
		ret = out_close(stdout, NULL, 1);
		fprintf(stderr, "%s: members on %s\n", progname, io->as_of);
	}
	arena_release(&a);
	return ret;
}

static int
icat_cochairs(struct cli *cl, void *o, int argc, char **argv)
{
	struct store	*st = cli_store(cl);
	struct arena	 a = { NULL };
	struct icat_cochair *c;
	size_t		 n;
	int		 ret = EXIT_STORE;

	(void)o;
	(void)argc;
	(void)argv;
	if (st != NULL && st->ops->icat_cochair_list(st, &a, &c, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			printf("%d\t%s\n", c[i].year, c[i].member);
		ret = out_close(stdout, NULL, 1);
	}
	arena_release(&a);
	return ret;
}

/* Meetings of a year (or all) with their attendees. */
static int
icat_meetings(struct cli *cl, void *opts, int argc, char **argv)
{
	static const char *const kinds[3] = { "member", "organisation",
	    "state" };
	static const char *const heads[3] = { "members",
	    "invited organisations", "invited states" };
	const char	*year = ((const struct icat_opts *)opts)->year;
	struct store	*st = cli_store(cl);
	struct arena	 a = { NULL };
	struct icat_meeting *m;
	struct icat_attendee *at;
	size_t		 nm, nat;
	int		 ret = EXIT_STORE;

	(void)argc;
	(void)argv;
	if (st == NULL || st->ops->icat_meeting_list(st, &a, &m, &nm) == -1 ||
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
	ret = out_close(stdout, NULL, 1);
out:
	arena_release(&a);
	return ret;
}

/* The roadmap: actions with a horizon, by year, with their progress. */
static int
icat_roadmap(struct cli *cl, void *opts, int argc, char **argv)
{
	struct roadmap_year years[ROADMAP_YEARS];
	int		 horizon = ((const struct icat_opts *)opts)->h;
	struct store	*st = cli_store(cl);
	struct arena	 a = { NULL };
	struct plan_action *v;
	size_t		 n;
	int		 ny;
	char		 p[32];

	(void)argc;
	(void)argv;
	if (st == NULL || st->ops->plan_action_list(st, &a, &v, &n) == -1) {
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
	return out_close(stdout, NULL, 1);
}

#define BAD_ACTION	"unknown action '%s' or wrong number of arguments"

static int
icat_member(struct cli *cl, void *o, int argc, char **argv)
{
	const struct icat_opts *io = o;
	struct store	*st;
	struct arena	 a = { NULL };
	const char	*name;
	int		 found, rc;

	(void)argc;
	if (*argv[0] == '\0')
		return usage_error("icat", BAD_ACTION, "member");
	if (io->joined == NULL || !date_valid_past(io->joined))
		return usage_error("icat", "member takes --joined DATE, the day "
		    "it joined (YYYY-MM-DD, not after today)");
	if ((st = cli_store(cl)) == NULL ||
	    icat_member_find(st, &a, argv[0], &name) == -1) {
		arena_release(&a);
		return EXIT_STORE;
	}
	/* a member already there: its day corrected (the history keeps the
	 * one before) */
	rc = name ? st->ops->icat_member_joined(st, name, io->joined, &found)
	    : st->ops->icat_member_add(st, argv[0], io->joined);
	arena_release(&a);
	return rc == 0 ? EXIT_DONE : EXIT_STORE;
}

static int
icat_cochair(struct cli *cl, void *o, int argc, char **argv)
{
	struct store	*st;
	long long	 year;
	int		 found, rc;

	(void)o;
	(void)argc;
	if (parse_int(argv[0], 2007, 2200, &year) == -1)
		return usage_error("icat", "cochair takes a year and a member");
	if ((st = cli_store(cl)) == NULL ||
	    (rc = icat_cochair_check(st, (int)year, argv[1])) == -1)
		return EXIT_STORE;
	if (rc == 1)
		return EXIT_REJECTED;
	if (st->ops->icat_cochair_put(st, (int)year, argv[1], &found) == -1)
		return EXIT_STORE;
	if (!found) {
		error("'%s' co-chairs %s already", argv[1], argv[0]);
		return EXIT_REJECTED;
	}
	return EXIT_DONE;
}

static int
icat_meeting(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct icat_opts *o = opts;
	struct store	*st;
	int64_t		 id;

	(void)argc;
	if (!date_valid(argv[0]) || *argv[1] == '\0')
		return usage_error("icat", "meeting takes a date (YYYY-MM-DD) "
		    "and a title");
	if ((st = cli_store(cl)) == NULL ||
	    st->ops->icat_meeting_add(st, argv[0], argv[1], o->place, &id) ==
	    -1)
		return EXIT_STORE;
	printf("%lld\n", (long long)id);
	return out_close(stdout, NULL, 1);
}

static int
icat_attend(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct icat_opts *o = opts;
	const struct country	*c = NULL;
	struct store		*st;
	struct arena		 a = { NULL };
	const char		*kind, *name;
	long long		 id;
	int			 found, err = 0, ret = EXIT_STORE;

	(void)argc;
	if (parse_int(argv[0], 1, INT64_MAX, &id) == -1 || (o->member !=
	    NULL) + (o->organisation != NULL) + (o->state != NULL) != 1)
		return usage_error("icat", "attend takes a meeting id and one "
		    "of --member, --organisation, --state");
	if (o->state && country_resolve(o->state, &c) != COUNTRY_FOUND)
		return usage_error("icat", "'%s' is not a country", o->state);
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	kind = o->member ? "member" : o->organisation ? "organisation" :
	    "state";
	name = c ? c->alpha3 : o->organisation;
	if (o->member && ((err = icat_member_find(st, &a, o->member,
	    &name)) == -1 || name == NULL)) {
		if (!err) {
			error("'%s' is not a member of ICAT; an invited "
			    "organisation is --organisation", o->member);
			ret = EXIT_REJECTED;
		}
	} else if (st->ops->icat_attendee_add(st, id, kind, name,
	    &found) == 0) {
		ret = EXIT_DONE;
		if (!found) {
			error("no meeting %lld, or recorded already", id);
			ret = EXIT_REJECTED;
		}
	}
	arena_release(&a);
	return ret;
}

static const struct subcommand icat_subs[] = {
	{ "members", 0, 0, icat_members },
	{ "cochairs", 0, 0, icat_cochairs },
	{ "meetings", 0, 0, icat_meetings },
	{ "roadmap", 0, 0, icat_roadmap },
	{ "member", 1, 1, icat_member },
	{ "cochair", 2, 2, icat_cochair },
	{ "meeting", 2, 2, icat_meeting },
	{ "attend", 1, 1, icat_attend },
	{ NULL, 0, 0, NULL },
};

static int
icat_run(struct cli *cl, void *opts, int argc, char **argv)
{
	struct icat_opts *o = opts;
	long long	 v = NR;

	if (today_iso(o->today) == -1)
		return EXIT_USAGE;
	if (o->as_of && !date_valid(o->as_of))
		return usage_error("icat", "--as-of takes a date (YYYY-MM-DD)");
	if (o->as_of == NULL)
		o->as_of = o->today;
	if (o->year && (strlen(o->year) != 4 || parse_int(o->year, 2007, 2200,
	    &v) == -1))
		return usage_error("icat", "--year takes a year");
	v = NR;
	if (o->horizon && parse_int(o->horizon, 2013, 2200, &v) == -1)
		return usage_error("icat", "--horizon takes a year");
	o->h = (int)v;
	return cli_dispatch(cl, icat_subs, o, argc, argv, "members",
	    BAD_ACTION);
}

static const struct opt icat_opts[] = {
	OPT_VALUE("place", struct icat_opts, place),
	OPT_VALUE("member", struct icat_opts, member),
	OPT_VALUE("organisation", struct icat_opts, organisation),
	OPT_VALUE("state", struct icat_opts, state),
	OPT_VALUE("year", struct icat_opts, year),
	OPT_VALUE("horizon", struct icat_opts, horizon),
	OPT_VALUE("joined", struct icat_opts, joined),
	OPT_VALUE("as-of", struct icat_opts, as_of),
	OPT_END,
};

const struct command cmd_icat = {
	"icat", "ICAT: members, co-chairs, meetings, roadmap",
	"palermo icat [members] [--as-of DATE] [--db PATH]\n"
	"palermo icat member NAME --joined DATE\n"
	"palermo icat cochairs\n"
	"palermo icat cochair YEAR MEMBER\n"
	"palermo icat meetings [--year YEAR]\n"
	"palermo icat meeting DATE TITLE [--place PLACE]\n"
	"palermo icat attend MEETING --member M | --organisation O | "
	"--state C\n"
	"palermo icat roadmap [--horizon YEAR]\n\n"
	"The Inter-Agency Coordination Group against Trafficking in\n"
	"Persons: its members on a date (UNODC as coordinator, and the\n"
	"entities the resolution names, members since ICAT's establishment\n"
	"in 2007, UN-Women since 2011; member adds one with the day it\n"
	"joined, or corrects that day), co-chairs by year (a co-chair must\n"
	"have joined by the end of its year), meetings\n"
	"(meeting prints the new id) with the members, invited\n"
	"organisations and states that attended, and the roadmap: the\n"
	"plan's actions with a horizon year, and for each year how many\n"
	"are done of those not dropped.\n\n" DB_OPTS,
	icat_opts, sizeof(struct icat_opts), 0, icat_run,
};
