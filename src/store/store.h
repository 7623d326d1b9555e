/*
 * store.h: the store behind palermo, reached only through this interface.
 *
 * A backend fills a struct store_ops; callers never see SQL.  SQLite is the
 * embedded default (sqlite/); a server backend adds its own file and
 * ops table without touching the callers.  Every operation returns 0 or -1;
 * on -1 the backend has already printed what went wrong.
 */
#ifndef PALERMO_STORE_H
#define PALERMO_STORE_H

#include <stdint.h>

#include "model/model.h"

enum store_open_mode {
	STORE_EXISTING,		/* the database must exist */
	STORE_CREATE,		/* create it when missing */
};

struct store;

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
	/* Call fn for each submission, oldest first; fn returns 0 or -1. */
	int	(*submission_each)(struct store *,
		    int (*fn)(const struct submission *, void *), void *);
	int	(*case_add)(struct store *, int64_t submission,
		    unsigned long line, const struct case_rec *);
	/* Call fn for each case with an id from lo to hi, in the order they
	 * were stored, with the submission it came from. */
	int	(*case_each)(struct store *, int64_t lo, int64_t hi,
		    int (*fn)(const struct case_rec *, int64_t submission,
		    void *), void *);
	/* The lowest and highest case ids, 0 when there are none. */
	int	(*case_range)(struct store *, int64_t *lo, int64_t *hi);
	/* How many cases have an id from lo to hi. */
	int	(*case_count)(struct store *, int64_t lo, int64_t hi,
		    int64_t *n);
	/* Official statistics and population (model.h). */
	int	(*stat_add)(struct store *, int64_t submission,
		    unsigned long line, const struct stat_rec *);
	/* Call fn for each value, in the order they were stored. */
	int	(*stat_each)(struct store *,
		    int (*fn)(const struct stat_rec *, void *), void *);
	int	(*pop_add)(struct store *, int64_t submission,
		    unsigned long line, const struct pop_rec *);
	int	(*pop_each)(struct store *,
		    int (*fn)(const struct pop_rec *, void *), void *);
	/* The user's readings of origin texts. */
	int	(*origin_put)(struct store *, const char *text, int kind,
		    int code);
	int	(*origin_each)(struct store *,
		    int (*fn)(const char *text, int kind, int code, void *),
		    void *);
	/* Legal instruments and the actions of states on them. */
	int	(*instrument_each)(struct store *,
		    int (*fn)(const struct instrument *, void *), void *);
	int	(*instrument_add)(struct store *, const struct instrument *);
	/* Record an action, replacing the same action's earlier date. */
	int	(*action_put)(struct store *, const struct treaty_action *);
	int	(*action_remove)(struct store *, int64_t instrument,
		    int country, int action, int *found);
	int	(*action_each)(struct store *,
		    int (*fn)(const struct treaty_action *, void *), void *);
	/* The World Day: a year's theme (NULL when none) and events. */
	int	(*worldday_theme_put)(struct store *, int year, const char *);
	int	(*worldday_event_add)(struct store *, int year,
		    const char *title, const char *organiser, int country,
		    const char *date);
	/* Call fn with the theme (or NULL) and then each event of a year;
	 * fn gets title NULL for the theme line. */
	int	(*worldday_each)(struct store *, int year,
		    int (*fn)(const char *theme, const char *title,
		    const char *organiser, int country, const char *date,
		    void *), void *);
	/* Mechanisms and practices. */
	int	(*mechanism_add)(struct store *, const struct mechanism *);
	int	(*mechanism_each)(struct store *,
		    int (*fn)(const struct mechanism *, void *), void *);
	int	(*practice_add)(struct store *, const struct practice *);
	/* The practices matching an FTS5 expression, best first, with a
	 * snippet of the match ([ ] around the words); every practice,
	 * newest first, when match is NULL.  At most limit of them (-1:
	 * no limit), so that only those are ranked in full.  fn returns 0
	 * for the next one, 1 to stop there, -1 on error. */
	int	(*practice_search)(struct store *, const char *match,
		    long long limit,
		    int (*fn)(const struct practice *, const char *snippet,
		    void *), void *);
	/* Meetings of mechanisms: add one (its id in *id), add a mechanism
	 * to it (*found 0 when either is missing), and list them: fn gets
	 * (id, date, place, topics, participants as "A; B"). */
	int	(*mech_meeting_add)(struct store *, const char *date,
		    const char *place, const char *topics, int64_t *id);
	int	(*mech_participant_add)(struct store *, int64_t meeting,
		    int64_t mechanism, int *found);
	int	(*mech_meeting_each)(struct store *,
		    int (*fn)(const char *const *, void *), void *);
	/* The Global Plan of Action: objectives, actions and their items. */
	int	(*plan_objective_each)(struct store *,
		    int (*fn)(const char *code, const char *summary, void *),
		    void *);
	/* Reword objective code ("a" to "f"); *found 0 if there is none. */
	int	(*plan_objective_set)(struct store *, const char *code,
		    const char *text, int *found);
	/* Add (id 0, then set) or replace (id set) an action. */
	int	(*plan_action_put)(struct store *, struct plan_action *);
	int	(*plan_action_each)(struct store *,
		    int (*fn)(const struct plan_action *, void *), void *);
	/* Add a note or evidence; an indicator replaces one of its name. */
	int	(*plan_item_put)(struct store *, const struct plan_item *);
	int	(*plan_item_each)(struct store *,
		    int (*fn)(const struct plan_item *, void *), void *);
	/* ICAT: members, co-chairs, meetings and their attendees.  The
	 * each ops call fn with text fields in a fixed order per table:
	 * members (name, "1" when coordinator), co-chairs (year, member),
	 * meetings (id, date, title, place), attendees (meeting, kind,
	 * name). */
	int	(*icat_member_add)(struct store *, const char *name);
	int	(*icat_cochair_put)(struct store *, int year, const char *member,
		    int *found);
	int	(*icat_meeting_add)(struct store *, const char *date,
		    const char *title, const char *place, int64_t *id);
	int	(*icat_attendee_add)(struct store *, int64_t meeting,
		    const char *kind, const char *name, int *found);
	int	(*icat_each)(struct store *, int table,
		    int (*fn)(const char *const *, void *), void *);
	/* Criminalisation: a state's law on a form of trafficking.  each
	 * gives (country, form, status, law, date), date "" when none. */
	int	(*crim_put)(struct store *, int country, int form,
		    const char *status, const char *law, const char *date);
	int	(*crim_each)(struct store *, int (*fn)(int, int, const char *,
		    const char *, const char *, void *), void *);
	/*
	 * The Trust Fund (model.h).  The get ops set *found to 0 when there is
	 * none; what they return holds no strings but its arrays (a grant's
	 * grantee and an entry's memo are NULL).  fund_post writes an entry
	 * with its lines, and the pledge or grant it makes (else NULL),
	 * setting their ids; lines whose ref is FUND_REF_NEW get the new
	 * pledge's or grant's.  entry_each gives entries with their lines,
	 * in the order posted; balance_each every account's balance in US
	 * cents, over all its pledges and grants (ref and amount 0).
	 */
	int	(*fund_donor_add)(struct store *, struct fund_donor *);
	int	(*fund_donor_find)(struct store *, const char *name,
		    struct fund_donor *, int *found);
	int	(*fund_donor_each)(struct store *,
		    int (*fn)(const struct fund_donor *, void *), void *);
	int	(*fund_pledge_get)(struct store *, int64_t id,
		    struct fund_pledge *, int *found);
	int	(*fund_pledge_each)(struct store *,
		    int (*fn)(const struct fund_pledge *, void *), void *);
	int	(*fund_grant_get)(struct store *, int64_t id,
		    struct fund_grant *, int *found);
	int	(*fund_grant_each)(struct store *,
		    int (*fn)(const struct fund_grant *, void *), void *);
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
	 * report, the latest of a grant last. */
	int	(*fund_victims_add)(struct store *, int64_t grant,
		    const char *date, int64_t victims);
	int	(*fund_victims_each)(struct store *, int (*fn)(int64_t grant,
		    const char *date, int64_t victims, void *), void *);
	/* Open another connection to the same database, for a second
	 * thread; close it with its close op. */
	int	(*clone)(struct store *, struct store **);
};

struct store {
	const struct store_ops	*ops;
};

extern const struct store_ops store_sqlite_ops;

/* Open the store at path with the default backend. */
int	 store_open(struct store **, const char *path, enum store_open_mode);

#endif
