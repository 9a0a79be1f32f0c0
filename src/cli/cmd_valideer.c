/* cmd_valideer.c - `tarief valideer`: check every input, compute nothing. */
#include <stdio.h>

#include "args.h"

static const char HELP[] =
    "gebruik: tarief valideer <regio-map> [--cao-map MAP] [--streng]\n"
    "\n"
    "Controleert alle invoerbestanden van een regio (uitgangspunten.csv, functies.csv,\n"
    "producten.csv, functiemix.csv) en de cao-tabellen die ze gebruiken, zonder te\n"
    "rekenen of iets te schrijven. Geldig: geen uitvoer, afsluitcode 0. Anders elk\n"
    "probleem als 'bestand:regel:kolom: fout: ...' en afsluitcode 2.\n"
    "Een waarde buiten het gebruikelijke bereik (een dagdeel van 40 uur) geeft\n"
    "'bestand:regel:kolom: waarschuwing: ...' en afsluitcode 0; met --streng is\n"
    "elke waarschuwing een fout (afsluitcode 2). Bereiken: docs/betrouwbaarheid.md\n"
    "Uitleg van de foutmeldingen: docs/foutmeldingen.md\n";

int cmd_valideer(int argc, char **argv)
{
    cli_args a;
    int rc = cli_start(argc, argv, "c", HELP, 1, argc > 1 ? "precies één regiomap verwacht" : "regiomap ontbreekt", &a);
    if (rc >= 0)
        return rc;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = cli_load(ctx, &a, a.pos[0]);
    int rc2 = r ? EXIT_OK : cli_load_exit(ctx);
    tarief_ctx_free(ctx);
    return rc2;
}
