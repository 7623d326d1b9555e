# tests/cli/report.sh: the engine and the Global Report.  The tables the
# report writes (tables/*.csv) are read back by the sqlite3 shell and
# compared, row for row, with the same figures computed in SQL over a
# database built by the sqlite3 shell from the case files themselves
# (tests/oracles/cases-db.sh), by tests/oracles/cases.py, or stated from a
# handful of cases written out here.
# Also: stats, the filters, the outputs' shapes, and the page in a browser.
. "$(dirname "$0")/../lib.sh"

# SQL for a percentage with one decimal, rounded half up, as text
pct() { echo "CASE WHEN ($2) > 0 THEN printf('%d.%d', (($1) * 2000 / ($2) + 1) / 2 / 10, (($1) * 2000 / ($2) + 1) / 2 % 10) ELSE '' END"; }

# check DB DIR TABLE SQL: the report's CSV table is what SQL says, in order
check() {
	local db=$1 dir=$2 table=$3 sql=$4 got want
	got=$(sqlite3 -batch ":memory:" ".import --csv $dir/tables/$table.csv t" "SELECT * FROM t" 2>&1)
	want=$(sqlite3 -batch "$db" "$sql" 2>&1)
	if [ "$got" = "$want" ]; then
		ok "$(basename "$dir"): $table"
	else
		nok "$(basename "$dir"): $table" "$(diff <(echo "$want") <(echo "$got") | head -8 | tr '\n' ' ')"
	fi
}

# One row per flag from FIRST to LAST: label, yes, recorded, percent.
flags() {
	local db=$1 first=$2 last=$3 q="" f
	for f in $(sqlite3 "$db" "SELECT name FROM case_fields WHERE position BETWEEN (SELECT position FROM case_fields WHERE name = '$first') AND (SELECT position FROM case_fields WHERE name = '$last') ORDER BY position"); do
		q="$q${q:+ UNION ALL }SELECT (SELECT position FROM case_fields WHERE name = '$f') AS pos, (SELECT label FROM case_fields WHERE name = '$f') AS label, coalesce(sum($f = 1), 0) AS y, count($f) AS r FROM cases"
	done
	echo "SELECT label, y, r, $(pct y r) FROM ($q) ORDER BY pos"
}

forms="exploit_sexual exploit_labour exploit_marriage exploit_military exploit_organ_removal exploit_slavery exploit_criminality exploit_begging exploit_other"
# the region of a country of exploitation, as the report names them
region="CASE k.region WHEN 2 THEN 0 WHEN 19 THEN 1 WHEN 142 THEN 2 WHEN 150 THEN 3 WHEN 9 THEN 4 ELSE 5 END"
flow="CASE WHEN a.numeric = b.numeric THEN 'Domestic' WHEN a.subregion = b.subregion THEN 'Within the sub-region' WHEN a.region = b.region THEN 'Within the region' ELSE 'Across regions' END"

report_checks() {	# DB DIR
	local db=$1 dir=$2 q i f
	for spec in "forms exploit_sexual exploit_other" "means_of_control control_debt_bondage control_not_specified" \
	    "means_of_control_groups control_group_debt_earnings control_group_deny_needs" "recruiter recruiter_intimate_partner abduction" \
	    "labour_sectors labour_agriculture labour_not_specified" "sexual_exploitation_types sex_prostitution sex_private_services"; do
		set -- $spec
		check "$db" "$dir" "$1" "$(flags "$db" "$2" "$3")"
	done

	# sex and age: oldest band first; other genders together
	check "$db" "$dir" sex_age "SELECT o.label, count(CASE WHEN gender = 0 THEN 1 END), count(CASE WHEN gender = 1 THEN 1 END), count(CASE WHEN gender >= 2 THEN 1 END), count(CASE WHEN c.id IS NOT NULL AND gender IS NULL THEN 1 END), count(c.id) FROM codes o LEFT JOIN cases c ON c.age_registration = o.code WHERE o.list = 'age_band' GROUP BY o.code ORDER BY o.code DESC"

	# forms by sex: female and male, yes and recorded
	q=""
	i=0
	for f in $forms; do
		q="$q${q:+ UNION ALL }SELECT $i AS k, (SELECT label FROM case_fields WHERE name = '$f') AS label, coalesce(sum(gender = 0 AND $f = 1), 0) AS fy, count(CASE WHEN gender = 0 THEN $f END) AS fr, coalesce(sum(gender = 1 AND $f = 1), 0) AS my, count(CASE WHEN gender = 1 THEN $f END) AS mr FROM cases"
		i=$((i + 1))
	done
	check "$db" "$dir" forms_by_sex "SELECT label, fy, fr, $(pct fy fr), my, mr, $(pct my mr) FROM ($q) ORDER BY k"

	# forms by region of exploitation: counts
	q=""
	i=0
	for f in $forms; do
		q="$q${q:+ UNION ALL }SELECT $i AS k, (SELECT label FROM case_fields WHERE name = '$f') AS label, coalesce(sum($region = 0 AND $f = 1), 0), coalesce(sum($region = 1 AND $f = 1), 0), coalesce(sum($region = 2 AND $f = 1), 0), coalesce(sum($region = 3 AND $f = 1), 0), coalesce(sum($region = 4 AND $f = 1), 0), coalesce(sum($region = 5 AND $f = 1), 0) FROM cases c LEFT JOIN countries k ON k.numeric = c.country_exploitation"
		i=$((i + 1))
	done
	got=$(sqlite3 -batch ":memory:" ".import --csv $dir/tables/forms_by_region.csv t" "SELECT * FROM t")
	want=$(sqlite3 -batch "$db" "SELECT * FROM ($q) ORDER BY 1" | cut -d'|' -f2-)
	same "$(basename "$dir"): forms_by_region" "$got" "$want"

	# flows: classes among victims with both countries
	check "$db" "$dir" flow_classes "WITH f AS (SELECT $flow AS cls FROM cases c JOIN countries a ON a.numeric = c.citizenship JOIN countries b ON b.numeric = c.country_exploitation), n AS (SELECT count(*) AS d FROM f), k(i, cls) AS (VALUES (0, 'Domestic'), (1, 'Within the sub-region'), (2, 'Within the region'), (3, 'Across regions')) SELECT k.cls, (SELECT count(*) FROM f WHERE f.cls = k.cls), n.d, $(pct "(SELECT count(*) FROM f WHERE f.cls = k.cls)" n.d) FROM k, n ORDER BY k.i"

	# the 20 largest corridors; ties in the order of the countries' alpha-2
	check "$db" "$dir" top_corridors "SELECT a.name || ' → ' || b.name, a.name, b.name, $flow, count(*) FROM cases c JOIN countries a ON a.numeric = c.citizenship JOIN countries b ON b.numeric = c.country_exploitation GROUP BY a.numeric, b.numeric ORDER BY count(*) DESC, a.alpha2, b.alpha2 LIMIT 20"

	# region to region matrix
	check "$db" "$dir" flows_by_region "WITH r(i, name) AS (VALUES (0, 'Africa'), (1, 'Americas'), (2, 'Asia'), (3, 'Europe'), (4, 'Oceania'), (5, 'Unknown')), f AS (SELECT CASE a.region WHEN 2 THEN 0 WHEN 19 THEN 1 WHEN 142 THEN 2 WHEN 150 THEN 3 WHEN 9 THEN 4 ELSE 5 END AS ri, CASE b.region WHEN 2 THEN 0 WHEN 19 THEN 1 WHEN 142 THEN 2 WHEN 150 THEN 3 WHEN 9 THEN 4 ELSE 5 END AS rj FROM cases c JOIN countries a ON a.numeric = c.citizenship JOIN countries b ON b.numeric = c.country_exploitation) SELECT r.name, (SELECT count(*) FROM f WHERE ri = r.i AND rj = 0), (SELECT count(*) FROM f WHERE ri = r.i AND rj = 1), (SELECT count(*) FROM f WHERE ri = r.i AND rj = 2), (SELECT count(*) FROM f WHERE ri = r.i AND rj = 3), (SELECT count(*) FROM f WHERE ri = r.i AND rj = 4), (SELECT count(*) FROM f WHERE ri = r.i AND rj = 5) FROM r ORDER BY r.i"

	# trends by year
	check "$db" "$dir" trends "SELECT year, count(*), coalesce(sum(exploit_sexual = 1), 0), coalesce(sum(exploit_labour = 1), 0), coalesce(sum(majority_registration = 0), 0) FROM cases WHERE year IS NOT NULL GROUP BY year ORDER BY year"
	check "$db" "$dir" trends_shares "SELECT year, count(*), count(gender), $(pct "sum(gender = 0)" "count(gender)"), count(majority_registration), $(pct "sum(majority_registration = 0)" "count(majority_registration)"), count(citizenship + country_exploitation), $(pct "sum(citizenship = country_exploitation)" "count(citizenship + country_exploitation)") FROM cases WHERE year IS NOT NULL GROUP BY year ORDER BY year"
	check "$db" "$dir" organ_removal "SELECT year, count(*), coalesce(sum(exploit_organ_removal = 1), 0), count(exploit_organ_removal), $(pct "sum(exploit_organ_removal = 1)" "count(exploit_organ_removal)"), count(*) - count(exploit_organ_removal) FROM cases WHERE year IS NOT NULL GROUP BY year ORDER BY year"

	# forms in combination, among victims with any form recorded
	check "$db" "$dir" form_combinations "WITH m AS (SELECT (exploit_sexual IS 1) + ((exploit_labour IS 1) << 1) + ((exploit_marriage IS 1) << 2) + ((exploit_military IS 1) << 3) + ((exploit_organ_removal IS 1) << 4) + ((exploit_slavery IS 1) << 5) + ((exploit_criminality IS 1) << 6) + ((exploit_begging IS 1) << 7) + ((exploit_other IS 1) << 8) AS mask FROM cases WHERE coalesce($(echo $forms | tr ' ' ',')) IS NOT NULL), d AS (SELECT count(*) AS d FROM m) SELECT CASE WHEN mask = 0 THEN 'None of the forms' ELSE (SELECT group_concat(label, ' + ') FROM (SELECT label FROM case_fields WHERE name IN ('$(echo $forms | sed "s/ /','/g")') AND (mask & (1 << (position - (SELECT position FROM case_fields WHERE name = 'exploit_sexual')))) != 0 ORDER BY position)) END, count(*), d.d, $(pct "count(*)" d.d) FROM m, d GROUP BY mask ORDER BY mask"

	# key findings: forms among victims with any form recorded
	q="SELECT 0 AS k, 'Victims registered' AS f, count(*) AS y, NULL AS r FROM cases
	    UNION ALL SELECT 1, 'Female', sum(gender = 0), count(gender) FROM cases
	    UNION ALL SELECT 2, 'Children at registration', sum(majority_registration = 0), count(majority_registration) FROM cases"
	i=3
	for f in $forms; do
		q="$q UNION ALL SELECT $i, (SELECT label FROM case_fields WHERE name = '$f'), coalesce(sum($f = 1), 0), count($f) FROM cases WHERE coalesce($(echo $forms | tr ' ' ',')) IS NOT NULL"
		i=$((i + 1))
	done
	q="$q UNION ALL SELECT $i, 'Exploited in their own country', coalesce(sum(citizenship = country_exploitation), 0), count(citizenship + country_exploitation) FROM cases"
	check "$db" "$dir" key_findings "SELECT f, y, coalesce(r, ''), CASE WHEN r IS NULL THEN '' ELSE $(pct y r) END FROM ($q) ORDER BY k"
	q=""
	# coverage: sources and countries of exploitation each year; fields
	check "$db" "$dir" coverage_by_year "SELECT c.year, count(*), count(DISTINCT s.source_id), count(DISTINCT c.country_exploitation) FROM cases c JOIN submissions s ON s.id = c.submission_id WHERE c.year IS NOT NULL GROUP BY c.year ORDER BY c.year"
	q=""
	for f in $(sqlite3 "$db" "SELECT name FROM case_fields ORDER BY position"); do
		q="$q${q:+ UNION ALL }SELECT (SELECT position FROM case_fields WHERE name = '$f') AS pos, '$f' AS name, count(*) - count($f) AS nr, count(*) AS n FROM cases"
	done
	check "$db" "$dir" fields_not_recorded "SELECT name, nr, n, $(pct nr n) FROM ($q) ORDER BY pos"
}

# --- generated samples ----------------------------------------------------
# two files from two sources; the figures are computed by SQL over the
# database tests/oracles/cases-db.sh builds from the files themselves
db="$T/sample.db"
fresh "$db"
P sample cases --count 4000 --seed 21 --out "$T/a.csv"
P sample cases --count 1500 --seed 22 --out "$T/b.csv"
P import cases "$T/a.csv" --source agency --db "$db" 2>/dev/null
P import cases "$T/b.csv" --source hotline --db "$db" 2>/dev/null
fresh "$T/dict.db"
odb="$T/oracle.db"
"$top/tests/oracles/cases-db.sh" "$odb" "$T/dict.db" "$T/a.csv" "$T/b.csv"
same "the oracle read every case" "$(q "$odb" "SELECT count(*) FROM cases")" 5500
expect "report global" 0 "wrote the Global Report on 5500 cases" P report global --db "$db" --out "$T/sample"
report_checks "$odb" "$T/sample"
# the sources: each file's name, SHA-256 and rows, from the file
same "sample: sources" "$(tail -n +2 "$T/sample/tables/sources.csv" | cut -d, -f1-6)" \
    "1,agency,a.csv,palermo,$(hash "$T/a.csv"),$(($(wc -l <"$T/a.csv") - 1))
2,hotline,b.csv,palermo,$(hash "$T/b.csv"),$(($(wc -l <"$T/b.csv") - 1))"
for f in index.html tables.xlsx figures.json; do
	[ -s "$T/sample/$f" ] && ok "sample: $f written" || nok "sample: $f written" "missing"
done
same "every table has a CSV" "$(ls "$T/sample/tables" | wc -l)" \
    "$(grep -o '"id": "[a-z_0-9]*"' "$T/sample/figures.json" | wc -l)"
same "figures.json names its submissions" "$(grep -c '"sha256"' "$T/sample/figures.json")" "2"
grep -q '<script' "$T/sample/index.html" && nok "no scripts in the page" "found <script" || ok "no scripts in the page"
grep -Eq '(src|href)="(https?:)?//' "$T/sample/index.html" && nok "nothing fetched from anywhere" "remote reference" || ok "nothing fetched from anywhere"
charted="sex_age forms forms_by_region flow_classes flows_by_region top_corridors trends means_of_control means_of_control_groups recruiter labour_sectors sexual_exploitation_types"
same "a chart per charted table" "$(grep -o '<svg' "$T/sample/index.html" | wc -l)" "$(echo $charted | wc -w)"

# tables computed by a script straight from the file, not from a database
fresh "$T/one.db"
P import cases "$T/a.csv" --source agency --db "$T/one.db" 2>/dev/null
expect "report on one file" 0 "on 4000 cases" P report global --db "$T/one.db" --out "$T/one"
for t in forms_by_age minors_by_sex; do
	same "from the file: $t" "$(cat "$T/one/tables/$t.csv")" "$(python3 "$top/tests/oracles/cases.py" "$t" "$T/a.csv")"
done

# a handful of cases written out, the tables stated from them: fewer
# corridors than the report lists, and every gender in the sex table
P sample cases --count 0 --out "$T/few.csv"
python3 - "$T/few.csv" <<'PY'
import csv, sys
name = sys.argv[1]
head = open(name).read().strip().split(",")
rows = [("2020", "female", "18-20", "MDA", "RUS"), ("2020", "female", "9-17", "MDA", "RUS"),
        ("2021", "male", "30-38", "UKR", "UKR"), ("2021", "trans_female", "18-20", "NGA", "ITA"),
        ("2021", "trans_male", "18-20", "", "ITA"), ("2022", "", "48+", "ITA", "")]
with open(name, "a", newline="") as f:
    w = csv.DictWriter(f, fieldnames=head, lineterminator="\n")
    for y, g, a, c, e in rows:
        w.writerow(dict({k: "" for k in head}, year=y, gender=g, age_registration=a,
                        citizenship=c, country_exploitation=e))
PY
fresh "$T/few.db"
expect "import a handful" 0 "imported 6 cases" P import cases "$T/few.csv" --source few --db "$T/few.db"
expect "report on a handful" 0 "on 6 cases" P report global --db "$T/few.db" --out "$T/few"
same "few: top_corridors" "$(cat "$T/few/tables/top_corridors.csv")" 'Corridor,Citizenship,Country of exploitation,Flow,Victims
"Moldova, Republic of → Russian Federation","Moldova, Republic of",Russian Federation,Within the sub-region,2
Nigeria → Italy,Nigeria,Italy,Across regions,1
Ukraine → Ukraine,Ukraine,Ukraine,Domestic,1'
same "few: sex_age" "$(grep -E '^(48|30|18|9) ' "$T/few/tables/sex_age.csv")" '48 and over,0,0,0,1,1
30 to 38,0,1,0,0,1
18 to 20,1,0,2,0,3
9 to 17,1,0,0,0,1'

same "few: stats by region of citizenship" "$(P stats --by citizenship_region --format csv --db "$T/few.db" 2>/dev/null | cut -d, -f1,2)" 'citizenship_region,cases
not recorded,1
Africa,1
Europe,4'
same "few: stats by region of exploitation" "$(P stats --by exploitation_region --format csv --db "$T/few.db" 2>/dev/null | cut -d, -f1,2)" 'exploitation_region,cases
not recorded,1
Europe,5'
# a flag counted from the file by awk: 1 is yes, 0 no, empty not recorded
n=$(head -1 "$T/a.csv" | tr ',' '\n' | grep -nx exploit_sexual | cut -d: -f1)
same "stats by a flag, from the file" "$(P stats --by exploit_sexual --format csv --db "$T/one.db" 2>/dev/null | cut -d, -f1,2 | tail -n +2 | sort)" \
    "$(awk -F, -v n="$n" 'NR > 1 { c[$n == "1" ? "yes" : $n == "0" ? "no" : "not recorded"]++ } END { for (k in c) print k "," c[k] }' "$T/a.csv" | sort)"

# --- never through a symbolic link -----------------------------------------
# links planted where the outputs go: a linked file is replaced, what it
# pointed at stays; a linked tables/ folder is refused before any writing
mkdir -p "$T/ln" "$T/victim"
printf 'keep\n' > "$T/victim/file"
ln -s "$T/victim/file" "$T/ln/figures.json"
ln -s "$T/victim/file" "$T/ln/index.html"
expect "report over linked files" 0 "" P report global --db "$db" --out "$T/ln"
same "a linked file's target is untouched" "$(cat "$T/victim/file")" "keep"
[ -f "$T/ln/figures.json" ] && [ ! -L "$T/ln/figures.json" ] && [ ! -L "$T/ln/index.html" ] &&
    ok "linked files replaced by the report's" || nok "linked files replaced" "$(ls -l "$T/ln")"
rm -rf "$T/ln/tables"
ln -s "$T/victim" "$T/ln/tables"
expect "report into a linked tables folder" 3 "a symbolic link" P report global --db "$db" --out "$T/ln"
same "nothing written through the linked folder" "$(ls "$T/victim")" "file"
ln -s "$T/victim" "$T/lnout"
expect "report into a linked folder" 3 "a symbolic link" P report global --db "$db" --out "$T/lnout"
same "nothing written into the linked folder" "$(ls "$T/victim")" "file"
expect "report into a linked folder named with a slash" 3 "a symbolic link" P report global --db "$db" --out "$T/lnout/"
expect "report into a linked folder named with /." 3 "a symbolic link" P report global --db "$db" --out "$T/lnout/."
same "nothing written into the linked folder either way" "$(ls "$T/victim")" "file"
expect "--out /dev/fd/N" 0 "" P stats --by gender --format csv --db "$db" --out /dev/fd/3 3>"$T/fd3.csv"
same "written to the descriptor" "$(head -1 "$T/fd3.csv")" "gender,cases,percent"
# options a report of that kind would not read are refused, not ignored
expect "report global --year" 2 "--year is for appraisal" P report global --year 2020 --db "$db" --out "$T/x"
expect "report sg --from" 2 "are for 'report global'" P report sg --year 2020 --from 2001 --db "$db" --out "$T/x"
expect "report country --by" 2 "for 'palermo stats'" P report country DEU --by gender --db "$db" --out "$T/x"
expect "report country --country" 2 "are for 'report global'" P report country DEU --country FRA --db "$db" --out "$T/x"
expect "report appraisal --region" 2 "are for 'report global'" P report appraisal --year 2021 --region Europe --db "$db" --out "$T/x"
same "nothing written for a refused report" "$(ls -d "$T/x" 2>/dev/null)" ""
ln -s "$T/victim/file" "$T/stats-link.csv"
expect "stats --out over a link" 0 "" P stats --by gender --format csv --db "$db" --out "$T/stats-link.csv"
same "stats --out replaces the link, not its target" "$(cat "$T/victim/file"):$(head -1 "$T/stats-link.csv")" "keep:gender,cases,percent"

# --- CTDC files: the real rows and a generated file ----------------------
# the report on CTDC k-anonymised files, checked as the one above over a
# database built from the files, which tests/oracles/ctdc-kanon.py reads
# in the suite's own way (docs/formats.md), not palermo's
ctdc="$data/ctdc/ctdc_global_dataset_k11_HEADER_AND_3_SAMPLE_ROWS.csv"
P sample cases --count 2000 --seed 31 --format ctdc-kanon --out "$T/k.csv"
fresh "$T/ctdc.db"
P import cases "$ctdc" --source CTDC --db "$T/ctdc.db" 2>/dev/null
P import cases "$T/k.csv" --source generated --db "$T/ctdc.db" 2>/dev/null
expect "report on the CTDC files" 0 "on 2003 cases" P report global --db "$T/ctdc.db" --out "$T/ctdc"
python3 "$top/tests/oracles/ctdc-kanon.py" "$top/data/countries.csv" "$ctdc" "$T/ctdc-real.csv"
python3 "$top/tests/oracles/ctdc-kanon.py" "$top/data/countries.csv" "$T/k.csv" "$T/ctdc-k.csv"
cdb="$T/ctdc-oracle.db"
"$top/tests/oracles/cases-db.sh" "$cdb" "$T/dict.db" "$T/ctdc-real.csv" "$T/ctdc-k.csv"
same "ctdc: the oracle read every case" "$(q "$cdb" "SELECT count(*) FROM cases")" 2003
report_checks "$cdb" "$T/ctdc"
# cases by year of the real rows alone, counted by awk in the file
fresh "$T/ctdc3.db"
P import cases "$ctdc" --source CTDC --db "$T/ctdc3.db" 2>/dev/null
expect "report on the real CTDC rows" 0 "on 3 cases" P report global --db "$T/ctdc3.db" --out "$T/ctdc3"
same "ctdc: trends" "$(tail -n +2 "$T/ctdc3/tables/trends.csv" | cut -d, -f1,2)" \
    "$(awk -F, -v y="$(head -1 "$ctdc" | tr ',' '\n' | grep -nx yearOfRegistration | cut -d: -f1)" 'NR > 1 { n[$y]++ } END { for (k in n) print k "," n[k] }' "$ctdc" | sort)"

# --- filters --------------------------------------------------------------
expect "report --from --to" 0 "" P report global --db "$db" --out "$T/y" --from 2015 --to 2018
same "years filtered" "$(sqlite3 ":memory:" ".import --csv $T/y/tables/trends.csv t" "SELECT min(Year) || '-' || max(Year) || ':' || sum(Victims) FROM t")" \
    "$(q "$odb" "SELECT min(year) || '-' || max(year) || ':' || count(*) FROM cases WHERE year BETWEEN 2015 AND 2018")"
expect "report --country" 0 "" P report global --db "$db" --out "$T/c" --country Moldova
same "country filtered" "$(sqlite3 ":memory:" ".import --csv $T/c/tables/key_findings.csv t" "SELECT Victims FROM t LIMIT 1")" \
    "$(q "$odb" "SELECT count(*) FROM cases WHERE 498 IN (citizenship, country_exploitation)")"
expect "report --region" 0 "" P report global --db "$db" --out "$T/r" --region "Eastern Europe"
same "region filtered" "$(sqlite3 ":memory:" ".import --csv $T/r/tables/key_findings.csv t" "SELECT Victims FROM t LIMIT 1")" \
    "$(q "$odb" "SELECT count(*) FROM cases c WHERE EXISTS (SELECT 1 FROM countries k WHERE k.numeric IN (c.citizenship, c.country_exploitation) AND 151 IN (k.region, k.subregion, k.intermediate))")"
expect "report --source" 0 "on 1500 cases" P report global --db "$db" --out "$T/s" --source hotline
expect "report needs --out" 2 "--out DIR is required" P report global --db "$db"
expect "report unknown region" 2 "not a UN M49 region" P report global --db "$db" --out "$T/x" --region Atlantis
expect "report bad years" 2 "is after" P report global --db "$db" --out "$T/x" --from 2020 --to 2010

# --- stats ----------------------------------------------------------------
run P stats --by gender,age_registration --format csv --db "$db"
same "stats --by" "$(tail -n +2 "$T/stdout" | cut -d, -f1-3 | sort)" \
    "$(q "$odb" "SELECT coalesce(g.name, 'not recorded') || ',' || coalesce(a.name, 'not recorded') || ',' || count(*) FROM cases c LEFT JOIN codes g ON g.list = 'gender' AND g.code = c.gender LEFT JOIN codes a ON a.list = 'age_band' AND a.code = c.age_registration GROUP BY c.gender, c.age_registration" | sort)"
run P stats --by citizenship --where gender=male --where exploit_labour=yes --format csv --db "$db"
same "stats --where" "$(tail -n +2 "$T/stdout" | cut -d, -f1,2 | sort)" \
    "$(q "$odb" "SELECT coalesce(k.alpha3, 'not recorded') || ',' || count(*) FROM cases c LEFT JOIN countries k ON k.numeric = c.citizenship WHERE gender = 1 AND exploit_labour = 1 GROUP BY c.citizenship" | sort)"
run P stats --by flow --format json --db "$db"
same "stats json: flows" "$(python3 -c 'import json, sys; [print((r["flow"] or "not recorded") + "|" + str(r["cases"])) for r in json.load(sys.stdin)]' <"$T/stdout" | sort)" \
    "$(q "$odb" "WITH f AS (SELECT CASE WHEN a.numeric IS NULL OR b.numeric IS NULL THEN 'not recorded' $(echo "$flow" | sed 's/^CASE//') AS cls FROM cases c LEFT JOIN countries a ON a.numeric = c.citizenship LEFT JOIN countries b ON b.numeric = c.country_exploitation) SELECT cls || '|' || count(*) FROM f GROUP BY cls" | sort)"
run P stats --fields
same "stats --fields lists every field" "$(grep -c . "$T/stdout")" "$(($(q "$odb" 'SELECT count(*) FROM case_fields') + 6))"
expect "stats unknown field" 2 "no field 'colour'" P stats --by colour --db "$db"
expect "stats bad where" 2 "not a code of gender" P stats --by year --where gender=woman --db "$db"
P stats --all --db "$db" --out "$T/all.csv"
same "stats --all has every table" "$(grep -c '^# ' "$T/all.csv")" "$(ls "$T/sample/tables" | wc -l)"
# each table of stats --all is the report's CSV of it, byte for byte
for t in key_findings forms sources; do
	same "stats --all: $t as in the report" \
	    "$(awk -v id="# $t:" 'index($0, id) == 1 { on = 1; next } /^# / { on = 0 } on && NF' "$T/all.csv")" \
	    "$(cat "$T/sample/tables/$t.csv")"
done

# --- the page in a browser ------------------------------------------------
browser_check "browser" "$T/sample/index.html" "$top/tests/out/report.png"
