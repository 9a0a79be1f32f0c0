/* args.c - option parsing shared by the region commands. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>

#include "args.h"
#include "voortgang.h"

/* CSV files get a byte-order mark unless --csv-zonder-bom (set by cli_parse,
 * used by cli_write_outputs: one process runs one command). */
static bool csv_bom = true;

bool cli_csv_bom(void)
{
    return csv_bom;
}

const char *cli_cao_map(const char *opt)
{
    if (!opt) {
        const char *env = getenv("TARIEF_CAO_MAP");
        if (env && env[0])
            opt = env;
    }
    return tarief_cao_map_resolve(opt);
}

/* The options of cli_parse that take a value, with the letter in allowed. */
static const struct { const char *opt; char key; } opts[] = {
    {"--cao-map", 'c'}, {"-o", 'o'}, {"--werkboek", 'o'}, {"--csv", 'v'}, {"--marge", 'm'},
    {"--oorzaken", 'r'}, {"--methode", 'e'}, {"--minimum", 'n'}};

/* Every option of cli_parse that allowed admits (for the suggestion). */
static int unknown_option(const char *cmd, const char *allowed, const char *s)
{
    const char *cands[16];
    size_t n = 0;
    char naam[64];
    size_t len = strcspn(s, "=");
    snprintf(naam, sizeof naam, "%.*s", (int)(len < sizeof naam ? len : sizeof naam - 1), s);
    cands[n++] = "--help";
    for (size_t k = 0; k < sizeof opts / sizeof *opts; k++)
        if (strchr(allowed, opts[k].key) && opts[k].opt[1] == '-')
            cands[n++] = opts[k].opt;
    if (strchr(allowed, 'v'))
        cands[n++] = "--csv-zonder-bom";
    if (strchr(allowed, 'g'))
        cands[n++] = "--geen-werkboek";
    if (strchr(allowed, 'x'))
        cands[n++] = "--csv-indexatie";
    return cli_unknown(cmd, "optie", naam, cands, n);
}

int cli_parse(int argc, char **argv, const char *allowed, cli_args *a)
{
    memset(a, 0, sizeof *a);
    const char *cmd = argv[0];
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char **dst = NULL;
        const char *name = NULL;
        const char *val = NULL;
        if (cli_is_help(s)) {
            a->help = 1;
            continue;
        }
        if (strcmp(s, "--geen-werkboek") == 0 && strchr(allowed, 'g')) {
            a->geen_werkboek = 1;
            continue;
        }
        if (strcmp(s, "--streng") == 0 && strchr(allowed, 'c')) { /* every command that loads a region */
            a->streng = 1;
            continue;
        }
        if (strcmp(s, "--csv-indexatie") == 0 && strchr(allowed, 'x')) {
            a->csv_indexatie = 1;
            continue;
        }
        if (strcmp(s, "--csv-zonder-bom") == 0 && strchr(allowed, 'v')) {
            csv_bom = false;
            continue;
        }
        for (size_t k = 0; k < sizeof opts / sizeof *opts; k++) {
            size_t n = strlen(opts[k].opt);
            if (strncmp(s, opts[k].opt, n) == 0 && (s[n] == '\0' || (s[n] == '=' && opts[k].opt[1] == '-'))) {
                if (!strchr(allowed, opts[k].key))
                    return cli_usage_error(cmd, "optie %s hoort niet bij deze opdracht", opts[k].opt);
                name = opts[k].opt;
                val = s[n] == '=' ? s + n + 1 : NULL;
                switch (opts[k].key) {
                case 'c': dst = &a->cao_map; break;
                case 'o': dst = &a->werkboek; break;
                case 'v': dst = &a->csv; break;
                case 'm': dst = &a->marge; break;
                case 'r': dst = &a->oorzaken; break;
                case 'e': dst = &a->methode; break;
                case 'n': dst = &a->minimum; break;
                }
                break;
            }
        }
        if (dst) {
            if (!val) {
                if (i + 1 >= argc)
                    return cli_usage_error(cmd, "optie %s verwacht een waarde", name);
                val = argv[++i];
            }
            if (!val[0])
                return cli_usage_error(cmd, "optie %s verwacht een waarde", name);
            *dst = val;
            continue;
        }
        if (s[0] == '-' && s[1] != '\0')
            return unknown_option(cmd, allowed, s);
        if (a->n_pos >= 4)
            return cli_usage_error(cmd, "te veel argumenten ('%s')", s);
        a->pos[a->n_pos++] = s;
    }
    if (!a->cao_map && strchr(allowed, 'c'))
        a->cao_map = cli_cao_map(NULL);
    return 0;
}

int cli_load_exit(const tarief_ctx *ctx)
{
    return tarief_diag_has_io(tarief_ctx_diag(ctx)) ? EXIT_IO : EXIT_INVOER;
}

const tarief_regio *cli_load(tarief_ctx *ctx, const cli_args *a, const char *dir)
{
    tarief_load_options o = {0};
    o.cao_map = a->cao_map;
    o.checksums = true;
    o.streng = a->streng != 0;
    size_t gezien = tarief_diag_total(tarief_ctx_warnings(ctx)); /* a second region: only its own */
    const tarief_regio *r = tarief_load_regio(ctx, dir, &o);
    cli_print_warnings(ctx, gezien);
    if (!r)
        cli_print_problems(ctx);
    return r;
}

int cli_load_twee(tarief_ctx *ctx, const cli_args *a, const char *dir1, const char *dir2, const tarief_regio **r1,
                  const tarief_regio **r2)
{
    tarief_load_options o = {0};
    o.cao_map = a->cao_map;
    o.streng = a->streng != 0;
    *r1 = tarief_load_regio(ctx, dir1, &o);
    *r2 = dir2 ? tarief_load_regio(ctx, dir2, &o) : NULL;
    cli_print_warnings(ctx, 0);
    if (*r1 && (!dir2 || *r2))
        return EXIT_OK;
    cli_print_problems(ctx);
    return cli_load_exit(ctx);
}

/* The library's stage and fraction on the progress line. */
static void werkboek_voortgang(void *data, const char *fase, size_t gedaan, size_t totaal)
{
    const char **vorige = data;
    if (*vorige == NULL || strcmp(*vorige, fase) != 0) {
        voortgang_fase(fase); /* a literal in the library: lives long enough */
        *vorige = fase;
    }
    voortgang_deel(gedaan, totaal);
}

int cli_write_outputs(tarief_ctx *ctx, const char *cmd, const char *csv, const char *werkboek,
                      cli_csv_fn csv_fn, cli_werkboek_fn wb_fn, const void *data)
{
    bool to_file = csv && strcmp(csv, "-") != 0;
    tarief_output out = {0};
    /* nothing is renamed into place before every output is complete */
    tarief_output_group_begin();
    if (to_file) {
        FILE *f = tarief_output_open(&out, csv);
        /* UTF-8 with a BOM: Excel opens the file right by double-click */
        if (!f || (csv_bom && fputs("\xEF\xBB\xBF", f) == EOF) || csv_fn(f, data) != 0 ||
            tarief_output_commit(&out) != 0) {
            voortgang_stop();
            fprintf(stderr, "tarief %s: fout: kan %s niet schrijven: %s\n", cmd, csv, tarief_strerror(errno));
            if (f)
                tarief_output_abort(&out);
            tarief_output_group_abort();
            return EXIT_IO;
        }
    }
    const char *vorige = NULL;
    tarief_workbook_options wo = {.voortgang = werkboek_voortgang, .voortgang_data = &vorige};
    if (werkboek)
        voortgang_fase("werkboek schrijven");
    if (werkboek && wb_fn(ctx, data, werkboek, &wo) != 0) {
        tarief_output_group_abort();
        cli_print_problems(ctx);
        return EXIT_IO;
    }
    if (tarief_output_group_commit() != 0) {
        voortgang_stop();
        fprintf(stderr, "tarief %s: fout: kan de uitvoer niet op zijn plaats zetten: %s\n", cmd,
                tarief_strerror(errno));
        return EXIT_IO;
    }
    return EXIT_OK;
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, b) == 0)
        return true;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino &&
           S_ISREG(sa.st_mode);
}

int cli_check_outputs(const char *cmd, const tarief_regio *const *regios, size_t n, const char *csv,
                      const char *werkboek)
{
    if (csv && strcmp(csv, "-") == 0)
        csv = NULL;
    if (csv && werkboek && same_file(csv, werkboek))
        return cli_usage_error(cmd, "--csv en -o noemen hetzelfde bestand (%s): kies twee verschillende namen", csv);
    const char *outs[2] = {csv, werkboek};
    for (int k = 0; k < 2; k++) {
        if (!outs[k])
            continue;
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < regios[i]->n_bestanden; j++)
                if (same_file(outs[k], regios[i]->bestanden[j].path))
                    return cli_usage_error(cmd, "%s is een invoerbestand (%s): de uitvoer zou het overschrijven",
                                           outs[k], regios[i]->bestanden[j].path);
    }
    return EXIT_OK;
}

int cli_start(int argc, char **argv, const char *allowed, const char *help, int n_pos, const char *fout,
              cli_args *a)
{
    int rc = cli_parse(argc, argv, allowed, a);
    if (rc)
        return rc;
    if (a->help) {
        fputs(help, stdout);
        return EXIT_OK;
    }
    if (a->n_pos != n_pos)
        return cli_usage_error(argv[0], "%s", fout);
    return -1;
}

void cli_print_written(const char *werkboek, const char *csv)
{
    bool w = werkboek && werkboek[0], c = csv && strcmp(csv, "-") != 0;
    if (w || c)
        putchar('\n');
    if (w)
        printf("Werkboek geschreven: %s\n", werkboek);
    if (c)
        printf("CSV geschreven: %s\n", csv);
}

const char *cli_regio_naam(const char *dir, char *buf, size_t size)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    size_t b = n;
    while (b > 0 && dir[b - 1] != '/')
        b--;
    snprintf(buf, size, "%.*s", (int)(n - b), dir + b);
    if (!buf[0] || strcmp(buf, ".") == 0 || strcmp(buf, "..") == 0 || strcmp(buf, "/") == 0)
        snprintf(buf, size, "regio");
    return buf;
}
