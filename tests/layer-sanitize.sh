#!/bin/sh
# The whole test suite again, built with AddressSanitizer and
# UndefinedBehaviorSanitizer (rekenmethode §6: no input crashes the tool or
# makes it read or write out of bounds).
#
# Builds the library, the CLI and the unit tests with clang into
# $SANITIZE_BUILD (default $BUILD-asan, so parallel checks with different
# BUILD directories do not share it), then runs every unit test and every
# other tests/layer-*.sh with BUILD=$SANITIZE_BUILD. Any sanitizer report
# (memory error, leak, undefined behaviour) fails the layer; the reports are
# kept in $SANITIZE_BUILD/sanitizer-logs/. Prints TAP lines, one per test of
# the layers it runs, prefixed with "asan".
#
#   SANITIZE_CC     compiler (default clang; needs libclang-rt-14-dev)
#   SANITIZE_SKIP   layer names to leave out, e.g. "layer-workbook"
#
# Outside CI (CI unset), the layers whose time goes to LibreOffice, Chromium
# or a copy of the build are left out by default, to keep `make check` near
# five minutes: the workbook and HTML writers still run sanitized in
# layer-cli, layer-vergelijk, layer-robuust and the fuzzers (fuzz_regio drives
# the whole pipeline). .ci/run (CI=true) runs every layer sanitized.
cd "$(dirname "$0")/.." || exit 3
BUILD=${BUILD:-build}
SB=${SANITIZE_BUILD:-$BUILD-asan}
CCS=${SANITIZE_CC:-clang}
FLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -Wno-unknown-warning-option"
failed=0

if ! command -v "$CCS" >/dev/null 2>&1; then
    echo "not ok - asan: $CCS ontbreekt (installeer clang en libclang-rt-14-dev: sh tools/install-deps.sh --test)"
    exit 1
fi

# A clean sub-make: the jobserver of an outer `make -j` is not ours.
unset MAKEFLAGS MFLAGS MAKELEVEL
units=""
for u in tests/unit/test_*.c; do
    [ -f "$u" ] && units="$units $SB/tests/$(basename "$u" .c)"
done
if make -j2 --no-print-directory BUILD="$SB" CC="$CCS" CFLAGS="$FLAGS" all $units \
    "$SB/bench/bench" "$SB/bench/genregio" \
    > "${TMPDIR:-/tmp}/tarief-asan-build.$$" 2>&1; then
    echo "ok - asan: bouwen met -fsanitize=address,undefined"
    rm -f "${TMPDIR:-/tmp}/tarief-asan-build.$$"
else
    echo "not ok - asan: bouwen met -fsanitize=address,undefined"
    grep -E 'error|Error' "${TMPDIR:-/tmp}/tarief-asan-build.$$" | head -20 | sed 's/^/#   /'
    rm -f "${TMPDIR:-/tmp}/tarief-asan-build.$$"
    exit 1
fi

logs=$SB/sanitizer-logs
rm -rf "$logs"
mkdir -p "$logs"
case $logs in
    /*) alog=$logs ;;
    *) alog=$PWD/$logs ;;
esac
# Every report goes to a file as well, so a layer that swallows stderr
# cannot hide one. Leaks are errors.
ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:log_path=$alog/asan"
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$alog/ubsan"
LSAN_OPTIONS="log_path=$alog/lsan:suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
export CMOCKA_MESSAGE_OUTPUT=TAP

# run NAME COMMAND...: run a TAP-producing test, relabel its lines
run() {
    name=$1
    shift
    out=$logs/$name.out
    BUILD=$SB "$@" > "$out" 2>&1
    st=$?
    # "ok 3 - x" -> "ok - asan name: x"; a failure keeps its diagnostics
    sed -n -e "s/^ok [0-9]* *- */ok - asan $name: /p" "$out"
    grep -A8 '^not ok' "$out" | sed -e "s/^not ok [0-9]* *- */not ok - asan $name: /" -e '/^not ok/!s/^/#   /' 
    if [ $st -ne 0 ] && ! grep -q '^not ok' "$out"; then
        echo "not ok - asan $name: stopte met status $st"
        tail -20 "$out" | sed 's/^/#   /'
        failed=1
    fi
    grep -q '^not ok' "$out" && failed=1
}

for t in $units; do
    run "$(basename "$t")" "$t"
done
if [ -z "${SANITIZE_SKIP+x}" ] && [ "${CI:-}" != true ]; then
    SANITIZE_SKIP="layer-workbook layer-afdruk layer-publiceer layer-install layer-bench"
fi
[ -n "$SANITIZE_SKIP" ] && echo "# niet gesanitized in deze run (wel in CI): $SANITIZE_SKIP"
for s in tests/layer-*.sh; do
    name=$(basename "$s" .sh)
    case $name in
        layer-sanitize | layer-valgrind) continue ;;
    esac
    case " $SANITIZE_SKIP " in
        *" $name "*) continue ;;
    esac
    run "$name" sh "$s"
done

if ls "$logs" | grep -q -E '^(asan|ubsan|lsan)\.'; then
    echo "not ok - asan: sanitizers meldden fouten (zie $logs/)"
    for f in "$logs"/asan.* "$logs"/ubsan.* "$logs"/lsan.*; do
        [ -f "$f" ] || continue
        grep -E 'ERROR|SUMMARY|runtime error|#[0-4] ' "$f" | head -12 | sed 's/^/#   /'
    done
    failed=1
else
    echo "ok - asan: geen meldingen van AddressSanitizer, LeakSanitizer of UBSan"
fi
[ $failed -eq 0 ]
