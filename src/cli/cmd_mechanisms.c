/*
 * cmd_mechanisms.c: "palermo mechanisms": the register of national
 * coordination mechanisms and rapporteurs (resolution 68/192, op. 12):
 * offices, never private persons; and their meetings, with who took
 * part.
 */
#include <string.h>

#include "cli/cli.h"

struct mech_opts {
	const char	*country, *name, *kind, *mandate, *office;
	const char	*place, *topics;
};

#define MEETING_USAGE	"meeting takes a date (YYYY-MM-DD), join a meeting " \
	"id and a mechanism id"

/* --country as an ISO numeric code, NR when not given; -1 when bad. */
static int
mech_country(const struct mech_opts *o, int *country)
{
	const struct country *c;

	*country = NR;
	if (o->country == NULL)
		return 0;
	if (country_resolve(o->country, &c) != COUNTRY_FOUND) {
		usage_error("mechanisms", "'%s' is not a country", o->country);
		return -1;
	}
	*country = c->numeric;
	return 0;
}

static int
mech_list(struct cli *cl, void *opts, int argc, char **argv)
{
	struct store	*st;
	struct arena	 a = { NULL };
	struct mechanism *m;
	size_t		 n;
	int		 country, ret = EXIT_STORE;

	(void)argc;
	(void)argv;
	if (mech_country(opts, &country) == -1)
		return EXIT_USAGE;
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	printf("id\tcountry\tkind\tname\tmandate\toffice\n");
	if (st->ops->mechanism_list(st, &a, &m, &n) == 0) {
		for (size_t i = 0; i < n; i++) {
			const struct country *c = country_by_numeric(m[i].country);

			if (country != NR && m[i].country != country)
				continue;
			printf("%lld\t%s\t%s\t%s\t%s\t%s\n", (long long)m[i].id,
			    c ? c->alpha3 : "?", m[i].kind, m[i].name,
			    m[i].mandate, m[i].office);
		}
		ret = out_close(stdout, NULL, 1);
	}
	arena_release(&a);
	return ret;
}

static int
mech_add(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct mech_opts *o = opts;
	struct store	*st;
	struct mechanism m;
	int		 country;

	(void)argc;
	(void)argv;
	if (mech_country(o, &country) == -1)
		return EXIT_USAGE;
	if (country == NR || o->name == NULL || *o->name == '\0' ||
	    !mechanism_kind_valid(o->kind))
		return usage_error("mechanisms", "add needs --country, --name "
		    "and --kind (coordination, rapporteur or equivalent)");
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	m = (struct mechanism){ 0, country, o->name, o->kind, o->mandate,
	    o->office };
	return st->ops->mechanism_add(st, &m) == 0 ? EXIT_DONE : EXIT_STORE;
}

static int
mech_meeting(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct mech_opts *o = opts;
	struct store	*st;
	int64_t		 id;

	if (argc != 1 || !date_valid(argv[0]))
		return usage_error("mechanisms", MEETING_USAGE);
	if ((st = cli_store(cl)) == NULL ||
	    st->ops->mech_meeting_add(st, argv[0], o->place, o->topics, &id) ==
	    -1)
		return EXIT_STORE;
	printf("%lld\n", (long long)id);
	return out_close(stdout, NULL, 1);
}

static int
mech_join(struct cli *cl, void *opts, int argc, char **argv)
{
	struct store	*st;
	long long	 a, b;
	int		 found;

	(void)opts;
	if (argc != 2 || parse_int(argv[0], 1, INT64_MAX, &a) == -1 ||
	    parse_int(argv[1], 1, INT64_MAX, &b) == -1)
		return usage_error("mechanisms", MEETING_USAGE);
	if ((st = cli_store(cl)) == NULL ||
	    st->ops->mech_participant_add(st, a, b, &found) == -1)
		return EXIT_STORE;
	if (!found) {
		error("no meeting %lld or no mechanism %lld (see 'palermo "
		    "mechanisms'), or joined already", a, b);
		return EXIT_REJECTED;
	}
	return EXIT_DONE;
}

static int
mech_meetings(struct cli *cl, void *opts, int argc, char **argv)
{
	struct store	*st;
	struct arena	 a = { NULL };
	struct mech_meeting *m;
	size_t		 n;
	int		 ret = EXIT_STORE;

	(void)opts;
	(void)argv;
	if (argc != 0)
		return usage_error("mechanisms", MEETING_USAGE);
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	if (st->ops->mech_meeting_list(st, &a, &m, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			printf("%s  %s  (meeting %lld)\n    topics: %s\n"
			    "    mechanisms: %s\n", m[i].date, m[i].place,
			    (long long)m[i].id, *m[i].topics ? m[i].topics :
			    "-", *m[i].participants ? m[i].participants :
			    "none recorded");
		ret = out_close(stdout, NULL, 1);
	}
	arena_release(&a);
	return ret;
}

static const struct subcommand mech_subs[] = {
	{ "list", 0, 0, mech_list },
	{ "add", 0, 0, mech_add },
	{ "meeting", 0, 100, mech_meeting },
	{ "join", 0, 100, mech_join },
	{ "meetings", 0, 100, mech_meetings },
	{ NULL, 0, 0, NULL },
};

static int
mech_run(struct cli *cl, void *o, int argc, char **argv)
{
	return cli_dispatch(cl, mech_subs, o, argc, argv, "list",
	    "say list, add, meeting, join or meetings");
}

static const struct opt mech_opts[] = {
	OPT_VALUE("country", struct mech_opts, country),
	OPT_VALUE("name", struct mech_opts, name),
	OPT_VALUE("kind", struct mech_opts, kind),
	OPT_VALUE("mandate", struct mech_opts, mandate),
	OPT_VALUE("office", struct mech_opts, office),
	OPT_VALUE("place", struct mech_opts, place),
	OPT_VALUE("topics", struct mech_opts, topics),
	OPT_END,
};

const struct command cmd_mechanisms = {
	"mechanisms", "national coordination mechanisms",
	"palermo mechanisms [list] [--country C] [--db PATH]\n"
	"palermo mechanisms add --country C --name NAME --kind KIND\n"
	"                   [--mandate TEXT] [--office TEXT] [--db PATH]\n"
	"palermo mechanisms meeting DATE [--place P] [--topics T]\n"
	"palermo mechanisms join MEETING MECHANISM\n"
	"palermo mechanisms meetings\n\n"
	"The register of national coordination mechanisms and rapporteurs:\n"
	"offices, never private persons.  KIND is coordination, rapporteur\n"
	"or equivalent.  meeting records a meeting of mechanisms (and\n"
	"prints its id), join who took part, meetings lists them.\n\n"
	DB_OPTS,
	mech_opts, sizeof(struct mech_opts), 0, mech_run,
};
