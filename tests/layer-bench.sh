#!/bin/sh
# `make bench` in small (docs/prestaties.md): the benchmark programs still
# build, generate a valid region and measure what the page says they
# measure. No time is asserted here (speed is measured by `make bench`,
# never by a test); only what must hold on any machine: the generator is
# deterministic and its region valid, every phase is reported, the
# workbook's inpakken is part of the workbook time, the write-only baseline
# writes exactly the cells our workbook holds (counted in the xlsx itself),
# and the driver runs LibreOffice on it and writes results.csv.
# Prints TAP lines.
. "$(dirname "$0")/tap.sh"
B=$T/$BUILD/bench
# key=value from a bench meet/basis output file
val() { sed -n "s/^$1=//p" "$2" | head -1; }
# a > b for decimal numbers
groter() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 > b + 0) }'; }

for p in bench genregio; do
    if [ ! -x "$B/$p" ]; then
        nok "$BUILD/bench/$p is gebouwd" "ontbreekt: make BUILD=$BUILD $BUILD/bench/$p"
        exit 1
    fi
done

cd "$T" || exit 1
"$B/genregio" -n 100 -o "$tmp/regio-100" --cao data/cao/ghz-2022-05-01 > /dev/null 2>&1
"$B/genregio" -n 100 -o "$tmp/nog-eens" --cao data/cao/ghz-2022-05-01 > /dev/null 2>&1
check "genregio: zelfde N geeft dezelfde bytes" diff -r "$tmp/regio-100" "$tmp/nog-eens"
check "genregio: 100 producten" test "$(grep -v '^#' "$tmp/regio-100/producten.csv" | grep -c .)" -eq 101
"$T/$BUILD/tarief" valideer "$tmp/regio-100" --cao-map data/cao > "$tmp/val.out" 2>&1
check "genregio: de regio is geldig (tarief valideer)" test $? -eq 0

mkdir -p "$tmp/uit"
"$B/bench" meet "$tmp/regio-100" "$tmp/uit" data/cao > "$tmp/meet" 2> "$tmp/meet.err"
check "bench meet: afsluitcode 0" test $? -eq 0
for k in producten laden_s rekenen_s csv_s werkboek_s inpakken_s totaal_s piek_mb rekenen_per_s xlsx_bytes; do
    v=$(val "$k" "$tmp/meet")
    check "bench meet meldt $k (positief getal)" groter "${v:-0}" 0
done
check "bench meet: 100 producten" test "$(val producten "$tmp/meet")" = 100
check "bench meet: inpakken is een deel van de werkboektijd" \
    groter "$(val werkboek_s "$tmp/meet")" "$(val inpakken_s "$tmp/meet")"
check "bench meet: het werkboek staat er" test -s "$tmp/uit/tarieven.xlsx"

"$B/bench" basis "$tmp/regio-100" "$tmp/uit" data/cao > "$tmp/basis" 2> "$tmp/basis.err"
check "bench basis: afsluitcode 0" test $? -eq 0
# the cells and formulas in the sheets of our own workbook, counted by
# python3's zipfile, not by the bench
python3 - "$tmp/uit/tarieven.xlsx" > "$tmp/telling" <<'EOF'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
c = f = 0
for name in z.namelist():
    if name.startswith("xl/worksheets/sheet"):
        xml = z.read(name).decode("utf-8")
        c += len(re.findall(r"<c ", xml))
        f += len(re.findall(r"<f>", xml))
print(c, f)
EOF
read -r cellen formules < "$tmp/telling"
check "bench basis schrijft evenveel cellen als ons werkboek heeft ($cellen)" \
    test "$(val cellen "$tmp/basis")" = "$cellen"
check "bench basis schrijft evenveel formules als ons werkboek heeft ($formules)" \
    test "$(val formules "$tmp/basis")" = "$formules"
check "bench basis: inpakken is een deel van de basistijd" \
    groter "$(val basis_s "$tmp/basis")" "$(val basis_inpakken_s "$tmp/basis")"

# the driver with LibreOffice (installed by make check's deps-test)
"$B/bench" --dir "$tmp" --cao-map data/cao --lo-max 100 --herhaal 1 100 > "$tmp/tabel" 2> "$tmp/tabel.err"
check "bench: afsluitcode 0" test $? -eq 0
check "bench: tabel met plafond-kolom" grep -q 'plafond' "$tmp/tabel"
r=$tmp/results.csv
kol() { # column $1 of the first data row of results.csv
    awk -F, -v k="$1" '/^#/ {next} !h {for (i = 1; i <= NF; i++) if ($i == k) c = i; h = 1; next} {print $c; exit}' "$r"
}
check "results.csv: één regel voor 100 producten" test "$(kol producten)" = 100
for k in inpakken_s basis_s libreoffice_s libreoffice_per_totaal libreoffice_per_basis; do
    v=$(kol "$k")
    if groter "${v:-0}" 0; then ok "results.csv: $k = $v"; else nok "results.csv: $k ingevuld" "gevonden: '$v'" "$(tail -5 "$tmp/tabel.err")"; fi
done
