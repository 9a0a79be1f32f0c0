/*
 * workbook_common.c - what the workbook writers share (workbook_common.h):
 * formats, references, the method's formulas that both workbooks model,
 * and the life of the file (locale, creation date, atomic write, errors).
 */
#include "workbook_common.h"

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *wbc_fmt(wbc_book *b, char *buf, size_t size, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int n = vsnprintf(buf, size, f, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= size) {
        wbc_fout(b, "interne fout: formule te lang");
        buf[0] = '\0';
    }
    return buf;
}

void wbc_formulaf(wbc_book *b, lxw_worksheet *ws, uint32_t row, int col, double cached, lxw_format *fm,
                  const char *f, ...)
{
    char buf[WBC_FORMULE_LEN];
    va_list ap;
    va_start(ap, f);
    int n = vsnprintf(buf, sizeof buf, f, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof buf) {
        wbc_fout(b, "interne fout: formule te lang");
        return;
    }
    wbc_check(b, worksheet_write_formula_num(ws, row, (lxw_col_t)col, buf, fm, cached));
}

lxw_format *wbc_format(wbc_book *b, uint32_t bg, uint32_t kleur, bool vet, bool cursief,
                       const char *num)
{
    lxw_format *f = workbook_add_format(b->book);
    if (bg)
        format_set_bg_color(f, bg);
    if (kleur)
        format_set_font_color(f, kleur);
    if (vet)
        format_set_bold(f);
    if (cursief)
        format_set_italic(f);
    if (num)
        format_set_num_format(f, num);
    return f;
}

void wbc_header(wbc_book *b, lxw_worksheet *ws, lxw_format *kop, const char *const *namen, int n,
                double hoogte)
{
    if (hoogte > 0)
        wbc_check(b, worksheet_set_row(ws, 0, hoogte, NULL));
    for (int c = 0; c < n; c++)
        wbc_str(b, ws, 0, c, namen[c], kop);
}

void wbc_widths(wbc_book *b, lxw_worksheet *ws, const wbc_kolom *k, size_t n)
{
    for (size_t i = 0; i < n; i++)
        wbc_check(b, worksheet_set_column(ws, (lxw_col_t)k[i].eerste, (lxw_col_t)k[i].laatste,
                                          k[i].breedte, NULL));
}

void wbc_col_letters(int c, char out[4])
{
    char tmp[4];
    int n = 0;
    c += 1;
    while (c > 0 && n < 3) {
        tmp[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

void wbc_sheet_prefix(char *buf, size_t size, const char *name)
{
    bool plain = true;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '_'))
            plain = false;
    if (plain)
        snprintf(buf, size, "%s!", name);
    else
        snprintf(buf, size, "'%s'!", name);
}

int wbc_check_locale(wbc_book *b)
{
    const struct lconv *lc = localeconv();
    if (lc == NULL || lc->decimal_point == NULL || strcmp(lc->decimal_point, ".") != 0) {
        tarief_ctx_error(b->ctx, b->path, 0, 0, NULL,
                         "interne fout: LC_NUMERIC is niet \"C\"; werkboek niet geschreven");
        return -1;
    }
    return 0;
}

int wbc_source_date_epoch(long long *out)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (s == NULL || s[0] == '\0')
        return 0;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno != 0 || *end != '\0' || v < 315532800LL || v > 253402300799LL)
        return -1;
    *out = v;
    return 1;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

long long wbc_nieuwjaar(int jaar)
{
    if (jaar < 1980)
        jaar = 1980;
    if (jaar > 9999)
        jaar = 9999;
    return days_from_civil(jaar, 1, 1) * 86400LL;
}

int wbc_open(wbc_book *b, const char *titel, const char *onderwerp, long long created)
{
    if (tarief_output_reserve(&b->out, b->path) != 0) {
        tarief_ctx_error(b->ctx, b->path, 0, 0, NULL, "kan werkboek niet schrijven: %s",
                         tarief_strerror(errno));
        return -1;
    }
    lxw_workbook_options lo = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    b->book = workbook_new_opt(b->out.tmp, &lo);
    if (b->book == NULL && errno == ENOMEM)
        tarief_onvoldoende_geheugen(); /* temporary files removed, exit 3 with a Dutch message */
    if (b->book == NULL) {
        tarief_ctx_error(b->ctx, b->path, 0, 0, NULL, "kan werkboek niet aanmaken: %s",
                         tarief_strerror(errno));
        tarief_output_abort(&b->out);
        return -1;
    }
    lxw_doc_properties props = {
        .title = (char *)titel, /* libxlsxwriter copies the strings */
        .subject = (char *)onderwerp,
        .author = "tarief " TARIEF_VERSION,
        .comments = "Levend rekenmodel: elke afgeleide waarde is een formule.",
        .created = (time_t)created,
    };
    wbc_check(b, workbook_set_properties(b->book, &props));
    return 0;
}

/* libxlsxwriter's errors in Dutch, for the ones a user can meet. */
static const char *lxw_fout(lxw_error e)
{
    switch (e) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED: return "onvoldoende geheugen";
    case LXW_ERROR_CREATING_XLSX_FILE: return "kan het xlsx-bestand niet aanmaken (bestaat de map, mag er geschreven worden?)";
    case LXW_ERROR_CREATING_TMPFILE: return "kan geen tijdelijk bestand aanmaken (is de schijf vol?)";
    case LXW_ERROR_READING_TMPFILE: return "kan een tijdelijk bestand niet lezen";
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD: return "fout bij het inpakken van het xlsx-bestand (is de schijf vol?)";
    case LXW_ERROR_ZIP_CLOSE: return "kan het xlsx-bestand niet afsluiten (is de schijf vol?)";
    default: return lxw_strerror(e);
    }
}

int wbc_close(wbc_book *b)
{
    lxw_error ce = workbook_close(b->book); /* frees the workbook, also on error */
    b->book = NULL;
    wbc_check(b, ce);
    if (b->err != LXW_NO_ERROR || b->fout != NULL) {
        tarief_ctx_error(b->ctx, b->path, 0, 0, NULL, "werkboek niet geschreven: %s",
                         b->fout ? b->fout : lxw_fout(b->err));
        tarief_output_abort(&b->out);
        return -1;
    }
    if (tarief_output_commit(&b->out) != 0) {
        tarief_ctx_error(b->ctx, b->path, 0, 0, NULL, "kan werkboek niet opslaan: %s",
                         tarief_strerror(errno));
        return -1;
    }
    return 0;
}

/* --- text that fits: lines and row heights (every sheet of every workbook) --- */

/* Characters of the UTF-8 text p[0..n). */
size_t wbc_tekens(const char *p, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)p[i] & 0xC0) != 0x80;
    return k;
}

double wbc_breedte_voor(double breedte, const char *tekst, double max)
{
    double b = tekst ? (double)wbc_tekens(tekst, strlen(tekst)) + 2 : 0;
    if (b > max)
        b = max;
    return b > breedte ? b : breedte;
}

int wbc_regels(const char *tekst, double breedte, bool vet)
{
    /* A column is breedte widths of '0' wide; average text is narrower
     * than digits: measured in LibreOffice (Carlito 11), about 15 % more
     * characters fit on a line, 5 % more in bold. Words wrap as a
     * spreadsheet wraps them, at spaces and after a hyphen; a longer word
     * is broken. */
    double c = vet ? breedte * 1.05 : breedte * 1.15;
    size_t cap = c < 3 ? 3 : (size_t)c;
    int regels = 1;
    size_t cur = 0;
    bool spatie = false; /* a space before this word (none after a hyphen) */
    const char *p = tekst ? tekst : "";
    while (*p) {
        if (*p == '\n') {
            regels++;
            cur = 0;
            p++;
            continue;
        }
        if (*p == ' ') {
            spatie = true;
            p++;
            continue;
        }
        size_t n = strcspn(p, " \n-"); /* break at a space, or after a hyphen */
        if (p[n] == '-')
            n++;
        size_t len = wbc_tekens(p, n);
        size_t sep = spatie ? 1 : 0;
        spatie = false;
        p += n;
        if (cur > 0 && cur + sep + len <= cap) {
            cur += sep + len;
            continue;
        }
        if (cur > 0)
            regels++;
        while (len > cap) { /* a word longer than a line */
            regels++;
            len -= cap;
        }
        cur = len;
    }
    return regels;
}

double wbc_rij_hoogte(const char *tekst, double breedte)
{
    return 15.0 * wbc_regels(tekst, breedte, false) + 1;
}

void wbc_rij_voor(wbc_book *b, lxw_worksheet *ws, uint32_t row, const char *tekst, double breedte)
{
    double h = wbc_rij_hoogte(tekst, breedte);
    if (h > 16.5)
        wbc_check(b, worksheet_set_row(ws, row, h, NULL));
}
