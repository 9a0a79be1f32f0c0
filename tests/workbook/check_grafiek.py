#!/usr/bin/env python3
"""Checks on the charts and the printout of the three workbooks (issue 13).

Python 3 standard library only; reuses xlsx.py and check.py beside it. Each
subcommand exits 0 when the check holds, 1 otherwise, printing "# ..." lines.

  bereken WERKBOEK.xlsx
      sheet Grafiek holds one native chart whose series refer to Tarieven:
      categories the codes A2:A(m+1), values one element column each
      (D..M, rows 2..m+1), m = the products, at most 50; every element that
      is not zero for one of those products has its series
  vergelijk WERKBOEK.xlsx
      sheet Grafiek holds a chart per product (at most 12), each with the
      series regio (column E) and aanbieder (F) over the product's element
      rows of Vergelijking, the categories the element names (D)
  verschil WERKBOEK.xlsx
      sheet Grafiek holds one chart with a series per cause: every column of
      Verschil between "verschil %" and "som bijdragen", rows 2..m+1
  pagina1 WERKBOEK.xlsx PAGINA1.txt
      the text of the first printed page (pdftotext -layout of
      LibreOffice's PDF) holds every product of Tarieven on a line with its
      code and its tariff as shown (in either decimal notation)
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check  # noqa: E402
import xlsx  # noqa: E402

problem = check.problem
finish = check.finish


def rng(sheet, col, a, b):
    return "%s!$%s$%d:$%s$%d" % (sheet, col, a, col, b)


def grafieken(path):
    g = xlsx.charts(path).get("Grafiek")
    if not g:
        problem("geen grafiek op het blad Grafiek")
        finish("grafiek ontbreekt")
    return g


def bereken(path):
    t = xlsx.read_dict(path)["Tarieven"]
    h = t.header()
    rijen = check.tarief_rijen(t, h["code"])
    m = min(50, len(rijen))
    g = grafieken(path)
    if len(g) != 1:
        problem("%d grafieken op Grafiek, verwacht 1" % len(g))
    series = g[0]["series"]
    ecols = check.element_kolommen(h)
    by_col = {}
    for s in series:
        if s["cat"] != rng("Tarieven", "A", 2, m + 1):
            problem("reeks %s: categorie\u00ebn %s, verwacht %s" % (s["name"], s["cat"], rng("Tarieven", "A", 2, m + 1)))
        mt = re.match(r"^Tarieven!\$([A-Z]+)\$2:\$\1\$%d$" % (m + 1), s["val"] or "")
        if not mt:
            problem("reeks %s: waarden %s, verwacht een kolom van Tarieven, rij 2 tot %d" % (s["name"], s["val"], m + 1))
            continue
        col = [c for c in ecols if xlsx.col_name(c) == mt.group(1)]
        if not col:
            problem("reeks %s: kolom %s is geen elementkolom van Tarieven" % (s["name"], mt.group(1)))
            continue
        kop = [k for k, c in h.items() if c == col[0]][0]
        if s["name"] != kop.split("\n")[0]:
            problem("reeks in kolom %s heet %r, de kop is %r" % (mt.group(1), s["name"], kop.split("\n")[0]))
        by_col[col[0]] = s
    for c in ecols:
        kop = [k for k, cc in h.items() if cc == c][0]
        if kop.startswith("Afrondingsverschil"):
            continue
        if c not in by_col and any(abs(t.get(r, c).value or 0) > 0 for r in rijen[:m]):
            problem("element %s ontbreekt in de grafiek" % kop.split("\n")[0])
    finish("Grafiek: %d reeksen over Tarieven!A2:A%d (%d producten)" % (len(series), m + 1, m))


def vergelijk(path):
    v = xlsx.read_dict(path)["Vergelijking"]
    h = v.header()
    el, reg, aan = (xlsx.col_name(h[k]) for k in ("element", "regio", "aanbieder"))
    # a product is its element rows and then its row "Tarief"
    starts, r = [], 1
    while r < v.nrows() and v.text(r, 0):
        starts.append(r)
        while r < v.nrows() and v.text(r, h["element"]) != "Tarief":
            r += 1
        r += 1
    g = grafieken(path)
    want = min(12, len(starts))
    if len(g) != want:
        problem("%d grafieken op Grafiek, verwacht %d (een per product, hoogstens 12)" % (len(g), want))
    for i, c in enumerate(g[:want]):
        a = starts[i] + 1  # 1-based first element row
        tarief = starts[i + 1] - 1 if i + 1 < len(starts) else r - 1  # 0-based row "Tarief"
        last = tarief  # 1-based: the element row above it (the tarief is not charted)
        names = [s["name"] for s in c["series"]]
        if names != ["Vergelijking!$%s$1" % reg, "Vergelijking!$%s$1" % aan]:
            problem("grafiek %d: reeksen %r, verwacht regio en aanbieder" % (i + 1, names))
        for s, col in zip(c["series"], (reg, aan)):
            if s["cat"] != rng("Vergelijking", el, a, last) or s["val"] != rng("Vergelijking", col, a, last):
                problem("grafiek %d: %s / %s, verwacht %s / %s" % (i + 1, s["cat"], s["val"],
                                                                  rng("Vergelijking", el, a, last),
                                                                  rng("Vergelijking", col, a, last)))
    finish("Grafiek: %d grafieken, regio en aanbieder per element" % len(g))


def verschil(path):
    d = xlsx.read_dict(path)["Verschil"]
    h = d.header()
    lo, hi = h["verschil %"], h["som bijdragen"]
    groepen = [c for c in sorted(h.values()) if lo < c < hi]
    n = 0
    while n + 1 < d.nrows() and d.text(n + 1, h["code"]):
        n += 1
    m = min(50, n)
    g = grafieken(path)
    if len(g) != 1:
        problem("%d grafieken op Grafiek, verwacht 1" % len(g))
    series = g[0]["series"]
    if len(series) != len(groepen):
        problem("%d reeksen, verwacht een per oorzaak (%d)" % (len(series), len(groepen)))
    for s, c in zip(series, groepen):
        col = xlsx.col_name(c)
        if s["name"] != "Verschil!$%s$1" % col or s["val"] != rng("Verschil", col, 2, m + 1) or \
                s["cat"] != rng("Verschil", xlsx.col_name(h["code"]), 2, m + 1):
            problem("reeks %r: %s / %s, verwacht kolom %s rij 2 tot %d" % (s["name"], s["cat"], s["val"], col, m + 1))
    finish("Grafiek: %d reeksen, een per oorzaak, %d producten" % (len(series), m))


def pagina1(path, txt):
    t = xlsx.read_dict(path)["Tarieven"]
    h = t.header()
    with open(txt, encoding="utf-8") as f:
        lines = f.read().splitlines()
    n = 0
    for r in check.tarief_rijen(t, h["code"]):
        code = t.text(r, h["code"])
        v = t.get(r, h["tarief"]).value
        whole, frac = ("%.2f" % v).split(".")
        groups = "{:,}".format(int(whole))
        shown = {groups + "." + frac, groups.replace(",", ".") + "," + frac}
        if not any(re.match(r"^\s*%s\s" % re.escape(code), ln) and any(s in ln for s in shown) for ln in lines):
            problem("pagina 1: geen regel met %s en tarief %s" % (code, " of ".join(sorted(shown))))
        n += 1
    if n == 0:
        problem("geen producten op Tarieven")
    finish("pagina 1 van de afdruk: alle %d producten met hun tarief" % n)


def main(argv):
    cmds = {"bereken": (bereken, 1), "vergelijk": (vergelijk, 1), "verschil": (verschil, 1),
            "pagina1": (pagina1, 2)}
    if len(argv) < 2 or argv[1] not in cmds or len(argv) - 2 != cmds[argv[1]][1]:
        print(__doc__)
        return 2
    cmds[argv[1]][0](*argv[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
