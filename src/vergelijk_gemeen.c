/*
 * vergelijk_gemeen.c - what vergelijk.c, oorzaken.c and verschil.c share:
 * the input groups of `verschil` (and of the causes of `vergelijk`), the
 * group of a parameter, values and sources as people read them, and the
 * cells of their CSV files. Below the three, so they do not call each
 * other for these.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vergelijk_internal.h"

/* --- groups ----------------------------------------------------------------- */

static const tarief_groep_info GROEPEN[TARIEF_G_COUNT] = {
    [TARIEF_G_CAO_SALARIS] = {"cao_salaris", "cao-salaristabellen",
                              "maandsalarissen bij dezelfde schaal en trede"},
    [TARIEF_G_CAO_PARAMETERS] = {"cao_parameters", "cao-parameters",
                                 "vakantietoeslag, eindejaarsuitkering, ort, werkgeverslasten, jaaruren"},
    [TARIEF_G_FUNCTIES] = {"functies", "functies", "inschaling (cao, schaal, trede) of loonkosten per uur"},
    [TARIEF_G_FUNCTIEMIX] = {"functiemix", "functiemix", "aandeel van elke functie per product"},
    [TARIEF_G_INZET] = {"inzet", "uren, eenheden en groepsgrootte",
                        "uren_per_eenheid, begeleiders, groepsgrootte"},
    [TARIEF_G_PRODUCTIVITEIT] = {"productiviteit", "productiviteit",
                                 "productiviteit of verlof, verzuim, scholing, werkoverleg, indirecte tijd, overig"},
    [TARIEF_G_OPSLAGEN] = {"opslagen", "opslagen",
                           "reis_en_opleiding, gemeentelijke_verplichtingen, overhead (en grondslag), risico"},
    [TARIEF_G_HUISVESTING_VERZORGING] = {"huisvesting_verzorging", "huisvesting en verzorging",
                                         "huisvesting, verzorging"},
    [TARIEF_G_INDEXATIE] = {"indexatie", "indexatie", "indexatie en waaruit die berekend wordt, met het tariefjaar"},
    [TARIEF_G_AFRONDING] = {"afronding", "afronding", "afronding"},
};

const tarief_groep_info *tarief_groep_info_get(tarief_groep g)
{
    return (unsigned)g < TARIEF_G_COUNT ? &GROEPEN[g] : NULL;
}

tarief_groep tarief_param_groep(tarief_param_id id)
{
    switch (id) {
    case TARIEF_P_VAKANTIETOESLAG:
    case TARIEF_P_EINDEJAARSUITKERING:
    case TARIEF_P_WERKGEVERSLASTEN:
    case TARIEF_P_JAARUREN:
    case TARIEF_P_ORT:
        return TARIEF_G_CAO_PARAMETERS;
    case TARIEF_P_PRODUCTIVITEIT:
    case TARIEF_P_VERLOF:
    case TARIEF_P_VERZUIM:
    case TARIEF_P_SCHOLING:
    case TARIEF_P_WERKOVERLEG:
    case TARIEF_P_INDIRECTE_TIJD:
    case TARIEF_P_OVERIG_NIET_PRODUCTIEF:
        return TARIEF_G_PRODUCTIVITEIT;
    case TARIEF_P_REIS_EN_OPLEIDING:
    case TARIEF_P_GEMEENTELIJKE_VERPLICHTINGEN:
    case TARIEF_P_OVERHEAD:
    case TARIEF_P_OVERHEAD_GRONDSLAG:
    case TARIEF_P_RISICO:
        return TARIEF_G_OPSLAGEN;
    case TARIEF_P_AFRONDING:
        return TARIEF_G_AFRONDING;
    case TARIEF_P_INDEXATIE:
    default:
        /* indexatie and the settings it is computed from (method, weights,
         * prijspeil): every parameter not named above */
        return TARIEF_G_INDEXATIE;
    }
}

/* --- formatting ---------------------------------------------------------------- */

const char *vgl_bron_tekst(tarief_ctx *ctx, const tarief_bron *b)
{
    if (b == NULL || b->file == NULL)
        return NULL;
    if (b->line > 0)
        return ti_ctx_printf(ctx, "%s:%d", b->file, b->line);
    return b->file;
}

const char *vgl_geld(tarief_ctx *ctx, double x)
{
    char b[64];
    return ti_ctx_printf(ctx, "€ %s", tarief_fmt_nl_trim(b, sizeof b, x, 2, 6));
}

/* A parameter's value as people write it. */
const char *vgl_param_waarde(tarief_ctx *ctx, int id, double waarde, int keuze)
{
    const tarief_param_info *info = tarief_param_info_get((tarief_param_id)id);
    char b[64];
    if (info == NULL)
        return tarief_ctx_strdup(ctx, tarief_fmt_nl_trim(b, sizeof b, waarde, 0, 6));
    switch (info->soort) {
    case TARIEF_SOORT_PERCENTAGE:
        return tarief_ctx_strdup(ctx, tarief_fmt_pct(b, sizeof b, waarde));
    case TARIEF_SOORT_KEUZE:
        return tarief_param_keuze_naam((tarief_param_id)id, keuze);
    case TARIEF_SOORT_UREN:
    default:
        return tarief_ctx_strdup(ctx, tarief_fmt_nl_trim(b, sizeof b, waarde, 0, 6));
    }
}

/* --- CSV -------------------------------------------------------------------------- */

int vgl_csv_tekst(FILE *out, const char *s)
{
    return ti_csv_tekst(out, s); /* quoting and the formula prefix: csvtekst.c */
}

void vgl_csv_getal(FILE *out, double x, int decimals)
{
    char b[64];
    tarief_fmt_nl(b, sizeof b, x, decimals);
    /* no thousands separators in a data file */
    char c[64];
    size_t k = 0;
    for (const char *p = b; *p && k < sizeof c - 1; p++)
        if (*p != '.')
            c[k++] = *p;
    c[k] = '\0';
    fputs(c, out);
}
