/*
 * output.c - write to a temporary file, put it in place only when complete.
 *
 * A regular target (or none yet) gets a temporary file in the same
 * directory, renamed over it at the end: the target is either the old file
 * or the complete new one. A symlink is followed, so the file it points to
 * is replaced and the link stays. A device or FIFO (/dev/stdout, a pipe)
 * cannot be renamed over: the temporary file goes to $TMPDIR and is copied
 * into the target at the end, so a failed run still writes nothing there.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char real[PATH_MAX];
        if (realpath(path, real) && strlen(real) + 16 < sizeof o->tmp)
            snprintf(o->path, sizeof o->path, "%s", real);
    }
    if (stat(o->path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            return -1;
        }
        if (!S_ISREG(st.st_mode)) {
            o->special = 1;
        } else {
            o->keep_mode = 1;
            o->mode = st.st_mode & 07777;
        }
    }
    if (o->special) {
        const char *dir = getenv("TMPDIR");
        if (!dir || !*dir)
            dir = "/tmp";
        snprintf(o->tmp, sizeof o->tmp, "%s/tarief-uitvoer.XXXXXX", dir);
    } else {
        const char *p = o->path;
        const char *slash = strrchr(p, '/');
        int dirlen = slash ? (int)(slash - p + 1) : 0;
        snprintf(o->tmp, sizeof o->tmp, "%.*s.%s.XXXXXX", dirlen, p, slash ? slash + 1 : p);
    }
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        o->tmp[0] = '\0';
        return -1;
    }
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
        o->tmp[0] = '\0';
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

/* Copy the finished temporary file into a device or FIFO. */
static int copy_into(const char *from, const char *to)
{
    int in = open(from, O_RDONLY);
    if (in < 0)
        return -1;
    int out = open(to, O_WRONLY);
    if (out < 0) {
        int e = errno;
        close(in);
        errno = e;
        return -1;
    }
    char buf[65536];
    ssize_t n;
    int rc = 0;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(out, buf + off, (size_t)(n - off));
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                rc = -1;
                break;
            }
            off += w;
        }
        if (rc)
            break;
    }
    if (n < 0)
        rc = -1;
    int e = errno;
    close(in);
    if (close(out) != 0)
        rc = -1;
    errno = e;
    return rc;
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
    if (rc == 0 && o->special) {
        rc = copy_into(o->tmp, o->path);
        int e = errno;
        unlink(o->tmp);
        o->tmp[0] = '\0';
        errno = e;
        return rc;
    }
    if (rc == 0) {
        /* an existing file keeps its permissions; a new one gets the usual
         * ones (mkstemp makes 0600) */
        mode_t mode;
        if (o->keep_mode) {
            mode = o->mode;
        } else {
            mode_t mask = umask(0);
            umask(mask);
            mode = 0666 & ~mask;
        }
        chmod(o->tmp, mode);
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
