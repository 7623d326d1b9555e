/*
 * rules.h: the rules of palermo's registers, written once for every front
 * end: who is party to an instrument, how states criminalise each form,
 * what an action of the Global Plan of Action must say and when the plan
 * is appraised, the World Day, mechanisms and practices, and the Trust
 * Fund's ledger (what may be posted, and its sums).
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
/* treaties.c: legal instruments, the actions of states, criminalisation. */

enum party_status { PS_NEITHER, PS_SIGNATORY, PS_PENDING, PS_PARTY,
    PS__MAX };
extern const char *const party_status_names[PS__MAX];

/* The register of instruments in memory: every instrument and every
 * action of a state on one, in the arena. */
struct treaties {
	struct arena		 arena;
	struct instrument	*in;
	size_t			 nin;
	struct treaty_action	*a;
	size_t			 na;
};

/* Read the register; 0 or -1.  treaties_release frees it. */
int	 treaties_load(struct store *, struct treaties *);
void	 treaties_release(struct treaties *);
/* Add an action to the register in memory (a copy), as an import reads
 * it, so that the rules see the file's actions with the store's. */
void	 treaties_note(struct treaties *, const struct treaty_action *);
/* The instrument of a code, a name or an id; NULL when none. */
const struct instrument *treaties_find(const struct treaties *, const char *);
const struct instrument *treaties_by_id(const struct treaties *, int64_t);
/* The day an instrument enters into force for a State whose action
 * (TA_*) was deposited on deposit: by the instrument's rule, never before
 * it entered into force itself; a succession on its own date. */
void	 treaty_in_force_for(const struct instrument *, int action,
	    const char *deposit, char out[11]);
/*
 * A participant's standing on an instrument on the date as_of
 * (YYYY-MM-DD), from the actions dated up to then: a party from the day
 * the instrument entered into force for it (the earliest of its
 * ratification-like actions); pending between such an action and that
 * day; a signatory from its signature; since is that day ("" for
 * neither).
 */
enum party_status treaty_status_at(const struct treaties *, int64_t
	    instrument, int country, const char *as_of, char since[11]);
/* Whether a participant (its row) can take part in an instrument on date:
 * the row is in effect, and an organisation only where it is open to
 * them. */
int	 treaty_may_take_part(const struct treaties *, int64_t instrument,
	    const struct participant *, const char *date);
/* The participants of an instrument on as_of, each once with its
 * standing: those that can take part then, and any party besides; of
 * one region (a region index; NREGIONS for those without one, such as
 * organisations) or of all (-1).  out has room for participant_count();
 * returns how many. */
struct treaty_entry {
	int		 numeric;
	enum party_status status;
	char		 since[11];
};
int	 treaty_participants(const struct treaties *, int64_t instrument,
	    const char *as_of, int region, struct treaty_entry *out);
/* How many participants are in each standing on as_of; and, when
 * since_from is not NULL, how many of the parties became one on or after
 * from. */
void	 treaty_count(const struct treaties *, int64_t instrument,
	    const char *as_of, int n[PS__MAX], const char *from,
	    int *since_from);
/* The participants of region (as treaty_participants) not party to
 * instrument on as_of: their numeric codes, in the table's order, into
 * out (room for participant_count()); returns how many. */
int	 treaty_not_party(const struct treaties *, int64_t instrument,
	    const char *as_of, int region, int *out);
/* An action from its fields as text (country, instrument, action, date,
 * not after today); 0, or -1 with the problems listed at line, each at
 * its column: col[k] + 1.  The date points into f.  A territory, and an
 * organisation where the instrument is not open to them, are refused. */
int	 treaty_action_read(const struct treaties *, const char *const f[4],
	    struct treaty_action *, struct errlist *, unsigned long line,
	    const int col[4]);
/* Whether the register allows the action: a ratification-like action on
 * a protocol only by a party to its convention by that date (pending
 * will do: deposited the same day or before).  0, or -1 with the reason
 * listed at line, at column col + 1. */
int	 treaty_action_admit(const struct treaties *,
	    const struct treaty_action *, struct errlist *,
	    unsigned long line, int col);
/* Whether removing an action leaves every protocol party a party to its
 * convention; if not, *protocol is the protocol's code. */
int	 treaty_action_removable(const struct treaties *, int64_t instrument,
	    int country, int action, const char **protocol);

/* An entry-into-force rule as people write it: "deposit", "30 days",
 * "1 month"; 0 or -1. */
int	 treaty_eif_parse(const char *, enum eif_rule *, int *after);
/* A United Nations Treaty Series reference, "VOLUME:NUMBER"; 0 or -1. */
int	 treaty_unts_parse(const char *, int *volume, int *number);

enum crim_status { CRIM_FULL, CRIM_PARTIAL, CRIM_NONE, CRIM__MAX };
extern const char *const crim_status_names[CRIM__MAX];
/* The status of that name, or -1. */
int	 crim_status_find(const char *);
/* The entry in effect on as_of for a country and form, of the entries
 * as the store lists them (by country, form and date): the last one
 * dated up to then, an undated one (made before dates were kept) from
 * the beginning; NULL when none. */
const struct crim_entry *crim_in_effect(const struct crim_entry *, size_t n,
	    int country, int form, const char *as_of);
/* How many states criminalise each form (1 .. FORM__MAX - 1) fully, in
 * part, or not, by the laws in effect on as_of; 0 or -1. */
int	 crim_tally(struct store *, const char *as_of,
	    int n[FORM__MAX][CRIM__MAX]);

/* ---------------------------------------------------------------------- */
/* plan.c: the Global Plan of Action, its appraisal, ICAT's roadmap. */

#define PLAN_OBJECTIVES	6	/* (a) to (f) */

/* The fields of an action as text: the columns of plan export and
 * import, and the options of plan add. */
enum plan_field { PLF_ACTOR_KIND, PLF_ACTOR, PLF_TITLE, PLF_DESCRIPTION,
    PLF_PILLARS, PLF_OBJECTIVES, PLF_START, PLF_DUE, PLF_STATUS,
    PLF_HORIZON, PLF__MAX };
extern const char *const plan_field_names[PLF__MAX];

/* The objective a letter names, its n bytes at s: 0 for (a) to 5 for
 * (f), or -1. */
int	 plan_objective_find(const char *s, size_t n);
/* "prevention;protection" as bits 1 << PILLAR_*; objectives "a;c" as
 * bits 1 << (letter - 'a'); -1 when one is not known. */
int	 plan_pillars_parse(const char *);
int	 plan_objectives_parse(const char *);
/* The same bits as text, ';' between. */
void	 plan_pillars_put(struct buf *, int bits);
void	 plan_objectives_put(struct buf *, int bits);
/*
 * An action from its fields (NULL or "" when absent): 0, or -1 after the
 * problems were listed at line, each at its column col[field].  Strings
 * point into f (a state's actor is its ISO alpha-3).
 */
int	 plan_action_read(const char *const f[PLF__MAX], struct plan_action *,
	    struct errlist *, unsigned long line, const int col[PLF__MAX]);
/* An action's fields as text, those it has not NULL; the texts made are
 * kept in t until plan_text_release. */
struct plan_text {
	struct buf	 pillars, objectives;
	char		 horizon[16];
};
void	 plan_action_fields(const struct plan_action *,
	    const char *f[PLF__MAX], struct plan_text *t);
void	 plan_text_release(struct plan_text *);
/* What is wrong with a note (its text, a date not after today), an
 * indicator (a name, values from 0) or evidence (a URL, http or https
 * with a host, or a file reference, file:NAME); NULL for nothing. */
const char *plan_item_problem(const struct plan_item *);
/* Due before day, and neither done nor dropped. */
int	 plan_overdue(const struct plan_action *, const char *day);
/* Which actions a listing shows: NR, NULL or 0 where any will do. */
struct plan_filter {
	int		 actor_kind, pillar, objective, status;	/* codes */
	const char	*actor;		/* any case; a State by any of its
					 * names or codes */
	int		 overdue;	/* only those overdue today */
	char		 today[11];
};
/* A filter that lets every action through, with today; 0, or -1 (said). */
int	 plan_filter_init(struct plan_filter *);
int	 plan_filter_match(const struct plan_filter *,
	    const struct plan_action *);
/* Whether year is one of an appraisal: 2013 (the high-level meeting
 * resolution 68/192 welcomes), 2017 and every four years after. */
int	 plan_appraisal_year(int year);
/* Whether its period ends after today, so that it is only a draft. */
int	 plan_appraisal_draft(int year);
/* 0 for an appraisal year whose period has ended, or any appraisal year
 * as a draft; else -1, said. */
int	 plan_appraisal_check(int year, int draft);
/* The period an appraisal covers: from the year after the previous one
 * (from the plan's adoption, 2010, for the first) to the end of year;
 * returns its first year. */
int	 plan_appraisal_period(int year, char from[11], char to[11]);

/* ICAT's roadmap: per horizon year, its actions, done and dropped. */
#define ROADMAP_YEARS	188	/* 2013 to 2200 */
struct roadmap_year {
	int		 year, all, done, dropped;
};
/* Count the actions with a horizon (only that year, unless NR) into
 * years, in order of first appearance; returns how many years. */
int	 plan_roadmap(const struct plan_action *, size_t n, int horizon,
	    struct roadmap_year *years, int max);

/* ---------------------------------------------------------------------- */
/* registers.c: the World Day, mechanisms and practices. */

#define WORLDDAY_FIRST	2014
/* Days from today (YYYY-MM-DD) to 30 July of year, by the UTC calendar:
 * 0 on the day, negative after it. */
long	 worldday_days_left(const char *today, int year);
/* What is wrong with an event of the World Day of year, 0 for nothing:
 * it has a title and an organiser, and its date, when it has one, is a
 * day of that year. */
enum worldday_problem { WDP_NONE, WDP_TITLE, WDP_ORGANISER, WDP_DATE };
enum worldday_problem worldday_event_check(int year,
	    const struct worldday_event *);
/* ICAT's member called name, in any case: *member its own spelling, in
 * the arena, or NULL when there is none; 0, or -1 (said). */
int	 icat_member_find(struct store *, struct arena *, const char *name,
	    const char **member);
/* The member of that name, in any case, among m; NULL when none. */
const struct icat_member *icat_member_find_in(const struct icat_member *m,
	    size_t n, const char *name);
/* Whether a member had joined by date (one whose day is not recorded
 * always has). */
int	 icat_member_on(const struct icat_member *, const char *date);
/* Whether name may co-chair ICAT in year: a member that joined by the
 * end of it.  0; 1 when not (said); -1 on a store error. */
int	 icat_cochair_check(struct store *, int year, const char *name);
/* The registers whose every change is kept (migration 0017). */
#define HISTORY_REGISTERS	7
extern const char *const history_registers[HISTORY_REGISTERS];
/* The changes to one register (NULL: all) of one country (NR: any), in
 * the order made, each to fn (which returns 0 to go on, 1 to stop, -1
 * on an error); 0 or -1. */
int	 history_each(struct store *, const char *reg, int country,
	    int (*fn)(const struct history_entry *, void *), void *arg);

/* Whether s is a kind of mechanism: coordination, rapporteur or
 * equivalent. */
int	 mechanism_kind_valid(const char *);
/* Check a practice whose title, summary, tags and text are set, from
 * its country, pillar and date as text: 0, or -1 with the problems
 * listed at line, at columns col (country, pillar, date). */
int	 practice_read(struct practice *, const char *country,
	    const char *pillar, const char *date, struct errlist *,
	    unsigned long line, const int col[3]);
/* What people search for, as terms: each word, or each "quoted phrase",
 * as written, in the arena; returns how many (0: no words). */
size_t	 practice_terms(const char *query, struct arena *,
	    const char ***terms);
/* Whether a comma-separated list of tags holds tag, in any case. */
int	 practice_has_tag(const char *tags, const char *tag);
/* Which practices a search or a listing gives: NR or NULL for any. */
struct practice_filter {
	int		 country, pillar;
	const char	*tag;
	long long	 limit;		/* at most so many */
};
/* The practices that match terms (all of them for none), best first,
 * that pass the filter, each given to fn with its marked passage;
 * *found says how many.  0, or -1 (said). */
int	 practices_find(struct store *, const char *const *terms,
	    size_t nterms, const struct practice_filter *,
	    int (*fn)(const struct practice *, const char *snippet, void *),
	    void *arg, long long *found);

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
	FF_REF, FF_FORM, FF_SEX, FF_AGE, FF__MAX
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
/* The cycle of a name ("10.2", any case) or number among v, or NULL. */
const struct fund_cycle *fund_cycle_find(const struct fund_cycle *v,
	    size_t n, const char *);
/* Record a grant cycle: its name as the fund gives it (not a bare
 * number), the ceiling of a grant and of all its grants in US dollars
 * ("100000.00"); 0 with its number, 1 when refused (said), -1. */
int	 fund_cycle_record(struct store *, const char *name,
	    const char *grant_ceiling, const char *cycle_ceiling, int *number);
/* One operation in a transaction of its own: fund_apply, committed when
 * it is sound; 0 with the id made, 1 when refused, -1. */
int	 fund_record(struct store *, enum fund_op, const char *const f[FF__MAX],
	    struct errlist *el, int64_t *id);

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
	int		 reported;	/* victims were reported */
	int64_t		 victims;	/* the latest report, up to `to` */
	char		 reported_on[11];	/* its date */
	int		 reported_before;	/* a report before `from` */
	int64_t		 victims_before;	/* the latest of those */
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
/* An account's balance (or movement) as a statement shows it: what is
 * owed to the fund or by it positive, so income and what is approved but
 * not paid out come out turned from credits. */
int64_t	 fund_shown(const int64_t usd[FA__MAX], enum fund_account);
/* The first and last day of year, for fund_summarise. */
void	 fund_year(int year, char from[11], char to[11]);
/* The sums of one donor, grant or pledge, NULL when it has none. */
struct donor_sum *fund_donor_sum(struct fund_totals *, int64_t id);
struct grant_sum *fund_grant_sum(struct fund_totals *, int64_t id);
struct pledge_sum *fund_pledge_sum(struct fund_totals *, int64_t id);
/* Cancelled, closed (ended by the day), active (paid) or approved. */
enum grant_status fund_grant_status(struct fund_totals *,
	    const struct fund_grant *, const char *day);

#endif
