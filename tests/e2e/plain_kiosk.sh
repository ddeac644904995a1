#!/usr/bin/env bash
# The same answers give the same stored visit in the full-screen kiosk and
# in the plain line mode (through a pipe); then the plain kiosk in a
# terminal with TERM=dumb: lines only, help, the staff key and the PIN.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin"
plain_db=$T/plain.db
run bash -c "echo 2468 | '$MI' --db '$plain_db' set-pin"
expect_rc 0 "set-pin for the plain kiosk's database"

# ---- the full-screen kiosk ----
tmux_start kiosk kiosk
tmux_expect "Welcome! Before your massage" "welcome page"
tmux_identify "Maya Ortiz" "14/03/1988"
tmux_expect "continue later with your name" "the resume code"
tmux_keys Enter
tmux_kiosk_maya_questions
tmux_keys c
tmux_expect "Type your full name to sign" "consent"
tmux_type "Maya Ortiz"; tmux_keys Enter
tmux_expect "Thank you! Your answers are saved." "thank-you page"
tmux_keys F12
tmux_type "2468"; tmux_keys Enter
tmux_expect_exit 0 "the PIN leaves the kiosk"

# ---- the same answers as lines, through a pipe ----
run bash -c "TERM=dumb '$MI' --db '$plain_db' --plain kiosk <'$MI_FIXTURES/plain/maya-kiosk.txt'"
expect_rc 0 "the plain kiosk through a pipe"
run "$MI" show 1 --json
expect_rc 0 "show the full-screen kiosk's visit"
full=$(jq -S . <<<"$out")
run "$MI" --db "$plain_db" show 1 --json
expect_rc 0 "show the plain kiosk's visit"
plain=$(jq -S . <<<"$out")
mi_test_count=$((mi_test_count + 1))
[[ -n $full && $full == "$plain" ]] ||
	fail "the plain kiosk stored another visit than the full-screen kiosk: $(diff <(echo "$full") <(echo "$plain"))"

# ---- the plain kiosk in a terminal that can do nothing but lines ----
MI_TMUX_TERM=dumb
tmux_start plain --plain kiosk
tmux_expect "Full name:" "the plain welcome asks the name"
tmux_type "Rae Day"; tmux_keys Enter
tmux_expect "Date of birth" "then the date of birth"
tmux_type "1980-02-03"; tmux_keys Enter Enter
tmux_expect "3 February 1980: is that right?" "the date read back"
tmux_type "y"; tmux_keys Enter
tmux_expect "Your code:" "the resume code"
tmux_expect "Press Enter to start the questions." "a pause to write the code down"
tmux_keys Enter
tmux_expect "Question 1 of 36, About you: What is your phone number?" "the first question"
tmux_type "?"; tmux_keys Enter
tmux_expect "Help: " "? prints the help"
tmux_keys Enter Enter
tmux_expect "  7. legs" "the body map as a numbered list"
tmux_type "1, 7"; tmux_keys Enter
tmux_expect "How strong is your pain right now?" "the scale"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -q "1, 7" || fail "the typed answer is not echoed as a line: $(tmux_screen)"
tmux_keys F12 Enter
tmux_expect "type the therapist PIN to leave the kiosk" "F12 then Enter asks the PIN"
tmux_type "2468"; tmux_keys Enter
tmux_expect_exit 0 "the PIN leaves the plain kiosk"
run "$MI" drafts
expect_out_has "Rae Day" "Rae's answers stay as a draft"

# The full screen in a terminal that cannot move the cursor points to --plain.
tmux_restart kiosk
tmux_expect_exit 74 "the full-screen kiosk refuses TERM=dumb"
mi_test_count=$((mi_test_count + 1))
grep -q 'cannot move the cursor; use the plain line mode instead: --plain' "$T/stderr.log" ||
	fail "the refusal does not name --plain: $(cat "$T/stderr.log")"

finish
