#!/usr/bin/env python3
"""The generated regions of tests/layer-ref.sh against the reference.

    python3 tests/ref/vergelijk_regios.py UITMAP TOOL SEED...

For each seed, UITMAP/SEED/ holds what tests/ref/genregio.py wrote and what
the C tool made of it (c.csv, its exit status in c.status, its messages in
c.out). This computes the reference CSV in the same process (one Python
start for all regions keeps the layer fast), compares it with compare.py's
rules (tarief to the cent, every element within 0,0005) and prints one TAP
line per seed: "ok - genregio seed=N: <features>" or "not ok - ...", with
the differences and how to reproduce the region. TOOL is only named in that
reproduction hint.
"""

import contextlib
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402
import tarief_ref  # noqa: E402


def read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return ""


def diag(text, limit=30):
    lines = text.rstrip("\n").split("\n")
    for line in lines[:limit]:
        print("#   " + line)
    if len(lines) > limit:
        print("#   ... en nog %d regels" % (len(lines) - limit))


def check(uit, tool, seed):
    d = os.path.join(uit, seed)
    feats = read(os.path.join(d, "kenmerken")).strip()
    name = "genregio seed=%s: %s" % (seed, feats)
    regio, caomap = os.path.join(d, "regio"), os.path.join(d, "cao")
    hint = ("# opnieuw: python3 tests/ref/genregio.py /tmp/gen %s && %s bereken "
            "/tmp/gen/%s/regio --cao-map /tmp/gen/%s/cao -o /tmp/gen/%s.xlsx --csv -"
            % (seed, tool, seed, seed, seed))
    status = read(os.path.join(d, "c.status")).strip()
    if status != "0" or not os.path.isfile(os.path.join(d, "c.csv")):
        print("not ok - " + name)
        print("# tarief bereken stopte met status %s:" % (status or "?"))
        diag(read(os.path.join(d, "c.out")), 20)
        print(hint)
        return False
    try:
        text = tarief_ref.csv_text(tarief_ref.Regio(regio, caomap))
    except (tarief_ref.RefError, OSError) as e:
        print("not ok - " + name)
        print("# referentie-implementatie faalde: %s" % e)
        print(hint)
        return False
    ref = os.path.join(d, "ref.csv")
    with open(ref, "w", encoding="utf-8") as f:
        f.write(text)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = compare.main(["compare.py", os.path.join(d, "c.csv"), ref])
    if rc == 0:
        print("ok - " + name)
        return True
    print("not ok - " + name)
    print("# verschillen (links C, rechts referentie):")
    diag(out.getvalue(), 40)
    print(hint)
    return False


def main(argv):
    if len(argv) < 4:
        sys.stderr.write("gebruik: vergelijk_regios.py UITMAP TOOL SEED...\n")
        return 2
    ok = True
    for seed in argv[3:]:
        ok = check(argv[1], argv[2], seed) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
