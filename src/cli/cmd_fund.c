/*
 * cmd_fund.c: "palermo fund", the Trust Fund's ledger at the command line.
 * Recording commands (donor, pledge, contribute, grant, disburse, refund,
 * support, reverse, victims) and import turn their options or CSV columns
 * into the fields of one operation and hand them to fund_apply, which
 * checks and posts; the rest read the ledger (balance, donors, grants,
 * pledges, journal).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

enum { O_DB = FF__MAX + 1, O_AS_OF, O_YEAR, O_OUTSTANDING };

struct fopts {
	const char	*f[FF__MAX];
	const char	*db, *as_of, *year;
	int		 outstanding;
};

static int
parse(int argc, char **argv, struct fopts *o, int *first)
{
	struct option	 opts[FF__MAX + 5];
	int		 n = 0, ch;

	memset(o, 0, sizeof(*o));
	for (int i = 1; i < FF__MAX; i++)	/* op is the word, not an option */
		opts[n++] = (struct option){ fund_field_names[i],
		    required_argument, NULL, i };
	opts[n++] = (struct option){ "db", required_argument, NULL, O_DB };
	opts[n++] = (struct option){ "as-of", required_argument, NULL,
	    O_AS_OF };
	opts[n++] = (struct option){ "year", required_argument, NULL, O_YEAR };
	opts[n++] = (struct option){ "outstanding", no_argument, NULL,
	    O_OUTSTANDING };
	opts[n] = (struct option){ NULL, 0, NULL, 0 };
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (ch > 0 && ch < FF__MAX)
			o->f[ch] = optarg;
		else if (ch == O_DB)
			o->db = optarg;
		else if (ch == O_AS_OF)
			o->as_of = optarg;
		else if (ch == O_YEAR)
			o->year = optarg;
		else if (ch == O_OUTSTANDING)
			o->outstanding = 1;
		else
			return option_error("fund", ch, argv);
	}
	*first = optind;
	return EXIT_DONE;
}

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
record(struct store *st, enum fund_op op, struct fopts *o, int argc,
    char **argv)
{
	struct errlist	 el;
	int64_t		 id;
	int		 rc, want = (operand[op] != FF__MAX) + (op == FO_VICTIMS);

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
	if (st->ops->begin(st) == -1) {
		errlist_release(&el);
		return EXIT_STORE;
	}
	rc = fund_apply(st, op, o->f, &el, 0, NULL, &id, NULL);
	if (rc == 0 && st->ops->commit(st) == 0) {
		printf("%lld\n", (long long)id);
		errlist_release(&el);
		return out_close(stdout, NULL);
	}
	st->ops->rollback(st);
	if (rc == 1) {
		errlist_print(&el, stderr);
		fprintf(stderr, "%s: fund %s: refused; nothing was recorded\n",
		    progname, fund_op_names[op]);
	}
	errlist_release(&el);
	return rc == 1 ? EXIT_REJECTED : EXIT_STORE;
}

/* A batch: each CSV row is an operation, its columns the fields. */
struct fimport {
	struct store	*st;
	struct errlist	*el;
	int		 col[FF__MAX];		/* 1-based; 0 when absent */
	unsigned long	 rows;
	struct ref {
		char	*name;
		int64_t	 id;		/* the donor, pledge, grant or entry */
		int64_t	 entry;		/* the entry it posted, 0 if none */
	}		*refs;
	size_t		 nrefs;
};

static int
import_row(const struct csv_record *r, void *arg)
{
	struct fimport	*im = arg;
	const char	*f[FF__MAX] = { NULL };
	char		 ids[3][24];
	int64_t		 id, entry;
	int		 op = -1, rc;

	if (r->line == 1) {
		for (size_t i = 0; i < r->count; i++) {
			int	 k;

			for (k = 0; k < FF__MAX; k++)
				if (str_eqi(r->field[i], fund_field_names[k]))
					break;
			if (k == FF__MAX)
				errlist_add(im->el, 1, i + 1, r->field[i],
				    "not a column of fund import");
			else
				im->col[k] = (int)i + 1;
		}
		if (im->col[FF_OP] == 0)
			errlist_add(im->el, 1, 0, "op", "the op column is "
			    "missing");
		return im->el->count ? -1 : 0;
	}
	im->rows++;
	for (int k = 0; k < FF__MAX; k++)
		if (im->col[k] && (size_t)im->col[k] <= r->count)
			f[k] = r->field[im->col[k] - 1];
	for (int k = 0; k < FO__MAX; k++)
		if (f[FF_OP] && strcmp(f[FF_OP], fund_op_names[k]) == 0)
			op = k;
	if (op == -1 || op == FO__MAX) {
		errlist_add(im->el, r->line, (unsigned long)im->col[FF_OP],
		    "op", "'%s' is not an operation (donor, pledge, contribute, "
		    "grant, disburse, refund, support, reverse, victims)",
		    f[FF_OP] ? f[FF_OP] : "");
		return 0;
	}
	/* a pledge, grant or entry named by the ref of a row above */
	for (int k = 0; k < 3; k++) {
		enum fund_field	 fl = k == 0 ? FF_PLEDGE : k == 1 ? FF_GRANT :
		    FF_ENTRY;
		size_t		 i;

		if (f[fl] == NULL || *f[fl] == '\0' ||
		    strspn(f[fl], "0123456789") == strlen(f[fl]))
			continue;
		for (i = 0; i < im->nrefs; i++)
			if (strcmp(im->refs[i].name, f[fl]) == 0)
				break;
		if (i == im->nrefs) {
			errlist_add(im->el, r->line, (unsigned long)im->col[fl],
			    fund_field_names[fl], "'%s' is neither a number nor "
			    "the ref of a row above", f[fl]);
			return 0;
		}
		/* a ref names what its row made; in the entry column, the
		 * entry the row posted */
		snprintf(ids[k], sizeof(ids[k]), "%lld", (long long)(fl ==
		    FF_ENTRY ? im->refs[i].entry : im->refs[i].id));
		f[fl] = ids[k];
	}
	if ((rc = fund_apply(im->st, op, f, im->el, r->line, im->col, &id,
	    &entry)) == -1)
		return -1;
	if (rc == 0 && f[FF_REF] && *f[FF_REF]) {
		im->refs = xreallocarray(im->refs, im->nrefs + 1,
		    sizeof(*im->refs));
		im->refs[im->nrefs].name = xstrdup(f[FF_REF]);
		im->refs[im->nrefs].entry = entry;
		im->refs[im->nrefs++].id = id;
	}
	return 0;
}

static int
fund_import(struct store *st, const char *path)
{
	struct fimport	 im;
	struct errlist	 el;
	int		 ret;

	memset(&im, 0, sizeof(im));
	im.st = st;
	im.el = &el;
	ret = register_import(st, path, import_row, NULL, &im, &el, &im.rows,
	    "fund operations");
	for (size_t i = 0; i < im.nrefs; i++)
		free(im.refs[i].name);
	free(im.refs);
	return ret;
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
balance(struct store *st, const struct fopts *o)
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
	print_usd("contributions received", -t.usd[FA_INCOME]);
	print_usd("grants paid out, net of refunds", t.usd[FA_EXPENSE]);
	print_usd("programme support costs", t.usd[FA_SUPPORT]);
	print_usd("fund balance (cash)", t.usd[FA_CASH]);
	print_usd("grants approved, not yet disbursed", -t.usd[FA_UNDISBURSED]);
	print_usd("pledges outstanding (at the pledges' rates)",
	    t.usd[FA_PLEDGES]);
	fund_totals_release(&t);
	return out_close(stdout, NULL);
}

struct lister {
	struct store		*st;
	const struct fopts	*o;
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
	if (s && s->victims >= 0)
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
	const struct fopts	*o = arg;

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

int
cmd_fund(int argc, char **argv)
{
	struct fopts	 o;
	struct store	*st;
	struct lister	 l;
	const char	*what;
	long long	 v;
	int		 first = 0, ret, op = -1;

	if ((ret = parse(argc, argv, &o, &first)) != EXIT_DONE)
		return ret;
	if (first >= argc)
		return usage_show("fund");
	what = argv[first];
	argc -= first + 1;
	argv += first + 1;
	for (int k = 0; k < FO__MAX; k++)
		if (strcmp(what, fund_op_names[k]) == 0)
			op = k;
	memset(&l, 0, sizeof(l));
	l.o = &o;
	l.year = l.cycle = l.country = NR;
	if (o.year && parse_int(o.year, 1900, 2200, &v) == 0)
		l.year = (int)v;
	else if (o.year)
		return usage_error("fund", "--year takes a year");
	if (strcmp(what, "grants") == 0 && o.f[FF_CYCLE] &&
	    parse_int(o.f[FF_CYCLE], 1, 100000, &v) == 0)
		l.cycle = (int)v;
	else if (strcmp(what, "grants") == 0 && o.f[FF_CYCLE])
		return usage_error("fund", "--cycle takes a cycle number");
	if (strcmp(what, "grants") == 0 && o.f[FF_COUNTRY]) {
		const struct country *c;

		if (country_resolve(o.f[FF_COUNTRY], &c) != COUNTRY_FOUND)
			return usage_error("fund", "'%s' is not a country",
			    o.f[FF_COUNTRY]);
		l.country = c->numeric;
	}
	if (op == -1 && strcmp(what, "import") != 0 &&
	    strcmp(what, "balance") != 0 && strcmp(what, "donors") != 0 &&
	    strcmp(what, "grants") != 0 && strcmp(what, "pledges") != 0 &&
	    strcmp(what, "journal") != 0)
		return usage_error("fund", "unknown action '%s'", what);
	if ((op == -1 && strcmp(what, "import") != 0 && argc != 0) ||
	    (strcmp(what, "import") == 0 && argc != 1))
		return usage_error("fund", "%s takes %s", what,
		    strcmp(what, "import") == 0 ? "a FILE" : "only options");
	for (int k = 0; op == -1 && k < 2; k++) {
		const char *d = o.f[k ? FF_TO : FF_FROM];

		if (d != NULL && (strlen(d) != 10 || !date_valid(d)))
			return usage_error("fund", "--%s takes a date, "
			    "YYYY-MM-DD", k ? "to" : "from");
	}
	if (store_open(&st, db_path(o.db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	ret = EXIT_STORE;
	if (op != -1)
		ret = record(st, op, &o, argc, argv);
	else if (strcmp(what, "import") == 0)
		ret = fund_import(st, argv[0]);
	else if (strcmp(what, "balance") == 0)
		ret = balance(st, &o);
	else if (strcmp(what, "journal") == 0) {
		if (st->ops->fund_entry_each(st, o.f[FF_TO], 1, print_entry,
		    &o) == 0)
			ret = out_close(stdout, NULL);
	} else {
		char		 from[11] = "", to[11] = "";
		struct arena	 a = { NULL };
		size_t		 n;

		if (l.year != NR) {
			snprintf(from, sizeof(from), "%04d-01-01", l.year);
			snprintf(to, sizeof(to), "%04d-12-31", l.year);
		}
		l.st = st;
		if (fund_summarise(st, l.year != NR ? from : NULL,
		    l.year != NR ? to : NULL, &l.t) == -1)
			goto out;
		if (strcmp(what, "donors") == 0) {
			struct fund_donor *dv;

			printf("donor\tname\tkind\tcountry\tcontributions\t"
			    "US dollars\n");
			if (st->ops->fund_donor_list(st, &a, &dv, &n) == -1)
				goto out;
			for (size_t i = 0; i < n; i++)
				print_donor(&dv[i], &l);
		} else if (strcmp(what, "grants") == 0) {
			struct fund_grant *gv;

			printf("grant\tcycle\twindow\tgrantee\tcountry\tperiod\t"
			    "approved\tdisbursed\tundisbursed\tstatus\t"
			    "victims\n");
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
		ret = out_close(stdout, NULL);
out:
		arena_release(&a);
		fund_totals_release(&l.t);
	}
	st->ops->close(st);
	return ret;
}
