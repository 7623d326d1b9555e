/*
 * cmd_instruments.c: "palermo instruments": the legal instruments that
 * resolution 68/192 urges states to ratify and apply (op. 1), the actions
 * of each state on each, and who is a party, a signatory or neither on a
 * given date.
 *
 * A state is a party from the date of its ratification, accession,
 * acceptance, approval or succession; a signatory that is not yet a party
 * has signed and done none of those.  The states are the ISO 3166-1
 * countries and areas.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* What is stored, in memory: instruments and actions. */
struct register_ {
	struct instrument	*in;
	char			**strings;
	size_t			 nin, nstrings;
	struct treaty_action	*a;
	char			**dates;
	size_t			 na;
};

static char *
keep(struct register_ *g, const char *s)
{
	g->strings = xreallocarray(g->strings, g->nstrings + 1,
	    sizeof(*g->strings));
	return g->strings[g->nstrings++] = xstrdup(s);
}

static int
keep_instrument(const struct instrument *in, void *arg)
{
	struct register_ *g = arg;

	g->in = xreallocarray(g->in, g->nin + 1, sizeof(*g->in));
	g->in[g->nin] = *in;
	g->in[g->nin].code = keep(g, in->code);
	g->in[g->nin].name = keep(g, in->name);
	g->nin++;
	return 0;
}

static int
keep_action(const struct treaty_action *a, void *arg)
{
	struct register_ *g = arg;

	if ((g->na & (g->na - 1)) == 0)
		g->a = xreallocarray(g->a, g->na ? g->na * 2 : 256,
		    sizeof(*g->a));
	g->a[g->na] = *a;
	g->a[g->na].date = keep(g, a->date);
	g->a[g->na].source = NULL;
	g->na++;
	return 0;
}

static int
register_load(struct store *st, struct register_ *g)
{
	memset(g, 0, sizeof(*g));
	if (st->ops->instrument_each(st, keep_instrument, g) == -1 ||
	    st->ops->action_each(st, keep_action, g) == -1)
		return -1;
	return 0;
}

static void
register_release(struct register_ *g)
{
	for (size_t i = 0; i < g->nstrings; i++)
		free(g->strings[i]);
	free(g->strings);
	free(g->in);
	free(g->a);
}

/* An instrument by its code, its id or its name; NULL when none. */
static const struct instrument *
instrument_find(const struct register_ *g, const char *s)
{
	long long	 id;

	for (size_t i = 0; i < g->nin; i++)
		if (str_eqi(g->in[i].code, s) || str_eqi(g->in[i].name, s) ||
		    (parse_int(s, 1, INT64_MAX, &id) == 0 && g->in[i].id == id))
			return &g->in[i];
	return NULL;
}

/* A calendar date, YYYY-MM-DD, not after today; 0 or -1. */
static int
date_up_to_today(const char *s)
{
	char	 today[21];

	time_iso(today);
	return date_valid(s) && strncmp(s, today, 10) <= 0 ? 0 : -1;
}

enum { ST_NEITHER, ST_SIGNATORY, ST_PARTY };
static const char *const status_names[] = { "neither", "signatory",
    "party" };

/* The status of a country on an instrument as of a date, and its date. */
static int
status_of(const struct register_ *g, int64_t instrument, int country,
    const char *as_of, const char **since)
{
	int	 st = ST_NEITHER;

	*since = "";
	for (size_t i = 0; i < g->na; i++) {
		const struct treaty_action *a = &g->a[i];

		if (a->instrument != instrument || a->country != country ||
		    strcmp(a->date, as_of) > 0)
			continue;
		if (a->action != TA_SIGNATURE) {
			if (st != ST_PARTY || strcmp(a->date, *since) < 0)
				*since = a->date;
			st = ST_PARTY;
		} else if (st == ST_NEITHER) {
			st = ST_SIGNATORY;
			*since = a->date;
		}
	}
	return st;
}

struct iopts {
	const char	*db, *source, *instrument, *as_of, *unts;
	int		 csv;
	char		 today[11];
};

static int
parse(int argc, char **argv, struct iopts *o, int *first)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "source", required_argument, NULL, 's' },
		{ "instrument", required_argument, NULL, 'i' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "unts", required_argument, NULL, 'u' },
		{ "csv", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	char	 now[21];
	int	 ch;

	memset(o, 0, sizeof(*o));
	time_iso(now);
	memcpy(o->today, now, 10);
	o->today[10] = '\0';
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		switch (ch) {
		case 'd':
			o->db = optarg;
			break;
		case 's':
			o->source = optarg;
			break;
		case 'i':
			o->instrument = optarg;
			break;
		case 'a':
			o->as_of = optarg;
			break;
		case 'u':
			o->unts = optarg;
			break;
		case 'c':
			o->csv = 1;
			break;
		default:
			return option_error("instruments", ch, argv);
		}
	if (o->as_of && date_up_to_today(o->as_of) == -1)
		return usage_error("instruments", "--as-of takes a date, "
		    "YYYY-MM-DD, not after today");
	if (o->as_of == NULL)
		o->as_of = o->today;
	*first = optind;
	return EXIT_DONE;
}

/* One action from fields: country, instrument, action, date. */
static int
action_read(const struct register_ *g, const char *const f[4],
    struct treaty_action *a, struct errlist *el, unsigned long line)
{
	const struct country	*c;
	const struct instrument	*in;
	static const char *const names[4] = { "country", "instrument",
	    "action", "date" };
	int			 bad = 0;

	if (country_resolve(f[0], &c) != COUNTRY_FOUND) {
		errlist_add(el, line, 1, names[0], "unknown country '%s'",
		    f[0]);
		bad = 1;
	} else
		a->country = c->numeric;
	if ((in = instrument_find(g, f[1])) == NULL) {
		errlist_add(el, line, 2, names[1], "unknown instrument '%s' "
		    "(see 'palermo instruments')", f[1]);
		bad = 1;
	} else
		a->instrument = in->id;
	if ((a->action = code_find(CL_TREATY_ACTION, f[2])) == -1) {
		errlist_add(el, line, 3, names[2], "unknown action '%s'; "
		    "expected signature, ratification, accession, acceptance, "
		    "approval or succession", f[2]);
		bad = 1;
	}
	if (date_up_to_today(f[3]) == -1) {
		errlist_add(el, line, 4, names[3], "'%s' is not a date "
		    "(YYYY-MM-DD) up to today", f[3]);
		bad = 1;
	}
	a->date = f[3];
	return bad ? -1 : 0;
}

struct importer {
	struct store		*st;
	struct register_	*g;
	struct errlist		*el;
	const char		*source;
	int			 col[4];
	unsigned long		 rows;
};

static int
import_row(const struct csv_record *r, void *arg)
{
	static const char *const names[4] = { "country", "instrument",
	    "action", "date" };
	struct importer		*im = arg;
	struct treaty_action	 a;
	const char		*f[4];

	if (r->line == 1 && im->rows == 0 && im->col[0] == 0 &&
	    im->col[1] == 0) {
		for (int k = 0; k < 4; k++) {
			im->col[k] = -1;
			for (size_t i = 0; i < r->count; i++)
				if (str_eqi(r->field[i], names[k]))
					im->col[k] = (int)i;
			if (im->col[k] == -1)
				errlist_add(im->el, r->line, 0, names[k],
				    "column missing from the header (expected "
				    "country, instrument, action, date)");
		}
		return im->el->count ? -1 : 0;
	}
	im->rows++;
	for (int k = 0; k < 4; k++)
		f[k] = r->field[im->col[k]];
	memset(&a, 0, sizeof(a));
	a.source = im->source;
	if (action_read(im->g, f, &a, im->el, r->line) == -1 ||
	    im->el->count)
		return 0;
	return im->st->ops->action_put(im->st, &a);
}

static int
do_import(struct store *st, struct register_ *g, const char *path,
    const char *source)
{
	struct importer	 im;
	struct errlist	 el;

	memset(&im, 0, sizeof(im));
	im.st = st;
	im.g = g;
	im.el = &el;
	im.source = source;
	return register_import(st, path, import_row, NULL, &im, &el, &im.rows,
	    "actions");
}

static int
do_list(const struct register_ *g)
{
	printf("code\tname\tunts\n");
	for (size_t i = 0; i < g->nin; i++) {
		printf("%s\t%s\t", g->in[i].code, g->in[i].name);
		if (g->in[i].unts_volume != NR)
			printf("UNTS vol. %d, no. %d", g->in[i].unts_volume,
			    g->in[i].unts_number);
		printf("%s\n", g->in[i].shipped ? "" : "\t(added)");
	}
	return out_close(stdout, NULL);
}

/* The instrument of --instrument, or NULL for all; -1 on a usage error. */
static int
chosen(const struct register_ *g, const struct iopts *o,
    const struct instrument **one)
{
	*one = NULL;
	if (o->instrument && (*one = instrument_find(g, o->instrument)) ==
	    NULL) {
		usage_error("instruments", "unknown instrument '%s'",
		    o->instrument);
		return -1;
	}
	return 0;
}

/* status: counts per instrument, or one instrument country by country. */
static int
do_status(const struct register_ *g, const struct iopts *o)
{
	const struct instrument	*one;
	struct buf		 b = BUF_INIT;
	const char		*since;

	if (chosen(g, o, &one) == -1)
		return EXIT_USAGE;
	if (one == NULL) {
		buf_adds(&b, o->csv ? "instrument,parties,signatories,neither\n"
		    : "instrument      parties  signatories  neither\n");
		for (size_t i = 0; i < g->nin; i++) {
			int	 n[3] = { 0 };

			for (int c = 0; c < country_count(); c++)
				n[status_of(g, g->in[i].id,
				    country_at(c)->numeric, o->as_of,
				    &since)]++;
			buf_addf(&b, o->csv ? "%s,%d,%d,%d\n" :
			    "%-14s %8d %12d %8d\n", g->in[i].code,
			    n[ST_PARTY], n[ST_SIGNATORY], n[ST_NEITHER]);
		}
	} else {
		buf_adds(&b, o->csv ? "country,name,status,since\n" :
		    "country  status     since       name\n");
		for (int c = 0; c < country_count(); c++) {
			const struct country *ct = country_at(c);
			int	 s = status_of(g, one->id, ct->numeric, o->as_of,
			    &since);

			if (o->csv) {
				buf_addf(&b, "%s,", ct->alpha3);
				csv_put(&b, ct->name, strlen(ct->name));
				buf_addf(&b, ",%s,%s\n", status_names[s], since);
			} else
				buf_addf(&b, "%-8s %-10s %-11s %s\n",
				    ct->alpha3, status_names[s], since,
				    ct->name);
		}
	}
	fputs(b.s, stdout);
	buf_release(&b);
	fprintf(stderr, "%s: status as of %s\n", progname, o->as_of);
	return out_close(stdout, NULL);
}

/* gaps: the states not yet party, by instrument and region. */
static int
do_gaps(const struct register_ *g, const struct iopts *o)
{
	const struct instrument	*one;
	struct buf		 b = BUF_INIT;
	const char		*since;

	if (chosen(g, o, &one) == -1)
		return EXIT_USAGE;
	buf_adds(&b, o->csv ? "instrument,region,not_party,countries\n" :
	    "instrument      region     not party  countries\n");
	for (size_t i = 0; i < g->nin; i++) {
		if (one && one != &g->in[i])
			continue;
		for (int r = 0; r < NREGIONS; r++) {
			struct buf	 list = BUF_INIT;
			int		 n = 0;

			for (int c = 0; c < country_count(); c++) {
				const struct country *ct = country_at(c);

				if (region_index(c) != r || status_of(g,
				    g->in[i].id, ct->numeric, o->as_of,
				    &since) == ST_PARTY)
					continue;
				buf_addf(&list, "%s%s", n++ ? " " : "",
				    ct->alpha3);
			}
			if (n == 0) {
				buf_release(&list);
				continue;
			}
			buf_addf(&b, o->csv ? "%s,%s,%d,%s\n" :
			    "%-14s  %-9s  %9d  %s\n", g->in[i].code,
			    region_names[r], n, list.s);
			buf_release(&list);
		}
	}
	fputs(b.s, stdout);
	buf_release(&b);
	fprintf(stderr, "%s: not yet party as of %s\n", progname, o->as_of);
	return out_close(stdout, NULL);
}

int
cmd_instruments(int argc, char **argv)
{
	struct iopts		 o;
	struct register_	 g;
	struct store		*st = NULL;
	const char		*what;
	int			 first = 0, ret, found;
	long long		 v, n;

	if ((ret = parse(argc, argv, &o, &first)) != EXIT_DONE)
		return ret;
	what = first < argc ? argv[first] : "list";
	argc -= first + (first < argc);
	argv += first + 1;
	if (store_open(&st, db_path(o.db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	memset(&g, 0, sizeof(g));
	ret = EXIT_STORE;
	if (register_load(st, &g) == -1)
		goto out;
	if (strcmp(what, "list") == 0 && argc == 0)
		ret = do_list(&g);
	else if (strcmp(what, "status") == 0 && argc == 0)
		ret = do_status(&g, &o);
	else if (strcmp(what, "gaps") == 0 && argc == 0)
		ret = do_gaps(&g, &o);
	else if (strcmp(what, "import") == 0 && argc == 1) {
		if (o.source == NULL)
			ret = usage_error("instruments", "--source NAME is "
			    "required");
		else
			ret = do_import(st, &g, argv[0], o.source);
	} else if (strcmp(what, "add") == 0 && argc == 2) {
		struct instrument in = { 0, argv[0], argv[1], NR, NR, 0 };
		char	*vol = o.unts ? xstrdup(o.unts) : NULL;
		char	*colon = vol ? strchr(vol, ':') : NULL;

		if (colon != NULL)
			*colon = '\0';
		if (instrument_find(&g, argv[0]) || instrument_find(&g,
		    argv[1]))
			ret = usage_error("instruments", "'%s' is there "
			    "already", argv[0]);
		else if (vol && (colon == NULL || parse_int(vol, 1, 100000,
		    &v) == -1 || parse_int(colon + 1, 1, 10000000, &n) == -1))
			ret = usage_error("instruments", "--unts takes "
			    "VOLUME:NUMBER");
		else {
			if (o.unts) {
				in.unts_volume = (int)v;
				in.unts_number = (int)n;
			}
			if (st->ops->instrument_add(st, &in) == 0) {
				fprintf(stderr, "%s: added %s\n", progname,
				    argv[0]);
				ret = EXIT_DONE;
			}
		}
		free(vol);
	} else if (strcmp(what, "set") == 0 && argc == 4) {
		struct treaty_action	 a;
		struct errlist		 el;
		const char		*f[4] = { argv[0], argv[1], argv[2],
					    argv[3] };

		memset(&a, 0, sizeof(a));
		a.source = o.source ? o.source : operator_name();
		errlist_init(&el, "set");
		if (action_read(&g, f, &a, &el, 0) == -1) {
			errlist_print(&el, stderr);
			ret = EXIT_REJECTED;
		} else if (st->ops->action_put(st, &a) == 0)
			ret = EXIT_DONE;
		errlist_release(&el);
	} else if (strcmp(what, "unset") == 0 && argc == 3) {
		const struct country	*c;
		const struct instrument	*in = instrument_find(&g, argv[1]);
		int			 act = code_find(CL_TREATY_ACTION,
					    argv[2]);

		if (country_resolve(argv[0], &c) != COUNTRY_FOUND || in ==
		    NULL || act == -1)
			ret = usage_error("instruments", "unset takes a "
			    "country, an instrument and an action");
		else if (st->ops->action_remove(st, in->id, c->numeric, act,
		    &found) == 0) {
			if (!found) {
				error("no %s of %s by %s is recorded", argv[2],
				    in->code, c->alpha3);
				ret = EXIT_REJECTED;
			} else
				ret = EXIT_DONE;
		}
	} else
		ret = usage_error("instruments", "unknown action or wrong "
		    "number of arguments");
out:
	register_release(&g);
	st->ops->close(st);
	return ret;
}
