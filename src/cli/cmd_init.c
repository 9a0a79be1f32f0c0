/* cmd_init.c - `tarief init`: a new region from a template (tarief/uitvraag.h). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char HELP[] =
    "gebruik: tarief init <map>\n"
    "\n"
    "Maakt een nieuwe regio in <map> met de vier invoerbestanden: uitgangspunten.csv,\n"
    "functies.csv, producten.csv en functiemix.csv. Bovenin elk bestand staat in\n"
    "commentaarregels (#) wat elke kolom en elke parameter betekent, met de gangbare\n"
    "waarden uit de openbare bronnen (docs/rekenmethode.md). Er staat één uitgewerkt\n"
    "voorbeeldproduct in (45A49, ambulante begeleiding per uur, op de meegeleverde cao-tabel\n"
    "ghz-2022-05-01) dat tarief valideer en tarief bereken meteen aanvaarden; vervang het\n"
    "door uw eigen productkaarten.\n"
    "\n"
    "<map> mag niet bestaan of moet leeg zijn: een map met inhoud wordt nooit aangeraakt.\n"
    "\n"
    "Voorbeeld:\n"
    "  tarief init mijnregio && tarief bereken mijnregio --geen-werkboek\n"
    "\n"
    "Afsluitcodes: 0 geschreven; 2 verkeerde aanroep of de map is niet leeg; 3 schrijffout.\n";

int cmd_init(int argc, char **argv)
{
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            fputs(HELP, stdout);
            return EXIT_OK;
        }
        if (argv[i][0] == '-' && argv[i][1])
            return cli_usage_error("init", "onbekende optie '%s'", argv[i]);
        if (dir)
            return cli_usage_error("init", "precies één map verwacht");
        dir = argv[i];
    }
    if (!dir)
        return cli_usage_error("init", "map ontbreekt");
    tarief_ctx *ctx = tarief_ctx_new();
    if (tarief_init_regio(ctx, dir) != 0) {
        cli_print_problems(ctx);
        int rc = tarief_diag_has_io(tarief_ctx_diag(ctx)) ? EXIT_IO : EXIT_INVOER;
        tarief_ctx_free(ctx);
        return rc;
    }
    tarief_ctx_free(ctx);
    printf("Nieuwe regio geschreven: %s/ (uitgangspunten.csv, functies.csv, producten.csv, functiemix.csv)\n"
           "Pas de bestanden aan (de uitleg staat erin als commentaar) en controleer met:\n"
           "  tarief valideer %s\n",
           dir, dir);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_IO;
}
