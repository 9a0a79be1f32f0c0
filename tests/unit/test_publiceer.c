/*
 * test_publiceer.c - `tarief publiceer`: the HTML writer.
 *
 * Fixture tests/data/vsch-nieuw (cao tests/data/vgl-cao/vgl-2025), product
 * AMB, worked out by hand (see test_verschil.c):
 *   C_f = 3.900,00 x 17,4 / 1800 = 37,70        kosten beroepskracht
 *   productiviteit 80 %: 37,70 / 0,8 - 37,70 = 9,425   niet-productieve uren
 *   overhead 22 % of 47,125 = 10,3675
 *   indexatie 3 % of 57,4925 = 1,724775
 *   T = 59,217275 -> 59,22; afrondingsverschil 0,002725
 * The bar of the opbouw is 640 wide for the sum of the positive elements
 * (59,22): 37,70 / 59,22 x 640 = 407,43; 9,425 -> 101,86; 10,3675 -> 112,04;
 * 1,724775 -> 18,64; 0,002725 -> 0,03 (python3 as a calculator).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tarief.h"
#include "unit/testhulp.h"

/* internal to the library (src/publiceer_internal.h) */
void pub_esc(FILE *out, const char *s);
void pub_svg_opbouw(FILE *out, const tarief_afleiding *a, const char *id);

static const tarief_regio *laad_vgl(tarief_ctx *ctx, const char *dir)
{
    tarief_load_options o = {.cao_map = "tests/data/vgl-cao", .checksums = true};
    return laad_opties(ctx, dir, &o);
}

static char *in_geheugen(void (*schrijf)(FILE *, const void *), const void *data)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    schrijf(m, data);
    fclose(m);
    return buf;
}

static void esc_schrijf(FILE *f, const void *s)
{
    pub_esc(f, s);
}

static void test_esc(void **state)
{
    (void)state;
    char *s = in_geheugen(esc_schrijf, "<a href='x'>&\"\x01\x7f\tén\n");
    assert_string_equal(s, "&lt;a href=&#39;x&#39;&gt;&amp;&quot;  \tén\n");
    free(s);
}

static const tarief_afleiding *amb(tarief_ctx *ctx, const tarief_regio **rp)
{
    const tarief_regio *r = laad_vgl(ctx, "tests/data/vsch-nieuw");
    const tarief_afleiding *a = tarief_bereken(ctx, r, NULL);
    *rp = r;
    for (size_t i = 0; i < r->n_producten; i++)
        if (strcmp(a[i].product->code, "AMB") == 0)
            return &a[i];
    fail_msg("AMB ontbreekt");
    return NULL;
}

static void svg_schrijf(FILE *f, const void *a)
{
    pub_svg_opbouw(f, a, "g1");
}

static void test_svg_opbouw(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r;
    const tarief_afleiding *a = amb(ctx, &r);
    assert_cents(a->tarief, 5922);
    char *s = in_geheugen(svg_schrijf, a);
    assert_non_null(strstr(s, "id=\"g1\""));
    assert_non_null(strstr(s, "role=\"img\" aria-label=\"Opbouw van het tarief van AMB: € 59,22 per uur\""));
    assert_non_null(strstr(s, "<title>Opbouw van het tarief van AMB: € 59,22 per uur</title>"));
    assert_non_null(strstr(s, "<desc>Gestapelde balk;"));
    /* the segments, in opbouw order, from x = 0 */
    const char *w[] = {"x=\"0.00\" y=\"0\" width=\"407.43\"", "width=\"101.86\"", "width=\"112.04\"",
                       "width=\"18.64\"", "width=\"0.03\""};
    const char *p = s;
    for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
        p = strstr(p, w[i]);
        if (!p)
            fail_msg("segment %zu (%s) ontbreekt of staat niet op volgorde", i, w[i]);
    }
    /* the description names the amounts; the legend too */
    assert_non_null(strstr(s, "Kosten beroepskracht € 37,70;"));
    assert_non_null(strstr(s, "Overhead: € 10,37</text>"));
    free(s);
    tarief_ctx_free(ctx);
}

static void test_document(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r;
    amb(ctx, &r);
    const tarief_afleiding *afl = tarief_bereken(ctx, r, NULL);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    tarief_publiceer_options o = {.datum = 1764806400}; /* 2025-12-04 00:00 UTC */
    assert_int_equal(tarief_publiceer_write(m, ctx, r, afl, &o), 0);
    fclose(m);
    assert_true(strncmp(buf, "<!DOCTYPE html>\n<html lang=\"nl\">", 32) == 0);
    assert_non_null(strstr(buf, "default-src 'none'; style-src 'unsafe-inline'; img-src data:"));
    assert_non_null(strstr(buf, "<time datetime=\"2025-12-04\">4 december 2025</time>"));
    assert_non_null(strstr(buf, "Tarief AMB: € 59,22 per uur"));
    size_t n = 0;
    for (const char *p = buf; (p = strstr(p, "<section class=\"product\"")); p++)
        n++;
    assert_int_equal(n, r->n_producten);
    assert_null(strstr(buf, "<script"));
    assert_true(len > 16 && strcmp(buf + len - 8, "</html>\n") == 0);
    free(buf);

    /* an invalid SOURCE_DATE_EPOCH is an error, not a wrong date */
    setenv("SOURCE_DATE_EPOCH", "morgen", 1);
    m = open_memstream(&buf, &len);
    tarief_publiceer_options nul = {0};
    assert_int_equal(tarief_publiceer_write(m, ctx, r, afl, &nul), -1);
    fclose(m);
    free(buf);
    unsetenv("SOURCE_DATE_EPOCH");
    tarief_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_esc),
        cmocka_unit_test(test_svg_opbouw),
        cmocka_unit_test(test_document),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
