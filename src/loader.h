/*
 * loader.h - shared by the stages of loading (load_*.c) and by
 * controleer.c; not part of the public API.
 *
 *   load.c             the entry point: the stages in order
 *   load_regio.c       the region's four CSV files
 *   load_cao.c         a CAO directory
 *   load_aanbieder.c   an aanbieder map laid over the region
 *   load_indexreeks.c  the index series of indexatie;vng
 *   load_check.c       checks across rows and files
 *   load_fields.c      columns, cells, numbers and values, reading files
 */
#ifndef TARIEF_LOADER_H
#define TARIEF_LOADER_H

#include "internal.h"

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))

typedef struct loader {
    tarief_ctx *ctx;
    tarief_regio *r;
    const char *cao_map;
    tmap caos;        /* id -> tarief_cao* (NULL value stored as sentinel) */
    tmap cao_failed;  /* id -> non-NULL when loading failed */
    tmap functies;    /* naam -> tarief_functie* */
    tmap producten;   /* code -> tarief_product* */
    tmap reported;    /* messages reported once */
    tmap salarissen;  /* "<cao address>\x1f<schaal>\x1f<trede>" -> tarief_salaris*, every
                       * cao read; cap 0 until the first salary table */
    const tarief_csv *producten_csv; /* to echo a product's line in later checks */
    size_t errors_before;
    /* growable list of files read */
    tarief_invoerbestand *files;
    size_t n_files, cap_files;
} loader;

/*
 * An aanbieder map (tarief_load_options.overlay) is read by the region's
 * loaders, given one of these: then every file is optional, holds only what
 * differs, and is merged into the region (rules: load_aanbieder.c).
 */
typedef struct aanbieder {
    const tarief_cao *cao; /* its default cao for its own functies rows */
    tarief_bron cao_bron;  /* where it named that cao; file is NULL when it did not */
} aanbieder;

static inline size_t n_errors(loader *l)
{
    return tarief_diag_total(tarief_ctx_diag(l->ctx));
}

/* --- load_fields.c: columns ------------------------------------------------ */

typedef struct colspec {
    const char *name;
    bool required;
} colspec;

#define MAX_COLS 64

typedef struct columns {
    int idx[MAX_COLS];   /* per spec entry: cell index or -1 */
    int bron;            /* index of the bron/toelichting column, or -1 */
    size_t n_header;
} columns;

/* The known name nearest to word, or NULL if none is near or two different
 * names are equally near (a wrong hint is worse than none). */
const char *ti_suggest(const char *word, const char *const *names, size_t n);
/* " (bedoelt u 'x'?)" for a near miss, else "". */
const char *ti_did_you_mean(loader *l, const char *word, const char *const *names, size_t n);
/* " (bedoelt u 'X'?)" when a key of m differs from word only in case. */
const char *ti_same_but_case(loader *l, const char *word, const tmap *m);
/* Map the header to the spec; report unknown, duplicate, missing columns.
 * what names the file in messages ("producten.csv"). */
bool ti_map_columns(loader *l, const tarief_csv *t, const colspec *spec, size_t nspec, columns *c,
                    const char *what);
/* The cell of column idx (-1: none), an empty cell when the row is short. */
const tarief_csv_cell *ti_cell_at(const tarief_csv_row *row, int idx);
/* Column of a missing/empty cell: where it would be, or the end of the row. */
int ti_cell_col(const tarief_csv_row *row, int idx);
/* The data row of t after prev (the first when prev is NULL), passing over
 * rows with more fields than the header (reported); NULL after the last. */
const tarief_csv_row *ti_next_row(loader *l, const tarief_csv *t, const tarief_csv_row *prev);
tarief_bron ti_mkbron(const tarief_csv *t, const tarief_csv_row *row, const tarief_csv_cell *cell, int bron_idx);
/* The text of a data line of t, to echo under a message about it. */
const char *ti_line_of(const tarief_csv *t, int line);
const char *ti_product_line(const loader *l, int line);

/* --- load_fields.c: values ------------------------------------------------- */

/* A number as people type it, in the file's dialect (one parser for all:
 * tarief_parse_number); a Dutch message at the cell when it is not one. */
bool ti_parse_num_cell(loader *l, const tarief_csv *t, const tarief_csv_row *row, const tarief_csv_cell *cell,
                       bool percent, const char *name, double *out);
/* Whether s is a year from 1900 to 2200; the year in *y. */
bool ti_parse_jaar(const char *s, long *y);
/* A parameter of rekenmethode §2.2 (id) from its cell, checked. */
bool ti_parse_param_cell(loader *l, const tarief_csv *t, const tarief_csv_row *row, const tarief_csv_cell *cell,
                         int id, int bron_idx, tarief_param *out);

/* --- load_fields.c: files -------------------------------------------------- */

char *ti_join(tarief_ctx *ctx, const char *dir, const char *name);
bool ti_is_dir(const char *p);
bool ti_is_file(const char *p);
/* Read a CSV file; checksum: list it among the region's input files. */
const tarief_csv *ti_read_csv(loader *l, const char *path, bool checksum);
/* A file of the region, or of an aanbieder's map: there every file is
 * optional (NULL when it is not there). */
const tarief_csv *ti_read_invoer(loader *l, const char *path, const aanbieder *a);

/* --- load_cao.c ------------------------------------------------------------ */

/* The key of a (schaal, trede) row of cao c in l->salarissen. */
char *ti_salaris_key(loader *l, const tarief_cao *c, const char *schaal, const char *trede);
/* The CAO with this id, loading it on first use; NULL (reported at the
 * referencing cell) if it does not exist or is invalid. */
const tarief_cao *ti_get_cao(loader *l, const char *id, const tarief_csv *t, const tarief_csv_row *row,
                             const tarief_csv_cell *cell);

/* --- load_regio.c: the region's files, also read for an aanbieder ---------- */

/* One uitgangspunten.csv, the region's or an aanbieder's, as read. */
typedef struct uitgangspunten {
    const tarief_csv *t;
    tarief_regel *regels; /* every line with a known parameter, in file order */
    size_t n_regels;
    tarief_param params[TARIEF_P_COUNT];
    tarief_param naam, tariefjaar, cao, indexreeks;
    const tarief_csv_row *cao_row; /* where cao was named, to report a missing one */
    const tarief_csv_cell *cao_cell;
} uitgangspunten;

/* The functies of one functies.csv, the region's or an aanbieder's. */
typedef struct functies {
    tarief_functie *f;
    size_t n;
    tmap index; /* naam -> functie */
} functies;

/* The region's own files, into l->r. */
void ti_load_uitgangspunten(loader *l);
void ti_load_functies(loader *l);
/* Also read for an aanbieder (a non-NULL): see load_aanbieder.c. */
bool ti_read_uitgangspunten(loader *l, const char *path, aanbieder *a, uitgangspunten *u);
bool ti_read_functies(loader *l, const char *path, const aanbieder *a, functies *fs);
void ti_load_producten(loader *l, const char *path, const aanbieder *a);
void ti_load_functiemix(loader *l, const char *path, const aanbieder *a);

/* Merge one level's parameters (region or product) with an aanbieder's. */
void ti_overlay_params(tarief_param *base, const tarief_param *ov);

/* --- load_aanbieder.c ------------------------------------------------------ */

void ti_load_overlay(loader *l, const char *dir);

/* --- load_indexreeks.c ----------------------------------------------------- */

/* Whether product p uses indexatie;vng (its own setting, else the region's). */
bool ti_uses_vng(const tarief_regio *r, const tarief_product *p);
/* Load the index series when some product uses indexatie;vng. */
void ti_load_indexreeks(loader *l);

/* --- load_check.c ---------------------------------------------------------- */

/* The first niet-productief component set in params, or -1. */
int ti_eerste_onderdeel(const tarief_param *params);
/* productiviteit and its components are one choice: both in one file is an
 * error (reported; returns true). */
bool ti_productiviteit_en_onderdelen(loader *l, const tarief_csv *t, const tarief_param *params);
/* Overhead as aandeel of the kostprijs must stay below 100 %: reported at
 * `at` (a line of t) when params break that. */
void ti_check_overhead_aandeel(loader *l, const tarief_csv *t, const tarief_param *params, const tarief_bron *at);
/* Per product, across files: the productiviteit choice, overhead, the CAO
 * parameters each functie of the mix needs. */
void ti_check_products(loader *l);
/* Every product with indexatie;vng must be computable from the series. */
void ti_check_indexatie(loader *l);

#endif
