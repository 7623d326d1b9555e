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
	int		 csv;
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
	printf("code\tname\tunts\n");
	for (size_t i = 0; i < g->nin; i++) {
		printf("%s\t%s\t", g->in[i].code, g->in[i].name);
		if (g->in[i].unts_volume != NR)
			printf("UNTS vol. %d, no. %d", g->in[i].unts_volume,
			    g->in[i].unts_number);
		printf("%s\n", g->in[i].shipped ? "" : "\t(added)");
	}
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
	const char		*since;

	(void)cl;
	(void)argc;
	(void)argv;
	if (chosen(g, o, &one) == -1)
		return EXIT_USAGE;
	if (one == NULL) {
		buf_adds(&b, o->csv ? "instrument,parties,signatories,neither\n"
		    : "instrument      parties  signatories  neither\n");
		for (size_t i = 0; i < g->nin; i++) {
			int	 n[PS__MAX];

			treaty_count(g, g->in[i].id, o->as_of, n, NULL, NULL);
			if (o->csv) {
				csv_put(&b, g->in[i].code,
				    strlen(g->in[i].code));
				buf_addf(&b, ",%d,%d,%d\n", n[PS_PARTY],
				    n[PS_SIGNATORY], n[PS_NEITHER]);
			} else
				buf_addf(&b, "%-14s %8d %12d %8d\n",
				    g->in[i].code, n[PS_PARTY],
				    n[PS_SIGNATORY], n[PS_NEITHER]);
		}
	} else {
		buf_adds(&b, o->csv ? "country,name,status,since\n" :
		    "country  status     since       name\n");
		for (int c = 0; c < country_count(); c++) {
			const struct country *ct = country_at(c);
			int	 s = treaty_status(g, one->id, ct->numeric, o->as_of,
			    &since);

			if (o->csv) {
				buf_addf(&b, "%s,", ct->alpha3);
				csv_put(&b, ct->name, strlen(ct->name));
				buf_addf(&b, ",%s,%s\n", party_status_names[s], since);
			} else
				buf_addf(&b, "%-8s %-10s %-11s %s\n",
				    ct->alpha3, party_status_names[s], since,
				    ct->name);
		}
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
	states = xreallocarray(NULL, (size_t)country_count(), sizeof(*states));
	buf_adds(&b, o->csv ? "instrument,region,not_party,countries\n" :
	    "instrument      region     not party  countries\n");
	for (size_t i = 0; i < g->nin; i++) {
		if (one && one != &g->in[i])
			continue;
		for (int r = 0; r < NREGIONS; r++) {
			int	 n = treaty_not_party(g, g->in[i].id, o->as_of, r,
			    states);

			if (n == 0)
				continue;
			if (o->csv) {
				csv_put(&b, g->in[i].code,
				    strlen(g->in[i].code));
				buf_addf(&b, ",%s,%d,", region_names[r], n);
			} else
				buf_addf(&b, "%-14s  %-9s  %9d  ",
				    g->in[i].code, region_names[r], n);
			for (int k = 0; k < n; k++)
				buf_addf(&b, "%s%s", k ? " " : "",
				    country_at(states[k])->alpha3);
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

	(void)argc;
	if (io->source == NULL)
		return usage_error("instruments", "--source NAME is required");
	return cli_register(cl, REG_ACTIONS, argv[0], io->source);
}

static int
instruments_add(struct cli *cl, void *o, int argc, char **argv)
{
	const struct instruments_opts *io = o;
	struct instrument in = { 0, argv[0], argv[1], NR, NR, 0 };

	(void)argc;
	if (treaties_find(&io->g, argv[0]) || treaties_find(&io->g, argv[1]))
		return usage_error("instruments", "'%s' is there already",
		    argv[0]);
	if (io->unts && treaty_unts_parse(io->unts, &in.unts_volume,
	    &in.unts_number) == -1)
		return usage_error("instruments", "--unts takes VOLUME:NUMBER");
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
	    0, cols) == -1) {
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
	const struct country	*c;
	int			 act = code_find(CL_TREATY_ACTION, argv[2]);
	int			 found;

	(void)argc;
	if (country_resolve(argv[0], &c) != COUNTRY_FOUND || in == NULL ||
	    act == -1)
		return usage_error("instruments", "unset takes a country, an "
		    "instrument and an action");
	if (cl->st->ops->action_remove(cl->st, in->id, c->numeric, act,
	    &found) == -1)
		return EXIT_STORE;
	if (!found) {
		error("no %s of %s by %s is recorded", argv[2], in->code,
		    c->alpha3);
		return EXIT_REJECTED;
	}
	return EXIT_DONE;
}

static const struct subcommand instruments_subs[] = {
	{ "list", 0, 0, instruments_list },
	{ "status", 0, 0, instruments_status },
	{ "gaps", 0, 0, instruments_gaps },
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
	OPT_FLAG("csv", struct instruments_opts, csv),
	OPT_END,
};

const struct command cmd_instruments = {
	"instruments", "legal instruments and who is party",
	"palermo instruments [list]\n"
	"palermo instruments status [--instrument X] [--as-of DATE] "
	"[--csv]\n"
	"palermo instruments gaps [--instrument X] [--as-of DATE] [--csv]\n"
	"palermo instruments import FILE --source NAME\n"
	"palermo instruments set COUNTRY INSTRUMENT ACTION DATE "
	"[--source NAME]\n"
	"palermo instruments unset COUNTRY INSTRUMENT ACTION\n"
	"palermo instruments add CODE NAME [--unts VOLUME:NUMBER]\n\n"
	"The instruments resolution 68/192 names (untoc, tip-protocol,\n"
	"crc-opsc, slavery-1956) and any added, and the actions of states\n"
	"on them: signature, ratification, accession, acceptance, approval,\n"
	"succession.  status counts parties (from a ratification or its\n"
	"like), signatories that are not parties, and neither, on a date\n"
	"(default today), or lists every country for one instrument; gaps\n"
	"lists the states not yet party, by instrument and region.  import\n"
	"reads CSV (country,instrument,action,date), all or nothing.\n\n"
	DB_OPTS,
	instruments_opts, sizeof(struct instruments_opts), 0, instruments_run,
};
