/* cmd_note.c - `massage-intake note VISIT ...`: record goals and session notes. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mi/app_accounts.h"
#include "mi/app_followup.h"
#include "mi/app_records.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/notes_doc.h"
#include "mi/store.h"
#include "mi/strbuf.h"
#include "mi/visit.h"
#include "mi/vocab.h"

/* Checks an id given on the command line; 0 or the exit status. */
static int check_id(const char *option, const char *id, mi_vocab vocab)
{
	if (mi_vocab_has(vocab, id))
		return 0;
	char ids[400];
	if (vocab == MI_VOCAB_PRESSURE) {
		/* TRANSLATORS: the word before the last of a list of ids ("light,
		 * medium or firm"). */
		mi_vocab_ids(vocab, P_("list", "or"), ids, sizeof ids);
		/* TRANSLATORS: "--pressure is light, medium or firm."; the ids stay
		 * as they are (they are typed so). */
		return mi_cli_failf(MI_EUSAGE, _("%s is %s."), option, ids);
	}
	mi_vocab_ids(vocab, NULL, ids, sizeof ids);
	/* TRANSLATORS: an option and the ids it takes, kept as they are. */
	return mi_cli_failf(MI_EUSAGE, _("%s takes one of: %s."), option, ids);
}

/* Replaces *list (count *count) with copies of the given ids. */
static bool replace_ids(char ***list, size_t *count, const char *const *ids, size_t n)
{
	char **copy = calloc(n ? n : 1, sizeof *copy);
	if (!copy)
		return false;
	for (size_t i = 0; i < n; i++) {
		copy[i] = strdup(ids[i]);
		if (!copy[i]) {
			for (size_t j = 0; j < i; j++)
				free(copy[j]);
			free(copy);
			return false;
		}
	}
	for (size_t i = 0; i < *count; i++)
		free((*list)[i]);
	free(*list);
	*list = copy;
	*count = n;
	return true;
}

/* Replaces a text note: "" clears it. */
static bool replace_text(char **field, const char *text)
{
	char *copy = NULL;
	if (*text && !(copy = strdup(text)))
		return false;
	free(*field);
	*field = copy;
	return true;
}

enum {
	OPT_GOALS_OTHER = 256,
	OPT_AREAS_OTHER,
	OPT_THERAPIST_NOTES,
	OPT_EDIT,
	OPT_FROM_FILE,
	OPT_CLOSE,
	OPT_PLAN,
};

/* What the command line asks to change. */
typedef struct note_args {
	const char **goals, **areas, **techniques;
	size_t goal_count, area_count, technique_count;
	const char *goals_other, *areas_other, *pressure, *response, *therapist_notes, *aftercare;
	bool edit;             /* --edit */
	const char *from_file; /* --from-file */
	bool close;            /* --close */
	const char *plan;      /* --plan */
	mi_plan plan_value;
	bool any;
} note_args;

/* Applies args to the loaded visit; false when out of memory. */
static bool apply(const note_args *a, mi_visit *v)
{
	bool ok = true;
	if (a->goal_count)
		ok = ok && replace_ids(&v->goals, &v->goal_count, a->goals, a->goal_count);
	if (a->area_count)
		ok = ok && replace_ids(&v->notes.areas, &v->notes.area_count, a->areas, a->area_count);
	if (a->technique_count)
		ok = ok && replace_ids(&v->notes.techniques, &v->notes.technique_count, a->techniques,
				       a->technique_count);
	const struct {
		const char *value;
		char **field;
	} texts[] = {
		{a->goals_other, &v->goals_other},
		{a->areas_other, &v->notes.areas_other},
		{a->pressure, &v->notes.pressure},
		{a->response, &v->notes.response},
		{a->therapist_notes, &v->notes.therapist_notes},
		{a->aftercare, &v->aftercare_notes},
	};
	for (size_t i = 0; ok && i < sizeof texts / sizeof texts[0]; i++)
		if (texts[i].value)
			ok = replace_text(texts[i].field, texts[i].value);
	return ok;
}

/* Parses the options into args; 0 or the exit status. */
static int parse(const mi_cli_args *args, note_args *a, long long *visit_id)
{
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < args->given_count; i++) {
		const char *value = args->given[i].value;
		a->any = true;
		switch (args->given[i].key) {
		case 'g':
			rc = check_id("--goal", value, MI_VOCAB_GOAL);
			a->goals[a->goal_count++] = value;
			break;
		case 'a':
			rc = check_id("--area", value, MI_VOCAB_AREA);
			a->areas[a->area_count++] = value;
			break;
		case 't':
			rc = check_id("--technique", value, MI_VOCAB_TECHNIQUE);
			a->techniques[a->technique_count++] = value;
			break;
		case 'p':
			rc = check_id("--pressure", value, MI_VOCAB_PRESSURE);
			a->pressure = value;
			break;
		case OPT_GOALS_OTHER:
			a->goals_other = value;
			break;
		case OPT_AREAS_OTHER:
			a->areas_other = value;
			break;
		case 'r':
			a->response = value;
			break;
		case OPT_THERAPIST_NOTES:
			a->therapist_notes = value;
			break;
		case 'c':
			a->aftercare = value;
			break;
		case OPT_EDIT:
			a->edit = true;
			break;
		case OPT_FROM_FILE:
			a->from_file = value;
			break;
		case OPT_CLOSE:
			a->close = true;
			break;
		case OPT_PLAN: {
			mi_error perr;
			a->plan = value;
			if (mi_plan_choose(value, &a->plan_value, &perr) != MI_OK)
				rc = mi_cli_failf(MI_EUSAGE, "--plan: %s", perr.message);
			break;
		}
		}
	}
	if (rc)
		return rc;
	if (!mi_cli_one_id(args, visit_id))
		return mi_cli_failf(MI_EUSAGE,
				    _("note needs one visit id (a positive number); see massage-intake "
				      "note --help."));
	if (!a->any)
		return mi_cli_failf(MI_EUSAGE,
				    _("nothing to record; give at least one option, see massage-intake "
				      "note --help."));
	if (a->edit && a->from_file)
		return mi_cli_failf(MI_EUSAGE,
				    _("give the notes with --edit or with --from-file, not both."));
	if ((a->edit || a->from_file) && (a->goals_other || a->areas_other || a->response ||
					  a->therapist_notes || a->aftercare))
		return mi_cli_failf(MI_EUSAGE,
				    _("give the texts either in the document (--edit, --from-file) or "
				      "as options, not both."));
	return 0;
}

/* The note a document field is, in the visit. */
static char **doc_field(mi_visit *v, mi_notes_field f)
{
	switch (f) {
	case MI_NOTES_RESPONSE:
		return &v->notes.response;
	case MI_NOTES_THERAPIST:
		return &v->notes.therapist_notes;
	case MI_NOTES_AFTERCARE:
		return &v->aftercare_notes;
	case MI_NOTES_GOALS_OTHER:
		return &v->goals_other;
	case MI_NOTES_AREAS_OTHER:
	case MI_NOTES_FIELD_COUNT:
		break;
	}
	return &v->notes.areas_other;
}

/* Puts the sections given in the document text[0..len) into the visit. */
static mi_status apply_doc(const char *text, size_t len, mi_visit *v, mi_error *err)
{
	mi_notes_doc doc;
	mi_status st = mi_notes_doc_parse(text, len, &doc, err);
	for (int f = 0; st == MI_OK && f < MI_NOTES_FIELD_COUNT; f++)
		if (doc.given[f] && !replace_text(doc_field(v, (mi_notes_field)f), doc.text[f] ? doc.text[f] : ""))
			st = mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	mi_notes_doc_clear(&doc);
	return st;
}

/* The instructions at the top of the file to edit, after problem (NULL the
 * first time). Caller frees. */
static char *edit_intro(long long visit_id, const char *problem)
{
	mi_strbuf b = {0};
	if (problem)
		/* TRANSLATORS: at the top of the notes opened in the editor; %s says
		 * why they were refused. */
		mi_strbuf_addf(&b, _("THE NOTES WERE NOT SAVED: %s\nCorrect them below.\n\n"),
			       problem);
	/* TRANSLATORS: the instructions at the top of the notes opened in the
	 * editor. Keep the headings in brackets as they are, and never put one
	 * at the start of a line: a line that is only a heading starts the
	 * notes. */
	mi_strbuf_addf(&b,
		       _("Session notes for visit %lld. Write each note under its heading; an\n"
			 "empty section clears that note. Everything above the first heading is\n"
			 "ignored. Save and close the editor to store the notes; close it without\n"
			 "changing anything to store nothing. [goals-other] and [areas-other] are\n"
			 "one line each."),
		       visit_id);
	return mi_strbuf_take(&b);
}

/* The edited document with its instructions (everything before the first
 * heading) replaced by intro. Caller frees. */
static char *with_intro(const char *intro, const char *edited, size_t len)
{
	size_t body = mi_notes_doc_body_start(edited, len);
	mi_strbuf b = {0};
	mi_strbuf_addf(&b, "%s\n\n", intro);
	mi_strbuf_add(&b, edited + body, len - body);
	return mi_strbuf_take(&b);
}

/* Asks on the terminal whether to edit again after problem; false when
 * there is no terminal to ask on or the answer is no. */
static bool ask_edit_again(const char *problem)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
		return false;
	mi_cli_failf(MI_EDATA, "%s", problem);
	/* TRANSLATORS: any answer but one starting with n or N edits again. */
	fputs(_("Edit the notes again? [Y/n] "), stderr);
	fflush(stderr);
	char answer[16];
	if (!fgets(answer, sizeof answer, stdin))
		return false;
	return answer[0] != 'n' && answer[0] != 'N';
}

/* --edit: the notes in the editor until they are stored, nothing was
 * changed (*unchanged), or the user gives up. */
static mi_status edit_and_save(mi_store *store, mi_visit *visit, bool *unchanged, mi_error *err)
{
	const char *texts[MI_NOTES_FIELD_COUNT];
	for (int f = 0; f < MI_NOTES_FIELD_COUNT; f++)
		texts[f] = *doc_field(visit, (mi_notes_field)f);
	char *intro = edit_intro(visit->id, NULL);
	char *offered = intro ? mi_notes_doc_format(intro, texts) : NULL;
	free(intro);
	mi_status st = offered ? MI_OK : mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	/* Showing the notes in the editor is a view of the record. */
	if (st == MI_OK)
		mi_cli_audit_view(store, "view", "visits", visit->id);
	*unchanged = false;
	mi_error refused = {0}; /* why the last edit was not stored */
	while (st == MI_OK) {
		char *edited = NULL;
		size_t len = 0;
		st = mi_cli_edit_text(offered, MI_NOTES_DOC_MAX, &edited, &len, err);
		if (st != MI_OK)
			break;
		if (len == strlen(offered) && memcmp(edited, offered, len) == 0) {
			/* Closed without a change: after a refusal that is giving
			 * up on it. */
			if (refused.status != MI_OK) {
				*err = refused;
				st = refused.status;
			}
			*unchanged = st == MI_OK;
			free(edited);
			break;
		}
		st = apply_doc(edited, len, visit, err);
		if (st == MI_OK)
			st = mi_app_visit_save_notes(store, visit, err);
		if (st == MI_EDATA && ask_edit_again(err->message)) {
			refused = *err;
			intro = edit_intro(visit->id, err->message);
			free(offered);
			offered = intro ? with_intro(intro, edited, len) : NULL;
			free(intro);
			st = offered ? MI_OK : mi_error_set(err, MI_EINTERNAL, _("out of memory."));
			free(edited);
			continue;
		}
		free(edited);
		break;
	}
	free(offered);
	return st;
}

/* --from-file: the notes document from a file or standard input. */
static mi_status read_and_save(mi_store *store, mi_visit *visit, const char *path, mi_error *err)
{
	char *text = NULL;
	size_t len = 0;
	mi_status st = mi_cli_read_text(path, MI_NOTES_DOC_MAX, &text, &len, err);
	if (st == MI_OK)
		st = apply_doc(text, len, visit, err);
	if (st == MI_OK)
		st = mi_app_visit_save_notes(store, visit, err);
	free(text);
	return st;
}

/* True when options other than --close and --plan give something to record. */
static bool records_something(const note_args *a)
{
	return a->goal_count || a->area_count || a->technique_count || a->goals_other ||
	       a->areas_other || a->pressure || a->response || a->therapist_notes || a->aftercare;
}

/* Once the clinic has accounts, notes are written by a therapist signed
 * in with --as; before, by "cli" as ever. */
static mi_status may_write_notes(const mi_cli *cli, mi_store *store, mi_error *err)
{
	bool accounts = false;
	mi_status st = mi_app_accounts_exist(store, &accounts, err);
	if (st != MI_OK || !accounts)
		return st;
	if (!mi_cli_who(cli))
		return mi_error_set(err, MI_ENOPERM,
				    _("session notes are signed by a therapist: give --as NAME (your "
				      "PIN comes first on standard input)."));
	return mi_app_account_may(mi_cli_who(cli), MI_PERMIT_SESSION_NOTES, err);
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	note_args a = {0};
	a.goals = calloc(args->given_count + 1, sizeof *a.goals);
	a.areas = calloc(args->given_count + 1, sizeof *a.areas);
	a.techniques = calloc(args->given_count + 1, sizeof *a.techniques);
	long long visit_id = 0;
	mi_cli_install_intake(cli); /* the ids --goal, --area ... take */
	int rc = a.goals && a.areas && a.techniques ? parse(args, &a, &visit_id)
						  : mi_cli_failf(MI_EINTERNAL, _("out of memory."));
	mi_error err;
	mi_store *store = NULL;
	mi_visit *visit = NULL;
	if (rc == 0) {
		bool unchanged = false;
		mi_status st = mi_cli_open_store(cli, 0, &store, &err);
		if (st == MI_OK)
			st = may_write_notes(cli, store, &err);
		if (st == MI_OK)
			st = mi_app_visit_load(store, visit_id, &visit, &err);
		if (st == MI_OK && !apply(&a, visit))
			st = mi_error_set(&err, MI_EINTERNAL, _("out of memory."));
		if (st == MI_OK && a.edit)
			st = edit_and_save(store, visit, &unchanged, &err);
		else if (st == MI_OK && a.from_file)
			st = read_and_save(store, visit, a.from_file, &err);
		else if (st == MI_OK && records_something(&a))
			st = mi_app_visit_save_notes(store, visit, &err);
		if (st == MI_OK && a.plan)
			st = mi_app_visit_set_plan(store, visit_id, &a.plan_value, &err);
		if (st == MI_OK && a.close)
			st = mi_app_visit_close(store, visit_id, &err);
		if (st != MI_OK)
			rc = mi_cli_fail(&err);
		else if (a.close)
			printf(_("visit %lld is closed; its notes are signed by %s\n"), visit_id,
			       mi_cli_who(cli) ? mi_cli_who(cli)->name : "cli");
		else if (a.plan && !records_something(&a))
			printf(_("follow-up plan saved for visit %lld\n"), visit_id);
		else if (unchanged)
			printf(_("nothing changed; nothing saved for visit %lld\n"), visit_id);
		else
			printf(_("notes saved for visit %lld\n"), visit_id);
	}
	mi_visit_free(visit);
	mi_store_close(store);
	free(a.goals);
	free(a.areas);
	free(a.techniques);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = mi_cli_failf(MI_EIO,
				  _("the notes were saved but the confirmation could not be written: "
				    "%s."),
				  strerror(errno));
	return rc;
}

/* The ids --goal, --area, --technique and --pressure take, from the
 * intake questions in use, wrapped after the name of each list. */
static void ids_help(const mi_cli *cli, FILE *out)
{
	static const struct {
		const char *option;
		mi_vocab vocab;
	} lists[] = {
		{"--goal", MI_VOCAB_GOAL},
		{"--area", MI_VOCAB_AREA},
		{"--technique", MI_VOCAB_TECHNIQUE},
		{"--pressure", MI_VOCAB_PRESSURE},
	};
	enum { INDENT = 16, WIDTH = 78 };
	mi_cli_install_intake(cli);
	fputs(_("\nThe ids, from the intake questions in use (intake.conf):\n"), out);
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
		int column = fprintf(out, "  %-*s", INDENT - 2, lists[l].option);
		size_t count = mi_vocab_count(lists[l].vocab);
		if (count == 0)
			fputs(_("(none)"), out);
		for (size_t i = 0; i < count; i++) {
			const char *id = mi_vocab_id(lists[l].vocab, i);
			int len = (int)strlen(id) + (i + 1 < count ? 1 : 0);
			if (i > 0 && column + 1 + len > WIDTH)
				column = fprintf(out, "\n%*s", INDENT, "") - 1;
			else if (i > 0)
				column += fprintf(out, " ");
			column += fprintf(out, "%s%s", id, i + 1 < count ? "," : "");
		}
		fputc('\n', out);
	}
}

const mi_command mi_command_note = {
	.name = "note",
	.summary = N_("record goals and session notes for a visit"),
	.usage = "note VISIT [--goal ID]... [--goals-other TEXT]\n"
		 "         [--area ID]... [--areas-other TEXT] [--technique ID]...\n"
		 "         [--pressure ID] [--response TEXT]\n"
		 "         [--therapist-notes TEXT] [--aftercare TEXT]\n"
		 "       massage-intake note VISIT --edit | --from-file FILE|- [ID OPTIONS]\n"
		 "       massage-intake note VISIT --close | --plan PLAN\n",
	.about = N_("Records the session's goals and notes for a visit. Only what is given\n"
		    "changes: repeated --goal, --area or --technique replace that whole list;\n"
		    "an empty TEXT (\"\") clears that note.\n"
		    "\n"
		    "Text given as an argument can be seen by every user of the computer (ps).\n"
		    "For health details use --edit or --from-file instead. Both take the notes\n"
		    "as sections under the headings [response], [therapist-notes], [aftercare],\n"
		    "[goals-other] and [areas-other], each on a line of its own; text before the\n"
		    "first heading is ignored. A section replaces that note (empty: clears it);\n"
		    "a missing one leaves it as it is.\n"),
	.options = (const mi_cli_option[]){
		{"edit", OPT_EDIT, NULL, N_("edit the notes in $VISUAL or $EDITOR (else vi), in a\n"
					    "private file that is removed afterwards")},
		{"from-file", OPT_FROM_FILE, "FILE",
		 N_("read the notes from FILE, or - for standard input")},
		{"goal", 'g', "ID", N_("a goal of the session (the ids are below)")},
		{"goals-other", OPT_GOALS_OTHER, "TEXT", N_("a goal in the therapist's words")},
		{"area", 'a', "ID", N_("an area worked")},
		{"areas-other", OPT_AREAS_OTHER, "TEXT", N_("another area worked")},
		{"technique", 't', "ID", N_("a technique used")},
		{"pressure", 'p', "ID", N_("the pressure used")},
		{"response", 'r', "TEXT", N_("how the client responded")},
		{"therapist-notes", OPT_THERAPIST_NOTES, "TEXT", N_("for the therapist only")},
		{"aftercare", 'c', "TEXT", N_("the therapist's words for the client's aftercare sheet")},
		{"plan", OPT_PLAN, "PLAN", N_("the follow-up plan (see massage-intake due): the id\n"
					      "of a plan the clinic offers (intake.conf's\n"
					      "[followup_plan] sections: reassess, series_3_weekly,\n"
					      "maintenance_4_weeks, ...), or reassess,\n"
					      "series:SESSIONS:DAYS, maintenance:DAYS or none")},
		{"close", OPT_CLOSE, NULL, N_("closes the visit: its notes are signed by the person\n"
					      "acting (--as NAME); a later change is an amendment\n"
					      "that keeps the text before it and who changed it")},
		{0},
	},
	.more_help = ids_help,
	.after = N_("Once the clinic has accounts, notes need --as NAME of a therapist.\n"
		    "\n"
		    "Exit status: 0 saved (or nothing changed in the editor); 64 bad command\n"
		    "line (an unknown id included); 65 a text that cannot be stored; 66 no\n"
		    "database yet, or no FILE; 67 no such visit; 74 the database cannot be\n"
		    "written, or the editor failed; 75 it stayed busy, try again; 77 not\n"
		    "signed in as a therapist.\n"),
	.run = run,
};
