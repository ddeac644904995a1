#!/usr/bin/env bash
# SIGTERM, SIGHUP and every other signal that would end the program
# (SIGUSR1, SIGUSR2, SIGALRM) end the kiosk with the terminal restored (echo
# and canonical mode back on) and one sentence on stderr; SIGINT, SIGQUIT
# and SIGTSTP sent with kill do not stop it; a crash (SIGSEGV, SIGABRT)
# still puts the terminal back before the program dies.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

mi_tmux_after="stty -a; sleep 30"   # the tty modes the kiosk left behind
for sig in TERM HUP USR1 USR2 ALRM; do
	mi_tmux_stderr="2>'$T/err-$sig'"
	tmux_start "sig$sig" kiosk
	tmux_expect "Welcome! Before your massage" "SIG$sig: welcome page"
	pid=$(tmux_pid)
	if [[ $sig == TERM ]]; then
		for other in INT QUIT TSTP; do
			kill -s "$other" "$pid"
			tmux_type "x"
			tmux_expect "Your full name:      x" "SIG$other: the kiosk still runs and reads keys"
			tmux_keys BSpace
		done
	fi
	kill -s "$sig" "$pid"
	tmux_expect_exit 75 "SIG$sig ends the kiosk"
	tmux_expect "icanon" "SIG$sig: stty shows the modes"
	mi_test_count=$((mi_test_count + 1))
	tmux_screen | grep -qE -- "(^| )-(icanon|echo|isig)( |$)" &&
		fail "SIG$sig left the terminal in raw mode: $(tmux_screen)"
	mi_test_count=$((mi_test_count + 1))
	grep -q "stopped by a signal" "$T/err-$sig" || fail "SIG$sig: no message on stderr"
	tmux -L "$mi_tmux_socket" kill-server
done

for sig in SEGV ABRT; do
	mi_tmux_stderr="2>'$T/err-$sig'"
	tmux_start "sig$sig" kiosk
	tmux_expect "Welcome! Before your massage" "SIG$sig: welcome page"
	kill -s "$sig" "$(tmux_pid)"
	tmux_expect "icanon" "SIG$sig: the program ended and stty shows the modes"
	mi_test_count=$((mi_test_count + 1))
	[[ $(cat "$T/exit-status") -ge 128 || $(cat "$T/exit-status") -eq 1 ]] ||
		fail "SIG$sig: the kiosk did not die of it (status $(cat "$T/exit-status"))"
	mi_test_count=$((mi_test_count + 1))
	tmux_screen | grep -qE -- "(^| )-(icanon|echo|isig)( |$)" &&
		fail "SIG$sig left the terminal in raw mode: $(tmux_screen)"
	tmux -L "$mi_tmux_socket" kill-server
done

finish
