/*
 * vergelijk.c - which inputs differ between two derivations of a product
 * (tarief_oorzaken), and `vergelijk`: a region and an aanbieder side by side,
 * per NvO element, with the inputs that cause each difference.
 *
 * Nothing here recomputes a step of the method: both sides are computed by
 * tarief_bereken_product and only their records are compared.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vergelijk_internal.h"

/* --- causes ------------------------------------------------------------------ */

typedef struct lijst {
    tarief_ctx *ctx;
    tarief_oorzaak *items;
    size_t n, cap;
} lijst;

static void voeg_toe(lijst *l, tarief_groep g, unsigned elementen, const tarief_bron *bron, const char *tekst)
{
    /* the same difference met again (a parameter shared by several functies) */
    for (size_t i = 0; i < l->n; i++) {
        const tarief_oorzaak *o = &l->items[i];
        if (o->groep == g && strcmp(o->tekst, tekst) == 0 &&
            ((o->bron.file == NULL && (bron == NULL || bron->file == NULL)) ||
             (o->bron.file && bron && bron->file && strcmp(o->bron.file, bron->file) == 0 &&
              o->bron.line == bron->line))) {
            l->items[i].elementen |= elementen;
            return;
        }
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        tarief_oorzaak *n = tarief_ctx_alloc(l->ctx, cap * sizeof *n);
        if (l->n)
            memcpy(n, l->items, l->n * sizeof *n);
        l->items = n;
        l->cap = cap;
    }
    tarief_oorzaak *o = &l->items[l->n++];
    o->groep = g;
    o->elementen = elementen;
    o->tekst = tekst;
    if (bron)
        o->bron = *bron;
    const char *w = vgl_bron_tekst(l->ctx, &o->bron);
    o->volledig = w ? ti_ctx_printf(l->ctx, "%s (%s)", tekst, w) : tekst;
}

#define BIT(e) (1u << (e))

static const tarief_bron *invoer_bron(const tarief_invoer *v)
{
    return v->param ? &v->param->bron : NULL;
}

/* A resolved parameter that differs: "<naam> <ander> i.p.v. <basis>". */
static void param_verschil(lijst *l, int id, const tarief_invoer *a, const tarief_invoer *b, unsigned elementen)
{
    const tarief_param_info *info = tarief_param_info_get((tarief_param_id)id);
    bool keuze = info->soort == TARIEF_SOORT_KEUZE;
    if (keuze ? a->keuze == b->keuze : a->waarde == b->waarde)
        return;
    const char *tekst = ti_ctx_printf(l->ctx, "%s %s i.p.v. %s", info->naam,
                                          vgl_param_waarde(l->ctx, id, b->waarde, b->keuze),
                                          vgl_param_waarde(l->ctx, id, a->waarde, a->keuze));
    voeg_toe(l, tarief_param_groep((tarief_param_id)id), elementen, invoer_bron(b), tekst);
}

static const tarief_functie_afleiding *zoek_functie(const tarief_afleiding *a, const char *naam)
{
    for (size_t i = 0; i < a->n_functies; i++)
        if (strcmp(a->functies[i].functie->naam, naam) == 0)
            return &a->functies[i];
    return NULL;
}

static const char *inschaling(tarief_ctx *ctx, const tarief_functie *f)
{
    if (f->loonkosten_per_uur.set || f->cao == NULL || f->salaris == NULL)
        return ti_ctx_printf(ctx, "loonkosten_per_uur %s", vgl_geld(ctx, f->loonkosten_per_uur.waarde));
    return ti_ctx_printf(ctx, "schaal %s trede %s (cao %s)", f->salaris->schaal, f->salaris->trede, f->cao->id);
}

static void functie_verschil(lijst *l, const tarief_functie_afleiding *fa, const tarief_functie_afleiding *fb)
{
    tarief_ctx *ctx = l->ctx;
    const tarief_functie *a = fa->functie, *b = fb->functie;
    const unsigned e1 = BIT(TARIEF_E_KOSTEN_BEROEPSKRACHT);
    if (fa->per_uur && fb->per_uur) {
        if (fa->kosten_per_uur != fb->kosten_per_uur)
            voeg_toe(l, TARIEF_G_FUNCTIES, e1, &b->loonkosten_per_uur.bron,
                     ti_ctx_printf(ctx, "loonkosten_per_uur %s %s i.p.v. %s", b->naam,
                                       vgl_geld(ctx, fb->kosten_per_uur), vgl_geld(ctx, fa->kosten_per_uur)));
    } else if (!fa->per_uur && !fb->per_uur && strcmp(a->salaris->schaal, b->salaris->schaal) == 0 &&
               strcmp(a->salaris->trede, b->salaris->trede) == 0) {
        /* the same inschaling: only the table can differ */
        if (a->salaris->maandsalaris != b->salaris->maandsalaris) {
            const char *tekst;
            if (a->cao != b->cao && strcmp(a->cao->id, b->cao->id) != 0)
                tekst = ti_ctx_printf(ctx, "maandsalaris %s (schaal %s trede %s) %s (cao %s) i.p.v. %s (cao %s)",
                                          b->naam, b->salaris->schaal, b->salaris->trede,
                                          vgl_geld(ctx, b->salaris->maandsalaris), b->cao->id,
                                          vgl_geld(ctx, a->salaris->maandsalaris), a->cao->id);
            else
                tekst = ti_ctx_printf(ctx, "maandsalaris %s (schaal %s trede %s) %s i.p.v. %s", b->naam,
                                          b->salaris->schaal, b->salaris->trede,
                                          vgl_geld(ctx, b->salaris->maandsalaris),
                                          vgl_geld(ctx, a->salaris->maandsalaris));
            voeg_toe(l, TARIEF_G_CAO_SALARIS, e1, &b->salaris->bron, tekst);
        }
    } else {
        /* another inschaling; when the other side's table also holds the
         * basis's schaal and trede, the table's own change is a separate
         * cause (group 1 of `verschil` replaces it first) */
        if (!fa->per_uur && !fb->per_uur && a->cao != b->cao) {
            const tarief_salaris *s = NULL;
            for (size_t k = 0; k < b->cao->n_salarissen && !s; k++)
                if (strcmp(b->cao->salarissen[k].schaal, a->salaris->schaal) == 0 &&
                    strcmp(b->cao->salarissen[k].trede, a->salaris->trede) == 0)
                    s = &b->cao->salarissen[k];
            if (s && s->maandsalaris != a->salaris->maandsalaris)
                voeg_toe(l, TARIEF_G_CAO_SALARIS, e1, &s->bron,
                         ti_ctx_printf(ctx, "maandsalaris %s (schaal %s trede %s) %s (cao %s) i.p.v. %s (cao %s)",
                                           a->naam, s->schaal, s->trede, vgl_geld(ctx, s->maandsalaris),
                                           b->cao->id, vgl_geld(ctx, a->salaris->maandsalaris), a->cao->id));
        }
        voeg_toe(l, TARIEF_G_FUNCTIES, e1, &b->bron,
                 ti_ctx_printf(ctx, "functie %s: %s i.p.v. %s", b->naam, inschaling(ctx, b), inschaling(ctx, a)));
    }
    if (!fa->per_uur && !fb->per_uur) {
        param_verschil(l, TARIEF_P_VAKANTIETOESLAG, &fa->vakantietoeslag, &fb->vakantietoeslag, e1);
        param_verschil(l, TARIEF_P_EINDEJAARSUITKERING, &fa->eindejaarsuitkering, &fb->eindejaarsuitkering, e1);
        param_verschil(l, TARIEF_P_ORT, &fa->ort, &fb->ort, e1);
        param_verschil(l, TARIEF_P_WERKGEVERSLASTEN, &fa->werkgeverslasten, &fb->werkgeverslasten, e1);
        param_verschil(l, TARIEF_P_JAARUREN, &fa->jaaruren, &fb->jaaruren, e1);
    }
}

static void mix_verschil(lijst *l, const char *naam, double a, double b, const tarief_bron *bron)
{
    char x[32], y[32];
    if (a == b)
        return;
    voeg_toe(l, TARIEF_G_FUNCTIEMIX, BIT(TARIEF_E_KOSTEN_BEROEPSKRACHT), bron,
             ti_ctx_printf(l->ctx, "functiemix %s %s i.p.v. %s", naam, tarief_fmt_pct(x, sizeof x, b),
                               tarief_fmt_pct(y, sizeof y, a)));
}

static void getal_verschil(lijst *l, tarief_groep g, tarief_element e, const char *naam, const tarief_param *a,
                           const tarief_param *b, bool geld)
{
    if (a->waarde == b->waarde)
        return;
    char x[64], y[64];
    const char *tekst = geld ? ti_ctx_printf(l->ctx, "%s %s i.p.v. %s", naam, vgl_geld(l->ctx, b->waarde),
                                                 vgl_geld(l->ctx, a->waarde))
                             : ti_ctx_printf(l->ctx, "%s %s i.p.v. %s", naam,
                                                 tarief_fmt_nl_trim(x, sizeof x, b->waarde, 0, 6),
                                                 tarief_fmt_nl_trim(y, sizeof y, a->waarde, 0, 6));
    voeg_toe(l, g, BIT(e), b->set ? &b->bron : NULL, tekst);
}

static int cmp_groep(const void *pa, const void *pb)
{
    const tarief_oorzaak *a = pa, *b = pb;
    if (a->groep != b->groep)
        return a->groep < b->groep ? -1 : 1;
    return 0;
}

const tarief_oorzaak *tarief_oorzaken(tarief_ctx *ctx, const tarief_afleiding *a, const tarief_afleiding *b,
                                      size_t *n)
{
    lijst l = {.ctx = ctx};
    const tarief_product *pa = a->product, *pb = b->product;

    /* functies in the other side's mix, then those only in the basis's */
    for (size_t i = 0; i < b->n_functies; i++) {
        const tarief_functie_afleiding *fb = &b->functies[i];
        const tarief_functie_afleiding *fa = zoek_functie(a, fb->functie->naam);
        if (fa)
            functie_verschil(&l, fa, fb);
        mix_verschil(&l, fb->functie->naam, fa ? fa->mix->aandeel : 0, fb->mix->aandeel, &fb->mix->bron);
    }
    for (size_t i = 0; i < a->n_functies; i++) {
        const tarief_functie_afleiding *fa = &a->functies[i];
        if (!zoek_functie(b, fa->functie->naam))
            mix_verschil(&l, fa->functie->naam, fa->mix->aandeel, 0,
                         b->n_functies ? &b->functies[0].mix->bron : NULL);
    }

    getal_verschil(&l, TARIEF_G_INZET, TARIEF_E_KOSTEN_BEROEPSKRACHT, "uren_per_eenheid", &pa->uren_per_eenheid,
                   &pb->uren_per_eenheid, false);
    getal_verschil(&l, TARIEF_G_INZET, TARIEF_E_KOSTEN_BEROEPSKRACHT, "begeleiders", &pa->begeleiders,
                   &pb->begeleiders, false);
    getal_verschil(&l, TARIEF_G_INZET, TARIEF_E_KOSTEN_BEROEPSKRACHT, "groepsgrootte", &pa->groepsgrootte,
                   &pb->groepsgrootte, false);

    if (a->productiviteit.waarde != b->productiviteit.waarde) {
        const unsigned e2 = BIT(TARIEF_E_NIET_PRODUCTIEVE_UREN);
        if (a->productiviteit_uit_componenten && b->productiviteit_uit_componenten) {
            for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
                param_verschil(&l, TARIEF_P_COMPONENT_FIRST + k, &a->componenten[k], &b->componenten[k], e2);
        } else {
            /* the two sides use different forms: compare the outcome, at
             * the productiviteit or the first component the other side sets */
            char x[32], y[32];
            const tarief_bron *bron = invoer_bron(&b->productiviteit);
            for (int k = 0; b->productiviteit_uit_componenten && k < TARIEF_P_COMPONENT_COUNT && !bron; k++)
                bron = invoer_bron(&b->componenten[k]);
            voeg_toe(&l, TARIEF_G_PRODUCTIVITEIT, e2, bron,
                     ti_ctx_printf(ctx, "productiviteit %s%s i.p.v. %s%s",
                                       tarief_fmt_pct(x, sizeof x, b->productiviteit.waarde),
                                       b->productiviteit_uit_componenten ? " (uit de niet-productieve onderdelen)" : "",
                                       tarief_fmt_pct(y, sizeof y, a->productiviteit.waarde),
                                       a->productiviteit_uit_componenten ? " (uit de niet-productieve onderdelen)" : ""));
        }
    }
    param_verschil(&l, TARIEF_P_REIS_EN_OPLEIDING, &a->reis_en_opleiding, &b->reis_en_opleiding,
                   BIT(TARIEF_E_REIS_EN_OPLEIDING));
    param_verschil(&l, TARIEF_P_GEMEENTELIJKE_VERPLICHTINGEN, &a->gemeentelijke_verplichtingen,
                   &b->gemeentelijke_verplichtingen, BIT(TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN));
    param_verschil(&l, TARIEF_P_OVERHEAD, &a->overhead, &b->overhead, BIT(TARIEF_E_OVERHEAD));
    param_verschil(&l, TARIEF_P_OVERHEAD_GRONDSLAG, &a->overhead_grondslag, &b->overhead_grondslag,
                   BIT(TARIEF_E_OVERHEAD));
    param_verschil(&l, TARIEF_P_RISICO, &a->risico, &b->risico, BIT(TARIEF_E_RISICO));
    getal_verschil(&l, TARIEF_G_HUISVESTING_VERZORGING, TARIEF_E_HUISVESTING, "huisvesting", &pa->huisvesting,
                   &pb->huisvesting, true);
    getal_verschil(&l, TARIEF_G_HUISVESTING_VERZORGING, TARIEF_E_VERZORGING, "verzorging", &pa->verzorging,
                   &pb->verzorging, true);
    if (a->indexatie.waarde != b->indexatie.waarde) {
        tarief_invoer ia = a->indexatie, ib = b->indexatie;
        /* a computed indexation (indexatie;vng) is compared by its value */
        ia.keuze = ib.keuze = 0;
        param_verschil(&l, TARIEF_P_INDEXATIE, &ia, &ib, BIT(TARIEF_E_INDEXATIE));
    }
    param_verschil(&l, TARIEF_P_AFRONDING, &a->afronding, &b->afronding, BIT(TARIEF_E_AFRONDINGSVERSCHIL));

    /* group order, stable within a group (insertion order) */
    for (size_t i = 1; i < l.n; i++)
        for (size_t j = i; j > 0 && cmp_groep(&l.items[j - 1], &l.items[j]) > 0; j--) {
            tarief_oorzaak t = l.items[j];
            l.items[j] = l.items[j - 1];
            l.items[j - 1] = t;
        }
    *n = l.n;
    return l.items ? l.items : tarief_ctx_alloc(ctx, sizeof(tarief_oorzaak));
}

/* s in ctx, once per distinct text (m: text -> the copy): a region-wide
 * cause ("overhead 24 % i.p.v. 20 % (…:4)") is the same text for every
 * product, and at national scale the copies were a tenth of the memory. */
static const char *eenmaal(tarief_ctx *ctx, tmap *m, const char *s)
{
    if (!s[0])
        return "";
    const char *c = ti_map_get(m, s);
    if (c)
        return c;
    c = tarief_ctx_strdup(ctx, s);
    ti_map_put(ctx, m, c, (void *)c);
    return c;
}

static const tarief_oorzaak *oorzaken_eenmaal(tarief_ctx *ctx, tmap *m, const tarief_oorzaak *o, size_t n)
{
    tarief_oorzaak *c = tarief_ctx_alloc(ctx, (n ? n : 1) * sizeof *c);
    for (size_t i = 0; i < n; i++) {
        c[i] = o[i];
        c[i].tekst = eenmaal(ctx, m, o[i].tekst);
        c[i].volledig = eenmaal(ctx, m, o[i].volledig);
    }
    return c;
}

const tarief_oorzaak *vgl_oorzaken_kopie(tarief_ctx *ctx, const tarief_oorzaak *o, size_t n)
{
    tarief_oorzaak *c = tarief_ctx_alloc(ctx, (n ? n : 1) * sizeof *c);
    for (size_t i = 0; i < n; i++) {
        c[i] = o[i];
        c[i].tekst = tarief_ctx_strdup(ctx, o[i].tekst);
        c[i].volledig = o[i].volledig == o[i].tekst ? c[i].tekst : tarief_ctx_strdup(ctx, o[i].volledig);
    }
    return c;
}

/* --- vergelijk ------------------------------------------------------------------ */

bool vgl_verschilt(double a, double b)
{
    return fabs(a - b) >= TARIEF_VERSCHIL_DREMPEL;
}

/* Lower-case first letter of an element label, for running text. */
static const char *label_klein(tarief_ctx *ctx, tarief_element e)
{
    char *s = tarief_ctx_strdup(ctx, tarief_element_info_get(e)->label);
    if (s[0] >= 'A' && s[0] <= 'Z')
        s[0] = (char)(s[0] - 'A' + 'a');
    return s;
}

/* The earlier elements an element is computed from (rekenmethode §3). */
static unsigned bovenstrooms(tarief_element e)
{
    const unsigned e1 = BIT(TARIEF_E_KOSTEN_BEROEPSKRACHT), e2 = BIT(TARIEF_E_NIET_PRODUCTIEVE_UREN),
                   e3 = BIT(TARIEF_E_REIS_EN_OPLEIDING), e5 = BIT(TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN),
                   e4 = BIT(TARIEF_E_OVERHEAD), e6 = BIT(TARIEF_E_HUISVESTING), e7 = BIT(TARIEF_E_VERZORGING),
                   r = BIT(TARIEF_E_RISICO), e8 = BIT(TARIEF_E_INDEXATIE);
    switch (e) {
    case TARIEF_E_NIET_PRODUCTIEVE_UREN: return e1;
    case TARIEF_E_REIS_EN_OPLEIDING:
    case TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN: return e1 | e2;
    case TARIEF_E_OVERHEAD: return e1 | e2 | e3 | e5;
    case TARIEF_E_RISICO: return e1 | e2 | e3 | e4 | e5 | e6 | e7;
    case TARIEF_E_INDEXATIE: return e1 | e2 | e3 | e4 | e5 | e6 | e7 | r;
    case TARIEF_E_AFRONDINGSVERSCHIL: return e1 | e2 | e3 | e4 | e5 | e6 | e7 | r | e8;
    default: return 0;
    }
}

static void plak(tarief_ctx *ctx, char **s, const char *sep, const char *deel)
{
    *s = (*s)[0] ? ti_ctx_printf(ctx, "%s%s%s", *s, sep, deel) : tarief_ctx_strdup(ctx, deel);
}

static const char *verklaar(tarief_ctx *ctx, const tarief_vergelijk_product *vp, tarief_element e)
{
    const tarief_afleiding *a = vp->regio, *b = vp->aanbieder;
    if (!vgl_verschilt(a->element[e], b->element[e]))
        return "";
    char *s = "";
    for (size_t i = 0; i < vp->n_oorzaken; i++)
        if (vp->oorzaken[i].elementen & BIT(e))
            plak(ctx, &s, "; ", vp->oorzaken[i].volledig);
    unsigned boven = bovenstrooms(e);
    char *door = "";
    if (e == TARIEF_E_AFRONDINGSVERSCHIL) {
        if (vgl_verschilt(a->ongerond, b->ongerond))
            door = "doorwerking van het ongeronde tarief";
    } else if (e == TARIEF_E_RISICO || e == TARIEF_E_INDEXATIE) {
        bool k = vgl_verschilt(a->kostprijs, b->kostprijs);
        bool r = e == TARIEF_E_INDEXATIE && vgl_verschilt(a->element[TARIEF_E_RISICO], b->element[TARIEF_E_RISICO]);
        if (k || r)
            door = ti_ctx_printf(ctx, "doorwerking van %s", k && r ? "kostprijs en risico-opslag"
                                                                : k    ? "de kostprijs"
                                                                       : "de risico-opslag");
    } else {
        for (int u = 0; u < TARIEF_E_COUNT; u++)
            if ((boven & BIT(u)) && vgl_verschilt(a->element[u], b->element[u]))
                plak(ctx, &door, ", ", label_klein(ctx, (tarief_element)u));
        if (door[0])
            door = ti_ctx_printf(ctx, "doorwerking van %s", door);
    }
    if (door[0])
        plak(ctx, &s, "; ", door);
    return s;
}

const tarief_vergelijking *tarief_vergelijk(tarief_ctx *ctx, const tarief_regio *regio,
                                            const tarief_regio *aanbieder)
{
    tarief_vergelijking *v = tarief_ctx_alloc(ctx, sizeof *v);
    v->regio = regio;
    v->aanbieder = aanbieder;
    const tarief_afleiding *ar = tarief_bereken(ctx, regio, NULL);
    const tarief_afleiding *aa = tarief_bereken(ctx, aanbieder, NULL);
    v->producten = tarief_ctx_alloc(ctx, (regio->n_producten + 1) * sizeof *v->producten);
    tarief_ctx *klad = tarief_ctx_new();
    tmap teksten;
    ti_map_init(ctx, &teksten, 1024);
    for (size_t i = 0; i < regio->n_producten; i++) {
        const tarief_product *p = &regio->producten[i];
        const tarief_product *q = tarief_regio_product(aanbieder, p->code);
        if (q == NULL)
            continue; /* cannot happen: the overlay keeps every product */
        const tarief_afleiding *b = &aa[q - aanbieder->producten];
        tarief_vergelijk_product *vp = &v->producten[v->n_producten++];
        vp->regio = &ar[i];
        vp->aanbieder = b;
        /* the causes and texts are put together in klad (every partial
         * text is a new string); only the finished ones are copied into
         * ctx, so the memory per product is what the output holds */
        vp->oorzaken = tarief_oorzaken(klad, vp->regio, b, &vp->n_oorzaken);
        bool afw = vgl_verschilt(vp->regio->tarief, b->tarief);
        for (int e = 0; e < TARIEF_E_COUNT; e++) {
            const char *t = verklaar(klad, vp, (tarief_element)e);
            vp->verklaring[e] = eenmaal(ctx, &teksten, t);
            if (vp->verklaring[e][0] || vgl_verschilt(vp->regio->element[e], b->element[e]))
                afw = true;
        }
        char *s = "";
        for (size_t k = 0; afw && k < vp->n_oorzaken; k++)
            plak(klad, &s, "; ", vp->oorzaken[k].volledig);
        vp->verklaring_tarief = eenmaal(ctx, &teksten, s);
        vp->oorzaken = oorzaken_eenmaal(ctx, &teksten, vp->oorzaken, vp->n_oorzaken);
        vp->afwijkend = afw;
        for (int e = 0; e <= TARIEF_E_COUNT; e++) {
            double x = e < TARIEF_E_COUNT ? vp->regio->element[e] : vp->regio->tarief;
            double y = e < TARIEF_E_COUNT ? b->element[e] : b->tarief;
            vp->verschil[e] = y - x;
            vp->pct_bekend[e] = x != 0 && e != TARIEF_E_AFRONDINGSVERSCHIL;
            vp->verschil_pct[e] = vp->pct_bekend[e] ? (y - x) / x * 100 : 0;
        }
        if (afw)
            v->n_afwijkend++;
        /* what each cause contributes (oorzaken.c) */
        vp->bijdragen = tarief_bijdragen(ctx, regio, aanbieder, vp, &vp->n_bijdragen);
        ti_ctx_reset(klad);
    }
    tarief_ctx_free(klad);
    return v;
}

/* --- CSV -------------------------------------------------------------------------- */

/* Row k of product vp (k: an opbouw element, or TARIEF_E_COUNT for the tariff). */
static void csv_rij(FILE *out, const tarief_vergelijk_product *vp, int k, const char *element, double a, double b,
                    int dec, const char *oorzaak)
{
    const tarief_product *p = vp->regio->product;
    vgl_csv_tekst(out, p->code);
    fputc(';', out);
    vgl_csv_tekst(out, p->naam);
    fprintf(out, ";%s;%s;", tarief_eenheid_naam(p->eenheid), element);
    vgl_csv_getal(out, a, dec);
    fputc(';', out);
    vgl_csv_getal(out, b, dec);
    fputc(';', out);
    vgl_csv_getal(out, vp->verschil[k], dec);
    fputc(';', out);
    if (vp->pct_bekend[k])
        vgl_csv_getal(out, vp->verschil_pct[k], 2);
    fputc(';', out);
    vgl_csv_tekst(out, oorzaak);
    fputc('\n', out);
}

int tarief_vergelijk_csv_write(FILE *out, const tarief_vergelijking *v)
{
    errno = 0;
    fputs("code;naam;eenheid;element;regio;aanbieder;verschil;verschil_pct;oorzaak\n", out);
    for (size_t i = 0; i < v->n_producten; i++) {
        const tarief_vergelijk_product *vp = &v->producten[i];
        for (int e = 0; e < TARIEF_E_COUNT; e++)
            csv_rij(out, vp, e, tarief_element_info_get((tarief_element)e)->kolom, vp->regio->element[e],
                    vp->aanbieder->element[e], 6, vp->verklaring[e]);
        csv_rij(out, vp, TARIEF_E_COUNT, "tarief", vp->regio->tarief, vp->aanbieder->tarief, 2,
                vp->verklaring_tarief);
    }
    if (fflush(out) != 0 || ferror(out))
        return -1;
    return 0;
}
