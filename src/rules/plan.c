/*
 * plan.c: the rules of the UN Global Plan of Action to Combat Trafficking
 * in Persons (resolution 68/192, op. 2 and 4): what an action must say
 * (who carries it out, its pillars and objectives, its dates and status),
 * when it is overdue, and when the General Assembly appraises the plan
 * (2017, its 72nd session, and every four years after) over which period.
 * ICAT's roadmap is the plan's actions with a horizon year; its progress
 * is counted here too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

/* The high-level meeting of the General Assembly on the plan, which
 * resolution 68/192 (op. 3) welcomes, then the appraisals every four
 * years from the 72nd session (op. 4). */
#define HIGH_LEVEL_MEETING	2013
#define FIRST_APPRAISAL	2017
#define PLAN_ADOPTED	2010	/* the Global Plan of Action's year */

const char *const plan_field_names[PLF__MAX] = {
	[PLF_ACTOR_KIND] = "actor_kind",
	[PLF_ACTOR] = "actor",
	[PLF_TITLE] = "title",
	[PLF_DESCRIPTION] = "description",
	[PLF_PILLARS] = "pillars",
	[PLF_OBJECTIVES] = "objectives",
	[PLF_START] = "start",
	[PLF_DUE] = "due",
	[PLF_STATUS] = "status",
	[PLF_HORIZON] = "horizon",
};

int
plan_pillars_parse(const char *s)
{
	int	 bits = 0;

	while (*s) {
		size_t	 n = strcspn(s, ";,");
		char	*w = xstrndup(s, n);
		int	 k = code_find(CL_PILLAR, w);

		free(w);
		if (k == -1)
			return -1;
		bits |= 1 << k;
		s += n + (s[n] != '\0');
	}
	return bits;
}

int
plan_objective_find(const char *s, size_t n)
{
	return n == 1 && s[0] >= 'a' && s[0] < 'a' + PLAN_OBJECTIVES ?
	    s[0] - 'a' : -1;
}

int
plan_objectives_parse(const char *s)
{
	int	 bits = 0, k;

	while (*s) {
		size_t	 n = strcspn(s, ";,");

		if ((k = plan_objective_find(s, n)) == -1)
			return -1;
		bits |= 1 << k;
		s += n + (s[n] != '\0');
	}
	return bits;
}

void
plan_pillars_put(struct buf *b, int bits)
{
	int	 n = 0;

	for (int k = 0; k < PILLAR__MAX; k++)
		if (bits & (1 << k)) {
			if (n++)
				buf_addc(b, ';');
			buf_adds(b, code_name(CL_PILLAR, k));
		}
}

void
plan_objectives_put(struct buf *b, int bits)
{
	int	 n = 0;

	for (int k = 0; k < PLAN_OBJECTIVES; k++)
		if (bits & (1 << k)) {
			if (n++)
				buf_addc(b, ';');
			buf_addc(b, 'a' + k);
		}
}

int
plan_action_read(const char *const f[PLF__MAX], struct plan_action *a,
    struct errlist *el, unsigned long line, const int col[PLF__MAX])
{
	const struct country	*c;
	long long		 y;
	int			 bad = 0;
	char			 today[11];

#define BAD(i, ...) do { errlist_add(el, line, (unsigned long)col[i], \
	plan_field_names[i], __VA_ARGS__); bad = 1; } while (0)
#define GIVEN(i) (f[i] != NULL && *f[i] != '\0')
	a->country = NR;
	if (!GIVEN(PLF_ACTOR_KIND) || (a->actor_kind = code_find(CL_ACTOR_KIND,
	    f[PLF_ACTOR_KIND])) == -1)
		BAD(PLF_ACTOR_KIND, "'%s': expected state, un_entity, "
		    "organisation, civil_society or private_sector",
		    f[PLF_ACTOR_KIND] ? f[PLF_ACTOR_KIND] : "");
	a->actor = f[PLF_ACTOR];
	if (!GIVEN(PLF_ACTOR))
		BAD(PLF_ACTOR, "who carries out the action is needed");
	else if (a->actor_kind == ACTOR_STATE) {
		if (country_resolve(f[PLF_ACTOR], &c) != COUNTRY_FOUND)
			BAD(PLF_ACTOR, "unknown country '%s'", f[PLF_ACTOR]);
		else {
			a->country = c->numeric;
			a->actor = c->alpha3;
		}
	}
	a->title = f[PLF_TITLE];
	if (!GIVEN(PLF_TITLE))
		BAD(PLF_TITLE, "a title is needed");
	a->description = GIVEN(PLF_DESCRIPTION) ? f[PLF_DESCRIPTION] : "";
	if (!GIVEN(PLF_PILLARS) || (a->pillars =
	    plan_pillars_parse(f[PLF_PILLARS])) <= 0)
		BAD(PLF_PILLARS, "'%s': expected one or more of prevention, "
		    "protection, prosecution, partnership",
		    f[PLF_PILLARS] ? f[PLF_PILLARS] : "");
	a->objectives = 0;
	if (GIVEN(PLF_OBJECTIVES) && (a->objectives =
	    plan_objectives_parse(f[PLF_OBJECTIVES])) == -1)
		BAD(PLF_OBJECTIVES, "'%s': expected objectives a to f, such "
		    "as a;c", f[PLF_OBJECTIVES]);
	a->start = GIVEN(PLF_START) ? f[PLF_START] : NULL;
	a->due = GIVEN(PLF_DUE) ? f[PLF_DUE] : NULL;
	if (a->start && !date_valid(a->start))
		BAD(PLF_START, "'%s' is not a date (YYYY-MM-DD)", a->start);
	if (a->due && !date_valid(a->due))
		BAD(PLF_DUE, "'%s' is not a date (YYYY-MM-DD)", a->due);
	if (a->start && a->due && date_valid(a->start) && date_valid(a->due) &&
	    strcmp(a->due, a->start) < 0)
		BAD(PLF_DUE, "due %s is before the start %s", a->due, a->start);
	a->status = AS_PLANNED;
	if (GIVEN(PLF_STATUS) && (a->status = code_find(CL_ACTION_STATUS,
	    f[PLF_STATUS])) == -1)
		BAD(PLF_STATUS, "'%s': expected planned, under_way, done or "
		    "dropped", f[PLF_STATUS]);
	/* what has happened cannot lie ahead */
	if (today_iso(today) == 0 && !bad) {
		if ((a->status == AS_UNDER_WAY || a->status == AS_DONE) &&
		    a->start && strcmp(a->start, today) > 0)
			BAD(PLF_START, "an action %s cannot start after today "
			    "(%s)", a->status == AS_DONE ? "done" : "under way",
			    a->start);
		else if (a->status == AS_DONE && a->due && strcmp(a->due,
		    today) > 0)
			BAD(PLF_DUE, "an action done cannot be due after today "
			    "(%s): record it under way, or give the day it was "
			    "done", a->due);
	}
	a->horizon = NR;
	if (GIVEN(PLF_HORIZON)) {
		if (parse_int(f[PLF_HORIZON], 2013, 2200, &y) == -1)
			BAD(PLF_HORIZON, "'%s' is not a year from 2013",
			    f[PLF_HORIZON]);
		else
			a->horizon = (int)y;
	}
#undef BAD
#undef GIVEN
	return bad ? -1 : 0;
}

void
plan_action_fields(const struct plan_action *a, const char *f[PLF__MAX],
    struct plan_text *t)
{
	buf_init(&t->pillars, 0);
	buf_init(&t->objectives, 0);
	plan_pillars_put(&t->pillars, a->pillars);
	plan_objectives_put(&t->objectives, a->objectives);
	t->horizon[0] = '\0';
	if (a->horizon != NR)
		snprintf(t->horizon, sizeof(t->horizon), "%d", a->horizon);
	f[PLF_ACTOR_KIND] = code_name(CL_ACTOR_KIND, a->actor_kind);
	f[PLF_ACTOR] = a->actor;
	f[PLF_TITLE] = a->title;
	f[PLF_DESCRIPTION] = a->description;
	f[PLF_PILLARS] = t->pillars.s;
	f[PLF_OBJECTIVES] = t->objectives.s;
	f[PLF_START] = a->start;
	f[PLF_DUE] = a->due;
	f[PLF_STATUS] = code_name(CL_ACTION_STATUS, a->status);
	f[PLF_HORIZON] = a->horizon != NR ? t->horizon : NULL;
}

void
plan_text_release(struct plan_text *t)
{
	buf_release(&t->pillars);
	buf_release(&t->objectives);
}

int
plan_overdue(const struct plan_action *a, const char *day)
{
	return a->due && strcmp(a->due, day) < 0 && a->status != AS_DONE &&
	    a->status != AS_DROPPED;
}

int
plan_filter_init(struct plan_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->actor_kind = f->pillar = f->objective = f->status = NR;
	return today_iso(f->today);
}

int
plan_filter_match(const struct plan_filter *f, const struct plan_action *a)
{
	const struct country *c;

	return (f->actor_kind == NR || a->actor_kind == f->actor_kind) &&
	    (f->actor == NULL || str_eqi(f->actor, a->actor) ||
	    (a->country != NR && country_resolve(f->actor, &c) ==
	    COUNTRY_FOUND && c->numeric == a->country)) &&
	    (f->pillar == NR || (a->pillars & (1 << f->pillar))) &&
	    (f->objective == NR || (a->objectives & (1 << f->objective))) &&
	    (f->status == NR || a->status == f->status) &&
	    (!f->overdue || plan_overdue(a, f->today));
}

const char *
plan_item_problem(const struct plan_item *it)
{
	const char	*t = it->text, *host;

	switch (it->kind) {
	case PC_NOTE:
		if (t == NULL || *t == '\0')
			return "a note needs a text";
		if (it->date == NULL || !date_valid_past(it->date))
			return "a note needs its date (YYYY-MM-DD), not after "
			    "today";
		return NULL;
	case PC_INDICATOR:
		if (t == NULL || *t == '\0')
			return "an indicator needs a name";
		if ((it->target != NR && it->target < 0) ||
		    (it->actual != NR && it->actual < 0))
			return "an indicator's target and value are whole "
			    "numbers from 0";
		return NULL;
	case PC_EVIDENCE:
		if (t == NULL)
			return "evidence is a URL or a file reference, as a "
			    "string";
		if (strncmp(t, "https://", 8) == 0 || strncmp(t, "http://", 7) ==
		    0) {
			host = strstr(t, "//") + 2;
			if (*host != '\0' && *host != '/' && strcspn(t,
			    " \t\r\n<>\"") == strlen(t))
				return NULL;
		} else if (strncmp(t, "file:", 5) == 0 && t[5] != '\0' &&
		    strcspn(t, "\t\r\n") == strlen(t))
			return NULL;
		return "evidence is a URL (https://...) or a file reference "
		    "(file:NAME, the name of a document kept with the "
		    "register)";
	}
	return NULL;
}

int
plan_appraisal_year(int year)
{
	return year == HIGH_LEVEL_MEETING || (year >= FIRST_APPRAISAL &&
	    (year - FIRST_APPRAISAL) % 4 == 0);
}

int
plan_appraisal_draft(int year)
{
	char	 from[11], to[11], today[11];

	plan_appraisal_period(year, from, to);
	return today_iso(today) == 0 && strcmp(to, today) > 0;
}

int
plan_appraisal_check(int year, int draft)
{
	int	 before, after;

	if (plan_appraisal_year(year)) {
		if (!draft && plan_appraisal_draft(year)) {
			error("the period of the appraisal of %d has not ended: "
			    "it can only be written as a draft (--draft)",
			    year);
			return -1;
		}
		return 0;
	}
	after = year < FIRST_APPRAISAL ? FIRST_APPRAISAL : FIRST_APPRAISAL +
	    ((year - FIRST_APPRAISAL) / 4 + 1) * 4;
	before = after - 4;
	if (before < FIRST_APPRAISAL)
		error("%d is not an appraisal year: they are %d (the "
		    "high-level meeting), %d, then every four years", year,
		    HIGH_LEVEL_MEETING, FIRST_APPRAISAL);
	else
		error("%d is not an appraisal year: the nearest are %d and %d",
		    year, before, after);
	return -1;
}

int
plan_appraisal_period(int year, char from[11], char to[11])
{
	int	 y0 = year <= HIGH_LEVEL_MEETING ? PLAN_ADOPTED : year ==
	    FIRST_APPRAISAL ? HIGH_LEVEL_MEETING + 1 : year - 3;

	/* years are from 1900 to 2200, checked by the caller */
	snprintf(from, 11, "%04u-01-01", (unsigned)y0 % 10000);
	snprintf(to, 11, "%04u-12-31", (unsigned)year % 10000);
	return y0;
}

int
plan_roadmap(const struct plan_action *a, size_t n, int horizon,
    struct roadmap_year *years, int max)
{
	int	 ny = 0, k;

	for (size_t i = 0; i < n; i++) {
		if (a[i].horizon == NR || (horizon != NR && a[i].horizon !=
		    horizon))
			continue;
		for (k = 0; k < ny && years[k].year != a[i].horizon; k++)
			;
		if (k == ny) {
			if (ny == max)
				continue;
			memset(&years[ny], 0, sizeof(years[ny]));
			years[ny++].year = a[i].horizon;
		}
		years[k].all++;
		years[k].done += a[i].status == AS_DONE;
		years[k].dropped += a[i].status == AS_DROPPED;
	}
	return ny;
}
