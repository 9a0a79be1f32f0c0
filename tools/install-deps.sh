#!/bin/sh
# Install the Debian packages tarief needs, only those that are missing.
# Usage: sh tools/install-deps.sh [--test]   (--test adds what `make check` needs)
set -e
pkgs="build-essential pkg-config libxlsxwriter-dev libcsv-dev libcmocka-dev"
if [ "${1:-}" = "--test" ]; then
    pkgs="$pkgs libreoffice-calc-nogui python3 valgrind clang libclang-rt-14-dev chromium poppler-utils tidy"
fi
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "tarief: ontbrekende pakketten installeren:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
