/* cmd_publiceer.c - `tarief publiceer`: the onderbouwing of a region's
 * tariffs as one self-contained HTML document (tarief/publiceer.h). */
#include <stdio.h>
#include <string.h>

#include "args.h"

static const char HELP[] =
    "gebruik: tarief publiceer <regio-map> [-o BESTAND.html] [--cao-map MAP] [--vorig REGIO-MAP]\n"
    "                        [--streng]\n"
    "\n"
    "Schrijft de onderbouwing van alle tarieven van een regio als één HTML-document\n"
    "om te publiceren of aan aanbieders en college voor te leggen: regio, tariefjaar,\n"
    "rekenmethode, datum en het SHA-256-controlegetal van elk invoerbestand; de\n"
    "tarievenlijst; en per product de productkaart, de opbouw per element (tabel en\n"
    "grafiek, met NvO-element en de letters uit Wmo en Jeugdwet), elke stap van de\n"
    "berekening zoals 'tarief uitleg' die toont, en elke bron (bestand:regel).\n"
    "Het document laadt niets van buiten (geen scripts, lettertypen of plaatjes van\n"
    "elders), opent offline in elke browser en print netjes naar PDF: elk product op\n"
    "een eigen pagina.\n"
    "\n"
    "Opties:\n"
    "  -o BESTAND.html    het document (standaard: onderbouwing-<regio-map>-<tariefjaar>.html\n"
    "                     in de huidige map)\n"
    "  --cao-map MAP      map met cao-tabellen (voor beide versies)\n"
    "  --streng           een waarschuwing (waarde buiten het gebruikelijke bereik,\n"
    "                     docs/betrouwbaarheid.md) is een fout: afsluitcode 2\n"
    "  --vorig REGIO-MAP  de regio van vorig jaar: per product ook waarom het tarief\n"
    "                     bewoog, verdeeld over de invoergroepen van 'tarief verschil'\n"
    "\n"
    "De datum in het document is SOURCE_DATE_EPOCH als die gezet is, anders vandaag.\n"
    "Het bestand wordt pas op zijn plaats gezet als het compleet is.\n"
    "\n"
    "Voorbeeld:\n"
    "  tarief publiceer productkaarten/voorbeeldregio -o onderbouwing.html\n"
    "Uitleg: docs/publiceren.md\n";

int cmd_publiceer(int argc, char **argv)
{
    /* --vorig is this command's own option: take it out before the shared parser. */
    char *rest[argc + 1];
    int n = 0;
    const char *vorig = NULL;
    for (int i = 0; i < argc; i++) {
        if (i > 0 && strcmp(argv[i], "--vorig") == 0) {
            if (i + 1 >= argc || !argv[i + 1][0])
                return cli_usage_error("publiceer", "optie --vorig verwacht een waarde");
            vorig = argv[++i];
            continue;
        }
        if (i > 0 && strncmp(argv[i], "--vorig=", 8) == 0) {
            if (!argv[i][8])
                return cli_usage_error("publiceer", "optie --vorig verwacht een waarde");
            vorig = argv[i] + 8;
            continue;
        }
        rest[n++] = argv[i];
    }
    rest[n] = NULL;

    cli_args a;
    int rc = cli_start(n, rest, "co", HELP, 1, n > 1 ? "precies één regiomap verwacht" : "regiomap ontbreekt", &a);
    if (rc >= 0)
        return rc;

    tarief_ctx *ctx = tarief_ctx_new();
    /* both versions, then every warning and problem of both at once */
    const tarief_regio *r, *oud;
    rc = cli_load_twee(ctx, &a, a.pos[0], vorig, &r, &oud);
    if (rc != EXIT_OK) {
        tarief_ctx_free(ctx);
        return rc;
    }
    const tarief_afleiding *afl = tarief_bereken(ctx, r, NULL);

    char pad[4096], base[1024];
    if (a.werkboek)
        snprintf(pad, sizeof pad, "%s", a.werkboek);
    else
        snprintf(pad, sizeof pad, "onderbouwing-%s-%d.html", cli_regio_naam(a.pos[0], base, sizeof base), r->tariefjaar);
    const tarief_regio *const regios[] = {r, oud};
    rc = cli_check_outputs("publiceer", regios, oud ? 2 : 1, NULL, pad);
    if (rc != EXIT_OK) {
        tarief_ctx_free(ctx);
        return rc;
    }

    tarief_publiceer_options po = {0};
    if (oud)
        po.vorig = tarief_verschil_bereken(ctx, oud, r);
    if (tarief_publiceer_html(ctx, r, afl, pad, &po) != 0) {
        cli_print_problems(ctx);
        int fout = cli_load_exit(ctx);
        tarief_ctx_free(ctx);
        return fout;
    }
    printf("%s, tariefjaar %d (%zu producten)\n", r->naam, r->tariefjaar, r->n_producten);
    printf("Onderbouwing geschreven: %s\n", pad);
    int ok = fflush(stdout) == 0;
    tarief_ctx_free(ctx);
    return ok ? EXIT_OK : EXIT_IO;
}
