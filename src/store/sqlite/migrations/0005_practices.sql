-- 0005: national coordination mechanisms and rapporteurs, and the
-- practices they share (resolution 68/192, op. 12), searchable in full
-- text.  A mechanism is an office: no private person's data is kept.

CREATE TABLE mechanisms (
	id		INTEGER PRIMARY KEY,
	country		INTEGER NOT NULL,	-- ISO 3166-1 numeric
	name		TEXT NOT NULL,
	kind		TEXT NOT NULL
	    CHECK (kind IN ('coordination', 'rapporteur', 'equivalent')),
	mandate		TEXT,
	office		TEXT,			-- the office to contact
	UNIQUE (country, name)
);

CREATE TABLE practices (
	id		INTEGER PRIMARY KEY,
	country		INTEGER NOT NULL,
	pillar		INTEGER NOT NULL,	-- list pillar
	title		TEXT NOT NULL,
	tags		TEXT NOT NULL DEFAULT '',	-- comma-separated
	summary		TEXT NOT NULL,
	body		TEXT NOT NULL DEFAULT '',
	date		TEXT NOT NULL
	    CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	source		TEXT NOT NULL
);

-- The full-text index, kept in step with practices by triggers; the porter
-- tokenizer lets "shelter" find "shelters".
CREATE VIRTUAL TABLE practices_fts USING fts5(title, summary, body, tags,
    content = 'practices', content_rowid = 'id',
    tokenize = 'porter unicode61');

CREATE TRIGGER practices_ai AFTER INSERT ON practices BEGIN
	INSERT INTO practices_fts (rowid, title, summary, body, tags)
	    VALUES (new.id, new.title, new.summary, new.body, new.tags);
END;

CREATE TRIGGER practices_ad AFTER DELETE ON practices BEGIN
	INSERT INTO practices_fts (practices_fts, rowid, title, summary, body,
	    tags) VALUES ('delete', old.id, old.title, old.summary, old.body,
	    old.tags);
END;

CREATE TRIGGER practices_au AFTER UPDATE ON practices BEGIN
	INSERT INTO practices_fts (practices_fts, rowid, title, summary, body,
	    tags) VALUES ('delete', old.id, old.title, old.summary, old.body,
	    old.tags);
	INSERT INTO practices_fts (rowid, title, summary, body, tags)
	    VALUES (new.id, new.title, new.summary, new.body, new.tags);
END;
