/*
 * cli.h: what palermo's command line shares, and only it.  Each command is
 * a struct command in a file of its own (cmd_NAME.c) with its usage text,
 * its options as a table, and the function that runs it; cli.c parses the
 * options from the table into the command's own struct, opens the store
 * when asked, and dispatches subcommands from tables.  A command parses,
 * calls the library, and prints: no rule of palermo's lives here.
 *
 * Messages go to stderr, data to stdout; the exit status says how it went
 * (enum exit_status in lib.h).
 */
#ifndef PALERMO_CLI_H
#define PALERMO_CLI_H

#include <stddef.h>

#include "intake/intake.h"
#include "report/report.h"
#include "sample/sample.h"

/* The --db line of every usage text. */
#define DB_OPTS \
	"  --db PATH         the database (default: $PALERMO_DB, else " \
	"./palermo.db)\n"

#define CLI_LIST_MAX	32

/* An option given more than once, in the order given. */
struct cli_list {
	const char	*v[CLI_LIST_MAX];
	int		 n;
};

/*
 * An option of a command: --name, stored in the command's options struct
 * at off as a const char * (a value), an int set to 1 (a flag) or a
 * struct cli_list (a value that may be repeated).  A set of fields (a
 * table of names, from first to count) are so many values, each stored
 * in the array of const char * at off under its index.
 */
enum opt_type { OT_VALUE, OT_FLAG, OT_LIST, OT_FIELDS };

struct opt {
	const char		*name;
	enum opt_type		 type;
	size_t			 off;
	const char *const	*names;		/* OT_FIELDS */
	int			 first, count;
};

#define OPT_VALUE(name, type, m)	{ name, OT_VALUE, offsetof(type, m), \
					    NULL, 0, 0 }
#define OPT_FLAG(name, type, m)		{ name, OT_FLAG, offsetof(type, m), \
					    NULL, 0, 0 }
#define OPT_LIST(name, type, m)		{ name, OT_LIST, offsetof(type, m), \
					    NULL, 0, 0 }
#define OPT_FIELDS(names, first, count, type, m) \
	{ "", OT_FIELDS, offsetof(type, m), names, first, count }
#define OPT_END				{ NULL, OT_VALUE, 0, NULL, 0, 0 }

/* A run of the command line. */
struct cli {
	const struct command	*cmd;
	const char		*db;	/* --db, or NULL */
	struct store		*st;	/* opened by cli_store, closed at exit */
};

enum {
	CMD_NODB = 1,		/* takes no --db */
	CMD_RAW = 2,		/* not parsed: run gets argv from its name on */
};

struct command {
	const char	*name;
	const char	*summary;	/* one line, for "palermo help" */
	const char	*usage;		/* synopsis, what it does, options */
	const struct opt *opts;		/* ending with OPT_END, or NULL */
	size_t		 optsize;	/* of its options struct */
	int		 flags;		/* CMD_* */
	/* Run with the options parsed into o (zeroed first) and the
	 * operands left; returns an exit status. */
	int		(*run)(struct cli *, void *o, int argc, char **argv);
};

/* A subcommand: its name, how many operands follow it, what runs it. */
struct subcommand {
	const char	*name;
	int		 min, max;
	int		(*run)(struct cli *, void *o, int argc, char **argv);
};

/* cli.c */

/* The commands, in the order "palermo help" lists them; NULL-ended. */
extern const struct command *const commands[];
const struct command *command_lookup(const char *);
/* Run the command of argv[0] with the rest; an exit status. */
int	 cli_run(const struct command *, int argc, char **argv);
/*
 * Run the subcommand named by argv[0] (dflt when there is no operand)
 * with the operands after it.  An unknown name, or a wrong number of
 * operands, is a usage error that says bad, with the name in place of a
 * "%s" in it.
 */
int	 cli_dispatch(struct cli *, const struct subcommand *, void *o,
	    int argc, char **argv, const char *dflt, const char *bad);
/* The subcommand of that name in the table, or NULL. */
const struct subcommand *cli_subcommand(const struct subcommand *,
	    const char *name);
/* The store of --db, else $PALERMO_DB, else ./palermo.db, opened once;
 * NULL after an error (said). */
struct store *cli_store(struct cli *);
/* The database path: --db, else $PALERMO_DB, else ./palermo.db. */
const char *db_path(const char *option);
/* Report a usage error for a command; returns EXIT_USAGE. */
int	 usage_error(const char *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Print a command's usage on stdout; returns EXIT_DONE. */
int	 usage_show(const struct command *);
/* Open FILE for writing, or stdout for NULL or "-"; NULL after an error.
 * Only one file is open at a time. */
FILE	*out_open(const char *);
/* Flush and close what out_open gave, putting a file in place when ok
 * (when not, what was there stays); EXIT_DONE, or EXIT_STORE when not
 * ok or the writing failed. */
int	 out_close(FILE *, const char *, int ok);
/* Import a register's file (intake_register) and say how it went. */
int	 cli_register(struct cli *, enum register_kind, const char *path,
	    const char *source);
int	 cli_register_in(struct cli *, enum register_kind, const char *path,
	    const struct register_in *);
/* The options that choose which cases count (stats, report global). */
struct filter_opts {
	const char	*from, *to, *country, *region;
	struct cli_list	 source, where;
	const char	*sources[CLI_LIST_MAX + 1];	/* NULL-ended */
	const char	*regions;	/* the grouping of official tables */
};
#define FILTER_OPTS(type, m) \
	OPT_VALUE("from", type, m.from), OPT_VALUE("to", type, m.to), \
	OPT_VALUE("country", type, m.country), \
	OPT_VALUE("region", type, m.region), \
	OPT_LIST("source", type, m.source), OPT_LIST("where", type, m.where), \
	OPT_VALUE("regions", type, m.regions)
/* The filter of those options; 0, or -1 after a usage error. */
int	 cli_filter(const char *cmd, struct filter_opts *, struct filter *);
/* The grouping --regions names (UN M49 without it), its strings in a;
 * EXIT_DONE, or the exit status after saying why. */
int	 cli_grouping(struct cli *, const struct filter_opts *, struct arena *,
	    struct grouping *);
/* EXIT_DONE for 0, EXIT_REJECTED for 1 (problems found in the input),
 * EXIT_STORE for -1: what the library's calls return, as an exit status. */
int	 exit_of(int rc);

/* cmd_*.c: the commands. */
extern const struct command cmd_init, cmd_import, cmd_export, cmd_sample,
	cmd_stats, cmd_report, cmd_check, cmd_map, cmd_regions, cmd_instruments,
	cmd_criminalisation, cmd_fund, cmd_plan, cmd_icat, cmd_mechanisms,
	cmd_practices, cmd_worldday, cmd_contributions, cmd_history,
	cmd_countries,
	cmd_submissions, cmd_help, cmd_version;

#endif
