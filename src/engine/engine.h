/*
 * engine.h: the analysis engine.  It reads the stored cases once into a
 * snapshot of compact records (codes, not strings) and computes from it,
 * in one pass, every count a report needs.
 *
 * Invariants: a snapshot's records are struct packed (model.h); a value
 * that was not recorded reads as NR through packed_get.  Countries are held as indexes
 * for country_at(); regions are the UN M49 region, sub-region and
 * intermediate region of the country.
 */
#ifndef PALERMO_ENGINE_H
#define PALERMO_ENGINE_H

#include <stdint.h>

#include "store/store.h"

/* What to keep when loading; every field is optional. */
struct filter {
	int		 from, to;	/* years, 0 for open */
	const char	**sources;	/* source names, NULL-terminated */
	int64_t		 submission;	/* only this one; 0 for any */
	int		 country;	/* index; exploitation or citizenship */
	int		 region;	/* M49 code of a region, sub-region or
					 * intermediate region; 0 for none */
	/* field = value conditions, ANDed (stats --where) */
	int		 nwhere;
	int		 where_field[16];
	int		 where_value[16];
};

struct snapshot {
	size_t		 n;
	struct packed	*rec;
	int		 nsources;
	const char	**sources;	/* names, in order of first id */
	/* the submissions that gave the records, for provenance */
	int		 nsubs;
	struct submission *subs;
	struct arena	 arena;		/* sources, subs and their strings */
};

/* engine.c */
void	 filter_init(struct filter *);
/* Parse "field=value[|value]" for --where; 0 or -1 after a message. */
int	 filter_where(struct filter *, const char *);
/* Load the cases that pass the filter; 0 or -1 (reported). */
int	 snapshot_load(struct store *, const struct filter *,
	    struct snapshot *);
void	 snapshot_release(struct snapshot *);
/* Pack every case again from its row, the way the store keeps them, and
 * compare byte for byte with the packs the store kept: *n cases, and the
 * position of the first that differs, or -1.  0 or -1 (reported). */
int	 snapshot_verify(struct store *, int64_t *n, int64_t *first_bad);

/* The counts of the Global Report, from one pass over a snapshot. */
#define NFORMS		9	/* CF_EXPLOIT_SEXUAL .. CF_EXPLOIT_OTHER */
#define NYEARS		256	/* year - 1900 */
#define NCOUNTRIES	256	/* country indexes, 255 for not recorded */

struct yes_rec {
	int64_t		 yes, rec;	/* yes, and recorded (yes or no) */
};

struct figures {
	int64_t		 total;
	int64_t		 by_year[NYEARS];
	int64_t		 year_nr;
	/* [gender + 1][band + 1]: index 0 is not recorded */
	int64_t		 gender_age[GENDER__MAX + 1][AGE__MAX + 1];
	int64_t		 gender_majority[3][GENDER__MAX + 1][MAJORITY__MAX + 1];
	struct yes_rec	 flag[CF__MAX];		/* every flag field */
	int64_t		 not_recorded[CF__MAX];	/* every field */
	struct yes_rec	 form_gender[NFORMS][GENDER__MAX + 1];
	struct yes_rec	 form_majority[NFORMS][MAJORITY__MAX + 1];
	struct yes_rec	 form_region[NFORMS][NREGIONS];
	int64_t		 forms_recorded;	/* any form recorded */
	int64_t		 combo[1 << NFORMS];	/* among forms_recorded */
	int64_t		 flow[NCOUNTRIES][NCOUNTRIES];	/* citizenship, exploitation */
	int64_t		 flow_class[NCLASSES];
	int64_t		 flows;			/* both countries known */
	/* per year: the headline figures */
	struct yes_rec	 year_female[NYEARS], year_minor[NYEARS];
	struct yes_rec	 year_form[NYEARS][NFORMS];
	struct yes_rec	 year_domestic[NYEARS];
	/* coverage: records per country and year of exploitation */
	int64_t		 year_country[NYEARS][NCOUNTRIES];
	/*
	 * Everything above is counts (int64_t), so that two partial
	 * figures add up as arrays; what follows is not.
	 */
	int64_t		*year_source;		/* NYEARS * nsources */
	int		 nsources;
};

/* Compute every count in one pass; free with figures_free. */
struct figures *figures_compute(const struct snapshot *);
/*
 * The figures of the cases that pass the filter, and a snapshot of their
 * submissions (its records are left unread when not needed: s->n is the
 * number of cases all the same).  Over all cases, or a filter by years
 * and sources only, the figures are the sum of counts kept per
 * submission and year (counts.c), made and kept the first time they are
 * needed; otherwise, or with $PALERMO_RECOUNT set, every case is counted.
 * 0 or -1 (said).
 */
int	 figures_load(struct store *, const struct filter *,
	    struct snapshot *, struct figures **);
void	 figures_free(struct figures *);

/* ---------------------------------------------------------------------- */
/*
 * crosstab.c: cases counted by every combination of up to CROSSTAB_MAX
 * fields: the case fields (CF_*) and fields derived from them, up to
 * XFIELD__MAX.
 */
#define CROSSTAB_MAX	4
#define XFIELD__MAX	(CF__MAX + 5)

/* The field of that name, or -1. */
int	 xfield_find(const char *);
const char *xfield_name(int);
const char *xfield_label(int);
/* The value of a field of a record: a code, a country's ISO numeric, an
 * M49 code, a flow class, a year or a flag; NR when not recorded. */
int	 xfield_value(const struct packed *, int field);
/* How a value reads: a code's name, an alpha-3, a region's name, yes or
 * no, "not recorded"; buf (of 16) holds a year. */
const char *xfield_text(int field, int value, char buf[16]);

struct crosstab_row {
	int		 v[CROSSTAB_MAX];	/* the values, or NR */
	int64_t		 n;
};
/* Count the snapshot's records by the values of the fields by[0..nby),
 * each combination once, ordered by value (not recorded first); the rows
 * in *rows (the caller frees them).  Returns how many rows. */
size_t	 crosstab(const struct snapshot *, const int *by, int nby,
	    struct crosstab_row **rows);

/* ---------------------------------------------------------------------- */
/*
 * check.c: every inconsistency in the official statistics of one country
 * (ISO numeric, or NR for all) and year (0 for all), a line each, into
 * out; how many values were checked and how many inconsistencies found.
 * 0 or -1.
 */
int	 stats_check(struct store *, int country, int year, struct buf *out,
	    size_t *nvalues, int *found);

#endif
