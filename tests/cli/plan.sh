# tests/cli/plan.sh: the Global Plan of Action: objectives and pillars,
# actions added and edited, notes, indicators and evidence, the filters
# (overdue counted against date(1)), round trips through CSV and JSON, and
# bad input refused with nothing recorded.
. "$(dirname "$0")/../lib.sh"

db="$T/p.db"
fresh "$db"
run P plan objectives --db "$db"
same "six objectives" "$(grep -c '^([a-f])' "$T/stdout")" "6"
same "four pillars" "$(sed -n '/^pillars:/,$p' "$T/stdout" | tail -n +2 | awk '{ print $1 }' | tr '\n' ' ')" "prevention protection prosecution partnership "
expect "reword an objective" 0 "" P plan objective c "Responses that are comprehensive, coordinated and consistent" --db "$db"
same "the new wording is kept" "$(q "$db" "SELECT summary FROM plan_objectives WHERE code = 'c'")" "Responses that are comprehensive, coordinated and consistent"
run P plan objectives --db "$db"
same "and shown" "$(grep '^(c)' "$T/stdout")" "(c)  Responses that are comprehensive, coordinated and consistent"
h=$(hash "$db")
expect "no objective g" 2 "objective takes a letter, a to f" P plan objective g "Text" --db "$db"
expect "no empty wording" 2 "objective takes a letter, a to f" P plan objective a "" --db "$db"
same "refused rewordings change nothing" "$(hash "$db")" "$h"

add() { P plan add "$@" --db "$db" 2>"$T/stderr"; }
id1=$(add --actor-kind state --actor Moldova --title "Referral system" --pillars "protection;prevention" --objectives "b;c" --start 2014-01-01 --due 2016-12-31 --status under_way)
id2=$(add --actor-kind un_entity --actor UNODC --title "Roadmap: joint paper" --pillars partnership --horizon 2017 --status done --due 2017-06-30)
id3=$(add --actor-kind civil_society --actor "An NGO" --title "Hotline" --pillars protection --due 2199-01-01)
same "ids returned" "$id1 $id2 $id3" "1 2 3"
same "a state is stored by its code" "$(q "$db" "SELECT actor || ' ' || country FROM plan_actions WHERE id = 1")" "MDA 498"
expect "note" 0 "" P plan note 1 2015-06-01 "Shelters opened" --db "$db"
expect "indicator" 0 "" P plan indicator 1 "victims referred" --target 200 --actual 150 --db "$db"
expect "indicator again replaces" 0 "" P plan indicator 1 "victims referred" --target 200 --actual 180 --db "$db"
expect "evidence" 0 "" P plan evidence 1 "https://example.org/report" --db "$db"
same "items stored" "$(q "$db" "SELECT (SELECT count(*) FROM plan_notes) || ' ' || (SELECT actual FROM plan_indicators) || ' ' || (SELECT count(*) FROM plan_evidence)")" "1 180 1"


# what cannot be: a note or a deed after today, evidence that is no link
# or file reference, an item of no action
h=$(hash "$db")
expect "a note after today" 2 "not after today" env PALERMO_TODAY=2020-01-01 "$top/palermo" plan note 1 2020-01-02 "Later" --db "$db"
expect "a note without a text" 2 "a note needs a text" P plan note 1 2015-06-01 "" --db "$db"
expect "evidence that is no link" 2 "evidence is a URL (https://...) or a file reference" P plan evidence 1 "see the report" --db "$db"
expect "evidence without a host" 2 "evidence is a URL" P plan evidence 1 "https:///x" --db "$db"
expect "an indicator below 0" 2 "take whole numbers" P plan indicator 1 "x" --target -1 --db "$db"
expect "an item of no action" 1 "no action 42" P plan note 42 2015-06-01 "Lost" --db "$db"
expect "done, due after today" 1 "an action done cannot be due after today" env PALERMO_TODAY=2020-01-01 "$top/palermo" plan add --actor-kind state --actor DEU --title X --pillars prevention --due 2020-02-01 --status done --db "$db"
expect "under way, starting after today" 1 "cannot start after today" env PALERMO_TODAY=2020-01-01 "$top/palermo" plan add --actor-kind state --actor DEU --title X --pillars prevention --start 2020-02-01 --status under_way --db "$db"
same "refused items change nothing" "$(hash "$db")" "$h"
expect "a file reference" 0 "" P plan evidence 1 "file:moldova-referral-2015.pdf" --db "$db"
run P plan show 1 --db "$db"
same "show: the action whole" "$(grep -E '^  (actor|title|status) ' "$T/stdout" | tr -s ' ' | tr '\n' '|')" " actor MDA| title Referral system| status under_way|"
same "show: its items" "$(sed -n '/^notes:/,$p' "$T/stdout" | tr -s ' ' | tr '\n' '|')" "notes:| 2015-06-01 Shelters opened|indicators:| victims referred: 180 of a target of 200|evidence:| https://example.org/report| file:moldova-referral-2015.pdf|"
expect "show nothing there" 1 "no action 99" P plan show 99 --db "$db"

ids() { P plan list "$@" --db "$db" 2>/dev/null | awk '{ print $1 }' | tr '\n' ' '; }
same "all" "$(ids)" "1 2 3 "
same "by actor kind" "$(ids --actor-kind state)" "1 "
for name in Moldova MDA md 498 "Republic of Moldova"; do
	same "by actor, as add took it: $name" "$(ids --actor "$name")" "1 "
done
same "by pillar" "$(ids --pillar protection)" "1 3 "
same "by objective" "$(ids --objective c)" "1 "
same "by status" "$(ids --status done)" "2 "
# overdue: due before today and neither done nor dropped; tried with
# today on the day before an action's due date, the day itself and after
od="$T/od.db"
fresh "$od"
for spec in "2016-12-30 planned" "2016-12-31 under_way" "2017-01-01 planned" "2016-12-01 done" "2016-12-01 dropped"; do
	set -- $spec
	P plan add --actor-kind state --actor DEU --title "Due $1" --pillars prevention --due "$1" --status "$2" --db "$od" >/dev/null
done
for spec in "2016-12-30:" "2016-12-31:1" "2017-01-01:1 2" "2017-01-02:1 2 3"; do
	day=${spec%%:*} want=${spec#*:}
	same "overdue on $day" "$(PALERMO_TODAY=$day P plan list --overdue --db "$od" 2>/dev/null | awk '{ print $1 }' | tr '\n' ' ')" "${want:+$want }"
done
expect "edit" 0 "" P plan edit 1 --status done --db "$db"
same "edit keeps the rest" "$(q "$db" "SELECT status || ' ' || pillars || ' ' || objectives || ' ' || due FROM plan_actions WHERE id = 1")" "2 3 6 2016-12-31"
expect "edit nothing there" 1 "no action 99" P plan edit 99 --status done --db "$db"

# a title a spreadsheet would run as a formula: written as text in CSV,
# read back as it was
expect "a title like a formula" 0 "" P plan edit 3 --title "=cmd|' /C calc'!A0" --db "$db"
P plan export --format csv --db "$db" --out "$T/f.csv"
grep -q ",\"'=cmd|' /C calc'!A0\"," "$T/f.csv" || grep -q ",'=cmd|' /C calc'!A0," "$T/f.csv" && ok "plan export: the formula as text" || nok "plan export: the formula as text" "$(grep calc "$T/f.csv")"
for f in csv json; do
	P plan export --format "$f" --db "$db" --out "$T/e.$f"
	fresh "$T/rt.db"
	expect "$f export imports" 0 "recorded 3 actions" P plan import "$T/e.$f" --source rt --db "$T/rt.db"
	P plan export --format "$f" --db "$T/rt.db" --out "$T/e2.$f"
	cmp -s "$T/e.$f" "$T/e2.$f" && ok "$f round trip" || nok "$f round trip" "$(diff "$T/e.$f" "$T/e2.$f" | head -4)"
done

h=$(hash "$db")
printf 'actor_kind,actor,title,pillars,due\nstate,Atlantis,X,protection,2020-01-01\nagency,UNODC,,weather,2020-02-30\n' >"$T/bad.csv"
expect "bad actions" 1 "bad.csv:2:2: actor: unknown country 'Atlantis'" P plan import "$T/bad.csv" --source x --db "$db"
reported "bad.csv:3:1: actor_kind: 'agency'" "bad.csv:3:3: title: a title is needed" "bad.csv:3:4: pillars: 'weather'" "bad.csv:3:5: due: '2020-02-30' is not a date"
same "bad actions: nothing recorded" "$(hash "$db")" "$h"
printf '\n{"actor_kind":"state","actor":"DEU","title":"T","pillars":"prevention","colour":"red","notes":5,"due":7}\n' >"$T/bad.json"
expect "bad JSON actions" 1 "bad.json:2: colour: not a key of plan actions" P plan import "$T/bad.json" --source x --db "$db"
reported "bad.json:2: notes: expected a list" "bad.json:2: due: expected text"
same "bad JSON actions: nothing recorded" "$(hash "$db")" "$h"
expect "due the day before the start" 1 "is before the start" P plan add --actor-kind state --actor DEU --title T --pillars prevention --start 2020-01-01 --due 2019-12-31 --db "$db"
same "due before start: nothing written" "$(hash "$db")" "$h"
expect "due the day it starts" 0 "" P plan add --actor-kind state --actor DEU --title T --pillars prevention --start 2020-01-01 --due 2020-01-01 --db "$db"
expect "bad objective" 2 "objectives are a to f" P plan list --objective z --db "$db"
