#!/usr/bin/env bash
# faults_migrate_kill9.sh - a version-1 database (tests/fixtures/db/v1.sql,
# grown to many visits so that its migration takes a while) is opened and
# the program is killed with kill -9 at moments spread over the migration.
# After every kill the file is still at version 1 with every row, or fully
# at the current version with every row; the next open migrates it, losing
# nothing.
# The exact failure of each step is forced in tests/unit/test_store_faults.c.
source "$(dirname "$0")/../lib/common.sh"
rows=${MI_MIGRATE_ROWS:-100000}
trials=${MI_MIGRATE_TRIALS:-8}

v1="$T/v1.db"
sqlite3 "$v1" <"$MI_FIXTURES/db/v1.sql" || fail "loading the version-1 fixture"
sqlite3 "$v1" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
	INSERT INTO visits (client_id, date, state, answers, outcome, rules_version, created, updated, who)
	SELECT 1, '2026-10-01', 'complete', (SELECT answers FROM visits WHERE id = 1), 'modify',
	'2026.10-1 (00000000)', '2026-10-01T09:00:00Z', '2026-10-01T09:00:00Z', 'cli' FROM n;" ||
	fail "growing the fixture"
visits=$((rows + 2))
current=3 # MI_STORE_SCHEMA_VERSION

# counts FILE: the rows of every version-1 table, one line.
counts() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM clients), (SELECT count(*) FROM visits),
		(SELECT count(*) FROM visits WHERE state = 'complete'), (SELECT count(*) FROM visit_flags),
		(SELECT count(*) FROM visit_goals), (SELECT count(*) FROM session_notes),
		(SELECT count(*) FROM session_areas), (SELECT count(*) FROM aftercare_notes),
		(SELECT count(*) FROM draft_answers)"
}
expected_counts=$(counts "$v1")
mi_test_count=$((mi_test_count + 1))
[[ $expected_counts == "1|$visits|$((rows + 1))|1|1|1|1|1|1" ]] || fail "fixture counts: $expected_counts"

# How long one whole migration takes here, in milliseconds.
cp "$v1" "$T/timing.db"
start=$(date +%s%N)
"$MI" --db "$T/timing.db" check >/dev/null || fail "an uninterrupted migration failed"
full_ms=$((($(date +%s%N) - start) / 1000000))
# The version this program migrates to (all steps run in one transaction).
current=$(sqlite3 "$T/timing.db" "PRAGMA user_version")

# Each trial kills at a moment between low and high (ms); a kill that finds
# the migration done lowers high, one that finds nothing written yet raises
# low, so the kills close in on the moments the migration is writing.
low=0 high=$full_ms
mid_write=0 before=0 after=0 damaged=0
for trial in $(seq 1 "$trials"); do
	db="$T/trial.db"
	rm -f "$db" "$db-wal" "$db-shm"
	cp "$v1" "$db"
	at=$((low + (high - low) * (RANDOM % 60 + 20) / 100))
	"$MI" --db "$db" check >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((at / 1000)) $((at % 1000)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	# Look at a copy as any SQLite reader would see it after the crash,
	# leaving the killed files for the program's next open.
	wal_size=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
	rm -f "$T/look.db" "$T/look.db-wal" "$T/look.db-shm"
	cp "$db" "$T/look.db"
	[[ -e "$db-wal" ]] && cp "$db-wal" "$T/look.db-wal"
	version=$(sqlite3 "$T/look.db" "PRAGMA user_version")
	has_source=$(sqlite3 "$T/look.db" "SELECT count(*) FROM pragma_table_info('visits') WHERE name = 'source'")
	got=$(counts "$T/look.db")
	mi_test_count=$((mi_test_count + 1))
	if [[ $got != "$expected_counts" ]]; then
		fail "trial $trial (kill at $at ms): rows after the kill: $got"
		damaged=$((damaged + 1))
	fi
	mi_test_count=$((mi_test_count + 1))
	if [[ $version == 1 ]]; then
		[[ $has_source == 0 ]] || fail "trial $trial: version 1 with a version-2 column"
		if [[ $wal_size -gt 0 ]]; then
			mid_write=$((mid_write + 1))
		else
			before=$((before + 1))
		fi
		low=$at
	elif [[ $version == "$current" ]]; then
		[[ $has_source == 1 ]] || fail "trial $trial: version $current without its columns"
		after=$((after + 1))
		high=$at
	else
		fail "trial $trial: schema version '$version' after the kill"
	fi
	# The next open finishes the job.
	run "$MI" --db "$db" check
	expect_rc 0 "trial $trial: the open after the kill"
	expect_out_has "integrity: ok" "trial $trial: the open after the kill"
	mi_test_count=$((mi_test_count + 1))
	if [[ $(sqlite3 "$db" "PRAGMA user_version") != "$current" || $(counts "$db") != "$expected_counts" ]]; then
		fail "trial $trial: after the next open: version $(sqlite3 "$db" "PRAGMA user_version"), rows $(counts "$db")"
		damaged=$((damaged + 1))
	fi
	mi_test_count=$((mi_test_count + 1))
	[[ $(sqlite3 "$db" "SELECT count(*) FROM visits WHERE pain = 6") == $((rows + 1)) ]] ||
		fail "trial $trial: the pain column was not filled for every completed visit"
done
run "$MI" --db "$db" show 1
expect_rc 0 "show after the trials"
expect_out_has "Ana O'Neil" "show after the trials"
# Unless the machine is wildly uneven, some kill lands while the migration
# is writing; without one this test would prove nothing.
mi_test_count=$((mi_test_count + 1))
[[ $mid_write -gt 0 ]] || fail "no kill landed while the migration was writing (migration $full_ms ms)"
echo "migration of $visits visits to version $current: $full_ms ms; $trials kills: $mid_write mid-write, $before before writing, $after after commit; trials with rows lost: $damaged"

finish
