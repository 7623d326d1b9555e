# tests/cli/criminalisation.sh: how laws criminalise each form: recorded
# with the day each took effect, a later law beside the earlier, counted
# by form and status as of a date, corrections kept, refused.
. "$(dirname "$0")/../lib.sh"

db="$T/c.db"
fresh "$db"
expect "set" 0 "" P criminalisation set DEU sexual full --law "StGB 232" --date 2016-10-15 --db "$db"
expect "set labour" 0 "" P criminalisation set DEU labour full --date 2005-02-19 --db "$db"
expect "another state" 0 "" P criminalisation set MDA organ_removal partial --date 2005-10-20 --db "$db"
expect "a later law" 0 "" P criminalisation set MDA organ_removal full --date 2012-07-01 --db "$db"
expect "none" 0 "" P criminalisation set NGA begging none --date 2003-07-14 --db "$db"
expect "an effective date is needed" 2 "--date YYYY-MM-DD" P criminalisation set NGA sexual full --db "$db"
# the counts stated from the commands above, on dates either side of each
# law: a law counts from the day it took effect
count() {	# date form
	P criminalisation --as-of "$1" --db "$db" 2>/dev/null | awk -v f="$2" '$1 == f { print $2, $3, $4 }'
}
for spec in "2016-10-14 sexual 0 0 0" "2016-10-15 sexual 1 0 0" "2005-02-18 labour 0 0 0" "2005-02-19 labour 1 0 0" \
    "2005-10-19 organ_removal 0 0 0" "2005-10-20 organ_removal 0 1 0" "2012-06-30 organ_removal 0 1 0" "2012-07-01 organ_removal 1 0 0" \
    "2003-07-14 begging 0 0 1" "2020-01-01 marriage 0 0 0"; do
	set -- $spec
	same "count $2 on $1" "$(count "$1" "$2")" "$3 $4 $5"
done
same "today: every law in effect" "$(P criminalisation --db "$db" 2>/dev/null | awk '$1 == "sexual" || $1 == "organ_removal" { print $1, $2, $3, $4 }' | tr '\n' '|')" "sexual 1 0 0|organ_removal 1 0 0|"
run P criminalisation --country MDA --as-of 2010-01-01 --db "$db"
same "a country's laws, the one in effect marked" "$(tail -n +2 "$T/stdout" | awk '{ print $1, $2, $3, $4 }' | tr '\n' '|')" "organ_removal partial 2005-10-20 yes|organ_removal full 2012-07-01 |"
run P criminalisation --country Germany --db "$db"
same "one country's" "$rc|$(tail -n +2 "$T/stdout" | tr -s ' ' | sed 's/ $//' | tr '\n' '|')" "0|sexual full 2016-10-15 yes StGB 232|labour full 2005-02-19 yes|"

# corrections are kept: set again, unset, each a line of the history
expect "correct a law's text" 0 "" env PALERMO_OPERATOR=analyst-2 "$top/palermo" criminalisation set DEU sexual full --law "StGB 232, 232a" --date 2016-10-15 --db "$db"
expect "correct a status on its own day" 0 "" P criminalisation set DEU labour partial --date 2005-02-19 --db "$db"
same "the corrected status counts" "$(count 2020-01-01 labour)" "0 1 0"
expect "unset an entry made in error" 0 "" P criminalisation unset NGA begging --date 2003-07-14 --db "$db"
expect "unset nothing" 1 "no entry for NGA and begging 2003-07-14" P criminalisation unset NGA begging --date 2003-07-14 --db "$db"
same "unset: no longer counted" "$(count 2020-01-01 begging)" "0 0 0"
run P history criminalisation --db "$db"
same "history: every change" "$(q "$db" "SELECT count(*) FROM register_history WHERE register = 'criminalisation'")" 8
same "history: as listed" "$(grep -c '^20' "$T/stdout")" 8
grep -q "analyst-2  criminalisation  DEU  corrected  sexual from 2016-10-15" "$T/stdout" && ok "history: who corrected what" || nok "history: who corrected what" "$(grep corrected "$T/stdout")"
grep -A1 "corrected  sexual" "$T/stdout" | grep -q 'before: .*"law":"StGB 232"' && ok "history: the value before" || nok "history: the value before" "$(grep -A2 corrected "$T/stdout")"
grep -A1 "removed  begging from 2003-07-14" "$T/stdout" | grep -q '"status":"none"' && ok "history: what was removed" || nok "history: what was removed" "$(grep -A1 removed "$T/stdout")"
run P history criminalisation --country MDA --db "$db"
same "history of one country" "$(grep -c '^20' "$T/stdout")" 2
expect "history of an unknown register" 2 "unknown register 'laws'" P history laws --db "$db"

expect "not a form" 2 "is not a form" P criminalisation set DEU total full --date 2016-10-15 --db "$db"
expect "not a status" 2 "full, partial or none" P criminalisation set DEU sexual mostly --date 2016-10-15 --db "$db"
expect "not a country" 2 "is not a country" P criminalisation set XXX sexual full --date 2016-10-15 --db "$db"
expect "not a date" 2 "--date takes a date" P criminalisation set DEU sexual full --date 2016-02-30 --db "$db"
expect "not after today" 2 "not after today" env PALERMO_TODAY=2020-01-01 "$top/palermo" criminalisation set DEU sexual full --date 2020-01-02 --db "$db"

# a report as of a day before a change is unchanged by it: the
# Secretary-General's report of 2014, before and after Germany's law of
# 2016 is recorded (and after another law of 2014 for comparison)
db2="$T/asof.db"
fresh "$db2"
P criminalisation set FRA sexual full --date 2003-03-18 --db "$db2"
P report sg --year 2014 --db "$db2" --out "$T/sg1" 2>/dev/null
P criminalisation set DEU sexual full --date 2016-10-15 --db "$db2"
P report sg --year 2014 --db "$db2" --out "$T/sg2" 2>/dev/null
same "2014's report unchanged by a law of 2016" "$(hash "$T/sg2/tables/sg_criminalisation.csv")" "$(hash "$T/sg1/tables/sg_criminalisation.csv")"
same "2014's report counts the law of 2003" "$(grep '^Sexual' "$T/sg1/tables/sg_criminalisation.csv")" "Sexual exploitation,1,0,0"
P report sg --year 2016 --db "$db2" --out "$T/sg3" 2>/dev/null
same "2016's report counts both" "$(grep '^Sexual' "$T/sg3/tables/sg_criminalisation.csv")" "Sexual exploitation,2,0,0"
