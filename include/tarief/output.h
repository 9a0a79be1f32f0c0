/*
 * tarief/output.h - writing output files safely.
 *
 * A file is written to a temporary name in the same directory and renamed
 * into place only when complete, so an existing file is never left
 * half-written and no file appears when something fails. An existing file
 * keeps its permissions; a symlink is followed (the file it points to is
 * replaced); a device or FIFO (/dev/stdout) gets the complete contents
 * copied into it at the end, from a temporary file in $TMPDIR.
 *
 *     tarief_output o;
 *     FILE *f = tarief_output_open(&o, "uit.csv");
 *     ... write ...
 *     if (tarief_output_commit(&o) != 0) ...   // or tarief_output_abort(&o)
 */
#ifndef TARIEF_OUTPUT_H
#define TARIEF_OUTPUT_H

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tarief_output {
    char path[4096];   /**< the target (a symlink resolved) */
    char tmp[4096];    /**< the temporary file */
    FILE *fp;
    int special;       /**< target is a device or FIFO: copy, don't rename */
    int keep_mode;     /**< target existed: keep its mode */
    unsigned mode;
} tarief_output;

/** Open a temporary file next to path. NULL on error (errno set). */
FILE *tarief_output_open(tarief_output *o, const char *path);
/** Reserve a temporary name next to path without opening it (for writers
 *  that open files themselves, like libxlsxwriter). 0 or -1. */
int tarief_output_reserve(tarief_output *o, const char *path);
/** Flush, close and put into place (rename, or copy into a device).
 *  0 or -1 with errno set; the temporary file is removed either way. */
int tarief_output_commit(tarief_output *o);
/** Close and remove the temporary file. */
void tarief_output_abort(tarief_output *o);

/**
 * All outputs of one command together: after tarief_output_group_begin(),
 * tarief_output_commit() (also the one inside tarief_workbook_write) only
 * completes its file (flushed, fsynced); tarief_output_group_commit() then
 * renames all of them into place and fsyncs their directories, with
 * SIGINT/SIGTERM/SIGHUP held off meanwhile. tarief_output_group_abort()
 * removes them all: every old output stays as it was.
 *
 *     tarief_output_group_begin();
 *     if (write_csv(...) != 0 || tarief_workbook_write(...) != 0) {
 *         tarief_output_group_abort();
 *         return 3;
 *     }
 *     if (tarief_output_group_commit() != 0) ...   // errno says why
 *
 * A begin while a group is open adds to that group (a command that writes
 * one more file before a shared writer begins the group again).
 * The state is process-wide: one command at a time, not thread-safe.
 */
void tarief_output_group_begin(void);
int tarief_output_group_commit(void);
void tarief_output_group_abort(void);

/**
 * Install handlers for SIGINT, SIGTERM and SIGHUP that remove every
 * temporary output file, print a Dutch message and exit with 128 + the
 * signal number; old outputs stay intact. SIGXFSZ is caught, so a write
 * beyond `ulimit -f` fails with EFBIG (exit 3) instead of killing the
 * process, and no output is committed after it (libxlsxwriter does not
 * check its own writes). A signal already ignored (nohup) stays ignored. A crash (SIGSEGV,
 * SIGBUS, SIGABRT; not in a sanitizer build) also removes the temporary
 * files and exits 3 with a Dutch message.
 */
void tarief_output_signals(void);

#ifdef __cplusplus
}
#endif
#endif
