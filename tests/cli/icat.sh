# tests/cli/icat.sh: ICAT: the shipped members with UNODC as coordinator,
# co-chairs, meetings with members, invited organisations and states, and
# the roadmap's progress, stated from the actions the test adds.
. "$(dirname "$0")/../lib.sh"

db="$T/i.db"
fresh "$db"
run P icat --db "$db"
same "members shipped, coordinator first" "$(cut -f1 "$T/stdout" | tr '\n' ' ')" "UNODC OHCHR UNHCR UNICEF UN-Women ILO IOM UNDP UNFPA UNESCO "
grep -q "^UNODC	2007-01-01	(coordinator)$" "$T/stdout" && ok "UNODC coordinates" || nok "UNODC coordinates" "$(head -1 "$T/stdout")"
expect "a member needs the day it joined" 2 "member takes --joined DATE" P icat member UNOPS --db "$db"
expect "add a member" 0 "" P icat member UNOPS --joined 2021-06-01 --db "$db"
same "the member is listed" "$(P icat --db "$db" 2>/dev/null | cut -f1 | tail -1)" "UNOPS"
expect "co-chair" 0 "" P icat cochair 2024 unicef --db "$db"
expect "co-chair not a member" 1 "is not a member of ICAT" P icat cochair 2024 Atlantis --db "$db"
# membership on a date: the day each joined, either side of it
same "members at the end of 2010: not UN-Women (from 2011)" "$(P icat --as-of 2010-12-31 --db "$db" 2>/dev/null | cut -f1 | tr '\n' ' ')" "UNODC OHCHR UNHCR UNICEF ILO IOM UNDP UNFPA UNESCO "
same "members on 1 January 2011" "$(P icat --as-of 2011-01-01 --db "$db" 2>/dev/null | grep -c .)" 10
same "UNOPS the day before it joined" "$(P icat --as-of 2021-05-31 --db "$db" 2>/dev/null | grep -c UNOPS)" 0
same "UNOPS the day it joined" "$(P icat --as-of 2021-06-01 --db "$db" 2>/dev/null | grep -c UNOPS)" 1
expect "a co-chair before it joined" 1 "UNOPS joined ICAT on 2021-06-01: it cannot co-chair in 2020" P icat cochair 2020 UNOPS --db "$db"
expect "a co-chair in the year it joined" 0 "" P icat cochair 2021 UNOPS --db "$db"
expect "UN-Women before 2011" 1 "cannot co-chair in 2010" P icat cochair 2010 UN-Women --db "$db"
expect "correct the day it joined" 0 "" P icat member unops --joined 2019-02-01 --db "$db"
expect "then it co-chairs 2020" 0 "" P icat cochair 2020 UNOPS --db "$db"
grep -q 'corrected  member UNOPS' <(P history icat --db "$db" 2>/dev/null) && ok "the correction is in the history" || nok "the correction is in the history" "$(P history icat --db "$db" 2>&1 | tail -3)"
expect "joined after today" 2 "not after today" env PALERMO_TODAY=2020-01-01 "$top/palermo" icat member UNICRI --joined 2020-01-02 --db "$db"
run P icat cochairs --db "$db"
same "co-chairs" "$(cat "$T/stdout")" "2020	UNOPS
2021	UNOPS
2024	UNICEF"

id=$(P icat meeting 2024-03-12 "Principals' meeting" --place Vienna --db "$db")
same "meeting id" "$id" "1"
expect "member attends" 0 "" P icat attend "$id" --member iom --db "$db"
expect "invited organisation" 0 "" P icat attend "$id" --organisation "Council of Europe" --db "$db"
expect "invited state" 0 "" P icat attend "$id" --state Moldova --db "$db"
expect "not a member" 1 "is not a member of ICAT" P icat attend "$id" --member "Council of Europe" --db "$db"
expect "no such meeting" 1 "no meeting 9" P icat attend 9 --state DEU --db "$db"
expect "two kinds at once" 2 "one of --member, --organisation, --state" P icat attend "$id" --state DEU --member IOM --db "$db"
run P icat meetings --year 2024 --db "$db"
grep -q "members: IOM$" "$T/stdout" && grep -q "invited organisations: Council of Europe$" "$T/stdout" && grep -q "invited states: MDA$" "$T/stdout" && ok "attendees listed" || nok "attendees listed" "$(cat "$T/stdout")"
run P icat meetings --year 2023 --db "$db"
same "meetings of another year" "$(cat "$T/stdout")" ""

# the roadmap: plan actions with a horizon year
for s in done done under_way dropped; do
	P plan add --actor-kind un_entity --actor UNODC --title "Item $s" --pillars partnership --horizon 2017 --status "$s" --db "$db" >/dev/null
done
P plan add --actor-kind un_entity --actor IOM --title "Later" --pillars partnership --horizon 2030 --db "$db" >/dev/null
P plan add --actor-kind state --actor DEU --title "Not roadmap" --pillars prevention --db "$db" >/dev/null
run P icat roadmap --db "$db"
same "roadmap lists only horizon actions" "$(grep -c '^[0-9]\{4\} ' "$T/stdout")" "5"
# two done, one under way, one dropped: the dropped one is out of the count
same "progress from status" "$(grep '^progress 2017' "$T/stdout")" "progress 2017: 2 of 3 done (66.7%), 1 dropped"
run P icat roadmap --horizon 2030 --db "$db"
same "one horizon" "$(grep '^progress' "$T/stdout")" "progress 2030: 0 of 1 done (0.0%), 0 dropped"
