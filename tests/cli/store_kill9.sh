#!/usr/bin/env bash
# store_kill9.sh - a loop of saves killed with kill -9 at random moments,
# many times: every acknowledged save is there and the file checks ok.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples/02-modify-blood-thinner.json"
trials=${MI_KILL9_TRIALS:-30}

saver() {
	# Each printed visit id is an acknowledged save.
	while true; do
		"$MI" intake --answers "$EX" >>"$T/acked" 2>>"$T/saver-err" || true
	done
}
: >"$T/acked"
# The database is made first: on a loaded machine the first intake of a
# trial may be killed before the file has any table, and the check
# below reads the saves, not the making of the file (store_first_open.sh).
"$MI" intake --answers "$EX" >>"$T/acked" || fail "the first intake failed"
lost_total=0
# Job control puts each saver loop in its own process group, so one
# kill -9 of the group stops the loop and its running intake at the same
# instant: no intake can start (and print an id) after the check below.
set -m
for trial in $(seq 1 "$trials"); do
	saver &
	pid=$!
	# 50-450 ms: kills land before, during and after commits.
	sleep "0.$((RANDOM % 400 + 50))"
	# Kill the loop and whatever intake it is running, mid-write or not.
	kill -9 -- "-$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	# The group is gone only once every member has died and let go of
	# its locks; reading before then could see "database is locked".
	while kill -0 -- "-$pid" 2>/dev/null; do sleep 0.01; done
	# A killed intake may have printed a partial line: only whole ids count.
	if ! stored=$(sqlite3 -cmd ".timeout 5000" "$MASSAGE_INTAKE_DB" \
		"SELECT id FROM visits WHERE state = 'complete'" 2>&1); then
		fail "trial $trial: cannot read the database: $stored"
		continue
	fi
	stored=$(sort <<<"$stored")
	acked=$(grep -E '^[0-9]+$' "$T/acked" | sort -u)
	lost=$(comm -23 <(echo "$acked") <(echo "$stored") | grep -c .)
	lost_total=$((lost_total + lost))
	run "$MI" check
	mi_test_count=$((mi_test_count + 1))
	[[ $rc -eq 0 && $out == *"integrity: ok"* ]] || fail "trial $trial: check failed: $out $err"
	half=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM visits WHERE state = 'draft'")
	mi_test_count=$((mi_test_count + 1))
	[[ $half -eq 0 ]] || fail "trial $trial: $half half-written visits"
done
mi_test_count=$((mi_test_count + 1))
[[ $lost_total -eq 0 ]] || fail "$lost_total acknowledged saves lost"
acked=$(grep -cE '^[0-9]+$' "$T/acked")
mi_test_count=$((mi_test_count + 1))
[[ $acked -gt 0 ]] || fail "no save was acknowledged at all"
echo "$trials trials, $acked acknowledged saves, $lost_total lost"

finish
