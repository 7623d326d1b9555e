/*
 * check.c: where a country's official statistics do not agree with each
 * other: parts that add up to more than their total, sex or age splits
 * that disagree with the total, parts without a total, a total of <5 with
 * larger parts, and sudden tenfold breaks in a series.  Counts published
 * as <5 are the interval 1 to 4, so a sum of parts is an interval too,
 * and only a certain disagreement is one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

static const char *
where(const struct stat_rec *r)
{
	const struct country *c = r->country == NR ? NULL :
	    country_by_numeric(r->country);

	return c ? c->alpha3 : r->country_text ? r->country_text : "?";
}

static int
val_cmp(const void *a, const void *b)
{
	const struct stat_rec *x = a, *y = b;
	int	 c;

	if ((c = strcmp(where(x), where(y))) != 0)
		return c;
	if (x->indicator != y->indicator)
		return x->indicator - y->indicator;
	return x->year - y->year;
}

/* "212" or "212–224": an interval as the report shows it. */
static const char *
interval(int64_t lo, int64_t hi, char out[64])
{
	if (lo == 1 && hi == 4)
		snprintf(out, 64, "<5");
	else if (lo == hi)
		snprintf(out, 64, "%lld", (long long)lo);
	else
		snprintf(out, 64, "%lld\xe2\x80\x93%lld", (long long)lo,
		    (long long)hi);
	return out;
}

struct split {
	const char	*name;
	int		 strict;	/* parts must add up to the total */
};

/* Which split a value belongs to, or -1 for the total itself. */
enum { SPLIT_SEX, SPLIT_AGE, SPLIT_FORM, SPLIT_CITIZENSHIP,
    SPLIT_REPATRIATION, SPLIT__MAX };
static const struct split splits[SPLIT__MAX] = {
	[SPLIT_SEX] = { "by sex", 1 },
	[SPLIT_AGE] = { "by age", 1 },
	[SPLIT_FORM] = { "by form of exploitation", 0 },
	[SPLIT_CITIZENSHIP] = { "by citizenship", 0 },
	[SPLIT_REPATRIATION] = { "by country of repatriation", 0 },
};

static int
split_of(const struct stat_rec *r)
{
	int	 bys = r->sex != SEX_TOTAL, bya = r->age != AGEG_TOTAL;

	if (r->origin_dim == ODIM_CITIZENSHIP && !bys && !bya)
		return SPLIT_CITIZENSHIP;
	if (r->origin_dim == ODIM_REPATRIATION && !bys && !bya)
		return SPLIT_REPATRIATION;
	if (r->origin_dim != ODIM_NONE)
		return -2;	/* a cross-tabulation: not checked */
	if (r->form != FORM_TOTAL)
		return !bys && !bya ? SPLIT_FORM : -2;
	if (bys && !bya)
		return SPLIT_SEX;
	if (bya && !bys)
		return SPLIT_AGE;
	return bys ? -2 : -1;
}

/* Check one country, indicator and year: values v[0..n). */
static int
check_group(const struct stat_rec *v, size_t n, struct buf *out)
{
	const struct stat_rec *r0 = &v[0];
	int64_t		 tlo = 0, thi = 0, lo[SPLIT__MAX] = { 0 },
			 hi[SPLIT__MAX] = { 0 }, big[SPLIT__MAX] = { 0 };
	int		 has_total = 0, has[SPLIT__MAX] = { 0 }, found = 0;
	const char	*ind = code_lists[CL_INDICATOR].codes[r0->indicator].name;
	char		 a[64], b[64];

	for (size_t i = 0; i < n; i++) {
		const struct stat_rec *r = &v[i];
		int	 s = split_of(r);

		if (s == -1) {
			/* given in parts, the portal's way, or once */
			has_total = 1;
			tlo += r->low;
			thi += r->high;
		} else if (s >= 0 || (r->sex == SEX_UNKNOWN && r->age ==
		    AGEG_UNKNOWN && r->form == FORM_TOTAL && r->origin_dim ==
		    ODIM_NONE)) {
			/* sex and age both unknown: the residual of either
			 * split, as the portal publishes it */
			for (int k = 0; k < SPLIT__MAX; k++) {
				if (k != s && (s >= 0 || (k != SPLIT_SEX &&
				    k != SPLIT_AGE)))
					continue;
				has[k] = 1;
				lo[k] += r->low;
				hi[k] += r->high;
				if (r->low > big[k])
					big[k] = r->low;
			}
		}
	}
	for (int s = 0; s < SPLIT__MAX; s++) {
		if (!has[s])
			continue;
		if (!has_total) {
			buf_addf(out, "%s %d %s: parts %s (%s) but no total\n",
			    where(r0), r0->year, ind, splits[s].name,
			    interval(lo[s], hi[s], a));
			found++;
			continue;
		}
		if (tlo == 1 && thi == 4 && big[s] >= 5) {
			buf_addf(out, "%s %d %s: the total is <5 but a part %s "
			    "is %lld\n", where(r0), r0->year, ind,
			    splits[s].name, (long long)big[s]);
			found++;
		} else if (lo[s] > thi) {
			buf_addf(out, "%s %d %s: parts %s add up to %s, more "
			    "than the total %s\n", where(r0), r0->year, ind,
			    splits[s].name, interval(lo[s], hi[s], a),
			    interval(tlo, thi, b));
			found++;
		} else if (splits[s].strict && hi[s] < tlo) {
			buf_addf(out, "%s %d %s: parts %s add up to %s, less "
			    "than the total %s\n", where(r0), r0->year, ind,
			    splits[s].name, interval(lo[s], hi[s], a),
			    interval(tlo, thi, b));
			found++;
		}
	}
	return found;
}

/* A series that jumps tenfold from one year to the next. */
static int
check_series(const struct stat_rec *v, size_t n, struct buf *out)
{
	int	 found = 0, prev_year = 0;
	int64_t	 prev = -1;

	for (size_t i = 0; i < n; i++) {
		const struct stat_rec *r = &v[i];

		if (split_of(r) != -1 || r->low != r->high)
			continue;
		if (prev >= 0 && r->year == prev_year + 1 &&
		    (prev > r->low ? prev : r->low) >= 50 &&
		    (r->low > 10 * prev || prev > 10 * r->low)) {
			buf_addf(out, "%s %d %s: a sudden break in the series, "
			    "from %lld in %d to %lld\n", where(r), r->year,
			    code_lists[CL_INDICATOR].codes[r->indicator].name,
			    (long long)prev, prev_year, (long long)r->low);
			found++;
		}
		prev = r->low;
		prev_year = r->year;
	}
	return found;
}


/* The values of one country and year (NR, 0: all), kept as they come. */
struct kept {
	struct arena	 a;
	struct stat_rec	*v;
	size_t		 n, cap;
	int		 country, year;
};

static int
keep(const struct stat_rec *r, void *arg)
{
	struct kept	*k = arg;
	struct stat_rec	*v;

	if ((k->country != NR && r->country != k->country) ||
	    (k->year != 0 && r->year != k->year))
		return 0;
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 1024;
		k->v = arena_grow(&k->a, k->v, k->n, k->cap, sizeof(*k->v));
	}
	v = &k->v[k->n++];
	*v = *r;
	v->country_text = arena_strdup(&k->a, r->country_text);
	v->origin_text = arena_strdup(&k->a, r->origin_text);
	v->note = arena_strdup(&k->a, r->note);
	return 0;
}
int
stats_check(struct store *st, int country, int year, struct buf *out,
    size_t *nvalues, int *found)
{
	struct kept	 k = { { NULL }, NULL, 0, 0, country, year };
	struct stat_rec	*v;
	size_t		 n, i, j, e;

	*found = 0;
	*nvalues = 0;
	if (st->ops->stat_each(st, 0, keep, &k) == -1) {
		arena_release(&k.a);
		return -1;
	}
	v = k.v;
	n = k.n;
	if (n)
		qsort(v, n, sizeof(*v), val_cmp);
	/* groups: one country and indicator (a series), then each year */
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && strcmp(where(&v[j]), where(&v[i])) == 0 &&
		    v[j].indicator == v[i].indicator; j++)
			;
		*found += check_series(&v[i], j - i, out);
		for (size_t y = i; y < j; y = e) {
			for (e = y; e < j && v[e].year == v[y].year; e++)
				;
			*found += check_group(&v[y], e - y, out);
		}
	}
	*nvalues = n;
	arena_release(&k.a);
	return 0;
}
