/* cmd_controleer.c - `tarief controleer`: recompute a published list. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "args.h"

static const char HELP[] =
    "gebruik: tarief controleer <regio-map> <gepubliceerd.csv> [--marge BEDRAG] [--cao-map MAP]\n"
    "\n"
    "Rekent elk product na en vergelijkt het met een gepubliceerde tarievenlijst met\n"
    "de kolommen code;tarief (eventueel ook eenheid, naam, bron). Per product: OK of\n"
    "AFWIJKING, met gepubliceerd, berekend en het verschil (gepubliceerd - berekend).\n"
    "Staat er een kolom eenheid in, dan moet die ook kloppen (per uur is niet per week).\n"
    "Staat de opbouw erin (kolommen zoals in de CSV van tarief bereken --csv:\n"
    "kosten_beroepskracht, niet_productieve_uren, ..., afrondingsverschil), dan wordt\n"
    "elk gegeven element ook nagerekend; een element buiten de marge is een AFWIJKING.\n"
    "De CSV die tarief bereken --csv schrijft, is zo'n lijst.\n"
    "Een gepubliceerde code die de regio niet kent heet ONBEKEND; een product van de\n"
    "regio dat in de lijst ontbreekt wordt gemeld als NIET GEPUBLICEERD (ter informatie).\n"
    "\n"
    "Opties:\n"
    "  --marge BEDRAG   toegestane afwijking in euro (standaard 0,005: op de cent)\n"
    "  --cao-map MAP    map met cao-tabellen\n"
    "\n"
    "Afsluitcode: 0 alles binnen de marge; 1 een afwijking of onbekende code;\n"
    "2 ongeldige invoer. Waarom een tarief afwijkt: tarief uitleg <regio-map> <code>\n";

static const char *status_text(tarief_controle_status s)
{
    switch (s) {
    case TARIEF_CONTROLE_OK: return "OK";
    case TARIEF_CONTROLE_AFWIJKING: return "AFWIJKING";
    case TARIEF_CONTROLE_ONBEKEND: return "ONBEKEND";
    default: return "NIET GEPUBLICEERD";
    }
}

/* A tolerance in euros: 0,01 or 0.01 (tarief_parse_number_los). "1.000"
 * could mean one euro or a thousand: refused rather than guessed. */
static bool parse_marge(const char *s, double *out)
{
    return tarief_parse_number_los(s, false, out) == TARIEF_GETAL_OK && *out >= 0;
}

int cmd_controleer(int argc, char **argv)
{
    cli_args a;
    int rc = cli_start(argc, argv, "cm", HELP, 2, "verwacht een regiomap en een gepubliceerde tarievenlijst (CSV)", &a);
    if (rc >= 0)
        return rc;
    double marge = 0.005;
    if (a.marge && !parse_marge(a.marge, &marge))
        return cli_usage_error("controleer",
                               "ongeldige marge '%s': verwacht een bedrag in euro zonder duizendtallen, zoals 0,01 of 0.01 "
                               "('1.000' is dubbelzinnig: schrijf 1000 of 1,000)",
                               a.marge);
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = cli_load(ctx, &a, a.pos[0]);
    if (!r) {
        int fout = cli_load_exit(ctx);
        tarief_ctx_free(ctx);
        return fout;
    }
    const tarief_afleiding *afl = tarief_bereken(ctx, r, NULL);
    size_t n = 0;
    const tarief_controle *res = tarief_controleer(ctx, r, afl, a.pos[1], marge, &n);
    if (!res) {
        cli_print_problems(ctx);
        tarief_ctx_free(ctx);
        return EXIT_INVOER;
    }
    size_t wcode = 4;
    for (size_t i = 0; i < n; i++)
        if (strlen(res[i].code) > wcode)
            wcode = strlen(res[i].code);
    printf("%-*s  %-17s  %12s  %12s  %10s\n", (int)wcode, "code", "uitslag", "gepubliceerd", "berekend", "verschil");
    size_t cnt[4] = {0};
    char b1[64], b2[64], b3[64];
    for (size_t i = 0; i < n; i++) {
        const tarief_controle *c = &res[i];
        cnt[c->status]++;
        const char *pub = c->status == TARIEF_CONTROLE_NIET_GEPUBLICEERD ? "-" : tarief_fmt_nl(b1, sizeof b1, c->gepubliceerd, 2);
        const char *ber = c->status == TARIEF_CONTROLE_ONBEKEND ? "-" : tarief_fmt_nl(b2, sizeof b2, c->berekend, 2);
        const char *ver = (c->status == TARIEF_CONTROLE_OK || c->status == TARIEF_CONTROLE_AFWIJKING)
                              ? tarief_fmt_nl(b3, sizeof b3, c->verschil, 2) : "-";
        printf("%-*s  %-17s  %12s  %12s  %10s", (int)wcode, c->code, status_text(c->status), pub, ber, ver);
        if (c->status == TARIEF_CONTROLE_ONBEKEND)
            printf("  (%s:%d: code staat niet in producten.csv)", c->bron.file, c->bron.line);
        else if (c->status == TARIEF_CONTROLE_AFWIJKING && c->eenheid_afwijkend)
            printf("  (%s:%d: gepubliceerd per %s, de regio rekent per %s)", c->bron.file, c->bron.line, c->eenheid,
                   tarief_eenheid_naam(c->afleiding->product->eenheid));
        else if (c->status == TARIEF_CONTROLE_AFWIJKING)
            printf("  (%s:%d)", c->bron.file, c->bron.line);
        putchar('\n');
        if (c->status != TARIEF_CONTROLE_AFWIJKING)
            continue;
        for (int e = 0; e < TARIEF_E_COUNT; e++) {
            if (!c->element_afwijkend[e])
                continue;
            printf("  %s, element %s: gepubliceerd %s, berekend %s, verschil %s (%s:%d:%d)\n", c->code,
                   tarief_element_info_get((tarief_element)e)->kolom,
                   tarief_fmt_nl_trim(b1, sizeof b1, c->element_gepubliceerd[e], 2, 6),
                   tarief_fmt_nl_trim(b2, sizeof b2, c->element_gepubliceerd[e] - c->element_verschil[e], 2, 6),
                   tarief_fmt_nl_trim(b3, sizeof b3, c->element_verschil[e], 2, 6), c->element_bron[e].file,
                   c->element_bron[e].line, c->element_bron[e].column);
        }
    }
    printf("\n%zu OK, %zu afwijking%s, %zu onbekend, %zu niet gepubliceerd (marge € %s)\n", cnt[0], cnt[1],
           cnt[1] == 1 ? "" : "en", cnt[2], cnt[3], tarief_fmt_nl_trim(b1, sizeof b1, marge, 2, 6));
    if (cnt[1])
        printf("Waarom een tarief afwijkt: tarief uitleg %s <code>%s%s\n", a.pos[0], a.cao_map ? " --cao-map " : "",
               a.cao_map ? a.cao_map : "");
    int ok = fflush(stdout) == 0;
    tarief_ctx_free(ctx);
    if (!ok)
        return EXIT_IO;
    return (cnt[1] || cnt[2]) ? EXIT_AFWIJKING : EXIT_OK;
}
