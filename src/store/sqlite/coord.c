/*
 * coord.c: the SQLite backend's operations on the coordination registers:
 * instruments and the actions of states, criminalisation, the World Day,
 * mechanisms and the practices they share (searched with SQLite's FTS5),
 * the Global Plan of Action and ICAT.  Their SQL is in sql.c with the
 * rest.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite/sqlite_int.h"

/* --- instruments, the actions of states, criminalisation ------------- */

static int
instrument_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct instrument *in = sq_push(l);

	in->id = sqlite3_column_int64(st, 0);
	in->code = sq_dup(l->a, st, 1);
	in->name = sq_dup(l->a, st, 2);
	in->unts_volume = sq_col_nr(st, 3);
	in->unts_number = sq_col_nr(st, 4);
	in->shipped = sqlite3_column_int(st, 5);
	in->in_force = sq_dup(l->a, st, 6);
	in->eif_rule = eif_rule_find((const char *)sqlite3_column_text(st,
	    7));
	in->eif_after = sqlite3_column_int(st, 8);
	in->protocol_to = sqlite3_column_int64(st, 9);
	in->organisations = sqlite3_column_int(st, 10);
	return 0;
}

SQ_LIST_OP(sq_instrument_list, struct instrument, SQ_INSTR_EACH,
    "reading instruments", instrument_row)

int
sq_instrument_add(struct store *base, const struct instrument *in)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_INSTR_ADD);

	sqlite3_bind_text(st, 1, in->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, in->name, -1, SQLITE_STATIC);
	sq_bind_nr(st, 3, in->unts_volume);
	sq_bind_nr(st, 4, in->unts_number);
	sq_bind_text(st, 5, *in->in_force ? in->in_force : NULL);
	sqlite3_bind_text(st, 6, eif_rule_names[in->eif_rule], -1,
	    SQLITE_STATIC);
	sqlite3_bind_int(st, 7, in->eif_after);
	if (in->protocol_to > 0)
		sqlite3_bind_int64(st, 8, in->protocol_to);
	else
		sqlite3_bind_null(st, 8);
	sqlite3_bind_int(st, 9, in->organisations);
	return sq_run(s, SQ_INSTR_ADD);
}

int
sq_action_put(struct store *base, const struct treaty_action *a)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_ACTION_PUT);
	char		 now[21];

	time_iso(now);
	sqlite3_bind_int64(st, 1, a->instrument);
	sqlite3_bind_int(st, 2, a->country);
	sqlite3_bind_int(st, 3, a->action);
	sqlite3_bind_text(st, 4, a->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, a->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
	return sq_run(s, SQ_ACTION_PUT);
}

int
sq_action_remove(struct store *base, int64_t instrument, int country,
    int action, int *found)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_ACTION_REMOVE);

	sqlite3_bind_int64(st, 1, instrument);
	sqlite3_bind_int(st, 2, country);
	sqlite3_bind_int(st, 3, action);
	return sq_run_changed(s, SQ_ACTION_REMOVE, found);
}

static int
action_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct treaty_action *a = sq_push(l);

	a->instrument = sqlite3_column_int64(st, 0);
	a->country = sqlite3_column_int(st, 1);
	a->action = sqlite3_column_int(st, 2);
	a->date = sq_dup(l->a, st, 3);
	a->source = sq_dup(l->a, st, 4);
	return 0;
}

SQ_LIST_OP(sq_action_list, struct treaty_action, SQ_ACTION_EACH,
    "reading instrument actions", action_row)

int
sq_crim_put(struct store *base, const struct crim_entry *c)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_CRIM_PUT);

	sqlite3_bind_int(st, 1, c->country);
	sqlite3_bind_int(st, 2, c->form);
	sqlite3_bind_text(st, 3, c->status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, c->law ? c->law : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c->date ? c->date : "", -1, SQLITE_STATIC);
	return sq_run(s, SQ_CRIM_PUT);
}

static int
crim_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct crim_entry *c = sq_push(l);

	c->country = sqlite3_column_int(st, 0);
	c->form = sqlite3_column_int(st, 1);
	c->status = sq_dup(l->a, st, 2);
	c->law = sq_dup(l->a, st, 3);
	c->date = sq_dup(l->a, st, 4);
	return 0;
}

SQ_LIST_OP(sq_crim_list, struct crim_entry, SQ_CRIM_EACH,
    "reading criminalisation", crim_row)

int
sq_crim_remove(struct store *base, const struct crim_entry *c, int *found)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_CRIM_REMOVE);

	sqlite3_bind_int(st, 1, c->country);
	sqlite3_bind_int(st, 2, c->form);
	sqlite3_bind_text(st, 3, c->date ? c->date : "", -1, SQLITE_STATIC);
	return sq_run_changed(s, SQ_CRIM_REMOVE, found);
}

int
sq_contribution_add(struct store *base, struct contribution *c, int *found)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_CONTRIB_ADD);

	sqlite3_bind_int(st, 1, c->year);
	sqlite3_bind_int(st, 2, c->actor_kind);
	sqlite3_bind_text(st, 3, c->actor, -1, SQLITE_STATIC);
	sq_bind_nr(st, 4, c->country);
	sqlite3_bind_text(st, 5, c->file_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, c->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, c->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, c->operator, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, c->created_at, -1, SQLITE_STATIC);
	if (sq_run_changed(s, SQ_CONTRIB_ADD, found) == -1)
		return -1;
	c->id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int
sq_fund_cycle_add(struct store *base, struct fund_cycle *c)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_CYCLE_ADD);
	char		 now[21];
	int64_t		 n;

	time_iso(now);
	sqlite3_bind_text(st, 1, c->name, -1, SQLITE_STATIC);
	sq_bind_id(st, 2, c->grant_ceiling);
	sq_bind_id(st, 3, c->cycle_ceiling);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	if (sq_run_int(s, SQ_CYCLE_ADD, &n) == -1)
		return -1;
	c->number = (int)n;
	return 0;
}

static int
cycle_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct fund_cycle *c = sq_push(l);

	c->number = sqlite3_column_int(st, 0);
	c->name = sq_dup(l->a, st, 1);
	c->grant_ceiling = sqlite3_column_int64(st, 2);
	c->cycle_ceiling = sqlite3_column_int64(st, 3);
	return 0;
}

SQ_LIST_OP(sq_fund_cycle_list, struct fund_cycle, SQ_CYCLE_EACH,
    "reading the grant cycles", cycle_row)

static int
contribution_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct contribution *c = sq_push(l);

	c->id = sqlite3_column_int64(st, 0);
	c->year = sqlite3_column_int(st, 1);
	c->actor_kind = sqlite3_column_int(st, 2);
	c->actor = sq_dup(l->a, st, 3);
	c->country = sq_col_nr(st, 4);
	c->file_name = sq_dup(l->a, st, 5);
	c->sha256 = sq_dup(l->a, st, 6);
	c->text = sq_dup(l->a, st, 7);
	c->operator = sq_dup(l->a, st, 8);
	c->created_at = sq_dup(l->a, st, 9);
	return 0;
}

SQ_LIST_OP(sq_contribution_list, struct contribution, SQ_CONTRIB_EACH,
    "reading the contributions", contribution_row)

int
sq_sample_mark(struct store *base, const char *kind, uint64_t seed)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_SAMPLE_MARK);
	char		 now[21];

	time_iso(now);
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)seed);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	return sq_run(s, SQ_SAMPLE_MARK);
}

int
sq_sample_kinds(struct store *base, struct buf *b)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_SAMPLE_KINDS);
	int		 rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		buf_addf(b, "%s%s", b->len ? ", " : "",
		    (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : sq_error(s, "reading the samples");
}

static int
history_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct history_entry *h = sq_push(l);

	h->id = sqlite3_column_int64(st, 0);
	h->at = sq_dup(l->a, st, 1);
	h->operator = sq_dup(l->a, st, 2);
	h->reg = sq_dup(l->a, st, 3);
	h->country = sq_col_nr(st, 4);
	h->item = sq_dup(l->a, st, 5);
	h->change = sq_dup(l->a, st, 6);
	h->before = sq_dup(l->a, st, 7);
	h->after = sq_dup(l->a, st, 8);
	return 0;
}

SQ_LIST_OP(sq_history_list, struct history_entry, SQ_HISTORY_EACH,
    "reading the registers' history", history_row)

/* --- the World Day --------------------------------------------------- */

int
sq_worldday_theme_put(struct store *base, int year, const char *theme)
{
	struct sqlite_store *s = SQ(base);

	sqlite3_bind_int(sq_stmt(s, SQ_WD_THEME_PUT), 1, year);
	sqlite3_bind_text(sq_stmt(s, SQ_WD_THEME_PUT), 2, theme, -1,
	    SQLITE_STATIC);
	return sq_run(s, SQ_WD_THEME_PUT);
}

int
sq_worldday_event_add(struct store *base, int year,
    const struct worldday_event *e)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_WD_EVENT_ADD);

	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_text(st, 2, e->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, e->organiser, -1, SQLITE_STATIC);
	sq_bind_nr(st, 4, e->country);
	sq_bind_text(st, 5, e->date);
	return sq_run(s, SQ_WD_EVENT_ADD);
}

static int
event_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct worldday_event *e = sq_push(l);

	e->title = sq_dup(l->a, st, 0);
	e->organiser = sq_dup(l->a, st, 1);
	e->country = sq_col_nr(st, 2);
	e->date = sq_dup_or_null(l->a, st, 3);
	return 0;
}

int
sq_worldday_get(struct store *base, int year, struct arena *a,
    const char **theme, struct worldday_event **v, size_t *n)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_WD_THEME);
	void		*p;
	int		 rc;

	sqlite3_bind_int(st, 1, year);
	rc = sqlite3_step(st);
	*theme = rc == SQLITE_ROW ? sq_dup(a, st, 0) : NULL;
	sqlite3_reset(st);
	*v = NULL;
	*n = 0;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_error(s, "reading the World Day");
	sqlite3_bind_int(sq_stmt(s, SQ_WD_EVENTS), 1, year);
	rc = sq_list(s, SQ_WD_EVENTS, "reading the World Day", event_row, a,
	    sizeof(**v), &p, n);
	*v = p;
	return rc;
}

/* --- mechanisms and practices ---------------------------------------- */

int
sq_mechanism_add(struct store *base, const struct mechanism *m)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_MECH_ADD);

	sqlite3_bind_int(st, 1, m->country);
	sqlite3_bind_text(st, 2, m->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->kind, -1, SQLITE_STATIC);
	sq_bind_text(st, 4, m->mandate);
	sq_bind_text(st, 5, m->office);
	return sq_run(s, SQ_MECH_ADD);
}

static int
mechanism_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct mechanism *m = sq_push(l);

	m->id = sqlite3_column_int64(st, 0);
	m->country = sqlite3_column_int(st, 1);
	m->name = sq_dup(l->a, st, 2);
	m->kind = sq_dup(l->a, st, 3);
	m->mandate = sq_dup(l->a, st, 4);
	m->office = sq_dup(l->a, st, 5);
	return 0;
}

SQ_LIST_OP(sq_mechanism_list, struct mechanism, SQ_MECH_EACH,
    "reading mechanisms", mechanism_row)

int
sq_mech_meeting_add(struct store *base, const char *date, const char *place,
    const char *topics, int64_t *id)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_MMEET_ADD);

	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, place ? place : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, topics ? topics : "", -1, SQLITE_STATIC);
	if (sq_run(s, SQ_MMEET_ADD) == -1)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int
sq_mech_participant_add(struct store *base, int64_t meeting,
    int64_t mechanism, int *found)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_MMEET_PART);

	sqlite3_bind_int64(st, 1, meeting);
	sqlite3_bind_int64(st, 2, mechanism);
	return sq_run_changed(s, SQ_MMEET_PART, found);
}

static int
mech_meeting_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct mech_meeting *m = sq_push(l);

	m->id = sqlite3_column_int64(st, 0);
	m->date = sq_dup(l->a, st, 1);
	m->place = sq_dup(l->a, st, 2);
	m->topics = sq_dup(l->a, st, 3);
	m->participants = sq_dup(l->a, st, 4);
	return 0;
}

SQ_LIST_OP(sq_mech_meeting_list, struct mech_meeting, SQ_MMEET_EACH,
    "reading mechanisms' meetings", mech_meeting_row)

int
sq_practice_add(struct store *base, const struct practice *p)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_PRACTICE_ADD);

	sqlite3_bind_int(st, 1, p->country);
	sqlite3_bind_int(st, 2, p->pillar);
	sqlite3_bind_text(st, 3, p->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->tags, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->summary, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, p->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, p->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, p->source, -1, SQLITE_STATIC);
	return sq_run(s, SQ_PRACTICE_ADD);
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
		return sq_error(s, "finding full-text search");
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

/*
 * The terms as an FTS5 expression: each a quoted string (its quotes
 * doubled), so that nothing a user types is read as query syntax; all
 * must match.  The caller frees it.
 */
static char *
fts_match(const char *const *terms, size_t n)
{
	struct buf	 b = BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(&b, ' ');
		buf_addc(&b, '"');
		for (const char *p = terms[i]; *p; p++) {
			if (*p == '"')
				buf_addc(&b, '"');
			buf_addc(&b, *p);
		}
		buf_addc(&b, '"');
	}
	return buf_detach(&b);
}

/* One search: each hit of SQ_PRACTICE_SEARCH is read in full, with its
 * snippet, by SQ_PRACTICE_HIT; a listing has it all in its rows. */
struct search {
	struct sqlite_store *s;
	const char	*match;		/* NULL for a listing */
	int		(*fn)(const struct practice *, const char *, void *);
	void		*arg;
};

static int
practice_row(sqlite3_stmt *st, void *arg)
{
	struct search	*se = arg;
	struct practice	 p;
	sqlite3_stmt	*row = st;
	int		 rc, ret;

	if (se->match) {
		row = sq_stmt(se->s, SQ_PRACTICE_HIT);
		sqlite3_bind_text(row, 1, se->match, -1, SQLITE_STATIC);
		sqlite3_bind_int64(row, 2, sqlite3_column_int64(st, 0));
		if ((rc = sqlite3_step(row)) != SQLITE_ROW) {
			ret = rc == SQLITE_DONE ? 1 :
			    sq_error(se->s, "searching practices");
			sqlite3_reset(row);
			sq_clear(row);
			return ret;
		}
	}
	p.id = sqlite3_column_int64(row, 0);
	p.country = sqlite3_column_int(row, 1);
	p.pillar = sqlite3_column_int(row, 2);
	p.title = sq_col_text(row, 3);
	p.tags = sq_col_text(row, 4);
	p.summary = sq_col_text(row, 5);
	p.body = sq_col_text(row, 6);
	p.date = sq_col_text(row, 7);
	p.source = sq_col_text(row, 8);
	ret = se->fn(&p, sq_col_text(row, 9), se->arg);
	if (se->match) {
		sqlite3_reset(row);
		sq_clear(row);
	}
	return ret;
}

int
sq_practice_search(struct store *base, const char *const *terms,
    size_t nterms, long long limit,
    int (*fn)(const struct practice *, const char *, void *), void *arg)
{
	struct sqlite_store *s = SQ(base);
	struct search	 se = { s, NULL, fn, arg };
	enum sq_stmt	 i = nterms ? SQ_PRACTICE_SEARCH : SQ_PRACTICE_ALL;
	char		*match = NULL;
	int		 rc;

	if (nterms) {
		if (ranking(s) == -1)
			return -1;
		se.match = match = fts_match(terms, nterms);
		sqlite3_bind_text(sq_stmt(s, i), 1, match, -1, SQLITE_STATIC);
	}
	sqlite3_bind_int64(sq_stmt(s, i), nterms ? 2 : 1, limit);
	rc = sq_rows(s, i, "searching practices", practice_row, &se);
	free(match);
	return rc;
}

/* --- the Global Plan of Action --------------------------------------- */

static int
objective_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct plan_objective *o = sq_push(l);

	o->code = sq_dup(l->a, st, 0);
	o->summary = sq_dup(l->a, st, 1);
	return 0;
}

SQ_LIST_OP(sq_plan_objective_list, struct plan_objective, SQ_PLAN_OBJ_EACH,
    "reading the plan's objectives", objective_row)

int
sq_plan_objective_set(struct store *base, const char *code, const char *text,
    int *found)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_PLAN_OBJ_SET);

	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	return sq_run_changed(s, SQ_PLAN_OBJ_SET, found);
}

int
sq_plan_action_put(struct store *base, struct plan_action *a)
{
	struct sqlite_store *s = SQ(base);
	enum sq_stmt	 i = a->id ? SQ_PLAN_UPDATE : SQ_PLAN_ADD;
	sqlite3_stmt	*st = sq_stmt(s, i);
	char		 now[21];

	sqlite3_bind_int(st, 1, a->actor_kind);
	sqlite3_bind_text(st, 2, a->actor, -1, SQLITE_STATIC);
	sq_bind_nr(st, 3, a->country);
	sqlite3_bind_text(st, 4, a->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, a->description ? a->description : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int(st, 6, a->pillars);
	sqlite3_bind_int(st, 7, a->objectives);
	sq_bind_text(st, 8, a->start);
	sq_bind_text(st, 9, a->due);
	sqlite3_bind_int(st, 10, a->status);
	sq_bind_nr(st, 11, a->horizon);
	sqlite3_bind_text(st, 12, a->source, -1, SQLITE_STATIC);
	if (a->id)
		sqlite3_bind_int64(st, 13, a->id);
	else {
		time_iso(now);
		sqlite3_bind_text(st, 13, now, -1, SQLITE_TRANSIENT);
	}
	if (sq_run(s, i) == -1)
		return -1;
	if (a->id == 0)
		a->id = sqlite3_last_insert_rowid(s->db);
	else if (sqlite3_changes(s->db) == 0)
		return error("no action %lld", (long long)a->id);
	return 0;
}

static int
plan_action_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct plan_action *a = sq_push(l);

	a->id = sqlite3_column_int64(st, 0);
	a->actor_kind = sqlite3_column_int(st, 1);
	a->actor = sq_dup(l->a, st, 2);
	a->country = sq_col_nr(st, 3);
	a->title = sq_dup(l->a, st, 4);
	a->description = sq_dup(l->a, st, 5);
	a->pillars = sqlite3_column_int(st, 6);
	a->objectives = sqlite3_column_int(st, 7);
	a->start = sq_dup_or_null(l->a, st, 8);
	a->due = sq_dup_or_null(l->a, st, 9);
	a->status = sqlite3_column_int(st, 10);
	a->horizon = sq_col_nr(st, 11);
	a->source = sq_dup(l->a, st, 12);
	return 0;
}

SQ_LIST_OP(sq_plan_action_list, struct plan_action, SQ_PLAN_EACH,
    "reading the plan's actions", plan_action_row)

int
sq_plan_item_put(struct store *base, const struct plan_item *it)
{
	struct sqlite_store *s = SQ(base);
	enum sq_stmt	 i = it->kind == PC_NOTE ? SQ_PLAN_NOTE_ADD :
			    it->kind == PC_INDICATOR ? SQ_PLAN_IND_PUT :
			    SQ_PLAN_EVID_ADD;
	sqlite3_stmt	*st = sq_stmt(s, i);

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
	return sq_run(s, i);
}

static int
plan_item_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct plan_item *it = sq_push(l);

	it->action = sqlite3_column_int64(st, 0);
	it->kind = (enum plan_child)sqlite3_column_int(st, 1);
	it->text = sq_dup(l->a, st, 2);
	it->date = sq_dup_or_null(l->a, st, 3);
	it->target = sqlite3_column_type(st, 4) == SQLITE_NULL ? NR :
	    sqlite3_column_int64(st, 4);
	it->actual = sqlite3_column_type(st, 5) == SQLITE_NULL ? NR :
	    sqlite3_column_int64(st, 5);
	return 0;
}

SQ_LIST_OP(sq_plan_item_list, struct plan_item, SQ_PLAN_ITEMS,
    "reading the plan's notes and indicators", plan_item_row)

/* --- ICAT ------------------------------------------------------------ */

int
sq_icat_member_add(struct store *base, const char *name, const char *joined)
{
	struct sqlite_store *s = SQ(base);

	sqlite3_bind_text(sq_stmt(s, SQ_ICAT_MEMBER_ADD), 1, name, -1,
	    SQLITE_STATIC);
	sq_bind_text(sq_stmt(s, SQ_ICAT_MEMBER_ADD), 2, joined);
	return sq_run(s, SQ_ICAT_MEMBER_ADD);
}

int
sq_icat_member_joined(struct store *base, const char *name, const char *date,
    int *found)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_ICAT_JOINED);

	sq_bind_text(st, 1, date);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	return sq_run_changed(s, SQ_ICAT_JOINED, found);
}

int
sq_icat_cochair_put(struct store *base, int year, const char *member,
    int *found)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_ICAT_COCHAIR);

	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_text(st, 2, member, -1, SQLITE_STATIC);
	return sq_run_changed(s, SQ_ICAT_COCHAIR, found);
}

int
sq_icat_meeting_add(struct store *base, const char *date, const char *title,
    const char *place, int64_t *id)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_ICAT_MEETING_ADD);

	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, place ? place : "", -1, SQLITE_STATIC);
	if (sq_run(s, SQ_ICAT_MEETING_ADD) == -1)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int
sq_icat_attendee_add(struct store *base, int64_t meeting, const char *kind,
    const char *name, int *found)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_ICAT_ATTEND);

	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, meeting);
	return sq_run_changed(s, SQ_ICAT_ATTEND, found);
}

static int
member_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct icat_member *m = sq_push(l);

	m->name = sq_dup(l->a, st, 0);
	m->coordinator = sqlite3_column_int(st, 1);
	m->joined = sq_dup(l->a, st, 2);
	return 0;
}

static int
cochair_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct icat_cochair *c = sq_push(l);

	c->year = sqlite3_column_int(st, 0);
	c->member = sq_dup(l->a, st, 1);
	return 0;
}

static int
meeting_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct icat_meeting *m = sq_push(l);

	m->id = sqlite3_column_int64(st, 0);
	m->date = sq_dup(l->a, st, 1);
	m->title = sq_dup(l->a, st, 2);
	m->place = sq_dup(l->a, st, 3);
	return 0;
}

static int
attendee_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct icat_attendee *at = sq_push(l);

	at->meeting = sqlite3_column_int64(st, 0);
	at->kind = sq_dup(l->a, st, 1);
	at->name = sq_dup(l->a, st, 2);
	return 0;
}

SQ_LIST_OP(sq_icat_member_list, struct icat_member, SQ_ICAT_MEMBERS,
    "reading ICAT's members", member_row)
SQ_LIST_OP(sq_icat_cochair_list, struct icat_cochair, SQ_ICAT_COCHAIRS,
    "reading ICAT's co-chairs", cochair_row)
SQ_LIST_OP(sq_icat_meeting_list, struct icat_meeting, SQ_ICAT_MEETINGS,
    "reading ICAT's meetings", meeting_row)
SQ_LIST_OP(sq_icat_attendee_list, struct icat_attendee, SQ_ICAT_ATTENDEES,
    "reading ICAT's attendees", attendee_row)
