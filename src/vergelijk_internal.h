/* vergelijk_internal.h - helpers shared by vergelijk.c, verschil.c and
 * workbook_vergelijk.c; not part of the public API. */
#ifndef TARIEF_VERGELIJK_INTERNAL_H
#define TARIEF_VERGELIJK_INTERNAL_H

#include <stdio.h>

#include "tarief.h"
#include "tarief/vergelijk.h"

/* A copy in ctx of n causes (their texts too), made in a scratch context. */
const tarief_oorzaak *vgl_oorzaken_kopie(tarief_ctx *ctx, const tarief_oorzaak *o, size_t n);
/* "file:line" of a source, NULL when it has no file. */
const char *vgl_bron_tekst(tarief_ctx *ctx, const tarief_bron *b);
/* "€ 1.234,56" (two to six decimals). */
const char *vgl_geld(tarief_ctx *ctx, double x);
/* A parameter value as people write it: "25 %", "1.878", "opslag". */
const char *vgl_param_waarde(tarief_ctx *ctx, int id, double waarde, int keuze);
/* |a - b| >= TARIEF_VERSCHIL_DREMPEL */
bool vgl_verschilt(double a, double b);
/* A CSV text field, quoted when it holds ';', '"' or a line end. */
int vgl_csv_tekst(FILE *out, const char *s);
/* A Dutch number for a data file: decimal comma, no thousands separator. */
void vgl_csv_getal(FILE *out, double x, int decimals);

#endif
