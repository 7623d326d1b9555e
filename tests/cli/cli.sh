# tests/cli/cli.sh: the command line itself: help, usage errors, exit
# statuses, init and the schema, --db and $PALERMO_DB, countries.
. "$(dirname "$0")/../lib.sh"

# every command in the table is listed by help, and explained both ways
run P help
cmds=$(sed -n 's/^  \([a-z]*\) .*/\1/p' "$T/stdout")
same "help lists the commands" "$(echo $cmds)" "init import export sample stats report check map regions instruments criminalisation fund plan icat mechanisms practices worldday contributions history countries submissions help version"
for c in $cmds; do
	a=$(P help "$c" 2>&1)
	b=$(P "$c" --help 2>&1)
	if [ -n "$a" ] && [ "$a" = "$b" ] && grep -q "^usage: palermo $c" <<<"$a"; then
		ok "help $c"
	else
		nok "help $c" "help and --help differ or say no usage"
	fi
	# the man page documents every command
	if grep -q "^\.Ss.*$c" "$top/man/palermo.1" 2>/dev/null; then
		ok "man page has $c"
	else
		nok "man page has $c" "no .Ss for $c in man/palermo.1"
	fi
done
expect "unknown command" 2 "'frobnicate' is not a command" P frobnicate
expect "no command" 2 "" P
expect "import without arguments" 2 "say what to import" P import
expect "import without --source" 2 "--source NAME is required" P import cases x.csv
expect "unknown option" 2 "unknown option '--frob'" P export cases --frob
expect "option without value" 2 "option '--source' needs a value" P import cases x.csv --source
expect "unknown format" 2 "unknown format 'xml'" P sample cases --format xml
expect "bad count" 2 "--count" P sample cases --count -3
expect "help on nothing" 2 "no command 'nope'" P help nope
run P version
same "version" "$(cut -d' ' -f1 "$T/stdout")" "palermo"

# init: creates the database in WAL mode with the reference data
db="$T/a.db"
expect "init creates" 0 "created $db" P init --db "$db"
same "schema version recorded" "$(q "$db" 'SELECT max(version) FROM schema_version')" \
    "$(ls "$top"/src/store/sqlite/migrations/*.sql | wc -l)"
same "WAL mode" "$(q "$db" 'PRAGMA journal_mode')" "wal"
same "every country loaded" "$(q "$db" 'SELECT count(*) FROM countries')" \
    "$(($(wc -l <"$top/data/countries.csv") - 1))"
same "country fields" "$(q "$db" "SELECT alpha2, alpha3, name FROM countries WHERE numeric = 498")" \
    "$(awk -F, '$2 == "MDA" {print $1 "|" $2}' "$top/data/countries.csv")|Moldova, Republic of"
same "M49 sub-region of Moldova" "$(q "$db" "SELECT r.name FROM countries c JOIN regions r ON r.code = c.subregion WHERE c.alpha3 = 'MDA'")" "Eastern Europe"
same "every case field has a column" "$(q "$db" "SELECT count(*) FROM case_fields f WHERE f.name NOT IN (SELECT name FROM pragma_table_info('cases'))")" "0"
h1=$(hash "$db")
nmig=$(ls "$top"/src/store/sqlite/migrations/*.sql | wc -l)
expect "init again is a no-op" 0 "is ready (schema version $nmig)" P init --db "$db"
same "init again changes nothing" "$(hash "$db")" "$h1"
expect "missing database" 3 "no database here" P submissions --db "$T/none.db"
expect "unwritable place" 3 "cannot open" P init --db "$T/no/such/dir/x.db"

# a database from a newer palermo is refused, not written to
cp "$db" "$T/new.db"
q "$T/new.db" "INSERT INTO schema_version VALUES (999, '0999', 'x')"
expect "newer schema refused" 3 "newer than this palermo knows" P submissions --db "$T/new.db"

# an older database (one made before 0002) is brought up to date when opened
cp "$db" "$T/old.db"
q "$T/old.db" "$(sed -n 's/^CREATE TRIGGER \([a-z_]*\) .*/DROP TRIGGER \1;/p' "$top/src/store/sqlite/migrations/0017_history.sql") DROP TABLE register_history; DROP TABLE samples; DROP TABLE contributions; DROP TABLE fund_cycles; DROP TRIGGER cases_changed_counts; DROP TABLE case_counts; DROP TRIGGER cases_changed; DROP TABLE pack_layout; DROP TABLE case_packs; DROP TABLE fund_victims; DROP TABLE fund_grants; DROP TABLE fund_pledges; DROP TABLE fund_lines; DROP TABLE fund_balances; DROP TABLE fund_totals; DROP TABLE fund_cash_days; DROP TABLE fund_entries; DROP TABLE fund_donors; DROP TABLE mechanism_participants; DROP TABLE mechanism_meetings; DROP TABLE criminalisation; DROP TABLE icat_attendees; DROP TABLE icat_meetings; DROP TABLE icat_cochairs; DROP TABLE icat_members; DROP TABLE plan_evidence; DROP TABLE plan_indicators; DROP TABLE plan_notes; DROP TABLE plan_actions; DROP TABLE plan_objectives; DROP TABLE practices_fts; DROP TABLE practices; DROP TABLE mechanisms; DROP TABLE worldday_events; DROP TABLE worldday; DROP TABLE instrument_actions; DROP TABLE instruments; DROP TABLE supersessions; DROP TABLE region_members; DROP TABLE region_schemes; DROP TABLE stats; DROP TABLE population; DROP TABLE origin_map; DELETE FROM schema_version WHERE version >= 2"
expect "old database migrated on open" 0 "" P submissions --db "$T/old.db"
same "migrated version" "$(q "$T/old.db" 'SELECT max(version) FROM schema_version')" "$nmig"
same "migrated tables" "$(q "$T/old.db" "SELECT count(*) FROM sqlite_master WHERE name IN ('stats', 'population', 'origin_map', 'instruments', 'instrument_actions', 'worldday', 'worldday_events', 'mechanisms', 'practices', 'practices_fts', 'plan_actions', 'plan_objectives', 'icat_members', 'icat_meetings', 'fund_entries', 'fund_lines', 'supersessions', 'region_schemes', 'register_history')")" "19"

# --db, else $PALERMO_DB, else ./palermo.db
(cd "$T" && P init >/dev/null 2>&1)
if [ -f "$T/palermo.db" ]; then ok "default ./palermo.db"; else nok "default ./palermo.db" "not created"; fi
PALERMO_DB="$T/env.db" P init >/dev/null 2>&1
if [ -f "$T/env.db" ]; then ok "PALERMO_DB"; else nok "PALERMO_DB" "not used"; fi

# countries: any code or name, with the M49 grouping
for qname in MD MDA 498 "Republic of Moldova" moldova; do
	run P countries "$qname"
	same "countries '$qname'" "$(awk '{print $2}' "$T/stdout")" "MDA"
done
run P countries Türkiye
same "countries Türkiye" "$(awk '{print $2}' "$T/stdout")" "TUR"
run P countries Turkey
same "countries Turkey" "$(awk '{print $2}' "$T/stdout")" "TUR"
run P countries --csv
same "countries --csv lists all" "$(($(wc -l <"$T/stdout") - 1))" "$(($(wc -l <"$top/data/countries.csv") - 1))"
run P countries "Western Africa" --csv
same "countries by sub-region" "$(tail -n +2 "$T/stdout" | wc -l)" \
    "$(awk -F, 'NR > 1 && /Western Africa/' "$top/data/countries.csv" | wc -l)"
expect "countries ZZ is unknown" 1 "means \"unknown\"" P countries ZZ
expect "countries nothing" 1 "no country matches" P countries Atlantis
