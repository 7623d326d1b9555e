/*
 * numbers.c: numbers as people read them, the same in every output:
 * thousands separators, percentages rounded half away from zero on the
 * tenths in whole numbers (never a float), ranges with an en dash.
 */
#include <stdio.h>

#include "lib/lib.h"

void
money_text(int64_t cents, char buf[40])
{
	amount_text(cents, 2, buf);
}

void
amount_text(int64_t v, int exp, char buf[40])
{
	uint64_t	 u = v < 0 ? -(uint64_t)v : (uint64_t)v, p = 1;
	char		 whole[32];

	for (int i = 0; i < exp; i++)
		p *= 10;
	int_format((int64_t)(u / p), whole);
	if (exp == 0)
		snprintf(buf, 40, "%s%s", v < 0 ? "-" : "", whole);
	else
		snprintf(buf, 40, "%s%s.%0*llu", v < 0 ? "-" : "", whole, exp,
		    (unsigned long long)(u % p));
}

void
range_format(int64_t lo, int64_t hi, char buf[64])
{
	char	 a[32], b[32];

	int_format(lo, a);
	if (lo == hi) {
		snprintf(buf, 64, "%s", a);
		return;
	}
	int_format(hi, b);
	snprintf(buf, 64, "%.28s\xe2\x80\x93%.28s", a, b);
}

/* n per 100,000 of pop in hundredths, rounded half up. */
static int64_t
rate_hundredths(int64_t n, int64_t pop)
{
	unsigned __int128 t = (unsigned __int128)(uint64_t)n * 10000000u +
	    (uint64_t)pop / 2;

	return (int64_t)(t / (uint64_t)pop);
}

void
rate_format(int64_t lo, int64_t hi, int64_t pop, char buf[64])
{
	int64_t	 a, b;

	if (pop <= 0 || lo < 0 || hi < lo) {
		buf[0] = '\0';
		return;
	}
	a = rate_hundredths(lo, pop);
	b = rate_hundredths(hi, pop);
	if (a == b)
		snprintf(buf, 64, "%lld.%02lld", (long long)(a / 100),
		    (long long)(a % 100));
	else
		snprintf(buf, 64, "%lld.%02lld\xe2\x80\x93%lld.%02lld",
		    (long long)(a / 100), (long long)(a % 100),
		    (long long)(b / 100), (long long)(b % 100));
}

void
pct_format(int64_t n, int64_t d, char buf[32])
{
	unsigned __int128 t;
	uint64_t	 un;
	int		 neg = n < 0;

	if (d <= 0) {
		buf[0] = '\0';
		return;
	}
	/* round half away from zero on the tenths, in wide integers */
	un = neg ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
	t = ((unsigned __int128)un * 2000 / (uint64_t)d + 1) / 2;
	snprintf(buf, 32, "%s%llu.%u", neg && t ? "-" : "",
	    (unsigned long long)(t / 10), (unsigned)(t % 10));
}

void
int_format(int64_t v, char buf[32])
{
	char		 raw[24];
	uint64_t	 u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int		 len, out = 0;

	len = snprintf(raw, sizeof(raw), "%llu", (unsigned long long)u);
	if (v < 0)
		buf[out++] = '-';
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			buf[out++] = ',';
		buf[out++] = raw[i];
	}
	buf[out] = '\0';
}
