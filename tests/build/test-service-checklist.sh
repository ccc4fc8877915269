#!/bin/bash
# test-service-checklist.sh: scripts/stack refuses to start a tree in which
# a program lacks a piece of the "How to add a service" checklist (nginx
# locations, database grants, the strings of both languages), naming each.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/t/scripts" "$tmp/t/cgi-bin/whole" "$tmp/t/cgi-bin/half" "$tmp/t/etc/nginx" \
	"$tmp/t/db/grants" "$tmp/t/templates/lang/pl" "$tmp/t/templates/lang/en"
cp "$ROOT/scripts/stack" "$ROOT/scripts/lib.sh" "$tmp/t/scripts/"
for f in cgi-bin/whole/main.c etc/nginx/whole.conf.in db/grants/whole.sql \
	templates/lang/pl/whole.hdf templates/lang/en/whole.hdf cgi-bin/half/main.c \
	templates/lang/pl/half.hdf; do
	: > "$tmp/t/$f"
done
out=$("$tmp/t/scripts/stack" start "$tmp/var" 2>&1) && fail "a half service started: $out"
for piece in etc/nginx/half.conf.in db/grants/half.sql templates/lang/en/half.hdf; do
	echo "$out" | grep -qF "stack: service half lacks $piece" || fail "not named: $piece in: $out"
done
echo "$out" | grep -q "service whole" && fail "the whole service was reported: $out"
# The project's own services are whole.
for d in "$ROOT"/cgi-bin/*/; do
	p=$(basename "$d")
	for f in "etc/nginx/$p.conf.in" "db/grants/$p.sql" "templates/lang/pl/$p.hdf" "templates/lang/en/$p.hdf"; do
		[ -f "$ROOT/$f" ] || fail "service $p lacks $f"
	done
done
echo "ok: a service missing a piece of the checklist is refused by name"
