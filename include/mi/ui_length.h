/* ui_length.h - how long the kiosk intake takes a client, for the welcome
 * page's "about N minutes".
 *
 * The figure is the number of questions the loaded questions ask a new
 * client (follow-ups hidden until their condition holds; name and birth
 * date are on the welcome page) at the pace measured by walking the calm
 * example through the kiosk (tests/e2e/kiosk_length.sh, which fails when
 * the welcome page and its measurement disagree; the assumptions and
 * figures are in docs/PERFORMANCE.md). Adding questions makes the promise
 * longer by itself.
 */
#ifndef MI_UI_LENGTH_H
#define MI_UI_LENGTH_H

#include <stddef.h>

/* Seconds per question asked, from the timed walk-through: the whole
 * walk's estimated time (every screen read, every key pressed, the
 * welcome, code, review, consent and thank-you pages included) divided by
 * the questions it asked, rounded up. */
enum { MI_UI_SECONDS_PER_QUESTION = 15 };

/* Whole minutes, rounded up, for questions asked at the measured pace. */
int mi_ui_minutes_for(size_t questions);

/* Minutes for the questions the kiosk asks a new client now; 0 when they
 * cannot be counted (out of memory). */
int mi_ui_intake_minutes(void);

#endif
