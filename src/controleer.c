/*
 * controleer.c - `controleer`: a published tariff list held against the
 * computed tariffs. Nothing here recomputes a tariff; every number is read
 * from tarief_afleiding.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

const tarief_controle *tarief_controleer(tarief_ctx *ctx, const tarief_regio *r, const tarief_afleiding *a,
                                         const char *path, double marge, size_t *n)
{
    size_t before = tarief_diag_total(tarief_ctx_diag(ctx));
    const tarief_csv *t = tarief_csv_read(ctx, path);
    if (!t)
        return NULL;
    int ic = -1, it = -1, ie = -1;
    for (size_t h = 0; h < t->header.n; h++) {
        const tarief_csv_cell *cell = &t->header.cells[h];
        const char *nm = cell->text;
        if (strcasecmp(nm, "code") == 0)
            ic = (int)h;
        else if (strcasecmp(nm, "tarief") == 0)
            it = (int)h;
        else if (strcasecmp(nm, "eenheid") == 0)
            ie = (int)h;
        else if (!nm[0] || nm[0] == '#' || !strcasecmp(nm, "eenheid") || !strcasecmp(nm, "bron") ||
                 !strcasecmp(nm, "naam") || !strcasecmp(nm, "toelichting") || !strcasecmp(nm, "omschrijving"))
            ;
        else
            tarief_ctx_error(ctx, path, cell->line, cell->column, t->header.source_line,
                             "onbekende kolom '%s' (verwacht code;tarief, en eventueel eenheid, naam, bron)", nm);
    }
    if (ic < 0)
        tarief_ctx_error(ctx, path, t->header.line, 1, t->header.source_line, "verplichte kolom 'code' ontbreekt");
    if (it < 0)
        tarief_ctx_error(ctx, path, t->header.line, 1, t->header.source_line, "verplichte kolom 'tarief' ontbreekt");
    if (tarief_diag_total(tarief_ctx_diag(ctx)) != before)
        return NULL;
    tarief_controle *res = tarief_ctx_alloc(ctx, (t->n_rows + r->n_producten + 1) * sizeof *res);
    bool *seen = calloc(r->n_producten + 1, 1);
    tmap dup;
    tmap_init(ctx, &dup, t->n_rows);
    size_t k = 0;
    for (size_t i = 0; i < t->n_rows; i++) {
        const tarief_csv_row *row = &t->rows[i];
        const tarief_csv_cell *cc = (size_t)ic < row->n ? &row->cells[ic] : NULL;
        const tarief_csv_cell *tc = (size_t)it < row->n ? &row->cells[it] : NULL;
        if (!cc || !cc->text[0]) {
            tarief_ctx_error(ctx, path, row->line, 1, row->source_line, "productcode ontbreekt");
            continue;
        }
        const char *txt = tc ? tc->text : "";
        while (strncmp(txt, "€", strlen("€")) == 0 || *txt == ' ')
            txt += (*txt == ' ') ? 1 : strlen("€");
        double v;
        if (!tc || !tarief_parse_number(txt, t->delim, false, &v)) {
            tarief_ctx_error(ctx, path, row->line, tc ? tc->column : 1, row->source_line,
                             "ongeldig tarief '%s' voor product '%s' (%s)", tc ? tc->text : "", cc->text,
                             t->delim == ';' ? "verwacht een bedrag met decimale komma, zoals 78,00"
                                             : "verwacht een bedrag met decimale punt, zoals 78.00");
            continue;
        }
        const tarief_controle *prev = tmap_put(ctx, &dup, cc->text, (void *)1) ? &res[0] : NULL;
        if (prev) {
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
        c->status = fabs(c->verschil) <= marge + 1e-9 ? TARIEF_CONTROLE_OK : TARIEF_CONTROLE_AFWIJKING;
        /* a tariff per week is not the same tariff per uur */
        const tarief_csv_cell *ec = ie >= 0 && (size_t)ie < row->n ? &row->cells[ie] : NULL;
        if (ec && ec->text[0]) {
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
