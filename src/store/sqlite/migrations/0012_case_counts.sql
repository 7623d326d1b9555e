-- 0012: the counts of a report, kept per submission and year of
-- registration (year -1: not recorded), so that a report over all cases,
-- or over some years or sources, adds these up instead of counting every
-- case again.  Derived from the packs by the engine the first time a
-- report needs them, in the layout it names (layout); removed with their
-- submission, and dropped when one of its cases is changed by hand.
CREATE TABLE case_counts (
	submission_id	INTEGER NOT NULL
	    REFERENCES submissions(id) ON DELETE CASCADE,
	year		INTEGER NOT NULL,
	layout		INTEGER NOT NULL,
	n		INTEGER NOT NULL,	-- the cases counted
	data		BLOB NOT NULL,
	PRIMARY KEY (submission_id, year)
) WITHOUT ROWID;

CREATE TRIGGER cases_changed_counts AFTER UPDATE ON cases
BEGIN
	DELETE FROM case_counts WHERE submission_id IN
	    (OLD.submission_id, NEW.submission_id);
END;
