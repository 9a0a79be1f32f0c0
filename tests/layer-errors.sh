#!/bin/sh
# Every input rule of rekenmethode §1-2 with a broken input and the EXACT
# message line it must give (`file:line:column: fout: ...`), and §6: all
# problems at once, exit 2, nothing written, existing output untouched, no
# temporary file left behind. Prints TAP lines.
#
# Every case starts from a small valid region written below (r/ with CAO
# c/c1/), breaks one thing and runs `tarief valideer r --cao-map c` in a
# temporary directory, so the paths in the messages are short and fixed.
# docs/foutmeldingen.md explains each message to users.
. "$(dirname "$0")/tap.sh"
W=$tmp

if [ ! -x "$BIN" ]; then
    nok "$BIN ontbreekt (eerst make)"
    exit 1
fi

# --- the valid region ----------------------------------------------------
basis() {
    rm -rf "$W/r" "$W/c"
    mkdir -p "$W/r" "$W/c/c1"
    cat > "$W/r/uitgangspunten.csv" <<'EOF'
parameter;waarde;bron
regio;Testregio;
tariefjaar;2025;
cao;c1;
werkgeverslasten;30%;
verlof;10%;
verzuim;5%;
overhead;20%;
overhead_grondslag;opslag;
afronding;cent;
EOF
    cat > "$W/r/functies.csv" <<'EOF'
functie;cao;schaal;trede;loonkosten_per_uur;omschrijving
MBO;;FG 35;8;;begeleider
HBO;;FG 45;6;;behandelaar
ZZP;;;;95,00;inhuur
EOF
    cat > "$W/r/producten.csv" <<'EOF'
code;naam;eenheid;uren_per_eenheid;begeleiders;groepsgrootte;productiviteit;verzuim;overhead;overhead_grondslag
A1;Ambulant;uur;1;;;;;;
G1;Groep;dagdeel;4;2;8;;;;
EOF
    cat > "$W/r/functiemix.csv" <<'EOF'
product;functie;percentage
A1;HBO;90%
A1;ZZP;10%
G1;MBO;60
G1;HBO;40
EOF
    cat > "$W/c/c1/cao.csv" <<'EOF'
parameter;waarde;bron
naam;Testcao;
ingangsdatum;2024-01-01;
jaaruren;1878;
vakantietoeslag;8%;
eindejaarsuitkering;8,33%;
EOF
    cat > "$W/c/c1/salarisschalen.csv" <<'EOF'
schaal;trede;maandsalaris
FG 35;7;2.800,00
FG 35;8;2.900,00
FG 45;5;3.500,00
FG 45;6;3.600,00
EOF
}

# ed FILE SED-SCRIPT: change one file of the region (r/...) or CAO (c/...)
ed() { sed -e "$2" "$W/$1" > "$W/.ed" && mv "$W/.ed" "$W/$1"; }
# put FILE TEXT: replace a file by TEXT (printf %b escapes: \n, \0351, ...)
put() { printf '%b' "$2" > "$W/$1"; }

valideer() { (cd "$W" && "$BIN" valideer r --cao-map c > out 2> err); rc=$?; }

# fout NAME EXPECTED-LINE: valideer exits 2, prints nothing on stdout, and
# stderr has exactly this line. Restores the valid region afterwards.
fout() {
    valideer
    if [ $rc -eq 2 ] && [ ! -s "$W/out" ] && grep -Fxq -- "$2" "$W/err"; then
        ok "$1"
    else
        nok "$1" "status $rc, verwacht 2 en de regel:" "$2" "kreeg:" "$(head -12 "$W/err")"
    fi
    basis
}

# --- the base is valid --------------------------------------------------
basis
valideer
if [ $rc -eq 0 ] && [ ! -s "$W/out" ] && [ ! -s "$W/err" ]; then
    ok "geldige testregio: valideer stil met status 0"
else
    nok "geldige testregio: valideer stil met status 0" "status $rc" "$(head -5 "$W/err")"
fi

# --- numbers (§1) --------------------------------------------------------
ed r/uitgangspunten.csv 's/^verlof;10%/verlof;0.08/'
fout "getal: 0.08 (decimale punt) in een ';'-bestand" \
    "r/uitgangspunten.csv:6:8: fout: ongeldig getal '0.08' voor verlof: in een bestand met ';' is de komma het decimaalteken (schrijf bijvoorbeeld 0,08); let op: een percentage staat in procenten, 8 % is 8 of 8%, niet 0,08"
ed r/producten.csv 's/^A1;Ambulant;uur;1;/A1;Ambulant;uur;1.5;/'
fout "getal: 1.5 (decimale punt) voor uren" \
    "r/producten.csv:2:17: fout: ongeldig getal '1.5' voor uren_per_eenheid: in een bestand met ';' is de komma het decimaalteken (schrijf bijvoorbeeld 1,5)"
ed r/producten.csv 's/^A1;Ambulant;uur;1;/A1;Ambulant;uur;1.5.0;/'
fout "getal: 1.5.0" \
    "r/producten.csv:2:17: fout: ongeldig getal '1.5.0' voor uren_per_eenheid: verwacht een getal met decimale komma, zoals 1878, 2.897,00 of 8,33 (het bestand gebruikt ';' als scheidingsteken)"
ed r/uitgangspunten.csv 's/^verzuim;5%/verzuim;nan/'
fout "getal: nan" \
    "r/uitgangspunten.csv:7:9: fout: ongeldig getal 'nan' voor verzuim: verwacht een getal met decimale komma, zoals 1878, 2.897,00 of 8,33 (het bestand gebruikt ';' als scheidingsteken)"
ed r/producten.csv 's/^G1;Groep;dagdeel;4;2;8;/G1;Groep;dagdeel;4;2;inf;/'
fout "getal: inf" \
    "r/producten.csv:3:22: fout: ongeldig getal 'inf' voor groepsgrootte: verwacht een getal met decimale komma, zoals 1878, 2.897,00 of 8,33 (het bestand gebruikt ';' als scheidingsteken)"
ed c/c1/salarisschalen.csv 's/^FG 45;6;3.600,00/FG 45;6;36a0/'
fout "getal: 36a0" \
    "c/c1/salarisschalen.csv:5:9: fout: ongeldig getal '36a0' voor maandsalaris: verwacht een getal met decimale komma, zoals 1878, 2.897,00 of 8,33 (het bestand gebruikt ';' als scheidingsteken)"
ed c/c1/salarisschalen.csv 's/^FG 45;6;3.600,00/FG 45;6;36.00,00/'
fout "getal: duizendtallen niet in groepen van drie" \
    "c/c1/salarisschalen.csv:5:9: fout: ongeldig getal '36.00,00' voor maandsalaris: verwacht een getal met decimale komma, zoals 1878, 2.897,00 of 8,33 (het bestand gebruikt ';' als scheidingsteken)"
ed r/producten.csv 's/^A1;Ambulant;uur;1;/A1;Ambulant;uur;1%;/'
fout "getal: %-teken waar geen percentage hoort" \
    "r/producten.csv:2:17: fout: ongeldig getal '1%' voor uren_per_eenheid: dit is geen percentage, laat het %-teken weg"
put r/functies.csv 'functie,cao,schaal,trede,loonkosten_per_uur\nZZP,,,,"95,00"\nMBO,,FG 35,8,\nHBO,,FG 45,6,\n'
fout "getal: decimale komma in een ','-bestand" \
    "r/functies.csv:2:8: fout: ongeldig getal '95,00' voor loonkosten_per_uur: verwacht een getal met decimale punt zonder duizendtallen, zoals 1878, 2897.00 of 8.33 (het bestand gebruikt ',' als scheidingsteken)"

# --- empty where required ------------------------------------------------
ed r/producten.csv 's/^A1;Ambulant;uur;1;/A1;Ambulant;uur;;/'
fout "leeg: uren_per_eenheid" \
    "r/producten.csv:2:17: fout: uren_per_eenheid ontbreekt voor product 'A1'"
ed c/c1/salarisschalen.csv 's/^FG 45;6;3.600,00/FG 45;6;/'
fout "leeg: maandsalaris" \
    "c/c1/salarisschalen.csv:5:9: fout: maandsalaris ontbreekt"
ed r/functiemix.csv 's/^A1;ZZP;10%/A1;ZZP;/'
fout "leeg: percentage" \
    "r/functiemix.csv:3:8: fout: percentage ontbreekt"
ed r/uitgangspunten.csv 's/^overhead;20%;/overhead;;/'
fout "leeg: waarde van een parameter" \
    "r/uitgangspunten.csv:8:10: fout: waarde ontbreekt voor parameter 'overhead'"
ed r/uitgangspunten.csv 's/^tariefjaar;2025;/tariefjaar;;/'
fout "leeg: tariefjaar (één melding, niet ook 'ontbreekt')" \
    "r/uitgangspunten.csv:3:12: fout: waarde ontbreekt voor parameter 'tariefjaar'"
ed c/c1/cao.csv 's/^naam;Testcao;/naam;;/'
fout "leeg: waarde van een cao-parameter" \
    "c/c1/cao.csv:2:6: fout: waarde ontbreekt voor cao-parameter 'naam'"
ed r/producten.csv 's/^A1;Ambulant;/A1;;/'
fout "leeg: naam van een product" \
    "r/producten.csv:2:4: fout: naam van product 'A1' ontbreekt"
ed r/functiemix.csv 's/^A1;ZZP;/;ZZP;/'
fout "leeg: productcode in de functiemix" \
    "r/functiemix.csv:3:1: fout: productcode ontbreekt"

# --- columns and parameters ------------------------------------------------
ed r/producten.csv '1s/groepsgrootte/groepgrootte/'
fout "kolom: tikfout met suggestie" \
    "r/producten.csv:1:48: fout: onbekende kolom 'groepgrootte' in producten.csv; bedoelt u 'groepsgrootte'?"
ed r/functies.csv '1s/omschrijving/omschrijvin/'
fout "kolom: tikfout in een vrije-tekstkolom" \
    "r/functies.csv:1:45: fout: onbekende kolom 'omschrijvin' in functies.csv; bedoelt u 'omschrijving'?"
ed r/functiemix.csv '1s/$/;opmerking/'
fout "kolom: onbekend zonder suggestie" \
    "r/functiemix.csv:1:28: fout: onbekende kolom 'opmerking' in functiemix.csv (vrije tekst mag in een kolom 'toelichting', 'omschrijving', 'bron' of een kolom die met '#' begint)"
ed r/functiemix.csv '1s/$/;Functie/'
fout "kolom: twee keer dezelfde kolom" \
    "r/functiemix.csv:1:28: fout: kolom 'functie' komt twee keer voor in de kopregel"
ed r/producten.csv '1s/uren_per_eenheid/#uren/'
fout "kolom: verplichte kolom ontbreekt" \
    "r/producten.csv:1:1: fout: verplichte kolom 'uren_per_eenheid' ontbreekt in de kopregel van producten.csv"
ed r/uitgangspunten.csv 's/^overhead;/overhed;/'
fout "parameter: tikfout met suggestie" \
    "r/uitgangspunten.csv:8:1: fout: onbekende parameter 'overhed'; bedoelt u 'overhead'?"
ed r/uitgangspunten.csv '$a\
marge;5%;'
fout "parameter: onbekend zonder suggestie" \
    "r/uitgangspunten.csv:11:1: fout: onbekende parameter 'marge' (de bekende parameters staan in docs/rekenmethode.md)"
ed r/uitgangspunten.csv '$a\
verlof;11%;'
fout "parameter: twee keer" \
    "r/uitgangspunten.csv:11:1: fout: parameter 'verlof' staat er twee keer in (eerder op regel 6)"
ed c/c1/cao.csv 's/^vakantietoeslag;/vakantie_toeslg;/'
fout "cao-parameter: tikfout met suggestie" \
    "c/c1/cao.csv:5:1: fout: onbekende cao-parameter 'vakantie_toeslg'; bedoelt u 'vakantietoeslag'?"
ed r/uitgangspunten.csv '/^tariefjaar;/d'
fout "parameter: verplicht en ontbreekt (hele bestand: regel 1)" \
    "r/uitgangspunten.csv:1:1: fout: verplichte parameter 'tariefjaar' ontbreekt (het jaar waarvoor de tarieven gelden)"
ed r/uitgangspunten.csv '/^regio;/d'
fout "parameter: regio ontbreekt" \
    "r/uitgangspunten.csv:1:1: fout: verplichte parameter 'regio' ontbreekt (de naam van de regio)"
ed c/c1/cao.csv '/^jaaruren;/d'
fout "cao-parameter: verplicht en ontbreekt" \
    "c/c1/cao.csv:1:1: fout: verplichte cao-parameter 'jaaruren' ontbreekt"
ed c/c1/cao.csv '/^vakantietoeslag;/d'
fout "cao-parameter: nodig maar nergens gegeven" \
    "r/functies.csv:3:1: fout: 'vakantietoeslag' ontbreekt voor functie 'HBO' (cao 'c1'): zet 'vakantietoeslag' in uitgangspunten.csv of in c/c1/cao.csv"
ed r/uitgangspunten.csv 's/^tariefjaar;2025;/tariefjaar;25;/'
fout "parameter: ongeldig tariefjaar" \
    "r/uitgangspunten.csv:3:12: fout: ongeldig tariefjaar '25': verwacht een jaartal zoals 2025"
ed c/c1/cao.csv 's/^ingangsdatum;2024-01-01;/ingangsdatum;1-1-2024;/'
fout "cao-parameter: ongeldige ingangsdatum" \
    "c/c1/cao.csv:3:14: fout: ongeldige ingangsdatum '1-1-2024': verwacht JJJJ-MM-DD, bijvoorbeeld 2024-01-01"

# --- files ---------------------------------------------------------------
rm "$W/r/functiemix.csv"
fout "bestand: verplicht regiobestand ontbreekt" \
    "r/functiemix.csv:1:1: fout: verplicht bestand functiemix.csv ontbreekt: een regiomap bevat uitgangspunten.csv, functies.csv, producten.csv en functiemix.csv"
rm "$W/c/c1/salarisschalen.csv"
fout "bestand: cao-bestand ontbreekt" \
    "c/c1/salarisschalen.csv:1:1: fout: verplicht bestand salarisschalen.csv ontbreekt: een cao-map bevat cao.csv en salarisschalen.csv"
rm -rf "$W/r"
fout "bestand: regiomap bestaat niet" \
    "r:1:1: fout: regiomap niet gevonden (verwacht een map met uitgangspunten.csv, functies.csv, producten.csv en functiemix.csv)"
rm "$W/r/producten.csv" && mkdir "$W/r/producten.csv"
fout "bestand: een map in plaats van een bestand" \
    "r/producten.csv:1:1: fout: dit is een map, geen CSV-bestand"

# --- duplicates ----------------------------------------------------------
ed r/producten.csv 's/^G1;/A1;/'
fout "dubbel: productcode" \
    "r/producten.csv:3:1: fout: productcode 'A1' staat er twee keer in (eerder op regel 2)"
ed c/c1/salarisschalen.csv 's/^FG 45;5;/FG 45;6;/'
fout "dubbel: (schaal, trede)" \
    "c/c1/salarisschalen.csv:5:1: fout: schaal 'FG 45' trede '6' staat er twee keer in (eerder op regel 4)"
ed r/functies.csv 's/^ZZP;/MBO;/'
fout "dubbel: functie" \
    "r/functies.csv:4:1: fout: functie 'MBO' staat er twee keer in (eerder op regel 2)"
ed r/functiemix.csv 's/^A1;ZZP;10%/A1;HBO;10%/'
fout "dubbel: functie in de functiemix van één product" \
    "r/functiemix.csv:3:4: fout: functie 'HBO' staat twee keer in de functiemix van product 'A1' (eerder op regel 2)"

# --- functiemix ------------------------------------------------------------
ed r/functiemix.csv 's/^G1;MBO;60/G1;MBO;50/'
fout "functiemix: telt niet op tot 100 %" \
    "r/functiemix.csv:5:1: fout: functiemix van product 'G1' telt op tot 90 % in plaats van 100 %"
ed r/functiemix.csv 's/^G1;MBO;60/G1;MBO;60,02/'
fout "functiemix: 100,02 % valt buiten de marge van 0,01 procentpunt" \
    "r/functiemix.csv:5:1: fout: functiemix van product 'G1' telt op tot 100,02 % in plaats van 100 %"
ed r/functiemix.csv 's/^G1;MBO;60/G1;MBO;160/'
fout "functiemix: percentage boven 100" \
    "r/functiemix.csv:4:8: fout: percentage moet tussen 0 en 100 liggen, gevonden '160'"
ed r/functiemix.csv 's/^A1;ZZP;/A1;zzp;/'
fout "functiemix: onbekende functie (hoofdletters)" \
    "r/functiemix.csv:3:4: fout: onbekende functie 'zzp': staat niet in functies.csv (bedoelt u 'ZZP'?)"
ed r/functiemix.csv 's/^G1;MBO;/G1;MB0;/'
fout "functiemix: onbekende functie (tikfout)" \
    "r/functiemix.csv:4:4: fout: onbekende functie 'MB0': staat niet in functies.csv (bedoelt u 'MBO'?)"
ed r/functiemix.csv 's/^G1;HBO;40/X9;HBO;40/'
fout "functiemix: onbekend product" \
    "r/functiemix.csv:5:1: fout: onbekend product 'X9': staat niet in producten.csv"
ed r/functiemix.csv '/^G1;/d'
fout "functiemix: product zonder functiemix" \
    "r/producten.csv:3:1: fout: product 'G1' heeft geen functiemix: voeg regels toe aan r/functiemix.csv"

# --- CAO, schaal, trede --------------------------------------------------
ed r/uitgangspunten.csv 's/^cao;c1;/cao;c2;/'
fout "cao: bestaat niet" \
    "r/uitgangspunten.csv:4:5: fout: cao 'c2' bestaat niet: geen map c/c2 (kies een map onder c of geef --cao-map)"
ed r/functies.csv 's/^HBO;;FG 45;6;/HBO;;FG45;6;/'
fout "cao: schaal bestaat niet (met suggestie)" \
    "r/functies.csv:3:6: fout: schaal 'FG45' bestaat niet in cao 'c1' (c/c1/salarisschalen.csv) (bedoelt u 'FG 45'?)"
ed r/functies.csv 's/^HBO;;FG 45;6;/HBO;;FG 45;9;/'
fout "cao: trede bestaat niet in de schaal" \
    "r/functies.csv:3:12: fout: trede '9' bestaat niet in schaal 'FG 45' van cao 'c1' (c/c1/salarisschalen.csv); deze schaal heeft de treden 5, 6"
ed r/uitgangspunten.csv '/^cao;/d'
fout "cao: functie zonder cao en geen standaard-cao" \
    "r/functies.csv:2:5: fout: functie 'MBO' noemt geen cao en uitgangspunten.csv heeft geen standaard 'cao'"

# --- functies.csv: salary kind -------------------------------------------
ed r/functies.csv 's/^HBO;;FG 45;6;;/HBO;;FG 45;6;80;/'
fout "functie: zowel schaal/trede als loonkosten_per_uur" \
    "r/functies.csv:3:14: fout: functie 'HBO' heeft zowel schaal/trede als loonkosten_per_uur: geef er één van beide"
ed r/functies.csv 's/^HBO;;FG 45;6;;/HBO;;;;;/'
fout "functie: geen salaris" \
    "r/functies.csv:3:6: fout: functie 'HBO' heeft geen salaris: geef schaal en trede (uit een cao) of loonkosten_per_uur"
ed r/functies.csv 's/^HBO;;FG 45;6;;/HBO;;FG 45;;;/'
fout "functie: schaal zonder trede" \
    "r/functies.csv:3:12: fout: functie 'HBO': trede ontbreekt (schaal en trede horen bij elkaar)"
ed r/functies.csv 's/^ZZP;;;;95,00;/;;;;95,00;/'
fout "functie: naam ontbreekt" \
    "r/functies.csv:4:1: fout: naam van de functie ontbreekt"

# --- productiviteit --------------------------------------------------------
ed r/uitgangspunten.csv 's/^verlof;10%;/productiviteit;0;/; /^verzuim;/d'
fout "productiviteit: 0 %" \
    "r/uitgangspunten.csv:6:16: fout: productiviteit moet tussen 0 % (niet inbegrepen) en 100 % liggen, gevonden '0'"
ed r/uitgangspunten.csv 's/^verlof;10%;/productiviteit;120%;/; /^verzuim;/d'
fout "productiviteit: boven 100 %" \
    "r/uitgangspunten.csv:6:16: fout: productiviteit moet tussen 0 % (niet inbegrepen) en 100 % liggen, gevonden '120%'"
ed r/producten.csv 's/^A1;Ambulant;uur;1;;;;/A1;Ambulant;uur;1;;;-5;/'
fout "productiviteit: negatief bij een product" \
    "r/producten.csv:2:21: fout: productiviteit moet tussen 0 % (niet inbegrepen) en 100 % liggen, gevonden '-5'"
ed r/uitgangspunten.csv 's/^verlof;10%;/verlof;96%;/'
fout "productiviteit: onderdelen samen 100 % of meer" \
    "r/uitgangspunten.csv:6:1: fout: de niet-productieve onderdelen zijn samen 101 %: de productiviteit (100 % min hun som) moet groter dan 0 % zijn"
ed r/uitgangspunten.csv 's/^werkgeverslasten;30%;/productiviteit;80%;/'
fout "productiviteit: zowel productiviteit als onderdelen in de regio" \
    "r/uitgangspunten.csv:6:1: fout: geef óf productiviteit óf de niet-productieve onderdelen (verlof, verzuim, scholing, werkoverleg, indirecte_tijd, overig_niet_productief), niet allebei: productiviteit staat al op regel 5"
ed r/uitgangspunten.csv '/^verlof;/d; /^verzuim;/d'
fout "productiviteit: geen van beide" \
    "r/uitgangspunten.csv:1:1: fout: productiviteit ontbreekt: geef 'productiviteit' of één of meer niet-productieve onderdelen (verlof, verzuim, scholing, werkoverleg, indirecte_tijd, overig_niet_productief)"
ed r/producten.csv 's/^A1;Ambulant;uur;1;;;;;/A1;Ambulant;uur;1;;;80%;5%;/'
fout "productiviteit: product geeft zowel productiviteit als een onderdeel" \
    "r/producten.csv:2:25: fout: product 'A1' geeft zowel productiviteit als het niet-productieve onderdeel 'verzuim': geef één van beide"
ed r/uitgangspunten.csv 's/^verlof;10%;/productiviteit;80%;/; /^verzuim;/d'
ed r/producten.csv 's/^A1;Ambulant;uur;1;;;;;/A1;Ambulant;uur;1;;;;5%;/'
fout "productiviteit: product zet een onderdeel, de regio rekent met productiviteit" \
    "r/producten.csv:2:22: fout: product 'A1' zet het niet-productieve onderdeel 'verzuim', maar er wordt gerekend met 'productiviteit' (r/uitgangspunten.csv:6): zet voor dit product 'productiviteit'"
ed r/producten.csv 's/^A1;Ambulant;uur;1;;;;;/A1;Ambulant;uur;1;;;;90%;/'
fout "productiviteit: onderdelen van een product samen 100 % of meer" \
    "r/producten.csv:2:22: fout: product 'A1': de niet-productieve onderdelen zijn samen 100 %, de productiviteit moet groter dan 0 % zijn"

# --- overhead as aandeel ---------------------------------------------------
ed r/uitgangspunten.csv 's/^overhead;20%;/overhead;100%;/; s/^overhead_grondslag;opslag;/overhead_grondslag;aandeel;/'
fout "overhead: 100 % als aandeel (regio)" \
    "r/uitgangspunten.csv:8:10: fout: overhead van 100% kan niet als aandeel van de kostprijs: moet kleiner dan 100 % zijn"
ed r/producten.csv 's/^A1;Ambulant;uur;1;;;;;;/A1;Ambulant;uur;1;;;;;120%;aandeel/'
fout "overhead: 120 % als aandeel (product)" \
    "r/producten.csv:2:23: fout: product 'A1': overhead van 120% kan niet als aandeel van de kostprijs, moet kleiner dan 100 % zijn"

# --- zero or negative ------------------------------------------------------
ed r/producten.csv 's/^A1;Ambulant;uur;1;/A1;Ambulant;uur;0;/'
fout "nul: uren_per_eenheid" \
    "r/producten.csv:2:17: fout: uren_per_eenheid moet groter dan 0 zijn, gevonden '0'"
ed r/producten.csv 's/^G1;Groep;dagdeel;4;2;8;/G1;Groep;dagdeel;4;2;0;/'
fout "nul: groepsgrootte" \
    "r/producten.csv:3:22: fout: groepsgrootte moet groter dan 0 zijn, gevonden '0'"
ed r/producten.csv 's/^G1;Groep;dagdeel;4;2;8;/G1;Groep;dagdeel;4;-2;8;/'
fout "negatief: begeleiders" \
    "r/producten.csv:3:20: fout: begeleiders moet groter dan 0 zijn, gevonden '-2'"
ed c/c1/cao.csv 's/^jaaruren;1878;/jaaruren;0;/'
fout "nul: jaaruren" \
    "c/c1/cao.csv:4:10: fout: jaaruren moet groter dan 0 zijn, gevonden '0'"
ed c/c1/salarisschalen.csv 's/^FG 45;6;3.600,00/FG 45;6;0/'
fout "nul: maandsalaris" \
    "c/c1/salarisschalen.csv:5:9: fout: maandsalaris moet groter dan 0 zijn, gevonden '0'"
ed r/functies.csv 's/^ZZP;;;;95,00;/ZZP;;;;-95;/'
fout "negatief: loonkosten_per_uur" \
    "r/functies.csv:4:8: fout: loonkosten_per_uur moet groter dan 0 zijn, gevonden '-95'"
ed r/uitgangspunten.csv 's/^werkgeverslasten;30%;/werkgeverslasten;-30%;/'
fout "negatief: een percentage" \
    "r/uitgangspunten.csv:5:18: fout: werkgeverslasten mag niet negatief zijn, gevonden '-30%'"

# --- choices ---------------------------------------------------------------
ed r/producten.csv 's/^G1;Groep;dagdeel;/G1;Groep;dagdel;/'
fout "eenheid: onbekend (met suggestie)" \
    "r/producten.csv:3:10: fout: onbekende eenheid 'dagdel' voor product 'G1' (bedoelt u 'dagdeel'?): kies minuut, uur, dagdeel, etmaal, dag, week, maand, traject of stuk"
ed r/producten.csv 's/^G1;Groep;dagdeel;/G1;Groep;;/'
fout "eenheid: leeg" \
    "r/producten.csv:3:10: fout: eenheid ontbreekt voor product 'G1': kies minuut, uur, dagdeel, etmaal, dag, week, maand, traject of stuk"
ed r/uitgangspunten.csv 's/^afronding;cent;/afronding;centen;/'
fout "afronding: onbekend (met suggestie)" \
    "r/uitgangspunten.csv:10:11: fout: onbekende afronding 'centen' (bedoelt u 'cent'?): kies cent, euro, euro_omhoog of deelbaar_door_60"
ed r/uitgangspunten.csv 's/^afronding;cent;/afronding;kwartje;/'
fout "afronding: onbekend" \
    "r/uitgangspunten.csv:10:11: fout: onbekende afronding 'kwartje': kies cent, euro, euro_omhoog of deelbaar_door_60"
ed r/producten.csv 's/^A1;Ambulant;uur;1;;;;;;/A1;Ambulant;uur;1;;;;;;opslg/'
fout "overhead_grondslag: onbekend" \
    "r/producten.csv:2:24: fout: onbekende overhead_grondslag 'opslg' (bedoelt u 'opslag'?): kies opslag of aandeel"

# --- the CSV dialect: quotes, encoding, size -------------------------------
ed r/functiemix.csv 's/^A1;ZZP;10%/A1;"ZZP;10%/'
fout "aanhalingsteken: niet afgesloten" \
    "r/functiemix.csv:3:4: fout: aanhalingsteken wordt niet afgesloten: het veld loopt door tot het einde van het bestand"
ed r/functies.csv 's/^HBO;;FG 45;6;;behandelaar/HBO;;FG 45;6;;behandelaar "ambulant"/'
fout "aanhalingsteken: midden in een veld" \
    "r/functies.csv:3:27: fout: aanhalingsteken midden in een veld: zet het hele veld tussen aanhalingstekens en schrijf het aanhalingsteken zelf dubbel, zoals \"12\"\" scherm\""
ed r/functies.csv 's/^HBO;;FG 45;6;;behandelaar/HBO;;"FG 45"x;6;;behandelaar/'
fout "aanhalingsteken: tekst na het sluitende aanhalingsteken" \
    "r/functies.csv:3:13: fout: na het sluitende aanhalingsteken van een veld mag alleen ';' of het regeleinde volgen: staat er een aanhalingsteken te veel, of hoort dit aanhalingsteken bij de tekst (schrijf het dan dubbel: \"\")?"
put r/producten.csv ''
fout "leeg bestand" \
    "r/producten.csv:1:1: fout: bestand is leeg: verwacht een kopregel met kolomnamen"
put r/producten.csv '\r\n  \n\n'
fout "bestand met alleen lege regels" \
    "r/producten.csv:1:1: fout: bestand is leeg: verwacht een kopregel met kolomnamen"
put r/producten.csv '# alleen commentaar\n'
fout "bestand zonder kopregel" \
    "r/producten.csv:1:1: fout: bestand bevat geen kopregel: verwacht een regel met kolomnamen"
ed r/producten.csv '2,$d'
ed r/functiemix.csv '2,$d'
fout "producten.csv met alleen een kopregel" \
    "r/producten.csv:1:1: fout: producten.csv bevat geen producten: voeg onder de kopregel één regel per productkaart toe"
put c/c1/salarisschalen.csv 'schaal;trede;maandsalaris\n'
fout "salaristabel zonder regels" \
    "c/c1/salarisschalen.csv:1:1: fout: salaristabel bevat geen regels"
ed r/functies.csv 's/^HBO;;FG 45;6;;behandelaar/HBO;;FG 45;6;;behandel\o351r/'
fout "ongeldige UTF-8 (Windows-1252)" \
    "r/functies.csv:3:23: fout: ongeldige UTF-8: byte 0xE9 (in Windows-1252 het teken 'é'); sla het bestand op als CSV in UTF-8 (in Excel: 'CSV UTF-8'), niet in Windows-1252 of Latin-1"
ed r/functies.csv 's/^HBO;;FG 45;6;;behandelaar/HBO;;FG 45;6;;behandel\o351r/'
valideer
if grep -Fxq "    3 | HBO;;FG 45;6;;behandel?r" "$W/err" && grep -Fxq "      |                       ^" "$W/err"; then
    ok "ongeldige UTF-8: de regel getoond met '?' en een caret eronder"
else
    nok "ongeldige UTF-8: de regel getoond met '?' en een caret eronder" "$(cat "$W/err")"
fi
basis
put r/functies.csv 'functie;cao\n\0\0\0\n'
fout "nul-byte (binair bestand)" \
    "r/functies.csv:2:1: fout: bestand bevat een nul-byte: dit is geen tekstbestand (verwacht CSV in UTF-8)"
put r/producten.csv 'PK\03\04\024\0\010\0'
fout "Excel-werkboek in plaats van CSV" \
    "r/producten.csv:1:1: fout: dit is een Excel-werkboek (.xlsx) of een ander zip-bestand, geen CSV: sla het blad in Excel op als 'CSV UTF-8 (door komma's gescheiden)'"
put r/producten.csv '\0377\0376c\0o\0d\0e\0'
fout "UTF-16 in plaats van UTF-8" \
    "r/producten.csv:1:1: fout: bestand is opgeslagen als UTF-16 ('Unicode-tekst'), niet als UTF-8: sla het op als 'CSV UTF-8 (door komma's gescheiden)'"
put r/functiemix.csv 'product;functie;percentage\rA1;HBO;90%\rA1;ZZP;10%\r'
fout "regeleinden met alleen CR" \
    "r/functiemix.csv:1:27: fout: regeleinde met alleen CR (oud Mac-formaat): sla het bestand op met LF- of CRLF-regeleinden"
awk 'BEGIN { printf "product;functie;percentage\nA1;HBO;\""; for (i = 0; i < 70000; i++) printf "x"; printf "\"\n" }' > "$W/r/functiemix.csv"
fout "absurd lang veld (meer dan 64 KiB)" \
    "r/functiemix.csv:2:8: fout: veld is absurd lang (meer dan 64 KiB); ontbreekt een sluitend aanhalingsteken?"
awk 'BEGIN { printf "product;functie;percentage\nA1;HBO;90%%"; for (i = 0; i < 20; i++) { printf ";"; for (k = 0; k < 60000; k++) printf "x" } printf "\n" }' > "$W/r/functiemix.csv"
fout "absurd lange regel (meer dan 1 MiB)" \
    "r/functiemix.csv:2:1: fout: regel is absurd lang (meer dan 1 MiB): is dit wel een CSV-bestand met een regeleinde per regel?"
awk 'BEGIN { printf "product;functie;percentage\nA1;HBO;90%%"; for (i = 0; i < 1200; i++) printf ";"; printf "\n" }' > "$W/r/functiemix.csv"
fout "te veel kolommen op een regel" \
    "r/functiemix.csv:2:1009: fout: te veel kolommen op deze regel (meer dan 1000)"
ed r/functiemix.csv '1s/$/;/; s/^A1;ZZP;10%/A1;ZZP;10%;zie notitie/; s/^G1;MBO;60/G1;MBO;60;zie notitie/'
fout "waarde in een kolom zonder naam (één melding per kolom)" \
    "r/functiemix.csv:3:12: fout: waarde 'zie notitie' staat in kolom 4, die in de kopregel geen naam heeft: geef de kolom een naam (vrije tekst: 'toelichting' of een naam die met '#' begint) of haal de waarde weg"
ed r/functiemix.csv 's/^A1;ZZP;10%/A1;ZZP;10;5%/'
fout "meer velden dan de kopregel" \
    "r/functiemix.csv:3:11: fout: meer velden dan de kopregel kolommen heeft (3); staat er een scheidingsteken te veel?"

# --- the caret ---------------------------------------------------------------
ed r/producten.csv 's/^A1;Ambulant;uur;1;/A1;Ambulant;uur;1.5;/'
valideer
if grep -Fxq "    2 | A1;Ambulant;uur;1.5;;;;;;" "$W/err" && grep -Fxq "      |                 ^" "$W/err"; then
    ok "de regel wordt getoond met een caret onder de kolom"
else
    nok "de regel wordt getoond met een caret onder de kolom" "$(cat "$W/err")"
fi
basis
awk 'BEGIN { printf "product;functie;percentage;toelichting\nA1;HBO;90%%;"; for (k = 0; k < 5000; k++) printf "x"; printf "\nA1;ZZP;10.0;"; for (k = 0; k < 5000; k++) printf "y"; printf "\n" }' > "$W/r/functiemix.csv"
ed r/producten.csv '/^G1;/d'
valideer
len=$(grep '^    3 | ' "$W/err" | awk '{ print length($0) }')
if grep -q "^r/functiemix.csv:3:8: fout: ongeldig getal '10.0'" "$W/err" && [ -n "$len" ] && [ "$len" -lt 600 ]; then
    ok "een lange regel wordt ingekort getoond (venster rond de kolom)"
else
    nok "een lange regel wordt ingekort getoond (venster rond de kolom)" "lengte ${len:-?}" "$(head -3 "$W/err" | cut -c1-200)"
fi
basis

# --- all problems at once (§6) -----------------------------------------------
ed r/uitgangspunten.csv 's/^overhead;/overhed;/'
ed r/functies.csv 's/^HBO;;FG 45;6;/HBO;;FG 45;9;/'
ed r/producten.csv 's/^A1;Ambulant;uur;1;/A1;Ambulant;uur;1.5;/'
ed r/functiemix.csv 's/^G1;MBO;60/G1;MBO;50/'
ed c/c1/salarisschalen.csv 's/^FG 35;7;2.800,00/FG 35;7;2800.00/'
valideer
alle=0
for want in \
    "r/uitgangspunten.csv:8:1: fout: onbekende parameter 'overhed'; bedoelt u 'overhead'?" \
    "c/c1/salarisschalen.csv:2:9: fout: ongeldig getal '2800.00' voor maandsalaris: in een bestand met ';' is de komma het decimaalteken (schrijf bijvoorbeeld 2800,00)" \
    "r/producten.csv:2:17: fout: ongeldig getal '1.5' voor uren_per_eenheid: in een bestand met ';' is de komma het decimaalteken (schrijf bijvoorbeeld 1,5)" \
    "r/functiemix.csv:5:1: fout: functiemix van product 'G1' telt op tot 90 % in plaats van 100 %" \
    "4 fouten gevonden; er is niets geschreven."; do
    grep -Fxq -- "$want" "$W/err" || { alle=1; echo "# ontbreekt: $want"; }
done
if [ $rc -eq 2 ] && [ $alle -eq 0 ]; then
    ok "alle problemen in alle bestanden tegelijk, afsluitcode 2"
else
    nok "alle problemen in alle bestanden tegelijk, afsluitcode 2" "status $rc" "$(grep fout: "$W/err")"
fi
basis

# more than TARIEF_DIAG_MAX (200) problems: 200 shown, the rest counted
awk 'BEGIN { print "product;functie;percentage"; for (i = 0; i < 250; i++) printf "A1;HBO;%d.5\n", i }' > "$W/r/functiemix.csv"
valideer
shown=$(grep -c ': fout: ' "$W/err")
if [ $rc -eq 2 ] && [ "$shown" -eq 200 ] &&
    grep -Fxq "... en nog 51 fouten (niet getoond; herstel eerst de fouten hierboven)" "$W/err" &&
    grep -Fxq "251 fouten gevonden; er is niets geschreven." "$W/err"; then
    ok "meer dan 200 problemen: 200 getoond, de rest geteld"
else
    nok "meer dan 200 problemen: 200 getoond, de rest geteld" "status $rc, $shown getoond" "$(tail -2 "$W/err")"
fi
basis

# --- nothing written on invalid input (§6) ------------------------------------
ed r/producten.csv 's/^A1;Ambulant;uur;1;/A1;Ambulant;uur;1.5;/'
mkdir -p "$W/uit"
(cd "$W/uit" && "$BIN" bereken ../r --cao-map ../c -o x.xlsx --csv x.csv > ../out 2> ../err); rc=$?
if [ $rc -eq 2 ] && [ ! -e "$W/uit/x.xlsx" ] && [ ! -e "$W/uit/x.csv" ]; then
    ok "bereken op ongeldige invoer: afsluitcode 2, x.xlsx en x.csv niet aangemaakt"
else
    nok "bereken op ongeldige invoer: afsluitcode 2, x.xlsx en x.csv niet aangemaakt" "status $rc" "$(ls -A "$W/uit")"
fi
if [ -z "$(ls -A "$W/uit")" ]; then
    ok "bereken op ongeldige invoer: geen tijdelijke bestanden (.x.csv.*, .x.xlsx.*) achtergelaten"
else
    nok "bereken op ongeldige invoer: geen tijdelijke bestanden achtergelaten" "$(ls -A "$W/uit")"
fi
printf 'oude csv\n' > "$W/uit/x.csv"
printf 'PK oud werkboek' > "$W/uit/x.xlsx"
cp "$W/uit/x.csv" "$W/x.csv.orig"
cp "$W/uit/x.xlsx" "$W/x.xlsx.orig"
(cd "$W/uit" && "$BIN" bereken ../r --cao-map ../c -o x.xlsx --csv x.csv > ../out 2> ../err); rc=$?
if [ $rc -eq 2 ] && cmp -s "$W/uit/x.csv" "$W/x.csv.orig" && cmp -s "$W/uit/x.xlsx" "$W/x.xlsx.orig"; then
    ok "bereken op ongeldige invoer: bestaande x.csv en x.xlsx byte voor byte onaangeroerd"
else
    nok "bereken op ongeldige invoer: bestaande x.csv en x.xlsx byte voor byte onaangeroerd" "status $rc"
fi
if [ "$(ls -A "$W/uit" | tr '\n' ' ')" = "x.csv x.xlsx " ]; then
    ok "bereken op ongeldige invoer: naast de bestaande bestanden geen tijdelijke bestanden"
else
    nok "bereken op ongeldige invoer: naast de bestaande bestanden geen tijdelijke bestanden" "$(ls -A "$W/uit")"
fi
if grep -Fxq "1 fout gevonden; er is niets geschreven." "$W/err" && [ ! -s "$W/out" ]; then
    ok "bereken op ongeldige invoer: meldt dat er niets is geschreven, geen tabel"
else
    nok "bereken op ongeldige invoer: meldt dat er niets is geschreven, geen tabel" "$(cat "$W/err")"
fi
rm -f "$W/uit/x.csv" "$W/uit/x.xlsx"
(cd "$W/uit" && "$BIN" bereken ../r --cao-map ../c > ../out 2> ../err); rc=$?
if [ $rc -eq 2 ] && [ -z "$(ls -A "$W/uit")" ]; then
    ok "bereken zonder -o op ongeldige invoer: geen standaardwerkboek tarieven-*.xlsx"
else
    nok "bereken zonder -o op ongeldige invoer: geen standaardwerkboek tarieven-*.xlsx" "status $rc" "$(ls -A "$W/uit")"
fi
basis
(cd "$W/uit" && "$BIN" valideer ../r --cao-map ../c > ../out 2> ../err); rc=$?
if [ $rc -eq 0 ] && [ -z "$(ls -A "$W/uit")" ] && [ ! -s "$W/out" ]; then
    ok "valideer op geldige invoer schrijft niets en rekent niet"
else
    nok "valideer op geldige invoer schrijft niets en rekent niet" "status $rc" "$(ls -A "$W/uit")"
fi

echo "1..$n"
[ $failed -eq 0 ]
