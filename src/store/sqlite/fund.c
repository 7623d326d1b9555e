/*
 * fund.c: the SQLite backend's operations on the Trust Fund's
 * ledger (model.h).  Their SQL is in sql.c with the rest; the
 * schema, with the triggers that keep entries append-only and the balances
 * up to date, is migration 0010.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "store/sqlite/sqlite_int.h"

/* The account of that name, or -1: one comparison, as the journal is
 * read a line at a time. */
static int
account_index(const char *s)
{
	int	 a = -1;

	switch (s[0]) {
	case 'c':
		a = s[1] == 'a' ? FA_CASH : FA_INCOME;
		break;
	case 'p':
		a = strlen(s) > 8 && s[8] == 'r' ? FA_PLEDGES : FA_COMMITTED;
		break;
	case 'g':
		a = strlen(s) > 7 && s[7] == 'a' ? FA_APPROVED : s[7] == 'u' ?
		    FA_UNDISBURSED : FA_EXPENSE;
		break;
	case 's':
		a = FA_SUPPORT;
		break;
	default:
		return -1;
	}
	return strcmp(fund_account_names[a], s) == 0 ? a : -1;
}

static int64_t
col_id(sqlite3_stmt *st, int col)
{
	return sqlite3_column_int64(st, col);	/* 0 for NULL */
}

int
sq_fund_donor_add(struct store *base, struct fund_donor *d)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_FUND_DONOR_ADD);
	char		 now[21];

	time_iso(now);
	sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, donor_kind_names[d->kind], -1, SQLITE_STATIC);
	sq_bind_nr(st, 3, d->country);
	sqlite3_bind_text(st, 4, operator_name(), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	if (sq_run(s, SQ_FUND_DONOR_ADD) == -1)
		return -1;
	d->id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

static void
donor_read(sqlite3_stmt *st, struct fund_donor *d)
{
	d->id = col_id(st, 0);
	d->name = sq_col_text(st, 1);
	d->kind = name_find(donor_kind_names, DK__MAX, sq_col_text(st, 2));
	d->country = sq_col_nr(st, 3);
}

int
sq_fund_donor_find(struct store *base, const char *name,
    struct fund_donor *d, int *found)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_FUND_DONOR_FIND);
	int		 rc;

	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if ((*found = rc == SQLITE_ROW)) {
		donor_read(st, d);
		d->name = name;
	}
	sqlite3_reset(st);
	sq_clear(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_error(s, "finding a donor");
	return 0;
}

static int
donor_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct fund_donor *d = sq_push(l);

	donor_read(st, d);
	d->name = sq_dup(l->a, st, 1);
	return 0;
}

SQ_LIST_OP(sq_fund_donor_list, struct fund_donor, SQ_FUND_DONOR_EACH,
    "reading donors", donor_row)

static void
pledge_read(sqlite3_stmt *st, struct fund_pledge *p)
{
	p->id = col_id(st, 0);
	p->entry = col_id(st, 1);
	p->donor = col_id(st, 2);
	sq_col_copy(st, 3, p->currency, sizeof(p->currency));
	p->amount = sqlite3_column_int64(st, 4);
	sq_col_copy(st, 5, p->rate, sizeof(p->rate));
	sq_col_copy(st, 6, p->date, sizeof(p->date));
	sq_col_copy(st, 7, p->from, sizeof(p->from));
	sq_col_copy(st, 8, p->to, sizeof(p->to));
}

static void
grant_read(sqlite3_stmt *st, struct fund_grant *g)
{
	g->id = col_id(st, 0);
	g->entry = col_id(st, 1);
	g->cycle = sqlite3_column_int(st, 2);
	g->window = name_find(grant_window_names, GW__MAX, sq_col_text(st, 3));
	g->grantee = sq_col_text(st, 4);
	g->country = sqlite3_column_int(st, 5);
	g->amount = sqlite3_column_int64(st, 6);
	sq_col_copy(st, 7, g->start, sizeof(g->start));
	sq_col_copy(st, 8, g->end, sizeof(g->end));
	sq_col_copy(st, 9, g->date, sizeof(g->date));
}

/* Read one row of statement i by id into *out with read; *found. */
static int
get_one(struct sqlite_store *s, enum sq_stmt i, int64_t id,
    void (*read)(sqlite3_stmt *, void *), void *out, int *found)
{
	sqlite3_stmt	*st = sq_stmt(s, i);
	int		 rc;

	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if ((*found = rc == SQLITE_ROW))
		read(st, out);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_error(s, "reading the fund's ledger");
	return 0;
}

static void
pledge_read_any(sqlite3_stmt *st, void *out)
{
	pledge_read(st, out);
}

static void
grant_read_any(sqlite3_stmt *st, void *out)
{
	grant_read(st, out);
	((struct fund_grant *)out)->grantee = NULL;	/* not kept */
}

int
sq_fund_pledge_get(struct store *base, int64_t id, struct fund_pledge *p,
    int *found)
{
	return get_one(SQ(base), SQ_FUND_PLEDGE_GET, id,
	    pledge_read_any, p, found);
}

int
sq_fund_grant_get(struct store *base, int64_t id, struct fund_grant *g,
    int *found)
{
	return get_one(SQ(base), SQ_FUND_GRANT_GET, id,
	    grant_read_any, g, found);
}

static int
pledge_row(sqlite3_stmt *st, struct sq_list *l)
{
	pledge_read(st, sq_push(l));
	return 0;
}

SQ_LIST_OP(sq_fund_pledge_list, struct fund_pledge, SQ_FUND_PLEDGE_EACH,
    "reading pledges", pledge_row)

static int
grant_row(sqlite3_stmt *st, struct sq_list *l)
{
	struct fund_grant *g = sq_push(l);

	grant_read(st, g);
	g->grantee = sq_dup(l->a, st, 4);
	return 0;
}

SQ_LIST_OP(sq_fund_grant_list, struct fund_grant, SQ_FUND_GRANT_EACH,
    "reading grants", grant_row)

/* The entry's columns 0 to 12 of a row of SQ_FUND_ENTRY_GET or _EACH. */
static void
entry_read(sqlite3_stmt *st, struct fund_entry *e)
{
	e->id = col_id(st, 0);
	sq_col_copy(st, 1, e->date, sizeof(e->date));
	e->kind = name_find(fund_kind_names, FE__MAX, sq_col_text(st, 2));
	sq_col_copy(st, 3, e->currency, sizeof(e->currency));
	sq_col_copy(st, 4, e->rate, sizeof(e->rate));
	e->donor = col_id(st, 5);
	e->pledge = col_id(st, 6);
	e->grant = col_id(st, 7);
	e->reverses = col_id(st, 8);
	e->reversed_by = col_id(st, 9);
	e->memo = sq_col_text_or_null(st, 10);
	e->posted_by = sq_col_text_or_null(st, 11);
	e->posted_at = sq_col_text_or_null(st, 12);
	e->nlines = 0;
}

/* The entry's columns of a row of SQ_FUND_ENTRY_SUMS. */
static void
entry_read_sums(sqlite3_stmt *st, struct fund_entry *e)
{
	memset(e, 0, offsetof(struct fund_entry, lines));
	e->id = col_id(st, 0);
	sq_col_copy(st, 1, e->date, sizeof(e->date));
	e->kind = name_find(fund_kind_names, FE__MAX, sq_col_text(st, 2));
	sq_col_copy(st, 3, e->currency, sizeof(e->currency));
	e->donor = col_id(st, 4);
	e->reverses = col_id(st, 5);
	e->nlines = 0;
}

/* Append the line in columns col.. to e; -1 when there are too many. */
static int
line_read(sqlite3_stmt *st, int col, struct fund_entry *e)
{
	struct fund_line *l;
	int		 a = account_index(sq_col_text(st, col));

	if (e->nlines == FUND_LINES_MAX || a == -1)
		return -1;
	l = &e->lines[e->nlines++];
	l->account = a;
	l->ref = sqlite3_column_int64(st, col + 1);
	l->amount = sqlite3_column_int64(st, col + 2);
	l->usd = sqlite3_column_int64(st, col + 3);
	return 0;
}

/* An entry whose lines palermo does not write: -1, said. */
static int
bad_lines(struct sqlite_store *s, int64_t id)
{
	return error("%s: entry %lld has lines palermo does not write (too "
	    "many, or an unknown account)", s->path, (long long)id);
}

struct lines_read {
	struct sqlite_store *s;
	struct fund_entry *e;
};

static int
lines_row(sqlite3_stmt *st, void *arg)
{
	struct lines_read *lr = arg;

	return line_read(st, 0, lr->e) == -1 ? bad_lines(lr->s, lr->e->id) :
	    0;
}

/* An entry from SQ_FUND_ENTRY_GET, without the texts it would point to. */
static void
entry_read_any(sqlite3_stmt *st, void *out)
{
	struct fund_entry *e = out;

	entry_read(st, e);
	e->memo = e->posted_by = e->posted_at = NULL;
}

int
sq_fund_entry_get(struct store *base, int64_t id, struct fund_entry *e,
    int *found)
{
	struct sqlite_store *s = SQ(base);
	struct lines_read lr = { s, e };

	if (get_one(s, SQ_FUND_ENTRY_GET, id, entry_read_any, e, found) ==
	    -1)
		return -1;
	if (!*found)
		return 0;
	sqlite3_bind_int64(sq_stmt(s, SQ_FUND_LINES_GET), 1, id);
	return sq_rows(s, SQ_FUND_LINES_GET, "reading an entry's lines",
	    lines_row, &lr);
}

/* The journal read a line at a time, an entry handed on once it has
 * all its lines. */
struct entry_scan {
	struct sqlite_store *s;
	int		 full;
	int		 stopped;	/* fn said stop */
	int		(*fn)(const struct fund_entry *, void *);
	void		*arg;
	struct fund_entry e;
	struct buf	 memo, by;	/* the row goes when the next is read: */
	char		 at[24];	/* keep its text */
};

static int
entry_row(sqlite3_stmt *st, void *arg)
{
	struct entry_scan *es = arg;
	struct fund_entry *e = &es->e;
	int		 ret;

	if (sqlite3_column_int64(st, 0) != e->id) {
		if (e->id != 0 && (ret = es->fn(e, es->arg)) != 0) {
			es->stopped = ret == 1;
			return ret;
		}
		if (!es->full)
			entry_read_sums(st, e);
		else {
			entry_read(st, e);
			buf_reset(&es->memo);
			buf_adds(&es->memo, sq_col_text(st, 10));
			buf_reset(&es->by);
			buf_adds(&es->by, sq_col_text(st, 11));
			sq_col_copy(st, 12, es->at, sizeof(es->at));
			e->memo = es->memo.s;
			e->posted_by = es->by.s;
			e->posted_at = es->at;
		}
	}
	if (line_read(st, es->full ? 13 : 6, e) == -1)
		return bad_lines(es->s, e->id);
	return 0;
}

int
sq_fund_entry_each(struct store *base, const char *to, int full,
    int (*fn)(const struct fund_entry *, void *), void *arg)
{
	struct sqlite_store *s = SQ(base);
	enum sq_stmt	 i = full ? SQ_FUND_ENTRY_EACH : SQ_FUND_ENTRY_SUMS;
	struct entry_scan es;
	int		 ret;

	memset(&es, 0, sizeof(es));
	es.s = s;
	es.full = full;
	es.fn = fn;
	es.arg = arg;
	buf_init(&es.memo, 0);
	buf_init(&es.by, 0);
	sqlite3_bind_text(sq_stmt(s, i), 1, to ? to : "9999-12-31", -1,
	    SQLITE_STATIC);
	ret = sq_rows(s, i, "reading the fund's ledger", entry_row, &es);
	/* the last entry, unless the scan stopped or failed */
	if (ret == 0 && es.e.id != 0 && !es.stopped)
		ret = fn(&es.e, arg);
	if (ret == 1)
		ret = 0;
	buf_release(&es.memo);
	buf_release(&es.by);
	return ret;
}

int
sq_fund_balance_get(struct store *base, int account, int64_t ref,
    int64_t *amount, int64_t *usd)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, ref == FUND_REF_ALL ? SQ_FUND_TOTAL_GET :
	    SQ_FUND_BAL_GET);
	int		 rc;

	sqlite3_bind_text(st, 1, fund_account_names[account], -1,
	    SQLITE_STATIC);
	if (ref != FUND_REF_ALL)
		sqlite3_bind_int64(st, 2, ref);
	rc = sqlite3_step(st);
	*amount = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	*usd = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_error(s, "reading a balance");
	return 0;
}

struct balance_scan {
	int	(*fn)(int, int64_t, int64_t, int64_t, void *);
	void	*arg;
};

static int
balance_row(sqlite3_stmt *st, void *arg)
{
	struct balance_scan *bs = arg;

	return bs->fn(account_index(sq_col_text(st, 0)),
	    sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
	    sqlite3_column_int64(st, 3), bs->arg);
}

int
sq_fund_balance_each(struct store *base,
    int (*fn)(int, int64_t, int64_t, int64_t, void *), void *arg)
{
	struct balance_scan bs = { fn, arg };

	return sq_rows(SQ(base), SQ_FUND_BAL_EACH, "reading balances",
	    balance_row, &bs);
}

int
sq_fund_post(struct store *base, struct fund_entry *e, struct fund_pledge *p,
    struct fund_grant *g)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_FUND_ENTRY_ADD);
	char		 now[21];
	int64_t		 made = 0;

	time_iso(now);
	e->posted_by = operator_name();
	sqlite3_bind_text(st, 1, e->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, fund_kind_names[e->kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, e->currency, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e->rate, -1, SQLITE_STATIC);
	sq_bind_id(st, 5, e->donor);
	sq_bind_id(st, 6, e->pledge);
	sq_bind_id(st, 7, e->grant);
	sq_bind_id(st, 8, e->reverses);
	sqlite3_bind_text(st, 9, e->memo ? e->memo : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, e->posted_by, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, now, -1, SQLITE_TRANSIENT);
	if (sq_run(s, SQ_FUND_ENTRY_ADD) == -1)
		return -1;
	e->id = sqlite3_last_insert_rowid(s->db);
	if (p != NULL) {
		st = sq_stmt(s, SQ_FUND_PLEDGE_ADD);
		sqlite3_bind_int64(st, 1, e->id);
		sqlite3_bind_int64(st, 2, p->donor);
		sqlite3_bind_text(st, 3, p->currency, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, p->amount);
		sqlite3_bind_text(st, 5, p->rate, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, p->date, -1, SQLITE_STATIC);
		sq_bind_text(st, 7, p->from);
		sq_bind_text(st, 8, p->to);
		if (sq_run(s, SQ_FUND_PLEDGE_ADD) == -1)
			return -1;
		made = p->id = sqlite3_last_insert_rowid(s->db);
		p->entry = e->id;
	}
	if (g != NULL) {
		st = sq_stmt(s, SQ_FUND_GRANT_ADD);
		sqlite3_bind_int64(st, 1, e->id);
		sqlite3_bind_int(st, 2, g->cycle);
		sqlite3_bind_text(st, 3, grant_window_names[g->window], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 4, g->grantee, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, g->country);
		sqlite3_bind_int64(st, 6, g->amount);
		sqlite3_bind_text(st, 7, g->start, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, g->end, -1, SQLITE_STATIC);
		if (sq_run(s, SQ_FUND_GRANT_ADD) == -1)
			return -1;
		made = g->id = sqlite3_last_insert_rowid(s->db);
		g->entry = e->id;
	}
	for (int i = 0; i < e->nlines; i++) {
		struct fund_line *l = &e->lines[i];

		if (l->ref == FUND_REF_NEW)
			l->ref = made;
		st = sq_stmt(s, SQ_FUND_LINE_ADD);
		sqlite3_bind_int64(st, 1, e->id);
		sqlite3_bind_text(st, 2, fund_account_names[l->account], -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, l->ref);
		sqlite3_bind_int64(st, 4, l->amount);
		sqlite3_bind_int64(st, 5, l->usd);
		if (sq_run(s, SQ_FUND_LINE_ADD) == -1)
			return -1;
	}
	return 0;
}

int
sq_fund_cash_low(struct store *base, const char *date, int64_t *low)
{
	struct sqlite_store *s = SQ(base);

	sqlite3_bind_text(sq_stmt(s, SQ_FUND_CASH_LOW), 1, date, -1,
	    SQLITE_STATIC);
	return sq_run_int(s, SQ_FUND_CASH_LOW, low);
}

int
sq_fund_victims_add(struct store *base, const struct fund_victims *v)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_FUND_VICTIMS_ADD);
	char		 now[21];

	time_iso(now);
	sqlite3_bind_int64(st, 1, v->grant);
	sqlite3_bind_text(st, 2, v->date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, v->victims);
	sqlite3_bind_text(st, 4, operator_name(), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, v->form);
	sqlite3_bind_int(st, 7, v->sex);
	sqlite3_bind_int(st, 8, v->age);
	return sq_run(s, SQ_FUND_VICTIMS_ADD);
}

struct victims_scan {
	int	(*fn)(const struct fund_victims *, void *);
	void	*arg;
};

static int
victims_row(sqlite3_stmt *st, void *arg)
{
	struct victims_scan *vs = arg;
	struct fund_victims v;

	v.grant = sqlite3_column_int64(st, 0);
	v.date = sq_col_text(st, 1);
	v.victims = sqlite3_column_int64(st, 2);
	v.form = sqlite3_column_int(st, 3);
	v.sex = sqlite3_column_int(st, 4);
	v.age = sqlite3_column_int(st, 5);
	return vs->fn(&v, vs->arg);
}

int
sq_fund_victims_each(struct store *base,
    int (*fn)(const struct fund_victims *, void *), void *arg)
{
	struct victims_scan vs = { fn, arg };

	return sq_rows(SQ(base), SQ_FUND_VICTIMS_EACH,
	    "reading victims assisted", victims_row, &vs);
}
