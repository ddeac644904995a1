/* outfile.h - export files written so that nothing is ever half-written.
 *
 * mi_outfile_open makes a new file beside the destination (mode 0600,
 * O_EXCL); the caller writes to its stream as it goes (so a large export
 * needs no room in memory); mi_outfile_commit flushes, syncs and renames
 * it over the destination, which is then mode 0600 whatever was there.
 * Until then the destination is untouched, and on any failure the new file
 * is removed. Standard output ("-" or NULL) is written directly.
 */
#ifndef MI_OUTFILE_H
#define MI_OUTFILE_H

#include <stdio.h>

#include "mi/error.h"

typedef struct mi_outfile mi_outfile;

/* Starts writing path (NULL or "-": standard output). MI_ECANTCREAT when
 * the file cannot be made, or when something other than a regular file (a
 * device, a FIFO, a socket, a folder, a symbolic link) is at path: it is
 * left as it is. */
mi_status mi_outfile_open(const char *path, mi_outfile **out, mi_error *err);

/* The stream to write to (owned by the outfile). */
FILE *mi_outfile_stream(mi_outfile *file);

/* Finishes: flush, fsync, rename into place (standard output: flush).
 * MI_EIO when a write failed (disk full), MI_ECANTCREAT when the rename
 * fails; the new file is removed then. Frees file either way. */
mi_status mi_outfile_commit(mi_outfile *file, mi_error *err);

/* Gives up: removes the new file and frees file; NULL is fine. */
void mi_outfile_abort(mi_outfile *file);

#endif
