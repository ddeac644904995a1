/* intake_length.c - the kiosk intake's length in minutes (ui_length.h). */
#include "mi/ui_intake.h"
#include "mi/ui_length.h"

int mi_ui_minutes_for(size_t questions)
{
	size_t seconds = questions * MI_UI_SECONDS_PER_QUESTION;
	return (int)((seconds + 59) / 60);
}

int mi_ui_intake_minutes(void)
{
	/* A new client at the kiosk: no answer yet, so no follow-up shown. */
	mi_ui_intake_config config = {.mode = MI_UI_CLIENT, .lock_identity = true};
	mi_ui_intake *walk = mi_ui_intake_new(&config, NULL);
	if (!walk)
		return 0;
	int minutes = mi_ui_minutes_for(mi_ui_intake_question_count(walk));
	mi_ui_intake_free(walk);
	return minutes;
}
