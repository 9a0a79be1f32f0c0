/* output.c - write to a temporary file next to the target, rename when done. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

static int make_tmp(tarief_output *o, const char *path)
{
    memset(o, 0, sizeof *o);
    if (strlen(path) + 16 >= sizeof o->tmp) {
        errno = ENAMETOOLONG;
        return -1;
    }
    snprintf(o->path, sizeof o->path, "%s", path);
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    snprintf(o->tmp, sizeof o->tmp, "%.*s.%s.XXXXXX", dirlen, path, slash ? slash + 1 : path);
    int fd = mkstemp(o->tmp);
    if (fd < 0)
        return -1;
    return fd;
}

FILE *tarief_output_open(tarief_output *o, const char *path)
{
    int fd = make_tmp(o, path);
    if (fd < 0)
        return NULL;
    o->fp = fdopen(fd, "w");
    if (!o->fp) {
        int e = errno;
        close(fd);
        unlink(o->tmp);
        errno = e;
        return NULL;
    }
    return o->fp;
}

int tarief_output_reserve(tarief_output *o, const char *path)
{
    int fd = make_tmp(o, path);
    if (fd < 0)
        return -1;
    close(fd);
    return 0;
}

int tarief_output_commit(tarief_output *o)
{
    int rc = 0;
    if (o->fp) {
        if (fflush(o->fp) != 0 || ferror(o->fp))
            rc = -1;
        if (fclose(o->fp) != 0)
            rc = -1;
        o->fp = NULL;
    }
    if (rc == 0) {
        /* keep the usual permissions of a new file (mkstemp makes 0600) */
        mode_t mask = umask(0);
        umask(mask);
        chmod(o->tmp, 0666 & ~mask);
        if (rename(o->tmp, o->path) != 0)
            rc = -1;
    }
    if (rc != 0) {
        int e = errno;
        unlink(o->tmp);
        errno = e;
    }
    o->tmp[0] = '\0';
    return rc;
}

void tarief_output_abort(tarief_output *o)
{
    if (o->fp) {
        fclose(o->fp);
        o->fp = NULL;
    }
    if (o->tmp[0])
        unlink(o->tmp);
    o->tmp[0] = '\0';
}
