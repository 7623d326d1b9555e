/*
 * counts.c: the figures of a report as sums of counts kept per submission
 * and year of registration (engine.h, figures_load).
 *
 * Every count of struct figures is additive, so the figures of a set of
 * cases are the sum of the figures of its parts.  A submission's cases
 * of one year are counted once, the first time a report needs them, and
 * kept in the store (their nonzero counts, a few kilobytes); a report
 * over all cases, or some years or sources, then adds these up, whatever
 * the number of cases.  The counts are tied to the layout they were made
 * under, and a submission whose kept counts do not add up to its rows is
 * counted again from its packs.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"

#define YEAR_NR		(-1)	/* the counts of cases without a year */

/* The layout of the kept counts: the packs' and the size of the figures. */
static int64_t
counts_layout(void)
{
	return (int64_t)packed_layout() * 1024 + (int64_t)(NCOUNTS % 1024);
}

static void
put_varint(struct buf *b, uint64_t v)
{
	while (v >= 0x80) {
		buf_addc(b, (int)(v & 0x7f) | 0x80);
		v >>= 7;
	}
	buf_addc(b, (int)v);
}

static int
get_varint(const uint8_t **p, const uint8_t *end, uint64_t *v)
{
	int	 shift = 0;

	*v = 0;
	while (*p < end && shift < 64) {
		uint8_t	 c = *(*p)++;

		*v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return 0;
		shift += 7;
	}
	return -1;
}

/* The nonzero counts: each the gap from the one before, and its value. */
static void
encode(const struct figures *fg, struct buf *b)
{
	const int64_t	*a = (const int64_t *)(const void *)fg;
	size_t		 last = 0;

	for (size_t i = 0; i < NCOUNTS; i++)
		if (a[i] != 0) {
			put_varint(b, i - last);
			put_varint(b, (uint64_t)a[i]);
			last = i;
		}
}

/* Add encoded counts to fg; -1 if they are not well formed. */
static int
decode_add(struct figures *fg, const struct case_count *c)
{
	int64_t		*a = (int64_t *)(void *)fg;
	const uint8_t	*p = c->data, *end = p + c->len;
	uint64_t	 gap, v;
	size_t		 i = 0;

	while (p < end) {
		if (get_varint(&p, end, &gap) == -1 ||
		    get_varint(&p, end, &v) == -1 || gap > NCOUNTS - i - 1 ||
		    v > INT64_MAX)
			return -1;
		i += gap;
		a[i] += (int64_t)v;
	}
	return 0;
}

/* A submission's cases counted year by year, a pack at a time. */
struct by_year {
	int64_t		 sub;
	struct snapshot	 pack;		/* one pack, in order of year */
	struct figures	*fg[NYEARS];	/* made for the years there are */
	int64_t		 n[NYEARS];
	int		 yb;		/* the year's byte */
};

static int
count_pack(int64_t submission, const uint8_t *data, int n, void *arg)
{
	struct by_year	*c = arg;
	size_t		 start[NYEARS + 1] = { 0 };
	struct packed	 p;

	if (submission != c->sub)
		return 0;
	if (n > PACK_MAX)
		return error("a pack of submission %lld holds more than %d "
		    "cases", (long long)submission, PACK_MAX);
	/* the pack's records in order of year: where each year starts */
	for (int i = 0; i < n; i++)
		start[data[(size_t)i * PACKED_SIZE + (size_t)c->yb] + 1]++;
	for (int y = 1; y <= NYEARS; y++)
		start[y] += start[y - 1];
	memset(&p, 0, sizeof(p));
	for (int i = 0; i < n; i++) {
		memcpy(&p, data + (size_t)i * PACKED_SIZE, PACKED_SIZE);
		c->pack.rec[start[p.b[c->yb]]++] = p;
	}
	/* start[y] is now where year y ends */
	c->pack.n = (size_t)n;
	for (size_t y = 0, from = 0; y < NYEARS; from = start[y++]) {
		if (from == start[y])
			continue;
		if (c->fg[y] == NULL)
			c->fg[y] = figures_new(1);
		count_range(&c->pack, from, start[y], c->fg[y]);
		c->n[y] += (int64_t)(start[y] - from);
	}
	return 0;
}

/* Count a submission's cases year by year, from its packs, and keep the
 * counts in place of any it had.  Memory: a pack, and the figures of each
 * year the submission has. */
static int
keep_counts(struct store *st, const struct submission *sub)
{
	struct by_year	 c;
	struct buf	 b = BUF_INIT;
	int64_t		 total = 0;
	int		 rc = -1;

	memset(&c, 0, sizeof(c));
	c.sub = sub->id;
	c.yb = packed_byte(CF_YEAR);
	c.pack.nsources = 1;
	c.pack.rec = xreallocarray(NULL, PACK_MAX, sizeof(*c.pack.rec));
	if (st->ops->pack_each(st, count_pack, &c) == -1)
		goto out;
	for (int y = 0; y < NYEARS; y++)
		total += c.n[y];
	if (total != sub->rows) {
		error("the packed cases of submission %lld do not hold its %lld "
		    "rows (the database was changed while it was read); run "
		    "the command again", (long long)sub->id,
		    (long long)sub->rows);
		goto out;
	}
	if (st->ops->begin(st) == -1)
		goto out;
	if (st->ops->count_drop(st, sub->id) == -1)
		goto fail;
	for (int y = 0; y < NYEARS; y++) {
		if (c.fg[y] == NULL)
			continue;
		buf_reset(&b);
		encode(c.fg[y], &b);
		if (st->ops->count_put(st, sub->id, y == IDX_NR ? YEAR_NR :
		    y + 1900, counts_layout(), c.n[y], b.s, b.len) == -1)
			goto fail;
	}
	if (st->ops->commit(st) == -1)
		goto fail;
	rc = 0;
	goto out;
fail:
	st->ops->rollback(st);
out:
	for (int y = 0; y < NYEARS; y++)
		figures_free(c.fg[y]);
	free(c.pack.rec);
	buf_release(&b);
	return rc;
}

struct adder {
	const struct filter	*f;
	struct subs_loader	*l;
	struct figures		*fg;	/* NULL: only add up n */
	int64_t			*n;	/* cases kept, per wanted sub */
	int			 bad;	/* counts not well formed */
};

static int
wanted(const struct subs_loader *l, int64_t sub)
{
	for (int k = 0; k < l->nsub; k++)
		if (l->sub_ids[k] == sub)
			return k;
	return -1;
}

static int
add_count(const struct case_count *c, void *arg)
{
	struct adder	*ad = arg;
	const struct filter *f = ad->f;
	int		 k = wanted(ad->l, c->submission);

	if (k < 0 || c->layout != counts_layout())
		return 0;
	if (ad->fg == NULL) {
		ad->n[k] += c->n;
		return 0;
	}
	if ((f->from || f->to) && (c->year == YEAR_NR ||
	    (f->from && c->year < f->from) || (f->to && c->year > f->to)))
		return 0;
	if (decode_add(ad->fg, c) == -1) {
		ad->bad = 1;
		return 1;
	}
	if (c->year != YEAR_NR)
		ad->fg->year_source[(size_t)(c->year - 1900) *
		    (size_t)ad->l->s->nsources + (size_t)ad->l->sub_source[k]] +=
		    c->n;
	return 0;
}

int
figures_load(struct store *st, const struct filter *f, struct snapshot *s,
    struct figures **out)
{
	struct subs_loader l;
	struct adder	 ad;
	int		 rc = -1;

	*out = NULL;
	if (f->country >= 0 || f->region || f->nwhere || f->submission ||
	    getenv("PALERMO_RECOUNT") != NULL) {
		if (snapshot_load(st, f, s) == -1)
			return -1;
		*out = figures_compute(s);
		return 0;
	}
	packed_init();
	memset(&ad, 0, sizeof(ad));
	if (subs_load(st, f, s, &l) == -1)
		goto out;
	/* the submissions whose kept counts do not hold all their cases are
	 * counted again */
	ad.f = f;
	ad.l = &l;
	ad.n = xcalloc((size_t)l.nsub + 1, sizeof(*ad.n));
	if (st->ops->count_each(st, add_count, &ad) == -1)
		goto out;
	for (int k = 0; k < l.nsub; k++)
		if (strcmp(s->subs[k].kind, "cases") == 0 &&
		    ad.n[k] != s->subs[k].rows &&
		    keep_counts(st, &s->subs[k]) == -1)
			goto out;
	ad.fg = figures_new(s->nsources);
	if (st->ops->count_each(st, add_count, &ad) == -1)
		goto out;
	if (ad.bad) {
		error("the kept counts are damaged; 'palermo check packs' "
		    "compares the cases with their rows");
		goto out;
	}
	s->n = (size_t)ad.fg->total;
	*out = ad.fg;
	ad.fg = NULL;
	rc = 0;
out:
	figures_free(ad.fg);
	free(ad.n);
	free(l.sub_ids);
	free(l.sub_source);
	if (rc == -1)
		snapshot_release(s);
	return rc;
}
