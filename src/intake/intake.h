/*
 * intake.h: one file becomes one submission.  The formats palermo reads
 * (and writes back): case records in palermo's CSV and JSON, the CTDC
 * datasets and HTCDS; official statistics in the UNODC portal's export
 * (CSV or xlsx) and palermo's CSV and JSON; population.
 */
#ifndef PALERMO_INTAKE_H
#define PALERMO_INTAKE_H

#include "rules/rules.h"

/* ---------------------------------------------------------------------- */
/* intake.c: a file of records into the store, as one submission. */

enum intake_kind { INTAKE_CASES, INTAKE_STATS, INTAKE_POPULATION,
    INTAKE__MAX };
extern const char *const intake_kind_names[INTAKE__MAX];
/* The kind of that name ("cases", "stats", "population"), or -1. */
int	 intake_kind_find(const char *);
/* The format of that name among a kind's formats, or -1. */
int	 intake_format_find(enum intake_kind, const char *);

struct intake_request {
	enum intake_kind kind;
	const char	*path;		/* "-" the standard input; NULL: data */
	const void	*data;		/* a file in memory, len bytes */
	size_t		 len;
	const char	*name;		/* for messages and provenance; NULL:
					 * the path */
	const char	*source;	/* who submits it */
	int		 format;	/* of the kind's formats; -1: detect */
	int		 replace;	/* replace the same file submitted before
					 * (same SHA-256, else same name) */
	/* statistics: the submissions whose values of the same keys this
	 * file's supersede (editions.c) */
	const int64_t	*supersedes;
	size_t		 nsupersedes;
	/* told now and then how far the reading is: bytes read of size
	 * (0 if not known), records so far; may be NULL */
	void		(*progress)(uint64_t bytes, uint64_t size,
			    uint64_t records, void *arg);
	void		*arg;
};

/* An origin text of the statistics that nothing maps, and how often. */
struct intake_unmapped {
	char		*text;
	uint64_t	 n;
};

struct intake_result {
	struct errlist	 el;		/* the problems, when rejected */
	int64_t		 submission;	/* what it was stored as */
	uint64_t	 rows;
	const char	*noun;		/* what the rows are: "cases", ... */
	const char	*format;	/* as recorded: "unodc-xlsx", ... */
	const char	*format_shown;	/* for people: "unodc, xlsx" */
	int		 replaced;	/* an earlier submission was replaced */
	/* statistics: values of areas without an ISO code, and the origin
	 * texts no reading maps, most frequent first */
	uint64_t	 areas;
	struct intake_unmapped *unmapped;
	size_t		 nunmapped;
	/* statistics: keys given more than once in the portal's file (the
	 * parts of one figure, added), and the values they bring beyond
	 * one each; what the file superseded, by submission */
	uint64_t	 repeated_keys, repeated_values;
	struct supersession *supers;
	size_t		 nsupers;
	int64_t		 superseded;
};

/*
 * Read the file into the store as one submission, all or nothing.
 * Returns 0 (res says what was stored); 1 when the file is rejected and
 * nothing was stored, with its problems in res->el (or, for a file that
 * cannot be read or was submitted already, none there and the reason
 * said); -1 on a store error (said).  Release res with
 * intake_result_release, whatever the return.
 */
int	 intake_file(struct store *, const struct intake_request *,
	    struct intake_result *res);
void	 intake_result_release(struct intake_result *);

/* ---------------------------------------------------------------------- */
/* withdraw.c: take a submission back, with everything it brought, in one
 * transaction: 0, 1 when there is no such submission, or -1. */
int	 intake_withdraw(struct store *, int64_t id);

/* ---------------------------------------------------------------------- */
/* registers.c: a register's file into the store. */

enum register_kind {
	REG_ACTIONS,		/* states' actions on instruments (CSV) */
	REG_PLAN,		/* the plan's actions (CSV, or JSON lines) */
	REG_PRACTICES,		/* practices of mechanisms (CSV) */
	REG_FUND,		/* the Trust Fund's operations (CSV) */
	REG_ORIGINS,		/* readings of free-text origins (CSV) */
	REG_REGIONS,		/* a grouping of countries into regions
				 * (CSV; source: the scheme's name) */
	REG__MAX
};

struct register_result {
	struct errlist	 el;	/* the problems found; release it */
	unsigned long	 rows;	/* the records read */
	const char	*noun;	/* what they are: "actions", ... */
};

/*
 * Read the file at path into the store, in one transaction, each record
 * checked by the register's rules; in->source says who gives the records
 * (the plan's and practices'), in->instrument which instrument a status
 * list of the UN Treaty Collection is of.  Returns 0; 1 when the file is rejected, its
 * problems in res->el (none when the file could not be read, which was
 * said) and nothing recorded; or -1 on a store error (said).  The caller
 * releases res->el.
 */
struct register_in {
	const char	*source;
	const char	*instrument;	/* REG_ACTIONS: a status list's */
};
int	 intake_register(struct store *, enum register_kind, const char *path,
	    const struct register_in *, struct register_result *res);

/*
 * A contribution to the Secretary-General's report of year from actor (a
 * State by any of its names or codes, an ICAT member as a UN entity, else
 * an organisation): the file at path, UTF-8 text up to 1 MiB, kept whole
 * with its SHA-256.  0 with its id; 1 when refused (why said); -1.
 */
int	 intake_contribution(struct store *, int year, const char *actor,
	    const char *path, int64_t *id);

/* ---------------------------------------------------------------------- */
/* cases.c: the case formats palermo reads and writes. */

enum format_id {
	FORMAT_PALERMO,		/* palermo's own CSV */
	FORMAT_JSON,		/* palermo's own JSON, one object per line */
	FORMAT_CTDC_KANON,
	FORMAT_CTDC_SYNTHETIC,
	FORMAT_HTCDS,
	FORMAT__MAX
};

extern const char *const format_names[FORMAT__MAX];

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
/* Map one JSON object text (line is for messages; dates up to the year
 * year_max); 0 or -1. */
int	 case_json_map(const char *, size_t, unsigned long line,
	    int year_max, struct errlist *, struct case_rec *);

/* Writing: a header line, then one line per case, into b. */
void	 case_write_header(enum format_id, struct buf *);
void	 case_write(enum format_id, const struct case_rec *, struct buf *);

/* ---------------------------------------------------------------------- */
/* stats.c: reading and writing official statistics. */

enum stat_format {
	SFMT_UNODC,	/* the UNODC data portal's 13 columns, CSV or xlsx */
	SFMT_PALERMO,	/* palermo's own CSV */
	SFMT_JSON,	/* palermo's own JSON, one object per line */
	SFMT__MAX
};

extern const char *const stat_format_names[SFMT__MAX];

/* Readings of free-text origins: shipped, then the user's. */
struct origin_map;
struct origin_map *origin_map_new(void);
/* The shipped readings and the user's, from the store; NULL after an
 * error (said). */
struct origin_map *origin_map_load(struct store *);
void	 origin_map_add(struct origin_map *, const char *, int kind, int code);
void	 origin_map_free(struct origin_map *);
void	 origin_resolve(struct origin_map *, const char *, int *kind,
	    int *code);

struct stat_reader;
/* The format of a header: SFMT_UNODC, SFMT_PALERMO, or -1. */
int	 stat_detect(const struct csv_record *);
struct stat_reader *stat_reader_new(int fmt, const struct csv_record *,
	    struct errlist *, struct origin_map *);
void	 stat_reader_free(struct stat_reader *);
/* Map a record; 0, or -1 after adding its problems to the list.  The
 * strings of the value point into the record. */
int	 stat_reader_map(struct stat_reader *, const struct csv_record *,
	    struct stat_rec *);
/* Map one line of palermo's JSON; *rp is made on first use and freed by
 * the caller; the value's strings point into store. */
int	 stat_json_map(struct stat_reader **rp, const char *, size_t,
	    unsigned long line, struct errlist *, struct origin_map *,
	    struct stat_rec *, struct buf *store);

void	 stat_write_header(int fmt, struct buf *);
void	 stat_write(int fmt, const struct stat_rec *, struct buf *);

/* ---------------------------------------------------------------------- */
/* export.c: every stored case, or official statistic, written to fp in
 * a format palermo reads; 0, or -1 after a store error (said) or a write
 * error (not said: the caller knows where it wrote). */
int	 export_cases(struct store *, enum format_id, FILE *);
int	 export_stats(struct store *, enum stat_format, FILE *);
/* The plan's actions that pass the filter, appended to out: as CSV, an id
 * and the columns plan import reads, or as JSON, one object per line with
 * the action's notes, indicators and evidence; 0, or -1 (said). */
enum plan_export { PLAN_CSV, PLAN_JSON, PLAN__MAX };
extern const char *const plan_export_names[PLAN__MAX];
int	 export_plan(struct store *, const struct plan_filter *,
	    enum plan_export, struct buf *out);

#endif
