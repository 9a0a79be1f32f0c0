/*
 * workbook_grafiek.c - the charts of the three workbooks, native charts
 * (libxlsxwriter's chart API) whose series refer to the workbook's own
 * cells, so they follow every edit and recalculation:
 *
 *   bereken    Grafiek: the opbouw per product as a stacked column, one
 *              series per element column of Tarieven (the amounts as shown)
 *   vergelijk  Grafiek: per product regio against aanbieder per element,
 *              from the rows of Vergelijking
 *   verschil   Grafiek: per product the contribution of every cause (group
 *              of inputs), stacked, from the columns of Verschil
 *
 * A chart of thousands of bars says nothing, so each shows at most the
 * first GRAFIEK_MAX_PRODUCTEN products (vergelijk: WBC_GRAFIEK_MAX_VERGELIJK
 * charts), with a note saying so. Charts cost no cells: the bench's
 * cell count (tests/layer-bench.sh) is not affected.
 */
#include <stdio.h>
#include <string.h>

#include "tarief.h"
#include "tarief/vergelijk.h"
#include "workbook_bereken.h"

/* The colours of the series, one per element, in element order; muted
 * enough to print in grey tones as well. */
static const uint32_t KLEUREN[] = {0x1F4E79, 0x5B9BD5, 0x70AD47, 0xED7D31, 0xFFC000, 0x7F6084,
                                   0xA5A5A5, 0xC00000, 0x2E9D9D, 0x9E480E, 0x43682B, 0x997300};
#define N_KLEUREN (sizeof KLEUREN / sizeof KLEUREN[0])

static void kleur(lxw_chart_series *s, size_t k)
{
    lxw_chart_fill fill = {.color = KLEUREN[k % N_KLEUREN]};
    chart_series_set_fill(s, &fill);
}

/* Title, legend at the bottom, euro on the value axis. A title that starts
 * with '=' is a formula to libxlsxwriter (chart_title_set_name): such a
 * title (a product code "=A1") gets a zero-width space (U+200B) before it,
 * so it shows as typed. */
static void opmaak(lxw_chart *c, const char *titel, bool legenda)
{
    char tekst[600];
    if (titel[0] == '=') {
        snprintf(tekst, sizeof tekst, WBC_ZWSP "%s", titel);
        titel = tekst;
    }
    chart_title_set_name(c, titel);
    lxw_chart_font tf = {.size = 12, .bold = LXW_TRUE};
    chart_title_set_name_font(c, &tf);
    if (legenda)
        chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
    else
        chart_legend_set_position(c, LXW_CHART_LEGEND_NONE);
    chart_axis_set_num_format(c->y_axis, "\xe2\x82\xac #,##0");
    chart_axis_major_gridlines_set_visible(c->y_axis, LXW_TRUE);
}

/* Column A of a chart sheet: as wide as the widest chart (about 7 pixels a
 * character), so the print range (A1 to the last chart's row) holds it all. */
#define GRAFIEK_KOLOM 145
#define RIJ_PX 20

static void plaats(wbc_book *b, lxw_worksheet *ws, uint32_t row, lxw_chart *c, double breedte_px,
                   double hoogte_px, const char *beschrijving)
{
    lxw_chart_options o = {.x_scale = breedte_px / 480.0, .y_scale = hoogte_px / 288.0,
                           .object_position = LXW_OBJECT_MOVE_DONT_SIZE,
                           .description = (char *)beschrijving};
    wbc_check(b, worksheet_insert_chart_opt(ws, row, 0, c, &o));
}

/* Print A1 down to the row under the chart that ends lowest, and column B
 * too: a spreadsheet may draw column A (and so a chart anchored across it)
 * a little wider than libxlsxwriter reckons. */
static void afdrukbereik(wbc_book *b, lxw_worksheet *ws, uint32_t rij, double hoogte_px)
{
    wbc_check(b, worksheet_set_column(ws, 1, 1, 12, NULL));
    wbc_check(b, worksheet_print_area(ws, 0, 0, (lxw_row_t)(rij + (uint32_t)(hoogte_px / RIJ_PX) + 1), 1));
}

/* Title in row 1, the note in rows 2 and 3 (what is shown; that it reads
 * the cells of blad and follows a recalculation); the charts from row 5. */
static void kop_grafiekblad(wbc_book *b, lxw_worksheet *ws, lxw_format *titel_fmt, const char *titel,
                            const char *notitie, const char *blad)
{
    char buf[160];
    wbc_check(b, worksheet_set_column(ws, 0, 0, GRAFIEK_KOLOM, NULL));
    wbc_str(b, ws, 0, 0, titel, titel_fmt);
    wbc_str(b, ws, 1, 0, notitie, NULL);
    snprintf(buf, sizeof buf, "De grafiek leest de cellen van %s en verandert mee bij herberekenen.", blad);
    wbc_str(b, ws, 2, 0, buf, NULL);
}

/* ------------------------------------------------------------------------ */
/* bereken                                                                   */

void wbb_write_grafiek(wb *w, lxw_worksheet *ws)
{
    const tarief_regio *r = w->r;
    size_t n = r->n_producten < GRAFIEK_MAX_PRODUCTEN ? r->n_producten : GRAFIEK_MAX_PRODUCTEN;
    char buf[512];
    if (r->n_producten > n)
        snprintf(buf, sizeof buf,
                 "De eerste %zu van de %zu producten van Tarieven, een staaf per product (een grafiek van alle "
                 "staven zegt niets), opgebouwd uit de elementen op centen.",
                 n, r->n_producten);
    else
        snprintf(buf, sizeof buf,
                 "Een staaf per product, opgebouwd uit de elementen zoals Tarieven ze toont (op centen).");
    kop_grafiekblad(&w->b, ws, w->f.titel, "Opbouw van het tarief per product", buf, "Tarieven");
    if (n == 0)
        return;

    lxw_chart *c = workbook_add_chart(w->b.book, LXW_CHART_COLUMN_STACKED);
    if (c == NULL) {
        wbc_fout(&w->b, "kan grafiek niet aanmaken");
        return;
    }
    char cat[64], val[64];
    snprintf(cat, sizeof cat, "=Tarieven!$A$2:$A$%zu", n + 1);
    for (int col = TA_EERSTE; col < TA_WEERGAVE; col++) {
        /* an element that is zero for every product shown would add only
         * a legend entry; so would the display-rounding difference (a few
         * cents at most): both left out */
        bool iets = false;
        for (size_t i = 0; i < n && !iets && col - TA_EERSTE != TARIEF_E_AFRONDINGSVERSCHIL; i++)
            iets = w->a[i].element[col - TA_EERSTE] != 0;
        if (!iets)
            continue;
        const tarief_element_info *in = tarief_element_info_get((tarief_element)(col - TA_EERSTE));
        snprintf(val, sizeof val, "=Tarieven!$%s$2:$%s$%zu", w->col[col], w->col[col], n + 1);
        lxw_chart_series *s = chart_add_series(c, cat, val);
        if (s == NULL)
            continue;
        if (in->nvo > 0)
            snprintf(buf, sizeof buf, "E%d %s", in->nvo, in->label);
        else
            snprintf(buf, sizeof buf, "%s", in->label);
        chart_series_set_name(s, buf);
        kleur(s, (size_t)(col - TA_EERSTE)); /* an element keeps its colour */
    }
    snprintf(buf, sizeof buf, "Opbouw van het tarief per product (\xe2\x82\xac per eenheid), %s %d",
             r->naam ? r->naam : "", r->tariefjaar);
    opmaak(c, buf, true);
    chart_axis_set_min(c->y_axis, 0); /* a negative afrondingsverschil is not shown */
    plaats(&w->b, ws, 4, c, 1000, 560, "Gestapelde staafgrafiek: per product de opbouw van het tarief");
    afdrukbereik(&w->b, ws, 4, 560);
}

/* ------------------------------------------------------------------------ */
/* vergelijk and verschil                                                    */

void wbc_grafiek_vergelijk(wbc_book *b, lxw_worksheet *ws, lxw_format *titel_fmt, const char *afdruktitel,
                           const char *blad, const tarief_vergelijking *v, uint32_t rijen_per_product, int col_element,
                           int col_regio, int col_aanbieder)
{
    if (ws == NULL)
        return;
    size_t n_producten = v->n_producten;
    wbc_afdruk(b, ws, afdruktitel, false, 1, 0, 0); /* portrait: two charts a page */
    size_t n = n_producten < WBC_GRAFIEK_MAX_VERGELIJK ? n_producten : WBC_GRAFIEK_MAX_VERGELIJK;
    char buf[512], prefix[48], cat[96], val[96], naam[96];
    char ce[4], cr[4], ca[4];
    wbc_col_letters(col_element, ce);
    wbc_col_letters(col_regio, cr);
    wbc_col_letters(col_aanbieder, ca);
    wbc_sheet_prefix(prefix, sizeof prefix, blad);
    if (n_producten > n)
        snprintf(buf, sizeof buf,
                 "Per product de elementen van de regio naast die van de aanbieder, voor de eerste %zu van de %zu "
                 "producten.",
                 n, n_producten);
    else
        snprintf(buf, sizeof buf, "Per product de elementen van de regio naast die van de aanbieder.");
    kop_grafiekblad(b, ws, titel_fmt, "Regio en aanbieder per element", buf, blad);
    wbc_check(b, worksheet_set_column(ws, 0, 0, 90, NULL)); /* as wide as a chart */
    for (size_t i = 0; i < n; i++) {
        uint32_t eerste = 2 + (uint32_t)i * rijen_per_product; /* 1-based, under the header */
        uint32_t laatste = eerste + rijen_per_product - 2;     /* the elements, not the tarief row */
        lxw_chart *c = workbook_add_chart(b->book, LXW_CHART_BAR);
        if (c == NULL) {
            wbc_fout(b, "kan grafiek niet aanmaken");
            return;
        }
        snprintf(cat, sizeof cat, "=%s$%s$%u:$%s$%u", prefix, ce, eerste, ce, laatste);
        const char *kol[2] = {cr, ca};
        for (int k = 0; k < 2; k++) {
            snprintf(val, sizeof val, "=%s$%s$%u:$%s$%u", prefix, kol[k], eerste, kol[k], laatste);
            lxw_chart_series *s = chart_add_series(c, cat, val);
            if (s == NULL)
                continue;
            snprintf(naam, sizeof naam, "=%s$%s$1", prefix, kol[k]); /* "regio", "aanbieder" */
            chart_series_set_name(s, naam);
            kleur(s, k == 0 ? 0 : 3);
        }
        const tarief_product *p = v->producten[i].aanbieder->product;
        snprintf(buf, sizeof buf, "%s %s (\xe2\x82\xac per %s)", p->code, p->naam ? p->naam : "",
                 tarief_eenheid_naam(p->eenheid));
        opmaak(c, buf, true);
        chart_axis_set_num_format(c->x_axis, "\xe2\x82\xac #,##0");
        chart_axis_set_num_format(c->y_axis, "General");
        chart_axis_set_reverse(c->y_axis); /* element 1 at the top */
        plaats(b, ws, 4 + (uint32_t)i * 18, c, 640, 340, "Staafgrafiek: per element regio en aanbieder");
    }
    if (n == 0)
        return;
    afdrukbereik(b, ws, 4 + (uint32_t)(n - 1) * 18, 340);
    /* two charts a page (portrait, at full size: A4 holds 640 pixels) */
    lxw_row_t breaks[WBC_GRAFIEK_MAX_VERGELIJK / 2 + 1]; /* copied by libxlsxwriter */
    size_t k = 0;
    for (size_t i = 2; i < n; i += 2)
        breaks[k++] = (lxw_row_t)(4 + i * 18);
    breaks[k] = 0;
    if (k > 0)
        wbc_check(b, worksheet_set_h_pagebreaks(ws, breaks));
}

void wbc_grafiek_verschil(wbc_book *b, lxw_worksheet *ws, lxw_format *titel_fmt, const char *afdruktitel,
                          const char *blad, size_t n_producten, int col_code, int col_eerste, int n_groepen)
{
    if (ws == NULL)
        return;
    wbc_afdruk(b, ws, afdruktitel, true, 1, 0, 0);
    size_t n = n_producten < GRAFIEK_MAX_PRODUCTEN ? n_producten : GRAFIEK_MAX_PRODUCTEN;
    char buf[512], prefix[48], cat[96], val[96], naam[96], cc[4], cg[4];
    wbc_sheet_prefix(prefix, sizeof prefix, blad);
    wbc_col_letters(col_code, cc);
    if (n_producten > n)
        snprintf(buf, sizeof buf,
                 "Per product de bijdrage van elke oorzaak (groep invoer) aan het verschil, voor de eerste %zu van "
                 "de %zu producten; samen zijn ze het verschil.",
                 n, n_producten);
    else
        snprintf(buf, sizeof buf,
                 "Per product de bijdrage van elke oorzaak (groep invoer); samen zijn ze het verschil tussen oud en "
                 "nieuw tarief.");
    kop_grafiekblad(b, ws, titel_fmt, "Bijdrage per oorzaak aan het verschil", buf, blad);
    if (n == 0)
        return;
    lxw_chart *c = workbook_add_chart(b->book, LXW_CHART_COLUMN_STACKED);
    if (c == NULL) {
        wbc_fout(b, "kan grafiek niet aanmaken");
        return;
    }
    snprintf(cat, sizeof cat, "=%s$%s$2:$%s$%zu", prefix, cc, cc, n + 1);
    for (int g = 0; g < n_groepen; g++) {
        wbc_col_letters(col_eerste + g, cg);
        snprintf(val, sizeof val, "=%s$%s$2:$%s$%zu", prefix, cg, cg, n + 1);
        lxw_chart_series *s = chart_add_series(c, cat, val);
        if (s == NULL)
            continue;
        snprintf(naam, sizeof naam, "=%s$%s$1", prefix, cg); /* the group's header */
        chart_series_set_name(s, naam);
        kleur(s, (size_t)g);
    }
    opmaak(c, "Bijdrage per oorzaak aan het verschil (\xe2\x82\xac per eenheid)", true);
    plaats(b, ws, 4, c, 1000, 560, "Gestapelde staafgrafiek: per product de bijdrage van elke oorzaak");
    afdrukbereik(b, ws, 4, 560);
}
