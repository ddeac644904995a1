/* fuzz_meds.c - libFuzzer harness for the medication dictionary loader: any
 * text is parsed as a medications.conf; a dictionary that loads is used to
 * classify a few medications and each of its class names is looked up. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mi/meds.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const MEDICATIONS[] = {
	"",
	"none",
	"Eliquis 5 mg twice a day",
	"baby aspirin 81mg",
	"ASPIRIN 0.5 G",
	"aspirin 75 \xc2\xb5g",
	"warfarin, prednisone 20mg, chemo",
	"5-FU 1 2 3 4 5 6 7 8 9 10 mg mg mg",
	"eloquis 5mg, no blood thinners, stopped warfarin",
	"Xarelto\xc2\xa0" "20 mg\xe2\x84\xa2 \xe2\x80\x9c" "asprin\xe2\x80\x9d 1,000 mg",
	"n/a",
	"apixab\xc3\xa1n and the little white one",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mi_meds *meds = NULL;
	mi_error err;
	if (mi_meds_parse((const char *)data, size, "fuzz.conf", &meds, &err) != MI_OK) {
		/* A refusal must name the file and the line. */
		if (strncmp(err.message, "fuzz.conf:", 10) != 0 && err.status != MI_EINTERNAL)
			abort();
		return 0;
	}
	size_t count = mi_meds_class_count(meds);
	if (count > MI_MEDS_MAX_CLASSES)
		abort();
	for (size_t i = 0; i < count; i++) {
		size_t index;
		const char *name = mi_meds_class_name(meds, i);
		if (!name || !mi_meds_class_index(meds, name, &index) || index != i)
			abort();
	}
	uint64_t known = count == MI_MEDS_MAX_CLASSES ? UINT64_MAX : ((uint64_t)1 << count) - 1;
	for (size_t m = 0; m < sizeof MEDICATIONS / sizeof MEDICATIONS[0]; m++)
		if (mi_meds_classify(meds, MEDICATIONS[m]) & ~known)
			abort();
	mi_meds_free(meds);
	return 0;
}
