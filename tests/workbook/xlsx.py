"""Minimal reading and editing of .xlsx files with the Python standard library.

Used by the workbook tests: they compare the values that tarief cached in its
formulas with the values LibreOffice computes, and they change input cells
before LibreOffice recalculates. Only what those tests need: cell values,
formulas, types, for every sheet; editing the value of a plain input cell.
"""
import re
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
}
M = "{%s}" % NS["m"]

_REF = re.compile(r"^([A-Z]+)([0-9]+)$")


def split_ref(ref):
    m = _REF.match(ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + (ord(ch) - 64)
    return col - 1, int(m.group(2)) - 1


def col_name(col):
    s = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        s = chr(65 + rem) + s
    return s


class Cell:
    __slots__ = ("ref", "row", "col", "type", "value", "formula")

    def __init__(self, ref, typ, value, formula):
        self.ref = ref
        self.col, self.row = split_ref(ref)
        self.type = typ          # "n" number, "s" text, "b" boolean, "e" error
        self.value = value       # float for numbers, str otherwise, None if empty
        self.formula = formula   # formula text without "=", or None

    def __repr__(self):
        return "Cell(%s, %r, %r, %r)" % (self.ref, self.type, self.value, self.formula)


class Sheet:
    def __init__(self, name, cells):
        self.name = name
        self.cells = cells  # ref -> Cell
        self.grid = {(c.row, c.col): c for c in cells.values()}

    def get(self, row, col):
        return self.grid.get((row, col))

    def text(self, row, col):
        c = self.get(row, col)
        if c is None or c.value is None:
            return ""
        if isinstance(c.value, float):
            return repr(c.value)
        return c.value

    def nrows(self):
        return 1 + max((r for r, _ in self.grid), default=-1)

    def header(self, row=0):
        """Map of header text -> column index for one row."""
        out = {}
        for (r, c), cell in self.grid.items():
            if r == row and isinstance(cell.value, str):
                out[cell.value] = c
        return out


def _sheet_paths(z):
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {}
    for rel in rels.findall("pr:Relationship", NS):
        t = rel.get("Target")
        t = t.lstrip("/")
        if not t.startswith("xl/"):
            t = "xl/" + t
        target[rel.get("Id")] = t
    out = []
    for s in wb.find("m:sheets", NS).findall("m:sheet", NS):
        rid = s.get("{%s}id" % NS["r"])
        out.append((s.get("name"), target[rid]))
    return out


def _shared_strings(z):
    try:
        data = z.read("xl/sharedStrings.xml")
    except KeyError:
        return []
    root = ET.fromstring(data)
    out = []
    for si in root.findall("m:si", NS):
        out.append("".join(t.text or "" for t in si.iter(M + "t")))
    return out


def _parse_sheet(data, shared):
    cells = {}
    root = ET.fromstring(data)
    for c in root.iter(M + "c"):
        ref = c.get("r")
        t = c.get("t", "n")
        f = c.find("m:f", NS)
        v = c.find("m:v", NS)
        formula = f.text if f is not None and f.text else None
        if t == "inlineStr":
            is_ = c.find("m:is", NS)
            value = "".join(x.text or "" for x in is_.iter(M + "t")) if is_ is not None else ""
            typ = "s"
        elif t == "s":
            value = shared[int(v.text)] if v is not None else ""
            typ = "s"
        elif t == "str":
            value = v.text if v is not None and v.text is not None else ""
            typ = "s"
        elif t == "b":
            value = v.text if v is not None else None
            typ = "b"
        elif t == "e":
            value = v.text if v is not None else None
            typ = "e"
        else:
            value = float(v.text) if v is not None and v.text is not None else None
            typ = "n"
        if value is None and formula is None:
            continue  # a styled blank
        cells[ref] = Cell(ref, typ, value, formula)
    return cells


def read(path):
    """All sheets of a workbook, in tab order: list of Sheet."""
    with zipfile.ZipFile(path) as z:
        shared = _shared_strings(z)
        return [Sheet(name, _parse_sheet(z.read(p), shared)) for name, p in _sheet_paths(z)]


def read_dict(path):
    return {s.name: s for s in read(path)}


def set_numbers(src, dst, changes):
    """Copy workbook src to dst with new numeric values in plain input cells.

    changes: {sheet name: {cell ref: float}}. Only cells that already hold a
    number (no formula) can be changed; anything else is an error, so a test
    never silently edits the wrong cell.
    """
    with zipfile.ZipFile(src) as z:
        paths = dict(_sheet_paths(z))
        by_path = {}
        for sheet, refs in changes.items():
            by_path[paths[sheet]] = refs
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
            for info in z.infolist():
                data = z.read(info.filename)
                if info.filename in by_path:
                    data = _set_in_sheet(data, by_path[info.filename])
                out.writestr(info, data)


def _set_in_sheet(data, refs):
    text = data.decode("utf-8")
    for ref, value in refs.items():
        # <c r="B7" s="3"><v>0.2</v></c>  (libxlsxwriter writes exactly this form)
        pat = re.compile(r'(<c r="%s"(?: s="\d+")?>)<v>[^<]*</v>(</c>)' % ref)
        new, n = pat.subn(lambda m: m.group(1) + "<v>%s</v>" % repr(float(value)) + m.group(2), text)
        if n != 1:
            raise SystemExit("kan cel %s niet wijzigen (geen getal-invoercel?)" % ref)
        text = new
    return text.encode("utf-8")


C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _rels(z, part):
    """{rId: target path in the zip} of a part (e.g. xl/worksheets/sheet2.xml)."""
    d, f = part.rsplit("/", 1)
    name = "%s/_rels/%s.rels" % (d, f)
    if name not in z.namelist():
        return {}
    out = {}
    for rel in ET.fromstring(z.read(name)):
        t = rel.get("Target")
        parts = d.split("/")
        for p in t.split("/"):
            if p == "..":
                parts.pop()
            elif p != ".":
                parts.append(p)
        out[rel.get("Id")] = "/".join(parts)
    return out


def charts(path):
    """The native charts of a workbook: {sheet name: [chart, ...]}, a chart
    being {"path": "xl/charts/chart1.xml", "series": [{"name", "cat", "val"}]}
    with the series' name (text or reference) and the references of its
    categories and values as written."""
    out = {}
    with zipfile.ZipFile(path) as z:
        for name, sheet in _sheet_paths(z):
            for rid, drawing in _rels(z, sheet).items():
                if not drawing.startswith("xl/drawings/"):
                    continue
                for _, chart in sorted(_rels(z, drawing).items()):
                    root = ET.fromstring(z.read(chart))
                    series = []
                    for ser in root.iter("{%s}ser" % C_NS):
                        def ref(tag):
                            e = ser.find("{%s}%s" % (C_NS, tag))
                            if e is None:
                                return None
                            f = e.find(".//{%s}f" % C_NS)
                            if f is not None:
                                return f.text
                            v = e.find(".//{%s}v" % C_NS)
                            return v.text if v is not None else None
                        series.append({"name": ref("tx"), "cat": ref("cat"), "val": ref("val")})
                    out.setdefault(name, []).append({"path": chart, "series": series})
    return out
