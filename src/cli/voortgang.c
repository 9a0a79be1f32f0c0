/* voortgang.c - the progress line of voortgang.h. */
#include "voortgang.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DREMPEL 1.0   /* seconds before anything is shown */
#define INTERVAL 0.25 /* seconds between redraws */

static struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t thread;
    bool begun, running, stop, shown;
    struct timespec t0;
    const char *fase;
    size_t gedaan, totaal;
    int breedte; /* characters on the line now */
} vg = {.mu = PTHREAD_MUTEX_INITIALIZER};

static double since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) * 1e-9;
}

static void add(struct timespec *t, double s)
{
    long long ns = t->tv_nsec + (long long)(s * 1e9);
    t->tv_sec += (time_t)(ns / 1000000000);
    t->tv_nsec = (long)(ns % 1000000000);
}

/* Called with the lock held. */
static void teken(double s)
{
    char regel[160];
    int n;
    int tiendes = (int)(s * 10);
    if (vg.totaal > 0)
        n = snprintf(regel, sizeof regel, "tarief: %s %d %% (%d,%d s)", vg.fase,
                     (int)(100.0 * (double)vg.gedaan / (double)vg.totaal), tiendes / 10, tiendes % 10);
    else
        n = snprintf(regel, sizeof regel, "tarief: %s ... (%d,%d s)", vg.fase, tiendes / 10, tiendes % 10);
    if (n < 0)
        return;
    if (n >= (int)sizeof regel)
        n = (int)sizeof regel - 1;
    /* pad with spaces over a longer previous line instead of relying on
     * terminal escapes */
    fprintf(stderr, "\r%s%*s", regel, vg.breedte > n ? vg.breedte - n : 0, "");
    fflush(stderr);
    vg.breedte = n > vg.breedte ? n : vg.breedte;
    vg.shown = true;
}

static void *lus(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&vg.mu);
    while (!vg.stop) {
        double s = since(&vg.t0);
        if (s >= DREMPEL)
            teken(s);
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        add(&until, s >= DREMPEL ? INTERVAL : DREMPEL - s);
        while (!vg.stop && pthread_cond_timedwait(&vg.cv, &vg.mu, &until) == 0)
            ; /* woken by voortgang_stop, or spuriously */
    }
    pthread_mutex_unlock(&vg.mu);
    return NULL;
}

void voortgang_begin(void)
{
    pthread_mutex_lock(&vg.mu);
    clock_gettime(CLOCK_MONOTONIC, &vg.t0);
    vg.begun = true;
    pthread_mutex_unlock(&vg.mu);
}

void voortgang_fase(const char *fase)
{
    pthread_mutex_lock(&vg.mu);
    if (!vg.begun) {
        clock_gettime(CLOCK_MONOTONIC, &vg.t0);
        vg.begun = true;
    }
    vg.fase = fase;
    vg.gedaan = vg.totaal = 0;
    bool start = !vg.running && !vg.stop && isatty(STDERR_FILENO);
    if (start) {
        pthread_condattr_t ca;
        pthread_condattr_init(&ca);
        pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
        pthread_cond_init(&vg.cv, &ca);
        pthread_condattr_destroy(&ca);
        /* no thread, no progress: the command itself is unaffected */
        vg.running = pthread_create(&vg.thread, NULL, lus, NULL) == 0;
    }
    pthread_mutex_unlock(&vg.mu);
}

void voortgang_deel(size_t gedaan, size_t totaal)
{
    pthread_mutex_lock(&vg.mu);
    vg.gedaan = gedaan;
    vg.totaal = totaal;
    pthread_mutex_unlock(&vg.mu);
}

void voortgang_stop(void)
{
    pthread_mutex_lock(&vg.mu);
    bool running = vg.running;
    vg.stop = true;
    if (running)
        pthread_cond_signal(&vg.cv);
    pthread_mutex_unlock(&vg.mu);
    if (!running)
        return;
    pthread_join(vg.thread, NULL);
    vg.running = false;
    if (vg.shown) {
        fprintf(stderr, "\r%*s\r", vg.breedte, "");
        fflush(stderr);
        vg.shown = false;
    }
}
