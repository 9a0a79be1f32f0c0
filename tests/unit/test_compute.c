/*
 * test_compute.c - hand-calculated tariffs (rekenmethode §3, steps 1-17).
 *
 * Every expected value below was worked out by hand from the fixture files
 * under tests/data/hand-* (python3 used only as a calculator), never copied
 * from the program's output. Money is compared as integer cents; unrounded
 * intermediate values with |x - verwacht| < 1e-6.
 *
 * Fixtures:
 *   tests/data/hand-cao/hand-a      test CAO: jaaruren 1800, VT 8 %, EJU 10 %,
 *                                   WGL 25 %; 7/1 = 2500, FG 45/u1 = 3000,
 *                                   10/1 = 4000 per month
 *   tests/data/hand-basis           productiviteit 80 %, reis 2 %, gem. 3 %,
 *                                   overhead 20 % opslag, EJU 12 % (regio)
 *   tests/data/hand-componenten     verlof 8 + verzuim 6 + scholing 2 %
 *   tests/data/hand-cao/ghz-test    copy of GHZ 1 May 2022, FG 40 and FG 45
 *   tests/data/hand-ghz             realistic region on ghz-test
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

/* |x - verwacht| < 1e-6, for unrounded intermediate values. */
#define assert_close(x, verwacht) assert_binnen((x), (verwacht), 1e-6)


/* ------------------------------------------------------------------ */
/* fixtures                                                            */

typedef struct fx {
    tarief_ctx *ctx;
    const tarief_regio *r;
    const tarief_afleiding *a;
} fx;

static fx *opzet(void **state, const char *dir)
{
    fx *f = calloc(1, sizeof *f);
    *state = f;
    f->ctx = tarief_ctx_new();
    assert_non_null(f->ctx);
    f->r = laad(f->ctx, dir, CAO_MAP, NULL);
    f->a = tarief_bereken(f->ctx, f->r, NULL);
    assert_non_null(f->a);
    return f;
}

static int opruimen(void **state)
{
    fx *f = *state;
    if (f) {
        tarief_ctx_free(f->ctx);
        free(f);
    }
    *state = NULL;
    return 0;
}

static const tarief_afleiding *product(const fx *f, const char *code)
{
    for (size_t i = 0; i < f->r->n_producten; i++)
        if (strcmp(f->a[i].product->code, code) == 0)
            return &f->a[i];
    print_error("product %s niet gevonden\n", code);
    fail();
    return NULL;
}

static const tarief_functie_afleiding *functie(const tarief_afleiding *a, const char *naam)
{
    for (size_t i = 0; i < a->n_functies; i++)
        if (strcmp(a->functies[i].functie->naam, naam) == 0)
            return &a->functies[i];
    print_error("functie %s niet in de afleiding van %s\n", naam, a->product->code);
    fail();
    return NULL;
}

/* The opbouw (E1..E7, R, E8, afrondingsverschil) sums to the tarief, and
 * afrondingsverschil = tarief - T. */
static void assert_opbouw_sluit(const tarief_afleiding *a)
{
    double som = 0;
    for (int e = 0; e < TARIEF_E_COUNT; e++)
        som += a->element[e];
    if (!(fabs(som - a->tarief) < 1e-9))
        print_error("%s: som opbouw %.17g != tarief %.17g\n", a->product->code, som, a->tarief);
    assert_true(fabs(som - a->tarief) < 1e-9);
    assert_true(fabs(a->element[TARIEF_E_AFRONDINGSVERSCHIL] - (a->tarief - a->ongerond)) < 1e-9);
}

/* Steps 1-8 of one functie. */
#define assert_functie(fa, J, VT, EJU, ORT, B, WGL, L, C)                     \
    do {                                                                       \
        assert_false((fa)->per_uur);                                           \
        assert_close((fa)->jaarsalaris, (J));                                  \
        assert_close((fa)->vakantietoeslag_bedrag, (VT));                      \
        assert_close((fa)->eindejaarsuitkering_bedrag, (EJU));                 \
        assert_close((fa)->ort_bedrag, (ORT));                                 \
        assert_close((fa)->bruto_loonsom, (B));                                \
        assert_close((fa)->werkgeverslasten_bedrag, (WGL));                    \
        assert_close((fa)->loonkosten_fte, (L));                               \
        assert_close((fa)->kosten_per_uur, (C));                               \
    } while (0)

/* Steps 9-16. */
#define assert_stappen(a, C, I, E1, E2, E3, E4, E5, E6, E7, P, K, R, E8, T)  \
    do {                                                                       \
        assert_close((a)->gemengde_kosten, (C));                               \
        assert_close((a)->inzet, (I));                                         \
        assert_close((a)->element[TARIEF_E_KOSTEN_BEROEPSKRACHT], (E1));       \
        assert_close((a)->element[TARIEF_E_NIET_PRODUCTIEVE_UREN], (E2));      \
        assert_close((a)->element[TARIEF_E_REIS_EN_OPLEIDING], (E3));          \
        assert_close((a)->element[TARIEF_E_OVERHEAD], (E4));                   \
        assert_close((a)->element[TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN], (E5)); \
        assert_close((a)->element[TARIEF_E_HUISVESTING], (E6));                \
        assert_close((a)->element[TARIEF_E_VERZORGING], (E7));                 \
        assert_close((a)->personeel, (P));                                     \
        assert_close((a)->kostprijs, (K));                                     \
        assert_close((a)->element[TARIEF_E_RISICO], (R));                      \
        assert_close((a)->element[TARIEF_E_INDEXATIE], (E8));                  \
        assert_close((a)->ongerond, (T));                                      \
    } while (0)

/*
 * hand-basis, steps 1-8 for the three CAO functies (no ORT), shared by the
 * products below unless a product overrides ort or jaaruren.
 * VT 8 % (cao hand-a), EJU 12 % (uitgangspunten overrides the cao's 10 %),
 * WGL 25 % (cao), jaaruren 1800 (cao). So B = 1,20 J and L = 1,25 B = 1,5 J.
 *
 *   MBO (7 / 1, S = 2500):
 *     1 J   = 12 x 2500            = 30000
 *     2 VT  = 30000 x 8 %          =  2400
 *     3 EJU = 30000 x 12 %         =  3600
 *     4 ORT = 30000 x 0 %          =     0
 *     5 B   = 30000+2400+3600+0    = 36000
 *     6 WGL = 36000 x 25 %         =  9000
 *     7 L   = 36000 + 9000         = 45000
 *     8 C   = 45000 / 1800         =    25,00
 *   HBO (FG 45 / u1, S = 3000):
 *     J 36000; VT 2880; EJU 4320; ORT 0; B 43200; WGL 10800; L 54000;
 *     C = 54000 / 1800 = 30,00
 *   WO (10 / 1, S = 4000):
 *     J 48000; VT 3840; EJU 5760; ORT 0; B 57600; WGL 14400; L 72000;
 *     C = 72000 / 1800 = 40,00
 *
 * Region surcharges (unless overridden): productiviteit 80 % so
 * 1/0,8 - 1 = 0,25; reis 2 %; gem. 3 %; overhead 20 % opslag; risico and
 * indexatie 0; afronding cent.
 */
#define MBO_STAPPEN(fa) assert_functie(fa, 30000, 2400, 3600, 0, 36000, 9000, 45000, 25)
#define HBO_STAPPEN(fa) assert_functie(fa, 36000, 2880, 4320, 0, 43200, 10800, 54000, 30)
#define WO_STAPPEN(fa)  assert_functie(fa, 48000, 3840, 5760, 0, 57600, 14400, 72000, 40)

/* ------------------------------------------------------------------ */
/* unit kinds                                                          */

/*
 * UUR: eenheid uur, uren_per_eenheid 1, begeleiders 1, groep 1;
 * functiemix MBO 60 %, HBO 40 %.
 *   1-8  MBO C = 25,00; HBO C = 30,00 (see above)
 *   9    C  = 0,6 x 25 + 0,4 x 30 = 15 + 12        = 27
 *   10   I  = 1 x 1 / 1                            = 1
 *   11   E1 = 1 x 27                               = 27
 *   12   E2 = 27 x (1/0,8 - 1) = 27 x 0,25         = 6,75
 *   13   E3 = (27 + 6,75) x 2 % = 33,75 x 0,02     = 0,675
 *        E5 = 33,75 x 3 %                          = 1,0125
 *   14   P  = 27 + 6,75 + 0,675 + 1,0125           = 35,4375
 *        E4 = 35,4375 x 20 % (opslag)              = 7,0875
 *   15   E6 = 0, E7 = 0
 *        K  = 27+6,75+0,675+7,0875+1,0125+0+0      = 42,525
 *   16   R  = 0; E8 = 0; T = 42,525
 *   17   cent: ROUND(42,525; 2) = 42,53 (half away from zero on 15
 *        significant digits; in double T may be 42,524999999999999, which a
 *        naive floor(x*100+0,5) would turn into 42,52)
 *        afrondingsverschil = 42,53 - 42,525 = 0,005
 */
static void test_uur(void **state)
{
    fx *f = opzet(state, "tests/data/hand-basis");
    const tarief_afleiding *a = product(f, "UUR");
    assert_int_equal(a->product->eenheid, TARIEF_EENHEID_UUR);
    assert_int_equal(a->n_functies, 2);
    const tarief_functie_afleiding *mbo = functie(a, "MBO"), *hbo = functie(a, "HBO");
    MBO_STAPPEN(mbo);
    HBO_STAPPEN(hbo);
    assert_close(mbo->gewogen, 15);
    assert_close(hbo->gewogen, 12);
    assert_stappen(a, 27, 1, 27, 6.75, 0.675, 7.0875, 1.0125, 0, 0, 35.4375, 42.525, 0, 0,
                   42.525);
    assert_cents(a->tarief, 4253);
    assert_close(a->element[TARIEF_E_AFRONDINGSVERSCHIL], 0.005);
    assert_opbouw_sluit(a);
    /* defaults of the method */
    assert_int_equal(a->afronding.keuze, TARIEF_AFRONDING_CENT);
    assert_int_equal(a->overhead_grondslag.keuze, TARIEF_GRONDSLAG_OPSLAG);
    assert_int_equal(a->risico.herkomst, TARIEF_HERKOMST_STANDAARD);
    assert_int_equal(a->productiviteit.herkomst, TARIEF_HERKOMST_REGIO);
    assert_false(a->productiviteit_uit_componenten);
    assert_close(a->productiviteit.waarde, 0.8);
}

/*
 * DAGDEEL: eenheid dagdeel, uren_per_eenheid 4, begeleiders 2,
 * groepsgrootte 5; functiemix MBO 50 %, WO 50 %.
 *   1-8  MBO C = 25,00; WO C = 40,00
 *   9    C  = 0,5 x 25 + 0,5 x 40 = 12,5 + 20      = 32,5
 *   10   I  = 4 x 2 / 5 = 8 / 5                    = 1,6
 *   11   E1 = 1,6 x 32,5                           = 52
 *   12   E2 = 52 x 0,25                            = 13
 *   13   E3 = (52 + 13) x 2 % = 65 x 0,02          = 1,3
 *        E5 = 65 x 3 %                             = 1,95
 *   14   P  = 52 + 13 + 1,3 + 1,95                 = 68,25
 *        E4 = 68,25 x 20 %                         = 13,65
 *   15   K  = 52 + 13 + 1,3 + 13,65 + 1,95         = 81,90
 *   16   T  = 81,90
 *   17   cent: 81,90
 */
static void test_dagdeel_groep(void **state)
{
    fx *f = opzet(state, "tests/data/hand-basis");
    const tarief_afleiding *a = product(f, "DAGDEEL");
    assert_int_equal(a->product->eenheid, TARIEF_EENHEID_DAGDEEL);
    MBO_STAPPEN(functie(a, "MBO"));
    WO_STAPPEN(functie(a, "WO"));
    assert_stappen(a, 32.5, 1.6, 52, 13, 1.3, 13.65, 1.95, 0, 0, 68.25, 81.9, 0, 0, 81.9);
    assert_cents(a->tarief, 8190);
    assert_opbouw_sluit(a);
}

/*
 * ETMAAL: eenheid etmaal, uren_per_eenheid 24, begeleiders 2,
 * groepsgrootte 6, huisvesting 85,50, verzorging 30,25, product ort 10 %;
 * functiemix MBO 50 %, HBO 50 %.
 * With ORT, B = J x (1 + 0,08 + 0,12 + 0,10) = 1,30 J, L = 1,25 B = 1,625 J.
 *   MBO: 1 J = 30000; 2 VT = 2400; 3 EJU = 3600; 4 ORT = 30000 x 10 % = 3000;
 *        5 B = 39000; 6 WGL = 9750; 7 L = 48750;
 *        8 C = 48750 / 1800 = 27,083333333333333 (= 325/12)
 *   HBO: 1 J = 36000; 2 VT = 2880; 3 EJU = 4320; 4 ORT = 3600;
 *        5 B = 46800; 6 WGL = 11700; 7 L = 58500;
 *        8 C = 58500 / 1800 = 32,5
 *   9    C  = 0,5 x 27,0833333 + 0,5 x 32,5 = 13,5416667 + 16,25
 *           = 29,791666666666667 (= 715/24)
 *   10   I  = 24 x 2 / 6                           = 8
 *   11   E1 = 8 x 29,7916667                       = 238,33333333333333 (715/3)
 *   12   E2 = 238,3333333 x 0,25                   = 59,583333333333333
 *   13   E1 + E2 = 297,91666666666667
 *        E3 = 297,9166667 x 2 %                    = 5,9583333333333333
 *        E5 = 297,9166667 x 3 %                    = 8,9375
 *   14   P  = 297,9166667 + 5,9583333 + 8,9375     = 312,8125
 *        E4 = 312,8125 x 20 %                      = 62,5625
 *   15   E6 = 85,50; E7 = 30,25
 *        K  = 312,8125 + 62,5625 + 85,50 + 30,25   = 491,125
 *   16   T  = 491,125
 *   17   cent: ROUND(491,125; 2) = 491,13 (exact half, away from zero; in
 *        double T comes out as 491,12499999999994 by the spec's order)
 */
static void test_etmaal_ort_huisvesting_verzorging(void **state)
{
    fx *f = opzet(state, "tests/data/hand-basis");
    const tarief_afleiding *a = product(f, "ETMAAL");
    assert_int_equal(a->product->eenheid, TARIEF_EENHEID_ETMAAL);
    const tarief_functie_afleiding *mbo = functie(a, "MBO"), *hbo = functie(a, "HBO");
    assert_functie(mbo, 30000, 2400, 3600, 3000, 39000, 9750, 48750, 27.083333333333333);
    assert_functie(hbo, 36000, 2880, 4320, 3600, 46800, 11700, 58500, 32.5);
    assert_int_equal(mbo->ort.herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_close(mbo->ort.waarde, 0.10);
    assert_stappen(a, 29.791666666666667, 8, 238.33333333333333, 59.583333333333333,
                   5.9583333333333333, 62.5625, 8.9375, 85.5, 30.25, 312.8125, 491.125, 0, 0,
                   491.125);
    assert_cents(a->tarief, 49113);
    assert_opbouw_sluit(a);
}

/*
 * MINUUT: eenheid minuut, uren_per_eenheid 0,0166666666666667 (1/60 written
 * to 16 decimals), 1 begeleider, groep 1; functiemix MBO 100 %.
 *   1-8  MBO C = 25,00
 *   9    C  = 1 x 25                               = 25
 *   10   I  = 0,0166666666666667 x 1 / 1           = 0,0166666666666667
 *   11   E1 = 0,0166666666666667 x 25              = 0,4166666666666675
 *   12   E2 = 0,4166666666666675 x 0,25            = 0,104166666666666875
 *   13   E1 + E2 = 0,520833333333334375
 *        E3 = x 2 %                                = 0,0104166666666666875
 *        E5 = x 3 %                                = 0,01562500000000003125
 *   14   P  = 0,520833333 + 0,010416667 + 0,015625 = 0,54687500000000109
 *        E4 = P x 20 %                             = 0,10937500000000022
 *   15   K  = 0,546875000000001 + 0,109375         = 0,65625000000000131
 *   16   T  = 0,65625000000000131
 *   17   cent: 0,66
 */
static void test_minuut(void **state)
{
    fx *f = opzet(state, "tests/data/hand-basis");
    const tarief_afleiding *a = product(f, "MINUUT");
    assert_int_equal(a->product->eenheid, TARIEF_EENHEID_MINUUT);
    MBO_STAPPEN(functie(a, "MBO"));
    assert_stappen(a, 25, 0.0166666666666667, 0.4166666666666675, 0.104166666666666875,
                   0.0104166666666666875, 0.10937500000000022, 0.01562500000000003125, 0, 0,
                   0.54687500000000109, 0.65625000000000131, 0, 0, 0.65625000000000131);
    assert_cents(a->tarief, 66);
    assert_opbouw_sluit(a);
}

/* ------------------------------------------------------------------ */
/* overhead as aandeel                                                 */

/*
 * AANDEEL: uur, HBO 100 %, product overhead_grondslag aandeel (overhead
 * 20 % from the region).
 *   1-8  HBO C = 30
 *   9    C = 30; 10 I = 1; 11 E1 = 30
 *   12   E2 = 30 x 0,25                            = 7,5
 *   13   E3 = 37,5 x 2 % = 0,75;  E5 = 37,5 x 3 %  = 1,125
 *   14   P  = 30 + 7,5 + 0,75 + 1,125              = 39,375
 *        E4 = P x 20 % / (1 - 20 %) = 39,375 x 0,25 = 9,84375
 *        (check: E4 / (P + E4) = 9,84375 / 49,21875 = 20 %)
 *   15   K  = 39,375 + 9,84375                     = 49,21875
 *   16   T  = 49,21875
 *   17   cent: 49,22
 */
static void test_overhead_aandeel(void **state)
{
    fx *f = opzet(state, "tests/data/hand-basis");
    const tarief_afleiding *a = product(f, "AANDEEL");
    HBO_STAPPEN(functie(a, "HBO"));
    assert_int_equal(a->overhead_grondslag.keuze, TARIEF_GRONDSLAG_AANDEEL);
    assert_int_equal(a->overhead_grondslag.herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_int_equal(a->overhead.herkomst, TARIEF_HERKOMST_REGIO);
    assert_stappen(a, 30, 1, 30, 7.5, 0.75, 9.84375, 1.125, 0, 0, 39.375, 49.21875, 0, 0,
                   49.21875);
    assert_cents(a->tarief, 4922);
    assert_opbouw_sluit(a);
}

/* ------------------------------------------------------------------ */
/* rounding modes                                                      */

/*
 * EURO, OMHOOG, ZESTIG: uur, HBO 100 %, no other overrides than afronding.
 *   1-8  HBO C = 30
 *   9-11 C = 30; I = 1; E1 = 30
 *   12   E2 = 7,5
 *   13   E3 = 0,75; E5 = 1,125
 *   14   P = 39,375; E4 = 39,375 x 20 % = 7,875
 *   15   K = 30 + 7,5 + 0,75 + 7,875 + 1,125 = 47,25
 *   16   T = 47,25
 *   17   euro:             ROUND(47,25; 0)            = 47,00
 *        euro_omhoog:      smallest whole euro >= T   = 48,00
 *        deelbaar_door_60: 60 x ROUND(47,25/60; 2) = 60 x ROUND(0,7875; 2)
 *                          = 60 x 0,79                = 47,40
 */
static void hbo100(const tarief_afleiding *a)
{
    HBO_STAPPEN(functie(a, "HBO"));
    assert_stappen(a, 30, 1, 30, 7.5, 0.75, 7.875, 1.125, 0, 0, 39.375, 47.25, 0, 0, 47.25);
    assert_int_equal(a->afronding.herkomst, TARIEF_HERKOMST_PRODUCT);
}

static void test_afronding_euro(void **state)
{
    fx *f = opzet(state, "tests/data/hand-basis");
    const tarief_afleiding *a = product(f, "EURO");
    hbo100(a);
    assert_int_equal(a->afronding.keuze, TARIEF_AFRONDING_EURO);
    assert_cents(a->tarief, 4700);
    assert_close(a->element[TARIEF_E_AFRONDINGSVERSCHIL], -0.25);
    assert_opbouw_sluit(a);
}

static void test_afronding_euro_omhoog(void **state)
{
    fx *f = opzet(state, "tests/data/hand-basis");
    const tarief_afleiding *a = product(f, "OMHOOG");
    hbo100(a);
    assert_int_equal(a->afronding.keuze, TARIEF_AFRONDING_EURO_OMHOOG);
    assert_cents(a->tarief, 4800);
    assert_close(a->element[TARIEF_E_AFRONDINGSVERSCHIL], 0.75);
    assert_opbouw_sluit(a);
}

/*
 * OMHOOG37: uur, ZZP37 100 % (loonkosten_per_uur 25,92), huisvesting 4,60,
 * reis 0, gem. 0, overhead 0 (product overrides), euro_omhoog.
 *   1-8  skipped: C_f = loonkosten_per_uur = 25,92
 *   9    C  = 1 x 25,92                            = 25,92
 *   10   I  = 1; 11 E1 = 25,92
 *   12   E2 = 25,92 x 0,25                         = 6,48
 *   13   E3 = 32,40 x 0 = 0; E5 = 0
 *   14   P  = 32,40; E4 = 0
 *   15   E6 = 4,60; K = 25,92 + 6,48 + 4,60        = 37,00 exactly
 *   16   T  = 37 mathematically. In double, by the spec's order
 *        (25,92 + 6,48) + 4,6 = 37.00000000000001 (one ulp above 37).
 *   17   euro_omhoog on T taken to 15 significant digits: 37,0000000000000
 *        -> 37,00 (not 38). afrondingsverschil ~ 0.
 */
static void test_afronding_euro_omhoog_37(void **state)
{
    fx *f = opzet(state, "tests/data/hand-basis");
    const tarief_afleiding *a = product(f, "OMHOOG37");
    assert_int_equal(a->n_functies, 1);
    assert_true(a->functies[0].per_uur);
    assert_close(a->functies[0].kosten_per_uur, 25.92);
    assert_stappen(a, 25.92, 1, 25.92, 6.48, 0, 0, 0, 4.6, 0, 32.4, 37, 0, 0, 37);
    print_message("# OMHOOG37: T in double = %.17g\n", a->ongerond);
    assert_cents(a->tarief, 3700);
    assert_true(a->tarief == 37.0);
    assert_close(a->element[TARIEF_E_AFRONDINGSVERSCHIL], 0);
    assert_opbouw_sluit(a);
}

static void test_afronding_deelbaar_door_60(void **state)
{
    fx *f = opzet(state, "tests/data/hand-basis");
    const tarief_afleiding *a = product(f, "ZESTIG");
    hbo100(a);
    assert_int_equal(a->afronding.keuze, TARIEF_AFRONDING_DEELBAAR_DOOR_60);
    assert_cents(a->tarief, 4740);
    assert_close(a->element[TARIEF_E_AFRONDINGSVERSCHIL], 0.15);
    assert_opbouw_sluit(a);
}

/*
 * ZESTIG2: same inputs as UUR (MBO 60 %, HBO 40 %), deelbaar_door_60.
 *   1-16 as UUR: T = 42,525
 *   17   60 x ROUND(42,525 / 60; 2) = 60 x ROUND(0,70875; 2) = 60 x 0,71
 *        = 42,60 (the multiples of 0,60 around T are 42,00 and 42,60;
 *        42,60 is nearer)
 */
static void test_afronding_deelbaar_door_60_mix(void **state)
{
    fx *f = opzet(state, "tests/data/hand-basis");
    const tarief_afleiding *a = product(f, "ZESTIG2");
    assert_stappen(a, 27, 1, 27, 6.75, 0.675, 7.0875, 1.0125, 0, 0, 35.4375, 42.525, 0, 0,
                   42.525);
    assert_cents(a->tarief, 4260);
    assert_close(a->element[TARIEF_E_AFRONDINGSVERSCHIL], 0.075);
    assert_opbouw_sluit(a);
}

/* ------------------------------------------------------------------ */
/* precedence product > regio > cao, loonkosten_per_uur mixed with CAO */

/*
 * PREC: uur; product jaaruren 1500 and ort 5 %; functiemix HBO 50 %
 * (CAO functie) and ZZP 50 % (loonkosten_per_uur 40,00).
 * Sources: vakantietoeslag 8 % from the CAO (nobody overrides it);
 * eindejaarsuitkering 12 % from the region (CAO says 10 %); werkgeverslasten
 * 25 % from the CAO; jaaruren 1500 from the product (CAO says 1800); ort 5 %
 * from the product (region: default 0).
 *   HBO (S = 3000):
 *     1 J   = 36000
 *     2 VT  = 36000 x 8 %  (cao)               = 2880
 *     3 EJU = 36000 x 12 % (regio, not 10 %)   = 4320
 *     4 ORT = 36000 x 5 %  (product)           = 1800
 *     5 B   = 36000 + 2880 + 4320 + 1800       = 45000
 *     6 WGL = 45000 x 25 % (cao)               = 11250
 *     7 L   = 45000 + 11250                    = 56250
 *     8 C   = 56250 / 1500 (product)           = 37,50
 *   ZZP: 8 C = loonkosten_per_uur = 40,00 (steps 1-7 and ort skipped)
 *   9    C  = 0,5 x 37,50 + 0,5 x 40,00 = 18,75 + 20 = 38,75
 *   10   I  = 1; 11 E1 = 38,75
 *   12   E2 = 38,75 x 0,25                         = 9,6875
 *   13   E1+E2 = 48,4375; E3 = x 2 % = 0,96875; E5 = x 3 % = 1,453125
 *   14   P  = 48,4375 + 0,96875 + 1,453125         = 50,859375
 *        E4 = 50,859375 x 20 %                     = 10,171875
 *   15   K  = 50,859375 + 10,171875                = 61,03125
 *   16   T  = 61,03125
 *   17   cent: 61,03
 */
static void test_voorrang_en_loonkosten_per_uur(void **state)
{
    fx *f = opzet(state, "tests/data/hand-basis");
    const tarief_afleiding *a = product(f, "PREC");
    assert_int_equal(a->n_functies, 2);
    const tarief_functie_afleiding *hbo = functie(a, "HBO"), *zzp = functie(a, "ZZP");

    assert_functie(hbo, 36000, 2880, 4320, 1800, 45000, 11250, 56250, 37.5);
    assert_int_equal(hbo->vakantietoeslag.herkomst, TARIEF_HERKOMST_CAO);
    assert_close(hbo->vakantietoeslag.waarde, 0.08);
    assert_int_equal(hbo->eindejaarsuitkering.herkomst, TARIEF_HERKOMST_REGIO);
    assert_close(hbo->eindejaarsuitkering.waarde, 0.12);
    assert_int_equal(hbo->werkgeverslasten.herkomst, TARIEF_HERKOMST_CAO);
    assert_close(hbo->werkgeverslasten.waarde, 0.25);
    assert_int_equal(hbo->jaaruren.herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_close(hbo->jaaruren.waarde, 1500);
    assert_int_equal(hbo->ort.herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_close(hbo->ort.waarde, 0.05);
    assert_close(hbo->gewogen, 18.75);

    assert_true(zzp->per_uur);
    assert_close(zzp->kosten_per_uur, 40);
    assert_close(zzp->gewogen, 20);

    assert_stappen(a, 38.75, 1, 38.75, 9.6875, 0.96875, 10.171875, 1.453125, 0, 0, 50.859375,
                   61.03125, 0, 0, 61.03125);
    assert_cents(a->tarief, 6103);
    assert_opbouw_sluit(a);

    /* without the product override the CAO's jaaruren apply (UUR's HBO) */
    const tarief_functie_afleiding *hbo_uur = functie(product(f, "UUR"), "HBO");
    assert_int_equal(hbo_uur->jaaruren.herkomst, TARIEF_HERKOMST_CAO);
    assert_close(hbo_uur->jaaruren.waarde, 1800);
    assert_int_equal(hbo_uur->ort.herkomst, TARIEF_HERKOMST_STANDAARD);
}

/* ------------------------------------------------------------------ */
/* risico and indexatie                                                */

/*
 * RISICO: uur, HBO 100 %, product risico 5 %, indexatie 4 %.
 *   1-15 as EURO/OMHOOG: K = 47,25
 *   16   R  = 47,25 x 5 %                          = 2,3625
 *        E8 = (47,25 + 2,3625) x 4 % = 49,6125 x 0,04 = 1,9845
 *        T  = 47,25 + 2,3625 + 1,9845              = 51,597
 *   17   cent: 51,60
 */
static void test_risico_en_indexatie(void **state)
{
    fx *f = opzet(state, "tests/data/hand-basis");
    const tarief_afleiding *a = product(f, "RISICO");
    HBO_STAPPEN(functie(a, "HBO"));
    assert_int_equal(a->risico.herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_int_equal(a->indexatie.herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_stappen(a, 30, 1, 30, 7.5, 0.75, 7.875, 1.125, 0, 0, 39.375, 47.25, 2.3625, 1.9845,
                   51.597);
    assert_cents(a->tarief, 5160);
    assert_close(a->element[TARIEF_E_AFRONDINGSVERSCHIL], 0.003);
    assert_opbouw_sluit(a);
}

/* tarief_bereken_product gives the same record as tarief_bereken. */
static void test_bereken_product_gelijk(void **state)
{
    fx *f = opzet(state, "tests/data/hand-basis");
    for (size_t i = 0; i < f->r->n_producten; i++) {
        tarief_afleiding een;
        memset(&een, 0, sizeof een);
        tarief_bereken_product(f->r, &f->r->producten[i], &een, f->ctx);
        assert_ptr_equal(een.product, f->a[i].product);
        assert_true(een.tarief == f->a[i].tarief);
        assert_true(een.ongerond == f->a[i].ongerond);
    }
}

/* ------------------------------------------------------------------ */
/* productiviteit from components                                      */

/*
 * hand-componenten: cao hand-a with its own EJU 10 % (no region override),
 * VT 8 %, WGL 25 %, jaaruren 1800. Region: verlof 8 %, verzuim 6 %,
 * scholing 2 %; no reis, gem., overhead, risico, indexatie.
 *   HBO (S = 3000):
 *     1 J = 36000; 2 VT = 2880; 3 EJU = 36000 x 10 % = 3600; 4 ORT = 0
 *     5 B = 42480; 6 WGL = 10620; 7 L = 53100; 8 C = 53100 / 1800 = 29,50
 *   9-11 C = 29,50; I = 1; E1 = 29,50; E3 = E4 = E5 = E6 = E7 = 0
 *
 * COMP (no product overrides):
 *   productiviteit = 100 % - (8 + 6 + 2) % = 84 %
 *   12   E2 = 29,5 x (1/0,84 - 1) = 29,5 x 0,16/0,84 = 118/21
 *           = 5,6190476190476190
 *   15-16 K = T = 29,5 + 5,6190476 = 35,119047619047619
 *   17   cent: 35,12
 */
static void test_productiviteit_componenten(void **state)
{
    fx *f = opzet(state, "tests/data/hand-componenten");
    const tarief_afleiding *a = product(f, "COMP");
    assert_functie(functie(a, "HBO"), 36000, 2880, 3600, 0, 42480, 10620, 53100, 29.5);
    assert_int_equal(functie(a, "HBO")->eindejaarsuitkering.herkomst, TARIEF_HERKOMST_CAO);
    assert_true(a->productiviteit_uit_componenten);
    assert_int_equal(a->productiviteit.herkomst, TARIEF_HERKOMST_AFGELEID);
    assert_close(a->productiviteit.waarde, 0.84);
    const int verlof = TARIEF_P_VERLOF - TARIEF_P_COMPONENT_FIRST;
    const int verzuim = TARIEF_P_VERZUIM - TARIEF_P_COMPONENT_FIRST;
    const int scholing = TARIEF_P_SCHOLING - TARIEF_P_COMPONENT_FIRST;
    const int werkoverleg = TARIEF_P_WERKOVERLEG - TARIEF_P_COMPONENT_FIRST;
    assert_close(a->componenten[verlof].waarde, 0.08);
    assert_int_equal(a->componenten[verlof].herkomst, TARIEF_HERKOMST_REGIO);
    assert_close(a->componenten[verzuim].waarde, 0.06);
    assert_close(a->componenten[scholing].waarde, 0.02);
    assert_close(a->componenten[werkoverleg].waarde, 0);
    assert_stappen(a, 29.5, 1, 29.5, 5.6190476190476190, 0, 0, 0, 0, 0, 35.119047619047619,
                   35.119047619047619, 0, 0, 35.119047619047619);
    assert_cents(a->tarief, 3512);
    assert_opbouw_sluit(a);
}

/*
 * COMPV: product verzuim 10 % overrides the region's 6 %.
 *   productiviteit = 100 % - (8 + 10 + 2) % = 80 %
 *   12   E2 = 29,5 x 0,25                          = 7,375
 *   15-16 K = T = 36,875
 *   17   cent: ROUND(36,875; 2) = 36,88 (half away from zero)
 * COMPS: product scholing 0 (an explicit 0 overrides the region's 2 %).
 *   productiviteit = 100 % - (8 + 6 + 0) % = 86 %
 *   12   E2 = 29,5 x 0,14/0,86 = 413/86            = 4,8023255813953488
 *   15-16 K = T = 34,302325581395349
 *   17   cent: 34,30
 * COMPP: product productiviteit 75 % (allowed while the region uses
 * components; it replaces them).
 *   12   E2 = 29,5 x (1/0,75 - 1) = 29,5 / 3       = 9,8333333333333333
 *   15-16 K = T = 39,333333333333333
 *   17   cent: 39,33
 */
static void test_productiviteit_product_overschrijft_component(void **state)
{
    fx *f = opzet(state, "tests/data/hand-componenten");
    const int verlof = TARIEF_P_VERLOF - TARIEF_P_COMPONENT_FIRST;
    const int verzuim = TARIEF_P_VERZUIM - TARIEF_P_COMPONENT_FIRST;
    const int scholing = TARIEF_P_SCHOLING - TARIEF_P_COMPONENT_FIRST;

    const tarief_afleiding *a = product(f, "COMPV");
    assert_true(a->productiviteit_uit_componenten);
    assert_close(a->productiviteit.waarde, 0.80);
    assert_close(a->componenten[verzuim].waarde, 0.10);
    assert_int_equal(a->componenten[verzuim].herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_int_equal(a->componenten[verlof].herkomst, TARIEF_HERKOMST_REGIO);
    assert_stappen(a, 29.5, 1, 29.5, 7.375, 0, 0, 0, 0, 0, 36.875, 36.875, 0, 0, 36.875);
    assert_cents(a->tarief, 3688);
    assert_opbouw_sluit(a);

    a = product(f, "COMPS");
    assert_true(a->productiviteit_uit_componenten);
    assert_close(a->productiviteit.waarde, 0.86);
    assert_close(a->componenten[scholing].waarde, 0);
    assert_int_equal(a->componenten[scholing].herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_stappen(a, 29.5, 1, 29.5, 4.8023255813953488, 0, 0, 0, 0, 0, 34.302325581395349,
                   34.302325581395349, 0, 0, 34.302325581395349);
    assert_cents(a->tarief, 3430);
    assert_opbouw_sluit(a);

    a = product(f, "COMPP");
    assert_false(a->productiviteit_uit_componenten);
    assert_int_equal(a->productiviteit.herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_close(a->productiviteit.waarde, 0.75);
    assert_stappen(a, 29.5, 1, 29.5, 9.8333333333333333, 0, 0, 0, 0, 0, 39.333333333333333,
                   39.333333333333333, 0, 0, 39.333333333333333);
    assert_cents(a->tarief, 3933);
    assert_opbouw_sluit(a);
}

/* ------------------------------------------------------------------ */
/* a realistic case                                                    */

/*
 * hand-ghz on ghz-test (GHZ 1 May 2022): VT 8 % and EJU 8,33 % from the CAO,
 * jaaruren 1878 (36 x 52,18) from the CAO; region: WGL 30 %, verlof 10,6 +
 * verzuim 7,3 + scholing 2 + werkoverleg 4 + indirecte_tijd 5 = 28,9 % so
 * productiviteit = 71,1 %; reis 1,5 %; gem. 2,5 %; overhead 18 % opslag;
 * risico 2 %; indexatie 4,96 %; afronding deelbaar_door_60.
 *
 * jeugdzorgwerker = FG 40 trede 5, S = 2659:
 *   1 J   = 12 x 2659                          = 31908
 *   2 VT  = 31908 x 0,08                       =  2552,64
 *   3 EJU = 31908 x 0,0833                     =  2657,9364
 *   4 ORT = 0
 *   5 B   = 31908 + 2552,64 + 2657,9364        = 37118,5764
 *   6 WGL = 37118,5764 x 0,30                  = 11135,57292
 *   7 L   = 37118,5764 + 11135,57292           = 48254,14932
 *   8 C   = 48254,14932 / 1878                 = 25,694435207667732
 * gedragsdeskundige = FG 45 trede 6, S = 2938:
 *   1 J = 35256; 2 VT = 2820,48; 3 EJU = 35256 x 0,0833 = 2936,8248;
 *   5 B = 41013,3048; 6 WGL = 12303,99144; 7 L = 53317,29624;
 *   8 C = 53317,29624 / 1878 = 28,390466581469649
 *
 * 45A48 (uur, 1 x 1 / 1, jeugdzorgwerker 100 %, product afronding cent):
 *   9    C  = 25,694435207667732
 *   10   I  = 1
 *   11   E1 = 25,694435207667732
 *   12   E2 = E1 x (1/0,711 - 1) = E1 x 0,40646976090014065
 *           = 10,444010935324859
 *   13   E1 + E2 = 36,138446142992590
 *        E3 = x 1,5 %                          = 0,54207669214488885
 *        E5 = x 2,5 %                          = 0,90346115357481475
 *   14   P  = 36,138446143 + 0,542076692 + 0,903461154 = 37,583983988712294
 *        E4 = P x 18 %                         = 6,7651171179682129
 *   15   K  = P + E4                           = 44,349101106680507
 *   16   R  = K x 2 %                          = 0,88698202213361013
 *        E8 = (K + R) x 4,96 % = 45,236083128814117 x 0,0496
 *           = 2,2437097231891802
 *        T  = 44,349101107 + 0,886982022 + 2,243709723 = 47,479792852003297
 *   17   cent: 47,48
 *
 * 41A05 (dagdeel, 4 uur x 2 begeleiders / groep 6, verzorging 7,50,
 * jeugdzorgwerker 70 %, gedragsdeskundige 30 %, region afronding):
 *   9    C  = 0,7 x 25,694435208 + 0,3 x 28,390466581
 *           = 17,986104645367412 + 8,5171399744408946 = 26,503244619808307
 *   10   I  = 4 x 2 / 6                        = 1,3333333333333333
 *   11   E1 = 1,3333333 x 26,503244620         = 35,337659493077742
 *   12   E2 = E1 x 0,40646976090014065         = 14,363690004921895
 *   13   E1 + E2 = 49,701349497999638
 *        E3 = x 1,5 %                          = 0,74552024246999456
 *        E5 = x 2,5 %                          = 1,2425337374499909
 *   14   P  = 51,689403477919623
 *        E4 = P x 18 %                         = 9,3040926260255321
 *   15   E7 = 7,50
 *        K  = 51,689403478 + 9,304092626 + 7,50 = 68,493496103945155
 *   16   R  = K x 2 %                          = 1,3698699220789031
 *        E8 = (K + R) x 4,96 % = 69,863366026024058 x 0,0496
 *           = 3,4652229548907933
 *        T  = 73,328588980914852
 *   17   deelbaar_door_60: 60 x ROUND(73,328588981 / 60; 2)
 *           = 60 x ROUND(1,2221431497; 2) = 60 x 1,22 = 73,20
 */
static void test_realistisch_ghz(void **state)
{
    fx *f = opzet(state, "tests/data/hand-ghz");

    const tarief_afleiding *a = product(f, "45A48");
    const tarief_functie_afleiding *jzw = functie(a, "jeugdzorgwerker");
    assert_functie(jzw, 31908, 2552.64, 2657.9364, 0, 37118.5764, 11135.57292, 48254.14932,
                   25.694435207667732);
    assert_close(jzw->jaaruren.waarde, 1878);
    assert_close(a->productiviteit.waarde, 0.711);
    assert_true(a->productiviteit_uit_componenten);
    assert_stappen(a, 25.694435207667732, 1, 25.694435207667732, 10.444010935324859,
                   0.54207669214488885, 6.7651171179682129, 0.90346115357481475, 0, 0,
                   37.583983988712294, 44.349101106680507, 0.88698202213361013,
                   2.2437097231891802, 47.479792852003297);
    assert_int_equal(a->afronding.keuze, TARIEF_AFRONDING_CENT);
    assert_cents(a->tarief, 4748);
    assert_opbouw_sluit(a);

    a = product(f, "41A05");
    assert_functie(functie(a, "jeugdzorgwerker"), 31908, 2552.64, 2657.9364, 0, 37118.5764,
                   11135.57292, 48254.14932, 25.694435207667732);
    const tarief_functie_afleiding *gd = functie(a, "gedragsdeskundige");
    assert_functie(gd, 35256, 2820.48, 2936.8248, 0, 41013.3048, 12303.99144, 53317.29624,
                   28.390466581469649);
    assert_close(functie(a, "jeugdzorgwerker")->gewogen, 17.986104645367412);
    assert_close(gd->gewogen, 8.5171399744408946);
    assert_stappen(a, 26.503244619808307, 1.3333333333333333, 35.337659493077742,
                   14.363690004921895, 0.74552024246999456, 9.3040926260255321,
                   1.2425337374499909, 0, 7.5, 51.689403477919623, 68.493496103945155,
                   1.3698699220789031, 3.4652229548907933, 73.328588980914852);
    assert_int_equal(a->afronding.keuze, TARIEF_AFRONDING_DEELBAAR_DOOR_60);
    assert_int_equal(a->afronding.herkomst, TARIEF_HERKOMST_REGIO);
    assert_cents(a->tarief, 7320);
    assert_opbouw_sluit(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_uur, opruimen),
        cmocka_unit_test_teardown(test_dagdeel_groep, opruimen),
        cmocka_unit_test_teardown(test_etmaal_ort_huisvesting_verzorging, opruimen),
        cmocka_unit_test_teardown(test_minuut, opruimen),
        cmocka_unit_test_teardown(test_overhead_aandeel, opruimen),
        cmocka_unit_test_teardown(test_afronding_euro, opruimen),
        cmocka_unit_test_teardown(test_afronding_euro_omhoog, opruimen),
        cmocka_unit_test_teardown(test_afronding_euro_omhoog_37, opruimen),
        cmocka_unit_test_teardown(test_afronding_deelbaar_door_60, opruimen),
        cmocka_unit_test_teardown(test_afronding_deelbaar_door_60_mix, opruimen),
        cmocka_unit_test_teardown(test_voorrang_en_loonkosten_per_uur, opruimen),
        cmocka_unit_test_teardown(test_risico_en_indexatie, opruimen),
        cmocka_unit_test_teardown(test_bereken_product_gelijk, opruimen),
        cmocka_unit_test_teardown(test_productiviteit_componenten, opruimen),
        cmocka_unit_test_teardown(test_productiviteit_product_overschrijft_component, opruimen),
        cmocka_unit_test_teardown(test_realistisch_ghz, opruimen),
    };
    return cmocka_run_group_tests_name("rekenmethode stappen 1-17 (handberekend)", tests, NULL,
                                       NULL);
}
