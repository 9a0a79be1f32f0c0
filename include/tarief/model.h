/*
 * tarief/model.h - the loaded inputs of one region: productkaarten,
 * functies, functiemix, uitgangspunten and the CAO tables they use.
 *
 * Ownership rule: one tarief_ctx owns everything loaded and computed with it
 * (an arena); nothing returned by the library is freed by the caller except
 * the context itself, with tarief_ctx_free(). Pointers stay valid until then.
 *
 * Every value remembers where it came from (tarief_bron: file, line, column
 * and the text of the row's `bron` column), so each number in each output
 * can be traced back to its input.
 *
 * Example:
 *
 *     tarief_ctx *ctx = tarief_ctx_new();
 *     const tarief_regio *r = tarief_load_regio(ctx, "productkaarten/x", NULL);
 *     if (!r) { ... tarief_ctx_diag(ctx) lists the problems ... }
 *     tarief_ctx_free(ctx);
 */
#ifndef TARIEF_MODEL_H
#define TARIEF_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tarief_ctx tarief_ctx;

/** Create a context. Never NULL: out of memory, the library removes its
 *  temporary output files, prints a Dutch message and exits with code 3
 *  (as tarief_ctx_alloc does; see tarief_onvoldoende_geheugen). */
tarief_ctx *tarief_ctx_new(void);
/** Free a context and everything loaded or computed with it. NULL is fine. */
void tarief_ctx_free(tarief_ctx *ctx);
/** The problems collected so far (never NULL). */
const tarief_diag *tarief_ctx_diag(const tarief_ctx *ctx);
/** Allocate n bytes (zeroed) owned by the context; out of memory ends the
 *  process cleanly (tarief_onvoldoende_geheugen). */
void *tarief_ctx_alloc(tarief_ctx *ctx, size_t n);
/** Copy a string into the context. */
char *tarief_ctx_strdup(tarief_ctx *ctx, const char *s);
/** Record a problem (printf-style message, Dutch). source_line may be NULL. */
void tarief_ctx_error(tarief_ctx *ctx, const char *file, int line, int column,
                      const char *source_line, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/** Record a warning (a value outside its plausible range, docs/betrouwbaarheid.md):
 *  the same form as tarief_ctx_error, kept apart from the problems so
 *  loading goes on. */
void tarief_ctx_warning(tarief_ctx *ctx, const char *file, int line, int column,
                        const char *source_line, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/** The warnings collected so far (never NULL), printed as
 *  `file:line:column: waarschuwing: ...`. */
const tarief_diag *tarief_ctx_warnings(const tarief_ctx *ctx);

/** Where a value came from. file NULL means a built-in default. */
typedef struct tarief_bron {
    const char *file;  /**< path of the input file */
    int line;          /**< 1-based line of the row */
    int column;        /**< 1-based column of the value */
    const char *tekst; /**< the row's `bron`/`toelichting` text, or NULL */
} tarief_bron;

/** Parameters that uitgangspunten.csv, a product row or a CAO can set. */
typedef enum tarief_param_id {
    TARIEF_P_VAKANTIETOESLAG,
    TARIEF_P_EINDEJAARSUITKERING,
    TARIEF_P_WERKGEVERSLASTEN,
    TARIEF_P_JAARUREN,
    TARIEF_P_PRODUCTIVITEIT,
    TARIEF_P_VERLOF,
    TARIEF_P_VERZUIM,
    TARIEF_P_SCHOLING,
    TARIEF_P_WERKOVERLEG,
    TARIEF_P_INDIRECTE_TIJD,
    TARIEF_P_OVERIG_NIET_PRODUCTIEF,
    TARIEF_P_ORT,
    TARIEF_P_REIS_EN_OPLEIDING,
    TARIEF_P_GEMEENTELIJKE_VERPLICHTINGEN,
    TARIEF_P_OVERHEAD,
    TARIEF_P_OVERHEAD_GRONDSLAG,
    TARIEF_P_RISICO,
    TARIEF_P_INDEXATIE,
    TARIEF_P_AFRONDING,
    /* the VNG indexation (indexatie;vng); see tarief_indexatie_vng */
    TARIEF_P_INDEXATIE_METHODE,       /**< KEUZE tarief_indexatie_methode, default verschil */
    TARIEF_P_INDEXATIE_LOONDEEL,      /**< weight of OVA, default 90 % */
    TARIEF_P_INDEXATIE_TUSSENAFRONDING, /**< KEUZE 0 nee / 1 ja, default nee */
    TARIEF_P_PRIJSPEIL,               /**< JAAR; default the year of the CAO's ingangsdatum */
    /* pgb tariffs as a share of the tariff (no default: no pgb tariff when unset) */
    TARIEF_P_PGB_PROFESSIONEEL,       /**< pgb-tarief professionele hulp, % of the tariff */
    TARIEF_P_PGB_INFORMEEL,           /**< pgb-tarief informele hulp (sociaal netwerk), % of the tariff */
    TARIEF_P_COUNT
} tarief_param_id;

/** The six non-productive components, in this order. */
#define TARIEF_P_COMPONENT_FIRST TARIEF_P_VERLOF
#define TARIEF_P_COMPONENT_COUNT 6

typedef enum tarief_param_soort {
    TARIEF_SOORT_PERCENTAGE, /**< written in percent, stored as a fraction */
    TARIEF_SOORT_UREN,       /**< plain number (hours) */
    TARIEF_SOORT_KEUZE,      /**< one of a fixed set of words */
    TARIEF_SOORT_JAAR        /**< a year, e.g. 2024 (waarde holds it as a number) */
} tarief_param_soort;

typedef enum tarief_grondslag { TARIEF_GRONDSLAG_OPSLAG, TARIEF_GRONDSLAG_AANDEEL } tarief_grondslag;

typedef enum tarief_afronding {
    TARIEF_AFRONDING_CENT,
    TARIEF_AFRONDING_EURO,
    TARIEF_AFRONDING_EURO_OMHOOG,
    TARIEF_AFRONDING_DEELBAAR_DOOR_60
} tarief_afronding;

/** Static facts about a parameter. */
typedef struct tarief_param_info {
    const char *naam;          /**< name as in the files, e.g. "overhead" */
    const char *label;         /**< Dutch label for people */
    tarief_param_soort soort;
    bool uit_cao;              /**< may come from cao.csv */
    double standaard;          /**< default when nowhere set (if has_standaard) */
    bool has_standaard;
} tarief_param_info;

/** Facts about parameter id (never NULL for a valid id). */
const tarief_param_info *tarief_param_info_get(tarief_param_id id);
/** Look a parameter up by name (case-insensitive); -1 if unknown. */
int tarief_param_lookup(const char *naam);
/** The words of a KEUZE parameter's value, e.g. "cent" for TARIEF_AFRONDING_CENT. */
const char *tarief_afronding_naam(tarief_afronding a);
const char *tarief_grondslag_naam(tarief_grondslag g);
/**
 * The word of any KEUZE parameter's value, e.g.
 *     tarief_param_keuze_naam(TARIEF_P_INDEXATIE_METHODE, 1) -> "verhouding"
 * "?" for an unknown id or keuze.
 */
const char *tarief_param_keuze_naam(tarief_param_id id, int keuze);

/**
 * The two forms of `indexatie`: a percentage (`indexatie;3,5`) or the VNG
 * method over an index series (`indexatie;vng`). A tarief_param of
 * TARIEF_P_INDEXATIE holds the form in `keuze`; for VNG its `waarde` is 0
 * and the computed indexation is in the derivation (tarief_indexatie_vng).
 */
typedef enum tarief_indexatie_vorm { TARIEF_INDEXATIE_PERCENTAGE, TARIEF_INDEXATIE_VNG } tarief_indexatie_vorm;

/** `indexatie_methode`: how last year's catch-up is computed. */
typedef enum tarief_indexatie_methode {
    TARIEF_INDEXATIE_VERSCHIL,   /**< definitief − voorlopig (VNG 2025) */
    TARIEF_INDEXATIE_VERHOUDING  /**< (1 + definitief) / (1 + voorlopig) − 1 (VNG 2024) */
} tarief_indexatie_methode;

/** A parameter value as set in one place. */
typedef struct tarief_param {
    bool set;
    double waarde;      /**< fraction for percentages, number for hours */
    int keuze;          /**< tarief_grondslag / tarief_afronding for KEUZE */
    const char *tekst;  /**< the value exactly as written */
    tarief_bron bron;
} tarief_param;

/** One line of uitgangspunten.csv or cao.csv, in file order. */
typedef struct tarief_regel {
    const char *naam;   /**< parameter name exactly as written */
    const char *waarde; /**< value exactly as written */
    int param;          /**< tarief_param_id, or -1 for regio/tariefjaar/cao/naam/... */
    tarief_bron bron;
} tarief_regel;

/** A row of salarisschalen.csv. */
typedef struct tarief_salaris {
    const char *schaal;
    const char *trede;
    double maandsalaris;
    tarief_bron bron;
} tarief_salaris;

/** One CAO table: data/cao/<id>/. */
typedef struct tarief_cao {
    const char *id;
    const char *dir;              /**< directory it was read from */
    const char *naam;
    const char *ingangsdatum;     /**< JJJJ-MM-DD */
    tarief_param uren_per_week;   /**< optional */
    tarief_param params[TARIEF_P_COUNT]; /**< only uit_cao parameters can be set */
    tarief_regel *regels;         /**< cao.csv in file order */
    size_t n_regels;
    tarief_salaris *salarissen;   /**< salarisschalen.csv in file order */
    size_t n_salarissen;
    const char *cao_file;         /**< path of cao.csv */
    const char *salaris_file;     /**< path of salarisschalen.csv */
} tarief_cao;

/** One row of functies.csv. */
typedef struct tarief_functie {
    const char *naam;            /**< e.g. "HBO" */
    const char *omschrijving;    /**< may be NULL */
    const tarief_cao *cao;       /**< NULL when given as loonkosten_per_uur */
    const tarief_salaris *salaris; /**< the (schaal, trede) row; NULL likewise */
    tarief_param loonkosten_per_uur; /**< set when given that way */
    tarief_bron bron;            /**< the row */
    tarief_bron cao_bron;        /**< where the cao id came from (row or uitgangspunten) */
} tarief_functie;

/** One row of functiemix.csv. */
typedef struct tarief_mix {
    const tarief_functie *functie;
    double aandeel;      /**< fraction, e.g. 0.6 */
    const char *tekst;   /**< percentage as written */
    tarief_bron bron;
    /** The optional `ort` column: when set, the ort of this functie in this
     *  product, instead of the product's or the region's (herkomst
     *  TARIEF_HERKOMST_FUNCTIEMIX in the derivation). */
    tarief_param ort;
} tarief_mix;

typedef enum tarief_eenheid {
    TARIEF_EENHEID_MINUUT, TARIEF_EENHEID_UUR, TARIEF_EENHEID_DAGDEEL,
    TARIEF_EENHEID_ETMAAL, TARIEF_EENHEID_DAG, TARIEF_EENHEID_WEEK,
    TARIEF_EENHEID_MAAND, TARIEF_EENHEID_TRAJECT, TARIEF_EENHEID_STUK
} tarief_eenheid;

/** The word of a unit as written in producten.csv:
 *     tarief_eenheid_naam(TARIEF_EENHEID_DAGDEEL) -> "dagdeel" ("?" if out of range) */
const char *tarief_eenheid_naam(tarief_eenheid e);

/** One productkaart: a row of producten.csv with its functiemix. */
typedef struct tarief_product {
    const char *code;
    const char *naam;
    tarief_eenheid eenheid;
    tarief_param uren_per_eenheid;
    tarief_param begeleiders;     /**< default 1 */
    tarief_param groepsgrootte;   /**< default 1 */
    tarief_param huisvesting;     /**< euro per unit, default 0 */
    tarief_param verzorging;      /**< euro per unit, default 0 */
    tarief_param params[TARIEF_P_COUNT]; /**< per-product overrides */
    tarief_mix *mix;              /**< functiemix rows, file order */
    size_t n_mix;
    tarief_bron bron;             /**< the row */
} tarief_product;

/**
 * An input file that was read, with its SHA-256: computed once by the
 * loader (tarief_load_regio) for every file it reads, so that the
 * renderers (the workbook's Toelichting, the publiceer HTML) only show it.
 * A reader checks a file with `sha256sum`:
 *
 *     for (size_t i = 0; i < r->n_bestanden; i++)
 *         printf("%s  %s\n", r->bestanden[i].sha256, r->bestanden[i].path);
 *     // e5c1...9a0f  productkaarten/x/uitgangspunten.csv
 */
typedef struct tarief_invoerbestand {
    const char *path;   /**< as read (the region directory joined with the name) */
    char sha256[65];    /**< 64 lowercase hex digits and '\0'; "" only in a region not built by the loader */
} tarief_invoerbestand;

/**
 * One row of the index series (data/index/ova-ppc.csv): the OVA and PPC
 * figures of one year as fractions (4,18 % -> 0.0418). A figure not yet
 * published is an empty cell: its `set` is false (its bron still gives the
 * cell's place, so a message can point at it).
 */
typedef struct tarief_indexrij {
    int jaar;
    tarief_param ova_voorlopig, ova_definitief, ppc_voorlopig, ppc_definitief;
    tarief_bron bron;   /**< the row: file, line, column of `jaar`, `bron` text */
} tarief_indexrij;

/** An index series file, rows in file order (years unique, any order). */
typedef struct tarief_indexreeks {
    const char *path;
    tarief_indexrij *rijen;
    size_t n_rijen;
} tarief_indexreeks;

/** The row of year jaar; NULL if the series lacks it. */
const tarief_indexrij *tarief_indexreeks_jaar(const tarief_indexreeks *s, int jaar);

/** A whole region. */
typedef struct tarief_regio {
    const char *dir;
    const char *naam;            /**< `regio` */
    int tariefjaar;
    tarief_param regio_p, tariefjaar_p, cao_p; /**< as set, for display */
    const tarief_cao *cao_standaard;  /**< `cao`, or NULL */
    tarief_param params[TARIEF_P_COUNT];
    tarief_regel *regels;        /**< uitgangspunten.csv in file order */
    size_t n_regels;
    tarief_functie *functies;    /**< functies.csv in file order */
    size_t n_functies;
    tarief_product *producten;   /**< producten.csv in file order */
    size_t n_producten;
    bool product_kolom[TARIEF_P_COUNT]; /**< override column present in producten.csv */
    const tarief_cao **caos;     /**< CAO tables used, in first-use order */
    size_t n_caos;
    tarief_invoerbestand *bestanden; /**< every file read, in read order, with its SHA-256 */
    size_t n_bestanden;
    const char *uitgangspunten_file, *functies_file, *producten_file, *functiemix_file;
    const void *index_;          /**< internal lookup tables; do not use */
    tarief_param indexreeks_p;   /**< `indexreeks` in uitgangspunten.csv (path as written), if set */
    /** The index series, loaded only when a product uses indexatie;vng
     *  (else NULL): `indexreeks` relative to the region directory, or the
     *  default of tarief_indexreeks_resolve(). */
    const tarief_indexreeks *indexreeks;
} tarief_regio;

/** Find a product by code (exact match); NULL if absent. O(1) average. */
const tarief_product *tarief_regio_product(const tarief_regio *r, const char *code);

#ifdef __cplusplus
}
#endif
#endif
