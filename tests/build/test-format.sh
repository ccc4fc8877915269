#!/bin/sh
# Every C file of the project is in the style of .clang-format: a file that
# clang-format would change is named with the first lines of the change
# (`make format` applies it). Reads the tracked files, writes nothing.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
if ! command -v clang-format >/dev/null; then
	echo "test-format: clang-format is missing (make deps installs it)" >&2
	exit 1
fi
bad=0
for f in $(git ls-files 'lib/*.[ch]' 'domain/*.[ch]' 'cgi-bin/*.[ch]' \
	'tools/*.[ch]' 'tests/unit/*.[ch]' 'tests/fuzz/*.[ch]'); do
	if ! clang-format "$f" | cmp -s - "$f"; then
		echo "test-format: $f differs from .clang-format's style:" >&2
		clang-format "$f" | diff -u "$f" - | sed -n '3,12p' >&2
		bad=$((bad + 1))
	fi
done
if [ "$bad" -gt 0 ]; then
	echo "test-format: $bad file(s) to format: make format" >&2
	exit 1
fi
echo "test-format: every C file is formatted"
