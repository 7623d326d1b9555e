/*
 * fund.c: the rules of the Trust Fund's ledger.  Each operation a fund
 * manager records (a pledge, a contribution, a grant, a disbursement, a
 * refund, support costs, a reversal) is checked here and becomes one
 * balanced journal entry; fund_apply refuses, with every reason and
 * nothing written, what would break the ledger's invariants (rules.h).
 * Amounts in other currencies than US dollars are converted to US cents
 * once, when the entry is posted (model/money.c); every total is a sum of
 * those cents.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

const char *const fund_op_names[FO__MAX] = {
	[FO_DONOR] = "donor",
	[FO_PLEDGE] = "pledge",
	[FO_CONTRIBUTE] = "contribute",
	[FO_GRANT] = "grant",
	[FO_DISBURSE] = "disburse",
	[FO_REFUND] = "refund",
	[FO_SUPPORT] = "support",
	[FO_REVERSE] = "reverse",
	[FO_VICTIMS] = "victims",
};

const char *const fund_field_names[FF__MAX] = {
	[FF_OP] = "op", [FF_DATE] = "date", [FF_DONOR] = "donor",
	[FF_KIND] = "kind", [FF_COUNTRY] = "country", [FF_AMOUNT] = "amount",
	[FF_CURRENCY] = "currency", [FF_RATE] = "rate", [FF_PLEDGE] = "pledge",
	[FF_GRANT] = "grant", [FF_ENTRY] = "entry", [FF_CYCLE] = "cycle",
	[FF_WINDOW] = "window", [FF_GRANTEE] = "grantee", [FF_START] = "start",
	[FF_END] = "end", [FF_FROM] = "from", [FF_TO] = "to",
	[FF_VICTIMS] = "victims", [FF_MEMO] = "memo", [FF_REF] = "ref",
	[FF_FORM] = "form", [FF_SEX] = "sex", [FF_AGE] = "age",
};

/* --- the operations ----------------------------------------------------- */

/* One operation being checked. */
struct apply {
	struct store		*st;
	const char *const	*f;
	struct errlist		*el;
	unsigned long		 line;
	const int		*cols;
	int			 bad;
	char			 today[11];
	int64_t			 entry;		/* the entry posted */
};

static void
bad(struct apply *a, enum fund_field field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
bad(struct apply *a, enum fund_field field, const char *fmt, ...)
{
	struct buf	 b = BUF_INIT;
	va_list		 ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	errlist_add(a->el, a->line, a->cols ? (unsigned long)a->cols[field] :
	    0, fund_field_names[field], "%s", b.s);
	buf_release(&b);
	a->bad++;
}

static const char *
given(const struct apply *a, enum fund_field field)
{
	const char	*s = a->f[field];

	return s != NULL && *s != '\0' ? s : NULL;
}

/* A field that must be there. */
static const char *
need(struct apply *a, enum fund_field field, const char *what)
{
	const char	*s = given(a, field);

	if (s == NULL)
		bad(a, field, "%s is needed", what);
	return s;
}

/* A date that must be there, and not after today when past is set. */
static const char *
need_date(struct apply *a, enum fund_field field, int past)
{
	const char	*s = need(a, field, "a date");

	if (s == NULL)
		return NULL;
	if (strlen(s) != 10 || !date_valid(s)) {
		bad(a, field, "'%s' is not a date (YYYY-MM-DD)", s);
		return NULL;
	}
	if (past && strcmp(s, a->today) > 0) {
		bad(a, field, "%s is in the future: the ledger records what "
		    "has happened", s);
		return NULL;
	}
	return s;
}

/* An id of a row, a whole number >= 1. */
static int64_t
need_id(struct apply *a, enum fund_field field, const char *what)
{
	const char	*s = need(a, field, what);
	long long	 v;

	if (s == NULL)
		return 0;
	if (parse_int(s, 1, INT64_MAX, &v) == -1) {
		bad(a, field, "'%s' is not the number of %s", s, what);
		return 0;
	}
	return v;
}

static const struct currency *
want_currency(struct apply *a)
{
	const char		*s = given(a, FF_CURRENCY);
	const struct currency	*c = currency_find(s ? s : "USD");

	if (c == NULL)
		bad(a, FF_CURRENCY, "'%s' is not a currency of ISO 4217", s);
	return c;
}

static int
want_amount(struct apply *a, const struct currency *c, int64_t *v)
{
	const char	*s = need(a, FF_AMOUNT, "an amount");
	struct buf	 why = BUF_INIT;
	int		 rc = 0;

	if (s == NULL || c == NULL)
		return -1;
	if ((rc = money_parse(s, c->exp, v, &why)) == -1)
		bad(a, FF_AMOUNT, "%s, for %s", why.s, c->code);
	buf_release(&why);
	return rc;
}

/* The rate to US dollars: 1 for dollars, else needed. */
static int
want_rate(struct apply *a, const struct currency *c, struct rate *r)
{
	const char	*s = given(a, FF_RATE);
	struct buf	 why = BUF_INIT;
	int		 rc = 0;

	if (c == NULL)
		return -1;
	if (strcmp(c->code, "USD") == 0) {
		int64_t	 one = 1;

		if (s != NULL && rate_parse(s, r, &why) == 0)
			for (int i = 0; i < r->scale; i++)
				one *= 10;
		if (s != NULL && r->num != one) {
			bad(a, FF_RATE, "the rate of US dollars is 1, not '%s'",
			    s);
			rc = -1;
		}
		*r = rate_one;
	} else if (s == NULL) {
		bad(a, FF_RATE, "the rate to US dollars on the day is needed "
		    "for %s", c->code);
		rc = -1;
	} else if (rate_parse(s, r, &why) == -1) {
		bad(a, FF_RATE, "%s", why.s);
		rc = -1;
	}
	buf_release(&why);
	return rc;
}

/* Grants, disbursements, refunds and support costs are in US dollars. */
static int
want_dollars(struct apply *a, int64_t *v)
{
	const char		*s = given(a, FF_CURRENCY);
	const struct currency	*c = currency_find("USD");
	struct rate		 r;

	if (s != NULL && strcmp(s, "USD") != 0) {
		bad(a, FF_CURRENCY, "grants and what is paid under them are in "
		    "US dollars, not %s", s);
		return -1;
	}
	if (want_rate(a, c, &r) == -1)
		return -1;
	return want_amount(a, c, v);
}

static int
add_line(struct apply *a, struct fund_entry *e, enum fund_account acct,
    int64_t ref, int64_t amount, const struct currency *c,
    const struct rate *r)
{
	struct fund_line *l = &e->lines[e->nlines++];

	l->account = acct;
	l->ref = ref;
	l->amount = amount;
	if (usd_cents(amount, c->exp, r, &l->usd) == -1) {
		bad(a, FF_AMOUNT, "the amount is too large to convert to US "
		    "dollars");
		return -1;
	}
	return 0;
}

/* A debit of acct (ref) and a credit of the other, the same amount. */
static int
add_pair(struct apply *a, struct fund_entry *e, enum fund_account dr,
    int64_t dref, enum fund_account cr, int64_t cref, int64_t amount,
    const struct currency *c, const struct rate *r)
{
	if (add_line(a, e, dr, dref, amount, c, r) == -1 ||
	    add_line(a, e, cr, cref, -amount, c, r) == -1)
		return -1;
	return 0;
}

/*
 * Whether posting e keeps the invariants: each balance it moves, as it
 * would be after, fits an int64_t and stays on its side of zero.  New
 * pledges and grants start at zero.  -1 on a store error.
 */
static int
balances_hold(struct apply *a, const struct fund_entry *e,
    const struct currency *c)
{
	/* the totals of each account, over all its pledges and grants */
	for (int i = 0; i < e->nlines; i++) {
		int64_t		 amount, usd, sum = 0;
		int		 seen = 0;

		for (int k = 0; k < i; k++)
			seen |= e->lines[k].account == e->lines[i].account;
		if (seen)
			continue;
		if (a->st->ops->fund_balance_get(a->st, e->lines[i].account,
		    FUND_REF_ALL, &amount, &usd) == -1)
			return -1;
		for (int k = i; k < e->nlines; k++)
			if (e->lines[k].account == e->lines[i].account &&
			    __builtin_add_overflow(sum, e->lines[k].usd, &sum))
				goto overflow;
		if (__builtin_add_overflow(usd, sum, &sum))
			goto overflow;
	}
	for (int i = 0; i < e->nlines; i++) {
		const struct fund_line *l = &e->lines[i];
		int64_t		 amount = 0, usd = 0, sum_a = 0, sum_u = 0;
		char		 have[40], after[40];
		int		 seen = 0;

		for (int k = 0; k < i; k++)
			seen |= e->lines[k].account == l->account &&
			    e->lines[k].ref == l->ref;
		if (seen)
			continue;
		if (l->ref != FUND_REF_NEW && a->st->ops->fund_balance_get(a->st,
		    l->account, l->ref, &amount, &usd) == -1)
			return -1;
		for (int k = i; k < e->nlines; k++)
			if (e->lines[k].account == l->account &&
			    e->lines[k].ref == l->ref &&
			    (__builtin_add_overflow(sum_a, e->lines[k].amount,
			    &sum_a) || __builtin_add_overflow(sum_u,
			    e->lines[k].usd, &sum_u)))
				goto overflow;
		if (__builtin_add_overflow(amount, sum_a, &sum_a) ||
		    __builtin_add_overflow(usd, sum_u, &sum_u))
			goto overflow;
		switch (l->account) {
		case FA_CASH: {
			/* on every day from the entry's on, not only now:
			 * a payment may be recorded after later ones */
			int64_t	 low, delta = sum_u - usd, left;

			if (delta >= 0)
				break;
			if (a->st->ops->fund_cash_low(a->st, e->date, &low) ==
			    -1)
				return -1;
			if (__builtin_add_overflow(low, delta, &left) ||
			    left < 0) {
				amount_text(low, 2, have);
				amount_text(left, 2, after);
				bad(a, FF_AMOUNT, "not enough cash: %s US "
				    "dollars available from %s on, this would "
				    "leave %s", have, e->date, after);
			}
			break;
		}
		case FA_PLEDGES:
			if (sum_a < 0) {
				amount_text(amount, c->exp, have);
				bad(a, FF_PLEDGE, "more than pledge %lld has "
				    "outstanding (%s %s)", (long long)l->ref,
				    have, c->code);
			}
			break;
		case FA_UNDISBURSED:
			if (sum_a > 0) {
				amount_text(-amount, 2, have);
				bad(a, FF_AMOUNT, "beyond what grant %lld has "
				    "left to disburse (%s US dollars)",
				    (long long)l->ref, have);
			}
			break;
		case FA_EXPENSE:
			if (sum_a < 0) {
				amount_text(amount, 2, have);
				bad(a, FF_AMOUNT, "more than grant %lld has had "
				    "disbursed, net of refunds (%s US dollars)",
				    (long long)l->ref, have);
			}
			break;
		case FA_COMMITTED:
		case FA_APPROVED:
		case FA_INCOME:
		case FA_SUPPORT:
		case FA__MAX:
			break;
		}
	}
	return 0;
overflow:
	bad(a, FF_AMOUNT, "the amount is too large: a balance would overflow");
	return 0;
}

static int
op_donor(struct apply *a, int64_t *id)
{
	const char		*name = need(a, FF_DONOR, "the donor's name");
	const char		*kind = need(a, FF_KIND, "the donor's kind");
	const char		*cs = given(a, FF_COUNTRY);
	const struct country	*c = NULL;
	struct fund_donor	 d, old;
	int			 found;

	memset(&d, 0, sizeof(d));
	d.kind = -1;
	d.country = NR;
	if (kind != NULL) {
		if ((d.kind = name_find(donor_kind_names, DK__MAX, kind)) == -1)
			bad(a, FF_KIND, "'%s' is not a kind of donor (state, "
			    "intergovernmental, private_sector, individual, "
			    "campaign)", kind);
	}
	if (cs != NULL) {
		if (country_resolve(cs, &c) != COUNTRY_FOUND)
			bad(a, FF_COUNTRY, "unknown country '%s'", cs);
		else
			d.country = c->numeric;
	} else if (d.kind == DK_STATE)
		bad(a, FF_COUNTRY, "a state donor needs its country");
	if (name != NULL) {
		if (a->st->ops->fund_donor_find(a->st, name, &old, &found) ==
		    -1)
			return -1;
		if (found)
			bad(a, FF_DONOR, "donor '%s' is already registered "
			    "(number %lld)", name, (long long)old.id);
	}
	if (a->bad)
		return 1;
	d.name = name;
	if (a->st->ops->fund_donor_add(a->st, &d) == -1)
		return -1;
	*id = d.id;
	return 0;
}

/* The donor named in the donor field, which must be registered. */
static int
find_donor(struct apply *a, struct fund_donor *d)
{
	const char	*name = need(a, FF_DONOR, "the donor");
	int		 found = 0;

	if (name == NULL)
		return 0;
	if (a->st->ops->fund_donor_find(a->st, name, d, &found) == -1)
		return -1;
	if (!found)
		bad(a, FF_DONOR, "no donor '%s' (register it with palermo fund "
		    "donor)", name);
	return found;
}

static int
post(struct apply *a, struct fund_entry *e, const struct currency *c,
    struct fund_pledge *p, struct fund_grant *g, int64_t *id)
{
	if (a->bad)
		return 1;
	if (balances_hold(a, e, c) == -1)
		return -1;
	if (a->bad)
		return 1;
	e->memo = given(a, FF_MEMO);
	if (a->st->ops->fund_post(a->st, e, p, g) == -1)
		return -1;
	a->entry = e->id;
	*id = p ? p->id : g ? g->id : e->id;
	return 0;
}

static void
entry_start(struct fund_entry *e, enum fund_kind kind, const char *date,
    const struct currency *c, const struct rate *r)
{
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	snprintf(e->date, sizeof(e->date), "%s", date ? date : "");
	snprintf(e->currency, sizeof(e->currency), "%s", c ? c->code : "USD");
	snprintf(e->rate, sizeof(e->rate), "%s", r->text);
}

static int
op_pledge(struct apply *a, int64_t *id)
{
	const char		*date = need_date(a, FF_DATE, 1);
	const struct currency	*c = want_currency(a);
	struct fund_donor	 d;
	struct fund_pledge	 p;
	struct fund_entry	 e;
	struct rate		 r = rate_one;
	int64_t			 amount = 0;
	int			 rc;

	memset(&p, 0, sizeof(p));
	if ((rc = find_donor(a, &d)) == -1)
		return -1;
	want_amount(a, c, &amount);
	want_rate(a, c, &r);
	for (int k = 0; k < 2; k++) {
		enum fund_field	 fl = k ? FF_TO : FF_FROM;
		const char	*s = given(a, fl);

		if (s != NULL && (strlen(s) != 10 || !date_valid(s)))
			bad(a, fl, "'%s' is not a date (YYYY-MM-DD)", s);
		else if (s != NULL)
			snprintf(k ? p.to : p.from, 11, "%s", s);
	}
	if (*p.from && *p.to && strcmp(p.from, p.to) > 0)
		bad(a, FF_TO, "the period ends before it starts");
	if (a->bad)
		return 1;
	p.donor = d.id;
	snprintf(p.currency, sizeof(p.currency), "%s", c->code);
	p.amount = amount;
	snprintf(p.rate, sizeof(p.rate), "%s", r.text);
	snprintf(p.date, sizeof(p.date), "%s", date);
	entry_start(&e, FE_PLEDGE, date, c, &r);
	e.donor = d.id;
	if (add_pair(a, &e, FA_PLEDGES, FUND_REF_NEW, FA_COMMITTED,
	    FUND_REF_NEW, amount, c, &r) == -1)
		return 1;
	return post(a, &e, c, &p, NULL, id);
}

static int
op_contribute(struct apply *a, int64_t *id)
{
	const char		*date = need_date(a, FF_DATE, 1);
	const struct currency	*c = want_currency(a);
	struct fund_donor	 d;
	struct fund_pledge	 p;
	struct fund_entry	 e;
	struct rate		 r = rate_one, pr;
	struct buf		 why = BUF_INIT;
	int64_t			 amount = 0, pledge = 0, left = 0, usd;
	int			 found = 0;

	if (find_donor(a, &d) == -1)
		return -1;
	want_amount(a, c, &amount);
	want_rate(a, c, &r);
	if (given(a, FF_PLEDGE) && (pledge = need_id(a, FF_PLEDGE,
	    "a pledge")) != 0) {
		if (a->st->ops->fund_pledge_get(a->st, pledge, &p, &found) ==
		    -1)
			return -1;
		if (!found)
			bad(a, FF_PLEDGE, "no pledge %lld", (long long)pledge);
		else if (!a->bad && p.donor != d.id)
			bad(a, FF_PLEDGE, "pledge %lld is not %s's",
			    (long long)pledge, d.name);
		else if (c != NULL && strcmp(p.currency, c->code) != 0)
			bad(a, FF_CURRENCY, "pledge %lld is in %s, not %s",
			    (long long)pledge, p.currency, c->code);
		else if (a->st->ops->fund_balance_get(a->st, FA_PLEDGES,
		    pledge, &left, &usd) == -1)
			return -1;
	}
	if (a->bad)
		return 1;
	entry_start(&e, FE_CONTRIBUTION, date, c, &r);
	e.donor = d.id;
	e.pledge = pledge;
	if (add_pair(a, &e, FA_CASH, 0, FA_INCOME, 0, amount, c, &r) == -1)
		return 1;
	/* what the contribution pays of the pledge, at the pledge's rate */
	if (pledge != 0 && left > 0) {
		if (rate_parse(p.rate, &pr, &why) == -1) {
			buf_release(&why);
			return error("pledge %lld: stored rate '%s' is not one",
			    (long long)pledge, p.rate);
		}
		if (add_pair(a, &e, FA_COMMITTED, pledge, FA_PLEDGES, pledge,
		    amount < left ? amount : left, c, &pr) == -1)
			return 1;
	}
	return post(a, &e, c, NULL, NULL, id);
}

/* Whether end is before start plus years (valid YYYY-MM-DD dates). */
static int
within_years(const char *start, const char *end, int years)
{
	char	 limit[16];
	int	 y = (start[0] - '0') * 1000 + (start[1] - '0') * 100 +
	    (start[2] - '0') * 10 + (start[3] - '0');

	snprintf(limit, sizeof(limit), "%04d%s", y + years, start + 4);
	return strcmp(end, limit) < 0;
}

const struct fund_cycle *
fund_cycle_find(const struct fund_cycle *v, size_t n, const char *s)
{
	long long	 k;

	for (size_t i = 0; i < n; i++)
		if (str_eqi(v[i].name, s))
			return &v[i];
	if (parse_int(s, 1, 100000, &k) == 0)
		for (size_t i = 0; i < n; i++)
			if (v[i].number == k)
				return &v[i];
	return NULL;
}

/* The cycle a grant names, and whether its amount fits the cycle's
 * ceilings: the most a grant may receive, and the most all the cycle's
 * grants (those not cancelled) may.  0 (refusals counted), or -1. */
static int
grant_cycle_check(struct apply *a, const char *name, int64_t amount,
    int *number)
{
	struct arena		 ar = { NULL };
	struct fund_cycle	*v;
	const struct fund_cycle	*c;
	size_t			 n;
	char			 m[40], l[40];

	if (a->st->ops->fund_cycle_list(a->st, &ar, &v, &n) == -1) {
		arena_release(&ar);
		return -1;
	}
	if ((c = fund_cycle_find(v, n, name)) == NULL) {
		bad(a, FF_CYCLE, "no grant cycle '%s': record it first with "
		    "'palermo fund cycle NAME --grant-ceiling USD "
		    "--cycle-ceiling USD'", name);
		arena_release(&ar);
		return 0;
	}
	*number = c->number;
	if (c->grant_ceiling > 0 && amount > c->grant_ceiling) {
		amount_text(c->grant_ceiling, 2, m);
		bad(a, FF_AMOUNT, "above the ceiling of a grant of cycle %s "
		    "(%s US dollars)", c->name, m);
	}
	if (c->cycle_ceiling > 0) {
		struct fund_totals	 t;
		struct fund_grant	*g;
		size_t			 ng;
		int64_t			 sum = 0;

		if (a->st->ops->fund_grant_list(a->st, &ar, &g, &ng) == -1 ||
		    fund_summarise(a->st, NULL, NULL, &t) == -1) {
			arena_release(&ar);
			return -1;
		}
		for (size_t i = 0; i < ng; i++) {
			struct grant_sum *s = fund_grant_sum(&t, g[i].id);

			if (g[i].cycle == c->number && !(s && s->cancelled))
				sum += g[i].amount;
		}
		fund_totals_release(&t);
		if (sum + amount > c->cycle_ceiling) {
			amount_text(c->cycle_ceiling, 2, m);
			amount_text(c->cycle_ceiling - sum, 2, l);
			bad(a, FF_AMOUNT, "beyond the ceiling of cycle %s (%s US "
			    "dollars; %s left)", c->name, m, l);
		}
	}
	arena_release(&ar);
	return 0;
}

int
fund_cycle_record(struct store *st, const char *name, const char *grant,
    const char *cycle, int *number)
{
	struct arena		 ar = { NULL };
	struct fund_cycle	*v, c;
	struct buf		 why = BUF_INIT;
	size_t			 n;
	int			 rc = 1;

	memset(&c, 0, sizeof(c));
	c.name = name;
	if (name == NULL || *name == '\0' || strspn(name, "0123456789") ==
	    strlen(name)) {
		error("a grant cycle is named as the fund names it, such as "
		    "10.2, not by a bare number");
		goto out;
	}
	if (grant == NULL || money_parse(grant, 2, &c.grant_ceiling, &why) ==
	    -1) {
		error("--grant-ceiling: the most a grant of the cycle may "
		    "receive, in US dollars%s%s", why.len ? ": " : "",
		    why.len ? why.s : "");
		goto out;
	}
	buf_truncate(&why, 0);
	if (cycle == NULL || money_parse(cycle, 2, &c.cycle_ceiling, &why) ==
	    -1) {
		error("--cycle-ceiling: the most all the cycle's grants may "
		    "receive, in US dollars%s%s", why.len ? ": " : "",
		    why.len ? why.s : "");
		goto out;
	}
	if (c.grant_ceiling > c.cycle_ceiling) {
		error("a grant's ceiling above the cycle's");
		goto out;
	}
	if (st->ops->fund_cycle_list(st, &ar, &v, &n) == -1) {
		rc = -1;
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (str_eqi(v[i].name, name)) {
			error("grant cycle %s is recorded already", v[i].name);
			goto out;
		}
	if ((rc = st->ops->fund_cycle_add(st, &c)) == 0)
		*number = c.number;
out:
	buf_release(&why);
	arena_release(&ar);
	return rc;
}

static int
op_grant(struct apply *a, int64_t *id)
{
	const char		*date = need_date(a, FF_DATE, 1);
	const char		*cycle = need(a, FF_CYCLE, "the grant cycle");
	const char		*window = need(a, FF_WINDOW, "the window "
	    "(emergency or medium_term)");
	const char		*grantee = need(a, FF_GRANTEE, "the grantee "
	    "organisation");
	const char		*cs = need(a, FF_COUNTRY, "the grantee's country "
	    "of implementation");
	const char		*start = need_date(a, FF_START, 0);
	const char		*end = need_date(a, FF_END, 0);
	const struct currency	*c = currency_find("USD");
	const struct country	*ct;
	struct fund_grant	 g;
	struct fund_entry	 e;
	int64_t			 amount = 0;

	memset(&g, 0, sizeof(g));
	g.window = -1;
	want_dollars(a, &amount);
	if (cycle != NULL && amount > 0 && grant_cycle_check(a, cycle, amount,
	    &g.cycle) == -1)
		return -1;
	if (window != NULL) {
		if ((g.window = name_find(grant_window_names, GW__MAX,
		    window)) == -1)
			bad(a, FF_WINDOW, "'%s' is not a window (emergency or "
			    "medium_term)", window);
	}
	if (cs != NULL && country_resolve(cs, &ct) != COUNTRY_FOUND)
		bad(a, FF_COUNTRY, "unknown country '%s'", cs);
	else if (cs != NULL)
		g.country = ct->numeric;
	if (start != NULL && end != NULL) {
		if (strcmp(end, start) < 0)
			bad(a, FF_END, "the grant ends before it starts");
		else if (g.window == GW_MEDIUM_TERM &&
		    !within_years(start, end, 2))
			bad(a, FF_END, "a medium-term grant lasts up to two "
			    "years");
		else if (g.window == GW_EMERGENCY &&
		    !within_years(start, end, 1))
			bad(a, FF_END, "an emergency grant lasts up to a year");
	}
	if (a->bad)
		return 1;
	g.grantee = grantee;
	g.amount = amount;
	snprintf(g.start, sizeof(g.start), "%s", start);
	snprintf(g.end, sizeof(g.end), "%s", end);
	snprintf(g.date, sizeof(g.date), "%s", date);
	entry_start(&e, FE_GRANT, date, c, &rate_one);
	if (add_pair(a, &e, FA_APPROVED, FUND_REF_NEW, FA_UNDISBURSED,
	    FUND_REF_NEW, amount, c, &rate_one) == -1)
		return 1;
	return post(a, &e, c, NULL, &g, id);
}

/* The grant in the grant field, which must exist. */
static int
find_grant(struct apply *a, struct fund_grant *g)
{
	int64_t		 n = need_id(a, FF_GRANT, "a grant");
	int		 found = 0;

	if (n == 0)
		return 0;
	if (a->st->ops->fund_grant_get(a->st, n, g, &found) == -1)
		return -1;
	if (!found)
		bad(a, FF_GRANT, "no grant %lld", (long long)n);
	return found;
}

/* A disbursement, a refund or support costs: dollars moved on a grant. */
static int
op_payment(struct apply *a, enum fund_op op, int64_t *id)
{
	const char		*date = need_date(a, FF_DATE, 1);
	const struct currency	*c = currency_find("USD");
	struct fund_grant	 g;
	struct fund_entry	 e;
	int64_t			 amount = 0;
	int			 rc = 1;

	if (op != FO_SUPPORT && (rc = find_grant(a, &g)) == -1)
		return -1;
	want_dollars(a, &amount);
	if (rc == 1 && op != FO_SUPPORT && date != NULL &&
	    strcmp(date, g.date) < 0)
		bad(a, FF_DATE, "%s is before grant %lld was approved (%s)",
		    date, (long long)g.id, g.date);
	if (a->bad)
		return 1;
	if (op == FO_DISBURSE) {
		entry_start(&e, FE_DISBURSEMENT, date, c, &rate_one);
		e.grant = g.id;
		if (add_pair(a, &e, FA_EXPENSE, g.id, FA_CASH, 0, amount, c,
		    &rate_one) == -1 || add_pair(a, &e, FA_UNDISBURSED, g.id,
		    FA_APPROVED, g.id, amount, c, &rate_one) == -1)
			return 1;
	} else if (op == FO_REFUND) {
		entry_start(&e, FE_REFUND, date, c, &rate_one);
		e.grant = g.id;
		if (add_pair(a, &e, FA_CASH, 0, FA_EXPENSE, g.id, amount, c,
		    &rate_one) == -1)
			return 1;
	} else {
		entry_start(&e, FE_SUPPORT, date, c, &rate_one);
		if (add_pair(a, &e, FA_SUPPORT, 0, FA_CASH, 0, amount, c,
		    &rate_one) == -1)
			return 1;
	}
	return post(a, &e, c, NULL, NULL, id);
}

static int
op_reverse(struct apply *a, int64_t *id)
{
	const char		*date = need_date(a, FF_DATE, 1);
	int64_t			 n = need_id(a, FF_ENTRY, "an entry");
	const struct currency	*c;
	struct fund_entry	 old, e;
	int			 found = 0;

	need(a, FF_MEMO, "the reason for the correction (memo)");
	if (n != 0 && a->st->ops->fund_entry_get(a->st, n, &old, &found) ==
	    -1)
		return -1;
	if (n != 0 && !found)
		bad(a, FF_ENTRY, "no entry %lld", (long long)n);
	else if (found && old.kind == FE_REVERSAL)
		bad(a, FF_ENTRY, "entry %lld is itself a reversal: post the "
		    "entry it reversed again instead", (long long)n);
	else if (found && old.reversed_by != 0)
		bad(a, FF_ENTRY, "entry %lld was already reversed by entry "
		    "%lld", (long long)n, (long long)old.reversed_by);
	else if (found && date != NULL && strcmp(date, old.date) < 0)
		bad(a, FF_DATE, "%s is before the entry it corrects (%s)",
		    date, old.date);
	if (a->bad)
		return 1;
	if ((c = currency_find(old.currency)) == NULL)
		return error("entry %lld: stored currency '%s' is unknown",
		    (long long)n, old.currency);
	e = old;
	e.id = e.reversed_by = 0;
	e.kind = FE_REVERSAL;
	e.reverses = n;
	snprintf(e.date, sizeof(e.date), "%s", date);
	for (int i = 0; i < e.nlines; i++) {
		e.lines[i].amount = -e.lines[i].amount;
		e.lines[i].usd = -e.lines[i].usd;
	}
	return post(a, &e, c, NULL, NULL, id);
}

static int
op_victims(struct apply *a, int64_t *id)
{
	const char	*date = need_date(a, FF_DATE, 1);
	const char	*v = need(a, FF_VICTIMS, "the number of victims "
	    "assisted");
	struct fund_grant g;
	struct fund_victims fv;
	long long	 n = 0;
	int		 rc;
	static const struct {
		enum fund_field	 f;
		enum code_list	 l;
		const char	*what;
	} groups[3] = {
		{ FF_FORM, CL_FORM, "a form of exploitation (sexual, labour, "
		    "...)" },
		{ FF_SEX, CL_SEX, "a sex (female, male, other, unknown)" },
		{ FF_AGE, CL_AGE_GROUP, "an age group (0-17, 18+, unknown)" },
	};
	int		 code[3] = { 0, 0, 0 };

	if ((rc = find_grant(a, &g)) == -1)
		return -1;
	if (v != NULL && parse_int(v, 0, 100000000, &n) == -1)
		bad(a, FF_VICTIMS, "'%s' is not a number of people", v);
	for (int k = 0; k < 3; k++) {
		const char *s = given(a, groups[k].f);

		if (s != NULL && (code[k] = code_find(groups[k].l, s)) == -1)
			bad(a, groups[k].f, "'%s' is not %s", s,
			    groups[k].what);
	}
	if (a->bad)
		return 1;
	fv = (struct fund_victims){ g.id, date, n, code[0], code[1], code[2] };
	if (a->st->ops->fund_victims_add(a->st, &fv) == -1)
		return -1;
	*id = g.id;
	return 0;
}

int
fund_apply(struct store *st, enum fund_op op, const char *const f[FF__MAX],
    struct errlist *el, unsigned long line, const int *cols, int64_t *id,
    int64_t *entry)
{
	struct apply	 a;
	unsigned long	 before = el->count;
	int		 rc = -1;

	memset(&a, 0, sizeof(a));
	a.st = st;
	a.f = f;
	a.el = el;
	a.line = line;
	a.cols = cols;
	*id = 0;
	if (today_iso(a.today) == -1)
		return -1;
	switch (op) {
	case FO_DONOR:
		rc = op_donor(&a, id);
		break;
	case FO_PLEDGE:
		rc = op_pledge(&a, id);
		break;
	case FO_CONTRIBUTE:
		rc = op_contribute(&a, id);
		break;
	case FO_GRANT:
		rc = op_grant(&a, id);
		break;
	case FO_DISBURSE:
	case FO_REFUND:
	case FO_SUPPORT:
		rc = op_payment(&a, op, id);
		break;
	case FO_REVERSE:
		rc = op_reverse(&a, id);
		break;
	case FO_VICTIMS:
		rc = op_victims(&a, id);
		break;
	case FO__MAX:
		break;
	}
	if (rc == 0 && el->count > before)	/* said, yet made: impossible */
		rc = 1;
	if (entry != NULL)
		*entry = rc == 0 ? a.entry : 0;
	return rc;
}

int
fund_record(struct store *st, enum fund_op op, const char *const f[FF__MAX],
    struct errlist *el, int64_t *id)
{
	int	 rc;

	if (st->ops->begin(st) == -1)
		return -1;
	if ((rc = fund_apply(st, op, f, el, 0, NULL, id, NULL)) == 0 &&
	    st->ops->commit(st) == 0)
		return 0;
	st->ops->rollback(st);
	return rc == 1 ? 1 : -1;
}
