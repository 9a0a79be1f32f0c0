/*
 * tarief/error.h - problems found in input, with their place.
 *
 * The library never prints. Every problem it finds is appended to a
 * tarief_diag owned by the context (see tarief/model.h); the caller formats
 * it, typically as
 *
 *     producten.csv:12:5: fout: ongeldig getal '0.08' ...
 *
 * Loading collects every problem in every file (up to TARIEF_DIAG_MAX) before
 * it stops, so a user fixes a file once, not once per message.
 *
 * Ownership: all strings in a tarief_error belong to the context that holds
 * the diag and are freed by tarief_ctx_free().
 */
#ifndef TARIEF_ERROR_H
#define TARIEF_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** At most this many problems are kept; the rest are only counted. */
#define TARIEF_DIAG_MAX 200

/** One problem in one place. line/column are 1-based; 0 means "whole file". */
typedef struct tarief_error {
    const char *file;        /**< path as the user gave it (or as derived) */
    int line;                /**< physical line, 1-based; 0 if not tied to a line */
    int column;              /**< byte column, 1-based; 0 if not tied to a column */
    const char *message;     /**< Dutch, without the "file:line:column: fout: " prefix */
    const char *source_line; /**< the offending line without its line end, or NULL */
    int io;                  /**< 1: reading or writing failed (exit 3), not the input itself (exit 2) */
} tarief_error;

/** A list of problems. Zero-initialised means empty. */
typedef struct tarief_diag {
    tarief_error *items;
    size_t count;    /**< number kept in items */
    size_t cap;
    size_t dropped;  /**< problems found beyond TARIEF_DIAG_MAX */
} tarief_diag;

/** Total number of problems found (kept + dropped). */
size_t tarief_diag_total(const tarief_diag *d);

/** True if any kept problem is an I/O failure (the CLI then exits 3). */
int tarief_diag_has_io(const tarief_diag *d);

/**
 * A system error in Dutch, for messages about files:
 *     tarief_strerror(ENOSPC) -> "de schijf is vol"
 * Unknown codes give the system's own text.
 */
const char *tarief_strerror(int errnum);

/**
 * A control character at s (below U+0020 except tab, U+007F, or U+0080 to
 * U+009F) as it is shown in messages: ESC -> "\\x1B", U+0085 -> "\\u0085".
 * Returns the number of bytes it takes at s (out filled), or 0 when s does
 * not start with one. Every message the library records is escaped so;
 * a caller echoing input text (a source line) uses this per character.
 */
size_t tarief_escape_teken(const char *s, char out[8]);

/**
 * Out of memory: remove every temporary output file (tarief/output.h),
 * print "tarief: fout: onvoldoende geheugen ..." and exit with code 3.
 * The library calls it when an allocation it cannot do without fails.
 */
void tarief_onvoldoende_geheugen(void) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif
#endif
