#!/usr/bin/env bash
# Help boxes leave no stray characters: while a help box is open nothing of
# the page shows beside its frame, and closing it gives back exactly the
# screen that was there before, status line included: on the desk's client
# list, on a visit page with Chinese text under the frame, and in an intake
# at the desk (its help under the question, on a text and a body-map page).
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin"
# Medicines written in Chinese, words of two wide characters: wrapped, some
# of them fall across the column of the help box's right-hand frame.
meds=$(printf '"%s"' "$(printf '维生素 鱼油 钙片 %.0s' {1..12})")
sed "s/\"ibuprofen as needed\"/$meds/" \
	"$MI_FIXTURES/examples/05-incomplete-safety-questions.json" >"$T/cjk.json"
run "$MI" intake --answers "$T/cjk.json"
expect_rc 0 "storing an intake with Chinese text"

# help_round OPEN CLOSE DESC: the screen after OPEN then CLOSE is the one
# before; while open, with BOX set, columns 0-1 and 78-79 of rows 3-22 are
# blank (nothing of the page beside the frame).
help_round() {
	local before during after
	sleep 0.3
	before=$(tmux_screen)
	tmux_keys "$1"
	sleep 0.5
	during=$(tmux_screen)
	mi_test_count=$((mi_test_count + 1))
	[[ $during != "$before" ]] || fail "$3: $1 opened no help"
	if [[ ${BOX:-} ]]; then
		mi_test_count=$((mi_test_count + 1))
		local beside
		beside=$(sed -n '3,22p' <<<"$during" | awk '{ l = sprintf("%-80s", $0); print substr(l, 1, 2) substr(l, 79, 2) }' | tr -d ' \n')
		[[ -z $beside ]] || fail "$3: characters of the page beside the help box ('$beside'):
$during"
	fi
	tmux_keys "$2"
	sleep 0.5
	after=$(tmux_screen)
	mi_test_count=$((mi_test_count + 1))
	[[ $after == "$before" ]] || fail "$3: the screen after closing the help differs:
$(diff <(echo "$before") <(echo "$after"))"
}

tmux_start desk --db "$MASSAGE_INTAKE_DB"
tmux_sign_in 2468
tmux_expect "Signed in as owner" "the status line says who signed in"
BOX=1 help_round "?" "x" "the client list's help"
tmux_expect "Signed in as owner" "the status line is still there"
BOX=1 help_round "F1" "F1" "the client list's help by F1"

tmux_keys Enter
tmux_expect "Client 1 - Lena Fischer" "client page"
BOX=1 help_round "?" "Escape" "the client page's help"
tmux_keys Enter
tmux_expect "Visit 1 - Lena Fischer" "visit page"
for _ in $(seq 36); do tmux_keys Down; done
tmux_expect "Medications:" "the Chinese medicines are on the screen"
tmux_expect "维生素" "the Chinese medicines are on the screen"
BOX=1 help_round "?" " " "the visit page's help over Chinese text"

tmux_keys Escape Escape
tmux_type "n"
tmux_expect "New client" "new client page"
tmux_type "Ida Help"
tmux_keys Enter
tmux_type "1970-02-03"
tmux_keys Enter
tmux_expect "is that right?" "the birth date read back"
tmux_keys y
tmux_expect "What is your phone number?" "the intake's first question"
help_round "F1" "F1" "the intake's help on a text question"
tmux_keys Enter Enter
tmux_expect "Where do you feel pain" "the body map"
help_round "?" "?" "the intake's help on the body map"
tmux_keys C-s
tmux_expect "kept as a draft" "the intake is kept"
tmux_type "q"
tmux_expect_exit 0 "the desk quits"
finish
