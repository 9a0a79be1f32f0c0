/* cmd_bereken.c - `tarief bereken`: table on stdout, CSV and workbook. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "voortgang.h"

static const char HELP[] =
    "gebruik: tarief bereken <regio-map> [--cao-map MAP] [-o BESTAND.xlsx] [--csv BESTAND.csv]\n"
    "\n"
    "Berekent het tarief van elk product in <regio-map> volgens rekenmethode v1 en\n"
    "toont een tabel (code, naam, eenheid, tarief).\n"
    "\n"
    "Opties:\n"
    "  --cao-map MAP      map met cao-tabellen (zonder: TARIEF_CAO_MAP, data/cao hier,\n"
    "                     dan de geïnstalleerde; de volgorde staat in tarief --help)\n"
    "  -o BESTAND.xlsx    het werkboek: een levend rekenmodel met de volledige afleiding\n"
    "                     (standaard: tarieven-<regio-map>-<tariefjaar>.xlsx hier)\n"
    "  --csv BESTAND.csv  ook de opbouw per product als CSV (';' en decimale komma);\n"
    "                     '-' schrijft de CSV naar standaarduitvoer in plaats van de tabel\n"
    "  --csv-zonder-bom   het CSV-bestand zonder BOM (gewone UTF-8, voor scripts); met\n"
    "                     BOM (standaard) opent Excel het goed bij dubbelklikken\n"
    "  --csv-indexatie    zet achter de kolommen van de CSV ook de indexatie: het\n"
    "                     toegepaste percentage, vorm (percentage of vng), prijspeil\n"
    "                     en per jaar het indexcijfer met onderdelen en bronregels\n"
    "                     (docs/indexatie.md)\n"
    "  --geen-werkboek    alleen rekenen: geen werkboek schrijven\n"
    "  --streng           een waarschuwing (waarde buiten het gebruikelijke bereik,\n"
    "                     docs/betrouwbaarheid.md) is een fout: afsluitcode 2\n"
    "\n"
    "Zet de regio of een product pgb_professioneel en/of pgb_informeel (een percentage\n"
    "van het tarief), dan tonen tabel, CSV (kolommen pgb_professioneel;pgb_informeel\n"
    "achteraan) en werkboek ook die pgb-tarieven: AFRONDEN(tarief × percentage; 2),\n"
    "op de cent, half van nul af. Zet functiemix.csv in de kolom ort een ort voor een\n"
    "functie, dan geldt die voor die functie in dat product (de CSV krijgt dan de\n"
    "kolom ort_per_functie). Zie docs/rekenmethode.md.\n"
    "\n"

    "Bestanden worden pas op hun plaats gezet als alles gelukt is, werkboek en CSV\n"
    "samen; bij een fout in de invoer wordt niets geschreven (afsluitcode 2), bij\n"
    "Ctrl-C of een schrijffout blijven de oude bestanden staan.\n"
    "\n"
    "Voorbeeld:\n"
    "  tarief bereken productkaarten/voorbeeldregio --csv tarieven.csv\n"
    "Eén tarief uitgelegd: tarief uitleg <regio-map> <productcode>\n";

/* Characters (not bytes) in a UTF-8 string. */
static size_t utf8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

/* Print s cut to at most width characters and padded to width. */
static void print_cell(const char *s, size_t width)
{
    size_t n = 0;
    for (; *s; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80) {
            if (n == width)
                break;
            n++;
        }
        /* a quoted name may hold a line end or tab: keep the table intact */
        putchar((unsigned char)*s < ' ' ? ' ' : *s);
    }
    for (; n < width; n++)
        putchar(' ');
}

/* What the output writers need. */
struct uitvoer {
    const tarief_regio *r;
    const tarief_afleiding *afl;
    const tarief_csv_options *csv_opties;
};

static int schrijf_csv(FILE *f, const void *data)
{
    const struct uitvoer *u = data;
    voortgang_fase("CSV schrijven");
    return tarief_csv_write_opties(f, u->afl, u->r->n_producten, u->csv_opties);
}

static int schrijf_werkboek(tarief_ctx *ctx, const void *data, const char *path,
                            const tarief_workbook_options *wo)
{
    const struct uitvoer *u = data;
    return tarief_workbook_write(ctx, u->r, u->afl, path, wo);
}

int cmd_bereken(int argc, char **argv)
{
    cli_args a;
    int rc = cli_start(argc, argv, "covgx", HELP, 1, argc > 1 ? "precies één regiomap verwacht" : "regiomap ontbreekt", &a);
    if (rc >= 0)
        return rc;
    if (a.werkboek && a.geen_werkboek)
        return cli_usage_error("bereken", "-o en --geen-werkboek sluiten elkaar uit");
    if (a.csv_indexatie && !a.csv)
        return cli_usage_error("bereken", "--csv-indexatie hoort bij --csv BESTAND");
    tarief_csv_options csv_opties = {.indexatie = a.csv_indexatie != 0};

    voortgang_begin(); /* progress on a terminal once this takes over a second */
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = cli_load(ctx, &a, a.pos[0]);
    if (!r) {
        int fout = cli_load_exit(ctx);
        tarief_ctx_free(ctx);
        return fout;
    }
    voortgang_fase("rekenen");
    const tarief_afleiding *afl = tarief_bereken(ctx, r, NULL);

    char werkboek[4096] = "";
    if (!a.geen_werkboek) {
        char base[1024];
        if (a.werkboek)
            snprintf(werkboek, sizeof werkboek, "%s", a.werkboek);
        else
            snprintf(werkboek, sizeof werkboek, "tarieven-%s-%d.xlsx", cli_regio_naam(a.pos[0], base, sizeof base),
                     r->tariefjaar);
    }

    rc = cli_check_outputs("bereken", &r, 1, a.csv, werkboek[0] ? werkboek : NULL);
    if (rc != EXIT_OK) {
        voortgang_stop();
        tarief_ctx_free(ctx);
        return rc;
    }
    bool csv_stdout = a.csv && strcmp(a.csv, "-") == 0;
    struct uitvoer u = {r, afl, &csv_opties};
    rc = cli_write_outputs(ctx, "bereken", a.csv, werkboek[0] ? werkboek : NULL, schrijf_csv, schrijf_werkboek, &u);
    if (rc != EXIT_OK) {
        tarief_ctx_free(ctx);
        return rc;
    }

    voortgang_stop();
    if (csv_stdout) {
        tarief_csv_write_opties(stdout, afl, r->n_producten, &csv_opties);
    } else {
        size_t wcode = 4, wnaam = 4;
        for (size_t i = 0; i < r->n_producten; i++) {
            size_t lc = utf8_len(r->producten[i].code), ln = utf8_len(r->producten[i].naam);
            if (lc > wcode)
                wcode = lc;
            if (ln > wnaam)
                wnaam = ln;
        }
        if (wnaam > 60)
            wnaam = 60;
        printf("%s, tariefjaar %d (%zu producten)\n\n", r->naam, r->tariefjaar, r->n_producten);
        print_cell("code", wcode);
        fputs("  ", stdout);
        print_cell("naam", wnaam);
        /* the pgb tariffs, only when a product has them */
        bool pgb[2] = {false, false};
        static const tarief_param_id pgb_id[2] = {TARIEF_P_PGB_PROFESSIONEEL, TARIEF_P_PGB_INFORMEEL};
        for (size_t i = 0; i < r->n_producten; i++)
            for (int k = 0; k < 2; k++)
                pgb[k] = pgb[k] || tarief_afleiding_pgb(&afl[i], pgb_id[k]);
        printf("  %-8s  %12s", "eenheid", "tarief");
        if (pgb[0])
            printf("  %17s", "pgb professioneel");
        if (pgb[1])
            printf("  %13s", "pgb informeel");
        putchar('\n');
        char b[64];
        for (size_t i = 0; i < r->n_producten; i++) {
            const tarief_product *p = &r->producten[i];
            print_cell(p->code, wcode);
            fputs("  ", stdout);
            print_cell(p->naam, wnaam);
            printf("  %-8s  %12s", tarief_eenheid_naam(p->eenheid), tarief_fmt_nl(b, sizeof b, afl[i].tarief, 2));
            const double pw[2] = {afl[i].pgb_professioneel_tarief, afl[i].pgb_informeel_tarief};
            for (int k = 0; k < 2; k++)
                if (pgb[k])
                    printf("  %*s", k ? 13 : 17,
                           tarief_afleiding_pgb(&afl[i], pgb_id[k]) ? tarief_fmt_nl(b, sizeof b, pw[k], 2) : "-");
            putchar('\n');
        }
        cli_print_written(werkboek, a.csv);
    }
    if (fflush(stdout) != 0) {
        tarief_ctx_free(ctx);
        return EXIT_IO;
    }
    tarief_ctx_free(ctx);
    return EXIT_OK;
}
