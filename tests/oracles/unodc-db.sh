#!/usr/bin/env bash
# tests/oracles/unodc-db.sh OUT DICT CSV READINGS: an SQLite database of the
# UNODC data portal's export (CSV), built by the sqlite3 shell straight from
# the file, for the suite to compute official figures in SQL.  The table
# stats has the columns of palermo's, decoded here: labels to codes by the
# code lists of DICT (a database just made by palermo init), countries by
# ISO 3 from data/countries.csv, "<5" as 1 to 4, "1,096" as 1096.
#
# READINGS is a CSV (line,kind,code) giving how each origin of the file,
# by its line, is read: the reading of free text (origin_kind, origin_code)
# is the one thing taken as given, and the suite checks it on its own
# against the file's country names and tests/oracles/origin-readings.csv.
set -euo pipefail
out=$1 dict=$2 csv=$3 readings=$4
. "$(dirname "${BASH_SOURCE[0]}")/reference.sh"
rm -f "$out"
reference_tables "$out" "$dict"
sqlite3 -batch "$out" ".import --csv $csv r" ".import --csv $readings o0" \
    "CREATE TABLE o (line INTEGER PRIMARY KEY, kind TEXT, code TEXT)" \
    "INSERT INTO o SELECT CAST(line AS INTEGER), kind, code FROM o0" \
    "CREATE TABLE stats AS SELECT
	(SELECT numeric FROM countries WHERE alpha3 = r.Iso3_code) AS country,
	CASE WHEN r.Iso3_code = '' THEN r.Country END AS country_text,
	CAST(r.Year AS INTEGER) AS year,
	(SELECT code FROM codes WHERE list = 'indicator' AND label = r.Indicator) AS indicator,
	(SELECT code FROM codes WHERE list = 'sex' AND label = r.Sex) AS sex,
	(SELECT code FROM codes WHERE list = 'age_group' AND label = r.Age) AS age,
	CASE r.Dimension WHEN 'by form of exploitation' THEN (SELECT code FROM codes WHERE list = 'form' AND label = r.Category) ELSE 0 END AS form,
	CASE r.Dimension WHEN 'by citizenship' THEN 1 WHEN 'by country of repatriation' THEN 2 ELSE 0 END AS origin_dim,
	CASE WHEN r.Dimension LIKE 'by c%' THEN (SELECT code FROM codes WHERE list = 'origin_kind' AND name = o.kind) ELSE 0 END AS origin_kind,
	CASE WHEN r.Dimension LIKE 'by c%' THEN (SELECT numeric FROM countries WHERE alpha3 = o.code) END AS origin_code,
	CASE WHEN r.Dimension LIKE 'by c%' THEN r.Category END AS origin_text,
	CASE r.txtVALUE WHEN '<5' THEN 1 ELSE CAST(replace(r.txtVALUE, ',', '') AS INTEGER) END AS low,
	CASE r.txtVALUE WHEN '<5' THEN 4 ELSE CAST(replace(r.txtVALUE, ',', '') AS INTEGER) END AS high
	FROM r LEFT JOIN o ON o.line = r.rowid + 1" \
    "DROP TABLE r" "DROP TABLE o" "DROP TABLE o0"
