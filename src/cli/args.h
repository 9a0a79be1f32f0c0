/* args.h - the options the region commands share. */
#ifndef TARIEF_CLI_ARGS_H
#define TARIEF_CLI_ARGS_H

#include "cli.h"

typedef struct cli_args {
    const char *pos[4];   /* positional arguments */
    int n_pos;
    const char *cao_map;
    const char *werkboek; /* -o */
    const char *csv;      /* --csv */
    const char *marge;    /* --marge */
    const char *oorzaken; /* --oorzaken (vergelijk) */
    const char *methode;  /* --methode (uitvraag verwerk) */
    const char *minimum;  /* --minimum (uitvraag verwerk) */
    int geen_werkboek;
    int csv_indexatie;    /* --csv-indexatie */
    int streng;           /* --streng: waarschuwingen zijn fouten */
    int help;
} cli_args;

/* Parse argv (argv[0] = command). allowed: letters of the options the
 * command takes: 'c' --cao-map, 'o' -o, 'v' --csv, 'm' --marge,
 * 'g' --geen-werkboek, 'x' --csv-indexatie, 'r' --oorzaken, 'e' --methode, 'n' --minimum;
 * --streng comes with 'c'. Returns 0, or an exit code after printing why. */
int cli_parse(int argc, char **argv, const char *allowed, cli_args *a);

/*
 * The start every command shares: parse the options (allowed as for
 * cli_parse), print help and stop for --help, and check the number of
 * positional arguments (n_pos; fout is the message when it is wrong).
 * Returns -1 to go on, or the exit code to return.
 */
int cli_start(int argc, char **argv, const char *allowed, const char *help, int n_pos, const char *fout,
              cli_args *a);

/* After a table: say which files were written (nothing for NULL or "-"). */
void cli_print_written(const char *werkboek, const char *csv);

/* Load a region, printing problems; NULL means loading failed (exit with
 * cli_load_exit(ctx)). */
const tarief_regio *cli_load(tarief_ctx *ctx, const cli_args *a, const char *dir);

/* Load two regions (dir2 may be NULL: then only the first), then print the
 * warnings and problems of both at once. 0, or the exit code after failed
 * loading (cli_load_exit). */
int cli_load_twee(tarief_ctx *ctx, const cli_args *a, const char *dir1, const char *dir2, const tarief_regio **r1,
                  const tarief_regio **r2);

/* The exit code after failed loading: 3 if reading a file failed, else 2. */
int cli_load_exit(const tarief_ctx *ctx);

/*
 * Refuse outputs that would overwrite an input file of any of the regions,
 * or each other (both -o and --csv naming one file). Returns EXIT_OK or
 * EXIT_INVOER after printing why.
 */
int cli_check_outputs(const char *cmd, const tarief_regio *const *regios, size_t n, const char *csv,
                      const char *werkboek);

/* Writers for cli_write_outputs: data is the command's result; wo carries
 * the progress hook for the progress line (voortgang.h). */
typedef int (*cli_csv_fn)(FILE *f, const void *data);
typedef int (*cli_werkboek_fn)(tarief_ctx *ctx, const void *data, const char *path,
                               const tarief_workbook_options *wo);

/*
 * Write a command's CSV and workbook so that both land or neither does:
 * the CSV goes to a temporary file, the workbook is written (atomically,
 * by wb, with the library's progress on the progress line), and only then
 * is the CSV renamed into place. csv may be NULL or
 * "-" (then the caller prints it to stdout itself); werkboek may be NULL.
 * Returns EXIT_OK, or EXIT_IO after printing why.
 */
int cli_write_outputs(tarief_ctx *ctx, const char *cmd, const char *csv, const char *werkboek,
                      cli_csv_fn csv_fn, cli_werkboek_fn wb_fn, const void *data);

#endif
