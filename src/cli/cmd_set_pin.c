/* cmd_set_pin.c - `massage-intake set-pin`: the therapist PIN for the kiosk. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "mi/app_pin.h"
#include "mi/cli.h"
#include "mi/pin.h"
#include "mi/store.h"

/* What reading a PIN line gave (its digits are checked afterwards). */
typedef enum line_result { LINE_OK, LINE_NONE, LINE_NUL, LINE_LONG } line_result;

/* Reads one line from in into buf (without its newline or a CR before it).
 * A line holding a NUL byte is refused as such: fgets would stop there and
 * take "1234\0junk" for "1234". */
static line_result read_line(FILE *in, char *buf, size_t size)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, in);
	line_result result = LINE_OK;
	if (n <= 0) {
		result = LINE_NONE;
	} else {
		size_t len = (size_t)n;
		if (line[len - 1] == '\n')
			len--;
		if (len > 0 && line[len - 1] == '\r')
			len--;
		if (memchr(line, '\0', len))
			result = LINE_NUL;
		else if (len >= size)
			result = LINE_LONG;
		else {
			memcpy(buf, line, len);
			buf[len] = '\0';
		}
	}
	if (line)
		explicit_bzero(line, cap);
	free(line);
	return result;
}

/* Fails for a line that cannot be a PIN; MI_OK otherwise. */
static mi_status check_line(line_result r, mi_error *err)
{
	switch (r) {
	case LINE_OK:
		return MI_OK;
	case LINE_NONE:
		return mi_error_set(err, MI_EDATA, "no PIN was given; nothing changed.");
	case LINE_NUL:
		return mi_error_set(err, MI_EDATA,
				    "the PIN holds a NUL byte; a PIN is 4 to 12 digits and nothing "
				    "else. Nothing changed.");
	case LINE_LONG:
		break;
	}
	return mi_error_set(err, MI_EDATA,
			    "the PIN is longer than 12 digits; a PIN is 4 to 12 digits. Nothing "
			    "changed.");
}

/* Asks for the PIN on the terminal with echo off. */
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
	line_result r = read_line(stdin, buf, size);
	if (restore)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', stderr);
	return r;
}

/* Stores the Argon2id hash of a new PIN in the settings. */
static int run(mi_cli *cli, const mi_cli_args *args)
{
	if (args->operand_count > 0)
		return mi_cli_failf(MI_EUSAGE, "set-pin takes no arguments; see massage-intake set-pin --help.");
	char pin[64] = "", again[64] = "";
	mi_error err;
	if (isatty(STDIN_FILENO)) {
		line_result r = ask_hidden("New PIN (4 to 12 digits): ", pin, sizeof pin);
		if (r == LINE_NONE)
			return mi_cli_failf(MI_EUSAGE, "no PIN was typed; nothing changed.");
		if (check_line(r, &err) != MI_OK)
			return mi_cli_fail(&err);
		r = ask_hidden("The same PIN again: ", again, sizeof again);
		if (r == LINE_NONE)
			return mi_cli_failf(MI_EUSAGE, "no PIN was typed; nothing changed.");
		if (r != LINE_OK || strcmp(pin, again) != 0)
			return mi_cli_failf(MI_EUSAGE, "the two PINs differ; nothing changed.");
	} else if (check_line(read_line(stdin, pin, sizeof pin), &err) != MI_OK) {
		return mi_cli_fail(&err);
	}
	/* Refused here, before the database is touched: not 4 to 12 digits. */
	if (!mi_pin_valid(pin))
		return mi_cli_failf(MI_EDATA, "the PIN must be %d to %d digits, and digits only; "
					      "nothing changed.",
				    MI_PIN_MIN, MI_PIN_MAX);
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, MI_STORE_CREATE, &store, &err);
	if (st == MI_OK)
		st = mi_store_set_actor(store, "set-pin", &err);
	if (st == MI_OK)
		st = mi_app_pin_set(store, pin, NULL, &err);
	explicit_bzero(pin, sizeof pin);
	explicit_bzero(again, sizeof again);
	mi_store_close(store);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	printf("The kiosk PIN is set.\n");
	return 0;
}

const mi_command mi_command_set_pin = {
	.name = "set-pin",
	.summary = "set the therapist PIN that leaves the kiosk",
	.usage = "set-pin\n",
	.about = "Sets the therapist PIN that leaves the kiosk (F12, then the PIN) and\n"
		 "unlocks the front desk once it has locked itself when idle. A PIN is\n"
		 "4 to 12 digits and nothing else (a NUL byte, a letter or a space is\n"
		 "refused). On a terminal it is asked twice without echo; otherwise one\n"
		 "line is read from standard input. Only an Argon2id hash of the PIN is\n"
		 "stored, in the database.\n",
	.after = "Exit status: 0 set; 64 bad command line or the two PINs differ;\n"
		 "65 not 4 to 12 digits; 74 the database cannot be written.\n",
	.run = run,
};
