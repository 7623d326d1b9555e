# tests/oracles/series-breaks.awk: the sudden breaks in the series of the
# UNODC export, read straight from its CSV (quoted thousands already
# stripped): each country's total values of an indicator (no dimension,
# every sex and age), exact (not "<5"), from one year to the next, where
# the larger is at least 50 and one is more than ten times the other.
# Prints "WHERE YEAR INDICATOR PREV PREV_YEAR VALUE", WHERE being the ISO
# code or, without one, the name, and INDICATOR the short name below.
BEGIN {
	FS = ","
	short["Detected trafficking victims"] = "detected_victims"
	short["Offences of trafficking in persons"] = "offences"
	short["Persons brought into formal contact"] = "formal_contact"
	short["Persons prosecuted"] = "prosecuted"
	short["Persons convicted"] = "convicted"
}
NR == 1 { next }
$6 == "Total" && $7 == "Total" && $8 == "Total" && $9 == "Total" && $12 != "<5" {
	where = $1 != "" ? $1 : $2
	if (!($5 in short)) {
		print "series-breaks.awk: line " NR ": unknown indicator " $5 >"/dev/stderr"
		exit 1
	}
	v[where SUBSEP short[$5] SUBSEP $10] = $12
	series[where SUBSEP short[$5]] = 1
}
END {
	for (s in series) {
		split(s, k, SUBSEP)
		for (y = 1900; y < 2100; y++) {
			a = s SUBSEP y; b = s SUBSEP (y + 1)
			if (!(a in v) || !(b in v))
				continue
			p = v[a] + 0; c = v[b] + 0
			if ((p > c ? p : c) >= 50 && (c > 10 * p || p > 10 * c))
				print k[1], y + 1, k[2], p, y, c
		}
	}
}
