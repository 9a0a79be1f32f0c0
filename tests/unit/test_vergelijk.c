/*
 * test_vergelijk.c - `vergelijk`: the aanbieder map laid over the region
 * (tarief_load_options.overlay), and the per-element comparison with its
 * causes. Every expected value is worked out by hand below (python3 used
 * only as a calculator); money is compared as integer cents, unrounded
 * amounts with |x - verwacht| < 1e-6.
 *
 * Fixtures (tests/data):
 *   vgl-cao/vgl-2024     jaaruren 1800, VT 8 %, EJU 8 %, WGL 25 %;
 *                        schaal 7/1 = 3.000,00 (MBO), 9/1 = 3.750,00 (HBO)
 *   vgl-regio            productiviteit 80 %, reis_en_opleiding 5 %,
 *                        overhead 20 % (opslag), no risico/indexatie;
 *                        AMB: uur, 1 uur, HBO 60 % + MBO 40 %;
 *                        GRP: dagdeel, 3 uur, 2 begeleiders, groep 8,
 *                        MBO 100 %, huisvesting 10,00
 *   vgl-aanbieder        two inputs differ: overhead 25 %
 *                        (uitgangspunten.csv:3) and the mix of AMB:
 *                        HBO 70 % (functiemix.csv:2), MBO 30 % (:3)
 *   vgl-aanbieder-regels the merge rules: a component (verzuim 5 %) while
 *                        the region gives productiviteit, HBO replaced by
 *                        loonkosten_per_uur 45,00, a new functie SPEC 60,00,
 *                        the mix of GRP replaced, a product cell per product
 *   vgl-aanbieder-fout   one problem per rule
 *   (a temporary map)    an aanbieder's rows get the region's row checks
 *
 * Cost per paid hour, steps 1-8: C_f = 12 S (1 + 0,08 + 0,08) 1,25 / 1800
 * = S x 17,4 / 1800:  MBO 3.000 -> 29,00;  HBO 3.750 -> 36,25.
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
#include <unistd.h>

#include "tarief.h"
#include "unit/testhulp.h"
#include "tarief/vergelijk.h"

#define CAO_MAP "tests/data/vgl-cao"
#define REGIO "tests/data/vgl-regio"

#define assert_close(x, verwacht) assert_binnen((x), (verwacht), 1e-6)


/* The region, with an aanbieder map laid over it (or NULL). */
static const tarief_regio *laad_met(tarief_ctx *ctx, const char *overlay)
{
    return laad(ctx, REGIO, CAO_MAP, overlay);
}

static const tarief_vergelijk_product *product(const tarief_vergelijking *v, const char *code)
{
    for (size_t i = 0; i < v->n_producten; i++)
        if (strcmp(v->producten[i].regio->product->code, code) == 0)
            return &v->producten[i];
    fail_msg("product %s ontbreekt", code);
    return NULL;
}

static const tarief_oorzaak *oorzaak(const tarief_oorzaak *o, size_t n, const char *tekst)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(o[i].tekst, tekst) == 0)
            return &o[i];
    for (size_t i = 0; i < n; i++)
        print_error("  oorzaak: %s\n", o[i].volledig);
    fail_msg("oorzaak '%s' ontbreekt", tekst);
    return NULL;
}

/*
 * AMB, region: C = 0,6 x 36,25 + 0,4 x 29 = 21,75 + 11,6 = 33,35; I = 1
 *   E1 = 33,35
 *   E2 = 33,35 x (1/0,8 - 1) = 8,3375
 *   E3 = (33,35 + 8,3375) x 5 % = 41,6875 x 0,05 = 2,084375
 *   P  = 41,6875 + 2,084375 = 43,771875;  E4 = 20 % = 8,754375
 *   K = T = 52,52625 -> tarief 52,53
 * AMB, aanbieder: C = 0,7 x 36,25 + 0,3 x 29 = 25,375 + 8,7 = 34,075
 *   E1 = 34,075;  E2 = 8,51875;  E1 + E2 = 42,59375;  E3 = 2,1296875
 *   P  = 44,7234375;  E4 = 25 % = 11,180859375
 *   K = T = 55,904296875 -> tarief 55,90
 * Differences: E1 +0,725 (+2,17 %), caused by the mix; E2 +0,18125 and
 *   E3 +0,0453125 only by doorwerking; E4 +2,426484375 by overhead and
 *   doorwerking; tarief +3,37.
 */
static void vergelijk_amb(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = laad_met(ctx, NULL);
    const tarief_regio *a = laad_met(ctx, "tests/data/vgl-aanbieder");
    const tarief_vergelijking *v = tarief_vergelijk(ctx, r, a);
    assert_int_equal(v->n_producten, 2);
    assert_int_equal(v->n_afwijkend, 2);
    assert_string_equal(v->aanbieder->naam, "Zorgaanbieder Test");
    assert_string_equal(v->regio->naam, "Vergelijkregio (test)");

    const tarief_vergelijk_product *p = product(v, "AMB");
    const double *er = p->regio->element, *ea = p->aanbieder->element;
    assert_close(er[TARIEF_E_KOSTEN_BEROEPSKRACHT], 33.35);
    assert_close(er[TARIEF_E_NIET_PRODUCTIEVE_UREN], 8.3375);
    assert_close(er[TARIEF_E_REIS_EN_OPLEIDING], 2.084375);
    assert_close(er[TARIEF_E_OVERHEAD], 8.754375);
    assert_cents(p->regio->tarief, 5253);
    assert_close(ea[TARIEF_E_KOSTEN_BEROEPSKRACHT], 34.075);
    assert_close(ea[TARIEF_E_NIET_PRODUCTIEVE_UREN], 8.51875);
    assert_close(ea[TARIEF_E_REIS_EN_OPLEIDING], 2.1296875);
    assert_close(ea[TARIEF_E_OVERHEAD], 11.180859375);
    assert_cents(p->aanbieder->tarief, 5590);
    assert_cents(p->aanbieder->tarief - p->regio->tarief, 337);
    assert_close(ea[TARIEF_E_KOSTEN_BEROEPSKRACHT] - er[TARIEF_E_KOSTEN_BEROEPSKRACHT], 0.725);
    assert_close(ea[TARIEF_E_OVERHEAD] - er[TARIEF_E_OVERHEAD], 2.426484375);
    /* the differences and percentages in the record, for every renderer:
     * overhead 2,426484375 / 8,754375 = 27,7173913 %, tariff 3,37 / 52,53 */
    assert_close(p->verschil[TARIEF_E_OVERHEAD], 2.426484375);
    assert_true(p->pct_bekend[TARIEF_E_OVERHEAD]);
    assert_binnen(p->verschil_pct[TARIEF_E_OVERHEAD], 27.7173913, 1e-6);
    assert_cents(p->verschil[TARIEF_E_COUNT], 337);
    assert_binnen(p->verschil_pct[TARIEF_E_COUNT], 6.4153817, 1e-6);
    assert_false(p->pct_bekend[TARIEF_E_AFRONDINGSVERSCHIL]);

    /* exactly the two inputs that differ: the mix (two rows) and overhead */
    assert_int_equal(p->n_oorzaken, 3);
    const tarief_oorzaak *o = oorzaak(p->oorzaken, p->n_oorzaken, "functiemix HBO 70 % i.p.v. 60 %");
    assert_int_equal(o->groep, TARIEF_G_FUNCTIEMIX);
    assert_string_equal(o->bron.file, "tests/data/vgl-aanbieder/functiemix.csv");
    assert_int_equal(o->bron.line, 2);
    assert_int_equal(o->elementen, 1u << TARIEF_E_KOSTEN_BEROEPSKRACHT);
    o = oorzaak(p->oorzaken, p->n_oorzaken, "functiemix MBO 30 % i.p.v. 40 %");
    assert_int_equal(o->bron.line, 3);
    o = oorzaak(p->oorzaken, p->n_oorzaken, "overhead 25 % i.p.v. 20 %");
    assert_int_equal(o->groep, TARIEF_G_OPSLAGEN);
    assert_string_equal(o->volledig, "overhead 25 % i.p.v. 20 % (tests/data/vgl-aanbieder/uitgangspunten.csv:3)");
    assert_int_equal(o->elementen, 1u << TARIEF_E_OVERHEAD);

    assert_string_equal(p->verklaring[TARIEF_E_KOSTEN_BEROEPSKRACHT],
                        "functiemix HBO 70 % i.p.v. 60 % (tests/data/vgl-aanbieder/functiemix.csv:2); "
                        "functiemix MBO 30 % i.p.v. 40 % (tests/data/vgl-aanbieder/functiemix.csv:3)");
    assert_string_equal(p->verklaring[TARIEF_E_NIET_PRODUCTIEVE_UREN], "doorwerking van kosten beroepskracht");
    assert_string_equal(p->verklaring[TARIEF_E_REIS_EN_OPLEIDING],
                        "doorwerking van kosten beroepskracht, niet-productieve uren");
    assert_string_equal(p->verklaring[TARIEF_E_OVERHEAD],
                        "overhead 25 % i.p.v. 20 % (tests/data/vgl-aanbieder/uitgangspunten.csv:3); "
                        "doorwerking van kosten beroepskracht, niet-productieve uren, reis- en opleidingskosten");
    /* equal elements have no explanation */
    assert_string_equal(p->verklaring[TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN], "");
    assert_string_equal(p->verklaring[TARIEF_E_HUISVESTING], "");
    assert_string_equal(p->verklaring[TARIEF_E_INDEXATIE], "");
    tarief_ctx_free(ctx);
}

/*
 * GRP: I = 3 x 2 / 8 = 0,75; C = 29 (MBO only, the mix is the region's)
 *   E1 = 21,75;  E2 = 5,4375;  E1 + E2 = 27,1875;  E3 = 1,359375
 *   P  = 28,546875;  E6 = 10
 *   region:    E4 = 20 % = 5,709375;    K = 44,25625    -> 44,26
 *   aanbieder: E4 = 25 % = 7,13671875;  K = 45,68359375 -> 45,68
 * Only overhead differs: E1-E3 are equal and unexplained.
 */
static void vergelijk_grp(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_vergelijking *v = tarief_vergelijk(ctx, laad_met(ctx, NULL), laad_met(ctx, "tests/data/vgl-aanbieder"));
    const tarief_vergelijk_product *p = product(v, "GRP");
    assert_close(p->regio->element[TARIEF_E_KOSTEN_BEROEPSKRACHT], 21.75);
    assert_close(p->aanbieder->element[TARIEF_E_KOSTEN_BEROEPSKRACHT], 21.75);
    assert_close(p->regio->element[TARIEF_E_OVERHEAD], 5.709375);
    assert_close(p->aanbieder->element[TARIEF_E_OVERHEAD], 7.13671875);
    assert_cents(p->regio->tarief, 4426);
    assert_cents(p->aanbieder->tarief, 4568);
    assert_int_equal(p->n_oorzaken, 1);
    assert_string_equal(p->oorzaken[0].tekst, "overhead 25 % i.p.v. 20 %");
    assert_string_equal(p->verklaring[TARIEF_E_KOSTEN_BEROEPSKRACHT], "");
    assert_string_equal(p->verklaring[TARIEF_E_REIS_EN_OPLEIDING], "");
    assert_string_equal(p->verklaring[TARIEF_E_OVERHEAD],
                        "overhead 25 % i.p.v. 20 % (tests/data/vgl-aanbieder/uitgangspunten.csv:3)");
    assert_string_equal(p->verklaring_tarief,
                        "overhead 25 % i.p.v. 20 % (tests/data/vgl-aanbieder/uitgangspunten.csv:3)");
    tarief_ctx_free(ctx);
}

/* The region is loaded unchanged next to the overlay; a region compared
 * with itself (an empty aanbieder map) has no differences. */
static void vergelijk_zonder_verschil(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = laad_met(ctx, NULL);
    const tarief_vergelijking *v = tarief_vergelijk(ctx, r, laad_met(ctx, "tests/data/vgl-aanbieder-leeg"));
    assert_int_equal(v->n_afwijkend, 0);
    for (size_t i = 0; i < v->n_producten; i++) {
        assert_int_equal(v->producten[i].n_oorzaken, 0);
        assert_false(v->producten[i].afwijkend);
        assert_string_equal(v->producten[i].verklaring_tarief, "");
    }
    tarief_ctx_free(ctx);
}

/*
 * The merge rules, on vgl-aanbieder-regels.
 *
 * AMB: HBO is now 45,00 per hour (functies.csv replaces the region's HBO,
 *   the region's mix keeps pointing at it); the product row sets overhead
 *   30 %; verzuim 5 % replaces the region's productiviteit: 95 %.
 *   C = 0,6 x 45 + 0,4 x 29 = 38,6;  E1 = 38,6
 *   E2 = 38,6 x (1/0,95 - 1) = 2,03157894737
 *   E3 = (38,6 + 2,03157894737) x 5 % = 2,03157894737
 *   P  = 42,6631578947;  E4 = 30 % = 12,7989473684
 *   K = 55,4621052632 -> 55,46
 * GRP: mix replaced by MBO 50 % + SPEC 50 % (60,00 per hour); groepsgrootte
 *   6 from the aanbieder, begeleiders 2 and uren 3 from the region; naam
 *   empty in the aanbieder's row: the region's stays.
 *   C = 0,5 x 29 + 0,5 x 60 = 44,5;  I = 3 x 2 / 6 = 1;  E1 = 44,5
 *   E2 = 44,5 / 19 = 2,34210526316;  E3 = 2,34210526316
 *   P  = 49,1842105263;  E4 = 20 % = 9,83684210526;  E6 = 10
 *   K = 69,0210526316 -> 69,02
 */
static void overlay_regels(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = laad_met(ctx, NULL);
    const tarief_regio *a = laad_met(ctx, "tests/data/vgl-aanbieder-regels");

    /* the region itself is untouched */
    assert_true(r->params[TARIEF_P_PRODUCTIVITEIT].set);
    assert_int_equal(r->n_functies, 2);
    assert_string_equal(tarief_regio_product(r, "AMB")->naam, "Ambulant per uur");

    assert_false(a->params[TARIEF_P_PRODUCTIVITEIT].set);
    assert_true(a->params[TARIEF_P_VERZUIM].set);
    assert_int_equal(a->params[TARIEF_P_VERZUIM].bron.line, 3);
    assert_true(a->params[TARIEF_P_OVERHEAD].set); /* the region's, kept */
    assert_int_equal(a->n_functies, 3);
    assert_string_equal(a->functies[1].naam, "HBO");
    assert_true(a->functies[1].loonkosten_per_uur.set);
    assert_string_equal(a->functies[2].naam, "SPEC");

    const tarief_product *amb = tarief_regio_product(a, "AMB");
    const tarief_product *grp = tarief_regio_product(a, "GRP");
    assert_string_equal(amb->naam, "Ambulant (aanbieder)");
    assert_string_equal(grp->naam, "Groep per dagdeel");
    assert_true(amb->mix[0].functie == &a->functies[1]); /* HBO, replaced */
    assert_int_equal(grp->n_mix, 2);
    assert_string_equal(grp->mix[1].functie->naam, "SPEC");
    assert_cents(grp->groepsgrootte.waarde, 600);
    assert_int_equal(grp->groepsgrootte.bron.line, 2);
    assert_cents(grp->begeleiders.waarde, 200);

    const tarief_vergelijking *v = tarief_vergelijk(ctx, r, a);
    const tarief_vergelijk_product *p = product(v, "AMB");
    assert_close(p->aanbieder->productiviteit.waarde, 0.95);
    assert_close(p->aanbieder->element[TARIEF_E_KOSTEN_BEROEPSKRACHT], 38.6);
    assert_close(p->aanbieder->element[TARIEF_E_NIET_PRODUCTIEVE_UREN], 38.6 / 19);
    assert_close(p->aanbieder->element[TARIEF_E_OVERHEAD], 12.798947368421);
    assert_cents(p->aanbieder->tarief, 5546);
    oorzaak(p->oorzaken, p->n_oorzaken,
            "functie HBO: loonkosten_per_uur € 45,00 i.p.v. schaal 9 trede 1 (cao vgl-2024)");
    oorzaak(p->oorzaken, p->n_oorzaken, "overhead 30 % i.p.v. 20 %");
    const tarief_oorzaak *o = oorzaak(p->oorzaken, p->n_oorzaken,
                                      "productiviteit 95 % (uit de niet-productieve onderdelen) i.p.v. 80 %");
    assert_int_equal(o->groep, TARIEF_G_PRODUCTIVITEIT);
    assert_int_equal(o->bron.line, 3); /* the verzuim line */
    assert_int_equal(p->n_oorzaken, 3);

    p = product(v, "GRP");
    assert_close(p->aanbieder->gemengde_kosten, 44.5);
    assert_close(p->aanbieder->inzet, 1);
    assert_close(p->aanbieder->element[TARIEF_E_OVERHEAD], 9.8368421052632);
    assert_cents(p->aanbieder->tarief, 6902);
    oorzaak(p->oorzaken, p->n_oorzaken, "functiemix MBO 50 % i.p.v. 100 %");
    oorzaak(p->oorzaken, p->n_oorzaken, "functiemix SPEC 50 % i.p.v. 0 %");
    oorzaak(p->oorzaken, p->n_oorzaken, "groepsgrootte 6 i.p.v. 8");
    assert_int_equal(p->n_oorzaken, 4); /* and productiviteit */
    tarief_ctx_free(ctx);
}

static bool heeft_fout(const tarief_ctx *ctx, const char *file, int line, const char *woord)
{
    const tarief_diag *d = tarief_ctx_diag(ctx);
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].file && strcmp(d->items[i].file, file) == 0 && d->items[i].line == line &&
            strstr(d->items[i].message, woord))
            return true;
    print_diag(ctx);
    print_error("verwacht: %s:%d: ...%s...\n", file, line, woord);
    return false;
}

/* Every problem of the aanbieder map is reported at its file:line. */
static void overlay_fouten(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    tarief_load_options o = {.cao_map = CAO_MAP, .overlay = "tests/data/vgl-aanbieder-fout"};
    assert_null(tarief_load_regio(ctx, REGIO, &o));
    const char *d = "tests/data/vgl-aanbieder-fout/";
    char u[256], p[256], m[256];
    snprintf(u, sizeof u, "%suitgangspunten.csv", d);
    snprintf(p, sizeof p, "%sproducten.csv", d);
    snprintf(m, sizeof m, "%sfunctiemix.csv", d);
    assert_true(heeft_fout(ctx, u, 2, "tariefjaar"));
    assert_true(heeft_fout(ctx, u, 3, "overheid"));
    assert_true(heeft_fout(ctx, p, 2, "XYZ"));
    assert_true(heeft_fout(ctx, p, 3, "eenheid"));
    assert_true(heeft_fout(ctx, m, 3, "WO"));
    /* the row with the unknown functie still counts: 70 + 20 is not 100 */
    assert_true(heeft_fout(ctx, m, 3, "telt op tot 90 %"));
    assert_int_equal(tarief_diag_total(tarief_ctx_diag(ctx)), 6);
    tarief_ctx_free(ctx);

    ctx = tarief_ctx_new();
    o.overlay = "tests/data/bestaat-niet";
    assert_null(tarief_load_regio(ctx, REGIO, &o));
    assert_true(heeft_fout(ctx, "tests/data/bestaat-niet", 1, "aanbiedermap"));
    tarief_ctx_free(ctx);
}

/* The message at file:line:column, word for word. */
static bool heeft_melding(const tarief_ctx *ctx, const char *file, int line, int column, const char *message)
{
    const tarief_diag *d = tarief_ctx_diag(ctx);
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].file && strcmp(d->items[i].file, file) == 0 && d->items[i].line == line &&
            d->items[i].column == column && strcmp(d->items[i].message, message) == 0)
            return true;
    print_diag(ctx);
    print_error("verwacht: %s:%d:%d: %s\n", file, line, column, message);
    return false;
}

/* An aanbieder's rows are read by the region's own readers: every check
 * of a region's row, with its suggestions, holds for them too. */
static void overlay_zelfde_controles(void **state)
{
    (void)state;
    static const struct {
        const char *naam, *tekst;
    } bestanden[] = {
        {"uitgangspunten.csv", "parameter;waarde\ntariefjaar;twintig\nproductiviteit;90%\nverzuim;5%\n"},
        {"functies.csv", "functie;schaal;trede\nHBO;9;7\nHBO;9;1\n"},
        {"producten.csv", "code;eenheid\nAMB;uurr\n"},
        {"functiemix.csv", "product;functie;percentage\nAMB;HBOO;70\nAMB;MBO;20\n"},
    };
    char map[] = "/tmp/test_vergelijk.XXXXXX";
    assert_non_null(mkdtemp(map));
    char pad[4][256];
    for (size_t i = 0; i < 4; i++) {
        snprintf(pad[i], sizeof pad[i], "%s/%s", map, bestanden[i].naam);
        FILE *f = fopen(pad[i], "w");
        assert_non_null(f);
        fputs(bestanden[i].tekst, f);
        fclose(f);
    }
    tarief_ctx *ctx = tarief_ctx_new();
    tarief_load_options o = {.cao_map = CAO_MAP, .overlay = map};
    assert_null(tarief_load_regio(ctx, REGIO, &o));
    static const struct {
        int bestand, line, column;
        const char *message;
    } verwacht[] = {
        {0, 2, 12, "ongeldig tariefjaar 'twintig': verwacht een jaartal zoals 2025"},
        {0, 4, 1, "geef óf productiviteit óf de niet-productieve onderdelen (verlof, verzuim, scholing, werkoverleg, "
                  "indirecte_tijd, overig_niet_productief), niet allebei: productiviteit staat al op regel 3"},
        {1, 2, 7, "trede '7' bestaat niet in schaal '9' van cao 'vgl-2024' "
                  "(tests/data/vgl-cao/vgl-2024/salarisschalen.csv); deze schaal heeft de treden 1, 2"},
        {1, 3, 1, "functie 'HBO' staat er twee keer in (eerder op regel 2)"},
        {2, 2, 5, "onbekende eenheid 'uurr' voor product 'AMB' (bedoelt u 'uur'?): kies minuut, uur, dagdeel, "
                  "etmaal, dag, week, maand, traject of stuk"},
        {3, 2, 5, "onbekende functie 'HBOO': staat niet in functies.csv van de aanbieder of de regio "
                  "(bedoelt u 'HBO'?)"},
        {3, 3, 1, "functiemix van product 'AMB' telt op tot 90 % in plaats van 100 %"},
    };
    size_t n_verwacht = sizeof verwacht / sizeof *verwacht;
    bool ok = true;
    for (size_t i = 0; i < n_verwacht && ok; i++)
        ok = heeft_melding(ctx, pad[verwacht[i].bestand], verwacht[i].line, verwacht[i].column, verwacht[i].message);
    size_t n = tarief_diag_total(tarief_ctx_diag(ctx));
    tarief_ctx_free(ctx);
    for (size_t i = 0; i < 4; i++)
        unlink(pad[i]);
    rmdir(map);
    assert_true(ok);
    assert_int_equal(n, n_verwacht);
}

/* The CSV: eleven rows per product, the difference and its cause. */
static void vergelijk_csv(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_vergelijking *v = tarief_vergelijk(ctx, laad_met(ctx, NULL), laad_met(ctx, "tests/data/vgl-aanbieder"));
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(tarief_vergelijk_csv_write(f, v), 0);
    fclose(f);
    size_t regels = 0;
    for (char *c = buf; *c; c++)
        regels += *c == '\n';
    assert_int_equal(regels, 1 + 2 * (TARIEF_E_COUNT + 1));
    assert_non_null(strstr(buf, "code;naam;eenheid;element;regio;aanbieder;verschil;verschil_pct;oorzaak\n"));
    assert_non_null(strstr(buf, "AMB;Ambulant per uur;uur;kosten_beroepskracht;33,350000;34,075000;0,725000;2,17;"
                                "\"functiemix HBO 70 % i.p.v. 60 % (tests/data/vgl-aanbieder/functiemix.csv:2); "));
    assert_non_null(strstr(buf, "AMB;Ambulant per uur;uur;tarief;52,53;55,90;3,37;6,42;"));
    assert_non_null(strstr(buf, "GRP;Groep per dagdeel;dagdeel;overhead;5,709375;7,136719;1,427344;25,00;"
                                "overhead 25 % i.p.v. 20 % (tests/data/vgl-aanbieder/uitgangspunten.csv:3)\n"));
    free(buf);
    tarief_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(vergelijk_amb),
        cmocka_unit_test(vergelijk_grp),
        cmocka_unit_test(vergelijk_zonder_verschil),
        cmocka_unit_test(overlay_regels),
        cmocka_unit_test(overlay_fouten),
        cmocka_unit_test(overlay_zelfde_controles),
        cmocka_unit_test(vergelijk_csv),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
