/*
 * cmd_history.c: "palermo history": every change to the registers, as
 * they keep it: when, who, which register and country, what changed, and
 * the entry before and after.  Corrections are never lost: set, edit and
 * unset each leave a line here.
 */
#include <string.h>

#include "cli/cli.h"

struct history_opts {
	const char	*country;
};

static int
history_line(const struct history_entry *h, void *arg)
{
	(void)arg;
	printf("%s  %s  %s  %s  %s  %s\n", h->at, h->operator, h->reg,
	    h->country == NR ? "-" : participant_code(h->country), h->change,
	    h->item);
	if (*h->before)
		printf("    before: %s\n", h->before);
	if (*h->after)
		printf("    after:  %s\n", h->after);
	return 0;
}

static int
history_run(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct history_opts *o = opts;
	const char	*reg = NULL;
	struct store	*st;
	int		 country = NR;

	if (argc > 1)
		return usage_error("history", "say at most one register");
	if (argc == 1) {
		int	 k = name_find(history_registers, HISTORY_REGISTERS,
		    argv[0]);

		if (k == -1)
			return usage_error("history", "unknown register '%s'; "
			    "expected instruments, criminalisation, plan, "
			    "icat, mechanisms, practices or worldday",
			    argv[0]);
		reg = history_registers[k];
	}
	if (o->country && participant_resolve(o->country, &country) ==
	    PARTICIPANT_UNKNOWN)
		return usage_error("history", "'%s' is not a country",
		    o->country);
	if ((st = cli_store(cl)) == NULL)
		return EXIT_STORE;
	if (history_each(st, reg, country, history_line, NULL) == -1)
		return EXIT_STORE;
	return out_close(stdout, NULL, 1);
}

static const struct opt history_opts[] = {
	OPT_VALUE("country", struct history_opts, country),
	OPT_END,
};

const struct command cmd_history = {
	"history", "every change to the registers",
	"palermo history [REGISTER] [--country C] [--db PATH]\n\n"
	"Every change to the registers (instruments, criminalisation, plan,\n"
	"icat, mechanisms, practices, worldday), in the order made: when\n"
	"(UTC), who ($PALERMO_OPERATOR, else the login name), the register,\n"
	"the country, added, corrected or removed, the entry, and the entry\n"
	"before and after as JSON.  A register's set, edit and unset are\n"
	"corrections that stay here.\n\n" DB_OPTS,
	history_opts, sizeof(struct history_opts), 0, history_run,
};
