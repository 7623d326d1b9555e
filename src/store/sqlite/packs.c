/*
 * packs.c: the SQLite backend's packed cases (sqlite_int.h): each
 * submission's cases packed as the engine counts them, in chunks of up to
 * PACK_MAX (model.h), written in the transaction that writes their rows.
 */
#include <stdlib.h>
#include <string.h>

#include "store/sqlite/sqlite_int.h"

/* Write the pack being filled, if it holds any case. */
int
sq_pack_flush(struct sqlite_store *s)
{
	sqlite3_stmt	*st;

	if (s->pk_n == 0)
		return 0;
	st = sq_stmt(s, SQ_PACK_ADD);
	sqlite3_bind_int64(st, 1, s->pk_sub);
	sqlite3_bind_int(st, 2, s->pk_seq);
	sqlite3_bind_int(st, 3, s->pk_n);
	sqlite3_bind_blob(st, 4, s->pk, s->pk_n * PACKED_SIZE, SQLITE_STATIC);
	if (sq_run(s, SQ_PACK_ADD) == -1)
		return -1;
	s->pk_seq++;
	s->pk_n = 0;
	return 0;
}

void
sq_pack_discard(struct sqlite_store *s)
{
	s->pk_n = 0;
	s->pk_seq = 0;
	s->pk_sub = 0;
}

int
sq_pack_add(struct sqlite_store *s, int64_t submission,
    const struct case_rec *c)
{
	struct packed	 p;

	if (s->pk == NULL)
		s->pk = xreallocarray(NULL, PACK_MAX, PACKED_SIZE);
	if (submission != s->pk_sub) {
		if (sq_pack_flush(s) == -1)
			return -1;
		s->pk_sub = submission;
		s->pk_seq = 0;
	}
	packed_init();
	packed_pack(c, &p);
	memcpy(s->pk + (size_t)s->pk_n * PACKED_SIZE, &p, PACKED_SIZE);
	if (++s->pk_n == PACK_MAX)
		return sq_pack_flush(s);
	return 0;
}

/* Pack the cases of the submissions ids[0..n) (in order) again from
 * their rows, in one reading of the cases in the order they were stored
 * (a submission's rows are stored together, in one transaction). */
static int
repack(struct sqlite_store *s, const int64_t *ids, size_t n)
{
	sqlite3_stmt	*st;
	struct case_rec	 c;
	int		 rc;
	char		 sql[80];

	for (size_t i = 0; i < n; i++) {
		snprintf(sql, sizeof(sql), "DELETE FROM case_packs WHERE "
		    "submission_id = %lld", (long long)ids[i]);
		if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
			return sq_error(s, "removing old packs");
	}
	sq_pack_discard(s);
	st = sq_stmt(s, SQ_CASE_EACH);
	sqlite3_bind_int64(st, 1, INT64_MIN);
	sqlite3_bind_int64(st, 2, INT64_MAX);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t	 sub = sqlite3_column_int64(st, CF__MAX);
		size_t	 lo = 0, hi = n;

		while (lo < hi) {	/* is sub among ids? */
			size_t	 mid = lo + (hi - lo) / 2;

			if (ids[mid] < sub)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == n || ids[lo] != sub)
			continue;
		sq_case_get(st, &c);
		if (sq_pack_add(s, sub, &c) == -1)
			break;
	}
	sqlite3_reset(st);
	sq_clear(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return sq_error(s, "reading cases to pack");
	if (rc == SQLITE_ROW || sq_pack_flush(s) == -1)
		return -1;
	sq_pack_discard(s);
	return 0;
}

/* The submissions of cases whose packs do not hold all their rows, in
 * order, into *ids (the caller frees it). */
static int
stale(struct sqlite_store *s, int64_t **ids, size_t *n)
{
	sqlite3_stmt	*st = sq_stmt(s, SQ_PACK_STALE);
	int		 rc;

	*ids = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xreallocarray(*ids, *n + 1, sizeof(**ids));
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return sq_error(s, "reading which packs are missing");
	return 0;
}

/*
 * Rebuild the packs that are not this build's or not whole, in one
 * transaction; a database whose packs are all in order is only read.
 */
int
sq_packs_refresh(struct sqlite_store *s)
{
	int64_t		 have, *ids = NULL;
	int64_t		 layout = (int64_t)packed_layout();
	size_t		 n = 0;

	if (sq_run_int(s, SQ_PACK_LAYOUT, &have) == -1 ||
	    stale(s, &ids, &n) == -1)
		goto fail_read;
	if (have == layout && n == 0)
		return 0;
	free(ids);
	ids = NULL;
	if (sq_run(s, SQ_BEGIN) == -1)
		return -1;
	if (have != layout) {
		char	 sql[96];

		/* every pack is of another layout: all are made again */
		snprintf(sql, sizeof(sql), "DELETE FROM case_packs; DELETE FROM "
		    "pack_layout; INSERT INTO pack_layout VALUES (%lld)",
		    (long long)layout);
		if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
			sq_error(s, "recording the layout of the packs");
			goto fail;
		}
	}
	/* read again in the transaction: another writer may have been first */
	if (stale(s, &ids, &n) == -1 || (n > 0 && repack(s, ids, n) == -1))
		goto fail;
	free(ids);
	return sq_run(s, SQ_COMMIT);
fail:
	sq_pack_discard(s);
	sq_run(s, SQ_ROLLBACK);
fail_read:
	free(ids);
	return -1;
}

int
sq_pack_each(struct store *base, int (*fn)(int64_t, const uint8_t *, int,
    void *), void *arg)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_PACK_EACH);
	int		 rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int	 n = sqlite3_column_int(st, 1);
		const uint8_t *data = sqlite3_column_blob(st, 2);

		if (data == NULL || sqlite3_column_bytes(st, 2) !=
		    n * PACKED_SIZE) {
			ret = error("%s: a pack of submission %lld is not "
			    "%d cases long", s->path, (long long)
			    sqlite3_column_int64(st, 0), n);
			break;
		}
		if ((ret = fn(sqlite3_column_int64(st, 0), data, n, arg)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = sq_error(s, "reading the packed cases");
	sqlite3_reset(st);
	return ret;
}

int
sq_count_put(struct store *base, int64_t submission, int year,
    int64_t layout, int64_t n, const void *data, size_t len)
{
	struct sqlite_store *s = SQ(base);
	sqlite3_stmt	*st = sq_stmt(s, SQ_COUNT_PUT);

	sqlite3_bind_int64(st, 1, submission);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int64(st, 3, layout);
	sqlite3_bind_int64(st, 4, n);
	sqlite3_bind_blob64(st, 5, data, len, SQLITE_STATIC);
	return sq_run(s, SQ_COUNT_PUT);
}

int
sq_count_drop(struct store *base, int64_t submission)
{
	struct sqlite_store *s = SQ(base);

	sqlite3_bind_int64(sq_stmt(s, SQ_COUNT_DROP), 1, submission);
	return sq_run(s, SQ_COUNT_DROP);
}

struct count_walk {
	int	(*fn)(const struct case_count *, void *);
	void	*arg;
};

static int
count_walk_row(sqlite3_stmt *st, void *arg)
{
	const struct count_walk *w = arg;
	struct case_count c;

	c.submission = sqlite3_column_int64(st, 0);
	c.year = sqlite3_column_int(st, 1);
	c.layout = sqlite3_column_int64(st, 2);
	c.n = sqlite3_column_int64(st, 3);
	c.data = sqlite3_column_blob(st, 4);
	c.len = (size_t)sqlite3_column_bytes(st, 4);
	return w->fn(&c, w->arg);
}

int
sq_count_each(struct store *base, int (*fn)(const struct case_count *,
    void *), void *arg)
{
	struct count_walk w = { fn, arg };

	return sq_rows(SQ(base), SQ_COUNT_EACH, "reading the kept counts",
	    count_walk_row, &w);
}
