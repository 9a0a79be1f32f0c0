/* uitvraag_rapport.c - the report of `tarief uitvraag verwerk` per product. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static size_t utf8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* s padded with spaces to w characters (UTF-8 aware). */
static void pad(FILE *f, const char *s, size_t w)
{
    fputs(s, f);
    for (size_t n = utf8_len(s); n < w; n++)
        fputc(' ', f);
}

int tarief_uitvraag_rapport(FILE *f, const tarief_uitvraag *u)
{
    const tarief_regio *r = u->regio;
    char b1[64], b2[64], b3[64], b4[64];
    fprintf(f, "Uitvraag functiemix: %s, tariefjaar %d\n", r->naam, r->tariefjaar);
    fprintf(f, "Antwoorden: %zu bestand%s (", u->n_bestanden, u->n_bestanden == 1 ? "" : "en");
    for (size_t i = 0; i < u->n_bestanden; i++)
        fprintf(f, "%s%s", i ? ", " : "", u->bestanden[i]);
    fprintf(f, ")\n");
    fprintf(f, "Methode: %s; minimum %d antwoorden per product; ver van het gemiddelde: meer dan %s procentpunt\n",
            u->methode == TARIEF_UITVRAAG_GEWOGEN ? "gewogen gemiddelde (gewicht per antwoord)"
                                                  : "gemiddelde (elk antwoord telt even zwaar)",
            u->minimum, tarief_fmt_nl_trim(b1, sizeof b1, u->drempel, 0, 2));
    size_t n_behouden = 0, n_nieuw = 0;
    for (size_t i = 0; i < u->n_producten; i++) {
        const tarief_uitvraag_product *up = &u->producten[i];
        const tarief_product *p = up->product;
        fprintf(f, "\n%s  %s: %zu antwoord%s", p->code, p->naam, up->n_antwoorden,
                up->n_antwoorden == 1 ? "" : "en");
        if (u->methode == TARIEF_UITVRAAG_GEWOGEN && up->n_antwoorden)
            fprintf(f, ", totaal gewicht %s", tarief_fmt_nl_trim(b1, sizeof b1, up->totaal_gewicht, 0, 2));
        if (up->behouden) {
            n_behouden++;
            fprintf(f, "\n  minder dan het minimum (%d): de huidige functiemix van de regio blijft", u->minimum);
            if (up->n_antwoorden)
                fprintf(f, " (geen cijfers getoond, ter bescherming van de afzonderlijke aanbieders)");
            fputc('\n', f);
            continue;
        }
        n_nieuw++;
        size_t w = strlen("functie");
        for (size_t j = 0; j < up->n_regels; j++)
            if (utf8_len(up->regels[j].functie->naam) > w)
                w = utf8_len(up->regels[j].functie->naam);
        fprintf(f, "\n  ");
        pad(f, "functie", w);
        fprintf(f, "  %9s  %11s  %8s  %8s  %7s\n", "nieuw", "gemiddelde", "min", "max", "genoemd");
        for (size_t j = 0; j < up->n_regels; j++) {
            const tarief_uitvraag_regel *rg = &up->regels[j];
            fprintf(f, "  ");
            pad(f, rg->functie->naam, w);
            fprintf(f, "  %7lld,%02lld  %11s  %8s  %8s  %7zu\n", rg->honderdsten / 100, rg->honderdsten % 100,
                    tarief_fmt_nl_trim(b2, sizeof b2, rg->gemiddelde, 2, 4),
                    tarief_fmt_nl(b3, sizeof b3, rg->min, 2), tarief_fmt_nl(b4, sizeof b4, rg->max, 2),
                    rg->n_genoemd);
        }
        for (size_t j = 0; j < up->n_afwijkingen; j++) {
            const tarief_uitvraag_afwijking *x = &up->afwijkingen[j];
            fprintf(f, "  ver van het gemiddelde: %s:%d: %s %s %% (gemiddelde %s %%)\n", x->file, x->line,
                    x->functie->naam, tarief_fmt_nl(b1, sizeof b1, x->antwoord, 2),
                    tarief_fmt_nl_trim(b2, sizeof b2, x->gemiddelde, 2, 4));
        }
    }
    fprintf(f, "\n%zu product%s uit de uitvraag, %zu met de huidige functiemix (minder dan %d antwoorden)\n",
            n_nieuw, n_nieuw == 1 ? "" : "en", n_behouden, u->minimum);
    return ferror(f) ? -1 : 0;
}
