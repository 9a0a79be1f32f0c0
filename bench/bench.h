/* bench.h - what the parts of the bench share: gemeen.c (clocks, loading,
 * running a measurement) below bench.c, opname.c and vergelijk.c. */
#ifndef TARIEF_BENCH_H
#define TARIEF_BENCH_H

#include <stdbool.h>
#include <stddef.h>

#include "tarief.h"

#define MAX_KV 112

/* key=value lines of one measurement, or the best of several */
typedef struct result {
    long n;
    char keys[MAX_KV][32];
    char vals[MAX_KV][64];
    int nkv;
} result;

double now(void);
double cpu(void);
double peak_mb(void);
void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void print_problems(const tarief_ctx *ctx);
const tarief_regio *load(tarief_ctx *ctx, const char *regio, const char *cao_map);
long long file_size(const char *path);
extern double inpakken_s; /* time in libxlsxwriter's workbook_close */

void opname_aan(bool aan);
void opname_basis(const char *prefix, const char *path);

const char *get(const result *r, const char *key);
double getd(const result *r, const char *key);
void put(result *r, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void merge_min(result *best, const result *r);
int run(char *const argv[], result *out, double timeout, double *secs, double *cpu_secs);
const char *nl(char *buf, size_t size, double x, int dec);

/* vergelijk.c */
int cmd_vgl(int argc, char **argv);            /* bench meet-vergelijk|... */
void vgl_meet(result *r, const char *self, const char *dir, long n, const char *cao_map);
void vgl_afgeleid(result *r);                  /* ratios against bereken */
void vgl_tabel(const result *res, int n);
extern const char *const vgl_kolommen[];
#endif
