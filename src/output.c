/*
 * output.c - write to a temporary file, put it in place only when complete.
 *
 * A regular target (or none yet) gets a temporary file in the same
 * directory, renamed over it at the end: the target is either the old file
 * or the complete new one. A symlink is followed, so the file it points to
 * is replaced and the link stays. A device or FIFO (/dev/stdout, a pipe)
 * cannot be renamed over: the temporary file goes to $TMPDIR and is copied
 * into the target at the end, so a failed run still writes nothing there.
 *
 * Every file is flushed to disk (fsync) before its rename, and its
 * directory after it. Between tarief_output_group_begin() and
 * tarief_output_group_commit() a commit only finishes its file: the renames
 * of all of them follow together at the end, so a command's outputs land
 * all or none. Every temporary file is in a registry that the signal
 * handlers (tarief_output_signals) and tarief_onvoldoende_geheugen() empty
 * before the process ends. Process-wide state: one command at a time. A crash (SIGSEGV, SIGBUS, SIGABRT) also empties the registry and exits 3.
 */
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* --- registry of temporary files (async-signal-safe to empty) ------------ */

#define MAX_TMP 32
static char tmp_paths[MAX_TMP][4096];
/* 0 free, 1 a temporary file, 2 a temporary directory (removed after the
 * files, so a directory whose files were registered ends up empty) */
static volatile sig_atomic_t tmp_used[MAX_TMP];

static void tmp_register_as(const char *path, int kind)
{
    for (int i = 0; i < MAX_TMP; i++)
        if (!tmp_used[i]) {
            snprintf(tmp_paths[i], sizeof tmp_paths[i], "%s", path);
            tmp_used[i] = kind;
            return;
        }
}

static void tmp_register(const char *path)
{
    tmp_register_as(path, 1);
}

void ti_tmp_register(const char *path, bool is_dir)
{
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    tmp_register_as(path, is_dir ? 2 : 1);
    sigprocmask(SIG_SETMASK, &old, NULL);
}

void ti_tmp_forget_under(const char *dir)
{
    size_t n = strlen(dir);
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    for (int i = 0; i < MAX_TMP; i++)
        if (tmp_used[i] && strncmp(tmp_paths[i], dir, n) == 0 &&
            (tmp_paths[i][n] == '\0' || tmp_paths[i][n] == '/'))
            tmp_used[i] = 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
}

static void tmp_forget(const char *path)
{
    for (int i = 0; i < MAX_TMP; i++)
        if (tmp_used[i] && strcmp(tmp_paths[i], path) == 0) {
            tmp_used[i] = 0;
            return;
        }
}

/* Remove every temporary file still there: only async-signal-safe calls. */
static void tmp_remove_all(void)
{
    for (int i = 0; i < MAX_TMP; i++)
        if (tmp_used[i] == 1) {
            unlink(tmp_paths[i]);
            tmp_used[i] = 0;
        }
    for (int i = 0; i < MAX_TMP; i++)
        if (tmp_used[i] == 2) {
            rmdir(tmp_paths[i]);
            tmp_used[i] = 0;
        }
}

static void say(const char *s)
{
    ssize_t r = write(2, s, strlen(s));
    (void)r;
}

void tarief_onvoldoende_geheugen(void)
{
    tmp_remove_all();
    say("tarief: fout: onvoldoende geheugen; tijdelijke bestanden zijn verwijderd en bestaande uitvoer is "
        "ongewijzigd (afsluitcode 3)\n");
    _exit(3);
}

/* A write beyond `ulimit -f` fails with EFBIG, but libxlsxwriter does not
 * check the writes into its own temporary files: a sheet would silently
 * lose rows. So the signal is caught, and no output is committed after it. */
static volatile sig_atomic_t xfsz_seen;

static void on_xfsz(int sig)
{
    (void)sig;
    xfsz_seen = 1;
}

static void on_signal(int sig)
{
    tmp_remove_all();
    const char *naam = sig == SIGINT ? "SIGINT, Ctrl-C" : sig == SIGTERM ? "SIGTERM" : sig == SIGHUP ? "SIGHUP" : "signaal";
    say("\ntarief: fout: onderbroken (");
    say(naam);
    say("); tijdelijke bestanden zijn verwijderd en bestaande uitvoer is ongewijzigd\n");
    _exit(128 + sig);
}

/* A crash (libxlsxwriter dereferences NULL after some of its own failed
 * allocations): still no temporary file left, and a Dutch message. Not
 * under a sanitizer, which reports the crash itself. */
#if defined(__SANITIZE_ADDRESS__)
#define TARIEF_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define TARIEF_SANITIZER 1
#endif
#endif

#ifndef TARIEF_SANITIZER
static void on_crash(int sig)
{
    tmp_remove_all();
    say("\ntarief: fout: interne fout (");
    say(sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS" : "SIGABRT");
    say("), meestal door onvoldoende geheugen in de werkboekschrijver; tijdelijke bestanden zijn verwijderd en "
        "bestaande uitvoer is ongewijzigd (afsluitcode 3)\n");
    _exit(3);
}
#endif

void tarief_output_signals(void)
{
#ifndef TARIEF_SANITIZER
    static char altstack[64 * 1024]; /* so a stack overflow can still be handled */
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    struct sigaction ca;
    memset(&ca, 0, sizeof ca);
    ca.sa_handler = on_crash;
    ca.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&ca.sa_mask);
    sigaction(SIGSEGV, &ca, NULL);
    sigaction(SIGBUS, &ca, NULL);
    sigaction(SIGABRT, &ca, NULL);
#endif
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGINT);
    sigaddset(&sa.sa_mask, SIGTERM);
    sigaddset(&sa.sa_mask, SIGHUP);
    const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction old;
        /* a signal ignored by whoever started us (nohup) stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
    /* ulimit -f: a write beyond it fails with EFBIG (exit 3, "bestand te
     * groot") instead of killing the process with the temporary file left;
     * on_xfsz remembers it for the commit */
    struct sigaction xa;
    memset(&xa, 0, sizeof xa);
    xa.sa_handler = on_xfsz;
    sigemptyset(&xa.sa_mask);
    sigaction(SIGXFSZ, &xa, NULL);
}

static void block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, old);
}

/* fsync the directory holding path (so the rename itself is on disk). */
static int sync_dir(const char *path)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    int e = errno;
    close(fd);
    /* some file systems cannot sync a directory: not a failure */
    if (rc != 0 && (e == EINVAL || e == EBADF || e == ENOTSUP))
        rc = 0;
    errno = e;
    return rc;
}

/* --- grouped commits ------------------------------------------------------ */

static int group_active;
static tarief_output group_pending[MAX_TMP];
static int group_n;

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
    sigset_t old;
    block_signals(&old); /* a signal between mkstemp and the registry would leave it */
    int fd = mkstemp(o->tmp);
    if (fd >= 0)
        tmp_register(o->tmp);
    sigprocmask(SIG_SETMASK, &old, NULL);
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
        tmp_forget(o->tmp);
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

/* Put a finished, synced temporary file into place. */
static int put_in_place(tarief_output *o)
{
    int rc;
    if (o->special) {
        rc = copy_into(o->tmp, o->path);
        int e = errno;
        unlink(o->tmp);
        errno = e;
    } else {
        rc = rename(o->tmp, o->path);
        int e = errno;
        if (rc != 0)
            unlink(o->tmp);
        else
            rc = sync_dir(o->path);
        errno = e;
    }
    tmp_forget(o->tmp);
    o->tmp[0] = '\0';
    return rc;
}

static void drop(tarief_output *o)
{
    int e = errno;
    if (o->tmp[0]) {
        unlink(o->tmp);
        tmp_forget(o->tmp);
    }
    o->tmp[0] = '\0';
    errno = e;
}

int tarief_output_commit(tarief_output *o)
{
    int rc = 0;
    if (o->fp) {
        if (fflush(o->fp) != 0 || ferror(o->fp))
            rc = -1;
        if (rc == 0 && !o->special && fsync(fileno(o->fp)) != 0)
            rc = -1;
        int e = errno;
        if (fclose(o->fp) != 0 && rc == 0)
            rc = -1;
        else
            errno = e;
        o->fp = NULL;
    } else if (o->tmp[0] && !o->special) {
        /* written by someone else (libxlsxwriter): sync it here */
        int fd = open(o->tmp, O_RDONLY);
        if (fd < 0 || fsync(fd) != 0)
            rc = -1;
        int e = errno;
        if (fd >= 0)
            close(fd);
        errno = e;
    }
    if (rc == 0 && xfsz_seen) {
        rc = -1;
        errno = EFBIG; /* some write of this process was cut off */
    }
    if (rc != 0) {
        drop(o);
        return -1;
    }
    if (!o->special) {
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
    }
    if (group_active) {
        if (group_n == MAX_TMP) {
            drop(o);
            errno = EMFILE;
            return -1;
        }
        group_pending[group_n++] = *o;
        o->tmp[0] = '\0';
        return 0;
    }
    sigset_t old;
    block_signals(&old);
    rc = put_in_place(o);
    int e = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    errno = e;
    return rc;
}

void tarief_output_abort(tarief_output *o)
{
    if (o->fp) {
        fclose(o->fp);
        o->fp = NULL;
    }
    drop(o);
}

void tarief_output_group_begin(void)
{
    /* a group already open (a command that writes an extra file before
     * the shared outputs) goes on: one commit renames them all */
    if (group_active)
        return;
    group_active = 1;
    group_n = 0;
}

int tarief_output_group_commit(void)
{
    group_active = 0;
    if (xfsz_seen) {
        tarief_output_group_abort();
        errno = EFBIG;
        return -1;
    }
    sigset_t old;
    block_signals(&old);
    int rc = 0, e = 0;
    /* files renamed first (each one atomic), then devices copied into */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < group_n; i++) {
            if (group_pending[i].special != pass || !group_pending[i].tmp[0])
                continue;
            if (rc != 0) {
                drop(&group_pending[i]);
                continue;
            }
            if (put_in_place(&group_pending[i]) != 0) {
                rc = -1;
                e = errno;
            }
        }
    group_n = 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (rc)
        errno = e;
    return rc;
}

void tarief_output_group_abort(void)
{
    for (int i = 0; i < group_n; i++)
        drop(&group_pending[i]);
    group_n = 0;
    group_active = 0;
}
