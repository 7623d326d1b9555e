/*
 * engine_int.h: what engine.c shares with counts.c, and only with it:
 * reading the submissions and the packs into a snapshot, and counting a
 * stretch of records into figures.
 */
#ifndef PALERMO_ENGINE_INT_H
#define PALERMO_ENGINE_INT_H

#include <stddef.h>

#include "engine/engine.h"

/* The submissions wanted, and the source of each, before the cases. */
struct subs_loader {
	const struct filter	*f;
	struct snapshot		*s;
	int64_t			*sub_ids;
	int			*sub_source;
	int			 nsub;
};

/* Start a snapshot (s and l zeroed first) with the submissions that pass
 * the filter's sources and submission, each with its source's index;
 * 0 or -1 (said).  The caller frees l's arrays. */
int	 subs_load(struct store *, const struct filter *, struct snapshot *,
	    struct subs_loader *);
/* Load the cases that pass the filter from the packs, or from the rows
 * if the packs do not match them and rows_ok; 1 when they do not match
 * and !rows_ok.  0 or -1 (said). */
int	 snapshot_read(struct store *, const struct filter *,
	    struct snapshot *, int rows_ok);
/* Figures zeroed, for nsources sources. */
struct figures *figures_new(int nsources);
/* Count the records from..to of a snapshot into fg. */
void	 count_range(const struct snapshot *, size_t from, size_t to,
	    struct figures *);

/* The counts of struct figures, as an array of int64_t. */
#define NCOUNTS	(offsetof(struct figures, year_source) / sizeof(int64_t))

#endif
