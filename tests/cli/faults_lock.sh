#!/usr/bin/env bash
# faults_lock.sh - another program holds the database's write lock longer
# than the 5-second wait: a save gives one clear sentence and exit 75,
# stores nothing and leaves the answers file as it was; a view still shows
# the record (with a warning that it could not be logged); once the lock
# is released the same commands succeed and nothing is lost.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples/02-modify-blood-thinner.json"
hold=${MI_LOCK_SECONDS:-8}

run "$MI" intake --answers "$EX"
expect_rc 0 "first intake"
cp "$EX" "$T/answers.json"
sum_before=$(sha256sum <"$T/answers.json")
visits_before=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM visits")
audit_before=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM audit_log")

# The holder: a write transaction kept open for $hold seconds. It touches
# a file once it has the lock.
(
	echo "BEGIN IMMEDIATE;"
	echo ".system touch '$T/locked'"
	sleep "$hold"
	echo "ROLLBACK;"
) | sqlite3 "$MASSAGE_INTAKE_DB" &
holder=$!
for _ in $(seq 1 100); do [[ -e "$T/locked" ]] && break; sleep 0.05; done
mi_test_count=$((mi_test_count + 1))
[[ -e "$T/locked" ]] || fail "the lock holder did not start"

# Both wait for the lock at the same time, so the test waits 5 s once.
start=$(date +%s)
"$MI" intake --answers "$T/answers.json" >"$T/intake-out" 2>"$T/intake-err" &
intake=$!
"$MI" note 1 --pressure medium --response "asleep by the end" >"$T/note-out" 2>"$T/note-err" &
note=$!
run "$MI" show 1
wait "$intake"
intake_rc=$?
wait "$note"
note_rc=$?
waited=$(($(date +%s) - start))

expect_rc 0 "show while locked"
expect_out_has "Walter Brandt" "show while locked"
expect_err_has "warning: this view was not recorded in the audit log: the database is busy" "show while locked"

rc=$intake_rc err=$(cat "$T/intake-err")
expect_rc 75 "intake while locked"
expect_err_has "massage-intake: the database is busy" "intake while locked"
expect_err_has "try again" "intake while locked"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -c . <<<"$err") -eq 1 ]] || fail "intake while locked: not one sentence: $err"
mi_test_count=$((mi_test_count + 1))
[[ ! -s "$T/intake-out" ]] || fail "intake while locked printed an id: $(cat "$T/intake-out")"
rc=$note_rc err=$(cat "$T/note-err")
expect_rc 75 "note while locked"
expect_err_has "the database is busy" "note while locked"
mi_test_count=$((mi_test_count + 1))
[[ $waited -ge 4 && $waited -lt $hold ]] || fail "waited $waited s for the lock (expected about 5)"
mi_test_count=$((mi_test_count + 1))
[[ $(sha256sum <"$T/answers.json") == "$sum_before" ]] || fail "the answers file changed"

wait "$holder"
mi_test_count=$((mi_test_count + 1))
[[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM visits") -eq $visits_before &&
	$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM audit_log") -eq $audit_before ]] ||
	fail "something was written while the lock was held"

# Retry once the lock is gone: both succeed, and everything is there.
run "$MI" intake --answers "$T/answers.json"
expect_rc 0 "intake retried"
retried=$out
run "$MI" note 1 --pressure medium --response "asleep by the end"
expect_rc 0 "note retried"
run "$MI" show 1 --json
expect_rc 0 "show after the retry"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.session_notes.pressure + "|" + .session_notes.response' <<<"$out") == "medium|asleep by the end" ]] ||
	fail "the retried note is not stored: $(jq -c .session_notes <<<"$out")"
run "$MI" show "$retried"
expect_rc 0 "the retried intake is stored"
mi_test_count=$((mi_test_count + 1))
[[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM visits WHERE state = 'complete'") -eq 2 ]] ||
	fail "expected the first and the retried visit"
run "$MI" check
expect_rc 0 "check after the lock"
echo "lock held $hold s: saves refused after ${waited} s with exit 75, retried and stored"

finish
