-- 0008: how each state's law criminalises each form of trafficking, for
-- the Secretary-General's report (resolution 68/192, op. 18): fully, in
-- part, or not, with the law and the date it took effect.  Forms are the
-- codes of the list form (sexual exploitation, forced labour, ...).

CREATE TABLE criminalisation (
	country		INTEGER NOT NULL,	-- ISO 3166-1 numeric
	form		INTEGER NOT NULL CHECK (form >= 1),
	status		TEXT NOT NULL CHECK (status IN ('full', 'partial',
	    'none')),
	law		TEXT NOT NULL DEFAULT '',
	date		TEXT,
	PRIMARY KEY (country, form)
);
