#!/usr/bin/env bash
# The command line in the desk's language (LANGUAGE=es, LANGUAGE=fr_CA):
# the lists of clients, drafts, review and due, check's report and the
# error messages are in it, with the same exit codes; what other programs
# read stays byte for byte the English: screen's text form, the --json of
# screen, clients, review, drafts and due, screen --jsonl and due --ics.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"

# check STATUS DESCRIPTION: counts one assertion; fails when STATUS is not 0.
check() {
	mi_test_count=$((mi_test_count + 1))
	[[ $1 -eq 0 ]] || fail "$2"
}

# in_language LANG CMD...: runs CMD as `run` does with the desk's language LANG.
in_language() {
	local lang=$1
	shift
	out=$(LANGUAGE=$lang "$@" 2>"$T/.stderr")
	rc=$?
	err=$(cat "$T/.stderr")
}

# same_as_english LANG DESCRIPTION CMD...: CMD's standard output and exit
# status under LANG are those of English, byte for byte (a trailing newline
# included).
same_as_english() {
	local lang=$1 what=$2
	shift 2
	"$@" >"$T/.en" 2>/dev/null
	local en_rc=$?
	LANGUAGE=$lang "$@" >"$T/.lang" 2>/dev/null
	local lang_rc=$?
	check "$([[ $en_rc -eq $lang_rc ]]; echo $?)" "$lang: $what: exit $lang_rc, English $en_rc"
	check "$(cmp -s "$T/.en" "$T/.lang"; echo $?)" \
		"$lang: $what differs from English: $(diff "$T/.en" "$T/.lang" | head -5)"
	check "$([[ -s $T/.en ]]; echo $?)" "$lang: $what: English printed nothing to compare"
}

# expect_same_rc LANG DESCRIPTION CMD...: CMD fails with the same status in
# LANG as in English, and says so in LANG (the stderr of the last run is
# kept in $err for the caller).
expect_same_rc() {
	local lang=$1 what=$2
	shift 2
	run "$@"
	local en_rc=$rc en_err=$err
	in_language "$lang" "$@"
	check "$([[ $rc -eq $en_rc && $rc -ne 0 ]]; echo $?)" "$lang: $what: exit $rc, English $en_rc"
	check "$([[ $err == massage-intake:* && $err != "$en_err" ]]; echo $?)" \
		"$lang: $what: not a translated massage-intake: sentence: $err"
}

# ---- a clinic's day ------------------------------------------------------
# Visit 1 with a reassess plan (overdue by 2026-11-23), visit 2 a kiosk
# intake with a maintenance plan, visit 3 a kiosk intake with safety
# questions unanswered; visit 100 a desk draft, 101 a kiosk draft of a
# client not stored yet.
intake_on() { # DATE EXAMPLE: stores the example as a visit on DATE, prints its id
	MASSAGE_INTAKE_TODAY=$1 "$MI" intake --answers "$EX/$2"
}
v1=$(intake_on 2026-11-02 01-proceed-chronic-tightness.json) || fail "setup: intake 1"
v2=$(intake_on 2026-11-20 02-modify-blood-thinner.json) || fail "setup: intake 2"
v3=$(intake_on 2026-11-21 05-incomplete-safety-questions.json) || fail "setup: intake 3"
"$MI" note "$v1" --plan reassess >/dev/null || fail "setup: plan of visit 1"
"$MI" note "$v2" --plan maintenance_4_weeks >/dev/null || fail "setup: plan of visit 2"
sqlite3 "$MASSAGE_INTAKE_DB" <<SQL || fail "setup: the kiosk intakes and the drafts"
UPDATE visits SET source = 'kiosk', reviewed = 0 WHERE id IN ($v2, $v3);
INSERT INTO visits (id, client_id, date, state, created, updated, who, source, reviewed)
VALUES (100, 1, '2026-11-22', 'draft', '2026-11-22T10:00:00Z', '2026-11-22T10:05:00Z', 'desk', 'desk', 1),
       (101, NULL, '2026-11-23', 'draft', '2026-11-23T11:00:00Z', '2026-11-23T11:02:00Z', 'kiosk', 'kiosk', 0);
INSERT INTO draft_answers (visit_id, key, value, saved_at) VALUES
 (100, 'pain_intensity', '6', '2026-11-22T10:01:00Z'),
 (101, 'client.name', '"Kiosk Person"', '2026-11-23T11:01:00Z'),
 (101, 'fever', 'false', '2026-11-23T11:02:00Z');
SQL

# English first: the words the translations replace are there.
run "$MI" review
expect_out_has "kiosk, finished" "English: review"
expect_out_has "proceed, not fully screened" "English: review, not fully screened"
run "$MI" due
expect_out_has "(visit $v1, plan reassess)  OVERDUE" "English: due"
run "$MI" clients
expect_out_has "last visit" "English: clients"
english_clients=$out

# ---- the words people read -----------------------------------------------
# words LANG: the translated words expected of each list, one variable each.
for lang in es fr_CA; do
	if [[ $lang == es ]]; then
		w_clients=("nombre" "nacimiento" "última visita" "resultado")
		w_review=("visita" "fecha" "cliente" "estado" "kiosk, terminado" "desk, borrador"
			"proceed, evaluación incompleta")
		w_drafts=("desk, borrador" "kiosk, borrador" "Kiosk Person")
		w_no_expired="no hay cuestionarios sin terminar vencidos"
		w_due=("(visita $v1, plan reassess)  ATRASADO" "(visita $v2, plan maintenance_4_weeks)")
		w_check=("integridad: correcta" "claves foráneas: correctas")
		w_error="massage-intake: clients solo acepta opciones"
		w_discard="massage-intake: --discard necesita el número de una visita"
	else
		w_clients=("nom" "naissance" "dernière visite" "résultat")
		w_review=("visite" "date" "client" "état" "kiosk, terminé" "desk, brouillon"
			"proceed, dépistage incomplet")
		w_drafts=("desk, brouillon" "kiosk, brouillon" "Kiosk Person")
		w_no_expired="aucun questionnaire inachevé expiré"
		w_due=("(visite $v1, plan reassess)  EN RETARD" "(visite $v2, plan maintenance_4_weeks)")
		w_check=("intégrité : ok" "clés étrangères : ok")
		w_error="massage-intake: clients n’accepte que des options"
		w_discard="massage-intake: --discard demande le numéro d’une visite"
	fi

	in_language "$lang" "$MI" clients
	expect_rc 0 "$lang: clients"
	for w in "${w_clients[@]}"; do expect_out_has "$w" "$lang: clients"; done
	expect_out_lacks "last visit" "$lang: clients' headings are not English"
	# Below the headings the rows are the same: names, dates, level keywords.
	check "$([[ $(tail -n +2 <<<"$out" | tr -s ' ') == $(tail -n +2 <<<"$english_clients" | tr -s ' ') ]]; echo $?)" \
		"$lang: the clients' rows are those of English: $out"

	in_language "$lang" "$MI" review
	expect_rc 0 "$lang: review"
	for w in "${w_review[@]}"; do expect_out_has "$w" "$lang: review"; done
	expect_out_has "modify" "$lang: a level stays its keyword"
	expect_out_lacks "finished" "$lang: review is not in English"

	in_language "$lang" "$MI" drafts
	expect_rc 0 "$lang: drafts"
	for w in "${w_drafts[@]}"; do expect_out_has "$w" "$lang: drafts"; done
	expect_out_lacks "draft" "$lang: drafts is not in English"
	in_language "$lang" "$MI" drafts --expired
	expect_rc 0 "$lang: drafts --expired"
	expect_out_has "$w_no_expired" "$lang: no expired drafts"

	in_language "$lang" "$MI" due --days 30
	expect_rc 0 "$lang: due"
	for w in "${w_due[@]}"; do expect_out_has "$w" "$lang: due"; done
	expect_out_lacks "OVERDUE" "$lang: due is not in English"

	in_language "$lang" "$MI" check
	expect_rc 0 "$lang: check"
	for w in "${w_check[@]}"; do expect_out_has "$w" "$lang: check"; done

	# Errors: the same exit status, the sentence in the language.
	expect_same_rc "$lang" "clients with an operand" "$MI" clients extra
	expect_err_has "$w_error" "$lang: the error is translated"
	expect_same_rc "$lang" "drafts --discard of no number" "$MI" drafts --discard abc
	expect_err_has "$w_discard" "$lang: the error is translated"
	expect_same_rc "$lang" "due --days out of range" "$MI" due --days 999
	expect_same_rc "$lang" "an unknown setting" "$MI" settings no_such_setting

	# ---- what programs read: byte-identical to English --------------------
	for f in "$EX"/*.json; do
		same_as_english "$lang" "screen $(basename "$f")" "$MI" screen "$f"
		same_as_english "$lang" "screen --json $(basename "$f")" "$MI" screen --json "$f"
	done
	for f in "$EX"/*.json; do jq -c . "$f"; done >"$T/all.jsonl"
	same_as_english "$lang" "screen --jsonl" "$MI" screen --jsonl "$T/all.jsonl"
	same_as_english "$lang" "clients --json" "$MI" clients --json
	same_as_english "$lang" "review --json" "$MI" review --json
	same_as_english "$lang" "drafts --json" "$MI" drafts --json
	same_as_english "$lang" "due --json" "$MI" due --days 30 --json
	same_as_english "$lang" "rules --json" "$MI" rules --json
	# The calendar: the same but for DTSTAMP, the moment it was written.
	"$MI" due --days 30 --ics "$T/en.ics" >/dev/null || fail "due --ics in English"
	LANGUAGE=$lang "$MI" due --days 30 --ics "$T/$lang.ics" >/dev/null || fail "$lang: due --ics"
	check "$(cmp -s <(grep -v '^DTSTAMP:' "$T/en.ics") <(grep -v '^DTSTAMP:' "$T/$lang.ics"); echo $?)" \
		"$lang: due --ics differs from English"
	check "$(grep -q "SUMMARY:.*maintenance session" "$T/$lang.ics"; echo $?)" \
		"$lang: the calendar has its events: $(cat "$T/$lang.ics")"
	same_as_english "$lang" "due --ics -" sh -c "\"\$0\" due --days 30 --ics - | grep -v '^DTSTAMP:'" "$MI"
done

# The language from LANG alone, as a desk computer sets it (the locale
# need not be generated).
out=$(env -u LC_ALL -u LANGUAGE LANG=fr_CA.UTF-8 "$MI" clients 2>&1)
expect_out_has "dernière visite" "LANG=fr_CA.UTF-8 gives the French words"

finish
