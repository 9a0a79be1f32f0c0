#!/usr/bin/env python3
"""Checks on the workbook that `tarief bereken -o` writes (rekenmethode §5).

Python 3 standard library only. Subcommands (each exits 0 when the check
holds, 1 otherwise, and prints its findings as "# ..." lines for TAP):

  herberekend ORIG.xlsx HERBEREKEND.xlsx
      every formula cell of ORIG (cached value written by tarief) equals the
      value LibreOffice computed (HERBEREKEND, converted with forced
      recalculation): text exactly, numbers within max(1e-9 absolute,
      1e-12 relative), tariffs (money) to the cent.
  structuur WERKBOEK.xlsx REGIOMAP
      sheets present; Uitgangspunten column A = the parameters of
      uitgangspunten.csv in file order; Tarieven rows in producten.csv order;
      every number on Tarieven/Opbouw is a formula; no formula contains a
      number other than the method's own constants; Toelichting lists the
      SHA-256 of every input file.
  wijzig WERKBOEK.xlsx REGIOMAP CAOMAP UITMAP
      changes overhead and productiviteit on Uitgangspunten, one salary on a
      CAO sheet and one functiemix percentage pair, writing
      UITMAP/gewijzigd.xlsx and the correspondingly changed copies
      UITMAP/regio/ and UITMAP/cao/.
  zelftest
      the number tolerance of `herberekend` on fixed cases (no LibreOffice).
  tarieven HERBEREKEND.xlsx CLI.csv ORIG.xlsx
      the recalculated tariffs (and opbouw) equal those of the CLI's CSV, and
      at least one tariff differs from ORIG (the change had an effect).
  weergave HERBEREKEND.xlsx
      on Tarieven, after recalculation, every element as shown is a whole
      number of cents and the elements plus the afronding weergave add up
      to the tarief to the cent (what a reader sees adds up).
"""
import csv
import hashlib
import io
import math
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xlsx  # noqa: E402

PROBLEMS = []


def problem(msg):
    PROBLEMS.append(msg)


def finish(summary):
    for p in PROBLEMS[:25]:
        print("# " + p)
    if len(PROBLEMS) > 25:
        print("# ... en nog %d" % (len(PROBLEMS) - 25))
    print("# " + summary)
    sys.exit(1 if PROBLEMS else 0)


# --------------------------------------------------------------------------
# CSV in the dialect of rekenmethode §1

def read_csv(path):
    """(delimiter, header, [(line number, fields)]) without comments/empty lines."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8")
    lines = text.splitlines()
    delim = ";" if ";" in lines[0] else ","
    header = next(csv.reader([lines[0]], delimiter=delim))
    header = [h.strip().lower() for h in header]
    rows = []
    for i, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = next(csv.reader([line], delimiter=delim))
        if fields and fields[0].strip().startswith("#"):
            continue
        rows.append((i, [x.strip() for x in fields]))
    return delim, header, rows


def number_text(value, delim, decimals=6):
    """A number as the CSV dialect writes it (no thousands separator)."""
    s = ("%.*f" % (decimals, value)).rstrip("0").rstrip(".")
    return s.replace(".", ",") if delim == ";" else s


def parse_nl(s):
    return float(s.replace(".", "").replace(",", "."))


def edit_csv_line(path, line_no, column, new_text):
    """Replace one field of one physical line, keeping every other byte."""
    with open(path, "rb") as f:
        data = f.read()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    lines = text.split("\n")
    delim, header, _ = read_csv(path)
    idx = header.index(column)
    raw = lines[line_no - 1]
    cr = raw.endswith("\r")
    if cr:
        raw = raw[:-1]
    fields = next(csv.reader([raw], delimiter=delim))
    fields[idx] = new_text
    buf = io.StringIO()
    csv.writer(buf, delimiter=delim, lineterminator="").writerow(fields)
    lines[line_no - 1] = buf.getvalue() + ("\r" if cr else "")
    out = "\n".join(lines).encode("utf-8")
    with open(path, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + out)


def append_csv_row(path, fields):
    delim, _, _ = read_csv(path)
    with open(path, "rb") as f:
        data = f.read()
    crlf = b"\r\n" in data
    nl = "\r\n" if crlf else "\n"
    buf = io.StringIO()
    csv.writer(buf, delimiter=delim, lineterminator="").writerow(fields)
    with open(path, "ab") as f:
        if data and not data.endswith(b"\n"):
            f.write(nl.encode())
        f.write((buf.getvalue() + nl).encode("utf-8"))


# --------------------------------------------------------------------------

def cents(x):
    return int(round(x * 100))


WEERGAVE = "afronding weergave"  # the display-rounding column of Tarieven


def tarief_rijen(t, code_col):
    """The product rows of Tarieven: from row 2 to the first empty code
    (the note lines under the table are not products)."""
    rows = []
    for r in range(1, t.nrows()):
        if not t.text(r, code_col):
            break
        rows.append(r)
    return rows


def element_kolommen(h):
    """Tarieven's element columns, in order (not code/naam/eenheid/tarief
    and not the display-rounding column)."""
    return sorted(c for t, c in h.items()
                  if t not in ("code", "naam", "eenheid", "tarief") and not t.startswith(WEERGAVE)
                  and not t.startswith("pgb-tarief"))


# A number LibreOffice recomputes may differ from the engine's in the last
# bits: the two add the same terms in another order. Relative 1e-12 is far
# below any cent, but a value near 0 (an afrondingsverschil like
# 42,53 - 42,525) is a difference of two large numbers, so its error is
# absolute (~1e-12 of the tariff), not relative to itself: hence the floor
# of 1e-9. Money (the tarief cells) is compared in cents, not with this.
ABS_TOL = 1e-9
REL_TOL = 1e-12


def getal_gelijk(cached, recalc):
    """|cached - recalc| <= max(1e-9, 1e-12 x |recalc|)."""
    return abs(cached - recalc) <= max(ABS_TOL, REL_TOL * abs(recalc))


def herberekend(orig_path, recalc_path):
    orig = xlsx.read_dict(orig_path)
    recalc = xlsx.read_dict(recalc_path)
    n = 0
    for name, sheet in orig.items():
        other = recalc.get(name)
        if other is None:
            problem("blad %s ontbreekt na herberekening" % name)
            continue
        tarief_cols = set()
        if name == "Tarieven":
            tarief_cols = {sheet.header().get("tarief")}
        elif name == "Opbouw":
            tarief_cols = {c for t, c in sheet.header().items() if t.startswith("17 tarief")}
        for ref, cell in sheet.cells.items():
            if cell.formula is None:
                continue
            n += 1
            got = other.cells.get(ref)
            where = "%s!%s (=%s)" % (name, ref, cell.formula)
            if got is None or got.formula is None:
                problem("%s: geen formule meer na herberekening" % where)
                continue
            if got.type == "e":
                problem("%s: fout %s na herberekening" % (where, got.value))
                continue
            if cell.type != got.type:
                problem("%s: type %s, herberekend %s (%r)" % (where, cell.type, got.type, got.value))
                continue
            if cell.type == "s":
                if cell.value != got.value:
                    problem("%s: tekst %r, herberekend %r" % (where, cell.value, got.value))
                continue
            a, b = cell.value, got.value
            if a is None or b is None or not (math.isfinite(a) and math.isfinite(b)):
                problem("%s: geen getal (%r, %r)" % (where, a, b))
                continue
            if cell.col in tarief_cols:
                if cents(a) != cents(b):
                    problem("%s: tarief %.2f, herberekend %.2f" % (where, a, b))
            elif not getal_gelijk(a, b):
                problem("%s: %r, herberekend %r (verschil %.3g)" % (where, a, b, a - b))
    if n == 0:
        problem("geen formules gevonden")
    finish("%d formules vergeleken met de herberekening door LibreOffice" % n)


# --------------------------------------------------------------------------

# Numbers a formula may contain: the method's own constants (12 months,
# 1 in 1/productiviteit-1 and 1-SUM, 60 of deelbaar_door_60), ROUND's
# digits (2, 0; 4 for an index in two decimals of a percent) and the 4
# characters of a year in LEFT(ingangsdatum,4). Everything else would be an
# input value baked into a formula.
ALLOWED_LITERALS = {"0", "1", "2", "4", "12", "60"}
_STRING = re.compile(r'"[^"]*"')
_SHEETQ = re.compile(r"'[^']*'!")
_REFS = re.compile(r"\$?[A-Z]{1,3}\$?[0-9]+")
_NUM = re.compile(r"(?<![A-Za-z_$0-9.])([0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)")


def literals(formula):
    f = _STRING.sub('""', formula)
    f = _SHEETQ.sub("S!", f)
    f = _REFS.sub("R", f)
    return _NUM.findall(f)


def structuur(path, regio):
    book = xlsx.read(path)
    names = [s.name for s in book]
    d = {s.name: s for s in book}
    for need in ("Toelichting", "Tarieven", "Uitgangspunten", "Producten", "Functies",
                 "Functiemix", "Loonkosten", "Opbouw"):
        if need not in d:
            problem("blad %s ontbreekt (wel: %s)" % (need, ", ".join(names)))
    fu = d.get("Functies")
    uses_cao = fu is not None and any(fu.text(r, 1) for r in range(1, fu.nrows()))
    if uses_cao and not any(n.startswith("CAO ") for n in names):
        problem("geen blad per cao-tabel")
    if PROBLEMS:
        finish("structuur onvolledig")

    # Uitgangspunten: column A = the file's parameters, in order
    _, header, rows = read_csv(os.path.join(regio, "uitgangspunten.csv"))
    pi = header.index("parameter")
    want = [f[pi] for _, f in rows]
    u = d["Uitgangspunten"]
    uh = u.header()
    if [u.text(0, c) for c in range(5)] != ["parameter", "omschrijving", "waarde", "bron", "vindplaats"]:
        problem("Uitgangspunten: kop is niet parameter, omschrijving, waarde, bron, vindplaats")
    got = [u.text(r, 0) for r in range(1, len(want) + 1)]
    if got != want:
        problem("Uitgangspunten kolom A %r, verwacht %r" % (got, want))
    wc, bc = uh.get("waarde", 2), uh.get("bron", 3)
    for r in range(1, u.nrows()):
        c = u.get(r, wc)
        if c is not None and c.formula is not None:
            problem("Uitgangspunten!%s%d is een formule; verwacht een invoerwaarde" % (xlsx.col_name(wc), r + 1))
        if u.text(r, bc) == "standaardwaarde rekenmethode v1" and (c is None or c.value is None):
            problem("Uitgangspunten!%s%d: standaardwaarde zonder waarde" % (xlsx.col_name(wc), r + 1))
        # every parameter a Dutch label beside it, other than its name
        if r <= len(want) or u.text(r, bc) == "standaardwaarde rekenmethode v1":
            label = u.text(r, 1)
            if not label or label == u.text(r, 0):
                problem("Uitgangspunten!B%d: geen Nederlandse omschrijving bij %s" % (r + 1, u.text(r, 0)))

    # Tarieven: rows in producten.csv order; code, naam, eenheid, tarief last
    _, header, rows = read_csv(os.path.join(regio, "producten.csv"))
    ci = header.index("code")
    codes = [f[ci] for _, f in rows]
    t = d["Tarieven"]
    h = t.header()
    for k in ("code", "naam", "eenheid", "tarief"):
        if k not in h:
            problem("Tarieven: kolom %s ontbreekt" % k)
    # (only the pgb tariffs, when a product has them, come after it)
    if "tarief" in h and h["tarief"] != max(c for k, c in h.items() if not k.startswith("pgb-tarief")):
        problem("Tarieven: tarief is niet de laatste kolom")
    rijen = tarief_rijen(t, h.get("code", 0))
    got = [t.text(r, h.get("code", 0)) for r in rijen]
    if got != codes:
        problem("Tarieven: producten %r, verwacht %r (volgorde van producten.csv)" % (got[:5], codes[:5]))
    if names[0] != "Tarieven":
        problem("Tarieven is niet het eerste blad (wel: %s)" % names[0])
    for r in rijen:
        c = t.get(r, h.get("tarief", 0))
        if c is None or c.formula is None:
            problem("Tarieven: tarief in rij %d is geen formule" % (r + 1))

    # every number on the derivation sheets is a formula
    n_formulas = 0
    for name in ("Tarieven", "Loonkosten", "Opbouw"):
        for ref, c in d[name].cells.items():
            if c.type == "n" and c.formula is None:
                problem("%s!%s: getal %r zonder formule" % (name, ref, c.value))
    # no input value as a literal inside any formula
    for s in book:
        for ref, c in s.cells.items():
            if c.formula is None:
                continue
            n_formulas += 1
            bad = [x for x in literals(c.formula) if x not in ALLOWED_LITERALS]
            if bad:
                problem("%s!%s: getal %s in formule =%s" % (s.name, ref, ",".join(bad), c.formula))

    # Toelichting: version and the SHA-256 of every input file
    toel = " ".join(str(c.value) for c in d["Toelichting"].cells.values())
    if not re.search(r"tarief [0-9]+\.[0-9]+", toel):
        problem("Toelichting noemt de versie van tarief niet")
    for fn in ("uitgangspunten.csv", "functies.csv", "producten.csv", "functiemix.csv"):
        with open(os.path.join(regio, fn), "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        if digest not in toel:
            problem("Toelichting mist SHA-256 van %s (%s)" % (fn, digest))
    finish("structuur in orde, %d formules zonder invoerwaarden" % n_formulas)


# --------------------------------------------------------------------------

def vindplaats(sheet, row, col):
    """('salarisschalen.csv', 40) from a cell 'salarisschalen.csv:40'."""
    text = sheet.text(row, col)
    m = re.match(r"^(.*):([0-9]+)$", text)
    if not m:
        return None, None
    return m.group(1), int(m.group(2))


def wijzig(path, regio, caomap, uit):
    d = xlsx.read_dict(path)
    rdir = os.path.join(uit, "regio")
    cdir = os.path.join(uit, "cao")
    shutil.rmtree(rdir, ignore_errors=True)
    shutil.rmtree(cdir, ignore_errors=True)
    shutil.copytree(regio, rdir)
    shutil.copytree(caomap, cdir)
    changes = {}
    log = []

    def setcell(sheet, row, col, value):
        changes.setdefault(sheet, {})["%s%d" % (xlsx.col_name(col), row + 1)] = value

    # 1, 2: overhead and productiviteit on Uitgangspunten (the regel, or the
    # default row when the file does not set it)
    u = d["Uitgangspunten"]
    upath = os.path.join(rdir, "uitgangspunten.csv")
    delim, _, _ = read_csv(upath)

    uh = u.header()

    def change_param(naam, delta_pct):
        for r in range(1, u.nrows()):
            if u.text(r, 0) != naam:
                continue
            old = u.get(r, uh["waarde"]).value
            new_text = number_text(old * 100 + delta_pct, delim, 4)
            new = float(new_text.replace(",", ".")) / 100
            setcell("Uitgangspunten", r, uh["waarde"], new)
            fn, line = vindplaats(u, r, uh["vindplaats"])
            if fn:
                edit_csv_line(upath, line, "waarde", new_text)
            else:
                append_csv_row(upath, [naam, new_text, "test: gewijzigd"] +
                               [""] * (len(read_csv(upath)[1]) - 3))
            log.append("%s %s -> %s%%" % (naam, old, new_text))
            return True
        return False

    if not change_param("overhead", 5):
        problem("geen overhead op Uitgangspunten")
    if not change_param("productiviteit", -5):
        for comp in ("verzuim", "verlof", "scholing", "werkoverleg", "indirecte_tijd",
                     "overig_niet_productief"):
            if change_param(comp, 2):
                break
        else:
            problem("geen productiviteit of component op Uitgangspunten")

    # 3: the salary of the first functie taken from a CAO table
    f = d["Loonkosten"]
    fh = f.header()
    done = False
    for r in range(1, f.nrows()):
        c = f.get(r, fh["maandsalaris (S)"])
        if c is None or c.formula is None:
            continue
        m = re.match(r"^'?(CAO [^']*)'?!\$C\$([0-9]+)$", c.formula)
        if not m:
            problem("onverwachte salarisformule %s" % c.formula)
            break
        sheet, srow = m.group(1), int(m.group(2)) - 1
        cao_id = f.text(r, fh["cao"])  # the sheet name may be shortened
        cs = d[sheet]
        old = cs.get(srow, 2).value
        fn, line = vindplaats(cs, srow, 3)
        spath = os.path.join(cdir, cao_id, fn)
        sdelim, _, _ = read_csv(spath)
        new_text = number_text(old + 123.45, sdelim, 2)
        setcell(sheet, srow, 2, float(new_text.replace(",", ".")))
        edit_csv_line(spath, line, "maandsalaris", new_text)
        log.append("%s %s/%s %s -> %s" % (sheet, cs.text(srow, 0), cs.text(srow, 1), old, new_text))
        done = True
        break
    if not done:
        log.append("geen salaris gewijzigd: geen functie uit een cao-tabel")

    # 4: one functiemix pair of the first product with two or more functies
    fm = d["Functiemix"]
    mpath = os.path.join(rdir, "functiemix.csv")
    mdelim, _, _ = read_csv(mpath)
    rows_of = {}
    for r in range(1, fm.nrows()):
        rows_of.setdefault(fm.text(r, 0), []).append(r)
    for code, rows in rows_of.items():
        if len(rows) < 2:
            continue
        r1, r2 = rows[0], rows[1]
        p1, p2 = fm.get(r1, 2).value * 100, fm.get(r2, 2).value * 100
        step = 10.0 if p2 > 10.0 else round(p2 / 2, 2)
        t1 = number_text(p1 + step, mdelim, 4)
        t2 = number_text(p2 - step, mdelim, 4)
        for r, t in ((r1, t1), (r2, t2)):
            setcell("Functiemix", r, 2, float(t.replace(",", ".")) / 100)
            fn, line = vindplaats(fm, r, 3)
            edit_csv_line(mpath, line, "percentage", t)
        log.append("functiemix %s: %s%% en %s%%" % (code, t1, t2))
        break
    else:
        log.append("functiemix niet gewijzigd: geen product met twee of meer functies")

    # 4b: the ort of a functie in the functiemix (column 'ort'), where set:
    # the Opbouw row of that functie must read it
    fh = fm.header()
    if "ort" in fh:
        for r in range(1, fm.nrows()):
            c = fm.get(r, fh["ort"])
            if c is None or c.type != "n":
                continue
            t = number_text(c.value * 100 + 3, mdelim, 4)
            setcell("Functiemix", r, fh["ort"], float(t.replace(",", ".")) / 100)
            _, line = vindplaats(fm, r, 3)
            edit_csv_line(mpath, line, "ort", t)
            log.append("ort functiemix %s %s: %s -> %s%%" % (fm.text(r, 0), fm.text(r, 1), c.value, t))
            break

    # 5 (indexatie;vng): the provisional OVA figure of the last year used,
    # when the series file is part of the region
    if "Indexreeks" in d and "Indexatie" in d:
        ir, ix = d["Indexreeks"], d["Indexatie"]
        jaren = [ix.get(r, 1).value for r in range(1, ix.nrows())
                 if ix.get(r, 1) is not None and ix.get(r, 1).type == "n"]
        fn, _ = vindplaats(ir, 1, 6)
        ipath = os.path.join(rdir, fn or "")
        if jaren and fn and os.path.isfile(ipath):
            jaar = max(jaren)
            for r in range(1, ir.nrows()):
                if ir.get(r, 0).value != jaar:
                    continue
                idelim, _, _ = read_csv(ipath)
                old = ir.get(r, 1).value
                t = number_text(old * 100 + 0.5, idelim, 4)
                setcell("Indexreeks", r, 1, float(t.replace(",", ".")) / 100)
                _, line = vindplaats(ir, r, 6)
                edit_csv_line(ipath, line, "ova_voorlopig", t)
                log.append("ova_voorlopig %d %s -> %s%%" % (jaar, old, t))
        else:
            log.append("indexreeks niet gewijzigd (reeks buiten de regiomap)")

    if PROBLEMS:
        finish("wijzigen mislukt")
    xlsx.set_numbers(path, os.path.join(uit, "gewijzigd.xlsx"), changes)
    finish("gewijzigd: " + "; ".join(log))


def tarieven(recalc_path, csv_path, orig_path):
    rec = xlsx.read_dict(recalc_path)["Tarieven"]
    orig = xlsx.read_dict(orig_path)["Tarieven"]
    h = rec.header()
    _, header, rows = read_csv(csv_path)
    cli = {f[header.index("code")]: f for _, f in rows}
    # the element columns: after tarief, up to the optional extra columns
    extra = ("indexatie_percentage", "pgb_professioneel", "ort_per_functie")
    elements = header[header.index("tarief") + 1:]
    for x in extra:
        if x in elements:
            elements = elements[:elements.index(x)]
    # Tarieven element columns in CSV order (both follow tarief_element)
    tcols = element_kolommen(h)
    if len(tcols) != len(elements):
        problem("Tarieven heeft %d elementkolommen, de CSV %d" % (len(tcols), len(elements)))
    changed = 0
    n = 0
    for r in tarief_rijen(rec, h["code"]):
        code = rec.text(r, h["code"])
        f = cli.get(code)
        if f is None:
            problem("%s ontbreekt in de CSV van de CLI" % code)
            continue
        n += 1
        got = rec.get(r, h["tarief"]).value
        want = parse_nl(f[header.index("tarief")])
        if cents(got) != cents(want):
            problem("%s: werkboek %.2f, CLI %.2f" % (code, got, want))
        for k, col in enumerate(tcols[:len(elements)]):
            # Tarieven shows each element to the cent (ROUND(..;2)); the
            # CSV has six decimals
            g = rec.get(r, col).value
            w = parse_nl(f[header.index(elements[k])])
            if abs(g - w) > 0.005 + 0.0000011:
                problem("%s %s: werkboek %.6f, CLI %.6f" % (code, elements[k], g, w))
        for kol, ck in (("pgb-tarief professioneel", "pgb_professioneel"), ("pgb-tarief informeel", "pgb_informeel")):
            if kol in h and ck in header and f[header.index(ck)].strip():
                g = rec.get(r, h[kol]).value
                if cents(g) != cents(parse_nl(f[header.index(ck)])):
                    problem("%s %s: werkboek %.2f, CLI %s" % (code, ck, g, f[header.index(ck)]))
        if cents(orig.get(r, h["tarief"]).value) != cents(got):
            changed += 1
    if n != len(cli):
        problem("werkboek %d producten, CSV %d" % (n, len(cli)))
    if changed == 0:
        problem("geen enkel tarief veranderd: de wijziging had geen effect (niet herberekend?)")
    finish("%d tarieven gelijk aan de CLI, %d veranderd door de wijziging" % (n, changed))


def weergave(recalc_path):
    t = xlsx.read_dict(recalc_path)["Tarieven"]
    h = t.header()
    wcol = [c for k, c in h.items() if k.startswith(WEERGAVE)]
    if len(wcol) != 1:
        problem("Tarieven: geen kolom %s" % WEERGAVE)
        finish("weergave niet te controleren")
    ecols = element_kolommen(h)
    n = 0
    for r in tarief_rijen(t, h["code"]):
        code = t.text(r, h["code"])
        shown = []
        for c in ecols + wcol:
            cell = t.get(r, c)
            if cell is None or cell.formula is None or not isinstance(cell.value, float):
                problem("%s: Tarieven!%s%d is geen formule met een getal" % (code, xlsx.col_name(c), r + 1))
                shown.append(0)
                continue
            v = cell.value
            if abs(v * 100 - round(v * 100)) > 1e-6:
                problem("%s: Tarieven!%s%d = %r is geen bedrag in hele centen" % (code, xlsx.col_name(c), r + 1, v))
            shown.append(cents(v))
        tarief = cents(t.get(r, h["tarief"]).value)
        if sum(shown) != tarief:
            problem("%s: getoonde elementen tellen op tot %d cent, tarief %d cent" % (code, sum(shown), tarief))
        n += 1
    if n == 0:
        problem("geen producten op Tarieven")
    finish("%d rijen: de getoonde elementen en de afronding weergave tellen op tot het tarief" % n)


def zelftest():
    """The tolerance of `herberekend` on plain numbers, without LibreOffice."""
    cases = [  # (cached, recalc, equal?)
        (0.005, 0.005 + 1.8e-12, True),      # afrondingsverschil near 0
        (-1.7763568394002505e-15, 0.0, True),
        (1e-10, 0.0, True),
        (0.005, 0.005 + 2e-9, False),        # absolute floor is 1e-9
        (123456.789, 123456.789 * (1 + 5e-13), True),
        (123456.789, 123456.789 * (1 + 5e-12), False),
        (27.0, 27.000001, False),
    ]
    for cached, recalc, want in cases:
        if getal_gelijk(cached, recalc) != want:
            problem("getal_gelijk(%r, %r) gaf %s, verwacht %s"
                    % (cached, recalc, not want, want))
    finish("%d gevallen van de tolerantie max(1e-9, 1e-12 x |b|)" % len(cases))


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == "herberekend" and len(args) == 2:
        herberekend(*args)
    elif cmd == "structuur" and len(args) == 2:
        structuur(*args)
    elif cmd == "wijzig" and len(args) == 4:
        wijzig(*args)
    elif cmd == "tarieven" and len(args) == 3:
        tarieven(*args)
    elif cmd == "weergave" and len(args) == 1:
        weergave(*args)
    elif cmd == "zelftest" and not args:
        zelftest()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
