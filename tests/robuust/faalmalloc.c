/*
 * faalmalloc.c - fault injection for tests/layer-robuust.sh (LD_PRELOAD).
 *
 *   FAAL_MALLOC=N  the Nth call of malloc/calloc/realloc (counted from the
 *                  start of the process) returns NULL with ENOMEM, and so
 *                  does every later one (a process out of memory stays so).
 *   FAAL_TEL=file  at exit, write the number of calls to file (to find the
 *                  range to sweep).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static unsigned long calls, fail_at;
static int init_state; /* 0 none, 1 busy, 2 done */
static char bootstrap[8192];
static size_t boot_used;

static void init(void)
{
    if (init_state)
        return;
    init_state = 1;
    real_malloc = dlsym(RTLD_NEXT, "malloc");
    real_calloc = dlsym(RTLD_NEXT, "calloc");
    real_realloc = dlsym(RTLD_NEXT, "realloc");
    const char *s = getenv("FAAL_MALLOC");
    fail_at = s ? strtoul(s, NULL, 10) : 0;
    init_state = 2;
}

static int fail(void)
{
    calls++;
    if (fail_at && calls >= fail_at) {
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

__attribute__((destructor)) static void report(void)
{
    const char *f = getenv("FAAL_TEL");
    if (!f)
        return;
    int fd = open(f, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return;
    char b[32];
    int n = snprintf(b, sizeof b, "%lu\n", calls);
    if (write(fd, b, (size_t)n) < 0) { /* nothing to do */ }
    close(fd);
}

void *malloc(size_t n)
{
    init();
    if (init_state != 2 || !real_malloc)
        return NULL;
    return fail() ? NULL : real_malloc(n);
}

void *calloc(size_t a, size_t b)
{
    if (init_state == 1) { /* dlsym itself may call calloc */
        size_t n = (a * b + 15) & ~(size_t)15;
        if (boot_used + n > sizeof bootstrap)
            return NULL;
        void *p = bootstrap + boot_used;
        boot_used += n;
        memset(p, 0, n);
        return p;
    }
    init();
    return fail() ? NULL : real_calloc(a, b);
}

void *realloc(void *p, size_t n)
{
    init();
    return fail() ? NULL : real_realloc(p, n);
}

void free(void *p)
{
    static void (*real_free)(void *);
    if ((char *)p >= bootstrap && (char *)p < bootstrap + sizeof bootstrap)
        return;
    if (!real_free)
        real_free = dlsym(RTLD_NEXT, "free");
    real_free(p);
}
