-- 0010: the UN Voluntary Trust Fund for Victims of Trafficking in Persons,
-- Especially Women and Children (resolution 68/192, op. 13 and 17), as a
-- double-entry ledger.  Every event is a journal entry whose lines balance,
-- in integer minor units of the entry's currency and in US cents at the
-- entry's rate.  Posted entries are never changed or removed: a correction
-- is a reversing entry that names the entry it corrects.  The triggers at
-- the end hold that rule for every program, not only palermo.

CREATE TABLE fund_donors (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	kind		TEXT NOT NULL CHECK (kind IN ('state',
	    'intergovernmental', 'private_sector', 'individual', 'campaign')),
	country		INTEGER,		-- ISO numeric, where one applies
	posted_by	TEXT NOT NULL,
	posted_at	TEXT NOT NULL
);

CREATE TABLE fund_entries (
	id		INTEGER PRIMARY KEY,
	date		TEXT NOT NULL
	    CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	kind		TEXT NOT NULL CHECK (kind IN ('pledge', 'contribution',
	    'grant', 'disbursement', 'refund', 'support', 'reversal')),
	currency	TEXT NOT NULL CHECK (length(currency) = 3),
	rate		TEXT NOT NULL,		-- US dollars per unit, exact
	donor_id	INTEGER REFERENCES fund_donors (id),
	pledge_id	INTEGER,
	grant_id	INTEGER,
	reverses	INTEGER UNIQUE REFERENCES fund_entries (id),
	memo		TEXT NOT NULL DEFAULT '',
	posted_by	TEXT NOT NULL,
	posted_at	TEXT NOT NULL
);

-- A line moves amount (minor units; debit positive, credit negative) on an
-- account; ref is the pledge or grant the line is about, 0 for none.
CREATE TABLE fund_lines (
	entry_id	INTEGER NOT NULL REFERENCES fund_entries (id),
	account		TEXT NOT NULL CHECK (account IN ('cash',
	    'pledges_receivable', 'pledges_committed', 'contributions',
	    'grants_approved', 'grants_undisbursed', 'grant_expenditure',
	    'support_costs')),
	ref		INTEGER NOT NULL DEFAULT 0,
	amount		INTEGER NOT NULL CHECK (typeof(amount) = 'integer'),
	usd		INTEGER NOT NULL CHECK (typeof(usd) = 'integer')
);
CREATE INDEX fund_lines_entry ON fund_lines (entry_id);

CREATE TABLE fund_pledges (
	id		INTEGER PRIMARY KEY,
	entry_id	INTEGER NOT NULL UNIQUE REFERENCES fund_entries (id),
	donor_id	INTEGER NOT NULL REFERENCES fund_donors (id),
	currency	TEXT NOT NULL,
	amount		INTEGER NOT NULL CHECK (amount > 0),
	rate		TEXT NOT NULL,
	date		TEXT NOT NULL,
	period_from	TEXT,
	period_to	TEXT
);

CREATE TABLE fund_grants (
	id		INTEGER PRIMARY KEY,
	entry_id	INTEGER NOT NULL UNIQUE REFERENCES fund_entries (id),
	cycle		INTEGER NOT NULL CHECK (cycle > 0),
	window		TEXT NOT NULL
	    CHECK (window IN ('emergency', 'medium_term')),
	grantee		TEXT NOT NULL,
	country		INTEGER NOT NULL,	-- of implementation
	amount		INTEGER NOT NULL CHECK (amount > 0),	-- US cents
	start		TEXT NOT NULL,
	end		TEXT NOT NULL CHECK (end >= start)
);

-- Victims assisted, as the grantee reports them; the latest report counts.
CREATE TABLE fund_victims (
	id		INTEGER PRIMARY KEY,
	grant_id	INTEGER NOT NULL REFERENCES fund_grants (id),
	date		TEXT NOT NULL,
	victims		INTEGER NOT NULL CHECK (victims >= 0),
	posted_by	TEXT NOT NULL,
	posted_at	TEXT NOT NULL
);

-- Every account's balance, per pledge or grant, kept by the trigger in the
-- transaction that posts the line.  An integer that overflowed would turn
-- into a real number; the checks refuse it.
CREATE TABLE fund_balances (
	account		TEXT NOT NULL,
	ref		INTEGER NOT NULL,
	amount		INTEGER NOT NULL CHECK (typeof(amount) = 'integer'),
	usd		INTEGER NOT NULL CHECK (typeof(usd) = 'integer'),
	PRIMARY KEY (account, ref)
) WITHOUT ROWID;

-- The same per account, over all its pledges and grants: the fund's
-- balance without adding up a row per grant.
CREATE TABLE fund_totals (
	account		TEXT PRIMARY KEY,
	usd		INTEGER NOT NULL CHECK (typeof(usd) = 'integer')
) WITHOUT ROWID;

-- Cash moved on each day: the fund must have cash on every day from a
-- payment's date on, also for a payment recorded after later ones.
CREATE TABLE fund_cash_days (
	date		TEXT PRIMARY KEY,
	usd		INTEGER NOT NULL CHECK (typeof(usd) = 'integer')
) WITHOUT ROWID;

CREATE TRIGGER fund_lines_ai AFTER INSERT ON fund_lines BEGIN
	INSERT INTO fund_balances (account, ref, amount, usd)
	    VALUES (new.account, new.ref, new.amount, new.usd)
	    ON CONFLICT (account, ref) DO UPDATE SET
	    amount = amount + excluded.amount, usd = usd + excluded.usd;
	INSERT INTO fund_totals (account, usd) VALUES (new.account, new.usd)
	    ON CONFLICT (account) DO UPDATE SET usd = usd + excluded.usd;
	INSERT INTO fund_cash_days (date, usd)
	    SELECT e.date, new.usd FROM fund_entries e
	    WHERE e.id = new.entry_id AND new.account = 'cash'
	    ON CONFLICT (date) DO UPDATE SET usd = usd + excluded.usd;
END;

CREATE TRIGGER fund_entries_bu BEFORE UPDATE ON fund_entries BEGIN
	SELECT RAISE(ABORT, 'posted fund entries are never changed: post a reversal');
END;
CREATE TRIGGER fund_entries_bd BEFORE DELETE ON fund_entries BEGIN
	SELECT RAISE(ABORT, 'posted fund entries are never removed: post a reversal');
END;
CREATE TRIGGER fund_lines_bu BEFORE UPDATE ON fund_lines BEGIN
	SELECT RAISE(ABORT, 'posted fund entries are never changed: post a reversal');
END;
CREATE TRIGGER fund_lines_bd BEFORE DELETE ON fund_lines BEGIN
	SELECT RAISE(ABORT, 'posted fund entries are never removed: post a reversal');
END;
CREATE TRIGGER fund_pledges_bu BEFORE UPDATE ON fund_pledges BEGIN
	SELECT RAISE(ABORT, 'pledges are never changed: post a reversal');
END;
CREATE TRIGGER fund_pledges_bd BEFORE DELETE ON fund_pledges BEGIN
	SELECT RAISE(ABORT, 'pledges are never removed: post a reversal');
END;
CREATE TRIGGER fund_grants_bu BEFORE UPDATE ON fund_grants BEGIN
	SELECT RAISE(ABORT, 'grants are never changed: post a reversal');
END;
CREATE TRIGGER fund_grants_bd BEFORE DELETE ON fund_grants BEGIN
	SELECT RAISE(ABORT, 'grants are never removed: post a reversal');
END;
