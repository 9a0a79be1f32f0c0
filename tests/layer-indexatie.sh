#!/bin/sh
# indexatie;vng through the CLI (docs/indexatie.md): uitleg shows the index
# per year with its components and series rows, the CSV keeps the §5 columns
# and adds the indexation only behind --csv-indexatie, and gaps in the series
# are input errors (exit 2). Expected values are the hand-worked ones of
# tests/unit/test_indexatie.c. Prints TAP lines.
. "$(dirname "$0")/tap.sh"
D=tests/data
CM=$D/index-cao
# the default series is data/index/ova-ppc.csv under the current directory
cd "$T" || exit 3

# --- the shipped series: the VNG figures ---------------------------------
run uitleg $D/index-vng-standaard V2025
check "uitleg met meegeleverde reeks: afsluitcode 0" test "$rc" -eq 0
check "aanbiedersindex 2025 = 4,96 % (verschil, zonder tussenafronding)" \
    sh -c "grep -A3 'aanbiedersindex 2025 (VNG)' '$tmp/out' | grep -q '^           = 4,96 %$'"
check "uitleg: 3,944 % + 1,013 % = 4,957 %" grep -q "AFRONDEN(3,944 % + 1,013 %; 2) = AFRONDEN(4,957 %; 2)" "$tmp/out"
check "uitleg: OVA voorlopig 2025 met bron data/index/ova-ppc.csv:7" \
    grep -q "invoer OVA voorlopig 2025 = 4,18 % (indexreeks)  ← data/index/ova-ppc.csv:7  \[bron: VNG" "$tmp/out"
check "uitleg: PPC definitief 2024 met bron data/index/ova-ppc.csv:6" \
    grep -q "invoer PPC definitief 2024 = 3,10 % (indexreeks)  ← data/index/ova-ppc.csv:6" "$tmp/out"
check "uitleg: € 104,96" grep -q "= € 104,96" "$tmp/out"
run uitleg $D/index-vng-standaard V2024
check "aanbiedersindex 2024 = 6,30 % (verhouding, met tussenafronding)" \
    grep -q "AFRONDEN(4,70 % + 1,6038 %; 2) = AFRONDEN(6,3038 %; 2)" "$tmp/out"
check "inhaalslag 2023 als verhouding (1 + 6,43 %) / (1 + 4,75 %) − 1" grep -q "= (1 + 6,43 %) / (1 + 4,75 %) − 1" "$tmp/out"

# --- compounding over two years (tests/data/index-vng) --------------------
run uitleg $D/index-vng A --cao-map $CM
check "uitleg A: afsluitcode 0" test "$rc" -eq 0
check "uitleg A: indexatie van prijspeil 2022 naar tariefjaar 2024" \
    grep -q "indexatie van prijspeil 2022 naar tariefjaar 2024 (VNG)" "$tmp/out"
check "uitleg A: (1 + 4,80 %) × (1 + 4,00 %) − 1 = 8,992 %" \
    sh -c "grep -q '= (1 + 4,80 %) × (1 + 4,00 %) − 1' '$tmp/out' && grep -q '= 8,992 %' '$tmp/out'"
check "uitleg A: E8 met indexatie = vng → 8,992 %" grep -q "invoer indexatie = vng → 8,992 % (regio)" "$tmp/out"
check "uitleg A: € 43,60" grep -q "= € 43,60" "$tmp/out"
run uitleg $D/index-vng E --cao-map $CM
check "uitleg E: prijspeil uit de ingangsdatum van de cao, met bron" \
    grep -q "invoer prijspeil = 2022 (ingangsdatum 2022-05-01) (cao idx-2022)  ← $CM/idx-2022/cao.csv:3" "$tmp/out"

# --- CSV ----------------------------------------------------------------
S5='code;naam;eenheid;tarief;kosten_beroepskracht;niet_productieve_uren;reis_en_opleiding;overhead;gemeentelijke_verplichtingen;huisvesting;verzorging;risico;indexatie;afrondingsverschil'
run bereken $D/index-vng --cao-map $CM --geen-werkboek --csv "$tmp/t.csv"
check "bereken met vng: afsluitcode 0" test "$rc" -eq 0
check "CSV zonder optie: precies de kolommen van §5" sh -c "head -1 '$tmp/t.csv' | grep -qx '$(printf '\357\273\277')$S5'" # BOM + kop
check "CSV: A 43,60 met indexatie 3,596800" grep -q "^A;Twee jaar, verschil;uur;43,60;.*;3,596800;0,003200$" "$tmp/t.csv"
run bereken $D/index-vng --cao-map $CM --geen-werkboek --csv "$tmp/i.csv" --csv-indexatie
check "--csv-indexatie: §5-kolommen eerst, indexatiekolommen achteraan" \
    sh -c "head -1 '$tmp/i.csv' | grep -qx '$(printf '\357\273\277')$S5;indexatie_percentage;indexatie_vorm;prijspeil;indexatie_afleiding'"
check "--csv-indexatie: A 8,992000 vng 2022 met jaren en bronregels" \
    grep -q '^A;.*;3,596800;0,003200;8,992000;vng;2022;".*2023: 4,80 %.*2024: 4,00 %.*index-vng/ova-ppc.csv:5' "$tmp/i.csv"
check "--csv-indexatie: C als percentage" grep -q "^C;.*;5,000000;percentage;;$" "$tmp/i.csv"
run bereken $D/index-vng --cao-map $CM --geen-werkboek --csv-indexatie
check "--csv-indexatie zonder --csv: afsluitcode 2" test "$rc" -eq 2

# --- errors ---------------------------------------------------------------
run valideer $D/index-fout-jaar
check "ontbrekend jaar: afsluitcode 2" test "$rc" -eq 2
check "ontbrekend jaar: bestand:regel:kolom, jaar en reeks genoemd" \
    grep -q "^$D/index-fout-jaar/uitgangspunten.csv:5:11: fout: jaar 2026 ontbreekt in de indexreeks $D/index-fout-jaar/ova-ppc.csv" "$tmp/err"
check "ontbrekend definitief cijfer: in de reeks aangewezen" \
    grep -q "^$D/index-fout-jaar/ova-ppc.csv:3:11: fout: ova_definitief van 2024 ontbreekt" "$tmp/err"
run bereken $D/index-fout-jaar --csv "$tmp/fout.csv" -o "$tmp/fout.xlsx"
check "ontbrekend jaar: niets geschreven" sh -c "[ $rc -eq 2 ] && [ ! -e '$tmp/fout.csv' ] && [ ! -e '$tmp/fout.xlsx' ]"
run valideer $D/index-fout-woord
check "onbekende methode: afsluitcode 2 en melding met plaats" \
    sh -c "[ $rc -eq 2 ] && grep -q \"uitgangspunten.csv:6:19: fout: onbekende indexatie_methode 'gemiddeld': kies verschil of verhouding\" '$tmp/err'"
run valideer $D/index-fout-prijspeil --cao-map $CM
check "prijspeil onbekend of dubbelzinnig: drie fouten" \
    sh -c "[ $rc -eq 2 ] && grep -q \"product 'P1'\" '$tmp/err' && grep -q \"product 'P2'\" '$tmp/err' && grep -q 'prijspeil 2030 ligt na tariefjaar 2024' '$tmp/err'"

echo "1..$n"
[ $failed -eq 0 ]
