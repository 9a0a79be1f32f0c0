/* main.c - `tarief`: command dispatch, help, and shared CLI helpers. */
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
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
    {"uitvraag", cmd_uitvraag, "functiemix uitvragen bij aanbieders en de antwoorden verwerken"},
    {"init", cmd_init, "een nieuwe regio beginnen uit een sjabloon met uitleg"},
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
            "  tarief cao verhoog <cao-map>/<id> --naar <nieuw-id> --ingangsdatum JJJJ-MM-DD [regels]\n"
            "  tarief --help | --version\n"
            "\n"
            "Hulp per opdracht: tarief <opdracht> --help\n"
            "Voorbeeld:         tarief bereken productkaarten/voorbeeldregio --csv tarieven.csv\n"
            "\n"
            "Afsluitcodes: 0 gelukt; 1 controleer vond een afwijking of onbekende code;\n"
            "2 ongeldige invoer of aanroep; 3 lees-/schrijffout of interne fout.\n");
}

int cli_is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0 || strcmp(arg, "help") == 0;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "tarief %s: fout: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nZie 'tarief %s --help'.\n", cmd);
    va_end(ap);
    return EXIT_INVOER;
}

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

void cli_print_problems(const tarief_ctx *ctx)
{
    voortgang_stop(); /* a progress line must not run into the messages */
    const tarief_diag *d = tarief_ctx_diag(ctx);
    for (size_t i = 0; i < d->count; i++) {
        const tarief_error *e = &d->items[i];
        if (!e->file)
            fprintf(stderr, "tarief: fout: %s\n", e->message);
        else if (e->line <= 0)
            fprintf(stderr, "%s: fout: %s\n", e->file, e->message);
        else
            fprintf(stderr, "%s:%d:%d: fout: %s\n", e->file, e->line, e->column, e->message);
        if (e->source_line && e->line > 0) {
            int w = fprintf(stderr, "%5d | ", e->line) - 2;
            /* An absurdly long line is shown as a window around the column. */
            const unsigned char *p = (const unsigned char *)e->source_line;
            int first = 1, last = INT_MAX;
            if (utf8_chars(e->source_line) > 1000) {
                first = e->column > 200 ? e->column - 200 : 1;
                last = first + 400;
            }
            if (first > 1)
                fputs("…", stderr);
            int col = 0;
            for (; *p; p++) {
                if ((*p & 0xC0) != 0x80 && ++col > last)
                    break;
                if (col >= first)
                    fputc(*p, stderr);
            }
            fprintf(stderr, "%s\n", *p ? "…" : "");
            fprintf(stderr, "%*s| %s", w, "", first > 1 ? " " : "");
            /* caret under the column, counting UTF-8 characters, keeping tabs */
            col = 1;
            for (p = (const unsigned char *)e->source_line; *p && col < e->column; p++) {
                if ((*p & 0xC0) == 0x80)
                    continue;
                if (col >= first)
                    fputc(*p == '\t' ? '\t' : ' ', stderr);
                col++;
            }
            fputs("^\n", stderr);
        }
    }
    if (d->dropped)
        fprintf(stderr, "... en nog %zu fouten (niet getoond; herstel eerst de fouten hierboven)\n", d->dropped);
    size_t total = tarief_diag_total(d);
    fprintf(stderr, "%zu %s gevonden; er is niets geschreven.\n", total, total == 1 ? "fout" : "fouten");
}

int main(int argc, char **argv)
{
    /* libxlsxwriter writes numbers with printf: keep LC_NUMERIC at "C". */
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
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
    fprintf(stderr, "tarief: fout: onbekende opdracht '%s'\n\n", argv[1]);
    usage(stderr);
    return EXIT_INVOER;
}
