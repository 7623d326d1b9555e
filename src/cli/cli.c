/*
 * cli.c: palermo's command line: "palermo <command> [options]", git
 * style.  The commands are the table below; each parses its options from
 * its own table (struct opt) here, with getopt_long, so that every command
 * takes --db the same way and reports a bad option the same way.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const struct command *const commands[] = {
	&cmd_init, &cmd_import, &cmd_export, &cmd_sample, &cmd_stats,
	&cmd_report, &cmd_check, &cmd_map, &cmd_regions, &cmd_instruments,
	&cmd_criminalisation, &cmd_fund, &cmd_plan, &cmd_icat, &cmd_mechanisms,
	&cmd_practices, &cmd_worldday, &cmd_contributions, &cmd_history,
	&cmd_countries,
	&cmd_submissions, &cmd_help, &cmd_version, NULL,
};

const struct command *
command_lookup(const char *name)
{
	for (const struct command *const *c = commands; *c; c++)
		if (strcmp((*c)->name, name) == 0)
			return *c;
	return NULL;
}

const char *
db_path(const char *option)
{
	const char	*s;

	if (option != NULL)
		return option;
	if ((s = getenv("PALERMO_DB")) != NULL && *s)
		return s;
	return "./palermo.db";
}

int
usage_error(const char *cmd, const char *fmt, ...)
{
	const struct command *c = command_lookup(cmd);
	va_list	 ap;

	fprintf(stderr, "%s %s: ", progname, cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c != NULL)
		fprintf(stderr, "usage: %.*s\n", (int)strcspn(c->usage, "\n"),
		    c->usage);
	return EXIT_USAGE;
}

int
usage_show(const struct command *c)
{
	printf("usage: %s", c->usage);
	return EXIT_DONE;
}

int
exit_of(int rc)
{
	return rc == 0 ? EXIT_DONE : rc == 1 ? EXIT_REJECTED : EXIT_STORE;
}

/* getopt_long's value of the first option, above every character. */
#define OPT_BASE	256

/* Where the value of each option goes, by getopt_long's value. */
struct slot {
	const struct opt *p;
	size_t		 off;
};

/*
 * Parse the options of c->opts (and --db) into o and cl->db.  Returns
 * the index of the first operand, or -1 after a usage error.
 */
static int
options(struct cli *cl, void *o, int argc, char **argv)
{
	const struct command *c = cl->cmd;
	struct option	*lo;
	struct slot	*slots;
	size_t		 n = 0, k = 0;
	int		 ch, ret = -1;

	for (const struct opt *p = c->opts; p && p->name; p++)
		n += p->type == OT_FIELDS ? (size_t)(p->count - p->first) : 1;
	lo = xcalloc(n + 2, sizeof(*lo));
	slots = xcalloc(n + 1, sizeof(*slots));
	for (const struct opt *p = c->opts; p && p->name; p++) {
		if (p->type != OT_FIELDS) {
			lo[k] = (struct option){ p->name, p->type == OT_FLAG ?
			    no_argument : required_argument, NULL,
			    OPT_BASE + (int)k };
			slots[k++] = (struct slot){ p, p->off };
			continue;
		}
		for (int i = p->first; i < p->count; i++) {
			lo[k] = (struct option){ p->names[i],
			    required_argument, NULL, OPT_BASE + (int)k };
			slots[k++] = (struct slot){ p, p->off +
			    (size_t)i * sizeof(const char *) };
		}
	}
	if (!(c->flags & CMD_NODB))
		lo[n] = (struct option){ "db", required_argument, NULL,
		    OPT_BASE + (int)n };
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
		const struct slot *sl = &slots[ch >= OPT_BASE && (size_t)(ch -
		    OPT_BASE) < n ? ch - OPT_BASE : 0];
		char		*at = (char *)o + sl->off;

		if (ch == '?' || ch == ':') {
			usage_error(c->name, ch == ':' ? "option '%s' needs a "
			    "value" : "unknown option '%s'", argv[optind - 1]);
			goto out;
		}
		if (ch == OPT_BASE + (int)n) {
			cl->db = optarg;
			continue;
		}
		switch (sl->p->type) {
		case OT_VALUE:
		case OT_FIELDS:
			*(const char **)(void *)at = optarg;
			break;
		case OT_FLAG:
			*(int *)(void *)at = 1;
			break;
		case OT_LIST: {
			struct cli_list *l = (struct cli_list *)(void *)at;

			if (l->n == CLI_LIST_MAX) {
				usage_error(c->name, "at most %d --%s",
				    CLI_LIST_MAX, sl->p->name);
				goto out;
			}
			l->v[l->n++] = optarg;
			break;
		}
		}
	}
	ret = optind;
out:
	free(lo);
	free(slots);
	return ret;
}

int
cli_run(const struct command *c, int argc, char **argv)
{
	struct cli	 cl = { c, NULL, NULL };
	void		*o = xcalloc(1, c->optsize ? c->optsize : 1);
	int		 first, ret;

	if (c->flags & CMD_RAW)
		ret = c->run(&cl, o, argc, argv);
	else if ((first = options(&cl, o, argc, argv)) == -1)
		ret = EXIT_USAGE;
	else
		ret = c->run(&cl, o, argc - first, argv + first);
	if (cl.st != NULL)
		cl.st->ops->close(cl.st);
	free(o);
	return ret;
}

/* Say bad, with what in place of its "%s". */
static int
bad_action(const char *cmd, const char *bad, const char *what)
{
	const char	*p = strstr(bad, "%s");
	struct buf	 b = BUF_INIT;

	if (p == NULL)
		buf_adds(&b, bad);
	else {
		buf_add(&b, bad, (size_t)(p - bad));
		buf_adds(&b, what);
		buf_adds(&b, p + 2);
	}
	usage_error(cmd, "%s", b.s);
	buf_release(&b);
	return EXIT_USAGE;
}

const struct subcommand *
cli_subcommand(const struct subcommand *t, const char *name)
{
	for (; t->name; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

int
cli_dispatch(struct cli *cl, const struct subcommand *t, void *o, int argc,
    char **argv, const char *dflt, const char *bad)
{
	const char	*what = argc ? argv[0] : dflt;

	if (argc) {
		argc--;
		argv++;
	}
	if ((t = cli_subcommand(t, what)) != NULL && argc >= t->min &&
	    argc <= t->max)
		return t->run(cl, o, argc, argv);
	return bad_action(cl->cmd->name, bad, what);
}

struct store *
cli_store(struct cli *cl)
{
	if (cl->st == NULL && store_open(&cl->st, db_path(cl->db),
	    STORE_EXISTING) == -1)
		cl->st = NULL;
	return cl->st;
}

/* The one file a command writes with --out, put in place when closed. */
static struct file_out	 out_file;

FILE *
out_open(const char *path)
{
	if (path == NULL || strcmp(path, "-") == 0)
		return stdout;
	return file_out_open(&out_file, path);
}

int
out_close(FILE *fp, const char *path, int ok)
{
	if (fp != stdout)
		return file_out_close(&out_file, ok) == 0 ? EXIT_DONE :
		    EXIT_STORE;
	if (fflush(fp) != 0 || ferror(fp)) {
		error("%s: write error: %s", path ? path : "standard output",
		    strerror(errno));
		return EXIT_STORE;
	}
	return ok ? EXIT_DONE : EXIT_STORE;
}

int
cli_register(struct cli *cl, enum register_kind kind, const char *path,
    const char *source)
{
	struct register_in in = { source, NULL };

	return cli_register_in(cl, kind, path, &in);
}

int
cli_register_in(struct cli *cl, enum register_kind kind, const char *path,
    const struct register_in *in)
{
	struct register_result r;
	struct store	*st;
	int		 rc;

	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	rc = intake_register(st, kind, path, in, &r);
	if (rc == 1 && r.el.count) {
		errlist_print(&r.el, stderr);
		fprintf(stderr, "%s: %s: rejected; nothing was recorded\n",
		    progname, path);
	} else if (rc == 0)
		fprintf(stderr, "%s: recorded %lu %s from %s\n", progname,
		    r.rows, r.noun, path);
	errlist_release(&r.el);
	return exit_of(rc);
}

int
cli_filter(const char *cmd, struct filter_opts *o, struct filter *f)
{
	const struct country *c;
	long long	 y;

	filter_init(f);
	for (int k = 0; k < 2; k++) {
		const char *v = k ? o->to : o->from;

		if (v == NULL)
			continue;
		if (parse_int(v, 1900, 2154, &y) == -1) {
			usage_error(cmd, "--%s takes a year", k ? "to" : "from");
			return -1;
		}
		*(k ? &f->to : &f->from) = (int)y;
	}
	if (o->region && region_resolve(o->region, &f->region) == -1)
		return -1;
	if (o->country) {
		if (country_resolve(o->country, &c) != COUNTRY_FOUND) {
			usage_error(cmd, "'%s' is not a country (see 'palermo "
			    "countries')", o->country);
			return -1;
		}
		f->country = country_index(c->numeric);
	}
	for (int i = 0; i < o->source.n; i++)
		o->sources[i] = o->source.v[i];
	if (o->source.n)
		f->sources = o->sources;
	for (int i = 0; i < o->where.n; i++)
		if (filter_where(f, o->where.v[i]) == -1)
			return -1;
	if (f->from && f->to && f->from > f->to) {
		usage_error(cmd, "--from %d is after --to %d", f->from, f->to);
		return -1;
	}
	return 0;
}

int
cli_grouping(struct cli *cl, const struct filter_opts *o, struct arena *a,
    struct grouping *g)
{
	if (o->regions == NULL) {
		grouping_m49(g);
		return EXIT_DONE;
	}
	if (cli_store(cl) == NULL)
		return EXIT_STORE;
	return exit_of(grouping_load(cl->st, o->regions, a, g));
}
