#!/usr/bin/env bash
# store_backup.sh - `backup` never writes over the database (the file, its
# -wal or -shm, through another path, a hard link or a linked folder), never
# replaces anything but a regular file (a pipe, a device, a folder, a link),
# and a backup killed with kill -9 leaves no copy behind for good: the next
# backup removes it, but never the copy of a backup still running.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"
db="$T/data/intake.db"
for i in 1 2 3; do
	"$MI" --db "$db" intake --answers "$EX/01-proceed-chronic-tightness.json" >/dev/null || fail "setup intake $i"
done
visits() { sqlite3 "$1" "SELECT count(*) FROM visits" 2>&1; }

# expect_target_refused TARGET WORDS DESCRIPTION: refused with exit 73, the
# database unchanged and still whole.
expect_target_refused() {
	local before
	before=$(visits "$db")
	run "$MI" --db "$db" backup "$1"
	expect_rc 73 "$3"
	expect_err_has "$2" "$3"
	expect_out_lacks "backup written" "$3"
	mi_test_count=$((mi_test_count + 1))
	[[ $(visits "$db") == "$before" ]] || fail "$3: the database now has $(visits "$db") visits, had $before"
	run "$MI" --db "$db" check
	expect_rc 0 "$3: check afterwards"
}

# The database itself, by every way of naming it.
expect_target_refused "$db" "is the database itself" "backup onto the database"
expect_target_refused "$T/data/./intake.db" "is the database itself" "backup onto the database by another path"
expect_target_refused "$T/data/../data/intake.db" "is the database itself" "backup onto the database through .."
ln "$db" "$T/hard-link.db"
expect_target_refused "$T/hard-link.db" "is the database itself" "backup onto a hard link of the database"
ln -s "$T/data" "$T/linked-folder"
expect_target_refused "$T/linked-folder/intake.db" "is the database itself" "backup onto the database through a linked folder"
expect_target_refused "$db-wal" "is the database itself" "backup onto the -wal"
expect_target_refused "$db-shm" "is the database itself" "backup onto the -shm"
pushd "$T/data" >/dev/null || exit 1
run "$MI" --db intake.db backup ./intake.db-wal
expect_rc 73 "backup onto the -wal by a relative name"
popd >/dev/null || exit 1

# Anything but a regular file or a new name.
mkfifo "$T/pipe"
expect_target_refused "$T/pipe" "is a pipe" "backup onto a pipe"
mi_test_count=$((mi_test_count + 1))
[[ -p "$T/pipe" ]] || fail "the pipe was replaced"
# A device node of its own (never /dev/null: a backup that replaced it would
# break the machine); making one needs root.
if mknod "$T/null" c 1 3 2>/dev/null; then
	expect_target_refused "$T/null" "is a device" "backup onto a device"
	mi_test_count=$((mi_test_count + 1))
	[[ -c "$T/null" ]] || fail "the device was replaced"
else
	echo "skipped: backup onto a device needs root to make a device node"
fi
mkdir "$T/folder"
expect_target_refused "$T/folder" "is a folder" "backup onto a folder"
ln -s "$T/elsewhere.db" "$T/link.db"
expect_target_refused "$T/link.db" "is a symbolic link" "backup onto a link"
mi_test_count=$((mi_test_count + 1))
[[ ! -e "$T/elsewhere.db" ]] || fail "the backup followed the link"

# A new name and an existing backup are fine.
run "$MI" --db "$db" backup "$T/b.db"
expect_rc 0 "backup to a new name"
run "$MI" --db "$db" backup "$T/b.db"
expect_rc 0 "backup over an earlier backup"
mi_test_count=$((mi_test_count + 1))
[[ $(visits "$T/b.db") == 3 ]] || fail "the backup holds $(visits "$T/b.db") visits"

# kill -9 during a backup of a large database leaves its copy; the next
# backup into that folder removes it.
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000)
	INSERT INTO audit_log (at, who, action, table_name) SELECT printf('%064d', i), 'test', 'filler', 'none' FROM n;"
mkdir "$T/backups"
killed=0
for try in 1 2 3 4 5; do
	"$MI" --db "$db" backup "$T/backups/big.db" >/dev/null 2>&1 &
	pid=$!
	for _ in $(seq 1 500); do
		left=$(find "$T/backups" -name '.massage-intake-backup.*' -size +200k 2>/dev/null | head -1)
		[[ -n $left ]] && break
		sleep 0.01
	done
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [[ -n $left && -e $left ]]; then
		killed=1
		break
	fi
	rm -f "$T/backups"/*
done
mi_test_count=$((mi_test_count + 1))
[[ $killed -eq 1 ]] || fail "could not kill a backup while it was copying"
[[ -n $left ]] && echo "killed a backup with $(stat -c %s "$left") bytes copied"
# A copy that a running backup still holds is left alone.
held="$T/backups/.massage-intake-backup.HELD01"
: >"$held"
flock "$held" sleep 8 >/dev/null 2>&1 &
holder=$!
sleep 0.2
run "$MI" --db "$db" backup "$T/backups/small.db"
expect_rc 0 "the next backup"
mi_test_count=$((mi_test_count + 1))
[[ ! -e $left ]] || fail "the copy of the killed backup is still there: $(ls -la "$T/backups")"
mi_test_count=$((mi_test_count + 1))
[[ -z $(find "$T/backups" -name '.massage-intake-backup.*' ! -name '*HELD01') ]] ||
	fail "temporary files were left: $(ls -la "$T/backups")"
mi_test_count=$((mi_test_count + 1))
[[ -e $held ]] || fail "the copy of a backup still running was removed"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

finish
