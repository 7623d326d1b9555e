# tests/oracles/reference.sh: sourced by the oracles that build a database.
# reference_tables OUT DICT: in the database OUT, the code lists and the
# fields of DICT (a database just made by palermo init, which holds only
# those) as codes and case_fields, and the countries and their M49 regions
# from data/countries.csv as countries, named as palermo names them.
reference_tables() {
	local top
	top="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
	sqlite3 -batch "$1" ".import --csv $top/data/countries.csv k" \
	    "ATTACH '$2' AS d" \
	    "CREATE TABLE codes AS SELECT * FROM d.codes" \
	    "CREATE TABLE case_fields AS SELECT * FROM d.case_fields" \
	    "CREATE TABLE countries AS SELECT CAST(numeric AS INTEGER) AS numeric,
		alpha2, alpha3, name, CAST(nullif(region_code, '') AS INTEGER) AS region,
		CAST(nullif(subregion_code, '') AS INTEGER) AS subregion,
		CAST(nullif(intermediate_code, '') AS INTEGER) AS intermediate,
		region AS region_name, subregion AS subregion_name FROM k" \
	    "CREATE UNIQUE INDEX countries_alpha3 ON countries (alpha3)" \
	    "DROP TABLE k"
}
