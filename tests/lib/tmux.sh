# tmux.sh - drive the real program in tmux at a fixed size and TERM.
# Source after common.sh. Each test gets its own tmux server (-L) with no
# configuration (-f /dev/null); the server is killed at exit, whatever happens.
#   tmux_start NAME [ARGS]    start massage-intake [ARGS] in an 80x24 window
#   tmux_type TEXT            type TEXT literally
#   tmux_keys KEY...          send named keys (Enter, Escape, F12, C-c, Down...)
#   tmux_screen               print the screen as text
#   tmux_wait_for TEXT [SECS] wait until TEXT is on the screen (default 10 s)
#   tmux_expect TEXT DESC     the same, counted as a test
#   tmux_expect_gone TEXT DESC  wait until TEXT has left the screen
#   tmux_expect_whole TEXT DESC TEXT is on the screen whole: its lines trimmed and
#                             joined by one space hold it (a wrapped sentence
#                             counts; one cut short or cut mid-word does not)
#   tmux_pid                  the pid of the program in the window
#   tmux_dead                 true once the window's shell has exited
#   tmux_exit_status          its exit status, once it has exited
#   tmux_expect_exit N DESC   it exits with status N (counted as a test)
#   tmux_restart [ARGS]       run massage-intake [ARGS] again in the same window
#   tmux_resize COLS ROWS     resize the window
#   tmux_resume_code          the kiosk's resume code on its code page (6 digits)
#   tmux_identify NAME BIRTH [CODE]  fill in the kiosk's welcome page and press Enter
#   tmux_kiosk_to_bladder     from the kiosk's code page, the pain and leg
#                             questions answered, to the bladder question
#   tmux_cursor               the cursor's position, "X Y" (0-based)
#   tmux_expect_cursor_at "X Y" DESC  the cursor comes to column X, row Y
#   tmux_expect_cursor_on TEXT DESC  the screen shows TEXT where the cursor
#                             is (from the cursor on, in its row)
#   tmux_kiosk_maya_questions  from the kiosk's first question to its review
#                             page, Maya Ortiz's answers (counted); the same
#                             as the lines of fixtures/plain/maya-kiosk.txt
#   tmux_sign_in PIN [DOWNS]  at the desk's sign-in, press Down DOWNS times to
#                             pick a name (default 0: the first), type PIN, Enter
#   tmux_redrawn_at COLS      wait until the page is drawn COLS wide
#   tmux_at_both_sizes TEXT...  each TEXT is whole on the screen at 80x24, then
#                             at 132x43 (counted); back at 80x24 afterwards

: "${MI_TMUX_TERM:=xterm-256color}"
# tmux keeps its sockets under $TMUX_TMPDIR: inside $T, removed at exit.
export TMUX_TMPDIR="$T"
# Where the program's stderr goes; set it empty to see stderr on the screen.
mi_tmux_stderr="2>>'$T/stderr.log'"
# A shell command run in the window after the program (e.g. "stty -a").
mi_tmux_after=""

# The command line that runs the binary in the window with a fixed TERM,
# locale and Escape delay. A shell waits for it and writes its exit status
# to $T/exit-status (tmux does not always record it).
mi_tmux_command() {
	local cmd
	cmd=$(printf 'env TERM=%s LANG=C.UTF-8 LC_ALL=C.UTF-8 ESCDELAY=25 %q --db %q' \
		"$MI_TMUX_TERM" "$MI" "$MASSAGE_INTAKE_DB")
	(($#)) && cmd+=$(printf ' %q' "$@")
	printf '%s %s; echo $? >%q; %s' "$cmd" "$mi_tmux_stderr" "$T/exit-status" "${mi_tmux_after:-:}"
}

tmux_start() {
	rm -f "$T/exit-status"
	mi_tmux_socket="mi-test-$$-$1"
	shift
	mi_cleanup_hooks+=("tmux -L '$mi_tmux_socket' kill-server >/dev/null 2>&1")
	tmux -f /dev/null -L "$mi_tmux_socket" new-session -d -s t -x 80 -y 24 \
		"$(mi_tmux_command "$@")" \; set-option -t t remain-on-exit on
}

tmux_restart() {
	rm -f "$T/exit-status"
	tmux -L "$mi_tmux_socket" respawn-pane -k -t t "$(mi_tmux_command "$@")"
}

tmux_type() { tmux -L "$mi_tmux_socket" send-keys -t t -l -- "$1"; }
tmux_keys() { tmux -L "$mi_tmux_socket" send-keys -t t "$@"; }
tmux_screen() { tmux -L "$mi_tmux_socket" capture-pane -p -t t; }
tmux_pid() { pgrep -P "$(tmux -L "$mi_tmux_socket" list-panes -t t -F '#{pane_pid}')" | head -1; }
tmux_dead() { [[ $(tmux -L "$mi_tmux_socket" list-panes -t t -F '#{pane_dead}') == 1 ]]; }
tmux_resize() { tmux -L "$mi_tmux_socket" resize-window -t t -x "$1" -y "$2"; }

# tmux_wait_dead [SECS]: waits until the program has exited.
tmux_wait_dead() {
	local deadline=$((SECONDS + ${1:-10}))
	while ((SECONDS < deadline)); do
		tmux_dead && return 0
		sleep 0.1
	done
	return 1
}

# tmux_exit_status: the program's exit status once it has exited (waits up
# to 10 s; prints nothing when it is still running).
tmux_exit_status() {
	local deadline=$((SECONDS + 10))
	while ((SECONDS < deadline)); do
		if [[ -s $T/exit-status ]]; then
			cat "$T/exit-status"
			return 0
		fi
		sleep 0.1
	done
	return 1
}

# tmux_expect_exit STATUS DESC: the program exits with STATUS (counted as a test).
tmux_expect_exit() {
	mi_test_count=$((mi_test_count + 1))
	local status
	status=$(tmux_exit_status)
	[[ $status == "$1" ]] || fail "$2: exit status '${status:-still running}', expected $1; stderr: $(cat "$T/stderr.log" 2>/dev/null)"
}

tmux_wait_for() {
	local deadline=$((SECONDS + ${2:-10}))
	while ((SECONDS < deadline)); do
		grep -qF -- "$1" <<<"$(tmux_screen)" && return 0
		sleep 0.1
	done
	return 1
}

tmux_expect() {
	mi_test_count=$((mi_test_count + 1))
	tmux_wait_for "$1" "${3:-10}" || fail "$2: the screen lacks '$1'; it shows:
$(tmux_screen)"
}

# The screen as one line: each row trimmed, joined by one space.
tmux_screen_joined() { tmux_screen | sed 's/^ *//; s/ *$//' | tr '\n' ' ' | tr -s ' '; }

tmux_expect_whole() {
	mi_test_count=$((mi_test_count + 1))
	local deadline=$((SECONDS + ${3:-10}))
	while ((SECONDS < deadline)); do
		grep -qF -- "$1" <<<"$(tmux_screen_joined)" && return 0
		sleep 0.1
	done
	fail "$2: the screen does not hold '$1' whole; it shows:
$(tmux_screen)"
}

tmux_expect_gone() {
	mi_test_count=$((mi_test_count + 1))
	local deadline=$((SECONDS + 10))
	while ((SECONDS < deadline)); do
		grep -qF -- "$1" <<<"$(tmux_screen)" || return 0
		sleep 0.1
	done
	fail "$2: the screen still shows '$1':
$(tmux_screen)"
}

# tmux_resume_code: waits for the kiosk's code page and prints the code on
# it, as six digits.
tmux_resume_code() {
	tmux_wait_for "continue later with your name" || return 1
	tmux_screen | grep -oE '^ +[0-9]{3} [0-9]{3} *$' | head -1 | tr -d ' '
}

# tmux_identify NAME BIRTH [CODE]: types the name and birth date on the
# kiosk's welcome page (and, when given, the resume code in its field), then
# Enter, and Y once the birth date is shown back in words.
tmux_identify() {
	tmux_type "$1"; tmux_keys Enter
	tmux_type "$2"
	if (($# > 2)); then
		tmux_keys Tab
		tmux_type "$3"
	fi
	tmux_keys Enter
	tmux_expect "is that right?" "the birth date is shown back in words"
	tmux_keys y
}

# tmux_kiosk_to_bladder: on the kiosk's code page, starts the questions and
# answers them (no phone, e-mail or area; pain 5 for 2 weeks, sudden, no leg
# symptoms, weakness not worse) up to the bladder question (counted).
tmux_kiosk_to_bladder() {
	tmux_expect "continue later with your name" "the resume code is shown"
	tmux_keys Enter
	tmux_expect "What is your phone number?" "phone"
	tmux_keys Enter Enter Enter          # phone, e-mail, no area ticked
	tmux_expect "How strong is your pain" "pain"
	tmux_keys 5 Enter
	tmux_type "2"; tmux_keys Enter
	tmux_keys 2 Enter Enter Enter Enter  # sudden, worse, better, no leg symptoms
	tmux_expect "Is weakness in your legs getting worse" "weakness"
	tmux_keys n
	tmux_expect "urine or stool" "bladder question"
}

tmux_sign_in() {
	tmux_wait_for "Sign in — pick your name" || fail "the desk's sign-in did not show"
	local i
	for ((i = 0; i < ${2:-0}; i++)); do tmux_keys Down; done
	tmux_type "$1"
	tmux_keys Enter
	tmux_wait_for "Signed in as" || fail "nobody signed in"
}

tmux_cursor() { tmux -L "$mi_tmux_socket" display-message -p -t t '#{cursor_x} #{cursor_y}'; }

# What the screen shows from the cursor to the end of its row.
mi_tmux_at_cursor() {
	local x y
	read -r x y <<<"$(tmux_cursor)"
	tmux_screen | sed -n "$((y + 1))p" | cut -c"$((x + 1))"-
}

tmux_expect_cursor_at() {
	mi_test_count=$((mi_test_count + 1))
	local deadline=$((SECONDS + 5))
	while ((SECONDS < deadline)); do
		[[ $(tmux_cursor) == "$1" ]] && return 0
		sleep 0.1
	done
	fail "$2: the cursor is at $(tmux_cursor), not at $1:
$(tmux_screen)"
}

tmux_expect_cursor_on() {
	mi_test_count=$((mi_test_count + 1))
	local deadline=$((SECONDS + 5))
	while ((SECONDS < deadline)); do
		[[ $(mi_tmux_at_cursor) == "$1"* ]] && return 0
		sleep 0.1
	done
	fail "$2: the cursor ($(tmux_cursor)) is on '$(mi_tmux_at_cursor)', not on '$1':
$(tmux_screen)"
}

# Maya Ortiz's answers, key by key (tests/fixtures/plain/maya-kiosk.txt has
# them as the plain mode's lines): from the first question to the review.
tmux_kiosk_maya_questions() {
	tmux_expect "What is your phone number?" "first question after the welcome page"
	tmux_type "555-0142"; tmux_keys Enter
	tmux_expect "e-mail" "e-mail question"
	tmux_keys Enter
	tmux_expect "Where do you feel pain" "body map"
	tmux_keys Down Down Down Down Space Down Space Enter
	tmux_expect "no pain" "pain scale shows its words"
	tmux_keys 4 Enter
	tmux_type "a year and a half"; tmux_keys Enter
	tmux_expect "About 78 weeks: is that right?" "the duration is shown back in weeks"
	tmux_keys y
	tmux_expect "How did the pain start?" "onset"
	tmux_keys 1 Enter
	tmux_type "sitting at my desk all day"; tmux_keys Enter
	tmux_type "walking, hot shower"; tmux_keys Enter
	tmux_expect "in your legs" "leg symptoms"
	tmux_keys Enter
	# No leg symptoms: "both legs?" is skipped.
	tmux_expect "Is weakness in your legs getting worse" "weakness follows leg symptoms"
	mi_test_count=$((mi_test_count + 1))
	tmux_screen | grep -q "BOTH legs" && fail "the both-legs follow-up is asked without leg symptoms"
	tmux_keys n
	tmux_expect "urine or stool" "the bladder question follows"
	for _ in 1 2 3 4 5 6 7 8; do tmux_keys n; done
	tmux_expect "thin or weak bones" "osteoporosis"
	tmux_keys 1 Enter
	for _ in 1 2 3 4; do tmux_keys n; done
	tmux_expect "surgery in the last year" "surgery"
	tmux_keys Enter
	tmux_keys n
	tmux_expect "blood pressure" "blood pressure"
	tmux_keys 1 Enter 1 Enter
	tmux_keys Enter
	tmux_type "none"; tmux_keys Enter
	tmux_expect "Which medicines" "medications"
	tmux_type "ibuprofen as needed"; tmux_keys Enter Enter
	tmux_expect "What pressure" "pressure"
	tmux_keys 3 Enter
	tmux_expect "focus on" "focus areas"
	tmux_keys Down Down Down Down Space Enter
	tmux_keys Enter
	tmux_keys Enter
	tmux_expect "What would you like from this session" "goals"
	tmux_keys Space Enter
	tmux_keys Enter
	tmux_expect "Please check your answers" "review page"
}

# tmux_redrawn_at COLS: waits until the page is drawn COLS wide (its title
# bar, whose right-hand words end next to the last column).
tmux_redrawn_at() {
	local deadline=$((SECONDS + 10)) width
	while ((SECONDS < deadline)); do
		width=$(tmux_screen | head -1 | wc -L)
		((width <= $1 && width > $1 - 4)) && return 0
		sleep 0.05
	done
}

tmux_at_both_sizes() {
	local text
	for text in "$@"; do tmux_expect_whole "$text" "80x24: $text"; done
	tmux_resize 132 43
	tmux_redrawn_at 132
	for text in "$@"; do tmux_expect_whole "$text" "132x43: $text"; done
	tmux_resize 80 24
	tmux_redrawn_at 80
}
