/* export.h - a rendered summary into a file or onto paper.
 *
 * Both take bytes made in memory (pdf.h, aftercare.h) and never leave a
 * copy of them anywhere else: the file is written beside its place and
 * renamed into it, and the printer gets the PDF on its standard input, so
 * nothing about the client lands in a temporary folder. Nothing here
 * writes to the terminal or touches the database; auditing is the caller's
 * (app_aftercare.h).
 */
#ifndef MI_EXPORT_H
#define MI_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/error.h"

/* Writes data[0..len) to path so that nothing is ever half-written: a new
 * file beside it created mode 0600 (O_EXCL, then fchmod), written, synced
 * and renamed over path. The result is mode 0600 whatever was there. Only
 * a new name or an existing regular file is replaced: a device, a FIFO, a
 * socket, a folder or a symbolic link at path is refused before anything is
 * written. MI_ECANTCREAT when the file cannot be created or path is
 * refused, MI_EIO when writing fails (disk full); the temporary file is
 * removed on failure. */
mi_status mi_export_write_private(const char *path, const void *data, size_t len, mi_error *err);

/* The print job's title: never anything about the client (CUPS keeps
 * titles in its logs). */
#define MI_PRINT_TITLE "massage-intake aftercare"

/* Prints a PDF: runs $MASSAGE_INTAKE_LP (else lp) as PROGRAM -t
 * MI_PRINT_TITLE with posix_spawnp (no shell), in a process group of its
 * own, with the PDF on its standard input (no file is written), and waits
 * for it at most timeout_seconds in all. A program that has not finished
 * by then is stopped (SIGTERM to its group, then SIGKILL) and the summary
 * counts as not printed. With quiet, the program's output goes to
 * /dev/null (for the terminal UI); otherwise it is passed through.
 * MI_EIO when the program cannot start, fails, is killed, stops reading
 * early or runs out of time ("the printer did not answer within N s ..."). */
mi_status mi_export_print_pdf(const void *data, size_t len, bool quiet, double timeout_seconds,
			      mi_error *err);

#endif
