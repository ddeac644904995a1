/* paper.c - the paper size of documents: the setting, else the locale's. */
#define _GNU_SOURCE /* nl_langinfo(_NL_PAPER_WIDTH) */
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mi/cli.h"

mi_paper mi_cli_locale_paper(void)
{
#ifdef __GLIBC__
	const char *name = setlocale(LC_PAPER, NULL);
	if (name && strcmp(name, "C") != 0 && strcmp(name, "POSIX") != 0 &&
	    strncmp(name, "C.", 2) != 0) {
		unsigned width_mm = (unsigned)(uintptr_t)nl_langinfo(_NL_PAPER_WIDTH);
		return width_mm == 216 ? MI_PAPER_LETTER : MI_PAPER_A4;
	}
#endif
	static const char *const vars[] = {"LC_ALL", "LC_PAPER", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "en_US", 5) == 0 || strncmp(v, "en_CA", 5) == 0
				       ? MI_PAPER_LETTER
				       : MI_PAPER_A4;
	}
	return MI_PAPER_A4;
}

mi_status mi_cli_paper(const char *setting, mi_paper *out, mi_error *err)
{
	if (!setting) {
		*out = mi_cli_locale_paper();
		return MI_OK;
	}
	if (!mi_paper_parse(setting, out))
		return mi_error_set(err, MI_EDATA,
				    "the paper setting must be a4 or letter; use --paper for now.");
	return MI_OK;
}
