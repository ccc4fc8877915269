#!/bin/bash
# test-table-owners.sh: scripts/check-owners passes on the tree, and fails
# on deliberate violations made in a copy: a handler of one program
# querying a domain module's table, a platform file including a domain
# header, a table nobody owns.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*"; exit 1; }

out=$("$ROOT/scripts/check-owners" "$ROOT") || fail "the tree breaks table ownership:
$out"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
copy() {
	rm -rf "$tmp/t" && mkdir -p "$tmp/t/db" &&
	cp -r "$ROOT/lib" "$ROOT/domain" "$ROOT/cgi-bin" "$ROOT/tools" "$tmp/t/" &&
	cp "$ROOT"/db/owners*.txt "$tmp/t/db/"
}
expect_failure() {	# expect_failure WHAT LINE
	out=$("$ROOT/scripts/check-owners" "$tmp/t") && fail "$1 passed the check"
	echo "$out" | grep -qF -- "$2" || fail "$1: expected \"$2\" in:
$out"
}

copy
cat > "$tmp/t/cgi-bin/ingest/ui-violation.c" <<'C'
/* ui-violation.c: an ingest handler reading eBT's bookings itself */
static const char *q = "SELECT id FROM booking WHERE plate = ?";
C
expect_failure "an ingest handler naming booking" \
	"FAIL: cgi-bin/ingest/ui-violation.c:2: names table booking, owned by domain/booking"

copy
printf '#include "registry.h"\n' >> "$tmp/t/lib/util.c"
expect_failure "the platform including a domain header" \
	"FAIL: lib/util.c: the platform includes domain header registry.h"

copy
printf 'static const char *q2 = "INSERT INTO nobodys_table (a) VALUES (?)";\n' >> "$tmp/t/domain/audit.c"
expect_failure "a table without an owner" "table nobodys_table has no owner in db/owners.txt"

echo "ok: table ownership holds, and the check fails on each deliberate violation"
