/*
 * test_verschil.c - `verschil`: the change of a tariff between two versions
 * of a region, split into contributions that add up exactly.
 *
 * Every expected value is worked out by hand below (python3 used only as a
 * calculator). Money is compared as integer cents.
 *
 * Fixtures (tests/data):
 *   vgl-cao/vgl-2024  jaaruren 1800, VT 8 %, EJU 8 %, WGL 25 %;
 *                     7/1 = 3.000,00, 9/1 = 3.750,00, 9/2 = 3.900,00
 *   vgl-cao/vgl-2025  the same + 4 %: 7/1 = 3.120,00, 9/1 = 3.900,00,
 *                     9/2 = 4.056,00
 *   vsch-oud          cao vgl-2024, productiviteit 80 %, overhead 20 %,
 *                     indexatie 2 %; AMB (uur, 1 uur, HBO 9/1 100 %),
 *                     GRP (dagdeel, 4 uur, 2 begeleiders, groep 8, MBO 100 %,
 *                     huisvesting 10,00), OUD (uur, 1 uur, MBO 100 %)
 *   vsch-nieuw        three groups change: the salary table (cao vgl-2025),
 *                     overhead 22 %, indexatie 3 %; OUD gone, NIEUW added
 *   vsch-trede        only the table (vgl-2025) and HBO's trede (9/2)
 *
 * Cost per paid hour: C_f = S x 12 x 1,16 x 1,25 / 1800 = S x 17,4 / 1800.
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
#include "tarief/vergelijk.h"

#define CAO_MAP "tests/data/vgl-cao"


static const tarief_regio *regio(tarief_ctx *ctx, const char *dir)
{
    return laad(ctx, dir, CAO_MAP, NULL);
}

static const tarief_verschil_product *product(const tarief_verschillen *d, const char *code)
{
    for (size_t i = 0; i < d->n_producten; i++)
        if (strcmp(d->producten[i].nieuw->product->code, code) == 0)
            return &d->producten[i];
    fail_msg("product %s ontbreekt", code);
    return NULL;
}

/* The contributions, in cents, must be exactly these and add up. */
static void check_bijdragen(const tarief_verschil_product *p, const long long verwacht[TARIEF_G_COUNT])
{
    long long som = 0;
    for (int g = 0; g < TARIEF_G_COUNT; g++) {
        if (p->bijdrage_cent[g] != verwacht[g])
            print_error("groep %d (%s): %lld, verwacht %lld\n", g + 1, tarief_groep_info_get(g)->label,
                        p->bijdrage_cent[g], verwacht[g]);
        assert_int_equal(p->bijdrage_cent[g], verwacht[g]);
        som += p->bijdrage_cent[g];
    }
    assert_int_equal(som, p->verschil_cent);
    assert_int_equal(p->verschil_cent, p->nieuw_cent - p->oud_cent);
    /* the percentage in the record, for table and CSV alike */
    assert_int_equal(p->pct_bekend, p->oud_cent != 0);
    if (p->pct_bekend)
        assert_binnen(p->verschil_pct * (double)p->oud_cent, (double)p->verschil_cent * 100, 1e-6);
    assert_int_equal(p->onverklaard_cent, 0);
    /* telescoping: each step's tariff is the previous one plus its contribution */
    long long t = p->oud_cent;
    for (int g = 0; g < TARIEF_G_COUNT; g++) {
        t += p->bijdrage_cent[g];
        assert_int_equal(llround(p->stap[g]->tarief * 100), t);
    }
    assert_int_equal(t, p->nieuw_cent);
}

/*
 * AMB (HBO 100 %, I = 1, no reis/gemeentelijk, risico 0):
 *   oud:  C = 3.750 x 17,4 / 1800 = 36,25;  E2 = 36,25 x 0,25 = 9,0625
 *         P = 45,3125;  E4 = 20 % = 9,0625;  K = 54,375
 *         E8 = 54,375 x 2 % = 1,0875;  T = 55,4625 -> 55,46
 *   after 1 (cao-salaristabellen, 3.900 at the same 9/1):
 *         C = 3.900 x 17,4 / 1800 = 37,7;  E2 = 9,425;  P = 47,125
 *         E4 = 9,425;  K = 56,55;  E8 = 1,131;  T = 57,681 -> 57,68   (+2,22)
 *   after 2-6: nothing of these groups changed                          (0)
 *   after 7 (overhead 22 %): E4 = 47,125 x 0,22 = 10,3675;  K = 57,4925
 *         E8 = 1,14985;  T = 58,64235 -> 58,64                          (+0,96)
 *   after 8: nothing                                                    (0)
 *   after 9 (indexatie 3 %): E8 = 57,4925 x 0,03 = 1,724775
 *         T = 59,217275 -> 59,22                                        (+0,58)
 *   after 10: nothing; the new tariff is 59,22.
 *   2,22 + 0,96 + 0,58 = 3,76 = 59,22 - 55,46.
 */
static void verschil_amb(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_verschillen *d =
        tarief_verschil_bereken(ctx, regio(ctx, "tests/data/vsch-oud"), regio(ctx, "tests/data/vsch-nieuw"));
    const tarief_verschil_product *p = product(d, "AMB");
    assert_int_equal(p->oud_cent, 5546);
    assert_int_equal(p->nieuw_cent, 5922);
    assert_int_equal(p->verschil_cent, 376);
    static const long long verwacht[TARIEF_G_COUNT] = {222, 0, 0, 0, 0, 0, 96, 0, 58, 0};
    check_bijdragen(p, verwacht);
    assert_cents(p->stap[TARIEF_G_CAO_SALARIS]->tarief, 5768);
    assert_cents(p->stap[TARIEF_G_OPSLAGEN]->tarief, 5864);

    /* the causes, one per changed input, in group order */
    assert_int_equal(p->n_oorzaken, 3);
    assert_int_equal(p->oorzaken[0].groep, TARIEF_G_CAO_SALARIS);
    assert_string_equal(p->oorzaken[0].tekst,
                        "maandsalaris HBO (schaal 9 trede 1) € 3.900,00 (cao vgl-2025) i.p.v. € 3.750,00 (cao vgl-2024)");
    assert_string_equal(p->oorzaken[0].bron.file, "tests/data/vgl-cao/vgl-2025/salarisschalen.csv");
    assert_int_equal(p->oorzaken[0].bron.line, 3);
    assert_int_equal(p->oorzaken[1].groep, TARIEF_G_OPSLAGEN);
    assert_string_equal(p->oorzaken[1].volledig, "overhead 22 % i.p.v. 20 % (tests/data/vsch-nieuw/uitgangspunten.csv:6)");
    assert_int_equal(p->oorzaken[2].groep, TARIEF_G_INDEXATIE);
    assert_string_equal(p->oorzaken[2].volledig, "indexatie 3 % i.p.v. 2 % (tests/data/vsch-nieuw/uitgangspunten.csv:7)");
    tarief_ctx_free(ctx);
}

/*
 * GRP (MBO 100 %, I = 4 x 2 / 8 = 1, huisvesting 10):
 *   oud:  C = 29;  E2 = 7,25;  P = 36,25;  E4 = 7,25;  K = 53,5
 *         E8 = 1,07;  T = 54,57 -> 54,57
 *   after 1: C = 3.120 x 17,4 / 1800 = 30,16;  E2 = 7,54;  P = 37,7
 *         E4 = 7,54;  K = 55,24;  E8 = 1,1048;  T = 56,3448 -> 56,34    (+1,77)
 *   after 7: E4 = 37,7 x 0,22 = 8,294;  K = 55,994;  E8 = 1,11988
 *         T = 57,11388 -> 57,11                                         (+0,77)
 *   after 9: E8 = 55,994 x 0,03 = 1,67982;  T = 57,67382 -> 57,67       (+0,56)
 *   1,77 + 0,77 + 0,56 = 3,10 = 57,67 - 54,57.
 * Added: NIEUW (HBO 100 %, like AMB new) 59,22. Removed: OUD (MBO 100 %):
 *   E1 = 29;  E2 = 7,25;  P = 36,25;  E4 = 7,25;  K = 43,5;  E8 = 0,87;
 *   T = 44,37.
 */
static void verschil_grp_en_lijsten(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_verschillen *d =
        tarief_verschil_bereken(ctx, regio(ctx, "tests/data/vsch-oud"), regio(ctx, "tests/data/vsch-nieuw"));
    assert_int_equal(d->n_producten, 2);
    /* in the new version's order: AMB, GRP (NIEUW sits between them) */
    assert_string_equal(d->producten[0].nieuw->product->code, "AMB");
    assert_string_equal(d->producten[1].nieuw->product->code, "GRP");
    const tarief_verschil_product *p = product(d, "GRP");
    assert_int_equal(p->oud_cent, 5457);
    assert_int_equal(p->nieuw_cent, 5767);
    static const long long verwacht[TARIEF_G_COUNT] = {177, 0, 0, 0, 0, 0, 77, 0, 56, 0};
    check_bijdragen(p, verwacht);

    assert_int_equal(d->n_toegevoegd, 1);
    assert_string_equal(d->toegevoegd[0].product->code, "NIEUW");
    assert_cents(d->toegevoegd[0].tarief, 5922);
    assert_int_equal(d->n_vervallen, 1);
    assert_string_equal(d->vervallen[0].product->code, "OUD");
    assert_cents(d->vervallen[0].tarief, 4437);
    tarief_ctx_free(ctx);
}

/*
 * The salary table and an inschaling change together (vsch-trede): group 1
 * takes the new table at the OLD schaal and trede, group 3 the move to the
 * new trede.
 * AMB: oud 55,46 (above); after 1: 3.900 at 9/1 -> 57,68              (+2,22)
 *   after 3 (HBO 9/2 = 4.056): C = 4.056 x 17,4 / 1800 = 39,208
 *         E2 = 9,802;  P = 49,01;  E4 = 9,802;  K = 58,812
 *         E8 = 1,17624;  T = 59,98824 -> 59,99                          (+2,31)
 *   total 59,99 - 55,46 = 4,53.
 * GRP: only the table: 56,34 - 54,57 = 1,77, all in group 1.
 */
static void verschil_tabel_en_trede(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_verschillen *d =
        tarief_verschil_bereken(ctx, regio(ctx, "tests/data/vsch-oud"), regio(ctx, "tests/data/vsch-trede"));
    static const long long amb[TARIEF_G_COUNT] = {222, 0, 231, 0, 0, 0, 0, 0, 0, 0};
    check_bijdragen(product(d, "AMB"), amb);
    assert_int_equal(product(d, "AMB")->nieuw_cent, 5999);
    static const long long grp[TARIEF_G_COUNT] = {177, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    check_bijdragen(product(d, "GRP"), grp);

    const tarief_verschil_product *p = product(d, "AMB");
    assert_int_equal(p->n_oorzaken, 2);
    assert_int_equal(p->oorzaken[0].groep, TARIEF_G_CAO_SALARIS);
    assert_string_equal(p->oorzaken[0].tekst,
                        "maandsalaris HBO (schaal 9 trede 1) € 3.900,00 (cao vgl-2025) i.p.v. € 3.750,00 (cao vgl-2024)");
    assert_int_equal(p->oorzaken[1].groep, TARIEF_G_FUNCTIES);
    assert_string_equal(p->oorzaken[1].tekst,
                        "functie HBO: schaal 9 trede 2 (cao vgl-2025) i.p.v. schaal 9 trede 1 (cao vgl-2024)");
    assert_int_equal(p->oorzaken[1].bron.line, 3);
    tarief_ctx_free(ctx);
}

/*
 * indexatie;vng (vsch-vng-*: series 2024-2026 in ova-ppc.csv beside the
 * region). Old: tariefjaar 2024, table vgl-2024 (price level 2024): no year
 * to index, 0 %. New: tariefjaar 2026, table vgl-2025 (price level 2025):
 * the index of 2026 = 0,9 x 4 + 0,1 x 2 = 3,8 % plus the catch-up of 2025
 * (0,9 x 3,5 + 0,1 x 2,5) - (0,9 x 3 + 0,1 x 2) = 3,4 - 2,9 = 0,5 %: 4,3 %.
 * After group 1 the table (dated 2025) is newer than the old tariefjaar
 * (2024): computed there, the VNG index would be invalid, so until group 9
 * the old indexation applies as the percentage it came to (0 %).
 * AMB: oud K = 54,375 -> 54,38 (exactly half a cent, rounded up)
 *   after 1: K = 56,55 -> 56,55                                          (+2,17)
 *   after 9: 56,55 x 1,043 = 58,98165 -> 58,98                           (+2,43)
 */
static void verschil_vng(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_verschillen *d =
        tarief_verschil_bereken(ctx, regio(ctx, "tests/data/vsch-vng-oud"), regio(ctx, "tests/data/vsch-vng-nieuw"));
    const tarief_verschil_product *p = product(d, "AMB");
    assert_int_equal(p->oud_cent, 5438);
    assert_int_equal(p->nieuw_cent, 5898);
    assert_true(fabs(p->nieuw->indexatie.waarde - 0.043) < 1e-12);
    static const long long verwacht[TARIEF_G_COUNT] = {217, 0, 0, 0, 0, 0, 0, 0, 243, 0};
    check_bijdragen(p, verwacht);
    for (int g = 0; g < TARIEF_G_COUNT; g++)
        assert_true(isfinite(p->stap[g]->tarief));
    tarief_ctx_free(ctx);
}

/* Reversed: the same decomposition from new to old telescopes too (its
 * contributions differ, as the order documentation explains, but they add
 * up to minus the change). */
static void verschil_omgekeerd(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_verschillen *d =
        tarief_verschil_bereken(ctx, regio(ctx, "tests/data/vsch-nieuw"), regio(ctx, "tests/data/vsch-oud"));
    const tarief_verschil_product *p = product(d, "AMB");
    assert_int_equal(p->verschil_cent, -376);
    long long som = 0;
    for (int g = 0; g < TARIEF_G_COUNT; g++)
        som += p->bijdrage_cent[g];
    assert_int_equal(som, -376);
    assert_int_equal(p->onverklaard_cent, 0);
    assert_int_equal(d->n_toegevoegd, 1);
    assert_string_equal(d->toegevoegd[0].product->code, "OUD");
    tarief_ctx_free(ctx);
}

/* A version compared with itself: no change, no contribution, no cause. */
static void verschil_gelijk(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = regio(ctx, "tests/data/vsch-oud");
    const tarief_verschillen *d = tarief_verschil_bereken(ctx, r, r);
    assert_int_equal(d->n_producten, 3);
    assert_int_equal(d->n_toegevoegd + d->n_vervallen, 0);
    for (size_t i = 0; i < d->n_producten; i++) {
        static const long long nul[TARIEF_G_COUNT] = {0};
        check_bijdragen(&d->producten[i], nul);
        assert_int_equal(d->producten[i].n_oorzaken, 0);
    }
    tarief_ctx_free(ctx);
}

/* CSV: one row per product, the group columns sum to verschil. */
static void verschil_csv(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_verschillen *d =
        tarief_verschil_bereken(ctx, regio(ctx, "tests/data/vsch-oud"), regio(ctx, "tests/data/vsch-nieuw"));
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(tarief_verschil_csv_write(f, d), 0);
    fclose(f);
    assert_non_null(strstr(buf, "code;naam;eenheid;status;oud;nieuw;verschil;verschil_pct;cao_salaris;"
                                "cao_parameters;functies;functiemix;inzet;productiviteit;opslagen;"
                                "huisvesting_verzorging;indexatie;afronding;oorzaken\n"));
    assert_non_null(strstr(buf, "\nAMB;Ambulant per uur;uur;beide;55,46;59,22;3,76;6,78;2,22;0,00;0,00;0,00;"
                                "0,00;0,00;0,96;0,00;0,58;0,00;\"cao-salaristabellen: maandsalaris HBO"));
    assert_non_null(strstr(buf, "\nGRP;Groep per dagdeel;dagdeel;beide;54,57;57,67;3,10;5,68;1,77;"));
    assert_non_null(strstr(buf, "\nNIEUW;Nieuw product;uur;toegevoegd;;59,22;;;;;;;;;;;;;\n"));
    assert_non_null(strstr(buf, "\nOUD;Vervallen product;uur;vervallen;44,37;;;;;;;;;;;;;;\n"));
    free(buf);
    tarief_ctx_free(ctx);
}

/* Every parameter belongs to a group. */
static void groepen(void **state)
{
    (void)state;
    for (int id = 0; id < TARIEF_P_COUNT; id++) {
        tarief_groep g = tarief_param_groep((tarief_param_id)id);
        assert_true(g >= 0 && g < TARIEF_G_COUNT);
    }
    assert_int_equal(tarief_param_groep(TARIEF_P_ORT), TARIEF_G_CAO_PARAMETERS);
    assert_int_equal(tarief_param_groep(TARIEF_P_VERZUIM), TARIEF_G_PRODUCTIVITEIT);
    assert_int_equal(tarief_param_groep(TARIEF_P_OVERHEAD_GRONDSLAG), TARIEF_G_OPSLAGEN);
    assert_int_equal(tarief_param_groep(TARIEF_P_AFRONDING), TARIEF_G_AFRONDING);
    assert_string_equal(tarief_groep_info_get(TARIEF_G_CAO_SALARIS)->kolom, "cao_salaris");
}

/*
 * Without tussenstappen (the CLI without a workbook) the contributions and
 * causes are those of verschil_amb and verschil_grp_en_lijsten (checked by
 * hand there: AMB 222/96/58, GRP 177/77/56), no intermediate derivation is
 * kept, and tarief_verschil_stappen rebuilds them with the same tariffs
 * (AMB after 1: 57,68, after 7: 58,64).
 */
static void verschil_zonder_tussenstappen(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    tarief_verschil_options o = {.tussenstappen = false};
    const tarief_verschillen *d = tarief_verschil_bereken_opt(ctx, regio(ctx, "tests/data/vsch-oud"),
                                                              regio(ctx, "tests/data/vsch-nieuw"), &o);
    const tarief_verschil_product *p = product(d, "AMB");
    static const long long amb[TARIEF_G_COUNT] = {222, 0, 0, 0, 0, 0, 96, 0, 58, 0};
    static const long long grp[TARIEF_G_COUNT] = {177, 0, 0, 0, 0, 0, 77, 0, 56, 0};
    const tarief_verschil_product *q = product(d, "GRP");
    for (int g = 0; g < TARIEF_G_COUNT; g++) {
        assert_int_equal(p->bijdrage_cent[g], amb[g]);
        assert_int_equal(q->bijdrage_cent[g], grp[g]);
    }
    assert_int_equal(p->verschil_cent, 376);
    assert_int_equal(q->verschil_cent, 310);
    assert_int_equal(p->onverklaard_cent, 0);
    for (int g = 0; g < TARIEF_G_COUNT - 1; g++)
        assert_null(p->stap[g]);
    assert_ptr_equal(p->stap[TARIEF_G_COUNT - 1], p->nieuw);
    assert_int_equal(p->n_oorzaken, 3);
    assert_string_equal(p->oorzaken[1].volledig, "overhead 22 % i.p.v. 20 % (tests/data/vsch-nieuw/uitgangspunten.csv:6)");

    tarief_ctx *klad = tarief_ctx_new();
    const tarief_afleiding *stap[TARIEF_G_COUNT];
    tarief_verschil_stappen(klad, d, (size_t)(p - d->producten), stap);
    assert_cents(stap[TARIEF_G_CAO_SALARIS]->tarief, 5768);
    assert_cents(stap[TARIEF_G_OPSLAGEN]->tarief, 5864);
    assert_ptr_equal(stap[TARIEF_G_COUNT - 1], p->nieuw);
    tarief_ctx_free(klad);
    tarief_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(verschil_amb),
        cmocka_unit_test(verschil_grp_en_lijsten),
        cmocka_unit_test(verschil_tabel_en_trede),
        cmocka_unit_test(verschil_vng),
        cmocka_unit_test(verschil_omgekeerd),
        cmocka_unit_test(verschil_gelijk),
        cmocka_unit_test(verschil_csv),
        cmocka_unit_test(groepen),
        cmocka_unit_test(verschil_zonder_tussenstappen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
