/*
 * datadir.c - where the installed data (cao tables, index series) lives.
 *
 * The only file compiled with -DTARIEF_DATADIR: the Makefile rebuilds it
 * when PREFIX changes (a stamp file), so `make install PREFIX=...` after an
 * earlier build never installs a binary that looks in the old place. Before
 * that compiled-in directory comes the directory relative to the running
 * program, <bin>/../share/tarief (Linux /proc/self/exe): an installed tree
 * moved elsewhere, or installed with DESTDIR, still finds its own data.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#ifndef TARIEF_DATADIR
#define TARIEF_DATADIR "/usr/local/share/tarief"
#endif

static bool exists(const char *p, bool want_dir)
{
    struct stat st;
    return stat(p, &st) == 0 && (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
}

/* <dir of the running program>/../share/tarief, or "" when unknown. */
static const char *exe_datadir(void)
{
    static char buf[PATH_MAX];
    static bool done;
    if (done)
        return buf;
    done = true;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return buf;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return buf;
    *slash = '\0';
    if (snprintf(buf, sizeof buf, "%s/../share/tarief", exe) >= (int)sizeof buf)
        buf[0] = '\0';
    return buf;
}

const char *ti_data_path(char *buf, size_t size, const char *sub, bool want_dir)
{
    const char *rel = exe_datadir();
    if (rel[0] && snprintf(buf, size, "%s/%s", rel, sub) < (int)size && exists(buf, want_dir))
        return buf;
    snprintf(buf, size, "%s/%s", TARIEF_DATADIR, sub);
    return buf;
}
