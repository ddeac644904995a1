#!/usr/bin/env bash
# Two kiosks, one client's name and birth date: the second never sees or
# changes the first one's unfinished intake. Without the resume code it
# starts a fresh one; with the code it is refused while the first kiosk
# still has the intake open, and resumes it once the first has let go.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

tmux_start kiosk-a kiosk
a=$mi_tmux_socket
tmux_start kiosk-b kiosk
b=$mi_tmux_socket
on() { mi_tmux_socket=$1; }

on "$a"
tmux_expect "Welcome! Before your massage" "kiosk A: welcome page"
tmux_identify "Ana Lima" 1979-05-05
code=$(tmux_resume_code)
mi_test_count=$((mi_test_count + 1))
[[ $code =~ ^[0-9]{6}$ ]] || fail "kiosk A shows no resume code: $(tmux_screen)"
tmux_keys Enter
tmux_expect "What is your phone number?" "kiosk A: first question"
tmux_type "555 0101"; tmux_keys Enter
tmux_expect "e-mail" "kiosk A: the phone is saved"

# Kiosk B, same name and birth date, no code: a fresh intake of its own.
on "$b"
tmux_expect "Welcome! Before your massage" "kiosk B: welcome page"
tmux_identify "Ana Lima" 1979-05-05
other=$(tmux_resume_code)
mi_test_count=$((mi_test_count + 1))
[[ $other =~ ^[0-9]{6}$ && $other != "$code" ]] || fail "kiosk B: no code of its own ($other)"
tmux_keys Enter
tmux_expect "What is your phone number?" "kiosk B: starts from the first question"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -q "555 0101" && fail "kiosk B shows kiosk A's answer"
tmux_type "555 0202"; tmux_keys Enter
tmux_expect "e-mail" "kiosk B: its phone is saved"
tmux_keys Escape
tmux_expect "555 0202" "kiosk B: back to its own phone answer"
tmux_keys Escape
tmux_expect "Saved for later" "kiosk B: leaves its intake"
tmux_keys Enter

# Kiosk B with A's code while A has the intake open: refused.
tmux_identify "Ana Lima" 1979-05-05 "$code"
tmux_expect "cannot be opened here right now" "kiosk B is refused while kiosk A writes"
mi_test_count=$((mi_test_count + 1))
tmux_screen | grep -q "555 0101" && fail "kiosk B shows kiosk A's answer"

# Kiosk A leaves the intake; now B may resume it, and sees A's answers.
on "$a"
tmux_keys Escape Escape
tmux_expect "Saved for later" "kiosk A leaves the intake"
tmux_expect "${code:0:3} ${code:3}" "kiosk A shows its code again on the saved page"
tmux_keys Enter
tmux_expect "Welcome! Before your massage" "kiosk A: back to welcome"
on "$b"
tmux_type "$code"; tmux_keys Enter   # the refusal left the name, the date and the focus
tmux_expect "e-mail" "kiosk B resumes with the code"
tmux_keys Escape
tmux_expect "555 0101" "kiosk B now shows the intake it resumed"

# Two drafts, each with its own phone: neither kiosk wrote into the other's.
run sqlite3 "$MASSAGE_INTAKE_DB" "SELECT visit_id || ':' || value FROM draft_answers
	WHERE key = 'client.phone' ORDER BY visit_id"
expect_rc 0 "read the drafts"
mi_test_count=$((mi_test_count + 1))
[[ $out == $'1:"555 0101"\n2:"555 0202"' ]] || fail "the drafts' phones: $out"
run "$MI" audit --json
expect_out_has '"who":"kiosk","action":"resume","table":"visits","record_id":1' \
	"the resume is audited"
finish
