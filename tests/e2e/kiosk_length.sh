#!/usr/bin/env bash
# The honest length: the calm example (tests/fixtures/examples/01-*) walked
# through the kiosk as a client would answer it, counting every screen the
# client reads and every key pressed. The time a person needs is estimated
# as READ_SECONDS per screen (about 25 words of question and answers at an
# unhurried pace, plus the moment to decide) and KEY_SECONDS per key (a
# hunt-and-peck typist, which is who a clinic's kiosk must plan for). The
# welcome page must promise that time, rounded up to whole minutes
# (ui_length.h; the figures are in docs/PERFORMANCE.md).
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

READ_SECONDS=8
KEY_SECONDS=1
example=$(ls "$MI_FIXTURES"/examples/01-*.json)

screens=0 keys=0 questions=0
# page TEXT DESC: the next screen, once it shows TEXT.
page() { tmux_expect "$1" "$2"; screens=$((screens + 1)); }
# question TEXT DESC: the next question's screen.
question() { page "$1" "$2"; questions=$((questions + 1)); }
press() { keys=$((keys + $#)); tmux_keys "$@"; }
write() { keys=$((keys + ${#1})); tmux_type "$1"; }

run bash -c "echo 2468 | '$MI' set-pin"
expect_rc 0 "set-pin from stdin"
export MASSAGE_INTAKE_TODAY_FILE="$T/today"
echo 2026-11-20 >"$T/today"
tmux_start kiosk kiosk

page "Welcome! Before your massage" "welcome page"
welcome=$(tmux_screen)
write "Maya Ortiz"; press Enter
write "14/03/1988"; press Enter
page "14 March 1988: is that right?" "the birth date shown back"
press y
page "continue later with your name" "the code page"
press Enter
question "What is your phone number?" "phone"
write "555-0142"; press Enter
question "e-mail" "e-mail"
press Enter
question "Where do you feel pain" "pain locations"
press Down Down Down Down Space Down Space Enter
question "How strong is your pain" "pain now"
press 4 Enter
question "How long have you had this pain?" "duration"
write "20"; press Enter
question "How did the pain start?" "onset"
press 1 Enter
question "What makes the pain worse" "worse with"
write "sitting at my desk all day"; press Enter
question "What makes the pain better" "better with"
write "walking, hot shower"; press Enter
question "in your legs" "leg symptoms"
press Enter
for words in "Is weakness in your legs" "urine or stool" "numbness between your legs" \
	"fever" "treated for an infection" "lost weight" "ever had cancer" "pain at night" \
	"a fall, an accident"; do
	question "$words" "safety: $words"
	press n
done
question "thin or weak bones" "osteoporosis"
press 1 Enter
for words in "steroid tablets" "bleed more easily" "bruise easily" "blood clot"; do
	question "$words" "safety: $words"
	press n
done
question "surgery in the last year" "surgery"
press Enter
question "rash, or inflamed" "skin"
press n
question "blood pressure" "blood pressure"
press 1 Enter
question "Are you pregnant?" "pregnant"
press 1 Enter
question "other health conditions" "other conditions"
press Enter
question "past injuries or operations" "past injuries"
write "none"; press Enter
question "Which medicines" "medications"
write "ibuprofen as needed"; press Enter Enter
question "What pressure" "pressure"
press 3 Enter
question "focus on" "focus areas"
press Down Down Down Down Space Down Space Enter
question "areas you would like us to avoid" "avoid areas"
press Enter
question "draping or comfort" "draping"
press Enter
question "What would you like from this session" "goals"
press Space Enter
question "Anything else you hope to get" "other goals"
press Enter
page "Please check your answers" "review page"
press c
page "Type your full name to sign" "consent"
write "Maya Ortiz"; press Enter
page "Thank you! Your answers are saved." "thank-you page"

seconds=$((screens * READ_SECONDS + keys * KEY_SECONDS))
minutes=$(((seconds + 59) / 60))
per_question=$(((seconds + questions - 1) / questions))
echo "walk-through: $screens screens, $keys keys, $questions questions: about $seconds s" \
	"($per_question s per question), $minutes minutes" >&2
mi_test_count=$((mi_test_count + 1))
grep -q "about $minutes minutes" <<<"$welcome" ||
	fail "the welcome page does not promise the measured $minutes minutes ($per_question s per question): $(grep -o 'about [0-9]* minute[s]*' <<<"$welcome")"

# The walk stored the calm example's answers; every safety question has
# its own explicit "no", none left out.
run "$MI" show 1 --json
expect_rc 0 "show the walked visit"
for key in $(jq -r 'to_entries[] | select(.value == false) | .key' "$example"); do
	[[ $key == leg_symptoms_both_sides ]] && continue # a follow-up, not asked without leg symptoms
	mi_test_count=$((mi_test_count + 1))
	[[ $(jq -c --arg k "$key" '.answers[$k]' <<<"$out") == false ]] ||
		fail "$key is not stored as the explicit no it was given: $(jq -c --arg k "$key" '.answers[$k]' <<<"$out")"
done
for key in pain_intensity pain_duration_weeks onset osteoporosis blood_pressure pregnant \
	pressure_preference pain_locations focus_areas goals medications; do
	mi_test_count=$((mi_test_count + 1))
	[[ $(jq -c --arg k "$key" '.answers[$k]' <<<"$out") == "$(jq -c --arg k "$key" '.[$k]' "$example")" ]] ||
		fail "$key differs from the calm example: $(jq -c --arg k "$key" '.answers[$k]' <<<"$out")"
done
expect_out_has '"proceed"' "the calm example proceeds"

finish
