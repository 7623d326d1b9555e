-- 0003: the legal instruments that resolution 68/192 urges states to
-- ratify and apply (op. 1), and each state's actions on each.
--
-- The four instruments are shipped with their UN Treaty Series references
-- as the resolution gives them; users add more.  An action is one of the
-- codes of the list treaty_action; a state is a party from the date of a
-- ratification, accession, acceptance, approval or succession.

CREATE TABLE instruments (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	unts_volume	INTEGER,
	unts_number	INTEGER,
	shipped		INTEGER NOT NULL DEFAULT 0 CHECK (shipped IN (0, 1))
);

INSERT INTO instruments (code, name, unts_volume, unts_number, shipped) VALUES
	('untoc', 'United Nations Convention against Transnational Organized '
	    || 'Crime', 2225, 39574, 1),
	('tip-protocol', 'Protocol to Prevent, Suppress and Punish Trafficking '
	    || 'in Persons, Especially Women and Children', 2237, 39574, 1),
	('crc-opsc', 'Optional Protocol to the Convention on the Rights of the '
	    || 'Child on the sale of children, child prostitution and child '
	    || 'pornography', 2171, 27531, 1),
	('slavery-1956', 'Supplementary Convention on the Abolition of '
	    || 'Slavery, the Slave Trade, and Institutions and Practices '
	    || 'Similar to Slavery', 266, 3822, 1);

CREATE TABLE instrument_actions (
	id		INTEGER PRIMARY KEY,
	instrument_id	INTEGER NOT NULL REFERENCES instruments(id),
	country		INTEGER NOT NULL,	-- ISO 3166-1 numeric
	action		INTEGER NOT NULL,	-- list treaty_action
	date		TEXT NOT NULL
	    CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	source		TEXT NOT NULL,		-- who recorded it
	recorded_at	TEXT NOT NULL,
	UNIQUE (instrument_id, country, action)
);
