#!/usr/bin/env python3
"""Seeded random regions for the differential test (tests/layer-ref.sh).

    python3 tests/ref/genregio.py UITMAP SEED...

writes for each seed a small, valid region to UITMAP/SEED/regio/ with its two
CAO tables in UITMAP/SEED/cao/<id>/, and the features the seed drew (for the
TAP line) to UITMAP/SEED/kenmerken and as "SEED<tab>features" on stdout. The same seed gives the same bytes on every machine:
only random.Random(seed) decides, the standard library only.

What varies, all within what rekenmethode §1 and §2 allow:
  - dialect per file: ';' with decimal comma (and sometimes '.' thousands
    groups) or ',' with decimal point; BOM; CRLF; empty lines; comment lines
    (before the header too); fields quoted at random, free text holding the
    delimiter, doubled quotes and line breaks inside quotes; header column
    order, case and surrounding spaces; optional and free-text columns
    (`#…`, toelichting, bron, omschrijving) present or left out (rows cut
    short after their last non-empty cell are an error since issue 15 and
    no longer written); a trailing empty header cell;
  - percentages with and without '%' (also "8,5 %");
  - two CAOs with schaal/trede labels containing spaces; CAO parameters in
    the CAO, overridden by the region, and overridden per product;
  - productiviteit or its six components (region), and per product either
    its own productiviteit or components (only where §2.2 allows that);
  - functies from a CAO scale (with their own cao or the region's default)
    and by loonkosten_per_uur;
  - overhead_grondslag opslag/aandeel, the four afronding modes, ort,
    risico, indexatie, huisvesting, verzorging, fractional begeleiders and
    groepsgrootte, every eenheid.
"""

import decimal
import os
import random
import sys

D = decimal.Decimal

COMPONENTS = ("verlof", "verzuim", "scholing", "werkoverleg",
              "indirecte_tijd", "overig_niet_productief")
EENHEDEN = ("minuut", "uur", "dagdeel", "etmaal", "dag", "week", "maand",
            "traject", "stuk")
AFRONDING = ("cent", "euro", "euro_omhoog", "deelbaar_door_60")

# Free text that exercises quoting: the delimiters, a doubled quote, a line
# break (only ever inside quotes), non-ASCII.
TEKSTEN = (
    "aanname",
    "cao-tabel, art. 4:15",
    "regio; besluit 2024",
    'zie "kostprijsmodel" p. 3',
    "twee regels:\nvervolg op de tweede regel",
    "ca. 1 uur per week; zie bijlage, tabel 2",
    "Besluit Jeugdwet art. 2.3 — ‘reëel’",
    "",
)
NAMEN = (
    "Ambulante begeleiding", "Groep, middag", "Dagbesteding; licht",
    'Verblijf "plus"', "Crisisopvang", "Logeren (weekend)", "Behandeling GGZ",
    "Jeugd- en gezinsbegeleiding", "Training sociale vaardigheden",
)
SCHALEN = ("7", "FG 45", "schaal 10", "FWG 50", "A 3", "11")
TREDEN = ("1", "u1", "start", "trede 3", "5", "max 2")
FUNCTIES = ("MBO", "HBO", "WO", "jeugdzorgwerker b", "gedragswetenschapper",
            "Pedagogisch medewerker", "regiebehandelaar")
CAO_IDS = (("cao-a", "Cao Alfa 2024-2025"), ("cao-b-2025", "Cao Bèta; testtabel"),
           ("ghz x", "Cao GHZ (kopie, met spatie in de map)"))


# The order of the features in the TAP name.
ORDER = ("sep;", "sep,", "bom", "crlf", "quotes", "regeleinde-in-veld", "commentaar",
         "lege-regel", "lege-kopcel", "kop-hoofdletters", "kop-spaties",
         "duizendtallen", "pct-teken", "cao-id-met-spatie", "componenten",
         "product-productiviteit", "product-componenten", "cao-override-product",
         "loonkosten_per_uur", "aandeel", "groep-fractie")


class Dialect:
    """How one file is written."""

    def __init__(self, rng, seen):
        self.rng = rng
        self.seen = seen  # features that occurred, for the TAP name
        self.delim = rng.choice((";", ";", ","))
        seen.add("sep" + self.delim)
        self.bom = rng.random() < 0.3
        self.crlf = rng.random() < 0.3
        self.quote_p = rng.choice((0.0, 0.1, 0.4))
        self.group = self.delim == ";" and rng.random() < 0.5
        self.pct_form = rng.choice(("kaal", "procent", "procent_spatie", "mix"))
        self.header_case = rng.choice(("laag", "hoog", "titel", "mix"))
        self.header_space = rng.random() < 0.3
        self.comments = rng.random() < 0.6
        self.blank = rng.random() < 0.4
        self.short = rng.random() < 0.5
        self.trailing = rng.random() < 0.2

    def num(self, x, group_ok=True):
        """A Decimal as the dialect writes it."""
        s = format(x, "f")
        if self.delim == ",":
            return s
        neg = s.startswith("-")
        s = s.lstrip("-")
        ip, _, fp = s.partition(".")
        if group_ok and self.group and len(ip) > 3 and self.rng.random() < 0.7:
            g = []
            while len(ip) > 3:
                g.insert(0, ip[-3:])
                ip = ip[:-3]
            ip = ip + "." + ".".join(g)
            self.seen.add("duizendtallen")
        s = ip + ("," + fp if fp else "")
        return ("-" if neg else "") + s

    def pct(self, x):
        s = self.num(x, group_ok=False)
        form = self.pct_form
        if form == "mix":
            form = self.rng.choice(("kaal", "procent", "procent_spatie"))
        if form != "kaal":
            self.seen.add("pct-teken")
        return s + {"kaal": "", "procent": "%", "procent_spatie": " %"}[form]

    def head(self, name):
        case = self.header_case
        if case == "mix":
            case = self.rng.choice(("laag", "hoog", "titel"))
        if case == "hoog":
            name = name.upper()
        elif case == "titel":
            name = name[:1].upper() + name[1:]
        if case != "laag":
            self.seen.add("kop-hoofdletters")
        if self.header_space and self.rng.random() < 0.5:
            name = " " + name + " "
            self.seen.add("kop-spaties")
        return name

    def cell(self, text):
        need = (self.delim in text or '"' in text or "\n" in text
                or text != text.strip())
        if need or (text and self.rng.random() < self.quote_p):
            self.seen.add("quotes")
            if "\n" in text:
                self.seen.add("regeleinde-in-veld")
            return '"' + text.replace('"', '""') + '"'
        return text

    def comment(self):
        return self.rng.choice((
            "# commentaar",
            "#" + self.delim + "lege commentaarcel" + self.delim,
            "# bron: notitie 12" + self.delim + " niet meegeteld",
            "  # ingesprongen commentaar",
        ))


def write_csv(path, dialect, header, rows):
    """header: column names; rows: lists of text, one per column."""
    rng = dialect.rng
    d = dialect.delim
    seen = dialect.seen
    lines = []
    if dialect.comments and rng.random() < 0.3:
        lines.append(dialect.comment())
        seen.add("commentaar")
    hcells = [dialect.cell(dialect.head(h)) for h in header]
    if dialect.trailing:
        hcells.append("")
        seen.add("lege-kopcel")
    lines.append(d.join(hcells))
    for r in rows:
        if dialect.comments and rng.random() < 0.2:
            lines.append(dialect.comment())
            seen.add("commentaar")
        if dialect.blank and rng.random() < 0.15:
            lines.append(rng.choice(("", " ", d * len(header))))
            seen.add("lege-regel")
        cells = list(r)
        if dialect.short and rng.random() < 0.6:
            # A row shorter than its header is an error since issue 15 (a
            # cut-off row would silently change a tariff; tests/layer-robuust.sh):
            # never written. The draw stays, so every seed keeps its region.
            pass
        elif dialect.trailing and rng.random() < 0.5:
            cells.append("")
        lines.append(d.join(dialect.cell(c) for c in cells))
    if dialect.comments and rng.random() < 0.3:
        lines.append(dialect.comment())
        seen.add("commentaar")
    nl = "\r\n" if dialect.crlf else "\n"
    if dialect.crlf:
        seen.add("crlf")
    if dialect.bom:
        seen.add("bom")
    # a line break inside a quoted field keeps the file's own line end
    text = nl.join(l.replace("\n", nl) for l in lines)
    if rng.random() < 0.8:
        text += nl
    data = text.encode("utf-8")
    if dialect.bom:
        data = b"\xef\xbb\xbf" + data
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def shuffled(rng, seq):
    seq = list(seq)
    rng.shuffle(seq)
    return seq


def dec(rng, lo, hi, places):
    """A Decimal in [lo, hi] with at most `places` decimals."""
    q = 10 ** places
    return (D(rng.randint(int(lo * q), int(hi * q))) / q).normalize() + D(0)


def plain(x):
    """Decimal without exponent and trailing zeros (100 stays 100)."""
    s = format(x, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return D(s)


def params_file(path, dialect, pairs, rng):
    """parameter;waarde;bron with shuffled columns and optional extras."""
    cols = ["parameter", "waarde", "bron"]
    if rng.random() < 0.3:
        cols.append("#notitie")
    if rng.random() < 0.5:
        cols = shuffled(rng, cols)
    if rng.random() < 0.3:
        cols.remove("bron")
    if cols[0].startswith("#"):  # a header starting with '#' is a comment
        cols.append(cols.pop(0))
    rows = []
    for name, value in pairs:
        row = {"parameter": name, "waarde": value,
               "bron": rng.choice(TEKSTEN), "#notitie": rng.choice(TEKSTEN)}
        rows.append([row[c] for c in cols])
    write_csv(path, dialect, cols, rows)


def generate(seed, out):
    rng = random.Random(seed)
    seen = set()
    regio = os.path.join(out, "regio")
    caomap = os.path.join(out, "cao")

    # --- two CAOs ------------------------------------------------------
    ids = rng.sample(CAO_IDS, 2)
    caos = []
    for cid, cnaam in ids:
        c = {"id": cid, "schalen": {}, "params": {}}
        for s in rng.sample(SCHALEN, rng.randint(1, 3)):
            for t in rng.sample(TREDEN, rng.randint(1, 3)):
                cents = rng.random() < 0.5
                c["schalen"][(s, t)] = dec(rng, 1800, 6800, 2 if cents else 0)
        c["params"]["jaaruren"] = rng.choice((D(1800), D(1836), D(1878), D("1872.5"), D(1560)))
        for p, lo, hi in (("vakantietoeslag", 7, 9), ("eindejaarsuitkering", 5, 10),
                          ("werkgeverslasten", 18, 35)):
            if rng.random() < 0.8:
                c["params"][p] = dec(rng, lo, hi, rng.choice((0, 1, 2)))
        caos.append(c)
        dia = Dialect(rng, seen)
        pairs = [("naam", cnaam), ("ingangsdatum", "2024-%02d-01" % rng.randint(1, 12))]
        if rng.random() < 0.5:
            pairs.append(("uren_per_week", dia.num(rng.choice((D(36), D(38), D("37.5"))))))
        for p, v in c["params"].items():
            pairs.append((p, dia.num(v) if p == "jaaruren" else dia.pct(v)))
        pairs = pairs[:2] + shuffled(rng, pairs[2:])
        params_file(os.path.join(caomap, cid, "cao.csv"), dia, pairs, rng)
        dia = Dialect(rng, seen)
        cols = ["schaal", "trede", "maandsalaris"]
        if rng.random() < 0.5:
            cols = shuffled(rng, cols)
        rows = []
        for (s, t), v in c["schalen"].items():
            rows.append([{"schaal": s, "trede": t, "maandsalaris": dia.num(v)}[k] for k in cols])
        write_csv(os.path.join(caomap, cid, "salarisschalen.csv"), dia, cols, rows)
    if any(" " in c["id"] for c in caos):
        seen.add("cao-id-met-spatie")

    # --- uitgangspunten ------------------------------------------------
    dia = Dialect(rng, seen)
    up = []  # (name, text)
    reg = {}
    up.append(("regio", "Testregio %d%s" % (seed, rng.choice(("", ", generator", "; generator")))))
    up.append(("tariefjaar", str(rng.choice((2024, 2025, 2026)))))
    default_cao = caos[0] if rng.random() < 0.7 else None
    if default_cao:
        up.append(("cao", default_cao["id"]))
    # a CAO parameter the CAO lacks must come from the region
    for p in ("vakantietoeslag", "eindejaarsuitkering", "werkgeverslasten"):
        lacks = any(p not in c["params"] for c in caos)
        if lacks or rng.random() < 0.25:
            reg[p] = dec(rng, 5, 30, 2)
            up.append((p, dia.pct(reg[p])))
    if rng.random() < 0.2:
        up.append(("jaaruren", dia.num(rng.choice((D(1720), D("1750.25"))))))
    comps = rng.random() < 0.5
    if comps:
        seen.add("componenten")
        for c in rng.sample(COMPONENTS, rng.randint(1, 6)):
            up.append((c, dia.pct(dec(rng, 0, 8, 2))))
    else:
        up.append(("productiviteit", dia.pct(dec(rng, 55, 100, 2))))
    for p, lo, hi, pl in (("ort", 0, 12, 1), ("reis_en_opleiding", 0, 5, 2),
                          ("gemeentelijke_verplichtingen", 0, 4, 2),
                          ("overhead", 5, 35, 2), ("risico", 0, 5, 1),
                          ("indexatie", 0, 8, 2)):
        if rng.random() < 0.7:
            up.append((p, dia.pct(dec(rng, lo, hi, pl))))
    if rng.random() < 0.6:
        g = rng.choice(("opslag", "aandeel"))
        up.append(("overhead_grondslag", g))
    if rng.random() < 0.7:
        up.append(("afronding", rng.choice(AFRONDING)))
    up = up[:2] + shuffled(rng, up[2:])
    params_file(os.path.join(regio, "uitgangspunten.csv"), dia, up, rng)
    dia_up = dia

    # --- functies --------------------------------------------------------
    dia = Dialect(rng, seen)
    functies = []
    names = rng.sample(FUNCTIES, rng.randint(3, 5))
    for i, naam in enumerate(names):
        f = {"functie": naam, "cao": "", "schaal": "", "trede": "",
             "loonkosten_per_uur": "", "omschrijving": rng.choice(TEKSTEN)}
        if i >= 2 and rng.random() < 0.35:
            f["loonkosten_per_uur"] = dia.num(dec(rng, 30, 110, 2))
        else:
            c = caos[i % 2] if i < 2 else rng.choice(caos)
            f["schaal"], f["trede"] = rng.choice(sorted(c["schalen"]))
            if c is not default_cao or rng.random() < 0.3:
                f["cao"] = c["id"]
        functies.append(f)
    # A rounding edge: one product whose unrounded tariff is, in decimal,
    # exactly on the edge of its afronding mode (42,525 for cent, 37 for
    # euro_omhoog, ...): T = loonkosten_per_uur + huisvesting (+ verzorging)
    # with every surcharge 0 and productiviteit 100 %, so the double sum
    # lands a hair beside the edge and only ROUND on 15 significant digits
    # gives the decimal answer.
    rand = None
    if rng.random() < 0.5:
        mode = rng.choice(AFRONDING)
        if mode == "cent":
            t = D(rng.randint(100, 99999)) / 100 + D("0.005")
        elif mode == "euro":
            t = D(rng.randint(1, 999)) + D("0.5")
        elif mode == "euro_omhoog":
            t = D(rng.randint(2, 999))
        else:  # a multiple of 0,30 that is not one of 0,60: T/60 ends in 5
            t = D("0.3") * (2 * rng.randint(1, 999) + 1)
        q = D("0.01") if rng.random() < 0.5 else D("0.001")
        lpu = (t * rng.randint(10, 90) / 100).quantize(q)
        rest = t - lpu
        verz = (rest * rng.randint(0, 60) / 100).quantize(q) if rng.random() < 0.5 else D(0)
        rand = {"mode": mode, "lpu": lpu, "huis": rest - verz, "verz": verz}
        functies.append({"functie": "randgeval", "cao": "", "schaal": "", "trede": "",
                         "loonkosten_per_uur": dia.num(lpu), "omschrijving": "T = " + dia.num(t)})
        seen.add("randgeval-" + mode)
    if any(f["loonkosten_per_uur"] for f in functies):
        seen.add("loonkosten_per_uur")
    cols = ["functie", "schaal", "trede"]
    if any(f["cao"] for f in functies) or rng.random() < 0.5:
        cols.insert(1, "cao")
    if any(f["loonkosten_per_uur"] for f in functies) or rng.random() < 0.3:
        cols.append("loonkosten_per_uur")
    if rng.random() < 0.6:
        cols.append("omschrijving")
    if rng.random() < 0.6:
        cols = shuffled(rng, cols)
    write_csv(os.path.join(regio, "functies.csv"), dia,
              cols, [[f[c] for c in cols] for f in functies])

    # --- producten -------------------------------------------------------
    dia = Dialect(rng, seen)
    producten = []
    n = rng.randint(3, 6)
    codes = rng.sample(["45A48", "45A49", "P%02d" % seed, "G-1", "WMO 12", "X9", "41A30"], n)
    override_cols = set()
    for code in codes:
        p = {"code": code, "naam": rng.choice(NAMEN), "eenheid": rng.choice(EENHEDEN)}
        p["uren_per_eenheid"] = dia.num(rng.choice(
            (D(1), D("0.5"), D("3.25"), D(24), D(8), D("0.0166666666666667"), D("1.75"), D(160))))
        if rng.random() < 0.5:
            p["begeleiders"] = dia.num(rng.choice((D(1), D(2), D("1.5"), D(3))))
        if rng.random() < 0.5:
            p["groepsgrootte"] = dia.num(rng.choice((D(1), D("2.5"), D(6), D("7.5"), D(10), D("3.3"))))
        if rng.random() < 0.35:
            p["huisvesting"] = dia.num(dec(rng, 0, 1200, 2))
        if rng.random() < 0.35:
            p["verzorging"] = dia.num(dec(rng, 0, 60, 2))
        # per-product overrides (CAO parameters too)
        for q, lo, hi, pl in (("vakantietoeslag", 7, 9, 2), ("eindejaarsuitkering", 0, 10, 2),
                              ("werkgeverslasten", 15, 35, 2), ("ort", 0, 15, 1),
                              ("reis_en_opleiding", 0, 5, 2), ("gemeentelijke_verplichtingen", 0, 4, 2),
                              ("overhead", 0, 40, 2), ("risico", 0, 6, 1), ("indexatie", 0, 6, 2)):
            if rng.random() < 0.12:
                p[q] = dia.pct(dec(rng, lo, hi, pl))
        if rng.random() < 0.12:
            p["jaaruren"] = dia.num(rng.choice((D(1500), D(1650), D("1700.5"))))
        if rng.random() < 0.2:
            p["overhead_grondslag"] = rng.choice(("opslag", "aandeel"))
        if rng.random() < 0.3:
            p["afronding"] = rng.choice(AFRONDING)
        r = rng.random()
        if r < 0.2:
            p["productiviteit"] = dia.pct(dec(rng, 50, 100, 2))
        elif r < 0.4 and comps:
            for c in rng.sample(COMPONENTS, rng.randint(1, 3)):
                p[c] = dia.pct(dec(rng, 0, 12, 2))
        override_cols.update(k for k in p if k not in ("code", "naam", "eenheid", "uren_per_eenheid"))
        p["omschrijving"] = rng.choice(TEKSTEN)
        producten.append(p)
    if rand:
        p = {"code": "RAND", "naam": "Randgeval " + rand["mode"], "eenheid": "uur",
             "uren_per_eenheid": dia.num(D(1)), "productiviteit": dia.pct(D(100)),
             "afronding": rand["mode"], "huisvesting": dia.num(rand["huis"]),
             "_mix": [("randgeval", D(100))]}
        if rand["verz"]:
            p["verzorging"] = dia.num(rand["verz"])
        for q in ("reis_en_opleiding", "gemeentelijke_verplichtingen", "overhead",
                  "risico", "indexatie"):
            p[q] = dia.pct(D(0))
        override_cols.update(k for k in p if k not in ("code", "naam", "eenheid",
                                                       "uren_per_eenheid", "_mix"))
        producten.insert(rng.randint(0, len(producten)), p)
    modes = set()
    for p in producten:
        if "afronding" in p:
            modes.add(p["afronding"])
    cols = ["code", "naam", "eenheid", "uren_per_eenheid"]
    extra = sorted(override_cols)
    # sometimes an optional column that no product uses, all cells empty
    for c in ("begeleiders", "groepsgrootte", "huisvesting", "risico", "productiviteit", "verzuim"):
        if c not in extra and rng.random() < 0.15:
            extra.append(c)
    cols += extra
    if rng.random() < 0.5:
        cols.append("omschrijving")
    if rng.random() < 0.2:
        cols.append("toelichting")
    if rng.random() < 0.6:
        cols = shuffled(rng, cols)
    write_csv(os.path.join(regio, "producten.csv"), dia, cols,
              [[p.get(c, "") if c != "toelichting" else rng.choice(TEKSTEN) for c in cols]
               for p in producten])
    if any("," in p.get("groepsgrootte", "") or "." in p.get("groepsgrootte", "")
           for p in producten):
        seen.add("groep-fractie")
    if any(k in p for p in producten for k in ("vakantietoeslag", "eindejaarsuitkering",
                                               "werkgeverslasten", "jaaruren")):
        seen.add("cao-override-product")
    if any("productiviteit" in p for p in producten):
        seen.add("product-productiviteit")
    if any(c in p for p in producten for c in COMPONENTS):
        seen.add("product-componenten")
    if any(p.get("overhead_grondslag") == "aandeel" for p in producten) or \
            ("overhead_grondslag", "aandeel") in up:
        seen.add("aandeel")
    for k, v in up:
        if k == "afronding":
            modes.add(v)
    if modes:
        seen.add("afronding=" + "+".join(m for m in AFRONDING if m in modes))

    # --- functiemix ------------------------------------------------------
    # ort per functie and the pgb tariffs come from a second stream (rng2),
    # so that a region that uses neither is the same as before they existed
    rng2 = random.Random(seed * 7919 + 17)
    ortcol = rng2.random() < 0.4
    per_uur = {f["functie"] for f in functies if f["loonkosten_per_uur"]}
    dia = Dialect(rng, seen)
    mix = []
    for p in producten:
        if "_mix" in p:
            for f, w in p["_mix"]:
                mix.append([p["code"], f, dia.pct(w), rng.choice(TEKSTEN)])
            continue
        fs = rng.sample(functies, rng.randint(1, min(3, len(functies))))
        split = rng.choice(("heel", "decimaal", "derden"))
        if len(fs) == 1:
            pcts = [D(100)]
        elif split == "derden" and len(fs) == 3:
            pcts = [D("33.33"), D("33.33"), D("33.34")]
        else:
            places = 0 if split == "heel" else rng.choice((1, 2))
            q = 10 ** places
            cuts = sorted(rng.sample(range(1, 100 * q), len(fs) - 1))
            bounds = [0] + cuts + [100 * q]
            pcts = [plain(D(bounds[i + 1] - bounds[i]) / q) for i in range(len(fs))]
        for f, w in zip(fs, pcts):
            mix.append([p["code"], f["functie"], dia.pct(w), rng.choice(TEKSTEN)])
    if ortcol:
        seen.add("ort-per-functie")
        for r in mix:
            zet = r[1] not in per_uur and rng2.random() < 0.5
            r.append(dia.pct(dec(rng2, 0, 15, 1)) if zet else "")
    if rng.random() < 0.4:
        rng.shuffle(mix)
    cols = ["product", "functie", "percentage", "bron"] + (["ort"] if ortcol else [])
    order = list(range(len(cols))) if rng.random() < 0.5 else shuffled(rng, range(len(cols)))
    if rng.random() < 0.4:
        order.remove(3)
    write_csv(os.path.join(regio, "functiemix.csv"), dia, [cols[i] for i in order],
              [[r[i] for i in order] for r in mix])

    # pgb tariffs: uitgangspunten.csv written again with them (the last file
    # written, so the other files stay as they were)
    pgb = [(k, dia_up.pct(dec(rng2, lo, 100, 2))) for k, lo in (("pgb_professioneel", 60), ("pgb_informeel", 40))
           if rng2.random() < 0.35]
    if pgb:
        seen.add("pgb")
        params_file(os.path.join(regio, "uitgangspunten.csv"), dia_up, up + pgb, rng)
    return " ".join([f for f in ORDER if f in seen] +
                    sorted(f for f in seen if f not in ORDER and not f.startswith("afronding=")) +
                    sorted(f for f in seen if f.startswith("afronding=")))


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("gebruik: genregio.py UITMAP SEED...\n"
                         "  schrijft UITMAP/SEED/regio/ en UITMAP/SEED/cao/<id>/ per seed,\n"
                         "  en de kenmerken van elke regio in UITMAP/SEED/kenmerken\n")
        return 2
    for a in argv[2:]:
        seed = int(a)
        out = os.path.join(argv[1], str(seed))
        feats = generate(seed, out)
        with open(os.path.join(out, "kenmerken"), "w", encoding="utf-8") as f:
            f.write(feats + "\n")
        print("%d\t%s" % (seed, feats))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
