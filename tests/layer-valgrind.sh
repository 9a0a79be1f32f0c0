#!/bin/sh
# The CLI under valgrind (memcheck): the example region computed with
# workbook and CSV, one product explained, and a broken region validated.
# Every run must end with zero errors and no definitely lost memory.
# Output: TAP lines. Needs valgrind (sh tools/install-deps.sh --test).
#
# tests/valgrind.supp holds suppressions for problems inside libraries we do
# not own (libxlsxwriter, libcsv); none are needed at the moment.
cd "$(dirname "$0")/.." || exit 3
BUILD=${BUILD:-build}
BIN=$BUILD/tarief
n=0
failed=0

if ! command -v valgrind >/dev/null 2>&1; then
    echo "not ok - valgrind ontbreekt (sh tools/install-deps.sh --test)"
    exit 1
fi
if [ ! -x "$BIN" ]; then
    echo "not ok - $BIN ontbreekt (eerst make)"
    exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tarief-vg.XXXXXX") || exit 3
trap 'rm -rf "$tmp"' EXIT INT TERM

supp=""
[ -f tests/valgrind.supp ] && supp="--suppressions=tests/valgrind.supp"

# vg NAME EXPECTED-STATUS ARGS...: run the tool under memcheck
vg() {
    name=$1
    want=$2
    shift 2
    n=$((n + 1))
    valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --show-leak-kinds=definite $supp --log-file="$tmp/vg.$n" \
        "$BIN" "$@" > "$tmp/out.$n" 2> "$tmp/err.$n"
    st=$?
    if [ $st -eq "$want" ] && grep -q 'ERROR SUMMARY: 0 errors' "$tmp/vg.$n" &&
        ! grep -q 'definitely lost: [1-9]' "$tmp/vg.$n"; then
        echo "ok $n - valgrind: $name"
    else
        echo "not ok $n - valgrind: $name (status $st, verwacht $want)"
        grep -E 'Invalid|uninitialised|definitely lost|ERROR SUMMARY|at 0x|by 0x' "$tmp/vg.$n" | head -30 | sed 's/^/#   /'
        head -5 "$tmp/err.$n" | sed 's/^/#   /'
        failed=$((failed + 1))
    fi
}

vg "bereken voorbeeldregio met werkboek en CSV" 0 \
    bereken productkaarten/voorbeeldregio --cao-map data/cao -o "$tmp/t.xlsx" --csv "$tmp/t.csv"
n=$((n + 1))
if [ -s "$tmp/t.xlsx" ] && [ -s "$tmp/t.csv" ]; then
    echo "ok $n - valgrind: werkboek en CSV geschreven"
else
    echo "not ok $n - valgrind: werkboek en CSV geschreven"
    failed=$((failed + 1))
fi
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
