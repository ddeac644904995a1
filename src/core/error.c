/* error.c - filling mi_error values. */
#include "mi/error.h"

#include <stdio.h>
#include <string.h>

mi_status mi_error_setv(mi_error *err, mi_status status, const char *fmt, va_list ap)
{
	if (err) {
		err->status = status;
		vsnprintf(err->message, sizeof err->message, fmt, ap);
	}
	return status;
}

mi_status mi_error_set(mi_error *err, mi_status status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mi_error_setv(err, status, fmt, ap);
	va_end(ap);
	return status;
}

void mi_error_prefix(mi_error *err, const char *fmt, ...)
{
	if (!err)
		return;
	char prefix[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	/* Shift the message right and put "prefix: " in front, cutting the
	 * end when the whole does not fit. */
	size_t plen = strlen(prefix), mlen = strlen(err->message), cap = sizeof err->message - 1;
	if (plen + 2 > cap)
		plen = cap - 2;
	if (plen + 2 + mlen > cap)
		mlen = cap - plen - 2;
	memmove(err->message + plen + 2, err->message, mlen);
	memcpy(err->message, prefix, plen);
	memcpy(err->message + plen, ": ", 2);
	err->message[plen + 2 + mlen] = '\0';
}

void mi_error_clear(mi_error *err)
{
	if (err) {
		err->status = MI_OK;
		err->message[0] = '\0';
	}
}
