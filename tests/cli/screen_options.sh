#!/usr/bin/env bash
# screen and rules: help, bad options, --rules and --data, broken rule files.
source "$(dirname "$0")/../lib/common.sh"
EX="$MI_FIXTURES/examples"
RULES="$MI_FIXTURES/rules"

run "$MI" screen --help
expect_rc 0 "screen --help"
expect_out_has "Usage: massage-intake screen [--json | --jsonl] [--rules FILE] [FILE | -]" "screen usage"
run "$MI" rules --help
expect_rc 0 "rules --help"
expect_out_has "Usage: massage-intake rules" "rules usage"

run "$MI" screen --xml "$EX/01-proceed-chronic-tightness.json"
expect_rc 64 "unknown option"
expect_err_has 'massage-intake: unknown option "--xml"; see massage-intake screen --help.' "unknown option named"
run "$MI" screen --json --jsonl "$EX/01-proceed-chronic-tightness.json"
expect_rc 64 "--json with --jsonl"
run "$MI" screen "$EX/01-proceed-chronic-tightness.json" "$EX/02-modify-blood-thinner.json"
expect_rc 64 "two files"
run "$MI" rules --verbose
expect_rc 64 "rules bad option"

# --rules FILE replaces the rules for one run.
run "$MI" screen --rules "$RULES/valid.conf" "$EX/02-modify-blood-thinner.json"
expect_rc 0 "--rules valid"
expect_out_has "outcome: proceed" "--rules valid: anticoagulant is not in it"
printf '{"fever": true}' >"$T/fever.json"
run "$MI" screen "$T/fever.json" --rules "$RULES/valid.conf"
expect_out_has "urgent  fever_only  Plain words for the client." "--rules after the file"

# A broken rules file: exit 65, FILE:LINE: reason, nothing on stdout.
run "$MI" screen --rules "$RULES/unknown_level.conf" "$EX/01-proceed-chronic-tightness.json"
expect_rc 65 "--rules broken"
expect_err_has "massage-intake: $RULES/unknown_level.conf:11: unknown level \"severe\"" "--rules broken names file:line"
[[ -z $out ]] || fail "--rules broken printed: $out"
run "$MI" screen --jsonl --rules "$RULES/unknown_key.conf" "$EX/01-proceed-chronic-tightness.json"
expect_rc 65 "--rules unknown key"
expect_err_has "unknown_key.conf:5: " "--rules unknown key line"
run "$MI" rules --rules "$RULES/missing_source.conf"
expect_rc 65 "rules with a broken file"
expect_err_has "missing_source.conf:3: [rule fever] has no source" "rules broken names file:line"
run "$MI" screen --rules "$T/nowhere.conf" "$EX/01-proceed-chronic-tightness.json"
expect_rc 66 "--rules missing"

# --data DIR: both files from another folder; a broken dictionary is refused.
mkdir -p "$T/data"
cp "$RULES/valid.conf" "$T/data/rules.conf"
printf '[class anticoagulant]\nwarfarin\n[dose aspirin]\nnames = aspirin\n' >"$T/data/medications.conf"
run "$MI" --data "$T/data" screen "$EX/01-proceed-chronic-tightness.json"
expect_rc 65 "--data broken dictionary"
expect_err_has "$T/data/medications.conf:3: the [dose aspirin] section has no low_dose_max_mg" "broken dictionary file:line"
printf '[class anticoagulant]\nwarfarin\n' >"$T/data/medications.conf"
MASSAGE_INTAKE_DATA="$T/data" run "$MI" rules
expect_rc 0 "rules from MASSAGE_INTAKE_DATA"
expect_out_has "rules version: test-1 (" "version from the other folder"
expect_out_has "fever_only" "rule from the other folder"

# rules: the shipped list.
run "$MI" rules
expect_rc 0 "rules"
expect_out_has "rules version: 2026." "rules version line"
expect_out_has "urgent   bladder_bowel_change" "rules lists urgent rules"
expect_out_has "modify   pregnancy" "rules lists modify rules"
[[ $(grep -c '^\(urgent\|refer\|modify\)' <<<"$out") -eq 31 ]] || fail "rules lists $(grep -c '^\(urgent\|refer\|modify\)' <<<"$out") rules, expected 31"
run "$MI" rules --json
expect_rc 0 "rules --json"
mi_test_count=$((mi_test_count + 1))
[[ $(jq '.rules | length' <<<"$out") -eq 31 ]] || fail "rules --json count"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.rules[] | select(.id == "fever") | .level' <<<"$out") == urgent ]] || fail "rules --json fever level"
mi_test_count=$((mi_test_count + 1))
[[ $(jq -r '.version' <<<"$out") == 2026.*" ("????????")" ]] || fail "rules --json version: $(jq -r .version <<<"$out")"

finish
