/*
 * workbook_bereken.h - the `bereken` workbook (tarief_workbook_write), not
 * public API: its state (wb) and the functions its files share. The files
 * are split by sheet group:
 *
 *   workbook.c              tarief_workbook_write, formats
 *   workbook_cellen.c       cell helpers every sheet uses (below the sheets)
 *   workbook_layout.c       the layout: rows and columns of every sheet
 *   workbook_invoer.c       the input sheets
 *   workbook_berekening.c   Loonkosten, Opbouw, Tarieven: the steps, from
 *                           the step table (stappen.c)
 *   workbook_toelichting.c  Toelichting and the SHA-256 of the inputs
 *   workbook_grafiek.c      the charts of all three workbooks
 */
#ifndef TARIEF_WORKBOOK_BEREKEN_H
#define TARIEF_WORKBOOK_BEREKEN_H

#include "workbook_common.h"

#define STANDAARD_BRON "standaardwaarde " TARIEF_REKENMETHODE

/* The derivation items are AF_* (stappen.h); on Opbouw the three
 * row columns are code, naam and functie. Steps 1-8 (AF_SALARIS to AF_CF)
 * live on the functie rows of Opbouw or, when shared by every product, on
 * Loonkosten: w->oc[] and w->lc[] map an item to its column on either
 * sheet. Steps 9-17 are on the product row. */
enum { OB_CODE = AF_RIJ1, OB_NAAM = AF_RIJ2, OB_FUNCTIE = AF_RIJ3 };

/* Columns of Uitgangspunten: the parameter exactly as in the file, its
 * Dutch label, waarde, bron, vindplaats. */
enum { U_NAAM, U_LABEL, U_WAARDE, U_BRON, U_VINDPLAATS, U_COUNT };

/* Columns of Producten before the override columns. */
enum { PR_CODE, PR_NAAM, PR_EENHEID, PR_UREN, PR_BEGELEIDERS, PR_GROEP, PR_HUISVESTING,
       PR_VERZORGING, PR_VAST };

/* The ort column of Functiemix (after product, functie, percentage,
 * vindplaats), only when functiemix.csv sets one. */
#define MIX_ORT 4

/* Columns of Functies. */
enum { FU_FUNCTIE, FU_CAO, FU_SCHAAL, FU_TREDE, FU_PER_UUR, FU_OMSCHRIJVING, FU_VINDPLAATS };

/* The first columns of Loonkosten; the shared steps follow. */
enum { LK_FUNCTIE, LK_CAO, LK_SCHAAL, LK_TREDE, LK_VAST };

#define MAX_COLS (PR_VAST + TARIEF_P_COUNT + 2 > AF_ALLE ? PR_VAST + TARIEF_P_COUNT + 2 : AF_ALLE)
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
    lxw_format *kop, *titel, *sectie, *tekst, *tekst_vet, *notitie;
    lxw_format *boven, *in_wrap; /* rows of wrapped text: top aligned; an input text that wraps */
    lxw_format *vindplaats;      /* file:line, indented from a number before it */
    wb_palet in, std, af; /* invoer, standaardwaarde, afgeleid */
    lxw_format *tarief;
} wb_formats;

typedef struct wb {
    wbc_book b;
    const tarief_regio *r;
    const tarief_afleiding *a;
    const tarief_workbook_options *opts; /* progress callback, may be NULL */
    double naam_breedte;                 /* wbb_naam_breedte, 0 until computed */
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
    /* some functiemix row sets ort: Functiemix gets column MIX_ORT, and the
     * ort of every Opbouw functie row reads it first */
    bool mix_ort;

    uint32_t *opbouw_row;    /* product row on Opbouw per product */
    uint32_t n_opbouw_rows;

    /* Where each item of the derivation lives: oc[] column on Opbouw, lc[]
     * column on Loonkosten, -1 when not on that sheet. per_rij[]: a step
     * 1-8 that depends on a parameter a product can override. */
    int oc[AF_ALLE], lc[AF_ALLE]; /* the pgb items only when some product has them */
    bool per_rij[AF_ALLE];
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


/* Progress (tarief_workbook_options.voortgang) in weighted rows: a row of
 * a per-product sheet counts roughly its share of the cells, so the
 * fraction follows the time. */
enum { VG_TARIEVEN = 15, VG_PRODUCTEN = 17, VG_MIXREGEL = 4, VG_OPBOUW = 58 };

enum { BRON_REGIO = -2, BRON_STANDAARD = -1 }; /* >= 0: index of a CAO */

/* Columns of Tarieven: code, naam, eenheid, the elements as shown (rounded
 * to the cent), the display-rounding difference, tarief. */
enum { TA_EERSTE = 3, TA_WEERGAVE = TA_EERSTE + TARIEF_E_COUNT, TA_TARIEF };

/* Columns of Indexatie. */
enum { IX_PRODUCTEN, IX_JAAR, IX_LOONDEEL, IX_METHODE, IX_TUSSEN, IX_PRIJSPEIL, IX_GV, IX_VGV,
       IX_VGD, IX_INHAAL, IX_ONGEROND, IX_INDEX, IX_CUMUL, IX_COUNT };

/* An input file with its SHA-256, from the loader (tarief_regio.bestanden). */
typedef tarief_invoerbestand invoerbestand;

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

/* workbook_cellen.c: helpers shared by the sheets */
void wbb_vg_rij(wb *w, size_t gewicht, size_t i);
void wbb_put_vindplaats(wb *w, lxw_worksheet *ws, uint32_t row, int col, const tarief_bron *b);
const char *wbb_keuze_naam(int id, int keuze);
void wbb_put_param(wb *w, lxw_worksheet *ws, uint32_t row, int col, int id, double waarde, int keuze,
                   const wb_palet *p);
typedef struct wbb_regel_breedte {
    double label, waarde, bron; /* column widths, for the row height */
} wbb_regel_breedte;
void wbb_put_regel(wb *w, lxw_worksheet *ws, uint32_t row, int col, const tarief_regel *g,
                   const tarief_param *params, const double *getal, lxw_format *getal_fmt, bool label,
                   const wbb_regel_breedte *k);
void wbb_cao_sheet_name(wb *w, size_t i);
int wbb_cao_index(const wb *w, const tarief_cao *c);
int wbb_regio_bron(const wb *w, int id, int ci, const tarief_invoer *inv);
void wbb_param_formula(wb *w, char *buf, size_t size, int id, int bron, int ci, uint32_t prow);
void wbb_productiviteit_formula(wb *w, char *buf, size_t size, uint32_t prow);
lxw_format *wbb_af_format(wb *w, int id);
double wbb_naam_breedte(wb *w);
void wbb_naam(wb *w, lxw_worksheet *ws, uint32_t row, int col, const char *naam, double breedte);

/* workbook_layout.c: where everything goes, computed before any sheet is written */
uint32_t wbb_reeks_rij(const wb *w, int jaar);
int wbb_layout(wb *w);
void wbb_definieer_namen(wb *w);

/* workbook_invoer.c: the input sheets (Uitgangspunten, Producten, Functies, Functiemix, CAO, Indexreeks, Indexatie) */
void wbb_write_uitgangspunten(wb *w, lxw_worksheet *ws);
void wbb_write_producten(wb *w, lxw_worksheet *ws);
void wbb_write_functies(wb *w, lxw_worksheet *ws);
void wbb_write_functiemix(wb *w, lxw_worksheet *ws);
void wbb_write_cao(wb *w, lxw_worksheet *ws, const wb_cao *wc);
void wbb_write_indexreeks(wb *w, lxw_worksheet *ws);
void wbb_write_indexatie(wb *w, lxw_worksheet *ws);

/* workbook_berekening.c: the derivation sheets (Loonkosten, Opbouw, Tarieven) */
void wbb_write_loonkosten(wb *w, lxw_worksheet *ws);
void wbb_write_opbouw(wb *w, lxw_worksheet *ws);
void wbb_write_tarieven(wb *w, lxw_worksheet *ws);

/* workbook_grafiek.c: the chart of the opbouw per product */
void wbb_write_grafiek(wb *w, lxw_worksheet *ws);

/* workbook_toelichting.c: Toelichting and the checksums of the inputs */
invoerbestand *wbb_checksums(wb *w, size_t *n_out);
void wbb_write_toelichting(wb *w, lxw_worksheet *ws, const invoerbestand *bestanden, size_t n_bestanden,
                           long long created);

#endif
