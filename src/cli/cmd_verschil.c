/* cmd_verschil.c - `tarief verschil`: why every tariff changed between two
 * versions of a region, split into contributions that add up exactly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "voortgang.h"
#include "tarief/vergelijk.h"

static const char HELP[] =
    "gebruik: tarief verschil <regio-oud> <regio-nieuw> [-o BESTAND.xlsx] [--csv BESTAND.csv]\n"
    "                         [--cao-map MAP]\n"
    "\n"
    "Toont per product dat in beide versies staat het oude en nieuwe tarief, het\n"
    "verschil in euro en procent, en de opbouw van dat verschil: de oude invoer wordt\n"
    "groep voor groep door de nieuwe vervangen, in deze vaste volgorde, en na elke\n"
    "groep wordt opnieuw gerekend:\n"
    "   1 cao-salaristabellen         6 productiviteit\n"
    "   2 cao-parameters              7 opslagen (reis, gemeentelijk, overhead, risico)\n"
    "   3 functies (inschaling)       8 huisvesting en verzorging\n"
    "   4 functiemix                  9 indexatie\n"
    "   5 uren, eenheden, groepen    10 afronding\n"
    "Bijdrage = tarief na de groep - tarief ervoor, in hele centen: samen precies het\n"
    "verschil. De volgorde doet ertoe (zie docs/vergelijk-en-verschil.md).\n"
    "Toegevoegde en vervallen producten worden apart genoemd.\n"
    "\n"
    "Opties:\n"
    "  -o BESTAND.xlsx    werkboek met het blad 'Verschil': elke bijdrage een formule\n"
    "                     over de tussenberekeningen op het blad 'Berekening'\n"
    "  --csv BESTAND.csv  één regel per product (';', decimale komma); '-' schrijft de\n"
    "                     CSV naar standaarduitvoer in plaats van de tabel\n"
    "  --csv-zonder-bom   het CSV-bestand zonder BOM (gewone UTF-8, voor scripts)\n"
    "  --cao-map MAP      map met cao-tabellen (voor beide versies)\n"
    "\n"
    "Voorbeeld:\n"
    "  tarief verschil productkaarten/regio-2025 productkaarten/regio-2026 --csv verschil.csv\n";

/* s cut to at most w characters (not bytes) and padded to w. */
static const char *kolom(char *buf, size_t size, const char *s, int w)
{
    size_t k = 0;
    int n = 0;
    for (const char *p = s; *p && k + 4 < size; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80 && n++ == w)
            break;
        buf[k++] = *p;
    }
    for (; n < w && k + 1 < size; n++)
        buf[k++] = ' ';
    buf[k] = '\0';
    return buf;
}

static const char *cent_tekst(char *buf, size_t size, long long c, bool teken)
{
    char t[64];
    tarief_fmt_nl(t, sizeof t, (double)c / 100.0, 2);
    snprintf(buf, size, "%s%s", teken && c > 0 ? "+" : "", t);
    return buf;
}

/* The percentage as the library computed it (tarief_verschil_product). */
static const char *pct_tekst(char *buf, size_t size, const tarief_verschil_product *vp)
{
    if (!vp->pct_bekend)
        return vp->verschil_cent ? "n.v.t." : "";
    char t[64];
    double p = vp->verschil_pct;
    tarief_fmt_nl(t, sizeof t, p, 2);
    snprintf(buf, size, "%s%s %%", p > 0 && strcmp(t, "0,00") != 0 ? "+" : "", t);
    return buf;
}

static void lijst(const char *kop, const tarief_afleiding *a, size_t n)
{
    if (n == 0)
        return;
    printf("\n%s (%zu):\n", kop, n);
    char b[64], nb[256];
    for (size_t i = 0; i < n; i++)
        printf("  %-10s %s %-8s %12s\n", a[i].product->code, kolom(nb, sizeof nb, a[i].product->naam, 50),
               tarief_eenheid_naam(a[i].product->eenheid), tarief_fmt_nl(b, sizeof b, a[i].tarief, 2));
}

static void tabel(const tarief_verschillen *d)
{
    char b1[64], b2[64], b3[64], b4[64];
    printf("Verschil van de tarieven\n");
    printf("  oud:   %s, tariefjaar %d (%s)\n", d->oud->naam, d->oud->tariefjaar, d->oud->dir);
    printf("  nieuw: %s, tariefjaar %d (%s)\n\n", d->nieuw->naam, d->nieuw->tariefjaar, d->nieuw->dir);
    printf("%-10s %-40s %-8s %12s %12s %10s %9s\n", "code", "naam", "eenheid", "oud", "nieuw", "verschil", "%");
    for (size_t i = 0; i < d->n_producten; i++) {
        const tarief_verschil_product *vp = &d->producten[i];
        const tarief_product *p = vp->nieuw->product;
        char nb[256];
        printf("%-10s %s %-8s %12s %12s %10s %9s\n", p->code, kolom(nb, sizeof nb, p->naam, 40),
               tarief_eenheid_naam(p->eenheid),
               cent_tekst(b1, sizeof b1, vp->oud_cent, false), cent_tekst(b2, sizeof b2, vp->nieuw_cent, false),
               cent_tekst(b3, sizeof b3, vp->verschil_cent, true),
               pct_tekst(b4, sizeof b4, vp));
    }

    printf("\nOpbouw van elk verschil: de oude invoer groep voor groep vervangen door de nieuwe,\n"
           "in deze volgorde:");
    for (int g = 0; g < TARIEF_G_COUNT; g++)
        printf("%s %d %s", g ? "," : "", g + 1, tarief_groep_info_get((tarief_groep)g)->label);
    printf(".\n");
    for (size_t i = 0; i < d->n_producten; i++) {
        const tarief_verschil_product *vp = &d->producten[i];
        const tarief_product *p = vp->nieuw->product;
        if (vp->verschil_cent == 0 && vp->n_oorzaken == 0)
            continue;
        printf("\n%s  %s (%s): %s -> %s, %s (%s)\n", p->code, p->naam, tarief_eenheid_naam(p->eenheid),
               cent_tekst(b1, sizeof b1, vp->oud_cent, false), cent_tekst(b2, sizeof b2, vp->nieuw_cent, false),
               cent_tekst(b3, sizeof b3, vp->verschil_cent, true),
               pct_tekst(b4, sizeof b4, vp));
        if (vp->eenheid_gewijzigd)
            printf("  let op: eenheid gewijzigd van %s in %s\n", tarief_eenheid_naam(vp->oud->product->eenheid),
                   tarief_eenheid_naam(p->eenheid));
        for (int g = 0; g < TARIEF_G_COUNT; g++) {
            bool heeft = false;
            for (size_t k = 0; k < vp->n_oorzaken; k++)
                if (vp->oorzaken[k].groep == (tarief_groep)g)
                    heeft = true;
            if (!heeft && vp->bijdrage_cent[g] == 0)
                continue;
            printf("  %2d %-32s %10s", g + 1, tarief_groep_info_get((tarief_groep)g)->label,
                   cent_tekst(b1, sizeof b1, vp->bijdrage_cent[g], true));
            const char *sep = "  ";
            for (size_t k = 0; k < vp->n_oorzaken; k++)
                if (vp->oorzaken[k].groep == (tarief_groep)g) {
                    printf("%s%s", sep, vp->oorzaken[k].volledig);
                    sep = "; ";
                }
            putchar('\n');
        }
        printf("     %-32s %10s\n", "totaal", cent_tekst(b1, sizeof b1, vp->verschil_cent, true));
    }
    lijst("Toegevoegd, alleen in de nieuwe versie", d->toegevoegd, d->n_toegevoegd);
    lijst("Vervallen, alleen in de oude versie", d->vervallen, d->n_vervallen);
}

static int csv_verschil(FILE *f, const void *d)
{
    return tarief_verschil_csv_write(f, d);
}

static int werkboek_verschil(tarief_ctx *ctx, const void *d, const char *path,
                             const tarief_workbook_options *wo)
{
    return tarief_verschil_workbook_write(ctx, d, path, wo);
}

int cmd_verschil(int argc, char **argv)
{
    cli_args a;
    int rc = cli_start(argc, argv, "cov", HELP, 2, "verwacht twee regiomappen: de oude en de nieuwe versie", &a);
    if (rc >= 0)
        return rc;

    voortgang_begin(); /* progress on a terminal once this takes over a second */
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *oud, *nieuw;
    rc = cli_load_twee(ctx, &a, a.pos[0], a.pos[1], &oud, &nieuw);
    if (rc != EXIT_OK) {
        tarief_ctx_free(ctx);
        return rc;
    }
    const tarief_regio *const beide[] = {oud, nieuw};
    rc = cli_check_outputs("verschil", beide, 2, a.csv, a.werkboek);
    if (rc != EXIT_OK) {
        voortgang_stop();
        tarief_ctx_free(ctx);
        return rc;
    }
    voortgang_fase("verschil berekenen");
    /* only the contributions are kept (memory bounded per product); the
     * workbook rebuilds each product's intermediate calculations itself */
    tarief_verschil_options vo = {.tussenstappen = false};
    const tarief_verschillen *d = tarief_verschil_bereken_opt(ctx, oud, nieuw, &vo);
    for (size_t i = 0; i < d->n_producten; i++) {
        if (d->producten[i].onverklaard_cent == 0)
            continue;
        voortgang_stop(); /* the warning must not run into a progress line */
        fprintf(stderr,
                "tarief verschil: waarschuwing: product %s: %lld cent van het verschil hoort bij geen enkele "
                "groep en zit in de laatste bijdrage (interne fout, meld dit)\n",
                d->producten[i].nieuw->product->code, d->producten[i].onverklaard_cent);
    }

    bool csv_stdout = a.csv && strcmp(a.csv, "-") == 0;
    rc = cli_write_outputs(ctx, "verschil", a.csv, a.werkboek, csv_verschil, werkboek_verschil, d);
    if (rc != EXIT_OK) {
        tarief_ctx_free(ctx);
        return rc;
    }
    voortgang_stop();
    if (csv_stdout) {
        tarief_verschil_csv_write(stdout, d);
    } else {
        tabel(d);
        cli_print_written(a.werkboek, a.csv);
    }
    int ok = fflush(stdout) == 0;
    tarief_ctx_free(ctx);
    return ok ? EXIT_OK : EXIT_IO;
}
