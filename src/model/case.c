/*
 * case.c: the canonical schema of a victim case record.
 *
 * A case is de-identified: it has no names, contact details, identity
 * numbers or addresses.  Every field is three-valued at least: a value, or
 * not recorded (NR).  The names here are the column names in the store, the
 * header of palermo's own CSV and the keys of its JSON, so they are part of
 * palermo's interface and do not change.
 */
#include <string.h>

#include "model/model.h"

#define FLAG(f, n, l)	[f] = { n, FK_FLAG, CL_NONE, l }

const struct field_def case_fields[CF__MAX] = {
	[CF_YEAR] = { "year", FK_YEAR, CL_NONE, "Year of registration" },
	[CF_DATA_SOURCE] = { "data_source", FK_CODE, CL_DATA_SOURCE,
	    "Kind of data source" },
	[CF_STATUS] = { "trafficking_status", FK_CODE, CL_STATUS,
	    "Trafficking status" },
	[CF_GENDER] = { "gender", FK_CODE, CL_GENDER, "Gender" },
	[CF_AGE_REGISTRATION] = { "age_registration", FK_CODE, CL_AGE_BAND,
	    "Age band at registration" },
	[CF_AGE_EXPLOITATION] = { "age_exploitation", FK_CODE, CL_AGE_BAND,
	    "Age band when exploitation began" },
	[CF_MAJORITY_REGISTRATION] = { "majority_registration", FK_CODE,
	    CL_MAJORITY, "Minor or adult at registration" },
	[CF_MAJORITY_EXPLOITATION] = { "majority_exploitation", FK_CODE,
	    CL_MAJORITY, "Minor or adult when exploitation began" },
	[CF_MAJORITY_ENTRY] = { "majority_entry", FK_CODE, CL_MAJORITY,
	    "Minor or adult on entering the trafficking process" },
	[CF_CITIZENSHIP] = { "citizenship", FK_COUNTRY, CL_NONE,
	    "Citizenship" },
	[CF_COUNTRY_RECRUITMENT] = { "country_recruitment", FK_COUNTRY,
	    CL_NONE, "Country of recruitment" },
	[CF_COUNTRY_TRANSIT] = { "country_transit", FK_COUNTRY, CL_NONE,
	    "Country of transit" },
	[CF_COUNTRY_EXPLOITATION] = { "country_exploitation", FK_COUNTRY,
	    CL_NONE, "Country of exploitation" },
	[CF_DURATION] = { "duration", FK_CODE, CL_DURATION,
	    "Duration of trafficking, in months" },
	FLAG(CF_EXPLOIT_SEXUAL, "exploit_sexual", "Sexual exploitation"),
	FLAG(CF_EXPLOIT_LABOUR, "exploit_labour", "Forced labour"),
	FLAG(CF_EXPLOIT_MARRIAGE, "exploit_marriage", "Forced marriage"),
	FLAG(CF_EXPLOIT_MILITARY, "exploit_military", "Forced military"),
	FLAG(CF_EXPLOIT_ORGAN_REMOVAL, "exploit_organ_removal",
	    "Organ removal"),
	FLAG(CF_EXPLOIT_SLAVERY, "exploit_slavery",
	    "Slavery and similar practices"),
	FLAG(CF_EXPLOIT_CRIMINALITY, "exploit_criminality",
	    "Forced criminality"),
	FLAG(CF_EXPLOIT_BEGGING, "exploit_begging", "Forced begging"),
	FLAG(CF_EXPLOIT_OTHER, "exploit_other", "Other exploitation"),
	FLAG(CF_LABOUR_AGRICULTURE, "labour_agriculture", "Agriculture"),
	FLAG(CF_LABOUR_AQUAFARMING, "labour_aquafarming", "Aquafarming"),
	FLAG(CF_LABOUR_BEGGING, "labour_begging", "Begging"),
	FLAG(CF_LABOUR_CONSTRUCTION, "labour_construction", "Construction"),
	FLAG(CF_LABOUR_DOMESTIC_WORK, "labour_domestic_work",
	    "Domestic work"),
	FLAG(CF_LABOUR_HOSPITALITY, "labour_hospitality", "Hospitality"),
	FLAG(CF_LABOUR_ILLICIT_ACTIVITIES, "labour_illicit_activities",
	    "Illicit activities"),
	FLAG(CF_LABOUR_MANUFACTURING, "labour_manufacturing",
	    "Manufacturing"),
	FLAG(CF_LABOUR_MINING_DRILLING, "labour_mining_drilling",
	    "Mining or drilling"),
	FLAG(CF_LABOUR_PEDDLING, "labour_peddling", "Peddling"),
	FLAG(CF_LABOUR_TRANSPORTATION, "labour_transportation",
	    "Transportation"),
	FLAG(CF_LABOUR_OTHER, "labour_other", "Other labour"),
	FLAG(CF_LABOUR_NOT_SPECIFIED, "labour_not_specified",
	    "Labour sector not specified"),
	FLAG(CF_SEX_PROSTITUTION, "sex_prostitution", "Prostitution"),
	FLAG(CF_SEX_PORNOGRAPHY, "sex_pornography", "Pornography"),
	FLAG(CF_SEX_REMOTE_INTERACTIVE, "sex_remote_interactive",
	    "Remote interactive sexual services"),
	FLAG(CF_SEX_PRIVATE_SERVICES, "sex_private_services",
	    "Private sexual services"),
	FLAG(CF_CONTROL_DEBT_BONDAGE, "control_debt_bondage", "Debt bondage"),
	FLAG(CF_CONTROL_TAKES_EARNINGS, "control_takes_earnings",
	    "Takes earnings"),
	FLAG(CF_CONTROL_RESTRICTS_FINANCES, "control_restricts_finances",
	    "Restricts financial access"),
	FLAG(CF_CONTROL_THREATS, "control_threats", "Threats"),
	FLAG(CF_CONTROL_PSYCHOLOGICAL_ABUSE, "control_psychological_abuse",
	    "Psychological abuse"),
	FLAG(CF_CONTROL_PHYSICAL_ABUSE, "control_physical_abuse",
	    "Physical abuse"),
	FLAG(CF_CONTROL_SEXUAL_ABUSE, "control_sexual_abuse", "Sexual abuse"),
	FLAG(CF_CONTROL_FALSE_PROMISES, "control_false_promises",
	    "False promises"),
	FLAG(CF_CONTROL_PSYCHOACTIVE_SUBSTANCES,
	    "control_psychoactive_substances", "Psychoactive substances"),
	FLAG(CF_CONTROL_RESTRICTS_MOVEMENT, "control_restricts_movement",
	    "Restricts movement"),
	FLAG(CF_CONTROL_RESTRICTS_MEDICAL_CARE,
	    "control_restricts_medical_care", "Restricts medical care"),
	FLAG(CF_CONTROL_EXCESSIVE_WORKING_HOURS,
	    "control_excessive_working_hours", "Excessive working hours"),
	FLAG(CF_CONTROL_USES_CHILDREN, "control_uses_children",
	    "Uses children"),
	FLAG(CF_CONTROL_THREAT_OF_LAW_ENFORCEMENT,
	    "control_threat_of_law_enforcement", "Threat of law enforcement"),
	FLAG(CF_CONTROL_WITHHOLDS_NECESSITIES,
	    "control_withholds_necessities", "Withholds necessities"),
	FLAG(CF_CONTROL_WITHHOLDS_DOCUMENTS, "control_withholds_documents",
	    "Withholds documents"),
	FLAG(CF_CONTROL_OTHER, "control_other", "Other means of control"),
	FLAG(CF_CONTROL_NOT_SPECIFIED, "control_not_specified",
	    "Means of control not specified"),
	FLAG(CF_CONTROLG_DEBT_EARNINGS, "control_group_debt_earnings",
	    "Debt bondage or takes earnings"),
	FLAG(CF_CONTROLG_THREATS, "control_group_threats",
	    "Threats, uses children or threat of law enforcement"),
	FLAG(CF_CONTROLG_ABUSE, "control_group_abuse",
	    "Psychological, physical or sexual abuse"),
	FLAG(CF_CONTROLG_DENY_NEEDS, "control_group_deny_needs",
	    "Restricts finances, movement, medical care or necessities"),
	FLAG(CF_RECRUITER_INTIMATE_PARTNER, "recruiter_intimate_partner",
	    "Intimate partner"),
	FLAG(CF_RECRUITER_FRIEND, "recruiter_friend",
	    "Friend or acquaintance"),
	FLAG(CF_RECRUITER_FAMILY, "recruiter_family",
	    "Family or relative"),
	FLAG(CF_RECRUITER_OTHER, "recruiter_other", "Other relationship"),
	FLAG(CF_RECRUITER_UNKNOWN, "recruiter_unknown",
	    "Recruiter relationship unknown"),
	FLAG(CF_ABDUCTION, "abduction", "Abduction"),
};

static const struct code_def data_sources[SOURCE__MAX] = {
	[SOURCE_CASE_MANAGEMENT] = { "case_management", "Case management" },
	[SOURCE_HOTLINE] = { "hotline", "Hotline" },
};

static const struct code_def statuses[STATUS__MAX] = {
	[STATUS_POSSIBLE] = { "possible", "Possible victim" },
	[STATUS_ACTUAL] = { "actual", "Victim of trafficking" },
	[STATUS_NOT_VICTIM] = { "not_victim", "Not a victim of trafficking" },
};

static const struct code_def genders[GENDER__MAX] = {
	[GENDER_FEMALE] = { "female", "Female" },
	[GENDER_MALE] = { "male", "Male" },
	[GENDER_TRANS_FEMALE] = { "trans_female", "Transgender female" },
	[GENDER_TRANS_MALE] = { "trans_male", "Transgender male" },
	[GENDER_NONCONFORMING] = { "nonconforming", "Gender non-conforming" },
	[GENDER_TRANS_OR_NONCONFORMING] = { "trans_or_nonconforming",
	    "Transgender or non-conforming" },
};

static const struct code_def age_bands[AGE__MAX] = {
	[AGE_0_8] = { "0-8", "0 to 8" },
	[AGE_9_17] = { "9-17", "9 to 17" },
	[AGE_18_20] = { "18-20", "18 to 20" },
	[AGE_21_23] = { "21-23", "21 to 23" },
	[AGE_24_26] = { "24-26", "24 to 26" },
	[AGE_27_29] = { "27-29", "27 to 29" },
	[AGE_30_38] = { "30-38", "30 to 38" },
	[AGE_39_47] = { "39-47", "39 to 47" },
	[AGE_48_PLUS] = { "48+", "48 and over" },
};

static const struct code_def majorities[MAJORITY__MAX] = {
	[MAJORITY_MINOR] = { "minor", "Minor (under 18)" },
	[MAJORITY_ADULT] = { "adult", "Adult (18 or over)" },
};

static const struct code_def durations[DURATION__MAX] = {
	[DURATION_0_12] = { "0-12", "Up to a year" },
	[DURATION_13_24] = { "13-24", "One to two years" },
	[DURATION_25_PLUS] = { "25+", "Over two years" },
};

static const struct code_def indicators[IND__MAX] = {
	[IND_DETECTED] = { "detected_victims", "Detected trafficking victims" },
	[IND_FORMAL_CONTACT] = { "formal_contact",
	    "Persons brought into formal contact" },
	[IND_PROSECUTED] = { "prosecuted", "Persons prosecuted" },
	[IND_CONVICTED] = { "convicted", "Persons convicted" },
	[IND_OFFENCES] = { "offences", "Offences of trafficking in persons" },
};

static const struct code_def sexes[SEX__MAX] = {
	[SEX_TOTAL] = { "total", "Total" },
	[SEX_FEMALE] = { "female", "Female" },
	[SEX_MALE] = { "male", "Male" },
	[SEX_OTHER] = { "other", "Other" },
	[SEX_UNKNOWN] = { "unknown", "Unknown" },
};

static const struct code_def age_groups[AGEG__MAX] = {
	[AGEG_TOTAL] = { "total", "Total" },
	[AGEG_CHILD] = { "0-17", "0 to 17 years" },
	[AGEG_ADULT] = { "18+", "18 years or over" },
	[AGEG_UNKNOWN] = { "unknown", "Unknown" },
};

static const struct code_def forms[FORM__MAX] = {
	[FORM_TOTAL] = { "total", "Total" },
	[FORM_SEXUAL] = { "sexual", "Sexual exploitation" },
	[FORM_LABOUR] = { "labour", "Forced labour" },
	[FORM_OTHER] = { "other", "Other forms of exploitation" },
	[FORM_MARRIAGE] = { "marriage", "Forced marriage" },
	[FORM_MILITARY] = { "military", "Forced military" },
	[FORM_ORGAN_REMOVAL] = { "organ_removal", "Organ removal" },
	[FORM_SLAVERY] = { "slavery", "Slavery and similar practices" },
	[FORM_CRIMINALITY] = { "criminality", "Forced criminality" },
	[FORM_BEGGING] = { "begging", "Forced begging" },
};

static const struct code_def origin_dims[ODIM__MAX] = {
	[ODIM_NONE] = { "none", "No breakdown by origin" },
	[ODIM_CITIZENSHIP] = { "citizenship", "By citizenship" },
	[ODIM_REPATRIATION] = { "repatriation", "By country of repatriation" },
};

static const struct code_def origin_kinds[OKIND__MAX] = {
	[OKIND_NONE] = { "none", "None" },
	[OKIND_COUNTRY] = { "country", "A country" },
	[OKIND_REGION] = { "region", "A UN M49 region" },
	[OKIND_NATIONALS] = { "nationals", "Nationals of the reporting country" },
	[OKIND_ABROAD] = { "abroad", "Abroad" },
	[OKIND_FOREIGN] = { "foreign", "Foreigners" },
	[OKIND_UNKNOWN] = { "unknown", "Unknown" },
	[OKIND_OTHER] = { "other", "Other countries" },
	[OKIND_UNMAPPED] = { "unmapped", "Not mapped (kept as written)" },
};

static const struct code_def treaty_actions[TA__MAX] = {
	[TA_SIGNATURE] = { "signature", "Signature" },
	[TA_RATIFICATION] = { "ratification", "Ratification" },
	[TA_ACCESSION] = { "accession", "Accession" },
	[TA_ACCEPTANCE] = { "acceptance", "Acceptance" },
	[TA_APPROVAL] = { "approval", "Approval" },
	[TA_SUCCESSION] = { "succession", "Succession" },
};

static const struct code_def pillars[PILLAR__MAX] = {
	[PILLAR_PREVENTION] = { "prevention", "Prevention" },
	[PILLAR_PROTECTION] = { "protection", "Protection and assistance" },
	[PILLAR_PROSECUTION] = { "prosecution", "Prosecution" },
	[PILLAR_PARTNERSHIP] = { "partnership", "Partnerships" },
};

static const struct code_def actor_kinds[ACTOR__MAX] = {
	[ACTOR_STATE] = { "state", "State" },
	[ACTOR_UN_ENTITY] = { "un_entity", "United Nations entity" },
	[ACTOR_ORGANISATION] = { "organisation", "Other organisation" },
	[ACTOR_CIVIL_SOCIETY] = { "civil_society", "Civil society" },
	[ACTOR_PRIVATE_SECTOR] = { "private_sector", "Private sector" },
};

static const struct code_def action_statuses[AS__MAX] = {
	[AS_PLANNED] = { "planned", "Planned" },
	[AS_UNDER_WAY] = { "under_way", "Under way" },
	[AS_DONE] = { "done", "Done" },
	[AS_DROPPED] = { "dropped", "Dropped" },
};

const struct code_list_def code_lists[CL__MAX] = {
	[CL_NONE] = { "none", NULL, 0 },
	[CL_DATA_SOURCE] = { "data_source", data_sources, SOURCE__MAX },
	[CL_STATUS] = { "trafficking_status", statuses, STATUS__MAX },
	[CL_GENDER] = { "gender", genders, GENDER__MAX },
	[CL_AGE_BAND] = { "age_band", age_bands, AGE__MAX },
	[CL_MAJORITY] = { "majority", majorities, MAJORITY__MAX },
	[CL_DURATION] = { "duration", durations, DURATION__MAX },
	[CL_INDICATOR] = { "indicator", indicators, IND__MAX },
	[CL_SEX] = { "sex", sexes, SEX__MAX },
	[CL_AGE_GROUP] = { "age_group", age_groups, AGEG__MAX },
	[CL_FORM] = { "form", forms, FORM__MAX },
	[CL_ORIGIN_DIM] = { "origin_dim", origin_dims, ODIM__MAX },
	[CL_ORIGIN_KIND] = { "origin_kind", origin_kinds, OKIND__MAX },
	[CL_TREATY_ACTION] = { "treaty_action", treaty_actions, TA__MAX },
	[CL_PILLAR] = { "pillar", pillars, PILLAR__MAX },
	[CL_ACTOR_KIND] = { "actor_kind", actor_kinds, ACTOR__MAX },
	[CL_ACTION_STATUS] = { "action_status", action_statuses, AS__MAX },
};

/* The merged means of control and the fine-grained flags each one covers. */
static const struct {
	enum case_field	 group;
	enum case_field	 members[5];
} control_groups[] = {
	{ CF_CONTROLG_DEBT_EARNINGS, { CF_CONTROL_DEBT_BONDAGE,
	    CF_CONTROL_TAKES_EARNINGS, CF__MAX } },
	{ CF_CONTROLG_THREATS, { CF_CONTROL_THREATS, CF_CONTROL_USES_CHILDREN,
	    CF_CONTROL_THREAT_OF_LAW_ENFORCEMENT, CF__MAX } },
	{ CF_CONTROLG_ABUSE, { CF_CONTROL_PSYCHOLOGICAL_ABUSE,
	    CF_CONTROL_PHYSICAL_ABUSE, CF_CONTROL_SEXUAL_ABUSE, CF__MAX } },
	{ CF_CONTROLG_DENY_NEEDS, { CF_CONTROL_RESTRICTS_FINANCES,
	    CF_CONTROL_RESTRICTS_MOVEMENT, CF_CONTROL_RESTRICTS_MEDICAL_CARE,
	    CF_CONTROL_WITHHOLDS_NECESSITIES, CF__MAX } },
};

void
case_clear(struct case_rec *c)
{
	for (int i = 0; i < CF__MAX; i++)
		c->v[i] = NR;
}

static int
majority_of_band(int band)
{
	return band <= AGE_9_17 ? MAJORITY_MINOR : MAJORITY_ADULT;
}

/*
 * Fill fields that follow from others and were not recorded: the majority
 * status from a known age band, and each merged means of control from its
 * members (yes if any is yes, no if all were recorded as no).  Applying it
 * twice changes nothing, so export and import again keep a record as it is.
 */
void
case_derive(struct case_rec *c)
{
	if (c->v[CF_MAJORITY_REGISTRATION] == NR &&
	    c->v[CF_AGE_REGISTRATION] != NR)
		c->v[CF_MAJORITY_REGISTRATION] =
		    majority_of_band(c->v[CF_AGE_REGISTRATION]);
	if (c->v[CF_MAJORITY_EXPLOITATION] == NR &&
	    c->v[CF_AGE_EXPLOITATION] != NR)
		c->v[CF_MAJORITY_EXPLOITATION] =
		    majority_of_band(c->v[CF_AGE_EXPLOITATION]);

	for (size_t g = 0; g < sizeof(control_groups) /
	    sizeof(control_groups[0]); g++) {
		int	 any = 0, all = 1;

		if (c->v[control_groups[g].group] != NR)
			continue;
		for (const enum case_field *m = control_groups[g].members;
		    *m != CF__MAX; m++) {
			if (c->v[*m] == 1)
				any = 1;
			if (c->v[*m] != 0)
				all = 0;
		}
		if (any)
			c->v[control_groups[g].group] = 1;
		else if (all)
			c->v[control_groups[g].group] = 0;
	}
}

int
case_field_find(const char *name)
{
	for (int i = 0; i < CF__MAX; i++)
		if (strcmp(case_fields[i].name, name) == 0)
			return i;
	return -1;
}

int
code_find(enum code_list l, const char *name)
{
	for (int i = 0; i < code_lists[l].count; i++)
		if (strcmp(code_lists[l].codes[i].name, name) == 0)
			return i;
	return -1;
}

const char *
code_name(enum code_list l, int code)
{
	if (code < 0 || code >= code_lists[l].count)
		return "";
	return code_lists[l].codes[code].name;
}

int
age_band_of(long long y)
{
	static const int upper[AGE__MAX] = { 8, 17, 20, 23, 26, 29, 38, 47,
	    200 };

	if (y < 0 || y > 130)
		return NR;
	for (int i = 0; i < AGE__MAX; i++)
		if (y <= upper[i])
			return i;
	return NR;
}
