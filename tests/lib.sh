# tests/lib.sh: what the command-line tests share.  A test file sources
# it, then calls check ... once per assertion; each prints "ok NAME" or
# "FAIL NAME: why", which tests/run counts.

top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$top/../shared/data"
[ -d "$data" ] || echo "FAIL shared data: $data is missing"
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

# fresh DB: a new, initialised database at path DB.
fresh() {
	rm -f "$1" "$1"-wal "$1"-shm
	"$top/palermo" init --db "$1" 2>/dev/null || { echo "FAIL init $1"; exit 1; }
}

# q DB SQL: one query through the sqlite3 shell, palermo's independent peer.
q() { sqlite3 -batch -noheader "$1" "$2"; }

hash() { sha256sum "$1" | cut -d' ' -f1; }
