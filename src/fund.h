/*
 * fund.h: the UN Voluntary Trust Fund for Victims of Trafficking in
 * Persons as a double-entry ledger (fund.c: the rules; cmd_fund.c: the
 * command; report_fund.c: the fund's yearly report; sample_fund.c: a
 * generated history).
 *
 * Invariants: money is an int64_t count of a currency's minor units, never
 * a floating-point number.  Every entry's lines sum to zero, in minor units
 * and in US cents.  The accounts the rules keep non-negative (cash in US
 * cents; each pledge's receivable; each grant's undisbursed amount and its
 * net expenditure) never go below zero: an operation that would make them
 * is refused, and nothing is written.
 */
#ifndef PALERMO_FUND_H
#define PALERMO_FUND_H

#include <stdint.h>

#include "palermo.h"

struct store;

/* The accounts.  Debits are positive, credits negative. */
enum fund_account {
	FA_CASH,		/* money held, counted in US cents */
	FA_PLEDGES,		/* pledged, not yet received, per pledge */
	FA_COMMITTED,		/* the donors' side of a pledge, per pledge */
	FA_INCOME,		/* contributions received */
	FA_APPROVED,		/* grants approved, per grant */
	FA_UNDISBURSED,		/* approved, not yet paid out, per grant */
	FA_EXPENSE,		/* paid to grantees, less refunds, per grant */
	FA_SUPPORT,		/* programme support costs */
	FA__MAX
};
extern const char *const fund_account_names[FA__MAX];

/* What an entry records. */
enum fund_kind {
	FE_PLEDGE,
	FE_CONTRIBUTION,
	FE_GRANT,
	FE_DISBURSEMENT,
	FE_REFUND,
	FE_SUPPORT,
	FE_REVERSAL,
	FE__MAX
};
extern const char *const fund_kind_names[FE__MAX];

enum donor_kind {
	DK_STATE,
	DK_INTERGOVERNMENTAL,
	DK_PRIVATE_SECTOR,
	DK_INDIVIDUAL,
	DK_CAMPAIGN,
	DK__MAX
};
extern const char *const donor_kind_names[DK__MAX];
extern const char *const donor_kind_labels[DK__MAX];

enum grant_window { GW_EMERGENCY, GW_MEDIUM_TERM, GW__MAX };
extern const char *const grant_window_names[GW__MAX];
extern const char *const grant_window_labels[GW__MAX];

#define FUND_LINES_MAX	4
#define FUND_REF_NEW	(-1)	/* a line about the pledge or grant being made */
#define FUND_REF_ALL	(-2)	/* balance_get: the account over all refs */
#define RATE_MAX	24	/* bytes of a rate's text, with its NUL */

/* A currency of ISO 4217 and the number of its decimals. */
struct currency {
	const char	*code;		/* "EUR" */
	const char	*name;
	int		 exp;		/* decimals: 0, 2, 3 or 4 */
};
/* The currency of that code, or NULL when there is none. */
const struct currency *currency_find(const char *code);

/* An exchange rate: US dollars per unit, exactly num / 10^scale. */
struct rate {
	int64_t		 num;
	int		 scale;
	char		 text[RATE_MAX];
};
extern const struct rate rate_one;

/* "1234.56" in a currency of exp decimals into minor units: 0, or -1 with
 * why said in buf (no sign, no more decimals than exp, not zero). */
int	 money_parse(const char *, int exp, int64_t *, struct buf *why);
/* Minor units as "-1234.56" into buf of 32. */
void	 money_format(int64_t, int exp, char buf[32]);
/* "1.0845", positive, at most 9 decimals; 0 or -1 with why said. */
int	 rate_parse(const char *, struct rate *, struct buf *why);
/* amount (minor units of exp decimals) in US cents at rate, rounded half
 * away from zero: 0, or -1 when it does not fit. */
int	 usd_cents(int64_t amount, int exp, const struct rate *, int64_t *);

struct fund_line {
	enum fund_account account;
	int64_t		 ref;		/* pledge or grant id, 0, FUND_REF_NEW */
	int64_t		 amount;	/* minor units of the entry's currency */
	int64_t		 usd;		/* US cents */
};

struct fund_entry {
	int64_t		 id;
	char		 date[11];
	enum fund_kind	 kind;
	char		 currency[4];
	char		 rate[RATE_MAX];
	int64_t		 donor, pledge, grant;	/* 0 when none */
	int64_t		 reverses;		/* 0, or the entry corrected */
	int64_t		 reversed_by;		/* read only: 0 or the reversal */
	const char	*memo;
	const char	*posted_by, *posted_at;
	struct fund_line lines[FUND_LINES_MAX];
	int		 nlines;
};

struct fund_donor {
	int64_t		 id;
	const char	*name;
	int		 kind;		/* DK_* */
	int		 country;	/* NR when none */
};

struct fund_pledge {
	int64_t		 id, entry, donor;
	char		 currency[4];
	int64_t		 amount;
	char		 rate[RATE_MAX];
	char		 date[11], from[11], to[11];	/* from, to: "" if none */
};

struct fund_grant {
	int64_t		 id, entry;
	int		 cycle, window;	/* GW_* */
	const char	*grantee;
	int		 country;
	int64_t		 amount;	/* US cents */
	char		 start[11], end[11], date[11];
};

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
