-- 0019: the contributions that States, United Nations entities and other
-- organisations send for the Secretary-General's report of a year
-- (palermo contributions add), kept whole with the file they came in.
CREATE TABLE contributions (
	id		INTEGER PRIMARY KEY,
	year		INTEGER NOT NULL CHECK (year BETWEEN 2013 AND 2200),
	actor_kind	INTEGER NOT NULL,	-- list actor_kind
	actor		TEXT NOT NULL,		-- a State: its alpha-3 code
	country		INTEGER,		-- a State: ISO numeric
	file_name	TEXT NOT NULL,
	sha256		TEXT NOT NULL,
	text		TEXT NOT NULL CHECK (text <> ''),
	operator	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	UNIQUE (year, sha256)
);
