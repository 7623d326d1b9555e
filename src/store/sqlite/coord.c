/*
 * coord.c: the SQLite backend's operations on the
 * coordination registers: instruments and the actions of states, the
 * World Day, mechanisms and practices, the Global Plan of Action, ICAT and
 * criminalisation.  Their SQL is in sqlite.c with the rest.
 */
#include <math.h>
#include <string.h>

#include "store/sqlite/sqlite_int.h"

int
sq_instrument_each(struct store *base,
    int (*fn)(const struct instrument *, void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_INSTR_EACH);
	struct instrument in;
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		in.id = sqlite3_column_int64(st, 0);
		in.code = col_text(st, 1);
		in.name = col_text(st, 2);
		in.unts_volume = col_nr(st, 3);
		in.unts_number = col_nr(st, 4);
		in.shipped = sqlite3_column_int(st, 5);
		if ((ret = fn(&in, arg)) == -1)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading instruments");
	sqlite3_reset(st);
	return ret;
}

int
sq_instrument_add(struct store *base, const struct instrument *in)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_INSTR_ADD);

	sqlite3_bind_text(st, 1, in->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, in->name, -1, SQLITE_STATIC);
	bind_nr(st, 3, in->unts_volume);
	bind_nr(st, 4, in->unts_number);
	return run(s, S_INSTR_ADD);
}

int
sq_action_put(struct store *base, const struct treaty_action *a)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_ACTION_PUT);
	char		 now[21];

	time_iso(now);
	sqlite3_bind_int64(st, 1, a->instrument);
	sqlite3_bind_int(st, 2, a->country);
	sqlite3_bind_int(st, 3, a->action);
	sqlite3_bind_text(st, 4, a->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, a->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
	return run(s, S_ACTION_PUT);
}

int
sq_action_remove(struct store *base, int64_t instrument, int country,
    int action, int *found)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_ACTION_REMOVE);

	sqlite3_bind_int64(st, 1, instrument);
	sqlite3_bind_int(st, 2, country);
	sqlite3_bind_int(st, 3, action);
	if (run(s, S_ACTION_REMOVE) == -1)
		return -1;
	*found = sqlite3_changes(s->db) > 0;
	return 0;
}

int
sq_action_each(struct store *base,
    int (*fn)(const struct treaty_action *, void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_ACTION_EACH);
	struct treaty_action a;
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a.instrument = sqlite3_column_int64(st, 0);
		a.country = sqlite3_column_int(st, 1);
		a.action = sqlite3_column_int(st, 2);
		a.date = col_text(st, 3);
		a.source = col_text(st, 4);
		if ((ret = fn(&a, arg)) == -1)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading instrument actions");
	sqlite3_reset(st);
	return ret;
}

int
sq_worldday_theme_put(struct store *base, int year, const char *theme)
{
	struct sqlite_store *s = (struct sqlite_store *)base;

	sqlite3_bind_int(stmt(s, S_WD_THEME_PUT), 1, year);
	sqlite3_bind_text(stmt(s, S_WD_THEME_PUT), 2, theme, -1, SQLITE_STATIC);
	return run(s, S_WD_THEME_PUT);
}

int
sq_worldday_event_add(struct store *base, int year, const char *title,
    const char *organiser, int country, const char *date)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_WD_EVENT_ADD);

	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, organiser, -1, SQLITE_STATIC);
	bind_nr(st, 4, country);
	bind_text(st, 5, date);
	return run(s, S_WD_EVENT_ADD);
}

int
sq_worldday_each(struct store *base, int year,
    int (*fn)(const char *, const char *, const char *, int, const char *,
    void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_WD_THEME);
	int		 rc, ret;

	sqlite3_bind_int(st, 1, year);
	rc = sqlite3_step(st);
	ret = fn(rc == SQLITE_ROW ? col_text(st, 0) : NULL, NULL, NULL, NR,
	    NULL, arg);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(s, "reading the World Day");
	if (ret == -1)
		return -1;
	st = stmt(s, S_WD_EVENTS);
	sqlite3_bind_int(st, 1, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((ret = fn(NULL, col_text(st, 0), col_text(st, 1),
		    col_nr(st, 2), col_text_or_null(st, 3), arg)) == -1)
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading the World Day");
	sqlite3_reset(st);
	return ret;
}

int
sq_mechanism_add(struct store *base, const struct mechanism *m)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_MECH_ADD);

	sqlite3_bind_int(st, 1, m->country);
	sqlite3_bind_text(st, 2, m->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->kind, -1, SQLITE_STATIC);
	bind_text(st, 4, m->mandate);
	bind_text(st, 5, m->office);
	return run(s, S_MECH_ADD);
}

int
sq_mechanism_each(struct store *base,
    int (*fn)(const struct mechanism *, void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_MECH_EACH);
	struct mechanism m;
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m.id = sqlite3_column_int64(st, 0);
		m.country = sqlite3_column_int(st, 1);
		m.name = col_text(st, 2);
		m.kind = col_text(st, 3);
		m.mandate = col_text(st, 4);
		m.office = col_text(st, 5);
		if ((ret = fn(&m, arg)) == -1)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading mechanisms");
	sqlite3_reset(st);
	return ret;
}

int
sq_practice_add(struct store *base, const struct practice *p)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_PRACTICE_ADD);

	sqlite3_bind_int(st, 1, p->country);
	sqlite3_bind_int(st, 2, p->pillar);
	sqlite3_bind_text(st, 3, p->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->tags, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->summary, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, p->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, p->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, p->source, -1, SQLITE_STATIC);
	return run(s, S_PRACTICE_ADD);
}

/*
 * practice_rank(practices_fts): how well a practice matches, lower is
 * better, for ORDER BY.  It is Okapi BM25 (k1 = 1.2) over the columns
 * weighted by where a word is found: the title counts 4, the tags 3, the
 * summary 2, the text 1.  Unlike FTS5's own bm25() it does not divide by
 * the practice's length (BM25 with b = 0): that needs each hit's column
 * sizes, a look-up per hit that makes ranking a common word's thousands
 * of hits ten times slower, and practices are of much the same length.
 * Each phrase's weight (idf) is computed once a query and kept with it.
 */
static const double	column_weight[] = { 4, 2, 1, 3 };	/* fts columns */

static int
count_row(const Fts5ExtensionApi *x, Fts5Context *c, void *arg)
{
	(void)x;
	(void)c;
	(*(sqlite3_int64 *)arg)++;
	return SQLITE_OK;
}

static void
practice_rank(const Fts5ExtensionApi *x, Fts5Context *c,
    sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int		 nphrase = x->xPhraseCount(c), rc = SQLITE_OK;
	double		*idf = x->xGetAuxdata(c, 0), score = 0;

	(void)argc;
	(void)argv;
	if (idf == NULL) {
		sqlite3_int64	 rows, hits;

		if ((idf = sqlite3_malloc64(sizeof(*idf) *
		    (size_t)(nphrase + 1))) == NULL) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		/* one phrase's weight scales every score alike: it would not
		 * change the order, and counting its hits costs a pass */
		idf[0] = 1;
		rc = x->xRowCount(c, &rows);
		for (int p = 0; nphrase > 1 && p < nphrase && rc == SQLITE_OK;
		    p++) {
			hits = 0;
			rc = x->xQueryPhrase(c, p, &hits, count_row);
			idf[p] = log(((double)(rows - hits) + 0.5) /
			    ((double)hits + 0.5));
			if (idf[p] <= 0)	/* in most practices: still counts */
				idf[p] = 1e-6;
		}
		if (rc == SQLITE_OK)
			rc = x->xSetAuxdata(c, idf, sqlite3_free);
		else
			sqlite3_free(idf);
		if (rc != SQLITE_OK) {
			sqlite3_result_error_code(ctx, rc);
			return;
		}
	}
	for (int p = 0; p < nphrase; p++) {
		Fts5PhraseIter	 it;
		int		 col, off;
		double		 tf = 0;

		if ((rc = x->xPhraseFirst(c, p, &it, &col, &off)) != SQLITE_OK)
			break;
		for (; col >= 0; x->xPhraseNext(c, &it, &col, &off))
			if ((size_t)col < sizeof(column_weight) /
			    sizeof(column_weight[0]))
				tf += column_weight[col];
		score += idf[p] * tf * 2.2 / (tf + 1.2);
	}
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
	else
		sqlite3_result_double(ctx, -score);
}

/* Register practice_rank with the connection's FTS5, once. */
static int
ranking(struct sqlite_store *s)
{
	sqlite3_stmt	*st;
	fts5_api	*api = NULL;

	if (s->ranking)
		return 0;
	if (sqlite3_prepare_v2(s->db, "SELECT fts5(?1)", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_error(s, "finding full-text search");
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL || api->xCreateFunction(api, "practice_rank", NULL,
	    practice_rank, NULL) != SQLITE_OK)
		return error("%s: this SQLite has no full-text search (FTS5)",
		    s->path);
	s->ranking = 1;
	return 0;
}

int
sq_practice_search(struct store *base, const char *match, long long limit,
    int (*fn)(const struct practice *, const char *, void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st, *row;
	struct practice	 p;
	int		 rc, hrc = SQLITE_ROW, ret = 0;

	if (match && ranking(s) == -1)
		return -1;
	row = st = stmt(s, match ? S_PRACTICE_SEARCH : S_PRACTICE_ALL);
	if (match)
		sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, match ? 2 : 1, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (match) {
			row = stmt(s, S_PRACTICE_HIT);
			sqlite3_bind_text(row, 1, match, -1, SQLITE_STATIC);
			sqlite3_bind_int64(row, 2, sqlite3_column_int64(st, 0));
			if ((hrc = sqlite3_step(row)) != SQLITE_ROW) {
				sqlite3_reset(row);
				break;
			}
		}
		p.id = sqlite3_column_int64(row, 0);
		p.country = sqlite3_column_int(row, 1);
		p.pillar = sqlite3_column_int(row, 2);
		p.title = col_text(row, 3);
		p.tags = col_text(row, 4);
		p.summary = col_text(row, 5);
		p.body = col_text(row, 6);
		p.date = col_text(row, 7);
		p.source = col_text(row, 8);
		ret = fn(&p, col_text(row, 9), arg);
		if (match)
			sqlite3_reset(row);
		if (ret != 0)
			break;
	}
	if (ret == 1)		/* the caller has all it wants */
		ret = 0;
	if (hrc != SQLITE_ROW)
		rc = hrc;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "searching practices");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return ret;
}

int
sq_plan_objective_set(struct store *base, const char *code, const char *text,
    int *found)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_PLAN_OBJ_SET);

	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	if (run(s, S_PLAN_OBJ_SET) == -1)
		return -1;
	*found = sqlite3_changes(s->db) > 0;
	return 0;
}

int
sq_plan_objective_each(struct store *base,
    int (*fn)(const char *, const char *, void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_PLAN_OBJ_EACH);
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((ret = fn(col_text(st, 0), col_text(st, 1), arg)) == -1)
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading the plan's objectives");
	sqlite3_reset(st);
	return ret;
}

int
sq_plan_action_put(struct store *base, struct plan_action *a)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	enum stmt	 i = a->id ? S_PLAN_UPDATE : S_PLAN_ADD;
	sqlite3_stmt	*st = stmt(s, i);
	char		 now[21];

	sqlite3_bind_int(st, 1, a->actor_kind);
	sqlite3_bind_text(st, 2, a->actor, -1, SQLITE_STATIC);
	bind_nr(st, 3, a->country);
	sqlite3_bind_text(st, 4, a->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, a->description ? a->description : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int(st, 6, a->pillars);
	sqlite3_bind_int(st, 7, a->objectives);
	bind_text(st, 8, a->start);
	bind_text(st, 9, a->due);
	sqlite3_bind_int(st, 10, a->status);
	bind_nr(st, 11, a->horizon);
	sqlite3_bind_text(st, 12, a->source, -1, SQLITE_STATIC);
	if (a->id)
		sqlite3_bind_int64(st, 13, a->id);
	else {
		time_iso(now);
		sqlite3_bind_text(st, 13, now, -1, SQLITE_TRANSIENT);
	}
	if (run(s, i) == -1)
		return -1;
	if (a->id == 0)
		a->id = sqlite3_last_insert_rowid(s->db);
	else if (sqlite3_changes(s->db) == 0)
		return error("no action %lld", (long long)a->id);
	return 0;
}

int
sq_plan_action_each(struct store *base,
    int (*fn)(const struct plan_action *, void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_PLAN_EACH);
	struct plan_action a;
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a.id = sqlite3_column_int64(st, 0);
		a.actor_kind = sqlite3_column_int(st, 1);
		a.actor = col_text(st, 2);
		a.country = col_nr(st, 3);
		a.title = col_text(st, 4);
		a.description = col_text(st, 5);
		a.pillars = sqlite3_column_int(st, 6);
		a.objectives = sqlite3_column_int(st, 7);
		a.start = col_text_or_null(st, 8);
		a.due = col_text_or_null(st, 9);
		a.status = sqlite3_column_int(st, 10);
		a.horizon = col_nr(st, 11);
		a.source = col_text(st, 12);
		if ((ret = fn(&a, arg)) == -1)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading the plan's actions");
	sqlite3_reset(st);
	return ret;
}

int
sq_plan_item_put(struct store *base, const struct plan_item *it)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	enum stmt	 i = it->kind == PC_NOTE ? S_PLAN_NOTE_ADD :
			    it->kind == PC_INDICATOR ? S_PLAN_IND_PUT :
			    S_PLAN_EVID_ADD;
	sqlite3_stmt	*st = stmt(s, i);

	sqlite3_bind_int64(st, 1, it->action);
	if (it->kind == PC_NOTE) {
		sqlite3_bind_text(st, 2, it->date, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, it->text, -1, SQLITE_STATIC);
	} else {
		sqlite3_bind_text(st, 2, it->text, -1, SQLITE_STATIC);
		if (it->kind == PC_INDICATOR) {
			if (it->target == NR)
				sqlite3_bind_null(st, 3);
			else
				sqlite3_bind_int64(st, 3, it->target);
			if (it->actual == NR)
				sqlite3_bind_null(st, 4);
			else
				sqlite3_bind_int64(st, 4, it->actual);
		}
	}
	return run(s, i);
}

int
sq_plan_item_each(struct store *base,
    int (*fn)(const struct plan_item *, void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_PLAN_ITEMS);
	struct plan_item it;
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		it.action = sqlite3_column_int64(st, 0);
		it.kind = (enum plan_child)sqlite3_column_int(st, 1);
		it.text = col_text(st, 2);
		it.date = col_text_or_null(st, 3);
		it.target = sqlite3_column_type(st, 4) == SQLITE_NULL ? NR :
		    sqlite3_column_int64(st, 4);
		it.actual = sqlite3_column_type(st, 5) == SQLITE_NULL ? NR :
		    sqlite3_column_int64(st, 5);
		if ((ret = fn(&it, arg)) == -1)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading the plan's notes and indicators");
	sqlite3_reset(st);
	return ret;
}

int
sq_icat_member_add(struct store *base, const char *name)
{
	struct sqlite_store *s = (struct sqlite_store *)base;

	sqlite3_bind_text(stmt(s, S_ICAT_MEMBER_ADD), 1, name, -1,
	    SQLITE_STATIC);
	return run(s, S_ICAT_MEMBER_ADD);
}

int
sq_icat_cochair_put(struct store *base, int year, const char *member,
    int *found)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_ICAT_COCHAIR);

	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_text(st, 2, member, -1, SQLITE_STATIC);
	if (run(s, S_ICAT_COCHAIR) == -1)
		return -1;
	*found = sqlite3_changes(s->db) > 0;
	return 0;
}

int
sq_icat_meeting_add(struct store *base, const char *date, const char *title,
    const char *place, int64_t *id)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_ICAT_MEETING_ADD);

	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, place ? place : "", -1, SQLITE_STATIC);
	if (run(s, S_ICAT_MEETING_ADD) == -1)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int
sq_icat_attendee_add(struct store *base, int64_t meeting, const char *kind,
    const char *name, int *found)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_ICAT_ATTEND);

	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, meeting);
	if (run(s, S_ICAT_ATTEND) == -1)
		return -1;
	*found = sqlite3_changes(s->db) > 0;
	return 0;
}

int
sq_icat_each(struct store *base, int table,
    int (*fn)(const char *const *, void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	static const enum stmt tables[] = { S_ICAT_MEMBERS, S_ICAT_COCHAIRS,
	    S_ICAT_MEETINGS, S_ICAT_ATTENDEES };
	sqlite3_stmt	*st;
	const char	*v[4];
	int		 rc, ret = 0, n;

	if (table < 0 || table > 3)
		return error("icat: no such table");
	st = stmt(s, tables[table]);
	n = sqlite3_column_count(st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n && i < 4; i++)
			v[i] = col_text(st, i);
		if ((ret = fn(v, arg)) == -1)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading ICAT");
	sqlite3_reset(st);
	return ret;
}

int
sq_crim_put(struct store *base, int country, int form, const char *status,
    const char *law, const char *date)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_CRIM_PUT);

	sqlite3_bind_int(st, 1, country);
	sqlite3_bind_int(st, 2, form);
	sqlite3_bind_text(st, 3, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, law ? law : "", -1, SQLITE_STATIC);
	bind_text(st, 5, date);
	return run(s, S_CRIM_PUT);
}

int
sq_crim_each(struct store *base, int (*fn)(int, int, const char *,
    const char *, const char *, void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_CRIM_EACH);
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((ret = fn(sqlite3_column_int(st, 0), sqlite3_column_int(st,
		    1), col_text(st, 2), col_text(st, 3), col_text(st, 4),
		    arg)) == -1)
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading criminalisation");
	sqlite3_reset(st);
	return ret;
}


int
sq_mech_meeting_add(struct store *base, const char *date, const char *place,
    const char *topics, int64_t *id)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_MMEET_ADD);

	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, place ? place : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, topics ? topics : "", -1, SQLITE_STATIC);
	if (run(s, S_MMEET_ADD) == -1)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int
sq_mech_participant_add(struct store *base, int64_t meeting,
    int64_t mechanism, int *found)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_MMEET_PART);

	sqlite3_bind_int64(st, 1, meeting);
	sqlite3_bind_int64(st, 2, mechanism);
	if (run(s, S_MMEET_PART) == -1)
		return -1;
	*found = sqlite3_changes(s->db) > 0;
	return 0;
}

int
sq_mech_meeting_each(struct store *base,
    int (*fn)(const char *const *, void *), void *arg)
{
	struct sqlite_store *s = (struct sqlite_store *)base;
	sqlite3_stmt	*st = stmt(s, S_MMEET_EACH);
	const char	*v[5];
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < 5; i++)
			v[i] = col_text(st, i);
		if ((ret = fn(v, arg)) == -1)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_error(s, "reading mechanisms' meetings");
	sqlite3_reset(st);
	return ret;
}
