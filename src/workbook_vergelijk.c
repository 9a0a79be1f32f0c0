/*
 * workbook_vergelijk.c - the workbook of `vergelijk`, and what it shares with
 * that of `verschil` (workbook_verschil.c, through workbook_vgl.h), as
 * live models (rekenmethode §5, applied to two or more calculations).
 *
 * It shares the plumbing of workbook.c (workbook_common.h: cells, formats,
 * the method's overhead and rounding formulas, writing the file) and has
 * its own, simpler layout:
 *
 *   Toelichting   how to read it (and for verschil the order of the groups)
 *   Vergelijking  (vergelijk) per product per element: regio, aanbieder,
 *                 verschil, %, oorzaak
 *   Verschil      (verschil) per product: oud, nieuw, verschil, %, one
 *                 contribution per group, their sum, the causes
 *   Berekening    one block per calculation (regio / aanbieder, or oud /
 *                 after each group / nieuw): a row per functie (aandeel, C_f
 *                 from Loonkosten, gewogen), steps 9-17 on the product's row,
 *                 every one a formula. A block writes only what differs from
 *                 the product's block above (blok); in verschil a group that
 *                 changes nothing is one row 'gelijk' (gelijk_blok)
 *   Loonkosten    steps 1-8 once per functie and cao state (loonkosten)
 *   Invoer        every input value once, with its file:line and bron text:
 *                 a value that two calculations share (a region parameter the
 *                 aanbieder does not override, a salary both versions use) is
 *                 one cell, so changing it moves every calculation that uses it
 *
 * Every derived number is a formula over the cells it derives from, with the
 * value of the derivation record as its cached result; no formula contains
 * an input value. Each sheet is written strictly top to bottom (Berekening
 * and Invoer grow as the summary sheet is written), so the workbook is
 * written in libxlsxwriter's constant-memory mode. What the sheet does not model is which level wins: each
 * calculation refers to the cell that supplied its value (a product
 * override, the region, the CAO, a default), so emptying a cell does not
 * fall back to the next level as in the `bereken` workbook.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vergelijk_internal.h"
#include "workbook_common.h"
#include "workbook_vgl.h"

/* The column of item on Berekening, -1 for the items of Loonkosten. */
int wv_bkol(int item)
{
    if (item <= AF_AANDEEL)
        return item;
    if (item < AF_CF)
        return -1;
    return item - (AF_CF - AF_AANDEEL - 1);
}

/* Columns of Loonkosten: which functie, its cao and inschaling, then the
 * items AF_SALARIS .. AF_CF (maandsalaris, the five cao parameters, steps
 * 1-8). */
enum { L_FUNCTIE, L_CAO, L_INSCHALING, L_EERSTE };

static int lkol(int item)
{
    return item >= AF_SALARIS && item <= AF_CF ? L_EERSTE + item - AF_SALARIS : -1;
}

/* The three row columns of Berekening and of Loonkosten; the other headers
 * come from the step table (stappen.c). */
static const char *const BEREKENING_RIJ_KOP[3] = {"berekening", "code", "functie"};
static const char *const LOONKOSTEN_RIJ_KOP[3] = {"functie", "cao", "inschaling"};



/* Progress (tarief_workbook_options.voortgang): after every 256 products,
 * and once before libxlsxwriter zips the sheets. */
static void vwb_voortgang(vwb *w, const char *fase, size_t gedaan, size_t totaal)
{
    if (w->opts && w->opts->voortgang)
        w->opts->voortgang(w->opts->voortgang_data, fase, gedaan, totaal);
}

/* At the start of every product: progress, and a fresh scratch context
 * (the previous product's cells are written; nothing points into it). */
void wv_product(vwb *w, size_t gedaan, size_t totaal)
{
    if (gedaan % 256 == 0)
        vwb_voortgang(w, "werkboek schrijven", gedaan, totaal);
    tarief_ctx_free(w->tmp);
    w->tmp = tarief_ctx_new();
    w->vorige_refs = NULL;
    w->n_vorige = 0;
    w->vorige_c = 0;
    memset(w->rij_van, 0, sizeof w->rij_van);
}

int wv_close(vwb *w)
{
    vwb_voortgang(w, "werkboek inpakken", 0, 0);
    tarief_ctx_free(w->tmp);
    w->tmp = NULL;
    return wbc_close(&w->b);
}

static void formats(vwb *w)
{
    w->kop = wbc_format(&w->b, KLEUR_KOP, 0, true, false, NULL);
    format_set_text_wrap(w->kop);
    format_set_align(w->kop, LXW_ALIGN_VERTICAL_TOP);
    w->titel = wbc_format(&w->b, 0, 0, true, false, NULL);
    format_set_font_size(w->titel, 14);
    w->tekst = wbc_format(&w->b, 0, 0, false, false, NULL);
    format_set_text_wrap(w->tekst); /* the lines of Toelichting */
    format_set_align(w->tekst, LXW_ALIGN_VERTICAL_TOP);
    w->vet = wbc_format(&w->b, 0, 0, true, false, NULL);
    w->in_tekst = wbc_format(&w->b, KLEUR_INVOER, KLEUR_INVOER_TEKST, false, false, NULL);
    w->in_euro = wbc_format(&w->b, KLEUR_INVOER, KLEUR_INVOER_TEKST, false, false, EURO6);
    w->in_pct = wbc_format(&w->b, KLEUR_INVOER, KLEUR_INVOER_TEKST, false, false, PCT);
    w->in_getal = wbc_format(&w->b, KLEUR_INVOER, KLEUR_INVOER_TEKST, false, false, GETAL);
    w->euro = wbc_format(&w->b, 0, 0, false, false, EURO);
    w->euro6 = wbc_format(&w->b, 0, 0, false, false, EURO6);
    w->pct = wbc_format(&w->b, 0, 0, false, false, PCT);
    w->getal = wbc_format(&w->b, 0, 0, false, false, GETAL);
    w->tarief = wbc_format(&w->b, KLEUR_TARIEF, 0, true, false, EURO);
    w->cursief = wbc_format(&w->b, 0, 0, false, true, NULL);
    w->boven = wbc_format(&w->b, 0, 0, false, false, NULL);
    /* A row of Vergelijking or Oorzaken is as high as its wrapped cause
     * text, which starts at the top: its numbers start there too. */
    lxw_format *cellen[] = {w->vet,   w->in_tekst, w->in_euro, w->in_pct, w->in_getal, w->euro,
                            w->euro6, w->pct,      w->getal,   w->tarief, w->cursief, w->boven};
    for (size_t i = 0; i < sizeof cellen / sizeof *cellen; i++)
        if (cellen[i])
            format_set_align(cellen[i], LXW_ALIGN_VERTICAL_TOP);
}

void wv_kopregel(vwb *w, lxw_worksheet *ws, const char *const *namen, int n)
{
    wbc_header(&w->b, ws, w->kop, namen, n, 45);
    worksheet_freeze_panes(ws, 1, 0);
}

/* --- Invoer: every input value once ------------------------------------------- */

enum { I_OMSCHRIJVING, I_WAARDE, I_VINDPLAATS, I_BRON };

/* The reference of the Invoer cell for this value, writing the row the first
 * time the key is met. kind: 'n' number, 'p' percentage, 'e' euro, 's' text. */
static const char *invoer(vwb *w, const char *key, char kind, double num, const char *str, const char *label,
                          const tarief_bron *bron)
{
    const char *ref = ti_map_get(&w->index, key);
    if (ref == NULL) {
        uint32_t row = w->invoer_rij++;
        ref = ti_ctx_printf(w->b.ctx, "Invoer!$B$%u", (unsigned)row + 1);
        ti_map_put(w->b.ctx, &w->index, tarief_ctx_strdup(w->b.ctx, key), (void *)ref);
        lxw_worksheet *ws = w->invoer;
        wbc_str(&w->b, ws, row, I_OMSCHRIJVING, label, NULL);
        switch (kind) {
        case 's': wbc_check(&w->b, worksheet_write_string(ws, row, I_WAARDE, str ? str : "", w->in_tekst)); break;
        case 'p': wbc_num(&w->b, ws, row, I_WAARDE, num, w->in_pct); break;
        case 'e': wbc_num(&w->b, ws, row, I_WAARDE, num, w->in_euro); break;
        default: wbc_num(&w->b, ws, row, I_WAARDE, num, w->in_getal); break;
        }
        const char *v = vgl_bron_tekst(w->tmp, bron);
        wbc_str(&w->b, ws, row, I_VINDPLAATS, v ? v : "standaardwaarde " TARIEF_REKENMETHODE, NULL);
        if (bron && bron->tekst)
            wbc_str(&w->b, ws, row, I_BRON, bron->tekst, NULL);
    }
    return ref;
}

/* The Invoer cell of key if it has one already, else NULL: the callers
 * make the label only for a new one. */
static const char *invoer_ref(vwb *w, const char *key)
{
    return ti_map_get(&w->index, key);
}

/* A key says where a value was set (file|line|column, "-" for none) and
 * its exact bits (hex: formatting every double to 17 digits was a tenth of
 * the run at 10 000 products). */
#define PLAATS_FMT "%s|%d|%d"
#define PLAATS(b)                                                                                                     \
    ((b) && (b)->file ? (b)->file : "-"), ((b) && (b)->file ? (b)->line : 0), ((b) && (b)->file ? (b)->column : 0)

static unsigned long long bits(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return (unsigned long long)u;
}

/* A resolved parameter of a calculation. */
static const char *ref_param(vwb *w, int id, const tarief_invoer *v, const char *code, const tarief_cao *cao)
{
    const tarief_bron *bron = v->param ? &v->param->bron : NULL;
    const char *key;
    if (v->param == NULL)
        key = ti_ctx_printf(w->tmp, "S|%d|%llx|%d", id, bits(v->waarde), v->keuze);
    else if (id == TARIEF_P_INDEXATIE)
        /* indexatie;vng is computed from the index series (docs/indexatie.md):
         * here the value it came to is the input, one cell per line and value,
         * also where `verschil` holds it fixed before its group */
        key = ti_ctx_printf(w->tmp, "I|" PLAATS_FMT "|%llx", PLAATS(bron), bits(v->waarde));
    else
        key = ti_ctx_printf(w->tmp, "P|" PLAATS_FMT "|%d|%llx|%d", PLAATS(bron), id, bits(v->waarde), v->keuze);
    const char *ref = invoer_ref(w, key);
    if (ref)
        return ref;

    const tarief_param_info *info = tarief_param_info_get((tarief_param_id)id);
    char kind = info->soort == TARIEF_SOORT_KEUZE        ? 's'
                : info->soort == TARIEF_SOORT_PERCENTAGE ? 'p'
                                                         : 'n';
    const char *str = kind == 's' ? tarief_param_keuze_naam((tarief_param_id)id, v->keuze) : NULL;
    const char *label;
    if (v->param == NULL) {
        label = ti_ctx_printf(w->tmp, "%s (standaardwaarde)", info->naam);
    } else if (id == TARIEF_P_INDEXATIE) {
        label =
            v->waarde != v->param->waarde || (v->param->tekst && strcmp(v->param->tekst, "vng") == 0)
                ? ti_ctx_printf(w->tmp, "indexatie (berekend met '%s')", v->param->tekst ? v->param->tekst : "")
            : v->herkomst == TARIEF_HERKOMST_PRODUCT ? ti_ctx_printf(w->tmp, "indexatie (product %s)", code)
                                                     : "indexatie";
    } else {
        switch (v->herkomst) {
        case TARIEF_HERKOMST_PRODUCT: label = ti_ctx_printf(w->tmp, "%s (product %s)", info->naam, code); break;
        case TARIEF_HERKOMST_FUNCTIEMIX:
            label = ti_ctx_printf(w->tmp, "%s (functiemix %s)", info->naam, code);
            break;
        case TARIEF_HERKOMST_CAO:
            label = ti_ctx_printf(w->tmp, "%s (cao %s)", info->naam, cao && cao->id ? cao->id : "?");
            break;
        default: label = info->naam; break;
        }
    }
    return invoer(w, key, kind, v->waarde, str, label, bron);
}

/* uren_per_eenheid, begeleiders, ...: a product value or its default. */
static const char *ref_product(vwb *w, const char *naam, const tarief_param *p, const char *code, bool geld)
{
    const char *key = p->set ? ti_ctx_printf(w->tmp, "D|" PLAATS_FMT "|%s|%llx", PLAATS(&p->bron), naam,
                                                 bits(p->waarde))
                             : ti_ctx_printf(w->tmp, "S|%s|%llx", naam, bits(p->waarde));
    const char *ref = invoer_ref(w, key);
    if (ref)
        return ref;
    const char *label = p->set ? ti_ctx_printf(w->tmp, "%s %s", naam, code)
                               : ti_ctx_printf(w->tmp, "%s (standaardwaarde)", naam);
    return invoer(w, key, geld ? 'e' : 'n', p->waarde, NULL, label, p->set ? &p->bron : NULL);
}

/* --- Berekening: one calculation as formulas --------------------------------- */

/* Writes the block; returns the 1-based row of the product row. */
/* How a step's input resolves to a cell of Berekening: the same row (n),
 * or for step 9 the functie rows eerste..laatste of the product. */
typedef struct vref {
    vwb *w;
    bool lk; /* a row of Loonkosten, else of Berekening */
    bool product; /* a product row: each item where w->rij_van says */
    uint32_t n, eerste, laatste;
    char buf[32];
} vref;

static const char *vref_cel(void *data, int item, bool bereik)
{
    vref *r = data;
    const char *c = r->lk ? r->w->lcol[item] : r->w->bcol[item];
    if (bereik)
        snprintf(r->buf, sizeof r->buf, "%s%u:%s%u", c, r->eerste, c, r->laatste);
    else
        snprintf(r->buf, sizeof r->buf, "%s%u", c, r->product ? r->w->rij_van[item] : r->n);
    return r->buf;
}

/* Step item of the table (stappen.c) as a formula with its cached value. */
static void stap(vwb *w, lxw_worksheet *ws, uint32_t row, int item, vref *r, double v, lxw_format *fm)
{
    char f[F_LEN];
    if (st_formule(f, sizeof f, item, vref_cel, r) == NULL)
        wbc_fout(&w->b, "interne fout: formule te lang");
    wbc_formula(&w->b, ws, row, r->lk ? lkol(item) : wv_bkol(item), f, v, fm);
}

/*
 * Steps 1-8 of functie row fa on Loonkosten: one row per distinct set of
 * input cells (maandsalaris or loonkosten_per_uur, and the five cao
 * parameters), written the first time it is met. Every product, and every
 * block of `verschil`, that uses the functie in the same cao state refers
 * to that row, as the `bereken` workbook does (a product that overrides
 * ort has cells of its own, so a row of its own). Returns the reference of
 * its C_f.
 */
static const char *loonkosten(vwb *w, const tarief_afleiding *a, const tarief_functie_afleiding *fa)
{
    const tarief_product *p = a->product;
    const tarief_functie *fu = fa->functie;
    const char *ref[1 + ST_N_FUNCTIE_PARAMS];
    int n = 0;
    if (fa->per_uur) {
        const char *k = ti_ctx_printf(w->tmp, "K|" PLAATS_FMT "|%llx", PLAATS(&fu->loonkosten_per_uur.bron),
                                          bits(fa->kosten_per_uur));
        ref[n] = invoer_ref(w, k);
        if (ref[n] == NULL)
            ref[n] = invoer(w, k, 'e', fa->kosten_per_uur, NULL,
                            ti_ctx_printf(w->tmp, "loonkosten_per_uur %s", fu->naam), &fu->loonkosten_per_uur.bron);
        n++;
    } else {
        const tarief_salaris *s = fu->salaris;
        const char *k =
            ti_ctx_printf(w->tmp, "L|" PLAATS_FMT "|%llx", PLAATS(&s->bron), bits(s->maandsalaris));
        ref[n] = invoer_ref(w, k);
        if (ref[n] == NULL)
            ref[n] = invoer(w, k, 'e', s->maandsalaris, NULL,
                            ti_ctx_printf(w->tmp, "maandsalaris cao %s schaal %s trede %s", fu->cao->id,
                                              s->schaal, s->trede),
                            &s->bron);
        n++;
        for (int it = AF_VT_PCT; it <= AF_JAARUREN; it++)
            ref[n++] = ref_param(w, st_get(it)->param, st_invoer(a, fa, it), p->code, fu->cao);
    }
    /* the key: the functie and its input cells, joined by '|' */
    size_t len = strlen(fu->naam) + 2;
    for (int k = 0; k < n; k++)
        len += strlen(ref[k]) + 1;
    char *key = tarief_ctx_alloc(w->tmp, len + 1), *e = key;
    *e++ = fa->per_uur ? 'U' : 'S';
    e = stpcpy(e, "|");
    e = stpcpy(e, fu->naam);
    for (int k = 0; k < n; k++) {
        *e++ = '|';
        e = stpcpy(e, ref[k]);
    }
    uintptr_t r = (uintptr_t)ti_map_get(&w->lk_index, key);
    if (r == 0) {
        lxw_worksheet *ws = w->loonkosten;
        uint32_t row = w->lk_rij++;
        r = row + 1;
        ti_map_put(w->b.ctx, &w->lk_index, tarief_ctx_strdup(w->b.ctx, key), (void *)r);
        vref vr = {.w = w, .lk = true, .n = row + 1};
        wbc_str(&w->b, ws, row, L_FUNCTIE, fu->naam, NULL);
        if (fa->per_uur) {
            wbc_str(&w->b, ws, row, L_INSCHALING, "loonkosten per uur", NULL);
            wbc_formulaf(&w->b, ws, row, lkol(AF_CF), fa->kosten_per_uur, w->euro6, "=%s", ref[0]);
        } else {
            const tarief_salaris *s = fu->salaris;
            wbc_str(&w->b, ws, row, L_CAO, fu->cao->id, NULL);
            wbc_str(&w->b, ws, row, L_INSCHALING,
                    ti_ctx_printf(w->tmp, "schaal %s trede %s", s->schaal, s->trede), NULL);
            wbc_formulaf(&w->b, ws, row, lkol(AF_SALARIS), s->maandsalaris, w->euro, "=%s", ref[0]);
            for (int it = AF_VT_PCT; it <= AF_JAARUREN; it++)
                wbc_formulaf(&w->b, ws, row, lkol(it), st_invoer(a, fa, it)->waarde,
                             it == AF_JAARUREN ? w->getal : w->pct, "=%s", ref[1 + it - AF_VT_PCT]);
            for (int it = AF_J; it <= AF_CF; it++)
                stap(w, ws, row, it, &vr, st_waarde(a, fa, it), it == AF_CF ? w->euro6 : w->euro);
        }
    }
    return ti_ctx_printf(w->tmp, "Loonkosten!$%s$%u", w->lcol[AF_CF], (unsigned)r);
}

/*
 * The product row of a block writes only what differs from the product's
 * previous block: an input whose cell is the same, and a step all of whose
 * inputs are the same, stay empty, and the formulas of this row refer to
 * the cell of the block above (w->rij_van). An input: formula "=" + f,
 * cached value v, or text vs for a keuze.
 */
static void invoer_cel(vwb *w, uint32_t row, int item, bool eerder, double v, const char *vs, lxw_format *fm,
                       const char *f)
{
    if (eerder && w->formule_van[item] && strcmp(w->formule_van[item], f) == 0) {
        w->zelfde[item] = true;
        return;
    }
    w->zelfde[item] = false;
    w->formule_van[item] = f;
    w->rij_van[item] = row + 1;
    char buf[F_LEN];
    wbc_fmt(&w->b, buf, sizeof buf, "=%s", f);
    if (vs)
        wbc_formula_str(&w->b, w->berekening, row, wv_bkol(item), buf, vs, fm);
    else
        wbc_formula(&w->b, w->berekening, row, wv_bkol(item), buf, v, fm);
}

static void stap_cel(vwb *w, uint32_t row, int item, vref *r, bool eerder, double v, lxw_format *fm)
{
    const st_item *it = st_get(item);
    bool zelfde = eerder;
    for (int k = 0; zelfde && k < it->n_invoer; k++)
        zelfde = w->zelfde[it->invoer[k]];
    w->zelfde[item] = zelfde;
    if (zelfde)
        return;
    w->rij_van[item] = row + 1;
    stap(w, w->berekening, row, item, r, v, fm);
}

/* Writes the block of calculation a; returns the 1-based row of its
 * tariff's cell, and in rij (if not NULL) that of every item. */
uint32_t wv_blok(vwb *w, const char *naam, const tarief_afleiding *a, uint32_t *rij)
{
    lxw_worksheet *ws = w->berekening;
    const tarief_product *p = a->product;
    /* The cells of each functie row: aandeel and C_f. When they are those
     * of the product's previous block (a group that only moves steps 9-17,
     * or the aanbieder with the region's mix and functies), the block gets
     * no functie rows of its own: its C refers to the previous block's. */
    const char **refs = tarief_ctx_alloc(w->tmp, (2 * a->n_functies + 1) * sizeof *refs);
    for (size_t j = 0; j < a->n_functies; j++) {
        const tarief_functie_afleiding *fa = &a->functies[j];
        const char *mk =
            ti_ctx_printf(w->tmp, "M|" PLAATS_FMT "|%llx", PLAATS(&fa->mix->bron), bits(fa->mix->aandeel));
        const char *mr = invoer_ref(w, mk);
        if (mr == NULL)
            mr = invoer(w, mk, 'p', fa->mix->aandeel, NULL,
                        ti_ctx_printf(w->tmp, "functiemix %s %s", p->code, fa->functie->naam), &fa->mix->bron);
        refs[2 * j] = mr;
        refs[2 * j + 1] = loonkosten(w, a, fa);
    }
    bool zelfde = w->vorige_c != 0 && w->n_vorige == a->n_functies;
    for (size_t k = 0; zelfde && k < 2 * a->n_functies; k++)
        zelfde = strcmp(refs[k], w->vorige_refs[k]) == 0;

    uint32_t eerste = w->ber_rij + 1;
    for (size_t j = 0; !zelfde && j < a->n_functies; j++) {
        const tarief_functie_afleiding *fa = &a->functies[j];
        uint32_t row = w->ber_rij++;
        vref r = {.w = w, .n = row + 1};
        wbc_str(&w->b, ws, row, B_BLOK, naam, NULL);
        wbc_str(&w->b, ws, row, B_CODE, p->code, NULL);
        wbc_str(&w->b, ws, row, B_FUNCTIE, fa->functie->naam, NULL);
        wbc_formulaf(&w->b, ws, row, wv_bkol(AF_AANDEEL), fa->mix->aandeel, w->pct, "=%s", refs[2 * j]);
        wbc_formulaf(&w->b, ws, row, wv_bkol(AF_CF), fa->kosten_per_uur, w->euro6, "=%s", refs[2 * j + 1]);
        stap(w, ws, row, AF_GEWOGEN, &r, fa->gewogen, w->euro6);
    }

    uint32_t row = w->ber_rij++, n = row + 1;
    vref r = {.w = w, .product = true, .n = n, .eerste = eerste, .laatste = row};
    bool eerder = w->rij_van[AF_TARIEF] != 0; /* the product has a block before this one */
    wbc_str(&w->b, ws, row, B_BLOK, naam, w->vet);
    wbc_str(&w->b, ws, row, B_CODE, p->code, w->vet);
    wbc_str(&w->b, ws, row, B_FUNCTIE, "product", w->vet);
    if (zelfde) {
        w->zelfde[AF_C] = true;
    } else {
        w->zelfde[AF_C] = false;
        w->rij_van[AF_C] = n;
        if (a->n_functies)
            stap(w, ws, row, AF_C, &r, a->gemengde_kosten, w->euro6);
        else
            wbc_formulaf(&w->b, ws, row, wv_bkol(AF_C), a->gemengde_kosten, w->euro6, "=0*%s%u", w->bcol[AF_UREN], n);
        w->vorige_refs = refs;
        w->n_vorige = a->n_functies;
        w->vorige_c = n;
    }
    invoer_cel(w, row, AF_UREN, eerder, p->uren_per_eenheid.waarde, NULL, w->getal,
               ref_product(w, "uren_per_eenheid", &p->uren_per_eenheid, p->code, false));
    invoer_cel(w, row, AF_BEGELEIDERS, eerder, p->begeleiders.waarde, NULL, w->getal,
               ref_product(w, "begeleiders", &p->begeleiders, p->code, false));
    invoer_cel(w, row, AF_GROEP, eerder, p->groepsgrootte.waarde, NULL, w->getal,
               ref_product(w, "groepsgrootte", &p->groepsgrootte, p->code, false));
    stap_cel(w, row, AF_I, &r, eerder, a->inzet, w->getal);
    if (a->productiviteit_uit_componenten) {
        char lijst[F_LEN] = "";
        size_t len = 0;
        for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++) {
            const char *rf = ref_param(w, TARIEF_P_COMPONENT_FIRST + k, &a->componenten[k], p->code, NULL);
            int m = snprintf(lijst + len, sizeof lijst - len, "%s%s", k ? "," : "", rf);
            if (m < 0 || (size_t)m >= sizeof lijst - len) {
                wbc_fout(&w->b, "interne fout: formule te lang");
                break;
            }
            len += (size_t)m;
        }
        invoer_cel(w, row, AF_PRODUCTIVITEIT, eerder, a->productiviteit.waarde, NULL, w->pct,
                   ti_ctx_printf(w->tmp, "1-SUM(%s)", lijst));
    } else {
        invoer_cel(w, row, AF_PRODUCTIVITEIT, eerder, a->productiviteit.waarde, NULL, w->pct,
                   ref_param(w, TARIEF_P_PRODUCTIVITEIT, &a->productiviteit, p->code, NULL));
    }
    stap_cel(w, row, AF_E1, &r, eerder, st_waarde(a, NULL, AF_E1), w->euro6);
    stap_cel(w, row, AF_E2, &r, eerder, st_waarde(a, NULL, AF_E2), w->euro6);
    for (size_t k = 0; k < ST_N_PRODUCT_PARAMS; k++) {
        int col = st_product_params[k], id = st_get(col)->param;
        const tarief_invoer *v = st_invoer(a, NULL, col);
        if (id == TARIEF_P_INDEXATIE) {
            /* indexatie;vng keeps its form in keuze: the value is what counts */
            tarief_invoer iv = *v;
            iv.keuze = 0;
            invoer_cel(w, row, col, eerder, v->waarde, NULL, w->pct, ref_param(w, id, &iv, p->code, NULL));
        } else if (tarief_param_info_get((tarief_param_id)id)->soort == TARIEF_SOORT_KEUZE) {
            invoer_cel(w, row, col, eerder, 0, tarief_param_keuze_naam((tarief_param_id)id, v->keuze), NULL,
                       ref_param(w, id, v, p->code, NULL));
        } else {
            invoer_cel(w, row, col, eerder, v->waarde, NULL, w->pct, ref_param(w, id, v, p->code, NULL));
        }
    }
    static const int na[] = {AF_E3, AF_E5, AF_P, AF_E4};
    for (size_t k = 0; k < sizeof na / sizeof *na; k++)
        stap_cel(w, row, na[k], &r, eerder, st_waarde(a, NULL, na[k]), w->euro6);
    invoer_cel(w, row, AF_E6, eerder, a->element[TARIEF_E_HUISVESTING], NULL, w->euro6,
               ref_product(w, "huisvesting", &p->huisvesting, p->code, true));
    invoer_cel(w, row, AF_E7, eerder, a->element[TARIEF_E_VERZORGING], NULL, w->euro6,
               ref_product(w, "verzorging", &p->verzorging, p->code, true));
    for (int k = AF_K; k <= AF_AFRONDINGSVERSCHIL; k++)
        if (st_get(k)->excel != NULL)
            stap_cel(w, row, k, &r, eerder, st_waarde(a, NULL, k), k == AF_TARIEF ? w->tarief : w->euro6);
    if (rij)
        memcpy(rij, w->rij_van, sizeof w->rij_van);
    return w->rij_van[AF_TARIEF];
}

const char *wv_cel(vwb *w, int col, uint32_t n)
{
    return ti_ctx_printf(w->tmp, "Berekening!$%s$%u", w->bcol[col], n);
}

/* --- the workbook around the sheets ------------------------------------------- */

int wv_open_boek(vwb *w, const char *titel, int jaar)
{
    if (wbc_check_locale(&w->b) != 0)
        return -1;
    /* the same rule as bereken: SOURCE_DATE_EPOCH if valid, an error if
     * set but invalid, else 1 January of the tariefjaar */
    long long aangemaakt;
    int bron = wbc_source_date_epoch(&aangemaakt);
    if (bron < 0) {
        tarief_ctx_error(w->b.ctx, w->b.path, 0, 0, NULL,
                         "SOURCE_DATE_EPOCH '%s' is geen geldig tijdstip (seconden sinds 1970, vanaf 1980)",
                         getenv("SOURCE_DATE_EPOCH"));
        return -1;
    }
    if (w->opts && w->opts->created != 0)
        aangemaakt = w->opts->created;
    else if (bron == 0)
        aangemaakt = wbc_nieuwjaar(jaar);
    if (wbc_open(&w->b, titel, "Twee of meer berekeningen naast elkaar (" TARIEF_REKENMETHODE ")", aangemaakt) != 0)
        return -1;
    for (int c = 0; c < 64; c++)
        wbc_col_letters(c, w->col[c]);
    for (int k = 0; k < AF_COUNT; k++) {
        wbc_col_letters(wv_bkol(k) >= 0 ? wv_bkol(k) : 0, w->bcol[k]);
        wbc_col_letters(lkol(k) >= 0 ? lkol(k) : 0, w->lcol[k]);
    }
    formats(w);
    ti_map_init(w->b.ctx, &w->index, 64);
    ti_map_init(w->b.ctx, &w->lk_index, 64);
    w->tmp = tarief_ctx_new(); /* never NULL: aborts when out of memory */
    return 0;
}

/* Adds Berekening, Loonkosten and Invoer (last, after the summary sheet the
 * caller made). */
void wv_voeg_rekenbladen_toe(vwb *w)
{
    w->berekening = workbook_add_worksheet(w->b.book, "Berekening");
    w->loonkosten = workbook_add_worksheet(w->b.book, "Loonkosten");
    w->invoer = workbook_add_worksheet(w->b.book, "Invoer");
    if (!w->berekening || !w->loonkosten || !w->invoer) {
        wbc_fout(&w->b, "kan werkblad niet aanmaken");
        return;
    }
    char koppen[AF_COUNT][96];
    const char *kop[AF_COUNT], *lkop[AF_COUNT];
    int n = 0, nl = 0;
    for (int k = 0; k < AF_COUNT; k++) {
        const char *t = k < AF_AANDEEL ? BEREKENING_RIJ_KOP[k] : st_kop(k, ST_KOP_EEN_REGEL, koppen[k], sizeof koppen[k]);
        if (wv_bkol(k) >= 0)
            kop[n++] = t;
        if (k < AF_AANDEEL)
            lkop[nl++] = LOONKOSTEN_RIJ_KOP[k];
        else if (lkol(k) >= 0)
            lkop[nl++] = t;
    }
    wv_kopregel(w, w->berekening, kop, n);
    const wbc_kolom ber_breedte[] = {{B_BLOK, B_BLOK, 26}, {B_CODE, B_FUNCTIE, 12}, {wv_bkol(AF_AANDEEL), n - 1, 14}};
    wbc_widths(&w->b, w->berekening, ber_breedte, sizeof ber_breedte / sizeof ber_breedte[0]);
    worksheet_freeze_panes(w->berekening, 1, 3);
    w->ber_rij = 1;
    wv_kopregel(w, w->loonkosten, lkop, nl);
    const wbc_kolom lk_breedte[] = {{L_FUNCTIE, L_FUNCTIE, 20}, {L_CAO, L_INSCHALING, 16}, {L_EERSTE, nl - 1, 14}};
    wbc_widths(&w->b, w->loonkosten, lk_breedte, sizeof lk_breedte / sizeof lk_breedte[0]);
    worksheet_freeze_panes(w->loonkosten, 1, 3);
    w->lk_rij = 1;
    static const char *const ik[] = {"invoer", "waarde", "vindplaats", "bron"};
    wv_kopregel(w, w->invoer, ik, 4);
    static const wbc_kolom in_breedte[] = {{0, 0, 44}, {1, 1, 14}, {2, 2, 52}, {3, 3, 60}};
    wbc_widths(&w->b, w->invoer, in_breedte, sizeof in_breedte / sizeof in_breedte[0]);
    w->invoer_rij = 1;
}

void wv_toelichting(vwb *w, lxw_worksheet *ws, const char *titel, const char *const *regels, size_t n)
{
    wbc_check(&w->b, worksheet_set_column(ws, 0, 0, 110, NULL));
    wbc_str(&w->b, ws, 0, 0, titel, w->titel);
    for (size_t i = 0; i < n; i++) {
        wbc_rij_voor(&w->b, ws, (uint32_t)(i + 2), regels[i], 110);
        wbc_str(&w->b, ws, (uint32_t)(i + 2), 0, regels[i], w->tekst);
    }
}

/* Printing (wbc_afdruk; Grafiek: wbc_grafiek_*). */
void wv_afdruk(vwb *w, lxw_worksheet *toel, lxw_worksheet *ws, const char *titel)
{
    wbc_afdruk(&w->b, toel, titel, false, 1, 0, 0);
    wbc_afdruk(&w->b, ws, titel, true, 1, 1, 1);
    wbc_afdruk(&w->b, w->berekening, titel, true, 1 + AF_COUNT * 14 / 200, 1, 3);
    wbc_afdruk(&w->b, w->invoer, titel, true, 1, 1, 1);
    wbc_afdruk(&w->b, w->loonkosten, titel, true, 1, 1, L_EERSTE);
}

const char *const wv_uitleg_bladen[] = {
    "Berekening: elke berekening als blok, een regel per functie (aandeel in de functiemix, kosten per uur C_f van "
    "Loonkosten, gewogen) en stap 9-17 op de regel 'product'. Een blok schrijft alleen wat verschilt van het "
    "blok erboven van hetzelfde product: een lege wv_cel (of een ontbrekende functieregel) is gelijk aan die in het blok "
    "erboven, en de formules van het blok verwijzen daarnaar. Elke afgeleide waarde is een formule; de waarde in de cel is wat tarief "
    "berekende.",
    "Loonkosten: stap 1-8 (maandsalaris tot kosten per betaald uur) één keer per functie en cao-stand: elke "
    "berekening die de functie met dezelfde invoercellen gebruikt, verwijst naar dezelfde regel.",
    "Invoer: elke invoerwaarde één keer (gele cellen), met bestand:regel en de tekst uit de kolom bron. Een waarde "
    "die twee berekeningen delen staat er één keer: wijzig haar en alle berekeningen die haar gebruiken rekenen mee.",
    "Een berekening verwijst naar de cel die haar waarde leverde (product, regio, cao of standaardwaarde); een cel "
    "leegmaken valt niet terug op het volgende niveau zoals in het werkboek van 'tarief bereken'.",
};

/* The change in percent in column col: the difference in column verschil
 * over column basis, empty where the basis is 0. The cached value is the
 * record's percentage (verschil_pct, pct_bekend: false exactly where the
 * basis is 0) as the fraction the percent format shows. */
void wv_put_pct(vwb *w, lxw_worksheet *ws, uint32_t row, int col, int basis, int verschil, bool bekend,
                    double pct)
{
    char f[F_LEN];
    uint32_t n = row + 1;
    wbc_fmt(&w->b, f, sizeof f, "=IF(%s%u=0,\"\",%s%u/%s%u)", w->col[basis], n, w->col[verschil], n, w->col[basis], n);
    if (!bekend)
        wbc_formula_str(&w->b, ws, row, col, f, "", w->pct);
    else
        wbc_formula(&w->b, ws, row, col, f, pct / 100, w->pct);
}

/* --- vergelijk ---------------------------------------------------------------- */

enum { V_CODE, V_NAAM, V_EENHEID, V_ELEMENT, V_REGIO, V_AANBIEDER, V_VERSCHIL, V_PCT, V_OORZAAK, V_COUNT };
#define V_OORZAAK_BREEDTE 60 /* the causes wrap in this width (printed: fits the page) */

static void vergelijk_regel(vwb *w, lxw_worksheet *ws, uint32_t row, const tarief_product *p, const char *label,
                            int col, uint32_t nr, uint32_t na, double a, double b, bool pct, bool pct_bekend,
                            double verschil_pct, const char *oorzaak, bool vet)
{
    uint32_t n = row + 1;
    lxw_format *fmt = vet ? w->tarief : w->euro6;
    if (oorzaak && oorzaak[0])
        /* wrapped, nothing cut off: estimated narrower, as paths break only at spaces */
        wbc_rij_voor(&w->b, ws, row, oorzaak, V_OORZAAK_BREEDTE - 10);
    wbc_str(&w->b, ws, row, V_CODE, p->code, vet ? w->vet : w->boven);
    wbc_str(&w->b, ws, row, V_NAAM, p->naam, w->boven);
    wbc_str(&w->b, ws, row, V_EENHEID, tarief_eenheid_naam(p->eenheid), w->boven);
    wbc_str(&w->b, ws, row, V_ELEMENT, label, vet ? w->vet : w->boven);
    wbc_formulaf(&w->b, ws, row, V_REGIO, a, fmt, "=%s", wv_cel(w, col, nr));
    wbc_formulaf(&w->b, ws, row, V_AANBIEDER, b, fmt, "=%s", wv_cel(w, col, na));
    wbc_formulaf(&w->b, ws, row, V_VERSCHIL, b - a, vet ? w->tarief : w->euro6, "=%s%u-%s%u", w->col[V_AANBIEDER], n,
                 w->col[V_REGIO], n);
    if (pct)
        wv_put_pct(w, ws, row, V_PCT, V_REGIO, V_VERSCHIL, pct_bekend, verschil_pct);
    wbc_str(&w->b, ws, row, V_OORZAAK, oorzaak, w->tekst);
}

/* Oorzaken: per product a small table, a row per cause with its
 * contribution (tarief_bijdrage) to every element and to the tariff, then
 * the product's row 'som': per column a formula over those rows, equal to
 * the difference aanbieder - regio. */
enum { O_CODE, O_OORZAAK, O_EERSTE, O_TARIEF = O_EERSTE + TARIEF_E_COUNT, O_COUNT };

static void oorzaken_kop(vwb *w, lxw_worksheet *ws)
{
    const char *kop[O_COUNT] = {"code", "oorzaak"};
    for (int e = 0; e < TARIEF_E_COUNT; e++) {
        const tarief_element_info *in = tarief_element_info_get((tarief_element)e);
        kop[O_EERSTE + e] = in->nvo ? ti_ctx_printf(w->b.ctx, "%d %s", in->nvo, in->label) : in->label;
    }
    kop[O_TARIEF] = "tarief";
    wv_kopregel(w, ws, kop, O_COUNT);
    static const wbc_kolom breedte[] = {
        {O_CODE, O_CODE, 10}, {O_OORZAAK, O_OORZAAK, 60}, {O_EERSTE, O_TARIEF, 13}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
}

static uint32_t oorzaken_product(vwb *w, lxw_worksheet *ws, uint32_t row, const tarief_vergelijk_product *vp)
{
    const char *code = vp->regio->product->code;
    uint32_t eerste = row;
    for (size_t k = 0; k < vp->n_bijdragen; k++) {
        const tarief_bijdrage *t = &vp->bijdragen[k];
        bool iets = t->cent != 0;
        for (int e = 0; e < TARIEF_E_COUNT && !iets; e++)
            iets = t->micro[e] != 0;
        if (!iets)
            continue;
        wbc_rij_voor(&w->b, ws, row, t->oorzaak.volledig, 60);
        wbc_str(&w->b, ws, row, O_CODE, code, NULL);
        wbc_str(&w->b, ws, row, O_OORZAAK, t->oorzaak.volledig, w->tekst);
        for (int e = 0; e < TARIEF_E_COUNT; e++)
            wbc_num(&w->b, ws, row, O_EERSTE + e, (double)t->micro[e] / 1e6, w->euro6);
        wbc_num(&w->b, ws, row, O_TARIEF, (double)t->cent / 100, w->euro);
        row++;
    }
    if (row == eerste)
        return row;
    wbc_str(&w->b, ws, row, O_CODE, code, w->vet);
    wbc_str(&w->b, ws, row, O_OORZAAK, "som = verschil aanbieder \xe2\x88\x92 regio", w->vet);
    for (int c = O_EERSTE; c <= O_TARIEF; c++) {
        long long som = c < O_TARIEF ? vp->verschil_micro[c - O_EERSTE] : vp->verschil_cent;
        wbc_formulaf(&w->b, ws, row, c, c < O_TARIEF ? (double)som / 1e6 : (double)som / 100,
                     c < O_TARIEF ? w->euro6 : w->tarief, "=SUM(%s%u:%s%u)", w->col[c], eerste + 1, w->col[c], row);
    }
    return row + 1;
}

int tarief_vergelijk_workbook_write(tarief_ctx *ctx, const tarief_vergelijking *v, const char *path,
                                    const tarief_workbook_options *opts)
{
    vwb w_ = {.b = {.ctx = ctx, .path = path}, .opts = opts};
    vwb *w = &w_;
    const char *titel = ti_ctx_printf(ctx, "Vergelijking %s en %s %d", v->regio->naam ? v->regio->naam : "",
                                          v->aanbieder->naam ? v->aanbieder->naam : "", v->regio->tariefjaar);
    if (wv_open_boek(w, titel, v->regio->tariefjaar) != 0)
        return -1;
    lxw_worksheet *toel = workbook_add_worksheet(w->b.book, "Toelichting");
    lxw_worksheet *ws = workbook_add_worksheet(w->b.book, "Vergelijking");
    lxw_worksheet *oz = workbook_add_worksheet(w->b.book, "Oorzaken");
    lxw_worksheet *graf = workbook_add_worksheet(w->b.book, "Grafiek");
    wv_voeg_rekenbladen_toe(w);
    uint32_t oz_rij = 1;
    if (oz)
        oorzaken_kop(w, oz);
    if (toel && ws && oz && graf && w->berekening && w->loonkosten && w->invoer) {
        const char *regels[] = {
            ti_ctx_printf(ctx, "Regio: %s (%s). Aanbieder: %s.", v->regio->naam, v->regio->dir,
                              v->aanbieder->naam),
            "Vergelijking: per product per NvO-element het bedrag van de regio en van de aanbieder, het verschil in "
            "euro en procent, en de invoer die het verschil veroorzaakt (met bestand:regel). 'doorwerking van' noemt "
            "eerdere elementen die verschillen en waarover dit element berekend wordt.",
            wv_uitleg_bladen[0], wv_uitleg_bladen[1], wv_uitleg_bladen[2], wv_uitleg_bladen[3],
            "Oorzaken: per product een regel per oorzaak met haar bijdrage in euro aan elk element en aan het tarief. De invoer van de regio wordt "
            "oorzaak voor oorzaak (in een vaste volgorde: de groepen van 'tarief verschil') door die van de aanbieder "
            "vervangen en na elke oorzaak opnieuw gerekend; de bijdragen van een element tellen precies op tot zijn "
            "verschil (zie de regel 'som' van elk product: per kolom de som van de oorzaken). De bijdragen zijn "
            "uitkomsten van tarief, geen formules.",
            "Samenvoegregels van de aanbiedermap en de rekenmethode: docs/vergelijk-en-verschil.md en "
            "docs/rekenmethode.md.",
        };
        wv_toelichting(w, toel, titel, regels, sizeof regels / sizeof *regels);
        static const char *const kop[V_COUNT] = {"code", "naam", "eenheid", "element", "regio", "aanbieder",
                                                 "verschil", "verschil %", "oorzaak"};
        wv_kopregel(w, ws, kop, V_COUNT);
        double naam_breedte = 30;
        for (size_t i = 0; i < v->n_producten; i++)
            naam_breedte = wbc_breedte_voor(naam_breedte, v->producten[i].aanbieder->product->naam, 60);
        const wbc_kolom breedte[] = {{V_NAAM, V_NAAM, naam_breedte},
                                     {V_ELEMENT, V_ELEMENT, 28},
                                     {V_REGIO, V_PCT, 14},
                                     {V_OORZAAK, V_OORZAAK, V_OORZAAK_BREEDTE}};
        wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
        uint32_t row = 1;
        for (size_t i = 0; i < v->n_producten; i++) {
            wv_product(w, i, v->n_producten);
            const tarief_vergelijk_product *vp = &v->producten[i];
            uint32_t nr[AF_COUNT], na[AF_COUNT];
            wv_blok(w, "regio", vp->regio, nr);
            wv_blok(w, "aanbieder", vp->aanbieder, na);
            const tarief_product *p = vp->aanbieder->product;
            for (int e = 0; e < TARIEF_E_COUNT; e++) {
                const tarief_element_info *in = tarief_element_info_get((tarief_element)e);
                const char *label = in->nvo ? ti_ctx_printf(w->tmp, "%d %s", in->nvo, in->label) : in->label;
                vergelijk_regel(w, ws, row++, p, label, st_element_item((tarief_element)e), nr[st_element_item((tarief_element)e)],
                                na[st_element_item((tarief_element)e)], vp->regio->element[e],
                                vp->aanbieder->element[e], e != TARIEF_E_AFRONDINGSVERSCHIL, vp->pct_bekend[e],
                                vp->verschil_pct[e], vp->verklaring[e], false);
            }
            vergelijk_regel(w, ws, row++, p, "Tarief", AF_TARIEF, nr[AF_TARIEF], na[AF_TARIEF], vp->regio->tarief,
                            vp->aanbieder->tarief, true, vp->pct_bekend[TARIEF_E_COUNT],
                            vp->verschil_pct[TARIEF_E_COUNT], vp->verklaring_tarief, true);
            oz_rij = oorzaken_product(w, oz, oz_rij, vp);
        }
        wbc_check(&w->b, worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 1, V_COUNT - 1));
        wbc_grafiek_vergelijk(&w->b, graf, w->titel, titel, "Vergelijking", v, TARIEF_E_COUNT + 1, V_ELEMENT, V_REGIO,
                              V_AANBIEDER);
        wv_afdruk(w, toel, ws, titel);
        wbc_afdruk(&w->b, oz, titel, false, 1, 1, 0);
    } else {
        wbc_fout(&w->b, "kan werkblad niet aanmaken");
    }
    return wv_close(w);
}

