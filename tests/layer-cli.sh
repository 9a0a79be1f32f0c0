#!/bin/sh
# CLI behaviour of rekenmethode §4: commands, exit codes, messages, files.
# Prints TAP lines. Expected tariffs are the hand-calculated ones of
# tests/unit/test_compute.c (region tests/data/hand-basis).
. "$(dirname "$0")/tap.sh"
HB=$T/tests/data/hand-basis
CM=$T/tests/data/hand-cao

run --version
check "--version noemt de versie" grep -q "^tarief [0-9]" "$tmp/out"
run --help
check "--help afsluitcode 0" test "$rc" -eq 0
check "--help noemt alle opdrachten" sh -c "grep -q bereken '$tmp/out' && grep -q uitleg '$tmp/out' && grep -q controleer '$tmp/out' && grep -q valideer '$tmp/out'"
for c in bereken uitleg controleer valideer; do
    run $c --help
    check "$c --help afsluitcode 0 en gebruiksregel" sh -c "[ $rc -eq 0 ] && grep -q '^gebruik: tarief $c' '$tmp/out'"
done
run onzin
check "onbekende opdracht: afsluitcode 2" test "$rc" -eq 2
check "onbekende opdracht 'onzin': geen suggestie" sh -c "! grep -q 'bedoelt u' '$tmp/err' && grep -q \"onbekende opdracht 'onzin'\" '$tmp/err'"
run
check "geen opdracht: afsluitcode 2" test "$rc" -eq 2
run bereken
check "bereken zonder regiomap: afsluitcode 2" sh -c "[ $rc -eq 2 ] && grep -q 'regiomap ontbreekt' '$tmp/err'"
run bereken "$HB" --onzin
check "onbekende optie: afsluitcode 2" sh -c "[ $rc -eq 2 ] && grep -q \"onbekende optie '--onzin'\" '$tmp/err'"
# "bedoelt u ...?" (the CLI's own edit distance, src/cli/suggest.c)
run berekenen "$HB"
check "tarief berekenen: bedoelt u 'bereken'?, afsluitcode 2" sh -c "[ $rc -eq 2 ] && grep -qx \"tarief: onbekende opdracht 'berekenen'; bedoelt u 'bereken'?\" '$tmp/err'"
run vergelijkt a b
check "tarief vergelijkt: bedoelt u 'vergelijk'?" grep -q "bedoelt u 'vergelijk'?" "$tmp/err"
run bereken "$HB" --cao-mpa "$CM"
check "--cao-mpa: bedoelt u '--cao-map'?, afsluitcode 2" sh -c "[ $rc -eq 2 ] && grep -q \"onbekende optie '--cao-mpa'; bedoelt u '--cao-map'?\" '$tmp/err'"
run bereken "$HB" --geen-werkbok=1
check "--geen-werkbok=1: bedoelt u '--geen-werkboek'? (zonder de waarde)" grep -q "onbekende optie '--geen-werkbok'; bedoelt u '--geen-werkboek'?" "$tmp/err"
run uitleg "$HB" UUR --csv x.csv
check "uitleg kent --csv niet: geen suggestie van een optie van een andere opdracht" sh -c "[ $rc -eq 2 ] && ! grep -q 'bedoelt u' '$tmp/err'"
run cao verhog
check "tarief cao verhog: bedoelt u 'verhoog'?" grep -q "onbekende opdracht 'verhog'; bedoelt u 'verhoog'?" "$tmp/err"

# TARIEF_CAO_MAP: the CAO directory without --cao-map (from a directory without data/cao)
(cd "$tmp" && TARIEF_CAO_MAP="$CM" "$BIN" valideer "$HB" > "$tmp/out" 2> "$tmp/err"); rc=$?
check "TARIEF_CAO_MAP zonder --cao-map: valideer afsluitcode 0" test "$rc" -eq 0
(cd "$tmp" && TARIEF_CAO_MAP="$tmp/geen-cao" "$BIN" valideer "$HB" --cao-map "$CM" > "$tmp/out" 2> "$tmp/err"); rc=$?
check "--cao-map gaat voor TARIEF_CAO_MAP" test "$rc" -eq 0
(cd "$tmp" && TARIEF_CAO_MAP="$tmp/geen-cao" "$BIN" valideer "$HB" > "$tmp/out" 2> "$tmp/err"); rc=$?
check "TARIEF_CAO_MAP naar een lege plek: afsluitcode 2 en de map in de melding" sh -c "[ $rc -eq 2 ] && grep -q '$tmp/geen-cao' '$tmp/err'"
run --help
check "--help noemt de zoekvolgorde van de cao-tabellen" sh -c "grep -q '1. --cao-map' '$tmp/out' && grep -q '2. de omgevingsvariabele TARIEF_CAO_MAP' '$tmp/out' && grep -q 'share/tarief/cao' '$tmp/out'"

run bereken "$T/tests/data/bestaat-niet" --cao-map "$CM" --geen-werkboek
check "niet-bestaande regiomap: afsluitcode 2" sh -c "[ $rc -eq 2 ] && grep -q 'regiomap niet gevonden' '$tmp/err'"

# bereken: table, CSV (§5)
run bereken "$HB" --cao-map "$CM" --geen-werkboek --csv "$tmp/t.csv"
check "bereken afsluitcode 0" test "$rc" -eq 0
check "bereken-tabel toont UUR met 42,53" grep -q "^UUR .* uur .* 42,53$" "$tmp/out"
check "CSV-bestand begint met een UTF-8-BOM (Excel)" sh -c "head -c 3 '$tmp/t.csv' | od -An -tx1 | grep -q 'ef bb bf'"
check "CSV-kop volgens §5 (na de BOM)" sh -c "head -1 '$tmp/t.csv' | sed 's/^\xef\xbb\xbf//' | grep -qx 'code;naam;eenheid;tarief;kosten_beroepskracht;niet_productieve_uren;reis_en_opleiding;overhead;gemeentelijke_verplichtingen;huisvesting;verzorging;risico;indexatie;afrondingsverschil'"
check "CSV: 12 producten" test "$(tail -n +2 "$tmp/t.csv" | wc -l)" -eq 12
check "CSV: ETMAAL 491,13 met huisvesting 85,500000 en verzorging 30,250000" grep -q "^ETMAAL;Verblijf per etmaal;etmaal;491,13;.*;85,500000;30,250000;" "$tmp/t.csv"
check "CSV: de tien elementen tellen op tot het tarief (binnen 0,00001)" sh -c "tail -n +2 '$tmp/t.csv' | tr ',' '.' | awk -F';' '{s=0; for(i=5;i<=14;i++) s+=\$i; d=s-\$4; if (d<0) d=-d; if (d>0.00001) bad=1} END {exit bad}'"
run bereken "$HB" --cao-map "$CM" --geen-werkboek --csv -
check "--csv - schrijft de CSV naar standaarduitvoer, zonder BOM" sh -c "head -1 '$tmp/out' | grep -q '^code;naam;eenheid;tarief;'"
cp "$tmp/out" "$tmp/t-stdout.csv"
run bereken "$HB" --cao-map "$CM" --geen-werkboek --csv "$tmp/t-zb.csv" --csv-zonder-bom
check "--csv-zonder-bom: gewone UTF-8, verder byte voor byte gelijk" sh -c "[ $rc -eq 0 ] && cmp -s '$tmp/t-zb.csv' '$tmp/t-stdout.csv' && tail -c +4 '$tmp/t.csv' | cmp -s - '$tmp/t-zb.csv'"
run uitleg "$HB" UUR --cao-map "$CM" --csv-zonder-bom
check "--csv-zonder-bom hoort niet bij uitleg: afsluitcode 2" test "$rc" -eq 2
# every reader accepts the BOM: controleer on code;tarief cut from the bereken CSV (the BOM stays in front of 'code')
cut -d';' -f1,4 "$tmp/t.csv" > "$tmp/t-kort.csv"
run controleer "$HB" "$tmp/t-kort.csv" --cao-map "$CM"
check "controleer leest een CSV met BOM: 12 OK, afsluitcode 0" sh -c "[ $rc -eq 0 ] && head -c 3 '$tmp/t-kort.csv' | od -An -tx1 | grep -q 'ef bb bf' && grep -q '^12 OK, 0 afwijking' '$tmp/out'"

# uitleg
run uitleg "$HB" UUR --cao-map "$CM"
check "uitleg afsluitcode 0" test "$rc" -eq 0
check "uitleg eindigt stap 17 met € 42,53" grep -q "= € 42,53" "$tmp/out"
check "uitleg noemt NvO-element en wettelijke letters" grep -q "NvO-element 1; Wmo art. 5.4 lid 3 onder a; Besluit Jeugdwet art. 2.3 lid 1 onder a" "$tmp/out"
check "uitleg noemt de bron bestand:regel van het salaris" grep -q "hand-cao/hand-a/salarisschalen.csv:[0-9]" "$tmp/out"
check "uitleg toont stap 1 tot en met 17" sh -c "grep -q 'stap  1 ' '$tmp/out' && grep -q 'stap 17 ' '$tmp/out'"
run uitleg "$HB" BESTAATNIET --cao-map "$CM"
check "uitleg onbekende code: afsluitcode 2 en melding" sh -c "[ $rc -eq 2 ] && grep -q \"product 'BESTAATNIET' staat niet in\" '$tmp/err'"

# controleer
run controleer "$HB" "$T/tests/data/gepubliceerd/hand-basis-juist.csv" --cao-map "$CM"
check "controleer juiste lijst: afsluitcode 0" test "$rc" -eq 0
check "controleer juiste lijst: 12 OK" grep -q "^12 OK, 0 afwijkingen, 0 onbekend" "$tmp/out"
run controleer "$HB" "$T/tests/data/gepubliceerd/hand-basis-afwijkend.csv" --cao-map "$CM"
check "controleer afwijking: afsluitcode 1" test "$rc" -eq 1
check "controleer noemt UUR als AFWIJKING met verschil 0,01" grep -q "^UUR .*AFWIJKING .*42,54 .*42,53 .*0,01" "$tmp/out"
check "controleer noemt onbekende code" grep -q "^ONBEKEND1 .*ONBEKEND" "$tmp/out"
check "controleer: overige producten OK" grep -q "^11 OK, 1 afwijking, 1 onbekend" "$tmp/out"
grep -v ONBEKEND1 "$T/tests/data/gepubliceerd/hand-basis-afwijkend.csv" > "$tmp/pub.csv"
run controleer "$HB" "$tmp/pub.csv" --cao-map "$CM" --marge 0,01
check "controleer --marge 0,01 laat 1 cent verschil toe" test "$rc" -eq 0
run controleer "$HB" "$tmp/pub.csv" --cao-map "$CM" --marge abc
check "controleer ongeldige marge: afsluitcode 2" test "$rc" -eq 2
printf 'code;tarief\nUUR;42.53\n' > "$tmp/fout.csv"
run controleer "$HB" "$tmp/fout.csv" --cao-map "$CM"
check "controleer ongeldig bedrag: afsluitcode 2 met plaats" sh -c "[ $rc -eq 2 ] && grep -q '^$tmp/fout.csv:2:5: fout: ' '$tmp/err'"

# controleer reads what bereken writes, and checks the opbouw (hand values:
# tests/data/gepubliceerd/hand-basis-opbouw-*.csv)
run bereken "$HB" --cao-map "$CM" --geen-werkboek --csv "$tmp/eigen.csv"
run controleer "$HB" "$tmp/eigen.csv" --cao-map "$CM"
check "controleer leest de CSV van bereken --csv: 12 OK, afsluitcode 0" sh -c "[ $rc -eq 0 ] && grep -q '^12 OK, 0 afwijkingen, 0 onbekend, 0 niet gepubliceerd' '$tmp/out'"
run bereken "$HB" --cao-map "$CM" --geen-werkboek --csv-indexatie --csv "$tmp/eigen-idx.csv"
run controleer "$HB" "$tmp/eigen-idx.csv" --cao-map "$CM"
check "controleer leest de CSV van bereken --csv-indexatie: 12 OK" sh -c "[ $rc -eq 0 ] && grep -q '^12 OK, 0 afwijkingen' '$tmp/out'"
run controleer "$HB" "$T/tests/data/gepubliceerd/hand-basis-opbouw-juist.csv" --cao-map "$CM"
check "controleer opbouw met de hand: UUR en DAGDEEL OK, afsluitcode 0" sh -c "[ $rc -eq 0 ] && grep -q '^UUR .*OK' '$tmp/out' && grep -q '^DAGDEEL .*OK' '$tmp/out' && grep -q '^2 OK, 0 afwijkingen, 0 onbekend, 10 niet gepubliceerd' '$tmp/out'"
run controleer "$HB" "$T/tests/data/gepubliceerd/hand-basis-opbouw-afwijkend.csv" --cao-map "$CM"
check "controleer opbouw: overhead van UUR 0,0125 ernaast is een AFWIJKING, afsluitcode 1" sh -c "[ $rc -eq 1 ] && grep -q '^UUR .*AFWIJKING .*42,53 .*42,53 .*0,00' '$tmp/out'"
check "controleer opbouw: noemt product en element met de bedragen en de plaats" grep -q "^  UUR, element overhead: gepubliceerd 7,10, berekend 7,0875, verschil 0,0125 (.*hand-basis-opbouw-afwijkend.csv:6:32)$" "$tmp/out"
check "controleer opbouw: 0,004 ernaast (DAGDEEL niet_productieve_uren) valt binnen de marge" sh -c "grep -q '^DAGDEEL .*OK' '$tmp/out' && ! grep -q 'DAGDEEL, element' '$tmp/out'"
check "controleer: de hint voor uitleg neemt --cao-map mee" grep -qx "Waarom een tarief afwijkt: tarief uitleg $HB <code> --cao-map $CM" "$tmp/out"
run controleer "$HB" "$T/tests/data/gepubliceerd/hand-basis-opbouw-afwijkend.csv" --cao-map "$CM" --marge 0,02
check "controleer opbouw --marge 0,02: 0,0125 valt binnen, afsluitcode 0" sh -c "[ $rc -eq 0 ] && grep -q '^2 OK, 0 afwijkingen' '$tmp/out'"
printf 'code;tarief;overhead\nUUR;42,53;7.10\n' > "$tmp/fout-el.csv"
run controleer "$HB" "$tmp/fout-el.csv" --cao-map "$CM"
check "controleer opbouw: ongeldig bedrag in een element, afsluitcode 2 met plaats" sh -c "[ $rc -eq 2 ] && grep -q \"^$tmp/fout-el.csv:2:11: fout: ongeldig getal '7.10' voor overhead van product 'UUR'\" '$tmp/err'"
printf 'code;tarief;overheid\nUUR;42,53;7,10\n' > "$tmp/fout-kol.csv"
run controleer "$HB" "$tmp/fout-kol.csv" --cao-map "$CM"
check "controleer: onbekende kolom met suggestie, afsluitcode 2" sh -c "[ $rc -eq 2 ] && grep -q \"^$tmp/fout-kol.csv:1:13: fout: onbekende kolom 'overheid' in de gepubliceerde lijst; bedoelt u 'overhead'?\" '$tmp/err'"

# valideer
run valideer "$HB" --cao-map "$CM"
check "valideer geldige regio: stil, afsluitcode 0" sh -c "[ $rc -eq 0 ] && [ ! -s '$tmp/out' ] && [ ! -s '$tmp/err' ]"
mkdir -p "$tmp/kapot"
cp "$HB"/*.csv "$tmp/kapot/"
sed -i 's/^UUR;Ambulant per uur;uur;1;/UUR;Ambulant per uur;uur;1.5;/' "$tmp/kapot/producten.csv"
sed -i 's/^overhead;20%/overhed;20%/' "$tmp/kapot/uitgangspunten.csv"
run valideer "$tmp/kapot" --cao-map "$CM"
check "valideer kapotte regio: afsluitcode 2" test "$rc" -eq 2
check "valideer meldt het getal met bestand:regel:kolom" grep -qx "$tmp/kapot/producten.csv:2:26: fout: ongeldig getal '1.5' voor uren_per_eenheid: in een bestand met ';' is de komma het decimaalteken (schrijf bijvoorbeeld 1,5)" "$tmp/err"
check "valideer meldt ook de tweede fout (alle problemen tegelijk)" grep -q "uitgangspunten.csv:9:1: fout: onbekende parameter 'overhed'; bedoelt u 'overhead'?" "$tmp/err"
check "valideer toont de regel met een caret" grep -q "^      |                          ^$" "$tmp/err"

# nothing written on invalid input; existing files untouched
echo "oud" > "$tmp/uit.csv"
cp "$tmp/uit.csv" "$tmp/uit.csv.orig"
run bereken "$tmp/kapot" --cao-map "$CM" -o "$tmp/uit.xlsx" --csv "$tmp/uit.csv"
check "bereken kapotte regio: afsluitcode 2" test "$rc" -eq 2
check "bereken kapotte regio: geen werkboek" test ! -e "$tmp/uit.xlsx"
check "bereken kapotte regio: bestaande CSV onaangeroerd" cmp -s "$tmp/uit.csv" "$tmp/uit.csv.orig"
check "bereken kapotte regio: geen tijdelijke bestanden" sh -c "! ls -A '$tmp' | grep -q '^\\.uit'"

# default workbook name in the current directory
mkdir -p "$tmp/cwd"
(cd "$tmp/cwd" && "$BIN" bereken "$HB" --cao-map "$CM" > /dev/null 2>&1); rc=$?
check "bereken schrijft standaard tarieven-<regio>-<jaar>.xlsx" sh -c "[ $rc -eq 0 ] && [ -s '$tmp/cwd/tarieven-hand-basis-2025.xlsx' ]"

# all problems at once: a bad number elsewhere does not hide the cross-file
# check of CAO parameters (eindejaarsuitkering nowhere given)
mkdir -p "$tmp/twee"
cp "$HB"/*.csv "$tmp/twee/"
sed -i '/^eindejaarsuitkering;/d' "$tmp/twee/uitgangspunten.csv"
sed -i 's/^UUR;Ambulant per uur;uur;1;/UUR;Ambulant per uur;uur;1.5;/' "$tmp/twee/producten.csv"
mkdir -p "$tmp/cao2"
cp -r "$CM"/* "$tmp/cao2/"
sed -i '/^eindejaarsuitkering;/d' "$tmp/cao2/hand-a/cao.csv"
run valideer "$tmp/twee" --cao-map "$tmp/cao2"
check "een ongeldig getal verbergt de ontbrekende cao-parameter niet" sh -c "[ $rc -eq 2 ] && grep -q \"producten.csv:2:26: fout: ongeldig getal '1.5'\" '$tmp/err' && grep -q \"functies.csv:[0-9]*:1: fout: 'eindejaarsuitkering' ontbreekt voor functie\" '$tmp/err'"

# a comment line may hold quotes: it is skipped, not parsed (§1)
mkdir -p "$tmp/opm"
cp "$HB"/*.csv "$tmp/opm/"
sed -i '2i # opmerking "tussen aanhalingstekens" hier; met ; en ,' "$tmp/opm/functiemix.csv"
run valideer "$tmp/opm" --cao-map "$CM"
check "commentaarregel met aanhalingstekens wordt overgeslagen" sh -c "[ $rc -eq 0 ] && [ ! -s '$tmp/err' ]"

# outputs: symlinks are followed, modes kept, devices and FIFOs written into
echo oud > "$tmp/echt.csv"
ln -s echt.csv "$tmp/link.csv"
run bereken "$HB" --cao-map "$CM" --geen-werkboek --csv "$tmp/link.csv"
check "--csv op een symlink: de link blijft, het doelbestand krijgt de CSV" sh -c "[ $rc -eq 0 ] && [ -L '$tmp/link.csv' ] && head -1 '$tmp/echt.csv' | grep -q '^$(printf '\357\273\277')code;naam;'"
echo oud > "$tmp/mode.csv"
chmod 640 "$tmp/mode.csv"
run bereken "$HB" --cao-map "$CM" --geen-werkboek --csv "$tmp/mode.csv"
check "--csv over een bestaand bestand houdt de rechten (640)" test "$(stat -c %a "$tmp/mode.csv")" = 640
mkfifo "$tmp/pijp.csv"
(cat "$tmp/pijp.csv" > "$tmp/pijp.uit") &
run bereken "$HB" --cao-map "$CM" --geen-werkboek --csv "$tmp/pijp.csv"
wait
check "--csv naar een FIFO: de inhoud komt in de pijp, de FIFO blijft een FIFO" sh -c "[ $rc -eq 0 ] && [ -p '$tmp/pijp.csv' ] && [ \$(wc -l < '$tmp/pijp.uit') -eq 13 ]"

# outputs may not overwrite inputs or each other
mkdir -p "$tmp/hb"
cp "$HB"/*.csv "$tmp/hb/"
run bereken "$tmp/hb" --cao-map "$CM" --geen-werkboek --csv "$tmp/hb/producten.csv"
check "--csv op een invoerbestand: afsluitcode 2, invoer onaangeroerd" sh -c "[ $rc -eq 2 ] && cmp -s '$tmp/hb/producten.csv' '$HB/producten.csv' && grep -q 'is een invoerbestand' '$tmp/err'"
run bereken "$HB" --cao-map "$CM" --csv "$tmp/dubbel" -o "$tmp/dubbel"
check "--csv en -o hetzelfde bestand: afsluitcode 2, niets geschreven" sh -c "[ $rc -eq 2 ] && [ ! -e '$tmp/dubbel' ]"

# controleer: ambiguous margin, published unit
run controleer "$HB" "$T/tests/data/gepubliceerd/hand-basis-juist.csv" --cao-map "$CM" --marge 1.000
check "controleer --marge 1.000 (dubbelzinnig) wordt geweigerd: afsluitcode 2" test "$rc" -eq 2
run controleer "$HB" "$T/tests/data/gepubliceerd/hand-basis-juist.csv" --cao-map "$CM" --marge 0.005
check "controleer --marge 0.005 (punt, drie decimalen na een 0) is niet dubbelzinnig: afsluitcode 0" sh -c "[ $rc -eq 0 ] && grep -q '(marge € 0,005)' '$tmp/out'"
printf 'code;tarief;eenheid\nUUR;42,53;week\nDAGDEEL;81,90;dagdeel\n' > "$tmp/eenheid.csv"
run controleer "$HB" "$tmp/eenheid.csv" --cao-map "$CM"
check "controleer: juist bedrag maar andere eenheid is een AFWIJKING, afsluitcode 1" sh -c "[ $rc -eq 1 ] && grep -q '^UUR .*AFWIJKING.*gepubliceerd per week, de regio rekent per uur' '$tmp/out' && grep -q '^DAGDEEL .*OK' '$tmp/out'"

# an unreadable input is an I/O error: exit 3, Dutch message
mkdir -p "$tmp/geheim"
cp "$HB"/*.csv "$tmp/geheim/"
chmod 000 "$tmp/geheim/functies.csv"
chmod 755 "$tmp"
if [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$BIN" valideer "$tmp/geheim" --cao-map "$CM" > "$tmp/out" 2> "$tmp/err"; rc=$?
else
    "$BIN" valideer "$tmp/geheim" --cao-map "$CM" > "$tmp/out" 2> "$tmp/err"; rc=$?
fi
check "onleesbaar invoerbestand: afsluitcode 3 met Nederlandse melding" sh -c "[ $rc -eq 3 ] && grep -q 'functies.csv:1:1: fout: kan het bestand niet lezen: geen toestemming' '$tmp/err'"

echo "1..$n"
[ $failed -eq 0 ]
