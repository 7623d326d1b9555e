/*
 * cmd_help.c: "palermo help [COMMAND]": the commands, or one command's
 * usage.  The texts are the commands' own (cmd_*.c), so that help and
 * the command never disagree.
 */
#include "cli/cli.h"

static int
help_run(struct cli *cl, void *o, int argc, char **argv)
{
	const struct command *c;

	(void)cl;
	(void)o;
	if (argc > 2)
		return usage_error("help", "too many arguments");
	if (argc == 2) {
		if ((c = command_lookup(argv[1])) == NULL)
			return usage_error("help", "no command '%s'", argv[1]);
		return usage_show(c);
	}
	printf("usage: palermo <command> [options]\n\n"
	    "palermo keeps and checks data on trafficking in persons.\n\n"
	    "Commands:\n");
	for (const struct command *const *p = commands; *p; p++)
		printf("  %-12s  %s\n", (*p)->name, (*p)->summary);
	printf("\n'palermo help COMMAND' or 'palermo COMMAND --help' explains "
	    "one;\n'man palermo' has the whole manual.\n");
	return EXIT_DONE;
}

const struct command cmd_help = {
	"help", "show the commands, or explain one",
	"palermo help [COMMAND]\n", NULL, 0, CMD_RAW, help_run,
};
