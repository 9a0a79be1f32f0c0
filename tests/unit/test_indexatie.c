/*
 * test_indexatie.c - `indexatie;vng`: the VNG provider index over the index
 * series (docs/indexatie.md), its compounding from prijspeil to tariefjaar,
 * per-product overrides, and the input errors.
 *
 * Every expected value was worked out by hand (python3 used only as a
 * calculator), never copied from the program's output. Percentages are
 * fractions here: 4,96 % is 0.0496.
 *
 * Fixtures:
 *   data/index/ova-ppc.csv          the shipped series (VNG figures 2023-2025)
 *   tests/data/index-vng            a region with its own made-up series
 *                                   (ova-ppc.csv: 2022-2024, round figures)
 *                                   and products A-E, tariefjaar 2024
 *   tests/data/index-cao            CAOs idx-2022 (ingangsdatum 2022-05-01)
 *                                   and idx-2023 (2023-05-01): 7/1 = 3000,
 *                                   jaaruren 1800, VT 8 %, EJU 0, WGL 20 %
 *   tests/data/index-fout-*         broken regions and a broken series
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

#define CAO_MAP "tests/data/index-cao"
#define REEKS "data/index/ova-ppc.csv"

#define assert_close(x, verwacht) assert_binnen((x), (verwacht), 1e-12)

/* Money as integer cents. */

/* An index as published: hundredths of a percent (4,96 % -> 496). The
 * rounded index must also be exactly that many hundredths. */
#define assert_index(x, honderdsten)                                           \
    do {                                                                       \
        assert_int_equal(llround((x) * 10000.0), (honderdsten));               \
        assert_close((x), (honderdsten) / 10000.0);                            \
    } while (0)

static const tarief_indexreeks *lees_reeks(void **state, const char *path)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    const tarief_indexreeks *s = tarief_indexreeks_read(ctx, path);
    if (!s)
        print_diag(ctx);
    assert_non_null(s);
    return s;
}

static const tarief_regio *opzet(void **state, const char *dir)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    return laad(ctx, dir, CAO_MAP, NULL);
}

static const tarief_diag *opzet_fout(void **state, const char *dir)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    return laad_fout(ctx, dir, CAO_MAP);
}

/* The error at file (suffix):line:column whose message contains tekst. */
#define assert_fout(d, bestand, regel, kolom, tekst)                                     \
    do {                                                                                 \
        bool gevonden_ = false;                                                          \
        for (size_t i_ = 0; i_ < (d)->count; i_++) {                                     \
            const tarief_error *e_ = &(d)->items[i_];                                    \
            if (eindigt_op(e_->file, (bestand)) && e_->line == (regel) &&                \
                e_->column == (kolom) && strstr(e_->message, (tekst)))                   \
                gevonden_ = true;                                                        \
        }                                                                                \
        if (!gevonden_)                                                                  \
            print_error("geen fout %s:%d:%d met '%s'\n", (bestand), (regel), (kolom), (tekst)); \
        assert_true(gevonden_);                                                          \
    } while (0)

static const tarief_afleiding *product(const tarief_regio *r, const tarief_afleiding *a, const char *code)
{
    const tarief_product *p = tarief_regio_product(r, code);
    assert_non_null(p);
    return &a[p - r->producten];
}

/* ------------------------------------------------------------------ */
/* the VNG checks on the shipped series                                */

/*
 * 2025, verschil, no tussenafronding (VNG's corrected 2025 figure):
 *   gewogen voorlopig 2025   = 0,9 × 4,18 + 0,1 × 1,82 = 3,762 + 0,182 = 3,944
 *   gewogen definitief 2024  = 0,9 × 6,00 + 0,1 × 3,10 = 5,40 + 0,31   = 5,71
 *   gewogen voorlopig 2024   = 0,9 × 4,94 + 0,1 × 2,51 = 4,446 + 0,251 = 4,697
 *   inhaalslag 2024          = 5,71 − 4,697                            = 1,013
 *   index 2025               = 3,944 + 1,013 = 4,957 → 4,96 %
 */
static void test_vng_2025_verschil(void **state)
{
    const tarief_indexreeks *s = lees_reeks(state, REEKS);
    tarief_indexregels g = {TARIEF_INDEXATIE_VERSCHIL, 0.9, false};
    tarief_indexjaar j;
    assert_int_equal(tarief_indexcijfer(s, 2025, &g, &j, NULL, NULL), 0);
    assert_int_equal(j.jaar, 2025);
    assert_close(j.gewogen_voorlopig, 0.03944);
    assert_close(j.vorig_gewogen_definitief, 0.0571);
    assert_close(j.vorig_gewogen_voorlopig, 0.04697);
    /* without tussenafronding nothing is rounded before combining */
    assert_close(j.gewogen_voorlopig_ongerond, 0.03944);
    assert_close(j.vorig_gewogen_definitief_ongerond, 0.0571);
    assert_close(j.vorig_gewogen_voorlopig_ongerond, 0.04697);
    assert_close(j.inhaal, 0.01013);
    assert_close(j.index_ongerond, 0.04957);
    assert_index(j.index, 496);
    /* the figures' sources: the 2025 and 2024 rows of the shipped file */
    assert_int_equal(j.rij->jaar, 2025);
    assert_int_equal(j.vorig->jaar, 2024);
    assert_true(eindigt_op(j.rij->bron.file, "data/index/ova-ppc.csv"));
    assert_int_equal(j.rij->bron.line, 7);
    assert_int_equal(j.vorig->bron.line, 6);
    assert_non_null(strstr(j.rij->bron.tekst, "VNG"));
}

/*
 * 2024, verhouding, with tussenafronding (VNG's 2024 figure):
 *   gewogen voorlopig 2024  = 0,9 × 4,94 + 0,1 × 2,51 = 4,697 → 4,70
 *   gewogen definitief 2023 = 0,9 × 6,36 + 0,1 × 7,02 = 5,724 + 0,702 = 6,426 → 6,43
 *   gewogen voorlopig 2023  = 0,9 × 4,74 + 0,1 × 4,87 = 4,266 + 0,487 = 4,753 → 4,75
 *   inhaalslag 2023         = 1,0643 / 1,0475 − 1 = 1,60381861575178 %
 *   index 2024              = 4,70 + 1,6038186 = 6,3038186 → 6,30 %
 */
static void test_vng_2024_verhouding_tussenafronding(void **state)
{
    const tarief_indexreeks *s = lees_reeks(state, REEKS);
    tarief_indexregels g = {TARIEF_INDEXATIE_VERHOUDING, 0.9, true};
    tarief_indexjaar j;
    assert_int_equal(tarief_indexcijfer(s, 2024, &g, &j, NULL, NULL), 0);
    assert_close(j.gewogen_voorlopig, 0.047);
    assert_close(j.vorig_gewogen_definitief, 0.0643);
    assert_close(j.vorig_gewogen_voorlopig, 0.0475);
    /* the figures before tussenafronding, for uitleg's AFRONDEN(...; 2) */
    assert_close(j.gewogen_voorlopig_ongerond, 0.04697);
    assert_close(j.vorig_gewogen_definitief_ongerond, 0.06426);
    assert_close(j.vorig_gewogen_voorlopig_ongerond, 0.04753);
    assert_close(j.inhaal, 1.0643 / 1.0475 - 1);
    assert_close(j.inhaal, 0.0160381861575178);
    assert_close(j.index_ongerond, 0.0630381861575178);
    assert_index(j.index, 630);
}

/*
 * The rounding inconsistency matters: 2024 by verhouding WITHOUT
 * tussenafronding gives 4,697 + (1,06426 / 1,04753 − 1) = 4,697 + 1,59709
 * = 6,29409 → 6,29 %, not the 6,30 % the VNG published.
 */
static void test_vng_2024_zonder_tussenafronding(void **state)
{
    const tarief_indexreeks *s = lees_reeks(state, REEKS);
    tarief_indexregels g = {TARIEF_INDEXATIE_VERHOUDING, 0.9, false};
    tarief_indexjaar j;
    assert_int_equal(tarief_indexcijfer(s, 2024, &g, &j, NULL, NULL), 0);
    assert_close(j.gewogen_voorlopig, 0.04697);
    assert_close(j.inhaal, 1.06426 / 1.04753 - 1);
    assert_index(j.index, 629);
}

/* Years the shipped series cannot give: 2023 needs the definitive 2022
 * figures (no 2022 row), 2026 has no row. */
static void test_indexcijfer_ontbreekt(void **state)
{
    const tarief_indexreeks *s = lees_reeks(state, REEKS);
    tarief_indexregels g = {TARIEF_INDEXATIE_VERSCHIL, 0.9, false};
    tarief_indexjaar j;
    int jaar = 0;
    const char *kolom = NULL;
    assert_int_equal(tarief_indexcijfer(s, 2023, &g, &j, &jaar, &kolom), -1);
    assert_int_equal(jaar, 2022);
    assert_string_equal(kolom, "jaar");
    assert_int_equal(tarief_indexcijfer(s, 2026, &g, &j, &jaar, &kolom), -1);
    assert_int_equal(jaar, 2026);
    assert_string_equal(kolom, "jaar");
    assert_null(tarief_indexreeks_jaar(s, 2022));
    assert_non_null(tarief_indexreeks_jaar(s, 2023));
}

/* ------------------------------------------------------------------ */
/* compounding and per-product settings (tests/data/index-vng)        */

/*
 * Series (tests/data/index-vng/ova-ppc.csv, in %):
 *   2022: OVA 2,00 / 3,00   PPC 1,00 / 2,00   (voorlopig / definitief)
 *   2023: OVA 4,00 / 5,00   PPC 2,00 / 1,00
 *   2024: OVA 3,33 / -      PPC 2,05 / -
 *
 * Product A: ZZP at € 40,00 per hour, productiviteit 100 %, so K = 40;
 * prijspeil 2022 (product row), tariefjaar 2024; verschil, 90 %, nee.
 *   2023: gewogen voorlopig = 0,9 × 4 + 0,1 × 2 = 3,8
 *         inhaalslag 2022   = (0,9 × 3 + 0,1 × 2) − (0,9 × 2 + 0,1 × 1) = 2,9 − 1,9 = 1,0
 *         index             = 4,8 → 4,80 %
 *   2024: gewogen voorlopig = 0,9 × 3,33 + 0,1 × 2,05 = 2,997 + 0,205 = 3,202
 *         inhaalslag 2023   = (0,9 × 5 + 0,1 × 1) − 3,8 = 4,6 − 3,8 = 0,8
 *         index             = 4,002 → 4,00 %
 *   indexatie = 1,048 × 1,04 − 1 = 1,08992 − 1 = 8,992 %
 *   E8 = 40 × 0,08992 = 3,5968; T = 43,5968; tarief € 43,60
 */
static void test_samengesteld_twee_jaren(void **state)
{
    const tarief_regio *r = opzet(state, "tests/data/index-vng");
    assert_non_null(r->indexreeks);
    assert_true(eindigt_op(r->indexreeks->path, "index-vng/ova-ppc.csv"));
    const tarief_afleiding *a = product(r, tarief_bereken(*state, r, NULL), "A");
    const tarief_indexatie_vng *v = a->indexatie_vng;
    assert_non_null(v);
    assert_int_equal(a->indexatie.keuze, TARIEF_INDEXATIE_VNG);
    assert_int_equal(a->indexatie.herkomst, TARIEF_HERKOMST_REGIO);
    assert_int_equal((int)v->prijspeil.waarde, 2022);
    assert_int_equal(v->prijspeil.herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_int_equal(v->tariefjaar, 2024);
    assert_int_equal(v->methode.keuze, TARIEF_INDEXATIE_VERSCHIL);
    assert_int_equal(v->methode.herkomst, TARIEF_HERKOMST_STANDAARD);
    assert_close(v->loondeel.waarde, 0.9);
    assert_int_equal(v->loondeel.herkomst, TARIEF_HERKOMST_STANDAARD);
    assert_int_equal(v->tussenafronding.keuze, 0);
    assert_int_equal(v->n_jaren, 2);

    const tarief_indexjaar *j = &v->jaren[0];
    assert_int_equal(j->jaar, 2023);
    assert_close(j->gewogen_voorlopig, 0.038);
    assert_close(j->vorig_gewogen_definitief, 0.029);
    assert_close(j->vorig_gewogen_voorlopig, 0.019);
    assert_close(j->inhaal, 0.01);
    assert_index(j->index, 480);
    assert_close(j->cumulatief, 0.048);
    assert_int_equal(j->rij->bron.line, 4);
    assert_int_equal(j->vorig->bron.line, 3);

    j = &v->jaren[1];
    assert_int_equal(j->jaar, 2024);
    assert_close(j->gewogen_voorlopig, 0.03202);
    assert_close(j->vorig_gewogen_definitief, 0.046);
    assert_close(j->vorig_gewogen_voorlopig, 0.038);
    assert_close(j->inhaal, 0.008);
    assert_close(j->index_ongerond, 0.04002);
    assert_index(j->index, 400);
    assert_close(j->cumulatief, 0.08992);
    assert_int_equal(j->rij->bron.line, 5);
    /* each figure knows its own cell: OVA voorlopig 2024 is column 6 */
    assert_int_equal(j->rij->ova_voorlopig.bron.line, 5);
    assert_int_equal(j->rij->ova_voorlopig.bron.column, 6);

    assert_close(v->indexatie, 0.08992);
    assert_close(a->indexatie.waarde, 0.08992);
    assert_close(a->element[TARIEF_E_INDEXATIE], 3.5968);
    assert_close(a->ongerond, 43.5968);
    assert_cents(a->tarief, 4360);
}

/*
 * Product B overrides everything on its row: verhouding, loondeel 80 %,
 * tussenafronding ja, prijspeil 2023; so only 2024:
 *   gewogen voorlopig 2024  = 0,8 × 3,33 + 0,2 × 2,05 = 2,664 + 0,41 = 3,074 → 3,07
 *   gewogen definitief 2023 = 0,8 × 5 + 0,2 × 1 = 4,2 → 4,20
 *   gewogen voorlopig 2023  = 0,8 × 4 + 0,2 × 2 = 3,6 → 3,60
 *   inhaalslag              = 1,042 / 1,036 − 1 = 0,579150579 %
 *   index 2024              = 3,07 + 0,5791506 = 3,6491506 → 3,65 %
 *   E8 = 40 × 0,0365 = 1,46; tarief € 41,46
 * Product C sets indexatie 5 % in this vng region: a plain percentage.
 * Product D: prijspeil 2024 = tariefjaar, so no years and indexatie 0.
 */
static void test_per_product(void **state)
{
    const tarief_regio *r = opzet(state, "tests/data/index-vng");
    const tarief_afleiding *afl = tarief_bereken(*state, r, NULL);

    const tarief_afleiding *b = product(r, afl, "B");
    const tarief_indexatie_vng *v = b->indexatie_vng;
    assert_non_null(v);
    assert_int_equal(v->methode.keuze, TARIEF_INDEXATIE_VERHOUDING);
    assert_int_equal(v->methode.herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_close(v->loondeel.waarde, 0.8);
    assert_int_equal(v->loondeel.herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_int_equal(v->tussenafronding.keuze, 1);
    assert_int_equal(v->n_jaren, 1);
    assert_close(v->jaren[0].gewogen_voorlopig, 0.0307);
    assert_close(v->jaren[0].vorig_gewogen_definitief, 0.042);
    assert_close(v->jaren[0].vorig_gewogen_voorlopig, 0.036);
    assert_close(v->jaren[0].inhaal, 1.042 / 1.036 - 1);
    assert_index(v->jaren[0].index, 365);
    assert_close(b->element[TARIEF_E_INDEXATIE], 1.46);
    assert_cents(b->tarief, 4146);

    const tarief_afleiding *c = product(r, afl, "C");
    assert_null(c->indexatie_vng);
    assert_int_equal(c->indexatie.keuze, TARIEF_INDEXATIE_PERCENTAGE);
    assert_int_equal(c->indexatie.herkomst, TARIEF_HERKOMST_PRODUCT);
    assert_close(c->indexatie.waarde, 0.05);
    assert_cents(c->tarief, 4200);

    const tarief_afleiding *d = product(r, afl, "D");
    assert_non_null(d->indexatie_vng);
    assert_int_equal(d->indexatie_vng->n_jaren, 0);
    assert_close(d->indexatie.waarde, 0);
    assert_cents(d->tarief, 4000);
}

/*
 * Product E: MBO from CAO idx-2022 (ingangsdatum 2022-05-01), no prijspeil
 * set, so prijspeil 2022 from the CAO; same years as A: indexatie 8,992 %.
 *   J = 12 × 3000 = 36000; VT 8 % = 2880; EJU 0; B = 38880;
 *   WGL 20 % = 7776; L = 46656; C = 46656 / 1800 = 25,92 = K
 *   E8 = 25,92 × 0,08992 = 2,3307264; T = 28,2507264; tarief € 28,25
 */
static void test_prijspeil_uit_cao(void **state)
{
    const tarief_regio *r = opzet(state, "tests/data/index-vng");
    const tarief_afleiding *e = product(r, tarief_bereken(*state, r, NULL), "E");
    const tarief_indexatie_vng *v = e->indexatie_vng;
    assert_non_null(v);
    assert_int_equal((int)v->prijspeil.waarde, 2022);
    assert_int_equal(v->prijspeil.herkomst, TARIEF_HERKOMST_CAO);
    assert_non_null(v->prijspeil_cao);
    assert_string_equal(v->prijspeil_cao->id, "idx-2022");
    assert_non_null(v->prijspeil.param);
    assert_string_equal(v->prijspeil.param->tekst, "2022-05-01");
    assert_true(eindigt_op(v->prijspeil.param->bron.file, "idx-2022/cao.csv"));
    assert_int_equal(v->prijspeil.param->bron.line, 3);
    assert_close(v->indexatie, 0.08992);
    assert_close(e->kostprijs, 25.92);
    assert_close(e->element[TARIEF_E_INDEXATIE], 2.3307264);
    assert_cents(e->tarief, 2825);
}

/* The percentage form is untouched, and no series is read when no product
 * uses vng (tests/data/hand-basis: RISICO has indexatie 4 %). */
static void test_percentage_ongewijzigd(void **state)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    const tarief_regio *r = laad(ctx, "tests/data/hand-basis", "tests/data/hand-cao", NULL);
    assert_null(r->indexreeks);
    const tarief_afleiding *a = tarief_bereken(ctx, r, NULL);
    for (size_t i = 0; i < r->n_producten; i++)
        assert_null(a[i].indexatie_vng);
    const tarief_afleiding *x = product(r, a, "RISICO");
    assert_int_equal(x->indexatie.keuze, TARIEF_INDEXATIE_PERCENTAGE);
    assert_close(x->indexatie.waarde, 0.04);
}

/* ------------------------------------------------------------------ */
/* errors                                                              */

/* tests/data/index-fout-jaar, tariefjaar 2026, series 2023-2025:
 *   X (prijspeil 2025) needs the row 2026: reported at the indexatie
 *     setting (uitgangspunten.csv line 5, column 11), naming year and file;
 *   Y (prijspeil 2024) needs OVA definitief 2024 for the catch-up in
 *     2025: reported at that empty cell (ova-ppc.csv line 3, column 11). */
static void test_fout_ontbrekend_jaar(void **state)
{
    const tarief_diag *d = opzet_fout(state, "tests/data/index-fout-jaar");
    assert_fout(d, "index-fout-jaar/uitgangspunten.csv", 5, 11, "jaar 2026 ontbreekt in de indexreeks");
    assert_fout(d, "index-fout-jaar/uitgangspunten.csv", 5, 11, "index-fout-jaar/ova-ppc.csv");
    assert_fout(d, "index-fout-jaar/ova-ppc.csv", 3, 11, "ova_definitief van 2024 ontbreekt");
    assert_int_equal(tarief_diag_total(d), 2);
}

/* tests/data/index-fout-woord: bad words and numbers, each at its cell. */
static void test_fout_woorden(void **state)
{
    const tarief_diag *d = opzet_fout(state, "tests/data/index-fout-woord");
    assert_fout(d, "index-fout-woord/uitgangspunten.csv", 6, 19, "onbekende indexatie_methode 'gemiddeld': kies verschil of verhouding");
    assert_fout(d, "index-fout-woord/uitgangspunten.csv", 7, 27, "onbekende indexatie_tussenafronding 'misschien': kies ja of nee");
    assert_fout(d, "index-fout-woord/uitgangspunten.csv", 8, 20, "indexatie_loondeel moet tussen 0 en 100");
    assert_fout(d, "index-fout-woord/producten.csv", 2, 21, "onbekende indexatie 'vgn'");
    assert_fout(d, "index-fout-woord/producten.csv", 2, 25, "ongeldig jaar '22' voor prijspeil");
    assert_int_equal(tarief_diag_total(d), 5);
}

/* tests/data/index-fout-prijspeil: P1 only loonkosten_per_uur, P2 two CAOs
 * of different years, P3 prijspeil after tariefjaar; P4 (two CAO years but
 * an explicit prijspeil) is fine. */
static void test_fout_prijspeil(void **state)
{
    const tarief_diag *d = opzet_fout(state, "tests/data/index-fout-prijspeil");
    assert_fout(d, "index-fout-prijspeil/uitgangspunten.csv", 5, 11, "product 'P1'");
    assert_fout(d, "index-fout-prijspeil/uitgangspunten.csv", 5, 11, "zet 'prijspeil'");
    assert_fout(d, "index-fout-prijspeil/uitgangspunten.csv", 5, 11, "product 'P2'");
    assert_fout(d, "index-fout-prijspeil/uitgangspunten.csv", 5, 11, "idx-2022: 2022-05-01, idx-2023: 2023-05-01");
    assert_fout(d, "index-fout-prijspeil/producten.csv", 4, 34, "prijspeil 2030 ligt na tariefjaar 2024");
    assert_int_equal(tarief_diag_total(d), 3);
}

/* A broken series file: every problem at its file:line:column. */
static void test_fout_reeks(void **state)
{
    tarief_ctx *ctx = tarief_ctx_new();
    *state = ctx;
    assert_null(tarief_indexreeks_read(ctx, "tests/data/index-fout-reeks/ova-ppc.csv"));
    const tarief_diag *d = tarief_ctx_diag(ctx);
    print_diag(ctx);
    assert_fout(d, "index-fout-reeks/ova-ppc.csv", 2, 11, "ongeldig getal '6.36' voor ova_definitief");
    assert_fout(d, "index-fout-reeks/ova-ppc.csv", 3, 1, "jaar 2023 staat er twee keer in (eerder op regel 2)");
    assert_fout(d, "index-fout-reeks/ova-ppc.csv", 4, 1, "ongeldig jaar '24'");
    assert_fout(d, "index-fout-reeks/ova-ppc.csv", 5, 6, "ova_voorlopig van 2025 ontbreekt");
    assert_int_equal(tarief_diag_total(d), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_vng_2025_verschil, ctx_opruimen),
        cmocka_unit_test_teardown(test_vng_2024_verhouding_tussenafronding, ctx_opruimen),
        cmocka_unit_test_teardown(test_vng_2024_zonder_tussenafronding, ctx_opruimen),
        cmocka_unit_test_teardown(test_indexcijfer_ontbreekt, ctx_opruimen),
        cmocka_unit_test_teardown(test_samengesteld_twee_jaren, ctx_opruimen),
        cmocka_unit_test_teardown(test_per_product, ctx_opruimen),
        cmocka_unit_test_teardown(test_prijspeil_uit_cao, ctx_opruimen),
        cmocka_unit_test_teardown(test_percentage_ongewijzigd, ctx_opruimen),
        cmocka_unit_test_teardown(test_fout_ontbrekend_jaar, ctx_opruimen),
        cmocka_unit_test_teardown(test_fout_woorden, ctx_opruimen),
        cmocka_unit_test_teardown(test_fout_prijspeil, ctx_opruimen),
        cmocka_unit_test_teardown(test_fout_reeks, ctx_opruimen),
    };
    return cmocka_run_group_tests_name("indexatie", tests, NULL, NULL);
}
