/*
 * load.c - tarief_load_regio: the stages of loading a region, in order
 * (rekenmethode §1-2). Each stage has a file of its own:
 *
 *   load_regio.c       uitgangspunten.csv, functies.csv, producten.csv, functiemix.csv
 *   load_cao.c         the CAO directories they name (loaded on first use)
 *   load_aanbieder.c   an aanbieder map laid over the region (optional)
 *   load_indexreeks.c  the index series, when a product uses indexatie;vng
 *   load_check.c       the checks across rows and files
 *
 * Every problem in every file is recorded before the loader gives up, so
 * the user sees all of them at once.
 */
#include <string.h>

#include "loader.h"

const tarief_regio *tarief_load_regio(tarief_ctx *ctx, const char *dir, const tarief_load_options *opts)
{
    tarief_load_options def = {0};
    if (!opts)
        opts = &def;
    loader l = {.ctx = ctx};
    tarief_regio *r = tarief_ctx_alloc(ctx, sizeof *r);
    l.r = r;
    l.cao_map = tarief_cao_map_resolve(opts->cao_map);
    size_t before = n_errors(&l);
    ti_map_init(ctx, &l.caos, 8);
    ti_map_init(ctx, &l.cao_failed, 8);
    ti_map_init(ctx, &l.reported, 8);
    r->dir = tarief_ctx_strdup(ctx, dir);
    if (!ti_is_dir(dir)) {
        tarief_ctx_error(ctx, dir, 1, 1, NULL, "regiomap niet gevonden (verwacht een map met uitgangspunten.csv, functies.csv, producten.csv en functiemix.csv)");
        return NULL;
    }
    r->uitgangspunten_file = ti_join(ctx, dir, "uitgangspunten.csv");
    r->functies_file = ti_join(ctx, dir, "functies.csv");
    r->producten_file = ti_join(ctx, dir, "producten.csv");
    r->functiemix_file = ti_join(ctx, dir, "functiemix.csv");

    ti_load_uitgangspunten(&l);
    ti_load_functies(&l);
    ti_load_producten(&l, r->producten_file, NULL);
    ti_load_functiemix(&l, r->functiemix_file, NULL);
    if (opts->overlay)
        ti_load_overlay(&l, opts->overlay);
    ti_load_indexreeks(&l);
    /* The cross-file checks run even when a file had problems, so every
     * problem is reported at once; they skip what could not be read
     * (a functie without cao, a mix row without functie). */
    ti_check_products(&l);
    ti_check_indexatie(&l);

    r->bestanden = l.files;
    r->n_bestanden = l.n_files;
    tmap *ix = tarief_ctx_alloc(ctx, sizeof *ix);
    *ix = l.producten;
    r->index_ = ix;
    /* workbook rows, plausible ranges, finite results (limieten.c) */
    ti_check_limieten(ctx, r, opts->streng, n_errors(&l) == before);
    if (n_errors(&l) != before)
        return NULL;
    return r;
}

const tarief_product *tarief_regio_product(const tarief_regio *r, const char *code)
{
    if (!r->index_)
        return NULL;
    return ti_map_get((const tmap *)r->index_, code);
}
