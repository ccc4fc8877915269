# lib.sh: shell functions scripts/stack and scripts/cluster share (sourced).
# ME names the script in messages; LOGDIR is where to look when a process
# does not come up.

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for() {	# wait_for SECONDS WHAT COMMAND...
	local t=$(( $1 * 10 )) what=$2; shift 2
	while ! "$@" >/dev/null 2>&1; do
		t=$((t - 1))
		if [ $t -le 0 ]; then
			echo "$ME: $what did not come up; see $LOGDIR/" >&2
			return 1
		fi
		sleep 0.1
	done
}

stop_pid() {	# stop_pid PIDFILE SECONDS
	local f=$1 t=$(( $2 * 10 )) pid
	[ -f "$f" ] || return 0
	pid=$(cat "$f")
	if kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		while kill -0 "$pid" 2>/dev/null && [ $t -gt 0 ]; do
			sleep 0.1; t=$((t - 1))
		done
		kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -f "$f"
}

# Database accounts: one per grants file. A program's account may land
# before the program (db/grants/report.sql before cgi-bin/report/).
accounts() {
	for f in "$ROOT"/db/grants/*.sql; do
		basename "$f" .sql
	done
}

secrets() {
	local f=$VAR/etc/secrets.hdf
	[ -f "$f" ] && return 0
	umask 077
	{
		echo "# secrets.hdf: generated once per stack; never commit."
		echo "Secrets.Csrf = $(openssl rand -hex 32)"
		for p in $(accounts); do
			echo "Db.Password.$p = $(openssl rand -hex 24)"
		done
	} > "$f"
	umask 022
}

# A program added after the stack's first start needs a password too.
secrets_add_missing() {
	local f=$VAR/etc/secrets.hdf
	for p in $(accounts); do
		grep -q "^Db.Password.$p " "$f" ||
			echo "Db.Password.$p = $(openssl rand -hex 24)" >> "$f"
	done
}
