/* fuzz_reading.c - libFuzzer harness for the duration and date readers: any
 * text a client types is read as a duration and as a date of birth. A
 * duration is 0 to 100 years of weeks; a date read is a real date not after
 * today, and shown back in words it reads as the same date again. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mi/reading.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const mi_date today = {2026, 11, 23};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';

	long weeks = -1;
	if (mi_reading_duration(text, &mi_reading_words_en, today, &weeks) == MI_READING_OK &&
	    (weeks < 0 || weeks > 100 * 53))
		abort();

	mi_date dates[2];
	mi_reading_status s = mi_reading_date(text, &mi_reading_words_en, MI_DATE_DMY, today, dates);
	size_t found = s == MI_READING_OK ? 1 : s == MI_READING_AMBIGUOUS ? 2 : 0;
	for (size_t i = 0; i < found; i++) {
		char words[64];
		mi_date again[2];
		if (mi_date_compare(dates[i], today) > 0 || dates[i].year < 1900)
			abort();
		mi_reading_format_date(dates[i], &mi_reading_words_en, words, sizeof words);
		if (mi_reading_date(words, &mi_reading_words_en, MI_DATE_DMY, today, again) !=
			    MI_READING_OK ||
		    mi_date_compare(again[0], dates[i]) != 0)
			abort();
	}
	free(text);
	return 0;
}
