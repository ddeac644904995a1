/* ui_test_pin.h - the therapist PIN of the UI tests, 2468, hashed once
 * beforehand: Argon2id hashing takes about 0.05 s, and far longer under
 * valgrind, so the tests' fixtures do not hash it again and again. */
#ifndef MI_UI_TEST_PIN_H
#define MI_UI_TEST_PIN_H

/* An Argon2id hash of "2468" with today's (interactive) limits. */
static const char ui_test_pin_hash[] =
	"$argon2id$v=19$m=65536,t=2,p=1$V07tH3AauCHQ8jPxO6NMMQ$iMKM3TmPZhJKMCxxwqb0CFjzb2dQv+w8H6qrf4KOG8E";

#endif
