/*
 * verschil.c - why a tariff changed between two versions of a region.
 *
 * For every product in both versions the old inputs are replaced by the new
 * ones one group at a time, in the fixed order of tarief_groep, and the
 * tariff is recomputed after each group by tarief_bereken_product on a
 * hybrid: a copy of the old region and product with the replaced groups
 * taken from the new ones. Contribution g = tariff after group g - tariff
 * after group g-1. Every intermediate tariff is a real tariff (rounded by
 * the rule then in force: the old one until the last group), so every
 * contribution is a whole number of cents and they add up exactly.
 *
 * What each group replaces (docs/vergelijk-en-verschil.md):
 *   1 cao-salaristabellen  per functie of the old mix whose name the new
 *                          version also has, on a CAO scale in both: the
 *                          salary at the OLD schaal and trede, looked up in
 *                          the table the NEW functie uses (with that table's
 *                          id, naam and ingangsdatum); unchanged when that
 *                          table lacks the old schaal/trede
 *   2 cao-parameters       vakantietoeslag, eindejaarsuitkering, ort,
 *                          werkgeverslasten, jaaruren: in uitgangspunten,
 *                          the product row, and cao.csv of the new table
 *   3 functies             the new functie definitions (inschaling or
 *                          loonkosten_per_uur)
 *   4 functiemix           the new mix of the product
 *   5 inzet                uren_per_eenheid, begeleiders, groepsgrootte
 *   6 productiviteit       productiviteit and its six components
 *   7 opslagen             reis_en_opleiding, gemeentelijke_verplichtingen,
 *                          overhead, overhead_grondslag, risico
 *   8 huisvesting en verzorging
 *   9 indexatie            indexatie, every other parameter not named here
 *                          (the settings of indexatie;vng), tariefjaar and
 *                          the index series; before this group an old
 *                          indexatie;vng applies as the percentage it came
 *                          to (it depends on tariefjaar and on the date of
 *                          the salary table, which group 1 may replace)
 *  10 afronding
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vergelijk_internal.h"

static const tarief_functie *functie_in(const tarief_regio *r, const char *naam)
{
    for (size_t i = 0; i < r->n_functies; i++)
        if (strcmp(r->functies[i].naam, naam) == 0)
            return &r->functies[i];
    return NULL;
}

static const tarief_salaris *salaris_in(const tarief_cao *c, const char *schaal, const char *trede)
{
    for (size_t i = 0; i < c->n_salarissen; i++)
        if (strcmp(c->salarissen[i].schaal, schaal) == 0 && strcmp(c->salarissen[i].trede, trede) == 0)
            return &c->salarissen[i];
    return NULL;
}

/*
 * What a hybrid takes from the old and the new version depends on the
 * product only through the product row and its functiemix: the region part
 * and the hybrid of each old functie are the same for every product, so
 * they are built once per group and shared (10 000 products used to hold
 * a copy of the region and of every functie with its cao per product and
 * group: 615 MB, now ca. 260 MB).
 */
typedef struct tarief_verschil_hybriden {
    tarief_regio regio[TARIEF_G_COUNT];    /* groups 0..k replaced */
    const tarief_functie **functie;        /* [k * n + index in the old region], built up front */
    size_t n;                              /* functies of the old region */
} hybriden;

static void groepen_tot(int laatste, bool g[TARIEF_G_COUNT])
{
    for (int k = 0; k < TARIEF_G_COUNT; k++)
        g[k] = k <= laatste;
}

/* The region part of the hybrid with groups 0..laatste replaced. */
static void bouw_regio(const tarief_regio *ro, const tarief_regio *rn, int laatste, tarief_regio *h)
{
    bool g[TARIEF_G_COUNT];
    groepen_tot(laatste, g);
    *h = *ro;
    for (int id = 0; id < TARIEF_P_COUNT; id++)
        if (g[tarief_param_groep((tarief_param_id)id)])
            h->params[id] = rn->params[id];
    if (g[TARIEF_G_INDEXATIE]) {
        h->tariefjaar = rn->tariefjaar;
        h->tariefjaar_p = rn->tariefjaar_p;
        h->indexreeks_p = rn->indexreeks_p;
        h->indexreeks = rn->indexreeks;
    }
}

/* The functie a hybrid mix row uses for old functie fo, groups 0..laatste
 * replaced (before the functiemix group): fo itself, the new definition, or
 * fo with the new salary table and/or cao parameters. */
static const tarief_functie *bouw_functie(tarief_ctx *ctx, const tarief_functie *fo, const tarief_regio *rn,
                                          int laatste)
{
    bool g[TARIEF_G_COUNT];
    groepen_tot(laatste, g);
    const tarief_functie *fn = functie_in(rn, fo->naam);
    if (fn == NULL)
        return fo; /* gone in the new version: leaves with the functiemix */
    if (g[TARIEF_G_FUNCTIES])
        return fn;
    if (fo->cao == NULL || fo->salaris == NULL || fn->cao == NULL)
        return fo; /* no salary table on one side: all in group 3 */
    tarief_functie *hf = tarief_ctx_alloc(ctx, sizeof *hf);
    tarief_cao *hc = tarief_ctx_alloc(ctx, sizeof *hc);
    *hf = *fo;
    *hc = *fo->cao;
    if (g[TARIEF_G_CAO_SALARIS]) {
        const tarief_salaris *s = salaris_in(fn->cao, fo->salaris->schaal, fo->salaris->trede);
        if (s) {
            hf->salaris = s;
            hc->id = fn->cao->id;
            hc->naam = fn->cao->naam;
            hc->ingangsdatum = fn->cao->ingangsdatum;
            hc->dir = fn->cao->dir;
            hc->salarissen = fn->cao->salarissen;
            hc->n_salarissen = fn->cao->n_salarissen;
            hc->salaris_file = fn->cao->salaris_file;
        }
    }
    if (g[TARIEF_G_CAO_PARAMETERS])
        for (int id = 0; id < TARIEF_P_COUNT; id++)
            if (tarief_param_groep((tarief_param_id)id) == TARIEF_G_CAO_PARAMETERS)
                hc->params[id] = fn->cao->params[id];
    hf->cao = hc;
    return hf;
}

static const tarief_functie *hybride_functie(tarief_ctx *ctx, const hybriden *hy, const tarief_regio *ro,
                                             const tarief_functie *fo, const tarief_regio *rn, int laatste)
{
    if (fo < ro->functies || fo >= ro->functies + hy->n)
        return bouw_functie(ctx, fo, rn, laatste); /* not one of the region's own: not shared */
    return hy->functie[(size_t)laatste * hy->n + (size_t)(fo - ro->functies)];
}

/*
 * The product part of the hybrid with groups 0..laatste replaced, for the
 * region hy->regio[laatste]: *hp is filled, its mix allocated in ctx.
 */
static void bouw_product(tarief_ctx *ctx, const hybriden *hy, const tarief_regio *ro, const tarief_afleiding *ao,
                         const tarief_regio *rn, const tarief_product *pn, int laatste, tarief_product *hp)
{
    const tarief_product *po = ao->product;
    bool g[TARIEF_G_COUNT];
    groepen_tot(laatste, g);
    *hp = *po;

    for (int id = 0; id < TARIEF_P_COUNT; id++)
        if (g[tarief_param_groep((tarief_param_id)id)])
            hp->params[id] = pn->params[id];
    if (g[TARIEF_G_INZET]) {
        hp->uren_per_eenheid = pn->uren_per_eenheid;
        hp->begeleiders = pn->begeleiders;
        hp->groepsgrootte = pn->groepsgrootte;
    }
    if (g[TARIEF_G_HUISVESTING_VERZORGING]) {
        hp->huisvesting = pn->huisvesting;
        hp->verzorging = pn->verzorging;
    }
    if (!g[TARIEF_G_INDEXATIE] && ao->indexatie_vng && ao->indexatie.param) {
        /* indexatie;vng is computed from the tariefjaar, the index series
         * and the price level of the salary table: until group 9 the old
         * indexation applies as the percentage it came to, whatever table
         * the earlier groups brought in */
        tarief_param ix = *ao->indexatie.param;
        ix.keuze = TARIEF_INDEXATIE_PERCENTAGE;
        ix.waarde = ao->indexatie.waarde;
        hp->params[TARIEF_P_INDEXATIE] = ix;
    }
    if (g[TARIEF_G_FUNCTIEMIX]) {
        /* its functies are the new definitions: group 3 came first */
        hp->mix = pn->mix;
        hp->n_mix = pn->n_mix;
        return;
    }
    tarief_mix *mix = tarief_ctx_alloc(ctx, (po->n_mix + 1) * sizeof *mix);
    for (size_t j = 0; j < po->n_mix; j++) {
        mix[j] = po->mix[j];
        mix[j].functie = hybride_functie(ctx, hy, ro, po->mix[j].functie, rn, laatste);
    }
    hp->mix = mix;
}

static long long cent(double x)
{
    return llround(x * 100.0);
}

/*
 * The derivations of product vp with groups 0..k replaced, k = 0..G-2, into
 * stap (allocated in ctx); stap[G-1] is vp->nieuw. A NaN tariff (cannot
 * happen for inputs that loaded) is replaced by the step before it, so it
 * never reaches the cents: that group then moves nothing and the warning
 * of onverklaard_cent tells. *rest: the new tariff minus the last hybrid's.
 */
static void stappen(tarief_ctx *ctx, const hybriden *hy, const tarief_regio *ro, const tarief_regio *rn,
                    const tarief_verschil_product *vp, const tarief_afleiding *stap[TARIEF_G_COUNT],
                    long long *rest)
{
    const tarief_product *pn = vp->nieuw->product;
    for (int k = 0; k < TARIEF_G_COUNT; k++) {
        tarief_product *hp = tarief_ctx_alloc(ctx, sizeof *hp);
        tarief_afleiding *a = tarief_ctx_alloc(ctx, sizeof *a);
        bouw_product(ctx, hy, ro, vp->oud, rn, pn, k, hp);
        tarief_bereken_product(&hy->regio[k], hp, a, ctx);
        if (!isfinite(a->tarief) && k < TARIEF_G_COUNT - 1)
            a = (tarief_afleiding *)(k ? stap[k - 1] : vp->oud);
        if (k == TARIEF_G_COUNT - 1) {
            /* everything replaced: the hybrid must be the new calculation;
             * the last step lands on the new tariff itself */
            *rest = isfinite(a->tarief) ? cent(vp->nieuw->tarief) - cent(a->tarief)
                                        : cent(vp->nieuw->tarief) - cent(vp->oud->tarief);
            stap[k] = vp->nieuw;
        } else {
            stap[k] = a;
        }
    }
}

/*
 * One product: its contributions, and its causes. The intermediate
 * derivations are built in klad, which is reset afterwards, unless the
 * caller keeps them (keep: in ctx, into vp->stap); only the cents and the
 * causes (copied into ctx) stay. That bounds the memory per product.
 */
static void ontleed(tarief_ctx *ctx, tarief_ctx *klad, bool keep, const hybriden *hy, const tarief_regio *ro,
                    const tarief_regio *rn, tarief_verschil_product *vp)
{
    const tarief_product *po = vp->oud->product, *pn = vp->nieuw->product;
    vp->oud_cent = cent(vp->oud->tarief);
    vp->nieuw_cent = cent(vp->nieuw->tarief);
    vp->verschil_cent = vp->nieuw_cent - vp->oud_cent;
    vp->pct_bekend = vp->oud_cent != 0;
    vp->verschil_pct = vp->pct_bekend ? (double)vp->verschil_cent / (double)vp->oud_cent * 100 : 0;
    const tarief_afleiding *stap[TARIEF_G_COUNT];
    stappen(keep ? ctx : klad, hy, ro, rn, vp, stap, &vp->onverklaard_cent);
    long long vorig = vp->oud_cent;
    for (int k = 0; k < TARIEF_G_COUNT; k++) {
        long long t = cent(stap[k]->tarief);
        vp->bijdrage_cent[k] = t - vorig;
        vorig = t;
        vp->stap[k] = keep || k == TARIEF_G_COUNT - 1 ? stap[k] : NULL;
    }
    vp->eenheid_gewijzigd = po->eenheid != pn->eenheid;
    const tarief_oorzaak *o = tarief_oorzaken(klad, vp->oud, vp->nieuw, &vp->n_oorzaken);
    vp->oorzaken = vgl_oorzaken_kopie(ctx, o, vp->n_oorzaken);
    ti_ctx_reset(klad);
}

const tarief_verschillen *tarief_verschil_bereken(tarief_ctx *ctx, const tarief_regio *oud,
                                                  const tarief_regio *nieuw)
{
    tarief_verschil_options o = {.tussenstappen = true};
    return tarief_verschil_bereken_opt(ctx, oud, nieuw, &o);
}

const tarief_verschillen *tarief_verschil_bereken_opt(tarief_ctx *ctx, const tarief_regio *oud,
                                                      const tarief_regio *nieuw, const tarief_verschil_options *opts)
{
    bool keep = opts == NULL || opts->tussenstappen;
    tarief_verschillen *d = tarief_ctx_alloc(ctx, sizeof *d);
    d->oud = oud;
    d->nieuw = nieuw;
    const tarief_afleiding *ao = tarief_bereken(ctx, oud, NULL);
    const tarief_afleiding *an = tarief_bereken(ctx, nieuw, NULL);
    /* the added and removed products counted first: a list the size of
     * every product would cost two derivations (1 kB) per product */
    size_t n_toe = 0, n_weg = 0;
    for (size_t i = 0; i < nieuw->n_producten; i++)
        n_toe += tarief_regio_product(oud, nieuw->producten[i].code) == NULL;
    for (size_t i = 0; i < oud->n_producten; i++)
        n_weg += tarief_regio_product(nieuw, oud->producten[i].code) == NULL;
    d->producten = tarief_ctx_alloc(ctx, (nieuw->n_producten - n_toe + 1) * sizeof *d->producten);
    tarief_afleiding *toe = tarief_ctx_alloc(ctx, (n_toe + 1) * sizeof *toe);
    tarief_afleiding *weg = tarief_ctx_alloc(ctx, (n_weg + 1) * sizeof *weg);
    hybriden *hy = tarief_ctx_alloc(ctx, sizeof *hy);
    for (int k = 0; k < TARIEF_G_COUNT; k++)
        bouw_regio(oud, nieuw, k, &hy->regio[k]);
    hy->n = oud->n_functies;
    hy->functie = tarief_ctx_alloc(ctx, (TARIEF_G_COUNT * hy->n + 1) * sizeof *hy->functie);
    /* the hybrid of every old functie before the functiemix group (from
     * then on the mix is the new one): shared by all products */
    for (int k = 0; k < TARIEF_G_FUNCTIEMIX; k++)
        for (size_t j = 0; j < hy->n; j++)
            hy->functie[(size_t)k * hy->n + j] = bouw_functie(ctx, &oud->functies[j], nieuw, k);
    d->hybriden = hy;
    tarief_ctx *klad = tarief_ctx_new();
    for (size_t i = 0; i < nieuw->n_producten; i++) {
        const tarief_product *pn = &nieuw->producten[i];
        const tarief_product *po = tarief_regio_product(oud, pn->code);
        if (po == NULL) {
            toe[d->n_toegevoegd++] = an[i];
            continue;
        }
        tarief_verschil_product *vp = &d->producten[d->n_producten++];
        vp->oud = &ao[po - oud->producten];
        vp->nieuw = &an[i];
        ontleed(ctx, klad, keep, hy, oud, nieuw, vp);
    }
    tarief_ctx_free(klad);
    for (size_t i = 0; i < oud->n_producten; i++)
        if (tarief_regio_product(nieuw, oud->producten[i].code) == NULL)
            weg[d->n_vervallen++] = ao[i];
    d->toegevoegd = toe;
    d->vervallen = weg;
    return d;
}

void tarief_verschil_stappen(tarief_ctx *ctx, const tarief_verschillen *d, size_t i,
                             const tarief_afleiding *stap[TARIEF_G_COUNT])
{
    long long rest;
    stappen(ctx, d->hybriden, d->oud, d->nieuw, &d->producten[i], stap, &rest);
}

/* --- CSV -------------------------------------------------------------------------- */

static void cent_veld(FILE *out, long long c)
{
    fprintf(out, "%s%lld,%02lld", c < 0 ? "-" : "", llabs(c) / 100, llabs(c) % 100);
}

/* Every cause as "groep: oorzaak (file:line)", joined by " | ", quoted. */
static void oorzaken_veld(FILE *out, const tarief_verschil_product *vp)
{
    if (vp->n_oorzaken == 0)
        return;
    fputc('"', out);
    for (size_t k = 0; k < vp->n_oorzaken; k++) {
        const tarief_oorzaak *o = &vp->oorzaken[k];
        if (k)
            fputs(" | ", out);
        fprintf(out, "%s: ", tarief_groep_info_get(o->groep)->label);
        for (const char *c = o->volledig; *c; c++) {
            if (*c == '"')
                fputc('"', out);
            fputc(*c, out);
        }
    }
    fputc('"', out);
}

static void kop(FILE *out, const tarief_afleiding *a, const char *status)
{
    const tarief_product *p = a->product;
    vgl_csv_tekst(out, p->code);
    fputc(';', out);
    vgl_csv_tekst(out, p->naam);
    fprintf(out, ";%s;%s;", tarief_eenheid_naam(p->eenheid), status);
}

int tarief_verschil_csv_write(FILE *out, const tarief_verschillen *d)
{
    errno = 0;
    fputs("code;naam;eenheid;status;oud;nieuw;verschil;verschil_pct", out);
    for (int g = 0; g < TARIEF_G_COUNT; g++)
        fprintf(out, ";%s", tarief_groep_info_get((tarief_groep)g)->kolom);
    fputs(";oorzaken\n", out);
    for (size_t i = 0; i < d->n_producten; i++) {
        const tarief_verschil_product *vp = &d->producten[i];
        kop(out, vp->nieuw, "beide");
        cent_veld(out, vp->oud_cent);
        fputc(';', out);
        cent_veld(out, vp->nieuw_cent);
        fputc(';', out);
        cent_veld(out, vp->verschil_cent);
        fputc(';', out);
        if (vp->pct_bekend)
            vgl_csv_getal(out, vp->verschil_pct, 2);
        for (int g = 0; g < TARIEF_G_COUNT; g++) {
            fputc(';', out);
            cent_veld(out, vp->bijdrage_cent[g]);
        }
        fputc(';', out);
        oorzaken_veld(out, vp);
        fputc('\n', out);
    }
    for (size_t i = 0; i < d->n_toegevoegd; i++) {
        kop(out, &d->toegevoegd[i], "toegevoegd");
        fputc(';', out);
        cent_veld(out, cent(d->toegevoegd[i].tarief));
        for (int g = 0; g < TARIEF_G_COUNT + 3; g++)
            fputc(';', out);
        fputc('\n', out);
    }
    for (size_t i = 0; i < d->n_vervallen; i++) {
        kop(out, &d->vervallen[i], "vervallen");
        cent_veld(out, cent(d->vervallen[i].tarief));
        for (int g = 0; g < TARIEF_G_COUNT + 4; g++)
            fputc(';', out);
        fputc('\n', out);
    }
    if (fflush(out) != 0 || ferror(out))
        return -1;
    return 0;
}
