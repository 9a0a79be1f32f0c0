/* meldingen.c - what every command prints when something is wrong: usage
 * errors, the problems and warnings of the library (file:line:column with
 * the line itself and a caret), control characters always escaped. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "cli.h"
#include "voortgang.h"

int cli_is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0 || strcmp(arg, "help") == 0;
}

void cli_fputs_veilig(const char *s, FILE *out)
{
    char esc[8];
    for (const char *p = s; *p;) {
        size_t k = tarief_escape_teken(p, esc);
        if (k) {
            fputs(esc, out);
            p += k;
        } else {
            fputc(*p++, out);
        }
    }
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char msg[2048];
    vsnprintf(msg, sizeof msg, fmt, ap); /* an argument may hold ESC: shown escaped */
    va_end(ap);
    fprintf(stderr, "tarief %s: fout: ", cmd);
    cli_fputs_veilig(msg, stderr);
    fprintf(stderr, "\nZie 'tarief %s --help'.\n", cmd);
    return EXIT_INVOER;
}

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* One character of an echoed source line: a control character escaped
 * (tarief_escape_teken). Returns the bytes consumed; *shown the characters
 * printed (for the caret). */
static size_t echo_char(const unsigned char *p, int print, int *shown)
{
    char esc[8];
    size_t k = tarief_escape_teken((const char *)p, esc);
    if (k) {
        if (print)
            fputs(esc, stderr);
        *shown = (int)strlen(esc);
        return k;
    }
    if (print)
        fputc(*p, stderr);
    *shown = 1;
    return 1;
}

static void print_one(const tarief_error *e, const char *soort)
{
    if (!e->file)
        fprintf(stderr, "tarief: %s: %s\n", soort, e->message);
    else if (e->line <= 0)
        fprintf(stderr, "%s: %s: %s\n", e->file, soort, e->message);
    else
        fprintf(stderr, "%s:%d:%d: %s: %s\n", e->file, e->line, e->column, soort, e->message);
    if (e->source_line && e->line > 0) {
        int w = fprintf(stderr, "%5d | ", e->line) - 2;
        /* An absurdly long line is shown as a window around the column. */
        const unsigned char *p = (const unsigned char *)e->source_line;
        int first = 1, last = INT_MAX, shown;
        if (utf8_chars(e->source_line) > 1000) {
            first = e->column > 200 ? e->column - 200 : 1;
            last = first + 400;
        }
        if (first > 1)
            fputs("…", stderr);
        int col = 0;
        while (*p) {
            if ((*p & 0xC0) != 0x80 && ++col > last)
                break;
            p += echo_char(p, col >= first, &shown);
        }
        fprintf(stderr, "%s\n", *p ? "…" : "");
        fprintf(stderr, "%*s| %s", w, "", first > 1 ? " " : "");
        /* caret under the column, counting UTF-8 characters, keeping tabs */
        col = 1;
        for (p = (const unsigned char *)e->source_line; *p && col < e->column;) {
            if ((*p & 0xC0) == 0x80) {
                p++;
                continue;
            }
            int tab = *p == '\t';
            p += echo_char(p, 0, &shown);
            if (col >= first)
                fprintf(stderr, "%*s", tab ? 0 : shown, tab ? "\t" : "");
            col++;
        }
        fputs("^\n", stderr);
    }
}

void cli_print_warnings(const tarief_ctx *ctx, size_t from)
{
    const tarief_diag *d = tarief_ctx_warnings(ctx);
    if (from >= tarief_diag_total(d))
        return;
    voortgang_stop();
    for (size_t i = from; i < d->count; i++) {
        /* a region loaded twice (vergelijk: once with the aanbieder over it) warns once */
        const tarief_error *e = &d->items[i];
        bool eerder = false;
        for (size_t j = 0; j < i && !eerder; j++)
            eerder = d->items[j].line == e->line && d->items[j].column == e->column &&
                     strcmp(d->items[j].file ? d->items[j].file : "", e->file ? e->file : "") == 0 &&
                     strcmp(d->items[j].message, e->message) == 0;
        if (!eerder)
            print_one(e, "waarschuwing");
    }
    if (d->dropped && from <= d->count)
        fprintf(stderr, "... en nog %zu waarschuwingen (niet getoond)\n", d->dropped);
}

void cli_print_problems(const tarief_ctx *ctx)
{
    voortgang_stop(); /* a progress line must not run into the messages */
    const tarief_diag *d = tarief_ctx_diag(ctx);
    for (size_t i = 0; i < d->count; i++)
        print_one(&d->items[i], "fout");
    if (d->dropped)
        fprintf(stderr, "... en nog %zu fouten (niet getoond; herstel eerst de fouten hierboven)\n", d->dropped);
    size_t total = tarief_diag_total(d);
    fprintf(stderr, "%zu %s gevonden; er is niets geschreven.\n", total, total == 1 ? "fout" : "fouten");
}
