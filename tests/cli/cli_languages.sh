#!/usr/bin/env bash
# The command line in the desk's language (LANGUAGE=es, LANGUAGE=fr_CA,
# LANG=fr_CA.UTF-8): --help, a command's --help, its errors (its own and
# the app layer's, such as an access refusal), show and history speak it;
# the "massage-intake:" prefix, the keywords, the exit codes and every
# --json output stay exactly as in English.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/languages.sh"

"$MI" intake --answers "$MI_FIXTURES/examples/02-modify-blood-thinner.json" >/dev/null ||
	fail "setup: intake 1"
"$MI" intake --answers "$MI_FIXTURES/examples/05-incomplete-safety-questions.json" >/dev/null ||
	fail "setup: intake 2"
"$MI" note 1 --response "felt looser" --therapist-notes "tight QL" >/dev/null || fail "setup: notes"

# check LANG USAGE COMMANDS SHOW_HEAD OUTCOME FLAGS NEEDS_ID HISTORY_HEAD
#       TREND UNSCREENED UNKNOWN
check() {
	local lang=$1
	in_language "$lang" "$MI" --help
	expect_rc 0 "$lang: --help"
	expect_out_has "$2 massage-intake [--db PATH]" "$lang: the usage line"
	expect_out_has "$3" "$lang: the commands heading"
	expect_out_lacks "Commands:" "$lang: no English heading"
	expect_out_has "  show       $4" "$lang: a command's summary"

	in_language "$lang" "$MI" show --help
	expect_rc 0 "$lang: show --help"
	expect_out_has "$2 massage-intake show VISIT [--json]" "$lang: show's usage, syntax kept"
	expect_out_has "  --json  " "$lang: the option's name kept"
	expect_out_lacks "Prints everything stored" "$lang: show's about translated"

	in_language "$lang" "$MI" show 1
	expect_rc 0 "$lang: show"
	expect_out_has "$5" "$lang: show's first line"
	expect_out_has "$6 modify" "$lang: the outcome, its keyword kept"
	expect_out_has "$7" "$lang: the flags heading"
	expect_out_has "felt looser" "$lang: the notes as written"
	expect_out_lacks "entered by" "$lang: no English left in show"

	in_language "$lang" "$MI" history 1
	expect_rc 0 "$lang: history"
	expect_out_has "$8" "$lang: history's headings"
	expect_out_has "$9" "$lang: the pain trend"
	expect_out_lacks "pain trend:" "$lang: no English left in history"
	in_language "$lang" "$MI" history 2
	expect_out_has "${10}" "$lang: not fully screened, the keyword kept"

	in_language "$lang" "$MI" show abc
	expect_rc 64 "$lang: a bad visit id"
	expect_err_has "massage-intake: ${11}" "$lang: the error, prefix kept"
	in_language "$lang" "$MI" bogus
	expect_rc 64 "$lang: an unknown command"
	expect_err_has "massage-intake: ${12}" "$lang: the unknown command named"

	same_as_english "$lang" "show --json" "$MI" show 1 --json
	same_as_english "$lang" "show --json of a visit not fully screened" "$MI" show 2 --json
	same_as_english "$lang" "history --json" "$MI" history 1 --json
	same_as_english "$lang" "history --json" "$MI" history 2 --json
	same_as_english "$lang" "review --json" "$MI" review --json
}

check es "Uso:" "Comandos:" "todo lo guardado sobre una visita" \
	"visita 1: 2026-11-23, completa, ingresada por cli" "resultado:" "alertas:" \
	"visita  fecha       estado    dolor  resultado" "evolución del dolor: " \
	"proceed, evaluación incompleta" "show necesita un número de visita" \
	'comando desconocido "bogus"'
check fr_CA "Utilisation :" "Commandes :" "tout ce qui est gardé sur une visite" \
	"visite 1 : 2026-11-23, terminée, saisie par cli" "résultat :" "alertes :" \
	"visite  date        état      douleur  résultat" "évolution de la douleur : " \
	"proceed, dépistage incomplet" "show exige un numéro de visite" \
	"commande inconnue « bogus »"

# The language from LANG alone, a locale this computer never generated.
run env LANG=fr_CA.UTF-8 LC_ALL= "$MI" history 1
expect_rc 0 "LANG=fr_CA.UTF-8: history"
expect_out_has "évolution de la douleur" "LANG=fr_CA.UTF-8 is the desk's language"

# The app layer's refusals in the desk's language; the sentence --json
# gives for withheld notes stays English.
echo 2468 | "$MI" therapist add Anna >/dev/null || fail "setup: the owner"
printf '2468\n1122\n' | "$MI" --as Anna therapist add Carla --role front-desk >/dev/null ||
	fail "setup: a front-desk account"
run bash -c "echo 1122 | LANGUAGE=es '$MI' --as Carla note 1 --response x"
expect_rc 77 "es: front desk writes no notes"
expect_err_has "massage-intake: las notas de la sesión las escribe un terapeuta; Carla es de recepción." \
	"es: the refusal"
run bash -c "echo 0000 | LANGUAGE=fr_CA '$MI' --as Carla show 1"
expect_rc 77 "fr_CA: a wrong PIN"
expect_err_has "massage-intake: nom ou NIP erroné." "fr_CA: the wrong PIN"
in_language es "$MI" show 1
expect_out_has "respuesta y notas del terapeuta: no se muestran: las notas de la sesión las lee" \
	"es: why the notes are not shown"
expect_out_lacks "tight QL" "es: the therapist's notes withheld"
same_as_english es "show --json with the notes withheld" "$MI" show 1 --json
holds "show --json: notes_withheld in English: $(jq -r .notes_withheld "$T/.lang")" \
	test "$(jq -r .notes_withheld "$T/.lang")" == \
	"session notes are read by a therapist signed in: give --as NAME."
same_as_english fr_CA "show --json with the notes withheld" "$MI" show 1 --json

# English is as ever with no language set.
run "$MI" show 1
expect_out_has "visit 1: 2026-11-23, complete, entered by cli" "English show"
run "$MI" --help
expect_out_has "Commands:" "English --help"

finish
