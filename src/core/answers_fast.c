/* answers_fast.c - one pass over a plain answers document into a jansson tree.
 *
 * Bulk screening spent most of its time in json_loadb, which reads a
 * character at a time through a stream, plus a separate UTF-8 and nesting
 * precheck. This reader does both in one pass over the bytes and refuses
 * (returns NULL) whenever it is not certain to build the same tree jansson
 * would; see answers_fast.h.
 */
#include "answers_fast.h"

#include <stdbool.h>
#include <string.h>

#include "mi/text.h"

enum {
	MAX_DIGITS = 18,       /* always fits in a json_int_t */
	ESCAPED_MAX = 4096,    /* longer strings with escapes take the full path */
};

typedef struct reader {
	const char *p, *end;
	int max_depth;
} reader;

static void skip_space(reader *r)
{
	while (r->p < r->end &&
	       (*r->p == ' ' || *r->p == '\n' || *r->p == '\t' || *r->p == '\r'))
		r->p++;
}

/* True when the byte after a number or literal may end it: what jansson's
 * lexer would stop at and its parser accept next. */
static bool at_delimiter(const reader *r)
{
	if (r->p == r->end)
		return true;
	char c = *r->p;
	return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Scans a string body after its opening quote. On success r->p is past the
 * closing quote, *len is the body's length in bytes and *escaped tells
 * whether it holds a backslash. False: take the full path. */
static bool scan_string(reader *r, const char **start, size_t *len, bool *escaped)
{
	const char *p = r->p;
	*start = p;
	*escaped = false;
	while (p < r->end) {
		unsigned char c = (unsigned char)*p;
		if (c == '"') {
			*len = (size_t)(p - *start);
			r->p = p + 1;
			return true;
		}
		if (c < 0x20)
			return false;
		if (c == '\\') {
			if (p + 1 >= r->end)
				return false;
			char e = p[1];
			if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' &&
			    e != 'r' && e != 't')
				return false; /* \u and anything invalid */
			*escaped = true;
			p += 2;
			continue;
		}
		if (c < 0x80) {
			p++;
			continue;
		}
		unsigned codepoint;
		size_t n = mi_utf8_decode(p, (size_t)(r->end - p), &codepoint);
		if (n == 0)
			return false;
		p += n;
	}
	return false;
}

/* A string value; NULL: take the full path. */
static json_t *read_string(reader *r)
{
	const char *s;
	size_t len;
	bool escaped;
	if (!scan_string(r, &s, &len, &escaped))
		return NULL;
	if (!escaped)
		return json_stringn_nocheck(s, len);
	if (len > ESCAPED_MAX)
		return NULL;
	char buf[ESCAPED_MAX];
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '\\') {
			switch (s[++i]) {
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			default: c = s[i]; break; /* " \ / */
			}
		}
		buf[o++] = c;
	}
	return json_stringn_nocheck(buf, o);
}

static json_t *read_number(reader *r)
{
	const char *p = r->p;
	bool negative = p < r->end && *p == '-';
	if (negative)
		p++;
	const char *digits = p;
	json_int_t value = 0;
	while (p < r->end && *p >= '0' && *p <= '9') {
		if (p - digits == MAX_DIGITS)
			return NULL;
		value = value * 10 + (*p - '0');
		p++;
	}
	size_t count = (size_t)(p - digits);
	if (count == 0 || (count > 1 && *digits == '0'))
		return NULL;
	r->p = p;
	if (!at_delimiter(r))
		return NULL; /* a fraction, an exponent or a stray character */
	return json_integer(negative ? -value : value);
}

static json_t *read_literal(reader *r, const char *word, size_t n, json_t *value)
{
	if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
		return NULL;
	r->p += n;
	return at_delimiter(r) ? value : NULL;
}

static json_t *read_value(reader *r, int depth);

static json_t *read_array(reader *r, int depth)
{
	json_t *array = json_array();
	if (!array)
		return NULL;
	r->p++;
	skip_space(r);
	if (r->p < r->end && *r->p == ']') {
		r->p++;
		return array;
	}
	for (;;) {
		json_t *item = read_value(r, depth);
		if (!item || json_array_append_new(array, item) != 0)
			break;
		skip_space(r);
		if (r->p == r->end)
			break;
		char c = *r->p++;
		if (c == ']')
			return array;
		if (c != ',')
			break;
		skip_space(r);
	}
	json_decref(array);
	return NULL;
}

static json_t *read_object(reader *r, int depth)
{
	json_t *object = json_object();
	if (!object)
		return NULL;
	r->p++;
	skip_space(r);
	if (r->p < r->end && *r->p == '}') {
		r->p++;
		return object;
	}
	for (;;) {
		const char *key;
		size_t key_len;
		bool escaped;
		if (r->p == r->end || *r->p != '"')
			break;
		r->p++;
		if (!scan_string(r, &key, &key_len, &escaped) || escaped)
			break;
		skip_space(r);
		if (r->p == r->end || *r->p != ':')
			break;
		r->p++;
		skip_space(r);
		json_t *value = read_value(r, depth);
		if (!value)
			break;
		size_t before = json_object_size(object);
		if (json_object_setn_new_nocheck(object, key, key_len, value) != 0 ||
		    json_object_size(object) == before)
			break; /* out of memory, or a duplicate key */
		skip_space(r);
		if (r->p == r->end)
			break;
		char c = *r->p++;
		if (c == '}')
			return object;
		if (c != ',')
			break;
		skip_space(r);
	}
	json_decref(object);
	return NULL;
}

/* The value at r->p (no leading space), depth being the number of objects
 * and lists around it. */
static json_t *read_value(reader *r, int depth)
{
	if (r->p == r->end)
		return NULL;
	switch (*r->p) {
	case '{':
		return depth + 1 > r->max_depth ? NULL : read_object(r, depth + 1);
	case '[':
		return depth + 1 > r->max_depth ? NULL : read_array(r, depth + 1);
	case '"':
		r->p++;
		return read_string(r);
	case 't':
		return read_literal(r, "true", 4, json_true());
	case 'f':
		return read_literal(r, "false", 5, json_false());
	case 'n':
		return read_literal(r, "null", 4, json_null());
	default:
		return read_number(r);
	}
}

json_t *mi_answers_fast_load(const char *text, size_t len, int max_depth)
{
	reader r = {text, text + len, max_depth};
	skip_space(&r);
	if (r.p == r.end || *r.p != '{')
		return NULL;
	json_t *root = read_value(&r, 0);
	if (!root)
		return NULL;
	skip_space(&r);
	if (r.p != r.end) {
		json_decref(root);
		return NULL;
	}
	return root;
}
