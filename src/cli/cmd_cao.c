/*
 * cmd_cao.c - `tarief cao verhoog`: derive a new CAO table from an older one
 * by the rules of a rise (see tarief/cao.h and docs/cao.md).
 *
 * The command line is a small language: the rule options form a chain in
 * the order given, each acting on the result of the previous one, and
 * --minimum-verhoging/--maximum-verhoging bound the --procent right before
 * them. This file turns argv into tarief_cao_regels; the library does the
 * rest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "tarief/cao.h"

static const char CAO_HELP[] =
    "gebruik: tarief cao verhoog <cao-map>/<id> --naar <nieuw-id> --ingangsdatum JJJJ-MM-DD\n"
    "                            REGEL... [--afronding cent|euro] [--uren-per-maand UREN]\n"
    "                            [--naam TEKST]\n"
    "\n"
    "Leidt een nieuwe cao-salaristabel af uit een bestaande, volgens de regels van een\n"
    "cao-verhoging, en schrijft die als nieuwe map <cao-map>/<nieuw-id>/ (naast de\n"
    "bron) met cao.csv en salarisschalen.csv. Een bestaande map wordt nooit\n"
    "overschreven.\n"
    "\n"
    "Regels (minstens één; ze werken in de volgorde waarin ze op de opdrachtregel\n"
    "staan, elk op de uitkomst van de vorige):\n"
    "  --procent P                elk salaris + P %.\n"
    "                             Voorbeeld: --procent 1,25   (3.240,00 -> 3.280,50)\n"
    "  --minimum-verhoging BEDRAG de verhoging van de --procent direct ervoor is\n"
    "                             minstens BEDRAG euro per maand.\n"
    "  --maximum-verhoging BEDRAG de verhoging van de --procent direct ervoor is\n"
    "                             hoogstens BEDRAG euro per maand.\n"
    "                             Voorbeeld: --procent 5 --minimum-verhoging 150\n"
    "                             --maximum-verhoging 300   (2.500 -> 2.650: +150 i.p.v. +125;\n"
    "                             4.468 -> 4.691,40; 6.500 -> 6.800: +300 i.p.v. +325)\n"
    "  --minimum-uurloon BEDRAG   elk salaris onder BEDRAG euro per uur gaat naar BEDRAG\n"
    "                             per uur; het maandbedrag is BEDRAG x uren per maand,\n"
    "                             standaard uren_per_week x 52 / 12 uit de cao\n"
    "                             (36 uur: 156 uur per maand).\n"
    "                             Voorbeeld: --minimum-uurloon 15   (2.160 -> 2.340)\n"
    "\n"
    "Overige opties:\n"
    "  --naar ID                  id van de nieuwe tabel (mapnaam), bijvoorbeeld\n"
    "                             ggz-2023-11-01. Verplicht.\n"
    "  --ingangsdatum JJJJ-MM-DD  datum waarop de nieuwe tabel ingaat; moet na die van\n"
    "                             de bron liggen. Verplicht.\n"
    "  --afronding cent|euro      afronding van elk nieuw salaris, een keer aan het\n"
    "                             eind, half van nul af (als ROUND in een spreadsheet).\n"
    "                             Standaard: cent.\n"
    "  --uren-per-maand UREN      uren per maand voor --minimum-uurloon, als de cao geen\n"
    "                             uren_per_week heeft of als de cao een ander getal\n"
    "                             voorschrijft.\n"
    "  --naam TEKST               weergavenaam van de nieuwe tabel. Standaard de naam\n"
    "                             van de bron met de nieuwe datum.\n"
    "\n"
    "Getallen mogen in Nederlandse notatie (1,25  15,00  1.250,00) of met een punt\n"
    "(1.25  15.00); een bedrag mag met €-teken, een percentage met %. '1.250'\n"
    "zonder komma is dubbelzinnig en wordt geweigerd.\n"
    "\n"
    "Alle tussenstappen rekenen zonder afronding; pas het eindbedrag wordt\n"
    "afgerond. Publiceert de cao een tussentabel (zoals Jeugdzorg per 1-1-2024) en\n"
    "geldt de volgende verhoging op die afgeronde tabel, leid dan elke tabel apart af\n"
    "(een opdracht per ingangsdatum): zie docs/cao.md.\n"
    "\n"
    "Voorbeelden:\n"
    "  Cao GGZ per 1-11-2023: +5 %, minimaal 150 en maximaal 300 euro per maand:\n"
    "    tarief cao verhoog data/cao/ggz-fwg65-2023-05-01 --naar ggz-fwg65-2023-11-01 \\\n"
    "        --ingangsdatum 2023-11-01 --procent 5 \\\n"
    "        --minimum-verhoging 150 --maximum-verhoging 300\n"
    "  Cao Jeugdzorg 2024: +8 %, dan minimaal 15 euro per uur, dan +1,25 %:\n"
    "    tarief cao verhoog data/cao/jeugdzorg-2023 --naar jeugdzorg-2024-07-01 \\\n"
    "        --ingangsdatum 2024-07-01 --procent 8 --minimum-uurloon 15 --procent 1,25\n"
    "\n"
    "In cao.csv staat bij elke regel in de kolom bron van welke tabel en met welke\n"
    "regels de tabel is afgeleid; salarisschalen.csv toont per rij de berekening in\n"
    "de kolom bron. Controleer de uitkomst tegen de gepubliceerde cao-tabel.\n"
    "\n"
    "Afsluitcodes: 0 geschreven; 2 ongeldige invoer of de map bestaat al; 3 schrijffout.\n";

static const char CAO_ALGEMEEN_HELP[] =
    "gebruik: tarief cao verhoog <cao-map>/<id> --naar <nieuw-id> --ingangsdatum JJJJ-MM-DD REGEL...\n"
    "\n"
    "Opdrachten voor cao-salaristabellen:\n"
    "  verhoog   leid een nieuwe tabel af uit een bestaande met de regels van een\n"
    "            cao-verhoging (+P %, minimum/maximum per maand, minimumuurloon).\n"
    "\n"
    "Meer: tarief cao verhoog --help\n";

/* Which rule option came last, for attaching the bounds to a --procent. */
enum laatste { GEEN, PROCENT, GRENS, UURLOON };

/* Read a number from the command line, in Dutch or point notation
 * (tarief_parse_number_los: the library reads it; here only the messages). */
static int lees_getal(const char *cmd, const char *optie, const char *s, bool pct, bool bedrag,
                      double *out)
{
    double v = 0;
    tarief_getal_los st = tarief_parse_number_los(s, pct, &v);
    if (!bedrag && strstr(s, "\xE2\x82\xAC")) /* € only before an amount */
        st = TARIEF_GETAL_ONGELDIG;
    if (st == TARIEF_GETAL_DUBBELZINNIG) {
        /* "1.250": a thousands separator (1250) or a decimal point (1,25)?
         * Never guess (rekenmethode §1). The suggestion spells both. */
        const char *b = s + strspn(s, " +");
        if (strncmp(b, "\xE2\x82\xAC", 3) == 0)
            b += 3 + strspn(b + 3, " +");
        const char *punt = strchr(b, '.');
        int voor = (int)(punt - b);
        int na = (int)strspn(punt + 1, "0123456789");
        return cli_usage_error(cmd,
                               "%s '%s' is dubbelzinnig: schrijf %.*s%.*s of %.*s%.*s,00 voor "
                               "duizendtallen, of %.*s,%.*s voor een decimaal getal",
                               optie, s, voor, b, na, punt + 1, voor, b, na + 1, punt, voor, b, na, punt + 1);
    }
    if (st != TARIEF_GETAL_OK) {
        if (s[strspn(s, " ")] == '\0')
            return cli_usage_error(cmd, "%s verwacht een getal, niet '%s'", optie, s);
        return cli_usage_error(cmd, "%s verwacht een getal (bijvoorbeeld 1,25 of 15,00), niet '%s'",
                               optie, s);
    }
    if (v < 0)
        return cli_usage_error(cmd, "%s mag niet negatief zijn: '%s'", optie, s);
    *out = pct ? v / 100.0 : v;
    return EXIT_OK;
}

/* Problems of the rules or the target have no file line to point at. */
static void druk_problemen(const tarief_ctx *ctx, const char *cmd)
{
    const tarief_diag *d = tarief_ctx_diag(ctx);
    for (size_t i = 0; i < d->count; i++) {
        const tarief_error *e = &d->items[i];
        if (e->file && e->line > 0)
            fprintf(stderr, "%s:%d:%d: fout: %s\n", e->file, e->line, e->column, e->message);
        else if (e->file)
            fprintf(stderr, "%s: fout: %s\n", e->file, e->message);
        else
            fprintf(stderr, "tarief %s: fout: %s\n", cmd, e->message);
    }
    if (d->dropped)
        fprintf(stderr, "tarief %s: en nog %zu fouten\n", cmd, d->dropped);
}

static void druk_tabel(const tarief_cao_verhoging *v, const char *pad)
{
    char a[64], b[64], c[64];
    int ws = (int)strlen("schaal"), wt = (int)strlen("trede");
    size_t min = 0, max = 0, vloer = 0;
    for (size_t i = 0; i < v->n_rijen; i++) {
        const tarief_cao_rij *r = &v->rijen[i];
        if ((int)strlen(r->oud->schaal) > ws)
            ws = (int)strlen(r->oud->schaal);
        if ((int)strlen(r->oud->trede) > wt)
            wt = (int)strlen(r->oud->trede);
        for (size_t k = 0; k < v->n_stappen; k++) {
            int g = r->stappen[k].begrensd;
            if (v->stappen[k].soort == TARIEF_CAO_MINIMUM_UURLOON)
                vloer += g != 0;
            else
                min += g < 0, max += g > 0;
        }
    }
    printf("Nieuwe cao-tabel %s: %s, ingangsdatum %s\n", pad, v->cao.naam, v->cao.ingangsdatum);
    printf("Afgeleid van %s met: %s\n\n", v->bron->id, v->regels_tekst);
    printf("%-*s  %-*s  %12s  %12s  %10s\n", ws, "schaal", wt, "trede", "oud", "nieuw", "verschil");
    for (size_t i = 0; i < v->n_rijen; i++) {
        const tarief_cao_rij *r = &v->rijen[i];
        printf("%-*s  %-*s  %12s  %12s  %10s\n", ws, r->oud->schaal, wt, r->oud->trede,
               tarief_fmt_nl(a, sizeof a, r->oud->maandsalaris, 2),
               tarief_fmt_nl(b, sizeof b, r->maandsalaris, 2),
               tarief_fmt_nl(c, sizeof c, r->maandsalaris - r->oud->maandsalaris, 2));
    }
    printf("\n%zu rijen", v->n_rijen);
    if (min)
        printf("; %zu keer verhoogd tot de minimumverhoging", min);
    if (max)
        printf("; %zu keer begrensd op de maximumverhoging", max);
    if (vloer)
        printf("; %zu keer opgetrokken tot het minimumuurloon", vloer);
    printf(".\nDe berekening per rij staat in de kolom bron van salarisschalen.csv.\n"
           "Controleer de tabel tegen de gepubliceerde cao.\n");
}

static int verhoog(int argc, char **argv)
{
    static const char cmd[] = "cao verhoog";
    const char *bron = NULL;
    tarief_cao_doel doel = { 0 };
    tarief_cao_regels regels = { 0 };
    bool afronding_gezet = false, uren_gezet = false, uurloon = false;
    enum laatste laatste = GEEN;
    int rc;

    tarief_cao_stap *stappen = calloc((size_t)argc + 1, sizeof *stappen);
    if (stappen == NULL) {
        fprintf(stderr, "tarief: fout: onvoldoende geheugen\n");
        return EXIT_IO;
    }
    size_t n = 0;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (cli_is_help(arg)) {
            fputs(CAO_HELP, stdout);
            free(stappen);
            return EXIT_OK;
        }
        if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
            if (strcmp(arg, "--") == 0 && i + 1 < argc) {
                arg = argv[++i]; /* a source whose name starts with '-' */
            } else if (arg[0] == '-' && arg[1] != '\0') {
                rc = cli_usage_error(cmd, "onbekende optie '%s'", arg);
                goto uit;
            }
            if (bron != NULL) {
                rc = cli_usage_error(cmd, "een bron-tabel verwacht, maar ook '%s' gekregen", arg);
                goto uit;
            }
            bron = arg;
            continue;
        }

        /* --optie WAARDE or --optie=WAARDE; every option takes a value. */
        char naam[64];
        const char *waarde;
        const char *is = strchr(arg, '=');
        size_t len = is ? (size_t)(is - arg) : strlen(arg);
        if (len >= sizeof naam) {
            rc = cli_usage_error(cmd, "onbekende optie '%s'", arg);
            goto uit;
        }
        memcpy(naam, arg, len);
        naam[len] = '\0';
        static const char *const opties[] = {
            "--naar", "--ingangsdatum", "--procent", "--minimum-uurloon",
            "--minimum-verhoging", "--maximum-verhoging", "--afronding",
            "--uren-per-maand", "--naam",
        };
        bool bekend = false;
        for (size_t k = 0; k < sizeof opties / sizeof opties[0]; k++)
            bekend |= strcmp(naam, opties[k]) == 0;
        if (!bekend) {
            rc = cli_unknown(cmd, "optie", naam, opties, sizeof opties / sizeof opties[0]);
            goto uit;
        }
        if (is) {
            waarde = is + 1;
        } else if (i + 1 < argc) {
            waarde = argv[++i];
        } else {
            rc = cli_usage_error(cmd, "%s verwacht een waarde", naam);
            goto uit;
        }

        if (strcmp(naam, "--naar") == 0 || strcmp(naam, "--ingangsdatum") == 0 ||
            strcmp(naam, "--naam") == 0) {
            const char **doelveld = naam[2] == 'i' ? &doel.ingangsdatum
                                    : strcmp(naam, "--naar") == 0 ? &doel.id
                                                                  : &doel.naam;
            if (*doelveld != NULL) {
                rc = cli_usage_error(cmd, "%s staat er twee keer", naam);
                goto uit;
            }
            *doelveld = waarde;
        } else if (strcmp(naam, "--procent") == 0) {
            tarief_cao_stap *s = &stappen[n++];
            s->soort = TARIEF_CAO_PROCENT;
            if ((rc = lees_getal(cmd, naam, waarde, true, false, &s->waarde)) != EXIT_OK)
                goto uit;
            laatste = PROCENT;
        } else if (strcmp(naam, "--minimum-uurloon") == 0) {
            tarief_cao_stap *s = &stappen[n++];
            s->soort = TARIEF_CAO_MINIMUM_UURLOON;
            if ((rc = lees_getal(cmd, naam, waarde, false, true, &s->waarde)) != EXIT_OK)
                goto uit;
            if (!(s->waarde > 0)) {
                rc = cli_usage_error(cmd, "--minimum-uurloon moet groter dan 0 zijn");
                goto uit;
            }
            laatste = UURLOON;
            uurloon = true;
        } else if (strcmp(naam, "--minimum-verhoging") == 0 ||
                   strcmp(naam, "--maximum-verhoging") == 0) {
            bool is_min = naam[3] == 'i';
            if (laatste != PROCENT && laatste != GRENS) {
                rc = cli_usage_error(cmd,
                                     "%s begrenst de verhoging van een --procent en moet direct "
                                     "na die --procent staan, bijvoorbeeld: --procent 5 "
                                     "--minimum-verhoging 150 --maximum-verhoging 300",
                                     naam);
                goto uit;
            }
            tarief_cao_stap *s = &stappen[n - 1];
            if (is_min ? s->heeft_minimum : s->heeft_maximum) {
                rc = cli_usage_error(cmd, "%s staat twee keer bij dezelfde --procent", naam);
                goto uit;
            }
            double *doelwaarde = is_min ? &s->minimum : &s->maximum;
            if ((rc = lees_getal(cmd, naam, waarde, false, true, doelwaarde)) != EXIT_OK)
                goto uit;
            *(is_min ? &s->heeft_minimum : &s->heeft_maximum) = true;
            laatste = GRENS;
        } else if (strcmp(naam, "--afronding") == 0) {
            if (afronding_gezet) {
                rc = cli_usage_error(cmd, "--afronding staat er twee keer");
                goto uit;
            }
            afronding_gezet = true;
            if (strcmp(waarde, "cent") == 0)
                regels.afronding = TARIEF_AFRONDING_CENT;
            else if (strcmp(waarde, "euro") == 0)
                regels.afronding = TARIEF_AFRONDING_EURO;
            else {
                rc = cli_usage_error(cmd, "--afronding is 'cent' of 'euro', niet '%s'", waarde);
                goto uit;
            }
        } else { /* --uren-per-maand */
            if (uren_gezet) {
                rc = cli_usage_error(cmd, "--uren-per-maand staat er twee keer");
                goto uit;
            }
            uren_gezet = true;
            if ((rc = lees_getal(cmd, naam, waarde, false, false, &regels.uren_per_maand)) !=
                EXIT_OK)
                goto uit;
            if (!(regels.uren_per_maand > 0)) {
                rc = cli_usage_error(cmd, "--uren-per-maand moet groter dan 0 zijn");
                goto uit;
            }
        }
    }

    if (bron == NULL) {
        rc = cli_usage_error(cmd, "geef de bron-tabel, bijvoorbeeld data/cao/ggz-fwg65-2023-05-01");
        goto uit;
    }
    if (doel.id == NULL) {
        rc = cli_usage_error(cmd, "--naar <nieuw-id> ontbreekt");
        goto uit;
    }
    if (doel.ingangsdatum == NULL) {
        rc = cli_usage_error(cmd, "--ingangsdatum JJJJ-MM-DD ontbreekt");
        goto uit;
    }
    if (n == 0) {
        rc = cli_usage_error(cmd, "geen regel opgegeven: gebruik --procent en/of --minimum-uurloon");
        goto uit;
    }
    if (uren_gezet && !uurloon) {
        rc = cli_usage_error(cmd, "--uren-per-maand heeft alleen zin met --minimum-uurloon");
        goto uit;
    }
    regels.stappen = stappen;
    regels.n_stappen = n;

    /* <cao-map>/<id>: the new table goes next to the source. */
    size_t lb = strlen(bron);
    char *map = malloc(lb + 2);
    if (map == NULL) {
        rc = EXIT_IO;
        goto uit;
    }
    memcpy(map, bron, lb + 1);
    while (lb > 1 && map[lb - 1] == '/')
        map[--lb] = '\0';
    char *schuin = strrchr(map, '/');
    const char *id, *cao_map;
    if (schuin == NULL) {
        id = map;
        cao_map = ".";
    } else {
        *schuin = '\0';
        id = schuin + 1;
        cao_map = schuin == map ? "/" : map;
    }
    if (*id == '\0' || strcmp(id, ".") == 0 || strcmp(id, "..") == 0) {
        rc = cli_usage_error(cmd, "'%s' is geen cao-map; geef <cao-map>/<id>", bron);
        free(map);
        goto uit;
    }

    struct stat st;
    if (stat(bron, &st) != 0 || !S_ISDIR(st.st_mode)) {
        rc = cli_usage_error(cmd, "bron-tabel '%s' is geen map; verwacht <cao-map>/<id> met "
                                  "cao.csv en salarisschalen.csv",
                             bron);
        free(map);
        goto uit;
    }

    tarief_ctx *ctx = tarief_ctx_new();
    if (ctx == NULL) {
        free(map);
        rc = EXIT_IO;
        goto uit;
    }
    const tarief_cao *oud = tarief_load_cao(ctx, bron, id);
    const tarief_cao_verhoging *v = oud ? tarief_cao_verhoog(ctx, oud, &regels, &doel) : NULL;
    if (oud == NULL) {
        cli_print_problems(ctx); /* file:line:column with the line and a caret */
        rc = EXIT_INVOER;
    } else if (v == NULL) {
        druk_problemen(ctx, cmd);
        rc = EXIT_INVOER;
    } else {
        switch (tarief_cao_schrijf(ctx, v, cao_map)) {
        case TARIEF_CAO_OK: {
            char pad[4200];
            snprintf(pad, sizeof pad, "%s/%s", cao_map, v->cao.id);
            druk_tabel(v, pad);
            rc = EXIT_OK;
            break;
        }
        case TARIEF_CAO_BESTAAT:
            druk_problemen(ctx, cmd);
            rc = EXIT_INVOER;
            break;
        default:
            druk_problemen(ctx, cmd);
            rc = EXIT_IO;
            break;
        }
    }
    tarief_ctx_free(ctx);
    free(map);
uit:
    free(stappen);
    return rc;
}

int cmd_cao(int argc, char **argv)
{
    if (argc < 2)
        return cli_usage_error("cao", "welke opdracht? bijvoorbeeld: tarief cao verhoog ... "
                                      "(zie tarief cao --help)");
    if (cli_is_help(argv[1])) {
        fputs(CAO_ALGEMEEN_HELP, stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "verhoog") == 0)
        return verhoog(argc - 1, argv + 1);
    static const char *const subs[] = {"verhoog", "--help"};
    return cli_unknown("cao", "opdracht", argv[1], subs, 2);
}
