/*
 * cmd_submissions.c: "palermo submissions": the provenance of what is
 * stored, and the removal of a submission with all of its records.
 */
#include <string.h>

#include "cli/cli.h"

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
		struct arena	 a = { NULL };
		struct submission *v;
		size_t		 n;

		printf("id\tcreated_at\tsource\tkind\tformat\trows\tfile\t"
		    "sha256\toperator\n");
		if (st->ops->submission_list(st, &a, &v, &n) == 0) {
			for (size_t i = 0; i < n; i++)
				printf("%lld\t%s\t%s\t%s\t%s\t%lld\t%s\t%s\t"
				    "%s\n", (long long)v[i].id,
				    v[i].created_at, v[i].source, v[i].kind,
				    v[i].format, (long long)v[i].rows,
				    v[i].file_name, v[i].sha256,
				    v[i].operator_name);
			ret = out_close(stdout, NULL);
		}
		arena_release(&a);
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
