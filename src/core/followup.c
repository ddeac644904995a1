/* followup.c - follow-up plans, who is due, and the calendar file. */
#include "mi/followup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/strbuf.h"
#include "mi/vocab.h"

/* Reads a whole number from lo to hi ending at *end. */
static bool read_number(const char *s, char **end, int lo, int hi, int *out)
{
	if (*s < '0' || *s > '9')
		return false;
	long v = strtol(s, end, 10);
	if (v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

mi_status mi_plan_parse(const char *text, mi_plan *out, mi_error *err)
{
	mi_plan p = {0};
	char *end = NULL;
	bool ok = false;
	if (text && strcmp(text, "none") == 0)
		ok = true;
	else if (text && strcmp(text, "reassess") == 0)
		ok = (p.kind = MI_PLAN_REASSESS) != MI_PLAN_NONE;
	else if (text && strncmp(text, "series:", 7) == 0)
		ok = read_number(text + 7, &end, 2, 20, &p.sessions) && *end == ':' &&
		     read_number(end + 1, &end, 1, 365, &p.days) && *end == '\0' &&
		     (p.kind = MI_PLAN_SERIES) != MI_PLAN_NONE;
	else if (text && strncmp(text, "maintenance:", 12) == 0)
		ok = read_number(text + 12, &end, 1, 365, &p.days) && *end == '\0' &&
		     (p.kind = MI_PLAN_MAINTENANCE) != MI_PLAN_NONE;
	if (!ok)
		return mi_error_set(err, MI_EDATA,
				    _("a plan is reassess, series:SESSIONS:DAYS (2 to 20 sessions, 1 to "
				    "365 days apart), maintenance:DAYS (1 to 365) or none."));
	*out = p;
	return MI_OK;
}

mi_status mi_plan_choose(const char *text, mi_plan *out, mi_error *err)
{
	const char *offered = text ? mi_vocab_plan(text) : NULL;
	if (mi_plan_parse(offered ? offered : text, out, err) == MI_OK)
		return MI_OK;
	char ids[512];
	mi_vocab_ids(MI_VOCAB_PLAN, "or", ids, sizeof ids);
	return mi_error_set(err, MI_EDATA,
			    _("a plan is none, one the clinic offers (%s), reassess, "
			    "series:SESSIONS:DAYS (2 to 20 sessions, 1 to 365 days apart) or "
			    "maintenance:DAYS (1 to 365)."),
			    *ids ? ids : "none listed in intake.conf");
}

const char *mi_plan_id(const mi_plan *plan)
{
	if (plan->kind == MI_PLAN_NONE)
		return "none";
	char text[32];
	mi_plan_format(plan, text);
	const char *id;
	for (size_t i = 0; (id = mi_vocab_id(MI_VOCAB_PLAN, i)); i++)
		if (strcmp(mi_vocab_plan(id), text) == 0)
			return id;
	return NULL;
}

void mi_plan_format(const mi_plan *plan, char buf[static 32])
{
	switch (plan->kind) {
	case MI_PLAN_REASSESS:
		snprintf(buf, 32, "reassess");
		return;
	case MI_PLAN_SERIES:
		snprintf(buf, 32, "series:%d:%d", plan->sessions, plan->days);
		return;
	case MI_PLAN_MAINTENANCE:
		snprintf(buf, 32, "maintenance:%d", plan->days);
		return;
	case MI_PLAN_NONE:
		break;
	}
	snprintf(buf, 32, "none");
}

bool mi_followup_due(const mi_followup_visit *visits, size_t count, mi_due *out)
{
	size_t p = count;
	for (size_t i = count; i-- > 0 && p == count;)
		if (visits[i].plan.kind != MI_PLAN_NONE)
			p = i;
	if (p == count)
		return false;
	const mi_followup_visit *planned = &visits[p];
	size_t later = count - 1 - p;
	mi_date last = visits[count - 1].date;
	mi_due d = {.visit_id = planned->visit_id, .kind = planned->plan.kind, .plan = planned->plan};
	switch (planned->plan.kind) {
	case MI_PLAN_REASSESS:
		/* 48 to 72 hours after the session: the second and third day. */
		if (later > 0)
			return false;
		d.due = mi_date_add_days(planned->date, 2);
		d.until = mi_date_add_days(planned->date, 3);
		break;
	case MI_PLAN_SERIES:
		if (later + 1 >= (size_t)planned->plan.sessions)
			return false;
		d.session = (int)later + 2;
		d.sessions = planned->plan.sessions;
		d.due = d.until = mi_date_add_days(last, planned->plan.days);
		break;
	case MI_PLAN_MAINTENANCE:
		d.due = d.until = mi_date_add_days(last, planned->plan.days);
		break;
	case MI_PLAN_NONE:
		return false;
	}
	*out = d;
	return true;
}

/* The reason into buf, in the desk's language when translate, else in
 * English. */
static void due_reason(const mi_due *due, bool translate, char *buf, size_t size)
{
	const char *words = N_("maintenance session");
	switch (due->kind) {
	case MI_PLAN_REASSESS:
		words = N_("reassess (48-72 h after the session)");
		break;
	case MI_PLAN_SERIES:
		snprintf(buf, size,
			 /* TRANSLATORS: why a client is due for a follow-up: the
			  * next session's number and how many the series has. */
			 translate ? _("session %d of %d of a series") : "session %d of %d of a series",
			 due->session, due->sessions);
		return;
	case MI_PLAN_MAINTENANCE:
	case MI_PLAN_NONE:
		break;
	}
	snprintf(buf, size, "%s", translate ? _(words) : words);
}

void mi_due_reason(const mi_due *due, char buf[static 64])
{
	due_reason(due, false, buf, 64);
}

void mi_due_reason_words(const mi_due *due, char buf[static MI_DUE_REASON_WORDS])
{
	due_reason(due, true, buf, MI_DUE_REASON_WORDS);
}

/* Appends one content line: escaped value when escape, folded at 75
 * octets (never inside a UTF-8 character), CRLF. */
static void ics_line(mi_strbuf *b, const char *name, const char *value, bool escape)
{
	mi_strbuf line = {0};
	mi_strbuf_puts(&line, name);
	for (const char *p = value; *p; p++) {
		if (escape && (*p == '\\' || *p == ';' || *p == ','))
			mi_strbuf_addf(&line, "\\%c", *p);
		else if (escape && *p == '\n')
			mi_strbuf_puts(&line, "\\n");
		else if ((unsigned char)*p >= 0x20 || *p == '\t')
			mi_strbuf_add(&line, p, 1);
	}
	char *text = mi_strbuf_take(&line);
	if (!text) {
		b->nomem = true; /* mi_strbuf_take then gives NULL */
		return;
	}
	size_t len = strlen(text), used = 0, limit = 75;
	while (used < len) {
		size_t n = len - used > limit ? limit : len - used;
		while (n > 0 && used + n < len && ((unsigned char)text[used + n] & 0xC0) == 0x80)
			n--;
		if (used > 0)
			mi_strbuf_puts(b, " ");
		mi_strbuf_add(b, text + used, n);
		mi_strbuf_puts(b, "\r\n");
		used += n;
		limit = 74; /* a continuation line starts with a space */
	}
	free(text);
}

char *mi_ics_calendar(const mi_ics_event *events, size_t count, const char *stamp)
{
	mi_strbuf b = {0};
	ics_line(&b, "BEGIN:", "VCALENDAR", false);
	ics_line(&b, "VERSION:", "2.0", false);
	ics_line(&b, "PRODID:", "-//massage-intake//follow-up//EN", false);
	ics_line(&b, "CALSCALE:", "GREGORIAN", false);
	for (size_t i = 0; i < count; i++) {
		const mi_ics_event *e = &events[i];
		char start[16], end[16], summary[512];
		mi_date after = mi_date_add_days(e->end, 1); /* DTEND is exclusive */
		snprintf(start, sizeof start, "%04d%02d%02d", e->start.year, e->start.month, e->start.day);
		snprintf(end, sizeof end, "%04d%02d%02d", after.year, after.month, after.day);
		snprintf(summary, sizeof summary, "%s: %s", e->name, e->reason);
		ics_line(&b, "BEGIN:", "VEVENT", false);
		ics_line(&b, "UID:", e->uid, false);
		ics_line(&b, "DTSTAMP:", stamp, false);
		ics_line(&b, "DTSTART;VALUE=DATE:", start, false);
		ics_line(&b, "DTEND;VALUE=DATE:", end, false);
		ics_line(&b, "SUMMARY:", summary, true);
		ics_line(&b, "TRANSP:", "TRANSPARENT", false);
		ics_line(&b, "END:", "VEVENT", false);
	}
	ics_line(&b, "END:", "VCALENDAR", false);
	return mi_strbuf_take(&b);
}
