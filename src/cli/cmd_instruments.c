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
	int	 ch;

	memset(o, 0, sizeof(*o));
	if (today_iso(o->today) == -1)
		return EXIT_USAGE;
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
	if (o->as_of && !date_valid_past(o->as_of))
		return usage_error("instruments", "--as-of takes a date, "
		    "YYYY-MM-DD, not after today");
	if (o->as_of == NULL)
		o->as_of = o->today;
	*first = optind;
	return EXIT_DONE;
}

struct importer {
	struct store		*st;
	struct treaties	*g;
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
	if (treaty_action_read(im->g, f, &a, im->el, r->line) == -1 ||
	    im->el->count)
		return 0;
	return im->st->ops->action_put(im->st, &a);
}

static int
do_import(struct store *st, struct treaties *g, const char *path,
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
do_list(const struct treaties *g)
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
chosen(const struct treaties *g, const struct iopts *o,
    const struct instrument **one)
{
	*one = NULL;
	if (o->instrument && (*one = treaties_find(g, o->instrument)) ==
	    NULL) {
		usage_error("instruments", "unknown instrument '%s'",
		    o->instrument);
		return -1;
	}
	return 0;
}

/* status: counts per instrument, or one instrument country by country. */
static int
do_status(const struct treaties *g, const struct iopts *o)
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
				n[treaty_status(g, g->in[i].id,
				    country_at(c)->numeric, o->as_of,
				    &since)]++;
			buf_addf(&b, o->csv ? "%s,%d,%d,%d\n" :
			    "%-14s %8d %12d %8d\n", g->in[i].code,
			    n[PS_PARTY], n[PS_SIGNATORY], n[PS_NEITHER]);
		}
	} else {
		buf_adds(&b, o->csv ? "country,name,status,since\n" :
		    "country  status     since       name\n");
		for (int c = 0; c < country_count(); c++) {
			const struct country *ct = country_at(c);
			int	 s = treaty_status(g, one->id, ct->numeric, o->as_of,
			    &since);

			if (o->csv) {
				buf_addf(&b, "%s,", ct->alpha3);
				csv_put(&b, ct->name, strlen(ct->name));
				buf_addf(&b, ",%s,%s\n", party_status_names[s], since);
			} else
				buf_addf(&b, "%-8s %-10s %-11s %s\n",
				    ct->alpha3, party_status_names[s], since,
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
do_gaps(const struct treaties *g, const struct iopts *o)
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

				if (region_index(c) != r || treaty_status(g,
				    g->in[i].id, ct->numeric, o->as_of,
				    &since) == PS_PARTY)
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
	struct treaties	 g;
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
	if (treaties_load(st, &g) == -1)
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
		if (treaties_find(&g, argv[0]) || treaties_find(&g,
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
		if (treaty_action_read(&g, f, &a, &el, 0) == -1) {
			errlist_print(&el, stderr);
			ret = EXIT_REJECTED;
		} else if (st->ops->action_put(st, &a) == 0)
			ret = EXIT_DONE;
		errlist_release(&el);
	} else if (strcmp(what, "unset") == 0 && argc == 3) {
		const struct country	*c;
		const struct instrument	*in = treaties_find(&g, argv[1]);
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
	treaties_release(&g);
	st->ops->close(st);
	return ret;
}
