/*
 * bench.c - `make bench`: how fast is tarief on national scale, next to the
 * alternatives (issue 5, docs/prestaties.md).
 *
 *     bench [--dir D] [--cao-map M] [--herhaal K] [--herhaal-max N]
 *           [--lo-max N] [--lo-timeout S] N...
 *         For every N: measure the pipeline on D/regio-N in a fresh process
 *         (`bench meet`) and the write-only baseline (`bench basis`), K times
 *         alternating, keeping the minimum of each time; then LibreOffice
 *         recalculating our workbook (only for N <= --lo-max). Prints two
 *         tables and writes D/results.csv.
 *     bench meet REGIO UITMAP CAO-MAP
 *         One size: load+validate, bereken, CSV, workbook (and within it
 *         libxlsxwriter's workbook_close, "inpakken"), each timed (wall and
 *         CPU), and the peak RSS of this process; then calculation
 *         throughput by repeating tarief_bereken, each round in a fresh
 *         context. Prints key=value lines.
 *     bench basis REGIO UITMAP CAO-MAP
 *         The write-only baseline: write our workbook once while recording
 *         every cell libxlsxwriter receives (untimed), then time writing the
 *         same cells again - same sheets, rows, columns, strings, formula
 *         texts, cached values and formats - with none of our logic.
 *
 * The recording uses the linker's --wrap for the libxlsxwriter functions
 * workbook.c calls (BENCH_WRAP in the Makefile), so the baseline follows
 * workbook.c as it changes without knowing its layout. Should workbook.c
 * start writing cells with another function (merge_range, write_datetime,
 * ...), wrap that one too, or the baseline misses those cells.
 * tarief_workbook_write is a weak reference: without src/workbook.c the
 * bench still runs and reports the workbook as missing.
 *
 * The machine is shared and noisy: the ratios, and the CPU-time columns,
 * are the figures to quote.
 */
#include <xlsxwriter.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tarief.h"
#include "bench.h"

/* Absent until src/workbook.c exists; the objects are linked one by one
 * (not from the archive) so a present workbook.o is always included. */
extern int tarief_workbook_write(tarief_ctx *ctx, const tarief_regio *r,
                                 const tarief_afleiding *a, const char *path,
                                 const tarief_workbook_options *opts) __attribute__((weak));

/* ------------------------------------------------------------------------ */
/* bench meet / bench basis                                                  */

static int cmd_meet(const char *regio, const char *uit, const char *cao_map)
{
    char csv[4096], xlsx[4096];
    snprintf(csv, sizeof csv, "%s/tarieven.csv", uit);
    snprintf(xlsx, sizeof xlsx, "%s/tarieven.xlsx", uit);

    double c0 = cpu(), t0 = now();
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = load(ctx, regio, cao_map);
    double t1 = now();
    const tarief_afleiding *a = tarief_bereken(ctx, r, NULL);
    double t2 = now();
    tarief_output out;
    FILE *f = tarief_output_open(&out, csv);
    if (!f || tarief_csv_write(f, a, r->n_producten) != 0 || tarief_output_commit(&out) != 0)
        fail("kan %s niet schrijven: %s", csv, strerror(errno));
    double t3 = now(), c3 = cpu();
    bool werkboek = tarief_workbook_write != NULL;
    if (werkboek) {
        tarief_workbook_options wo = {0};
        if (tarief_workbook_write(ctx, r, a, xlsx, &wo) != 0) {
            print_problems(ctx);
            fail("werkboek niet geschreven");
        }
    }
    double t4 = now(), c4 = cpu();
    double piek = peak_mb();

    /* Throughput: repeat until the clock has something to measure, each
     * round in a fresh context with the region loaded again (untimed), as a
     * run of the CLI computes once. Rounds in one context would pile up
     * every round's records: past a few hundred MB this VM hands out memory
     * the host has never backed, and clearing those pages (clear_page_erms,
     * half the time) is then measured instead of the calculation. */
    size_t n = r->n_producten, evals = 0;
    int rounds = 0;
    double best = 0, rekenen_tijd = 0, lus0 = now();
    /* the loads make small rounds mostly loading: a second of wall time
     * is enough rounds there */
    while (rounds < 3 || (rekenen_tijd < 0.5 && evals < 300000 && now() - lus0 < 1.0)) {
        tarief_ctx *rc = tarief_ctx_new();
        const tarief_regio *rr = load(rc, regio, cao_map);
        double s = now();
        const tarief_afleiding *ra = tarief_bereken(rc, rr, NULL);
        double e = now();
        if (ra == NULL)
            fail("rekenen mislukt");
        tarief_ctx_free(rc);
        rekenen_tijd += e - s;
        if (n / (e - s) > best)
            best = n / (e - s);
        evals += n;
        rounds++;
    }
    printf("producten=%zu\n", n);
    printf("laden_s=%.6f\n", t1 - t0);
    printf("rekenen_s=%.6f\n", t2 - t1);
    printf("csv_s=%.6f\n", t3 - t2);
    if (werkboek) {
        printf("werkboek_s=%.6f\n", t4 - t3);
        printf("inpakken_s=%.6f\n", inpakken_s);
    }
    printf("totaal_s=%.6f\n", t4 - t0);
    if (werkboek)
        printf("werkboek_cpu_s=%.6f\n", c4 - c3);
    printf("totaal_cpu_s=%.6f\n", c4 - c0);
    printf("piek_mb=%.1f\n", piek);
    printf("rekenen_per_s=%.0f\n", evals / rekenen_tijd);
    printf("rekenen_per_s_best=%.0f\n", best);
    printf("rekenrondes=%d\n", rounds);
    printf("csv_bytes=%lld\n", file_size(csv));
    if (werkboek)
        printf("xlsx_bytes=%lld\n", file_size(xlsx));
    tarief_ctx_free(ctx);
    return 0;
}

static int cmd_basis(const char *regio, const char *uit, const char *cao_map)
{
    if (tarief_workbook_write == NULL) {
        printf("basis=ontbreekt\n");
        return 0;
    }
    char opname[4096], basis[4096];
    snprintf(opname, sizeof opname, "%s/opname.xlsx", uit);
    snprintf(basis, sizeof basis, "%s/basis.xlsx", uit);
    tarief_ctx *ctx = tarief_ctx_new();
    const tarief_regio *r = load(ctx, regio, cao_map);
    const tarief_afleiding *a = tarief_bereken(ctx, r, NULL);
    tarief_workbook_options wo = {0};
    opname_aan(true);
    if (tarief_workbook_write(ctx, r, a, opname, &wo) != 0) {
        print_problems(ctx);
        fail("werkboek niet geschreven");
    }
    opname_aan(false);
    unlink(opname);
    tarief_ctx_free(ctx); /* only the recording stays in memory */
    opname_basis("", basis);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* the driver                                                                */

static int mkdirs(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, 0777) != 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    return mkdir(buf, 0777) != 0 && errno != EEXIST ? -1 : 0;
}

static void absolute(char *buf, size_t size, const char *path)
{
    if (path[0] == '/') {
        snprintf(buf, size, "%s", path);
        return;
    }
    char cwd[2048];
    if (!getcwd(cwd, sizeof cwd))
        fail("getcwd: %s", strerror(errno));
    snprintf(buf, size, "%s/%s", cwd, path);
}

/* A fresh LibreOffice profile that recalculates every formula on load. */
static void lo_profile(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/user", dir);
    if (mkdirs(path) != 0)
        fail("kan %s niet maken: %s", path, strerror(errno));
    snprintf(path, sizeof path, "%s/user/registrymodifications.xcu", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        fail("kan %s niet schrijven: %s", path, strerror(errno));
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
          "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
          /* 0 = always recalculate (1 = never, 2 = ask) */
          "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
          "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
          "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
          "<prop oor:name=\"ODFRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
          "</oor:items>\n", f);
    if (fclose(f) != 0)
        fail("kan %s niet schrijven: %s", path, strerror(errno));
}

/* Time `soffice --headless --convert-to xlsx` of file into outdir. */
static int lo_convert(const char *soffice, const char *profile, const char *file, const char *outdir,
                      double timeout, double *secs, double *cpu_secs)
{
    char env[4200];
    snprintf(env, sizeof env, "-env:UserInstallation=file://%s", profile);
    char *argv[] = {(char *)soffice, env, "--headless", "--norestore", "--nolockcheck",
                    "--convert-to", "xlsx", "--outdir", (char *)outdir, (char *)file, NULL};
    int st = run(argv, NULL, timeout, secs, cpu_secs);
    if (st != 0)
        return st;
    const char *base = strrchr(file, '/');
    char conv[4096];
    snprintf(conv, sizeof conv, "%s/%s", outdir, base ? base + 1 : file);
    return file_size(conv) > 0 ? 0 : -2;
}

static const char *find_soffice(void)
{
    static const char *const cand[] = {"/usr/bin/soffice", "/usr/local/bin/soffice",
                                       "/usr/lib/libreoffice/program/soffice",
                                       "/opt/libreoffice/program/soffice"};
    const char *env = getenv("SOFFICE");
    if (env && env[0])
        return access(env, X_OK) == 0 ? env : NULL;
    for (size_t i = 0; i < sizeof cand / sizeof *cand; i++)
        if (access(cand[i], X_OK) == 0)
            return cand[i];
    return NULL;
}

static void machine(FILE *out, const char *prefix)
{
    char model[256] = "onbekend", line[512];
    FILE *f = fopen("/proc/cpuinfo", "r");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "model name", 10) == 0) {
            char *c = strchr(line, ':');
            if (c) {
                snprintf(model, sizeof model, "%s", c + 2);
                model[strcspn(model, "\n")] = '\0';
            }
            break;
        }
    if (f)
        fclose(f);
    long mem_kb = 0;
    f = fopen("/proc/meminfo", "r");
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "MemTotal: %ld kB", &mem_kb) == 1)
            break;
    if (f)
        fclose(f);
    time_t t = time(NULL);
    char date[64];
    strftime(date, sizeof date, "%Y-%m-%d %H:%M %Z", localtime(&t));
    fprintf(out, "%sdatum: %s; machine: %ld cores (nproc), %s, %.1f GB geheugen; tarief %s\n", prefix,
            date, sysconf(_SC_NPROCESSORS_ONLN), model, mem_kb / 1048576.0, TARIEF_VERSION);
}

static void usage(void)
{
    fputs("gebruik: bench [--dir MAP] [--cao-map MAP] [--lo-max N] [--lo-timeout S] N...\n"
          "        bench meet|basis REGIO UITMAP CAO-MAP\n"
          "        bench vergelijk|verschil zonder|met|basis REGIO ANDER UITMAP CAO-MAP\n", stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    if (argc == 5 && strcmp(argv[1], "meet") == 0)
        return cmd_meet(argv[2], argv[3], argv[4]);
    if (argc == 5 && strcmp(argv[1], "basis") == 0)
        return cmd_basis(argv[2], argv[3], argv[4]);
    if (argc == 7 && (strcmp(argv[1], "vergelijk") == 0 || strcmp(argv[1], "verschil") == 0))
        return cmd_vgl(argc, argv);

    const char *dir = "build/bench", *cao_map = "data/cao";
    long lo_max = 10000, herhaal_max = LONG_MAX;
    int herhaal = 3;
    double lo_timeout = 240;
    long sizes[16];
    int n_sizes = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (strcmp(argv[i], "--cao-map") == 0 && i + 1 < argc)
            cao_map = argv[++i];
        else if (strcmp(argv[i], "--lo-max") == 0 && i + 1 < argc)
            lo_max = strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--herhaal") == 0 && i + 1 < argc)
            herhaal = atoi(argv[++i]);
        else if (strcmp(argv[i], "--herhaal-max") == 0 && i + 1 < argc)
            herhaal_max = strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--lo-timeout") == 0 && i + 1 < argc)
            lo_timeout = strtod(argv[++i], NULL);
        else if (argv[i][0] != '-' && n_sizes < 16)
            sizes[n_sizes++] = strtol(argv[i], NULL, 10);
        else
            usage();
    }
    if (n_sizes == 0)
        usage();

    char self[4096], absdir[4096], profile[4200];
    ssize_t k = readlink("/proc/self/exe", self, sizeof self - 1);
    if (k <= 0)
        fail("kan /proc/self/exe niet lezen");
    self[k] = '\0';
    absolute(absdir, sizeof absdir, dir);
    const char *soffice = find_soffice();
    snprintf(profile, sizeof profile, "%s/lo-profiel", absdir);

    machine(stdout, "");
    printf("werkbladen: het volledige levende werkboek (tarief_workbook_write)%s\n",
           tarief_workbook_write ? "" : " ONTBREEKT: src/workbook.c is er nog niet");

    /* LibreOffice's start-up, once, with a tiny workbook: it also creates
     * the fresh profile, which the first real measurement must not pay. */
    double lo_start = NAN;
    if (soffice && lo_max > 0) {
        double s;
        char *rm[] = {"/bin/rm", "-rf", profile, NULL}; /* fresh: nothing from a last run */
        run(rm, NULL, 60, &s, NULL);
        lo_profile(profile);
        char leeg[4096], outdir[4200];
        snprintf(leeg, sizeof leeg, "%s/lo-leeg.xlsx", absdir);
        snprintf(outdir, sizeof outdir, "%s/lo-uit", absdir);
        lxw_workbook *wb = workbook_new(leeg);
        worksheet_write_formula_num(workbook_add_worksheet(wb, NULL), 0, 0, "=1+1", NULL, 2);
        workbook_close(wb);
        lo_convert(soffice, profile, leeg, outdir, lo_timeout, &s, NULL); /* profile creation */
        if (lo_convert(soffice, profile, leeg, outdir, lo_timeout, &s, NULL) == 0)
            lo_start = s;
        printf("LibreOffice %s, opstarten + leeg werkboek omzetten: %s s\n", soffice,
               nl((char[32]){0}, 32, lo_start, 2));
    } else {
        printf("LibreOffice: %s\n", soffice ? "overgeslagen (--lo-max 0)" : "niet gevonden");
    }
    fflush(stdout);

    result res[16];
    for (int i = 0; i < n_sizes; i++) {
        result *r = &res[i];
        memset(r, 0, sizeof *r);
        r->n = sizes[i];
        char regio[4200], uit[4200];
        snprintf(regio, sizeof regio, "%s/regio-%ld", absdir, sizes[i]);
        snprintf(uit, sizeof uit, "%s/uit-%ld", absdir, sizes[i]);
        if (mkdirs(uit) != 0)
            fail("kan %s niet maken: %s", uit, strerror(errno));
        /* pipeline and baseline alternate, so a disturbance hits both */
        double s;
        int keer = sizes[i] <= herhaal_max && herhaal > 1 ? herhaal : 1;
        for (int h = 0; h < keer; h++) {
            result m = {0};
            fprintf(stderr, "bench: %ld producten (%d/%d): meten...\n", sizes[i], h + 1, keer);
            char *meet[] = {self, "meet", regio, uit, (char *)cao_map, NULL};
            if (run(meet, &m, 0, &s, NULL) != 0)
                fail("bench meet %s mislukte", regio);
            fprintf(stderr, "bench: %ld producten (%d/%d): basis (alleen schrijven)...\n", sizes[i], h + 1, keer);
            char *basis[] = {self, "basis", regio, uit, (char *)cao_map, NULL};
            if (run(basis, &m, 0, &s, NULL) != 0)
                fail("bench basis %s mislukte", regio);
            vgl_meet(&m, self, absdir, sizes[i], cao_map);
            merge_min(r, &m);
        }
        vgl_afgeleid(r);
        put(r, "herhalingen", "%d", keer);
        double wbs = getd(r, "werkboek_s"), bs = getd(r, "basis_s");
        if (!isnan(wbs) && !isnan(bs))
            put(r, "werkboek_per_basis", "%.3f", wbs / bs);
        wbs = getd(r, "werkboek_cpu_s"), bs = getd(r, "basis_cpu_s");
        if (!isnan(wbs) && !isnan(bs))
            put(r, "werkboek_per_basis_cpu", "%.3f", wbs / bs);
        if (soffice && sizes[i] <= lo_max && tarief_workbook_write) {
            fprintf(stderr, "bench: %ld producten: LibreOffice herberekent het werkboek...\n", sizes[i]);
            char xlsx[4300], outdir[4300];
            snprintf(xlsx, sizeof xlsx, "%s/tarieven.xlsx", uit);
            snprintf(outdir, sizeof outdir, "%s/lo", uit);
            /* repeated where it is cheap, like the pipeline: the minimum */
            int st = 0, lo_keer = sizes[i] <= 1000 ? herhaal : 1;
            double lo_s = INFINITY, lo_cpu = INFINITY, c;
            for (int h = 0; h < lo_keer && st == 0; h++) {
                st = lo_convert(soffice, profile, xlsx, outdir, lo_timeout, &s, &c);
                if (st == 0 && s < lo_s)
                    lo_s = s;
                if (st == 0 && c < lo_cpu)
                    lo_cpu = c;
            }
            s = lo_s;
            if (st == 0) {
                put(r, "libreoffice_s", "%.3f", s);
                put(r, "libreoffice_per_totaal", "%.1f", s / getd(r, "totaal_s"));
                put(r, "libreoffice_cpu_s", "%.3f", lo_cpu);
                put(r, "libreoffice_per_totaal_cpu", "%.1f", lo_cpu / getd(r, "totaal_cpu_s"));
                /* the ceiling with these cells: LibreOffice against bare
                 * libxlsxwriter, as if load, calculation, CSV and our own
                 * workbook code cost nothing */
                if (!isnan(getd(r, "basis_s")))
                    put(r, "libreoffice_per_basis", "%.1f", s / getd(r, "basis_s"));
            } else {
                put(r, "libreoffice", "%s", st == -1 ? "afgebroken na time-out" : "mislukt");
                if (st == -1) {
                    put(r, "libreoffice_s_meer_dan", "%.0f", lo_timeout);
                    put(r, "libreoffice_per_totaal_meer_dan", "%.1f", lo_timeout / getd(r, "totaal_s"));
                }
            }
        }
    }

    /* the tables: every time is the minimum over the repeats */
    printf("\nTijden per fase (s), piekgeheugen (MB) en rekensnelheid (producten/s)\n");
    printf("%10s %8s %8s %8s %9s %8s %8s %6s %12s %12s\n", "producten", "laden", "rekenen", "csv",
           "werkboek", "totaal", "(cpu)", "piek", "rekenen/s", "beste ronde");
    for (int i = 0; i < n_sizes; i++) {
        const result *r = &res[i];
        char b[10][40];
        printf("%10s %8s %8s %8s %9s %8s %8s %6s %12s %12s\n", nl(b[0], 40, (double)r->n, 0),
               nl(b[1], 40, getd(r, "laden_s"), 3), nl(b[2], 40, getd(r, "rekenen_s"), 4),
               nl(b[3], 40, getd(r, "csv_s"), 3), nl(b[4], 40, getd(r, "werkboek_s"), 3),
               nl(b[5], 40, getd(r, "totaal_s"), 3), nl(b[9], 40, getd(r, "totaal_cpu_s"), 3),
               nl(b[6], 40, getd(r, "piek_mb"), 0),
               nl(b[7], 40, getd(r, "rekenen_per_s"), 0), nl(b[8], 40, getd(r, "rekenen_per_s_best"), 0));
    }
    printf("\nNaast de alternatieven: werkboek tegen alleen-schrijven (zelfde cellen), totaal tegen LibreOffice\n");
    printf("%10s %10s %9s %8s %9s %9s %9s %8s %12s %10s %10s %9s\n", "producten", "cellen",
           "werkboek", "inpakken", "basis", "wb/basis", "(cpu)", "totaal", "LibreOffice", "LO/totaal",
           "(cpu)", "plafond");
    for (int i = 0; i < n_sizes; i++) {
        const result *r = &res[i];
        char b[11][40], lo[40] = "-", lor[40] = "-", lorc[40] = "-", wbc[40] = "-", pl[40] = "-";
        if (get(r, "libreoffice_per_basis"))
            snprintf(pl, sizeof pl, "%s x", nl(b[10], 40, getd(r, "libreoffice_per_basis"), 1));
        if (get(r, "werkboek_per_basis_cpu"))
            nl(wbc, sizeof wbc, getd(r, "werkboek_per_basis_cpu"), 2);
        if (get(r, "libreoffice_per_totaal_cpu"))
            snprintf(lorc, sizeof lorc, "%s x", nl(b[6], 40, getd(r, "libreoffice_per_totaal_cpu"), 1));
        if (get(r, "libreoffice_s")) {
            nl(lo, sizeof lo, getd(r, "libreoffice_s"), 1);
            snprintf(lor, sizeof lor, "%s x", nl(b[8], 40, getd(r, "libreoffice_per_totaal"), 1));
        } else if (get(r, "libreoffice_s_meer_dan")) {
            snprintf(lo, sizeof lo, "> %s", nl(b[7], 40, getd(r, "libreoffice_s_meer_dan"), 0));
            snprintf(lor, sizeof lor, "> %s x", nl(b[8], 40, getd(r, "libreoffice_per_totaal_meer_dan"), 1));
        } else if (get(r, "libreoffice")) {
            snprintf(lo, sizeof lo, "%s", get(r, "libreoffice"));
        } else if (r->n > lo_max) {
            snprintf(lo, sizeof lo, "niet gemeten");
        }
        printf("%10s %10s %9s %8s %9s %9s %9s %8s %12s %10s %10s %9s\n", nl(b[0], 40, (double)r->n, 0),
               nl(b[1], 40, getd(r, "cellen"), 0), nl(b[2], 40, getd(r, "werkboek_s"), 3),
               nl(b[9], 40, getd(r, "inpakken_s"), 3), nl(b[3], 40, getd(r, "basis_s"), 3),
               nl(b[4], 40, getd(r, "werkboek_per_basis"), 2), wbc, nl(b[5], 40, getd(r, "totaal_s"), 3),
               lo, lor, lorc, pl);
    }
    vgl_tabel(res, n_sizes);
    printf("\nwb/basis: ons werkboek gedeeld door dezelfde cellen alleen schrijven met libxlsxwriter;\n"
           "LO/totaal: LibreOffice (herberekenen geforceerd) gedeeld door onze totale tijd;\n"
           "(cpu): dezelfde verhouding in processortijd, minder gevoelig voor ander werk op de machine;\n"
           "inpakken: daarvan workbook_close van libxlsxwriter (bladen samenstellen en zippen, zlib-niveau 6);\n"
           "plafond: LibreOffice gedeeld door basis, de hoogste LO/totaal die met deze cellen en libxlsxwriter\n"
           "kan, ook als laden, rekenen, CSV en onze eigen werkboekcode niets zouden kosten.\n");
    if (herhaal_max == LONG_MAX)
        printf("\nElke tijd is het minimum over %d herhalingen.\n", herhaal);
    else
        printf("\nElke tijd is het minimum over %d herhalingen (tot en met %ld producten; daarboven 1).\n",
               herhaal, herhaal_max);
    if (soffice && lo_max > 0)
        printf("\nLibreOffice: hele soffice-aanroep (opstarten, laden met herberekening, opslaan),"
               " alleen tot en met %ld producten.\n", lo_max);

    /* results.csv: ',' and decimal point (rekenmethode §1), one row per size */
    static const char *const cols[] = {"producten", "laden_s", "rekenen_s", "csv_s", "werkboek_s",
                                       "totaal_s", "piek_mb", "rekenen_per_s", "rekenen_per_s_best",
                                       "rekenrondes", "herhalingen", "werkboek_cpu_s", "totaal_cpu_s", "inpakken_s", "basis_s", "basis_cpu_s", "basis_inpakken_s", "werkboek_per_basis", "werkboek_per_basis_cpu", "cellen",
                                       "formules", "werkbladen", "csv_bytes", "xlsx_bytes",
                                       "basis_bytes", "libreoffice_s", "libreoffice_per_totaal", "libreoffice_cpu_s", "libreoffice_per_totaal_cpu",
                                       "libreoffice_per_basis",
                                       "libreoffice_s_meer_dan", "libreoffice"};
    char path[4200];
    snprintf(path, sizeof path, "%s/results.csv", absdir);
    FILE *f = fopen(path, "w");
    if (!f)
        fail("kan %s niet schrijven: %s", path, strerror(errno));
    fputs("# ", f);
    machine(f, "");
    fprintf(f, "# libreoffice_opstarten_s=%.3f\n", lo_start);
    for (size_t c = 0; c < sizeof cols / sizeof *cols; c++)
        fprintf(f, "%s%s", c ? "," : "", cols[c]);
    for (size_t c = 0; vgl_kolommen[c]; c++)
        fprintf(f, ",%s", vgl_kolommen[c]);
    fputc('\n', f);
    for (int i = 0; i < n_sizes; i++) {
        for (size_t c = 0; c < sizeof cols / sizeof *cols; c++) {
            const char *v = c == 0 ? NULL : get(&res[i], cols[c]);
            if (c == 0)
                fprintf(f, "%ld", res[i].n);
            else
                fprintf(f, ",%s", v ? v : "");
        }
        for (size_t c = 0; vgl_kolommen[c]; c++) {
            const char *v = get(&res[i], vgl_kolommen[c]);
            fprintf(f, ",%s", v ? v : "");
        }
        fputc('\n', f);
    }
    if (fclose(f) != 0)
        fail("kan %s niet schrijven: %s", path, strerror(errno));
    printf("Resultaten: %s\n", path);
    return 0;
}
