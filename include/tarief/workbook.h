/*
 * tarief/workbook.h - the workbook as a live model (rekenmethode §5).
 *
 * Every derived number is written as a formula referring to its input
 * cells, with the value from the derivation record as its cached result.
 *
 *     tarief_workbook_options wo = {0};   // zero = defaults
 *     if (tarief_workbook_write(ctx, regio, afl, "uit.xlsx", &wo) != 0) ...
 */
#ifndef TARIEF_WORKBOOK_H
#define TARIEF_WORKBOOK_H

#include "compute.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tarief_workbook_options {
    /** Creation time written into the file; 0 = from SOURCE_DATE_EPOCH, else
     *  a fixed date derived from the inputs (never the clock). */
    long long created;
    /** Progress for a caller that shows it; NULL: none. Called in the
     *  calling thread: while the sheets are written with fase "werkboek
     *  schrijven" and gedaan of totaal (weighted product rows, roughly
     *  proportional to the time, at most every 256 products), then once
     *  with "werkboek inpakken" and totaal 0 (libxlsxwriter zips the sheets
     *  and cannot say how far it is; about half the time of a large run).
     *
     *      static void toon(void *d, const char *fase, size_t gedaan, size_t totaal)
     *      { fprintf(stderr, "\r%s %zu/%zu", fase, gedaan, totaal); }
     *      tarief_workbook_options wo = {.voortgang = toon};
     */
    void (*voortgang)(void *data, const char *fase, size_t gedaan, size_t totaal);
    void *voortgang_data;
} tarief_workbook_options;

/**
 * Write the workbook for all products to path (atomically: temp + rename).
 * Returns 0, or -1 with a Dutch message recorded in ctx's diag.
 */
int tarief_workbook_write(tarief_ctx *ctx, const tarief_regio *r,
                          const tarief_afleiding *a, const char *path,
                          const tarief_workbook_options *opts);

#ifdef __cplusplus
}
#endif
#endif
