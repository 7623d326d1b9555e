/*
 * cmd_plan.c: "palermo plan": the UN Global Plan of Action to Combat
 * Trafficking in Persons (resolution 68/192, op. 2): its objectives (a)
 * to (f) and four pillars, and the actions carried out under it, by
 * states, UN entities, other organisations, civil society and the private
 * sector, with dated progress notes, indicators with target and actual,
 * and evidence; ICAT's roadmap is actions with a horizon year.  What an
 * action must say, and which a listing shows, is rules/plan.c's; the
 * export's formats are intake/export.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

struct plan_opts {
	const char	*out, *format, *source, *target, *actual;
	const char	*f[PLF__MAX];	/* --actor-kind ... --horizon */
	int		 overdue;
	const char	*pillar, *objective;
	long long	 id;		/* of the action, when one is named */
};

#define BAD_ACTION	"unknown action '%s' or wrong number of arguments"

/* --- listing and export ----------------------------------------------- */

static int
do_list(struct store *st, const struct plan_opts *o, int export)
{
	struct plan_filter f;
	struct arena	 a = { NULL };
	struct plan_action *v;
	struct buf	 b = BUF_INIT;
	size_t		 n;
	FILE		*fp;
	int		 fmt, ret = EXIT_STORE;

	if (plan_filter_init(&f) == -1)
		return EXIT_USAGE;
	f.actor = o->f[PLF_ACTOR];
	f.overdue = o->overdue;
	if (o->f[PLF_ACTOR_KIND] && (f.actor_kind = code_find(CL_ACTOR_KIND,
	    o->f[PLF_ACTOR_KIND])) == -1)
		return usage_error("plan", "unknown actor kind '%s'",
		    o->f[PLF_ACTOR_KIND]);
	if (o->pillar && (f.pillar = code_find(CL_PILLAR, o->pillar)) == -1)
		return usage_error("plan", "unknown pillar '%s'", o->pillar);
	if (o->objective && (f.objective = plan_objective_find(o->objective,
	    strlen(o->objective))) == -1)
		return usage_error("plan", "objectives are a to f");
	if (o->f[PLF_STATUS] && (f.status = code_find(CL_ACTION_STATUS,
	    o->f[PLF_STATUS])) == -1)
		return usage_error("plan", "unknown status '%s'",
		    o->f[PLF_STATUS]);
	fmt = !export ? -1 : o->format == NULL ? PLAN_CSV :
	    name_find(plan_export_names, PLAN__MAX, o->format);
	if (export && fmt == -1)
		return usage_error("plan", "export writes csv or json");
	if (fmt != -1) {
		if (export_plan(st, &f, fmt, &b) == -1)
			goto out;
	} else {
		if (st->ops->plan_action_list(st, &a, &v, &n) == -1)
			goto out;
		for (size_t i = 0; i < n; i++)
			if (plan_filter_match(&f, &v[i]))
				buf_addf(&b, "%lld  %-10s  %-14s  %-12s  due "
				    "%-10s  %s%s\n", (long long)v[i].id,
				    code_name(CL_ACTION_STATUS, v[i].status),
				    code_name(CL_ACTOR_KIND, v[i].actor_kind),
				    v[i].actor, v[i].due ? v[i].due : "-",
				    v[i].title, plan_overdue(&v[i], f.today) ?
				    "  (overdue)" : "");
	}
	if ((fp = out_open(o->out)) != NULL) {
		fputs(b.s, fp);
		ret = out_close(fp, o->out, 1);
	}
out:
	arena_release(&a);
	buf_release(&b);
	return ret;
}

/* --- the subcommands -------------------------------------------------- */

static int
plan_objectives(struct cli *cl, void *o, int argc, char **argv)
{
	struct store	*st;
	struct arena	 a = { NULL };
	struct plan_objective *ob;
	size_t		 n;
	int		 ret = EXIT_STORE;

	(void)o;
	(void)argc;
	(void)argv;
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	printf("objectives:\n");
	if (st->ops->plan_objective_list(st, &a, &ob, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			printf("(%s)  %s\n", ob[i].code, ob[i].summary);
		printf("pillars:\n");
		for (int k = 0; k < PILLAR__MAX; k++)
			printf("  %-12s  %s\n", code_name(CL_PILLAR, k),
			    code_lists[CL_PILLAR].codes[k].label);
		ret = out_close(stdout, NULL, 1);
	}
	arena_release(&a);
	return ret;
}

static int
plan_objective(struct cli *cl, void *o, int argc, char **argv)
{
	struct store	*st;
	int		 found;

	(void)o;
	if (argc != 2 || plan_objective_find(argv[0], strlen(argv[0])) == -1 ||
	    *argv[1] == '\0' || !utf8_valid(argv[1], strlen(argv[1])))
		return usage_error("plan", "objective takes a letter, a to f, "
		    "and its wording");
	if ((st = cli_store(cl)) == NULL ||
	    st->ops->plan_objective_set(st, argv[0], argv[1], &found) == -1)
		return EXIT_STORE;
	/* the six are reference data: one is missing only if the database
	 * was changed by hand */
	if (!found) {
		error("%s: objective (%s) is missing", db_path(cl->db),
		    argv[0]);
		return EXIT_STORE;
	}
	return EXIT_DONE;
}

static int
plan_list(struct cli *cl, void *o, int argc, char **argv)
{
	struct store	*st = cli_store(cl);

	(void)argc;
	(void)argv;
	return st == NULL ? EXIT_STORE : do_list(st, o, 0);
}

static int
plan_export(struct cli *cl, void *o, int argc, char **argv)
{
	struct store	*st = cli_store(cl);

	(void)argc;
	(void)argv;
	return st == NULL ? EXIT_STORE : do_list(st, o, 1);
}

static int
plan_import(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct plan_opts *o = opts;

	(void)argc;
	if (cli_store(cl) == NULL)
		return EXIT_STORE;
	if (o->source == NULL)
		return usage_error("plan", "import needs --source NAME");
	return cli_register(cl, REG_PLAN, argv[0], o->source);
}

/* add, and edit ID: the options are the action's fields; what edit is
 * not given stays as it was. */
static int
plan_put(struct cli *cl, const struct plan_opts *o, const char *what)
{
	struct plan_action	 a, *acts;
	struct plan_text	 t;
	struct errlist		 el;
	struct arena		 ar = { NULL };
	struct store		*st;
	static const int	 col[PLF__MAX];
	const char		*f[PLF__MAX], *was[PLF__MAX];
	size_t			 n, k = 0;
	int			 ret = EXIT_STORE;

	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	memset(&a, 0, sizeof(a));
	memset(&t, 0, sizeof(t));
	errlist_init(&el, what);
	memcpy(f, o->f, sizeof(f));
	if (o->id) {
		if (st->ops->plan_action_list(st, &ar, &acts, &n) == -1)
			goto out;
		while (k < n && acts[k].id != o->id)
			k++;
		if (k == n) {
			error("no action %lld", o->id);
			ret = EXIT_REJECTED;
			goto out;
		}
		plan_action_fields(&acts[k], was, &t);
		for (int i = 0; i < PLF__MAX; i++)
			if (f[i] == NULL)
				f[i] = was[i];
	}
	a.source = o->source ? o->source : operator_name();
	if (plan_action_read(f, &a, &el, 0, col) == -1) {
		errlist_print(&el, stderr);
		ret = EXIT_REJECTED;
		goto out;
	}
	a.id = (int64_t)o->id;
	if (st->ops->plan_action_put(st, &a) == -1)
		goto out;
	if (o->id)
		ret = EXIT_DONE;
	else {
		printf("%lld\n", (long long)a.id);
		ret = out_close(stdout, NULL, 1);
	}
out:
	plan_text_release(&t);
	arena_release(&ar);
	errlist_release(&el);
	return ret;
}

static int
plan_add(struct cli *cl, void *o, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return plan_put(cl, o, "add");
}

/* The action id that edit, note, indicator and evidence take first. */
static int
action_id(struct plan_opts *o, const char *what, int argc, char **argv,
    int want)
{
	if (argc < 1 || parse_int(argv[0], 1, INT64_MAX, &o->id) == -1)
		return usage_error("plan", "%s takes an action id", what);
	if (argc != want)
		return usage_error("plan", BAD_ACTION, what);
	return EXIT_DONE;
}

static int
plan_edit(struct cli *cl, void *o, int argc, char **argv)
{
	int	 ret;

	if ((ret = action_id(o, "edit", argc, argv, 1)) != EXIT_DONE)
		return ret;
	return plan_put(cl, o, "edit");
}

/* Add a note, an indicator or evidence to the action of o->id, when it
 * is sound and the action is there. */
static int
plan_item(struct cli *cl, const struct plan_item *it)
{
	struct store	*st;
	struct arena	 a = { NULL };
	struct plan_action *v;
	const char	*why = plan_item_problem(it);
	size_t		 n, i;

	if (why != NULL)
		return usage_error("plan", "%s", why);
	if ((st = cli_store(cl)) == NULL ||
	    st->ops->plan_action_list(st, &a, &v, &n) == -1) {
		arena_release(&a);
		return EXIT_STORE;
	}
	for (i = 0; i < n && v[i].id != it->action; i++)
		;
	arena_release(&a);
	if (i == n) {
		error("no action %lld (see 'palermo plan list')",
		    (long long)it->action);
		return EXIT_REJECTED;
	}
	if (st->ops->plan_item_put(st, it) == -1)
		return EXIT_STORE;
	return EXIT_DONE;
}

/* show: one action whole, with its notes, indicators and evidence. */
static int
plan_show(struct cli *cl, void *opts, int argc, char **argv)
{
	struct plan_opts *o = opts;
	struct store	*st;
	struct arena	 a = { NULL };
	struct plan_action *v, *act = NULL;
	struct plan_item *it;
	struct plan_text t;
	const char	*f[PLF__MAX];
	size_t		 n, ni;
	int		 ret;

	if ((ret = action_id(o, "show", argc, argv, 1)) != EXIT_DONE)
		return ret;
	if ((st = cli_store(cl)) == NULL ||
	    st->ops->plan_action_list(st, &a, &v, &n) == -1 ||
	    st->ops->plan_item_list(st, &a, &it, &ni) == -1) {
		arena_release(&a);
		return EXIT_STORE;
	}
	for (size_t i = 0; i < n; i++)
		if (v[i].id == o->id)
			act = &v[i];
	if (act == NULL) {
		arena_release(&a);
		error("no action %lld (see 'palermo plan list')", o->id);
		return EXIT_REJECTED;
	}
	plan_action_fields(act, f, &t);
	printf("action %lld\n", o->id);
	for (int k = 0; k < PLF__MAX; k++)
		if (f[k] != NULL && *f[k] != '\0')
			printf("  %-12s %s\n", plan_field_names[k], f[k]);
	printf("  %-12s %s\n", "source", act->source);
	for (int kind = PC_NOTE; kind <= PC_EVIDENCE; kind++) {
		static const char *const heads[] = { "notes", "indicators",
		    "evidence" };
		int	 any = 0;

		printf("%s:\n", heads[kind]);
		for (size_t i = 0; i < ni; i++) {
			if (it[i].action != o->id || (int)it[i].kind != kind)
				continue;
			any = 1;
			if (kind == PC_NOTE)
				printf("  %s  %s\n", it[i].date, it[i].text);
			else if (kind == PC_EVIDENCE)
				printf("  %s\n", it[i].text);
			else {
				printf("  %s:", it[i].text);
				if (it[i].actual != NR)
					printf(" %lld", (long long)it[i].actual);
				if (it[i].target != NR)
					printf(" of a target of %lld",
					    (long long)it[i].target);
				printf("\n");
			}
		}
		if (!any)
			printf("  none\n");
	}
	plan_text_release(&t);
	arena_release(&a);
	return out_close(stdout, NULL, 1);
}

static int
plan_note(struct cli *cl, void *opts, int argc, char **argv)
{
	struct plan_opts *o = opts;
	int		 ret;

	if ((ret = action_id(o, "note", argc, argv, 3)) != EXIT_DONE)
		return ret;
	return plan_item(cl, &(struct plan_item){ o->id, PC_NOTE, argv[2],
	    argv[1], NR, NR });
}

static int
plan_indicator(struct cli *cl, void *opts, int argc, char **argv)
{
	struct plan_opts *o = opts;
	struct plan_item it;
	long long	 v = NR, w = NR;
	int		 ret;

	if ((ret = action_id(o, "indicator", argc, argv, 2)) != EXIT_DONE)
		return ret;
	if ((o->target && parse_int(o->target, 0, INT64_MAX, &v) == -1) ||
	    (o->actual && parse_int(o->actual, 0, INT64_MAX, &w) == -1))
		return usage_error("plan", "--target and --actual take whole "
		    "numbers");
	it = (struct plan_item){ o->id, PC_INDICATOR, argv[1], NULL, v, w };
	return plan_item(cl, &it);
}

static int
plan_evidence(struct cli *cl, void *opts, int argc, char **argv)
{
	struct plan_opts *o = opts;
	int		 ret;

	if ((ret = action_id(o, "evidence", argc, argv, 2)) != EXIT_DONE)
		return ret;
	return plan_item(cl, &(struct plan_item){ o->id, PC_EVIDENCE, argv[1],
	    NULL, NR, NR });
}

static const struct subcommand plan_subs[] = {
	{ "objectives", 0, 0, plan_objectives },
	{ "objective", 0, 100, plan_objective },
	{ "list", 0, 0, plan_list },
	{ "show", 0, 100, plan_show },
	{ "export", 0, 0, plan_export },
	{ "import", 1, 1, plan_import },
	{ "add", 0, 0, plan_add },
	{ "edit", 0, 100, plan_edit },
	{ "note", 0, 100, plan_note },
	{ "indicator", 0, 100, plan_indicator },
	{ "evidence", 0, 100, plan_evidence },
	{ NULL, 0, 0, NULL },
};

static int
plan_run(struct cli *cl, void *o, int argc, char **argv)
{
	return cli_dispatch(cl, plan_subs, o, argc, argv, "list", BAD_ACTION);
}

static const struct opt plan_opts[] = {
	OPT_VALUE("actor-kind", struct plan_opts, f[PLF_ACTOR_KIND]),
	OPT_VALUE("actor", struct plan_opts, f[PLF_ACTOR]),
	OPT_VALUE("title", struct plan_opts, f[PLF_TITLE]),
	OPT_VALUE("description", struct plan_opts, f[PLF_DESCRIPTION]),
	OPT_VALUE("pillars", struct plan_opts, f[PLF_PILLARS]),
	OPT_VALUE("objectives", struct plan_opts, f[PLF_OBJECTIVES]),
	OPT_VALUE("start", struct plan_opts, f[PLF_START]),
	OPT_VALUE("due", struct plan_opts, f[PLF_DUE]),
	OPT_VALUE("status", struct plan_opts, f[PLF_STATUS]),
	OPT_VALUE("horizon", struct plan_opts, f[PLF_HORIZON]),
	OPT_VALUE("out", struct plan_opts, out),
	OPT_VALUE("format", struct plan_opts, format),
	OPT_VALUE("source", struct plan_opts, source),
	OPT_VALUE("target", struct plan_opts, target),
	OPT_VALUE("actual", struct plan_opts, actual),
	OPT_FLAG("overdue", struct plan_opts, overdue),
	OPT_VALUE("pillar", struct plan_opts, pillar),
	OPT_VALUE("objective", struct plan_opts, objective),
	OPT_END,
};

const struct command cmd_plan = {
	"plan", "the Global Plan of Action and its actions",
	"palermo plan objectives\n"
	"palermo plan objective a|b|c|d|e|f TEXT\n"
	"palermo plan [list] [--actor-kind K] [--actor A] [--pillar P]\n"
	"             [--objective O] [--status S] [--overdue] [--out FILE]\n"
	"palermo plan add --actor-kind K --actor A --title T --pillars P[;P]\n"
	"             [--objectives a;c] [--description T] [--start D] "
	"[--due D]\n"
	"             [--status S] [--horizon YEAR] [--source NAME]\n"
	"palermo plan show ID\n"
	"palermo plan edit ID [the options of add]\n"
	"palermo plan note ID DATE TEXT\n"
	"palermo plan indicator ID NAME [--target N] [--actual N]\n"
	"palermo plan evidence ID URL|file:NAME\n"
	"palermo plan export [--format csv|json] [the filters of list] "
	"[--out FILE]\n"
	"palermo plan import FILE --source NAME\n\n"
	"The UN Global Plan of Action: its objectives (a) to (f) and four\n"
	"pillars (prevention, protection, prosecution, partnership), and\n"
	"the actions of states, UN entities, other organisations, civil\n"
	"society and the private sector (K: state, un_entity, "
	"organisation,\n"
	"civil_society, private_sector; for a state A is a country, by any\n"
	"of its names or codes, in add and list alike), with status\n"
	"(planned, under_way, done, dropped), dated progress notes (not\n"
	"after today), indicators and evidence (a URL, or file:NAME for a\n"
	"document kept with the register); an action under way or done\n"
	"does not start after today, nor is one done due after it.  show\n"
	"prints one action whole.  --overdue: due before today and neither\n"
	"done nor dropped.  import reads the CSV of export, or its JSON\n"
	"(one object per line, with notes, indicators and evidence), all\n"
	"or nothing.  --horizon marks an action of ICAT's roadmap.\n\n"
	DB_OPTS,
	plan_opts, sizeof(struct plan_opts), 0, plan_run,
};
