#!/usr/bin/env bash
# store_search.sh - clients are matched and searched whatever the case,
# accents, width and script: `intake` finds a returning client written
# differently, `clients --search` finds "Élodie" from "élodie" and "Σοφία"
# from "σοφία" or "ΣΟΦΙΑ", texts of one or two characters too.
source "$(dirname "$0")/../lib/common.sh"

# intake_as NAME BIRTH: stores an intake for that client, keeps the visit id.
intake_as() {
	printf '{"client": {"name": "%s", "birth_date": "%s"}, "pain_intensity": 3}\n' "$1" "$2" \
		>"$T/answers.json"
	run "$MI" intake --answers "$T/answers.json"
	expect_rc 0 "intake $1"
}

intake_as "Élodie Durand" 1990-05-01
intake_as "ÉLODIE  DURAND" 1990-05-01
intake_as "elodie durand" 1990-05-01
intake_as "Σοφία Παπαδοπούλου" 1982-07-19
intake_as "ΣΟΦΙΑ ΠΑΠΑΔΟΠΟΥΛΟΥ" 1982-07-19
intake_as "Юлия Иванова" 1975-02-11
intake_as "王小明" 1970-01-30
intake_as "Maya Ortiz" 1988-03-14

# A returning client written another way is the same client.
run "$MI" clients --json
expect_rc 0 "clients --json"
mi_test_count=$((mi_test_count + 1))
[[ $(jq length <<<"$out") == 5 ]] || fail "expected 5 clients, got: $out"
mi_test_count=$((mi_test_count + 1))
[[ $(jq '[.[] | select(.name == "Élodie Durand")][0].visits' <<<"$out") == 3 ]] ||
	fail "Élodie Durand should have 3 visits: $out"

# search TEXT NAME: `clients --search TEXT` lists NAME and nobody else.
search() {
	run "$MI" clients --json --search "$1"
	expect_rc 0 "clients --search $1"
	mi_test_count=$((mi_test_count + 1))
	[[ $(jq -r '[.[].name] | join(",")' <<<"$out") == "$2" ]] ||
		fail "clients --search '$1': got $(jq -c '[.[].name]' <<<"$out"), expected $2"
}
search "élodie" "Élodie Durand"
search "ELODIE" "Élodie Durand"
search "Elodie  D" "Élodie Durand"
search "ＥＬＯＤＩＥ" "Élodie Durand"
search "σοφία" "Σοφία Παπαδοπούλου"
search "ΣΟΦΙΑ" "Σοφία Παπαδοπούλου"
search "σοφια παπαδοπουλου" "Σοφία Παπαδοπούλου"
search "ΠΑΠΑΔΟΠΟΎΛΟΥ" "Σοφία Παπαδοπούλου"
search "юлия" "Юлия Иванова"
search "ИВАН" "Юлия Иванова"
search "小明" "王小明"
search "王" "王小明"
search "é" "Élodie Durand"
search "Σ" "Σοφία Παπαδοπούλου"
search "ya" "Maya Ortiz"
search "ORTÍZ" "Maya Ortiz"
run "$MI" clients --search "elodie x"
expect_rc 0 "clients --search with no match"
expect_out_has "no client matches" "clients --search with no match"

finish
