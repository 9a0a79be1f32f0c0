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
            fa->vakantietoeslag = ti_resolve_param(r, p, cao, TARIEF_P_VAKANTIETOESLAG);
            fa->eindejaarsuitkering = ti_resolve_param(r, p, cao, TARIEF_P_EINDEJAARSUITKERING);
            fa->ort = ti_resolve_param(r, p, cao, TARIEF_P_ORT);
            if (p->mix[i].ort.set) /* functiemix > product > regio > default */
                fa->ort = (tarief_invoer){.waarde = p->mix[i].ort.waarde,
                                          .herkomst = TARIEF_HERKOMST_FUNCTIEMIX,
                                          .param = &p->mix[i].ort};
            fa->werkgeverslasten = ti_resolve_param(r, p, cao, TARIEF_P_WERKGEVERSLASTEN);
            fa->jaaruren = ti_resolve_param(r, p, cao, TARIEF_P_JAARUREN);
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
        a->productiviteit = ti_resolve_param(r, p, NULL, TARIEF_P_PRODUCTIVITEIT);
    } else {
        double sum = 0;
        for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++) {
            a->componenten[k] = ti_resolve_param(r, p, NULL, (tarief_param_id)(TARIEF_P_COMPONENT_FIRST + k));
            sum += a->componenten[k].waarde;
        }
        a->productiviteit_uit_componenten = true;
        a->productiviteit.herkomst = TARIEF_HERKOMST_AFGELEID;
        a->productiviteit.waarde = 1 - sum;
    }
    a->reis_en_opleiding = ti_resolve_param(r, p, NULL, TARIEF_P_REIS_EN_OPLEIDING);
    a->gemeentelijke_verplichtingen = ti_resolve_param(r, p, NULL, TARIEF_P_GEMEENTELIJKE_VERPLICHTINGEN);
    a->overhead = ti_resolve_param(r, p, NULL, TARIEF_P_OVERHEAD);
    a->overhead_grondslag = ti_resolve_param(r, p, NULL, TARIEF_P_OVERHEAD_GRONDSLAG);
    a->risico = ti_resolve_param(r, p, NULL, TARIEF_P_RISICO);
    a->indexatie = ti_resolve_param(r, p, NULL, TARIEF_P_INDEXATIE);
    if (a->indexatie.herkomst != TARIEF_HERKOMST_STANDAARD && a->indexatie.keuze == TARIEF_INDEXATIE_VNG) {
        /* indexatie;vng: the percentage is the compounded VNG index. The
         * loader has checked that it can be computed; if a caller skipped
         * loading, NaN makes the gap visible instead of indexing by 0. */
        tarief_indexfout fout;
        a->indexatie_vng = ti_indexatie_vng_product(ctx, r, p, &fout);
        a->indexatie.waarde = a->indexatie_vng ? a->indexatie_vng->indexatie : NAN;
    }
    a->afronding = ti_resolve_param(r, p, NULL, TARIEF_P_AFRONDING);

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
    /* pgb tariffs: a share of the (rounded) tariff, to the cent */
    a->pgb_professioneel = ti_resolve_param(r, p, NULL, TARIEF_P_PGB_PROFESSIONEEL);
    a->pgb_informeel = ti_resolve_param(r, p, NULL, TARIEF_P_PGB_INFORMEEL);
    if (tarief_afleiding_pgb(a, TARIEF_P_PGB_PROFESSIONEEL))
        a->pgb_professioneel_tarief = tarief_round(a->tarief * a->pgb_professioneel.waarde, 2);
    if (tarief_afleiding_pgb(a, TARIEF_P_PGB_INFORMEEL))
        a->pgb_informeel_tarief = tarief_round(a->tarief * a->pgb_informeel.waarde, 2);
}

bool tarief_afleiding_pgb(const tarief_afleiding *a, tarief_param_id id)
{
    const tarief_invoer *v = id == TARIEF_P_PGB_PROFESSIONEEL ? &a->pgb_professioneel
                             : id == TARIEF_P_PGB_INFORMEEL   ? &a->pgb_informeel
                                                              : NULL;
    return v != NULL && v->herkomst != TARIEF_HERKOMST_STANDAARD;
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
void ti_bereken_in(const tarief_regio *r, const tarief_product *p, tarief_afleiding *a,
                       tarief_functie_afleiding *functies, tarief_ctx *ctx)
{
    bereken(r, p, a, functies, ctx);
}
