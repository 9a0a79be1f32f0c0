/*
 * gemeen.c - what every part of the bench uses (bench.c, opname.c,
 * vergelijk.c): clocks, peak memory, loading a region, running one
 * measurement in a fresh process and reading its key=value lines. Below
 * the three, so they do not call each other for these.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
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

double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU time of this process: unlike wall time, barely disturbed when other
 * work shares the two cores. */
double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0; /* Linux: kilobytes */
}

void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bench: fout: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(3);
}

void print_problems(const tarief_ctx *ctx)
{
    const tarief_diag *d = tarief_ctx_diag(ctx);
    for (size_t i = 0; i < d->count; i++)
        fprintf(stderr, "%s:%d:%d: fout: %s\n", d->items[i].file, d->items[i].line,
                d->items[i].column, d->items[i].message);
}

const tarief_regio *load(tarief_ctx *ctx, const char *regio, const char *cao_map)
{
    /* as the CLI loads: with the checksums the workbook lists */
    tarief_load_options o = {.cao_map = cao_map, .checksums = true};
    const tarief_regio *r = tarief_load_regio(ctx, regio, &o);
    if (!r) {
        print_problems(ctx);
        fail("kan %s niet laden", regio);
    }
    return r;
}

long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

const char *get(const result *r, const char *key)
{
    for (int i = 0; i < r->nkv; i++)
        if (strcmp(r->keys[i], key) == 0)
            return r->vals[i];
    return NULL;
}

double getd(const result *r, const char *key)
{
    const char *v = get(r, key);
    return v ? strtod(v, NULL) : NAN;
}

void put(result *r, const char *key, const char *fmt, ...)
{
    if (r->nkv == MAX_KV)
        return;
    snprintf(r->keys[r->nkv], sizeof r->keys[0], "%s", key);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->vals[r->nkv], sizeof r->vals[0], fmt, ap);
    va_end(ap);
    r->nkv++;
}

/* Keep the smaller of two measurements of each time (the machine is shared:
 * the minimum over repeats is the least disturbed one), the larger peak. */
void merge_min(result *best, const result *r)
{
    for (int i = 0; i < r->nkv; i++) {
        const char *k = r->keys[i];
        const char *old = get(best, k);
        size_t kl = strlen(k);
        bool tijd = kl > 2 && strcmp(k + kl - 2, "_s") == 0;
        bool hoger_beter = strncmp(k, "rekenen_per_s", 13) == 0 || strstr(k, "piek_mb") != NULL;
        if (!old) {
            put(best, k, "%s", r->vals[i]);
            continue;
        }
        double a = strtod(old, NULL), b = strtod(r->vals[i], NULL);
        if ((tijd && b < a) || (hoger_beter && b > a))
            for (int j = 0; j < best->nkv; j++)
                if (strcmp(best->keys[j], k) == 0)
                    snprintf(best->vals[j], sizeof best->vals[j], "%s", r->vals[i]);
    }
}

static pid_t child; /* the measurement run() waits for */

static void on_alarm(int sig)
{
    (void)sig;
    /* the process group we started (soffice runs soffice.bin in it); the
     * child is not reaped yet, so the id is still ours */
    if (child > 0)
        kill(-child, SIGKILL);
}

/* Run argv in its own process group; stdout into *out (key=value lines)
 * unless out is NULL. Returns the exit status (-1 on timeout) and the wall
 * time in *secs. */
int run(char *const argv[], result *out, double timeout, double *secs, double *cpu_secs)
{
    int fd[2];
    if (out && pipe(fd) != 0)
        fail("pipe: %s", strerror(errno));
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0)
        fail("fork: %s", strerror(errno));
    if (pid == 0) {
        setpgid(0, 0);
        if (out) {
            dup2(fd[1], STDOUT_FILENO);
            close(fd[0]);
            close(fd[1]);
        } else {
            int dn = open("/dev/null", O_WRONLY);
            if (dn >= 0) {
                dup2(dn, STDOUT_FILENO);
                dup2(dn, STDERR_FILENO);
            }
        }
        execv(argv[0], argv);
        fprintf(stderr, "bench: kan %s niet starten: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    setpgid(pid, pid);
    child = pid;
    struct sigaction sa = {.sa_handler = on_alarm};
    sigaction(SIGALRM, &sa, NULL);
    if (timeout > 0)
        alarm((unsigned)ceil(timeout));
    if (out) {
        close(fd[1]);
        FILE *f = fdopen(fd[0], "r");
        char line[256];
        while (f && fgets(line, sizeof line, f)) {
            line[strcspn(line, "\n")] = '\0';
            char *eq = strchr(line, '=');
            if (!eq || out->nkv == MAX_KV)
                continue;
            *eq = '\0';
            put(out, line, "%s", eq + 1);
        }
        if (f)
            fclose(f);
    }
    int st;
    struct rusage ru = {0};
    while (wait4(pid, &st, 0, &ru) < 0 && errno == EINTR)
        ;
    if (cpu_secs) /* the child and the descendants it waited for */
        *cpu_secs = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 +
                    (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
    alarm(0);
    child = 0;
    *secs = now() - t0;
    if (WIFSIGNALED(st))
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Dutch number for the table: decimal comma, '.' thousands separator. */
const char *nl(char *buf, size_t size, double x, int dec)
{
    if (isnan(x))
        return "-";
    return tarief_fmt_nl(buf, size, x, dec);
}
