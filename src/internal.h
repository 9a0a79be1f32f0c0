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
#define TARIEF_MAX_LINE  (1024u * 1024u)

/* tarief_csv_read on a buffer already in memory (the fuzz harnesses use it
 * directly). path only names the data in messages; data need not be
 * NUL-terminated and is not kept. */
const tarief_csv *tarief_csv_parse_buffer(tarief_ctx *ctx, const char *path,
                                          const char *data, size_t len);

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

/* Mark the problem recorded last as an I/O failure (exit 3). */
void tarief_ctx_mark_io(tarief_ctx *ctx);

/* Drop everything allocated in ctx (keeping one chunk for reuse): for a
 * scratch context reset per product. */
void tarief_ctx_reset(tarief_ctx *ctx);

/* printf into the arena. */
char *tarief_ctx_printf(tarief_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *tarief_ctx_vprintf(tarief_ctx *ctx, const char *fmt, va_list ap);
char *tarief_ctx_strndup(tarief_ctx *ctx, const char *s, size_t n);



int tarief_strcasecmp_trim(const char *a, const char *b);
/* Levenshtein distance, capped. */
size_t tarief_edit_distance(const char *a, const char *b);

/* Resolve a parameter for a product: product > regio > cao > default
 * (compute.c). */
tarief_invoer tarief_resolve_param(const tarief_regio *r, const tarief_product *p, const tarief_cao *cao,
                                   tarief_param_id id);

/* Why the VNG indexation of a product cannot be computed: where, and a
 * Dutch message (owned by the ctx). */
typedef struct tarief_indexfout {
    const char *file;
    int line, column;
    const char *msg;
} tarief_indexfout;

/* The derivation of indexatie;vng for product p (indexatie.c), owned by
 * ctx; NULL with *fout filled when the series or the settings do not allow
 * it (the loader reports that as an input error). */
const tarief_indexatie_vng *tarief_indexatie_vng_product(tarief_ctx *ctx, const tarief_regio *r,
                                                         const tarief_product *p, tarief_indexfout *fout);

/* x as "%.15g" (15 significant digits), in a thread-local buffer. */
const char *tarief_round_repr15(double x);


#endif
