/*
 * official.c: official statistics as the reports and the checks read
 * them (engine.h): the current values in memory, and for each reporting
 * country, indicator and year the total with its splits and the one rule
 * for a total that a complete split contradicts.
 *
 * The rule.  A split by sex is complete when it gives both women and men
 * (female and male), one by age when it gives both children and adults:
 * every victim then has a place in it.  The portal also publishes values
 * of unknown sex and unknown age together, which may or may not be among
 * a split's parts: a split allows a total from the sum of its parts to
 * that sum with those values.  A total that a complete split's parts add
 * up to more than (the low end of their sum above the total's high end)
 * is contradicted: Germany's detected victims of 2022 are published as
 * <5 while women are 746 and men 541.  The figures then use what the
 * complete splits allow together (the range common to them, or where
 * they disagree with each other too, the range from the lowest to the
 * highest), and every report marks the total.  Splits by form and origin
 * are not complete (a victim may be counted under several forms, and a
 * breakdown may leave countries out): parts above their total are listed
 * by 'palermo check stats' but change no figure.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

const char *const split_names[SPLIT__MAX] = {
	[SPLIT_SEX] = "by sex",
	[SPLIT_AGE] = "by age",
	[SPLIT_FORM] = "by form of exploitation",
	[SPLIT_CITIZENSHIP] = "by citizenship",
	[SPLIT_REPATRIATION] = "by country of repatriation",
};

/* ---------------------------------------------------------------------- */
/* One country, indicator and year */

int
ogroup_split_of(int sex, int age, int form, int odim)
{
	int	 bys = sex != SEX_TOTAL, bya = age != AGEG_TOTAL;

	if (odim == ODIM_CITIZENSHIP && !bys && !bya && form == FORM_TOTAL)
		return SPLIT_CITIZENSHIP;
	if (odim == ODIM_REPATRIATION && !bys && !bya && form == FORM_TOTAL)
		return SPLIT_REPATRIATION;
	if (odim != ODIM_NONE)
		return OSPLIT_CROSS;
	if (form != FORM_TOTAL)
		return !bys && !bya ? SPLIT_FORM : OSPLIT_CROSS;
	if (bys && !bya)
		return SPLIT_SEX;
	if (bya && !bys)
		return SPLIT_AGE;
	if (sex == SEX_UNKNOWN && age == AGEG_UNKNOWN)
		return OSPLIT_UNKNOWN;
	return bys ? OSPLIT_CROSS : OSPLIT_TOTAL;
}

void
ogroup_add(struct ogroup *g, int sex, int age, int form, int odim,
    int64_t lo, int64_t hi)
{
	int	 s = ogroup_split_of(sex, age, form, odim);

	switch (s) {
	case OSPLIT_TOTAL:
		/* given once, or in parts as the portal gives some */
		g->has_total = 1;
		g->tlo += lo;
		g->thi += hi;
		return;
	case OSPLIT_UNKNOWN:
		g->has_unknown = 1;
		g->ulo += lo;
		g->uhi += hi;
		return;
	case OSPLIT_CROSS:
		return;
	default:
		break;
	}
	g->lo[s] += lo;
	g->hi[s] += hi;
	if (lo > g->big[s])
		g->big[s] = lo;
	g->nparts[s]++;
	/* which categories the split gives, by their code */
	g->cats[s] |= 1u << (s == SPLIT_SEX ? sex : s == SPLIT_AGE ? age :
	    s == SPLIT_FORM ? form : 0);
}

int
ogroup_range(const struct ogroup *g, int s, int64_t *lo, int64_t *hi)
{
	if (g->nparts[s] == 0)
		return 0;
	*lo = g->lo[s];
	*hi = g->hi[s];
	/* the values of unknown sex and age may be among the parts or not,
	 * unless the split has its own unknown */
	if (g->has_unknown && ((s == SPLIT_SEX && !(g->cats[s] & 1u <<
	    SEX_UNKNOWN)) || (s == SPLIT_AGE && !(g->cats[s] & 1u <<
	    AGEG_UNKNOWN))))
		*hi += g->uhi;
	return 1;
}

int
ogroup_complete(const struct ogroup *g, int s)
{
	unsigned	 want = s == SPLIT_SEX ? 1u << SEX_FEMALE | 1u << SEX_MALE :
			    s == SPLIT_AGE ? 1u << AGEG_CHILD | 1u << AGEG_ADULT :
			    0;

	return want && (g->cats[s] & want) == want;
}

unsigned
ogroup_value(const struct ogroup *g, int64_t *lo, int64_t *hi)
{
	int64_t		 slo[2], shi[2], clo = 0, chi = 0;
	unsigned	 against = 0;
	int		 n = 0;

	*lo = g->tlo;
	*hi = g->thi;
	if (!g->has_total)
		return 0;
	for (int s = SPLIT_SEX; s <= SPLIT_AGE; s++) {
		if (!ogroup_complete(g, s) || !ogroup_range(g, s, &slo[n],
		    &shi[n]))
			continue;
		if (slo[n] > g->thi)
			against |= 1u << s;
		n++;
	}
	if (!against)
		return 0;
	/* the range the complete splits share, else the one spanning them */
	clo = slo[0];
	chi = shi[0];
	for (int i = 1; i < n; i++) {
		clo = slo[i] > clo ? slo[i] : clo;
		chi = shi[i] < chi ? shi[i] : chi;
	}
	if (clo > chi)
		for (int i = 0; i < n; i++) {
			clo = slo[i] < clo ? slo[i] : clo;
			chi = shi[i] > chi ? shi[i] : chi;
		}
	*lo = clo;
	*hi = chi;
	return against;
}

/* ---------------------------------------------------------------------- */
/* Loading */

struct loader {
	struct official	*o;
	const struct filter *f;
	struct submission *subs;
	size_t		 nsubs;
	unsigned char	*wanted;	/* by submission index */
	size_t		 cap;
	struct keymap	 keys;
	struct buf	 key;
};

static int
wanted(struct loader *l, int64_t submission)
{
	size_t	 lo = 0, hi = l->nsubs;

	/* the submissions come by id */
	while (lo < hi) {
		size_t	 mid = (lo + hi) / 2;

		if (l->subs[mid].id < submission)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == l->nsubs || l->subs[lo].id != submission)
		return 0;
	if (l->wanted[lo] == 1)
		l->wanted[lo] = 2;	/* it gave a value */
	return l->wanted[lo] != 0;
}

static int
load_value(const struct stat_rec *r, void *arg)
{
	struct loader	*l = arg;
	struct official	*o = l->o;
	const struct filter *f = l->f;
	struct oval	*v;
	int		 c, oc = -1, added;
	size_t		 k;

	if ((f->from && r->year < f->from) || (f->to && r->year > f->to) ||
	    !wanted(l, r->submission))
		return 0;
	c = r->country == NR ? -1 : country_index(r->country);
	if (r->origin_kind == OKIND_COUNTRY && r->origin_code != NR)
		oc = country_index(r->origin_code);
	else if (r->origin_kind == OKIND_NATIONALS)
		oc = c;
	if (f->country >= 0 && c != f->country && oc != f->country)
		return 0;
	if (f->region && !country_in_region(c, f->region) &&
	    !country_in_region(oc, f->region))
		return 0;
	if (o->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4096;
		o->v = xreallocarray(o->v, l->cap, sizeof(*o->v));
	}
	v = &o->v[o->n++];
	v->c = (int16_t)c;
	v->oc = (int16_t)oc;
	v->year = (int16_t)r->year;
	v->ind = (uint8_t)r->indicator;
	v->sex = (uint8_t)r->sex;
	v->age = (uint8_t)r->age;
	v->form = (uint8_t)r->form;
	v->odim = (uint8_t)r->origin_dim;
	v->okind = (uint8_t)r->origin_kind;
	v->ocode = r->origin_code;
	v->lo = r->low;
	v->hi = r->high;
	if (o->y0 == 0 || r->year < o->y0)
		o->y0 = r->year;
	if (r->year > o->y1)
		o->y1 = r->year;
	o->censored += r->low == 1 && r->high == 4;
	if (r->sex == SEX_UNKNOWN && r->age == AGEG_UNKNOWN && r->form ==
	    FORM_TOTAL && r->origin_dim == ODIM_NONE && r->indicator ==
	    IND_DETECTED) {
		o->unknown_values++;
		o->unknown_lo += r->low;
		o->unknown_hi += r->high;
	}
	/* the keys given in parts */
	stat_key(r, &l->key);
	k = keymap_put(&l->keys, l->key.s, l->key.len, &added);
	if (l->keys.e[k].a++ == 1)
		o->repeated_keys++;
	return 0;
}

static int
total_cmp(const void *a, const void *b)
{
	const struct ototal *x = a, *y = b;

	if (x->c != y->c)
		return x->c - y->c;
	if (x->ind != y->ind)
		return x->ind - y->ind;
	return x->year - y->year;
}

static int
pop_cmp(const void *a, const void *b)
{
	const struct opop *x = a, *y = b;

	if (x->c != y->c)
		return x->c - y->c;
	if (x->year != y->year)
		return x->year - y->year;
	if (x->sex != y->sex)
		return x->sex - y->sex;
	return x->age - y->age;
}

/* Every country, indicator and year's total, and what the figures use. */
static void
totals_make(struct official *o)
{
	struct ogroup	*g = NULL;
	int32_t		*at;
	size_t		 ng = 0, cap = 0;
	size_t		 size = (size_t)NCOUNTRIES * IND__MAX * NYEARS;

	at = xreallocarray(NULL, size, sizeof(*at));
	memset(at, 0xff, size * sizeof(*at));
	for (size_t i = 0; i < o->n; i++) {
		const struct oval *v = &o->v[i];
		size_t	 k;

		if (v->c < 0 || v->year < 1900 || v->year - 1900 >= NYEARS)
			continue;
		k = ((size_t)v->c * IND__MAX + v->ind) * NYEARS + (size_t)
		    (v->year - 1900);
		if (at[k] < 0) {
			if (ng == cap) {
				cap = cap ? cap * 2 : 1024;
				g = xreallocarray(g, cap, sizeof(*g));
				o->t = xreallocarray(o->t, cap, sizeof(*o->t));
			}
			memset(&g[ng], 0, sizeof(*g));
			memset(&o->t[ng], 0, sizeof(*o->t));
			o->t[ng].c = v->c;
			o->t[ng].ind = v->ind;
			o->t[ng].year = v->year;
			at[k] = (int32_t)ng++;
		}
		ogroup_add(&g[at[k]], v->sex, v->age, v->form, v->odim, v->lo,
		    v->hi);
	}
	for (size_t i = 0; i < ng; i++) {
		struct ototal	*t = &o->t[i];

		t->has_total = g[i].has_total;
		t->plo = g[i].tlo;
		t->phi = g[i].thi;
		for (int s = SPLIT_SEX; s <= SPLIT_AGE; s++) {
			t->has_split[s] = ogroup_range(&g[i], s, &t->slo[s],
			    &t->shi[s]);
			if (ogroup_complete(&g[i], s))
				t->complete |= 1u << s;
		}
		t->contradicted = ogroup_value(&g[i], &t->lo, &t->hi);
		o->ncontradicted += t->contradicted != 0;
	}
	o->nt = ng;
	free(g);
	free(at);
	if (o->nt)
		qsort(o->t, o->nt, sizeof(*o->t), total_cmp);
}

int
official_load(struct store *st, const struct filter *f, struct official *o)
{
	struct loader	 l;
	struct pop_rec	*pop;
	size_t		 np;
	int		 rc = -1;

	memset(o, 0, sizeof(*o));
	memset(&l, 0, sizeof(l));
	l.o = o;
	l.f = f;
	keymap_init(&l.keys);
	buf_init(&l.key, 0);
	if (st->ops->submission_list(st, &o->arena, &l.subs, &l.nsubs) == -1)
		goto out;
	/* the submissions of statistics, of the sources asked for */
	l.wanted = xcalloc(l.nsubs + 1, 1);
	for (size_t i = 0; i < l.nsubs; i++) {
		int	 w = f->sources == NULL;

		for (const char **n = f->sources; n && *n; n++)
			w |= strcmp(*n, l.subs[i].source) == 0;
		l.wanted[i] = w && strcmp(l.subs[i].kind, "stats") == 0;
	}
	if (st->ops->stat_each(st, 0, load_value, &l) == -1)
		goto out;
	for (size_t i = 0; i < l.nsubs; i++)
		if (l.wanted[i] == 2)
			l.subs[o->nsubs++] = l.subs[i];
	o->subs = l.subs;
	for (size_t i = 0; i < l.keys.n; i++)
		if (l.keys.e[i].a > 1)
			o->repeated_values += (uint64_t)l.keys.e[i].a - 1;
	totals_make(o);

	if (st->ops->pop_list(st, &o->arena, &pop, &np) == -1)
		goto out;
	o->p = arena_array(&o->arena, np ? np : 1, sizeof(*o->p));
	for (size_t i = 0; i < np; i++) {
		int	 c = country_index(pop[i].country);

		if (c < 0)
			continue;
		o->p[o->np].c = (int16_t)c;
		o->p[o->np].year = (int16_t)pop[i].year;
		o->p[o->np].sex = (uint8_t)pop[i].sex;
		o->p[o->np].age = (uint8_t)pop[i].age;
		o->p[o->np++].n = pop[i].population;
	}
	if (o->np)
		qsort(o->p, o->np, sizeof(*o->p), pop_cmp);
	rc = 0;
out:
	free(l.wanted);
	keymap_release(&l.keys);
	buf_release(&l.key);
	if (rc == -1)
		official_release(o);
	return rc;
}

void
official_release(struct official *o)
{
	free(o->v);
	free(o->t);
	arena_release(&o->arena);
	memset(o, 0, sizeof(*o));
}

const struct ototal *
official_total(const struct official *o, int c, int ind, int year)
{
	struct ototal	 key;

	if (o->nt == 0)
		return NULL;
	memset(&key, 0, sizeof(key));
	key.c = (int16_t)c;
	key.ind = (uint8_t)ind;
	key.year = (int16_t)year;
	return bsearch(&key, o->t, o->nt, sizeof(*o->t), total_cmp);
}

int64_t
official_population(const struct official *o, int c, int year, int sex,
    int age)
{
	struct opop	 key, *p;

	if (o->np == 0)
		return 0;
	key.c = (int16_t)c;
	key.year = (int16_t)year;
	key.sex = (uint8_t)sex;
	key.age = (uint8_t)age;
	p = bsearch(&key, o->p, o->np, sizeof(*o->p), pop_cmp);
	return p ? p->n : 0;
}

void
official_sum(const struct official *o, int ind, int year,
    const unsigned char *in, struct osum *sum)
{
	memset(sum, 0, sizeof(*sum));
	for (int c = 0; c < country_count(); c++) {
		const struct ototal *t;

		if ((in != NULL && !in[c]) || (t = official_total(o, c, ind,
		    year)) == NULL || !t->has_total)
			continue;
		sum->lo += t->lo;
		sum->hi += t->hi;
		sum->n++;
		sum->replaced += t->contradicted != 0;
	}
}

int
official_panel(const struct official *o, int ind, int y0, int y1,
    const unsigned char *in, unsigned char *panel)
{
	int	 n = 0;

	for (int c = 0; c < country_count(); c++) {
		panel[c] = in == NULL || in[c];
		for (int y = y0; panel[c] && y <= y1; y++) {
			const struct ototal *t = official_total(o, c, ind, y);

			panel[c] = t != NULL && t->has_total;
		}
		n += panel[c];
	}
	return n;
}

int
grouping_load(struct store *st, const char *name, struct arena *a,
    struct grouping *g)
{
	struct region_member *m;
	size_t		 n;

	if (name == NULL || strcmp(name, "M49") == 0 || strcmp(name,
	    "UN M49") == 0) {
		grouping_m49(g);
		return 0;
	}
	if (st->ops->scheme_members(st, name, a, &m, &n) == -1)
		return -1;
	if (n == 0) {
		error("there is no region scheme '%s' (see 'palermo regions')",
		    name);
		return 1;
	}
	if (grouping_of_scheme(g, arena_strdup(a, name), m, n) == -1) {
		error("region scheme '%s' has more than %d regions", name,
		    GROUPING_MAX);
		return 1;
	}
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Cross-tabulations (palermo stats official) */

const char *const ofield_names[OF__MAX] = {
	[OF_COUNTRY] = "country",
	[OF_REGION] = "region",
	[OF_SUBREGION] = "subregion",
	[OF_YEAR] = "year",
	[OF_INDICATOR] = "indicator",
	[OF_SEX] = "sex",
	[OF_AGE] = "age_group",
	[OF_FORM] = "form",
	[OF_CITIZENSHIP] = "citizenship",
};

int
ofield_find(const char *name)
{
	return name_find(ofield_names, OF__MAX, name);
}

/* Whether a value is one of the split the fields ask for. */
static int
split_wanted(const struct oval *v, const unsigned char *by)
{
	int	 s = v->sex != SEX_TOTAL, a = v->age != AGEG_TOTAL;

	/* unknown sex and age together: the unknown of the split asked */
	if (v->sex == SEX_UNKNOWN && v->age == AGEG_UNKNOWN && by[OF_SEX] !=
	    by[OF_AGE]) {
		s = by[OF_SEX];
		a = by[OF_AGE];
	}
	return s == by[OF_SEX] && a == by[OF_AGE] && (v->form != FORM_TOTAL) ==
	    by[OF_FORM] && (v->odim == ODIM_NONE || v->odim ==
	    ODIM_CITIZENSHIP) && (v->odim == ODIM_CITIZENSHIP) ==
	    by[OF_CITIZENSHIP];
}

static int
ofield_value(const struct grouping *g, int f, int c, int year, int ind,
    const struct oval *v)
{
	switch (f) {
	case OF_COUNTRY:
		return c;
	case OF_REGION:
		return grouping_of(g, c);
	case OF_SUBREGION:
		return country_m49(c, 1);
	case OF_YEAR:
		return year;
	case OF_INDICATOR:
		return ind;
	case OF_SEX:
		return v ? v->sex : SEX_TOTAL;
	case OF_AGE:
		return v ? v->age : AGEG_TOTAL;
	case OF_FORM:
		return v ? v->form : FORM_TOTAL;
	case OF_CITIZENSHIP:
		return v ? v->oc : -1;
	default:
		return NR;
	}
}

static int
orow_cmp(const void *a, const void *b)
{
	const struct orow *x = a, *y = b;

	for (int k = 0; k < CROSSTAB_MAX; k++)
		if (x->v[k] != y->v[k])
			return x->v[k] < y->v[k] ? -1 : 1;
	return 0;
}

/* A cross-tabulation being made: its rows by their values, and for each
 * the countries already counted in it. */
struct xtab {
	struct keymap	 m;
	struct orow	*rows;
	unsigned char	(*seen)[NCOUNTRIES];
	size_t		 n, cap;
};

/* Add lo to hi of country c to the row of these values. */
static void
xtab_add(struct xtab *x, const int *v, int nby, int c, int64_t lo,
    int64_t hi, int replaced)
{
	struct orow	*row;
	int		 added;
	size_t		 k = keymap_put(&x->m, v, (size_t)nby * sizeof(*v),
			    &added);

	if (added) {
		if (x->n == x->cap) {
			x->cap = x->cap ? x->cap * 2 : 64;
			x->rows = xreallocarray(x->rows, x->cap,
			    sizeof(*x->rows));
			x->seen = xreallocarray(x->seen, x->cap,
			    sizeof(*x->seen));
		}
		memset(&x->rows[x->n], 0, sizeof(*x->rows));
		memset(x->seen[x->n], 0, sizeof(*x->seen));
		for (int i = 0; i < CROSSTAB_MAX; i++)
			x->rows[x->n].v[i] = i < nby ? v[i] : 0;
		x->m.e[k].a = (int64_t)x->n++;
	}
	row = &x->rows[x->m.e[k].a];
	row->lo += lo;
	row->hi += hi;
	row->replaced += replaced;
	row->values++;
	row->countries += !x->seen[x->m.e[k].a][c]++;
}

size_t
official_crosstab(const struct official *o, const struct grouping *g,
    const int *by, int nby, int ind, struct orow **out)
{
	struct xtab	 x;
	unsigned char	 want[OF__MAX] = { 0 };
	int		 v[CROSSTAB_MAX], splits;

	memset(&x, 0, sizeof(x));
	keymap_init(&x.m);
	for (int k = 0; k < nby; k++)
		want[by[k]] = 1;
	splits = want[OF_SEX] || want[OF_AGE] || want[OF_FORM] ||
	    want[OF_CITIZENSHIP];
	/* without a split: the totals, as every sum uses them */
	for (size_t i = 0; !splits && i < o->nt; i++) {
		const struct ototal *t = &o->t[i];

		if (!t->has_total || (!want[OF_INDICATOR] && t->ind != ind))
			continue;
		for (int k = 0; k < nby; k++)
			v[k] = ofield_value(g, by[k], t->c, t->year, t->ind,
			    NULL);
		xtab_add(&x, v, nby, t->c, t->lo, t->hi, t->contradicted != 0);
	}
	for (size_t i = 0; splits && i < o->n; i++) {
		const struct oval *y = &o->v[i];

		if (y->c < 0 || (!want[OF_INDICATOR] && y->ind != ind) ||
		    !split_wanted(y, want))
			continue;
		for (int k = 0; k < nby; k++)
			v[k] = ofield_value(g, by[k], y->c, y->year, y->ind, y);
		xtab_add(&x, v, nby, y->c, y->lo, y->hi, 0);
	}
	free(x.seen);
	keymap_release(&x.m);
	if (x.n)
		qsort(x.rows, x.n, sizeof(*x.rows), orow_cmp);
	*out = x.rows;
	return x.n;
}
