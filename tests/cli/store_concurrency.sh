#!/usr/bin/env bash
# store_concurrency.sh - 8 processes x 25 `intake --answers` at once on one
# database: all 200 stored, none reported busy.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"

procs=8 per=25
for p in $(seq 1 $procs); do
	for i in $(seq 1 $per); do
		sed "s/\"Maya Ortiz\", \"birth_date\"/\"Client $p-$i\", \"birth_date\"/" "$EX" >"$T/a-$p-$i.json"
	done
done
# No database exists yet: the writers also race to create and migrate it.
worker() {
	local p=$1 i
	for i in $(seq 1 $per); do
		if ! "$MI" intake --answers "$T/a-$p-$i.json" >>"$T/out-$p" 2>>"$T/err-$p"; then
			echo "intake $p-$i failed" >>"$T/err-$p"
		fi
	done
}
for p in $(seq 1 $procs); do worker "$p" & done
wait

mi_test_count=$((mi_test_count + 1))
errors=$(cat "$T"/err-* 2>/dev/null)
[[ -z $errors ]] || fail "errors from concurrent intakes: $errors"
mi_test_count=$((mi_test_count + 1))
! grep -qi busy <<<"$errors" || fail "a writer reported busy"
acknowledged=$(cat "$T"/out-* | grep -c '^[0-9][0-9]*$')
mi_test_count=$((mi_test_count + 1))
[[ $acknowledged -eq $((procs * per)) ]] || fail "$acknowledged of $((procs * per)) intakes acknowledged"
stored=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT count(*) FROM visits WHERE state = 'complete'")
mi_test_count=$((mi_test_count + 1))
[[ $stored -eq $((procs * per)) ]] || fail "$stored of $((procs * per)) visits stored"
distinct=$(cat "$T"/out-* | sort -u | wc -l)
mi_test_count=$((mi_test_count + 1))
[[ $distinct -eq $((procs * per)) ]] || fail "only $distinct distinct visit ids"
run "$MI" check
expect_rc 0 "check after concurrent writes"
echo "$stored of $((procs * per)) stored, 0 busy"

finish
