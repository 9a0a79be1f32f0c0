/*
 * fuzz_regio.c - libFuzzer harness for loading a whole region
 * (tarief_load_regio: src/load.c on top of src/csvread.c) and, when it
 * loads, the whole pipeline: computing (every value finite), uitleg, the
 * CSV (read back with our own reader: one row per product, the codes as
 * they were, formula prefix and all) and the workbook (libxlsxwriter,
 * written into the private directory); for a quarter of the inputs also
 * vergelijk and verschil of the region against itself (CSV and workbook)
 * and the published HTML. Every message must be free of control characters
 * (they are shown escaped).
 *
 * Input layout: sections separated by NUL bytes (a NUL can never be part of
 * a valid CSV file, so the split loses nothing the CSV harness does not
 * cover):
 *
 *   uitgangspunten.csv \0 functies.csv \0 producten.csv \0 functiemix.csv
 *   \0 ova-ppc.csv (an index series next to the region, for indexreeks)
 *   [\0 cao-id \0 cao.csv \0 salarisschalen.csv]...   (at most 4 CAOs)
 *
 * A missing section means a missing file. The files are written to a
 * private temporary directory (under /dev/shm when available) that is
 * reused for every input. Seeds: tests/fuzz/seeds.sh.
 */
#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define MAX_CAOS 4

static char root[256];          /* <tmp>/tarief-fuzz.XXXXXX */
static char regio[300], caomap[300];
static char cao_dirs[MAX_CAOS][400];
static FILE *devnull;
static int verbose; /* TARIEF_FUZZ_VERBOSE=1: say per input what happened */

static void must(int cond)
{
    if (!cond)
        abort();
}

static void cleanup(void)
{
    static const char *const files[] = {"uitgangspunten.csv", "functies.csv", "producten.csv",
                                        "functiemix.csv", "ova-ppc.csv"};
    char p[600];
    for (size_t i = 0; i < 5; i++) {
        snprintf(p, sizeof p, "%s/%s", regio, files[i]);
        unlink(p);
    }
    for (int i = 0; i < MAX_CAOS; i++) {
        if (!cao_dirs[i][0])
            continue;
        snprintf(p, sizeof p, "%s/cao.csv", cao_dirs[i]);
        unlink(p);
        snprintf(p, sizeof p, "%s/salarisschalen.csv", cao_dirs[i]);
        unlink(p);
        rmdir(cao_dirs[i]);
        cao_dirs[i][0] = '\0';
    }
}

static void at_exit(void)
{
    cleanup();
    rmdir(regio);
    rmdir(caomap);
    rmdir(root);
}

/* A message shows control characters escaped (tarief_escape_teken). */
static void no_control(const char *s)
{
    char esc[8];
    for (; *s; s++)
        must(tarief_escape_teken(s, esc) == 0);
}

/* Our CSV, read back by our own reader: a row per product, the codes as they were. */
static void check_csv(const tarief_afleiding *a, const tarief_regio *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    must(m != NULL);
    must(tarief_csv_write(m, a, r->n_producten) == 0);
    must(fclose(m) == 0);
    tarief_ctx *c2 = tarief_ctx_new();
    const tarief_csv *t = ti_csv_parse_buffer(c2, "uit.csv", buf, len);
    must(t != NULL && t->n_rows == r->n_producten);
    for (size_t i = 0; i < t->n_rows; i++) {
        must(t->rows[i].n >= 4);
        must(strcmp(t->rows[i].cells[0].text, r->producten[i].code) == 0);
        /* a text cell a spreadsheet would run starts with the apostrophe */
        const char *raw = t->rows[i].source_line;
        must(raw != NULL && !strchr("=+-@", raw[0]));
    }
    tarief_ctx_free(c2);
    free(buf);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *base = getenv("TARIEF_FUZZ_TMP");
    if (!base)
        base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(root, sizeof root, "%s/tarief-fuzz.XXXXXX", base);
    must(mkdtemp(root) != NULL);
    snprintf(regio, sizeof regio, "%s/regio", root);
    snprintf(caomap, sizeof caomap, "%s/cao", root);
    must(mkdir(regio, 0700) == 0 && mkdir(caomap, 0700) == 0);
    devnull = fopen("/dev/null", "w");
    must(devnull != NULL);
    atexit(at_exit);
    verbose = getenv("TARIEF_FUZZ_VERBOSE") != NULL;
    return 0;
}

static void write_file(const char *path, const uint8_t *p, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    must(fd >= 0);
    while (n) {
        ssize_t k = write(fd, p, n);
        must(k > 0);
        p += k;
        n -= (size_t)k;
    }
    close(fd);
}

/* A CAO id the harness may use as a directory name. */
static int safe_id(const uint8_t *p, size_t n)
{
    if (n == 0 || n > 64 || (n <= 2 && p[0] == '.' && (n == 1 || p[1] == '.')))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
              (p[i] >= '0' && p[i] <= '9') || p[i] == '-' || p[i] == '_' || p[i] == '.'))
            return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const files[] = {"uitgangspunten.csv", "functies.csv", "producten.csv",
                                        "functiemix.csv", "ova-ppc.csv"};
    const uint8_t *sec[5 + 3 * MAX_CAOS];
    size_t len[5 + 3 * MAX_CAOS];
    size_t n_sec = 0;
    const uint8_t *p = data, *end = data + size;
    while (n_sec < sizeof sec / sizeof *sec) {
        const uint8_t *z = memchr(p, 0, (size_t)(end - p));
        sec[n_sec] = p;
        len[n_sec] = z ? (size_t)(z - p) : (size_t)(end - p);
        n_sec++;
        if (!z)
            break;
        p = z + 1;
    }
    char path[600];
    for (size_t i = 0; i < 5 && i < n_sec; i++) {
        snprintf(path, sizeof path, "%s/%s", regio, files[i]);
        write_file(path, sec[i], len[i]);
    }
    for (size_t i = 5, k = 0; i + 1 < n_sec && k < MAX_CAOS; i += 3) {
        if (!safe_id(sec[i], len[i]))
            continue;
        char dir[400];
        snprintf(dir, sizeof dir, "%s/%.*s", caomap, (int)len[i], (const char *)sec[i]);
        if (mkdir(dir, 0700) != 0)
            continue; /* the same id twice: the first wins */
        snprintf(cao_dirs[k++], sizeof cao_dirs[0], "%s", dir);
        snprintf(path, sizeof path, "%s/cao.csv", dir);
        write_file(path, sec[i + 1], len[i + 1]);
        if (i + 2 < n_sec) {
            snprintf(path, sizeof path, "%s/salarisschalen.csv", dir);
            write_file(path, sec[i + 2], len[i + 2]);
        }
    }

    tarief_ctx *ctx = tarief_ctx_new();
    must(ctx != NULL);
    tarief_load_options o = {0};
    o.cao_map = caomap;
    const tarief_regio *r = tarief_load_regio(ctx, regio, &o);
    const tarief_diag *d = tarief_ctx_diag(ctx);
    if (verbose) {
        if (r)
            fprintf(stderr, "geladen: %zu producten\n", r->n_producten);
        else
            fprintf(stderr, "%zu fouten, de eerste: %s:%d:%d: %s\n", tarief_diag_total(d), d->items[0].file,
                    d->items[0].line, d->items[0].column, d->items[0].message);
    }
    if (r) {
        must(tarief_diag_total(d) == 0);
        const tarief_afleiding *a = tarief_bereken(ctx, r, NULL);
        if (a && r->n_producten) {
            for (size_t i = 0; i < r->n_producten; i++)
                must(isfinite(a[i].tarief) && isfinite(a[i].ongerond) && isfinite(a[i].kostprijs));
            check_csv(a, r);
            tarief_uitleg_print(devnull, ctx, r, &a[0]);
            tarief_uitleg_print(devnull, ctx, r, &a[r->n_producten - 1]);
            char wb[400];
            snprintf(wb, sizeof wb, "%s/uit.xlsx", root);
            tarief_workbook_options wo = {0};
            must(tarief_workbook_write(ctx, r, a, wb, &wo) == 0);
            struct stat st;
            must(stat(wb, &st) == 0 && st.st_size > 0);
            unlink(wb);
            /* A quarter of the inputs (by size, so a rerun does the same) also
             * go through the other writers of a region's text: vergelijk and
             * verschil of the region against itself (CSV and workbook: names
             * and codes in sheet headers, chart titles and cells) and the
             * published HTML. */
            if ((size & 3) == 0) {
                const tarief_vergelijking *v = tarief_vergelijk(ctx, r, r);
                must(v != NULL);
                must(tarief_vergelijk_csv_write(devnull, v) == 0);
                must(tarief_vergelijk_workbook_write(ctx, v, wb, &wo) == 0);
                unlink(wb);
                const tarief_verschillen *vs = tarief_verschil_bereken(ctx, r, r);
                must(vs != NULL);
                must(tarief_verschil_csv_write(devnull, vs) == 0);
                must(tarief_verschil_workbook_write(ctx, vs, wb, &wo) == 0);
                unlink(wb);
                tarief_publiceer_options po = {0};
                po.datum = 1735689600; /* 2025-01-01: not the clock */
                po.vorig = vs;
                must(tarief_publiceer_write(devnull, ctx, r, a, &po) == 0);
            }
        }
    } else {
        must(tarief_diag_total(d) > 0);
    }
    for (size_t i = 0; i < d->count; i++) {
        const tarief_error *e = &d->items[i];
        must(e->file != NULL && e->message != NULL && e->message[0] != '\0');
        no_control(e->message);
        no_control(e->file);
        must(e->line >= 1 && e->column >= 1);
        if (e->source_line)
            (void)strlen(e->source_line);
    }
    tarief_ctx_free(ctx);
    cleanup();
    return 0;
}
