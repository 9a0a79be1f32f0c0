/*
 * stappen.c - the method's steps, described once (stappen.h).
 *
 * Every label, formula in symbols and spreadsheet formula of the 17 steps
 * of rekenmethode §3 stands here and nowhere else: uitleg (render.c) prints
 * them, the workbooks (workbook*.c) take their headers and formulas from
 * here. The numbers themselves come from compute.c, through the record.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "stappen.h"

#define X "\xc3\x97"      /* × */
#define MIN "\xe2\x88\x92" /* − */

/* An input item: label, the parameter that supplies it (or -1), per functie. */
#define INVOER(lbl, par, pf) {.label = lbl, .param = par, .per_functie = pf, .element = TARIEF_E_COUNT, \
                              .variant_param = -1}
#define STAP(nr, lbl, sym, form, el, pf, xl, ...)                                               \
    {.nummer = nr, .label = lbl, .symbool = sym, .formule = form, .element = el, .param = -1,    \
     .per_functie = pf, .variant_param = -1, .excel = xl, .invoer = {__VA_ARGS__},               \
     .n_invoer = (int)(sizeof((int[]){__VA_ARGS__}) / sizeof(int))}

static const st_item items[AF_ALLE] = {
    [AF_AANDEEL] = INVOER("aandeel in functiemix (w)", -1, true),
    [AF_SALARIS] = INVOER("maandsalaris (S)", -1, true),
    [AF_VT_PCT] = INVOER("vakantietoeslag", TARIEF_P_VAKANTIETOESLAG, true),
    [AF_EJU_PCT] = INVOER("eindejaarsuitkering", TARIEF_P_EINDEJAARSUITKERING, true),
    [AF_ORT_PCT] = INVOER("ort", TARIEF_P_ORT, true),
    [AF_WGL_PCT] = INVOER("werkgeverslasten", TARIEF_P_WERKGEVERSLASTEN, true),
    [AF_JAARUREN] = INVOER("jaaruren", TARIEF_P_JAARUREN, true),
    [AF_J] = STAP(1, "jaarsalaris", "J", "J = 12 " X " S", TARIEF_E_COUNT, true, "=12*$1", AF_SALARIS),
    [AF_VT] = STAP(2, "vakantietoeslag", "VT", "VT = J " X " vakantietoeslag", TARIEF_E_COUNT, true, "=$1*$2",
                   AF_J, AF_VT_PCT),
    [AF_EJU] = STAP(3, "eindejaarsuitkering", "EJU", "EJU = J " X " eindejaarsuitkering", TARIEF_E_COUNT, true,
                    "=$1*$2", AF_J, AF_EJU_PCT),
    [AF_ORT] = STAP(4, "onregelmatigheidstoeslag", "ORT", "ORT = J " X " ort", TARIEF_E_COUNT, true, "=$1*$2", AF_J,
                    AF_ORT_PCT),
    [AF_B] = STAP(5, "bruto loonsom", "B", "B = J + VT + EJU + ORT", TARIEF_E_COUNT, true, "=$1+$2+$3+$4", AF_J,
                  AF_VT, AF_EJU, AF_ORT),
    [AF_WGL] = STAP(6, "werkgeverslasten", "WGL", "WGL = B " X " werkgeverslasten", TARIEF_E_COUNT, true, "=$1*$2",
                    AF_B, AF_WGL_PCT),
    [AF_L] = STAP(7, "loonkosten per fte", "L", "L = B + WGL", TARIEF_E_COUNT, true, "=$1+$2", AF_B, AF_WGL),
    [AF_CF] = STAP(8, "kosten per betaald uur", "C_f", "C_f = L / jaaruren", TARIEF_E_COUNT, true, "=$1/$2", AF_L,
                   AF_JAARUREN),
    [AF_GEWOGEN] = STAP(0, "gewogen", NULL, "w " X " C_f", TARIEF_E_COUNT, true, "=$1*$2", AF_AANDEEL, AF_CF),
    [AF_C] = STAP(9, "gemengde kosten per betaald uur", "C", "C = \xce\xa3 w_f " X " C_f", TARIEF_E_COUNT, false,
                  "=SUM($:1)", AF_GEWOGEN),
    [AF_UREN] = INVOER("uren_per_eenheid", -1, false),
    [AF_BEGELEIDERS] = INVOER("begeleiders", -1, false),
    [AF_GROEP] = INVOER("groepsgrootte", -1, false),
    [AF_I] = STAP(10, "inzet per eenheid", "I", "I = uren_per_eenheid " X " begeleiders / groepsgrootte",
                  TARIEF_E_COUNT, false, "=$1*$2/$3", AF_UREN, AF_BEGELEIDERS, AF_GROEP),
    [AF_PRODUCTIVITEIT] = INVOER("productiviteit", TARIEF_P_PRODUCTIVITEIT, false),
    [AF_E1] = STAP(11, "kosten beroepskracht", "E1", "E1 = I " X " C", TARIEF_E_KOSTEN_BEROEPSKRACHT, false,
                   "=$1*$2", AF_I, AF_C),
    [AF_E2] = STAP(12, "niet-productieve uren", "E2", "E2 = E1 " X " (1 / productiviteit " MIN " 1)",
                   TARIEF_E_NIET_PRODUCTIEVE_UREN, false, "=$1*(1/$2-1)", AF_E1, AF_PRODUCTIVITEIT),
    [AF_REIS_PCT] = INVOER("reis_en_opleiding", TARIEF_P_REIS_EN_OPLEIDING, false),
    [AF_E3] = STAP(13, "reis- en opleidingskosten", "E3", "E3 = (E1 + E2) " X " reis_en_opleiding",
                   TARIEF_E_REIS_EN_OPLEIDING, false, "=($1+$2)*$3", AF_E1, AF_E2, AF_REIS_PCT),
    [AF_GEM_PCT] = INVOER("gemeentelijke_verplichtingen", TARIEF_P_GEMEENTELIJKE_VERPLICHTINGEN, false),
    [AF_E5] = STAP(13, "gemeentelijke verplichtingen", "E5", "E5 = (E1 + E2) " X " gemeentelijke_verplichtingen",
                   TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN, false, "=($1+$2)*$3", AF_E1, AF_E2, AF_GEM_PCT),
    [AF_P] = STAP(14, "personele basis", "P", "P = E1 + E2 + E3 + E5", TARIEF_E_COUNT, false, "=$1+$2+$3+$4",
                  AF_E1, AF_E2, AF_E3, AF_E5),
    [AF_OVERHEAD_PCT] = INVOER("overhead", TARIEF_P_OVERHEAD, false),
    [AF_GRONDSLAG] = INVOER("overhead_grondslag", TARIEF_P_OVERHEAD_GRONDSLAG, false),
    [AF_E4] = {.nummer = 14, .label = "overhead", .symbool = "E4", .element = TARIEF_E_OVERHEAD, .param = -1,
               .variant_param = TARIEF_P_OVERHEAD_GRONDSLAG,
               .variant_label = {[TARIEF_GRONDSLAG_OPSLAG] = "opslag",
                                 [TARIEF_GRONDSLAG_AANDEEL] = "aandeel van de kostprijs"},
               .variant_formule = {[TARIEF_GRONDSLAG_OPSLAG] = "E4 = P " X " overhead",
                                   [TARIEF_GRONDSLAG_AANDEEL] = "E4 = P " X " overhead / (1 " MIN " overhead)"},
               .excel = "=IF($1=\"opslag\",$2*$3,IF($1=\"aandeel\",$2*$3/(1-$3),NA()))",
               .invoer = {AF_GRONDSLAG, AF_P, AF_OVERHEAD_PCT},
               .n_invoer = 3},
    [AF_E6] = {.nummer = 15, .label = "huisvesting / verblijf", .symbool = "E6", .formule = "E6 = huisvesting",
               .element = TARIEF_E_HUISVESTING, .param = -1, .variant_param = -1},
    [AF_E7] = {.nummer = 15, .label = "verzorging", .symbool = "E7", .formule = "E7 = verzorging",
               .element = TARIEF_E_VERZORGING, .param = -1, .variant_param = -1},
    [AF_K] = STAP(15, "kostprijs", "K", "K = E1 + E2 + E3 + E4 + E5 + E6 + E7", TARIEF_E_COUNT, false,
                  "=$1+$2+$3+$4+$5+$6+$7", AF_E1, AF_E2, AF_E3, AF_E4, AF_E5, AF_E6, AF_E7),
    [AF_RISICO_PCT] = INVOER("risico", TARIEF_P_RISICO, false),
    [AF_R] = STAP(16, "risico-opslag", "R", "R = K " X " risico", TARIEF_E_RISICO, false, "=$1*$2", AF_K,
                  AF_RISICO_PCT),
    [AF_INDEX_PCT] = INVOER("indexatie", TARIEF_P_INDEXATIE, false),
    [AF_E8] = STAP(16, "indexatie", "E8", "E8 = (K + R) " X " indexatie", TARIEF_E_INDEXATIE, false,
                   "=($1+$2)*$3", AF_K, AF_R, AF_INDEX_PCT),
    [AF_T] = STAP(16, "ongerond tarief", "T", "T = K + R + E8", TARIEF_E_COUNT, false, "=$1+$2+$3", AF_K, AF_R,
                  AF_E8),
    [AF_AFRONDING] = INVOER("afronding", TARIEF_P_AFRONDING, false),
    /* ROUND/ROUNDUP work on the value taken to 15 significant digits, as
     * the engine does (tarief_afronden) */
    [AF_TARIEF] = {.nummer = 17, .label = "tarief", .formule = "tarief = afronding(T)", .element = TARIEF_E_COUNT,
                   .param = -1, .variant_param = TARIEF_P_AFRONDING,
                   .variant_formule = {
                       [TARIEF_AFRONDING_CENT] = "tarief = AFRONDEN(T; 2)  (op de cent, half van nul af)",
                       [TARIEF_AFRONDING_EURO] = "tarief = AFRONDEN(T; 0)  (op hele euro, half van nul af)",
                       [TARIEF_AFRONDING_EURO_OMHOOG] =
                           "tarief = AFRONDEN.NAAR.BOVEN(T; 0)  (naar boven op hele euro)",
                       [TARIEF_AFRONDING_DEELBAAR_DOOR_60] =
                           "tarief = 60 " X " AFRONDEN(T / 60; 2)  (deelbaar door 60: per minuut op de cent)"},
                   .excel = "=IF($1=\"" TI_AFR_CENT "\",ROUND($2,2),IF($1=\"" TI_AFR_EURO "\",ROUND($2,0),"
                            "IF($1=\"" TI_AFR_EURO_OMHOOG "\",ROUNDUP($2,0),"
                            "IF($1=\"" TI_AFR_DEELBAAR_DOOR_60 "\",ROUND(60*ROUND($2/60,2),2),NA()))))",
                   .invoer = {AF_AFRONDING, AF_T},
                   .n_invoer = 2},
    [AF_AFRONDINGSVERSCHIL] = STAP(17, "afrondingsverschil", NULL, "tarief " MIN " T", TARIEF_E_AFRONDINGSVERSCHIL,
                                   false, "=$1-$2", AF_TARIEF, AF_T),
    /* pgb tariffs: a share of the (rounded) tariff, half away from zero to the cent */
    [AF_PGB_PROF_PCT] = INVOER("pgb_professioneel", TARIEF_P_PGB_PROFESSIONEEL, false),
    [AF_PGB_PROF] = STAP(17, "pgb-tarief professioneel", NULL,
                         "pgb_professioneel = AFRONDEN(tarief " X " pgb_professioneel; 2)  (op de cent, half van nul af)",
                         TARIEF_E_COUNT, false, "=ROUND($1*$2,2)", AF_TARIEF, AF_PGB_PROF_PCT),
    [AF_PGB_INF_PCT] = INVOER("pgb_informeel", TARIEF_P_PGB_INFORMEEL, false),
    [AF_PGB_INF] = STAP(17, "pgb-tarief informeel", NULL,
                        "pgb_informeel = AFRONDEN(tarief " X " pgb_informeel; 2)  (op de cent, half van nul af)",
                        TARIEF_E_COUNT, false, "=ROUND($1*$2,2)", AF_TARIEF, AF_PGB_INF_PCT),
};

const int st_product_params[ST_N_PRODUCT_PARAMS] = {AF_REIS_PCT,   AF_GEM_PCT,   AF_OVERHEAD_PCT, AF_GRONDSLAG,
                                                    AF_RISICO_PCT, AF_INDEX_PCT, AF_AFRONDING};

const st_item *st_get(int item)
{
    if (item < AF_AANDEEL || item >= AF_ALLE)
        return NULL;
    return &items[item];
}

const char *st_formule(char *buf, size_t size, int item, st_ref_fn ref, void *data)
{
    const st_item *it = st_get(item);
    if (size)
        buf[0] = '\0';
    if (it == NULL || it->excel == NULL || size == 0)
        return NULL;
    size_t len = 0;
    for (const char *s = it->excel; *s; s++) {
        const char *piece = NULL;
        char one[2] = {*s, '\0'};
        bool bereik = s[0] == '$' && s[1] == ':' && s[2] >= '1' && s[2] <= '9';
        if (s[0] == '$' && ((s[1] >= '1' && s[1] <= '9') || bereik)) {
            int k = (bereik ? s[2] : s[1]) - '1';
            if (k >= it->n_invoer)
                return buf[0] = '\0', NULL;
            piece = ref(data, it->invoer[k], bereik);
            s += bereik ? 2 : 1;
        } else {
            piece = one;
        }
        size_t m = piece ? strlen(piece) : 0;
        if (piece == NULL || len + m >= size)
            return buf[0] = '\0', NULL;
        memcpy(buf + len, piece, m);
        len += m;
    }
    buf[len] = '\0';
    return buf;
}

/* "E1" .. "E8": the symbol goes before the label in a header. */
static bool element_symbool(const st_item *it)
{
    return it->symbool && it->symbool[0] == 'E' && it->symbool[1] >= '1' && it->symbool[1] <= '8';
}

const char *st_kop(int item, int vorm, char *buf, size_t size)
{
    const st_item *it = st_get(item);
    if (it == NULL) {
        snprintf(buf, size, "?");
        return buf;
    }
    size_t len = 0;
#define ADD(...) (len += (size_t)snprintf(buf + len, len < size ? size - len : 0, __VA_ARGS__))
    buf[0] = '\0';
    if (it->nummer)
        ADD("%d ", it->nummer);
    if (element_symbool(it))
        ADD("%s ", it->symbool);
    ADD("%s", it->label);
    if (vorm == ST_KOP_EEN_REGEL) {
        if (it->symbool && !element_symbool(it))
            ADD(" %s", it->symbool);
        else if (it->nummer == 0 && it->formule)
            ADD(" %s", it->formule);
    } else if (it->formule) {
        ADD("\n%s", it->formule);
    } else if (it->variant_param >= 0) {
        for (int k = 0; k < ST_MAX_VARIANT; k++)
            if (it->variant_formule[k])
                ADD("\n%s: %s", tarief_param_keuze_naam((tarief_param_id)it->variant_param, k),
                    it->variant_formule[k]);
    }
#undef ADD
    return buf;
}

const char *st_in_het_kort(int van, int tot, char *buf, size_t size)
{
    size_t len = 0;
#define ADD(...) (len += (size_t)snprintf(buf + len, len < size ? size - len : 0, __VA_ARGS__))
    buf[0] = '\0';
    for (int k = van; k <= tot; k++) {
        const st_item *it = st_get(k);
        if (it == NULL || it->nummer == 0)
            continue;
        ADD("%s%d %s: ", len ? "; " : "", it->nummer, it->label);
        if (it->formule) {
            ADD("%s", it->formule);
            continue;
        }
        for (int v = 0, n = 0; v < ST_MAX_VARIANT; v++)
            if (it->variant_formule[v])
                ADD("%s%s (%s)", n++ ? " of " : "", it->variant_formule[v],
                    tarief_param_keuze_naam((tarief_param_id)it->variant_param, v));
    }
#undef ADD
    return buf;
}

const char *st_label(int item, int keuze, char *buf, size_t size)
{
    const st_item *it = st_get(item);
    if (it == NULL)
        return "?";
    if (it->variant_param >= 0 && keuze >= 0 && keuze < ST_MAX_VARIANT && it->variant_label[keuze]) {
        snprintf(buf, size, "%s (%s)", it->label, it->variant_label[keuze]);
        return buf;
    }
    return it->label;
}

const char *st_formule_tekst(int item, int keuze)
{
    const st_item *it = st_get(item);
    if (it == NULL)
        return "?";
    if (it->variant_param >= 0 && keuze >= 0 && keuze < ST_MAX_VARIANT && it->variant_formule[keuze])
        return it->variant_formule[keuze];
    return it->formule;
}

const tarief_invoer *st_invoer(const tarief_afleiding *a, const tarief_functie_afleiding *fa, int item)
{
    const st_item *it = st_get(item);
    if (it == NULL || it->param < 0)
        return NULL;
    return tarief_afleiding_invoer(a, it->per_functie ? fa : NULL, (tarief_param_id)it->param);
}

const tarief_invoer *tarief_afleiding_invoer(const tarief_afleiding *a, const tarief_functie_afleiding *fa,
                                             tarief_param_id id)
{
    if (fa != NULL) {
        switch (id) {
        case TARIEF_P_VAKANTIETOESLAG: return &fa->vakantietoeslag;
        case TARIEF_P_EINDEJAARSUITKERING: return &fa->eindejaarsuitkering;
        case TARIEF_P_ORT: return &fa->ort;
        case TARIEF_P_WERKGEVERSLASTEN: return &fa->werkgeverslasten;
        case TARIEF_P_JAARUREN: return &fa->jaaruren;
        default: break;
        }
    }
    if (a == NULL)
        return NULL;
    if (id >= TARIEF_P_COMPONENT_FIRST && id < TARIEF_P_COMPONENT_FIRST + TARIEF_P_COMPONENT_COUNT)
        return &a->componenten[id - TARIEF_P_COMPONENT_FIRST];
    switch (id) {
    case TARIEF_P_PRODUCTIVITEIT: return &a->productiviteit;
    case TARIEF_P_REIS_EN_OPLEIDING: return &a->reis_en_opleiding;
    case TARIEF_P_GEMEENTELIJKE_VERPLICHTINGEN: return &a->gemeentelijke_verplichtingen;
    case TARIEF_P_OVERHEAD: return &a->overhead;
    case TARIEF_P_OVERHEAD_GRONDSLAG: return &a->overhead_grondslag;
    case TARIEF_P_RISICO: return &a->risico;
    case TARIEF_P_INDEXATIE: return &a->indexatie;
    case TARIEF_P_AFRONDING: return &a->afronding;
    case TARIEF_P_PGB_PROFESSIONEEL: return &a->pgb_professioneel;
    case TARIEF_P_PGB_INFORMEEL: return &a->pgb_informeel;
    default: return NULL;
    }
}

double st_waarde(const tarief_afleiding *a, const tarief_functie_afleiding *fa, int item)
{
    const st_item *it = st_get(item);
    if (it == NULL)
        return 0;
    if (it->param >= 0) {
        const tarief_invoer *v = st_invoer(a, fa, item);
        return v ? v->waarde : 0;
    }
    if (it->per_functie && fa == NULL)
        return 0;
    if (it->element != TARIEF_E_COUNT)
        return a->element[it->element];
    const tarief_product *p = a ? a->product : NULL;
    if (p == NULL && !it->per_functie)
        return 0;
    switch (item) {
    case AF_AANDEEL: return fa->mix->aandeel;
    case AF_SALARIS: return fa->functie->salaris ? fa->functie->salaris->maandsalaris : 0;
    case AF_J: return fa->jaarsalaris;
    case AF_VT: return fa->vakantietoeslag_bedrag;
    case AF_EJU: return fa->eindejaarsuitkering_bedrag;
    case AF_ORT: return fa->ort_bedrag;
    case AF_B: return fa->bruto_loonsom;
    case AF_WGL: return fa->werkgeverslasten_bedrag;
    case AF_L: return fa->loonkosten_fte;
    case AF_CF: return fa->kosten_per_uur;
    case AF_GEWOGEN: return fa->gewogen;
    case AF_C: return a->gemengde_kosten;
    case AF_UREN: return p->uren_per_eenheid.waarde;
    case AF_BEGELEIDERS: return p->begeleiders.waarde;
    case AF_GROEP: return p->groepsgrootte.waarde;
    case AF_I: return a->inzet;
    case AF_P: return a->personeel;
    case AF_K: return a->kostprijs;
    case AF_T: return a->ongerond;
    case AF_TARIEF: return a->tarief;
    case AF_PGB_PROF: return a->pgb_professioneel_tarief;
    case AF_PGB_INF: return a->pgb_informeel_tarief;
    default: return 0;
    }
}

int st_element_item(tarief_element e)
{
    for (int k = AF_AANDEEL; k < AF_ALLE; k++)
        if (items[k].element == (int)e && items[k].nummer)
            return k;
    return -1;
}
