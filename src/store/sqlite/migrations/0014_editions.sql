-- 0014: editions of official statistics.  A submission that brings values
-- of keys another submission holds (the same country, year, indicator,
-- splits and origin) supersedes those values when the user says so: the
-- old values stay, marked with the submission that superseded them, and
-- every figure reads only the values no one has superseded.  Removing the
-- later submission makes the earlier values current again.
ALTER TABLE stats ADD COLUMN superseded_by INTEGER
    REFERENCES submissions(id) ON DELETE SET NULL;

-- What superseded what, and how many values.
CREATE TABLE supersessions (
	submission_id	INTEGER NOT NULL
	    REFERENCES submissions(id) ON DELETE CASCADE,
	superseded_id	INTEGER NOT NULL
	    REFERENCES submissions(id) ON DELETE CASCADE,
	n		INTEGER NOT NULL CHECK (n > 0),
	PRIMARY KEY (submission_id, superseded_id)
) WITHOUT ROWID;

-- A database made before this holds the same keys from several
-- submissions where a file was imported twice (the portal's CSV and its
-- xlsx) or in two editions.  The latest submission's values supersede the
-- earlier ones' for those keys, as --supersedes would have made them.
CREATE INDEX stats_key_0014 ON stats (year, indicator, sex, age, form,
    origin_dim, country);
UPDATE stats SET superseded_by = (SELECT max(n.submission_id) FROM stats n
	WHERE n.submission_id > stats.submission_id
	AND n.year = stats.year AND n.indicator = stats.indicator
	AND n.sex = stats.sex AND n.age = stats.age AND n.form = stats.form
	AND n.origin_dim = stats.origin_dim AND n.country IS stats.country
	AND (stats.country IS NOT NULL OR n.country_text IS stats.country_text)
	AND n.origin_text IS stats.origin_text);
INSERT INTO supersessions (submission_id, superseded_id, n)
	SELECT superseded_by, submission_id, count(*) FROM stats
	WHERE superseded_by IS NOT NULL GROUP BY superseded_by, submission_id;
DROP INDEX stats_key_0014;
