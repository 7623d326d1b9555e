/*
 * test_format.c: the case formats of format.c, read and written.
 *
 * Headers and records are built by hand and mapped with format_detect,
 * case_reader_new and case_reader_map (case_json_map for JSON); the values
 * expected come from the CTDC codebooks (k-anonymised v6 2017, synthetic v2
 * 2024) and the HTCDS 2.0 field list.  Every bad value must be refused with
 * an error naming its line, column and field.  Whole files (the real CTDC
 * sample, round trips) are in test_format_files.c.
 */
#include "unit.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define MAXCOLS		96
#define LINE		7	/* the line of every hand-built record */

#define KANON_HEADER "yearOfRegistration,Datasource,gender,ageBroad," \
	"majorityStatus,majorityStatusAtExploit,majorityEntry,citizenship," \
	"meansOfControlDebtBondage,meansOfControlTakesEarnings," \
	"meansOfControlRestrictsFinancialAccess,meansOfControlThreats," \
	"meansOfControlPsychologicalAbuse,meansOfControlPhysicalAbuse," \
	"meansOfControlSexualAbuse,meansOfControlFalsePromises," \
	"meansOfControlPsychoactiveSubstances," \
	"meansOfControlRestrictsMovement," \
	"meansOfControlRestrictsMedicalCare," \
	"meansOfControlExcessiveWorkingHours,meansOfControlUsesChildren," \
	"meansOfControlThreatOfLawEnforcement," \
	"meansOfControlWithholdsNecessities,meansOfControlWithholdsDocuments," \
	"meansOfControlOther,meansOfControlNotSpecified," \
	"meansOfControlConcatenated,isForcedLabour,isSexualExploit," \
	"isOtherExploit,isSexAndLabour,isForcedMarriage,isForcedMilitary," \
	"isOrganRemoval,isSlaveryAndPractices,typeOfExploitConcatenated," \
	"typeOfLabourAgriculture,typeOfLabourAquafarming,typeOfLabourBegging," \
	"typeOfLabourConstruction,typeOfLabourDomesticWork," \
	"typeOfLabourHospitality,typeOfLabourIllicitActivities," \
	"typeOfLabourManufacturing,typeOfLabourMiningOrDrilling," \
	"typeOfLabourPeddling,typeOfLabourTransportation,typeOfLabourOther," \
	"typeOfLabourNotSpecified,typeOfLabourConcatenated," \
	"typeOfSexProstitution,typeOfSexPornography," \
	"typeOfSexRemoteInteractiveServices,typeOfSexPrivateSexualServices," \
	"typeOfSexConcatenated,isAbduction,RecruiterRelationship," \
	"CountryOfExploitation,recruiterRelationIntimatePartner," \
	"recruiterRelationFriend,recruiterRelationFamily," \
	"recruiterRelationOther,recruiterRelationUnknown"
#define SYNTH_HEADER "yearOfRegistration,gender,ageBroad,citizenship," \
	"CountryOfExploitation,traffickMonths,meansDebtBondageEarnings," \
	"meansThreats,meansAbusePsyPhySex,meansFalsePromises," \
	"meansDrugsAlcohol,meansDenyBasicNeeds,meansExcessiveWorkHours," \
	"meansWithholdDocs,isForcedLabour,isSexualExploit,isOtherExploit," \
	"typeOfLabourAgriculture,typeOfLabourConstruction," \
	"typeOfLabourDomesticWork,typeOfLabourHospitality," \
	"typeOfSexProstitution,typeOfSexPornography," \
	"recruiterRelationIntimatePartner,recruiterRelationFriend," \
	"recruiterRelationFamily,recruiterRelationOther"
#define HTCDS_HEADER "org_Name,CreatedDate,vic_TraffickingStatus,prs_Gender," \
	"vic_AgeWhenTrafficked,prs_Citizenship,vic_LocationOfRecruitment," \
	"vic_LocationOfExploitation,vic_TypeOfExploitation," \
	"vic_ForcedLabourIndustry,vic_TypeOfSexExploitation," \
	"vic_MethodsOfControl,vic_RelationshipToTrafficker"
#define CTDC_SAMPLE "build/data/ctdc/" \
	"ctdc_global_dataset_k11_HEADER_AND_3_SAMPLE_ROWS.csv"

/* A record built by hand; it owns its strings. */
struct row {
	struct csv_record	 r;
	char			*f[MAXCOLS];
	size_t			 len[MAXCOLS];
};

static void
row_put(struct row *w, size_t i, const char *s, size_t n)
{
	free(w->f[i]);
	w->f[i] = xstrndup(s, n);
	w->len[i] = n;
}

/* Split a comma-separated list (no quoting) into a record. */
static void
row_split(struct row *w, const char *s, unsigned long line)
{
	memset(w, 0, sizeof(*w));
	w->r.field = w->f;
	w->r.len = w->len;
	w->r.line = line;
	for (const char *p = s;; ) {
		const char	*e = strchr(p, ',');
		size_t		 n = e ? (size_t)(e - p) : strlen(p);

		assert_true(w->r.count < MAXCOLS);
		row_put(w, w->r.count++, p, n);
		if (e == NULL)
			break;
		p = e + 1;
	}
}

static void
row_free(struct row *w)
{
	for (size_t i = 0; i < w->r.count; i++)
		free(w->f[i]);
	memset(w, 0, sizeof(*w));
}

static size_t
col_index(const struct row *h, const char *name)
{
	for (size_t i = 0; i < h->r.count; i++)
		if (strcmp(h->f[i], name) == 0)
			return i;
	fail_msg("no column %s in the header", name);
	return 0;
}

/*
 * A record for header h: every column fill, then "col=value|col=value".
 * THISYEAR and NEXTYEAR at the start of a value stand for those years.
 */
static void
row_make(struct row *w, const struct row *h, const char *fill,
    const char *sets)
{
	struct buf	 v = BUF_INIT;

	memset(w, 0, sizeof(*w));
	w->r.field = w->f;
	w->r.len = w->len;
	w->r.line = LINE;
	for (size_t i = 0; i < h->r.count; i++)
		row_put(w, w->r.count++, fill, strlen(fill));
	for (const char *p = sets; p && *p; ) {
		const char	*eq = strchr(p, '='), *e = strchr(p, '|');
		size_t		 n = e ? (size_t)(e - eq - 1) : strlen(eq + 1);
		char		*name = xstrndup(p, (size_t)(eq - p));

		buf_reset(&v);
		if (strncmp(eq + 1, "THISYEAR", 8) == 0 ||
		    strncmp(eq + 1, "NEXTYEAR", 8) == 0) {
			buf_addf(&v, "%d", current_year() + (eq[1] == 'N'));
			buf_add(&v, eq + 9, n - 8);
		} else
			buf_add(&v, eq + 1, n);
		row_put(w, col_index(h, name), v.s, v.len);
		free(name);
		p = e ? e + 1 : eq + 1 + n;
	}
	buf_release(&v);
}

static const char *
header_of(enum format_id fmt, struct buf *b)
{
	buf_reset(b);
	switch (fmt) {
	case FORMAT_CTDC_KANON:
		return KANON_HEADER;
	case FORMAT_CTDC_SYNTHETIC:
		return SYNTH_HEADER;
	case FORMAT_HTCDS:
		return HTCDS_HEADER;
	default:
		/* palermo's own: the canonical field names */
		for (int f = 0; f < CF__MAX; f++)
			buf_addf(b, "%s%s", f ? "," : "", case_fields[f].name);
		return b->s;
	}
}

static const char *
fill_of(enum format_id fmt)
{
	return fmt == FORMAT_CTDC_KANON ? "-99" : "";
}

static void
test_detect(void **state)
{
	static const struct {
		const char	*header;
		int		 want;
	} cases[] = {
		{ KANON_HEADER, FORMAT_CTDC_KANON },
		{ SYNTH_HEADER, FORMAT_CTDC_SYNTHETIC },
		{ HTCDS_HEADER, FORMAT_HTCDS },
		{ "year,gender,citizenship,exploit_labour", FORMAT_PALERMO },
		{ "YEAROFREGISTRATION,datasource,Gender,AGEBROAD",
		    FORMAT_CTDC_KANON },
		{ "id,name,value", -1 },
		{ "yearOfRegistration,Datasource", -1 },	/* under 3 */
		{ "gender,ageBroad,citizenship", -1 },	/* kanon or synthetic */
	};
	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		struct row	 h;

		row_split(&h, cases[i].header, 1);
		if (format_detect(&h.r) != cases[i].want)
			fail_msg("header %zu detected as %d, want %d", i,
			    format_detect(&h.r), cases[i].want);
		row_free(&h);
	}
}

/* Header problems: the reader is not made, and the error says why. */
static void
test_header_bad(void **state)
{
	static const struct {
		enum format_id	 fmt;
		const char	*header;
		const char	*want;		/* NULL: accepted */
	} cases[] = {
		{ FORMAT_HTCDS, HTCDS_HEADER ",prs_FirstName",
		    "t.csv:1:14: prs_FirstName: this column identifies" },
		{ FORMAT_HTCDS, "PRS_BIRTHDATE," HTCDS_HEADER,
		    "t.csv:1:1: PRS_BIRTHDATE: this column identifies" },
		{ FORMAT_HTCDS, "CreatedDate,hte_Street",
		    "t.csv:1:2: hte_Street: this column identifies" },
		{ FORMAT_HTCDS, HTCDS_HEADER ",vic_Notes", NULL },
		{ FORMAT_CTDC_KANON, KANON_HEADER ",extra",
		    "t.csv:1:64: extra: not a column of the ctdc-kanon" },
		{ FORMAT_CTDC_KANON, "yearOfRegistration,Datasource,gender",
		    "t.csv:1: ageBroad: column missing" },
		{ FORMAT_CTDC_SYNTHETIC, "yearOfRegistration,gender",
		    "t.csv:1: traffickMonths: column missing" },
		{ FORMAT_PALERMO, "year,gender", NULL },
		{ FORMAT_PALERMO, "year,sex",
		    "t.csv:1:2: sex: not a column of the palermo format" },
	};

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		struct case_reader	*r;
		struct errlist		 el;
		struct row		 h;

		errlist_init(&el, "t.csv");
		row_split(&h, cases[i].header, 1);
		r = case_reader_new(cases[i].fmt, &h.r, &el);
		if (cases[i].want == NULL) {
			if (r == NULL || el.count)
				fail_msg("header %zu refused: %s", i,
				    el.text.s);
		} else if (r != NULL || el.count == 0 ||
		    strstr(el.text.s, cases[i].want) == NULL)
			fail_msg("header %zu: want \"%s\", got \"%s\"", i,
			    cases[i].want, el.text.s);
		case_reader_free(r);
		row_free(&h);
		errlist_release(&el);
	}
}

struct fv {
	int	 f, v;
};
#define W(...)		{ __VA_ARGS__, { -1, 0 } }

static const struct {
	enum format_id	 fmt;
	const char	*set;
	struct fv	 want[12];
} map_cases[] = {
	/* CTDC k-anonymised: -99 is missing, flags 0/1, alpha-2 */
	{ FORMAT_CTDC_KANON, "", W({ CF_GENDER, NR }, { CF_YEAR, NR },
	    { CF_CITIZENSHIP, NR }, { CF_EXPLOIT_LABOUR, NR },
	    { CF_MAJORITY_REGISTRATION, NR }, { CF_DATA_SOURCE, NR }) },
	{ FORMAT_CTDC_KANON, "gender=Female", W({ CF_GENDER, GENDER_FEMALE }) },
	{ FORMAT_CTDC_KANON, "gender=Male", W({ CF_GENDER, GENDER_MALE }) },
	{ FORMAT_CTDC_KANON, "gender=Transgender/NonConforming",
	    W({ CF_GENDER, GENDER_TRANS_OR_NONCONFORMING }) },
	{ FORMAT_CTDC_KANON, "gender=Unknown", W({ CF_GENDER, NR }) },
	{ FORMAT_CTDC_KANON, "ageBroad=18--20", W({ CF_AGE_REGISTRATION,
	    AGE_18_20 }, { CF_MAJORITY_REGISTRATION, MAJORITY_ADULT }) },
	{ FORMAT_CTDC_KANON, "ageBroad=9\xe2\x80\x94" "17",	/* em dash */
	    W({ CF_AGE_REGISTRATION, AGE_9_17 },
	    { CF_MAJORITY_REGISTRATION, MAJORITY_MINOR }) },
	{ FORMAT_CTDC_KANON, "ageBroad=0--8", W({ CF_AGE_REGISTRATION,
	    AGE_0_8 }) },
	{ FORMAT_CTDC_KANON, "ageBroad=48+", W({ CF_AGE_REGISTRATION,
	    AGE_48_PLUS }, { CF_MAJORITY_REGISTRATION, MAJORITY_ADULT }) },
	{ FORMAT_CTDC_KANON, "majorityStatus=Minor|majorityStatusAtExploit="
	    "Adult|majorityEntry=Unknown", W({ CF_MAJORITY_REGISTRATION,
	    MAJORITY_MINOR }, { CF_MAJORITY_EXPLOITATION, MAJORITY_ADULT },
	    { CF_MAJORITY_ENTRY, NR }) },
	{ FORMAT_CTDC_KANON, "Datasource=Case Management",
	    W({ CF_DATA_SOURCE, SOURCE_CASE_MANAGEMENT }) },
	{ FORMAT_CTDC_KANON, "Datasource=Hotline",
	    W({ CF_DATA_SOURCE, SOURCE_HOTLINE }) },
	{ FORMAT_CTDC_KANON, "citizenship=MD|CountryOfExploitation=RU",
	    W({ CF_CITIZENSHIP, 498 }, { CF_COUNTRY_EXPLOITATION, 643 }) },
	{ FORMAT_CTDC_KANON, "citizenship=ZZ", W({ CF_CITIZENSHIP, NR }) },
	{ FORMAT_CTDC_KANON, "yearOfRegistration=2002|isForcedLabour=1|"
	    "isSexualExploit=0|isOrganRemoval=-99", W({ CF_YEAR, 2002 },
	    { CF_EXPLOIT_LABOUR, 1 }, { CF_EXPLOIT_SEXUAL, 0 },
	    { CF_EXPLOIT_ORGAN_REMOVAL, NR }) },
	{ FORMAT_CTDC_KANON, "yearOfRegistration=THISYEAR|isAbduction=1|"
	    "typeOfLabourAgriculture=1|typeOfSexProstitution=0|"
	    "recruiterRelationFriend=1", W({ CF_ABDUCTION, 1 },
	    { CF_LABOUR_AGRICULTURE, 1 }, { CF_SEX_PROSTITUTION, 0 },
	    { CF_RECRUITER_FRIEND, 1 }) },
	{ FORMAT_CTDC_KANON, "meansOfControlDebtBondage=1",
	    W({ CF_CONTROL_DEBT_BONDAGE, 1 }, { CF_CONTROLG_DEBT_EARNINGS,
	    1 }, { CF_CONTROL_TAKES_EARNINGS, NR }) },
	{ FORMAT_CTDC_KANON, "meansOfControlDebtBondage=0|"
	    "meansOfControlTakesEarnings=0", W({ CF_CONTROLG_DEBT_EARNINGS,
	    0 }) },
	/* the concatenated columns are summaries: read, but not used */
	{ FORMAT_CTDC_KANON, "meansOfControlConcatenated=Debt bondage|"
	    "typeOfExploitConcatenated=Sexual exploitation|isSexAndLabour=1",
	    W({ CF_CONTROL_DEBT_BONDAGE, NR }, { CF_EXPLOIT_SEXUAL, NR }) },
	/* CTDC synthetic: empty or NULL missing, alpha-3, merged means */
	{ FORMAT_CTDC_SYNTHETIC, "gender=Man", W({ CF_GENDER, GENDER_MALE }) },
	{ FORMAT_CTDC_SYNTHETIC, "gender=Woman", W({ CF_GENDER,
	    GENDER_FEMALE }) },
	{ FORMAT_CTDC_SYNTHETIC, "gender=Trans/Transgender/NonConforming",
	    W({ CF_GENDER, GENDER_TRANS_OR_NONCONFORMING }) },
	{ FORMAT_CTDC_SYNTHETIC, "gender=NULL|isForcedLabour=NULL",
	    W({ CF_GENDER, NR }, { CF_EXPLOIT_LABOUR, NR }) },
	{ FORMAT_CTDC_SYNTHETIC, "isForcedLabour=1|isSexualExploit=0",
	    W({ CF_EXPLOIT_LABOUR, 1 }, { CF_EXPLOIT_SEXUAL, 0 },
	    { CF_EXPLOIT_OTHER, NR }) },
	{ FORMAT_CTDC_SYNTHETIC, "meansDebtBondageEarnings=1",
	    W({ CF_CONTROLG_DEBT_EARNINGS, 1 }, { CF_CONTROL_DEBT_BONDAGE, NR },
	    { CF_CONTROL_TAKES_EARNINGS, NR }, { CF_CONTROLG_THREATS, NR }) },
	{ FORMAT_CTDC_SYNTHETIC, "meansThreats=1|meansAbusePsyPhySex=1|"
	    "meansDenyBasicNeeds=1|meansWithholdDocs=1", W({
	    CF_CONTROLG_THREATS, 1 }, { CF_CONTROLG_ABUSE, 1 },
	    { CF_CONTROLG_DENY_NEEDS, 1 }, { CF_CONTROL_WITHHOLDS_DOCUMENTS,
	    1 }) },
	{ FORMAT_CTDC_SYNTHETIC, "traffickMonths=13--24", W({ CF_DURATION,
	    DURATION_13_24 }) },
	{ FORMAT_CTDC_SYNTHETIC, "traffickMonths=0\xe2\x80\x94" "12",
	    W({ CF_DURATION, DURATION_0_12 }) },
	{ FORMAT_CTDC_SYNTHETIC, "traffickMonths=25+", W({ CF_DURATION,
	    DURATION_25_PLUS }) },
	{ FORMAT_CTDC_SYNTHETIC, "citizenship=UKR|CountryOfExploitation=RUS|"
	    "ageBroad=30--38", W({ CF_CITIZENSHIP, 804 },
	    { CF_COUNTRY_EXPLOITATION, 643 }, { CF_AGE_REGISTRATION,
	    AGE_30_38 }, { CF_DATA_SOURCE, NR }) },
	/* HTCDS: multi-selects, ages in years, every case is case data */
	{ FORMAT_HTCDS, "vic_TypeOfExploitation=ForcedLabour;OrganRemoval",
	    W({ CF_EXPLOIT_LABOUR, 1 }, { CF_EXPLOIT_ORGAN_REMOVAL, 1 },
	    { CF_EXPLOIT_SEXUAL, 0 }, { CF_EXPLOIT_MARRIAGE, 0 },
	    { CF_EXPLOIT_MILITARY, 0 }, { CF_EXPLOIT_SLAVERY, 0 },
	    { CF_EXPLOIT_CRIMINALITY, 0 }, { CF_EXPLOIT_BEGGING, 0 },
	    { CF_EXPLOIT_OTHER, 0 }, { CF_DATA_SOURCE,
	    SOURCE_CASE_MANAGEMENT }) },
	{ FORMAT_HTCDS, "vic_TypeOfExploitation=", W({ CF_EXPLOIT_LABOUR, NR },
	    { CF_EXPLOIT_SEXUAL, NR }, { CF_EXPLOIT_ORGAN_REMOVAL, NR },
	    { CF_EXPLOIT_OTHER, NR }, { CF_EXPLOIT_CRIMINALITY, NR }) },
	{ FORMAT_HTCDS, "vic_TypeOfExploitation=ForcedCriminality",
	    W({ CF_EXPLOIT_CRIMINALITY, 1 }, { CF_EXPLOIT_LABOUR, 0 }) },
	{ FORMAT_HTCDS, "vic_TypeOfExploitation= SexualExploitation ; "
	    "Servitude ;ForcedMilitaryByNonStateActors", W({
	    CF_EXPLOIT_SEXUAL, 1 }, { CF_EXPLOIT_SLAVERY, 1 },
	    { CF_EXPLOIT_MILITARY, 1 }, { CF_EXPLOIT_BEGGING, 0 }) },
	{ FORMAT_HTCDS, "vic_AgeWhenTrafficked=16", W({ CF_AGE_EXPLOITATION,
	    AGE_9_17 }, { CF_MAJORITY_EXPLOITATION, MAJORITY_MINOR },
	    { CF_AGE_REGISTRATION, NR }, { CF_MAJORITY_REGISTRATION, NR }) },
	{ FORMAT_HTCDS, "vic_AgeWhenTrafficked=17", W({ CF_AGE_EXPLOITATION,
	    AGE_9_17 }, { CF_MAJORITY_EXPLOITATION, MAJORITY_MINOR }) },
	{ FORMAT_HTCDS, "vic_AgeWhenTrafficked=18", W({ CF_AGE_EXPLOITATION,
	    AGE_18_20 }, { CF_MAJORITY_EXPLOITATION, MAJORITY_ADULT }) },
	{ FORMAT_HTCDS, "vic_AgeWhenTrafficked=0", W({ CF_AGE_EXPLOITATION,
	    AGE_0_8 }) },
	{ FORMAT_HTCDS, "vic_AgeWhenTrafficked=8", W({ CF_AGE_EXPLOITATION,
	    AGE_0_8 }) },
	{ FORMAT_HTCDS, "vic_AgeWhenTrafficked=48", W({ CF_AGE_EXPLOITATION,
	    AGE_48_PLUS }) },
#define G(s, g)	{ FORMAT_HTCDS, "prs_Gender=" s, W({ CF_GENDER, g }) }
	G("Feminine", GENDER_FEMALE), G("Masculine", GENDER_MALE),
	G("TransgenderFeminine", GENDER_TRANS_FEMALE),
	G("TransgenderMasculine", GENDER_TRANS_MALE),
	G("NonConforming", GENDER_NONCONFORMING),
	G("NonSpecifiedUnknown", NR),
#undef G
	{ FORMAT_HTCDS, "vic_TraffickingStatus=PossibleVictimOfTrafficking",
	    W({ CF_STATUS, STATUS_POSSIBLE }) },
	{ FORMAT_HTCDS, "vic_TraffickingStatus=NotAVictimOfTrafficking",
	    W({ CF_STATUS, STATUS_NOT_VICTIM }) },
	{ FORMAT_HTCDS, "CreatedDate=2019-05-03", W({ CF_YEAR, 2019 }) },
	{ FORMAT_HTCDS, "CreatedDate=2019-05-03T10:11:12Z", W({ CF_YEAR,
	    2019 }) },
	{ FORMAT_HTCDS, "CreatedDate=2019", W({ CF_YEAR, 2019 }) },
	/* the last day of each short month, and of February in leap years */
	{ FORMAT_HTCDS, "CreatedDate=2018-02-28", W({ CF_YEAR, 2018 }) },
	{ FORMAT_HTCDS, "CreatedDate=2020-02-29", W({ CF_YEAR, 2020 }) },
	{ FORMAT_HTCDS, "CreatedDate=2000-02-29", W({ CF_YEAR, 2000 }) },
	{ FORMAT_HTCDS, "CreatedDate=2018-04-30", W({ CF_YEAR, 2018 }) },
	{ FORMAT_HTCDS, "CreatedDate=2018-12-31", W({ CF_YEAR, 2018 }) },
	{ FORMAT_HTCDS, "prs_Citizenship=MD;RO;UA", W({ CF_CITIZENSHIP, 498 }) },
	{ FORMAT_HTCDS, "prs_Citizenship=MD;RO|vic_LocationOfRecruitment=MD|"
	    "vic_LocationOfExploitation=TR", W({ CF_CITIZENSHIP, 498 },
	    { CF_COUNTRY_RECRUITMENT, 498 }, { CF_COUNTRY_EXPLOITATION,
	    792 }) },
	{ FORMAT_HTCDS, "vic_MethodsOfControl=DebtBondage;TakesEarnings",
	    W({ CF_CONTROL_DEBT_BONDAGE, 1 }, { CF_CONTROL_TAKES_EARNINGS,
	    1 }, { CF_CONTROLG_DEBT_EARNINGS, 1 }, { CF_CONTROL_THREATS, 0 },
	    { CF_CONTROL_OTHER, 0 }) },
	{ FORMAT_HTCDS, "vic_RelationshipToTrafficker=Unaquainted",
	    W({ CF_RECRUITER_OTHER, 1 }, { CF_RECRUITER_FAMILY, 0 },
	    { CF_RECRUITER_FRIEND, 0 }) },
	{ FORMAT_HTCDS, "vic_ForcedLabourIndustry="
	    "A_AgricultureForestryAndFishing|vic_TypeOfSexExploitation="
	    "Pornography", W({ CF_LABOUR_AGRICULTURE, 1 },
	    { CF_LABOUR_CONSTRUCTION, 0 }, { CF_SEX_PORNOGRAPHY, 1 },
	    { CF_SEX_PROSTITUTION, 0 }) },
	/* palermo's own CSV: canonical names */
	{ FORMAT_PALERMO, "year=2015|gender=trans_male|citizenship=MDA|"
	    "exploit_labour=1|exploit_sexual=0|duration=25+|"
	    "age_registration=9-17|trafficking_status=actual", W({ CF_YEAR,
	    2015 }, { CF_GENDER, GENDER_TRANS_MALE }, { CF_CITIZENSHIP, 498 },
	    { CF_EXPLOIT_LABOUR, 1 }, { CF_EXPLOIT_SEXUAL, 0 },
	    { CF_EXPLOIT_OTHER, NR }, { CF_DURATION, DURATION_25_PLUS },
	    { CF_AGE_REGISTRATION, AGE_9_17 }, { CF_MAJORITY_REGISTRATION,
	    MAJORITY_MINOR }, { CF_STATUS, STATUS_ACTUAL }) },
};

static void
check_fields(const char *what, const struct case_rec *c, const struct fv *w)
{
	for (; w->f != -1; w++)
		if (c->v[w->f] != w->v)
			fail_msg("%s: %s is %d, want %d", what,
			    case_fields[w->f].name, c->v[w->f], w->v);
}

static void
test_map(void **state)
{
	struct buf	 hb = BUF_INIT;

	(void)state;
	for (size_t i = 0; i < NELEM(map_cases); i++) {
		enum format_id		 fmt = map_cases[i].fmt;
		struct case_reader	*r;
		struct case_rec		 c;
		struct errlist		 el;
		struct row		 h, d;

		errlist_init(&el, "t.csv");
		row_split(&h, header_of(fmt, &hb), 1);
		assert_int_equal(format_detect(&h.r), fmt);
		r = case_reader_new(fmt, &h.r, &el);
		if (r == NULL)
			fail_msg("%s", el.text.s);
		row_make(&d, &h, fill_of(fmt), map_cases[i].set);
		if (case_reader_map(r, &d.r, &c) != 0 || el.count)
			fail_msg("%s: %s", map_cases[i].set, el.text.s);
		check_fields(map_cases[i].set, &c, map_cases[i].want);
		case_reader_free(r);
		row_free(&h);
		row_free(&d);
		errlist_release(&el);
	}
	buf_release(&hb);
}

/* Each bad value: -1, one error "t.csv:7:COL: NAME: ..." with a word. */
static void
test_map_bad(void **state)
{
	static const struct {
		enum format_id	 fmt;
		const char	*set;		/* one "col=value" */
		const char	*word;
	} cases[] = {
		{ FORMAT_CTDC_KANON, "yearOfRegistration=1899",
		    "from 1900 to" },
		{ FORMAT_CTDC_KANON, "yearOfRegistration=NEXTYEAR",
		    "from 1900 to" },
		{ FORMAT_CTDC_KANON, "yearOfRegistration=20x1",
		    "from 1900 to" },
		{ FORMAT_CTDC_KANON, "yearOfRegistration=2002.0",
		    "from 1900 to" },
		{ FORMAT_CTDC_KANON, "gender=Woman", "unknown value 'Woman'" },
		{ FORMAT_CTDC_KANON, "ageBroad=18-21", "unknown value" },
		{ FORMAT_CTDC_KANON, "Datasource=Email", "unknown value" },
		{ FORMAT_CTDC_KANON, "majorityStatus=Child", "unknown value" },
		{ FORMAT_CTDC_KANON, "isForcedLabour=2", "'2' is not a flag" },
		{ FORMAT_CTDC_KANON, "isForcedLabour=yes",
		    "'yes' is not a flag" },
		{ FORMAT_CTDC_KANON, "isAbduction=-1", "not a flag" },
		{ FORMAT_CTDC_KANON, "meansOfControlOther=NULL", "not a flag" },
		{ FORMAT_CTDC_KANON, "citizenship=QQ", "unknown country 'QQ'" },
		{ FORMAT_CTDC_KANON, "CountryOfExploitation=Atlantis",
		    "unknown country" },
		{ FORMAT_CTDC_SYNTHETIC, "yearOfRegistration=1899",
		    "from 1900 to" },
		{ FORMAT_CTDC_SYNTHETIC, "gender=Female", "unknown value" },
		{ FORMAT_CTDC_SYNTHETIC, "traffickMonths=12", "unknown value" },
		{ FORMAT_CTDC_SYNTHETIC, "isForcedLabour=yes", "not a flag" },
		{ FORMAT_CTDC_SYNTHETIC, "meansThreats=-99", "not a flag" },
		{ FORMAT_CTDC_SYNTHETIC, "citizenship=QQQ", "unknown country" },
		{ FORMAT_HTCDS, "CreatedDate=1899-12-31", "from 1900 to" },
		{ FORMAT_HTCDS, "CreatedDate=NEXTYEAR-01-01", "from 1900 to" },
		{ FORMAT_HTCDS, "CreatedDate=2019-13-01", "from 1900 to" },
		{ FORMAT_HTCDS, "CreatedDate=2019-00-10", "from 1900 to" },
		{ FORMAT_HTCDS, "CreatedDate=2018-02-99", "from 1900 to" },
		{ FORMAT_HTCDS, "CreatedDate=2018-02-29", "from 1900 to" },
		{ FORMAT_HTCDS, "CreatedDate=1900-02-29", "from 1900 to" },
		{ FORMAT_HTCDS, "CreatedDate=2018-04-31", "from 1900 to" },
		{ FORMAT_HTCDS, "CreatedDate=2018-12-32", "from 1900 to" },
		{ FORMAT_HTCDS, "CreatedDate=2018-12-00", "from 1900 to" },
		{ FORMAT_HTCDS, "CreatedDate=20x1-01-01", "from 1900 to" },
		{ FORMAT_HTCDS, "prs_Gender=Female", "unknown value 'Female'" },
		{ FORMAT_HTCDS, "vic_TraffickingStatus=Victim",
		    "unknown value" },
		{ FORMAT_HTCDS, "vic_TypeOfExploitation=ForcedLabour;Fishing",
		    "unknown choice 'Fishing'" },
		{ FORMAT_HTCDS, "vic_MethodsOfControl=DebtSlavery",
		    "unknown choice" },
		{ FORMAT_HTCDS, "vic_AgeWhenTrafficked=131", "not an age" },
		{ FORMAT_HTCDS, "vic_AgeWhenTrafficked=-1", "not an age" },
		{ FORMAT_HTCDS, "vic_AgeWhenTrafficked=sixteen", "not an age" },
		{ FORMAT_HTCDS, "prs_Citizenship=QQ", "unknown country" },
		{ FORMAT_PALERMO, "year=1899", "from 1900 to" },
		{ FORMAT_PALERMO, "gender=Female", "unknown value" },
		{ FORMAT_PALERMO, "age_registration=18--20", "unknown value" },
		{ FORMAT_PALERMO, "exploit_labour=yes", "not a flag" },
		{ FORMAT_PALERMO, "citizenship=QQ", "unknown country" },
	};
	struct buf	 hb = BUF_INIT, where = BUF_INIT;

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		enum format_id		 fmt = cases[i].fmt;
		struct case_reader	*r;
		struct case_rec		 c;
		struct errlist		 el;
		struct row		 h, d;
		char			*name;

		errlist_init(&el, "t.csv");
		row_split(&h, header_of(fmt, &hb), 1);
		r = case_reader_new(fmt, &h.r, &el);
		assert_non_null(r);
		row_make(&d, &h, fill_of(fmt), cases[i].set);
		name = xstrndup(cases[i].set, strcspn(cases[i].set, "="));
		buf_reset(&where);
		buf_addf(&where, "t.csv:%d:%zu: %s: ", LINE,
		    col_index(&h, name) + 1, name);
		if (case_reader_map(r, &d.r, &c) != -1 || el.count != 1 ||
		    strncmp(el.text.s, where.s, where.len) != 0 ||
		    strstr(el.text.s, cases[i].word) == NULL)
			fail_msg("%s: want \"%s...%s\", got \"%s\"",
			    cases[i].set, where.s, cases[i].word, el.text.s);
		free(name);
		case_reader_free(r);
		row_free(&h);
		row_free(&d);
		errlist_release(&el);
	}
	buf_release(&hb);
	buf_release(&where);
}

static void
test_json(void **state)
{
	static const struct {
		const char	*text;
		const char	*err;		/* NULL: accepted */
		struct fv	 want[10];
	} cases[] = {
		{ "{\"year\":2015,\"gender\":\"female\","
		    "\"citizenship\":\"MDA\","
		    "\"exploit_labour\":true,\"exploit_sexual\":false,"
		    "\"age_registration\":\"9-17\",\"duration\":\"25+\"}", NULL,
		    W({ CF_YEAR, 2015 }, { CF_GENDER, GENDER_FEMALE },
		    { CF_CITIZENSHIP, 498 }, { CF_EXPLOIT_LABOUR, 1 },
		    { CF_EXPLOIT_SEXUAL, 0 }, { CF_AGE_REGISTRATION, AGE_9_17 },
		    { CF_MAJORITY_REGISTRATION, MAJORITY_MINOR },
		    { CF_DURATION, DURATION_25_PLUS }, { CF_STATUS, NR }) },
		{ "{\"gender\":null,\"citizenship\":\"MD\"}", NULL,
		    W({ CF_GENDER, NR }, { CF_CITIZENSHIP, 498 }) },
		{ "{}", NULL, W({ CF_YEAR, NR }, { CF_ABDUCTION, NR }) },
		{ "{\"year\":\"2015\"}", "year: expected a whole number", W(
		    { CF_YEAR, NR }) },
		{ "{\"year\":1899}", "year: '1899' is not a", W(
		    { CF_YEAR, NR }) },
		{ "{\"year\":2015.5}", "year: expected a whole number", W(
		    { CF_YEAR, NR }) },
		{ "{\"exploit_labour\":1}", "exploit_labour: expected true, "
		    "false or null", W({ CF_EXPLOIT_LABOUR, NR }) },
		{ "{\"gender\":\"Female\"}", "gender: unknown value", W(
		    { CF_GENDER, NR }) },
		{ "{\"gender\":1}", "gender: expected a string", W(
		    { CF_GENDER, NR }) },
		{ "{\"gender\":\"\"}", "gender: empty string", W(
		    { CF_GENDER, NR }) },
		{ "{\"citizenship\":\"QQ\"}", "citizenship: unknown country",
		    W({ CF_CITIZENSHIP, NR }) },
		{ "{\"name\":\"x\"}", "name: not a field", W({ CF_YEAR, NR }) },
		{ "[1,2]", "one JSON object per line", W({ CF_YEAR, NR }) },
		{ "{\"year\":2015", "invalid JSON", W({ CF_YEAR, NR }) },
		{ "{\"year\":2015,\"year\":2016}", "invalid JSON", W(
		    { CF_YEAR, NR }) },
	};

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		struct errlist	 el;
		struct case_rec	 c;
		int		 rc;

		errlist_init(&el, "j.json");
		rc = case_json_map(cases[i].text, strlen(cases[i].text), 3,
		    current_year(), &el, &c);
		if (cases[i].err == NULL) {
			if (rc != 0 || el.count)
				fail_msg("%s: %s", cases[i].text, el.text.s);
		} else if (rc != -1 || el.count != 1 ||
		    strncmp(el.text.s, "j.json:3:", 9) != 0 ||
		    strstr(el.text.s, cases[i].err) == NULL)
			fail_msg("%s: want \"%s\", got \"%s\"", cases[i].text,
			    cases[i].err, el.text.s);
		check_fields(cases[i].text, &c, cases[i].want);
		errlist_release(&el);
	}
}

/* What palermo writes as a CTDC header is the codebook's list. */
static void
test_write_header(void **state)
{
	static const struct {
		enum format_id	 fmt;
		const char	*want;
	} cases[] = {
		{ FORMAT_CTDC_KANON, KANON_HEADER "\n" },
		{ FORMAT_CTDC_SYNTHETIC, SYNTH_HEADER "\n" },
		{ FORMAT_JSON, "" },
	};
	struct buf	 b = BUF_INIT;

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		buf_reset(&b);
		case_write_header(cases[i].fmt, &b);
		assert_string_equal(b.s, cases[i].want);
	}
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_header_bad),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_map_bad),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_write_header),
	};

	return cmocka_run_group_tests_name("format", tests, NULL, NULL);
}
