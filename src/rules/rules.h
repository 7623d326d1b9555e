/*
 * rules.h: the rules of palermo's registers, written once for every front
 * end: the Trust Fund's ledger (what may be posted, and its sums).
 *
 * Invariants of the ledger: the accounts the rules keep non-negative
 * (cash in US cents; each pledge's receivable; each grant's undisbursed
 * amount and its net expenditure) never go below zero: an operation that
 * would make them is refused, and nothing is written.
 */
#ifndef PALERMO_RULES_H
#define PALERMO_RULES_H

#include <stdint.h>

#include "store/store.h"

/* ---------------------------------------------------------------------- */
/* fund.c: the Trust Fund's operations. */

/*
 * One operation, as people and files give it: the fields by name, each a
 * string or NULL.  The same fields are the columns of `palermo fund
 * import`, and fund_apply checks them all.
 */
enum fund_op {
	FO_DONOR,
	FO_PLEDGE,
	FO_CONTRIBUTE,
	FO_GRANT,
	FO_DISBURSE,
	FO_REFUND,
	FO_SUPPORT,
	FO_REVERSE,
	FO_VICTIMS,
	FO__MAX
};
extern const char *const fund_op_names[FO__MAX];

enum fund_field {
	FF_OP, FF_DATE, FF_DONOR, FF_KIND, FF_COUNTRY, FF_AMOUNT, FF_CURRENCY,
	FF_RATE, FF_PLEDGE, FF_GRANT, FF_ENTRY, FF_CYCLE, FF_WINDOW,
	FF_GRANTEE, FF_START, FF_END, FF_FROM, FF_TO, FF_VICTIMS, FF_MEMO,
	FF_REF, FF__MAX
};
extern const char *const fund_field_names[FF__MAX];

/*
 * Check the operation and, when it is sound, write it: one balanced entry
 * (and the pledge, grant or donor it makes), in the caller's transaction.
 * Problems go to el at line, each at the column cols[field] (cols may be
 * NULL: no columns).  Returns 0 with the id of what was made in *id and
 * of the entry posted in *entry (0 for a donor or victims; entry may be
 * NULL), 1 when the operation was refused (nothing written), -1 on a
 * store error.
 */
int	 fund_apply(struct store *, enum fund_op, const char *const f[FF__MAX],
	    struct errlist *el, unsigned long line, const int *cols,
	    int64_t *id, int64_t *entry);

/* ---------------------------------------------------------------------- */
/*
 * fund_sum.c: the ledger added up in one pass, for the listings and the
 * report.  Sums are over entries dated up to `to` (all when NULL); the
 * period sums over entries from `from` to `to`; "before" over entries
 * before `from`.  Money is in US cents unless said.
 */
struct donor_sum {
	int64_t		 usd, count;	/* contributions in the period */
	char		 currency[4];	/* theirs, "" when several */
	int64_t		 amount;	/* in that currency */
};

struct grant_sum {
	int64_t		 disbursed;	/* net of refunds, up to `to` */
	int64_t		 paid;		/* disbursed in the period, net */
	int64_t		 undisbursed;
	int		 cancelled;	/* its approval was reversed */
	int64_t		 victims;	/* the latest report, -1 if none */
};

struct pledge_sum {
	int64_t		 outstanding;	/* in the pledge's currency */
	int64_t		 outstanding_usd;	/* at the pledge's rate */
};

struct fund_totals {
	int64_t		 usd[FA__MAX];		/* balances at `to` */
	int64_t		 before[FA__MAX];	/* balances before `from` */
	int64_t		 period[FA__MAX];	/* movements in the period */
	struct donor_sum *donors;		/* by donor id */
	struct grant_sum *grants;
	struct pledge_sum *pledges;
	int64_t		 ndonors, ngrants, npledges;
	int64_t		 entries, lines;	/* read, up to `to` */
	char		 today[11];
};

enum grant_status { GS_APPROVED, GS_ACTIVE, GS_CLOSED, GS_CANCELLED,
    GS__MAX };
extern const char *const grant_status_names[GS__MAX];

/* Balances by account up to as_of (NULL: all, from the kept totals,
 * without reading the journal: only usd[] is filled); 0 or -1.  Release
 * after. */
int	 fund_totals(struct store *, const char *as_of, struct fund_totals *);
/* Everything, in one pass over the journal; 0 or -1.  Release after. */
int	 fund_summarise(struct store *, const char *from, const char *to,
	    struct fund_totals *);
void	 fund_totals_release(struct fund_totals *);
/* The sums of one donor, grant or pledge, NULL when it has none. */
struct donor_sum *fund_donor_sum(struct fund_totals *, int64_t id);
struct grant_sum *fund_grant_sum(struct fund_totals *, int64_t id);
struct pledge_sum *fund_pledge_sum(struct fund_totals *, int64_t id);
/* Cancelled, closed (ended by the day), active (paid) or approved. */
enum grant_status fund_grant_status(struct fund_totals *,
	    const struct fund_grant *, const char *day);

#endif
