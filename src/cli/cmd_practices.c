/*
 * cmd_practices.c: national coordination mechanisms and the practices they
 * share (resolution 68/192, op. 12).  "palermo mechanisms" keeps the
 * register of mechanisms and rapporteurs per country; "palermo practices"
 * records practices and searches them in full text (SQLite FTS5), best
 * match first, with the matching passage marked.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* The options the two commands share. */
struct popts {
	const char	*db, *country, *pillar, *title, *summary, *text, *tags;
	const char	*date, *source, *tag, *name, *kind, *mandate, *office;
	const char	*limit, *place, *topics;
};

enum { P_DB = 1, P_COUNTRY, P_PILLAR, P_TITLE, P_SUMMARY, P_TEXT, P_TAGS,
    P_DATE, P_SOURCE, P_TAG, P_NAME, P_KIND, P_MANDATE, P_OFFICE, P_LIMIT,
    P_PLACE, P_TOPICS };

static int
parse(const char *cmd, int argc, char **argv, struct popts *o, int *first)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, P_DB },
		{ "country", required_argument, NULL, P_COUNTRY },
		{ "pillar", required_argument, NULL, P_PILLAR },
		{ "title", required_argument, NULL, P_TITLE },
		{ "summary", required_argument, NULL, P_SUMMARY },
		{ "text", required_argument, NULL, P_TEXT },
		{ "tags", required_argument, NULL, P_TAGS },
		{ "date", required_argument, NULL, P_DATE },
		{ "source", required_argument, NULL, P_SOURCE },
		{ "tag", required_argument, NULL, P_TAG },
		{ "name", required_argument, NULL, P_NAME },
		{ "kind", required_argument, NULL, P_KIND },
		{ "mandate", required_argument, NULL, P_MANDATE },
		{ "office", required_argument, NULL, P_OFFICE },
		{ "limit", required_argument, NULL, P_LIMIT },
		{ "place", required_argument, NULL, P_PLACE },
		{ "topics", required_argument, NULL, P_TOPICS },
		{ NULL, 0, NULL, 0 },
	};
	const char	**slot[] = { NULL, &o->db, &o->country, &o->pillar,
	    &o->title, &o->summary, &o->text, &o->tags, &o->date, &o->source,
	    &o->tag, &o->name, &o->kind, &o->mandate, &o->office, &o->limit,
	    &o->place, &o->topics };
	int		 ch;

	memset(o, 0, sizeof(*o));
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (ch < P_DB || ch > P_TOPICS)
			return option_error(cmd, ch, argv);
		*slot[ch] = optarg;
	}
	*first = optind;
	return EXIT_DONE;
}

struct printer {
	const struct popts	*o;
	int			 country, pillar;
	long long		 limit;
	int			 n;
};

static int
print_practice(const struct practice *p, const char *snippet, void *arg)
{
	struct printer		*pr = arg;
	const struct country	*c = country_by_numeric(p->country);

	if ((pr->country != NR && p->country != pr->country) ||
	    (pr->pillar != NR && p->pillar != pr->pillar) ||
	    (pr->o->tag && !practice_has_tag(p->tags, pr->o->tag)))
		return 0;
	if (pr->n >= pr->limit)
		return 1;
	pr->n++;
	printf("%lld  %s  %s  %s  %s\n", (long long)p->id, p->date,
	    c ? c->alpha3 : "?", code_name(CL_PILLAR, p->pillar), p->title);
	printf("    %s\n", snippet);
	if (*p->tags)
		printf("    tags: %s\n", p->tags);
	return 0;
}

struct pimport {
	struct store	*st;
	struct errlist	*el;
	const char	*source;
	int		 col[7];
	unsigned long	 rows;
};

static int
import_row(const struct csv_record *r, void *arg)
{
	static const char *const names[7] = { "country", "pillar", "title",
	    "tags", "summary", "text", "date" };
	struct pimport	*im = arg;
	struct practice	 p;
	int		 col[3];

	if (r->line == 1) {
		for (int k = 0; k < 7; k++) {
			im->col[k] = -1;
			for (size_t i = 0; i < r->count; i++)
				if (str_eqi(r->field[i], names[k]))
					im->col[k] = (int)i;
			if (im->col[k] == -1 && k != 3 && k != 5)
				errlist_add(im->el, r->line, 0, names[k],
				    "column missing from the header (expected "
				    "country, pillar, title, tags, summary, "
				    "text, date)");
		}
		return im->el->count ? -1 : 0;
	}
	im->rows++;
	memset(&p, 0, sizeof(p));
	p.title = r->field[im->col[2]];
	p.summary = r->field[im->col[4]];
	p.tags = im->col[3] >= 0 ? r->field[im->col[3]] : "";
	p.body = im->col[5] >= 0 ? r->field[im->col[5]] : "";
	p.source = im->source;
	col[0] = im->col[0] + 1;
	col[1] = im->col[1] + 1;
	col[2] = im->col[6] + 1;
	if (practice_read(&p, r->field[im->col[0]], r->field[im->col[1]],
	    r->field[im->col[6]], im->el, r->line, col) == -1 || im->el->count)
		return 0;
	return im->st->ops->practice_add(im->st, &p);
}

static int
practices_import(struct store *st, const char *path, const char *source)
{
	struct pimport	 im;
	struct errlist	 el;

	memset(&im, 0, sizeof(im));
	im.st = st;
	im.el = &el;
	im.source = source;
	return register_import(st, path, import_row, NULL, &im, &el, &im.rows,
	    "practices");
}

int
cmd_practices(int argc, char **argv)
{
	struct popts		 o;
	struct store		*st;
	struct printer		 pr;
	const struct country	*c;
	const char		*what;
	struct arena		 a = { NULL };
	const char		**terms = NULL;
	size_t			 nterms = 0;
	int			 first, ret;

	if ((ret = parse("practices", argc, argv, &o, &first)) != EXIT_DONE)
		return ret;
	what = first < argc ? argv[first] : "list";
	memset(&pr, 0, sizeof(pr));
	pr.o = &o;
	pr.country = pr.pillar = NR;
	pr.limit = 20;
	if (o.country) {
		if (country_resolve(o.country, &c) != COUNTRY_FOUND)
			return usage_error("practices", "'%s' is not a country",
			    o.country);
		pr.country = c->numeric;
	}
	if (o.pillar && (pr.pillar = code_find(CL_PILLAR, o.pillar)) == -1)
		return usage_error("practices", "unknown pillar '%s'", o.pillar);
	if (o.limit && parse_int(o.limit, 1, 100000, &pr.limit) == -1)
		return usage_error("practices", "--limit takes a whole number");
	if (strcmp(what, "search") == 0) {
		if (first + 2 != argc)
			return usage_error("practices", "search takes one QUERY "
			    "(quote it)");
		if ((nterms = practice_terms(argv[first + 1], &a, &terms)) ==
		    0) {
			arena_release(&a);
			return usage_error("practices", "the query has no "
			    "words");
		}
	} else if (strcmp(what, "list") == 0) {
		if (first + 1 < argc)
			return usage_error("practices", "list takes no "
			    "argument");
		pr.limit = o.limit ? pr.limit : 1000000;
	} else if (strcmp(what, "import") == 0) {
		if (first + 2 != argc || o.source == NULL)
			return usage_error("practices", "import takes a FILE "
			    "and --source NAME");
	} else if (strcmp(what, "add") != 0 || first + 1 != argc)
		return usage_error("practices", "unknown action '%s'", what);

	if (store_open(&st, db_path(o.db), STORE_EXISTING) == -1) {
		arena_release(&a);
		return EXIT_STORE;
	}
	ret = EXIT_STORE;
	if (strcmp(what, "import") == 0)
		ret = practices_import(st, argv[first + 1], o.source);
	else if (strcmp(what, "add") == 0) {
		struct practice	 p;
		struct errlist	 el;
		static const int col[3] = { 0, 0, 0 };

		memset(&p, 0, sizeof(p));
		p.title = o.title;
		p.summary = o.summary;
		p.body = o.text ? o.text : "";
		p.tags = o.tags ? o.tags : "";
		p.source = o.source ? o.source : operator_name();
		errlist_init(&el, "add");
		if (practice_read(&p, o.country, o.pillar, o.date, &el, 0, col)
		    == -1) {
			errlist_print(&el, stderr);
			ret = EXIT_REJECTED;
		} else if (st->ops->practice_add(st, &p) == 0)
			ret = EXIT_DONE;
		errlist_release(&el);
	} else if (st->ops->practice_search(st, terms, nterms,
	    /* the filters are applied here, so the store cannot stop early */
	    pr.country == NR && pr.pillar == NR && o.tag == NULL ? pr.limit :
	    -1, print_practice, &pr) == 0) {
		fprintf(stderr, "%s: %d practice%s\n", progname, pr.n,
		    pr.n == 1 ? "" : "s");
		ret = out_close(stdout, NULL);
	}
	st->ops->close(st);
	arena_release(&a);
	return ret;
}


/* meeting DATE, join MEETING MECHANISM, meetings. */
static int
mechanism_meetings(const struct popts *o, const char *what, int argc,
    char **argv)
{
	struct store	*st;
	long long	 a, b;
	int64_t		 id;
	int		 ret = EXIT_STORE, found;

	if ((strcmp(what, "meeting") == 0 && (argc != 1 ||
	    !date_valid(argv[0]))) || (strcmp(what, "join") == 0 && (argc != 2
	    || parse_int(argv[0], 1, INT64_MAX, &a) == -1 || parse_int(argv[1],
	    1, INT64_MAX, &b) == -1)) || (strcmp(what, "meetings") == 0 &&
	    argc != 0))
		return usage_error("mechanisms", "meeting takes a date "
		    "(YYYY-MM-DD), join a meeting id and a mechanism id");
	if (store_open(&st, db_path(o->db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	if (strcmp(what, "meeting") == 0) {
		if (st->ops->mech_meeting_add(st, argv[0], o->place, o->topics,
		    &id) == 0) {
			printf("%lld\n", (long long)id);
			ret = out_close(stdout, NULL);
		}
	} else if (strcmp(what, "join") == 0) {
		if (st->ops->mech_participant_add(st, a, b, &found) == 0) {
			ret = EXIT_DONE;
			if (!found) {
				error("no meeting %lld or no mechanism %lld (see "
				    "'palermo mechanisms'), or joined already",
				    a, b);
				ret = EXIT_REJECTED;
			}
		}
	} else {
		struct arena	 ar = { NULL };
		struct mech_meeting *m;
		size_t		 n;

		if (st->ops->mech_meeting_list(st, &ar, &m, &n) == 0) {
			for (size_t i = 0; i < n; i++)
				printf("%s  %s  (meeting %lld)\n    topics: %s\n"
				    "    mechanisms: %s\n", m[i].date,
				    m[i].place, (long long)m[i].id,
				    *m[i].topics ? m[i].topics : "-",
				    *m[i].participants ? m[i].participants :
				    "none recorded");
			ret = out_close(stdout, NULL);
		}
		arena_release(&ar);
	}
	st->ops->close(st);
	return ret;
}

int
cmd_mechanisms(int argc, char **argv)
{
	struct popts		 o;
	struct store		*st;
	const struct country	*c = NULL;
	const char		*what;
	int			 first, ret, country = NR;

	if ((ret = parse("mechanisms", argc, argv, &o, &first)) != EXIT_DONE)
		return ret;
	what = first < argc ? argv[first] : "list";
	if (strcmp(what, "meeting") == 0 || strcmp(what, "join") == 0 ||
	    strcmp(what, "meetings") == 0)
		return mechanism_meetings(&o, what, argc - first - 1,
		    argv + first + 1);
	if (first + 1 < argc || (strcmp(what, "list") != 0 &&
	    strcmp(what, "add") != 0))
		return usage_error("mechanisms", "say list, add, meeting, join "
		    "or meetings");
	if (o.country) {
		if (country_resolve(o.country, &c) != COUNTRY_FOUND)
			return usage_error("mechanisms", "'%s' is not a "
			    "country", o.country);
		country = c->numeric;
	}
	if (strcmp(what, "add") == 0) {
		if (c == NULL || o.name == NULL || *o.name == '\0' ||
		    !mechanism_kind_valid(o.kind))
			return usage_error("mechanisms", "add needs --country, "
			    "--name and --kind (coordination, rapporteur or "
			    "equivalent)");
	}
	if (store_open(&st, db_path(o.db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	ret = EXIT_STORE;
	if (strcmp(what, "add") == 0) {
		struct mechanism m = { 0, country, o.name, o.kind, o.mandate,
		    o.office };

		if (st->ops->mechanism_add(st, &m) == 0)
			ret = EXIT_DONE;
	} else {
		struct arena	 a = { NULL };
		struct mechanism *m;
		size_t		 n;

		printf("id\tcountry\tkind\tname\tmandate\toffice\n");
		if (st->ops->mechanism_list(st, &a, &m, &n) == 0) {
			for (size_t i = 0; i < n; i++) {
				const struct country *k =
				    country_by_numeric(m[i].country);

				if (country != NR && m[i].country != country)
					continue;
				printf("%lld\t%s\t%s\t%s\t%s\t%s\n",
				    (long long)m[i].id, k ? k->alpha3 : "?",
				    m[i].kind, m[i].name, m[i].mandate,
				    m[i].office);
			}
			ret = out_close(stdout, NULL);
		}
		arena_release(&a);
	}
	st->ops->close(st);
	return ret;
}
