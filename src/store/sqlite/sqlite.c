/*
 * sqlite.c: the SQLite backend of the store, palermo's embedded
 * default.
 *
 * A connection is used by one thread at a time, so it is opened without
 * SQLite's per-call mutexes.
 * The database runs in WAL mode with foreign keys on.  All SQL of this
 * backend is here: an enum of statements and their texts, prepared once
 * when the store opens, every value bound.  The case insert is the one text
 * put together at open, from the column names of the case schema (compile-
 * time constants, never input).
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/sqlite/sqlite_int.h"

const char *const stmt_sql[S__MAX] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_VERSION] = "SELECT coalesce(max(version), 0) FROM schema_version",
	[S_VERSION_ADD] = "INSERT INTO schema_version (version, name, "
	    "applied_at) VALUES (?, ?, ?)",
	[S_SOURCE_GET] = "SELECT id FROM sources WHERE name = ?",
	[S_SOURCE_ADD] = "INSERT INTO sources (name, created_at) VALUES (?, ?)",
	[S_SUB_FIND_SHA] = "SELECT id FROM submissions WHERE source_id = ? "
	    "AND kind = ? AND sha256 = ? AND id <> ?",
	[S_SUB_FIND_NAME] = "SELECT id FROM submissions WHERE source_id = ? "
	    "AND kind = ? AND file_name = ? AND id <> ? "
	    "ORDER BY id DESC LIMIT 1",
	[S_SUB_ADD] = "INSERT INTO submissions (source_id, kind, format, "
	    "file_name, sha256, rows, operator, created_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[S_SUB_FINISH] = "UPDATE submissions SET format = ?, sha256 = ?, "
	    "rows = ? WHERE id = ?",
	[S_SUB_REMOVE] = "DELETE FROM submissions WHERE id = ?",
	[S_SUB_EACH] = "SELECT s.id, o.name, s.kind, s.format, s.file_name, "
	    "s.sha256, s.rows, s.operator, s.created_at FROM submissions s "
	    "JOIN sources o ON o.id = s.source_id ORDER BY s.id",
	[S_REGION_PUT] = "INSERT INTO regions (code, kind, name, parent) "
	    "VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
	    "kind = excluded.kind, name = excluded.name, "
	    "parent = excluded.parent",
	[S_COUNTRY_PUT] = "INSERT INTO countries (numeric, alpha2, alpha3, "
	    "name, official_name, region, subregion, intermediate) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (numeric) DO UPDATE "
	    "SET alpha2 = excluded.alpha2, alpha3 = excluded.alpha3, "
	    "name = excluded.name, official_name = excluded.official_name, "
	    "region = excluded.region, subregion = excluded.subregion, "
	    "intermediate = excluded.intermediate",
	[S_CODE_PUT] = "INSERT INTO codes (list, code, name, label) "
	    "VALUES (?, ?, ?, ?) ON CONFLICT (list, code) DO UPDATE SET "
	    "name = excluded.name, label = excluded.label",
	[S_FIELD_PUT] = "INSERT INTO case_fields (position, name, kind, list, "
	    "label) VALUES (?, ?, ?, ?, ?) ON CONFLICT (position) DO UPDATE "
	    "SET name = excluded.name, kind = excluded.kind, "
	    "list = excluded.list, label = excluded.label",
	[S_CASE_ADD] = NULL,	/* built from the case schema at open */
	[S_CASE_EACH] = NULL,
	[S_CASE_RANGE] = "SELECT coalesce(min(id), 0), coalesce(max(id), 0) "
	    "FROM cases",
	[S_CASE_COUNT] = "SELECT count(*) FROM cases WHERE id BETWEEN ? AND ?",
	[S_STAT_ADD] = "INSERT INTO stats (submission_id, line, country, "
	    "country_text, year, indicator, sex, age, form, origin_dim, "
	    "origin_kind, origin_code, origin_text, low, high, note) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[S_STAT_EACH] = "SELECT country, country_text, year, indicator, sex, "
	    "age, form, origin_dim, origin_kind, origin_code, origin_text, low, "
	    "high, note FROM stats ORDER BY id",
	[S_POP_ADD] = "INSERT INTO population (submission_id, line, country, "
	    "year, sex, age, population) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[S_POP_EACH] = "SELECT country, year, sex, age, population "
	    "FROM population ORDER BY id",
	[S_ORIGIN_PUT] = "INSERT INTO origin_map (text, kind, code) "
	    "VALUES (?, ?, ?) ON CONFLICT (text) DO UPDATE SET "
	    "kind = excluded.kind, code = excluded.code",
	[S_ORIGIN_EACH] = "SELECT text, kind, code FROM origin_map ORDER BY text",
	[S_INSTR_EACH] = "SELECT id, code, name, unts_volume, unts_number, "
	    "shipped FROM instruments ORDER BY id",
	[S_INSTR_ADD] = "INSERT INTO instruments (code, name, unts_volume, "
	    "unts_number) VALUES (?, ?, ?, ?)",
	[S_ACTION_PUT] = "INSERT INTO instrument_actions (instrument_id, "
	    "country, action, date, source, recorded_at) VALUES (?, ?, ?, ?, "
	    "?, ?) ON CONFLICT (instrument_id, country, action) DO UPDATE SET "
	    "date = excluded.date, source = excluded.source, "
	    "recorded_at = excluded.recorded_at",
	[S_ACTION_REMOVE] = "DELETE FROM instrument_actions WHERE "
	    "instrument_id = ? AND country = ? AND action = ?",
	[S_ACTION_EACH] = "SELECT instrument_id, country, action, date, source "
	    "FROM instrument_actions ORDER BY instrument_id, country, action",
	[S_WD_THEME_PUT] = "INSERT INTO worldday (year, theme) VALUES (?, ?) "
	    "ON CONFLICT (year) DO UPDATE SET theme = excluded.theme",
	[S_WD_EVENT_ADD] = "INSERT INTO worldday_events (year, title, "
	    "organiser, country, date) VALUES (?, ?, ?, ?, ?)",
	[S_WD_THEME] = "SELECT theme FROM worldday WHERE year = ?",
	[S_WD_EVENTS] = "SELECT title, organiser, country, date FROM "
	    "worldday_events WHERE year = ? ORDER BY date, id",
	[S_MECH_ADD] = "INSERT INTO mechanisms (country, name, kind, mandate, "
	    "office) VALUES (?, ?, ?, ?, ?)",
	[S_MECH_EACH] = "SELECT id, country, name, kind, mandate, office FROM "
	    "mechanisms ORDER BY country, name",
	[S_PRACTICE_ADD] = "INSERT INTO practices (country, pillar, title, "
	    "tags, summary, body, date, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	/* rank first, cheaply; read each hit and its snippet only when used
	 * (practice_rank is in coord.c) */
	[S_PRACTICE_SEARCH] = "SELECT rowid FROM practices_fts WHERE "
	    "practices_fts MATCH ?1 ORDER BY practice_rank(practices_fts), "
	    "rowid LIMIT ?2",
	[S_PRACTICE_HIT] = "SELECT p.id, p.country, p.pillar, p.title, "
	    "p.tags, p.summary, p.body, p.date, p.source, "
	    "snippet(practices_fts, -1, '[', ']', '...', 12) "
	    "FROM practices_fts JOIN practices p ON p.id = practices_fts.rowid "
	    "WHERE practices_fts MATCH ?1 AND practices_fts.rowid = ?2",
	[S_PRACTICE_ALL] = "SELECT id, country, pillar, title, tags, summary, "
	    "body, date, source, summary FROM practices ORDER BY date DESC, id "
	    "LIMIT ?1",
	[S_PLAN_OBJ_SET] = "UPDATE plan_objectives SET summary = ? "
	    "WHERE code = ?",
	[S_PLAN_OBJ_EACH] = "SELECT code, summary FROM plan_objectives "
	    "ORDER BY code",
	[S_PLAN_ADD] = "INSERT INTO plan_actions (actor_kind, actor, country, "
	    "title, description, pillars, objectives, start, due, status, "
	    "horizon, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?)",
	[S_PLAN_UPDATE] = "UPDATE plan_actions SET actor_kind = ?, actor = ?, "
	    "country = ?, title = ?, description = ?, pillars = ?, "
	    "objectives = ?, start = ?, due = ?, status = ?, horizon = ?, "
	    "source = ? WHERE id = ?",
	[S_PLAN_EACH] = "SELECT id, actor_kind, actor, country, title, "
	    "description, pillars, objectives, start, due, status, horizon, "
	    "source FROM plan_actions ORDER BY id",
	[S_PLAN_NOTE_ADD] = "INSERT INTO plan_notes (action_id, date, note) "
	    "VALUES (?, ?, ?)",
	[S_PLAN_IND_PUT] = "INSERT INTO plan_indicators (action_id, name, "
	    "target, actual) VALUES (?, ?, ?, ?) ON CONFLICT (action_id, name) "
	    "DO UPDATE SET target = excluded.target, actual = excluded.actual",
	[S_PLAN_EVID_ADD] = "INSERT INTO plan_evidence (action_id, link) "
	    "VALUES (?, ?)",
	[S_PLAN_ITEMS] = "SELECT action_id, 0, note, date, NULL, NULL, id "
	    "FROM plan_notes UNION ALL SELECT action_id, 1, name, NULL, target, "
	    "actual, id FROM plan_indicators UNION ALL SELECT action_id, 2, "
	    "link, NULL, NULL, NULL, id FROM plan_evidence ORDER BY 1, 2, 4, 7",
	[S_ICAT_MEMBER_ADD] = "INSERT INTO icat_members (name) VALUES (?)",
	[S_ICAT_COCHAIR] = "INSERT OR IGNORE INTO icat_cochairs (year, "
	    "member_id) SELECT ?, id FROM icat_members WHERE name = ? "
	    "COLLATE NOCASE",
	[S_ICAT_MEETING_ADD] = "INSERT INTO icat_meetings (date, title, place) "
	    "VALUES (?, ?, ?)",
	[S_ICAT_ATTEND] = "INSERT OR IGNORE INTO icat_attendees (meeting_id, "
	    "kind, name) SELECT id, ?, ? FROM icat_meetings WHERE id = ?",
	[S_ICAT_MEMBERS] = "SELECT name, coordinator FROM icat_members "
	    "ORDER BY coordinator DESC, id",
	[S_ICAT_COCHAIRS] = "SELECT c.year, m.name FROM icat_cochairs c JOIN "
	    "icat_members m ON m.id = c.member_id ORDER BY c.year, m.name",
	[S_ICAT_MEETINGS] = "SELECT id, date, title, place FROM icat_meetings "
	    "ORDER BY date, id",
	[S_ICAT_ATTENDEES] = "SELECT meeting_id, kind, name FROM "
	    "icat_attendees ORDER BY meeting_id, kind, name",
	[S_CRIM_PUT] = "INSERT INTO criminalisation (country, form, status, "
	    "law, date) VALUES (?, ?, ?, ?, ?) ON CONFLICT (country, form) DO "
	    "UPDATE SET status = excluded.status, law = excluded.law, "
	    "date = excluded.date",
	[S_CRIM_EACH] = "SELECT country, form, status, law, coalesce(date, '') "
	    "FROM criminalisation ORDER BY country, form",
	[S_MMEET_ADD] = "INSERT INTO mechanism_meetings (date, place, topics) "
	    "VALUES (?, ?, ?)",
	[S_MMEET_PART] = "INSERT OR IGNORE INTO mechanism_participants "
	    "(meeting_id, mechanism_id) SELECT g.id, m.id FROM "
	    "mechanism_meetings g, mechanisms m WHERE g.id = ? AND m.id = ?",
	[S_MMEET_EACH] = "SELECT g.id, g.date, g.place, g.topics, "
	    "coalesce((SELECT group_concat(k.alpha3 || ' ' || m.name, '; ') "
	    "FROM mechanism_participants p JOIN mechanisms m ON "
	    "m.id = p.mechanism_id JOIN countries k ON k.numeric = m.country "
	    "WHERE p.meeting_id = g.id), '') FROM mechanism_meetings g "
	    "ORDER BY g.date, g.id",
	/* the Trust Fund: pledges, grants and entries are only ever added */
	[S_FUND_DONOR_ADD] = "INSERT INTO fund_donors (name, kind, country, "
	    "posted_by, posted_at) VALUES (?, ?, ?, ?, ?)",
	[S_FUND_DONOR_FIND] = "SELECT id, name, kind, country FROM fund_donors "
	    "WHERE name = ?",
	[S_FUND_DONOR_EACH] = "SELECT id, name, kind, country FROM fund_donors "
	    "ORDER BY id",
	[S_FUND_PLEDGE_ADD] = "INSERT INTO fund_pledges (entry_id, donor_id, "
	    "currency, amount, rate, date, period_from, period_to) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[S_FUND_PLEDGE_GET] = "SELECT id, entry_id, donor_id, currency, "
	    "amount, rate, date, period_from, period_to FROM fund_pledges "
	    "WHERE id = ?",
	[S_FUND_PLEDGE_EACH] = "SELECT id, entry_id, donor_id, currency, "
	    "amount, rate, date, period_from, period_to FROM fund_pledges "
	    "ORDER BY id",
	[S_FUND_GRANT_ADD] = "INSERT INTO fund_grants (entry_id, cycle, "
	    "window, grantee, country, amount, start, end) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[S_FUND_GRANT_GET] = "SELECT g.id, g.entry_id, g.cycle, g.window, "
	    "g.grantee, g.country, g.amount, g.start, g.end, e.date "
	    "FROM fund_grants g JOIN fund_entries e ON e.id = g.entry_id "
	    "WHERE g.id = ?",
	[S_FUND_GRANT_EACH] = "SELECT g.id, g.entry_id, g.cycle, g.window, "
	    "g.grantee, g.country, g.amount, g.start, g.end, e.date "
	    "FROM fund_grants g JOIN fund_entries e ON e.id = g.entry_id "
	    "ORDER BY g.id",
	[S_FUND_ENTRY_ADD] = "INSERT INTO fund_entries (date, kind, currency, "
	    "rate, donor_id, pledge_id, grant_id, reverses, memo, posted_by, "
	    "posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[S_FUND_LINE_ADD] = "INSERT INTO fund_lines (entry_id, account, ref, "
	    "amount, usd) VALUES (?, ?, ?, ?, ?)",
	[S_FUND_ENTRY_GET] = "SELECT e.id, e.date, e.kind, e.currency, e.rate, "
	    "e.donor_id, e.pledge_id, e.grant_id, e.reverses, "
	    "(SELECT r.id FROM fund_entries r WHERE r.reverses = e.id), "
	    "NULL, NULL, NULL, NULL, NULL, NULL, NULL "
	    "FROM fund_entries e WHERE e.id = ?",
	[S_FUND_LINES_GET] = "SELECT account, ref, amount, usd FROM fund_lines "
	    "WHERE entry_id = ? ORDER BY rowid",
	/* one pass, in the order posted, each entry's lines together */
	[S_FUND_ENTRY_EACH] = "SELECT e.id, e.date, e.kind, e.currency, e.rate, "
	    "e.donor_id, e.pledge_id, e.grant_id, e.reverses, NULL, e.memo, "
	    "e.posted_by, e.posted_at, l.account, l.ref, l.amount, l.usd "
	    "FROM fund_entries e JOIN fund_lines l ON l.entry_id = e.id "
	    "WHERE e.date <= ?1 ORDER BY e.id, l.rowid",
	/* what adding up needs, read in the order the lines were written
	 * (an entry's together: the journal is only appended to), which
	 * reads the lines once and finds each entry by its key */
	[S_FUND_ENTRY_SUMS] = "SELECT e.id, e.date, e.kind, e.currency, "
	    "e.donor_id, e.reverses, l.account, l.ref, l.amount, l.usd "
	    "FROM fund_lines l JOIN fund_entries e ON e.id = l.entry_id "
	    "WHERE e.date <= ?1 ORDER BY l.rowid",
	[S_FUND_BAL_GET] = "SELECT amount, usd FROM fund_balances "
	    "WHERE account = ? AND ref = ?",
	[S_FUND_TOTAL_GET] = "SELECT 0, usd FROM fund_totals "
	    "WHERE account = ?",
	/* the least cash the fund has on any day from ?1 on */
	[S_FUND_CASH_LOW] = "WITH b(v) AS (SELECT coalesce(sum(usd), 0) FROM "
	    "fund_cash_days WHERE date <= ?1) SELECT min(run) FROM (SELECT v "
	    "AS run FROM b UNION ALL SELECT (SELECT v FROM b) + sum(usd) OVER "
	    "(ORDER BY date ROWS UNBOUNDED PRECEDING) FROM fund_cash_days "
	    "WHERE date > ?1)",
	[S_FUND_BAL_EACH] = "SELECT account, 0, 0, usd FROM fund_totals "
	    "ORDER BY account",
	[S_FUND_VICTIMS_ADD] = "INSERT INTO fund_victims (grant_id, date, "
	    "victims, posted_by, posted_at) VALUES (?, ?, ?, ?, ?)",
	[S_FUND_VICTIMS_EACH] = "SELECT grant_id, date, victims FROM "
	    "fund_victims ORDER BY grant_id, date, id",
};


int
db_error(struct sqlite_store *s, const char *what)
{
	return error("%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

/* Step a statement that returns no rows, and reset it. */
int
run(struct sqlite_store *s, enum stmt i)
{
	int	 rc = sqlite3_step(stmt(s, i));

	sqlite3_reset(stmt(s, i));
	sqlite3_clear_bindings(stmt(s, i));
	if (rc != SQLITE_DONE)
		return db_error(s, stmt_sql[i] ? stmt_sql[i] : "statement");
	return 0;
}

/* Step a statement that returns one integer, or none (then *out = 0). */
int
run_int(struct sqlite_store *s, enum stmt i, int64_t *out)
{
	int	 rc = sqlite3_step(stmt(s, i));

	*out = rc == SQLITE_ROW ? sqlite3_column_int64(stmt(s, i), 0) : 0;
	sqlite3_reset(stmt(s, i));
	sqlite3_clear_bindings(stmt(s, i));
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(s, stmt_sql[i]);
	return 0;
}

void
bind_text(sqlite3_stmt *st, int col, const char *v)
{
	if (v == NULL || *v == '\0')
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_text(st, col, v, -1, SQLITE_STATIC);
}

static void
bind_code(sqlite3_stmt *st, int col, int v)
{
	if (v == 0)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_int(st, col, v);
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

/* The text of a statement the case schema shapes; the caller frees it. */
static char *
case_sql(enum stmt i)
{
	struct buf	 b = BUF_INIT;

	if (i == S_CASE_ADD) {
		buf_adds(&b, "INSERT INTO cases (submission_id, line");
		for (int f = 0; f < CF__MAX; f++)
			buf_addf(&b, ", %s", case_fields[f].name);
		buf_adds(&b, ") VALUES (?, ?");
		for (int f = 0; f < CF__MAX; f++)
			buf_adds(&b, ", ?");
		buf_adds(&b, ")");
	} else {
		buf_adds(&b, "SELECT ");
		for (int f = 0; f < CF__MAX; f++)
			buf_addf(&b, "%s%s", f ? ", " : "",
			    case_fields[f].name);
		buf_adds(&b, ", submission_id FROM cases WHERE id BETWEEN ? "
		    "AND ? ORDER BY id");
	}
	return buf_detach(&b);
}

/*
 * Statement i, prepared the first time it is asked for: a command uses a
 * few of them, and preparing them all would cost more than most commands'
 * own work.  A statement that cannot be prepared is reported here and
 * comes back NULL, which SQLite's calls then refuse with SQLITE_MISUSE.
 */
sqlite3_stmt *
stmt(struct sqlite_store *s, enum stmt i)
{
	char	*built = NULL;

	if (s->st[i] != NULL)
		return s->st[i];
	if (stmt_sql[i] == NULL)
		built = case_sql(i);
	if (sqlite3_prepare_v3(s->db, built ? built : stmt_sql[i], -1,
	    SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) != SQLITE_OK)
		db_error(s, "preparing a statement");
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
	st = stmt(s, S_REGION_PUT);
	sqlite3_bind_int(st, 1, 1);
	sqlite3_bind_text(st, 2, "world", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, "World", -1, SQLITE_STATIC);
	sqlite3_bind_null(st, 4);
	if (run(s, S_REGION_PUT) == -1)
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
			st = stmt(s, S_REGION_PUT);
			sqlite3_bind_int(st, 1, code[k]);
			sqlite3_bind_text(st, 2, region_kinds[k + 1], -1,
			    SQLITE_STATIC);
			sqlite3_bind_text(st, 3, name[k], -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 4, parent);
			if (run(s, S_REGION_PUT) == -1)
				return -1;
			parent = code[k];
		}
	}
	for (int i = 0; i < country_count(); i++) {
		const struct country *c = country_at(i);

		st = stmt(s, S_COUNTRY_PUT);
		sqlite3_bind_int(st, 1, c->numeric);
		sqlite3_bind_text(st, 2, c->alpha2, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, c->alpha3, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, c->name, -1, SQLITE_STATIC);
		bind_text(st, 5, c->official_name);
		bind_code(st, 6, c->region);
		bind_code(st, 7, c->subregion);
		bind_code(st, 8, c->intermediate);
		if (run(s, S_COUNTRY_PUT) == -1)
			return -1;
	}
	for (int l = 1; l < CL__MAX; l++)
		for (int i = 0; i < code_lists[l].count; i++) {
			st = stmt(s, S_CODE_PUT);
			sqlite3_bind_text(st, 1, code_lists[l].name, -1,
			    SQLITE_STATIC);
			sqlite3_bind_int(st, 2, i);
			sqlite3_bind_text(st, 3, code_lists[l].codes[i].name,
			    -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, code_lists[l].codes[i].label,
			    -1, SQLITE_STATIC);
			if (run(s, S_CODE_PUT) == -1)
				return -1;
		}
	for (int f = 0; f < CF__MAX; f++) {
		st = stmt(s, S_FIELD_PUT);
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
		if (run(s, S_FIELD_PUT) == -1)
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
		return db_error(s, "reading the schema");
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_error(s, "reading the schema");
	if (sqlite3_prepare_v2(s->db, stmt_sql[S_VERSION], -1, &st, NULL) !=
	    SQLITE_OK)
		return db_error(s, "reading the schema version");
	if (sqlite3_step(st) == SQLITE_ROW)
		*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
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
	if (exec(s, "BEGIN IMMEDIATE") == -1)
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
		sqlite3_bind_int(stmt(s, S_VERSION_ADD), 1, v);
		sqlite3_bind_text(stmt(s, S_VERSION_ADD), 2, name, -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_text(stmt(s, S_VERSION_ADD), 3, now, -1,
		    SQLITE_TRANSIENT);
		if (run(s, S_VERSION_ADD) == -1)
			goto fail;
	}
	if (reference_refresh(s) == -1)
		goto fail;
	if (exec(s, "COMMIT") == -1)
		goto fail;
	return 0;
fail:
	for (int i = 0; i < S__MAX; i++) {
		sqlite3_finalize(s->st[i]);
		s->st[i] = NULL;
	}
	exec(s, "ROLLBACK");
	return -1;
}

static void
sq_close(struct store *base)
{
	struct sqlite_store *s = (struct sqlite_store *)base;

	if (s == NULL)
		return;
	for (int i = 0; i < S__MAX; i++)
		sqlite3_finalize(s->st[i]);
	sqlite3_close(s->db);
	free(s);
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
			db_error(s, "reading the journal mode");
			goto fail;
		}
		if (sqlite3_step(st) == SQLITE_ROW)
			wal = strcmp((const char *)sqlite3_column_text(st, 0),
			    "wal") == 0;
		sqlite3_finalize(st);
		if (!wal && exec(s, "PRAGMA journal_mode = WAL") == -1)
			goto fail;
	}
	if (migrate(s) == -1)
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
	return run((struct sqlite_store *)base, S_BEGIN);
}

static int
sq_commit(struct store *base)
{
	return run((struct sqlite_store *)base, S_COMMIT);
}

static int
sq_rollback(struct store *base)
{
	struct sqlite_store *s = (struct sqlite_store *)base;

	if (sqlite3_get_autocommit(s->db))
		return 0;
	return run(s, S_ROLLBACK);
}

static int
sq_source_ensure(struct store *base, const char *name, int64_t *id)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	char	 now[21];

	sqlite3_bind_text(stmt(s, S_SOURCE_GET), 1, name, -1, SQLITE_STATIC);
	if (run_int(s, S_SOURCE_GET, id) == -1)
		return -1;
	if (*id)
		return 0;
	time_iso(now);
	sqlite3_bind_text(stmt(s, S_SOURCE_ADD), 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt(s, S_SOURCE_ADD), 2, now, -1, SQLITE_TRANSIENT);
	if (run(s, S_SOURCE_ADD) == -1)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

static int
sq_submission_find(struct store *base, int64_t source, const char *kind,
    const char *sha256, const char *file_name, int64_t except, int64_t *id)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	enum stmt	 i = sha256 ? S_SUB_FIND_SHA : S_SUB_FIND_NAME;

	sqlite3_bind_int64(stmt(s, i), 1, source);
	sqlite3_bind_text(stmt(s, i), 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt(s, i), 3, sha256 ? sha256 : file_name, -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(stmt(s, i), 4, except);
	return run_int(s, i, id);
}

static int
sq_submission_add(struct store *base, int64_t source, struct submission *sub)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_SUB_ADD);

	sqlite3_bind_int64(st, 1, source);
	sqlite3_bind_text(st, 2, sub->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, sub->format, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, sub->file_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, sub->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, sub->rows);
	sqlite3_bind_text(st, 7, sub->operator_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, sub->created_at, -1, SQLITE_STATIC);
	if (run(s, S_SUB_ADD) == -1)
		return -1;
	sub->id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

static int
sq_submission_finish(struct store *base, int64_t id, const char *format,
    const char *sha256, int64_t rows)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_SUB_FINISH);

	sqlite3_bind_text(st, 1, format, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, rows);
	sqlite3_bind_int64(st, 4, id);
	return run(s, S_SUB_FINISH);
}

static int
sq_submission_remove(struct store *base, int64_t id, int *found)
{
	struct sqlite_store *s = (struct sqlite_store *)base;

	sqlite3_bind_int64(stmt(s, S_SUB_REMOVE), 1, id);
	if (run(s, S_SUB_REMOVE) == -1)
		return -1;
	*found = sqlite3_changes(s->db) > 0;
	return 0;
}

const char *
col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

static int
sq_submission_each(struct store *base,
    int (*fn)(const struct submission *, void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_SUB_EACH);
	struct submission sub;
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&sub, 0, sizeof(sub));
		sub.id = sqlite3_column_int64(st, 0);
		sub.source = col_text(st, 1);
		sub.kind = col_text(st, 2);
		sub.format = col_text(st, 3);
		sub.file_name = col_text(st, 4);
		snprintf(sub.sha256, sizeof(sub.sha256), "%s", col_text(st, 5));
		sub.rows = sqlite3_column_int64(st, 6);
		sub.operator_name = col_text(st, 7);
		snprintf(sub.created_at, sizeof(sub.created_at), "%s",
		    col_text(st, 8));
		if ((ret = fn(&sub, arg)) == -1)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "listing submissions");
	sqlite3_reset(st);
	return ret;
}

static int
sq_case_add(struct store *base, int64_t submission, unsigned long line,
    const struct case_rec *c)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_CASE_ADD);
	int		 rc;

	sqlite3_bind_int64(st, 1, submission);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)line);
	for (int f = 0; f < CF__MAX; f++) {
		if (c->v[f] == NR)
			sqlite3_bind_null(st, f + 3);
		else
			sqlite3_bind_int(st, f + 3, c->v[f]);
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_error(s, "storing a case");
	return 0;
}

static int
sq_case_range(struct store *base, int64_t *lo, int64_t *hi)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_CASE_RANGE);
	int		 rc = sqlite3_step(st);

	*lo = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	*hi = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_error(s, "reading the range of cases");
	return 0;
}

static int
sq_case_count(struct store *base, int64_t lo, int64_t hi, int64_t *n)
{
	struct sqlite_store *s = (struct sqlite_store *)base;

	sqlite3_bind_int64(stmt(s, S_CASE_COUNT), 1, lo);
	sqlite3_bind_int64(stmt(s, S_CASE_COUNT), 2, hi);
	return run_int(s, S_CASE_COUNT, n);
}

void
bind_nr(sqlite3_stmt *st, int col, int v)
{
	if (v == NR)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_int(st, col, v);
}

static int
sq_stat_add(struct store *base, int64_t submission, unsigned long line,
    const struct stat_rec *r)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_STAT_ADD);
	int		 rc;

	sqlite3_bind_int64(st, 1, submission);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)line);
	bind_nr(st, 3, r->country);
	bind_text(st, 4, r->country_text);
	sqlite3_bind_int(st, 5, r->year);
	sqlite3_bind_int(st, 6, r->indicator);
	sqlite3_bind_int(st, 7, r->sex);
	sqlite3_bind_int(st, 8, r->age);
	sqlite3_bind_int(st, 9, r->form);
	sqlite3_bind_int(st, 10, r->origin_dim);
	sqlite3_bind_int(st, 11, r->origin_kind);
	bind_nr(st, 12, r->origin_code);
	/* an empty origin is an origin the file left blank, not none */
	if (r->origin_text != NULL)
		sqlite3_bind_text(st, 13, r->origin_text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 13);
	sqlite3_bind_int64(st, 14, r->low);
	sqlite3_bind_int64(st, 15, r->high);
	bind_text(st, 16, r->note);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_error(s, "storing a value");
	return 0;
}

int
col_nr(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NR :
	    sqlite3_column_int(st, i);
}

const char *
col_text_or_null(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static int
sq_stat_each(struct store *base, int (*fn)(const struct stat_rec *, void *),
    void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_STAT_EACH);
	struct stat_rec	 r;
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.country = col_nr(st, 0);
		r.country_text = col_text_or_null(st, 1);
		r.year = sqlite3_column_int(st, 2);
		r.indicator = sqlite3_column_int(st, 3);
		r.sex = sqlite3_column_int(st, 4);
		r.age = sqlite3_column_int(st, 5);
		r.form = sqlite3_column_int(st, 6);
		r.origin_dim = sqlite3_column_int(st, 7);
		r.origin_kind = sqlite3_column_int(st, 8);
		r.origin_code = col_nr(st, 9);
		r.origin_text = col_text_or_null(st, 10);
		r.low = sqlite3_column_int64(st, 11);
		r.high = sqlite3_column_int64(st, 12);
		r.note = col_text_or_null(st, 13);
		if ((ret = fn(&r, arg)) == -1)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading statistics");
	sqlite3_reset(st);
	return ret;
}

static int
sq_pop_add(struct store *base, int64_t submission, unsigned long line,
    const struct pop_rec *r)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_POP_ADD);

	sqlite3_bind_int64(st, 1, submission);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)line);
	sqlite3_bind_int(st, 3, r->country);
	sqlite3_bind_int(st, 4, r->year);
	sqlite3_bind_int(st, 5, r->sex);
	sqlite3_bind_int(st, 6, r->age);
	sqlite3_bind_int64(st, 7, r->population);
	return run(s, S_POP_ADD);
}

static int
sq_pop_each(struct store *base, int (*fn)(const struct pop_rec *, void *),
    void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_POP_EACH);
	struct pop_rec	 r;
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.country = sqlite3_column_int(st, 0);
		r.year = sqlite3_column_int(st, 1);
		r.sex = sqlite3_column_int(st, 2);
		r.age = sqlite3_column_int(st, 3);
		r.population = sqlite3_column_int64(st, 4);
		if ((ret = fn(&r, arg)) == -1)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading population");
	sqlite3_reset(st);
	return ret;
}

static int
sq_origin_put(struct store *base, const char *text, int kind, int code)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_ORIGIN_PUT);

	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, kind);
	bind_nr(st, 3, code);
	return run(s, S_ORIGIN_PUT);
}

static int
sq_origin_each(struct store *base,
    int (*fn)(const char *, int, int, void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_ORIGIN_EACH);
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((ret = fn(col_text(st, 0), sqlite3_column_int(st, 1),
		    col_nr(st, 2), arg)) == -1)
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading the origin map");
	sqlite3_reset(st);
	return ret;
}

static int
sq_clone(struct store *base, struct store **out)
{
	struct sqlite_store *s = (struct sqlite_store *)base;

	return sq_open(out, s->path, STORE_EXISTING);
}

static int
sq_case_each(struct store *base, int64_t lo, int64_t hi,
    int (*fn)(const struct case_rec *, int64_t, void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_CASE_EACH);
	struct case_rec	 c;
	int		 rc, ret = 0;

	sqlite3_bind_int64(st, 1, lo);
	sqlite3_bind_int64(st, 2, hi);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int f = 0; f < CF__MAX; f++)
			c.v[f] = sqlite3_column_type(st, f) == SQLITE_NULL ?
			    NR : sqlite3_column_int(st, f);
		if ((ret = fn(&c, sqlite3_column_int64(st, CF__MAX), arg)) ==
		    -1)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading cases");
	sqlite3_reset(st);
	return ret;
}

const struct store_ops store_sqlite_ops = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.schema_version = sq_schema_version,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.source_ensure = sq_source_ensure,
	.submission_find = sq_submission_find,
	.submission_add = sq_submission_add,
	.submission_finish = sq_submission_finish,
	.submission_remove = sq_submission_remove,
	.submission_each = sq_submission_each,
	.case_add = sq_case_add,
	.case_each = sq_case_each,
	.case_range = sq_case_range,
	.case_count = sq_case_count,
	.stat_add = sq_stat_add,
	.stat_each = sq_stat_each,
	.pop_add = sq_pop_add,
	.pop_each = sq_pop_each,
	.origin_put = sq_origin_put,
	.origin_each = sq_origin_each,
	.instrument_each = sq_instrument_each,
	.instrument_add = sq_instrument_add,
	.action_put = sq_action_put,
	.action_remove = sq_action_remove,
	.action_each = sq_action_each,
	.worldday_theme_put = sq_worldday_theme_put,
	.worldday_event_add = sq_worldday_event_add,
	.worldday_each = sq_worldday_each,
	.mechanism_add = sq_mechanism_add,
	.mechanism_each = sq_mechanism_each,
	.practice_add = sq_practice_add,
	.practice_search = sq_practice_search,
	.plan_objective_each = sq_plan_objective_each,
	.plan_objective_set = sq_plan_objective_set,
	.plan_action_put = sq_plan_action_put,
	.plan_action_each = sq_plan_action_each,
	.plan_item_put = sq_plan_item_put,
	.plan_item_each = sq_plan_item_each,
	.icat_member_add = sq_icat_member_add,
	.icat_cochair_put = sq_icat_cochair_put,
	.icat_meeting_add = sq_icat_meeting_add,
	.icat_attendee_add = sq_icat_attendee_add,
	.icat_each = sq_icat_each,
	.crim_put = sq_crim_put,
	.crim_each = sq_crim_each,
	.mech_meeting_add = sq_mech_meeting_add,
	.mech_participant_add = sq_mech_participant_add,
	.mech_meeting_each = sq_mech_meeting_each,
	.fund_donor_add = sq_fund_donor_add,
	.fund_donor_find = sq_fund_donor_find,
	.fund_donor_each = sq_fund_donor_each,
	.fund_pledge_get = sq_fund_pledge_get,
	.fund_pledge_each = sq_fund_pledge_each,
	.fund_grant_get = sq_fund_grant_get,
	.fund_grant_each = sq_fund_grant_each,
	.fund_entry_get = sq_fund_entry_get,
	.fund_entry_each = sq_fund_entry_each,
	.fund_balance_get = sq_fund_balance_get,
	.fund_balance_each = sq_fund_balance_each,
	.fund_post = sq_fund_post,
	.fund_cash_low = sq_fund_cash_low,
	.fund_victims_add = sq_fund_victims_add,
	.fund_victims_each = sq_fund_victims_each,
	.clone = sq_clone,
};

int
store_open(struct store **out, const char *path, enum store_open_mode mode)
{
	return store_sqlite_ops.open(out, path, mode);
}
