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
	kind		TEXT NOT NULL
	    CHECK (kind IN ('cases', 'stats', 'population')),
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
-- Countries are not declared as foreign keys, nor flags checked for 0 and
-- 1: intake validates every value against the same tables before it
-- writes, and checking again here would cost a million-row import a fifth
-- of its time.
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
	exploit_sexual INTEGER,
	exploit_labour INTEGER,
	exploit_marriage INTEGER,
	exploit_military INTEGER,
	exploit_organ_removal INTEGER,
	exploit_slavery INTEGER,
	exploit_criminality INTEGER,
	exploit_begging INTEGER,
	exploit_other INTEGER,
	labour_agriculture INTEGER,
	labour_aquafarming INTEGER,
	labour_begging INTEGER,
	labour_construction INTEGER,
	labour_domestic_work INTEGER,
	labour_hospitality INTEGER,
	labour_illicit_activities INTEGER,
	labour_manufacturing INTEGER,
	labour_mining_drilling INTEGER,
	labour_peddling INTEGER,
	labour_transportation INTEGER,
	labour_other INTEGER,
	labour_not_specified INTEGER,
	sex_prostitution INTEGER,
	sex_pornography INTEGER,
	sex_remote_interactive INTEGER,
	sex_private_services INTEGER,
	control_debt_bondage INTEGER,
	control_takes_earnings INTEGER,
	control_restricts_finances INTEGER,
	control_threats INTEGER,
	control_psychological_abuse INTEGER,
	control_physical_abuse INTEGER,
	control_sexual_abuse INTEGER,
	control_false_promises INTEGER,
	control_psychoactive_substances INTEGER,
	control_restricts_movement INTEGER,
	control_restricts_medical_care INTEGER,
	control_excessive_working_hours INTEGER,
	control_uses_children INTEGER,
	control_threat_of_law_enforcement INTEGER,
	control_withholds_necessities INTEGER,
	control_withholds_documents INTEGER,
	control_other INTEGER,
	control_not_specified INTEGER,
	control_group_debt_earnings INTEGER,
	control_group_threats INTEGER,
	control_group_abuse INTEGER,
	control_group_deny_needs INTEGER,
	recruiter_intimate_partner INTEGER,
	recruiter_friend INTEGER,
	recruiter_family INTEGER,
	recruiter_other INTEGER,
	recruiter_unknown INTEGER,
	abduction INTEGER
);

CREATE INDEX cases_submission ON cases(submission_id);
