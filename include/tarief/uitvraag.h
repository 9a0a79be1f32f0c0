/*
 * tarief/uitvraag.h - the digitale uitvraag (regiovisie §8.4 c): ask each
 * aanbieder which functiemix it uses per product, and turn the answers into
 * the region's functiemix.csv. Also `tarief init`: a new region from a
 * template. User documentation: docs/uitvraag.md.
 *
 *     const tarief_regio *r = tarief_load_regio(ctx, "mijnregio", NULL);
 *     size_t n;
 *     const char **files = tarief_uitvraag_bestanden(ctx, "antwoorden", &n);
 *     tarief_uitvraag_options o = {.methode = TARIEF_UITVRAAG_GEWOGEN};
 *     const tarief_uitvraag *u = tarief_uitvraag_verwerk(ctx, r, files, n, &o);
 *     if (!u) ... every broken answer is in tarief_ctx_diag(ctx) ...
 *     tarief_uitvraag_write_csv(f, u);    // a functiemix.csv valideer accepts
 *     tarief_uitvraag_rapport(stdout, u); // the report per product (Dutch)
 *
 * The rules (docs/uitvraag.md has them with a worked example):
 *   - an answer file has the columns product;functie;percentage and
 *     optionally gewicht (the aanbieder's volume of that product), plus the
 *     free text columns bron, toelichting, omschrijving, naam and #...;
 *   - percentages have at most two decimals, per product exactly 100,00;
 *     a row with an empty percentage counts as 0 %, a product whose
 *     percentage cells are all empty is not answered;
 *   - per product the mean over the aanbieders that answered it, a functie
 *     an aanbieder does not name counting as 0 %; gewogen: weighted by
 *     gewicht (answers with gewicht 0 do not count);
 *   - the mean in hundredths of a percent is rounded down per functie, and
 *     the hundredths left over to reach 100,00 go one each to the functies
 *     with the largest remainder; equal remainders: the functie that comes
 *     first in functies.csv. The arithmetic is exact (integers).
 *   - fewer answers than the minimum (default 3): the region's current mix
 *     is kept (behouden) and the report shows no figures for that product.
 */
#ifndef TARIEF_UITVRAAG_H
#define TARIEF_UITVRAAG_H

#include <stdio.h>

#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum tarief_uitvraag_methode {
    TARIEF_UITVRAAG_GEMIDDELDE, /**< every answer counts the same */
    TARIEF_UITVRAAG_GEWOGEN     /**< weighted by the answer's gewicht */
} tarief_uitvraag_methode;

/** The default of --minimum. */
#define TARIEF_UITVRAAG_MINIMUM 3
/** An answer further than this many percentage points from the mean is
 *  reported as far from it (more than, not equal). */
#define TARIEF_UITVRAAG_DREMPEL 15.0

/** Options; zero means the defaults. */
typedef struct tarief_uitvraag_options {
    tarief_uitvraag_methode methode;
    int minimum;    /**< 0: TARIEF_UITVRAAG_MINIMUM */
    double drempel; /**< percentage points; 0: TARIEF_UITVRAAG_DREMPEL */
} tarief_uitvraag_options;

/** One functie of a product's result. */
typedef struct tarief_uitvraag_regel {
    const tarief_functie *functie;
    long long honderdsten; /**< the result in hundredths of a percent (5550 = 55,50 %) */
    double gemiddelde;     /**< the exact mean in percent, before rounding */
    double min, max;       /**< lowest and highest answer in percent (0 when not named) */
    size_t n_genoemd;      /**< answers that name this functie with more than 0 % */
} tarief_uitvraag_regel;

/** An answer far from the mean. */
typedef struct tarief_uitvraag_afwijking {
    const char *file;      /**< the answer file */
    int line;              /**< the product's first row in that file */
    const tarief_functie *functie;
    double antwoord;       /**< percent */
    double gemiddelde;     /**< percent */
} tarief_uitvraag_afwijking;

/** One product of the region. */
typedef struct tarief_uitvraag_product {
    const tarief_product *product;
    size_t n_antwoorden;   /**< answers that count (gewogen: gewicht > 0) */
    double totaal_gewicht; /**< gewogen: the sum of the gewichten */
    bool behouden;         /**< fewer than the minimum: the region's mix is kept */
    tarief_uitvraag_regel *regels; /**< functies.csv order; only when !behouden */
    size_t n_regels;
    tarief_uitvraag_afwijking *afwijkingen;
    size_t n_afwijkingen;
} tarief_uitvraag_product;

typedef struct tarief_uitvraag {
    const tarief_regio *regio;
    tarief_uitvraag_methode methode;
    int minimum;
    double drempel;
    const char *const *bestanden; /**< the answer files read, in the order given */
    size_t n_bestanden;
    tarief_uitvraag_product *producten; /**< producten.csv order */
    size_t n_producten;
} tarief_uitvraag;

/** The name of a method as on the command line: "gemiddelde" or "gewogen". */
const char *tarief_uitvraag_methode_naam(tarief_uitvraag_methode m);

/**
 * The answer files in dir: every regular file whose name ends in .csv (any
 * case), not starting with '.', sorted by name (bytewise). NULL with the
 * problem in diag if dir cannot be read or holds no answer file; *n is set.
 */
const char **tarief_uitvraag_bestanden(tarief_ctx *ctx, const char *dir, size_t *n);

/**
 * Read every answer file and compute the new functiemix. NULL if any answer
 * is broken: then every problem in every file is in diag (file:line:column).
 */
const tarief_uitvraag *tarief_uitvraag_verwerk(tarief_ctx *ctx, const tarief_regio *r,
                                               const char *const *files, size_t n_files,
                                               const tarief_uitvraag_options *opts);

/** The new functiemix.csv (`product;functie;percentage;bron`). 0, or -1 on a
 *  write error (errno). */
int tarief_uitvraag_write_csv(FILE *f, const tarief_uitvraag *u);

/** The report per product (Dutch text). 0 or -1. */
int tarief_uitvraag_rapport(FILE *f, const tarief_uitvraag *u);

/**
 * Write the form for the aanbieders into a new directory dir: uitvraag.csv
 * (the answer file to fill in, with comment lines) and uitvraag.xlsx (the
 * same as a form with drop-down lists and checks). dir must not exist or be
 * empty; the files appear together or not at all. 0, or -1 with the problem
 * in diag (a non-empty dir is an input problem, a write failure an I/O one).
 */
int tarief_uitvraag_sjabloon(tarief_ctx *ctx, const tarief_regio *r, const char *dir);

/** The answer file to fill in (what uitvraag.csv holds). 0 or -1. */
int tarief_uitvraag_sjabloon_csv(FILE *f, const tarief_regio *r);

/**
 * `tarief init`: write a new region into dir (uitgangspunten.csv,
 * functies.csv, producten.csv, functiemix.csv with comment lines explaining
 * every column and one worked example product, on the cao table
 * ghz-2022-05-01). dir must not exist or be empty; 0, or -1 (see
 * tarief_uitvraag_sjabloon).
 */
int tarief_init_regio(tarief_ctx *ctx, const char *dir);

#ifdef __cplusplus
}
#endif
#endif
