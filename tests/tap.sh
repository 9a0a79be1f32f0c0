# Shared TAP scaffolding for the shell test layers (tests/layer-*.sh).
# Source it first thing:   . "$(dirname "$0")/tap.sh"
#
# Sets:   BUILD (default build), T (repository root, absolute), BIN ($T/$BUILD/tarief,
#         or $BUILD/tarief when BUILD is absolute), tmp (a private temporary
#         directory, removed on exit), LC_ALL=C.UTF-8, n (tests so far) and
#         failed (failures so far: end a layer with  echo "1..$n"; [ $failed -eq 0 ])
# Gives:  ok NAME                 one passing TAP line
#         nok NAME [DETAIL...]    one failing TAP line, each DETAIL as a "#" line
#         check NAME CMD...       ok when CMD succeeds, else nok naming CMD
#         run ARGS...             runs $BIN: stdout in $tmp/out, stderr in $tmp/err,
#                                 exit status in $rc
#         skip NAME REASON        an "ok ... # SKIP" line (counted apart by run-all.sh)
BUILD=${BUILD:-build}
T=$(cd "$(dirname "$0")/.." && pwd)
case $BUILD in
    /*) BIN=$BUILD/tarief ;;
    *) BIN=$T/$BUILD/tarief ;;
esac
LC_ALL=C.UTF-8
export BUILD LC_ALL
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tarief-$(basename "$0" .sh).XXXXXX") || exit 3
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() {
    n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift
    for l in "$@"; do printf '%s\n' "$l" | sed 's/^/#   /'; done
}
check() { # name, condition-command...
    _name=$1; shift
    if "$@"; then ok "$_name"; else nok "$_name" "mislukt: $*"; fi
}
run() { # run the tool: stdout -> $tmp/out, stderr -> $tmp/err, status -> $rc
    "$BIN" "$@" > "$tmp/out" 2> "$tmp/err"; rc=$?
}
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# zonder_bom FILE...: the files without the byte-order mark that tarief puts
# before every CSV file it writes (not before standard output)
zonder_bom() { sed '1s/^\xEF\xBB\xBF//' "$@"; }
