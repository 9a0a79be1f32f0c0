#!/bin/sh
# CLI and workbook tests for `tarief vergelijk` and `tarief verschil`
# (hand-worked amounts: tests/unit/test_vergelijk.c, test_verschil.c).
#
#  - vergelijk / verschil on the small test regions: exit codes, the causes
#    and contributions in the table, CSV to a file and to stdout
#  - invalid input: exit 2, every problem at file:line, no file written
#  - verschil between the voorbeeldregio and a "next year" made from it here
#    (new salary table, werkgeverslasten, functies, functiemix, groepsgrootte,
#    verzuim, overhead, huisvesting, indexatie, afronding, a product added and
#    one removed): every contribution column of the CSV sums to the change
#  - the workbooks: LibreOffice (forced recalculation) gives every cached
#    value; no input value inside a formula; changing an input cell on
#    Invoer and recalculating gives what the CLI computes from the
#    correspondingly changed CSV files
# Output: TAP lines "ok N - ..." / "not ok N - ...".
. "$(dirname "$0")/tap.sh"
cd "$T" || exit 3
T=$BIN
CAO=tests/data/vgl-cao
check="python3 tests/workbook/check.py"
cv="python3 tests/workbook/check_vergelijk.py"

mkdir -p "$tmp/log"

notok() { nok "$@"; }
# result STATUS NAME [LOG]: ok when STATUS is 0, else not ok with the log
result() {
    if [ "$1" -eq 0 ]; then
        ok "$2"
    else
        notok "$2"
        [ -n "$3" ] && [ -f "$3" ] && sed 's/^/#   /' "$3" | head -30
    fi
}
# has FILE PATTERN (extended regex, spaces flexible)
has() { grep -Eq "$2" "$1"; }

if [ ! -x "$T" ]; then
    notok "$T ontbreekt (eerst make)"
    exit 1
fi

# --- vergelijk ----------------------------------------------------------
"$T" vergelijk tests/data/vgl-regio tests/data/vgl-aanbieder --cao-map $CAO \
    --csv "$tmp/v.csv" -o "$tmp/v.xlsx" > "$tmp/log/v.out" 2> "$tmp/log/v.err"
rc=$?
[ $rc -eq 0 ] && [ -f "$tmp/v.csv" ] && [ -f "$tmp/v.xlsx" ] && [ ! -s "$tmp/log/v.err" ]
result $? "vergelijk: status 0, CSV en werkboek geschreven (status $rc)" "$tmp/log/v.err"

has "$tmp/log/v.out" '^ +4 Overhead +8,75 +11,18 +\+2,43 +\+27,72 % +overhead 25 % i\.p\.v\. 20 % \(tests/data/vgl-aanbieder/uitgangspunten\.csv:3\); doorwerking van' &&
    has "$tmp/log/v.out" '^ +1 Kosten beroepskracht +33,35 +34,08 .*functiemix HBO 70 % i\.p\.v\. 60 % \(tests/data/vgl-aanbieder/functiemix\.csv:2\)' &&
    has "$tmp/log/v.out" '^ +Tarief +52,53 +55,90 +\+3,37 +\+6,42 %' &&
    has "$tmp/log/v.out" '^ +Tarief +44,26 +45,68 +\+1,42' &&
    has "$tmp/log/v.out" '^2 van de 2 producten wijken af'
result $? "vergelijk: per element regio, aanbieder, verschil en oorzaak met bestand:regel" "$tmp/log/v.out"

"$T" vergelijk tests/data/vgl-regio tests/data/vgl-aanbieder --cao-map $CAO --csv - > "$tmp/v-stdout.csv" 2>&1
# the file starts with a BOM (Excel), standard output never does
[ "$(head -c 3 "$tmp/v.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] && tail -c +4 "$tmp/v.csv" | cmp -s - "$tmp/v-stdout.csv"
result $? "vergelijk --csv - schrijft dezelfde CSV naar standaarduitvoer, zonder de BOM van het bestand"

mkdir -p "$tmp/leeg"
"$T" vergelijk tests/data/vgl-regio tests/data/vgl-aanbieder-fout --cao-map $CAO \
    --csv "$tmp/leeg/v.csv" -o "$tmp/leeg/v.xlsx" > "$tmp/log/fout.out" 2> "$tmp/log/fout.err"
rc=$?
[ $rc -eq 2 ] && [ -z "$(ls -A "$tmp/leeg")" ] &&
    has "$tmp/log/fout.err" '^tests/data/vgl-aanbieder-fout/uitgangspunten\.csv:2:[0-9]+: fout: tariefjaar' &&
    has "$tmp/log/fout.err" '^tests/data/vgl-aanbieder-fout/producten\.csv:2:[0-9]+: fout: .*XYZ' &&
    has "$tmp/log/fout.err" '^tests/data/vgl-aanbieder-fout/producten\.csv:3:[0-9]+: fout: eenheid' &&
    has "$tmp/log/fout.err" '^tests/data/vgl-aanbieder-fout/functiemix\.csv:3:[0-9]+: fout: .*WO' &&
    has "$tmp/log/fout.err" '^tests/data/vgl-aanbieder-fout/functiemix\.csv:3:1: fout: functiemix van product .AMB. telt op tot 90 %' &&
    has "$tmp/log/fout.err" '^6 fouten gevonden'
result $? "vergelijk met fouten in de aanbiedermap: status 2, alle fouten met bestand:regel, niets geschreven (status $rc)" "$tmp/log/fout.err"

"$T" vergelijk tests/data/vgl-regio > /dev/null 2>&1
rc1=$?
"$T" vergelijk tests/data/vgl-regio tests/data/bestaat-niet --cao-map $CAO > /dev/null 2> "$tmp/log/nm.err"
rc2=$?
[ $rc1 -eq 2 ] && [ $rc2 -eq 2 ] && has "$tmp/log/nm.err" 'aanbiedermap niet gevonden'
result $? "vergelijk zonder of met onbekende aanbiedermap: status 2 ($rc1, $rc2)" "$tmp/log/nm.err"

# --- verschil -----------------------------------------------------------
"$T" verschil tests/data/vsch-oud tests/data/vsch-nieuw --cao-map $CAO \
    --csv "$tmp/d.csv" -o "$tmp/d.xlsx" > "$tmp/log/d.out" 2> "$tmp/log/d.err"
rc=$?
[ $rc -eq 0 ] && [ -f "$tmp/d.csv" ] && [ -f "$tmp/d.xlsx" ] && [ ! -s "$tmp/log/d.err" ]
result $? "verschil: status 0, CSV en werkboek geschreven (status $rc)" "$tmp/log/d.err"

has "$tmp/log/d.out" '^AMB +Ambulant per uur +uur +55,46 +59,22 +\+3,76 +\+6,78 %' &&
    has "$tmp/log/d.out" '^ +1 cao-salaristabellen +\+2,22 +maandsalaris HBO \(schaal 9 trede 1\)' &&
    has "$tmp/log/d.out" '^ +7 opslagen +\+0,96 +overhead 22 % i\.p\.v\. 20 % \(tests/data/vsch-nieuw/uitgangspunten\.csv:6\)' &&
    has "$tmp/log/d.out" '^ +9 indexatie +\+0,58 +indexatie 3 % i\.p\.v\. 2 %' &&
    has "$tmp/log/d.out" '^ +totaal +\+3,76' &&
    has "$tmp/log/d.out" '^ +NIEUW +Nieuw product +uur +59,22' &&
    has "$tmp/log/d.out" '^ +OUD +Vervallen product +uur +44,37'
result $? "verschil: bijdragen per groep met oorzaak, toegevoegd en vervallen" "$tmp/log/d.out"

"$T" verschil tests/data/vsch-oud tests/data/bestaat-niet --cao-map $CAO -o "$tmp/leeg/d.xlsx" \
    > /dev/null 2> "$tmp/log/d2.err"
rc=$?
[ $rc -eq 2 ] && [ -z "$(ls -A "$tmp/leeg")" ]
result $? "verschil met een ontbrekende regiomap: status 2, niets geschreven (status $rc)" "$tmp/log/d2.err"

# next year's voorbeeldregio, made from this year's
python3 - productkaarten/voorbeeldregio data/cao "$tmp/vr2026" "$tmp/cao" <<'EOF'
import os, re, shutil, sys
src, cao_src, dst, cao_dst = sys.argv[1:5]
shutil.copytree(src, dst)
shutil.copytree(cao_src, cao_dst)
os.makedirs(cao_dst + "/ghz-test-2026")
lines = open(cao_src + "/ghz-2022-05-01/salarisschalen.csv", encoding="utf-8").read().splitlines()
out = []
for i, l in enumerate(lines):
    f = l.split(";")
    if i == 0 or l.startswith("#") or len(f) < 3:
        out.append(l)
        continue
    v = float(f[2].replace(".", "").replace(",", "."))
    f[2] = ("%.2f" % round(v * 1.03 + 1e-9, 2)).replace(".", ",")
    out.append(";".join(f))
open(cao_dst + "/ghz-test-2026/salarisschalen.csv", "w", encoding="utf-8").write("\n".join(out) + "\n")
c = open(cao_src + "/ghz-2022-05-01/cao.csv", encoding="utf-8").read()
open(cao_dst + "/ghz-test-2026/cao.csv", "w", encoding="utf-8").write(
    re.sub(r"(?m)^ingangsdatum;[^;\n]*", "ingangsdatum;2025-07-01", c))
def edit(name, pairs):
    p = os.path.join(dst, name)
    t = open(p, encoding="utf-8").read()
    for a, b in pairs:
        n = len(re.findall(a, t, flags=re.M))
        if n != 1:
            raise SystemExit("%s: %r komt %d keer voor" % (name, a, n))
        t = re.sub(a, b, t, flags=re.M)
    open(p, "w", encoding="utf-8").write(t)
edit("uitgangspunten.csv", [(r"^tariefjaar;2025", "tariefjaar;2026"),
                            (r"^cao;ghz-2022-05-01", "cao;ghz-test-2026"),
                            (r"^werkgeverslasten;30%", "werkgeverslasten;31%"),
                            (r"^verzuim;6,7%", "verzuim;7%"),
                            (r"^overhead;20%", "overhead;21%"),
                            (r"^indexatie;14%", "indexatie;3,5%")])
edit("functies.csv", [(r"^MBO4;;FG 35;8;", "MBO4;;FG 35;9;")])
edit("functiemix.csv", [(r"^45A48;HBO;90%", "45A48;HBO;85%"), (r"^45A48;WO;10%", "45A48;WO;15%"),
                        (r"^46A05;.*\n", "")])
edit("producten.csv", [(r"^(43A20;[^;]*;etmaal;24;2;)8;", r"\g<1>7;"),
                       (r"^(44A10;[^;]*;etmaal;12;1;4;)35,00;15,00;", r"\g<1>37,50;15,75;"),
                       # afronding: the 15th column, after uren_per_eenheid and ten overrides
                       (r"^(45A49;[^;]*;uur;1" + ";" * 11 + ")", r"\g<1>euro"),
                       (r"^46A05;.*\n", "")])
with open(os.path.join(dst, "producten.csv"), "a", encoding="utf-8") as f:
    f.write(";".join(["45A90", "Online begeleiding (nieuw)", "uur", "1"] + [""] * 11 +
                     ["nieuw product", "aanname"]) + "\n")
with open(os.path.join(dst, "functiemix.csv"), "a", encoding="utf-8") as f:
    f.write("45A90;HBO;100%;aanname\n")
EOF
"$T" verschil productkaarten/voorbeeldregio "$tmp/vr2026" --cao-map "$tmp/cao" \
    --csv "$tmp/dv.csv" -o "$tmp/dv.xlsx" > "$tmp/log/dv.out" 2> "$tmp/log/dv.err"
rc=$?
[ $rc -eq 0 ] && [ ! -s "$tmp/log/dv.err" ]
result $? "verschil voorbeeldregio 2025 -> 2026: status 0, geen onverklaard restant (status $rc)" "$tmp/log/dv.err"

# every group column must have been used, and every row must add up
python3 - "$tmp/dv.csv" > "$tmp/log/dv.som" 2>&1 <<'EOF'
import sys
rows = [l.rstrip("\n").split(";") for l in open(sys.argv[1], encoding="utf-8")]
h = rows[0]
g0, g1 = h.index("verschil_pct") + 1, h.index("oorzaken")
c = lambda s: round(float(s.replace(",", ".")) * 100)
bad, used, st = 0, set(), {}
for r in rows[1:]:
    st[r[3]] = st.get(r[3], 0) + 1
    if r[3] != "beide":
        continue
    groups = [c(x) for x in r[g0:g1]]
    used |= {h[g0 + i] for i, x in enumerate(groups) if x}
    if sum(groups) != c(r[6]) or c(r[6]) != c(r[5]) - c(r[4]):
        print("# %s: bijdragen %s tellen op tot %d, verschil %s" % (r[0], groups, sum(groups), r[6]))
        bad += 1
missing = set(h[g0:g1]) - used
if missing:
    print("# geen bijdrage in: %s" % ", ".join(sorted(missing)))
if st != {"beide": 19, "toegevoegd": 1, "vervallen": 1}:
    print("# regels per status: %s" % st)
sys.exit(1 if bad or missing or st != {"beide": 19, "toegevoegd": 1, "vervallen": 1} else 0)
EOF
result $? "verschil voorbeeldregio: elke groep draagt bij, bijdragen tellen per product precies op" "$tmp/log/dv.som"

# --- workbooks ------------------------------------------------------------
"$T" vergelijk productkaarten/voorbeeldregio examples/aanbieder-voorbeeld --cao-map data/cao \
    -o "$tmp/vb.xlsx" > "$tmp/log/vb.out" 2>&1
result $? "vergelijk voorbeeldregio met examples/aanbieder-voorbeeld" "$tmp/log/vb.out"

"$T" verschil tests/data/vsch-vng-oud tests/data/vsch-vng-nieuw --cao-map $CAO -o "$tmp/dn.xlsx" \
    > "$tmp/log/dn.out" 2>&1
result $? "verschil met indexatie vng" "$tmp/log/dn.out"

# changed inputs: on the workbook's Invoer sheet, and the same in CSV copies
cp -r tests/data/vgl-aanbieder "$tmp/aanb"
sed -i 's/^overhead;25%/overhead;30%/' "$tmp/aanb/uitgangspunten.csv"
"$T" vergelijk tests/data/vgl-regio "$tmp/aanb" --cao-map $CAO --csv "$tmp/v-gewijzigd.csv" > /dev/null 2>&1 &&
    $cv zet "$tmp/v.xlsx" "$tmp/v-gewijzigd.xlsx" "tests/data/vgl-aanbieder/uitgangspunten.csv:3" 0.30 \
        > "$tmp/log/zet1" 2>&1
result $? "vergelijk-werkboek: overhead van de aanbieder op Invoer gewijzigd" "$tmp/log/zet1"
cp -r tests/data/vsch-nieuw "$tmp/nieuw"
sed -i 's/^overhead;22%/overhead;25%/' "$tmp/nieuw/uitgangspunten.csv"
"$T" verschil tests/data/vsch-oud "$tmp/nieuw" --cao-map $CAO --csv "$tmp/d-gewijzigd.csv" > /dev/null 2>&1 &&
    $cv zet "$tmp/d.xlsx" "$tmp/d-gewijzigd.xlsx" "tests/data/vsch-nieuw/uitgangspunten.csv:6" 0.25 \
        > "$tmp/log/zet2" 2>&1
result $? "verschil-werkboek: nieuwe overhead op Invoer gewijzigd" "$tmp/log/zet2"

# a region compared with itself: one block per product, every later one 'gelijk'
"$T" verschil productkaarten/voorbeeldregio productkaarten/voorbeeldregio --cao-map data/cao \
    --csv "$tmp/dz.csv" -o "$tmp/dz.xlsx" > "$tmp/log/dz.out" 2>&1 &&
    $cv blokken "$tmp/dz.xlsx" 1 > "$tmp/log/dz.blokken" 2>&1
result $? "verschil van een regio met zichzelf: alleen het blok oud, de andere tien groepen in één regel 'gelijk'" "$tmp/log/dz.blokken"
$cv blokken "$tmp/d.xlsx" 4 > "$tmp/log/d.blokken" 2>&1
result $? "verschil-werkboek: per product een eigen blok alleen na een groep die iets verandert (oud, 1, 7, 9)" "$tmp/log/d.blokken"

# the new salary on Invoer: one cell, shared by the Loonkosten rows of every block that uses it
cp -r $CAO "$tmp/cao-sal"
sed -i 's/^9;1;3\.900,00/9;1;4.100,00/' "$tmp/cao-sal/vgl-2025/salarisschalen.csv"
"$T" verschil tests/data/vsch-oud tests/data/vsch-nieuw --cao-map "$tmp/cao-sal" --csv "$tmp/d-salaris.csv" \
    > /dev/null 2>&1 &&
    $cv zet "$tmp/d.xlsx" "$tmp/d-salaris.xlsx" "tests/data/vgl-cao/vgl-2025/salarisschalen.csv:3" 4100 \
        > "$tmp/log/zet3" 2>&1
result $? "verschil-werkboek: nieuw maandsalaris op Invoer gewijzigd" "$tmp/log/zet3"

for wb in v vb d dv dn dz; do
    $cv literals "$tmp/$wb.xlsx" > "$tmp/log/$wb.literals" 2>&1
    result $? "werkboek $wb: geen invoerwaarde in een formule" "$tmp/log/$wb.literals"
done

. tests/lo.sh
lo_klaar "$tmp/lo-profiel" || exit 1
lo_herbereken "$tmp/lo" "$tmp/log/soffice" "$tmp/v.xlsx" "$tmp/vb.xlsx" "$tmp/d.xlsx" "$tmp/dv.xlsx" \
    "$tmp/dn.xlsx" "$tmp/dz.xlsx" "$tmp/v-gewijzigd.xlsx" "$tmp/d-gewijzigd.xlsx" "$tmp/d-salaris.xlsx"

for wb in v vb d dv dn dz; do
    if [ ! -f "$tmp/lo/$wb.xlsx" ]; then
        notok "LibreOffice herberekent werkboek $wb (geen uitvoer)"
        sed 's/^/#   /' "$tmp/log/soffice" | head -10
        continue
    fi
    $check herberekend "$tmp/$wb.xlsx" "$tmp/lo/$wb.xlsx" > "$tmp/log/$wb.herberekend" 2>&1
    result $? "LibreOffice herberekent elke formule tot de opgeslagen waarde: werkboek $wb" "$tmp/log/$wb.herberekend"
done
$cv vergelijking "$tmp/lo/v.xlsx" "$tmp/v.csv" > "$tmp/log/v.vgl" 2>&1
result $? "blad Vergelijking gelijk aan de CSV van de CLI" "$tmp/log/v.vgl"
$cv verschil "$tmp/lo/dv.xlsx" "$tmp/dv.csv" > "$tmp/log/dv.vsch" 2>&1
result $? "blad Verschil (voorbeeldregio) gelijk aan de CSV van de CLI, bijdragen tellen op" "$tmp/log/dv.vsch"
$cv verschil "$tmp/lo/dz.xlsx" "$tmp/dz.csv" > "$tmp/log/dz.vsch" 2>&1
result $? "blad Verschil (regio met zichzelf) gelijk aan de CSV van de CLI" "$tmp/log/dz.vsch"
$cv vergelijking "$tmp/lo/v-gewijzigd.xlsx" "$tmp/v-gewijzigd.csv" > "$tmp/log/vg.vgl" 2>&1 &&
    ! cmp -s "$tmp/v.csv" "$tmp/v-gewijzigd.csv"
result $? "invoercel gewijzigd en herberekend: Vergelijking gelijk aan de CLI met gewijzigde aanbiedermap" "$tmp/log/vg.vgl"
$cv verschil "$tmp/lo/d-gewijzigd.xlsx" "$tmp/d-gewijzigd.csv" > "$tmp/log/dg.vsch" 2>&1 &&
    ! cmp -s "$tmp/d.csv" "$tmp/d-gewijzigd.csv"
result $? "invoercel gewijzigd en herberekend: Verschil gelijk aan de CLI met gewijzigde nieuwe versie" "$tmp/log/dg.vsch"
$cv verschil "$tmp/lo/d-salaris.xlsx" "$tmp/d-salaris.csv" > "$tmp/log/ds.vsch" 2>&1 &&
    ! cmp -s "$tmp/d.csv" "$tmp/d-salaris.csv"
result $? "nieuw maandsalaris gewijzigd en herberekend (Loonkosten gedeeld): Verschil gelijk aan de CLI met gewijzigde cao" "$tmp/log/ds.vsch"

[ $failed -eq 0 ]
