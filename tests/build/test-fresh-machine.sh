#!/bin/bash
# test-fresh-machine.sh: the first `make` on a machine without the build
# packages must work. Reproduces such a machine: mariadb_config, xml2-config
# and pkg-config answer nothing until a stand-in for scripts/deps has run
# (it "installs" them by creating a marker), then make must compile a file
# that includes <mysql.h>, libxml2, xmlsec and cmark headers and report the real
# linker flags. Builds into a temp dir: the tree stays unchanged.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin"
for tool in mariadb_config xml2-config pkg-config; do
	real=$(command -v "$tool") || { echo "FAIL: $tool is not installed here"; exit 1; }
	cat > "$tmp/bin/$tool" <<SHIM
#!/bin/sh
[ -e "$tmp/installed" ] || { echo "$tool: not installed yet" >&2; exit 127; }
exec "$real" "\$@"
SHIM
	chmod +x "$tmp/bin/$tool"
done
printf '#!/bin/sh\ntouch "%s/installed"\n' "$tmp" > "$tmp/deps"
chmod +x "$tmp/deps"
export PATH="$tmp/bin:$PATH"

fail() { echo "FAIL: $*"; exit 1; }
# The stand-in machine really lacks the tools before deps.
mariadb_config --cflags >/dev/null 2>&1 && fail "the shim answers before deps ran"

mk() { make -s -C "$ROOT" DEPS="$tmp/deps" BUILD="$tmp/build" "$@"; }
out=$(mk "$tmp/build/lib/db.o" "$tmp/build/cgi-bin/puesc/wsse.o" "$tmp/build/lib/help.o" 2>&1) ||
	fail "first compile on a fresh machine: $out"
[ -s "$tmp/build/lib/db.o" ] && [ -s "$tmp/build/cgi-bin/puesc/wsse.o" ] && [ -s "$tmp/build/lib/help.o" ] || fail "no objects built"

rm -f "$tmp/installed"
out=$(mk flags 2>&1) || fail "make flags: $out"
echo "$out" | grep -q -- '-lmariadb' || fail "no MariaDB linker flags after deps: $out"
echo "$out" | grep -q -- '-lxml2' || fail "no libxml2 linker flags after deps: $out"
echo "$out" | grep -q -- '-lxmlsec1' || fail "no xmlsec linker flags after deps: $out"
echo "$out" | grep -q -- '-lcmark' || fail "no libcmark linker flags after deps: $out"
echo "ok: the first make on a fresh machine runs deps before asking for the flags"
