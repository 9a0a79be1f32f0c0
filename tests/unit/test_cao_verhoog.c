/*
 * test_cao_verhoog.c - deriving a CAO table from the rules of a rise
 * (tarief/cao.h), on hand-worked rows.
 *
 * Two real rules:
 *   - CAO Jeugdzorg 2024: +8 % (1-1-2024), then every step below € 15 per
 *     hour raised to € 15 per hour, then +1,25 % (1-7-2024). The Jeugdzorg
 *     table itself is not in the repository, so the rows are made up, some
 *     below and some above the floor. 36 h/week: hours per month
 *     = 36 × 52 / 12 = 156, floor = 15 × 156 = 2.340,00.
 *   - CAO GGZ 1-11-2023: +5 %, minimum € 150, maximum € 300 a month, on the
 *     FWG 65 rows of data/cao/ggz-fwg65-2023-05-01, plus made-up low and high
 *     salaries that hit the minimum and the maximum.
 *
 * The rules run at full precision; only the end result is rounded
 * (spreadsheet ROUND, half away from zero). Money is compared as integer
 * cents, never with a float epsilon.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tarief.h"
#include "unit/testhulp.h"


/* --- fixtures ------------------------------------------------------------- */

static tarief_salaris rij(const char *schaal, const char *trede, double s)
{
    tarief_salaris r = { .schaal = schaal, .trede = trede, .maandsalaris = s };
    return r;
}

/* A hand-made table; uren_per_week <= 0 means "not set". */
static tarief_cao *maak_cao(tarief_ctx *ctx, const char *id, const char *naam,
                            const char *datum, double uren_per_week,
                            const tarief_salaris *rijen, size_t n)
{
    tarief_cao *c = tarief_ctx_alloc(ctx, sizeof *c);
    c->id = id;
    c->naam = naam;
    c->ingangsdatum = datum;
    c->regels = tarief_ctx_alloc(ctx, 4 * sizeof *c->regels);
    c->regels[c->n_regels++] = (tarief_regel){ .naam = "naam", .waarde = naam, .param = -1 };
    c->regels[c->n_regels++] =
        (tarief_regel){ .naam = "ingangsdatum", .waarde = datum, .param = -1 };
    if (uren_per_week > 0) {
        char tekst[32];
        snprintf(tekst, sizeof tekst, "%g", uren_per_week);
        const char *t = tarief_ctx_strdup(ctx, tekst);
        c->uren_per_week = (tarief_param){ .set = true, .waarde = uren_per_week, .tekst = t };
        c->regels[c->n_regels++] =
            (tarief_regel){ .naam = "uren_per_week", .waarde = t, .param = -1 };
    }
    c->params[TARIEF_P_JAARUREN] = (tarief_param){ .set = true, .waarde = 1878, .tekst = "1878" };
    c->regels[c->n_regels++] =
        (tarief_regel){ .naam = "jaaruren", .waarde = "1878", .param = TARIEF_P_JAARUREN };
    c->salarissen = tarief_ctx_alloc(ctx, n * sizeof *c->salarissen);
    memcpy(c->salarissen, rijen, n * sizeof *rijen);
    c->n_salarissen = n;
    return c;
}

/* Made-up Jeugdzorg-like rows, see test_jeugdzorg_2024. */
static const tarief_salaris JZ[] = {
    { "7", "1", 2000.00, { 0 } }, { "7", "2", 2150.00, { 0 } }, { "7", "3", 2170.00, { 0 } },
    { "8", "1", 3000.00, { 0 } }, { "10", "5", 4321.00, { 0 } },
};
#define N_JZ (sizeof JZ / sizeof JZ[0])

static const tarief_cao_stap JZ_STAPPEN[] = {
    { .soort = TARIEF_CAO_PROCENT, .waarde = 0.08 },
    { .soort = TARIEF_CAO_MINIMUM_UURLOON, .waarde = 15 },
    { .soort = TARIEF_CAO_PROCENT, .waarde = 0.0125 },
};

static const tarief_cao_stap GGZ_STAP[] = {
    { .soort = TARIEF_CAO_PROCENT, .waarde = 0.05, .heeft_minimum = true, .minimum = 150,
      .heeft_maximum = true, .maximum = 300 },
};

static const tarief_cao_doel JZ_DOEL = { .id = "jz-2024-07-01", .ingangsdatum = "2024-07-01" };
static const tarief_cao_doel GGZ_DOEL = { .id = "ggz-fwg65-2023-11-01",
                                          .ingangsdatum = "2023-11-01" };

static size_t fouten(const tarief_ctx *ctx) { return tarief_diag_total(tarief_ctx_diag(ctx)); }

/* --- Jeugdzorg ----------------------------------------------------------- */

/*
 * +8 %, floor 15 × 36 × 52 / 12 = 2.340,00, +1,25 %, rounded to the cent:
 *   7/1  2.000,00: × 8 % = 160,00 -> 2.160,00 < 2.340,00 -> 2.340,00;
 *                  × 1,25 % = 29,25 -> 2.369,25
 *   7/2  2.150,00: + 172,00 = 2.322,00 < 2.340,00 -> 2.340,00 -> 2.369,25
 *   7/3  2.170,00: + 173,60 = 2.343,60 >= 2.340,00, stays;
 *                  + 29,295 = 2.372,895 -> half away from zero -> 2.372,90
 *   8/1  3.000,00: + 240,00 = 3.240,00; + 40,50 = 3.280,50
 *   10/5 4.321,00: + 345,68 = 4.666,68; + 58,3335 = 4.725,0135 -> 4.725,01
 */
static void test_jeugdzorg_2024(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_cao *c =
        maak_cao(ctx, "jz-2023", "Cao Jeugdzorg (test) per 1 juli 2023", "2023-07-01", 36, JZ, N_JZ);
    tarief_cao_regels r = { .stappen = JZ_STAPPEN, .n_stappen = 3 };
    const tarief_cao_verhoging *v = tarief_cao_verhoog(ctx, c, &r, &JZ_DOEL);
    assert_non_null(v);
    assert_int_equal(v->n_rijen, N_JZ);
    assert_cents(v->uren_per_maand, 15600);
    assert_false(v->uren_opgegeven);

    assert_cents(v->rijen[0].maandsalaris, 236925);
    assert_cents(v->rijen[1].maandsalaris, 236925);
    assert_cents(v->rijen[2].maandsalaris, 237290);
    assert_cents(v->rijen[3].maandsalaris, 328050);
    assert_cents(v->rijen[4].maandsalaris, 472501);

    /* the trace: 7/1 after step 1 is 2.160,00, raised to the floor in step 2 */
    assert_cents(v->rijen[0].stappen[0].na, 216000);
    assert_int_equal(v->rijen[0].stappen[1].begrensd, 1);
    assert_cents(v->rijen[0].stappen[1].verhoging, 234000);
    assert_cents(v->rijen[0].stappen[1].na, 234000);
    /* 7/3: 2.343,60 is above the floor; 2.372,895 before rounding */
    assert_int_equal(v->rijen[2].stappen[1].begrensd, 0);
    assert_cents(v->rijen[2].stappen[1].na, 234360);
    assert_int_equal(llround(v->rijen[2].ongerond * 1000), 2372895);

    /* the new table is in v->cao too, rows in source order */
    assert_string_equal(v->cao.salarissen[2].schaal, "7");
    assert_string_equal(v->cao.salarissen[2].trede, "3");
    assert_cents(v->cao.salarissen[2].maandsalaris, 237290);
    assert_string_equal(v->cao.id, "jz-2024-07-01");
    assert_string_equal(v->cao.ingangsdatum, "2024-07-01");
    assert_string_equal(v->cao.naam, "Cao Jeugdzorg (test) per 1 juli 2024");

    assert_string_equal(v->beschrijving,
                        "afgeleid van jz-2023 met tarief cao verhoog: +8 %, daarna minimum € 15 "
                        "per uur = € 2.340,00 per maand (36 uur per week × 52 / 12 = 156 uur per "
                        "maand), daarna +1,25 %, afronding cent");
    assert_string_equal(v->rijen[0].toelichting,
                        "2.000,00 +8 % (+160,00) = 2.160,00, daarna opgetrokken tot minimum "
                        "2.340,00, daarna +1,25 % (+29,25) = 2.369,25");
    assert_string_equal(v->rijen[2].toelichting,
                        "2.170,00 +8 % (+173,60) = 2.343,60, daarna boven minimum 2.340,00, "
                        "daarna +1,25 % (+29,295) = 2.372,895, afgerond 2.372,90");
    tarief_ctx_free(ctx);
}

/*
 * The same rule rounded to whole euros (ROUND(x, 0), half away from zero):
 *   2.369,25 -> 2.369;  2.372,895 -> 2.373;  3.280,50 -> 3.281;  4.725,0135 -> 4.725
 */
static void test_jeugdzorg_euro(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_cao *c = maak_cao(ctx, "jz-2023", "Cao Jeugdzorg (test)", "2023-07-01", 36, JZ, N_JZ);
    tarief_cao_regels r = { .stappen = JZ_STAPPEN, .n_stappen = 3,
                            .afronding = TARIEF_AFRONDING_EURO };
    const tarief_cao_verhoging *v = tarief_cao_verhoog(ctx, c, &r, &JZ_DOEL);
    assert_non_null(v);
    assert_cents(v->rijen[0].maandsalaris, 236900);
    assert_cents(v->rijen[2].maandsalaris, 237300);
    assert_cents(v->rijen[3].maandsalaris, 328100);
    assert_cents(v->rijen[4].maandsalaris, 472500);
    /* no date in the name: it is appended */
    assert_string_equal(v->cao.naam, "Cao Jeugdzorg (test) (per 1 juli 2024)");
    tarief_ctx_free(ctx);
}

/*
 * Hours per month:
 *   given as 160: floor 15 × 160 = 2.400,00;
 *     7/1: 2.160,00 -> 2.400,00; + 30,00 = 2.430,00
 *   a 38-hour CAO: 15 × 38 × 52 / 12 = 29.640 / 12 = 2.470,00;
 *     7/1: 2.160,00 -> 2.470,00; + 30,875 = 2.500,875 -> 2.500,88
 *   a CAO without uren_per_week and no hours given: an error, no table.
 */
static void test_uren_per_maand(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_cao *c36 = maak_cao(ctx, "jz", "Jz", "2023-07-01", 36, JZ, N_JZ);
    tarief_cao_regels r = { .stappen = JZ_STAPPEN, .n_stappen = 3, .uren_per_maand = 160 };
    const tarief_cao_verhoging *v = tarief_cao_verhoog(ctx, c36, &r, &JZ_DOEL);
    assert_non_null(v);
    assert_true(v->uren_opgegeven);
    assert_cents(v->rijen[0].maandsalaris, 243000);
    assert_non_null(strstr(v->beschrijving,
                           "minimum € 15 per uur = € 2.400,00 per maand (160 uur per maand)"));

    const tarief_cao *c38 = maak_cao(ctx, "jz38", "Jz", "2023-07-01", 38, JZ, N_JZ);
    r.uren_per_maand = 0;
    v = tarief_cao_verhoog(ctx, c38, &r, &JZ_DOEL);
    assert_non_null(v);
    assert_cents(v->rijen[0].stappen[1].na, 247000); /* the floor */
    assert_cents(v->rijen[0].maandsalaris, 250088);

    const tarief_cao *zonder = maak_cao(ctx, "zonder", "Zonder", "2023-07-01", 0, JZ, N_JZ);
    size_t voor = fouten(ctx);
    assert_null(tarief_cao_verhoog(ctx, zonder, &r, &JZ_DOEL));
    assert_int_equal(fouten(ctx), voor + 1);
    assert_non_null(strstr(tarief_ctx_diag(ctx)->items[voor].message, "uren_per_week"));

    /* without a floor step the hours are not needed */
    tarief_cao_regels alleen_procent = { .stappen = JZ_STAPPEN, .n_stappen = 1 };
    assert_non_null(tarief_cao_verhoog(ctx, zonder, &alleen_procent, &JZ_DOEL));
    tarief_ctx_free(ctx);
}

/* --- GGZ ------------------------------------------------------------------ */

/*
 * +5 %, minimum € 150, maximum € 300, on the real FWG 65 table:
 *   trede 1  4.468: × 5 % = 223,40, between 150 and 300 -> 4.691,40
 *   trede 2  4.624: 231,20 -> 4.855,20
 *   trede 13 5.848: 292,40 -> 6.140,40
 * All thirteen steps (4.468 .. 5.848) rise by 223,40 .. 292,40: neither
 * bound applies.
 */
static void test_ggz_fwg65(void **state)
{
    (void)state;
    const char *dir = "data/cao/ggz-fwg65-2023-05-01";
    struct stat st;
    if (stat(dir, &st) != 0)
        skip(); /* run from the repository root */
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_cao *c = tarief_load_cao(ctx, dir, "ggz-fwg65-2023-05-01");
    assert_non_null(c);
    assert_int_equal(c->n_salarissen, 13);
    tarief_cao_regels r = { .stappen = GGZ_STAP, .n_stappen = 1 };
    const tarief_cao_verhoging *v = tarief_cao_verhoog(ctx, c, &r, &GGZ_DOEL);
    assert_non_null(v);
    assert_cents(v->rijen[0].maandsalaris, 469140);
    assert_cents(v->rijen[1].maandsalaris, 485520);
    assert_cents(v->rijen[12].maandsalaris, 614040);
    for (size_t i = 0; i < v->n_rijen; i++)
        assert_int_equal(v->rijen[i].stappen[0].begrensd, 0);
    assert_string_equal(v->beschrijving,
                        "afgeleid van ggz-fwg65-2023-05-01 met tarief cao verhoog: +5 % (min € "
                        "150, max € 300 per maand), afronding cent");
    assert_string_equal(v->rijen[0].toelichting, "4.468,00 +5 % (+223,40) = 4.691,40");
    assert_string_equal(v->cao.naam, "Cao GGZ 2021-2024, FWG 65 per 1 november 2023");

    /* every parameter is copied, in order, with the derivation as bron */
    assert_int_equal(v->cao.n_regels, c->n_regels);
    for (size_t i = 0; i < v->cao.n_regels; i++) {
        assert_string_equal(v->cao.regels[i].naam, c->regels[i].naam);
        assert_true(strncmp(v->cao.regels[i].bron.tekst, v->beschrijving,
                            strlen(v->beschrijving)) == 0);
    }
    assert_string_equal(v->cao.regels[1].waarde, "2023-11-01");
    assert_string_equal(v->cao.regels[4].naam, "vakantietoeslag");
    assert_string_equal(v->cao.regels[4].waarde, "8%");
    assert_non_null(
        strstr(v->cao.regels[4].bron.tekst, "Waarde ongewijzigd overgenomen, bron daar: cao"));
    assert_cents(v->cao.params[TARIEF_P_EINDEJAARSUITKERING].waarde * 100, 833);
    tarief_ctx_free(ctx);
}

/*
 * The bounds, on made-up GGZ rows:
 *   2.500,00: 125,00 < 150 -> +150,00 = 2.650,00 (minimum)
 *   2.999,99: 149,9995 < 150 -> +150,00 = 3.149,99 (minimum)
 *   3.000,00: 150,00, exactly the minimum -> 3.150,00 (no bound applied)
 *   4.468,10: 223,405 -> 4.691,505 -> ROUND -> 4.691,51
 *   6.000,00: 300,00, exactly the maximum -> 6.300,00 (no bound applied)
 *   6.500,00: 325,00 > 300 -> +300,00 = 6.800,00 (maximum)
 */
static void test_ggz_grenzen(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_salaris rijen[] = {
        rij("FWG 40", "1", 2500.00), rij("FWG 40", "2", 2999.99), rij("FWG 40", "3", 3000.00),
        rij("FWG 65", "1", 4468.10), rij("FWG 80", "1", 6000.00), rij("FWG 80", "2", 6500.00),
    };
    const tarief_cao *c = maak_cao(ctx, "ggz-test", "Cao GGZ test per 1-5-2023", "2023-05-01", 36,
                                   rijen, 6);
    tarief_cao_regels r = { .stappen = GGZ_STAP, .n_stappen = 1 };
    const tarief_cao_verhoging *v = tarief_cao_verhoog(ctx, c, &r, &GGZ_DOEL);
    assert_non_null(v);
    assert_cents(v->rijen[0].maandsalaris, 265000);
    assert_cents(v->rijen[1].maandsalaris, 314999);
    assert_cents(v->rijen[2].maandsalaris, 315000);
    assert_cents(v->rijen[3].maandsalaris, 469151);
    assert_cents(v->rijen[4].maandsalaris, 630000);
    assert_cents(v->rijen[5].maandsalaris, 680000);
    assert_int_equal(v->rijen[0].stappen[0].begrensd, -1);
    assert_int_equal(v->rijen[1].stappen[0].begrensd, -1);
    assert_int_equal(v->rijen[2].stappen[0].begrensd, 0);
    assert_int_equal(v->rijen[3].stappen[0].begrensd, 0);
    assert_int_equal(v->rijen[4].stappen[0].begrensd, 0);
    assert_int_equal(v->rijen[5].stappen[0].begrensd, 1);
    assert_string_equal(v->rijen[0].toelichting,
                        "2.500,00 +5 % (+125,00, verhoogd tot minimum 150,00) = 2.650,00");
    assert_string_equal(v->rijen[5].toelichting,
                        "6.500,00 +5 % (+325,00, begrensd op maximum 300,00) = 6.800,00");
    /* "1-5-2023" in the name becomes the new date in the same form */
    assert_string_equal(v->cao.naam, "Cao GGZ test per 1-11-2023");

    /* only a minimum, or only a maximum */
    tarief_cao_stap s = { .soort = TARIEF_CAO_PROCENT, .waarde = 0.05, .heeft_minimum = true,
                          .minimum = 150 };
    r.stappen = &s;
    v = tarief_cao_verhoog(ctx, c, &r, &GGZ_DOEL);
    assert_non_null(v);
    assert_cents(v->rijen[5].maandsalaris, 682500); /* 6.500 + 325 */
    assert_non_null(strstr(v->beschrijving, ": +5 % (min € 150 per maand), afronding cent"));
    s = (tarief_cao_stap){ .soort = TARIEF_CAO_PROCENT, .waarde = 0.05, .heeft_maximum = true,
                           .maximum = 300 };
    v = tarief_cao_verhoog(ctx, c, &r, &GGZ_DOEL);
    assert_non_null(v);
    assert_cents(v->rijen[0].maandsalaris, 262500); /* 2.500 + 125 */
    assert_non_null(strstr(v->beschrijving, ": +5 % (max € 300 per maand), afronding cent"));
    tarief_ctx_free(ctx);
}

/* --- invalid rules and targets ------------------------------------------- */

static void verwacht_fout(const tarief_cao *c, const tarief_cao_regels *r, const tarief_cao_doel *d,
                          const char *woord)
{
    tarief_ctx *ctx = tarief_ctx_new();
    assert_null(tarief_cao_verhoog(ctx, c, r, d));
    const tarief_diag *dg = tarief_ctx_diag(ctx);
    assert_true(dg->count >= 1);
    if (strstr(dg->items[0].message, woord) == NULL)
        fail_msg("melding '%s' noemt '%s' niet", dg->items[0].message, woord);
    tarief_ctx_free(ctx);
}

static void test_ongeldig(void **state)
{
    (void)state;
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_cao *c = maak_cao(ctx, "jz", "Jz", "2023-07-01", 36, JZ, N_JZ);
    tarief_cao_regels r = { .stappen = JZ_STAPPEN, .n_stappen = 3 };

    tarief_cao_regels leeg = { 0 };
    verwacht_fout(c, &leeg, &JZ_DOEL, "geen verhogingsregel");

    tarief_cao_stap s = { .soort = TARIEF_CAO_PROCENT, .waarde = 0.05, .heeft_minimum = true,
                          .minimum = 300, .heeft_maximum = true, .maximum = 150 };
    tarief_cao_regels omgekeerd = { .stappen = &s, .n_stappen = 1 };
    verwacht_fout(c, &omgekeerd, &JZ_DOEL, "groter dan maximumverhoging");

    tarief_cao_stap neg = { .soort = TARIEF_CAO_PROCENT, .waarde = -0.02 };
    tarief_cao_regels negatief = { .stappen = &neg, .n_stappen = 1 };
    verwacht_fout(c, &negatief, &JZ_DOEL, "negatief");

    tarief_cao_regels omhoog = { .stappen = JZ_STAPPEN, .n_stappen = 3,
                                 .afronding = TARIEF_AFRONDING_EURO_OMHOOG };
    verwacht_fout(c, &omhoog, &JZ_DOEL, "'cent' of 'euro'");

    tarief_cao_doel d = { .id = "../elders", .ingangsdatum = "2024-07-01" };
    verwacht_fout(c, &r, &d, "ongeldige cao-id");
    d = (tarief_cao_doel){ .id = "jz-nieuw", .ingangsdatum = "2024-02-30" };
    verwacht_fout(c, &r, &d, "ongeldige ingangsdatum");
    d = (tarief_cao_doel){ .id = "jz-nieuw", .ingangsdatum = "2023-07-01" };
    verwacht_fout(c, &r, &d, "ligt niet na");
    tarief_ctx_free(ctx);
}

/* --- writing -------------------------------------------------------------- */

static char *lees(const char *pad)
{
    FILE *f = fopen(pad, "rb");
    assert_non_null(f);
    static char buf[16384];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static size_t aantal_items(const char *map)
{
    DIR *d = opendir(map);
    assert_non_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

/* Written, read back by the loader, refused the second time. */
static void test_schrijf_en_lees_terug(void **state)
{
    (void)state;
    char map[] = "/tmp/test_cao_verhoog.XXXXXX";
    assert_non_null(mkdtemp(map));
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_cao *c = maak_cao(ctx, "jz-2023", "Cao Jeugdzorg (test) per 1 juli 2023",
                                   "2023-07-01", 36, JZ, N_JZ);
    tarief_cao_regels r = { .stappen = JZ_STAPPEN, .n_stappen = 3 };
    const tarief_cao_verhoging *v = tarief_cao_verhoog(ctx, c, &r, &JZ_DOEL);
    assert_non_null(v);
    assert_int_equal(tarief_cao_schrijf(ctx, v, map), TARIEF_CAO_OK);
    assert_int_equal(aantal_items(map), 1); /* no temporary directory left */

    char dir[512], pad[600];
    snprintf(dir, sizeof dir, "%s/jz-2024-07-01", map);
    snprintf(pad, sizeof pad, "%s/salarisschalen.csv", dir);
    assert_string_equal(
        lees(pad),
        "schaal;trede;maandsalaris;bron\n"
        "7;1;2.369,25;afgeleid van jz-2023 met tarief cao verhoog: 2.000,00 +8 % (+160,00) = "
        "2.160,00, daarna opgetrokken tot minimum 2.340,00, daarna +1,25 % (+29,25) = 2.369,25\n"
        "7;2;2.369,25;afgeleid van jz-2023 met tarief cao verhoog: 2.150,00 +8 % (+172,00) = "
        "2.322,00, daarna opgetrokken tot minimum 2.340,00, daarna +1,25 % (+29,25) = 2.369,25\n"
        "7;3;2.372,90;afgeleid van jz-2023 met tarief cao verhoog: 2.170,00 +8 % (+173,60) = "
        "2.343,60, daarna boven minimum 2.340,00, daarna +1,25 % (+29,295) = 2.372,895, "
        "afgerond 2.372,90\n"
        "8;1;3.280,50;afgeleid van jz-2023 met tarief cao verhoog: 3.000,00 +8 % (+240,00) = "
        "3.240,00, daarna boven minimum 2.340,00, daarna +1,25 % (+40,50) = 3.280,50\n"
        "10;5;4.725,01;afgeleid van jz-2023 met tarief cao verhoog: 4.321,00 +8 % (+345,68) = "
        "4.666,68, daarna boven minimum 2.340,00, daarna +1,25 % (+58,3335) = 4.725,0135, "
        "afgerond 4.725,01\n");

    tarief_ctx *ctx2 = tarief_ctx_new();
    const tarief_cao *terug = tarief_load_cao(ctx2, dir, "jz-2024-07-01");
    if (terug == NULL) {
        const tarief_diag *d = tarief_ctx_diag(ctx2);
        fail_msg("geschreven tabel niet leesbaar: %s:%d: %s", d->items[0].file, d->items[0].line,
                 d->items[0].message);
    }
    assert_string_equal(terug->naam, "Cao Jeugdzorg (test) per 1 juli 2024");
    assert_string_equal(terug->ingangsdatum, "2024-07-01");
    assert_true(terug->uren_per_week.set);
    assert_int_equal(llround(terug->uren_per_week.waarde), 36);
    assert_int_equal(terug->n_salarissen, N_JZ);
    for (size_t i = 0; i < N_JZ; i++)
        assert_int_equal(llround(terug->salarissen[i].maandsalaris * 100),
                         llround(v->rijen[i].maandsalaris * 100));
    /* uitleg shows a salary's bron: the source table and the calculation */
    assert_string_equal(terug->salarissen[0].bron.tekst, v->cao.salarissen[0].bron.tekst);
    assert_string_equal(terug->regels[0].bron.tekst,
                        "afgeleid van jz-2023 met tarief cao verhoog: +8 %, daarna minimum € 15 "
                        "per uur = € 2.340,00 per maand (36 uur per week × 52 / 12 = 156 uur per "
                        "maand), daarna +1,25 %, afronding cent. Naam was: Cao Jeugdzorg (test) "
                        "per 1 juli 2023");
    tarief_ctx_free(ctx2);

    /* never overwritten */
    snprintf(pad, sizeof pad, "%s/salarisschalen.csv", dir);
    char *voor = strdup(lees(pad));
    size_t n = fouten(ctx);
    assert_int_equal(tarief_cao_schrijf(ctx, v, map), TARIEF_CAO_BESTAAT);
    assert_int_equal(fouten(ctx), n + 1);
    assert_non_null(strstr(tarief_ctx_diag(ctx)->items[n].message, "bestaat al"));
    assert_string_equal(lees(pad), voor);
    assert_int_equal(aantal_items(map), 1);
    free(voor);

    /* a map that is not there: an I/O error, nothing left */
    char weg[600];
    snprintf(weg, sizeof weg, "%s/bestaat-niet", map);
    assert_int_equal(tarief_cao_schrijf(ctx, v, weg), TARIEF_CAO_IO);
    assert_int_equal(aantal_items(map), 1);

    unlink(pad);
    snprintf(pad, sizeof pad, "%s/cao.csv", dir);
    unlink(pad);
    rmdir(dir);
    rmdir(map);
    tarief_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jeugdzorg_2024),
        cmocka_unit_test(test_jeugdzorg_euro),
        cmocka_unit_test(test_uren_per_maand),
        cmocka_unit_test(test_ggz_fwg65),
        cmocka_unit_test(test_ggz_grenzen),
        cmocka_unit_test(test_ongeldig),
        cmocka_unit_test(test_schrijf_en_lees_terug),
    };
    return cmocka_run_group_tests_name("cao verhoog (handberekend)", tests, NULL, NULL);
}
