#!/bin/sh
# Golden files: the hand-calculated region tests/data/hand-basis (CAO map
# tests/data/hand-cao) run through the CLI, diffed against the expected
# output in tests/golden/ (checked by hand against tests/unit/test_compute.c,
# see tests/golden/README.md).
#
#   sh tests/layer-golden.sh             compare; TAP "ok N - name" / "not ok N - name"
#   sh tests/layer-golden.sh --update    rewrite tests/golden/* from the tool
#
# Run from the repository root with relative paths, so the file:line
# sources in the uitleg text are the same everywhere. BUILD (default build)
# names the build directory. After --update, read the diff (git diff
# tests/golden) and check every changed number by hand before committing.
. "$(dirname "$0")/tap.sh"
cd "$T" || exit 3
tool=$BUILD/tarief  # relative on purpose: see above
golden=tests/golden
regio=tests/data/hand-basis
caomap=tests/data/hand-cao

update=0
case ${1:-} in
    --update) update=1 ;;
    "") ;;
    *) echo "gebruik: sh tests/layer-golden.sh [--update]" >&2; exit 2 ;;
esac

# name|command (run with the tool as $T; stdout is the output compared)
cases="bereken-hand-basis.csv|\$T bereken $regio --cao-map $caomap --csv - -o \$TMP/hand-basis.xlsx
uitleg-hand-basis-UUR.txt|\$T uitleg $regio UUR --cao-map $caomap
uitleg-hand-basis-ETMAAL.txt|\$T uitleg $regio ETMAAL --cao-map $caomap
uitleg-hand-basis-PREC.txt|\$T uitleg $regio PREC --cao-map $caomap"

if [ ! -x "$tool" ]; then
    echo "1..1"
    nok "programma $tool ontbreekt (eerst make BUILD=$BUILD)"
    exit 1
fi

plan=$(( $(printf '%s\n' "$cases" | wc -l) ))
[ $update -eq 1 ] || echo "1..$plan"
T=$tool
TMP=$tmp
export T TMP
while IFS='|' read -r name cmd; do
    out=$tmp/$name
    sh -c "$cmd" > "$out" 2> "$tmp/$name.err"
    st=$?
    if [ $update -eq 1 ]; then
        if [ $st -ne 0 ]; then
            echo "fout: $name: status $st, niet bijgewerkt:" >&2
            cat "$tmp/$name.err" >&2
            failed=$((failed + 1))
            continue
        fi
        mkdir -p "$golden"
        if cmp -s "$out" "$golden/$name"; then
            echo "ongewijzigd: $golden/$name"
        else
            cp "$out" "$golden/$name"
            echo "bijgewerkt:  $golden/$name (controleer de verschillen met de hand)"
        fi
        continue
    fi
    if [ $st -ne 0 ]; then
        nok "$name" "$cmd (T=$tool) stopte met status $st:" "$(head -10 "$tmp/$name.err")"
    elif [ ! -f "$golden/$name" ]; then
        nok "$name" "$golden/$name ontbreekt: maak het met sh tests/layer-golden.sh --update"
    elif diff -u "$golden/$name" "$out" > "$tmp/$name.diff"; then
        ok "$name"
    else
        nok "$name" "uitvoer wijkt af van $golden/$name (- verwacht, + nu):" "$(head -60 "$tmp/$name.diff")" \
            "bedoeld? Controleer met de hand en werk bij: sh tests/layer-golden.sh --update"
    fi
done <<EOF
$cases
EOF
[ $failed -eq 0 ]
