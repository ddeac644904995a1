#!/usr/bin/env bash
# intake_clinic.sh - a clinic's own intake.conf: one question reworded, one
# added (a pacemaker) with a rule on it in the clinic's rules.conf and a
# line for it in its aftercare.conf. The edited files, in the clinic's
# folder, go through `rules`, `screen`, `intake`, `show`, `export --fhir`,
# `export --questionnaire` and `aftercare`; broken intake files are refused
# with FILE:LINE and the rule they break; screen's unanswered list follows
# the file's asked_when.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"
source "$(dirname "$0")/../lib/clinic.sh"
shipped=$mi_shipped
clinic=$mi_clinic

reworded="Have you had a temperature, or felt hot and shivery, today?"
clinic_intake "Do you have a pacemaker?" "$reworded"
sed -i 's/^version = .*/version = clinic-7/' "$clinic/intake.conf"
clinic_pacemaker_rule
sed 's/^section when not outcome urgent: Looking after yourself$/&\nbullet when flag pacemaker: We kept heat packs and devices away from your pacemaker./' \
	"$shipped/aftercare.conf" >"$clinic/aftercare.conf"
sed 's/"dvt_history": false,/"dvt_history": false, "pacemaker": true,/' \
	"$EX/01-proceed-chronic-tightness.json" >"$T/pacemaker.json"

# ---- rules: which intake is in use -------------------------------------------
run "$MI" rules
expect_rc 0 "rules with the clinic's files"
expect_out_has "intake questions: clinic-7 (blake2b:" "the clinic's intake version and fingerprint"
fingerprint=$(sed -n 's/^intake questions: clinic-7 (\(blake2b:[0-9a-f]*\))$/\1/p' <<<"$out")
[[ ${#fingerprint} -eq 72 ]] || fail "the fingerprint is not blake2b and 64 hex digits: '$fingerprint'"

# ---- screen ------------------------------------------------------------------
run "$MI" screen "$T/pacemaker.json"
expect_rc 0 "screen with the clinic's question"
expect_out_has "outcome: modify" "the pacemaker rule sets the outcome"
expect_out_has "modify  pacemaker  You told us you have a pacemaker." "the pacemaker flag"
run "$MI" screen --json "$EX/01-proceed-chronic-tightness.json"
expect_rc 0 "screen without the clinic's answer"
expect_out_has '"unanswered": ["pacemaker"]' "the clinic's question a rule reads is listed unanswered"
run "$MI" --data "$shipped" screen "$T/pacemaker.json"
expect_rc 65 "the shipped questions do not know the clinic's key"
expect_err_has 'unknown key "pacemaker"' "the shipped questions do not know the clinic's key"

# ---- intake, show, export, aftercare -------------------------------------------
run "$MI" intake --answers "$T/pacemaker.json"
expect_rc 0 "intake with the clinic's question"
visit=$out
run "$MI" show "$visit"
expect_rc 0 "show"
expect_out_has "  pacemaker: yes" "show lists the clinic's answer"
expect_out_has "  modify pacemaker" "show lists the clinic's flag"
expect_out_has "intake questions: $fingerprint" "show gives the intake fingerprint stored with the visit"
[[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT intake_version FROM visits WHERE id = $visit") == "$fingerprint" ]] ||
	fail "the visit does not store the intake fingerprint"
run "$MI" show --json "$visit"
expect_out_has "\"intake_version\":\"$fingerprint\"" "show --json gives the intake fingerprint"
expect_out_has '"pacemaker":true' "show --json has the clinic's answer"

run "$MI" export --fhir "$visit"
expect_rc 0 "export --fhir"
check_response=$(cat <<'PY'
import json, sys
items = {}
def walk(x):
    if isinstance(x, dict):
        if "linkId" in x and "answer" in x:
            items[x["linkId"]] = x
        for v in x.values():
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
walk(json.load(sys.stdin))
assert items["pacemaker"]["text"] == "Do you have a pacemaker?", items.get("pacemaker")
assert items["pacemaker"]["answer"] == [{"valueBoolean": True}], items["pacemaker"]
assert items["fever"]["text"] == sys.argv[1], items["fever"]
PY
)
mi_test_count=$((mi_test_count + 1))
python3 -c "$check_response" "$reworded" <<<"$out" || fail "the FHIR response lacks the clinic's questions"
run "$MI" export --questionnaire
expect_rc 0 "export --questionnaire"
check_questionnaire=$(cat <<'PY'
import json, sys
items = {}
def walk(x):
    if isinstance(x, dict):
        if "linkId" in x:
            items[x["linkId"]] = x
        for v in x.get("item", []):
            walk(v)
walk(json.load(sys.stdin))
assert items["pacemaker"]["text"] == "Do you have a pacemaker?", items.get("pacemaker")
assert items["pacemaker"]["type"] == "boolean", items["pacemaker"]
assert items["fever"]["text"] == sys.argv[1], items["fever"]
PY
)
mi_test_count=$((mi_test_count + 1))
python3 -c "$check_questionnaire" "$reworded" <<<"$out" ||
	fail "the Questionnaire lacks the clinic's question or the rewording"

run "$MI" aftercare "$visit"
expect_rc 0 "aftercare"
expect_out_has "We kept heat packs and devices away from your pacemaker." \
	"the aftercare line on the clinic's flag"

# ---- the visit read without the clinic's question ---------------------------------
# With the shipped questions (as after the clinic removes its question), the
# stored answer still loads and is shown as stored, marked as no longer asked.
run "$MI" --data "$shipped" show "$visit"
expect_rc 0 "show with an answer to a question no longer in the intake file"
expect_out_has "  pacemaker: yes (question no longer in the intake file)" \
	"show marks the answer no longer asked"
expect_out_has "  fever: no" "show keeps the other answers"
run "$MI" --data "$shipped" show --json "$visit"
expect_rc 0 "show --json with an answer to a question no longer in the intake file"
expect_out_has '"answers_no_longer_asked":{"pacemaker":true}' \
	"show --json gives the answer no longer asked as stored"
expect_out_lacks '"pacemaker":true,' "show --json keeps it out of the answers"
run "$MI" show --json "$visit"
expect_out_has '"answers_no_longer_asked":{}' "nothing is set aside while the question is asked"
# Erasing the client keeps the visit anonymously (retention) without the
# answer no longer asked: what it holds is not known, so it goes.
run "$MI" settings retention 7y
expect_rc 0 "settings retention 7y"
client=$(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT client_id FROM visits WHERE id = $visit")
run "$MI" --data "$shipped" erase "$client" --yes
expect_rc 0 "erase a client whose visit answers a question no longer in the intake file"
mi_test_count=$((mi_test_count + 1))
[[ $(sqlite3 "$MASSAGE_INTAKE_DB" "SELECT json_extract(answers, '$.pacemaker') IS NULL AND
	json_extract(answers, '$.fever') IS NOT NULL FROM visits WHERE id = $visit") == 1 ]] ||
	fail "the anonymous visit keeps the answer no longer asked, or lost the others"

# ---- broken intake files --------------------------------------------------------
cp "$clinic/intake.conf" "$T/good-intake.conf"
# Dropping a question a rule reads: refused, naming the file, line and rule.
awk '/^\[question fever\]/ { skip = 1 } /^\[question active_infection\]/ { skip = 0 } !skip' \
	"$T/good-intake.conf" >"$clinic/intake.conf"
lines=$(wc -l <"$clinic/intake.conf")
run "$MI" screen "$T/pacemaker.json"
expect_rc 65 "an intake without the question a rule reads"
expect_err_has "massage-intake: $clinic/intake.conf:$lines: there is no question for fever, which the rule fever reads." \
	"the dropped question, with file, line and rule"
# Dropping the clinic's own question: its key is gone, so its rule is refused.
awk '/^\[question pacemaker\]/ { skip = 1 } /^\[question skin_condition\]/ { skip = 0 } !skip' \
	"$T/good-intake.conf" >"$clinic/intake.conf"
line=$(grep -n '^when    = pacemaker$' "$clinic/rules.conf" | cut -d: -f1)
run "$MI" screen "$T/pacemaker.json"
expect_rc 65 "an intake without the clinic's question its rule reads"
expect_err_has "massage-intake: $clinic/rules.conf:$line: in the condition of [rule pacemaker]: unknown answer key or define \"pacemaker\"." \
	"the dropped question of the clinic's own, with file, line and rule"
# Always hiding it: refused the same way.
sed 's/^label = Pacemaker$/&\nasked_when = fever and not fever/' "$T/good-intake.conf" >"$clinic/intake.conf"
line=$(grep -n '^asked_when = fever and not fever' "$clinic/intake.conf" | cut -d: -f1)
run "$MI" screen "$T/pacemaker.json"
expect_rc 65 "an intake that never asks the question a rule reads"
expect_err_has "$clinic/intake.conf:$line: the asked_when of pacemaker can never hold, so pacemaker is never asked, but the rule pacemaker reads it." \
	"the hidden question, with file, line and rule"
# A broken condition: FILE:LINE as in rules.conf.
sed 's/^label = Pacemaker$/&\nasked_when = fever is maybe/' "$T/good-intake.conf" >"$clinic/intake.conf"
line=$(grep -n '^asked_when = fever is maybe' "$clinic/intake.conf" | cut -d: -f1)
run "$MI" intake --answers "$T/pacemaker.json"
expect_rc 65 "a broken asked_when"
expect_err_has "$clinic/intake.conf:$line: in the asked_when of pacemaker:" "the broken condition's line"

# ---- follow-ups: screen's unanswered list follows the file --------------------------
# The clinic asks "both legs?" only after weakness; the answers say numbness.
awk '/^asked_when = leg_symptoms has any/ { print "asked_when = leg_symptoms has weakness"; getline; next } { print }' \
	"$T/good-intake.conf" >"$clinic/intake.conf"
grep -q '^asked_when = leg_symptoms has weakness$' "$clinic/intake.conf" || fail "the test's asked_when edit did not apply"
legs='{"client": {"name": "Ana Silva"}, "leg_symptoms": ["numbness_tingling"]}'
run "$MI" screen --json - <<<"$legs"
expect_rc 0 "screen with numbness only"
expect_out_lacks '"leg_symptoms_both_sides"' "not asked by the clinic's file, so not unanswered"
run "$MI" screen --json - <<<"${legs/numbness_tingling/weakness}"
expect_out_has '"leg_symptoms_both_sides"' "asked by the clinic's file, so unanswered"
cp "$T/good-intake.conf" "$clinic/intake.conf"
run "$MI" screen --json - <<<"$legs"
expect_out_has '"leg_symptoms_both_sides"' "the shipped follow-up asks it for numbness"

finish
