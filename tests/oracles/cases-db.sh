#!/usr/bin/env bash
# tests/oracles/cases-db.sh OUT DICT FILE...: an SQLite database of the case
# files in palermo's CSV format (docs/formats.md), built by the sqlite3 shell
# straight from the files, for the suite to compute figures in SQL without
# reading anything palermo stored.  Each file is a submission (id 1, 2, ...)
# of its own source.  Values are decoded here: codes by their names in the
# code lists of DICT (a database just made by palermo init, which holds only
# the lists and fields), countries by alpha-3 from data/countries.csv, flags
# as 1 and 0, an empty value as NULL.  The tables are named as palermo's, so
# that the same SQL runs on either.
set -euo pipefail
out=$1 dict=$2
shift 2
. "$(dirname "${BASH_SOURCE[0]}")/reference.sh"
rm -f "$out"
reference_tables "$out" "$dict"
sqlite3 -batch "$out" \
    "CREATE TABLE submissions (id INTEGER PRIMARY KEY, source_id INTEGER)"
# one SELECT expression per field, in the fields' order
cols=$(sqlite3 -batch -separator '|' "$dict" "SELECT name, kind, coalesce(list, '') FROM case_fields ORDER BY position" |
    while IFS='|' read -r name kind list; do
	case $kind in
	year|flag) echo "CAST(nullif(r.$name, '') AS INTEGER) AS $name," ;;
	code) echo "(SELECT code FROM codes WHERE list = '$list' AND name = r.$name) AS $name," ;;
	country) echo "(SELECT numeric FROM countries WHERE alpha3 = r.$name) AS $name," ;;
	esac
    done)
n=0
for f in "$@"; do
	n=$((n + 1))
	sqlite3 -batch "$out" "DROP TABLE IF EXISTS raw" ".import --csv $f raw" \
	    "INSERT INTO submissions VALUES ($n, $n)" \
	    "CREATE TABLE IF NOT EXISTS cases AS SELECT 0 AS id, 0 AS submission_id, * FROM (SELECT $cols 0 AS line FROM raw r) WHERE 0"
	off=$(sqlite3 -batch "$out" "SELECT coalesce(max(id), 0) FROM cases")
	sqlite3 -batch "$out" "INSERT INTO cases SELECT $off + r.rowid, $n, $cols r.rowid + 1 FROM raw r"
done
sqlite3 -batch "$out" "DROP TABLE IF EXISTS raw"
