#!/bin/sh
# Run every test layer and end with one line "N passed, N failed".
#
# Layers:
#   1. unit tests: every $BUILD/tests/test_* (cmocka, TAP output)
#   2. every tests/layer-*.sh script, in name order (TAP lines "ok"/"not ok")
# A layer that exits non-zero without reporting a failure counts as one failure.
# The sanitizer layer (the whole suite again under ASan/UBSan, the longest
# layer) runs in a second lane beside the others, on the second core; its
# line comes last. TARIEF_CHECK_SERIEEL=1 runs everything one after another.
# "ok ... # SKIP reason" lines are counted as skipped, shown with their reason.
BUILD=${BUILD:-build}
export BUILD
export CMOCKA_MESSAGE_OUTPUT=TAP
LC_ALL=C.UTF-8
export LC_ALL
pass=0
fail=0
skip=0
log=$BUILD/test-logs
mkdir -p "$log"

count() { # $1 = name, $2 = exit status, $3 = output file, $4 = seconds
    # "ok ... # SKIP reason" is neither a pass nor a failure: counted apart
    sk=$(grep '^ok ' "$3" | grep -c '# SKIP')
    p=$(($(grep -c '^ok ' "$3") - sk))
    f=$(grep -c '^not ok ' "$3")
    if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        echo "not ok - $1 stopte met status $2 zonder uitslag" >> "$3"
    fi
    pass=$((pass + p))
    fail=$((fail + f))
    skip=$((skip + sk))
    if [ "$sk" -ne 0 ]; then
        printf '%-40s %4d geslaagd, %4d mislukt, %d overgeslagen (%s s)\n' "$1" "$p" "$f" "$sk" "$4"
        grep '^ok .*# SKIP' "$3" | sed 's/^/    /'
    else
        printf '%-40s %4d geslaagd, %4d mislukt (%s s)\n' "$1" "$p" "$f" "$4"
    fi
    if [ "$f" -ne 0 ]; then grep -A8 '^not ok ' "$3" | head -60; fi
}

# the second lane: layer-sanitize in the background, its status in a file
lane=""
if [ -f tests/layer-sanitize.sh ] && [ -z "${TARIEF_CHECK_SERIEEL:-}" ]; then
    rm -f "$log/layer-sanitize.status"
    t_lane=$(date +%s)
    # A background job of a non-interactive shell starts with SIGINT ignored,
    # which the tool keeps (a run started with 'nohup' or '&' stays so): the
    # lane gets the default back, so its signal tests see what a terminal
    # user's run sees and Ctrl-C still stops it.
    (env --default-signal=INT,QUIT sh tests/layer-sanitize.sh > "$log/layer-sanitize.out" 2>&1
     echo $? > "$log/layer-sanitize.status") &
    lane=$!
    trap 'kill $lane 2>/dev/null; exit 130' INT TERM
fi

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    t0=$(date +%s)
    "$t" > "$log/$name.out" 2>&1
    count "$name" $? "$log/$name.out" $(($(date +%s) - t0))
done

for s in tests/layer-*.sh; do
    [ -f "$s" ] || continue
    name=$(basename "$s" .sh)
    [ -n "$lane" ] && [ "$name" = layer-sanitize ] && continue
    t0=$(date +%s)
    sh "$s" > "$log/$name.out" 2>&1
    count "$name" $? "$log/$name.out" $(($(date +%s) - t0))
done

if [ -n "$lane" ]; then
    wait "$lane"
    trap - INT TERM
    st=$(cat "$log/layer-sanitize.status" 2>/dev/null || echo 1)
    count "layer-sanitize (tweede baan)" "$st" "$log/layer-sanitize.out" $(($(date +%s) - t_lane))
fi

if [ "$skip" -ne 0 ]; then
    echo "$pass passed, $fail failed, $skip skipped"
else
    echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
