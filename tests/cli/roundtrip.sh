# tests/cli/roundtrip.sh: export and sample.  Whatever palermo writes it
# reads back: for its own CSV and JSON, import(export(x)) is x exactly; for
# the other formats, what the format carries survives and a second round
# trip changes nothing.  Sample data is the same for the same seed.
. "$(dirname "$0")/../lib.sh"

P sample cases --count 2000 --seed 42 --out "$T/a.csv"
P sample cases --count 2000 --seed 42 --out "$T/b.csv"
cmp -s "$T/a.csv" "$T/b.csv" && ok "same seed, same data" || nok "same seed, same data" "differ"
P sample cases --count 2000 --seed 43 --out "$T/c.csv"
cmp -s "$T/a.csv" "$T/c.csv" && nok "other seed, other data" "same" || ok "other seed, other data"
same "sample count" "$(($(wc -l <"$T/a.csv") - 1))" "2000"
P sample cases --count 5 --seed 42 >"$T/stdout.csv"
same "sample to stdout" "$(head -6 "$T/a.csv")" "$(cat "$T/stdout.csv")"

fresh "$T/1.db"
P import cases "$T/a.csv" --source s --db "$T/1.db" 2>/dev/null
for f in palermo json; do
	P export cases --format "$f" --db "$T/1.db" --out "$T/e1.$f"
	fresh "$T/2.db"
	expect "$f export imports" 0 "imported 2000 cases" P import cases "$T/e1.$f" --source s --db "$T/2.db"
	P export cases --format "$f" --db "$T/2.db" >"$T/e2.$f"
	cmp -s "$T/e1.$f" "$T/e2.$f" && ok "$f round trip exact" || nok "$f round trip exact" "exports differ"
done
cmp -s "$T/a.csv" "$T/e1.palermo" && ok "export equals the imported file" || nok "export equals the imported file" "differ"
cols=$(q "$T/1.db" "SELECT group_concat(name, ', ') FROM (SELECT name FROM case_fields ORDER BY position)")
same "every stored value round-trips (SQL)" \
    "$(sqlite3 "$T/1.db" "ATTACH '$T/2.db' AS b; SELECT count(*) FROM (SELECT $cols FROM main.cases EXCEPT SELECT $cols FROM b.cases)")" "0"

for f in ctdc-kanon ctdc-synthetic htcds; do
	P export cases --format "$f" --db "$T/1.db" --out "$T/x1.$f"
	fresh "$T/3.db"
	expect "$f export imports" 0 "imported 2000 cases" P import cases "$T/x1.$f" --source s --db "$T/3.db"
	P export cases --format "$f" --db "$T/3.db" --out "$T/x2.$f"
	cmp -s "$T/x1.$f" "$T/x2.$f" && ok "$f export stable" || nok "$f export stable" "second export differs"
	fresh "$T/4.db"
	P import cases "$T/x2.$f" --source s --db "$T/4.db" 2>/dev/null
	same "$f second round trip changes nothing" \
	    "$(sqlite3 "$T/3.db" "ATTACH '$T/4.db' AS b; SELECT count(*) FROM (SELECT year, gender, citizenship, country_exploitation, exploit_sexual, exploit_labour FROM main.cases EXCEPT SELECT year, gender, citizenship, country_exploitation, exploit_sexual, exploit_labour FROM b.cases)")" "0"
done
# CTDC's summary column isSexAndLabour, from the imported file by awk:
# 1 when both forms are 1, -99 when either is not recorded, else 0
colof() { head -1 "$1" | tr -d '\r' | tr ',' '\n' | grep -nx "$2" | cut -d: -f1; }
same "ctdc-kanon: isSexAndLabour from the file" \
    "$(awk -F, -v c="$(colof "$T/x1.ctdc-kanon" isSexAndLabour)" 'NR > 1 { print $c }' "$T/x1.ctdc-kanon" | sort | uniq -c)" \
    "$(awk -F, -v s="$(colof "$T/a.csv" exploit_sexual)" -v l="$(colof "$T/a.csv" exploit_labour)" 'NR > 1 { print ($s == "" || $l == "") ? "-99" : ($s == 1 && $l == 1) ? 1 : 0 }' "$T/a.csv" | sort | uniq -c)"
# what each format carries survives the first trip
keep() {	# FORMAT COLUMNS
	same "$1 keeps $2" \
	    "$(sqlite3 "$T/1.db" "ATTACH '$T/k.db' AS b; SELECT count(*) FROM (SELECT $2 FROM main.cases EXCEPT SELECT $2 FROM b.cases)")" "0"
}
for spec in "ctdc-kanon|year, data_source, gender, age_registration, citizenship, country_exploitation, exploit_sexual, exploit_labour, exploit_organ_removal, control_threats, labour_begging, recruiter_family" \
    "ctdc-synthetic|year, age_registration, citizenship, country_exploitation, duration, nullif(exploit_sexual, 0), nullif(control_group_abuse, 0)" \
    "htcds|year, trafficking_status, min(gender, 4), citizenship, country_recruitment, country_exploitation, exploit_organ_removal, exploit_criminality, sex_prostitution"; do
	f=${spec%%|*} cols=${spec#*|}
	fresh "$T/k.db"
	P import cases "$T/x1.$f" --source s --db "$T/k.db" 2>/dev/null
	keep "$f" "$cols"
done
expect "export needs a database" 3 "no database here" P export cases --db "$T/none.db"
expect "export to an unwritable file" 3 "no/such/file: No such file or directory" P export cases --db "$T/1.db" --out "$T/no/such/file"
