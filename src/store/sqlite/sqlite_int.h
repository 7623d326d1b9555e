/*
 * sqlite_int.h: what the files of the SQLite backend share: the
 * connection, the enum of statements and their texts (all SQL of the
 * backend stays in sqlite.c), the helpers that step them, and the
 * operations of coord.c and fund.c.
 */
#ifndef PALERMO_STORE_SQLITE_H
#define PALERMO_STORE_SQLITE_H

#include <sqlite3.h>

#include "store/store.h"

enum stmt {
	S_BEGIN,
	S_COMMIT,
	S_ROLLBACK,
	S_VERSION,
	S_VERSION_ADD,
	S_SOURCE_GET,
	S_SOURCE_ADD,
	S_SUB_FIND_SHA,
	S_SUB_FIND_NAME,
	S_SUB_ADD,
	S_SUB_FINISH,
	S_SUB_REMOVE,
	S_SUB_EACH,
	S_REGION_PUT,
	S_COUNTRY_PUT,
	S_CODE_PUT,
	S_FIELD_PUT,
	S_CASE_ADD,
	S_CASE_EACH,
	S_CASE_RANGE,
	S_CASE_COUNT,
	S_STAT_ADD,
	S_STAT_EACH,
	S_POP_ADD,
	S_POP_EACH,
	S_ORIGIN_PUT,
	S_ORIGIN_EACH,
	S_INSTR_EACH,
	S_INSTR_ADD,
	S_ACTION_PUT,
	S_ACTION_REMOVE,
	S_ACTION_EACH,
	S_WD_THEME_PUT,
	S_WD_EVENT_ADD,
	S_WD_THEME,
	S_WD_EVENTS,
	S_MECH_ADD,
	S_MECH_EACH,
	S_PRACTICE_ADD,
	S_PRACTICE_SEARCH,
	S_PRACTICE_HIT,
	S_PRACTICE_ALL,
	S_PLAN_OBJ_EACH,
	S_PLAN_OBJ_SET,
	S_PLAN_ADD,
	S_PLAN_UPDATE,
	S_PLAN_EACH,
	S_PLAN_NOTE_ADD,
	S_PLAN_IND_PUT,
	S_PLAN_EVID_ADD,
	S_PLAN_ITEMS,
	S_ICAT_MEMBER_ADD,
	S_ICAT_COCHAIR,
	S_ICAT_MEETING_ADD,
	S_ICAT_ATTEND,
	S_ICAT_MEMBERS,
	S_ICAT_COCHAIRS,
	S_ICAT_MEETINGS,
	S_ICAT_ATTENDEES,
	S_CRIM_PUT,
	S_CRIM_EACH,
	S_MMEET_ADD,
	S_MMEET_PART,
	S_MMEET_EACH,
	S_FUND_DONOR_ADD,
	S_FUND_DONOR_FIND,
	S_FUND_DONOR_EACH,
	S_FUND_PLEDGE_ADD,
	S_FUND_PLEDGE_GET,
	S_FUND_PLEDGE_EACH,
	S_FUND_GRANT_ADD,
	S_FUND_GRANT_GET,
	S_FUND_GRANT_EACH,
	S_FUND_ENTRY_ADD,
	S_FUND_LINE_ADD,
	S_FUND_ENTRY_GET,
	S_FUND_LINES_GET,
	S_FUND_ENTRY_EACH,
	S_FUND_ENTRY_SUMS,
	S_FUND_BAL_GET,
	S_FUND_TOTAL_GET,
	S_FUND_CASH_LOW,
	S_FUND_BAL_EACH,
	S_FUND_VICTIMS_ADD,
	S_FUND_VICTIMS_EACH,
	S__MAX
};

struct sqlite_store {
	struct store	 base;
	sqlite3		*db;
	sqlite3_stmt	*st[S__MAX];
	const char	*path;
	int		 ranking;	/* practice_rank is registered */
};

extern const char *const stmt_sql[S__MAX];

/* Statement i, prepared on first use (NULL, reported, if it cannot be). */
sqlite3_stmt *stmt(struct sqlite_store *, enum stmt);
/* Report the connection's error about what, and return -1. */
int	 db_error(struct sqlite_store *, const char *what);
/* Step a statement that returns no rows, and reset it; 0 or -1. */
int	 run(struct sqlite_store *, enum stmt);
/* Step a statement that returns one integer (0 when none); 0 or -1. */
int	 run_int(struct sqlite_store *, enum stmt, int64_t *);
/* Bind text, NULL for NULL or "". */
void	 bind_text(sqlite3_stmt *, int, const char *);
/* Bind an integer, NULL for NR. */
void	 bind_nr(sqlite3_stmt *, int, int);
/* A column as text, "" for NULL. */
const char *col_text(sqlite3_stmt *, int);
/* A column as an integer, NR for NULL. */
int	 col_nr(sqlite3_stmt *, int);
/* A column as text, NULL for NULL. */
const char *col_text_or_null(sqlite3_stmt *, int);

/* fund.c: the Trust Fund's ledger. */
int	 sq_fund_donor_add(struct store *, struct fund_donor *);
int	 sq_fund_donor_find(struct store *, const char *, struct fund_donor *,
	    int *);
int	 sq_fund_donor_each(struct store *,
	    int (*)(const struct fund_donor *, void *), void *);
int	 sq_fund_pledge_get(struct store *, int64_t, struct fund_pledge *,
	    int *);
int	 sq_fund_pledge_each(struct store *,
	    int (*)(const struct fund_pledge *, void *), void *);
int	 sq_fund_grant_get(struct store *, int64_t, struct fund_grant *, int *);
int	 sq_fund_grant_each(struct store *,
	    int (*)(const struct fund_grant *, void *), void *);
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
int	 sq_fund_victims_add(struct store *, int64_t, const char *, int64_t);
int	 sq_fund_victims_each(struct store *,
	    int (*)(int64_t, const char *, int64_t, void *), void *);

/* coord.c: the coordination registers. */
int	 sq_mech_meeting_add(struct store *, const char *, const char *,
	    const char *, int64_t *);
int	 sq_mech_participant_add(struct store *, int64_t, int64_t, int *);
int	 sq_mech_meeting_each(struct store *,
	    int (*)(const char *const *, void *), void *);
int	 sq_instrument_each(struct store *base, int (*fn)(const struct instrument *, void *), void *arg);
int	 sq_instrument_add(struct store *base, const struct instrument *in);
int	 sq_action_put(struct store *base, const struct treaty_action *a);
int	 sq_action_remove(struct store *base, int64_t instrument, int country, int action, int *found);
int	 sq_action_each(struct store *base, int (*fn)(const struct treaty_action *, void *), void *arg);
int	 sq_worldday_theme_put(struct store *base, int year, const char *theme);
int	 sq_worldday_event_add(struct store *base, int year, const char *title, const char *organiser, int country, const char *date);
int	 sq_worldday_each(struct store *base, int year, int (*fn)(const char *, const char *, const char *, int, const char *, void *), void *arg);
int	 sq_mechanism_add(struct store *base, const struct mechanism *m);
int	 sq_mechanism_each(struct store *base, int (*fn)(const struct mechanism *, void *), void *arg);
int	 sq_practice_add(struct store *base, const struct practice *p);
int	 sq_practice_search(struct store *base, const char *match, long long limit, int (*fn)(const struct practice *, const char *, void *), void *arg);
int	 sq_plan_objective_set(struct store *base, const char *code, const char *text, int *found);
int	 sq_plan_objective_each(struct store *base, int (*fn)(const char *, const char *, void *), void *arg);
int	 sq_plan_action_put(struct store *base, struct plan_action *a);
int	 sq_plan_action_each(struct store *base, int (*fn)(const struct plan_action *, void *), void *arg);
int	 sq_plan_item_put(struct store *base, const struct plan_item *it);
int	 sq_plan_item_each(struct store *base, int (*fn)(const struct plan_item *, void *), void *arg);
int	 sq_icat_member_add(struct store *base, const char *name);
int	 sq_icat_cochair_put(struct store *base, int year, const char *member, int *found);
int	 sq_icat_meeting_add(struct store *base, const char *date, const char *title, const char *place, int64_t *id);
int	 sq_icat_attendee_add(struct store *base, int64_t meeting, const char *kind, const char *name, int *found);
int	 sq_icat_each(struct store *base, int table, int (*fn)(const char *const *, void *), void *arg);
int	 sq_crim_put(struct store *base, int country, int form, const char *status, const char *law, const char *date);
int	 sq_crim_each(struct store *base, int (*fn)(int, int, const char *, const char *, const char *, void *), void *arg);

#endif
