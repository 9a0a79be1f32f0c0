/* workbook_vergelijk.c - placeholder while being written */
#include "internal.h"
#include "vergelijk_internal.h"
int tarief_vergelijk_workbook_write(tarief_ctx *ctx, const tarief_vergelijking *v, const char *path)
{ (void)v; tarief_ctx_error(ctx, path, 0, 0, NULL, "nog niet"); return -1; }
int tarief_verschil_workbook_write(tarief_ctx *ctx, const tarief_verschillen *d, const char *path)
{ (void)d; tarief_ctx_error(ctx, path, 0, 0, NULL, "nog niet"); return -1; }
