#!/usr/bin/env bash
# A kiosk killed with SIGKILL mid-intake resumes where it stopped, without
# losing an answer already given, for the client who types the resume code
# shown when the intake began; name and birth date alone start afresh.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

tmux_start resume kiosk
tmux_expect "Welcome! Before your massage" "welcome page"
tmux_type "Jon Berg"; tmux_keys Enter
tmux_type "1961-07-30"; tmux_keys Enter y
code=$(tmux_resume_code)
mi_test_count=$((mi_test_count + 1))
[[ $code =~ ^[0-9]{6}$ ]] || fail "no resume code on the screen: $(tmux_screen)"
tmux_keys Enter
tmux_expect "What is your phone number?" "phone"
tmux_type "555 0199"; tmux_keys Enter
tmux_expect "e-mail" "e-mail"
tmux_keys Enter
tmux_expect "Where do you feel pain" "body map"
tmux_keys Down Down Down Down Space Enter
tmux_expect "How strong is your pain" "pain scale"
tmux_keys 6 Enter
tmux_expect "How long have you had this pain" "duration"
tmux_type "3"                  # typed, not confirmed: may be lost

pid=$(tmux_pid)
kill -9 "$pid"
mi_test_count=$((mi_test_count + 1))
tmux_wait_dead || fail "the kiosk did not die"

tmux_restart kiosk
tmux_expect "Welcome! Before your massage" "welcome page after the restart"
# Without the code: a fresh intake, nothing of Jon's shown.
tmux_identify "jon berg" 1961-07-30
tmux_expect "continue later with your name" "name and birth date alone start afresh"
tmux_keys Enter
tmux_expect "What is your phone number?" "the fresh intake asks from the start"
tmux_expect_gone "555 0199" "nothing of the earlier answers"
tmux_keys Escape
tmux_expect "Saved for later" "Esc on the first question leaves the fresh intake"
tmux_keys Enter
# With the code: Jon's answers, where he stopped.
tmux_identify "jon berg" 1961-07-30 "${code:0:3} ${code:3}"
tmux_expect "How long have you had this pain" "resumes at the first unanswered question"
tmux_keys Escape
tmux_expect "Your answer: 6" "the pain answer is kept"
tmux_keys Escape
tmux_expect "LOW BACK" "the body map answer is kept"
tmux_keys Escape Escape
tmux_expect "555 0199" "the phone answer is kept"

run "$MI" audit
expect_out_has "resume" "the resume is in the audit log"
finish
