/* welcome.c - the kiosk's first words to a client (ui_welcome.h). */
#include "mi/ui_welcome.h"

#include <stdio.h>

#include "mi/i18n.h"
#include "mi/ui_length.h"

void mi_ui_welcome_words(char *buf, size_t size)
{
	char length[128] = "";
	int minutes = mi_ui_intake_minutes();
	if (minutes > 0)
		snprintf(length, sizeof length,
			 dngettext(MI_TEXT_DOMAIN, "It takes about %d minute.",
				   "It takes about %d minutes.", (unsigned long)minutes),
			 minutes);
	snprintf(buf, size, "%s%s%s",
		 _("Welcome! Before your massage, please answer a few questions about your back "
		   "and your health."),
		 *length ? " " : "", length);
}
