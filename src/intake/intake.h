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

#endif
