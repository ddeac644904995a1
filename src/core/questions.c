/* questions.c - the intake questions in plain words, in the order asked.
 *
 * Only wording and order live here: the answer types and allowed values
 * come from the answers schema, the screening rules from data/rules.conf.
 */
#include "mi/questions.h"

#define ABOUT "About you"
#define PAIN "Your pain"
#define LEGS "Legs and nerves"
#define HEALTH "Health and safety"
#define MEDS "Medications"
#define PREFS "Your preferences"
#define GOALS "Your goals"
#define CONSENT "Consent"

static const char *const leg_labels[] = {
	"Pain above the knee",
	"Pain below the knee",
	"Numbness or tingling",
	"Weakness",
	NULL,
};
static const char *const onset_labels[] = {
	"Slowly, over time",
	"Suddenly, without an injury",
	"After an injury, fall or accident",
	NULL,
};
static const char *const osteoporosis_labels[] = {
	"No",
	"Yes, mild (thinning bones, or treated)",
	"Yes, severe",
	NULL,
};
static const char *const blood_pressure_labels[] = {
	"Normal",
	"High, but controlled with treatment",
	"High and not controlled",
	"I don't know",
	NULL,
};
static const char *const pregnant_labels[] = {
	"No",
	"Yes",
	"Does not apply to me",
	NULL,
};
static const char *const pressure_labels[] = {
	"Light",
	"Medium",
	"Firm",
	NULL,
};

#define Q(...) {__VA_ARGS__}

static const mi_ui_question questions[] = {
	Q(.key = "client.name", .label = "Name", .group = ABOUT, .kind = MI_Q_TEXT, .text = "What is your full name?",
	  .help = "Type your first and last name as you would like us to use them."),
	Q(.key = "client.birth_date", .label = "Date of birth", .group = ABOUT, .kind = MI_Q_DATE,
	  .text = "What is your date of birth?",
	  .help = "Type it as year-month-day, for example 1980-04-30."),
	Q(.key = "client.phone", .label = "Phone", .group = ABOUT, .kind = MI_Q_TEXT,
	  .text = "What is your phone number?", .optional = true,
	  .help = "Digits, spaces and + - ( ) only. Leave it empty and press Enter to skip."),
	Q(.key = "client.email", .label = "E-mail", .group = ABOUT, .kind = MI_Q_TEXT,
	  .text = "What is your e-mail address?", .optional = true,
	  .help = "For example name@example.org. Leave it empty and press Enter to skip."),

	Q(.key = "pain_locations", .label = "Where it hurts", .group = PAIN, .kind = MI_Q_BODYMAP,
	  .text = "Where do you feel pain or tightness? Tick every area that applies.",
	  .vocab = mi_region_labels,
	  .help = "Move with the Up and Down arrows, press Space to tick or untick an area, "
		  "then Enter when you are done. You can tick none."),
	Q(.key = "pain_intensity", .label = "Pain now (0-10)", .group = PAIN, .kind = MI_Q_SCALE,
	  .text = "How strong is your pain right now?", .low_label = "no pain",
	  .high_label = "worst pain imaginable",
	  .help = "Pick a number from 0 to 10 with the Left and Right arrows or type it, "
		  "then press Enter."),
	Q(.key = "pain_duration_weeks", .label = "Weeks with this pain", .group = PAIN, .kind = MI_Q_NUMBER,
	  .text = "For how many weeks have you had this pain? (Type 0 if less than a week.)",
	  .help = "A rough number is fine: 4 weeks is about a month, 52 weeks a year."),
	Q(.key = "onset", .label = "How it started", .group = PAIN, .kind = MI_Q_CHOICE, .text = "How did the pain start?",
	  .labels = onset_labels, .help = "Pick the one that fits best."),
	Q(.key = "worse_with", .label = "Worse with", .group = PAIN, .kind = MI_Q_TEXT,
	  .text = "What makes the pain worse?", .optional = true,
	  .help = "For example: sitting for long, lifting, bending. You may leave it empty."),
	Q(.key = "better_with", .label = "Better with", .group = PAIN, .kind = MI_Q_TEXT,
	  .text = "What makes the pain better?", .optional = true,
	  .help = "For example: walking, heat, lying down. You may leave it empty."),

	Q(.key = "leg_symptoms", .label = "Leg symptoms", .group = LEGS, .kind = MI_Q_MULTI,
	  .text = "Do you have any of these in your legs? Tick all that apply.",
	  .labels = leg_labels,
	  .help = "Tick with Space and press Enter. If you have none of these, press Enter "
		  "without ticking anything."),
	Q(.key = "leg_symptoms_both_sides", .label = "In both legs", .group = LEGS, .kind = MI_Q_YESNO,
	  .text = "Do you have these feelings in BOTH legs?", .show_when = MI_SHOW_IF_LIST_NOT_EMPTY,
	  .show_key = "leg_symptoms",
	  .help = "Answer Yes if both your left and your right leg are affected."),
	Q(.key = "weakness_worsening", .label = "Weakness getting worse", .group = LEGS, .kind = MI_Q_YESNO,
	  .text = "Is weakness in your legs getting worse, or do you newly trip over your foot "
		  "or have trouble walking?",
	  .help = "Answer Yes if any of this is new or getting worse."),

	Q(.key = "bladder_bowel_change", .label = "New bladder or bowel trouble", .group = HEALTH, .kind = MI_Q_YESNO,
	  .text = "Have you recently had new trouble passing or holding urine or stool?",
	  .help = "For example: not being able to pee, or leaking when you did not before."),
	Q(.key = "saddle_numbness", .label = "Numbness between the legs", .group = HEALTH, .kind = MI_Q_YESNO,
	  .text = "Do you have numbness between your legs or around your buttocks?",
	  .help = "The area you would sit on in a saddle."),
	Q(.key = "fever", .label = "Fever", .group = HEALTH, .kind = MI_Q_YESNO,
	  .text = "Do you have a fever, or do you feel feverish today?",
	  .help = "Answer Yes if you have a raised temperature, chills or sweats."),
	Q(.key = "active_infection", .label = "Infection being treated", .group = HEALTH, .kind = MI_Q_YESNO,
	  .text = "Are you being treated for an infection right now?",
	  .help = "For example: taking antibiotics at the moment."),
	Q(.key = "unexplained_weight_loss", .label = "Weight loss without trying", .group = HEALTH, .kind = MI_Q_YESNO,
	  .text = "Have you lost weight recently without trying?",
	  .help = "Weight loss you cannot explain by diet or exercise."),
	Q(.key = "cancer_history", .label = "Cancer, ever", .group = HEALTH, .kind = MI_Q_YESNO,
	  .text = "Have you ever had cancer?", .help = "At any time in your life."),
	Q(.key = "night_pain", .label = "Night pain no position eases", .group = HEALTH, .kind = MI_Q_YESNO,
	  .text = "Do you have pain at night that does not ease whatever position you lie in?",
	  .help = "Answer No if you can find a position that makes it better."),
	Q(.key = "recent_trauma", .label = "Fall, accident or blow (6 weeks)", .group = HEALTH, .kind = MI_Q_YESNO,
	  .text = "In the last 6 weeks, have you had a fall, an accident or a blow to your body?",
	  .help = "For example: a car accident, a fall on ice, a hit during sport."),
	Q(.key = "osteoporosis", .label = "Thin or weak bones", .group = HEALTH, .kind = MI_Q_CHOICE,
	  .text = "Have you been told you have thin or weak bones (osteoporosis)?",
	  .labels = osteoporosis_labels, .help = "Pick the one that fits best."),
	Q(.key = "long_term_steroids", .label = "Steroid tablets 3+ months", .group = HEALTH, .kind = MI_Q_YESNO,
	  .text = "Have you taken steroid tablets (such as prednisone) for 3 months or more?",
	  .help = "Tablets or liquid taken by mouth, not creams or inhalers."),
	Q(.key = "bleeding_disorder", .label = "Bleeds easily", .group = HEALTH, .kind = MI_Q_YESNO,
	  .text = "Do you have a condition that makes you bleed more easily?",
	  .help = "For example: haemophilia, or low platelets."),
	Q(.key = "easy_bruising", .label = "Bruises easily", .group = HEALTH, .kind = MI_Q_YESNO,
	  .text = "Do you bruise easily?", .help = "Bruises that appear after a light knock."),
	Q(.key = "dvt_history", .label = "Blood clot, ever", .group = HEALTH, .kind = MI_Q_YESNO,
	  .text = "Have you ever had a blood clot in a vein or in your lungs?",
	  .help = "Sometimes called a DVT or a pulmonary embolism."),
	Q(.key = "recent_surgery_weeks", .label = "Weeks since surgery", .group = HEALTH, .kind = MI_Q_WEEKS_OR_NONE,
	  .text = "If you had surgery in the last year, how many weeks ago was it? "
		  "Leave it empty if you had none.",
	  .help = "Type a number of weeks (1 to 52), or leave it empty and press Enter."),
	Q(.key = "skin_condition", .label = "Rash or broken skin", .group = HEALTH, .kind = MI_Q_YESNO,
	  .text = "Do you have a rash, or inflamed or broken skin, on your back, hips or legs?",
	  .help = "Anywhere we might massage."),
	Q(.key = "blood_pressure", .label = "Blood pressure", .group = HEALTH, .kind = MI_Q_CHOICE,
	  .text = "How is your blood pressure?", .labels = blood_pressure_labels,
	  .help = "Pick the one that fits best; \"I don't know\" is fine."),
	Q(.key = "pregnant", .label = "Pregnant", .group = HEALTH, .kind = MI_Q_CHOICE,
	  .text = "Are you pregnant?", .labels = pregnant_labels,
	  .help = "Pick the one that fits best."),
	Q(.key = "other_conditions", .label = "Other conditions", .group = HEALTH, .kind = MI_Q_TEXT,
	  .text = "Do you have any other health conditions we should know about?", .optional = true,
	  .help = "For example: diabetes, heart trouble. You may leave it empty."),
	Q(.key = "past_injuries", .label = "Past injuries or operations", .group = HEALTH, .kind = MI_Q_TEXT,
	  .text = "Any past injuries or operations?", .optional = true,
	  .help = "For example: a broken arm in 2010. You may leave it empty."),

	Q(.key = "medications", .label = "Medicines", .group = MEDS, .kind = MI_Q_TEXT_LIST,
	  .text = "Which medicines do you take? Type one per line, with the dose if you know it.",
	  .help = "Enter starts a new line. Include tablets, injections and aspirin. Press "
		  "Enter on an empty line when you are done, or right away if you take none."),

	Q(.key = "pressure_preference", .label = "Pressure", .group = PREFS, .kind = MI_Q_CHOICE,
	  .text = "What pressure do you like during a massage?", .labels = pressure_labels,
	  .help = "You can always ask the therapist to change it during the session."),
	Q(.key = "focus_areas", .label = "Focus on", .group = PREFS, .kind = MI_Q_BODYMAP,
	  .text = "Which areas would you like us to focus on?", .vocab = mi_region_labels,
	  .help = "Tick with Space, then press Enter. You can tick none."),
	Q(.key = "avoid_areas", .label = "Avoid", .group = PREFS, .kind = MI_Q_BODYMAP,
	  .text = "Are there areas you would like us to avoid?", .vocab = mi_region_labels,
	  .help = "Tick with Space, then press Enter. You can tick none."),
	Q(.key = "draping_notes", .label = "Draping and comfort", .group = PREFS, .kind = MI_Q_TEXT,
	  .text = "Anything about draping or comfort we should know?", .optional = true,
	  .help = "For example: keep my feet covered, I get cold easily. You may leave it empty."),

	Q(.key = "goals", .label = "Goals", .group = GOALS, .kind = MI_Q_MULTI,
	  .text = "What would you like from this session? Tick all that apply.",
	  .vocab = mi_goal_labels, .help = "Tick with Space, then press Enter."),
	Q(.key = "goals_other", .label = "Other goals", .group = GOALS, .kind = MI_Q_TEXT,
	  .text = "Anything else you hope to get from the session?", .optional = true,
	  .help = "In your own words. You may leave it empty."),

	Q(.key = "consent", .label = "Consent", .group = CONSENT, .kind = MI_Q_CONSENT,
	  .text = "I have answered these questions truthfully and agree to receive a massage. "
		  "Type your full name to sign.",
	  .help = "Typing your name here counts as your signature, dated today."),
};

/* The question table and its length. */
const mi_ui_question *mi_ui_questions(size_t *count)
{
	*count = sizeof questions / sizeof questions[0];
	return questions;
}
