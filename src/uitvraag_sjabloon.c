/*
 * uitvraag_sjabloon.c - `tarief uitvraag sjabloon`: what the region sends to
 * the aanbieders, as a CSV file to fill in and as an xlsx form (drop-down
 * list of the region's functies, checks on percentage and gewicht). Both go
 * into a new directory that appears complete or not at all.
 *
 * The form's first sheet is itself an answer file: saved as CSV it is read
 * by `tarief uitvraag verwerk` as it is (the sheet starts with the header
 * row; the check column is named "# controle", a free text column).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "internal.h"
#include "uitvoermap.h"

/* Spare rows per product in the form, for a functie the region's mix lacks. */
#define EXTRA_RIJEN 2

static void tekst(FILE *f, const char *s)
{
    for (; s && *s; s++)
        fputc(*s == ';' || *s == '\n' || *s == '\r' || *s == '"' ? ' ' : *s, f);
}

static const char *const UITLEG[] = {
    "Per product: welk deel van de uren levert elke functie? Eén regel per functie.",
    "Kolommen:",
    "  product      de productcode van de regio; niet wijzigen.",
    "  functie      een functie van de regio (zie de lijst van functies). Zet een functie die u niet inzet op 0 of",
    "               verwijder de regel; een andere functie van de lijst mag u als nieuwe regel toevoegen.",
    "  percentage   het aandeel van de uren van die functie, in procenten, hoogstens twee decimalen",
    "               (bijvoorbeeld 55 of 33,33). Per product samen precies 100.",
    "  gewicht      uw volume van dit product in het afgelopen jaar: het aantal cliënten of uren, in de",
    "               maat die de regio in de begeleidende brief noemt (voor alle aanbieders dezelfde).",
    "               Op elke regel van het product hetzelfde getal (of alleen op de eerste regel).",
    "  toelichting  vrije tekst, bijvoorbeeld hoe u het aandeel bepaalde.",
    "Een product dat u niet levert: laat de percentages leeg; het telt dan niet mee.",
    "Getallen met een komma als decimaalteken (33,33), zonder duizendtallen in het percentage.",
    NULL};

int tarief_uitvraag_sjabloon_csv(FILE *f, const tarief_regio *r)
{
    fprintf(f, "# Uitvraag functiemix: ");
    tekst(f, r->naam);
    fprintf(f, ", tariefjaar %d (gemaakt met tarief uitvraag sjabloon)\n", r->tariefjaar);
    for (size_t i = 0; UITLEG[i]; i++)
        fprintf(f, "# %s\n", UITLEG[i]);
    fprintf(f, "# Functies van de regio:\n");
    for (size_t i = 0; i < r->n_functies; i++) {
        fprintf(f, "#   %s", r->functies[i].naam);
        if (r->functies[i].omschrijving && r->functies[i].omschrijving[0]) {
            fputs(": ", f);
            tekst(f, r->functies[i].omschrijving);
        }
        fputc('\n', f);
    }
    fprintf(f, "product;functie;percentage;gewicht;toelichting\n");
    for (size_t i = 0; i < r->n_producten; i++) {
        const tarief_product *p = &r->producten[i];
        char b[64];
        fprintf(f, "# %s ", p->code);
        tekst(f, p->naam);
        fprintf(f, " (per %s); huidige functiemix van de regio:", tarief_eenheid_naam(p->eenheid));
        for (size_t j = 0; j < p->n_mix; j++)
            fprintf(f, "%s %s %s", j ? "," : "", p->mix[j].functie->naam,
                    tarief_fmt_pct(b, sizeof b, p->mix[j].aandeel));
        fputc('\n', f);
        for (size_t j = 0; j < p->n_mix; j++)
            fprintf(f, "%s;%s;;;\n", p->code, p->mix[j].functie->naam);
    }
    return ferror(f) ? -1 : 0;
}

/* --- the xlsx form -------------------------------------------------------------- */

static int xlsx(tarief_ctx *ctx, const tarief_regio *r, const char *path, const char *shown)
{
    lxw_workbook_options lo = {.constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(path, &lo);
    if (!wb) {
        tarief_ctx_error(ctx, shown, 0, 0, NULL, "kan het formulier niet aanmaken: %s", tarief_strerror(errno));
        ti_ctx_mark_io(ctx);
        return -1;
    }
    lxw_doc_properties props = {.title = "Uitvraag functiemix", .author = "tarief " TARIEF_VERSION,
                                .created = 0};
    workbook_set_properties(wb, &props);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Uitvraag");
    lxw_worksheet *wt = workbook_add_worksheet(wb, "Toelichting");
    lxw_worksheet *wf = workbook_add_worksheet(wb, "Functies");
    lxw_format *kop = workbook_add_format(wb);
    format_set_bold(kop);
    format_set_bg_color(kop, 0xD9E1F2);
    format_set_border(kop, LXW_BORDER_THIN);
    lxw_format *invul = workbook_add_format(wb);
    format_set_bg_color(invul, 0xFFF2CC);
    format_set_border(invul, LXW_BORDER_THIN);
    format_set_unlocked(invul);
    lxw_format *getal = workbook_add_format(wb);
    format_set_bg_color(getal, 0xFFF2CC);
    format_set_border(getal, LXW_BORDER_THIN);
    format_set_num_format(getal, "0.00");
    format_set_unlocked(getal);
    lxw_format *vast = workbook_add_format(wb);
    format_set_border(vast, LXW_BORDER_THIN);
    lxw_format *controle = workbook_add_format(wb);
    format_set_border(controle, LXW_BORDER_THIN);
    format_set_num_format(controle, "0.00");
    format_set_italic(controle);
    lxw_format *titel = workbook_add_format(wb);
    format_set_bold(titel);
    format_set_font_size(titel, 14);

    /* Functies: the list for the drop-down */
    worksheet_write_string(wf, 0, 0, "functie", kop);
    worksheet_write_string(wf, 0, 1, "omschrijving", kop);
    for (size_t i = 0; i < r->n_functies; i++) {
        worksheet_write_string(wf, (lxw_row_t)(i + 1), 0, r->functies[i].naam, vast);
        worksheet_write_string(wf, (lxw_row_t)(i + 1), 1,
                               r->functies[i].omschrijving ? r->functies[i].omschrijving : "", vast);
    }
    worksheet_set_column(wf, 0, 0, 16, NULL);
    worksheet_set_column(wf, 1, 1, 70, NULL);

    /* Toelichting */
    char buf[512];
    snprintf(buf, sizeof buf, "Uitvraag functiemix: %s, tariefjaar %d", r->naam, r->tariefjaar);
    worksheet_write_string(wt, 0, 0, buf, titel);
    lxw_row_t row = 2;
    for (size_t i = 0; UITLEG[i]; i++)
        worksheet_write_string(wt, row++, 0, UITLEG[i], NULL);
    row++;
    static const char *const EXTRA[] = {
        "In dit werkboek: vul op het tabblad Uitvraag de gele cellen in. De functie kiest u uit een lijst;",
        "een percentage moet tussen 0 en 100 liggen, een gewicht 0 of meer. De kolom '# controle' toont per",
        "product de som van de percentages: die moet 100 zijn.",
        "Terugsturen: sla het tabblad Uitvraag op als CSV (puntkomma als scheidingsteken), of stuur dit",
        "werkboek terug als de regio dat vraagt. De regio verwerkt de antwoorden met tarief uitvraag verwerk.",
        NULL};
    for (size_t i = 0; EXTRA[i]; i++)
        worksheet_write_string(wt, row++, 0, EXTRA[i], NULL);
    worksheet_set_column(wt, 0, 0, 110, NULL);

    /* Uitvraag: header on the first row, so that the sheet saved as CSV is an answer */
    static const char *const KOP[] = {"product", "naam", "functie", "percentage", "gewicht", "toelichting",
                                      "# controle"};
    for (int c = 0; c < 7; c++)
        worksheet_write_string(ws, 0, (lxw_col_t)c, KOP[c], kop);
    size_t n_rijen = 0;
    for (size_t i = 0; i < r->n_producten; i++)
        n_rijen += r->producten[i].n_mix + EXTRA_RIJEN;
    lxw_row_t eind = (lxw_row_t)n_rijen; /* last data row (0-based) */
    row = 1;
    for (size_t i = 0; i < r->n_producten; i++) {
        const tarief_product *p = &r->producten[i];
        lxw_row_t eerste = row;
        for (size_t j = 0; j < p->n_mix + EXTRA_RIJEN; j++, row++) {
            worksheet_write_string(ws, row, 0, p->code, vast);
            worksheet_write_string(ws, row, 1, p->naam, vast);
            if (j < p->n_mix)
                worksheet_write_string(ws, row, 2, p->mix[j].functie->naam, invul);
            else
                worksheet_write_blank(ws, row, 2, invul);
            worksheet_write_blank(ws, row, 3, getal);
            worksheet_write_blank(ws, row, 4, getal);
            worksheet_write_blank(ws, row, 5, invul);
            if (row == eerste) {
                snprintf(buf, sizeof buf, "=SUMIF($A$2:$A$%u,A%u,$D$2:$D$%u)", (unsigned)eind + 1,
                         (unsigned)row + 1, (unsigned)eind + 1);
                worksheet_write_formula_num(ws, row, 6, buf, controle, 0);
            } else {
                worksheet_write_blank(ws, row, 6, vast);
            }
        }
    }
    worksheet_set_column(ws, 0, 0, 10, NULL);
    worksheet_set_column(ws, 1, 1, 48, NULL);
    worksheet_set_column(ws, 2, 2, 16, NULL);
    worksheet_set_column(ws, 3, 4, 12, NULL);
    worksheet_set_column(ws, 5, 5, 40, NULL);
    worksheet_set_column(ws, 6, 6, 11, NULL);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_set_landscape(wt);
    worksheet_fit_to_pages(wt, 1, 0);
    if (eind >= 1) {
        /* The drop-down: the names themselves when they fit in Excel's 255
         * characters (and hold no comma or quote), else a reference to the
         * Functies sheet. (libxlsxwriter 1.1.4 leaks a few bytes for the
         * latter, fixed upstream: tests/valgrind.supp, tests/lsan.supp.) */
        char lijst[128];
        snprintf(lijst, sizeof lijst, "=Functies!$A$2:$A$%zu", r->n_functies + 1);
        size_t lengte = 0;
        bool inline_lijst = r->n_functies > 0;
        for (size_t i = 0; i < r->n_functies; i++) {
            const char *nm = r->functies[i].naam;
            lengte += strlen(nm) + 1;
            if (strpbrk(nm, ",\"") || !nm[0])
                inline_lijst = false;
        }
        if (lengte > 250)
            inline_lijst = false;
        char **namen = tarief_ctx_alloc(ctx, (r->n_functies + 1) * sizeof *namen);
        for (size_t i = 0; i < r->n_functies; i++)
            namen[i] = (char *)r->functies[i].naam; /* libxlsxwriter copies them */
        lxw_data_validation fv = {0};
        if (inline_lijst) {
            fv.validate = LXW_VALIDATION_TYPE_LIST;
            fv.value_list = namen;
        } else {
            fv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            fv.value_formula = lijst;
        }
        fv.input_title = "Functie";
        fv.input_message = "Kies een functie van de regio (tabblad Functies).";
        fv.error_title = "Onbekende functie";
        fv.error_message = "Kies een functie uit de lijst van de regio (tabblad Functies).";
        worksheet_data_validation_range(ws, 1, 2, eind, 2, &fv);
        lxw_data_validation pv = {0};
        pv.validate = LXW_VALIDATION_TYPE_DECIMAL;
        pv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        pv.minimum_number = 0;
        pv.maximum_number = 100;
        pv.input_title = "Percentage";
        pv.input_message = "Aandeel van de uren in procenten (0 tot 100, hoogstens twee decimalen). "
                           "Per product samen 100.";
        pv.error_title = "Ongeldig percentage";
        pv.error_message = "Een percentage ligt tussen 0 en 100.";
        worksheet_data_validation_range(ws, 1, 3, eind, 3, &pv);
        lxw_data_validation gv = {0};
        gv.validate = LXW_VALIDATION_TYPE_DECIMAL;
        gv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        gv.value_number = 0;
        gv.input_title = "Gewicht";
        gv.input_message = "Uw volume van dit product in het afgelopen jaar (cliënten of uren), "
                           "op elke regel van het product hetzelfde.";
        gv.error_title = "Ongeldig gewicht";
        gv.error_message = "Een gewicht is 0 of meer.";
        worksheet_data_validation_range(ws, 1, 4, eind, 4, &gv);
        /* the check turns red when a filled-in product does not add up to 100 */
        lxw_format *rood = workbook_add_format(wb);
        format_set_font_color(rood, 0x9C0006);
        format_set_bg_color(rood, 0xFFC7CE);
        lxw_conditional_format cf = {0};
        cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
        cf.value_string = "=AND($G2<>\"\",$G2<>0,ABS($G2-100)>0.001)";
        cf.format = rood;
        worksheet_conditional_format_range(ws, 1, 6, eind, 6, &cf);
    }
    worksheet_activate(ws);
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        tarief_ctx_error(ctx, shown, 0, 0, NULL, "formulier niet geschreven: %s", lxw_strerror(e));
        ti_ctx_mark_io(ctx);
        return -1;
    }
    return 0;
}

int tarief_uitvraag_sjabloon(tarief_ctx *ctx, const tarief_regio *r, const char *dir)
{
    tarief_uitvoermap m;
    if (tarief_uitvoermap_open(ctx, &m, dir) != 0)
        return -1;
    const char *csv = tarief_uitvoermap_file(ctx, &m, "uitvraag.csv");
    const char *shown_csv = ti_ctx_printf(ctx, "%s/uitvraag.csv", m.path);
    FILE *f = fopen(csv, "w");
    bool ok = f && tarief_uitvraag_sjabloon_csv(f, r) == 0;
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok) {
        tarief_ctx_error(ctx, shown_csv, 0, 0, NULL, "kan niet schrijven: %s", tarief_strerror(errno));
        ti_ctx_mark_io(ctx);
        tarief_uitvoermap_abort(&m);
        return -1;
    }
    if (xlsx(ctx, r, tarief_uitvoermap_file(ctx, &m, "uitvraag.xlsx"),
             ti_ctx_printf(ctx, "%s/uitvraag.xlsx", m.path)) != 0) {
        tarief_uitvoermap_abort(&m);
        return -1;
    }
    return tarief_uitvoermap_commit(ctx, &m);
}
