/*
 * test_round.c - step 17 of rekenmethode §3: tarief_round (spreadsheet
 * ROUND), tarief_ceil and tarief_afronden for the four modes.
 *
 * Spreadsheet ROUND takes the value to 15 significant digits first, then
 * rounds half away from zero. The double nearest 2.675 is
 * 2.67499999999999982236431605997495353221893310546875; to 15 significant
 * digits that is 2.67500000000000, so ROUND gives 2.68 (a naive
 * floor(x * 100 + 0.5) / 100 gives 2.67).
 *
 * Results are compared as integer cents (or whole euros), never with a
 * float epsilon.
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


/*
 * tarief_round(x, 2), by hand:
 *   2.675   -> 15 digits 2.67500000000000  -> half, away from zero -> 2.68
 *   1.005   -> double 1.00499999999999989..., 15 digits 1.00500000000000 -> 1.01
 *   -2.675  -> -2.67500000000000 -> away from zero -> -2.68
 *   0.285   -> double 0.28499999999999998..., 15 digits 0.285 -> 0.29
 *   42.525  -> double 42.52499999999999857..., 15 digits 42.5250000000000 -> 42.53
 *   0.1+0.2 -> 0.30000000000000004, 15 digits 0.3 -> 0.30
 *   1.004999 -> below the half -> 1.00
 *   5.015   -> 5.02;   8.345 -> 8.35;   10.675 -> 10.68
 *   123456789.125 (exact in binary) -> half -> 123456789.13
 *   -0.005  -> away from zero -> -0.01
 */
static void test_round_cent(void **state)
{
    (void)state;
    assert_cents(tarief_round(2.675, 2), 268);
    assert_cents(tarief_round(1.005, 2), 101);
    assert_cents(tarief_round(-2.675, 2), -268);
    assert_cents(tarief_round(0.285, 2), 29);
    assert_cents(tarief_round(42.525, 2), 4253);
    assert_cents(tarief_round(0.1 + 0.2, 2), 30);
    assert_cents(tarief_round(1.004999, 2), 100);
    assert_cents(tarief_round(5.015, 2), 502);
    assert_cents(tarief_round(8.345, 2), 835);
    assert_cents(tarief_round(10.675, 2), 1068);
    assert_cents(tarief_round(123456789.125, 2), 12345678913LL);
    assert_cents(tarief_round(-0.005, 2), -1);
    assert_cents(tarief_round(0, 2), 0);
    assert_cents(tarief_round(47.25, 2), 4725);
    /* the result is the double nearest the decimal value */
    assert_true(tarief_round(2.675, 2) == 2.68);
    assert_true(tarief_round(1.005, 2) == 1.01);
}

/*
 * tarief_round with other digit counts:
 *   1234.5, 0  -> half, away from zero -> 1235
 *   -1234.5, 0 -> -1235
 *   2.5, 0 -> 3;  0.5, 0 -> 1;  -0.5, 0 -> -1;  1234.4999, 0 -> 1234
 *   0.35, 1 -> double 0.34999999999999997..., 15 digits 0.35 -> 0.4
 *   0.25, 1 -> 0.3 (half, away from zero; not banker's 0.2)
 *   37.49999999999999, 0 -> 16 significant digits; to 15 digits it is
 *      37.5000000000000 -> half -> 38 (that is what ROUND in a spreadsheet
 *      gives too)
 */
static void test_round_andere_cijfers(void **state)
{
    (void)state;
    assert_int_equal(llround(tarief_round(1234.5, 0)), 1235);
    assert_int_equal(llround(tarief_round(-1234.5, 0)), -1235);
    assert_int_equal(llround(tarief_round(2.5, 0)), 3);
    assert_int_equal(llround(tarief_round(0.5, 0)), 1);
    assert_int_equal(llround(tarief_round(-0.5, 0)), -1);
    assert_int_equal(llround(tarief_round(1234.4999, 0)), 1234);
    assert_true(tarief_round(1234.5, 0) == 1235.0);
    assert_int_equal(llround(tarief_round(0.35, 1) * 10), 4);
    assert_int_equal(llround(tarief_round(0.25, 1) * 10), 3);
    assert_int_equal(llround(tarief_round(37.49999999999999, 0)), 38);
}

/*
 * tarief_ceil(x, digits): smallest multiple of 10^-digits >= x, on x taken to
 * 15 significant digits.
 *   37.00000000000001, 0 -> 15 digits 37.0000000000000 -> 37 (not 38)
 *   37.01, 0 -> 38;  37, 0 -> 37;  36.99999999999999, 0 -> 37
 *   36.2, 0 -> 37;  -2.5, 0 -> -2 (the smallest whole number >= -2.5)
 *   1.1, 2 -> double 1.100000000000000088..., 15 digits 1.10 -> 1.10 (not 1.11)
 *   1.001, 2 -> 1.01
 *   0.1+0.2, 1 -> 0.30000000000000004, 15 digits 0.3 -> 0.3 (not 0.4)
 */
static void test_ceil(void **state)
{
    (void)state;
    assert_int_equal(llround(tarief_ceil(37.00000000000001, 0)), 37);
    assert_true(tarief_ceil(37.00000000000001, 0) == 37.0);
    assert_int_equal(llround(tarief_ceil(37.01, 0)), 38);
    assert_int_equal(llround(tarief_ceil(37.0, 0)), 37);
    assert_int_equal(llround(tarief_ceil(36.99999999999999, 0)), 37);
    assert_int_equal(llround(tarief_ceil(36.2, 0)), 37);
    assert_int_equal(llround(tarief_ceil(-2.5, 0)), -2);
    assert_cents(tarief_ceil(1.1, 2), 110);
    assert_cents(tarief_ceil(1.001, 2), 101);
    assert_int_equal(llround(tarief_ceil(0.1 + 0.2, 1) * 10), 3);
}

/*
 * tarief_afronden, mode cent = ROUND(T; 2):
 *   42.525 -> 42.53;  47.25 -> 47.25;  491.125 -> 491.13;  1.005 -> 1.01;
 *   0.65625000000000131 -> 0.66;  51.597 -> 51.60;  61.03125 -> 61.03
 */
static void test_afronden_cent(void **state)
{
    (void)state;
    assert_cents(tarief_afronden(42.525, TARIEF_AFRONDING_CENT), 4253);
    assert_cents(tarief_afronden(47.25, TARIEF_AFRONDING_CENT), 4725);
    assert_cents(tarief_afronden(491.125, TARIEF_AFRONDING_CENT), 49113);
    assert_cents(tarief_afronden(491.12499999999994, TARIEF_AFRONDING_CENT), 49113);
    assert_cents(tarief_afronden(1.005, TARIEF_AFRONDING_CENT), 101);
    assert_cents(tarief_afronden(0.65625000000000131, TARIEF_AFRONDING_CENT), 66);
    assert_cents(tarief_afronden(51.597, TARIEF_AFRONDING_CENT), 5160);
    assert_cents(tarief_afronden(61.03125, TARIEF_AFRONDING_CENT), 6103);
}

/*
 * mode euro = ROUND(T; 0):
 *   47.25 -> 47;  46.5 -> 47 (half, away from zero);  45.5 -> 46 and
 *   44.5 -> 45 (banker's rounding would give 46 and 44);  47.75 -> 48;
 *   0.49 -> 0;
 *   37.49999999999999 -> 15 digits 37.5 -> 38
 */
static void test_afronden_euro(void **state)
{
    (void)state;
    assert_cents(tarief_afronden(47.25, TARIEF_AFRONDING_EURO), 4700);
    assert_cents(tarief_afronden(46.5, TARIEF_AFRONDING_EURO), 4700);
    assert_cents(tarief_afronden(45.5, TARIEF_AFRONDING_EURO), 4600);
    assert_cents(tarief_afronden(44.5, TARIEF_AFRONDING_EURO), 4500);
    assert_cents(tarief_afronden(47.75, TARIEF_AFRONDING_EURO), 4800);
    assert_cents(tarief_afronden(0.49, TARIEF_AFRONDING_EURO), 0);
    assert_cents(tarief_afronden(37.49999999999999, TARIEF_AFRONDING_EURO), 3800);
}

/*
 * mode euro_omhoog = smallest whole euro >= T (15 significant digits first):
 *   37.00000000000001 -> 37;  37.01 -> 38;  47.25 -> 48;  37 -> 37;
 *   36.99999999999999 -> 37;  0.01 -> 1
 */
static void test_afronden_euro_omhoog(void **state)
{
    (void)state;
    assert_cents(tarief_afronden(37.00000000000001, TARIEF_AFRONDING_EURO_OMHOOG), 3700);
    assert_cents(tarief_afronden(37.01, TARIEF_AFRONDING_EURO_OMHOOG), 3800);
    assert_cents(tarief_afronden(47.25, TARIEF_AFRONDING_EURO_OMHOOG), 4800);
    assert_cents(tarief_afronden(37.0, TARIEF_AFRONDING_EURO_OMHOOG), 3700);
    assert_cents(tarief_afronden(36.99999999999999, TARIEF_AFRONDING_EURO_OMHOOG), 3700);
    assert_cents(tarief_afronden(0.01, TARIEF_AFRONDING_EURO_OMHOOG), 100);
}

/*
 * mode deelbaar_door_60 = 60 x ROUND(T / 60; 2), i.e. the nearest multiple
 * of 0,60, half away from zero:
 *   77.71 -> 77.71/60 = 1.2951666..  -> 1.30 -> 60 x 1.30 = 78.00
 *            (multiples around it: 77.40 and 78.00; 78.00 is nearer)
 *   47.25 -> 0.7875 -> 0.79 -> 47.40
 *   47.10 -> 0.785 exactly halfway between 46.80 and 47.40 -> away from
 *            zero -> 0.79 -> 47.40
 *   8.70  -> 0.145 (double 0.14499999999999999) halfway between 8.40 and
 *            9.00 -> 15 digits 0.145 -> 0.15 -> 9.00
 *   46.79 -> 0.779833.. -> 0.78 -> 46.80
 *   46.49 -> 0.774833.. -> 0.77 -> 46.20
 *   78.00 -> 1.30 -> 78.00
 *   42.525 -> 0.70875 -> 0.71 -> 42.60
 *   73.328588980914852 -> 1.22214.. -> 1.22 -> 73.20
 *   0.29  -> 0.004833.. -> 0.00 -> 0.00;   0.30 -> 0.005 -> 0.01 -> 0.60
 */
static void test_afronden_deelbaar_door_60(void **state)
{
    (void)state;
    const tarief_afronding m = TARIEF_AFRONDING_DEELBAAR_DOOR_60;
    assert_cents(tarief_afronden(77.71, m), 7800);
    assert_cents(tarief_afronden(47.25, m), 4740);
    assert_cents(tarief_afronden(47.10, m), 4740);
    assert_cents(tarief_afronden(8.70, m), 900);
    assert_cents(tarief_afronden(46.79, m), 4680);
    assert_cents(tarief_afronden(46.49, m), 4620);
    assert_cents(tarief_afronden(78.00, m), 7800);
    assert_cents(tarief_afronden(42.525, m), 4260);
    assert_cents(tarief_afronden(73.328588980914852, m), 7320);
    assert_cents(tarief_afronden(0.29, m), 0);
    assert_cents(tarief_afronden(0.30, m), 60);
}

/*
 * Independent reference for ROUND/ceiling "on the value taken to 15
 * significant digits": print x with 15 significant digits, then round that
 * decimal string by hand (long integer arithmetic on the digits).
 */
static double ref_round(double x, int digits, int ceil_mode)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.14e", x < 0 ? -x : x);
    char d[16];
    int k = 0;
    const char *p = buf;
    for (; *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            d[k++] = *p;
    int e = atoi(p + 1);
    /* value = 0.d0d1..d14 * 10^(e+1); keep digits up to 10^-digits */
    int keep = e + 1 + digits;
    long long n = 0;
    for (int i = 0; i < keep && i < 15; i++)
        n = n * 10 + (d[i] - '0');
    for (int i = 15; i < keep; i++)
        n *= 10;
    int up = 0;
    if (keep < 15) {
        if (!ceil_mode) {
            up = keep >= 0 && d[keep] >= '5';
        } else if (x > 0) {
            for (int i = keep < 0 ? 0 : keep; i < 15; i++)
                if (d[i] != '0')
                    up = 1;
        }
    }
    n += up;
    char out[64];
    snprintf(out, sizeof out, "%s%llde-%d", x < 0 ? "-" : "", n, digits);
    double v = strtod(out, NULL);
    return v == 0 ? 0.0 : v;
}

/* Awkward values around rounding boundaries: exact halves, halves a few
 * ulp off, negatives, 0-4 decimals. Bitwise equal to the reference. */
static void test_round_tegen_referentie(void **state)
{
    (void)state;
    unsigned long long seed = 12345;
    int bad = 0;
    for (int i = 0; i < 300000 && bad < 5; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        int digits = (int)((seed >> 33) % 5);
        long long cents = (long long)((seed >> 20) % 2000000) - 1000000;
        double half = ((double)cents + 0.5) / 100.0 * (digits == 2 ? 1 : (digits == 0 ? 100 : 1));
        int ulps = (int)((seed >> 8) % 9) - 4;
        double x = half;
        for (int u = 0; u < ulps; u++)
            x = nextafter(x, INFINITY);
        for (int u = 0; u > ulps; u--)
            x = nextafter(x, -INFINITY);
        if ((seed >> 5) % 3 == 0)
            x = (double)((seed >> 11) % 100000000) / 1000.0 - 50000;
        double r = tarief_round(x, digits), rr = ref_round(x, digits, 0);
        double c = tarief_ceil(x, digits), cr = ref_round(x, digits, 1);
        if (memcmp(&r, &rr, sizeof r) != 0 || memcmp(&c, &cr, sizeof c) != 0) {
            print_error("x=%.17g digits=%d: round %.17g (ref %.17g), ceil %.17g (ref %.17g)\n", x, digits, r,
                        rr, c, cr);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_cent),
        cmocka_unit_test(test_round_andere_cijfers),
        cmocka_unit_test(test_ceil),
        cmocka_unit_test(test_afronden_cent),
        cmocka_unit_test(test_afronden_euro),
        cmocka_unit_test(test_afronden_euro_omhoog),
        cmocka_unit_test(test_afronden_deelbaar_door_60),
        cmocka_unit_test(test_round_tegen_referentie),
    };
    return cmocka_run_group_tests_name("afronding (stap 17)", tests, NULL, NULL);
}
