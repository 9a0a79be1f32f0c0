/*
 * test_oorzaken.c - vergelijk --oorzaken: the contribution of each cause to
 * each element, worked out by hand (python3 only as a calculator) on
 * tests/data/oorz-regio with the aanbieder map tests/data/oorz-aanbieder.
 *
 * cao hand-a: jaaruren 1800, VT 8 %, EJU 10 %, werkgeverslasten 25 %;
 * MBO 7/1 S = 2.500, HBO FG 45/u1 S = 3.000. Region: productiviteit 80 %,
 * overhead 20 % (opslag), nothing else. Aanbieder: werkgeverslasten 30 %,
 * productiviteit 75 %, overhead 25 %; MIX: MBO 40 %, HBO 60 % (was 50/50).
 *
 * C_f (werkgeverslasten 25 %): HBO 36.000 × 1,18 × 1,25 / 1800 = 29,5;
 *                              MBO 30.000 × 1,18 × 1,25 / 1800 = 24,583333
 * C_f (30 %):                  HBO 30,68;  MBO 25,566667
 *
 * Order of the causes (group order): werkgeverslasten (2 cao-parameters),
 * functiemix (4), productiviteit (6), overhead (7). M(x) = round(x × 10^6).
 *
 * UUR (HBO 100 %), states:          E1         E2          E4          T → tarief
 *   regio                        29,5       7,375       7,375       44,25  → 44,25
 *   + werkgeverslasten 30 %      30,68      7,67        7,67        46,02  → 46,02
 *   + productiviteit 75 %        30,68     10,226667    8,181333    49,088 → 49,09
 *   + overhead 25 % (aanbieder)  30,68     10,226667   10,226667    51,133333 → 51,13
 *   E1: werkgeverslasten +1,180000
 *   E2: werkgeverslasten +0,295000, productiviteit +2,556667   (sum 2,851667)
 *   E4: werkgeverslasten +0,295000, productiviteit +0,511333,
 *       overhead +2,045334 (10226667 − 8181333)               (sum 2,851667)
 *   afrondingsverschil: productiviteit +0,002000, overhead −0,005333
 *   tarief: +1,77, +3,07, +2,04 = 6,88 = 51,13 − 44,25
 * MIX (MBO/HBO 50/50 → 40/60):
 *   regio C = 27,041667, T = 40,5625 → 40,56
 *   + werkgeverslasten: C = 28,123333, T = 42,185 → 42,19
 *   + functiemix:       C = 0,4 × 25,566667 + 0,6 × 30,68 = 28,634667, T = 42,952 → 42,95
 *   + productiviteit:   T = 45,815467 → 45,82
 *   + overhead:         T = 47,724444 → 47,72
 *   tarief: +1,63, +0,76, +2,87, +1,90 = 7,16
 *   E1: werkgeverslasten +1,081666 (28123333 − 27041667), functiemix +0,511334
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
#include "tarief/vergelijk.h"
#include "unit/testhulp.h"

#define CAO_MAP "tests/data/hand-cao"

typedef struct fx {
    tarief_ctx *ctx;
    const tarief_vergelijking *v;
} fx;

static const tarief_vergelijking *vergelijk(tarief_ctx *ctx, const char *aanbieder)
{
    const tarief_regio *r = laad(ctx, "tests/data/oorz-regio", CAO_MAP, NULL);
    const tarief_regio *a = laad(ctx, "tests/data/oorz-regio", CAO_MAP, aanbieder);
    return tarief_vergelijk(ctx, r, a);
}

static const tarief_vergelijk_product *product(const tarief_vergelijking *v, const char *code)
{
    for (size_t i = 0; i < v->n_producten; i++)
        if (strcmp(v->producten[i].regio->product->code, code) == 0)
            return &v->producten[i];
    fail_msg("product %s niet gevonden", code);
    return NULL;
}

/* The contribution of the cause whose text starts with begin. */
static const tarief_bijdrage *oorzaak(const tarief_vergelijk_product *vp, const char *begin)
{
    for (size_t i = 0; i < vp->n_bijdragen; i++)
        if (strncmp(vp->bijdragen[i].oorzaak.tekst, begin, strlen(begin)) == 0)
            return &vp->bijdragen[i];
    fail_msg("oorzaak '%s' niet gevonden", begin);
    return NULL;
}

/* The contributions of every element and of the tariff add up exactly. */
static void assert_sluit(const tarief_vergelijk_product *vp)
{
    for (int e = 0; e < TARIEF_E_COUNT; e++) {
        long long som = 0;
        for (size_t i = 0; i < vp->n_bijdragen; i++)
            som += vp->bijdragen[i].micro[e];
        assert_int_equal(som, vp->verschil_micro[e]);
        assert_int_equal(vp->verschil_micro[e],
                         llround(vp->aanbieder->element[e] * 1e6) - llround(vp->regio->element[e] * 1e6));
    }
    long long som = 0;
    for (size_t i = 0; i < vp->n_bijdragen; i++)
        som += vp->bijdragen[i].cent;
    assert_int_equal(som, vp->verschil_cent);
}

static void test_uur_met_de_hand(void **state)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    const tarief_vergelijking *v = vergelijk(ctx, "tests/data/oorz-aanbieder");
    const tarief_vergelijk_product *vp = product(v, "UUR");
    assert_cents(vp->regio->tarief, 4425);
    assert_cents(vp->aanbieder->tarief, 5113);
    assert_int_equal(vp->n_bijdragen, 3); /* no rest */
    /* fixed order: group 2, 6, 7 */
    assert_string_equal(vp->bijdragen[0].oorzaak.tekst, "werkgeverslasten 30 % i.p.v. 25 %");
    assert_string_equal(vp->bijdragen[1].oorzaak.tekst, "productiviteit 75 % i.p.v. 80 %");
    assert_string_equal(vp->bijdragen[2].oorzaak.tekst, "overhead 25 % i.p.v. 20 %");
    assert_true(eindigt_op(vp->bijdragen[2].oorzaak.volledig, "oorz-aanbieder/uitgangspunten.csv:3)"));
    const tarief_bijdrage *w = &vp->bijdragen[0], *p = &vp->bijdragen[1], *o = &vp->bijdragen[2];
    assert_int_equal(w->micro[TARIEF_E_KOSTEN_BEROEPSKRACHT], 1180000);
    assert_int_equal(p->micro[TARIEF_E_KOSTEN_BEROEPSKRACHT], 0);
    assert_int_equal(w->micro[TARIEF_E_NIET_PRODUCTIEVE_UREN], 295000);
    assert_int_equal(p->micro[TARIEF_E_NIET_PRODUCTIEVE_UREN], 2556667);
    assert_int_equal(o->micro[TARIEF_E_NIET_PRODUCTIEVE_UREN], 0);
    assert_int_equal(w->micro[TARIEF_E_OVERHEAD], 295000);
    assert_int_equal(p->micro[TARIEF_E_OVERHEAD], 511333);
    assert_int_equal(o->micro[TARIEF_E_OVERHEAD], 2045334);
    assert_int_equal(w->micro[TARIEF_E_AFRONDINGSVERSCHIL], 0);
    assert_int_equal(p->micro[TARIEF_E_AFRONDINGSVERSCHIL], 2000);
    assert_int_equal(o->micro[TARIEF_E_AFRONDINGSVERSCHIL], -5333);
    assert_int_equal(w->cent, 177);
    assert_int_equal(p->cent, 307);
    assert_int_equal(o->cent, 204);
    assert_int_equal(vp->verschil_cent, 688);
    assert_int_equal(vp->verschil_micro[TARIEF_E_OVERHEAD], 2851667);
    assert_sluit(vp);
}

static void test_mix_met_de_hand(void **state)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    const tarief_vergelijking *v = vergelijk(ctx, "tests/data/oorz-aanbieder");
    const tarief_vergelijk_product *vp = product(v, "MIX");
    assert_cents(vp->regio->tarief, 4056);
    assert_cents(vp->aanbieder->tarief, 4772);
    assert_int_equal(vp->n_bijdragen, 4);
    /* the functiemix is one cause, its functies by name */
    const tarief_bijdrage *m = oorzaak(vp, "functiemix ");
    assert_string_equal(m->oorzaak.tekst, "functiemix HBO 60 % i.p.v. 50 %, MBO 40 % i.p.v. 50 %");
    assert_ptr_equal(m, &vp->bijdragen[1]);
    assert_int_equal(vp->bijdragen[0].cent, 163);
    assert_int_equal(m->cent, 76);
    assert_int_equal(oorzaak(vp, "productiviteit")->cent, 287);
    assert_int_equal(oorzaak(vp, "overhead")->cent, 190);
    assert_int_equal(vp->bijdragen[0].micro[TARIEF_E_KOSTEN_BEROEPSKRACHT], 1081666);
    assert_int_equal(m->micro[TARIEF_E_KOSTEN_BEROEPSKRACHT], 511334);
    assert_sluit(vp);
}

/* The same inputs in another file order give the same causes in the same
 * order with the same contributions. */
static void test_onafhankelijk_van_bestandsvolgorde(void **state)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    const tarief_vergelijking *v = vergelijk(ctx, "tests/data/oorz-aanbieder");
    const tarief_vergelijking *w = vergelijk(ctx, "tests/data/oorz-aanbieder-omgekeerd");
    assert_int_equal(v->n_producten, w->n_producten);
    for (size_t i = 0; i < v->n_producten; i++) {
        const tarief_vergelijk_product *a = &v->producten[i], *b = &w->producten[i];
        assert_int_equal(a->n_bijdragen, b->n_bijdragen);
        for (size_t k = 0; k < a->n_bijdragen; k++) {
            assert_string_equal(a->bijdragen[k].oorzaak.tekst, b->bijdragen[k].oorzaak.tekst);
            assert_int_equal(a->bijdragen[k].cent, b->bijdragen[k].cent);
            for (int e = 0; e < TARIEF_E_COUNT; e++)
                assert_int_equal(a->bijdragen[k].micro[e], b->bijdragen[k].micro[e]);
        }
    }
}

/* Every product of the example region against examples/aanbieder-voorbeeld:
 * the contributions add up exactly, and only a cause named for it moves an
 * element. */
static void test_voorbeeld_sluit(void **state)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    const tarief_regio *r = laad(ctx, "productkaarten/voorbeeldregio", "data/cao", NULL);
    const tarief_regio *a = laad(ctx, "productkaarten/voorbeeldregio", "data/cao", "examples/aanbieder-voorbeeld");
    const tarief_vergelijking *v = tarief_vergelijk(ctx, r, a);
    size_t met = 0;
    for (size_t i = 0; i < v->n_producten; i++) {
        const tarief_vergelijk_product *vp = &v->producten[i];
        assert_sluit(vp);
        if (vp->afwijkend)
            met++;
        for (size_t k = 0; k < vp->n_bijdragen; k++)
            assert_false(vp->bijdragen[k].rest && llabs(vp->bijdragen[k].cent) > 0);
    }
    assert_true(met > 0);
}

/* A product equal on both sides has no contributions. */
static void test_gelijk_geen_bijdragen(void **state)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    const tarief_regio *r = laad(ctx, "tests/data/oorz-regio", CAO_MAP, NULL);
    const tarief_vergelijking *v = tarief_vergelijk(ctx, r, r);
    for (size_t i = 0; i < v->n_producten; i++) {
        assert_int_equal(v->producten[i].n_bijdragen, 0);
        assert_int_equal(v->producten[i].verschil_cent, 0);
    }
}

static void test_csv(void **state)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    const tarief_vergelijking *v = vergelijk(ctx, "tests/data/oorz-aanbieder");
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_int_equal(tarief_vergelijk_oorzaken_csv_write(m, v), 0);
    fclose(m);
    assert_true(strncmp(buf, "code;element;oorzaak;bijdrage\n", 30) == 0);
    assert_non_null(strstr(buf, "\nUUR;overhead;overhead 25 % i.p.v. 20 % (tests/data/oorz-aanbieder/uitgangspunten.csv:3);2,045334\n"));
    assert_non_null(strstr(buf, "\nUUR;afrondingsverschil;overhead 25 % i.p.v. 20 % (tests/data/oorz-aanbieder/uitgangspunten.csv:3);-0,005333\n"));
    assert_non_null(strstr(buf, "\nMIX;tarief;functiemix HBO 60 % i.p.v. 50 %, MBO 40 % i.p.v. 50 % (tests/data/oorz-aanbieder/functiemix.csv:2);0,76\n"));
    /* a zero contribution is not written */
    assert_null(strstr(buf, "UUR;kosten_beroepskracht;productiviteit"));
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_uur_met_de_hand, ctx_opruimen),
        cmocka_unit_test_teardown(test_mix_met_de_hand, ctx_opruimen),
        cmocka_unit_test_teardown(test_onafhankelijk_van_bestandsvolgorde, ctx_opruimen),
        cmocka_unit_test_teardown(test_voorbeeld_sluit, ctx_opruimen),
        cmocka_unit_test_teardown(test_gelijk_geen_bijdragen, ctx_opruimen),
        cmocka_unit_test_teardown(test_csv, ctx_opruimen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
