/*
 * intake.c: the SQLite backend's operations on what submissions bring:
 * the sources and submissions themselves (provenance), case records,
 * official statistics, population, and the user's readings of free-text
 * origins.  Their SQL is in sql.c with the rest.
 */
#include <stdio.h>
#include <string.h>

#include "store/sqlite/sqlite_int.h"

int
sq_source_ensure(struct store *base, const char *name, int64_t *id)
{
	struct sqlite_store *s = SQ(base);
	char		 now[21];

	sqlite3_bind_text(sq_stmt(s, SQ_SOURCE_GET), 1, name, -1,
	    SQLITE_STATIC);
	if (sq_run_int(s, SQ_SOURCE_GET, id) == -1)
		return -1;
	if (*id)
		return 0;
	time_iso(now);
	sqlite3_bind_text(sq_stmt(s, SQ_SOURCE_ADD), 1, name, -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(sq_stmt(s, SQ_SOURCE_ADD), 2, now, -1,
	    SQLITE_TRANSIENT);
	if (sq_run(s, SQ_SOURCE_ADD) == -1)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int
sq_submission_find(struct store *base, int64_t source, const char *kind,
    const char *sha256, const char *file_name, int64_t except, int64_t *id)
{
	struct sqlite_store *s = SQ(base);
	enum sq_stmt	 i = sha256 ? SQ_SUB_FIND_SHA : SQ_SUB_FIND_NAME;
	sqlite3_stmt	*st = sq_stmt(s, i);

	sqlite3_bind_int64(st, 1, source);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, sha256 ? sha256 : file_name, -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, except);
	return sq_run_int(s, i, id);
}

int
sq_submission_add(struct store *base, int64_t source, struct submission *sub)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_SUB_ADD);

	sqlite3_bind_int64(st, 1, source);
	sqlite3_bind_text(st, 2, sub->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, sub->format, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, sub->file_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, sub->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, sub->rows);
	sqlite3_bind_text(st, 7, sub->operator_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, sub->created_at, -1, SQLITE_STATIC);
	if (sq_run(s, SQ_SUB_ADD) == -1)
		return -1;
	sub->id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int
sq_submission_finish(struct store *base, int64_t id, const char *format,
    const char *sha256, int64_t rows)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_SUB_FINISH);

	if (sq_pack_flush(s) == -1)
		return -1;

	sqlite3_bind_text(st, 1, format, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, rows);
	sqlite3_bind_int64(st, 4, id);
	return sq_run(s, SQ_SUB_FINISH);
}

int
sq_submission_remove(struct store *base, int64_t id, int *found)
{
	struct sqlite_store *s = SQ(base);

	sqlite3_bind_int64(sq_stmt(s, SQ_SUB_REMOVE), 1, id);
	return sq_run_changed(s, SQ_SUB_REMOVE, found);
}

static int
submission_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct submission *sub = sq_push(l);

	sub->id = sqlite3_column_int64(st, 0);
	sub->source = sq_dup(l->a, st, 1);
	sub->kind = sq_dup(l->a, st, 2);
	sub->format = sq_dup(l->a, st, 3);
	sub->file_name = sq_dup(l->a, st, 4);
	sq_col_copy(st, 5, sub->sha256, sizeof(sub->sha256));
	sub->rows = sqlite3_column_int64(st, 6);
	sub->operator_name = sq_dup(l->a, st, 7);
	sq_col_copy(st, 8, sub->created_at, sizeof(sub->created_at));
	return 0;
}

SQ_LIST_OP(sq_submission_list, struct submission, SQ_SUB_EACH,
    "listing submissions", submission_row)

int
sq_case_add(struct store *base, int64_t submission, unsigned long line,
    const struct case_rec *c)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_CASE_ADD);
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
		return sq_error(s, "storing a case");
	return sq_pack_add(s, submission, c);
}

struct case_scan {
	int	(*fn)(const struct case_rec *, int64_t, void *);
	void	*arg;
};

void
sq_case_get(sqlite3_stmt *st, struct case_rec *c)
{
	for (int f = 0; f < CF__MAX; f++)
		c->v[f] = sqlite3_column_type(st, f) == SQLITE_NULL ? NR :
		    sqlite3_column_int(st, f);
}

static int
case_row(sqlite3_stmt *st, void *arg)
{
	struct case_scan *cs = arg;
	struct case_rec	 c;

	sq_case_get(st, &c);
	return cs->fn(&c, sqlite3_column_int64(st, CF__MAX), cs->arg);
}

int
sq_case_each(struct store *base, int64_t lo, int64_t hi,
    int (*fn)(const struct case_rec *, int64_t, void *), void *arg)
{
	struct sqlite_store *s = SQ(base);
	struct case_scan cs = { fn, arg };
	sqlite3_stmt	*st = sq_stmt(s, SQ_CASE_EACH);

	sqlite3_bind_int64(st, 1, lo);
	sqlite3_bind_int64(st, 2, hi);
	return sq_rows(s, SQ_CASE_EACH, "reading cases", case_row, &cs);
}

int
sq_case_range(struct store *base, int64_t *lo, int64_t *hi)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_CASE_RANGE);
	int		 rc = sqlite3_step(st);

	*lo = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	*hi = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return sq_error(s, "reading the range of cases");
	return 0;
}

int
sq_case_count(struct store *base, int64_t lo, int64_t hi, int64_t *n)
{
	struct sqlite_store *s = SQ(base);

	sqlite3_bind_int64(sq_stmt(s, SQ_CASE_COUNT), 1, lo);
	sqlite3_bind_int64(sq_stmt(s, SQ_CASE_COUNT), 2, hi);
	return sq_run_int(s, SQ_CASE_COUNT, n);
}

int
sq_stat_add(struct store *base, int64_t submission, unsigned long line,
    const struct stat_rec *r)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_STAT_ADD);
	int		 rc;

	sqlite3_bind_int64(st, 1, submission);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)line);
	sq_bind_nr(st, 3, r->country);
	sq_bind_text(st, 4, r->country_text);
	sqlite3_bind_int(st, 5, r->year);
	sqlite3_bind_int(st, 6, r->indicator);
	sqlite3_bind_int(st, 7, r->sex);
	sqlite3_bind_int(st, 8, r->age);
	sqlite3_bind_int(st, 9, r->form);
	sqlite3_bind_int(st, 10, r->origin_dim);
	sqlite3_bind_int(st, 11, r->origin_kind);
	sq_bind_nr(st, 12, r->origin_code);
	/* an empty origin is an origin the file left blank, not none */
	if (r->origin_text != NULL)
		sqlite3_bind_text(st, 13, r->origin_text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 13);
	sqlite3_bind_int64(st, 14, r->low);
	sqlite3_bind_int64(st, 15, r->high);
	sq_bind_text(st, 16, r->note);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return sq_error(s, "storing a value");
	return 0;
}

struct stat_scan {
	int	(*fn)(const struct stat_rec *, void *);
	void	*arg;
};

/* A row of SQ_STAT_EACH, its strings the statement's. */
static void
stat_read(sqlite3_stmt *st, struct stat_rec *r)
{
	r->country = sq_col_nr(st, 0);
	r->country_text = sq_col_text_or_null(st, 1);
	r->year = sqlite3_column_int(st, 2);
	r->indicator = sqlite3_column_int(st, 3);
	r->sex = sqlite3_column_int(st, 4);
	r->age = sqlite3_column_int(st, 5);
	r->form = sqlite3_column_int(st, 6);
	r->origin_dim = sqlite3_column_int(st, 7);
	r->origin_kind = sqlite3_column_int(st, 8);
	r->origin_code = sq_col_nr(st, 9);
	r->origin_text = sq_col_text_or_null(st, 10);
	r->low = sqlite3_column_int64(st, 11);
	r->high = sqlite3_column_int64(st, 12);
	r->note = sq_col_text_or_null(st, 13);
	r->part = 0;
	r->id = sqlite3_column_int64(st, 14);
	r->submission = sqlite3_column_int64(st, 15);
	r->superseded_by = sqlite3_column_int64(st, 16);
}

static int
stat_row(sqlite3_stmt *st, void *arg)
{
	struct stat_scan *ss = arg;
	struct stat_rec	 r;

	stat_read(st, &r);
	return ss->fn(&r, ss->arg);
}

int
sq_stat_each(struct store *base, int all,
    int (*fn)(const struct stat_rec *, void *), void *arg)
{
	struct stat_scan ss = { fn, arg };

	return sq_rows(SQ(base), all ? SQ_STAT_EACH_ALL : SQ_STAT_EACH,
	    "reading statistics", stat_row, &ss);
}

int
sq_stat_supersede(struct store *base, int64_t id, int64_t by)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_STAT_SUPERSEDE);

	sqlite3_bind_int64(st, 1, by);
	sqlite3_bind_int64(st, 2, id);
	return sq_run(s, SQ_STAT_SUPERSEDE);
}

int
sq_supersession_add(struct store *base, int64_t submission,
    int64_t superseded, int64_t n)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_SUPERSESSION_ADD);

	sqlite3_bind_int64(st, 1, submission);
	sqlite3_bind_int64(st, 2, superseded);
	sqlite3_bind_int64(st, 3, n);
	return sq_run(s, SQ_SUPERSESSION_ADD);
}

static int
supersession_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct supersession *v = sq_push(l);

	v->submission = sqlite3_column_int64(st, 0);
	v->superseded = sqlite3_column_int64(st, 1);
	v->n = sqlite3_column_int64(st, 2);
	return 0;
}

SQ_LIST_OP(sq_supersession_list, struct supersession, SQ_SUPERSESSION_EACH,
    "reading the supersessions", supersession_row)

int
sq_pop_add(struct store *base, int64_t submission, unsigned long line,
    const struct pop_rec *r)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_POP_ADD);

	sqlite3_bind_int64(st, 1, submission);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)line);
	sqlite3_bind_int(st, 3, r->country);
	sqlite3_bind_int(st, 4, r->year);
	sqlite3_bind_int(st, 5, r->sex);
	sqlite3_bind_int(st, 6, r->age);
	sqlite3_bind_int64(st, 7, r->population);
	return sq_run(s, SQ_POP_ADD);
}

static int
pop_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct pop_rec	*r = sq_push(l);

	r->country = sqlite3_column_int(st, 0);
	r->year = sqlite3_column_int(st, 1);
	r->sex = sqlite3_column_int(st, 2);
	r->age = sqlite3_column_int(st, 3);
	r->population = sqlite3_column_int64(st, 4);
	return 0;
}

SQ_LIST_OP(sq_pop_list, struct pop_rec, SQ_POP_EACH,
    "reading population", pop_row)

int
sq_origin_put(struct store *base, const char *text, int kind, int code)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_ORIGIN_PUT);

	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, kind);
	sq_bind_nr(st, 3, code);
	return sq_run(s, SQ_ORIGIN_PUT);
}

static int
origin_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct origin_reading *o = sq_push(l);

	o->text = sq_dup(l->a, st, 0);
	o->kind = sqlite3_column_int(st, 1);
	o->code = sq_col_nr(st, 2);
	return 0;
}

SQ_LIST_OP(sq_origin_list, struct origin_reading, SQ_ORIGIN_EACH,
    "reading the origin map", origin_row)

int
sq_scheme_put(struct store *base, const char *name, const char *file_name,
    int64_t *id)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_SCHEME_PUT);
	char		 now[21];

	time_iso(now);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, file_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, operator_name(), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	if (sq_run_int(s, SQ_SCHEME_PUT, id) == -1)
		return -1;
	sqlite3_bind_int64(sq_stmt(s, SQ_SCHEME_CLEAR), 1, *id);
	return sq_run(s, SQ_SCHEME_CLEAR);
}

int
sq_scheme_member_add(struct store *base, int64_t scheme, int country,
    const char *region)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_SCHEME_MEMBER_ADD);

	sqlite3_bind_int64(st, 1, scheme);
	sqlite3_bind_int(st, 2, country);
	sqlite3_bind_text(st, 3, region, -1, SQLITE_STATIC);
	return sq_run(s, SQ_SCHEME_MEMBER_ADD);
}

static int
scheme_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct region_scheme *v = sq_push(l);

	v->name = sq_dup(l->a, st, 0);
	v->file_name = sq_dup(l->a, st, 1);
	v->operator_name = sq_dup(l->a, st, 2);
	v->created_at = sq_dup(l->a, st, 3);
	v->countries = sqlite3_column_int64(st, 4);
	v->regions = sqlite3_column_int64(st, 5);
	return 0;
}

SQ_LIST_OP(sq_scheme_list, struct region_scheme, SQ_SCHEME_EACH,
    "reading the region schemes", scheme_row)

static int
member_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct region_member *v = sq_push(l);

	v->country = sqlite3_column_int(st, 0);
	v->region = sq_dup(l->a, st, 1);
	return 0;
}

int
sq_scheme_members(struct store *base, const char *name, struct arena *a,
    struct region_member **v, size_t *n)
{
	struct sqlite_store *s = SQ(base);
	void		*p;
	int		 rc;

	sqlite3_bind_text(sq_stmt(s, SQ_SCHEME_MEMBERS), 1, name, -1,
	    SQLITE_TRANSIENT);
	rc = sq_list(s, SQ_SCHEME_MEMBERS, "reading a region scheme",
	    member_row, a, sizeof(**v), &p, n);
	*v = p;
	return rc;
}
