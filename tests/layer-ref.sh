#!/bin/sh
# Differential test: the C tool against the independent Python reference
# (tests/ref/tarief_ref.py, written from the rekenmethode alone).
#
# For productkaarten/voorbeeldregio (with data/cao) and for every
# tests/data/ref-*/ region (with its own cao/ directory) it runs
#   $BUILD/tarief bereken <regio> --cao-map <map> --csv <tmp>
# and the reference, and compares the two CSVs with tests/ref/compare.py:
# tarief to the cent, every opbouw element within 0,0005.
# Output: TAP lines "ok N - <regio>" / "not ok N - <regio>", one per region.
#
# Then the same for small random regions from tests/ref/genregio.py (seeded,
# so every run and machine sees the same files; the seed is in the TAP
# name): dialects, quoting, BOM/CRLF, comments, header order and case, two
# CAOs, overrides per product, productiviteit or components, the four
# afronding modes, loonkosten_per_uur, rounding edges. REF_SEEDS="1 2 ..."
# picks other seeds (default 1 to 25). One Python process writes all the
# regions and one (tests/ref/vergelijk_regios.py) computes the reference
# and compares, so the layer takes seconds. To look at one region:
#   python3 tests/ref/genregio.py /tmp/gen 17   (-> /tmp/gen/17/regio, /tmp/gen/17/cao)
. "$(dirname "$0")/tap.sh"
cd "$T" || exit 3
tool=$BIN

if ! command -v python3 >/dev/null 2>&1; then
    nok "python3 ontbreekt" "python3 is nodig voor de referentie-implementatie (tests/ref)"
    exit 1
fi

regions="productkaarten/voorbeeldregio"
for d in tests/data/ref-*/; do
    [ -d "$d" ] && regions="$regions ${d%/}"
done

seeds=${REF_SEEDS:-$(seq 1 25)}

plan=0
for r in $regions; do plan=$((plan + 1)); done
for s in $seeds; do plan=$((plan + 1)); done
echo "1..$plan"

for r in $regions; do
    name=$(basename "$r")
    if [ "$r" = productkaarten/voorbeeldregio ]; then
        map=data/cao
    else
        map=$r/cao
    fi
    ccsv=$tmp/$name.c.csv
    pcsv=$tmp/$name.ref.csv
    if [ ! -x "$tool" ]; then
        nok "$name" "$tool ontbreekt (eerst make)"
        continue
    fi
    # -o into the temp dir: bereken always writes a workbook.
    "$tool" bereken "$r" --cao-map "$map" -o "$tmp/$name.xlsx" --csv "$ccsv" \
        > "$tmp/$name.c.out" 2>&1
    st=$?
    if [ $st -ne 0 ] || [ ! -f "$ccsv" ]; then
        nok "$name" "tarief bereken stopte met status $st:" "$(head -20 "$tmp/$name.c.out")"
        continue
    fi
    if ! python3 tests/ref/tarief_ref.py "$r" "$map" > "$pcsv" 2> "$tmp/$name.ref.err"; then
        nok "$name" "referentie-implementatie faalde:" "$(head -20 "$tmp/$name.ref.err")"
        continue
    fi
    if python3 tests/ref/compare.py "$ccsv" "$pcsv" > "$tmp/$name.cmp" 2>&1; then
        ok "$name"
    else
        nok "$name" "verschillen (links C, rechts referentie):" "$(head -40 "$tmp/$name.cmp")"
    fi
done

# --- generated regions ----------------------------------------------------
gen=$tmp/gen
# shellcheck disable=SC2086
if ! python3 tests/ref/genregio.py "$gen" $seeds > "$tmp/gen.out" 2>&1; then
    for s in $seeds; do echo "not ok - genregio seed=$s"; done
    echo "# tests/ref/genregio.py faalde:"
    sed 's/^/#   /' "$tmp/gen.out" | head -20
    exit 1
fi
for s in $seeds; do
    d=$gen/$s
    if [ -x "$tool" ]; then
        "$tool" bereken "$d/regio" --cao-map "$d/cao" -o "$d/t.xlsx" --csv "$d/c.csv" \
            > "$d/c.out" 2>&1
        echo $? > "$d/c.status"
    else
        echo "$tool ontbreekt (eerst make)" > "$d/c.out"
    fi
done
# shellcheck disable=SC2086
python3 tests/ref/vergelijk_regios.py "$gen" "$BUILD/tarief" $seeds || failed=$((failed + 1))
[ $failed -eq 0 ]
