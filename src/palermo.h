/*
 * palermo.h: the internal interfaces shared by palermo's source files.
 *
 * palermo is one program: a command line for batch work on data about
 * trafficking in persons.  Each source file owns one concern; its exported
 * functions are declared here under the file's name.
 */
#ifndef PALERMO_H
#define PALERMO_H

#include <stdint.h>
#include <stdio.h>

#include "buf.h"

/* Exit statuses, as the man page documents them. */
enum exit_status {
	EXIT_DONE = 0,
	EXIT_REJECTED = 1,	/* the input was rejected */
	EXIT_USAGE = 2,		/* the command was called wrongly */
	EXIT_STORE = 3,		/* storage or internal error */
};

/* A value that was not recorded, in every integer field of a case. */
#define NR (-1)

/* xmalloc.c: out of memory is fatal, so these never return NULL. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
void	 die(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
/* Print "palermo: message" on stderr and return -1. */
int	 error(const char *, ...) __attribute__((format(printf, 1, 2)));
extern const char *progname;

/* util.c: small helpers. */
int	 str_eqi(const char *, const char *);
/* Parse a whole decimal integer in [lo, hi]; 0 or -1. */
int	 parse_int(const char *, long long lo, long long hi, long long *);
int	 utf8_valid(const char *, size_t);
/* Whether s is a calendar date, YYYY-MM-DD, from 1900 to 2200. */
int	 date_valid(const char *);
/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into a 21-byte buffer. */
void	 time_iso(char out[21]);
/* Today (UTC) as YYYY-MM-DD, or $PALERMO_TODAY, for planning ahead and
 * for tests; 0, or -1 when that is not a date (said). */
int	 today_iso(char out[11]);
int	 current_year(void);
/* Who runs palermo: $PALERMO_OPERATOR, else the uid's login name, else
 * $USER. */
const char *operator_name(void);
/* Lower-case ASCII copy of s into b, folding spaces; for name look-ups. */
void	 key_fold(struct buf *, const char *);

/*
 * dynlib.c: a shared library loaded when first needed.  Its functions
 * are listed once, as FUNCS(X, v) calling X(v, name) for each; then
 *	struct lib_fns { FUNCS(DYNLIB_MEMBER, _) };
 * declares pointers of the functions' own types, and a struct dynlib
 * with names from DYNLIB_NAME and the pointers' addresses from
 * DYNLIB_ADDR (v the struct lib_fns variable) loads them.  dynlib_load
 * returns 0, or -1 with the error said (it tries again when called
 * again).  Load before starting threads that use the library.
 */
#define DYNLIB_MEMBER(v, f)	__typeof__(f) *f;
#define DYNLIB_NAME(v, f)	#f,
#define DYNLIB_ADDR(v, f)	(void *)&(v).f,
struct dynlib {
	const char		*soname;	/* the file dlopen looks for */
	const char *const	*names;
	void *const		*fns;		/* where each address goes */
	size_t			 count;
	int			 loaded;
};
int	 dynlib_load(struct dynlib *);

/* embed.c (generated): files compiled into the binary. */
struct embedded {
	const char	*name;
	const char	*data;
	size_t		 len;
};
extern const struct embedded embedded_files[];
extern const size_t embedded_count;
const struct embedded *embedded_find(const char *);

/* ---------------------------------------------------------------------- */
/* casedef.c: the canonical case schema. */

enum field_kind {
	FK_YEAR,	/* a calendar year */
	FK_CODE,	/* one of a closed list of codes */
	FK_COUNTRY,	/* an ISO 3166-1 numeric code */
	FK_FLAG,	/* 1 yes, 0 no */
};

enum case_field {
	CF_YEAR,
	CF_DATA_SOURCE,
	CF_STATUS,
	CF_GENDER,
	CF_AGE_REGISTRATION,
	CF_AGE_EXPLOITATION,
	CF_MAJORITY_REGISTRATION,
	CF_MAJORITY_EXPLOITATION,
	CF_MAJORITY_ENTRY,
	CF_CITIZENSHIP,
	CF_COUNTRY_RECRUITMENT,
	CF_COUNTRY_TRANSIT,
	CF_COUNTRY_EXPLOITATION,
	CF_DURATION,
	/* forms of exploitation */
	CF_EXPLOIT_SEXUAL,
	CF_EXPLOIT_LABOUR,
	CF_EXPLOIT_MARRIAGE,
	CF_EXPLOIT_MILITARY,
	CF_EXPLOIT_ORGAN_REMOVAL,
	CF_EXPLOIT_SLAVERY,
	CF_EXPLOIT_CRIMINALITY,
	CF_EXPLOIT_BEGGING,
	CF_EXPLOIT_OTHER,
	/* labour sectors */
	CF_LABOUR_AGRICULTURE,
	CF_LABOUR_AQUAFARMING,
	CF_LABOUR_BEGGING,
	CF_LABOUR_CONSTRUCTION,
	CF_LABOUR_DOMESTIC_WORK,
	CF_LABOUR_HOSPITALITY,
	CF_LABOUR_ILLICIT_ACTIVITIES,
	CF_LABOUR_MANUFACTURING,
	CF_LABOUR_MINING_DRILLING,
	CF_LABOUR_PEDDLING,
	CF_LABOUR_TRANSPORTATION,
	CF_LABOUR_OTHER,
	CF_LABOUR_NOT_SPECIFIED,
	/* types of sexual exploitation */
	CF_SEX_PROSTITUTION,
	CF_SEX_PORNOGRAPHY,
	CF_SEX_REMOTE_INTERACTIVE,
	CF_SEX_PRIVATE_SERVICES,
	/* means of control */
	CF_CONTROL_DEBT_BONDAGE,
	CF_CONTROL_TAKES_EARNINGS,
	CF_CONTROL_RESTRICTS_FINANCES,
	CF_CONTROL_THREATS,
	CF_CONTROL_PSYCHOLOGICAL_ABUSE,
	CF_CONTROL_PHYSICAL_ABUSE,
	CF_CONTROL_SEXUAL_ABUSE,
	CF_CONTROL_FALSE_PROMISES,
	CF_CONTROL_PSYCHOACTIVE_SUBSTANCES,
	CF_CONTROL_RESTRICTS_MOVEMENT,
	CF_CONTROL_RESTRICTS_MEDICAL_CARE,
	CF_CONTROL_EXCESSIVE_WORKING_HOURS,
	CF_CONTROL_USES_CHILDREN,
	CF_CONTROL_THREAT_OF_LAW_ENFORCEMENT,
	CF_CONTROL_WITHHOLDS_NECESSITIES,
	CF_CONTROL_WITHHOLDS_DOCUMENTS,
	CF_CONTROL_OTHER,
	CF_CONTROL_NOT_SPECIFIED,
	/* means of control merged into groups, as the synthetic data has them */
	CF_CONTROLG_DEBT_EARNINGS,
	CF_CONTROLG_THREATS,
	CF_CONTROLG_ABUSE,
	CF_CONTROLG_DENY_NEEDS,
	/* recruitment */
	CF_RECRUITER_INTIMATE_PARTNER,
	CF_RECRUITER_FRIEND,
	CF_RECRUITER_FAMILY,
	CF_RECRUITER_OTHER,
	CF_RECRUITER_UNKNOWN,
	CF_ABDUCTION,
	CF__MAX
};

/* The closed lists of codes behind FK_CODE fields. */
enum code_list {
	CL_NONE,
	CL_DATA_SOURCE,
	CL_STATUS,
	CL_GENDER,
	CL_AGE_BAND,
	CL_MAJORITY,
	CL_DURATION,
	/* official statistics (stats.h) */
	CL_INDICATOR,
	CL_SEX,
	CL_AGE_GROUP,
	CL_FORM,
	CL_ORIGIN_DIM,
	CL_ORIGIN_KIND,
	CL_TREATY_ACTION,	/* instruments (cmd_instruments.c) */
	CL_PILLAR,		/* the Global Plan of Action's four pillars */
	CL_ACTOR_KIND,		/* who carries out an action of the plan */
	CL_ACTION_STATUS,
	CL__MAX
};

enum { ACTOR_STATE, ACTOR_UN_ENTITY, ACTOR_ORGANISATION, ACTOR_CIVIL_SOCIETY,
    ACTOR_PRIVATE_SECTOR, ACTOR__MAX };
enum { AS_PLANNED, AS_UNDER_WAY, AS_DONE, AS_DROPPED, AS__MAX };

enum { PILLAR_PREVENTION, PILLAR_PROTECTION, PILLAR_PROSECUTION,
    PILLAR_PARTNERSHIP, PILLAR__MAX };

enum { TA_SIGNATURE, TA_RATIFICATION, TA_ACCESSION, TA_ACCEPTANCE,
    TA_APPROVAL, TA_SUCCESSION, TA__MAX };

enum { GENDER_FEMALE, GENDER_MALE, GENDER_TRANS_FEMALE, GENDER_TRANS_MALE,
    GENDER_NONCONFORMING, GENDER_TRANS_OR_NONCONFORMING, GENDER__MAX };
enum { AGE_0_8, AGE_9_17, AGE_18_20, AGE_21_23, AGE_24_26, AGE_27_29,
    AGE_30_38, AGE_39_47, AGE_48_PLUS, AGE__MAX };
enum { MAJORITY_MINOR, MAJORITY_ADULT, MAJORITY__MAX };
enum { SOURCE_CASE_MANAGEMENT, SOURCE_HOTLINE, SOURCE__MAX };
enum { STATUS_POSSIBLE, STATUS_ACTUAL, STATUS_NOT_VICTIM, STATUS__MAX };
enum { DURATION_0_12, DURATION_13_24, DURATION_25_PLUS, DURATION__MAX };

struct field_def {
	const char	*name;		/* canonical name: column, CSV and JSON key */
	enum field_kind	 kind;
	enum code_list	 list;		/* for FK_CODE */
	const char	*label;		/* for people */
};

struct code_def {
	const char	*name;		/* canonical code, as palermo writes it */
	const char	*label;
};

struct code_list_def {
	const char		*name;
	const struct code_def	*codes;
	int			 count;
};

extern const struct field_def case_fields[CF__MAX];
extern const struct code_list_def code_lists[CL__MAX];

/* One de-identified victim case: every field is NR or a value. */
struct case_rec {
	int	v[CF__MAX];
};

void	 case_clear(struct case_rec *);
/* Fill what follows from other fields: majority from age, merged groups. */
void	 case_derive(struct case_rec *);
int	 case_field_find(const char *);
/* The code with this canonical name in a list, or -1. */
int	 code_find(enum code_list, const char *);
const char *code_name(enum code_list, int);
/* The age band of an age in whole years, or NR. */
int	 age_band_of(long long years);

/* ---------------------------------------------------------------------- */
/* country.c: ISO 3166-1 countries with their UN M49 grouping. */

struct country {
	int		 numeric;
	char		 alpha2[3];
	char		 alpha3[4];
	const char	*name;
	const char	*official_name;	/* "" when none */
	int		 region, subregion, intermediate;	/* M49, or 0 */
	const char	*region_name, *subregion_name, *intermediate_name;
};

enum country_result {
	COUNTRY_FOUND,
	COUNTRY_UNKNOWN,	/* a code that formats use for "unknown" */
	COUNTRY_INVALID,	/* not a country palermo knows */
};

/* Load the compiled-in tables once; later calls do nothing. */
void	 country_init(void);
int	 country_count(void);
const struct country *country_at(int);
const struct country *country_by_numeric(int);
/* The index (for country_at) of a numeric code, or -1. */
int	 country_index(int);
/* Resolve a code or name; on COUNTRY_FOUND *out is the country. */
enum country_result country_resolve(const char *, const struct country **out);

/* ---------------------------------------------------------------------- */
/* csvin.c: a streaming CSV reader over libcsv. */

struct csvin;

/*
 * The reader calls back once per record with its fields; the callback
 * returns 0 to go on or -1 to stop.  Positions are 1-based: line is the
 * line on which the record starts.
 */
struct csv_record {
	char		**field;
	size_t		 *len;
	size_t		  count;
	unsigned long	  line;
};

typedef int (*csv_record_fn)(const struct csv_record *, void *);

/*
 * Read the stream to its end.  Returns 0, or -1 after reporting a
 * malformed input as "name:line:column: message" through the error list.
 * The first record is the header.  Size caps: a record over 1 MiB is
 * malformed.
 */
struct errlist;
int	 csv_read(FILE *, const char *name, csv_record_fn, void *,
	    struct errlist *, void (*progress)(uint64_t bytes, void *));

/* Append one field to b, quoted when needed. */
void	 csv_put(struct buf *, const char *, size_t);

/* ---------------------------------------------------------------------- */
/* xlsx.c: a streaming reader of .xlsx worksheets over libzip and expat. */

/*
 * The bytes kept of a sheet's name, with its NUL.  Excel allows 31
 * characters, at most 93 bytes of UTF-8; a longer name is cut at a
 * character boundary.
 */
#define XLSX_SHEET_NAME_MAX	128

/*
 * Read the worksheet named sheet (NULL: the first sheet) of the .xlsx file
 * at path, calling fn once per <row> in the order of the file.  field[i]
 * is the text of column i + 1 (A is field[0]), up to the last non-empty
 * cell of the row; missing cells are empty strings; line is the row number
 * (rows absent from the file are skipped, so lines may jump).  A row with
 * no text has count 0.  Texts are valid UTF-8, NUL-terminated, and owned
 * by the reader until fn returns.  Shared and inline strings come as their
 * text, rich runs joined; numbers as written, except that a whole number
 * written with an exponent or ".0" comes as the plain integer ("1.0E3"
 * gives "1000"); booleans as 0 or 1; errors as their text ("#N/A"); dates
 * are numbers, as Excel stores them.
 *
 * fn returns 0 to go on or -1 to stop.  progress, when not NULL, is told
 * now and then the bytes of sheet XML read so far.  fn and progress are
 * called on the caller's thread, although a large sheet is parsed on up to
 * four threads.
 *
 * Returns 0, or -1 after reporting through el: with line 0 a file that is
 * not an xlsx, a sheet not found (naming those there are), a corrupt or
 * truncated zip, malformed XML ("part:line:column: malformed XML: ...");
 * at the cell, a bad shared-string index, a cell past column XFD (16384),
 * a text over 1 MiB or a row over 16 MiB, in which case the row is not
 * passed to fn and reading goes on.  Returns -1 with nothing new reported
 * when fn stopped, and -1 when fn added to el.  Sets el->sheet to the
 * sheet's name, which stays valid until the next call: it is kept in one
 * static buffer of XLSX_SHEET_NAME_MAX bytes, so that only one call may run
 * at a time in a process.
 */
int	 xlsx_read(const char *path, const char *sheet, csv_record_fn, void *,
	    struct errlist *, void (*progress)(uint64_t bytes, void *));

/* ---------------------------------------------------------------------- */
/* errlist.c: the problems found in one input, listed for people. */

#define ERRLIST_SHOW 50

struct errlist {
	const char	*file;
	const char	*sheet;		/* a spreadsheet: "file: sheet!B12" */
	unsigned long	 count;
	struct buf	 text;
};

void	 errlist_init(struct errlist *, const char *file);
void	 errlist_release(struct errlist *);
/*
 * Record "file:line:column: field: message"; column and field may be
 * 0/NULL.  When sheet is set, line and column are a row and a column of
 * that sheet, and the place reads "file: sheet!L2043".
 */
void	 errlist_add(struct errlist *, unsigned long line, unsigned long col,
	    const char *field, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
/* Print what was recorded, at most ERRLIST_SHOW items, then a count. */
void	 errlist_print(const struct errlist *, FILE *);

/* ---------------------------------------------------------------------- */
/* format.c: the case formats palermo reads and writes. */

enum format_id {
	FORMAT_PALERMO,		/* palermo's own CSV */
	FORMAT_JSON,		/* palermo's own JSON, one object per line */
	FORMAT_CTDC_KANON,
	FORMAT_CTDC_SYNTHETIC,
	FORMAT_HTCDS,
	FORMAT__MAX
};

extern const char *const format_names[FORMAT__MAX];
int	 format_find(const char *);

/*
 * Reading: a reader is made from a header, maps each record to a case and
 * reports every bad value to the error list.
 */
struct case_reader;

/* Detect the format of a CSV header: a format id, or -1 when unclear. */
int	 format_detect(const struct csv_record *);
/* Make a reader for this CSV header; NULL after reporting the problems. */
struct case_reader *case_reader_new(enum format_id, const struct csv_record *,
	    struct errlist *);
void	 case_reader_free(struct case_reader *);
/* Map one record; 0, or -1 after adding its problems to the list. */
int	 case_reader_map(struct case_reader *, const struct csv_record *,
	    struct case_rec *);
/* Map one JSON object text (line is for messages); 0 or -1. */
int	 case_json_map(const char *, size_t, unsigned long line,
	    struct errlist *, struct case_rec *);

/* Writing: a header line, then one line per case, into b. */
void	 case_write_header(enum format_id, struct buf *);
void	 case_write(enum format_id, const struct case_rec *, struct buf *);

/* ---------------------------------------------------------------------- */
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

/* sample.c: generated, realistic case data. */
struct rng {
	uint64_t	 s;
};
void	 rng_seed(struct rng *, uint64_t);
uint64_t rng_next(struct rng *);
/* A whole number in [0, n). */
uint32_t rng_below(struct rng *, uint32_t);
void	 sample_case(struct rng *, struct case_rec *);
/* sample_coord.c: generated coordination data into a database. */
int	 sample_coordination(const char *db, uint64_t seed);
/* sample_fund.c: a generated history of the Trust Fund, about this many
 * journal entries. */
int	 sample_fund(const char *db, uint64_t seed, int64_t entries);

#endif
