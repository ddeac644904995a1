/* test_ui_keys.c - what follows an Escape: unknown sequences are thrown
 * away whole, a lone Escape stays the Escape key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "mi/ui_keys.h"

/* Feeds what followed an Escape (text after the ESC byte) as the terminal
 * layer does; returns how many characters were used, and the key in *key
 * (what the Escape and those characters make). */
static size_t feed(const char *after, mi_ui_key *key)
{
	mi_ui_escape e;
	mi_ui_escape_begin(&e);
	size_t i = 0;
	for (; after[i]; i++) {
		mi_ui_escape_step step = mi_ui_escape_feed(&e, (unsigned char)after[i]);
		if (step == MI_UI_ESCAPE_DISCARD) {
			*key = mi_ui_key_of(MI_KEY_NONE);
			return i + 1;
		}
		if (step == MI_UI_ESCAPE_GIVE_BACK)
			break;
	}
	*key = mi_ui_escape_key(&e);
	return i;
}

static void escape_sequences_unknown_are_discarded_whole_succeeds(void **state)
{
	(void)state;
	static const char *const sequences[] = {
		"[1~", "[4~", "[7~", "[8~", "[94~", "[24~", "[H", "[F", "[1;5H", "[200~", "OH",
		"OF", "Ox", "]0;title\a", "]2;x\x1b\\",
	};
	for (size_t i = 0; i < sizeof sequences / sizeof sequences[0]; i++) {
		mi_ui_key key;
		size_t used = feed(sequences[i], &key);
		if (used != strlen(sequences[i]))
			fail_msg("\\e%s: %zu of %zu characters used", sequences[i], used,
				 strlen(sequences[i]));
		assert_int_equal(key.kind, MI_KEY_NONE);
	}
}

static void escape_alone_is_the_escape_key_succeeds(void **state)
{
	(void)state;
	mi_ui_key key;
	assert_int_equal(feed("", &key), 0);
	assert_int_equal(key.kind, MI_KEY_ESC);
	/* Escape pressed twice: the first is a key, the second read again. */
	assert_int_equal(feed("\x1b", &key), 0);
	assert_int_equal(key.kind, MI_KEY_ESC);
	/* Escape then Enter, or a letter typed quickly: read again. */
	assert_int_equal(feed("\r", &key), 0);
	assert_int_equal(key.kind, MI_KEY_ESC);
	assert_int_equal(feed("q", &key), 0);
	assert_int_equal(key.kind, MI_KEY_ESC);
}

static void escape_sequence_cut_short_gives_back_the_rest_succeeds(void **state)
{
	(void)state;
	mi_ui_key key;
	/* "\e[9" then Enter: the part is thrown away, Enter is read again. */
	assert_int_equal(feed("[9\r", &key), 2);
	assert_int_equal(key.kind, MI_KEY_NONE);
	/* A sequence that never ends is cut off, not read forever. */
	char endless[200];
	memset(endless, '1', sizeof endless - 1);
	endless[0] = '[';
	endless[sizeof endless - 1] = '\0';
	assert_true(feed(endless, &key) < sizeof endless - 1);
	assert_int_equal(key.kind, MI_KEY_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escape_sequences_unknown_are_discarded_whole_succeeds),
		cmocka_unit_test(escape_alone_is_the_escape_key_succeeds),
		cmocka_unit_test(escape_sequence_cut_short_gives_back_the_rest_succeeds),
	};
	return cmocka_run_group_tests_name("ui_keys", tests, NULL, NULL);
}
