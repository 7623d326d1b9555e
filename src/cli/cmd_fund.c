/*
 * cmd_fund.c: "palermo fund", the Trust Fund's ledger at the command line.
 * Recording commands (donor, pledge, contribute, grant, disburse, refund,
 * support, reverse, victims) turn their options into the fields of one
 * operation and hand them to fund_record (rules/fund.c), which checks and
 * posts; import reads a file of operations (intake/registers.c); the rest
 * read the ledger (balance, donors, grants, pledges, journal).
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

struct fund_opts {
	const char	*f[FF__MAX];	/* the operation's fields */
	const char	*as_of, *year, *grant_ceiling, *cycle_ceiling;
	int		 outstanding;
};

/* --- recording ---------------------------------------------------------- */

/* The operand each recording command takes first, if any. */
static const enum fund_field operand[FO__MAX] = {
	[FO_DONOR] = FF_DONOR, [FO_PLEDGE] = FF__MAX,
	[FO_CONTRIBUTE] = FF__MAX, [FO_GRANT] = FF__MAX,
	[FO_DISBURSE] = FF_GRANT, [FO_REFUND] = FF_GRANT,
	[FO_SUPPORT] = FF__MAX, [FO_REVERSE] = FF_ENTRY,
	[FO_VICTIMS] = FF_GRANT,
};

static int
record(struct cli *cl, enum fund_op op, struct fund_opts *o, int argc,
    char **argv)
{
	struct errlist	 el;
	struct store	*st;
	int64_t		 id;
	int		 rc, want = (operand[op] != FF__MAX) + (op == FO_VICTIMS);

	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	if (argc != want)
		return usage_error("fund", "%s takes %s", fund_op_names[op],
		    want == 0 ? "only options" : op == FO_VICTIMS ? "a grant "
		    "and a number of victims" : op == FO_DONOR ? "the donor's "
		    "name" : op == FO_REVERSE ? "an entry number" : "a grant "
		    "number");
	if (want > 0)
		o->f[operand[op]] = argv[0];
	if (op == FO_VICTIMS)
		o->f[FF_VICTIMS] = argv[1];
	errlist_init(&el, fund_op_names[op]);
	if ((rc = fund_record(st, op, o->f, &el, &id)) == 0)
		printf("%lld\n", (long long)id);
	else if (rc == 1) {
		errlist_print(&el, stderr);
		fprintf(stderr, "%s: fund %s: refused; nothing was recorded\n",
		    progname, fund_op_names[op]);
	}
	errlist_release(&el);
	return rc == 0 ? out_close(stdout, NULL, 1) : exit_of(rc);
}

/* --- reading ------------------------------------------------------------ */

static void
print_usd(const char *label, int64_t cents)
{
	char	 m[40];

	money_text(cents, m);
	printf("%-44s %20s\n", label, m);
}

static int
balance(struct store *st, const struct fund_opts *o)
{
	struct fund_totals t;
	char		 today[11];

	memset(&t, 0, sizeof(t));
	if (o->as_of && (strlen(o->as_of) != 10 || !date_valid(o->as_of)))
		return usage_error("fund", "--as-of takes a date, YYYY-MM-DD");
	if (today_iso(today) == -1 ||
	    fund_totals(st, o->as_of, &t) == -1) {
		fund_totals_release(&t);
		return EXIT_STORE;
	}
	printf("The Trust Fund as of %s, in US dollars\n",
	    o->as_of ? o->as_of : today);
	print_usd("contributions received", fund_shown(t.usd, FA_INCOME));
	print_usd("grants paid out, net of refunds",
	    fund_shown(t.usd, FA_EXPENSE));
	print_usd("programme support costs", fund_shown(t.usd, FA_SUPPORT));
	print_usd("fund balance (cash)", fund_shown(t.usd, FA_CASH));
	print_usd("grants approved, not yet disbursed",
	    fund_shown(t.usd, FA_UNDISBURSED));
	print_usd("pledges outstanding (at the pledges' rates)",
	    fund_shown(t.usd, FA_PLEDGES));
	fund_totals_release(&t);
	return out_close(stdout, NULL, 1);
}

struct lister {
	struct store		*st;
	const struct fund_opts	*o;
	int			 year, cycle, country;
	struct fund_totals	 t;	/* balances per pledge and grant */
};

static int
print_donor(const struct fund_donor *d, void *arg)
{
	struct lister		*l = arg;
	const struct country	*c = country_by_numeric(d->country);
	struct donor_sum	*s = fund_donor_sum(&l->t, d->id);
	char			 m[40];

	money_text(s ? s->usd : 0, m);
	printf("%lld\t%s\t%s\t%s\t%lld\t%s\n", (long long)d->id, d->name,
	    donor_kind_names[d->kind], c ? c->alpha3 : "", s ?
	    (long long)s->count : 0LL, m);
	return 0;
}

static int
print_grant(const struct fund_grant *g, void *arg)
{
	struct lister		*l = arg;
	const struct country	*c = country_by_numeric(g->country);
	struct grant_sum	*s = fund_grant_sum(&l->t, g->id);
	char			 a[40], d[40], u[40], v[24] = "";

	if ((l->cycle != NR && g->cycle != l->cycle) ||
	    (l->country != NR && g->country != l->country))
		return 0;
	money_text(g->amount, a);
	money_text(s ? s->disbursed : 0, d);
	money_text(s ? s->undisbursed : 0, u);
	if (s && s->reported)
		snprintf(v, sizeof(v), "%lld", (long long)s->victims);
	printf("%lld\t%d\t%s\t%s\t%s\t%s to %s\t%s\t%s\t%s\t%s\t%s\n",
	    (long long)g->id, g->cycle, grant_window_names[g->window],
	    g->grantee, c ? c->alpha3 : "?", g->start, g->end, a, d, u,
	    grant_status_names[fund_grant_status(&l->t, g, l->t.today)], v);
	return 0;
}

static int
print_pledge(const struct fund_pledge *p, void *arg)
{
	struct lister		*l = arg;
	const struct currency	*c = currency_find(p->currency);
	struct pledge_sum	*s = fund_pledge_sum(&l->t, p->id);
	int64_t			 left = s ? s->outstanding : 0;
	char			 a[32], o[32];

	if (c == NULL || (l->o->outstanding && left <= 0))
		return 0;
	money_format(p->amount, c->exp, a);
	money_format(left, c->exp, o);
	printf("%lld\t%lld\t%s\t%s\t%s\t%s\t%s\n", (long long)p->id,
	    (long long)p->donor, p->date, p->currency, a, o, *p->from ?
	    p->from : "");
	return 0;
}

static int
print_entry(const struct fund_entry *e, void *arg)
{
	const struct currency	*c = currency_find(e->currency);
	const struct fund_opts	*o = arg;

	if (o->f[FF_FROM] && strcmp(e->date, o->f[FF_FROM]) < 0)
		return 0;
	if (o->f[FF_TO] && strcmp(e->date, o->f[FF_TO]) > 0)
		return 0;
	printf("%lld\t%s\t%s\t%s\t%s", (long long)e->id, e->date,
	    fund_kind_names[e->kind], e->currency, e->rate);
	if (e->reverses)
		printf("\treverses %lld", (long long)e->reverses);
	printf("\t%s\t%s %s\n", e->memo ? e->memo : "", e->posted_by,
	    e->posted_at);
	for (int i = 0; i < e->nlines; i++) {
		char	 a[32], u[40];

		money_format(e->lines[i].amount, c ? c->exp : 2, a);
		money_format(e->lines[i].usd, 2, u);
		printf("\t%-20s %6lld %20s %20s\n",
		    fund_account_names[e->lines[i].account],
		    (long long)e->lines[i].ref, a, u);
	}
	return 0;
}

/* The subcommands that read, with what they need. */

static int
fund_import(struct cli *cl, void *o, int argc, char **argv)
{
	(void)o;
	(void)argc;
	return cli_register(cl, REG_FUND, argv[0], NULL);
}

static int
fund_balance(struct cli *cl, void *o, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return balance(cl->st, o);
}

static int
fund_journal(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct fund_opts *o = opts;

	(void)argc;
	(void)argv;
	if (cl->st->ops->fund_entry_each(cl->st, o->f[FF_TO], 1, print_entry,
	    opts) == -1)
		return EXIT_STORE;
	return out_close(stdout, NULL, 1);
}

/* donors, grants, pledges: each with its sums over the year, or all. */
static int
fund_listing(struct cli *cl, const struct fund_opts *o, const char *what)
{
	struct store	*st = cl->st;
	struct lister	 l;
	struct arena	 a = { NULL };
	size_t		 n;
	char		 from[11] = "", to[11] = "";
	long long	 v;
	int		 ret = EXIT_STORE;

	memset(&l, 0, sizeof(l));
	l.st = st;
	l.o = o;
	l.year = l.cycle = l.country = NR;
	if (o->year && parse_int(o->year, 1900, 2200, &v) == 0)
		l.year = (int)v;
	else if (o->year)
		return usage_error("fund", "--year takes a year");
	if (o->f[FF_CYCLE]) {
		struct arena	 ca = { NULL };
		struct fund_cycle *cy;
		const struct fund_cycle *c;
		size_t		 nc;

		if (st->ops->fund_cycle_list(st, &ca, &cy, &nc) == -1) {
			arena_release(&ca);
			return EXIT_STORE;
		}
		c = fund_cycle_find(cy, nc, o->f[FF_CYCLE]);
		l.cycle = c ? c->number : NR;
		arena_release(&ca);
		if (c == NULL)
			return usage_error("fund", "no grant cycle '%s' (see "
			    "'palermo fund cycles')", o->f[FF_CYCLE]);
	}
	if (o->f[FF_COUNTRY]) {
		const struct country *c;

		if (country_resolve(o->f[FF_COUNTRY], &c) != COUNTRY_FOUND)
			return usage_error("fund", "'%s' is not a country",
			    o->f[FF_COUNTRY]);
		l.country = c->numeric;
	}
	if (l.year != NR)
		fund_year(l.year, from, to);
	if (fund_summarise(st, l.year != NR ? from : NULL, l.year != NR ?
	    to : NULL, &l.t) == -1)
		goto out;
	if (strcmp(what, "donors") == 0) {
		struct fund_donor *dv;

		printf("donor\tname\tkind\tcountry\tcontributions\tUS "
		    "dollars\n");
		if (st->ops->fund_donor_list(st, &a, &dv, &n) == -1)
			goto out;
		for (size_t i = 0; i < n; i++)
			print_donor(&dv[i], &l);
	} else if (strcmp(what, "grants") == 0) {
		struct fund_grant *gv;

		printf("grant\tcycle\twindow\tgrantee\tcountry\tperiod\t"
		    "approved\tdisbursed\tundisbursed\tstatus\tvictims\n");
		if (st->ops->fund_grant_list(st, &a, &gv, &n) == -1)
			goto out;
		for (size_t i = 0; i < n; i++)
			print_grant(&gv[i], &l);
	} else {
		struct fund_pledge *pv;

		printf("pledge\tdonor\tdate\tcurrency\tamount\t"
		    "outstanding\tfrom\n");
		if (st->ops->fund_pledge_list(st, &a, &pv, &n) == -1)
			goto out;
		for (size_t i = 0; i < n; i++)
			print_pledge(&pv[i], &l);
	}
	ret = out_close(stdout, NULL, 1);
out:
	arena_release(&a);
	fund_totals_release(&l.t);
	return ret;
}

static int
fund_donors(struct cli *cl, void *o, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return fund_listing(cl, o, "donors");
}

static int
fund_grants(struct cli *cl, void *o, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return fund_listing(cl, o, "grants");
}

static int
fund_pledges(struct cli *cl, void *o, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return fund_listing(cl, o, "pledges");
}

/* cycle NAME: a grant cycle with its ceilings; cycles: all of them. */
static int
fund_cycle(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct fund_opts *o = opts;
	int		 number, rc;

	(void)argc;
	if ((rc = fund_cycle_record(cl->st, argv[0], o->grant_ceiling,
	    o->cycle_ceiling, &number)) != 0)
		return exit_of(rc);
	printf("%d\n", number);
	return out_close(stdout, NULL, 1);
}

static int
fund_cycles(struct cli *cl, void *opts, int argc, char **argv)
{
	struct arena	 a = { NULL };
	struct fund_cycle *v;
	size_t		 n;
	char		 g[40], c[40];

	(void)opts;
	(void)argc;
	(void)argv;
	if (cl->st->ops->fund_cycle_list(cl->st, &a, &v, &n) == -1) {
		arena_release(&a);
		return EXIT_STORE;
	}
	printf("number\tcycle\tgrant ceiling\tcycle ceiling\n");
	for (size_t i = 0; i < n; i++) {
		amount_text(v[i].grant_ceiling, 2, g);
		amount_text(v[i].cycle_ceiling, 2, c);
		printf("%d\t%s\t%s\t%s\n", v[i].number, v[i].name,
		    v[i].grant_ceiling ? g : "not recorded",
		    v[i].cycle_ceiling ? c : "not recorded");
	}
	arena_release(&a);
	return out_close(stdout, NULL, 1);
}

static const struct subcommand fund_subs[] = {
	{ "cycle", 1, 1, fund_cycle },
	{ "cycles", 0, 0, fund_cycles },
	{ "import", 1, 1, fund_import },
	{ "balance", 0, 0, fund_balance },
	{ "journal", 0, 0, fund_journal },
	{ "donors", 0, 0, fund_donors },
	{ "grants", 0, 0, fund_grants },
	{ "pledges", 0, 0, fund_pledges },
	{ NULL, 0, 0, NULL },
};

static int
fund_run(struct cli *cl, void *opts, int argc, char **argv)
{
	struct fund_opts *o = opts;
	const struct subcommand *sub;
	const char	*what;
	int		 op;

	if (argc == 0)
		return usage_show(&cmd_fund);
	what = argv[0];
	argc--;
	argv++;
	if ((op = name_find(fund_op_names, FO__MAX, what)) != -1)
		return record(cl, op, o, argc, argv);
	if ((sub = cli_subcommand(fund_subs, what)) == NULL)
		return usage_error("fund", "unknown action '%s'", what);
	if (argc < sub->min || argc > sub->max)
		return usage_error("fund", "%s takes %s", what,
		    sub->max ? "a FILE" : "only options");
	for (int k = 0; k < 2; k++) {
		const char *d = o->f[k ? FF_TO : FF_FROM];

		if (d != NULL && (strlen(d) != 10 || !date_valid(d)))
			return usage_error("fund", "--%s takes a date, "
			    "YYYY-MM-DD", k ? "to" : "from");
	}
	if (cli_store(cl) == NULL)
		return EXIT_STORE;
	return sub->run(cl, o, argc, argv);
}

static const struct opt fund_opts[] = {
	/* the fields that are options: op is the word; a grant, an entry
	 * and a number of victims are operands; ref is only in files */
	OPT_FIELDS(fund_field_names, FF_DATE, FF_GRANT, struct fund_opts, f),
	OPT_FIELDS(fund_field_names, FF_CYCLE, FF_VICTIMS, struct fund_opts, f),
	OPT_FIELDS(fund_field_names, FF_MEMO, FF_REF, struct fund_opts, f),
	OPT_FIELDS(fund_field_names, FF_FORM, FF__MAX, struct fund_opts, f),
	OPT_VALUE("as-of", struct fund_opts, as_of),
	OPT_VALUE("grant-ceiling", struct fund_opts, grant_ceiling),
	OPT_VALUE("cycle-ceiling", struct fund_opts, cycle_ceiling),
	OPT_VALUE("year", struct fund_opts, year),
	OPT_FLAG("outstanding", struct fund_opts, outstanding),
	OPT_END,
};

const struct command cmd_fund = {
	"fund", "the Trust Fund for victims: its ledger",
	"palermo fund donor NAME --kind K [--country C]\n"
	"palermo fund pledge --donor NAME --amount A [--currency C] "
	"[--rate R]\n"
	"             --date D [--from D] [--to D] [--memo T]\n"
	"palermo fund contribute --donor NAME --amount A [--currency C] "
	"[--rate R]\n"
	"             --date D [--pledge N] [--memo T]\n"
	"palermo fund cycle NAME --grant-ceiling USD --cycle-ceiling USD\n"
	"palermo fund cycles\n"
	"palermo fund grant --cycle NAME --window W --grantee ORG --country C\n"
	"             --amount A --start D --end D --date D [--memo T]\n"
	"palermo fund disburse|refund GRANT --amount A --date D [--memo T]\n"
	"palermo fund support --amount A --date D [--memo T]\n"
	"palermo fund reverse ENTRY --date D --memo REASON\n"
	"palermo fund victims GRANT N --date D [--form F] [--sex S] "
	"[--age A]\n"
	"palermo fund import FILE\n"
	"palermo fund balance [--as-of D]\n"
	"palermo fund donors [--year Y]\n"
	"palermo fund grants [--cycle NAME] [--country C]\n"
	"palermo fund pledges [--outstanding]\n"
	"palermo fund journal [--from D] [--to D]\n\n"
	"The UN Voluntary Trust Fund for Victims of Trafficking as a\n"
	"double-entry ledger in the currencies' minor units.  Each record\n"
	"is one balanced entry; an entry is never changed, only reversed\n"
	"by another that names it.  Refused, with nothing written: paying\n"
	"out more cash than there is or more than a grant has left, a grant\n"
	"without a country, a date in the future, an unknown currency, an\n"
	"amount with more decimals than its currency has.  K is state,\n"
	"intergovernmental, private_sector, individual or campaign; W is\n"
	"emergency (up to a year) or medium_term (up to two years).  Other\n"
	"currencies than US dollars need --rate, dollars per unit on the\n"
	"day.  Grants and what is paid under them are in US dollars.\n"
	"A grant belongs to a grant cycle named as the fund names it (10.2),\n"
	"recorded first with the most a grant of it may receive and the\n"
	"most all its grants may: a grant above either is refused.\n"
	"import reads CSV whose columns are these options' names and op\n"
	"(the action), all or nothing; a row's ref names what it makes for\n"
	"the rows below.  Recording prints the number of what it made.\n\n"
	DB_OPTS,
	fund_opts, sizeof(struct fund_opts), 0, fund_run,
};
