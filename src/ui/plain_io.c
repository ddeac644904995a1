/* plain_io.c - lines in and out for the plain line mode (no curses). */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include "mi/fold.h"
#include "mi/i18n.h"
#include "mi/text.h"
#include "mi/ui.h"
#include "mi/ui_plain.h"

/* A line longer than this is cut (every answer is far shorter). */
enum { MAX_LINE = 64 * 1024, READ_CHUNK = 4096, MAX_EMPTY_READS = 50 };

bool mi_plain_wanted(bool flag)
{
	const char *env = getenv("MASSAGE_INTAKE_PLAIN");
	return flag || (env && (strcmp(env, "1") == 0 || strcasecmp(env, "yes") == 0 ||
				strcasecmp(env, "true") == 0));
}

void mi_plain_io_init(mi_plain_io *io, int in, FILE *out)
{
	*io = (mi_plain_io){.in = in, .out = out, .terminal = isatty(in) == 1};
}

void mi_plain_io_clear(mi_plain_io *io)
{
	free(io->buf);
	io->buf = NULL;
	io->len = io->cap = 0;
}

/* Hands out the first line held in the buffer (or all of it at the end of
 * input); false when no whole line is there yet. */
static bool take_line(mi_plain_io *io, bool at_end, char **line)
{
	char *nl = io->buf ? memchr(io->buf, '\n', io->len) : NULL;
	if (!nl && !(at_end && io->len > 0) && io->len < MAX_LINE)
		return false;
	size_t n = nl ? (size_t)(nl - io->buf) : io->len;
	size_t used = nl ? n + 1 : n;
	if (n > 0 && io->buf[n - 1] == '\r')
		n--;
	*line = malloc(n + 1);
	if (*line) {
		memcpy(*line, io->buf, n);
		(*line)[n] = '\0';
	}
	memmove(io->buf, io->buf + used, io->len - used);
	io->len -= used;
	return *line != NULL;
}

mi_plain_got mi_plain_read_line(mi_plain_io *io, double timeout, bool keep_on_end, char **line)
{
	*line = NULL;
	int empty_reads = 0;
	double deadline = timeout > 0 ? mi_ui_now() + timeout : 0;
	for (;;) {
		if (take_line(io, io->ended, line))
			return MI_PLAIN_GOT_LINE;
		if (io->ended)
			return MI_PLAIN_GOT_END;
		if (deadline > 0) {
			double left = deadline - mi_ui_now();
			if (left <= 0)
				return MI_PLAIN_GOT_IDLE;
			struct pollfd p = {.fd = io->in, .events = POLLIN};
			int ready = poll(&p, 1, (int)(left * 1000) + 1);
			if (ready < 0 && errno != EINTR)
				return MI_PLAIN_GOT_END;
			if (ready <= 0)
				continue;
		}
		if (io->cap - io->len < READ_CHUNK) {
			char *grown = realloc(io->buf, io->cap + READ_CHUNK);
			if (!grown)
				return MI_PLAIN_GOT_END;
			io->buf = grown;
			io->cap += READ_CHUNK;
		}
		ssize_t got = read(io->in, io->buf + io->len, READ_CHUNK);
		if (got < 0 && errno == EINTR)
			continue;
		if (got > 0) {
			io->len += (size_t)got;
			empty_reads = 0;
			continue;
		}
		/* Ctrl-D on a terminal ends a read, not the terminal; a terminal
		 * that has gone gives nothing but ends, and ends the input. */
		if (got == 0 && io->terminal && keep_on_end && ++empty_reads < MAX_EMPTY_READS)
			continue;
		io->ended = true;
	}
}

void mi_plain_say(mi_plain_io *io, const char *fmt, ...)
{
	char buf[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	char *safe = mi_text_sanitize(buf, true);
	fprintf(io->out, "%s\n", safe ? safe : "");
	free(safe);
	fflush(io->out);
}

void mi_plain_blank(mi_plain_io *io)
{
	fputc('\n', io->out);
	fflush(io->out);
}

void mi_plain_prompt(mi_plain_io *io)
{
	fputs("> ", io->out);
	fflush(io->out);
}

void mi_plain_echo(mi_plain_io *io, bool on)
{
	struct termios t;
	if (!io->terminal || tcgetattr(io->in, &t) != 0)
		return;
	if (on)
		t.c_lflag |= ECHO;
	else
		t.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(io->in, TCSANOW, &t);
}

bool mi_plain_staff_key(const char *line)
{
	return strchr(line, '\x14') || strstr(line, "\x1b[24~");
}

/* True when line is one of words (alternatives separated by '|'), folded
 * (case and accents do not count, fold.h). */
static bool one_of(const char *line, const char *words)
{
	char *typed = mi_fold(line);
	bool found = false;
	while (typed && *typed && !found && *words) {
		size_t n = strcspn(words, "|");
		char word[64];
		if (n < sizeof word) {
			memcpy(word, words, n);
			word[n] = '\0';
			char *folded = mi_fold(word);
			found = folded && strcmp(folded, typed) == 0;
			free(folded);
		}
		words += n + (words[n] == '|');
	}
	free(typed);
	return found;
}

int mi_plain_yes_no(const char *line)
{
	/* TRANSLATORS: what a client may type for "yes" in the plain line mode,
	   alternatives separated by |, the one the prompts name first ("Type y
	   for yes"); y and yes are understood in every language too. */
	if (one_of(line, "y|yes") || one_of(line, P_("plain mode answer words", "y|yes")))
		return 0;
	/* TRANSLATORS: the same for "no"; n and no are understood too. */
	if (one_of(line, "n|no") || one_of(line, P_("plain mode answer words", "n|no")))
		return 1;
	return -1;
}

bool mi_plain_none(const char *line)
{
	/* TRANSLATORS: what a client may type for "none of these" in the plain
	   line mode (alternatives separated by |, the one the prompts name
	   first); none and 0 are understood in every language too. */
	return one_of(line, "none|0") || one_of(line, P_("plain mode answer words", "none"));
}

wchar_t mi_plain_reading_key(const mi_ui_reading *r, const char *line)
{
	bool choose = r->kind == MI_UI_READ_CHOOSE;
	int yn = mi_plain_yes_no(line);
	if (yn == 1 || (yn == 0 && !choose))
		return yn == 0 ? L'y' : L'n';
	char *typed = mi_fold(line);
	wchar_t key = 0;
	if (choose && typed && (strcmp(typed, "1") == 0 || strcmp(typed, "2") == 0))
		key = (wchar_t)typed[0];
	free(typed);
	return key;
}

const char *mi_plain_reading_hint(const mi_ui_reading *r)
{
	return r->kind == MI_UI_READ_CHOOSE ? _("Type 1 or 2, or n to change it.")
					    : _("Type y if it is right, or n to change it.");
}

const char *mi_plain_reading_refusal(const mi_ui_reading *r)
{
	return r->kind == MI_UI_READ_CHOOSE ? _("Please type 1, 2 or n.") : _("Please type y or n.");
}
