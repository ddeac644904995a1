/* test_pdf.c - the one-page aftercare PDF (and PNG), checked with
 * poppler-utils (pdfinfo, pdftotext), and delivering it (export.h): export
 * files 0600, never over a device or a FIFO, and printing through a pipe
 * within a time limit. */
#include "test_intake_util.h"
#include "aftercare_visits.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mi/export.h"
#include "mi/pdf.h"

/* A private temporary folder for one test; removed by remove_dir. */
static char *make_dir(void)
{
	char *dir = strdup("/tmp/mi-pdf-test.XXXXXX");
	assert_non_null(mkdtemp(dir));
	return dir;
}

/* Removes the folder and the files in it. */
static void remove_dir(char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
	free(dir);
}

/* Number of entries in a folder (without . and ..). */
static int count_files(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

/* The standard output of a shell command on a path we made (no quotes in
 * it). Caller frees. */
static char *run_tool(const char *tool, const char *path, const char *after)
{
	char cmd[4300];
	snprintf(cmd, sizeof cmd, "%s '%s' %s 2>/dev/null", tool, path, after);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t len = 0, cap = 4096;
	char *out = malloc(cap);
	assert_non_null(out);
	size_t n;
	while ((n = fread(out + len, 1, cap - len - 1, p)) > 0) {
		len += n;
		if (len + 1 == cap) {
			cap *= 2;
			out = realloc(out, cap);
			assert_non_null(out);
		}
	}
	out[len] = '\0';
	assert_int_equal(pclose(p), 0);
	return out;
}

/* What one rendered visit looks like to poppler. */
typedef struct rendered {
	char *info; /* pdfinfo */
	char *text; /* pdftotext */
	mi_render_fit fit;
	mode_t mode;
} rendered;

/* Builds, renders and writes the PDF of v, then reads it back. Frees v. */
static rendered render_visit(mi_visit *v, mi_paper paper, const char *clinic)
{
	mi_aftercare_template *tpl = tv_template();
	mi_aftercare_doc *doc = tv_build(tpl, v);
	mi_render_options opt = {.paper = paper, .clinic_name = clinic, .format = MI_RENDER_PDF};
	unsigned char *data = NULL;
	size_t len = 0;
	rendered r = {0};
	mi_error err;
	if (mi_aftercare_render(doc, &opt, &data, &len, &r.fit, &err) != MI_OK)
		fail_msg("%s", err.message);
	assert_true(len > 1000);
	assert_memory_equal(data, "%PDF-", 5);

	char *dir = make_dir();
	char path[4200];
	snprintf(path, sizeof path, "%s/summary.pdf", dir);
	assert_int_equal(mi_export_write_private(path, data, len, &err), MI_OK);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	r.mode = st.st_mode & 07777;
	r.info = run_tool("pdfinfo", path, "");
	r.text = run_tool("pdftotext -enc UTF-8", path, "-");
	remove_dir(dir);
	free(data);
	mi_aftercare_doc_free(doc);
	mi_aftercare_template_free(tpl);
	mi_visit_free(v);
	return r;
}

/* Frees what render_visit read back. */
static void rendered_free(rendered *r)
{
	free(r->info);
	free(r->text);
}

/* The text with runs of whitespace made one space, or with no whitespace
 * at all (squeeze), and without the bidi marks pdftotext puts around right
 * to left text. Caller frees. */
static char *flatten(const char *text, bool squeeze)
{
	char *flat = strdup(text);
	assert_non_null(flat);
	size_t o = 0;
	for (size_t i = 0; text[i]; i++) {
		if (strncmp(text + i, "\u202b", 3) == 0 || strncmp(text + i, "\u202c", 3) == 0) {
			i += 2;
			continue;
		}
		char c = text[i] == '\n' ? ' ' : text[i];
		if (c == ' ' && (squeeze || (o > 0 && flat[o - 1] == ' ')))
			continue;
		flat[o++] = c;
	}
	flat[o] = '\0';
	return flat;
}

/* Fails unless the PDF text has s, whitespace aside: pdftotext breaks
 * lines where the page does, and guesses word gaps from glyph positions,
 * which for joined Arabic letters can add a space inside a word (the page
 * itself is right: see the PNG). */
static void assert_has_text(const char *text, const char *s, bool squeeze)
{
	char *flat = flatten(text, squeeze), *want = flatten(s, squeeze);
	if (!strstr(flat, want))
		fail_msg("the PDF text lacks \"%s\"", s);
	free(flat);
	free(want);
}

/* Fails unless the PDF text has s (runs of whitespace as one space). */
static void assert_has(const char *text, const char *s)
{
	assert_has_text(text, s, false);
}

static void render_with_first_visit_gives_one_a4_page_succeeds(void **state)
{
	(void)state;
	rendered r = render_visit(tv_first_visit(), MI_PAPER_A4, NULL);
	assert_non_null(strstr(r.info, "Pages:           1\n"));
	assert_non_null(strstr(r.info, "(A4)"));
	assert_int_equal(r.mode, 0600);
	assert_has(r.text, "Massage clinic");
	assert_has(r.text, "Aftercare for Anna Smith");
	assert_has(r.text, "up to about 36 hours");
	assert_has(r.text, "Call your doctor if the pain is severe");
	assert_has(r.text, "Seek urgent care straight away");
	assert_has(r.text, "Areas worked today");
	assert_null(strstr(r.text, "THERAPIST-ONLY"));
	assert_false(r.fit.shortened);
	assert_true(r.fit.font_size >= 9.0);
	rendered_free(&r);
}

static void render_with_letter_paper_and_clinic_name_succeeds(void **state)
{
	(void)state;
	rendered r = render_visit(tv_blood_thinner(), MI_PAPER_LETTER, "Clínica Ñandú Back Care");
	assert_non_null(strstr(r.info, "Pages:           1\n"));
	assert_non_null(strstr(r.info, "612 x 792 pts (letter)"));
	assert_has(r.text, "Clínica Ñandú Back Care");
	assert_has(r.text, "watch the areas we worked for bruising");
	assert_has(r.text, "Xarelto 20mg once a day");
	rendered_free(&r);
}

static void render_with_returning_client_draws_trend_succeeds(void **state)
{
	(void)state;
	rendered r = render_visit(tv_returning(), MI_PAPER_A4, NULL);
	assert_non_null(strstr(r.info, "Pages:           1\n"));
	assert_has(r.text, "Ελένη Παπαδοπούλου");
	assert_has(r.text, "Your pain score at each visit (0 = no pain");
	assert_has(r.text, "2026-10-05");
	assert_has(r.text, "come down from 7 to 3");
	rendered_free(&r);
}

static void render_with_arabic_and_chinese_names_succeeds(void **state)
{
	(void)state;
	static const char *const names[] = {"محمد عبد الله", "王小明", "Ελένη Παπαδοπούλου"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		mi_visit *v = tv_first_visit();
		free(v->client_name);
		v->client_name = tv_dup(names[i]);
		rendered r = render_visit(v, MI_PAPER_A4, NULL);
		assert_non_null(strstr(r.info, "Pages:           1\n"));
		assert_has_text(r.text, names[i], true);
		rendered_free(&r);
	}
}

/* A client with 15 medications and notes as long as the answers allow. */
static mi_visit *crowded_visit(void)
{
	mi_visit *v = tv_returning();
	free(v->client_name);
	v->client_name = tv_dup("Maximilian Alexander Fitzgerald-Worthington");
	mi_answers_free(v->answers);
	char json[8192] = "{\"client\": {\"name\": \"Maximilian Alexander Fitzgerald-Worthington\"},"
			  " \"pain_intensity\": 6, \"medications\": [";
	for (int i = 0; i < 15; i++) {
		size_t n = strlen(json);
		snprintf(json + n, sizeof json - n, "%s\"medication number %d, 20 mg twice a day\"",
			 i ? ", " : "", i + 1);
	}
	strcat(json, "]}");
	mi_error err;
	assert_int_equal(mi_answers_parse(json, strlen(json), &v->answers, &err), MI_OK);
	char notes[2001] = "";
	while (strlen(notes) + 60 < sizeof notes)
		strcat(notes, "Keep up the stretches for the hips and the low back daily. ");
	free(v->aftercare_notes);
	v->aftercare_notes = tv_dup(notes);
	free(v->goals_other);
	v->goals_other = tv_dup(notes);
	v->notes.areas_other = tv_dup("the feet and the forearms, both sides, lightly");
	tv_flag(v, "anticoagulant", MI_LEVEL_MODIFY);
	tv_flag(v, "recent_surgery", MI_LEVEL_MODIFY);
	tv_flag(v, "pregnancy", MI_LEVEL_MODIFY);
	tv_flag(v, "skin_condition", MI_LEVEL_MODIFY);
	tv_flag(v, "high_blood_pressure", MI_LEVEL_MODIFY);
	tv_flag(v, "osteoporosis", MI_LEVEL_MODIFY);
	tv_flag(v, "cancer_history", MI_LEVEL_MODIFY);
	return v;
}

static void render_with_long_lists_and_notes_stays_one_page_succeeds(void **state)
{
	(void)state;
	mi_paper papers[] = {MI_PAPER_A4, MI_PAPER_LETTER};
	for (size_t i = 0; i < 2; i++) {
		rendered r = render_visit(crowded_visit(), papers[i], NULL);
		assert_non_null(strstr(r.info, "Pages:           1\n"));
		assert_true(r.fit.shortened);
		assert_true(r.fit.font_size >= MI_PDF_MIN_FONT_SIZE);
		assert_has(r.text, "Maximilian Alexander Fitzgerald-Worthington");
		assert_has(r.text, "medication number 1,");
		assert_has(r.text, "The clinic's record has them in full");
		/* The safety advice is never what gets cut. */
		assert_has(r.text, "up to about 36 hours");
		assert_has(r.text, "Call your doctor if the pain is severe");
		assert_has(r.text, "Seek urgent care straight away");
		assert_has(r.text, "You told us you have had a blood clot");
		assert_has(r.text, "core and glutes");
		rendered_free(&r);
	}
}

static void render_png_gives_an_image_succeeds(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = tv_template();
	mi_visit *v = tv_returning();
	mi_aftercare_doc *doc = tv_build(tpl, v);
	mi_render_options opt = {.paper = MI_PAPER_A4, .format = MI_RENDER_PNG, .png_dpi = 50};
	unsigned char *data = NULL;
	size_t len = 0;
	mi_error err;
	assert_int_equal(mi_aftercare_render(doc, &opt, &data, &len, NULL, &err), MI_OK);
	assert_memory_equal(data, "\x89PNG\r\n\x1a\n", 8);
	/* The width in the IHDR chunk: A4 at 50 dpi is 413 pixels. */
	unsigned width = (unsigned)data[16] << 24 | (unsigned)data[17] << 16 |
			 (unsigned)data[18] << 8 | data[19];
	assert_int_equal(width, 413);
	free(data);
	mi_aftercare_doc_free(doc);
	mi_visit_free(v);
	mi_aftercare_template_free(tpl);
}

static void write_private_over_an_open_file_makes_it_0600_succeeds(void **state)
{
	(void)state;
	char *dir = make_dir();
	char path[4200];
	snprintf(path, sizeof path, "%s/out.txt", dir);
	FILE *f = fopen(path, "w");
	fputs("old", f);
	fclose(f);
	assert_int_equal(chmod(path, 0644), 0);
	mi_error err;
	assert_int_equal(mi_export_write_private(path, "new text\n", 9, &err), MI_OK);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	assert_int_equal(st.st_size, 9);
	assert_int_equal(count_files(dir), 1);
	remove_dir(dir);
}

static void write_private_into_a_missing_folder_fails(void **state)
{
	(void)state;
	char *dir = make_dir();
	char path[4200];
	snprintf(path, sizeof path, "%s/missing/out.pdf", dir);
	mi_error err;
	assert_int_equal(mi_export_write_private(path, "x", 1, &err), MI_ECANTCREAT);
	assert_non_null(strstr(err.message, "cannot create"));
	assert_non_null(strstr(err.message, "missing/out.pdf"));
	snprintf(path, sizeof path, "%s/", dir);
	assert_int_equal(mi_export_write_private(path, "x", 1, &err), MI_ECANTCREAT);
	assert_int_equal(count_files(dir), 0);
	remove_dir(dir);
}

static void write_private_onto_a_folder_leaves_nothing_behind_fails(void **state)
{
	(void)state;
	char *dir = make_dir();
	char path[4200];
	snprintf(path, sizeof path, "%s/sub", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	mi_error err;
	assert_int_equal(mi_export_write_private(path, "x", 1, &err), MI_ECANTCREAT);
	assert_int_equal(count_files(dir), 1); /* only sub: no temporary file left */
	rmdir(path);
	remove_dir(dir);
}

static void write_private_over_a_fifo_a_link_or_a_device_is_refused_fails(void **state)
{
	(void)state;
	char *dir = make_dir();
	char fifo[4200], link[4200], target[4200];
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	snprintf(target, sizeof target, "%s/target", dir);
	snprintf(link, sizeof link, "%s/link", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(symlink(target, link), 0);
	mi_error err;
	assert_int_equal(mi_export_write_private(fifo, "x", 1, &err), MI_ECANTCREAT);
	assert_non_null(strstr(err.message, "it is a FIFO, not a regular file"));
	assert_int_equal(mi_export_write_private(link, "x", 1, &err), MI_ECANTCREAT);
	assert_non_null(strstr(err.message, "symbolic link"));
	assert_int_equal(mi_export_write_private("/dev/null", "x", 1, &err), MI_ECANTCREAT);
	assert_non_null(strstr(err.message, "it is a device"));
	struct stat st;
	assert_int_equal(lstat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	assert_int_equal(count_files(dir), 2); /* no temporary file left */
	remove_dir(dir);
}

/* Writes a stub print command into dir running body; returns its path. */
static void write_stub(const char *dir, const char *body, char *stub, size_t size)
{
	snprintf(stub, size, "%s/lp", dir);
	FILE *f = fopen(stub, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\n%s\n", body);
	fclose(f);
	chmod(stub, 0700);
}

static void print_pdf_quietly_with_a_stub_lp_succeeds(void **state)
{
	(void)state;
	char *dir = make_dir();
	char stub[4200], args[4200], out[4200], got[4200], body[13000];
	snprintf(args, sizeof args, "%s/args", dir);
	snprintf(out, sizeof out, "%s/stdout", dir);
	snprintf(got, sizeof got, "%s/got", dir);
	snprintf(body, sizeof body,
		 "printf '%%s\\n' \"$@\" >'%s'\ncat >'%s'\necho LP-NOISE\necho LP-NOISE >&2\n"
		 "exit ${STUB_LP_STATUS:-0}",
		 args, got);
	write_stub(dir, body, stub, sizeof stub);
	setenv("MASSAGE_INTAKE_LP", stub, 1);

	/* Standard output and error go to a file while printing quietly. */
	fflush(stdout);
	int saved_out = dup(STDOUT_FILENO), saved_err = dup(STDERR_FILENO);
	int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	mi_error err;
	mi_status ok = mi_export_print_pdf("%PDF-1.5 stub", 13, true, 30, &err);
	setenv("STUB_LP_STATUS", "2", 1);
	mi_status failed = mi_export_print_pdf("%PDF-1.5 stub", 13, true, 30, &err);
	unsetenv("STUB_LP_STATUS");
	dup2(saved_out, STDOUT_FILENO);
	dup2(saved_err, STDERR_FILENO);
	close(saved_out);
	close(saved_err);
	close(fd);

	assert_int_equal(ok, MI_OK);
	assert_int_equal(failed, MI_EIO);
	assert_non_null(strstr(err.message, "failed (exit status 2)"));
	char *noise = run_tool("cat", out, "");
	assert_string_equal(noise, "");
	free(noise);
	/* Only the title on the command line; the PDF came on standard input. */
	char *recorded = run_tool("cat", args, "");
	assert_string_equal(recorded, "-t\n" MI_PRINT_TITLE "\n");
	free(recorded);
	char *printed = run_tool("cat", got, "");
	assert_string_equal(printed, "%PDF-1.5 stub");
	free(printed);

	setenv("MASSAGE_INTAKE_LP", "/nonexistent/lp", 1);
	assert_int_equal(mi_export_print_pdf("x", 1, true, 30, &err), MI_EIO);
	assert_non_null(strstr(err.message, "cannot start the print command /nonexistent/lp"));
	unsetenv("MASSAGE_INTAKE_LP");
	remove_dir(dir);
}

static void print_pdf_with_a_hanging_lp_is_stopped_in_time_fails(void **state)
{
	(void)state;
	char *dir = make_dir();
	char stub[4200], pidfile[4200], body[9000];
	snprintf(pidfile, sizeof pidfile, "%s/pid", dir);
	/* Never reads, never ends; its child must go with it. */
	snprintf(body, sizeof body, "sleep 600 &\necho $! >'%s'\nwait", pidfile);
	write_stub(dir, body, stub, sizeof stub);
	setenv("MASSAGE_INTAKE_LP", stub, 1);
	/* More than a pipe holds, so the writer waits as well. */
	size_t len = 1 << 20;
	char *big = calloc(1, len);
	assert_non_null(big);
	mi_error err;
	assert_int_equal(mi_export_print_pdf(big, len, true, 1, &err), MI_EIO);
	free(big);
	assert_non_null(strstr(err.message, "the printer did not answer within 1 s"));
	char *pid = run_tool("cat", pidfile, "");
	assert_true(atoi(pid) > 0);
	for (int i = 0; i < 100 && kill(atoi(pid), 0) == 0; i++)
		usleep(20000);
	assert_int_equal(kill(atoi(pid), 0), -1); /* the whole group was stopped */
	free(pid);
	unsetenv("MASSAGE_INTAKE_LP");
	remove_dir(dir);
}

static void print_pdf_with_lp_that_stops_reading_fails(void **state)
{
	(void)state;
	char *dir = make_dir();
	char stub[4200];
	write_stub(dir, "exec <&-\nexit 0", stub, sizeof stub);
	setenv("MASSAGE_INTAKE_LP", stub, 1);
	size_t len = 1 << 20;
	char *big = calloc(1, len);
	assert_non_null(big);
	mi_error err;
	assert_int_equal(mi_export_print_pdf(big, len, true, 30, &err), MI_EIO);
	assert_non_null(strstr(err.message, "stopped reading the summary"));
	free(big);
	unsetenv("MASSAGE_INTAKE_LP");
	remove_dir(dir);
}

static void paper_parse_with_names_succeeds(void **state)
{
	(void)state;
	mi_paper p;
	assert_true(mi_paper_parse("A4", &p));
	assert_int_equal(p, MI_PAPER_A4);
	assert_true(mi_paper_parse("letter", &p));
	assert_int_equal(p, MI_PAPER_LETTER);
	assert_false(mi_paper_parse("legal", &p));
	assert_string_equal(mi_paper_name(MI_PAPER_LETTER), "letter");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(render_with_first_visit_gives_one_a4_page_succeeds),
		cmocka_unit_test(render_with_letter_paper_and_clinic_name_succeeds),
		cmocka_unit_test(render_with_returning_client_draws_trend_succeeds),
		cmocka_unit_test(render_with_arabic_and_chinese_names_succeeds),
		cmocka_unit_test(render_with_long_lists_and_notes_stays_one_page_succeeds),
		cmocka_unit_test(render_png_gives_an_image_succeeds),
		cmocka_unit_test(write_private_over_an_open_file_makes_it_0600_succeeds),
		cmocka_unit_test(write_private_into_a_missing_folder_fails),
		cmocka_unit_test(write_private_onto_a_folder_leaves_nothing_behind_fails),
		cmocka_unit_test(write_private_over_a_fifo_a_link_or_a_device_is_refused_fails),
		cmocka_unit_test(print_pdf_quietly_with_a_stub_lp_succeeds),
		cmocka_unit_test(print_pdf_with_a_hanging_lp_is_stopped_in_time_fails),
		cmocka_unit_test(print_pdf_with_lp_that_stops_reading_fails),
		cmocka_unit_test(paper_parse_with_names_succeeds),
	};
	int failed = cmocka_run_group_tests_name("pdf", tests, tiu_install_shipped, tiu_free_shipped);
	mi_render_release_fonts();
	return failed;
}
