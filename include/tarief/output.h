/*
 * tarief/output.h - writing output files safely.
 *
 * A file is written to a temporary name in the same directory and renamed
 * into place only when complete, so an existing file is never left
 * half-written and no file appears when something fails.
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
    char path[4096];
    char tmp[4096];
    FILE *fp;
} tarief_output;

/** Open a temporary file next to path. NULL on error (errno set). */
FILE *tarief_output_open(tarief_output *o, const char *path);
/** Reserve a temporary name next to path without opening it (for writers
 *  that open files themselves, like libxlsxwriter). 0 or -1. */
int tarief_output_reserve(tarief_output *o, const char *path);
/** Flush, fsync, close and rename into place. 0 or -1 (temp removed). */
int tarief_output_commit(tarief_output *o);
/** Close and remove the temporary file. */
void tarief_output_abort(tarief_output *o);

#ifdef __cplusplus
}
#endif
#endif
