/*
 * main.c: palermo's entry point: find the command in the table of cli.c
 * and run it.  Kept apart so that the unit tests link everything else.
 */
#include <string.h>

#include "cli/cli.h"

int
main(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2) {
		cli_run(&cmd_help, 1, argv);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cli_run(&cmd_help, 1, argv);
	if (strcmp(argv[1], "--version") == 0)
		return cli_run(&cmd_version, 1, argv);
	if ((c = command_lookup(argv[1])) == NULL) {
		fprintf(stderr, "%s: '%s' is not a command; see 'palermo "
		    "help'\n", progname, argv[1]);
		return EXIT_USAGE;
	}
	for (int i = 2; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return usage_show(c);
	return cli_run(c, argc - 1, argv + 1);
}
