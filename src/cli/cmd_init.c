/*
 * cmd_init.c: "palermo init": create the database or bring its schema up
 * to date.  Opening a store applies the migrations it lacks, so init is
 * an open, in create mode when there is no database yet, that reports
 * what it found.
 */
#include <sys/stat.h>

#include "cli/cli.h"

static int
init_run(struct cli *cl, void *o, int argc, char **argv)
{
	const char	*db = db_path(cl->db);
	struct stat	 sb;
	int		 exists = stat(db, &sb) == 0, after = 0;

	(void)o;
	if (argc > 0)
		return usage_error("init", "unexpected argument '%s'", argv[0]);
	if (store_open(&cl->st, db, exists ? STORE_EXISTING : STORE_CREATE) ==
	    -1) {
		cl->st = NULL;
		return EXIT_STORE;
	}
	cl->st->ops->schema_version(cl->st, &after);
	if (exists)
		fprintf(stderr, "%s: %s is ready (schema version %d)\n",
		    progname, db, after);
	else
		fprintf(stderr, "%s: created %s (schema version %d, %d "
		    "countries)\n", progname, db, after, country_count());
	return EXIT_DONE;
}

const struct command cmd_init = {
	"init", "create the database, or bring it up to date",
	"palermo init [--db PATH]\n\n"
	"Creates the database when it is missing and applies every schema\n"
	"migration it lacks, in one transaction; loads the reference data\n"
	"(countries, M49 regions, codes).\n\n" DB_OPTS,
	NULL, 0, 0, init_run,
};
