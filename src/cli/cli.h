/*
 * cli.h - the command-line tool. It uses only the public API in include/.
 * Each command is one function in its own file, registered in main.c's table.
 */
#ifndef TARIEF_CLI_H
#define TARIEF_CLI_H

#include <stdio.h>

#include "tarief.h"

/* Exit codes (rekenmethode §4). */
enum {
    EXIT_OK = 0,
    EXIT_AFWIJKING = 1, /* controleer: deviation or unknown code */
    EXIT_INVOER = 2,    /* invalid input or usage */
    EXIT_IO = 3         /* I/O or internal error */
};

/* A command: argv[0] is the command name; returns an exit code. */
typedef int (*cli_command_fn)(int argc, char **argv);

int cmd_bereken(int argc, char **argv);
int cmd_uitleg(int argc, char **argv);
int cmd_controleer(int argc, char **argv);
int cmd_valideer(int argc, char **argv);
int cmd_cao(int argc, char **argv);
int cmd_vergelijk(int argc, char **argv);
int cmd_verschil(int argc, char **argv);
int cmd_publiceer(int argc, char **argv);
int cmd_uitvraag(int argc, char **argv);
int cmd_init(int argc, char **argv);

/* Print every problem in ctx's diag to stderr as "file:line:column: fout: ..."
 * with the source line and a caret under the column. */
void cli_print_problems(const tarief_ctx *ctx);
/* Print the warnings from index from on as "file:line:column: waarschuwing: ...". */
void cli_print_warnings(const tarief_ctx *ctx, size_t from);
/* Print a usage error (Dutch) for cmd and return EXIT_INVOER. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The candidate nearest to a mistyped word (a unique prefix, or at most
 * max(2, len/3) edits away), or NULL (suggest.c). */
const char *cli_suggest(const char *word, const char *const *cands, size_t n);
/* Print "tarief CMD: fout: onbekende WAT 'WORD'; bedoelt u '...'?" (or,
 * with cmd NULL, "tarief: onbekende WAT ...") and return EXIT_INVOER. */
int cli_unknown(const char *cmd, const char *wat, const char *word, const char *const *cands, size_t n);
/* The CAO directory for --cao-map opt (NULL when not given): opt, else
 * $TARIEF_CAO_MAP, else the library's search (data/cao here, next to the
 * program, the compiled-in data directory). */
const char *cli_cao_map(const char *opt);
/* True when argv[i] is -h/--help. */
int cli_is_help(const char *arg);

/* Whether CSV files get a byte-order mark (not after --csv-zonder-bom). */
bool cli_csv_bom(void);

/* s to out with every control character escaped (\\x1B), never raw (meldingen.c). */
void cli_fputs_veilig(const char *s, FILE *out);

/* The last part of a region's directory, for default output names
 * (tarieven-<naam>-<jaar>.xlsx); "regio" for ".", ".." or "/" (args.c). */
const char *cli_regio_naam(const char *dir, char *buf, size_t size);

#endif
