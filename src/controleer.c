/*
 * controleer.c - `controleer`: a published tariff list held against the
 * computed tariffs, the tariff and, where the list has them, the elements
 * of the opbouw. The list is read with the loader's own column mapping and
 * number reading (load_fields.c). Nothing here recomputes a tariff; every
 * number is read from tarief_afleiding.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "loader.h"

/* The columns of a published list: those of the CSV of §5 (render.c), and
 * the indexation columns of --csv-indexatie, the pgb tariffs and the ort per
 * functie, which are not checked. */
enum { C_CODE, C_TARIEF, C_EENHEID, C_NAAM, C_IDX_PCT, C_IDX_VORM, C_PRIJSPEIL, C_IDX_AFL, C_PGB_PROF, C_PGB_INF,
       C_ORT_FUNCTIE, C_ELEMENT };

static bool within(double verschil, double marge)
{
    return fabs(verschil) <= marge + 1e-9;
}

/* A published amount may start with "€ ". */
static const char *zonder_euroteken(const char *txt)
{
    while (strncmp(txt, "€", strlen("€")) == 0 || *txt == ' ')
        txt += (*txt == ' ') ? 1 : strlen("€");
    return txt;
}

const tarief_controle *tarief_controleer(tarief_ctx *ctx, const tarief_regio *r, const tarief_afleiding *a,
                                         const char *path, double marge, size_t *n)
{
    size_t before = tarief_diag_total(tarief_ctx_diag(ctx));
    tarief_regio leeg = {0};
    loader l = {.ctx = ctx, .r = &leeg};
    ti_map_init(ctx, &l.reported, 8);
    const tarief_csv *t = ti_read_csv(&l, path, false);
    if (!t)
        return NULL;
    colspec spec[C_ELEMENT + TARIEF_E_COUNT] = {
        {"code", true}, {"tarief", true}, {"eenheid", false}, {"naam", false},
        {"indexatie_percentage", false}, {"indexatie_vorm", false}, {"prijspeil", false}, {"indexatie_afleiding", false},
        {"pgb_professioneel", false}, {"pgb_informeel", false}, {"ort_per_functie", false}};
    for (int k = 0; k < TARIEF_E_COUNT; k++)
        spec[C_ELEMENT + k] = (colspec){tarief_element_info_get((tarief_element)k)->kolom, false};
    columns cols;
    if (!ti_map_columns(&l, t, spec, COUNT_OF(spec), &cols, "de gepubliceerde lijst"))
        return NULL;
    tarief_controle *res = tarief_ctx_alloc(ctx, (t->n_rows + r->n_producten + 1) * sizeof *res);
    bool *seen = calloc(r->n_producten + 1, 1);
    tmap dup;
    ti_map_init(ctx, &dup, t->n_rows);
    size_t k = 0;
    for (const tarief_csv_row *row = ti_next_row(&l, t, NULL); row; row = ti_next_row(&l, t, row)) {
        const tarief_csv_cell *cc = ti_cell_at(row, cols.idx[C_CODE]);
        if (!cc->text[0]) {
            tarief_ctx_error(ctx, path, row->line, 1, row->source_line, "productcode ontbreekt");
            continue;
        }
        /* the tariff and every element given, each read as the loader reads a number */
        double v;
        tarief_csv_cell tc = *ti_cell_at(row, cols.idx[C_TARIEF]);
        tc.text = zonder_euroteken(tc.text);
        bool ok = ti_parse_num_cell(&l, t, row, &tc, false,
                                    ti_ctx_printf(ctx, "het tarief van product '%s'", cc->text), &v);
        double element[TARIEF_E_COUNT];
        const tarief_csv_cell *ecell[TARIEF_E_COUNT];
        for (int e = 0; e < TARIEF_E_COUNT; e++) {
            tarief_csv_cell ec = *ti_cell_at(row, cols.idx[C_ELEMENT + e]);
            ecell[e] = NULL;
            if (!ec.text[0])
                continue;
            ec.text = zonder_euroteken(ec.text);
            if (ti_parse_num_cell(&l, t, row, &ec, false,
                                  ti_ctx_printf(ctx, "%s van product '%s'",
                                                    tarief_element_info_get((tarief_element)e)->kolom, cc->text),
                                  &element[e]))
                ecell[e] = ti_cell_at(row, cols.idx[C_ELEMENT + e]);
            else
                ok = false;
        }
        if (!ok)
            continue;
        if (ti_map_put(ctx, &dup, cc->text, (void *)1)) {
            tarief_ctx_error(ctx, path, cc->line, cc->column, row->source_line,
                             "productcode '%s' staat twee keer in de gepubliceerde lijst", cc->text);
            continue;
        }
        tarief_controle *c = &res[k++];
        c->code = cc->text;
        c->gepubliceerd = v;
        c->bron = (tarief_bron){path, row->line, cc->column, NULL};
        const tarief_product *p = tarief_regio_product(r, cc->text);
        if (!p) {
            c->status = TARIEF_CONTROLE_ONBEKEND;
            continue;
        }
        size_t idx = (size_t)(p - r->producten);
        seen[idx] = true;
        c->afleiding = &a[idx];
        c->berekend = a[idx].tarief;
        c->verschil = v - a[idx].tarief;
        c->status = within(c->verschil, marge) ? TARIEF_CONTROLE_OK : TARIEF_CONTROLE_AFWIJKING;
        for (int e = 0; e < TARIEF_E_COUNT; e++) {
            if (!ecell[e])
                continue;
            c->element_gegeven[e] = true;
            c->element_gepubliceerd[e] = element[e];
            c->element_verschil[e] = element[e] - a[idx].element[e];
            c->element_bron[e] = (tarief_bron){path, ecell[e]->line, ecell[e]->column, NULL};
            if (!within(c->element_verschil[e], marge)) {
                c->element_afwijkend[e] = true;
                c->status = TARIEF_CONTROLE_AFWIJKING;
            }
        }
        /* a tariff per week is not the same tariff per uur */
        const tarief_csv_cell *ec = ti_cell_at(row, cols.idx[C_EENHEID]);
        if (ec->text[0]) {
            c->eenheid = ec->text;
            if (strcasecmp(ec->text, tarief_eenheid_naam(p->eenheid)) != 0) {
                c->eenheid_afwijkend = true;
                c->status = TARIEF_CONTROLE_AFWIJKING;
            }
        }
    }
    for (size_t i = 0; i < r->n_producten; i++) {
        if (seen[i])
            continue;
        tarief_controle *c = &res[k++];
        c->code = r->producten[i].code;
        c->status = TARIEF_CONTROLE_NIET_GEPUBLICEERD;
        c->afleiding = &a[i];
        c->berekend = a[i].tarief;
    }
    free(seen);
    if (tarief_diag_total(tarief_ctx_diag(ctx)) != before)
        return NULL;
    *n = k;
    return res;
}
