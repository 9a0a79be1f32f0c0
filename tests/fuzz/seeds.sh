#!/bin/sh
# Build the seed corpora for the fuzz harnesses from the shipped data and the
# test inputs:
#   $1/csv/    every CSV file of productkaarten/, data/ and tests/data/
#   $1/regio/  every region as one fuzz_regio input (see fuzz_regio.c): the
#              four region files and up to four CAOs of its cao map, NUL-separated
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

for d in productkaarten/*/ tests/data/*/; do
    d=${d%/}
    [ -f "$d/uitgangspunten.csv" ] || continue
    case $d in
        productkaarten/*) map=data/cao ;;
        tests/data/load-*) map=tests/data/load-cao ;;
        tests/data/hand-*) map=tests/data/hand-cao ;;
        *) map=$d/cao ;;
    esac
    {
        for f in uitgangspunten functies producten functiemix; do
            [ -f "$d/$f.csv" ] && cat "$d/$f.csv"
            nul
        done
        k=0
        for c in "$map"/*/; do
            c=${c%/}
            [ -f "$c/cao.csv" ] || continue
            [ $k -lt 4 ] || break
            [ $k -eq 0 ] || nul
            printf '%s' "$(basename "$c")"; nul
            cat "$c/cao.csv"; nul
            cat "$c/salarisschalen.csv"
            k=$((k + 1))
        done
    } > "$out/regio/$(basename "$d")"
done
