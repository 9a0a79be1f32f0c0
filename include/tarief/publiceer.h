/*
 * tarief/publiceer.h - the onderbouwing of a region's tariffs as one
 * self-contained HTML document (`tarief publiceer`), for aanbieders, the
 * college and auditors: a title part (regio, tariefjaar, rekenmethode,
 * date, SHA-256 of every input file), the tariff list, and per product its
 * productkaart, the opbouw per element (table and inline SVG bar, with the
 * legal letters), every step of the derivation (tarief_uitleg_stappen) and
 * every source. Optionally, per product, why the tariff moved since last
 * year (tarief_verschil_bereken).
 *
 * The document has inline CSS and SVG only: no script, font, image or
 * style from anywhere else, and a Content-Security-Policy that forbids
 * loading anything. Every input string is HTML-escaped. Print CSS gives a
 * clean PDF (a product per page, table headers repeated).
 *
 *     tarief_publiceer_options o = {0};
 *     if (tarief_publiceer_html(ctx, r, afl, "onderbouwing.html", &o) != 0)
 *         ... tarief_ctx_diag(ctx) says why ...
 */
#ifndef TARIEF_PUBLICEER_H
#define TARIEF_PUBLICEER_H

#include <stdio.h>

#include "compute.h"
#include "vergelijk.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options; zeroed = defaults. */
typedef struct tarief_publiceer_options {
    /** Last year's region against this one (tarief_verschil_bereken(ctx,
     *  vorig, r)): each product then shows the decomposition of its change.
     *  NULL: none. */
    const tarief_verschillen *vorig;
    /** The document's date as seconds since 1970 (UTC). 0: SOURCE_DATE_EPOCH
     *  when set, else the current time. */
    long long datum;
} tarief_publiceer_options;

/**
 * Write the document to out. a: the derivations of r (tarief_bereken).
 * The checksums of the input files are those the loader computed
 * (tarief_regio.bestanden).
 * Returns 0, or -1 (a write error: errno; an invalid SOURCE_DATE_EPOCH: a
 * message in ctx's diag).
 */
int tarief_publiceer_write(FILE *out, tarief_ctx *ctx, const tarief_regio *r, const tarief_afleiding *a,
                           const tarief_publiceer_options *opts);

/**
 * The same into the file path, atomically (tarief/output.h): the file
 * appears only when complete. 0, or -1 with a message in ctx's diag.
 */
int tarief_publiceer_html(tarief_ctx *ctx, const tarief_regio *r, const tarief_afleiding *a, const char *path,
                          const tarief_publiceer_options *opts);

#ifdef __cplusplus
}
#endif
#endif
