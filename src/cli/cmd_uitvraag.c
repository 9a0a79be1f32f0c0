/*
 * cmd_uitvraag.c - `tarief uitvraag sjabloon` and `tarief uitvraag verwerk`:
 * the digitale uitvraag of the functiemix (docs/uitvraag.md). The work is in
 * the library (tarief/uitvraag.h); this file reads the command line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "args.h"

static const char SJABLOON_HELP[] =
    "gebruik: tarief uitvraag sjabloon <regio-map> [-o MAP] [--cao-map MAP] [--streng]\n"
    "\n"
    "Schrijft wat de regio naar de aanbieders stuurt om per product de functiemix uit te\n"
    "vragen, in een nieuwe map:\n"
    "  uitvraag.csv   het antwoordbestand om in te vullen: per product een regel per functie\n"
    "                 van de huidige functiemix, met de kolommen product;functie;percentage;\n"
    "                 gewicht;toelichting en bovenaan in commentaarregels (#) de uitleg en de\n"
    "                 functies van de regio;\n"
    "  uitvraag.xlsx  hetzelfde als formulier: de functie uit een keuzelijst, percentage 0-100,\n"
    "                 gewicht 0 of meer, per product de som ter controle.\n"
    "Het gewicht is het volume van de aanbieder voor dat product (cliënten of uren); het telt\n"
    "bij tarief uitvraag verwerk --methode gewogen.\n"
    "\n"
    "Opties:\n"
    "  -o MAP          de map voor de twee bestanden; standaard uitvraag-<naam van de\n"
    "                  regiomap> in de huidige map. De map mag niet bestaan of moet leeg zijn:\n"
    "                  een map met inhoud wordt nooit overschreven.\n"
    "  --cao-map MAP   map met cao-tabellen (om de regio te laden)\n"
    "  --streng        een waarschuwing bij het laden van de regio (waarde buiten het\n"
    "                  gebruikelijke bereik, docs/betrouwbaarheid.md) is een fout: afsluitcode 2\n"
    "\n"
    "Voorbeeld:\n"
    "  tarief uitvraag sjabloon productkaarten/voorbeeldregio -o uitvraag-2026\n"
    "\n"
    "Afsluitcodes: 0 geschreven; 2 ongeldige invoer of de map is niet leeg; 3 schrijffout.\n"
    "Meer: docs/uitvraag.md\n";

static const char VERWERK_HELP[] =
    "gebruik: tarief uitvraag verwerk <regio-map> <antwoorden-map> [--methode gemiddelde|gewogen]\n"
    "                                 [--minimum N] [-o BESTAND.csv] [--cao-map MAP] [--streng]\n"
    "\n"
    "Leest de antwoorden van de aanbieders (elk .csv-bestand in <antwoorden-map>, een per\n"
    "aanbieder, met de kolommen product;functie;percentage en eventueel gewicht) en schrijft\n"
    "een nieuwe functiemix.csv die tarief valideer aanvaardt. Per product:\n"
    "  - het gemiddelde over de aanbieders die het product invulden; een functie die een\n"
    "    aanbieder niet noemt telt voor die aanbieder als 0 %;\n"
    "  - --methode gemiddelde (standaard): elk antwoord telt even zwaar; --methode gewogen:\n"
    "    elk antwoord weegt met zijn gewicht (cliënten of uren van de aanbieder);\n"
    "  - percentages met twee decimalen, samen precies 100,00: elke functie naar beneden\n"
    "    op honderdsten, de resterende honderdsten een voor een naar de grootste resten\n"
    "    (bij gelijke rest: de functie die eerst staat in functies.csv);\n"
    "  - de kolom bron noemt de methode en het aantal antwoorden.\n"
    "Een product met minder dan --minimum antwoorden houdt de huidige functiemix van de regio\n"
    "(met een waarschuwing); zo zijn de cijfers van een enkele aanbieder niet terug te lezen.\n"
    "Op stdout een verslag per product: aantal antwoorden, de nieuwe mix, het gemiddelde,\n"
    "minimum en maximum per functie, en de antwoorden die meer dan 15 procentpunt van het\n"
    "gemiddelde afliggen.\n"
    "\n"
    "Een kapot antwoord (percentages niet samen 100, onbekend product of onbekende functie,\n"
    "ongeldig getal, bij gewogen een ontbrekend of wisselend gewicht) wordt gemeld als\n"
    "'bestand:regel:kolom: fout: ...', alle tegelijk; dan wordt er niets geschreven.\n"
    "\n"
    "Opties:\n"
    "  --methode M     gemiddelde (standaard) of gewogen\n"
    "  --minimum N     minimaal aantal antwoorden per product (standaard 3)\n"
    "  -o BESTAND.csv  de nieuwe functiemix; standaard functiemix-uitvraag.csv in de huidige\n"
    "                  map. Nooit een invoerbestand van de regio of een antwoord.\n"
    "  --cao-map MAP   map met cao-tabellen (om de regio te laden)\n"
    "  --streng        een waarschuwing bij het laden van de regio (waarde buiten het\n"
    "                  gebruikelijke bereik, docs/betrouwbaarheid.md) is een fout: afsluitcode 2\n"
    "\n"
    "Voorbeeld:\n"
    "  tarief uitvraag verwerk mijnregio antwoorden --methode gewogen -o mijnregio-nieuw/functiemix.csv\n"
    "\n"
    "Afsluitcodes: 0 geschreven; 2 ongeldige invoer of aanroep; 3 lees- of schrijffout.\n"
    "Meer, met een voorbeeld dat met de hand is nagerekend: docs/uitvraag.md\n";

static const char ALGEMEEN_HELP[] =
    "gebruik: tarief uitvraag sjabloon <regio-map> [-o MAP] [--cao-map MAP] [--streng]\n"
    "         tarief uitvraag verwerk <regio-map> <antwoorden-map> [--methode gemiddelde|gewogen]\n"
    "                                 [--minimum N] [-o BESTAND.csv] [--cao-map MAP] [--streng]\n"
    "\n"
    "De digitale uitvraag van de functiemix bij de aanbieders (regiovisie §8.4 c):\n"
    "  sjabloon   schrijf het antwoordbestand en het formulier voor de aanbieders\n"
    "  verwerk    maak uit de antwoorden een nieuwe functiemix.csv, met een verslag\n"
    "\n"
    "Meer: tarief uitvraag sjabloon --help, tarief uitvraag verwerk --help, docs/uitvraag.md\n";

typedef struct opties {
    const char *pos[3];
    int n_pos;
    const char *cao_map, *uit, *methode, *minimum;
    int streng, help;
} opties;

/* The options of both subcommands (cli_parse, the parser of every command;
 * allowed: 'c' --cao-map, 'o' -o, 'e' --methode, 'n' --minimum), named cmd in
 * messages. 0, or the exit code after printing why. */
static int parse(const char *cmd, int argc, char **argv, const char *allowed, opties *o)
{
    memset(o, 0, sizeof *o);
    cli_args a;
    char *eigen = argv[0];
    argv[0] = (char *)cmd; /* "uitvraag sjabloon", not "sjabloon" */
    int rc = cli_parse(argc, argv, allowed, &a);
    argv[0] = eigen;
    if (rc)
        return rc;
    if (a.n_pos > 3)
        return cli_usage_error(cmd, "te veel argumenten ('%s')", a.pos[3]);
    for (int i = 0; i < a.n_pos; i++)
        o->pos[i] = a.pos[i];
    o->n_pos = a.n_pos;
    o->cao_map = a.cao_map;
    o->uit = a.werkboek;
    o->methode = a.methode;
    o->minimum = a.minimum;
    o->streng = a.streng;
    o->help = a.help;
    return 0;
}

static const tarief_regio *laad(tarief_ctx *ctx, const opties *o)
{
    /* cli_load, as every command: warnings printed, --streng makes them errors */
    cli_args a;
    memset(&a, 0, sizeof a);
    a.cao_map = o->cao_map;
    a.streng = o->streng;
    return cli_load(ctx, &a, o->pos[0]);
}

/* The last path component of dir, without trailing slashes. */
static int sjabloon(int argc, char **argv)
{
    static const char cmd[] = "uitvraag sjabloon";
    opties o;
    int rc = parse(cmd, argc, argv, "co", &o);
    if (rc)
        return rc;
    if (o.help) {
        fputs(SJABLOON_HELP, stdout);
        return EXIT_OK;
    }
    if (o.n_pos != 1)
        return cli_usage_error(cmd, o.n_pos ? "precies één regiomap verwacht" : "regiomap ontbreekt");
    char naam[512], standaard[600];
    if (!o.uit) {
        snprintf(standaard, sizeof standaard, "uitvraag-%s", cli_regio_naam(o.pos[0], naam, sizeof naam));
        o.uit = standaard;
    }
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = laad(ctx, &o);
    if (!r) {
        rc = cli_load_exit(ctx);
        tarief_ctx_free(ctx);
        return rc;
    }
    if (tarief_uitvraag_sjabloon(ctx, r, o.uit) != 0) {
        cli_print_problems(ctx);
        rc = cli_load_exit(ctx);
        tarief_ctx_free(ctx);
        return rc;
    }
    size_t rijen = 0;
    for (size_t i = 0; i < r->n_producten; i++)
        rijen += r->producten[i].n_mix;
    printf("Uitvraag voor %s: %zu producten, %zu functies, %zu regels om in te vullen\n", r->naam,
           r->n_producten, r->n_functies, rijen);
    printf("Geschreven: %s/uitvraag.csv en %s/uitvraag.xlsx\n", o.uit, o.uit);
    printf("Stuur een van beide naar elke aanbieder; zet de antwoorden (CSV, een per aanbieder) in een\n"
           "map en verwerk ze met: tarief uitvraag verwerk %s <antwoorden-map>\n",
           o.pos[0]);
    tarief_ctx_free(ctx);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_IO;
}

static bool zelfde_bestand(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, b) == 0)
        return true;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int schrijf_csv(FILE *f, const void *data)
{
    return tarief_uitvraag_write_csv(f, data);
}

static int verwerk(int argc, char **argv)
{
    static const char cmd[] = "uitvraag verwerk";
    opties o;
    int rc = parse(cmd, argc, argv, "coen", &o);
    if (rc)
        return rc;
    if (o.help) {
        fputs(VERWERK_HELP, stdout);
        return EXIT_OK;
    }
    if (o.n_pos != 2)
        return cli_usage_error(cmd, "verwacht een regiomap en een map met antwoorden");
    tarief_uitvraag_options uo = {0};
    if (o.methode) {
        if (strcmp(o.methode, "gemiddelde") == 0)
            uo.methode = TARIEF_UITVRAAG_GEMIDDELDE;
        else if (strcmp(o.methode, "gewogen") == 0)
            uo.methode = TARIEF_UITVRAAG_GEWOGEN;
        else
            return cli_usage_error(cmd, "onbekende methode '%s': kies gemiddelde of gewogen", o.methode);
    }
    if (o.minimum) {
        char *end;
        errno = 0;
        long n = strtol(o.minimum, &end, 10);
        if (*end || end == o.minimum || errno || n < 1 || n > 100000)
            return cli_usage_error(cmd, "--minimum verwacht een heel getal van 1 of meer, niet '%s'", o.minimum);
        uo.minimum = (int)n;
    }
    const char *uit = o.uit ? o.uit : "functiemix-uitvraag.csv";
    if (strcmp(uit, "-") == 0)
        return cli_usage_error(cmd, "-o - kan niet: het verslag staat al op stdout; geef een bestandsnaam");
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = laad(ctx, &o);
    if (!r) {
        rc = cli_load_exit(ctx);
        tarief_ctx_free(ctx);
        return rc;
    }
    size_t n_files = 0;
    const char **files = tarief_uitvraag_bestanden(ctx, o.pos[1], &n_files);
    if (!files) {
        cli_print_problems(ctx);
        rc = cli_load_exit(ctx);
        tarief_ctx_free(ctx);
        return rc;
    }
    const tarief_regio *const regios[] = {r};
    if (cli_check_outputs(cmd, regios, 1, uit, NULL) != EXIT_OK) {
        tarief_ctx_free(ctx);
        return EXIT_INVOER;
    }
    for (size_t i = 0; i < n_files; i++)
        if (zelfde_bestand(uit, files[i])) {
            cli_usage_error(cmd, "%s is een antwoord (%s): de uitvoer zou het overschrijven", uit, files[i]);
            tarief_ctx_free(ctx); /* files[i] belongs to ctx */
            return EXIT_INVOER;
        }
    const tarief_uitvraag *u = tarief_uitvraag_verwerk(ctx, r, files, n_files, &uo);
    if (!u) {
        cli_print_problems(ctx);
        rc = cli_load_exit(ctx);
        tarief_ctx_free(ctx);
        return rc;
    }
    rc = cli_write_outputs(ctx, cmd, uit, NULL, schrijf_csv, NULL, u);
    if (rc != EXIT_OK) {
        tarief_ctx_free(ctx);
        return rc;
    }
    for (size_t i = 0; i < u->n_producten; i++) {
        const tarief_uitvraag_product *up = &u->producten[i];
        if (up->behouden)
            fprintf(stderr,
                    "tarief uitvraag: waarschuwing: product %s heeft %zu antwoord%s, minder dan het minimum %d: "
                    "de huidige functiemix van de regio blijft\n",
                    up->product->code, up->n_antwoorden, up->n_antwoorden == 1 ? "" : "en", u->minimum);
    }
    tarief_uitvraag_rapport(stdout, u);
    printf("\nFunctiemix geschreven: %s\n", uit);
    tarief_ctx_free(ctx);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_IO;
}

int cmd_uitvraag(int argc, char **argv)
{
    if (argc < 2 || cli_is_help(argv[1])) {
        fputs(ALGEMEEN_HELP, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_INVOER : EXIT_OK;
    }
    if (strcmp(argv[1], "sjabloon") == 0)
        return sjabloon(argc - 1, argv + 1);
    if (strcmp(argv[1], "verwerk") == 0)
        return verwerk(argc - 1, argv + 1);
    fprintf(stderr, "tarief uitvraag: fout: onbekende opdracht '%s': kies sjabloon of verwerk\n\n", argv[1]);
    fputs(ALGEMEEN_HELP, stderr);
    return EXIT_INVOER;
}
