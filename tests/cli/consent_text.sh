#!/usr/bin/env bash
# A visit whose consent was given records which consent text it was: its
# version and SHA-256, printed by show (text and --json). The hash is
# checked here against sha256sum of the words the client reads; when the
# words change, MI_CONSENT_VERSION (include/mi/consent.h) must change too.
source "$(dirname "$0")/../lib/common.sh"

text="I have answered these questions truthfully and agree to receive a massage. Type your full name to sign."
hash=$(printf '%s' "$text" | sha256sum | cut -d' ' -f1)

run "$MI" intake --answers "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json"
expect_rc 0 "an intake with consent"
visit=$out
run "$MI" show "$visit"
expect_out_has "consent text agreed: version 1, sha256 $hash" "show names the version and hash of the text"
run "$MI" show "$visit" --json
mi_test_count=$((mi_test_count + 1))
jq -e --arg h "$hash" '.consent_text.version == "1" and .consent_text.sha256 == $h' <<<"$out" \
	>/dev/null || fail "show --json has the consent text's version and hash: $out"

# Without consent nothing is recorded.
jq 'del(.consent)' "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json" >"$T/no-consent.json"
run "$MI" intake --answers "$T/no-consent.json"
expect_rc 0 "an intake without consent"
visit=$out
run "$MI" show "$visit"
expect_out_has "consent text agreed: not recorded" "no consent, no text"
run "$MI" show "$visit" --json
mi_test_count=$((mi_test_count + 1))
jq -e '.consent_text == null' <<<"$out" >/dev/null || fail "consent_text is null without consent"
finish
