/*
 * util.c: small helpers shared by the commands: number parsing, UTF-8
 * checks, time, and the name of the operator for provenance.
 */
#include <ctype.h>
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/lib.h"

int
str_eqi(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
	return *a == *b;
}

int
parse_int(const char *s, long long lo, long long hi, long long *out)
{
	char		*end;
	long long	 v;

	if (*s == '\0' || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* Well-formed UTF-8 (RFC 3629): no overlongs, surrogates or NUL bytes. */
int
utf8_valid(const char *p, size_t n)
{
	const unsigned char	*s = (const unsigned char *)p, *e = s + n;
	unsigned int		 c, need;

	while (s < e) {
		c = *s++;
		if (c < 0x80) {
			if (c == 0)
				return 0;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			need = 1;
		else if (c >= 0xe0 && c <= 0xef)
			need = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			need = 3;
		else
			return 0;
		if ((size_t)(e - s) < need)
			return 0;
		if (c == 0xe0 && s[0] < 0xa0)
			return 0;
		if (c == 0xed && s[0] > 0x9f)
			return 0;
		if (c == 0xf0 && s[0] < 0x90)
			return 0;
		if (c == 0xf4 && s[0] > 0x8f)
			return 0;
		while (need--)
			if ((*s++ & 0xc0) != 0x80)
				return 0;
	}
	return 1;
}

void
time_iso(char out[21])
{
	time_t		 t = time(NULL);
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int
today_iso(char out[11])
{
	const char	*s = getenv("PALERMO_TODAY");
	char		 now[21];

	if (s == NULL || *s == '\0') {
		time_iso(now);
		s = now;
	} else if (strlen(s) != 10 || !date_valid(s))
		return error("PALERMO_TODAY: '%s' is not YYYY-MM-DD", s);
	memcpy(out, s, 10);
	out[10] = '\0';
	return 0;
}

int
name_find(const char *const *names, int n, const char *s)
{
	for (int i = 0; s != NULL && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

int
current_year(void)
{
	char	 today[11];

	/* PALERMO_TODAY, when it is not a date, was said by today_iso and
	 * falls back to the clock's year */
	if (today_iso(today) == -1) {
		time_t		 t = time(NULL);
		struct tm	 tm;

		gmtime_r(&t, &tm);
		return tm.tm_year + 1900;
	}
	return (int)strtol(today, NULL, 10);
}

int
thread_count(void)
{
	const char	*s = getenv("PALERMO_THREADS");
	long long	 n;
	long		 cpus;

	if (s != NULL && *s && parse_int(s, 1, THREADS_MAX, &n) == 0)
		return (int)n;
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	return cpus < 1 ? 1 : cpus > THREADS_MAX ? THREADS_MAX : (int)cpus;
}

const char *
operator_name(void)
{
	const char	*s;
	struct passwd	*pw;

	if ((s = getenv("PALERMO_OPERATOR")) != NULL && *s)
		return s;
	if ((pw = getpwuid(getuid())) != NULL)
		return pw->pw_name;
	if ((s = getenv("USER")) != NULL && *s)
		return s;
	return "unknown";
}

/*
 * Fold a name for look-up: letters to lower case (ASCII and the Latin-1
 * capitals, as in "TÜRKIYE"), runs of spaces, hyphens, underscores and dots
 * to one space, leading and trailing ones dropped.  Other bytes are kept.
 */
void
key_fold(struct buf *b, const char *s)
{
	int	 space = 0;

	buf_reset(b);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == ' ' || c == '\t' || c == '-' || c == '_' || c == '.') {
			space = b->len > 0;
			continue;
		}
		if (space)
			buf_addc(b, ' ');
		space = 0;
		if (c == 0xc3 && (unsigned char)s[1] >= 0x80 &&
		    (unsigned char)s[1] <= 0x9e && (unsigned char)s[1] != 0x97) {
			buf_addc(b, c);
			buf_addc(b, (unsigned char)*++s + 0x20);
			continue;
		}
		buf_addc(b, c < 0x80 ? tolower(c) : c);
	}
}

const struct embedded *
embedded_find(const char *name)
{
	for (size_t i = 0; i < embedded_count; i++)
		if (strcmp(embedded_files[i].name, name) == 0)
			return &embedded_files[i];
	return NULL;
}

/* Whether s is a calendar date, YYYY-MM-DD, from 1900 to 2200. */
int
date_valid(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	long long	 y, m, d;
	char		 part[5];

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	memcpy(part, s, 4);
	part[4] = '\0';
	if (parse_int(part, 1900, 2200, &y) == -1)
		return 0;
	memcpy(part, s + 5, 2);
	part[2] = '\0';
	if (parse_int(part, 1, 12, &m) == -1)
		return 0;
	memcpy(part, s + 8, 2);
	if (parse_int(part, 1, days[m - 1], &d) == -1)
		return 0;
	return !(m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 &&
	    y % 400 != 0)));
}

void
date_add(const char *s, int days, int months, char out[11])
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	 y = 0, m = 0, d = 0, last;
	char	 buf[32];

	sscanf(s, "%4d-%2d-%2d", &y, &m, &d);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	/* one month after 31 January is the last day of February */
	last = mdays[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0));
	if (d > last)
		d = last;
	for (; days > 0; days--) {
		last = mdays[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 ||
		    y % 400 == 0));
		if (++d > last) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	snprintf(buf, sizeof(buf), "%04u-%02u-%02u", (unsigned)y % 10000,
	    (unsigned)m % 100, (unsigned)d % 100);
	memcpy(out, buf, 11);
}

int
date_valid_past(const char *s)
{
	char	 today[11];

	return date_valid(s) && today_iso(today) == 0 &&
	    strcmp(s, today) <= 0;
}
