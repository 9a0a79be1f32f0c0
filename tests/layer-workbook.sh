#!/bin/sh
# Layer: the workbook as a live model (rekenmethode §5), proved by a real
# spreadsheet engine. TAP lines "ok - ..." / "not ok - ...".
#
#  - writes the workbook of the example region and of the test regions;
#  - checks its structure (sheets, Uitgangspunten = uitgangspunten.csv, every
#    number on Tarieven/Opbouw a formula, no input value inside a formula,
#    SHA-256 of the inputs on Toelichting);
#  - same inputs give the same bytes (two runs, other TZ, no clock), the
#    date comes from SOURCE_DATE_EPOCH; on an error no file appears and an
#    existing file is left as it was;
#  - LibreOffice headless with forced recalculation (OOXMLRecalcMode=0 in a
#    fresh profile) recomputes every formula to its cached value (tariffs to
#    the cent, other numbers within max(1e-9, 1e-12 x |value|));
#  - changed input cells (overhead, productiviteit, a salary, a functiemix
#    pair), recalculated by LibreOffice, give the tariffs the CLI computes
#    from correspondingly changed CSV files.
#
# Needs: python3 (standard library) and LibreOffice (libreoffice-calc-nogui).
# Without LibreOffice the engine tests report "not ok", never a silent skip.
. "$(dirname "$0")/tap.sh"
T=$BUILD/tarief  # relative to the current directory, as the regions below
top=$(pwd)
check="python3 $top/tests/workbook/check.py"

notok() { nok "$@"; }
# result STATUS NAME [LOG]: TAP line, with the log as diagnostics
result() {
    if [ "$1" -eq 0 ]; then
        ok "$2"
        if [ -n "${3:-}" ] && [ -s "$3" ]; then grep "^#" "$3" | tail -2; fi
    else
        notok "$2"
        if [ -n "${3:-}" ] && [ -s "$3" ]; then sed -e 's/^#* *//' -e 's/^/#   /' "$3" | head -30; fi
    fi
}

if [ ! -x "$T" ]; then
    notok "programma $T ontbreekt (eerst make BUILD=$BUILD)"
    exit 1
fi
if ! command -v python3 >/dev/null 2>&1; then
    notok "python3 ontbreekt (apt-get install python3)"
    exit 1
fi

unset SOURCE_DATE_EPOCH

# Regions: name|region dir|cao map. The example region and every valid test
# region with its own CAO tables.
regions="$tmp/regions"
: > "$regions"
echo "voorbeeldregio|productkaarten/voorbeeldregio|data/cao" >> "$regions"
for d in tests/data/ref-*/ tests/data/hand-*/ tests/workbook/regio-*/; do
    [ -f "$d/uitgangspunten.csv" ] || continue
    d=${d%/}
    name=$(basename "$d")
    if [ -d "$d/cao" ]; then cao="$d/cao"
    elif [ "${d#tests/data/hand-}" != "$d" ]; then cao=tests/data/hand-cao
    else cao=tests/workbook/cao
    fi
    echo "$name|$d|$cao" >> "$regions"
done
# indexatie;vng: own series beside the region, and the shipped series
[ -d tests/data/index-vng ] && echo "index-vng|tests/data/index-vng|tests/data/index-cao" >> "$regions"
[ -d tests/data/index-vng-standaard ] &&
    echo "index-vng-standaard|tests/data/index-vng-standaard|data/cao" >> "$regions"

mkdir -p "$tmp/a" "$tmp/b" "$tmp/lo" "$tmp/log" "$tmp/locale"

# --- write, structure, reproducibility ---------------------------------
while IFS='|' read -r name dir cao; do
    "$T" bereken "$dir" --cao-map "$cao" -o "$tmp/a/$name.xlsx" > "$tmp/log/$name.bereken" 2>&1
    result $? "werkboek geschreven: $name" "$tmp/log/$name.bereken"
done < "$regions"

while IFS='|' read -r name dir cao; do
    [ -f "$tmp/a/$name.xlsx" ] || continue
    $check structuur "$tmp/a/$name.xlsx" "$dir" > "$tmp/log/$name.structuur" 2>&1
    result $? "structuur en geen invoerwaarden in formules: $name" "$tmp/log/$name.structuur"
done < "$regions"

# A second run, a second later, in another time zone: the same bytes.
sleep 1
while IFS='|' read -r name dir cao; do
    TZ=Pacific/Kiritimati "$T" bereken "$dir" --cao-map "$cao" -o "$tmp/b/$name.xlsx" > /dev/null 2>&1
    cmp -s "$tmp/a/$name.xlsx" "$tmp/b/$name.xlsx"
    result $? "byte-identiek bij een tweede run: $name"
done < "$regions"

core_created() { # the dcterms:created of a workbook
    python3 -c 'import sys, zipfile, re
x = zipfile.ZipFile(sys.argv[1]).read("docProps/core.xml").decode()
print(re.search(r"<dcterms:created[^>]*>([^<]*)<", x).group(1))' "$1"
}
c=$(core_created "$tmp/a/voorbeeldregio.xlsx" 2>&1)
[ "$c" = "2025-01-01T00:00:00Z" ]
result $? "aanmaakdatum zonder SOURCE_DATE_EPOCH is 1 januari van het tariefjaar ($c)"
SOURCE_DATE_EPOCH=1700000000 "$T" bereken productkaarten/voorbeeldregio --cao-map data/cao \
    -o "$tmp/sde.xlsx" > /dev/null 2>&1
c=$(core_created "$tmp/sde.xlsx" 2>&1)
[ "$c" = "2023-11-14T22:13:20Z" ]
result $? "SOURCE_DATE_EPOCH bepaalt de aanmaakdatum ($c)"
SOURCE_DATE_EPOCH=gisteren "$T" bereken productkaarten/voorbeeldregio --cao-map data/cao \
    -o "$tmp/sde-fout.xlsx" > "$tmp/log/sde-fout" 2>&1
rc=$?
[ "$rc" -ne 0 ] && [ ! -e "$tmp/sde-fout.xlsx" ] && grep -q SOURCE_DATE_EPOCH "$tmp/log/sde-fout"
result $? "ongeldige SOURCE_DATE_EPOCH: fout, geen bestand (status $rc)" "$tmp/log/sde-fout"

# A Dutch locale (decimal comma): the workbook must not change. Built with
# localedef into the temporary directory when the system lacks it.
nl=$(locale -a 2>/dev/null | grep -i '^nl_NL\.utf-\?8$' | head -1)
locpath=""
if [ -z "$nl" ] && command -v localedef >/dev/null 2>&1 &&
    localedef -i nl_NL -f UTF-8 "$tmp/locale/nl_NL.UTF-8" > /dev/null 2>&1; then
    nl=nl_NL.UTF-8
    locpath="$tmp/locale"
fi
if [ -n "$nl" ]; then
    dp=$(LOCPATH=$locpath LC_ALL=$nl python3 -c 'import locale; locale.setlocale(locale.LC_ALL, ""); print(locale.localeconv()["decimal_point"])' 2>&1)
    LOCPATH=$locpath LC_ALL=$nl LANG=$nl "$T" bereken productkaarten/voorbeeldregio --cao-map data/cao \
        -o "$tmp/nl.xlsx" > /dev/null 2>&1
    [ "$dp" = "," ] && cmp -s "$tmp/a/voorbeeldregio.xlsx" "$tmp/nl.xlsx"
    result $? "LC_ALL=$nl (decimaalteken '$dp'): zelfde bytes, LC_NUMERIC blijft C"
else
    ok "LC_ALL=nl_NL.UTF-8: zelfde bytes # SKIP locale nl_NL.UTF-8 ontbreekt en localedef kan hem niet maken"
fi

# --- safe writing: no file on error, an existing file untouched ---------
out="$tmp/veilig"
mkdir -p "$out"
printf 'oud\n' > "$out/tarieven.xlsx"
"$T" bereken tests/data/load-fout-getal --cao-map data/cao -o "$out/tarieven.xlsx" > /dev/null 2>&1
rc=$?
[ "$rc" -eq 2 ] && [ "$(cat "$out/tarieven.xlsx")" = "oud" ] && [ "$(ls -A "$out" | wc -l)" -eq 1 ]
result $? "ongeldige invoer: status 2, bestaand werkboek onaangeroerd, geen tijdelijk bestand (status $rc)"

# A write that fails halfway (file size limit, as on a full disk).
(
    trap '' XFSZ
    ulimit -f 16
    exec "$T" bereken productkaarten/voorbeeldregio --cao-map data/cao -o "$out/tarieven.xlsx"
) > "$tmp/log/vol" 2>&1
rc=$?
[ "$rc" -eq 3 ] && [ "$(cat "$out/tarieven.xlsx")" = "oud" ] && [ "$(ls -A "$out" | wc -l)" -eq 1 ]
result $? "schrijffout halverwege: status 3, bestaand werkboek onaangeroerd, geen tijdelijk bestand (status $rc)" "$tmp/log/vol"

"$T" bereken productkaarten/voorbeeldregio --cao-map data/cao -o "$out/bestaat-niet/t.xlsx" > "$tmp/log/map" 2>&1
rc=$?
[ "$rc" -eq 3 ] && [ ! -e "$out/bestaat-niet" ]
result $? "map bestaat niet: status 3, niets aangemaakt (status $rc)" "$tmp/log/map"

"$T" bereken productkaarten/voorbeeldregio --cao-map data/cao -o "$out/tarieven.xlsx" > /dev/null 2>&1
rc=$?
[ "$rc" -eq 0 ] && cmp -s "$out/tarieven.xlsx" "$tmp/a/voorbeeldregio.xlsx" && [ "$(ls -A "$out" | wc -l)" -eq 1 ]
result $? "geslaagd: bestaand werkboek vervangen, geen tijdelijk bestand achtergebleven (status $rc)"

# --- LibreOffice: recalculation forced ---------------------------------
. "$(dirname "$0")/lo.sh"
lo_klaar "$tmp/lo-profiel" || exit 1

# A copy with one wrong cached tariff: the comparison must catch it.
python3 - "$tmp/a/voorbeeldregio.xlsx" "$tmp/bederf.xlsx" <<'EOF'
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
zi = zipfile.ZipFile(src)
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
    for info in zi.infolist():
        data = zi.read(info.filename)
        if info.filename == "xl/worksheets/sheet1.xml":  # Tarieven
            text = data.decode()
            # the tarief of the first product (column O, row 2) + one cent
            text, n = re.subn(r'(<c r="O2"[^>]*><f>[^<]*</f><v>)([^<]*)(</v>)',
                              lambda m: m.group(1) + repr(float(m.group(2)) + 0.01) + m.group(3), text)
            assert n == 1, "cel O2 niet gevonden"
            data = text.encode()
        zo.writestr(info, data)
EOF

lo_herbereken "$tmp/lo" "$tmp/log/soffice" "$tmp"/a/*.xlsx "$tmp/bederf.xlsx"
while IFS='|' read -r name dir cao; do
    [ -f "$tmp/a/$name.xlsx" ] || continue
    if [ ! -f "$tmp/lo/$name.xlsx" ]; then
        notok "LibreOffice herberekent: $name (geen uitvoer)"
        sed 's/^/#   /' "$tmp/log/soffice" | head -10
        continue
    fi
    $check herberekend "$tmp/a/$name.xlsx" "$tmp/lo/$name.xlsx" > "$tmp/log/$name.herberekend" 2>&1
    result $? "LibreOffice herberekent elke formule tot de opgeslagen waarde: $name" "$tmp/log/$name.herberekend"
    $check weergave "$tmp/lo/$name.xlsx" > "$tmp/log/$name.weergave" 2>&1
    result $? "Tarieven na herberekening: getoonde elementen tellen op tot het getoonde tarief: $name" "$tmp/log/$name.weergave"
done < "$regions"

$check herberekend "$tmp/bederf.xlsx" "$tmp/lo/bederf.xlsx" > "$tmp/log/bederf" 2>&1
rc=$?
[ "$rc" -ne 0 ] && grep -q "Tarieven!O2" "$tmp/log/bederf"
result $? "de vergelijking vindt een opgeslagen tarief dat een cent afwijkt" "$tmp/log/bederf"
$check zelftest > "$tmp/log/zelftest" 2>&1
result $? "getallen gelijk binnen max(1e-9, 1e-12 x |b|): 1,8e-12 rond 0 wel, 2e-9 niet" "$tmp/log/zelftest"

# --- changed inputs: workbook recalculated == CLI on changed CSV files ---
mkdir -p "$tmp/w"
files=""
while IFS='|' read -r name dir cao; do
    [ -f "$tmp/a/$name.xlsx" ] || continue
    w="$tmp/w/$name"
    mkdir -p "$w"
    if ! $check wijzig "$tmp/a/$name.xlsx" "$dir" "$cao" "$w" > "$tmp/log/$name.wijzig" 2>&1; then
        result 1 "invoer gewijzigd in werkboek en csv: $name" "$tmp/log/$name.wijzig"
        continue
    fi
    cp "$w/gewijzigd.xlsx" "$tmp/w/$name.xlsx"
    files="$files $tmp/w/$name.xlsx"
    "$T" bereken "$w/regio" --cao-map "$w/cao" --csv "$w/cli.csv" -o "$w/cli.xlsx" > "$tmp/log/$name.cli" 2>&1 \
        || result 1 "CLI rekent met gewijzigde csv: $name" "$tmp/log/$name.cli"
done < "$regions"
# shellcheck disable=SC2086
lo_herbereken "$tmp/w/lo" "$tmp/log/soffice" $files
while IFS='|' read -r name dir cao; do
    w="$tmp/w/$name"
    [ -f "$w/gewijzigd.xlsx" ] && [ -f "$w/cli.csv" ] || continue
    if [ ! -f "$tmp/w/lo/$name.xlsx" ]; then
        notok "gewijzigde invoer herberekend: $name (geen uitvoer van LibreOffice)"
        continue
    fi
    $check tarieven "$tmp/w/lo/$name.xlsx" "$w/cli.csv" "$tmp/a/$name.xlsx" > "$tmp/log/$name.tarieven" 2>&1
    rc=$?
    grep '^# gewijzigd' "$tmp/log/$name.wijzig" >> "$tmp/log/$name.tarieven"
    result $rc "gewijzigde invoer in het werkboek geeft de tarieven van de CLI: $name" "$tmp/log/$name.tarieven"
    $check weergave "$tmp/w/lo/$name.xlsx" > "$tmp/log/$name.weergave2" 2>&1
    result $? "gewijzigde invoer: getoonde elementen tellen nog op tot het getoonde tarief: $name" "$tmp/log/$name.weergave2"
done < "$regions"
# The example region exercises all four kinds of change.
log="$tmp/log/voorbeeldregio.wijzig"
grep -q 'overhead .* -> ' "$log" && grep -Eq '(productiviteit|verlof|verzuim|scholing|werkoverleg|indirecte_tijd|overig_niet_productief) .* -> ' "$log" &&
    grep -q 'CAO .* -> ' "$log" && grep -q 'functiemix [^n]' "$log"
result $? "voorbeeldregio: overhead, productiviteit, een salaris en de functiemix gewijzigd" "$log"
exit 0
