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
    int geen_werkboek;
    int csv_indexatie;    /* --csv-indexatie */
    int help;
} cli_args;

/* Parse argv (argv[0] = command). allowed: letters of the options the
 * command takes: 'c' --cao-map, 'o' -o, 'v' --csv, 'm' --marge,
 * 'g' --geen-werkboek, 'x' --csv-indexatie. Returns 0, or an exit code after printing why. */
int cli_parse(int argc, char **argv, const char *allowed, cli_args *a);

/* Load a region, printing problems; NULL means exit 2 was reported. */
const tarief_regio *cli_load(tarief_ctx *ctx, const cli_args *a, const char *dir);

#endif
