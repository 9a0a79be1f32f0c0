#!/bin/sh
# The CLI under valgrind (memcheck): the example region computed with
# workbook and CSV, one product explained, and a broken region validated.
# Every run must end with zero errors and no definitely lost memory.
# Output: TAP lines. Needs valgrind (sh tools/install-deps.sh --test).
#
# tests/valgrind.supp holds suppressions for problems inside libraries we do
# not own (libxlsxwriter, libcsv); none are needed at the moment.
. "$(dirname "$0")/tap.sh"
cd "$T" || exit 3
BIN=$BUILD/tarief  # relative: the messages name short paths

if ! command -v valgrind >/dev/null 2>&1; then
    nok "valgrind ontbreekt (sh tools/install-deps.sh --test)"
    exit 1
fi
if [ ! -x "$BIN" ]; then
    nok "$BIN ontbreekt (eerst make)"
    exit 1
fi
supp=""
[ -f tests/valgrind.supp ] && supp="--suppressions=tests/valgrind.supp"

# vg NAME EXPECTED-STATUS ARGS...: run the tool under memcheck
vg() {
    name=$1
    want=$2
    shift 2
    k=$((n + 1))
    valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --show-leak-kinds=definite $supp --log-file="$tmp/vg.$k" \
        "$BIN" "$@" > "$tmp/out.$k" 2> "$tmp/err.$k"
    st=$?
    if [ $st -eq "$want" ] && grep -q 'ERROR SUMMARY: 0 errors' "$tmp/vg.$k" &&
        ! grep -q 'definitely lost: [1-9]' "$tmp/vg.$k"; then
        ok "valgrind: $name"
    else
        nok "valgrind: $name (status $st, verwacht $want)" \
            "$(grep -E 'Invalid|uninitialised|definitely lost|ERROR SUMMARY|at 0x|by 0x' "$tmp/vg.$k" | head -30)" \
            "$(head -5 "$tmp/err.$k")"
    fi
}

vg "bereken voorbeeldregio met werkboek en CSV" 0 \
    bereken productkaarten/voorbeeldregio --cao-map data/cao -o "$tmp/t.xlsx" --csv "$tmp/t.csv"
check "valgrind: werkboek en CSV geschreven" test -s "$tmp/t.xlsx" -a -s "$tmp/t.csv"
code=$(sed -n '2p' "$tmp/t.csv" | cut -d';' -f1)
vg "uitleg ${code:-?}" 0 uitleg productkaarten/voorbeeldregio "${code:-?}" --cao-map data/cao

# a broken copy: every error path of the loader that the example reaches
mkdir -p "$tmp/kapot"
cp productkaarten/voorbeeldregio/*.csv "$tmp/kapot/"
sed -i -e '2,$s/;1;/;1.5;/' -e 's/^\([^;]*;[^;]*\);uur;/\1;uurtje;/' "$tmp/kapot/producten.csv"
sed -i -e 's/^overhead;/overhed;/' "$tmp/kapot/uitgangspunten.csv"
printf 'x;"onafgesloten\n' >> "$tmp/kapot/functiemix.csv"
vg "valideer kapotte regio (foutpaden)" 2 valideer "$tmp/kapot" --cao-map data/cao

echo "1..$n"
[ $failed -eq 0 ]
