#!/bin/sh
# Build the libFuzzer harnesses (clang, -fsanitize=fuzzer,address,undefined)
# and run each for a bounded time. Fails on any crash, leak, undefined
# behaviour, timeout or out-of-memory; the input that caused it is kept in
# $FUZZ_BUILD/artifacts/. Called by `make fuzz`.
#
#   FUZZ_SECONDS   seconds per harness (default 60)
#   FUZZ_BUILD     build directory (default build-fuzz)
#   FUZZ_CC        compiler (default clang)
#   FUZZ_TARGETS   harnesses to run (default "csv regio")
#
# The corpus grows in $FUZZ_BUILD/corpus-<name>/ between runs; the seeds
# (tests/fuzz/seeds.sh) are regenerated every time. The last line per
# harness says how many inputs ran without a finding.
cd "$(dirname "$0")/../.." || exit 3
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz}
FUZZ_CC=${FUZZ_CC:-clang}
FUZZ_TARGETS=${FUZZ_TARGETS:-csv regio}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -Wno-unknown-warning-option"

if ! command -v "$FUZZ_CC" >/dev/null 2>&1; then
    echo "fuzz: $FUZZ_CC ontbreekt (installeer clang en libclang-rt-14-dev)" >&2
    exit 3
fi

# The library, instrumented for coverage and the sanitizers.
make --no-print-directory BUILD="$FUZZ_BUILD" CC="$FUZZ_CC" \
    CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $SAN" "$FUZZ_BUILD/libtarief.a" || exit 3
PKG_LIBS=$(pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter)
for t in $FUZZ_TARGETS; do
    src=tests/fuzz/fuzz_$t.c
    bin=$FUZZ_BUILD/fuzz_$t
    if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ] || [ "$FUZZ_BUILD/libtarief.a" -nt "$bin" ]; then
        echo "  LD      $bin"
        "$FUZZ_CC" -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g -fsanitize=fuzzer $SAN \
            -Iinclude -Isrc -o "$bin" "$src" "$FUZZ_BUILD/libtarief.a" $PKG_LIBS -lcsv -lm || exit 3
    fi
done

seeds=$FUZZ_BUILD/seeds
sh tests/fuzz/seeds.sh "$seeds" || exit 3
mkdir -p "$FUZZ_BUILD/artifacts"

status=0
for t in $FUZZ_TARGETS; do
    corpus=$FUZZ_BUILD/corpus-$t
    mkdir -p "$corpus"
    log=$FUZZ_BUILD/fuzz-$t.log
    case $t in
        regio) maxlen=65536 ;;
        *) maxlen=16384 ;;
    esac
    echo "fuzz_$t: $FUZZ_SECONDS s ..."
    "$FUZZ_BUILD/fuzz_$t" "$corpus" "$seeds/$t" \
        -max_total_time="$FUZZ_SECONDS" -max_len=$maxlen -timeout=10 -rss_limit_mb=2048 \
        -dict=tests/fuzz/tarief.dict -print_final_stats=1 \
        -artifact_prefix="$FUZZ_BUILD/artifacts/$t-" > "$log" 2>&1
    st=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    if [ $st -eq 0 ]; then
        echo "fuzz_$t: ${runs:-?} invoeren zonder bevinding ($FUZZ_SECONDS s, corpus $(ls "$corpus" | wc -l) bestanden)"
    else
        echo "fuzz_$t: BEVINDING na ${runs:-?} invoeren (status $st); zie $log en $FUZZ_BUILD/artifacts/"
        grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -20
        status=1
    fi
done
exit $status
