#!/bin/sh
# `tarief publiceer`: the HTML onderbouwing, tested in a real engine.
# Debian's headless chromium loads the document with every host name
# unresolvable and a network log, and prints it to PDF; pdftotext of that
# PDF must hold every product's tariff exactly as `bereken --csv` gives it,
# on page 1 (the list) and at the top of the product's own page. The static
# checks and the network log show that the document requests nothing.
# Expected tariffs: the hand-calculated ones of tests/unit/test_compute.c
# (region tests/data/hand-basis) and the verschil of tests/layer-vergelijk.sh.
. "$(dirname "$0")/tap.sh"
HB=$T/tests/data/hand-basis
CM=$T/tests/data/hand-cao
VCAO=$T/tests/data/vgl-cao
export SOURCE_DATE_EPOCH=1764806400 # 4 december 2025, 00:00 UTC

for p in chromium pdftotext python3 tidy; do
    if ! command -v $p > /dev/null 2>&1; then
        nok "$p ontbreekt" "installeer met: sh tools/install-deps.sh --test"
        exit 1
    fi
done

# chromium with its own profile (parallel runs), no network: every name
# resolves to nothing, background services off, the network log on.
chr() { # out-name, url, extra options...
    _n=$1; _u=$2; shift 2
    timeout 180 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$tmp/profiel-$_n" \
        --disable-background-networking --disable-component-update --disable-sync \
        --host-resolver-rules="MAP * ~NOTFOUND" --log-net-log="$tmp/$_n.netlog" --net-log-capture-mode=Everything \
        "$@" "$_u" > "$tmp/$_n.chr.out" 2> "$tmp/$_n.chr.err"
}

# Requests the page made: URL requests with an initiator (the page's
# origin; the browser's own have "not an origin"), except file: and data:.
paginaverzoeken() {
    python3 - "$1" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
types = {v: k for k, v in d["constants"]["logEventTypes"].items()}
for e in d["events"]:
    if types.get(e["type"]) == "URL_REQUEST_START_JOB" and e.get("phase") == 1:
        p = e.get("params", {})
        url, ini = p.get("url", ""), p.get("initiator", "")
        if ini != "not an origin" and not url.startswith(("file:", "data:")):
            print(url)
EOF
}

# --- command line -----------------------------------------------------------
run publiceer --help
check "publiceer --help: afsluitcode 0 en gebruiksregel" sh -c "[ $rc -eq 0 ] && grep -q '^gebruik: tarief publiceer' '$tmp/out'"
run --help
check "tarief --help noemt publiceer" grep -q "publiceer" "$tmp/out"
run publiceer
check "publiceer zonder regiomap: afsluitcode 2" sh -c "[ $rc -eq 2 ] && grep -q 'regiomap ontbreekt' '$tmp/err'"
run publiceer "$HB" --vorig
check "--vorig zonder waarde: afsluitcode 2" sh -c "[ $rc -eq 2 ] && grep -q 'optie --vorig verwacht een waarde' '$tmp/err'"
run publiceer "$HB" --csv x.csv
check "--csv hoort niet bij publiceer: afsluitcode 2" sh -c "[ $rc -eq 2 ] && grep -q 'hoort niet bij deze opdracht' '$tmp/err'"

mkdir -p "$tmp/werk"
(cd "$tmp/werk" && "$BIN" publiceer "$HB" --cao-map "$CM" > "$tmp/out" 2> "$tmp/err"); rc=$?
H=$tmp/werk/onderbouwing-hand-basis-2025.html
check "publiceer: afsluitcode 0, standaardnaam onderbouwing-<regio-map>-<tariefjaar>.html" \
    sh -c "[ $rc -eq 0 ] && [ -s '$H' ] && [ ! -s '$tmp/err' ] && grep -q 'Onderbouwing geschreven: onderbouwing-hand-basis-2025.html' '$tmp/out'"
run bereken "$HB" --cao-map "$CM" --geen-werkboek --csv "$tmp/t.csv"
check "bereken --csv voor de vergelijking" test "$rc" -eq 0
check "hand-basis: UUR 42,53 en ETMAAL 491,13 (met de hand, test_compute.c)" \
    sh -c "grep -q '^UUR;.*;42,53;' '$tmp/t.csv' && grep -q '^ETMAAL;.*;491,13;' '$tmp/t.csv'"

# --- static: nothing that loads anything --------------------------------------
check "lang=\"nl\" en utf-8" sh -c "grep -q '<html lang=\"nl\">' '$H' && grep -q '<meta charset=\"utf-8\">' '$H'"
check "strikte Content-Security-Policy" grep -qF "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">" "$H"
if grep -inE "http:|https:|//|src=|url\(|@import|<script|<link|<img|<iframe|<object|<embed|<base" "$H" > "$tmp/statisch"; then
    nok "geen verwijzing naar buiten (http:, //, src=, url(, script, link, img ...)" "$(head -5 "$tmp/statisch")"
else
    ok "geen verwijzing naar buiten (http:, //, src=, url(, script, link, img ...)"
fi

# --- validity and accessibility -------------------------------------------------
tidy -errors -q "$H" > "$tmp/tidy.out" 2>&1
if [ $? -eq 0 ] && [ ! -s "$tmp/tidy.out" ]; then ok "tidy: geen fouten en geen waarschuwingen"
else nok "tidy: geen fouten en geen waarschuwingen" "$(head -8 "$tmp/tidy.out")"; fi
python3 - "$H" > "$tmp/struct.out" 2>&1 <<'EOF'
# Strict structure: every element closed in order, unique ids, references
# that exist, th with scope, charts with role="img" and a text alternative,
# headings without skipped levels, internal links only.
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr", "rect", "line", "path", "circle"}
class P(HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True)
        s.stack, s.ids, s.refs, s.errors, s.level, s.svg = [], set(), [], [], 0, None
    def err(s, m): s.errors.append("regel %d: %s" % (s.getpos()[0], m))
    def handle_starttag(s, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            if a["id"] in s.ids: s.err("dubbele id " + a["id"])
            s.ids.add(a["id"])
        for k in ("aria-labelledby",):
            if k in a: s.refs += a[k].split()
        if "href" in a:
            if not a["href"].startswith("#"): s.err("link naar buiten: " + a["href"])
            else: s.refs.append(a["href"][1:])
        if tag == "th" and a.get("scope") not in ("col", "row", "colgroup", "rowgroup"):
            s.err("th zonder scope")
        if tag == "svg":
            if a.get("role") != "img" or not (a.get("aria-label") or a.get("aria-labelledby")):
                s.err("svg zonder role=img en aria-label")
            s.svg = {"title": False, "desc": False}
        if s.svg is not None and tag in ("title", "desc"): s.svg[tag] = True
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            l = int(tag[1])
            if l > s.level + 1: s.err("kop h%d na h%d" % (l, s.level))
            s.level = l
        if tag not in VOID: s.stack.append(tag)
    def handle_startendtag(s, tag, attrs):
        s.handle_starttag(tag, attrs)
        if tag not in VOID: s.stack.pop()
    def handle_endtag(s, tag):
        if tag in VOID: return
        if not s.stack or s.stack[-1] != tag:
            s.err("</%s> sluit %s" % (tag, s.stack[-1] if s.stack else "niets")); return
        s.stack.pop()
        if tag == "svg":
            if not (s.svg["title"] and s.svg["desc"]): s.err("svg zonder title en desc")
            s.svg = None
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read()); p.close()
if p.stack: p.err("niet gesloten: " + " ".join(p.stack))
for r in p.refs:
    if r not in p.ids: p.errors.append("verwijzing naar onbekende id " + r)
if p.errors: print("\n".join(p.errors[:10]))
sys.exit(1 if p.errors else 0)
EOF
check "structuur: alles gesloten, unieke ids, th scope, grafieken met role=img, aria-label, title en desc, koppen op volgorde" test $? -eq 0
[ -s "$tmp/struct.out" ] && sed 's/^/#   /' "$tmp/struct.out"
nsvg=$(grep -c '<svg class="grafiek"' "$H")
ntab=$(grep -c '<table class="opbouw">' "$H")
check "per product een grafiek en een tabel van de opbouw (12 en 12: $nsvg, $ntab)" sh -c "[ $nsvg -eq 12 ] && [ $ntab -eq 12 ]"

# --- the engine: load offline, print to PDF -------------------------------------
chr doc "file://$H" --no-pdf-header-footer --print-to-pdf="$tmp/doc.pdf"
check "chromium print het document naar PDF" test -s "$tmp/doc.pdf"
paginaverzoeken "$tmp/doc.netlog" > "$tmp/doc.verzoeken"
check "netwerklog: het document deed geen enkel verzoek" sh -c "[ -s '$tmp/doc.netlog' ] && [ ! -s '$tmp/doc.verzoeken' ]"
# the same log catches a page that does load something (the check can fail)
printf '<!DOCTYPE html><html lang="nl"><head><title>x</title><style>body{background:url(http://a.invalid/b.png)}</style></head><body><img src="https://c.invalid/d.png" alt="x"></body></html>\n' > "$tmp/lek.html"
chr lek "file://$tmp/lek.html" --no-pdf-header-footer --print-to-pdf="$tmp/lek.pdf"
paginaverzoeken "$tmp/lek.netlog" > "$tmp/lek.verzoeken"
check "controle: dezelfde netwerklog ziet de verzoeken van een pagina die wel iets laadt" \
    sh -c "grep -q 'a.invalid/b.png' '$tmp/lek.verzoeken' && grep -q 'c.invalid/d.png' '$tmp/lek.verzoeken'"

pdftotext -layout "$tmp/doc.pdf" "$tmp/doc.txt"
pdftotext -layout -f 1 -l 1 "$tmp/doc.pdf" "$tmp/p1.txt"
fout=""
tail -n +2 "$tmp/t.csv" | cut -d';' -f1,4 | tr ';' ' ' > "$tmp/tarieven"
while read -r code tarief; do
    grep -qE "^ *$code +.* € $tarief *$" "$tmp/p1.txt" || fout="$fout $code(lijst)"
    grep -qF "Tarief $code: € $tarief per " "$tmp/doc.txt" || fout="$fout $code(product)"
done < "$tmp/tarieven"
check "geprinte PDF: elk tarief gelijk aan de CSV, op pagina 1 en bij het product (12 producten)$fout" \
    sh -c "[ -z '$fout' ] && [ $(wc -l < "$tmp/tarieven") -eq 12 ]"
# each product starts a page: its heading is the first line of a page
# (pdftotext separates the pages with a form feed)
awk 'BEGIN { RS = "\f" } { n = split($0, l, "\n"); for (i = 1; i <= n; i++) if (l[i] ~ /[^ ]/) { sub(/^ +/, "", l[i]); print l[i]; break } }' \
    "$tmp/doc.txt" > "$tmp/paginakoppen"
fout=""
while read -r code tarief; do
    grep -q "^$code — " "$tmp/paginakoppen" || fout="$fout $code"
done < "$tmp/tarieven"
check "print: elk product begint op een eigen pagina (kop bovenaan)$fout" test -z "$fout"
check "PDF: paginanummers in de voet (pagina 1 van $pages)" grep -q "pagina 1 van $pages" "$tmp/p1.txt"
check "PDF: de hele afleiding (stap 1 en stap 17), NvO-letters en bronnen" \
    sh -c "grep -q 'Afleiding stap voor stap' '$tmp/doc.txt' && grep -qE '^ *17 +afronding' '$tmp/doc.txt' && grep -q 'Wmo art. 5.4 lid 3' '$tmp/doc.txt' && grep -q 'hand-cao/hand-a/salarisschalen.csv:' '$tmp/doc.txt'"
check "PDF: datum uit SOURCE_DATE_EPOCH (4 december 2025)" grep -q "4 december 2025" "$tmp/doc.txt"
fout=""
for f in uitgangspunten functies producten functiemix; do
    s=$(sha256sum "$HB/$f.csv" | cut -c1-64)
    grep -q "$s" "$H" || fout="$fout $f.csv"
done
check "controlegetallen: de SHA-256 van elk invoerbestand staat erin$fout" test -z "$fout"

# --- the derivation is uitleg's ----------------------------------------------------
run uitleg "$HB" UUR --cao-map "$CM"
fout=""
grep -E '^ +stap +[0-9]+ ' "$tmp/out" | sed -E 's/^ +stap +[0-9]+ +//; s/ +\[.*//' > "$tmp/labels"
while read -r label; do
    grep -qF "$label" "$H" || fout="$fout '$label'"
done < "$tmp/labels"
check "elke stap van uitleg UUR staat in het document$fout" sh -c "[ -z \"$fout\" ] && [ $(wc -l < "$tmp/labels") -ge 17 ]"

# --- reproducible, atomic, errors ---------------------------------------------------
"$BIN" publiceer "$HB" --cao-map "$CM" -o "$tmp/twee.html" > /dev/null 2>&1
check "reproduceerbaar: met SOURCE_DATE_EPOCH twee keer dezelfde bytes" cmp -s "$H" "$tmp/twee.html"
SOURCE_DATE_EPOCH=gisteren "$BIN" publiceer "$HB" --cao-map "$CM" -o "$tmp/sde.html" > /dev/null 2> "$tmp/err"; rc=$?
check "ongeldige SOURCE_DATE_EPOCH: foutmelding, niets geschreven" sh -c "[ $rc -ne 0 ] && [ ! -e '$tmp/sde.html' ] && grep -q 'SOURCE_DATE_EPOCH' '$tmp/err'"
echo oud > "$tmp/bestaat.html"
run publiceer "$T/tests/data/load-fouten" --cao-map "$CM" -o "$tmp/bestaat.html"
check "ongeldige invoer: afsluitcode 2, bestand:regel:kolom, bestaand bestand onaangeroerd" \
    sh -c "[ $rc -eq 2 ] && grep -qE '\.csv:[0-9]+:[0-9]+: fout: ' '$tmp/err' && [ \"\$(cat '$tmp/bestaat.html')\" = oud ]"
run publiceer "$HB" --cao-map "$CM" -o "$tmp/bestaat-niet/x.html"
check "map bestaat niet: afsluitcode 3, melding" sh -c "[ $rc -eq 3 ] && grep -q 'kan het document niet schrijven' '$tmp/err'"
cp -r "$HB" "$tmp/hb"
run publiceer "$tmp/hb" --cao-map "$CM" -o "$tmp/hb/producten.csv"
check "uitvoer op een invoerbestand: afsluitcode 2, invoer heel" sh -c "[ $rc -eq 2 ] && cmp -s '$HB/producten.csv' '$tmp/hb/producten.csv'"

# --- every input string escaped ------------------------------------------------------
sed 's/^UUR;[^;]*;/UUR;"<script>alert(1)<\/script> \& ""x"" <b>";/' "$HB/producten.csv" > "$tmp/hb/producten.csv"
run publiceer "$tmp/hb" --cao-map "$CM" -o "$tmp/esc.html"
check "naam met <script>, & en \": afsluitcode 0 en ontsnapt" \
    sh -c "[ $rc -eq 0 ] && grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &lt;b&gt;' '$tmp/esc.html' && ! grep -q '<script\|<b>' '$tmp/esc.html'"

# --- --vorig: waarom bewoog het tarief -------------------------------------------------
run publiceer "$T/tests/data/vsch-nieuw" --vorig "$T/tests/data/vsch-oud" --cao-map "$VCAO" -o "$tmp/v.html"
check "--vorig: afsluitcode 0" test "$rc" -eq 0
chr vorig "file://$tmp/v.html" --no-pdf-header-footer --print-to-pdf="$tmp/v.pdf"
pdftotext -layout "$tmp/v.pdf" "$tmp/v.txt"
# 59,22 - 55,46 = 3,76 = 2,22 + 0,96 + 0,58; 57,67 - 54,57 = 3,10 = 1,77 + 0,77 + 0,56
check "--vorig: AMB 55,46 -> 59,22, +3,76 = cao +2,22, opslagen +0,96, indexatie +0,58" \
    sh -c "grep -q 'Tarief 2025: € 55,46; tarief 2026: € 59,22; verschil +3,76 (+6,78 %)' '$tmp/v.txt' &&
           grep -qE '^ *1 cao-salaristabellen +\+2,22 +maandsalaris HBO' '$tmp/v.txt' &&
           grep -qE '^ *7 opslagen +\+0,96 +overhead 22 % i\.p\.v\. 20 %' '$tmp/v.txt' &&
           grep -qE '^ *9 indexatie +\+0,58 +indexatie 3 % i\.p\.v\. 2 %' '$tmp/v.txt' && grep -qE '^ *Totaal +\+3,76' '$tmp/v.txt'"
check "--vorig: GRP +3,10 = +1,77 + 0,77 + 0,56" \
    sh -c "grep -q 'tarief 2026: € 57,67; verschil +3,10' '$tmp/v.txt' && grep -qE '^ *Totaal +\+3,10' '$tmp/v.txt' &&
           grep -qE '\+1,77' '$tmp/v.txt' && grep -qE '\+0,77' '$tmp/v.txt' && grep -qE '\+0,56' '$tmp/v.txt'"
check "--vorig: nieuw product NIEUW en vervallen OUD (44,37) genoemd" \
    sh -c "grep -q 'Nieuw product: het stond niet in de vorige versie' '$tmp/v.txt' && grep -q 'OUD Vervallen product (€ 44,37 per uur)' '$tmp/v.txt'"
paginaverzoeken "$tmp/vorig.netlog" > "$tmp/vorig.verzoeken"
check "--vorig: netwerklog leeg" sh -c "[ -s '$tmp/vorig.netlog' ] && [ ! -s '$tmp/vorig.verzoeken' ]"
check "--vorig: controlegetallen van beide versies" sh -c "grep -q \"\$(sha256sum '$T/tests/data/vsch-oud/producten.csv' | cut -c1-64)\" '$tmp/v.html'"

echo "1..$n"
