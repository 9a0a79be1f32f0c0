/*
 * test_werkboek.c - tarief_workbook_options.voortgang: the progress the
 * workbook writers (bereken, vergelijk, verschil) report, which the CLI
 * shows on a terminal (docs/prestaties.md). What the workbook holds is tested by LibreOffice
 * (tests/layer-workbook.sh); here only the calls and their order.
 *
 * Fixtures: tests/data/hand-basis (12 products, 17 functiemix rows) and, for
 * the intermediate reports (every 256 rows), a copy of it in a temporary
 * directory with 600 more products "P1".."P600", each like UUR (uur, MBO
 * 60 % + HBO 40 %).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tarief.h"
#include "tarief/vergelijk.h"
#include "unit/testhulp.h"

#define CAO_MAP "tests/data/hand-cao"
#define HAND "tests/data/hand-basis"

typedef struct melding {
    const char *fase;
    size_t gedaan, totaal;
} melding;

typedef struct opname {
    melding m[64];
    size_t n;
} opname;

static void neem_op(void *data, const char *fase, size_t gedaan, size_t totaal)
{
    opname *o = data;
    if (o->n < sizeof o->m / sizeof o->m[0])
        o->m[o->n] = (melding){fase, gedaan, totaal};
    o->n++;
}

/* Write dir's workbook with the recorder; the file must be there. */
static void schrijf(const char *dir, opname *o)
{
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = laad(ctx, dir, CAO_MAP, NULL);
    const tarief_afleiding *a = tarief_bereken(ctx, r, NULL);
    char pad[] = "/tmp/test_werkboek_XXXXXX";
    int fd = mkstemp(pad);
    assert_true(fd >= 0);
    close(fd);
    tarief_workbook_options wo = {.voortgang = neem_op, .voortgang_data = o};
    assert_int_equal(tarief_workbook_write(ctx, r, a, pad, &wo), 0);
    struct stat st;
    assert_int_equal(stat(pad, &st), 0);
    assert_true(st.st_size > 0);
    unlink(pad);
    tarief_ctx_free(ctx);
}

/* The order every run must show: "werkboek schrijven" from 0 of T, never
 * backwards and never past T, then exactly one "werkboek inpakken" without
 * a total, last. Returns the number of intermediate reports. */
static size_t controleer_volgorde(const opname *o)
{
    assert_true(o->n >= 2 && o->n <= sizeof o->m / sizeof o->m[0]);
    assert_string_equal(o->m[0].fase, "werkboek schrijven");
    assert_int_equal(o->m[0].gedaan, 0);
    size_t totaal = o->m[0].totaal;
    assert_true(totaal > 0);
    for (size_t i = 1; i + 1 < o->n; i++) {
        assert_string_equal(o->m[i].fase, "werkboek schrijven");
        assert_int_equal(o->m[i].totaal, totaal);
        assert_true(o->m[i].gedaan > o->m[i - 1].gedaan);
        assert_true(o->m[i].gedaan <= totaal);
    }
    const melding *laatste = &o->m[o->n - 1];
    assert_string_equal(laatste->fase, "werkboek inpakken");
    assert_int_equal(laatste->totaal, 0);
    return o->n - 2;
}

static void test_kleine_regio(void **state)
{
    (void)state;
    opname o = {0};
    schrijf(HAND, &o);
    /* 12 products: below the 256 rows between reports */
    assert_int_equal(controleer_volgorde(&o), 0);
    assert_int_equal(o.n, 2);
}

static void kopieer(const char *van, const char *naar)
{
    FILE *in = fopen(van, "rb"), *uit = fopen(naar, "wb");
    assert_non_null(in);
    assert_non_null(uit);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, uit), n);
    fclose(in);
    assert_int_equal(fclose(uit), 0);
}

static void test_grote_regio_meldt_tussendoor(void **state)
{
    (void)state;
    char dir[] = "/tmp/test_werkboek_regio_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char pad[4][256];
    const char *namen[4] = {"uitgangspunten.csv", "functies.csv", "producten.csv", "functiemix.csv"};
    for (int k = 0; k < 4; k++) {
        char van[256];
        snprintf(van, sizeof van, "%s/%s", HAND, namen[k]);
        snprintf(pad[k], sizeof pad[k], "%s/%s", dir, namen[k]);
        kopieer(van, pad[k]);
    }
    FILE *p = fopen(pad[2], "a"), *m = fopen(pad[3], "a");
    assert_non_null(p);
    assert_non_null(m);
    for (int i = 1; i <= 600; i++) {
        fprintf(p, "P%d;Ambulant %d;uur;1;1;1;;;;;;;;;;;;\n", i, i);
        fprintf(m, "P%d;MBO;60\nP%d;HBO;40\n", i, i);
    }
    assert_int_equal(fclose(p), 0);
    assert_int_equal(fclose(m), 0);

    opname o = {0};
    schrijf(dir, &o);
    /* 612 products on Tarieven, Producten and Opbouw: reports after rows
     * 256 and 512 of each; 1.217 functiemix rows: after 256, 512, 768 and
     * 1.024. */
    assert_int_equal(controleer_volgorde(&o), 3 * 2 + 4);
    /* Opbouw, the largest sheet, comes last: its last report (after row
     * 512 of 612) stands for all but its last 100 products. By hand with
     * the weights of workbook.c (Tarieven 15, Producten 17, Opbouw 58 per
     * product, 4 per functiemix row): total 612 x 90 + 1.217 x 4 = 59.948,
     * last report 612 x 32 + 1.217 x 4 + 512 x 58 = 54.148, 90 %. The test
     * asks only for past 80 %: the fraction must follow the work, whatever
     * the exact weights. */
    const melding *voor_inpakken = &o.m[o.n - 2];
    assert_true(voor_inpakken->gedaan * 10 > voor_inpakken->totaal * 8);
    assert_true(voor_inpakken->gedaan < voor_inpakken->totaal);

    for (int k = 0; k < 4; k++)
        unlink(pad[k]);
    rmdir(dir);
}

/* vergelijk and verschil: hand-basis against itself. Products are counted
 * one by one, reported from 0 and then every 256: with 12 only the start. */
static void test_vergelijk_en_verschil(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = laad(ctx, HAND, CAO_MAP, NULL);
    const tarief_regio *aanb = laad(ctx, HAND, CAO_MAP, HAND); /* an aanbieder that repeats the region */
    char pad[] = "/tmp/test_werkboek_XXXXXX";
    int fd = mkstemp(pad);
    assert_true(fd >= 0);
    close(fd);

    opname o = {0};
    tarief_workbook_options wo = {.voortgang = neem_op, .voortgang_data = &o};
    assert_int_equal(tarief_vergelijk_workbook_write(ctx, tarief_vergelijk(ctx, r, aanb), pad, &wo), 0);
    assert_int_equal(controleer_volgorde(&o), 0);
    assert_int_equal(o.m[0].totaal, r->n_producten);

    opname o2 = {0};
    wo.voortgang_data = &o2;
    assert_int_equal(tarief_verschil_workbook_write(ctx, tarief_verschil_bereken(ctx, r, r), pad, &wo), 0);
    assert_int_equal(controleer_volgorde(&o2), 0);
    assert_int_equal(o2.m[0].totaal, r->n_producten);

    /* NULL options: defaults, no calls */
    assert_int_equal(tarief_verschil_workbook_write(ctx, tarief_verschil_bereken(ctx, r, r), pad, NULL), 0);
    unlink(pad);
    tarief_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kleine_regio),
        cmocka_unit_test(test_grote_regio_meldt_tussendoor),
        cmocka_unit_test(test_vergelijk_en_verschil),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
