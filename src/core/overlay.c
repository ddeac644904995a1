/* overlay.c - a language's words for the data files (overlay.h). */
#include "mi/i18n.h"
#include "mi/overlay.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "mi/rules.h"
#include "mi/strbuf.h"

typedef struct field {
	char *name;
	char *text;
	size_t line;
} field;

typedef struct entry {
	char *kind;
	char *id;
	char *source; /* the overlay's fingerprint; NULL on the English side */
	size_t line;
	field *fields;
	size_t field_count;
} entry;

typedef struct entries {
	entry *items;
	size_t count;
} entries;

struct mi_overlay {
	char *file_name;
	entries e;
};

struct mi_overlay_source {
	entries e;
};

static void entries_free(entries *e)
{
	for (size_t i = 0; i < e->count; i++) {
		entry *en = &e->items[i];
		for (size_t j = 0; j < en->field_count; j++) {
			free(en->fields[j].name);
			free(en->fields[j].text);
		}
		free(en->fields);
		free(en->kind);
		free(en->id);
		free(en->source);
	}
	free(e->items);
	*e = (entries){0};
}

static entry *entry_find(const entries *e, const char *kind, const char *id)
{
	for (size_t i = 0; i < e->count; i++)
		if (strcmp(e->items[i].kind, kind) == 0 && strcmp(e->items[i].id, id) == 0)
			return &e->items[i];
	return NULL;
}

static field *field_find(const entry *en, const char *name)
{
	for (size_t i = 0; en && i < en->field_count; i++)
		if (strcmp(en->fields[i].name, name) == 0)
			return &en->fields[i];
	return NULL;
}

/* A new empty entry at the end of e; NULL when out of memory. */
static entry *entry_add(entries *e, const char *kind, const char *id, size_t line)
{
	entry *grown = realloc(e->items, (e->count + 1) * sizeof *grown);
	if (!grown)
		return NULL;
	e->items = grown;
	entry *en = &e->items[e->count];
	*en = (entry){.kind = strdup(kind), .id = strdup(id), .line = line};
	if (!en->kind || !en->id) {
		free(en->kind);
		free(en->id);
		return NULL;
	}
	e->count++;
	return en;
}

static bool field_add(entry *en, const char *name, const char *text, size_t line)
{
	field *grown = realloc(en->fields, (en->field_count + 1) * sizeof *grown);
	if (!grown)
		return false;
	en->fields = grown;
	field f = {.name = strdup(name), .text = strdup(text), .line = line};
	if (!f.name || !f.text) {
		free(f.name);
		free(f.text);
		return false;
	}
	en->fields[en->field_count++] = f;
	return true;
}

void mi_overlay_free(mi_overlay *overlay)
{
	if (!overlay)
		return;
	entries_free(&overlay->e);
	free(overlay->file_name);
	free(overlay);
}

const char *mi_overlay_file_name(const mi_overlay *overlay)
{
	return overlay->file_name;
}

/* Splits an item line "option VALUE = WORDS" into its field name and words
 * (in place); false when it is not one. */
static bool option_item(char *line, char **name, char **text)
{
	char *eq = strchr(line, '=');
	if (strncmp(line, "option ", 7) != 0 || !eq)
		return false;
	*eq = '\0';
	char *value = mi_conf_trim(line + 7);
	if (!mi_conf_is_identifier(value))
		return false;
	*name = mi_conf_trim(line);
	*text = mi_conf_trim(eq + 1);
	return **text != '\0';
}

/* Takes one line of the file into o; current is the entry being read. */
static mi_status take_line(mi_overlay *o, const mi_conf_reader *r, const mi_conf_line *l,
			   entry **current, mi_error *err)
{
	if (l->kind == MI_CONF_SECTION) {
		if (*current && !(*current)->source)
			return mi_conf_fail(r, (*current)->line, err,
					    _("[%s %s] needs its source = FINGERPRINT line (check-translations prints it)."),
					    (*current)->kind, (*current)->id);
		if (entry_find(&o->e, l->kind_word, l->name))
			return mi_conf_fail(r, l->line, err, _("[%s %s] is given twice."), l->kind_word,
					    l->name);
		*current = entry_add(&o->e, l->kind_word, l->name, l->line);
		return *current ? MI_OK : mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	}
	char *copy = strdup(l->kind == MI_CONF_SETTING ? l->key : l->value);
	if (!copy)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	char *name = copy, *text = (char *)l->value;
	mi_status st = MI_OK;
	if (l->kind == MI_CONF_ITEM && !option_item(copy, &name, &text))
		st = mi_conf_fail(r, l->line, err,
				  _("expected \"name = words\" or \"option VALUE = WORDS\"."));
	else if (!*current && strcmp(name, "language") != 0)
		st = mi_conf_fail(r, l->line, err,
				  _("\"%s\" comes before any [kind id] section; only language may."), name);
	else if (!*current)
		st = MI_OK; /* language = LANG: for the reader of the file */
	else if (strcmp(name, "source") == 0) {
		if ((*current)->source)
			st = mi_conf_fail(r, l->line, err, _("source is given twice."));
		else if (!((*current)->source = strdup(text)))
			st = mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	} else if (field_find(*current, name))
		st = mi_conf_fail(r, l->line, err, _("%s is given twice in [%s %s]."), name,
				  (*current)->kind, (*current)->id);
	else if (!field_add(*current, name, text, l->line))
		st = mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	free(copy);
	return st;
}

mi_status mi_overlay_parse(const char *text, size_t len, const char *file_name, mi_overlay **out,
			   mi_error *err)
{
	mi_overlay *o = calloc(1, sizeof *o);
	if (!o || !(o->file_name = strdup(file_name))) {
		free(o);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	}
	mi_conf_reader r;
	mi_conf_reader_open(&r, o->file_name, text, len);
	entry *current = NULL;
	mi_conf_line l;
	mi_status st;
	while ((st = mi_conf_next(&r, &l, err)) == MI_OK && l.kind != MI_CONF_END)
		if ((st = take_line(o, &r, &l, &current, err)) != MI_OK)
			break;
	if (st == MI_OK && current && !current->source)
		st = mi_conf_fail(&r, current->line, err,
				  _("[%s %s] needs its source = FINGERPRINT line (check-translations prints it)."),
				  current->kind, current->id);
	mi_conf_reader_close(&r);
	if (st != MI_OK) {
		mi_overlay_free(o);
		return st;
	}
	*out = o;
	return MI_OK;
}

mi_status mi_overlay_load(const char *path, mi_overlay **out, mi_error *err)
{
	char *text = NULL;
	size_t len = 0;
	mi_status st = mi_conf_read_file(path, &text, &len, err);
	if (st == MI_OK)
		st = mi_overlay_parse(text, len, path, out, err);
	free(text);
	return st;
}

/* ---- The English side ---- */

mi_overlay_source *mi_overlay_source_new(void)
{
	return calloc(1, sizeof(mi_overlay_source));
}

void mi_overlay_source_free(mi_overlay_source *source)
{
	if (!source)
		return;
	entries_free(&source->e);
	free(source);
}

bool mi_overlay_source_add(mi_overlay_source *source, const char *kind, const char *id,
			   const char *field_name, const char *text)
{
	if (!text || !*text)
		return true;
	entry *en = entry_find(&source->e, kind, id);
	if (!en)
		en = entry_add(&source->e, kind, id, 0);
	return en && field_add(en, field_name, text, 0);
}

/* The fingerprint of fields[0..count) into out. */
static void fingerprint(const field *fields, size_t count, char out[MI_OVERLAY_FINGERPRINT_SIZE])
{
	unsigned char hash[8];
	crypto_generichash_state state;
	crypto_generichash_init(&state, NULL, 0, sizeof hash);
	for (size_t i = 0; i < count; i++) {
		/* The NULs keep "a"+"bc" apart from "ab"+"c". */
		crypto_generichash_update(&state, (const unsigned char *)fields[i].name,
					  strlen(fields[i].name) + 1);
		crypto_generichash_update(&state, (const unsigned char *)fields[i].text,
					  strlen(fields[i].text) + 1);
	}
	crypto_generichash_final(&state, hash, sizeof hash);
	sodium_bin2hex(out, MI_OVERLAY_FINGERPRINT_SIZE, hash, sizeof hash);
}

void mi_overlay_source_fingerprint(const mi_overlay_source *source, const char *kind,
				   const char *id, char out[MI_OVERLAY_FINGERPRINT_SIZE])
{
	const entry *en = entry_find(&source->e, kind, id);
	out[0] = '\0';
	if (en)
		fingerprint(en->fields, en->field_count, out);
}

/* ---- Looking up ---- */

const char *mi_overlay_find(const mi_overlay *overlay, const char *kind, const char *id,
			    const char *field_name, const char *fp)
{
	if (!overlay)
		return NULL;
	const entry *en = entry_find(&overlay->e, kind, id);
	if (!en || strcmp(en->source, fp) != 0)
		return NULL;
	const field *f = field_find(en, field_name);
	return f ? f->text : NULL;
}

const char *mi_overlay_text(const mi_overlay *overlay, const char *kind, const char *id,
			    const char *field_name, const char *english)
{
	if (!overlay || !english || !*english)
		return english;
	field f = {.name = (char *)field_name, .text = (char *)english};
	char fp[MI_OVERLAY_FINGERPRINT_SIZE];
	fingerprint(&f, 1, fp);
	const char *found = mi_overlay_find(overlay, kind, id, field_name, fp);
	return found ? found : english;
}

char *mi_overlay_template(const mi_overlay *existing, const mi_overlay_source *source,
			  const char *lang, const char *file)
{
	mi_strbuf b = {0};
	mi_strbuf_addf(&b,
		       "# lang/%s/%s - the words of %s in this language (docs/translations.md).\n"
		       "# Each [kind id] translates that entry of %s; source is the fingerprint\n"
		       "# of its English when translated. Lines marked TRANSLATE are still English.\n"
		       "\nlanguage = %s\n",
		       lang, file, file, file, lang);
	for (size_t i = 0; i < source->e.count; i++) {
		const entry *en = &source->e.items[i];
		char fp[MI_OVERLAY_FINGERPRINT_SIZE];
		fingerprint(en->fields, en->field_count, fp);
		mi_strbuf_addf(&b, "\n[%s %s]\nsource = %s\n", en->kind, en->id, fp);
		const entry *tr = existing ? entry_find(&existing->e, en->kind, en->id) : NULL;
		bool current = tr && strcmp(tr->source, fp) == 0;
		for (size_t j = 0; j < en->field_count; j++) {
			const field *f = current ? field_find(tr, en->fields[j].name) : NULL;
			if (!f)
				mi_strbuf_puts(&b, "# TRANSLATE\n");
			mi_strbuf_addf(&b, "%s = %s\n", en->fields[j].name,
				       f ? f->text : en->fields[j].text);
		}
	}
	return mi_strbuf_take(&b);
}

/* ---- Checking ---- */

size_t mi_overlay_check(const mi_overlay *overlay, const mi_overlay_source *source,
			mi_overlay_report *report, void *context)
{
	size_t problems = 0;
	for (size_t i = 0; i < source->e.count; i++) {
		const entry *en = &source->e.items[i];
		const entry *tr = overlay ? entry_find(&overlay->e, en->kind, en->id) : NULL;
		char fp[MI_OVERLAY_FINGERPRINT_SIZE];
		fingerprint(en->fields, en->field_count, fp);
		if (!tr) {
			report(context, MI_OVERLAY_MISSING, en->kind, en->id, NULL, 0);
			problems++;
			continue;
		}
		if (strcmp(tr->source, fp) != 0) {
			report(context, MI_OVERLAY_STALE, en->kind, en->id, NULL, tr->line);
			problems++;
		}
		for (size_t j = 0; j < en->field_count; j++)
			if (!field_find(tr, en->fields[j].name)) {
				report(context, MI_OVERLAY_MISSING, en->kind, en->id,
				       en->fields[j].name, tr->line);
				problems++;
			}
		for (size_t j = 0; j < tr->field_count; j++)
			if (!field_find(en, tr->fields[j].name)) {
				report(context, MI_OVERLAY_NO_LONGER, en->kind, en->id,
				       tr->fields[j].name, tr->fields[j].line);
				problems++;
			}
	}
	for (size_t i = 0; overlay && i < overlay->e.count; i++) {
		const entry *tr = &overlay->e.items[i];
		if (!entry_find(&source->e, tr->kind, tr->id)) {
			report(context, MI_OVERLAY_NO_LONGER, tr->kind, tr->id, NULL, tr->line);
			problems++;
		}
	}
	return problems;
}
