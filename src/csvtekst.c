/*
 * csvtekst.c - one text cell of the CSV we write, safe to open in a
 * spreadsheet (docs/betrouwbaarheid.md, "CSV-injectie").
 *
 * A cell that starts with = + - or @ would be taken as a formula by Excel
 * and LibreOffice (=HYPERLINK(...) runs when clicked): it gets a leading
 * apostrophe, the usual prefix rule, which a spreadsheet shows as text. A
 * text that starts with an apostrophe before one of those gets one more, so
 * reading back is exact. Our CSV reader (csvread.c) removes the one
 * apostrophe again, so `tarief controleer` reads our own CSV back as
 * written. Numbers are not text cells and never get the prefix.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static bool formula_start(const char *s)
{
    return s[0] && strchr("=+-@", s[0]) != NULL;
}

bool ti_csv_needs_prefix(const char *s)
{
    return formula_start(s) || (s[0] == '\'' && formula_start(s + 1));
}

int ti_csv_tekst(FILE *out, const char *s)
{
    if (s == NULL)
        s = "";
    const char *prefix = ti_csv_needs_prefix(s) ? "'" : "";
    if (strpbrk(s, ";\"\r\n") == NULL)
        return fputs(prefix, out) < 0 || fputs(s, out) < 0 ? -1 : 0;
    /* the apostrophe goes inside the quotes: '"=A";...' would not be CSV */
    if (fputc('"', out) == EOF || fputs(prefix, out) < 0)
        return -1;
    for (const char *p = s; *p; p++)
        if ((*p == '"' && fputc('"', out) == EOF) || fputc(*p, out) == EOF)
            return -1;
    return fputc('"', out) == EOF ? -1 : 0;
}
