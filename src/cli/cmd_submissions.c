/*
 * cmd_submissions.c: "palermo submissions": the provenance of what is
 * stored, and the removal of a submission with all of its records.
 */
#include "cli/cli.h"

/* What superseded what, as "ID (N values)" joined by "; ". */
static const char *
supers_text(const struct supersession *v, size_t n, int64_t id, int by,
    struct buf *b)
{
	buf_reset(b);
	for (size_t i = 0; i < n; i++) {
		if ((by ? v[i].superseded : v[i].submission) != id)
			continue;
		buf_addf(b, "%s%lld (%lld value%s)", b->len ? "; " : "",
		    (long long)(by ? v[i].submission : v[i].superseded),
		    (long long)v[i].n, v[i].n == 1 ? "" : "s");
	}
	return b->s;
}

static int
submissions_list(struct cli *cl, void *o, int argc, char **argv)
{
	struct store	*st = cli_store(cl);
	struct arena	 a = { NULL };
	struct submission *v;
	struct supersession *sv;
	struct buf	 b1 = BUF_INIT, b2 = BUF_INIT;
	size_t		 n, nsv;
	int		 ret = EXIT_STORE;

	(void)o;
	(void)argc;
	(void)argv;
	if (st == NULL)
		return EXIT_STORE;
	printf("id\tcreated_at\tsource\tkind\tformat\trows\tfile\tsha256\t"
	    "operator\tsupersedes\tsuperseded_by\n");
	if (st->ops->submission_list(st, &a, &v, &n) == 0 &&
	    st->ops->supersession_list(st, &a, &sv, &nsv) == 0) {
		for (size_t i = 0; i < n; i++)
			printf("%lld\t%s\t%s\t%s\t%s\t%lld\t%s\t%s\t%s\t%s\t"
			    "%s\n", (long long)v[i].id, v[i].created_at,
			    v[i].source, v[i].kind, v[i].format,
			    (long long)v[i].rows, v[i].file_name, v[i].sha256,
			    v[i].operator_name, supers_text(sv, nsv, v[i].id,
			    0, &b1), supers_text(sv, nsv, v[i].id, 1, &b2));
		ret = out_close(stdout, NULL, 1);
	}
	buf_release(&b1);
	buf_release(&b2);
	arena_release(&a);
	return ret;
}

static int
submissions_rm(struct cli *cl, void *o, int argc, char **argv)
{
	struct store	*st;
	long long	 id;
	int		 rc;

	(void)o;
	if (argc != 1 || parse_int(argv[0], 1, INT64_MAX, &id) == -1)
		return usage_error("submissions", "rm takes one submission id");
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	if ((rc = intake_withdraw(st, id)) == 1)
		error("no submission %lld", id);
	else if (rc == 0)
		fprintf(stderr, "%s: removed submission %lld and its records\n",
		    progname, id);
	return exit_of(rc);
}

static const struct subcommand submissions_subs[] = {
	{ "rm", 0, 100, submissions_rm },
	{ NULL, 0, 0, NULL },
};

static int
submissions_run(struct cli *cl, void *o, int argc, char **argv)
{
	if (argc == 0)
		return submissions_list(cl, o, argc, argv);
	return cli_dispatch(cl, submissions_subs, o, argc, argv, NULL,
	    "unknown action '%s'");
}

const struct command cmd_submissions = {
	"submissions", "list or remove submissions",
	"palermo submissions [--db PATH]\n"
	"palermo submissions rm ID [--db PATH]\n\n"
	"Lists every submission with its provenance, and for official\n"
	"statistics which earlier submissions' values it superseded and by\n"
	"which it was superseded (import stats --supersedes), or removes one\n"
	"with all of its records: the values it superseded are current\n"
	"again.\n\n" DB_OPTS,
	NULL, 0, 0, submissions_run,
};
