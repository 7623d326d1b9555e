-- 0002: official national statistics, and population for rates.
--
-- Long format: one value per reporting country, year, indicator, sex, age
-- group, form of exploitation and, for breakdowns by citizenship or by
-- country of repatriation, origin.  Codes are explained by the codes
-- table (lists indicator, sex, age_group, form, origin_dim, origin_kind).
-- A value is an interval: exact when low = high; a count published as
-- "<5" is stored as 1 to 4, never as zero and never dropped.
--
-- No index on submission_id: a country's whole history is tens of
-- thousands of rows, removing a submission scans them in milliseconds,
-- and keeping an index would cost every import about a tenth of its time.

CREATE TABLE stats (
	id		INTEGER PRIMARY KEY,
	submission_id	INTEGER NOT NULL
	    REFERENCES submissions(id) ON DELETE CASCADE,
	line		INTEGER NOT NULL,	-- where in the submitted file
	country		INTEGER,		-- ISO 3166-1 numeric; NULL when
	country_text	TEXT,			-- the area has no ISO code
	year		INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
	indicator	INTEGER NOT NULL,
	sex		INTEGER NOT NULL,
	age		INTEGER NOT NULL,
	form		INTEGER NOT NULL,
	origin_dim	INTEGER NOT NULL,	-- none, citizenship, repatriation
	origin_kind	INTEGER NOT NULL,	-- country, region, nationals, ...
	origin_code	INTEGER,		-- ISO numeric or M49 code
	origin_text	TEXT,			-- as the file says it
	low		INTEGER NOT NULL CHECK (low >= 0),
	high		INTEGER NOT NULL CHECK (high >= low),
	note		TEXT,
	CHECK (country IS NOT NULL OR country_text IS NOT NULL)
);


CREATE TABLE population (
	id		INTEGER PRIMARY KEY,
	submission_id	INTEGER NOT NULL
	    REFERENCES submissions(id) ON DELETE CASCADE,
	line		INTEGER NOT NULL,
	country		INTEGER NOT NULL,
	year		INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
	sex		INTEGER NOT NULL,
	age		INTEGER NOT NULL,
	population	INTEGER NOT NULL CHECK (population >= 0)
);


-- The user's own readings of free-text origins, added to the shipped ones
-- (palermo stats map import).
CREATE TABLE origin_map (
	text		TEXT PRIMARY KEY,
	kind		INTEGER NOT NULL,
	code		INTEGER
);
