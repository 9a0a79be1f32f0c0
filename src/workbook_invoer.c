/*
 * workbook_invoer.c - the input sheets of the `bereken` workbook:
 * Uitgangspunten, Producten, Functies, Functiemix, one per CAO, Indexreeks
 * and Indexatie (the VNG index per year, live).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "tarief.h"
#include "workbook_bereken.h"

/* ------------------------------------------------------------------------ */
/* sheets                                                                    */

/* Uitgangspunten: A the parameter exactly as in the file (the contract of
 * rekenmethode §5), B its Dutch label, C the value (the named cell the
 * formulas use), D bron, E vindplaats. */
static const wbb_regel_breedte U_BREEDTE = {.label = 40, .waarde = 18, .bron = 60};

void wbb_write_uitgangspunten(wb *w, lxw_worksheet *ws)
{
    const tarief_regio *r = w->r;
    static const char *const kop[U_COUNT] = {"parameter", "omschrijving", "waarde", "bron", "vindplaats"};
    const wbc_kolom breedte[] = {{U_NAAM, U_NAAM, 28},
                                 {U_LABEL, U_LABEL, U_BREEDTE.label},
                                 {U_WAARDE, U_WAARDE, U_BREEDTE.waarde},
                                 {U_BRON, U_BRON, U_BREEDTE.bron},
                                 {U_VINDPLAATS, U_VINDPLAATS, 22}};
    wbc_kop(&w->b, ws, w->f.kop, kop, U_COUNT, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 1);

    for (size_t k = 0; k < r->n_regels; k++) {
        const tarief_regel *g = &r->regels[k];
        double jaar = r->tariefjaar;
        bool is_jaar = strcmp(g->naam, "tariefjaar") == 0 && r->tariefjaar_p.set;
        wbb_put_regel(w, ws, (uint32_t)k + 1, U_NAAM, g, r->params, is_jaar ? &jaar : NULL, w->f.in.tekst, true,
                      &U_BREEDTE);
    }
    bool titel = false;
    for (int id = 0; id < TARIEF_P_COUNT; id++) {
        if (w->d_row[id] < 0)
            continue;
        if (!titel) {
            wbc_str(&w->b, ws, (uint32_t)w->d_row[id] - 1, 0,
                    "Standaardwaarden van de rekenmethode (niet gezet in uitgangspunten.csv)",
                    w->f.sectie);
            titel = true;
        }
        const tarief_param_info *pi = tarief_param_info_get((tarief_param_id)id);
        uint32_t row = (uint32_t)w->d_row[id];
        wbc_rij_voor(&w->b, ws, row, pi->label, U_BREEDTE.label);
        wbc_str(&w->b, ws, row, U_NAAM, pi->naam, NULL);
        wbc_str(&w->b, ws, row, U_LABEL, pi->label, w->f.tekst);
        wbb_put_param(w, ws, row, U_WAARDE, id, pi->standaard, (int)pi->standaard, &w->f.std);
        wbc_str(&w->b, ws, row, U_BRON, STANDAARD_BRON, NULL);
    }
}

void wbb_write_producten(wb *w, lxw_worksheet *ws)
{
    const tarief_regio *r = w->r;
    const char *kop[PR_VAST + TARIEF_P_COUNT + 1] = {
        "code", "naam", "eenheid", "uren_per_eenheid", "begeleiders", "groepsgrootte",
        "huisvesting", "verzorging"};
    for (int id = 0; id < TARIEF_P_COUNT; id++)
        if (w->p_col[id] >= 0)
            kop[w->p_col[id]] = tarief_param_info_get((tarief_param_id)id)->naam;
    kop[w->p_vindplaats_col] = "vindplaats";
    double nb = wbb_naam_breedte(w);
    const wbc_kolom breedte[] = {{PR_CODE, PR_CODE, 12},
                                 {PR_NAAM, PR_NAAM, nb},
                                 {PR_EENHEID, w->p_vindplaats_col - 1, 14},
                                 {w->p_vindplaats_col, w->p_vindplaats_col, 20}};
    wbc_kop(&w->b, ws, w->f.kop, kop, w->p_vindplaats_col + 1, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 2);
    if (r->n_producten > 0)
        wbc_check(&w->b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)r->n_producten,
                                              (lxw_col_t)w->p_vindplaats_col));

    for (size_t i = 0; i < r->n_producten; i++) {
        wbb_vg_rij(w, VG_PRODUCTEN, i);
        const tarief_product *p = &r->producten[i];
        uint32_t row = (uint32_t)i + 1;
        wbb_naam(w, ws, row, PR_NAAM, p->naam, nb);
        wbc_str(&w->b, ws, row, PR_CODE, p->code, w->f.boven);
        wbc_str(&w->b, ws, row, PR_EENHEID, tarief_eenheid_naam(p->eenheid), w->f.boven);
        wbc_num(&w->b, ws, row, PR_UREN, p->uren_per_eenheid.waarde, w->f.in.getal);
        /* method defaults (§2.2) where the row leaves the value empty */
        struct { const tarief_param *v; double std; int col; lxw_format *in, *std_f; } vast[] = {
            {&p->begeleiders, 1, PR_BEGELEIDERS, w->f.in.getal, w->f.std.getal},
            {&p->groepsgrootte, 1, PR_GROEP, w->f.in.getal, w->f.std.getal},
            {&p->huisvesting, 0, PR_HUISVESTING, w->f.in.euro, w->f.std.euro},
            {&p->verzorging, 0, PR_VERZORGING, w->f.in.euro, w->f.std.euro},
        };
        for (size_t k = 0; k < sizeof vast / sizeof vast[0]; k++) {
            if (vast[k].v->set)
                wbc_num(&w->b, ws, row, vast[k].col, vast[k].v->waarde, vast[k].in);
            else
                wbc_num(&w->b, ws, row, vast[k].col, vast[k].std, vast[k].std_f);
        }
        for (int id = 0; id < TARIEF_P_COUNT; id++) {
            if (w->p_col[id] < 0)
                continue;
            if (p->params[id].set)
                wbb_put_param(w, ws, row, w->p_col[id], id, p->params[id].waarde, p->params[id].keuze,
                          &w->f.in);
            else /* an empty input cell: type a value to override the region */
                wbc_check(&w->b,
                          worksheet_write_blank(ws, row, (lxw_col_t)w->p_col[id], w->f.in.tekst));
        }
        wbb_put_vindplaats(w, ws, row, w->p_vindplaats_col, &p->bron);
    }
}

void wbb_write_functies(wb *w, lxw_worksheet *ws)
{
    const tarief_regio *r = w->r;
    static const char *const kop[] = {"functie", "cao", "schaal", "trede", "loonkosten_per_uur",
                                      "omschrijving", "vindplaats"};
    static const wbc_kolom breedte[] = {{FU_FUNCTIE, FU_FUNCTIE, 22},
                                        {FU_CAO, FU_CAO, 24},
                                        {FU_SCHAAL, FU_TREDE, 10},
                                        {FU_PER_UUR, FU_PER_UUR, 18},
                                        {FU_OMSCHRIJVING, FU_OMSCHRIJVING, 50},
                                        {FU_VINDPLAATS, FU_VINDPLAATS, 20}};
    wbc_kop(&w->b, ws, w->f.kop, kop, 7, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 1);

    for (size_t i = 0; i < r->n_functies; i++) {
        const tarief_functie *fu = &r->functies[i];
        uint32_t row = (uint32_t)i + 1;
        wbc_str(&w->b, ws, row, FU_FUNCTIE, fu->naam, NULL);
        if (fu->loonkosten_per_uur.set) {
            wbc_num(&w->b, ws, row, FU_PER_UUR, fu->loonkosten_per_uur.waarde, w->f.in.euro);
        } else {
            wbc_str(&w->b, ws, row, FU_CAO, fu->cao ? fu->cao->id : NULL, w->f.in.tekst);
            wbc_str(&w->b, ws, row, FU_SCHAAL, fu->salaris ? fu->salaris->schaal : NULL,
                    w->f.in.tekst);
            wbc_str(&w->b, ws, row, FU_TREDE, fu->salaris ? fu->salaris->trede : NULL,
                    w->f.in.tekst);
        }
        wbc_rij_voor(&w->b, ws, row, fu->omschrijving, 50);
        wbc_str(&w->b, ws, row, FU_OMSCHRIJVING, fu->omschrijving, w->f.tekst);
        wbb_put_vindplaats(w, ws, row, FU_VINDPLAATS, &fu->bron);
    }
}

void wbb_write_functiemix(wb *w, lxw_worksheet *ws)
{
    static const char *const kop[] = {"product", "functie", "percentage", "vindplaats", "ort"};
    static const wbc_kolom breedte[] = {{0, 1, 22}, {2, 2, 12}, {3, 3, 20}, {MIX_ORT, MIX_ORT, 10}};
    wbc_kop(&w->b, ws, w->f.kop, kop, w->mix_ort ? 5 : 4, breedte, w->mix_ort ? 4 : 3);
    worksheet_freeze_panes(ws, 1, 0);
    for (size_t k = 0; k < w->n_mix; k++) {
        wbb_vg_rij(w, VG_MIXREGEL, k);
        const tarief_product *p = &w->r->producten[w->mix_order[k].product];
        const tarief_mix *m = &p->mix[w->mix_order[k].mix];
        uint32_t row = (uint32_t)k + 1;
        wbc_str(&w->b, ws, row, 0, p->code, NULL);
        wbc_str(&w->b, ws, row, 1, m->functie ? m->functie->naam : NULL, NULL);
        wbc_num(&w->b, ws, row, 2, m->aandeel, w->f.in.pct);
        wbb_put_vindplaats(w, ws, row, 3, &m->bron);
        if (m->ort.set) /* the ort of this functie in this product (rekenmethode stap 4) */
            wbc_num(&w->b, ws, row, MIX_ORT, m->ort.waarde, w->f.in.pct);
    }
}

void wbb_write_cao(wb *w, lxw_worksheet *ws, const wb_cao *wc)
{
    const tarief_cao *c = wc->cao;
    static const char *const kop[] = {"schaal", "trede", "maandsalaris", "vindplaats", "",
                                      "parameter", "waarde", "bron", "vindplaats"};
    for (int k = 0; k < 9; k++)
        if (kop[k][0])
            wbc_str(&w->b, ws, 0, k, kop[k], w->f.kop);
    static const wbc_kolom breedte[] = {{0, 1, 10}, {2, 2, 15}, {3, 3, 24}, {4, 4, 3},
                                        {5, 5, 22}, {6, 6, 16}, {7, 7, 60}, {8, 8, 16}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 0);

    size_t n = c->n_salarissen > c->n_regels ? c->n_salarissen : c->n_regels;
    for (size_t k = 0; k < n; k++) {
        uint32_t row = (uint32_t)k + 1;
        if (k < c->n_salarissen) {
            const tarief_salaris *s = &c->salarissen[k];
            wbc_str(&w->b, ws, row, 0, s->schaal, NULL);
            wbc_str(&w->b, ws, row, 1, s->trede, NULL);
            wbc_num(&w->b, ws, row, 2, s->maandsalaris, w->f.in.euro);
            wbb_put_vindplaats(w, ws, row, 3, &s->bron);
        }
        if (k < c->n_regels) {
            const tarief_regel *g = &c->regels[k];
            bool uren = strcmp(g->naam, "uren_per_week") == 0 && c->uren_per_week.set;
            static const wbb_regel_breedte cao_breedte = {.label = 0, .waarde = 16, .bron = 60};
            wbb_put_regel(w, ws, row, 5, g, c->params, uren ? &c->uren_per_week.waarde : NULL,
                          w->f.in.getal, false, &cao_breedte);
        }
    }
}


void wbb_write_indexreeks(wb *w, lxw_worksheet *ws)
{
    const tarief_indexreeks *s = w->r->indexreeks;
    static const char *const kop[] = {"jaar", "ova_voorlopig", "ova_definitief", "ppc_voorlopig",
                                      "ppc_definitief", "bron", "vindplaats"};
    static const wbc_kolom breedte[] = {{0, 0, 8}, {1, 4, 14}, {5, 5, 60}, {6, 6, 16}};
    wbc_kop(&w->b, ws, w->f.kop, kop, 7, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 1);
    for (size_t i = 0; i < s->n_rijen; i++) {
        const tarief_indexrij *rij = &s->rijen[i];
        uint32_t row = (uint32_t)i + 1;
        wbc_num(&w->b, ws, row, 0, rij->jaar, w->f.in.tekst);
        const tarief_param *v[4] = {&rij->ova_voorlopig, &rij->ova_definitief, &rij->ppc_voorlopig,
                                    &rij->ppc_definitief};
        for (int k = 0; k < 4; k++) {
            if (v[k]->set)
                wbc_num(&w->b, ws, row, 1 + k, v[k]->waarde, w->f.in.pct);
            else
                wbc_check(&w->b, worksheet_write_blank(ws, row, (lxw_col_t)(1 + k), w->f.in.pct));
        }
        wbc_rij_voor(&w->b, ws, row, rij->bron.tekst, 60);
        wbc_str(&w->b, ws, row, 5, rij->bron.tekst, w->f.tekst);
        wbb_put_vindplaats(w, ws, row, 6, &rij->bron);
    }
}

/* The cell a rule of the VNG index comes from (according to its herkomst). */
static void regel_ref(wb *w, char *buf, size_t size, int id, const tarief_indexatie_vng *v,
                      const tarief_invoer *inv, const tarief_product *p)
{
    switch (inv->herkomst) {
    case TARIEF_HERKOMST_PRODUCT:
        if (w->p_col[id] >= 0) {
            snprintf(buf, size, "Producten!$%s$%u", w->col[w->p_col[id]],
                     (unsigned)(p - w->r->producten) + 2);
            return;
        }
        break;
    case TARIEF_HERKOMST_REGIO:
        if (w->u_row[id] >= 0) {
            snprintf(buf, size, "%s", w->uref[id]);
            return;
        }
        break;
    case TARIEF_HERKOMST_STANDAARD:
        if (w->d_row[id] >= 0) {
            snprintf(buf, size, "%s", w->dref[id]);
            return;
        }
        break;
    case TARIEF_HERKOMST_CAO: { /* prijspeil: the year of the CAO's ingangsdatum */
        int ci = v->prijspeil_cao ? wbb_cao_index(w, v->prijspeil_cao) : -1;
        const tarief_cao *c = v->prijspeil_cao;
        for (size_t k = 0; ci >= 0 && k < c->n_regels; k++)
            if (strcasecmp(c->regels[k].naam, "ingangsdatum") == 0) {
                snprintf(buf, size, "VALUE(LEFT(%s$G$%zu,4))", w->caos[ci].prefix, k + 2);
                return;
            }
        break;
    }
    default:
        break;
    }
    wbc_fout(&w->b, "interne fout: herkomst van een indexregel onbekend");
    snprintf(buf, size, "NA()");
}

void wbb_write_indexatie(wb *w, lxw_worksheet *ws)
{
    static const char *const kop[IX_COUNT] = {
        [IX_PRODUCTEN] = "producten",
        [IX_JAAR] = "jaar (y)",
        [IX_LOONDEEL] = "indexatie_loondeel",
        [IX_METHODE] = "indexatie_methode",
        [IX_TUSSEN] = "indexatie_tussenafronding",
        [IX_PRIJSPEIL] = "prijspeil",
        [IX_GV] = "gewogen voorlopig (y)\nloondeel \xc3\x97 OVA + (1 \xe2\x88\x92 loondeel) \xc3\x97 PPC",
        [IX_VGV] = "gewogen voorlopig (y \xe2\x88\x92 1)",
        [IX_VGD] = "gewogen definitief (y \xe2\x88\x92 1)",
        [IX_INHAAL] = "inhaal\nverschil: def \xe2\x88\x92 voorl\nverhouding: (1 + def) / (1 + voorl) \xe2\x88\x92 1",
        [IX_ONGEROND] = "index ongerond\n= gewogen voorlopig + inhaal",
        [IX_INDEX] = "index (y)\nin twee decimalen %",
        [IX_CUMUL] = "indexatie cumulatief\n\xce\xa0 (1 + index) \xe2\x88\x92 1",
    };
    static const wbc_kolom breedte[] = {
        {IX_PRODUCTEN, IX_PRODUCTEN, 24}, {IX_JAAR, IX_JAAR, 8}, {IX_LOONDEEL, IX_CUMUL, 15}};
    wbc_kop(&w->b, ws, w->f.kop, kop, IX_COUNT, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 2);

    const char(*c)[4] = (const char(*)[4])w->col;
    char f[FORMULA_LEN], lo[REF_LEN + 32], me[REF_LEN + 32], tu[REF_LEN + 32], pp[REF_LEN + 32];
    char label[160];
    for (size_t k = 0; k < w->n_profielen; k++) {
        const struct indexprofiel *pf = &w->profielen[k];
        const tarief_indexatie_vng *v = pf->a->indexatie_vng;
        const tarief_product *p = pf->a->product;
        regel_ref(w, lo, sizeof lo, TARIEF_P_INDEXATIE_LOONDEEL, v, &v->loondeel, p);
        regel_ref(w, me, sizeof me, TARIEF_P_INDEXATIE_METHODE, v, &v->methode, p);
        regel_ref(w, tu, sizeof tu, TARIEF_P_INDEXATIE_TUSSENAFRONDING, v, &v->tussenafronding, p);
        regel_ref(w, pp, sizeof pp, TARIEF_P_PRIJSPEIL, v, &v->prijspeil, p);
        if (pf->n_producten > 1)
            snprintf(label, sizeof label, "%s en %zu andere", p->code, pf->n_producten - 1);
        else
            snprintf(label, sizeof label, "%s", p->code);
        size_t n_rijen = v->n_jaren ? v->n_jaren : 1;
        for (size_t j = 0; j < n_rijen; j++) {
            uint32_t row = pf->rij + (uint32_t)j, n = row + 1;
            wbc_str(&w->b, ws, row, IX_PRODUCTEN, label, j == 0 ? w->f.tekst_vet : NULL);
            wbc_formulaf(&w->b, ws, row, IX_LOONDEEL, v->loondeel.waarde, w->f.af.pct, "=%s", lo);
            wbc_fmt(&w->b, f, sizeof f, "=%s", me);
            wbc_formula_str(&w->b, ws, row, IX_METHODE, f,
                            wbb_keuze_naam(TARIEF_P_INDEXATIE_METHODE, v->methode.keuze),
                            w->f.af.tekst);
            wbc_fmt(&w->b, f, sizeof f, "=%s", tu);
            wbc_formula_str(
                &w->b, ws, row, IX_TUSSEN, f,
                wbb_keuze_naam(TARIEF_P_INDEXATIE_TUSSENAFRONDING, v->tussenafronding.keuze),
                w->f.af.tekst);
            wbc_formulaf(&w->b, ws, row, IX_PRIJSPEIL, v->prijspeil.waarde, w->f.af.tekst, "=%s",
                         pp);
            if (v->n_jaren == 0) {
                /* prijspeil = tariefjaar: nothing to index */
                wbc_formula(&w->b, ws, row, IX_CUMUL, "=0", 0, w->f.af.pct);
                continue;
            }
            const tarief_indexjaar *y = &v->jaren[j];
            uint32_t ry = wbb_reeks_rij(w, y->jaar), rv = wbb_reeks_rij(w, y->jaar - 1);
            if (ry == 0 || rv == 0) {
                wbc_fout(&w->b, "interne fout: indexjaar niet in de reeks");
                continue;
            }
            wbc_formulaf(&w->b, ws, row, IX_JAAR, y->jaar, w->f.af.tekst, "=Indexreeks!$A$%u", ry);
            /* loondeel x OVA + (1 - loondeel) x PPC, optionally to two decimals in % */
            static const struct { int col; int ova, ppc; bool vorig; } gw[3] = {
                {IX_GV, 1, 3, false}, {IX_VGV, 1, 3, true}, {IX_VGD, 2, 4, true}};
            double cached[3] = {y->gewogen_voorlopig, y->vorig_gewogen_voorlopig,
                                y->vorig_gewogen_definitief};
            for (int g = 0; g < 3; g++) {
                uint32_t rr = gw[g].vorig ? rv : ry;
                const char *L = c[IX_LOONDEEL], *T = c[IX_TUSSEN];
                const char *O = c[gw[g].ova], *P = c[gw[g].ppc];
                wbc_formulaf(
                    &w->b, ws, row, gw[g].col, cached[g], w->f.af.pct,
                    "=IF(%s%u=\"ja\",ROUND(%s%u*Indexreeks!$%s$%u+(1-%s%u)*Indexreeks!$%s$%u,4),"
                    "%s%u*Indexreeks!$%s$%u+(1-%s%u)*Indexreeks!$%s$%u)",
                    T, n, L, n, O, rr, L, n, P, rr, L, n, O, rr, L, n, P, rr);
            }
            wbc_formulaf(
                &w->b, ws, row, IX_INHAAL, y->inhaal, w->f.af.pct,
                "=IF(%s%u=\"verhouding\",(1+%s%u)/(1+%s%u)-1,IF(%s%u=\"verschil\",%s%u-%s%u,NA()))",
                c[IX_METHODE], n, c[IX_VGD], n, c[IX_VGV], n, c[IX_METHODE], n, c[IX_VGD], n,
                c[IX_VGV], n);
            wbc_formulaf(&w->b, ws, row, IX_ONGEROND, y->index_ongerond, w->f.af.pct, "=%s%u+%s%u",
                         c[IX_GV], n, c[IX_INHAAL], n);
            wbc_formulaf(&w->b, ws, row, IX_INDEX, y->index, w->f.af.pct, "=ROUND(%s%u,4)",
                         c[IX_ONGEROND], n);
            if (j == 0) /* as the engine: factor 1 x (1 + index), minus 1 */
                wbc_formulaf(&w->b, ws, row, IX_CUMUL, y->cumulatief, w->f.af.pct, "=(1+%s%u)-1",
                             c[IX_INDEX], n);
            else
                wbc_formulaf(&w->b, ws, row, IX_CUMUL, y->cumulatief, w->f.af.pct,
                             "=(1+%s%u)*(1+%s%u)-1", c[IX_CUMUL], n - 1, c[IX_INDEX], n);
        }
    }
}