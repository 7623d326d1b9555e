/*
 * cmd_import.c: "palermo import cases|stats|population FILE": a file into
 * the store as one submission, all or nothing (intake/intake.c), with its
 * progress shown on a terminal and every problem listed.
 */
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

struct import_opts {
	const char	*source, *format;
	int		 replace;
	struct cli_list	 supersedes;
};

/* Progress on a terminal, once an import has run for two seconds. */
struct progress {
	const char	*name;
	struct timespec	 start, last;
	int		 shown;
};

static double
since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void
show_progress(uint64_t bytes, uint64_t size, uint64_t records, void *arg)
{
	struct progress	*p = arg;
	struct timespec	 now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (since(&p->start, &now) < 2 || since(&p->last, &now) < 0.25)
		return;
	p->last = now;
	p->shown = 1;
	if (size)
		fprintf(stderr, "\rimporting %s: %llu records, %.0f%%   ",
		    p->name, (unsigned long long)records,
		    100.0 * (double)bytes / (double)size);
	else
		fprintf(stderr, "\rimporting %s: %llu records   ", p->name,
		    (unsigned long long)records);
}

/* What the import did, or why it did nothing. */
static void
report(const struct intake_request *req, const struct intake_result *res,
    int rc, const char *name)
{
	if (rc == 1 && res->el.count) {
		errlist_print(&res->el, stderr);
		fprintf(stderr, "%s: %s: rejected: %lu problem%s; nothing was "
		    "imported\n", progname, name, res->el.count,
		    res->el.count == 1 ? "" : "s");
	}
	if (rc != 0)
		return;
	fprintf(stderr, "%s: imported %llu %s from %s (%s) as submission %lld "
	    "for source '%s'%s\n", progname, (unsigned long long)res->rows,
	    res->noun, name, res->format_shown, (long long)res->submission,
	    req->source, res->replaced ? " (replacing the earlier submission)" :
	    "");
	for (size_t i = 0; i < res->nsupers; i++)
		fprintf(stderr, "%s: its values supersede %lld value%s of "
		    "submission %lld, which stay in the history\n", progname,
		    (long long)res->supers[i].n, res->supers[i].n == 1 ? "" :
		    "s", (long long)res->supers[i].superseded);
	if (res->repeated_keys)
		fprintf(stderr, "%s: %llu keys are given in more than one "
		    "value (%llu values beyond the first of each): the parts "
		    "of one figure, as the portal gives them; their values "
		    "are added\n",
		    progname, (unsigned long long)res->repeated_keys,
		    (unsigned long long)res->repeated_values);
	if (res->areas)
		fprintf(stderr, "%s: %llu value%s for areas without an ISO "
		    "3166-1 code, kept under their names\n", progname,
		    (unsigned long long)res->areas, res->areas == 1 ? " is" :
		    "s are");
	if (res->nunmapped == 0)
		return;
	fprintf(stderr, "%s: %zu origin texts are not mapped to a country or "
	    "region; they are kept as written (add readings with 'palermo map "
	    "origins FILE'):\n", progname, res->nunmapped);
	for (size_t i = 0; i < res->nunmapped; i++)
		fprintf(stderr, "  %6llu  %s\n",
		    (unsigned long long)res->unmapped[i].n,
		    res->unmapped[i].text);
}

static int
import_run(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct import_opts *o = opts;
	struct intake_request	 req;
	struct intake_result	 res;
	struct progress		 p;
	struct store		*st;
	int64_t			 sup[CLI_LIST_MAX];
	long long		 id;
	int			 kind, rc;

	if (argc < 1)
		return usage_error("import", "say what to import: cases, stats "
		    "or population");
	if ((kind = intake_kind_find(argv[0])) == -1)
		return usage_error("import", "cannot import '%s'; palermo "
		    "imports: cases, stats, population", argv[0]);
	if (argc != 2)
		return usage_error("import", "name one FILE to import");
	if (o->source == NULL || *o->source == '\0')
		return usage_error("import", "--source NAME is required");
	memset(&req, 0, sizeof(req));
	req.kind = kind;
	req.path = argv[1];
	req.source = o->source;
	req.replace = o->replace;
	req.format = -1;
	if (o->supersedes.n && kind != INTAKE_STATS)
		return usage_error("import", "--supersedes is for stats");
	for (int i = 0; i < o->supersedes.n; i++) {
		if (parse_int(o->supersedes.v[i], 1, INT64_MAX, &id) == -1)
			return usage_error("import", "--supersedes takes a "
			    "submission id (see 'palermo submissions'), not "
			    "'%s'", o->supersedes.v[i]);
		sup[i] = id;
	}
	req.supersedes = sup;
	req.nsupersedes = (size_t)o->supersedes.n;
	if (o->format && (req.format = intake_format_find(kind, o->format)) ==
	    -1)
		return usage_error("import", "unknown format '%s' for %s",
		    o->format, argv[0]);
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	memset(&p, 0, sizeof(p));
	p.name = strcmp(argv[1], "-") == 0 ? "(stdin)" : argv[1];
	if (isatty(STDERR_FILENO)) {
		clock_gettime(CLOCK_MONOTONIC, &p.start);
		req.progress = show_progress;
		req.arg = &p;
	}
	rc = intake_file(st, &req, &res);
	if (p.shown)
		fprintf(stderr, "\r\033[K");
	report(&req, &res, rc, p.name);
	intake_result_release(&res);
	return exit_of(rc);
}

static const struct opt import_opts[] = {
	OPT_VALUE("source", struct import_opts, source),
	OPT_VALUE("format", struct import_opts, format),
	OPT_FLAG("replace", struct import_opts, replace),
	OPT_LIST("supersedes", struct import_opts, supersedes),
	OPT_END,
};

const struct command cmd_import = {
	"import", "import a file of records",
	"palermo import cases|stats|population FILE --source NAME "
	"[--format F]\n"
	"                [--replace] [--supersedes ID]... [--db PATH]\n\n"
	"Reads FILE (- for standard input), validates every value and\n"
	"stores the whole file as one submission, or nothing.  Problems are\n"
	"listed as file:line:column: field: message (at most 50); in an\n"
	"xlsx file as file: sheet!L2043.\n\n"
	"  cases             de-identified victim case records\n"
	"  stats             official national statistics: the UNODC data\n"
	"                    portal's export (CSV or xlsx), palermo's CSV "
	"or JSON\n"
	"  population        CSV: iso3, year, sex, age_group, population\n"
	"  --source NAME     the organisation that submits the file "
	"(required)\n"
	"  --format F        cases: palermo, json, ctdc-kanon, "
	"ctdc-synthetic,\n"
	"                    htcds; stats: unodc, palermo, json; detected "
	"when absent\n"
	"  --replace         replace an earlier submission of the same file\n"
	"                    (same SHA-256, else same file name) from this "
	"source\n"
	"  --supersedes ID   stats: this file is a new edition of values of\n"
	"                    submission ID (the same country, year,\n"
	"                    indicator, splits and origin): its values\n"
	"                    replace those in every figure, and the old ones\n"
	"                    stay in the history.  Without it, a file with\n"
	"                    such values is refused.  Repeatable.\n" DB_OPTS,
	import_opts, sizeof(struct import_opts), 0, import_run,
};
