#!/usr/bin/env python3
"""Independent reference implementation of rekenmethode v1 (tarief).

Written from docs/rekenmethode.md / the spec alone, not from the C sources, so
that the C tool can be tested differentially against it.

    python3 tests/ref/tarief_ref.py <regio-dir> <cao-map>

prints the CSV of spec §5 on stdout. Invalid input raises RefError (message on
stderr, exit 2); it does not try to find every problem like the C tool does.

Only the standard library is used. Arithmetic is plain Python float (IEEE
double) in exactly the order of spec §3; only step 17 rounds.
"""

import csv
import decimal
import io
import math
import os
import re
import sys

# --------------------------------------------------------------------------
# §1 CSV dialect


class RefError(Exception):
    pass


FREE_TEXT = ("toelichting", "omschrijving", "bron")


def is_free_text(col):
    return col.startswith("#") or col in FREE_TEXT


class Table:
    """A CSV file read with the §1 rules. rows: list of (line, {col: text}).

    The whole file goes through one csv.reader, so a quoted field may hold
    the delimiter, a doubled quote or a line break. A row with fewer cells
    than the header has empty trailing cells; a header cell without a name
    (a trailing `;` as Excel writes it) names no column, and a value under
    it is an error, as is a non-empty cell beyond the header.
    """

    def __init__(self, path, known, required=()):
        self.path = path
        with open(path, "rb") as f:
            raw = f.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise RefError("%s: geen UTF-8 (%s)" % (path, e))
        if text.startswith("\ufeff"):
            text = text[1:]
        self.delim = _detect_delim(text)
        reader = csv.reader(io.StringIO(text, newline=""),
                            delimiter=self.delim, quotechar='"', strict=True)
        self.header = None
        self.rows = []
        end = 0  # last physical line read so far
        try:
            for cells in reader:
                lineno = end + 1          # the line the record starts on
                end = reader.line_num
                cells = [c.strip(" \t") for c in cells]
                # §1: empty lines and lines whose first cell starts with '#'
                if all(c == "" for c in cells) or cells[0].startswith("#"):
                    continue
                if self.header is None:
                    self.header = [c.lower() for c in cells]
                    self._check_header(known, required, lineno)
                    continue
                row = {}
                for i, c in enumerate(cells):
                    if i >= len(self.header):
                        if c != "":
                            raise RefError("%s:%d: %d velden, de kopregel heeft er %d"
                                           % (path, lineno, len(cells), len(self.header)))
                        continue
                    name = self.header[i]
                    if name == "":
                        if c != "":
                            raise RefError("%s:%d: waarde '%s' in kolom %d zonder naam"
                                           % (path, lineno, c, i + 1))
                        continue
                    row[name] = c
                for name in self.header:
                    if name != "":
                        row.setdefault(name, "")
                self.rows.append((lineno, row))
        except csv.Error as e:
            raise RefError("%s:%d: %s" % (path, reader.line_num, e))
        if self.header is None:
            raise RefError("%s: geen kopregel" % path)

    def _check_header(self, known, required, lineno):
        seen = set()
        for c in self.header:
            if c == "":
                continue
            if c in seen:
                raise RefError("%s:%d: kolom '%s' dubbel" % (self.path, lineno, c))
            seen.add(c)
            if not is_free_text(c) and c not in known:
                raise RefError("%s:%d: onbekende kolom '%s'" % (self.path, lineno, c))
        for c in required:
            if c not in seen:
                raise RefError("%s:%d: kolom '%s' ontbreekt" % (self.path, lineno, c))

    def get(self, row, col):
        return row.get(col, "")

    def number(self, text, lineno, percent=False):
        return parse_number(text, self.delim, percent,
                            "%s:%d" % (self.path, lineno))


def _detect_delim(text):
    """§1: from the header line (the first line that is neither empty nor a
    comment): ';' when it occurs outside quotes, else ','."""
    for line in text.split("\n"):
        s = line.strip(" \t\r")
        if s == "" or s.startswith("#"):
            continue
        quoted = False
        semi = comma = False
        for ch in s:
            if ch == '"':
                quoted = not quoted
            elif not quoted and ch == ";":
                semi = True
            elif not quoted and ch == ",":
                comma = True
        return ";" if semi or not comma else ","
    return ";"


# A grouped number starts with 1-3 digits, the first not 0 ("0.040" is no
# thousands grouping, and §1 turns away what it would have to guess).
_NL_NUM = re.compile(r"^-?(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?$")
_EN_NUM = re.compile(r"^-?\d+(?:\.\d+)?$")


def parse_number(text, delim, percent, where):
    s = text.strip()
    if percent and s.endswith("%"):
        s = s[:-1].rstrip()
    if delim == ";":
        if not _NL_NUM.match(s):
            raise RefError("%s: ongeldig getal '%s'" % (where, text))
        s = s.replace(".", "").replace(",", ".")
    else:
        if not _EN_NUM.match(s):
            raise RefError("%s: ongeldig getal '%s'" % (where, text))
    v = float(s)
    if percent:
        v = v / 100
    return v


# --------------------------------------------------------------------------
# §2 files and parameters

PCT = "pct"
UREN = "uren"
KEUZE = "keuze"

PARAMS = {
    "vakantietoeslag": PCT,
    "eindejaarsuitkering": PCT,
    "werkgeverslasten": PCT,
    "jaaruren": UREN,
    "productiviteit": PCT,
    "verlof": PCT,
    "verzuim": PCT,
    "scholing": PCT,
    "werkoverleg": PCT,
    "indirecte_tijd": PCT,
    "overig_niet_productief": PCT,
    "ort": PCT,
    "reis_en_opleiding": PCT,
    "gemeentelijke_verplichtingen": PCT,
    "overhead": PCT,
    "overhead_grondslag": KEUZE,
    "risico": PCT,
    "indexatie": PCT,
    "afronding": KEUZE,
    "pgb_professioneel": PCT,
    "pgb_informeel": PCT,
}
COMPONENTS = ("verlof", "verzuim", "scholing", "werkoverleg",
              "indirecte_tijd", "overig_niet_productief")
KEUZES = {
    "overhead_grondslag": ("opslag", "aandeel"),
    "afronding": ("cent", "euro", "euro_omhoog", "deelbaar_door_60"),
}
DEFAULTS = {
    "ort": 0.0, "reis_en_opleiding": 0.0, "gemeentelijke_verplichtingen": 0.0,
    "overhead": 0.0, "overhead_grondslag": "opslag", "risico": 0.0,
    "indexatie": 0.0, "afronding": "cent",
}
FROM_CAO = ("vakantietoeslag", "eindejaarsuitkering", "werkgeverslasten",
            "jaaruren")
EENHEDEN = ("minuut", "uur", "dagdeel", "etmaal", "dag", "week", "maand",
            "traject", "stuk")


def param_value(table, name, text, lineno):
    kind = PARAMS[name]
    if kind == KEUZE:
        v = text.strip().lower()
        if v not in KEUZES[name]:
            raise RefError("%s:%d: ongeldige waarde '%s' voor %s"
                           % (table.path, lineno, text, name))
        return v
    return table.number(text, lineno, percent=(kind == PCT))


def read_params(path, extra_known, required):
    t = Table(path, ("parameter", "waarde"), ("parameter", "waarde"))
    out = {}
    for lineno, row in t.rows:
        name = row["parameter"].strip().lower()
        text = row["waarde"]
        if name in out:
            raise RefError("%s:%d: parameter '%s' dubbel" % (path, lineno, name))
        if name in extra_known:
            out[name] = text.strip()
        elif name in PARAMS:
            if text.strip() == "":
                raise RefError("%s:%d: lege waarde" % (path, lineno))
            out[name] = param_value(t, name, text, lineno)
        else:
            raise RefError("%s:%d: onbekende parameter '%s'" % (path, lineno, name))
    for r in required:
        if r not in out or out[r] == "":
            raise RefError("%s: parameter '%s' ontbreekt" % (path, r))
    return out


class Cao:
    def __init__(self, caomap, cid):
        d = os.path.join(caomap, cid)
        p = read_params(os.path.join(d, "cao.csv"),
                        ("naam", "ingangsdatum", "uren_per_week"),
                        ("naam", "ingangsdatum", "jaaruren"))
        for k in p:
            if k in PARAMS and k not in FROM_CAO:
                raise RefError("%s/cao.csv: '%s' hoort niet in een cao" % (d, k))
        self.params = p
        t = Table(os.path.join(d, "salarisschalen.csv"),
                  ("schaal", "trede", "maandsalaris"),
                  ("schaal", "trede", "maandsalaris"))
        self.salaris = {}
        for lineno, row in t.rows:
            key = (row["schaal"], row["trede"])
            if key in self.salaris:
                raise RefError("%s:%d: schaal/trede dubbel" % (t.path, lineno))
            self.salaris[key] = t.number(row["maandsalaris"], lineno)


class Regio:
    def __init__(self, regiodir, caomap):
        self.dir = regiodir
        up = read_params(os.path.join(regiodir, "uitgangspunten.csv"),
                         ("regio", "tariefjaar", "cao"),
                         ("regio", "tariefjaar"))
        self.params = up
        has_prod = "productiviteit" in up
        has_comp = any(c in up for c in COMPONENTS)
        if has_prod and has_comp:
            raise RefError("uitgangspunten.csv: productiviteit en componenten samen")
        if not has_prod and not has_comp:
            raise RefError("uitgangspunten.csv: productiviteit ontbreekt")
        self.components = has_comp
        self.caos = {}
        self.caomap = caomap

        # functies.csv
        t = Table(os.path.join(regiodir, "functies.csv"),
                  ("functie", "cao", "schaal", "trede", "loonkosten_per_uur"),
                  ("functie",))
        self.functies = {}
        for lineno, row in t.rows:
            naam = row["functie"]
            if naam == "" or naam in self.functies:
                raise RefError("%s:%d: functie leeg of dubbel" % (t.path, lineno))
            schaal = t.get(row, "schaal")
            trede = t.get(row, "trede")
            lpu = t.get(row, "loonkosten_per_uur")
            if lpu and (schaal or trede):
                raise RefError("%s:%d: schaal/trede en loonkosten_per_uur" % (t.path, lineno))
            if lpu:
                if t.get(row, "cao"):
                    pass  # a cao id without scale is harmless here
                self.functies[naam] = {"per_uur": t.number(lpu, lineno)}
                continue
            if not (schaal and trede):
                raise RefError("%s:%d: schaal+trede of loonkosten_per_uur nodig" % (t.path, lineno))
            cid = t.get(row, "cao") or up.get("cao", "")
            if not cid:
                raise RefError("%s:%d: geen cao" % (t.path, lineno))
            cao = self.cao(cid)
            if (schaal, trede) not in cao.salaris:
                raise RefError("%s:%d: schaal %s trede %s niet in cao %s"
                               % (t.path, lineno, schaal, trede, cid))
            self.functies[naam] = {"cao": cao, "S": cao.salaris[(schaal, trede)]}

        # producten.csv
        known = ("code", "naam", "eenheid", "uren_per_eenheid", "begeleiders",
                 "groepsgrootte", "huisvesting", "verzorging") + tuple(PARAMS)
        t = Table(os.path.join(regiodir, "producten.csv"), known,
                  ("code", "naam", "eenheid", "uren_per_eenheid"))
        self.producten = []
        seen = set()
        for lineno, row in t.rows:
            code = row["code"]
            if code == "" or code in seen:
                raise RefError("%s:%d: code leeg of dubbel" % (t.path, lineno))
            seen.add(code)
            eenheid = row["eenheid"].strip().lower()
            if eenheid not in EENHEDEN:
                raise RefError("%s:%d: eenheid '%s'" % (t.path, lineno, eenheid))
            p = {"code": code, "naam": row["naam"], "eenheid": eenheid,
                 "mix": [], "mix_ort": {}, "over": {}}
            p["uren"] = t.number(row["uren_per_eenheid"], lineno)
            if not p["uren"] > 0:
                raise RefError("%s:%d: uren_per_eenheid <= 0" % (t.path, lineno))
            for col, dflt in (("begeleiders", 1.0), ("groepsgrootte", 1.0),
                              ("huisvesting", 0.0), ("verzorging", 0.0)):
                s = t.get(row, col)
                p[col] = t.number(s, lineno) if s != "" else dflt
            if not (p["begeleiders"] > 0 and p["groepsgrootte"] > 0):
                raise RefError("%s:%d: begeleiders/groepsgrootte <= 0" % (t.path, lineno))
            for name in PARAMS:
                s = t.get(row, name)
                if s != "":
                    p["over"][name] = param_value(t, name, s, lineno)
            ov = p["over"]
            pc = any(c in ov for c in COMPONENTS)
            if "productiviteit" in ov and pc:
                raise RefError("%s:%d: productiviteit en componenten samen" % (t.path, lineno))
            if pc and not self.components:
                raise RefError("%s:%d: component terwijl regio productiviteit gebruikt" % (t.path, lineno))
            self.producten.append(p)

        # functiemix.csv
        t = Table(os.path.join(regiodir, "functiemix.csv"),
                  ("product", "functie", "percentage", "ort"),
                  ("product", "functie", "percentage"))
        byc = {p["code"]: p for p in self.producten}
        for lineno, row in t.rows:
            code = row["product"]
            if code not in byc:
                raise RefError("%s:%d: onbekend product %s" % (t.path, lineno, code))
            f = row["functie"]
            if f not in self.functies:
                raise RefError("%s:%d: onbekende functie %s" % (t.path, lineno, f))
            w = t.number(row["percentage"], lineno, percent=True)
            byc[code]["mix"].append((f, w, parse_pct_exact(row["percentage"], t.delim)))
            # the functiemix's own ort for this functie in this product
            o = t.get(row, "ort")
            if o != "":
                if "per_uur" in self.functies[f]:
                    raise RefError("%s:%d: ort bij loonkosten_per_uur" % (t.path, lineno))
                byc[code]["mix_ort"][f] = t.number(o, lineno, percent=True)
        for p in self.producten:
            if not p["mix"]:
                raise RefError("product %s heeft geen functiemix" % p["code"])
            tot = sum(x[2] for x in p["mix"])
            if abs(tot - decimal.Decimal(100)) > decimal.Decimal("0.01"):
                raise RefError("functiemix %s telt op tot %s %%" % (p["code"], tot))

    def cao(self, cid):
        if cid not in self.caos:
            self.caos[cid] = Cao(self.caomap, cid)
        return self.caos[cid]

    # resolution: product > regio > cao > default
    def resolve(self, p, name, cao=None):
        if name in p["over"]:
            return p["over"][name]
        if name in self.params:
            return self.params[name]
        if cao is not None and name in cao.params:
            return cao.params[name]
        if name in DEFAULTS:
            return DEFAULTS[name]
        raise RefError("product %s: parameter '%s' nergens gezet" % (p["code"], name))

    def productiviteit(self, p):
        ov = p["over"]
        if "productiviteit" in ov:
            v = ov["productiviteit"]
        elif any(c in ov for c in COMPONENTS) or self.components:
            s = 0.0
            for c in COMPONENTS:
                s += ov.get(c, self.params.get(c, 0.0))
            v = 1.0 - s
        else:
            v = self.params["productiviteit"]
        if not (0.0 < v <= 1.0):
            raise RefError("product %s: productiviteit %r buiten (0, 100] %%" % (p["code"], v))
        return v


def parse_pct_exact(text, delim):
    s = text.strip()
    if s.endswith("%"):
        s = s[:-1].rstrip()
    if delim == ";":
        s = s.replace(".", "").replace(",", ".")
    return decimal.Decimal(s)


# --------------------------------------------------------------------------
# §3 calculation


def round15(x):
    return decimal.Decimal("%.15g" % x)


def afronden(t, mode):
    D = decimal.Decimal
    if mode == "cent":
        return float(round15(t).quantize(D("0.01"), rounding=decimal.ROUND_HALF_UP))
    if mode == "euro":
        return float(round15(t).quantize(D("1"), rounding=decimal.ROUND_HALF_UP))
    if mode == "euro_omhoog":
        return float(round15(t).to_integral_value(rounding=decimal.ROUND_CEILING))
    if mode == "deelbaar_door_60":
        r = float(round15(t / 60).quantize(D("0.01"), rounding=decimal.ROUND_HALF_UP))
        return 60 * r
    raise RefError("afronding %s" % mode)


def bereken(regio, p):
    C = 0.0
    for fname, w, _ in p["mix"]:
        f = regio.functies[fname]
        if "per_uur" in f:
            Cf = f["per_uur"]
        else:
            cao = f["cao"]
            S = f["S"]
            J = 12 * S
            VT = J * regio.resolve(p, "vakantietoeslag", cao)
            EJU = J * regio.resolve(p, "eindejaarsuitkering", cao)
            ort = p["mix_ort"][fname] if fname in p["mix_ort"] else regio.resolve(p, "ort", cao)
            ORT = J * ort
            B = J + VT + EJU + ORT
            WGL = B * regio.resolve(p, "werkgeverslasten", cao)
            L = B + WGL
            jaaruren = regio.resolve(p, "jaaruren", cao)
            if not jaaruren > 0:
                raise RefError("jaaruren <= 0")
            Cf = L / jaaruren
        C = C + w * Cf
    I = p["uren"] * p["begeleiders"] / p["groepsgrootte"]
    E1 = I * C
    prod = regio.productiviteit(p)
    E2 = E1 * (1 / prod - 1)
    E3 = (E1 + E2) * regio.resolve(p, "reis_en_opleiding")
    E5 = (E1 + E2) * regio.resolve(p, "gemeentelijke_verplichtingen")
    P = E1 + E2 + E3 + E5
    oh = regio.resolve(p, "overhead")
    if regio.resolve(p, "overhead_grondslag") == "opslag":
        E4 = P * oh
    else:
        if not oh < 1:
            raise RefError("overhead aandeel >= 100 %")
        E4 = P * oh / (1 - oh)
    E6 = p["huisvesting"]
    E7 = p["verzorging"]
    K = E1 + E2 + E3 + E4 + E5 + E6 + E7
    R = K * regio.resolve(p, "risico")
    E8 = (K + R) * regio.resolve(p, "indexatie")
    T = K + R + E8
    tarief = afronden(T, regio.resolve(p, "afronding"))
    # pgb: a share of the rounded tariff, half away from zero to the cent
    pgb = {}
    for k in ("pgb_professioneel", "pgb_informeel"):
        pct = p["over"].get(k, regio.params.get(k))
        if pct is not None:
            if not (0 < pct <= 1):
                raise RefError("product %s: %s buiten (0, 100] %%" % (p["code"], k))
            pgb[k] = afronden(tarief * pct, "cent")
    return {
        "_pgb": pgb,
        "tarief": tarief,
        "kosten_beroepskracht": E1,
        "niet_productieve_uren": E2,
        "reis_en_opleiding": E3,
        "overhead": E4,
        "gemeentelijke_verplichtingen": E5,
        "huisvesting": E6,
        "verzorging": E7,
        "risico": R,
        "indexatie": E8,
        "afrondingsverschil": tarief - T,
        "_T": T, "_C": C, "_I": I, "_prod": prod, "_K": K, "_P": P,
    }


# --------------------------------------------------------------------------
# §5 output

ELEMENTS = ("kosten_beroepskracht", "niet_productieve_uren", "reis_en_opleiding",
            "overhead", "gemeentelijke_verplichtingen", "huisvesting",
            "verzorging", "risico", "indexatie", "afrondingsverschil")


def fmt(x, dec):
    s = "%.*f" % (dec, x)
    if float(s) == 0:
        s = s.lstrip("-")
    return s.replace(".", ",")


def csv_text(regio):
    rs = [bereken(regio, p) for p in regio.producten]
    pgb = any(r["_pgb"] for r in rs)
    out = ["code;naam;eenheid;tarief;" + ";".join(ELEMENTS) +
           (";pgb_professioneel;pgb_informeel" if pgb else "")]
    for p, r in zip(regio.producten, rs):
        cells = [p["code"], p["naam"], p["eenheid"], fmt(r["tarief"], 2)]
        cells += [fmt(r[e], 6) for e in ELEMENTS]
        if pgb:
            cells += [fmt(r["_pgb"][k], 2) if k in r["_pgb"] else ""
                      for k in ("pgb_professioneel", "pgb_informeel")]
        out.append(";".join(_quote(c) for c in cells))
    return "\n".join(out) + "\n"


def _quote(c):
    if ";" in c or '"' in c or "\n" in c:
        return '"' + c.replace('"', '""') + '"'
    return c


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("gebruik: tarief_ref.py <regio-map> <cao-map>\n")
        return 2
    try:
        regio = Regio(argv[1], argv[2])
        sys.stdout.write(csv_text(regio))
    except RefError as e:
        sys.stderr.write("tarief_ref: fout: %s\n" % e)
        return 2
    except OSError as e:
        sys.stderr.write("tarief_ref: fout: %s\n" % e)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
