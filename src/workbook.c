/*
 * workbook.c - the workbook as a live model (rekenmethode §5).
 *
 * With the other workbook*.c files (workbook_bereken.h lists them) the only
 * files that include <xlsxwriter.h>. It reads the loaded model
 * (tarief_regio) and the derivation records (tarief_afleiding) and writes:
 *
 *   Tarieven        one row per product: code, naam, eenheid, the opbouw per
 *                   element as shown (to the cent), the display-rounding
 *                   difference, tarief last; first, so it opens and prints first
 *   Grafiek         the opbouw per product as a stacked column (workbook_grafiek.c)
 *   Toelichting     how to read it, method in brief, colour legend, version,
 *                   SHA-256 of every input file
 *   Uitgangspunten  uitgangspunten.csv in file order (A naam, B Dutch label,
 *                   C waarde, D bron, E vindplaats), then the built-in
 *                   defaults that the derivation used
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
 * Every sheet gets its page setup (wbc_afdruk) once it is written.
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
/* small helpers                                                             */

static void vg_fase(wb *w, const char *fase, size_t gedaan, size_t totaal)
{
    if (w->opts && w->opts->voortgang)
        w->opts->voortgang(w->opts->voortgang_data, fase, gedaan, totaal);
}

/* ------------------------------------------------------------------------ */
/* formats                                                                   */

static void palet(wb *w, wb_palet *p, uint32_t bg, uint32_t kleur, bool cursief)
{
    p->tekst = wbc_format(&w->b, bg, kleur, false, cursief, NULL);
    p->euro = wbc_format(&w->b, bg, kleur, false, cursief, EURO);
    p->pct = wbc_format(&w->b, bg, kleur, false, cursief, PCT);
    p->getal = wbc_format(&w->b, bg, kleur, false, cursief, GETAL);
    /* top aligned, as wrapped text beside them in a higher row */
    format_set_align(p->tekst, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(p->euro, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(p->pct, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(p->getal, LXW_ALIGN_VERTICAL_TOP);
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
    format_set_align(f->tekst_vet, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f->tekst_vet); /* a long product name on Opbouw */
    f->notitie = wbc_format(&w->b, 0, 0x595959, false, true, NULL);
    f->vindplaats = wbc_format(&w->b, 0, 0, false, false, NULL);
    format_set_indent(f->vindplaats, 1);
    format_set_align(f->vindplaats, LXW_ALIGN_VERTICAL_TOP);
    f->boven = wbc_format(&w->b, 0, 0, false, false, NULL);
    format_set_align(f->boven, LXW_ALIGN_VERTICAL_TOP);
    f->in_wrap = wbc_format(&w->b, KLEUR_INVOER, KLEUR_INVOER_TEKST, false, false, NULL);
    format_set_text_wrap(f->in_wrap);
    format_set_align(f->in_wrap, LXW_ALIGN_VERTICAL_TOP);

    palet(w, &f->in, KLEUR_INVOER, KLEUR_INVOER_TEKST, false);
    palet(w, &f->std, KLEUR_STANDAARD, 0, true);
    palet(w, &f->af, 0, 0, false);
    f->tarief = wbc_format(&w->b, KLEUR_TARIEF, 0, true, false, EURO);
    format_set_left(f->tarief, LXW_BORDER_MEDIUM);
    format_set_align(f->tarief, LXW_ALIGN_VERTICAL_TOP);
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
        tarief_onvoldoende_geheugen(); /* temporary files removed, exit 3 with a Dutch message */

    char titel[256];
    snprintf(titel, sizeof titel, "Re\xc3\xable tarieven %s %d", r->naam ? r->naam : "",
             r->tariefjaar);
    if (wbc_open(&w->b, titel, "Tarieven met volledige afleiding (" TARIEF_REKENMETHODE ")",
                 created) != 0)
        goto done;
    formats(w);
    wbb_definieer_namen(w);

    /* Tarieven first: it is what opens, and what a printout starts with */
    lxw_worksheet *ws_tar = workbook_add_worksheet(w->b.book, "Tarieven");
    lxw_worksheet *ws_graf = workbook_add_worksheet(w->b.book, "Grafiek");
    lxw_worksheet *ws_toel = workbook_add_worksheet(w->b.book, "Toelichting");
    lxw_worksheet *ws_uit = workbook_add_worksheet(w->b.book, "Uitgangspunten");
    lxw_worksheet *ws_pro = workbook_add_worksheet(w->b.book, "Producten");
    lxw_worksheet *ws_fun = workbook_add_worksheet(w->b.book, "Functies");
    lxw_worksheet *ws_mix = workbook_add_worksheet(w->b.book, "Functiemix");
    lxw_worksheet **ws_cao = calloc(w->n_caos ? w->n_caos : 1, sizeof *ws_cao);
    bool ok = ws_toel && ws_tar && ws_graf && ws_uit && ws_pro && ws_fun && ws_mix && ws_cao;
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
        wbb_write_tarieven(w, ws_tar);
        wbb_write_grafiek(w, ws_graf);
        wbb_write_toelichting(w, ws_toel, bestanden, n_bestanden, created);
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

        /* printing: the tariff list first, every sheet fit to the page width */
        wbc_afdruk(&w->b, ws_tar, titel, true, 1, 1, 2);
        wbc_afdruk(&w->b, ws_graf, titel, true, 1, 0, 0);
        wbc_afdruk(&w->b, ws_toel, titel, true, 1, 0, 0);
        wbc_afdruk(&w->b, ws_uit, titel, true, 1, 1, 1);
        wbc_afdruk(&w->b, ws_pro, titel, true, 1, 1, 2);
        wbc_afdruk(&w->b, ws_fun, titel, true, 1, 1, 1);
        wbc_afdruk(&w->b, ws_mix, titel, false, 1, 1, 0);
        for (size_t i = 0; i < w->n_caos; i++)
            wbc_afdruk(&w->b, ws_cao[i], titel, true, 1, 1, 0);
        wbc_afdruk(&w->b, ws_reeks, titel, true, 1, 1, 1);
        wbc_afdruk(&w->b, ws_loon, titel, true, 1 + w->n_lc * 15 / 200, 1, 1);
        wbc_afdruk(&w->b, ws_index, titel, true, 1, 1, 2);
        wbc_afdruk(&w->b, ws_opb, titel, true, 1 + w->n_oc * 14 / 200, 1, 3);
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
