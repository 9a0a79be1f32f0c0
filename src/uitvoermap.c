/*
 * uitvoermap.c - write a whole directory atomically: the files go into a
 * temporary directory next to the target, which is renamed into place when
 * every file is complete (rename(2) replaces an empty directory). An
 * existing non-empty directory is never touched.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "uitvoermap.h"

/* 1 if dir holds anything besides . and .., 0 if empty, -1 on error. */
static int niet_leeg(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int any = 0;
    for (struct dirent *e; (e = readdir(d));)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            any = 1;
            break;
        }
    closedir(d);
    return any;
}

int tarief_uitvoermap_open(tarief_ctx *ctx, tarief_uitvoermap *m, const char *path)
{
    memset(m, 0, sizeof *m);
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        len--;
    if (len == 0 || len + 32 >= sizeof m->path) {
        tarief_ctx_error(ctx, path, 0, 0, NULL, "ongeldige mapnaam");
        return -1;
    }
    snprintf(m->path, sizeof m->path, "%.*s", (int)len, path);
    struct stat st;
    if (lstat(m->path, &st) == 0) {
        if (!S_ISDIR(st.st_mode)) {
            tarief_ctx_error(ctx, m->path, 0, 0, NULL,
                             "bestaat al en is geen map: kies een andere naam (er is niets overschreven)");
            return -1;
        }
        int nl = niet_leeg(m->path);
        if (nl != 0) {
            if (nl < 0) {
                tarief_ctx_error(ctx, m->path, 0, 0, NULL, "kan de map niet lezen: %s", tarief_strerror(errno));
                ti_ctx_mark_io(ctx);
            } else {
                tarief_ctx_error(ctx, m->path, 0, 0, NULL,
                                 "de map bestaat al en is niet leeg: kies een nieuwe of lege map "
                                 "(er is niets veranderd)");
            }
            return -1;
        }
    } else if (errno != ENOENT) {
        tarief_ctx_error(ctx, m->path, 0, 0, NULL, "kan de map niet bekijken: %s", tarief_strerror(errno));
        ti_ctx_mark_io(ctx);
        return -1;
    }
    const char *slash = strrchr(m->path, '/');
    int dirlen = slash ? (int)(slash - m->path + 1) : 0;
    snprintf(m->tmp, sizeof m->tmp, "%.*s.%s.XXXXXX", dirlen, m->path, slash ? slash + 1 : m->path);
    if (!mkdtemp(m->tmp)) {
        tarief_ctx_error(ctx, m->path, 0, 0, NULL, "kan de map niet aanmaken: %s", tarief_strerror(errno));
        ti_ctx_mark_io(ctx);
        m->tmp[0] = '\0';
        return -1;
    }
    ti_tmp_register(m->tmp, true); /* removed on SIGINT/SIGTERM/SIGHUP too */
    /* mkdtemp gives 0700: a new directory normally gets 0777 minus the umask */
    mode_t um = umask(0);
    umask(um);
    chmod(m->tmp, 0777 & ~um);
    return 0;
}

const char *tarief_uitvoermap_file(tarief_ctx *ctx, const tarief_uitvoermap *m, const char *name)
{
    const char *p = ti_ctx_printf(ctx, "%s/%s", m->tmp, name);
    ti_tmp_register(p, false);
    return p;
}

void tarief_uitvoermap_abort(tarief_uitvoermap *m)
{
    if (!m->tmp[0])
        return;
    DIR *d = opendir(m->tmp);
    if (d) {
        char p[8192];
        for (struct dirent *e; (e = readdir(d));) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(p, sizeof p, "%s/%s", m->tmp, e->d_name);
            unlink(p);
        }
        closedir(d);
    }
    rmdir(m->tmp);
    ti_tmp_forget_under(m->tmp);
    m->tmp[0] = '\0';
}

int tarief_uitvoermap_commit(tarief_ctx *ctx, tarief_uitvoermap *m)
{
    if (rename(m->tmp, m->path) != 0) {
        int e = errno;
        tarief_ctx_error(ctx, m->path, 0, 0, NULL, "kan de map niet op zijn plaats zetten: %s",
                         e == ENOTEMPTY || e == EEXIST ? "de map is intussen gevuld" : tarief_strerror(e));
        if (e != ENOTEMPTY && e != EEXIST)
            ti_ctx_mark_io(ctx);
        tarief_uitvoermap_abort(m);
        return -1;
    }
    ti_tmp_forget_under(m->tmp); /* gone: harmless to a signal before this */
    m->tmp[0] = '\0';
    return 0;
}
