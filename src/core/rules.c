/* rules.c - the rules file: parsing, compiling conditions, evaluating them. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "mi/i18n.h"
#include "mi/rules.h"
#include "mi/text.h"

enum {
	MAX_DEPTH = 100,     /* nesting of a compiled condition, defines included */
	MAX_WEIGHT = 10000,  /* atoms in a condition with its defines spelled out */
	MAX_LIST_VALUES = 32 /* values in one "(a, b, c)" list */
};

typedef enum node_kind {
	N_BOOL,      /* key answered true */
	N_ENUM_IN,   /* enum key answered with one of values */
	N_LIST_ANY,  /* list key holds any of values */
	N_INT_CMP,   /* integer key compared with number */
	N_AGE_CMP,   /* age (answer or birth date) compared with number */
	N_CLASS_ANY, /* a medication of any of the classes */
	N_AND,
	N_OR,
	N_NOT,
} node_kind;

typedef enum cmp_op { OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ } cmp_op;

/* One node of a compiled condition; children are indexes into the pool. */
typedef struct node {
	node_kind kind;
	const char *key;        /* schema name (static storage) */
	size_t key_index;       /* position in mi_answers_schema() */
	const char **values;    /* schema value strings, owned array */
	size_t value_count;
	cmp_op op;
	long number;
	uint64_t classes;
	int a, b;               /* children */
	int depth;              /* nesting, defines included */
	long weight;            /* atoms with defines spelled out: the cost of evaluating */
} node;

/* A rule; pub comes first so a pointer to it leads back to the rule. */
typedef struct compiled_rule {
	mi_rule pub; /* strings owned */
	int root;
	char *flag_json; /* made at load for mi_rule_flag_json */
	uint64_t classes; /* medication classes its condition reads */
} compiled_rule;

typedef struct define {
	char *name;
	int root;
} define;

typedef struct follow_up {
	const char *key; /* schema name */
	int root;
} follow_up;

struct mi_rulefile {
	char *version;
	compiled_rule *rules;
	size_t rule_count;
	node *nodes;
	size_t node_count, node_cap;
	define *defines;
	size_t define_count;
	follow_up *follow_ups;
	size_t follow_up_count;
	bool *reads; /* per schema key */
	size_t key_count;
	const mi_meds *meds;
};

/* ---- Building ------------------------------------------------------ */

/* Adds a node to the pool; returns its index or -1 when out of memory. */
static int add_node(mi_rulefile *rf, node n)
{
	if (rf->node_count == rf->node_cap) {
		size_t cap = rf->node_cap ? rf->node_cap * 2 : 64;
		node *nodes = realloc(rf->nodes, cap * sizeof *nodes);
		if (!nodes)
			return -1;
		rf->nodes = nodes;
		rf->node_cap = cap;
	}
	rf->nodes[rf->node_count] = n;
	return (int)rf->node_count++;
}

/* Appends one item to a growable array of elements of size size. */
static bool push(void **array, size_t *count, size_t size, const void *item)
{
	void *grown = realloc(*array, (*count + 1) * size);
	if (!grown)
		return false;
	memcpy((char *)grown + *count * size, item, size);
	*array = grown;
	(*count)++;
	return true;
}

/* The schema position of a key. */
static size_t schema_index(const mi_answer_key *key)
{
	return (size_t)(key - mi_answers_schema());
}

/* ---- Condition parsing ------------------------------------------- */

typedef enum tok_kind { T_END, T_NAME, T_NUMBER, T_LPAREN, T_RPAREN, T_COMMA, T_OP, T_BAD } tok_kind;

typedef struct tok {
	tok_kind kind;
	const char *s;
	size_t len;
	cmp_op op;
} tok;

typedef struct parser {
	mi_rulefile *rf;
	const mi_conf_reader *reader;
	size_t line;
	const char *where; /* "rule fever", "define new_pain", ... */
	const char *text;
	size_t pos;
	tok cur;
	mi_error *err;
	bool failed;
	int nesting; /* parentheses and "not" being parsed */
} parser;

/* Records the first failure as "FILE:LINE: in WHERE: reason"; returns -1. */
static int fail(parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(parser *p, const char *fmt, ...)
{
	if (p->failed)
		return -1;
	char reason[360];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	/* TRANSLATORS: "in the condition of [rule fever]: expected a value, ..." */
	mi_conf_fail(p->reader, p->line, p->err, _("in %s: %s"), p->where, reason);
	p->failed = true;
	return -1;
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Moves to the next token. */
static void advance(parser *p)
{
	const char *s = p->text;
	while (s[p->pos] == ' ' || s[p->pos] == '\t')
		p->pos++;
	size_t start = p->pos;
	tok t = {.kind = T_BAD, .s = s + start, .len = 1};
	char c = s[start];
	if (c == '\0') {
		t.kind = T_END;
		t.len = 0;
	} else if (c == '(' || c == ')' || c == ',') {
		t.kind = c == '(' ? T_LPAREN : c == ')' ? T_RPAREN : T_COMMA;
	} else if (c == '<' || c == '>') {
		bool eq = s[start + 1] == '=';
		t.kind = T_OP;
		t.len = eq ? 2 : 1;
		t.op = c == '<' ? (eq ? OP_LE : OP_LT) : (eq ? OP_GE : OP_GT);
	} else if (c == '=') {
		t.kind = T_OP;
		t.op = OP_EQ;
	} else if ((c >= '0' && c <= '9') || (c == '-' && s[start + 1] >= '0' && s[start + 1] <= '9')) {
		size_t i = start + 1;
		while (s[i] >= '0' && s[i] <= '9')
			i++;
		t.kind = T_NUMBER;
		t.len = i - start;
	} else if (name_char(c)) {
		size_t i = start;
		while (name_char(s[i]))
			i++;
		t.kind = T_NAME;
		t.len = i - start;
	}
	p->pos = start + t.len;
	p->cur = t;
}

/* True when the current token is the word w. */
static bool is_word(const parser *p, const char *w)
{
	return p->cur.kind == T_NAME && strlen(w) == p->cur.len && strncmp(p->cur.s, w, p->cur.len) == 0;
}

static bool is_keyword(const char *s, size_t len)
{
	static const char *const words[] = {"and", "or", "not", "is", "in", "has", "any"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == len && strncmp(words[i], s, len) == 0)
			return true;
	return false;
}

/* The current token as text for messages, in a caller buffer. */
static const char *tok_text(const parser *p, char *buf, size_t size)
{
	if (p->cur.kind == T_END)
		return _("the end of the condition");
	snprintf(buf, size, "\"%.*s\"", (int)(p->cur.len > 40 ? 40 : p->cur.len), p->cur.s);
	return buf;
}

static int parse_or(parser *p);

/* A node with children a and b, depth checked. */
static int combine(parser *p, node_kind kind, int a, int b)
{
	if (a < 0 || b < 0 || p->failed)
		return -1;
	const node *na = &p->rf->nodes[a], *nb = &p->rf->nodes[b];
	int depth = na->depth;
	long weight = na->weight + (kind == N_NOT ? 0 : nb->weight);
	if (kind != N_NOT && nb->depth > depth)
		depth = nb->depth;
	if (depth + 1 > MAX_DEPTH)
		return fail(p, _("the condition is nested more than %d levels deep."), MAX_DEPTH);
	if (weight > MAX_WEIGHT)
		return fail(p, _("the condition, with its defines spelled out, has more than %d tests."),
			    MAX_WEIGHT);
	int n = add_node(p->rf, (node){.kind = kind, .a = a, .b = b, .depth = depth + 1, .weight = weight});
	if (n < 0) {
		mi_error_set(p->err, MI_EINTERNAL, _("out of memory loading rules."));
		p->failed = true;
	}
	return n;
}

/* A leaf node. */
static int leaf(parser *p, node n)
{
	n.depth = 1;
	n.weight = 1;
	n.a = n.b = -1;
	int i = add_node(p->rf, n);
	if (i < 0) {
		free(n.values);
		mi_error_set(p->err, MI_EINTERNAL, _("out of memory loading rules."));
		p->failed = true;
	}
	return i;
}

/* Reads a value name (after is / has) or a "(a, b)" list of them into
 * names[] (pointers into the condition text); returns the count or -1. */
static int parse_values(parser *p, bool list, tok *names)
{
	char buf[64];
	if (!list) {
		if (p->cur.kind != T_NAME || is_keyword(p->cur.s, p->cur.len))
			return fail(p, _("expected a value, found %s."), tok_text(p, buf, sizeof buf));
		names[0] = p->cur;
		advance(p);
		return 1;
	}
	if (p->cur.kind != T_LPAREN)
		return fail(p, _("expected '(' to start a list of values, found %s."),
			    tok_text(p, buf, sizeof buf));
	advance(p);
	int n = 0;
	for (;;) {
		if (p->cur.kind != T_NAME || is_keyword(p->cur.s, p->cur.len))
			return fail(p, _("expected a value in the list, found %s."), tok_text(p, buf, sizeof buf));
		if (n == MAX_LIST_VALUES)
			return fail(p, _("a list holds at most %d values."), MAX_LIST_VALUES);
		names[n++] = p->cur;
		advance(p);
		if (p->cur.kind == T_RPAREN)
			break;
		if (p->cur.kind != T_COMMA)
			return fail(p, _("expected ',' or ')' in the list, found %s."), tok_text(p, buf, sizeof buf));
		advance(p);
	}
	advance(p);
	return n;
}

/* Joins the allowed values of key for a message. */
static void allowed_values(const mi_answer_key *key, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; key->values && key->values[i] && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "", key->values[i]);
}

/* "KEY is V", "KEY in (...)", "KEY has V", "KEY has any (...)". */
static int parse_values_atom(parser *p, const mi_answer_key *key, bool list_key, bool many)
{
	tok names[MAX_LIST_VALUES];
	int n = parse_values(p, many, names);
	if (n < 0)
		return -1;
	const char **values = calloc((size_t)n, sizeof *values);
	if (!values) {
		mi_error_set(p->err, MI_EINTERNAL, _("out of memory loading rules."));
		p->failed = true;
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char value[64];
		snprintf(value, sizeof value, "%.*s", (int)names[i].len, names[i].s);
		if (mi_answer_key_allows(key, value))
			for (size_t k = 0; key->values[k]; k++)
				if (strcmp(key->values[k], value) == 0)
					values[i] = key->values[k];
		if (!values[i]) {
			char allowed[240];
			allowed_values(key, allowed, sizeof allowed);
			free(values);
			return fail(p, _("\"%s\" is not a value of %s (expected one of: %s)."), value,
				    key->name, allowed);
		}
	}
	return leaf(p, (node){.kind = list_key ? N_LIST_ANY : N_ENUM_IN, .key = key->name,
			      .key_index = schema_index(key), .values = values,
			      .value_count = (size_t)n});
}

/* "medication_class has C" or "medication_class has any (C1, C2)". */
static int parse_class_atom(parser *p)
{
	char buf[64];
	if (!is_word(p, "has"))
		return fail(p, _("medication_class must be followed by \"has CLASS\" or \"has any (...)\", found %s."),
			    tok_text(p, buf, sizeof buf));
	advance(p);
	bool many = is_word(p, "any");
	if (many)
		advance(p);
	tok names[MAX_LIST_VALUES];
	int n = parse_values(p, many, names);
	if (n < 0)
		return -1;
	uint64_t classes = 0;
	for (int i = 0; i < n; i++) {
		char name[64];
		snprintf(name, sizeof name, "%.*s", (int)names[i].len, names[i].s);
		size_t index;
		if (!p->rf->meds)
			return fail(p, _("medication_class cannot be used here, only in the rules file."));
		if (!mi_meds_class_index(p->rf->meds, name, &index))
			return fail(p, _("unknown medication class \"%s\" (the classes are the [class] and [dose] "
				       "classes of the medication dictionary)."), name);
		classes |= (uint64_t)1 << index;
	}
	const mi_answer_key *meds_key = mi_answers_find_key("medications");
	if (!meds_key)
		return fail(p, _("the answers have no medications key."));
	return leaf(p, (node){.kind = N_CLASS_ANY, .key = meds_key->name,
			      .key_index = schema_index(meds_key), .classes = classes});
}

/* "KEY < N" and the other comparisons. */
static int parse_compare(parser *p, const mi_answer_key *key)
{
	char buf[64];
	cmp_op op = p->cur.op;
	if (key->type != MI_ANSWER_INT && key->type != MI_ANSWER_INT_OR_NULL)
		return fail(p, _("%s is not a number, so it cannot be compared with %.*s."), key->name,
			    (int)p->cur.len, p->cur.s);
	advance(p);
	if (p->cur.kind != T_NUMBER)
		return fail(p, _("expected a whole number after the comparison, found %s."),
			    tok_text(p, buf, sizeof buf));
	char digits[32];
	snprintf(digits, sizeof digits, "%.*s", (int)p->cur.len, p->cur.s);
	errno = 0;
	long number = strtol(digits, NULL, 10);
	if (errno == ERANGE || p->cur.len >= sizeof digits)
		return fail(p, _("the number %s is too large."), digits);
	advance(p);
	bool age = strcmp(key->name, "age") == 0;
	return leaf(p, (node){.kind = age ? N_AGE_CMP : N_INT_CMP, .key = key->name,
			      .key_index = schema_index(key), .op = op, .number = number});
}

/* The define called name[0..len), or NULL. */
static const define *find_define(const mi_rulefile *rf, const char *name, size_t len)
{
	for (size_t i = 0; i < rf->define_count; i++)
		if (strlen(rf->defines[i].name) == len && strncmp(rf->defines[i].name, name, len) == 0)
			return &rf->defines[i];
	return NULL;
}

/* One atom: a key with its test, a define, or medication_class has ... */
static int parse_atom(parser *p)
{
	char buf[64];
	if (p->cur.kind != T_NAME || is_keyword(p->cur.s, p->cur.len))
		return fail(p, _("expected an answer key, a define or '(', found %s."),
			    tok_text(p, buf, sizeof buf));
	char name[64];
	snprintf(name, sizeof name, "%.*s", (int)p->cur.len, p->cur.s);
	if (p->cur.len >= sizeof name)
		return fail(p, _("the name \"%s...\" is too long."), name);
	advance(p);
	if (strcmp(name, "medication_class") == 0)
		return parse_class_atom(p);
	const define *d = find_define(p->rf, name, strlen(name));
	if (d) {
		if (is_word(p, "is") || is_word(p, "in") || is_word(p, "has") || p->cur.kind == T_OP)
			return fail(p, _("%s is a define (true or false), it cannot be followed by %s."), name,
				    tok_text(p, buf, sizeof buf));
		return d->root;
	}
	const mi_answer_key *key = mi_answers_find_key(name);
	if (!key || strchr(name, '.'))
		return fail(p, _("unknown answer key or define \"%s\"."), name);
	bool is_enum = key->type == MI_ANSWER_ENUM, is_list = key->type == MI_ANSWER_ENUM_LIST;
	if (is_word(p, "is") || is_word(p, "in")) {
		bool many = is_word(p, "in");
		if (!is_enum)
			return fail(p, _("\"%s %s\" needs a key with a fixed set of values; %s is not one."), name,
				    many ? "in" : "is", name);
		advance(p);
		return parse_values_atom(p, key, false, many);
	}
	if (is_word(p, "has")) {
		if (!is_list)
			return fail(p, _("\"%s has\" needs a list key; %s is not a list of fixed values."), name,
				    name);
		advance(p);
		bool many = is_word(p, "any");
		if (many)
			advance(p);
		return parse_values_atom(p, key, true, many);
	}
	bool is_int = key->type == MI_ANSWER_INT || key->type == MI_ANSWER_INT_OR_NULL;
	if (!is_enum && !is_list && !is_int && key->type != MI_ANSWER_BOOL)
		return fail(p, _("%s is free text, a date or an object and cannot be tested in a condition."),
			    name);
	if (p->cur.kind == T_OP)
		return parse_compare(p, key);
	if (key->type != MI_ANSWER_BOOL)
		return fail(p, _("%s is not a yes/no answer; compare it (%s)."), name,
			    is_enum   ? "KEY is VALUE or KEY in (V1, V2)"
			    : is_list ? "KEY has VALUE or KEY has any (V1, V2)"
				      : "KEY < N, <=, >, >= or =");
	return leaf(p, (node){.kind = N_BOOL, .key = key->name, .key_index = schema_index(key)});
}

/* not FACTOR | ( OR ) | ATOM */
static int parse_factor(parser *p)
{
	char buf[64];
	bool is_not = is_word(p, "not");
	if (!is_not && p->cur.kind != T_LPAREN)
		return parse_atom(p);
	if (++p->nesting > MAX_DEPTH)
		return fail(p, _("the condition is nested more than %d levels deep."), MAX_DEPTH);
	advance(p);
	int a;
	if (is_not) {
		a = parse_factor(p);
		a = combine(p, N_NOT, a, a);
	} else {
		a = parse_or(p);
		if (a >= 0 && p->cur.kind != T_RPAREN)
			a = fail(p, _("expected ')', found %s."), tok_text(p, buf, sizeof buf));
		else if (a >= 0)
			advance(p);
	}
	p->nesting--;
	return a;
}

/* FACTOR (and FACTOR)* */
static int parse_and(parser *p)
{
	int a = parse_factor(p);
	while (a >= 0 && is_word(p, "and")) {
		advance(p);
		a = combine(p, N_AND, a, parse_factor(p));
	}
	return a;
}

/* AND (or AND)* */
static int parse_or(parser *p)
{
	int a = parse_and(p);
	while (a >= 0 && is_word(p, "or")) {
		advance(p);
		a = combine(p, N_OR, a, parse_and(p));
	}
	return a;
}

/* Compiles a whole condition; returns its root or -1 with err set. */
static int compile(mi_rulefile *rf, const mi_conf_reader *r, size_t line, const char *where,
		   const char *text, mi_error *err)
{
	parser p = {.rf = rf, .reader = r, .line = line, .where = where, .text = text, .err = err};
	advance(&p);
	if (p.cur.kind == T_END)
		return fail(&p, _("the condition is empty."));
	int root = parse_or(&p);
	if (root >= 0 && p.cur.kind != T_END) {
		char buf[64];
		return fail(&p, _("unexpected %s (missing \"and\" or \"or\"?)."), tok_text(&p, buf, sizeof buf));
	}
	return root;
}

/* ---- Evaluation ---------------------------------------------------- */

void mi_rule_context_init(mi_rule_context *ctx, const mi_answers *answers, const mi_meds *meds,
			  mi_date today)
{
	*ctx = (mi_rule_context){.answers = answers, .meds = meds, .today = today};
}

/* Compares a value with a node's number. */
static bool compare(cmp_op op, long value, long number)
{
	switch (op) {
	case OP_LT: return value < number;
	case OP_LE: return value <= number;
	case OP_GT: return value > number;
	case OP_GE: return value >= number;
	case OP_EQ: return value == number;
	}
	return false;
}

/* The medication classes of all the client's medications. */
static uint64_t context_classes(mi_rule_context *ctx)
{
	if (!ctx->classes_done) {
		size_t n = mi_answers_list_count(ctx->answers, "medications");
		for (size_t i = 0; i < n; i++) {
			const char *item = mi_answers_list_item(ctx->answers, "medications", i);
			if (item)
				ctx->classes |= mi_meds_classify(ctx->meds, item);
		}
		ctx->classes_done = true;
	}
	return ctx->classes;
}

/* Evaluates node i: an answer that is missing makes its atom false. */
static bool eval(const mi_rulefile *rf, int i, mi_rule_context *ctx)
{
	const node *n = &rf->nodes[i];
	const mi_answers *a = ctx->answers;
	switch (n->kind) {
	case N_BOOL: {
		bool b;
		return mi_answers_get_bool(a, n->key, &b) && b;
	}
	case N_ENUM_IN: {
		const char *t = mi_answers_get_text(a, n->key);
		for (size_t k = 0; t && k < n->value_count; k++)
			if (strcmp(t, n->values[k]) == 0)
				return true;
		return false;
	}
	case N_LIST_ANY:
		for (size_t k = 0; k < n->value_count; k++)
			if (mi_answers_list_contains(a, n->key, n->values[k]))
				return true;
		return false;
	case N_INT_CMP: {
		long v;
		return mi_answers_get_int(a, n->key, &v) && compare(n->op, v, n->number);
	}
	case N_AGE_CMP:
		if (!ctx->age_done) {
			ctx->age_known = mi_answers_age(a, ctx->today, &ctx->age);
			ctx->age_done = true;
		}
		return ctx->age_known && compare(n->op, ctx->age, n->number);
	case N_CLASS_ANY:
		return (context_classes(ctx) & n->classes) != 0;
	case N_AND:
		return eval(rf, n->a, ctx) && eval(rf, n->b, ctx);
	case N_OR:
		return eval(rf, n->a, ctx) || eval(rf, n->b, ctx);
	case N_NOT:
		return !eval(rf, n->a, ctx);
	}
	return false;
}

bool mi_rulefile_fires(const mi_rulefile *rules, size_t index, mi_rule_context *ctx)
{
	return index < rules->rule_count && eval(rules, rules->rules[index].root, ctx);
}

bool mi_rulefile_reads(const mi_rulefile *rules, size_t key_index)
{
	return key_index < rules->key_count && rules->reads[key_index];
}

static int follow_up_root(const mi_rulefile *rf, const char *key);

bool mi_rulefile_asks(const mi_rulefile *rules, const char *key, mi_rule_context *ctx)
{
	int root = follow_up_root(rules, key);
	return root < 0 || eval(rules, root, ctx);
}

/* ---- Conditions for other files ------------------------------------ */

mi_status mi_rulefile_new_conditions(const mi_meds *meds, mi_rulefile **out, mi_error *err)
{
	mi_rulefile *rf = calloc(1, sizeof *rf);
	if (rf) {
		rf->meds = meds;
		for (const mi_answer_key *k = mi_answers_schema(); k->name; k++)
			rf->key_count++;
		rf->reads = calloc(rf->key_count ? rf->key_count : 1, sizeof *rf->reads);
	}
	if (!rf || !rf->reads) {
		mi_rulefile_free(rf);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	}
	*out = rf;
	return MI_OK;
}

mi_status mi_rulefile_add_follow_up(mi_rulefile *rf, const mi_conf_reader *r, size_t line,
				    const char *key, const char *condition, mi_error *err)
{
	const mi_answer_key *spec = mi_answers_find_key(key);
	if (!spec)
		return mi_conf_fail(r, line, err, _("unknown answer key \"%s\" for a follow-up."), key);
	char where[160];
	/* TRANSLATORS: %s is an answer key; asked_when is a keyword of the file. */
	snprintf(where, sizeof where, _("the asked_when of %s"), key);
	int root = compile(rf, r, line, where, condition, err);
	if (root < 0)
		return err ? err->status : MI_EDATA;
	follow_up fu = {.key = spec->name, .root = root};
	if (!push((void **)&rf->follow_ups, &rf->follow_up_count, sizeof fu, &fu))
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	return MI_OK;
}

/* The root of key's follow-up, or -1. */
static int follow_up_root(const mi_rulefile *rf, const char *key)
{
	for (size_t i = 0; i < rf->follow_up_count; i++)
		if (strcmp(rf->follow_ups[i].key, key) == 0)
			return rf->follow_ups[i].root;
	return -1;
}

/* True when leaves a and b test the same thing ("fever" written twice). */
static bool same_atom(const mi_rulefile *rf, int a, int b)
{
	const node *x = &rf->nodes[a], *y = &rf->nodes[b];
	if (a == b)
		return true;
	if (x->kind != y->kind || x->key_index != y->key_index || x->op != y->op ||
	    x->number != y->number || x->classes != y->classes || x->value_count != y->value_count)
		return false;
	for (size_t k = 0; k < x->value_count; k++)
		if (strcmp(x->values[k], y->values[k]) != 0)
			return false;
	return true;
}

/* Collects the distinct atoms (leaves) of node i, at most max; false when more. */
static bool collect_atoms(const mi_rulefile *rf, int i, int *atoms, size_t *n, size_t max)
{
	const node *nd = &rf->nodes[i];
	if (nd->kind == N_AND || nd->kind == N_OR)
		return collect_atoms(rf, nd->a, atoms, n, max) && collect_atoms(rf, nd->b, atoms, n, max);
	if (nd->kind == N_NOT)
		return collect_atoms(rf, nd->a, atoms, n, max);
	for (size_t k = 0; k < *n; k++)
		if (same_atom(rf, atoms[k], i))
			return true;
	if (*n == max)
		return false;
	atoms[(*n)++] = i;
	return true;
}

/* Node i with each atom atoms[k] taken as bit k of truth. */
static bool eval_truth(const mi_rulefile *rf, int i, const int *atoms, size_t n, unsigned truth)
{
	const node *nd = &rf->nodes[i];
	switch (nd->kind) {
	case N_AND:
		return eval_truth(rf, nd->a, atoms, n, truth) && eval_truth(rf, nd->b, atoms, n, truth);
	case N_OR:
		return eval_truth(rf, nd->a, atoms, n, truth) || eval_truth(rf, nd->b, atoms, n, truth);
	case N_NOT:
		return !eval_truth(rf, nd->a, atoms, n, truth);
	default:
		for (size_t k = 0; k < n; k++)
			if (same_atom(rf, atoms[k], i))
				return (truth >> k) & 1u;
		return false;
	}
}

bool mi_rulefile_follow_up_can_hold(const mi_rulefile *rules, const char *key)
{
	enum { MAX_ATOMS = 12 };
	int root = follow_up_root(rules, key);
	int atoms[MAX_ATOMS];
	size_t n = 0;
	if (root < 0 || !collect_atoms(rules, root, atoms, &n, MAX_ATOMS))
		return true; /* too many tests to try every way: taken as possible */
	for (unsigned truth = 0; truth < (1u << n); truth++)
		if (eval_truth(rules, root, atoms, n, truth))
			return true;
	return false;
}

/* Sets reads[k] for every schema key node i reads. */
static void keys_read(const mi_rulefile *rf, int i, bool *reads, size_t count)
{
	const node *n = &rf->nodes[i];
	if (n->kind == N_AND || n->kind == N_OR || n->kind == N_NOT) {
		keys_read(rf, n->a, reads, count);
		if (n->kind != N_NOT)
			keys_read(rf, n->b, reads, count);
		return;
	}
	if (n->key_index < count)
		reads[n->key_index] = true;
}

void mi_rulefile_rule_reads(const mi_rulefile *rules, size_t index, bool *reads, size_t count)
{
	if (index < rules->rule_count)
		keys_read(rules, rules->rules[index].root, reads, count);
}

void mi_rulefile_follow_up_reads(const mi_rulefile *rules, const char *key, bool *reads,
				 size_t count)
{
	int root = follow_up_root(rules, key);
	if (root >= 0)
		keys_read(rules, root, reads, count);
}

/* The medication classes node i reads, defines included. */
static uint64_t classes_read(const mi_rulefile *rf, int i)
{
	const node *n = &rf->nodes[i];
	if (n->kind == N_AND || n->kind == N_OR)
		return classes_read(rf, n->a) | classes_read(rf, n->b);
	if (n->kind == N_NOT)
		return classes_read(rf, n->a);
	return n->kind == N_CLASS_ANY ? n->classes : 0;
}

/* Marks every key node i reads. */
static void mark_reads(mi_rulefile *rf, int i)
{
	const node *n = &rf->nodes[i];
	if (n->kind == N_AND || n->kind == N_OR || n->kind == N_NOT) {
		mark_reads(rf, n->a);
		if (n->kind != N_NOT)
			mark_reads(rf, n->b);
		return;
	}
	rf->reads[n->key_index] = true;
}

/* ---- The file ------------------------------------------------------ */

/* A section being read: its settings, kept until the section ends. */
typedef enum section_kind { S_NONE, S_RULE, S_DEFINE, S_FOLLOW_UP } section_kind;

enum { F_LEVEL, F_WHEN, F_MESSAGE, F_NOTE, F_SOURCE, F_ASKED_WHEN, F_COUNT };

static const char *const field_names[F_COUNT] = {"level", "when", "message", "note", "source",
						 "asked_when"};

typedef struct section {
	section_kind kind;
	char *name;
	size_t line;
	char *fields[F_COUNT];
	size_t field_lines[F_COUNT];
} section;

static void section_clear(section *s)
{
	free(s->name);
	for (int f = 0; f < F_COUNT; f++)
		free(s->fields[f]);
	*s = (section){.kind = S_NONE};
}

void mi_rulefile_free(mi_rulefile *rules)
{
	if (!rules)
		return;
	for (size_t i = 0; i < rules->rule_count; i++) {
		mi_rule *r = &rules->rules[i].pub;
		free((char *)r->id);
		free((char *)r->when);
		free((char *)r->message);
		free((char *)r->note);
		free((char *)r->source);
		free(rules->rules[i].flag_json);
	}
	free(rules->rules);
	for (size_t i = 0; i < rules->node_count; i++)
		free(rules->nodes[i].values);
	free(rules->nodes);
	for (size_t i = 0; i < rules->define_count; i++)
		free(rules->defines[i].name);
	free(rules->defines);
	free(rules->follow_ups);
	free(rules->reads);
	free(rules->version);
	free(rules);
}

/* Which settings each kind of section needs (and allows). */
static bool field_allowed(section_kind kind, int f)
{
	switch (kind) {
	case S_RULE: return f <= F_SOURCE;
	case S_DEFINE: return f == F_WHEN;
	case S_FOLLOW_UP: return f == F_ASKED_WHEN;
	case S_NONE: return false;
	}
	return false;
}

static const char *kind_name(section_kind kind)
{
	return kind == S_RULE ? "rule" : kind == S_DEFINE ? "define" : "follow_up";
}

/* True when some rule fires with nothing answered (at a fixed date). */
static mi_status check_not_firing_on_nothing(const mi_rulefile *rf, const mi_conf_reader *r,
					     size_t line, int root, const char *where, mi_error *err)
{
	mi_answers *empty = mi_answers_new();
	if (!empty)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory loading rules."));
	mi_rule_context ctx;
	mi_rule_context_init(&ctx, empty, rf->meds, (mi_date){2000, 1, 1});
	bool fires = eval(rf, root, &ctx);
	mi_answers_free(empty);
	if (fires)
		return mi_conf_fail(r, line, err,
				    _("in %s: the condition is true when nothing is answered; a missing "
				    "answer must never raise a flag by itself."),
				    where);
	return MI_OK;
}

/* A JSON string of s made safe to show; NULL when out of memory. */
static json_t *safe_string(const char *s)
{
	char *safe = mi_text_sanitize(s, false);
	json_t *j = safe ? json_string(safe) : NULL;
	free(safe);
	return j;
}

/* The flag's JSON object on one line (SPEC section 3). Caller frees. */
static char *make_flag_json(const char *id, mi_level level, const char *message, const char *source)
{
	json_t *flag = json_object();
	char *text = NULL;
	if (flag && json_object_set_new(flag, "rule", safe_string(id)) == 0 &&
	    json_object_set_new(flag, "level", json_string(mi_level_name(level))) == 0 &&
	    json_object_set_new(flag, "message", safe_string(message)) == 0 &&
	    json_object_set_new(flag, "source", safe_string(source)) == 0)
		text = json_dumps(flag, JSON_PRESERVE_ORDER);
	json_decref(flag);
	return text;
}

/* Compiles and stores a finished section. */
static mi_status finish_section(mi_rulefile *rf, const mi_conf_reader *r, section *s, mi_error *err)
{
	if (s->kind == S_NONE)
		return MI_OK;
	for (int f = 0; f < F_COUNT; f++)
		if (field_allowed(s->kind, f) && !s->fields[f])
			return mi_conf_fail(r, s->line, err, _("[%s %s] has no %s."), kind_name(s->kind), s->name,
					    field_names[f]);
	char where[160];
	/* TRANSLATORS: [%s %s] is a section of the rules file, such as [rule fever]. */
	snprintf(where, sizeof where,
		 s->kind == S_FOLLOW_UP ? _("the asked_when of [%s %s]") : _("the condition of [%s %s]"),
		 kind_name(s->kind), s->name);
	int cond = s->kind == S_FOLLOW_UP ? F_ASKED_WHEN : F_WHEN;
	int root = compile(rf, r, s->field_lines[cond], where, s->fields[cond], err);
	if (root < 0)
		return err ? err->status : MI_EDATA;
	if (s->kind == S_DEFINE) {
		define d = {.name = s->name, .root = root};
		if (!push((void **)&rf->defines, &rf->define_count, sizeof d, &d))
			return mi_error_set(err, MI_EINTERNAL, _("out of memory loading rules."));
		s->name = NULL;
		return MI_OK;
	}
	if (s->kind == S_FOLLOW_UP) {
		follow_up fu = {.key = mi_answers_find_key(s->name)->name, .root = root};
		if (!push((void **)&rf->follow_ups, &rf->follow_up_count, sizeof fu, &fu))
			return mi_error_set(err, MI_EINTERNAL, _("out of memory loading rules."));
		return MI_OK;
	}
	mi_level level;
	if (!mi_level_parse(s->fields[F_LEVEL], &level))
		return mi_conf_fail(r, s->field_lines[F_LEVEL], err,
				    _("unknown level \"%s\" (expected proceed, modify, refer or urgent)."),
				    s->fields[F_LEVEL]);
	mi_status st = check_not_firing_on_nothing(rf, r, s->field_lines[F_WHEN], root, where, err);
	if (st != MI_OK)
		return st;
	char *flag_json = make_flag_json(s->name, level, s->fields[F_MESSAGE], s->fields[F_SOURCE]);
	if (!flag_json)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory loading rules."));
	compiled_rule cr = {.root = root,
			    .flag_json = flag_json,
			    .classes = classes_read(rf, root),
			    .pub = {.id = s->name, .level = level, .when = s->fields[F_WHEN],
				    .message = s->fields[F_MESSAGE], .note = s->fields[F_NOTE],
				    .source = s->fields[F_SOURCE]}};
	if (!push((void **)&rf->rules, &rf->rule_count, sizeof cr, &cr)) {
		free(flag_json);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory loading rules."));
	}
	s->name = s->fields[F_WHEN] = s->fields[F_MESSAGE] = s->fields[F_NOTE] = s->fields[F_SOURCE] = NULL;
	mark_reads(rf, root);
	return MI_OK;
}

/* Starts a [kind name] section after checking its name. */
static mi_status start_section(mi_rulefile *rf, const mi_conf_reader *r, const mi_conf_line *l,
			       section *s, mi_error *err)
{
	section_kind kind = strcmp(l->kind_word, "rule") == 0	     ? S_RULE
			    : strcmp(l->kind_word, "define") == 0    ? S_DEFINE
			    : strcmp(l->kind_word, "follow_up") == 0 ? S_FOLLOW_UP
								     : S_NONE;
	if (kind == S_NONE)
		return mi_conf_fail(r, l->line, err,
				    _("unknown section kind \"%s\" (expected rule, define or follow_up)."),
				    l->kind_word);
	if (kind != S_FOLLOW_UP && strchr(l->name, '.'))
		return mi_conf_fail(r, l->line, err,
				    _("a %s name uses lower-case letters, digits and '_' only."),
				    l->kind_word);
	if (kind == S_RULE) {
		for (size_t i = 0; i < rf->rule_count; i++)
			if (strcmp(rf->rules[i].pub.id, l->name) == 0)
				return mi_conf_fail(r, l->line, err, _("a second rule with the id \"%s\"."), l->name);
	} else if (kind == S_DEFINE) {
		if (find_define(rf, l->name, strlen(l->name)) || mi_answers_find_key(l->name) ||
		    is_keyword(l->name, strlen(l->name)) || strcmp(l->name, "medication_class") == 0)
			return mi_conf_fail(r, l->line, err,
					    _("the define name \"%s\" is already an answer key, a keyword or "
					    "another define."),
					    l->name);
	} else {
		if (!mi_answers_find_key(l->name))
			return mi_conf_fail(r, l->line, err, _("unknown answer key \"%s\" for a follow-up."),
					    l->name);
		for (size_t i = 0; i < rf->follow_up_count; i++)
			if (strcmp(rf->follow_ups[i].key, l->name) == 0)
				return mi_conf_fail(r, l->line, err, _("a second [follow_up %s] section."), l->name);
	}
	s->kind = kind;
	s->line = l->line;
	s->name = strdup(l->name);
	if (!s->name)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory loading rules."));
	return MI_OK;
}

/* One "key = value" inside a section. */
static mi_status section_setting(const mi_conf_reader *r, const mi_conf_line *l, section *s,
				 mi_error *err)
{
	int f = 0;
	while (f < F_COUNT && strcmp(field_names[f], l->key) != 0)
		f++;
	if (f == F_COUNT || !field_allowed(s->kind, f))
		return mi_conf_fail(r, l->line, err, _("unknown setting \"%s\" in a [%s] section."), l->key,
				    kind_name(s->kind));
	if (s->fields[f])
		return mi_conf_fail(r, l->line, err, _("a second \"%s\" in [%s %s]."), l->key,
				    kind_name(s->kind), s->name);
	if (l->value[0] == '\0')
		return mi_conf_fail(r, l->line, err, _("\"%s\" is empty."), l->key);
	s->fields[f] = strdup(l->value);
	s->field_lines[f] = l->line;
	if (!s->fields[f])
		return mi_error_set(err, MI_EINTERNAL, _("out of memory loading rules."));
	return MI_OK;
}

/* Checks the whole file once every section is read. */
static mi_status check_file(const mi_rulefile *rf, const mi_conf_reader *r, mi_error *err)
{
	if (!rf->version)
		return mi_conf_fail(r, 1, err, _("the file has no \"version = ...\" line."));
	if (rf->rule_count == 0)
		return mi_conf_fail(r, r->line ? r->line : 1, err, _("the file has no [rule] section."));
	for (size_t i = 0; i < rf->follow_up_count; i++) {
		const mi_answer_key *key = mi_answers_find_key(rf->follow_ups[i].key);
		if (!rf->reads[schema_index(key)])
			return mi_conf_fail(r, r->line, err,
					    _("[follow_up %s]: no rule reads %s, so it is never a safety question."),
					    key->name, key->name);
	}
	return MI_OK;
}

/* Reads every line of the file into rf. */
static mi_status read_all(mi_rulefile *rf, mi_conf_reader *r, mi_error *err)
{
	section s = {.kind = S_NONE};
	mi_status st;
	mi_conf_line l;
	while ((st = mi_conf_next(r, &l, err)) == MI_OK && l.kind != MI_CONF_END) {
		if (l.kind == MI_CONF_SECTION) {
			st = finish_section(rf, r, &s, err);
			section_clear(&s);
			if (st == MI_OK)
				st = start_section(rf, r, &l, &s, err);
		} else if (l.kind == MI_CONF_ITEM) {
			st = mi_conf_fail(r, l.line, err,
					  _("expected KEY = VALUE, a [section] or a comment, found \"%.60s\"."),
					  l.value);
		} else if (s.kind == S_NONE) {
			if (strcmp(l.key, "version") != 0)
				st = mi_conf_fail(r, l.line, err,
						  _("unknown setting \"%s\" before the first section (only version)."),
						  l.key);
			else if (rf->version)
				st = mi_conf_fail(r, l.line, err, _("a second version line."));
			else if (!(rf->version = strdup(l.value)))
				st = mi_error_set(err, MI_EINTERNAL, _("out of memory loading rules."));
			else if (rf->version[0] == '\0')
				st = mi_conf_fail(r, l.line, err, _("the version is empty."));
		} else {
			st = section_setting(r, &l, &s, err);
		}
		if (st != MI_OK)
			break;
	}
	if (st == MI_OK)
		st = finish_section(rf, r, &s, err);
	section_clear(&s);
	if (st == MI_OK)
		st = check_file(rf, r, err);
	return st;
}

mi_status mi_rulefile_parse(const char *text, size_t len, const char *file_name,
			    const mi_meds *meds, mi_rulefile **out, mi_error *err)
{
	mi_rulefile *rf = calloc(1, sizeof *rf);
	if (!rf)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory loading rules."));
	rf->meds = meds;
	for (const mi_answer_key *k = mi_answers_schema(); k->name; k++)
		rf->key_count++;
	rf->reads = calloc(rf->key_count ? rf->key_count : 1, sizeof *rf->reads);
	if (!rf->reads) {
		mi_rulefile_free(rf);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory loading rules."));
	}
	mi_conf_reader r;
	mi_conf_reader_open(&r, file_name, text, len);
	mi_status st = read_all(rf, &r, err);
	mi_conf_reader_close(&r);
	if (st != MI_OK) {
		mi_rulefile_free(rf);
		return st;
	}
	*out = rf;
	return MI_OK;
}

mi_status mi_rulefile_load(const char *path, const mi_meds *meds, mi_rulefile **out, mi_error *err)
{
	char *text;
	size_t len;
	mi_status st = mi_conf_read_file(path, &text, &len, err);
	if (st != MI_OK)
		return st;
	st = mi_rulefile_parse(text, len, path, meds, out, err);
	free(text);
	return st;
}

const char *mi_rulefile_version(const mi_rulefile *rules)
{
	return rules->version;
}

size_t mi_rulefile_count(const mi_rulefile *rules)
{
	return rules->rule_count;
}

const mi_rule *mi_rulefile_rule(const mi_rulefile *rules, size_t index)
{
	return index < rules->rule_count ? &rules->rules[index].pub : NULL;
}

const char *mi_rule_flag_json(const mi_rule *rule)
{
	return ((const compiled_rule *)rule)->flag_json;
}

uint64_t mi_rule_medication_classes(const mi_rule *rule)
{
	return ((const compiled_rule *)rule)->classes;
}

/* ---- Follow-ups as flat lists of tests ------------------------------ */

/* A list of follow-up tests being gathered. */
typedef struct test_list {
	mi_follow_up_test *items;
	size_t count;
	bool nomem;
} test_list;

static void add_test(test_list *list, mi_follow_up_test t)
{
	if (!list->nomem && !push((void **)&list->items, &list->count, sizeof t, &t))
		list->nomem = true;
}

static const mi_follow_up_op follow_up_ops[] = {
	[OP_LT] = MI_FOLLOW_UP_LT, [OP_LE] = MI_FOLLOW_UP_LE, [OP_GT] = MI_FOLLOW_UP_GT,
	[OP_GE] = MI_FOLLOW_UP_GE, [OP_EQ] = MI_FOLLOW_UP_EQ,
};

/* Adds the tests of the leaves under node i joined by `joiner` (N_AND or
 * N_OR). A leaf with several values ("has any (a, b)") is an "or" of its
 * values, so it fits only under N_OR. False when some part cannot be
 * written as such a list. */
static bool gather_tests(const mi_rulefile *rf, int i, node_kind joiner, test_list *out)
{
	const node *n = &rf->nodes[i];
	switch (n->kind) {
	case N_AND:
	case N_OR:
		return n->kind == joiner && gather_tests(rf, n->a, joiner, out) &&
		       gather_tests(rf, n->b, joiner, out);
	case N_BOOL:
		add_test(out, (mi_follow_up_test){.key = n->key, .op = MI_FOLLOW_UP_TRUE});
		return true;
	case N_ENUM_IN:
	case N_LIST_ANY:
		if (n->value_count > 1 && joiner != N_OR)
			return false;
		for (size_t k = 0; k < n->value_count; k++)
			add_test(out, (mi_follow_up_test){.key = n->key, .op = MI_FOLLOW_UP_IS,
							  .value = n->values[k]});
		return true;
	case N_INT_CMP:
		add_test(out, (mi_follow_up_test){.key = n->key, .op = follow_up_ops[n->op],
						  .number = n->number});
		return true;
	case N_AGE_CMP:
	case N_CLASS_ANY:
	case N_NOT:
		return false;
	}
	return false;
}

mi_status mi_rulefile_follow_up_tests(const mi_rulefile *rules, const char *key,
				      mi_follow_up_test **tests, size_t *count, bool *all,
				      mi_error *err)
{
	*tests = NULL;
	*count = 0;
	*all = true;
	const follow_up *fu = NULL;
	for (size_t i = 0; i < rules->follow_up_count && !fu; i++)
		if (strcmp(rules->follow_ups[i].key, key) == 0)
			fu = &rules->follow_ups[i];
	if (!fu)
		return MI_OK;
	/* The root decides: "a and b" needs all, "a or b" (or one leaf with
	 * several values) needs any. */
	node_kind root = rules->nodes[fu->root].kind;
	node_kind joiner = root == N_OR || root == N_ENUM_IN || root == N_LIST_ANY ? N_OR : N_AND;
	test_list list = {0};
	bool ok = gather_tests(rules, fu->root, joiner, &list);
	if (!ok || list.nomem) {
		free(list.items);
		if (list.nomem)
			return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
		return mi_error_set(err, MI_EDATA,
				    _("the asked_when of %s is not a list of tests joined by "
				    "\"and\" or by \"or\" on answers (no \"not\", age or medication "
				    "class), so it cannot be stated as a condition on answers."),
				    key);
	}
	*tests = list.items;
	*count = list.count;
	*all = joiner == N_AND;
	return MI_OK;
}
