-- 0006: the UN Global Plan of Action to Combat Trafficking in Persons
-- (resolution 68/192, op. 2): its objectives and pillars as reference
-- data, and the actions that states, UN entities, other organisations,
-- civil society and the private sector carry out under it, with dated
-- progress notes, indicators and evidence.  ICAT's roadmap is actions
-- with a horizon year.

CREATE TABLE plan_objectives (
	code		TEXT PRIMARY KEY CHECK (code IN ('a', 'b', 'c', 'd', 'e', 'f')),
	summary		TEXT NOT NULL
);

-- Short summaries written for palermo; the resolution's own wording is
-- the reference.
INSERT INTO plan_objectives (code, summary) VALUES
	('a', 'Universal ratification of the Convention against Transnational '
	    || 'Organized Crime and its Trafficking in Persons Protocol, and '
	    || 'their full implementation'),
	('b', 'Stronger commitments by states to prevent and combat '
	    || 'trafficking and to protect and assist its victims'),
	('c', 'Comprehensive, coordinated and consistent responses at '
	    || 'national, regional and international levels'),
	('d', 'A human rights-based, gender- and age-sensitive approach to '
	    || 'what makes people vulnerable to trafficking, and a stronger '
	    || 'criminal justice response'),
	('e', 'Awareness of trafficking within the United Nations system and '
	    || 'among states and other stakeholders'),
	('f', 'Cooperation and coordination among all relevant stakeholders');

CREATE TABLE plan_actions (
	id		INTEGER PRIMARY KEY,
	actor_kind	INTEGER NOT NULL,	-- list actor_kind
	actor		TEXT NOT NULL,
	country		INTEGER,		-- for a state: ISO numeric
	title		TEXT NOT NULL,
	description	TEXT NOT NULL DEFAULT '',
	pillars		INTEGER NOT NULL CHECK (pillars BETWEEN 1 AND 15),
	objectives	INTEGER NOT NULL CHECK (objectives BETWEEN 0 AND 63),
	start		TEXT,
	due		TEXT,
	status		INTEGER NOT NULL,	-- list action_status
	horizon		INTEGER,		-- roadmap year, or NULL
	source		TEXT NOT NULL,
	created_at	TEXT NOT NULL
);

CREATE TABLE plan_notes (
	id		INTEGER PRIMARY KEY,
	action_id	INTEGER NOT NULL
	    REFERENCES plan_actions(id) ON DELETE CASCADE,
	date		TEXT NOT NULL,
	note		TEXT NOT NULL
);

CREATE TABLE plan_indicators (
	id		INTEGER PRIMARY KEY,
	action_id	INTEGER NOT NULL
	    REFERENCES plan_actions(id) ON DELETE CASCADE,
	name		TEXT NOT NULL,
	target		INTEGER,
	actual		INTEGER,
	UNIQUE (action_id, name)
);

CREATE TABLE plan_evidence (
	id		INTEGER PRIMARY KEY,
	action_id	INTEGER NOT NULL
	    REFERENCES plan_actions(id) ON DELETE CASCADE,
	link		TEXT NOT NULL
);
