/*
 * testhulp.h - assertions shared by the cmocka tests. Include after
 * <cmocka.h>.
 *
 * Money is compared as integer cents, never with a float epsilon
 * (cmocka's assert_float_equal casts to float). Unrounded intermediate
 * values are compared within an explicit tolerance.
 */
#ifndef TARIEF_TESTHULP_H
#define TARIEF_TESTHULP_H

#include <math.h>

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

#endif
