/*
 * test_format_files.c: whole files through the formats of format.c.
 *
 * The three real rows of the CTDC k-anonymised (k11) sample are read with
 * csv_read and the kanon reader and checked column by column against what
 * the CTDC codebook (v6, 2017) says each value means.  Then 2000 generated
 * cases (sample_case, fixed seed) are written in every format and read
 * back: palermo's CSV and JSON must give the same records; the CTDC and
 * HTCDS formats must keep what their codebooks carry and be stable on a
 * second trip.
 */
#include "unit.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define MAXCOLS		96
#define NCASES		2000
#define CTDC_SAMPLE "build/data/ctdc/" \
	"ctdc_global_dataset_k11_HEADER_AND_3_SAMPLE_ROWS.csv"

/* ---------------------------------------------------------------------- */
/* The real CTDC k11 sample, against the codebook (v6, 2017). */

enum ck { CK_YEAR, CK_SOURCE, CK_GENDER, CK_AGE, CK_MAJ, CK_COUNTRY,
    CK_FLAG, CK_SUMMARY };

static const struct {
	const char	*col;
	enum ck		 kind;
	int		 field;
} codebook[] = {
	{ "yearOfRegistration", CK_YEAR, CF_YEAR },
	{ "Datasource", CK_SOURCE, CF_DATA_SOURCE },
	{ "gender", CK_GENDER, CF_GENDER },
	{ "ageBroad", CK_AGE, CF_AGE_REGISTRATION },
	{ "majorityStatus", CK_MAJ, CF_MAJORITY_REGISTRATION },
	{ "majorityStatusAtExploit", CK_MAJ, CF_MAJORITY_EXPLOITATION },
	{ "majorityEntry", CK_MAJ, CF_MAJORITY_ENTRY },
	{ "citizenship", CK_COUNTRY, CF_CITIZENSHIP },
	{ "CountryOfExploitation", CK_COUNTRY, CF_COUNTRY_EXPLOITATION },
	{ "meansOfControlDebtBondage", CK_FLAG, CF_CONTROL_DEBT_BONDAGE },
	{ "meansOfControlTakesEarnings", CK_FLAG, CF_CONTROL_TAKES_EARNINGS },
	{ "meansOfControlRestrictsFinancialAccess", CK_FLAG,
	    CF_CONTROL_RESTRICTS_FINANCES },
	{ "meansOfControlThreats", CK_FLAG, CF_CONTROL_THREATS },
	{ "meansOfControlPsychologicalAbuse", CK_FLAG,
	    CF_CONTROL_PSYCHOLOGICAL_ABUSE },
	{ "meansOfControlPhysicalAbuse", CK_FLAG, CF_CONTROL_PHYSICAL_ABUSE },
	{ "meansOfControlSexualAbuse", CK_FLAG, CF_CONTROL_SEXUAL_ABUSE },
	{ "meansOfControlFalsePromises", CK_FLAG, CF_CONTROL_FALSE_PROMISES },
	{ "meansOfControlPsychoactiveSubstances", CK_FLAG,
	    CF_CONTROL_PSYCHOACTIVE_SUBSTANCES },
	{ "meansOfControlRestrictsMovement", CK_FLAG,
	    CF_CONTROL_RESTRICTS_MOVEMENT },
	{ "meansOfControlRestrictsMedicalCare", CK_FLAG,
	    CF_CONTROL_RESTRICTS_MEDICAL_CARE },
	{ "meansOfControlExcessiveWorkingHours", CK_FLAG,
	    CF_CONTROL_EXCESSIVE_WORKING_HOURS },
	{ "meansOfControlUsesChildren", CK_FLAG, CF_CONTROL_USES_CHILDREN },
	{ "meansOfControlThreatOfLawEnforcement", CK_FLAG,
	    CF_CONTROL_THREAT_OF_LAW_ENFORCEMENT },
	{ "meansOfControlWithholdsNecessities", CK_FLAG,
	    CF_CONTROL_WITHHOLDS_NECESSITIES },
	{ "meansOfControlWithholdsDocuments", CK_FLAG,
	    CF_CONTROL_WITHHOLDS_DOCUMENTS },
	{ "meansOfControlOther", CK_FLAG, CF_CONTROL_OTHER },
	{ "meansOfControlNotSpecified", CK_FLAG, CF_CONTROL_NOT_SPECIFIED },
	{ "isForcedLabour", CK_FLAG, CF_EXPLOIT_LABOUR },
	{ "isSexualExploit", CK_FLAG, CF_EXPLOIT_SEXUAL },
	{ "isOtherExploit", CK_FLAG, CF_EXPLOIT_OTHER },
	{ "isForcedMarriage", CK_FLAG, CF_EXPLOIT_MARRIAGE },
	{ "isForcedMilitary", CK_FLAG, CF_EXPLOIT_MILITARY },
	{ "isOrganRemoval", CK_FLAG, CF_EXPLOIT_ORGAN_REMOVAL },
	{ "isSlaveryAndPractices", CK_FLAG, CF_EXPLOIT_SLAVERY },
	{ "typeOfLabourAgriculture", CK_FLAG, CF_LABOUR_AGRICULTURE },
	{ "typeOfLabourAquafarming", CK_FLAG, CF_LABOUR_AQUAFARMING },
	{ "typeOfLabourBegging", CK_FLAG, CF_LABOUR_BEGGING },
	{ "typeOfLabourConstruction", CK_FLAG, CF_LABOUR_CONSTRUCTION },
	{ "typeOfLabourDomesticWork", CK_FLAG, CF_LABOUR_DOMESTIC_WORK },
	{ "typeOfLabourHospitality", CK_FLAG, CF_LABOUR_HOSPITALITY },
	{ "typeOfLabourIllicitActivities", CK_FLAG,
	    CF_LABOUR_ILLICIT_ACTIVITIES },
	{ "typeOfLabourManufacturing", CK_FLAG, CF_LABOUR_MANUFACTURING },
	{ "typeOfLabourMiningOrDrilling", CK_FLAG, CF_LABOUR_MINING_DRILLING },
	{ "typeOfLabourPeddling", CK_FLAG, CF_LABOUR_PEDDLING },
	{ "typeOfLabourTransportation", CK_FLAG, CF_LABOUR_TRANSPORTATION },
	{ "typeOfLabourOther", CK_FLAG, CF_LABOUR_OTHER },
	{ "typeOfLabourNotSpecified", CK_FLAG, CF_LABOUR_NOT_SPECIFIED },
	{ "typeOfSexProstitution", CK_FLAG, CF_SEX_PROSTITUTION },
	{ "typeOfSexPornography", CK_FLAG, CF_SEX_PORNOGRAPHY },
	{ "typeOfSexRemoteInteractiveServices", CK_FLAG,
	    CF_SEX_REMOTE_INTERACTIVE },
	{ "typeOfSexPrivateSexualServices", CK_FLAG, CF_SEX_PRIVATE_SERVICES },
	{ "isAbduction", CK_FLAG, CF_ABDUCTION },
	{ "recruiterRelationIntimatePartner", CK_FLAG,
	    CF_RECRUITER_INTIMATE_PARTNER },
	{ "recruiterRelationFriend", CK_FLAG, CF_RECRUITER_FRIEND },
	{ "recruiterRelationFamily", CK_FLAG, CF_RECRUITER_FAMILY },
	{ "recruiterRelationOther", CK_FLAG, CF_RECRUITER_OTHER },
	{ "recruiterRelationUnknown", CK_FLAG, CF_RECRUITER_UNKNOWN },
	{ "meansOfControlConcatenated", CK_SUMMARY, -1 },
	{ "isSexAndLabour", CK_SUMMARY, -1 },
	{ "typeOfExploitConcatenated", CK_SUMMARY, -1 },
	{ "typeOfLabourConcatenated", CK_SUMMARY, -1 },
	{ "typeOfSexConcatenated", CK_SUMMARY, -1 },
	{ "RecruiterRelationship", CK_SUMMARY, -1 },
};

/* What the codebook says a value means, for the palermo field. */
static int
codebook_value(enum ck kind, const char *s)
{
	static const char *const genders[] = { [GENDER_FEMALE] = "Female",
	    [GENDER_MALE] = "Male", [GENDER_TRANS_OR_NONCONFORMING] =
	    "Transgender/NonConforming" };
	static const char *const ages[] = { "0--8", "9--17", "18--20",
	    "21--23", "24--26", "27--29", "30--38", "39--47", "48+" };
	static const struct { const char *a2; int num; } iso[] = {
		{ "CO", 170 }, { "MD", 498 }, { "US", 840 }, { "UA", 804 },
	};
	long long	 v;

	if (strcmp(s, "-99") == 0 || strcmp(s, "Unknown") == 0 ||
	    strcmp(s, "ZZ") == 0)
		return NR;
	switch (kind) {
	case CK_YEAR:
		assert_int_equal(parse_int(s, 2002, 2017, &v), 0);
		return (int)v;
	case CK_FLAG:
		assert_int_equal(parse_int(s, 0, 1, &v), 0);
		return (int)v;
	case CK_SOURCE:
		return strcmp(s, "Hotline") == 0 ? SOURCE_HOTLINE :
		    str_eqi(s, "Case management") ? SOURCE_CASE_MANAGEMENT :
		    -3;
	case CK_MAJ:
		return strcmp(s, "Minor") == 0 ? MAJORITY_MINOR :
		    strcmp(s, "Adult") == 0 ? MAJORITY_ADULT : -3;
	case CK_GENDER:
		for (size_t i = 0; i < NELEM(genders); i++)
			if (genders[i] && strcmp(s, genders[i]) == 0)
				return (int)i;
		return -3;
	case CK_AGE:
		for (size_t i = 0; i < NELEM(ages); i++)
			if (strcmp(s, ages[i]) == 0)
				return (int)i;
		return -3;
	case CK_COUNTRY:
		for (size_t i = 0; i < NELEM(iso); i++)
			if (strcmp(s, iso[i].a2) == 0)
				return iso[i].num;
		fail_msg("add %s to the ISO table of this test", s);
		return -3;
	case CK_SUMMARY:
		break;
	}
	return -3;
}

struct sample_read {
	struct case_reader	*r;
	struct errlist		 el;
	int			 kind[MAXCOLS];
	int			 field[MAXCOLS];
	int			 nrec;
};

static int
sample_row(const struct csv_record *rec, void *arg)
{
	struct sample_read	*s = arg;
	struct case_rec		 c;

	if (rec->line == 1) {
		assert_true(rec->count <= MAXCOLS);
		assert_int_equal(format_detect(rec), FORMAT_CTDC_KANON);
		s->r = case_reader_new(FORMAT_CTDC_KANON, rec, &s->el);
		assert_non_null(s->r);
		for (size_t i = 0; i < rec->count; i++) {
			size_t	 k;

			for (k = 0; k < NELEM(codebook); k++)
				if (strcmp(codebook[k].col, rec->field[i]) == 0)
					break;
			if (k == NELEM(codebook))
				fail_msg("column %s is not in the codebook",
				    rec->field[i]);
			s->kind[i] = (int)codebook[k].kind;
			s->field[i] = codebook[k].field;
		}
		return 0;
	}
	s->nrec++;
	if (case_reader_map(s->r, rec, &c) != 0)
		fail_msg("%s", s->el.text.s);
	for (size_t i = 0; i < rec->count; i++) {
		int	 want;

		if (s->kind[i] == CK_SUMMARY)
			continue;
		want = codebook_value(s->kind[i], rec->field[i]);
		/* "Minor: any person under the age of 18" follows from a
		 * known age band */
		if (s->field[i] == CF_MAJORITY_REGISTRATION && want == NR &&
		    c.v[CF_AGE_REGISTRATION] != NR)
			want = c.v[CF_AGE_REGISTRATION] <= AGE_9_17 ?
			    MAJORITY_MINOR : MAJORITY_ADULT;
		if (c.v[s->field[i]] != want)
			fail_msg("line %lu: %s '%s' gave %d, the codebook "
			    "says %d", rec->line, case_fields[s->field[i]].name,
			    rec->field[i], c.v[s->field[i]], want);
	}
	return 0;
}

static void
test_ctdc_sample(void **state)
{
	struct sample_read	 s;
	struct buf		 hdr = BUF_INIT;
	char			 line[4096];
	FILE			*fp;

	(void)state;
	if ((fp = fopen(CTDC_SAMPLE, "r")) == NULL)
		fail_msg("%s is missing", CTDC_SAMPLE);
	memset(&s, 0, sizeof(s));
	errlist_init(&s.el, "k11.csv");
	assert_int_equal(csv_read(fp, "k11.csv", sample_row, &s, &s.el, NULL),
	    0);
	assert_int_equal(s.nrec, 3);
	/* what palermo writes as a kanon header is the file's own */
	rewind(fp);
	assert_non_null(fgets(line, sizeof(line), fp));
	case_write_header(FORMAT_CTDC_KANON, &hdr);
	assert_string_equal(hdr.s, line);
	fclose(fp);
	buf_release(&hdr);
	case_reader_free(s.r);
	errlist_release(&s.el);
}

/* ---------------------------------------------------------------------- */
/* Round trips of generated cases. */

struct back {
	enum format_id		 fmt;
	struct case_reader	*r;
	struct errlist		 el;
	struct case_rec		*out;
	size_t			 n;
};

static int
back_row(const struct csv_record *rec, void *arg)
{
	struct back	*b = arg;

	if (b->r == NULL) {
		assert_int_equal(format_detect(rec), b->fmt);
		b->r = case_reader_new(b->fmt, rec, &b->el);
		assert_non_null(b->r);
		return 0;
	}
	assert_true(b->n < NCASES);
	if (case_reader_map(b->r, rec, &b->out[b->n++]) != 0)
		fail_msg("%s: %s", format_names[b->fmt], b->el.text.s);
	return 0;
}

/* Write the cases in a format and read them back. */
static void
trip(enum format_id fmt, const struct case_rec *in, struct case_rec *out)
{
	struct back	 b = { .fmt = fmt, .out = out };
	struct buf	 text = BUF_INIT;
	FILE		*fp;

	errlist_init(&b.el, "trip");
	case_write_header(fmt, &text);
	for (size_t i = 0; i < NCASES; i++)
		case_write(fmt, &in[i], &text);
	if (fmt == FORMAT_JSON) {
		const char	*p = text.s, *nl;

		while ((nl = strchr(p, '\n')) != NULL) {
			assert_true(b.n < NCASES);
			if (case_json_map(p, (size_t)(nl - p), b.n + 1,
			    current_year(), &b.el, &out[b.n]) != 0)
				fail_msg("json: %s", b.el.text.s);
			b.n++;
			p = nl + 1;
		}
		assert_int_equal(*p, '\0');
	} else {
		fp = fmemopen(text.s, text.len, "r");
		assert_non_null(fp);
		assert_int_equal(csv_read(fp, "trip", back_row, &b, &b.el,
		    NULL), 0);
		fclose(fp);
	}
	assert_int_equal(b.n, NCASES);
	case_reader_free(b.r);
	errlist_release(&b.el);
	buf_release(&text);
}

/* What a format carries of each field, from its codebook. */
enum carry { LOST, SAME, ONE, MULTI, SKIP, TO_NC, CASEDATA };

static void
carry_of(enum format_id fmt, int carry[CF__MAX], int group[CF__MAX])
{
	static const int kanon_same[] = { CF_YEAR, CF_DATA_SOURCE, CF_GENDER,
	    CF_AGE_REGISTRATION, CF_MAJORITY_REGISTRATION,
	    CF_MAJORITY_EXPLOITATION, CF_MAJORITY_ENTRY, CF_CITIZENSHIP,
	    CF_COUNTRY_EXPLOITATION, CF_EXPLOIT_SEXUAL, CF_EXPLOIT_LABOUR,
	    CF_EXPLOIT_MARRIAGE, CF_EXPLOIT_MILITARY, CF_EXPLOIT_ORGAN_REMOVAL,
	    CF_EXPLOIT_SLAVERY, CF_EXPLOIT_OTHER, CF_ABDUCTION, -1 };
	static const int synth_same[] = { CF_YEAR, CF_GENDER,
	    CF_AGE_REGISTRATION, CF_MAJORITY_REGISTRATION, CF_CITIZENSHIP,
	    CF_COUNTRY_EXPLOITATION, CF_DURATION, -1 };
	static const int synth_one[] = { CF_CONTROLG_DEBT_EARNINGS,
	    CF_CONTROLG_THREATS, CF_CONTROLG_ABUSE, CF_CONTROL_FALSE_PROMISES,
	    CF_CONTROL_PSYCHOACTIVE_SUBSTANCES, CF_CONTROLG_DENY_NEEDS,
	    CF_CONTROL_EXCESSIVE_WORKING_HOURS, CF_CONTROL_WITHHOLDS_DOCUMENTS,
	    CF_EXPLOIT_LABOUR, CF_EXPLOIT_SEXUAL, CF_EXPLOIT_OTHER,
	    CF_LABOUR_AGRICULTURE, CF_LABOUR_CONSTRUCTION,
	    CF_LABOUR_DOMESTIC_WORK, CF_LABOUR_HOSPITALITY, CF_SEX_PROSTITUTION,
	    CF_SEX_PORNOGRAPHY, CF_RECRUITER_INTIMATE_PARTNER,
	    CF_RECRUITER_FRIEND, CF_RECRUITER_FAMILY, CF_RECRUITER_OTHER, -1 };
	static const int htcds_same[] = { CF_YEAR, CF_STATUS,
	    CF_AGE_EXPLOITATION, CF_MAJORITY_EXPLOITATION, CF_CITIZENSHIP,
	    CF_COUNTRY_RECRUITMENT, CF_COUNTRY_EXPLOITATION, -1 };
	/* HTCDS multi-selects: a choice left out of a filled one is a no */
	static const int htcds_multi[][18] = {
		{ CF_EXPLOIT_SEXUAL, CF_EXPLOIT_LABOUR, CF_EXPLOIT_MARRIAGE,
		    CF_EXPLOIT_MILITARY, CF_EXPLOIT_ORGAN_REMOVAL,
		    CF_EXPLOIT_SLAVERY, CF_EXPLOIT_CRIMINALITY,
		    CF_EXPLOIT_BEGGING, CF_EXPLOIT_OTHER, -1 },
		{ CF_LABOUR_AGRICULTURE, CF_LABOUR_MINING_DRILLING,
		    CF_LABOUR_MANUFACTURING, CF_LABOUR_CONSTRUCTION,
		    CF_LABOUR_TRANSPORTATION, CF_LABOUR_HOSPITALITY,
		    CF_LABOUR_DOMESTIC_WORK, CF_LABOUR_OTHER, -1 },
		{ CF_SEX_PROSTITUTION, CF_SEX_PORNOGRAPHY,
		    CF_SEX_REMOTE_INTERACTIVE, CF_SEX_PRIVATE_SERVICES, -1 },
		{ CF_CONTROL_THREATS, CF_CONTROL_THREAT_OF_LAW_ENFORCEMENT,
		    CF_CONTROL_DEBT_BONDAGE, CF_CONTROL_FALSE_PROMISES,
		    CF_CONTROL_PHYSICAL_ABUSE, CF_CONTROL_SEXUAL_ABUSE,
		    CF_CONTROL_TAKES_EARNINGS, CF_CONTROL_RESTRICTS_FINANCES,
		    CF_CONTROL_RESTRICTS_MEDICAL_CARE,
		    CF_CONTROL_RESTRICTS_MOVEMENT,
		    CF_CONTROL_WITHHOLDS_NECESSITIES,
		    CF_CONTROL_PSYCHOLOGICAL_ABUSE,
		    CF_CONTROL_PSYCHOACTIVE_SUBSTANCES,
		    CF_CONTROL_EXCESSIVE_WORKING_HOURS,
		    CF_CONTROL_WITHHOLDS_DOCUMENTS, CF_CONTROL_OTHER, -1 },
		{ CF_RECRUITER_FAMILY, CF_RECRUITER_FRIEND, CF_RECRUITER_OTHER,
		    -1 },
	};

	for (int f = 0; f < CF__MAX; f++)
		carry[f] = LOST;
	switch (fmt) {
	case FORMAT_CTDC_KANON:
		for (const int *f = kanon_same; *f != -1; f++)
			carry[*f] = SAME;
		for (int f = CF_LABOUR_AGRICULTURE;
		    f <= CF_CONTROL_NOT_SPECIFIED; f++)
			carry[f] = SAME;
		for (int f = CF_RECRUITER_INTIMATE_PARTNER;
		    f <= CF_RECRUITER_UNKNOWN; f++)
			carry[f] = SAME;
		for (int f = CF_CONTROLG_DEBT_EARNINGS;
		    f <= CF_CONTROLG_DENY_NEEDS; f++)
			carry[f] = SKIP;	/* derived from the members */
		break;
	case FORMAT_CTDC_SYNTHETIC:
		for (const int *f = synth_same; *f != -1; f++)
			carry[*f] = SAME;
		for (const int *f = synth_one; *f != -1; f++)
			carry[*f] = ONE;	/* "1 or NULL" */
		break;
	case FORMAT_HTCDS:
		for (const int *f = htcds_same; *f != -1; f++)
			carry[*f] = SAME;
		carry[CF_GENDER] = TO_NC;
		carry[CF_DATA_SOURCE] = CASEDATA;
		for (size_t g = 0; g < NELEM(htcds_multi); g++)
			for (const int *f = htcds_multi[g]; *f != -1; f++) {
				carry[*f] = MULTI;
				group[*f] = (int)g;
			}
		for (int f = CF_CONTROLG_DEBT_EARNINGS;
		    f <= CF_CONTROLG_DENY_NEEDS; f++)
			carry[f] = SKIP;
		break;
	default:
		for (int f = 0; f < CF__MAX; f++)
			carry[f] = SAME;
		break;
	}
}

static void
test_roundtrip(void **state)
{
	static const enum format_id fmts[] = { FORMAT_PALERMO, FORMAT_JSON,
	    FORMAT_CTDC_KANON, FORMAT_CTDC_SYNTHETIC, FORMAT_HTCDS };
	struct case_rec	*orig, *once, *twice;
	struct rng	 rng;

	(void)state;
	orig = xcalloc(NCASES, sizeof(*orig));
	once = xcalloc(NCASES, sizeof(*once));
	twice = xcalloc(NCASES, sizeof(*twice));
	rng_seed(&rng, 20240611);
	for (size_t i = 0; i < NCASES; i++)
		sample_case(&rng, &orig[i]);
	for (size_t k = 0; k < NELEM(fmts); k++) {
		int	 carry[CF__MAX], group[CF__MAX] = { 0 };

		carry_of(fmts[k], carry, group);
		trip(fmts[k], orig, once);
		trip(fmts[k], once, twice);
		for (size_t i = 0; i < NCASES; i++) {
			const int	*o = orig[i].v;
			int		 any[8] = { 0 };

			for (int f = 0; f < CF__MAX; f++)
				if (carry[f] == MULTI && o[f] == 1)
					any[group[f]] = 1;
			for (int f = 0; f < CF__MAX; f++) {
				int	 want = NR;

				switch (carry[f]) {
				case SKIP:
					continue;
				case SAME:
					want = o[f];
					break;
				case ONE:
					want = o[f] == 1 ? 1 : NR;
					break;
				case MULTI:
					want = any[group[f]] ? o[f] == 1 : NR;
					break;
				case TO_NC:
					want = o[f] ==
					    GENDER_TRANS_OR_NONCONFORMING ?
					    GENDER_NONCONFORMING : o[f];
					break;
				case CASEDATA:
					want = SOURCE_CASE_MANAGEMENT;
					break;
				default:
					break;
				}
				if (once[i].v[f] != want)
					fail_msg("%s: case %zu: %s %d became "
					    "%d, want %d",
					    format_names[fmts[k]], i,
					    case_fields[f].name, o[f],
					    once[i].v[f], want);
			}
			/* a second trip changes nothing */
			if (memcmp(&once[i], &twice[i], sizeof(once[i])) != 0)
				fail_msg("%s: case %zu is not stable",
				    format_names[fmts[k]], i);
		}
	}
	free(orig);
	free(once);
	free(twice);
}


int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ctdc_sample),
		cmocka_unit_test(test_roundtrip),
	};

	return cmocka_run_group_tests_name("format_files", tests, NULL, NULL);
}
