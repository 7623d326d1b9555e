/*
 * cases.c: the victim-case formats palermo reads and writes, as tables.
 *
 * Each format is a table of columns; each column says which case field it
 * carries and how its values are spelt.  One engine reads and writes every
 * table, so that a new format is a new table, not new code.  The mapping of
 * every column to the canonical schema is documented in docs/formats.md.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "intake/intake.h"

const char *const format_names[FORMAT__MAX] = {
	[FORMAT_PALERMO] = "palermo",
	[FORMAT_JSON] = "json",
	[FORMAT_CTDC_KANON] = "ctdc-kanon",
	[FORMAT_CTDC_SYNTHETIC] = "ctdc-synthetic",
	[FORMAT_HTCDS] = "htcds",
};

enum col_kind {
	COL_YEAR,	/* a year */
	COL_DATE_YEAR,	/* an ISO date or a year; the year is kept */
	COL_CODE,	/* a spelling from the column's value map */
	COL_COUNTRY,	/* a country code or name */
	COL_FLAG,	/* yes, no or missing, spelt as the format says */
	COL_MULTI,	/* ';'-separated choices, each setting a flag */
	COL_AGE_YEARS,	/* an age in years (or a palermo band): the band */
	COL_DERIVED,	/* summary of other columns: written, not read */
};

/* One spelling of a value; code is a code, a case field, or NR. */
struct vmap {
	const char	*text;
	int		 code;
};

/* How a derived column is written. */
enum derived {
	D_NONE,
	D_CONCAT_CONTROL,
	D_CONCAT_EXPLOIT,
	D_CONCAT_LABOUR,
	D_CONCAT_SEX,
	D_CONCAT_RECRUITER,
	D_SEX_AND_LABOUR,
};

struct col {
	const char		*name;
	enum col_kind		 kind;
	int			 field;		/* a case field, or -1 */
	const struct vmap	*map;		/* COL_CODE, COL_MULTI */
	enum derived		 derived;
	const char		*alias;		/* another header name */
};

struct format_def {
	const struct col	*cols;
	int			 ncols;
	int			 country_alpha3;	/* else alpha-2 */
	const char		*missing;	/* how "not recorded" is written */
	const char		*yes, *no;	/* flags as written */
	const char *const	*missing_in;	/* also read as not recorded */
	const char *const	*no_in;		/* also read as no */
	int			 all_columns;	/* every column must be there */
	int			 extra_columns;	/* unknown columns are ignored */
	const char *const	*forbidden;	/* identifying columns */
	int			 data_source;	/* set on every case, or NR */
	int			 country_lists;	/* "A;B" keeps the first */
};

#define END	{ NULL, 0 }

/* Age bands, read with any of the dashes the files use. */
#define BAND(a, b, c)	{ a "--" b, c }, { a "-" b, c }, \
	{ a "\xe2\x80\x94" b, c }, { a "\xe2\x80\x93" b, c }
static const struct vmap v_age[] = {
	BAND("0", "8", AGE_0_8), BAND("9", "17", AGE_9_17),
	BAND("18", "20", AGE_18_20), BAND("21", "23", AGE_21_23),
	BAND("24", "26", AGE_24_26), BAND("27", "29", AGE_27_29),
	BAND("30", "38", AGE_30_38), BAND("39", "47", AGE_39_47),
	{ "48+", AGE_48_PLUS }, END
};
static const struct vmap v_duration[] = {
	BAND("0", "12", DURATION_0_12), BAND("13", "24", DURATION_13_24),
	{ "25+", DURATION_25_PLUS }, END
};
#undef BAND

static const struct vmap v_kanon_source[] = {
	{ "Case Management", SOURCE_CASE_MANAGEMENT },
	{ "Hotline", SOURCE_HOTLINE }, END
};
static const struct vmap v_kanon_gender[] = {
	{ "Female", GENDER_FEMALE }, { "Male", GENDER_MALE },
	{ "Transgender/NonConforming", GENDER_TRANS_OR_NONCONFORMING },
	{ "Transgender", GENDER_TRANS_OR_NONCONFORMING },
	{ "Transgender/NonConforming", GENDER_TRANS_FEMALE },
	{ "Transgender/NonConforming", GENDER_TRANS_MALE },
	{ "Transgender/NonConforming", GENDER_NONCONFORMING },
	{ "Unknown", NR }, END
};
static const struct vmap v_kanon_majority[] = {
	{ "Minor", MAJORITY_MINOR }, { "Adult", MAJORITY_ADULT },
	{ "Unknown", NR }, END
};
static const struct vmap v_synth_gender[] = {
	{ "Woman", GENDER_FEMALE }, { "Man", GENDER_MALE },
	{ "Trans/Transgender/NonConforming", GENDER_TRANS_OR_NONCONFORMING },
	{ "Trans/Transgender/NonConforming", GENDER_TRANS_FEMALE },
	{ "Trans/Transgender/NonConforming", GENDER_TRANS_MALE },
	{ "Trans/Transgender/NonConforming", GENDER_NONCONFORMING },
	END
};
static const struct vmap v_htcds_gender[] = {
	{ "Feminine", GENDER_FEMALE }, { "Masculine", GENDER_MALE },
	{ "TransgenderFeminine", GENDER_TRANS_FEMALE },
	{ "TransgenderMasculine", GENDER_TRANS_MALE },
	{ "NonConforming", GENDER_NONCONFORMING },
	{ "NonConforming", GENDER_TRANS_OR_NONCONFORMING },
	{ "NonSpecifiedUnknown", NR }, END
};
static const struct vmap v_htcds_status[] = {
	{ "PossibleVictimOfTrafficking", STATUS_POSSIBLE },
	{ "ActualVictimOfTrafficking", STATUS_ACTUAL },
	{ "NotAVictimOfTrafficking", STATUS_NOT_VICTIM }, END
};
/* HTCDS multi-select choices: the flag each one sets. */
static const struct vmap v_htcds_control[] = {
	{ "PhysicalThreats", CF_CONTROL_THREATS },
	{ "ThreatensChildrenFamily", CF_CONTROL_THREATS },
	{ "ThreatsLawEnforcement", CF_CONTROL_THREAT_OF_LAW_ENFORCEMENT },
	{ "DebtBondage", CF_CONTROL_DEBT_BONDAGE },
	{ "FalsePromises", CF_CONTROL_FALSE_PROMISES },
	{ "PhysicalAbuse", CF_CONTROL_PHYSICAL_ABUSE },
	{ "SexualAbuse", CF_CONTROL_SEXUAL_ABUSE },
	{ "TakesEarnings", CF_CONTROL_TAKES_EARNINGS },
	{ "RestrictsFinancialAccess", CF_CONTROL_RESTRICTS_FINANCES },
	{ "RestrictsMedicalCare", CF_CONTROL_RESTRICTS_MEDICAL_CARE },
	{ "RestrictsMovement", CF_CONTROL_RESTRICTS_MOVEMENT },
	{ "WithholdsNecessities", CF_CONTROL_WITHHOLDS_NECESSITIES },
	{ "PsychologicalAbuse", CF_CONTROL_PSYCHOLOGICAL_ABUSE },
	{ "PsychoactiveSubstance", CF_CONTROL_PSYCHOACTIVE_SUBSTANCES },
	{ "ExcessiveWorkingHours", CF_CONTROL_EXCESSIVE_WORKING_HOURS },
	{ "WithholdsDocuments", CF_CONTROL_WITHHOLDS_DOCUMENTS },
	{ "Other", CF_CONTROL_OTHER }, END
};
static const struct vmap v_htcds_exploit[] = {
	{ "ForcedLabour", CF_EXPLOIT_LABOUR },
	{ "SexualExploitation", CF_EXPLOIT_SEXUAL },
	{ "ForcedMarriage", CF_EXPLOIT_MARRIAGE },
	{ "Servitude", CF_EXPLOIT_SLAVERY },
	{ "ForcedMilitaryByNonStateActors", CF_EXPLOIT_MILITARY },
	{ "OrganRemoval", CF_EXPLOIT_ORGAN_REMOVAL },
	{ "ForcedBegging", CF_EXPLOIT_BEGGING },
	{ "ForcedCriminality", CF_EXPLOIT_CRIMINALITY },
	{ "Other", CF_EXPLOIT_OTHER },
	{ "ChildLabour", CF_EXPLOIT_OTHER },
	{ "ForcedAdoption", CF_EXPLOIT_OTHER },
	{ "Surrogacy", CF_EXPLOIT_OTHER }, END
};
static const struct vmap v_htcds_industry[] = {
	{ "A_AgricultureForestryAndFishing", CF_LABOUR_AGRICULTURE },
	{ "B_MiningAndQuarrying", CF_LABOUR_MINING_DRILLING },
	{ "C_Manufacturing", CF_LABOUR_MANUFACTURING },
	{ "F_Construction", CF_LABOUR_CONSTRUCTION },
	{ "H_TransportationAndStorage", CF_LABOUR_TRANSPORTATION },
	{ "I_AccommodationAndFoodServiceActivities", CF_LABOUR_HOSPITALITY },
	{ "T_ActivitiesOfHouseholdsAsEmployers", CF_LABOUR_DOMESTIC_WORK },
	{ "S_OtherServiceActivities", CF_LABOUR_OTHER },
	{ "D_ElectricityGasSteamAndAirConditioningSupply", CF_LABOUR_OTHER },
	{ "E_WaterSupplySewerageWasteManagement", CF_LABOUR_OTHER },
	{ "G_WholesaleAndRetailTradeRepairOfMotorVehicles", CF_LABOUR_OTHER },
	{ "J_InformationAndCommunication", CF_LABOUR_OTHER },
	{ "K_FinancialAndInsuranceActivities", CF_LABOUR_OTHER },
	{ "L_RealEstateActivities", CF_LABOUR_OTHER },
	{ "M_ProfessionalScientificAndTechnicalActivities", CF_LABOUR_OTHER },
	{ "N_AdministrativeAndSupportServiceActivities", CF_LABOUR_OTHER },
	{ "O_PublicAdministrationAndDefence", CF_LABOUR_OTHER },
	{ "P_Education", CF_LABOUR_OTHER },
	{ "Q_HumanHealthAndSocialWorkActivities", CF_LABOUR_OTHER },
	{ "R_ArtsEntertainmentAndRecreation", CF_LABOUR_OTHER },
	{ "U_ActivitiesOfExtraterritorialOrganizations", CF_LABOUR_OTHER },
	END
};
static const struct vmap v_htcds_sex[] = {
	{ "Prostitution", CF_SEX_PROSTITUTION },
	{ "Pornography", CF_SEX_PORNOGRAPHY },
	{ "RemoteInteractiveServices", CF_SEX_REMOTE_INTERACTIVE },
	{ "PrivateSexualServices", CF_SEX_PRIVATE_SERVICES }, END
};
static const struct vmap v_htcds_relation[] = {
	{ "Familial", CF_RECRUITER_FAMILY },
	{ "Acquainted", CF_RECRUITER_FRIEND },
	{ "Unaquainted", CF_RECRUITER_OTHER },
	{ "Unacquainted", CF_RECRUITER_OTHER }, END
};

#define F(n, f)		{ n, COL_FLAG, f, NULL, D_NONE, NULL }
#define C(n, f, m)	{ n, COL_CODE, f, m, D_NONE, NULL }
#define K(n, f)		{ n, COL_COUNTRY, f, NULL, D_NONE, NULL }
#define M(n, m)		{ n, COL_MULTI, -1, m, D_NONE, NULL }
#define D(n, d)		{ n, COL_DERIVED, -1, NULL, d, NULL }

static const struct col kanon_cols[] = {
	{ "yearOfRegistration", COL_YEAR, CF_YEAR, NULL, D_NONE, NULL },
	C("Datasource", CF_DATA_SOURCE, v_kanon_source),
	C("gender", CF_GENDER, v_kanon_gender),
	C("ageBroad", CF_AGE_REGISTRATION, v_age),
	C("majorityStatus", CF_MAJORITY_REGISTRATION, v_kanon_majority),
	C("majorityStatusAtExploit", CF_MAJORITY_EXPLOITATION,
	    v_kanon_majority),
	C("majorityEntry", CF_MAJORITY_ENTRY, v_kanon_majority),
	K("citizenship", CF_CITIZENSHIP),
	F("meansOfControlDebtBondage", CF_CONTROL_DEBT_BONDAGE),
	F("meansOfControlTakesEarnings", CF_CONTROL_TAKES_EARNINGS),
	F("meansOfControlRestrictsFinancialAccess",
	    CF_CONTROL_RESTRICTS_FINANCES),
	F("meansOfControlThreats", CF_CONTROL_THREATS),
	F("meansOfControlPsychologicalAbuse", CF_CONTROL_PSYCHOLOGICAL_ABUSE),
	F("meansOfControlPhysicalAbuse", CF_CONTROL_PHYSICAL_ABUSE),
	F("meansOfControlSexualAbuse", CF_CONTROL_SEXUAL_ABUSE),
	F("meansOfControlFalsePromises", CF_CONTROL_FALSE_PROMISES),
	F("meansOfControlPsychoactiveSubstances",
	    CF_CONTROL_PSYCHOACTIVE_SUBSTANCES),
	F("meansOfControlRestrictsMovement", CF_CONTROL_RESTRICTS_MOVEMENT),
	F("meansOfControlRestrictsMedicalCare",
	    CF_CONTROL_RESTRICTS_MEDICAL_CARE),
	F("meansOfControlExcessiveWorkingHours",
	    CF_CONTROL_EXCESSIVE_WORKING_HOURS),
	F("meansOfControlUsesChildren", CF_CONTROL_USES_CHILDREN),
	F("meansOfControlThreatOfLawEnforcement",
	    CF_CONTROL_THREAT_OF_LAW_ENFORCEMENT),
	F("meansOfControlWithholdsNecessities",
	    CF_CONTROL_WITHHOLDS_NECESSITIES),
	F("meansOfControlWithholdsDocuments", CF_CONTROL_WITHHOLDS_DOCUMENTS),
	F("meansOfControlOther", CF_CONTROL_OTHER),
	F("meansOfControlNotSpecified", CF_CONTROL_NOT_SPECIFIED),
	D("meansOfControlConcatenated", D_CONCAT_CONTROL),
	F("isForcedLabour", CF_EXPLOIT_LABOUR),
	F("isSexualExploit", CF_EXPLOIT_SEXUAL),
	F("isOtherExploit", CF_EXPLOIT_OTHER),
	D("isSexAndLabour", D_SEX_AND_LABOUR),
	F("isForcedMarriage", CF_EXPLOIT_MARRIAGE),
	F("isForcedMilitary", CF_EXPLOIT_MILITARY),
	F("isOrganRemoval", CF_EXPLOIT_ORGAN_REMOVAL),
	F("isSlaveryAndPractices", CF_EXPLOIT_SLAVERY),
	D("typeOfExploitConcatenated", D_CONCAT_EXPLOIT),
	F("typeOfLabourAgriculture", CF_LABOUR_AGRICULTURE),
	F("typeOfLabourAquafarming", CF_LABOUR_AQUAFARMING),
	F("typeOfLabourBegging", CF_LABOUR_BEGGING),
	F("typeOfLabourConstruction", CF_LABOUR_CONSTRUCTION),
	F("typeOfLabourDomesticWork", CF_LABOUR_DOMESTIC_WORK),
	F("typeOfLabourHospitality", CF_LABOUR_HOSPITALITY),
	F("typeOfLabourIllicitActivities", CF_LABOUR_ILLICIT_ACTIVITIES),
	F("typeOfLabourManufacturing", CF_LABOUR_MANUFACTURING),
	F("typeOfLabourMiningOrDrilling", CF_LABOUR_MINING_DRILLING),
	F("typeOfLabourPeddling", CF_LABOUR_PEDDLING),
	F("typeOfLabourTransportation", CF_LABOUR_TRANSPORTATION),
	F("typeOfLabourOther", CF_LABOUR_OTHER),
	F("typeOfLabourNotSpecified", CF_LABOUR_NOT_SPECIFIED),
	D("typeOfLabourConcatenated", D_CONCAT_LABOUR),
	F("typeOfSexProstitution", CF_SEX_PROSTITUTION),
	F("typeOfSexPornography", CF_SEX_PORNOGRAPHY),
	F("typeOfSexRemoteInteractiveServices", CF_SEX_REMOTE_INTERACTIVE),
	F("typeOfSexPrivateSexualServices", CF_SEX_PRIVATE_SERVICES),
	D("typeOfSexConcatenated", D_CONCAT_SEX),
	F("isAbduction", CF_ABDUCTION),
	D("RecruiterRelationship", D_CONCAT_RECRUITER),
	K("CountryOfExploitation", CF_COUNTRY_EXPLOITATION),
	F("recruiterRelationIntimatePartner", CF_RECRUITER_INTIMATE_PARTNER),
	F("recruiterRelationFriend", CF_RECRUITER_FRIEND),
	F("recruiterRelationFamily", CF_RECRUITER_FAMILY),
	F("recruiterRelationOther", CF_RECRUITER_OTHER),
	F("recruiterRelationUnknown", CF_RECRUITER_UNKNOWN),
};

static const struct col synth_cols[] = {
	{ "yearOfRegistration", COL_YEAR, CF_YEAR, NULL, D_NONE, NULL },
	C("gender", CF_GENDER, v_synth_gender),
	C("ageBroad", CF_AGE_REGISTRATION, v_age),
	K("citizenship", CF_CITIZENSHIP),
	K("CountryOfExploitation", CF_COUNTRY_EXPLOITATION),
	C("traffickMonths", CF_DURATION, v_duration),
	F("meansDebtBondageEarnings", CF_CONTROLG_DEBT_EARNINGS),
	F("meansThreats", CF_CONTROLG_THREATS),
	F("meansAbusePsyPhySex", CF_CONTROLG_ABUSE),
	F("meansFalsePromises", CF_CONTROL_FALSE_PROMISES),
	F("meansDrugsAlcohol", CF_CONTROL_PSYCHOACTIVE_SUBSTANCES),
	F("meansDenyBasicNeeds", CF_CONTROLG_DENY_NEEDS),
	F("meansExcessiveWorkHours", CF_CONTROL_EXCESSIVE_WORKING_HOURS),
	{ "meansWithholdDocs", COL_FLAG, CF_CONTROL_WITHHOLDS_DOCUMENTS, NULL,
	    D_NONE, "meansWithholdDocuments" },
	F("isForcedLabour", CF_EXPLOIT_LABOUR),
	F("isSexualExploit", CF_EXPLOIT_SEXUAL),
	F("isOtherExploit", CF_EXPLOIT_OTHER),
	F("typeOfLabourAgriculture", CF_LABOUR_AGRICULTURE),
	F("typeOfLabourConstruction", CF_LABOUR_CONSTRUCTION),
	F("typeOfLabourDomesticWork", CF_LABOUR_DOMESTIC_WORK),
	F("typeOfLabourHospitality", CF_LABOUR_HOSPITALITY),
	F("typeOfSexProstitution", CF_SEX_PROSTITUTION),
	F("typeOfSexPornography", CF_SEX_PORNOGRAPHY),
	F("recruiterRelationIntimatePartner", CF_RECRUITER_INTIMATE_PARTNER),
	F("recruiterRelationFriend", CF_RECRUITER_FRIEND),
	F("recruiterRelationFamily", CF_RECRUITER_FAMILY),
	F("recruiterRelationOther", CF_RECRUITER_OTHER),
};

static const struct col htcds_cols[] = {
	{ "CreatedDate", COL_DATE_YEAR, CF_YEAR, NULL, D_NONE, NULL },
	C("vic_TraffickingStatus", CF_STATUS, v_htcds_status),
	C("prs_Gender", CF_GENDER, v_htcds_gender),
	{ "vic_AgeWhenTrafficked", COL_AGE_YEARS, CF_AGE_EXPLOITATION, NULL,
	    D_NONE, NULL },
	K("prs_Citizenship", CF_CITIZENSHIP),
	K("vic_LocationOfRecruitment", CF_COUNTRY_RECRUITMENT),
	K("vic_LocationOfExploitation", CF_COUNTRY_EXPLOITATION),
	M("vic_TypeOfExploitation", v_htcds_exploit),
	M("vic_ForcedLabourIndustry", v_htcds_industry),
	M("vic_TypeOfSexExploitation", v_htcds_sex),
	M("vic_MethodsOfControl", v_htcds_control),
	M("vic_RelationshipToTrafficker", v_htcds_relation),
};

#undef F
#undef C
#undef K
#undef M
#undef D

/* palermo's own CSV: every canonical field, made from the schema. */
static struct col palermo_cols[CF__MAX];

static const char *const kanon_missing[] = { "-99", "", NULL };
static const char *const plain_missing[] = { "", NULL };
static const char *const synth_missing[] = { "", "NULL", NULL };
static const char *const synth_no[] = { "0", NULL };

/* HTCDS person fields that identify someone: palermo stores none. */
static const char *const htcds_forbidden[] = {
	"prs_Salutation", "prs_FirstName", "prs_MiddleName", "prs_SecondName",
	"prs_Birthdate", "prs_IdentityNumber", "prs_Email", "prs_HomePhone",
	"prs_MobilePhone", "prs_MailingStreet", "prs_MailingPostalCode",
	"prs_MailingCity", "prs_MailingState", "prs_MailingLatitude",
	"prs_MailingLongitude", "hte_Street", "hte_PostalCode",
	"hte_Latitude", "hte_Longitude", NULL
};

#define NCOLS(a)	((int)(sizeof(a) / sizeof((a)[0])))

static struct format_def formats[FORMAT__MAX] = {
	[FORMAT_PALERMO] = { palermo_cols, CF__MAX, 1, "", "1", "0",
	    plain_missing, NULL, 0, 0, NULL, NR, 0 },
	[FORMAT_JSON] = { palermo_cols, CF__MAX, 1, "", "1", "0",
	    plain_missing, NULL, 0, 0, NULL, NR, 0 },
	[FORMAT_CTDC_KANON] = { kanon_cols, NCOLS(kanon_cols), 0, "-99", "1",
	    "0", kanon_missing, NULL, 1, 0, NULL, NR, 0 },
	[FORMAT_CTDC_SYNTHETIC] = { synth_cols, NCOLS(synth_cols), 1, "",
	    "1", "", synth_missing, synth_no, 1, 0, NULL, NR, 0 },
	[FORMAT_HTCDS] = { htcds_cols, NCOLS(htcds_cols), 0, "", "1", "0",
	    plain_missing, NULL, 0, 1, htcds_forbidden,
	    SOURCE_CASE_MANAGEMENT, 1 },
};

static void
formats_init(void)
{
	static const enum col_kind kinds[] = {
		[FK_YEAR] = COL_YEAR, [FK_CODE] = COL_CODE,
		[FK_COUNTRY] = COL_COUNTRY, [FK_FLAG] = COL_FLAG,
	};

	if (palermo_cols[0].name != NULL)
		return;
	for (int f = 0; f < CF__MAX; f++) {
		palermo_cols[f].name = case_fields[f].name;
		palermo_cols[f].kind = kinds[case_fields[f].kind];
		palermo_cols[f].field = f;
	}
}

static int
col_matches(const struct col *c, const char *name)
{
	return str_eqi(c->name, name) || (c->alias && str_eqi(c->alias, name));
}

int
format_detect(const struct csv_record *h)
{
	int	 best = -1, best_n = 0, tie = 0;

	formats_init();
	for (int f = 0; f < FORMAT__MAX; f++) {
		int	 n = 0;

		if (f == FORMAT_JSON)
			continue;
		for (size_t i = 0; i < h->count; i++)
			for (int c = 0; c < formats[f].ncols; c++)
				if (col_matches(&formats[f].cols[c],
				    h->field[i])) {
					n++;
					break;
				}
		if (n > best_n) {
			best = f;
			best_n = n;
			tie = 0;
		} else if (n == best_n)
			tie = 1;
	}
	if (best_n < 3 || tie)
		return -1;
	return best;
}

/* ---------------------------------------------------------------------- */
/* Reading */

struct case_reader {
	enum format_id		 id;
	const struct format_def	*def;
	const struct col	**bycol;	/* per file column, or NULL */
	const char		**names;	/* file column names */
	size_t			 ncols;
	struct errlist		*el;
	int			 year_max;
};

struct case_reader *
case_reader_new(enum format_id id, const struct csv_record *h,
    struct errlist *el)
{
	struct case_reader	*r;
	int			 bad = 0;

	formats_init();
	r = xcalloc(1, sizeof(*r));
	r->id = id;
	r->def = &formats[id];
	r->el = el;
	r->ncols = h->count;
	r->year_max = current_year();
	r->bycol = xcalloc(h->count, sizeof(*r->bycol));
	r->names = xcalloc(h->count, sizeof(*r->names));
	for (size_t i = 0; i < h->count; i++) {
		r->names[i] = xstrdup(h->field[i]);
		for (int c = 0; c < r->def->ncols; c++)
			if (col_matches(&r->def->cols[c], h->field[i]))
				r->bycol[i] = &r->def->cols[c];
		for (const char *const *fb = r->def->forbidden; fb && *fb;
		    fb++)
			if (str_eqi(*fb, h->field[i])) {
				errlist_add(el, h->line, i + 1, h->field[i],
				    "this column identifies a person and "
				    "palermo stores no identifiers: remove it "
				    "from the file before importing");
				bad = 1;
			}
		if (r->bycol[i] == NULL && !r->def->extra_columns) {
			errlist_add(el, h->line, i + 1, h->field[i],
			    "not a column of the %s format", format_names[id]);
			bad = 1;
		}
	}
	if (r->def->all_columns)
		for (int c = 0; c < r->def->ncols; c++) {
			size_t	 i;

			for (i = 0; i < h->count; i++)
				if (r->bycol[i] == &r->def->cols[c])
					break;
			if (i == h->count) {
				errlist_add(el, h->line, 0, r->def->cols[c].name,
				    "column missing from the header of this "
				    "%s file", format_names[id]);
				bad = 1;
			}
		}
	if (bad) {
		case_reader_free(r);
		return NULL;
	}
	return r;
}

void
case_reader_free(struct case_reader *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->ncols; i++)
		free((void *)(uintptr_t)r->names[i]);
	free(r->names);
	free(r->bycol);
	free(r);
}

static int
is_in(const char *const *list, const char *s)
{
	for (; list && *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

/* Say what a column accepts, for messages: "one of A, B, C". */
static void
expected(struct buf *b, const struct vmap *m)
{
	buf_adds(b, "one of ");
	for (int i = 0; m[i].text; i++) {
		int	 dup = 0;

		for (int j = 0; j < i; j++)
			if (strcmp(m[j].text, m[i].text) == 0)
				dup = 1;
		if (!dup)
			buf_addf(b, "%s%s", i ? ", " : "", m[i].text);
	}
}

/* Spellings are matched regardless of case: codebooks differ in it. */
static int
vmap_find(const struct vmap *m, const char *s, int *code)
{
	for (; m->text; m++)
		if (str_eqi(m->text, s)) {
			*code = m->code;
			return 0;
		}
	return -1;
}

/* Read one value of a column into the case; 0 or -1 (reported). */
static int
read_value(struct case_reader *r, const struct col *col, const char *s,
    unsigned long line, unsigned long colno, struct case_rec *c)
{
	const struct country	*ct;
	struct buf		 b = BUF_INIT;
	long long		 v;
	int			 code;

	if (col->kind == COL_DERIVED)
		return 0;
	/* the common case first: a flag spelt as the format writes it */
	if (col->kind == COL_FLAG && s[0] != '\0' && s[1] == '\0') {
		if (s[0] == r->def->yes[0] && r->def->yes[1] == '\0') {
			c->v[col->field] = 1;
			return 0;
		}
		if (s[0] == r->def->no[0] && r->def->no[1] == '\0') {
			c->v[col->field] = 0;
			return 0;
		}
	}
	if (is_in(r->def->missing_in, s) && col->kind != COL_MULTI) {
		if (col->field >= 0)
			c->v[col->field] = NR;
		return 0;
	}
	switch (col->kind) {
	case COL_YEAR:
	case COL_DATE_YEAR:
		if (col->kind == COL_DATE_YEAR && strlen(s) >= 10 &&
		    s[4] == '-' && s[7] == '-' && (s[10] == '\0' ||
		    s[10] == 'T' || s[10] == ' ')) {
			char	 date[11], y[5];

			memcpy(date, s, 10);
			date[10] = '\0';
			memcpy(y, s, 4);
			y[4] = '\0';
			if (date_valid(date) &&
			    parse_int(y, 1900, r->year_max, &v) == 0) {
				c->v[col->field] = (int)v;
				return 0;
			}
		}
		if (parse_int(s, 1900, r->year_max, &v) == 0) {
			c->v[col->field] = (int)v;
			return 0;
		}
		errlist_add(r->el, line, colno, col->name, "'%s' is not a %s "
		    "from 1900 to %d", s, col->kind == COL_DATE_YEAR ?
		    "date (YYYY-MM-DD) or year" : "year", r->year_max);
		return -1;
	case COL_CODE:
		if (col->map == NULL) {
			/* palermo's own: the canonical code names */
			enum code_list l = case_fields[col->field].list;

			if ((code = code_find(l, s)) != -1) {
				c->v[col->field] = code;
				return 0;
			}
			buf_adds(&b, "one of ");
			for (int i = 0; i < code_lists[l].count; i++)
				buf_addf(&b, "%s%s", i ? ", " : "",
				    code_lists[l].codes[i].name);
		} else {
			if (vmap_find(col->map, s, &code) == 0) {
				c->v[col->field] = code;
				return 0;
			}
			expected(&b, col->map);
		}
		errlist_add(r->el, line, colno, col->name, "unknown value "
		    "'%s'; expected %s, or '%s' when not recorded", s, b.s,
		    r->def->missing);
		buf_release(&b);
		return -1;
	case COL_COUNTRY: {
		/* a multi-select of countries keeps the first */
		const char	*semi = r->def->country_lists ? strchr(s, ';') :
		    NULL;
		char		*first = semi ? xstrndup(s,
		    (size_t)(semi - s)) : NULL;
		enum country_result cr = country_resolve(first ? first : s,
		    &ct);

		free(first);
		if (cr == COUNTRY_FOUND)
			c->v[col->field] = ct->numeric;
		else if (cr == COUNTRY_UNKNOWN)
			c->v[col->field] = NR;
		else {
			errlist_add(r->el, line, colno, col->name, "unknown "
			    "country '%s'; expected an ISO 3166-1 code or "
			    "name (see 'palermo countries')", s);
			return -1;
		}
		return 0;
	}
	case COL_FLAG:
		if (strcmp(s, r->def->yes) == 0)
			c->v[col->field] = 1;
		else if ((*r->def->no && strcmp(s, r->def->no) == 0) ||
		    is_in(r->def->no_in, s))
			c->v[col->field] = 0;
		else {
			const char *no = *r->def->no || r->def->no_in == NULL ?
			    r->def->no : r->def->no_in[0];

			errlist_add(r->el, line, colno, col->name, "'%s' is not "
			    "a flag; expected %s (yes), %s (no) or '%s' (not "
			    "recorded)", s, r->def->yes, no, r->def->missing);
			return -1;
		}
		return 0;
	case COL_AGE_YEARS:
		if (parse_int(s, 0, 130, &v) == 0)
			c->v[col->field] = age_band_of(v);
		else if (vmap_find(v_age, s, &code) == 0)
			c->v[col->field] = code;
		else {
			errlist_add(r->el, line, colno, col->name, "'%s' is not "
			    "an age in years from 0 to 130", s);
			return -1;
		}
		return 0;
	case COL_MULTI: {
		const char	*p = s;
		int		 rc = 0;

		if (strspn(s, "; \t") == strlen(s))
			return 0;	/* no choice: all stay not recorded */
		for (const struct vmap *m = col->map; m->text; m++)
			c->v[m->code] = 0;
		while (*p) {
			const char	*e = strchr(p, ';');
			size_t		 n = e ? (size_t)(e - p) : strlen(p);
			char		*tok;

			while (n && isspace((unsigned char)*p)) {
				p++;
				n--;
			}
			while (n && isspace((unsigned char)p[n - 1]))
				n--;
			tok = xstrndup(p, n);
			if (*tok && vmap_find(col->map, tok, &code) == 0)
				c->v[code] = 1;
			else if (*tok) {
				expected(&b, col->map);
				errlist_add(r->el, line, colno, col->name,
				    "unknown choice '%s'; expected %s", tok,
				    b.s);
				buf_reset(&b);
				rc = -1;
			}
			free(tok);
			p = e ? e + 1 : p + n;
		}
		buf_release(&b);
		return rc;
	}
	case COL_DERIVED:
		break;
	}
	return 0;
}

int
case_reader_map(struct case_reader *r, const struct csv_record *rec,
    struct case_rec *c)
{
	int	 rc = 0;

	case_clear(c);
	for (size_t i = 0; i < rec->count; i++)
		if (r->bycol[i] != NULL && read_value(r, r->bycol[i],
		    rec->field[i], rec->line, i + 1, c) == -1)
			rc = -1;
	if (r->def->data_source != NR)
		c->v[CF_DATA_SOURCE] = r->def->data_source;
	case_derive(c);
	return rc;
}

int
case_json_map(const char *text, size_t len, unsigned long line,
    int year_max, struct errlist *el, struct case_rec *c)
{
	struct case_reader	 r;
	json_error_t		 jerr;
	json_t			*o;
	const char		*key;
	json_t			*val;
	int			 rc = 0;

	formats_init();
	memset(&r, 0, sizeof(r));
	r.id = FORMAT_JSON;
	r.def = &formats[FORMAT_JSON];
	r.el = el;
	r.year_max = year_max;
	case_clear(c);
	if ((o = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr)) ==
	    NULL) {
		errlist_add(el, line, (unsigned long)jerr.column, NULL,
		    "invalid JSON: %s", jerr.text);
		return -1;
	}
	if (!json_is_object(o)) {
		errlist_add(el, line, 1, NULL, "expected one JSON object per "
		    "line");
		json_decref(o);
		return -1;
	}
	json_object_foreach(o, key, val) {
		int	 f = case_field_find(key);
		char	 num[32];

		if (f == -1) {
			errlist_add(el, line, 0, key, "not a field of a case "
			    "(see docs/formats.md)");
			rc = -1;
			continue;
		}
		if (json_is_null(val))
			continue;
		if (case_fields[f].kind == FK_FLAG) {
			if (!json_is_boolean(val)) {
				errlist_add(el, line, 0, key, "expected true, "
				    "false or null");
				rc = -1;
			} else
				c->v[f] = json_is_true(val);
			continue;
		}
		if (case_fields[f].kind == FK_YEAR && json_is_integer(val)) {
			snprintf(num, sizeof(num), "%lld",
			    (long long)json_integer_value(val));
			if (read_value(&r, &palermo_cols[f], num, line, 0, c)
			    == -1)
				rc = -1;
			continue;
		}
		if (!json_is_string(val) || case_fields[f].kind == FK_YEAR) {
			errlist_add(el, line, 0, key, "expected %s or null",
			    case_fields[f].kind == FK_YEAR ? "a whole number" :
			    "a string");
			rc = -1;
			continue;
		}
		if (json_string_length(val) == 0) {
			errlist_add(el, line, 0, key, "empty string; use null "
			    "when not recorded");
			rc = -1;
		} else if (read_value(&r, &palermo_cols[f],
		    json_string_value(val), line, 0, c) == -1)
			rc = -1;
	}
	json_decref(o);
	case_derive(c);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Writing */

static const int concat_fields[][20] = {
	[D_CONCAT_CONTROL] = { CF_CONTROL_DEBT_BONDAGE,
	    CF_CONTROL_TAKES_EARNINGS, CF_CONTROL_RESTRICTS_FINANCES,
	    CF_CONTROL_THREATS, CF_CONTROL_PSYCHOLOGICAL_ABUSE,
	    CF_CONTROL_PHYSICAL_ABUSE, CF_CONTROL_SEXUAL_ABUSE,
	    CF_CONTROL_FALSE_PROMISES, CF_CONTROL_PSYCHOACTIVE_SUBSTANCES,
	    CF_CONTROL_RESTRICTS_MOVEMENT, CF_CONTROL_RESTRICTS_MEDICAL_CARE,
	    CF_CONTROL_EXCESSIVE_WORKING_HOURS, CF_CONTROL_USES_CHILDREN,
	    CF_CONTROL_THREAT_OF_LAW_ENFORCEMENT,
	    CF_CONTROL_WITHHOLDS_NECESSITIES, CF_CONTROL_WITHHOLDS_DOCUMENTS,
	    CF_CONTROL_OTHER, -1 },
	[D_CONCAT_EXPLOIT] = { CF_EXPLOIT_LABOUR, CF_EXPLOIT_SEXUAL,
	    CF_EXPLOIT_OTHER, CF_EXPLOIT_MARRIAGE, CF_EXPLOIT_MILITARY,
	    CF_EXPLOIT_ORGAN_REMOVAL, CF_EXPLOIT_SLAVERY, -1 },
	[D_CONCAT_LABOUR] = { CF_LABOUR_AGRICULTURE, CF_LABOUR_AQUAFARMING,
	    CF_LABOUR_BEGGING, CF_LABOUR_CONSTRUCTION,
	    CF_LABOUR_DOMESTIC_WORK, CF_LABOUR_HOSPITALITY,
	    CF_LABOUR_ILLICIT_ACTIVITIES, CF_LABOUR_MANUFACTURING,
	    CF_LABOUR_MINING_DRILLING, CF_LABOUR_PEDDLING,
	    CF_LABOUR_TRANSPORTATION, CF_LABOUR_OTHER, -1 },
	[D_CONCAT_SEX] = { CF_SEX_PROSTITUTION, CF_SEX_PORNOGRAPHY,
	    CF_SEX_REMOTE_INTERACTIVE, CF_SEX_PRIVATE_SERVICES, -1 },
	[D_CONCAT_RECRUITER] = { CF_RECRUITER_INTIMATE_PARTNER,
	    CF_RECRUITER_FRIEND, CF_RECRUITER_FAMILY, CF_RECRUITER_OTHER, -1 },
};

static int
label_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The labels of the flags that are yes, in alphabetical order, joined. */
static void
write_derived(const struct format_def *d, enum derived dv,
    const struct case_rec *c, struct buf *out)
{
	const char	*labels[20];
	struct buf	 b = BUF_INIT;
	int		 n = 0;

	if (dv == D_SEX_AND_LABOUR) {
		int	 s = c->v[CF_EXPLOIT_SEXUAL], l = c->v[CF_EXPLOIT_LABOUR];

		buf_adds(out, s == 1 && l == 1 ? d->yes : (s == NR || l == NR) ?
		    d->missing : d->no);
		return;
	}
	for (const int *f = concat_fields[dv]; *f != -1; f++)
		if (c->v[*f] == 1)
			labels[n++] = case_fields[*f].label;
	if (n == 0) {
		buf_adds(out, d->missing);
		return;
	}
	qsort(labels, (size_t)n, sizeof(labels[0]), label_cmp);
	for (int i = 0; i < n; i++)
		buf_addf(&b, "%s%s", i ? ";" : "", labels[i]);
	csv_put(out, b.s, b.len);
	buf_release(&b);
}

/* The first spelling of a code in a value map, or NULL. */
static const char *
vmap_text(const struct vmap *m, int code)
{
	for (; m->text; m++)
		if (m->code == code)
			return m->text;
	return NULL;
}

static void
write_value(const struct format_def *d, const struct col *col,
    const struct case_rec *c, struct buf *out)
{
	const struct country	*ct;
	const char		*t;
	int			 v = col->field >= 0 ? c->v[col->field] : NR;

	switch (col->kind) {
	case COL_DERIVED:
		write_derived(d, col->derived, c, out);
		return;
	case COL_MULTI: {
		int	 n = 0;

		for (const struct vmap *m = col->map; m->text; m++) {
			if (vmap_text(col->map, m->code) != m->text)
				continue;	/* one spelling per flag */
			if (c->v[m->code] == 1)
				buf_addf(out, "%s%s", n++ ? ";" : "", m->text);
		}
		return;
	}
	default:
		break;
	}
	if (v == NR) {
		buf_adds(out, d->missing);
		return;
	}
	switch (col->kind) {
	case COL_YEAR:
	case COL_DATE_YEAR:
		buf_addf(out, "%d", v);
		break;
	case COL_CODE:
		if (col->map == NULL)
			t = code_name(case_fields[col->field].list, v);
		else if ((t = vmap_text(col->map, v)) == NULL)
			t = d->missing;
		csv_put(out, t, strlen(t));
		break;
	case COL_AGE_YEARS:
		buf_adds(out, code_name(CL_AGE_BAND, v));
		break;
	case COL_COUNTRY:
		if ((ct = country_by_numeric(v)) == NULL)
			buf_adds(out, d->missing);
		else
			buf_adds(out, d->country_alpha3 ? ct->alpha3 :
			    ct->alpha2);
		break;
	case COL_FLAG:
		buf_adds(out, v ? d->yes : d->no);
		break;
	default:
		break;
	}
}

void
case_write_header(enum format_id id, struct buf *out)
{
	const struct format_def *d = &formats[id];

	formats_init();
	if (id == FORMAT_JSON)
		return;
	for (int i = 0; i < d->ncols; i++) {
		if (i)
			buf_addc(out, ',');
		buf_adds(out, d->cols[i].name);
	}
	buf_addc(out, '\n');
}

static void
write_json(const struct case_rec *c, struct buf *out)
{
	const struct country	*ct;
	int			 n = 0;

	buf_addc(out, '{');
	for (int f = 0; f < CF__MAX; f++) {
		int	 v = c->v[f];

		if (v == NR)
			continue;
		buf_addf(out, "%s\"%s\":", n++ ? "," : "", case_fields[f].name);
		switch (case_fields[f].kind) {
		case FK_YEAR:
			buf_addf(out, "%d", v);
			break;
		case FK_CODE:
			/* code names and alpha-3 codes are compiled-in ASCII
			 * without quotes or backslashes: nothing to escape */
			buf_addf(out, "\"%s\"",
			    code_name(case_fields[f].list, v));
			break;
		case FK_COUNTRY:
			ct = country_by_numeric(v);
			buf_addf(out, "\"%s\"", ct ? ct->alpha3 : "");
			break;
		case FK_FLAG:
			buf_adds(out, v ? "true" : "false");
			break;
		}
	}
	buf_adds(out, "}\n");
}

void
case_write(enum format_id id, const struct case_rec *c, struct buf *out)
{
	const struct format_def *d = &formats[id];

	formats_init();
	if (id == FORMAT_JSON) {
		write_json(c, out);
		return;
	}
	for (int i = 0; i < d->ncols; i++) {
		if (i)
			buf_addc(out, ',');
		write_value(d, &d->cols[i], c, out);
	}
	buf_addc(out, '\n');
}
