/*
 * render.c - derivation records as text: the `uitleg` steps and the CSV of
 * §5 (`controleer` is in controleer.c). Nothing here recomputes a tariff;
 * every number is read from tarief_afleiding.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "stappen.h"

/* --- uitleg ---------------------------------------------------------------- */

#define MAX_INVOER 12 /* inputs shown per step */

typedef struct steps {
    tarief_ctx *ctx;
    const tarief_regio *r;
    tarief_stap *items;
    size_t n, cap;
} steps;

static const char *money(tarief_ctx *ctx, double x)
{
    char b[400];
    return tarief_ctx_strdup(ctx, tarief_fmt_nl_trim(b, sizeof b, x, 2, 6));
}

static const char *pct(tarief_ctx *ctx, double x)
{
    char b[400];
    return tarief_ctx_strdup(ctx, tarief_fmt_pct(b, sizeof b, x));
}

static const char *num(tarief_ctx *ctx, double x)
{
    char b[400];
    return tarief_ctx_strdup(ctx, tarief_fmt_nl_trim(b, sizeof b, x, 0, 6));
}

static tarief_stap *add_step(steps *s, int nummer, const char *functie, const char *label,
                             const char *formule, const char *ingevuld, double waarde,
                             const char *waarde_tekst, tarief_element el)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        tarief_stap *n = tarief_ctx_alloc(s->ctx, cap * sizeof *n);
        if (s->n)
            memcpy(n, s->items, s->n * sizeof *n);
        s->items = n;
        s->cap = cap;
    }
    tarief_stap *st = &s->items[s->n++];
    st->nummer = nummer;
    st->functie = functie;
    st->label = label;
    st->formule = formule;
    st->ingevuld = ingevuld;
    st->waarde = waarde;
    st->waarde_tekst = waarde_tekst;
    st->element = el;
    st->invoer = tarief_ctx_alloc(s->ctx, MAX_INVOER * sizeof *st->invoer);
    return st;
}

/* A step of the table (stappen.c): number, label, formula and element from
 * there; keuze picks the variant of a step that has them (E4, the tariff). */
static tarief_stap *add_stap(steps *s, int item, int keuze, const char *functie, const char *ingevuld,
                             double waarde, const char *waarde_tekst)
{
    const st_item *it = st_get(item);
    char buf[160];
    const char *label = st_label(item, keuze, buf, sizeof buf);
    if (label == buf)
        label = tarief_ctx_strdup(s->ctx, buf);
    return add_step(s, it->nummer, functie, label, st_formule_tekst(item, keuze), ingevuld, waarde,
                    waarde_tekst, (tarief_element)it->element);
}

static void add_in(steps *s, tarief_stap *st, const char *naam, const char *waarde, const char *herkomst,
                   tarief_bron bron)
{
    if (st->n_invoer >= MAX_INVOER)
        return;
    tarief_stap_invoer *in = &st->invoer[st->n_invoer++];
    in->naam = naam;
    in->waarde = waarde;
    in->herkomst = herkomst;
    in->bron = bron;
    (void)s;
}

static const char *herkomst_tekst(tarief_ctx *ctx, const tarief_invoer *v, const tarief_cao *cao)
{
    switch (v->herkomst) {
    case TARIEF_HERKOMST_PRODUCT: return "product";
    case TARIEF_HERKOMST_REGIO: return "regio";
    case TARIEF_HERKOMST_CAO: return cao ? ti_ctx_printf(ctx, "cao %s", cao->id) : "cao";
    case TARIEF_HERKOMST_AFGELEID: return "afgeleid";
    case TARIEF_HERKOMST_FUNCTIEMIX: return "functiemix";
    case TARIEF_HERKOMST_STANDAARD:
    default: return "standaardwaarde rekenmethode";
    }
}

static void add_param_in(steps *s, tarief_stap *st, tarief_param_id id, const tarief_invoer *v,
                         const tarief_cao *cao)
{
    const tarief_param_info *info = tarief_param_info_get(id);
    const char *w;
    if (id == TARIEF_P_INDEXATIE && v->keuze == TARIEF_INDEXATIE_VNG)
        w = ti_ctx_printf(s->ctx, "vng → %s", pct(s->ctx, v->waarde));
    else if (info->soort == TARIEF_SOORT_PERCENTAGE)
        w = pct(s->ctx, v->waarde);
    else if (info->soort == TARIEF_SOORT_KEUZE)
        w = tarief_param_keuze_naam(id, v->keuze);
    else if (info->soort == TARIEF_SOORT_JAAR)
        w = ti_ctx_printf(s->ctx, "%d", (int)v->waarde);
    else
        w = num(s->ctx, v->waarde);
    tarief_bron b = v->param ? v->param->bron : (tarief_bron){0};
    add_in(s, st, info->naam, w, herkomst_tekst(s->ctx, v, cao), b);
}

static void add_product_num_in(steps *s, tarief_stap *st, const char *naam, const tarief_param *p)
{
    add_in(s, st, naam, num(s->ctx, p->waarde), p->set ? "product" : "standaardwaarde rekenmethode",
           p->set ? p->bron : (tarief_bron){0});
}

/* --- indexatie;vng ----------------------------------------------------------- */

/* A percentage with at least two decimals, as the VNG writes its figures. */
static const char *pct2(tarief_ctx *ctx, double x)
{
    char b[400];
    tarief_fmt_nl_trim(b, sizeof b, x * 100.0, 2, 4);
    return ti_ctx_printf(ctx, "%s %%", b);
}

static void add_reeks_in(steps *s, tarief_stap *st, const char *naam, int jaar, const tarief_param *cel)
{
    add_in(s, st, ti_ctx_printf(s->ctx, "%s %d", naam, jaar), pct2(s->ctx, cel->waarde), "indexreeks", cel->bron);
}

/* One weighted figure: loondeel x OVA + (1 - loondeel) x PPC. */
static void add_gewogen_step(steps *s, const tarief_indexatie_vng *v, const char *soort, int jaar,
                             const tarief_param *ova, const tarief_param *ppc, double waarde, double ongerond)
{
    tarief_ctx *c = s->ctx;
    bool afr = v->tussenafronding.keuze == 1;
    const char *som = ti_ctx_printf(c, "%s × %s + %s × %s", pct(c, v->loondeel.waarde), pct2(c, ova->waarde),
                                        pct(c, 1 - v->loondeel.waarde), pct2(c, ppc->waarde));
    const char *formule = ti_ctx_printf(c, "%sloondeel × OVA_%s(%d) + (1 − loondeel) × PPC_%s(%d)%s",
                                            afr ? "AFRONDEN(" : "", soort, jaar, soort, jaar,
                                            afr ? "; 2)  (tussenafronding)" : "");
    const char *ingevuld = afr ? ti_ctx_printf(c, "AFRONDEN(%s; 2) = AFRONDEN(%s; 2)", som, pct(c, ongerond)) : som;
    tarief_stap *st = add_step(s, 16, NULL, ti_ctx_printf(c, "gewogen %s indexcijfer %d (VNG)", soort, jaar),
                               formule, ingevuld, waarde, pct2(c, waarde), TARIEF_E_COUNT);
    add_reeks_in(s, st, ti_ctx_printf(c, "OVA %s", soort), jaar, ova);
    add_reeks_in(s, st, ti_ctx_printf(c, "PPC %s", soort), jaar, ppc);
    add_param_in(s, st, TARIEF_P_INDEXATIE_LOONDEEL, &v->loondeel, NULL);
    add_param_in(s, st, TARIEF_P_INDEXATIE_TUSSENAFRONDING, &v->tussenafronding, NULL);
}

/* Per year: the weighted figures, the catch-up, the provider index; then
 * the compounding from prijspeil to tariefjaar. Read from the record only. */
static void add_index_steps(steps *s, const tarief_indexatie_vng *v)
{
    tarief_ctx *c = s->ctx;
    int van = (int)v->prijspeil.waarde;
    bool verhouding = v->methode.keuze == TARIEF_INDEXATIE_VERHOUDING;
    for (size_t i = 0; i < v->n_jaren; i++) {
        const tarief_indexjaar *j = &v->jaren[i];
        int y = j->jaar, x = j->jaar - 1;
        add_gewogen_step(s, v, "voorlopig", y, &j->rij->ova_voorlopig, &j->rij->ppc_voorlopig, j->gewogen_voorlopig,
                         j->gewogen_voorlopig_ongerond);
        add_gewogen_step(s, v, "definitief", x, &j->vorig->ova_definitief, &j->vorig->ppc_definitief,
                         j->vorig_gewogen_definitief, j->vorig_gewogen_definitief_ongerond);
        add_gewogen_step(s, v, "voorlopig", x, &j->vorig->ova_voorlopig, &j->vorig->ppc_voorlopig,
                         j->vorig_gewogen_voorlopig, j->vorig_gewogen_voorlopig_ongerond);
        tarief_stap *st =
            add_step(s, 16, NULL, ti_ctx_printf(c, "inhaalslag over %d (VNG)", x),
                     verhouding ? ti_ctx_printf(c, "(1 + gewogen definitief(%d)) / (1 + gewogen voorlopig(%d)) − 1", x, x)
                                : ti_ctx_printf(c, "gewogen definitief(%d) − gewogen voorlopig(%d)", x, x),
                     verhouding ? ti_ctx_printf(c, "(1 + %s) / (1 + %s) − 1", pct2(c, j->vorig_gewogen_definitief),
                                                    pct2(c, j->vorig_gewogen_voorlopig))
                                : ti_ctx_printf(c, "%s − %s", pct2(c, j->vorig_gewogen_definitief),
                                                    pct2(c, j->vorig_gewogen_voorlopig)),
                     j->inhaal, pct2(c, j->inhaal), TARIEF_E_COUNT);
        add_param_in(s, st, TARIEF_P_INDEXATIE_METHODE, &v->methode, NULL);
        st = add_step(s, 16, NULL, ti_ctx_printf(c, "aanbiedersindex %d (VNG)", y),
                      ti_ctx_printf(c, "index(%d) = AFRONDEN(gewogen voorlopig(%d) + inhaalslag(%d); 2)  (twee decimalen, zoals de VNG publiceert)", y, y, x),
                      ti_ctx_printf(c, "AFRONDEN(%s + %s; 2) = AFRONDEN(%s; 2)", pct2(c, j->gewogen_voorlopig),
                                        pct2(c, j->inhaal), pct2(c, j->index_ongerond)),
                      j->index, pct2(c, j->index), TARIEF_E_COUNT);
    }
    char *factoren = tarief_ctx_strdup(c, "");
    char *symbool = tarief_ctx_strdup(c, "");
    for (size_t i = 0; i < v->n_jaren; i++) {
        factoren = ti_ctx_printf(c, "%s%s(1 + %s)", factoren, i ? " × " : "", pct2(c, v->jaren[i].index));
        symbool = ti_ctx_printf(c, "%s%s(1 + index(%d))", symbool, i ? " × " : "", v->jaren[i].jaar);
    }
    tarief_stap *st = add_step(
        s, 16, NULL, ti_ctx_printf(c, "indexatie van prijspeil %d naar tariefjaar %d (VNG)", van, v->tariefjaar),
        v->n_jaren ? ti_ctx_printf(c, "indexatie = %s − 1", symbool)
                   : "indexatie = 0  (prijspeil = tariefjaar: geen jaren te indexeren)",
        v->n_jaren ? ti_ctx_printf(c, "%s − 1", factoren) : "0", v->indexatie, pct(c, v->indexatie),
        TARIEF_E_COUNT);
    const tarief_param *pp = v->prijspeil.param;
    if (v->prijspeil_cao)
        add_in(s, st, "prijspeil", ti_ctx_printf(c, "%d (ingangsdatum %s)", van, pp->tekst),
               ti_ctx_printf(c, "cao %s", v->prijspeil_cao->id), pp->bron);
    else
        add_param_in(s, st, TARIEF_P_PRIJSPEIL, &v->prijspeil, NULL);
    add_in(s, st, "tariefjaar", ti_ctx_printf(c, "%d", v->tariefjaar), "regio", s->r->tariefjaar_p.bron);
    add_in(s, st, "indexreeks", v->reeks->path, s->r->indexreeks_p.set ? "regio" : "standaard indexreeks",
           s->r->indexreeks_p.set ? s->r->indexreeks_p.bron : (tarief_bron){v->reeks->path, 0, 0, NULL});
}

const tarief_stap *tarief_uitleg_stappen(tarief_ctx *ctx, const tarief_regio *r, const tarief_afleiding *a,
                                         size_t *n)
{
    steps s = {.ctx = ctx, .r = r};
    const tarief_product *p = a->product;
    tarief_ctx *c = ctx;
    const tarief_element E_NONE = TARIEF_E_COUNT;
    for (size_t i = 0; i < a->n_functies; i++) {
        const tarief_functie_afleiding *f = &a->functies[i];
        const char *fn = f->functie->naam;
        if (f->per_uur) {
            tarief_stap *st = add_step(&s, st_get(AF_CF)->nummer, fn, st_get(AF_CF)->label, "C_f = loonkosten_per_uur",
                                       ti_ctx_printf(c, "%s (opgegeven per uur; stap 1-7 vervallen)", money(c, f->kosten_per_uur)),
                                       f->kosten_per_uur, money(c, f->kosten_per_uur), E_NONE);
            add_in(&s, st, "loonkosten_per_uur", money(c, f->kosten_per_uur), "functies.csv",
                   f->functie->loonkosten_per_uur.bron);
            continue;
        }
        const tarief_cao *cao = f->functie->cao;
        const tarief_salaris *sal = f->functie->salaris;
        tarief_stap *st = add_stap(&s, AF_J, -1, fn,
                                   ti_ctx_printf(c, "12 × %s", money(c, sal->maandsalaris)), f->jaarsalaris,
                                   money(c, f->jaarsalaris));
        add_in(&s, st, ti_ctx_printf(c, "S maandsalaris (schaal %s, trede %s)", sal->schaal, sal->trede),
               money(c, sal->maandsalaris), ti_ctx_printf(c, "cao %s", cao->id), sal->bron);
        add_in(&s, st, "schaal en trede van de functie", ti_ctx_printf(c, "%s / %s", sal->schaal, sal->trede),
               "functies.csv", f->functie->bron);
        st = add_stap(&s, AF_VT, -1, fn,
                      ti_ctx_printf(c, "%s × %s", money(c, f->jaarsalaris), pct(c, f->vakantietoeslag.waarde)),
                      f->vakantietoeslag_bedrag, money(c, f->vakantietoeslag_bedrag));
        add_param_in(&s, st, TARIEF_P_VAKANTIETOESLAG, &f->vakantietoeslag, cao);
        st = add_stap(&s, AF_EJU, -1, fn,
                      ti_ctx_printf(c, "%s × %s", money(c, f->jaarsalaris), pct(c, f->eindejaarsuitkering.waarde)),
                      f->eindejaarsuitkering_bedrag, money(c, f->eindejaarsuitkering_bedrag));
        add_param_in(&s, st, TARIEF_P_EINDEJAARSUITKERING, &f->eindejaarsuitkering, cao);
        st = add_stap(&s, AF_ORT, -1, fn,
                      ti_ctx_printf(c, "%s × %s", money(c, f->jaarsalaris), pct(c, f->ort.waarde)),
                      f->ort_bedrag, money(c, f->ort_bedrag));
        add_param_in(&s, st, TARIEF_P_ORT, &f->ort, cao);
        add_stap(&s, AF_B, -1, fn,
                 ti_ctx_printf(c, "%s + %s + %s + %s", money(c, f->jaarsalaris), money(c, f->vakantietoeslag_bedrag),
                                   money(c, f->eindejaarsuitkering_bedrag), money(c, f->ort_bedrag)),
                 f->bruto_loonsom, money(c, f->bruto_loonsom));
        st = add_stap(&s, AF_WGL, -1, fn,
                      ti_ctx_printf(c, "%s × %s", money(c, f->bruto_loonsom), pct(c, f->werkgeverslasten.waarde)),
                      f->werkgeverslasten_bedrag, money(c, f->werkgeverslasten_bedrag));
        add_param_in(&s, st, TARIEF_P_WERKGEVERSLASTEN, &f->werkgeverslasten, cao);
        add_stap(&s, AF_L, -1, fn,
                 ti_ctx_printf(c, "%s + %s", money(c, f->bruto_loonsom), money(c, f->werkgeverslasten_bedrag)),
                 f->loonkosten_fte, money(c, f->loonkosten_fte));
        st = add_stap(&s, AF_CF, -1, fn,
                      ti_ctx_printf(c, "%s / %s", money(c, f->loonkosten_fte), num(c, f->jaaruren.waarde)),
                      f->kosten_per_uur, money(c, f->kosten_per_uur));
        add_param_in(&s, st, TARIEF_P_JAARUREN, &f->jaaruren, cao);
    }

    /* 9 */
    char *formula = tarief_ctx_strdup(c, "");
    for (size_t i = 0; i < a->n_functies; i++)
        formula = ti_ctx_printf(c, "%s%s%s × %s", formula, i ? " + " : "", pct(c, a->functies[i].mix->aandeel),
                                    money(c, a->functies[i].kosten_per_uur));
    tarief_stap *st = add_stap(&s, AF_C, -1, NULL, formula,
                               a->gemengde_kosten, money(c, a->gemengde_kosten));
    for (size_t i = 0; i < a->n_functies && i < 8; i++)
        add_in(&s, st, ti_ctx_printf(c, "w %s", a->functies[i].functie->naam), pct(c, a->functies[i].mix->aandeel),
               "functiemix", a->functies[i].mix->bron);
    /* 10 */
    st = add_stap(&s, AF_I, -1, NULL,
                  ti_ctx_printf(c, "%s × %s / %s", num(c, p->uren_per_eenheid.waarde), num(c, p->begeleiders.waarde),
                                    num(c, p->groepsgrootte.waarde)),
                  a->inzet, ti_ctx_printf(c, "%s uur", num(c, a->inzet)));
    add_product_num_in(&s, st, "uren_per_eenheid", &p->uren_per_eenheid);
    add_product_num_in(&s, st, "begeleiders", &p->begeleiders);
    add_product_num_in(&s, st, "groepsgrootte", &p->groepsgrootte);
    const double *e = a->element;
    /* 11 */
    add_stap(&s, AF_E1, -1, NULL,
             ti_ctx_printf(c, "%s × %s", num(c, a->inzet), money(c, a->gemengde_kosten)),
             e[TARIEF_E_KOSTEN_BEROEPSKRACHT], money(c, e[TARIEF_E_KOSTEN_BEROEPSKRACHT]));
    /* 12 */
    st = add_stap(&s, AF_E2, -1, NULL,
                  ti_ctx_printf(c, "%s × (1 / %s − 1)", money(c, e[TARIEF_E_KOSTEN_BEROEPSKRACHT]),
                                    pct(c, a->productiviteit.waarde)),
                  e[TARIEF_E_NIET_PRODUCTIEVE_UREN], money(c, e[TARIEF_E_NIET_PRODUCTIEVE_UREN]));
    if (a->productiviteit_uit_componenten) {
        add_in(&s, st, "productiviteit = 100 % − niet-productieve onderdelen", pct(c, a->productiviteit.waarde),
               "afgeleid", (tarief_bron){0});
        for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
            if (a->componenten[k].herkomst != TARIEF_HERKOMST_STANDAARD)
                add_param_in(&s, st, (tarief_param_id)(TARIEF_P_COMPONENT_FIRST + k), &a->componenten[k], NULL);
    } else {
        add_param_in(&s, st, TARIEF_P_PRODUCTIVITEIT, &a->productiviteit, NULL);
    }
    /* 13 */
    st = add_stap(&s, AF_E3, -1, NULL,
                  ti_ctx_printf(c, "(%s + %s) × %s", money(c, e[TARIEF_E_KOSTEN_BEROEPSKRACHT]),
                                    money(c, e[TARIEF_E_NIET_PRODUCTIEVE_UREN]), pct(c, a->reis_en_opleiding.waarde)),
                  e[TARIEF_E_REIS_EN_OPLEIDING], money(c, e[TARIEF_E_REIS_EN_OPLEIDING]));
    add_param_in(&s, st, TARIEF_P_REIS_EN_OPLEIDING, &a->reis_en_opleiding, NULL);
    st = add_stap(&s, AF_E5, -1, NULL,
                  ti_ctx_printf(c, "(%s + %s) × %s", money(c, e[TARIEF_E_KOSTEN_BEROEPSKRACHT]),
                                    money(c, e[TARIEF_E_NIET_PRODUCTIEVE_UREN]),
                                    pct(c, a->gemeentelijke_verplichtingen.waarde)),
                  e[TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN], money(c, e[TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN]));
    add_param_in(&s, st, TARIEF_P_GEMEENTELIJKE_VERPLICHTINGEN, &a->gemeentelijke_verplichtingen, NULL);
    /* 14 */
    add_stap(&s, AF_P, -1, NULL,
             ti_ctx_printf(c, "%s + %s + %s + %s", money(c, e[TARIEF_E_KOSTEN_BEROEPSKRACHT]),
                               money(c, e[TARIEF_E_NIET_PRODUCTIEVE_UREN]), money(c, e[TARIEF_E_REIS_EN_OPLEIDING]),
                               money(c, e[TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN])),
             a->personeel, money(c, a->personeel));
    bool aandeel = a->overhead_grondslag.keuze == TARIEF_GRONDSLAG_AANDEEL;
    st = add_stap(&s, AF_E4, a->overhead_grondslag.keuze, NULL,
                  aandeel ? ti_ctx_printf(c, "%s × %s / (1 − %s)", money(c, a->personeel), pct(c, a->overhead.waarde),
                                              pct(c, a->overhead.waarde))
                          : ti_ctx_printf(c, "%s × %s", money(c, a->personeel), pct(c, a->overhead.waarde)),
                  e[TARIEF_E_OVERHEAD], money(c, e[TARIEF_E_OVERHEAD]));
    add_param_in(&s, st, TARIEF_P_OVERHEAD, &a->overhead, NULL);
    add_param_in(&s, st, TARIEF_P_OVERHEAD_GRONDSLAG, &a->overhead_grondslag, NULL);
    /* 15 */
    st = add_stap(&s, AF_E6, -1, NULL,
                  ti_ctx_printf(c, "%s per eenheid, zoals opgegeven", money(c, e[TARIEF_E_HUISVESTING])),
                  e[TARIEF_E_HUISVESTING], money(c, e[TARIEF_E_HUISVESTING]));
    add_product_num_in(&s, st, "huisvesting", &p->huisvesting);
    st = add_stap(&s, AF_E7, -1, NULL,
                  ti_ctx_printf(c, "%s per eenheid, zoals opgegeven", money(c, e[TARIEF_E_VERZORGING])),
                  e[TARIEF_E_VERZORGING], money(c, e[TARIEF_E_VERZORGING]));
    add_product_num_in(&s, st, "verzorging", &p->verzorging);
    add_stap(&s, AF_K, -1, NULL,
             ti_ctx_printf(c, "%s + %s + %s + %s + %s + %s + %s", money(c, e[0]), money(c, e[1]), money(c, e[2]),
                               money(c, e[3]), money(c, e[4]), money(c, e[5]), money(c, e[6])),
             a->kostprijs, money(c, a->kostprijs));
    /* 16 */
    st = add_stap(&s, AF_R, -1, NULL,
                  ti_ctx_printf(c, "%s × %s", money(c, a->kostprijs), pct(c, a->risico.waarde)), e[TARIEF_E_RISICO],
                  money(c, e[TARIEF_E_RISICO]));
    add_param_in(&s, st, TARIEF_P_RISICO, &a->risico, NULL);
    if (a->indexatie_vng)
        add_index_steps(&s, a->indexatie_vng);
    st = add_stap(&s, AF_E8, -1, NULL,
                  ti_ctx_printf(c, "(%s + %s) × %s", money(c, a->kostprijs), money(c, e[TARIEF_E_RISICO]),
                                    pct(c, a->indexatie.waarde)),
                  e[TARIEF_E_INDEXATIE], money(c, e[TARIEF_E_INDEXATIE]));
    add_param_in(&s, st, TARIEF_P_INDEXATIE, &a->indexatie, NULL);
    add_stap(&s, AF_T, -1, NULL,
             ti_ctx_printf(c, "%s + %s + %s", money(c, a->kostprijs), money(c, e[TARIEF_E_RISICO]),
                               money(c, e[TARIEF_E_INDEXATIE])),
             a->ongerond, money(c, a->ongerond));
    /* 17 */
    int mode = a->afronding.keuze;
    char tb[64];
    st = add_stap(&s, AF_TARIEF, mode & 3, NULL,
                  mode == TARIEF_AFRONDING_DEELBAAR_DOOR_60
                      ? ti_ctx_printf(c, "60 × AFRONDEN(%s / 60; 2)", money(c, a->ongerond))
                      : mode == TARIEF_AFRONDING_EURO_OMHOOG
                            ? ti_ctx_printf(c, "AFRONDEN.NAAR.BOVEN(%s; 0)", money(c, a->ongerond))
                            : ti_ctx_printf(c, "AFRONDEN(%s; %d)", money(c, a->ongerond),
                                                mode == TARIEF_AFRONDING_EURO ? 0 : 2),
                  a->tarief, ti_ctx_printf(c, "€ %s", tarief_fmt_nl(tb, sizeof tb, a->tarief, 2)));
    add_param_in(&s, st, TARIEF_P_AFRONDING, &a->afronding, NULL);
    add_stap(&s, AF_AFRONDINGSVERSCHIL, -1, NULL,
             ti_ctx_printf(c, "%s − %s", tarief_fmt_nl(tb, sizeof tb, a->tarief, 2), money(c, a->ongerond)),
             e[TARIEF_E_AFRONDINGSVERSCHIL], money(c, e[TARIEF_E_AFRONDINGSVERSCHIL]));
    /* the pgb tariffs, where set: a share of the tariff, to the cent */
    static const struct { int item, pct; tarief_param_id id; } pgb[] = {
        {AF_PGB_PROF, AF_PGB_PROF_PCT, TARIEF_P_PGB_PROFESSIONEEL},
        {AF_PGB_INF, AF_PGB_INF_PCT, TARIEF_P_PGB_INFORMEEL}};
    for (size_t k = 0; k < sizeof pgb / sizeof *pgb; k++) {
        if (!tarief_afleiding_pgb(a, pgb[k].id))
            continue;
        const tarief_invoer *v = st_invoer(a, NULL, pgb[k].pct);
        double w = st_waarde(a, NULL, pgb[k].item);
        st = add_stap(&s, pgb[k].item, -1, NULL,
                      ti_ctx_printf(c, "AFRONDEN(%s × %s; 2)", tarief_fmt_nl(tb, sizeof tb, a->tarief, 2),
                                        pct(c, v->waarde)),
                      w, ti_ctx_printf(c, "€ %s", tarief_fmt_nl(tb, sizeof tb, w, 2)));
        add_param_in(&s, st, pgb[k].id, v, NULL);
    }
    *n = s.n;
    return s.items;
}

static void print_bron(FILE *out, const tarief_bron *b)
{
    if (!b->file)
        return; /* the herkomst already says "standaardwaarde" or "afgeleid" */
    if (b->line > 0)
        fprintf(out, "  ← %s:%d", b->file, b->line);
    else
        fprintf(out, "  ← %s", b->file); /* a whole file, e.g. the index series */
    if (b->tekst)
        fprintf(out, "  [bron: %s]", b->tekst);
}

void tarief_uitleg_print(FILE *out, tarief_ctx *ctx, const tarief_regio *r, const tarief_afleiding *a)
{
    size_t n;
    const tarief_stap *st = tarief_uitleg_stappen(ctx, r, a, &n);
    const tarief_product *p = a->product;
    char tb[64];
    fprintf(out, "Uitleg van het tarief van product %s — %s (per %s)\n", p->code, p->naam,
            tarief_eenheid_naam(p->eenheid));
    fprintf(out, "Regio: %s, tariefjaar %d; %s\n", r->naam ? r->naam : "?", r->tariefjaar, TARIEF_REKENMETHODE);
    fprintf(out, "Productkaart: %s:%d\n", p->bron.file, p->bron.line);
    const char *cur = NULL;
    bool product_header = false;
    for (size_t i = 0; i < n; i++) {
        const tarief_stap *s = &st[i];
        if (s->functie && s->functie != cur) {
            cur = s->functie;
            const tarief_functie_afleiding *fa = NULL;
            for (size_t k = 0; k < a->n_functies; k++)
                if (a->functies[k].functie->naam == cur)
                    fa = &a->functies[k];
            fprintf(out, "\nFunctie %s (%s van de functiemix)", cur, fa ? tarief_fmt_pct(tb, sizeof tb, fa->mix->aandeel) : "?");
            if (fa && fa->functie->cao)
                fprintf(out, ": cao %s, schaal %s, trede %s", fa->functie->cao->id, fa->functie->salaris->schaal,
                        fa->functie->salaris->trede);
            else if (fa)
                fprintf(out, ": loonkosten per uur opgegeven");
            fputc('\n', out);
        } else if (!s->functie && !product_header) {
            product_header = true;
            fprintf(out, "\nProduct %s\n", p->code);
        }
        fprintf(out, "  stap %2d  %s", s->nummer, s->label);
        if (s->element < TARIEF_E_COUNT) {
            const tarief_element_info *ei = tarief_element_info_get(s->element);
            if (ei->nvo && strcmp(ei->wmo, "-") != 0)
                fprintf(out, "   [NvO-element %d; Wmo art. 5.4 lid 3 onder %s; Besluit Jeugdwet art. 2.3 lid 1 onder %s]",
                        ei->nvo, ei->wmo, ei->jeugdwet);
            else if (ei->nvo)
                fprintf(out, "   [NvO-element %d; geen eigen letter in Wmo art. 5.4 lid 3; Besluit Jeugdwet art. 2.3 lid 1 onder %s]",
                        ei->nvo, ei->jeugdwet);
            else
                fprintf(out, "   [geen NvO-element]");
        }
        fprintf(out, "\n           %s\n           = %s\n           = %s\n", s->formule, s->ingevuld, s->waarde_tekst);
        for (size_t k = 0; k < s->n_invoer; k++) {
            const tarief_stap_invoer *in = &s->invoer[k];
            fprintf(out, "           invoer %s = %s (%s)", in->naam, in->waarde, in->herkomst);
            print_bron(out, &in->bron);
            fputc('\n', out);
        }
    }
    fprintf(out, "\nOpbouw van het tarief (som = tarief):\n");
    for (int k = 0; k < TARIEF_E_COUNT; k++) {
        const tarief_element_info *ei = tarief_element_info_get((tarief_element)k);
        char nvo[64];
        if (ei->nvo)
            snprintf(nvo, sizeof nvo, "NvO %d, Wmo %s, Jw %s", ei->nvo, ei->wmo, ei->jeugdwet);
        else
            snprintf(nvo, sizeof nvo, "-");
        fprintf(out, "  %-30s %16s   %s\n", ei->label, tarief_fmt_nl(tb, sizeof tb, a->element[k], 6), nvo);
    }
    fprintf(out, "  %-30s %16s\n", "Tarief", tarief_fmt_nl(tb, sizeof tb, a->tarief, 2));
    if (tarief_afleiding_pgb(a, TARIEF_P_PGB_PROFESSIONEEL) || tarief_afleiding_pgb(a, TARIEF_P_PGB_INFORMEEL))
        fprintf(out, "\npgb-tarieven (deel van het tarief, op de cent):\n");
    if (tarief_afleiding_pgb(a, TARIEF_P_PGB_PROFESSIONEEL)) {
        char pb[64];
        fprintf(out, "  %-30s %16s\n",
                ti_ctx_printf(ctx, "pgb professioneel (%s)", tarief_fmt_pct(pb, sizeof pb, a->pgb_professioneel.waarde)),
                tarief_fmt_nl(tb, sizeof tb, a->pgb_professioneel_tarief, 2));
    }
    if (tarief_afleiding_pgb(a, TARIEF_P_PGB_INFORMEEL)) {
        char pb[64];
        fprintf(out, "  %-30s %16s\n",
                ti_ctx_printf(ctx, "pgb informeel (%s)", tarief_fmt_pct(pb, sizeof pb, a->pgb_informeel.waarde)),
                tarief_fmt_nl(tb, sizeof tb, a->pgb_informeel_tarief, 2));
    }
}

/* --- CSV (§5) ----------------------------------------------------------------- */

static void csv_text(FILE *out, const char *s)
{
    ti_csv_tekst(out, s); /* quoting and the formula prefix: csvtekst.c */
}

/* The indexatie;vng derivation in one CSV cell: per year the index with its
 * components and the series rows (file:line) it came from. */
/* A fraction as a percentage with two to four decimals: 0.063 -> "6,30 %". */
static char *fmt_pct2(char *buf, size_t size, double fraction)
{
    char tmp[400];
    tarief_fmt_nl_trim(tmp, sizeof tmp, fraction * 100.0, 2, 4);
    snprintf(buf, size, "%s %%", tmp);
    return buf;
}

static void csv_indexatie_afleiding(FILE *out, const tarief_indexatie_vng *v)
{
    char b[6][400];
    char *s = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&s, &len);
    if (!m)
        return;
    bool verhouding = v->methode.keuze == TARIEF_INDEXATIE_VERHOUDING;
    fprintf(m, "methode %s, loondeel %s, tussenafronding %s",
            tarief_param_keuze_naam(TARIEF_P_INDEXATIE_METHODE, v->methode.keuze),
            tarief_fmt_pct(b[0], sizeof b[0], v->loondeel.waarde),
            tarief_param_keuze_naam(TARIEF_P_INDEXATIE_TUSSENAFRONDING, v->tussenafronding.keuze));
    for (size_t i = 0; i < v->n_jaren; i++) {
        const tarief_indexjaar *j = &v->jaren[i];
        fprintf(m, " | %d: %s = AFRONDEN(gewogen voorlopig %s", j->jaar, fmt_pct2(b[0], sizeof b[0], j->index),
                fmt_pct2(b[1], sizeof b[1], j->gewogen_voorlopig));
        fprintf(m, " (OVA %s, PPC %s)", fmt_pct2(b[0], sizeof b[0], j->rij->ova_voorlopig.waarde),
                fmt_pct2(b[1], sizeof b[1], j->rij->ppc_voorlopig.waarde));
        fprintf(m, " + inhaalslag %d %s", j->jaar - 1, fmt_pct2(b[0], sizeof b[0], j->inhaal));
        fprintf(m, verhouding ? " ((1 + %s) / (1 + %s) - 1; OVA %s/%s, PPC %s/%s definitief/voorlopig); 2)"
                              : " (%s - %s; OVA %s/%s, PPC %s/%s definitief/voorlopig); 2)",
                fmt_pct2(b[0], sizeof b[0], j->vorig_gewogen_definitief),
                fmt_pct2(b[1], sizeof b[1], j->vorig_gewogen_voorlopig),
                fmt_pct2(b[2], sizeof b[2], j->vorig->ova_definitief.waarde),
                fmt_pct2(b[3], sizeof b[3], j->vorig->ova_voorlopig.waarde),
                fmt_pct2(b[4], sizeof b[4], j->vorig->ppc_definitief.waarde),
                fmt_pct2(b[5], sizeof b[5], j->vorig->ppc_voorlopig.waarde));
        fprintf(m, " [%s:%d, %s:%d]", j->rij->bron.file, j->rij->bron.line, j->vorig->bron.file, j->vorig->bron.line);
    }
    fclose(m);
    csv_text(out, s);
    free(s);
}

static void csv_getal(FILE *out, double x, int decimals)
{
    char b[400];
    snprintf(b, sizeof b, "%.*f", decimals, x);
    for (char *p = b; *p; p++)
        if (*p == '.')
            *p = ',';
    if (b[0] == '-' && strspn(b + 1, "0,") == strlen(b + 1))
        memmove(b, b + 1, strlen(b));
    fputs(b, out);
}

/* Whether some functie of some product takes its ort from the functiemix. */
static bool csv_ort_gebruikt(const tarief_afleiding *a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < a[i].n_functies; k++)
            if (a[i].functies[k].ort.herkomst == TARIEF_HERKOMST_FUNCTIEMIX)
                return true;
    return false;
}

/* Per functie of the mix the ort that applied and where it came from, e.g.
 * "HBO 0 % (regio, uitgangspunten.csv:14) | WO 5 % (functiemix, functiemix.csv:3)";
 * a functie given as loonkosten_per_uur has no ort. */
static void csv_ort_per_functie(FILE *out, const tarief_afleiding *a)
{
    char *s = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&s, &len);
    if (!m)
        return;
    char b[400];
    for (size_t k = 0, n = 0; k < a->n_functies; k++) {
        const tarief_functie_afleiding *f = &a->functies[k];
        if (f->per_uur)
            continue;
        const char *h = f->ort.herkomst == TARIEF_HERKOMST_FUNCTIEMIX ? "functiemix"
                        : f->ort.herkomst == TARIEF_HERKOMST_PRODUCT  ? "product"
                        : f->ort.herkomst == TARIEF_HERKOMST_REGIO    ? "regio"
                                                                       : "standaardwaarde";
        fprintf(m, "%s%s %s (%s", n++ ? " | " : "", f->functie->naam, tarief_fmt_pct(b, sizeof b, f->ort.waarde), h);
        if (f->ort.param && f->ort.param->bron.file)
            fprintf(m, ", %s:%d", f->ort.param->bron.file, f->ort.param->bron.line);
        fputc(')', m);
    }
    fclose(m);
    csv_text(out, s);
    free(s);
}

int tarief_csv_write(FILE *out, const tarief_afleiding *a, size_t n)
{
    return tarief_csv_write_opties(out, a, n, NULL);
}

int tarief_csv_write_opties(FILE *out, const tarief_afleiding *a, size_t n, const tarief_csv_options *opts)
{
    tarief_csv_options def = {0};
    if (!opts)
        opts = &def;
    fputs("code;naam;eenheid;tarief", out);
    for (int k = 0; k < TARIEF_E_COUNT; k++)
        fprintf(out, ";%s", tarief_element_info_get((tarief_element)k)->kolom);
    if (opts->indexatie)
        fputs(";indexatie_percentage;indexatie_vorm;prijspeil;indexatie_afleiding", out);
    /* the columns of ort per functie, only when used: existing CSVs stay as they were */
    bool pgb_kolom = false;
    for (size_t i = 0; i < n; i++)
        pgb_kolom = pgb_kolom || tarief_afleiding_pgb(&a[i], TARIEF_P_PGB_PROFESSIONEEL) ||
                    tarief_afleiding_pgb(&a[i], TARIEF_P_PGB_INFORMEEL);
    if (pgb_kolom)
        fputs(";pgb_professioneel;pgb_informeel", out);
    bool ort_kolom = csv_ort_gebruikt(a, n);
    if (ort_kolom)
        fputs(";ort_per_functie", out);
    fputc('\n', out);
    char b[400]; /* %.6f of any double fits */
    for (size_t i = 0; i < n; i++) {
        csv_text(out, a[i].product->code);
        fputc(';', out);
        csv_text(out, a[i].product->naam);
        fprintf(out, ";%s;", tarief_eenheid_naam(a[i].product->eenheid));
        /* no thousands separator in the CSV: one number, one field */
        snprintf(b, sizeof b, "%.2f", a[i].tarief);
        for (char *p = b; *p; p++)
            if (*p == '.')
                *p = ',';
        if (strcmp(b, "-0,00") == 0)
            strcpy(b, "0,00");
        fputs(b, out);
        for (int k = 0; k < TARIEF_E_COUNT; k++) {
            snprintf(b, sizeof b, "%.6f", a[i].element[k]);
            for (char *p = b; *p; p++)
                if (*p == '.')
                    *p = ',';
            if (strcmp(b, "-0,000000") == 0)
                strcpy(b, "0,000000");
            fputc(';', out);
            fputs(b, out);
        }
        if (opts->indexatie) {
            const tarief_indexatie_vng *v = a[i].indexatie_vng;
            fputc(';', out);
            csv_getal(out, a[i].indexatie.waarde * 100, 6);
            fputs(v ? ";vng;" : ";percentage;", out);
            if (v) {
                fprintf(out, "%d;", (int)v->prijspeil.waarde);
                csv_indexatie_afleiding(out, v);
            } else {
                fputc(';', out);
            }
        }
        if (pgb_kolom) {
            fputc(';', out);
            if (tarief_afleiding_pgb(&a[i], TARIEF_P_PGB_PROFESSIONEEL))
                csv_getal(out, a[i].pgb_professioneel_tarief, 2);
            fputc(';', out);
            if (tarief_afleiding_pgb(&a[i], TARIEF_P_PGB_INFORMEEL))
                csv_getal(out, a[i].pgb_informeel_tarief, 2);
        }
        if (ort_kolom) {
            fputc(';', out);
            csv_ort_per_functie(out, &a[i]);
        }
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}
