/*
 * sqlite_int.h: what the files of the SQLite backend share, and only they:
 * the connection, the enum of statements and their texts (sql.c), the
 * helpers that bind, step and read them, and
 * the operations of each file for the ops table of sqlite.c.  Every name
 * exported here starts with sq_ (or SQ_), so that a second backend's
 * names never meet these.
 */
#ifndef PALERMO_SQLITE_INT_H
#define PALERMO_SQLITE_INT_H

#include <sqlite3.h>

#include "store/store.h"

enum sq_stmt {
	SQ_BEGIN,
	SQ_COMMIT,
	SQ_ROLLBACK,
	SQ_VERSION,
	SQ_VERSION_ADD,
	SQ_SOURCE_GET,
	SQ_SOURCE_ADD,
	SQ_SUB_FIND_SHA,
	SQ_SUB_FIND_NAME,
	SQ_SUB_ADD,
	SQ_SUB_FINISH,
	SQ_SUB_REMOVE,
	SQ_SUB_EACH,
	SQ_REGION_PUT,
	SQ_COUNTRY_PUT,
	SQ_CODE_PUT,
	SQ_FIELD_PUT,
	SQ_CASE_ADD,
	SQ_CASE_EACH,
	SQ_CASE_RANGE,
	SQ_CASE_COUNT,
	SQ_PACK_ADD,
	SQ_PACK_EACH,
	SQ_PACK_STALE,
	SQ_PACK_LAYOUT,
	SQ_COUNT_PUT,
	SQ_COUNT_EACH,
	SQ_COUNT_DROP,
	SQ_STAT_ADD,
	SQ_STAT_EACH,
	SQ_STAT_EACH_ALL,
	SQ_STAT_SUPERSEDE,
	SQ_SUPERSESSION_ADD,
	SQ_SUPERSESSION_EACH,
	SQ_SCHEME_PUT,
	SQ_SCHEME_CLEAR,
	SQ_SCHEME_MEMBER_ADD,
	SQ_SCHEME_EACH,
	SQ_SCHEME_MEMBERS,
	SQ_POP_ADD,
	SQ_POP_EACH,
	SQ_ORIGIN_PUT,
	SQ_ORIGIN_EACH,
	SQ_INSTR_EACH,
	SQ_INSTR_ADD,
	SQ_ACTION_PUT,
	SQ_ACTION_REMOVE,
	SQ_ACTION_EACH,
	SQ_WD_THEME_PUT,
	SQ_WD_EVENT_ADD,
	SQ_WD_THEME,
	SQ_WD_EVENTS,
	SQ_MECH_ADD,
	SQ_MECH_EACH,
	SQ_PRACTICE_ADD,
	SQ_PRACTICE_SEARCH,
	SQ_PRACTICE_HIT,
	SQ_PRACTICE_ALL,
	SQ_PLAN_OBJ_EACH,
	SQ_PLAN_OBJ_SET,
	SQ_PLAN_ADD,
	SQ_PLAN_UPDATE,
	SQ_PLAN_EACH,
	SQ_PLAN_NOTE_ADD,
	SQ_PLAN_IND_PUT,
	SQ_PLAN_EVID_ADD,
	SQ_PLAN_ITEMS,
	SQ_ICAT_MEMBER_ADD,
	SQ_ICAT_COCHAIR,
	SQ_ICAT_MEETING_ADD,
	SQ_ICAT_ATTEND,
	SQ_ICAT_MEMBERS,
	SQ_ICAT_COCHAIRS,
	SQ_ICAT_MEETINGS,
	SQ_ICAT_ATTENDEES,
	SQ_CRIM_PUT,
	SQ_CRIM_EACH,
	SQ_CRIM_REMOVE,
	SQ_HISTORY_EACH,
	SQ_ICAT_JOINED,
	SQ_CYCLE_ADD,
	SQ_CYCLE_EACH,
	SQ_CONTRIB_ADD,
	SQ_CONTRIB_EACH,
	SQ_SAMPLE_MARK,
	SQ_SAMPLE_KINDS,
	SQ_MMEET_ADD,
	SQ_MMEET_PART,
	SQ_MMEET_EACH,
	SQ_FUND_DONOR_ADD,
	SQ_FUND_DONOR_FIND,
	SQ_FUND_DONOR_EACH,
	SQ_FUND_PLEDGE_ADD,
	SQ_FUND_PLEDGE_GET,
	SQ_FUND_PLEDGE_EACH,
	SQ_FUND_GRANT_ADD,
	SQ_FUND_GRANT_GET,
	SQ_FUND_GRANT_EACH,
	SQ_FUND_ENTRY_ADD,
	SQ_FUND_LINE_ADD,
	SQ_FUND_ENTRY_GET,
	SQ_FUND_LINES_GET,
	SQ_FUND_ENTRY_EACH,
	SQ_FUND_ENTRY_SUMS,
	SQ_FUND_BAL_GET,
	SQ_FUND_TOTAL_GET,
	SQ_FUND_CASH_LOW,
	SQ_FUND_BAL_EACH,
	SQ_FUND_VICTIMS_ADD,
	SQ_FUND_VICTIMS_EACH,
	SQ__MAX
};

struct sqlite_store {
	struct store	 base;
	sqlite3		*db;
	sqlite3_stmt	*st[SQ__MAX];
	const char	*path;
	int		 ranking;	/* practice_rank is registered */
	/* the pack being filled by case_add (packs.c) */
	uint8_t		*pk;
	int		 pk_n, pk_seq;
	int64_t		 pk_sub;
};

/* The backend's store of a struct store. */
#define SQ(base)	((struct sqlite_store *)(void *)(base))

/* sql.c: the text of each statement; NULL for those built when first
 * used from the case schema (sq_sql_build). */
extern const char *const sq_sql[SQ__MAX];
/* The text of a statement the case schema shapes; the caller frees it. */
char	*sq_sql_build(enum sq_stmt);

/* sqlite.c: statements and their results. */

/* Statement i, prepared on first use (NULL, reported, if it cannot be). */
sqlite3_stmt *sq_stmt(struct sqlite_store *, enum sq_stmt);
/* Report the connection's error about what, and return -1. */
int	 sq_error(struct sqlite_store *, const char *what);
/* Step a statement that returns no rows, and reset it; 0 or -1. */
int	 sq_run(struct sqlite_store *, enum sq_stmt);
/* Step a statement that returns one integer (0 when none); 0 or -1. */
int	 sq_run_int(struct sqlite_store *, enum sq_stmt, int64_t *);
/* Step a statement that changes rows; *changed is whether it did. */
int	 sq_run_changed(struct sqlite_store *, enum sq_stmt, int *changed);
/*
 * Step statement i through its rows, calling row(st, arg) for each: row
 * returns 0 to go on, 1 to stop there, -1 on an error it said.  The
 * statement is reset and its bindings cleared whatever happens.  Returns
 * 0, or -1 after a database error (said, about what) or when row returned
 * -1.
 */
int	 sq_rows(struct sqlite_store *, enum sq_stmt, const char *what,
	    int (*row)(sqlite3_stmt *, void *), void *);

/* A list being read into an arena, an element at a time. */
struct sq_list {
	struct arena	*a;
	void		*v;		/* the array so far */
	size_t		 n, cap, size;
};
/* The next element, zeroed. */
void	*sq_push(struct sq_list *);
/* Read statement i into a list of elements of size, with row filling
 * each (row pushes); *v and *n are the list.  0 or -1, as sq_rows. */
int	 sq_list(struct sqlite_store *, enum sq_stmt, const char *what,
	    int (*row)(sqlite3_stmt *, struct sq_list *), struct arena *,
	    size_t size, void **v, size_t *n);

/* The list op fn, reading statement i into a list of type with row. */
#define SQ_LIST_OP(fn, type, i, what, row)				\
int									\
fn(struct store *base, struct arena *a, type **v, size_t *n)		\
{									\
	void	*p;							\
	int	 rc = sq_list(SQ(base), i, what, row, a, sizeof(**v), &p, \
		    n);							\
									\
	*v = p;								\
	return rc;							\
}

/* Bind text, NULL for NULL or "". */
void	 sq_bind_text(sqlite3_stmt *, int, const char *);
/* Clear a statement's bindings; one that failed to prepare is NULL. */
void	 sq_clear(sqlite3_stmt *);
/* Bind an integer, NULL for NR; an id or code, NULL for 0. */
void	 sq_bind_nr(sqlite3_stmt *, int, int);
void	 sq_bind_id(sqlite3_stmt *, int, int64_t);
/* A column as text, "" for NULL. */
const char *sq_col_text(sqlite3_stmt *, int);
/* A column as an integer, NR for NULL. */
int	 sq_col_nr(sqlite3_stmt *, int);
/* A column as text, NULL for NULL. */
const char *sq_col_text_or_null(sqlite3_stmt *, int);
/* A column's text into a fixed array of size n, cut to fit; "" for NULL. */
void	 sq_col_copy(sqlite3_stmt *, int, char *out, size_t n);
/* A column's text copied into the arena: "" for NULL, or NULL with
 * sq_dup_or_null. */
const char *sq_dup(struct arena *, sqlite3_stmt *, int);
const char *sq_dup_or_null(struct arena *, sqlite3_stmt *, int);

/* packs.c: the packed cases kept beside their rows (0011_case_packs.sql).
 * case_add packs each case into the submission's current pack, written
 * when full and by sq_pack_flush (at submission_finish); sq_pack_discard
 * forgets a pack not written (a rollback).  sq_packs_refresh, at open,
 * rebuilds from the rows the packs of another layout or that do not hold
 * all their submission's cases. */
int	 sq_pack_add(struct sqlite_store *, int64_t submission,
	    const struct case_rec *);
int	 sq_pack_flush(struct sqlite_store *);
void	 sq_pack_discard(struct sqlite_store *);
int	 sq_packs_refresh(struct sqlite_store *);
int	 sq_pack_each(struct store *, int (*fn)(int64_t submission,
	    const uint8_t *data, int n, void *), void *);
int	 sq_count_put(struct store *, int64_t submission, int year,
	    int64_t layout, int64_t n, const void *data, size_t len);
int	 sq_count_each(struct store *, int (*fn)(const struct case_count *,
	    void *), void *);
int	 sq_count_drop(struct store *, int64_t submission);

/* intake.c: sources, submissions, cases, statistics, population, the
 * readings of origins. */
int	 sq_source_ensure(struct store *, const char *, int64_t *);
int	 sq_submission_find(struct store *, int64_t, const char *,
	    const char *, const char *, int64_t, int64_t *);
int	 sq_submission_add(struct store *, int64_t, struct submission *);
int	 sq_submission_finish(struct store *, int64_t, const char *,
	    const char *, int64_t);
int	 sq_submission_remove(struct store *, int64_t, int *);
int	 sq_submission_list(struct store *, STORE_LIST(struct submission));
int	 sq_case_add(struct store *, int64_t, unsigned long,
	    const struct case_rec *);
/* The case fields of a row whose first columns are the fields. */
void	 sq_case_get(sqlite3_stmt *, struct case_rec *);
int	 sq_case_each(struct store *, int64_t, int64_t,
	    int (*)(const struct case_rec *, int64_t, void *), void *);
int	 sq_case_range(struct store *, int64_t *, int64_t *);
int	 sq_case_count(struct store *, int64_t, int64_t, int64_t *);
int	 sq_stat_add(struct store *, int64_t, unsigned long,
	    const struct stat_rec *);
int	 sq_stat_each(struct store *, int,
	    int (*)(const struct stat_rec *, void *), void *);
int	 sq_stat_supersede(struct store *, int64_t, int64_t);
int	 sq_supersession_add(struct store *, int64_t, int64_t, int64_t);
int	 sq_supersession_list(struct store *, STORE_LIST(struct supersession));
int	 sq_scheme_put(struct store *, const char *, const char *, int64_t *);
int	 sq_scheme_member_add(struct store *, int64_t, int, const char *);
int	 sq_scheme_list(struct store *, STORE_LIST(struct region_scheme));
int	 sq_scheme_members(struct store *, const char *,
	    STORE_LIST(struct region_member));
int	 sq_pop_add(struct store *, int64_t, unsigned long,
	    const struct pop_rec *);
int	 sq_pop_list(struct store *, STORE_LIST(struct pop_rec));
int	 sq_origin_put(struct store *, const char *, int, int);
int	 sq_origin_list(struct store *, STORE_LIST(struct origin_reading));

/* coord.c: the coordination registers. */
int	 sq_instrument_list(struct store *, STORE_LIST(struct instrument));
int	 sq_instrument_add(struct store *, const struct instrument *);
int	 sq_action_put(struct store *, const struct treaty_action *);
int	 sq_action_remove(struct store *, int64_t, int, int, int *);
int	 sq_action_list(struct store *, STORE_LIST(struct treaty_action));
int	 sq_crim_put(struct store *, const struct crim_entry *);
int	 sq_crim_list(struct store *, STORE_LIST(struct crim_entry));
int	 sq_crim_remove(struct store *, const struct crim_entry *, int *found);
int	 sq_history_list(struct store *, STORE_LIST(struct history_entry));
int	 sq_sample_mark(struct store *, const char *, uint64_t);
int	 sq_contribution_add(struct store *, struct contribution *, int *);
int	 sq_fund_cycle_add(struct store *, struct fund_cycle *);
int	 sq_fund_cycle_list(struct store *, STORE_LIST(struct fund_cycle));
int	 sq_contribution_list(struct store *, STORE_LIST(struct contribution));
int	 sq_sample_kinds(struct store *, struct buf *);
int	 sq_icat_member_joined(struct store *, const char *name,
	    const char *date, int *found);
int	 sq_worldday_theme_put(struct store *, int, const char *);
int	 sq_worldday_event_add(struct store *, int,
	    const struct worldday_event *);
int	 sq_worldday_get(struct store *, int, struct arena *, const char **,
	    struct worldday_event **, size_t *);
int	 sq_mechanism_add(struct store *, const struct mechanism *);
int	 sq_mechanism_list(struct store *, STORE_LIST(struct mechanism));
int	 sq_mech_meeting_add(struct store *, const char *, const char *,
	    const char *, int64_t *);
int	 sq_mech_participant_add(struct store *, int64_t, int64_t, int *);
int	 sq_mech_meeting_list(struct store *, STORE_LIST(struct mech_meeting));
int	 sq_practice_add(struct store *, const struct practice *);
int	 sq_practice_search(struct store *, const char *const *, size_t,
	    long long, int (*)(const struct practice *, const char *, void *),
	    void *);
int	 sq_plan_objective_list(struct store *,
	    STORE_LIST(struct plan_objective));
int	 sq_plan_objective_set(struct store *, const char *, const char *,
	    int *);
int	 sq_plan_action_put(struct store *, struct plan_action *);
int	 sq_plan_action_list(struct store *, STORE_LIST(struct plan_action));
int	 sq_plan_item_put(struct store *, const struct plan_item *);
int	 sq_plan_item_list(struct store *, STORE_LIST(struct plan_item));
int	 sq_icat_member_add(struct store *, const char *, const char *joined);
int	 sq_icat_cochair_put(struct store *, int, const char *, int *);
int	 sq_icat_meeting_add(struct store *, const char *, const char *,
	    const char *, int64_t *);
int	 sq_icat_attendee_add(struct store *, int64_t, const char *,
	    const char *, int *);
int	 sq_icat_member_list(struct store *, STORE_LIST(struct icat_member));
int	 sq_icat_cochair_list(struct store *, STORE_LIST(struct icat_cochair));
int	 sq_icat_meeting_list(struct store *, STORE_LIST(struct icat_meeting));
int	 sq_icat_attendee_list(struct store *,
	    STORE_LIST(struct icat_attendee));

/* fund.c: the Trust Fund's ledger. */
int	 sq_fund_donor_add(struct store *, struct fund_donor *);
int	 sq_fund_donor_find(struct store *, const char *, struct fund_donor *,
	    int *);
int	 sq_fund_donor_list(struct store *, STORE_LIST(struct fund_donor));
int	 sq_fund_pledge_get(struct store *, int64_t, struct fund_pledge *,
	    int *);
int	 sq_fund_pledge_list(struct store *, STORE_LIST(struct fund_pledge));
int	 sq_fund_grant_get(struct store *, int64_t, struct fund_grant *, int *);
int	 sq_fund_grant_list(struct store *, STORE_LIST(struct fund_grant));
int	 sq_fund_entry_get(struct store *, int64_t, struct fund_entry *, int *);
int	 sq_fund_entry_each(struct store *, const char *, int,
	    int (*)(const struct fund_entry *, void *), void *);
int	 sq_fund_balance_get(struct store *, int, int64_t, int64_t *,
	    int64_t *);
int	 sq_fund_balance_each(struct store *,
	    int (*)(int, int64_t, int64_t, int64_t, void *), void *);
int	 sq_fund_post(struct store *, struct fund_entry *, struct fund_pledge *,
	    struct fund_grant *);
int	 sq_fund_cash_low(struct store *, const char *, int64_t *);
int	 sq_fund_victims_add(struct store *, const struct fund_victims *);
int	 sq_fund_victims_each(struct store *,
	    int (*)(const struct fund_victims *, void *), void *);

#endif
