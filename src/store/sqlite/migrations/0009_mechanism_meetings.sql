-- 0009: the meetings at which national coordination mechanisms exchange
-- practices (resolution 68/192, op. 12), and which mechanisms took part.

CREATE TABLE mechanism_meetings (
	id		INTEGER PRIMARY KEY,
	date		TEXT NOT NULL,
	place		TEXT NOT NULL DEFAULT '',
	topics		TEXT NOT NULL DEFAULT ''
);

CREATE TABLE mechanism_participants (
	meeting_id	INTEGER NOT NULL
	    REFERENCES mechanism_meetings(id) ON DELETE CASCADE,
	mechanism_id	INTEGER NOT NULL REFERENCES mechanisms(id),
	PRIMARY KEY (meeting_id, mechanism_id)
);
