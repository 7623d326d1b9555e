/*
 * sqlite.c: the SQLite backend of the store, palermo's embedded default:
 * the connection (opened, brought up to date by the migrations, closed),
 * transactions, and the helpers with which the other files of the
 * backend bind, step and read statements.
 *
 * A connection is used by one thread at a time, so it is opened without
 * SQLite's per-call mutexes.  The database runs in WAL mode with foreign
 * keys on.  Statements (sql.c) are prepared when first used, and kept.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/sqlite/sqlite_int.h"

/* The backend's operations (at the end of this file), for store.c. */
extern const struct store_ops store_sqlite_ops;



int
sq_error(struct sqlite_store *s, const char *what)
{
	return error("%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

void
sq_clear(sqlite3_stmt *st)
{
	/* a statement that failed to prepare (said) is NULL */
	if (st != NULL)
		sqlite3_clear_bindings(st);
}

/* Step a statement that returns no rows, and reset it. */
int
sq_run(struct sqlite_store *s, enum sq_stmt i)
{
	int	 rc = sqlite3_step(sq_stmt(s, i));

	sqlite3_reset(sq_stmt(s, i));
	sq_clear(sq_stmt(s, i));
	if (rc != SQLITE_DONE)
		return sq_error(s, sq_sql[i] ? sq_sql[i] : "statement");
	return 0;
}

/* Step a statement that returns one integer, or none (then *out = 0). */
int
sq_run_int(struct sqlite_store *s, enum sq_stmt i, int64_t *out)
{
	int	 rc = sqlite3_step(sq_stmt(s, i));

	*out = rc == SQLITE_ROW ? sqlite3_column_int64(sq_stmt(s, i), 0) : 0;
	sqlite3_reset(sq_stmt(s, i));
	sq_clear(sq_stmt(s, i));
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_error(s, sq_sql[i]);
	return 0;
}

void
sq_bind_text(sqlite3_stmt *st, int col, const char *v)
{
	if (v == NULL || *v == '\0')
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_text(st, col, v, -1, SQLITE_STATIC);
}

void
sq_bind_id(sqlite3_stmt *st, int col, int64_t id)
{
	if (id == 0)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_int64(st, col, id);
}

void
sq_col_copy(sqlite3_stmt *st, int col, char *out, size_t n)
{
	const char	*s = sq_col_text(st, col);
	size_t		 k = strlen(s);

	if (k >= n)
		k = n - 1;
	memcpy(out, s, k);
	out[k] = '\0';
}

int
sq_run_changed(struct sqlite_store *s, enum sq_stmt i, int *changed)
{
	if (sq_run(s, i) == -1)
		return -1;
	*changed = sqlite3_changes(s->db) > 0;
	return 0;
}

int
sq_rows(struct sqlite_store *s, enum sq_stmt i, const char *what,
    int (*row)(sqlite3_stmt *, void *), void *arg)
{
	sqlite3_stmt	*st = sq_stmt(s, i);
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((ret = row(st, arg)) != 0)
			break;
	if (ret == 1)		/* the caller has all it wants */
		ret = 0;
	else if (ret == 0 && rc != SQLITE_DONE)
		ret = sq_error(s, what);
	sqlite3_reset(st);
	sq_clear(st);
	return ret;
}

void *
sq_push(struct sq_list *l)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = arena_grow(l->a, l->v, l->n, l->cap, l->size);
	}
	return (char *)l->v + l->n++ * l->size;
}

/* The adapter between sq_rows and a list's row function. */
struct list_read {
	struct sq_list	*l;
	int		(*row)(sqlite3_stmt *, struct sq_list *);
};

static int
list_row(sqlite3_stmt *st, void *arg)
{
	struct list_read *lr = arg;

	return lr->row(st, lr->l);
}

int
sq_list(struct sqlite_store *s, enum sq_stmt i, const char *what,
    int (*row)(sqlite3_stmt *, struct sq_list *), struct arena *a,
    size_t size, void **v, size_t *n)
{
	struct sq_list	 l = { a, NULL, 0, 0, size };
	struct list_read lr = { &l, row };
	int		 rc = sq_rows(s, i, what, list_row, &lr);

	*v = l.n ? arena_grow(a, l.v, l.n, l.n, size) : l.v;	/* trimmed */
	*n = l.n;
	return rc;
}

const char *
sq_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

void
sq_bind_nr(sqlite3_stmt *st, int col, int v)
{
	if (v == NR)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_int(st, col, v);
}

int
sq_col_nr(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NR :
	    sqlite3_column_int(st, i);
}

const char *
sq_col_text_or_null(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

const char *
sq_dup(struct arena *a, sqlite3_stmt *st, int i)
{
	return arena_strdup(a, sq_col_text(st, i));
}

const char *
sq_dup_or_null(struct arena *a, sqlite3_stmt *st, int i)
{
	return arena_strdup(a, sq_col_text_or_null(st, i));
}

static int
exec(struct sqlite_store *s, const char *sql)
{
	char	*msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		error("%s: %s", s->path, msg ? msg : "error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}


/*
 * Statement i, prepared the first time it is asked for: a command uses a
 * few of them, and preparing them all would cost more than most commands'
 * own work.  A statement that cannot be prepared is reported here and
 * comes back NULL, which SQLite's calls then refuse with SQLITE_MISUSE.
 */
sqlite3_stmt *
sq_stmt(struct sqlite_store *s, enum sq_stmt i)
{
	char	*built = NULL;

	if (s->st[i] != NULL)
		return s->st[i];
	if (sq_sql[i] == NULL)
		built = sq_sql_build(i);
	if (sqlite3_prepare_v3(s->db, built ? built : sq_sql[i], -1,
	    SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) != SQLITE_OK)
		sq_error(s, "preparing a statement");
	free(built);
	return s->st[i];
}

/* Upsert the reference tables from the compiled-in data. */
static int
reference_refresh(struct sqlite_store *s)
{
	static const char *const kinds[] = {
		[FK_YEAR] = "year", [FK_CODE] = "code",
		[FK_COUNTRY] = "country", [FK_FLAG] = "flag",
	};
	static const char *const region_kinds[] = {
		"", "region", "subregion", "intermediate",
	};
	sqlite3_stmt	*st;

	/* regions first, from the world down: countries refer to them */
	st = sq_stmt(s, SQ_REGION_PUT);
	sqlite3_bind_int(st, 1, 1);
	sqlite3_bind_text(st, 2, "world", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, "World", -1, SQLITE_STATIC);
	sqlite3_bind_null(st, 4);
	if (sq_run(s, SQ_REGION_PUT) == -1)
		return -1;
	for (int i = 0; i < country_count(); i++) {
		const struct country *c = country_at(i);
		const int	 code[3] = { c->region, c->subregion,
		    c->intermediate };
		const char	*name[3] = { c->region_name,
		    c->subregion_name, c->intermediate_name };
		int		 parent = 1;	/* the world */

		for (int k = 0; k < 3; k++) {
			if (code[k] == 0)
				continue;
			st = sq_stmt(s, SQ_REGION_PUT);
			sqlite3_bind_int(st, 1, code[k]);
			sqlite3_bind_text(st, 2, region_kinds[k + 1], -1,
			    SQLITE_STATIC);
			sqlite3_bind_text(st, 3, name[k], -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 4, parent);
			if (sq_run(s, SQ_REGION_PUT) == -1)
				return -1;
			parent = code[k];
		}
	}
	for (int i = 0; i < country_count(); i++) {
		const struct country *c = country_at(i);

		st = sq_stmt(s, SQ_COUNTRY_PUT);
		sqlite3_bind_int(st, 1, c->numeric);
		sqlite3_bind_text(st, 2, c->alpha2, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, c->alpha3, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, c->name, -1, SQLITE_STATIC);
		sq_bind_text(st, 5, c->official_name);
		sq_bind_id(st, 6, c->region);
		sq_bind_id(st, 7, c->subregion);
		sq_bind_id(st, 8, c->intermediate);
		if (sq_run(s, SQ_COUNTRY_PUT) == -1)
			return -1;
	}
	for (int l = 1; l < CL__MAX; l++)
		for (int i = 0; i < code_lists[l].count; i++) {
			st = sq_stmt(s, SQ_CODE_PUT);
			sqlite3_bind_text(st, 1, code_lists[l].name, -1,
			    SQLITE_STATIC);
			sqlite3_bind_int(st, 2, i);
			sqlite3_bind_text(st, 3, code_lists[l].codes[i].name,
			    -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, code_lists[l].codes[i].label,
			    -1, SQLITE_STATIC);
			if (sq_run(s, SQ_CODE_PUT) == -1)
				return -1;
		}
	for (int f = 0; f < CF__MAX; f++) {
		st = sq_stmt(s, SQ_FIELD_PUT);
		sqlite3_bind_int(st, 1, f + 1);
		sqlite3_bind_text(st, 2, case_fields[f].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, kinds[case_fields[f].kind], -1,
		    SQLITE_STATIC);
		if (case_fields[f].kind == FK_CODE)
			sqlite3_bind_text(st, 4,
			    code_lists[case_fields[f].list].name, -1,
			    SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 4);
		sqlite3_bind_text(st, 5, case_fields[f].label, -1,
		    SQLITE_STATIC);
		if (sq_run(s, SQ_FIELD_PUT) == -1)
			return -1;
	}
	return 0;
}

/* The migrations of this backend, compiled in (tools/embed.c). */
#define MIGRATIONS	"sqlite/migrations/"

/* The number at the front of a migration's name,
 * "sqlite/migrations/0001_x". */
static int
migration_number(const char *name)
{
	const char	*p = strrchr(name, '/');

	return p ? (int)strtol(p + 1, NULL, 10) : 0;
}

static int
current_version(struct sqlite_store *s, int *v)
{
	sqlite3_stmt	*st;
	int		 rc;

	*v = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM sqlite_master WHERE "
	    "type = 'table' AND name = 'schema_version'", -1, &st, NULL) !=
	    SQLITE_OK)
		return sq_error(s, "reading the schema");
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return sq_error(s, "reading the schema");
	if (sqlite3_prepare_v2(s->db, sq_sql[SQ_VERSION], -1, &st, NULL) !=
	    SQLITE_OK)
		return sq_error(s, "reading the schema version");
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_error(s, "reading the schema version");
	return 0;
}

/*
 * Apply the migrations newer than the database, in one transaction, then
 * refresh the reference data.  A database newer than this program is
 * refused rather than written to.
 */
static int
migrate(struct sqlite_store *s)
{
	int	 have, latest = 0;
	char	 now[21];

	if (current_version(s, &have) == -1)
		return -1;
	for (size_t i = 0; i < embedded_count; i++)
		if (strncmp(embedded_files[i].name, MIGRATIONS,
		    strlen(MIGRATIONS)) == 0 &&
		    migration_number(embedded_files[i].name) > latest)
			latest = migration_number(embedded_files[i].name);
	if (have > latest)
		return error("%s: schema version %d is newer than this palermo "
		    "knows (%d); use a newer palermo", s->path, have, latest);
	if (have == latest)
		return 0;

	time_iso(now);
	if (exec(s, sq_sql[SQ_BEGIN]) == -1)
		return -1;
	for (int v = have + 1; v <= latest; v++) {
		const struct embedded *e = NULL;

		for (size_t i = 0; i < embedded_count; i++)
			if (strncmp(embedded_files[i].name, MIGRATIONS,
			    strlen(MIGRATIONS)) == 0 &&
			    migration_number(embedded_files[i].name) == v)
				e = &embedded_files[i];
		if (e == NULL) {
			error("migration %d is missing from this build", v);
			goto fail;
		}
		if (exec(s, e->data) == -1)
			goto fail;
	}
	for (int v = have + 1; v <= latest; v++) {
		char	 name[32];

		snprintf(name, sizeof(name), "%04d", v);
		sqlite3_bind_int(sq_stmt(s, SQ_VERSION_ADD), 1, v);
		sqlite3_bind_text(sq_stmt(s, SQ_VERSION_ADD), 2, name, -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_text(sq_stmt(s, SQ_VERSION_ADD), 3, now, -1,
		    SQLITE_TRANSIENT);
		if (sq_run(s, SQ_VERSION_ADD) == -1)
			goto fail;
	}
	if (reference_refresh(s) == -1)
		goto fail;
	if (exec(s, sq_sql[SQ_COMMIT]) == -1)
		goto fail;
	return 0;
fail:
	for (int i = 0; i < SQ__MAX; i++) {
		sqlite3_finalize(s->st[i]);
		s->st[i] = NULL;
	}
	exec(s, sq_sql[SQ_ROLLBACK]);
	return -1;
}

static void
sq_close(struct store *base)
{
	struct sqlite_store *s = (struct sqlite_store *)base;

	if (s == NULL)
		return;
	for (int i = 0; i < SQ__MAX; i++)
		sqlite3_finalize(s->st[i]);
	sqlite3_close(s->db);
	free(s->pk);
	free(s);
}

/* palermo_operator(): who runs palermo, for the registers' history. */
static void
fn_operator(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(cx, operator_name(), -1, SQLITE_TRANSIENT);
}

/* palermo_label(LIST, CODE): the name of a code of one of palermo's code
 * lists, so that the history names what it records as palermo does. */
static void
fn_label(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char	*list = (const char *)sqlite3_value_text(argv[0]);
	int		 code = sqlite3_value_int(argv[1]);

	(void)argc;
	for (int l = 0; list != NULL && l < CL__MAX; l++)
		if (strcmp(code_lists[l].name, list) == 0) {
			sqlite3_result_text(cx, code_name((enum code_list)l,
			    code), -1, SQLITE_STATIC);
			return;
		}
	sqlite3_result_null(cx);
}

static int
sq_open(struct store **out, const char *path, enum store_open_mode mode)
{
	struct sqlite_store	*s;
	struct stat		 sb;
	int			 flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	*out = NULL;
	if (mode == STORE_EXISTING && stat(path, &sb) == -1)
		return error("%s: no database here; create one with "
		    "'palermo init --db %s'", path, path);
	if (mode == STORE_CREATE)
		flags |= SQLITE_OPEN_CREATE;
	s = xcalloc(1, sizeof(*s));
	s->base.ops = &store_sqlite_ops;
	s->path = path;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		error("%s: cannot open: %s", path, sqlite3_errmsg(s->db));
		goto fail;
	}
	sqlite3_busy_timeout(s->db, 10000);
	/* Leave the log and its index in place when done, the log emptied
	 * (any journal_size_limit empties it at close): making and removing
	 * them again costs each short command a good share of its time. */
	sqlite3_file_control(s->db, "main", SQLITE_FCNTL_PERSIST_WAL,
	    &(int){ 1 });
	sqlite3_extended_result_codes(s->db, 1);
	if (sqlite3_create_function(s->db, "palermo_operator", 0,
	    SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, fn_operator, NULL, NULL) !=
	    SQLITE_OK || sqlite3_create_function(s->db, "palermo_label", 2,
	    SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC, NULL,
	    fn_label, NULL, NULL) != SQLITE_OK) {
		sq_error(s, "adding palermo's functions");
		goto fail;
	}
	if (exec(s, "PRAGMA foreign_keys = ON") == -1)
		goto fail;
	/* Reading the journal mode leaves the file alone; only a database
	 * that is not in WAL mode yet (a new one) is switched. */
	if (exec(s, "PRAGMA synchronous = NORMAL") == -1 ||
	    exec(s, "PRAGMA journal_size_limit = 67108864") == -1)
		goto fail;
	{
		sqlite3_stmt	*st;
		int		 wal = 0;

		if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode", -1, &st,
		    NULL) != SQLITE_OK) {
			sq_error(s, "reading the journal mode");
			goto fail;
		}
		if (sqlite3_step(st) == SQLITE_ROW)
			wal = strcmp((const char *)sqlite3_column_text(st, 0),
			    "wal") == 0;
		sqlite3_finalize(st);
		if (!wal && exec(s, "PRAGMA journal_mode = WAL") == -1)
			goto fail;
	}
	if (migrate(s) == -1 || sq_packs_refresh(s) == -1)
		goto fail;
	*out = &s->base;
	return 0;
fail:
	sq_close(&s->base);
	return -1;
}

static int
sq_schema_version(struct store *base, int *v)
{
	return current_version((struct sqlite_store *)base, v);
}

static int
sq_begin(struct store *base)
{
	sq_pack_discard((struct sqlite_store *)base);
	return sq_run((struct sqlite_store *)base, SQ_BEGIN);
}

static int
sq_commit(struct store *base)
{
	return sq_run((struct sqlite_store *)base, SQ_COMMIT);
}

static int
sq_rollback(struct store *base)
{
	struct sqlite_store *s = (struct sqlite_store *)base;

	sq_pack_discard(s);
	if (sqlite3_get_autocommit(s->db))
		return 0;
	return sq_run(s, SQ_ROLLBACK);
}

static int
sq_clone(struct store *base, struct store **out)
{
	struct sqlite_store *s = (struct sqlite_store *)base;

	return sq_open(out, s->path, STORE_EXISTING);
}

const struct store_ops store_sqlite_ops = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.schema_version = sq_schema_version,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.clone = sq_clone,
	.source_ensure = sq_source_ensure,
	.submission_find = sq_submission_find,
	.submission_add = sq_submission_add,
	.submission_finish = sq_submission_finish,
	.submission_remove = sq_submission_remove,
	.submission_list = sq_submission_list,
	.case_add = sq_case_add,
	.case_each = sq_case_each,
	.case_range = sq_case_range,
	.case_count = sq_case_count,
	.pack_each = sq_pack_each,
	.count_put = sq_count_put,
	.count_each = sq_count_each,
	.count_drop = sq_count_drop,
	.stat_add = sq_stat_add,
	.stat_each = sq_stat_each,
	.stat_supersede = sq_stat_supersede,
	.supersession_add = sq_supersession_add,
	.supersession_list = sq_supersession_list,
	.scheme_put = sq_scheme_put,
	.scheme_member_add = sq_scheme_member_add,
	.scheme_list = sq_scheme_list,
	.scheme_members = sq_scheme_members,
	.pop_add = sq_pop_add,
	.pop_list = sq_pop_list,
	.origin_put = sq_origin_put,
	.origin_list = sq_origin_list,
	.instrument_list = sq_instrument_list,
	.instrument_add = sq_instrument_add,
	.action_put = sq_action_put,
	.action_remove = sq_action_remove,
	.action_list = sq_action_list,
	.crim_put = sq_crim_put,
	.crim_list = sq_crim_list,
	.crim_remove = sq_crim_remove,
	.history_list = sq_history_list,
	.sample_mark = sq_sample_mark,
	.contribution_add = sq_contribution_add,
	.fund_cycle_add = sq_fund_cycle_add,
	.fund_cycle_list = sq_fund_cycle_list,
	.contribution_list = sq_contribution_list,
	.sample_kinds = sq_sample_kinds,
	.icat_member_joined = sq_icat_member_joined,
	.worldday_theme_put = sq_worldday_theme_put,
	.worldday_event_add = sq_worldday_event_add,
	.worldday_get = sq_worldday_get,
	.mechanism_add = sq_mechanism_add,
	.mechanism_list = sq_mechanism_list,
	.mech_meeting_add = sq_mech_meeting_add,
	.mech_participant_add = sq_mech_participant_add,
	.mech_meeting_list = sq_mech_meeting_list,
	.practice_add = sq_practice_add,
	.practice_search = sq_practice_search,
	.plan_objective_list = sq_plan_objective_list,
	.plan_objective_set = sq_plan_objective_set,
	.plan_action_put = sq_plan_action_put,
	.plan_action_list = sq_plan_action_list,
	.plan_item_put = sq_plan_item_put,
	.plan_item_list = sq_plan_item_list,
	.icat_member_add = sq_icat_member_add,
	.icat_cochair_put = sq_icat_cochair_put,
	.icat_meeting_add = sq_icat_meeting_add,
	.icat_attendee_add = sq_icat_attendee_add,
	.icat_member_list = sq_icat_member_list,
	.icat_cochair_list = sq_icat_cochair_list,
	.icat_meeting_list = sq_icat_meeting_list,
	.icat_attendee_list = sq_icat_attendee_list,
	.fund_donor_add = sq_fund_donor_add,
	.fund_donor_find = sq_fund_donor_find,
	.fund_donor_list = sq_fund_donor_list,
	.fund_pledge_get = sq_fund_pledge_get,
	.fund_pledge_list = sq_fund_pledge_list,
	.fund_grant_get = sq_fund_grant_get,
	.fund_grant_list = sq_fund_grant_list,
	.fund_entry_get = sq_fund_entry_get,
	.fund_entry_each = sq_fund_entry_each,
	.fund_balance_get = sq_fund_balance_get,
	.fund_balance_each = sq_fund_balance_each,
	.fund_post = sq_fund_post,
	.fund_cash_low = sq_fund_cash_low,
	.fund_victims_add = sq_fund_victims_add,
	.fund_victims_each = sq_fund_victims_each,
};
