#!/bin/sh
# Layer: the workbooks as documents (issue 13), in real engines.
#
#  - every sheet of the bereken, vergelijk and verschil workbooks has its
#    page setup: A4, fit to the page width, header with the title and the
#    sheet name (&A), footer with the page number (&P van &N);
#  - the charts are native charts whose series refer to the workbook's own
#    cells (tests/workbook/check_grafiek.py: Tarieven, Vergelijking,
#    Verschil);
#  - printed by LibreOffice (soffice --convert-to pdf, then pdftotext), the
#    first page of the bereken workbook holds every product's code with its
#    tariff as shown; the second page does not (so the check can fail);
#    and the printout is a document, not 58 pages for 20 products.
#
# Needs python3, LibreOffice and poppler-utils (pdftotext, pdfinfo); without
# them "not ok", never a silent skip.
. "$(dirname "$0")/tap.sh"
cd "$T" || exit 1
cg="python3 tests/workbook/check_grafiek.py"
res() { # status name log
    if [ "$1" -eq 0 ]; then ok "$2"; grep '^#' "$3" | tail -1
    else nok "$2" "$(sed 's/^# *//' "$3" | head -12)"; fi
}

if [ ! -x "$BIN" ]; then
    nok "programma $BIN ontbreekt (eerst make)"
    echo "1..$n"; exit 1
fi
mkdir -p "$tmp/w" "$tmp/log" "$tmp/pdf"

# name|command (region, cao map) of each workbook
"$BIN" bereken productkaarten/voorbeeldregio --cao-map data/cao -o "$tmp/w/voorbeeldregio.xlsx" > /dev/null 2>&1
check "bereken: werkboek voorbeeldregio" test -s "$tmp/w/voorbeeldregio.xlsx"
"$BIN" bereken tests/data/hand-basis --cao-map tests/data/hand-cao -o "$tmp/w/hand-basis.xlsx" > /dev/null 2>&1
check "bereken: werkboek hand-basis" test -s "$tmp/w/hand-basis.xlsx"
"$BIN" bereken tests/data/index-vng --cao-map tests/data/index-cao -o "$tmp/w/index-vng.xlsx" > /dev/null 2>&1
check "bereken: werkboek index-vng" test -s "$tmp/w/index-vng.xlsx"
# 60 products: hand-basis and P1..P48 like UUR; the chart shows the first 50
cp -r tests/data/hand-basis "$tmp/regio-60"
i=1
while [ $i -le 48 ]; do
    printf 'P%d;Ambulant %d;uur;%d;1;1;;;;;;;;;;;;\n' $i $i $i >> "$tmp/regio-60/producten.csv"
    printf 'P%d;MBO;60\nP%d;HBO;40\n' $i $i >> "$tmp/regio-60/functiemix.csv"
    i=$((i + 1))
done
"$BIN" bereken "$tmp/regio-60" --cao-map tests/data/hand-cao -o "$tmp/w/regio-60.xlsx" > /dev/null 2>&1
check "bereken: werkboek met 60 producten" test -s "$tmp/w/regio-60.xlsx"
"$BIN" vergelijk tests/data/vgl-regio tests/data/vgl-aanbieder --cao-map tests/data/vgl-cao \
    -o "$tmp/w/vergelijk.xlsx" > /dev/null 2>&1
check "vergelijk: werkboek" test -s "$tmp/w/vergelijk.xlsx"
"$BIN" verschil tests/data/vsch-oud tests/data/vsch-nieuw --cao-map tests/data/vgl-cao \
    -o "$tmp/w/verschil.xlsx" > /dev/null 2>&1
check "verschil: werkboek" test -s "$tmp/w/verschil.xlsx"

# --- page setup of every sheet ---------------------------------------------
for f in "$tmp"/w/*.xlsx; do
    name=$(basename "$f" .xlsx)
    python3 - "$f" > "$tmp/log/$name.pagina" 2>&1 <<'EOF'
import re, sys, zipfile
sys.path.insert(0, "tests/workbook")
import xlsx
z = zipfile.ZipFile(sys.argv[1])
bad = []
sheets = xlsx._sheet_paths(z)
for name, part in sheets:
    x = z.read(part).decode()
    ps = re.search(r"<pageSetup [^>]*/>", x)
    if not ps or 'paperSize="9"' not in ps.group(0) or 'fitToHeight="0"' not in ps.group(0) or \
            'orientation=' not in ps.group(0):
        bad.append("%s: geen A4/paginabreed (%s)" % (name, ps.group(0) if ps else "geen pageSetup"))
    if '<pageSetUpPr fitToPage="1"/>' not in x:
        bad.append("%s: niet passend gemaakt (fitToPage)" % name)
    h = re.search(r"<oddHeader>([^<]*)</oddHeader>", x)
    f = re.search(r"<oddFooter>([^<]*)</oddFooter>", x)
    if not h or "&amp;A" not in h.group(1) or not f or "&amp;P" not in f.group(1) or "&amp;N" not in f.group(1):
        bad.append("%s: kop- of voettekst zonder blad of paginanummer" % name)
for b in bad:
    print("# " + b)
print("# %d bladen met paginainstelling" % len(sheets))
sys.exit(1 if bad else 0)
EOF
    res $? "elk blad A4, paginabreed, kop- en voettekst met blad en paginanummer: $name" "$tmp/log/$name.pagina"
done

# --- charts -----------------------------------------------------------------
for name in voorbeeldregio hand-basis index-vng regio-60; do
    $cg bereken "$tmp/w/$name.xlsx" > "$tmp/log/$name.grafiek" 2>&1
    res $? "Grafiek: opbouw per product, reeksen uit Tarieven: $name" "$tmp/log/$name.grafiek"
done
python3 - "$tmp/w/regio-60.xlsx" > "$tmp/log/regio-60.notitie" 2>&1 <<'EOF'
import sys
sys.path.insert(0, "tests/workbook")
import xlsx
g = xlsx.read_dict(sys.argv[1])["Grafiek"]
tekst = " ".join(str(c.value) for c in g.cells.values())
print("# " + tekst[:200])
sys.exit(0 if "De eerste 50 van de 60 producten" in tekst else 1)
EOF
res $? "Grafiek bij 60 producten: de eerste 50, en de notitie zegt het" "$tmp/log/regio-60.notitie"
$cg vergelijk "$tmp/w/vergelijk.xlsx" > "$tmp/log/vergelijk.grafiek" 2>&1
res $? "Grafiek: regio tegen aanbieder per element, reeksen uit Vergelijking" "$tmp/log/vergelijk.grafiek"
$cg verschil "$tmp/w/verschil.xlsx" > "$tmp/log/verschil.grafiek" 2>&1
res $? "Grafiek: bijdrage per oorzaak, reeksen uit Verschil" "$tmp/log/verschil.grafiek"

# --- printed by LibreOffice ---------------------------------------------------
. "$(dirname "$0")/lo.sh"
if ! command -v pdftotext > /dev/null 2>&1 || ! command -v pdfinfo > /dev/null 2>&1; then
    nok "pdftotext/pdfinfo ontbreken (apt-get install poppler-utils)"
    echo "1..$n"; exit 1
fi
if ! lo_klaar "$tmp/lo-profiel"; then
    n=$((n + 1)); failed=$((failed + 1))
    echo "1..$n"; exit 1
fi
"$soffice" -env:UserInstallation="file://$lo_profiel" --headless --norestore \
    --convert-to pdf --outdir "$tmp/pdf" "$tmp"/w/*.xlsx > "$tmp/log/soffice" 2>&1
for name in voorbeeldregio hand-basis index-vng; do
    pdf=$tmp/pdf/$name.pdf
    if [ ! -s "$pdf" ]; then
        nok "LibreOffice drukt af: $name" "$(head -5 "$tmp/log/soffice")"
        continue
    fi
    pdftotext -layout -f 1 -l 1 "$pdf" "$tmp/log/$name.p1.txt"
    $cg pagina1 "$tmp/w/$name.xlsx" "$tmp/log/$name.p1.txt" > "$tmp/log/$name.p1" 2>&1
    res $? "afdruk pagina 1: elke productcode met zijn tarief zoals getoond: $name" "$tmp/log/$name.p1"
    pdftotext -layout -f 2 -l 2 "$pdf" "$tmp/log/$name.p2.txt"
    $cg pagina1 "$tmp/w/$name.xlsx" "$tmp/log/$name.p2.txt" > "$tmp/log/$name.p2" 2>&1
    if [ $? -ne 0 ]; then ok "de paginacontrole vindt de tarieven niet op pagina 2: $name"
    else nok "de paginacontrole vindt de tarieven niet op pagina 2: $name" "pagina 2 slaagde ook"; fi
    pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
    sheets=$(python3 -c 'import sys; sys.path.insert(0, "tests/workbook"); import xlsx, zipfile
print(len(xlsx._sheet_paths(zipfile.ZipFile(sys.argv[1]))))' "$tmp/w/$name.xlsx")
    # a page or two per sheet at these sizes (58 pages for 20 products before)
    check "afdruk $name: $pages pagina's voor $sheets bladen (hoogstens 2 per blad)" \
        test "${pages:-999}" -le $((2 * sheets))
done
for name in vergelijk verschil; do
    pdf=$tmp/pdf/$name.pdf
    check "LibreOffice drukt het werkboek van $name af" test -s "$pdf"
done
echo "1..$n"
[ "$failed" -eq 0 ]
