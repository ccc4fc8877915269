#!/bin/bash
# test-standalone.sh: the tests stand on their own. A user's clone has no
# ../shared, so no test may read from it (fixtures are copied into
# tests/fixtures/), and no test names a path of one particular machine.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
hits=$(grep -rnE '\.\./shared|/work/|/shared/xml-attacks' "$ROOT/tests" "$ROOT/scripts" "$ROOT/Makefile" \
	--include='*.py' --include='*.sh' --include='*.mjs' --include='*.c' --include='Makefile' \
	--exclude-dir=node_modules --exclude='test-standalone.sh' 2>/dev/null)
if [ -n "$hits" ]; then
	echo "FAIL: tests reach outside the project:"
	echo "$hits"
	exit 1
fi
[ -s "$ROOT/tests/fixtures/xml-attacks/billion-laughs.xml" ] || { echo "FAIL: tests/fixtures/xml-attacks is missing"; exit 1; }
echo "ok: the tests read only the project's own files"
