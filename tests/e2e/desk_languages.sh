#!/usr/bin/env bash
# The front desk in the desk's language: started under LANGUAGE=es, then
# LANGUAGE=fr_CA, it signs in, shows the client list (browsing and
# searching), its help box, the new-client form, a client page, a visit
# page, the review queue and the due list, and the desk's own intake asks
# its questions in that language. Each page's title and key hints are whole
# on the screen at 80x24 and at 132x43.
#
# The lists below are the words expected on each page, per language (as
# the screen shows them: runs of spaces read as one); a page's list may
# grow without touching the walk below.
# shellcheck disable=SC2034 # the lists below are read by name (words)
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

SIGNIN_es=("Iniciar sesión — elija su nombre y luego escriba su PIN." "Su PIN:"
	"Arriba/Abajo su nombre Cifras PIN Enter iniciar sesión")
SIGNIN_fr_CA=("Connexion — choisissez votre nom, puis tapez votre NIP." "Votre NIP :"
	"Haut/Bas votre nom Chiffres NIP Entrée se connecter")
SIGNED_IN_es="Sesión iniciada: owner"
SIGNED_IN_fr_CA="Session ouverte : owner"
MAIN_es=("massage-intake - recepción: clientes" "Buscar:" "Nombre" "Últ. resultado"
	"(/ para escribir un nombre)" "1 cuestionario por revisar (r)"
	"/ buscar Arriba/Abajo mover Enter abrir n alta r revisar ? ayuda q salir")
MAIN_fr_CA=("massage-intake - réception : clients" "Rechercher :" "Nom" "Dern. résultat"
	"(/ pour taper un nom)" "1 questionnaire à réviser (r)"
	"/ nom Haut/Bas bouger Entrée ouvrir n nouveau r réviser ? aide q quitter")
URGENT_es="!! URGENTE: Tom Becker - sin revisar"
URGENT_fr_CA="!! URGENT : Tom Becker - non révisé"
SEARCH_es=("Escriba Arriba/Abajo mover Enter abrir Tab lista Esc borrar F1 ayuda")
SEARCH_fr_CA=("Tapez un nom Haut/Bas bouger Entrée ouvrir Tab liste Esc effacer F1 aide")
HELP_es=("Ayuda - cualquier tecla la cierra")
HELP_fr_CA=("Aide - toute touche la ferme")
MAIN_HELP_es=("Los clientes, por nombre." "q sale.")
MAIN_HELP_fr_CA=("Les clients, par nom." "q quitte.")
NEW_es=("Cliente nuevo" "Nombre completo:" "Fecha de nacimiento:" "p. ej. 14 marzo 1988"
	"Escriba Tab siguiente campo Enter seguir Esc cancelar F1 ayuda")
NEW_fr_CA=("Nouveau client" "Nom complet :" "Date de naissance :" "ex. 14 mars 1988"
	"Tapez Tab champ suivant Entrée continuer Esc annuler F1 aide")
DUE_es=("Seguimientos - esta semana y vencidos" "No hay nadie pendiente esta semana."
	"Arriba/Abajo mover Enter abrir el cliente Esc volver ? ayuda")
DUE_fr_CA=("Suivis - cette semaine et en retard" "Personne n’est à suivre cette semaine."
	"Haut/Bas se déplacer Entrée ouvrir le client Esc retour ? aide")
INTAKE_es=("¿Cuál es su número de teléfono?")
INTAKE_fr_CA=("Quel est votre numéro de téléphone?")
INTAKE_KEPT_es="El cuestionario queda como borrador: i en la página del cliente lo retoma."
INTAKE_KEPT_fr_CA="Le questionnaire est gardé comme brouillon : i sur la page du client le reprend."
# The pages of the client's record.
CLIENT_es=("Cliente 1 - Walter Brandt"
	"Arriba/Abajo mover Enter abrir visita i cuestionario Esc volver ? ayuda")
CLIENT_fr_CA=("Client 1 - Walter Brandt"
	"Haut/Bas bouger Entrée ouvrir la visite i questionnaire Esc retour ? aide")
VISIT_es=("Visita 1 - Walter Brandt" "s guardar p imprimir" "Esc volver ? ayuda")
VISIT_fr_CA=("Visite 1 - Walter Brandt" "s enreg. p imprimer" "Esc retour ? aide")
REVIEW_es=("Por revisar - cuestionarios en espera"
	"Arriba/Abajo mover Enter abrir d descartar borrador Esc volver ? ayuda")
REVIEW_fr_CA=("À réviser - questionnaires en attente"
	"Haut/Bas bouger Entrée ouvrir d supprimer un brouillon Esc retour ? aide")


# words NAME LANG: the list NAME_LANG, one word a line.
words() {
	local -n list="$1_$2"
	printf '%s\n' "${list[@]}"
}

# opens KEY...: presses the keys and waits until the title bar changes
# (another page, whatever its language).
opens() {
	local before deadline=$((SECONDS + 10))
	before=$(tmux_screen | head -1)
	tmux_keys "$@"
	while ((SECONDS < deadline)); do
		[[ $(tmux_screen | head -1) != "$before" ]] && return 0
		sleep 0.05
	done
	fail "$lang: $* opened no other page: $(tmux_screen)"
}

# in_help_box TEXT...: each TEXT is whole inside the help box (its rows
# joined without the box's frame) at 80x24, then at 132x43 (counted).
in_help_box() {
	local text inside size
	for size in "80 24" "132 43"; do
		# shellcheck disable=SC2086
		tmux_resize $size
		tmux_redrawn_at "${size% *}"
		inside=$(tmux_screen | sed -E 's/^ *\| ?//; s/ *\| *$//; s/^ *//; s/ *$//' | tr '\n' ' ' | tr -s ' ')
		for text in "$@"; do
			mi_test_count=$((mi_test_count + 1))
			grep -qF -- "$text" <<<"$inside" || fail "$lang, ${size/ /x}: the help box does not hold '$text' whole: $(tmux_screen)"
		done
	done
	tmux_resize 80 24
	tmux_redrawn_at 80
}

# check NAME LANG: every word of NAME_LANG is whole at both sizes.
check() {
	local -a expected
	mapfile -t expected < <(words "$1" "$2")
	((${#expected[@]})) && tmux_at_both_sizes "${expected[@]}"
	return 0
}

for lang in es fr_CA; do
	# A clinic of its own: Walter, one visit; Tom, an urgent intake, which
	# waits for review (the banner on every page).
	export MASSAGE_INTAKE_DB=$T/$lang.db
	echo 2468 | "$MI" set-pin >/dev/null
	run "$MI" intake --answers "$MI_FIXTURES/examples/02-modify-blood-thinner.json"
	expect_rc 0 "Walter's visit"
	run "$MI" intake --answers "$MI_FIXTURES/examples/04-urgent-bladder-change.json"
	expect_rc 0 "Tom's urgent intake"
	export LANGUAGE=$lang
	tmux_start "desk-$lang"
	check SIGNIN "$lang"
	tmux_type 2468
	tmux_keys Enter
	signed=SIGNED_IN_$lang
	tmux_expect "${!signed}" "$lang: the status line says who signed in"
	urgent=URGENT_$lang
	tmux_expect_whole "${!urgent}" "$lang: the urgent banner"
	check MAIN "$lang"

	tmux_keys /
	check SEARCH "$lang"
	tmux_keys Tab
	tmux_keys '?'
	check HELP "$lang"
	mapfile -t help_words < <(words MAIN_HELP "$lang")
	in_help_box "${help_words[@]}"
	tmux_keys x

	tmux_keys n
	check NEW "$lang"
	tmux_keys Escape

	tmux_keys d
	check DUE "$lang"
	tmux_keys Escape

	# Walter's client page (the list is by name: Tom, then Walter).
	tmux_keys Down
	opens Enter
	tmux_expect "Walter Brandt" "$lang: the client page"
	check CLIENT "$lang"
	tmux_keys '?'
	check HELP "$lang"
	tmux_keys x

	# The desk's intake asks its questions in the desk's language.
	tmux_keys i
	check INTAKE "$lang"
	tmux_keys C-s
	kept=INTAKE_KEPT_$lang
	tmux_expect_whole "${!kept}" "$lang: the intake kept as a draft"

	# Walter's visit (the newest first: the draft, then the visit).
	tmux_keys End
	opens Enter
	check VISIT "$lang"
	tmux_keys '?'
	check HELP "$lang"
	tmux_keys x Escape Escape

	opens r
	tmux_expect "Tom Becker" "$lang: the review queue"
	check REVIEW "$lang"
	tmux_keys '?'
	check HELP "$lang"
	tmux_keys x Escape

	tmux_keys q
	tmux_expect_exit 0 "$lang: q leaves the desk"
done

finish
