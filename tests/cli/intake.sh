# tests/cli/intake.sh: importing cases: every format, the real CTDC rows,
# provenance, duplicates and --replace, and every malformed input, which
# must be rejected with where and what, exit 1, and leave the database
# byte for byte as it was.
. "$(dirname "$0")/../lib.sh"

db="$T/cases.db"
fresh "$db"

# --- good files in every format --------------------------------------------
for f in palermo json ctdc-kanon ctdc-synthetic htcds; do
	P sample cases --count 500 --seed 11 --format "$f" --out "$T/s.$f"
	expect "import $f (detected)" 0 "as submission" P import cases "$T/s.$f" --source "src-$f" --db "$db"
	grep -q "($f)" "$T/stderr" && ok "detected $f" || nok "detected $f" "$(cat "$T/stderr")"
	same "$f rows stored" "$(q "$db" "SELECT count(*) FROM cases c JOIN submissions s ON s.id = c.submission_id JOIN sources o ON o.id = s.source_id WHERE o.name = 'src-$f'")" "500"
done

# counts computed independently: awk over palermo's CSV against SQL
P sample cases --count 3000 --seed 5 --out "$T/p.csv"
fresh "$T/p.db"
P import cases "$T/p.csv" --source p --db "$T/p.db" 2>/dev/null
col() { head -1 "$T/p.csv" | tr ',' '\n' | grep -nx "$1" | cut -d: -f1; }
for spec in "gender female 0" "gender male 1" "age_registration 9-17 1" "exploit_organ_removal 1 1" "exploit_sexual 0 0" "control_threats 1 1"; do
	set -- $spec
	n=$(col "$1")
	want=$(awk -F, -v n="$n" -v v="$2" 'NR > 1 && $n == v' "$T/p.csv" | wc -l)
	got=$(q "$T/p.db" "SELECT count(*) FROM cases WHERE $1 = $3")
	same "count $1 = $2" "$got" "$want"
done
n=$(col citizenship)
same "citizenship MDA count" "$(q "$T/p.db" "SELECT count(*) FROM cases c JOIN countries k ON k.numeric = c.citizenship WHERE k.alpha3 = 'MDA'")" \
    "$(awk -F, -v n="$n" 'NR > 1 && $n == "MDA"' "$T/p.csv" | wc -l)"
same "not recorded is NULL" "$(q "$T/p.db" "SELECT count(*) FROM cases WHERE gender IS NULL")" \
    "$(awk -F, -v n="$(col gender)" 'NR > 1 && $n == ""' "$T/p.csv" | wc -l)"
same "organ removal present but rare" "$(q "$T/p.db" "SELECT count(*) BETWEEN 1 AND 30 FROM cases WHERE exploit_organ_removal = 1")" "1"
same "a real domestic share" "$(q "$T/p.db" "SELECT round(100.0 * sum(citizenship = country_exploitation) / count(*)) BETWEEN 25 AND 60 FROM cases WHERE citizenship IS NOT NULL AND country_exploitation IS NOT NULL")" "1"

# the sample: its years are 2002 to 2023, every one of them; the same seed
# gives the same cases, another seed others
same "sample years" "$(awk -F, -v n="$(col year)" 'NR > 1 { print $n }' "$T/p.csv" | sort -u | tr '\n' ' ')" "$(seq -s ' ' 2002 2023) "
P sample cases --count 50 --seed 1 --out "$T/s1.csv"
P sample cases --count 50 --seed 1 --out "$T/s1b.csv"
P sample cases --count 50 --seed 2 --out "$T/s2.csv"
same "sample: same seed, same cases" "$(hash "$T/s1.csv")" "$(hash "$T/s1b.csv")"
[ "$(hash "$T/s1.csv")" != "$(hash "$T/s2.csv")" ] && ok "sample: another seed, other cases" || nok "sample: another seed, other cases" "seeds 1 and 2 give the same"
same "sample: as many cases as asked" "$(($(wc -l <"$T/s1.csv") - 1))" "50"

# --- the real CTDC header with its three rows --------------------------------
ctdc="$data/ctdc/ctdc_global_dataset_k11_HEADER_AND_3_SAMPLE_ROWS.csv"
fresh "$T/ctdc.db"
expect "real CTDC rows" 0 "imported 3 cases" P import cases "$ctdc" --source CTDC --db "$T/ctdc.db"
grep -q "(ctdc-kanon)" "$T/stderr" && ok "real CTDC detected as ctdc-kanon" || nok "real CTDC detected" "$(cat "$T/stderr")"
# expected values straight from the file, by column name
cc() { head -1 "$ctdc" | tr -d '\r' | tr ',' '\n' | grep -nx "$1" | cut -d: -f1; }
expected=$(awk -F, -v y="$(cc yearOfRegistration)" -v c="$(cc citizenship)" -v s="$(cc isSexualExploit)" \
    -v l="$(cc isForcedLabour)" -v a="$(cc ageBroad)" -v g="$(cc gender)" \
    'NR > 1 { print $y "|" $c "|" ($s == "-99" ? "" : $s) "|" ($l == "-99" ? "" : $l) "|" $a "|" $g }' "$ctdc" | tr -d '\r')
got=$(q "$T/ctdc.db" "SELECT c.year, k.alpha2, c.exploit_sexual, c.exploit_labour, replace(a.name, '-', '--'), g.label FROM cases c LEFT JOIN countries k ON k.numeric = c.citizenship LEFT JOIN codes a ON a.list = 'age_band' AND a.code = c.age_registration LEFT JOIN codes g ON g.list = 'gender' AND g.code = c.gender ORDER BY c.id")
same "real CTDC values" "$got" "$expected"
same "real CTDC lines kept" "$(q "$T/ctdc.db" "SELECT group_concat(line) FROM cases")" "2,3,4"
same "real CTDC unknown exploitation country" "$(q "$T/ctdc.db" "SELECT count(*) FROM cases WHERE country_exploitation IS NULL")" \
    "$(awk -F, -v c="$(cc CountryOfExploitation)" 'NR > 1 && ($c == "-99" || $c == "ZZ" || $c == "00")' "$ctdc" | wc -l)"

# --- provenance -------------------------------------------------------------
run q "$T/ctdc.db" "SELECT s.format, s.file_name, s.sha256, s.rows, s.operator, o.name FROM submissions s JOIN sources o ON o.id = s.source_id"
same "provenance" "$(cat "$T/stdout")" "ctdc-kanon|$(basename "$ctdc")|$(hash "$ctdc")|3|tester|CTDC"
run P submissions --db "$T/ctdc.db"
grep -q "$(hash "$ctdc")" "$T/stdout" && ok "submissions lists it" || nok "submissions lists it" "$(cat "$T/stdout")"

# --- the same file twice, --replace, rm -------------------------------------
h=$(hash "$T/ctdc.db")
expect "same file refused" 1 "already imported for source 'CTDC' as submission 1" P import cases "$ctdc" --source CTDC --db "$T/ctdc.db"
same "refusal changes nothing" "$(hash "$T/ctdc.db")" "$h"
expect "same file, other source" 0 "" P import cases "$ctdc" --source other --db "$T/ctdc.db"
expect "replace" 0 "replacing the earlier submission" P import cases "$ctdc" --source CTDC --replace --db "$T/ctdc.db"
same "replace swaps" "$(q "$T/ctdc.db" "SELECT group_concat(id) FROM (SELECT id FROM submissions ORDER BY id)")|$(q "$T/ctdc.db" "SELECT count(*) FROM cases")" "2,3|6"
cp "$T/p.csv" "$T/corrected.csv"
expect "import by name" 0 "" P import cases "$T/corrected.csv" --source p --db "$T/ctdc.db"
head -101 "$T/p.csv" > "$T/corrected.csv"
expect "replace a corrected file by name" 0 "replacing" P import cases "$T/corrected.csv" --source p --replace --db "$T/ctdc.db"
same "corrected rows" "$(q "$T/ctdc.db" "SELECT group_concat(rows) FROM submissions WHERE file_name = 'corrected.csv'")" "100"
expect "submissions rm" 0 "removed submission 2" P submissions rm 2 --db "$T/ctdc.db"
same "rm removes rows" "$(q "$T/ctdc.db" "SELECT count(*) FROM cases WHERE submission_id = 2")" "0"
expect "rm unknown" 1 "no submission 99" P submissions rm 99 --db "$T/ctdc.db"
expect "stdin" 0 "imported 3 cases from (stdin)" P import cases - --source stdin --db "$T/ctdc.db" <"$ctdc"

# --- rejected input: where and what, exit 1, database unchanged -------------
hdr=$(head -1 "$T/p.csv")
row=$(sed -n 2p "$T/p.csv")
ncol=$(head -1 "$T/p.csv" | tr ',' '\n' | wc -l)
reject() {	# NAME PATTERN FILE [import options]
	local name=$1 pattern=$2 file=$3
	shift 3
	local before
	before=$(hash "$db")
	expect "$name" 1 "$pattern" P import cases "$file" --source bad --db "$db" "$@"
	same "$name: database unchanged" "$(hash "$db")" "$before"
	if [ -e "$db-wal" ] && [ -s "$db-wal" ]; then nok "$name: no WAL left" "$db-wal"; fi
}
yearcol=$(head -1 "$T/p.csv" | tr ',' '\n' | grep -nx year | cut -d: -f1)
setcol() { awk -F, -v OFS=, -v n="$1" -v v="$2" '{ $n = v; print }'; }

printf '%s\n%s\n"unbalanced,%s\n' "$hdr" "$row" "$row" >"$T/b1.csv"
reject "unbalanced quote" "b1.csv:3" "$T/b1.csv"
printf '%s\n%s\n%s,extra\n' "$hdr" "$row" "$row" >"$T/b2.csv"
reject "wrong column count" "b2.csv:3: expected $ncol fields as in the header, found $((ncol + 1))" "$T/b2.csv"
printf '%s\n%s\n' "$hdr" "$row" | sed '2s/^[0-9]*/\xff\xfe/' >"$T/b3.csv"
reject "invalid UTF-8" "b3.csv:2:1: invalid UTF-8" "$T/b3.csv"
printf '%s\n%s\n' "$hdr" "$row" | sed '2s/^[0-9]*/20\x0005/' >"$T/b4.csv"
reject "NUL byte" "b4.csv:2:1: NUL byte" "$T/b4.csv"
: >"$T/b5.csv"
reject "empty file" "empty file" "$T/b5.csv" --format palermo
printf '%s\n' "$hdr" >"$T/b6.csv"
reject "header alone" "no records after the header" "$T/b6.csv"
printf '%s,year\n%s,2001\n' "$hdr" "$row" >"$T/b7.csv"
reject "duplicated header" "b7.csv:1:$((ncol + 1)): duplicated column name 'year' (also column $yearcol)" "$T/b7.csv"
{ printf '%s\n' "$hdr"; head -c 10485760 /dev/zero | tr '\0' 'x'; printf '\n'; } >"$T/b8.csv"
reject "10 MB line" "b8.csv:2: record longer than" "$T/b8.csv"
printf '%s\n%s\n%s\n' "$hdr" "$row" "$row" | setcol "$yearcol" 1850 | sed '1s/^1850/year/' >"$T/b9.csv"
reject "bad year" "b9.csv:2:$yearcol: year: '1850' is not a year" "$T/b9.csv"
cz=$(head -1 "$T/p.csv" | tr ',' '\n' | grep -nx citizenship | cut -d: -f1)
{ printf '%s\n' "$hdr"; printf '%s\n' "$row" | setcol "$cz" QQ; } >"$T/b10.csv"
reject "unknown country" "b10.csv:2:$cz: citizenship: unknown country 'QQ'" "$T/b10.csv"
{ printf '%s\n' "$hdr"; printf '%s\n' "$row" | setcol "$(head -1 "$T/p.csv" | tr ',' '\n' | grep -nx gender | cut -d: -f1)" woman; } >"$T/b11.csv"
reject "unknown code" "gender: unknown value 'woman'; expected one of female, male" "$T/b11.csv"
printf '%s,favourite_colour\n%s,blue\n' "$hdr" "$row" >"$T/b12.csv"
reject "unknown column" "b12.csv:1:$((ncol + 1)): favourite_colour: not a column of the palermo format" "$T/b12.csv"
printf 'prs_FirstName,vic_TraffickingStatus,vic_TypeOfExploitation,prs_Gender\nAna,ActualVictimOfTrafficking,ForcedLabour,Feminine\n' >"$T/b13.csv"
reject "identifier column" "prs_FirstName: this column identifies a person" "$T/b13.csv"
{ printf '%s\n' "$hdr"; for i in $(seq 1 80); do printf '%s\n' "$row" | setcol "$yearcol" 1800; done; } >"$T/b14.csv"
reject "many problems capped at 50" "and 30 more problems" "$T/b14.csv"
same "50 listed" "$(grep -c ': year:' "$T/stderr")" "50"
printf 'a,b,c\n1,2,3\n' >"$T/b15.csv"
reject "unknown format" "cannot tell the format" "$T/b15.csv"
printf '{"year": 2019, "gender": "female"}\n{"year": "2019"}\n[1]\n{"colour": 1}\n{"exploit_sexual": 1}\nnot json\n' >"$T/b16.json"
reject "bad JSON" "b16.json:2: year: expected a whole number" "$T/b16.json"
grep -q 'b16.json:3:1: expected one JSON object per line' "$T/stderr" && ok "JSON array line" || nok "JSON array line" "$(cat "$T/stderr")"
grep -q 'b16.json:4: colour: not a field of a case' "$T/stderr" && ok "JSON unknown key" || nok "JSON unknown key" "$(cat "$T/stderr")"
grep -q 'b16.json:5: exploit_sexual: expected true, false or null' "$T/stderr" && ok "JSON flag" || nok "JSON flag" "$(cat "$T/stderr")"
grep -q 'b16.json:6:.*invalid JSON' "$T/stderr" && ok "JSON syntax" || nok "JSON syntax" "$(cat "$T/stderr")"
{ head -2 "$ctdc"; sed -n 3p "$ctdc" | sed 's/,Female,/,Feminine,/'; } >"$T/b17.csv"
reject "bad CTDC value" "b17.csv:3:3: gender: unknown value 'Feminine'" "$T/b17.csv"
{ head -2 "$ctdc"; sed -n 3p "$ctdc" | sed 's/^2002,/2002,Case Management,/'; } | cut -d, -f1-63 >"$T/b18.csv"
reject "CTDC shifted row" "b18.csv:3" "$T/b18.csv"
reject "missing file" "No such file" "$T/none.csv"
mkdir -p "$T/dir.csv"
reject "a directory" "not a regular file" "$T/dir.csv"
expect "format named but wrong" 1 "not a column of the ctdc-kanon format" P import cases "$T/p.csv" --format ctdc-kanon --source x --db "$db"

# progress goes to a terminal only: a redirected import says one line
fresh "$T/q.db"
P import cases "$T/p.csv" --source quiet --db "$T/q.db" 2>"$T/err" >"$T/out"
same "no progress when not a terminal" "$(wc -l <"$T/err")|$(tr -cd '\r' <"$T/err" | wc -c)|$(wc -c <"$T/out")" "1|0|0"
