/*
 * compute.c - rekenmethode §3, steps 1-17, once per product, into the
 * derivation record. Every step is computed in exactly the order the method
 * writes it, at full double precision; only step 17 rounds.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* --- spreadsheet rounding -------------------------------------------------- */

/* x to 15 significant digits: sign, digits d[0..14], decimal exponent e so
 * that |x| = d0.d1d2...d14 x 10^e. */
static void digits15(double x, int *neg, char d[16], int *e)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.14e", fabs(x));
    *neg = x < 0;
    int k = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            d[k++] = *p;
    d[k] = '\0';
    *e = atoi(p + 1);
}

/*
 * Fast path: round the binary value directly when it is clearly away from
 * a rounding boundary. Within 1e-14 (relative) of a boundary, where taking x
 * to 15 significant digits first could change the outcome, it declines and
 * the exact decimal path below decides. (N / 10^d by IEEE division is the
 * same correctly rounded double that strtod gives for "Ne-d".) Measured in
 * bench: three quarters of the calculation time was the decimal path.
 */
static bool round_fast(double x, int digits, int mode, double *out)
{
    static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    if (digits < 0 || digits > 15)
        return false;
    double p = p10[digits], s = fabs(x) * p;
    if (!(s < 1e14)) /* keeps at most 14 significant digits */
        return false;
    double f = floor(s), frac = s - f, margin = s * 1e-14;
    bool up;
    if (mode == 0) {
        if (fabs(frac - 0.5) <= margin)
            return false;
        up = frac > 0.5;
    } else {
        if (frac <= margin || frac >= 1 - margin)
            return false;
        up = x > 0;
    }
    double v = (up ? f + 1 : f) / p;
    *out = v == 0 ? 0.0 : (x < 0 ? -v : v);
    return true;
}

/* mode 0: ROUND (half away from zero); mode 1: ceiling */
static double round_dec(double x, int digits, int mode)
{
    if (!isfinite(x) || x == 0)
        return x;
    double fast;
    if (round_fast(x, digits, mode, &fast))
        return fast;
    int neg, e;
    char d[16];
    digits15(x, &neg, d, &e);
    int r = e + digits + 1; /* index of the first digit dropped */
    if (r > 14)
        return strtod(tarief_round_repr15(x), NULL);
    bool up;
    if (mode == 0) {
        up = r >= 0 && d[r] >= '5';
    } else {
        up = false;
        for (int i = r < 0 ? 0 : r; i < 15; i++)
            if (d[i] != '0')
                up = true;
        if (neg)
            up = false; /* ceiling of a negative number moves toward zero */
    }
    char num[40];
    int n = 0;
    for (int i = 0; i < r; i++)
        num[n++] = d[i];
    if (n == 0)
        num[n++] = '0';
    num[n] = '\0';
    if (up) {
        int i = n - 1;
        while (i >= 0 && num[i] == '9')
            num[i--] = '0';
        if (i >= 0) {
            num[i]++;
        } else {
            memmove(num + 1, num, (size_t)n + 1);
            num[0] = '1';
            n++;
        }
    }
    char s[64];
    snprintf(s, sizeof s, "%s%se-%d", neg ? "-" : "", num, digits);
    double v = strtod(s, NULL);
    return v == 0 ? 0.0 : v; /* no negative zero */
}

const char *tarief_round_repr15(double x)
{
    static _Thread_local char buf[40];
    snprintf(buf, sizeof buf, "%.15g", x);
    return buf;
}

double tarief_round(double x, int digits)
{
    return round_dec(x, digits, 0);
}

double tarief_ceil(double x, int digits)
{
    return round_dec(x, digits, 1);
}

double tarief_afronden(double t, tarief_afronding mode)
{
    switch (mode) {
    case TARIEF_AFRONDING_EURO:
        return tarief_round(t, 0);
    case TARIEF_AFRONDING_EURO_OMHOOG:
        return tarief_ceil(t, 0);
    case TARIEF_AFRONDING_DEELBAAR_DOOR_60:
        /* per-minute cents: 60 x ROUND(T/60; 2), kept to whole cents */
        return tarief_round(60 * tarief_round(t / 60, 2), 2);
    case TARIEF_AFRONDING_CENT:
    default:
        return tarief_round(t, 2);
    }
}

/* --- resolution: product > regio > cao > default ---------------------------- */

static tarief_invoer resolve(const tarief_regio *r, const tarief_product *p, const tarief_cao *cao,
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

tarief_invoer tarief_resolve_param(const tarief_regio *r, const tarief_product *p, const tarief_cao *cao,
                                   tarief_param_id id)
{
    return resolve(r, p, cao, id);
}

/* Compute into a, whose functies array (p->n_mix entries, zeroed) the
 * caller provides. */
static void bereken(const tarief_regio *r, const tarief_product *p, tarief_afleiding *a,
                    tarief_functie_afleiding *functies, tarief_ctx *ctx)
{
    memset(a, 0, sizeof *a);
    a->product = p;
    a->n_functies = p->n_mix;
    a->functies = functies;

    /* steps 1-9 */
    double c = 0;
    for (size_t i = 0; i < p->n_mix; i++) {
        tarief_functie_afleiding *fa = &a->functies[i];
        const tarief_functie *f = p->mix[i].functie;
        fa->mix = &p->mix[i];
        fa->functie = f;
        if (f->loonkosten_per_uur.set) {
            fa->per_uur = true;
            fa->kosten_per_uur = f->loonkosten_per_uur.waarde;
        } else {
            const tarief_cao *cao = f->cao;
            fa->vakantietoeslag = resolve(r, p, cao, TARIEF_P_VAKANTIETOESLAG);
            fa->eindejaarsuitkering = resolve(r, p, cao, TARIEF_P_EINDEJAARSUITKERING);
            fa->ort = resolve(r, p, cao, TARIEF_P_ORT);
            fa->werkgeverslasten = resolve(r, p, cao, TARIEF_P_WERKGEVERSLASTEN);
            fa->jaaruren = resolve(r, p, cao, TARIEF_P_JAARUREN);
            double s = f->salaris->maandsalaris;
            double j = 12 * s;
            fa->jaarsalaris = j;
            fa->vakantietoeslag_bedrag = j * fa->vakantietoeslag.waarde;
            fa->eindejaarsuitkering_bedrag = j * fa->eindejaarsuitkering.waarde;
            fa->ort_bedrag = j * fa->ort.waarde;
            fa->bruto_loonsom = j + fa->vakantietoeslag_bedrag + fa->eindejaarsuitkering_bedrag + fa->ort_bedrag;
            fa->werkgeverslasten_bedrag = fa->bruto_loonsom * fa->werkgeverslasten.waarde;
            fa->loonkosten_fte = fa->bruto_loonsom + fa->werkgeverslasten_bedrag;
            fa->kosten_per_uur = fa->loonkosten_fte / fa->jaaruren.waarde;
        }
        fa->gewogen = p->mix[i].aandeel * fa->kosten_per_uur;
        c += fa->gewogen;
    }
    a->gemengde_kosten = c;

    /* step 10 */
    a->inzet = p->uren_per_eenheid.waarde * p->begeleiders.waarde / p->groepsgrootte.waarde;

    /* productiviteit (§2.2) */
    bool product_components = false;
    for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
        if (p->params[TARIEF_P_COMPONENT_FIRST + k].set)
            product_components = true;
    if (p->params[TARIEF_P_PRODUCTIVITEIT].set ||
        (!product_components && r->params[TARIEF_P_PRODUCTIVITEIT].set)) {
        a->productiviteit = resolve(r, p, NULL, TARIEF_P_PRODUCTIVITEIT);
    } else {
        double sum = 0;
        for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++) {
            a->componenten[k] = resolve(r, p, NULL, (tarief_param_id)(TARIEF_P_COMPONENT_FIRST + k));
            sum += a->componenten[k].waarde;
        }
        a->productiviteit_uit_componenten = true;
        a->productiviteit.herkomst = TARIEF_HERKOMST_AFGELEID;
        a->productiviteit.waarde = 1 - sum;
    }
    a->reis_en_opleiding = resolve(r, p, NULL, TARIEF_P_REIS_EN_OPLEIDING);
    a->gemeentelijke_verplichtingen = resolve(r, p, NULL, TARIEF_P_GEMEENTELIJKE_VERPLICHTINGEN);
    a->overhead = resolve(r, p, NULL, TARIEF_P_OVERHEAD);
    a->overhead_grondslag = resolve(r, p, NULL, TARIEF_P_OVERHEAD_GRONDSLAG);
    a->risico = resolve(r, p, NULL, TARIEF_P_RISICO);
    a->indexatie = resolve(r, p, NULL, TARIEF_P_INDEXATIE);
    if (a->indexatie.herkomst != TARIEF_HERKOMST_STANDAARD && a->indexatie.keuze == TARIEF_INDEXATIE_VNG) {
        /* indexatie;vng: the percentage is the compounded VNG index. The
         * loader has checked that it can be computed; if a caller skipped
         * loading, NaN makes the gap visible instead of indexing by 0. */
        tarief_indexfout fout;
        a->indexatie_vng = tarief_indexatie_vng_product(ctx, r, p, &fout);
        a->indexatie.waarde = a->indexatie_vng ? a->indexatie_vng->indexatie : NAN;
    }
    a->afronding = resolve(r, p, NULL, TARIEF_P_AFRONDING);

    double *e = a->element;
    /* 11 */
    e[TARIEF_E_KOSTEN_BEROEPSKRACHT] = a->inzet * a->gemengde_kosten;
    /* 12 */
    e[TARIEF_E_NIET_PRODUCTIEVE_UREN] = e[TARIEF_E_KOSTEN_BEROEPSKRACHT] * (1 / a->productiviteit.waarde - 1);
    /* 13 */
    double e12 = e[TARIEF_E_KOSTEN_BEROEPSKRACHT] + e[TARIEF_E_NIET_PRODUCTIEVE_UREN];
    e[TARIEF_E_REIS_EN_OPLEIDING] = e12 * a->reis_en_opleiding.waarde;
    e[TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN] = e12 * a->gemeentelijke_verplichtingen.waarde;
    /* 14 */
    a->personeel = e[TARIEF_E_KOSTEN_BEROEPSKRACHT] + e[TARIEF_E_NIET_PRODUCTIEVE_UREN] +
                   e[TARIEF_E_REIS_EN_OPLEIDING] + e[TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN];
    if (a->overhead_grondslag.keuze == TARIEF_GRONDSLAG_AANDEEL)
        e[TARIEF_E_OVERHEAD] = a->personeel * a->overhead.waarde / (1 - a->overhead.waarde);
    else
        e[TARIEF_E_OVERHEAD] = a->personeel * a->overhead.waarde;
    /* 15 */
    e[TARIEF_E_HUISVESTING] = p->huisvesting.waarde;
    e[TARIEF_E_VERZORGING] = p->verzorging.waarde;
    a->kostprijs = e[TARIEF_E_KOSTEN_BEROEPSKRACHT] + e[TARIEF_E_NIET_PRODUCTIEVE_UREN] +
                   e[TARIEF_E_REIS_EN_OPLEIDING] + e[TARIEF_E_OVERHEAD] +
                   e[TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN] + e[TARIEF_E_HUISVESTING] + e[TARIEF_E_VERZORGING];
    /* 16 */
    e[TARIEF_E_RISICO] = a->kostprijs * a->risico.waarde;
    e[TARIEF_E_INDEXATIE] = (a->kostprijs + e[TARIEF_E_RISICO]) * a->indexatie.waarde;
    a->ongerond = a->kostprijs + e[TARIEF_E_RISICO] + e[TARIEF_E_INDEXATIE];
    /* 17 */
    a->tarief = tarief_afronden(a->ongerond, (tarief_afronding)a->afronding.keuze);
    e[TARIEF_E_AFRONDINGSVERSCHIL] = a->tarief - a->ongerond;
}

void tarief_bereken_product(const tarief_regio *r, const tarief_product *p, tarief_afleiding *a, tarief_ctx *ctx)
{
    bereken(r, p, a, tarief_ctx_alloc(ctx, (p->n_mix ? p->n_mix : 1) * sizeof *a->functies), ctx);
}

const tarief_afleiding *tarief_bereken(tarief_ctx *ctx, const tarief_regio *r, const tarief_compute_options *opts)
{
    (void)opts;
    tarief_afleiding *a = tarief_ctx_alloc(ctx, (r->n_producten ? r->n_producten : 1) * sizeof *a);
    /* one block for every product's functie records: one allocation and
     * contiguous memory instead of one arena call per product */
    size_t n_mix = 0;
    for (size_t i = 0; i < r->n_producten; i++)
        n_mix += r->producten[i].n_mix;
    tarief_functie_afleiding *f = tarief_ctx_alloc(ctx, (n_mix ? n_mix : 1) * sizeof *f);
    for (size_t i = 0; i < r->n_producten; i++) {
        bereken(r, &r->producten[i], &a[i], f, ctx);
        f += r->producten[i].n_mix;
    }
    return a;
}

/* One product into a caller's functie buffer (p->n_mix entries): the
 * loader's finiteness check (limieten.c) computes every product without
 * keeping the records. */
void tarief_bereken_in(const tarief_regio *r, const tarief_product *p, tarief_afleiding *a,
                       tarief_functie_afleiding *functies, tarief_ctx *ctx)
{
    bereken(r, p, a, functies, ctx);
}
