/*
 * sql.c: the SQL of the SQLite backend's operations: the text of each
 * statement of enum sq_stmt, every value bound, never built from input.
 * Two texts are put together when first used, from the column names of
 * the case schema (compile-time constants): the insert and the scan of
 * cases.  What runs once at open (the connection's PRAGMAs, the check for
 * a schema, whether FTS5 is there) is in sqlite.c and coord.c.
 */
#include <assert.h>
#include <stdlib.h>

#include "store/sqlite/sqlite_int.h"

const char *const sq_sql[SQ__MAX] = {
	[SQ_BEGIN] = "BEGIN IMMEDIATE",
	[SQ_COMMIT] = "COMMIT",
	[SQ_ROLLBACK] = "ROLLBACK",
	[SQ_VERSION] = "SELECT coalesce(max(version), 0) FROM schema_version",
	[SQ_VERSION_ADD] = "INSERT INTO schema_version (version, name, "
	    "applied_at) VALUES (?, ?, ?)",
	[SQ_SOURCE_GET] = "SELECT id FROM sources WHERE name = ?",
	[SQ_SOURCE_ADD] = "INSERT INTO sources (name, created_at) VALUES (?, ?)",
	[SQ_SUB_FIND_SHA] = "SELECT id FROM submissions WHERE source_id = ? "
	    "AND kind = ? AND sha256 = ? AND id <> ?",
	[SQ_SUB_FIND_NAME] = "SELECT id FROM submissions WHERE source_id = ? "
	    "AND kind = ? AND file_name = ? AND id <> ? "
	    "ORDER BY id DESC LIMIT 1",
	[SQ_SUB_ADD] = "INSERT INTO submissions (source_id, kind, format, "
	    "file_name, sha256, rows, operator, created_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[SQ_SUB_FINISH] = "UPDATE submissions SET format = ?, sha256 = ?, "
	    "rows = ? WHERE id = ?",
	[SQ_SUB_REMOVE] = "DELETE FROM submissions WHERE id = ?",
	[SQ_SUB_EACH] = "SELECT s.id, o.name, s.kind, s.format, s.file_name, "
	    "s.sha256, s.rows, s.operator, s.created_at FROM submissions s "
	    "JOIN sources o ON o.id = s.source_id ORDER BY s.id",
	[SQ_REGION_PUT] = "INSERT INTO regions (code, kind, name, parent) "
	    "VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
	    "kind = excluded.kind, name = excluded.name, "
	    "parent = excluded.parent",
	[SQ_COUNTRY_PUT] = "INSERT INTO countries (numeric, alpha2, alpha3, "
	    "name, official_name, region, subregion, intermediate) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (numeric) DO UPDATE "
	    "SET alpha2 = excluded.alpha2, alpha3 = excluded.alpha3, "
	    "name = excluded.name, official_name = excluded.official_name, "
	    "region = excluded.region, subregion = excluded.subregion, "
	    "intermediate = excluded.intermediate",
	[SQ_CODE_PUT] = "INSERT INTO codes (list, code, name, label) "
	    "VALUES (?, ?, ?, ?) ON CONFLICT (list, code) DO UPDATE SET "
	    "name = excluded.name, label = excluded.label",
	[SQ_FIELD_PUT] = "INSERT INTO case_fields (position, name, kind, list, "
	    "label) VALUES (?, ?, ?, ?, ?) ON CONFLICT (position) DO UPDATE "
	    "SET name = excluded.name, kind = excluded.kind, "
	    "list = excluded.list, label = excluded.label",
	[SQ_CASE_ADD] = NULL,	/* built from the case schema when used */
	[SQ_CASE_EACH] = NULL,
	[SQ_CASE_RANGE] = "SELECT coalesce(min(id), 0), coalesce(max(id), 0) "
	    "FROM cases",
	[SQ_CASE_COUNT] = "SELECT count(*) FROM cases WHERE id BETWEEN ? AND ?",
	[SQ_PACK_ADD] = "INSERT INTO case_packs (submission_id, seq, n, data) "
	    "VALUES (?, ?, ?, ?)",
	[SQ_PACK_EACH] = "SELECT submission_id, n, data FROM case_packs "
	    "ORDER BY submission_id, seq",
	/* the submissions of cases whose packs do not hold all their rows */
	[SQ_PACK_STALE] = "SELECT s.id FROM submissions s LEFT JOIN (SELECT "
	    "submission_id, sum(n) AS n FROM case_packs GROUP BY "
	    "submission_id) p ON p.submission_id = s.id WHERE s.kind = "
	    "'cases' AND coalesce(p.n, 0) != s.rows ORDER BY s.id",
	[SQ_PACK_LAYOUT] = "SELECT layout FROM pack_layout",
	[SQ_COUNT_PUT] = "INSERT OR REPLACE INTO case_counts (submission_id, "
	    "year, layout, n, data) VALUES (?, ?, ?, ?, ?)",
	[SQ_COUNT_EACH] = "SELECT submission_id, year, layout, n, data FROM "
	    "case_counts ORDER BY submission_id, year",
	[SQ_COUNT_DROP] = "DELETE FROM case_counts WHERE submission_id = ?",
	[SQ_STAT_ADD] = "INSERT INTO stats (submission_id, line, country, "
	    "country_text, year, indicator, sex, age, form, origin_dim, "
	    "origin_kind, origin_code, origin_text, low, high, note) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* the current values; with _ALL, the superseded ones too */
	[SQ_STAT_EACH] = "SELECT country, country_text, year, indicator, sex, "
	    "age, form, origin_dim, origin_kind, origin_code, origin_text, low, "
	    "high, note, id, submission_id, superseded_by FROM stats "
	    "WHERE superseded_by IS NULL ORDER BY id",
	[SQ_STAT_EACH_ALL] = "SELECT country, country_text, year, indicator, "
	    "sex, age, form, origin_dim, origin_kind, origin_code, origin_text, "
	    "low, high, note, id, submission_id, superseded_by FROM stats "
	    "ORDER BY id",
	[SQ_STAT_SUPERSEDE] = "UPDATE stats SET superseded_by = ? WHERE id = ?",
	[SQ_SUPERSESSION_ADD] = "INSERT INTO supersessions (submission_id, "
	    "superseded_id, n) VALUES (?, ?, ?)",
	[SQ_SCHEME_PUT] = "INSERT INTO region_schemes (name, file_name, "
	    "operator, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO "
	    "UPDATE SET file_name = excluded.file_name, operator = "
	    "excluded.operator, created_at = excluded.created_at "
	    "RETURNING id",
	[SQ_SCHEME_CLEAR] = "DELETE FROM region_members WHERE scheme_id = ?",
	[SQ_SCHEME_MEMBER_ADD] = "INSERT INTO region_members (scheme_id, "
	    "country, region) VALUES (?, ?, ?)",
	[SQ_SCHEME_EACH] = "SELECT s.name, s.file_name, s.operator, "
	    "s.created_at, count(m.country), count(DISTINCT m.region) FROM "
	    "region_schemes s LEFT JOIN region_members m ON m.scheme_id = s.id "
	    "GROUP BY s.id ORDER BY s.name",
	[SQ_SCHEME_MEMBERS] = "SELECT m.country, m.region FROM region_members m "
	    "JOIN region_schemes s ON s.id = m.scheme_id WHERE s.name = ? "
	    "ORDER BY m.region, m.country",
	[SQ_SUPERSESSION_EACH] = "SELECT submission_id, superseded_id, n FROM "
	    "supersessions ORDER BY submission_id, superseded_id",
	[SQ_POP_ADD] = "INSERT INTO population (submission_id, line, country, "
	    "year, sex, age, population) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[SQ_POP_EACH] = "SELECT country, year, sex, age, population "
	    "FROM population ORDER BY id",
	[SQ_ORIGIN_PUT] = "INSERT INTO origin_map (text, kind, code) "
	    "VALUES (?, ?, ?) ON CONFLICT (text) DO UPDATE SET "
	    "kind = excluded.kind, code = excluded.code",
	[SQ_ORIGIN_EACH] = "SELECT text, kind, code FROM origin_map ORDER BY text",
	[SQ_INSTR_EACH] = "SELECT id, code, name, unts_volume, unts_number, "
	    "shipped, coalesce(in_force, ''), eif_rule, eif_after, "
	    "coalesce(protocol_to, 0), organisations FROM instruments "
	    "ORDER BY id",
	[SQ_INSTR_ADD] = "INSERT INTO instruments (code, name, unts_volume, "
	    "unts_number, in_force, eif_rule, eif_after, protocol_to, "
	    "organisations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[SQ_ACTION_PUT] = "INSERT INTO instrument_actions (instrument_id, "
	    "country, action, date, source, recorded_at) VALUES (?, ?, ?, ?, "
	    "?, ?) ON CONFLICT (instrument_id, country, action) DO UPDATE SET "
	    "date = excluded.date, source = excluded.source, "
	    "recorded_at = excluded.recorded_at",
	[SQ_ACTION_REMOVE] = "DELETE FROM instrument_actions WHERE "
	    "instrument_id = ? AND country = ? AND action = ?",
	[SQ_ACTION_EACH] = "SELECT instrument_id, country, action, date, source "
	    "FROM instrument_actions ORDER BY instrument_id, country, action",
	[SQ_WD_THEME_PUT] = "INSERT INTO worldday (year, theme) VALUES (?, ?) "
	    "ON CONFLICT (year) DO UPDATE SET theme = excluded.theme",
	[SQ_WD_EVENT_ADD] = "INSERT INTO worldday_events (year, title, "
	    "organiser, country, date) VALUES (?, ?, ?, ?, ?)",
	[SQ_WD_THEME] = "SELECT theme FROM worldday WHERE year = ?",
	[SQ_WD_EVENTS] = "SELECT title, organiser, country, date FROM "
	    "worldday_events WHERE year = ? ORDER BY date, id",
	[SQ_MECH_ADD] = "INSERT INTO mechanisms (country, name, kind, mandate, "
	    "office) VALUES (?, ?, ?, ?, ?)",
	[SQ_MECH_EACH] = "SELECT id, country, name, kind, mandate, office FROM "
	    "mechanisms ORDER BY country, name",
	[SQ_PRACTICE_ADD] = "INSERT INTO practices (country, pillar, title, "
	    "tags, summary, body, date, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	/* rank first, cheaply; read each hit and its snippet only when used
	 * (practice_rank is in coord.c) */
	[SQ_PRACTICE_SEARCH] = "SELECT rowid FROM practices_fts WHERE "
	    "practices_fts MATCH ?1 ORDER BY practice_rank(practices_fts), "
	    "rowid LIMIT ?2",
	[SQ_PRACTICE_HIT] = "SELECT p.id, p.country, p.pillar, p.title, "
	    "p.tags, p.summary, p.body, p.date, p.source, "
	    "snippet(practices_fts, -1, '[', ']', '...', 12) "
	    "FROM practices_fts JOIN practices p ON p.id = practices_fts.rowid "
	    "WHERE practices_fts MATCH ?1 AND practices_fts.rowid = ?2",
	[SQ_PRACTICE_ALL] = "SELECT id, country, pillar, title, tags, summary, "
	    "body, date, source, summary FROM practices ORDER BY date DESC, id "
	    "LIMIT ?1",
	[SQ_PLAN_OBJ_SET] = "UPDATE plan_objectives SET summary = ? "
	    "WHERE code = ?",
	[SQ_PLAN_OBJ_EACH] = "SELECT code, summary FROM plan_objectives "
	    "ORDER BY code",
	[SQ_PLAN_ADD] = "INSERT INTO plan_actions (actor_kind, actor, country, "
	    "title, description, pillars, objectives, start, due, status, "
	    "horizon, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?)",
	[SQ_PLAN_UPDATE] = "UPDATE plan_actions SET actor_kind = ?, actor = ?, "
	    "country = ?, title = ?, description = ?, pillars = ?, "
	    "objectives = ?, start = ?, due = ?, status = ?, horizon = ?, "
	    "source = ? WHERE id = ?",
	[SQ_PLAN_EACH] = "SELECT id, actor_kind, actor, country, title, "
	    "description, pillars, objectives, start, due, status, horizon, "
	    "source FROM plan_actions ORDER BY id",
	[SQ_PLAN_NOTE_ADD] = "INSERT INTO plan_notes (action_id, date, note) "
	    "VALUES (?, ?, ?)",
	[SQ_PLAN_IND_PUT] = "INSERT INTO plan_indicators (action_id, name, "
	    "target, actual) VALUES (?, ?, ?, ?) ON CONFLICT (action_id, name) "
	    "DO UPDATE SET target = excluded.target, actual = excluded.actual",
	[SQ_PLAN_EVID_ADD] = "INSERT INTO plan_evidence (action_id, link) "
	    "VALUES (?, ?)",
	[SQ_PLAN_ITEMS] = "SELECT action_id, 0, note, date, NULL, NULL, id "
	    "FROM plan_notes UNION ALL SELECT action_id, 1, name, NULL, target, "
	    "actual, id FROM plan_indicators UNION ALL SELECT action_id, 2, "
	    "link, NULL, NULL, NULL, id FROM plan_evidence ORDER BY 1, 2, 4, 7",
	[SQ_ICAT_MEMBER_ADD] = "INSERT INTO icat_members (name, joined) "
	    "VALUES (?, ?)",
	[SQ_ICAT_COCHAIR] = "INSERT OR IGNORE INTO icat_cochairs (year, "
	    "member_id) SELECT ?, id FROM icat_members WHERE name = ? "
	    "COLLATE NOCASE",
	[SQ_ICAT_MEETING_ADD] = "INSERT INTO icat_meetings (date, title, place) "
	    "VALUES (?, ?, ?)",
	[SQ_ICAT_ATTEND] = "INSERT OR IGNORE INTO icat_attendees (meeting_id, "
	    "kind, name) SELECT id, ?, ? FROM icat_meetings WHERE id = ?",
	[SQ_ICAT_MEMBERS] = "SELECT name, coordinator, coalesce(joined, '') "
	    "FROM icat_members ORDER BY coordinator DESC, id",
	[SQ_ICAT_COCHAIRS] = "SELECT c.year, m.name FROM icat_cochairs c JOIN "
	    "icat_members m ON m.id = c.member_id ORDER BY c.year, m.name",
	[SQ_ICAT_MEETINGS] = "SELECT id, date, title, place FROM icat_meetings "
	    "ORDER BY date, id",
	[SQ_ICAT_ATTENDEES] = "SELECT meeting_id, kind, name FROM "
	    "icat_attendees ORDER BY meeting_id, kind, name",
	[SQ_CRIM_PUT] = "INSERT INTO criminalisation (country, form, status, "
	    "law, date) VALUES (?, ?, ?, ?, ?) ON CONFLICT (country, form, "
	    "date) DO UPDATE SET status = excluded.status, law = excluded.law",
	[SQ_CRIM_EACH] = "SELECT country, form, status, law, date "
	    "FROM criminalisation ORDER BY country, form, date",
	[SQ_CRIM_REMOVE] = "DELETE FROM criminalisation WHERE country = ? AND "
	    "form = ? AND date = ?",
	[SQ_HISTORY_EACH] = "SELECT id, at, operator, register, country, item, "
	    "change, coalesce(before, ''), coalesce(after, '') FROM "
	    "register_history ORDER BY id",
	[SQ_CYCLE_ADD] = "INSERT INTO fund_cycles (number, name, "
	    "grant_ceiling, cycle_ceiling, created_at) VALUES ((SELECT "
	    "coalesce(max(number), 0) + 1 FROM fund_cycles), ?, ?, ?, ?) "
	    "RETURNING number",
	[SQ_CYCLE_EACH] = "SELECT number, name, coalesce(grant_ceiling, 0), "
	    "coalesce(cycle_ceiling, 0) FROM fund_cycles ORDER BY number",
	[SQ_CONTRIB_ADD] = "INSERT OR IGNORE INTO contributions (year, "
	    "actor_kind, actor, country, file_name, sha256, text, operator, "
	    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[SQ_CONTRIB_EACH] = "SELECT id, year, actor_kind, actor, country, "
	    "file_name, sha256, text, operator, created_at FROM contributions "
	    "ORDER BY year, id",
	[SQ_SAMPLE_MARK] = "INSERT INTO samples (kind, seed, created_at) "
	    "VALUES (?, ?, ?) ON CONFLICT (kind) DO UPDATE SET seed = "
	    "excluded.seed, created_at = excluded.created_at",
	[SQ_SAMPLE_KINDS] = "SELECT kind FROM samples ORDER BY kind",
	[SQ_ICAT_JOINED] = "UPDATE icat_members SET joined = ? WHERE name = ? "
	    "COLLATE NOCASE",
	[SQ_MMEET_ADD] = "INSERT INTO mechanism_meetings (date, place, topics) "
	    "VALUES (?, ?, ?)",
	[SQ_MMEET_PART] = "INSERT OR IGNORE INTO mechanism_participants "
	    "(meeting_id, mechanism_id) SELECT g.id, m.id FROM "
	    "mechanism_meetings g, mechanisms m WHERE g.id = ? AND m.id = ?",
	[SQ_MMEET_EACH] = "SELECT g.id, g.date, g.place, g.topics, "
	    "coalesce((SELECT group_concat(k.alpha3 || ' ' || m.name, '; ') "
	    "FROM mechanism_participants p JOIN mechanisms m ON "
	    "m.id = p.mechanism_id JOIN countries k ON k.numeric = m.country "
	    "WHERE p.meeting_id = g.id), '') FROM mechanism_meetings g "
	    "ORDER BY g.date, g.id",
	/* the Trust Fund: pledges, grants and entries are only ever added */
	[SQ_FUND_DONOR_ADD] = "INSERT INTO fund_donors (name, kind, country, "
	    "posted_by, posted_at) VALUES (?, ?, ?, ?, ?)",
	[SQ_FUND_DONOR_FIND] = "SELECT id, name, kind, country FROM fund_donors "
	    "WHERE name = ?",
	[SQ_FUND_DONOR_EACH] = "SELECT id, name, kind, country FROM fund_donors "
	    "ORDER BY id",
	[SQ_FUND_PLEDGE_ADD] = "INSERT INTO fund_pledges (entry_id, donor_id, "
	    "currency, amount, rate, date, period_from, period_to) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[SQ_FUND_PLEDGE_GET] = "SELECT id, entry_id, donor_id, currency, "
	    "amount, rate, date, period_from, period_to FROM fund_pledges "
	    "WHERE id = ?",
	[SQ_FUND_PLEDGE_EACH] = "SELECT id, entry_id, donor_id, currency, "
	    "amount, rate, date, period_from, period_to FROM fund_pledges "
	    "ORDER BY id",
	[SQ_FUND_GRANT_ADD] = "INSERT INTO fund_grants (entry_id, cycle, "
	    "window, grantee, country, amount, start, end) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[SQ_FUND_GRANT_GET] = "SELECT g.id, g.entry_id, g.cycle, g.window, "
	    "g.grantee, g.country, g.amount, g.start, g.end, e.date "
	    "FROM fund_grants g JOIN fund_entries e ON e.id = g.entry_id "
	    "WHERE g.id = ?",
	[SQ_FUND_GRANT_EACH] = "SELECT g.id, g.entry_id, g.cycle, g.window, "
	    "g.grantee, g.country, g.amount, g.start, g.end, e.date "
	    "FROM fund_grants g JOIN fund_entries e ON e.id = g.entry_id "
	    "ORDER BY g.id",
	[SQ_FUND_ENTRY_ADD] = "INSERT INTO fund_entries (date, kind, currency, "
	    "rate, donor_id, pledge_id, grant_id, reverses, memo, posted_by, "
	    "posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[SQ_FUND_LINE_ADD] = "INSERT INTO fund_lines (entry_id, account, ref, "
	    "amount, usd) VALUES (?, ?, ?, ?, ?)",
	[SQ_FUND_ENTRY_GET] = "SELECT e.id, e.date, e.kind, e.currency, e.rate, "
	    "e.donor_id, e.pledge_id, e.grant_id, e.reverses, "
	    "(SELECT r.id FROM fund_entries r WHERE r.reverses = e.id), "
	    "NULL, NULL, NULL, NULL, NULL, NULL, NULL "
	    "FROM fund_entries e WHERE e.id = ?",
	[SQ_FUND_LINES_GET] = "SELECT account, ref, amount, usd FROM fund_lines "
	    "WHERE entry_id = ? ORDER BY rowid",
	/* one pass, in the order posted, each entry's lines together */
	[SQ_FUND_ENTRY_EACH] = "SELECT e.id, e.date, e.kind, e.currency, e.rate, "
	    "e.donor_id, e.pledge_id, e.grant_id, e.reverses, NULL, e.memo, "
	    "e.posted_by, e.posted_at, l.account, l.ref, l.amount, l.usd "
	    "FROM fund_entries e JOIN fund_lines l ON l.entry_id = e.id "
	    "WHERE e.date <= ?1 ORDER BY e.id, l.rowid",
	/* what adding up needs, read in the order the lines were written
	 * (an entry's together: the journal is only appended to), which
	 * reads the lines once and finds each entry by its key */
	[SQ_FUND_ENTRY_SUMS] = "SELECT e.id, e.date, e.kind, e.currency, "
	    "e.donor_id, e.reverses, l.account, l.ref, l.amount, l.usd "
	    "FROM fund_lines l JOIN fund_entries e ON e.id = l.entry_id "
	    "WHERE e.date <= ?1 ORDER BY l.rowid",
	[SQ_FUND_BAL_GET] = "SELECT amount, usd FROM fund_balances "
	    "WHERE account = ? AND ref = ?",
	[SQ_FUND_TOTAL_GET] = "SELECT 0, usd FROM fund_totals "
	    "WHERE account = ?",
	/* the least cash the fund has on any day from ?1 on */
	[SQ_FUND_CASH_LOW] = "WITH b(v) AS (SELECT coalesce(sum(usd), 0) FROM "
	    "fund_cash_days WHERE date <= ?1) SELECT min(run) FROM (SELECT v "
	    "AS run FROM b UNION ALL SELECT (SELECT v FROM b) + sum(usd) OVER "
	    "(ORDER BY date ROWS UNBOUNDED PRECEDING) FROM fund_cash_days "
	    "WHERE date > ?1)",
	[SQ_FUND_BAL_EACH] = "SELECT account, 0, 0, usd FROM fund_totals "
	    "ORDER BY account",
	[SQ_FUND_VICTIMS_ADD] = "INSERT INTO fund_victims (grant_id, date, "
	    "victims, posted_by, posted_at, form, sex, age) VALUES (?, ?, ?, "
	    "?, ?, ?, ?, ?)",
	[SQ_FUND_VICTIMS_EACH] = "SELECT grant_id, date, victims, form, sex, "
	    "age FROM fund_victims ORDER BY grant_id, form, sex, age, date, id",
};

char *
sq_sql_build(enum sq_stmt i)
{
	struct buf	 b = BUF_INIT;

	if (i == SQ_CASE_ADD) {
		buf_adds(&b, "INSERT INTO cases (submission_id, line");
		for (int f = 0; f < CF__MAX; f++)
			buf_addf(&b, ", %s", case_fields[f].name);
		buf_adds(&b, ") VALUES (?, ?");
		for (int f = 0; f < CF__MAX; f++)
			buf_adds(&b, ", ?");
		buf_adds(&b, ")");
	} else {
		assert(i == SQ_CASE_EACH);
		buf_adds(&b, "SELECT ");
		for (int f = 0; f < CF__MAX; f++)
			buf_addf(&b, "%s%s", f ? ", " : "",
			    case_fields[f].name);
		buf_adds(&b, ", submission_id FROM cases WHERE id BETWEEN ? "
		    "AND ? ORDER BY id");
	}
	return buf_detach(&b);
}
