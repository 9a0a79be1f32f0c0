#!/usr/bin/env python3
"""Compare two tariff CSVs of rekenmethode §5 (e.g. C tool vs. reference).

    python3 tests/ref/compare.py A.csv B.csv

- the same product codes, in the same order, with the same naam and eenheid;
- `tarief` equal to the cent (compared as integer cents, no float epsilon);
- each of the ten opbouw elements within 0,0005;
- in each file the ten elements sum to `tarief` within 0,00001 (§5).

Prints one line per mismatch and a summary; exit 0 when equal, 1 otherwise,
2 when a file cannot be read.
"""

import csv
import decimal
import re
import sys

ELEMENTS = ("kosten_beroepskracht", "niet_productieve_uren", "reis_en_opleiding",
            "overhead", "gemeentelijke_verplichtingen", "huisvesting",
            "verzorging", "risico", "indexatie", "afrondingsverschil")
HEADER = ("code", "naam", "eenheid", "tarief") + ELEMENTS
PGB = ("pgb_professioneel", "pgb_informeel")
ORT = ("ort_per_functie",)
TOL = decimal.Decimal("0.0005")
SUM_TOL = decimal.Decimal("0.00001")

# Dutch number, '.' thousands groups optional (a renderer may group them).
_NUM = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")


class Bad(Exception):
    pass


def num(text, where):
    s = text.strip()
    if not _NUM.match(s):
        raise Bad("%s: geen getal met decimale komma: '%s'" % (where, text))
    return decimal.Decimal(s.replace(".", "").replace(",", "."))


def load(path):
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))
    except OSError as e:
        raise Bad("%s: %s" % (path, e))
    if not rows:
        raise Bad("%s: leeg" % path)
    head = [h.strip().lower() for h in rows[0]]
    # optional, after the §5 columns: the pgb tariffs (compared to the cent)
    # and ort_per_functie (a description, not compared)
    extra = tuple(head[len(HEADER):])
    if tuple(head[:len(HEADER)]) != HEADER or extra not in ((), PGB, PGB + ORT, ORT):
        raise Bad("%s:1: kopregel wijkt af: %s" % (path, ";".join(head)))
    header = HEADER + extra
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if not r or all(c.strip() == "" for c in r):
            continue
        if len(r) != len(header):
            raise Bad("%s:%d: %d velden, verwacht %d" % (path, i, len(r), len(header)))
        d = dict(zip(header, r))
        where = "%s:%d" % (path, i)
        if not re.search(r",\d\d$", d["tarief"].strip()):
            raise Bad("%s: tarief niet met twee decimalen: '%s'" % (where, d["tarief"]))
        d["tarief"] = num(d["tarief"], where)
        for e in ELEMENTS:
            d[e] = num(d[e], where)
        for e in PGB:
            if e in d:
                if d[e].strip() != "" and not re.search(r",\d\d$", d[e].strip()):
                    raise Bad("%s: %s niet met twee decimalen: '%s'" % (where, e, d[e]))
                d[e] = num(d[e], where) if d[e].strip() != "" else None
        s = sum((d[e] for e in ELEMENTS), decimal.Decimal(0))
        d["_som"] = s
        d["_line"] = i
        out.append(d)
    return out


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("gebruik: compare.py A.csv B.csv\n")
        return 2
    try:
        a = load(argv[1])
        b = load(argv[2])
    except Bad as e:
        print("fout: %s" % e)
        return 2
    problems = 0
    bmap = {r["code"]: r for r in b}
    amap = {r["code"]: r for r in a}
    for r in a:
        if r["code"] not in bmap:
            print("%s: ontbreekt in %s" % (r["code"], argv[2]))
            problems += 1
    for r in b:
        if r["code"] not in amap:
            print("%s: ontbreekt in %s" % (r["code"], argv[1]))
            problems += 1
    if [r["code"] for r in a] != [r["code"] for r in b] and problems == 0:
        print("volgorde van de producten verschilt")
        problems += 1
    for ra in a:
        rb = bmap.get(ra["code"])
        if rb is None:
            continue
        code = ra["code"]
        for r, name in ((ra, argv[1]), (rb, argv[2])):
            if abs(r["_som"] - r["tarief"]) > SUM_TOL:
                print("%s: in %s tellen de elementen op tot %s, tarief %s"
                      % (code, name, r["_som"], r["tarief"]))
                problems += 1
        for k in ("naam", "eenheid"):
            if ra[k] != rb[k]:
                print("%s: %s '%s' <> '%s'" % (code, k, ra[k], rb[k]))
                problems += 1
        if ra["tarief"] * 100 != rb["tarief"] * 100:
            print("%s: tarief %s <> %s (verschil %s)"
                  % (code, ra["tarief"], rb["tarief"], ra["tarief"] - rb["tarief"]))
            problems += 1
        for e in PGB:
            if (e in ra) != (e in rb):
                print("%s: kolom %s in het ene bestand, niet in het andere" % (code, e))
                problems += 1
            elif e in ra and ra[e] != rb[e]:
                print("%s: %s %s <> %s" % (code, e, ra[e], rb[e]))
                problems += 1
        for e in ELEMENTS:
            if abs(ra[e] - rb[e]) > TOL:
                print("%s: %s %s <> %s" % (code, e, ra[e], rb[e]))
                problems += 1
    if problems:
        print("%d verschil(len) in %d/%d producten" % (problems, len(a), len(b)))
        return 1
    print("gelijk: %d producten" % len(a))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
