#!/usr/bin/env bash
# The urgent banner and the desk's lists use the whole terminal width: at 80
# columns a long name is cut, and once the window is 132 columns wide the
# banner, the client list, the review queue, the due list and the client's
# visits show it whole, their columns stretched with the window.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

name="Maximiliane Augusta von Hohenzollern-Sigmaringen"
run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin"
sed "s/\"Tom Becker\"/\"$name\"/" "$MI_FIXTURES/examples/04-urgent-bladder-change.json" >"$T/long.json"
run "$MI" intake --answers "$T/long.json"
expect_rc 0 "storing an urgent intake with a long name"
visit=$out
run bash -c "echo 2468 | '$MI' --as owner note $visit --plan reassess"
expect_rc 0 "a follow-up plan puts the client on the due list"

# expect_row TEXT WHOLE DESC: the screen's row holding TEXT holds WHOLE too.
expect_row() {
	mi_test_count=$((mi_test_count + 1))
	tmux_screen | grep -F -- "$1" | grep -qF -- "$2" ||
		fail "$3: no row with '$1' shows '$2':
$(tmux_screen)"
}
expect_cut() {
	mi_test_count=$((mi_test_count + 1))
	tmux_screen | grep -F -- "$1" | grep -qF -- "$name" &&
		fail "$2: the name is not cut at 80 columns (the test needs it cut):
$(tmux_screen)"
	return 0
}

tmux_start desk --db "$MASSAGE_INTAKE_DB"
tmux_sign_in 2468
tmux_expect "front desk: clients" "main screen at 80 columns"
expect_cut "    1  Maximiliane" "client list at 80"
expect_cut "!! URGENT: Maximiliane" "banner at 80"

tmux_resize 132 30
tmux_expect "$name - not reviewed" "the banner shows the whole name at 132 columns"
expect_row "    1  Maximiliane" "$name" "the client list's name column stretches"
expect_row "    1  Maximiliane" "[!! URGENT]" "the outcome stays on the row"
mi_test_count=$((mi_test_count + 1))
[[ $(tmux_screen | grep -F "Last outcome" | awk '{print length($0)}') -gt 100 ]] ||
	fail "the client list's headings do not reach across the window: $(tmux_screen)"

tmux_type "r"
tmux_expect "Review queue" "the review queue at 132 columns"
expect_row "cli, finished" "$name" "the review queue's client column stretches"
tmux_keys Escape
tmux_type "d"
tmux_expect "Due for a follow-up" "the due list at 132 columns"
expect_row "reassess" "$name" "the due list's client column stretches"
tmux_keys Enter
tmux_expect "Client 1 - $name" "the client's page"
expect_row "2026-11-23  [!! URGENT]" "command line, waiting for review" "the client's visits"

# Back to 80 columns: the same pages fit again.
tmux_resize 80 24
tmux_expect_gone "Hohenzollern-Sigmaringen - not reviewed" "the banner fits 80 columns again"
tmux_type "q"
tmux_keys Escape Escape
tmux_type "q"
tmux_expect_exit 0 "the desk quits"
finish
