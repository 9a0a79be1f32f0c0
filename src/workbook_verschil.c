/*
 * workbook_verschil.c - the workbook of `verschil` (see workbook_vergelijk.c
 * for the layout both comparison workbooks share): Toelichting, Verschil
 * (per product oud, nieuw, verschil, %, a contribution per group, their sum
 * and the causes), Grafiek, and the blocks on Berekening: oud, after each
 * group that changes something, nieuw; a run of groups that change nothing
 * is one row 'gelijk'.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vergelijk_internal.h"
#include "workbook_vgl.h"

/* --- verschil ----------------------------------------------------------------- */

enum { D_CODE, D_NAAM, D_EENHEID, D_OUD, D_NIEUW, D_VERSCHIL, D_PCT, D_GROEP, D_SOM = D_GROEP + TARIEF_G_COUNT,
       D_OORZAKEN, D_COUNT };

/*
 * Which blocks of Berekening carry information. The block after group g is
 * only written when it differs from the one before: when a number of the
 * calculation (an input, a step, the tariff) differs, or the group has a
 * cause (oorzaak) for this product. An equal one is a single row saying so,
 * whose tariff cell refers to the previous block's, so the contributions on
 * Verschil keep their one formula (block minus the block before).
 */
static bool zelfde_invoer_waarde(const tarief_invoer *x, const tarief_invoer *y, int id)
{
    if (x == NULL || y == NULL)
        return x == y;
    /* indexatie;vng holds its form in keuze; before group 9 it counts as the
     * percentage it came to (verschil.c): the value is what counts */
    return x->waarde == y->waarde && (id == TARIEF_P_INDEXATIE || x->keuze == y->keuze);
}

static bool zelfde_item(const tarief_afleiding *x, const tarief_functie_afleiding *fx, const tarief_afleiding *y,
                        const tarief_functie_afleiding *fy, int it)
{
    int id = st_get(it)->param;
    if (id >= 0)
        return zelfde_invoer_waarde(st_invoer(x, fx, it), st_invoer(y, fy, it), id);
    return st_waarde(x, fx, it) == st_waarde(y, fy, it);
}

/* Every number and label the block of x would show equals that of y. */
static bool zelfde_blok(const tarief_afleiding *x, const tarief_afleiding *y)
{
    if (x->n_functies != y->n_functies || x->productiviteit_uit_componenten != y->productiviteit_uit_componenten)
        return false;
    for (size_t j = 0; j < x->n_functies; j++) {
        const tarief_functie_afleiding *fx = &x->functies[j], *fy = &y->functies[j];
        if (fx->per_uur != fy->per_uur || strcmp(fx->functie->naam, fy->functie->naam) != 0)
            return false;
        if (!fx->per_uur) {
            const tarief_salaris *sx = fx->functie->salaris, *sy = fy->functie->salaris;
            if (strcmp(fx->functie->cao->id, fy->functie->cao->id) != 0 || strcmp(sx->schaal, sy->schaal) != 0 ||
                strcmp(sx->trede, sy->trede) != 0)
                return false;
        }
        for (int it = AF_AANDEEL; it <= AF_GEWOGEN; it++)
            if (!zelfde_item(x, fx, y, fy, it))
                return false;
    }
    for (int it = AF_C; it < AF_COUNT; it++)
        if (!zelfde_item(x, NULL, y, NULL, it))
            return false;
    if (x->productiviteit_uit_componenten)
        for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
            if (!zelfde_invoer_waarde(&x->componenten[k], &y->componenten[k], TARIEF_P_COMPONENT_FIRST + k))
                return false;
    return true;
}

static bool heeft_oorzaak(const tarief_verschil_product *vp, int g)
{
    for (size_t k = 0; k < vp->n_oorzaken; k++)
        if ((int)vp->oorzaken[k].groep == g)
            return true;
    return false;
}

/* Both versions read the same files (a region compared with itself): then
 * the new calculation uses the very cells of the old one. */
static bool zelfde_bestanden(const tarief_verschillen *d)
{
    if (strcmp(d->oud->dir, d->nieuw->dir) != 0 || d->oud->n_caos != d->nieuw->n_caos)
        return false;
    for (size_t i = 0; i < d->oud->n_caos; i++)
        if (strcmp(d->oud->caos[i]->dir, d->nieuw->caos[i]->dir) != 0)
            return false;
    return true;
}

/* The text of a 'gelijk' row for the groups g..h (g < h). */
static const char *gelijk_groepen(vwb *w, int g, int h)
{
    char *s = "groepen";
    for (int k = g; k <= h; k++)
        s = ti_ctx_printf(w->tmp, "%s%s'%s'", s, k == g ? " " : k == h ? " en " : ", ",
                              tarief_groep_info_get((tarief_groep)k)->label);
    return ti_ctx_printf(w->tmp,
                             "%s zijn in beide versies gelijk: deze blokken zijn gelijk aan het vorige; bijdragen 0,00",
                             s);
}

/* The row of a block that is equal to the one before (vorige: 1-based row
 * of that one's tariff); returns its 1-based row. */
static uint32_t gelijk_blok(vwb *w, const char *naam, const char *tekst, const tarief_afleiding *a, uint32_t vorige)
{
    lxw_worksheet *ws = w->berekening;
    uint32_t row = w->ber_rij++;
    wbc_str(&w->b, ws, row, B_BLOK, naam, NULL);
    wbc_str(&w->b, ws, row, B_CODE, a->product->code, NULL);
    wbc_str(&w->b, ws, row, B_FUNCTIE, "gelijk", NULL);
    wbc_str(&w->b, ws, row, wv_bkol(AF_AANDEEL), tekst, w->cursief);
    wbc_formulaf(&w->b, ws, row, wv_bkol(AF_TARIEF), a->tarief, w->tarief, "=%s%u", w->bcol[AF_TARIEF], vorige);
    return row + 1;
}

int tarief_verschil_workbook_write(tarief_ctx *ctx, const tarief_verschillen *d, const char *path,
                                   const tarief_workbook_options *opts)
{
    vwb w_ = {.b = {.ctx = ctx, .path = path}, .opts = opts};
    vwb *w = &w_;
    const char *titel = ti_ctx_printf(ctx, "Verschil %s (%d) en %s (%d)", d->oud->naam ? d->oud->naam : "",
                                          d->oud->tariefjaar, d->nieuw->naam ? d->nieuw->naam : "",
                                          d->nieuw->tariefjaar);
    if (wv_open_boek(w, titel, d->nieuw->tariefjaar) != 0)
        return -1;
    lxw_worksheet *toel = workbook_add_worksheet(w->b.book, "Toelichting");
    lxw_worksheet *ws = workbook_add_worksheet(w->b.book, "Verschil");
    lxw_worksheet *graf = workbook_add_worksheet(w->b.book, "Grafiek");
    wv_voeg_rekenbladen_toe(w);
    if (!(toel && ws && graf && w->berekening && w->loonkosten && w->invoer)) {
        wbc_fout(&w->b, "kan werkblad niet aanmaken");
        return wv_close(w);
    }
    char volgorde[1024] = "Volgorde van de groepen:";
    for (int g = 0; g < TARIEF_G_COUNT; g++) {
        size_t len = strlen(volgorde);
        snprintf(volgorde + len, sizeof volgorde - len, "%s %d %s", g ? "," : "", g + 1,
                 tarief_groep_info_get((tarief_groep)g)->label);
    }
    const char *regels[] = {
        ti_ctx_printf(ctx, "Oud: %s, tariefjaar %d (%s). Nieuw: %s, tariefjaar %d (%s).", d->oud->naam,
                          d->oud->tariefjaar, d->oud->dir, d->nieuw->naam, d->nieuw->tariefjaar, d->nieuw->dir),
        "Verschil: per product het oude en nieuwe tarief en de opbouw van het verschil. De oude invoer wordt groep "
        "voor groep door de nieuwe vervangen en na elke groep opnieuw gerekend (de blokken 'na 1 ...' tot en met "
        "'nieuw' op Berekening); de bijdrage van een groep is het tarief na die groep min het tarief ervoor, dus "
        "tellen de bijdragen precies op tot het verschil.",
        volgorde,
        "De volgorde doet ertoe: een bijdrage hangt af van wat ervoor al vervangen is. Zie "
        "docs/vergelijk-en-verschil.md.",
        "Een groep die voor een product in beide versies gelijk is, krijgt geen eigen blok: een regel 'gelijk' zegt "
        "dat (voor opeenvolgende gelijke groepen samen), en zijn tarief verwijst naar dat van het vorige blok "
        "(bijdrage 0,00). Het laatste eigen blok rekent met "
        "de nieuwe invoer van alle groepen (de groepen erna zijn gelijk): het nieuwe tarief hangt alleen af van de "
        "cellen van de nieuwe versie. Wijzigt u een invoer van een gelijke groep, dan komt het effect in de bijdrage "
        "van het eerstvolgende eigen blok; tarief verschil op de gewijzigde bestanden verdeelt het over de groepen.",
        wv_uitleg_bladen[0], wv_uitleg_bladen[1], wv_uitleg_bladen[2], wv_uitleg_bladen[3],
    };
    wv_toelichting(w, toel, titel, regels, sizeof regels / sizeof *regels);

    const char *kop[D_COUNT] = {"code", "naam", "eenheid", "oud", "nieuw", "verschil", "verschil %"};
    for (int g = 0; g < TARIEF_G_COUNT; g++)
        kop[D_GROEP + g] = ti_ctx_printf(ctx, "%d %s", g + 1, tarief_groep_info_get((tarief_groep)g)->label);
    kop[D_SOM] = "som bijdragen";
    kop[D_OORZAKEN] = "oorzaken";
    wv_kopregel(w, ws, kop, D_COUNT);
    double naam_breedte = 30;
    for (size_t i = 0; i < d->n_producten; i++)
        naam_breedte = wbc_breedte_voor(naam_breedte, d->producten[i].nieuw->product->naam, 60);
    for (size_t i = 0; i < d->n_toegevoegd; i++)
        naam_breedte = wbc_breedte_voor(naam_breedte, d->toegevoegd[i].product->naam, 60);
    for (size_t i = 0; i < d->n_vervallen; i++)
        naam_breedte = wbc_breedte_voor(naam_breedte, d->vervallen[i].product->naam, 60);
    const wbc_kolom breedte[] = {{D_NAAM, D_NAAM, naam_breedte}, {D_OUD, D_SOM, 13}, {D_OORZAKEN, D_OORZAKEN, 60}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 3);

    size_t totaal = d->n_producten + d->n_toegevoegd + d->n_vervallen, gedaan = 0;
    bool zelfde = zelfde_bestanden(d);
    const char *bloknaam[TARIEF_G_COUNT], *gelijk_tekst[TARIEF_G_COUNT];
    for (int g = 0; g < TARIEF_G_COUNT; g++) {
        const char *label = tarief_groep_info_get((tarief_groep)g)->label;
        bloknaam[g] = g == TARIEF_G_COUNT - 1 ? "nieuw" : ti_ctx_printf(ctx, "na %d %s", g + 1, label);
        gelijk_tekst[g] = ti_ctx_printf(
            ctx, "groep '%s' is in beide versies gelijk: dit blok is gelijk aan het vorige; bijdrage 0,00", label);
    }
    uint32_t row = 1;
    for (size_t i = 0; i < d->n_producten; i++, row++) {
        wv_product(w, gedaan++, totaal);
        const tarief_verschil_product *vp = &d->producten[i];
        /* the intermediate derivations: kept by the computation, or (as the
         * CLI computes, tussenstappen false) rebuilt here per product in the
         * scratch context that wv_product renews, so the memory per
         * product stays bounded */
        const tarief_afleiding *stap[TARIEF_G_COUNT];
        if (vp->stap[0])
            memcpy(stap, vp->stap, sizeof stap);
        else
            tarief_verschil_stappen(w->tmp, d, i, stap);
        const tarief_product *p = vp->nieuw->product;
        uint32_t n = row + 1;
        uint32_t rij[TARIEF_G_COUNT + 1];
        rij[0] = wv_blok(w, "oud", vp->oud, NULL);
        /* The last block with a calculation of its own is the new one
         * (every later group is equal), so that the new tariff refers to
         * the new version's cells only; with nothing changed that is the
         * last block, unless both versions read the same files. */
        bool anders[TARIEF_G_COUNT];
        int laatste = -1;
        for (int g = 0; g < TARIEF_G_COUNT; g++) {
            anders[g] = heeft_oorzaak(vp, g) || !zelfde_blok(g ? stap[g - 1] : vp->oud, stap[g]);
            if (anders[g])
                laatste = g;
        }
        if (laatste < 0 && !zelfde)
            laatste = TARIEF_G_COUNT - 1;
        for (int g = 0; g < TARIEF_G_COUNT; g++) {
            const char *naam = bloknaam[g];
            if (g == laatste) {
                rij[g + 1] = wv_blok(w, naam, vp->nieuw, NULL);
            } else if (anders[g]) {
                rij[g + 1] = wv_blok(w, naam, stap[g], NULL);
            } else {
                /* a run of equal groups g..h is one row; the contributions
                 * of h after g are that row's tariff minus itself */
                int h = g;
                while (h + 1 < TARIEF_G_COUNT && !anders[h + 1] && h + 1 != laatste)
                    h++;
                uint32_t r = gelijk_blok(w, h == g ? naam : ti_ctx_printf(w->tmp, "%s t/m %s", naam, bloknaam[h]),
                                         h == g ? gelijk_tekst[g] : gelijk_groepen(w, g, h), stap[g], rij[g]);
                for (; g <= h; g++)
                    rij[g + 1] = r;
                g = h;
            }
        }
        char *s = "";
        for (size_t k = 0; k < vp->n_oorzaken; k++)
            s = ti_ctx_printf(w->tmp, "%s%s%d %s: %s", s, k ? " | " : "", vp->oorzaken[k].groep + 1,
                                  tarief_groep_info_get(vp->oorzaken[k].groep)->label, vp->oorzaken[k].volledig);
        wbc_rij_voor(&w->b, ws, row, s, 50); /* wrapped in 60, estimated narrower: paths break only at spaces */
        wbc_str(&w->b, ws, row, D_CODE, p->code, w->boven);
        wbc_str(&w->b, ws, row, D_NAAM, p->naam, w->boven);
        wbc_str(&w->b, ws, row, D_EENHEID, tarief_eenheid_naam(p->eenheid), w->boven);
        wbc_formulaf(&w->b, ws, row, D_OUD, vp->oud->tarief, w->euro, "=%s", wv_cel(w, AF_TARIEF, rij[0]));
        wbc_formulaf(&w->b, ws, row, D_NIEUW, vp->nieuw->tarief, w->tarief, "=%s",
                     wv_cel(w, AF_TARIEF, rij[TARIEF_G_COUNT]));
        wbc_formulaf(&w->b, ws, row, D_VERSCHIL, vp->nieuw->tarief - vp->oud->tarief, w->euro, "=%s%u-%s%u",
                     w->col[D_NIEUW], n, w->col[D_OUD], n);
        wv_put_pct(w, ws, row, D_PCT, D_OUD, D_VERSCHIL, vp->pct_bekend, vp->verschil_pct);
        double som = 0;
        for (int g = 0; g < TARIEF_G_COUNT; g++) {
            const tarief_afleiding *voor = g ? stap[g - 1] : vp->oud;
            double b = stap[g]->tarief - voor->tarief;
            som += b;
            wbc_formulaf(&w->b, ws, row, D_GROEP + g, b, w->euro, "=%s-%s", wv_cel(w, AF_TARIEF, rij[g + 1]),
                         wv_cel(w, AF_TARIEF, rij[g]));
        }
        wbc_formulaf(&w->b, ws, row, D_SOM, som, w->euro, "=SUM(%s%u:%s%u)", w->col[D_GROEP], n,
                     w->col[D_GROEP + TARIEF_G_COUNT - 1], n);
        wbc_str(&w->b, ws, row, D_OORZAKEN, s, w->tekst);
    }
    struct { const char *kop, *blok; const tarief_afleiding *a; size_t n; int col; } lijsten[] = {
        {"Toegevoegd (alleen in de nieuwe versie)", "nieuw (toegevoegd)", d->toegevoegd, d->n_toegevoegd, D_NIEUW},
        {"Vervallen (alleen in de oude versie)", "oud (vervallen)", d->vervallen, d->n_vervallen, D_OUD},
    };
    for (size_t l = 0; l < 2; l++) {
        if (lijsten[l].n == 0)
            continue;
        row++;
        wbc_str(&w->b, ws, row++, D_CODE, lijsten[l].kop, w->vet);
        for (size_t i = 0; i < lijsten[l].n; i++, row++) {
            wv_product(w, gedaan++, totaal);
            const tarief_afleiding *a = &lijsten[l].a[i];
            uint32_t r = wv_blok(w, lijsten[l].blok, a, NULL);
            wbc_str(&w->b, ws, row, D_CODE, a->product->code, NULL);
            wbc_str(&w->b, ws, row, D_NAAM, a->product->naam, NULL);
            wbc_str(&w->b, ws, row, D_EENHEID, tarief_eenheid_naam(a->product->eenheid), NULL);
            wbc_formulaf(&w->b, ws, row, lijsten[l].col, a->tarief, w->euro, "=%s", wv_cel(w, AF_TARIEF, r));
        }
    }
    wbc_grafiek_verschil(&w->b, graf, w->titel, titel, "Verschil", d->n_producten, D_CODE, D_GROEP, TARIEF_G_COUNT);
    wv_afdruk(w, toel, ws, titel);
    return wv_close(w);
}
