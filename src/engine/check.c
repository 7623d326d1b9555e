/*
 * check.c: where a country's official statistics do not agree with each
 * other: parts that add up to more than their total, sex or age splits
 * that disagree with the total, parts without a total, a total of <5 with
 * larger parts, and sudden tenfold breaks in a series.  Counts published
 * as <5 are the interval 1 to 4, so a sum of parts is an interval too,
 * and only a certain disagreement is one: the values of unknown sex and
 * unknown age may or may not be among a split's parts, so a split is more
 * than its total when it is so without them, and less when it is so with
 * them.  The splits and that rule are official.c's (ogroup_*), the same
 * the reports use, and where a complete split contradicts a total the
 * line says what the figures use instead.
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
	if (x->year != y->year)
		return x->year - y->year;
	return x->id < y->id ? -1 : x->id > y->id;
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

/* What the figures use instead of a contradicted total. */
static const char *
used_text(int64_t lo, int64_t hi, char out[96])
{
	char	 v[64];

	snprintf(out, 96, "; the figures use %s", interval(lo, hi, v));
	return out;
}

/* Parts that must add up to the total, not only stay under it. */
static int
strict(int s)
{
	return s == SPLIT_SEX || s == SPLIT_AGE;
}

/* Check one country, indicator and year: values v[0..n). */
static int
check_group(const struct stat_rec *v, size_t n, struct ogroup *g,
    struct check_counts *cc, struct buf *out)
{
	const struct stat_rec *r0 = &v[0];
	const char	*ind = code_name(CL_INDICATOR, r0->indicator);
	char		 a[64], b[64], c[96];
	int64_t		 lo, hi, ulo, uhi;
	unsigned	 against;
	int		 found = 0;

	memset(g, 0, sizeof(*g));
	for (size_t i = 0; i < n; i++)
		ogroup_add(g, v[i].sex, v[i].age, v[i].form, v[i].origin_dim,
		    v[i].low, v[i].high);
	against = ogroup_value(g, &ulo, &uhi);
	cc->contradicted += against != 0;
	for (int s = 0; s < SPLIT__MAX; s++) {
		const char *used = against & 1u << s ? used_text(ulo, uhi, c) :
		    "";

		if (!ogroup_range(g, s, &lo, &hi))
			continue;
		if (!g->has_total) {
			buf_addf(out, "%s %d %s: parts %s (%s) but no total\n",
			    where(r0), r0->year, ind, split_names[s],
			    interval(lo, hi, a));
			found++;
		} else if (g->tlo == 1 && g->thi == 4 && g->big[s] >= 5) {
			buf_addf(out, "%s %d %s: the total is <5 but a part %s "
			    "is %lld%s\n", where(r0), r0->year, ind,
			    split_names[s], (long long)g->big[s], used);
			found++;
		} else if (lo > g->thi) {
			buf_addf(out, "%s %d %s: parts %s add up to %s, more "
			    "than the total %s%s\n", where(r0), r0->year, ind,
			    split_names[s], interval(lo, hi, a),
			    interval(g->tlo, g->thi, b), used);
			found++;
		} else if (strict(s) && hi < g->tlo) {
			buf_addf(out, "%s %d %s: parts %s add up to %s, less "
			    "than the total %s\n", where(r0), r0->year, ind,
			    split_names[s], interval(lo, hi, a),
			    interval(g->tlo, g->thi, b));
			found++;
		}
	}
	return found;
}

/* A series that jumps tenfold from one year to the next: the exact
 * totals of each year, tot[0..n). */
struct year_total {
	int	 year;
	int64_t	 v;
};

static int
check_series(const struct stat_rec *r0, const struct year_total *t,
    size_t n, struct buf *out)
{
	int	 found = 0;

	for (size_t i = 1; i < n; i++) {
		int64_t	 prev = t[i - 1].v, now = t[i].v;

		if (t[i].year == t[i - 1].year + 1 && (prev > now ? prev :
		    now) >= 50 && (now > 10 * prev || prev > 10 * now)) {
			buf_addf(out, "%s %d %s: a sudden break in the series, "
			    "from %lld in %d to %lld\n", where(r0), t[i].year,
			    code_name(CL_INDICATOR, r0->indicator),
			    (long long)prev, t[i - 1].year, (long long)now);
			found++;
		}
	}
	return found;
}

/* The values of one country and year (NR, 0: all), kept as they come. */
struct kept {
	struct arena	 a;
	struct stat_rec	*v;
	size_t		 n, cap;
	int		 country, year;
	struct check_counts *cc;
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
	if (r->sex == SEX_UNKNOWN && r->age == AGEG_UNKNOWN && r->form ==
	    FORM_TOTAL && r->origin_dim == ODIM_NONE) {
		k->cc->unknown_values++;
		k->cc->unknown_lo += r->low;
		k->cc->unknown_hi += r->high;
	}
	return 0;
}

int
stats_check(struct store *st, int country, int year, struct buf *out,
    struct check_counts *cc)
{
	struct kept	 k = { { NULL }, NULL, 0, 0, country, year, cc };
	struct year_total *tot = NULL;
	struct ogroup	 g;
	struct stat_rec	*v;
	size_t		 n, i, j, e, nt;

	memset(cc, 0, sizeof(*cc));
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
		tot = xreallocarray(tot, j - i, sizeof(*tot));
		nt = 0;
		for (size_t y = i; y < j; y = e) {
			for (e = y; e < j && v[e].year == v[y].year; e++)
				;
			cc->found += check_group(&v[y], e - y, &g, cc, out);
			if (g.has_total && g.tlo == g.thi) {
				tot[nt].year = v[y].year;
				tot[nt++].v = g.tlo;
			}
		}
		cc->found += check_series(&v[i], tot, nt, out);
	}
	cc->values = n;
	free(tot);
	arena_release(&k.a);
	return 0;
}
