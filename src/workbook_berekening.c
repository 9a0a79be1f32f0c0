/*
 * workbook_berekening.c - the derivation sheets of the `bereken` workbook:
 * Loonkosten (steps 1-8 once per functie), Opbouw (per product its functie
 * rows and steps 9-17) and Tarieven. Headers and formulas of the steps come
 * from the step table (stappen.c); here only how an item resolves to a cell.
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

/* The three row columns of Opbouw; the other headers come from the step
 * table (stappen.c). */
static const char *const opbouw_rij_kop[3] = {"code", "naam", "functie"};

/* The header of item k on Opbouw and Loonkosten, in koppen. */
static const char *opbouw_kop(int k, char koppen[][160])
{
    return k < AF_AANDEEL ? opbouw_rij_kop[k] : st_kop(k, ST_KOP_TWEE_REGELS, koppen[k], sizeof koppen[k]);
}

/* Where a step 1-8 item of functie row `orow` (1-based on Opbouw; 0 when
 * writing Loonkosten) lives: the same Opbouw row when it is per product,
 * else the functie's Loonkosten row `lrow` (1-based). */
static void item_ref(const wb *w, char *buf, size_t size, int item, uint32_t orow, uint32_t lrow)
{
    if (orow > 0 && w->oc[item] >= 0)
        snprintf(buf, size, "%s%u", w->col[w->oc[item]], orow);
    else if (orow > 0)
        snprintf(buf, size, "Loonkosten!$%s$%u", w->col[w->lc[item]], lrow);
    else
        snprintf(buf, size, "%s%u", w->col[w->lc[item]], lrow);
}

/* How a step's input resolves to a cell (stappen.h, st_ref_fn): on a
 * functie row through item_ref; on a product row (product) the same row n,
 * for step 9 the functie rows eerste..laatste. */
typedef struct wb_ref {
    const wb *w;
    uint32_t orow, lrow;
    bool product;
    uint32_t n, eerste, laatste;
    char buf[2 * REF_LEN];
} wb_ref;

static const char *wb_cel(void *data, int item, bool bereik)
{
    wb_ref *r = data;
    const char *c = r->w->oc[item] >= 0 ? r->w->col[r->w->oc[item]] : "?";
    if (!r->product)
        item_ref(r->w, r->buf, sizeof r->buf, item, r->orow, r->lrow);
    else if (bereik)
        snprintf(r->buf, sizeof r->buf, "%s%u:%s%u", c, r->eerste, c, r->laatste);
    else
        snprintf(r->buf, sizeof r->buf, "%s%u", c, r->n);
    return r->buf;
}


/*
 * Write step-1-8 item `item` of functie fi for derivation fa, at (row, col)
 * of ws. orow > 0: an Opbouw row (1-based) of the product on Producten row
 * prow (0-based); orow == 0: the functie's Loonkosten row.
 */
static void write_stap(wb *w, lxw_worksheet *ws, uint32_t row, int col, int item,
                       const tarief_functie_afleiding *fa, size_t fi, uint32_t orow, uint32_t prow)
{
    char f[FORMULA_LEN];
    uint32_t lrow = (uint32_t)fi + 2;
    wb_ref rf = {.w = w, .orow = orow, .lrow = lrow};
    int ci = w->functie_cao[fi];
    double v = st_waarde(NULL, fa, item);
    switch (item) {
    case AF_SALARIS: {
        const tarief_cao *cao = fa->functie->cao;
        size_t srow = (size_t)(fa->functie->salaris - cao->salarissen) + 1;
        wbc_formulaf(&w->b, ws, row, col, v, w->f.af.euro, "=%s$C$%zu", w->caos[ci].prefix,
                     srow + 1);
        return;
    }
    case AF_VT_PCT: case AF_EJU_PCT: case AF_ORT_PCT: case AF_WGL_PCT: case AF_JAARUREN: {
        int k = item - AF_VT_PCT, id = functie_param_ids(k);
        const tarief_invoer *inv = functie_invoer(fa, k);
        wbb_param_formula(w, f, sizeof f, id, wbb_regio_bron(w, id, ci, inv), ci, prow);
        if (item == AF_ORT_PCT && w->mix_ort && orow > 0 && prow > 0) {
            /* functiemix > product > regio: the ort cell of this functie's
             * Functiemix row first, so that editing it moves the tariff */
            size_t i = prow - 1;
            size_t mj = (size_t)(fa->mix - w->r->producten[i].mix);
            uint32_t mrow = w->mix_row[w->mix_base[i] + mj] + 1;
            char g[FORMULA_LEN];
            wbc_fmt(&w->b, g, sizeof g, "=IF(Functiemix!$%s%u<>\"\",Functiemix!$%s%u,%s)", w->col[MIX_ORT],
                    mrow, w->col[MIX_ORT], mrow, f + 1);
            memcpy(f, g, sizeof f);
        }
        wbc_formula(&w->b, ws, row, col, f, inv->waarde, wbb_af_format(w, id));
        return;
    }
    case AF_J: case AF_VT: case AF_EJU: case AF_ORT: case AF_B: case AF_WGL: case AF_L:
        st_formule(f, sizeof f, item, wb_cel, &rf);
        break;
    default: /* AF_CF */
        if (fa->per_uur) {
            wbc_fmt(&w->b, f, sizeof f, "=Functies!$%s%zu", w->col[FU_PER_UUR], fi + 2);
        } else if (orow > 0 && !w->per_rij[AF_CF]) {
            wbc_fmt(&w->b, f, sizeof f, "=Loonkosten!$%s$%u", w->col[w->lc[AF_CF]], lrow);
        } else {
            st_formule(f, sizeof f, AF_CF, wb_cel, &rf);
        }
        break;
    }
    if (f[0] == '\0')
        wbc_fout(&w->b, "interne fout: formule te lang");
    wbc_formula(&w->b, ws, row, col, f, v, w->f.af.euro);
}

/* Step item's formula from the table, an overflow recorded. */
static const char *stap_formule(wb *w, char *f, size_t size, int item, wb_ref *rf)
{
    if (st_formule(f, size, item, wb_cel, rf) == NULL)
        wbc_fout(&w->b, "interne fout: formule te lang");
    return f;
}

static const char *const loonkosten_kop[LK_VAST] = {"functie", "cao", "schaal", "trede"};

void wbb_write_loonkosten(wb *w, lxw_worksheet *ws)
{
    const tarief_regio *r = w->r;
    const char *kop[AF_COUNT + LK_VAST];
    char koppen[AF_COUNT][160];
    int n = w->n_lc;
    for (int k = 0; k < LK_VAST; k++)
        kop[k] = loonkosten_kop[k];
    for (int k = 0; k < AF_COUNT; k++)
        if (w->lc[k] >= 0)
            kop[w->lc[k]] = opbouw_kop(k, koppen);
    const wbc_kolom breedte[] = {{LK_FUNCTIE, LK_FUNCTIE, 20},
                                 {LK_CAO, LK_CAO, 22},
                                 {LK_SCHAAL, LK_TREDE, 9},
                                 {LK_VAST, n - 1, 15}};
    wbc_kop(&w->b, ws, w->f.kop, kop, n, breedte, n > LK_VAST ? 4 : 3); /* the steps, if any */
    worksheet_freeze_panes(ws, 1, 1);

    for (size_t fi = 0; fi < r->n_functies; fi++) {
        const tarief_functie *fu = &r->functies[fi];
        const tarief_functie_afleiding *fa = w->eerste[fi];
        uint32_t row = (uint32_t)fi + 1;
        wbc_str(&w->b, ws, row, LK_FUNCTIE, fu->naam, NULL);
        if (fu->loonkosten_per_uur.set) {
            wbc_str(&w->b, ws, row, LK_CAO, "loonkosten_per_uur (Functies)", NULL);
        } else {
            wbc_str(&w->b, ws, row, LK_CAO, fu->cao ? fu->cao->id : NULL, NULL);
            wbc_str(&w->b, ws, row, LK_SCHAAL, fu->salaris ? fu->salaris->schaal : NULL, NULL);
            wbc_str(&w->b, ws, row, LK_TREDE, fu->salaris ? fu->salaris->trede : NULL, NULL);
        }
        if (fa == NULL) {
            if (n > LK_VAST)
                wbc_str(&w->b, ws, row, LK_VAST, "niet gebruikt in functiemix.csv", NULL);
            continue;
        }
        if (fa->per_uur || w->functie_cao[fi] < 0 || fa->functie->salaris == NULL) {
            if (fa->per_uur && w->lc[AF_CF] >= 0)
                write_stap(w, ws, row, w->lc[AF_CF], AF_CF, fa, fi, 0, 0);
            continue;
        }
        for (int k = AF_SALARIS; k <= AF_CF; k++)
            if (w->lc[k] >= 0)
                write_stap(w, ws, row, w->lc[k], k, fa, fi, 0, 0);
    }
}

/* The pgb tariffs of a product on its Opbouw row (when its kind has
 * columns and the product has it): the percentage, product > regio, and
 * ROUND(tarief × percentage, 2) from the step table. */
static void write_pgb(wb *w, lxw_worksheet *ws, uint32_t row, const tarief_afleiding *a, uint32_t prow, wb_ref *rf)
{
    static const int items[2][2] = {{AF_PGB_PROF_PCT, AF_PGB_PROF}, {AF_PGB_INF_PCT, AF_PGB_INF}};
    char f[FORMULA_LEN];
    for (int k = 0; k < 2; k++) {
        int pi = items[k][0], ti = items[k][1], id = st_get(pi)->param;
        if (w->oc[pi] < 0 || !tarief_afleiding_pgb(a, (tarief_param_id)id))
            continue;
        const tarief_invoer *inv = st_invoer(a, NULL, pi);
        if (w->u_row[id] >= 0)
            wbb_param_formula(w, f, sizeof f, id, BRON_REGIO, -1, prow);
        else /* set on the product only */
            wbc_fmt(&w->b, f, sizeof f, "=Producten!$%s%u", w->col[w->p_col[id]], prow + 1);
        wbc_formula(&w->b, ws, row, w->oc[pi], f, inv->waarde, w->f.af.pct);
        wbc_formula(&w->b, ws, row, w->oc[ti], stap_formule(w, f, sizeof f, ti, rf), st_waarde(a, NULL, ti),
                    w->f.af.euro);
    }
}

void wbb_write_opbouw(wb *w, lxw_worksheet *ws)
{
    const tarief_regio *r = w->r;
    const wb_formats *F = &w->f;
    const char *kop[AF_ALLE];
    char koppen[AF_ALLE][160];
    for (int k = 0; k < AF_ALLE; k++)
        if (w->oc[k] >= 0)
            kop[w->oc[k]] = opbouw_kop(k, koppen);
    const double nb = wbb_naam_breedte(w);
    const wbc_kolom breedte[] = {{0, 0, 10},
                                 {1, 1, nb},
                                 {2, 2, 16},
                                 {3, w->n_oc - 1, 14},
                                 {w->oc[AF_GEM_PCT], w->oc[AF_GEM_PCT], 16}};
    wbc_kop(&w->b, ws, w->f.kop, kop, w->n_oc, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 3);
    wbc_check(&w->b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)(w->n_opbouw_rows - 1),
                                          (lxw_col_t)(w->n_oc - 1)));
    worksheet_outline_settings(ws, LXW_TRUE, LXW_FALSE, LXW_TRUE, LXW_FALSE);

#define O(k) w->oc[k]
#define PRODUCT_STAP(k, fm) \
    wbc_formula(&w->b, ws, row, O(k), stap_formule(w, f, sizeof f, k, &rf), st_waarde(a, NULL, k), fm)
    char f[FORMULA_LEN];
    lxw_row_col_options detail = {.hidden = 0, .level = 1, .collapsed = 0};
    uint32_t row = 1;
    for (size_t i = 0; i < r->n_producten; i++) {
        wbb_vg_rij(w, VG_OPBOUW, i);
        const tarief_afleiding *a = &w->a[i];
        const tarief_product *p = a->product;
        uint32_t prow = (uint32_t)(p - r->producten) + 1; /* Producten row */
        uint32_t first = row + 1;                         /* 1-based, for SUM */

        for (size_t j = 0; j < a->n_functies; j++, row++) {
            const tarief_functie_afleiding *fa = &a->functies[j];
            uint32_t n = row + 1; /* 1-based row in formulas */
            size_t mj = (size_t)(fa->mix - p->mix);
            size_t fi = (size_t)(fa->functie - r->functies);
            wbc_check(&w->b, worksheet_set_row_opt(ws, row, LXW_DEF_ROW_HEIGHT, NULL, &detail));
            wbc_str(&w->b, ws, row, O(OB_CODE), p->code, NULL);
            wbc_str(&w->b, ws, row, O(OB_FUNCTIE), fa->functie->naam, NULL);
            wbc_formulaf(&w->b, ws, row, O(AF_AANDEEL), fa->mix->aandeel, F->af.pct,
                         "=Functiemix!$C%u", w->mix_row[w->mix_base[i] + mj] + 1);
            if (!fa->per_uur) {
                if (w->functie_cao[fi] < 0 || fa->functie->salaris == NULL) {
                    wbc_fout(&w->b, "interne fout: functie zonder cao-tabel");
                    continue;
                }
                for (int k = AF_SALARIS; k <= AF_L; k++)
                    if (w->oc[k] >= 0)
                        write_stap(w, ws, row, w->oc[k], k, fa, fi, n, prow);
            }
            write_stap(w, ws, row, O(AF_CF), AF_CF, fa, fi, n, prow);
            wb_ref rg = {.w = w, .orow = n};
            wbc_formula(&w->b, ws, row, O(AF_GEWOGEN), stap_formule(w, f, sizeof f, AF_GEWOGEN, &rg),
                        fa->gewogen, F->af.euro);
        }

        /* the product row: steps 9-17 */
        uint32_t n = row + 1;
        wb_ref rf = {.w = w, .product = true, .n = n, .eerste = first, .laatste = row};
        wbc_str(&w->b, ws, row, O(OB_CODE), p->code, w->f.tekst_vet);
        if (wbc_regels(p->naam, nb, true) > 1)
            wbc_rij_voor(&w->b, ws, row, p->naam, nb / 1.1); /* bold: a little wider */
        wbc_str(&w->b, ws, row, O(OB_NAAM), p->naam, w->f.tekst_vet);
        wbc_str(&w->b, ws, row, O(OB_FUNCTIE), "product", w->f.tekst_vet);
        PRODUCT_STAP(AF_C, F->af.euro);
        wbc_formulaf(&w->b, ws, row, O(AF_UREN), p->uren_per_eenheid.waarde, F->af.getal,
                     "=Producten!$%s%u", w->col[PR_UREN], prow + 1);
        wbc_formulaf(&w->b, ws, row, O(AF_BEGELEIDERS),
                     p->begeleiders.set ? p->begeleiders.waarde : 1, F->af.getal,
                     "=Producten!$%s%u", w->col[PR_BEGELEIDERS], prow + 1);
        wbc_formulaf(&w->b, ws, row, O(AF_GROEP),
                     p->groepsgrootte.set ? p->groepsgrootte.waarde : 1, F->af.getal,
                     "=Producten!$%s%u", w->col[PR_GROEP], prow + 1);
        PRODUCT_STAP(AF_I, F->af.getal);
        wbb_productiviteit_formula(w, f, sizeof f, prow);
        wbc_formula(&w->b, ws, row, O(AF_PRODUCTIVITEIT), f, a->productiviteit.waarde, F->af.pct);
        PRODUCT_STAP(AF_E1, F->af.euro);
        PRODUCT_STAP(AF_E2, F->af.euro);

        /* resolved product-level parameters */
        const int *pcol = product_param_items;
        for (int k = 0; k < N_PRODUCT_PARAMS; k++) {
            int id = product_param_ids(k);
            const tarief_invoer *inv = product_invoer(a, k);
            if (id == TARIEF_P_INDEXATIE && a->indexatie_vng != NULL && w->product_profiel[i] >= 0) {
                /* indexatie;vng: the compounded index of its block on Indexatie */
                const struct indexprofiel *pf = &w->profielen[w->product_profiel[i]];
                size_t nj = a->indexatie_vng->n_jaren ? a->indexatie_vng->n_jaren : 1;
                wbc_formulaf(&w->b, ws, row, O(pcol[k]), inv->waarde, F->af.pct,
                             "=Indexatie!$%s$%zu", w->col[IX_CUMUL], pf->rij + nj);
                continue;
            }
            wbb_param_formula(w, f, sizeof f, id, wbb_regio_bron(w, id, -1, inv), -1, prow);
            if (tarief_param_info_get((tarief_param_id)id)->soort == TARIEF_SOORT_KEUZE)
                wbc_formula_str(&w->b, ws, row, O(pcol[k]), f, wbb_keuze_naam(id, inv->keuze),
                                F->af.tekst);
            else
                wbc_formula(&w->b, ws, row, O(pcol[k]), f, inv->waarde, wbb_af_format(w, id));
        }
        PRODUCT_STAP(AF_E3, F->af.euro);
        PRODUCT_STAP(AF_E5, F->af.euro);
        PRODUCT_STAP(AF_P, F->af.euro);
        PRODUCT_STAP(AF_E4, F->af.euro);
        wbc_formulaf(&w->b, ws, row, O(AF_E6), a->element[TARIEF_E_HUISVESTING], F->af.euro,
                     "=Producten!$%s%u", w->col[PR_HUISVESTING], prow + 1);
        wbc_formulaf(&w->b, ws, row, O(AF_E7), a->element[TARIEF_E_VERZORGING], F->af.euro,
                     "=Producten!$%s%u", w->col[PR_VERZORGING], prow + 1);
        for (int k = AF_K; k <= AF_AFRONDINGSVERSCHIL; k++)
            if (st_get(k)->excel != NULL)
                PRODUCT_STAP(k, k == AF_TARIEF ? F->tarief : F->af.euro);
        write_pgb(w, ws, row, a, prow, &rf);
        row++;
    }
#undef PRODUCT_STAP
#undef O
}

/* Characters of s (UTF-8), for column widths. */
static size_t tekens(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/*
 * Tarieven: per product code, naam, eenheid, the elements as shown (each
 * rounded to the cent, =ROUND(Opbouw!..,2)), the display-rounding
 * difference (tarief minus the sum of the shown elements) and the tarief
 * itself (=Opbouw!.., what the engine computed). So the row a reader sees
 * adds up to the cent, and every cell stays a formula over Opbouw.
 */
void wbb_write_tarieven(wb *w, lxw_worksheet *ws)
{
    const tarief_regio *r = w->r;
    char koppen[TARIEF_E_COUNT][160];
    const char *kop[TA_TARIEF + 1] = {"code", "naam", "eenheid"};
    for (int e = 0; e < TARIEF_E_COUNT; e++) {
        const tarief_element_info *in = tarief_element_info_get((tarief_element)e);
        bool wet = (in->wmo && strcmp(in->wmo, "-") != 0) ||
                   (in->jeugdwet && strcmp(in->jeugdwet, "-") != 0);
        if (in->nvo > 0)
            snprintf(koppen[e], sizeof koppen[e], "E%d %s\nWmo %s \xc2\xb7 Jeugdwet %s", in->nvo,
                     in->label, in->wmo ? in->wmo : "-", in->jeugdwet ? in->jeugdwet : "-");
        else if (wet)
            snprintf(koppen[e], sizeof koppen[e], "%s\nWmo %s \xc2\xb7 Jeugdwet %s", in->label,
                     in->wmo ? in->wmo : "-", in->jeugdwet ? in->jeugdwet : "-");
        else
            snprintf(koppen[e], sizeof koppen[e], "%s\n(geen NvO-element)", in->label);
        kop[TA_EERSTE + e] = koppen[e];
    }
    kop[TA_WEERGAVE] = "afronding weergave\n(tarief \xe2\x88\x92 som links)";
    kop[TA_TARIEF] = "tarief";
    /* the pgb tariffs, after the tariff, each kind only when used (from Opbouw) */
    static const int pgb_item[2] = {AF_PGB_PROF, AF_PGB_INF};
    static const char *const pgb_kop[2] = {"pgb-tarief professioneel", "pgb-tarief informeel"};
    static const tarief_param_id pgb_id[2] = {TARIEF_P_PGB_PROFESSIONEEL, TARIEF_P_PGB_INFORMEEL};
    int pgb_col[2], n_kol = TA_TARIEF + 1;
    for (int k = 0; k < 2; k++)
        pgb_col[k] = w->oc[pgb_item[k]] >= 0 ? n_kol++ : -1;
    const char *kop_alle[TA_TARIEF + 3];
    for (int k = 0; k <= TA_TARIEF; k++)
        kop_alle[k] = kop[k];
    for (int k = 0; k < 2; k++)
        if (pgb_col[k] >= 0)
            kop_alle[pgb_col[k]] = pgb_kop[k];

    /* widths that fit the codes and names (capped: a long name wraps) */
    size_t code_b = 6;
    for (size_t i = 0; i < r->n_producten; i++) {
        size_t c = tekens(r->producten[i].code);
        code_b = c > code_b ? c : code_b;
    }
    double cb = code_b > 14 ? 14 : (double)code_b + 2, nb = wbb_naam_breedte(w);
    if (nb > 30)
        nb = 30;
    const wbc_kolom breedte[] = {{0, 0, cb},
                                 {1, 1, nb},
                                 {2, 2, 9},
                                 {TA_EERSTE, TA_WEERGAVE, 12},
                                 {TA_TARIEF, TA_TARIEF, 12},
                                 {TA_TARIEF + 1, TA_TARIEF + 2, 14}};
    wbc_kop(&w->b, ws, w->f.kop, kop_alle, n_kol, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 2);
    if (r->n_producten > 0)
        wbc_check(&w->b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)r->n_producten, (lxw_col_t)(n_kol - 1)));

    const char *eerste = w->col[TA_EERSTE], *laatste = w->col[TA_EERSTE + TARIEF_E_COUNT - 1];
    const char *tc = w->col[TA_TARIEF];
    for (size_t i = 0; i < r->n_producten; i++) {
        wbb_vg_rij(w, VG_TARIEVEN, i);
        const tarief_afleiding *a = &w->a[i];
        uint32_t row = (uint32_t)i + 1, orow = w->opbouw_row[i] + 1;
        wbb_naam(w, ws, row, 1, a->product->naam, nb);
        wbc_str(&w->b, ws, row, 0, a->product->code, w->f.boven);
        wbc_str(&w->b, ws, row, 2, tarief_eenheid_naam(a->product->eenheid), w->f.boven);
        double som = 0;
        for (int e = 0; e < TARIEF_E_COUNT; e++) {
            double getoond = tarief_round(a->element[e], 2);
            som += getoond;
            wbc_formulaf(&w->b, ws, row, TA_EERSTE + e, getoond, w->f.af.euro, "=ROUND(Opbouw!%s%u,2)",
                         w->col[w->oc[st_element_item((tarief_element)e)]], orow);
        }
        wbc_formulaf(&w->b, ws, row, TA_WEERGAVE, a->tarief - som, w->f.af.euro, "=%s%u-SUM(%s%u:%s%u)", tc,
                     row + 1, eerste, row + 1, laatste, row + 1);
        wbc_formulaf(&w->b, ws, row, TA_TARIEF, a->tarief, w->f.tarief, "=Opbouw!%s%u",
                     w->col[w->oc[AF_TARIEF]], orow);
        for (int k = 0; k < 2; k++)
            if (pgb_col[k] >= 0 && tarief_afleiding_pgb(a, pgb_id[k]))
                wbc_formulaf(&w->b, ws, row, pgb_col[k], st_waarde(a, NULL, pgb_item[k]), w->f.af.euro,
                             "=Opbouw!%s%u", w->col[w->oc[pgb_item[k]]], orow);
    }
    /* the note under the table, in lines no wider than the table */
    wbc_str(&w->b, ws, (uint32_t)r->n_producten + 2, 0,
            "Weergave: elk element staat hier op centen afgerond (ROUND(\xe2\x80\xa6;2) van de volle waarde op Opbouw). "
            "De kolom afronding weergave is het tarief min de som van die bedragen,",
            w->f.notitie);
    wbc_str(&w->b, ws, (uint32_t)r->n_producten + 3, 0,
            "zodat de rij precies optelt tot het tarief. Het tarief zelf is dat van de rekenmethode (stap 17), "
            "ongewijzigd. Grafiek toont deze opbouw per product.",
            w->f.notitie);
}
