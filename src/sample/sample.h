/*
 * sample.h: generated data for trying palermo out, labelled as a sample
 * wherever it is stored: case records with a realistic shape, the
 * coordination registers, and a history of the Trust Fund.  No generated
 * record describes a real person.
 */
#ifndef PALERMO_SAMPLE_H
#define PALERMO_SAMPLE_H

#include <stdint.h>

#include "intake/intake.h"

/* cases.c: generated, realistic case data. */
struct rng {
	uint64_t	 s;
};
void	 rng_seed(struct rng *, uint64_t);
uint64_t rng_next(struct rng *);
/* A whole number in [0, n). */
uint32_t rng_below(struct rng *, uint32_t);
void	 sample_case(struct rng *, struct case_rec *);
/* count generated cases written to fp in a format, the same seed giving
 * the same file; 0, or -1 on a write error (not said). */
int	 sample_cases(FILE *, enum format_id, long long count, uint64_t seed);
/* coord.c: generated coordination data into the store, labelled as a
 * sample, in one transaction; 0 or -1. */
int	 sample_coordination(struct store *, uint64_t seed);
/* fund.c: a generated history of the Trust Fund, about this many
 * journal entries, to the end of last year, posted through the ledger's
 * own checks in one transaction; the entries made, or -1. */
int64_t	 sample_fund(struct store *, uint64_t seed, int64_t entries);

#endif
