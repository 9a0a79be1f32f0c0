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
int cmd_uitvraag(int argc, char **argv);
int cmd_init(int argc, char **argv);

/* Print every problem in ctx's diag to stderr as "file:line:column: fout: ..."
 * with the source line and a caret under the column. */
void cli_print_problems(const tarief_ctx *ctx);
/* Print a usage error (Dutch) for cmd and return EXIT_INVOER. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* True when argv[i] is -h/--help. */
int cli_is_help(const char *arg);

#endif
