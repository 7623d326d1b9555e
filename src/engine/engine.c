/*
 * engine.c: the snapshot of stored cases and the one pass that counts
 * everything a report needs (see engine.h).
 *
 * Reading the packed records the store keeps beside the rows, and
 * counting in a single loop over them on every core, is what lets palermo
 * compute a whole report faster than a database can run the queries for
 * it: no query planning, no string comparison, one sequential walk over
 * 28 bytes a case.  Reports over all cases, or some years or sources, add
 * up counts kept per submission and year instead (counts.c).
 */
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_int.h"

#define BYTE_NR		IDX_NR	/* any byte not recorded */
#define MAX_SOURCES	65535

void
filter_init(struct filter *f)
{
	memset(f, 0, sizeof(*f));
	f->country = -1;
}

int
filter_where(struct filter *f, const char *s)
{
	const char	*eq = strchr(s, '=');
	char		*name;
	int		 field, v = NR;
	long long	 y;

	if (eq == NULL)
		return error("--where '%s': expected FIELD=VALUE", s);
	if (f->nwhere == (int)(sizeof(f->where_field) /
	    sizeof(f->where_field[0])))
		return error("--where: at most 16 conditions");
	name = xstrndup(s, (size_t)(eq - s));
	field = case_field_find(name);
	free(name);
	if (field == -1)
		return error("--where '%s': no field by that name (see 'palermo "
		    "stats --fields')", s);
	eq++;
	switch (case_fields[field].kind) {
	case FK_YEAR:
		if (parse_int(eq, 1900, 2154, &y) == -1)
			return error("--where '%s': not a year", s);
		v = (int)y;
		break;
	case FK_CODE:
		if ((v = code_find(case_fields[field].list, eq)) == -1)
			return error("--where '%s': not a code of %s", s,
			    case_fields[field].name);
		break;
	case FK_COUNTRY: {
		const struct country *c;

		if (country_resolve(eq, &c) != COUNTRY_FOUND)
			return error("--where '%s': not a country", s);
		v = c->numeric;
		break;
	}
	case FK_FLAG:
		if (strcmp(eq, "1") == 0 || strcmp(eq, "yes") == 0)
			v = 1;
		else if (strcmp(eq, "0") == 0 || strcmp(eq, "no") == 0)
			v = 0;
		else
			return error("--where '%s': a flag is yes or no", s);
		break;
	}
	f->where_field[f->nwhere] = field;
	f->where_value[f->nwhere] = v;
	f->nwhere++;
	return 0;
}

/*
 * Loading is split in two by case id when there are many cases: a second
 * thread reads the upper half through its own connection, so that the two
 * cores each decode half the rows.  Each part keeps its records in order;
 * the parts are joined in order at the end.
 */
#define SPLIT_MIN	100000

struct part {
	const struct filter	*f;
	const int64_t		*sub_ids;	/* submission id to source */
	const int		*sub_source;
	int			 nsub;
	struct packed		*rec;
	size_t			 n, cap;
	int64_t			 last_sub;	/* cases come grouped by */
	int			 last_src;	/* submission: remember one */
	struct store		*st;
	int64_t			 lo, hi;
	int			 rc;
};

static int
keep(const struct filter *f, const struct case_rec *c)
{
	int	 a, b;

	if (f->from && (c->v[CF_YEAR] == NR || c->v[CF_YEAR] < f->from))
		return 0;
	if (f->to && (c->v[CF_YEAR] == NR || c->v[CF_YEAR] > f->to))
		return 0;
	a = c->v[CF_COUNTRY_EXPLOITATION] == NR ? -1 :
	    country_index(c->v[CF_COUNTRY_EXPLOITATION]);
	b = c->v[CF_CITIZENSHIP] == NR ? -1 : country_index(c->v[CF_CITIZENSHIP]);
	if (f->country >= 0 && a != f->country && b != f->country)
		return 0;
	if (f->region && !country_in_region(a, f->region) &&
	    !country_in_region(b, f->region))
		return 0;
	for (int i = 0; i < f->nwhere; i++)
		if (c->v[f->where_field[i]] != f->where_value[i])
			return 0;
	return 1;
}

static int
load_case(const struct case_rec *c, int64_t submission, void *arg)
{
	struct part	*l = arg;
	int		 src = -1;

	if (submission == l->last_sub)
		src = l->last_src;
	else {
		for (int i = 0; i < l->nsub; i++)
			if (l->sub_ids[i] == submission) {
				src = l->sub_source[i];
				break;
			}
		l->last_sub = submission;
		l->last_src = src;
	}
	if (src < 0 || !keep(l->f, c))
		return 0;
	if (l->n == l->cap)
		return error("more cases than counted: the store changed "
		    "while it was read");
	packed_pack(c, &l->rec[l->n]);
	l->rec[l->n].source = (uint16_t)src;
	l->n++;
	return 0;
}

static void *
part_load(void *arg)
{
	struct part	*p = arg;

	p->rc = p->st->ops->case_each(p->st, p->lo, p->hi, load_case, p);
	return NULL;
}


static int
load_submission(const struct submission *sub, struct subs_loader *l)
{
	struct snapshot	*s = l->s;
	int		 src = -1;

	if (l->f->submission != 0 && sub->id != l->f->submission)
		return 0;
	if (l->f->sources != NULL) {
		int	 wanted = 0;

		for (const char **n = l->f->sources; *n; n++)
			if (strcmp(*n, sub->source) == 0)
				wanted = 1;
		if (!wanted)
			return 0;
	}
	for (int i = 0; i < s->nsources; i++)
		if (strcmp(s->sources[i], sub->source) == 0)
			src = i;
	if (src == -1) {
		if (s->nsources == MAX_SOURCES)
			return error("more than %d sources", MAX_SOURCES);
		s->sources = arena_grow(&s->arena, s->sources,
		    (size_t)s->nsources, (size_t)s->nsources + 1,
		    sizeof(*s->sources));
		s->sources[s->nsources] = sub->source;
		src = s->nsources++;
	}
	l->sub_ids = xreallocarray(l->sub_ids, (size_t)l->nsub + 1,
	    sizeof(*l->sub_ids));
	l->sub_source = xreallocarray(l->sub_source, (size_t)l->nsub + 1,
	    sizeof(*l->sub_source));
	l->sub_ids[l->nsub] = sub->id;
	l->sub_source[l->nsub++] = src;

	s->subs[s->nsubs++] = *sub;	/* at or before where it was */
	return 0;
}

int
subs_load(struct store *st, const struct filter *f, struct snapshot *s,
    struct subs_loader *l)
{
	struct submission *all;
	size_t		 nall;

	memset(s, 0, sizeof(*s));
	memset(l, 0, sizeof(*l));
	l->s = s;
	l->f = f;
	if (st->ops->submission_list(st, &s->arena, &all, &nall) == -1)
		return -1;
	s->subs = all;		/* those wanted are kept at its front */
	for (size_t i = 0; i < nall; i++)
		if (load_submission(&all[i], l) == -1)
			return -1;
	return 0;
}

/* Read the cases from their rows into s->rec (sized here). */
static int
load_rows(struct store *st, const struct filter *f, struct snapshot *s,
    const struct subs_loader *l)
{
	struct part	 p[2];
	pthread_t	 th;
	int64_t		 lo, hi;
	int		 nparts = 1, started = 0, rc = -1;

	memset(p, 0, sizeof(p));
	if (st->ops->case_range(st, &lo, &hi) == -1)
		return -1;
	for (int i = 0; i < 2; i++) {
		p[i].f = f;
		p[i].sub_ids = l->sub_ids;
		p[i].sub_source = l->sub_source;
		p[i].nsub = l->nsub;
		p[i].last_sub = -1;
		p[i].st = st;
		p[i].lo = lo;
		p[i].hi = hi;
	}
	if (hi - lo >= SPLIT_MIN && st->ops->clone(st, &p[1].st) == 0) {
		nparts = 2;
		p[0].hi = lo + (hi - lo) / 2;
		p[1].lo = p[0].hi + 1;
	}
	/* one array, sized by the cases there are: each part fills its own
	 * stretch of it, and the gap between them is closed at the end */
	for (int i = 0; i < nparts; i++) {
		int64_t	 n;

		if (st->ops->case_count(st, p[i].lo, p[i].hi, &n) == -1)
			goto out;
		p[i].cap = (size_t)n;
	}
	free(s->rec);
	s->rec = xreallocarray(NULL, p[0].cap + p[1].cap + 1,
	    sizeof(*s->rec));
	p[0].rec = s->rec;
	p[1].rec = s->rec + p[0].cap;
	if (nparts == 2) {
		if (pthread_create(&th, NULL, part_load, &p[1]) != 0)
			die("cannot start a thread");
		started = 1;
	}
	part_load(&p[0]);
	if (started)
		pthread_join(th, NULL);
	if (p[0].rc == -1 || (nparts == 2 && p[1].rc == -1))
		goto out;
	if (nparts == 2 && p[0].n < p[0].cap && p[1].n)
		memmove(s->rec + p[0].n, p[1].rec, p[1].n * sizeof(*s->rec));
	s->n = p[0].n + (nparts == 2 ? p[1].n : 0);
	rc = 0;
out:
	if (nparts == 2)
		p[1].st->ops->close(p[1].st);
	return rc;
}

/* Whether a packed record passes the filter: keep() on packed values. */
static int
keep_packed(const struct filter *f, const struct packed *p, int by, int be,
    int bc)
{
	int	 y = p->b[by], a = p->b[be], b = p->b[bc];

	if (f->from && (y == IDX_NR || y + 1900 < f->from))
		return 0;
	if (f->to && (y == IDX_NR || y + 1900 > f->to))
		return 0;
	a = a == IDX_NR ? -1 : a;
	b = b == IDX_NR ? -1 : b;
	if (f->country >= 0 && a != f->country && b != f->country)
		return 0;
	if (f->region && !country_in_region(a, f->region) &&
	    !country_in_region(b, f->region))
		return 0;
	for (int i = 0; i < f->nwhere; i++)
		if (packed_get(p, f->where_field[i]) != f->where_value[i])
			return 0;
	return 1;
}

struct pack_loader {
	const struct filter	*f;
	const struct subs_loader *l;
	struct snapshot		*s;
	size_t			 cap;
	int64_t			*seen;		/* records per wanted sub */
	int			 at;		/* the sub of the last pack */
	int			 by, be, bc;	/* bytes of year, countries */
};

static int
load_pack(int64_t submission, const uint8_t *data, int n, void *arg)
{
	struct pack_loader *pl = arg;
	const struct subs_loader *l = pl->l;
	struct snapshot	*s = pl->s;
	int		 k = pl->at;

	if (k < 0 || k >= l->nsub || l->sub_ids[k] != submission)
		for (k = 0; k < l->nsub && l->sub_ids[k] != submission; k++)
			;
	pl->at = k;
	if (k == l->nsub)
		return 0;	/* a submission not wanted */
	pl->seen[k] += n;
	if (s->n + (size_t)n > pl->cap)
		return 1;	/* more than its rows: not to be trusted */
	for (int i = 0; i < n; i++) {
		struct packed *p = &s->rec[s->n];

		memcpy(p, data + (size_t)i * PACKED_SIZE, PACKED_SIZE);
		if (!keep_packed(pl->f, p, pl->by, pl->be, pl->bc))
			continue;
		p->source = (uint16_t)l->sub_source[k];
		s->n++;
	}
	return 0;
}

/*
 * Load from the packs; from the rows when the packs do not hold exactly
 * the wanted submissions' rows, if rows_ok, else return 1 (packs apart).
 */
int
snapshot_read(struct store *st, const struct filter *f, struct snapshot *s,
    int rows_ok)
{
	struct subs_loader l;
	struct pack_loader pl;
	int		 rc = -1, whole;

	packed_init();		/* the threads only read its tables */
	memset(&pl, 0, sizeof(pl));
	if (subs_load(st, f, s, &l) == -1)
		goto out;
	/* the packs of the wanted submissions, as many as their rows */
	pl.f = f;
	pl.l = &l;
	pl.s = s;
	pl.at = -1;
	pl.by = packed_byte(CF_YEAR);
	pl.be = packed_byte(CF_COUNTRY_EXPLOITATION);
	pl.bc = packed_byte(CF_CITIZENSHIP);
	pl.seen = xcalloc((size_t)l.nsub + 1, sizeof(*pl.seen));
	for (int i = 0; i < l.nsub; i++)
		if (strcmp(s->subs[i].kind, "cases") == 0)
			pl.cap += (size_t)s->subs[i].rows;
	s->rec = xreallocarray(NULL, pl.cap + 1, sizeof(*s->rec));
	if ((whole = st->ops->pack_each(st, load_pack, &pl)) == -1)
		goto out;
	for (int i = 0; whole == 0 && i < l.nsub; i++)
		whole = pl.seen[i] != (strcmp(s->subs[i].kind, "cases") == 0 ?
		    s->subs[i].rows : 0);
	/* packs that do not match their rows (the store changed by hand
	 * since it was opened): the rows are the truth */
	s->n = whole == 0 ? s->n : 0;
	if (whole != 0 && !rows_ok) {
		rc = 1;
		goto out;
	}
	if (whole != 0 && load_rows(st, f, s, &l) == -1)
		goto out;
	rc = 0;
out:
	free(pl.seen);
	free(l.sub_ids);
	free(l.sub_source);
	if (rc != 0)
		snapshot_release(s);
	return rc;
}

int
snapshot_load(struct store *st, const struct filter *f, struct snapshot *s)
{
	return snapshot_read(st, f, s, 1);
}

int
snapshot_verify(struct store *st, int64_t *n, int64_t *first_bad)
{
	struct filter	 f;
	struct snapshot	 a, b;
	struct subs_loader l;
	int		 rc = -1, apart;

	filter_init(&f);
	*n = 0;
	*first_bad = -1;
	memset(&a, 0, sizeof(a));
	/* the rows packed again, then the packs as the store keeps them */
	if (subs_load(st, &f, &b, &l) == -1 || load_rows(st, &f, &b, &l) == -1)
		goto out;
	*n = (int64_t)b.n;
	if ((apart = snapshot_read(st, &f, &a, 0)) == -1)
		goto out;
	if (apart)		/* packs missing: apart from the start */
		*first_bad = 0;
	for (size_t i = 0; !apart && (i < a.n || i < b.n); i++)
		if (i >= a.n || i >= b.n || memcmp(&a.rec[i], &b.rec[i],
		    PACKED_SIZE) != 0 || a.rec[i].source != b.rec[i].source) {
			*first_bad = (int64_t)i;
			break;
		}
	rc = 0;
out:
	free(l.sub_ids);
	free(l.sub_source);
	snapshot_release(&a);
	snapshot_release(&b);
	return rc;
}

void
snapshot_release(struct snapshot *s)
{
	free(s->rec);
	arena_release(&s->arena);
	memset(s, 0, sizeof(*s));
}

/* ---------------------------------------------------------------------- */

static void
count(struct yes_rec *yr, int v)
{
	if (v != NR) {
		yr->rec++;
		yr->yes += v;
	}
}

/* Count the records from..to into fg (zeroed, year_source allocated). */
void
count_range(const struct snapshot *s, size_t from, size_t to,
    struct figures *fg)
{
	int	 flag_fields[CF__MAX], nflags = 0;
	int	 region_of[NCOUNTRIES];
	int	 bcit = packed_byte(CF_CITIZENSHIP);
	int	 bexp = packed_byte(CF_COUNTRY_EXPLOITATION);

	for (int i = 0; i < CF__MAX; i++)
		if (case_fields[i].kind == FK_FLAG)
			flag_fields[nflags++] = i;
	for (int i = 0; i < NCOUNTRIES; i++)
		region_of[i] = region_index(i < country_count() ? i : BYTE_NR);

	for (size_t r = from; r < to; r++) {
		const struct packed *p = &s->rec[r];
		int	 v[CF__MAX];
		int	 yi, g, cit, exp, reg, mask = 0, anyform = 0;

		packed_unpack(p, v);
		for (int i = 0; i < CF__MAX; i++)
			fg->not_recorded[i] += v[i] == NR;
		fg->total++;
		yi = v[CF_YEAR] == NR ? -1 : v[CF_YEAR] - 1900;
		if (yi < 0)
			fg->year_nr++;
		else {
			fg->by_year[yi]++;
			fg->year_source[(size_t)yi * (size_t)s->nsources +
			    p->source]++;
		}
		g = v[CF_GENDER];
		fg->gender_age[g + 1][v[CF_AGE_REGISTRATION] + 1]++;
		fg->gender_majority[0][g + 1][v[CF_MAJORITY_REGISTRATION] + 1]++;
		fg->gender_majority[1][g + 1][v[CF_MAJORITY_EXPLOITATION] + 1]++;
		fg->gender_majority[2][g + 1][v[CF_MAJORITY_ENTRY] + 1]++;
		for (int i = 0; i < nflags; i++)
			count(&fg->flag[flag_fields[i]], v[flag_fields[i]]);

		cit = p->b[bcit];
		exp = p->b[bexp];
		reg = region_of[exp];
		for (int k = 0; k < NFORMS; k++) {
			int	 f = v[CF_EXPLOIT_SEXUAL + k];

			count(&fg->form_gender[k][g + 1], f);
			count(&fg->form_majority[k][v[CF_MAJORITY_REGISTRATION]
			    + 1], f);
			count(&fg->form_region[k][reg], f);
			if (yi >= 0)
				count(&fg->year_form[yi][k], f);
			anyform |= f != NR;
			mask |= (f == 1) << k;
		}
		if (anyform) {
			fg->forms_recorded++;
			fg->combo[mask]++;
		}
		if (yi >= 0) {
			count(&fg->year_female[yi], g == NR ? NR :
			    g == GENDER_FEMALE);
			count(&fg->year_minor[yi], v[CF_MAJORITY_REGISTRATION] ==
			    NR ? NR : v[CF_MAJORITY_REGISTRATION] ==
			    MAJORITY_MINOR);
			fg->year_country[yi][exp]++;
		}
		if (cit != BYTE_NR && exp != BYTE_NR) {
			enum flow_class fc = flow_classify(cit, exp);

			fg->flow[cit][exp]++;
			fg->flow_class[fc]++;
			fg->flows++;
			if (yi >= 0)
				count(&fg->year_domestic[yi],
				    fc == FLOW_DOMESTIC);
		}
	}
}

struct figures *
figures_new(int nsources)
{
	struct figures	*fg = xcalloc(1, sizeof(*fg));

	fg->nsources = nsources;
	fg->year_source = xcalloc((size_t)NYEARS * (size_t)(nsources + 1),
	    sizeof(*fg->year_source));
	return fg;
}

_Static_assert(sizeof(struct yes_rec) == 2 * sizeof(int64_t) &&
    offsetof(struct figures, year_source) % sizeof(int64_t) == 0,
    "the counts of struct figures add up as an array of int64_t");

/* One thread's share of the records, counted into figures of its own. */
struct share {
	const struct snapshot	*s;
	size_t			 from, to;
	struct figures		*fg;
};

static void *
share_count(void *arg)
{
	struct share	*h = arg;

	count_range(h->s, h->from, h->to, h->fg);
	return NULL;
}

/* Records a thread is worth starting for, unless $PALERMO_THREADS says. */
#define SHARE_MIN	65536

/*
 * The records are cut into as many consecutive shares as there are
 * threads (thread_count), each counted into figures of its own on a
 * thread, and the figures are added: every count is additive, so the
 * result is the same whatever the number of threads.
 */
struct figures *
figures_compute(const struct snapshot *s)
{
	struct share	 sh[THREADS_MAX];
	pthread_t	 th[THREADS_MAX];
	struct figures	*fg;
	int		 k = thread_count();
	size_t		 ncount = offsetof(struct figures, year_source) /
	    sizeof(int64_t);

	packed_init();
	if (getenv("PALERMO_THREADS") == NULL && (size_t)k > s->n / SHARE_MIN)
		k = (int)(s->n / SHARE_MIN);
	if ((size_t)k > s->n)
		k = (int)s->n;
	if (k < 1)
		k = 1;
	for (int i = 0; i < k; i++) {
		sh[i].s = s;
		sh[i].from = s->n * (size_t)i / (size_t)k;
		sh[i].to = s->n * (size_t)(i + 1) / (size_t)k;
		sh[i].fg = figures_new(s->nsources);
	}
	for (int i = 1; i < k; i++)
		if (pthread_create(&th[i], NULL, share_count, &sh[i]) != 0)
			die("cannot start a thread");
	share_count(&sh[0]);
	fg = sh[0].fg;
	for (int i = 1; i < k; i++) {
		int64_t	*a = (int64_t *)(void *)fg;
		int64_t	*b = (int64_t *)(void *)sh[i].fg;

		pthread_join(th[i], NULL);
		for (size_t j = 0; j < ncount; j++)
			a[j] += b[j];
		for (size_t j = 0; j < (size_t)NYEARS * (size_t)s->nsources;
		    j++)
			fg->year_source[j] += sh[i].fg->year_source[j];
		figures_free(sh[i].fg);
	}
	return fg;
}

void
figures_free(struct figures *fg)
{
	if (fg == NULL)
		return;
	free(fg->year_source);
	free(fg);
}
