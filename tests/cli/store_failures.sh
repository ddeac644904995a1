#!/usr/bin/env bash
# store_failures.sh - a damaged file, a non-database file and a database from
# a newer version are refused (exit 74, file unchanged); a read-only database
# (privileges dropped when root) and a full disk (a small tmpfs when root) give
# a plain sentence and exit 74, losing nothing already saved.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"
skipped=()

# expect_refused FILE WORDS DESCRIPTION: every command refuses FILE with
# exit 74 and WORDS in the sentence, and leaves it byte for byte the same.
expect_refused() {
	local file=$1 words=$2 what=$3 before after cmd
	before=$(sha256sum "$file")
	for cmd in "intake --answers $EX/01-proceed-chronic-tightness.json" "clients" "show 1" "check"; do
		# shellcheck disable=SC2086
		run "$MI" --db "$file" $cmd
		expect_rc 74 "$what: $cmd"
		expect_err_has "$words" "$what: $cmd"
	done
	after=$(sha256sum "$file")
	mi_test_count=$((mi_test_count + 1))
	[[ $before == "$after" ]] || fail "$what: the file was changed"
	mi_test_count=$((mi_test_count + 1))
	[[ ! -e "$file-wal" ]] || fail "$what: a -wal file was left beside it"
}

# A real database with pages to damage.
db="$T/damaged.db"
for i in $(seq 1 12); do
	"$MI" --db "$db" intake --answers "$EX/02-modify-blood-thinner.json" >/dev/null || fail "setup intake $i"
done
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
	INSERT INTO audit_log (at, who, action, table_name) SELECT 'x', 'test', 'filler', 'none' FROM n;"
size=$(stat -c %s "$db")
dd if=/dev/urandom of="$db" bs=4096 seek=$((size / 4096 / 2)) count=2 conv=notrunc status=none
expect_refused "$db" "is damaged" "damaged file"

printf 'name,phone\nAnna,555\n%.0s' $(seq 1 100) >"$T/notes.db"
expect_refused "$T/notes.db" "not a massage-intake database" "non-database file"

newer="$T/newer.db"
"$MI" --db "$newer" intake --answers "$EX/01-proceed-chronic-tightness.json" >/dev/null
sqlite3 "$newer" "PRAGMA user_version = 99"
expect_refused "$newer" "newer massage-intake" "newer user_version"

# Read-only: root ignores file modes, so drop to nobody for this part.
if [[ $(id -u) -eq 0 ]] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
	ro="$T/ro/intake.db"
	"$MI" --db "$ro" intake --answers "$EX/01-proceed-chronic-tightness.json" >/dev/null
	chmod 0755 "$T"
	chmod 0444 "$ro"
	chmod 0555 "$T/ro"
	before=$(sha256sum "$ro")
	as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all "$@"; }
	run as_nobody "$MI" --db "$ro" intake --answers "$EX/02-modify-blood-thinner.json"
	expect_rc 74 "read-only database"
	expect_err_has "is read-only" "read-only database"
	mi_test_count=$((mi_test_count + 1))
	[[ $(grep -c . <<<"$err") -eq 1 ]] || fail "read-only: expected one sentence, got: $err"
	# Reading works; each write says "read-only" plainly.
	for cmd in check clients "show 1" "history 1"; do
		# shellcheck disable=SC2086
		run as_nobody "$MI" --db "$ro" $cmd
		expect_rc 0 "read-only database: $cmd"
	done
	run as_nobody "$MI" --db "$ro" note 1 --response "eased"
	expect_rc 74 "read-only database: note"
	expect_err_has "is read-only" "read-only database: note"
	mi_test_count=$((mi_test_count + 1))
	[[ $before == "$(sha256sum "$ro")" ]] || fail "read-only: the file changed"
	chmod 0755 "$T/ro"
	chmod 0600 "$ro"
	chmod 0700 "$T"
else
	skipped+=("read-only: not root (or no setpriv/nobody), so file modes cannot be tested")
fi

# Read-only media: a file system mounted read-only, where SQLite cannot
# make the -shm file it needs for a WAL database.
media="$T/media"
mkdir -p "$media"
if [[ $(id -u) -eq 0 ]] && mount -t tmpfs -o size=4m,mode=0700 tmpfs "$media" 2>"$T/mount-err"; then
	mi_cleanup_hooks+=("umount '$media' 2>/dev/null")
	mdb="$media/intake.db"
	"$MI" --db "$mdb" intake --answers "$EX/01-proceed-chronic-tightness.json" >/dev/null
	mount -o remount,ro "$media"
	before=$(sha256sum "$mdb")
	for cmd in check clients "show 1" "history 1" audit "aftercare 1"; do
		# shellcheck disable=SC2086
		run "$MI" --db "$mdb" $cmd
		expect_rc 0 "read-only media: $cmd"
	done
	run "$MI" --db "$mdb" check
	expect_out_has "integrity: ok" "read-only media: check reports"
	run "$MI" --db "$mdb" clients
	expect_out_has "Maya Ortiz" "read-only media: clients lists"
	run "$MI" --db "$mdb" show 1
	expect_err_has "not recorded in the audit log" "read-only media: show warns that the view was not logged"
	for cmd in "intake --answers $EX/02-modify-blood-thinner.json" "note 1 --response eased" "backup $T/media-copy.db"; do
		# shellcheck disable=SC2086
		run "$MI" --db "$mdb" $cmd
		expect_rc 74 "read-only media: $cmd"
		expect_err_has "is read-only" "read-only media: $cmd"
		mi_test_count=$((mi_test_count + 1))
		[[ $(grep -c . <<<"$err") -eq 1 ]] || fail "read-only media: $cmd: expected one sentence, got: $err"
	done
	mi_test_count=$((mi_test_count + 1))
	[[ $before == "$(sha256sum "$mdb")" && ! -e "$T/media-copy.db" ]] || fail "read-only media: something was written"
	run "$MI" --db "$media/new.db" intake --answers "$EX/01-proceed-chronic-tightness.json"
	expect_rc 74 "read-only media: a new database"
	expect_err_has "read-only" "read-only media: a new database"
	# The last changes still in the -wal (a program was killed): read with
	# the -shm beside it; without it, a sentence that says what to do.
	mount -o remount,rw "$media"
	leave_wal "$mdb" "INSERT INTO clients (name, name_key, created) VALUES ('Wal Only', 'wal only', 'x');"
	mount -o remount,ro "$media"
	mi_test_count=$((mi_test_count + 1))
	[[ -s "$mdb-wal" && -e "$mdb-shm" ]] || fail "setup: no -wal and -shm on the media"
	run "$MI" --db "$mdb" clients
	expect_rc 0 "read-only media with a -wal and -shm"
	expect_out_has "Wal Only" "read-only media: the changes in the -wal are read"
	mount -o remount,rw "$media"
	rm -f "$mdb-shm"
	mount -o remount,ro "$media"
	run "$MI" --db "$mdb" clients
	expect_rc 74 "read-only media with a -wal and no -shm"
	expect_err_has "read-only" "read-only media with a -wal and no -shm"
	expect_err_has "-wal" "read-only media with a -wal and no -shm"
	umount "$media"
else
	skipped+=("read-only media: needs root to mount a file system read-only ($(cat "$T/mount-err" 2>/dev/null))")
fi

# A folder of the database path is a symbolic link: refused with the real
# path named, and nothing created behind the link.
mkdir -p "$T/real-folder"
ln -s "$T/real-folder" "$T/linked-folder"
for path in "$T/linked-folder/intake.db" "$T/linked-folder/sub/intake.db"; do
	run "$MI" --db "$path" intake --answers "$EX/01-proceed-chronic-tightness.json"
	expect_rc 74 "a linked folder: $path"
	expect_err_has "goes through the symbolic link $T/linked-folder" "a linked folder: $path"
	expect_err_has "give the real path instead: $T/real-folder/" "a linked folder: $path"
	mi_test_count=$((mi_test_count + 1))
	[[ -z $(ls -A "$T/real-folder") ]] || fail "a linked folder: $path left $(ls -A "$T/real-folder")"
done

# Disk full: a real small filesystem (ulimit -f gives a different error).
full="$T/full"
mkdir -p "$full"
if [[ $(id -u) -eq 0 ]] && mount -t tmpfs -o size=700k,mode=0700 tmpfs "$full" 2>"$T/mount-err"; then
	mi_cleanup_hooks+=("umount '$full' 2>/dev/null")
	fdb="$full/intake.db"
	: >"$T/full-acked"
	last_rc=0
	for i in $(seq 1 400); do
		"$MI" --db "$fdb" intake --answers "$EX/03-refer-radicular-weakness.json" >>"$T/full-acked" 2>"$T/full-err"
		last_rc=$?
		[[ $last_rc -eq 0 ]] || break
		# Once the database is made, a file takes all but 128 KiB of the
		# space left: a few more intakes fill the disk, not hundreds.
		if ((i == 2)); then
			free=$(df --output=avail -B1 "$full" | tail -n 1)
			((free > 131072)) && head -c $((free - 131072)) /dev/zero >"$full/filler"
		fi
	done
	err=$(cat "$T/full-err")
	rc=$last_rc
	expect_rc 74 "disk full"
	expect_err_has "disk is full" "disk full"
	acked=$(grep -cE '^[0-9]+$' "$T/full-acked")
	stored=$(sqlite3 "$fdb" "SELECT count(*) FROM visits WHERE state = 'complete'")
	mi_test_count=$((mi_test_count + 1))
	[[ $acked -gt 0 && $stored -ge $acked ]] || fail "disk full: $stored stored of $acked acknowledged"
	# Reads still work on the full disk.
	run "$MI" --db "$fdb" history 1
	expect_rc 0 "reading a database on a full disk"
	echo "disk full after $acked intakes; all $acked kept"
else
	skipped+=("disk full: needs root to mount a small tmpfs ($(id -un); $(cat "$T/mount-err" 2>/dev/null))")
fi

for s in "${skipped[@]}"; do echo "skipped: $s"; done
finish
