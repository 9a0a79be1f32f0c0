/*
 * test_uitvraag.c - `tarief uitvraag verwerk` / `sjabloon` and `tarief
 * init` (tarief/uitvraag.h). Every expected value is worked out by hand
 * below; the same computation is in docs/uitvraag.md.
 *
 * Fixtures (tests/data):
 *   uitvraag-regio        functies A, B, C (functies.csv order); products
 *                         P1..P4; current mix P1 A 50 / B 50, P2 A 90 / B 10,
 *                         P3 B 60 / C 40, P4 A 100
 *   uitvraag-antwoorden   three aanbieders (percent; gewicht):
 *                  a.csv            b.csv             c.csv (',' and '.')
 *     P1   A 50, B 30, C 20; 100   A 20, B 80; 300    A 33.33, B 33.33, C 33.34; 600
 *     P2   A 100; 10               A 60, B 40; 30     -
 *     P3   (empty percentages)     -                  B 100; 5
 *     P4   A 100; 2                B 100; 2           C 100; 2
 *   uitvraag-fout         one broken answer per rule (w.csv, x.csv, y.csv, z.csv)
 *
 * In hundredths of a percent (h), gemiddelde, P1 (3 answers):
 *   A: 5000 + 2000 + 3333 = 10333;  / 3 = 3444 rest 1
 *   B: 3000 + 8000 + 3333 = 14333;  / 3 = 4777 rest 2
 *   C: 2000 +    0 + 3334 =  5334;  / 3 = 1778 rest 0
 *   floors 3444 + 4777 + 1778 = 9999: one hundredth left, to the largest
 *   rest (B, 2): A 34,44  B 47,78  C 17,78  (= 100,00)
 * gewogen, P1 (gewicht 100, 300, 600; sum 1000):
 *   A: 100 x 5000 + 300 x 2000 + 600 x 3333 = 3.099.800;  / 1000 = 3099 rest 800
 *   B: 100 x 3000 + 300 x 8000 + 600 x 3333 = 4.699.800;  / 1000 = 4699 rest 800
 *   C: 100 x 2000 + 300 x    0 + 600 x 3334 = 2.200.400;  / 1000 = 2200 rest 400
 *   floors 9998: two left, to A and B (rest 800 each): A 31,00  B 47,00  C 22,00
 * P4 (both methods; equal gewicht): each functie 10000 / 3 = 3333 rest 1;
 *   floors 9999, one left, three equal rests: the first functie of
 *   functies.csv (A) gets it: A 33,34  B 33,33  C 33,33.
 * P2: 2 answers, P3: 1 answer (a.csv's P3 rows are empty: not an answer):
 *   fewer than 3, the region's mix stays. With minimum 2, P2:
 *   gemiddelde A (10000 + 6000) / 2 = 8000, B 4000 / 2 = 2000;
 *   gewogen    A (10 x 10000 + 30 x 6000) / 40 = 7000, B 30 x 4000 / 40 = 3000.
 * Far from the mean (> 15 points), gemiddelde P1 (means A 34,4433,
 *   B 47,7767, C 17,78): a A 50 (15,56), a B 30 (17,78), b B 80 (32,22),
 *   b C 0 (17,78), c C 33,34 (15,56): five; b A 20 (14,44) and
 *   c B 33,33 (14,45) are not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tarief.h"
#include "unit/testhulp.h"

#define REGIO "tests/data/uitvraag-regio"
#define ANTWOORDEN "tests/data/uitvraag-antwoorden"
#define FOUT "tests/data/uitvraag-fout"

static const tarief_regio *laad_regio(tarief_ctx *ctx, const char *dir)
{
    return laad(ctx, dir, "data/cao", NULL);
}

static const tarief_uitvraag *verwerk(tarief_ctx *ctx, const char *dir, tarief_uitvraag_methode m, int minimum)
{
    const tarief_regio *r = laad_regio(ctx, REGIO);
    size_t n = 0;
    const char **files = tarief_uitvraag_bestanden(ctx, dir, &n);
    assert_non_null(files);
    tarief_uitvraag_options o = {.methode = m, .minimum = minimum};
    const tarief_uitvraag *u = tarief_uitvraag_verwerk(ctx, r, files, n, &o);
    if (!u)
        print_diag(ctx);
    return u;
}

static const tarief_uitvraag_product *product(const tarief_uitvraag *u, const char *code)
{
    for (size_t i = 0; i < u->n_producten; i++)
        if (strcmp(u->producten[i].product->code, code) == 0)
            return &u->producten[i];
    fail_msg("product %s ontbreekt", code);
    return NULL;
}

/* The result of functie naam in hundredths; -1 if it has no row. */
static long long h(const tarief_uitvraag_product *p, const char *naam)
{
    for (size_t i = 0; i < p->n_regels; i++)
        if (strcmp(p->regels[i].functie->naam, naam) == 0)
            return p->regels[i].honderdsten;
    return -1;
}

static const tarief_uitvraag_regel *regel(const tarief_uitvraag_product *p, const char *naam)
{
    for (size_t i = 0; i < p->n_regels; i++)
        if (strcmp(p->regels[i].functie->naam, naam) == 0)
            return &p->regels[i];
    fail_msg("functie %s ontbreekt", naam);
    return NULL;
}

static void bestanden_gesorteerd(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    size_t n = 0;
    const char **f = tarief_uitvraag_bestanden(ctx, ANTWOORDEN, &n);
    assert_int_equal(n, 3);
    assert_string_equal(f[0], ANTWOORDEN "/a.csv");
    assert_string_equal(f[1], ANTWOORDEN "/b.csv");
    assert_string_equal(f[2], ANTWOORDEN "/c.csv");
    /* a map without .csv files is a problem, not zero answers */
    char tmpl[] = "/tmp/test_uitvraag.XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    char p[512];
    snprintf(p, sizeof p, "%s/leesmij.txt", tmpl);
    FILE *x = fopen(p, "w");
    fputs("geen antwoord\n", x);
    fclose(x);
    size_t before = tarief_diag_total(tarief_ctx_diag(ctx));
    assert_null(tarief_uitvraag_bestanden(ctx, tmpl, &n));
    assert_int_equal(n, 0);
    assert_int_equal(tarief_diag_total(tarief_ctx_diag(ctx)), before + 1);
    assert_false(tarief_diag_has_io(tarief_ctx_diag(ctx)));
    unlink(p);
    rmdir(tmpl);
    tarief_ctx_free(ctx);
}

static void gemiddelde(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_uitvraag *u = verwerk(ctx, ANTWOORDEN, TARIEF_UITVRAAG_GEMIDDELDE, 0);
    assert_non_null(u);
    assert_int_equal(u->minimum, 3);
    assert_int_equal(u->n_producten, 4);

    const tarief_uitvraag_product *p1 = product(u, "P1");
    assert_false(p1->behouden);
    assert_int_equal(p1->n_antwoorden, 3);
    assert_int_equal(h(p1, "A"), 3444);
    assert_int_equal(h(p1, "B"), 4778);
    assert_int_equal(h(p1, "C"), 1778);
    assert_binnen(regel(p1, "A")->gemiddelde, 103.33 / 3, 1e-9);
    assert_binnen(regel(p1, "B")->gemiddelde, 143.33 / 3, 1e-9);
    assert_binnen(regel(p1, "C")->gemiddelde, 17.78, 1e-9);
    assert_binnen(regel(p1, "A")->min, 20, 1e-9);
    assert_binnen(regel(p1, "A")->max, 50, 1e-9);
    assert_binnen(regel(p1, "C")->min, 0, 1e-9); /* b.csv does not name C */
    assert_binnen(regel(p1, "C")->max, 33.34, 1e-9);
    assert_int_equal(regel(p1, "C")->n_genoemd, 2);
    /* the functies in functies.csv order */
    assert_int_equal(p1->n_regels, 3);
    assert_string_equal(p1->regels[0].functie->naam, "A");
    assert_string_equal(p1->regels[2].functie->naam, "C");
    /* far from the mean: five (see the top of this file) */
    assert_int_equal(p1->n_afwijkingen, 5);
    assert_string_equal(p1->afwijkingen[0].file, ANTWOORDEN "/a.csv");
    assert_int_equal(p1->afwijkingen[0].line, 3);
    assert_string_equal(p1->afwijkingen[0].functie->naam, "A");
    assert_string_equal(p1->afwijkingen[4].file, ANTWOORDEN "/c.csv");
    assert_string_equal(p1->afwijkingen[4].functie->naam, "C");

    const tarief_uitvraag_product *p2 = product(u, "P2"), *p3 = product(u, "P3");
    assert_true(p2->behouden);
    assert_int_equal(p2->n_antwoorden, 2);
    assert_int_equal(p2->n_regels, 0); /* no figures of the two aanbieders */
    assert_true(p3->behouden);
    assert_int_equal(p3->n_antwoorden, 1); /* a.csv's empty P3 rows are no answer */

    const tarief_uitvraag_product *p4 = product(u, "P4");
    assert_false(p4->behouden);
    assert_int_equal(h(p4, "A"), 3334); /* equal rests: the first in functies.csv */
    assert_int_equal(h(p4, "B"), 3333);
    assert_int_equal(h(p4, "C"), 3333);
    tarief_ctx_free(ctx);
}

static void gewogen(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_uitvraag *u = verwerk(ctx, ANTWOORDEN, TARIEF_UITVRAAG_GEWOGEN, 0);
    assert_non_null(u);
    const tarief_uitvraag_product *p1 = product(u, "P1");
    assert_int_equal(p1->n_antwoorden, 3);
    assert_binnen(p1->totaal_gewicht, 1000, 1e-9);
    assert_int_equal(h(p1, "A"), 3100);
    assert_int_equal(h(p1, "B"), 4700);
    assert_int_equal(h(p1, "C"), 2200);
    assert_binnen(regel(p1, "A")->gemiddelde, 30.998, 1e-9);
    assert_binnen(regel(p1, "C")->gemiddelde, 22.004, 1e-9);
    assert_true(product(u, "P2")->behouden);
    assert_true(product(u, "P3")->behouden);
    const tarief_uitvraag_product *p4 = product(u, "P4");
    assert_int_equal(h(p4, "A"), 3334);
    assert_int_equal(h(p4, "B"), 3333);
    tarief_ctx_free(ctx);
}

static void minimum_twee(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_uitvraag *u = verwerk(ctx, ANTWOORDEN, TARIEF_UITVRAAG_GEMIDDELDE, 2);
    assert_non_null(u);
    const tarief_uitvraag_product *p2 = product(u, "P2");
    assert_false(p2->behouden);
    assert_int_equal(h(p2, "A"), 8000);
    assert_int_equal(h(p2, "B"), 2000);
    assert_true(product(u, "P3")->behouden); /* 1 < 2 */
    u = verwerk(ctx, ANTWOORDEN, TARIEF_UITVRAAG_GEWOGEN, 2);
    assert_non_null(u);
    p2 = product(u, "P2");
    assert_int_equal(h(p2, "A"), 7000);
    assert_int_equal(h(p2, "B"), 3000);
    tarief_ctx_free(ctx);
}

/* Is there a problem at file:line:column whose message contains tekst? */
static bool probleem(const tarief_ctx *ctx, const char *file, int line, int col, const char *tekst)
{
    const tarief_diag *d = tarief_ctx_diag(ctx);
    for (size_t i = 0; i < d->count; i++) {
        const tarief_error *e = &d->items[i];
        if (e->file && strcmp(e->file, file) == 0 && e->line == line && e->column == col &&
            strstr(e->message, tekst))
            return true;
    }
    print_diag(ctx);
    print_error("verwacht: %s:%d:%d: ... %s\n", file, line, col, tekst);
    return false;
}

static void fouten(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    assert_null(verwerk(ctx, FOUT, TARIEF_UITVRAAG_GEWOGEN, 0));
    const tarief_diag *d = tarief_ctx_diag(ctx);
    assert_int_equal(tarief_diag_total(d), 10);
    assert_true(probleem(ctx, FOUT "/w.csv", 2, 6, "'70.50' voor percentage: in een bestand met ';' is de komma het "
                                                   "decimaalteken (schrijf 70,50)"));
    assert_false(tarief_diag_has_io(d));
    assert_true(probleem(ctx, FOUT "/x.csv", 3, 6, "van product 'P1' tellen op tot 90 in plaats van 100"));
    assert_true(probleem(ctx, FOUT "/x.csv", 4, 1, "onbekend product 'P9'"));
    assert_true(probleem(ctx, FOUT "/x.csv", 5, 4, "onbekende functie 'Z'"));
    assert_true(probleem(ctx, FOUT "/x.csv", 6, 6, "ongeldig getal '5O' voor percentage"));
    assert_true(probleem(ctx, FOUT "/x.csv", 7, 9, "gewicht '2' van product 'P4' verschilt van '1' op regel 6"));
    assert_true(probleem(ctx, FOUT "/x.csv", 8, 6, "'33,333' heeft meer dan twee decimalen"));
    assert_true(probleem(ctx, FOUT "/x.csv", 9, 6, "'66,667' heeft meer dan twee decimalen"));
    assert_true(probleem(ctx, FOUT "/y.csv", 1, 28, "onbekende kolom 'opmerking'"));
    assert_true(probleem(ctx, FOUT "/z.csv", 2, 1, "kolom gewicht ontbreekt"));
    tarief_ctx_free(ctx);

    /* gemiddelde needs no gewicht: the wisselend and missing gewicht are no problem */
    ctx = tarief_ctx_new();
    assert_null(verwerk(ctx, FOUT, TARIEF_UITVRAAG_GEMIDDELDE, 0));
    assert_int_equal(tarief_diag_total(tarief_ctx_diag(ctx)), 8);
    tarief_ctx_free(ctx);
}

/* One answer file in a temporary map, verwerkt with minimum 1. */
static const tarief_uitvraag *een_antwoord(tarief_ctx *ctx, const char *tekst, char *dir, size_t size)
{
    snprintf(dir, size, "/tmp/test_uitvraag.XXXXXX");
    assert_non_null(mkdtemp(dir));
    char p[600];
    snprintf(p, sizeof p, "%s/a.csv", dir);
    FILE *f = fopen(p, "w");
    fputs(tekst, f);
    fclose(f);
    const tarief_uitvraag *u = verwerk(ctx, dir, TARIEF_UITVRAAG_GEMIDDELDE, 1);
    unlink(p);
    rmdir(dir);
    return u;
}

/* A typo in a column name gets a suggestion (and no "ontbreekt" as well);
 * an empty header cell, as spreadsheets export, is harmless. */
static void kopregel(void **state)
{
    (void)state;
    char dir[64];
    tarief_ctx *ctx = tarief_ctx_new();
    assert_null(een_antwoord(ctx, "product;functie;percentge\nP1;A;100\n", dir, sizeof dir));
    assert_int_equal(tarief_diag_total(tarief_ctx_diag(ctx)), 1);
    char p[600];
    snprintf(p, sizeof p, "%s/a.csv", dir);
    assert_true(probleem(ctx, p, 1, 17, "onbekende kolom 'percentge'; bedoelt u 'percentage'?"));
    tarief_ctx_free(ctx);
    ctx = tarief_ctx_new();
    const tarief_uitvraag *u = een_antwoord(ctx, "product;functie;percentage;\nP1;A;100;\n", dir, sizeof dir);
    assert_non_null(u);
    assert_int_equal(h(product(u, "P1"), "A"), 10000);
    tarief_ctx_free(ctx);
}

static char *lees(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void kopieer(const char *van, const char *naar)
{
    FILE *f = fopen(naar, "w");
    assert_non_null(f);
    fputs(lees(van), f);
    fclose(f);
}

/* The written functiemix.csv is a valid functiemix of the region. */
static void csv_is_functiemix(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_uitvraag *u = verwerk(ctx, ANTWOORDEN, TARIEF_UITVRAAG_GEMIDDELDE, 0);
    assert_non_null(u);
    char dir[] = "/tmp/test_uitvraag.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[512];
    const char *namen[] = {"uitgangspunten.csv", "functies.csv", "producten.csv"};
    for (int i = 0; i < 3; i++) {
        char van[256];
        snprintf(van, sizeof van, REGIO "/%s", namen[i]);
        snprintf(p, sizeof p, "%s/%s", dir, namen[i]);
        kopieer(van, p);
    }
    snprintf(p, sizeof p, "%s/functiemix.csv", dir);
    FILE *f = fopen(p, "w");
    assert_int_equal(tarief_uitvraag_write_csv(f, u), 0);
    fclose(f);
    const char *txt = lees(p);
    assert_non_null(strstr(txt, "\nP1;A;34,44;uitvraag: gemiddelde van 3 antwoorden\n"));
    assert_non_null(strstr(txt, "\nP1;B;47,78;"));
    assert_non_null(strstr(txt, "\nP1;C;17,78;"));
    assert_non_null(strstr(txt, "\nP2;A;90,00;huidige functiemix van de regio behouden: 2 antwoorden, minimum 3"));
    assert_non_null(strstr(txt, "\nP4;A;33,34;"));

    tarief_ctx *c2 = tarief_ctx_new();
    const tarief_regio *r = laad_regio(c2, dir);
    const tarief_product *p1 = tarief_regio_product(r, "P1");
    assert_int_equal(p1->n_mix, 3);
    assert_binnen(p1->mix[0].aandeel + p1->mix[1].aandeel + p1->mix[2].aandeel, 1.0, 1e-12);
    tarief_ctx_free(c2);
    const char *alle[] = {"uitgangspunten.csv", "functies.csv", "producten.csv", "functiemix.csv"};
    for (int i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, alle[i]);
        unlink(p);
    }
    rmdir(dir);
    tarief_ctx_free(ctx);
}

/*
 * Random answers: whatever the answers, the result adds up to exactly
 * 10000 hundredths and each functie is within one hundredth of its exact
 * mean (rounding down, plus at most one).
 */
static void altijd_honderd(void **state)
{
    (void)state;
    char dir[] = "/tmp/test_uitvraag.XXXXXX";
    assert_non_null(mkdtemp(dir));
    srand(14);
    for (int ronde = 0; ronde < 40; ronde++) {
        int n = 3 + rand() % 5;
        char p[512];
        for (int a = 0; a < n; a++) {
            snprintf(p, sizeof p, "%s/a%d.csv", dir, a);
            FILE *f = fopen(p, "w");
            fprintf(f, "product;functie;percentage;gewicht\n");
            int x = rand() % 10001, y = rand() % (10001 - x);
            int w = 1 + rand() % 1000;
            fprintf(f, "P1;A;%d,%02d;%d\nP1;B;%d,%02d;%d\nP1;C;%d,%02d;%d\n", x / 100, x % 100, w, y / 100,
                    y % 100, w, (10000 - x - y) / 100, (10000 - x - y) % 100, w);
            fclose(f);
        }
        for (int m = 0; m < 2; m++) {
            tarief_ctx *ctx = tarief_ctx_new();
            const tarief_uitvraag *u = verwerk(ctx, dir, m ? TARIEF_UITVRAAG_GEWOGEN : TARIEF_UITVRAAG_GEMIDDELDE, 0);
            assert_non_null(u);
            const tarief_uitvraag_product *p1 = product(u, "P1");
            long long som = 0;
            for (size_t i = 0; i < p1->n_regels; i++) {
                som += p1->regels[i].honderdsten;
                double exact = p1->regels[i].gemiddelde * 100.0;
                assert_true((double)p1->regels[i].honderdsten > exact - 1 - 1e-6);
                assert_true((double)p1->regels[i].honderdsten < exact + 1 + 1e-6);
            }
            assert_int_equal(som, 10000);
            tarief_ctx_free(ctx);
        }
        for (int a = 0; a < n; a++) {
            snprintf(p, sizeof p, "%s/a%d.csv", dir, a);
            unlink(p);
        }
    }
    rmdir(dir);
}

static void verwijder_map(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char p[1024];
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
    }
    closedir(d);
    rmdir(dir);
}

/* The form, returned unfilled, is a valid answer that answers nothing. */
static void sjabloon(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = laad_regio(ctx, REGIO);
    char base[] = "/tmp/test_uitvraag.XXXXXX";
    assert_non_null(mkdtemp(base));
    char dir[600];
    snprintf(dir, sizeof dir, "%s/uit", base);
    assert_int_equal(tarief_uitvraag_sjabloon(ctx, r, dir), 0);
    char p[700];
    snprintf(p, sizeof p, "%s/uitvraag.xlsx", dir);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_true(st.st_size > 1000);
    snprintf(p, sizeof p, "%s/uitvraag.csv", dir);
    const char *txt = lees(p);
    assert_non_null(strstr(txt, "\nproduct;functie;percentage;gewicht;toelichting\n"));
    assert_non_null(strstr(txt, "\nP3;B;;;\nP3;C;;;\n"));
    assert_non_null(strstr(txt, "huidige functiemix van de regio: B 60 %, C 40 %"));

    size_t n = 0;
    const char **files = tarief_uitvraag_bestanden(ctx, dir, &n);
    assert_int_equal(n, 1);
    tarief_uitvraag_options o = {.methode = TARIEF_UITVRAAG_GEWOGEN};
    const tarief_uitvraag *u = tarief_uitvraag_verwerk(ctx, r, files, n, &o);
    assert_non_null(u);
    for (size_t i = 0; i < u->n_producten; i++) {
        assert_true(u->producten[i].behouden);
        assert_int_equal(u->producten[i].n_antwoorden, 0);
    }

    /* a map with something in it is never touched: an input problem */
    size_t before = tarief_diag_total(tarief_ctx_diag(ctx));
    assert_int_equal(tarief_uitvraag_sjabloon(ctx, r, dir), -1);
    assert_int_equal(tarief_diag_total(tarief_ctx_diag(ctx)), before + 1);
    assert_false(tarief_diag_has_io(tarief_ctx_diag(ctx)));
    assert_string_equal(lees(p), txt);
    verwijder_map(dir);
    /* an existing empty map is filled */
    assert_int_equal(mkdir(dir, 0755), 0);
    assert_int_equal(tarief_uitvraag_sjabloon(ctx, r, dir), 0);
    assert_int_equal(stat(p, &st), 0);
    verwijder_map(dir);
    rmdir(base);
    tarief_ctx_free(ctx);
}

/*
 * init: the example product 45A49 (uur, 1 uur), HBO 60 % (FG 45 trede 6,
 * 2.938,00) and MBO4 40 % (FG 35 trede 8, 2.728,00), cao ghz-2022-05-01:
 * jaaruren 1878, VT 8 %, EJU 8,33 %, WGL 30 %, ort 0:
 *   C_HBO = 12 x 2938 x 1,1633 x 1,3 / 1878 = 53.317,29624 / 1878 = 28,390467
 *   C_MBO = 12 x 2728 x 1,1633 x 1,3 / 1878 = 49.506,32544 / 1878 = 26,361196
 *   E1 = 0,6 x 28,390467 + 0,4 x 26,361196 = 27,578758
 *   productiviteit = 100 - (10,3 + 6,7 + 2 + 3 + 10) = 68 %
 *   E2 = E1 x (1/0,68 - 1) = 12,978239;  E1 + E2 = 40,556997
 *   E3 = 3 % = 1,216710;  E5 = 2 % = 0,811140;  P = 42,584847
 *   E4 = 20 % = 8,516969;  K = 51,101817;  R = 3 % = 1,533055
 *   E8 = 14 % x 52,634871 = 7,368882;  T = 60,003753 -> 60,00
 */
static void init_regio(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    char base[] = "/tmp/test_uitvraag.XXXXXX";
    assert_non_null(mkdtemp(base));
    char dir[600];
    snprintf(dir, sizeof dir, "%s/nieuw", base);
    assert_int_equal(tarief_init_regio(ctx, dir), 0);
    const tarief_regio *r = laad_regio(ctx, dir);
    assert_int_equal(r->n_producten, 1);
    const tarief_afleiding *a = tarief_bereken(ctx, r, NULL);
    assert_non_null(a);
    assert_binnen(a[0].element[TARIEF_E_KOSTEN_BEROEPSKRACHT], 27.578758, 1e-6);
    assert_cents(a[0].tarief, 6000);
    /* never over a map with something in it */
    size_t before = tarief_diag_total(tarief_ctx_diag(ctx));
    assert_int_equal(tarief_init_regio(ctx, dir), -1);
    assert_int_equal(tarief_diag_total(tarief_ctx_diag(ctx)), before + 1);
    assert_false(tarief_diag_has_io(tarief_ctx_diag(ctx)));
    verwijder_map(dir);
    rmdir(base);
    tarief_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bestanden_gesorteerd),
        cmocka_unit_test(gemiddelde),
        cmocka_unit_test(gewogen),
        cmocka_unit_test(minimum_twee),
        cmocka_unit_test(fouten),
        cmocka_unit_test(kopregel),
        cmocka_unit_test(csv_is_functiemix),
        cmocka_unit_test(altijd_honderd),
        cmocka_unit_test(sjabloon),
        cmocka_unit_test(init_regio),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
