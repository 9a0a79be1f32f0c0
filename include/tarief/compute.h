/*
 * tarief/compute.h - the calculation of rekenmethode §3, once, into a
 * derivation record per product.
 *
 * The record (tarief_afleiding) holds every step's value and, for every
 * input, the resolved value with where it came from (product row, region,
 * CAO or built-in default). uitleg, the CSV and the workbook all read this
 * record; none of them recomputes.
 *
 *     const tarief_afleiding *a = tarief_bereken(ctx, regio, NULL);
 *     for (size_t i = 0; i < regio->n_producten; i++)
 *         printf("%s %.2f\n", a[i].product->code, a[i].tarief);
 */
#ifndef TARIEF_COMPUTE_H
#define TARIEF_COMPUTE_H

#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which level supplied a resolved input (precedence product > regio > cao;
 *  for ort the functiemix row first). */
typedef enum tarief_herkomst {
    TARIEF_HERKOMST_STANDAARD, /**< built-in default of the method */
    TARIEF_HERKOMST_CAO,
    TARIEF_HERKOMST_REGIO,
    TARIEF_HERKOMST_PRODUCT,
    TARIEF_HERKOMST_AFGELEID,  /**< computed from other inputs (productiviteit from components) */
    TARIEF_HERKOMST_FUNCTIEMIX /**< the functiemix row of the functie (its `ort` column); precedes product */
} tarief_herkomst;

/** A resolved input. */
typedef struct tarief_invoer {
    double waarde;
    int keuze;                  /**< for KEUZE parameters */
    tarief_herkomst herkomst;
    const tarief_param *param;  /**< the setting used; NULL for STANDAARD/AFGELEID */
} tarief_invoer;

/** Steps 1-8 for one functie of one product's functiemix. */
typedef struct tarief_functie_afleiding {
    const tarief_mix *mix;          /**< the functiemix row (weight, functie) */
    const tarief_functie *functie;
    bool per_uur;                   /**< given as loonkosten_per_uur: steps 1-7 skipped */
    tarief_invoer vakantietoeslag, eindejaarsuitkering, ort, werkgeverslasten, jaaruren;
    double jaarsalaris;             /**< 1 J = 12 x S */
    double vakantietoeslag_bedrag;  /**< 2 VT */
    double eindejaarsuitkering_bedrag; /**< 3 EJU */
    double ort_bedrag;              /**< 4 ORT */
    double bruto_loonsom;           /**< 5 B */
    double werkgeverslasten_bedrag; /**< 6 WGL */
    double loonkosten_fte;          /**< 7 L */
    double kosten_per_uur;          /**< 8 C_f */
    double gewogen;                 /**< w_f x C_f, the term of step 9 */
} tarief_functie_afleiding;

/** The NvO elements, in the order of the opbouw. */
typedef enum tarief_element {
    TARIEF_E_KOSTEN_BEROEPSKRACHT,       /* 1 */
    TARIEF_E_NIET_PRODUCTIEVE_UREN,      /* 2 */
    TARIEF_E_REIS_EN_OPLEIDING,          /* 3 */
    TARIEF_E_OVERHEAD,                   /* 4 */
    TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN, /* 5 */
    TARIEF_E_HUISVESTING,                /* 6 */
    TARIEF_E_VERZORGING,                 /* 7 */
    TARIEF_E_RISICO,                     /* not an NvO element */
    TARIEF_E_INDEXATIE,                  /* 8 */
    TARIEF_E_AFRONDINGSVERSCHIL,
    TARIEF_E_COUNT
} tarief_element;

/** Facts about an opbouw element: CSV column, Dutch label, legal letters. */
typedef struct tarief_element_info {
    const char *kolom;    /**< CSV column name, e.g. "kosten_beroepskracht" */
    const char *label;    /**< Dutch label, e.g. "Kosten beroepskracht" */
    int nvo;              /**< NvO element 1-8, 0 if none */
    const char *wmo;      /**< Uitvoeringsbesluit Wmo 2015 art. 5.4 lid 3 letter, or "-" */
    const char *jeugdwet; /**< Besluit Jeugdwet art. 2.3 lid 1 letter, or "-" */
} tarief_element_info;

/** Facts about element e (NULL if out of range):
 *     tarief_element_info_get(TARIEF_E_OVERHEAD)->wmo  -> "b" */
const tarief_element_info *tarief_element_info_get(tarief_element e);

/**
 * The VNG provider index of one year y (domein.md, Indexation), all values
 * fractions (4,957 % -> 0.04957):
 *
 *   gewogen_voorlopig        = loondeel × OVA_voorlopig(y) + (1 − loondeel) × PPC_voorlopig(y)
 *   vorig_gewogen_voorlopig  = the same for y − 1
 *   vorig_gewogen_definitief = loondeel × OVA_definitief(y − 1) + (1 − loondeel) × PPC_definitief(y − 1)
 *   inhaal                   = vorig_gewogen_definitief − vorig_gewogen_voorlopig          (verschil)
 *                            = (1 + vorig_gewogen_definitief) / (1 + vorig_gewogen_voorlopig) − 1 (verhouding)
 *   index_ongerond           = gewogen_voorlopig + inhaal
 *   index                    = index_ongerond rounded to two decimals in percent
 *                              (ROUND(x × 100; 2) / 100): the figure as the
 *                              VNG publishes it, and the one compounded
 *
 * With tussenafronding the three gewogen figures are each rounded to two
 * decimals in percent before they are combined (VNG 2024); the *_ongerond
 * fields keep them before that rounding (without tussenafronding they are
 * equal), so that `uitleg` shows AFRONDEN(4,957 %; 2) without computing:
 *
 *     printf("%.6f -> %.6f\n", j->gewogen_voorlopig_ongerond, j->gewogen_voorlopig);
 *     // 0.049570 -> 0.049600
 *
 * The raw figures and their file:line are in rij and vorig.
 */
typedef struct tarief_indexjaar {
    int jaar;                         /**< y */
    const tarief_indexrij *rij;       /**< series row of y: OVA/PPC voorlopig */
    const tarief_indexrij *vorig;     /**< series row of y − 1: the catch-up */
    double gewogen_voorlopig;
    double vorig_gewogen_voorlopig;
    double vorig_gewogen_definitief;
    double gewogen_voorlopig_ongerond;        /**< before tussenafronding */
    double vorig_gewogen_voorlopig_ongerond;  /**< before tussenafronding */
    double vorig_gewogen_definitief_ongerond; /**< before tussenafronding */
    double inhaal;
    double index_ongerond;
    double index;
    double cumulatief;                /**< Π(1 + index) − 1 over the years up to and including y */
} tarief_indexjaar;

/** The rules of the VNG index: zeroing is NOT a default (loondeel 0). */
typedef struct tarief_indexregels {
    tarief_indexatie_methode methode;
    double loondeel;          /**< weight of OVA as a fraction, usually 0.9 */
    bool tussenafronding;     /**< round the weighted figures to 0,01 %-point first */
} tarief_indexregels;

/**
 * The provider index of one year from a series. Returns 0, or -1 when the
 * series lacks a figure: then *ontbrekend_jaar is the year and
 * *ontbrekende_kolom the column ("jaar" when the whole row is missing).
 *
 *     tarief_indexregels g = {TARIEF_INDEXATIE_VERSCHIL, 0.9, false};
 *     tarief_indexjaar j;
 *     if (tarief_indexcijfer(reeks, 2025, &g, &j, NULL, NULL) == 0)
 *         printf("%.2f %%\n", j.index * 100);          // 4.96 %
 */
int tarief_indexcijfer(const tarief_indexreeks *s, int jaar, const tarief_indexregels *g,
                       tarief_indexjaar *out, int *ontbrekend_jaar, const char **ontbrekende_kolom);

/**
 * The derivation of `indexatie;vng` for one product: the provider indices
 * of the years prijspeil + 1 ... tariefjaar, compounded:
 *     indexatie = Π(1 + jaren[i].index) − 1     (0 when prijspeil = tariefjaar)
 */
typedef struct tarief_indexatie_vng {
    const tarief_indexreeks *reeks;   /**< the series used (path, rows) */
    tarief_invoer methode;            /**< keuze: tarief_indexatie_methode */
    tarief_invoer loondeel;           /**< waarde: fraction */
    tarief_invoer tussenafronding;    /**< keuze: 1 ja, 0 nee */
    /** waarde: the year. Set explicitly (herkomst PRODUCT/REGIO), or taken
     *  from the ingangsdatum of the product's CAO (herkomst CAO; param then
     *  points to a setting whose tekst is the date and whose bron is the
     *  cao.csv row). */
    tarief_invoer prijspeil;
    const tarief_cao *prijspeil_cao;  /**< the CAO it was taken from, or NULL */
    int tariefjaar;
    tarief_indexjaar *jaren;          /**< ascending, prijspeil + 1 ... tariefjaar */
    size_t n_jaren;
    double indexatie;                 /**< Π(1 + index) − 1; equals the afleiding's indexatie.waarde */
} tarief_indexatie_vng;

/** The derivation of one product's tariff. */
typedef struct tarief_afleiding {
    const tarief_product *product;
    tarief_functie_afleiding *functies; /**< one per functiemix row */
    size_t n_functies;

    /* resolved product-level inputs */
    tarief_invoer productiviteit;
    bool productiviteit_uit_componenten;
    tarief_invoer componenten[TARIEF_P_COMPONENT_COUNT]; /**< when uit_componenten */
    tarief_invoer reis_en_opleiding, gemeentelijke_verplichtingen, overhead,
        overhead_grondslag, risico, indexatie, afronding;

    double gemengde_kosten;   /**< 9  C  */
    double inzet;             /**< 10 I  */
    double element[TARIEF_E_COUNT]; /**< 11-17: E1..E7, R, E8, afrondingsverschil */
    double personeel;         /**< 14 P = E1+E2+E3+E5 */
    double kostprijs;         /**< 15 K */
    double ongerond;          /**< 16 T = K + R + E8 */
    double tarief;            /**< 17 afronding(T) */

    /** indexatie;vng: how `indexatie.waarde` was computed (per year, with
     *  components and sources); NULL when indexatie is a percentage. */
    const tarief_indexatie_vng *indexatie_vng;

    /** pgb tariffs (rekenmethode, pgb-tarieven): the resolved percentage
     *  (product > regio; herkomst STANDAARD: not set, no pgb tariff) and
     *  the tariff AFRONDEN(tarief × percentage; 2), half away from zero to
     *  the cent as tarief_round does, of the rounded tariff of step 17. */
    tarief_invoer pgb_professioneel, pgb_informeel;
    double pgb_professioneel_tarief, pgb_informeel_tarief;
} tarief_afleiding;

/** Whether derivation a has a pgb tariff of parameter id
 *  (TARIEF_P_PGB_PROFESSIONEEL or TARIEF_P_PGB_INFORMEEL). */
bool tarief_afleiding_pgb(const tarief_afleiding *a, tarief_param_id id);

/**
 * The resolved input of parameter id in derivation a, so that no renderer
 * keeps its own table of which parameter feeds which step: for a functie
 * parameter (vakantietoeslag, eindejaarsuitkering, ort, werkgeverslasten,
 * jaaruren) the one of functie row fa, else the product-level one (fa
 * ignored). NULL when the derivation has no such input. Value, herkomst
 * and, through param, file:line and bron:
 *
 *     const tarief_invoer *v = tarief_afleiding_invoer(a, NULL, TARIEF_P_OVERHEAD);
 *     printf("%g %s:%d\n", v->waarde, v->param ? v->param->bron.file : "-",
 *            v->param ? v->param->bron.line : 0);
 */
const tarief_invoer *tarief_afleiding_invoer(const tarief_afleiding *a, const tarief_functie_afleiding *fa,
                                             tarief_param_id id);

/** Options; zeroed = defaults. Reserved for scenario settings. */
typedef struct tarief_compute_options {
    int reserved;
} tarief_compute_options;

/**
 * Compute every product of a loaded region. Returns an array of
 * r->n_producten records in product order, owned by ctx.
 */
const tarief_afleiding *tarief_bereken(tarief_ctx *ctx, const tarief_regio *r,
                                       const tarief_compute_options *opts);

/** Compute one product (same record as tarief_bereken gives). */
void tarief_bereken_product(const tarief_regio *r, const tarief_product *p,
                            tarief_afleiding *out, tarief_ctx *ctx);

/**
 * Spreadsheet ROUND(x, digits): half away from zero on x taken to 15
 * significant digits, so tarief_round(2.675, 2) == 2.68.
 */
double tarief_round(double x, int digits);
/** Smallest multiple of 10^-digits >= x, on x taken to 15 significant digits. */
double tarief_ceil(double x, int digits);
/** Step 17 for a given rounding mode. */
double tarief_afronden(double t, tarief_afronding mode);

#ifdef __cplusplus
}
#endif
#endif
