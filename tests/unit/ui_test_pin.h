/* ui_test_pin.h - the therapist PIN of the UI tests, 2468, hashed once
 * beforehand at the least Argon2id cost (8 KiB, one pass). A test that
 * includes this calls mi_pin_use_cost(MI_PIN_COST_LEAST) before its first
 * test: an interactive hash costs about 0.05 s, and about 1.5 s of CPU under
 * valgrind, where the sign-ins of the desk and lock tests were most of the
 * suite's valgrind time. test_pin.c checks the program's own cost. */
#ifndef MI_UI_TEST_PIN_H
#define MI_UI_TEST_PIN_H

/* An Argon2id hash of "2468" with libsodium's least limits. */
static const char ui_test_pin_hash[] =
	"$argon2id$v=19$m=8,t=1,p=1$uyB9p9xcB7+ETpguxNXCFg$TG51Tvaz2cijLyzi25F/72uEXvGT0LRxB4RKla5sB9k";

#endif
