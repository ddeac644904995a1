#!/usr/bin/env bash
# The command line in the desk's language (LANGUAGE=es, LANGUAGE=fr_CA):
# the lists of clients, drafts, review and due, check's report and the
# error messages are in it, with the same exit codes; what other programs
# read stays byte for byte the English: screen's text form, the --json of
# screen, clients, review, drafts and due, screen --jsonl and due --ics.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/languages.sh"
EX="$MI_FIXTURES/examples"

# expect_same_rc LANG DESCRIPTION CMD...: CMD fails with the same status in
# LANG as in English, and says so in LANG (the stderr of the last run is
# kept in $err for the caller).
expect_same_rc() {
	local lang=$1 what=$2
	shift 2
	run "$@"
	local en_rc=$rc en_err=$err
	in_language "$lang" "$@"
	holds "$lang: $what: exit $rc, English $en_rc" test "$rc" -eq "$en_rc"
	holds "$lang: $what: exit 0" test "$rc" -ne 0
	holds "$lang: $what: no massage-intake: sentence: $err" grep -q '^massage-intake: ' <<<"$err"
	holds "$lang: $what: the sentence is the English one: $err" test "$err" != "$en_err"
}

# ---- a clinic's day ------------------------------------------------------
# Visit 1 with a reassess plan (overdue by 2026-11-23), visit 2 a kiosk
# intake not reviewed yet with a maintenance plan, and a client who left
# the kiosk after their name and birth date: a kiosk draft.
intake_on() { # DATE EXAMPLE: stores the example as a visit on DATE, prints its id
	MASSAGE_INTAKE_TODAY=$1 "$MI" intake --answers "$EX/$2"
}
v1=$(intake_on 2026-11-02 01-proceed-chronic-tightness.json) || fail "setup: intake 1"
v2=$(intake_on 2026-11-20 02-modify-blood-thinner.json) || fail "setup: intake 2"
"$MI" note "$v1" --plan reassess >/dev/null || fail "setup: plan of visit 1"
"$MI" note "$v2" --plan maintenance_4_weeks >/dev/null || fail "setup: plan of visit 2"
sqlite3 "$MASSAGE_INTAKE_DB" "UPDATE visits SET source = 'kiosk', reviewed = 0 WHERE id = $v2" ||
	fail "setup: a kiosk intake"
echo 2468 | "$MI" set-pin >/dev/null || fail "setup: the kiosk's PIN"
printf 'Kiosk Person\n1990-01-01\n\ny\n\n' | "$MI" --plain kiosk >/dev/null ||
	fail "setup: a kiosk draft"

# English first: the words the translations replace are there.
run "$MI" review
expect_out_has "kiosk, finished" "English: review"
expect_out_has "kiosk, draft" "English: review, a draft"
expect_out_has "proceed, not fully screened" "English: review, not fully screened"
run "$MI" due --days 30
expect_out_has "(visit $v1, plan reassess)  OVERDUE" "English: due"
run "$MI" clients
expect_out_has "last visit" "English: clients"
english_clients=$out

# ---- the words people read -----------------------------------------------
# Each list in each language, then the words expected of it.
declare -A said
lists=("clients" "review" "drafts" "drafts --expired" "due --days 30" "check")
for lang in es fr_CA; do
	for list in "${lists[@]}"; do
		# shellcheck disable=SC2086 # the command's words split on purpose
		in_language "$lang" "$MI" $list
		expect_rc 0 "$lang: $list"
		said[$lang:$list]=$out
	done
done
while IFS='|' read -r lang list word; do
	out=${said[$lang:$list]}
	expect_out_has "$word" "$lang: $list"
done <<EOF
es|clients|nombre
es|clients|nacimiento
es|clients|última visita
es|clients|resultado
es|review|visita
es|review|fecha
es|review|cliente
es|review|estado
es|review|kiosk, terminado
es|review|kiosk, borrador
es|review|proceed, evaluación incompleta
es|drafts|kiosk, borrador
es|drafts|Kiosk Person
es|drafts --expired|no hay cuestionarios sin terminar vencidos
es|due --days 30|(visita $v1, plan reassess)  ATRASADO
es|due --days 30|(visita $v2, plan maintenance_4_weeks)
es|due --days 30|reevaluar (48-72 h después de la sesión) (visita $v1, plan reassess)
es|due --days 30|sesión de mantenimiento (visita $v2
es|check|integridad: correcta
es|check|claves foráneas: correctas
fr_CA|clients|nom
fr_CA|clients|naissance
fr_CA|clients|dernière visite
fr_CA|clients|résultat
fr_CA|review|visite
fr_CA|review|état
fr_CA|review|kiosk, terminé
fr_CA|review|kiosk, brouillon
fr_CA|review|proceed, dépistage incomplet
fr_CA|drafts|kiosk, brouillon
fr_CA|drafts|Kiosk Person
fr_CA|drafts --expired|aucun questionnaire inachevé expiré
fr_CA|due --days 30|(visite $v1, plan reassess)  EN RETARD
fr_CA|due --days 30|(visite $v2, plan maintenance_4_weeks)
fr_CA|due --days 30|réévaluer (48-72 h après la séance) (visite $v1, plan reassess)
fr_CA|due --days 30|séance d’entretien (visite $v2
fr_CA|check|intégrité : ok
fr_CA|check|clés étrangères : ok
EOF
# ... and no English is left in them.
while IFS='|' read -r list word; do
	for lang in es fr_CA; do
		out=${said[$lang:$list]}
		expect_out_lacks "$word" "$lang: $list is not in English"
	done
done <<'EOF'
clients|last visit
review|finished
review|not fully screened
drafts|draft
drafts --expired|no expired
due --days 30|OVERDUE
due --days 30|after the session
due --days 30|maintenance session
check|integrity
EOF
for lang in es fr_CA; do
	out=${said[$lang:review]}
	expect_out_has "modify" "$lang: a level stays its keyword"
	# Below the headings the clients' rows are those of English: names,
	# dates, level keywords.
	holds "$lang: the clients' rows are those of English: ${said[$lang:clients]}" \
		test "$(tail -n +2 <<<"${said[$lang:clients]}" | tr -s ' ')" == \
		"$(tail -n +2 <<<"$english_clients" | tr -s ' ')"
done

# Errors: the same exit status as in English, the sentence in the language.
while IFS='|' read -r lang command sentence; do
	# shellcheck disable=SC2086 # the command's words split on purpose
	expect_same_rc "$lang" "$command" "$MI" $command
	expect_err_has "$sentence" "$lang: $command: the error is translated"
done <<'EOF'
es|clients extra|massage-intake: clients solo acepta opciones
es|drafts --discard abc|massage-intake: --discard necesita el número de una visita
es|due --days 999|massage-intake: --days acepta un número entero de 0 a 365.
es|settings no_such_setting|massage-intake: ajuste desconocido "no_such_setting"
es|settings idle_timeout_seconds 5|idle_timeout_seconds debe ser un número entero de segundos, de 10 a 3600, no "5".
fr_CA|clients extra|massage-intake: clients n’accepte que des options
fr_CA|drafts --discard abc|massage-intake: --discard demande le numéro d’une visite
fr_CA|due --days 999|massage-intake: --days accepte un nombre entier de 0 à 365.
fr_CA|settings no_such_setting|massage-intake: paramètre inconnu « no_such_setting »
fr_CA|settings paper a3|paper doit être a4 ou letter, et non « a3 ».
EOF

# ---- --help ---------------------------------------------------------------
# The command tables' words (summary, about, options, exit statuses) and
# the settings' ranges in the language; names, options and keywords stay
# as typed.
while IFS='|' read -r lang command word; do
	in_language "$lang" "$MI" "$command" --help
	expect_rc 0 "$lang: $command --help"
	expect_out_has "$word" "$lang: $command --help"
	expect_out_lacks "Exit status" "$lang: $command --help is not in English"
done <<'EOF'
es|clients|Lista los clientes, uno por línea
es|clients|--search TEXT  solo los clientes cuyo nombre contiene TEXT
es|clients|"last_visit", "last_outcome", "visits"}
es|due|Lista los clientes con un seguimiento pendiente
es|due|--days N    cuántos días hacia adelante mirar
es|due|  reassess            preguntar cómo se sienten
es|due|Estado de salida: 0 listado
es|settings|Ajustes:
es|kiosk|F3 Español, F4 Français); las preguntas
es|kiosk|Allí los idiomas se ofrecen primero, por número
es|settings|(de 10 a 3600 segundos; por omisión 180)
es|settings|recepción: segundos sin teclas antes de bloquearse
fr_CA|clients|Liste les clients, un par ligne
fr_CA|clients|--search TEXT  seulement les clients dont le nom contient TEXT
fr_CA|clients|"last_visit", "last_outcome", "visits"}
fr_CA|due|Liste les clients dus pour un suivi
fr_CA|due|--days N    jusqu’où regarder
fr_CA|due|  reassess            demander comment ils vont
fr_CA|due|Code de sortie : 0 listé
fr_CA|settings|Paramètres :
fr_CA|kiosk|Sur la page d’accueil, le client choisit sa langue d’une touche
fr_CA|settings|(de 10 à 3600 secondes; par défaut 180)
fr_CA|settings|réception : secondes sans touche avant verrouillage
EOF
for lang in es fr_CA; do
	in_language "$lang" "$MI" --help
	expect_out_lacks "who is due for a follow-up" "$lang: --help names due in English"
	expect_out_lacks "list clients (--search TEXT)" "$lang: --help names clients in English"
done
# What backup and restore ask for, a phrase translated on its own.
while IFS='|' read -r lang command sentence; do
	expect_same_rc "$lang" "$command" "$MI" "$command"
	expect_err_has "$sentence" "$lang: $command: the error is translated"
done <<'EOF'
es|backup|massage-intake: backup necesita un archivo FILE donde escribir;
es|restore|massage-intake: restore necesita un archivo de respaldo FILE;
fr_CA|backup|massage-intake: backup exige un fichier FILE où écrire;
fr_CA|restore|massage-intake: restore exige un fichier de sauvegarde FILE;
EOF

# ---- what programs read: byte-identical to English -----------------------
for f in "$EX"/*.json; do jq -c . "$f"; done >"$T/all.jsonl"
"$MI" due --days 30 --ics "$T/en.ics" >/dev/null || fail "due --ics in English"
for lang in es fr_CA; do
	for f in "$EX"/*.json; do
		same_as_english "$lang" "screen $(basename "$f")" "$MI" screen "$f"
		same_as_english "$lang" "screen --json $(basename "$f")" "$MI" screen --json "$f"
	done
	same_as_english "$lang" "screen --jsonl" "$MI" screen --jsonl "$T/all.jsonl"
	same_as_english "$lang" "clients --json" "$MI" clients --json
	same_as_english "$lang" "review --json" "$MI" review --json
	same_as_english "$lang" "drafts --json" "$MI" drafts --json
	same_as_english "$lang" "due --json" "$MI" due --days 30 --json
	same_as_english "$lang" "rules --json" "$MI" rules --json
	# The calendar: the same but for DTSTAMP, the moment it was written.
	LANGUAGE=$lang "$MI" due --days 30 --ics "$T/$lang.ics" >/dev/null || fail "$lang: due --ics"
	holds "$lang: due --ics differs from English" \
		cmp -s <(grep -v '^DTSTAMP:' "$T/en.ics") <(grep -v '^DTSTAMP:' "$T/$lang.ics")
	holds "$lang: the calendar has its events: $(cat "$T/$lang.ics")" \
		grep -q "SUMMARY:.*maintenance session" "$T/$lang.ics"
	same_as_english "$lang" "due --ics -" sh -c "\"\$0\" due --days 30 --ics - | grep -v '^DTSTAMP:'" "$MI"
done

# The language from LANG alone, as a desk computer sets it (the locale
# need not be generated).
out=$(env -u LC_ALL -u LANGUAGE LANG=fr_CA.UTF-8 "$MI" clients 2>&1)
expect_out_has "dernière visite" "LANG=fr_CA.UTF-8 gives the French words"

# ---- one visit as show prints it -------------------------------------------
# A returning client's visit whose consent is signed with another name:
# the outcome's words, the consent's problem and what changed since the
# last visit are in the language; the level and its mark, the rule ids and
# the medicines as written stay; show --json is the English, byte for byte.
jq '.pain_intensity = 7 | .medications += ["Eliquis 5 mg"] | .consent.name = "Someone Else"' \
	"$EX/01-proceed-chronic-tightness.json" >"$T/returning.json" || fail "setup: a returning visit"
v3=$("$MI" intake --answers "$T/returning.json") || fail "setup: intake 3"
run "$MI" show "$v3"
expect_out_has "outcome: modify [~ MODIFY] go ahead but adapt" "English: show"
expect_out_has "The consent is not signed with the client's name" "English: show, the consent"
expect_out_has "medication started: Eliquis 5 mg" "English: show, the changes"
while IFS='|' read -r lang word; do
	in_language "$lang" "$MI" show "$v3"
	expect_rc 0 "$lang: show"
	expect_out_has "$word" "$lang: show"
	for english in "go ahead but adapt" "The consent is not signed" "medication started" \
		"new flag" "(worse)"; do
		expect_out_lacks "$english" "$lang: show is not in English"
	done
done <<'EOF'
es|resultado: modify [~ MODIFY] adelante, pero adapte
es|! El consentimiento no está firmado con el nombre del cliente.
es|medicamento iniciado: Eliquis 5 mg
es|alerta nueva: anticoagulant
es|dolor: 4 -> 7 (peor)
fr_CA|résultat : modify [~ MODIFY] allez-y, mais adaptez
fr_CA|! Le consentement n’est pas signé du nom du client.
fr_CA|médicament commencé : Eliquis 5 mg
fr_CA|nouvelle alerte : anticoagulant
fr_CA|douleur : 4 -> 7 (pire)
EOF
for lang in es fr_CA; do
	same_as_english "$lang" "show --json" "$MI" show "$v3" --json
	holds "$lang: show --json names the consent's problem in English" \
		grep -q "not signed with the client's name" "$T/.lang"
done

finish
