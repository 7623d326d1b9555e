/*
 * cmd_statsio.c: official statistics at the command line: "palermo export
 * stats" writes them back in any format palermo reads, "palermo check
 * stats" lists where a country's figures do not agree with each other, and
 * "palermo map origins" adds the user's readings of free-text origins.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* A stored value with its strings copied, for sorting and checking. */
struct val {
	struct stat_rec	 r;
	char		*country_text, *origin_text, *note;
};

struct vals {
	struct val	*v;
	size_t		 n;
	int		 country;	/* filter: ISO numeric or NR */
	int		 year;		/* filter: 0 for all */
};

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static int
keep_val(const struct stat_rec *r, void *arg)
{
	struct vals	*vs = arg;
	struct val	*v;

	if (vs->country != NR && r->country != vs->country)
		return 0;
	if (vs->year && r->year != vs->year)
		return 0;
	if ((vs->n & (vs->n - 1)) == 0)		/* double at powers of two */
		vs->v = xreallocarray(vs->v, vs->n ? vs->n * 2 : 1024,
		    sizeof(*vs->v));
	v = &vs->v[vs->n++];
	v->r = *r;
	v->r.country_text = v->country_text = dup_or_null(r->country_text);
	v->r.origin_text = v->origin_text = dup_or_null(r->origin_text);
	v->r.note = v->note = dup_or_null(r->note);
	return 0;
}

static void
vals_free(struct vals *vs)
{
	for (size_t i = 0; i < vs->n; i++) {
		free(vs->v[i].country_text);
		free(vs->v[i].origin_text);
		free(vs->v[i].note);
	}
	free(vs->v);
}

/* --- export ----------------------------------------------------------- */

struct swriter {
	FILE		*fp;
	int		 fmt;
	struct buf	 b;
};

static int
write_val(const struct stat_rec *r, void *arg)
{
	struct swriter	*w = arg;

	stat_write(w->fmt, r, &w->b);
	if (w->b.len >= 65536) {
		if (fwrite(w->b.s, 1, w->b.len, w->fp) != w->b.len)
			return -1;
		buf_reset(&w->b);
	}
	return 0;
}

int
export_stats(const char *format, const char *out, const char *db)
{
	struct swriter	 w;
	struct store	*st;
	int		 ok;

	memset(&w, 0, sizeof(w));
	w.fmt = SFMT_PALERMO;
	if (format != NULL) {
		w.fmt = -1;
		for (int i = 0; i < SFMT__MAX; i++)
			if (strcmp(stat_format_names[i], format) == 0)
				w.fmt = i;
		if (w.fmt == -1)
			return usage_error("export", "unknown format '%s' for "
			    "stats: palermo, unodc or json", format);
	}
	if (store_open(&st, db, STORE_EXISTING) == -1)
		return EXIT_STORE;
	if ((w.fp = out_open(out)) == NULL) {
		st->ops->close(st);
		return EXIT_STORE;
	}
	buf_init(&w.b, 0);
	stat_write_header(w.fmt, &w.b);
	ok = st->ops->stat_each(st, write_val, &w) == 0;
	st->ops->close(st);
	if (ok && w.b.len && fwrite(w.b.s, 1, w.b.len, w.fp) != w.b.len)
		ok = 0;
	buf_release(&w.b);
	ok = out_close(w.fp, out) == EXIT_DONE && ok;
	return ok ? EXIT_DONE : EXIT_STORE;
}

/* --- check ------------------------------------------------------------ */

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
	const struct stat_rec *x = &((const struct val *)a)->r;
	const struct stat_rec *y = &((const struct val *)b)->r;
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
check_group(const struct val *v, size_t n, FILE *out)
{
	const struct stat_rec *r0 = &v[0].r;
	int64_t		 tlo = 0, thi = 0, lo[SPLIT__MAX] = { 0 },
			 hi[SPLIT__MAX] = { 0 }, big[SPLIT__MAX] = { 0 };
	int		 has_total = 0, has[SPLIT__MAX] = { 0 }, found = 0;
	const char	*ind = code_lists[CL_INDICATOR].codes[r0->indicator].name;
	char		 a[64], b[64];

	for (size_t i = 0; i < n; i++) {
		const struct stat_rec *r = &v[i].r;
		int	 s = split_of(r);

		if (s == -1) {
			if (has_total) {
				fprintf(out, "%s %d %s: the total is given more "
				    "than once\n", where(r), r->year, ind);
				found++;
			}
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
			fprintf(out, "%s %d %s: parts %s (%s) but no total\n",
			    where(r0), r0->year, ind, splits[s].name,
			    interval(lo[s], hi[s], a));
			found++;
			continue;
		}
		if (tlo == 1 && thi == 4 && big[s] >= 5) {
			fprintf(out, "%s %d %s: the total is <5 but a part %s "
			    "is %lld\n", where(r0), r0->year, ind,
			    splits[s].name, (long long)big[s]);
			found++;
		} else if (lo[s] > thi) {
			fprintf(out, "%s %d %s: parts %s add up to %s, more "
			    "than the total %s\n", where(r0), r0->year, ind,
			    splits[s].name, interval(lo[s], hi[s], a),
			    interval(tlo, thi, b));
			found++;
		} else if (splits[s].strict && hi[s] < tlo) {
			fprintf(out, "%s %d %s: parts %s add up to %s, less "
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
check_series(const struct val *v, size_t n, FILE *out)
{
	int	 found = 0, prev_year = 0;
	int64_t	 prev = -1;

	for (size_t i = 0; i < n; i++) {
		const struct stat_rec *r = &v[i].r;

		if (split_of(r) != -1 || r->low != r->high)
			continue;
		if (prev >= 0 && r->year == prev_year + 1 &&
		    (prev > r->low ? prev : r->low) >= 50 &&
		    (r->low > 10 * prev || prev > 10 * r->low)) {
			fprintf(out, "%s %d %s: a sudden break in the series, "
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

static int
check_stats(const char *country, const char *year, const char *db)
{
	struct vals		 vs;
	struct store		*st;
	const struct country	*c;
	long long		 y;
	int			 found = 0;
	size_t			 i, j, k;

	memset(&vs, 0, sizeof(vs));
	vs.country = NR;
	if (country != NULL) {
		if (country_resolve(country, &c) != COUNTRY_FOUND)
			return usage_error("check", "'%s' is not a country",
			    country);
		vs.country = c->numeric;
	}
	if (year != NULL) {
		if (parse_int(year, 1900, 2200, &y) == -1)
			return usage_error("check", "--year takes a year");
		vs.year = (int)y;
	}
	if (store_open(&st, db, STORE_EXISTING) == -1)
		return EXIT_STORE;
	if (st->ops->stat_each(st, keep_val, &vs) == -1) {
		st->ops->close(st);
		vals_free(&vs);
		return EXIT_STORE;
	}
	st->ops->close(st);
	if (vs.n)
		qsort(vs.v, vs.n, sizeof(*vs.v), val_cmp);
	/* groups: one country and indicator (a series), then each year */
	for (i = 0; i < vs.n; i = j) {
		for (j = i; j < vs.n && strcmp(where(&vs.v[j].r),
		    where(&vs.v[i].r)) == 0 && vs.v[j].r.indicator ==
		    vs.v[i].r.indicator; j++)
			;
		found += check_series(&vs.v[i], j - i, stdout);
		for (k = i; k < j; ) {
			size_t	 e;

			for (e = k; e < j && vs.v[e].r.year == vs.v[k].r.year;
			    e++)
				;
			found += check_group(&vs.v[k], e - k, stdout);
			k = e;
		}
	}
	fprintf(stderr, "%s: checked %zu values: %d inconsistenc%s\n",
	    progname, vs.n, found, found == 1 ? "y" : "ies");
	vals_free(&vs);
	if (out_close(stdout, NULL) != EXIT_DONE)
		return EXIT_STORE;
	return found ? EXIT_REJECTED : EXIT_DONE;
}

int
cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "country", required_argument, NULL, 'c' },
		{ "year", required_argument, NULL, 'y' },
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char	*country = NULL, *year = NULL, *db = NULL;
	int		 ch;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		switch (ch) {
		case 'c':
			country = optarg;
			break;
		case 'y':
			year = optarg;
			break;
		case 'd':
			db = optarg;
			break;
		default:
			return option_error("check", ch, argv);
		}
	if (optind + 1 != argc || strcmp(argv[optind], "stats") != 0)
		return usage_error("check", "say what to check: stats");
	return check_stats(country, year, db_path(db));
}

/* --- map origins ------------------------------------------------------ */

struct mapping {
	struct store	*st;
	struct errlist	*el;
	unsigned long	 rows;
};

static int
map_row(const struct csv_record *r, void *arg)
{
	struct mapping		*m = arg;
	const struct country	*c;
	long long		 v;
	int			 kind, code = NR;

	/* a header line is optional */
	if (r->line == 1 && r->count == 3 && str_eqi(r->field[0], "text") &&
	    str_eqi(r->field[1], "kind"))
		return 0;
	if (r->count != 3) {
		errlist_add(m->el, r->line, 0, NULL, "expected text,kind,code");
		return 0;
	}
	if (r->len[0] == 0) {
		errlist_add(m->el, r->line, 1, "text", "empty text");
		return 0;
	}
	if ((kind = code_find(CL_ORIGIN_KIND, r->field[1])) == -1 ||
	    kind == OKIND_NONE || kind == OKIND_UNMAPPED) {
		errlist_add(m->el, r->line, 2, "kind", "unknown kind '%s'; "
		    "expected country, region, nationals, abroad, foreign, "
		    "unknown or other", r->field[1]);
		return 0;
	}
	if (kind == OKIND_COUNTRY) {
		if (country_resolve(r->field[2], &c) != COUNTRY_FOUND) {
			errlist_add(m->el, r->line, 3, "code", "unknown country "
			    "'%s'", r->field[2]);
			return 0;
		}
		code = c->numeric;
	} else if (kind == OKIND_REGION) {
		if (parse_int(r->field[2], 1, 999, &v) == -1 ||
		    region_name((int)v) == NULL) {
			errlist_add(m->el, r->line, 3, "code", "'%s' is not a "
			    "UN M49 region code", r->field[2]);
			return 0;
		}
		code = (int)v;
	}
	m->rows++;
	if (m->el->count)
		return 0;
	return m->st->ops->origin_put(m->st, r->field[0], kind, code);
}

int
cmd_map(int argc, char **argv)
{
	struct mapping	 m;
	struct errlist	 el;
	struct store	*st;
	const char	*db;
	int		 first, ret;

	if ((first = db_option_parse("map", argc, argv, &db)) == -1)
		return EXIT_USAGE;
	if (first + 2 != argc || strcmp(argv[first], "origins") != 0)
		return usage_error("map", "say what to map: origins FILE");
	if (store_open(&st, db, STORE_EXISTING) == -1)
		return EXIT_STORE;
	memset(&m, 0, sizeof(m));
	m.st = st;
	m.el = &el;
	ret = register_import(st, argv[first + 1], map_row, NULL, &m, &el,
	    &m.rows, "origin readings");
	if (ret == EXIT_DONE)
		fprintf(stderr, "%s: the readings apply to imports from now "
		    "on\n", progname);
	st->ops->close(st);
	return ret;
}
