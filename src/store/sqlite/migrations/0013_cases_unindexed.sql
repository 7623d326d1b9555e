-- 0013: the cases lose their index by submission.  The reports read the
-- packs (0011), which are kept by submission, and nothing looks cases up
-- by submission any more but the removal of a submission, which now
-- reads the table once; keeping the index cost every import an eighth
-- of its time.
DROP INDEX IF EXISTS cases_submission;
