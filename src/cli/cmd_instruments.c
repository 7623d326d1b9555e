/*
 * cmd_instruments.c: "palermo instruments": the legal instruments that
 * resolution 68/192 urges states to ratify and apply (op. 1), the actions
 * of each state on each, and who is a party, a signatory or neither on a
 * date (rules/treaties.c decides).
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

struct instruments_opts {
	const char	*source, *instrument, *as_of, *unts;
	const char	*in_force, *enters, *protocol_to;
	int		 csv, organisations;
	char		 today[11];
	struct treaties	 g;		/* the register, read before */
};

static int
instruments_list(struct cli *cl, void *o, int argc, char **argv)
{
	const struct treaties *g = &((const struct instruments_opts *)o)->g;

	(void)cl;
	(void)argc;
	(void)argv;
	printf("code\tname\tunts\tin force\tfor a State\tprotocol to\n");
	for (size_t i = 0; i < g->nin; i++) {
		const struct instrument *in = &g->in[i], *conv =
		    treaties_by_id(g, in->protocol_to);

		printf("%s\t%s\t", in->code, in->name);
		if (in->unts_volume != NR)
			printf("UNTS vol. %d, no. %d", in->unts_volume,
			    in->unts_number);
		printf("\t%s\t", *in->in_force ? in->in_force : "-");
		if (in->eif_rule == EIF_DEPOSIT)
			printf("on deposit");
		else
			printf("%d %s%s after deposit", in->eif_after,
			    in->eif_rule == EIF_DAYS ? "day" : "month",
			    in->eif_after == 1 ? "" : "s");
		printf("%s\t%s%s\n", in->organisations ? ", organisations "
		    "too" : "", conv ? conv->code : "-", in->shipped ? "" :
		    "\t(added)");
	}
	return out_close(stdout, NULL, 1);
}

/* participants: who can take part in treaties on a date, and how. */
static int
instruments_participants(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct instruments_opts *o = opts;
	struct buf	 b = BUF_INIT;

	(void)cl;
	(void)argc;
	(void)argv;
	buf_adds(&b, o->csv ? "country,kind,name\n" :
	    "country  kind          name\n");
	for (int i = 0; i < participant_count(); i++) {
		const struct participant *p = participant_at(i);

		if (!participant_on(p, o->as_of))
			continue;
		if (o->csv) {
			buf_addf(&b, "%s,%s,", p->alpha3,
			    participant_kind_names[p->kind]);
			csv_put(&b, p->name, strlen(p->name));
			buf_addc(&b, '\n');
		} else
			buf_addf(&b, "%-8s %-13s %s\n", p->alpha3,
			    participant_kind_names[p->kind], p->name);
	}
	fputs(b.s, stdout);
	buf_release(&b);
	fprintf(stderr, "%s: %d Member States of the United Nations on %s\n",
	    progname, member_states_on(o->as_of), o->as_of);
	return out_close(stdout, NULL, 1);
}

/* The instrument of --instrument, or NULL for all; -1 on a usage error. */
static int
chosen(const struct treaties *g, const struct instruments_opts *o,
    const struct instrument **one)
{
	*one = NULL;
	if (o->instrument && (*one = treaties_find(g, o->instrument)) ==
	    NULL) {
		usage_error("instruments", "unknown instrument '%s'",
		    o->instrument);
		return -1;
	}
	return 0;
}

/* status: counts per instrument, or one instrument country by country. */
static int
instruments_status(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct instruments_opts *o = opts;
	const struct treaties	*g = &o->g;
	const struct instrument	*one;
	struct buf		 b = BUF_INIT;

	(void)cl;
	(void)argc;
	(void)argv;
	if (chosen(g, o, &one) == -1)
		return EXIT_USAGE;
	if (one == NULL) {
		buf_adds(&b, o->csv ? "instrument,parties,pending,"
		    "signatories,neither\n" : "instrument      parties  "
		    "pending  signatories  neither\n");
		for (size_t i = 0; i < g->nin; i++) {
			int	 n[PS__MAX];

			treaty_count(g, g->in[i].id, o->as_of, n, NULL, NULL);
			if (o->csv) {
				csv_put(&b, g->in[i].code,
				    strlen(g->in[i].code));
				buf_addf(&b, ",%d,%d,%d,%d\n", n[PS_PARTY],
				    n[PS_PENDING], n[PS_SIGNATORY],
				    n[PS_NEITHER]);
			} else
				buf_addf(&b, "%-14s %8d %8d %12d %8d\n",
				    g->in[i].code, n[PS_PARTY], n[PS_PENDING],
				    n[PS_SIGNATORY], n[PS_NEITHER]);
		}
	} else {
		struct treaty_entry *e = xreallocarray(NULL,
		    (size_t)participant_count(), sizeof(*e));
		int	 n = treaty_participants(g, one->id, o->as_of, -1, e);

		buf_adds(&b, o->csv ? "country,name,status,since\n" :
		    "country  status     since       name\n");
		for (int i = 0; i < n; i++) {
			const char *code = participant_code(e[i].numeric),
			    *name = participant_name(e[i].numeric);

			if (o->csv) {
				buf_addf(&b, "%s,", code);
				csv_put(&b, name, strlen(name));
				buf_addf(&b, ",%s,%s\n",
				    party_status_names[e[i].status],
				    e[i].since);
			} else
				buf_addf(&b, "%-8s %-10s %-11s %s\n", code,
				    party_status_names[e[i].status],
				    e[i].since, name);
		}
		free(e);
	}
	fputs(b.s, stdout);
	buf_release(&b);
	fprintf(stderr, "%s: status as of %s\n", progname, o->as_of);
	return out_close(stdout, NULL, 1);
}

/* gaps: the states not yet party, by instrument and region. */
static int
instruments_gaps(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct instruments_opts *o = opts;
	const struct treaties	*g = &o->g;
	const struct instrument	*one;
	struct buf		 b = BUF_INIT;
	int			*states;

	(void)cl;
	(void)argc;
	(void)argv;
	if (chosen(g, o, &one) == -1)
		return EXIT_USAGE;
	states = xreallocarray(NULL, (size_t)participant_count(),
	    sizeof(*states));
	buf_adds(&b, o->csv ? "instrument,region,not_party,countries\n" :
	    "instrument      region     not party  countries\n");
	for (size_t i = 0; i < g->nin; i++) {
		if (one && one != &g->in[i])
			continue;
		for (int r = 0; r <= NREGIONS; r++) {
			const char *rn = r == NREGIONS ? "Organisations" :
			    region_names[r];
			int	 n = treaty_not_party(g, g->in[i].id, o->as_of, r,
			    states);

			if (n == 0)
				continue;
			if (o->csv) {
				csv_put(&b, g->in[i].code,
				    strlen(g->in[i].code));
				buf_addf(&b, ",%s,%d,", rn, n);
			} else
				buf_addf(&b, "%-14s  %-9s  %9d  ",
				    g->in[i].code, rn, n);
			for (int k = 0; k < n; k++)
				buf_addf(&b, "%s%s", k ? " " : "",
				    participant_code(states[k]));
			buf_addc(&b, '\n');
		}
	}
	free(states);
	fputs(b.s, stdout);
	buf_release(&b);
	fprintf(stderr, "%s: not yet party as of %s\n", progname, o->as_of);
	return out_close(stdout, NULL, 1);
}

static int
instruments_import(struct cli *cl, void *o, int argc, char **argv)
{
	const struct instruments_opts *io = o;
	struct register_in in = { io->source, io->instrument };

	(void)argc;
	if (io->source == NULL)
		return usage_error("instruments", "--source NAME is required");
	return cli_register_in(cl, REG_ACTIONS, argv[0], &in);
}

static int
instruments_add(struct cli *cl, void *o, int argc, char **argv)
{
	const struct instruments_opts *io = o;
	struct instrument in = { 0, argv[0], argv[1], NR, NR, 0, "",
	    EIF_DEPOSIT, 0, 0, io->organisations };
	const struct instrument *conv;

	(void)argc;
	if (treaties_find(&io->g, argv[0]) || treaties_find(&io->g, argv[1]))
		return usage_error("instruments", "'%s' is there already",
		    argv[0]);
	if (io->unts && treaty_unts_parse(io->unts, &in.unts_volume,
	    &in.unts_number) == -1)
		return usage_error("instruments", "--unts takes VOLUME:NUMBER");
	if (io->in_force) {
		if (!date_valid(io->in_force))
			return usage_error("instruments", "--in-force takes a "
			    "date (YYYY-MM-DD)");
		in.in_force = io->in_force;
	}
	if (io->enters && treaty_eif_parse(io->enters, &in.eif_rule,
	    &in.eif_after) == -1)
		return usage_error("instruments", "--enters takes deposit, "
		    "N days or N months (after deposit)");
	if (io->protocol_to) {
		if ((conv = treaties_find(&io->g, io->protocol_to)) == NULL)
			return usage_error("instruments", "unknown instrument "
			    "'%s'", io->protocol_to);
		in.protocol_to = conv->id;
	}
	if (cl->st->ops->instrument_add(cl->st, &in) == -1)
		return EXIT_STORE;
	fprintf(stderr, "%s: added %s\n", progname, argv[0]);
	return EXIT_DONE;
}

static int
instruments_set(struct cli *cl, void *o, int argc, char **argv)
{
	static const int	 cols[4] = { 0, 1, 2, 3 };
	const struct instruments_opts *io = o;
	struct treaty_action	 a;
	struct errlist		 el;
	int			 ret = EXIT_STORE;

	(void)argc;
	memset(&a, 0, sizeof(a));
	a.source = io->source ? io->source : operator_name();
	errlist_init(&el, "set");
	if (treaty_action_read(&io->g, (const char *const *)argv, &a, &el,
	    0, cols) == -1 || treaty_action_admit(&io->g, &a, &el, 0, 0) ==
	    -1) {
		errlist_print(&el, stderr);
		ret = EXIT_REJECTED;
	} else if (cl->st->ops->action_put(cl->st, &a) == 0)
		ret = EXIT_DONE;
	errlist_release(&el);
	return ret;
}

static int
instruments_unset(struct cli *cl, void *o, int argc, char **argv)
{
	const struct instruments_opts *io = o;
	const struct instrument	*in = treaties_find(&io->g, argv[1]);
	const char		*protocol;
	int			 act = code_find(CL_TREATY_ACTION, argv[2]);
	int			 found, country;

	(void)argc;
	if (participant_resolve(argv[0], &country) != PARTICIPANT_FOUND ||
	    in == NULL || act == -1)
		return usage_error("instruments", "unset takes a country, an "
		    "instrument and an action");
	if (!treaty_action_removable(&io->g, in->id, country, act,
	    &protocol)) {
		error("%s stays party to %s, which needs it party to %s (UNTOC "
		    "art. 37): correct %s first", participant_code(country),
		    protocol, in->code, protocol);
		return EXIT_REJECTED;
	}
	if (cl->st->ops->action_remove(cl->st, in->id, country, act,
	    &found) == -1)
		return EXIT_STORE;
	if (!found) {
		error("no %s of %s by %s is recorded", argv[2], in->code,
		    participant_code(country));
		return EXIT_REJECTED;
	}
	return EXIT_DONE;
}

static const struct subcommand instruments_subs[] = {
	{ "list", 0, 0, instruments_list },
	{ "status", 0, 0, instruments_status },
	{ "gaps", 0, 0, instruments_gaps },
	{ "participants", 0, 0, instruments_participants },
	{ "import", 1, 1, instruments_import },
	{ "add", 2, 2, instruments_add },
	{ "set", 4, 4, instruments_set },
	{ "unset", 3, 3, instruments_unset },
	{ NULL, 0, 0, NULL },
};

static int
instruments_run(struct cli *cl, void *opts, int argc, char **argv)
{
	struct instruments_opts *o = opts;
	int		 ret;

	if (today_iso(o->today) == -1)
		return EXIT_USAGE;
	if (o->as_of && !date_valid_past(o->as_of))
		return usage_error("instruments", "--as-of takes a date, "
		    "YYYY-MM-DD, not after today");
	if (o->as_of == NULL)
		o->as_of = o->today;
	if (cli_store(cl) == NULL || treaties_load(cl->st, &o->g) == -1)
		return EXIT_STORE;
	ret = cli_dispatch(cl, instruments_subs, o, argc, argv, "list",
	    "unknown action or wrong number of arguments");
	treaties_release(&o->g);
	return ret;
}

static const struct opt instruments_opts[] = {
	OPT_VALUE("source", struct instruments_opts, source),
	OPT_VALUE("instrument", struct instruments_opts, instrument),
	OPT_VALUE("as-of", struct instruments_opts, as_of),
	OPT_VALUE("unts", struct instruments_opts, unts),
	OPT_VALUE("in-force", struct instruments_opts, in_force),
	OPT_VALUE("enters", struct instruments_opts, enters),
	OPT_VALUE("protocol-to", struct instruments_opts, protocol_to),
	OPT_FLAG("organisations", struct instruments_opts, organisations),
	OPT_FLAG("csv", struct instruments_opts, csv),
	OPT_END,
};

const struct command cmd_instruments = {
	"instruments", "legal instruments and who is party",
	"palermo instruments [list]\n"
	"palermo instruments status [--instrument X] [--as-of DATE] "
	"[--csv]\n"
	"palermo instruments gaps [--instrument X] [--as-of DATE] [--csv]\n"
	"palermo instruments participants [--as-of DATE] [--csv]\n"
	"palermo instruments import FILE --source NAME [--instrument X]\n"
	"palermo instruments set COUNTRY INSTRUMENT ACTION DATE "
	"[--source NAME]\n"
	"palermo instruments unset COUNTRY INSTRUMENT ACTION\n"
	"palermo instruments add CODE NAME [--unts VOLUME:NUMBER]\n"
	"        [--in-force DATE] [--enters deposit|'N days'|'N months']\n"
	"        [--protocol-to X] [--organisations]\n\n"
	"The instruments resolution 68/192 names (untoc, tip-protocol,\n"
	"crc-opsc, slavery-1956) and any added, each with the date it\n"
	"entered into force and its rule for a State that deposits later,\n"
	"and the actions of States on them: signature, ratification,\n"
	"accession, acceptance, approval, succession.  A State is a party\n"
	"from the day the instrument enters into force for it (pending\n"
	"until then), and only a party to the Convention can become party\n"
	"to one of its Protocols.  status counts the participants (Member\n"
	"States, observer States, Cook Islands, Niue, and the European\n"
	"Union where it may take part; never territories) by standing on a\n"
	"date (default today), or lists them for one instrument; gaps lists\n"
	"those not yet party, by region; participants lists who can take\n"
	"part on the date.  import reads CSV, all or nothing:\n"
	"country,instrument,action,date, or a status list as the UN Treaty\n"
	"Collection publishes it (Participant, Signature, Ratification...,\n"
	"dates as 12 Dec 2000 a) for the instrument --instrument names.\n\n"
	DB_OPTS,
	instruments_opts, sizeof(struct instruments_opts), 0, instruments_run,
};
