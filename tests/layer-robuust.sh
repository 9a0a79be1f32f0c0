#!/bin/sh
# Hostile input (issue 15, docs/betrouwbaarheid.md): what the tool used to
# ACCEPT. Each case breaks one thing in a copy of the hand region
# (tests/data/hand-basis, cao tests/data/hand-cao) and checks the exact
# message, the exit code and that nothing was written. Expected values are
# hand-checked (tests/golden/README.md gives the hand region's tariffs).
. "$(dirname "$0")/tap.sh"
HB=$T/tests/data/hand-basis
CM=$T/tests/data/hand-cao
R=$tmp/r
fresh() { rm -rf "$R"; mkdir -p "$R"; cp "$HB"/*.csv "$R/"; }
# sed on a copy of the region: ed FILE SCRIPT
ed() { sed -i "$2" "$R/$1"; }
has() { grep -qF -- "$1" "$tmp/err"; }
noraw() { ! grep -q "$(printf '\033')" "$tmp/err" && ! grep -q "$(printf '\007')" "$tmp/err"; }

# --- finiteness: an overflow is an input error naming product and inputs --
fresh
# 10^6 hours x 10^6 staff / a group of 10^-6: inzet 10^18 hours, tariff about 4e19
ed producten.csv "s/^UUR;Ambulant per uur;uur;1;1;1;/UUR;Ambulant per uur;uur;1000000;1000000;0,000001;/"
run bereken "$R" --cao-map "$CM" -o "$tmp/x.xlsx" --csv "$tmp/x.csv"
check "inzet 10^18 uur: afsluitcode 2, niets geschreven" sh -c "[ $rc -eq 2 ] && [ ! -e '$tmp/x.xlsx' ] && [ ! -e '$tmp/x.csv' ]"
check "overloop: melding bij de productregel met product en elke invoer met plaats" has \
    "$R/producten.csv:2:1: fout: de berekening van product 'UUR' loopt uit de hand (tarief absurd groot; een bedrag boven 10.000.000.000.000 euro is niet op de cent te rekenen): kijk na uren_per_eenheid 1000000 ($R/producten.csv:2:26), begeleiders 1000000 ($R/producten.csv:2:34), groepsgrootte 0,000001 ($R/producten.csv:2:42), productiviteit 80% ($R/uitgangspunten.csv:6:16), overhead 20% ($R/uitgangspunten.csv:9:10), risico 0 % (standaard), indexatie 0 % (standaard) en de loonkosten van de functiemix"
check "bereken schrijft geen inf of nan" sh -c "! grep -qi 'inf\\|nan' '$tmp/out'"

# --- plausibility: warning, --streng makes it an error --------------------
fresh
ed producten.csv 's/^DAGDEEL;Groep per dagdeel;dagdeel;4;/DAGDEEL;Groep per dagdeel;dagdeel;40;/'
run valideer "$R" --cao-map "$CM"
check "dagdeel van 40 uur: valideer waarschuwt en slaagt (afsluitcode 0)" sh -c "[ $rc -eq 0 ]"
# column 35: 'DAGDEEL;Groep per dagdeel;dagdeel;' is 34 characters
check "waarschuwing met plaats, bereik en bron" has \
    "$R/producten.csv:3:35: waarschuwing: uren_per_eenheid van product 'DAGDEEL' (eenheid dagdeel) is 40: buiten het gebruikelijke bereik 2 tot 5 (een dagdeel is 3,5-4 uur (iJw: 4 uur)); klopt het, dan kunt u dit negeren (met --streng is het een fout)"
run valideer "$R" --cao-map "$CM" --streng
check "--streng: dezelfde waarde is een fout (afsluitcode 2)" sh -c "[ $rc -eq 2 ] && grep -q '^$R/producten.csv:3:35: fout: uren_per_eenheid van product .DAGDEEL. (eenheid dagdeel) is 40: buiten' '$tmp/err' && grep -q '^1 fout gevonden' '$tmp/err'"
run bereken "$R" --cao-map "$CM" --geen-werkboek --streng
check "bereken --streng: afsluitcode 2, geen tabel" sh -c "[ $rc -eq 2 ] && [ ! -s '$tmp/out' ]"
run publiceer "$R" --cao-map "$CM" -o "$tmp/p.html" --streng
check "publiceer --streng: afsluitcode 2, geen document" sh -c "[ $rc -eq 2 ] && [ ! -e '$tmp/p.html' ] && grep -q '^$R/producten.csv:3:35: fout: uren_per_eenheid' '$tmp/err'"
# a broken region and a broken --vorig: the problems of both at once
rm -rf "$tmp/vorig"; cp -r "$HB" "$tmp/vorig"
sed -i 's/^productiviteit;80%;/productiviteit;abc;/' "$tmp/vorig/uitgangspunten.csv"
run publiceer "$R" --vorig "$tmp/vorig" --cao-map "$CM" -o "$tmp/p.html" --streng
check "publiceer --vorig --streng: de waarschuwing van de regio en de fout van --vorig samen, 2 fouten" \
    sh -c "[ $rc -eq 2 ] && [ ! -e '$tmp/p.html' ] && grep -q '^$R/producten.csv:3:35: fout: uren_per_eenheid' '$tmp/err' && grep -q '^$tmp/vorig/uitgangspunten.csv:6:16: fout: ongeldig getal .abc.' '$tmp/err' && grep -q '^2 fouten gevonden' '$tmp/err'"
run uitvraag sjabloon "$R" --cao-map "$CM" -o "$tmp/uv" --streng
check "uitvraag sjabloon --streng: afsluitcode 2, geen map" sh -c "[ $rc -eq 2 ] && [ ! -e '$tmp/uv' ] && grep -q '^$R/producten.csv:3:35: fout: uren_per_eenheid' '$tmp/err'"
run uitvraag sjabloon "$R" --cao-map "$CM" -o "$tmp/uv"
check "uitvraag sjabloon zonder --streng: waarschuwing, wel geschreven" sh -c "[ $rc -eq 0 ] && [ -s '$tmp/uv/uitvraag.csv' ] && grep -q '^$R/producten.csv:3:35: waarschuwing: uren_per_eenheid' '$tmp/err'"
fresh
ed uitgangspunten.csv 's/^productiviteit;80%;/productiviteit;1%;/'
run bereken "$R" --cao-map "$CM" --geen-werkboek
# hand: UUR at 80 % is 42,53; E1 = 33,2 at 100 %... the tariff is finite, only the warning matters here
check "productiviteit 1 %: waarschuwing, tarief nog berekend" sh -c "[ $rc -eq 0 ] && grep -q \"^$R/uitgangspunten.csv:6:16: waarschuwing: productiviteit is 1%: buiten het gebruikelijke bereik 50 % tot 100 %\" '$tmp/err'"
fresh
ed uitgangspunten.csv 's/^overhead;20%;/overhead;99,99%;/'
run valideer "$R" --cao-map "$CM"
check "overhead 99,99 %: waarschuwing" sh -c "[ $rc -eq 0 ] && grep -q 'waarschuwing: overhead is 99,99%: buiten het gebruikelijke bereik 0 % tot 50 %' '$tmp/err'"
fresh
ed producten.csv 's/^MINUUT;Ambulant per minuut;minuut;0,0166666666666667;/MINUUT;Ambulant per minuut;minuut;1;/'
run valideer "$R" --cao-map "$CM"
check "een minuut van 1 uur: waarschuwing" has "waarschuwing: uren_per_eenheid van product 'MINUUT' (eenheid minuut) is 1: buiten het gebruikelijke bereik 0,0083 tot 0,0333"
fresh
run valideer "$R" --cao-map "$CM" --streng
check "de handregio zelf: geen waarschuwing, ook niet streng" sh -c "[ $rc -eq 0 ] && [ ! -s '$tmp/err' ]"

# --- rows with fewer fields than the header ------------------------------
fresh
ed producten.csv 's/^UUR;Ambulant per uur;uur;1;1;1;;;;;;;;;;;;$/UUR;Ambulant per uur;uur;1;1;1/'
run bereken "$R" --cao-map "$CM" --geen-werkboek
check "afgebroken productregel: fout bij die regel" sh -c "[ $rc -eq 2 ] && grep -q '^$R/producten.csv:2:31: fout: deze regel heeft 6 velden, de kopregel 18: ontbreekt er een scheidingsteken of is de regel afgebroken?' '$tmp/err'"
fresh
ed functiemix.csv 's/^UUR;MBO;60$/UUR;MBO/'
run valideer "$R" --cao-map "$CM"
check "functiemixregel zonder percentage: fout bij die regel" has "$R/functiemix.csv:2:8: fout: deze regel heeft 2 velden, de kopregel 3"

# --- what a workbook cannot hold -------------------------------------------
fresh
lang=$(awk 'BEGIN { for (i = 0; i < 32768; i++) printf "a" }')
ed producten.csv "s/^UUR;Ambulant per uur;/UUR;$lang;/"
run valideer "$R" --cao-map "$CM"
check "naam van 32.768 tekens: valideer meldt het bij de cel" sh -c "[ $rc -eq 2 ] && grep -q '^$R/producten.csv:2:5: fout: veld is te lang voor een werkboekcel: 32768 tekens, een spreadsheet houdt er ten hoogste 32767' '$tmp/err'"
fresh
lang=$(awk 'BEGIN { for (i = 0; i < 32767; i++) printf "a" }')
ed producten.csv "s/^UUR;Ambulant per uur;/UUR;$lang;/"
run valideer "$R" --cao-map "$CM"
check "naam van precies 32.767 tekens mag" sh -c "[ $rc -eq 0 ]"
fresh
ed producten.csv "s/^UUR;Ambulant per uur;/UUR;Ambulant$(printf '\357\277\276') per uur;/"
run valideer "$R" --cao-map "$CM"
check "U+FFFE in een naam: fout bij de cel" has "$R/producten.csv:2:5: fout: veld bevat het teken U+FFFE, dat geen tekst is: dat kan niet in een werkboek of op het scherm"
fresh
ed producten.csv "s/^UUR;Ambulant per uur;/UUR;Ambulant$(printf '\033')[31m per uur$(printf '\007');/"
run valideer "$R" --cao-map "$CM"
check "ESC in een naam: fout, getoond als \\x1B" sh -c "[ $rc -eq 2 ] && grep -qF 'veld bevat een stuurteken (\\x1B)' '$tmp/err' && grep -qF 'UUR;Ambulant\\x1B[31m per uur\\x07;uur' '$tmp/err'"
check "ESC en BEL komen niet rauw op de terminal" noraw
mkdir -p "$tmp/$(printf 'map\033]0;x\007')"
run valideer "$tmp/$(printf 'map\033]0;x\007')" --cao-map "$CM"
check "stuurtekens in een padnaam: ook in de melding geëscaped" sh -c "[ $rc -eq 2 ] && grep -qF 'map\\x1B]0;x\\x07' '$tmp/err'"
check "padnaam: geen rauwe stuurtekens" noraw

run bereken "$R" "--$(printf '\033')[2J"
check "stuurteken in een argument: afsluitcode 2, geëscaped in de melding" sh -c "[ $rc -eq 2 ] && grep -qF \"onbekende optie '--\\x1B[2J'\" '$tmp/err'"
check "argument: geen rauwe stuurtekens" noraw

# row limit: Opbouw has a header, per product a functie row and a product
# row, so 524.288 products need 1.048.577 rows, one more than a sheet has.
# The message names the product that no longer fits: P524288 pins the
# boundary (P524287 still fits: 1 + 2 x 524.287 = 1.048.575 rows). About
# 20 s on a loaded machine; not repeated in the sanitizer build.
if ! grep -q __asan_init "$BIN"; then
    fresh
    awk 'BEGIN { print "code;naam;eenheid;uren_per_eenheid"; for (i = 1; i <= 524288; i++) printf "P%d;x;uur;1\n", i }' > "$R/producten.csv"
    awk 'BEGIN { print "product;functie;percentage"; for (i = 1; i <= 524288; i++) printf "P%d;ZZP;100\n", i }' > "$R/functiemix.csv"
    run valideer "$R" --cao-map "$CM"
    check "524.288 producten (1.048.577 rijen op Opbouw): valideer weigert bij het laatste product" sh -c "[ $rc -eq 2 ] && grep -q \"^$R/producten.csv:524289:1: fout: te veel producten voor het werkboek: vanaf product 'P524288' (het 524288-e)\" '$tmp/err' && [ \$(grep -c ': fout: ' '$tmp/err') -eq 1 ]"
fi

# --- non-regular input files ----------------------------------------------
fresh
rm "$R/functies.csv"
mkfifo "$R/functies.csv"
timeout 20 "$BIN" valideer "$R" --cao-map "$CM" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "FIFO als functies.csv: meteen geweigerd met plaats (geen hangen)" sh -c "[ $rc -eq 2 ] && grep -q '^$R/functies.csv:1:1: fout: dit is een FIFO (named pipe), geen gewoon bestand' '$tmp/err'"
fresh
rm "$R/functies.csv"
ln -s /dev/zero "$R/functies.csv"
timeout 20 "$BIN" valideer "$R" --cao-map "$CM" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "/dev/zero als functies.csv: geweigerd als apparaat" sh -c "[ $rc -eq 2 ] && grep -q '^$R/functies.csv:1:1: fout: dit is een apparaat, geen gewoon bestand' '$tmp/err'"

# --- CSV injection -----------------------------------------------------------
fresh
ed producten.csv 's/^UUR;Ambulant per uur;/UUR;"=HYPERLINK(""http:\/\/x"";""klik"")";/'
ed producten.csv 's/^EURO;Afronding euro;/-EURO;@Afronding euro;/'
ed functiemix.csv 's/^EURO;/-EURO;/'
run bereken "$R" --cao-map "$CM" --geen-werkboek --csv "$tmp/inj.csv"
check "bereken met formule-achtige namen slaagt" test "$rc" -eq 0
check "=HYPERLINK wordt '=HYPERLINK (tussen aanhalingstekens om de ;)" grep -q "^UUR;\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\";uur;" "$tmp/inj.csv"
check "code -EURO en naam @... krijgen een apostrof" grep -q "^'-EURO;'@Afronding euro;uur;" "$tmp/inj.csv"
check "geen code of naam in de CSV begint met = + - of @" sh -c "[ -s '$tmp/inj.csv' ] && ! cut -d';' -f1,2 '$tmp/inj.csv' | tr ';' '\n' | sed 's/^\"//' | grep -q '^[=+@-]'"
# a published list cut from our CSV (code;naam;eenheid;tarief, quoting kept as we wrote it)
python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8"), delimiter=";"))
w = csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), delimiter=";", lineterminator="\n")
for r in rows: w.writerow(r[:4])
' "$tmp/inj.csv" "$tmp/pub.csv"
check "de uitgesneden lijst houdt de apostrof van de eigen CSV" grep -q "^'-EURO;'@Afronding euro;uur;" "$tmp/pub.csv"
run controleer "$R" "$tmp/pub.csv" --cao-map "$CM"
check "controleer leest de eigen CSV terug: elke code gevonden, alles klopt (afsluitcode 0)" sh -c "[ $rc -eq 0 ] && grep -q '^-EURO  *OK' '$tmp/out' && grep -q '^12 OK, 0 afwijkingen, 0 onbekend' '$tmp/out'"
# the tariff of UUR is the hand value 42,53 (tests/golden/README.md)
check "tarief van UUR in de CSV is 42,53" sh -c "grep '^UUR;' '$tmp/inj.csv' | grep -q ';42,53'"

# --- header codes in names (fuzz_regio: libxlsxwriter read a freed string) -
# libxlsxwriter counts every "&G" and "&[Picture]" in a page header as an image
# placeholder, also inside our escaped "&&G"; without an image it dropped the
# header and workbook_close read the freed string. The name must print as typed.
fresh
ed uitgangspunten.csv 's/^regio;Handregio basis;/regio;R\&G \&[Picture] \&P;/'
run bereken "$R" --cao-map "$CM" -o "$tmp/kop.xlsx"
check "regio met &G, &[Picture] en &P in de naam: werkboek geschreven, geen melding van libxlsxwriter" \
    sh -c "[ $rc -eq 0 ] && [ -s '$tmp/kop.xlsx' ] && ! grep -q 'WARNING\\|placeholder' '$tmp/err'"
python3 - "$tmp/kop.xlsx" > "$tmp/kop.txt" 2>&1 <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in sorted(z.namelist()):
    if n.startswith("xl/worksheets/sheet"):
        h = re.search(r"<oddHeader>(.*?)</oddHeader>", z.read(n).decode())
        print(h.group(1) if h else "GEEN KOP")
PY
# &&, then U+200B before G and [: Excel and LibreOffice print "R&G &[Picture] &P"
zw=$(printf '\342\200\213')
kop="&amp;L&amp;\"-,Bold\"Reële tarieven R&amp;&amp;${zw}G &amp;&amp;${zw}[Picture] &amp;&amp;P 2025&amp;R&amp;A"
check "elke bladkop heeft de naam met verdubbelde & (en een onzichtbare scheiding voor G en [)" \
    sh -c "[ -s '$tmp/kop.txt' ] && ! grep -qvxF '$kop' '$tmp/kop.txt'"

# A chart title that starts with '=' is a formula to libxlsxwriter: the
# vergelijk chart of a product coded "=A1" must carry its title as text.
rm -rf "$tmp/vr" "$tmp/va"
cp -r "$T/tests/data/vgl-regio" "$tmp/vr"
cp -r "$T/tests/data/vgl-aanbieder" "$tmp/va"
sed -i 's/^AMB;/=A1;/' "$tmp/vr/producten.csv" "$tmp/vr/functiemix.csv" "$tmp/va/functiemix.csv"
run vergelijk "$tmp/vr" "$tmp/va" --cao-map "$T/tests/data/vgl-cao" -o "$tmp/vgl.xlsx"
python3 - "$tmp/vgl.xlsx" > "$tmp/titels.txt" 2>&1 <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in sorted(z.namelist()):
    if "charts/chart" in n:
        t = re.search(r"<c:title>(.*?)</c:title>", z.read(n).decode(), re.S)
        print("FORMULE" if t and "<c:f>" in t.group(1) else "".join(re.findall(r"<a:t>(.*?)</a:t>", t.group(1))))
PY
# the title as typed, after an invisible U+200B (zw, above)
check "code =A1: de grafiektitel is tekst ('=A1 ...' na een onzichtbare U+200B), geen formule" \
    sh -c "[ $rc -eq 0 ] && grep -qxF '${zw}=A1 Ambulant per uur (€ per uur)' '$tmp/titels.txt' && ! grep -q FORMULE '$tmp/titels.txt'"

# --- cao verhoog --procent ---------------------------------------------------
mkdir -p "$tmp/cao"
cp -r "$T/data/cao/ghz-2022-05-01" "$tmp/cao/"
run cao verhoog "$tmp/cao/ghz-2022-05-01" --naar ghz-x --ingangsdatum 2030-01-01 --procent 500
check "cao verhoog --procent 500: afsluitcode 2, niets geschreven" sh -c "[ $rc -eq 2 ] && [ ! -e '$tmp/cao/ghz-x' ] && grep -q 'percentage 500 % is onmogelijk groot voor een cao-verhoging' '$tmp/err'"
run cao verhoog "$tmp/cao/ghz-2022-05-01" --naar ghz-x --ingangsdatum 2030-01-01 --minimum-uurloon 1000
check "cao verhoog --minimum-uurloon 1000: afsluitcode 2" sh -c "[ $rc -eq 2 ] && [ ! -e '$tmp/cao/ghz-x' ]"
run cao verhoog "$tmp/cao/ghz-2022-05-01" --naar ghz-x --ingangsdatum 2030-01-01 --procent 100
check "--procent 100 (de grens) mag nog" sh -c "[ $rc -eq 0 ] && [ -d '$tmp/cao/ghz-x' ]"
