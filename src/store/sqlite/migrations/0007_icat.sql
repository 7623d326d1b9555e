-- 0007: the Inter-Agency Coordination Group against Trafficking in Persons
-- (ICAT; resolution 68/192, op. 7, 8 and 16): its members, with UNODC as
-- coordinator and the entities the resolution names, its co-chairs by
-- year, and its meetings with their attendees, invited organisations and
-- states among them.  Its roadmap is plan actions with a horizon year.

CREATE TABLE icat_members (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	coordinator	INTEGER NOT NULL DEFAULT 0 CHECK (coordinator IN (0, 1)),
	shipped		INTEGER NOT NULL DEFAULT 0 CHECK (shipped IN (0, 1))
);

INSERT INTO icat_members (name, coordinator, shipped) VALUES
	('UNODC', 1, 1), ('OHCHR', 0, 1), ('UNHCR', 0, 1), ('UNICEF', 0, 1),
	('UN-Women', 0, 1), ('ILO', 0, 1), ('IOM', 0, 1), ('UNDP', 0, 1),
	('UNFPA', 0, 1), ('UNESCO', 0, 1);

CREATE TABLE icat_cochairs (
	year		INTEGER NOT NULL CHECK (year >= 2007),
	member_id	INTEGER NOT NULL REFERENCES icat_members(id),
	PRIMARY KEY (year, member_id)
);

CREATE TABLE icat_meetings (
	id		INTEGER PRIMARY KEY,
	date		TEXT NOT NULL,
	title		TEXT NOT NULL,
	place		TEXT NOT NULL DEFAULT ''
);

-- Who came: a member, an invited organisation, or an invited state.
CREATE TABLE icat_attendees (
	meeting_id	INTEGER NOT NULL
	    REFERENCES icat_meetings(id) ON DELETE CASCADE,
	kind		TEXT NOT NULL
	    CHECK (kind IN ('member', 'organisation', 'state')),
	name		TEXT NOT NULL,		-- a state: its alpha-3 code
	PRIMARY KEY (meeting_id, kind, name)
);
