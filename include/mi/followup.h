/* followup.h - the follow-up plan a therapist sets on a visit, who is due
 * for what, and those due as an iCalendar file (RFC 5545).
 *
 * Plans, as text: "reassess" (ask how the client feels 48-72 hours after
 * the session), "series:N:DAYS" (N sessions, one every DAYS days, this
 * visit the first), "maintenance:DAYS" (a session every DAYS days from
 * now on), "none". A clinic offers its plans by id in intake.conf
 * ([followup_plan ID] sections, vocab.h MI_VOCAB_PLAN): the desk's f key
 * goes through them, `note --plan` takes their ids and the due list names
 * them; a visit keeps the plan itself, so rewording or changing an offered
 * plan does not change the visits that have it. A client's plan is the one
 * of their latest visit that has one; the visits after it count towards
 * it. Pure logic: no storage.
 */
#ifndef MI_FOLLOWUP_H
#define MI_FOLLOWUP_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/date.h"
#include "mi/error.h"

typedef enum mi_plan_kind {
	MI_PLAN_NONE = 0,
	MI_PLAN_REASSESS,
	MI_PLAN_SERIES,
	MI_PLAN_MAINTENANCE,
} mi_plan_kind;

typedef struct mi_plan {
	mi_plan_kind kind;
	int sessions; /* series: 2 to 20 */
	int days;     /* series and maintenance: 1 to 365 */
} mi_plan;

/* Reads a plan ("none" is MI_PLAN_NONE); MI_EDATA with a sentence naming
 * the forms for anything else. */
mi_status mi_plan_parse(const char *text, mi_plan *out, mi_error *err);

/* Reads a plan given by a person: "none", the id of a plan the clinic
 * offers (MI_VOCAB_PLAN), or one of the forms of mi_plan_parse; MI_EDATA
 * with a sentence naming the offered ids and the forms otherwise. */
mi_status mi_plan_choose(const char *text, mi_plan *out, mi_error *err);

/* The id of the offered plan that is plan ("none" for MI_PLAN_NONE), or
 * NULL when the clinic offers none like it. */
const char *mi_plan_id(const mi_plan *plan);

/* The plan as text, as mi_plan_parse reads it. */
void mi_plan_format(const mi_plan *plan, char buf[static 32]);

/* One completed visit of a client, for mi_followup_due. */
typedef struct mi_followup_visit {
	long long visit_id;
	mi_date date;
	mi_plan plan;
} mi_followup_visit;

/* What one client is due for. */
typedef struct mi_due {
	long long visit_id; /* the visit whose plan it is */
	mi_date due;        /* from this day */
	mi_date until;      /* to this day (reassess: 72 hours; else the same day) */
	mi_plan_kind kind;
	int session;        /* series: the number of the next session */
	int sessions;       /* series: of how many */
	mi_plan plan;       /* the plan it comes from */
} mi_due;

/* What a client with these completed visits (oldest first) is due for
 * next: true and *out filled, or false when nothing (no plan, a
 * reassessment followed by a visit, a series complete). */
bool mi_followup_due(const mi_followup_visit *visits, size_t count, mi_due *out);

/* The reason in plain words: "reassess (48-72 h after the session)",
 * "session 2 of 5 of a series", "maintenance session": in English
 * whatever the language, for what other programs read (due --json, the
 * calendar file). */
void mi_due_reason(const mi_due *due, char buf[static 64]);

/* The same reason in the desk's language, for people (the due list, the
 * desk's due page). */
enum { MI_DUE_REASON_WORDS = 128 };
void mi_due_reason_words(const mi_due *due, char buf[static MI_DUE_REASON_WORDS]);

/* One event of a calendar file: a client's name and the reason only. */
typedef struct mi_ics_event {
	const char *uid;     /* unique and stable, e.g. "visit-12-2@massage-intake" */
	const char *name;    /* the client's name */
	const char *reason;  /* mi_due_reason */
	mi_date start, end;  /* all-day, end inclusive */
} mi_ics_event;

/* An iCalendar (RFC 5545) text with one all-day VEVENT per event: CRLF
 * line ends, lines folded at 75 octets, TEXT values escaped, DTSTAMP
 * stamp ("YYYYMMDDTHHMMSSZ"). Caller frees; NULL when out of memory. */
char *mi_ics_calendar(const mi_ics_event *events, size_t count, const char *stamp);

#endif
