/*
 * xlsx_par.c: reading a worksheet's part, on several threads when large.
 *
 * expat alone reads about 100 MB of sheet XML a second, too slow for the
 * 27 MB of the GLOTIP export, so a large sheet is parsed on several
 * threads.  The main parser P0 reads the beginning of the sheet up to the
 * end of a row; then the stream is cut into segments of whole rows, each
 * parsed by a worker as a fragment inside a made-up element, and P0 goes on
 * with what follows the last segment.  A cut is made only just after the
 * text "</row>", and a segment counts only when its fragment parsed cleanly
 * without a comment, a processing instruction or a CDATA section: every
 * '<' in it then starts a tag, so its cuts were made at real end tags.
 * Anything else sends that segment and the rest of the sheet through P0,
 * which reports malformed XML at its true line and column.  The callback
 * sees the rows in order, always on the caller's thread.
 */
#include <expat.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "lib/lib.h"
#include "lib/xlsx_int.h"

#define SEG_BYTES	(128 * 1024)	/* a segment, at least */
#define SEG_MAX		(8 * 1024 * 1024)	/* no "</row>" in this much */
#define SEGS_MAX	(2 * WORKERS_MAX + 1)

/* A segment of whole rows for a worker. */
enum seg_state {
	SEG_FREE,
	SEG_QUEUED,
	SEG_DONE,
};

struct seg {
	struct buf	 data;
	struct batch	 out;
	struct xpos	 delta;		/* lines and columns it spans */
	int		 fallback;	/* P0 must read it instead */
	enum seg_state	 state;
};

struct pool;

struct worker {
	struct pool	*pool;
	struct sheetp	 sp;
	pthread_t	 th;
};

struct pool {
	struct worker	 w[WORKERS_MAX];
	int		 nth;		/* threads running */
	pthread_mutex_t	 mu;
	pthread_cond_t	 work;		/* a segment queued, or quit */
	pthread_cond_t	 done;		/* a segment parsed */
	struct seg	 seg[SEGS_MAX];
	int		 nseg;
	unsigned long	 head;		/* the next segment to hand on */
	unsigned long	 next;		/* the next to parse */
	unsigned long	 tail;		/* the next to fill */
	int		 quit;
	int		 cancel;	/* the results are not wanted */
};

/* ---------------------------------------------------------------------- */
/* Small helpers. */

/* Drop the first n bytes of b. */
static void
buf_drop(struct buf *b, size_t n)
{
	memmove(b->s, b->s + n, b->len - n + 1);
	b->len -= n;
}

/* Where the text s leaves expat's count: lines passed, then columns. */
static void
pos_delta(const char *s, size_t n, struct xpos *d)
{
	const char	*p = s, *e = s + n, *lastnl = NULL;

	d->line = 0;
	for (;;) {
		const char	*lf = memchr(p, '\n', (size_t)(e - p));
		const char	*cr = memchr(p, '\r', (size_t)(e - p));
		const char	*q = lf;

		if (q == NULL || (cr != NULL && cr < q))
			q = cr;
		if (q == NULL)
			break;
		/* CR LF is one end of line, as is a CR or an LF alone */
		if (*q == '\r' && q + 1 < e && q[1] == '\n')
			q++;
		d->line++;
		lastnl = q;
		p = q + 1;
	}
	/* expat counts characters: all bytes but UTF-8 continuation bytes */
	p = lastnl ? lastnl + 1 : s;
	d->col = (unsigned long)(e - p);
	for (; e - p >= 8; p += 8) {
		uint64_t	 w;

		/* one bit per continuation byte, then their sum */
		memcpy(&w, p, 8);
		w = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
		d->col -= (unsigned long)((w * 0x0101010101010101ULL) >> 56);
	}
	for (; p < e; p++)
		d->col -= ((unsigned char)*p & 0xc0) == 0x80;
}

static void
pos_apply(struct xpos *pos, const struct xpos *d)
{
	if (d->line) {
		pos->line += d->line;
		pos->col = d->col;
	} else
		pos->col += d->col;
}

/* ---------------------------------------------------------------------- */
/* The workers. */

/* A worker's parse of one segment as a fragment of content. */
static void
fragment_parse(struct sheetp *sp, struct seg *s)
{
	XML_Parser	 p = sp->p;
	int		 ok;

	XML_ParserReset(p, "UTF-8");
	sheetp_handlers(sp);
	sheetp_clear(sp);
	sp->sheetdata = 1;
	sp->out = &s->out;
	batch_reset(&s->out);
	ok = XML_Parse(p, "<x>", 3, 0) == XML_STATUS_OK &&
	    XML_Parse(p, s->data.s, (int)s->data.len, 0) == XML_STATUS_OK &&
	    XML_Parse(p, "</x>", 4, 1) == XML_STATUS_OK;
	s->fallback = !ok || sp->special || sp->toobig;
	if (!s->fallback)
		pos_delta(s->data.s, s->data.len, &s->delta);
}

static void *
worker_main(void *arg)
{
	struct worker	*w = arg;
	struct pool	*pl = w->pool;
	struct seg	*s;
	int		 cancel;

	pthread_mutex_lock(&pl->mu);
	for (;;) {
		while (!pl->quit && pl->next == pl->tail)
			pthread_cond_wait(&pl->work, &pl->mu);
		if (pl->quit)
			break;
		s = &pl->seg[pl->next++ % (unsigned long)pl->nseg];
		cancel = pl->cancel;
		pthread_mutex_unlock(&pl->mu);
		if (cancel)
			s->fallback = 1;
		else
			fragment_parse(&w->sp, s);
		pthread_mutex_lock(&pl->mu);
		s->state = SEG_DONE;
		pthread_cond_signal(&pl->done);
	}
	pthread_mutex_unlock(&pl->mu);
	return NULL;
}

/* Start the workers; nth is 0 when no thread could be started. */
static struct pool *
pool_start(const struct xlsx *x)
{
	struct pool	*pl = xcalloc(1, sizeof(*pl));

	pthread_mutex_init(&pl->mu, NULL);
	pthread_cond_init(&pl->work, NULL);
	pthread_cond_init(&pl->done, NULL);
	pl->nseg = 2 * x->nth + 1;
	for (int i = 0; i < pl->nseg; i++) {
		buf_init(&pl->seg[i].data, 0);
		batch_init(&pl->seg[i].out);
	}
	for (int i = 0; i < x->nth; i++) {
		struct worker	*w = &pl->w[pl->nth];

		w->pool = pl;
		sheetp_init(&w->sp, x, "UTF-8");
		if (pthread_create(&w->th, NULL, worker_main, w) != 0) {
			sheetp_release(&w->sp);
			break;
		}
		pl->nth++;
	}
	return pl;
}

static void
pool_free(struct pool *pl)
{
	if (pl == NULL)
		return;
	pthread_mutex_lock(&pl->mu);
	pl->quit = pl->cancel = 1;
	pthread_cond_broadcast(&pl->work);
	pthread_mutex_unlock(&pl->mu);
	for (int i = 0; i < pl->nth; i++) {
		pthread_join(pl->w[i].th, NULL);
		sheetp_release(&pl->w[i].sp);
	}
	for (int i = 0; i < pl->nseg; i++) {
		buf_release(&pl->seg[i].data);
		batch_release(&pl->seg[i].out);
	}
	pthread_cond_destroy(&pl->done);
	pthread_cond_destroy(&pl->work);
	pthread_mutex_destroy(&pl->mu);
	free(pl);
}

static void
seg_wait(struct pool *pl, struct seg *s)
{
	pthread_mutex_lock(&pl->mu);
	while (s->state != SEG_DONE)
		pthread_cond_wait(&pl->done, &pl->mu);
	pthread_mutex_unlock(&pl->mu);
}

static int p0_feed(struct xlsx *, struct sheetp *, const char *, size_t,
	    int);

/*
 * A segment P0 must read: cancel the rest, and feed every segment not yet
 * handed on to P0, which reads the rest of the sheet from here.
 */
static int
pool_fallback(struct xlsx *x, struct pool *pl, struct sheetp *p0)
{
	pthread_mutex_lock(&pl->mu);
	pl->cancel = 1;
	pthread_mutex_unlock(&pl->mu);
	x->mode = M_SEQ;
	for (; pl->head != pl->tail; pl->head++) {
		struct seg	*s = &pl->seg[pl->head % (unsigned long)pl->nseg];

		seg_wait(pl, s);
		s->state = SEG_FREE;
		if (p0_feed(x, p0, s->data.s, s->data.len, 0) == -1)
			return -1;
	}
	return 0;
}

/* Hand on the rows of the oldest segment. */
static int
pool_emit(struct xlsx *x, struct pool *pl, struct sheetp *p0)
{
	struct seg	*s = &pl->seg[pl->head % (unsigned long)pl->nseg];

	seg_wait(pl, s);
	if (s->fallback)
		return pool_fallback(x, pl, p0);
	s->state = SEG_FREE;
	pl->head++;
	pos_apply(&x->resume, &s->delta);
	return batch_emit(x, &s->out);
}

static int
pool_drain(struct xlsx *x, struct pool *pl, struct sheetp *p0)
{
	while (x->mode == M_PAR && pl->head != pl->tail)
		if (pool_emit(x, pl, p0) == -1)
			return -1;
	return 0;
}

/* Queue the first split bytes of pend as a segment. */
static int
pool_submit(struct xlsx *x, struct pool *pl, struct sheetp *p0,
    struct buf *pend, size_t split)
{
	struct seg	*s = &pl->seg[pl->tail % (unsigned long)pl->nseg];
	struct buf	 t;

	/* the slot is free once its last segment was handed on */
	while (x->mode == M_PAR &&
	    pl->tail - pl->head >= (unsigned long)pl->nseg)
		if (pool_emit(x, pl, p0) == -1)
			return -1;
	if (x->mode != M_PAR)
		return 0;
	/* the segment takes the buffer; what follows the cut is copied */
	t = s->data;
	s->data = *pend;
	*pend = t;
	buf_reset(pend);
	buf_add(pend, s->data.s + split, s->data.len - split);
	s->data.len = split;
	s->data.s[split] = '\0';
	s->fallback = 0;
	pthread_mutex_lock(&pl->mu);
	s->state = SEG_QUEUED;
	pl->tail++;
	pthread_cond_signal(&pl->work);
	pthread_mutex_unlock(&pl->mu);
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Reading the sheet. */

/* Feed bytes to P0; 0, or -1 after reporting (or when fn stopped). */
static int
p0_feed(struct xlsx *x, struct sheetp *p0, const char *s, size_t n,
    int final)
{
	while (n > 0 || final) {
		int	 k = n > CHUNK ? CHUNK : (int)n;

		if (XML_Parse(p0->p, s, k, final && (size_t)k == n) !=
		    XML_STATUS_OK)
			return parse_fail(x, p0->p, x->part);
		if ((size_t)k == n)
			break;
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

/*
 * Whether every '<' in s after the XML declaration starts a tag, that is
 * whether s holds no comment, CDATA section, processing instruction or
 * DOCTYPE: a '<' cannot stand in text or in an attribute value.  P0 would
 * not tell of a comment it has not yet seen the end of.
 */
static int
tags_only(const char *s, size_t n)
{
	const char	*p = s, *e = s + n;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	if (e - p >= 5 && memcmp(p, "<?xml", 5) == 0)
		p += 5;
	while ((p = memchr(p, '<', (size_t)(e - p))) != NULL && ++p < e)
		if (*p == '!' || *p == '?')
			return 0;
	return 1;
}

/* The offset just past the last "</row>" in s[from, n), or 0. */
static size_t
split_find(const char *s, size_t from, size_t n)
{
	for (size_t i = n; i >= 6 && i - 6 >= from; i--)
		if (s[i - 6] == '<' && memcmp(s + i - 6, "</row>", 6) == 0)
			return i;
	return 0;
}

/*
 * P0 reads the first segment.  The workers take the next ones if the
 * sheet may be cut: UTF-8, P0 between rows in <sheetData>, and nothing in
 * what it read that could hide a cut, such as an unfinished comment.
 */
static int
sheet_first(struct xlsx *x, struct sheetp *p0, struct pool **pool,
    struct buf *pend, size_t split)
{
	if (p0_feed(x, p0, pend->s, split, 0) == -1)
		return -1;
	x->mode = M_SEQ;
	if (x->utf8 && !p0->special && p0->sheetdata > 0 && !p0->in_row &&
	    tags_only(pend->s, split)) {
		pos_delta(pend->s, split, &x->jump);
		x->jump.line++;
		x->resume = x->jump;
		x->jumped = 1;
		*pool = pool_start(x);
		if ((*pool)->nth > 0)
			x->mode = M_PAR;
	}
	buf_drop(pend, split);
	return 0;
}

/* P0 reads what is pending and the rest of the part, to its end. */
static int
sheet_seq(struct xlsx *x, struct sheetp *p0, zip_file_t *f,
    struct buf *pend, uint64_t *total)
{
	zip_int64_t	 n;
	void		*b;

	if (p0_feed(x, p0, pend->s, pend->len, 0) == -1)
		return -1;
	buf_reset(pend);
	do {
		if ((b = XML_GetBuffer(p0->p, CHUNK)) == NULL)
			die("out of memory");
		if ((n = zl.zip_fread(f, b, CHUNK)) < 0) {
			zip_fail(x, x->part, zl.zip_file_strerror(f));
			return -1;
		}
		*total += (uint64_t)n;
		if (n > 0 && x->progress != NULL)
			x->progress(*total, x->arg);
		if (XML_ParseBuffer(p0->p, (int)n, n == 0) != XML_STATUS_OK)
			return parse_fail(x, p0->p, x->part);
	} while (n > 0);
	return 0;
}

int
sheet_read(struct xlsx *x)
{
	struct sheetp	 p0;
	struct pool	*pool = NULL;
	struct buf	 pend;
	zip_file_t	*f = NULL;
	zip_int64_t	 n;
	uint64_t	 total = 0;
	size_t		 scanned = 0, split;
	char		*chunk = NULL;
	int		 rc = -1;

	sheetp_init(&p0, x, NULL);
	p0.emit = x;
	p0.out = xmalloc(sizeof(*p0.out));
	batch_init(p0.out);
	buf_init(&pend, 0);
	x->mode = x->nth > 0 ? M_FIRST : M_SEQ;
	if ((f = part_open(x, x->part)) == NULL)
		goto out;
	chunk = xmalloc(CHUNK);
	for (;;) {
		if (x->mode == M_SEQ) {
			rc = sheet_seq(x, &p0, f, &pend, &total);
			goto out;
		}
		if ((n = zl.zip_fread(f, chunk, CHUNK)) < 0) {
			zip_fail(x, x->part, zl.zip_file_strerror(f));
			goto out;
		}
		if (n == 0)
			break;
		/* a sheet in UTF-16 or another encoding is read by P0 */
		if (total == 0)
			x->utf8 = chunk[0] == '<' || (n >= 3 &&
			    memcmp(chunk, "\xef\xbb\xbf", 3) == 0);
		buf_add(&pend, chunk, (size_t)n);
		total += (uint64_t)n;
		if (x->progress != NULL)
			x->progress(total, x->arg);
		if (pend.len < SEG_BYTES)
			continue;
		split = split_find(pend.s, scanned, pend.len);
		scanned = pend.len - 5;
		if (split == 0) {
			/* no row ends in all this: P0 reads on alone */
			if (pend.len > SEG_MAX) {
				if (x->mode == M_PAR &&
				    pool_drain(x, pool, &p0) == -1)
					goto out;
				x->mode = M_SEQ;
			}
			continue;
		}
		scanned = 0;
		if (x->mode == M_FIRST) {
			if (sheet_first(x, &p0, &pool, &pend, split) == -1)
				goto out;
		} else if (pool_submit(x, pool, &p0, &pend, split) == -1)
			goto out;
	}
	/* the end: the workers' segments, then what follows them */
	if (x->mode == M_PAR && pool_drain(x, pool, &p0) == -1)
		goto out;
	rc = p0_feed(x, &p0, pend.s, pend.len, 1);
out:
	if (f != NULL)
		zl.zip_fclose(f);
	pool_free(pool);
	batch_release(p0.out);
	free(p0.out);
	sheetp_release(&p0);
	buf_release(&pend);
	free(chunk);
	return rc;
}
