/*
 * workbook_cellen.c - the cell helpers of the `bereken` workbook that every
 * sheet uses: progress, a vindplaats, a parameter value, the CAO sheets'
 * names, and which cell a parameter resolves to (product > regio > cao >
 * standaard) as a formula. Below the sheets (workbook_invoer.c,
 * workbook_berekening.c) and the layout; it calls none of them.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "tarief.h"
#include "internal.h"
#include "workbook_bereken.h"

/* ------------------------------------------------------------------------ */
/* small helpers                                                             */


void wbb_vg_rij(wb *w, size_t gewicht, size_t i)
{
    w->vg_gedaan += gewicht;
    if (w->opts && w->opts->voortgang && i % 256 == 255)
        w->opts->voortgang(w->opts->voortgang_data, "werkboek schrijven", w->vg_gedaan,
                           w->vg_totaal);
}


static const char *basename_of(const char *path)
{
    if (path == NULL)
        return "";
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* In column col: "producten.csv:12" for a source, nothing for none. */
void wbb_put_vindplaats(wb *w, lxw_worksheet *ws, uint32_t row, int col, const tarief_bron *b)
{
    char buf[256];
    if (b == NULL || b->file == NULL)
        buf[0] = '\0';
    else if (b->line > 0)
        snprintf(buf, sizeof buf, "%s:%d", basename_of(b->file), b->line);
    else
        snprintf(buf, sizeof buf, "%s", basename_of(b->file));
    wbc_str(&w->b, ws, row, col, buf, w->f.vindplaats);
}

const char *wbb_keuze_naam(int id, int keuze)
{
    return tarief_param_keuze_naam((tarief_param_id)id, keuze);
}

/* Write a parameter value in the format of its kind. */
void wbb_put_param(wb *w, lxw_worksheet *ws, uint32_t row, int col, int id, double waarde,
                   int keuze, const wb_palet *p)
{
    if (id == TARIEF_P_INDEXATIE && keuze == TARIEF_INDEXATIE_VNG) {
        wbc_str(&w->b, ws, row, col, "vng", p->tekst); /* computed on Indexatie */
        return;
    }
    switch (tarief_param_info_get((tarief_param_id)id)->soort) {
    case TARIEF_SOORT_PERCENTAGE: wbc_num(&w->b, ws, row, col, waarde, p->pct); break;
    case TARIEF_SOORT_UREN: wbc_num(&w->b, ws, row, col, waarde, p->getal); break;
    case TARIEF_SOORT_KEUZE: wbc_str(&w->b, ws, row, col, wbb_keuze_naam(id, keuze), p->tekst); break;
    case TARIEF_SOORT_JAAR: wbc_num(&w->b, ws, row, col, waarde, p->tekst); break;
    }
}

/* A line of uitgangspunten.csv or cao.csv, from column col on: naam,
 * with label its Dutch label (tarief_veld_label), waarde, bron,
 * vindplaats, in columns of widths k (the label, waarde and bron columns
 * wrap; the row is as high as they need). The waarde of a parameter in the
 * format of its kind; of another line as the number *getal (tariefjaar,
 * uren_per_week) or as text. */
void wbb_put_regel(wb *w, lxw_worksheet *ws, uint32_t row, int col, const tarief_regel *g,
                   const tarief_param *params, const double *getal, lxw_format *getal_fmt, bool label,
                   const wbb_regel_breedte *k)
{
    const char *lbl = label ? tarief_veld_label(g->naam) : NULL;
    int id = g->param;
    bool is_param = id >= 0 && id < TARIEF_P_COUNT && params[id].set;
    int regels = wbc_regels(g->bron.tekst, k->bron, false);
    int r = label ? wbc_regels(lbl, k->label, false) : 1;
    regels = r > regels ? r : regels;
    r = !is_param && getal == NULL ? wbc_regels(g->waarde, k->waarde, false) : 1;
    regels = r > regels ? r : regels;
    if (regels > 1)
        wbc_check(&w->b, worksheet_set_row(ws, row, 15.0 * regels + 1, w->f.boven));
    wbc_str(&w->b, ws, row, col, g->naam, NULL);
    if (label)
        wbc_str(&w->b, ws, row, ++col, lbl, w->f.tekst);
    if (is_param)
        wbb_put_param(w, ws, row, col + 1, id, params[id].waarde, params[id].keuze, &w->f.in);
    else if (getal != NULL)
        wbc_num(&w->b, ws, row, col + 1, *getal, getal_fmt);
    else
        wbc_str(&w->b, ws, row, col + 1, g->waarde, w->f.in_wrap);
    wbc_str(&w->b, ws, row, col + 2, g->bron.tekst, w->f.tekst);
    wbb_put_vindplaats(w, ws, row, col + 3, &g->bron);
}

/* "CAO <id>", made valid: no []:*?/\' characters, at most 31 bytes, unique. */
void wbb_cao_sheet_name(wb *w, size_t i)
{
    char *s = w->caos[i].sheet;
    snprintf(s, 32, "CAO %s", w->caos[i].cao->id ? w->caos[i].cao->id : "");
    for (char *p = s; *p; p++)
        if (strchr("[]:*?/\\'", *p))
            *p = '_';
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
        n--; /* never end inside a UTF-8 sequence cut by snprintf */
    if (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0xC0) {
        /* a lead byte whose sequence was cut */
        size_t need = ((unsigned char)s[n - 1] & 0xE0) == 0xC0 ? 2
                    : ((unsigned char)s[n - 1] & 0xF0) == 0xE0 ? 3 : 4;
        if (strlen(s) - (n - 1) < need)
            n--;
        else
            n = strlen(s);
    } else {
        n = strlen(s);
    }
    s[n] = '\0';
    for (int k = 2; k < 100; k++) {
        bool dup = false;
        for (size_t j = 0; j < i; j++)
            if (strcasecmp(w->caos[j].sheet, s) == 0)
                dup = true;
        if (!dup)
            break;
        char suffix[8];
        snprintf(suffix, sizeof suffix, "~%d", k);
        size_t keep = strlen(s);
        if (keep + strlen(suffix) > 31)
            keep = 31 - strlen(suffix);
        while (keep > 4 && ((unsigned char)s[keep] & 0xC0) == 0x80)
            keep--;
        snprintf(s + keep, 32 - keep, "%s", suffix);
    }
    wbc_sheet_prefix(w->caos[i].prefix, sizeof w->caos[i].prefix, s); /* s holds no quote */
}

int wbb_cao_index(const wb *w, const tarief_cao *c)
{
    for (size_t i = 0; i < w->n_caos; i++)
        if (w->caos[i].cao == c)
            return (int)i;
    return -1;
}

/* ------------------------------------------------------------------------ */
/* resolution of an input: which region-level cell a value falls back to    */


/*
 * The cell a parameter comes from when the product does not set it:
 * uitgangspunten (regio) > the functie's CAO > built-in default. The
 * engine's herkomst decides when it names that level; the structure of the
 * inputs decides when the product itself set it (the fallback the sheet
 * needs when the user clears the product's cell).
 */
int wbb_regio_bron(const wb *w, int id, int ci, const tarief_invoer *inv)
{
    if (inv != NULL) {
        switch (inv->herkomst) {
        case TARIEF_HERKOMST_REGIO:
            if (w->u_row[id] >= 0)
                return BRON_REGIO;
            break;
        case TARIEF_HERKOMST_CAO:
            for (size_t c = 0; c < w->n_caos; c++)
                if (inv->param == &w->caos[c].cao->params[id] && w->caos[c].param_row[id] >= 0)
                    return (int)c;
            break;
        case TARIEF_HERKOMST_STANDAARD:
            return BRON_STANDAARD;
        default:
            break;
        }
    }
    if (w->u_row[id] >= 0)
        return BRON_REGIO;
    if (ci >= 0 && w->caos[ci].param_row[id] >= 0)
        return ci;
    return BRON_STANDAARD;
}

static const char *bron_ref(const wb *w, int id, int bron)
{
    if (bron == BRON_REGIO)
        return w->uref[id];
    if (bron == BRON_STANDAARD)
        return w->dref[id];
    return w->caos[bron].ref[id];
}

/* prefix, then parameter id of the product on Producten row prow (0-based):
 * IF(its cell there is not empty, that cell, fallback), or fallback alone
 * when producten.csv has no column for it. Returns buf. */
static const char *product_of(wb *w, char *buf, size_t size, const char *prefix, int id,
                              uint32_t prow, const char *fallback)
{
    if (w->p_col[id] < 0)
        return wbc_fmt(&w->b, buf, size, "%s%s", prefix, fallback);
    const char *c = w->col[w->p_col[id]];
    return wbc_fmt(&w->b, buf, size, "%sIF(Producten!$%s%u<>\"\",Producten!$%s%u,%s)", prefix, c,
                   prow + 1, c, prow + 1, fallback);
}

/* The resolved value of parameter id for the product on Producten row prow
 * (0-based): IF(product cell set, product cell, region-level cell). */
void wbb_param_formula(wb *w, char *buf, size_t size, int id, int bron, int ci, uint32_t prow)
{
    char chain[2 * REF_LEN + 16];
    const char *fallback = bron_ref(w, id, bron);
    if (bron == BRON_REGIO && ci >= 0 && w->caos[ci].param_row[id] >= 0) {
        /* regio > cao stays live too: clear the region's cell and the CAO's applies */
        snprintf(chain, sizeof chain, "IF(%s<>\"\",%s,%s)", w->uref[id], w->uref[id],
                 w->caos[ci].ref[id]);
        fallback = chain;
    }
    product_of(w, buf, size, "=", id, prow, fallback);
}

/* The productiviteit of a product (rekenmethode §2.2):
 * product's productiviteit > 1 - SUM(components, product's value where set,
 * else the region's) when the region works with components > region's. */
void wbb_productiviteit_formula(wb *w, char *buf, size_t size, uint32_t prow)
{
    char basis[FORMULA_LEN];
    if (w->u_row[TARIEF_P_PRODUCTIVITEIT] >= 0) {
        snprintf(basis, sizeof basis, "%s", w->uref[TARIEF_P_PRODUCTIVITEIT]);
    } else {
        size_t n = (size_t)snprintf(basis, sizeof basis, "1-SUM(");
        bool first = true;
        for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++) {
            int id = TARIEF_P_COMPONENT_FIRST + k;
            if (w->u_row[id] < 0 && w->p_col[id] < 0)
                continue; /* nowhere set: 0, adds nothing */
            const char *fallback = w->u_row[id] >= 0 ? w->uref[id] : w->dref[id];
            n += strlen(
                product_of(w, basis + n, sizeof basis - n, first ? "" : ",", id, prow, fallback));
            first = false;
        }
        wbc_fmt(&w->b, basis + n, sizeof basis - n, ")");
    }
    product_of(w, buf, size, "=", TARIEF_P_PRODUCTIVITEIT, prow, basis);
}




lxw_format *wbb_af_format(wb *w, int id)
{
    switch (tarief_param_info_get((tarief_param_id)id)->soort) {
    case TARIEF_SOORT_PERCENTAGE: return w->f.af.pct;
    case TARIEF_SOORT_UREN: return w->f.af.getal;
    default: return w->f.af.tekst;
    }
}

/* The width of a naam column: the longest product name, between 12 and 40
 * characters (a longer name wraps, see wbb_naam). Computed once. */
double wbb_naam_breedte(wb *w)
{
    if (w->naam_breedte == 0) {
        double b = 12;
        for (size_t i = 0; i < w->r->n_producten; i++)
            b = wbc_breedte_voor(b, w->r->producten[i].naam, 40);
        w->naam_breedte = b;
    }
    return w->naam_breedte;
}

/* A product name in a column breedte wide: wrapped, the row higher when
 * the name needs more than one line. */
void wbb_naam(wb *w, lxw_worksheet *ws, uint32_t row, int col, const char *naam, double breedte)
{
    if (naam && (double)wbc_tekens(naam, strlen(naam)) + 2 > breedte)
        wbc_rij_voor(&w->b, ws, row, naam, breedte);
    wbc_str(&w->b, ws, row, col, naam, w->f.tekst);
}
