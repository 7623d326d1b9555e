-- 0017: the registers keep their history.  Every change to a register's
-- rows (instruments and the actions of States, criminalisation, the plan,
-- ICAT, mechanisms, practices, the World Day) is written beside it, in the
-- same transaction, by the triggers below: when, who (palermo_operator(),
-- a function palermo gives each connection), which register, the country
-- where the row has one, the entry, and the row before and after as JSON.
-- Nothing is overwritten unseen: a correction is one more line.
--
-- Criminalisation becomes dated: a state's law on a form has an
-- effective date, and a later law is a new row, not an overwrite; ''
-- stands for a date not recorded (the rows made before).  ICAT members
-- get the day they joined.

CREATE TABLE register_history (
	id		INTEGER PRIMARY KEY,
	at		TEXT NOT NULL,
	operator	TEXT NOT NULL,
	register	TEXT NOT NULL,
	country		INTEGER,
	item		TEXT NOT NULL,
	change		TEXT NOT NULL CHECK (change IN ('added', 'corrected',
	    'removed')),
	before		TEXT,
	after		TEXT
);
CREATE INDEX register_history_by_register ON register_history (register,
    country);

CREATE TABLE criminalisation_dated (
	country		INTEGER NOT NULL,	-- ISO 3166-1 numeric
	form		INTEGER NOT NULL CHECK (form >= 1),
	status		TEXT NOT NULL CHECK (status IN ('full', 'partial',
	    'none')),
	law		TEXT NOT NULL DEFAULT '',
	date		TEXT NOT NULL DEFAULT '' CHECK (date = '' OR
	    date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	PRIMARY KEY (country, form, date)
);
INSERT INTO criminalisation_dated (country, form, status, law, date)
    SELECT country, form, status, law, coalesce(date, '')
    FROM criminalisation;
DROP TABLE criminalisation;
ALTER TABLE criminalisation_dated RENAME TO criminalisation;

-- The shipped members: ICAT was established in 2007 (the day is not
-- recorded here: the first of January stands for it); UN-Women, created
-- in 2010, took the place of UNIFEM from 1 January 2011.
ALTER TABLE icat_members ADD COLUMN joined TEXT CHECK (joined IS NULL OR
    joined GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
UPDATE icat_members SET joined = '2007-01-01' WHERE shipped = 1;
UPDATE icat_members SET joined = '2011-01-01' WHERE shipped = 1 AND
    name = 'UN-Women';

-- palermo_label(LIST, CODE) gives a code's name from palermo's code lists.

CREATE TRIGGER instruments_insert_history AFTER INSERT ON instruments
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'instruments', NULL,
	    NEW.code,
	    'added',
	    NULL,
	    json_object('code', NEW.code, 'name', NEW.name,
		'unts_volume', NEW.unts_volume, 'unts_number', NEW.unts_number,
		'in_force', NEW.in_force, 'eif_rule', NEW.eif_rule,
		'eif_after', NEW.eif_after, 'protocol_to', NEW.protocol_to,
		'organisations', NEW.organisations));
END;

CREATE TRIGGER instruments_update_history AFTER UPDATE ON instruments
WHEN
	    json_object('code', OLD.code, 'name', OLD.name,
		'unts_volume', OLD.unts_volume, 'unts_number', OLD.unts_number,
		'in_force', OLD.in_force, 'eif_rule', OLD.eif_rule,
		'eif_after', OLD.eif_after, 'protocol_to', OLD.protocol_to,
		'organisations', OLD.organisations) IS NOT
	    json_object('code', NEW.code, 'name', NEW.name,
		'unts_volume', NEW.unts_volume, 'unts_number', NEW.unts_number,
		'in_force', NEW.in_force, 'eif_rule', NEW.eif_rule,
		'eif_after', NEW.eif_after, 'protocol_to', NEW.protocol_to,
		'organisations', NEW.organisations)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'instruments', NULL,
	    NEW.code,
	    'corrected',
	    json_object('code', OLD.code, 'name', OLD.name,
		'unts_volume', OLD.unts_volume, 'unts_number', OLD.unts_number,
		'in_force', OLD.in_force, 'eif_rule', OLD.eif_rule,
		'eif_after', OLD.eif_after, 'protocol_to', OLD.protocol_to,
		'organisations', OLD.organisations),
	    json_object('code', NEW.code, 'name', NEW.name,
		'unts_volume', NEW.unts_volume, 'unts_number', NEW.unts_number,
		'in_force', NEW.in_force, 'eif_rule', NEW.eif_rule,
		'eif_after', NEW.eif_after, 'protocol_to', NEW.protocol_to,
		'organisations', NEW.organisations));
END;

CREATE TRIGGER instruments_delete_history AFTER DELETE ON instruments
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'instruments', NULL,
	    OLD.code,
	    'removed',
	    json_object('code', OLD.code, 'name', OLD.name,
		'unts_volume', OLD.unts_volume, 'unts_number', OLD.unts_number,
		'in_force', OLD.in_force, 'eif_rule', OLD.eif_rule,
		'eif_after', OLD.eif_after, 'protocol_to', OLD.protocol_to,
		'organisations', OLD.organisations),
	    NULL);
END;

CREATE TRIGGER instrument_actions_insert_history AFTER INSERT ON instrument_actions
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'instruments', NEW.country,
	    (SELECT code FROM instruments WHERE id = NEW.instrument_id) || ' ' ||
	    palermo_label('treaty_action', NEW.action),
	    'added',
	    NULL,
	    json_object('instrument_id', NEW.instrument_id,
		'country', NEW.country, 'action', NEW.action, 'date', NEW.date,
		'source', NEW.source));
END;

CREATE TRIGGER instrument_actions_update_history AFTER UPDATE ON instrument_actions
WHEN
	    json_object('instrument_id', OLD.instrument_id,
		'country', OLD.country, 'action', OLD.action, 'date', OLD.date,
		'source', OLD.source) IS NOT
	    json_object('instrument_id', NEW.instrument_id,
		'country', NEW.country, 'action', NEW.action, 'date', NEW.date,
		'source', NEW.source)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'instruments', NEW.country,
	    (SELECT code FROM instruments WHERE id = NEW.instrument_id) || ' ' ||
	    palermo_label('treaty_action', NEW.action),
	    'corrected',
	    json_object('instrument_id', OLD.instrument_id,
		'country', OLD.country, 'action', OLD.action, 'date', OLD.date,
		'source', OLD.source),
	    json_object('instrument_id', NEW.instrument_id,
		'country', NEW.country, 'action', NEW.action, 'date', NEW.date,
		'source', NEW.source));
END;

CREATE TRIGGER instrument_actions_delete_history AFTER DELETE ON instrument_actions
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'instruments', OLD.country,
	    (SELECT code FROM instruments WHERE id = OLD.instrument_id) || ' ' ||
	    palermo_label('treaty_action', OLD.action),
	    'removed',
	    json_object('instrument_id', OLD.instrument_id,
		'country', OLD.country, 'action', OLD.action, 'date', OLD.date,
		'source', OLD.source),
	    NULL);
END;

CREATE TRIGGER criminalisation_insert_history AFTER INSERT ON criminalisation
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'criminalisation', NEW.country,
	    palermo_label('form', NEW.form) ||
	    CASE NEW.date WHEN '' THEN '' ELSE ' from ' || NEW.date END,
	    'added',
	    NULL,
	    json_object('country', NEW.country, 'form', NEW.form,
		'status', NEW.status, 'law', NEW.law, 'date', NEW.date));
END;

CREATE TRIGGER criminalisation_update_history AFTER UPDATE ON criminalisation
WHEN
	    json_object('country', OLD.country, 'form', OLD.form,
		'status', OLD.status, 'law', OLD.law, 'date', OLD.date) IS NOT
	    json_object('country', NEW.country, 'form', NEW.form,
		'status', NEW.status, 'law', NEW.law, 'date', NEW.date)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'criminalisation', NEW.country,
	    palermo_label('form', NEW.form) ||
	    CASE NEW.date WHEN '' THEN '' ELSE ' from ' || NEW.date END,
	    'corrected',
	    json_object('country', OLD.country, 'form', OLD.form,
		'status', OLD.status, 'law', OLD.law, 'date', OLD.date),
	    json_object('country', NEW.country, 'form', NEW.form,
		'status', NEW.status, 'law', NEW.law, 'date', NEW.date));
END;

CREATE TRIGGER criminalisation_delete_history AFTER DELETE ON criminalisation
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'criminalisation', OLD.country,
	    palermo_label('form', OLD.form) ||
	    CASE OLD.date WHEN '' THEN '' ELSE ' from ' || OLD.date END,
	    'removed',
	    json_object('country', OLD.country, 'form', OLD.form,
		'status', OLD.status, 'law', OLD.law, 'date', OLD.date),
	    NULL);
END;

CREATE TRIGGER plan_actions_insert_history AFTER INSERT ON plan_actions
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', NEW.country,
	    'action ' || NEW.id,
	    'added',
	    NULL,
	    json_object('actor_kind', NEW.actor_kind, 'actor', NEW.actor,
		'country', NEW.country, 'title', NEW.title,
		'description', NEW.description, 'pillars', NEW.pillars,
		'objectives', NEW.objectives, 'start', NEW.start, 'due', NEW.due,
		'status', NEW.status, 'horizon', NEW.horizon, 'source', NEW.source));
END;

CREATE TRIGGER plan_actions_update_history AFTER UPDATE ON plan_actions
WHEN
	    json_object('actor_kind', OLD.actor_kind, 'actor', OLD.actor,
		'country', OLD.country, 'title', OLD.title,
		'description', OLD.description, 'pillars', OLD.pillars,
		'objectives', OLD.objectives, 'start', OLD.start, 'due', OLD.due,
		'status', OLD.status, 'horizon', OLD.horizon, 'source', OLD.source) IS NOT
	    json_object('actor_kind', NEW.actor_kind, 'actor', NEW.actor,
		'country', NEW.country, 'title', NEW.title,
		'description', NEW.description, 'pillars', NEW.pillars,
		'objectives', NEW.objectives, 'start', NEW.start, 'due', NEW.due,
		'status', NEW.status, 'horizon', NEW.horizon, 'source', NEW.source)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', NEW.country,
	    'action ' || NEW.id,
	    'corrected',
	    json_object('actor_kind', OLD.actor_kind, 'actor', OLD.actor,
		'country', OLD.country, 'title', OLD.title,
		'description', OLD.description, 'pillars', OLD.pillars,
		'objectives', OLD.objectives, 'start', OLD.start, 'due', OLD.due,
		'status', OLD.status, 'horizon', OLD.horizon, 'source', OLD.source),
	    json_object('actor_kind', NEW.actor_kind, 'actor', NEW.actor,
		'country', NEW.country, 'title', NEW.title,
		'description', NEW.description, 'pillars', NEW.pillars,
		'objectives', NEW.objectives, 'start', NEW.start, 'due', NEW.due,
		'status', NEW.status, 'horizon', NEW.horizon, 'source', NEW.source));
END;

CREATE TRIGGER plan_actions_delete_history AFTER DELETE ON plan_actions
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', OLD.country,
	    'action ' || OLD.id,
	    'removed',
	    json_object('actor_kind', OLD.actor_kind, 'actor', OLD.actor,
		'country', OLD.country, 'title', OLD.title,
		'description', OLD.description, 'pillars', OLD.pillars,
		'objectives', OLD.objectives, 'start', OLD.start, 'due', OLD.due,
		'status', OLD.status, 'horizon', OLD.horizon, 'source', OLD.source),
	    NULL);
END;

CREATE TRIGGER plan_notes_insert_history AFTER INSERT ON plan_notes
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', (SELECT country FROM plan_actions WHERE id = NEW.action_id),
	    'action ' || NEW.action_id || ' note',
	    'added',
	    NULL,
	    json_object('action_id', NEW.action_id, 'date', NEW.date,
		'note', NEW.note));
END;

CREATE TRIGGER plan_notes_update_history AFTER UPDATE ON plan_notes
WHEN
	    json_object('action_id', OLD.action_id, 'date', OLD.date,
		'note', OLD.note) IS NOT
	    json_object('action_id', NEW.action_id, 'date', NEW.date,
		'note', NEW.note)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', (SELECT country FROM plan_actions WHERE id = NEW.action_id),
	    'action ' || NEW.action_id || ' note',
	    'corrected',
	    json_object('action_id', OLD.action_id, 'date', OLD.date,
		'note', OLD.note),
	    json_object('action_id', NEW.action_id, 'date', NEW.date,
		'note', NEW.note));
END;

CREATE TRIGGER plan_notes_delete_history AFTER DELETE ON plan_notes
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', (SELECT country FROM plan_actions WHERE id = OLD.action_id),
	    'action ' || OLD.action_id || ' note',
	    'removed',
	    json_object('action_id', OLD.action_id, 'date', OLD.date,
		'note', OLD.note),
	    NULL);
END;

CREATE TRIGGER plan_indicators_insert_history AFTER INSERT ON plan_indicators
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', (SELECT country FROM plan_actions WHERE id = NEW.action_id),
	    'action ' || NEW.action_id || ' indicator ' || NEW.name,
	    'added',
	    NULL,
	    json_object('action_id', NEW.action_id, 'name', NEW.name,
		'target', NEW.target, 'actual', NEW.actual));
END;

CREATE TRIGGER plan_indicators_update_history AFTER UPDATE ON plan_indicators
WHEN
	    json_object('action_id', OLD.action_id, 'name', OLD.name,
		'target', OLD.target, 'actual', OLD.actual) IS NOT
	    json_object('action_id', NEW.action_id, 'name', NEW.name,
		'target', NEW.target, 'actual', NEW.actual)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', (SELECT country FROM plan_actions WHERE id = NEW.action_id),
	    'action ' || NEW.action_id || ' indicator ' || NEW.name,
	    'corrected',
	    json_object('action_id', OLD.action_id, 'name', OLD.name,
		'target', OLD.target, 'actual', OLD.actual),
	    json_object('action_id', NEW.action_id, 'name', NEW.name,
		'target', NEW.target, 'actual', NEW.actual));
END;

CREATE TRIGGER plan_indicators_delete_history AFTER DELETE ON plan_indicators
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', (SELECT country FROM plan_actions WHERE id = OLD.action_id),
	    'action ' || OLD.action_id || ' indicator ' || OLD.name,
	    'removed',
	    json_object('action_id', OLD.action_id, 'name', OLD.name,
		'target', OLD.target, 'actual', OLD.actual),
	    NULL);
END;

CREATE TRIGGER plan_evidence_insert_history AFTER INSERT ON plan_evidence
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', (SELECT country FROM plan_actions WHERE id = NEW.action_id),
	    'action ' || NEW.action_id || ' evidence',
	    'added',
	    NULL,
	    json_object('action_id', NEW.action_id, 'link', NEW.link));
END;

CREATE TRIGGER plan_evidence_update_history AFTER UPDATE ON plan_evidence
WHEN
	    json_object('action_id', OLD.action_id, 'link', OLD.link) IS NOT
	    json_object('action_id', NEW.action_id, 'link', NEW.link)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', (SELECT country FROM plan_actions WHERE id = NEW.action_id),
	    'action ' || NEW.action_id || ' evidence',
	    'corrected',
	    json_object('action_id', OLD.action_id, 'link', OLD.link),
	    json_object('action_id', NEW.action_id, 'link', NEW.link));
END;

CREATE TRIGGER plan_evidence_delete_history AFTER DELETE ON plan_evidence
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', (SELECT country FROM plan_actions WHERE id = OLD.action_id),
	    'action ' || OLD.action_id || ' evidence',
	    'removed',
	    json_object('action_id', OLD.action_id, 'link', OLD.link),
	    NULL);
END;

CREATE TRIGGER plan_objectives_insert_history AFTER INSERT ON plan_objectives
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', NULL,
	    'objective ' || NEW.code,
	    'added',
	    NULL,
	    json_object('code', NEW.code, 'summary', NEW.summary));
END;

CREATE TRIGGER plan_objectives_update_history AFTER UPDATE ON plan_objectives
WHEN
	    json_object('code', OLD.code, 'summary', OLD.summary) IS NOT
	    json_object('code', NEW.code, 'summary', NEW.summary)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', NULL,
	    'objective ' || NEW.code,
	    'corrected',
	    json_object('code', OLD.code, 'summary', OLD.summary),
	    json_object('code', NEW.code, 'summary', NEW.summary));
END;

CREATE TRIGGER plan_objectives_delete_history AFTER DELETE ON plan_objectives
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'plan', NULL,
	    'objective ' || OLD.code,
	    'removed',
	    json_object('code', OLD.code, 'summary', OLD.summary),
	    NULL);
END;

CREATE TRIGGER icat_members_insert_history AFTER INSERT ON icat_members
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'icat', NULL,
	    'member ' || NEW.name,
	    'added',
	    NULL,
	    json_object('name', NEW.name, 'coordinator', NEW.coordinator,
		'joined', NEW.joined));
END;

CREATE TRIGGER icat_members_update_history AFTER UPDATE ON icat_members
WHEN
	    json_object('name', OLD.name, 'coordinator', OLD.coordinator,
		'joined', OLD.joined) IS NOT
	    json_object('name', NEW.name, 'coordinator', NEW.coordinator,
		'joined', NEW.joined)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'icat', NULL,
	    'member ' || NEW.name,
	    'corrected',
	    json_object('name', OLD.name, 'coordinator', OLD.coordinator,
		'joined', OLD.joined),
	    json_object('name', NEW.name, 'coordinator', NEW.coordinator,
		'joined', NEW.joined));
END;

CREATE TRIGGER icat_members_delete_history AFTER DELETE ON icat_members
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'icat', NULL,
	    'member ' || OLD.name,
	    'removed',
	    json_object('name', OLD.name, 'coordinator', OLD.coordinator,
		'joined', OLD.joined),
	    NULL);
END;

CREATE TRIGGER icat_cochairs_insert_history AFTER INSERT ON icat_cochairs
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'icat', NULL,
	    'co-chair ' || NEW.year,
	    'added',
	    NULL,
	    json_object('year', NEW.year, 'member_id', NEW.member_id));
END;

CREATE TRIGGER icat_cochairs_update_history AFTER UPDATE ON icat_cochairs
WHEN
	    json_object('year', OLD.year, 'member_id', OLD.member_id) IS NOT
	    json_object('year', NEW.year, 'member_id', NEW.member_id)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'icat', NULL,
	    'co-chair ' || NEW.year,
	    'corrected',
	    json_object('year', OLD.year, 'member_id', OLD.member_id),
	    json_object('year', NEW.year, 'member_id', NEW.member_id));
END;

CREATE TRIGGER icat_cochairs_delete_history AFTER DELETE ON icat_cochairs
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'icat', NULL,
	    'co-chair ' || OLD.year,
	    'removed',
	    json_object('year', OLD.year, 'member_id', OLD.member_id),
	    NULL);
END;

CREATE TRIGGER icat_meetings_insert_history AFTER INSERT ON icat_meetings
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'icat', NULL,
	    'meeting ' || NEW.id,
	    'added',
	    NULL,
	    json_object('date', NEW.date, 'title', NEW.title,
		'place', NEW.place));
END;

CREATE TRIGGER icat_meetings_update_history AFTER UPDATE ON icat_meetings
WHEN
	    json_object('date', OLD.date, 'title', OLD.title,
		'place', OLD.place) IS NOT
	    json_object('date', NEW.date, 'title', NEW.title,
		'place', NEW.place)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'icat', NULL,
	    'meeting ' || NEW.id,
	    'corrected',
	    json_object('date', OLD.date, 'title', OLD.title,
		'place', OLD.place),
	    json_object('date', NEW.date, 'title', NEW.title,
		'place', NEW.place));
END;

CREATE TRIGGER icat_meetings_delete_history AFTER DELETE ON icat_meetings
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'icat', NULL,
	    'meeting ' || OLD.id,
	    'removed',
	    json_object('date', OLD.date, 'title', OLD.title,
		'place', OLD.place),
	    NULL);
END;

CREATE TRIGGER icat_attendees_insert_history AFTER INSERT ON icat_attendees
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'icat', NULL,
	    'meeting ' || NEW.meeting_id || ' attendee',
	    'added',
	    NULL,
	    json_object('meeting_id', NEW.meeting_id, 'kind', NEW.kind,
		'name', NEW.name));
END;

CREATE TRIGGER icat_attendees_update_history AFTER UPDATE ON icat_attendees
WHEN
	    json_object('meeting_id', OLD.meeting_id, 'kind', OLD.kind,
		'name', OLD.name) IS NOT
	    json_object('meeting_id', NEW.meeting_id, 'kind', NEW.kind,
		'name', NEW.name)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'icat', NULL,
	    'meeting ' || NEW.meeting_id || ' attendee',
	    'corrected',
	    json_object('meeting_id', OLD.meeting_id, 'kind', OLD.kind,
		'name', OLD.name),
	    json_object('meeting_id', NEW.meeting_id, 'kind', NEW.kind,
		'name', NEW.name));
END;

CREATE TRIGGER icat_attendees_delete_history AFTER DELETE ON icat_attendees
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'icat', NULL,
	    'meeting ' || OLD.meeting_id || ' attendee',
	    'removed',
	    json_object('meeting_id', OLD.meeting_id, 'kind', OLD.kind,
		'name', OLD.name),
	    NULL);
END;

CREATE TRIGGER mechanisms_insert_history AFTER INSERT ON mechanisms
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'mechanisms', NEW.country,
	    'mechanism ' || NEW.id,
	    'added',
	    NULL,
	    json_object('country', NEW.country, 'name', NEW.name,
		'kind', NEW.kind, 'mandate', NEW.mandate, 'office', NEW.office));
END;

CREATE TRIGGER mechanisms_update_history AFTER UPDATE ON mechanisms
WHEN
	    json_object('country', OLD.country, 'name', OLD.name,
		'kind', OLD.kind, 'mandate', OLD.mandate, 'office', OLD.office) IS NOT
	    json_object('country', NEW.country, 'name', NEW.name,
		'kind', NEW.kind, 'mandate', NEW.mandate, 'office', NEW.office)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'mechanisms', NEW.country,
	    'mechanism ' || NEW.id,
	    'corrected',
	    json_object('country', OLD.country, 'name', OLD.name,
		'kind', OLD.kind, 'mandate', OLD.mandate, 'office', OLD.office),
	    json_object('country', NEW.country, 'name', NEW.name,
		'kind', NEW.kind, 'mandate', NEW.mandate, 'office', NEW.office));
END;

CREATE TRIGGER mechanisms_delete_history AFTER DELETE ON mechanisms
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'mechanisms', OLD.country,
	    'mechanism ' || OLD.id,
	    'removed',
	    json_object('country', OLD.country, 'name', OLD.name,
		'kind', OLD.kind, 'mandate', OLD.mandate, 'office', OLD.office),
	    NULL);
END;

CREATE TRIGGER mechanism_meetings_insert_history AFTER INSERT ON mechanism_meetings
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'mechanisms', NULL,
	    'meeting ' || NEW.id,
	    'added',
	    NULL,
	    json_object('date', NEW.date, 'place', NEW.place,
		'topics', NEW.topics));
END;

CREATE TRIGGER mechanism_meetings_update_history AFTER UPDATE ON mechanism_meetings
WHEN
	    json_object('date', OLD.date, 'place', OLD.place,
		'topics', OLD.topics) IS NOT
	    json_object('date', NEW.date, 'place', NEW.place,
		'topics', NEW.topics)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'mechanisms', NULL,
	    'meeting ' || NEW.id,
	    'corrected',
	    json_object('date', OLD.date, 'place', OLD.place,
		'topics', OLD.topics),
	    json_object('date', NEW.date, 'place', NEW.place,
		'topics', NEW.topics));
END;

CREATE TRIGGER mechanism_meetings_delete_history AFTER DELETE ON mechanism_meetings
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'mechanisms', NULL,
	    'meeting ' || OLD.id,
	    'removed',
	    json_object('date', OLD.date, 'place', OLD.place,
		'topics', OLD.topics),
	    NULL);
END;

CREATE TRIGGER mechanism_participants_insert_history AFTER INSERT ON mechanism_participants
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'mechanisms', NULL,
	    'meeting ' || NEW.meeting_id || ' participant',
	    'added',
	    NULL,
	    json_object('meeting_id', NEW.meeting_id,
		'mechanism_id', NEW.mechanism_id));
END;

CREATE TRIGGER mechanism_participants_update_history AFTER UPDATE ON mechanism_participants
WHEN
	    json_object('meeting_id', OLD.meeting_id,
		'mechanism_id', OLD.mechanism_id) IS NOT
	    json_object('meeting_id', NEW.meeting_id,
		'mechanism_id', NEW.mechanism_id)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'mechanisms', NULL,
	    'meeting ' || NEW.meeting_id || ' participant',
	    'corrected',
	    json_object('meeting_id', OLD.meeting_id,
		'mechanism_id', OLD.mechanism_id),
	    json_object('meeting_id', NEW.meeting_id,
		'mechanism_id', NEW.mechanism_id));
END;

CREATE TRIGGER mechanism_participants_delete_history AFTER DELETE ON mechanism_participants
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'mechanisms', NULL,
	    'meeting ' || OLD.meeting_id || ' participant',
	    'removed',
	    json_object('meeting_id', OLD.meeting_id,
		'mechanism_id', OLD.mechanism_id),
	    NULL);
END;

CREATE TRIGGER practices_insert_history AFTER INSERT ON practices
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'practices', NEW.country,
	    'practice ' || NEW.id,
	    'added',
	    NULL,
	    json_object('country', NEW.country, 'pillar', NEW.pillar,
		'title', NEW.title, 'tags', NEW.tags, 'summary', NEW.summary,
		'date', NEW.date, 'source', NEW.source));
END;

CREATE TRIGGER practices_update_history AFTER UPDATE ON practices
WHEN
	    json_object('country', OLD.country, 'pillar', OLD.pillar,
		'title', OLD.title, 'tags', OLD.tags, 'summary', OLD.summary,
		'date', OLD.date, 'source', OLD.source) IS NOT
	    json_object('country', NEW.country, 'pillar', NEW.pillar,
		'title', NEW.title, 'tags', NEW.tags, 'summary', NEW.summary,
		'date', NEW.date, 'source', NEW.source)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'practices', NEW.country,
	    'practice ' || NEW.id,
	    'corrected',
	    json_object('country', OLD.country, 'pillar', OLD.pillar,
		'title', OLD.title, 'tags', OLD.tags, 'summary', OLD.summary,
		'date', OLD.date, 'source', OLD.source),
	    json_object('country', NEW.country, 'pillar', NEW.pillar,
		'title', NEW.title, 'tags', NEW.tags, 'summary', NEW.summary,
		'date', NEW.date, 'source', NEW.source));
END;

CREATE TRIGGER practices_delete_history AFTER DELETE ON practices
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'practices', OLD.country,
	    'practice ' || OLD.id,
	    'removed',
	    json_object('country', OLD.country, 'pillar', OLD.pillar,
		'title', OLD.title, 'tags', OLD.tags, 'summary', OLD.summary,
		'date', OLD.date, 'source', OLD.source),
	    NULL);
END;

CREATE TRIGGER worldday_insert_history AFTER INSERT ON worldday
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'worldday', NULL,
	    'theme ' || NEW.year,
	    'added',
	    NULL,
	    json_object('year', NEW.year, 'theme', NEW.theme));
END;

CREATE TRIGGER worldday_update_history AFTER UPDATE ON worldday
WHEN
	    json_object('year', OLD.year, 'theme', OLD.theme) IS NOT
	    json_object('year', NEW.year, 'theme', NEW.theme)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'worldday', NULL,
	    'theme ' || NEW.year,
	    'corrected',
	    json_object('year', OLD.year, 'theme', OLD.theme),
	    json_object('year', NEW.year, 'theme', NEW.theme));
END;

CREATE TRIGGER worldday_delete_history AFTER DELETE ON worldday
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'worldday', NULL,
	    'theme ' || OLD.year,
	    'removed',
	    json_object('year', OLD.year, 'theme', OLD.theme),
	    NULL);
END;

CREATE TRIGGER worldday_events_insert_history AFTER INSERT ON worldday_events
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'worldday', NEW.country,
	    'event ' || NEW.id,
	    'added',
	    NULL,
	    json_object('year', NEW.year, 'title', NEW.title,
		'organiser', NEW.organiser, 'country', NEW.country, 'date', NEW.date));
END;

CREATE TRIGGER worldday_events_update_history AFTER UPDATE ON worldday_events
WHEN
	    json_object('year', OLD.year, 'title', OLD.title,
		'organiser', OLD.organiser, 'country', OLD.country, 'date', OLD.date) IS NOT
	    json_object('year', NEW.year, 'title', NEW.title,
		'organiser', NEW.organiser, 'country', NEW.country, 'date', NEW.date)
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'worldday', NEW.country,
	    'event ' || NEW.id,
	    'corrected',
	    json_object('year', OLD.year, 'title', OLD.title,
		'organiser', OLD.organiser, 'country', OLD.country, 'date', OLD.date),
	    json_object('year', NEW.year, 'title', NEW.title,
		'organiser', NEW.organiser, 'country', NEW.country, 'date', NEW.date));
END;

CREATE TRIGGER worldday_events_delete_history AFTER DELETE ON worldday_events
BEGIN
	INSERT INTO register_history (at, operator, register, country, item,
	    change, before, after)
	VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), palermo_operator(),
	    'worldday', OLD.country,
	    'event ' || OLD.id,
	    'removed',
	    json_object('year', OLD.year, 'title', OLD.title,
		'organiser', OLD.organiser, 'country', OLD.country, 'date', OLD.date),
	    NULL);
END;
