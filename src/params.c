/* params.c - static facts: parameters, opbouw elements, units. */
#include <strings.h>

#include "internal.h"

static const tarief_param_info PARAMS[TARIEF_P_COUNT] = {
    [TARIEF_P_VAKANTIETOESLAG] = {"vakantietoeslag", "vakantietoeslag", TARIEF_SOORT_PERCENTAGE, true, 0, false},
    [TARIEF_P_EINDEJAARSUITKERING] = {"eindejaarsuitkering", "eindejaarsuitkering", TARIEF_SOORT_PERCENTAGE, true, 0, false},
    [TARIEF_P_WERKGEVERSLASTEN] = {"werkgeverslasten", "werkgeverslasten", TARIEF_SOORT_PERCENTAGE, true, 0, false},
    [TARIEF_P_JAARUREN] = {"jaaruren", "jaaruren per fte", TARIEF_SOORT_UREN, true, 0, false},
    [TARIEF_P_PRODUCTIVITEIT] = {"productiviteit", "productiviteit", TARIEF_SOORT_PERCENTAGE, false, 0, false},
    [TARIEF_P_VERLOF] = {"verlof", "verlof", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_VERZUIM] = {"verzuim", "verzuim", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_SCHOLING] = {"scholing", "scholing", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_WERKOVERLEG] = {"werkoverleg", "werkoverleg", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_INDIRECTE_TIJD] = {"indirecte_tijd", "indirecte tijd", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_OVERIG_NIET_PRODUCTIEF] = {"overig_niet_productief", "overig niet-productief", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_ORT] = {"ort", "onregelmatigheidstoeslag (ORT)", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_REIS_EN_OPLEIDING] = {"reis_en_opleiding", "reis- en opleidingskosten", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_GEMEENTELIJKE_VERPLICHTINGEN] = {"gemeentelijke_verplichtingen", "gemeentelijke verplichtingen", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_OVERHEAD] = {"overhead", "overhead", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_OVERHEAD_GRONDSLAG] = {"overhead_grondslag", "grondslag overhead", TARIEF_SOORT_KEUZE, false, TARIEF_GRONDSLAG_OPSLAG, true},
    [TARIEF_P_RISICO] = {"risico", "risico-opslag", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_INDEXATIE] = {"indexatie", "indexatie", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_AFRONDING] = {"afronding", "afronding", TARIEF_SOORT_KEUZE, false, TARIEF_AFRONDING_CENT, true},
    [TARIEF_P_INDEXATIE_METHODE] = {"indexatie_methode", "methode inhaalslag indexatie (VNG)", TARIEF_SOORT_KEUZE, false, TARIEF_INDEXATIE_VERSCHIL, true},
    [TARIEF_P_INDEXATIE_LOONDEEL] = {"indexatie_loondeel", "loondeel indexatie (gewicht OVA)", TARIEF_SOORT_PERCENTAGE, false, 0.9, true},
    [TARIEF_P_INDEXATIE_TUSSENAFRONDING] = {"indexatie_tussenafronding", "tussenafronding indexatie", TARIEF_SOORT_KEUZE, false, 0, true},
    [TARIEF_P_PRIJSPEIL] = {"prijspeil", "prijspeiljaar", TARIEF_SOORT_JAAR, false, 0, false},
    [TARIEF_P_PGB_PROFESSIONEEL] = {"pgb_professioneel", "pgb-tarief professioneel (% van het tarief)", TARIEF_SOORT_PERCENTAGE, false, 0, false},
    [TARIEF_P_PGB_INFORMEEL] = {"pgb_informeel", "pgb-tarief informeel (% van het tarief)", TARIEF_SOORT_PERCENTAGE, false, 0, false},
};

const tarief_param_info *tarief_param_info_get(tarief_param_id id)
{
    if ((int)id < 0 || id >= TARIEF_P_COUNT)
        return NULL;
    return &PARAMS[id];
}

int tarief_param_lookup(const char *naam)
{
    for (int i = 0; i < TARIEF_P_COUNT; i++)
        if (strcasecmp(PARAMS[i].naam, naam) == 0)
            return i;
    return -1;
}

static const char *const GRONDSLAG[] = {"opslag", "aandeel"};

const char *tarief_grondslag_naam(tarief_grondslag g)
{
    return (unsigned)g < 2 ? GRONDSLAG[g] : "?";
}

static const char *const METHODE[] = {"verschil", "verhouding"};
static const char *const JA_NEE[] = {"nee", "ja"};

const char *tarief_param_keuze_naam(tarief_param_id id, int keuze)
{
    switch (id) {
    case TARIEF_P_AFRONDING: return tarief_afronding_naam((tarief_afronding)keuze);
    case TARIEF_P_OVERHEAD_GRONDSLAG: return tarief_grondslag_naam((tarief_grondslag)keuze);
    case TARIEF_P_INDEXATIE_METHODE: return (unsigned)keuze < 2 ? METHODE[keuze] : "?";
    case TARIEF_P_INDEXATIE_TUSSENAFRONDING: return (unsigned)keuze < 2 ? JA_NEE[keuze] : "?";
    default: return "?";
    }
}

static const char *const EENHEDEN[] = {"minuut", "uur", "dagdeel", "etmaal", "dag",
                                       "week", "maand", "traject", "stuk"};

const char *tarief_eenheid_naam(tarief_eenheid e)
{
    return (unsigned)e < sizeof EENHEDEN / sizeof *EENHEDEN ? EENHEDEN[e] : "?";
}

/* NvO elements with the legal letters of rekenmethode §3.1. */
static const tarief_element_info ELEMENTS[TARIEF_E_COUNT] = {
    [TARIEF_E_KOSTEN_BEROEPSKRACHT] = {"kosten_beroepskracht", "Kosten beroepskracht", 1, "a", "a (cliëntgebonden)"},
    [TARIEF_E_NIET_PRODUCTIEVE_UREN] = {"niet_productieve_uren", "Niet-productieve uren", 2, "c", "a (niet-cliëntgebonden)"},
    [TARIEF_E_REIS_EN_OPLEIDING] = {"reis_en_opleiding", "Reis- en opleidingskosten", 3, "d", "a"},
    [TARIEF_E_OVERHEAD] = {"overhead", "Overhead", 4, "b", "c"},
    [TARIEF_E_GEMEENTELIJKE_VERPLICHTINGEN] = {"gemeentelijke_verplichtingen", "Gemeentelijke verplichtingen", 5, "f", "c"},
    [TARIEF_E_HUISVESTING] = {"huisvesting", "Huisvesting / verblijf", 6, "-", "b"},
    [TARIEF_E_VERZORGING] = {"verzorging", "Verzorging", 7, "-", "b"},
    [TARIEF_E_RISICO] = {"risico", "Risico-opslag", 0, "-", "-"},
    [TARIEF_E_INDEXATIE] = {"indexatie", "Indexatie", 8, "e", "d"},
    [TARIEF_E_AFRONDINGSVERSCHIL] = {"afrondingsverschil", "Afrondingsverschil", 0, "-", "-"},
};

const tarief_element_info *tarief_element_info_get(tarief_element e)
{
    return (unsigned)e < TARIEF_E_COUNT ? &ELEMENTS[e] : NULL;
}
