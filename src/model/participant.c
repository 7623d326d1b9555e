/*
 * participant.c: who can take part in the treaties deposited with the
 * Secretary-General, and since when: the Member States of the United
 * Nations from their admission (and the former ones until they ceased to
 * be members), the non-member observer States, the other States that take
 * part in such treaties (Cook Islands, Niue), and the regional economic
 * integration organisations (the European Union).  Territories are none
 * of these.  The table is compiled in from data/participants.csv.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

const char *const participant_kind_names[PK__MAX] = {
	[PK_MEMBER] = "member",
	[PK_OBSERVER] = "observer",
	[PK_STATE] = "state",
	[PK_ORGANISATION] = "organisation",
};

static struct participant *rows;
static int		 nrows;

static int
participant_row(const struct csv_record *r, void *arg)
{
	struct participant *p;
	const struct country *c;
	long long	 num;
	int		 k;

	(void)arg;
	if (r->line == 1)
		return 0;
	if (r->count != 6 || strlen(r->field[0]) != 3 ||
	    parse_int(r->field[1], 1, 999, &num) == -1 ||
	    (k = name_find(participant_kind_names, PK__MAX, r->field[2])) ==
	    -1 || (*r->field[3] && !date_valid(r->field[3])) ||
	    (*r->field[4] && !date_valid(r->field[4])))
		die("compiled-in participants.csv: bad line %lu", r->line);
	rows = xreallocarray(rows, (size_t)nrows + 1, sizeof(*rows));
	p = &rows[nrows++];
	memset(p, 0, sizeof(*p));
	p->numeric = (int)num;
	memcpy(p->alpha3, r->field[0], 4);
	p->kind = (enum participant_kind)k;
	memcpy(p->from, r->field[3], strlen(r->field[3]) + 1);
	memcpy(p->to, r->field[4], strlen(r->field[4]) + 1);
	c = country_by_numeric(p->numeric);
	if (*r->field[5])
		p->name = xstrdup(r->field[5]);
	else if (c != NULL && strcmp(c->alpha3, p->alpha3) == 0)
		p->name = c->name;
	else
		die("compiled-in participants.csv: line %lu: no such country",
		    r->line);
	return 0;
}

static void
participants_load(void)
{
	if (rows == NULL)
		embedded_csv("data/participants.csv", participant_row, NULL);
}

int
participant_count(void)
{
	participants_load();
	return nrows;
}

const struct participant *
participant_at(int i)
{
	participants_load();
	return i >= 0 && i < nrows ? &rows[i] : NULL;
}

int
participant_on(const struct participant *p, const char *date)
{
	return (*p->from == '\0' || strcmp(p->from, date) <= 0) &&
	    (*p->to == '\0' || strcmp(date, p->to) <= 0);
}

const struct participant *
participant_find(int numeric, const char *date)
{
	const struct participant *any = NULL;

	participants_load();
	for (int i = 0; i < nrows; i++) {
		if (rows[i].numeric != numeric)
			continue;
		if (date == NULL || participant_on(&rows[i], date))
			return &rows[i];
		if (any == NULL)
			any = &rows[i];
	}
	return date == NULL ? any : NULL;
}

enum participant_result
participant_resolve(const char *s, int *numeric)
{
	const struct country *c;

	participants_load();
	for (int i = 0; i < nrows; i++)
		if (str_eqi(rows[i].alpha3, s) || str_eqi(rows[i].name, s)) {
			*numeric = rows[i].numeric;
			return PARTICIPANT_FOUND;
		}
	if (country_resolve(s, &c) != COUNTRY_FOUND)
		return PARTICIPANT_UNKNOWN;
	*numeric = c->numeric;
	return participant_find(c->numeric, NULL) ? PARTICIPANT_FOUND :
	    PARTICIPANT_TERRITORY;
}

const char *
participant_code(int numeric)
{
	const struct participant *p = participant_find(numeric, NULL);
	const struct country *c = country_by_numeric(numeric);

	return p ? p->alpha3 : c ? c->alpha3 : "";
}

const char *
participant_name(int numeric)
{
	const struct participant *p = participant_find(numeric, NULL);
	const struct country *c = country_by_numeric(numeric);

	return p ? p->name : c ? c->name : "";
}

int
member_states_on(const char *date)
{
	int	 n = 0;

	participants_load();
	for (int i = 0; i < nrows; i++)
		n += rows[i].kind == PK_MEMBER && participant_on(&rows[i], date);
	return n;
}

const char *const eif_rule_names[EIF__MAX] = {
	[EIF_DEPOSIT] = "deposit",
	[EIF_DAYS] = "days",
	[EIF_MONTHS] = "months",
};

enum eif_rule
eif_rule_find(const char *s)
{
	int	 k = s ? name_find(eif_rule_names, EIF__MAX, s) : -1;

	return k == -1 ? EIF_DEPOSIT : (enum eif_rule)k;
}
