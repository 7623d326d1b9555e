# tests/cli/criminalisation.sh: how laws criminalise each form: recorded,
# replaced, counted by form and status (counted again by SQL), refused.
. "$(dirname "$0")/../lib.sh"

db="$T/c.db"
fresh "$db"
expect "set" 0 "" P criminalisation set DEU sexual full --law "StGB 232" --date 2016-10-15 --db "$db"
expect "set labour" 0 "" P criminalisation set DEU labour full --db "$db"
expect "another state" 0 "" P criminalisation set MDA organ_removal partial --db "$db"
expect "replace" 0 "" P criminalisation set MDA organ_removal full --db "$db"
expect "none" 0 "" P criminalisation set NGA begging none --db "$db"
run P criminalisation --db "$db"
for f in sexual labour organ_removal begging marriage; do
	same "count $f" "$(awk -v f="$f" '$1 == f { print $2 "," $3 "," $4 }' "$T/stdout")" \
	    "$(q "$db" "SELECT coalesce(sum(status = 'full'), 0) || ',' || coalesce(sum(status = 'partial'), 0) || ',' || coalesce(sum(status = 'none'), 0) FROM criminalisation c JOIN codes k ON k.list = 'form' AND k.code = c.form WHERE k.name = '$f'")"
done
run P criminalisation --country Germany --db "$db"
grep -q "^sexual *full *2016-10-15 *StGB 232$" "$T/stdout" && ok "one country's" || nok "one country's" "$(cat "$T/stdout")"
expect "not a form" 2 "is not a form" P criminalisation set DEU total full --db "$db"
expect "not a status" 2 "full, partial or none" P criminalisation set DEU sexual mostly --db "$db"
expect "not a country" 2 "is not a country" P criminalisation set XXX sexual full --db "$db"
expect "not a date" 2 "--date takes a date" P criminalisation set DEU sexual full --date 2016-02-30 --db "$db"
