/*
 * workbook_layout.c - the layout of the `bereken` workbook: which row and
 * column every product, functie, parameter and step gets, computed before
 * any sheet is written (constant-memory mode writes row by row).
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
/* layout                                                                    */

static int cmp_mix(const void *pa, const void *pb)
{
    const struct mixref *x = pa, *y = pb;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->product != y->product)
        return x->product < y->product ? -1 : 1;
    return x->mix < y->mix ? -1 : x->mix > y->mix;
}


/* ------------------------------------------------------------------------ */
/* indexatie;vng                                                             */

static bool zelfde_invoer(const tarief_invoer *x, const tarief_invoer *y)
{
    return x->herkomst == y->herkomst && x->param == y->param && x->keuze == y->keuze &&
           x->waarde == y->waarde;
}

static bool zelfde_regels(const tarief_indexatie_vng *x, const tarief_indexatie_vng *y)
{
    return zelfde_invoer(&x->methode, &y->methode) && zelfde_invoer(&x->loondeel, &y->loondeel) &&
           zelfde_invoer(&x->tussenafronding, &y->tussenafronding) &&
           x->prijspeil.herkomst == y->prijspeil.herkomst &&
           x->prijspeil.waarde == y->prijspeil.waarde && x->prijspeil_cao == y->prijspeil_cao &&
           (x->prijspeil.herkomst == TARIEF_HERKOMST_CAO || x->prijspeil.param == y->prijspeil.param) &&
           x->reeks == y->reeks && x->n_jaren == y->n_jaren;
}

/* The rules of vng products that fall back to a built-in default need a
 * default row on Uitgangspunten. */
static int index_defaults(wb *w)
{
    for (size_t i = 0; i < w->r->n_producten; i++) {
        const tarief_indexatie_vng *v = w->a[i].indexatie_vng;
        if (v == NULL)
            continue;
        if (v->methode.herkomst == TARIEF_HERKOMST_STANDAARD)
            w->need_default[TARIEF_P_INDEXATIE_METHODE] = true;
        if (v->loondeel.herkomst == TARIEF_HERKOMST_STANDAARD)
            w->need_default[TARIEF_P_INDEXATIE_LOONDEEL] = true;
        if (v->tussenafronding.herkomst == TARIEF_HERKOMST_STANDAARD)
            w->need_default[TARIEF_P_INDEXATIE_TUSSENAFRONDING] = true;
    }
    return 0;
}

/* Group the vng products by their rules; each group is one block of
 * year rows on Indexatie. Few groups in practice (one per price level),
 * so a linear search over the groups found so far is enough. */
static int index_layout(wb *w)
{
    const tarief_regio *r = w->r;
    w->product_profiel = malloc((r->n_producten ? r->n_producten : 1) * sizeof *w->product_profiel);
    if (w->product_profiel == NULL)
        return -1;
    uint32_t row = 1;
    for (size_t i = 0; i < r->n_producten; i++) {
        const tarief_indexatie_vng *v = w->a[i].indexatie_vng;
        w->product_profiel[i] = -1;
        if (v == NULL)
            continue;
        size_t k = 0;
        while (k < w->n_profielen && !zelfde_regels(w->profielen[k].a->indexatie_vng, v))
            k++;
        if (k == w->n_profielen) {
            if ((k & (k - 1)) == 0) { /* grow at powers of two */
                struct indexprofiel *np = realloc(w->profielen, (k ? 2 * k : 1) * sizeof *np);
                if (np == NULL)
                    return -1;
                w->profielen = np;
            }
            w->profielen[k] = (struct indexprofiel){&w->a[i], 0, row};
            row += (uint32_t)(v->n_jaren ? v->n_jaren : 1);
            w->n_profielen++;
        }
        w->profielen[k].n_producten++;
        w->product_profiel[i] = (int)k;
    }
    w->n_index_rows = row;
    return 0;
}

/* The row (1-based) of year jaar on Indexreeks, 0 if absent. */
uint32_t wbb_reeks_rij(const wb *w, int jaar)
{
    const tarief_indexreeks *s = w->r->indexreeks;
    for (size_t i = 0; s && i < s->n_rijen; i++)
        if (s->rijen[i].jaar == jaar)
            return (uint32_t)i + 2;
    return 0;
}

int wbb_layout(wb *w)
{
    const tarief_regio *r = w->r;

    for (int c = 0; c < MAX_COLS; c++)
        wbc_col_letters(c, w->col[c]);

    /* CAO tables */
    w->n_caos = r->n_caos;
    w->caos = calloc(r->n_caos ? r->n_caos : 1, sizeof *w->caos);
    w->functie_cao = calloc(r->n_functies ? r->n_functies : 1, sizeof *w->functie_cao);
    if (w->caos == NULL || w->functie_cao == NULL)
        return -1;
    for (size_t i = 0; i < r->n_caos; i++) {
        wb_cao *c = &w->caos[i];
        c->cao = r->caos[i];
        wbb_cao_sheet_name(w, i);
        for (int id = 0; id < TARIEF_P_COUNT; id++)
            c->param_row[id] = -1;
        for (size_t k = 0; k < c->cao->n_regels; k++) {
            int id = c->cao->regels[k].param;
            if (id >= 0 && id < TARIEF_P_COUNT && c->cao->params[id].set) {
                c->param_row[id] = (int)k + 1;
                snprintf(c->ref[id], REF_LEN, "%s$G$%zu", c->prefix, k + 2);
            }
        }
    }
    for (size_t i = 0; i < r->n_functies; i++)
        w->functie_cao[i] = r->functies[i].cao ? wbb_cao_index(w, r->functies[i].cao) : -1;

    /* Uitgangspunten: the file's rows, then the defaults used */
    for (int id = 0; id < TARIEF_P_COUNT; id++) {
        w->u_row[id] = -1;
        w->d_row[id] = -1;
    }
    for (size_t k = 0; k < r->n_regels; k++) {
        int id = r->regels[k].param;
        if (id >= 0 && id < TARIEF_P_COUNT && r->params[id].set) {
            w->u_row[id] = (int)k + 1;
            snprintf(w->uref[id], REF_LEN, "Uitgangspunten!$%s$%zu", w->col[U_WAARDE], k + 2);
        }
    }

    /* Producten override columns: in parameter order, those producten.csv has */
    int col = PR_VAST;
    for (int id = 0; id < TARIEF_P_COUNT; id++)
        w->p_col[id] = r->product_kolom[id] ? col++ : -1;
    w->p_vindplaats_col = col;

    /* Which defaults does the derivation fall back to? */
    for (size_t i = 0; i < r->n_producten; i++) {
        const tarief_afleiding *a = &w->a[i];
        for (size_t j = 0; j < a->n_functies; j++) {
            const tarief_functie_afleiding *fa = &a->functies[j];
            if (fa->per_uur)
                continue;
            int ci = fa->functie->cao ? wbb_cao_index(w, fa->functie->cao) : -1;
            for (int k = 0; k < N_FUNCTIE_PARAMS; k++) {
                int id = functie_param_ids(k);
                if (wbb_regio_bron(w, id, ci, functie_invoer(fa, k)) == BRON_STANDAARD)
                    w->need_default[id] = true;
            }
        }
        for (int k = 0; k < N_PRODUCT_PARAMS; k++) {
            int id = product_param_ids(k);
            if (id == TARIEF_P_INDEXATIE && a->indexatie_vng != NULL)
                continue;
            if (wbb_regio_bron(w, id, -1, product_invoer(a, k)) == BRON_STANDAARD)
                w->need_default[id] = true;
        }
    }
    if (w->u_row[TARIEF_P_PRODUCTIVITEIT] < 0)
        for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++) {
            int id = TARIEF_P_COMPONENT_FIRST + k;
            if (w->u_row[id] < 0 && w->p_col[id] >= 0)
                w->need_default[id] = true;
        }
    if (index_defaults(w) != 0)
        return -1;
    int row = (int)r->n_regels + 1;
    bool any = false;
    for (int id = 0; id < TARIEF_P_COUNT; id++)
        any = any || w->need_default[id];
    if (any)
        row += 2; /* an empty row and the section title */
    for (int id = 0; id < TARIEF_P_COUNT; id++)
        if (w->need_default[id]) {
            w->d_row[id] = row;
            snprintf(w->dref[id], REF_LEN, "Uitgangspunten!$%s$%d", w->col[U_WAARDE], row + 1);
            row++;
        }
    w->n_u_rows = row;

    /* Functiemix in file order */
    w->mix_base = calloc(r->n_producten + 1, sizeof *w->mix_base);
    if (w->mix_base == NULL)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < r->n_producten; i++) {
        w->mix_base[i] = n;
        n += r->producten[i].n_mix;
    }
    w->mix_base[r->n_producten] = n;
    w->n_mix = n;
    w->mix_row = calloc(n ? n : 1, sizeof *w->mix_row);
    w->mix_order = calloc(n ? n : 1, sizeof *w->mix_order);
    if (w->mix_row == NULL || w->mix_order == NULL)
        return -1;
    for (size_t i = 0, k = 0; i < r->n_producten; i++)
        for (size_t j = 0; j < r->producten[i].n_mix; j++, k++)
            w->mix_order[k] = (struct mixref){(uint32_t)i, (uint32_t)j,
                                              r->producten[i].mix[j].bron.line};
    qsort(w->mix_order, n, sizeof *w->mix_order, cmp_mix);
    for (size_t k = 0; k < n; k++)
        w->mix_row[w->mix_base[w->mix_order[k].product] + w->mix_order[k].mix] = (uint32_t)k + 1;

    /* Steps 1-8: per functie (Loonkosten) or per product-functie (Opbouw) */
    for (size_t i = 0; i < r->n_producten; i++)
        for (size_t j = 0; j < r->producten[i].n_mix; j++)
            w->mix_ort = w->mix_ort || r->producten[i].mix[j].ort.set;
    bool ov[N_FUNCTIE_PARAMS];
    for (int k = 0; k < N_FUNCTIE_PARAMS; k++)
        ov[k] = w->p_col[functie_param_ids(k)] >= 0;
    if (w->mix_ort)
        ov[AF_ORT_PCT - AF_VT_PCT] = true; /* an ort per product-functie: on Opbouw */
    bool *pr = w->per_rij;
    pr[AF_VT_PCT] = pr[AF_VT] = ov[0];
    pr[AF_EJU_PCT] = pr[AF_EJU] = ov[1];
    pr[AF_ORT_PCT] = pr[AF_ORT] = ov[2];
    pr[AF_WGL_PCT] = ov[3];
    pr[AF_JAARUREN] = ov[4];
    pr[AF_B] = pr[AF_VT] || pr[AF_EJU] || pr[AF_ORT];
    pr[AF_WGL] = pr[AF_B] || ov[3];
    pr[AF_L] = pr[AF_WGL];
    pr[AF_CF] = pr[AF_L] || ov[4];
    for (int k = 0; k < AF_ALLE; k++)
        w->oc[k] = w->lc[k] = -1;
    int oc = 0, lc = LK_VAST;
    for (int k = OB_CODE; k <= AF_AANDEEL; k++)
        w->oc[k] = oc++;
    for (int k = AF_SALARIS; k <= AF_L; k++) {
        if (pr[k])
            w->oc[k] = oc++;
        else
            w->lc[k] = lc++;
    }
    w->oc[AF_CF] = oc++; /* always: the C_f this product uses */
    if (!pr[AF_CF])
        w->lc[AF_CF] = lc++;
    for (int k = AF_GEWOGEN; k < AF_COUNT; k++)
        w->oc[k] = oc++;
    /* the pgb tariffs after the derivation, each kind only when a product has it */
    bool prof = false, inf = false;
    for (size_t i = 0; i < r->n_producten; i++) {
        prof = prof || tarief_afleiding_pgb(&w->a[i], TARIEF_P_PGB_PROFESSIONEEL);
        inf = inf || tarief_afleiding_pgb(&w->a[i], TARIEF_P_PGB_INFORMEEL);
    }
    if (prof) {
        w->oc[AF_PGB_PROF_PCT] = oc++;
        w->oc[AF_PGB_PROF] = oc++;
    }
    if (inf) {
        w->oc[AF_PGB_INF_PCT] = oc++;
        w->oc[AF_PGB_INF] = oc++;
    }
    w->n_oc = oc;
    w->n_lc = lc;

    w->eerste = calloc(r->n_functies ? r->n_functies : 1, sizeof *w->eerste);
    if (w->eerste == NULL)
        return -1;
    for (size_t i = 0; i < r->n_producten; i++)
        for (size_t j = 0; j < w->a[i].n_functies; j++) {
            const tarief_functie_afleiding *fa = &w->a[i].functies[j];
            size_t fi = (size_t)(fa->functie - r->functies);
            if (fi < r->n_functies && w->eerste[fi] == NULL)
                w->eerste[fi] = fa;
        }

    if (index_layout(w) != 0)
        return -1;

    /* Opbouw: functie rows, then the product row */
    w->opbouw_row = calloc(r->n_producten ? r->n_producten : 1, sizeof *w->opbouw_row);
    if (w->opbouw_row == NULL)
        return -1;
    uint32_t orow = 1;
    for (size_t i = 0; i < r->n_producten; i++) {
        orow += (uint32_t)w->a[i].n_functies;
        w->opbouw_row[i] = orow++;
    }
    w->n_opbouw_rows = orow;
    if (orow > LXW_ROW_MAX || n + 1 > LXW_ROW_MAX) {
        wbc_fout(&w->b, "te veel rijen voor een werkblad (meer dan 1.048.576)");
        return -1;
    }
    return 0;
}

/*
 * Every parameter cell on Uitgangspunten gets its parameter's name, so a
 * formula reads IF(Producten!$M5<>"",Producten!$M5,overhead) rather than
 * ...,Uitgangspunten!$B$14): easier to audit, and shorter, which matters at
 * 10 000 products. A name the spreadsheet would refuse keeps the address.
 */
void wbb_definieer_namen(wb *w)
{
    char adres[REF_LEN + 1];
    for (int id = 0; id < TARIEF_P_COUNT; id++) {
        char *ref = w->u_row[id] >= 0 ? w->uref[id] : w->d_row[id] >= 0 ? w->dref[id] : NULL;
        if (ref == NULL)
            continue;
        const char *naam = tarief_param_info_get((tarief_param_id)id)->naam;
        snprintf(adres, sizeof adres, "=%s", ref);
        if (strlen(naam) < REF_LEN && workbook_define_name(w->b.book, naam, adres) == LXW_NO_ERROR)
            snprintf(ref, REF_LEN, "%s", naam);
    }
}
/* ------------------------------------------------------------------------ */
/* printing: the page setup of every sheet of every workbook                 */

/* s with '&' doubled (a code in Excel's header syntax), at most max bytes,
 * never cut inside a UTF-8 sequence.
 *
 * libxlsxwriter (1.1.4, worksheet_set_header_opt) counts every "&G" and
 * "&[Picture]" in the string as an image placeholder, also the "&G" inside
 * an escaped "&&G"; with no image given it refuses the header and keeps a
 * pointer to the string it freed, which workbook_close then reads (found by
 * fuzz_regio: a region named "…&[Picture]…"). So after a doubled '&' that a
 * 'G' or '[' follows, a zero-width space (U+200B, invisible when printed)
 * keeps the two apart. */
static void kop_tekst(char *out, size_t max, const char *s)
{
    size_t n = 0;
    for (const char *p = s ? s : ""; *p && n + 3 < max; p++) {
        if (((unsigned char)*p & 0xC0) == 0xC0) { /* a lead byte: room for its sequence? */
            size_t len = ((unsigned char)*p & 0xE0) == 0xC0 ? 2 : ((unsigned char)*p & 0xF0) == 0xE0 ? 3 : 4;
            if (n + len + 3 >= max)
                break;
        }
        if (*p == '&') {
            bool scheid = p[1] == 'G' || p[1] == '[';
            if (n + 2 + (scheid ? 3 : 0) + 3 >= max)
                break;
            out[n++] = '&';
            out[n++] = '&';
            if (scheid) {
                memcpy(out + n, WBC_ZWSP, 3);
                n += 3;
            }
            continue;
        }
        out[n++] = *p;
    }
    out[n] = '\0';
}

void wbc_afdruk(wbc_book *b, lxw_worksheet *ws, const char *titel, bool liggend, int breed, int herhaal_rijen,
                int herhaal_kolommen)
{
    if (ws == NULL)
        return;
    char t[160], kop[256];
    kop_tekst(t, sizeof t, titel);
    worksheet_set_paper(ws, 9); /* A4 */
    if (liggend)
        worksheet_set_landscape(ws);
    else
        worksheet_set_portrait(ws);
    worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.7);
    worksheet_fit_to_pages(ws, (uint16_t)(breed > 0 ? breed : 1), 0);
    snprintf(kop, sizeof kop, "&L&\"-,Bold\"%s&R&A", t);
    wbc_check(b, worksheet_set_header(ws, kop));
    snprintf(kop, sizeof kop, "&L%s&Rpagina &P van &N", "tarief " TARIEF_VERSION);
    wbc_check(b, worksheet_set_footer(ws, kop));
    /* An explicit print range over the cells written, at least two columns
     * wide: LibreOffice (7.x, measured) does not scale a sheet whose print
     * range is a single column to the page width, so a Toelichting with one
     * wide column ran off the page. */
    if (!ws->print_area.in_use && ws->dim_rowmin <= ws->dim_rowmax && ws->dim_colmin <= ws->dim_colmax)
        wbc_check(b, worksheet_print_area(ws, 0, 0, ws->dim_rowmax, ws->dim_colmax > 0 ? ws->dim_colmax : 1));
    if (herhaal_rijen > 0)
        wbc_check(b, worksheet_repeat_rows(ws, 0, (lxw_row_t)(herhaal_rijen - 1)));
    if (herhaal_kolommen > 0)
        wbc_check(b, worksheet_repeat_columns(ws, 0, (lxw_col_t)(herhaal_kolommen - 1)));
}

void wbc_kop(wbc_book *b, lxw_worksheet *ws, lxw_format *kop, const char *const *namen, int n,
             const wbc_kolom *k, size_t nk)
{
    double breedte[256];
    if (n > 256)
        n = 256;
    for (int c = 0; c < n; c++)
        breedte[c] = 8.43; /* the default width */
    for (size_t i = 0; i < nk; i++)
        for (int c = k[i].eerste; c <= k[i].laatste && c < n; c++)
            if (c >= 0)
                breedte[c] = k[i].breedte;
    int regels = 1;
    for (int c = 0; c < n; c++) {
        const char *s = namen[c] ? namen[c] : "";
        /* wide enough for the header's longest word (bold) */
        for (const char *p = s; *p;) {
            size_t m = strcspn(p, " \n-"); /* a spreadsheet also breaks after a hyphen */
            if (p[m] == '-')
                m++;
            double nodig = (double)wbc_tekens(p, m) + 1;
            if (nodig > breedte[c] && nodig < 40)
                breedte[c] = nodig;
            p += m;
            while (*p == ' ' || *p == '\n')
                p++;
        }
        int r = wbc_regels(s, breedte[c], true);
        regels = r > regels ? r : regels;
    }
    wbc_header(b, ws, kop, namen, n, regels > 1 ? 15.0 * regels + 3 : 0);
    for (int c = 0; c < n; c++)
        wbc_check(b, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, breedte[c], NULL));
    for (size_t i = 0; i < nk; i++) /* columns beyond the headers */
        if (k[i].laatste >= n)
            wbc_check(b, worksheet_set_column(ws, (lxw_col_t)(k[i].eerste > n ? k[i].eerste : n),
                                              (lxw_col_t)k[i].laatste, k[i].breedte, NULL));
}

