/* params.c - static facts: parameters, opbouw elements, units. */
#include <strings.h>

#include "internal.h"

static const tarief_param_info PARAMS[TARIEF_P_COUNT] = {
    [TARIEF_P_VAKANTIETOESLAG] = {"vakantietoeslag", "vakantietoeslag (deel van het jaarsalaris)", TARIEF_SOORT_PERCENTAGE, true, 0, false},
    [TARIEF_P_EINDEJAARSUITKERING] = {"eindejaarsuitkering", "eindejaarsuitkering (deel van het jaarsalaris)", TARIEF_SOORT_PERCENTAGE, true, 0, false},
    [TARIEF_P_WERKGEVERSLASTEN] = {"werkgeverslasten", "werkgeverslasten (sociale lasten en pensioen, deel van de loonsom)", TARIEF_SOORT_PERCENTAGE, true, 0, false},
    [TARIEF_P_JAARUREN] = {"jaaruren", "betaalde uren per jaar bij een volledige baan (fte)", TARIEF_SOORT_UREN, true, 0, false},
    [TARIEF_P_PRODUCTIVITEIT] = {"productiviteit", "productiviteit: deel van de betaalde uren dat cli\xc3\xabntgebonden is", TARIEF_SOORT_PERCENTAGE, false, 0, false},
    [TARIEF_P_VERLOF] = {"verlof", "verlof (deel van de betaalde uren)", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_VERZUIM] = {"verzuim", "ziekteverzuim (deel van de betaalde uren)", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_SCHOLING] = {"scholing", "scholing en training (deel van de betaalde uren)", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_WERKOVERLEG] = {"werkoverleg", "werkoverleg en intervisie (deel van de betaalde uren)", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_INDIRECTE_TIJD] = {"indirecte_tijd", "indirecte tijd: niet-cli\xc3\xabntgebonden werk (deel van de betaalde uren)", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_OVERIG_NIET_PRODUCTIEF] = {"overig_niet_productief", "overige niet-productieve tijd (deel van de betaalde uren)", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_ORT] = {"ort", "onregelmatigheidstoeslag (ORT, deel van het jaarsalaris)", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_REIS_EN_OPLEIDING] = {"reis_en_opleiding", "reis- en opleidingskosten (opslag op E1 + E2)", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_GEMEENTELIJKE_VERPLICHTINGEN] = {"gemeentelijke_verplichtingen", "gemeentelijke verplichtingen (opslag op E1 + E2)", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_OVERHEAD] = {"overhead", "overhead: indirecte kosten van de organisatie", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_OVERHEAD_GRONDSLAG] = {"overhead_grondslag", "grondslag van de overhead (opslag of aandeel)", TARIEF_SOORT_KEUZE, false, TARIEF_GRONDSLAG_OPSLAG, true},
    [TARIEF_P_RISICO] = {"risico", "risico-opslag voor ondernemersrisico (op de kostprijs)", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_INDEXATIE] = {"indexatie", "indexatie van prijspeil naar tariefjaar", TARIEF_SOORT_PERCENTAGE, false, 0, true},
    [TARIEF_P_AFRONDING] = {"afronding", "afronding van het tarief (stap 17)", TARIEF_SOORT_KEUZE, false, TARIEF_AFRONDING_CENT, true},
    [TARIEF_P_INDEXATIE_METHODE] = {"indexatie_methode", "methode inhaalslag indexatie (VNG)", TARIEF_SOORT_KEUZE, false, TARIEF_INDEXATIE_VERSCHIL, true},
    [TARIEF_P_INDEXATIE_LOONDEEL] = {"indexatie_loondeel", "loondeel indexatie (gewicht OVA)", TARIEF_SOORT_PERCENTAGE, false, 0.9, true},
    [TARIEF_P_INDEXATIE_TUSSENAFRONDING] = {"indexatie_tussenafronding", "tussenafronding indexatie", TARIEF_SOORT_KEUZE, false, 0, true},
    [TARIEF_P_PRIJSPEIL] = {"prijspeil", "prijspeiljaar van de bedragen", TARIEF_SOORT_JAAR, false, 0, false},
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

/* The lines of uitgangspunten.csv and cao.csv that are not parameters. */
static const struct {
    const char *naam, *label;
} VELDEN[] = {
    {"regio", "naam van de regio"},
    {"aanbieder", "naam van de aanbieder"},
    {"tariefjaar", "jaar waarvoor de tarieven gelden"},
    {"cao", "cao-tabel van de regio (map in de cao-map)"},
    {"indexreeks", "bestand met de indexreeks (OVA en PPC)"},
    {"naam", "naam van de cao"},
    {"ingangsdatum", "ingangsdatum van de salaristabel"},
    {"uren_per_week", "uren per week bij een volledige baan"},
};

const char *tarief_veld_label(const char *naam)
{
    if (naam == NULL)
        return NULL;
    int id = tarief_param_lookup(naam);
    if (id >= 0)
        return PARAMS[id].label;
    for (size_t i = 0; i < sizeof VELDEN / sizeof VELDEN[0]; i++)
        if (strcasecmp(VELDEN[i].naam, naam) == 0)
            return VELDEN[i].label;
    return NULL;
}
