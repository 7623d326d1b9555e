# tests/cli/fund.sh: the Trust Fund's ledger end to end: donors, pledges
# and contributions in currencies of 0, 2 and 3 decimals converted to US
# cents half away from zero, grants, tranches, refunds, support costs and
# reversals; what the rules refuse (with nothing written), the journal's
# balance and its append-only triggers, balance, pledges, grants, import
# and the fund's report.  Every expected figure is computed here from the
# inputs: the test keeps its own books of what each command it gives should
# move (awk over a file of movements), never from palermo's ledger or output.
. "$(dirname "$0")/../lib.sh"
export PALERMO_TODAY=2024-06-30

db="$T/fund.db"
fresh "$db"
# grant cycles 1.1 to N.1 (numbers 1 to N), with ceilings no test reaches
cycles() {
	for k in $(seq 1 "$2"); do
		P fund cycle "$k.1" --grant-ceiling 9000000.00 --cycle-ceiling 90000000.00 --db "$1" >/dev/null
	done
}
cycles "$db" 4

# --- helpers ------------------------------------------------------------

# minor AMOUNT EXP: the decimal string AMOUNT in minor units of a currency
# with EXP decimals.
minor() {
	awk -v s="$1" -v e="$2" 'BEGIN {
		i = index(s, "."); w = i ? substr(s, 1, i - 1) : s
		f = i ? substr(s, i + 1) : ""
		while (length(f) < e) f = f "0"
		printf "%.0f\n", (w f) + 0
	}'
}

# cents AMOUNT EXP RATE: AMOUNT (EXP decimals) at RATE dollars per unit, in
# US cents, rounded half away from zero; exact in integers (all < 2^53).
cents() {
	awk -v s="$1" -v e="$2" -v r="$3" '
	function dec(x, n,   i, w, f) {
		i = index(x, "."); w = i ? substr(x, 1, i - 1) : x
		f = i ? substr(x, i + 1) : ""
		while (length(f) < n) f = f "0"
		return (w f) + 0
	}
	BEGIN {
		i = index(r, "."); sc = i ? length(r) - i : 0
		n = dec(s, e) * dec(r, sc) * 100
		if (n >= 2 ^ 53) { print "too-large-for-awk"; exit }
		den = 10 ^ (e + sc)
		rem = n % den; q = (n - rem) / den
		if (2 * rem >= den) q++
		printf "%.0f\n", q
	}'
}

# dollars CENTS: cents as dollars with two decimals, as palermo prints
# them without separators; on the digits as text, so exact at any size.
# an amount as people read it, with a separator between thousands
people() { echo "$1" | sed -E ':a;s/^(-?[0-9]+)([0-9]{3})/\1,\2/;ta'; }
dollars() {
	awk -v c="$1" 'BEGIN {
		s = ""; if (substr(c, 1, 1) == "-") { s = "-"; c = substr(c, 2) }
		while (length(c) < 3) c = "0" c
		print s substr(c, 1, length(c) - 2) "." substr(c, length(c) - 1)
	}'
}

# addc A B...: the sum of integers (cents or minor units, all < 2^53).
addc() { awk 'BEGIN { for (i = 1; i < ARGC; i++) t += ARGV[i]; printf "%.0f\n", t }' "$@"; }
# neg A: minus A.
neg() { awk -v x="$1" 'BEGIN { printf "%.0f\n", -x }'; }

# rec VAR NAME ARGS...: palermo fund ARGS records; the number it prints
# goes to VAR.
rec() {
	local var=$1 name=$2
	shift 2
	run P fund "$@" --db "$db"
	if [ "$rc" -eq 0 ] && grep -qE '^[0-9]+$' "$T/stdout"; then
		ok "$name"
	else
		nok "$name" "exit $rc: $(head -c 400 "$T/stderr")"
	fi
	printf -v "$var" '%s' "$(head -n 1 "$T/stdout")"
}

# refuse NAME PATTERN ARGS...: palermo fund ARGS exits 1 saying PATTERN,
# and the database is byte for byte what it was.
refuse() {
	local name=$1 pat=$2 h
	shift 2
	h=$(hash "$db")
	expect "$name" 1 "$pat" P fund "$@" --db "$db"
	same "$name: nothing written" "$(hash "$db")" "$h"
}

# line ENTRY ACCOUNT: amount|usd of the entry's line on that account (the
# debit, when there are two).
line() {
	q "$db" "SELECT amount || '|' || usd FROM fund_lines WHERE entry_id = $1 AND account = '$2' ORDER BY amount DESC LIMIT 1"
}

# --- the test's own books --------------------------------------------------
# One line per movement the test expects a command to make, in US cents:
# LABEL DATE DONOR ACCOUNT CENTS, the accounts being the report's figures:
# cash, income (contributions received), expense (paid to grantees, net of
# refunds), support, undisbursed (approved, not yet paid) and pledged
# (pledges not yet received, at each pledge's rate).
book="$T/book"
: >"$book"
mv_() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$book"; }
# b_contrib LABEL DATE DONOR AMOUNT EXP RATE: money received.
b_contrib() {
	local c; c=$(cents "$4" "$5" "$6")
	mv_ "$1" "$2" "$3" cash "$c"; mv_ "$1" "$2" "$3" income "$c"
}
# b_pledge LABEL DATE DONOR AMOUNT EXP RATE: a pledge made; b_paid is the
# part of a pledge a contribution pays, at the pledge's rate.
b_pledge() { mv_ "$1" "$2" "$3" pledged "$(cents "$4" "$5" "$6")"; }
b_paid() { mv_ "$1" "$2" "$3" pledged "$(neg "$(cents "$4" "$5" "$6")")"; }
# b_grant LABEL DATE AMOUNT, b_out (a tranche), b_refund, b_support: in
# US dollars.
b_grant() { mv_ "$1" "$2" - undisbursed "$(minor "$3" 2)"; }
b_out() {
	local c; c=$(minor "$3" 2)
	mv_ "$1" "$2" - cash "-$c"; mv_ "$1" "$2" - expense "$c"; mv_ "$1" "$2" - undisbursed "-$c"
}
b_refund() {
	local c; c=$(minor "$3" 2)
	mv_ "$1" "$2" - cash "$c"; mv_ "$1" "$2" - expense "-$c"
}
b_support() {
	local c; c=$(minor "$3" 2)
	mv_ "$1" "$2" - cash "-$c"; mv_ "$1" "$2" - support "$c"
}
# b_reverse LABEL DATE: every movement of LABEL undone on DATE.
b_reverse() {
	awk -F'\t' -v l="$1" -v d="$2" 'BEGIN { OFS = "\t" }
	    $1 == l { print l "-reversed", d, $3, $4, -$5 }' "$book" >"$book.new"
	cat "$book.new" >>"$book"
}
# books ACCOUNT [FROM [TO]]: the account's cents over the days FROM to TO.
books() {
	awk -F'\t' -v a="$1" -v f="${2:-0000-00-00}" -v t="${3:-9999-99-99}" \
	    '$4 == a && $2 >= f && $2 <= t { s += $5 } END { printf "%.0f\n", s }' "$book"
}

# --- donors -------------------------------------------------------------

rec x "a state donor" donor Norway --kind state --country NOR
rec x "an intergovernmental donor" donor "European Union" --kind intergovernmental
rec x "a private-sector donor" donor Acme --kind private_sector
rec x "an individual donor" donor "Jane Doe" --kind individual
rec x "a campaign" donor "Blue Heart" --kind campaign
rec x "a state donor (Japan)" donor Japan --kind state --country JPN
rec x "a state donor (Kuwait)" donor Kuwait --kind state --country KWT
same "donors of each kind" "$(q "$db" "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM fund_donors ORDER BY id)")" \
    "state intergovernmental private_sector individual campaign state state"
same "a state's country is kept" "$(q "$db" "SELECT country FROM fund_donors WHERE name = 'Japan'")" 392
refuse "a state without a country" "country: a state donor needs its country" donor Atlantis --kind state
refuse "a duplicate donor" "donor: donor 'Norway' is already registered" donor Norway --kind state --country NOR
refuse "an unknown kind of donor" "kind: 'foundation' is not a kind of donor" donor Trust --kind foundation

# --- 2023 ---------------------------------------------------------------

rec c_nor1 "a contribution in dollars" contribute --donor Norway --amount 250000.00 --date 2023-03-01
b_contrib c_nor1 2023-03-01 Norway 250000.00 2 1
same "USD: minor units and cents" "$(line "$c_nor1" cash)" "$(minor 250000.00 2)|$(cents 250000.00 2 1)"
rec g1 "a medium-term grant" grant --cycle 1 --window medium_term --grantee "La Strada" --country MDA \
    --amount 120000.00 --start 2023-06-01 --end 2025-05-31 --date 2023-05-15
b_grant g1 2023-05-15 120000.00
rec x "a first tranche" disburse "$g1" --amount 60000.00 --date 2023-06-15
b_out g1-t1 2023-06-15 60000.00
rec x "support costs" support --amount 5000.00 --date 2023-12-01 --memo "programme support"
b_support s1 2023-12-01 5000.00
# the last day of 2023 and the first of 2024: the report's year starts on the second
rec x "a contribution on 31 December" contribute --donor Acme --amount 100.00 --date 2023-12-31
b_contrib acme-1231 2023-12-31 Acme 100.00 2 1
rec x "a contribution on 1 January" contribute --donor Acme --amount 200.00 --date 2024-01-01
b_contrib acme-0101 2024-01-01 Acme 200.00 2 1
rec p_nor "a pledge in dollars" pledge --donor Norway --amount 1000.00 --date 2023-11-01 --from 2024-01-01 --to 2024-12-31
b_pledge p_nor 2023-11-01 Norway 1000.00 2 1

# --- 2024: pledges and contributions in four currencies -----------------

rec p_eu "a pledge in euros" pledge --donor "European Union" --amount 100000.00 --currency EUR --rate 1.085 --date 2024-01-10
b_pledge p_eu 2024-01-10 "European Union" 100000.00 2 1.085
same "EUR pledge: minor units and cents" \
    "$(q "$db" "SELECT l.amount || '|' || l.usd FROM fund_lines l JOIN fund_pledges p ON p.entry_id = l.entry_id WHERE p.id = $p_eu AND l.account = 'pledges_receivable'")" \
    "$(minor 100000.00 2)|$(cents 100000.00 2 1.085)"
rec p_jp "a pledge in yen" pledge --donor Japan --amount 20000000 --currency JPY --rate 0.0065 --date 2024-01-15
b_pledge p_jp 2024-01-15 Japan 20000000 0 0.0065

# 12345.00 EUR at 1.085 is 1339432.5 cents: half away from zero is 1339433
# (half to even would give 1339432, truncation too).
rec c_eu1 "EUR contribution on a half cent" contribute --donor "European Union" --amount 12345.00 --currency EUR \
    --rate 1.085 --date 2024-02-01 --pledge "$p_eu"
b_contrib c_eu1 2024-02-01 "European Union" 12345.00 2 1.085
b_paid c_eu1 2024-02-01 "European Union" 12345.00 2 1.085
same "EUR: minor units and cents, half away from zero" "$(line "$c_eu1" cash)" "$(minor 12345.00 2)|$(cents 12345.00 2 1.085)"
same "the half cent was rounded up" "$(line "$c_eu1" cash | cut -d'|' -f2)" 1339433
# the same pledge paid at another rate: the pledge's lines at its own rate
rec c_eu2 "EUR contribution at the day's rate" contribute --donor "European Union" --amount 20000.00 --currency EUR \
    --rate 1.0925 --date 2024-03-01 --pledge "$p_eu"
b_contrib c_eu2 2024-03-01 "European Union" 20000.00 2 1.0925
b_paid c_eu2 2024-03-01 "European Union" 20000.00 2 1.085
same "EUR: cash at the day's rate" "$(line "$c_eu2" cash)" "$(minor 20000.00 2)|$(cents 20000.00 2 1.0925)"
same "EUR: the pledge paid at the pledge's rate" "$(line "$c_eu2" pledges_committed)" \
    "$(minor 20000.00 2)|$(cents 20000.00 2 1.085)"
same "the entry names its pledge" "$(q "$db" "SELECT pledge_id FROM fund_entries WHERE id = $c_eu2")" "$p_eu"

# 15001250 JPY at 0.0065 is 9750812.5 cents
rec c_jp "JPY contribution (no decimals)" contribute --donor Japan --amount 15001250 --currency JPY --rate 0.0065 \
    --date 2024-02-15 --pledge "$p_jp"
b_contrib c_jp 2024-02-15 Japan 15001250 0 0.0065
b_paid c_jp 2024-02-15 Japan 15001250 0 0.0065
same "JPY: minor units and cents, half away from zero" "$(line "$c_jp" cash)" "$(minor 15001250 0)|$(cents 15001250 0 0.0065)"
# 12.340 KWD at 3.25 is 4010.5 cents
rec c_kw1 "KWD contribution (three decimals)" contribute --donor Kuwait --amount 12.340 --currency KWD --rate 3.25 --date 2024-02-20
b_contrib c_kw1 2024-02-20 Kuwait 12.340 3 3.25
same "KWD: minor units and cents, half away from zero" "$(line "$c_kw1" cash)" "$(minor 12.340 3)|$(cents 12.340 3 3.25)"
rec c_kw2 "a larger KWD contribution" contribute --donor Kuwait --amount 50000.125 --currency KWD --rate 3.2567 --date 2024-03-20
b_contrib c_kw2 2024-03-20 Kuwait 50000.125 3 3.2567
same "KWD: 50000.125 at 3.2567" "$(line "$c_kw2" cash)" "$(minor 50000.125 3)|$(cents 50000.125 3 3.2567)"
same "KWD: the rate is kept exactly as given" "$(q "$db" "SELECT currency || ' ' || rate FROM fund_entries WHERE id = $c_kw2")" "KWD 3.2567"

rec c_nor2 "a contribution beyond its pledge" contribute --donor Norway --amount 1500.00 --date 2024-01-20 --pledge "$p_nor"
# it pays the 1000.00 pledged, no more
b_contrib c_nor2 2024-01-20 Norway 1500.00 2 1
b_paid c_nor2 2024-01-20 Norway 1000.00 2 1
same "it pays the pledge as far as it goes" "$(line "$c_nor2" pledges_committed)" "$(minor 1000.00 2)|$(cents 1000.00 2 1)"
same "and brings all of it in" "$(line "$c_nor2" cash)" "$(minor 1500.00 2)|$(cents 1500.00 2 1)"
rec x "a private-sector contribution" contribute --donor Acme --amount 15000.00 --date 2024-03-01
b_contrib acme 2024-03-01 Acme 15000.00 2 1
rec c_jane "an individual's contribution" contribute --donor "Jane Doe" --amount 250.75 --date 2024-04-01
b_contrib c_jane 2024-04-01 "Jane Doe" 250.75 2 1
rec x "a campaign's contribution" contribute --donor "Blue Heart" --amount 1234.56 --date 2024-04-15 --memo "walk"
b_contrib blue 2024-04-15 "Blue Heart" 1234.56 2 1

# --- refused amounts, currencies and dates ------------------------------

refuse "10.005 USD: too many decimals" "amount: '10.005' has more than 2 decimals, for USD" \
    contribute --donor Acme --amount 10.005 --date 2024-05-01
refuse "1.5 JPY: too many decimals" "amount: '1.5' has more than 0 decimals, for JPY" \
    contribute --donor Japan --amount 1.5 --currency JPY --rate 0.0065 --date 2024-05-01
refuse "1.0001 KWD: too many decimals" "amount: '1.0001' has more than 3 decimals, for KWD" \
    contribute --donor Kuwait --amount 1.0001 --currency KWD --rate 3.25 --date 2024-05-01
refuse "an unknown currency" "currency: 'XYZ' is not a currency of ISO 4217" \
    contribute --donor Acme --amount 10 --currency XYZ --rate 1 --date 2024-05-01
refuse "gold is not money" "currency: 'XAU' is not a currency of ISO 4217" \
    contribute --donor Acme --amount 10 --currency XAU --rate 2300 --date 2024-05-01
refuse "EUR without a rate" "rate: the rate to US dollars on the day is needed for EUR" \
    contribute --donor "European Union" --amount 10 --currency EUR --date 2024-05-01
refuse "a pledge in EUR without a rate" "rate: the rate to US dollars on the day is needed for EUR" \
    pledge --donor "European Union" --amount 10 --currency EUR --date 2024-05-01
refuse "a USD rate other than 1" "rate: the rate of US dollars is 1, not '1.1'" \
    contribute --donor Acme --amount 10 --rate 1.1 --date 2024-05-01
refuse "a contribution dated in the future" "date: 2024-07-01 is in the future" \
    contribute --donor Acme --amount 10 --date 2024-07-01
refuse "a pledge dated in the future" "date: 2025-01-01 is in the future" \
    pledge --donor Acme --amount 10 --date 2025-01-01
refuse "a negative amount" "amount: '-10' is not an amount" \
    contribute --donor Acme --amount -10 --date 2024-05-01
refuse "an unknown donor" "donor: no donor 'Nobody'" \
    contribute --donor Nobody --amount 10 --date 2024-05-01
refuse "a contribution to another donor's pledge" "pledge: pledge $p_eu is not Acme's" \
    contribute --donor Acme --amount 10 --date 2024-05-01 --pledge "$p_eu"
refuse "a pledge paid in another currency" "currency: pledge $p_eu is in EUR, not USD" \
    contribute --donor "European Union" --amount 10 --date 2024-05-01 --pledge "$p_eu"

# --- grants, tranches, refunds ------------------------------------------

refuse "a grant without a country" "country: the grantee's country of implementation is needed" \
    grant --cycle 2 --window emergency --grantee "No Where" --amount 100.00 --start 2024-04-01 --end 2024-12-31 --date 2024-03-15
refuse "a medium-term grant longer than two years" "end: a medium-term grant lasts up to two years" \
    grant --cycle 2 --window medium_term --grantee "Too Long" --country PHL --amount 100.00 \
    --start 2024-05-01 --end 2026-05-01 --date 2024-03-15
refuse "an emergency grant longer than a year" "end: an emergency grant lasts up to a year" \
    grant --cycle 2 --window emergency --grantee "Too Long" --country NGA --amount 100.00 \
    --start 2024-04-01 --end 2025-04-01 --date 2024-03-15
refuse "a grant in euros" "currency: grants and what is paid under them are in US dollars, not EUR" \
    grant --cycle 2 --window emergency --grantee "Euro" --country NGA --amount 100.00 --currency EUR --rate 1.1 \
    --start 2024-04-01 --end 2025-03-31 --date 2024-03-15
rec g2 "an emergency grant of a year less a day" grant --cycle 2 --window emergency --grantee "Hope Shelter" --country NGA \
    --amount 40000.00 --start 2024-04-01 --end 2025-03-31 --date 2024-03-15
b_grant g2 2024-03-15 40000.00
rec g3 "a medium-term grant of two years less a day" grant --cycle 2 --window medium_term --grantee "Casa Segura" --country PHL \
    --amount 30000.00 --start 2024-05-01 --end 2026-04-30 --date 2024-03-15
b_grant g3 2024-03-15 30000.00
same "a grant's amount in cents" "$(q "$db" "SELECT amount FROM fund_grants WHERE id = $g2")" "$(minor 40000.00 2)"
rec x "the second tranche of the first grant" disburse "$g1" --amount 50000.00 --date 2024-02-01
b_out g1-t2 2024-02-01 50000.00
rec x "a first tranche" disburse "$g2" --amount 25000.00 --date 2024-04-02
b_out g2-t1 2024-04-02 25000.00
left=$(dollars "$(addc "$(minor 40000.00 2)" -"$(minor 25000.00 2)")")
refuse "two tranches beyond the approved amount" "amount: beyond what grant $g2 has left to disburse ($(people "$left") US dollars)" \
    disburse "$g2" --amount 20000.00 --date 2024-04-03
refuse "a tranche dated before the approval" "date: 2024-03-01 is before grant $g2 was approved" \
    disburse "$g2" --amount 10.00 --date 2024-03-01
rec x "a refund" refund "$g2" --amount 2500.00 --date 2024-06-01
b_refund g2-r 2024-06-01 2500.00
net=$(dollars "$(addc "$(minor 25000.00 2)" -"$(minor 2500.00 2)")")
refuse "a refund beyond what was disbursed" "amount: more than grant $g2 has had disbursed, net of refunds ($(people "$net") US dollars)" \
    refund "$g2" --amount 30000.00 --date 2024-06-02
rec x "support costs in 2024" support --amount 3000.00 --date 2024-06-15
b_support s2 2024-06-15 3000.00
rec g4 "a large grant" grant --cycle 3 --window medium_term --grantee "Big Org" --country BRA \
    --amount 5000000.00 --start 2024-07-01 --end 2026-06-30 --date 2024-06-01
b_grant g4 2024-06-01 5000000.00
cash=$(dollars "$(books cash)")
refuse "a tranche beyond the cash available" "amount: not enough cash: $(people "$cash") US dollars available" \
    disburse "$g4" --amount 4000000.00 --date 2024-06-02
refuse "support costs beyond the cash available" "amount: not enough cash: $(people "$cash") US dollars available" \
    support --amount 4000000.00 --date 2024-06-02
refuse "no such grant" "grant: no grant 99" disburse 99 --amount 1.00 --date 2024-06-02
# a payment recorded late and dated back needs the cash on every day from
# its date on, not only now: the least of the running cash from that day
# lowest DAY: the least cash at the end of DAY or of any day after it
lowest() {
	awk -F'\t' '$4 == "cash" { print $2 "\t" $5 }' "$book" | sort |
	    awk -F'\t' -v d="$1" '
		function day() { if (last <= d) atd = r; else if (!n++ || r < low) low = r }
		NR > 1 && $1 != last { day() }
		{ r += $2; last = $1 }
		END { if (NR) day(); atd += 0; if (!n || atd < low) low = atd; printf "%.0f\n", low }'
}
low=$(lowest 2024-01-10)
now=$(books cash)
[ "$low" -lt "$now" ] && ok "the cash was lower on 2024-01-10 than now" || nok "the cash was lower on 2024-01-10 than now" "$low vs $now"
refuse "support costs dated back beyond the cash of their day" \
    "amount: not enough cash: $(people "$(dollars "$low")") US dollars available from 2024-01-10 on" \
    support --amount "$(dollars "$((low + 1))")" --date 2024-01-10
rec x "support costs dated back within the cash of their day" support --amount "$(dollars "$low")" --date 2024-01-10
b_support s3 2024-01-10 "$(dollars "$low")"
same "no day left without cash" "$(lowest 0000-00-00)" 0
rec x "victims assisted" victims "$g2" 120 --date 2024-06-25
rec x "victims assisted, a later report" victims "$g2" 135 --date 2024-06-28

# --- pledges outstanding after part-payments ----------------------------

run P fund pledges --outstanding --db "$db"
want=$(minor 100000.00 2); want=$(addc "$want" -"$(minor 12345.00 2)" -"$(minor 20000.00 2)")
same "EUR pledge: what is left after two part-payments (SQL)" \
    "$(q "$db" "SELECT sum(amount) FROM fund_lines WHERE account = 'pledges_receivable' AND ref = $p_eu")" "$want"
same "EUR pledge: fund pledges --outstanding" "$(awk -F'\t' -v p="$p_eu" '$1 == p { print $6 }' "$T/stdout")" "$(dollars "$want")"
want_jp=$(addc 20000000 -15001250)
same "JPY pledge: fund pledges --outstanding, no decimals" \
    "$(awk -F'\t' -v p="$p_jp" '$1 == p { print $4, $5, $6 }' "$T/stdout")" "JPY 20000000 $want_jp"
same "a pledge paid in full is not outstanding" "$(awk -F'\t' -v p="$p_nor" '$1 == p' "$T/stdout")" ""
run P fund pledges --db "$db"
same "but is listed, with nothing left" "$(awk -F'\t' -v p="$p_nor" '$1 == p { print $5, $6 }' "$T/stdout")" "1000.00 0.00"

# --- reversals ----------------------------------------------------------

rec r_jane "reverse a contribution" reverse "$c_jane" --date 2024-06-20 --memo "cheque bounced"
b_reverse c_jane 2024-06-20
same "the reversal's lines are the original's negated" \
    "$(q "$db" "SELECT account, ref, amount, usd FROM fund_lines WHERE entry_id = $r_jane ORDER BY account, ref")" \
    "$(q "$db" "SELECT account, ref, -amount, -usd FROM fund_lines WHERE entry_id = $c_jane ORDER BY account, ref")"
same "the reversal names the entry it reverses" \
    "$(q "$db" "SELECT kind, reverses, donor_id, memo FROM fund_entries WHERE id = $r_jane")" \
    "reversal|$c_jane|$(q "$db" "SELECT id FROM fund_donors WHERE name = 'Jane Doe'")|cheque bounced"
refuse "reversing an entry twice" "entry: entry $c_jane was already reversed by entry $r_jane" \
    reverse "$c_jane" --date 2024-06-21 --memo again
refuse "reversing a reversal" "entry: entry $r_jane is itself a reversal" \
    reverse "$r_jane" --date 2024-06-21 --memo undo
refuse "a reversal without a reason" "memo: the reason for the correction (memo) is needed" \
    reverse "$c_kw1" --date 2024-06-21
refuse "a reversal dated before its entry" "date: 2024-02-19 is before the entry it corrects" \
    reverse "$c_kw1" --date 2024-02-19 --memo early
refuse "no such entry" "entry: no entry 9999" reverse 9999 --date 2024-06-21 --memo none
e_g3=$(q "$db" "SELECT entry_id FROM fund_grants WHERE id = $g3")
rec r_g3 "reverse a grant's approval" reverse "$e_g3" --date 2024-06-21 --memo "grantee withdrew"
b_reverse g3 2024-06-21
same "the grant's undisbursed balance is back to zero" \
    "$(q "$db" "SELECT amount FROM fund_balances WHERE account = 'grants_undisbursed' AND ref = $g3")" 0
run P fund grants --db "$db"
same "fund grants: the reversed grant is cancelled" "$(awk -F'\t' -v g="$g3" '$1 == g { print $10 }' "$T/stdout")" cancelled
same "fund grants: a grant paid in part is active" "$(awk -F'\t' -v g="$g2" '$1 == g { print $10 }' "$T/stdout")" active
same "fund grants: disbursed net of refunds and undisbursed" \
    "$(awk -F'\t' -v g="$g2" '$1 == g { print $7, $8, $9, $11 }' "$T/stdout" | tr -d ,)" \
    "$(dollars "$(minor 40000.00 2)") $net $left 135"
refuse "no tranche on a cancelled grant" "amount: beyond what grant $g3 has left to disburse" \
    disburse "$g3" --amount 1.00 --date 2024-06-22
# reversing a payment of a pledge gives the pledge back
rec r_eu2 "reverse a payment of a pledge" reverse "$c_eu2" --date 2024-06-22 --memo "wrong rate"
b_reverse c_eu2 2024-06-22
same "the pledge is outstanding again by that much" \
    "$(q "$db" "SELECT sum(amount) FROM fund_lines WHERE account = 'pledges_receivable' AND ref = $p_eu")" \
    "$(addc "$(minor 100000.00 2)" -"$(minor 12345.00 2)")"

# --- import -------------------------------------------------------------

cat >"$T/good.csv" <<'CSV'
op,ref,donor,kind,country,amount,currency,rate,date,pledge,grant,cycle,window,grantee,start,end,memo
donor,,Sweden,state,SWE,,,,,,,,,,,,
pledge,p1,Sweden,,,1000.00,SEK,0.095,2024-05-10,,,,,,,,
contribute,c1,Sweden,,,400.00,SEK,0.0951,2024-05-12,p1,,,,,,,
grant,g1,,,KEN,30.00,,,2024-05-13,,,4,emergency,Shelter,2024-06-01,2025-05-31,
disburse,,,,,20.00,,,2024-05-14,,g1,,,,,,tranche 1
CSV
expect "import a good file" 0 "recorded 5 fund operations" P fund import "$T/good.csv" --db "$db"
b_pledge p1 2024-05-10 Sweden 1000.00 2 0.095
b_contrib c1 2024-05-12 Sweden 400.00 2 0.0951
b_paid c1 2024-05-12 Sweden 400.00 2 0.095
b_grant sg 2024-05-13 30.00
b_out sg-t1 2024-05-14 20.00
sp=$(q "$db" "SELECT p.id FROM fund_pledges p JOIN fund_donors d ON d.id = p.donor_id WHERE d.name = 'Sweden'")
sg=$(q "$db" "SELECT id FROM fund_grants WHERE grantee = 'Shelter'")
same "import: the contribution pays the pledge named by its ref" \
    "$(q "$db" "SELECT count(*) || ' ' || e.pledge_id FROM fund_entries e JOIN fund_donors d ON d.id = e.donor_id WHERE d.name = 'Sweden' AND e.kind = 'contribution'")" \
    "1 $sp"
same "import: the tranche is paid on the grant named by its ref" \
    "$(q "$db" "SELECT count(*) || ' ' || grant_id || ' ' || memo FROM fund_entries WHERE kind = 'disbursement' AND date = '2024-05-14'")" \
    "1 $sg tranche 1"
same "import: SEK minor units and cents" \
    "$(q "$db" "SELECT l.amount || '|' || l.usd FROM fund_lines l JOIN fund_entries e ON e.id = l.entry_id WHERE e.pledge_id = $sp AND e.kind = 'contribution' AND l.account = 'cash'")" \
    "$(minor 400.00 2)|$(cents 400.00 2 0.0951)"
same "import: the pledge's outstanding" \
    "$(q "$db" "SELECT amount FROM fund_balances WHERE account = 'pledges_receivable' AND ref = $sp")" \
    "$(addc "$(minor 1000.00 2)" -"$(minor 400.00 2)")"
cat >"$T/bad.csv" <<'CSV'
op,ref,donor,kind,country,amount,currency,rate,date,pledge,grant,cycle,window,grantee,start,end,memo
donor,,Denmark,state,DNK,,,,,,,,,,,,
contribute,,Denmark,,,10.001,,,2024-02-10,,,,,,,,
grant,g2,,,,300.00,,,2024-02-11,,,2,emergency,Shelter,2024-03-01,2025-02-28,
contribute,,Denmark,,,10,XYZ,,2024-02-10,,,,,,,,
disburse,,,,,20.00,,,2024-03-02,,gx,,,,,,
contribute,,Denmark,,,10,,,2024-08-01,,,,,,,,
CSV
h=$(hash "$db")
expect "import a file with bad rows" 1 "rejected; nothing was recorded" P fund import "$T/bad.csv" --db "$db"
reported "bad.csv:3:6: amount: '10.001' has more than 2 decimals, for USD" \
    "bad.csv:4:5: country: the grantee's country of implementation is needed" \
    "bad.csv:5:7: currency: 'XYZ' is not a currency of ISO 4217" \
    "bad.csv:6:11: grant: 'gx' is neither a number nor the ref of a row above" \
    "bad.csv:7:9: date: 2024-08-01 is in the future"
same "bad import: nothing at all recorded (not even the good donor row)" "$(hash "$db")" "$h"
same "bad import: no Denmark" "$(q "$db" "SELECT count(*) FROM fund_donors WHERE name = 'Denmark'")" 0
# the entry column takes the ref of a row above: a grant's ref there means
# the grant's approval, not whatever entry has the grant's number
idb="$T/imp.db"
fresh "$idb"
cycles "$idb" 1
cat >"$T/rev.csv" <<'CSV'
op,ref,donor,kind,amount,date,country,cycle,window,grantee,start,end,entry,memo
donor,,Ann,individual,,,,,,,,,,
contribute,c1,Ann,,500.00,2024-01-02,,,,,,,,
grant,g1,,,100.00,2024-01-03,MDA,1,emergency,Refuge,2024-01-03,2024-12-31,,
reverse,,,,,2024-01-04,,,,,,,g1,cancel the grant
CSV
expect "import: a reversal naming a grant's ref" 0 "" P fund import "$T/rev.csv" --db "$idb"
same "import: it reverses that grant's approval" \
    "$(q "$idb" "SELECT reverses FROM fund_entries WHERE kind = 'reversal'")" \
    "$(q "$idb" "SELECT entry_id FROM fund_grants WHERE grantee = 'Refuge'")"
same "import: the contribution is left as it was" \
    "$(q "$idb" "SELECT count(*) FROM fund_entries WHERE reverses = (SELECT id FROM fund_entries WHERE kind = 'contribution')")" 0

# --- the journal balances; balances are the sums; append only -----------

same "every entry balances, in minor units and in cents" \
    "$(q "$db" "SELECT entry_id FROM fund_lines GROUP BY entry_id HAVING sum(amount) != 0 OR sum(usd) != 0")" ""
same "every entry has lines" "$(q "$db" "SELECT count(*) FROM fund_entries WHERE id NOT IN (SELECT entry_id FROM fund_lines)")" 0
same "fund_balances are the sums over fund_lines" \
    "$(q "$db" "SELECT account, ref, amount, usd FROM fund_balances ORDER BY account, ref")" \
    "$(q "$db" "SELECT account, ref, sum(amount), sum(usd) FROM fund_lines GROUP BY account, ref ORDER BY account, ref")"
same "no account of a grant or pledge is on the wrong side" \
    "$(q "$db" "SELECT account, ref FROM fund_balances WHERE (account IN ('cash', 'pledges_receivable', 'grant_expenditure') AND amount < 0) OR (account = 'grants_undisbursed' AND amount > 0)")" ""
h=$(hash "$db")
for sql in "UPDATE fund_entries SET memo = 'changed' WHERE id = 1" "DELETE FROM fund_lines" \
    "UPDATE fund_lines SET usd = usd + 1 WHERE entry_id = 1" "DELETE FROM fund_entries WHERE id = $c_jane" \
    "UPDATE fund_grants SET amount = 1" "DELETE FROM fund_pledges"; do
	run q "$db" "$sql"
	if [ "$rc" -ne 0 ] && grep -qE "never (changed|removed)" "$T/stderr"; then
		ok "append only: $sql fails"
	else
		nok "append only: $sql fails" "exit $rc: $(cat "$T/stderr")"
	fi
done
same "append only: nothing changed" "$(hash "$db")" "$h"

# --- fund balance, now and as of a day ----------------------------------

# fig LABEL: the figure fund balance printed on the line LABEL, in plain
# digits; check: with thousands separators, two decimals.
fig() { awk -v l="$1" 'index($0, l) == 1 { print $NF }' "$T/stdout"; }
balance_is() {	# NAME [AS-OF]
	local name=$1 w=${2:-9999-99-99} f g
	for f in "contributions received|income" \
	    "grants paid out, net of refunds|expense" \
	    "programme support costs|support" \
	    "fund balance (cash)|cash" \
	    "grants approved, not yet disbursed|undisbursed" \
	    "pledges outstanding (at the pledges' rates)|pledged"; do
		IFS='|' read -r label acct <<<"$f"
		g=$(books "$acct" 0000-00-00 "$w")
		same "$name: $label" "$(fig "$label" | tr -d ,)" "$(dollars "$g")"
	done
}
run P fund balance --db "$db"
balance_is "fund balance"
if grep -E '^fund balance \(cash\) +[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}$' "$T/stdout" >/dev/null &&
    [ "$(fig "fund balance (cash)" | tr -d ,)" != "$(fig "fund balance (cash)")" ]; then
	ok "fund balance: thousands separators and two decimals"
else
	nok "fund balance: thousands separators and two decimals" "$(cat "$T/stdout")"
fi
for d in 2023-06-15 2023-12-31 2024-03-01 2024-06-21; do
	run P fund balance --as-of "$d" --db "$db"
	grep -qF "as of $d" "$T/stdout" && ok "--as-of $d: said" || nok "--as-of $d: said" "$(head -1 "$T/stdout")"
	balance_is "fund balance --as-of $d" "$d"
done
expect "--as-of takes a date" 2 "--as-of takes a date" P fund balance --as-of 2024-02-30 --db "$db"

run P fund donors --db "$db"
same "fund donors: Kuwait's dollars" "$(awk -F'\t' '$2 == "Kuwait" { print $5, $6 }' "$T/stdout" | tr -d ,)" \
    "2 $(dollars "$(addc "$(cents 12.340 3 3.25)" "$(cents 50000.125 3 3.2567)")")"
same "fund donors: a reversed contribution counts for nothing" \
    "$(awk -F'\t' '$2 == "Jane Doe" { print $5, $6 }' "$T/stdout")" "0 0.00"

# --- very large amounts -------------------------------------------------

db="$T/big.db"
fresh "$db"
rec x "big: a donor" donor Kuwait --kind state --country KWT
max=9223372036854775.807
rec c_max "big: the int64 limit in KWD" contribute --donor Kuwait --amount "$max" --currency KWD \
    --rate 3.25 --date 2024-01-05
# minor = 1000 a + b; cents = minor * 325 * 100 / 10^5 = 325 a + 325 b / 1000,
# half away from zero (sqlite3's integers, none over 2^63)
m=${max/./}
big=$(sqlite3 :memory: "SELECT 325 * ($m / 1000) + 325 * ($m % 1000) / 1000 + (325 * ($m % 1000) % 1000 * 2 >= 1000)")
same "big: the minor units are the digits, the cents exact" "$(line "$c_max" cash)" "$m|$big"
same "big: the contributions' side too" \
    "$(q "$db" "SELECT amount || '|' || usd FROM fund_lines WHERE entry_id = $c_max AND account = 'contributions'")" "-$m|-$big"
refuse "big: a second one would overflow the balance" "amount: the amount is too large: a balance would overflow" \
    contribute --donor Kuwait --amount "$max" --currency KWD --rate 3.25 --date 2024-01-06
refuse "big: one unit more than the int64 limit" "amount: '9223372036854775.808' is too large, for KWD" \
    contribute --donor Kuwait --amount 9223372036854775.808 --currency KWD --rate 3.25 --date 2024-01-06
refuse "big: far over the limit" "amount: '99999999999999999999' is too large" \
    contribute --donor Kuwait --amount 99999999999999999999 --date 2024-01-06
# at 100 dollars a dinar the limit is 9.2e20 cents, more than an int64_t holds
refuse "big: too large to convert to cents" "amount: the amount is too large to convert to US dollars" \
    contribute --donor Kuwait --amount "$max" --currency KWD --rate 100 --date 2024-01-06
run P fund balance --db "$db"
same "big: fund balance (cash)" "$(fig "fund balance (cash)" | tr -d ,)" "$(dollars "$big")"
same "big: fund balance (contributions)" "$(fig "contributions received" | tr -d ,)" "$(dollars "$big")"
same "big: the ledger still balances" \
    "$(q "$db" "SELECT entry_id FROM fund_lines GROUP BY entry_id HAVING sum(amount) != 0 OR sum(usd) != 0")" ""
# 2^62 yen at 737869762.948382065 dollars a yen is about 3.4e27 dollars:
# far beyond what cents in an int64_t can hold, so it must be refused.
# (amount * rate * 100 is just over 2^128.)
db="$T/big2.db"
fresh "$db"
rec x "big2: a donor" donor Japan --kind state --country JPN
refuse "big: a product beyond 128 bits is too large to convert" "amount: the amount is too large" \
    contribute --donor Japan --amount 4611686018427387904 --currency JPY --rate 737869762.948382065 --date 2024-01-05
db="$T/fund.db"

# --- the fund's report --------------------------------------------------

rep="$T/rep"
expect "report fund 2024" 0 "" P report fund --year 2024 --out "$rep" --db "$db"
perf() { grep -F "$1" "$rep/tables/fund_performance.csv" | sed 's/.*,//'; }
open=$(books cash 0000-00-00 2023-12-31)
contrib=$(books income 2024-01-01 2024-12-31)
paid=$(books expense 2024-01-01 2024-12-31)
support=$(books support 2024-01-01 2024-12-31)
close=$(books cash 0000-00-00 2024-12-31)
same "report: balance on 1 January" "$(perf "Fund balance on 1 January")" "$(dollars "$open")"
same "report: contributions received" "$(perf "Contributions received")" "$(dollars "$contrib")"
same "report: grants paid out, net of refunds" "$(perf "Grants paid out, net of refunds")" "$(dollars "$paid")"
same "report: programme support costs" "$(perf "Programme support costs")" "$(dollars "$support")"
same "report: balance on 31 December" "$(perf "Fund balance on 31 December")" "$(dollars "$close")"
# the report's own lines add up: opening + contributions - grants - support
# is the closing balance, as the report prints each of them
pc() { perf "$1" | tr -d ',.'; }
same "report: its balances add up" "$(addc "$(pc "Fund balance on 1 January")" "$(pc "Contributions received")" -"$(pc "Grants paid out, net of refunds")" -"$(pc "Programme support costs")")" "$(pc "Fund balance on 31 December")"
same "report: grants not yet disbursed" "$(perf "not yet disbursed")" \
    "$(dollars "$(books undisbursed 0000-00-00 2024-12-31)")"
same "report: pledges outstanding" "$(perf "Pledges outstanding")" "$(dollars "$(books pledged 0000-00-00 2024-12-31)")"
same "report: the 2023 opening balance, from the inputs" "$(perf "Fund balance on 1 January")" \
    "$(dollars "$(addc "$(minor 250000.00 2)" -"$(minor 60000.00 2)" -"$(minor 5000.00 2)" "$(minor 100.00 2)")")"
# each donor's contributions in 2024, from the books: name,cents, by name
donors_want=$(awk -F'\t' '$4 == "income" && $2 >= "2024-01-01" && $2 <= "2024-12-31" { c[$3] += $5 }
    END { for (d in c) if (c[d] != 0) printf "%s,%.0f\n", d, c[d] }' "$book" | LC_ALL=C sort)
donors_csv=$(tail -n +2 "$rep/tables/fund_donors.csv" | awk -F, '{ print $1 "," $NF }' | LC_ALL=C sort)
same "report: the donors of 2024" "$(printf '%s\n' "$donors_csv" | cut -d, -f1)" "$(printf '%s\n' "$donors_want" | cut -d, -f1)"
while IFS=, read -r name c; do
	same "report: $name's US dollars" "$(printf '%s\n' "$donors_csv" | awk -F, -v n="$name" '$1 == n { print $2 }')" "$(dollars "$c")"
done <<<"$donors_want"
same "report: Norway's 2023 contribution is not in 2024" \
    "$(printf '%s\n' "$donors_csv" | awk -F, '$1 == "Norway" { print $2 }')" "$(dollars "$(cents 1500.00 2 1)")"
same "report: a donor in one currency, with its amount" \
    "$(sqlite3 -batch -separator ' ' :memory: ".import --csv $rep/tables/fund_donors.csv t" "SELECT Contributions, Currency, \"Amount in that currency\" FROM t WHERE Donor = 'Kuwait'")" \
    "2 KWD $(people "$(addc 12340 50000125 | awk '{ printf "%.3f\n", $1 / 1000 }')")"
same "report: the cancelled grant is left out" "$(grep -c "Casa Segura" "$rep/tables/fund_grants.csv")" 0
same "report: cycle 2.1 approved" "$(awk -F, '$1 == "2.1" { print $2, $3 }' "$rep/tables/fund_cycles.csv")" \
    "1 $(dollars "$(minor 40000.00 2)")"
same "report: victims, the latest report" "$(grep -F "Hope Shelter" "$rep/tables/fund_grants.csv" | sed 's/.*,//')" 135
# figures.json: every amount is {"usd": "D.CC", "cents": N} and the two agree
bad_pairs=$(awk '
	/"usd":/ { u = $2; gsub(/[",]/, "", u); want = 1; next }
	want && /"cents":/ { c = $2 + 0; s = c < 0 ? "-" : ""; a = c < 0 ? -c : c
		f = sprintf("%s%.0f.%02d", s, (a - a % 100) / 100, a % 100)
		n++; if (f != u) print u " vs " c; want = 0 }
	END { if (n < 10) print "only " n " amounts" }' "$rep/figures.json")
same "figures.json: money as {usd, cents}, and they agree" "$bad_pairs" ""
same "figures.json: the performance figures in cents" \
    "$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
t = [t for t in d["tables"] if t["id"] == "fund_performance"][0]
print(" ".join(str(r[1]["cents"]) for r in t["rows"][:5]), end=" ")' "$rep/figures.json")" \
    "$open $contrib $paid $support $close "
same "figures.json: usd is a string, cents an integer" \
    "$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
t = [t for t in d["tables"] if t["id"] == "fund_performance"][0]
print(" ".join(sorted({type(r[1]["usd"]).__name__ + "/" + type(r[1]["cents"]).__name__ for r in t["rows"]})))' "$rep/figures.json")" \
    "str/int"

# the page in a real browser: no console errors, every chart drawn
browser_check "fund page" "$rep/index.html" "$top/tests/out/fund.png"
expect "journal: --from must be a date" 2 "--from takes a date" P fund journal --from 2024-13-01 --db "$db"
expect "balance: --as-of must be a date" 2 "--as-of takes a date" P fund balance --as-of 2024-02-30 --db "$db"

# --- palermo sample fund: a generated history, posted through the ledger -----
for n in 1 2; do
	fresh "$T/sf$n.db"
	expect "sample fund $n" 0 "labelled as a sample" env PALERMO_TODAY=2026-12-02 "$top/palermo" sample fund --count 300 --seed 4 --db "$T/sf$n.db"
done
made=$(sed -n 's/.*: \([0-9]*\) journal entries.*/\1/p' "$T/stderr")
[ -n "$made" ] && [ "$made" -ge 300 ] && [ "$made" -le 320 ] && ok "about the entries asked for ($made)" || nok "about the entries asked for" "$(cat "$T/stderr")"
P fund journal --db "$T/sf1.db" >"$T/sf1.journal" 2>/dev/null
P fund journal --db "$T/sf2.db" >"$T/sf2.journal" 2>/dev/null
same "the journal has them all" "$(grep -c '^[0-9]' "$T/sf1.journal")" "$made"
same "same seed, same history" "$(sed 's/\t[^\t]*$//' "$T/sf1.journal" | md5sum)" "$(sed 's/\t[^\t]*$//' "$T/sf2.journal" | md5sum)"
same "every entry labelled" "$(grep '^[0-9]' "$T/sf1.journal" | grep -vc 'generated by palermo sample')" "0"
same "the history ends last year" "$(grep '^[0-9]' "$T/sf1.journal" | cut -f2 | sort | tail -1 | cut -c1-4)" "2025"
# every entry balances in US dollars, and the cash is what the journal's
# cash lines add up to
same "every entry balances" "$(awk '/^[0-9]/ { if (n) bad += s != 0; n++; s = 0; next } { s += sprintf("%.0f", $NF * 100) } END { bad += s != 0; print n ":" bad + 0 }' "$T/sf1.journal")" "$made:0"
cash=$(awk '!/^[0-9]/ && $1 == "cash" { s += sprintf("%.0f", $NF * 100) } END { printf "%.2f\n", s / 100 }' "$T/sf1.journal")
same "the cash is the journal's" "$(P fund balance --db "$T/sf1.db" 2>/dev/null | awk '/fund balance \(cash\)/ { v = $NF; gsub(/,/, "", v); print v }')" "$cash"

# --- dates at their bounds: the day before, the day itself, the day after ----
db="$T/edge.db"
fresh "$db"
cycles "$db" 1
export PALERMO_TODAY=2020-01-20
rec x "edge: a donor" donor Edge --kind individual
rec x "edge: cash on the 10th" contribute --donor Edge --amount 100.00 --date 2020-01-10
refuse "edge: support the day before the cash came" "not enough cash: 0.00 US dollars available from 2020-01-09 on" support --amount 100.00 --date 2020-01-09
rec x "edge: support on the day the cash came" support --amount 60.00 --date 2020-01-10
refuse "edge: more than the cash left, the day after" "not enough cash: 40.00 US dollars available from 2020-01-11 on" support --amount 40.01 --date 2020-01-11
rec x "edge: all the cash left, the day after" support --amount 40.00 --date 2020-01-11
rec x "edge: more cash, today" contribute --donor Edge --amount 10.00 --date 2020-01-20
refuse "edge: tomorrow is in the future" "2020-01-21 is in the future" support --amount 1.00 --date 2020-01-21
rec g "edge: a grant approved on the 20th" grant --cycle 1 --window emergency --grantee "Edge Shelter" --country MDA \
    --amount 10.00 --start 2020-01-20 --end 2021-01-19 --date 2020-01-20
refuse "edge: paid the day before approval" "is before grant" disburse "$g" --amount 1.00 --date 2020-01-19
rec x "edge: paid on the day of approval" disburse "$g" --amount 1.00 --date 2020-01-20
unset PALERMO_TODAY

# --- grant cycles as the fund names them, with their ceilings -------------
db="$T/cy.db"
fresh "$db"
export PALERMO_TODAY=2024-06-30
expect "a cycle by a bare number" 1 "named as the fund names it, such as 10.2" P fund cycle 10 --grant-ceiling 100.00 --cycle-ceiling 1000.00 --db "$db"
expect "a cycle without its ceilings" 1 "--grant-ceiling" P fund cycle 10.2 --db "$db"
expect "a grant's ceiling above the cycle's" 1 "a grant's ceiling above the cycle's" P fund cycle 10.2 --grant-ceiling 2000.00 --cycle-ceiling 1000.00 --db "$db"
same "the cycle 10.2" "$(P fund cycle 10.2 --grant-ceiling 600.00 --cycle-ceiling 1000.00 --db "$db" 2>/dev/null)" 1
expect "the same cycle twice" 1 "grant cycle 10.2 is recorded already" P fund cycle 10.2 --grant-ceiling 1.00 --cycle-ceiling 1.00 --db "$db"
rec x "cycles: a donor" donor Ann --kind individual
rec x "cycles: cash" contribute --donor Ann --amount 5000.00 --date 2022-01-02
gr() { P fund grant --cycle "$1" --window medium_term --grantee "$2" --country MDA --amount "$3" --start 2022-03-01 --end 2024-02-28 --date 2022-02-01 --db "$db"; }
refuse "a grant of no cycle" "no grant cycle '9.1'" grant --cycle 9.1 --window emergency --grantee X --country MDA --amount 1.00 --start 2022-03-01 --end 2022-12-31 --date 2022-02-01
refuse "a grant above the ceiling of a grant" "above the ceiling of a grant of cycle 10.2 (600.00 US dollars)" grant --cycle 10.2 --window emergency --grantee X --country MDA --amount 600.01 --start 2022-03-01 --end 2022-12-31 --date 2022-02-01
ga=$(gr 10.2 "Refuge A" 600.00 2>/dev/null) gb=$(gr 10.2 "Refuge B" 400.00 2>/dev/null)
same "grants up to the cycle's ceiling, to the cent" "$ga $gb" "1 2"
refuse "a grant beyond the cycle's ceiling" "beyond the ceiling of cycle 10.2 (1,000.00 US dollars; 0.00 left)" grant --cycle 10.2 --window emergency --grantee X --country MDA --amount 0.01 --start 2022-03-01 --end 2022-12-31 --date 2022-02-01
# a cancelled grant gives its room back
entry=$(q "$db" "SELECT entry_id FROM fund_grants WHERE id = $gb")
rec x "cycles: cancel grant B" reverse "$entry" --date 2022-02-02 --memo "withdrawn"
gc=$(gr 10.2 "Refuge C" 400.00 2>/dev/null)
same "a cancelled grant's room is free again" "$gc" 3
same "grants listed by the cycle's name" "$(P fund grants --cycle 10.2 --db "$db" 2>/dev/null | tail -n +2 | cut -f1 | tr '\n' ' ')" "1 2 3 "
# victims in the year each report came: grant A reports 40 by the end of
# 2022 and 100 by the end of 2023 (60 more in 2023); grant C 25 in 2023
P fund victims "$ga" 40 --date 2022-12-15 --db "$db" >/dev/null
P fund victims "$ga" 100 --date 2023-11-30 --db "$db" >/dev/null
P fund victims "$gc" 25 --date 2023-06-01 --db "$db" >/dev/null
P report fund --year 2023 --db "$db" --out "$T/cy23" 2>/dev/null
vcsv() { sqlite3 -batch ":memory:" ".import --csv $T/cy23/tables/$1.csv t" "$2"; }
same "victims of 2023, grant by grant" "$(vcsv fund_victims 'SELECT Grant, Cycle, "Victims assisted so far", "Of them reported in the year" FROM t')" "1|10.2|100|60
3|10.2|25|25"
grep -q "In 2023 the grantees of 2 grants reported 85 more victims assisted" "$T/cy23/index.html" && ok "victims of the year in words" || nok "victims of the year in words" "$(grep -o 'In 2023 the grantees[^<]*' "$T/cy23/index.html")"
P report fund --year 2022 --db "$db" --out "$T/cy22" 2>/dev/null
same "victims of 2022" "$(sqlite3 -batch ":memory:" ".import --csv $T/cy22/tables/fund_victims.csv t" 'SELECT Grant, "Of them reported in the year" FROM t')" "1|40"
# since inception, from the journal counted with SQL (the CSV's amounts
# are plain decimals, for machines)
same "since inception" "$(vcsv fund_inception 'SELECT Value FROM t' | tr '\n' '|')" \
    "$(dollars "$(q "$db" "SELECT sum(l.usd) FROM fund_lines l JOIN fund_entries e ON e.id = l.entry_id WHERE l.account = 'cash' AND e.kind = 'contribution'")")|1|2|1000.00|1|125|"
same "the cycle's ceilings in the report" "$(sqlite3 -batch ":memory:" ".import --csv $T/cy22/tables/fund_cycles.csv t" 'SELECT * FROM t')" "10.2|2|1000.00|600.00|1000.00"
grep -q "1,000.00" "$T/cy22/index.html" && ok "the page's amounts with separators" || nok "the page's amounts with separators" "none"
unset PALERMO_TODAY

# --- victims by form, sex and age, as grantees report them ----------------
db="$T/cy.db"
export PALERMO_TODAY=2024-06-30
P fund victims "$ga" 30 --form sexual --sex female --age 18+ --date 2022-12-15 --db "$db" >/dev/null
P fund victims "$ga" 70 --form sexual --sex female --age 18+ --date 2023-11-30 --db "$db" >/dev/null
P fund victims "$ga" 12 --form labour --sex male --age 0-17 --date 2023-11-30 --db "$db" >/dev/null
P fund victims "$gc" 5 --form labour --sex male --age 0-17 --date 2023-06-01 --db "$db" >/dev/null
refuse "victims of an unknown form" "form: 'sorcery' is not a form of exploitation" victims "$ga" 1 --form sorcery --date 2023-01-01
refuse "victims of an unknown age" "age: 'old' is not an age group" victims "$ga" 1 --age old --date 2023-01-01
P report fund --year 2023 --db "$db" --out "$T/vg" 2>/dev/null
# stated from the reports above: sexual, female, adults 70 - 30; labour,
# male, children 12 + 5
same "victims of 2023 by group" "$(sqlite3 -batch ":memory:" ".import --csv $T/vg/tables/fund_victims_groups.csv t" 'SELECT * FROM t')" "Sexual exploitation|Female|18 years or over|40
Forced labour|Male|0 to 17 years|17"
same "the groups leave the totals as they were" "$(sqlite3 -batch ":memory:" ".import --csv $T/vg/tables/fund_victims.csv t" 'SELECT Grant, "Of them reported in the year" FROM t')" "1|60
3|25"
unset PALERMO_TODAY

# --- a value a spreadsheet would run as a formula is written as text ------
db="$T/formula.db"
fresh "$db"
export PALERMO_TODAY=2024-06-30
P fund donor '=HYPERLINK("http://x","z")' --kind individual --db "$db" >/dev/null
P fund contribute --donor '=HYPERLINK("http://x","z")' --amount 10.00 --date 2024-01-02 --db "$db" >/dev/null
P report fund --year 2024 --db "$db" --out "$T/formula" 2>/dev/null
same "report CSV: a formula goes out as text" "$(grep -c "^\"'=HYPERLINK(\"\"http://x\"\",\"\"z\"\")\"," "$T/formula/tables/fund_donors.csv")" 1
# the guard is one single quote before the name, nothing else changed
same "report CSV: one quote before the name" "$(sqlite3 -batch :memory: ".import --csv $T/formula/tables/fund_donors.csv t" 'SELECT Donor FROM t')" "'=HYPERLINK(\"http://x\",\"z\")"
unset PALERMO_TODAY
