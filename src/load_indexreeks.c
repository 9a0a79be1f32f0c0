/*
 * load_indexreeks.c - the index series for indexatie;vng (OVA and PPC per year).
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

/* --- index series (indexatie;vng) ------------------------------------------- */

const char *tarief_indexreeks_resolve(const char *path)
{
    if (path)
        return path;
    if (ti_is_file("data/index/ova-ppc.csv"))
        return "data/index/ova-ppc.csv";
    static char buf[4096]; /* datadir.c: next to the program, else PREFIX */
    return ti_data_path(buf, sizeof buf, "index/ova-ppc.csv", false);
}

static tarief_indexreeks *load_indexreeks_file(loader *l, const char *path, bool checksum)
{
    size_t before = n_errors(l);
    const tarief_csv *t = ti_read_csv(l, path, checksum);
    if (!t)
        return NULL;
    enum { I_JAAR, I_OVA_V, I_OVA_D, I_PPC_V, I_PPC_D };
    static const colspec spec[] = {{"jaar", true}, {"ova_voorlopig", true}, {"ova_definitief", false},
                                   {"ppc_voorlopig", true}, {"ppc_definitief", false}};
    columns cols;
    if (!ti_map_columns(l, t, spec, 5, &cols, "de indexreeks"))
        return NULL;
    tarief_indexreeks *s = tarief_ctx_alloc(l->ctx, sizeof *s);
    s->path = tarief_ctx_strdup(l->ctx, path);
    s->rijen = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *s->rijen);
    tmap seen;
    ti_map_init(l->ctx, &seen, t->n_rows);
    for (const tarief_csv_row *row = ti_next_row(l, t, NULL); row; row = ti_next_row(l, t, row)) {
        const tarief_csv_cell *jc = ti_cell_at(row, cols.idx[I_JAAR]);
        if (!jc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[I_JAAR]), row->source_line,
                             "jaar ontbreekt");
            continue;
        }
        long y;
        if (!ti_parse_jaar(jc->text, &y)) {
            tarief_ctx_error(l->ctx, t->path, jc->line, jc->column, row->source_line,
                             "ongeldig jaar '%s': verwacht een jaartal zoals 2025", jc->text);
            continue;
        }
        tarief_indexrij *rij = &s->rijen[s->n_rijen];
        const tarief_indexrij *prev = ti_map_put(l->ctx, &seen, ti_ctx_printf(l->ctx, "%ld", y), rij);
        if (prev) {
            tarief_ctx_error(l->ctx, t->path, jc->line, jc->column, row->source_line,
                             "jaar %ld staat er twee keer in (eerder op regel %d)", y, prev->bron.line);
            continue;
        }
        s->n_rijen++; /* kept even when a figure is bad: then the whole series is refused */
        rij->jaar = (int)y;
        rij->bron = ti_mkbron(t, row, jc, cols.bron);
        struct { int col; tarief_param *dst; const char *naam; bool nodig; } figs[] = {
            {I_OVA_V, &rij->ova_voorlopig, "ova_voorlopig", true},
            {I_OVA_D, &rij->ova_definitief, "ova_definitief", false},
            {I_PPC_V, &rij->ppc_voorlopig, "ppc_voorlopig", true},
            {I_PPC_D, &rij->ppc_definitief, "ppc_definitief", false},
        };
        for (size_t k = 0; k < 4; k++) {
            const tarief_csv_cell *vc = ti_cell_at(row, cols.idx[figs[k].col]);
            tarief_param *dst = figs[k].dst;
            dst->tekst = vc->text;
            dst->bron = ti_mkbron(t, row, vc, cols.bron);
            dst->bron.column = ti_cell_col(row, cols.idx[figs[k].col]);
            if (!vc->text[0]) {
                /* a definitive figure not yet published; a provisional one is needed */
                if (figs[k].nodig) {
                    tarief_ctx_error(l->ctx, t->path, row->line, dst->bron.column, row->source_line,
                                     "%s van %ld ontbreekt: een jaar staat pas in de indexreeks als de voorlopige OVA en PPC bekend zijn",
                                     figs[k].naam, y);
                }
                continue;
            }
            double v;
            if (!ti_parse_num_cell(l, t, row, vc, true, figs[k].naam, &v))
                continue;
            if (!(v > -1 && v < 1)) {
                tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                                 "%s van %ld moet tussen -100 %% en 100 %% liggen, gevonden '%s'", figs[k].naam, y,
                                 vc->text);
                continue;
            }
            dst->waarde = v;
            dst->set = true;
        }
    }
    return n_errors(l) == before ? s : NULL;
}

const tarief_indexreeks *tarief_indexreeks_read(tarief_ctx *ctx, const char *path)
{
    loader l = {.ctx = ctx};
    tarief_regio dummy = {0};
    l.r = &dummy;
    return load_indexreeks_file(&l, path, false);
}

/* The indexatie setting that applies to p (product row, else region). */
static const tarief_param *indexatie_setting(const tarief_regio *r, const tarief_product *p)
{
    return p->params[TARIEF_P_INDEXATIE].set ? &p->params[TARIEF_P_INDEXATIE] : &r->params[TARIEF_P_INDEXATIE];
}

bool ti_uses_vng(const tarief_regio *r, const tarief_product *p)
{
    const tarief_param *ix = indexatie_setting(r, p);
    return ix->set && ix->keuze == TARIEF_INDEXATIE_VNG;
}

/* Load the index series when some product uses indexatie;vng. */
void ti_load_indexreeks(loader *l)
{
    tarief_regio *r = l->r;
    const tarief_product *eerste = NULL;
    for (size_t i = 0; i < r->n_producten && !eerste; i++)
        if (ti_uses_vng(r, &r->producten[i]))
            eerste = &r->producten[i];
    if (!eerste)
        return;
    const char *path;
    if (r->indexreeks_p.set) {
        const char *w = r->indexreeks_p.tekst;
        path = w[0] == '/' ? w : ti_join(l->ctx, r->dir, w);
        if (!ti_is_file(path)) {
            const tarief_bron *b = &r->indexreeks_p.bron;
            tarief_ctx_error(l->ctx, b->file, b->line, b->column, NULL,
                             "indexreeks '%s' niet gevonden (gezocht: %s; een relatief pad geldt vanaf de regiomap)", w,
                             path);
            return;
        }
    } else {
        path = tarief_indexreeks_resolve(NULL);
        if (!ti_is_file(path)) {
            const tarief_bron *b = &indexatie_setting(r, eerste)->bron;
            tarief_ctx_error(l->ctx, b->file, b->line, b->column, NULL,
                             "indexatie 'vng' rekent met een indexreeks, maar data/index/ova-ppc.csv (in de huidige map) en %s bestaan niet: zet 'indexreeks' in uitgangspunten.csv",
                             path);
            return;
        }
    }
    r->indexreeks = load_indexreeks_file(l, path, true);
}
