# tests/cli/instruments.sh: the legal instruments: the shipped four with
# their UN Treaty Series references, actions imported and edited, status
# on a date and the gaps by region, checked against SQL over the same
# database; and bad input refused with nothing recorded.
. "$(dirname "$0")/../lib.sh"

db="$T/i.db"
fresh "$db"
run P instruments list --db "$db"
same "four instruments shipped" "$(tail -n +2 "$T/stdout" | cut -f1 | tr '\n' ' ')" "untoc tip-protocol crc-opsc slavery-1956 "
same "UNTS references as the resolution gives them" "$(tail -n +2 "$T/stdout" | cut -f3 | tr '\n' '|')" \
    "UNTS vol. 2225, no. 39574|UNTS vol. 2237, no. 39574|UNTS vol. 2171, no. 27531|UNTS vol. 266, no. 3822|"

cat >"$T/a.csv" <<'CSV'
country,instrument,action,date
DEU,untoc,signature,2000-12-12
DEU,untoc,ratification,2006-06-14
FRA,untoc,signature,2000-12-12
FRA,untoc,ratification,2002-10-29
MDA,tip-protocol,signature,2000-12-14
MDA,tip-protocol,ratification,2005-09-16
USA,tip-protocol,signature,2000-12-13
Montenegro,tip-protocol,succession,2006-10-23
NGA,untoc,accession,2001-06-28
CSV
expect "import actions" 0 "recorded 9 actions" P instruments import "$T/a.csv" --source UNTC --db "$db"
# the status on a date, stated from the file above: a party from its first
# ratification-like action, a signatory from its signature until then; the
# countries and areas of data/countries.csv in all.  Each action's date is
# tried on the day before, the day itself and the day after.
n=$(($(wc -l <"$top/data/countries.csv") - 1))
for spec in "2000-12-11 0 0" "2000-12-12 0 2" "2000-12-13 0 2" \
    "2001-06-27 0 2" "2001-06-28 1 2" "2002-10-28 1 2" "2002-10-29 2 1" \
    "2002-10-30 2 1" "2006-06-13 2 1" "2006-06-14 3 0" "2006-06-15 3 0"; do
	set -- $spec
	run P instruments status --as-of "$1" --csv --db "$db"
	same "untoc on $1" "$(grep '^untoc,' "$T/stdout")" "untoc,$2,$3,$((n - $2 - $3))"
done
for spec in "2000-12-12 0 0" "2000-12-13 0 1" "2000-12-14 0 2" \
    "2005-09-15 0 2" "2005-09-16 1 1" "2006-10-22 1 1" "2006-10-23 2 1"; do
	set -- $spec
	run P instruments status --as-of "$1" --csv --db "$db"
	same "tip-protocol on $1" "$(grep '^tip-protocol,' "$T/stdout")" "tip-protocol,$2,$3,$((n - $2 - $3))"
done
for spec in "2006-06-13 signatory" "2006-06-14 party" "2006-06-15 party"; do
	set -- $spec
	run P instruments status --instrument untoc --as-of "$1" --db "$db"
	same "Germany on $1" "$(awk '$1 == "DEU" { print $2 }' "$T/stdout")" "$2"
done
# a party from its first ratification-like action, whatever is recorded
# after it: a later accession, a signature recorded late
db2="$T/i2.db"
fresh "$db2"
printf 'country,instrument,action,date\nITA,untoc,accession,2008-01-01\nITA,untoc,ratification,2006-08-02\nESP,untoc,ratification,2002-03-01\nESP,untoc,signature,2002-05-01\n' >"$T/late.csv"
expect "import late actions" 0 "recorded 4 actions" P instruments import "$T/late.csv" --source UNTC --db "$db2"
run P instruments status --instrument untoc --db "$db2"
same "party from the first such action" "$(awk '$1 == "ITA" || $1 == "ESP" { print $1, $2, $3 }' "$T/stdout")" "ESP party 2002-03-01
ITA party 2006-08-02"

run P instruments status --instrument tip-protocol --db "$db"
same "one instrument, country by country" "$(grep -E '^(MDA|USA|MNE) ' "$T/stdout" | awk '{ print $1 "," $2 "," $3 }')" "MDA,party,2005-09-16
MNE,party,2006-10-23
USA,signatory,2000-12-13"
run P instruments gaps --instrument untoc --csv --db "$db"
same "gaps by region: all but the three parties" "$(tail -n +2 "$T/stdout" | awk -F, '{ n += $3 } END { print n }')" "$((n - 3))"
grep -q "^untoc,Europe," "$T/stdout" && ! grep "^untoc,Europe," "$T/stdout" | grep -qw DEU && ok "a party is no gap" || nok "a party is no gap" "$(grep '^untoc,Europe' "$T/stdout" | head -c 200)"

# editing from the command line
expect "set" 0 "" P instruments set ITA crc-opsc ratification 2002-05-09 --db "$db"
crc() { P instruments status --instrument crc-opsc --db "$db" 2>/dev/null | awk '$1 == "ITA" { print $2, $3 }'; }
same "set recorded" "$(crc)" "party 2002-05-09"
expect "set again replaces the date" 0 "" P instruments set ITA crc-opsc ratification 2002-05-10 --db "$db"
same "one action, new date" "$(crc)" "party 2002-05-10"
expect "unset" 0 "" P instruments unset ITA crc-opsc ratification --db "$db"
same "unset: no longer a party" "$(crc)" "neither Italy"
expect "unset nothing" 1 "no ratification of crc-opsc by ITA" P instruments unset ITA crc-opsc ratification --db "$db"
expect "add an instrument" 0 "added cets-197" P instruments add cets-197 "Council of Europe Convention on Action against Trafficking in Human Beings" --unts 2569:45795 --db "$db"
expect "add it again" 2 "is there already" P instruments add cets-197 "x" --db "$db"
expect "act on the added one" 0 "" P instruments set ALB cets-197 ratification 2007-02-06 --db "$db"
same "the added one's status" "$(P instruments status --instrument cets-197 --db "$db" 2>/dev/null | awk '$1 == "ALB" { print $2, $3 }')" "party 2007-02-06"

# no action in the future: today is accepted, tomorrow refused
expect "an action dated today" 0 "" env PALERMO_TODAY=2020-01-20 "$top/palermo" instruments set POL cets-197 signature 2020-01-20 --db "$db"
expect "an action dated tomorrow" 1 "is not a date (YYYY-MM-DD) up to today" env PALERMO_TODAY=2020-01-20 "$top/palermo" instruments set POL cets-197 ratification 2020-01-21 --db "$db"
expect "status as of today" 0 "status as of 2020-01-20" env PALERMO_TODAY=2020-01-20 "$top/palermo" instruments status --as-of 2020-01-20 --db "$db"
expect "status as of tomorrow" 2 "--as-of takes a date" env PALERMO_TODAY=2020-01-20 "$top/palermo" instruments status --as-of 2020-01-21 --db "$db"

# refused, with nothing recorded
h=$(hash "$db")
printf 'country,instrument,action,date\nDEU,untoc,ratification,2006-06-14\nQQQ,untoc,signing,2099-01-01\nFRA,nosuch,signature,2001-02-30\n' >"$T/bad.csv"
expect "bad actions" 1 "bad.csv:3:1: country: unknown country 'QQQ'" P instruments import "$T/bad.csv" --source X --db "$db"
reported "bad.csv:3:3: action: unknown action 'signing'" "bad.csv:3:4: date: '2099-01-01' is not a date" "bad.csv:4:2: instrument: unknown instrument 'nosuch'" "bad.csv:4:4: date: '2001-02-30' is not a date"
same "bad actions: nothing recorded" "$(hash "$db")" "$h"
printf 'country,instrument\nDEU,untoc\n' >"$T/hdr.csv"
expect "missing columns" 1 "action: column missing" P instruments import "$T/hdr.csv" --source X --db "$db"
expect "bad date option" 2 "--as-of takes a date" P instruments status --as-of 2020-13-01 --db "$db"
expect "unknown instrument" 2 "unknown instrument 'nosuch'" P instruments status --instrument nosuch --db "$db"
