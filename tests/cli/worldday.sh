# tests/cli/worldday.sh: the World Day against Trafficking in Persons:
# themes and events by year from 2014 on, and the days left before 30 July
# (counted here with date(1), not by palermo's own arithmetic).
. "$(dirname "$0")/../lib.sh"

db="$T/w.db"
fresh "$db"
expect "theme" 0 "" P worldday theme 2027 "Leave no victim behind" --db "$db"
expect "event" 0 "" P worldday event 2027 "Vigil" --organiser "An NGO" --country MDA --date 2027-07-30 --db "$db"
expect "event without organiser" 2 "needs --organiser" P worldday event 2027 "Walk" --db "$db"
expect "before 2014" 2 "observed from 2014 on" P worldday 2013 --db "$db"
expect "date outside the year" 2 "--date takes a date" P worldday event 2027 "Walk" --organiser X --date 2026-07-30 --db "$db"
expect "no such day" 2 "--date takes a date" P worldday event 2027 "Walk" --organiser X --date 2027-02-30 --db "$db"
for today in 2027-01-01 2027-07-01 2027-07-29; do
	want=$(( ($(date -u -d 2027-07-30 +%s) - $(date -u -d "$today" +%s)) / 86400 ))
	PALERMO_TODAY=$today run P worldday 2027 --db "$db"
	grep -q "^$want days\? to go$" "$T/stdout" && ok "days left on $today" || nok "days left on $today" "$(cat "$T/stdout")"
done
PALERMO_TODAY=2027-07-30 run P worldday --db "$db"
grep -q "today is the World Day" "$T/stdout" && ok "on the day" || nok "on the day" "$(cat "$T/stdout")"
PALERMO_TODAY=2027-08-01 run P worldday --db "$db"
grep -q "to go" "$T/stdout" && nok "after the day" "still counting" || ok "after the day"
grep -q "theme: Leave no victim behind" "$T/stdout" && ok "theme recorded" || nok "theme recorded" "$(cat "$T/stdout")"
grep -q "Vigil (An NGO, Moldova, Republic of)" "$T/stdout" && ok "event recorded" || nok "event recorded" "$(cat "$T/stdout")"
same "stored" "$(q "$db" "SELECT w.theme || '|' || count(e.id) FROM worldday w JOIN worldday_events e ON e.year = w.year")" "Leave no victim behind|1"
