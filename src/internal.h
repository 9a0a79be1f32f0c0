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
const tarief_csv *ti_csv_parse_buffer(tarief_ctx *ctx, const char *path,
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
void ti_ctx_mark_io(tarief_ctx *ctx);

/* printf into the arena. */
char *tarief_ctx_printf(tarief_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *ti_ctx_strndup(tarief_ctx *ctx, const char *s, size_t n);



/* Levenshtein distance, capped. */
size_t ti_edit_distance(const char *a, const char *b);

/* Resolve a parameter for a product: product > regio > cao > default
 * (resolve.c). */
tarief_invoer ti_resolve_param(const tarief_regio *r, const tarief_product *p, const tarief_cao *cao,
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
const tarief_indexatie_vng *ti_indexatie_vng_product(tarief_ctx *ctx, const tarief_regio *r,
                                                         const tarief_product *p, tarief_indexfout *fout);

/* The Dutch label of a line of uitgangspunten.csv or cao.csv (params.c):
 * a parameter's tarief_param_info.label, or that of regio, tariefjaar, cao,
 * naam, ingangsdatum, ...; NULL for a name the method does not know. */
const char *tarief_veld_label(const char *naam);

/* The rounding modes of step 17 (round.c): their number, the mode named
 * naam (any case) or -1, and all names in the order of tarief_afronding. */
#define TI_AFRONDING_COUNT (TARIEF_AFRONDING_DEELBAAR_DOOR_60 + 1)
int ti_afronding_lookup(const char *naam);
const char *const *ti_afronding_namen(void);


#endif
