/* main.c - `tarief`: command dispatch, help, and shared CLI helpers. */
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

int cli_is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0 || strcmp(arg, "help") == 0;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char msg[2048];
    vsnprintf(msg, sizeof msg, fmt, ap); /* an argument may hold ESC: shown escaped */
    va_end(ap);
    fprintf(stderr, "tarief %s: fout: ", cmd);
    char esc[8];
    for (const char *p = msg; *p;) {
        size_t k = tarief_escape_teken(p, esc);
        if (k) {
            fputs(esc, stderr);
            p += k;
        } else {
            fputc(*p++, stderr);
        }
    }
    fprintf(stderr, "\nZie 'tarief %s --help'.\n", cmd);
    return EXIT_INVOER;
}

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* One character of an echoed source line: a control character escaped
 * (tarief_escape_teken). Returns the bytes consumed; *shown the characters
 * printed (for the caret). */
static size_t echo_char(const unsigned char *p, int print, int *shown)
{
    char esc[8];
    size_t k = tarief_escape_teken((const char *)p, esc);
    if (k) {
        if (print)
            fputs(esc, stderr);
        *shown = (int)strlen(esc);
        return k;
    }
    if (print)
        fputc(*p, stderr);
    *shown = 1;
    return 1;
}

static void print_one(const tarief_error *e, const char *soort)
{
    if (!e->file)
        fprintf(stderr, "tarief: %s: %s\n", soort, e->message);
    else if (e->line <= 0)
        fprintf(stderr, "%s: %s: %s\n", e->file, soort, e->message);
    else
        fprintf(stderr, "%s:%d:%d: %s: %s\n", e->file, e->line, e->column, soort, e->message);
    if (e->source_line && e->line > 0) {
        int w = fprintf(stderr, "%5d | ", e->line) - 2;
        /* An absurdly long line is shown as a window around the column. */
        const unsigned char *p = (const unsigned char *)e->source_line;
        int first = 1, last = INT_MAX, shown;
        if (utf8_chars(e->source_line) > 1000) {
            first = e->column > 200 ? e->column - 200 : 1;
            last = first + 400;
        }
        if (first > 1)
            fputs("…", stderr);
        int col = 0;
        while (*p) {
            if ((*p & 0xC0) != 0x80 && ++col > last)
                break;
            p += echo_char(p, col >= first, &shown);
        }
        fprintf(stderr, "%s\n", *p ? "…" : "");
        fprintf(stderr, "%*s| %s", w, "", first > 1 ? " " : "");
        /* caret under the column, counting UTF-8 characters, keeping tabs */
        col = 1;
        for (p = (const unsigned char *)e->source_line; *p && col < e->column;) {
            if ((*p & 0xC0) == 0x80) {
                p++;
                continue;
            }
            int tab = *p == '\t';
            p += echo_char(p, 0, &shown);
            if (col >= first)
                fprintf(stderr, "%*s", tab ? 0 : shown, tab ? "\t" : "");
            col++;
        }
        fputs("^\n", stderr);
    }
}

void cli_print_warnings(const tarief_ctx *ctx, size_t from)
{
    const tarief_diag *d = tarief_ctx_warnings(ctx);
    if (from >= tarief_diag_total(d))
        return;
    voortgang_stop();
    for (size_t i = from; i < d->count; i++) {
        /* a region loaded twice (vergelijk: once with the aanbieder over it) warns once */
        const tarief_error *e = &d->items[i];
        bool eerder = false;
        for (size_t j = 0; j < i && !eerder; j++)
            eerder = d->items[j].line == e->line && d->items[j].column == e->column &&
                     strcmp(d->items[j].file ? d->items[j].file : "", e->file ? e->file : "") == 0 &&
                     strcmp(d->items[j].message, e->message) == 0;
        if (!eerder)
            print_one(e, "waarschuwing");
    }
    if (d->dropped && from <= d->count)
        fprintf(stderr, "... en nog %zu waarschuwingen (niet getoond)\n", d->dropped);
}

void cli_print_problems(const tarief_ctx *ctx)
{
    voortgang_stop(); /* a progress line must not run into the messages */
    const tarief_diag *d = tarief_ctx_diag(ctx);
    for (size_t i = 0; i < d->count; i++)
        print_one(&d->items[i], "fout");
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
