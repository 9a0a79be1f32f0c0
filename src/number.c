/* number.c - numbers in the file dialects of §1, and Dutch formatting. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static bool all_digits(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

bool tarief_parse_number(const char *s, char delim, bool percent, double *out)
{
    char buf[80];
    size_t n = 0;
    if (!s)
        return false;
    while (*s == ' ' || *s == '\t')
        s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (percent && len && s[len - 1] == '%') {
        len--;
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
            len--;
    }
    if (len == 0 || len > 40)
        return false;
    if (s[0] == '-' || s[0] == '+') {
        if (s[0] == '-')
            buf[n++] = '-';
        s++;
        len--;
    }
    const char dec = delim == ';' ? ',' : '.';
    const char *d = memchr(s, dec, len);
    size_t intlen = d ? (size_t)(d - s) : len;
    if (d && !all_digits(d + 1, len - intlen - 1))
        return false;
    if (delim == ';' && memchr(s, '.', intlen)) {
        /* thousands groups: 1-3 digits, then groups of exactly three */
        const char *p = s, *end = s + intlen;
        const char *dot = memchr(p, '.', intlen);
        size_t first = (size_t)(dot - p);
        if (first < 1 || first > 3 || !all_digits(p, first) || (p[0] == '0'))
            return false;
        memcpy(buf + n, p, first);
        n += first;
        p = dot;
        while (p < end) {
            if (*p != '.' || end - p < 4 || !all_digits(p + 1, 3))
                return false;
            memcpy(buf + n, p + 1, 3);
            n += 3;
            p += 4;
        }
    } else {
        if (!all_digits(s, intlen))
            return false;
        memcpy(buf + n, s, intlen);
        n += intlen;
    }
    if (d) {
        buf[n++] = '.';
        memcpy(buf + n, d + 1, len - intlen - 1);
        n += len - intlen - 1;
    }
    buf[n] = '\0';
    char *endp;
    double v = strtod(buf, &endp);
    if (*endp != '\0' || !isfinite(v))
        return false;
    *out = percent ? v / 100.0 : v;
    return true;
}

tarief_getal_los tarief_parse_number_los(const char *s, bool percent, double *out)
{
    char buf[128];
    if (!s)
        return TARIEF_GETAL_ONGELDIG;
    const char *p = s;
    while (*p == ' ')
        p++;
    if (!percent && strncmp(p, "\xE2\x82\xAC", 3) == 0) /* € */
        for (p += 3; *p == ' ';)
            p++;
    if (*p == '+')
        p++;
    size_t n = strlen(p);
    if (n == 0 || n >= sizeof buf)
        return TARIEF_GETAL_ONGELDIG;
    memcpy(buf, p, n + 1);
    while (n > 0 && buf[n - 1] == ' ')
        buf[--n] = '\0';
    if (percent && n > 0 && buf[n - 1] == '%') {
        buf[--n] = '\0';
        while (n > 0 && buf[n - 1] == ' ')
            buf[--n] = '\0';
    }
    const char *digits = buf[0] == '-' ? buf + 1 : buf;
    const char *punt = strchr(buf, '.');
    if (strchr(buf, ',') || !punt)
        return tarief_parse_number(buf, ';', false, out) ? TARIEF_GETAL_OK : TARIEF_GETAL_ONGELDIG;
    size_t voor = (size_t)(punt - digits);
    if (!strchr(punt + 1, '.') && strlen(punt + 1) == 3 && voor >= 1 && voor <= 3 && digits[0] != '0')
        return TARIEF_GETAL_DUBBELZINNIG;
    return tarief_parse_number(buf, ',', false, out) || tarief_parse_number(buf, ';', false, out)
               ? TARIEF_GETAL_OK
               : TARIEF_GETAL_ONGELDIG;
}

char *tarief_fmt_nl(char *buf, size_t size, double x, int decimals)
{
    if (!isfinite(x)) {
        snprintf(buf, size, "?");
        return buf;
    }
    /* %.6f of the largest double is 316 characters: no silent truncation */
    char tmp[400];
    snprintf(tmp, sizeof tmp, "%.*f", decimals, fabs(x));
    bool zero = true;
    for (const char *p = tmp; *p; p++)
        if (*p >= '1' && *p <= '9')
            zero = false;
    char *dot = strchr(tmp, '.');
    size_t intlen = dot ? (size_t)(dot - tmp) : strlen(tmp);
    char out[560];
    size_t o = 0;
    if (x < 0 && !zero)
        out[o++] = '-';
    for (size_t i = 0; i < intlen; i++) {
        if (i > 0 && (intlen - i) % 3 == 0)
            out[o++] = '.';
        out[o++] = tmp[i];
    }
    if (dot) {
        out[o++] = ',';
        for (const char *p = dot + 1; *p; p++)
            out[o++] = *p;
    }
    out[o] = '\0';
    snprintf(buf, size, "%s", out);
    return buf;
}

char *tarief_fmt_nl_trim(char *buf, size_t size, double x, int min_dec, int max_dec)
{
    tarief_fmt_nl(buf, size, x, max_dec);
    char *comma = strchr(buf, ',');
    if (!comma)
        return buf;
    size_t len = strlen(buf);
    size_t keep = (size_t)(comma - buf) + 1 + (size_t)min_dec;
    while (len > keep && buf[len - 1] == '0')
        buf[--len] = '\0';
    if (buf[len - 1] == ',')
        buf[--len] = '\0';
    return buf;
}

char *tarief_fmt_pct(char *buf, size_t size, double fraction)
{
    char tmp[64];
    tarief_fmt_nl_trim(tmp, sizeof tmp, fraction * 100.0, 0, 4);
    snprintf(buf, size, "%s %%", tmp);
    return buf;
}
