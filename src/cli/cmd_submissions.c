/*
 * cmd_submissions.c: "palermo submissions": the provenance of what is
 * stored, and the removal of a submission with all of its records.
 */
#include <string.h>

#include "cli/cli.h"

static int
print_submission(const struct submission *s, void *arg)
{
	(void)arg;
	printf("%lld\t%s\t%s\t%s\t%s\t%lld\t%s\t%s\t%s\n", (long long)s->id,
	    s->created_at, s->source, s->kind, s->format, (long long)s->rows,
	    s->file_name, s->sha256, s->operator_name);
	return 0;
}

int
cmd_submissions(int argc, char **argv)
{
	struct store	*st = NULL;
	const char	*db;
	long long	 id;
	int		 first, found, ret = EXIT_STORE;

	if ((first = db_option_parse("submissions", argc, argv, &db)) == -1)
		return EXIT_USAGE;
	argc -= first;
	argv += first;
	if (argc == 0) {
		if (store_open(&st, db, STORE_EXISTING) == -1)
			return EXIT_STORE;
		printf("id\tcreated_at\tsource\tkind\tformat\trows\tfile\t"
		    "sha256\toperator\n");
		if (st->ops->submission_each(st, print_submission, NULL) == 0)
			ret = out_close(stdout, NULL);
		goto out;
	}
	if (strcmp(argv[0], "rm") != 0)
		return usage_error("submissions", "unknown action '%s'",
		    argv[0]);
	if (argc != 2 || parse_int(argv[1], 1, INT64_MAX, &id) == -1)
		return usage_error("submissions", "rm takes one submission id");
	if (store_open(&st, db, STORE_EXISTING) == -1)
		return EXIT_STORE;
	if (st->ops->begin(st) == -1)
		goto out;
	if (st->ops->submission_remove(st, id, &found) == -1) {
		st->ops->rollback(st);
		goto out;
	}
	if (!found) {
		st->ops->rollback(st);
		error("no submission %lld", id);
		ret = EXIT_REJECTED;
		goto out;
	}
	if (st->ops->commit(st) == -1)
		goto out;
	fprintf(stderr, "%s: removed submission %lld and its records\n",
	    progname, id);
	ret = EXIT_DONE;
out:
	if (st)
		st->ops->close(st);
	return ret;
}
