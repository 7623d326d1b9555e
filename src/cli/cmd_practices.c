/*
 * cmd_practices.c: "palermo practices": the practices that national
 * coordination mechanisms share (resolution 68/192, op. 12), recorded one
 * by one or from a file, and searched in full text, best match first, with
 * the matching passage marked.
 */
#include <string.h>

#include "cli/cli.h"

struct practices_opts {
	const char	*country, *pillar, *tag, *limit, *source;
	const char	*title, *summary, *text, *tags, *date;
	/* the filters, checked */
	int		 c, p;
	long long	 n;
};

static int
print_practice(const struct practice *p, const char *snippet, void *arg)
{
	const struct country	*c = country_by_numeric(p->country);

	(void)arg;
	printf("%lld  %s  %s  %s  %s\n", (long long)p->id, p->date,
	    c ? c->alpha3 : "?", code_name(CL_PILLAR, p->pillar), p->title);
	printf("    %s\n", snippet);
	if (*p->tags)
		printf("    tags: %s\n", p->tags);
	return 0;
}

/* Search (with terms) or list (without). */
static int
practices_show(struct cli *cl, const struct practices_opts *o,
    const char *const *terms, size_t nterms, long long limit)
{
	struct practice_filter f = { o->c, o->p, o->tag, limit };
	struct store	*st;
	long long	 n;

	if ((st = cli_store(cl)) == NULL || practices_find(st, terms, nterms,
	    &f, print_practice, NULL, &n) == -1)
		return EXIT_STORE;
	fprintf(stderr, "%s: %lld practice%s\n", progname, n, n == 1 ? "" :
	    "s");
	return out_close(stdout, NULL, 1);
}

static int
practices_search(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct practices_opts *o = opts;
	struct arena	 a = { NULL };
	const char	**terms;
	size_t		 n;
	int		 ret;

	if (argc != 1)
		return usage_error("practices", "search takes one QUERY (quote "
		    "it)");
	if ((n = practice_terms(argv[0], &a, &terms)) == 0)
		ret = usage_error("practices", "the query has no words");
	else
		ret = practices_show(cl, o, terms, n, o->limit ? o->n : 20);
	arena_release(&a);
	return ret;
}

static int
practices_list(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct practices_opts *o = opts;

	(void)argv;
	if (argc != 0)
		return usage_error("practices", "list takes no argument");
	return practices_show(cl, o, NULL, 0, o->limit ? o->n : 1000000);
}

static int
practices_add(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct practices_opts *o = opts;
	static const int col[3] = { 0, 0, 0 };
	struct practice	 p;
	struct errlist	 el;
	struct store	*st;
	int		 ret = EXIT_STORE;

	(void)argc;
	(void)argv;
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	memset(&p, 0, sizeof(p));
	p.title = o->title;
	p.summary = o->summary;
	p.body = o->text ? o->text : "";
	p.tags = o->tags ? o->tags : "";
	p.source = o->source ? o->source : operator_name();
	errlist_init(&el, "add");
	if (practice_read(&p, o->country, o->pillar, o->date, &el, 0, col) ==
	    -1) {
		errlist_print(&el, stderr);
		ret = EXIT_REJECTED;
	} else if (st->ops->practice_add(st, &p) == 0)
		ret = EXIT_DONE;
	errlist_release(&el);
	return ret;
}

static int
practices_import(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct practices_opts *o = opts;

	if (argc != 1 || o->source == NULL)
		return usage_error("practices", "import takes a FILE and "
		    "--source NAME");
	return cli_register(cl, REG_PRACTICES, argv[0], o->source);
}

static const struct subcommand practices_subs[] = {
	{ "search", 0, 100, practices_search },
	{ "list", 0, 100, practices_list },
	{ "add", 0, 0, practices_add },
	{ "import", 0, 100, practices_import },
	{ NULL, 0, 0, NULL },
};

static int
practices_run(struct cli *cl, void *opts, int argc, char **argv)
{
	struct practices_opts *o = opts;
	const struct country *c;

	o->c = o->p = NR;
	if (o->country) {
		if (country_resolve(o->country, &c) != COUNTRY_FOUND)
			return usage_error("practices", "'%s' is not a country",
			    o->country);
		o->c = c->numeric;
	}
	if (o->pillar && (o->p = code_find(CL_PILLAR, o->pillar)) == -1)
		return usage_error("practices", "unknown pillar '%s'", o->pillar);
	if (o->limit && parse_int(o->limit, 1, 100000, &o->n) == -1)
		return usage_error("practices", "--limit takes a whole number");
	return cli_dispatch(cl, practices_subs, o, argc, argv, "list",
	    "unknown action '%s'");
}

static const struct opt practices_opts[] = {
	OPT_VALUE("country", struct practices_opts, country),
	OPT_VALUE("pillar", struct practices_opts, pillar),
	OPT_VALUE("tag", struct practices_opts, tag),
	OPT_VALUE("limit", struct practices_opts, limit),
	OPT_VALUE("source", struct practices_opts, source),
	OPT_VALUE("title", struct practices_opts, title),
	OPT_VALUE("summary", struct practices_opts, summary),
	OPT_VALUE("text", struct practices_opts, text),
	OPT_VALUE("tags", struct practices_opts, tags),
	OPT_VALUE("date", struct practices_opts, date),
	OPT_END,
};

const struct command cmd_practices = {
	"practices", "practices the mechanisms share",
	"palermo practices search QUERY [--country C] [--pillar P] "
	"[--tag T]\n"
	"                  [--limit N] [--db PATH]\n"
	"palermo practices [list] [--country C] [--pillar P] [--tag T] "
	"[--limit N]\n"
	"palermo practices add --country C --pillar P --title T --summary S\n"
	"                  --date YYYY-MM-DD [--text T] [--tags a,b] "
	"[--source NAME]\n"
	"palermo practices import FILE --source NAME\n\n"
	"search finds practices in full text (title, summary, text, tags),\n"
	"best match first (at most 20, or --limit), with the matching\n"
	"passage marked [like this]; every word must match, \"a phrase\"\n"
	"in quotes as a whole.  P is prevention, protection, prosecution or\n"
	"partnership.  import reads CSV (country, pillar, title, tags,\n"
	"summary, text, date), all or nothing.\n\n" DB_OPTS,
	practices_opts, sizeof(struct practices_opts), 0, practices_run,
};
