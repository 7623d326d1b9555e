/*
 * fund_sum.c: the Trust Fund's ledger added up, for `palermo fund` and the
 * fund's report.  One pass over the journal gives every balance at a day,
 * the movements of a period, and the sums of each donor, grant and pledge;
 * the current balances alone come from the balances the store keeps as
 * lines are posted, without reading the journal.
 */
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

const char *const grant_status_names[GS__MAX] = {
	[GS_APPROVED] = "approved",
	[GS_ACTIVE] = "active",
	[GS_CLOSED] = "closed",
	[GS_CANCELLED] = "cancelled",
};

/* Grow a table indexed by id to hold id, zeroing what is new. */
static void *
grow(void *p, int64_t *n, int64_t id, size_t size)
{
	int64_t	 want;

	if (id < *n)
		return p;
	want = id + 1 > *n * 2 ? id + 1 : *n * 2;
	p = xreallocarray(p, (size_t)want, size);
	memset((char *)p + (size_t)*n * size, 0, (size_t)(want - *n) * size);
	*n = want;
	return p;
}

struct donor_sum *
fund_donor_sum(struct fund_totals *t, int64_t id)
{
	return id > 0 && id < t->ndonors ? &t->donors[id] : NULL;
}

struct grant_sum *
fund_grant_sum(struct fund_totals *t, int64_t id)
{
	return id > 0 && id < t->ngrants ? &t->grants[id] : NULL;
}

struct pledge_sum *
fund_pledge_sum(struct fund_totals *t, int64_t id)
{
	return id > 0 && id < t->npledges ? &t->pledges[id] : NULL;
}

enum grant_status
fund_grant_status(struct fund_totals *t, const struct fund_grant *g,
    const char *day)
{
	struct grant_sum *s = fund_grant_sum(t, g->id);

	if (s != NULL && s->cancelled)
		return GS_CANCELLED;
	if (strcmp(g->end, day) < 0)
		return GS_CLOSED;
	return s != NULL && s->disbursed > 0 ? GS_ACTIVE : GS_APPROVED;
}

void
fund_totals_release(struct fund_totals *t)
{
	free(t->donors);
	free(t->grants);
	free(t->pledges);
	memset(t, 0, sizeof(*t));
}

/* a += b, or fail: the sums of a ledger of int64_t balances can overflow */
#define ADD(a, b) do {							\
	if (__builtin_add_overflow((a), (b), &(a)))			\
		goto overflow;						\
} while (0)

struct pass {
	struct fund_totals	*t;
	const char		*from, *to;
	int64_t			*approvals;	/* by grant: its entry */
	int64_t			 napprovals;
};

static int
sum_entry(const struct fund_entry *e, void *arg)
{
	struct pass		*ps = arg;
	struct fund_totals	*t = ps->t;
	int			 in = (ps->from == NULL ||
	    strcmp(e->date, ps->from) >= 0);
	int			 income = 0;

	if (ps->to != NULL && strcmp(e->date, ps->to) > 0)
		return 0;
	t->entries++;
	for (int i = 0; i < e->nlines; i++) {
		const struct fund_line *l = &e->lines[i];

		t->lines++;
		ADD(t->usd[l->account], l->usd);
		if (in)
			ADD(t->period[l->account], l->usd);
		else
			ADD(t->before[l->account], l->usd);
		switch (l->account) {
		case FA_EXPENSE:
			if (l->ref > 0) {
				t->grants = grow(t->grants, &t->ngrants, l->ref,
				    sizeof(*t->grants));
				ADD(t->grants[l->ref].disbursed, l->amount);
				if (in)
					ADD(t->grants[l->ref].paid, l->amount);
			}
			break;
		case FA_UNDISBURSED:
			t->grants = grow(t->grants, &t->ngrants, l->ref,
			    sizeof(*t->grants));
			ADD(t->grants[l->ref].undisbursed, -l->amount);
			if (e->kind == FE_GRANT) {
				ps->approvals = grow(ps->approvals,
				    &ps->napprovals, l->ref,
				    sizeof(*ps->approvals));
				ps->approvals[l->ref] = e->id;
			} else if (e->kind == FE_REVERSAL && l->ref <
			    ps->napprovals && ps->approvals[l->ref] ==
			    e->reverses)
				t->grants[l->ref].cancelled = 1;
			break;
		case FA_PLEDGES:
			t->pledges = grow(t->pledges, &t->npledges, l->ref,
			    sizeof(*t->pledges));
			ADD(t->pledges[l->ref].outstanding, l->amount);
			ADD(t->pledges[l->ref].outstanding_usd, l->usd);
			break;
		case FA_INCOME:
			income = 1;
			if (!in || e->donor <= 0)
				break;
			t->donors = grow(t->donors, &t->ndonors, e->donor,
			    sizeof(*t->donors));
			{
				struct donor_sum *d = &t->donors[e->donor];

				ADD(d->usd, -l->usd);
				if (d->count == 0 && d->amount == 0 &&
				    d->currency[0] == '\0')
					memcpy(d->currency, e->currency, 4);
				else if (strcmp(d->currency, e->currency) != 0)
					d->currency[0] = '\0';
				ADD(d->amount, -l->amount);
			}
			break;
		case FA_CASH:
		case FA_COMMITTED:
		case FA_APPROVED:
		case FA_SUPPORT:
		case FA__MAX:
			break;
		}
	}
	if (income && in && e->donor > 0)
		t->donors[e->donor].count += e->kind == FE_REVERSAL ? -1 : 1;
	return 0;
overflow:
	return error("the fund's totals are too large to add up (entry %lld)",
	    (long long)e->id);
}

static int
sum_victims(const struct fund_victims *v, void *arg)
{
	struct pass	*ps = arg;
	int64_t		 grant = v->grant, victims = v->victims;
	const char	*date = v->date;

	/* a grant's victims are its totals; groups are the report's */
	if (v->form != 0 || v->sex != 0 || v->age != 0)
		return 0;
	if (ps->to != NULL && strcmp(date, ps->to) > 0)
		return 0;
	ps->t->grants = grow(ps->t->grants, &ps->t->ngrants, grant,
	    sizeof(*ps->t->grants));
	/* the latest comes last */
	ps->t->grants[grant].victims = victims;
	ps->t->grants[grant].reported = 1;
	snprintf(ps->t->grants[grant].reported_on,
	    sizeof(ps->t->grants[grant].reported_on), "%s", date);
	if (ps->from != NULL && strcmp(date, ps->from) < 0) {
		ps->t->grants[grant].victims_before = victims;
		ps->t->grants[grant].reported_before = 1;
	}
	return 0;
}

int64_t
fund_shown(const int64_t usd[FA__MAX], enum fund_account a)
{
	static const char credit[FA__MAX] = {
		[FA_COMMITTED] = 1, [FA_INCOME] = 1, [FA_UNDISBURSED] = 1,
	};

	return credit[a] ? -usd[a] : usd[a];
}

void
fund_year(int year, char from[11], char to[11])
{
	snprintf(from, 11, "%04d-01-01", year);
	snprintf(to, 11, "%04d-12-31", year);
}

int
fund_summarise(struct store *st, const char *from, const char *to,
    struct fund_totals *t)
{
	struct pass	 ps;
	int		 rc;

	memset(t, 0, sizeof(*t));
	memset(&ps, 0, sizeof(ps));
	ps.t = t;
	ps.from = from;
	ps.to = to;
	if (today_iso(t->today) == -1)
		return -1;
	rc = st->ops->fund_entry_each(st, to, 0, sum_entry, &ps) == -1 ||
	    st->ops->fund_victims_each(st, sum_victims, &ps) == -1 ? -1 : 0;
	free(ps.approvals);
	return rc;
}

static int
add_balance(int account, int64_t ref, int64_t amount, int64_t usd, void *arg)
{
	struct fund_totals *t = arg;

	(void)ref;
	(void)amount;
	if (account < 0 || __builtin_add_overflow(t->usd[account], usd,
	    &t->usd[account]))
		return error("the fund's balances are too large to add up");
	return 0;
}

int
fund_totals(struct store *st, const char *as_of, struct fund_totals *t)
{
	if (as_of != NULL)
		return fund_summarise(st, NULL, as_of, t);
	memset(t, 0, sizeof(*t));
	if (today_iso(t->today) == -1)
		return -1;
	return st->ops->fund_balance_each(st, add_balance, t);
}
