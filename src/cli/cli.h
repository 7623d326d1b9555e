/*
 * cli.h: what palermo's command line shares, and only it: the command
 * table, the options every command takes, usage errors, and output to a
 * file or the standard output.
 */
#ifndef PALERMO_CLI_H
#define PALERMO_CLI_H

#include "intake/intake.h"
#include "report/report.h"
#include "sample/sample.h"

/* cli.c: the command table and what the commands share. */

struct command {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*summary;	/* one line, for "palermo help" */
	const char	*usage;		/* synopsis and options */
};

extern const struct command commands[];
const struct command *command_lookup(const char *);
/* The database path: --db, else $PALERMO_DB, else ./palermo.db. */
const char *db_path(const char *option);
/* Report a usage error for a command; returns EXIT_USAGE. */
int	 usage_error(const char *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Report a bad option met by getopt_long (ch '?' or ':'); EXIT_USAGE. */
int	 option_error(const char *cmd, int ch, char **argv);
/*
 * Parse the options of a command that takes only --db; *db is the path to
 * use.  Returns the index of the first operand, or -1 after a usage error.
 */
int	 db_option_parse(const char *cmd, int argc, char **argv,
	    const char **db);
/* Print a command's usage on stdout; returns EXIT_DONE. */
int	 usage_show(const char *cmd);
/* Open FILE for writing, or stdout for NULL or "-"; NULL after an error. */
FILE	*out_open(const char *);
/* Flush and close what out_open gave; EXIT_DONE or EXIT_STORE. */
int	 out_close(FILE *, const char *);

/* cmd_*.c: one function per command. */
int	 cmd_init(int, char **);
int	 cmd_import(int, char **);
int	 cmd_export(int, char **);
int	 cmd_sample(int, char **);
int	 cmd_countries(int, char **);
int	 cmd_submissions(int, char **);
int	 cmd_stats(int, char **);
int	 cmd_report(int, char **);
int	 cmd_check(int, char **);
int	 cmd_instruments(int, char **);
int	 cmd_worldday(int, char **);
int	 cmd_practices(int, char **);
int	 cmd_plan(int, char **);
int	 cmd_fund(int, char **);
int	 cmd_icat(int, char **);
int	 cmd_criminalisation(int, char **);
int	 cmd_mechanisms(int, char **);
int	 cmd_map(int, char **);

/* cmd_statsio.c: export stats, shared with cmd_export.c. */
int	 export_stats(const char *format, const char *out, const char *db);
int	 cmd_help(int, char **);
int	 cmd_version(int, char **);

/*
 * cli.c: read a register's file into the store in one transaction: each
 * CSV record goes to fn, or with json_line (which may be NULL) each line of
 * a file that starts with '{'; they count what they read in *rows and list
 * problems in el, which this initialises and releases.  Any problem rolls
 * everything back.  Returns an exit status, having said what it did.
 */
int	 register_import(struct store *, const char *path, csv_record_fn,
	    int (*json_line)(void *, const char *, size_t, unsigned long),
	    void *, struct errlist *el, const unsigned long *rows,
	    const char *noun);

#endif
