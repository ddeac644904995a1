#!/usr/bin/env bash
# Escape sequences the terminal description does not know (Home and End in
# another terminal's dialect, "\e[94~", F12 on a vt100, "\eOH") are thrown
# away whole: never read as Esc (back, or leaving the first question) and
# never typed into an answer. The stored answers stay as given.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

# send_unknown: every sequence of $unknown, raw, one after the other.
send_unknown() {
	local seq
	for seq in "${unknown[@]}"; do
		tmux_type "$seq"
		sleep 0.1
	done
	sleep 0.3
}

# expect_no_junk WHERE: no part of a sequence shows on the screen.
expect_no_junk() {
	mi_test_count=$((mi_test_count + 1))
	tmux_screen | grep -qE '\[[0-9;]*~|\[9|\[1;5|OH|\^\[' &&
		fail "$1: a sequence was typed: $(tmux_screen)"
}

# One client per terminal type, each with sequences it does not know.
declare -A sequences=(
	[xterm-256color]=$'\e[1~ \e[4~ \e[7~ \e[8~ \e[94~ \e[H \e[F \e[1;5H \e[200~'
	[vt100]=$'\e[24~ \eOH \eOF \e[1~ \e[4~ \e[94~ \e[H'
)
visit=0
for term in xterm-256color vt100; do
	visit=$((visit + 1))
	read -r -a unknown <<<"${sequences[$term]}"
	MI_TMUX_TERM=$term
	tmux_start "esc-$visit" kiosk
	tmux_expect "Welcome! Before your massage" "$term: welcome page"
	tmux_identify "Client $visit" "1980-01-0$visit"
	tmux_expect "continue later with your name" "$term: code page"
	tmux_keys Enter
	tmux_expect "What is your phone number?" "$term: first question"

	# On the first question Esc would leave the intake.
	send_unknown
	tmux_expect "What is your phone number?" "$term: still on the first question"
	mi_test_count=$((mi_test_count + 1))
	tmux_screen | grep -q "Saved for later" && fail "$term: a sequence read as Esc left the intake"
	expect_no_junk "$term: phone field"

	tmux_keys Enter Enter Enter          # phone, e-mail, no area ticked
	tmux_expect "How strong is your pain" "$term: pain"
	tmux_keys 5 Enter
	tmux_expect "How long have you had this pain" "$term: weeks"
	tmux_type "2"
	send_unknown
	expect_no_junk "$term: the number field"
	tmux_keys Enter
	tmux_expect "How did the pain start?" "$term: onset"
	tmux_keys 2 Enter                    # sudden
	tmux_expect "worse" "$term: worse with"
	send_unknown                         # Esc here would go back to the onset
	tmux_expect "What makes the pain worse" "$term: still on worse with"
	expect_no_junk "$term: worse-with field"
	tmux_type "stairs"; tmux_keys Enter
	tmux_expect "What makes the pain better" "$term: better with"

	run "$MI" show "$visit" --json
	expect_rc 0 "$term: show the draft"
	expect_out_has '"onset":"sudden"' "$term: the onset is unchanged"
	expect_out_has '"pain_duration_weeks":2,' "$term: the number is unchanged"
	expect_out_has '"worse_with":"stairs"' "$term: nothing typed into the text"
	expect_out_has '"phone":""' "$term: nothing typed into the phone"
	tmux -L "$mi_tmux_socket" kill-server >/dev/null 2>&1
done

# A real Esc still goes back.
MI_TMUX_TERM=xterm-256color
tmux_start esc-real kiosk
tmux_identify "Client Three" "1980-01-03"
tmux_expect "continue later with your name" "code page"
tmux_keys Enter
tmux_expect "What is your phone number?" "first question"
tmux_keys Escape
tmux_expect "Saved for later" "a real Esc on the first question leaves the intake"

finish
