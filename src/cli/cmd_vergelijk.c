/* cmd_vergelijk.c - `tarief vergelijk`: a region and an aanbieder's
 * reaction side by side, per NvO element, with the causes ("pas toe of leg uit"). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "voortgang.h"
#include "tarief/vergelijk.h"

static const char HELP[] =
    "gebruik: tarief vergelijk <regio-map> <aanbieder-map> [-o BESTAND.xlsx] [--csv BESTAND.csv]\n"
    "                          [--oorzaken BESTAND.csv] [--cao-map MAP]\n"
    "\n"
    "Rekent elk product van de regio twee keer uit met rekenmethode v1: met de\n"
    "uitgangspunten van de regio en met die van de aanbieder, en toont per NvO-element\n"
    "regio / aanbieder / verschil (euro en procent) met de invoer die het verschil\n"
    "veroorzaakt, zoals 'overhead 25 % i.p.v. 20 % (aanbieder/uitgangspunten.csv:7)'.\n"
    "\n"
    "De aanbieder-map heeft dezelfde bestandsindeling als een regio, maar bevat alleen\n"
    "wat afwijkt; elk bestand is optioneel:\n"
    "  uitgangspunten.csv  elke parameter vervangt die van de regio (productiviteit of\n"
    "                      de niet-productieve onderdelen: de vorm van de aanbieder\n"
    "                      telt); 'aanbieder' geeft de naam, 'cao' de standaard-cao van\n"
    "                      de eigen functies\n"
    "  functies.csv        een regel vervangt de functie met dezelfde naam, of voegt\n"
    "                      een functie toe\n"
    "  functiemix.csv      de regels van een product vervangen zijn hele functiemix\n"
    "  producten.csv       een regel past het product met dezelfde code aan: elke\n"
    "                      niet-lege cel telt\n"
    "Alles wat ontbreekt komt van de regio. Zie docs/vergelijk-en-verschil.md.\n"
    "\n"
    "Opties:\n"
    "  -o BESTAND.xlsx    werkboek met een levend blad 'Vergelijking': beide berekeningen\n"
    "                     als formules over de invoercellen\n"
    "  --csv BESTAND.csv  per product per element een regel (';', decimale komma);\n"
    "                     '-' schrijft de CSV naar standaarduitvoer in plaats van de tabel\n"
    "  --csv-zonder-bom   het CSV-bestand zonder BOM (gewone UTF-8, voor scripts)\n"
    "  --oorzaken BESTAND.csv\n"
    "                     per product per element de bijdrage van elke oorzaak in euro\n"
    "                     (code;element;oorzaak;bijdrage); de bijdragen van een element\n"
    "                     tellen precies op tot zijn verschil. '-' schrijft ze naar\n"
    "                     standaarduitvoer in plaats van de tabel\n"
    "  --cao-map MAP      map met cao-tabellen\n"
    "\n"
    "De tabel begint met één regel per product: het tarief van regio en aanbieder en de\n"
    "oorzaken met hun bijdrage aan het tarief, de grootste eerst. Daaronder per afwijkend\n"
    "product de elementen, elk met de bijdrage van elke oorzaak. Een bijdrage komt uit\n"
    "vervangen in een vaste volgorde: de invoer van de regio wordt oorzaak voor oorzaak\n"
    "door die van de aanbieder vervangen (in de volgorde van de groepen van 'verschil')\n"
    "en na elke oorzaak opnieuw gerekend; zie docs/vergelijk-en-verschil.md.\n"
    "\n"
    "Voorbeeld:\n"
    "  tarief vergelijk productkaarten/voorbeeldregio aanbieder-x --csv reactie.csv\n";

/* The percentage of row k as the library computed it (tarief_vergelijk_product). */
static const char *pct_tekst(char *buf, size_t size, const tarief_vergelijk_product *vp, int k, double a, double b)
{
    if (!vp->pct_bekend[k])
        return k == TARIEF_E_AFRONDINGSVERSCHIL || a != 0 || b == 0 ? "" : "n.v.t.";
    char t[64];
    double p = vp->verschil_pct[k];
    tarief_fmt_nl(t, sizeof t, p, 2);
    snprintf(buf, size, "%s%s %%", p > 0 && strcmp(t, "0,00") != 0 ? "+" : "", t);
    return buf;
}

static const char *bedrag(char *buf, size_t size, double x, bool teken)
{
    char t[64];
    tarief_fmt_nl(t, sizeof t, x, 2);
    snprintf(buf, size, "%s%s", teken && x > 0 && strcmp(t, "0,00") != 0 ? "+" : "", t);
    return buf;
}

/* millionths of a euro as "+1,234567", trimmed to at least two decimals */
static const char *micro_tekst(char *buf, size_t size, long long m)
{
    char t[64];
    tarief_fmt_nl_trim(t, sizeof t, (double)m / 1e6, 2, 6);
    snprintf(buf, size, "%s%s", m > 0 ? "+" : "", t);
    return buf;
}

static const char *cent_tekst(char *buf, size_t size, long long c)
{
    char t[64];
    tarief_fmt_nl(t, sizeof t, (double)c / 100, 2);
    snprintf(buf, size, "%s%s", c > 0 ? "+" : "", t);
    return buf;
}

/* Under row k (element, or TARIEF_E_COUNT: the tariff) the contribution of
 * every cause that moves it, in the fixed order of the causes. */
static void bijdragen(const tarief_vergelijk_product *vp, int k)
{
    char b[64];
    for (size_t i = 0; i < vp->n_bijdragen; i++) {
        const tarief_bijdrage *t = &vp->bijdragen[i];
        long long w = k < TARIEF_E_COUNT ? t->micro[k] : t->cent;
        if (w == 0)
            continue;
        printf("  %-32s %12s %12s %10s  ← %s\n", "", "", "",
               k < TARIEF_E_COUNT ? micro_tekst(b, sizeof b, w) : cent_tekst(b, sizeof b, w), t->oorzaak.volledig);
    }
}

/* One line per product: both tariffs, then the causes by their
 * contribution to the tariff, largest first. */
static void samenvatting(const tarief_vergelijking *v)
{
    printf("\nSamenvatting (tarief regio → aanbieder; oorzaken met hun bijdrage aan het tarief, grootste eerst):\n");
    size_t wc = 4;
    for (size_t i = 0; i < v->n_producten; i++)
        if (strlen(v->producten[i].regio->product->code) > wc)
            wc = strlen(v->producten[i].regio->product->code);
    for (size_t i = 0; i < v->n_producten; i++) {
        const tarief_vergelijk_product *vp = &v->producten[i];
        char ba[64], bb[64], bv[64];
        printf("  %-*s %10s → %-10s", (int)wc, vp->regio->product->code, bedrag(ba, sizeof ba, vp->regio->tarief, false),
               bedrag(bb, sizeof bb, vp->aanbieder->tarief, false));
        if (!vp->afwijkend) {
            printf("  gelijk\n");
            continue;
        }
        printf(" %9s", cent_tekst(bv, sizeof bv, vp->verschil_cent));
        /* largest |contribution| first; equal ones in the fixed order */
        bool gedaan[64] = {false};
        size_t n = vp->n_bijdragen < 64 ? vp->n_bijdragen : 64, getoond = 0;
        for (;;) {
            size_t best = n;
            for (size_t k = 0; k < n; k++)
                if (!gedaan[k] && vp->bijdragen[k].cent != 0 &&
                    (best == n || llabs(vp->bijdragen[k].cent) > llabs(vp->bijdragen[best].cent)))
                    best = k;
            if (best == n)
                break;
            gedaan[best] = true;
            printf("%s%s %s", getoond++ ? "; " : "  ", vp->bijdragen[best].oorzaak.tekst,
                   cent_tekst(bv, sizeof bv, vp->bijdragen[best].cent));
        }
        if (getoond == 0)
            printf("  (elementen verschillen, het tarief niet)");
        putchar('\n');
    }
}

/* Row k of product vp: an opbouw element, or TARIEF_E_COUNT for the tariff. */
static void regel(const char *label, const tarief_vergelijk_product *vp, int k, double a, double b,
                  const char *oorzaak)
{
    char ba[64], bb[64], bv[64], bp[64];
    printf("  %-32s %12s %12s %10s %9s", label, bedrag(ba, sizeof ba, a, false), bedrag(bb, sizeof bb, b, false),
           bedrag(bv, sizeof bv, vp->verschil[k], true), pct_tekst(bp, sizeof bp, vp, k, a, b));
    if (oorzaak && oorzaak[0])
        printf("  %s", oorzaak);
    putchar('\n');
}

static void tabel(const tarief_vergelijking *v, const char *aanbieder_map)
{
    const tarief_regio *r = v->regio;
    printf("Vergelijking tariefjaar %d\n", r->tariefjaar);
    printf("  regio:     %s (%s)\n", r->naam, r->dir);
    /* without an `aanbieder` line the overlay keeps the region's name */
    if (v->aanbieder->naam && strcmp(v->aanbieder->naam, r->naam) != 0)
        printf("  aanbieder: %s (%s)\n", v->aanbieder->naam, aanbieder_map);
    else
        printf("  aanbieder: %s\n", aanbieder_map);
    samenvatting(v);
    size_t gelijk = 0;
    for (size_t i = 0; i < v->n_producten; i++) {
        const tarief_vergelijk_product *vp = &v->producten[i];
        if (!vp->afwijkend) {
            gelijk++;
            continue;
        }
        const tarief_product *p = vp->aanbieder->product;
        printf("\n%s  %s (%s)\n", p->code, p->naam, tarief_eenheid_naam(p->eenheid));
        printf("  %-32s %12s %12s %10s %9s  %s\n", "element", "regio", "aanbieder", "verschil", "%", "oorzaak");
        for (int e = 0; e < TARIEF_E_COUNT; e++) {
            const tarief_element_info *in = tarief_element_info_get((tarief_element)e);
            char label[64];
            if (in->nvo)
                snprintf(label, sizeof label, "%d %s", in->nvo, in->label);
            else
                snprintf(label, sizeof label, "  %s", in->label);
            regel(label, vp, e, vp->regio->element[e], vp->aanbieder->element[e], vp->verklaring[e]);
            bijdragen(vp, e);
        }
        regel("Tarief", vp, TARIEF_E_COUNT, vp->regio->tarief, vp->aanbieder->tarief, NULL);
        bijdragen(vp, TARIEF_E_COUNT);
    }
    if (gelijk) {
        printf("\nGelijk aan de regio (%zu):", gelijk);
        for (size_t i = 0; i < v->n_producten; i++)
            if (!v->producten[i].afwijkend)
                printf(" %s", v->producten[i].regio->product->code);
        putchar('\n');
    }
    printf("\n%zu van de %zu producten wijken af van de regio.\n", v->n_afwijkend, v->n_producten);
}

static int csv_vergelijk(FILE *f, const void *v)
{
    return tarief_vergelijk_csv_write(f, v);
}

static int werkboek_vergelijk(tarief_ctx *ctx, const void *v, const char *path,
                              const tarief_workbook_options *wo)
{
    return tarief_vergelijk_workbook_write(ctx, v, path, wo);
}

int cmd_vergelijk(int argc, char **argv)
{
    cli_args a;
    int rc = cli_start(argc, argv, "covr", HELP, 2, "verwacht een regiomap en een aanbiedermap", &a);
    if (rc >= 0)
        return rc;
    bool oorzaken_stdout = a.oorzaken && strcmp(a.oorzaken, "-") == 0;
    if (oorzaken_stdout && a.csv && strcmp(a.csv, "-") == 0)
        return cli_usage_error("vergelijk", "--csv - en --oorzaken - kunnen niet allebei naar standaarduitvoer");

    voortgang_begin(); /* progress on a terminal once this takes over a second */
    tarief_ctx *ctx = tarief_ctx_new();
    tarief_load_options o = {0};
    o.cao_map = a.cao_map;
    o.checksums = true;
    o.streng = a.streng != 0;
    const tarief_regio *regio = tarief_load_regio(ctx, a.pos[0], &o);
    const tarief_regio *aanb = NULL;
    if (regio) {
        o.overlay = a.pos[1];
        aanb = tarief_load_regio(ctx, a.pos[0], &o);
    }
    if (!regio || !aanb) {
        cli_print_warnings(ctx, 0);
        cli_print_problems(ctx);
        int fout = cli_load_exit(ctx);
        tarief_ctx_free(ctx);
        return fout;
    }
    cli_print_warnings(ctx, 0);
    const tarief_regio *const beide[] = {regio, aanb};
    rc = cli_check_outputs("vergelijk", beide, 2, a.csv, a.werkboek);
    if (rc == EXIT_OK && a.oorzaken && !oorzaken_stdout)
        rc = cli_check_outputs("vergelijk", beide, 2, a.oorzaken, a.werkboek);
    if (rc == EXIT_OK && a.oorzaken && !oorzaken_stdout && a.csv && strcmp(a.oorzaken, a.csv) == 0)
        rc = cli_usage_error("vergelijk", "--csv en --oorzaken noemen hetzelfde bestand (%s)", a.csv);
    if (rc != EXIT_OK) {
        voortgang_stop();
        tarief_ctx_free(ctx);
        return rc;
    }
    voortgang_fase("vergelijken");
    const tarief_vergelijking *v = tarief_vergelijk(ctx, regio, aanb);

    bool csv_stdout = a.csv && strcmp(a.csv, "-") == 0;
    /* the causes' file lands with the others or not at all: it joins the
     * group that cli_write_outputs commits */
    tarief_output oo = {0};
    tarief_output_group_begin();
    if (a.oorzaken && !oorzaken_stdout) {
        FILE *f = tarief_output_open(&oo, a.oorzaken);
        int fout = !f;
        /* UTF-8 with a BOM, like every CSV file of tarief (not to stdout) */
        if (!fout && ((cli_csv_bom() && fputs("\xEF\xBB\xBF", f) == EOF) ||
                      tarief_vergelijk_oorzaken_csv_write(f, v) != 0)) {
            int e = errno;
            tarief_output_abort(&oo);
            errno = e;
            fout = 1;
        }
        if (fout || tarief_output_commit(&oo) != 0) {
            int e = errno;
            voortgang_stop();
            fprintf(stderr, "tarief vergelijk: fout: kan %s niet schrijven: %s\n", a.oorzaken, tarief_strerror(e));
            tarief_output_group_abort();
            tarief_ctx_free(ctx);
            return EXIT_IO;
        }
    }
    rc = cli_write_outputs(ctx, "vergelijk", a.csv, a.werkboek, csv_vergelijk, werkboek_vergelijk, v);
    if (rc != EXIT_OK) {
        tarief_ctx_free(ctx);
        return rc;
    }
    voortgang_stop();
    if (csv_stdout) {
        tarief_vergelijk_csv_write(stdout, v);
    } else if (oorzaken_stdout) {
        tarief_vergelijk_oorzaken_csv_write(stdout, v);
    } else {
        tabel(v, a.pos[1]);
        cli_print_written(a.werkboek, a.csv);
        if (a.oorzaken)
            printf("%sOorzaken geschreven: %s\n", a.werkboek || a.csv ? "" : "\n", a.oorzaken);
    }
    int ok = fflush(stdout) == 0;
    tarief_ctx_free(ctx);
    return ok ? EXIT_OK : EXIT_IO;
}
