/* internal.h - shared between library files; not part of the public API. */
#ifndef TARIEF_INTERNAL_H
#define TARIEF_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "tarief.h"

/* Bytes at most in one input file, one line, one field (§6: absurd input
 * must be refused, not swallowed). */
#define TARIEF_MAX_FILE  (256u * 1024u * 1024u)
#define TARIEF_MAX_FIELD (64u * 1024u)

/* Hash map from string to pointer, owned by a ctx (open addressing). */
typedef struct tmap {
    const char **keys;
    void **vals;
    size_t cap, n;
} tmap;

void tmap_init(tarief_ctx *ctx, tmap *m, size_t expected);
/* Insert; returns the existing value if key was present (and keeps it). */
void *tmap_put(tarief_ctx *ctx, tmap *m, const char *key, void *val);
void *tmap_get(const tmap *m, const char *key);

/* printf into the arena. */
char *tarief_ctx_printf(tarief_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *tarief_ctx_vprintf(tarief_ctx *ctx, const char *fmt, va_list ap);
char *tarief_ctx_strndup(tarief_ctx *ctx, const char *s, size_t n);



int tarief_strcasecmp_trim(const char *a, const char *b);
/* Levenshtein distance, capped. */
size_t tarief_edit_distance(const char *a, const char *b);

/* x as "%.15g" (15 significant digits), in a thread-local buffer. */
const char *tarief_round_repr15(double x);


#endif
