# tests/cli/practices.sh: national mechanisms and the practices they share:
# full-text search (every word must match, phrases whole, word forms
# found, query syntax in the input is only words), filters, the marked
# passage, and bad input refused with nothing recorded.  The fixture is
# written so that each word is in known practices only.
. "$(dirname "$0")/../lib.sh"

db="$T/p.db"
fresh "$db"
cat >"$T/p.csv" <<'CSV'
country,pillar,title,tags,summary,text,date
MDA,protection,Shelter referral with the hotline,"referral, shelter",A referral mechanism links the hotline with shelters.,Returned victims are met at the border and referred within a day.,2019-05-01
NGA,prevention,Awareness in schools,"awareness, children",Teachers warn of false job offers abroad.,Sessions in schools on recruitment through social media.,2020-03-15
DEU,prosecution,Financial investigations,"money",Following the money of traffickers.,Prosecutors trace earnings and confiscate assets abroad.,2021-11-30
PHL,partnership,Embassy desks,"consular, referral",Embassies keep desks for nationals exploited abroad.,Consular staff refer nationals to shelters at home.,2022-02-01
CSV
expect "import practices" 0 "recorded 4 practices" P practices import "$T/p.csv" --source test --db "$db"
# ids ARGS...: the ids a search finds, sorted; a failing search says so
ids() {
	local out rc
	out=$(P practices search "$@" --db "$db" 2>/dev/null)
	rc=$?
	printf '%s\n' "$out" | awk '/^[0-9]/ { print $1 }' | sort | tr '\n' ' '
	[ "$rc" -eq 0 ] || echo "(exit $rc)"
}
same "one word" "$(ids abroad)" "2 3 4 "
same "every word must match" "$(ids 'abroad shelters')" "4 "
same "word forms (porter)" "$(ids shelter)" "1 4 "
same "a phrase whole" "$(ids '"false job"')" "2 "
same "a phrase in another order finds nothing" "$(ids '"job false"')" ""
same "tags are searched" "$(ids consular)" "4 "
same "query syntax is only words" "$(ids 'abroad OR NEAR(x')" ""
same "filter by country" "$(ids abroad --country Philippines)" "4 "
same "filter by pillar" "$(ids abroad --pillar prosecution)" "3 "
same "filter by tag" "$(ids referral --tag shelter)" "1 "
same "a tag is matched whole, not by its start" "$(ids abroad --tag consul)" ""
same "a tag is matched in any case" "$(ids abroad --tag CONSULAR)" "4 "
same "--limit stops at that many" "$(ids abroad --limit 2 | wc -w)" 2
same "--limit counts only what the filters keep" "$(ids abroad --limit 1 --pillar partnership)" "4 "
expect "--limit reported" 0 "2 practices" P practices search abroad --limit 2 --db "$db"
run P practices search '"false job"' --db "$db"
grep -qF "Teachers warn of [false job] offers abroad." "$T/stdout" && ok "the match is marked" || nok "the match is marked" "$(cat "$T/stdout")"
run P practices list --db "$db"
same "list, newest first" "$(awk '/^[0-9]/ { print $1 }' "$T/stdout" | tr '\n' ' ')" "4 3 2 1 "
expect "add" 0 "" P practices add --country ALB --pillar protection --title "Mobile teams" --summary "Outreach to victims abroad." --date 2023-01-01 --db "$db"
same "added and indexed" "$(ids outreach)" "5 "
expect "add without title" 1 "a practice needs a title and a summary" P practices add --country ALB --pillar protection --date 2023-01-01 --db "$db"
expect "search without words" 2 "no words" P practices search '  ' --db "$db"
expect "unknown pillar" 2 "unknown pillar" P practices search x --pillar fun --db "$db"

h=$(hash "$db")
printf 'country,pillar,title,tags,summary,text,date\nMDA,protection,Ok,,Fine.,,2020-01-01\nQQQ,outreach,Bad,,Bad.,,2020-13-40\n' >"$T/bad.csv"
expect "bad practices" 1 "bad.csv:3:1: country: unknown country 'QQQ'" P practices import "$T/bad.csv" --source x --db "$db"
reported "bad.csv:3:2: pillar: unknown pillar 'outreach'" "bad.csv:3:7: date: '2020-13-40' is not a date"
same "bad practices: nothing recorded" "$(hash "$db")" "$h"

expect "add a mechanism" 0 "" P mechanisms add --country MDA --name "Permanent Secretariat" --kind coordination --office "State Chancellery" --db "$db"
expect "a rapporteur" 0 "" P mechanisms add --country NLD --name "National Rapporteur" --kind rapporteur --db "$db"
expect "unknown kind" 2 "add needs --country, --name and --kind" P mechanisms add --country NLD --name X --kind person --db "$db"
run P mechanisms --country MDA --db "$db"
same "mechanisms by country" "$(tail -n +2 "$T/stdout" | cut -f2-4)" "MDA	coordination	Permanent Secretariat"
mda=$(tail -n +2 "$T/stdout" | cut -f1)
meet=$(P mechanisms meeting 2023-10-18 --place Chisinau --topics "referral; data" --db "$db")
same "a meeting of mechanisms" "$meet" "1"
expect "a mechanism joins" 0 "" P mechanisms join "$meet" "$mda" --db "$db"
expect "no such mechanism" 1 "no meeting 1 or no mechanism 99" P mechanisms join "$meet" 99 --db "$db"
expect "meeting needs a date" 2 "meeting takes a date" P mechanisms meeting 2023-02-30 --db "$db"
run P mechanisms meetings --db "$db"
grep -q "mechanisms: MDA Permanent Secretariat" "$T/stdout" && grep -q "topics: referral; data" "$T/stdout" && ok "meetings listed" || nok "meetings listed" "$(cat "$T/stdout")"

# Ranking: where the words are found and how often decide the order (title
# 4, tags 3, summary 2, text 1), and the rarer of two words counts for more.
rdb="$T/rank.db"
fresh "$rdb"
cat >"$T/rank.csv" <<'CSV'
country,pillar,title,tags,summary,text,date
MDA,protection,Village meetings,,Talks with families.,A bondage case was raised once.,2020-01-01
NPL,protection,Debt bondage in kilns,bondage,Bondage ends when debts are cancelled.,Inspectors free workers held in bondage.,2020-01-02
THA,prosecution,Fishing fleets,bondage,Crews are checked.,Checks at port.,2020-01-03
BRA,protection,Day service,,A service for victims.,The shelter and the shelter garden take callers of the hotline.,2020-01-04
ROU,protection,Night service,,A service for victims.,The hotline answers and the hotline refers callers to a shelter.,2020-01-05
UKR,protection,Shelter one,,Beds.,A shelter in the capital.,2020-01-06
DEU,protection,Shelter two,,Beds.,A shelter in the north.,2020-01-07
PHL,protection,Shelter three,,Beds.,A shelter in the south.,2020-01-08
CSV
expect "import ranking fixture" 0 "recorded 8 practices" P practices import "$T/rank.csv" --source test --db "$rdb"
ranked() { P practices search "$@" --db "$rdb" 2>/dev/null | awk '/^[0-9]/ { print $1 }' | tr '\n' ' '; }
same "the best match first: title, tags, summary and text" "$(ranked bondage)" "2 3 1 "
same "--limit keeps the best, not the first stored" "$(ranked bondage --limit 1)" "2 "
same "the rarer word weighs more" "$(ranked 'shelter hotline')" "5 4 "
same "the same with the words the other way round" "$(ranked 'hotline shelter')" "5 4 "
same "equal matches in the order they were recorded" "$(ranked beds)" "6 7 8 "
