/*
 * stappen.h - the method's steps, described once (internal, not public API).
 *
 * rekenmethode §3 computes a tariff in 17 steps. This table is the one
 * place that says, per item of the derivation record, its step number, its
 * Dutch label, its formula in symbols (as `uitleg` prints it), its opbouw
 * element (and through tarief_element_info_get its NvO number and legal
 * letters), which parameter feeds it, and its spreadsheet formula over
 * other items. uitleg (render.c) and every workbook (workbook*.c) read it;
 * a workbook only says how an item resolves to a cell:
 *
 *     static const char *ref(void *data, int item, bool bereik) { ... "C5" ... }
 *     char f[512];
 *     st_formule(f, sizeof f, AF_E2, ref, &mijn_blad);   // "=C5*(1/D5-1)"
 *     st_kop(AF_E2, ST_KOP_TWEE_REGELS, k, sizeof k);     // "12 E2 niet-productieve uren\nE2 = ..."
 */
#ifndef TARIEF_STAPPEN_H
#define TARIEF_STAPPEN_H

#include <stdbool.h>
#include <stddef.h>

#include "tarief.h"

/*
 * The items of a derivation, in the column order of every derivation sheet
 * (Opbouw and Loonkosten of `bereken`, Berekening of `vergelijk` and
 * `verschil`): three columns that say which row it is (each sheet its own),
 * then per functie the inputs and steps 1-8, then per product steps 9-17
 * with their inputs, the tariff and the rounding difference.
 */
enum {
    AF_RIJ1, AF_RIJ2, AF_RIJ3,
    /* per functie: inputs, then steps 1-8 */
    AF_AANDEEL, AF_SALARIS, AF_VT_PCT, AF_EJU_PCT, AF_ORT_PCT, AF_WGL_PCT, AF_JAARUREN,
    AF_J, AF_VT, AF_EJU, AF_ORT, AF_B, AF_WGL, AF_L, AF_CF, AF_GEWOGEN,
    /* per product: steps 9-17 with their inputs */
    AF_C, AF_UREN, AF_BEGELEIDERS, AF_GROEP, AF_I, AF_PRODUCTIVITEIT, AF_E1, AF_E2,
    AF_REIS_PCT, AF_E3, AF_GEM_PCT, AF_E5, AF_P, AF_OVERHEAD_PCT, AF_GRONDSLAG, AF_E4,
    AF_E6, AF_E7, AF_K, AF_RISICO_PCT, AF_R, AF_INDEX_PCT, AF_E8, AF_T, AF_AFRONDING,
    AF_TARIEF, AF_AFRONDINGSVERSCHIL,
    AF_COUNT,
    /* after the derivation proper, only where set: the pgb tariffs with
     * their percentages (a workbook gives them columns only when used) */
    AF_PGB_PROF_PCT = AF_COUNT, AF_PGB_PROF, AF_PGB_INF_PCT, AF_PGB_INF,
    AF_ALLE
};

#define ST_MAX_INVOER 7
#define ST_MAX_VARIANT 4

/* One item of the derivation. */
typedef struct st_item {
    int nummer;              /* step 1-17; 0: not a step of its own (an input, a term) */
    const char *label;       /* Dutch label, as uitleg and the headers show it */
    const char *symbool;     /* "J", "E1", "C_f"; NULL for inputs */
    const char *formule;     /* in symbols, as uitleg prints it; NULL for inputs */
    /* A step whose formula depends on a KEUZE parameter (E4 on
     * overhead_grondslag, the tariff on afronding): per keuze the label
     * suffix (or NULL) and the formula uitleg prints. */
    int variant_param;       /* tarief_param_id, or -1 */
    const char *variant_label[ST_MAX_VARIANT];
    const char *variant_formule[ST_MAX_VARIANT];
    int element;             /* tarief_element, or TARIEF_E_COUNT */
    int param;               /* tarief_param_id that supplies an input item, or -1 */
    bool per_functie;        /* steps 1-8 and their inputs: one per functiemix row */
    /* The spreadsheet formula: $1..$7 stand for the cells of invoer[0..6];
     * $1: is the range of invoer[0] over the functie rows (step 9). NULL:
     * the item is an input, written by the workbook from where it came. */
    const char *excel;
    int invoer[ST_MAX_INVOER];
    int n_invoer;
} st_item;

/* The parameter items of a functie (AF_VT_PCT .. AF_JAARUREN, in order) and
 * of a product's steps 13-17, in column order. */
#define ST_N_FUNCTIE_PARAMS 5
#define ST_N_PRODUCT_PARAMS 7
extern const int st_product_params[ST_N_PRODUCT_PARAMS];

/* The item (AF_AANDEEL .. AF_PGB_INF), NULL for others. */
const st_item *st_get(int item);

/* How a workbook resolves an item to a cell reference, e.g. "C5" or
 * "Loonkosten!$C$3"; bereik: the range of the item over the functie rows of
 * the product ("K2:K4"). */
typedef const char *(*st_ref_fn)(void *data, int item, bool bereik);

/* The spreadsheet formula of item into buf. Returns buf, or NULL when it
 * does not fit or the item has no formula (buf then empty). */
const char *st_formule(char *buf, size_t size, int item, st_ref_fn ref, void *data);

/* A column header: ST_KOP_TWEE_REGELS "12 E2 niet-productieve uren\nE2 = ..."
 * (bereken), ST_KOP_EEN_REGEL "12 E2 niet-productieve uren" or
 * "1 jaarsalaris J" (vergelijk, verschil). Returns buf. */
enum { ST_KOP_TWEE_REGELS, ST_KOP_EEN_REGEL };
const char *st_kop(int item, int vorm, char *buf, size_t size);

/* The steps van..tot (AF_*) in brief, for a text: "1 jaarsalaris: J = 12 × S;
 * 2 vakantietoeslag: VT = J × vakantietoeslag; ...". Returns buf. */
const char *st_in_het_kort(int van, int tot, char *buf, size_t size);

/* The label of item as uitleg shows it, for keuze k of its variant_param. */
const char *st_label(int item, int keuze, char *buf, size_t size);
/* The formula of item as uitleg prints it, for keuze k of its variant_param. */
const char *st_formule_tekst(int item, int keuze);

/* The value of item in the record: a of the product, fa of the functie
 * (NULL for product items). */
double st_waarde(const tarief_afleiding *a, const tarief_functie_afleiding *fa, int item);

/* The resolved input of a parameter item (AF_VT_PCT, AF_REIS_PCT, ...) in
 * the record, NULL for an item without parameter. */
const tarief_invoer *st_invoer(const tarief_afleiding *a, const tarief_functie_afleiding *fa, int item);

/* (tarief_afleiding_invoer, compute.h, is the same by parameter id.) */

/* The item of the opbouw element e (AF_E1 for kosten beroepskracht, AF_R for
 * risico, AF_AFRONDINGSVERSCHIL), -1 if none. */
int st_element_item(tarief_element e);

#endif
