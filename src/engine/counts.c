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

/* Count a submission's cases year by year, from its packs, and keep the
 * counts in place of any it had. */
static int
keep_counts(struct store *st, const struct submission *sub)
{
	struct filter	 f;
	struct snapshot	 s;
	struct packed	*by_year;
	size_t		 start[NYEARS + 2] = { 0 };
	struct buf	 b = BUF_INIT;
	int		 rc = -1, yb = packed_byte(CF_YEAR);

	filter_init(&f);
	f.submission = sub->id;
	if (snapshot_read(st, &f, &s, 1) == -1)
		return -1;
	/* the records in order of year, those without one last (IDX_NR) */
	for (size_t i = 0; i < s.n; i++)
		start[s.rec[i].b[yb] + 1]++;
	for (int y = 1; y <= NYEARS + 1; y++)
		start[y] += start[y - 1];
	by_year = xreallocarray(NULL, s.n + 1, sizeof(*by_year));
	for (size_t i = 0; i < s.n; i++)
		by_year[start[s.rec[i].b[yb]]++] = s.rec[i];
	free(s.rec);
	s.rec = by_year;
	if (st->ops->begin(st) == -1)
		goto out;
	if (st->ops->count_drop(st, sub->id) == -1)
		goto fail;
	/* each year's records now end at start[year], from the year's before */
	for (size_t y = 0, from = 0; y < NYEARS; from = start[y++]) {
		struct figures	*fg;

		if (from == start[y])
			continue;
		fg = figures_new(s.nsources);
		count_range(&s, from, start[y], fg);
		buf_reset(&b);
		encode(fg, &b);
		rc = st->ops->count_put(st, sub->id, y == IDX_NR ? YEAR_NR :
		    (int)y + 1900, counts_layout(), (int64_t)(start[y] - from),
		    b.s, b.len);
		figures_free(fg);
		if (rc == -1)
			goto fail;
	}
	rc = st->ops->commit(st);
	if (rc == -1)
		goto fail;
	goto out;
fail:
	rc = -1;
	st->ops->rollback(st);
out:
	buf_release(&b);
	snapshot_release(&s);
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
	struct submission *all;
	size_t		 nall;
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
	memset(s, 0, sizeof(*s));
	memset(&l, 0, sizeof(l));
	memset(&ad, 0, sizeof(ad));
	l.s = s;
	l.f = f;
	if (st->ops->submission_list(st, &s->arena, &all, &nall) == -1)
		goto out;
	s->subs = all;
	for (size_t i = 0; i < nall; i++)
		if (load_submission(&all[i], &l) == -1)
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
