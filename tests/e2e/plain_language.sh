#!/usr/bin/env bash
# The plain kiosk in a terminal that can do nothing but lines (TERM=dumb),
# in Spanish: 2 picks Español on the welcome, the questions, hints and
# refusals follow in Spanish, a Spanish yes is taken, the thank-you is in
# Spanish, the visit keeps its language, and the next client's welcome is
# in the desk's English again.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin"

MI_TMUX_TERM=dumb
tmux_start plain --plain kiosk
tmux_expect "2. Español: escriba 2 y pulse Enter." "Spanish offered in Spanish"
tmux_expect "Full name:" "the welcome in the desk's English"
tmux_type "2"; tmux_keys Enter
tmux_expect "Nombre completo:" "the name asked in Spanish"
tmux_type "Rae Day"; tmux_keys Enter
tmux_expect "Fecha de nacimiento (por ejemplo 14 marzo 1988):" "then the date of birth"
tmux_type "3 febrero 1980"; tmux_keys Enter Enter
tmux_expect "3 de febrero de 1980: ¿es correcto?" "a Spanish date read back in Spanish"
tmux_type "sí"; tmux_keys Enter
tmux_expect "Su código:" "the resume code"
tmux_keys Enter
tmux_expect "Pregunta 1 de 36, Sobre usted: ¿Cuál es su número de teléfono?" "the first question"
tmux_type "?"; tmux_keys Enter
tmux_expect "Ayuda: " "? prints the help in Spanish"
tmux_keys Enter Enter
tmux_expect "  7. piernas" "the body map's regions in Spanish"
tmux_type "8"; tmux_keys Enter
tmux_expect "Escriba números del 1 al 7, separados por comas, o ninguno." "a refusal in Spanish"
tmux_type "5"; tmux_keys Enter
tmux_expect "¿Qué tan fuerte es su dolor ahora mismo?" "the scale"
# The rest of Maya's answers, as she would type them in Spanish.
# (without the last Enter, which ends the thank-you)
sed -n '8,$p' "$MI_FIXTURES/plain/maya-kiosk.txt" | sed '$d' |
	sed -e 's/^a year and a half$/un año y medio/' -e 's/^y$/s/' -e 's/^Maya Ortiz$/Rae Day/' >"$T/rest.txt"
while IFS= read -r line; do
	[[ -n $line ]] && tmux_type "$line"
	tmux_keys Enter
	sleep 0.05
done <"$T/rest.txt"
tmux_expect "¡Gracias! Sus respuestas están guardadas." "the thank-you in Spanish"
tmux_keys Enter
tmux_expect "Each question is one line: type your answer and press Enter." \
	"the next client's welcome in the desk's language"
tmux_keys F12 Enter
tmux_expect "type the therapist PIN to leave the kiosk" "F12 then Enter asks the PIN, in English"
tmux_type "2468"; tmux_keys Enter
tmux_expect_exit 0 "the PIN leaves the plain kiosk"

run "$MI" show 1 --json
expect_rc 0 "the visit is stored"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -c '[.state, .answers.client.name, .answers.pain_locations, .answers.pain_duration_weeks]' <<<"$out") == \
	'["complete","Rae Day",["low_back"],78]' ]] || fail "the Spanish answers are not stored: $(jq -c . <<<"$out")"
run "$MI" aftercare 1
expect_out_has "Cuidados para Rae Day" "the desk prints the sheet in the visit's Spanish"

finish
