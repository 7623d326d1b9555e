/*
 * cmd_report.c: "palermo report global" writes the Global Report, and
 * "palermo stats" answers quick questions at the command line.  Both read
 * the store once into the engine's snapshot; they share the options that
 * choose which cases count.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

/* The options both commands take. */
struct ropts {
	const char	*db, *out, *format, *by, *region, *year;
	int		 all, fields;
	struct filter	 f;
	const char	*sources[33];
	int		 nsources;
};

enum { O_DB = 1, O_OUT, O_FROM, O_TO, O_REGION, O_COUNTRY, O_SOURCE, O_BY,
    O_WHERE, O_FORMAT, O_ALL, O_FIELDS, O_YEAR };

static int
parse(const char *cmd, int argc, char **argv, struct ropts *o, int *first)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, O_DB },
		{ "out", required_argument, NULL, O_OUT },
		{ "from", required_argument, NULL, O_FROM },
		{ "to", required_argument, NULL, O_TO },
		{ "region", required_argument, NULL, O_REGION },
		{ "country", required_argument, NULL, O_COUNTRY },
		{ "source", required_argument, NULL, O_SOURCE },
		{ "by", required_argument, NULL, O_BY },
		{ "where", required_argument, NULL, O_WHERE },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "all", no_argument, NULL, O_ALL },
		{ "fields", no_argument, NULL, O_FIELDS },
		{ "year", required_argument, NULL, O_YEAR },
		{ NULL, 0, NULL, 0 },
	};
	const struct country *c;
	long long	 y;
	int		 ch;

	memset(o, 0, sizeof(*o));
	filter_init(&o->f);
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (ch) {
		case O_DB:
			o->db = optarg;
			break;
		case O_OUT:
			o->out = optarg;
			break;
		case O_FROM:
		case O_TO:
			if (parse_int(optarg, 1900, 2154, &y) == -1)
				return usage_error(cmd, "--%s takes a year",
				    ch == O_FROM ? "from" : "to");
			*(ch == O_FROM ? &o->f.from : &o->f.to) = (int)y;
			break;
		case O_REGION:
			if (region_resolve(optarg, &o->f.region) == -1)
				return EXIT_USAGE;
			o->region = optarg;
			break;
		case O_COUNTRY:
			if (country_resolve(optarg, &c) != COUNTRY_FOUND)
				return usage_error(cmd, "'%s' is not a country "
				    "(see 'palermo countries')", optarg);
			o->f.country = country_index(c->numeric);
			break;
		case O_SOURCE:
			if (o->nsources == 32)
				return usage_error(cmd, "at most 32 --source");
			o->sources[o->nsources++] = optarg;
			o->f.sources = o->sources;
			break;
		case O_BY:
			o->by = optarg;
			break;
		case O_WHERE:
			if (filter_where(&o->f, optarg) == -1)
				return EXIT_USAGE;
			break;
		case O_FORMAT:
			o->format = optarg;
			break;
		case O_ALL:
			o->all = 1;
			break;
		case O_FIELDS:
			o->fields = 1;
			break;
		case O_YEAR:
			o->year = optarg;
			break;
		default:
			return option_error(cmd, ch, argv);
		}
	}
	if (o->f.from && o->f.to && o->f.from > o->f.to)
		return usage_error(cmd, "--from %d is after --to %d", o->f.from,
		    o->f.to);
	*first = optind;
	return EXIT_DONE;
}

/* What the filters were, for the report's subtitle and JSON. */
static char *
describe(const struct ropts *o, struct buf *b)
{
	buf_reset(b);
	if (o->f.from || o->f.to)
		buf_addf(b, "Years %s%d to %s%d", "", o->f.from ? o->f.from :
		    1900, "", o->f.to ? o->f.to : current_year());
	if (o->f.country >= 0)
		buf_addf(b, "%sCountry: %s", b->len ? "; " : "",
		    country_at(o->f.country)->name);
	if (o->f.region)
		buf_addf(b, "%sRegion: %s", b->len ? "; " : "",
		    region_name(o->f.region));
	for (int i = 0; i < o->nsources; i++)
		buf_addf(b, "%s%s%s", b->len ? (i ? ", " : "; Sources: ") :
		    (i ? ", " : "Sources: "), "", o->sources[i]);
	if (b->len == 0)
		buf_adds(b, "All stored cases");
	return b->s;
}

static char *
json_meta(const struct ropts *o, const struct snapshot *s, const char *desc)
{
	json_t	*m = json_object(), *subs = json_array(), *f = json_object();
	char	*out;

	json_object_set_new(f, "description", json_string(desc));
	json_object_set_new(f, "from", o->f.from ? json_integer(o->f.from) :
	    json_null());
	json_object_set_new(f, "to", o->f.to ? json_integer(o->f.to) :
	    json_null());
	json_object_set_new(f, "country", o->f.country >= 0 ?
	    json_string(country_at(o->f.country)->alpha3) : json_null());
	json_object_set_new(f, "region", o->f.region ?
	    json_string(region_name(o->f.region)) : json_null());
	json_object_set_new(m, "filters", f);
	json_object_set_new(m, "cases", json_integer((json_int_t)s->n));
	for (int i = 0; i < s->nsubs; i++) {
		json_t	*j = json_object();

		json_object_set_new(j, "id", json_integer(s->subs[i].id));
		json_object_set_new(j, "source", json_string(s->subs[i].source));
		json_object_set_new(j, "file", json_string(s->subs[i].file_name));
		json_object_set_new(j, "format", json_string(s->subs[i].format));
		json_object_set_new(j, "sha256", json_string(s->subs[i].sha256));
		json_object_set_new(j, "rows", json_integer(s->subs[i].rows));
		json_object_set_new(j, "imported",
		    json_string(s->subs[i].created_at));
		json_object_set_new(j, "operator",
		    json_string(s->subs[i].operator_name));
		json_array_append_new(subs, j);
	}
	json_object_set_new(m, "submissions", subs);
	out = json_dumps(m, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(m);
	if (out == NULL)
		die("json_dumps failed");
	return out;
}

/* Load and count: the report and stats --all both start here. */
static struct report *
build_global(const struct ropts *o, struct snapshot *s)
{
	struct store	*st;
	struct figures	*fg;
	struct report	*r;
	struct buf	 b = BUF_INIT;

	if (store_open(&st, db_path(o->db), STORE_EXISTING) == -1)
		return NULL;
	if (snapshot_load(st, &o->f, s) == -1) {
		st->ops->close(st);
		return NULL;
	}
	fg = figures_compute(s);
	describe(o, &b);
	r = global_report(s, fg, b.s, json_meta(o, s, b.s));
	global_stats_sections(r, st);
	st->ops->close(st);
	figures_free(fg);
	buf_release(&b);
	return r;
}

static int
report_country(const struct ropts *o, const char *which)
{
	const struct country	*c;
	struct store		*st;
	struct report		*r;
	char			*meta;
	json_t			*m;
	int			 ret = EXIT_STORE;

	if (country_resolve(which, &c) != COUNTRY_FOUND)
		return usage_error("report", "'%s' is not a country (see "
		    "'palermo countries')", which);
	if (store_open(&st, db_path(o->db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	m = json_pack("{s:s, s:s}", "country", c->alpha3, "kind",
	    "official statistics");
	meta = json_dumps(m, JSON_COMPACT);
	json_decref(m);
	r = country_report(st, country_index(c->numeric), &meta);
	st->ops->close(st);
	free(meta);
	if (r != NULL && report_write(r, o->out) == 0) {
		fprintf(stderr, "%s: wrote the country profile of %s to %s/: "
		    "index.html, tables/ (%d CSV files), tables.xlsx, "
		    "figures.json\n", progname, c->name, o->out, r->ntables);
		ret = EXIT_DONE;
	}
	report_free(r);
	return ret;
}

/* The reports on one year of a register. */
static const struct {
	const char	*name, *what;
	struct report	*(*build)(struct store *, int year);
} yearly[] = {
	{ "appraisal", "appraisal", appraisal_report },
	{ "sg", "Secretary-General's report", sg_report },
	{ "fund", "Trust Fund's report", fund_report },
};

static int
report_yearly(const struct ropts *o, const char *name)
{
	struct store	*st;
	struct report	*r;
	long long	 y;
	size_t		 k;
	int		 ret = EXIT_STORE;

	for (k = 0; strcmp(yearly[k].name, name) != 0; k++)
		;
	if (o->year == NULL || parse_int(o->year, 1900, 2200, &y) == -1)
		return usage_error("report", "%s needs --year YEAR", name);
	if (k == 0 && plan_appraisal_check((int)y) == -1)
		return EXIT_USAGE;
	if (store_open(&st, db_path(o->db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	r = yearly[k].build(st, (int)y);
	st->ops->close(st);
	if (r != NULL) {
		json_t	*m = json_pack("{s:s, s:I}", "kind", name, "year",
		    (json_int_t)y);

		r->json_meta = json_dumps(m, JSON_COMPACT);
		json_decref(m);
		if (report_write(r, o->out) == 0) {
			fprintf(stderr, "%s: wrote the %s of %lld to %s/\n",
			    progname, yearly[k].what, y, o->out);
			ret = EXIT_DONE;
		}
	}
	report_free(r);
	return ret;
}

int
cmd_report(int argc, char **argv)
{
	struct ropts	 o;
	struct snapshot	 s;
	struct report	*r = NULL;
	struct buf	 p = BUF_INIT;
	int		 first, ret;

	if ((ret = parse("report", argc, argv, &o, &first)) != EXIT_DONE)
		return ret;
	if (o.out == NULL && first < argc)
		return usage_error("report", "--out DIR is required");
	if (first + 2 == argc && strcmp(argv[first], "country") == 0)
		return report_country(&o, argv[first + 1]);
	for (size_t k = 0; k < sizeof(yearly) / sizeof(yearly[0]); k++)
		if (first + 1 == argc && strcmp(argv[first], yearly[k].name) ==
		    0)
			return report_yearly(&o, yearly[k].name);
	if (first >= argc || strcmp(argv[first], "global") != 0)
		return usage_error("report", "say which report: global, "
		    "country ISO3, or appraisal, sg or fund --year YEAR");
	if (first + 1 != argc)
		return usage_error("report", "unexpected argument '%s'",
		    argv[first + 1]);
	if (o.out == NULL)
		return usage_error("report", "--out DIR is required");
	if (o.by || o.all || o.fields || o.format || o.f.nwhere)
		return usage_error("report", "--by, --where, --all, --fields "
		    "and --format are for 'palermo stats'");
	memset(&s, 0, sizeof(s));
	ret = EXIT_STORE;
	if ((r = build_global(&o, &s)) == NULL)
		goto out;
	if (report_write(r, o.out) == -1)
		goto out;
	fprintf(stderr, "%s: wrote the Global Report on %zu cases to %s/: "
	    "index.html, tables/ (%d CSV files), tables.xlsx, figures.json\n",
	    progname, s.n, o.out, r->ntables);
	ret = EXIT_DONE;
out:
	report_free(r);
	snapshot_release(&s);
	buf_release(&p);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* stats */

/* Fields that stats can group by beyond the case fields: derived ones. */
enum {
	PF_EXPLOITATION_REGION = CF__MAX,
	PF_EXPLOITATION_SUBREGION,
	PF_CITIZENSHIP_REGION,
	PF_CITIZENSHIP_SUBREGION,
	PF_FLOW,
	PF__MAX
};

static const struct {
	const char	*name, *label;
} pseudo[PF__MAX - CF__MAX] = {
	{ "exploitation_region", "M49 region of the country of exploitation" },
	{ "exploitation_subregion", "M49 sub-region of the country of "
	    "exploitation" },
	{ "citizenship_region", "M49 region of citizenship" },
	{ "citizenship_subregion", "M49 sub-region of citizenship" },
	{ "flow", "Flow class: domestic, within the sub-region, within the "
	    "region, across regions" },
};

static int
field_lookup(const char *name)
{
	int	 f = case_field_find(name);

	if (f >= 0)
		return f;
	for (int i = 0; i < PF__MAX - CF__MAX; i++)
		if (strcmp(pseudo[i].name, name) == 0)
			return CF__MAX + i;
	return -1;
}

static const char *
field_name(int f)
{
	return f < CF__MAX ? case_fields[f].name : pseudo[f - CF__MAX].name;
}

/* The value of a field or derived field of a record; NR when unknown. */
static int
stat_value(const struct packed *p, int f)
{
	int	 c, e, ci, ei;

	if (f < CF__MAX)
		return snap_get(p, f);
	c = snap_get(p, CF_CITIZENSHIP);
	e = snap_get(p, CF_COUNTRY_EXPLOITATION);
	ci = c == NR ? -1 : country_index(c);
	ei = e == NR ? -1 : country_index(e);
	switch (f) {
	case PF_EXPLOITATION_REGION:
	case PF_EXPLOITATION_SUBREGION:
		return ei < 0 ? NR : country_m49(ei,
		    f == PF_EXPLOITATION_SUBREGION) ? country_m49(ei,
		    f == PF_EXPLOITATION_SUBREGION) : NR;
	case PF_CITIZENSHIP_REGION:
	case PF_CITIZENSHIP_SUBREGION:
		return ci < 0 ? NR : country_m49(ci,
		    f == PF_CITIZENSHIP_SUBREGION) ? country_m49(ci,
		    f == PF_CITIZENSHIP_SUBREGION) : NR;
	case PF_FLOW:
		return ci < 0 || ei < 0 ? NR : (int)flow_classify(ci, ei);
	}
	return NR;
}

/* How a value reads: a code name, a country, a region, yes or no. */
static const char *
value_text(int f, int v, char buf[16])
{
	const struct country *c;

	if (v == NR)
		return "not recorded";
	if (f >= CF__MAX) {
		if (f == PF_FLOW)
			return flow_class_names[v];
		return region_name(v);
	}
	switch (case_fields[f].kind) {
	case FK_YEAR:
		snprintf(buf, 16, "%d", v);
		return buf;
	case FK_CODE:
		return code_name(case_fields[f].list, v);
	case FK_COUNTRY:
		c = country_by_numeric(v);
		return c ? c->alpha3 : "?";
	case FK_FLAG:
		return v ? "yes" : "no";
	}
	return "?";
}

#define MAX_BY	4

struct group {
	uint64_t	 key;
	int64_t		 n;
};

static uint64_t
key_of(const int *v, int nby)
{
	uint64_t	 k = 0;

	for (int i = 0; i < nby; i++)
		k = (k << 16) | (uint16_t)(v[i] + 1);
	return k;
}

static int
key_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int
stats_fields(void)
{
	printf("field\tkind\tvalues\n");
	for (int f = 0; f < CF__MAX; f++) {
		static const char *const kinds[] = { "year", "code", "country",
		    "flag" };

		printf("%s\t%s\t", case_fields[f].name,
		    kinds[case_fields[f].kind]);
		if (case_fields[f].kind == FK_CODE)
			for (int i = 0; i < code_lists[case_fields[f].list].count;
			    i++)
				printf("%s%s", i ? "," : "",
				    code_lists[case_fields[f].list].codes[i].name);
		else if (case_fields[f].kind == FK_FLAG)
			printf("yes,no");
		else if (case_fields[f].kind == FK_COUNTRY)
			printf("ISO 3166-1 alpha-3");
		printf("\n");
	}
	for (int i = 0; i < PF__MAX - CF__MAX; i++)
		printf("%s\tderived\t%s\n", pseudo[i].name, pseudo[i].label);
	return out_close(stdout, NULL);
}

/* stats --all: every figure of the Global Report. */
static int
stats_all(const struct ropts *o)
{
	struct snapshot	 s;
	struct report	*r;
	struct buf	 b = BUF_INIT;
	int		 ret = EXIT_STORE, json = o->format &&
			    strcmp(o->format, "json") == 0;

	if (o->format && !json && strcmp(o->format, "csv") != 0)
		return usage_error("stats", "--all writes csv or json");
	memset(&s, 0, sizeof(s));
	if ((r = build_global(o, &s)) == NULL)
		goto out;
	if (!json)
		report_csv_all(r, &b);
	else if (report_json(r, o->out ? o->out : "standard output", &b) == -1)
		goto out;
	if (file_put(o->out ? o->out : "-", b.s, b.len) == 0)
		ret = EXIT_DONE;
out:
	buf_release(&b);
	report_free(r);
	snapshot_release(&s);
	return ret;
}

int
cmd_stats(int argc, char **argv)
{
	struct ropts	 o;
	struct snapshot	 s;
	struct store	*st = NULL;
	struct group	*g = NULL;
	size_t		 ng = 0, cap = 0;
	int		 by[MAX_BY], nby = 0, first, ret, fmt = 0;
	FILE		*fp = NULL;
	struct buf	 b = BUF_INIT;

	if ((ret = parse("stats", argc, argv, &o, &first)) != EXIT_DONE)
		return ret;
	if (first != argc)
		return usage_error("stats", "unexpected argument '%s'",
		    argv[first]);
	if (o.fields)
		return stats_fields();
	if (o.all)
		return stats_all(&o);
	if (o.by == NULL)
		return usage_error("stats", "say what to count: --by FIELD[,"
		    "FIELD...], --all or --fields");
	if (o.format && (fmt = strcmp(o.format, "text") == 0 ? 0 :
	    strcmp(o.format, "csv") == 0 ? 1 : strcmp(o.format, "json") == 0 ?
	    2 : -1) == -1)
		return usage_error("stats", "--format is text, csv or json");
	for (const char *p = o.by; *p; ) {
		size_t	 n = strcspn(p, ",");
		char	*name = xstrndup(p, n);

		if (nby == MAX_BY)
			ret = usage_error("stats", "--by takes at most %d "
			    "fields", MAX_BY);
		else if ((by[nby++] = field_lookup(name)) == -1)
			ret = usage_error("stats", "no field '%s' (see "
			    "'palermo stats --fields')", name);
		free(name);
		if (ret != EXIT_DONE)
			return ret;
		p += n + (p[n] == ',');
	}
	if (nby == 0)
		return usage_error("stats", "--by names no field");

	memset(&s, 0, sizeof(s));
	ret = EXIT_STORE;
	if (store_open(&st, db_path(o.db), STORE_EXISTING) == -1)
		goto out;
	if (snapshot_load(st, &o.f, &s) == -1)
		goto out;

	/* count each combination: sort the keys, then run-length them */
	{
		uint64_t	*keys = xreallocarray(NULL, s.n ? s.n : 1,
		    sizeof(*keys));

		for (size_t i = 0; i < s.n; i++) {
			int	 v[MAX_BY];

			for (int k = 0; k < nby; k++)
				v[k] = stat_value(&s.rec[i], by[k]);
			keys[i] = key_of(v, nby);
		}
		qsort(keys, s.n, sizeof(*keys), key_cmp);
		for (size_t i = 0; i < s.n; i++) {
			if (ng && g[ng - 1].key == keys[i]) {
				g[ng - 1].n++;
				continue;
			}
			if (ng == cap) {
				cap = cap ? cap * 2 : 64;
				g = xreallocarray(g, cap, sizeof(*g));
			}
			g[ng].key = keys[i];
			g[ng++].n = 1;
		}
		free(keys);
	}

	if ((fp = out_open(o.out)) == NULL)
		goto out;
	if (fmt == 2) {
		json_t	*arr = json_array();
		char	*text;

		for (size_t i = 0; i < ng; i++) {
			json_t	*obj = json_object();

			for (int k = 0; k < nby; k++) {
				int	 v = (int)((g[i].key >> (16 * (nby - 1 -
				    k))) & 0xffff) - 1;
				char	 tmp[16];

				json_object_set_new(obj, field_name(by[k]),
				    v == NR ? json_null() :
				    json_string(value_text(by[k], v, tmp)));
			}
			json_object_set_new(obj, "cases", json_integer(g[i].n));
			json_array_append_new(arr, obj);
		}
		text = json_dumps(arr, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
		json_decref(arr);
		if (text == NULL)
			die("json_dumps failed");
		fprintf(fp, "%s\n", text);
		free(text);
	} else {
		for (int k = 0; k < nby; k++) {
			const char *n = field_name(by[k]);

			if (fmt == 1) {
				if (k)
					buf_addc(&b, ',');
				csv_put(&b, n, strlen(n));
			} else
				buf_addf(&b, "%-24s", n);
		}
		buf_addf(&b, fmt == 1 ? ",cases,percent\n" : "%10s %8s\n",
		    "cases", "percent");
		for (size_t i = 0; i < ng; i++) {
			char	 pct[32];

			for (int k = 0; k < nby; k++) {
				int	 v = (int)((g[i].key >> (16 * (nby - 1 -
				    k))) & 0xffff) - 1;
				char	 tmp[16];
				const char *t = value_text(by[k], v, tmp);

				if (fmt == 1) {
					if (k)
						buf_addc(&b, ',');
					csv_put(&b, t, strlen(t));
				} else
					buf_addf(&b, "%-24s", t);
			}
			pct_format(g[i].n, (int64_t)s.n, pct);
			buf_addf(&b, fmt == 1 ? ",%lld,%s\n" : "%10lld %8s\n",
			    (long long)g[i].n, pct);
		}
		if (fmt == 0)
			buf_addf(&b, "%-*s%10zu %8s\n", 24 * nby, "all", s.n,
			    s.n ? "100.0" : "");
		fwrite(b.s, 1, b.len, fp);
	}
	ret = out_close(fp, o.out);
out:
	if (st)
		st->ops->close(st);
	free(g);
	buf_release(&b);
	snapshot_release(&s);
	return ret;
}
