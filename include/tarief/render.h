/*
 * tarief/render.h - turn derivation records into text for people and
 * files: the `uitleg` steps, the CSV of §5, the `controleer` comparison, and
 * Dutch number formatting. Nothing here recomputes the tariff: everything is
 * read from tarief_afleiding.
 */
#ifndef TARIEF_RENDER_H
#define TARIEF_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "compute.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Format x in Dutch: '.' thousands separator, ',' decimal comma, exactly
 * `decimals` decimals (-0 is printed as 0). Returns buf.
 *     tarief_fmt_nl(buf, sizeof buf, 2897, 2) -> "2.897,00"
 */
char *tarief_fmt_nl(char *buf, size_t size, double x, int decimals);
/** As tarief_fmt_nl, but between min and max decimals, trailing zeros trimmed. */
char *tarief_fmt_nl_trim(char *buf, size_t size, double x, int min_dec, int max_dec);
/** Format a fraction as a Dutch percentage: 0.0833 -> "8,33 %". */
char *tarief_fmt_pct(char *buf, size_t size, double fraction);

/** One input of a step, with where it came from. */
typedef struct tarief_stap_invoer {
    const char *naam;     /**< e.g. "vakantietoeslag" */
    const char *waarde;   /**< formatted, e.g. "8 %" */
    const char *herkomst; /**< "product", "regio", "cao <id>", "standaard", "afgeleid" */
    tarief_bron bron;     /**< file:line (file NULL for defaults) */
} tarief_stap_invoer;

/** One step of the derivation as `uitleg` shows it. */
typedef struct tarief_stap {
    int nummer;            /**< 1-17 as in rekenmethode §3 */
    const char *functie;   /**< functie name for steps 1-8, else NULL */
    const char *label;     /**< Dutch label */
    const char *formule;   /**< symbolic, e.g. "J × vakantietoeslag" */
    const char *ingevuld;  /**< with the numbers, e.g. "34.764,00 × 8 %" */
    double waarde;
    const char *waarde_tekst; /**< formatted result, e.g. "€ 2.781,12" */
    tarief_element element;   /**< TARIEF_E_COUNT if the step is no opbouw element */
    tarief_stap_invoer *invoer;
    size_t n_invoer;
} tarief_stap;

/** The steps of one derivation, owned by ctx. */
const tarief_stap *tarief_uitleg_stappen(tarief_ctx *ctx, const tarief_regio *r,
                                         const tarief_afleiding *a, size_t *n);

/** Write the uitleg of one product as Dutch text. */
void tarief_uitleg_print(FILE *out, tarief_ctx *ctx, const tarief_regio *r,
                         const tarief_afleiding *a);

/** Write the CSV of §5 (header + one row per product). Returns 0 or -1 (errno). */
int tarief_csv_write(FILE *out, const tarief_afleiding *a, size_t n);

/** CSV options; zeroed = exactly the columns of §5. */
typedef struct tarief_csv_options {
    /** Append, after the §5 columns, `indexatie_percentage` (percent, six
     *  decimals), `indexatie_vorm` (percentage | vng), `prijspeil` (vng only)
     *  and `indexatie_afleiding` (vng only: per year the index, its
     *  components and the series rows it came from). */
    bool indexatie;
} tarief_csv_options;

/**
 * tarief_csv_write with options (NULL = defaults). The §5 columns always
 * come first and unchanged.
 *     tarief_csv_options o = {.indexatie = true};
 *     tarief_csv_write_opties(stdout, afl, r->n_producten, &o);
 */
int tarief_csv_write_opties(FILE *out, const tarief_afleiding *a, size_t n, const tarief_csv_options *opts);

/** Result of checking one published tariff. */
typedef enum tarief_controle_status {
    TARIEF_CONTROLE_OK,
    TARIEF_CONTROLE_AFWIJKING,
    TARIEF_CONTROLE_ONBEKEND,        /**< published code not in the region */
    TARIEF_CONTROLE_NIET_GEPUBLICEERD /**< region product missing from the list (informative) */
} tarief_controle_status;

typedef struct tarief_controle {
    const char *code;
    tarief_controle_status status;
    double gepubliceerd, berekend, verschil; /**< verschil = gepubliceerd - berekend */
    const tarief_afleiding *afleiding;       /**< NULL for ONBEKEND */
    tarief_bron bron;                        /**< row in the published file */
    const char *eenheid;                     /**< published eenheid, or NULL if not given */
    bool eenheid_afwijkend;                  /**< published eenheid differs: an AFWIJKING too */
    /** The published opbouw, where the list has a column per element (named as
     *  in the CSV of §5, e.g. `kosten_beroepskracht`) and the cell is not
     *  empty; an element off by more than the margin is an AFWIJKING too. */
    bool element_gegeven[TARIEF_E_COUNT];
    double element_gepubliceerd[TARIEF_E_COUNT];
    double element_verschil[TARIEF_E_COUNT]; /**< gepubliceerd - berekend */
    bool element_afwijkend[TARIEF_E_COUNT];
    tarief_bron element_bron[TARIEF_E_COUNT]; /**< the published cell */
} tarief_controle;

/**
 * Compare a published list (`code;tarief`, optional `eenheid`, `naam`, `bron`,
 * and a column per opbouw element) with the computed tariffs: the CSV that
 * tarief_csv_write writes is such a list. Returns the results (published
 * order, then products not published), or NULL if the file is invalid (diag
 * says why).
 *     size_t n;
 *     const tarief_controle *c = tarief_controleer(ctx, r, afl, "gepubliceerd.csv", 0.005, &n);
 *     for (size_t i = 0; c && i < n; i++)
 *         if (c[i].status == TARIEF_CONTROLE_AFWIJKING) ...
 */
const tarief_controle *tarief_controleer(tarief_ctx *ctx, const tarief_regio *r,
                                         const tarief_afleiding *a,
                                         const char *gepubliceerd, double marge,
                                         size_t *n);

#ifdef __cplusplus
}
#endif
#endif
