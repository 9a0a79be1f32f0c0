#!/bin/sh
# Layer: ort per functie (functiemix.csv column ort) and pgb tariffs
# (pgb_professioneel, pgb_informeel) through the CLI. Expected amounts worked
# out by hand in tests/unit/test_ort_pgb.c (region tests/data/hand-ort-pgb).
. "$(dirname "$0")/tap.sh"
R=$T/tests/data/hand-ort-pgb
CM=$T/tests/data/hand-cao

run bereken "$R" --cao-map "$CM" --csv "$tmp/t.csv" -o "$tmp/t.xlsx"
zonder_bom "$tmp/t.csv" > "$tmp/t0.csv"
check "bereken met ort per functie en pgb: exit 0" test "$rc" -eq 0
check "CSV: pgb-kolommen en ort_per_functie achter de bestaande kolommen" \
    grep -q '^code;naam;eenheid;tarief;kosten_beroepskracht;niet_productieve_uren;reis_en_opleiding;overhead;gemeentelijke_verplichtingen;huisvesting;verzorging;risico;indexatie;afrondingsverschil;pgb_professioneel;pgb_informeel;ort_per_functie$' "$tmp/t0.csv"
check "CSV DAG: 34,58, pgb 31,12 en 25,94 (25,935 half van nul af)" grep -q '^DAG;Ambulant overdag;uur;34,58;.*;31,12;25,94;MBO 0 % (functiemix, .*functiemix.csv:2) | HBO 5 % (regio, .*uitgangspunten.csv:6)$' "$tmp/t.csv"
check "CSV NACHT: 37,97, pgb 34,17 (regio 90 %) en 22,78 (product 60 %)" grep -q '^NACHT;.*;37,97;.*;34,17;22,78;MBO 20 % (functiemix, .*functiemix.csv:4) | HBO 10 % (product, .*producten.csv:3)$' "$tmp/t.csv"
check "CSV ZZP: loonkosten per uur, geen ort" grep -q '^ZZP;Ambulant zzp;uur;50,00;.*;45,00;37,50;$' "$tmp/t.csv"

run controleer "$R" "$tmp/t.csv" --cao-map "$CM"
check "controleer leest de CSV met pgb- en ort-kolommen: exit 0" test "$rc" -eq 0

run uitleg "$R" NACHT --cao-map "$CM"
check "uitleg: ort uit de functiemix met bestand:regel" grep -q 'invoer ort = 20 % (functiemix)  ← .*hand-ort-pgb/functiemix.csv:4  \[bron: MBO draait de nachten\]' "$tmp/out"
check "uitleg: ort van het product voor HBO" grep -q 'invoer ort = 10 % (product)  ← .*producten.csv:3' "$tmp/out"
check "uitleg: pgb professioneel na het tarief" grep -q '= AFRONDEN(37,97 × 90 %; 2)' "$tmp/out"
check "uitleg: pgb informeel 22,78" grep -q '  pgb informeel (60 %) *22,78$' "$tmp/out"

# existing regions: no new columns
run bereken "$T/tests/data/hand-basis" --cao-map "$CM" --csv "$tmp/b.csv" -o "$tmp/b.xlsx"
check "zonder ort per functie en pgb: geen extra kolommen" sh -c "head -1 '$tmp/b.csv' | grep -qv 'pgb\|ort_per'"

# errors: all at once, file:line:column, exit 2, nothing written
cp -r "$R" "$tmp/fout"
sed -i 's/^ZZP;ZZP;100;;$/ZZP;ZZP;100;5;/' "$tmp/fout/functiemix.csv"
sed -i 's/^pgb_professioneel;90%/pgb_professioneel;120%/' "$tmp/fout/uitgangspunten.csv"
sed -i 's/^NACHT;\(.*\);10;60;/NACHT;\1;10;0;/' "$tmp/fout/producten.csv"
run bereken "$tmp/fout" --cao-map "$CM" --csv "$tmp/fout.csv"
check "fouten: exit 2" test "$rc" -eq 2
check "fout: ort bij een functie met loonkosten_per_uur" grep -q "fout/functiemix.csv:6:13: fout: ort '5' voor functie 'ZZP' telt niet mee" "$tmp/err"
check "fout: pgb_professioneel boven 100 %" grep -q "fout/uitgangspunten.csv:7:19: fout: pgb_professioneel moet groter dan 0 % en hoogstens 100 % van het tarief zijn, gevonden '120%'" "$tmp/err"
check "fout: pgb_informeel 0 %" grep -q "fout/producten.csv:3:[0-9]*: fout: pgb_informeel moet groter dan 0 %" "$tmp/err"
check "fouten: niets geschreven" test ! -e "$tmp/fout.csv"

echo "1..$n"
[ "$failed" -eq 0 ]
