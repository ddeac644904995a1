/* settings.c - the table of settings, their checks and the typed values. */
#include "mi/settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/retention.h"
#include "mi/text.h"

static const char *const paper_choices[] = {"a4", "letter", NULL};

/* Indexed by mi_setting_key. */
static const mi_setting_def defs[MI_SETTING_COUNT] = {
	{MI_SETTING_CLINIC_NAME, "clinic_name", MI_SETTING_TEXT, 1, 200, NULL, NULL,
	 MI_DEFAULT_CLINIC_NAME, N_("the clinic's name at the top of the aftercare sheet")},
	{MI_SETTING_PAPER, "paper", MI_SETTING_CHOICE, 0, 0, paper_choices, NULL, NULL,
	 N_("paper of the aftercare PDF")},
	{MI_SETTING_IDLE_TIMEOUT, "idle_timeout_seconds", MI_SETTING_INTEGER, 10, 3600, NULL,
	 "seconds", "180", N_("kiosk: seconds without a key before it starts afresh")},
	{MI_SETTING_LOCK_TIMEOUT, "lock_timeout_seconds", MI_SETTING_INTEGER, 10, 3600, NULL,
	 "seconds", "300", N_("front desk: seconds without a key before it locks")},
	{MI_SETTING_RESUME_HOURS, "kiosk_resume_hours", MI_SETTING_INTEGER, 1, 168, NULL, "hours",
	 "24", N_("kiosk: hours an unfinished intake can be resumed there")},
	{MI_SETTING_PRINT_TIMEOUT, "print_timeout_seconds", MI_SETTING_INTEGER, 1, 300, NULL,
	 "seconds", "30", N_("seconds the print command may run before it is stopped")},
	{MI_SETTING_RETENTION, "retention", MI_SETTING_PERIOD, 0, 0, NULL, NULL, NULL,
	 N_("how long records are kept: 7y, 18m, 6w, 90d (see erase --help)")},
	{MI_SETTING_CLINIC_PHONE, "clinic_phone", MI_SETTING_PHONE, 3, 40, NULL, NULL, NULL,
	 N_("the clinic's phone number on the aftercare sheet (none when unset)")},
	{MI_SETTING_DRAFT_EXPIRY, "draft_expiry_days", MI_SETTING_INTEGER, 1, 365, NULL, "days",
	 "14", N_("days an unfinished intake stays in the review queue (urgent and refer ones stay)")},
};

const mi_setting_def *mi_setting_def_of(mi_setting_key key)
{
	return key < MI_SETTING_COUNT ? &defs[key] : NULL;
}

const mi_setting_def *mi_setting_find(const char *name)
{
	for (size_t i = 0; name && i < MI_SETTING_COUNT; i++)
		if (strcmp(defs[i].name, name) == 0)
			return &defs[i];
	return NULL;
}

/* Parses a whole number in def's range into *out; false otherwise. */
static bool parse_integer(const mi_setting_def *def, const char *value, long *out)
{
	if (value[0] < '0' || value[0] > '9')
		return false; /* no sign, no leading space */
	char *end;
	errno = 0;
	long n = strtol(value, &end, 10);
	if (errno || *end || n < def->min || n > def->max)
		return false;
	*out = n;
	return true;
}

/* True for a phone number as a clinic writes it: digits, spaces and
 * + - ( ) ., with at least three digits. */
static bool is_phone(const char *value)
{
	size_t digits = 0;
	for (const char *p = value; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!strchr(" +-().", *p))
			return false;
	}
	return digits >= 3;
}

const char *mi_setting_unit_words(const mi_setting_def *def)
{
	if (!def->unit)
		return NULL;
	if (strcmp(def->unit, "seconds") == 0)
		return P_("unit of a setting", "seconds");
	if (strcmp(def->unit, "hours") == 0)
		return P_("unit of a setting", "hours");
	if (strcmp(def->unit, "days") == 0)
		return P_("unit of a setting", "days");
	return def->unit;
}

/* What def accepts, after its name: "must be a4 or letter". */
static void describe(const mi_setting_def *def, char *buf, size_t size)
{
	/* TRANSLATORS: the rules below follow a setting's name or "the NAME
	 * setting" in a refusal ("paper must be a4 or letter, not "a3"."). */
	switch (def->type) {
	case MI_SETTING_TEXT:
		snprintf(buf, size, _("must be %ld to %ld bytes of text on one line"), def->min,
			 def->max);
		return;
	case MI_SETTING_CHOICE:
		/* TRANSLATORS: the two values are typed as they are (a4, letter). */
		snprintf(buf, size, _("must be %s or %s"), def->choices[0], def->choices[1]);
		return;
	case MI_SETTING_INTEGER:
		/* TRANSLATORS: the unit (seconds, hours, days), then the range. */
		snprintf(buf, size, _("must be a whole number of %s from %ld to %ld"),
			 mi_setting_unit_words(def), def->min, def->max);
		return;
	case MI_SETTING_PERIOD:
		/* TRANSLATORS: d, w, m and y are typed as they are. */
		snprintf(buf, size, "%s",
			 _("must be a number and d, w, m or y (days, weeks, months, years), such as "
			   "7y, up to 100 years"));
		return;
	case MI_SETTING_PHONE:
		snprintf(buf, size,
			 _("must be a phone number of %ld to %ld characters: digits, spaces and "
			   "+ - ( ) . with at least 3 digits"),
			 def->min, def->max);
		return;
	}
	snprintf(buf, size, "%s", _("has a type this program does not know"));
}

/* True when value fits def; otherwise *problem names a text problem, if any. */
static bool fits(const mi_setting_def *def, const char *value, mi_text_problem *problem)
{
	size_t len = strlen(value);
	long n;
	*problem = MI_TEXT_OK;
	switch (def->type) {
	case MI_SETTING_TEXT:
		if (len < (size_t)def->min || len > (size_t)def->max)
			return false;
		*problem = mi_text_check(value, len, false, NULL);
		return *problem == MI_TEXT_OK;
	case MI_SETTING_CHOICE:
		for (size_t i = 0; def->choices[i]; i++)
			if (strcmp(value, def->choices[i]) == 0)
				return true;
		return false;
	case MI_SETTING_INTEGER:
		return parse_integer(def, value, &n);
	case MI_SETTING_PERIOD: {
		mi_period period;
		return mi_period_parse(value, &period);
	}
	case MI_SETTING_PHONE:
		return len >= (size_t)def->min && len <= (size_t)def->max && is_phone(value);
	}
	return false;
}

/* The sentence about a value that does not fit, after subject ("paper",
 * "the paper setting"). The value is quoted only when it is not free text. */
static mi_status refuse(const mi_setting_def *def, const char *subject, const char *value,
			mi_text_problem problem, mi_error *err)
{
	if (problem != MI_TEXT_OK)
		/* TRANSLATORS: a setting's name (or "the NAME setting"), then a
		 * text problem ("a control character"). */
		return mi_error_set(err, MI_EDATA, _("%s contains %s."), subject,
				    mi_text_problem_name(problem));
	char rule[160];
	describe(def, rule, sizeof rule);
	if (def->type == MI_SETTING_TEXT)
		/* TRANSLATORS: a setting's name (or "the NAME setting"), then
		 * what it must be ("must be 1 to 200 bytes of text on one line"). */
		return mi_error_set(err, MI_EDATA, _("%s %s."), subject, rule);
	char shown[48];
	bool plain = mi_text_check(value, strlen(value), false, NULL) == MI_TEXT_OK;
	snprintf(shown, sizeof shown, "%.40s", plain ? value : "?");
	/* TRANSLATORS: a setting's name (or "the NAME setting"), what it must
	 * be, then the value given. */
	return mi_error_set(err, MI_EDATA, _("%s %s, not \"%s\"."), subject, rule, shown);
}

mi_status mi_setting_check(const mi_setting_def *def, const char *value, mi_error *err)
{
	mi_text_problem problem;
	if (value && fits(def, value, &problem))
		return MI_OK;
	return refuse(def, def->name, value ? value : "", value ? problem : MI_TEXT_OK, err);
}

/* The long field of s that holds key, or NULL for a text setting. */
static long *number_field(mi_settings *s, mi_setting_key key)
{
	switch (key) {
	case MI_SETTING_IDLE_TIMEOUT: return &s->idle_timeout_seconds;
	case MI_SETTING_LOCK_TIMEOUT: return &s->lock_timeout_seconds;
	case MI_SETTING_RESUME_HOURS: return &s->kiosk_resume_hours;
	case MI_SETTING_PRINT_TIMEOUT: return &s->print_timeout_seconds;
	case MI_SETTING_DRAFT_EXPIRY: return &s->draft_expiry_days;
	default: return NULL;
	}
}

/* The char * field of s that holds key, or NULL for a number. */
static char **text_field(mi_settings *s, mi_setting_key key)
{
	switch (key) {
	case MI_SETTING_CLINIC_NAME: return &s->clinic_name;
	case MI_SETTING_PAPER: return &s->paper;
	case MI_SETTING_RETENTION: return &s->retention;
	case MI_SETTING_CLINIC_PHONE: return &s->clinic_phone;
	default: return NULL;
	}
}

/* Stores value (already checked, or a default; NULL allowed for text) in
 * the field of key. */
static mi_status set_field(mi_settings *s, mi_setting_key key, const char *value, mi_error *err)
{
	long *number = number_field(s, key);
	if (number) {
		*number = strtol(value, NULL, 10);
		return MI_OK;
	}
	char **text = text_field(s, key);
	char *copy = value ? strdup(value) : NULL;
	if (value && !copy)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory reading the settings."));
	free(*text);
	*text = copy;
	return MI_OK;
}

mi_status mi_settings_defaults(mi_settings *s, mi_error *err)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < MI_SETTING_COUNT; i++) {
		mi_status st = set_field(s, defs[i].key, defs[i].default_value, err);
		if (st != MI_OK) {
			mi_settings_clear(s);
			return st;
		}
	}
	return MI_OK;
}

mi_status mi_settings_take(mi_settings *s, mi_setting_key key, const char *stored, mi_error *err)
{
	const mi_setting_def *def = mi_setting_def_of(key);
	if (!def)
		return mi_error_set(err, MI_EINTERNAL, _("there is no setting number %d."), (int)key);
	if (!stored) {
		free(s->refused[key]);
		s->refused[key] = NULL;
		s->origin[key] = MI_SETTING_DEFAULT;
		return set_field(s, key, def->default_value, err);
	}
	free(s->refused[key]);
	s->refused[key] = NULL;
	if (mi_setting_check(def, stored, NULL) != MI_OK) {
		s->origin[key] = MI_SETTING_REFUSED;
		s->refused[key] = strdup(stored);
		if (!s->refused[key])
			return mi_error_set(err, MI_EINTERNAL, _("out of memory reading the settings."));
		return set_field(s, key, def->default_value, err);
	}
	s->origin[key] = MI_SETTING_STORED;
	return set_field(s, key, stored, err);
}

mi_status mi_settings_refusal(const mi_settings *s, mi_setting_key key, mi_error *err)
{
	if (key >= MI_SETTING_COUNT || s->origin[key] != MI_SETTING_REFUSED || !s->refused[key])
		return MI_OK;
	const mi_setting_def *def = mi_setting_def_of(key);
	char subject[64];
	/* TRANSLATORS: the subject of a refusal; %s is the setting's name. */
	snprintf(subject, sizeof subject, _("the %s setting"), def->name);
	mi_text_problem problem;
	fits(def, s->refused[key], &problem);
	return refuse(def, subject, s->refused[key], problem, err);
}

const char *mi_settings_text(const mi_settings *s, mi_setting_key key, char buf[static 24])
{
	switch (key) {
	case MI_SETTING_CLINIC_NAME: return s->clinic_name;
	case MI_SETTING_PAPER: return s->paper;
	case MI_SETTING_RETENTION: return s->retention;
	case MI_SETTING_CLINIC_PHONE: return s->clinic_phone;
	case MI_SETTING_IDLE_TIMEOUT: snprintf(buf, 24, "%ld", s->idle_timeout_seconds); break;
	case MI_SETTING_LOCK_TIMEOUT: snprintf(buf, 24, "%ld", s->lock_timeout_seconds); break;
	case MI_SETTING_RESUME_HOURS: snprintf(buf, 24, "%ld", s->kiosk_resume_hours); break;
	case MI_SETTING_PRINT_TIMEOUT: snprintf(buf, 24, "%ld", s->print_timeout_seconds); break;
	case MI_SETTING_DRAFT_EXPIRY: snprintf(buf, 24, "%ld", s->draft_expiry_days); break;
	default: return NULL;
	}
	return buf;
}

void mi_settings_clear(mi_settings *s)
{
	free(s->clinic_name);
	free(s->paper);
	free(s->retention);
	free(s->clinic_phone);
	for (size_t i = 0; i < MI_SETTING_COUNT; i++)
		free(s->refused[i]);
	memset(s, 0, sizeof *s);
}
