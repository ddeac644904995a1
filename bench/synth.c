/* synth.c - realistic synthetic intake answers and the timing helpers. */
#include "synth.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const first_names[] = {
	"Maya", "Walter", "Lena", "Jonas", "Amira", "David", "Sofia", "Liam", "Olivia", "Noah",
	"Emma", "Lucas", "Mia", "Elias", "Hannah", "Ben", "Clara", "Paul", "Ida", "Felix",
	"Zoë", "José", "Åsa", "Chloé", "Søren", "Björn", "Małgorzata", "Renée", "Jürgen", "Inès",
	"Grace", "Henry", "Alice", "Oscar", "Ruth", "Samuel", "Nora", "Adam", "Leila", "Omar",
	"Priya", "Arjun", "Mei", "Kenji", "Yuki", "Aiko", "Tariq", "Fatima", "Kwame", "Ama",
	"Elena", "Marco", "Giulia", "Luca", "Ana", "Pedro", "Lucía", "Diego", "Marta", "Tomás",
	"Anna", "Piotr", "Katarzyna", "Jan", "Eva", "Karel", "Ingrid", "Lars", "Astrid", "Nils",
	"Fiona", "Ewan", "Siobhan", "Declan", "Aoife", "Connor", "Margaret", "George", "Dorothy",
	"Frank", "Helen", "Arthur", "Joan", "Harold", "Betty", "Raymond", "Judith", "Carl", "Diane",
	"Ahmed", "Yasmin", "Hassan", "Noor", "Daniel", "Rachel", "Ethan", "Leah", "Isaac", "Miriam",
	"Chen", "Li", "Wei", "Hui", "Sun", "Minh", "Linh", "Bao", "Thu", "Rosa", "Carmen",
	"Victor", "Irene", "Hugo", "Camille", "Louis", "Manon", "Jules", "Léa", "Théo", "Agnes",
};

static const char *const last_names[] = {
	"Ortiz", "Brandt", "Fischer", "Nakamura", "Haddad", "Smith", "Johnson", "Williams", "Brown",
	"Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez",
	"Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
	"Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
	"Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
	"Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
	"Roberts", "Müller", "Schmidt", "Schneider", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
	"Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
	"Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier",
	"Lehmann", "Dubois", "Lefèvre", "Moreau", "Laurent", "Simon", "Michel", "Leroy", "Roux",
	"David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
	"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
	"Greco", "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
	"Zieliński", "Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Andersen", "Nielsen",
	"Hansen", "Pedersen", "Larsen", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
	"Olsen", "O'Brien", "Murphy", "Kelly", "Walsh", "Byrne", "Ryan", "Sato", "Suzuki",
	"Takahashi", "Tanaka", "Watanabe", "Kim", "Park", "Choi", "Wang", "Zhang", "Liu", "Chen",
	"Yang", "Huang", "Patel", "Shah", "Singh", "Kumar", "Gupta", "Okafor", "Mensah", "Abebe",
	"Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Haddad", "Khalil",
	"Mansour", "Cohen", "Levi", "Mizrahi", "Friedman", "Katz",
};

static const char *const regions[] = {"neck",     "shoulders",   "upper_back", "mid_back",
				      "low_back", "hips_glutes", "legs"};
static const char *const leg_values[] = {"pain_above_knee", "pain_below_knee",
					 "numbness_tingling", "weakness"};
static const char *const goal_values[] = {"loosen_low_back_hips", "upper_back_shoulder_mobility",
					  "reduce_spasm", "looser_for_activity"};
static const char *const onsets[] = {"gradual", "gradual", "gradual", "sudden", "injury"};
static const char *const worse_with[] = {
	"sitting at my desk all day", "bending and lifting", "long drives",
	"standing in the kitchen", "mornings, first thing", "carrying my toddler",
	"running more than 5 km", "gardening", "sleeping on my side",
	"looking down at my phone", "cold weather", "stress at work",
	"twisting \"the wrong way\"", "climbing stairs", "après-ski, honestly",
};
static const char *const better_with[] = {
	"walking, hot shower", "heat pack", "lying flat with knees up", "stretching",
	"yoga twice a week", "ibuprofen", "moving around", "swimming", "rest",
	"a hot bath", "massage", "nothing really helps",
};
static const char *const medications[] = {
	"ibuprofen as needed", "Eliquis 5 mg", "Xarelto 20mg once a day", "warfarin 3mg",
	"baby aspirin", "aspirin 81 mg", "atorvastatin", "lisinopril 10mg", "metformin 500 mg",
	"levothyroxine", "omeprazole", "vitamin D", "fish oil", "amlodipine 5mg",
	"prednisone 5mg daily", "Plavix 75 mg", "sertraline 50 mg", "naproxen", "paracetamol",
	"tamoxifen", "Lovenox injections", "Celebrex", "gabapentin 300mg", "melatonin",
	"magnesium", "birth control pill", "inhaler (salbutamol)", "Voltaren gel",
};
static const char *const conditions[] = {
	"none", "type 2 diabetes, well controlled", "asthma", "high cholesterol",
	"hypothyroidism", "migraines", "mild arthritis in the knees", "anxiety",
	"sleep apnoea (CPAP)", "IBS",
};
static const char *const injuries[] = {
	"none", "broke my wrist in 2009", "knee arthroscopy 2015", "whiplash after a car accident",
	"sprained ankle last year", "appendectomy as a child", "C-section 2018",
	"hernia repair", "shoulder dislocation playing rugby", "hip replacement (left) 2020",
};
static const char *const draping[] = {
	"", "", "", "prefers the room warm", "no face cradle, please", "keep feet covered",
	"ticklish feet", "extra pillow under the knees",
};
static const char *const pressures[] = {"light", "medium", "medium", "firm", "firm"};
static const char *const bp_values[] = {"normal", "normal", "normal", "normal", "normal",
					"normal", "controlled_high", "controlled_high", "unknown"};
static const char *const domains[] = {"example.org", "example.com", "mail.example.net"};

/* splitmix64: a small, good, seekable generator. */
static uint64_t mix(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ULL;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

typedef struct rng {
	uint64_t state;
} rng;

static uint64_t next(rng *r)
{
	r->state += 0x9E3779B97F4A7C15ULL;
	return mix(r->state);
}

/* A number in [0, n). */
static unsigned below(rng *r, unsigned n)
{
	return (unsigned)(next(r) % n);
}

/* True with probability percent / 100. */
static bool chance(rng *r, unsigned percent)
{
	return below(r, 1000) < percent * 10;
}

#define PICK(r, a) ((a)[below((r), (unsigned)COUNT(a))])

typedef struct out {
	char *buf;
	size_t len;
} out;

static void put(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(o->buf + o->len, SYNTH_MAX_LINE - o->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n < SYNTH_MAX_LINE - o->len ? (size_t)n : SYNTH_MAX_LINE - 1 - o->len;
}

/* Strings in the lists above need JSON escaping only for '"'. */
static void put_string(out *o, const char *s)
{
	put(o, "\"");
	for (; *s; s++)
		put(o, *s == '"' ? "\\\"" : "%c", *s);
	put(o, "\"");
}

/* A list of distinct items of values, each with probability percent. */
static void put_subset(out *o, rng *r, const char *key, const char *const *values, size_t n,
		       unsigned percent)
{
	put(o, ", \"%s\": [", key);
	bool first = true;
	for (size_t i = 0; i < n; i++) {
		if (!chance(r, percent))
			continue;
		put(o, "%s\"%s\"", first ? "" : ", ", values[i]);
		first = false;
	}
	put(o, "]");
}

static void put_bool(out *o, rng *r, const char *key, unsigned percent_true)
{
	put(o, ", \"%s\": %s", key, chance(r, percent_true) ? "true" : "false");
}

void synth_client_name(uint64_t seed, uint64_t client, char *buf, size_t size)
{
	rng r = {mix(seed ^ mix(client))};
	const char *first = PICK(&r, first_names);
	const char *last = PICK(&r, last_names);
	if (chance(&r, 15))
		snprintf(buf, size, "%s %s-%s", first, last, PICK(&r, last_names));
	else
		snprintf(buf, size, "%s %s", first, last);
}

size_t synth_answers(uint64_t seed, uint64_t client, uint64_t visit, char *buf)
{
	out o = {buf, 0};
	char name[128];
	synth_client_name(seed, client, name, sizeof name);
	rng r = {mix(seed ^ mix(client) ^ 0x5bd1e995ULL)};
	int year = 1940 + (int)below(&r, 67), month = 1 + (int)below(&r, 12),
	    day = 1 + (int)below(&r, 28);

	put(&o, "{\"client\": {\"name\": ");
	put_string(&o, name);
	put(&o, ", \"birth_date\": \"%04d-%02d-%02d\"", year, month, day);
	if (chance(&r, 60))
		put(&o, ", \"phone\": \"555-%04u\"", below(&r, 10000));
	if (chance(&r, 40)) {
		char local[64];
		snprintf(local, sizeof local, "%s%u", PICK(&r, first_names), below(&r, 100));
		for (char *p = local; *p; p++)
			if ((unsigned char)*p >= 0x80)
				*p = 'x';
		put(&o, ", \"email\": \"%s@%s\"", local, PICK(&r, domains));
	}
	put(&o, "}");
	/* The rest changes from visit to visit. */
	r.state = mix(seed ^ mix(client) ^ mix(visit + 0x9e37ULL));
	bool incomplete = chance(&r, 5);
	put_subset(&o, &r, "pain_locations", regions, COUNT(regions), 35);
	put(&o, ", \"pain_intensity\": %u", below(&r, 11));
	put(&o, ", \"pain_duration_weeks\": %u", chance(&r, 30) ? below(&r, 6) : below(&r, 520));
	put(&o, ", \"onset\": \"%s\"", PICK(&r, onsets));
	put(&o, ", \"worse_with\": ");
	put_string(&o, PICK(&r, worse_with));
	put(&o, ", \"better_with\": ");
	put_string(&o, PICK(&r, better_with));
	put_subset(&o, &r, "leg_symptoms", leg_values, COUNT(leg_values), 8);
	put_bool(&o, &r, "leg_symptoms_both_sides", 3);
	put_bool(&o, &r, "weakness_worsening", 1);
	if (!incomplete) {
		put_bool(&o, &r, "bladder_bowel_change", 1);
		put_bool(&o, &r, "saddle_numbness", 1);
		put_bool(&o, &r, "fever", 2);
	}
	put_bool(&o, &r, "active_infection", 2);
	if (!incomplete) {
		put_bool(&o, &r, "unexplained_weight_loss", 2);
		put_bool(&o, &r, "cancer_history", 6);
		put_bool(&o, &r, "night_pain", 5);
	}
	put_bool(&o, &r, "recent_trauma", 4);
	put(&o, ", \"osteoporosis\": \"%s\"",
	    chance(&r, 90) ? "none" : (chance(&r, 70) ? "mild" : "severe"));
	put_bool(&o, &r, "long_term_steroids", 3);
	put(&o, ", \"medications\": [");
	unsigned meds = chance(&r, 35) ? 0 : 1 + below(&r, 4);
	for (unsigned i = 0; i < meds; i++) {
		put(&o, "%s", i ? ", " : "");
		put_string(&o, PICK(&r, medications));
	}
	put(&o, "]");
	put_bool(&o, &r, "bleeding_disorder", 1);
	put_bool(&o, &r, "easy_bruising", 6);
	put_bool(&o, &r, "dvt_history", 2);
	if (chance(&r, 8))
		put(&o, ", \"recent_surgery_weeks\": %u", below(&r, 53));
	else
		put(&o, ", \"recent_surgery_weeks\": null");
	put_bool(&o, &r, "skin_condition", 3);
	put(&o, ", \"blood_pressure\": \"%s\"",
	    chance(&r, 3) ? "uncontrolled_high" : PICK(&r, bp_values));
	put(&o, ", \"pregnant\": \"%s\"",
	    chance(&r, 45) ? "not_applicable" : (chance(&r, 3) ? "yes" : "no"));
	put(&o, ", \"other_conditions\": ");
	put_string(&o, PICK(&r, conditions));
	put(&o, ", \"past_injuries\": ");
	put_string(&o, PICK(&r, injuries));
	put(&o, ", \"pressure_preference\": \"%s\"", PICK(&r, pressures));
	put_subset(&o, &r, "focus_areas", regions, COUNT(regions), 30);
	put_subset(&o, &r, "avoid_areas", regions, COUNT(regions), 5);
	put_subset(&o, &r, "goals", goal_values, COUNT(goal_values), 40);
	const char *drape = PICK(&r, draping);
	if (*drape) {
		put(&o, ", \"draping_notes\": ");
		put_string(&o, drape);
	}
	put(&o, ", \"consent\": {\"agreed\": true, \"name\": ");
	put_string(&o, name);
	put(&o, ", \"date\": \"2026-%02u-%02u\"}}", 1 + below(&r, 12), 1 + below(&r, 28));
	return o.len;
}

double synth_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

synth_summary synth_stats(double *samples, size_t count)
{
	synth_summary s = {0, 0, 0};
	if (count == 0)
		return s;
	qsort(samples, count, sizeof *samples, compare_double);
	s.median = count % 2 ? samples[count / 2] : (samples[count / 2 - 1] + samples[count / 2]) / 2;
	size_t rank = (95 * count + 99) / 100; /* nearest rank, 1-based */
	s.p95 = samples[rank ? rank - 1 : 0];
	s.max = samples[count - 1];
	return s;
}

double synth_cpu_ms(void)
{
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return 0;
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

long synth_peak_rss_kb(void)
{
	struct rusage ru;
	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
}

void synth_report(const char *name, size_t runs, synth_summary s, long rss_kb, const char *note)
{
	char rss[32];
	if (rss_kb >= 0)
		snprintf(rss, sizeof rss, "%.1f MB", (double)rss_kb / 1024.0);
	else
		snprintf(rss, sizeof rss, "-");
	printf("%-48s %6zu %10.3f %10.3f %10.3f %10s  %s\n", name, runs, s.median, s.p95, s.max, rss,
	       note ? note : "");
	fflush(stdout);
}
