# tests/cli/stats.sh: official statistics: the real UNODC export as CSV and
# as xlsx, its figures checked against a small awk computation over the
# CSV, round trips in every format, the consistency check, population, the
# readings of origins (against the file's own country names and the suite's
# table of readings), and input that must be refused with nothing stored.
# The report's official figures are computed in SQL over a database built
# from the CSV by tests/oracles/unodc-db.sh.
. "$(dirname "$0")/../lib.sh"

csv="$data/glotip/unodc_glotip_data_export_2025-04-14.csv"
xlsx="$data/glotip/unodc_glotip_data_export_2025-04-14.xlsx"
db="$T/stats.db"
fresh "$db"

# --- the real CSV -----------------------------------------------------------
expect "import the real CSV" 0 "imported 58769 values" P import stats "$csv" --source UNODC --db "$db"
grep -q "(unodc)" "$T/stderr" && ok "detected unodc" || nok "detected unodc" "$(head -1 "$T/stderr")"
same "every row stored" "$(q "$db" 'SELECT count(*) FROM stats')" "$(($(wc -l <"$csv") - 1))"

# totals per indicator and year, low and high, from the CSV by awk:
# "<5" is 1 to 4, commas separate thousands
want=$(tr -d '\r' <"$csv" | awk -F'"' -v OFS= '{ for (i = 2; i <= NF; i += 2) gsub(",", "", $i); print }' |
    awk -F, 'NR > 1 { v = $12; if (v == "<5") { lo = 1; hi = 4 } else { lo = v; hi = v }
	k = $5 "|" $10; L[k] += lo; H[k] += hi } END { for (k in L) print k "|" L[k] "|" H[k] }' | sort)
got=$(q "$db" "SELECT c.label || '|' || s.year || '|' || sum(s.low) || '|' || sum(s.high) FROM stats s JOIN codes c ON c.list = 'indicator' AND c.code = s.indicator GROUP BY s.indicator, s.year" | sort)
same "totals per indicator and year" "$got" "$want"
same "censored values" "$(q "$db" 'SELECT count(*) FROM stats WHERE low = 1 AND high = 4')" \
    "$(tr -d '\r' <"$csv" | awk -F, '$(NF - 1) == "<5"' | wc -l)"
same "never zero for <5" "$(q "$db" 'SELECT count(*) FROM stats WHERE low = 0 AND high = 0')" \
    "$(tr -d '\r' <"$csv" | awk -F, '$(NF - 1) == "0"' | wc -l)"
same "areas without ISO codes kept" "$(q "$db" "SELECT count(*) FROM stats WHERE country IS NULL AND country_text = 'Sark'")" \
    "$(grep -c '^,Sark,' "$csv")"
same "origins kept as written" "$(q "$db" "SELECT count(*) FROM stats WHERE origin_dim > 0 AND origin_text IS NOT NULL")" \
    "$(grep -cE ',by (citizenship|country of repatriation),' "$csv")"
same "Romanian is Romania" "$(q "$db" "SELECT DISTINCT k.alpha3 FROM stats s JOIN countries k ON k.numeric = s.origin_code WHERE s.origin_text = 'Romanian'")" "ROU"
same "Nationals" "$(q "$db" "SELECT DISTINCT origin_kind FROM stats WHERE origin_text = 'Nationals'")" \
    "$(q "$db" "SELECT code FROM codes WHERE list = 'origin_kind' AND name = 'nationals'")"
grep -q "origin texts are not mapped" "$T/stderr" && ok "unmapped origins listed" || nok "unmapped origins listed" "no list"

# --- the consistency check: DEU 2022 ----------------------------------------
run P check stats --country DEU --year 2022 --db "$db"
same "check exits 1 on inconsistencies" "$rc" "1"
grep -q "DEU 2022 detected_victims: the total is <5 but a part" "$T/stdout" && ok "DEU 2022 found" || nok "DEU 2022 found" "$(cat "$T/stdout")"
run P check stats --db "$db"
same "check of everything exits 1" "$rc" "1"
cp "$T/stdout" "$T/check-all.txt"
# every sudden break in a series, found again by awk over the CSV
unquoted() { tr -d '\r' <"$csv" | awk -F'"' -v OFS= '{ for (i = 2; i <= NF; i += 2) gsub(",", "", $i); print }'; }
same "sudden breaks in the series" \
    "$(sed -n 's/^\([^ ]*\) \([0-9]*\) \([a-z_]*\): a sudden break in the series, from \([0-9]*\) in \([0-9]*\) to \([0-9]*\)$/\1 \2 \3 \4 \5 \6/p' "$T/stdout" | sort)" \
    "$(unquoted | awk -f "$top/tests/oracles/series-breaks.awk" | sort)"
# the bounds of a break: tenfold is no break, more is; the larger at least 50
printf 'country,country_text,year,indicator,sex,age_group,form,origin_dim,origin_kind,origin_code,origin_text,low,high,note\nDEU,,2010,offences,total,total,total,none,none,,,5,5,\nDEU,,2011,offences,total,total,total,none,none,,,50,50,\nDEU,,2012,offences,total,total,total,none,none,,,5,5,\nDEU,,2013,offences,total,total,total,none,none,,,51,51,\nDEU,,2014,offences,total,total,total,none,none,,,4,4,\nDEU,,2016,offences,total,total,total,none,none,,,400,400,\nFRA,,2010,offences,total,total,total,none,none,,,4,4,\nFRA,,2011,offences,total,total,total,none,none,,,49,49,\nFRA,,2012,offences,total,total,total,none,none,,,4,4,\n' >"$T/breaks.csv"
fresh "$T/breaks.db"
expect "import the breaks" 0 "" P import stats "$T/breaks.csv" --source b --db "$T/breaks.db"
run P check stats --db "$T/breaks.db"
same "breaks at their bounds" "$(grep 'sudden break' "$T/stdout")" "DEU 2013 offences: a sudden break in the series, from 5 in 2012 to 51
DEU 2014 offences: a sudden break in the series, from 51 in 2013 to 4"

# --- round trips ------------------------------------------------------------
P export stats --format unodc --db "$db" --out "$T/u.csv"
cmp -s "$T/u.csv" "$csv" && ok "unodc export gives back the file" || nok "unodc export gives back the file" "differs"
for f in palermo json; do
	P export stats --format "$f" --db "$db" --out "$T/e.$f"
	fresh "$T/rt.db"
	expect "$f export imports" 0 "imported 58769 values" P import stats "$T/e.$f" --source rt --db "$T/rt.db"
	P export stats --format unodc --db "$T/rt.db" --out "$T/u2.csv"
	cmp -s "$T/u2.csv" "$csv" && ok "$f round trip" || nok "$f round trip" "differs"
done

# parts against totals, at their bounds: parts one above the total, parts
# equal to it, a total in two parts (4 and 6), a part of 5 and of 4 under
# a total <5
r() { echo "$1,,$2,offences,$3,total,total,none,none,,,$4,$4,,$5"; }
{
	head -1 "$T/breaks.csv"
	r DEU 2010 total 10; r DEU 2010 female 6; r DEU 2010 male 5
	r DEU 2011 total 10; r DEU 2011 female 5; r DEU 2011 male 5
	r DEU 2012 total 4 1; r DEU 2012 total 6 2; r DEU 2012 female 10
	r FRA 2010 total '<5'; r FRA 2010 female 5
	r FRA 2011 total '<5'; r FRA 2011 female 4
} | sed '1s/$/,part/' >"$T/parts.csv"
fresh "$T/parts.db"
expect "import the parts" 0 "" P import stats "$T/parts.csv" --source p --db "$T/parts.db"
run P check stats --db "$T/parts.db"
same "parts and totals at their bounds" "$rc|$(cat "$T/stdout")" "1|DEU 2010 offences: parts by sex add up to 11, more than the total 10; the figures use 11
FRA 2010 offences: the total is <5 but a part by sex is 5"

# origins that are the name of a country in the export itself (its Country
# column) are read as that country: the readings as palermo exports them
# against the file's own names and codes
raw_origins=$(sqlite3 -batch ":memory:" ".import --csv $csv r" \
    "CREATE TABLE n AS SELECT DISTINCT Country, Iso3_code FROM r WHERE Iso3_code != ''" \
    "SELECT r.Category || '|' || n.Iso3_code || '|' || count(*) FROM r JOIN n ON n.Country = r.Category WHERE r.Dimension IN ('by citizenship', 'by country of repatriation') GROUP BY r.Category, n.Iso3_code ORDER BY 1")
same "origins named as countries" "$(sqlite3 -batch ":memory:" ".import --csv $T/e.palermo p" ".import --csv $csv r" \
    "SELECT origin_text || '|' || origin_code || '|' || count(*) FROM p WHERE origin_kind = 'country' AND origin_text IN (SELECT Country FROM r WHERE Iso3_code != '') GROUP BY origin_text, origin_code ORDER BY 1")" "$raw_origins"

# the frequent free-text origins, read by the suite's own table of readings
# (tests/oracles/origin-readings.csv): every value of each text is read so
same "origins read as the suite reads them" "$(sqlite3 -batch ":memory:" ".import --csv $top/tests/oracles/origin-readings.csv o" ".import --csv $T/e.palermo p" \
    "SELECT o.text || ': ' || coalesce(group_concat(DISTINCT p.origin_kind || '/' || p.origin_code), 'absent') FROM o LEFT JOIN p ON p.origin_text = o.text GROUP BY o.text HAVING group_concat(DISTINCT p.origin_kind || '/' || p.origin_code) IS NOT o.kind || '/' || o.code")" ""

# --- the real xlsx gives the same rows --------------------------------------
fresh "$T/x.db"
expect "import the real xlsx" 0 "imported 58769 values" P import stats "$xlsx" --source UNODC --db "$T/x.db"
P export stats --format unodc --db "$T/x.db" --out "$T/ux.csv"
cmp -s "$T/ux.csv" "$csv" && ok "xlsx rows equal the CSV's" || nok "xlsx rows equal the CSV's" "$(diff "$T/ux.csv" "$csv" | head -4 | tr '\n' ' ')"
same "xlsx provenance" "$(q "$T/x.db" "SELECT format || ' ' || sha256 FROM submissions")" "unodc-xlsx $(hash "$xlsx")"

# --- refused, with nothing stored ---------------------------------------------
h=$(hash "$db")
refuse() {	# NAME PATTERN FILE
	expect "$1" 1 "$2" P import stats "$3" --source bad --db "$db"
	same "$1: nothing stored" "$(hash "$db")" "$h"
}
head -c 100000 "$xlsx" >"$T/trunc.xlsx"
refuse "truncated xlsx" "trunc.xlsx" "$T/trunc.xlsx"
python3 -c "import zipfile,sys; z = zipfile.ZipFile(sys.argv[1], 'w'); z.writestr('hello.txt', 'hi'); z.close()" "$T/notx.xlsx"
refuse "zip that is not xlsx" "not an xlsx file" "$T/notx.xlsx"
python3 - "$xlsx" "$T/nocol.xlsx" <<'PY'
import re, sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
for item in src.infolist():
    data = src.read(item.filename)
    if item.filename.startswith('xl/worksheets/') and item.filename.endswith('.xml'):
        # drop column L (txtVALUE) from every row
        data = re.sub(rb'<c r="L\d+"[^>]*?(/>|>.*?</c>)', b'', data)
    dst.writestr(item, data)
dst.close()
PY
refuse "xlsx without a column" "txtVALUE: column missing" "$T/nocol.xlsx"
{ head -1 "$csv"; sed -n 5p "$csv" | sed 's/,103,GLOTIP/,-3,GLOTIP/'; } >"$T/neg.csv"
refuse "negative value" "neg.csv:2:12: txtVALUE: '-3' is a negative" "$T/neg.csv"
# thousands in groups of three: "1,096" is a count, "1,09" and "1,0961" are not
for v in 1,09 1,0961 ,096 1,,096 1096,000; do
	{ head -1 "$csv"; sed -n 5p "$csv" | sed "s/,103,GLOTIP/,\"$v\",GLOTIP/"; } >"$T/thou.csv"
	refuse "thousands: $v" "thou.csv:2:12: txtVALUE" "$T/thou.csv"
done
{ head -1 "$csv"; sed -n 5p "$csv" | sed 's/,103,GLOTIP/,"1,096",GLOTIP/'; } >"$T/thou.csv"
fresh "$T/thou.db"
expect "thousands: 1,096" 0 "imported 1 values" P import stats "$T/thou.csv" --source t --db "$T/thou.db"
same "thousands: 1,096 read" "$(P export stats --format palermo --db "$T/thou.db" 2>/dev/null | sqlite3 -batch ":memory:" ".import --csv /dev/stdin t" "SELECT low || '-' || high FROM t")" "1096-1096"
{ head -1 "$csv"; sed -n 5p "$csv" | sed 's/,2013,/,1850,/'; } >"$T/year.csv"
refuse "year out of range" "year.csv:2:10: Year: '1850' is not a year" "$T/year.csv"
{ head -1 "$csv"; sed -n 5p "$csv" | sed 's/Offences of trafficking in persons/Arrests/'; } >"$T/ind.csv"
refuse "unknown indicator" "ind.csv:2:5: Indicator: unknown value 'Arrests'" "$T/ind.csv"
{ head -1 "$csv"; sed -n 5p "$csv" | sed 's/^AFG,/QQQ,/'; } >"$T/ctry.csv"
refuse "unknown reporting country" "ctry.csv:2:1: Iso3_code: unknown reporting country 'QQQ'" "$T/ctry.csv"
{ head -1 "$csv" | sed 's/,txtVALUE//'; sed -n 5p "$csv"; } >"$T/hdr.csv"
refuse "missing column" "txtVALUE: column missing" "$T/hdr.csv"

# --- population ---------------------------------------------------------------
printf 'iso3,year,sex,age_group,population\nDEU,2022,total,total,84358845\nDEU,2022,female,total,42800000\nMDA,2022,total,0-17,600000\n' >"$T/pop.csv"
# the totals of a few more countries and years, for the rates by region
printf '%s\n' FRA,2021,total,total,67800000 FRA,2022,total,total,68000000 ITA,2022,total,total,59000000 \
    NGA,2022,total,total,218500000 BRA,2021,total,total,214300000 JPN,2021,total,total,125700000 >>"$T/pop.csv"
expect "population" 0 "imported 9 population figures" P import population "$T/pop.csv" --source UN --db "$db"
h=$(hash "$db")
printf 'iso3,year,population\nDEU,2022,-5\nXXX,2022,10\n' >"$T/badpop.csv"
expect "bad population" 1 "badpop.csv:2:3: population: '-5' is not a whole number" P import population "$T/badpop.csv" --source UN --db "$db"
grep -q "badpop.csv:3:1: iso3: unknown country 'XXX'" "$T/stderr" && ok "bad population country" || nok "bad population country" "$(cat "$T/stderr")"
same "bad population: nothing stored" "$(hash "$db")" "$h"

# --- the user's readings of origins ---------------------------------------------
printf 'text,kind,code\nStateless,unknown,\nRohingya,country,MMR\n' >"$T/map.csv"
expect "map origins" 0 "recorded 2 origin readings" P map origins "$T/map.csv" --db "$db"
expect "re-import with the readings" 0 "" P import stats "$csv" --source UNODC --replace --db "$db"
same "a reading applies" "$(q "$db" "SELECT DISTINCT k.alpha3 FROM stats s JOIN countries k ON k.numeric = s.origin_code WHERE s.origin_text = 'Rohingya'")" "MMR"
grep -q "Rohingya" "$T/stderr" && nok "no longer unmapped" "still listed" || ok "no longer unmapped"
printf 'text,kind,code\nFoo,planet,\n' >"$T/badmap.csv"
expect "bad map" 1 "badmap.csv:2:2: kind: unknown kind 'planet'" P map origins "$T/badmap.csv" --db "$db"

# --- reports from official statistics, checked against SQL -----------------
# the figures are computed in SQL over a database the sqlite3 shell builds
# from the UNODC CSV itself (tests/oracles/unodc-db.sh) and the population
# file; only the readings of origins come from palermo's export, line by
# line, and those are checked on their own (above and below)
P export stats --format palermo --db "$db" --out "$T/now.palermo"
sqlite3 -batch -csv ":memory:" ".import --csv $T/now.palermo p" "SELECT 'line', 'kind', 'code'" "SELECT rowid + 1, origin_kind, origin_code FROM p" >"$T/readings.csv"
fresh "$T/dict.db"
odb="$T/oracle.db"
"$top/tests/oracles/unodc-db.sh" "$odb" "$T/dict.db" "$csv" "$T/readings.csv"
sqlite3 -batch "$odb" ".import --csv $T/pop.csv rp" "CREATE TABLE population AS SELECT (SELECT numeric FROM countries WHERE alpha3 = iso3) AS country, CAST(year AS INTEGER) AS year, CASE sex WHEN 'total' THEN 0 WHEN 'female' THEN 1 WHEN 'male' THEN 2 END AS sex, CASE age_group WHEN 'total' THEN 0 WHEN '0-17' THEN 1 WHEN '18+' THEN 2 END AS age, CAST(population AS INTEGER) AS population FROM rp"
same "the oracle read every value" "$(q "$odb" "SELECT count(*) || ',' || count(indicator) || ',' || count(sex) || ',' || count(age) || ',' || count(form) || ',' || count(low) FROM stats")" "58769,58769,58769,58769,58769,58769"
# a count range as the report's CSV writes it
rng() { echo "CASE WHEN coalesce($1, 0) = coalesce($2, 0) THEN coalesce($1, 0) ELSE $1 || '–' || $2 END"; }
tot="sex = 0 AND age = 0 AND form = 0 AND origin_dim = 0"
cmp_csv() {	# NAME CSV SQL [COLUMNS]
	local got want
	got=$(sqlite3 -batch ":memory:" ".import --csv $2 t" "SELECT ${4:-*} FROM t" 2>&1)
	want=$(sqlite3 -batch "$odb" "$3" 2>&1)
	if [ "$got" = "$want" ] && [ -n "$want" ]; then ok "$1"; else nok "$1" "$(diff <(echo "$want") <(echo "$got") | head -6 | tr '\n' ' ')"; fi
}
# the check's findings on the split by sex, found again in SQL over the
# CSV: the parts are the values by sex alone; those of unknown sex and
# unknown age (u) may or may not be among them, so the parts allow from
# their sum to their sum with u: more than the total when the sum alone
# is, less when the sum with u is
part="sex != 0 AND age = 0 AND form = 0 AND origin_dim = 0"
unk="sex = (SELECT code FROM codes WHERE list = 'sex' AND name = 'unknown') AND age = (SELECT code FROM codes WHERE list = 'age_group' AND name = 'unknown') AND form = 0 AND origin_dim = 0"
ival() { echo "CASE WHEN $1 = 1 AND $2 = 4 THEN '<5' WHEN $1 = $2 THEN $1 ELSE $1 || '–' || $2 END"; }
bysex="WITH g AS (SELECT country, year, indicator, max($tot) AS has_total, sum(CASE WHEN $tot THEN low END) AS tlo, sum(CASE WHEN $tot THEN high END) AS thi, count(CASE WHEN $part THEN 1 END) AS np, sum(CASE WHEN $part THEN low END) AS plo, sum(CASE WHEN $part THEN high END) + coalesce(sum(CASE WHEN $unk THEN high END), 0) AS phi, max(CASE WHEN $part THEN low END) AS big FROM stats WHERE country IS NOT NULL GROUP BY country, year, indicator) SELECT k.alpha3 || ' ' || g.year || ' ' || i.name || ': parts by sex ' || CASE WHEN NOT has_total THEN '(' || $(ival plo phi) || ') but no total' ELSE 'add up to ' || $(ival plo phi) || ', ' || CASE WHEN plo > thi THEN 'more' ELSE 'less' END || ' than the total ' || $(ival tlo thi) END FROM g JOIN countries k ON k.numeric = g.country JOIN codes i ON i.list = 'indicator' AND i.code = g.indicator WHERE np > 0 AND (NOT has_total OR (NOT (tlo = 1 AND thi = 4 AND big >= 5) AND (plo > thi OR phi < tlo)))"
bysex_got=$(grep -E '^[A-Z]{3} [0-9]{4} [a-z_]+: parts by sex' "$T/check-all.txt" | sed 's/; the figures use .*//' | LC_ALL=C sort)
same "check stats: the split by sex, from the CSV" "$bysex_got" "$(q "$odb" "$bysex" | LC_ALL=C sort)"
same "check stats: both kinds of finding on the split by sex" \
    "$(printf '%s\n' "$bysex_got" | grep -c 'but no total' | awk '{ print ($1 > 0) }')$(printf '%s\n' "$bysex_got" | grep -c 'than the total' | awk '{ print ($1 > 0) }')" 11
expect "report country" 0 "wrote the country profile of Germany" P report country DEU --db "$db" --out "$T/deu"
# the official tables, computed from the CSV by tests/oracles/official.py
# (which reads the export and the population file itself, and the origins
# by the readings checked above)
oracle() { python3 "$top/tests/oracles/official.py" "$1" "$csv" --readings "$T/readings.csv" --population "$T/pop.csv" "${@:2}"; }
cmp_py() {	# NAME CSV TABLE [COLUMNS] [ORACLE OPTIONS...]
	local got want
	got=$(sqlite3 -batch ":memory:" ".import --csv $2 t" "SELECT ${4:-*} FROM t" 2>&1)
	want=$(oracle "$3" "${@:5}" 2>&1)
	if [ "$got" = "$want" ] && [ -n "$want" ]; then ok "$1"; else nok "$1" "$(diff <(echo "$want") <(echo "$got") | head -6 | tr '\n' ' ')"; fi
}
for t in indicators victims_by_sex_age victims_profile country_replaced map_origins; do
	cmp_py "country $t" "$T/deu/tables/$t.csv" "$t" "*" --country DEU
done
cmp_py "country SDG 16.2.2" "$T/deu/tables/sdg_16_2_2.csv" sdg_16_2_2 'Year, "Detected victims", Population, "Per 100,000"' --country DEU
# Germany 2022: published <5, marked on the page, the sums and the rate
# from what the splits allow: never a rate of 0.00 beside larger splits
same "DEU 2022 marked and explained" "$(sqlite3 -batch ":memory:" ".import --csv $T/deu/tables/indicators.csv t" "SELECT \"Detected trafficking victims\" || ' ' || (Note LIKE '%Detected trafficking victims 2022: published <5; the split by sex allows%used in sums and rates%') FROM t WHERE Year = '2022'")" "1–4 1"
grep -q '<th scope="row">2022</th><td class="num">1–4<span class="mark"' "$T/deu/index.html" && ok "the page marks the total" || nok "the page marks the total" "no mark"
same "DEU 2022 rate from the splits" "$(sqlite3 -batch ":memory:" ".import --csv $T/deu/tables/sdg_16_2_2.csv t" "SELECT \"Per 100,000\" != '0.00' AND \"Per 100,000\" != '' FROM t WHERE Year = '2022'")" 1
# rate: victims per 100,000 with two decimals, rounded half up; a range
# when the low and high counts differ (over a relation with lo, hi, pop)
rate="CASE WHEN (lo * 10000000 + pop / 2) / pop = (hi * 10000000 + pop / 2) / pop THEN printf('%d.%02d', (lo * 10000000 + pop / 2) / pop / 100, (lo * 10000000 + pop / 2) / pop % 100) ELSE printf('%d.%02d–%d.%02d', (lo * 10000000 + pop / 2) / pop / 100, (lo * 10000000 + pop / 2) / pop % 100, (hi * 10000000 + pop / 2) / pop / 100, (hi * 10000000 + pop / 2) / pop % 100) END"
cmp_csv "country flows in" "$T/deu/tables/flows_in.csv" \
    "WITH f AS (SELECT CASE origin_kind WHEN 1 THEN origin_code WHEN 3 THEN country END AS oc, origin_kind AS kind, low, high FROM stats WHERE country = 276 AND indicator = 0 AND origin_dim = 1 AND sex = 0 AND age = 0), g AS (SELECT oc, CASE WHEN oc IS NULL THEN kind END AS kind, sum(low) lo, sum(high) hi, sum(low >= 5) yrs FROM f GROUP BY oc, CASE WHEN oc IS NULL THEN kind END) SELECT coalesce(k.name, (SELECT label FROM codes WHERE list = 'origin_kind' AND code = g.kind)), $(rng lo hi), yrs, CASE WHEN k.numeric IS NULL THEN '' WHEN k.numeric = 276 THEN 'Domestic' WHEN k.subregion = d.subregion THEN 'Within the sub-region' WHEN k.region = d.region THEN 'Within the region' ELSE 'Across regions' END FROM g LEFT JOIN countries k ON k.numeric = g.oc, countries d WHERE d.numeric = 276 ORDER BY hi DESC, k.numeric IS NULL, k.alpha2, g.kind LIMIT 20"
# the page shows each range of the profile's tables as the CSV gives it
# (ranges under 1,000, which need no separator; notes left out)
missing=""
for r in $(sed 's/"[^"]*"//g' "$T/deu/tables/"*.csv | grep -ohE '(^|,)[0-9]{1,3}–[0-9]{1,3}(,|$)' | tr -d , | sort -u); do
	grep -qF ">$r<" "$T/deu/index.html" || missing="$missing $r"
done
same "the page's ranges are the tables'" "$(sed 's/"[^"]*"//g' "$T/deu/tables/"*.csv | grep -ohE '[0-9]{1,3}–[0-9]{1,3}' | sort -u | wc -l | awk '$1 > 10 { print "many" }')$missing" "many"
same "years without a separator" "$(grep -c '<th scope="row">[12],[0-9][0-9][0-9]<' "$T/deu/index.html")|$(grep -c '<th scope="row">20[0-9][0-9]<' "$T/deu/index.html" | awk '{ print ($1 > 10) }')" "0|1"
expect "report country unknown" 2 "'Atlantis' is not a country" P report country Atlantis --db "$db" --out "$T/x"
expect "report global with statistics" 0 "" P report global --db "$db" --out "$T/glob"
for t in official_trends official_convictions official_regional_trends official_profile_by_year \
    official_profile_by_region official_profile_by_form official_by_region official_by_subregion \
    official_forms_by_region official_sdg_16_2_2 official_flows_by_year official_flow_classes \
    official_flows_by_region official_top_flows official_map_flows official_map_victims \
    official_map_rates official_replaced; do
	cmp_py "$t" "$T/glob/tables/$t.csv" "$t"
done
same "SDG 16.2.2 by region: rows for several regions and years" "$(tail -n +2 "$T/glob/tables/official_sdg_16_2_2.csv" | cut -d, -f1,2 | sort -u | wc -l | awk '{ print ($1 >= 4) }')" 1
# the rule and the counts of the real export, as docs/formats.md states
# them, the check says them and the oracle finds them
doc=$(tr '\n' ' ' <"$top/docs/formats.md" | sed 's/  */ /g')
same "docs: contradicted totals" "$(echo "$doc" | sed -n 's/.*\*\*\([0-9,]*\) totals are contradicted by a complete split\*\*.*/\1/p' | tr -d ,)" "$(oracle count_replaced)"
same "docs: unknown sex and age" "$(echo "$doc" | sed -n 's/.*\*\*\([0-9,]*\) values give an unknown sex and an unknown age\*\* (\([0-9,]*\) to \([0-9,]*\) persons), \([0-9,]*\) of them of detected victims (\([0-9,]*\) to \([0-9,]*\) victims in \([0-9]*\) countries).*/\1|\2|\3|\4|\5|\6|\7/p' | tr -d ,)" "$(oracle unknowns)"
same "check: unknown sex and age" "$(P check stats --db "$db" 2>&1 >/dev/null | sed -n 's/^palermo: \([0-9]*\) values of unknown sex and unknown age (\([0-9,]*\)–\([0-9,]*\)).*/\1|\2|\3/p' | tr -d ,)" "$(oracle unknowns | cut -d'|' -f1-3)"
same "contradicted totals: the check's count is the oracle's" "$(P check stats --db "$db" 2>&1 >/dev/null | sed -n 's/^palermo: \([0-9]*\) totals are contradicted.*/\1/p')" "$(oracle count_replaced)"
# every table and chart says its years in its title and its JSON
same "titles state their years" "$(python3 -c '
import json, re, sys
d = json.load(open(sys.argv[1]))
bad = [t["id"] for t in d["tables"] if t["id"].startswith("official") and not t["id"].endswith("submissions") and (not re.search(r"(19|20)[0-9][0-9]", t["title"]) or "years" not in t)]
print(" ".join(bad))' "$T/glob/figures.json")" ""
same "tables of a period say it in a column" "$(head -1 "$T/glob/tables/official_flow_classes.csv" | tr ',' '\n' | tail -1)|$(tail -1 "$T/glob/tables/official_flow_classes.csv" | awk -F, '{ print $NF }')" "Years|2020–2022"
# the profile: victims by form, and Germans detected abroad
v() { rng "sum(CASE WHEN $1 THEN low END)" "sum(CASE WHEN $1 THEN high END)"; }
cmp_csv "country victims by form" "$T/deu/tables/victims_by_form.csv" \
    "SELECT year, $(v 'form = 1'), $(v 'form = 2'), $(v 'form = 3') FROM stats WHERE country = 276 AND indicator = 0 AND form > 0 AND sex = 0 AND age = 0 AND origin_dim = 0 GROUP BY year ORDER BY year"
# gaps: each year from the first to the last the profile reads (the
# country's values and its citizens' elsewhere), each indicator a total,
# parts only, or missing
cmp_csv "country gaps" "$T/deu/tables/gaps.csv" \
"WITH RECURSIVE k AS (SELECT year FROM stats WHERE country = 276 OR (origin_kind = 1 AND origin_code = 276)), y(v) AS (SELECT min(year) FROM k UNION ALL SELECT v + 1 FROM y WHERE v < (SELECT max(year) FROM k)) SELECT v$(for i in 0 1 2 3 4; do printf ", CASE WHEN EXISTS (SELECT 1 FROM stats WHERE country = 276 AND year = v AND indicator = %d AND %s) THEN 'total' WHEN EXISTS (SELECT 1 FROM stats WHERE country = 276 AND year = v AND indicator = %d) THEN 'parts only' ELSE 'missing' END" $i "$tot" $i; done) FROM y"
cmp_csv "country flows out" "$T/deu/tables/flows_out.csv" \
    "WITH g AS (SELECT country AS dc, sum(low) lo, sum(high) hi, sum(low >= 5) yrs FROM stats WHERE indicator = 0 AND origin_dim = 1 AND sex = 0 AND age = 0 AND country IS NOT NULL AND country != 276 AND origin_kind = 1 AND origin_code = 276 GROUP BY country) SELECT k.name, $(rng lo hi), yrs, CASE WHEN k.subregion = d.subregion THEN 'Within the sub-region' WHEN k.region = d.region THEN 'Within the region' ELSE 'Across regions' END FROM g JOIN countries k ON k.numeric = g.dc, countries d WHERE d.numeric = 276 ORDER BY hi DESC, k.alpha2 LIMIT 20"
printf 'iso3,year,sex,age_group,population\nDEU,2022,female,total,42800000\n' >"$T/popf.csv"
P import population "$T/popf.csv" --source UNF --db "$db" 2>/dev/null
P report country DEU --db "$db" --out "$T/deu2" 2>/dev/null
same "SDG 16.2.2 for females" "$(sqlite3 ":memory:" ".import --csv $T/deu2/tables/sdg_16_2_2.csv t" "SELECT \"Female, per 100,000 females\" FROM t WHERE Year = '2022'")" \
    "$(q "$odb" "WITH v AS (SELECT sum(low) lo, sum(high) hi FROM stats WHERE country = 276 AND year = 2022 AND indicator = 0 AND sex = 1 AND age = 0 AND form = 0 AND origin_dim = 0), a AS (SELECT (lo * 10000000 + 21400000) / 42800000 AS ra, (hi * 10000000 + 21400000) / 42800000 AS rb FROM v) SELECT CASE WHEN ra = rb THEN printf('%d.%02d', ra / 100, ra % 100) ELSE printf('%d.%02d–%d.%02d', ra / 100, ra % 100, rb / 100, rb % 100) END FROM a")"
# stats --all gives the same figures, ranges included ("212–224")
P stats --all --db "$db" --out "$T/glob-all.csv"
awk '/^# official_trends:/ { on = 1; next } /^# / { on = 0 } on && NF' "$T/glob-all.csv" >"$T/all-trends.csv"
cmp_py "stats --all: official trends with their ranges" "$T/all-trends.csv" official_trends
grep -q "–" "$T/all-trends.csv" && ok "stats --all writes ranges" || nok "stats --all ranges" "no range in official_trends"
# the methods say how many keys the export gives in parts, counted by
# python over the CSV
read -r rkeys rvalues < <(python3 - "$csv" <<'PY'
import csv, sys, collections
n = collections.Counter((r["Iso3_code"] or r["Country"], r["Indicator"], r["Dimension"], r["Category"], r["Sex"], r["Age"], r["Year"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
print(sum(1 for v in n.values() if v > 1), sum(v - 1 for v in n.values() if v > 1))
PY
)
grep -q "$rkeys keys (country, year, indicator and split) are given in more than one value, $rvalues values beyond the first" "$T/glob/index.html" && ok "the methods count the keys given in parts" || nok "the methods count the keys given in parts" "not $rkeys and $rvalues"
grep -q "No case records are stored for these filters" "$T/glob/index.html" && ok "no case records: one line" || nok "no case records: one line" "not said"
same "no case records: no empty sections" "$(grep -c 'id="key-findings"\|id="victims"\|id="forms"' "$T/glob/index.html")" 1
grep -q "Official statistics: detected victims and convictions over time" "$T/glob/index.html" && ok "official sections in the Global Report" || nok "official sections" "missing"
browser_check "country page" "$T/deu/index.html" "$top/tests/out/country.png"
# the Global Report of the real export: its maps, and their section shot
browser_check "global report's maps" "$T/glob/index.html" "$top/tests/out/official.png" "#official-maps" "$top/tests/out/maps.png"
