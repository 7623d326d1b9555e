# tests/lib.sh: what the command-line tests share.  A test file sources
# it, then calls check ... once per assertion; each prints "ok NAME" or
# "FAIL NAME: why", which tests/run counts.

top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$top/build/data"
[ -d "$data" ] || echo "FAIL public data: $data is missing; run make data"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
unset PALERMO_DB
export PALERMO_OPERATOR=tester

if [ -n "${PALERMO_VALGRIND:-}" ]; then
	P() { valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite "$top/palermo" "$@"; }
else
	P() { "$top/palermo" "$@"; }
fi

ok() { echo "ok $1"; }
nok() { echo "FAIL $1: $2"; }

# run CMD...: runs it, keeping its status in $rc and its output in
# $T/stdout and $T/stderr.
run() {
	"$@" >"$T/stdout" 2>"$T/stderr"
	rc=$?
}

# expect NAME STATUS PATTERN CMD...: CMD exits with STATUS and its stderr
# contains PATTERN (fixed text; empty to skip).
expect() {
	local name=$1 status=$2 pattern=$3
	shift 3
	run "$@"
	if [ "$rc" -ne "$status" ]; then
		nok "$name" "exit $rc, wanted $status; stderr: $(head -c 400 "$T/stderr")"
	elif [ -n "$pattern" ] && ! grep -qF -- "$pattern" "$T/stderr"; then
		nok "$name" "stderr lacks '$pattern'; it said: $(head -c 400 "$T/stderr")"
	else
		ok "$name"
	fi
}

# same NAME A B: the two strings are equal.
same() {
	if [ "$2" = "$3" ]; then ok "$1"; else nok "$1" "'$2' != '$3'"; fi
}

# reported MSG...: each MSG is in the standard error of the last run.
reported() {
	for m in "$@"; do
		grep -qF "$m" "$T/stderr" && ok "reported: $m" || nok "reported: $m" "$(cat "$T/stderr")"
	done
}

# fresh DB: a new, initialised database at path DB.
fresh() {
	rm -f "$1" "$1"-wal "$1"-shm
	"$top/palermo" init --db "$1" 2>/dev/null || { echo "FAIL init $1"; exit 1; }
}

# q DB SQL: one query through the sqlite3 shell, palermo's independent peer.
q() { sqlite3 -batch -noheader "$1" "$2"; }

hash() { sha256sum "$1" | cut -d' ' -f1; }

# browser_check LABEL HTML PNG [SELECTOR PNG2]: open a report page in
# headless Chromium (tests/browser/check-report.mjs) and pass on its
# checks as "LABEL: ..."; with SELECTOR, that part of the page is shot
# into PNG2 too.  Under valgrind it does nothing.  A missing tool is a
# failure that says what to install, not a crash.
browser_check() {
	local label=$1 html=$2 png=$3 out missing=""
	[ -n "${PALERMO_VALGRIND:-}" ] && return 0
	command -v node >/dev/null 2>&1 || missing="node (Debian package nodejs)"
	[ -d "$top/node_modules/playwright-core" ] ||
		missing="${missing:+$missing, }playwright-core (npm, in $top/node_modules)"
	[ -x /usr/bin/chromium ] || missing="${missing:+$missing, }chromium (Debian package chromium)"
	if [ -n "$missing" ]; then
		nok "$label" "the browser test needs $missing: run scripts/install-deps"
		return 0
	fi
	mkdir -p "$top/tests/out"
	out=$(node "$top/tests/browser/check-report.mjs" "$html" "$png" "${@:4}" 2>&1)
	printf '%s\n' "$out" | grep -E '^(ok|FAIL) ' |
	    sed "s/^ok /ok $label: /; s/^FAIL /FAIL $label: /"
	printf '%s\n' "$out" | grep -qE '^(ok|FAIL) ' || nok "$label" "$out"
}

# SQL that takes a database back to before the registers' later
# migrations (0016 on: treaty law, the registers' history, the samples,
# contributions and grant cycles), for the tests
# that make an old database: the history and its triggers gone, the
# instruments and criminalisation made again as migrations 0003 and 0008
# made them, ICAT's members without the day they joined.
undo_registers() {
	sed -n 's/^CREATE TRIGGER \([a-z_]*\) .*/DROP TRIGGER \1;/p' "$top/src/store/sqlite/migrations/0017_history.sql"
	printf 'ALTER TABLE fund_victims DROP COLUMN form; ALTER TABLE fund_victims DROP COLUMN sex; ALTER TABLE fund_victims DROP COLUMN age; '
	printf 'DROP TABLE fund_cycles; DROP TABLE contributions; DROP TABLE samples; DROP TABLE register_history; DROP TABLE criminalisation; ALTER TABLE icat_members DROP COLUMN joined; '
	cat "$top/src/store/sqlite/migrations/0008_criminalisation.sql"
	printf 'DROP TABLE instrument_actions; DROP TABLE instruments; '
	cat "$top/src/store/sqlite/migrations/0003_instruments.sql"
}

# How many can take part in a treaty on a day (organisations too, unless
# the second argument is 0), from the table of participants
# (data/participants.csv) counted with awk: each row in effect on the day;
# territories are never in it.
parts() { awk -F, -v d="$1" -v org="${2:-1}" 'NR > 1 && ($4 == "" || $4 <= d) && ($5 == "" || d <= $5) && (org || $3 != "organisation") { n++ } END { print n + 0 }' "$top/data/participants.csv"; }
