#!/bin/sh
# `make bench` in small (docs/prestaties.md): the benchmark programs still
# build, generate a valid region and measure what the page says they
# measure. No time is asserted here (speed is measured by `make bench`,
# never by a test); only what must hold on any machine: the generator is
# deterministic and its region valid, every phase is reported, the
# workbook's inpakken is part of the workbook time, the write-only baseline
# writes exactly the cells our workbook holds (counted in the xlsx itself),
# and the driver runs LibreOffice on it and writes results.csv. The same
# for vergelijk and verschil (issue 17): the aanbieder and next-year
# variants are deterministic and change what they say, `bench vergelijk` /
# `bench verschil` report every phase, write the CLI's CSV and workbook,
# and their baselines write exactly the cells of those workbooks.
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

# the variants for vergelijk and verschil (genregio --aanbieder, --volgend-jaar)
G="$B/genregio -n 100 --cao data/cao/ghz-2022-05-01"
$G -o "$tmp/volgend-100" --volgend-jaar --cao-nieuw data/cao/ghz-2023-12-01 > /dev/null 2>&1
$G -o "$tmp/volgend-nog" --volgend-jaar --cao-nieuw data/cao/ghz-2023-12-01 > /dev/null 2>&1
$G -o "$tmp/aanbieder-100" --aanbieder > /dev/null 2>&1
$G -o "$tmp/aanbieder-nog" --aanbieder > /dev/null 2>&1
check "genregio --volgend-jaar: zelfde N geeft dezelfde bytes" diff -r "$tmp/volgend-100" "$tmp/volgend-nog"
check "genregio --aanbieder: zelfde N geeft dezelfde bytes" diff -r "$tmp/aanbieder-100" "$tmp/aanbieder-nog"
"$T/$BUILD/tarief" valideer "$tmp/volgend-100" --cao-map data/cao > "$tmp/val2.out" 2>&1
check "genregio --volgend-jaar: de regio is geldig (tarief valideer)" test $? -eq 0
# 100 products, every 97th gone, 100/100 added
check "genregio --volgend-jaar: 99 + 1 producten" \
    test "$(grep -v '^#' "$tmp/volgend-100/producten.csv" | grep -c .)" -eq 101
"$T/$BUILD/tarief" verschil "$tmp/regio-100" "$tmp/volgend-100" --cao-map data/cao --csv "$tmp/d.csv" \
    > /dev/null 2>&1
check "verschil op het benchpaar: afsluitcode 0" test $? -eq 0
# which groups move something in some product (columns 9-18 of the CSV)
groepen=$(awk -F';' 'NR > 1 && $4 == "beide" { for (i = 9; i <= 18; i++) if ($i != "0,00") g[i - 8] = 1 }
    END { s = ""; for (i = 1; i <= 10; i++) if (g[i]) s = s " " i; print s }' "$tmp/d.csv")
check "verschil op het benchpaar: groepen 1, 4, 5, 7 en 9 veranderen iets (gevonden:$groepen)" \
    test "$groepen" = " 1 4 5 7 9"
check "verschil op het benchpaar: één toegevoegd, één vervallen" \
    test "$(grep -c ';toegevoegd;' "$tmp/d.csv") $(grep -c ';vervallen;' "$tmp/d.csv")" = "1 1"
"$T/$BUILD/tarief" vergelijk "$tmp/regio-100" "$tmp/aanbieder-100" --cao-map data/cao --csv "$tmp/v.csv" \
    > "$tmp/v.out" 2>&1
check "vergelijk met de bench-aanbieder: afsluitcode 0" test $? -eq 0
check "vergelijk met de bench-aanbieder: overhead 25 % i.p.v. 20 %" grep -q 'overhead 25 % i.p.v. 20 %' "$tmp/v.csv"
# 2000 products: the first etmaal products whose 10 % more would pass 24 hours
"$B/genregio" -n 2000 --cao data/cao/ghz-2022-05-01 -o "$tmp/regio-2000" > /dev/null 2>&1
"$B/genregio" -n 2000 --cao data/cao/ghz-2022-05-01 -o "$tmp/aanbieder-2000" --aanbieder > /dev/null 2>&1
"$T/$BUILD/tarief" vergelijk "$tmp/regio-2000" "$tmp/aanbieder-2000" --cao-map data/cao --streng \
    > "$tmp/v2.out" 2> "$tmp/v2.err"
check "de bench-aanbieder van 2000 producten is plausibel: vergelijk --streng slaagt (geen etmaal boven 24 uur)" \
    sh -c "[ $? -eq 0 ] && ! grep -q 'waarschuwing\\|fout' '$tmp/v2.err'"

for c in vergelijk verschil; do
    case $c in vergelijk) p2=$tmp/aanbieder-100 px=vgl cli=v ;; *) p2=$tmp/volgend-100 px=vsch cli=d ;; esac
    for w in zonder met basis; do
        "$B/bench" $c $w "$tmp/regio-100" "$p2" "$tmp/uit" data/cao > "$tmp/$c-$w" 2> "$tmp/$c-$w.err"
        check "bench $c $w: afsluitcode 0" test $? -eq 0
    done
    for k in ${px}_zonder_totaal_s ${px}_zonder_rekenen_s ${px}_zonder_piek_mb ${px}_zonder_laden_piek_mb; do
        v=$(val "$k" "$tmp/$c-zonder")
        check "bench $c zonder meldt $k (positief getal)" groter "${v:-0}" 0
    done
    for k in ${px}_totaal_s ${px}_werkboek_s ${px}_inpakken_s ${px}_piek_mb ${px}_xlsx_bytes; do
        v=$(val "$k" "$tmp/$c-met")
        check "bench $c met meldt $k (positief getal)" groter "${v:-0}" 0
    done
    check "bench $c zonder: 100 producten" test "$(val ${px}_zonder_producten "$tmp/$c-zonder")" = 100
    check "bench $c: de CSV is die van tarief $c" cmp "$tmp/uit/$c.csv" "$tmp/$cli.csv"
    # the baseline writes exactly the cells of the workbook (counted by python3)
    python3 - "$tmp/uit/$c.xlsx" > "$tmp/telling-$c" <<'EOF2'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
c = f = 0
for name in z.namelist():
    if name.startswith("xl/worksheets/sheet"):
        xml = z.read(name).decode("utf-8")
        c += len(re.findall(r"<c ", xml))
        f += len(re.findall(r"<f>", xml))
print(c, f)
EOF2
    read -r cellen formules < "$tmp/telling-$c"
    check "bench $c basis schrijft evenveel cellen als het werkboek heeft ($cellen)" \
        test "$(val ${px}_cellen "$tmp/$c-basis")" = "$cellen"
    check "bench $c basis schrijft evenveel formules als het werkboek heeft ($formules)" \
        test "$(val ${px}_formules "$tmp/$c-basis")" = "$formules"
    check "bench $c: inpakken is een deel van de werkboektijd" \
        groter "$(val ${px}_werkboek_s "$tmp/$c-met")" "$(val ${px}_inpakken_s "$tmp/$c-met")"
done
# the workbook of bench verschil met is the CLI's
"$T/$BUILD/tarief" verschil "$tmp/regio-100" "$tmp/volgend-100" --cao-map data/cao -o "$tmp/d.xlsx" > /dev/null 2>&1
mkdir -p "$tmp/x1" "$tmp/x2"
(cd "$tmp/x1" && unzip -q "$tmp/d.xlsx") && (cd "$tmp/x2" && unzip -q "$tmp/uit/verschil.xlsx")
check "bench verschil met: hetzelfde werkboek als tarief verschil -o" diff -r "$tmp/x1/xl" "$tmp/x2/xl"

# the driver with LibreOffice (installed by make check's deps-test)
"$B/bench" --dir "$tmp" --cao-map data/cao --lo-max 100 --herhaal 1 100 > "$tmp/tabel" 2> "$tmp/tabel.err"
check "bench: afsluitcode 0" test $? -eq 0
check "bench: tabel met plafond-kolom" grep -q 'plafond' "$tmp/tabel"
check "bench: tabel met vergelijk en verschil tegen bereken" grep -q '^ *100 verschil ' "$tmp/tabel"
r=$tmp/results.csv
kol() { # column $1 of the first data row of results.csv
    awk -F, -v k="$1" '/^#/ {next} !h {for (i = 1; i <= NF; i++) if ($i == k) c = i; h = 1; next} {print $c; exit}' "$r"
}
check "results.csv: één regel voor 100 producten" test "$(kol producten)" = 100
for k in inpakken_s basis_s libreoffice_s libreoffice_per_totaal libreoffice_per_basis \
    vgl_totaal_s vgl_basis_s vgl_per_bereken_s vgl_per_bereken_mb vgl_zonder_kb_per_product \
    vsch_totaal_s vsch_basis_s vsch_per_bereken_s vsch_per_bereken_mb vsch_zonder_kb_per_product; do
    v=$(kol "$k")
    if groter "${v:-0}" 0; then ok "results.csv: $k = $v"; else nok "results.csv: $k ingevuld" "gevonden: '$v'" "$(tail -5 "$tmp/tabel.err")"; fi
done
