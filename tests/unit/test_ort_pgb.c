/*
 * test_ort_pgb.c - ort per functie (functiemix.csv column `ort`) and the
 * pgb tariffs (pgb_professioneel, pgb_informeel), worked out by hand on
 * tests/data/hand-ort-pgb (cao hand-a: jaaruren 1800, VT 8 %, EJU 10 %,
 * WGL 25 %; MBO 7/1 = 2.500, HBO FG 45/u1 = 3.000 per month; ZZP 40,00 per
 * uur; productiviteit 80 %, everything else 0; regio ort 5 %, pgb 90 % and
 * 75 %).
 *
 * DAG (MBO 50 % with ort 0 in the functiemix, HBO 50 % without):
 *   MBO: J = 30.000, VT 2.400, EJU 3.000, ORT 30.000 × 0 % = 0,
 *        B = 35.400, WGL 8.850, L = 44.250, C = 44.250 / 1800 = 24,583333..
 *   HBO: J = 36.000, VT 2.880, EJU 3.600, ORT 36.000 × 5 % (regio) = 1.800,
 *        B = 44.280, WGL 11.070, L = 55.350, C = 30,75
 *   C = 0,5 × 24,583333 + 0,5 × 30,75 = 27,666667; E1 = 27,666667;
 *   E2 = E1 × (1/0,8 − 1) = 6,916667; T = 34,583333 → 34,58
 *   pgb professioneel AFRONDEN(34,58 × 90 %; 2) = AFRONDEN(31,122) = 31,12
 *   pgb informeel     AFRONDEN(34,58 × 75 %; 2) = AFRONDEN(25,935) = 25,94
 *                     (half away from zero; 25,935 is just below in binary)
 * NACHT (product ort 10 %, pgb_informeel 60 %; MBO 50 % with ort 20 % in
 * the functiemix, HBO 50 % without):
 *   MBO: ORT 30.000 × 20 % = 6.000 (functiemix beats product), B = 41.400,
 *        WGL 10.350, L = 51.750, C = 28,75
 *   HBO: ORT 36.000 × 10 % (product) = 3.600, B = 46.080, WGL 11.520,
 *        L = 57.600, C = 32
 *   C = 30,375; E1 = 30,375; E2 = 7,59375; T = 37,96875 → 37,97
 *   pgb professioneel 37,97 × 90 % = 34,173 → 34,17 (regio)
 *   pgb informeel     37,97 × 60 % = 22,782 → 22,78 (product)
 * ZZP (loonkosten_per_uur 40): C = 40, E2 = 10, T = 50 → 50,00;
 *   pgb 45,00 and 37,50
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tarief.h"
#include "unit/testhulp.h"

#define CAO_MAP "tests/data/hand-cao"
#define REGIO "tests/data/hand-ort-pgb"

static const tarief_afleiding *product(const tarief_regio *r, const tarief_afleiding *a, const char *code)
{
    for (size_t i = 0; i < r->n_producten; i++)
        if (strcmp(a[i].product->code, code) == 0)
            return &a[i];
    fail_msg("product %s niet gevonden", code);
    return NULL;
}

static const tarief_functie_afleiding *functie(const tarief_afleiding *a, const char *naam)
{
    for (size_t i = 0; i < a->n_functies; i++)
        if (strcmp(a->functies[i].functie->naam, naam) == 0)
            return &a->functies[i];
    fail_msg("functie %s niet in %s", naam, a->product->code);
    return NULL;
}

static void test_ort_per_functie(void **state)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    const tarief_regio *r = laad(ctx, REGIO, CAO_MAP, NULL);
    const tarief_afleiding *a = tarief_bereken(ctx, r, NULL);

    const tarief_afleiding *dag = product(r, a, "DAG");
    const tarief_functie_afleiding *m = functie(dag, "MBO"), *h = functie(dag, "HBO");
    assert_int_equal(m->ort.herkomst, TARIEF_HERKOMST_FUNCTIEMIX);
    assert_cents(m->ort.waarde, 0);
    assert_non_null(m->ort.param);
    assert_true(eindigt_op(m->ort.param->bron.file, "hand-ort-pgb/functiemix.csv"));
    assert_int_equal(m->ort.param->bron.line, 2);
    assert_cents(m->ort_bedrag, 0);
    assert_cents(m->bruto_loonsom, 3540000);
    assert_binnen(m->kosten_per_uur, 44250.0 / 1800, 1e-9);
    assert_int_equal(h->ort.herkomst, TARIEF_HERKOMST_REGIO);
    assert_cents(h->ort_bedrag, 180000);
    assert_cents(h->kosten_per_uur, 3075);
    assert_binnen(dag->ongerond, 34.583333333333, 1e-9);
    assert_cents(dag->tarief, 3458);
    /* the record's resolved input is the one the step table reads */
    assert_ptr_equal(tarief_afleiding_invoer(dag, m, TARIEF_P_ORT), &m->ort);

    const tarief_afleiding *nacht = product(r, a, "NACHT");
    m = functie(nacht, "MBO");
    h = functie(nacht, "HBO");
    assert_int_equal(m->ort.herkomst, TARIEF_HERKOMST_FUNCTIEMIX); /* 20 % beats the product's 10 % */
    assert_cents(m->ort_bedrag, 600000);
    assert_cents(m->kosten_per_uur, 2875);
    assert_int_equal(m->ort.param->bron.line, 4);
    assert_int_equal(h->ort.herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_cents(h->ort_bedrag, 360000);
    assert_cents(h->kosten_per_uur, 3200);
    assert_binnen(nacht->gemengde_kosten, 30.375, 1e-9);
    assert_binnen(nacht->ongerond, 37.96875, 1e-9);
    assert_cents(nacht->tarief, 3797);

    const tarief_afleiding *zzp = product(r, a, "ZZP");
    assert_true(zzp->functies[0].per_uur);
    assert_cents(zzp->tarief, 5000);
}

static void test_pgb(void **state)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    const tarief_regio *r = laad(ctx, REGIO, CAO_MAP, NULL);
    const tarief_afleiding *a = tarief_bereken(ctx, r, NULL);
    const tarief_afleiding *dag = product(r, a, "DAG"), *nacht = product(r, a, "NACHT"),
                           *zzp = product(r, a, "ZZP");
    assert_true(tarief_afleiding_pgb(dag, TARIEF_P_PGB_PROFESSIONEEL));
    assert_true(tarief_afleiding_pgb(dag, TARIEF_P_PGB_INFORMEEL));
    assert_cents(dag->pgb_professioneel_tarief, 3112);
    assert_cents(dag->pgb_informeel_tarief, 2594); /* 25,935: half away from zero */
    assert_int_equal(nacht->pgb_professioneel.herkomst, TARIEF_HERKOMST_REGIO);
    assert_int_equal(nacht->pgb_informeel.herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_cents(nacht->pgb_professioneel_tarief, 3417);
    assert_cents(nacht->pgb_informeel_tarief, 2278);
    assert_cents(zzp->pgb_professioneel_tarief, 4500);
    assert_cents(zzp->pgb_informeel_tarief, 3750);
    assert_ptr_equal(tarief_afleiding_invoer(nacht, NULL, TARIEF_P_PGB_INFORMEEL), &nacht->pgb_informeel);
    /* the pgb tariff is rounded to whole cents */
    assert_true(fabs(dag->pgb_informeel_tarief * 100 - llround(dag->pgb_informeel_tarief * 100)) < 1e-9);
}

/* A region without pgb has none (and its CSV keeps its columns). */
static void test_zonder_pgb(void **state)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    const tarief_regio *r = laad(ctx, "tests/data/hand-basis", CAO_MAP, NULL);
    const tarief_afleiding *a = tarief_bereken(ctx, r, NULL);
    for (size_t i = 0; i < r->n_producten; i++) {
        assert_false(tarief_afleiding_pgb(&a[i], TARIEF_P_PGB_PROFESSIONEEL));
        assert_false(tarief_afleiding_pgb(&a[i], TARIEF_P_PGB_INFORMEEL));
        for (size_t k = 0; k < a[i].n_functies; k++)
            assert_int_not_equal(a[i].functies[k].ort.herkomst, TARIEF_HERKOMST_FUNCTIEMIX);
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_int_equal(tarief_csv_write(m, a, r->n_producten), 0);
    fclose(m);
    assert_null(strstr(buf, "pgb_"));
    assert_null(strstr(buf, "ort_per_functie"));
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_ort_per_functie, ctx_opruimen),
        cmocka_unit_test_teardown(test_pgb, ctx_opruimen),
        cmocka_unit_test_teardown(test_zonder_pgb, ctx_opruimen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
