/*
 * test_output.c - temporary directories (cao verhoog, uitvraag sjabloon,
 * init) are removed by the signal handlers like temporary output files:
 * a child registers a directory with a file in it, then gets SIGTERM; the
 * parent checks the exit status (128 + 15) and that nothing is left.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tarief.h"

/* internal to the library (src/internal.h) */
void ti_tmp_register(const char *path, bool is_dir);
void ti_tmp_forget_under(const char *dir);

static char basis[] = "/tmp/tarief-test-output.XXXXXX";

static int exists(const char *p)
{
    struct stat st;
    return lstat(p, &st) == 0;
}

/* The child: a temporary directory with one file, registered, then a
 * signal; sig 0 = forget the directory first (as after a rename). */
static void child(const char *dir, int sig, int forget)
{
    /* the disposition of a run from a terminal: a signal ignored when the
     * tool starts (a background job of a shell ignores SIGINT) stays ignored,
     * and that is not what this test is about */
    signal(sig, SIG_DFL);
    tarief_output_signals();
    if (mkdir(dir, 0700) != 0)
        _exit(90);
    ti_tmp_register(dir, true);
    char f[4200];
    snprintf(f, sizeof f, "%s/cao.csv", dir);
    ti_tmp_register(f, false);
    FILE *fp = fopen(f, "w");
    if (!fp)
        _exit(91);
    fputs("cao;naam\n", fp);
    fclose(fp);
    if (forget)
        ti_tmp_forget_under(dir);
    raise(sig);
    _exit(92); /* not reached: the handler exits */
}

static int run_child(const char *dir, int sig, int forget)
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* the handler's Dutch message goes to stderr: keep the TAP clean */
        if (!freopen("/dev/null", "w", stderr))
            _exit(93);
        child(dir, sig, forget);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

static void sigterm_removes_directory(void **state)
{
    (void)state;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/.cao.tmp-a", basis);
    assert_int_equal(run_child(dir, SIGTERM, 0), 128 + SIGTERM);
    assert_false(exists(dir));
}

static void sigint_and_sighup_too(void **state)
{
    (void)state;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/.uitvraag.tmp-b", basis);
    assert_int_equal(run_child(dir, SIGINT, 0), 128 + SIGINT);
    assert_false(exists(dir));
    assert_int_equal(run_child(dir, SIGHUP, 0), 128 + SIGHUP);
    assert_false(exists(dir));
}

/* Forgotten (renamed into place): the signal leaves it alone. */
static void forgotten_directory_stays(void **state)
{
    (void)state;
    char dir[4096], f[4200];
    snprintf(dir, sizeof dir, "%s/klaar", basis);
    snprintf(f, sizeof f, "%s/cao.csv", dir);
    assert_int_equal(run_child(dir, SIGTERM, 1), 128 + SIGTERM);
    assert_true(exists(dir));
    assert_true(exists(f));
    unlink(f);
    rmdir(dir);
}

int main(void)
{
    if (!mkdtemp(basis)) {
        perror(basis);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sigterm_removes_directory),
        cmocka_unit_test(sigint_and_sighup_too),
        cmocka_unit_test(forgotten_directory_stays),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    rmdir(basis);
    return rc;
}
