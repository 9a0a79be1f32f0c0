#!/usr/bin/env python3
"""zelfde.py A.xlsx B.xlsx: exit 0 when both are valid zip files with the
same members and the same bytes in each (the zip's own timestamps may
differ between runs); else exit 1 saying what differs."""
import sys
import zipfile

try:
    a, b = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
    if a.testzip() is not None or b.testzip() is not None:
        sys.exit("kapot lid in het zip-bestand")
    na, nb = sorted(a.namelist()), sorted(b.namelist())
    if na != nb:
        sys.exit("andere leden: %s" % sorted(set(na) ^ set(nb)))
    for n in na:
        if a.read(n) != b.read(n):
            sys.exit("lid %s verschilt" % n)
except (zipfile.BadZipFile, OSError) as e:
    sys.exit("geen geldig xlsx: %s" % e)
