#!/usr/bin/env bash
# The front desk locks after lock_timeout_seconds without a key: the lock
# screen shows nothing of the client; a wrong PIN is refused, the right one
# brings back the client page as it was. Both tries reach the audit log.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run "$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"
expect_rc 0 "storing the example intake"
run bash -c "printf '2468\n' | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"
run "$MI" settings lock_timeout_seconds 10
expect_rc 0 "the shortest lock timeout, ten seconds"

tmux_start desk --db "$MASSAGE_INTAKE_DB"
tmux_expect "front desk: clients" "main screen"
tmux_keys Enter
tmux_expect "Maya Ortiz" "the client page"
tmux_expect "Locked — enter the therapist PIN to continue" "the desk locks when idle" 20
tmux_expect_gone "Maya" "the client's name is gone from the lock screen"

tmux_type "1357"; tmux_keys Enter
tmux_expect "Wrong PIN." "a wrong PIN is refused"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -qF "Maya" && fail "a wrong PIN shows the client"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -q 1357 && fail "the PIN is shown while typed"

tmux_type "2468"; tmux_keys Enter
tmux_expect "Maya Ortiz" "the right PIN brings the client page back"
tmux_expect_gone "Locked" "the lock screen is gone"

tmux_keys q q
tmux_expect_exit 0 "the desk quits normally"

run "$MI" audit
expect_out_has "unlock failed" "the wrong PIN is in the audit log"
finish
