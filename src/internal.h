/* internal.h - shared between library files; not part of the public API. */
#ifndef TARIEF_INTERNAL_H
#define TARIEF_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

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

void ti_map_init(tarief_ctx *ctx, tmap *m, size_t expected);
/* Insert; returns the existing value if key was present (and keeps it). */
void *ti_map_put(tarief_ctx *ctx, tmap *m, const char *key, void *val);
void *ti_map_get(const tmap *m, const char *key);

/* Mark the problem recorded last as an I/O failure (exit 3). */
void ti_ctx_mark_io(tarief_ctx *ctx);

/* Drop everything allocated in ctx (keeping one chunk for reuse): for a
 * scratch context reset per product. */
void ti_ctx_reset(tarief_ctx *ctx);

/* printf into the arena. */
char *ti_ctx_printf(tarief_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *ti_ctx_vprintf(tarief_ctx *ctx, const char *fmt, va_list ap);
char *ti_ctx_strndup(tarief_ctx *ctx, const char *s, size_t n);
/* s with every control character escaped (tarief_escape_teken); s itself
 * when it has none. */
const char *ti_escape(tarief_ctx *ctx, const char *s);



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
/* The names of the rounding modes (parameter afronding), written once: the
 * loader, the step table's spreadsheet formula and the Toelichting text all
 * use these (round.c). */
#define TI_AFR_CENT "cent"
#define TI_AFR_EURO "euro"
#define TI_AFR_EURO_OMHOOG "euro_omhoog"
#define TI_AFR_DEELBAAR_DOOR_60 "deelbaar_door_60"
#define TI_AFRONDING_COUNT (TARIEF_AFRONDING_DEELBAAR_DOOR_60 + 1)
int ti_afronding_lookup(const char *naam);
const char *const *ti_afronding_namen(void);
/* Compute one product into functies (p->n_mix entries), compute.c. */
void ti_bereken_in(const tarief_regio *r, const tarief_product *p, tarief_afleiding *a,
                       tarief_functie_afleiding *functies, tarief_ctx *ctx);

/* After loading (load.c, one call): what the workbook cannot hold (rows),
 * plausible ranges (plausibel.c: warnings, errors when streng) and, when
 * the region loaded without problems (clean), that every computed value is
 * finite (limieten.c). Problems go to ctx's diag. */
void ti_check_limieten(tarief_ctx *ctx, const tarief_regio *r, bool streng, bool clean);
void ti_check_plausibel(tarief_ctx *ctx, const tarief_regio *r, bool streng);

/* A text cell of our CSV output: quoted when needed, a leading apostrophe
 * before = + - @ (csvtekst.c). 0 or -1 on a write error. */
int ti_csv_tekst(FILE *out, const char *s);
bool ti_csv_needs_prefix(const char *s);



/* The installed data directory (datadir.c): buf = <dir of the running
 * program>/../share/tarief/<sub> when that exists (a directory if want_dir,
 * else a file), else the compiled-in <PREFIX>/share/tarief/<sub>. Returns buf. */
const char *ti_data_path(char *buf, size_t size, const char *sub, bool want_dir);

/* A temporary file or directory that is not a tarief_output (the new
 * directory of `cao verhoog`, `uitvraag sjabloon`, `init`, and the files in
 * it): removed by the signal and out-of-memory handlers of output.c like
 * the temporary outputs (files first, then directories). Forget it, and
 * everything registered under it, once it is renamed into place or removed. */
void ti_tmp_register(const char *path, bool is_dir);
void ti_tmp_forget_under(const char *dir);

#endif
