/* main.c - `tarief`: command dispatch and the overall help. The messages
 * every command prints are in meldingen.c. */
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "cli.h"
#include "voortgang.h"

static const struct {
    const char *name;
    cli_command_fn fn;
    const char *summary;
} COMMANDS[] = {
    {"bereken", cmd_bereken, "tarieven van een regio berekenen (tabel, CSV, werkboek)"},
    {"uitleg", cmd_uitleg, "de opbouw van één tarief stap voor stap, met bronnen"},
    {"controleer", cmd_controleer, "een gepubliceerde tarievenlijst narekenen"},
    {"valideer", cmd_valideer, "alle invoerbestanden controleren zonder te rekenen"},
    {"cao", cmd_cao, "cao-tabellen afleiden (tarief cao verhoog ...)"},
    {"vergelijk", cmd_vergelijk, "aanbieder naast regio per NvO-element, met oorzaken"},
    {"verschil", cmd_verschil, "waarom elk tarief veranderde tussen twee versies"},
    {"publiceer", cmd_publiceer, "de onderbouwing van alle tarieven als één HTML-document"},
    {"uitvraag", cmd_uitvraag, "functiemix uitvragen bij aanbieders en de antwoorden verwerken"},
    {"init", cmd_init, "een nieuwe regio beginnen uit een sjabloon met uitleg"},
    /* New commands go here, and also in man/tarief.1 (OPDRACHTEN) and in
     * contrib/bash-completion/tarief (the list "opdrachten" and the case). */
};

static void usage(FILE *out)
{
    fprintf(out,
            "gebruik: tarief <opdracht> [opties]\n"
            "\n"
            "Berekent reële tarieven voor jeugdhulp en Wmo uit productkaarten, functiemix\n"
            "en cao-salaristabellen, en laat zien hoe elk tarief is opgebouwd\n"
            "(%s; NvO afspraak 8, Besluit Jeugdwet art. 2.3).\n"
            "\n"
            "Opdrachten:\n",
            TARIEF_REKENMETHODE);
    for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
        fprintf(out, "  %-11s %s\n", COMMANDS[i].name, COMMANDS[i].summary);
    fprintf(out,
            "\n"
            "  tarief bereken    <regio-map> [--cao-map MAP] [-o BESTAND.xlsx] [--csv BESTAND.csv]\n"
            "  tarief uitleg     <regio-map> <productcode> [--cao-map MAP]\n"
            "  tarief controleer <regio-map> <gepubliceerd.csv> [--marge BEDRAG] [--cao-map MAP]\n"
            "  tarief valideer   <regio-map> [--cao-map MAP]\n"
            "  tarief vergelijk  <regio-map> <aanbieder-map> [--cao-map MAP] [-o BESTAND.xlsx] [--csv BESTAND.csv]\n"
            "  tarief verschil   <regio-oud> <regio-nieuw> [--cao-map MAP] [-o BESTAND.xlsx] [--csv BESTAND.csv]\n"
            "  tarief uitvraag sjabloon <regio-map> [-o MAP] [--cao-map MAP]\n"
            "  tarief uitvraag verwerk <regio-map> <antwoorden-map> [--methode gemiddelde|gewogen]\n"
            "                          [--minimum N] [-o BESTAND.csv] [--cao-map MAP]\n"
            "  tarief init       <map>\n"
            "  tarief publiceer  <regio-map> [--cao-map MAP] [-o BESTAND.html] [--vorig REGIO-MAP]\n"
            "  tarief cao verhoog <cao-map>/<id> --naar <nieuw-id> --ingangsdatum JJJJ-MM-DD [regels]\n"
            "  tarief --help | --version\n"
            "\n"
            "Waar de cao-tabellen staan (de eerste die bestaat):\n"
            "  1. --cao-map MAP\n"
            "  2. de omgevingsvariabele TARIEF_CAO_MAP\n"
            "  3. data/cao in de huidige map\n"
            "  4. <bin>/../share/tarief/cao, naast het geïnstalleerde programma\n"
            "  5. <PREFIX>/share/tarief/cao, de datamap die bij het bouwen is ingesteld\n"
            "Nu gevonden: %s\n"
            "De indexreeks (indexatie;vng): 'indexreeks' in uitgangspunten.csv, anders\n"
            "data/index/ova-ppc.csv hier, dan <bin>/../share/tarief/index/ova-ppc.csv,\n"
            "dan <PREFIX>/share/tarief/index/ova-ppc.csv.\n"
            "\n"
            "CSV-bestanden (--csv BESTAND) zijn UTF-8 met een BOM, zodat Excel ze bij\n"
            "dubbelklikken goed opent; --csv-zonder-bom schrijft gewone UTF-8 (scripts).\n"
            "De CSV op standaarduitvoer (--csv -) heeft nooit een BOM.\n"
            "\n"
            "Hulp per opdracht: tarief <opdracht> --help; handleiding: man tarief\n"
            "Voorbeeld:         tarief bereken productkaarten/voorbeeldregio --csv tarieven.csv\n"
            "\n"
            "Afsluitcodes: 0 gelukt; 1 controleer vond een afwijking of onbekende code;\n"
            "2 ongeldige invoer of aanroep; 3 lees-/schrijffout of interne fout.\n",
            cli_cao_map(NULL));
}


int main(int argc, char **argv)
{
    /* libxlsxwriter writes numbers with printf: keep LC_NUMERIC at "C". */
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    tarief_output_signals(); /* Ctrl-C & co.: temporary files removed, old outputs intact */
    if (argc < 2) {
        usage(stderr);
        return EXIT_INVOER;
    }
    if (cli_is_help(argv[1])) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("tarief %s (%s)\n", TARIEF_VERSION, TARIEF_REKENMETHODE);
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
        if (strcmp(argv[1], COMMANDS[i].name) == 0) {
            int rc = COMMANDS[i].fn(argc - 1, argv + 1);
            voortgang_stop(); /* a command that forgot: never leave a progress line */
            return rc;
        }
    const char *namen[sizeof COMMANDS / sizeof *COMMANDS + 2];
    size_t n = 0;
    for (; n < sizeof COMMANDS / sizeof *COMMANDS; n++)
        namen[n] = COMMANDS[n].name;
    namen[n++] = "--help";
    namen[n++] = "--version";
    cli_unknown(NULL, argv[1][0] == '-' ? "optie" : "opdracht", argv[1], namen, n);
    fputs("Alle opdrachten: tarief --help\n", stderr);
    return EXIT_INVOER;
}
