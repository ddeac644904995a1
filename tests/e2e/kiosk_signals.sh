#!/usr/bin/env bash
# SIGTERM and SIGHUP end the kiosk with the terminal restored (echo and
# canonical mode back on) and one sentence on stderr; SIGINT, SIGQUIT and
# SIGTSTP sent with kill do not stop it.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"

mi_tmux_after="stty -a; sleep 30"   # the tty modes the kiosk left behind
for sig in TERM HUP; do
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

finish
