/*
 * testhulp.h - assertions and loading shared by the cmocka tests. Include
 * after <cmocka.h> and "tarief.h".
 *
 * Money is compared as integer cents, never with a float epsilon
 * (cmocka's assert_float_equal casts to float). Unrounded intermediate
 * values are compared within an explicit tolerance.
 */
#ifndef TARIEF_TESTHULP_H
#define TARIEF_TESTHULP_H

#include <math.h>
#include <stdbool.h>
#include <string.h>

/* An amount in euros equals `cents` when rounded to whole cents. */
#define assert_cents(x, cents) assert_int_equal(llround((x) * 100.0), (cents))

/* |x - verwacht| < marge, printing both values when it is not. */
#define assert_binnen(x, verwacht, marge)                                      \
    do {                                                                       \
        double x_ = (x), v_ = (verwacht);                                      \
        if (!(fabs(x_ - v_) < (marge)))                                        \
            print_error("%s = %.17g, verwacht %.17g\n", #x, x_, v_);           \
        assert_true(fabs(x_ - v_) < (marge));                                  \
    } while (0)

/* Whether s ends in suffix (a path ends in a file name, say). */
static inline bool eindigt_op(const char *s, const char *suffix)
{
    if (s == NULL)
        return false;
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Teardown for a test whose state is its tarief_ctx. */
static inline int ctx_opruimen(void **state)
{
    tarief_ctx_free(*state);
    *state = NULL;
    return 0;
}

/* Every problem recorded in ctx, as the CLI prints it, on the test's error
 * output. */
static inline void print_diag(const tarief_ctx *ctx)
{
    const tarief_diag *d = tarief_ctx_diag(ctx);
    for (size_t i = 0; i < d->count; i++)
        print_error("%s:%d:%d: fout: %s\n", d->items[i].file ? d->items[i].file : "?", d->items[i].line,
                    d->items[i].column, d->items[i].message);
}

/* Region dir with CAO map cao_map (and an aanbieder map overlay, or NULL)
 * into ctx; the test fails, printing every problem, when it does not load.
 * laad_opties takes any tarief_load_options (e.g. .streng = true).
 *     const tarief_regio *r = laad(ctx, "tests/data/hand-basis", CAO_MAP, NULL);
 */
static inline const tarief_regio *laad_opties(tarief_ctx *ctx, const char *dir, const tarief_load_options *o)
{
    const tarief_regio *r = tarief_load_regio(ctx, dir, o);
    if (r == NULL)
        print_diag(ctx);
    assert_non_null(r);
    return r;
}

static inline const tarief_regio *laad(tarief_ctx *ctx, const char *dir, const char *cao_map, const char *overlay)
{
    tarief_load_options o = {.cao_map = cao_map, .overlay = overlay};
    return laad_opties(ctx, dir, &o);
}

/* A region that must not load: its problems (printed, for the log). */
static inline const tarief_diag *laad_fout(tarief_ctx *ctx, const char *dir, const char *cao_map)
{
    tarief_load_options o = {.cao_map = cao_map};
    const tarief_regio *r = tarief_load_regio(ctx, dir, &o);
    print_diag(ctx);
    assert_null(r);
    return tarief_ctx_diag(ctx);
}

#endif
