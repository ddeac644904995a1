/* settings.h - the clinic's settings: each key with its type, range,
 * default and meaning, in one table.
 *
 * Every reader goes through this module (the settings command, the front
 * desk, the kiosk, the lock screen, printing), so a value means the same
 * everywhere. A value is checked when it is set (mi_setting_check: one
 * sentence naming the key and what it accepts) and again when it is read
 * (mi_settings_take): a stored value that does not fit, say one written
 * by hand into the database, is not used; the default is, and the
 * settings command says so. The therapist PIN is not a setting here (see
 * pin.h and set-pin). Nothing here touches the database (see
 * app_settings.h).
 */
#ifndef MI_SETTINGS_H
#define MI_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/error.h"

/* The clinic's name on the aftercare page when none is set. */
#define MI_DEFAULT_CLINIC_NAME "Massage clinic"

typedef enum mi_setting_key {
	MI_SETTING_CLINIC_NAME = 0, /* clinic_name */
	MI_SETTING_PAPER,           /* paper */
	MI_SETTING_IDLE_TIMEOUT,    /* idle_timeout_seconds: the kiosk clears */
	MI_SETTING_LOCK_TIMEOUT,    /* lock_timeout_seconds: the desk locks */
	MI_SETTING_RESUME_HOURS,    /* kiosk_resume_hours */
	MI_SETTING_PRINT_TIMEOUT,   /* print_timeout_seconds */
	MI_SETTING_RETENTION,       /* retention: how long records are kept */
	MI_SETTING_CLINIC_PHONE,    /* clinic_phone: on the aftercare sheet */
	MI_SETTING_DRAFT_EXPIRY,    /* draft_expiry_days: drafts leave the review queue */
	MI_SETTING_COUNT
} mi_setting_key;

typedef enum mi_setting_type {
	MI_SETTING_TEXT,    /* one line of text, min..max bytes */
	MI_SETTING_CHOICE,  /* one of choices */
	MI_SETTING_INTEGER, /* a whole number from min to max, in unit */
	MI_SETTING_PERIOD,  /* a period such as 7y (retention.h) */
	MI_SETTING_PHONE,   /* a phone number: digits, spaces and + - ( ) ., min..max bytes */
} mi_setting_type;

typedef struct mi_setting_def {
	mi_setting_key key;
	const char *name;            /* as stored and typed: "idle_timeout_seconds" */
	mi_setting_type type;
	long min, max;               /* INTEGER: the range; TEXT: the length in bytes */
	const char *const *choices;  /* CHOICE: NULL-terminated */
	const char *unit;            /* INTEGER: "seconds", "hours" */
	const char *default_value;   /* as text; NULL: worked out elsewhere (paper: the locale's) */
	const char *meaning;         /* one line for --help, marked N_() */
} mi_setting_def;

/* The definition of key. */
const mi_setting_def *mi_setting_def_of(mi_setting_key key);

/* The definition named name, or NULL for an unknown setting. */
const mi_setting_def *mi_setting_find(const char *name);
/* def's unit in the desk's language ("seconds", "segundos"); NULL for a
 * setting without one. */
const char *mi_setting_unit_words(const mi_setting_def *def);

/* Checks value for def: MI_OK, or MI_EDATA with one sentence such as
 * "idle_timeout_seconds must be a whole number of seconds from 10 to 3600,
 * not \"5\"." (the value quoted only for numbers and choices). */
mi_status mi_setting_check(const mi_setting_def *def, const char *value, mi_error *err);

/* Where the value in force came from. */
typedef enum mi_setting_origin {
	MI_SETTING_DEFAULT = 0, /* nothing stored */
	MI_SETTING_STORED,      /* the stored value */
	MI_SETTING_REFUSED,     /* a stored value that does not fit: the default is used */
} mi_setting_origin;

/* The settings in force, typed. */
typedef struct mi_settings {
	char *clinic_name;          /* never NULL after mi_settings_defaults */
	char *paper;                /* "a4", "letter", or NULL: the locale's paper */
	long idle_timeout_seconds;  /* kiosk: back to the welcome page */
	long lock_timeout_seconds;  /* front desk: the lock screen */
	long kiosk_resume_hours;    /* a kiosk draft can be resumed this long after it started */
	long print_timeout_seconds; /* the print command is stopped after this long */
	char *retention;            /* "7y", "18m", ... or NULL: none set */
	char *clinic_phone;         /* the clinic's phone number, or NULL: none set */
	long draft_expiry_days;     /* a draft leaves the review queue this long after it began */
	mi_setting_origin origin[MI_SETTING_COUNT];
	char *refused[MI_SETTING_COUNT]; /* the stored text of a MI_SETTING_REFUSED key */
} mi_settings;

/* Fills s with every default. MI_EINTERNAL when out of memory. Clear it
 * with mi_settings_clear. */
mi_status mi_settings_defaults(mi_settings *s, mi_error *err);

/* Takes a stored value (NULL: none) for key: a value that passes
 * mi_setting_check replaces the default; one that does not leaves the
 * default and marks the key MI_SETTING_REFUSED. MI_EINTERNAL only when out
 * of memory. */
mi_status mi_settings_take(mi_settings *s, mi_setting_key key, const char *stored, mi_error *err);

/* For a key whose stored value was refused: MI_EDATA with a sentence about
 * that value ("the paper setting must be a4 or letter, not \"legal\"."),
 * MI_OK for any other key. A reader with a safe default (the timeouts, the
 * clinic's name) uses it; one where a guess would give a wrong result (the
 * paper size) stops with this sentence. */
mi_status mi_settings_refusal(const mi_settings *s, mi_setting_key key, mi_error *err);

/* The value in force as text ("180", "Massage clinic"; NULL for paper
 * taken from the locale). Owned by s or static. For a number, buf (at
 * least 24 bytes) holds the text. */
const char *mi_settings_text(const mi_settings *s, mi_setting_key key, char buf[static 24]);

/* Frees what s owns and zeroes it. */
void mi_settings_clear(mi_settings *s);

#endif
