#!/usr/bin/env bash
# `massage-intake aftercare` for an urgent visit: a short sheet, in text and
# on paper, that says where to go now, what the client told us and why it
# cannot wait, without
# the areas worked, the body map, the pain chart or the follow-up plan.
source "$(dirname "$0")/../lib/common.sh"

# pdf_text FILE: the PDF's text with all whitespace removed.
pdf_text() {
	pdftotext -enc UTF-8 "$1" - | tr -d ' \n\t'
}

# expect_pdf FILE has|lacks TEXT DESCRIPTION
expect_pdf() {
	mi_test_count=$((mi_test_count + 1))
	local want
	want=$(printf '%s' "$3" | tr -d ' \n\t')
	if [[ $2 == has ]]; then
		grep -qF -- "$want" <<<"$(pdf_text "$1")" || fail "$4: the PDF lacks '$3'"
	else
		! grep -qF -- "$want" <<<"$(pdf_text "$1")" || fail "$4: the PDF has '$3'"
	fi
}

# Bladder change and symptoms in both legs: the suspected CES pathway.
run "$MI" intake --answers "$MI_FIXTURES/examples/04-urgent-bladder-change.json"
expect_rc 0 "intake"
visit=$out
run "$MI" note "$visit" --area low_back --pressure light --aftercare "We called the clinic's GP for you."
expect_rc 0 "notes on the urgent visit"

run "$MI" aftercare "$visit"
expect_rc 0 "text"
expect_out_has "please get medical help now" "the urgent title"
expect_out_has "Go to an emergency department (A&E) now" "where to go"
expect_out_has "New trouble passing or holding urine or stool" "what the client told us"
expect_out_has "Pain below the knee, numbness or weakness in both legs" "both legs"
expect_out_has "We called the clinic's GP for you." "the therapist's note for the client"
expect_out_lacks "Today we worked on" "no areas worked"
expect_out_lacks "48–72 hours" "no follow-up plan"
expect_out_lacks "What is normal afterwards" "no after-massage advice"
expect_out_has "Why today: together with back pain" "why, in plain words"
expect_out_lacks "cauda" "no diagnosis named"

run "$MI" aftercare "$visit" --format pdf -o "$T/urgent.pdf"
expect_rc 0 "PDF"
mi_test_count=$((mi_test_count + 1))
pdfinfo "$T/urgent.pdf" 2>/dev/null | grep -q '^Pages: *1$' || fail "PDF: not one page"
expect_pdf "$T/urgent.pdf" has "Go to an emergency department (A&E) now" "PDF where to go"
expect_pdf "$T/urgent.pdf" lacks "Areas worked today" "PDF without the body map"
expect_pdf "$T/urgent.pdf" lacks "Your pain score at each visit" "PDF without the pain chart"
expect_pdf "$T/urgent.pdf" lacks "48–72" "PDF without the follow-up plan"
expect_pdf "$T/urgent.pdf" has "Why today" "PDF says why"

# The clinic's phone number is on the urgent sheet too.
"$MI" settings clinic_phone "555 0100" >/dev/null || fail "settings clinic_phone"
run "$MI" aftercare "$visit"
expect_out_has "Call the clinic on 555 0100." "the phone number on the urgent sheet"
run "$MI" aftercare "$visit" --format pdf -o "$T/urgent-phone.pdf"
expect_pdf "$T/urgent-phone.pdf" has "Call the clinic on 555 0100." "PDF: the phone number"
"$MI" settings clinic_phone --unset >/dev/null || fail "settings clinic_phone --unset"

# A fever alone: a doctor today, not the emergency department.
jq '.fever = true' "$MI_FIXTURES/examples/01-proceed-chronic-tightness.json" >"$T/fever.json"
run "$MI" intake --answers "$T/fever.json"
expect_rc 0 "intake with a fever"
fever=$out
run "$MI" aftercare "$fever"
expect_rc 0 "fever text"
expect_out_has "please get medical help now" "the fever sheet is the urgent one"
expect_out_has "See a doctor today" "where to go with a fever"
expect_out_has "A fever, or feeling feverish" "what the client told us"
expect_out_has "Why today" "why"
expect_out_lacks "emergency department (A&E) now" "no emergency department for a fever alone"
expect_out_lacks "What is normal afterwards" "no after-massage advice for a fever"
expect_out_lacks "Looking after yourself" "no self-care advice for a massage"
run "$MI" aftercare "$fever" --format pdf -o "$T/fever.pdf"
expect_rc 0 "fever PDF"
expect_pdf "$T/fever.pdf" has "See a doctor today" "PDF where to go with a fever"
expect_pdf "$T/fever.pdf" lacks "What is normal afterwards" "PDF without after-massage advice"

finish
