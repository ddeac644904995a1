#!/usr/bin/env bash
# store_restore.sh - `restore FILE` puts a checked backup in place of the
# database and keeps the old one (with the changes still in its -wal) under
# a dated name; a stale -wal beside a missing database is moved aside, not
# read into the restored file; a bad backup, the database itself, another
# program's file and a database in use are refused with nothing changed;
# with writers running, every acknowledged intake is in the restored
# database or in the kept one.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"
db="$T/data/intake.db"
export MASSAGE_INTAKE_DB="$db"

intake() { # intake NAME: stores one intake for NAME, prints the visit id
	sed "s/\"Maya Ortiz\", \"birth_date\"/\"$1\", \"birth_date\"/" "$EX/01-proceed-chronic-tightness.json" >"$T/a.json"
	"$MI" intake --answers "$T/a.json"
}
count() { sqlite3 "$1" "SELECT count(*) FROM visits" 2>&1; }
has_client() { [[ $(sqlite3 "$1" "SELECT count(*) FROM clients WHERE name = '$2'" 2>/dev/null) -gt 0 ]]; }
kept_files() { find "$T/data" -name 'intake.db.before-restore-*' ! -name '*-wal' | sort; }

for n in A B C; do intake "Client $n" >/dev/null; done
"$MI" backup "$T/three.db" >/dev/null || fail "backup"
intake "Client D" >/dev/null

# The plain case.
run "$MI" restore "$T/three.db"
expect_rc 0 "restore"
expect_out_has "restored the database $db from $T/three.db" "restore says what it did"
expect_out_has "the database it replaced was kept as $db.before-restore-" "restore names the kept copy"
mi_test_count=$((mi_test_count + 1))
[[ $(count "$db") == 3 ]] || fail "the restored database has $(count "$db") visits, expected 3"
kept=$(kept_files)
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c . <<<"$kept") -eq 1 && $(count "$kept") == 4 ]] || fail "the kept copy ($kept) does not hold the 4 visits"
mi_test_count=$((mi_test_count + 1))
[[ $(stat -c %a "$db") == 600 ]] || fail "the restored database is mode $(stat -c %a "$db")"
run "$MI" check
expect_rc 0 "check after restore"
run "$MI" audit --limit 1
expect_out_has "restore" "the restore is in the audit log"
run "$MI" --db "$kept" check
expect_rc 0 "the kept copy checks out"
rm -f "$T"/data/intake.db.before-restore-*

# The old database's last changes, still in its -wal, stay with the kept copy.
leave_wal "$db" "INSERT INTO clients (name, name_key, created) VALUES ('Only In Wal', 'only in wal', 'x');"
mi_test_count=$((mi_test_count + 1))
[[ -s "$db-wal" ]] && has_client "$db" "Only In Wal" || fail "setup: the change is not in the -wal"
run "$MI" restore "$T/three.db"
expect_rc 0 "restore over a database with changes in its -wal"
kept=$(kept_files)
mi_test_count=$((mi_test_count + 1))
has_client "$kept" "Only In Wal" || fail "the kept copy lost the changes that were in the -wal"
mi_test_count=$((mi_test_count + 1))
! has_client "$db" "Only In Wal" || fail "the restored database holds the old -wal's changes"
run "$MI" check
expect_rc 0 "check after restoring over a -wal"
rm -f "$T"/data/intake.db.before-restore-*

# A stale -wal (and -shm) beside a database that is gone: restoring must not
# read it into the new file.
leave_wal "$db" "INSERT INTO clients (name, name_key, created) VALUES ('Stale Wal', 'stale wal', 'x');"
rm -f "$db"
mi_test_count=$((mi_test_count + 1))
[[ -s "$db-wal" && -e "$db-shm" ]] || fail "setup: no stale -wal and -shm"
run "$MI" restore "$T/three.db"
expect_rc 0 "restore beside a stale -wal"
expect_out_has "leftover -wal" "restore says it moved the stale -wal aside"
mi_test_count=$((mi_test_count + 1))
! has_client "$db" "Stale Wal" || fail "the stale -wal was read into the restored database"
mi_test_count=$((mi_test_count + 1))
[[ $(count "$db") == 3 ]] || fail "the restored database has $(count "$db") visits"
run "$MI" check
expect_rc 0 "check after restoring beside a stale -wal"
rm -f "$T"/data/intake.db.before-restore-*

# Onto a machine with no database yet.
run "$MI" --db "$T/new/place/intake.db" restore "$T/three.db"
expect_rc 0 "restore where there is no database"
mi_test_count=$((mi_test_count + 1))
[[ $(count "$T/new/place/intake.db") == 3 && $(stat -c %a "$T/new/place") == 700 ]] ||
	fail "restore to a new place: $(count "$T/new/place/intake.db") visits, folder $(stat -c %a "$T/new/place")"

# expect_refused RC WORDS DESCRIPTION FILE: restore refuses FILE, nothing changes.
expect_refused() {
	local before
	before=$(sha256sum "$db")
	run "$MI" restore "$4"
	expect_rc "$1" "$3"
	expect_err_has "$2" "$3"
	mi_test_count=$((mi_test_count + 1))
	[[ $(sha256sum "$db") == "$before" && -z $(kept_files) ]] || fail "$3: something changed"
}
expect_refused 66 "cannot read the backup" "a missing backup" "$T/none.db"
printf 'name,phone\nAnna,555\n' >"$T/text.db"
expect_refused 65 "not a massage-intake backup" "a text file" "$T/text.db"
sqlite3 "$T/songs.db" "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');"
expect_refused 65 "not a massage-intake backup" "another program's database" "$T/songs.db"
cp "$T/three.db" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99"
expect_refused 65 "newer massage-intake" "a backup from a newer version" "$T/newer.db"
cp "$T/three.db" "$T/damaged.db"
sqlite3 "$T/damaged.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
	INSERT INTO audit_log (at, who, action, table_name) SELECT 'x', 'test', 'filler', 'none' FROM n;"
size=$(stat -c %s "$T/damaged.db")
dd if=/dev/urandom of="$T/damaged.db" bs=4096 seek=$((size / 4096 / 2)) count=2 conv=notrunc status=none
expect_refused 65 "is damaged" "a damaged backup" "$T/damaged.db"
expect_refused 64 "is the database itself" "the database itself" "$db"
ln "$db" "$T/hard.db"
expect_refused 64 "is the database itself" "a hard link of the database" "$T/hard.db"
rm -f "$T/hard.db"

# Another program's file where the database should be is not replaced.
run "$MI" --db "$T/songs.db" restore "$T/three.db"
expect_rc 74 "restore over another program's file"
expect_err_has "another program" "restore over another program's file"
mi_test_count=$((mi_test_count + 1))
[[ $(sqlite3 "$T/songs.db" "SELECT title FROM songs") == x ]] || fail "another program's file was replaced"

# A database that another program has open is not swapped under it.
hold_open "$db" "SELECT count(*) FROM visits;"
expect_refused 75 "is in use by another program" "a database in use" "$T/three.db"
release

# Writers running during the restore: every acknowledged intake ends up in
# the restored database or in the kept copy, and both check out.
writer() {
	local w=$1 i=0
	while [[ ! -e "$T/stop" ]]; do
		i=$((i + 1))
		sed "s/\"Maya Ortiz\", \"birth_date\"/\"Writer $w-$i\", \"birth_date\"/" \
			"$EX/01-proceed-chronic-tightness.json" >"$T/w$w.json"
		if "$MI" intake --answers "$T/w$w.json" >/dev/null 2>>"$T/w$w.err"; then
			echo "Writer $w-$i" >>"$T/acked"
		fi
		sleep 0.05
	done
}
: >"$T/acked"
rm -f "$T/stop"
writer 1 &
w1=$!
writer 2 &
w2=$!
sleep 1
restored=0
for try in 1 2 3 4 5; do
	run "$MI" restore "$T/three.db"
	if [[ $rc -eq 0 ]]; then
		restored=1
		break
	fi
	[[ $rc -eq 75 ]] || fail "restore with writers running: exit $rc ($err)"
done
sleep 1
touch "$T/stop"
wait "$w1" "$w2"
mi_test_count=$((mi_test_count + 1))
[[ $restored -eq 1 ]] || fail "restore never found the database free between writers"
kept=$(kept_files | tail -1)
lost=0
while read -r name; do
	has_client "$db" "$name" || has_client "$kept" "$name" || lost=$((lost + 1))
done <"$T/acked"
mi_test_count=$((mi_test_count + 1))
[[ $lost -eq 0 ]] || fail "$lost acknowledged intakes are in neither the restored database nor the kept copy"
run "$MI" check
expect_rc 0 "check after restoring with writers running"
run "$MI" --db "$kept" check
expect_rc 0 "the kept copy checks out after restoring with writers running"
echo "restore with 2 writers running: $(grep -c . "$T/acked") intakes acknowledged, $lost lost," \
	"$(cat "$T"/w*.err | grep -c .) refused"

finish
