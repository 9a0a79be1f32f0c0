/* uitvoermap.h - a new output directory that appears complete or not at all
 * (internal; used by `uitvraag sjabloon` and `init`). */
#ifndef TARIEF_UITVOERMAP_H
#define TARIEF_UITVOERMAP_H

#include "internal.h"

typedef struct tarief_uitvoermap {
    char path[4096]; /* the target directory */
    char tmp[4096];  /* the temporary directory next to it */
} tarief_uitvoermap;

/* Check that path does not exist or is an empty directory (else an input
 * problem in diag, not I/O: exit 2) and create a temporary directory next
 * to it (failure: an I/O problem). 0 or -1. */
int tarief_uitvoermap_open(tarief_ctx *ctx, tarief_uitvoermap *m, const char *path);
/* The path of file name inside the temporary directory (owned by ctx). */
const char *tarief_uitvoermap_file(tarief_ctx *ctx, const tarief_uitvoermap *m, const char *name);
/* Rename the temporary directory into place (over an empty one). 0 or -1
 * with an I/O problem in diag; the temporary directory is removed on failure. */
int tarief_uitvoermap_commit(tarief_ctx *ctx, tarief_uitvoermap *m);
/* Remove the temporary directory and what is in it. */
void tarief_uitvoermap_abort(tarief_uitvoermap *m);

#endif
