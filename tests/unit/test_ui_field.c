/* test_ui_field.c - the one-line text input: editing, limits, refused characters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "mi/ui_field.h"

static mi_ui_field field;

/* The field's text, compared and freed. */
static void expect_text(const char *want)
{
	char *text = mi_ui_field_text(&field);
	assert_string_equal(text, want);
	free(text);
}

static void field_key_with_editing_keys_succeeds(void **state)
{
	(void)state;
	mi_ui_field_clear(&field);
	const wchar_t *typed = L"Zoë 山田";
	for (; *typed; typed++)
		assert_int_equal(mi_ui_field_key(&field, mi_ui_key_char(*typed)), MI_UI_HANDLED);
	expect_text("Zoë 山田");
	mi_ui_field_key(&field, mi_ui_key_of(MI_KEY_HOME));
	mi_ui_field_key(&field, mi_ui_key_of(MI_KEY_DELETE));
	mi_ui_field_key(&field, mi_ui_key_char(L'z'));
	mi_ui_field_key(&field, mi_ui_key_of(MI_KEY_END));
	mi_ui_field_key(&field, mi_ui_key_of(MI_KEY_BACKSPACE));
	mi_ui_field_key(&field, mi_ui_key_of(MI_KEY_LEFT));
	mi_ui_field_key(&field, mi_ui_key_char(L'-'));
	expect_text("zoë -山");
	assert_int_equal(field.bytes, strlen("zoë -山"));
}

static void field_key_with_control_characters_fails(void **state)
{
	(void)state;
	mi_ui_field_clear(&field);
	const wchar_t bad[] = {0x07, 0x1b, 0x7f, 0x85, 0x202e, 0x2066, 0xd800, 0};
	for (const wchar_t *c = bad; *c; c++)
		assert_int_equal(mi_ui_field_key(&field, mi_ui_key_char(*c)), MI_UI_IGNORED);
	expect_text("");
	mi_ui_field_set(&field, "a\x1b]2;title\x07" "b\n");
	expect_text("a]2;titleb");
}

static void field_key_past_2000_bytes_fails(void **state)
{
	(void)state;
	mi_ui_field_clear(&field);
	for (int i = 0; i < 666; i++)
		assert_int_equal(mi_ui_field_key(&field, mi_ui_key_char(L'€')), MI_UI_HANDLED); /* 3 bytes */
	assert_int_equal(field.bytes, 1998);
	assert_int_equal(mi_ui_field_key(&field, mi_ui_key_char(L'€')), MI_UI_IGNORED);
	assert_int_equal(mi_ui_field_key(&field, mi_ui_key_char(L'a')), MI_UI_HANDLED);
	assert_int_equal(mi_ui_field_key(&field, mi_ui_key_char(L'b')), MI_UI_HANDLED);
	assert_int_equal(mi_ui_field_key(&field, mi_ui_key_char(L'c')), MI_UI_IGNORED);
	assert_int_equal(field.bytes, MI_ANSWERS_MAX_TEXT);
}

static void field_draw_with_long_text_keeps_cursor_visible_succeeds(void **state)
{
	(void)state;
	mi_ui_field_set(&field, "abcdefghijklmnopqrstuvwxyz");
	mi_ui_canvas *c = mi_ui_canvas_new(1, 20);
	mi_ui_field_draw(&field, c, 0, 0, 10, true);
	char *text = mi_ui_canvas_text(c);
	assert_string_equal(text, "rstuvwxyz_\n");
	assert_int_equal(c->cursor_x, 9);
	free(text);
	field.secret = true;
	mi_ui_canvas_clear(c);
	mi_ui_field_draw(&field, c, 0, 0, 10, false);
	text = mi_ui_canvas_text(c);
	assert_string_equal(text, "*********_\n");
	free(text);
	field.secret = false;
	mi_ui_canvas_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(field_key_with_editing_keys_succeeds),
		cmocka_unit_test(field_key_with_control_characters_fails),
		cmocka_unit_test(field_key_past_2000_bytes_fails),
		cmocka_unit_test(field_draw_with_long_text_keeps_cursor_visible_succeeds),
	};
	return cmocka_run_group_tests_name("ui_field", tests, NULL, NULL);
}
