-- 0001: the first schema: reference data, provenance and victim cases.
--
-- Codes, not strings: coded fields hold small integers explained by the
-- codes table, countries hold ISO 3166-1 numeric codes explained by the
-- countries table, and every flag is 1 (yes), 0 (no) or NULL (not
-- recorded).  palermo's C validates every value before it is written.

CREATE TABLE schema_version (
	version		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL,
	applied_at	TEXT NOT NULL
);

CREATE TABLE regions (
	code		INTEGER PRIMARY KEY,	-- UN M49
	kind		TEXT NOT NULL
	    CHECK (kind IN ('world', 'region', 'subregion', 'intermediate')),
	name		TEXT NOT NULL,
	parent		INTEGER REFERENCES regions(code)
);

CREATE TABLE countries (
	numeric		INTEGER PRIMARY KEY,	-- ISO 3166-1 numeric, = M49
	alpha2		TEXT NOT NULL UNIQUE,
	alpha3		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	official_name	TEXT,
	region		INTEGER REFERENCES regions(code),
	subregion	INTEGER REFERENCES regions(code),
	intermediate	INTEGER REFERENCES regions(code)
);

-- The closed lists of codes behind coded case fields.
CREATE TABLE codes (
	list		TEXT NOT NULL,
	code		INTEGER NOT NULL,
	name		TEXT NOT NULL,
	label		TEXT NOT NULL,
	PRIMARY KEY (list, code)
) WITHOUT ROWID;

-- The fields of a case, in order, with their kind and code list.
CREATE TABLE case_fields (
	position	INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	kind		TEXT NOT NULL
	    CHECK (kind IN ('year', 'code', 'country', 'flag')),
	list		TEXT,
	label		TEXT NOT NULL
);

-- Organisations that submit data.
CREATE TABLE sources (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	created_at	TEXT NOT NULL
);

-- One row per imported file: the provenance of every record.
CREATE TABLE submissions (
	id		INTEGER PRIMARY KEY,
	source_id	INTEGER NOT NULL REFERENCES sources(id),
	kind		TEXT NOT NULL CHECK (kind IN ('cases')),
	format		TEXT NOT NULL,
	file_name	TEXT NOT NULL,
	sha256		TEXT NOT NULL CHECK (length(sha256) = 64),
	rows		INTEGER NOT NULL CHECK (rows >= 0),
	operator	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	UNIQUE (source_id, kind, sha256)
);

-- De-identified victim cases, one row per case.  No names, contact
-- details, identity numbers or addresses are stored, here or anywhere.
-- Countries are not declared as foreign keys: intake resolves every
-- country against the same table before it writes, and leaving the check
-- out keeps a million-row import fast.
CREATE TABLE cases (
	id		INTEGER PRIMARY KEY,
	submission_id	INTEGER NOT NULL
	    REFERENCES submissions(id) ON DELETE CASCADE,
	line		INTEGER NOT NULL,	-- where in the submitted file
	year INTEGER CHECK (year BETWEEN 1900 AND 2200),
	data_source INTEGER,
	trafficking_status INTEGER,
	gender INTEGER,
	age_registration INTEGER,
	age_exploitation INTEGER,
	majority_registration INTEGER,
	majority_exploitation INTEGER,
	majority_entry INTEGER,
	citizenship INTEGER,
	country_recruitment INTEGER,
	country_transit INTEGER,
	country_exploitation INTEGER,
	duration INTEGER,
	exploit_sexual INTEGER CHECK (exploit_sexual IN (0, 1)),
	exploit_labour INTEGER CHECK (exploit_labour IN (0, 1)),
	exploit_marriage INTEGER CHECK (exploit_marriage IN (0, 1)),
	exploit_military INTEGER CHECK (exploit_military IN (0, 1)),
	exploit_organ_removal INTEGER CHECK (exploit_organ_removal IN (0, 1)),
	exploit_slavery INTEGER CHECK (exploit_slavery IN (0, 1)),
	exploit_criminality INTEGER CHECK (exploit_criminality IN (0, 1)),
	exploit_begging INTEGER CHECK (exploit_begging IN (0, 1)),
	exploit_other INTEGER CHECK (exploit_other IN (0, 1)),
	labour_agriculture INTEGER CHECK (labour_agriculture IN (0, 1)),
	labour_aquafarming INTEGER CHECK (labour_aquafarming IN (0, 1)),
	labour_begging INTEGER CHECK (labour_begging IN (0, 1)),
	labour_construction INTEGER CHECK (labour_construction IN (0, 1)),
	labour_domestic_work INTEGER CHECK (labour_domestic_work IN (0, 1)),
	labour_hospitality INTEGER CHECK (labour_hospitality IN (0, 1)),
	labour_illicit_activities INTEGER CHECK (labour_illicit_activities IN (0, 1)),
	labour_manufacturing INTEGER CHECK (labour_manufacturing IN (0, 1)),
	labour_mining_drilling INTEGER CHECK (labour_mining_drilling IN (0, 1)),
	labour_peddling INTEGER CHECK (labour_peddling IN (0, 1)),
	labour_transportation INTEGER CHECK (labour_transportation IN (0, 1)),
	labour_other INTEGER CHECK (labour_other IN (0, 1)),
	labour_not_specified INTEGER CHECK (labour_not_specified IN (0, 1)),
	sex_prostitution INTEGER CHECK (sex_prostitution IN (0, 1)),
	sex_pornography INTEGER CHECK (sex_pornography IN (0, 1)),
	sex_remote_interactive INTEGER CHECK (sex_remote_interactive IN (0, 1)),
	sex_private_services INTEGER CHECK (sex_private_services IN (0, 1)),
	control_debt_bondage INTEGER CHECK (control_debt_bondage IN (0, 1)),
	control_takes_earnings INTEGER CHECK (control_takes_earnings IN (0, 1)),
	control_restricts_finances INTEGER CHECK (control_restricts_finances IN (0, 1)),
	control_threats INTEGER CHECK (control_threats IN (0, 1)),
	control_psychological_abuse INTEGER CHECK (control_psychological_abuse IN (0, 1)),
	control_physical_abuse INTEGER CHECK (control_physical_abuse IN (0, 1)),
	control_sexual_abuse INTEGER CHECK (control_sexual_abuse IN (0, 1)),
	control_false_promises INTEGER CHECK (control_false_promises IN (0, 1)),
	control_psychoactive_substances INTEGER CHECK (control_psychoactive_substances IN (0, 1)),
	control_restricts_movement INTEGER CHECK (control_restricts_movement IN (0, 1)),
	control_restricts_medical_care INTEGER CHECK (control_restricts_medical_care IN (0, 1)),
	control_excessive_working_hours INTEGER CHECK (control_excessive_working_hours IN (0, 1)),
	control_uses_children INTEGER CHECK (control_uses_children IN (0, 1)),
	control_threat_of_law_enforcement INTEGER CHECK (control_threat_of_law_enforcement IN (0, 1)),
	control_withholds_necessities INTEGER CHECK (control_withholds_necessities IN (0, 1)),
	control_withholds_documents INTEGER CHECK (control_withholds_documents IN (0, 1)),
	control_other INTEGER CHECK (control_other IN (0, 1)),
	control_not_specified INTEGER CHECK (control_not_specified IN (0, 1)),
	control_group_debt_earnings INTEGER CHECK (control_group_debt_earnings IN (0, 1)),
	control_group_threats INTEGER CHECK (control_group_threats IN (0, 1)),
	control_group_abuse INTEGER CHECK (control_group_abuse IN (0, 1)),
	control_group_deny_needs INTEGER CHECK (control_group_deny_needs IN (0, 1)),
	recruiter_intimate_partner INTEGER CHECK (recruiter_intimate_partner IN (0, 1)),
	recruiter_friend INTEGER CHECK (recruiter_friend IN (0, 1)),
	recruiter_family INTEGER CHECK (recruiter_family IN (0, 1)),
	recruiter_other INTEGER CHECK (recruiter_other IN (0, 1)),
	recruiter_unknown INTEGER CHECK (recruiter_unknown IN (0, 1)),
	abduction INTEGER CHECK (abduction IN (0, 1))
);

CREATE INDEX cases_submission ON cases(submission_id);
