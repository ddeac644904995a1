/* cmd_set_pin.c - `massage-intake set-pin`: the therapist PIN for the kiosk. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "mi/cli.h"
#include "mi/pin.h"
#include "mi/store.h"

/* Prints the command's help. */
static void usage(FILE *out)
{
	fprintf(out,
		"Usage: massage-intake set-pin\n"
		"\n"
		"Sets the therapist PIN that leaves the kiosk (F12, then the PIN).\n"
		"A PIN is 4 to 12 digits. On a terminal it is asked twice without\n"
		"echo; otherwise one line is read from standard input. Only an\n"
		"Argon2id hash of the PIN is stored, in the database.\n"
		"\n"
		"Exit status: 0 set; 64 bad command line or the two PINs differ;\n"
		"65 not 4 to 12 digits; 74 the database cannot be written.\n");
}

/* Reads one line from in into buf (without its newline); false at end of
 * input or when the line does not fit. */
static bool read_line(FILE *in, char *buf, size_t size)
{
	if (!fgets(buf, (int)size, in))
		return false;
	size_t n = strcspn(buf, "\r\n");
	if (buf[n] == '\0' && n == size - 1)
		return false; /* longer than any PIN */
	buf[n] = '\0';
	return true;
}

/* Asks for the PIN on the terminal with echo off. */
static bool ask_hidden(const char *prompt, char *buf, size_t size)
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
	bool ok = read_line(stdin, buf, size);
	if (restore)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', stderr);
	return ok;
}

/* Stores the Argon2id hash of a new PIN in the settings. */
int mi_cmd_set_pin(mi_cli *cli, int argc, char **argv)
{
	(void)argv;
	if (mi_cli_wants_help(argc, argv)) {
		usage(stdout);
		return 0;
	}
	if (argc > 1)
		return mi_cli_failf(MI_EUSAGE, "set-pin takes no arguments; see massage-intake set-pin --help.");
	char pin[64] = "", again[64] = "";
	if (isatty(STDIN_FILENO)) {
		if (!ask_hidden("New PIN (4 to 12 digits): ", pin, sizeof pin) ||
		    !ask_hidden("The same PIN again: ", again, sizeof again))
			return mi_cli_failf(MI_EUSAGE, "no PIN was typed; nothing changed.");
		if (strcmp(pin, again) != 0)
			return mi_cli_failf(MI_EUSAGE, "the two PINs differ; nothing changed.");
	} else if (!read_line(stdin, pin, sizeof pin)) {
		return mi_cli_failf(MI_EDATA, "standard input holds no PIN line of 4 to 12 digits.");
	}
	mi_error err;
	char *hash = NULL;
	if (mi_pin_hash(pin, &hash, &err) != MI_OK)
		return mi_cli_fail(&err);
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, MI_STORE_CREATE, &store, &err);
	if (st == MI_OK)
		st = mi_store_set_actor(store, "set-pin", &err);
	if (st == MI_OK)
		st = mi_store_setting_set(store, "kiosk_pin_hash", hash, &err);
	free(hash);
	mi_store_close(store);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	printf("The kiosk PIN is set.\n");
	return 0;
}
