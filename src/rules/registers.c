/*
 * registers.c: the rules of the smaller registers: the World Day against
 * Trafficking in Persons (30 July, observed from 2014 on; resolution
 * 68/192, op. 5), national coordination mechanisms, and the practices
 * they share (op. 12), which people search in their own words.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "rules/rules.h"

const char *const history_registers[HISTORY_REGISTERS] = {
	"instruments", "criminalisation", "plan", "icat", "mechanisms",
	"practices", "worldday",
};

int
history_each(struct store *st, const char *reg, int country,
    int (*fn)(const struct history_entry *, void *), void *arg)
{
	struct arena	 a = { NULL };
	struct history_entry *h;
	size_t		 n;
	int		 rc = 0;

	if (st->ops->history_list(st, &a, &h, &n) == -1) {
		arena_release(&a);
		return -1;
	}
	for (size_t i = 0; i < n && rc == 0; i++)
		if ((reg == NULL || strcmp(h[i].reg, reg) == 0) &&
		    (country == NR || h[i].country == country))
			rc = fn(&h[i], arg);
	arena_release(&a);
	return rc == -1 ? -1 : 0;
}

static const char *const mechanism_kinds[] = {
	"coordination", "rapporteur", "equivalent",
};

long
worldday_days_left(const char *today, int year)
{
	struct tm	 a, b;
	int		 y = 0, m = 0, d = 0;

	sscanf(today, "%4d-%2d-%2d", &y, &m, &d);
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	a.tm_year = y - 1900;
	a.tm_mon = m - 1;
	a.tm_mday = d;
	b.tm_year = year - 1900;
	b.tm_mon = 6;
	b.tm_mday = 30;
	return (long)((timegm(&b) - timegm(&a)) / 86400);
}

enum worldday_problem
worldday_event_check(int year, const struct worldday_event *e)
{
	char	 y[8];

	snprintf(y, sizeof(y), "%04d", year);
	if (e->organiser == NULL || *e->organiser == '\0')
		return WDP_ORGANISER;
	if (e->date != NULL && (!date_valid(e->date) ||
	    strncmp(e->date, y, 4) != 0))
		return WDP_DATE;
	if (e->title == NULL || *e->title == '\0')
		return WDP_TITLE;
	return WDP_NONE;
}

const struct icat_member *
icat_member_find_in(const struct icat_member *m, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (str_eqi(m[i].name, name))
			return &m[i];
	return NULL;
}

int
icat_member_find(struct store *st, struct arena *a, const char *name,
    const char **member)
{
	const struct icat_member *f;
	struct icat_member *m;
	size_t		 n;

	*member = NULL;
	if (st->ops->icat_member_list(st, a, &m, &n) == -1)
		return -1;
	if ((f = icat_member_find_in(m, n, name)) != NULL)
		*member = f->name;
	return 0;
}

int
icat_member_on(const struct icat_member *m, const char *date)
{
	return *m->joined == '\0' || strcmp(m->joined, date) <= 0;
}

int
icat_cochair_check(struct store *st, int year, const char *name)
{
	struct arena	 a = { NULL };
	struct icat_member *m;
	size_t		 n;
	char		 end[16];
	int		 rc = 1;

	if (st->ops->icat_member_list(st, &a, &m, &n) == -1) {
		arena_release(&a);
		return -1;
	}
	snprintf(end, sizeof(end), "%04d-12-31", year % 10000);
	for (size_t i = 0; i < n && rc == 1; i++) {
		if (!str_eqi(m[i].name, name))
			continue;
		if (icat_member_on(&m[i], end))
			rc = 0;
		else
			error("%s joined ICAT on %s: it cannot co-chair in %d",
			    m[i].name, m[i].joined, year);
		break;
	}
	if (rc == 1 && (n == 0 || !icat_member_find_in(m, n, name)))
		error("'%s' is not a member of ICAT (see 'palermo icat "
		    "members')", name);
	arena_release(&a);
	return rc;
}

/* The filter between the store's search and the caller. */
struct finder {
	const struct practice_filter *f;
	int		(*fn)(const struct practice *, const char *, void *);
	void		*arg;
	long long	 n;
};

static int
find_one(const struct practice *p, const char *snippet, void *arg)
{
	struct finder	*fi = arg;
	const struct practice_filter *f = fi->f;

	if ((f->country != NR && p->country != f->country) ||
	    (f->pillar != NR && p->pillar != f->pillar) ||
	    (f->tag && !practice_has_tag(p->tags, f->tag)))
		return 0;
	if (fi->n >= f->limit)
		return 1;
	fi->n++;
	return fi->fn(p, snippet, fi->arg);
}

int
practices_find(struct store *st, const char *const *terms, size_t nterms,
    const struct practice_filter *f,
    int (*fn)(const struct practice *, const char *, void *), void *arg,
    long long *found)
{
	struct finder	 fi = { f, fn, arg, 0 };
	/* with a filter, the store cannot stop at the limit itself */
	int		 all = f->country != NR || f->pillar != NR ||
			    f->tag != NULL;
	int		 rc;

	rc = st->ops->practice_search(st, terms, nterms, all ? -1 : f->limit,
	    find_one, &fi);
	*found = fi.n;
	return rc;
}

int
mechanism_kind_valid(const char *s)
{
	for (size_t i = 0; i < sizeof(mechanism_kinds) /
	    sizeof(mechanism_kinds[0]); i++)
		if (s != NULL && strcmp(s, mechanism_kinds[i]) == 0)
			return 1;
	return 0;
}

int
practice_read(struct practice *p, const char *country, const char *pillar,
    const char *date, struct errlist *el, unsigned long line,
    const int col[3])
{
	const struct country	*c;
	int			 bad = 0;

	if (country == NULL || country_resolve(country, &c) != COUNTRY_FOUND) {
		errlist_add(el, line, (unsigned long)col[0], "country",
		    "unknown country '%s'", country ? country : "");
		bad = 1;
	} else
		p->country = c->numeric;
	if (pillar == NULL || (p->pillar = code_find(CL_PILLAR, pillar)) ==
	    -1) {
		errlist_add(el, line, (unsigned long)col[1], "pillar", "unknown "
		    "pillar '%s'; expected prevention, protection, prosecution "
		    "or partnership", pillar ? pillar : "");
		bad = 1;
	}
	if (date == NULL || !date_valid(date)) {
		errlist_add(el, line, (unsigned long)col[2], "date", "'%s' is "
		    "not a date (YYYY-MM-DD)", date ? date : "");
		bad = 1;
	}
	if (p->title == NULL || *p->title == '\0' || p->summary == NULL ||
	    *p->summary == '\0') {
		errlist_add(el, line, 0, "title", "a practice needs a title and "
		    "a summary");
		bad = 1;
	}
	p->date = date;
	return bad ? -1 : 0;
}

size_t
practice_terms(const char *q, struct arena *a, const char ***terms)
{
	const char	**v = NULL;
	size_t		 n = 0;

	while (*q) {
		const char	*e;

		while (*q == ' ' || *q == '\t')
			q++;
		if (*q == '\0')
			break;
		if (*q == '"') {
			q++;
			e = strchr(q, '"');
			if (e == NULL)
				e = q + strlen(q);
		} else
			e = q + strcspn(q, " \t");
		if (e > q) {
			v = arena_grow(a, v, n, n + 1, sizeof(*v));
			v[n++] = arena_strndup(a, q, (size_t)(e - q));
		}
		q = *e == '"' ? e + 1 : e;
	}
	*terms = v;
	return n;
}

int
practice_has_tag(const char *tags, const char *tag)
{
	size_t	 n = strlen(tag);

	for (const char *p = tags; *p; ) {
		size_t	 k = strcspn(p, ",");

		while (k && *p == ' ') {
			p++;
			k--;
		}
		if (k >= n && strncasecmp(p, tag, n) == 0 && (k == n ||
		    p[n] == ' '))
			return 1;
		p += k + (p[k] == ',');
	}
	return 0;
}
