/*
 * cases.c: realistic, generated victim cases, for trying palermo out, for
 * tests and for benchmarks.  The data is made up: it has the shape of real
 * case data (shares of gender, age and forms of exploitation, flows along
 * common corridors with a real domestic share, missing values at realistic
 * rates, organ removal present but rare), but no record describes anyone.
 * The same seed always gives the same cases.
 */
#include <string.h>

#include "sample/sample.h"

/* splitmix64: small, fast and reproducible; not for secrets. */
void
rng_seed(struct rng *r, uint64_t seed)
{
	r->s = seed;
}

uint64_t
rng_next(struct rng *r)
{
	uint64_t	 z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint32_t
rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* True with probability per-mille/1000. */
static int
chance(struct rng *r, unsigned permille)
{
	return rng_below(r, 1000) < permille;
}

/* An index drawn from weights (0-terminated when n is 0). */
static int
pick(struct rng *r, const unsigned *w, int n)
{
	unsigned	 total = 0, x;

	for (int i = 0; i < n; i++)
		total += w[i];
	x = rng_below(r, total);
	for (int i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/* Citizenship to country of exploitation, with weights. */
static const struct {
	const char	*from, *to;
	unsigned	 w;
} corridors[] = {
	{ "USA", "USA", 90 }, { "PHL", "PHL", 60 }, { "UKR", "UKR", 50 },
	{ "MDA", "MDA", 35 }, { "IDN", "IDN", 30 }, { "KHM", "KHM", 25 },
	{ "NPL", "NPL", 20 }, { "GBR", "GBR", 20 }, { "NGA", "NGA", 20 },
	{ "MEX", "MEX", 15 }, { "BRA", "BRA", 12 }, { "IND", "IND", 12 },
	{ "UKR", "RUS", 45 }, { "MDA", "RUS", 25 }, { "KGZ", "RUS", 15 },
	{ "UZB", "KAZ", 15 }, { "KHM", "THA", 30 }, { "MMR", "THA", 25 },
	{ "IDN", "MYS", 30 }, { "PHL", "MYS", 15 }, { "PHL", "SAU", 20 },
	{ "ETH", "SAU", 15 }, { "NPL", "IND", 20 }, { "BGD", "IND", 15 },
	{ "NGA", "ITA", 20 }, { "ROU", "GBR", 15 }, { "VNM", "GBR", 15 },
	{ "ALB", "GBR", 10 }, { "BGR", "DEU", 12 }, { "ROU", "DEU", 10 },
	{ "MEX", "USA", 25 }, { "HND", "USA", 10 }, { "CHN", "USA", 8 },
	{ "GTM", "MEX", 10 }, { "VEN", "COL", 12 }, { "HTI", "DOM", 8 },
	{ "UKR", "POL", 10 }, { "SYR", "TUR", 6 }, { "MDA", "TUR", 6 },
	{ "NGA", "GHA", 6 }, { "BFA", "CIV", 6 }, { "LAO", "THA", 8 },
	{ "PNG", "PNG", 4 }, { "FJI", "AUS", 2 }, { "IDN", "AUS", 2 },
};

static int
country_num(const char *a3)
{
	const struct country	*c;

	if (country_resolve(a3, &c) != COUNTRY_FOUND)
		die("sample: unknown country %s", a3);
	return c->numeric;
}

static void
set_group(struct case_rec *c, int from, int to, int v)
{
	for (int f = from; f <= to; f++)
		c->v[f] = v;
}

void
sample_case(struct rng *r, struct case_rec *c)
{
	static const unsigned years[] = { 1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 5,
	    6, 8, 9, 10, 11, 12, 12, 13, 12, 11, 10 };	/* 2002 to 2023 */
	static const unsigned ages[AGE__MAX] = { 5, 20, 13, 12, 11, 9, 16, 8,
	    6 };
	static const unsigned durations[DURATION__MAX] = { 50, 30, 20 };
	/* means of control, per mille, in enum order */
	static const unsigned control[] = { 150, 200, 120, 300, 400, 350, 150,
	    250, 80, 300, 100, 120, 30, 60, 100, 150, 50 };
	unsigned	 wc[sizeof(corridors) / sizeof(corridors[0])];
	int		 n = (int)(sizeof(corridors) / sizeof(corridors[0]));
	int		 k, female, labour, sexual;

	case_clear(c);
	c->v[CF_YEAR] = 2002 + pick(r, years, 22);
	c->v[CF_DATA_SOURCE] = chance(r, 750) ? SOURCE_CASE_MANAGEMENT :
	    SOURCE_HOTLINE;
	if (!chance(r, 300))
		c->v[CF_STATUS] = chance(r, 850) ? STATUS_ACTUAL :
		    STATUS_POSSIBLE;

	k = (int)rng_below(r, 1000);
	c->v[CF_GENDER] = k < 710 ? GENDER_FEMALE : k < 980 ? GENDER_MALE :
	    k < 985 ? GENDER_TRANS_OR_NONCONFORMING : NR;
	female = c->v[CF_GENDER] == GENDER_FEMALE;
	if (!chance(r, 80))
		c->v[CF_AGE_REGISTRATION] = pick(r, ages, AGE__MAX);
	if (c->v[CF_AGE_REGISTRATION] != NR && chance(r, 400)) {
		k = c->v[CF_AGE_REGISTRATION] - (int)rng_below(r, 2);
		c->v[CF_AGE_EXPLOITATION] = k < 0 ? 0 : k;
	}
	if (chance(r, 300))
		c->v[CF_MAJORITY_ENTRY] = c->v[CF_AGE_REGISTRATION] != NR &&
		    c->v[CF_AGE_REGISTRATION] <= AGE_9_17 ? MAJORITY_MINOR :
		    MAJORITY_ADULT;

	for (int i = 0; i < n; i++)
		wc[i] = corridors[i].w;
	k = pick(r, wc, n);
	if (!chance(r, 50))
		c->v[CF_CITIZENSHIP] = country_num(corridors[k].from);
	if (!chance(r, 100))
		c->v[CF_COUNTRY_EXPLOITATION] = country_num(corridors[k].to);
	if (chance(r, 600))
		c->v[CF_COUNTRY_RECRUITMENT] = country_num(corridors[k].from);
	if (strcmp(corridors[k].from, corridors[k].to) != 0 && chance(r, 150))
		c->v[CF_COUNTRY_TRANSIT] =
		    country_num(corridors[rng_below(r, (uint32_t)n)].to);
	if (chance(r, 500))
		c->v[CF_DURATION] = pick(r, durations, DURATION__MAX);

	/* forms of exploitation: recorded for 95 in 100 */
	if (!chance(r, 50)) {
		set_group(c, CF_EXPLOIT_SEXUAL, CF_EXPLOIT_OTHER, 0);
		k = (int)rng_below(r, 1000);
		sexual = female ? k < 650 : k < 120;
		labour = !sexual || chance(r, 50);
		if (chance(r, 110)) {
			/* the rarer forms; organ removal is 1 in 30 of these */
			static const unsigned rare[] = { 25, 10, 15, 20, 15, 12,
			    3 };
			static const int forms[] = { CF_EXPLOIT_MARRIAGE,
			    CF_EXPLOIT_MILITARY, CF_EXPLOIT_SLAVERY,
			    CF_EXPLOIT_CRIMINALITY, CF_EXPLOIT_BEGGING,
			    CF_EXPLOIT_OTHER, CF_EXPLOIT_ORGAN_REMOVAL };

			c->v[forms[pick(r, rare, 7)]] = 1;
			sexual = labour = 0;
		}
		c->v[CF_EXPLOIT_SEXUAL] = sexual;
		c->v[CF_EXPLOIT_LABOUR] = labour;
		if (labour) {
			set_group(c, CF_LABOUR_AGRICULTURE,
			    CF_LABOUR_NOT_SPECIFIED, 0);
			if (chance(r, 200))
				c->v[CF_LABOUR_NOT_SPECIFIED] = 1;
			else
				c->v[CF_LABOUR_AGRICULTURE + (int)rng_below(r,
				    CF_LABOUR_OTHER - CF_LABOUR_AGRICULTURE +
				    1)] = 1;
		}
		if (sexual) {
			static const unsigned st[] = { 80, 10, 5, 5 };

			set_group(c, CF_SEX_PROSTITUTION,
			    CF_SEX_PRIVATE_SERVICES, 0);
			c->v[CF_SEX_PROSTITUTION + pick(r, st, 4)] = 1;
		}
	}
	if (!chance(r, 400)) {
		int	 any = 0;

		set_group(c, CF_CONTROL_DEBT_BONDAGE, CF_CONTROL_NOT_SPECIFIED,
		    0);
		for (int i = 0; i <= CF_CONTROL_OTHER - CF_CONTROL_DEBT_BONDAGE;
		    i++)
			if (chance(r, control[i])) {
				c->v[CF_CONTROL_DEBT_BONDAGE + i] = 1;
				any = 1;
			}
		if (!any)
			c->v[CF_CONTROL_NOT_SPECIFIED] = 1;
	}
	if (chance(r, 400)) {
		static const unsigned rel[] = { 20, 40, 25, 15 };

		set_group(c, CF_RECRUITER_INTIMATE_PARTNER, CF_RECRUITER_UNKNOWN,
		    0);
		c->v[CF_RECRUITER_INTIMATE_PARTNER + pick(r, rel, 4)] = 1;
	}
	if (chance(r, 300))
		c->v[CF_ABDUCTION] = chance(r, 60);
	case_derive(c);
}

int
sample_cases(FILE *fp, enum format_id format, long long count, uint64_t seed)
{
	struct rng	 r;
	struct case_rec	 c;
	struct buf	 b = BUF_INIT;
	int		 ok = 1;

	rng_seed(&r, seed);
	case_write_header(format, &b);
	for (long long i = 0; i < count && ok; i++) {
		sample_case(&r, &c);
		case_write(format, &c, &b);
		if (b.len >= 64 * 1024) {
			ok = fwrite(b.s, 1, b.len, fp) == b.len;
			buf_reset(&b);
		}
	}
	if (ok && b.len)
		ok = fwrite(b.s, 1, b.len, fp) == b.len;
	buf_release(&b);
	return ok ? 0 : -1;
}
