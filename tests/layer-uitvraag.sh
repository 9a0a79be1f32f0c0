#!/bin/sh
# `tarief uitvraag sjabloon`, `tarief uitvraag verwerk` and `tarief init`
# on the command line. The expected percentages are the hand computation of
# tests/unit/test_uitvraag.c and docs/uitvraag.md (three aanbieders in
# tests/data/uitvraag-antwoorden); the tariff of the init example product
# (60,00) is worked out by hand in test_uitvraag.c (init_regio).
. "$(dirname "$0")/tap.sh"
. "$T/tests/lo.sh"
R=$T/tests/data/uitvraag-regio
A=$T/tests/data/uitvraag-antwoorden
F=$T/tests/data/uitvraag-fout
cd "$tmp" || exit 3

# --- help -----------------------------------------------------------------
run uitvraag --help
check "uitvraag --help: afsluitcode 0, beide opdrachten" sh -c "[ $rc -eq 0 ] && grep -q sjabloon '$tmp/out' && grep -q verwerk '$tmp/out'"
for c in sjabloon verwerk; do
    run uitvraag $c --help
    check "uitvraag $c --help: gebruiksregel" sh -c "[ $rc -eq 0 ] && grep -q '^gebruik: tarief uitvraag $c' '$tmp/out'"
done
run init --help
check "init --help: gebruiksregel" sh -c "[ $rc -eq 0 ] && grep -q '^gebruik: tarief init' '$tmp/out'"
run --help
check "tarief --help noemt uitvraag en init" sh -c "grep -q '^  uitvraag' '$tmp/out' && grep -q '^  init' '$tmp/out'"
run uitvraag
check "uitvraag zonder opdracht: afsluitcode 2" test "$rc" -eq 2
run uitvraag onzin
check "uitvraag onzin: afsluitcode 2" sh -c "[ $rc -eq 2 ] && grep -q \"onbekende opdracht 'onzin'\" '$tmp/err'"

# --- verwerk: gemiddelde --------------------------------------------------
run uitvraag verwerk "$R" "$A"
check "verwerk: afsluitcode 0" test "$rc" -eq 0
check "verwerk: standaard functiemix-uitvraag.csv in de huidige map" test -s functiemix-uitvraag.csv
check "verwerk: functiemix-uitvraag.csv begint met een BOM (Excel), zoals elke CSV van tarief" sh -c "head -c 3 functiemix-uitvraag.csv | od -An -tx1 | grep -q 'ef bb bf'"
sed '1s/^\xEF\xBB\xBF//' functiemix-uitvraag.csv | grep -v '^#' | cut -d';' -f1-3 > "$tmp/mix"
cat > "$tmp/verwacht" <<'EOF'
product;functie;percentage
P1;A;34,44
P1;B;47,78
P1;C;17,78
P2;A;90,00
P2;B;10,00
P3;B;60,00
P3;C;40,00
P4;A;33,34
P4;B;33,33
P4;C;33,33
EOF
if cmp -s "$tmp/mix" "$tmp/verwacht"; then ok "gemiddelde: P1 34,44/47,78/17,78 (rest naar B), P4 33,34 voor A (gelijke rest: eerste functie), P2 en P3 behouden"
else nok "gemiddelde: de functiemix wijkt af van de handberekening" "$(diff "$tmp/verwacht" "$tmp/mix")"; fi
check "gemiddelde: bron noemt methode en aantal" grep -q '^P1;A;34,44;uitvraag: gemiddelde van 3 antwoorden$' functiemix-uitvraag.csv
check "minimum: waarschuwing noemt P2 en P3" sh -c "grep -q 'waarschuwing: product P2 heeft 2 antwoorden, minder dan het minimum 3' '$tmp/err' && grep -q 'waarschuwing: product P3 heeft 1 antwoord,' '$tmp/err'"
check "verslag: aantal antwoorden per product" grep -q '^P1  Product een: 3 antwoorden$' "$tmp/out"
check "verslag: min en max per functie (C niet genoemd door b: min 0)" grep -Eq '^  C +17,78 +17,78 +0,00 +33,34 +2$' "$tmp/out"
check "verslag: antwoord ver van het gemiddelde" grep -q "ver van het gemiddelde: $A/b.csv:3: B 80,00 % (gemiddelde 47,7767 %)" "$tmp/out"
check "verslag: geen 'ver' voor b A 20 (14,44 punt)" sh -c "! grep -q 'b.csv:3: A' '$tmp/out'"
check "verslag: bij te weinig antwoorden geen cijfers" sh -c "sed -n '/^P2 /,/^\$/p' '$tmp/out' | grep -q 'huidige functiemix van de regio blijft' && ! sed -n '/^P2 /,/^\$/p' '$tmp/out' | grep -q '60,00'"

# the result is a functiemix valideer accepts, and bereken uses it
mkdir nieuw && cp "$R/uitgangspunten.csv" "$R/functies.csv" "$R/producten.csv" nieuw/ && cp functiemix-uitvraag.csv nieuw/functiemix.csv
run valideer nieuw
check "valideer aanvaardt de nieuwe functiemix" sh -c "[ $rc -eq 0 ] && [ ! -s '$tmp/err' ]"
# P1: C = 0,3444 x 40 + 0,4778 x 50 + 0,1778 x 60 = 13,776 + 23,89 + 10,668 = 48,334;
# productiviteit 80 %: 48,334 / 0,8 = 60,4175 -> 60,42
run bereken nieuw --geen-werkboek
check "bereken met de nieuwe mix: P1 60,42 (met de hand)" grep -Eq '^P1 .* 60,42$' "$tmp/out"

# --- verwerk: gewogen, minimum ----------------------------------------------
run uitvraag verwerk "$R" "$A" --methode gewogen -o gewogen.csv
check "gewogen: P1 31,00/47,00/22,00" sh -c "[ $rc -eq 0 ] && grep -q '^P1;A;31,00;uitvraag: gewogen gemiddelde van 3 antwoorden$' gewogen.csv && grep -q '^P1;B;47,00;' gewogen.csv && grep -q '^P1;C;22,00;' gewogen.csv"
check "gewogen: verslag noemt het totale gewicht" grep -q '^P1  Product een: 3 antwoorden, totaal gewicht 1.000$' "$tmp/out"
run uitvraag verwerk "$R" "$A" --minimum 2 -o min2.csv
check "--minimum 2: P2 80,00/20,00, P3 (1 antwoord) behouden" sh -c "grep -q '^P2;A;80,00;uitvraag: gemiddelde van 2 antwoorden$' min2.csv && grep -q '^P2;B;20,00;' min2.csv && grep -q '^P3;B;60,00;huidige' min2.csv"
run uitvraag verwerk "$R" "$A" --methode gewogen --minimum=2 -o min2g.csv
check "--methode gewogen --minimum=2: P2 70,00/30,00" sh -c "grep -q '^P2;A;70,00;' min2g.csv && grep -q '^P2;B;30,00;' min2g.csv"

# --- verwerk: errors ----------------------------------------------------------
run uitvraag verwerk "$R" "$F" --methode gewogen -o fout.csv
check "kapotte antwoorden: afsluitcode 2, niets geschreven" sh -c "[ $rc -eq 2 ] && [ ! -e fout.csv ]"
check "kapotte antwoorden: alle 10 tegelijk" grep -q '^10 fouten gevonden; er is niets geschreven.$' "$tmp/err"
for m in "w.csv:2:6: fout: ongeldig getal '70.50' voor percentage: in een bestand met ';' is de komma het decimaalteken (schrijf 70,50)" \
         "x.csv:3:6: fout: de percentages van product 'P1' tellen op tot 90 in plaats van 100" \
         "x.csv:4:1: fout: onbekend product 'P9'" \
         "x.csv:5:4: fout: onbekende functie 'Z'" \
         "x.csv:6:6: fout: ongeldig getal '5O' voor percentage" \
         "x.csv:7:9: fout: gewicht '2' van product 'P4' verschilt van '1' op regel 6" \
         "x.csv:8:6: fout: percentage '33,333' heeft meer dan twee decimalen" \
         "y.csv:1:28: fout: onbekende kolom 'opmerking'" \
         "z.csv:2:1: fout: kolom gewicht ontbreekt"; do
    check "fout gemeld: $m" grep -qF "$F/$m" "$tmp/err"
done
echo oud > bestaand.csv
run uitvraag verwerk "$R" "$F" -o bestaand.csv
check "kapotte antwoorden: bestaand uitvoerbestand onaangeroerd; gemiddelde: 8 fouten" sh -c "[ $rc -eq 2 ] && [ \"\$(cat bestaand.csv)\" = oud ] && grep -q '^8 fouten gevonden' '$tmp/err'"
run uitvraag verwerk "$R" "$A" --methode mediaan
check "onbekende methode: afsluitcode 2" sh -c "[ $rc -eq 2 ] && grep -q \"onbekende methode 'mediaan'\" '$tmp/err'"
run uitvraag verwerk "$R" "$A" --minimum 0
check "--minimum 0: afsluitcode 2" sh -c "[ $rc -eq 2 ] && grep -q 'minimum verwacht een heel getal' '$tmp/err'"
run uitvraag verwerk "$R" "$A" -o "$R/functiemix.csv"
check "uitvoer over een invoerbestand van de regio: geweigerd" sh -c "[ $rc -eq 2 ] && grep -q 'invoerbestand' '$tmp/err'"
mkdir ant && cp "$A/a.csv" ant/
run uitvraag verwerk "$R" ant -o ant/a.csv
check "uitvoer over een antwoord: geweigerd" sh -c "[ $rc -eq 2 ] && grep -q 'is een antwoord' '$tmp/err' && cmp -s ant/a.csv '$A/a.csv'"
mkdir leeg
run uitvraag verwerk "$R" leeg
check "map zonder antwoorden: afsluitcode 2" sh -c "[ $rc -eq 2 ] && grep -q 'geen antwoorden gevonden' '$tmp/err'"

# --- sjabloon -------------------------------------------------------------------
run uitvraag sjabloon "$R"
check "sjabloon: standaard uitvraag-<regiomap>" sh -c "[ $rc -eq 0 ] && [ -s uitvraag-uitvraag-regio/uitvraag.csv ] && [ -s uitvraag-uitvraag-regio/uitvraag.xlsx ]"
check "sjabloon: een regel per functie van de huidige mix" sh -c "grep -q '^P1;A;;;\$' uitvraag-uitvraag-regio/uitvraag.csv && grep -q '^P3;C;;;\$' uitvraag-uitvraag-regio/uitvraag.csv"
check "sjabloon: commentaar legt gewicht uit" grep -q '^#   gewicht ' uitvraag-uitvraag-regio/uitvraag.csv
run uitvraag sjabloon "$R"
check "sjabloon: niet-lege map geweigerd (afsluitcode 2)" sh -c "[ $rc -eq 2 ] && grep -q 'bestaat al en is niet leeg' '$tmp/err'"
# filled in as an aanbieder would: the form is an answer file
sed -e 's/^P1;A;;;$/P1;A;70;12;/' -e 's/^P1;B;;;$/P1;B;30;12;/' uitvraag-uitvraag-regio/uitvraag.csv > ant/a.csv
run uitvraag verwerk "$R" ant --minimum 1 -o ingevuld.csv
check "ingevuld sjabloon is een antwoord (P1 70/30, de rest leeg)" sh -c "[ $rc -eq 0 ] && grep -q '^P1;A;70,00;' ingevuld.csv && grep -q '^P2;A;90,00;huidige' ingevuld.csv"
# xlsx: data validation for functie, percentage and gewicht
if command -v unzip > /dev/null; then
    unzip -p uitvraag-uitvraag-regio/uitvraag.xlsx xl/worksheets/sheet1.xml > sheet1.xml
    check "formulier: keuzelijst van de functies" grep -q 'type="list".*<formula1>"A,B,C"</formula1>' sheet1.xml
    # 15 rows: per product its mix plus two spare rows (P1 2+2, P2 2+2, P3 2+2, P4 1+2)
    check "formulier: keuzelijst op C2:C16" grep -q 'type="list"[^>]*sqref="C2:C16"' sheet1.xml
    check "formulier: percentage 0-100 op D2:D16" grep -q 'type="decimal"[^>]*sqref="D2:D16"><formula1>0</formula1><formula2>100</formula2>' sheet1.xml
    check "formulier: gewicht 0 of meer op E2:E16" grep -q 'type="decimal" operator="greaterThanOrEqual"[^>]*sqref="E2:E16"><formula1>0</formula1>' sheet1.xml
else
    nok "unzip ontbreekt om het formulier te bekijken"
fi
# many functies with long names do not fit in Excel's 255 characters: the
# list refers to the sheet Functies instead
mkdir lang && cp "$R"/*.csv lang/
i=1; while [ $i -le 12 ]; do echo "functie-met-een-heel-lange-naam-$i;45,00;;test" >> lang/functies.csv; i=$((i + 1)); done
run uitvraag sjabloon lang -o lang-uit
if command -v unzip > /dev/null && [ $rc -eq 0 ]; then
    unzip -p lang-uit/uitvraag.xlsx xl/worksheets/sheet1.xml > sheet1-lang.xml
    check "formulier met 15 lange functienamen: keuzelijst uit het tabblad Functies" grep -q 'type="list"[^>]*sqref="C2:C16"><formula1>Functies!\$A\$2:\$A\$16</formula1>' sheet1-lang.xml
else
    nok "formulier met 15 lange functienamen geschreven" "status $rc" "$(cat "$tmp/err")"
fi
# saved as CSV by LibreOffice, the unfilled form is a valid answer
if lo_klaar "$tmp/lo-profiel"; then
    mkdir lo-uit
    "$soffice" -env:UserInstallation="file://$lo_profiel" --headless --norestore \
        --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1' --outdir lo-uit \
        uitvraag-uitvraag-regio/uitvraag.xlsx > lo.log 2>&1
    run uitvraag verwerk "$R" lo-uit -o lo.csv
    check "formulier als CSV opgeslagen (LibreOffice) is een geldig antwoord" sh -c "[ $rc -eq 0 ] && grep -q '^P1  Product een: 0 antwoorden' '$tmp/out'"
fi

# --- init -----------------------------------------------------------------------
run init mijnregio
check "init: afsluitcode 0, vier bestanden" sh -c "[ $rc -eq 0 ] && for f in uitgangspunten functies producten functiemix; do [ -s mijnregio/\$f.csv ] || exit 1; done"
run valideer mijnregio --cao-map "$T/data/cao"
check "init: valideer aanvaardt de nieuwe regio" sh -c "[ $rc -eq 0 ] && [ ! -s '$tmp/err' ]"
run bereken mijnregio --cao-map "$T/data/cao" --geen-werkboek
check "init: bereken geeft 45A49 60,00 (met de hand)" sh -c "[ $rc -eq 0 ] && grep -Eq '^45A49 .* 60,00\$' '$tmp/out'"
check "init: elke parameter heeft een commentaarregel" sh -c "for p in \$(grep -v '^#' mijnregio/uitgangspunten.csv | sed 1d | cut -d';' -f1); do grep -q \"^# \$p\\|^# .*\$p\" mijnregio/uitgangspunten.csv || exit 1; done"
echo eigen > mijnregio/notities.txt
cp -r mijnregio kopie
run init mijnregio
check "init: niet-lege map onaangeroerd, afsluitcode 2, Nederlandse melding" sh -c "[ $rc -eq 2 ] && grep -q 'bestaat al en is niet leeg' '$tmp/err' && diff -r mijnregio kopie > /dev/null"
mkdir leeg2
run init leeg2
check "init: lege bestaande map wordt gevuld" sh -c "[ $rc -eq 0 ] && [ -s leeg2/producten.csv ]"
echo x > bestand
run init bestand
check "init: een bestand is geen map (afsluitcode 2)" sh -c "[ $rc -eq 2 ] && [ \"\$(cat bestand)\" = x ]"
run init
check "init zonder map: afsluitcode 2" test "$rc" -eq 2
check "init laat geen tijdelijke mappen achter" sh -c "! ls -a | grep -q '^\\.mijnregio\\.\\|^\\.leeg2\\.'"

# --- memcheck -----------------------------------------------------------------
# No invalid access, no leak (tests/valgrind.supp: one known libxlsxwriter 1.1.4 leak).
if grep -q __asan_init "$BIN" 2> /dev/null; then
    : # built with AddressSanitizer (layer-sanitize): that checks memory instead
elif command -v valgrind > /dev/null; then
    vg() { # name, expected status, args...
        _n=$1 _w=$2; shift 2
        valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
            --suppressions="$T/tests/valgrind.supp" --log-file="$tmp/vg.log" "$BIN" "$@" > /dev/null 2>&1
        _st=$?
        if [ $_st -eq "$_w" ] && grep -q 'ERROR SUMMARY: 0 errors' "$tmp/vg.log"; then ok "valgrind: $_n"
        else nok "valgrind: $_n (status $_st, verwacht $_w)" "$(grep -E 'Invalid|uninitialised|definitely|at 0x|by 0x' "$tmp/vg.log" | head -20)"; fi
    }
    vg "verwerk gewogen" 0 uitvraag verwerk "$R" "$A" --methode gewogen -o vg.csv
    vg "verwerk met fouten" 2 uitvraag verwerk "$R" "$F" --methode gewogen -o vg2.csv
    vg "sjabloon" 0 uitvraag sjabloon "$R" -o vg-sjabloon
    vg "init" 0 init vg-init
else
    nok "valgrind ontbreekt (sh tools/install-deps.sh --test)"
fi

echo "1..$n"
