# tests/cli/criminalisation.sh: how laws criminalise each form: recorded,
# replaced, counted by form and status, refused.
. "$(dirname "$0")/../lib.sh"

db="$T/c.db"
fresh "$db"
expect "set" 0 "" P criminalisation set DEU sexual full --law "StGB 232" --date 2016-10-15 --db "$db"
expect "set labour" 0 "" P criminalisation set DEU labour full --db "$db"
expect "another state" 0 "" P criminalisation set MDA organ_removal partial --db "$db"
expect "replace" 0 "" P criminalisation set MDA organ_removal full --db "$db"
expect "none" 0 "" P criminalisation set NGA begging none --db "$db"
# the counts stated from the commands above: Moldova's partial was replaced
run P criminalisation --db "$db"
same "listing exits 0" "$rc" 0
for spec in "sexual 1 0 0" "labour 1 0 0" "organ_removal 1 0 0" "begging 0 0 1" "marriage 0 0 0"; do
	set -- $spec
	same "count $1" "$(awk -v f="$1" '$1 == f { print $2, $3, $4 }' "$T/stdout")" "$2 $3 $4"
done
run P criminalisation --country MDA --db "$db"
same "the replaced status" "$(awk '{ print $1, $2 }' "$T/stdout")" "organ_removal full"
run P criminalisation --country Germany --db "$db"
same "one country's" "$rc|$(tr -s ' ' <"$T/stdout" | sed 's/ $//' | tr '\n' '|')" "0|sexual full 2016-10-15 StGB 232|labour full|"
expect "not a form" 2 "is not a form" P criminalisation set DEU total full --db "$db"
expect "not a status" 2 "full, partial or none" P criminalisation set DEU sexual mostly --db "$db"
expect "not a country" 2 "is not a country" P criminalisation set XXX sexual full --db "$db"
expect "not a date" 2 "--date takes a date" P criminalisation set DEU sexual full --date 2016-02-30 --db "$db"
