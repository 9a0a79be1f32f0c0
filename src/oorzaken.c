/*
 * oorzaken.c - `vergelijk --oorzaken`: how much each input that differs
 * between the region and the aanbieder contributes to each element of a
 * product's opbouw (tarief_bijdrage, include/tarief/vergelijk.h).
 *
 * The technique is that of `verschil` (verschil.c): substitution in a fixed
 * order. Every input of the calculation that differs is an "atom" (the
 * salary basis, a parameter of a functie, an aandeel of the functiemix, a
 * product field, a product parameter); atoms with the same text and the
 * same source (a region parameter used by two functies) are one cause. The
 * causes are ordered by input group (tarief_groep), then by kind, functie
 * name and parameter: never by file order. State k takes causes 0..k-1 from
 * the aanbieder and the rest from the region; each state is a real
 * calculation by tarief_bereken_product on a hybrid region and product in
 * which every resolved input is pinned (product-level parameters on the
 * product row, the functie parameters on a copy of the functie's CAO), so
 * state 0 is the region's calculation itself.
 *
 *   contribution of cause k to element e = M(e after k) − M(e before k)
 *   M(x) = round(x × 10^6)   (the tariff: whole cents of the rounded tariff)
 *
 * The first state is the region's own derivation, the last one compared
 * with the aanbieder's: what is left (a last-bit difference of summation
 * order in step 9) is a contribution of its own, `rest`. So the
 * contributions of an element add up exactly to M(aanbieder) − M(regio).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vergelijk_internal.h"

#define BIT(e) (1u << (e))

/* The parameters of steps 2-8, per functie. */
static const tarief_param_id FPARAM[] = {TARIEF_P_VAKANTIETOESLAG, TARIEF_P_EINDEJAARSUITKERING, TARIEF_P_ORT,
                                         TARIEF_P_WERKGEVERSLASTEN, TARIEF_P_JAARUREN};
#define N_FPARAM (sizeof FPARAM / sizeof *FPARAM)
/* The product-level parameters pinned on the hybrid's product row (indexatie
 * and productiviteit apart). */
static const tarief_param_id PPARAM[] = {TARIEF_P_REIS_EN_OPLEIDING, TARIEF_P_GEMEENTELIJKE_VERPLICHTINGEN,
                                         TARIEF_P_OVERHEAD, TARIEF_P_OVERHEAD_GRONDSLAG, TARIEF_P_RISICO,
                                         TARIEF_P_AFRONDING};
#define N_PPARAM (sizeof PPARAM / sizeof *PPARAM)

/* Kinds of atoms, in the order they sort within a group. */
enum soort { S_LOON, S_FPARAM, S_MIX, S_GETAL, S_PRODUCTIVITEIT, S_COMPONENT, S_PPARAM, S_INDEXATIE };

/* The numbers of a product row. */
enum { G_UREN, G_BEGELEIDERS, G_GROEP, G_HUISVESTING, G_VERZORGING, G_COUNT };
static const char *const GETAL_NAAM[G_COUNT] = {"uren_per_eenheid", "begeleiders", "groepsgrootte", "huisvesting",
                                                "verzorging"};

static const tarief_param *getal(const tarief_product *p, int g)
{
    switch (g) {
    case G_UREN: return &p->uren_per_eenheid;
    case G_BEGELEIDERS: return &p->begeleiders;
    case G_GROEP: return &p->groepsgrootte;
    case G_HUISVESTING: return &p->huisvesting;
    default: return &p->verzorging;
    }
}

/* A functie in either mix: the region's (fa[0]) and the aanbieder's (fa[1]). */
typedef struct paar {
    const char *naam;
    const tarief_functie_afleiding *fa[2];
} paar;

typedef struct atoom {
    int soort, f, id;   /* f: index in paren or -1; id: parameter id or getal */
    tarief_groep groep;
    const char *tekst;
    tarief_bron bron;
    const char *sleutel; /* sorting within the group: kind, functie name, parameter */
    size_t oorzaak;      /* its cause */
} atoom;

typedef struct ontleding {
    tarief_ctx *ctx; /* what the result keeps: the texts of the causes */
    tarief_ctx *tmp; /* scratch of one product: atoms, hybrids (freed after it) */
    const tarief_regio *regio;
    const tarief_afleiding *x[2]; /* regio, aanbieder */
    paar *paren;
    size_t n_paren;
    atoom *at;
    size_t n_at, cap_at;
} ontleding;

static void atoom_toe(ontleding *o, int soort, int f, int id, tarief_groep groep, const tarief_bron *bron,
                      const char *tekst)
{
    if (o->n_at == o->cap_at) {
        size_t cap = o->cap_at ? 2 * o->cap_at : 16;
        atoom *n = tarief_ctx_alloc(o->tmp, cap * sizeof *n);
        if (o->n_at)
            memcpy(n, o->at, o->n_at * sizeof *n);
        o->at = n;
        o->cap_at = cap;
    }
    atoom *a = &o->at[o->n_at++];
    a->soort = soort;
    a->f = f;
    a->id = id;
    a->groep = groep;
    a->tekst = tekst;
    a->bron = bron ? *bron : (tarief_bron){0};
    a->sleutel = ti_ctx_printf(o->tmp, "%d|%s|%02d", soort, f >= 0 ? o->paren[f].naam : "", id);
}

static const tarief_bron *invoer_bron(const tarief_invoer *v)
{
    return v->param ? &v->param->bron : NULL;
}

static bool invoer_gelijk(int id, const tarief_invoer *a, const tarief_invoer *b)
{
    return tarief_param_info_get((tarief_param_id)id)->soort == TARIEF_SOORT_KEUZE ? a->keuze == b->keuze
                                                                                  : a->waarde == b->waarde;
}

/* "<naam> <aanbieder> i.p.v. <regio>", as tarief_oorzaken writes it. */
static void param_atoom(ontleding *o, int soort, int f, int id, const tarief_invoer *a, const tarief_invoer *b)
{
    if (invoer_gelijk(id, a, b))
        return;
    const tarief_param_info *info = tarief_param_info_get((tarief_param_id)id);
    /* an ort from the functiemix belongs with the functiemix, as in `verschil` */
    tarief_groep g = a->herkomst == TARIEF_HERKOMST_FUNCTIEMIX || b->herkomst == TARIEF_HERKOMST_FUNCTIEMIX
                         ? TARIEF_G_FUNCTIEMIX
                         : tarief_param_groep((tarief_param_id)id);
    atoom_toe(o, soort, f, id, g, invoer_bron(b),
              ti_ctx_printf(o->ctx, "%s %s i.p.v. %s", info->naam,
                                vgl_param_waarde(o->ctx, id, b->waarde, b->keuze),
                                vgl_param_waarde(o->ctx, id, a->waarde, a->keuze)));
}

static const char *inschaling(tarief_ctx *ctx, const tarief_functie_afleiding *fa)
{
    const tarief_functie *f = fa->functie;
    if (fa->per_uur)
        return ti_ctx_printf(ctx, "loonkosten_per_uur %s", vgl_geld(ctx, fa->kosten_per_uur));
    return ti_ctx_printf(ctx, "schaal %s trede %s (cao %s)", f->salaris->schaal, f->salaris->trede, f->cao->id);
}

/* The salary basis of a functie in both mixes: its salary, its inschaling
 * or its loonkosten_per_uur, one atom. */
static void loon_atoom(ontleding *o, int f)
{
    const tarief_functie_afleiding *fa = o->paren[f].fa[0], *fb = o->paren[f].fa[1];
    const tarief_functie *a = fa->functie, *b = fb->functie;
    tarief_ctx *ctx = o->ctx;
    if (fa->per_uur && fb->per_uur) {
        if (fa->kosten_per_uur != fb->kosten_per_uur)
            atoom_toe(o, S_LOON, f, 0, TARIEF_G_FUNCTIES, &b->loonkosten_per_uur.bron,
                      ti_ctx_printf(ctx, "loonkosten_per_uur %s %s i.p.v. %s", b->naam,
                                        vgl_geld(ctx, fb->kosten_per_uur), vgl_geld(ctx, fa->kosten_per_uur)));
    } else if (!fa->per_uur && !fb->per_uur && strcmp(a->salaris->schaal, b->salaris->schaal) == 0 &&
               strcmp(a->salaris->trede, b->salaris->trede) == 0) {
        if (a->salaris->maandsalaris != b->salaris->maandsalaris) {
            bool andere = strcmp(a->cao->id, b->cao->id) != 0;
            const char *tekst =
                andere ? ti_ctx_printf(ctx, "maandsalaris %s (schaal %s trede %s) %s (cao %s) i.p.v. %s (cao %s)",
                                           b->naam, b->salaris->schaal, b->salaris->trede,
                                           vgl_geld(ctx, b->salaris->maandsalaris), b->cao->id,
                                           vgl_geld(ctx, a->salaris->maandsalaris), a->cao->id)
                       : ti_ctx_printf(ctx, "maandsalaris %s (schaal %s trede %s) %s i.p.v. %s", b->naam,
                                           b->salaris->schaal, b->salaris->trede,
                                           vgl_geld(ctx, b->salaris->maandsalaris),
                                           vgl_geld(ctx, a->salaris->maandsalaris));
            atoom_toe(o, S_LOON, f, 0, TARIEF_G_CAO_SALARIS, &b->salaris->bron, tekst);
        }
    } else {
        atoom_toe(o, S_LOON, f, 0, TARIEF_G_FUNCTIES, &b->bron,
                  ti_ctx_printf(ctx, "functie %s: %s i.p.v. %s", b->naam, inschaling(ctx, fb),
                                    inschaling(ctx, fa)));
    }
}

static void zoek_atomen(ontleding *o)
{
    tarief_ctx *ctx = o->ctx;
    const tarief_afleiding *a = o->x[0], *b = o->x[1];
    /* the functies: the region's mix order, then those only the aanbieder has */
    o->paren = tarief_ctx_alloc(o->tmp, (a->n_functies + b->n_functies + 1) * sizeof *o->paren);
    for (size_t i = 0; i < a->n_functies; i++)
        o->paren[o->n_paren++] = (paar){a->functies[i].functie->naam, {&a->functies[i], NULL}};
    for (size_t j = 0; j < b->n_functies; j++) {
        size_t i = 0;
        while (i < a->n_functies && strcmp(o->paren[i].naam, b->functies[j].functie->naam) != 0)
            i++;
        if (i < a->n_functies)
            o->paren[i].fa[1] = &b->functies[j];
        else
            o->paren[o->n_paren++] = (paar){b->functies[j].functie->naam, {NULL, &b->functies[j]}};
    }
    for (size_t f = 0; f < o->n_paren; f++) {
        const tarief_functie_afleiding *fa = o->paren[f].fa[0], *fb = o->paren[f].fa[1];
        if (fa && fb) {
            loon_atoom(o, (int)f);
            if (!fa->per_uur && !fb->per_uur)
                for (size_t k = 0; k < N_FPARAM; k++)
                    param_atoom(o, S_FPARAM, (int)f, FPARAM[k], tarief_afleiding_invoer(NULL, fa, FPARAM[k]),
                                tarief_afleiding_invoer(NULL, fb, FPARAM[k]));
        }
    }
    /* the functiemix is one cause: every aandeel that differs, replaced at once
     * (one aandeel at a time would pass through mixes that do not add up to 100 %) */
    char *mix = "";
    size_t eerste_mix = o->n_at;
    /* by functie name, so that the text does not depend on file order */
    size_t *volg = tarief_ctx_alloc(o->tmp, (o->n_paren + 1) * sizeof *volg);
    for (size_t i = 0; i < o->n_paren; i++) {
        size_t j = i;
        for (; j > 0 && strcmp(o->paren[volg[j - 1]].naam, o->paren[i].naam) > 0; j--)
            volg[j] = volg[j - 1];
        volg[j] = i;
    }
    for (size_t i = 0; i < o->n_paren; i++) {
        size_t f = volg[i];
        const tarief_functie_afleiding *fa = o->paren[f].fa[0], *fb = o->paren[f].fa[1];
        double wa = fa ? fa->mix->aandeel : 0, wb = fb ? fb->mix->aandeel : 0;
        if (wa == wb)
            continue;
        char x[32], y[32];
        mix = ti_ctx_printf(ctx, "%s%s%s %s i.p.v. %s", mix, mix[0] ? ", " : "", o->paren[f].naam,
                                tarief_fmt_pct(x, sizeof x, wb), tarief_fmt_pct(y, sizeof y, wa));
        atoom_toe(o, S_MIX, (int)f, 0, TARIEF_G_FUNCTIEMIX, NULL, "");
    }
    if (o->n_at > eerste_mix) {
        /* where the aanbieder's mix of this product starts */
        const tarief_bron *bron = b->n_functies ? &b->functies[0].mix->bron : NULL;
        for (size_t i = 0; i < b->n_functies; i++)
            if (bron && b->functies[i].mix->bron.line < bron->line)
                bron = &b->functies[i].mix->bron;
        for (size_t i = eerste_mix; i < o->n_at; i++) {
            o->at[i].tekst = ti_ctx_printf(ctx, "functiemix %s", mix);
            o->at[i].bron = bron ? *bron : (tarief_bron){0};
            o->at[i].sleutel = ti_ctx_printf(o->tmp, "%d", S_MIX);
        }
    }
    for (int g = 0; g < G_COUNT; g++) {
        const tarief_param *pa = getal(a->product, g), *pb = getal(b->product, g);
        if (pa->waarde == pb->waarde)
            continue;
        bool geld = g == G_HUISVESTING || g == G_VERZORGING;
        char x[64], y[64];
        atoom_toe(o, S_GETAL, -1, g, geld ? TARIEF_G_HUISVESTING_VERZORGING : TARIEF_G_INZET,
                  pb->set ? &pb->bron : NULL,
                  geld ? ti_ctx_printf(ctx, "%s %s i.p.v. %s", GETAL_NAAM[g], vgl_geld(ctx, pb->waarde),
                                           vgl_geld(ctx, pa->waarde))
                       : ti_ctx_printf(ctx, "%s %s i.p.v. %s", GETAL_NAAM[g],
                                           tarief_fmt_nl_trim(x, sizeof x, pb->waarde, 0, 6),
                                           tarief_fmt_nl_trim(y, sizeof y, pa->waarde, 0, 6)));
    }
    if (a->productiviteit.waarde != b->productiviteit.waarde) {
        if (a->productiviteit_uit_componenten && b->productiviteit_uit_componenten) {
            for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
                param_atoom(o, S_COMPONENT, -1, TARIEF_P_COMPONENT_FIRST + k, &a->componenten[k],
                            &b->componenten[k]);
        } else {
            char x[32], y[32];
            const tarief_bron *bron = invoer_bron(&b->productiviteit);
            for (int k = 0; b->productiviteit_uit_componenten && k < TARIEF_P_COMPONENT_COUNT && !bron; k++)
                bron = invoer_bron(&b->componenten[k]);
            atoom_toe(o, S_PRODUCTIVITEIT, -1, TARIEF_P_PRODUCTIVITEIT, TARIEF_G_PRODUCTIVITEIT, bron,
                      ti_ctx_printf(ctx, "productiviteit %s%s i.p.v. %s%s",
                                        tarief_fmt_pct(x, sizeof x, b->productiviteit.waarde),
                                        b->productiviteit_uit_componenten ? " (uit de niet-productieve onderdelen)" : "",
                                        tarief_fmt_pct(y, sizeof y, a->productiviteit.waarde),
                                        a->productiviteit_uit_componenten ? " (uit de niet-productieve onderdelen)" : ""));
        }
    }
    for (size_t k = 0; k < N_PPARAM; k++)
        param_atoom(o, S_PPARAM, -1, PPARAM[k], tarief_afleiding_invoer(a, NULL, PPARAM[k]),
                    tarief_afleiding_invoer(b, NULL, PPARAM[k]));
    if (a->indexatie.waarde != b->indexatie.waarde) {
        /* a computed indexation (indexatie;vng) counts by its value */
        tarief_invoer ia = a->indexatie, ib = b->indexatie;
        ia.keuze = ib.keuze = 0;
        param_atoom(o, S_INDEXATIE, -1, TARIEF_P_INDEXATIE, &ia, &ib);
    }
}

/* The side (0 regio, 1 aanbieder) of atom (soort, f, id) in state k:
 * causes 0..k-1 are the aanbieder's; dflt when no such atom. */
static int kant(const ontleding *o, size_t k, int soort, int f, int id, int dflt)
{
    for (size_t i = 0; i < o->n_at; i++)
        if (o->at[i].soort == soort && o->at[i].f == f && o->at[i].id == id)
            return o->at[i].oorzaak < k ? 1 : 0;
    return dflt;
}

static tarief_param vast(double waarde, int keuze)
{
    return (tarief_param){.set = true, .waarde = waarde, .keuze = keuze};
}

/* State k as a calculation: a hybrid region (no parameters of its own) and
 * product (every input pinned). */
static const tarief_afleiding *toestand(ontleding *o, size_t k)
{
    tarief_ctx *ctx = o->tmp;
    const tarief_afleiding *const *x = o->x;
    tarief_regio *hr = tarief_ctx_alloc(ctx, sizeof *hr);
    *hr = *o->regio;
    memset(hr->params, 0, sizeof hr->params);
    tarief_product *hp = tarief_ctx_alloc(ctx, sizeof *hp);
    *hp = *x[0]->product;
    memset(hp->params, 0, sizeof hp->params);

    tarief_mix *mix = tarief_ctx_alloc(ctx, (o->n_paren + 1) * sizeof *mix);
    for (size_t f = 0; f < o->n_paren; f++) {
        const paar *u = &o->paren[f];
        int l = kant(o, k, S_LOON, (int)f, 0, u->fa[0] ? 0 : 1);
        const tarief_functie_afleiding *fl = u->fa[l];
        tarief_functie *hf = tarief_ctx_alloc(ctx, sizeof *hf);
        *hf = *fl->functie;
        if (fl->per_uur) {
            hf->loonkosten_per_uur = vast(fl->kosten_per_uur, 0);
        } else {
            /* the functie parameters on a copy of its CAO: product and region have none */
            tarief_cao *hc = tarief_ctx_alloc(ctx, sizeof *hc);
            *hc = *fl->functie->cao;
            memset(hc->params, 0, sizeof hc->params);
            for (size_t p = 0; p < N_FPARAM; p++) {
                int s = kant(o, k, S_FPARAM, (int)f, FPARAM[p], l);
                hc->params[FPARAM[p]] = vast(tarief_afleiding_invoer(NULL, u->fa[s], FPARAM[p])->waarde, 0);
            }
            hf->cao = hc;
            hf->loonkosten_per_uur.set = false;
        }
        int m = kant(o, k, S_MIX, (int)f, 0, u->fa[0] ? 0 : 1);
        mix[f] = *fl->mix;
        mix[f].functie = hf;
        mix[f].aandeel = u->fa[m] ? u->fa[m]->mix->aandeel : 0;
        mix[f].ort = (tarief_param){0};
    }
    hp->mix = mix;
    hp->n_mix = o->n_paren;

    for (int g = 0; g < G_COUNT; g++) {
        const tarief_param *v = getal(x[kant(o, k, S_GETAL, -1, g, 0)]->product, g);
        *(tarief_param *)getal(hp, g) = *v;
    }
    double prod;
    if (x[0]->productiviteit_uit_componenten && x[1]->productiviteit_uit_componenten) {
        /* as compute.c does: 1 − the sum in component order */
        double sum = 0;
        for (int c = 0; c < TARIEF_P_COMPONENT_COUNT; c++)
            sum += x[kant(o, k, S_COMPONENT, -1, TARIEF_P_COMPONENT_FIRST + c, 0)]->componenten[c].waarde;
        prod = 1 - sum;
    } else {
        prod = x[kant(o, k, S_PRODUCTIVITEIT, -1, TARIEF_P_PRODUCTIVITEIT, 0)]->productiviteit.waarde;
    }
    hp->params[TARIEF_P_PRODUCTIVITEIT] = vast(prod, 0);
    for (size_t p = 0; p < N_PPARAM; p++) {
        const tarief_invoer *v = tarief_afleiding_invoer(x[kant(o, k, S_PPARAM, -1, PPARAM[p], 0)], NULL, PPARAM[p]);
        hp->params[PPARAM[p]] = vast(v->waarde, v->keuze);
    }
    hp->params[TARIEF_P_INDEXATIE] =
        vast(x[kant(o, k, S_INDEXATIE, -1, TARIEF_P_INDEXATIE, 0)]->indexatie.waarde, TARIEF_INDEXATIE_PERCENTAGE);

    tarief_afleiding *d = tarief_ctx_alloc(ctx, sizeof *d);
    tarief_bereken_product(hr, hp, d, ctx);
    return d;
}

static long long micro(double x)
{
    return llround(x * 1e6);
}

static long long cent(double x)
{
    return llround(x * 100.0);
}

static bool eindig(const tarief_afleiding *d)
{
    if (!isfinite(d->tarief))
        return false;
    for (int e = 0; e < TARIEF_E_COUNT; e++)
        if (!isfinite(d->element[e]))
            return false;
    return true;
}

/* cause order: group, then kind, functie name, parameter */
static int cmp_atoom(const void *pa, const void *pb)
{
    const atoom *a = *(const atoom *const *)pa, *b = *(const atoom *const *)pb;
    if (a->groep != b->groep)
        return a->groep < b->groep ? -1 : 1;
    return strcmp(a->sleutel, b->sleutel);
}

static bool zelfde_oorzaak(const atoom *a, const atoom *b)
{
    return a->groep == b->groep && strcmp(a->tekst, b->tekst) == 0 &&
           ((a->bron.file == NULL && b->bron.file == NULL) ||
            (a->bron.file && b->bron.file && strcmp(a->bron.file, b->bron.file) == 0 &&
             a->bron.line == b->bron.line));
}

const tarief_bijdrage *tarief_bijdragen(tarief_ctx *ctx, const tarief_regio *regio, const tarief_regio *aanbieder,
                                        tarief_vergelijk_product *vp, size_t *n)
{
    (void)aanbieder; /* the aanbieder's inputs are read from its derivation */
    const tarief_afleiding *a = vp->regio, *b = vp->aanbieder;
    for (int e = 0; e < TARIEF_E_COUNT; e++)
        vp->verschil_micro[e] = micro(b->element[e]) - micro(a->element[e]);
    vp->verschil_cent = cent(b->tarief) - cent(a->tarief);
    *n = 0;
    if (!vp->afwijkend)
        return NULL;

    ontleding o = {.ctx = ctx, .tmp = tarief_ctx_new(), .regio = regio, .x = {a, b}};
    zoek_atomen(&o);
    /* order the atoms, then merge those of one cause (same group, text and
     * source) into the place of its first */
    const atoom **volg = tarief_ctx_alloc(o.tmp, (o.n_at + 1) * sizeof *volg);
    for (size_t i = 0; i < o.n_at; i++)
        volg[i] = &o.at[i];
    qsort(volg, o.n_at, sizeof *volg, cmp_atoom);
    const atoom **eerste = tarief_ctx_alloc(o.tmp, (o.n_at + 1) * sizeof *eerste);
    size_t n_oorzaken = 0;
    for (size_t i = 0; i < o.n_at; i++) {
        size_t c = 0;
        while (c < n_oorzaken && !zelfde_oorzaak(eerste[c], volg[i]))
            c++;
        if (c == n_oorzaken)
            eerste[n_oorzaken++] = volg[i];
        ((atoom *)volg[i])->oorzaak = c;
    }

    tarief_bijdrage *bd = tarief_ctx_alloc(ctx, (n_oorzaken + 2) * sizeof *bd);
    const tarief_afleiding *vorig = a;
    for (size_t k = 1; k <= n_oorzaken; k++) {
        const tarief_afleiding *d = toestand(&o, k);
        if (!eindig(d))
            d = vorig; /* cannot be computed halfway (a productiviteit of 0): moves nothing now */
        tarief_bijdrage *t = &bd[k - 1];
        const atoom *at = eerste[k - 1];
        t->oorzaak.groep = at->groep;
        t->oorzaak.tekst = at->tekst;
        t->oorzaak.bron = at->bron;
        const char *w = vgl_bron_tekst(ctx, &at->bron);
        t->oorzaak.volledig = w ? ti_ctx_printf(ctx, "%s (%s)", at->tekst, w) : at->tekst;
        for (int e = 0; e < TARIEF_E_COUNT; e++) {
            t->micro[e] = micro(d->element[e]) - micro(vorig->element[e]);
            if (t->micro[e])
                t->oorzaak.elementen |= BIT(e);
        }
        t->cent = cent(d->tarief) - cent(vorig->tarief);
        vorig = d;
    }
    /* what no cause explains */
    tarief_bijdrage *rest = &bd[n_oorzaken];
    bool iets = false;
    for (int e = 0; e < TARIEF_E_COUNT; e++) {
        rest->micro[e] = micro(b->element[e]) - micro(vorig->element[e]);
        if (rest->micro[e])
            rest->oorzaak.elementen |= BIT(e), iets = true;
    }
    rest->cent = cent(b->tarief) - cent(vorig->tarief);
    iets = iets || rest->cent != 0;
    *n = n_oorzaken;
    if (iets) {
        rest->rest = true;
        rest->oorzaak.groep = TARIEF_G_COUNT;
        rest->oorzaak.tekst = rest->oorzaak.volledig = "rest (rekenvolgorde; aan geen oorzaak toe te wijzen)";
        (*n)++;
    }
    tarief_ctx_free(o.tmp);
    return bd;
}

/* --- CSV ------------------------------------------------------------------------- */

/* millionths of a euro as "-1,234567" */
static void micro_veld(FILE *out, long long m)
{
    fprintf(out, "%s%lld,%06lld", m < 0 ? "-" : "", llabs(m) / 1000000, llabs(m) % 1000000);
}

static void cent_veld(FILE *out, long long c)
{
    fprintf(out, "%s%lld,%02lld", c < 0 ? "-" : "", llabs(c) / 100, llabs(c) % 100);
}

int tarief_vergelijk_oorzaken_csv_write(FILE *out, const tarief_vergelijking *v)
{
    errno = 0;
    fputs("code;element;oorzaak;bijdrage\n", out);
    for (size_t i = 0; i < v->n_producten; i++) {
        const tarief_vergelijk_product *vp = &v->producten[i];
        const char *code = vp->regio->product->code;
        for (int e = 0; e <= TARIEF_E_COUNT; e++) {
            for (size_t k = 0; k < vp->n_bijdragen; k++) {
                const tarief_bijdrage *t = &vp->bijdragen[k];
                long long w = e < TARIEF_E_COUNT ? t->micro[e] : t->cent;
                if (w == 0)
                    continue;
                vgl_csv_tekst(out, code);
                fprintf(out, ";%s;", e < TARIEF_E_COUNT ? tarief_element_info_get((tarief_element)e)->kolom : "tarief");
                vgl_csv_tekst(out, t->oorzaak.volledig);
                fputc(';', out);
                if (e < TARIEF_E_COUNT)
                    micro_veld(out, w);
                else
                    cent_veld(out, w);
                fputc('\n', out);
            }
        }
    }
    if (fflush(out) != 0 || ferror(out))
        return -1;
    return 0;
}
