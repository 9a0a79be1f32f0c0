#!/bin/sh
# Layer: `tarief vergelijk --oorzaken` through the CLI: the contribution of
# every cause per element (amounts worked out by hand in
# tests/unit/test_oorzaken.c on tests/data/oorz-regio / oorz-aanbieder).
#  - the CSV code;element;oorzaak;bijdrage with the hand-worked rows
#  - per product and element the contributions add up EXACTLY to the
#    difference of the amounts in the CSV of --csv (test regions and the
#    voorbeeldregio with examples/aanbieder-voorbeeld)
#  - the same inputs in another file order give the same contributions
#  - the table starts with one line per product; contributions under each element
#  - written with the other outputs or not at all; wrong calls exit 2
. "$(dirname "$0")/tap.sh"
cd "$T" || exit 3
R=tests/data/oorz-regio
A=tests/data/oorz-aanbieder
CM=tests/data/hand-cao

run vergelijk "$R" "$A" --cao-map "$CM" --oorzaken "$tmp/o.csv" --csv "$tmp/v.csv"
check "vergelijk --oorzaken: exit 0, beide bestanden geschreven" sh -c "[ $rc -eq 0 ] && [ -f '$tmp/o.csv' ] && [ -f '$tmp/v.csv' ]"
check "oorzaken: kopregel (na de BOM)" sh -c "head -c 3 '$tmp/o.csv' | od -An -tx1 | grep -q 'ef bb bf' && sed '1s/^\xEF\xBB\xBF//' '$tmp/o.csv' | head -1 | grep -qx 'code;element;oorzaak;bijdrage'"
check "oorzaken UUR overhead: overhead +2,045334 met bestand:regel (met de hand)" \
    grep -qx 'UUR;overhead;overhead 25 % i.p.v. 20 % (tests/data/oorz-aanbieder/uitgangspunten.csv:3);2,045334' "$tmp/o.csv"
check "oorzaken UUR tarief: werkgeverslasten +1,77, productiviteit +3,07, overhead +2,04 in vaste volgorde" \
    sh -c "grep '^UUR;tarief;' '$tmp/o.csv' | cut -d';' -f4 | tr '\n' ' ' | grep -qx '1,77 3,07 2,04 '"
check "oorzaken MIX: de functiemix is één oorzaak, +0,76 aan het tarief" \
    grep -qx 'MIX;tarief;functiemix HBO 60 % i.p.v. 50 %, MBO 40 % i.p.v. 50 % (tests/data/oorz-aanbieder/functiemix.csv:2);0,76' "$tmp/o.csv"

# the sum of the contributions of each element is exactly aanbieder − regio
# of the --csv of vergelijk (six decimals, the tariff two), as integers
sluit() {
    python3 - "$1" "$2" <<'PY'
import csv, sys
def geheel(s):
    s = s.strip()
    neg = s.startswith("-")
    a, _, b = s.lstrip("-").partition(",")
    v = int(a) * 10 ** 6 + int((b + "000000")[:6])
    return -v if neg else v
som = {}
with open(sys.argv[1], encoding="utf-8-sig") as f:
    for r in csv.DictReader(f, delimiter=";"):
        k = (r["code"], r["element"])
        som[k] = som.get(k, 0) + geheel(r["bijdrage"])
bad = 0
n = 0
with open(sys.argv[2], encoding="utf-8-sig") as f:
    for r in csv.DictReader(f, delimiter=";"):
        k = (r["code"], r["element"])
        want = geheel(r["aanbieder"]) - geheel(r["regio"])
        got = som.pop(k, 0)
        n += 1
        if got != want:
            print("# %s %s: som bijdragen %d, verschil %d (miljoensten)" % (k[0], k[1], got, want))
            bad += 1
for k in som:
    print("# %s %s: bijdragen zonder regel in de vergelijking" % k)
    bad += 1
print("# %d elementen en tarieven nagelopen" % n)
sys.exit(1 if bad else 0)
PY
}
check "oorzaken: de bijdragen van elk element tellen precies op tot zijn verschil (testregio)" sluit "$tmp/o.csv" "$tmp/v.csv"
run vergelijk productkaarten/voorbeeldregio examples/aanbieder-voorbeeld --cao-map data/cao --oorzaken "$tmp/vo.csv" --csv "$tmp/vv.csv"
check "oorzaken voorbeeldregio: exit 0" test "$rc" -eq 0
check "oorzaken voorbeeldregio: elk element telt precies op" sluit "$tmp/vo.csv" "$tmp/vv.csv"

run vergelijk "$R" tests/data/oorz-aanbieder-omgekeerd --cao-map "$CM" --oorzaken "$tmp/om.csv"
sed -e 's/csv:[0-9]*)/csv)/' -e 's/oorz-aanbieder-omgekeerd/oorz-aanbieder/' "$tmp/om.csv" > "$tmp/om2.csv"
sed -e 's/csv:[0-9]*)/csv)/' "$tmp/o.csv" > "$tmp/o2.csv"
check "oorzaken: andere volgorde van de regels in de bestanden, dezelfde bijdragen in dezelfde volgorde" cmp -s "$tmp/o2.csv" "$tmp/om2.csv"

run vergelijk "$R" "$A" --cao-map "$CM"
check "tabel: eerst één regel per product met de oorzaken, grootste eerst" \
    sh -c "grep -n '' '$tmp/out' | grep -E '^[0-9]+:  UUR +44,25 → 51,13 +\+6,88  productiviteit 75 % i.p.v. 80 % \+3,07; overhead 25 % i.p.v. 20 % \+2,04; werkgeverslasten 30 % i.p.v. 25 % \+1,77$' | cut -d: -f1 > '$tmp/nr' && [ -s '$tmp/nr' ] && [ \$(cat '$tmp/nr') -lt \$(grep -n '^UUR  Ambulant hbo' '$tmp/out' | cut -d: -f1) ]"
check "tabel: onder het element de bijdrage per oorzaak" \
    grep -Eq '^ +\+2,045334  ← overhead 25 % i\.p\.v\. 20 % \(tests/data/oorz-aanbieder/uitgangspunten\.csv:3\)$' "$tmp/out"

run vergelijk "$R" "$A" --cao-map "$CM" --oorzaken -
zonder_bom "$tmp/o.csv" > "$tmp/o0.csv"
check "--oorzaken - schrijft dezelfde CSV naar standaarduitvoer (zonder BOM)" cmp -s "$tmp/out" "$tmp/o0.csv"

# not written unless everything is
run vergelijk "$R" "$A" --cao-map "$CM" --oorzaken "$tmp/o3.csv" -o "$tmp/bestaat-niet/v.xlsx"
check "werkboek mislukt: exit 3 en ook geen oorzakenbestand" sh -c "[ $rc -eq 3 ] && [ ! -e '$tmp/o3.csv' ]"
run vergelijk "$R" "$A" --cao-map "$CM" --oorzaken "$A/uitgangspunten.csv"
check "--oorzaken op een invoerbestand: exit 2" test "$rc" -eq 2
check "--oorzaken op een invoerbestand: het bestand is niet aangeraakt" grep -q '^overhead;25%;eigen jaarrekening$' "$A/uitgangspunten.csv"
run vergelijk "$R" "$A" --cao-map "$CM" --oorzaken - --csv -
check "--oorzaken - met --csv -: exit 2" test "$rc" -eq 2
run vergelijk "$R" "$A" --cao-map "$CM" --oorzaken
check "--oorzaken zonder bestand: exit 2" test "$rc" -eq 2
run vergelijk --help
check "--help noemt --oorzaken" grep -q -- '--oorzaken BESTAND.csv' "$tmp/out"

echo "1..$n"
[ "$failed" -eq 0 ]
