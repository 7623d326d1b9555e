/*
 * sample.h: generated data for trying palermo out, labelled as a sample
 * wherever it is stored: case records with a realistic shape, the
 * coordination registers, and a history of the Trust Fund.  No generated
 * record describes a real person.
 */
#ifndef PALERMO_SAMPLE_H
#define PALERMO_SAMPLE_H

#include <stdint.h>

#include "rules/rules.h"

/* cases.c: generated, realistic case data. */
struct rng {
	uint64_t	 s;
};
void	 rng_seed(struct rng *, uint64_t);
uint64_t rng_next(struct rng *);
/* A whole number in [0, n). */
uint32_t rng_below(struct rng *, uint32_t);
void	 sample_case(struct rng *, struct case_rec *);
/* coord.c: generated coordination data into a database. */
int	 sample_coordination(const char *db, uint64_t seed);
/* fund.c: a generated history of the Trust Fund, about this many
 * journal entries. */
int	 sample_fund(const char *db, uint64_t seed, int64_t entries);

#endif
