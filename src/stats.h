/*
 * stats.h: official national statistics: yearly counts by country,
 * indicator, sex, age group, form of exploitation and origin, as states
 * report them and UNODC publishes them; and population, for rates.
 *
 * Invariants: a value is an interval [low, high] of whole numbers, exact
 * when low == high; a published "<5" is [1, 4].  Every figure computed
 * from values is an interval too.  Codes index the lists of casedef.c.
 */
#ifndef PALERMO_STATS_H
#define PALERMO_STATS_H

#include <stdint.h>

#include "palermo.h"

enum { IND_DETECTED, IND_FORMAL_CONTACT, IND_PROSECUTED, IND_CONVICTED,
    IND_OFFENCES, IND__MAX };
enum { SEX_TOTAL, SEX_FEMALE, SEX_MALE, SEX_OTHER, SEX_UNKNOWN, SEX__MAX };
enum { AGEG_TOTAL, AGEG_CHILD, AGEG_ADULT, AGEG_UNKNOWN, AGEG__MAX };
enum { FORM_TOTAL, FORM_SEXUAL, FORM_LABOUR, FORM_OTHER, FORM_MARRIAGE,
    FORM_MILITARY, FORM_ORGAN_REMOVAL, FORM_SLAVERY, FORM_CRIMINALITY,
    FORM_BEGGING, FORM__MAX };
enum { ODIM_NONE, ODIM_CITIZENSHIP, ODIM_REPATRIATION, ODIM__MAX };
enum { OKIND_NONE, OKIND_COUNTRY, OKIND_REGION, OKIND_NATIONALS,
    OKIND_ABROAD, OKIND_FOREIGN, OKIND_UNKNOWN, OKIND_OTHER, OKIND_UNMAPPED,
    OKIND__MAX };

/* One value.  Strings point into the reader's buffers: copy to keep. */
struct stat_rec {
	int		 country;	/* ISO numeric, or NR */
	const char	*country_text;	/* when country is NR */
	int		 year;
	int		 indicator, sex, age, form;
	int		 origin_dim, origin_kind;
	int		 origin_code;	/* ISO numeric or M49; NR for none */
	const char	*origin_text;	/* as written; NULL for none */
	int64_t		 low, high;
	const char	*note;		/* the source note; may be NULL */
};

/* One population figure. */
struct pop_rec {
	int		 country, year, sex, age;
	int64_t		 population;
};

#endif
