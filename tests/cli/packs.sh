# tests/cli/packs.sh: the packed cases the reports read, kept beside the
# rows: written with each submission (a pack per 1,024 cases), removed
# with it, never left by a refused import, built for a database made
# before them, rebuilt from the rows after a hand edit or under another
# layout, and checked byte for byte against the rows (check packs).  The
# figures read from packs are checked against the files in report.sh.
. "$(dirname "$0")/../lib.sh"

db="$T/p.db"
fresh "$db"
P sample cases --count 9000 --seed 3 --out "$T/a.csv"
P sample cases --count 100 --seed 4 --out "$T/b.csv"
expect "import 9,000 cases" 0 "" P import cases "$T/a.csv" --source a --db "$db"
expect "import 100 cases" 0 "" P import cases "$T/b.csv" --source b --db "$db"
# packs per submission, from the files: ceil(rows / 1024), all the rows
rows_a=$(($(wc -l <"$T/a.csv") - 1)) rows_b=$(($(wc -l <"$T/b.csv") - 1))
same "packs of 1,024 cases, in order, holding every row" \
    "$(q "$db" "SELECT submission_id, count(*), sum(n), group_concat(seq, ' ') FROM (SELECT * FROM case_packs ORDER BY submission_id, seq) GROUP BY submission_id")" \
    "1|$(((rows_a + 1023) / 1024))|$rows_a|$(seq -s ' ' 0 $(((rows_a + 1023) / 1024 - 1)))
2|1|$rows_b|0"
same "28 bytes a case" "$(q "$db" "SELECT sum(length(data)) FROM case_packs")" "$(((rows_a + rows_b) * 28))"
expect "check packs" 0 "$((rows_a + rows_b)) cases: the packs are their rows, byte for byte" P check packs --db "$db"
P stats --all --db "$db" --out "$T/before.csv" 2>/dev/null

# a refused import leaves no pack
{ head -1 "$T/b.csv"; sed -n 2,50p "$T/b.csv"; echo "1850$(head -2 "$T/b.csv" | tail -1 | cut -c5-)"; } >"$T/bad.csv"
h=$(hash "$db")
expect "a bad file is refused" 1 "nothing was imported" P import cases "$T/bad.csv" --source c --db "$db"
same "and leaves the database as it was" "$(hash "$db")" "$h"

# removed with their submission
expect "remove submission 2" 0 "removed submission 2" P submissions rm 2 --db "$db"
same "its packs are gone" "$(q "$db" "SELECT count(*) FROM case_packs WHERE submission_id = 2")" 0
expect "check packs after a removal" 0 "$rows_a cases" P check packs --db "$db"
expect "import it again" 0 "" P import cases "$T/b.csv" --source b --db "$db"

# a pack changed by hand is found, and said where
cp "$db" "$T/bad.db"
q "$T/bad.db" "UPDATE case_packs SET data = zeroblob(length(data)) WHERE submission_id = 1 AND seq = 1"
expect "check packs finds a changed pack" 1 "" P check packs --db "$T/bad.db"
same "and says from which case" "$(cat "$T/stdout")" \
    "the packed cases differ from their rows from case 1025 on (of $((rows_a + rows_b)), in the order they were stored)"

# a case changed by hand: its submission is packed again from the rows at
# the next open, and the figures follow the rows
cp "$db" "$T/edit.db"
q "$T/edit.db" "UPDATE cases SET year = 1999 WHERE id = (SELECT min(id) FROM cases WHERE year != 1999)"
same "the edit drops the submission's packs" "$(q "$T/edit.db" "SELECT count(*) FROM case_packs WHERE submission_id = 1")" 0
expect "check packs after the edit" 0 "cases: the packs are their rows" P check packs --db "$T/edit.db"
P stats --by year --format csv --db "$T/edit.db" --out "$T/years.csv" 2>/dev/null
same "the figures are the rows'" "$(awk -F, '$1 == 1999 { print $2 }' "$T/years.csv")" \
    "$(q "$T/edit.db" "SELECT count(*) FROM cases WHERE year = 1999")"

# another layout: every pack is made again
cp "$db" "$T/layout.db"
q "$T/layout.db" "UPDATE pack_layout SET layout = 1; UPDATE case_packs SET data = zeroblob(length(data))"
expect "packs of another layout are rebuilt" 0 "cases: the packs are their rows" P check packs --db "$T/layout.db"
same "under this build's layout" "$(q "$T/layout.db" "SELECT layout != 1 FROM pack_layout")" 1

# a database made before the packs: built when first opened
cp "$db" "$T/old.db"
# (and without what came after: the editions of statistics, whose column
# of stats goes with the table, made again as migration 0002 made it)
q "$T/old.db" "DROP TRIGGER cases_changed_counts; DROP TABLE case_counts; DROP TRIGGER cases_changed; DROP TABLE pack_layout; DROP TABLE case_packs; DROP TABLE supersessions; DROP TABLE region_members; DROP TABLE region_schemes; DROP TABLE stats; $(sed -n '/^CREATE TABLE stats/,/^);/p' "$top/src/store/sqlite/migrations/0002_stats.sql") $(undo_registers) DELETE FROM schema_version WHERE version >= 11"
expect "an old database gets its packs" 0 "cases: the packs are their rows" P check packs --db "$T/old.db"
same "every row packed" "$(q "$T/old.db" "SELECT sum(n) FROM case_packs")" "$((rows_a + rows_b))"
P stats --all --db "$T/old.db" --out "$T/after.csv" 2>/dev/null
P stats --all --db "$db" --out "$T/now.csv" 2>/dev/null
same "the same figures as the database packed at import" "$(cmp "$T/after.csv" "$T/now.csv" && echo same)" same
# (all but the time each file was imported)
same "removed and imported again: the figures of before" \
    "$(diff <(sed 's/,[0-9T:-]*Z$//' "$T/before.csv") <(sed 's/,[0-9T:-]*Z$//' "$T/now.csv") && echo same)" same

expect "check packs takes no --year" 2 "check packs takes no --country or --year" P check packs --year 2020 --db "$db"
expect "check what?" 2 "say what to check: stats or packs" P check cases --db "$db"

# counted on 1, 2 and 8 threads (each a share of the records): the same
# figures, and those of the rows when counted by the sqlite3 shell (every
# case counted, not the counts kept per submission and year)
for n in 1 2 8; do
	PALERMO_RECOUNT=1 PALERMO_THREADS=$n P stats --all --db "$db" --out "$T/t$n.csv" 2>/dev/null
done
same "2 threads count what 1 does" "$(cmp "$T/t1.csv" "$T/t2.csv" && echo same)" same
same "8 threads count what 1 does" "$(cmp "$T/t1.csv" "$T/t8.csv" && echo same)" same
same "the total of cases, on 8 threads" \
    "$(awk -F, '/^# key_findings/ { on = 1; next } on && $1 == "Victims registered" { print $2; exit }' "$T/t8.csv")" \
    "$(q "$db" "SELECT count(*) FROM cases")"
expect "PALERMO_THREADS out of range is not taken" 0 "" env PALERMO_RECOUNT=1 PALERMO_THREADS=0 "$top/palermo" stats --all --db "$db" --out "$T/t0.csv"
same "and the figures are the same" "$(cmp "$T/t1.csv" "$T/t0.csv" && echo same)" same

# a source with no submission: no cases, from the packs or from the rows
expect "stats --all for a source with no submission" 0 "" P stats --all --source nobody --db "$db" --out "$T/none.csv"
# (no case: no table of case records, and no official statistics here)
same "counts no case" "$(wc -c <"$T/none.csv")" 0
expect "and counting every case" 0 "" env PALERMO_RECOUNT=1 "$top/palermo" stats --all --source nobody --db "$db" --out "$T/none2.csv"
same "counts no case either" "$(cmp "$T/none.csv" "$T/none2.csv" && echo same)" same
