# tests/cli/appraisal.sh: the appraisal of the Global Plan of Action:
# only appraisal years, and its achievements and gaps stated from the
# instruments and actions the test records.
. "$(dirname "$0")/../lib.sh"

db="$T/a.db"
fresh "$db"
P instruments set DEU untoc ratification 2006-06-14 --db "$db"
P instruments set MDA untoc accession 2016-03-01 --db "$db"
P instruments set MDA tip-protocol accession 2016-03-01 --db "$db"
P instruments set FRA tip-protocol signature 2012-01-01 --db "$db"
P instruments set ITA crc-opsc ratification 2019-01-01 --db "$db"
add() { P plan add "$@" --db "$db" >/dev/null; }
add --actor-kind state --actor MDA --title Referral --pillars "protection;prevention" --objectives "b;c" --due 2016-12-31 --status done
add --actor-kind state --actor NGA --title Awareness --pillars prevention --due 2015-06-30 --status under_way
add --actor-kind un_entity --actor UNODC --title Toolkit --pillars partnership --start 2012-05-01 --status done
add --actor-kind state --actor ALB --title Later --pillars prosecution --due 2020-01-01 --status done
P plan note 2 2016-02-01 "Funding delayed" --db "$db"
P plan note 2 2019-02-01 "Outside the period" --db "$db"

wording_c="Responses at every level, comprehensive and coordinated"
expect "reword objective (c)" 0 "" P plan objective c "$wording_c" --db "$db"
expect "not an appraisal year" 2 "the nearest are 2017 and 2021" P report appraisal --year 2019 --db "$db" --out "$T/x"
expect "the year before an appraisal" 2 "the nearest are 2017 and 2021" P report appraisal --year 2020 --db "$db" --out "$T/x"
expect "the year after an appraisal" 2 "the nearest are 2021 and 2025" P report appraisal --year 2022 --db "$db" --out "$T/x"
expect "the year after the first" 2 "the nearest are 2017 and 2021" P report appraisal --year 2018 --db "$db" --out "$T/x"
expect "before the high-level meeting" 2 "they are 2013 (the high-level meeting), 2017, then every four years" P report appraisal --year 2012 --db "$db" --out "$T/x"
expect "between the meeting and the first" 2 "they are 2013" P report appraisal --year 2015 --db "$db" --out "$T/x"
expect "the high-level meeting of 2013" 0 "wrote the appraisal of 2013" P report appraisal --year 2013 --db "$db" --out "$T/hl"
grep -q "The period 2010-01-01 to 2013-12-31" "$T/hl/index.html" && ok "2013: from the plan's adoption" || nok "2013: from the plan's adoption" "$(grep -o 'The period[^<]*' "$T/hl/index.html")"
# a year whose period has not ended: only a draft, marked as one
y=$(date -u +%Y); while [ $(( (y - 2017) % 4 )) -ne 0 ]; do y=$((y + 1)); done
expect "an appraisal not yet due" 2 "only be written as a draft (--draft)" env PALERMO_TODAY="$y-12-30" "$top/palermo" report appraisal --year "$y" --db "$db" --out "$T/x"
expect "as a draft" 0 "wrote the appraisal of $y" env PALERMO_TODAY="$y-12-30" "$top/palermo" report appraisal --year "$y" --draft --db "$db" --out "$T/dr"
grep -q "<h1>Draft: Appraisal" "$T/dr/index.html" && grep -q "which has not ended: a draft" "$T/dr/index.html" && ok "a draft says so" || nok "a draft says so" "$(grep -o '<h1>[^<]*' "$T/dr/index.html")"
expect "the day after its period" 0 "wrote the appraisal of $y" env PALERMO_TODAY="$((y + 1))-01-01" "$top/palermo" report appraisal --year "$y" --db "$db" --out "$T/x"
! grep -q "Draft" "$T/x/index.html" && ok "no draft once its period has ended" || nok "no draft once its period has ended" "Draft"
expect "--draft for another report" 2 "--draft is for the appraisal" P report sg --year 2016 --draft --db "$db" --out "$T/x"
expect "needs a year" 2 "appraisal needs --year" P report appraisal --db "$db" --out "$T/x"
expect "appraisal 2017" 0 "wrote the appraisal of 2017" P report appraisal --year 2017 --db "$db" --out "$T/ap"
csv() { sqlite3 -batch ":memory:" ".import --csv $T/ap/tables/$1.csv t" "SELECT * FROM t"; }
# a party from the 30th day after its deposit (UNTOC art. 38, Protocol
# art. 17)
# instruments by their full names, as the migration that ships them has them
iname() { sqlite3 -batch :memory: ".read $top/src/store/sqlite/migrations/0003_instruments.sql" "SELECT name FROM instruments WHERE code = '$1'"; }
U=$(iname untoc) TP=$(iname tip-protocol) OP=$(iname crc-opsc) SC=$(iname slavery-1956)
same "new parties in the period" "$(csv new_parties)" "$U|Moldova, Republic of|2016-03-31
$TP|Moldova, Republic of|2016-03-31"
n=$(parts 2017-12-31)
m=$(parts 2017-12-31 0)
same "not yet party at the end, of those who could be" "$(csv not_yet_party)" "$U|2|$((n - 2))
$TP|1|$((n - 1))
$OP|0|$m
$SC|0|$m"
same "overdue at the end, the actor named" "$(csv overdue)" "2|Nigeria|Awareness|2015-06-30|Under way"
# the appraisal in words, pillar by pillar, stated from the actions above
# (Moldova's referral done in 2016 under (b) and (c); Nigeria's awareness
# overdue since 2015 with its note of 2016; the toolkit of 2012 and
# Albania's action of 2020 outside the period)
words() { sed 's/<[^>]*>/\n/g' "$T/ap/index.html" | grep -F "$1"; }
for want in "Prevention: 1 action done in the period, under objectives (b) and (c), by Moldova, Republic of." \
    "Protection and assistance: 1 action done in the period, under objectives (b) and (c), by Moldova, Republic of." \
    "Prosecution: no action is recorded as done in the period." \
    "Prevention: no action under objectives (a), (d), (e) and (f); 1 action overdue at the end of the period, by Nigeria." \
    "Prosecution: no action under objectives (a), (b), (c), (d), (e) and (f); no action overdue at the end of the period." \
    "Prevention: Funding delayed (Nigeria, 2016-02-01)."; do
	[ -n "$(words "$want")" ] && ok "in words: ${want%%:*}, ${want#*: }" || nok "in words: $want" "$(words "${want%%:*}:" | head -3)"
done
same "done in the period, prevention with objective (b)" "$(csv actions_done | awk -F'|' '$1 == "Prevention" && $2 == "(b)" { print $3 "|" $4 }')" "1|1"
# the toolkit started in 2012: in the period of 2013 (2010 to 2013), not
# of 2017 (2014 to 2017)
same "done in the period, partnerships without objective" "$(csv actions_done | awk -F'|' '$1 == "Partnerships" && $2 == "none named" { print $3 "|" $4 }')" "0|1"
same "done in the period of 2013" "$(sqlite3 -batch ":memory:" ".import --csv $T/hl/tables/actions_done.csv t" "SELECT * FROM t" | awk -F'|' '$1 == "Partnerships" && $2 == "none named" { print $3 "|" $4 }')" "1|1"
same "prosecution: recorded, done after the period" "$(csv actions_done | awk -F'|' '$1 == "Prosecution" && $2 == "none named" { print $3 "|" $4 }')" "0|1"
# the objectives as the register words them: the reference wording palermo
# is installed with (read from its migration by the sqlite3 shell), and
# objective (c) as this test reworded it before the report
same "the objectives as the register words them" "$(csv objectives)" \
    "$(sqlite3 -batch :memory: ".read $top/src/store/sqlite/migrations/0006_plan.sql" \
	"UPDATE plan_objectives SET summary = '$wording_c' WHERE code = 'c'" \
	"SELECT '(' || code || ')|' || summary FROM plan_objectives ORDER BY code")"
same "notes of the period only" "$(csv progress_notes | cut -d'|' -f4)" "Funding delayed"
grep -q "Without any data: Sexual exploitation, Forced labour, Other forms of exploitation, Forced marriage, Forced military, Organ removal" "$T/ap/index.html" && ok "forms without data named" || nok "forms without data" "$(grep -o 'Official statistics for the period[^<]*' "$T/ap/index.html")"
grep -q "Without any recorded action: objective (a), objective (d), objective (e), objective (f)." "$T/ap/index.html" && ok "pillars and objectives without actions" || nok "without actions" "$(grep -o 'Without any[^<]*' "$T/ap/index.html")"
same "years are names, without a separator" "$(grep -c '<th scope="row">[12],[0-9][0-9][0-9]<' "$T/ap/index.html")|$(grep -c '<th scope="row">20[0-9][0-9]<' "$T/ap/index.html" | awk '{ print ($1 > 0) }')" "0|1"
browser_check "appraisal page" "$T/ap/index.html" "$top/tests/out/appraisal.png"

# the Secretary-General's report
P criminalisation set DEU sexual full --date 2005-02-19 --db "$db"
P criminalisation set MDA sexual partial --date 2012-01-01 --db "$db"
# in effect only from after the report's year: not counted in it
P criminalisation set NGA sexual full --date 2017-01-01 --db "$db"
P worldday theme 2016 "A theme" --db "$db"
id=$(P icat meeting 2016-05-02 "Principals" --db "$db")
P icat cochair 2016 IOM --db "$db"
# official statistics of 2015 and 2016: the report's latest figures are the
# totals of 2016 (no parts, no other year), added up here with awk
cat >"$T/stats.csv" <<'CSV'
country,country_text,year,indicator,sex,age_group,form,origin_dim,origin_kind,origin_code,origin_text,low,high,note
DEU,,2016,detected_victims,total,total,total,none,none,,,10,10,
MDA,,2016,detected_victims,total,total,total,none,none,,,1,4,
DEU,,2016,detected_victims,female,total,total,none,none,,,6,6,
DEU,,2016,detected_victims,total,total,sexual,none,none,,,5,5,
DEU,,2016,detected_victims,total,total,total,citizenship,country,MDA,,3,3,
DEU,,2015,detected_victims,total,total,total,none,none,,,7,7,
DEU,,2016,convicted,total,total,total,none,none,,,2,2,
FRA,,2016,convicted,total,total,total,none,none,,,3,3,
FRA,,2016,prosecuted,total,total,total,none,none,,,9,9,
FRA,,2016,detected_victims,total,total,total,none,none,,,2,2,
FRA,,2016,detected_victims,female,total,total,none,none,,,5,5,
FRA,,2016,detected_victims,male,total,total,none,none,,,4,4,
CSV
expect "import the statistics" 0 "" P import stats "$T/stats.csv" --source test --db "$db"
# INDICATOR [COUNTRY TOTAL]: the 2016 totals as lo or lo–hi, with the
# total of COUNTRY counted as TOTAL (France's 2 detected victims are
# contradicted by women 5 and men 4, a complete split: the sums use 9)
latest() {
	awk -F, -v i="$1" -v c="${2:-}" -v v="${3:-}" '$3 == 2016 && $4 == i && $5 == "total" && $6 == "total" && $7 == "total" && $8 == "none" {
	    if ($1 == c) { lo += v; hi += v } else { lo += $12; hi += $13 } }
	    END { if (lo == hi) print lo; else print lo "–" hi }' "$T/stats.csv"
}
# contributions for the report: a State and an entity of ICAT's
printf 'Moldova reports on its referral system.\nIt also reports more.\n' >"$T/c1.txt"
printf 'IOM assisted victims in 40 countries in 2016.\n' >"$T/c2.txt"
expect "a State's contribution" 0 "recorded contribution 1 for 2016" P contributions add "$T/c1.txt" --year 2016 --from Moldova --db "$db"
expect "an entity's contribution" 0 "recorded contribution 2 for 2016" P contributions add "$T/c2.txt" --year 2016 --from iom --db "$db"
expect "the same file twice" 1 "recorded already as a contribution for 2016" P contributions add "$T/c2.txt" --year 2016 --from IOM --db "$db"
printf '\377\376bad' >"$T/c3.txt"
expect "a contribution that is no text" 1 "a contribution is UTF-8 text" P contributions add "$T/c3.txt" --year 2016 --from IOM --db "$db"
expect "a contribution needs its year" 2 "add takes --year YEAR and --from ACTOR" P contributions add "$T/c1.txt" --from IOM --db "$db"
same "contributions listed" "$(P contributions --year 2016 --db "$db" 2>/dev/null | cut -f2-4 | tr '\t' ' ' | tr '\n' '|')" "2016 state MDA|2016 un_entity IOM|"
expect "sg report" 0 "wrote the Secretary-General's report of 2016" P report sg --year 2016 --db "$db" --out "$T/sg"
# every number of the text, counted with SQL over the same database: a
# party from the 30th day after deposit, never before 29 September 2003
parties() { q "$db" "SELECT count(DISTINCT country) FROM instrument_actions WHERE instrument_id = (SELECT id FROM instruments WHERE code = '$1') AND action <> 0 AND max(date(date, '+30 days'), '$2') <= '$3'"; }
n16=$(parties untoc 2003-09-29 2016-12-31) n15=$(parties untoc 2003-09-29 2015-12-31)
grep -q "As at 2016-12-31, $n16 States and organisations were parties to the $U, $n15 of them already at the end of 2015; $((n16 - n15)) became parties during the year: Moldova, Republic of." "$T/sg/index.html" && ok "sg: the parties in words" || nok "sg: the parties in words" "$(grep -o '[0-9]*\. As at[^<]*' "$T/sg/index.html" | head -2)"
t16=$(parties tip-protocol 2003-12-25 2016-12-31)
grep -q "As at 2016-12-31, $t16 States and organisations were parties to the $TP" "$T/sg/index.html" && ok "sg: the Protocol's parties" || nok "sg: the Protocol's parties" "$(grep -o '[0-9]*\. As at[^<]*Protocol to[^<]*' "$T/sg/index.html")"
grep -q "2 contributions were received for the present report: 1 from States, 1 from United Nations entities" "$T/sg/index.html" && ok "sg: the contributions summarised" || nok "sg: the contributions summarised" "$(grep -o '[0-9]*\. [^<]*contribution[^<]*' "$T/sg/index.html")"
same "sg: the contributions listed" "$(sqlite3 -batch ":memory:" ".import --csv $T/sg/tables/sg_contributions.csv t" "SELECT * FROM t" | cut -d'|' -f1,2,4)" "Moldova, Republic of|State|Moldova reports on its referral system.
the International Organization for Migration|United Nations entity|IOM assisted victims in 40 countries in 2016."
nact=$(q "$db" "SELECT count(*) FROM plan_actions") ndone=$(q "$db" "SELECT count(*) FROM plan_actions WHERE status = 2")
grep -q "$nact actions under the Plan are recorded ([^)]*): $ndone done" "$T/sg/index.html" && ok "sg: the plan's actions" || nok "sg: the plan's actions" "$(grep -o '[0-9]*\. [^<]*actions under the Plan are[^<]*' "$T/sg/index.html")"
nmem=$(q "$db" "SELECT count(*) FROM icat_members WHERE joined IS NULL OR joined <= '2016-12-31'")
grep -q "As at 2016-12-31, the Group had $nmem members, with its coordinator the United Nations Office on Drugs and Crime." "$T/sg/index.html" && ok "sg: ICAT's members" || nok "sg: ICAT's members" "$(grep -o '[0-9]*\. As at[^<]*Group[^<]*' "$T/sg/index.html")"
# the conclusions: those not yet party among those who could be (the
# table of participants, counted with awk), the Member States without
# statistics for the latest year (SQL over the stats of Member States)
grep -q "The $(( $(parts 2016-12-31) - n16 )) States and organisations not yet parties to the $U are encouraged to become parties." "$T/sg/index.html" && ok "sg: not yet parties, in the conclusions" || nok "sg: not yet parties, in the conclusions" "$(grep -o '[0-9]*\. The [0-9]* States[^<]*' "$T/sg/index.html" | head -1)"
members=$(awk -F, -v d=2016-12-31 'NR > 1 && $3 == "member" && ($4 == "" || $4 <= d) && ($5 == "" || d <= $5) { n++ } END { print n }' "$top/data/participants.csv")
reporting=$(awk -F, 'NR > 1 && $3 == "member" && $5 == "" { m[$2] = 1 } END { for (k in m) print k }' "$top/data/participants.csv" | sort >"$T/members.txt"; q "$db" "SELECT DISTINCT printf('%03d', country) FROM stats WHERE year = 2016 AND country IS NOT NULL ORDER BY 1" | comm -12 - "$T/members.txt" | wc -l)
grep -q "$((members - reporting)) of the $members Member States reported no official statistics for 2016" "$T/sg/index.html" && ok "sg: Member States without data" || nok "sg: Member States without data" "$(grep -o '[0-9]*\. [0-9]* of the [^<]*' "$T/sg/index.html")"
# the paragraphs are numbered 1, 2, 3 ... across the sections
nums=$(grep -o '<p>[0-9]*\. ' "$T/sg/index.html" | tr -dc '0-9\n' | tr '\n' ' ')
same "sg: paragraphs numbered in order" "$nums" "$(seq 1 "$(echo $nums | wc -w)" | tr '\n' ' ')"
# a later year without statistics: the latest year that has them, not 0
P report sg --year 2018 --db "$db" --out "$T/sg18" 2>/dev/null
nc=$(awk -F, '$3 == 2016 && $4 == "detected_victims" && $5 == "total" && $6 == "total" && $7 == "total" && $8 == "none" { c[$1] = 1 } END { print length(c) }' "$T/stats.csv")
grep -q "No official statistics are stored for 2018. The latest official statistics are for 2016: $nc countries reported $(latest detected_victims FRA 9) detected victims" "$T/sg18/index.html" && ok "sg: the latest year with data" || nok "sg: the latest year with data" "$(grep -o '[0-9]*\. [^<]*official statistics[^<]*' "$T/sg18/index.html")"
# no internal code in any page of these reports
for page in "$T/sg/index.html" "$T/sg18/index.html" "$T/ap/index.html"; do
	found=$(sed 's/<[^>]*>/ /g' "$page" | grep -owE 'untoc|tip-protocol|crc-opsc|slavery-1956|un_entity|civil_society|private_sector|under_way|medium_term|organ_removal' | sort -u | tr '\n' ' ')
	same "no internal code in $(basename "$(dirname "$page")")" "$found" ""
done
expect "sg needs a year" 2 "sg needs --year" P report sg --db "$db" --out "$T/x"
sg() { sqlite3 -batch ":memory:" ".import --csv $T/sg/tables/$1.csv t" "SELECT * FROM t"; }
same "sg ratification" "$(sg sg_ratification)" "$U|2|1|0|0
$TP|1|1|0|1
$OP|0|0|0|0
$SC|0|0|0|0"
same "sg plan by actor" "$(sg sg_plan | head -2)" "State|0|1|2|0
United Nations entity|0|0|1|0"
same "sg latest figures" "$(sg sg_figures)" "Detected victims|$(latest detected_victims FRA 9)|3|1 of the 3 totals replaced by what their complete splits allow
Persons convicted|$(latest convicted)|2|"
same "sg criminalisation" "$(sg sg_criminalisation | head -1)" "Sexual exploitation|1|1|0"
grep -q "It met 1 time: on 2016-05-02 (Principals)." "$T/sg/index.html" && grep -q "In 2016 it was co-chaired by the International Organization for Migration." "$T/sg/index.html" && grep -q 'under the theme &quot;A theme&quot;' "$T/sg/index.html" && ok "sg: ICAT and the World Day" || nok "sg: ICAT and the World Day" "$(grep -o '[0-9]*\. [^<]*\(co-chair\|World Day\)[^<]*' "$T/sg/index.html")"
browser_check "sg page" "$T/sg/index.html" "$top/tests/out/sg.png"

# the period's bounds, from the plan's rule (adopted 2010, appraised every
# four years from 2017: the appraisal of 2021 covers 2018 to 2021): the
# day before the period, its first and last days, and the day after
db="$T/b.db"
fresh "$db"
for due in 2017-12-31 2018-01-01 2021-12-31 2022-01-01; do
	P plan add --actor-kind state --actor DEU --title "Due $due" --pillars prosecution --objectives f --due "$due" --status done --db "$db" >/dev/null
done
for day in 2017-12-31 2018-01-01 2021-12-31 2022-01-01; do
	P plan note 1 "$day" "Note of $day" --db "$db"
done
# deposits whose 30th day after is each of the four days
P instruments set DEU untoc ratification "$(date -u -d '2017-12-31 - 30 days' +%F)" --db "$db"
P instruments set FRA untoc ratification "$(date -u -d '2018-01-01 - 30 days' +%F)" --db "$db"
P instruments set ITA untoc ratification "$(date -u -d '2021-12-31 - 30 days' +%F)" --db "$db"
P instruments set ESP untoc ratification "$(date -u -d '2022-01-01 - 30 days' +%F)" --db "$db"
expect "appraisal 2021" 0 "wrote the appraisal of 2021" P report appraisal --year 2021 --db "$db" --out "$T/b"
grep -q "The period 2018-01-01 to 2021-12-31" "$T/b/index.html" && ok "the period of 2021" || nok "the period of 2021" "$(grep -o 'The period[^<]*' "$T/b/index.html")"
bcsv() { sqlite3 -batch ":memory:" ".import --csv $T/b/tables/$1.csv t" "SELECT * FROM t"; }
same "done in the period: its first and last days" "$(bcsv actions_done | awk -F'|' '$1 == "Prosecution" && $2 == "(f)" { print $3 "|" $4 }')" "2|4"
same "notes of the period: its first and last days" "$(bcsv progress_notes | cut -d'|' -f4)" "Note of 2018-01-01
Note of 2021-12-31"
same "new parties: its first and last days" "$(bcsv new_parties | cut -d'|' -f1,3)" "$U|2018-01-01
$U|2021-12-31"
