#!/bin/sh
# CLI test of `tarief cao verhoog` (docs/cao.md): derives tables into a
# temporary cao-map and checks the written files to the byte, the refusal to
# overwrite, the exit codes, and that `tarief valideer` accepts a region that
# uses the new table.
#
# The source tables are written here: a GGZ table with real FWG 65 steps
# (data/cao/ggz-fwg65-2023-05-01) plus made-up low and high salaries that hit
# the minimum and the maximum of the GGZ 1-11-2023 rule (+5 %, min 150, max
# 300), and a made-up Jeugdzorg-like table for the 2024 rule (+8 %, € 15 per
# hour, +1,25 %). Every expected number is worked out by hand in
# tests/unit/test_cao_verhoog.c and docs/cao.md.
#
# Output: TAP lines "ok N - <name>" / "not ok N - <name>", the plan at the end.
. "$(dirname "$0")/tap.sh"
cd "$T" || exit 3
tool=$BIN

# check_rc NAME STATUS: ok when STATUS (of the command list before) is 0,
# else show $tmp/uit and $tmp/fout
check_rc() {
    if [ "$2" -eq 0 ]; then ok "$1"; else
        nok "$1" "stdout:" "$(head -20 "$tmp/uit" 2>/dev/null)" "stderr:" "$(head -20 "$tmp/fout" 2>/dev/null)"
    fi
}

if [ ! -x "$tool" ]; then
    nok "$tool ontbreekt (eerst make)"
    echo "1..1"
    exit 1
fi

map=$tmp/cao
mkdir -p "$map/ggz-test" "$map/jz-test" "$map/jz-zonder-uren"

cat > "$map/ggz-test/cao.csv" <<'EOF'
parameter;waarde;bron
naam;Cao GGZ (test) per 1 mei 2023;FWG 65 uit data/cao/ggz-fwg65-2023-05-01, andere rijen verzonnen
ingangsdatum;2023-05-01;idem
uren_per_week;36;cao
jaaruren;1878;conventie
vakantietoeslag;8%;cao
eindejaarsuitkering;8,33%;cao
EOF
cat > "$map/ggz-test/salarisschalen.csv" <<'EOF'
schaal;trede;maandsalaris
FWG 40;1;2500
FWG 40;2;2.999,99
FWG 65;1;4468
FWG 65;2;4624
FWG 65;13;5848
FWG 80;1;6500
EOF
cat > "$map/jz-test/cao.csv" <<'EOF'
parameter;waarde;bron
naam;Cao Jeugdzorg (testtabel) per 1 juli 2023;verzonnen
ingangsdatum;2023-07-01;verzonnen
uren_per_week;36;cao
jaaruren;1878;conventie
vakantietoeslag;8%;cao
eindejaarsuitkering;8,33%;cao
EOF
cat > "$map/jz-test/salarisschalen.csv" <<'EOF'
schaal;trede;maandsalaris
7;1;2000
7;2;2150
7;3;2170
8;1;3000
10;5;4321
EOF
grep -v uren_per_week "$map/jz-test/cao.csv" > "$map/jz-zonder-uren/cao.csv"
cp "$map/jz-test/salarisschalen.csv" "$map/jz-zonder-uren/"

verhoog() { "$tool" cao verhoog "$@" > "$tmp/uit" 2> "$tmp/fout"; }
# salaries column only: schaal;trede;maandsalaris
salarissen() { cut -d';' -f1-3 "$map/$1/salarisschalen.csv"; }

# --- GGZ 1-11-2023: +5 %, min 150, max 300 ---------------------------------
verhoog "$map/ggz-test" --naar ggz-test-2023-11-01 --ingangsdatum 2023-11-01 \
    --procent 5 --minimum-verhoging 150 --maximum-verhoging 300
check_rc "ggz: verhoog geeft status 0" $?

a='afgeleid van ggz-test met tarief cao verhoog:'
cat > "$tmp/verwacht" <<EOF
schaal;trede;maandsalaris;bron
FWG 40;1;2.650,00;$a 2.500,00 +5 % (+125,00, verhoogd tot minimum 150,00) = 2.650,00
FWG 40;2;3.149,99;$a 2.999,99 +5 % (+149,9995, verhoogd tot minimum 150,00) = 3.149,99
FWG 65;1;4.691,40;$a 4.468,00 +5 % (+223,40) = 4.691,40
FWG 65;2;4.855,20;$a 4.624,00 +5 % (+231,20) = 4.855,20
FWG 65;13;6.140,40;$a 5.848,00 +5 % (+292,40) = 6.140,40
FWG 80;1;6.800,00;$a 6.500,00 +5 % (+325,00, begrensd op maximum 300,00) = 6.800,00
EOF
if cmp -s "$tmp/verwacht" "$map/ggz-test-2023-11-01/salarisschalen.csv"; then
    ok "ggz: salarisschalen.csv (4468 -> 4.691,40; minimum en maximum)"
else
    nok "ggz: salarisschalen.csv (4468 -> 4.691,40; minimum en maximum)"
    diff "$tmp/verwacht" "$map/ggz-test-2023-11-01/salarisschalen.csv" 2>&1 | sed 's/^/#   /'
fi

regels='afgeleid van ggz-test met tarief cao verhoog: +5 % (min € 150, max € 300 per maand), afronding cent'
cat > "$tmp/verwacht" <<EOF
parameter;waarde;bron
naam;Cao GGZ (test) per 1 november 2023;$regels. Naam was: Cao GGZ (test) per 1 mei 2023
ingangsdatum;2023-11-01;$regels. Ingangsdatum was: 2023-05-01
uren_per_week;36;$regels. Waarde ongewijzigd overgenomen, bron daar: cao
jaaruren;1878;$regels. Waarde ongewijzigd overgenomen, bron daar: conventie
vakantietoeslag;8%;$regels. Waarde ongewijzigd overgenomen, bron daar: cao
eindejaarsuitkering;8,33%;$regels. Waarde ongewijzigd overgenomen, bron daar: cao
EOF
if cmp -s "$tmp/verwacht" "$map/ggz-test-2023-11-01/cao.csv"; then
    ok "ggz: cao.csv (parameters overgenomen, naam en datum nieuw, regels in bron)"
else
    nok "ggz: cao.csv (parameters overgenomen, naam en datum nieuw, regels in bron)"
    diff "$tmp/verwacht" "$map/ggz-test-2023-11-01/cao.csv" 2>&1 | sed 's/^/#   /'
fi

grep -q '2 keer verhoogd tot de minimumverhoging; 1 keer begrensd op de maximumverhoging' "$tmp/uit"
check_rc "ggz: samenvatting op stdout telt minimum en maximum" $?

# --- never overwrite --------------------------------------------------------
voor=$(cat "$map/ggz-test-2023-11-01/"*.csv | cksum)
verhoog "$map/ggz-test" --naar ggz-test-2023-11-01 --ingangsdatum 2023-11-01 --procent 7
st=$?
na=$(cat "$map/ggz-test-2023-11-01/"*.csv | cksum)
if [ $st -eq 2 ] && [ "$voor" = "$na" ] && grep -q 'bestaat al' "$tmp/fout"; then
    ok "bestaande map: status 2, melding 'bestaat al', bestanden ongewijzigd"
else
    nok "bestaande map: status 2, melding 'bestaat al', bestanden ongewijzigd" "status $st"
    sed 's/^/#   /' "$tmp/fout"
fi

verhoog "$map/ggz-test" --naar ggz-test --ingangsdatum 2023-11-01 --procent 7
[ $? -eq 2 ] && cmp -s "$map/ggz-test/salarisschalen.csv" - <<'EOF'
schaal;trede;maandsalaris
FWG 40;1;2500
FWG 40;2;2.999,99
FWG 65;1;4468
FWG 65;2;4624
FWG 65;13;5848
FWG 80;1;6500
EOF
check_rc "--naar gelijk aan de bron: status 2, bron ongewijzigd" $?

# --- Jeugdzorg 2024: +8 %, then € 15 per hour (36 x 52 / 12 = 156 h), then +1,25 %
verhoog "$map/jz-test" --naar jz-test-2024-07-01 --ingangsdatum 2024-07-01 \
    --procent 8 --minimum-uurloon 15 --procent 1,25
check_rc "jeugdzorg: verhoog geeft status 0" $?
cat > "$tmp/verwacht" <<'EOF'
schaal;trede;maandsalaris
7;1;2.369,25
7;2;2.369,25
7;3;2.372,90
8;1;3.280,50
10;5;4.725,01
EOF
salarissen jz-test-2024-07-01 > "$tmp/echt" 2>&1
cmp -s "$tmp/verwacht" "$tmp/echt"
check_rc "jeugdzorg: +8 %, minimum € 15 per uur, +1,25 %" $?
grep -q '^7;3;2.372,90;afgeleid van jz-test met tarief cao verhoog: 2.170,00 +8 % (+173,60) = 2.343,60, daarna boven minimum 2.340,00, daarna +1,25 % (+29,295) = 2.372,895, afgerond 2.372,90$' \
    "$map/jz-test-2024-07-01/salarisschalen.csv"
check_rc "jeugdzorg: bron per rij toont elke stap en de afronding" $?
grep -q '^naam;Cao Jeugdzorg (testtabel) per 1 juli 2024;afgeleid van jz-test met tarief cao verhoog: +8 %, daarna minimum € 15 per uur = € 2.340,00 per maand (36 uur per week × 52 / 12 = 156 uur per maand), daarna +1,25 %, afronding cent\. ' \
    "$map/jz-test-2024-07-01/cao.csv"
check_rc "jeugdzorg: bron noemt alle regels in volgorde" $?

# The order on the command line is the order of the rules: +1,25 % first
# puts the low rows on the floor before the +8 % (2.340 x 1,08 = 2.527,20).
verhoog "$map/jz-test" --naar jz-omgekeerd --ingangsdatum 2024-07-01 \
    --procent 1.25 --minimum-uurloon 15 --procent 8
cat > "$tmp/verwacht" <<'EOF'
schaal;trede;maandsalaris
7;1;2.527,20
7;2;2.527,20
7;3;2.527,20
8;1;3.280,50
10;5;4.725,01
EOF
salarissen jz-omgekeerd > "$tmp/echt" 2>&1
cmp -s "$tmp/verwacht" "$tmp/echt"
check_rc "volgorde van de regels telt (punt-notatie 1.25 werkt ook)" $?

verhoog "$map/jz-test" --naar jz-euro --ingangsdatum 2024-07-01 \
    --procent 8 --minimum-uurloon 15,00 --procent 1,25 --afronding euro
cat > "$tmp/verwacht" <<'EOF'
schaal;trede;maandsalaris
7;1;2.369,00
7;2;2.369,00
7;3;2.373,00
8;1;3.281,00
10;5;4.725,00
EOF
salarissen jz-euro > "$tmp/echt" 2>&1
cmp -s "$tmp/verwacht" "$tmp/echt"
check_rc "--afronding euro: half van nul af (3.280,50 -> 3.281)" $?

# --- hours per month ------------------------------------------------------
verhoog "$map/jz-zonder-uren" --naar jz-zonder-2024 --ingangsdatum 2024-07-01 \
    --procent 8 --minimum-uurloon 15 --procent 1,25
st=$?
if [ $st -eq 2 ] && [ ! -e "$map/jz-zonder-2024" ] && grep -q 'uren_per_week' "$tmp/fout"; then
    ok "minimumuurloon zonder uren_per_week en zonder --uren-per-maand: status 2"
else
    nok "minimumuurloon zonder uren_per_week en zonder --uren-per-maand: status 2" "status $st"
fi
verhoog "$map/jz-zonder-uren" --naar jz-zonder-2024 --ingangsdatum 2024-07-01 \
    --procent 8 --minimum-uurloon 15 --procent 1,25 --uren-per-maand 160
[ $? -eq 0 ] && grep -q '^7;1;2.430,00;' "$map/jz-zonder-2024/salarisschalen.csv"
check_rc "--uren-per-maand 160: minimum 2.400,00, dan +1,25 % = 2.430,00" $?

# --- usage errors: status 2 and nothing written ----------------------------
fout_geval() { # name, then the arguments after `cao verhoog`
    naam=$1
    shift
    voor=$(ls -A "$map" | tr '\n' ' ')
    verhoog "$@"
    st=$?
    na=$(ls -A "$map" | tr '\n' ' ')
    if [ $st -eq 2 ] && [ "$voor" = "$na" ] && [ -s "$tmp/fout" ]; then
        ok "$naam"
    else
        nok "$naam" "status $st (verwacht 2), map voor: $voor, na: $na"
        sed 's/^/#   /' "$tmp/fout" | head -5
    fi
}
fout_geval "grens voor de --procent: status 2" "$map/jz-test" --naar a1 --ingangsdatum 2024-01-01 \
    --minimum-verhoging 150 --procent 5
fout_geval "grens na --minimum-uurloon: status 2" "$map/jz-test" --naar a2 --ingangsdatum 2024-01-01 \
    --procent 5 --minimum-uurloon 15 --maximum-verhoging 300
fout_geval "minimum groter dan maximum: status 2" "$map/jz-test" --naar a3 --ingangsdatum 2024-01-01 \
    --procent 5 --minimum-verhoging 300 --maximum-verhoging 150
fout_geval "dubbelzinnig getal 1.250: status 2" "$map/jz-test" --naar a4 --ingangsdatum 2024-01-01 \
    --procent 1.250
fout_geval "ongeldige datum: status 2" "$map/jz-test" --naar a5 --ingangsdatum 2024-02-30 --procent 5
fout_geval "datum niet na de bron: status 2" "$map/jz-test" --naar a6 --ingangsdatum 2023-07-01 --procent 5
fout_geval "zonder --naar: status 2" "$map/jz-test" --ingangsdatum 2024-01-01 --procent 5
fout_geval "zonder regel: status 2" "$map/jz-test" --naar a7 --ingangsdatum 2024-01-01
fout_geval "onbekende optie: status 2" "$map/jz-test" --naar a8 --ingangsdatum 2024-01-01 --procentt 5
fout_geval "--afronding euro_omhoog: status 2" "$map/jz-test" --naar a9 --ingangsdatum 2024-01-01 \
    --procent 5 --afronding euro_omhoog
fout_geval "ongeldige id: status 2" "$map/jz-test" --naar ../a10 --ingangsdatum 2024-01-01 --procent 5
fout_geval "bron bestaat niet: status 2" "$map/bestaat-niet" --naar a11 --ingangsdatum 2024-01-01 --procent 5

# --- I/O error: status 3 -----------------------------------------------------
# A read-only cao-map; root writes anyway, so as root run the tool as nobody.
# When nobody cannot reach the build (a clone in a private directory, such
# as one made by mktemp -d), a copy of the tool in $tmp is run instead.
als=""
rtool=$tool
if [ "$(id -u)" -eq 0 ]; then
    als="setpriv --reuid=65534 --regid=65534 --clear-groups"
    if ! command -v setpriv >/dev/null 2>&1; then
        als="geen"
    elif ! $als test -x "$rtool" 2>/dev/null; then
        chmod a+rx "$tmp"
        cp "$tool" "$tmp/tarief-als-nobody" && rtool=$tmp/tarief-als-nobody
        $als test -x "$rtool" 2>/dev/null || als="geen"
    fi
fi
if [ "$als" = geen ]; then
    ok "alleen-lezen cao-map: status 3 # SKIP root, en niet als nobody uit te voeren"
else
    mkdir -p "$tmp/ro"
    cp -r "$map/jz-test" "$tmp/ro/"
    chmod -R a+rX "$tmp"
    chmod a-w "$tmp/ro"
    $als "$rtool" cao verhoog "$tmp/ro/jz-test" --naar jz-ro --ingangsdatum 2024-01-01 \
        --procent 5 > "$tmp/uit" 2> "$tmp/fout"
    st=$?
    chmod u+w "$tmp/ro"
    if [ $st -eq 3 ] && [ "$(ls -A "$tmp/ro")" = "jz-test" ]; then
        ok "alleen-lezen cao-map: status 3, niets achtergelaten"
    else
        nok "alleen-lezen cao-map: status 3, niets achtergelaten" "status $st"
        sed 's/^/#   /' "$tmp/fout" | head -5
    fi
fi

# no temporary directories left behind by any of the above
ls -A "$map" > "$tmp/echt"
cat > "$tmp/verwacht" <<'EOF'
ggz-test
ggz-test-2023-11-01
jz-euro
jz-omgekeerd
jz-test
jz-test-2024-07-01
jz-zonder-2024
jz-zonder-uren
EOF
cmp -s "$tmp/verwacht" "$tmp/echt"
check_rc "geen tijdelijke mappen achtergebleven" $?

# --- help -------------------------------------------------------------------
"$tool" cao verhoog --help > "$tmp/uit" 2> "$tmp/fout"
st=$?
ontbreekt=""
for o in --naar --ingangsdatum --procent --minimum-uurloon --minimum-verhoging \
    --maximum-verhoging --afronding --uren-per-maand --naam; do
    grep -q -- "$o" "$tmp/uit" || ontbreekt="$ontbreekt $o"
done
if [ $st -eq 0 ] && [ -z "$ontbreekt" ]; then
    ok "cao verhoog --help: status 0, elke optie uitgelegd"
else
    nok "cao verhoog --help: status 0, elke optie uitgelegd" "status $st, ontbreekt:$ontbreekt"
fi

# --- a region using the new table is valid ---------------------------------
regio=$tmp/regio
mkdir -p "$regio"
cat > "$regio/uitgangspunten.csv" <<'EOF'
parameter;waarde;bron
regio;Testregio cao verhoog;test
tariefjaar;2024;test
cao;ggz-test-2023-11-01;afgeleid met tarief cao verhoog
werkgeverslasten;30%;test
productiviteit;80%;test
EOF
cat > "$regio/functies.csv" <<'EOF'
functie;schaal;trede
WO;FWG 65;1
EOF
cat > "$regio/producten.csv" <<'EOF'
code;naam;eenheid;uren_per_eenheid
45A01;Behandeling;uur;1
EOF
cat > "$regio/functiemix.csv" <<'EOF'
product;functie;percentage
45A01;WO;100
EOF
"$tool" valideer "$regio" --cao-map "$map" > "$tmp/uit" 2> "$tmp/fout"
check_rc "tarief valideer accepteert een regio met de nieuwe tabel" $?

# the tariff is computed from the new salary: uitleg shows 4.691,40
"$tool" uitleg "$regio" 45A01 --cao-map "$map" > "$tmp/uit" 2> "$tmp/fout"
[ $? -eq 0 ] && grep -q '= 12 × 4\.691,40' "$tmp/uit" &&
    grep -q 'bron: afgeleid van ggz-test met tarief cao verhoog: 4\.468,00 +5 % (+223,40) = 4\.691,40' "$tmp/uit"
check_rc "tarief uitleg rekent met het nieuwe salaris 4.691,40 en toont de afleiding" $?

echo "1..$n"
[ $failed -eq 0 ]
