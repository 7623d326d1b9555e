-- 0020: the Trust Fund's grant cycles, and the victims its grantees
-- report by form, sex and age.  The cycles, named as the fund names them
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

-- What the grantees report of the victims they assisted may be given by
-- form of exploitation, sex and age (codes of the lists form, sex and
-- age_group; 0 is the total), beside the grant's total.
ALTER TABLE fund_victims ADD COLUMN form INTEGER NOT NULL DEFAULT 0;
ALTER TABLE fund_victims ADD COLUMN sex INTEGER NOT NULL DEFAULT 0;
ALTER TABLE fund_victims ADD COLUMN age INTEGER NOT NULL DEFAULT 0;
