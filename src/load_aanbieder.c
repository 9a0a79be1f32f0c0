/*
 * load_aanbieder.c - an aanbieder map laid over the region (tarief_load_options.
 * overlay): only the merging; the files are read by the region's readers.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "loader.h"

/* --- overlay: an aanbieder map that holds only what differs ------------------ */

/*
 * tarief_load_options.overlay: a directory in the same formats, every file
 * optional, holding only what differs from the region. Merge rules (also in
 * docs/vergelijk-en-verschil.md, "Samenvoegregels"):
 *
 *   uitgangspunten.csv  every parameter it sets replaces the region's, one by
 *                       one; productiviteit and its six components are one
 *                       choice, so giving productiviteit drops the region's
 *                       components and giving a component drops the region's
 *                       productiviteit (the aanbieder's form wins).
 *                       `aanbieder` (or `regio`) names the aanbieder; `cao` is
 *                       the default CAO of the aanbieder's own functies rows;
 *                       `tariefjaar`, when given, must equal the region's.
 *   functies.csv        a row replaces the region's functie of the same name
 *                       (in every functiemix that uses it) or adds a new one;
 *                       a row without cao takes the aanbieder's `cao`, else
 *                       the region's.
 *   functiemix.csv      the rows of a product replace that product's whole
 *                       mix (and must again sum to 100 %).
 *   producten.csv       a row changes the region's product with the same
 *                       code: every non-empty cell wins, with the same
 *                       productiviteit rule per product; `eenheid`, when
 *                       given, must equal the region's; an unknown code is
 *                       an error (there is nothing to compare it with).
 *
 * The files are read by the region's own readers (read_uitgangspunten,
 * read_functies, load_producten, load_functiemix, given an aanbieder), so
 * every check of a region's row holds for an aanbieder's row too; only the
 * merging is here.
 */

/* Every parameter replaces the region's (productiviteit and its components
 * as one choice); the aanbieder's default cao goes into a. */
static void overlay_uitgangspunten(loader *l, const char *path, aanbieder *a)
{
    tarief_regio *r = l->r;
    uitgangspunten u;
    if (!ti_read_uitgangspunten(l, path, a, &u))
        return;
    const tarief_param *ov = u.params;
    bool beide = ti_productiviteit_en_onderdelen(l, u.t, ov);
    if (u.naam.set) {
        r->naam = u.naam.tekst;
        r->regio_p = u.naam;
    }
    ti_overlay_params(r->params, ov);
    /* the merged uitgangspunten, for display: the region's lines with the
     * aanbieder's values, lines whose parameter was dropped left out, then
     * the aanbieder's own lines */
    tarief_regel *regels = tarief_ctx_alloc(l->ctx, (r->n_regels + u.n_regels + 1) * sizeof *regels);
    size_t n_regels = 0;
    for (size_t k = 0; k < r->n_regels; k++) {
        const tarief_regel *rg = &r->regels[k];
        if (rg->param >= 0 && !r->params[rg->param].set)
            continue;
        bool vervangen = false;
        for (size_t j = 0; j < u.n_regels; j++)
            if (strcasecmp(u.regels[j].naam, rg->naam) == 0 ||
                (strcasecmp(rg->naam, "regio") == 0 && strcasecmp(u.regels[j].naam, "aanbieder") == 0))
                vervangen = true;
        if (!vervangen)
            regels[n_regels++] = *rg;
    }
    for (size_t j = 0; j < u.n_regels; j++)
        regels[n_regels++] = u.regels[j];
    r->regels = regels;
    r->n_regels = n_regels;

    /* the merged region must still be computable */
    double sum = 0;
    int last = -1;
    for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
        if (r->params[TARIEF_P_COMPONENT_FIRST + k].set) {
            sum += r->params[TARIEF_P_COMPONENT_FIRST + k].waarde;
            if (ov[TARIEF_P_COMPONENT_FIRST + k].set)
                last = TARIEF_P_COMPONENT_FIRST + k;
        }
    if (!beide && last >= 0 && !(1 - sum > 0)) {
        char b[32];
        const tarief_param *p = &r->params[last];
        tarief_ctx_error(l->ctx, p->bron.file, p->bron.line, p->bron.column, ti_line_of(u.t, p->bron.line),
                         "de niet-productieve onderdelen zijn samen met die van de regio %s: de productiviteit moet groter dan 0 %% zijn",
                         tarief_fmt_pct(b, sizeof b, sum));
    }
    if (ov[TARIEF_P_OVERHEAD].set || ov[TARIEF_P_OVERHEAD_GRONDSLAG].set)
        ti_check_overhead_aandeel(l, u.t, r->params,
                               ov[TARIEF_P_OVERHEAD].set ? &r->params[TARIEF_P_OVERHEAD].bron
                                                         : &r->params[TARIEF_P_OVERHEAD_GRONDSLAG].bron);
}

/* A row replaces the region's functie of the same name, in every functiemix
 * that uses it, or adds a new one. */
static void overlay_functies(loader *l, const char *path, const aanbieder *a)
{
    tarief_regio *r = l->r;
    functies eigen;
    if (!ti_read_functies(l, path, a, &eigen))
        return;
    /* a new array: replaced functies keep their index, new ones are added;
     * the mix rows are pointed into it below */
    tarief_functie *oud = r->functies;
    tarief_functie *nf = tarief_ctx_alloc(l->ctx, (r->n_functies + eigen.n + 1) * sizeof *nf);
    if (r->n_functies)
        memcpy(nf, oud, r->n_functies * sizeof *nf);
    size_t n = r->n_functies;
    for (size_t i = 0; i < eigen.n; i++) {
        tarief_functie *bestaand = ti_map_get(&l->functies, eigen.f[i].naam);
        if (bestaand && bestaand >= oud && bestaand < oud + r->n_functies)
            nf[bestaand - oud] = eigen.f[i];
        else
            nf[n++] = eigen.f[i];
    }
    /* point every mix row and the name index at the new array */
    for (size_t i = 0; i < r->n_producten; i++)
        for (size_t j = 0; j < r->producten[i].n_mix; j++) {
            const tarief_functie *mf = r->producten[i].mix[j].functie;
            if (mf && mf >= oud && mf < oud + r->n_functies)
                r->producten[i].mix[j].functie = nf + (mf - oud);
        }
    ti_map_init(l->ctx, &l->functies, n);
    for (size_t k = 0; k < n; k++)
        ti_map_put(l->ctx, &l->functies, nf[k].naam, &nf[k]);
    r->functies = nf;
    r->n_functies = n;
}

void ti_load_overlay(loader *l, const char *dir)
{
    if (!ti_is_dir(dir)) {
        tarief_ctx_error(l->ctx, dir, 1, 1, NULL,
                         "aanbiedermap niet gevonden (verwacht een map met de bestanden die afwijken van de regio: uitgangspunten.csv, functies.csv, functiemix.csv en/of producten.csv)");
        return;
    }
    aanbieder ov = {0};
    overlay_uitgangspunten(l, ti_join(l->ctx, dir, "uitgangspunten.csv"), &ov);
    overlay_functies(l, ti_join(l->ctx, dir, "functies.csv"), &ov);
    ti_load_producten(l, ti_join(l->ctx, dir, "producten.csv"), &ov);
    ti_load_functiemix(l, ti_join(l->ctx, dir, "functiemix.csv"), &ov);
}
