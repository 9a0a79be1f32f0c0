/*
 * load_check.c - the checks across rows and files of a loaded region: the
 * productiviteit choice, overhead as aandeel, CAO parameters per functie,
 * the VNG indexation of every product.
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

int ti_eerste_onderdeel(const tarief_param *params)
{
    for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
        if (params[TARIEF_P_COMPONENT_FIRST + k].set)
            return TARIEF_P_COMPONENT_FIRST + k;
    return -1;
}

/* productiviteit and its components are one choice: both in one file is an
 * error (reported; returns true). */
bool ti_productiviteit_en_onderdelen(loader *l, const tarief_csv *t, const tarief_param *params)
{
    int first_comp = ti_eerste_onderdeel(params);
    if (!params[TARIEF_P_PRODUCTIVITEIT].set || first_comp < 0)
        return false;
    const tarief_param *p = &params[first_comp];
    tarief_ctx_error(l->ctx, t->path, p->bron.line, 1, ti_line_of(t, p->bron.line),
                     "geef óf productiviteit óf de niet-productieve onderdelen (verlof, verzuim, scholing, werkoverleg, indirecte_tijd, overig_niet_productief), niet allebei: productiviteit staat al op regel %d",
                     params[TARIEF_P_PRODUCTIVITEIT].bron.line);
    return true;
}

/* Overhead as aandeel of the kostprijs must stay below 100 %: reported at
 * `at` (a line of t) when params break that. */
void ti_check_overhead_aandeel(loader *l, const tarief_csv *t, const tarief_param *params, const tarief_bron *at)
{
    const tarief_param *g = &params[TARIEF_P_OVERHEAD_GRONDSLAG], *o = &params[TARIEF_P_OVERHEAD];
    if (g->set && g->keuze == TARIEF_GRONDSLAG_AANDEEL && o->set && !(o->waarde < 1))
        tarief_ctx_error(l->ctx, at->file, at->line, at->column, ti_line_of(t, at->line),
                         "overhead van %s kan niet als aandeel van de kostprijs: moet kleiner dan 100 %% zijn", o->tekst);
}

/* --- per-product resolution checks ------------------------------------------- */

static void report_once(loader *l, const char *key, const char *file, int line, int col, const char *msg)
{
    if (ti_map_get(&l->reported, key))
        return;
    ti_map_put(l->ctx, &l->reported, tarief_ctx_strdup(l->ctx, key), (void *)1);
    tarief_ctx_error(l->ctx, file, line, col, NULL, "%s", msg);
}

/* True if the product's own row in producten.csv already has a problem:
 * its values are incomplete, so the cross-file checks skip it rather than
 * report follow-on errors (an invalid `indexatie` falling back to the
 * region's, say). */
static bool row_has_problem(const loader *l, const tarief_product *p)
{
    const tarief_diag *d = tarief_ctx_diag(l->ctx);
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].line == p->bron.line && d->items[i].file && p->bron.file &&
            strcmp(d->items[i].file, p->bron.file) == 0)
            return true;
    return false;
}

void ti_check_products(loader *l)
{
    tarief_regio *r = l->r;
    bool region_components = false;
    for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
        if (r->params[TARIEF_P_COMPONENT_FIRST + k].set)
            region_components = true;
    for (size_t i = 0; i < r->n_producten; i++) {
        const tarief_product *p = &r->producten[i];
        if (row_has_problem(l, p))
            continue;
        const tarief_param *pp = &p->params[TARIEF_P_PRODUCTIVITEIT];
        int first_comp = -1;
        double comp_sum = 0;
        for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++) {
            int id = TARIEF_P_COMPONENT_FIRST + k;
            if (p->params[id].set && first_comp < 0)
                first_comp = id;
            comp_sum += p->params[id].set ? p->params[id].waarde : r->params[id].waarde;
        }
        if (pp->set && first_comp >= 0) {
            tarief_ctx_error(l->ctx, p->params[first_comp].bron.file, p->params[first_comp].bron.line,
                             p->params[first_comp].bron.column, ti_product_line(l, p->params[first_comp].bron.line),
                             "product '%s' geeft zowel productiviteit als het niet-productieve onderdeel '%s': geef één van beide",
                             p->code, tarief_param_info_get((tarief_param_id)first_comp)->naam);
        } else if (first_comp >= 0 && !region_components && r->params[TARIEF_P_PRODUCTIVITEIT].set) {
            tarief_ctx_error(l->ctx, p->params[first_comp].bron.file, p->params[first_comp].bron.line,
                             p->params[first_comp].bron.column, ti_product_line(l, p->params[first_comp].bron.line),
                             "product '%s' zet het niet-productieve onderdeel '%s', maar er wordt gerekend met 'productiviteit' (%s:%d): zet voor dit product 'productiviteit'",
                             p->code, tarief_param_info_get((tarief_param_id)first_comp)->naam,
                             r->params[TARIEF_P_PRODUCTIVITEIT].bron.file, r->params[TARIEF_P_PRODUCTIVITEIT].bron.line);
        } else if (first_comp >= 0 && !(1 - comp_sum > 0)) {
            char b[32];
            tarief_ctx_error(l->ctx, p->params[first_comp].bron.file, p->params[first_comp].bron.line,
                             p->params[first_comp].bron.column, ti_product_line(l, p->params[first_comp].bron.line),
                             "product '%s': de niet-productieve onderdelen zijn samen %s, de productiviteit moet groter dan 0 %% zijn",
                             p->code, tarief_fmt_pct(b, sizeof b, comp_sum));
        }
        /* overhead as aandeel must stay below 100 % */
        const tarief_param *g = p->params[TARIEF_P_OVERHEAD_GRONDSLAG].set ? &p->params[TARIEF_P_OVERHEAD_GRONDSLAG]
                                                                            : &r->params[TARIEF_P_OVERHEAD_GRONDSLAG];
        const tarief_param *o = p->params[TARIEF_P_OVERHEAD].set ? &p->params[TARIEF_P_OVERHEAD] : &r->params[TARIEF_P_OVERHEAD];
        if (g->set && g->keuze == TARIEF_GRONDSLAG_AANDEEL && o->set && !(o->waarde < 1) &&
            (p->params[TARIEF_P_OVERHEAD_GRONDSLAG].set || p->params[TARIEF_P_OVERHEAD].set)) {
            const tarief_bron *b = p->params[TARIEF_P_OVERHEAD].set ? &p->params[TARIEF_P_OVERHEAD].bron
                                                                    : &p->params[TARIEF_P_OVERHEAD_GRONDSLAG].bron;
            tarief_ctx_error(l->ctx, r->producten_file, b->line, b->column, ti_product_line(l, b->line),
                             "product '%s': overhead van %s kan niet als aandeel van de kostprijs, moet kleiner dan 100 %% zijn",
                             p->code, o->tekst);
        }
        /* CAO parameters needed for every CAO functie in the mix */
        for (size_t j = 0; j < p->n_mix; j++) {
            const tarief_functie *f = p->mix[j].functie;
            if (!f || !f->cao)
                continue;
            static const tarief_param_id need[] = {TARIEF_P_VAKANTIETOESLAG, TARIEF_P_EINDEJAARSUITKERING,
                                                   TARIEF_P_WERKGEVERSLASTEN, TARIEF_P_JAARUREN};
            for (size_t k = 0; k < 4; k++) {
                tarief_param_id id = need[k];
                if (p->params[id].set || r->params[id].set || f->cao->params[id].set)
                    continue;
                const char *naam = tarief_param_info_get(id)->naam;
                char *key = ti_ctx_printf(l->ctx, "%s\x1f%s", f->cao->id, naam);
                char *msg = ti_ctx_printf(l->ctx,
                    "'%s' ontbreekt voor functie '%s' (cao '%s'): zet '%s' in uitgangspunten.csv of in %s",
                    naam, f->naam, f->cao->id, naam, f->cao->cao_file);
                /* reported at the functie that needs it: that row chose the cao */
                report_once(l, key, f->bron.file, f->bron.line, 1, msg);
            }
        }
    }
}

/* Every product with indexatie;vng must be computable from the series. */
void ti_check_indexatie(loader *l)
{
    tarief_regio *r = l->r;
    if (!r->indexreeks)
        return;
    for (size_t i = 0; i < r->n_producten; i++) {
        const tarief_product *p = &r->producten[i];
        if (!ti_uses_vng(r, p) || row_has_problem(l, p))
            continue;
        tarief_indexfout f = {0};
        if (!ti_indexatie_vng_product(l->ctx, r, p, &f))
            report_once(l, f.msg, f.file, f.line, f.column, f.msg);
    }
}
