/*
 * fuzz_csv.c - libFuzzer harness for the CSV reader (src/csvread.c) and the
 * number parser (src/number.c).
 *
 * The input is one CSV file. Whatever it holds, reading it must either give
 * a table whose every cell is a NUL-terminated string with a position inside
 * the file, or problems with a place and a message; never a crash, a leak or
 * undefined behaviour. Every cell is also fed to tarief_parse_number in both
 * dialects, and every number it accepts must be finite.
 *
 * Build and run: make fuzz (see tests/fuzz/run.sh).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void must(int cond)
{
    if (!cond)
        abort();
}

static void check_row(const tarief_csv_row *row)
{
    must(row->n > 0 && row->line >= 1);
    if (row->source_line)
        (void)strlen(row->source_line);
    for (size_t i = 0; i < row->n; i++) {
        const tarief_csv_cell *c = &row->cells[i];
        must(c->text != NULL && c->line >= row->line && c->column >= 1);
        size_t n = strlen(c->text);
        must(n <= TARIEF_MAX_FIELD);
        static const char delims[] = {';', ','};
        for (int d = 0; d < 2; d++) {
            for (int pct = 0; pct < 2; pct++) {
                double x = 0;
                if (tarief_parse_number(c->text, delims[d], pct, &x)) {
                    must(isfinite(x));
                    char buf[64];
                    tarief_fmt_nl(buf, sizeof buf, x, 2);
                    tarief_fmt_pct(buf, sizeof buf, x);
                }
            }
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tarief_ctx *ctx = tarief_ctx_new();
    must(ctx != NULL);
    const tarief_csv *t = ti_csv_parse_buffer(ctx, "fuzz.csv", (const char *)data, size);
    const tarief_diag *d = tarief_ctx_diag(ctx);
    if (t) {
        /* a table comes back with problems only for rows shorter than the
         * header (each reported there, so the header's own problems can be
         * reported with them) */
        size_t kort = 0;
        for (size_t i = 0; i < t->n_rows; i++) {
            size_t w = t->header.n;
            while (w > 1 && !t->header.cells[w - 1].text[0])
                w--;
            kort += t->rows[i].n < w;
        }
        must(tarief_diag_total(d) == kort);
        for (size_t i = 0; i < d->count; i++)
            must(strncmp(d->items[i].message, "deze regel heeft ", 17) == 0);
        must(t->delim == ';' || t->delim == ',');
        check_row(&t->header);
        for (size_t i = 0; i < t->n_rows; i++)
            check_row(&t->rows[i]);
    } else {
        must(tarief_diag_total(d) > 0);
    }
    for (size_t i = 0; i < d->count; i++) {
        const tarief_error *e = &d->items[i];
        must(e->message != NULL && e->message[0] != '\0');
        must(e->line >= 1 && e->column >= 1);
        if (e->source_line)
            (void)strlen(e->source_line);
    }
    tarief_ctx_free(ctx);
    return 0;
}
