#!/bin/sh
# `make install` / `make uninstall` into temporary directories (README.md,
# "Installeren"), the man page tarief(1), tarief.pc and the bash completion.
#
# A copy of the build directory is installed twice: with PREFIX=$tmp/pfx,
# and with another PREFIX plus DESTDIR (the data directory is compiled into
# src/datadir.c only, rebuilt when PREFIX changes). The installed programs run
# from an empty directory without --cao-map: they find the cao tables and
# the index series next to themselves (<bin>/../share/tarief) or in the
# compiled-in PREFIX. A small C program builds against the installed library
# with `pkg-config --cflags --libs tarief` and computes 45A48 of the example
# region: 66,60 (worked out by hand in docs/rekenmethode.md).
. "$(dirname "$0")/tap.sh"
cd "$T" || exit 3
unset MAKEFLAGS MFLAGS MAKELEVEL DESTDIR PREFIX
VR=$T/productkaarten/voorbeeldregio

# --- man page ------------------------------------------------------------
check "man/tarief.1: groff -ww -z -man zonder waarschuwingen" \
    sh -c "groff -ww -z -man man/tarief.1 > '$tmp/groff' 2>&1 && [ ! -s '$tmp/groff' ]"
MANWIDTH=80 man -l man/tarief.1 > "$tmp/man.txt" 2> "$tmp/man.err"; rc=$?
check "MANWIDTH=80 man -l man/tarief.1: afsluitcode 0, geen meldingen" sh -c "[ $rc -eq 0 ] && [ ! -s '$tmp/man.err' ]"
check "man: de koppen NAAM, OVERZICHT, OPDRACHTEN, AFSLUITCODES, OMGEVING" \
    sh -c "for k in NAAM OVERZICHT OPDRACHTEN AFSLUITCODES OMGEVING BESTANDEN; do grep -qx \$k '$tmp/man.txt' || exit 1; done"
check "man/tarief.1 is ASCII (letters met accent als groff-escape)" sh -c "! LC_ALL=C grep -q '[^ -~]' man/tarief.1"
versie=$(sed -n 's/^#define TARIEF_VERSION "\(.*\)"/\1/p' include/tarief.h)
check "man: versie $versie zoals include/tarief.h" grep -q "^\.TH TARIEF 1 .*\"tarief $versie\"" man/tarief.1
"$BIN" --help > "$tmp/help" 2>&1
opdrachten=$(sed -n '/^Opdrachten:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' "$tmp/help")
check "tarief --help noemt opdrachten" test -n "$opdrachten"
mis=""
for c in $opdrachten; do grep -q "^\.SS \"tarief $c" man/tarief.1 || mis="$mis $c"; done
check "man: een paragraaf voor elke opdracht van tarief --help ($(echo $opdrachten))" test -z "$mis"
[ -z "$mis" ] || echo "#   ontbreekt:$mis"
# every option of every command's --help (and of cao verhoog) is in the man page
: > "$tmp/opties"
for c in $opdrachten "cao verhoog"; do
    "$BIN" $c --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*\|^  -o ' >> "$tmp/opties"
done
mis=""
for o in $(sort -u "$tmp/opties"); do
    e=$(printf '%s' "$o" | sed 's/-/\\\\-/g') # --naam is \-\-naam in groff, a whole word
    grep -qE -- "$e"'([^A-Za-z0-9_\-]|\\f|$)' man/tarief.1 || mis="$mis $o"
done
check "man: elke optie uit de --help van elke opdracht" test -z "$mis"
[ -z "$mis" ] || echo "#   ontbreekt:$mis"
check "man: zoekvolgorde van de cao-tabellen met TARIEF_CAO_MAP" \
    sh -c "grep -q 'CAO-TABELLEN EN INDEXREEKS' '$tmp/man.txt' && grep -q '2\.  de omgevingsvariabele TARIEF_CAO_MAP' '$tmp/man.txt'"
check "man: de CSV heeft een BOM, --csv-zonder-bom niet" grep -q "byte-order-mark (BOM)" "$tmp/man.txt"

# --- README: installing and the complete command summary --------------------
mis=""
for c in $opdrachten; do
    sed -n '/^## De opdrachten/,/^```$/p;/^## De opdrachten/,/^tarief --help/p' README.md | grep -q "^tarief $c " || mis="$mis $c"
done
check "README: het overzicht van de opdrachten noemt elke opdracht" test -z "$mis"
[ -z "$mis" ] || echo "#   ontbreekt:$mis"
check "README: een paragraaf Installeren met PREFIX, DESTDIR en make uninstall" \
    sh -c "sed -n '/^## Installeren/,/^## /p' README.md | grep -q PREFIX && sed -n '/^## Installeren/,/^## /p' README.md | grep -q DESTDIR && grep -q 'make uninstall' README.md"
check "README: hoe het programma heet vóór de installatie (build/tarief)" grep -q '^build/tarief bereken' README.md

# --- bash completion ------------------------------------------------------
comp() { # words... : COMPREPLY, one a line, in $tmp/comp
    bash -c '. contrib/bash-completion/tarief; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _tarief
             printf "%s\n" "${COMPREPLY[@]}"' tarief tarief "$@" > "$tmp/comp" 2>&1
}
comp ""
mis=""
for c in $opdrachten; do grep -qx "$c" "$tmp/comp" || mis="$mis $c"; done
check "completion: elke opdracht van tarief --help" test -z "$mis"
comp ber
check "completion: 'tarief ber' -> bereken" sh -c "[ \"\$(cat '$tmp/comp')\" = bereken ]"
comp bereken --csv-
check "completion: bereken --csv- -> --csv-indexatie --csv-zonder-bom" \
    sh -c "[ \"\$(sort '$tmp/comp' | tr '\n' ' ')\" = '--csv-indexatie --csv-zonder-bom ' ]"
comp uitleg --cao-m
check "completion: uitleg --cao-m -> --cao-map" sh -c "[ \"\$(cat '$tmp/comp')\" = --cao-map ]"
comp uitleg "$VR" 45A4
check "completion: uitleg <voorbeeldregio> 45A4 -> 45A48 45A49 (producten.csv)" \
    sh -c "[ \"\$(tr '\n' ' ' < '$tmp/comp')\" = '45A48 45A49 ' ]"
comp uitleg --cao-map data/cao "$VR" ""
check "completion: uitleg --cao-map MAP <regio> -> alle 20 productcodes" \
    sh -c "[ \$(wc -l < '$tmp/comp') -eq 20 ] && grep -qx 46A10 '$tmp/comp'"
comp uitleg --cao-map = data/cao tests/data/hand-basis E
check "completion: --cao-map=MAP (door bash gesplitst) telt niet als regiomap" \
    sh -c "[ \"\$(tr '\n' ' ' < '$tmp/comp')\" = 'ETMAAL EURO ' ]"
# a producten.csv with a BOM, ',' and the code in another column
mkdir -p "$tmp/regio-komma"
printf '\357\273\277naam,Code,eenheid\n# commentaar\nEen,"X1",uur\n\nTwee,X2,uur\n' > "$tmp/regio-komma/producten.csv"
comp uitleg "$tmp/regio-komma" ""
check "completion: productcodes uit een producten.csv met BOM, ',' en aanhalingstekens" \
    sh -c "[ \"\$(tr '\n' ' ' < '$tmp/comp')\" = 'X1 X2 ' ]"
comp cao verhoog data/cao/ghz-2022-05-01 --afronding ""
check "completion: cao verhoog --afronding -> cent euro" sh -c "[ \"\$(tr '\n' ' ' < '$tmp/comp')\" = 'cent euro ' ]"
comp bereken --cao-map da
check "completion: --cao-map da -> data (een map)" sh -c "[ \"\$(cat '$tmp/comp')\" = data ]"

# --- make install into PREFIX=$tmp/pfx -------------------------------------
mkdir -p "$tmp/build" "$tmp/leeg"
cp -a "$BUILD/obj" "$BUILD/libtarief.a" "$BUILD/tarief" "$tmp/build/" 2>/dev/null
[ -f "$BUILD/datadir.stamp" ] && cp -a "$BUILD/datadir.stamp" "$tmp/build/"
# the compiler and flags of $BUILD (the sanitizer layer runs this with its own)
bcc=$(sed -n 2p "$tmp/build/datadir.stamp" 2>/dev/null); bcc=${bcc:-cc}
bcflags=$(sed -n 3p "$tmp/build/datadir.stamp" 2>/dev/null); bcflags=${bcflags:--O2 -g}
mk() { make -s BUILD="$tmp/build" CC="$bcc" CFLAGS="$bcflags" "$@"; }
P=$tmp/pfx
mk PREFIX="$P" install > "$tmp/install.log" 2>&1; rc=$?
check "make install PREFIX=\$tmp/pfx: afsluitcode 0" test "$rc" -eq 0
[ "$rc" -eq 0 ] || sed 's/^/#   /' "$tmp/install.log" | tail -20
alles=1
for f in bin/tarief lib/libtarief.a lib/pkgconfig/tarief.pc include/tarief.h include/tarief/load.h \
         share/tarief/cao/ghz-2022-05-01/salarisschalen.csv share/tarief/cao/README.md \
         share/tarief/index/ova-ppc.csv share/doc/tarief/README.md share/doc/tarief/docs/rekenmethode.md \
         share/man/man1/tarief.1 share/bash-completion/completions/tarief; do
    [ -f "$P/$f" ] || { alles=0; echo "#   ontbreekt: $f"; }
done
check "install: programma, bibliotheek, tarief.pc, headers, data, docs, man, completion" test "$alles" -eq 1
check "install: elke header van include/tarief/" \
    sh -c "for h in include/tarief/*.h; do cmp -s \$h '$P/'\$h || exit 1; done"
check "install: het programma is uitvoerbaar" test -x "$P/bin/tarief"
check "install: het programma kent de datamap van deze PREFIX (datadir.c opnieuw gebouwd)" \
    grep -q -a "$P/share/tarief" "$P/bin/tarief"
check "install: build/ zelf is niet veranderd (de kopie is geïnstalleerd)" sh -c "! grep -q -a '$P/share' '$BIN'"
check "man -l van de geïnstalleerde handleiding" sh -c "MANWIDTH=80 man -l '$P/share/man/man1/tarief.1' 2>&1 >/dev/null | grep -q . && exit 1; exit 0"

(cd "$tmp/leeg" && "$P/bin/tarief" bereken "$VR" --geen-werkboek > "$tmp/out" 2> "$tmp/err"); rc=$?
check "geïnstalleerd, zonder --cao-map, buiten de repository: bereken afsluitcode 0" test "$rc" -eq 0
[ "$rc" -eq 0 ] || sed 's/^/#   /' "$tmp/err" | head -5
check "geïnstalleerd: 45A48 kost 66,60" grep -q "^45A48 .* uur .* 66,60$" "$tmp/out"
(cd "$tmp/leeg" && "$P/bin/tarief" uitleg "$T/tests/data/index-vng-standaard" V2025 > "$tmp/out" 2> "$tmp/err"); rc=$?
check "geïnstalleerd: indexatie;vng vindt de meegeleverde indexreeks (€ 104,96)" \
    sh -c "[ $rc -eq 0 ] && grep -q '= € 104,96' '$tmp/out' && grep -q 'share/tarief/index/ova-ppc.csv:7' '$tmp/out'"
(cd "$tmp/leeg" && "$P/bin/tarief" --help > "$tmp/out" 2>&1)
check "geïnstalleerd: --help noemt de gevonden cao-map" grep -q "^Nu gevonden: $P/bin/../share/tarief/cao$" "$tmp/out"
# elsewhere, without share/ next to it: the compiled-in data directory
mkdir -p "$tmp/elders/bin" && cp "$P/bin/tarief" "$tmp/elders/bin/"
(cd "$tmp/leeg" && "$tmp/elders/bin/tarief" valideer "$VR" > "$tmp/out" 2> "$tmp/err"); rc=$?
check "een kopie zonder share/ ernaast vindt de cao in de ingebouwde PREFIX" test "$rc" -eq 0
(cd "$tmp/leeg" && TARIEF_CAO_MAP="$tmp/leeg" "$P/bin/tarief" valideer "$VR" > "$tmp/out" 2> "$tmp/err"); rc=$?
check "TARIEF_CAO_MAP gaat voor de geïnstalleerde cao-tabellen" sh -c "[ $rc -eq 2 ] && grep -q \"$tmp/leeg/ghz-2022-05-01\" '$tmp/err'"

# --- pkg-config: a program against the installed library ------------------
cat > "$tmp/prog.c" <<'CEOF'
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <tarief.h>

int main(int argc, char **argv)
{
    tarief_ctx *ctx = tarief_ctx_new();
    tarief_load_options o = {0}; /* cao_map NULL: the installed tables */
    const tarief_regio *r = tarief_load_regio(ctx, argv[1], &o);
    if (!r || argc < 3)
        return 2;
    const tarief_afleiding *a = tarief_bereken(ctx, r, NULL);
    for (size_t i = 0; i < r->n_producten; i++)
        if (strcmp(r->producten[i].code, argv[2]) == 0)
            printf("%s %lld\n", argv[2], (long long)llround(a[i].tarief * 100));
    tarief_ctx_free(ctx);
    return 0;
}
CEOF
pc=$(PKG_CONFIG_PATH="$P/lib/pkgconfig" pkg-config --cflags --libs tarief 2>&1); rc=$?
check "pkg-config --cflags --libs tarief: afsluitcode 0, -I en -L van PREFIX" \
    sh -c "[ $rc -eq 0 ] && echo '$pc' | grep -q -- '-I$P/include' && echo '$pc' | grep -q -- '-L$P/lib -ltarief'"
check "pkg-config --modversion tarief = $versie" \
    sh -c "[ \"\$(PKG_CONFIG_PATH='$P/lib/pkgconfig' pkg-config --modversion tarief)\" = '$versie' ]"
# shellcheck disable=SC2086
$bcc $bcflags -std=c11 -o "$tmp/prog" "$tmp/prog.c" $pc > "$tmp/cc.log" 2>&1; rc=$?
check "een C-programma bouwt tegen de geïnstalleerde bibliotheek" test "$rc" -eq 0
[ "$rc" -eq 0 ] || sed 's/^/#   /' "$tmp/cc.log" | head -10
(cd "$tmp/leeg" && "$tmp/prog" "$VR" 45A48 > "$tmp/out" 2> "$tmp/err"); rc=$?
check "het programma rekent 45A48 uit: 6660 cent (de cao uit de geïnstalleerde datamap)" \
    sh -c "[ $rc -eq 0 ] && [ \"\$(cat '$tmp/out')\" = '45A48 6660' ]"

# --- another PREFIX after that build, with DESTDIR ---------------------------
D=$tmp/dest
mk PREFIX=/opt/tarief-proef DESTDIR="$D" install > "$tmp/install2.log" 2>&1; rc=$?
check "make install PREFIX=/opt/tarief-proef DESTDIR=\$tmp/dest na een eerdere bouw: afsluitcode 0" test "$rc" -eq 0
check "DESTDIR: alles onder \$DESTDIR\$PREFIX" sh -c "[ -x '$D/opt/tarief-proef/bin/tarief' ] && [ -f '$D/opt/tarief-proef/share/tarief/index/ova-ppc.csv' ] && [ ! -e /opt/tarief-proef ]"
check "DESTDIR: het programma is opnieuw gebouwd voor de nieuwe PREFIX" \
    sh -c "grep -q -a /opt/tarief-proef/share/tarief '$D/opt/tarief-proef/bin/tarief' && ! grep -q -a '$P/share' '$D/opt/tarief-proef/bin/tarief'"
check "tarief.pc met DESTDIR: prefix=/opt/tarief-proef" grep -qx "prefix=/opt/tarief-proef" "$D/opt/tarief-proef/lib/pkgconfig/tarief.pc"
(cd "$tmp/leeg" && "$D/opt/tarief-proef/bin/tarief" bereken "$VR" --geen-werkboek > "$tmp/out" 2> "$tmp/err"); rc=$?
check "DESTDIR: het klaargezette programma vindt zijn data naast zich (bereken, 66,60)" \
    sh -c "[ $rc -eq 0 ] && grep -q '^45A48 .* 66,60$' '$tmp/out'"

# --- make uninstall -----------------------------------------------------------
mkdir -p "$P/share/tarief/cao/eigen-cao" && echo "eigen" > "$P/share/tarief/cao/eigen-cao/cao.csv"
mk PREFIX="$P" uninstall > "$tmp/un.log" 2>&1; rc=$?
check "make uninstall: afsluitcode 0" test "$rc" -eq 0
rest=$(cd "$P" && find . -type f | sort | tr '\n' ' ')
check "make uninstall: alleen het eigen bestand blijft over" test "$rest" = "./share/tarief/cao/eigen-cao/cao.csv "
[ "$rest" = "./share/tarief/cao/eigen-cao/cao.csv " ] || echo "#   over: $rest"
check "make uninstall: de lege mappen van tarief zijn weg" \
    sh -c "[ ! -e '$P/share/tarief/index' ] && [ ! -e '$P/share/doc/tarief' ] && [ ! -e '$P/include/tarief' ] && [ ! -e '$P/share/tarief/cao/ghz-2022-05-01' ]"
mk PREFIX=/opt/tarief-proef DESTDIR="$D" uninstall > "$tmp/un2.log" 2>&1; rc=$?
check "make uninstall met DESTDIR: geen enkel bestand blijft over" \
    sh -c "[ $rc -eq 0 ] && [ -z \"\$(find '$D' -type f)\" ]"

# --- tools/install-deps.sh waits for the package lock ------------------------
: > "$tmp/lock"
sleep 6 9< "$tmp/lock" &
houder=$!
i=0 # until the holder has the file open
while [ ! -e "/proc/$houder/fd/9" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
TARIEF_LOCK_FILES="$tmp/lock" TARIEF_LOCK_TIMEOUT=1 sh tools/install-deps.sh --alleen-wachten > "$tmp/out" 2> "$tmp/err"; rc=$?
check "install-deps: bezet pakketbeheer, na de wachttijd afsluitcode 1 met een Nederlandse melding" \
    sh -c "[ $rc -eq 1 ] && grep -q 'even wachten, hoogstens 1 seconden' '$tmp/err' && grep -q 'na 1 seconden nog steeds bezet' '$tmp/err'"
TARIEF_LOCK_FILES="$tmp/lock" TARIEF_LOCK_TIMEOUT=30 sh tools/install-deps.sh --alleen-wachten > "$tmp/out" 2> "$tmp/err"; rc=$?
check "install-deps: wacht tot het pakketbeheer vrij is, dan afsluitcode 0" \
    sh -c "[ $rc -eq 0 ] && grep -q 'weer vrij' '$tmp/err'"
kill "$houder" 2> /dev/null
TARIEF_LOCK_FILES="$tmp/lock" sh tools/install-deps.sh --alleen-wachten > "$tmp/out" 2> "$tmp/err"; rc=$?
check "install-deps: vrij pakketbeheer, meteen afsluitcode 0 zonder melding" sh -c "[ $rc -eq 0 ] && [ ! -s '$tmp/err' ]"
check "install-deps: apt-get krijgt -o DPkg::Lock::Timeout" grep -q 'apt-get -o DPkg::Lock::Timeout=' tools/install-deps.sh

echo "1..$n"
