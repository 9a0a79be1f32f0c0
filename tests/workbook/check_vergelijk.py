#!/usr/bin/env python3
"""Checks on the workbooks of `tarief vergelijk -o` and `tarief verschil -o`.

Python 3 standard library only; reuses xlsx.py and check.py beside it. Each
subcommand exits 0 when the check holds, 1 otherwise, printing "# ..." lines.

  literals WERKBOEK.xlsx
      no formula contains a number other than the method's own constants
      (an input value baked into a formula would not move with its cell)
  zet WERKBOEK.xlsx UIT.xlsx VINDPLAATS WAARDE
      copy with a new value in the Invoer cell whose vindplaats (column C) is
      VINDPLAATS, e.g. "tests/data/vgl-aanbieder/uitgangspunten.csv:3"
  vergelijking HERBEREKEND.xlsx CLI.csv
      the Vergelijking sheet (regio and aanbieder per product per element)
      equals the CSV of `tarief vergelijk --csv`: elements to 1e-6, tarief
      to the cent
  verschil HERBEREKEND.xlsx CLI.csv
      the Verschil sheet (oud, nieuw and every contribution) equals the CSV of
      `tarief verschil --csv` to the cent, and the contributions sum to it
  blokken WERKBOEK.xlsx N
      the Berekening sheet of a verschil workbook: per product exactly N
      blocks with a calculation of their own (the first 'oud'); the other
      groups in rows 'gelijk' (one per run of consecutive equal groups) whose
      tariff is that of the row before; together the eleven positions; every
      functie row takes its C_f from Loonkosten
"""
import math
import re
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check  # noqa: E402
import xlsx  # noqa: E402

problem = check.problem
finish = check.finish


def nl(s):
    return float(s.replace(".", "").replace(",", ".")) if s else None


def cents(x):
    return int(math.floor(x * 100 + 0.5)) if x >= 0 else -int(math.floor(-x * 100 + 0.5))


def literals(path):
    n = 0
    for name, sheet in xlsx.read_dict(path).items():
        for ref, cell in sheet.cells.items():
            if cell.formula is None:
                continue
            n += 1
            bad = [x for x in check.literals(cell.formula) if x not in check.ALLOWED_LITERALS]
            if bad:
                problem("%s!%s: getal %s in de formule =%s" % (name, ref, ", ".join(bad), cell.formula))
    if n == 0:
        problem("geen formules gevonden")
    finish("%d formules zonder ingebakken invoerwaarden" % n)


def zet(path, out, vindplaats, waarde):
    inv = xlsx.read_dict(path)["Invoer"]
    rows = [r for r in range(inv.nrows()) if inv.text(r, 2) == vindplaats]
    if len(rows) != 1:
        raise SystemExit("vindplaats %s: %d cellen op Invoer" % (vindplaats, len(rows)))
    ref = "B%d" % (rows[0] + 1)
    xlsx.set_numbers(path, out, {"Invoer": {ref: float(waarde)}})
    print("# Invoer!%s (%s) = %s" % (ref, vindplaats, waarde))


def read_cli_csv(path):
    _, header, rows = check.read_csv(path)
    return header, [dict(zip(header, f)) for _, f in rows]


def vergelijking(recalc, csv_path):
    ws = xlsx.read_dict(recalc)["Vergelijking"]
    h = ws.header()
    labels = {}
    for r in range(1, ws.nrows()):
        code = ws.text(r, h["code"])
        if code:
            labels.setdefault(code, []).append(r)
    _, rows = read_cli_csv(csv_path)
    per_code = {}
    for row in rows:
        per_code.setdefault(row["code"], []).append(row)
    n = 0
    for code, csv_rows in per_code.items():
        sheet_rows = labels.get(code, [])
        if len(sheet_rows) != len(csv_rows):
            problem("%s: %d regels op het blad, %d in de CSV" % (code, len(sheet_rows), len(csv_rows)))
            continue
        for r, c in zip(sheet_rows, csv_rows):
            for kol in ("regio", "aanbieder"):
                got = ws.get(r, h[kol]).value
                want = nl(c[kol])
                if c["element"] == "tarief":
                    ok = cents(got) == cents(want)
                else:
                    ok = abs(got - want) < 1e-6
                n += 1
                if not ok:
                    problem("%s %s %s: blad %r, CLI %r" % (code, c["element"], kol, got, want))
    finish("%d bedragen van Vergelijking gelijk aan de CLI" % n)


def verschil(recalc, csv_path):
    ws = xlsx.read_dict(recalc)["Verschil"]
    h = ws.header()
    groep_kols = sorted(c for t, c in h.items() if t[:1].isdigit())
    rij = {}
    for r in range(1, ws.nrows()):
        code = ws.text(r, h["code"])
        if code and ws.get(r, h["nieuw"]) is not None and ws.get(r, h["oud"]) is not None:
            rij[code] = r
    header, rows = read_cli_csv(csv_path)
    groepen = header[header.index("verschil_pct") + 1:header.index("oorzaken")]
    if len(groepen) != len(groep_kols):
        problem("%d groepen op het blad, %d in de CSV" % (len(groep_kols), len(groepen)))
    n = 0
    for row in rows:
        if row["status"] != "beide":
            continue
        r = rij.get(row["code"])
        if r is None:
            problem("%s ontbreekt op Verschil" % row["code"])
            continue
        for kol in ("oud", "nieuw", "verschil"):
            n += 1
            if cents(ws.get(r, h[kol]).value) != cents(nl(row[kol])):
                problem("%s %s: blad %r, CLI %s" % (row["code"], kol, ws.get(r, h[kol]).value, row[kol]))
        som = 0
        for g, c in zip(groepen, groep_kols):
            v = ws.get(r, c).value
            som += cents(v)
            n += 1
            if cents(v) != cents(nl(row[g])):
                problem("%s %s: blad %r, CLI %s" % (row["code"], g, v, row[g]))
        if som != cents(nl(row["verschil"])):
            problem("%s: bijdragen op het blad tellen op tot %d cent, verschil %s" % (row["code"], som, row["verschil"]))
    finish("%d bedragen van Verschil gelijk aan de CLI" % n)


def blokken(path, n_eigen):
    wb = xlsx.read_dict(path)
    ws = wb["Berekening"]
    h = ws.header()
    tc = h["17 tarief"]
    per_code = {}
    vorige_tarief = None
    n = 0
    for r in range(1, ws.nrows()):
        blok, code, functie = ws.text(r, 0), ws.text(r, 1), ws.text(r, 2)
        if "(" in blok:
            continue  # toegevoegd, vervallen
        posities = per_code.setdefault(code, [])
        if functie == "gelijk":
            n += 1
            cel = ws.get(r, tc)
            tekst = ws.text(r, 3)
            een = re.fullmatch(r"groep '[^']*' is in beide versies gelijk: dit blok is gelijk aan het vorige; "
                               r"bijdrage 0,00", tekst)
            meer = re.fullmatch(r"groepen ('[^']*'(, | en ))+'[^']*' zijn in beide versies gelijk: deze blokken zijn "
                                r"gelijk aan het vorige; bijdragen 0,00", tekst)
            if not (een or meer):
                problem("rij %d: tekst %r" % (r + 1, tekst))
            for _ in range(1 if een else tekst.count("'") // 2):
                posities.append((blok, "gelijk"))
            if cel is None or cel.formula != "%s%d" % (xlsx.col_name(tc), vorige_tarief):
                problem("rij %d: tarief %r verwijst niet naar het vorige blok (rij %s)" % (r + 1, cel, vorige_tarief))
            vorige_tarief = r + 1
        elif functie == "product":
            posities.append((blok, "eigen"))
            vorige_tarief = r + 1
        elif functie:
            cf = ws.get(r, h["8 kosten per betaald uur C_f"])
            if cf is None or not (cf.formula or "").startswith("Loonkosten!"):
                problem("rij %d: C_f %r niet van Loonkosten" % (r + 1, cf))
    for code, posities in per_code.items():
        eigen = [b for b, k in posities if k == "eigen"]
        if len(posities) != 11 or len(eigen) != n_eigen or posities[0] != ("oud", "eigen"):
            problem("%s: %d posities, eigen blokken %s" % (code, len(posities), eigen))
    if not per_code:
        problem("geen producten op Berekening")
    finish("%d producten, %d regels 'gelijk'" % (len(per_code), n))


def main(argv):
    if len(argv) >= 2 and argv[0] == "literals":
        literals(argv[1])
    elif len(argv) == 5 and argv[0] == "zet":
        zet(*argv[1:])
    elif len(argv) == 3 and argv[0] == "vergelijking":
        vergelijking(argv[1], argv[2])
    elif len(argv) == 3 and argv[0] == "blokken":
        blokken(argv[1], int(argv[2]))
    elif len(argv) == 3 and argv[0] == "verschil":
        verschil(argv[1], argv[2])
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
