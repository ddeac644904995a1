#!/usr/bin/env bash
# The plain kiosk speaks the client's language: the languages are offered
# by number before the welcome, each in its own words; a Spanish and a
# French client answer the same intake as an English one through a pipe,
# in their language (questions, hints, thank-you, the urgent words), and
# store the same answers, with the visit's language kept for its
# aftercare sheet; the next client starts in the desk's language. The
# plain desk intake speaks the desk's language.
source "$(dirname "$0")/../lib/common.sh"
export TERM=dumb
english=$MI_FIXTURES/plain/maya-kiosk.txt

# Each language's client in a clinic of their own, so each is a first visit.
for db in intake es fr; do
	run bash -c "echo 2468 | '$MI' --db '$T/$db.db' set-pin"
	expect_rc 0 "set-pin for $db"
done

# The same lines as the English intake, with the words a client types in
# their language: the duration, and yes in their words (y still counts).
{ echo 2; sed -e 's/^a year and a half$/un año y medio/' -e '4s/^y$/s/' -e '11s/^y$/sí/' "$english"; } \
	>"$T/es.txt"
{ echo 3; sed -e 's/^a year and a half$/un an et demi/' -e '4s/^y$/oui/' -e '11s/^y$/o/' "$english"; } \
	>"$T/fr.txt"

# stored DB: what the first visit of DB stores, without the consent's
# wording (the words signed are those of the client's language).
stored() {
	"$MI" --db "$1" show 1 --json | jq -S 'del(.consent_text)'
}

run bash -c "'$MI' --plain kiosk <'$english'"
expect_rc 0 "the English intake"
expect_out_has "  1. English: type 1 and press Enter." "English offered in English"
expect_out_has "  2. Español: escriba 2 y pulse Enter." "Spanish offered in Spanish"
expect_out_has "  3. Français : tapez 3 et appuyez sur Entrée." "French offered in French"
mi_test_count=$((mi_test_count + 1))
[[ $(grep -n -m1 "Español" <<<"$out" | cut -d: -f1) -lt $(grep -n -m1 "^Welcome!" <<<"$out" | cut -d: -f1) ]] ||
	fail "the languages are not offered before the welcome: $out"
english_visit=$(stored "$T/intake.db")

# ---- Spanish ----
run bash -c "'$MI' --db '$T/es.db' --plain kiosk <'$T/es.txt'"
expect_rc 0 "the Spanish intake"
expect_out_has "¡Bienvenido/a! Antes del masaje" "the welcome again, in Spanish"
expect_out_has "Nombre completo:" "the name asked in Spanish"
expect_out_has "Pregunta 1 de 36, Sobre usted: ¿Cuál es su número de teléfono?" "the questions in Spanish"
expect_out_has "  6. caderas y glúteos" "the body map's regions in Spanish"
expect_out_has "Escriba s para sí o n para no." "the yes/no hint in Spanish"
expect_out_has "Aproximadamente 78 semanas: ¿es correcto?" "a Spanish duration read back in Spanish"
expect_out_has "Revise sus respuestas:" "the review in Spanish"
expect_out_has "¡Gracias! Sus respuestas están guardadas." "the thank-you in Spanish"
expect_out_lacks "Question 1 of 36" "no English question for a Spanish client"
mi_test_count=$((mi_test_count + 1))
[[ $(tail -3 <<<"$out" | head -1) == "Full name:" ]] ||
	fail "the next client does not start in the desk's language: $(tail -5 <<<"$out")"
mi_test_count=$((mi_test_count + 1))
[[ -n $english_visit && $(stored "$T/es.db") == "$english_visit" ]] ||
	fail "the Spanish intake stored another result: $(diff <(echo "$english_visit") <(stored "$T/es.db"))"
run "$MI" --db "$T/es.db" aftercare 1
expect_rc 0 "the Spanish visit's aftercare at the desk"
expect_out_has "Cuidados para Maya Ortiz" "reprinted in the visit's language"
run "$MI" aftercare 1
expect_out_lacks "Cuidados" "the English visit's sheet stays English"

# Bad answers are refused in Spanish: the walk-through's check of an
# e-mail address, the plain mode's of a choice.
printf '%s\n' 2 "Val Idate" "1990-05-05" "" s "" "" ana "" 9 >"$T/es-bad.txt"
run bash -c "'$MI' --plain kiosk <'$T/es-bad.txt'"
expect_out_has "Escriba un correo como nombre@ejemplo.org" "the e-mail's refusal in Spanish"
expect_out_has "Escriba números del 1 al 7, separados por comas, o ninguno." "the refusal in Spanish"
expect_out_has "The input ended: the kiosk stops." "the kiosk's last words in the desk's language"
expect_out_lacks "La entrada terminó" "and not in the client's"

# ---- French ----
run bash -c "'$MI' --db '$T/fr.db' --plain kiosk <'$T/fr.txt'"
expect_rc 0 "the French intake"
expect_out_has "Nom complet :" "the name asked in French"
expect_out_has "Question 3 sur 36, Votre douleur : " "the questions in French"
expect_out_has "Tapez o pour oui ou n pour non." "the yes/no hint in French"
expect_out_has "Merci! Vos réponses sont enregistrées." "the thank-you in French"
mi_test_count=$((mi_test_count + 1))
[[ -n $english_visit && $(stored "$T/fr.db") == "$english_visit" ]] ||
	fail "the French intake stored another result: $(diff <(echo "$english_visit") <(stored "$T/fr.db"))"
run "$MI" --db "$T/fr.db" aftercare 1
expect_out_has "Soins après le massage pour Maya Ortiz" "reprinted in French"

# An urgent answer, in French: the rule's words in French, at once and at the end.
printf '%s\n' 3 "Lee Park" "1955-06-07" "" oui "" "" "" "" 5 2 2 "" "" "" non oui \
	n n n n n n n 1 n n n n "" n 1 1 "" "" >"$T/fr-urgent.txt"
run bash -c "'$MI' --plain kiosk <'$T/fr-urgent.txt'"
expect_rc 0 "an urgent intake in French"
mi_test_count=$((mi_test_count + 1))
after=$(awk '/^Question.*uriner/ { found = 1; next }
	found && NF && !/^Tapez / && !/^> *$/ { print; exit }' <<<"$out")
[[ $after == *"rendez-vous à l’urgence maintenant"* ]] ||
	fail "the urgent words in French do not follow the answer: '$after'"
expect_out_has "Consultez maintenant." "the urgent end in French"
expect_out_has "1. Avisez la réception maintenant. On vous aidera." "what to do now, in French"
expect_out_lacks "emergency department" "no English urgent words"
expect_out_lacks "Please get care now." "no English urgent end"

# ---- the desk's language ----
# The desk in Spanish: its welcome in Spanish, the languages each in its
# own words; 1 gives a client English; the next client has Spanish again.
{ echo 1; cat "$english"; } >"$T/en.txt"
run bash -c "LANGUAGE=es '$MI' --plain kiosk <'$T/en.txt'"
expect_rc 0 "a Spanish desk, an English client"
mi_test_count=$((mi_test_count + 1))
[[ $(sed -n '1p;4p;7p' <<<"$out" | tr '\n' '|') == "  1. English: type 1 and press Enter.|¡Bienvenido/a! Antes del masaje"*"|Nombre completo:|" ]] ||
	fail "a Spanish desk's kiosk does not start in Spanish: $(head -8 <<<"$out")"
expect_out_has "Question 1 of 36, About you: What is your phone number?" "1 picks English at a Spanish desk"
expect_out_has "Thank you! Your answers are saved." "the thank-you in English"
mi_test_count=$((mi_test_count + 1))
[[ $(tail -3 <<<"$out" | head -1) == "Nombre completo:" ]] ||
	fail "the next client does not start in the desk's Spanish: $(tail -5 <<<"$out")"

# The plain desk intake speaks the desk's language and stores the same answers.
# The French client's lines without the language's number, the code, the
# kiosk's pause and the thank-you's Enter.
sed -e 1d "$T/fr.txt" | sed -e 3d -e 5d -e '$d' >"$T/desk.txt"
run bash -c "LANGUAGE=fr_CA '$MI' --plain intake <'$T/desk.txt'"
expect_rc 0 "the plain desk intake in French"
expect_out_has "Nouveau questionnaire : le nom et la date de naissance du client" "the desk's words in French"
expect_out_has "Question 1 sur 36" "the questions in the desk's language"
expect_out_lacks "Español" "no language offered at the desk"
visit=$(grep -oE 'comme visite [0-9]+' <<<"$out" | grep -oE '[0-9]+$')
run "$MI" show "$visit" --json
mi_test_count=$((mi_test_count + 1))
[[ $(jq -Sc '.answers | del(.client, .consent)' <<<"$out") == "$(jq -Sc '.answers | del(.client, .consent)' <<<"$english_visit")" ]] ||
	fail "the French desk intake stored other answers: $(jq -c .answers <<<"$out")"

finish
