# tests/lo.sh - LibreOffice for the workbook layers (sourced, not a layer).
#
#   . tests/lo.sh
#   lo_klaar "$tmp/lo-profiel" || exit 1      # prints "not ok" when missing
#   lo_herbereken UITMAP LOG FILE...           # recalculated copies in UITMAP
#
# A fresh profile with recalculation on load forced for OOXML and ODF
# (OOXMLRecalcMode/ODFRecalcMode 0), so every formula is computed by
# LibreOffice itself and never taken from the cached value.

# lo_klaar PROFIELMAP: find soffice ($soffice) and write the profile
# ($lo_profiel). Returns 1 after a TAP "not ok" line when LibreOffice is
# missing: the workbook tests never skip silently.
lo_klaar() {
    soffice=$(command -v soffice || command -v libreoffice || true)
    if [ -z "$soffice" ]; then
        echo "not ok - LibreOffice ontbreekt (apt-get install libreoffice-calc-nogui)"
        return 1
    fi
    lo_profiel=$1
    mkdir -p "$lo_profiel/user"
    cat > "$lo_profiel/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
}

# lo_herbereken UITMAP LOG FILE...: open each file, recalculate everything,
# save it as xlsx under the same name in UITMAP; LibreOffice's output in LOG.
lo_herbereken() {
    lo_uit=$1
    lo_log=$2
    shift 2
    mkdir -p "$lo_uit"
    "$soffice" -env:UserInstallation="file://$lo_profiel" --headless --norestore \
        --convert-to xlsx --outdir "$lo_uit" "$@" > "$lo_log" 2>&1
}
