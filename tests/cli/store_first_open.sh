#!/usr/bin/env bash
# store_first_open.sh - many processes open a database that does not exist
# yet, all at the same moment: writers (intake) create it, readers (clients,
# check) either find no database yet or a whole one. No process may refuse
# the new file as another program's, damaged or busy. Rounds:
# $MI_FIRST_OPEN_ROUNDS (default 15), each with a fresh database.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"

rounds=${MI_FIRST_OPEN_ROUNDS:-15}
writers=6 readers=3
for w in $(seq 1 $writers); do
	sed "s/\"Maya Ortiz\", \"birth_date\"/\"Client $w\", \"birth_date\"/" "$EX" >"$T/a-$w.json"
done

bad=0
for r in $(seq 1 "$rounds"); do
	db="$T/round-$r/sub/intake.db"
	rm -f "$T"/w-* "$T"/r-*
	# Every process waits for its line on the same pipe, so they open
	# together. The pipe is held open here for reading and writing, so a
	# process that starts late (a loaded machine) still finds its line
	# instead of waiting for a writer that is gone.
	mkfifo "$T/go"
	exec 8<>"$T/go"
	for w in $(seq 1 $writers); do
		(exec 8>&-; read -r <"$T/go"; "$MI" --db "$db" intake --answers "$T/a-$w.json" >"$T/w-$w.out" 2>"$T/w-$w.err"; echo $? >"$T/w-$w.rc") &
	done
	for k in $(seq 1 $readers); do
		cmd=clients
		[[ $k -eq 1 ]] && cmd=check
		(exec 8>&-; read -r <"$T/go"; "$MI" --db "$db" $cmd >"$T/r-$k.out" 2>"$T/r-$k.err"; echo $? >"$T/r-$k.rc") &
	done
	sleep 0.05
	for _ in $(seq 1 $((writers + readers))); do echo go >&8; done
	wait
	exec 8>&-
	rm -f "$T/go"
	for w in $(seq 1 $writers); do
		if [[ $(cat "$T/w-$w.rc") -ne 0 ]]; then
			bad=$((bad + 1))
			fail "round $r: writer $w: exit $(cat "$T/w-$w.rc"): $(cat "$T/w-$w.err")"
		fi
	done
	for k in $(seq 1 $readers); do
		rrc=$(cat "$T/r-$k.rc")
		if [[ $rrc -eq 66 ]] && grep -q "there is no database at" "$T/r-$k.err"; then
			continue
		fi
		if [[ $rrc -ne 0 ]]; then
			bad=$((bad + 1))
			fail "round $r: reader $k: exit $rrc: $(cat "$T/r-$k.err")"
		fi
	done
	stored=$(sqlite3 "$db" "SELECT count(*) FROM visits WHERE state = 'complete'" 2>&1)
	[[ $stored == "$writers" ]] || fail "round $r: $stored of $writers intakes stored"
	run "$MI" --db "$db" check
	expect_rc 0 "round $r: check after the race"
done
mi_test_count=$((mi_test_count + 1))
echo "$rounds rounds of $writers writers and $readers readers opening a new database: $bad refused"

finish
