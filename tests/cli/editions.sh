# tests/cli/editions.sh: editions of official statistics, not duplicates.
# The portal's CSV and then its xlsx (the same values) are refused unless
# the second supersedes the first; a superseding edition replaces only
# the keys it gives, stays in the history, and gives the old values back
# when removed; a key repeated in palermo's CSV or JSON is an error at its
# line, while the portal's repeats (parts of one figure) are counted and
# added; a database made before editions gets its double imports resolved
# once.  Expected values come from the input files (awk, python, the
# sqlite3 shell over the CSV), never from palermo's database alone.
. "$(dirname "$0")/../lib.sh"

csv="$data/glotip/unodc_glotip_data_export_2025-04-14.csv"
xlsx="$data/glotip/unodc_glotip_data_export_2025-04-14.xlsx"
nvalues=$(($(wc -l <"$csv") - 1))
db="$T/e.db"
fresh "$db"

# --- the CSV, then the xlsx of the same export ------------------------------
expect "import the CSV" 0 "imported $nvalues values" P import stats "$csv" --source UNODC --db "$db"
# the keys the export repeats (parts of one figure), counted by python
# over the CSV: a key is the columns but Region, Subregion, value, source
read -r rkeys rvalues < <(python3 - "$csv" <<'PY'
import csv, sys, collections
rows = csv.DictReader(open(sys.argv[1], encoding='utf-8', newline=''))
n = collections.Counter((r['Iso3_code'] or r['Country'], r['Indicator'], r['Dimension'], r['Category'], r['Sex'], r['Age'], r['Year']) for r in rows)
print(sum(1 for v in n.values() if v > 1), sum(v - 1 for v in n.values() if v > 1))
PY
)
reported "$rkeys keys are given in more than one value ($rvalues values beyond the first of each)"
h=$(hash "$db")
expect "the xlsx of the same export is refused" 1 "values of keys that other submissions hold" \
    P import stats "$xlsx" --source UNODC --db "$db"
reported "submission 1 holds $nvalues of them" "import it with --supersedes 1" \
    "row 4: ABW 2010 detected_victims, repatriation 'Ukraine': held by submission 1"
same "refused: nothing stored" "$(hash "$db")" "$h"
expect "the same from another source" 1 "submission 1 holds $nvalues of them" \
    P import stats "$xlsx" --source "someone else" --db "$db"
same "refused again: nothing stored" "$(hash "$db")" "$h"
expect "the xlsx as a new edition" 0 "its values supersede $nvalues values of submission 1" \
    P import stats "$xlsx" --source UNODC --supersedes 1 --db "$db"
# the figures count each value once: the current values are the export
P export stats --format unodc --db "$db" --out "$T/now.csv"
cmp -s "$T/now.csv" "$csv" && ok "current values are the export once" || nok "current values are the export once" "$(wc -l <"$T/now.csv") lines"
same "the old values stay, superseded" "$(q "$db" "SELECT submission_id || ':' || coalesce(superseded_by, '') || ':' || count(*) FROM stats GROUP BY submission_id, superseded_by ORDER BY 1")" \
    "1:2:$nvalues
2::$nvalues"
# world totals of detected victims by year, computed from the CSV by
# tests/oracles/official.py, against the report: one copy, not two
P report global --db "$db" --out "$T/g" 2>/dev/null
same "world totals counted once" "$(sqlite3 -batch ":memory:" ".import --csv $T/g/tables/official_trends.csv t" "SELECT * FROM t")" \
    "$(python3 "$top/tests/oracles/official.py" official_trends "$csv")"

# --- provenance: what superseded what, and taking an edition back ------------
run P submissions --db "$db"
same "submissions show what superseded what" "$(awk -F'\t' 'NR > 1 { print $1 "|" $10 "|" $11 }' "$T/stdout")" \
    "1||2 ($nvalues values)
2|1 ($nvalues values)|"
# replacing the edition (the same file again) keeps what it superseded
expect "replace the edition" 0 "its values supersede $nvalues values of submission 1" \
    P import stats "$xlsx" --source UNODC --replace --db "$db"
same "after the replacement" "$(q "$db" "SELECT submission_id || ':' || coalesce(superseded_by, '') || ':' || count(*) FROM stats GROUP BY submission_id, superseded_by ORDER BY 1")" \
    "1:3:$nvalues
3::$nvalues"
expect "remove the edition" 0 "removed submission 3" P submissions rm 3 --db "$db"
same "the first edition is current again" "$(q "$db" "SELECT count(*) FROM stats WHERE superseded_by IS NULL AND submission_id = 1")|$(q "$db" 'SELECT count(*) FROM supersessions')" "$nvalues|0"

# --- a small edition: only the keys it gives are replaced -------------------
hdr="country,country_text,year,indicator,sex,age_group,form,origin_dim,origin_kind,origin_code,origin_text,low,high,note"
printf '%s\n' "$hdr" "DEU,,2020,convicted,total,total,total,none,none,,,10,10,first" \
    "DEU,,2021,convicted,total,total,total,none,none,,,11,11,first" \
    "FRA,,2021,convicted,female,total,total,none,none,,,<5,<5,first" >"$T/ed1.csv"
printf '%s\n' "$hdr" "DEU,,2021,convicted,total,total,total,none,none,,,12,12,second" \
    "FRA,,2021,convicted,female,total,total,none,none,,,7,7,second" \
    "ITA,,2021,convicted,total,total,total,none,none,,,3,3,second" >"$T/ed2.csv"
fresh "$T/s.db"
expect "first edition" 0 "imported 3 values" P import stats "$T/ed1.csv" --source ministry --db "$T/s.db"
h=$(hash "$T/s.db")
expect "second edition, unsaid" 1 "line 2: DEU 2021 convicted: held by submission 1" P import stats "$T/ed2.csv" --source ministry --db "$T/s.db"
reported "line 3: FRA 2021 convicted, sex female: held by submission 1" "submission 1 holds 2 of them"
same "second edition refused: nothing stored" "$(hash "$T/s.db")" "$h"
expect "supersede a submission that is not there" 1 "--supersedes 7: there is no submission 7 of official statistics" \
    P import stats "$T/ed2.csv" --source ministry --supersedes 7 --db "$T/s.db"
expect "supersedes on cases" 2 "--supersedes is for stats" P import cases "$T/ed2.csv" --source m --supersedes 1 --db "$T/s.db"
expect "supersedes takes an id" 2 "--supersedes takes a submission id" P import stats "$T/ed2.csv" --source m --supersedes one --db "$T/s.db"
same "bad supersedes: nothing stored" "$(hash "$T/s.db")" "$h"
expect "second edition" 0 "its values supersede 2 values of submission 1" \
    P import stats "$T/ed2.csv" --source ministry --supersedes 1 --db "$T/s.db"
# the current values: each key of the second file, and the keys of the
# first that the second does not give (a join of the two files by awk)
want=$(awk -F, 'FNR == 1 { next } { k = $1 FS $3 FS $4 FS $5 } NR == FNR { a[k] = $0; next } { a[k] = $0 } END { for (k in a) print a[k] }' "$T/ed1.csv" "$T/ed2.csv" | sort)
got=$(P export stats --format palermo --db "$T/s.db" 2>/dev/null | tail -n +2 | sed 's/,$//' | sort)
same "current: the second edition and what the first alone gives" "$got" "$want"
printf '%s\n' "$hdr" "ESP,,2021,convicted,total,total,total,none,none,,,3,3,third" >"$T/ed3.csv"
expect "supersede with nothing in common" 1 "--supersedes 1: no value of" \
    P import stats "$T/ed3.csv" --source ministry --supersedes 1 --db "$T/s.db"

# --- a key given twice ------------------------------------------------------
h=$(hash "$T/s.db")
printf '%s\n' "$hdr" "ESP,,2019,offences,total,total,total,none,none,,,5,5," "ESP,,2020,offences,total,total,total,none,none,,,6,6," \
    "ESP,,2019,offences,total,total,total,none,none,,,7,7," >"$T/twice.csv"
expect "a key twice in palermo's CSV" 1 "twice.csv:4: ESP 2019 offences is given again (line 2 has it)" \
    P import stats "$T/twice.csv" --source m --db "$T/s.db"
P export stats --format json --db "$T/s.db" --out "$T/all.json" 2>/dev/null
{ cat "$T/all.json"; sed -n 1p "$T/all.json"; } >"$T/twice.json"
expect "a key twice in palermo's JSON" 1 "twice.json:$(($(wc -l <"$T/all.json") + 1)): " \
    P import stats "$T/twice.json" --source m --db "$T/s.db"
reported "is given again (line 1 has it)"
# parts: numbered, each once, and never beside the whole
printf '%s\n' "$hdr,part" "ESP,,2019,offences,total,total,total,none,none,,,5,5,,1" "ESP,,2019,offences,total,total,total,none,none,,,<5,<5,,2" \
    "ESP,,2019,offences,total,total,total,none,none,,,2,2,,2" >"$T/parts.csv"
expect "a part twice" 1 "parts.csv:4: ESP 2019 offences is given again (line 3 has it)" P import stats "$T/parts.csv" --source m --db "$T/s.db"
printf '%s\n' "$hdr,part" "ESP,,2019,offences,total,total,total,none,none,,,5,5,,1" "ESP,,2019,offences,total,total,total,none,none,,,<5,<5,," >"$T/whole.csv"
expect "a key whole and in parts" 1 "whole.csv:3: ESP 2019 offences is given again (line 2 has it)" P import stats "$T/whole.csv" --source m --db "$T/s.db"
printf '%s\n' "$hdr,part" "ESP,,2019,offences,total,total,total,none,none,,,5,5,,0" >"$T/part0.csv"
expect "part 0" 1 "part0.csv:2:15: part: '0' is not a part number" P import stats "$T/part0.csv" --source m --db "$T/s.db"
same "keys twice: nothing stored" "$(hash "$T/s.db")" "$h"
printf '%s\n' "$hdr,part" "ESP,,2019,offences,total,total,total,none,none,,,5,5,,1" "ESP,,2019,offences,total,total,total,none,none,,,<5,<5,,2" >"$T/parts.csv"
expect "parts numbered once each" 0 "1 keys are given in more than one value (1 values beyond the first of each)" \
    P import stats "$T/parts.csv" --source m --db "$T/s.db"
same "parts added" "$(P check stats --country ESP --db "$T/s.db" 2>&1 >/dev/null)" "palermo: checked 2 values: 0 inconsistencies"

# the export's repeated keys go out as numbered parts and come back the same
fresh "$T/rt.db"
P import stats "$csv" --source UNODC --db "$T/rt.db" 2>/dev/null
P export stats --format palermo --db "$T/rt.db" --out "$T/rt.palermo"
same "parts numbered in the export" "$(sqlite3 -batch ":memory:" ".import --csv $T/rt.palermo t" "SELECT count(*) || '|' || sum(part = '1') FROM t WHERE part != ''")" \
    "$((rkeys + rvalues))|$rkeys"

# --- a database made before editions: the CSV and the xlsx both in it --------
fresh "$T/old.db"
P import stats "$csv" --source UNODC --db "$T/old.db" 2>/dev/null
q "$T/old.db" "INSERT INTO submissions (source_id, kind, format, file_name, sha256, rows, operator, created_at) SELECT source_id, kind, 'unodc-xlsx', 'export.xlsx', '$(hash "$xlsx")', rows, operator, created_at FROM submissions WHERE id = 1;
    CREATE TABLE copy AS SELECT * FROM stats; DROP TABLE supersessions; DROP TABLE region_members; DROP TABLE region_schemes; DROP TABLE stats;
    $(sed -n '/^CREATE TABLE stats/,/^);/p' "$top/src/store/sqlite/migrations/0002_stats.sql")
    INSERT INTO stats SELECT id, submission_id, line, country, country_text, year, indicator, sex, age, form, origin_dim, origin_kind, origin_code, origin_text, low, high, note FROM copy;
    INSERT INTO stats (submission_id, line, country, country_text, year, indicator, sex, age, form, origin_dim, origin_kind, origin_code, origin_text, low, high, note) SELECT 2, line + 2, country, country_text, year, indicator, sex, age, form, origin_dim, origin_kind, origin_code, origin_text, low, high, note FROM copy;
    DROP TABLE copy; $(undo_registers) DELETE FROM schema_version WHERE version >= 14"
same "an old database holds the export twice" "$(q "$T/old.db" 'SELECT count(*) FROM stats')" "$((2 * nvalues))"
expect "the old database opens" 0 "" P submissions --db "$T/old.db"
same "the later import supersedes the earlier" "$(awk -F'\t' 'NR > 1 { print $1 "|" $10 "|" $11 }' "$T/stdout")" \
    "1||2 ($nvalues values)
2|1 ($nvalues values)|"
P export stats --format unodc --db "$T/old.db" --out "$T/old.csv"
cmp -s "$T/old.csv" "$csv" && ok "old database: the export once" || nok "old database: the export once" "$(wc -l <"$T/old.csv") lines"
