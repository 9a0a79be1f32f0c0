#!/bin/sh
# Build the seed corpora for the fuzz harnesses from the shipped data and the
# test inputs:
#   $1/csv/    every CSV file of productkaarten/, data/ and tests/data/
#   $1/regio/  every region as one fuzz_regio input (see fuzz_regio.c): the
#              four region files, its ova-ppc.csv if any, and the CAOs it
#              names (up to four), NUL-separated
#   and the inputs of tests/fuzz/regressie/ that once found a fault
# Usage: sh tests/fuzz/seeds.sh OUTDIR   (run from the repository root)
set -e
out=$1
[ -n "$out" ] || { echo "gebruik: sh tests/fuzz/seeds.sh UITMAP" >&2; exit 2; }
rm -rf "$out/csv" "$out/regio"
mkdir -p "$out/csv" "$out/regio"

n=0
for f in $(find productkaarten data tests/data -name '*.csv' -type f | sort); do
    n=$((n + 1))
    cp "$f" "$out/csv/$n-$(basename "$f")"
done

nul() { printf '\000'; }

# every CAO directory (one holding cao.csv) that a region could name
caos=$(find data tests/data -name cao.csv -type f | sed 's|/cao.csv$||' | sort)

for d in productkaarten/*/ tests/data/*/; do
    d=${d%/}
    [ -f "$d/uitgangspunten.csv" ] || continue
    {
        for f in uitgangspunten functies producten functiemix ova-ppc; do
            [ -f "$d/$f.csv" ] && cat "$d/$f.csv"
            [ $f = ova-ppc ] || nul
        done
        # the CAOs whose id the region names (up to four)
        k=0
        for c in $caos; do
            id=$(basename "$c")
            grep -q -w -F -- "$id" "$d/uitgangspunten.csv" "$d/functies.csv" 2>/dev/null || continue
            [ $k -lt 4 ] || break
            nul
            printf '%s' "$id"; nul
            cat "$c/cao.csv"; nul
            [ -f "$c/salarisschalen.csv" ] && cat "$c/salarisschalen.csv"
            k=$((k + 1))
        done
    } > "$out/regio/$(basename "$d")"
done

# Inputs that once found a fault (tests/fuzz/regressie/<harness>/, each named
# after what it found): every fuzz run starts by running them again.
for h in csv regio; do
    for f in tests/fuzz/regressie/$h/*; do
        [ -f "$f" ] && cp "$f" "$out/$h/regressie-$(basename "$f")"
    done
done
exit 0
