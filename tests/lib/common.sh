# common.sh - helpers for the shell tests in tests/cli and tests/e2e.
# Source it first thing: it makes a private temporary HOME and database
# folder, fixes TZ, locale and "today", and cleans up on exit.
#   $MI           the built binary (set by CTest)
#   $MI_FIXTURES  tests/fixtures
#   $T            a fresh temporary folder, removed at exit
set -uo pipefail

: "${MI:?MI must point at the built massage-intake binary}"
: "${MI_FIXTURES:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../fixtures" && pwd)}"

T=$(mktemp -d "${TMPDIR:-/tmp}/mi-test.XXXXXX")
export HOME="$T/home" XDG_DATA_HOME="$T/home/.local/share" XDG_CONFIG_HOME="$T/home/.config"
export MASSAGE_INTAKE_DB="$T/intake.db"
export MASSAGE_INTAKE_TODAY=${MASSAGE_INTAKE_TODAY:-2026-11-23}
export TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR LANGUAGE
mkdir -p "$HOME"

mi_test_failures=0
mi_test_count=0
mi_cleanup_hooks=()
mi_cleanup() {
	local hook
	for hook in "${mi_cleanup_hooks[@]}"; do eval "$hook"; done
	rm -rf "$T"
}
trap mi_cleanup EXIT

# fail MESSAGE: records a failure and carries on.
fail() {
	echo "FAIL: $*" >&2
	mi_test_failures=$((mi_test_failures + 1))
}

# run CMD...: runs a command, keeping its stdout in $out, stderr in $err
# and exit status in $rc.
run() {
	out=$("$@" 2>"$T/.stderr")
	rc=$?
	err=$(cat "$T/.stderr")
}

# expect_rc N DESCRIPTION: checks the last run's exit status.
expect_rc() {
	mi_test_count=$((mi_test_count + 1))
	[[ $rc -eq $1 ]] || fail "$2: exit $rc, expected $1 (stderr: $err)"
}

# expect_out_has TEXT DESCRIPTION / expect_err_has TEXT DESCRIPTION
expect_out_has() {
	mi_test_count=$((mi_test_count + 1))
	grep -qF -- "$1" <<<"$out" || fail "$2: stdout lacks '$1' (stdout: $out)"
}
expect_err_has() {
	mi_test_count=$((mi_test_count + 1))
	grep -qF -- "$1" <<<"$err" || fail "$2: stderr lacks '$1' (stderr: $err)"
}
expect_out_lacks() {
	mi_test_count=$((mi_test_count + 1))
	! grep -qF -- "$1" <<<"$out" || fail "$2: stdout has '$1' (stdout: $out)"
}

# hold_open DB SQL: an sqlite3 process ($holder) runs SQL on DB (waiting
# until it has) and keeps the database open, and whatever transaction SQL
# began, until release [SQL] runs SQL there and lets it go: its
# connection closes, rolling back what was not committed.
hold_open() {
	rm -f "$T/.sql-in" "$T/.sql-ran"
	mkfifo "$T/.sql-in"
	sqlite3 "$1" <"$T/.sql-in" >/dev/null 2>&1 &
	holder=$!
	mi_cleanup_hooks+=("kill $holder 2>/dev/null")
	exec 7>"$T/.sql-in"
	printf '%s\n.system touch %s\n' "$2" "'$T/.sql-ran'" >&7
	local _
	for _ in $(seq 1 200); do
		[[ -e "$T/.sql-ran" ]] && return 0
		sleep 0.05
	done
	fail "sqlite3 did not run: $2"
}
release() {
	(($#)) && printf '%s\n' "$1" >&7
	exec 7>&-
	wait "$holder" 2>/dev/null
	rm -f "$T/.sql-in" "$T/.sql-ran"
}

# leave_wal DB SQL: runs SQL on DB in a program that is then killed with
# kill -9 before any checkpoint, so the change is only in DB-wal (with its
# -shm beside it), as after a crash.
leave_wal() {
	hold_open "$1" "PRAGMA wal_autocheckpoint=0; $2"
	local _
	for _ in $(seq 1 100); do
		[[ -s "$1-wal" ]] && break
		sleep 0.05
	done
	sleep 0.2
	kill -9 "$holder"
	release
}

# last_entry: the newest audit entry as "ACTION TABLE RECORD" (straight
# from the database file, with sqlite3).
last_entry() {
	sqlite3 "$MASSAGE_INTAKE_DB" \
		"SELECT action || ' ' || table_name || ' ' || ifnull(record_id, '-') FROM audit_log ORDER BY id DESC LIMIT 1"
}

# expect_logged "ACTION TABLE RECORD" DESCRIPTION: the last command left
# exactly that entry as the newest one.
expect_logged() {
	mi_test_count=$((mi_test_count + 1))
	local got
	got=$(last_entry)
	[[ $got == "$1" ]] || fail "$2: newest audit entry is '$got', expected '$1'"
}

# finish: prints the summary line and exits non-zero on any failure.
finish() {
	echo "$((mi_test_count - mi_test_failures)) passed, $mi_test_failures failed"
	[[ $mi_test_failures -eq 0 ]]
}
