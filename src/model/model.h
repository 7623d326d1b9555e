/*
 * model.h: what palermo's data is: the canonical case schema and its
 * codes, the countries with their UN M49 grouping, official statistics,
 * the records of the registers, and the Trust Fund's money.  Every layer
 * above speaks in these types; the store keeps them, intake makes them,
 * the engine and the reports read them.
 */
#ifndef PALERMO_MODEL_H
#define PALERMO_MODEL_H

#include <stdint.h>

#include "lib/lib.h"

/* A value that was not recorded, in every integer field of a case. */
#define NR (-1)

/* ---------------------------------------------------------------------- */
/* case.c: the canonical case schema. */

enum field_kind {
	FK_YEAR,	/* a calendar year */
	FK_CODE,	/* one of a closed list of codes */
	FK_COUNTRY,	/* an ISO 3166-1 numeric code */
	FK_FLAG,	/* 1 yes, 0 no */
};

enum case_field {
	CF_YEAR,
	CF_DATA_SOURCE,
	CF_STATUS,
	CF_GENDER,
	CF_AGE_REGISTRATION,
	CF_AGE_EXPLOITATION,
	CF_MAJORITY_REGISTRATION,
	CF_MAJORITY_EXPLOITATION,
	CF_MAJORITY_ENTRY,
	CF_CITIZENSHIP,
	CF_COUNTRY_RECRUITMENT,
	CF_COUNTRY_TRANSIT,
	CF_COUNTRY_EXPLOITATION,
	CF_DURATION,
	/* forms of exploitation */
	CF_EXPLOIT_SEXUAL,
	CF_EXPLOIT_LABOUR,
	CF_EXPLOIT_MARRIAGE,
	CF_EXPLOIT_MILITARY,
	CF_EXPLOIT_ORGAN_REMOVAL,
	CF_EXPLOIT_SLAVERY,
	CF_EXPLOIT_CRIMINALITY,
	CF_EXPLOIT_BEGGING,
	CF_EXPLOIT_OTHER,
	/* labour sectors */
	CF_LABOUR_AGRICULTURE,
	CF_LABOUR_AQUAFARMING,
	CF_LABOUR_BEGGING,
	CF_LABOUR_CONSTRUCTION,
	CF_LABOUR_DOMESTIC_WORK,
	CF_LABOUR_HOSPITALITY,
	CF_LABOUR_ILLICIT_ACTIVITIES,
	CF_LABOUR_MANUFACTURING,
	CF_LABOUR_MINING_DRILLING,
	CF_LABOUR_PEDDLING,
	CF_LABOUR_TRANSPORTATION,
	CF_LABOUR_OTHER,
	CF_LABOUR_NOT_SPECIFIED,
	/* types of sexual exploitation */
	CF_SEX_PROSTITUTION,
	CF_SEX_PORNOGRAPHY,
	CF_SEX_REMOTE_INTERACTIVE,
	CF_SEX_PRIVATE_SERVICES,
	/* means of control */
	CF_CONTROL_DEBT_BONDAGE,
	CF_CONTROL_TAKES_EARNINGS,
	CF_CONTROL_RESTRICTS_FINANCES,
	CF_CONTROL_THREATS,
	CF_CONTROL_PSYCHOLOGICAL_ABUSE,
	CF_CONTROL_PHYSICAL_ABUSE,
	CF_CONTROL_SEXUAL_ABUSE,
	CF_CONTROL_FALSE_PROMISES,
	CF_CONTROL_PSYCHOACTIVE_SUBSTANCES,
	CF_CONTROL_RESTRICTS_MOVEMENT,
	CF_CONTROL_RESTRICTS_MEDICAL_CARE,
	CF_CONTROL_EXCESSIVE_WORKING_HOURS,
	CF_CONTROL_USES_CHILDREN,
	CF_CONTROL_THREAT_OF_LAW_ENFORCEMENT,
	CF_CONTROL_WITHHOLDS_NECESSITIES,
	CF_CONTROL_WITHHOLDS_DOCUMENTS,
	CF_CONTROL_OTHER,
	CF_CONTROL_NOT_SPECIFIED,
	/* means of control merged into groups, as the synthetic data has them */
	CF_CONTROLG_DEBT_EARNINGS,
	CF_CONTROLG_THREATS,
	CF_CONTROLG_ABUSE,
	CF_CONTROLG_DENY_NEEDS,
	/* recruitment */
	CF_RECRUITER_INTIMATE_PARTNER,
	CF_RECRUITER_FRIEND,
	CF_RECRUITER_FAMILY,
	CF_RECRUITER_OTHER,
	CF_RECRUITER_UNKNOWN,
	CF_ABDUCTION,
	CF__MAX
};

/* The closed lists of codes behind FK_CODE fields. */
enum code_list {
	CL_NONE,
	CL_DATA_SOURCE,
	CL_STATUS,
	CL_GENDER,
	CL_AGE_BAND,
	CL_MAJORITY,
	CL_DURATION,
	/* official statistics (below) */
	CL_INDICATOR,
	CL_SEX,
	CL_AGE_GROUP,
	CL_FORM,
	CL_ORIGIN_DIM,
	CL_ORIGIN_KIND,
	CL_TREATY_ACTION,	/* instruments (rules/treaties.c) */
	CL_PILLAR,		/* the Global Plan of Action's four pillars */
	CL_ACTOR_KIND,		/* who carries out an action of the plan */
	CL_ACTION_STATUS,
	CL__MAX
};

enum { ACTOR_STATE, ACTOR_UN_ENTITY, ACTOR_ORGANISATION, ACTOR_CIVIL_SOCIETY,
    ACTOR_PRIVATE_SECTOR, ACTOR__MAX };
enum { AS_PLANNED, AS_UNDER_WAY, AS_DONE, AS_DROPPED, AS__MAX };

enum { PILLAR_PREVENTION, PILLAR_PROTECTION, PILLAR_PROSECUTION,
    PILLAR_PARTNERSHIP, PILLAR__MAX };

enum { TA_SIGNATURE, TA_RATIFICATION, TA_ACCESSION, TA_ACCEPTANCE,
    TA_APPROVAL, TA_SUCCESSION, TA__MAX };

enum { GENDER_FEMALE, GENDER_MALE, GENDER_TRANS_FEMALE, GENDER_TRANS_MALE,
    GENDER_NONCONFORMING, GENDER_TRANS_OR_NONCONFORMING, GENDER__MAX };
enum { AGE_0_8, AGE_9_17, AGE_18_20, AGE_21_23, AGE_24_26, AGE_27_29,
    AGE_30_38, AGE_39_47, AGE_48_PLUS, AGE__MAX };
enum { MAJORITY_MINOR, MAJORITY_ADULT, MAJORITY__MAX };
enum { SOURCE_CASE_MANAGEMENT, SOURCE_HOTLINE, SOURCE__MAX };
enum { STATUS_POSSIBLE, STATUS_ACTUAL, STATUS_NOT_VICTIM, STATUS__MAX };
enum { DURATION_0_12, DURATION_13_24, DURATION_25_PLUS, DURATION__MAX };

struct field_def {
	const char	*name;		/* canonical name: column, CSV and JSON key */
	enum field_kind	 kind;
	enum code_list	 list;		/* for FK_CODE */
	const char	*label;		/* for people */
};

struct code_def {
	const char	*name;		/* canonical code, as palermo writes it */
	const char	*label;
};

struct code_list_def {
	const char		*name;
	const struct code_def	*codes;
	int			 count;
};

extern const struct field_def case_fields[CF__MAX];
extern const struct code_list_def code_lists[CL__MAX];

/* One de-identified victim case: every field is NR or a value. */
struct case_rec {
	int	v[CF__MAX];
};

void	 case_clear(struct case_rec *);
/* Fill what follows from other fields: majority from age, merged groups. */
void	 case_derive(struct case_rec *);
int	 case_field_find(const char *);
/* The code with this canonical name in a list, or -1. */
int	 code_find(enum code_list, const char *);
const char *code_name(enum code_list, int);
/* The age band of an age in whole years, or NR. */
int	 age_band_of(long long years);

/* ---------------------------------------------------------------------- */
/*
 * Official national statistics: yearly counts by country, indicator, sex,
 * age group, form of exploitation and origin, as states report them and
 * UNODC publishes them; and population, for rates.
 *
 * Invariants: a value is an interval [low, high] of whole numbers, exact
 * when low == high; a published "<5" is [1, 4].  Every figure computed
 * from values is an interval too.  Codes index the lists of case.c.
 */
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
	/* palermo's CSV and JSON: which part of a key given in parts (1,
	 * 2, ...), or 0 (stat_write numbers the parts of a repeated key) */
	int		 part;
	/* what the store says of a stored value (0 when not stored): its
	 * row, its submission, and the submission that superseded it */
	int64_t		 id, submission, superseded_by;
};

/*
 * stat.c: the key of a value, what makes two values one figure: the
 * reporting country (its code, or an area's name), the year, the
 * indicator, the splits by sex, age and form, and the breakdown by origin
 * with its text as written.  A later edition of the same key supersedes
 * it; in one file, the portal repeats a key for parts of one figure.  The
 * key is bytes for a keymap (lib.h), replacing what b held; its text is
 * for people ("DEU 2022 detected_victims, sex female"), appended to b.
 */
void	 stat_key(const struct stat_rec *, struct buf *);
void	 stat_key_text(const char *key, size_t len, struct buf *);

/* One population figure. */
struct pop_rec {
	int		 country, year, sex, age;
	int64_t		 population;
};

/* ---------------------------------------------------------------------- */
/* country.c: ISO 3166-1 countries with their UN M49 grouping. */

struct country {
	int		 numeric;
	char		 alpha2[3];
	char		 alpha3[4];
	const char	*name;
	const char	*official_name;	/* "" when none */
	int		 region, subregion, intermediate;	/* M49, or 0 */
	const char	*region_name, *subregion_name, *intermediate_name;
};

enum country_result {
	COUNTRY_FOUND,
	COUNTRY_UNKNOWN,	/* a code that formats use for "unknown" */
	COUNTRY_INVALID,	/* not a country palermo knows */
};

/* Load the compiled-in tables once; later calls do nothing. */
void	 country_init(void);
int	 country_count(void);
const struct country *country_at(int);
const struct country *country_by_numeric(int);
/* The index (for country_at) of a numeric code, or -1. */
int	 country_index(int);
/* Resolve a code or name; on COUNTRY_FOUND *out is the country. */
enum country_result country_resolve(const char *, const struct country **out);
/* Whether q is part of the country's names or of its regions' names, in
 * any case of ASCII letters ("" is part of every one). */
int	 country_matches(const struct country *, const char *q);

/*
 * The M49 codes of a country index: level 0 region, 1 sub-region,
 * 2 intermediate (0 when none).
 */
int	 country_m49(int idx, int level);
/* The name of an M49 code (1 is the World), or NULL. */
const char *region_name(int code);
/* Resolve a --region argument (M49 name or code); 0 or -1 (said). */
int	 region_resolve(const char *, int *code);

/* The five M49 regions and "unknown", as the reports group countries. */
#define NREGIONS	6
#define NCLASSES	4	/* domestic, sub-region, region, across */

enum flow_class {
	FLOW_DOMESTIC,
	FLOW_SUBREGION,
	FLOW_REGION,
	FLOW_ACROSS,
};

/* A country index not recorded: one byte, as the engine packs it. */
#define IDX_NR	255
/* The M49 region index (0..4, 5 unknown) of a country index, or of
 * IDX_NR. */
int	 region_index(int country_idx);
extern const char *const region_names[NREGIONS];
extern const char *const flow_class_names[NCLASSES];
/* How far a victim was moved, between two country indexes. */
enum flow_class flow_classify(int from_idx, int to_idx);
/* Whether the country of an index (-1: none) lies in the M49 region,
 * sub-region or intermediate region of that code. */
int	 country_in_region(int idx, int code);

/*
 * A grouping of the countries into regions, for tables by region: UN
 * M49's five (grouping_m49), or a scheme of the user's (palermo regions
 * import).  of[] gives each country index its region, or -1 for a
 * country the grouping leaves out.  Strings belong to whoever made it.
 */
#define GROUPING_MAX	64
struct grouping {
	const char	*name;		/* "UN M49", or the scheme's name */
	int		 n;
	const char	*names[GROUPING_MAX];
	int16_t		 of[256];
};
void	 grouping_m49(struct grouping *);
/* The region of a country index (or -1, IDX_NR), -1 when none. */
int	 grouping_of(const struct grouping *, int idx);

/* ---------------------------------------------------------------------- */
/*
 * participant.c: who can take part in the treaties deposited with the
 * Secretary-General, and from when to when (data/participants.csv).  A
 * participant may have several rows, one per period (a State that left
 * and came back).  Dates are YYYY-MM-DD, "" for no bound.
 */
enum participant_kind { PK_MEMBER, PK_OBSERVER, PK_STATE, PK_ORGANISATION,
    PK__MAX };
extern const char *const participant_kind_names[PK__MAX];

struct participant {
	int		 numeric;	/* ISO 3166-1, or palermo's (900s) */
	char		 alpha3[4];
	const char	*name;
	enum participant_kind kind;
	char		 from[11], to[11];
};

enum participant_result {
	PARTICIPANT_FOUND,
	PARTICIPANT_TERRITORY,	/* a country or area that is no State */
	PARTICIPANT_UNKNOWN,
};

int	 participant_count(void);
const struct participant *participant_at(int);
/* Whether the row is in effect on date. */
int	 participant_on(const struct participant *, const char *date);
/* The row of numeric in effect on date (any, for NULL), or NULL. */
const struct participant *participant_find(int numeric, const char *date);
/* A participant's code or name (a country's ISO names and aliases too)
 * into *numeric, which a territory also gets. */
enum participant_result participant_resolve(const char *, int *numeric);
/* The alpha-3 code and name of a participant or country, "" if none. */
const char *participant_code(int numeric);
const char *participant_name(int numeric);
/* How many States were members of the United Nations on date. */
int	 member_states_on(const char *date);

/* ---------------------------------------------------------------------- */
/*
 * packed.c: a case packed as the engine counts it and the store keeps it
 * beside its row (PACKED_SIZE bytes): a byte for each year (less 1900),
 * code and country (an index for country_at), IDX_NR when not recorded,
 * and two bits for each flag (0 not recorded, 1 no, 2 yes).  The layout
 * follows the case schema and the country table; packed_layout() names
 * it, so that packs of another layout are rebuilt, never misread.
 */
#define PACKED_BYTES	14	/* years, codes and countries: a byte each */
#define PACKED_FLAGS	14	/* flags: two bits each */
#define PACKED_SIZE	(PACKED_BYTES + PACKED_FLAGS)	/* as stored */
#define PACK_MAX	1024	/* the most cases the store keeps in a pack */

struct packed {
	uint8_t		 b[PACKED_BYTES];
	uint8_t		 flags[PACKED_FLAGS];
	uint16_t	 source;	/* the engine's; not stored */
};

/* Ready the tables; later calls do nothing.  Call before threads. */
void	 packed_init(void);
uint32_t packed_layout(void);
void	 packed_pack(const struct case_rec *, struct packed *);
/* A field of a packed record: the value (a country's numeric), or NR. */
int	 packed_get(const struct packed *, int field);
/* Every field at once: flags and codes as packed_get gives them, years
 * as years, countries as indexes. */
void	 packed_unpack(const struct packed *, int *v);
/* The byte of a year, code or country field; -1 for a flag. */
int	 packed_byte(int field);

/* ---------------------------------------------------------------------- */
/* The records of the registers and of provenance, as the store keeps
 * them.  Strings belong to whoever gave the record. */

/* A legal instrument. */
/* How an instrument enters into force for a State that deposits its
 * instrument of ratification (or the like) after it: on that date, or so
 * many days or months after it; never before the instrument itself. */
enum eif_rule { EIF_DEPOSIT, EIF_DAYS, EIF_MONTHS, EIF__MAX };
extern const char *const eif_rule_names[EIF__MAX];
/* The rule of that name, EIF_DEPOSIT for any other. */
enum eif_rule eif_rule_find(const char *);

struct instrument {
	int64_t		 id;
	const char	*code, *name;
	int		 unts_volume, unts_number;	/* NR when none */
	int		 shipped;
	const char	*in_force;	/* its own entry into force, or "" */
	enum eif_rule	 eif_rule;
	int		 eif_after;	/* days or months */
	int64_t		 protocol_to;	/* the convention's id, or 0 */
	int		 organisations;	/* open to regional organisations */
};

/* One state's action on an instrument. */
struct treaty_action {
	int64_t		 instrument;
	int		 country;	/* ISO numeric */
	int		 action;	/* TA_* */
	const char	*date;		/* YYYY-MM-DD */
	const char	*source;
};

/* How a state's law criminalises a form of trafficking (FORM_*), from
 * the day it took effect until a later entry of the same form. */
struct crim_entry {
	int		 country, form;
	const char	*status;	/* full, partial or none */
	const char	*law;
	const char	*date;		/* it took effect; "" not recorded */
};

/* A change to a register, as the store keeps it: the row before and
 * after as JSON ("" for none). */
struct history_entry {
	int64_t		 id;
	const char	*at, *operator, *reg;
	int		 country;	/* NR when the row has none */
	const char	*item, *change, *before, *after;
};

/* An event of the World Day against Trafficking in Persons. */
struct worldday_event {
	const char	*title, *organiser;
	int		 country;	/* NR when none */
	const char	*date;		/* NULL when none */
};

/* A user's reading of a free-text origin (OKIND_*). */
struct origin_reading {
	const char	*text;
	int		 kind, code;	/* code: ISO numeric, M49, or NR */
};

/* A national coordination mechanism or rapporteur: an office. */
struct mechanism {
	int64_t		 id;
	int		 country;
	const char	*name, *kind, *mandate, *office;
};

/* A practice a mechanism shares. */
struct practice {
	int64_t		 id;
	int		 country, pillar;
	const char	*title, *tags, *summary, *body, *date, *source;
};

/* A meeting of mechanisms; participants as "ISO3 name; ...". */
struct mech_meeting {
	int64_t		 id;
	const char	*date, *place, *topics, *participants;
};

/* An objective of the Global Plan of Action, "a" to "f". */
struct plan_objective {
	const char	*code, *summary;
};

/* An action under the Global Plan of Action, or of ICAT's roadmap. */
struct plan_action {
	int64_t		 id;
	int		 actor_kind;	/* ACTOR_* */
	const char	*actor;
	int		 country;	/* a state's ISO numeric, else NR */
	const char	*title, *description;
	int		 pillars;	/* bit 1 << PILLAR_* */
	int		 objectives;	/* bit 1 << (objective - 'a') */
	const char	*start, *due;	/* YYYY-MM-DD, or NULL */
	int		 status;	/* AS_* */
	int		 horizon;	/* roadmap year, or NR */
	const char	*source;
};

/* What hangs from an action: a note, an indicator or evidence. */
enum plan_child { PC_NOTE, PC_INDICATOR, PC_EVIDENCE };

struct plan_item {
	int64_t		 action;
	enum plan_child	 kind;
	const char	*text;		/* note, indicator name, or link */
	const char	*date;		/* a note's date */
	int64_t		 target, actual;	/* an indicator's, NR if none */
};

/* The Inter-Agency Coordination Group against Trafficking in Persons. */
struct icat_member {
	const char	*name;
	int		 coordinator;
	const char	*joined;	/* YYYY-MM-DD, "" not recorded */
};

struct icat_cochair {
	int		 year;
	const char	*member;
};

struct icat_meeting {
	int64_t		 id;
	const char	*date, *title, *place;
};

/* A contribution sent for the Secretary-General's report of a year. */
struct contribution {
	int64_t		 id;
	int		 year;
	int		 actor_kind;	/* ACTOR_* */
	const char	*actor;		/* a State: its alpha-3 code */
	int		 country;	/* a State's ISO numeric, else NR */
	const char	*file_name, *sha256, *text, *operator, *created_at;
};

struct icat_attendee {
	int64_t		 meeting;
	const char	*kind;		/* member, organisation or state */
	const char	*name;
};

/* One submitted file: the provenance of the records it brought. */
struct submission {
	int64_t		 id;
	const char	*source;
	const char	*kind;		/* "cases" */
	const char	*format;
	const char	*file_name;
	char		 sha256[65];	/* lower-case hex */
	int64_t		 rows;
	const char	*operator_name;
	char		 created_at[21];
};

/* A user's grouping of countries into regions, and a country in it. */
struct region_scheme {
	const char	*name, *file_name, *operator_name, *created_at;
	int64_t		 countries, regions;
};

struct region_member {
	int		 country;	/* ISO numeric */
	const char	*region;
};

/* The grouping of a scheme's members (its regions by name); 0, or -1
 * when they are more than GROUPING_MAX regions.  The names are the
 * members'. */
int	 grouping_of_scheme(struct grouping *, const char *name,
	    const struct region_member *, size_t n);

/* A submission of official statistics that superseded n values of an
 * earlier one (palermo import stats --supersedes). */
struct supersession {
	int64_t		 submission, superseded, n;
};

/* ---------------------------------------------------------------------- */
/*
 * money.c: the UN Voluntary Trust Fund for Victims of Trafficking in
 * Persons as a double-entry ledger: its accounts, entries, donors,
 * pledges and grants, and money in the minor units of ISO 4217
 * currencies.
 *
 * Invariants: money is an int64_t count of a currency's minor units, never
 * a floating-point number.  Every entry's lines sum to zero, in minor units
 * and in US cents.
 */

/* The accounts.  Debits are positive, credits negative. */
enum fund_account {
	FA_CASH,		/* money held, counted in US cents */
	FA_PLEDGES,		/* pledged, not yet received, per pledge */
	FA_COMMITTED,		/* the donors' side of a pledge, per pledge */
	FA_INCOME,		/* contributions received */
	FA_APPROVED,		/* grants approved, per grant */
	FA_UNDISBURSED,		/* approved, not yet paid out, per grant */
	FA_EXPENSE,		/* paid to grantees, less refunds, per grant */
	FA_SUPPORT,		/* programme support costs */
	FA__MAX
};
extern const char *const fund_account_names[FA__MAX];

/* What an entry records. */
enum fund_kind {
	FE_PLEDGE,
	FE_CONTRIBUTION,
	FE_GRANT,
	FE_DISBURSEMENT,
	FE_REFUND,
	FE_SUPPORT,
	FE_REVERSAL,
	FE__MAX
};
extern const char *const fund_kind_names[FE__MAX];

enum donor_kind {
	DK_STATE,
	DK_INTERGOVERNMENTAL,
	DK_PRIVATE_SECTOR,
	DK_INDIVIDUAL,
	DK_CAMPAIGN,
	DK__MAX
};
extern const char *const donor_kind_names[DK__MAX];
extern const char *const donor_kind_labels[DK__MAX];

enum grant_window { GW_EMERGENCY, GW_MEDIUM_TERM, GW__MAX };
extern const char *const grant_window_names[GW__MAX];
extern const char *const grant_window_labels[GW__MAX];

#define FUND_LINES_MAX	4
#define FUND_REF_NEW	(-1)	/* a line about the pledge or grant being made */
#define FUND_REF_ALL	(-2)	/* fund_balance_get: over all refs */
#define RATE_MAX	24	/* bytes of a rate's text, with its NUL */

/* A currency of ISO 4217 and the number of its decimals. */
struct currency {
	const char	*code;		/* "EUR" */
	const char	*name;
	int		 exp;		/* decimals: 0, 2, 3 or 4 */
};
/* The currency of that code, or NULL when there is none. */
const struct currency *currency_find(const char *code);

/* An exchange rate: US dollars per unit, exactly num / 10^scale. */
struct rate {
	int64_t		 num;
	int		 scale;
	char		 text[RATE_MAX];
};
extern const struct rate rate_one;

/* "1234.56" in a currency of exp decimals into minor units: 0, or -1 with
 * why said in buf (no sign, no more decimals than exp, not zero). */
int	 money_parse(const char *, int exp, int64_t *, struct buf *why);
/* Minor units as "-1234.56" into buf of 32. */
void	 money_format(int64_t, int exp, char buf[32]);
/* "1.0845", positive, at most 9 decimals; 0 or -1 with why said. */
int	 rate_parse(const char *, struct rate *, struct buf *why);
/* amount (minor units of exp decimals) in US cents at rate, rounded half
 * away from zero: 0, or -1 when it does not fit. */
int	 usd_cents(int64_t amount, int exp, const struct rate *, int64_t *);

struct fund_line {
	enum fund_account account;
	int64_t		 ref;		/* pledge or grant id, 0, FUND_REF_NEW */
	int64_t		 amount;	/* minor units of the entry's currency */
	int64_t		 usd;		/* US cents */
};

struct fund_entry {
	int64_t		 id;
	char		 date[11];
	enum fund_kind	 kind;
	char		 currency[4];
	char		 rate[RATE_MAX];
	int64_t		 donor, pledge, grant;	/* 0 when none */
	int64_t		 reverses;		/* 0, or the entry corrected */
	int64_t		 reversed_by;		/* read only: 0 or the reversal */
	const char	*memo;
	const char	*posted_by, *posted_at;
	struct fund_line lines[FUND_LINES_MAX];
	int		 nlines;
};

struct fund_donor {
	int64_t		 id;
	const char	*name;
	int		 kind;		/* DK_* */
	int		 country;	/* NR when none */
};

struct fund_pledge {
	int64_t		 id, entry, donor;
	char		 currency[4];
	int64_t		 amount;
	char		 rate[RATE_MAX];
	char		 date[11], from[11], to[11];	/* from, to: "" if none */
};

/* A grant cycle of the fund: its number, its name ("10.2"), and the
 * most a grant of it and all its grants may receive (US cents; 0: none
 * recorded). */
struct fund_cycle {
	int		 number;
	const char	*name;
	int64_t		 grant_ceiling, cycle_ceiling;
};

/* Victims assisted under a grant, as its grantee reported them on a day:
 * so far, in all (form, sex and age 0, the totals) or in one group of a
 * form of exploitation (FORM_*), sex (SEX_*) and age (AGEG_*). */
struct fund_victims {
	int64_t		 grant;
	const char	*date;
	int64_t		 victims;
	int		 form, sex, age;
};

struct fund_grant {
	int64_t		 id, entry;
	int		 cycle, window;	/* GW_* */
	const char	*grantee;
	int		 country;
	int64_t		 amount;	/* US cents */
	char		 start[11], end[11], date[11];
};

#endif
