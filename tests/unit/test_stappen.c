/*
 * test_stappen.c - the step table (src/stappen.c): every step of
 * rekenmethode §3 is described once, complete, and uitleg and the workbooks
 * take label, formula and inputs from it.
 *
 * Fixture: tests/data/hand-basis with tests/data/hand-cao (product UUR:
 * tarief € 42,53 by hand in tests/golden/uitleg-hand-basis-UUR.txt).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "tarief.h"
#include "testhulp.h"
#include "../../src/stappen.h"

/* Resolves every item to "[n]" (n its AF_* number) or "[n:]" for a range. */
static const char *naam_ref(void *data, int item, bool bereik)
{
    char *buf = data;
    snprintf(buf, 16, bereik ? "[%d:]" : "[%d]", item);
    return buf;
}

static void test_elke_stap_compleet(void **state)
{
    (void)state;
    bool gezien[18] = {false};
    int vorige = 0;
    for (int k = AF_AANDEEL; k < AF_ALLE; k++) {
        const st_item *it = st_get(k);
        assert_non_null(it);
        assert_non_null(it->label);
        assert_true(strlen(it->label) > 0);
        if (it->nummer == 0)
            continue;
        /* numbered steps in order of the method, each with a formula */
        assert_true(it->nummer >= vorige && it->nummer <= 17);
        vorige = it->nummer;
        gezien[it->nummer] = true;
        assert_non_null(st_formule_tekst(k, 0));
        assert_non_null(it->symbool ? it->symbool : it->label);
    }
    for (int n = 1; n <= 17; n++)
        assert_true(gezien[n]);
    assert_null(st_get(AF_RIJ1));
    assert_non_null(st_get(AF_COUNT)); /* the pgb items follow the derivation */
    assert_null(st_get(AF_ALLE));
}

static void test_invoer_verwijst_naar_eerder_item(void **state)
{
    (void)state;
    for (int k = AF_AANDEEL; k < AF_ALLE; k++) {
        const st_item *it = st_get(k);
        if (it->excel == NULL) {
            assert_int_equal(it->n_invoer, 0);
            continue;
        }
        assert_true(it->n_invoer >= 1 && it->n_invoer <= ST_MAX_INVOER);
        for (int j = 0; j < it->n_invoer; j++) {
            /* an item of the record that comes before it: no step uses a later one */
            assert_non_null(st_get(it->invoer[j]));
            assert_true(it->invoer[j] < k);
        }
        /* every $n of the formula names an input, every input is used */
        char buf[2048], ref[16];
        assert_non_null(st_formule(buf, sizeof buf, k, naam_ref, ref));
        for (int j = 0; j < it->n_invoer; j++) {
            char a[16], b[16];
            snprintf(a, sizeof a, "[%d]", it->invoer[j]);
            snprintf(b, sizeof b, "[%d:]", it->invoer[j]);
            assert_true(strstr(buf, a) != NULL || strstr(buf, b) != NULL);
        }
        assert_null(strchr(buf, '$'));
    }
}

static void test_formule_met_de_hand(void **state)
{
    (void)state;
    char buf[512], ref[16];
    /* step 12, E2 = E1 × (1 / productiviteit − 1) */
    assert_string_equal(st_formule(buf, sizeof buf, AF_E2, naam_ref, ref), "=[25]*(1/[24]-1)");
    assert_int_equal(AF_E1, 25);
    assert_int_equal(AF_PRODUCTIVITEIT, 24);
    /* step 9 over the range of the weighted terms */
    assert_string_equal(st_formule(buf, sizeof buf, AF_C, naam_ref, ref), "=SUM([18:])");
    /* step 14, E4 by overhead_grondslag */
    assert_string_equal(st_formule(buf, sizeof buf, AF_E4, naam_ref, ref),
                        "=IF([33]=\"opslag\",[31]*[32],IF([33]=\"aandeel\",[31]*[32]/(1-[32]),NA()))");
    /* too small a buffer: NULL and empty, never a truncated formula */
    assert_null(st_formule(buf, 8, AF_K, naam_ref, ref));
    assert_string_equal(buf, "");
    /* pgb: a share of the tariff, to the cent */
    assert_string_equal(st_formule(buf, sizeof buf, AF_PGB_PROF, naam_ref, ref), "=ROUND([44]*[46],2)");
    assert_int_equal(AF_TARIEF, 44);
    assert_int_equal(AF_PGB_PROF_PCT, 46);
    /* an input has no formula */
    assert_null(st_formule(buf, sizeof buf, AF_SALARIS, naam_ref, ref));
}

static void test_koppen_uit_dezelfde_tekst(void **state)
{
    (void)state;
    char k[256];
    assert_string_equal(st_kop(AF_P, ST_KOP_EEN_REGEL, k, sizeof k), "14 personele basis P");
    assert_string_equal(st_kop(AF_P, ST_KOP_TWEE_REGELS, k, sizeof k), "14 personele basis\nP = E1 + E2 + E3 + E5");
    assert_string_equal(st_kop(AF_ORT, ST_KOP_EEN_REGEL, k, sizeof k), "4 onregelmatigheidstoeslag ORT");
    assert_string_equal(st_kop(AF_E1, ST_KOP_EEN_REGEL, k, sizeof k), "11 E1 kosten beroepskracht");
    assert_string_equal(st_kop(AF_TARIEF, ST_KOP_EEN_REGEL, k, sizeof k), "17 tarief");
    assert_string_equal(st_kop(AF_SALARIS, ST_KOP_EEN_REGEL, k, sizeof k), "maandsalaris (S)");
    /* every header holds the label; the two-line one the formula too */
    for (int i = AF_AANDEEL; i < AF_ALLE; i++) {
        const st_item *it = st_get(i);
        assert_non_null(strstr(st_kop(i, ST_KOP_EEN_REGEL, k, sizeof k), it->label));
        st_kop(i, ST_KOP_TWEE_REGELS, k, sizeof k);
        assert_non_null(strstr(k, it->label));
        if (it->formule)
            assert_non_null(strstr(k, it->formule));
    }
}

/* uitleg of UUR: every step line is a step of the table, with its label,
 * formula and element */
static void test_uitleg_uit_de_tabel(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    tarief_load_options o = {.cao_map = "tests/data/hand-cao"};
    const tarief_regio *r = tarief_load_regio(ctx, "tests/data/hand-basis", &o);
    assert_non_null(r);
    const tarief_afleiding *a = tarief_bereken(ctx, r, NULL);
    const tarief_afleiding *uur = NULL;
    for (size_t i = 0; i < r->n_producten; i++)
        if (strcmp(a[i].product->code, "UUR") == 0)
            uur = &a[i];
    assert_non_null(uur);
    assert_cents(uur->tarief, 4253);
    assert_cents(st_waarde(uur, NULL, AF_TARIEF), 4253);

    /* the resolved inputs by parameter id: the record's own */
    assert_ptr_equal(tarief_afleiding_invoer(uur, NULL, TARIEF_P_OVERHEAD), &uur->overhead);
    assert_ptr_equal(tarief_afleiding_invoer(uur, &uur->functies[1], TARIEF_P_ORT), &uur->functies[1].ort);
    assert_ptr_equal(tarief_afleiding_invoer(uur, NULL, TARIEF_P_VERZUIM),
                     &uur->componenten[TARIEF_P_VERZUIM - TARIEF_P_COMPONENT_FIRST]);
    assert_null(tarief_afleiding_invoer(uur, NULL, TARIEF_P_ORT));
    assert_null(tarief_afleiding_invoer(uur, NULL, TARIEF_P_INDEXATIE_LOONDEEL));

    size_t n;
    const tarief_stap *st = tarief_uitleg_stappen(ctx, r, uur, &n);
    int gevonden = 0;
    for (size_t i = 0; i < n; i++) {
        for (int k = AF_AANDEEL; k < AF_COUNT; k++) {
            const st_item *it = st_get(k);
            if (it->nummer != st[i].nummer || strcmp(st_formule_tekst(k, it->variant_param >= 0 ? 0 : -1),
                                                     st[i].formule) != 0)
                continue;
            char lb[160];
            assert_string_equal(st[i].label, st_label(k, 0, lb, sizeof lb));
            assert_int_equal((int)st[i].element, it->element);
            /* the value uitleg shows is the record's value */
            const tarief_functie_afleiding *fa = NULL;
            if (it->per_functie)
                for (size_t j = 0; j < uur->n_functies; j++)
                    if (strcmp(uur->functies[j].functie->naam, st[i].functie) == 0)
                        fa = &uur->functies[j];
            assert_binnen(st[i].waarde, st_waarde(uur, fa, k), 1e-9);
            gevonden++;
        }
    }
    /* 2 functies × steps 1-8, then C, I, E1, E2, E3, E5, P, E4, E6, E7, K, R,
     * E8, T, tarief, afrondingsverschil */
    assert_int_equal(gevonden, 2 * 8 + 16);
    tarief_ctx_free(ctx);
}

static void test_element_en_parameter(void **state)
{
    (void)state;
    for (int e = 0; e < TARIEF_E_COUNT; e++) {
        int k = st_element_item((tarief_element)e);
        assert_true(k >= AF_AANDEEL);
        assert_int_equal(st_get(k)->element, e);
    }
    assert_int_equal(st_element_item(TARIEF_E_OVERHEAD), AF_E4);
    assert_int_equal(st_get(AF_GRONDSLAG)->param, TARIEF_P_OVERHEAD_GRONDSLAG);
    assert_int_equal(st_get(AF_VT_PCT)->param, TARIEF_P_VAKANTIETOESLAG);
    for (int k = 0; k < ST_N_PRODUCT_PARAMS; k++)
        assert_true(st_get(st_product_params[k])->param >= 0 && !st_get(st_product_params[k])->per_functie);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_elke_stap_compleet),
        cmocka_unit_test(test_invoer_verwijst_naar_eerder_item),
        cmocka_unit_test(test_formule_met_de_hand),
        cmocka_unit_test(test_koppen_uit_dezelfde_tekst),
        cmocka_unit_test(test_uitleg_uit_de_tabel),
        cmocka_unit_test(test_element_en_parameter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
