#!/bin/bash
# test-cluster-tables.sh: scripts/check-cluster-tables passes on the tree,
# and fails on deliberate violations made in a copy: a table of owners.txt
# without a class, an unknown class, a class for a table nobody owns.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*"; exit 1; }

out=$("$ROOT/scripts/check-cluster-tables" "$ROOT") || fail "the tree breaks the table classes:
$out"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
copy() { rm -rf "$tmp/db" && mkdir -p "$tmp/db" && cp "$ROOT"/db/owners.txt "$ROOT"/db/cluster-tables.txt "$tmp/db/"; }
expect_failure() {	# expect_failure WHAT LINE
	out=$("$ROOT/scripts/check-cluster-tables" "$tmp") && fail "$1 passed the check"
	echo "$out" | grep -qF -- "$2" || fail "$1: expected \"$2\" in:
$out"
}

copy
echo "new_table               domain/audit" >> "$tmp/db/owners.txt"
expect_failure "a table without a class" \
	"FAIL: table new_table has no class in db/cluster-tables.txt"

copy
sed -i 's/^event  *node /event    regional /' "$tmp/db/cluster-tables.txt"
expect_failure "an unknown class" "FAIL: table event has class \"regional\""

copy
echo "gone_table              local    nobody owns it" >> "$tmp/db/cluster-tables.txt"
expect_failure "a class without an owner" \
	"FAIL: table gone_table has a class in db/cluster-tables.txt but no owner"

echo "ok: every table has its replication class, and the check fails on each deliberate violation"
