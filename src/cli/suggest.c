/* suggest.c - "bedoelt u ...?" for a mistyped command or option. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Levenshtein distance in bytes, capped: the CLI's own small helper (the
 * library's is internal; the CLI uses only the public API). */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return (size_t)-1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *cli_suggest(const char *word, const char *const *cands, size_t n)
{
    size_t len = strlen(word);
    if (len == 0)
        return NULL;
    /* a unique prefix: "--cao" -> "--cao-map", "verg" -> "vergelijk" */
    const char *prefix = NULL;
    size_t n_prefix = 0;
    for (size_t i = 0; i < n; i++)
        if (strncmp(cands[i], word, len) == 0 && strlen(word) >= 2 + (word[0] == '-') * 2) {
            prefix = cands[i];
            n_prefix++;
        }
    if (n_prefix == 1)
        return prefix;
    /* else the nearest, within a third of the word (at least 2 edits) */
    size_t max = len / 3 > 2 ? len / 3 : 2;
    const char *best = NULL;
    size_t best_d = max + 1;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(word, cands[i]);
        if (d < best_d) {
            best = cands[i];
            best_d = d;
        }
    }
    return best;
}

int cli_unknown(const char *cmd, const char *wat, const char *word, const char *const *cands, size_t n)
{
    const char *s = cli_suggest(word, cands, n);
    if (cmd)
        fprintf(stderr, "tarief %s: fout: onbekende %s '", cmd, wat);
    else
        fprintf(stderr, "tarief: onbekende %s '", wat);
    cli_fputs_veilig(word, stderr); /* the word may hold ESC or BEL: never raw */
    fputc('\'', stderr);
    if (s)
        fprintf(stderr, "; bedoelt u '%s'?", s);
    fputc('\n', stderr);
    if (cmd)
        fprintf(stderr, "Zie 'tarief %s --help'.\n", cmd);
    return EXIT_INVOER;
}
