-- 0020: the Trust Fund's grant cycles, named as the fund names them
-- ("10.2": the tenth cycle's second call), each with the most a grant of
-- it may receive and the most all its grants together may, in US cents.
-- A grant's cycle is one of these.  The cycles that grants already name
-- are made with their number as name and no ceilings recorded.
CREATE TABLE fund_cycles (
	number		INTEGER PRIMARY KEY CHECK (number > 0),
	name		TEXT NOT NULL UNIQUE CHECK (name <> ''),
	grant_ceiling	INTEGER CHECK (grant_ceiling > 0),
	cycle_ceiling	INTEGER CHECK (cycle_ceiling > 0),
	created_at	TEXT NOT NULL
);
INSERT INTO fund_cycles (number, name, created_at)
    SELECT DISTINCT cycle, CAST(cycle AS TEXT),
    strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM fund_grants ORDER BY cycle;
