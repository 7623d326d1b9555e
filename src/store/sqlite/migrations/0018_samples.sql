-- 0018: what palermo sample generated into this database (coordination
-- data, the Trust Fund's history), so that every report built on it can
-- say so in each of its sections.
CREATE TABLE samples (
	kind		TEXT PRIMARY KEY CHECK (kind IN ('coordination', 'fund')),
	seed		INTEGER NOT NULL,
	created_at	TEXT NOT NULL
);
