/*
 * workbook.c - the workbook as a live model (rekenmethode §5).
 *
 * With the other workbook*.c files (workbook_bereken.h lists them) the only
 * files that include <xlsxwriter.h>. It reads the loaded model
 * (tarief_regio) and the derivation records (tarief_afleiding) and writes:
 *
 *   Toelichting     how to read it, method in brief, colour legend, version,
 *                   SHA-256 of every input file
 *   Tarieven        one row per product: code, naam, eenheid, the opbouw per
 *                   element, tarief last
 *   Uitgangspunten  uitgangspunten.csv in file order (A naam, B waarde, C bron),
 *                   then the built-in defaults that the derivation used
 *   Producten, Functies, Functiemix   the input tables
 *   CAO <id>        one per CAO table used: salary rows and cao.csv
 *   Loonkosten      steps 1-8 once per functie, for every step that no product
 *                   can change (see below)
 *   Opbouw          per product its functie rows (weight, the steps 1-8 that
 *                   depend on a product's own parameter, C_f), then steps 9-17
 *                   on the product's own row (a subtotal row under its functies)
 *
 * Every derived number is a formula over the cells it derives from, written
 * with the engine's value as cached result: nothing here recomputes. Inputs
 * are resolved with formulas too (product > regio > cao > standaard), so
 * changing a parameter in the sheet flows to every product that does not
 * override it. No formula contains an input value; the only literals are the
 * method's own constants (12 months, 1, the 60 of deelbaar_door_60, ROUND's
 * digits) and the keywords of the KEUZE parameters.
 *
 * Steps 1-8 of a functie are the same for every product unless a product
 * can override one of their parameters (a column of producten.csv). So each
 * step lives once per functie on Loonkosten when none of its inputs can be
 * overridden, and per product-functie row on Opbouw when one can: the sheet
 * stays live for every cell a user can type in, and a region of 10 000
 * products does not repeat 10 000 copies of the same salary build-up.
 *
 * Written in constant_memory mode (each sheet strictly row by row), so the
 * layout is computed first and every sheet is then written top to bottom.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "tarief.h"
#include "sha256.h"
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

static void vg_fase(wb *w, const char *fase, size_t gedaan, size_t totaal)
{
    if (w->opts && w->opts->voortgang)
        w->opts->voortgang(w->opts->voortgang_data, fase, gedaan, totaal);
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
    wbc_str(&w->b, ws, row, col, buf, NULL);
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

/* A line of uitgangspunten.csv or cao.csv, from column col on: naam, waarde,
 * bron, vindplaats. The waarde of a parameter in the format of its kind; of
 * another line as the number *getal (tariefjaar, uren_per_week) or as text. */
void wbb_put_regel(wb *w, lxw_worksheet *ws, uint32_t row, int col, const tarief_regel *g,
                   const tarief_param *params, const double *getal, lxw_format *getal_fmt)
{
    wbc_str(&w->b, ws, row, col, g->naam, NULL);
    int id = g->param;
    if (id >= 0 && id < TARIEF_P_COUNT && params[id].set)
        wbb_put_param(w, ws, row, col + 1, id, params[id].waarde, params[id].keuze, &w->f.in);
    else if (getal != NULL)
        wbc_num(&w->b, ws, row, col + 1, *getal, getal_fmt);
    else
        wbc_str(&w->b, ws, row, col + 1, g->waarde, w->f.in.tekst);
    wbc_str(&w->b, ws, row, col + 2, g->bron.tekst, NULL);
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



/* ------------------------------------------------------------------------ */
/* formats                                                                   */

static void palet(wb *w, wb_palet *p, uint32_t bg, uint32_t kleur, bool cursief)
{
    p->tekst = wbc_format(&w->b, bg, kleur, false, cursief, NULL);
    p->euro = wbc_format(&w->b, bg, kleur, false, cursief, EURO);
    p->pct = wbc_format(&w->b, bg, kleur, false, cursief, PCT);
    p->getal = wbc_format(&w->b, bg, kleur, false, cursief, GETAL);
}

static void formats(wb *w)
{
    wb_formats *f = &w->f;
    f->kop = wbc_format(&w->b, KLEUR_KOP, 0, true, false, NULL);
    format_set_text_wrap(f->kop);
    format_set_align(f->kop, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(f->kop, LXW_BORDER_THIN);
    f->titel = wbc_format(&w->b, 0, 0, true, false, NULL);
    format_set_font_size(f->titel, 14);
    f->sectie = wbc_format(&w->b, 0, 0, true, false, NULL);
    format_set_font_size(f->sectie, 12);
    f->tekst = wbc_format(&w->b, 0, 0, false, false, NULL);
    format_set_text_wrap(f->tekst);
    format_set_align(f->tekst, LXW_ALIGN_VERTICAL_TOP);
    f->tekst_vet = wbc_format(&w->b, 0, 0, true, false, NULL);

    palet(w, &f->in, KLEUR_INVOER, KLEUR_INVOER_TEKST, false);
    palet(w, &f->std, KLEUR_STANDAARD, 0, true);
    palet(w, &f->af, 0, 0, false);
    f->tarief = wbc_format(&w->b, KLEUR_TARIEF, 0, true, false, EURO);
    format_set_left(f->tarief, LXW_BORDER_MEDIUM);
}

lxw_format *wbb_af_format(wb *w, int id)
{
    switch (tarief_param_info_get((tarief_param_id)id)->soort) {
    case TARIEF_SOORT_PERCENTAGE: return w->f.af.pct;
    case TARIEF_SOORT_UREN: return w->f.af.getal;
    default: return w->f.af.tekst;
    }
}


/* ------------------------------------------------------------------------ */

/* The creation date: explicit, else SOURCE_DATE_EPOCH, else 1 January of
 * the tariefjaar; never the clock, so the same inputs give the same bytes. */
static int creation_time(wb *w, const tarief_workbook_options *opts, long long *out)
{
    if (opts != NULL && opts->created != 0) {
        *out = opts->created;
        return 0;
    }
    int bron = wbc_source_date_epoch(out);
    if (bron < 0) {
        tarief_ctx_error(w->b.ctx, w->b.path, 0, 0, NULL,
                         "SOURCE_DATE_EPOCH '%s' is geen geldig tijdstip (seconden sinds "
                         "1970, vanaf 1980)",
                         getenv("SOURCE_DATE_EPOCH"));
        return -1;
    }
    if (bron == 0)
        *out = wbc_nieuwjaar(w->r->tariefjaar);
    return 0;
}

int tarief_workbook_write(tarief_ctx *ctx, const tarief_regio *r, const tarief_afleiding *a,
                          const char *path, const tarief_workbook_options *opts)
{
    wb w_ = {.b = {.ctx = ctx, .path = path}, .r = r, .a = a, .opts = opts};
    wb *w = &w_;
    int rc = -1;
    invoerbestand *bestanden = NULL;
    size_t n_bestanden = 0;

    if (wbc_check_locale(&w->b) != 0)
        return -1;
    long long created;
    if (creation_time(w, opts, &created) != 0)
        return -1;
    if (wbb_layout(w) != 0) {
        tarief_ctx_error(ctx, path, 0, 0, NULL, "werkboek niet geschreven: %s",
                         w->b.fout ? w->b.fout : "geen geheugen");
        goto done;
    }
    bestanden = wbb_checksums(w, &n_bestanden);
    if (bestanden == NULL)
        goto done;

    char titel[256];
    snprintf(titel, sizeof titel, "Re\xc3\xable tarieven %s %d", r->naam ? r->naam : "",
             r->tariefjaar);
    if (wbc_open(&w->b, titel, "Tarieven met volledige afleiding (" TARIEF_REKENMETHODE ")",
                 created) != 0)
        goto done;
    formats(w);
    wbb_definieer_namen(w);

    lxw_worksheet *ws_toel = workbook_add_worksheet(w->b.book, "Toelichting");
    lxw_worksheet *ws_tar = workbook_add_worksheet(w->b.book, "Tarieven");
    lxw_worksheet *ws_uit = workbook_add_worksheet(w->b.book, "Uitgangspunten");
    lxw_worksheet *ws_pro = workbook_add_worksheet(w->b.book, "Producten");
    lxw_worksheet *ws_fun = workbook_add_worksheet(w->b.book, "Functies");
    lxw_worksheet *ws_mix = workbook_add_worksheet(w->b.book, "Functiemix");
    lxw_worksheet **ws_cao = calloc(w->n_caos ? w->n_caos : 1, sizeof *ws_cao);
    bool ok = ws_toel && ws_tar && ws_uit && ws_pro && ws_fun && ws_mix && ws_cao;
    for (size_t i = 0; ok && i < w->n_caos; i++) {
        ws_cao[i] = workbook_add_worksheet(w->b.book, w->caos[i].sheet);
        ok = ws_cao[i] != NULL;
    }
    bool vng = w->n_profielen > 0 && r->indexreeks != NULL;
    lxw_worksheet *ws_reeks = ok && vng ? workbook_add_worksheet(w->b.book, "Indexreeks") : NULL;
    lxw_worksheet *ws_loon = ok ? workbook_add_worksheet(w->b.book, "Loonkosten") : NULL;
    lxw_worksheet *ws_index = ok && vng ? workbook_add_worksheet(w->b.book, "Indexatie") : NULL;
    lxw_worksheet *ws_opb = ws_loon ? workbook_add_worksheet(w->b.book, "Opbouw") : NULL;
    if (vng && (ws_reeks == NULL || ws_index == NULL))
        ok = false;
    if (w->n_profielen > 0 && r->indexreeks == NULL)
        wbc_fout(&w->b, "interne fout: indexatie 'vng' zonder indexreeks");
    if (ok && ws_opb) {
        w->vg_totaal = r->n_producten * (VG_TARIEVEN + VG_PRODUCTEN + VG_OPBOUW) +
                       w->n_mix * VG_MIXREGEL;
        vg_fase(w, "werkboek schrijven", 0, w->vg_totaal);
        wbb_write_toelichting(w, ws_toel, bestanden, n_bestanden, created);
        wbb_write_tarieven(w, ws_tar);
        wbb_write_uitgangspunten(w, ws_uit);
        wbb_write_producten(w, ws_pro);
        wbb_write_functies(w, ws_fun);
        wbb_write_functiemix(w, ws_mix);
        for (size_t i = 0; i < w->n_caos; i++)
            wbb_write_cao(w, ws_cao[i], &w->caos[i]);
        if (vng)
            wbb_write_indexreeks(w, ws_reeks);
        wbb_write_loonkosten(w, ws_loon);
        if (vng)
            wbb_write_indexatie(w, ws_index);
        wbb_write_opbouw(w, ws_opb);
    } else {
        wbc_fout(&w->b, "kan werkblad niet aanmaken");
    }
    free(ws_cao);
    vg_fase(w, "werkboek inpakken", 0, 0);
    rc = wbc_close(&w->b);

done:
    free(bestanden);
    free(w->caos);
    free(w->functie_cao);
    free(w->mix_base);
    free(w->mix_row);
    free(w->mix_order);
    free(w->opbouw_row);
    free(w->eerste);
    free(w->profielen);
    free(w->product_profiel);
    return rc;
}
