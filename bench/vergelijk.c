/*
 * vergelijk.c - `make bench` for the comparisons (issue 17,
 * docs/prestaties.md): `tarief vergelijk` (a region and an aanbieder
 * overlay, genregio --aanbieder) and `tarief verschil` (a region and its
 * next year, genregio --volgend-jaar), each as the CLI runs it:
 *
 *     bench vergelijk zonder|met|basis REGIO AANBIEDER UITMAP CAO-MAP
 *     bench verschil  zonder|met|basis OUD NIEUW UITMAP CAO-MAP
 *         zonder: load both, compare, write the CSV (no workbook: verschil
 *         keeps only the contributions, as the CLI without -o); met: the
 *         same and the workbook (verschil keeps every intermediate
 *         calculation, as the CLI with -o); each in its own process, so the
 *         peak RSS is that of the run. basis: the write-only baseline of
 *         that workbook, recorded and replayed as `bench basis` does.
 *         Prints key=value lines, prefixed vgl_ or vsch_.
 *
 * The driver (vgl_meet) runs the three for every size next to `bench
 * meet`, and the table puts them against bereken with its workbook: the
 * targets are 3 x its wall time and 2,5 x its peak memory.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

typedef struct vgl_run {
    const tarief_regio *a, *b;
    const void *uitkomst;
} vgl_run;

static void laad(tarief_ctx *ctx, bool verschil, const char *p1, const char *p2, const char *cao_map, vgl_run *v)
{
    if (verschil) {
        v->a = load(ctx, p1, cao_map);
        v->b = load(ctx, p2, cao_map);
        return;
    }
    v->a = load(ctx, p1, cao_map);
    tarief_load_options o = {.cao_map = cao_map, .checksums = true, .overlay = p2};
    v->b = tarief_load_regio(ctx, p1, &o);
    if (!v->b) {
        print_problems(ctx);
        fail("kan %s met %s niet laden", p1, p2);
    }
}

static void reken(tarief_ctx *ctx, bool verschil, bool stappen, vgl_run *v)
{
    if (verschil) {
        tarief_verschil_options o = {.tussenstappen = stappen};
        v->uitkomst = tarief_verschil_bereken_opt(ctx, v->a, v->b, &o);
    } else {
        v->uitkomst = tarief_vergelijk(ctx, v->a, v->b);
    }
}

static int schrijf_werkboek(tarief_ctx *ctx, bool verschil, const vgl_run *v, const char *path)
{
    tarief_workbook_options wo = {0};
    return verschil ? tarief_verschil_workbook_write(ctx, v->uitkomst, path, &wo)
                    : tarief_vergelijk_workbook_write(ctx, v->uitkomst, path, &wo);
}

int cmd_vgl(int argc, char **argv)
{
    bool verschil = strcmp(argv[1], "verschil") == 0;
    const char *wat = argv[2], *p1 = argv[3], *p2 = argv[4], *uit = argv[5], *cao_map = argv[6];
    const char *px = verschil ? "vsch" : "vgl";
    (void)argc;
    char csv[4096], xlsx[4096];
    snprintf(csv, sizeof csv, "%s/%s.csv", uit, argv[1]);
    snprintf(xlsx, sizeof xlsx, "%s/%s.xlsx", uit, argv[1]);
    tarief_ctx *ctx = tarief_ctx_new();
    vgl_run v;

    if (strcmp(wat, "basis") == 0) {
        laad(ctx, verschil, p1, p2, cao_map, &v);
        reken(ctx, verschil, false, &v); /* as the CLI: steps rebuilt by the workbook */
        char opname[4200], basis[4200];
        snprintf(opname, sizeof opname, "%s/%s-opname.xlsx", uit, argv[1]);
        snprintf(basis, sizeof basis, "%s/%s-basis.xlsx", uit, argv[1]);
        opname_aan(true);
        if (schrijf_werkboek(ctx, verschil, &v, opname) != 0) {
            print_problems(ctx);
            fail("werkboek niet geschreven");
        }
        opname_aan(false);
        remove(opname);
        tarief_ctx_free(ctx); /* only the recording stays in memory */
        opname_basis(px, basis);
        return 0;
    }
    bool met = strcmp(wat, "met") == 0;
    if (!met && strcmp(wat, "zonder") != 0)
        fail("onbekende meting %s (zonder, met of basis)", wat);
    double c0 = cpu(), t0 = now();
    laad(ctx, verschil, p1, p2, cao_map, &v);
    double t1 = now(), piek_laden = peak_mb();
    reken(ctx, verschil, false, &v); /* as the CLI (src/cli/cmd_verschil.c) */
    double t2 = now();
    tarief_output out;
    FILE *f = tarief_output_open(&out, csv);
    /* with a byte-order mark, as the CLI writes it (src/cli/args.c) */
    int rc = !f || fputs("\xEF\xBB\xBF", f) == EOF ? -1
             : verschil ? tarief_verschil_csv_write(f, v.uitkomst)
                        : tarief_vergelijk_csv_write(f, v.uitkomst);
    if (rc != 0 || tarief_output_commit(&out) != 0)
        fail("kan %s niet schrijven", csv);
    double t3 = now(), c3 = cpu();
    inpakken_s = 0;
    if (met && schrijf_werkboek(ctx, verschil, &v, xlsx) != 0) {
        print_problems(ctx);
        fail("werkboek niet geschreven");
    }
    double t4 = now(), c4 = cpu();
    const char *z = met ? "" : "_zonder";
    printf("%s%s_producten=%zu\n", px, z, v.a->n_producten);
    printf("%s%s_laden_s=%.6f\n", px, z, t1 - t0);
    printf("%s%s_rekenen_s=%.6f\n", px, z, t2 - t1);
    printf("%s%s_csv_s=%.6f\n", px, z, t3 - t2);
    if (met) {
        printf("%s_werkboek_s=%.6f\n", px, t4 - t3);
        printf("%s_inpakken_s=%.6f\n", px, inpakken_s);
        printf("%s_werkboek_cpu_s=%.6f\n", px, c4 - c3);
        printf("%s_xlsx_bytes=%lld\n", px, file_size(xlsx));
    }
    printf("%s%s_totaal_s=%.6f\n", px, z, t4 - t0);
    printf("%s%s_totaal_cpu_s=%.6f\n", px, z, c4 - c0);
    printf("%s%s_piek_mb=%.1f\n", px, z, peak_mb());
    /* the two regions alone (load.c); the rest is the comparison's */
    printf("%s%s_laden_piek_mb=%.1f\n", px, z, piek_laden);
    printf("%s%s_csv_bytes=%lld\n", px, z, file_size(csv));
    tarief_ctx_free(ctx);
    return 0;
}

/* One repeat of the three measurements of both commands at size n. */
void vgl_meet(result *r, const char *self, const char *dir, long n, const char *cao_map)
{
    static const char *const cmds[2][3] = {{"vergelijk", "aanbieder", "vgl"}, {"verschil", "volgend", "vsch"}};
    char p1[4200], p2[4200], uit[4200];
    snprintf(p1, sizeof p1, "%s/regio-%ld", dir, n);
    snprintf(uit, sizeof uit, "%s/uit-%ld", dir, n);
    for (int c = 0; c < 2; c++) {
        snprintf(p2, sizeof p2, "%s/%s-%ld", dir, cmds[c][1], n);
        if (file_size(p2) < 0) {
            char k[32];
            snprintf(k, sizeof k, "%s_ontbreekt", cmds[c][2]);
            put(r, k, "%s", p2);
            continue;
        }
        static const char *const wat[] = {"zonder", "met", "basis"};
        for (int w = 0; w < 3; w++) {
            fprintf(stderr, "bench: %ld producten: %s %s...\n", n, cmds[c][0], wat[w]);
            char *argv[] = {(char *)self, (char *)cmds[c][0], (char *)wat[w], p1, p2, uit, (char *)cao_map, NULL};
            double s;
            if (run(argv, r, 0, &s, NULL) != 0)
                fail("bench %s %s %s mislukte", cmds[c][0], wat[w], p2);
        }
    }
}

static void ratio(result *r, const char *key, const char *a, const char *b, const char *fmt)
{
    double x = getd(r, a), y = getd(r, b);
    if (!isnan(x) && !isnan(y) && y > 0)
        put(r, key, fmt, x / y);
}

void vgl_afgeleid(result *r)
{
    static const char *const px[] = {"vgl", "vsch"};
    for (int c = 0; c < 2; c++) {
        char k[32], a[32], b[32];
#define K(buf, fmt) snprintf(buf, sizeof buf, fmt, px[c])
        K(k, "%s_per_bereken_s"), K(a, "%s_totaal_s");
        ratio(r, k, a, "totaal_s", "%.3f");
        K(k, "%s_per_bereken_mb"), K(a, "%s_piek_mb");
        ratio(r, k, a, "piek_mb", "%.3f");
        K(k, "%s_werkboek_per_basis"), K(a, "%s_werkboek_s"), K(b, "%s_basis_s");
        ratio(r, k, a, b, "%.3f");
        K(k, "%s_per_bereken_cpu"), K(a, "%s_totaal_cpu_s");
        ratio(r, k, a, "totaal_cpu_s", "%.3f");
        double n = (double)r->n;
        K(a, "%s_piek_mb");
        if (get(r, a))
            K(k, "%s_kb_per_product"), put(r, k, "%.2f", getd(r, a) * 1024 / n);
        K(a, "%s_zonder_piek_mb");
        if (get(r, a))
            K(k, "%s_zonder_kb_per_product"), put(r, k, "%.2f", getd(r, a) * 1024 / n);
#undef K
    }
}

const char *const vgl_kolommen[] = {
    "vgl_zonder_totaal_s", "vgl_zonder_rekenen_s", "vgl_zonder_laden_piek_mb", "vgl_zonder_piek_mb", "vgl_zonder_kb_per_product",
    "vgl_totaal_s", "vgl_totaal_cpu_s", "vgl_werkboek_s", "vgl_inpakken_s", "vgl_basis_s", "vgl_werkboek_per_basis",
    "vgl_piek_mb", "vgl_kb_per_product", "vgl_per_bereken_s", "vgl_per_bereken_cpu", "vgl_per_bereken_mb",
    "vgl_cellen", "vgl_formules", "vgl_xlsx_bytes", "vgl_csv_bytes",
    "vsch_zonder_totaal_s", "vsch_zonder_rekenen_s", "vsch_zonder_laden_piek_mb", "vsch_zonder_piek_mb", "vsch_zonder_kb_per_product",
    "vsch_totaal_s", "vsch_totaal_cpu_s", "vsch_werkboek_s", "vsch_inpakken_s", "vsch_basis_s",
    "vsch_werkboek_per_basis", "vsch_piek_mb", "vsch_kb_per_product", "vsch_per_bereken_s", "vsch_per_bereken_cpu",
    "vsch_per_bereken_mb", "vsch_cellen", "vsch_formules", "vsch_xlsx_bytes", "vsch_csv_bytes", NULL};

static void rij(const result *r, const result *vorig, const char *naam, const char *px)
{
    char b[16][40], k[32];
    const char *zt, *zp, *t, *p, *wb, *bs, *wbb, *tr, *pr, *m, *mz;
#define V(i, suffix, dec) (snprintf(k, sizeof k, "%s%s", px, suffix), nl(b[i], 40, getd(r, k), dec))
    zt = V(0, "_zonder_totaal_s", 3);
    zp = V(1, "_zonder_piek_mb", 0);
    t = V(2, "_totaal_s", 3);
    p = V(3, "_piek_mb", 0);
    wb = V(4, "_werkboek_s", 3);
    bs = V(5, "_basis_s", 3);
    wbb = V(6, "_werkboek_per_basis", 2);
    tr = V(7, "_per_bereken_s", 2);
    pr = V(8, "_per_bereken_mb", 2);
#undef V
    /* memory per product: the growth from the size before (fixed costs
     * drop out); at the first size the peak divided by the products */
    double dz = NAN, dm = NAN;
    snprintf(k, sizeof k, "%s_zonder_piek_mb", px);
    if (vorig && get(vorig, k))
        dz = (getd(r, k) - getd(vorig, k)) * 1024 / (double)(r->n - vorig->n);
    snprintf(k, sizeof k, "%s_piek_mb", px);
    if (vorig && get(vorig, k))
        dm = (getd(r, k) - getd(vorig, k)) * 1024 / (double)(r->n - vorig->n);
    mz = nl(b[9], 40, dz, 1);
    m = nl(b[10], 40, dm, 1);
    printf("%10s %-10s %8s %6s %7s %8s %6s %7s %9s %8s %8s %9s %9s\n", nl(b[11], 40, (double)r->n, 0), naam, zt, zp,
           mz, t, p, m, wb, bs, wbb, tr, pr);
}

void vgl_tabel(const result *res, int n)
{
    printf("\nVergelijk en verschil: zonder en met werkboek, tegen bereken met werkboek (tijden in s, piek in MB,\n"
           "kB/p: geheugengroei per product ten opzichte van de grootte ervoor)\n");
    printf("%10s %-10s %8s %6s %7s %8s %6s %7s %9s %8s %8s %9s %9s\n", "producten", "opdracht", "zonder", "piek",
           "kB/p", "met -o", "piek", "kB/p", "werkboek", "basis", "wb/basis", "t/bereken", "p/bereken");
    for (int i = 0; i < n; i++) {
        const result *r = &res[i], *v = i ? &res[i - 1] : NULL;
        char b[7][40];
        double dm = v ? (getd(r, "piek_mb") - getd(v, "piek_mb")) * 1024 / (double)(r->n - v->n) : NAN;
        printf("%10s %-10s %8s %6s %7s %8s %6s %7s %9s %8s %8s %9s %9s\n", nl(b[0], 40, (double)r->n, 0),
               "bereken", "-", "-", "-", nl(b[1], 40, getd(r, "totaal_s"), 3), nl(b[2], 40, getd(r, "piek_mb"), 0),
               nl(b[3], 40, dm, 1), nl(b[4], 40, getd(r, "werkboek_s"), 3), nl(b[5], 40, getd(r, "basis_s"), 3),
               nl(b[6], 40, getd(r, "werkboek_per_basis"), 2), "1,00", "1,00");
        rij(r, v, "vergelijk", "vgl");
        rij(r, v, "verschil", "vsch");
    }
    printf("\nzonder: laden, vergelijken en CSV schrijven, zonder werkboek (verschil houdt dan alleen de bijdragen);\n"
           "met -o: hetzelfde met het werkboek (verschil houdt alle tussenberekeningen, het werkboek schrijft ze);\n"
           "basis: dezelfde cellen alleen schrijven met libxlsxwriter; t/bereken en p/bereken: tijd en piekgeheugen\n"
           "met werkboek gedeeld door die van bereken met werkboek (doel: hooguit 3 en 2,5).\n");
}
