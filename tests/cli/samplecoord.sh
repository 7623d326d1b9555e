# tests/cli/samplecoord.sh: palermo sample coordination fills every
# coordination register with labelled, generated data, the same for the
# same seed, and every coordination report then has something to say.
. "$(dirname "$0")/../lib.sh"

for n in 1 2; do
	fresh "$T/$n.db"
	expect "sample coordination $n" 0 "filled" P sample coordination --seed 7 --db "$T/$n.db"
done
for t in instrument_actions plan_actions plan_notes icat_cochairs icat_meetings icat_attendees mechanisms practices worldday worldday_events; do
	n=$(q "$T/1.db" "SELECT count(*) FROM $t")
	[ "$n" -gt 0 ] && ok "$t filled ($n)" || nok "$t filled" "empty"
done
same "same seed, same data" "$(sqlite3 "$T/1.db" "ATTACH '$T/2.db' AS b; SELECT count(*) FROM (SELECT actor, title, due, status FROM main.plan_actions EXCEPT SELECT actor, title, due, status FROM b.plan_actions)")" "0"
same "labelled as a sample" "$(q "$T/1.db" "SELECT count(*) FROM plan_actions WHERE title NOT LIKE 'Sample: %'") $(q "$T/1.db" "SELECT count(*) FROM practices WHERE title NOT LIKE 'Sample: %'")" "0 0"
same "generated sources" "$(q "$T/1.db" "SELECT DISTINCT source FROM instrument_actions")" "palermo sample (generated)"
expect "coordination takes no file" 2 "coordination takes --seed and --db only" P sample coordination --out x --db "$T/1.db"
expect "appraisal of sample data" 0 "wrote the appraisal" P report appraisal --year 2021 --db "$T/1.db" --out "$T/ap"
[ "$(wc -l <"$T/ap/tables/new_parties.csv")" -gt 1 ] && ok "the appraisal finds new parties" || nok "new parties" "none"

# every report on a database with generated data says so: on its title,
# first in every section, and on every table's title (counted in the
# page's HTML and in figures.json)
P sample fund --db "$T/1.db" 2>/dev/null
P report appraisal --year 2021 --db "$T/1.db" --out "$T/ap" 2>/dev/null
P report sg --year 2021 --db "$T/1.db" --out "$T/sg" 2>/dev/null
P report fund --year 2021 --db "$T/1.db" --out "$T/fu" 2>/dev/null
P report country DEU --db "$T/1.db" --out "$T/cp" 2>/dev/null
P report global --db "$T/1.db" --out "$T/gl" 2>/dev/null
for d in ap sg fu cp gl; do
	h="$T/$d/index.html"
	grep -q "<h1>Sample data: " "$h" && ok "$d: the title says sample" || nok "$d: the title says sample" "$(grep -o '<h1>[^<]*' "$h")"
	same "$d: every section says so first" "$(grep -c '<section' "$h")" "$(grep -A3 '<section' "$h" | grep -c 'Sample data: this database holds data that palermo sample generated (coordination, fund)')"
	same "$d: every table's title says so" "$(sqlite3 -batch :memory: "SELECT count(*) FROM json_each(readfile('$T/$d/figures.json'), '\$.tables') WHERE json_extract(value, '\$.title') NOT LIKE 'Sample data: %'")" 0
done
fresh "$T/real.db"
P report sg --year 2021 --db "$T/real.db" --out "$T/real" 2>/dev/null
! grep -q "Sample data" "$T/real/index.html" && ok "no sample label without generated data" || nok "no sample label without generated data" "labelled"
