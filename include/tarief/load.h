/*
 * tarief/load.h - read a region directory and the CAO tables it uses.
 *
 * Reads uitgangspunten.csv, functies.csv, producten.csv and functiemix.csv
 * from the region directory, and for every CAO id used
 * <cao_map>/<id>/cao.csv and salarisschalen.csv. Then checks every rule of
 * the method (rekenmethode §1-2), including the per-product resolution of
 * productiviteit and overhead. All problems in all files are collected in
 * the context's diag before it returns.
 *
 *     tarief_load_options o = {0};          // zero = defaults
 *     o.cao_map = "data/cao";
 *     const tarief_regio *r = tarief_load_regio(ctx, "productkaarten/x", &o);
 *     if (r == NULL) print_problems(tarief_ctx_diag(ctx));
 */
#ifndef TARIEF_LOAD_H
#define TARIEF_LOAD_H

#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options; a zeroed struct means defaults. */
typedef struct tarief_load_options {
    /** Directory holding <cao-id>/ tables. NULL: "data/cao" if it exists,
     *  then <dir of the program>/../share/tarief/cao if it exists, then the
     *  data directory compiled in (<PREFIX>/share/tarief/cao). */
    const char *cao_map;
    /** No effect any more, kept so that existing callers compile: the
     *  loader always computes the SHA-256 of every file it reads
     *  (tarief_regio.bestanden, tarief_invoerbestand). */
    bool checksums;
    /** An aanbieder map laid over the region (`tarief vergelijk`): the same
     *  file formats, every file optional, holding only what differs. Its
     *  parameters replace the region's one by one, its functies rows replace
     *  or add functies by name, its functiemix rows replace a product's whole
     *  mix, its producten rows change the product with the same code (non-
     *  empty cells win). NULL: none. Rules: docs/vergelijk-en-verschil.md.
     *
     *     tarief_load_options o = {.cao_map = "data/cao", .overlay = "aanbieder-x"};
     *     const tarief_regio *a = tarief_load_regio(ctx, "productkaarten/x", &o);
     */
    const char *overlay;
    /** `--streng`: a value outside its plausible range (docs/betrouwbaarheid.md)
     *  is an error, not a warning (tarief_ctx_warnings). */
    bool streng;
} tarief_load_options;

/**
 * Load and validate a region. Returns NULL if any problem was found (the
 * context's diag says which); otherwise a region owned by ctx.
 */
const tarief_regio *tarief_load_regio(tarief_ctx *ctx, const char *dir,
                                      const tarief_load_options *opts);

/**
 * Load one CAO directory on its own (used by `cao` commands and tests).
 * Returns NULL on problems (see diag).
 */
const tarief_cao *tarief_load_cao(tarief_ctx *ctx, const char *cao_dir,
                                  const char *id);

/** The CAO directory that would be used for `cao_map` (resolves the default). */
const char *tarief_cao_map_resolve(const char *cao_map);

/**
 * Read an index series (`jaar;ova_voorlopig;ova_definitief;ppc_voorlopig;
 * ppc_definitief;bron`, percentages; an empty cell is a figure not yet
 * published). NULL on problems, each reported in diag as file:line:column.
 *
 *     const tarief_indexreeks *s =
 *         tarief_indexreeks_read(ctx, tarief_indexreeks_resolve(NULL));
 */
const tarief_indexreeks *tarief_indexreeks_read(tarief_ctx *ctx, const char *path);

/**
 * The index series file to use: path itself when given, else
 * "data/index/ova-ppc.csv" under the current directory if it exists, else
 * the installed one (<dir of the program>/../share/tarief/index/ova-ppc.csv
 * if it exists, else <PREFIX>/share/tarief/index/ova-ppc.csv) - the same
 * search as for the cao tables. (Loading a region resolves `indexreeks` relative to the region
 * directory first.)
 */
const char *tarief_indexreeks_resolve(const char *path);

/**
 * A generic CSV table read by the library's reader (libcsv underneath),
 * with the dialect rules of §1: BOM, CRLF, `;` or `,`, `#` comment lines and
 * empty lines skipped. Exposed for commands that read other CSV files
 * (`controleer`'s published list).
 */
typedef struct tarief_csv_cell {
    const char *text;   /**< trimmed, NUL-terminated */
    int line, column;   /**< where the field starts */
} tarief_csv_cell;

typedef struct tarief_csv_row {
    tarief_csv_cell *cells;
    size_t n;
    int line;
    const char *source_line; /**< the physical line the row starts on */
} tarief_csv_row;

typedef struct tarief_csv {
    const char *path;
    char delim;            /**< ';' or ',' */
    tarief_csv_row header;
    tarief_csv_row *rows;  /**< data rows (comments and empty lines removed) */
    size_t n_rows;
} tarief_csv;

/** Read a CSV file; NULL on problems (reported in diag). One exception: a
 *  row with fewer fields than the header is reported in diag at that row
 *  but the table is still returned, so the caller can report the header's
 *  own problems with it: check tarief_diag_total() as well. A text cell our
 *  CSV writer protected with a leading apostrophe ('=..., '+..., '-...,
 *  '@...) is read without that apostrophe. A FIFO or device is refused. */
const tarief_csv *tarief_csv_read(tarief_ctx *ctx, const char *path);

/**
 * Parse a number in the file's dialect (§1). percent: accept an optional
 * '%' and divide by 100. Returns false (and leaves *out) if malformed.
 */
bool tarief_parse_number(const char *s, char delim, bool percent, double *out);

/** How a number typed on its own reads (tarief_parse_number_los). */
typedef enum tarief_getal_los {
    TARIEF_GETAL_OK,
    TARIEF_GETAL_ONGELDIG,
    TARIEF_GETAL_DUBBELZINNIG /**< "1.250": a thousands point or a decimal point? */
} tarief_getal_los;

/**
 * Parse a number typed on its own, such as a command-line option, where no
 * file says which separator is the decimal one: with a comma it is read as
 * in a ';' file ("1,25", "1.250,00"), else with the point as decimal point
 * ("1.25"); a point followed by exactly three digits ("1.250") is
 * DUBBELZINNIG and never guessed (rekenmethode §1). Spaces around it, a
 * leading '+' and, for an amount (percent false), a leading "€" are
 * allowed; percent: an optional trailing '%' (the value is NOT divided by
 * 100). Every number the CLI reads from its options goes through here.
 *     double m;
 *     if (tarief_parse_number_los("0,01", false, &m) == TARIEF_GETAL_OK) ...
 */
tarief_getal_los tarief_parse_number_los(const char *s, bool percent, double *out);

#ifdef __cplusplus
}
#endif
#endif
