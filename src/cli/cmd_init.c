/*
 * cmd_init.c: "palermo init": create the database or bring its schema up
 * to date.  Opening a store applies the missing migrations, so init is an
 * open in create mode that reports what it found.
 */
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

int
cmd_init(int argc, char **argv)
{
	struct store	*st;
	struct stat	 sb;
	const char	*db;
	int		 first, after = 0;

	if ((first = db_option_parse("init", argc, argv, &db)) == -1)
		return EXIT_USAGE;
	if (first != argc)
		return usage_error("init", "unexpected argument '%s'",
		    argv[first]);
	if (stat(db, &sb) == 0) {
		/* opening applies any migration the database lacks */
		if (store_open(&st, db, STORE_EXISTING) == -1)
			return EXIT_STORE;
		st->ops->schema_version(st, &after);
		st->ops->close(st);
		fprintf(stderr, "%s: %s is ready (schema version %d)\n",
		    progname, db, after);
		return EXIT_DONE;
	}
	if (store_open(&st, db, STORE_CREATE) == -1)
		return EXIT_STORE;
	st->ops->schema_version(st, &after);
	st->ops->close(st);
	fprintf(stderr, "%s: created %s (schema version %d, %d countries)\n",
	    progname, db, after, country_count());
	return EXIT_DONE;
}
