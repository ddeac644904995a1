#!/usr/bin/env bash
# Quitting the front desk leaves no client on the screen, also on a
# terminal without an alternate screen (TERM=linux, vt100), where the last
# page would otherwise stay in view for the next person at the desk.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"
run "$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"
expect_rc 0 "storing the example intake"

for term in linux vt100 xterm-256color; do
	MI_TMUX_TERM=$term
	tmux_start "quit-$term" --db "$MASSAGE_INTAKE_DB"
	tmux_sign_in 2468
	tmux_expect "Maya Ortiz" "$term: the client list"
	tmux_keys q
	tmux_expect_exit 0 "$term: q quits"
	tmux_expect_gone "Maya Ortiz" "$term: the client list is gone from the screen after quitting"
	tmux -L "$mi_tmux_socket" kill-server
done
finish
