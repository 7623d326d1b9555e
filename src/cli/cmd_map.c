/*
 * cmd_map.c: "palermo map origins FILE": the user's readings of free-text
 * origins (a victim's citizenship as a report writes it: "Romanian",
 * "Nationals"), added to those palermo ships, for imports of statistics
 * from now on.
 */
#include <string.h>

#include "cli/cli.h"

static int
map_run(struct cli *cl, void *o, int argc, char **argv)
{
	int	 ret;

	(void)o;
	if (argc != 2 || strcmp(argv[0], "origins") != 0)
		return usage_error("map", "say what to map: origins FILE");
	if ((ret = cli_register(cl, REG_ORIGINS, argv[1], NULL)) == EXIT_DONE)
		fprintf(stderr, "%s: the readings apply to imports from now "
		    "on\n", progname);
	return ret;
}

const struct command cmd_map = {
	"map", "add readings of free-text origins",
	"palermo map origins FILE [--db PATH]\n\n"
	"Adds the readings in FILE (CSV: text,kind,code) to those palermo\n"
	"ships, for imports of statistics from now on.  kind is country\n"
	"(code: ISO 3166-1), region (code: UN M49), nationals, abroad,\n"
	"foreign, unknown or other.  All or nothing.\n\n" DB_OPTS,
	NULL, 0, 0, map_run,
};
