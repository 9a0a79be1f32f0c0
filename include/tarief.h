/*
 * tarief.h - reële tarieven for jeugdhulp and Wmo, with their derivation.
 *
 * Pipeline: load (CSV -> model, validated) -> compute (model -> derivation
 * record per product) -> render (derivation -> uitleg, CSV, workbook).
 * One tarief_ctx owns everything; tarief_ctx_free() frees it all.
 *
 * Locale: the library reads and writes numbers with strtod/printf and
 * libxlsxwriter does the same, so LC_NUMERIC must stay "C" in the process
 * (the default; the CLI sets it explicitly). The library never calls
 * setlocale itself; the workbook writer refuses to write under a
 * decimal-comma locale rather than corrupt the file.
 */
#ifndef TARIEF_H
#define TARIEF_H

#define TARIEF_VERSION "0.1.0"
#define TARIEF_REKENMETHODE "rekenmethode v1"

#include "tarief/error.h"
#include "tarief/model.h"
#include "tarief/load.h"
#include "tarief/compute.h"
#include "tarief/render.h"
#include "tarief/output.h"
#include "tarief/workbook.h"
#include "tarief/cao.h"
#include "tarief/vergelijk.h"
#include "tarief/publiceer.h"
#include "tarief/uitvraag.h"

#endif
