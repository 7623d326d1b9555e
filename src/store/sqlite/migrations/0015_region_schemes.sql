-- 0015: the user's own groupings of countries into regions (palermo
-- regions import FILE --scheme NAME), beside UN M49's, for reports by
-- region (--regions NAME).  A scheme gives each country it names one
-- region; importing a scheme again replaces it whole.
CREATE TABLE region_schemes (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	file_name	TEXT NOT NULL,
	operator	TEXT NOT NULL,
	created_at	TEXT NOT NULL
);

CREATE TABLE region_members (
	scheme_id	INTEGER NOT NULL
	    REFERENCES region_schemes(id) ON DELETE CASCADE,
	country		INTEGER NOT NULL,	-- ISO 3166-1 numeric
	region		TEXT NOT NULL CHECK (region <> ''),
	PRIMARY KEY (scheme_id, country)
) WITHOUT ROWID;
