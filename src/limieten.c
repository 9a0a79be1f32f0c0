/*
 * limieten.c - after loading: what the workbook cannot hold, and results
 * that are not numbers (docs/betrouwbaarheid.md).
 *
 * Text that no cell can hold (too long, control characters, U+FFFE) is
 * refused by the CSV reader at the cell. Here: the number of rows of the
 * largest sheet (Opbouw: a header, per product a row per functie and the
 * product row), and that every computed value is finite and of a size a
 * tariff can have: huge hours, tiny groups or a productiviteit near 0 would
 * otherwise give inf or nan in the CSV and #NUM! in the workbook.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Rows in a worksheet (xlsx: 1 048 576, the header included). */
#define XLSX_MAX_ROWS 1048576u
/* Beyond this an amount is no longer exact to the cent in a double (2^53
 * cents is about 9e13 euro): treated as an overflow. */
#define MAX_BEDRAG 1e13

static void check_rows(tarief_ctx *ctx, const tarief_regio *r)
{
    size_t rows = 1; /* header */
    for (size_t i = 0; i < r->n_producten; i++) {
        rows += r->producten[i].n_mix + 1;
        if (rows > XLSX_MAX_ROWS) {
            const tarief_product *p = &r->producten[i];
            tarief_ctx_error(ctx, p->bron.file, p->bron.line, p->bron.column, NULL,
                             "te veel producten voor het werkboek: vanaf product '%s' (het %zu-e) past het blad "
                             "Opbouw (een rij per functie en een per product) niet meer in de %u rijen van een "
                             "werkblad; splits de regio in delen",
                             p->code, i + 1, XLSX_MAX_ROWS);
            return;
        }
    }
}

static bool ok(double x)
{
    return isfinite(x) && fabs(x) <= MAX_BEDRAG;
}

/* A value as written (or computed) for the message. */
static const char *shown(tarief_ctx *ctx, const tarief_param *p, double fallback)
{
    if (p && p->set && p->tekst)
        return p->tekst;
    return ti_ctx_printf(ctx, "%g", fallback);
}

static const char *waar(tarief_ctx *ctx, const tarief_param *p)
{
    if (!p || !p->set || !p->bron.file)
        return "standaard";
    return ti_ctx_printf(ctx, "%s:%d:%d", p->bron.file, p->bron.line, p->bron.column);
}

static const char *invoer(tarief_ctx *ctx, const char *naam, const tarief_invoer *v, bool pct)
{
    double w = pct ? v->waarde * 100 : v->waarde;
    return ti_ctx_printf(ctx, "%s %s%s (%s)", naam, shown(ctx, v->param, w), pct && !(v->param && v->param->tekst) ? " %" : "",
                             waar(ctx, v->param));
}

static bool afleiding_ok(const tarief_afleiding *a)
{
    for (size_t j = 0; j < a->n_functies; j++) {
        const tarief_functie_afleiding *fa = &a->functies[j];
        if ((!fa->per_uur && !ok(fa->loonkosten_fte)) || !ok(fa->kosten_per_uur) || !ok(fa->gewogen))
            return false;
    }
    if (!ok(a->gemengde_kosten) || !ok(a->inzet) || !ok(a->personeel) || !ok(a->kostprijs) || !ok(a->ongerond) ||
        !ok(a->tarief) || !ok(a->productiviteit.waarde) || !ok(a->indexatie.waarde))
        return false;
    for (int k = 0; k < TARIEF_E_COUNT; k++)
        if (!ok(a->element[k]))
            return false;
    return true;
}

static void check_finite(tarief_ctx *ctx, const tarief_regio *r)
{
    size_t cap = 0;
    tarief_functie_afleiding *buf = NULL;
    for (size_t i = 0; i < r->n_producten; i++) {
        const tarief_product *p = &r->producten[i];
        if (p->n_mix > cap || !buf) {
            cap = p->n_mix * 2;
            free(buf);
            buf = malloc((cap ? cap : 1) * sizeof *buf);
            if (!buf)
                tarief_onvoldoende_geheugen();
        }
        tarief_afleiding a;
        memset(buf, 0, p->n_mix * sizeof *buf);
        ti_bereken_in(r, p, &a, buf, ctx);
        if (afleiding_ok(&a))
            continue;
        const char *wat = isnan(a.tarief) ? "geen getal (nan)" : isinf(a.tarief) ? "oneindig" : "absurd groot";
        if (isfinite(a.tarief) && fabs(a.tarief) <= MAX_BEDRAG)
            wat = "eindig, maar een tussenstap niet";
        tarief_invoer uren = {.waarde = p->uren_per_eenheid.waarde, .param = &p->uren_per_eenheid};
        tarief_invoer beg = {.waarde = p->begeleiders.waarde, .param = &p->begeleiders};
        tarief_invoer groep = {.waarde = p->groepsgrootte.waarde, .param = &p->groepsgrootte};
        tarief_ctx_error(ctx, p->bron.file, p->bron.line, p->bron.column, NULL,
                         "de berekening van product '%s' loopt uit de hand (tarief %s; een bedrag boven "
                         "10.000.000.000.000 euro is niet op de cent te rekenen): kijk na %s, %s, %s, %s, %s, %s, %s en de "
                         "loonkosten van de functiemix",
                         p->code, wat, invoer(ctx, "uren_per_eenheid", &uren, false),
                         invoer(ctx, "begeleiders", &beg, false), invoer(ctx, "groepsgrootte", &groep, false),
                         invoer(ctx, "productiviteit", &a.productiviteit, true),
                         invoer(ctx, "overhead", &a.overhead, true), invoer(ctx, "risico", &a.risico, true),
                         invoer(ctx, "indexatie", &a.indexatie, true));
    }
    free(buf);
}

void ti_check_limieten(tarief_ctx *ctx, const tarief_regio *r, bool streng, bool clean)
{
    size_t before = tarief_diag_total(tarief_ctx_diag(ctx));
    check_rows(ctx, r);
    ti_check_plausibel(ctx, r, streng);
    /* computing needs a complete region (every functie with its salary) */
    if (clean && tarief_diag_total(tarief_ctx_diag(ctx)) == before)
        check_finite(ctx, r);
}
