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

# Member States at dates the record of the United Nations gives
for spec in "1945-12-31 51" "1955-12-13 60" "1955-12-14 76" "1958-03-01 81" "2002-09-27 191" "2006-06-28 192" "2011-07-13 192" "2011-07-14 193"; do
	set -- $spec
	expect "Member States on $1" 0 "$2 Member States of the United Nations on $1" P instruments participants --as-of "$1" --db "$db"
done
run P instruments participants --as-of 2020-01-01 --csv --db "$db"
same "participants: counted as the table says" "$(($(wc -l <"$T/stdout") - 1))" "$(parts 2020-01-01)"
for who in "COK,state" "NIU,state" "VAT,observer" "PSE,observer" "EUU,organisation"; do
	grep -q "^$who," "$T/stdout" && ok "participant $who" || nok "participant $who" "$(grep "^${who%,*}," "$T/stdout")"
done
for terr in ATA BVT ALA VGB XKX TWN; do
	grep -q "^$terr," "$T/stdout" && nok "a territory is no participant: $terr" "listed" || ok "a territory is no participant: $terr"
done

# entry into force, computed here with date(1) from the articles: the
# Convention (art. 38) and the Protocol (art. 17) the 30th day after
# deposit, never before 29 Sep 2003 and 25 Dec 2003; the Optional
# Protocol one month after (in force 18 Jan 2002); the 1956 Convention on
# deposit (in force 30 Apr 1957)
eif() {	# instrument deposit
	case $1 in
	untoc) d=$(date -u -d "$2 + 30 days" +%F); f=2003-09-29 ;;
	tip-protocol) d=$(date -u -d "$2 + 30 days" +%F); f=2003-12-25 ;;
	crc-opsc) d=$(date -u -d "$2 + 1 month" +%F); f=2002-01-18 ;;
	slavery-1956) d=$2; f=1957-04-30 ;;
	esac
	[ "$d" \< "$f" ] && d=$f
	echo "$d"
}
before() { date -u -d "$1 - 1 day" +%F; }
cat >"$T/a.csv" <<'CSV'
country,instrument,action,date
DEU,untoc,signature,2000-12-12
DEU,untoc,ratification,2006-06-14
FRA,untoc,signature,2000-12-12
FRA,untoc,ratification,2002-10-29
NGA,untoc,accession,2001-06-28
AFG,untoc,accession,2003-09-24
MDA,untoc,ratification,2005-09-16
MDA,tip-protocol,signature,2000-12-14
MDA,tip-protocol,ratification,2005-09-16
USA,tip-protocol,signature,2000-12-13
Montenegro,untoc,succession,2006-10-23
Montenegro,tip-protocol,succession,2006-10-23
European Union,untoc,approval,2004-05-21
ITA,crc-opsc,ratification,2002-05-09
ESP,crc-opsc,ratification,2001-12-18
DZA,slavery-1956,accession,1963-10-31
GHA,slavery-1956,ratification,1957-04-29
CSV
expect "import actions" 0 "recorded 17 actions" P instruments import "$T/a.csv" --source UNTC --db "$db"
status() { P instruments status --instrument "$1" --as-of "$3" --csv --db "$db" 2>/dev/null | awk -F, -v c="$2" '$1 == c { print $(NF - 1), $NF }'; }
# each ratification-like action: pending on the day before entry into
# force, a party from that day
while IFS=, read -r c in act d; do
	[ "$act" = signature ] && continue
	code=$(P countries "$c" 2>/dev/null | awk 'NR == 1 { print $2 }')
	[ "$c" = "European Union" ] && code=EUU
	if [ "$act" = succession ]; then e=$d; else e=$(eif "$in" "$d"); fi
	[ "$e" \< "$(eif "$in" 1900-01-01)" ] && e=$(eif "$in" 1900-01-01)
	same "$code $in $act $d: party from $e" "$(status "$in" "$code" "$e")" "party $e"
	if [ "$(before "$e")" \< "$d" ]; then
		same "$code $in: not yet on $(before "$e")" "$(status "$in" "$code" "$(before "$e")")" "$( [ "$in" = untoc ] && grep -q "^$c,$in,signature" "$T/a.csv" && echo signatory || echo neither) $(grep "^$c,$in,signature" "$T/a.csv" | cut -d, -f4)"
	else
		same "$code $in: pending on $(before "$e")" "$(status "$in" "$code" "$(before "$e")")" "pending $e"
	fi
done < <(tail -n +2 "$T/a.csv")
same "a deposit before the Convention entered into force" "$(status untoc NGA 2003-09-28) / $(status untoc NGA 2003-09-29)" "pending 2003-09-29 / party 2003-09-29"
same "a deposit shortly before: 30 days after it" "$(status untoc AFG 2003-10-23) / $(status untoc AFG 2003-10-24)" "pending 2003-10-24 / party 2003-10-24"
same "one month after deposit" "$(status crc-opsc ITA 2002-06-08) / $(status crc-opsc ITA 2002-06-09)" "pending 2002-06-09 / party 2002-06-09"
same "on deposit, never before it was in force" "$(status slavery-1956 GHA 1957-04-29) / $(status slavery-1956 GHA 1957-04-30)" "pending 1957-04-30 / party 1957-04-30"
same "a signatory until then" "$(status untoc DEU 2006-07-13)" "pending 2006-07-14"
same "a signatory before its deposit" "$(status untoc DEU 2006-06-13)" "signatory 2000-12-12"
# the counts: parties, pending and signatories as the file gives them; the
# rest of those who can take part neither
for spec in "untoc 2003-09-28 0 3 1" "untoc 2003-09-29 2 1 1" "untoc 2006-07-13 5 1 0" "untoc 2006-11-22 7 0 0"; do
	set -- $spec
	run P instruments status --as-of "$2" --csv --db "$db"
	same "$1 on $2" "$(grep "^$1," "$T/stdout")" "$1,$3,$4,$5,$(($(parts "$2") - $3 - $4 - $5))"
done
for spec in "crc-opsc 2002-01-17 0 1 0" "crc-opsc 2002-01-18 1 0 0" "crc-opsc 2002-06-09 2 0 0"; do
	set -- $spec
	run P instruments status --as-of "$2" --csv --db "$db"
	same "$1 on $2 (not open to organisations)" "$(grep "^$1," "$T/stdout")" "$1,$3,$4,$5,$(($(parts "$2" 0) - $3 - $4 - $5))"
done
# a party counts whoever the table has then: Algeria was a member in 1963
run P instruments status --as-of 1963-12-31 --csv --db "$db"
same "slavery-1956 at the end of 1963" "$(grep '^slavery-1956,' "$T/stdout")" "slavery-1956,2,0,0,$(($(parts 1963-12-31 0) - 2))"

# a party from its first ratification-like action, whatever is recorded
# after it: a later accession, a signature recorded late
db2="$T/i2.db"
fresh "$db2"
printf 'country,instrument,action,date\nITA,untoc,accession,2008-01-01\nITA,untoc,ratification,2006-08-02\nESP,untoc,ratification,2002-03-01\nESP,untoc,signature,2002-05-01\n' >"$T/late.csv"
expect "import late actions" 0 "recorded 4 actions" P instruments import "$T/late.csv" --source UNTC --db "$db2"
run P instruments status --instrument untoc --db "$db2"
same "party from the first such action" "$(awk '$1 == "ITA" || $1 == "ESP" { print $1, $2, $3 }' "$T/stdout")" "ESP party 2003-09-29
ITA party $(date -u -d '2006-08-02 + 30 days' +%F)"

# UNTOC art. 37: a Protocol only for a party to the Convention
h=$(hash "$db")
printf 'country,instrument,action,date\nUSA,tip-protocol,ratification,2005-11-03\nFRA,tip-protocol,ratification,2002-10-29\nDEU,tip-protocol,ratification,2006-06-13\n' >"$T/p37.csv"
expect "a Protocol without the Convention" 1 "p37.csv:2:1: country: USA cannot become party to tip-protocol on 2005-11-03: it has not ratified or acceded to untoc by then" P instruments import "$T/p37.csv" --source X --db "$db"
reported "p37.csv:4:1: country: DEU cannot become party to tip-protocol on 2006-06-13" "UNTOC art. 37"
same "refused whole: nothing recorded" "$(hash "$db")" "$h"
printf 'country,instrument,action,date\nUSA,tip-protocol,ratification,2005-11-03\nUSA,untoc,ratification,2005-11-03\n' >"$T/p37b.csv"
expect "the Convention in the same file, the same day" 0 "recorded 2 actions" P instruments import "$T/p37b.csv" --source X --db "$db"
expect "set: a Protocol without the Convention" 1 "ESP cannot become party to tip-protocol" P instruments set ESP tip-protocol ratification 2002-03-01 --db "$db"
expect "unset the Convention under a Protocol" 1 "USA stays party to tip-protocol, which needs it party to untoc" P instruments unset USA untoc ratification --db "$db"
expect "a territory takes no part" 1 "Åland Islands is a territory" P instruments set ALA untoc accession 2005-01-01 --db "$db"
expect "an organisation where it may not" 1 "crc-opsc is not open to organisations such as European Union" P instruments set "European Union" crc-opsc approval 2005-01-01 --db "$db"

run P instruments status --instrument tip-protocol --db "$db"
same "one instrument, participant by participant" "$(grep -E '^(MDA|USA|MNE) ' "$T/stdout" | awk '{ print $1 "," $2 "," $3 }')" "MDA,party,2005-10-16
MNE,party,2006-10-23
USA,party,2005-12-03"
same "listed: those who can take part" "$(($(wc -l <"$T/stdout") - 1))" "$(parts "$(date -u +%F)")"
run P instruments gaps --instrument untoc --csv --db "$db"
same "gaps by region: all but the parties" "$(tail -n +2 "$T/stdout" | awk -F, '{ n += $3 } END { print n }')" "$(($(parts "$(date -u +%F)") - 8))"
grep -q "^untoc,Europe," "$T/stdout" && ! grep "^untoc,Europe," "$T/stdout" | grep -qw DEU && ok "a party is no gap" || nok "a party is no gap" "$(grep '^untoc,Europe' "$T/stdout" | head -c 200)"
grep -qw ALA "$T/stdout" && nok "no territory among the gaps" "ALA" || ok "no territory among the gaps"

# a status list as the UN Treaty Collection publishes it
db3="$T/i3.db"
fresh "$db3"
cat >"$T/untc.csv" <<'CSV'
Participant,Signature,"Ratification, Accession(a), Acceptance(A), Approval(AA), Succession(d)"
Albania 1,12 Dec 2000,21 Aug 2002
Bosnia and Herzegovina,12 Dec 2000,24 Apr 2002
European Union,12 Dec 2000,21 May 2004 AA
Montenegro 2,,23 Oct 2006 d
"Netherlands (Kingdom of the)",12 Dec 2000,26 May 2004 A
State of Palestine,,2 Jan 2015 a
"Iran (Islamic Republic of)",12 Dec 2000,
CSV
expect "a status list" 0 "recorded 11 actions" P instruments import "$T/untc.csv" --instrument untoc --source UNTC --db "$db3"
same "its letters read as actions" "$(q "$db3" "SELECT country || ':' || action || ':' || date FROM instrument_actions ORDER BY country, action" | tr '\n' ' ')" \
    "8:0:2000-12-12 8:1:2002-08-21 70:0:2000-12-12 70:1:2002-04-24 275:2:2015-01-02 364:0:2000-12-12 499:5:2006-10-23 528:0:2000-12-12 528:3:2004-05-26 901:0:2000-12-12 901:4:2004-05-21 "
printf 'Participant,Signature,Ratification\nÅland Islands,,1 Jan 2004\nGermany,12 Dec 2000,14 Jun 2006 x\nNarnia,31 Feb 2001,\n' >"$T/untc-bad.csv"
expect "a bad status list" 1 "untc-bad.csv:2:1: participant: Åland Islands is a territory" P instruments import "$T/untc-bad.csv" --instrument untoc --source UNTC --db "$db3"
reported "untc-bad.csv:3:3: ratification: unknown letter 'x'" "untc-bad.csv:4:1: participant: unknown participant 'Narnia'"
expect "a status list needs its instrument" 1 "say which with --instrument" P instruments import "$T/untc.csv" --source UNTC --db "$db3"
# editing from the command line
expect "set" 0 "" P instruments set POL crc-opsc ratification 2005-04-04 --db "$db"
crc() { P instruments status --instrument crc-opsc --db "$db" 2>/dev/null | awk '$1 == "POL" { print $2, $3 }'; }
same "set recorded" "$(crc)" "party 2005-05-04"
expect "set again replaces the date" 0 "" P instruments set POL crc-opsc ratification 2005-01-31 --db "$db"
same "one action, new date: a month after 31 January" "$(crc)" "party 2005-02-28"
expect "unset" 0 "" P instruments unset POL crc-opsc ratification --db "$db"
same "unset: no longer a party" "$(crc)" "neither Poland"
expect "unset nothing" 1 "no ratification of crc-opsc by POL" P instruments unset POL crc-opsc ratification --db "$db"
expect "add an instrument" 0 "added cets-197" P instruments add cets-197 "Council of Europe Convention on Action against Trafficking in Human Beings" --unts 2569:45795 --in-force 2008-02-01 --enters "3 months" --db "$db"
expect "add it again" 2 "is there already" P instruments add cets-197 "x" --db "$db"
expect "act on the added one" 0 "" P instruments set ALB cets-197 ratification 2007-02-06 --db "$db"
same "the added one's status, by its own rule" "$(P instruments status --instrument cets-197 --db "$db" 2>/dev/null | awk '$1 == "ALB" { print $2, $3 }')" "party 2008-02-01"
expect "a rule that is none" 2 "--enters takes deposit" P instruments add x-1 "X" --enters "3 weeks" --db "$db"
expect "a protocol to an added one" 0 "added cets-p" P instruments add cets-p "A protocol" --protocol-to cets-197 --db "$db"
expect "its parties must be the convention's" 1 "FRA cannot become party to cets-p" P instruments set FRA cets-p ratification 2010-01-01 --db "$db"

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
