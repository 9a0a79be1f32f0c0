/*
 * tarief/vergelijk.h - two calculations of the same products side by side.
 *
 * `vergelijk`: a region and an aanbieder's reaction to it ("pas toe of leg
 * uit"). The aanbieder map is loaded as an overlay on the region
 * (tarief_load_options.overlay); both are computed by the same method and
 * every NvO element is compared, with the inputs that cause each difference.
 *
 * `verschil`: two versions of a region (last year's and this year's). Each
 * product's change is split into contributions of ten input groups, by
 * replacing the old inputs with the new ones one group at a time in a fixed
 * order (tarief_groep) and recomputing after each: contribution k = tariff
 * after group k - tariff after group k-1, in whole cents, so they add up
 * exactly to the change. The order matters (a contribution depends on what
 * was replaced before it): docs/vergelijk-en-verschil.md.
 *
 *     tarief_load_options o = {.cao_map = "data/cao"};
 *     const tarief_regio *regio = tarief_load_regio(ctx, "regio", &o);
 *     o.overlay = "aanbieder";
 *     const tarief_regio *aanb = tarief_load_regio(ctx, "regio", &o);
 *     const tarief_vergelijking *v = tarief_vergelijk(ctx, regio, aanb);
 *     puts(v->producten[0].verklaring[TARIEF_E_OVERHEAD]);
 *     // "overhead 25 % i.p.v. 20 % (aanbieder/uitgangspunten.csv:7)"
 *
 *     const tarief_verschillen *d = tarief_verschil_bereken(ctx, oud, nieuw);
 *     for (int g = 0; g < TARIEF_G_COUNT; g++)
 *         printf("%s %lld\n", tarief_groep_info_get(g)->label,
 *                d->producten[0].bijdrage_cent[g]);
 *
 * Ownership: everything returned belongs to ctx (tarief/model.h) and is
 * freed by tarief_ctx_free(). Nothing is printed.
 */
#ifndef TARIEF_VERGELIJK_H
#define TARIEF_VERGELIJK_H

#include <stdio.h>

#include "compute.h"
#include "workbook.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The input groups, in the order in which `verschil` replaces them.
 * Every input of the calculation belongs to exactly one group.
 */
typedef enum tarief_groep {
    TARIEF_G_CAO_SALARIS,     /**< 1 salary tables: maandsalaris at the same schaal and trede */
    TARIEF_G_CAO_PARAMETERS,  /**< 2 vakantietoeslag, eindejaarsuitkering, ort, werkgeverslasten, jaaruren */
    TARIEF_G_FUNCTIES,        /**< 3 inschaling (cao, schaal, trede) or loonkosten_per_uur */
    TARIEF_G_FUNCTIEMIX,      /**< 4 the product's functiemix */
    TARIEF_G_INZET,           /**< 5 uren_per_eenheid, begeleiders, groepsgrootte */
    TARIEF_G_PRODUCTIVITEIT,  /**< 6 productiviteit or its six components */
    TARIEF_G_OPSLAGEN,        /**< 7 reis_en_opleiding, gemeentelijke_verplichtingen, overhead (+ grondslag), risico */
    TARIEF_G_HUISVESTING_VERZORGING, /**< 8 huisvesting, verzorging */
    TARIEF_G_INDEXATIE,       /**< 9 indexatie (and everything it is computed from, tariefjaar included) */
    TARIEF_G_AFRONDING,       /**< 10 afronding */
    TARIEF_G_COUNT
} tarief_groep;

/** Facts about a group. */
typedef struct tarief_groep_info {
    const char *kolom; /**< CSV column, e.g. "cao_salaris" */
    const char *label; /**< Dutch label, e.g. "cao-salaristabellen" */
    const char *omvat; /**< what it holds, in Dutch */
} tarief_groep_info;

/** Facts about input group g (its Dutch label and what it holds); NULL if
 *  out of range. */
const tarief_groep_info *tarief_groep_info_get(tarief_groep g);
/** The group a parameter of uitgangspunten.csv / producten.csv / cao.csv belongs to. */
tarief_groep tarief_param_groep(tarief_param_id id);

/** One input that differs between two calculations of the same product. */
typedef struct tarief_oorzaak {
    tarief_groep groep;
    /** Bit (1u << e) for every opbouw element e the input enters directly
     *  (overhead: TARIEF_E_OVERHEAD; a salary: TARIEF_E_KOSTEN_BEROEPSKRACHT). */
    unsigned elementen;
    /** e.g. "overhead 25 % i.p.v. 20 %", "functiemix HBO 70 % i.p.v. 60 %":
     *  the other side's value first, the basis's after "i.p.v.". */
    const char *tekst;
    /** Where the other side's value is set; file NULL for a default or a
     *  value derived from others. */
    tarief_bron bron;
    /** tekst with " (file:line)" when bron has a file. */
    const char *volledig;
} tarief_oorzaak;

/**
 * The inputs that differ between two derivations of the same product
 * (basis: the region or the old version; ander: the aanbieder or the new
 * version), in group order. Inputs that differ without changing what the
 * method uses (two components that swap values, a functie outside the mix)
 * are not listed.
 */
const tarief_oorzaak *tarief_oorzaken(tarief_ctx *ctx, const tarief_afleiding *basis,
                                      const tarief_afleiding *ander, size_t *n);

/** Two amounts differ when they differ by at least this much (euro). */
#define TARIEF_VERSCHIL_DREMPEL 0.0000005

/* --- vergelijk ------------------------------------------------------------ */

/**
 * How much one cause contributes to each element's difference (vergelijk
 * --oorzaken, docs/vergelijk-en-verschil.md). The region's inputs are
 * replaced by the aanbieder's one cause at a time, in a fixed order (group
 * order, then functie name and parameter, never file order), and the
 * product is recomputed after each: the contribution of cause k is the
 * amount after k minus the amount before it. Every intermediate amount is
 * taken in whole millionths of a euro (elements) and whole cents (the
 * tariff, each intermediate tariff rounded by step 17), so the
 * contributions of an element add up EXACTLY to
 *     verschil_micro[e] = M(aanbieder) − M(regio),  M(x) = round(x × 10^6)
 * and those to the tariff to verschil_cent. A rest that no cause explains
 * (a difference of summation order in step 9, at most a millionth) is a
 * contribution of its own with rest = true.
 */
typedef struct tarief_bijdrage {
    tarief_oorzaak oorzaak;          /**< the cause (tekst, bron, volledig, groep) */
    bool rest;                       /**< not a cause: the rest described above */
    long long micro[TARIEF_E_COUNT]; /**< to opbouw element e, in millionths of a euro */
    long long cent;                  /**< to the tariff, in cents */
} tarief_bijdrage;

/** One product: the region's derivation, the aanbieder's, and why they differ. */
typedef struct tarief_vergelijk_product {
    const tarief_afleiding *regio;
    const tarief_afleiding *aanbieder;
    const tarief_oorzaak *oorzaken;   /**< every differing input, group order */
    size_t n_oorzaken;
    /** Per opbouw element: "" when the element is equal; else the inputs
     *  entering it that differ, joined by "; ", then "doorwerking van ..."
     *  naming the earlier elements that differ, e.g. for element 2:
     *  "verzuim 8 % i.p.v. 6,7 % (a/uitgangspunten.csv:4); doorwerking van
     *  kosten beroepskracht". */
    const char *verklaring[TARIEF_E_COUNT];
    /** For the tariff: every differing input, or "" when equal. */
    const char *verklaring_tarief;
    bool afwijkend;                   /**< tariff or any element differs */
    /** The numbers of the comparison, computed once here so that every
     *  renderer (table, CSV) only formats them. Index e: opbouw element e;
     *  index TARIEF_E_COUNT: the tariff.
     *      verschil[e]     = aanbieder − regio
     *      verschil_pct[e] = verschil[e] / regio × 100, when pct_bekend[e]
     *  pct_bekend is false when the regio's value is 0, and for the
     *  afrondingsverschil (a percentage of a rounding difference says
     *  nothing). */
    double verschil[TARIEF_E_COUNT + 1];
    double verschil_pct[TARIEF_E_COUNT + 1];
    bool pct_bekend[TARIEF_E_COUNT + 1];
    /** The contributions of the causes (tarief_bijdrage), in their fixed
     *  order; none when the product does not differ. */
    const tarief_bijdrage *bijdragen;
    size_t n_bijdragen;
    long long verschil_micro[TARIEF_E_COUNT]; /**< M(aanbieder) − M(regio) per element */
    long long verschil_cent;                  /**< aanbieder − regio tariff in cents */
} tarief_vergelijk_product;

typedef struct tarief_vergelijking {
    const tarief_regio *regio;
    const tarief_regio *aanbieder;    /**< the region with the aanbieder map laid over it */
    tarief_vergelijk_product *producten; /**< region order */
    size_t n_producten;
    size_t n_afwijkend;
} tarief_vergelijking;

/**
 * Compute both and compare, product by product (matched by code; the
 * overlay keeps the region's products, so every product has both).
 */
const tarief_vergelijking *tarief_vergelijk(tarief_ctx *ctx, const tarief_regio *regio,
                                            const tarief_regio *aanbieder);

/**
 * CSV (`;`, decimal comma): one row per product per opbouw element and one
 * `tarief` row: code;naam;eenheid;element;regio;aanbieder;verschil;
 * verschil_pct;oorzaak. Amounts of elements with six decimals, the tariff
 * with two; verschil_pct in percent with two decimals, empty when the
 * region's amount is 0. Returns 0 or -1 (errno).
 */
int tarief_vergelijk_csv_write(FILE *out, const tarief_vergelijking *v);

/**
 * The contributions as CSV (`;`, decimal comma): code;element;oorzaak;bijdrage,
 * per product that differs, per element (its CSV column name, then
 * `tarief`) one row per cause whose contribution is not 0, in the fixed
 * order of the causes. bijdrage in euro: six decimals for an element, two
 * for the tariff; the rows of an element add up exactly to its difference.
 * oorzaak is the cause with (file:line) of the aanbieder's input.
 * Returns 0 or -1 (errno).
 */
int tarief_vergelijk_oorzaken_csv_write(FILE *out, const tarief_vergelijking *v);

/**
 * The contributions of product vp (tarief_bijdrage), computed from the two
 * loaded regions; tarief_vergelijk fills vp->bijdragen with this. *n gets
 * their number.
 */
const tarief_bijdrage *tarief_bijdragen(tarief_ctx *ctx, const tarief_regio *regio, const tarief_regio *aanbieder,
                                        tarief_vergelijk_product *vp, size_t *n);

/* --- verschil ------------------------------------------------------------- */

/** One product present in both versions. */
typedef struct tarief_verschil_product {
    const tarief_afleiding *oud;
    const tarief_afleiding *nieuw;
    /** stap[g]: the derivation with groups 0..g replaced by the new inputs
     *  and everything else old. stap[TARIEF_G_COUNT - 1] is the new
     *  derivation itself (nieuw). NULL for g < TARIEF_G_COUNT - 1 when
     *  computed without tussenstappen (tarief_verschil_options). */
    const tarief_afleiding *stap[TARIEF_G_COUNT];
    long long oud_cent, nieuw_cent, verschil_cent;
    /** bijdrage_cent[g] = tariff after group g - tariff after group g-1
     *  (the old tariff before group 0), in cents: they sum to verschil_cent. */
    long long bijdrage_cent[TARIEF_G_COUNT];
    /** The new tariff minus the tariff computed with every group replaced:
     *  0, unless an input is not covered by any group (then it sits in the
     *  last contribution and this says how much). */
    long long onverklaard_cent;
    const tarief_oorzaak *oorzaken;   /**< every differing input, group order */
    size_t n_oorzaken;
    bool eenheid_gewijzigd;
    /** verschil_cent / oud_cent × 100 when pct_bekend (oud_cent not 0):
     *  computed once here, the table and the CSV only format it. */
    double verschil_pct;
    bool pct_bekend;
} tarief_verschil_product;

typedef struct tarief_verschillen {
    const tarief_regio *oud, *nieuw;
    tarief_verschil_product *producten; /**< in both versions, new order */
    size_t n_producten;
    const tarief_afleiding *toegevoegd; /**< only in the new version (computed), new order */
    size_t n_toegevoegd;
    const tarief_afleiding *vervallen;  /**< only in the old version (computed), old order */
    size_t n_vervallen;
    /** Internal: what tarief_verschil_stappen rebuilds the steps from. */
    const struct tarief_verschil_hybriden *hybriden;
} tarief_verschillen;

/** Decompose the change of every product between two versions of a region,
 *  keeping every intermediate derivation (stap) of every product. */
const tarief_verschillen *tarief_verschil_bereken(tarief_ctx *ctx, const tarief_regio *oud,
                                                  const tarief_regio *nieuw);

typedef struct tarief_verschil_options {
    /** true: keep stap[0..G-2] of every product in ctx (ca. 25 kB per
     *  product; tarief_verschil_bereken does). false: stap[g] is NULL for
     *  g < TARIEF_G_COUNT - 1 (the last is nieuw); each product's steps are
     *  built in a scratch context reset per product, so the memory per
     *  product is that of its two derivations, cents and causes. Get the
     *  steps of one product later with tarief_verschil_stappen. */
    bool tussenstappen;
} tarief_verschil_options;

/** tarief_verschil_bereken with options (NULL: keep every step). */
const tarief_verschillen *tarief_verschil_bereken_opt(tarief_ctx *ctx, const tarief_regio *oud,
                                                      const tarief_regio *nieuw,
                                                      const tarief_verschil_options *opts);

/** The intermediate derivations of d->producten[i] again, allocated in ctx
 *  (a scratch context the caller may free or reset after use): stap[g] as
 *  tarief_verschil_product.stap, the same values. */
void tarief_verschil_stappen(tarief_ctx *ctx, const tarief_verschillen *d, size_t i,
                             const tarief_afleiding *stap[TARIEF_G_COUNT]);

/**
 * CSV (`;`, decimal comma): code;naam;eenheid;status;oud;nieuw;verschil;
 * verschil_pct; one column per group (tarief_groep_info.kolom, in order);
 * oorzaken. status is `beide`, `toegevoegd` or `vervallen`; amounts have
 * two decimals and the group columns sum exactly to verschil.
 * Returns 0 or -1 (errno).
 */
int tarief_verschil_csv_write(FILE *out, const tarief_verschillen *d);

/* --- workbooks ------------------------------------------------------------ */

/**
 * Write the comparison as a live workbook: sheet `Vergelijking` (per product
 * per element region / aanbieder / difference / cause), sheet `Berekening`
 * with both calculations as formulas, and sheet `Invoer` with every input
 * value once, with its file:line. Cached values are those of the derivation
 * records. Atomic (temp + rename). 0, or -1 with a message in ctx's diag.
 */
int tarief_vergelijk_workbook_write(tarief_ctx *ctx, const tarief_vergelijking *v,
                                    const char *path, const tarief_workbook_options *opts);

/** The same for `verschil`: sheet `Verschil`, with each contribution a
 *  formula over the tariffs of the intermediate calculations on `Berekening`.
 *  opts as for tarief_workbook_write (NULL: defaults): the creation time
 *  (0: SOURCE_DATE_EPOCH, else 1 January of the tariefjaar) and progress,
 *  gedaan of totaal products (totaal counts added and removed ones too). */
int tarief_verschil_workbook_write(tarief_ctx *ctx, const tarief_verschillen *d,
                                   const char *path, const tarief_workbook_options *opts);

#ifdef __cplusplus
}
#endif
#endif
