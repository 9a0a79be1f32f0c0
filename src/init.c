/*
 * init.c - `tarief init`: a new region from a template. Four files with
 * comment lines (#) explaining every column and parameter, and one worked
 * example product that `valideer` and `bereken` accept as it is. The
 * ranges in the comments are those of docs/rekenmethode.md and the public
 * sources named there; they orient, they do not replace the region's own
 * sources.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "uitvoermap.h"

static const char *const UITGANGSPUNTEN[] = {
    "parameter;waarde;bron\n",
    "# Uitgangspunten van de regio (gemaakt met tarief init). Eén parameter per regel: parameter;waarde;bron.\n",
    "# Zet in de kolom bron waar de waarde vandaan komt, of 'aanname: ...' met de reden.\n",
    "# Getallen in Nederlandse notatie (2.938 en 8,33); percentages in procenten: 8,33 en 8,33% zijn 8,33 %.\n",
    "# Regels die met # beginnen en lege regels worden overgeslagen. Uitleg: docs/rekenmethode.md.\n",
    "#\n",
    "# regio (verplicht): de naam van de regio, zoals die boven elke uitvoer staat.\n",
    "regio;Nieuwe regio;aanname: vervang door de naam van uw regio\n",
    "# tariefjaar (verplicht): het kalenderjaar waarvoor de tarieven gelden.\n",
    "tariefjaar;2025;aanname: vervang door uw tariefjaar\n",
    "# cao: de standaard-cao van de functies (een map <cao-map>/<id>/, zie data/cao/README.md). Een functie\n",
    "#   in functies.csv met een eigen cao gaat hiervoor. Deze tabel is echt maar gedateerd (1 mei 2022).\n",
    "cao;ghz-2022-05-01;Cao Gehandicaptenzorg, salarisschalen per 1 mei 2022 (meegeleverd in data/cao)\n",
    "# vakantietoeslag, eindejaarsuitkering, jaaruren: staan in cao.csv van de cao (alle vier de grote cao's:\n",
    "#   vakantietoeslag 8 %; eindejaarsuitkering 8,33 % in GHZ en GGZ; jaaruren 1.872 of 1.878 bij 36 uur per\n",
    "#   week). Zet ze hier alleen als de regio van de cao afwijkt; dan gaat de waarde hier voor.\n",
    "# werkgeverslasten: sociale lasten en het werkgeversdeel van het pensioen, in % van de bruto loonsom.\n",
    "#   Ter oriëntatie: sociale lasten bijna 20 % (loonwijzer.nl) plus pensioen PFZW (25,8 % totaal over\n",
    "#   salaris min franchise, helft werkgever): samen meestal 25-35 %.\n",
    "werkgeverslasten;30%;aanname: sociale lasten ca. 20 % plus werkgeversdeel pensioen\n",
    "#\n",
    "# Productiviteit: het deel van de jaaruren dat declarabele cliënttijd is. Geef óf één productiviteit\n",
    "#   (bijvoorbeeld productiviteit;80%, zoals in een gepubliceerde opbouw voor Wmo/jeugd begeleiding),\n",
    "#   óf de onderdelen hieronder, elk in % van de jaaruren: productiviteit = 100 % min hun som.\n",
    "#   Niet beide. Per product mag producten.csv een onderdeel of de productiviteit anders zetten.\n",
    "# verlof: vakantie en feestdagen; ca. 194 uur per voltijder is 10,3 % van 1.878 uur.\n",
    "verlof;10,3%;aanname: ca. 194 uur vakantieverlof en feestdagen / 1878 jaaruren\n",
    "# verzuim: ziekteverzuim; CBS: 6,7 % zorg en welzijn, 7,3 % gehandicaptenzorg, 6,7 % ggz (Q3 2023).\n",
    "verzuim;6,7%;CBS via skipr.nl: ziekteverzuim zorg en welzijn 6,7 % (Q3 2023)\n",
    "# scholing: scholing, intervisie en registratie (SKJ, BIG), meestal 1-3 %.\n",
    "scholing;2%;aanname: ca. 38 uur per jaar\n",
    "# werkoverleg: teamoverleg, meestal 2-5 % (1 uur per week is ca. 2,8 %).\n",
    "werkoverleg;3%;aanname: ca. 1 uur teamoverleg per week\n",
    "# indirecte_tijd: verslag, reistijd en overleg rond de cliënt die niet als cliënttijd gedeclareerd\n",
    "#   wordt; hoog bij ambulant werk (5-15 %), laag bij verblijf.\n",
    "indirecte_tijd;10%;aanname: ambulant werk\n",
    "# overig_niet_productief: wat niet onder de vijf hierboven valt (standaard niets).\n",
    "#\n",
    "# ort: onregelmatigheidstoeslag, in % van het jaarsalaris. 0 % voor werk op kantoortijden; voor\n",
    "#   verblijf en crisis het aandeel onregelmatige uren maal de toeslag (Jeugdzorg: 25 % avond en vroeg,\n",
    "#   45 % nacht), bijvoorbeeld 45 % onregelmatig x 27 % = 12 %. Meestal per product in producten.csv.\n",
    "ort;0%;aanname: geen onregelmatige uren (ambulant)\n",
    "# reis_en_opleiding (element 3): opslag op de personeelskosten voor reiskosten en opleidingsbudget,\n",
    "#   meestal 1-5 %.\n",
    "reis_en_opleiding;3%;aanname: reiskosten en opleidingsbudget\n",
    "# gemeentelijke_verplichtingen (element 5): rapportage, berichtenverkeer en verantwoording aan de\n",
    "#   gemeente, opslag op de personeelskosten, meestal 1-3 %.\n",
    "gemeentelijke_verplichtingen;2%;aanname: rapportage en verantwoording\n",
    "# overhead (element 4): 20 % opslag in een gepubliceerde opbouw voor Wmo/jeugd begeleiding; meestal\n",
    "#   10-25 %. overhead_grondslag: opslag (bovenop de personeelskosten, standaard) of aandeel (een deel\n",
    "#   van de kostprijs: 15 % aandeel is 15 / 85 = 17,6 % opslag).\n",
    "overhead;20%;gepubliceerde opbouw Wmo/jeugd begeleiding: 20 % opslag\n",
    "overhead_grondslag;opslag;idem\n",
    "# risico: opslag voor ondernemersrisico en innovatie op de kostprijs, meestal 0-5 %.\n",
    "risico;3%;aanname: risico en innovatie\n",
    "# indexatie (element 8): van het prijspeil van de invoer (de cao-tabel) naar het tariefjaar, een\n",
    "#   percentage, of vng voor de VNG-systematiek (docs/indexatie.md; VNG-indexcijfer 2024 6,30 %, 2025\n",
    "#   4,96 %). Hier een brug van de tabel van 2022 naar 2025.\n",
    "indexatie;14%;aanname: brug van het prijspeil 1-5-2022 van de cao-tabel naar 2025\n",
    "# afronding: cent (standaard), euro, euro_omhoog of deelbaar_door_60 (uurtarief per minuut\n",
    "#   gedeclareerd: een veelvoud van 0,60 euro).\n",
    "afronding;cent;aanname: afronden op hele centen\n",
    NULL};

static const char *const FUNCTIES[] = {
    "functie;cao;schaal;trede;loonkosten_per_uur;omschrijving;bron\n",
    "# De functies van de functiemix (gemaakt met tarief init). Eén regel per functie.\n",
    "# functie: de naam waarmee functiemix.csv naar de functie verwijst (bijvoorbeeld MBO4, HBO, WO).\n",
    "# cao: de cao-tabel van deze functie; leeg = de cao uit uitgangspunten.csv.\n",
    "# schaal, trede: de inschaling in die cao-tabel (schaal en trede zoals in salarisschalen.csv),\n",
    "#   bijvoorbeeld FG 45 trede 6. Kies de trede van een gemiddelde ervaren medewerker.\n",
    "# loonkosten_per_uur: in plaats van cao, schaal en trede een vast bedrag: werkgeverskosten per\n",
    "#   betaald uur, inclusief vakantietoeslag, eindejaarsuitkering en werkgeverslasten (bijvoorbeeld\n",
    "#   ingehuurde psychiater 95,00). Niet beide.\n",
    "# omschrijving: vrije tekst. bron: waar de inschaling vandaan komt, of 'aanname: ...'.\n",
    "MBO4;;FG 35;8;;persoonlijk begeleider mbo niveau 4;aanname: FG 35, trede 8 als gemiddelde ervaring\n",
    "HBO;;FG 45;6;;ambulant hulpverlener hbo;aanname: FG 45, trede 6 (hoogste trede in de meegeleverde tabel)\n",
    NULL};

static const char *const PRODUCTEN[] = {
    "code;naam;eenheid;uren_per_eenheid;begeleiders;groepsgrootte;huisvesting;verzorging;toelichting;bron\n",
    "# De productkaarten (gemaakt met tarief init). Eén regel per product.\n",
    "# code: de productcode (iJw-categorie 41 dagbehandeling, 43/44 verblijf, 45 ambulant, 46 crisis).\n",
    "# naam: de naam van het product. eenheid: minuut, uur, dagdeel, etmaal, dag, week, maand, traject of\n",
    "#   stuk.\n",
    "# uren_per_eenheid: uren inzet per eenheid (uur: 1; dagdeel: 3,5-4 uur met voorbereiding; etmaal: 24).\n",
    "# begeleiders, groepsgrootte: bij een groepsproduct wordt de inzet over de groep verdeeld: 4 uur met\n",
    "#   2 begeleiders voor 8 jeugdigen is 4 x 2 / 8 = 1 uur per jeugdige. Leeg = 1.\n",
    "# huisvesting, verzorging (elementen 6 en 7): euro per eenheid, voor verblijf; leeg = 0.\n",
    "# Elke parameter uit uitgangspunten.csv behalve regio, tariefjaar en cao mag ook als kolom: een\n",
    "#   gevulde cel gaat voor dat product voor de regio, een lege cel is de waarde van de regio.\n",
    "# toelichting, bron: vrije tekst.\n",
    "# Voorbeeldproduct: vervang het door uw eigen productkaarten.\n",
    "45A49;Ambulante begeleiding mbo/hbo;uur;1;;;;;Voorbeeld: een uur begeleiding door een mbo- of "
    "hbo-begeleider.;aanname: 1 uur cliënttijd per eenheid\n",
    NULL};

static const char *const FUNCTIEMIX[] = {
    "product;functie;percentage;bron\n",
    "# De functiemix per product (gemaakt met tarief init): het aandeel van de uren van elke functie.\n",
    "# product: de code uit producten.csv. functie: een naam uit functies.csv. percentage: in procenten,\n",
    "#   per product samen 100. bron: waar het aandeel vandaan komt, bijvoorbeeld de uitvraag onder\n",
    "#   aanbieders (tarief uitvraag sjabloon en tarief uitvraag verwerk, docs/uitvraag.md).\n",
    "45A49;HBO;60%;aanname: voorbeeld\n",
    "45A49;MBO4;40%;aanname: voorbeeld\n",
    NULL};

int tarief_init_regio(tarief_ctx *ctx, const char *dir)
{
    static const struct {
        const char *name;
        const char *const *lines;
    } files[] = {{"uitgangspunten.csv", UITGANGSPUNTEN},
                 {"functies.csv", FUNCTIES},
                 {"producten.csv", PRODUCTEN},
                 {"functiemix.csv", FUNCTIEMIX}};
    tarief_uitvoermap m;
    if (tarief_uitvoermap_open(ctx, &m, dir) != 0)
        return -1;
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        FILE *f = fopen(tarief_uitvoermap_file(ctx, &m, files[i].name), "w");
        bool ok = f != NULL;
        for (size_t k = 0; ok && files[i].lines[k]; k++)
            ok = fputs(files[i].lines[k], f) >= 0;
        if (f && fclose(f) != 0)
            ok = false;
        if (!ok) {
            tarief_ctx_error(ctx, ti_ctx_printf(ctx, "%s/%s", m.path, files[i].name), 0, 0, NULL,
                             "kan niet schrijven: %s", tarief_strerror(errno));
            ti_ctx_mark_io(ctx);
            tarief_uitvoermap_abort(&m);
            return -1;
        }
    }
    return tarief_uitvoermap_commit(ctx, &m);
}
