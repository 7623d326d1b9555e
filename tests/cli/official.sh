# tests/cli/official.sh: the official statistics of the reports on small
# hand-made files in the portal's format, each with an edge case: a total
# that a complete split contradicts, values of unknown sex and age, a
# country entering the series (the constant panel), Taiwan and Kosovo
# placed the same in every table, a grouping of the user's, the filters,
# and 'palermo stats official'.  Every expected figure is stated from the
# file or computed from it by tests/oracles/official.py, and the maps are
# checked in a real browser.
. "$(dirname "$0")/../lib.sh"

db="$T/o.db"
fresh "$db"
f="$T/portal.csv"
V="Detected trafficking victims"
r() {	# ISO3 INDICATOR DIMENSION CATEGORY SEX AGE YEAR VALUE
	printf '%s,%s,,,%s,%s,"%s",%s,%s,%s,Counts,"%s",test\n' "$1" "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8"
}
{
	echo "Iso3_code,Country,Region,Subregion,Indicator,Dimension,Category,Sex,Age,Year,Unit of measurement,txtVALUE,Source"
	# Germany and France report every year; Italy misses 2018; Pakistan
	# enters in 2019, with far more victims than the others
	for y in 2017 2018 2019 2020 2021; do
		r DEU "$V" Total Total Total Total $y $((500 + y - 2017))
		r FRA "$V" Total Total Total Total $y $((300 + y - 2017))
	done
	for y in 2017 2019 2020 2021 2022; do r ITA "$V" Total Total Total Total $y 100; done
	for y in 2019 2020 2021 2022; do r PAK "$V" Total Total Total Total $y 30000; done
	r FRA "$V" Total Total Total Total 2022 305
	# Germany 2022: published <5, while women are 746 and men 541, and
	# children 193 and adults 1096; 7 of unknown sex and age
	r DEU "$V" Total Total Total Total 2022 "<5"
	r DEU "$V" Total Total Female Total 2022 746
	r DEU "$V" Total Total Male Total 2022 541
	r DEU "$V" Total Total Total "0 to 17 years" 2022 193
	r DEU "$V" Total Total Total "18 years or over" 2022 "1,096"
	r DEU "$V" Total Total Unknown Unknown 2022 7
	# women, men, girls and boys in Germany 2022, and France 2021 without
	# boys (not a complete profile)
	r DEU "$V" Total Total Female "18 years or over" 2022 589
	r DEU "$V" Total Total Male "18 years or over" 2022 505
	r DEU "$V" Total Total Female "0 to 17 years" 2022 157
	r DEU "$V" Total Total Male "0 to 17 years" 2022 36
	r FRA "$V" Total Total Female "18 years or over" 2021 100
	r FRA "$V" Total Total Male "18 years or over" 2021 50
	r FRA "$V" Total Total Female "0 to 17 years" 2021 20
	# Panama: only values of unknown sex and age
	r PAN "$V" Total Total Unknown Unknown 2020 "<5"
	r PAN "$V" Total Total Unknown Unknown 2021 9
	# flows: Taiwan to Japan, Kosovo to Germany, Nigeria to Italy,
	# Italians in Italy, and a flow of 4 (under the threshold)
	r JPN "$V" Total Total Total Total 2022 40
	r JPN "$V" "by citizenship" Taiwan Total Total 2022 12
	r DEU "$V" "by citizenship" "Kosovo under UNSCR 1244" Total Total 2022 9
	r ITA "$V" "by citizenship" Nigeria Total Total 2022 60
	r ITA "$V" "by citizenship" Nationals Total Total 2022 30
	r ITA "$V" "by citizenship" Romania Total Total 2022 4
	r DEU "Persons convicted" Total Total Total Total 2022 20
} >"$f"
expect "import the file" 0 "imported $(($(wc -l <"$f") - 1)) values" P import stats "$f" --source test --db "$db"
printf 'iso3,year,population\nDEU,2022,84000000\nFRA,2022,68000000\nITA,2022,59000000\nPAK,2022,235000000\nJPN,2022,125000000\n' >"$T/pop.csv"
expect "population" 0 "" P import population "$T/pop.csv" --source UN --db "$db"
# the origins as palermo read them ("Taiwan" is Taiwan, Province of China
# by an alias), line by line, for the oracle; stats.sh checks the readings
P export stats --format palermo --db "$db" --out "$T/now.palermo"
sqlite3 -batch -csv ":memory:" ".import --csv $T/now.palermo p" "SELECT 'line', 'kind', 'code'" "SELECT rowid + 1, origin_kind, origin_code FROM p" >"$T/readings.csv"
same "the readings of the origins" "$(awk -F, '$2 == "country" { print $3 }' "$T/readings.csv" | sort | tr '\n' ' ')" "NGA ROU TWN XKX "
oracle() { python3 "$top/tests/oracles/official.py" "$1" "$f" --population "$T/pop.csv" --readings "$T/readings.csv" "${@:2}"; }
table() { sqlite3 -batch ":memory:" ".import --csv $1 t" "SELECT ${2:-*} FROM t"; }
cmp_py() {	# NAME CSV TABLE [ORACLE OPTIONS...]
	local got want
	got=$(table "$2" 2>&1)
	want=$(oracle "$3" "${@:4}" 2>&1)
	if [ "$got" = "$want" ] && [ -n "$want" ]; then ok "$1"; else nok "$1" "$(diff <(echo "$want") <(echo "$got") | head -6 | tr '\n' ' ')"; fi
}

# --- the contradicted total ---------------------------------------------------
# the split by sex allows 746 + 541 = 1287 to 1294 (with the 7), the split
# by age 193 + 1096 = 1289 to 1296: together 1289 to 1294
run P check stats --country DEU --year 2022 --db "$db"
same "check: what the figures use" "$(grep -c 'DEU 2022 detected_victims: the total is <5 but a part by \(sex\|age\) is [0-9]*; the figures use 1289–1294' "$T/stdout")" 2
reported "1 total is contradicted by a complete split by sex or age" "1 value of unknown sex and unknown age (7)"
expect "report global" 0 "" P report global --db "$db" --out "$T/g"
same "world 2022 uses what the splits allow" "$(table "$T/g/tables/official_trends.csv" "\"All reporting countries\" || '|' || Note" | tail -1)" \
    "$((1289 + 305 + 100 + 30000 + 40))–$((1294 + 305 + 100 + 30000 + 40))|1 total replaced by what its complete splits allow"
same "the methods list it" "$(table "$T/g/tables/official_replaced.csv")" "Germany|$V|2022|1–4|1287–1294|1289–1296|1289–1294"
expect "report country DEU" 0 "" P report country DEU --db "$db" --out "$T/deu"
same "the profile marks it" "$(table "$T/deu/tables/indicators.csv" "Year || '|' || \"$V\" || '|' || Note" | grep ^2022)" \
    "2022|1–4|$V 2022: published <5; the split by sex allows 1,287–1,294; the split by age allows 1,289–1,296; 1,289–1,294 used in sums and rates"
grep -q '1–4<span class="mark"' "$T/deu/index.html" && ok "the page marks it" || nok "the page marks it" "no mark"
same "the JSON says why" "$(python3 -c '
import json, sys
t = [t for t in json.load(open(sys.argv[1]))["tables"] if t["id"] == "indicators"][0]
row = [r for r in t["rows"] if r[0] == 2022][0]
print(row[1], row[-1].endswith("1,289–1,294 used in sums and rates"))' "$T/deu/figures.json")" "{'low': 1, 'high': 4} True"
# the rate: 1289 to 1294 per 84,000,000, not 0.00 from the published <5
same "the rate from the splits" "$(table "$T/deu/tables/sdg_16_2_2.csv" "\"Per 100,000\"")" \
    "$(awk 'BEGIN { a = int((1289 * 10000000 + 42000000) / 84000000); b = int((1294 * 10000000 + 42000000) / 84000000); printf "%d.%02d–%d.%02d", a / 100, a % 100, b / 100, b % 100 }')"

# --- unknown sex and unknown age ------------------------------------------------
expect "report country PAN" 0 "" P report country PAN --db "$db" --out "$T/pan"
same "Panama: under sex unknown and age unknown" "$(table "$T/pan/tables/victims_by_sex_age.csv")" \
    "2020|0|0|0|1–4|0|0|1–4
2021|0|0|0|9|0|0|9"
same "Germany 2022: the 7 under both" "$(table "$T/deu/tables/victims_by_sex_age.csv" | grep ^2022)" "2022|746|541|0|7|193|1096|7"

# --- the constant panel ---------------------------------------------------------
# 2017 to 2022: Germany and France report every year (France's 2022 too,
# Germany's is the contradicted one); Italy misses 2018, Pakistan enters
# in 2019
cmp_py "trends against the oracle" "$T/g/tables/official_trends.csv" official_trends
same "the panel: Germany and France" "$(table "$T/g/tables/official_trends.csv" "Year || '|' || \"Countries reporting\" || '|' || \"Countries in the panel\"" | tr '\n' ' ')" \
    "2017|3|2 2018|2|2 2019|4|2 2020|4|2 2021|4|2 2022|5|2 "
same "Pakistan's entry is in the sum, not the panel" "$(table "$T/g/tables/official_trends.csv" "\"All reporting countries\" || '|' || \"Constant panel\"" | sed -n 2,3p | tr '\n' ' ')" \
    "802|802 30904|804 "
for t in official_regional_trends official_profile_by_year official_profile_by_region official_by_region \
    official_sdg_16_2_2 official_flow_classes official_flows_by_region official_top_flows \
    official_map_victims official_map_rates official_map_flows; do
	cmp_py "$t" "$T/g/tables/$t.csv" "$t"
done
# the profile: Germany 2022 gives all four; France 2021 has no boys
same "profile: complete ones only" "$(table "$T/g/tables/official_profile_by_year.csv")" "2022|589|505|157|36|1"

# --- one classification of places ------------------------------------------------
# Taiwan is in Eastern Asia with Japan, Kosovo in Southern Europe, Germany
# in Western Europe: the same in the flow classes, the region matrix and
# the profiles
same "Taiwan to Japan within the sub-region" "$(table "$T/g/tables/official_top_flows.csv" "Flow || '|' || \"Detected victims\"" | grep Taiwan)" \
    "Taiwan, Province of China → Japan|12"
expect "report country JPN" 0 "" P report country JPN --db "$db" --out "$T/jpn"
same "Japan's profile: Taiwan within the sub-region" "$(table "$T/jpn/tables/flows_in.csv" "Citizenship || '|' || Flow")" "Taiwan, Province of China|Within the sub-region"
same "Germany's profile: Kosovo within the region" "$(table "$T/deu/tables/flows_in.csv" "Citizenship || '|' || Flow")" "Kosovo under UNSCR 1244|Within the region"
same "flow classes" "$(table "$T/g/tables/official_flow_classes.csv" "Flow || '|' || \"Detected victims\"" | tr '\n' ' ')" \
    "Domestic|30 Within the sub-region|12 Within the region|9 Across regions|60 "
same "the region matrix: Asia to Asia, Europe to Europe" "$(table "$T/g/tables/official_flows_by_region.csv" "\"Region of citizenship\" || '|' || Asia || '|' || Europe" | grep -E '^(Asia|Europe)')" \
    "Asia|12|0
Europe|0|39"

# --- the filters apply to official statistics ------------------------------------
expect "report for Germany" 0 "" P report global --country DEU --db "$db" --out "$T/gdeu"
cmp_py "trends for Germany" "$T/gdeu/tables/official_trends.csv" official_trends --country DEU
same "Germany only" "$(table "$T/gdeu/tables/official_trends.csv" "\"Countries reporting\"" | sort -u)" 1
expect "report of two years" 0 "" P report global --from 2020 --to 2021 --db "$db" --out "$T/g2"
cmp_py "trends of two years" "$T/g2/tables/official_trends.csv" official_trends --from 2020 --to 2021
same "a period of the years asked" "$(table "$T/g2/tables/official_flow_classes.csv" Years | sort -u)" "2020–2021"
grep -q "Official statistics: detected victims and convictions over time" "$T/g2/index.html" && ok "no cases: official sections still" || nok "no cases: official sections still" "missing"
expect "report of a source without statistics" 0 "" P report global --source nobody --db "$db" --out "$T/g3"
grep -q "No official statistics are stored for these filters" "$T/g3/index.html" && ok "no statistics for the source: said" || nok "no statistics for the source" "not said"

# --- a grouping of the user's ----------------------------------------------------
printf 'country,region\nDEU,Core\nFRA,Core\nITA,South\nESP,South\nPAK,Far\nJapan,Far\n' >"$T/scheme.csv"
expect "import a scheme" 0 "recorded 6 countries" P regions import "$T/scheme.csv" --scheme mine --db "$db"
run P regions --db "$db"
same "schemes listed" "$(awk -F'\t' 'NR > 1 { print $1 "|" $2 "|" $3 }' "$T/stdout")" "UN M49|5|$(($(wc -l <"$top/data/countries.csv") - 1))
mine|3|6"
same "a scheme shown" "$(P regions show mine --db "$db" | awk -F'\t' 'NR > 1 { print $1 ":" $3 }' | tr '\n' ' ')" "DEU:Core ESP:South FRA:Core ITA:South JPN:Far PAK:Far "
h=$(hash "$db")
printf 'country,region\nDEU,Core\nAtlantis,South\nDEU,South\nFRA,\n' >"$T/badscheme.csv"
expect "a bad scheme" 1 "badscheme.csv:3:1: country: unknown country 'Atlantis'" P regions import "$T/badscheme.csv" --scheme mine --db "$db"
reported "badscheme.csv:4:1: country: DEU is given a region already at line 2" "badscheme.csv:5:2: region: empty region for FRA"
same "a bad scheme: nothing stored" "$(hash "$db")" "$h"
expect "import needs a scheme name" 2 "import needs --scheme NAME" P regions import "$T/scheme.csv" --db "$db"
expect "an unknown scheme" 1 "there is no region scheme 'theirs'" P report global --regions theirs --db "$db" --out "$T/x"
expect "report by the scheme" 0 "" P report global --regions mine --db "$db" --out "$T/gs"
# the oracle reads the scheme by alpha-3 codes only
sed 's/^Japan,/JPN,/' "$T/scheme.csv" >"$T/scheme2.csv"
for t in official_by_region official_regional_trends official_flows_by_region official_profile_by_region official_sdg_16_2_2; do
	cmp_py "scheme: $t" "$T/gs/tables/$t.csv" "$t" --scheme "$T/scheme2.csv"
done
# the South: Italy has victims and population in 2022, Spain neither: a
# rate on half of the region's countries is shown
same "a rate on half the region is shown" "$(table "$T/gs/tables/official_sdg_16_2_2.csv" "Region || '|' || Year || '|' || \"Per 100,000\" || '|' || \"Countries with both\" || '|' || \"Countries and areas in the region\"" | grep '^South|2022')" \
    "South|2022|0.17|1|2"
[ -e "$T/gs/tables/official_by_subregion.csv" ] && nok "scheme: no M49 sub-regions" "there" || ok "scheme: no M49 sub-regions"
grep -q "Regions are those of mine" "$T/gs/index.html" && ok "the report names its scheme" || nok "the report names its scheme" "not named"
same "the JSON names it" "$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["meta"]["filters"]["regions"])' "$T/gs/figures.json")" "mine"
expect "--regions is for reports global" 2 "are for 'report global'" P report country DEU --regions mine --db "$db" --out "$T/x"

# --- palermo stats official ----------------------------------------------------
expect "stats official by country and year" 0 "" P stats official --by country,year --format csv --db "$db"
same "totals as the sums use them" "$(tail -n +2 "$T/stdout" | cut -d, -f1-4 | tr , '|')" "$(oracle totals_used)"
expect "stats official by region and year" 0 "" P stats official --by region,year --format csv --regions mine --db "$db"
same "by the scheme's regions" "$(awk -F, '$1 == "Far" { print $2 ":" $3 }' "$T/stdout" | tr '\n' ' ')" "2019:30000 2020:30000 2021:30000 2022:30040 "
expect "stats official by sex" 0 "" P stats official --by sex --format csv --db "$db"
# Germany's women 746 and men 541 of all ages (France splits them by age
# only with sex), unknown: Germany's 7 and Panama's <5 and 9
same "by sex, unknowns included" "$(tail -n +2 "$T/stdout" | cut -d, -f1-4 | tr '\n' ' ')" "female,746,746,1 male,541,541,1 unknown,17,20,2 "
expect "stats official of convictions" 0 "" P stats official --by year --indicator convicted --db "$db"
same "convictions as text" "$(awk 'NR > 1 { print $1, $2, $3 }' "$T/stdout")" "2022 20 1"
expect "stats official needs --by" 2 "stats official needs --by" P stats official --db "$db"
expect "a field official statistics lack" 2 "no field 'gender'" P stats official --by gender --db "$db"
expect "an unknown indicator" 2 "--indicator is one of" P stats official --by year --indicator arrests --db "$db"
expect "--indicator is for official" 2 "--indicator is for 'stats official'" P stats --by year --indicator convicted --db "$db"
expect "--regions is not for cases" 2 "--regions groups official statistics" P stats --by year --regions mine --db "$db"

# --- the maps in a browser ------------------------------------------------------
browser_check "maps" "$T/g/index.html" "$top/tests/out/official-small.png" "#official-maps" "$top/tests/out/maps-small.png"

# --- the map is what its generator makes of Natural Earth's countries --------
if [ -d "$top/node_modules/world-atlas" ]; then
	run env PALERMO_MAP_OUT="$T/world-map.csv" node "$top/scripts/gen-map.mjs"
	same "data/world-map.csv is what scripts/gen-map.mjs makes" "$rc|$(cmp -s "$T/world-map.csv" "$top/data/world-map.csv" && echo same)" "0|same"
else
	nok "data/world-map.csv is what scripts/gen-map.mjs makes" "world-atlas is missing: run scripts/install-deps"
fi
