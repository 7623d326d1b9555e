/*
 * statfmt.h: reading and writing official statistics (statfmt.c).
 */
#ifndef PALERMO_STATFMT_H
#define PALERMO_STATFMT_H

#include "palermo.h"
#include "stats.h"

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
