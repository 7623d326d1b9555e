# tests/cli/counts.sh: a property of the counts kept per submission and
# year: over random submissions, removals and filters by years and
# sources, the figures they add up to are those of counting every case
# ($PALERMO_RECOUNT).  The seed is printed; COUNTS_SEED=N repeats a run.
. "$(dirname "$0")/../lib.sh"

seed=${COUNTS_SEED:-$(( $(date +%s) % 100000 ))}
echo "# counts.sh: seed $seed"
RANDOM=$seed
db="$T/c.db"
fresh "$db"

# all_same NAME ARGS...: stats --all with ARGS from the kept counts and
# from every case, byte for byte
all_same() {
	local name=$1
	shift
	P stats --all --db "$db" "$@" --out "$T/kept.csv" 2>"$T/err" &&
	    PALERMO_RECOUNT=1 P stats --all --db "$db" "$@" --out "$T/full.csv" 2>>"$T/err"
	if [ $? -eq 0 ] && cmp -s "$T/kept.csv" "$T/full.csv"; then
		ok "$name"
	else
		nok "$name" "seed $seed: $(cat "$T/err") $(diff "$T/full.csv" "$T/kept.csv" | head -4 | tr '\n' ' ')"
	fi
}

# six files of random sizes, from three sources; one with cases whose
# year is not recorded
for i in 1 2 3 4 5 6; do
	P sample cases --count $((50 + RANDOM % 3000)) --seed $((RANDOM)) --out "$T/f$i.csv"
done
awk -F, -v OFS=, 'NR > 1 && NR % 3 == 0 { $1 = "" } { print }' "$T/f6.csv" >"$T/f6y.csv"
mv "$T/f6y.csv" "$T/f6.csv"
src() { echo "s$(( $1 % 3 ))"; }
for i in 1 2 3 4 5 6; do
	P import cases "$T/f$i.csv" --source "$(src "$i")" --db "$db" 2>/dev/null
done
all_same "all cases, counts made on first use"
same "counts kept for each submission and year, adding up to its rows" \
    "$(q "$db" "SELECT s.id, s.rows FROM submissions s ORDER BY s.id")" \
    "$(q "$db" "SELECT submission_id, sum(n) FROM case_counts GROUP BY submission_id ORDER BY submission_id")"
same "cases without a year are counted apart" \
    "$(q "$db" "SELECT n FROM case_counts WHERE submission_id = 6 AND year = -1")" \
    "$(q "$db" "SELECT count(*) FROM cases WHERE submission_id = 6 AND year IS NULL")"

# removals (not of the file with cases without a year) and an import again
for r in 1 2; do
	id=$(q "$db" "SELECT id FROM submissions WHERE id != 6 ORDER BY random() LIMIT 1")
	P submissions rm "$id" --db "$db" 2>/dev/null
	same "removal $r: its counts go" "$(q "$db" "SELECT count(*) FROM case_counts WHERE submission_id = $id")" 0
	all_same "after removal $r"
done
P import cases "$T/f1.csv" --source s9 --db "$db" --replace 2>/dev/null
all_same "after an import again"

# filters by years, each way, over cases some of which have no year
all_same "filter --to 2015" --to 2015
all_same "filter --from 2010" --from 2010
all_same "filter --from 2010 --to 2015" --from 2010 --to 2015
# random filters by years and sources
for i in $(seq 1 12); do
	args=()
	a=$((2000 + RANDOM % 25)) b=$((2000 + RANDOM % 25))
	[ "$a" -gt "$b" ] && { t=$a; a=$b; b=$t; }
	[ $((RANDOM % 2)) = 0 ] && args+=(--from "$a")
	[ $((RANDOM % 2)) = 0 ] && args+=(--to "$b")
	[ $((RANDOM % 2)) = 0 ] && args+=(--source "s$((RANDOM % 3))")
	all_same "filter ${args[*]:-none}" "${args[@]}"
done

# a case changed by hand: its submission is counted again
id=$(q "$db" "SELECT max(submission_id) FROM cases")
q "$db" "UPDATE cases SET gender = NULL WHERE id = (SELECT min(id) FROM cases WHERE submission_id = $id AND gender IS NOT NULL)"
same "a hand edit drops the submission's counts" "$(q "$db" "SELECT count(*) FROM case_counts WHERE submission_id = $id")" 0
all_same "after a hand edit"
# counts of another layout are made again
q "$db" "UPDATE case_counts SET layout = 1, data = x'01'"
all_same "counts of another layout are made again"
same "and kept in this build's" "$(q "$db" "SELECT count(*) FROM case_counts WHERE layout = 1")" 0
