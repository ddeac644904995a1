/* pin_input.c - reading a PIN: asked without echo on a terminal, else one
 * line of standard input. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/pin.h"

/* What reading a PIN line gave (its digits are checked afterwards). */
typedef enum line_result { LINE_OK, LINE_NONE, LINE_NUL, LINE_LONG } line_result;

/* Reads one line from standard input into buf (without its newline or a
 * CR before it), one byte at a time: what follows the line stays unread
 * for the command (`--as NAME note 5 --from-file -` reads its notes after
 * the PIN). A line holding a NUL byte is refused as such: "1234\0junk" is
 * not 1234. */
static line_result read_line(char *buf, size_t size)
{
	size_t len = 0;
	bool nul = false, any = false;
	for (;;) {
		char c;
		ssize_t n = read(STDIN_FILENO, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || c == '\n')
			break;
		any = true;
		if (c == '\0')
			nul = true;
		if (len < size)
			buf[len] = c;
		len++;
	}
	if (!any)
		return LINE_NONE;
	if (len > 0 && len <= size && buf[len - 1] == '\r')
		len--;
	if (nul)
		return LINE_NUL;
	if (len >= size)
		return LINE_LONG;
	buf[len] = '\0';
	return LINE_OK;
}

/* Asks on the terminal with echo off. */
static line_result ask_hidden(const char *prompt, char *buf, size_t size)
{
	struct termios old, quiet;
	bool restore = tcgetattr(STDIN_FILENO, &old) == 0;
	if (restore) {
		quiet = old;
		quiet.c_lflag &= (tcflag_t)~ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	fputs(prompt, stderr);
	fflush(stderr);
	line_result r = read_line(buf, size);
	if (restore)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', stderr);
	return r;
}

mi_status mi_cli_read_pin(const char *prompt, char *buf, size_t size, mi_error *err)
{
	bool terminal = isatty(STDIN_FILENO);
	line_result r = terminal ? ask_hidden(prompt, buf, size) : read_line(buf, size);
	switch (r) {
	case LINE_OK:
		return MI_OK;
	case LINE_NONE:
		return mi_error_set(err, terminal ? MI_EUSAGE : MI_EDATA,
				    _("no PIN was given; nothing changed."));
	case LINE_NUL:
		return mi_error_set(err, MI_EDATA,
				    _("the PIN holds a NUL byte; a PIN is 4 to 12 digits and nothing "
				      "else. Nothing changed."));
	case LINE_LONG:
		break;
	}
	return mi_error_set(err, MI_EDATA,
			    _("the PIN is longer than 12 digits; a PIN is 4 to 12 digits. Nothing "
			      "changed."));
}
