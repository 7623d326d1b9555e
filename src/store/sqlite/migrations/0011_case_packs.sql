-- 0011: each submission's cases packed as the engine counts them
-- (src/model/packed.c), in chunks of up to 4,096 cases in the order of
-- their rows, so that a report reads some 28 bytes a case instead of 68
-- columns.  The rows stay the truth: the packs are derived from them,
-- written in the same transaction, removed with their submission, and
-- rebuilt from the rows when the layout they were packed under is not
-- this build's (pack_layout) or a submission's packs do not hold all its
-- rows.  The packs of the cases already stored are built when a database
-- is first opened after this migration.
CREATE TABLE case_packs (
	submission_id	INTEGER NOT NULL
	    REFERENCES submissions(id) ON DELETE CASCADE,
	seq		INTEGER NOT NULL,
	n		INTEGER NOT NULL CHECK (n BETWEEN 1 AND 4096),
	data		BLOB NOT NULL,
	PRIMARY KEY (submission_id, seq)
) WITHOUT ROWID;

-- The layout of every pack (packed_layout()); one row.
CREATE TABLE pack_layout (
	layout		INTEGER NOT NULL
);

-- A case changed by hand no longer matches its pack: the submission's
-- packs go, and are rebuilt from the rows when the database is next
-- opened.
CREATE TRIGGER cases_changed AFTER UPDATE ON cases
BEGIN
	DELETE FROM case_packs WHERE submission_id IN
	    (OLD.submission_id, NEW.submission_id);
END;
