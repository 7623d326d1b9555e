/*
 * cmd_version.c: "palermo version", also "palermo --version".
 */
#include "cli/cli.h"

static int
version_run(struct cli *cl, void *o, int argc, char **argv)
{
	(void)cl;
	(void)o;
	(void)argv;
	if (argc > 1)
		return usage_error("version", "too many arguments");
	printf("palermo %s\n", PALERMO_VERSION);
	return EXIT_DONE;
}

const struct command cmd_version = {
	"version", "print palermo's version", "palermo version\n", NULL, 0,
	CMD_RAW, version_run,
};
