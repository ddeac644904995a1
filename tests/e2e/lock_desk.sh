#!/usr/bin/env bash
# The front desk always locks after lock_timeout_seconds without a key. With
# no PIN set it first asks for one and shows nothing of a client until it is
# set. The lock screen shows nothing of the client; a wrong PIN is refused,
# the right one brings back the page as it was; both tries reach the audit
# log. A print command that hangs is stopped after print_timeout_seconds,
# the desk says so, and it still locks afterwards.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run "$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"
expect_rc 0 "storing the example intake"
run "$MI" settings lock_timeout_seconds 10
expect_rc 0 "the shortest lock timeout, ten seconds"
run "$MI" settings print_timeout_seconds 2
expect_rc 0 "a two-second print timeout"
# A print command that never finishes.
printf '#!/bin/sh\nsleep 600\n' >"$T/lp"
chmod +x "$T/lp"
export MASSAGE_INTAKE_LP="$T/lp"

tmux_start desk --db "$MASSAGE_INTAKE_DB"
tmux_expect "No therapist PIN is set yet." "without a PIN the desk asks for one first"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -q "Maya" && fail "a client shows before a PIN is set"
tmux_type "2468"; tmux_keys Enter
tmux_type "2468"; tmux_keys Enter
tmux_expect "front desk: clients" "main screen once the PIN is set"
run "$MI" audit
expect_out_has "account add" "making the owner's account is audited"

tmux_keys Enter
tmux_expect "Maya Ortiz" "the client page"
tmux_expect "Locked — owner, type your PIN to go on" "the desk locks when idle" 20
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

# Print from the visit page with the hanging print command.
tmux_keys Enter
tmux_expect "p print" "the visit page"
tmux_keys p
tmux_expect "not printed: the printer did not answer within 2 s" "the hanging print is stopped and said" 10
tmux_expect "Locked — owner, type your PIN to go on" "the desk still locks after it" 20
tmux_type "2468"; tmux_keys Enter
tmux_expect "p print" "back on the visit page"

tmux_keys q q q
tmux_expect_exit 0 "the desk quits normally"

run "$MI" audit
expect_out_has "unlock failed" "the wrong PIN is in the audit log"
expect_out_has "print failed" "the stopped print is in the audit log"
finish
