/*
 * test_load.c - the CSV dialect of rekenmethode §1 through the loader
 * (tarief_load_regio) and tarief_parse_number, and the loader's errors with
 * their exact file:line:column.
 *
 * Fixtures (tests/data/):
 *   load-puntkomma   ';' files: BOM + CRLF (uitgangspunten.csv), CRLF
 *                    (functiemix.csv), '#' comments, empty lines, headers in
 *                    any order and case with spaces, '%' or not, free-text
 *                    columns, optional columns left out; CAO load-cao/lc-a
 *                    with text labels for schaal and trede (FG 45, start, u1)
 *   load-komma       ',' files with decimal points, CAO load-cao/lc-komma;
 *                    free-text columns and bron left out
 *   load-beide       headers with both ';' and ',': ';' wins
 *   load-fout-getal  one bad number: '0.08' in producten.csv line 3 col 15
 *   load-fouten      four broken files at once
 *   load-fout-kolom  an unknown column plus a functiemix summing to 90 %
 *   load-fout-cao    a CAO without jaaruren and with a bad salary
 *   vgl-regio        (with vgl-cao) the list of files read and their SHA-256
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tarief.h"
#include "unit/testhulp.h"

#define CAO_MAP "tests/data/load-cao"

#define assert_close(x, verwacht) assert_binnen((x), (verwacht), 1e-9)

static const tarief_regio *laad_goed(void **state, const char *dir)
{
    tarief_ctx *ctx = tarief_ctx_new();
    assert_non_null(ctx);
    *state = ctx;
    const tarief_regio *r = laad(ctx, dir, CAO_MAP, NULL);
    assert_int_equal(tarief_diag_total(tarief_ctx_diag(ctx)), 0);
    return r;
}

static const tarief_diag *opzet_fout(void **state, const char *dir)
{
    tarief_ctx *ctx = tarief_ctx_new();
    assert_non_null(ctx);
    *state = ctx;
    const tarief_diag *d = laad_fout(ctx, dir, CAO_MAP);
    assert_true(tarief_diag_total(d) > 0);
    return d;
}

static const tarief_functie *functie(const tarief_regio *r, const char *naam)
{
    for (size_t i = 0; i < r->n_functies; i++)
        if (strcmp(r->functies[i].naam, naam) == 0)
            return &r->functies[i];
    print_error("functie %s niet gevonden\n", naam);
    fail();
    return NULL;
}

/* The error at file (suffix):line:column, or NULL. */
static const tarief_error *zoek_fout(const tarief_diag *d, const char *file, int line,
                                     int column)
{
    for (size_t i = 0; i < d->count; i++)
        if (eindigt_op(d->items[i].file, file) && d->items[i].line == line &&
            d->items[i].column == column)
            return &d->items[i];
    return NULL;
}

/* An error in file (suffix) whose message contains both words. */
static const tarief_error *zoek_fout_tekst(const tarief_diag *d, const char *file,
                                           const char *a, const char *b)
{
    for (size_t i = 0; i < d->count; i++)
        if (eindigt_op(d->items[i].file, file) && d->items[i].message &&
            strstr(d->items[i].message, a) && (b == NULL || strstr(d->items[i].message, b)))
            return &d->items[i];
    return NULL;
}

#define assert_fout(d, file, line, column, tekst)                              \
    do {                                                                       \
        const tarief_error *e_ = zoek_fout((d), (file), (line), (column));     \
        if (e_ == NULL)                                                        \
            print_error("geen fout op %s:%d:%d\n", (file), (line), (column));  \
        assert_non_null(e_);                                                   \
        assert_non_null(e_->message);                                          \
        if (strstr(e_->message, (tekst)) == NULL)                              \
            print_error("melding '%s' noemt '%s' niet\n", e_->message, (tekst)); \
        assert_non_null(strstr(e_->message, (tekst)));                         \
    } while (0)

/* ------------------------------------------------------------------ */
/* tarief_parse_number                                                 */

static void test_getal_puntkomma(void **state)
{
    (void)state;
    double x = -1;
    assert_true(tarief_parse_number("2.897,00", ';', false, &x));
    assert_close(x, 2897);
    assert_true(tarief_parse_number("1878", ';', false, &x));
    assert_close(x, 1878);
    assert_true(tarief_parse_number("2.897", ';', false, &x));   /* one group of three */
    assert_close(x, 2897);
    assert_true(tarief_parse_number("1.234.567,89", ';', false, &x));
    assert_close(x, 1234567.89);
    assert_true(tarief_parse_number("0,5", ';', false, &x));
    assert_close(x, 0.5);
    assert_true(tarief_parse_number("0", ';', false, &x));
    assert_close(x, 0);
    assert_true(tarief_parse_number("8,33", ';', true, &x));
    assert_close(x, 0.0833);
    assert_true(tarief_parse_number("8,33%", ';', true, &x));
    assert_close(x, 0.0833);
    assert_true(tarief_parse_number("8%", ';', true, &x));
    assert_close(x, 0.08);
    assert_true(tarief_parse_number("100", ';', true, &x));
    assert_close(x, 1.0);
    assert_true(tarief_parse_number("12,5", ';', true, &x));
    assert_close(x, 0.125);
}

static void test_getal_komma(void **state)
{
    (void)state;
    double x = -1;
    assert_true(tarief_parse_number("0.08", ',', false, &x));
    assert_close(x, 0.08);
    assert_true(tarief_parse_number("2897.00", ',', false, &x));
    assert_close(x, 2897);
    assert_true(tarief_parse_number("1878", ',', false, &x));
    assert_close(x, 1878);
    assert_true(tarief_parse_number("45.75", ',', false, &x));
    assert_close(x, 45.75);
    assert_true(tarief_parse_number("8.33", ',', true, &x));
    assert_close(x, 0.0833);
    assert_true(tarief_parse_number("8.33%", ',', true, &x));
    assert_close(x, 0.0833);
}

static void test_getal_fout(void **state)
{
    (void)state;
    static const char *fout_puntkomma[] = {
        "0.08",     /* decimal point in a ';' file */
        "1.5.0", "12a", "nan", "NaN", "inf", "Infinity", "1e3", "0x1A",
        "1.23",     /* group of two digits */
        "12.3456",  /* group of four digits */
        "1.2345,0", "2897.00", "1..234", "1,2,3", "", "%", "-", ",", "8,33%%",
    };
    static const char *fout_komma[] = {
        "1,5",      /* decimal comma in a ',' file */
        "2.897,00", "2,897.00", "1.5.0", "12a", "nan", "inf", "1e3", "0x1A", "1 000",
        "", "%",
    };
    for (size_t i = 0; i < sizeof fout_puntkomma / sizeof *fout_puntkomma; i++) {
        double x = 12345;
        bool ok = tarief_parse_number(fout_puntkomma[i], ';', true, &x);
        if (ok)
            print_error("';' '%s' geaccepteerd als %.17g\n", fout_puntkomma[i], x);
        assert_false(ok);
        assert_true(x == 12345); /* *out left alone */
        assert_false(tarief_parse_number(fout_puntkomma[i], ';', false, &x));
    }
    for (size_t i = 0; i < sizeof fout_komma / sizeof *fout_komma; i++) {
        double x = 12345;
        bool ok = tarief_parse_number(fout_komma[i], ',', true, &x);
        if (ok)
            print_error("',' '%s' geaccepteerd als %.17g\n", fout_komma[i], x);
        assert_false(ok);
        assert_false(tarief_parse_number(fout_komma[i], ',', false, &x));
    }
    /* '%' only where a percentage is expected */
    double x;
    assert_false(tarief_parse_number("8%", ';', false, &x));
    assert_false(tarief_parse_number("8.33%", ',', false, &x));
}

/* ------------------------------------------------------------------ */
/* the dialect through the loader                                      */

/*
 * load-puntkomma: uitgangspunten.csv has a BOM, CRLF, header
 * " PARAMETER ; Waarde ; bron ", a comment on line 2 and an empty line 4.
 * Lines: 3 regio, 5 tariefjaar, 6 cao, 7 eindejaarsuitkering 8,5%,
 * 8 werkgeverslasten 30, 9 verlof 8,5, 10 verzuim 7,3%, 11 overhead 12,5%,
 * 12 overhead_grondslag aandeel, 13 afronding deelbaar_door_60.
 */
static void test_puntkomma_uitgangspunten(void **state)
{
    const tarief_regio *r = laad_goed(state, "tests/data/load-puntkomma");
    assert_string_equal(r->naam, "Laadregio puntkomma");
    assert_int_equal(r->tariefjaar, 2025);
    assert_non_null(r->cao_standaard);
    assert_string_equal(r->cao_standaard->id, "lc-a");

    const tarief_param *eju = &r->params[TARIEF_P_EINDEJAARSUITKERING];
    assert_true(eju->set);
    assert_close(eju->waarde, 0.085);
    assert_true(eindigt_op(eju->bron.file, "uitgangspunten.csv"));
    assert_int_equal(eju->bron.line, 7);
    assert_int_equal(eju->bron.column, 21); /* "eindejaarsuitkering;" is 20 bytes */
    assert_close(r->params[TARIEF_P_WERKGEVERSLASTEN].waarde, 0.30);
    assert_close(r->params[TARIEF_P_VERLOF].waarde, 0.085);
    assert_close(r->params[TARIEF_P_VERZUIM].waarde, 0.073);
    assert_close(r->params[TARIEF_P_OVERHEAD].waarde, 0.125);
    assert_int_equal(r->params[TARIEF_P_OVERHEAD_GRONDSLAG].keuze, TARIEF_GRONDSLAG_AANDEEL);
    assert_int_equal(r->params[TARIEF_P_AFRONDING].keuze, TARIEF_AFRONDING_DEELBAAR_DOOR_60);
    assert_int_equal(r->params[TARIEF_P_AFRONDING].bron.line, 13);
    assert_false(r->params[TARIEF_P_PRODUCTIVITEIT].set);
    assert_false(r->params[TARIEF_P_RISICO].set);
    /* the regio line keeps its bron text; the empty line and comment are skipped */
    assert_int_equal(r->regio_p.bron.line, 3);
    assert_int_equal(r->tariefjaar_p.bron.line, 5);
}

/*
 * lc-a: cao.csv with BOM + CRLF, a comment and an empty line; jaaruren
 * written "1.878" (thousands separator), vakantietoeslag "8,00%",
 * eindejaarsuitkering "8,33" (no %). salarisschalen.csv with header
 * " Trede ; schaal ;MAANDSALARIS;#notitie" and text labels.
 */
static void test_puntkomma_cao_labels(void **state)
{
    const tarief_regio *r = laad_goed(state, "tests/data/load-puntkomma");
    const tarief_cao *c = r->cao_standaard;
    assert_non_null(c);
    assert_string_equal(c->naam, "Laadtest-cao A");
    assert_string_equal(c->ingangsdatum, "2024-07-01");
    assert_close(c->params[TARIEF_P_JAARUREN].waarde, 1878);
    assert_close(c->params[TARIEF_P_VAKANTIETOESLAG].waarde, 0.08);
    assert_close(c->params[TARIEF_P_EINDEJAARSUITKERING].waarde, 0.0833);
    assert_true(c->uren_per_week.set);
    assert_close(c->uren_per_week.waarde, 36);
    assert_int_equal(c->n_salarissen, 3);

    const tarief_functie *jzw = functie(r, "JZW");
    assert_ptr_equal(jzw->cao, c);            /* cao column empty: region default */
    assert_non_null(jzw->salaris);
    assert_string_equal(jzw->salaris->schaal, "FG 45");
    assert_string_equal(jzw->salaris->trede, "start");
    assert_close(jzw->salaris->maandsalaris, 2897);
    assert_int_equal(jzw->salaris->bron.line, 2);
    assert_string_equal(jzw->omschrijving, "Jeugdzorgwerker, niveau MBO");
    assert_int_equal(jzw->bron.line, 2);

    const tarief_functie *gd = functie(r, "GD");
    assert_ptr_equal(gd->cao, c);
    assert_string_equal(gd->salaris->trede, "u1");
    assert_close(gd->salaris->maandsalaris, 3100.5);
    assert_int_equal(gd->bron.line, 4);      /* after the comment on line 3 */
    assert_false(gd->loonkosten_per_uur.set); /* column left out */
    assert_int_equal(r->n_functies, 2);
}

/*
 * producten.csv: header "naam;CODE; Eenheid ;Uren_Per_Eenheid;verzuim;
 * huisvesting;toelichting;#intern" (begeleiders, groepsgrootte, verzorging
 * and most overrides left out), an empty line 3.
 * functiemix.csv (CRLF): P1 60% / 40, P2 33,33 / 66,67%.
 */
static void test_puntkomma_producten_en_mix(void **state)
{
    const tarief_regio *r = laad_goed(state, "tests/data/load-puntkomma");
    assert_int_equal(r->n_producten, 2);
    const tarief_product *p1 = tarief_regio_product(r, "P1");
    const tarief_product *p2 = tarief_regio_product(r, "P2");
    assert_non_null(p1);
    assert_non_null(p2);
    assert_null(tarief_regio_product(r, "p1"));
    assert_string_equal(p1->naam, "Ambulant");
    assert_int_equal(p1->eenheid, TARIEF_EENHEID_UUR);
    assert_close(p1->uren_per_eenheid.waarde, 1);
    assert_false(p1->params[TARIEF_P_VERZUIM].set); /* empty cell: region's value */
    assert_int_equal(p1->bron.line, 2);

    assert_int_equal(p2->eenheid, TARIEF_EENHEID_ETMAAL);
    assert_close(p2->uren_per_eenheid.waarde, 2.5);
    assert_true(p2->params[TARIEF_P_VERZUIM].set);
    assert_close(p2->params[TARIEF_P_VERZUIM].waarde, 0.10);
    assert_close(p2->huisvesting.waarde, 1234.5);
    assert_int_equal(p2->huisvesting.bron.line, 4);
    assert_int_equal(p2->huisvesting.bron.column, 28); /* "Verblijf;P2;etmaal;2,5;10%;" */
    assert_int_equal(p2->bron.line, 4);

    assert_true(r->product_kolom[TARIEF_P_VERZUIM]);
    assert_false(r->product_kolom[TARIEF_P_ORT]);
    assert_false(r->product_kolom[TARIEF_P_OVERHEAD]);

    assert_int_equal(p1->n_mix, 2);
    assert_close(p1->mix[0].aandeel, 0.60);
    assert_string_equal(p1->mix[0].functie->naam, "JZW");
    assert_close(p1->mix[1].aandeel, 0.40);
    assert_int_equal(p2->n_mix, 2);
    assert_close(p2->mix[0].aandeel, 0.3333);
    assert_close(p2->mix[1].aandeel, 0.6667);

    /* defaults of left-out columns reach the calculation: begeleiders 1,
     * groepsgrootte 1, verzorging 0 -> I = uren_per_eenheid */
    tarief_ctx *ctx = *state;
    const tarief_afleiding *a = tarief_bereken(ctx, r, NULL);
    assert_non_null(a);
    assert_close(a[0].inzet, 1);
    assert_close(a[1].inzet, 2.5);
    assert_close(a[1].element[TARIEF_E_VERZORGING], 0);
    assert_close(a[1].element[TARIEF_E_HUISVESTING], 1234.5);
    /* region components 8,5 + 7,3 = 15,8 % -> 84,2 %; P2 verzuim 10 %:
     * 8,5 + 10 = 18,5 % -> 81,5 % */
    assert_close(a[0].productiviteit.waarde, 0.842);
    assert_close(a[1].productiviteit.waarde, 0.815);
}

/* ',' files: decimal points, no grouping, optional columns left out. */
static void test_komma(void **state)
{
    const tarief_regio *r = laad_goed(state, "tests/data/load-komma");
    assert_string_equal(r->naam, "Laadregio komma");
    assert_close(r->params[TARIEF_P_PRODUCTIVITEIT].waarde, 0.805);
    assert_close(r->params[TARIEF_P_REIS_EN_OPLEIDING].waarde, 0.015);
    assert_null(r->cao_standaard);

    const tarief_functie *mbo = functie(r, "MBO");
    assert_non_null(mbo->cao);
    assert_string_equal(mbo->cao->id, "lc-komma");
    assert_close(mbo->cao->params[TARIEF_P_JAARUREN].waarde, 1872);
    assert_close(mbo->cao->params[TARIEF_P_VAKANTIETOESLAG].waarde, 0.08);
    assert_close(mbo->cao->params[TARIEF_P_EINDEJAARSUITKERING].waarde, 0.0833);
    assert_close(mbo->cao->params[TARIEF_P_WERKGEVERSLASTEN].waarde, 0.275);
    assert_string_equal(mbo->salaris->schaal, "FG 40");
    assert_string_equal(mbo->salaris->trede, "5");
    assert_close(mbo->salaris->maandsalaris, 2659);
    assert_true(mbo->omschrijving == NULL || mbo->omschrijving[0] == '\0');

    const tarief_functie *zzp = functie(r, "ZZP");
    assert_null(zzp->cao);
    assert_true(zzp->loonkosten_per_uur.set);
    assert_close(zzp->loonkosten_per_uur.waarde, 45.75);

    const tarief_product *k1 = tarief_regio_product(r, "K1");
    assert_non_null(k1);
    assert_int_equal(k1->eenheid, TARIEF_EENHEID_DAGDEEL);
    assert_close(k1->uren_per_eenheid.waarde, 3.5);
    assert_close(k1->groepsgrootte.waarde, 4);
    assert_close(k1->mix[0].aandeel, 0.625);
    assert_close(k1->mix[1].aandeel, 0.375);
}

/* Headers containing both ';' and ',' (in '#' free-text column names): ';'. */
static void test_beide_scheidingstekens(void **state)
{
    const tarief_regio *r = laad_goed(state, "tests/data/load-beide");
    assert_string_equal(r->naam, "Beide, met komma");
    assert_close(r->params[TARIEF_P_PRODUCTIVITEIT].waarde, 0.805);
    assert_close(functie(r, "ZZP")->loonkosten_per_uur.waarde, 45.75);
    const tarief_product *b1 = tarief_regio_product(r, "B1");
    assert_non_null(b1);
    assert_string_equal(b1->naam, "Een, twee");
    assert_close(b1->uren_per_eenheid.waarde, 1.5);
    assert_close(b1->mix[0].aandeel, 1.0);
}

/* ------------------------------------------------------------------ */
/* loader errors                                                       */

/*
 * load-fout-getal/producten.csv line 3 is "P2;Twee;uur;1;0.08": the
 * overhead cell starts at byte 15 ("P2;Twee;uur;1;" is 14 bytes). '0.08' in
 * a ';' file is not a number (§1). Nothing else is wrong.
 */
static void test_fout_plaats(void **state)
{
    const tarief_diag *d = opzet_fout(state, "tests/data/load-fout-getal");
    assert_int_equal(tarief_diag_total(d), 1);
    const tarief_error *e = &d->items[0];
    assert_true(eindigt_op(e->file, "load-fout-getal/producten.csv"));
    assert_int_equal(e->line, 3);
    assert_int_equal(e->column, 15);
    assert_non_null(strstr(e->message, "0.08"));
    if (e->source_line)
        assert_string_equal(e->source_line, "P2;Twee;uur;1;0.08");
}

/*
 * load-fouten: four files, each broken, all reported at once:
 *   uitgangspunten.csv:5:10  "overhead;12a;"        ("overhead;" is 9 bytes)
 *   functies.csv:3:8         "ZZP2;;;45.00"         ("ZZP2;;;" is 7 bytes)
 *   producten.csv:3:15       "0.08"
 *   functiemix.csv           P1 (functie ZZP, valid) sums to 90 %
 */
static void test_fouten_alle_tegelijk(void **state)
{
    const tarief_diag *d = opzet_fout(state, "tests/data/load-fouten");
    assert_true(tarief_diag_total(d) >= 4);
    assert_fout(d, "load-fouten/uitgangspunten.csv", 5, 10, "12a");
    assert_fout(d, "load-fouten/functies.csv", 3, 8, "45.00");
    assert_fout(d, "load-fouten/producten.csv", 3, 15, "0.08");
    const tarief_error *e = zoek_fout_tekst(d, "load-fouten/functiemix.csv", "P1", "90");
    if (e == NULL)
        print_error("geen fout in functiemix.csv die P1 en 90 noemt\n");
    assert_non_null(e);
}

/*
 * load-fout-kolom: functies.csv has an unknown column "omschrijvin" (a typo
 * must not silently drop a column, §1) at 1:41
 * ("functie;schaal;trede;loonkosten_per_uur;" is 40 bytes), and, independent
 * of that, functiemix.csv gives product P1 only 90 %. The percentages are
 * valid numbers, so their sum is known whatever is wrong with functies.csv:
 * §6 asks for every problem found, so both are reported.
 */
static void test_fout_onbekende_kolom_en_mixsom(void **state)
{
    const tarief_diag *d = opzet_fout(state, "tests/data/load-fout-kolom");
    assert_fout(d, "load-fout-kolom/functies.csv", 1, 41, "omschrijvin");
    const tarief_error *e = zoek_fout_tekst(d, "load-fout-kolom/functiemix.csv", "P1", "90");
    if (e == NULL)
        print_error("geen fout in functiemix.csv die P1 en 90 noemt\n");
    assert_non_null(e);
}

/*
 * load-fout-cao: CAO lc-fout lacks the required jaaruren (cao.csv) and its
 * salarisschalen.csv line 3 is "FG 40;5;2.65" (bad grouping, column 9).
 */
static void test_fout_cao(void **state)
{
    const tarief_diag *d = opzet_fout(state, "tests/data/load-fout-cao");
    assert_true(tarief_diag_total(d) >= 2);
    assert_fout(d, "lc-fout/salarisschalen.csv", 3, 9, "2.65");
    const tarief_error *e = zoek_fout_tekst(d, "lc-fout/cao.csv", "jaaruren", NULL);
    if (e == NULL)
        print_error("geen fout in lc-fout/cao.csv die jaaruren noemt\n");
    assert_non_null(e);
}

/* The loader lists every file it read with its SHA-256, also with zeroed
 * options: the region's four files and the two of its CAO, each hash equal
 * to what coreutils' sha256sum (another implementation) says. */
static void test_controlegetallen(void **state)
{
    tarief_ctx *ctx = tarief_ctx_new();
    assert_non_null(ctx);
    *state = ctx;
    const tarief_regio *r = laad(ctx, "tests/data/vgl-regio", "tests/data/vgl-cao", NULL);
    assert_int_equal(r->n_bestanden, 6);
    static const char *const namen[] = {"vgl-regio/uitgangspunten.csv", "vgl-regio/functies.csv",
                                        "vgl-regio/producten.csv",       "vgl-regio/functiemix.csv",
                                        "vgl-2024/cao.csv",              "vgl-2024/salarisschalen.csv"};
    for (size_t k = 0; k < sizeof namen / sizeof namen[0]; k++) {
        size_t gevonden = 0;
        for (size_t i = 0; i < r->n_bestanden; i++) {
            const char *p = r->bestanden[i].path;
            size_t lp = strlen(p), ln = strlen(namen[k]);
            if (lp >= ln && strcmp(p + lp - ln, namen[k]) == 0)
                gevonden++;
        }
        if (gevonden != 1)
            print_error("%s: %zu keer in de lijst\n", namen[k], gevonden);
        assert_int_equal(gevonden, 1);
    }
    for (size_t i = 0; i < r->n_bestanden; i++) {
        char cmd[600], verwacht[80] = "";
        snprintf(cmd, sizeof cmd, "sha256sum '%s'", r->bestanden[i].path);
        FILE *f = popen(cmd, "r");
        assert_non_null(f);
        assert_non_null(fgets(verwacht, 65, f));
        assert_int_equal(pclose(f), 0);
        assert_int_equal(strlen(r->bestanden[i].sha256), 64);
        assert_string_equal(r->bestanden[i].sha256, verwacht);
    }
}

/* A number typed on its own (command-line options): each case by hand. */
static void test_getal_los(void **state)
{
    (void)state;
    double v = -1;
    assert_int_equal(tarief_parse_number_los("1,25", false, &v), TARIEF_GETAL_OK);
    assert_binnen(v, 1.25, 1e-12);
    assert_int_equal(tarief_parse_number_los("1.25", false, &v), TARIEF_GETAL_OK);
    assert_binnen(v, 1.25, 1e-12);
    assert_int_equal(tarief_parse_number_los("1.250,00", false, &v), TARIEF_GETAL_OK);
    assert_binnen(v, 1250, 1e-9);
    assert_int_equal(tarief_parse_number_los("  € 15 ", false, &v), TARIEF_GETAL_OK);
    assert_binnen(v, 15, 1e-12);
    assert_int_equal(tarief_parse_number_los("+5 %", true, &v), TARIEF_GETAL_OK);
    assert_binnen(v, 5, 1e-12); /* not divided by 100 */
    assert_int_equal(tarief_parse_number_los("0.005", false, &v), TARIEF_GETAL_OK);
    assert_binnen(v, 0.005, 1e-15);
    assert_int_equal(tarief_parse_number_los("-2,5", false, &v), TARIEF_GETAL_OK);
    assert_binnen(v, -2.5, 1e-12);
    /* a point and three digits: 1250 or 1,25? never guessed */
    assert_int_equal(tarief_parse_number_los("1.250", false, &v), TARIEF_GETAL_DUBBELZINNIG);
    assert_int_equal(tarief_parse_number_los("-12.345", false, &v), TARIEF_GETAL_DUBBELZINNIG);
    assert_int_equal(tarief_parse_number_los("€ 5", true, &v), TARIEF_GETAL_ONGELDIG);
    assert_int_equal(tarief_parse_number_los("5%", false, &v), TARIEF_GETAL_ONGELDIG);
    assert_int_equal(tarief_parse_number_los("abc", false, &v), TARIEF_GETAL_ONGELDIG);
    assert_int_equal(tarief_parse_number_los("", false, &v), TARIEF_GETAL_ONGELDIG);
    assert_int_equal(tarief_parse_number_los("1.000,5.0", false, &v), TARIEF_GETAL_ONGELDIG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_getal_puntkomma),
        cmocka_unit_test(test_getal_komma),
        cmocka_unit_test(test_getal_fout),
        cmocka_unit_test(test_getal_los),
        cmocka_unit_test_teardown(test_puntkomma_uitgangspunten, ctx_opruimen),
        cmocka_unit_test_teardown(test_puntkomma_cao_labels, ctx_opruimen),
        cmocka_unit_test_teardown(test_puntkomma_producten_en_mix, ctx_opruimen),
        cmocka_unit_test_teardown(test_komma, ctx_opruimen),
        cmocka_unit_test_teardown(test_beide_scheidingstekens, ctx_opruimen),
        cmocka_unit_test_teardown(test_fout_plaats, ctx_opruimen),
        cmocka_unit_test_teardown(test_fouten_alle_tegelijk, ctx_opruimen),
        cmocka_unit_test_teardown(test_fout_onbekende_kolom_en_mixsom, ctx_opruimen),
        cmocka_unit_test_teardown(test_fout_cao, ctx_opruimen),
        cmocka_unit_test_teardown(test_controlegetallen, ctx_opruimen),
    };
    return cmocka_run_group_tests_name("invoer: csv-dialect en fouten", tests, NULL, NULL);
}
