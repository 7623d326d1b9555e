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
 * official.c: official statistics in memory, for the reports and the
 * checks: the current values (those no later edition superseded) that
 * pass a filter, and for every reporting country, indicator and year its
 * total, its splits, and the value the figures use.
 *
 * The splits of a total: its parts by sex, by age, by form, by
 * citizenship and by country of repatriation, each with the other splits
 * at "total".  The rule for a total that contradicts a complete split is
 * official.c's, stated there, in docs/formats.md and in every report's
 * methods; the checks (check.c) and the figures use this one code.
 */
enum { SPLIT_SEX, SPLIT_AGE, SPLIT_FORM, SPLIT_CITIZENSHIP,
    SPLIT_REPATRIATION, SPLIT__MAX };
extern const char *const split_names[SPLIT__MAX];	/* "by sex", ... */
/* What else a value may be: a total, the values of unknown sex and
 * unknown age, or a cross-tabulation (sex and age, form and sex, ...). */
enum { OSPLIT_TOTAL = -1, OSPLIT_UNKNOWN = -2, OSPLIT_CROSS = -3 };

/* The values of one country, indicator and year, added by split. */
struct ogroup {
	int		 has_total;
	int64_t		 tlo, thi;		/* the total, published */
	int64_t		 lo[SPLIT__MAX], hi[SPLIT__MAX];	/* parts */
	int64_t		 big[SPLIT__MAX];	/* the largest part's low */
	int		 nparts[SPLIT__MAX];
	unsigned	 cats[SPLIT__MAX];	/* bit per category code */
	int		 has_unknown;		/* sex and age unknown */
	int64_t		 ulo, uhi;
};

/* The split of a value (SPLIT_*), or OSPLIT_*. */
int	 ogroup_split_of(int sex, int age, int form, int odim);
/* Add a value to its country, indicator and year (zeroed at first). */
void	 ogroup_add(struct ogroup *, int sex, int age, int form, int odim,
	    int64_t lo, int64_t hi);
/* The totals a split allows: from its parts' low end to their high end
 * with the values of unknown sex and age (which may be among them); 0
 * when the split has no parts. */
int	 ogroup_range(const struct ogroup *, int split, int64_t *lo,
	    int64_t *hi);
/* Whether a split by sex gives women and men, one by age children and
 * adults (no other split is ever complete). */
int	 ogroup_complete(const struct ogroup *, int split);
/* The value the figures use, in lo and hi: the total as published, or
 * where a complete split adds up to more than it can be, what the
 * complete splits allow.  Returns the bits (1 << SPLIT_*) of the splits
 * that contradict the total; 0 when it stands. */
unsigned ogroup_value(const struct ogroup *, int64_t *lo, int64_t *hi);

/* A value in memory: codes, country indexes, an interval. */
struct oval {
	int16_t		 c;		/* reporting country index; -1 area */
	int16_t		 oc;		/* origin country index (nationals:
					 * c); -1 none */
	int16_t		 year;
	uint8_t		 ind, sex, age, form, odim, okind;
	int		 ocode;		/* origin code (a region's), or NR */
	int64_t		 lo, hi;
};

/* One country, indicator and year: what was published, what is used. */
struct ototal {
	int16_t		 c, year;
	uint8_t		 ind;
	int		 has_total;
	int64_t		 plo, phi;	/* the total as published */
	int64_t		 lo, hi;	/* what the figures use */
	unsigned	 contradicted;	/* ogroup_value's bits */
	unsigned	 complete;	/* bits of the complete splits */
	int		 has_split[2];	/* by sex, by age */
	int64_t		 slo[2], shi[2];	/* what those allow */
};

struct opop {
	int16_t		 c, year;
	uint8_t		 sex, age;
	int64_t		 n;
};

struct official {
	struct oval	*v;
	size_t		 n;
	struct ototal	*t;		/* by country, indicator, year */
	size_t		 nt;
	struct opop	*p;		/* population, by country, year */
	size_t		 np;
	int		 y0, y1;	/* the years with values; 0 none */
	size_t		 ncontradicted;	/* totals the figures replace */
	uint64_t	 censored;	/* values published as <5 */
	/* keys given in more than one value (parts of one figure), and
	 * the values beyond the first of each */
	uint64_t	 repeated_keys, repeated_values;
	/* detected victims of unknown sex and unknown age */
	uint64_t	 unknown_values;
	int64_t		 unknown_lo, unknown_hi;
	/* the submissions the values came from, by id */
	struct submission *subs;
	size_t		 nsubs;
	struct arena	 arena;
};

/* The current values that pass the filter (years, sources, and a
 * country or region that reports them or is their origin); 0 or -1
 * (said).  Release with official_release, whatever it returns. */
int	 official_load(struct store *, const struct filter *,
	    struct official *);
void	 official_release(struct official *);
/* The total of a country index, indicator and year, or NULL. */
const struct ototal *official_total(const struct official *, int c,
	    int ind, int year);
/* The totals of an indicator in a year over the countries whose index
 * is set in in[] (NULL: every country): what the figures use, how many
 * countries reported a total, how many of those totals were replaced. */
struct osum {
	int64_t		 lo, hi;
	int		 n, replaced;
};
void	 official_sum(const struct official *, int ind, int year,
	    const unsigned char *in, struct osum *);
/* The constant panel of the years y0 to y1: panel[c] set for each
 * country of in[] (NULL: all) that reported a total of the indicator in
 * every one of them (panel holds NCOUNTRIES); returns how many. */
int	 official_panel(const struct official *, int ind, int y0, int y1,
	    const unsigned char *in, unsigned char *panel);
/* The grouping of that name: UN M49's for NULL, "M49" or "UN M49",
 * else the user's scheme, its names in the arena; 0, 1 when there is no
 * such scheme (said), -1 (said). */
int	 grouping_load(struct store *, const char *name, struct arena *,
	    struct grouping *);
/*
 * Official values counted by up to CROSSTAB_MAX fields (palermo stats
 * official).  Without a field of a split (sex, age group, form,
 * citizenship) the totals are added as every sum uses them; with some,
 * the values split so and by nothing else (those of unknown sex and
 * unknown age count as the unknown of a split by sex alone or by age
 * alone).  Values of indicator ind only, unless indicator is a field.
 * A field's value is a country index, a region of g (-1 not grouped), an
 * M49 code, a year, or a code; citizenship -1 for an origin that is no
 * country.  The rows, by value, in *out (the caller frees it).
 */
enum ofield { OF_COUNTRY, OF_REGION, OF_SUBREGION, OF_YEAR, OF_INDICATOR,
    OF_SEX, OF_AGE, OF_FORM, OF_CITIZENSHIP, OF__MAX };
extern const char *const ofield_names[OF__MAX];
int	 ofield_find(const char *);

struct orow {
	int		 v[CROSSTAB_MAX];
	int64_t		 lo, hi;
	int		 values, countries, replaced;
};
size_t	 official_crosstab(const struct official *, const struct grouping *,
	    const int *by, int nby, int ind, struct orow **out);
/* The population of a country index and year, sex and age group; 0
 * when none is stored. */
int64_t	 official_population(const struct official *, int c, int year,
	    int sex, int age);

/* ---------------------------------------------------------------------- */
/*
 * check.c: every inconsistency in the official statistics of one country
 * (ISO numeric, or NR for all) and year (0 for all), a line each, into
 * out, and what was counted.  0 or -1.
 */
struct check_counts {
	size_t		 values;	/* checked */
	int		 found;		/* inconsistencies */
	size_t		 contradicted;	/* totals a complete split
					 * contradicts, which the figures
					 * replace */
	/* values of unknown sex and unknown age, no form or origin */
	uint64_t	 unknown_values;
	int64_t		 unknown_lo, unknown_hi;
};
int	 stats_check(struct store *, int country, int year, struct buf *out,
	    struct check_counts *);

#endif
