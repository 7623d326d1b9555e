/*
 * store.h: the store behind palermo, reached only through this interface.
 *
 * A backend fills a struct store_ops; callers never see SQL, a query
 * language or a type of the backend's.  SQLite is the embedded default
 * (sqlite/); a server backend adds its own folder and ops table, and a
 * line in store.c's table of backends, without touching the callers.
 *
 * Two shapes of reading:
 *  - a list: the registers (instruments, the plan, ICAT, ...) are read
 *    whole into an array allocated from the caller's arena, strings and
 *    all; the caller releases the arena when done, at once;
 *  - an iteration: the big scans (cases, statistics, the fund's journal)
 *    call fn once per record, whose strings belong to the store until fn
 *    returns; fn returns 0 to go on, 1 to stop there (not an error), -1
 *    on an error it has reported, which stops the scan and is returned.
 *
 * Every operation returns 0 or -1; on -1 the backend has already said
 * what went wrong.
 */
#ifndef PALERMO_STORE_H
#define PALERMO_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "model/model.h"

enum store_open_mode {
	STORE_EXISTING,		/* the database must exist */
	STORE_CREATE,		/* create it when missing */
};

/* A list in the caller's arena: the array for a list op to fill. */
#define STORE_LIST(type)	struct arena *, type **, size_t *

struct store;

/* The counts of one submission's cases of one year, as the engine keeps
 * them (count_put). */
struct case_count {
	int64_t		 submission, layout, n;
	int		 year;
	const void	*data;
	size_t		 len;
};

struct store_ops {
	const char	*name;
	/* Open or create; applies pending migrations in one transaction. */
	int	(*open)(struct store **, const char *path,
		    enum store_open_mode);
	void	(*close)(struct store *);
	/* The highest migration applied. */
	int	(*schema_version)(struct store *, int *);
	int	(*begin)(struct store *);
	int	(*commit)(struct store *);
	int	(*rollback)(struct store *);
	/* Open another connection to the same database, for a second
	 * thread; close it with its close op. */
	int	(*clone)(struct store *, struct store **);

	/* --- submissions and what they brought ------------------------ */
	/* The id of the named source, created when missing. */
	int	(*source_ensure)(struct store *, const char *, int64_t *);
	/* A submission of the source, other than except, with this hash
	 * (or, when sha256 is NULL, the latest with this file name); *id is
	 * 0 when there is none. */
	int	(*submission_find)(struct store *, int64_t source,
		    const char *kind, const char *sha256,
		    const char *file_name, int64_t except, int64_t *id);
	int	(*submission_add)(struct store *, int64_t source,
		    struct submission *);
	/* Record what was learnt by reading the file. */
	int	(*submission_finish)(struct store *, int64_t id,
		    const char *format, const char *sha256, int64_t rows);
	/* Remove a submission and its rows; *found is 0 when there was none. */
	int	(*submission_remove)(struct store *, int64_t id, int *found);
	/* Every submission, oldest first. */
	int	(*submission_list)(struct store *, STORE_LIST(struct submission));
	int	(*case_add)(struct store *, int64_t submission,
		    unsigned long line, const struct case_rec *);
	/* Each case with an id from lo to hi, in the order they were
	 * stored, with the submission it came from. */
	int	(*case_each)(struct store *, int64_t lo, int64_t hi,
		    int (*fn)(const struct case_rec *, int64_t submission,
		    void *), void *);
	/* The lowest and highest case ids, 0 when there are none. */
	int	(*case_range)(struct store *, int64_t *lo, int64_t *hi);
	/* How many cases have an id from lo to hi. */
	int	(*case_count)(struct store *, int64_t lo, int64_t hi,
		    int64_t *n);
	/* Each pack of cases (model.h: n records of PACKED_SIZE bytes, in
	 * the order of their rows), by submission and then in order; fn
	 * returns 0 to go on, else stops the walk with that value.  A
	 * submission's packs together hold all its rows, as submission_list
	 * counts them, unless the store was changed by hand since it was
	 * opened. */
	int	(*pack_each)(struct store *, int (*fn)(int64_t submission,
		    const uint8_t *data, int n, void *), void *);
	/* The counts the engine keeps per submission and year (-1 for not
	 * recorded): put replaces, drop removes a submission's, each gives
	 * every one by submission and year; fn returns 0 to go on. */
	int	(*count_put)(struct store *, int64_t submission, int year,
		    int64_t layout, int64_t n, const void *data, size_t len);
	int	(*count_each)(struct store *,
		    int (*fn)(const struct case_count *, void *), void *);
	int	(*count_drop)(struct store *, int64_t submission);
	/* Official statistics and population (model.h). */
	int	(*stat_add)(struct store *, int64_t submission,
		    unsigned long line, const struct stat_rec *);
	/* Each current value (one no later edition superseded), in the
	 * order they were stored, with its id and submission; with all,
	 * the superseded ones too (superseded_by set). */
	int	(*stat_each)(struct store *, int all,
		    int (*fn)(const struct stat_rec *, void *), void *);
	/* Mark the value with this id superseded by a submission, and
	 * record that the submission superseded n values of another. */
	int	(*stat_supersede)(struct store *, int64_t id, int64_t by);
	int	(*supersession_add)(struct store *, int64_t submission,
		    int64_t superseded, int64_t n);
	/* By submission, then the one it superseded. */
	int	(*supersession_list)(struct store *,
		    STORE_LIST(struct supersession));
	int	(*pop_add)(struct store *, int64_t submission,
		    unsigned long line, const struct pop_rec *);
	int	(*pop_list)(struct store *, STORE_LIST(struct pop_rec));
	/* The user's groupings of countries into regions: put makes the
	 * scheme of that name, or empties the one there is, and gives its
	 * id; list gives every scheme with its counts, by name; members
	 * those of the scheme of that name, by region and country (none
	 * when there is no such scheme). */
	int	(*scheme_put)(struct store *, const char *name,
		    const char *file_name, int64_t *id);
	int	(*scheme_member_add)(struct store *, int64_t scheme,
		    int country, const char *region);
	int	(*scheme_list)(struct store *,
		    STORE_LIST(struct region_scheme));
	int	(*scheme_members)(struct store *, const char *name,
		    STORE_LIST(struct region_member));
	/* The user's readings of origin texts, by text. */
	int	(*origin_put)(struct store *, const char *text, int kind,
		    int code);
	int	(*origin_list)(struct store *,
		    STORE_LIST(struct origin_reading));

	/* --- legal instruments and the actions of states on them ----- */
	int	(*instrument_list)(struct store *,
		    STORE_LIST(struct instrument));
	int	(*instrument_add)(struct store *, const struct instrument *);
	/* Record an action, replacing the same action's earlier date. */
	int	(*action_put)(struct store *, const struct treaty_action *);
	int	(*action_remove)(struct store *, int64_t instrument,
		    int country, int action, int *found);
	/* By instrument, country and action. */
	int	(*action_list)(struct store *,
		    STORE_LIST(struct treaty_action));
	/* Criminalisation: a state's law on a form of trafficking, by
	 * country and form; a date "" when none. */
	int	(*crim_put)(struct store *, const struct crim_entry *);
	int	(*crim_list)(struct store *, STORE_LIST(struct crim_entry));
	/* The entry of a country, form and date (*found 0 when none). */
	int	(*crim_remove)(struct store *, const struct crim_entry *,
		    int *found);
	/* The fund's grant cycles: one added (its number set), all by
	 * number. */
	int	(*fund_cycle_add)(struct store *, struct fund_cycle *);
	int	(*fund_cycle_list)(struct store *,
		    STORE_LIST(struct fund_cycle));
	/* Contributions for the Secretary-General's report: one added (its
	 * id set; *found 0 when the same file is there for that year), and
	 * all, by year and id. */
	int	(*contribution_add)(struct store *, struct contribution *,
		    int *found);
	int	(*contribution_list)(struct store *,
		    STORE_LIST(struct contribution));
	/* palermo sample generated kind ("coordination", "fund") here;
	 * the kinds generated, ", " between, "" for none. */
	int	(*sample_mark)(struct store *, const char *kind, uint64_t seed);
	int	(*sample_kinds)(struct store *, struct buf *);
	/* Every change to the registers, in the order made. */
	int	(*history_list)(struct store *,
		    STORE_LIST(struct history_entry));

	/* --- the World Day -------------------------------------------- */
	/* A year's theme (NULL: none) and its events, by date. */
	int	(*worldday_theme_put)(struct store *, int year, const char *);
	int	(*worldday_event_add)(struct store *, int year,
		    const struct worldday_event *);
	int	(*worldday_get)(struct store *, int year, struct arena *,
		    const char **theme, struct worldday_event **, size_t *);

	/* --- mechanisms and the practices they share ------------------ */
	int	(*mechanism_add)(struct store *, const struct mechanism *);
	/* By country and name. */
	int	(*mechanism_list)(struct store *,
		    STORE_LIST(struct mechanism));
	/* A meeting of mechanisms (its id in *id), and who took part
	 * (*found 0 when either is missing or it is recorded already). */
	int	(*mech_meeting_add)(struct store *, const char *date,
		    const char *place, const char *topics, int64_t *id);
	int	(*mech_participant_add)(struct store *, int64_t meeting,
		    int64_t mechanism, int *found);
	/* By date, with their participants as "ISO3 name; ...". */
	int	(*mech_meeting_list)(struct store *,
		    STORE_LIST(struct mech_meeting));
	int	(*practice_add)(struct store *, const struct practice *);
	/* The practices matching every one of the terms (words or
	 * phrases, matched as they are: nothing in them is query syntax),
	 * best first, with a snippet of the match ([ ] around the words);
	 * with no terms, every practice, newest first, the snippet its
	 * summary.  At most limit of them (-1: no limit), so that only
	 * those are ranked in full. */
	int	(*practice_search)(struct store *, const char *const *terms,
		    size_t nterms, long long limit,
		    int (*fn)(const struct practice *, const char *snippet,
		    void *), void *);

	/* --- the Global Plan of Action, and ICAT ---------------------- */
	/* The objectives (a) to (f), as worded in this register. */
	int	(*plan_objective_list)(struct store *,
		    STORE_LIST(struct plan_objective));
	/* Reword objective code ("a" to "f"); *found 0 if there is none. */
	int	(*plan_objective_set)(struct store *, const char *code,
		    const char *text, int *found);
	/* Add (id 0, then set) or replace (id set) an action. */
	int	(*plan_action_put)(struct store *, struct plan_action *);
	/* By id. */
	int	(*plan_action_list)(struct store *,
		    STORE_LIST(struct plan_action));
	/* Add a note or evidence; an indicator replaces one of its name. */
	int	(*plan_item_put)(struct store *, const struct plan_item *);
	/* By action, kind, date and order recorded. */
	int	(*plan_item_list)(struct store *,
		    STORE_LIST(struct plan_item));
	/* ICAT: a member; a co-chair (*found 0 when the member is not one,
	 * or co-chairs that year already); a meeting (its id in *id); an
	 * attendee (*found 0 when there is no such meeting, or it is
	 * recorded already). */
	int	(*icat_member_add)(struct store *, const char *name,
		    const char *joined);
	/* The day a member joined (*found 0 when there is no such one). */
	int	(*icat_member_joined)(struct store *, const char *name,
		    const char *date, int *found);
	int	(*icat_cochair_put)(struct store *, int year, const char *member,
		    int *found);
	int	(*icat_meeting_add)(struct store *, const char *date,
		    const char *title, const char *place, int64_t *id);
	int	(*icat_attendee_add)(struct store *, int64_t meeting,
		    const char *kind, const char *name, int *found);
	/* The coordinator first, then in the order added. */
	int	(*icat_member_list)(struct store *,
		    STORE_LIST(struct icat_member));
	/* By year and member. */
	int	(*icat_cochair_list)(struct store *,
		    STORE_LIST(struct icat_cochair));
	/* By date. */
	int	(*icat_meeting_list)(struct store *,
		    STORE_LIST(struct icat_meeting));
	/* By meeting, kind and name. */
	int	(*icat_attendee_list)(struct store *,
		    STORE_LIST(struct icat_attendee));

	/*
	 * --- the Trust Fund (model.h) ------------------------------------
	 * The get ops set *found to 0 when there is none; what they return
	 * holds no strings but its arrays (a grant's grantee and an entry's
	 * memo are NULL); the lists hold every string.  fund_post writes an
	 * entry with its lines, and the pledge or grant it makes (else
	 * NULL), setting their ids; lines whose ref is FUND_REF_NEW get the
	 * new pledge's or grant's.  fund_entry_each gives entries with their
	 * lines, in the order posted; fund_balance_each every account's
	 * balance in US cents, over all its pledges and grants (ref and
	 * amount 0).
	 */
	int	(*fund_donor_add)(struct store *, struct fund_donor *);
	int	(*fund_donor_find)(struct store *, const char *name,
		    struct fund_donor *, int *found);
	/* Donors, pledges and grants, by id. */
	int	(*fund_donor_list)(struct store *,
		    STORE_LIST(struct fund_donor));
	int	(*fund_pledge_get)(struct store *, int64_t id,
		    struct fund_pledge *, int *found);
	int	(*fund_pledge_list)(struct store *,
		    STORE_LIST(struct fund_pledge));
	int	(*fund_grant_get)(struct store *, int64_t id,
		    struct fund_grant *, int *found);
	int	(*fund_grant_list)(struct store *,
		    STORE_LIST(struct fund_grant));
	int	(*fund_entry_get)(struct store *, int64_t id,
		    struct fund_entry *, int *found);
	/* to: only entries dated up to it (NULL: all); full: with the
	 * memo and who posted when (else NULL, and faster). */
	int	(*fund_entry_each)(struct store *, const char *to, int full,
		    int (*fn)(const struct fund_entry *, void *), void *);
	/* ref FUND_REF_ALL: the account's total in cents (amount 0) */
	int	(*fund_balance_get)(struct store *, int account, int64_t ref,
		    int64_t *amount, int64_t *usd);
	int	(*fund_balance_each)(struct store *, int (*fn)(int account,
		    int64_t ref, int64_t amount, int64_t usd, void *), void *);
	int	(*fund_post)(struct store *, struct fund_entry *,
		    struct fund_pledge *, struct fund_grant *);
	/* The least cash, in cents, the fund holds on any day from date on
	 * (the cash of that day when none is later). */
	int	(*fund_cash_low)(struct store *, const char *date, int64_t *);
	/* Victims assisted under a grant, as reported; each gives every
	 * report by grant and group (form, sex, age), the latest of each
	 * last. */
	int	(*fund_victims_add)(struct store *, const struct fund_victims *);
	int	(*fund_victims_each)(struct store *,
		    int (*fn)(const struct fund_victims *, void *), void *);
};

struct store {
	const struct store_ops	*ops;
};

/*
 * store.c: open the store at where, a path to an SQLite database (the
 * embedded default; the only backend so far).
 * The caller closes it with st->ops->close.
 */
int	 store_open(struct store **, const char *where, enum store_open_mode);

#endif
