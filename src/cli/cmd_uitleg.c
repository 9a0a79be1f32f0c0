/* cmd_uitleg.c - `tarief uitleg`: every step of one tariff, with sources. */
#include <stdio.h>
#include <string.h>

#include "args.h"

static const char HELP[] =
    "gebruik: tarief uitleg <regio-map> <productcode> [--cao-map MAP]\n"
    "\n"
    "Toont stap voor stap (rekenmethode v1, stap 1-17) hoe het tarief van één product\n"
    "tot stand komt: per stap de formule, de formule met de getallen ingevuld, de\n"
    "uitkomst, en van elke invoer waar die vandaan komt (bestand:regel, met de tekst\n"
    "uit de kolom 'bron'). Bij elk kostenelement staat het NvO-element en de letter\n"
    "uit het Uitvoeringsbesluit Wmo 2015 (art. 5.4 lid 3) en het Besluit Jeugdwet\n"
    "(art. 2.3 lid 1).\n"
    "\n"
    "Bij stap 4 staat welke ort gold: die van de functie in functiemix.csv (kolom ort),\n"
    "anders die van het product of de regio. Zet de regio of het product\n"
    "pgb_professioneel of pgb_informeel, dan volgen na het tarief de pgb-tarieven:\n"
    "AFRONDEN(tarief × percentage; 2).\n"
    "\n"
    "Voorbeeld:\n"
    "  tarief uitleg productkaarten/voorbeeldregio 45A48\n";

int cmd_uitleg(int argc, char **argv)
{
    cli_args a;
    int rc = cli_start(argc, argv, "c", HELP, 2, "verwacht een regiomap en een productcode", &a);
    if (rc >= 0)
        return rc;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = cli_load(ctx, &a, a.pos[0]);
    if (!r) {
        int fout = cli_load_exit(ctx);
        tarief_ctx_free(ctx);
        return fout;
    }
    const tarief_product *p = tarief_regio_product(r, a.pos[1]);
    if (!p) {
        fprintf(stderr, "tarief uitleg: fout: product '%s' staat niet in %s\n", a.pos[1], r->producten_file);
        fprintf(stderr, "Bekende codes:");
        for (size_t i = 0; i < r->n_producten && i < 40; i++)
            fprintf(stderr, " %s", r->producten[i].code);
        fprintf(stderr, "%s\n", r->n_producten > 40 ? " ..." : "");
        tarief_ctx_free(ctx);
        return EXIT_INVOER;
    }
    tarief_afleiding afl;
    tarief_bereken_product(r, p, &afl, ctx);
    tarief_uitleg_print(stdout, ctx, r, &afl);
    int ok = fflush(stdout) == 0;
    tarief_ctx_free(ctx);
    return ok ? EXIT_OK : EXIT_IO;
}
