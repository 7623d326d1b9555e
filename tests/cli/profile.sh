# tests/cli/profile.sh: the country profile brings the registers together:
# the standing on each instrument on the report's date, the laws in
# effect, the national mechanism and its meetings, the plan's actions,
# the practices shared and the Trust Fund's grants, stated from what the
# test records (and, for the fund, counted with SQL over the sample).
. "$(dirname "$0")/../lib.sh"

db="$T/p.db"
fresh "$db"
today=$(date -u +%F)
P instruments set MDA untoc signature 2000-12-14 --db "$db"
P instruments set MDA untoc ratification 2005-09-16 --db "$db"
P instruments set MDA tip-protocol ratification 2005-09-16 --db "$db"
P instruments set MDA crc-opsc signature 2002-02-08 --db "$db"
P criminalisation set MDA sexual partial --date 2005-10-20 --db "$db"
P criminalisation set MDA sexual full --date 2012-07-01 --law "Criminal Code art. 165" --db "$db"
P mechanisms add --country MDA --name "Permanent Secretariat" --kind coordination --office "State Chancellery" --db "$db"
P mechanisms add --country ALB --name "National Coordinator" --kind coordination --db "$db"
meet=$(P mechanisms meeting 2023-10-18 --place Chisinau --topics "referral; data" --db "$db")
P mechanisms join "$meet" 1 --db "$db"
meet2=$(P mechanisms meeting 2024-04-02 --place Tirana --topics "labour" --db "$db")
P mechanisms join "$meet2" 2 --db "$db"
P plan add --actor-kind state --actor Moldova --title "Referral system" --pillars "protection;prevention" --due 2016-12-31 --status done --db "$db" >/dev/null
P plan add --actor-kind state --actor ALB --title "Not Moldova's" --pillars prevention --db "$db" >/dev/null
P practices add --country MDA --pillar protection --title "Mobile teams" --summary "Outreach to victims abroad." --date 2023-01-01 --db "$db"
expect "the profile" 0 "wrote the country profile of Moldova" P report country MDA --db "$db" --out "$T/p"
csv() { sqlite3 -batch ":memory:" ".import --csv $T/p/tables/$1.csv t" "SELECT * FROM t"; }
# a party from the 30th day after deposit (UNTOC art. 38, Protocol art. 17)
same "instruments on the report's date" "$(csv instruments | cut -d'|' -f2-5)" "Party|$(date -u -d '2005-09-16 + 30 days' +%F)|2000-12-14|Ratification, 2005-09-16
Party|$(date -u -d '2005-09-16 + 30 days' +%F)||Ratification, 2005-09-16
Signatory, not a party|2002-02-08|2002-02-08|
Not a party|||"
grep -q "On $today, Moldova, Republic of was a party to 2 of the 4 instruments" "$T/p/index.html" && ok "the sentence of the instruments" || nok "the sentence of the instruments" "$(grep -o 'On [0-9-]*, [^<]*instruments' "$T/p/index.html")"
same "the law in effect" "$(csv criminalisation | head -2)" "Sexual exploitation|Fully|2012-07-01|Criminal Code art. 165
Forced labour|Not recorded||"
same "the national mechanism" "$(csv mechanisms)" "Permanent Secretariat|coordination||State Chancellery"
same "the meetings it took part in" "$(csv mechanism_meetings)" "2023-10-18|Chisinau|referral; data"
same "its actions under the plan" "$(csv plan_actions)" "Referral system|Prevention, Protection and assistance|Done|2016-12-31"
same "the practices it shared" "$(csv practices)" "2023-01-01|Mobile teams|Protection and assistance"
grep -q "The Trust Fund has made no grant in this country." "$T/p/index.html" && ok "no grant said" || nok "no grant said" "missing"
for code in untoc tip-protocol crc-opsc slavery-1956 under_way coordination_; do
	grep -q ">$code<" "$T/p/index.html" && nok "no internal code in the page: $code" "found" || ok "no internal code in the page: $code"
done

# the fund: the sample's grants in a country, counted with SQL
s="$T/s.db"
fresh "$s"
P sample fund --db "$s" 2>/dev/null
c=$(q "$s" "SELECT country FROM fund_grants GROUP BY country ORDER BY count(*) DESC, country LIMIT 1")
iso=$(awk -F, -v n="$(printf %03d "$c")" '$3 == n { print $2 }' "$top/data/countries.csv")
P report country "$iso" --db "$s" --out "$T/f" 2>/dev/null
fcsv() { sqlite3 -batch ":memory:" ".import --csv $T/f/tables/$1.csv t" "$2"; }
# cancelled: a grant whose approval entry was reversed
same "the grants in the country" "$(fcsv fund_grants 'SELECT count(*) FROM t')" "$(q "$s" "SELECT count(*) FROM fund_grants g WHERE country = $c AND NOT EXISTS (SELECT 1 FROM fund_entries e WHERE e.reverses = g.entry_id)")"
same "the victims assisted, as last reported" "$(fcsv fund_grants "SELECT sum(CAST(replace(\"Victims assisted\", ',', '') AS INTEGER)) FROM t WHERE \"Victims assisted\" <> 'Not reported'")" \
    "$(q "$s" "SELECT sum(v.victims) FROM fund_grants g JOIN fund_victims v ON v.grant_id = g.id WHERE g.country = $c AND NOT EXISTS (SELECT 1 FROM fund_entries e WHERE e.reverses = g.entry_id) AND v.id = (SELECT max(id) FROM fund_victims w WHERE w.grant_id = g.id AND w.date = (SELECT max(date) FROM fund_victims x WHERE x.grant_id = g.id))")"
