/*
 * workbook_toelichting.c - the Toelichting sheet of the `bereken` workbook
 * (how to read it, colours, version) and the SHA-256 of every input file
 * (computed by the loader).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "tarief.h"
#include "internal.h"
#include "workbook_bereken.h"

/* ------------------------------------------------------------------------ */
/* Toelichting                                                               */


/* The input files with their SHA-256, as the loader computed them
 * (tarief_regio.bestanden); nothing is hashed here. */
invoerbestand *wbb_checksums(wb *w, size_t *n_out)
{
    const tarief_regio *r = w->r;
    invoerbestand *b = calloc(r->n_bestanden ? r->n_bestanden : 1, sizeof *b);
    if (b == NULL)
        return NULL;
    if (r->n_bestanden)
        memcpy(b, r->bestanden, r->n_bestanden * sizeof *b);
    *n_out = r->n_bestanden;
    return b;
}

/* Wrapped text in column B (TOEL_B wide), the row as high as it needs. */
#define TOEL_B 100
static void tekst(wb *w, lxw_worksheet *ws, uint32_t row, const char *s)
{
    wbc_rij_voor(&w->b, ws, row, s, TOEL_B);
    wbc_str(&w->b, ws, row, 1, s, w->f.tekst);
}

void wbb_write_toelichting(wb *w, lxw_worksheet *ws, const invoerbestand *bestanden,
                           size_t n_bestanden, long long created)
{
    const tarief_regio *r = w->r;
    const wb_formats *F = &w->f;
    static const wbc_kolom breedte[] = {{0, 0, 44}, {1, 1, TOEL_B}};
    wbc_widths(&w->b, ws, breedte, sizeof breedte / sizeof breedte[0]);
    uint32_t row = 0;
    char buf[512];

    snprintf(buf, sizeof buf, "Re\xc3\xable tarieven %s %d", r->naam ? r->naam : "", r->tariefjaar);
    wbc_str(&w->b, ws, row++, 0, buf, F->titel);
    snprintf(buf, sizeof buf, "tarief %s, %s", TARIEF_VERSION, TARIEF_REKENMETHODE);
    wbc_str(&w->b, ws, row, 0, "Gemaakt met", NULL);
    wbc_str(&w->b, ws, row++, 1, buf, NULL);
    time_t t = (time_t)created;
    struct tm tm;
    if (gmtime_r(&t, &tm) != NULL)
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
    else
        buf[0] = '\0';
    wbc_str(&w->b, ws, row, 0, "Datum (SOURCE_DATE_EPOCH of 1 januari tariefjaar)", NULL);
    wbc_str(&w->b, ws, row++, 1, buf, NULL);
    wbc_str(&w->b, ws, row, 0, "Regiomap", NULL);
    wbc_str(&w->b, ws, row++, 1, r->dir, NULL);
    row++;

    static const char *const bladen[][2] = {
        {"Tarieven", "E\xc3\xa9n rij per product (volgorde van producten.csv): code, naam, eenheid, "
                     "de opbouw per element (E1-E8 met de letter uit het Uitvoeringsbesluit Wmo 2015 "
                     "art. 5.4 lid 3 en het Besluit Jeugdwet art. 2.3 lid 1, plus risico en "
                     "afrondingsverschil), elk op centen afgerond zoals het er staat, de kolom "
                     "afronding weergave (het tarief min de som van die bedragen) en als "
                     "laatste kolom het tarief. Wat er staat telt zo op tot het tarief; de volle "
                     "waarden staan op Opbouw. Een afdruk van het werkboek begint met dit blad."},
        {"Grafiek", "De opbouw van het tarief per product als gestapelde staaf (hoogstens de eerste "
                    "50 producten). De grafiek leest de cellen van Tarieven en verandert mee bij "
                    "herberekenen."},
        {"Uitgangspunten", "Kolom A de parameter precies zoals in uitgangspunten.csv, B wat hij in "
                           "gewone woorden betekent, C de waarde (percentages als fractie, opgemaakt "
                           "als %), D de bron, E de regel in het bestand. Daaronder de "
                           "standaardwaarden van de rekenmethode die zijn gebruikt omdat het bestand "
                           "ze niet zet. Elke parametercel heeft de naam van de parameter "
                           "(bijvoorbeeld overhead): zo staat hij in de formules."},
        {"Producten", "producten.csv: per product de invoer (uren_per_eenheid, begeleiders, "
                      "groepsgrootte, huisvesting, verzorging) en de kolommen waarmee een product "
                      "een regioparameter overschrijft. Een lege gele cel betekent: de waarde van "
                      "de regio geldt; vul een waarde in om die voor dit product te overschrijven."},
        {"Functies", "functies.csv: per functie de cao, schaal en trede (of loonkosten_per_uur)."},
        {"Functiemix", "functiemix.csv: per product het aandeel van elke functie."},
        {"CAO \xe2\x80\xa6", "Per gebruikte cao-tabel de salarisschalen (maandsalaris bij voltijd) "
                             "en rechts de parameters uit cao.csv."},
        {"Indexreeks", "Alleen bij indexatie 'vng': de indexreeks (OVA en PPC, voorlopig en "
                       "definitief, per jaar) zoals ingelezen."},
        {"Loonkosten", "Stap 1-8 per functie (maandsalaris, jaarsalaris, toeslagen, "
                       "werkgeverslasten, kosten per betaald uur), eenmaal voor alle producten. "
                       "Een stap die afhangt van een parameter die een product kan overschrijven "
                       "(een kolom in producten.csv, zoals ort) staat niet hier maar per product "
                       "op Opbouw."},
        {"Indexatie", "Alleen bij indexatie 'vng': per groep producten met dezelfde regels "
                      "(loondeel, methode, tussenafronding, prijspeil) het indexcijfer per jaar na "
                      "het prijspeil tot en met het tariefjaar, en de samengestelde indexatie die "
                      "de productrij op Opbouw gebruikt. Het aantal jaren ligt vast bij het maken "
                      "van het werkboek: een ander prijspeil of tariefjaar vraagt een nieuw werkboek."},
        {"Opbouw", "De afleiding per product, stap 1-17 van de rekenmethode. Per product eerst een "
                   "rij per functie uit de functiemix: het aandeel, de stappen 1-8 die per product "
                   "kunnen verschillen, de kosten per betaald uur C_f en het gewogen aandeel. "
                   "Daaronder de vetgedrukte productrij: stap 9-17, van gemengde kosten per uur "
                   "tot tarief. Elke stap is een formule; de kolommen met parameternamen tonen de "
                   "waarde die voor dat product geldt, met als formule waar die vandaan komt: "
                   "IF(cel op Producten niet leeg; die cel; de regio- of standaardwaarde)."},
    };
    wbc_str(&w->b, ws, row++, 0, "Zo lees je dit werkboek", F->sectie);
    for (size_t k = 0; k < sizeof bladen / sizeof bladen[0]; k++) {
        bool index_blad = strncmp(bladen[k][0], "Index", 5) == 0;
        if (index_blad && w->n_profielen == 0)
            continue;
        wbc_str(&w->b, ws, row, 0, bladen[k][0], F->tekst_vet);
        tekst(w, ws, row++, bladen[k][1]);
    }
    row++;

    wbc_str(&w->b, ws, row++, 0, "Kleuren", F->sectie);
    wbc_str(&w->b, ws, row, 0, "invoer", F->in.tekst);
    tekst(w, ws, row++,
            "Invoer uit een invoerbestand (uitgangspunten, producten, functies, "
            "functiemix, cao-tabel). Wijzig deze cellen om te rekenen met andere "
            "uitgangspunten.");
    wbc_str(&w->b, ws, row, 0, "standaardwaarde", F->std.tekst);
    tekst(w, ws, row++,
            "Standaardwaarde van de rekenmethode, gebruikt waar de invoer niets "
            "zet. Ook wijzigbaar.");
    wbc_str(&w->b, ws, row, 0, "afgeleid (formule)", F->af.tekst);
    tekst(w, ws, row++,
            "Afgeleid: een formule over de cellen waaruit de waarde volgt. Niet "
            "overschrijven.");
    wbc_check(&w->b, worksheet_write_string(ws, row, 0, "tarief", F->tarief));
    tekst(w, ws, row++, "De uitkomst: het tarief na afronding (stap 17).");
    row++;

    /* steps 1-17 in brief, from the step table (stappen.c) */
    char kort[2048], functie_kort[2048], product_kort[2048];
    wbc_fmt(&w->b, functie_kort, sizeof functie_kort,
            "Per functie f uit de functiemix (aandeel w): %s. C_f kan ook direct als "
            "loonkosten_per_uur zijn opgegeven (Functies).",
            st_in_het_kort(AF_J, AF_CF, kort, sizeof kort));
    wbc_fmt(&w->b, product_kort, sizeof product_kort, "Per product: %s.",
            st_in_het_kort(AF_C, AF_AFRONDINGSVERSCHIL, kort, sizeof kort));
    const char *methode[] = {
        functie_kort,
        product_kort,
        "Voorrang bij parameters: product (kolom op Producten) boven regio (Uitgangspunten) boven "
        "cao (blad CAO) boven standaardwaarde. Productiviteit: die van het product, anders 100 % "
        "min de niet-productieve componenten (van het product waar gezet, anders van de regio) als "
        "de regio met componenten werkt, anders die van de regio.",
        "Alleen stap 17 rondt af, met ROUND/ROUNDUP zoals een spreadsheet: " TI_AFR_CENT " = ROUND(T;2), "
        TI_AFR_EURO " = ROUND(T;0), " TI_AFR_EURO_OMHOOG " = ROUNDUP(T;0), " TI_AFR_DEELBAAR_DOOR_60 " = "
        "ROUND(60 \xc3\x97 ROUND(T/60;2);2).",
    };
    wbc_str(&w->b, ws, row++, 0, "Rekenmethode in het kort", F->sectie);
    for (size_t k = 0; k < sizeof methode / sizeof methode[0]; k++)
        tekst(w, ws, row++, methode[k]);
    row++;

    static const char *const controle[] = {
        "1. Zoek het product op Tarieven; de tariefcel verwijst naar de productrij op Opbouw.",
        "2. Filter Opbouw op de code: de functierijen (stap 1-8, met verwijzingen naar "
        "Loonkosten) en de productrij (stap 9-17).",
        "3. Volg elke formule terug naar de gele invoercellen; de kolom vindplaats geeft bestand "
        "en regel.",
        "4. Wijzig een invoercel en laat herberekenen (LibreOffice: Ctrl+Shift+F9; Excel: "
        "Ctrl+Alt+F9). De waarden die bij het openen te zien zijn, zijn die van de rekenkern van "
        "tarief; een herberekening geeft dezelfde uitkomst.",
        "5. Vergelijk de controlegetallen hieronder met sha256sum van de invoerbestanden.",
    };
    wbc_str(&w->b, ws, row++, 0, "Een tarief controleren", F->sectie);
    for (size_t k = 0; k < sizeof controle / sizeof controle[0]; k++)
        tekst(w, ws, row++, controle[k]);
    row++;

    wbc_str(&w->b, ws, row++, 0, "Invoerbestanden (SHA-256)", F->sectie);
    wbc_str(&w->b, ws, row, 0, "bestand", F->kop);
    wbc_str(&w->b, ws, row++, 1, "sha256", F->kop);
    for (size_t k = 0; k < n_bestanden; k++) {
        wbc_str(&w->b, ws, row, 0, bestanden[k].path, NULL);
        wbc_str(&w->b, ws, row++, 1, bestanden[k].sha256[0] ? bestanden[k].sha256 : "(niet berekend)", NULL);
    }
}