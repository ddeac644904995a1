#!/usr/bin/env bash
# The cursor follows the focus on every kind of screen, so that a screen
# reader or a magnifier reads what is selected: the kiosk's fields, the
# birth date read back, the resume code, the body map's region, the scale's
# value, a choice, the review row, the PIN page; the desk's sign-in, client
# list, visit history, visit page, review queue and due list.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin"

# ---- the kiosk ----
tmux_start kiosk kiosk
tmux_expect "Welcome! Before your massage" "welcome page"
tmux_type "Maya Orti"
tmux_expect_cursor_on "__" "the name field: the cursor after the typed text"
tmux_keys Left
tmux_expect_cursor_on "i__" "the name field: the cursor at the insertion point"
tmux_keys End Enter
tmux_type "14/03/1988"; tmux_keys Enter
tmux_expect "14 March 1988: is that right?" "the birth date read back"
tmux_expect_cursor_on "14 March 1988: is that right?" "the cursor on the question asked"
tmux_keys y
code=$(tmux_resume_code)
tmux_expect_cursor_on "${code:0:3} ${code:3:3}" "the cursor on the resume code"
tmux_keys Enter
tmux_expect "What is your phone number?" "phone"
tmux_keys Enter Enter
tmux_expect "Where do you feel pain" "body map"
tmux_expect_cursor_on "> 1 [ ] neck" "the cursor on the body map's first region"
tmux_keys Down Down Space
tmux_expect_cursor_on "> 3 [x] upper back" "the cursor on the region ticked"
tmux_keys Enter
tmux_expect "How strong is your pain" "scale"
tmux_keys 6
tmux_expect_cursor_on "6]" "the cursor on the scale's value"
tmux_keys Right
tmux_expect_cursor_on "7]" "the cursor follows Right on the scale"
tmux_keys Enter
tmux_type "3"; tmux_keys Enter
tmux_expect "How did the pain start?" "onset"
tmux_keys 3
tmux_expect_cursor_on "> 3 (*) After an injury" "the cursor on the chosen option"
tmux_keys Enter Enter Enter
tmux_expect "in your legs" "leg symptoms"
tmux_keys Down
tmux_expect_cursor_on "> 2 [ ] Pain below the knee" "the cursor on a multi-choice's option"
tmux_keys Enter
tmux_expect "Is weakness in your legs getting worse" "yes/no"
tmux_keys Down Down
tmux_expect_cursor_on "> (*) No" "the cursor on No"
tmux_keys Escape
tmux_keys Escape
tmux_keys Escape Escape Escape Escape Escape Escape Escape
tmux_keys F12
tmux_expect "Enter the therapist PIN to leave the kiosk" "PIN page"
tmux_type "24"
tmux_expect_cursor_on "__" "the PIN field: the cursor after the stars typed"
tmux_type "68"; tmux_keys Enter
tmux_expect_exit 0 "the PIN leaves the kiosk"

# ---- the desk ----
"$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json" >/dev/null
visit=$("$MI" intake --answers "$MI_FIXTURES/examples/04-urgent-bladder-change.json")
owner=$("$MI" therapist list | awk '{ print $1; exit }')
run bash -c "echo 2468 | '$MI' --as '$owner' note $visit --plan reassess"
expect_rc 0 "a follow-up plan, for the due list"
tmux_restart --db "$MASSAGE_INTAKE_DB"
tmux_wait_for "Sign in — pick your name"
tmux_expect_cursor_on "__" "the sign-in's PIN field"
tmux_sign_in 2468
tmux_expect "front desk: clients" "client list"
tmux_expect "Tom Becker" "both clients listed"
first=$(tmux_screen | grep -E '^ +[0-9]+ ' | head -1 | cut -c9- | cut -d' ' -f1-2)
second=$(tmux_screen | grep -E '^ +[0-9]+ ' | sed -n 2p | cut -c9- | cut -d' ' -f1-2)
tmux_expect_cursor_on "$first" "the cursor on the first client's name"
tmux_keys Down
tmux_expect_cursor_on "$second" "the cursor follows Down to the second client"
tmux_type "/"
tmux_type "Beck"
tmux_expect_cursor_on "__" "searching: the cursor in the search field"
tmux_keys Enter
tmux_expect "Client " "client page"
tmux_expect_cursor_on "20" "the cursor on the visit's date in the history"
tmux_keys Enter
tmux_expect "Visit $visit" "visit page"
tmux_keys Tab
tmux_expect_cursor_on "[x] loosen the low back and hips" "Tab: the cursor on the first item (a goal)"
tmux_keys Escape Escape
tmux_expect "front desk: clients" "back to the list"
tmux_keys Escape
tmux_type "r"
tmux_expect "Review queue" "review queue"
tmux_expect_cursor_on "20" "the cursor on the first intake's date"
tmux_keys Down
tmux_expect_cursor_at "9 4" "the cursor follows Down to the second intake"
tmux_keys Escape
tmux_type "d"
tmux_expect "Due for a follow-up" "due list"
tmux_expect_cursor_on "Tom Becker" "the cursor on the client due"
tmux_type "?"
tmux_expect "Help - any key closes" "help"
tmux_expect_cursor_on "Help - any key closes" "the cursor on the help box"
tmux_keys Escape Escape
tmux_type "q"
tmux_expect_exit 0 "the desk quits"

finish
