-- 0004: the World Day against Trafficking in Persons, 30 July, observed
-- from 2014 on (resolution 68/192, op. 5): the theme of each year and the
-- events organised for it.

CREATE TABLE worldday (
	year		INTEGER PRIMARY KEY CHECK (year >= 2014),
	theme		TEXT NOT NULL
);

CREATE TABLE worldday_events (
	id		INTEGER PRIMARY KEY,
	year		INTEGER NOT NULL CHECK (year >= 2014),
	title		TEXT NOT NULL,
	organiser	TEXT NOT NULL,
	country		INTEGER,		-- ISO 3166-1 numeric, or none
	date		TEXT
	    CHECK (date IS NULL OR date GLOB
	    '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);
