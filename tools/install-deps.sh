#!/bin/sh
# Install the Debian packages tarief needs, only those that are missing.
# Usage: sh tools/install-deps.sh [--test]   (--test adds what `make check` needs)
#
# When another program holds the package lock (apt, dpkg, unattended-upgrades),
# this waits for it, at most TARIEF_LOCK_TIMEOUT seconds (default 300), with a
# message, instead of failing; apt-get itself gets -o DPkg::Lock::Timeout too.
#        sh tools/install-deps.sh --alleen-wachten
# only waits for the lock (exit 0 when free, 1 after the timeout); the tests
# use it with TARIEF_LOCK_FILES (the lock files to watch, default dpkg's and apt's).
set -e
timeout=${TARIEF_LOCK_TIMEOUT:-300}
locks=${TARIEF_LOCK_FILES:-/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock}
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
begin=$(date +%s)

# Is a lock file open in some process? (dpkg and apt keep it open while they hold it)
lock_bezet() {
    for f in $locks; do
        [ -e "$f" ] || continue
        if command -v fuser > /dev/null 2>&1; then
            fuser -s "$f" 2> /dev/null && return 0
            [ -n "$SUDO" ] && $SUDO -n fuser -s "$f" 2> /dev/null && return 0
        else
            for fd in /proc/[0-9]*/fd/*; do
                [ "$(readlink "$fd" 2> /dev/null)" = "$f" ] && return 0
            done
        fi
    done
    return 1
}

# Wait while the lock is held; give up once the timeout since the start has passed.
wacht_op_lock() {
    gemeld=0
    while lock_bezet; do
        if [ "$gemeld" -eq 0 ]; then
            echo "tarief: een ander programma installeert nu pakketten (apt/dpkg is bezet); even wachten, hoogstens $timeout seconden ..." >&2
            gemeld=1
        fi
        if [ $(($(date +%s) - begin)) -ge "$timeout" ]; then
            echo "tarief: het pakketbeheer is na $timeout seconden nog steeds bezet door een ander programma;" >&2
            echo "tarief: probeer het later opnieuw (of wacht langer met TARIEF_LOCK_TIMEOUT=600)." >&2
            exit 1
        fi
        sleep 2
    done
    [ "$gemeld" -eq 0 ] || echo "tarief: het pakketbeheer is weer vrij." >&2
}

# apt-get, again after waiting when it failed because another program took the lock in between.
apt() {
    while :; do
        wacht_op_lock
        rest=$(($(date +%s) - begin)); rest=$((timeout > rest ? timeout - rest : 1))
        status=0
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$rest" "$@" || status=$?
        [ "$status" -eq 0 ] && return 0
        lock_bezet || return "$status"
    done
}

if [ "${1:-}" = "--alleen-wachten" ]; then
    wacht_op_lock
    exit 0
fi

pkgs="build-essential pkg-config libxlsxwriter-dev libcsv-dev libcmocka-dev"
if [ "${1:-}" = "--test" ]; then
    # chromium, poppler-utils, tidy: tests/layer-publiceer.sh prints the HTML to PDF;
    # man-db and groff-base: tests/layer-install.sh renders the man page
    pkgs="$pkgs libreoffice-calc-nogui python3 valgrind clang libclang-rt-14-dev chromium poppler-utils tidy man-db groff-base"
fi
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "tarief: ontbrekende pakketten installeren:$missing"
apt update -qq
apt install -y -qq --no-install-recommends $missing
