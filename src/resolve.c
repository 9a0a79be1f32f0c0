/*
 * resolve.c - which value of a parameter applies to a product: product >
 * regio > cao > default (rekenmethode §2.2). Below compute.c and
 * indexatie.c, which both ask.
 */
#include "internal.h"

/* --- resolution: product > regio > cao > default ---------------------------- */

tarief_invoer ti_resolve_param(const tarief_regio *r, const tarief_product *p, const tarief_cao *cao,
                                   tarief_param_id id)
{
    tarief_invoer v = {0};
    const tarief_param *src = NULL;
    if (p && p->params[id].set) {
        src = &p->params[id];
        v.herkomst = TARIEF_HERKOMST_PRODUCT;
    } else if (r->params[id].set) {
        src = &r->params[id];
        v.herkomst = TARIEF_HERKOMST_REGIO;
    } else if (cao && cao->params[id].set) {
        src = &cao->params[id];
        v.herkomst = TARIEF_HERKOMST_CAO;
    }
    if (src) {
        v.waarde = src->waarde;
        v.keuze = src->keuze;
        v.param = src;
    } else {
        const tarief_param_info *info = tarief_param_info_get(id);
        v.herkomst = TARIEF_HERKOMST_STANDAARD;
        v.waarde = info->soort == TARIEF_SOORT_KEUZE ? 0 : info->standaard;
        v.keuze = info->soort == TARIEF_SOORT_KEUZE ? (int)info->standaard : 0;
    }
    return v;
}
