/*
 * workbook.c - the workbook as a live model (rekenmethode §5).
 *
 * With workbook_vergelijk.c (and workbook_common.c, what the two share) the
 * only file that includes <xlsxwriter.h>. It reads the loaded model
 * (tarief_regio) and the derivation records (tarief_afleiding) and writes:
 *
 *   Toelichting     how to read it, method in brief, colour legend, version,
 *                   SHA-256 of every input file
 *   Tarieven        one row per product: code, naam, eenheid, the opbouw per
 *                   element, tarief last
 *   Uitgangspunten  uitgangspunten.csv in file order (A naam, B waarde, C bron),
 *                   then the built-in defaults that the derivation used
 *   Producten, Functies, Functiemix   the input tables
 *   CAO <id>        one per CAO table used: salary rows and cao.csv
 *   Loonkosten      steps 1-8 once per functie, for every step that no product
 *                   can change (see below)
 *   Opbouw          per product its functie rows (weight, the steps 1-8 that
 *                   depend on a product's own parameter, C_f), then steps 9-17
 *                   on the product's own row (a subtotal row under its functies)
 *
 * Every derived number is a formula over the cells it derives from, written
 * with the engine's value as cached result: nothing here recomputes. Inputs
 * are resolved with formulas too (product > regio > cao > standaard), so
 * changing a parameter in the sheet flows to every product that does not
 * override it. No formula contains an input value; the only literals are the
 * method's own constants (12 months, 1, the 60 of deelbaar_door_60, ROUND's
 * digits) and the keywords of the KEUZE parameters.
 *
 * Steps 1-8 of a functie are the same for every product unless a product
 * can override one of their parameters (a column of producten.csv). So each
 * step lives once per functie on Loonkosten when none of its inputs can be
 * overridden, and per product-functie row on Opbouw when one can: the sheet
 * stays live for every cell a user can type in, and a region of 10 000
 * products does not repeat 10 000 copies of the same salary build-up.
 *
 * Written in constant_memory mode (each sheet strictly row by row), so the
 * layout is computed first and every sheet is then written top to bottom.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "tarief.h"
#include "sha256.h"
#include "workbook_common.h"

#define STANDAARD_BRON "standaardwaarde " TARIEF_REKENMETHODE

/* The derivation items are AF_* (workbook_common.h); on Opbouw the three
 * row columns are code, naam and functie. Steps 1-8 (AF_SALARIS to AF_CF)
 * live on the functie rows of Opbouw or, when shared by every product, on
 * Loonkosten: w->oc[] and w->lc[] map an item to its column on either
 * sheet. Steps 9-17 are on the product row. */
enum { OB_CODE = AF_RIJ1, OB_NAAM = AF_RIJ2, OB_FUNCTIE = AF_RIJ3 };

/* Columns of Producten before the override columns. */
enum { PR_CODE, PR_NAAM, PR_EENHEID, PR_UREN, PR_BEGELEIDERS, PR_GROEP, PR_HUISVESTING,
       PR_VERZORGING, PR_VAST };

/* Columns of Functies. */
enum { FU_FUNCTIE, FU_CAO, FU_SCHAAL, FU_TREDE, FU_PER_UUR, FU_OMSCHRIJVING, FU_VINDPLAATS };

/* The first columns of Loonkosten; the shared steps follow. */
enum { LK_FUNCTIE, LK_CAO, LK_SCHAAL, LK_TREDE, LK_VAST };

#define MAX_COLS (PR_VAST + TARIEF_P_COUNT + 2 > AF_COUNT ? PR_VAST + TARIEF_P_COUNT + 2 : AF_COUNT)
#define REF_LEN 80
#define FORMULA_LEN 2048

typedef struct wb_cao {
    const tarief_cao *cao;
    char sheet[32];              /* sheet name */
    char prefix[48];             /* "'CAO x'!" as used in references */
    int param_row[TARIEF_P_COUNT]; /* 0-based row of the parameter, -1 if absent */
    char ref[TARIEF_P_COUNT][REF_LEN];
} wb_cao;

/* The cells of one colour (Toelichting, Kleuren), per kind of value. */
typedef struct wb_palet {
    lxw_format *tekst, *euro, *pct, *getal;
} wb_palet;

typedef struct wb_formats {
    lxw_format *kop, *titel, *sectie, *tekst, *tekst_vet;
    wb_palet in, std, af; /* invoer, standaardwaarde, afgeleid */
    lxw_format *tarief;
} wb_formats;

typedef struct wb {
    wbc_book b;
    const tarief_regio *r;
    const tarief_afleiding *a;
    const tarief_workbook_options *opts; /* progress callback, may be NULL */
    size_t vg_gedaan, vg_totaal;
    wb_formats f;
    char col[MAX_COLS][4]; /* column letters */

    /* Uitgangspunten */
    int u_row[TARIEF_P_COUNT];    /* row of a region-set parameter, -1 */
    int d_row[TARIEF_P_COUNT];    /* row of a built-in default used, -1 */
    bool need_default[TARIEF_P_COUNT];
    int n_u_rows;
    char uref[TARIEF_P_COUNT][REF_LEN];
    char dref[TARIEF_P_COUNT][REF_LEN];

    /* Producten: column of each override, -1 when producten.csv lacks it */
    int p_col[TARIEF_P_COUNT];
    int p_vindplaats_col;

    wb_cao *caos;
    size_t n_caos;
    int *functie_cao;        /* per functie: index in caos, -1 */

    /* Functiemix rows: mix_row[mix_base[i] + j] for product i, mix row j */
    size_t *mix_base;
    uint32_t *mix_row;
    struct mixref { uint32_t product, mix; int line; } *mix_order;
    size_t n_mix;

    uint32_t *opbouw_row;    /* product row on Opbouw per product */
    uint32_t n_opbouw_rows;

    /* Where each item of the derivation lives: oc[] column on Opbouw, lc[]
     * column on Loonkosten, -1 when not on that sheet. per_rij[]: a step
     * 1-8 that depends on a parameter a product can override. */
    int oc[AF_COUNT], lc[AF_COUNT];
    bool per_rij[AF_COUNT];
    int n_oc, n_lc;
    /* per functie: the first derivation that uses it (source of the cached
     * values of its shared steps), NULL when no product uses it */
    const tarief_functie_afleiding **eerste;

    /* indexatie;vng: one block of rows on Indexatie per distinct set of
     * rules (methode, loondeel, tussenafronding, prijspeil) */
    struct indexprofiel {
        const tarief_afleiding *a; /* first product with these rules */
        size_t n_producten;
        uint32_t rij;              /* 0-based first row on Indexatie */
    } *profielen;
    size_t n_profielen;
    int *product_profiel;          /* per product: index in profielen, -1 */
    uint32_t n_index_rows;
} wb;

/* ------------------------------------------------------------------------ */
/* small helpers                                                             */

/* Progress (tarief_workbook_options.voortgang) in weighted rows: a row of
 * a per-product sheet counts roughly its share of the cells, so the
 * fraction follows the time. */
enum { VG_TARIEVEN = 15, VG_PRODUCTEN = 17, VG_MIXREGEL = 4, VG_OPBOUW = 58 };

static void vg_rij(wb *w, size_t gewicht, size_t i)
{
    w->vg_gedaan += gewicht;
    if (w->opts && w->opts->voortgang && i % 256 == 255)
        w->opts->voortgang(w->opts->voortgang_data, "werkboek schrijven", w->vg_gedaan,
                           w->vg_totaal);
}

static void vg_fase(wb *w, const char *fase, size_t gedaan, size_t totaal)
{
    if (w->opts && w->opts->voortgang)
        w->opts->voortgang(w->opts->voortgang_data, fase, gedaan, totaal);
}

static const char *basename_of(const char *path)
{
    if (path == NULL)
        return "";
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* In column col: "producten.csv:12" for a source, nothing for none. */
static void put_vindplaats(wb *w, lxw_worksheet *ws, uint32_t row, int col, const tarief_bron *b)
{
    char buf[256];
    if (b == NULL || b->file == NULL)
        buf[0] = '\0';
    else if (b->line > 0)
        snprintf(buf, sizeof buf, "%s:%d", basename_of(b->file), b->line);
    else
        snprintf(buf, sizeof buf, "%s", basename_of(b->file));
    wbc_str(&w->b, ws, row, col, buf, NULL);
}

static const char *keuze_naam(int id, int keuze)
{
    return tarief_param_keuze_naam((tarief_param_id)id, keuze);
}

/* Write a parameter value in the format of its kind. */
static void put_param(wb *w, lxw_worksheet *ws, uint32_t row, int col, int id, double waarde,
                      int keuze, const wb_palet *p)
{
    if (id == TARIEF_P_INDEXATIE && keuze == TARIEF_INDEXATIE_VNG) {
        wbc_str(&w->b, ws, row, col, "vng", p->tekst); /* computed on Indexatie */
        return;
    }
    switch (tarief_param_info_get((tarief_param_id)id)->soort) {
    case TARIEF_SOORT_PERCENTAGE: wbc_num(&w->b, ws, row, col, waarde, p->pct); break;
    case TARIEF_SOORT_UREN: wbc_num(&w->b, ws, row, col, waarde, p->getal); break;
    case TARIEF_SOORT_KEUZE: wbc_str(&w->b, ws, row, col, keuze_naam(id, keuze), p->tekst); break;
    case TARIEF_SOORT_JAAR: wbc_num(&w->b, ws, row, col, waarde, p->tekst); break;
    }
}

/* A line of uitgangspunten.csv or cao.csv, from column col on: naam, waarde,
 * bron, vindplaats. The waarde of a parameter in the format of its kind; of
 * another line as the number *getal (tariefjaar, uren_per_week) or as text. */
static void put_regel(wb *w, lxw_worksheet *ws, uint32_t row, int col, const tarief_regel *g,
                      const tarief_param *params, const double *getal, lxw_format *getal_fmt)
{
    wbc_str(&w->b, ws, row, col, g->naam, NULL);
    int id = g->param;
    if (id >= 0 && id < TARIEF_P_COUNT && params[id].set)
        put_param(w, ws, row, col + 1, id, params[id].waarde, params[id].keuze, &w->f.in);
    else if (getal != NULL)
        wbc_num(&w->b, ws, row, col + 1, *getal, getal_fmt);
    else
        wbc_str(&w->b, ws, row, col + 1, g->waarde, w->f.in.tekst);
    wbc_str(&w->b, ws, row, col + 2, g->bron.tekst, NULL);
    put_vindplaats(w, ws, row, col + 3, &g->bron);
}

/* "CAO <id>", made valid: no []:*?/\' characters, at most 31 bytes, unique. */
static void cao_sheet_name(wb *w, size_t i)
{
    char *s = w->caos[i].sheet;
    snprintf(s, 32, "CAO %s", w->caos[i].cao->id ? w->caos[i].cao->id : "");
    for (char *p = s; *p; p++)
        if (strchr("[]:*?/\\'", *p))
            *p = '_';
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
        n--; /* never end inside a UTF-8 sequence cut by snprintf */
    if (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0xC0) {
        /* a lead byte whose sequence was cut */
        size_t need = ((unsigned char)s[n - 1] & 0xE0) == 0xC0 ? 2
                    : ((unsigned char)s[n - 1] & 0xF0) == 0xE0 ? 3 : 4;
        if (strlen(s) - (n - 1) < need)
            n--;
        else
            n = strlen(s);
    } else {
        n = strlen(s);
    }
    s[n] = '\0';
    for (int k = 2; k < 100; k++) {
        bool dup = false;
        for (size_t j = 0; j < i; j++)
            if (strcasecmp(w->caos[j].sheet, s) == 0)
                dup = true;
        if (!dup)
            break;
        char suffix[8];
        snprintf(suffix, sizeof suffix, "~%d", k);
        size_t keep = strlen(s);
        if (keep + strlen(suffix) > 31)
            keep = 31 - strlen(suffix);
        while (keep > 4 && ((unsigned char)s[keep] & 0xC0) == 0x80)
            keep--;
        snprintf(s + keep, 32 - keep, "%s", suffix);
    }
    wbc_sheet_prefix(w->caos[i].prefix, sizeof w->caos[i].prefix, s); /* s holds no quote */
}

static int cao_index(const wb *w, const tarief_cao *c)
{
    for (size_t i = 0; i < w->n_caos; i++)
        if (w->caos[i].cao == c)
            return (int)i;
    return -1;
}

/* ------------------------------------------------------------------------ */
/* resolution of an input: which region-level cell a value falls back to    */

enum { BRON_REGIO = -2, BRON_STANDAARD = -1 }; /* >= 0: index of a CAO */

/*
 * The cell a parameter comes from when the product does not set it:
 * uitgangspunten (regio) > the functie's CAO > built-in default. The
 * engine's herkomst decides when it names that level; the structure of the
 * inputs decides when the product itself set it (the fallback the sheet
 * needs when the user clears the product's cell).
 */
static int regio_bron(const wb *w, int id, int ci, const tarief_invoer *inv)
{
    if (inv != NULL) {
        switch (inv->herkomst) {
        case TARIEF_HERKOMST_REGIO:
            if (w->u_row[id] >= 0)
                return BRON_REGIO;
            break;
        case TARIEF_HERKOMST_CAO:
            for (size_t c = 0; c < w->n_caos; c++)
                if (inv->param == &w->caos[c].cao->params[id] && w->caos[c].param_row[id] >= 0)
                    return (int)c;
            break;
        case TARIEF_HERKOMST_STANDAARD:
            return BRON_STANDAARD;
        default:
            break;
        }
    }
    if (w->u_row[id] >= 0)
        return BRON_REGIO;
    if (ci >= 0 && w->caos[ci].param_row[id] >= 0)
        return ci;
    return BRON_STANDAARD;
}

static const char *bron_ref(const wb *w, int id, int bron)
{
    if (bron == BRON_REGIO)
        return w->uref[id];
    if (bron == BRON_STANDAARD)
        return w->dref[id];
    return w->caos[bron].ref[id];
}

/* prefix, then parameter id of the product on Producten row prow (0-based):
 * IF(its cell there is not empty, that cell, fallback), or fallback alone
 * when producten.csv has no column for it. Returns buf. */
static const char *product_of(wb *w, char *buf, size_t size, const char *prefix, int id,
                              uint32_t prow, const char *fallback)
{
    if (w->p_col[id] < 0)
        return wbc_fmt(&w->b, buf, size, "%s%s", prefix, fallback);
    const char *c = w->col[w->p_col[id]];
    return wbc_fmt(&w->b, buf, size, "%sIF(Producten!$%s%u<>\"\",Producten!$%s%u,%s)", prefix, c,
                   prow + 1, c, prow + 1, fallback);
}

/* The resolved value of parameter id for the product on Producten row prow
 * (0-based): IF(product cell set, product cell, region-level cell). */
static void param_formula(wb *w, char *buf, size_t size, int id, int bron, int ci, uint32_t prow)
{
    char chain[2 * REF_LEN + 16];
    const char *fallback = bron_ref(w, id, bron);
    if (bron == BRON_REGIO && ci >= 0 && w->caos[ci].param_row[id] >= 0) {
        /* regio > cao stays live too: clear the region's cell and the CAO's applies */
        snprintf(chain, sizeof chain, "IF(%s<>\"\",%s,%s)", w->uref[id], w->uref[id],
                 w->caos[ci].ref[id]);
        fallback = chain;
    }
    product_of(w, buf, size, "=", id, prow, fallback);
}

/* The productiviteit of a product (rekenmethode §2.2):
 * product's productiviteit > 1 - SUM(components, product's value where set,
 * else the region's) when the region works with components > region's. */
static void productiviteit_formula(wb *w, char *buf, size_t size, uint32_t prow)
{
    char basis[FORMULA_LEN];
    if (w->u_row[TARIEF_P_PRODUCTIVITEIT] >= 0) {
        snprintf(basis, sizeof basis, "%s", w->uref[TARIEF_P_PRODUCTIVITEIT]);
    } else {
        size_t n = (size_t)snprintf(basis, sizeof basis, "1-SUM(");
        bool first = true;
        for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++) {
            int id = TARIEF_P_COMPONENT_FIRST + k;
            if (w->u_row[id] < 0 && w->p_col[id] < 0)
                continue; /* nowhere set: 0, adds nothing */
            const char *fallback = w->u_row[id] >= 0 ? w->uref[id] : w->dref[id];
            n += strlen(
                product_of(w, basis + n, sizeof basis - n, first ? "" : ",", id, prow, fallback));
            first = false;
        }
        wbc_fmt(&w->b, basis + n, sizeof basis - n, ")");
    }
    product_of(w, buf, size, "=", TARIEF_P_PRODUCTIVITEIT, prow, basis);
}

/* ------------------------------------------------------------------------ */
/* layout                                                                    */

static int cmp_mix(const void *pa, const void *pb)
{
    const struct mixref *x = pa, *y = pb;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->product != y->product)
        return x->product < y->product ? -1 : 1;
    return x->mix < y->mix ? -1 : x->mix > y->mix;
}

/* Product-level inputs of one derivation, with their parameter ids. */
/* The parameter items of a product and of a functie (stappen.h): which
 * parameter feeds them and its resolved input come from the step table. */
#define N_PRODUCT_PARAMS ST_N_PRODUCT_PARAMS
#define product_param_items st_product_params
#define product_param_ids(k) st_get(product_param_items[k])->param
#define product_invoer(a, k) st_invoer(a, NULL, product_param_items[k])

/* AF_VT_PCT .. AF_JAARUREN */
#define N_FUNCTIE_PARAMS ST_N_FUNCTIE_PARAMS
#define functie_param_ids(k) st_get(AF_VT_PCT + (k))->param
#define functie_invoer(fa, k) st_invoer(NULL, fa, AF_VT_PCT + (k))

/* ------------------------------------------------------------------------ */
/* indexatie;vng                                                             */

static bool zelfde_invoer(const tarief_invoer *x, const tarief_invoer *y)
{
    return x->herkomst == y->herkomst && x->param == y->param && x->keuze == y->keuze &&
           x->waarde == y->waarde;
}

static bool zelfde_regels(const tarief_indexatie_vng *x, const tarief_indexatie_vng *y)
{
    return zelfde_invoer(&x->methode, &y->methode) && zelfde_invoer(&x->loondeel, &y->loondeel) &&
           zelfde_invoer(&x->tussenafronding, &y->tussenafronding) &&
           x->prijspeil.herkomst == y->prijspeil.herkomst &&
           x->prijspeil.waarde == y->prijspeil.waarde && x->prijspeil_cao == y->prijspeil_cao &&
           (x->prijspeil.herkomst == TARIEF_HERKOMST_CAO || x->prijspeil.param == y->prijspeil.param) &&
           x->reeks == y->reeks && x->n_jaren == y->n_jaren;
}

/* The rules of vng products that fall back to a built-in default need a
 * default row on Uitgangspunten. */
static int index_defaults(wb *w)
{
    for (size_t i = 0; i < w->r->n_producten; i++) {
        const tarief_indexatie_vng *v = w->a[i].indexatie_vng;
        if (v == NULL)
            continue;
        if (v->methode.herkomst == TARIEF_HERKOMST_STANDAARD)
            w->need_default[TARIEF_P_INDEXATIE_METHODE] = true;
        if (v->loondeel.herkomst == TARIEF_HERKOMST_STANDAARD)
            w->need_default[TARIEF_P_INDEXATIE_LOONDEEL] = true;
        if (v->tussenafronding.herkomst == TARIEF_HERKOMST_STANDAARD)
            w->need_default[TARIEF_P_INDEXATIE_TUSSENAFRONDING] = true;
    }
    return 0;
}

/* Group the vng products by their rules; each group is one block of
 * year rows on Indexatie. Few groups in practice (one per price level),
 * so a linear search over the groups found so far is enough. */
static int index_layout(wb *w)
{
    const tarief_regio *r = w->r;
    w->product_profiel = malloc((r->n_producten ? r->n_producten : 1) * sizeof *w->product_profiel);
    if (w->product_profiel == NULL)
        return -1;
    uint32_t row = 1;
    for (size_t i = 0; i < r->n_producten; i++) {
        const tarief_indexatie_vng *v = w->a[i].indexatie_vng;
        w->product_profiel[i] = -1;
        if (v == NULL)
            continue;
        size_t k = 0;
        while (k < w->n_profielen && !zelfde_regels(w->profielen[k].a->indexatie_vng, v))
            k++;
        if (k == w->n_profielen) {
            if ((k & (k - 1)) == 0) { /* grow at powers of two */
                struct indexprofiel *np = realloc(w->profielen, (k ? 2 * k : 1) * sizeof *np);
                if (np == NULL)
                    return -1;
                w->profielen = np;
            }
            w->profielen[k] = (struct indexprofiel){&w->a[i], 0, row};
            row += (uint32_t)(v->n_jaren ? v->n_jaren : 1);
            w->n_profielen++;
        }
        w->profielen[k].n_producten++;
        w->product_profiel[i] = (int)k;
    }
    w->n_index_rows = row;
    return 0;
}

/* The row (1-based) of year jaar on Indexreeks, 0 if absent. */
static uint32_t reeks_rij(const wb *w, int jaar)
{
    const tarief_indexreeks *s = w->r->indexreeks;
    for (size_t i = 0; s && i < s->n_rijen; i++)
        if (s->rijen[i].jaar == jaar)
            return (uint32_t)i + 2;
    return 0;
}

static int layout(wb *w)
{
    const tarief_regio *r = w->r;

    for (int c = 0; c < MAX_COLS; c++)
        wbc_col_letters(c, w->col[c]);

    /* CAO tables */
    w->n_caos = r->n_caos;
    w->caos = calloc(r->n_caos ? r->n_caos : 1, sizeof *w->caos);
    w->functie_cao = calloc(r->n_functies ? r->n_functies : 1, sizeof *w->functie_cao);
    if (w->caos == NULL || w->functie_cao == NULL)
        return -1;
    for (size_t i = 0; i < r->n_caos; i++) {
        wb_cao *c = &w->caos[i];
        c->cao = r->caos[i];
        cao_sheet_name(w, i);
        for (int id = 0; id < TARIEF_P_COUNT; id++)
            c->param_row[id] = -1;
        for (size_t k = 0; k < c->cao->n_regels; k++) {
            int id = c->cao->regels[k].param;
            if (id >= 0 && id < TARIEF_P_COUNT && c->cao->params[id].set) {
                c->param_row[id] = (int)k + 1;
                snprintf(c->ref[id], REF_LEN, "%s$G$%zu", c->prefix, k + 2);
            }
        }
    }
    for (size_t i = 0; i < r->n_functies; i++)
        w->functie_cao[i] = r->functies[i].cao ? cao_index(w, r->functies[i].cao) : -1;

    /* Uitgangspunten: the file's rows, then the defaults used */
    for (int id = 0; id < TARIEF_P_COUNT; id++) {
        w->u_row[id] = -1;
        w->d_row[id] = -1;
    }
    for (size_t k = 0; k < r->n_regels; k++) {
        int id = r->regels[k].param;
        if (id >= 0 && id < TARIEF_P_COUNT && r->params[id].set) {
            w->u_row[id] = (int)k + 1;
            snprintf(w->uref[id], REF_LEN, "Uitgangspunten!$B$%zu", k + 2);
        }
    }

    /* Producten override columns: in parameter order, those producten.csv has */
    int col = PR_VAST;
    for (int id = 0; id < TARIEF_P_COUNT; id++)
        w->p_col[id] = r->product_kolom[id] ? col++ : -1;
    w->p_vindplaats_col = col;

    /* Which defaults does the derivation fall back to? */
    for (size_t i = 0; i < r->n_producten; i++) {
        const tarief_afleiding *a = &w->a[i];
        for (size_t j = 0; j < a->n_functies; j++) {
            const tarief_functie_afleiding *fa = &a->functies[j];
            if (fa->per_uur)
                continue;
            int ci = fa->functie->cao ? cao_index(w, fa->functie->cao) : -1;
            for (int k = 0; k < N_FUNCTIE_PARAMS; k++) {
                int id = functie_param_ids(k);
                if (regio_bron(w, id, ci, functie_invoer(fa, k)) == BRON_STANDAARD)
                    w->need_default[id] = true;
            }
        }
        for (int k = 0; k < N_PRODUCT_PARAMS; k++) {
            int id = product_param_ids(k);
            if (id == TARIEF_P_INDEXATIE && a->indexatie_vng != NULL)
                continue;
            if (regio_bron(w, id, -1, product_invoer(a, k)) == BRON_STANDAARD)
                w->need_default[id] = true;
        }
    }
    if (w->u_row[TARIEF_P_PRODUCTIVITEIT] < 0)
        for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++) {
            int id = TARIEF_P_COMPONENT_FIRST + k;
            if (w->u_row[id] < 0 && w->p_col[id] >= 0)
                w->need_default[id] = true;
        }
    if (index_defaults(w) != 0)
        return -1;
    int row = (int)r->n_regels + 1;
    bool any = false;
    for (int id = 0; id < TARIEF_P_COUNT; id++)
        any = any || w->need_default[id];
    if (any)
        row += 2; /* an empty row and the section title */
    for (int id = 0; id < TARIEF_P_COUNT; id++)
        if (w->need_default[id]) {
            w->d_row[id] = row;
            snprintf(w->dref[id], REF_LEN, "Uitgangspunten!$B$%d", row + 1);
            row++;
        }
    w->n_u_rows = row;

    /* Functiemix in file order */
    w->mix_base = calloc(r->n_producten + 1, sizeof *w->mix_base);
    if (w->mix_base == NULL)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < r->n_producten; i++) {
        w->mix_base[i] = n;
        n += r->producten[i].n_mix;
    }
    w->mix_base[r->n_producten] = n;
    w->n_mix = n;
    w->mix_row = calloc(n ? n : 1, sizeof *w->mix_row);
    w->mix_order = calloc(n ? n : 1, sizeof *w->mix_order);
    if (w->mix_row == NULL || w->mix_order == NULL)
        return -1;
    for (size_t i = 0, k = 0; i < r->n_producten; i++)
        for (size_t j = 0; j < r->producten[i].n_mix; j++, k++)
            w->mix_order[k] = (struct mixref){(uint32_t)i, (uint32_t)j,
                                              r->producten[i].mix[j].bron.line};
    qsort(w->mix_order, n, sizeof *w->mix_order, cmp_mix);
    for (size_t k = 0; k < n; k++)
        w->mix_row[w->mix_base[w->mix_order[k].product] + w->mix_order[k].mix] = (uint32_t)k + 1;

    /* Steps 1-8: per functie (Loonkosten) or per product-functie (Opbouw) */
    bool ov[N_FUNCTIE_PARAMS];
    for (int k = 0; k < N_FUNCTIE_PARAMS; k++)
        ov[k] = w->p_col[functie_param_ids(k)] >= 0;
    bool *pr = w->per_rij;
    pr[AF_VT_PCT] = pr[AF_VT] = ov[0];
    pr[AF_EJU_PCT] = pr[AF_EJU] = ov[1];
    pr[AF_ORT_PCT] = pr[AF_ORT] = ov[2];
    pr[AF_WGL_PCT] = ov[3];
    pr[AF_JAARUREN] = ov[4];
    pr[AF_B] = pr[AF_VT] || pr[AF_EJU] || pr[AF_ORT];
    pr[AF_WGL] = pr[AF_B] || ov[3];
    pr[AF_L] = pr[AF_WGL];
    pr[AF_CF] = pr[AF_L] || ov[4];
    for (int k = 0; k < AF_COUNT; k++)
        w->oc[k] = w->lc[k] = -1;
    int oc = 0, lc = LK_VAST;
    for (int k = OB_CODE; k <= AF_AANDEEL; k++)
        w->oc[k] = oc++;
    for (int k = AF_SALARIS; k <= AF_L; k++) {
        if (pr[k])
            w->oc[k] = oc++;
        else
            w->lc[k] = lc++;
    }
    w->oc[AF_CF] = oc++; /* always: the C_f this product uses */
    if (!pr[AF_CF])
        w->lc[AF_CF] = lc++;
    for (int k = AF_GEWOGEN; k < AF_COUNT; k++)
        w->oc[k] = oc++;
    w->n_oc = oc;
    w->n_lc = lc;

    w->eerste = calloc(r->n_functies ? r->n_functies : 1, sizeof *w->eerste);
    if (w->eerste == NULL)
        return -1;
    for (size_t i = 0; i < r->n_producten; i++)
        for (size_t j = 0; j < w->a[i].n_functies; j++) {
            const tarief_functie_afleiding *fa = &w->a[i].functies[j];
            size_t fi = (size_t)(fa->functie - r->functies);
            if (fi < r->n_functies && w->eerste[fi] == NULL)
                w->eerste[fi] = fa;
        }

    if (index_layout(w) != 0)
        return -1;

    /* Opbouw: functie rows, then the product row */
    w->opbouw_row = calloc(r->n_producten ? r->n_producten : 1, sizeof *w->opbouw_row);
    if (w->opbouw_row == NULL)
        return -1;
    uint32_t orow = 1;
    for (size_t i = 0; i < r->n_producten; i++) {
        orow += (uint32_t)w->a[i].n_functies;
        w->opbouw_row[i] = orow++;
    }
    w->n_opbouw_rows = orow;
    if (orow > LXW_ROW_MAX || n + 1 > LXW_ROW_MAX) {
        wbc_fout(&w->b, "te veel rijen voor een werkblad (meer dan 1.048.576)");
        return -1;
    }
    return 0;
}

/*
 * Every parameter cell on Uitgangspunten gets its parameter's name, so a
 * formula reads IF(Producten!$M5<>"",Producten!$M5,overhead) rather than
 * ...,Uitgangspunten!$B$14): easier to audit, and shorter, which matters at
 * 10 000 products. A name the spreadsheet would refuse keeps the address.
 */
static void definieer_namen(wb *w)
{
    char adres[REF_LEN + 1];
    for (int id = 0; id < TARIEF_P_COUNT; id++) {
        char *ref = w->u_row[id] >= 0 ? w->uref[id] : w->d_row[id] >= 0 ? w->dref[id] : NULL;
        if (ref == NULL)
            continue;
        const char *naam = tarief_param_info_get((tarief_param_id)id)->naam;
        snprintf(adres, sizeof adres, "=%s", ref);
        if (strlen(naam) < REF_LEN && workbook_define_name(w->b.book, naam, adres) == LXW_NO_ERROR)
            snprintf(ref, REF_LEN, "%s", naam);
    }
}

/* ------------------------------------------------------------------------ */
/* formats                                                                   */

static void palet(wb *w, wb_palet *p, uint32_t bg, uint32_t kleur, bool cursief)
{
    p->tekst = wbc_format(&w->b, bg, kleur, false, cursief, NULL);
    p->euro = wbc_format(&w->b, bg, kleur, false, cursief, EURO);
    p->pct = wbc_format(&w->b, bg, kleur, false, cursief, PCT);
    p->getal = wbc_format(&w->b, bg, kleur, false, cursief, GETAL);
}

static void formats(wb *w)
{
    wb_formats *f = &w->f;
    f->kop = wbc_format(&w->b, KLEUR_KOP, 0, true, false, NULL);
    format_set_text_wrap(f->kop);
    format_set_align(f->kop, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(f->kop, LXW_BORDER_THIN);
    f->titel = wbc_format(&w->b, 0, 0, true, false, NULL);
    format_set_font_size(f->titel, 14);
    f->sectie = wbc_format(&w->b, 0, 0, true, false, NULL);
    format_set_font_size(f->sectie, 12);
    f->tekst = wbc_format(&w->b, 0, 0, false, false, NULL);
    format_set_text_wrap(f->tekst);
    format_set_align(f->tekst, LXW_ALIGN_VERTICAL_TOP);
    f->tekst_vet = wbc_format(&w->b, 0, 0, true, false, NULL);

    palet(w, &f->in, KLEUR_INVOER, KLEUR_INVOER_TEKST, false);
    palet(w, &f->std, KLEUR_STANDAARD, 0, true);
    palet(w, &f->af, 0, 0, false);
    f->tarief = wbc_format(&w->b, KLEUR_TARIEF, 0, true, false, EURO);
    format_set_left(f->tarief, LXW_BORDER_MEDIUM);
}

static lxw_format *af_format(wb *w, int id)
{
    switch (tarief_param_info_get((tarief_param_id)id)->soort) {
    case TARIEF_SOORT_PERCENTAGE: return w->f.af.pct;
    case TARIEF_SOORT_UREN: return w->f.af.getal;
    default: return w->f.af.tekst;
    }
}

/* ------------------------------------------------------------------------ */
/* sheets                                                                    */

static void write_uitgangspunten(wb *w, lxw_worksheet *ws)
{
    const tarief_regio *r = w->r;
    static const char *const kop[] = {"parameter", "waarde", "bron", "vindplaats"};
    wbc_header(&w->b, ws, w->f.kop, kop, 4, 0);
    static const wbc_kolom breedte[] = {{0, 0, 30}, {1, 1, 16}, {2, 2, 70}, {3, 3, 26}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 1);

    for (size_t k = 0; k < r->n_regels; k++) {
        const tarief_regel *g = &r->regels[k];
        double jaar = r->tariefjaar;
        bool is_jaar = strcmp(g->naam, "tariefjaar") == 0 && r->tariefjaar_p.set;
        put_regel(w, ws, (uint32_t)k + 1, 0, g, r->params, is_jaar ? &jaar : NULL, w->f.in.tekst);
    }
    bool titel = false;
    for (int id = 0; id < TARIEF_P_COUNT; id++) {
        if (w->d_row[id] < 0)
            continue;
        if (!titel) {
            wbc_str(&w->b, ws, (uint32_t)w->d_row[id] - 1, 0,
                    "Standaardwaarden van de rekenmethode (niet gezet in uitgangspunten.csv)",
                    w->f.sectie);
            titel = true;
        }
        const tarief_param_info *pi = tarief_param_info_get((tarief_param_id)id);
        uint32_t row = (uint32_t)w->d_row[id];
        wbc_str(&w->b, ws, row, 0, pi->naam, NULL);
        put_param(w, ws, row, 1, id, pi->standaard, (int)pi->standaard, &w->f.std);
        wbc_str(&w->b, ws, row, 2, STANDAARD_BRON, NULL);
    }
}

static void write_producten(wb *w, lxw_worksheet *ws)
{
    const tarief_regio *r = w->r;
    const char *kop[PR_VAST + TARIEF_P_COUNT + 1] = {
        "code", "naam", "eenheid", "uren_per_eenheid", "begeleiders", "groepsgrootte",
        "huisvesting", "verzorging"};
    for (int id = 0; id < TARIEF_P_COUNT; id++)
        if (w->p_col[id] >= 0)
            kop[w->p_col[id]] = tarief_param_info_get((tarief_param_id)id)->naam;
    kop[w->p_vindplaats_col] = "vindplaats";
    wbc_header(&w->b, ws, w->f.kop, kop, w->p_vindplaats_col + 1, 30);
    const wbc_kolom breedte[] = {{PR_CODE, PR_CODE, 12},
                                 {PR_NAAM, PR_NAAM, 40},
                                 {PR_EENHEID, w->p_vindplaats_col - 1, 14},
                                 {w->p_vindplaats_col, w->p_vindplaats_col, 20}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 2);
    if (r->n_producten > 0)
        wbc_check(&w->b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)r->n_producten,
                                              (lxw_col_t)w->p_vindplaats_col));

    for (size_t i = 0; i < r->n_producten; i++) {
        vg_rij(w, VG_PRODUCTEN, i);
        const tarief_product *p = &r->producten[i];
        uint32_t row = (uint32_t)i + 1;
        wbc_str(&w->b, ws, row, PR_CODE, p->code, NULL);
        wbc_str(&w->b, ws, row, PR_NAAM, p->naam, NULL);
        wbc_str(&w->b, ws, row, PR_EENHEID, tarief_eenheid_naam(p->eenheid), NULL);
        wbc_num(&w->b, ws, row, PR_UREN, p->uren_per_eenheid.waarde, w->f.in.getal);
        /* method defaults (§2.2) where the row leaves the value empty */
        struct { const tarief_param *v; double std; int col; lxw_format *in, *std_f; } vast[] = {
            {&p->begeleiders, 1, PR_BEGELEIDERS, w->f.in.getal, w->f.std.getal},
            {&p->groepsgrootte, 1, PR_GROEP, w->f.in.getal, w->f.std.getal},
            {&p->huisvesting, 0, PR_HUISVESTING, w->f.in.euro, w->f.std.euro},
            {&p->verzorging, 0, PR_VERZORGING, w->f.in.euro, w->f.std.euro},
        };
        for (size_t k = 0; k < sizeof vast / sizeof vast[0]; k++) {
            if (vast[k].v->set)
                wbc_num(&w->b, ws, row, vast[k].col, vast[k].v->waarde, vast[k].in);
            else
                wbc_num(&w->b, ws, row, vast[k].col, vast[k].std, vast[k].std_f);
        }
        for (int id = 0; id < TARIEF_P_COUNT; id++) {
            if (w->p_col[id] < 0)
                continue;
            if (p->params[id].set)
                put_param(w, ws, row, w->p_col[id], id, p->params[id].waarde, p->params[id].keuze,
                          &w->f.in);
            else /* an empty input cell: type a value to override the region */
                wbc_check(&w->b,
                          worksheet_write_blank(ws, row, (lxw_col_t)w->p_col[id], w->f.in.tekst));
        }
        put_vindplaats(w, ws, row, w->p_vindplaats_col, &p->bron);
    }
}

static void write_functies(wb *w, lxw_worksheet *ws)
{
    const tarief_regio *r = w->r;
    static const char *const kop[] = {"functie", "cao", "schaal", "trede", "loonkosten_per_uur",
                                      "omschrijving", "vindplaats"};
    wbc_header(&w->b, ws, w->f.kop, kop, 7, 30);
    static const wbc_kolom breedte[] = {{FU_FUNCTIE, FU_FUNCTIE, 22},
                                        {FU_CAO, FU_CAO, 24},
                                        {FU_SCHAAL, FU_TREDE, 10},
                                        {FU_PER_UUR, FU_PER_UUR, 16},
                                        {FU_OMSCHRIJVING, FU_OMSCHRIJVING, 40},
                                        {FU_VINDPLAATS, FU_VINDPLAATS, 20}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 1);

    for (size_t i = 0; i < r->n_functies; i++) {
        const tarief_functie *fu = &r->functies[i];
        uint32_t row = (uint32_t)i + 1;
        wbc_str(&w->b, ws, row, FU_FUNCTIE, fu->naam, NULL);
        if (fu->loonkosten_per_uur.set) {
            wbc_num(&w->b, ws, row, FU_PER_UUR, fu->loonkosten_per_uur.waarde, w->f.in.euro);
        } else {
            wbc_str(&w->b, ws, row, FU_CAO, fu->cao ? fu->cao->id : NULL, w->f.in.tekst);
            wbc_str(&w->b, ws, row, FU_SCHAAL, fu->salaris ? fu->salaris->schaal : NULL,
                    w->f.in.tekst);
            wbc_str(&w->b, ws, row, FU_TREDE, fu->salaris ? fu->salaris->trede : NULL,
                    w->f.in.tekst);
        }
        wbc_str(&w->b, ws, row, FU_OMSCHRIJVING, fu->omschrijving, NULL);
        put_vindplaats(w, ws, row, FU_VINDPLAATS, &fu->bron);
    }
}

static void write_functiemix(wb *w, lxw_worksheet *ws)
{
    static const char *const kop[] = {"product", "functie", "percentage", "vindplaats"};
    wbc_header(&w->b, ws, w->f.kop, kop, 4, 0);
    static const wbc_kolom breedte[] = {{0, 1, 22}, {2, 2, 12}, {3, 3, 20}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 0);
    for (size_t k = 0; k < w->n_mix; k++) {
        vg_rij(w, VG_MIXREGEL, k);
        const tarief_product *p = &w->r->producten[w->mix_order[k].product];
        const tarief_mix *m = &p->mix[w->mix_order[k].mix];
        uint32_t row = (uint32_t)k + 1;
        wbc_str(&w->b, ws, row, 0, p->code, NULL);
        wbc_str(&w->b, ws, row, 1, m->functie ? m->functie->naam : NULL, NULL);
        wbc_num(&w->b, ws, row, 2, m->aandeel, w->f.in.pct);
        put_vindplaats(w, ws, row, 3, &m->bron);
    }
}

static void write_cao(wb *w, lxw_worksheet *ws, const wb_cao *wc)
{
    const tarief_cao *c = wc->cao;
    static const char *const kop[] = {"schaal", "trede", "maandsalaris", "vindplaats", "",
                                      "parameter", "waarde", "bron", "vindplaats"};
    for (int k = 0; k < 9; k++)
        if (kop[k][0])
            wbc_str(&w->b, ws, 0, k, kop[k], w->f.kop);
    static const wbc_kolom breedte[] = {{0, 1, 10}, {2, 2, 14}, {3, 3, 24}, {4, 4, 3},
                                        {5, 5, 22}, {6, 6, 16}, {7, 7, 70}, {8, 8, 16}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 0);

    size_t n = c->n_salarissen > c->n_regels ? c->n_salarissen : c->n_regels;
    for (size_t k = 0; k < n; k++) {
        uint32_t row = (uint32_t)k + 1;
        if (k < c->n_salarissen) {
            const tarief_salaris *s = &c->salarissen[k];
            wbc_str(&w->b, ws, row, 0, s->schaal, NULL);
            wbc_str(&w->b, ws, row, 1, s->trede, NULL);
            wbc_num(&w->b, ws, row, 2, s->maandsalaris, w->f.in.euro);
            put_vindplaats(w, ws, row, 3, &s->bron);
        }
        if (k < c->n_regels) {
            const tarief_regel *g = &c->regels[k];
            bool uren = strcmp(g->naam, "uren_per_week") == 0 && c->uren_per_week.set;
            put_regel(w, ws, row, 5, g, c->params, uren ? &c->uren_per_week.waarde : NULL,
                      w->f.in.getal);
        }
    }
}

/* The three row columns of Opbouw; the other headers come from the step
 * table (stappen.c). */
static const char *const opbouw_rij_kop[3] = {"code", "naam", "functie"};

/* The header of item k on Opbouw and Loonkosten, in koppen. */
static const char *opbouw_kop(int k, char koppen[][160])
{
    return k < AF_AANDEEL ? opbouw_rij_kop[k] : st_kop(k, ST_KOP_TWEE_REGELS, koppen[k], sizeof koppen[k]);
}

/* Columns of Indexatie. */
enum { IX_PRODUCTEN, IX_JAAR, IX_LOONDEEL, IX_METHODE, IX_TUSSEN, IX_PRIJSPEIL, IX_GV, IX_VGV,
       IX_VGD, IX_INHAAL, IX_ONGEROND, IX_INDEX, IX_CUMUL, IX_COUNT };

static void write_indexreeks(wb *w, lxw_worksheet *ws)
{
    const tarief_indexreeks *s = w->r->indexreeks;
    static const char *const kop[] = {"jaar", "ova_voorlopig", "ova_definitief", "ppc_voorlopig",
                                      "ppc_definitief", "bron", "vindplaats"};
    wbc_header(&w->b, ws, w->f.kop, kop, 7, 30);
    static const wbc_kolom breedte[] = {{0, 0, 8}, {1, 4, 14}, {5, 5, 70}, {6, 6, 16}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 1);
    for (size_t i = 0; i < s->n_rijen; i++) {
        const tarief_indexrij *rij = &s->rijen[i];
        uint32_t row = (uint32_t)i + 1;
        wbc_num(&w->b, ws, row, 0, rij->jaar, w->f.in.tekst);
        const tarief_param *v[4] = {&rij->ova_voorlopig, &rij->ova_definitief, &rij->ppc_voorlopig,
                                    &rij->ppc_definitief};
        for (int k = 0; k < 4; k++) {
            if (v[k]->set)
                wbc_num(&w->b, ws, row, 1 + k, v[k]->waarde, w->f.in.pct);
            else
                wbc_check(&w->b, worksheet_write_blank(ws, row, (lxw_col_t)(1 + k), w->f.in.pct));
        }
        wbc_str(&w->b, ws, row, 5, rij->bron.tekst, NULL);
        put_vindplaats(w, ws, row, 6, &rij->bron);
    }
}

/* The cell a rule of the VNG index comes from (according to its herkomst). */
static void regel_ref(wb *w, char *buf, size_t size, int id, const tarief_indexatie_vng *v,
                      const tarief_invoer *inv, const tarief_product *p)
{
    switch (inv->herkomst) {
    case TARIEF_HERKOMST_PRODUCT:
        if (w->p_col[id] >= 0) {
            snprintf(buf, size, "Producten!$%s$%u", w->col[w->p_col[id]],
                     (unsigned)(p - w->r->producten) + 2);
            return;
        }
        break;
    case TARIEF_HERKOMST_REGIO:
        if (w->u_row[id] >= 0) {
            snprintf(buf, size, "%s", w->uref[id]);
            return;
        }
        break;
    case TARIEF_HERKOMST_STANDAARD:
        if (w->d_row[id] >= 0) {
            snprintf(buf, size, "%s", w->dref[id]);
            return;
        }
        break;
    case TARIEF_HERKOMST_CAO: { /* prijspeil: the year of the CAO's ingangsdatum */
        int ci = v->prijspeil_cao ? cao_index(w, v->prijspeil_cao) : -1;
        const tarief_cao *c = v->prijspeil_cao;
        for (size_t k = 0; ci >= 0 && k < c->n_regels; k++)
            if (strcasecmp(c->regels[k].naam, "ingangsdatum") == 0) {
                snprintf(buf, size, "VALUE(LEFT(%s$G$%zu,4))", w->caos[ci].prefix, k + 2);
                return;
            }
        break;
    }
    default:
        break;
    }
    wbc_fout(&w->b, "interne fout: herkomst van een indexregel onbekend");
    snprintf(buf, size, "NA()");
}

static void write_indexatie(wb *w, lxw_worksheet *ws)
{
    static const char *const kop[IX_COUNT] = {
        [IX_PRODUCTEN] = "producten",
        [IX_JAAR] = "jaar (y)",
        [IX_LOONDEEL] = "indexatie_loondeel",
        [IX_METHODE] = "indexatie_methode",
        [IX_TUSSEN] = "indexatie_tussenafronding",
        [IX_PRIJSPEIL] = "prijspeil",
        [IX_GV] = "gewogen voorlopig (y)\nloondeel \xc3\x97 OVA + (1 \xe2\x88\x92 loondeel) \xc3\x97 PPC",
        [IX_VGV] = "gewogen voorlopig (y \xe2\x88\x92 1)",
        [IX_VGD] = "gewogen definitief (y \xe2\x88\x92 1)",
        [IX_INHAAL] = "inhaal\nverschil: def \xe2\x88\x92 voorl\nverhouding: (1 + def) / (1 + voorl) \xe2\x88\x92 1",
        [IX_ONGEROND] = "index ongerond\n= gewogen voorlopig + inhaal",
        [IX_INDEX] = "index (y)\nin twee decimalen %",
        [IX_CUMUL] = "indexatie cumulatief\n\xce\xa0 (1 + index) \xe2\x88\x92 1",
    };
    wbc_header(&w->b, ws, w->f.kop, kop, IX_COUNT, 75);
    static const wbc_kolom breedte[] = {
        {IX_PRODUCTEN, IX_PRODUCTEN, 24}, {IX_JAAR, IX_JAAR, 8}, {IX_LOONDEEL, IX_CUMUL, 15}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 2);

    const char(*c)[4] = (const char(*)[4])w->col;
    char f[FORMULA_LEN], lo[REF_LEN + 32], me[REF_LEN + 32], tu[REF_LEN + 32], pp[REF_LEN + 32];
    char label[160];
    for (size_t k = 0; k < w->n_profielen; k++) {
        const struct indexprofiel *pf = &w->profielen[k];
        const tarief_indexatie_vng *v = pf->a->indexatie_vng;
        const tarief_product *p = pf->a->product;
        regel_ref(w, lo, sizeof lo, TARIEF_P_INDEXATIE_LOONDEEL, v, &v->loondeel, p);
        regel_ref(w, me, sizeof me, TARIEF_P_INDEXATIE_METHODE, v, &v->methode, p);
        regel_ref(w, tu, sizeof tu, TARIEF_P_INDEXATIE_TUSSENAFRONDING, v, &v->tussenafronding, p);
        regel_ref(w, pp, sizeof pp, TARIEF_P_PRIJSPEIL, v, &v->prijspeil, p);
        if (pf->n_producten > 1)
            snprintf(label, sizeof label, "%s en %zu andere", p->code, pf->n_producten - 1);
        else
            snprintf(label, sizeof label, "%s", p->code);
        size_t n_rijen = v->n_jaren ? v->n_jaren : 1;
        for (size_t j = 0; j < n_rijen; j++) {
            uint32_t row = pf->rij + (uint32_t)j, n = row + 1;
            wbc_str(&w->b, ws, row, IX_PRODUCTEN, label, j == 0 ? w->f.tekst_vet : NULL);
            wbc_formulaf(&w->b, ws, row, IX_LOONDEEL, v->loondeel.waarde, w->f.af.pct, "=%s", lo);
            wbc_fmt(&w->b, f, sizeof f, "=%s", me);
            wbc_formula_str(&w->b, ws, row, IX_METHODE, f,
                            keuze_naam(TARIEF_P_INDEXATIE_METHODE, v->methode.keuze),
                            w->f.af.tekst);
            wbc_fmt(&w->b, f, sizeof f, "=%s", tu);
            wbc_formula_str(
                &w->b, ws, row, IX_TUSSEN, f,
                keuze_naam(TARIEF_P_INDEXATIE_TUSSENAFRONDING, v->tussenafronding.keuze),
                w->f.af.tekst);
            wbc_formulaf(&w->b, ws, row, IX_PRIJSPEIL, v->prijspeil.waarde, w->f.af.tekst, "=%s",
                         pp);
            if (v->n_jaren == 0) {
                /* prijspeil = tariefjaar: nothing to index */
                wbc_formula(&w->b, ws, row, IX_CUMUL, "=0", 0, w->f.af.pct);
                continue;
            }
            const tarief_indexjaar *y = &v->jaren[j];
            uint32_t ry = reeks_rij(w, y->jaar), rv = reeks_rij(w, y->jaar - 1);
            if (ry == 0 || rv == 0) {
                wbc_fout(&w->b, "interne fout: indexjaar niet in de reeks");
                continue;
            }
            wbc_formulaf(&w->b, ws, row, IX_JAAR, y->jaar, w->f.af.tekst, "=Indexreeks!$A$%u", ry);
            /* loondeel x OVA + (1 - loondeel) x PPC, optionally to two decimals in % */
            static const struct { int col; int ova, ppc; bool vorig; } gw[3] = {
                {IX_GV, 1, 3, false}, {IX_VGV, 1, 3, true}, {IX_VGD, 2, 4, true}};
            double cached[3] = {y->gewogen_voorlopig, y->vorig_gewogen_voorlopig,
                                y->vorig_gewogen_definitief};
            for (int g = 0; g < 3; g++) {
                uint32_t rr = gw[g].vorig ? rv : ry;
                const char *L = c[IX_LOONDEEL], *T = c[IX_TUSSEN];
                const char *O = c[gw[g].ova], *P = c[gw[g].ppc];
                wbc_formulaf(
                    &w->b, ws, row, gw[g].col, cached[g], w->f.af.pct,
                    "=IF(%s%u=\"ja\",ROUND(%s%u*Indexreeks!$%s$%u+(1-%s%u)*Indexreeks!$%s$%u,4),"
                    "%s%u*Indexreeks!$%s$%u+(1-%s%u)*Indexreeks!$%s$%u)",
                    T, n, L, n, O, rr, L, n, P, rr, L, n, O, rr, L, n, P, rr);
            }
            wbc_formulaf(
                &w->b, ws, row, IX_INHAAL, y->inhaal, w->f.af.pct,
                "=IF(%s%u=\"verhouding\",(1+%s%u)/(1+%s%u)-1,IF(%s%u=\"verschil\",%s%u-%s%u,NA()))",
                c[IX_METHODE], n, c[IX_VGD], n, c[IX_VGV], n, c[IX_METHODE], n, c[IX_VGD], n,
                c[IX_VGV], n);
            wbc_formulaf(&w->b, ws, row, IX_ONGEROND, y->index_ongerond, w->f.af.pct, "=%s%u+%s%u",
                         c[IX_GV], n, c[IX_INHAAL], n);
            wbc_formulaf(&w->b, ws, row, IX_INDEX, y->index, w->f.af.pct, "=ROUND(%s%u,4)",
                         c[IX_ONGEROND], n);
            if (j == 0) /* as the engine: factor 1 x (1 + index), minus 1 */
                wbc_formulaf(&w->b, ws, row, IX_CUMUL, y->cumulatief, w->f.af.pct, "=(1+%s%u)-1",
                             c[IX_INDEX], n);
            else
                wbc_formulaf(&w->b, ws, row, IX_CUMUL, y->cumulatief, w->f.af.pct,
                             "=(1+%s%u)*(1+%s%u)-1", c[IX_CUMUL], n - 1, c[IX_INDEX], n);
        }
    }
}

/* Where a step 1-8 item of functie row `orow` (1-based on Opbouw; 0 when
 * writing Loonkosten) lives: the same Opbouw row when it is per product,
 * else the functie's Loonkosten row `lrow` (1-based). */
static void item_ref(const wb *w, char *buf, size_t size, int item, uint32_t orow, uint32_t lrow)
{
    if (orow > 0 && w->oc[item] >= 0)
        snprintf(buf, size, "%s%u", w->col[w->oc[item]], orow);
    else if (orow > 0)
        snprintf(buf, size, "Loonkosten!$%s$%u", w->col[w->lc[item]], lrow);
    else
        snprintf(buf, size, "%s%u", w->col[w->lc[item]], lrow);
}

/* How a step's input resolves to a cell (stappen.h, st_ref_fn): on a
 * functie row through item_ref; on a product row (product) the same row n,
 * for step 9 the functie rows eerste..laatste. */
typedef struct wb_ref {
    const wb *w;
    uint32_t orow, lrow;
    bool product;
    uint32_t n, eerste, laatste;
    char buf[2 * REF_LEN];
} wb_ref;

static const char *wb_cel(void *data, int item, bool bereik)
{
    wb_ref *r = data;
    const char *c = r->w->oc[item] >= 0 ? r->w->col[r->w->oc[item]] : "?";
    if (!r->product)
        item_ref(r->w, r->buf, sizeof r->buf, item, r->orow, r->lrow);
    else if (bereik)
        snprintf(r->buf, sizeof r->buf, "%s%u:%s%u", c, r->eerste, c, r->laatste);
    else
        snprintf(r->buf, sizeof r->buf, "%s%u", c, r->n);
    return r->buf;
}


/*
 * Write step-1-8 item `item` of functie fi for derivation fa, at (row, col)
 * of ws. orow > 0: an Opbouw row (1-based) of the product on Producten row
 * prow (0-based); orow == 0: the functie's Loonkosten row.
 */
static void write_stap(wb *w, lxw_worksheet *ws, uint32_t row, int col, int item,
                       const tarief_functie_afleiding *fa, size_t fi, uint32_t orow, uint32_t prow)
{
    char f[FORMULA_LEN];
    uint32_t lrow = (uint32_t)fi + 2;
    wb_ref rf = {.w = w, .orow = orow, .lrow = lrow};
    int ci = w->functie_cao[fi];
    double v = st_waarde(NULL, fa, item);
    switch (item) {
    case AF_SALARIS: {
        const tarief_cao *cao = fa->functie->cao;
        size_t srow = (size_t)(fa->functie->salaris - cao->salarissen) + 1;
        wbc_formulaf(&w->b, ws, row, col, v, w->f.af.euro, "=%s$C$%zu", w->caos[ci].prefix,
                     srow + 1);
        return;
    }
    case AF_VT_PCT: case AF_EJU_PCT: case AF_ORT_PCT: case AF_WGL_PCT: case AF_JAARUREN: {
        int k = item - AF_VT_PCT, id = functie_param_ids(k);
        const tarief_invoer *inv = functie_invoer(fa, k);
        param_formula(w, f, sizeof f, id, regio_bron(w, id, ci, inv), ci, prow);
        wbc_formula(&w->b, ws, row, col, f, inv->waarde, af_format(w, id));
        return;
    }
    case AF_J: case AF_VT: case AF_EJU: case AF_ORT: case AF_B: case AF_WGL: case AF_L:
        st_formule(f, sizeof f, item, wb_cel, &rf);
        break;
    default: /* AF_CF */
        if (fa->per_uur) {
            wbc_fmt(&w->b, f, sizeof f, "=Functies!$%s%zu", w->col[FU_PER_UUR], fi + 2);
        } else if (orow > 0 && !w->per_rij[AF_CF]) {
            wbc_fmt(&w->b, f, sizeof f, "=Loonkosten!$%s$%u", w->col[w->lc[AF_CF]], lrow);
        } else {
            st_formule(f, sizeof f, AF_CF, wb_cel, &rf);
        }
        break;
    }
    if (f[0] == '\0')
        wbc_fout(&w->b, "interne fout: formule te lang");
    wbc_formula(&w->b, ws, row, col, f, v, w->f.af.euro);
}

/* Step item's formula from the table, an overflow recorded. */
static const char *stap_formule(wb *w, char *f, size_t size, int item, wb_ref *rf)
{
    if (st_formule(f, size, item, wb_cel, rf) == NULL)
        wbc_fout(&w->b, "interne fout: formule te lang");
    return f;
}

static const char *const loonkosten_kop[LK_VAST] = {"functie", "cao", "schaal", "trede"};

static void write_loonkosten(wb *w, lxw_worksheet *ws)
{
    const tarief_regio *r = w->r;
    const char *kop[AF_COUNT + LK_VAST];
    char koppen[AF_COUNT][160];
    int n = w->n_lc;
    for (int k = 0; k < LK_VAST; k++)
        kop[k] = loonkosten_kop[k];
    for (int k = 0; k < AF_COUNT; k++)
        if (w->lc[k] >= 0)
            kop[w->lc[k]] = opbouw_kop(k, koppen);
    wbc_header(&w->b, ws, w->f.kop, kop, n, 75);
    const wbc_kolom breedte[] = {{LK_FUNCTIE, LK_FUNCTIE, 20},
                                 {LK_CAO, LK_CAO, 22},
                                 {LK_SCHAAL, LK_TREDE, 9},
                                 {LK_VAST, n - 1, 15}};
    wbc_widths(&w->b, ws, breedte, n > LK_VAST ? 4 : 3); /* the steps, if any */
    worksheet_freeze_panes(ws, 1, 1);

    for (size_t fi = 0; fi < r->n_functies; fi++) {
        const tarief_functie *fu = &r->functies[fi];
        const tarief_functie_afleiding *fa = w->eerste[fi];
        uint32_t row = (uint32_t)fi + 1;
        wbc_str(&w->b, ws, row, LK_FUNCTIE, fu->naam, NULL);
        if (fu->loonkosten_per_uur.set) {
            wbc_str(&w->b, ws, row, LK_CAO, "loonkosten_per_uur (Functies)", NULL);
        } else {
            wbc_str(&w->b, ws, row, LK_CAO, fu->cao ? fu->cao->id : NULL, NULL);
            wbc_str(&w->b, ws, row, LK_SCHAAL, fu->salaris ? fu->salaris->schaal : NULL, NULL);
            wbc_str(&w->b, ws, row, LK_TREDE, fu->salaris ? fu->salaris->trede : NULL, NULL);
        }
        if (fa == NULL) {
            if (n > LK_VAST)
                wbc_str(&w->b, ws, row, LK_VAST, "niet gebruikt in functiemix.csv", NULL);
            continue;
        }
        if (fa->per_uur || w->functie_cao[fi] < 0 || fa->functie->salaris == NULL) {
            if (fa->per_uur && w->lc[AF_CF] >= 0)
                write_stap(w, ws, row, w->lc[AF_CF], AF_CF, fa, fi, 0, 0);
            continue;
        }
        for (int k = AF_SALARIS; k <= AF_CF; k++)
            if (w->lc[k] >= 0)
                write_stap(w, ws, row, w->lc[k], k, fa, fi, 0, 0);
    }
}

static void write_opbouw(wb *w, lxw_worksheet *ws)
{
    const tarief_regio *r = w->r;
    const wb_formats *F = &w->f;
    const char *kop[AF_COUNT];
    char koppen[AF_COUNT][160];
    for (int k = 0; k < AF_COUNT; k++)
        if (w->oc[k] >= 0)
            kop[w->oc[k]] = opbouw_kop(k, koppen);
    wbc_header(&w->b, ws, w->f.kop, kop, w->n_oc, 75);
    const wbc_kolom breedte[] = {{0, 0, 10},
                                 {1, 1, 28},
                                 {2, 2, 16},
                                 {3, w->n_oc - 1, 14},
                                 {w->oc[AF_GEM_PCT], w->oc[AF_GEM_PCT], 16}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 3);
    wbc_check(&w->b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)(w->n_opbouw_rows - 1),
                                          (lxw_col_t)(w->n_oc - 1)));
    worksheet_outline_settings(ws, LXW_TRUE, LXW_FALSE, LXW_TRUE, LXW_FALSE);

#define O(k) w->oc[k]
#define PRODUCT_STAP(k, fm) \
    wbc_formula(&w->b, ws, row, O(k), stap_formule(w, f, sizeof f, k, &rf), st_waarde(a, NULL, k), fm)
    char f[FORMULA_LEN];
    lxw_row_col_options detail = {.hidden = 0, .level = 1, .collapsed = 0};
    uint32_t row = 1;
    for (size_t i = 0; i < r->n_producten; i++) {
        vg_rij(w, VG_OPBOUW, i);
        const tarief_afleiding *a = &w->a[i];
        const tarief_product *p = a->product;
        uint32_t prow = (uint32_t)(p - r->producten) + 1; /* Producten row */
        uint32_t first = row + 1;                         /* 1-based, for SUM */

        for (size_t j = 0; j < a->n_functies; j++, row++) {
            const tarief_functie_afleiding *fa = &a->functies[j];
            uint32_t n = row + 1; /* 1-based row in formulas */
            size_t mj = (size_t)(fa->mix - p->mix);
            size_t fi = (size_t)(fa->functie - r->functies);
            wbc_check(&w->b, worksheet_set_row_opt(ws, row, LXW_DEF_ROW_HEIGHT, NULL, &detail));
            wbc_str(&w->b, ws, row, O(OB_CODE), p->code, NULL);
            wbc_str(&w->b, ws, row, O(OB_FUNCTIE), fa->functie->naam, NULL);
            wbc_formulaf(&w->b, ws, row, O(AF_AANDEEL), fa->mix->aandeel, F->af.pct,
                         "=Functiemix!$C%u", w->mix_row[w->mix_base[i] + mj] + 1);
            if (!fa->per_uur) {
                if (w->functie_cao[fi] < 0 || fa->functie->salaris == NULL) {
                    wbc_fout(&w->b, "interne fout: functie zonder cao-tabel");
                    continue;
                }
                for (int k = AF_SALARIS; k <= AF_L; k++)
                    if (w->oc[k] >= 0)
                        write_stap(w, ws, row, w->oc[k], k, fa, fi, n, prow);
            }
            write_stap(w, ws, row, O(AF_CF), AF_CF, fa, fi, n, prow);
            wb_ref rg = {.w = w, .orow = n};
            wbc_formula(&w->b, ws, row, O(AF_GEWOGEN), stap_formule(w, f, sizeof f, AF_GEWOGEN, &rg),
                        fa->gewogen, F->af.euro);
        }

        /* the product row: steps 9-17 */
        uint32_t n = row + 1;
        wb_ref rf = {.w = w, .product = true, .n = n, .eerste = first, .laatste = row};
        wbc_str(&w->b, ws, row, O(OB_CODE), p->code, w->f.tekst_vet);
        wbc_str(&w->b, ws, row, O(OB_NAAM), p->naam, w->f.tekst_vet);
        wbc_str(&w->b, ws, row, O(OB_FUNCTIE), "product", w->f.tekst_vet);
        PRODUCT_STAP(AF_C, F->af.euro);
        wbc_formulaf(&w->b, ws, row, O(AF_UREN), p->uren_per_eenheid.waarde, F->af.getal,
                     "=Producten!$%s%u", w->col[PR_UREN], prow + 1);
        wbc_formulaf(&w->b, ws, row, O(AF_BEGELEIDERS),
                     p->begeleiders.set ? p->begeleiders.waarde : 1, F->af.getal,
                     "=Producten!$%s%u", w->col[PR_BEGELEIDERS], prow + 1);
        wbc_formulaf(&w->b, ws, row, O(AF_GROEP),
                     p->groepsgrootte.set ? p->groepsgrootte.waarde : 1, F->af.getal,
                     "=Producten!$%s%u", w->col[PR_GROEP], prow + 1);
        PRODUCT_STAP(AF_I, F->af.getal);
        productiviteit_formula(w, f, sizeof f, prow);
        wbc_formula(&w->b, ws, row, O(AF_PRODUCTIVITEIT), f, a->productiviteit.waarde, F->af.pct);
        PRODUCT_STAP(AF_E1, F->af.euro);
        PRODUCT_STAP(AF_E2, F->af.euro);

        /* resolved product-level parameters */
        const int *pcol = product_param_items;
        for (int k = 0; k < N_PRODUCT_PARAMS; k++) {
            int id = product_param_ids(k);
            const tarief_invoer *inv = product_invoer(a, k);
            if (id == TARIEF_P_INDEXATIE && a->indexatie_vng != NULL && w->product_profiel[i] >= 0) {
                /* indexatie;vng: the compounded index of its block on Indexatie */
                const struct indexprofiel *pf = &w->profielen[w->product_profiel[i]];
                size_t nj = a->indexatie_vng->n_jaren ? a->indexatie_vng->n_jaren : 1;
                wbc_formulaf(&w->b, ws, row, O(pcol[k]), inv->waarde, F->af.pct,
                             "=Indexatie!$%s$%zu", w->col[IX_CUMUL], pf->rij + nj);
                continue;
            }
            param_formula(w, f, sizeof f, id, regio_bron(w, id, -1, inv), -1, prow);
            if (tarief_param_info_get((tarief_param_id)id)->soort == TARIEF_SOORT_KEUZE)
                wbc_formula_str(&w->b, ws, row, O(pcol[k]), f, keuze_naam(id, inv->keuze),
                                F->af.tekst);
            else
                wbc_formula(&w->b, ws, row, O(pcol[k]), f, inv->waarde, af_format(w, id));
        }
        PRODUCT_STAP(AF_E3, F->af.euro);
        PRODUCT_STAP(AF_E5, F->af.euro);
        PRODUCT_STAP(AF_P, F->af.euro);
        PRODUCT_STAP(AF_E4, F->af.euro);
        wbc_formulaf(&w->b, ws, row, O(AF_E6), a->element[TARIEF_E_HUISVESTING], F->af.euro,
                     "=Producten!$%s%u", w->col[PR_HUISVESTING], prow + 1);
        wbc_formulaf(&w->b, ws, row, O(AF_E7), a->element[TARIEF_E_VERZORGING], F->af.euro,
                     "=Producten!$%s%u", w->col[PR_VERZORGING], prow + 1);
        for (int k = AF_K; k <= AF_AFRONDINGSVERSCHIL; k++)
            if (st_get(k)->excel != NULL)
                PRODUCT_STAP(k, k == AF_TARIEF ? F->tarief : F->af.euro);
        row++;
    }
#undef PRODUCT_STAP
#undef O
}

static const int element_kolom[TARIEF_E_COUNT] = {
    [TARIEF_E_KOSTEN_BEROEPSKRACHT] = AF_E1,
    [TARIEF_E_NIET_PRODUCTIEVE_UREN] = AF_E2,
    [TARIEF_E_REIS_EN_OPLEIDING] = AF_E3,
    [TARIEF_E_OVERHEAD] = AF_E4,
    [TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN] = AF_E5,
    [TARIEF_E_HUISVESTING] = AF_E6,
    [TARIEF_E_VERZORGING] = AF_E7,
    [TARIEF_E_RISICO] = AF_R,
    [TARIEF_E_INDEXATIE] = AF_E8,
    [TARIEF_E_AFRONDINGSVERSCHIL] = AF_AFRONDINGSVERSCHIL,
};

static void write_tarieven(wb *w, lxw_worksheet *ws)
{
    const tarief_regio *r = w->r;
    enum { T_EERSTE = 3, T_TARIEF = T_EERSTE + TARIEF_E_COUNT };
    char koppen[TARIEF_E_COUNT][160];
    const char *kop[T_TARIEF + 1] = {"code", "naam", "eenheid"};
    for (int e = 0; e < TARIEF_E_COUNT; e++) {
        const tarief_element_info *in = tarief_element_info_get((tarief_element)e);
        bool wet = (in->wmo && strcmp(in->wmo, "-") != 0) ||
                   (in->jeugdwet && strcmp(in->jeugdwet, "-") != 0);
        if (in->nvo > 0)
            snprintf(koppen[e], sizeof koppen[e], "E%d %s\nWmo %s \xc2\xb7 Jeugdwet %s", in->nvo,
                     in->label, in->wmo ? in->wmo : "-", in->jeugdwet ? in->jeugdwet : "-");
        else if (wet)
            snprintf(koppen[e], sizeof koppen[e], "%s\nWmo %s \xc2\xb7 Jeugdwet %s", in->label,
                     in->wmo ? in->wmo : "-", in->jeugdwet ? in->jeugdwet : "-");
        else
            snprintf(koppen[e], sizeof koppen[e], "%s\n(geen NvO-element)", in->label);
        kop[T_EERSTE + e] = koppen[e];
    }
    kop[T_TARIEF] = "tarief";
    wbc_header(&w->b, ws, w->f.kop, kop, T_TARIEF + 1, 62);
    static const wbc_kolom breedte[] = {
        {0, 0, 10}, {1, 1, 40}, {2, 2, 10}, {T_EERSTE, T_TARIEF - 1, 16}, {T_TARIEF, T_TARIEF, 14}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
    worksheet_freeze_panes(ws, 1, 2);
    if (r->n_producten > 0)
        wbc_check(&w->b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)r->n_producten, T_TARIEF));

    for (size_t i = 0; i < r->n_producten; i++) {
        vg_rij(w, VG_TARIEVEN, i);
        const tarief_afleiding *a = &w->a[i];
        uint32_t row = (uint32_t)i + 1, orow = w->opbouw_row[i] + 1;
        wbc_str(&w->b, ws, row, 0, a->product->code, NULL);
        wbc_str(&w->b, ws, row, 1, a->product->naam, NULL);
        wbc_str(&w->b, ws, row, 2, tarief_eenheid_naam(a->product->eenheid), NULL);
        for (int e = 0; e < TARIEF_E_COUNT; e++) {
            wbc_formulaf(&w->b, ws, row, T_EERSTE + e, a->element[e], w->f.af.euro, "=Opbouw!%s%u",
                         w->col[w->oc[element_kolom[e]]], orow);
        }
        wbc_formulaf(&w->b, ws, row, T_TARIEF, a->tarief, w->f.tarief, "=Opbouw!%s%u",
                     w->col[w->oc[AF_TARIEF]], orow);
    }
}

/* ------------------------------------------------------------------------ */
/* Toelichting                                                               */

typedef struct invoerbestand {
    const char *path;
    char sha256[65];
} invoerbestand;

/* The input files with their SHA-256: from the loader when it computed
 * them (tarief_load_options.checksums), otherwise hashed here. */
static invoerbestand *checksums(wb *w, size_t *n_out)
{
    const tarief_regio *r = w->r;
    size_t cap = r->n_bestanden > 0 ? r->n_bestanden : 5 + 2 * r->n_caos;
    invoerbestand *b = calloc(cap ? cap : 1, sizeof *b);
    if (b == NULL)
        return NULL;
    size_t n = 0;
    if (r->n_bestanden > 0) {
        for (size_t i = 0; i < r->n_bestanden; i++) {
            b[n].path = r->bestanden[i].path;
            memcpy(b[n].sha256, r->bestanden[i].sha256, 65);
            b[n].sha256[64] = '\0';
            n++;
        }
    } else {
        const char *vast[] = {r->uitgangspunten_file, r->functies_file, r->producten_file,
                              r->functiemix_file};
        for (size_t i = 0; i < 4; i++)
            if (vast[i])
                b[n++].path = vast[i];
        for (size_t i = 0; i < r->n_caos; i++) {
            if (r->caos[i]->cao_file)
                b[n++].path = r->caos[i]->cao_file;
            if (r->caos[i]->salaris_file)
                b[n++].path = r->caos[i]->salaris_file;
        }
        if (r->indexreeks && r->indexreeks->path)
            b[n++].path = r->indexreeks->path;
    }
    for (size_t i = 0; i < n; i++) {
        if (b[i].sha256[0] != '\0')
            continue;
        if (tarief_sha256_file(b[i].path, b[i].sha256) != 0) {
            tarief_ctx_error(w->b.ctx, b[i].path, 0, 0, NULL,
                             "kan controlegetal (SHA-256) voor het werkboek niet berekenen: %s",
                             tarief_strerror(errno));
            free(b);
            return NULL;
        }
    }
    *n_out = n;
    return b;
}

static void write_toelichting(wb *w, lxw_worksheet *ws, const invoerbestand *bestanden,
                              size_t n_bestanden, long long created)
{
    const tarief_regio *r = w->r;
    const wb_formats *F = &w->f;
    static const wbc_kolom breedte[] = {{0, 0, 44}, {1, 1, 100}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
    uint32_t row = 0;
    char buf[512];

    snprintf(buf, sizeof buf, "Re\xc3\xable tarieven %s %d", r->naam ? r->naam : "", r->tariefjaar);
    wbc_str(&w->b, ws, row++, 0, buf, F->titel);
    snprintf(buf, sizeof buf, "tarief %s, %s", TARIEF_VERSION, TARIEF_REKENMETHODE);
    wbc_str(&w->b, ws, row, 0, "Gemaakt met", NULL);
    wbc_str(&w->b, ws, row++, 1, buf, NULL);
    time_t t = (time_t)created;
    struct tm tm;
    if (gmtime_r(&t, &tm) != NULL)
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
    else
        buf[0] = '\0';
    wbc_str(&w->b, ws, row, 0, "Datum (SOURCE_DATE_EPOCH of 1 januari tariefjaar)", NULL);
    wbc_str(&w->b, ws, row++, 1, buf, NULL);
    wbc_str(&w->b, ws, row, 0, "Regiomap", NULL);
    wbc_str(&w->b, ws, row++, 1, r->dir, NULL);
    row++;

    static const char *const bladen[][2] = {
        {"Tarieven", "E\xc3\xa9n rij per product (volgorde van producten.csv): code, naam, eenheid, "
                     "de opbouw per element (E1-E8 met de letter uit het Uitvoeringsbesluit Wmo 2015 "
                     "art. 5.4 lid 3 en het Besluit Jeugdwet art. 2.3 lid 1, plus risico en "
                     "afrondingsverschil) en als laatste kolom het tarief. De elementen tellen op "
                     "tot het tarief."},
        {"Uitgangspunten", "Kolom A de parameter precies zoals in uitgangspunten.csv, B de waarde "
                           "(percentages als fractie, opgemaakt als %), C de bron, D de regel in het "
                           "bestand. Daaronder de standaardwaarden van de rekenmethode die zijn "
                           "gebruikt omdat het bestand ze niet zet. Elke parametercel heeft de naam "
                           "van de parameter (bijvoorbeeld overhead): zo staat hij in de formules."},
        {"Producten", "producten.csv: per product de invoer (uren_per_eenheid, begeleiders, "
                      "groepsgrootte, huisvesting, verzorging) en de kolommen waarmee een product "
                      "een regioparameter overschrijft. Een lege gele cel betekent: de waarde van "
                      "de regio geldt; vul een waarde in om die voor dit product te overschrijven."},
        {"Functies", "functies.csv: per functie de cao, schaal en trede (of loonkosten_per_uur)."},
        {"Functiemix", "functiemix.csv: per product het aandeel van elke functie."},
        {"CAO \xe2\x80\xa6", "Per gebruikte cao-tabel de salarisschalen (maandsalaris bij voltijd) "
                             "en rechts de parameters uit cao.csv."},
        {"Indexreeks", "Alleen bij indexatie 'vng': de indexreeks (OVA en PPC, voorlopig en "
                       "definitief, per jaar) zoals ingelezen."},
        {"Loonkosten", "Stap 1-8 per functie (maandsalaris, jaarsalaris, toeslagen, "
                       "werkgeverslasten, kosten per betaald uur), eenmaal voor alle producten. "
                       "Een stap die afhangt van een parameter die een product kan overschrijven "
                       "(een kolom in producten.csv, zoals ort) staat niet hier maar per product "
                       "op Opbouw."},
        {"Indexatie", "Alleen bij indexatie 'vng': per groep producten met dezelfde regels "
                      "(loondeel, methode, tussenafronding, prijspeil) het indexcijfer per jaar na "
                      "het prijspeil tot en met het tariefjaar, en de samengestelde indexatie die "
                      "de productrij op Opbouw gebruikt. Het aantal jaren ligt vast bij het maken "
                      "van het werkboek: een ander prijspeil of tariefjaar vraagt een nieuw werkboek."},
        {"Opbouw", "De afleiding per product, stap 1-17 van de rekenmethode. Per product eerst een "
                   "rij per functie uit de functiemix: het aandeel, de stappen 1-8 die per product "
                   "kunnen verschillen, de kosten per betaald uur C_f en het gewogen aandeel. "
                   "Daaronder de vetgedrukte productrij: stap 9-17, van gemengde kosten per uur "
                   "tot tarief. Elke stap is een formule; de kolommen met parameternamen tonen de "
                   "waarde die voor dat product geldt, met als formule waar die vandaan komt: "
                   "IF(cel op Producten niet leeg; die cel; de regio- of standaardwaarde)."},
    };
    wbc_str(&w->b, ws, row++, 0, "Zo lees je dit werkboek", F->sectie);
    for (size_t k = 0; k < sizeof bladen / sizeof bladen[0]; k++) {
        bool index_blad = strncmp(bladen[k][0], "Index", 5) == 0;
        if (index_blad && w->n_profielen == 0)
            continue;
        wbc_str(&w->b, ws, row, 0, bladen[k][0], F->tekst_vet);
        wbc_str(&w->b, ws, row++, 1, bladen[k][1], F->tekst);
    }
    row++;

    wbc_str(&w->b, ws, row++, 0, "Kleuren", F->sectie);
    wbc_str(&w->b, ws, row, 0, "invoer", F->in.tekst);
    wbc_str(&w->b, ws, row++, 1,
            "Invoer uit een invoerbestand (uitgangspunten, producten, functies, "
            "functiemix, cao-tabel). Wijzig deze cellen om te rekenen met andere "
            "uitgangspunten.",
            F->tekst);
    wbc_str(&w->b, ws, row, 0, "standaardwaarde", F->std.tekst);
    wbc_str(&w->b, ws, row++, 1,
            "Standaardwaarde van de rekenmethode, gebruikt waar de invoer niets "
            "zet. Ook wijzigbaar.",
            F->tekst);
    wbc_str(&w->b, ws, row, 0, "afgeleid (formule)", F->af.tekst);
    wbc_str(&w->b, ws, row++, 1,
            "Afgeleid: een formule over de cellen waaruit de waarde volgt. Niet "
            "overschrijven.",
            F->tekst);
    wbc_check(&w->b, worksheet_write_string(ws, row, 0, "tarief", F->tarief));
    wbc_str(&w->b, ws, row++, 1, "De uitkomst: het tarief na afronding (stap 17).", F->tekst);
    row++;

    static const char *const methode[] = {
        "Per functie f uit de functiemix (aandeel w): 1 jaarsalaris J = 12 \xc3\x97 maandsalaris; "
        "2 vakantietoeslag, 3 eindejaarsuitkering en 4 ort als percentage van J; 5 bruto loonsom "
        "B = J + VT + EJU + ORT; 6 werkgeverslasten = B \xc3\x97 percentage; 7 loonkosten per fte "
        "L = B + WGL; 8 kosten per betaald uur C_f = L / jaaruren (of direct loonkosten_per_uur).",
        "Per product: 9 C = \xce\xa3 w \xc3\x97 C_f; 10 inzet I = uren_per_eenheid \xc3\x97 "
        "begeleiders / groepsgrootte; 11 E1 = I \xc3\x97 C; 12 E2 = E1 \xc3\x97 (1 / "
        "productiviteit \xe2\x88\x92 1); 13 E3 en E5 = (E1 + E2) \xc3\x97 percentage; 14 E4 "
        "overhead over P = E1 + E2 + E3 + E5 (opslag of aandeel); 15 E6 huisvesting, E7 "
        "verzorging, kostprijs K = E1 + \xe2\x80\xa6 + E7; 16 risico R = K \xc3\x97 risico, E8 = "
        "(K + R) \xc3\x97 indexatie, T = K + R + E8; 17 tarief = afronding(T).",
        "Voorrang bij parameters: product (kolom op Producten) boven regio (Uitgangspunten) boven "
        "cao (blad CAO) boven standaardwaarde. Productiviteit: die van het product, anders 100 % "
        "min de niet-productieve componenten (van het product waar gezet, anders van de regio) als "
        "de regio met componenten werkt, anders die van de regio.",
        "Alleen stap 17 rondt af, met ROUND/ROUNDUP zoals een spreadsheet: cent = ROUND(T;2), "
        "euro = ROUND(T;0), euro_omhoog = ROUNDUP(T;0), deelbaar_door_60 = "
        "ROUND(60 \xc3\x97 ROUND(T/60;2);2).",
    };
    wbc_str(&w->b, ws, row++, 0, "Rekenmethode in het kort", F->sectie);
    for (size_t k = 0; k < sizeof methode / sizeof methode[0]; k++)
        wbc_str(&w->b, ws, row++, 1, methode[k], F->tekst);
    row++;

    static const char *const controle[] = {
        "1. Zoek het product op Tarieven; de tariefcel verwijst naar de productrij op Opbouw.",
        "2. Filter Opbouw op de code: de functierijen (stap 1-8, met verwijzingen naar "
        "Loonkosten) en de productrij (stap 9-17).",
        "3. Volg elke formule terug naar de gele invoercellen; de kolom vindplaats geeft bestand "
        "en regel.",
        "4. Wijzig een invoercel en laat herberekenen (LibreOffice: Ctrl+Shift+F9; Excel: "
        "Ctrl+Alt+F9). De waarden die bij het openen te zien zijn, zijn die van de rekenkern van "
        "tarief; een herberekening geeft dezelfde uitkomst.",
        "5. Vergelijk de controlegetallen hieronder met sha256sum van de invoerbestanden.",
    };
    wbc_str(&w->b, ws, row++, 0, "Een tarief controleren", F->sectie);
    for (size_t k = 0; k < sizeof controle / sizeof controle[0]; k++)
        wbc_str(&w->b, ws, row++, 1, controle[k], F->tekst);
    row++;

    wbc_str(&w->b, ws, row++, 0, "Invoerbestanden (SHA-256)", F->sectie);
    wbc_str(&w->b, ws, row, 0, "bestand", F->kop);
    wbc_str(&w->b, ws, row++, 1, "sha256", F->kop);
    for (size_t k = 0; k < n_bestanden; k++) {
        wbc_str(&w->b, ws, row, 0, bestanden[k].path, NULL);
        wbc_str(&w->b, ws, row++, 1, bestanden[k].sha256, NULL);
    }
}

/* ------------------------------------------------------------------------ */

/* The creation date: explicit, else SOURCE_DATE_EPOCH, else 1 January of
 * the tariefjaar; never the clock, so the same inputs give the same bytes. */
static int creation_time(wb *w, const tarief_workbook_options *opts, long long *out)
{
    if (opts != NULL && opts->created != 0) {
        *out = opts->created;
        return 0;
    }
    int bron = wbc_source_date_epoch(out);
    if (bron < 0) {
        tarief_ctx_error(w->b.ctx, w->b.path, 0, 0, NULL,
                         "SOURCE_DATE_EPOCH '%s' is geen geldig tijdstip (seconden sinds "
                         "1970, vanaf 1980)",
                         getenv("SOURCE_DATE_EPOCH"));
        return -1;
    }
    if (bron == 0)
        *out = wbc_nieuwjaar(w->r->tariefjaar);
    return 0;
}

int tarief_workbook_write(tarief_ctx *ctx, const tarief_regio *r, const tarief_afleiding *a,
                          const char *path, const tarief_workbook_options *opts)
{
    wb w_ = {.b = {.ctx = ctx, .path = path}, .r = r, .a = a, .opts = opts};
    wb *w = &w_;
    int rc = -1;
    invoerbestand *bestanden = NULL;
    size_t n_bestanden = 0;

    if (wbc_check_locale(&w->b) != 0)
        return -1;
    long long created;
    if (creation_time(w, opts, &created) != 0)
        return -1;
    if (layout(w) != 0) {
        tarief_ctx_error(ctx, path, 0, 0, NULL, "werkboek niet geschreven: %s",
                         w->b.fout ? w->b.fout : "geen geheugen");
        goto done;
    }
    bestanden = checksums(w, &n_bestanden);
    if (bestanden == NULL)
        goto done;

    char titel[256];
    snprintf(titel, sizeof titel, "Re\xc3\xable tarieven %s %d", r->naam ? r->naam : "",
             r->tariefjaar);
    if (wbc_open(&w->b, titel, "Tarieven met volledige afleiding (" TARIEF_REKENMETHODE ")",
                 created) != 0)
        goto done;
    formats(w);
    definieer_namen(w);

    lxw_worksheet *ws_toel = workbook_add_worksheet(w->b.book, "Toelichting");
    lxw_worksheet *ws_tar = workbook_add_worksheet(w->b.book, "Tarieven");
    lxw_worksheet *ws_uit = workbook_add_worksheet(w->b.book, "Uitgangspunten");
    lxw_worksheet *ws_pro = workbook_add_worksheet(w->b.book, "Producten");
    lxw_worksheet *ws_fun = workbook_add_worksheet(w->b.book, "Functies");
    lxw_worksheet *ws_mix = workbook_add_worksheet(w->b.book, "Functiemix");
    lxw_worksheet **ws_cao = calloc(w->n_caos ? w->n_caos : 1, sizeof *ws_cao);
    bool ok = ws_toel && ws_tar && ws_uit && ws_pro && ws_fun && ws_mix && ws_cao;
    for (size_t i = 0; ok && i < w->n_caos; i++) {
        ws_cao[i] = workbook_add_worksheet(w->b.book, w->caos[i].sheet);
        ok = ws_cao[i] != NULL;
    }
    bool vng = w->n_profielen > 0 && r->indexreeks != NULL;
    lxw_worksheet *ws_reeks = ok && vng ? workbook_add_worksheet(w->b.book, "Indexreeks") : NULL;
    lxw_worksheet *ws_loon = ok ? workbook_add_worksheet(w->b.book, "Loonkosten") : NULL;
    lxw_worksheet *ws_index = ok && vng ? workbook_add_worksheet(w->b.book, "Indexatie") : NULL;
    lxw_worksheet *ws_opb = ws_loon ? workbook_add_worksheet(w->b.book, "Opbouw") : NULL;
    if (vng && (ws_reeks == NULL || ws_index == NULL))
        ok = false;
    if (w->n_profielen > 0 && r->indexreeks == NULL)
        wbc_fout(&w->b, "interne fout: indexatie 'vng' zonder indexreeks");
    if (ok && ws_opb) {
        w->vg_totaal = r->n_producten * (VG_TARIEVEN + VG_PRODUCTEN + VG_OPBOUW) +
                       w->n_mix * VG_MIXREGEL;
        vg_fase(w, "werkboek schrijven", 0, w->vg_totaal);
        write_toelichting(w, ws_toel, bestanden, n_bestanden, created);
        write_tarieven(w, ws_tar);
        write_uitgangspunten(w, ws_uit);
        write_producten(w, ws_pro);
        write_functies(w, ws_fun);
        write_functiemix(w, ws_mix);
        for (size_t i = 0; i < w->n_caos; i++)
            write_cao(w, ws_cao[i], &w->caos[i]);
        if (vng)
            write_indexreeks(w, ws_reeks);
        write_loonkosten(w, ws_loon);
        if (vng)
            write_indexatie(w, ws_index);
        write_opbouw(w, ws_opb);
    } else {
        wbc_fout(&w->b, "kan werkblad niet aanmaken");
    }
    free(ws_cao);
    vg_fase(w, "werkboek inpakken", 0, 0);
    rc = wbc_close(&w->b);

done:
    free(bestanden);
    free(w->caos);
    free(w->functie_cao);
    free(w->mix_base);
    free(w->mix_row);
    free(w->mix_order);
    free(w->opbouw_row);
    free(w->eerste);
    free(w->profielen);
    free(w->product_profiel);
    return rc;
}
