#!/bin/sh
# Fault injection (issue 15, docs/betrouwbaarheid.md): `tarief bereken` of
# the example region with workbook and CSV, while
#   - the Nth allocation fails (tests/robuust/faalmalloc.c, LD_PRELOAD),
#   - files may not grow beyond N blocks (ulimit -f: the write that crosses
#     it fails with EFBIG),
#   - a large run gets SIGINT, SIGTERM, SIGHUP or SIGXFSZ.
# Every run must end with exit 0 and outputs equal to a normal run's, or
# with exit 3 (128+n for a signal), the old outputs intact and no temporary
# file left. SAMPLE=n sets how many N values are tried per sweep (default
# 30); with CI=true every allocation and every block is tried.
. "$(dirname "$0")/tap.sh"
VR=$T/productkaarten/voorbeeldregio
CM=$T/data/cao
SO=$tmp/faal.so
if ! cc -shared -fPIC -O1 -o "$SO" "$T/tests/robuust/faalmalloc.c" -ldl 2> "$tmp/cc.err"; then
    nok "faalmalloc.c bouwt" "$(cat "$tmp/cc.err")"
    exit 1
fi
# the sanitizer build (layer-sanitize.sh runs every layer again) is slower: fewer N
if grep -q __asan_init "$BIN"; then
    SAMPLE=${SAMPLE:-8}
fi
export TMPDIR="$tmp/tmpdir"
mkdir -p "$TMPDIR"
D=$tmp/uit
mkdir -p "$D"

# the reference: a normal run, and the number of allocations it makes
if grep -q __asan_init "$BIN"; then
    "$BIN" bereken "$VR" --cao-map "$CM" -o "$tmp/ref.xlsx" --csv "$tmp/ref.csv" > /dev/null 2>&1
    check "referentierun slaagt" test -s "$tmp/ref.xlsx"
else
    FAAL_TEL=$tmp/tel LD_PRELOAD=$SO "$BIN" bereken "$VR" --cao-map "$CM" -o "$tmp/ref.xlsx" --csv "$tmp/ref.csv" > /dev/null 2>&1
    check "referentierun met de injectiebibliotheek (zonder fout) slaagt" test -s "$tmp/ref.xlsx"
    TOTAAL=$(cat "$tmp/tel")
    check "het aantal allocaties is geteld ($TOTAAL)" test "$TOTAAL" -gt 1000
fi

# N values: 1-5, then SAMPLE evenly spread up to and past the total
waarden() { # max
    if [ "${CI:-}" = true ]; then
        awk -v m="$1" -v s="$2" 'BEGIN { for (i = 1; i <= m + 1; i += s) print i }'
    else
        awk -v m="$1" -v k="${SAMPLE:-30}" 'BEGIN { for (i = 1; i <= 5; i++) print i;
            for (i = 1; i <= k; i++) print int(5 + (m - 5) * i / k) + (i % 3) }'
    fi
}

# one run: $1 label; environment set by the caller; asserts the contract
fout=""
geprobeerd=0
een_run() { # label, command...
    label=$1; shift
    echo oud > "$D/uit.xlsx"
    echo oud > "$D/uit.csv"
    "$@" > "$tmp/o" 2> "$tmp/e"; r=$?
    geprobeerd=$((geprobeerd + 1))
    rest=$(ls -A "$D" | grep -v '^uit\.xlsx$\|^uit\.csv$'; ls -A "$TMPDIR")
    if [ -n "$rest" ]; then
        fout="${fout}$label: tijdelijke bestanden over: $rest
"
        rm -rf "$D"/.uit* "$TMPDIR"/*
    fi
    if [ "$r" -eq 0 ]; then
        if ! python3 "$T/tests/robuust/zelfde.py" "$D/uit.xlsx" "$tmp/ref.xlsx" > "$tmp/z" 2>&1 || ! cmp -s "$D/uit.csv" "$tmp/ref.csv"; then
            fout="${fout}$label: afsluitcode 0 maar de uitvoer is niet volledig: $(cat "$tmp/z")
"
        fi
    elif [ "$r" -eq "${verwacht:-3}" ]; then
        if [ "$(cat "$D/uit.xlsx")" != oud ] || [ "$(cat "$D/uit.csv")" != oud ]; then
            fout="${fout}$label: afsluitcode $r maar de oude uitvoer is veranderd
"
        fi
        if ! grep -q '^tarief.*: fout: ' "$tmp/e" && ! grep -q ': fout: ' "$tmp/e"; then
            fout="${fout}$label: afsluitcode $r zonder Nederlandse melding: $(tail -2 "$tmp/e")
"
        fi
    else
        fout="${fout}$label: afsluitcode $r: $(tail -3 "$tmp/e")
"
    fi
}

# --- the Nth allocation fails -------------------------------------------------
# (not in the sanitizer build: AddressSanitizer owns malloc there)
if ! grep -q __asan_init "$BIN"; then
# CI: every N (about 14 000 runs of the example region, some 7 minutes);
# elsewhere SAMPLE values of N (waarden)
step=1
for k in $(waarden "$TOTAAL" "$step"); do
    een_run "allocatie $k" env FAAL_MALLOC="$k" LD_PRELOAD="$SO" "$BIN" bereken "$VR" --cao-map "$CM" -o "$D/uit.xlsx" --csv "$D/uit.csv"
done
if [ -z "$fout" ]; then ok "allocatie N mislukt ($geprobeerd waarden van N tot $TOTAAL): afsluitcode 0 met volledige uitvoer, of 3 met oude uitvoer en zonder tijdelijke bestanden"
else nok "allocatie N mislukt" "$(printf '%s' "$fout" | head -10)"; fi
env FAAL_MALLOC=5 LD_PRELOAD="$SO" "$BIN" bereken "$VR" --cao-map "$CM" -o "$D/uit.xlsx" --csv "$D/uit.csv" > /dev/null 2> "$tmp/e"; r=$?
check "onvoldoende geheugen: afsluitcode 3 met een Nederlandse melding" sh -c "[ $r -eq 3 ] && grep -q 'tarief: fout: .*onvoldoende geheugen' '$tmp/e'"
fi

# --- the write across N blocks fails (ulimit -f) ---------------------------
fout=""
geprobeerd=0
blokken=$(( $(wc -c < "$tmp/ref.xlsx") / 512 + 2 ))
for k in $(waarden "$blokken" 1); do
    een_run "ulimit -f $k" sh -c "ulimit -f $k && exec \"\$@\"" sh "$BIN" bereken "$VR" --cao-map "$CM" -o "$D/uit.xlsx" --csv "$D/uit.csv"
done
if [ -z "$fout" ]; then ok "schrijven over blok N mislukt ($geprobeerd waarden tot $blokken): afsluitcode 0 met volledige uitvoer, of 3 met oude uitvoer"
else nok "schrijven over blok N mislukt" "$(printf '%s' "$fout" | head -10)"; fi
echo oud > "$D/uit.xlsx"; echo oud > "$D/uit.csv"
sh -c 'ulimit -f 20 && exec "$@"' sh "$BIN" bereken "$VR" --cao-map "$CM" -o "$D/uit.xlsx" --csv "$D/uit.csv" > /dev/null 2> "$tmp/e"; r=$?
check "ulimit -f 20 (10 KiB): afsluitcode 3 (niet gedood door SIGXFSZ), de CSV ook niet vervangen" sh -c "[ $r -eq 3 ] && [ \"\$(cat '$D/uit.csv')\" = oud ]"

# --- signals during a large run -------------------------------------------------
GR=$T/$BUILD/bench/genregio
if [ ! -x "$GR" ]; then
    GR=$tmp/genregio
    cc -O2 -o "$GR" "$T/bench/genregio.c"
fi
"$GR" -n 4000 -o "$tmp/groot" --cao "$T/data/cao/ghz-2022-05-01" > /dev/null
for sig in INT TERM HUP; do
    echo oud > "$D/uit.xlsx"; echo oud > "$D/uit.csv"
    env --default-signal=INT "$BIN" bereken "$tmp/groot" --cao-map "$CM" -o "$D/uit.xlsx" --csv "$D/uit.csv" > /dev/null 2> "$tmp/e" &
    pid=$!
    # wait until the workbook's temporary file is there: the run is under way
    i=0
    while [ $i -lt 200 ] && ! ls -A "$D" | grep -q '^\.uit\.xlsx\.'; do sleep 0.05; i=$((i + 1)); done
    kill -s "$sig" "$pid"
    wait "$pid"; r=$?
    case $sig in INT) nr=2 ;; TERM) nr=15 ;; HUP) nr=1 ;; esac
    check "SIG$sig midden in een grote run: afsluitcode $((128 + nr)), melding, geen tijdelijke bestanden, oude uitvoer intact" \
        sh -c "[ $r -eq $((128 + nr)) ] && grep -q 'tarief: fout: onderbroken (SIG$sig' '$tmp/e' && [ -z \"\$(ls -A '$D' | grep -v '^uit\\.')\" ] && [ \"\$(cat '$D/uit.xlsx')\" = oud ] && [ \"\$(cat '$D/uit.csv')\" = oud ]"
done
echo oud > "$D/uit.xlsx"; echo oud > "$D/uit.csv"
sh -c 'ulimit -f 400 && exec "$@"' sh "$BIN" bereken "$tmp/groot" --cao-map "$CM" -o "$D/uit.xlsx" --csv "$D/uit.csv" > /dev/null 2> "$tmp/e"; r=$?
check "SIGXFSZ (ulimit -f 200 KiB) in een grote run: afsluitcode 3, 'bestand te groot', geen tijdelijke bestanden, oude uitvoer intact" \
    sh -c "[ $r -eq 3 ] && grep -q 'bestand te groot\\|schijf' '$tmp/e' && [ -z \"\$(ls -A '$D' | grep -v '^uit\\.')\" ] && [ \"\$(cat '$D/uit.xlsx')\" = oud ] && [ \"\$(cat '$D/uit.csv')\" = oud ]"
