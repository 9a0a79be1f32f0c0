/*
 * load.c - read and validate a region (rekenmethode §1-2).
 *
 * Every problem in every file is recorded before the loader gives up, so
 * the user sees all of them at once.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "internal.h"
#include "sha256.h"

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))

typedef struct loader {
    tarief_ctx *ctx;
    tarief_regio *r;
    const char *cao_map;
    tmap caos;        /* id -> tarief_cao* (NULL value stored as sentinel) */
    tmap cao_failed;  /* id -> non-NULL when loading failed */
    tmap functies;    /* naam -> tarief_functie* */
    tmap producten;   /* code -> tarief_product* */
    tmap reported;    /* messages reported once */
    tmap salarissen;  /* "<cao address>\x1f<schaal>\x1f<trede>" -> tarief_salaris*, every
                       * cao read; cap 0 until the first salary table */
    const tarief_csv *producten_csv; /* to echo a product's line in later checks */
    size_t errors_before;
    /* growable list of files read */
    tarief_invoerbestand *files;
    size_t n_files, cap_files;
} loader;

/*
 * An aanbieder map (tarief_load_options.overlay) is read by the region's
 * loaders, given one of these: then every file is optional, holds only what
 * differs, and is merged into the region (rules: the overlay section below).
 */
typedef struct aanbieder {
    const tarief_cao *cao; /* its default cao for its own functies rows */
    tarief_bron cao_bron;  /* where it named that cao; file is NULL when it did not */
} aanbieder;

static size_t n_errors(loader *l)
{
    return tarief_diag_total(tarief_ctx_diag(l->ctx));
}

/* --- columns ------------------------------------------------------------- */

typedef struct colspec {
    const char *name;
    bool required;
} colspec;

#define MAX_COLS 64

typedef struct columns {
    int idx[MAX_COLS];   /* per spec entry: cell index or -1 */
    int bron;            /* index of the bron/toelichting column, or -1 */
    size_t n_header;
} columns;

static bool is_free_text(const char *name)
{
    return name[0] == '#' || strcasecmp(name, "toelichting") == 0 ||
           strcasecmp(name, "omschrijving") == 0 || strcasecmp(name, "bron") == 0;
}

/* Lower case without spaces, '-' and '_': "FG45" and "fg 45" look alike. */
static void squeeze(const char *s, char *out, size_t size)
{
    size_t k = 0;
    for (; *s && k < size - 1; s++)
        if (*s != ' ' && *s != '-' && *s != '_')
            out[k++] = (char)tolower((unsigned char)*s);
    out[k] = '\0';
}

/* The known name nearest to word, or NULL if none is near or two different
 * names are equally near (a wrong hint is worse than none). */
static const char *suggest(const char *word, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t bestd = 99;
    bool tie = false;
    char low[128], sq[128];
    size_t k = 0;
    for (; word[k] && k < sizeof low - 1; k++)
        low[k] = (char)tolower((unsigned char)word[k]);
    low[k] = '\0';
    squeeze(word, sq, sizeof sq);
    for (size_t i = 0; i < n; i++) {
        if (!names[i])
            continue; /* an empty slot of a tmap's keys */
        char name[128];
        squeeze(names[i], name, sizeof name);
        if (sq[0] && strcmp(sq, name) == 0)
            return names[i];
    }
    for (size_t i = 0; i < n; i++) {
        if (!names[i])
            continue;
        char name[128];
        size_t m = 0;
        for (; names[i][m] && m < sizeof name - 1; m++)
            name[m] = (char)tolower((unsigned char)names[i][m]);
        name[m] = '\0';
        size_t d = tarief_edit_distance(low, name);
        if (d < bestd) {
            bestd = d;
            best = names[i];
            tie = false;
        } else if (d == bestd && best && strcmp(best, names[i]) != 0) {
            tie = true;
        }
    }
    size_t len = strlen(low);
    size_t lim = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    return (best && !tie && bestd <= lim) ? best : NULL;
}

/* " (bedoelt u 'x'?)" for a near miss, else "". */
static const char *did_you_mean(loader *l, const char *word, const char *const *names, size_t n)
{
    const char *s = suggest(word, names, n);
    return s ? tarief_ctx_printf(l->ctx, " (bedoelt u '%s'?)", s) : "";
}

/* " (bedoelt u 'X'?)" when a key of m differs from word only in case: codes
 * are case-sensitive, and a near-miss code is more likely another product. */
static const char *same_but_case(loader *l, const char *word, const tmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i] && strcasecmp(m->keys[i], word) == 0)
            return tarief_ctx_printf(l->ctx, " (bedoelt u '%s'?)", m->keys[i]);
    return "";
}

/* Map the header to the spec; report unknown, duplicate, missing columns. */
static bool map_columns(loader *l, const tarief_csv *t, const colspec *spec, size_t nspec,
                        columns *c, const char *what)
{
    bool ok = true;
    for (size_t i = 0; i < nspec; i++)
        c->idx[i] = -1;
    c->bron = -1;
    bool bron_is_bron = false;
    c->n_header = t->header.n;
    const char *names[MAX_COLS + 3];
    size_t nn = 0;
    for (size_t i = 0; i < nspec; i++)
        names[nn++] = spec[i].name;
    /* a typo in a free-text column name is an unknown column too */
    names[nn++] = "toelichting";
    names[nn++] = "omschrijving";
    names[nn++] = "bron";
    for (size_t h = 0; h < t->header.n; h++) {
        const tarief_csv_cell *cell = &t->header.cells[h];
        const char *name = cell->text;
        if (name[0] == '\0') {
            /* trailing empty header cells (Excel exports) are harmless */
            continue;
        }
        if (is_free_text(name)) {
            /* the source of a row's values: `bron`, else `toelichting` */
            if (strcasecmp(name, "bron") == 0 && (c->bron < 0 || !bron_is_bron))
                c->bron = (int)h, bron_is_bron = true;
            else if (c->bron < 0 && strcasecmp(name, "toelichting") == 0)
                c->bron = (int)h;
            continue;
        }
        size_t i;
        for (i = 0; i < nspec; i++)
            if (strcasecmp(spec[i].name, name) == 0)
                break;
        if (i == nspec) {
            const char *s = suggest(name, names, nn);
            if (s)
                tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, t->header.source_line,
                                 "onbekende kolom '%s' in %s; bedoelt u '%s'?", name, what, s);
            else
                tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, t->header.source_line,
                                 "onbekende kolom '%s' in %s (vrije tekst mag in een kolom 'toelichting', 'omschrijving', 'bron' of een kolom die met '#' begint)",
                                 name, what);
            ok = false;
            continue;
        }
        if (c->idx[i] >= 0) {
            tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, t->header.source_line,
                             "kolom '%s' komt twee keer voor in de kopregel", spec[i].name);
            ok = false;
            continue;
        }
        c->idx[i] = (int)h;
    }
    for (size_t i = 0; i < nspec; i++) {
        if (spec[i].required && c->idx[i] < 0) {
            tarief_ctx_error(l->ctx, t->path, t->header.line, 1, t->header.source_line,
                             "verplichte kolom '%s' ontbreekt in de kopregel van %s", spec[i].name, what);
            ok = false;
        }
    }
    return ok;
}

static const tarief_csv_cell *cell_at(const tarief_csv_row *row, int idx)
{
    static const tarief_csv_cell empty = {"", 0, 0};
    if (idx < 0 || (size_t)idx >= row->n)
        return &empty;
    return &row->cells[idx];
}

/* Column of a missing/empty cell: where it would be, or the end of the row. */
static int cell_col(const tarief_csv_row *row, int idx)
{
    if (idx >= 0 && (size_t)idx < row->n)
        return row->cells[idx].column;
    if (row->n == 0)
        return 1;
    const tarief_csv_cell *last = &row->cells[row->n - 1];
    return last->column + (int)strlen(last->text) + 1;
}

static bool check_extra_fields(loader *l, const tarief_csv *t, const tarief_csv_row *row)
{
    for (size_t i = t->header.n; i < row->n; i++) {
        if (row->cells[i].text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->cells[i].line, row->cells[i].column, row->source_line,
                             "meer velden dan de kopregel kolommen heeft (%zu); staat er een scheidingsteken te veel?",
                             t->header.n);
            return false;
        }
    }
    /* a value under a header cell without a name would be dropped silently */
    for (size_t i = 0; i < t->header.n && i < row->n; i++) {
        if (!t->header.cells[i].text[0] && row->cells[i].text[0]) {
            /* once per column and file: the first row says it all */
            char *key = tarief_ctx_printf(l->ctx, "%s\x1fkolom %zu", t->path, i);
            if (tmap_put(l->ctx, &l->reported, key, (void *)1))
                break;
            tarief_ctx_error(l->ctx, t->path, row->cells[i].line, row->cells[i].column, row->source_line,
                             "waarde '%s' staat in kolom %zu, die in de kopregel geen naam heeft: geef de kolom een naam "
                             "(vrije tekst: 'toelichting' of een naam die met '#' begint) of haal de waarde weg",
                             row->cells[i].text, i + 1);
            break;
        }
    }
    return true;
}

/* The data row of t after prev (the first when prev is NULL), passing over
 * rows with more fields than the header (reported); NULL after the last. */
static const tarief_csv_row *next_row(loader *l, const tarief_csv *t, const tarief_csv_row *prev)
{
    for (size_t i = prev ? (size_t)(prev - t->rows) + 1 : 0; i < t->n_rows; i++)
        if (check_extra_fields(l, t, &t->rows[i]))
            return &t->rows[i];
    return NULL;
}

static tarief_bron mkbron(const tarief_csv *t, const tarief_csv_row *row, const tarief_csv_cell *cell,
                          int bron_idx)
{
    tarief_bron b = {t->path, row->line, cell && cell->line ? cell->column : 1, NULL};
    if (cell && cell->line && cell->line != row->line)
        b.line = cell->line;
    const tarief_csv_cell *bc = cell_at(row, bron_idx);
    if (bc->text[0])
        b.tekst = bc->text;
    return b;
}

/* --- values -------------------------------------------------------------- */

static const char *number_hint(char delim)
{
    return delim == ';' ? "verwacht een getal met decimale komma, zoals 1878, 2.897,00 of 8,33 (het bestand gebruikt ';' als scheidingsteken)"
                        : "verwacht een getal met decimale punt zonder duizendtallen, zoals 1878, 2897.00 of 8.33 (het bestand gebruikt ',' als scheidingsteken)";
}

static bool parse_num_cell(loader *l, const tarief_csv *t, const tarief_csv_row *row,
                           const tarief_csv_cell *cell, bool percent, const char *name, double *out)
{
    if (tarief_parse_number(cell->text, t->delim, percent, out))
        return true;
    const char *txt = cell->text;
    const char *dot = strchr(txt, '.');
    double v;
    if (!txt[0]) {
        tarief_ctx_error(l->ctx, t->path, row->line, cell->line ? cell->column : cell_col(row, -1), row->source_line,
                         "waarde ontbreekt voor %s: %s", name, number_hint(t->delim));
    } else if (t->delim == ';' && dot && !strchr(txt, ',') && !strchr(dot + 1, '.') &&
               tarief_parse_number(tarief_ctx_printf(l->ctx, "%.*s,%s", (int)(dot - txt), txt, dot + 1), ';', percent, &v)) {
        /* a decimal point where a comma belongs: 0.08 is not silently 8 */
        const char *fix = tarief_ctx_printf(l->ctx, "%.*s,%s", (int)(dot - txt), txt, dot + 1);
        if (percent && fabs(v) < 0.01)
            tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                             "ongeldig getal '%s' voor %s: in een bestand met ';' is de komma het decimaalteken (schrijf bijvoorbeeld %s); "
                             "let op: een percentage staat in procenten, 8 %% is 8 of 8%%, niet 0,08",
                             txt, name, fix);
        else
            tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                             "ongeldig getal '%s' voor %s: in een bestand met ';' is de komma het decimaalteken (schrijf bijvoorbeeld %s)",
                             txt, name, fix);
    } else if (!percent && strchr(txt, '%') && tarief_parse_number(txt, t->delim, true, &v)) {
        tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                         "ongeldig getal '%s' voor %s: dit is geen percentage, laat het %%-teken weg", txt, name);
    } else {
        tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                         "ongeldig getal '%s' voor %s: %s", txt, name, number_hint(t->delim));
    }
    return false;
}

/* Whether s is a year from 1900 to 2200; the year in *y. */
static bool parse_jaar(const char *s, long *y)
{
    char *end;
    *y = strtol(s, &end, 10);
    return !*end && *y >= 1900 && *y <= 2200 && isdigit((unsigned char)s[0]);
}

static bool parse_param_cell(loader *l, const tarief_csv *t, const tarief_csv_row *row,
                             const tarief_csv_cell *cell, int id, int bron_idx, tarief_param *out)
{
    const tarief_param_info *info = tarief_param_info_get((tarief_param_id)id);
    tarief_param p = {0};
    p.tekst = cell->text;
    p.bron = mkbron(t, row, cell, bron_idx);
    if (info->soort == TARIEF_SOORT_KEUZE) {
        int k = -1;
        if (id == TARIEF_P_AFRONDING) {
            for (int i = 0; i < 4; i++)
                if (strcasecmp(cell->text, tarief_afronding_naam((tarief_afronding)i)) == 0)
                    k = i;
            if (k < 0) {
                static const char *const namen[] = {"cent", "euro", "euro_omhoog", "deelbaar_door_60"};
                tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                                 "onbekende afronding '%s'%s: kies cent, euro, euro_omhoog of deelbaar_door_60", cell->text,
                                 did_you_mean(l, cell->text, namen, 4));
                return false;
            }
        } else if (id == TARIEF_P_OVERHEAD_GRONDSLAG) {
            for (int i = 0; i < 2; i++)
                if (strcasecmp(cell->text, tarief_grondslag_naam((tarief_grondslag)i)) == 0)
                    k = i;
            if (k < 0) {
                static const char *const namen[] = {"opslag", "aandeel"};
                tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                                 "onbekende overhead_grondslag '%s'%s: kies opslag of aandeel", cell->text,
                                 did_you_mean(l, cell->text, namen, 2));
                return false;
            }
        } else {
            /* indexatie_methode, indexatie_tussenafronding: two words each */
            for (int i = 0; i < 2; i++)
                if (strcasecmp(cell->text, tarief_param_keuze_naam((tarief_param_id)id, i)) == 0)
                    k = i;
            if (k < 0) {
                tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                                 "onbekende %s '%s': kies %s of %s", info->naam, cell->text,
                                 tarief_param_keuze_naam((tarief_param_id)id, id == TARIEF_P_INDEXATIE_TUSSENAFRONDING),
                                 tarief_param_keuze_naam((tarief_param_id)id, id != TARIEF_P_INDEXATIE_TUSSENAFRONDING));
                return false;
            }
        }
        p.keuze = k;
        p.set = true;
        *out = p;
        return true;
    }
    if (info->soort == TARIEF_SOORT_JAAR) {
        long y;
        if (!parse_jaar(cell->text, &y)) {
            tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                             "ongeldig jaar '%s' voor %s: verwacht een jaartal zoals 2024", cell->text, info->naam);
            return false;
        }
        p.waarde = (double)y;
        p.set = true;
        *out = p;
        return true;
    }
    if (id == TARIEF_P_INDEXATIE && strcasecmp(cell->text, "vng") == 0) {
        /* computed from the index series (tarief_indexatie_vng) */
        p.keuze = TARIEF_INDEXATIE_VNG;
        p.set = true;
        *out = p;
        return true;
    }
    double v;
    if (id == TARIEF_P_INDEXATIE && isalpha((unsigned char)cell->text[0])) {
        tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                         "onbekende indexatie '%s': geef een percentage (zoals 3,5) of 'vng' (de VNG-systematiek over de indexreeks, zie docs/indexatie.md)",
                         cell->text);
        return false;
    }
    if (!parse_num_cell(l, t, row, cell, info->soort == TARIEF_SOORT_PERCENTAGE, info->naam, &v))
        return false;
    if (id == TARIEF_P_INDEXATIE_LOONDEEL && v > 1) {
        tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                         "indexatie_loondeel moet tussen 0 en 100 %% liggen, gevonden '%s'", cell->text);
        return false;
    }
    if (id == TARIEF_P_JAARUREN) {
        if (!(v > 0)) {
            tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                             "jaaruren moet groter dan 0 zijn, gevonden '%s'", cell->text);
            return false;
        }
    } else if (id == TARIEF_P_INDEXATIE) {
        if (!(v > -1)) {
            tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                             "indexatie moet groter dan -100 %% zijn, gevonden '%s'", cell->text);
            return false;
        }
    } else if (id == TARIEF_P_PRODUCTIVITEIT) {
        if (!(v > 0 && v <= 1)) {
            tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                             "productiviteit moet tussen 0 %% (niet inbegrepen) en 100 %% liggen, gevonden '%s'", cell->text);
            return false;
        }
    } else if (v < 0) {
        tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                         "%s mag niet negatief zijn, gevonden '%s'", info->naam, cell->text);
        return false;
    }
    p.waarde = v;
    p.set = true;
    *out = p;
    return true;
}

/* --- files ---------------------------------------------------------------- */

static char *join(tarief_ctx *ctx, const char *dir, const char *name)
{
    size_t n = strlen(dir);
    if (n && dir[n - 1] == '/')
        return tarief_ctx_printf(ctx, "%s%s", dir, name);
    return tarief_ctx_printf(ctx, "%s/%s", dir, name);
}

static void add_file(loader *l, const char *path)
{
    if (l->n_files == l->cap_files) {
        size_t cap = l->cap_files ? l->cap_files * 2 : 8;
        tarief_invoerbestand *nf = tarief_ctx_alloc(l->ctx, cap * sizeof *nf);
        if (l->n_files)
            memcpy(nf, l->files, l->n_files * sizeof *nf);
        l->files = nf;
        l->cap_files = cap;
    }
    tarief_invoerbestand *b = &l->files[l->n_files++];
    b->path = tarief_ctx_strdup(l->ctx, path);
    if (tarief_sha256_file(path, b->sha256) != 0)
        b->sha256[0] = '\0';
}

static const tarief_csv *read_csv(loader *l, const char *path, bool checksum)
{
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT) {
        /* say which files belong together, not just "not found" */
        const char *slash = strrchr(path, '/');
        const char *base = slash ? slash + 1 : path;
        static const char *const regio_files[] = {"uitgangspunten.csv", "functies.csv", "producten.csv",
                                                  "functiemix.csv"};
        for (size_t i = 0; i < 4; i++)
            if (strcmp(base, regio_files[i]) == 0) {
                tarief_ctx_error(l->ctx, path, 1, 1, NULL,
                                 "verplicht bestand %s ontbreekt: een regiomap bevat uitgangspunten.csv, functies.csv, producten.csv en functiemix.csv",
                                 base);
                return NULL;
            }
        if (strcmp(base, "cao.csv") == 0 || strcmp(base, "salarisschalen.csv") == 0) {
            tarief_ctx_error(l->ctx, path, 1, 1, NULL,
                             "verplicht bestand %s ontbreekt: een cao-map bevat cao.csv en salarisschalen.csv", base);
            return NULL;
        }
    }
    const tarief_csv *t = tarief_csv_read(l->ctx, path);
    if (t && checksum)
        add_file(l, path);
    return t;
}

/* A file of the region, or of an aanbieder's map: there every file is
 * optional (NULL when it is not there). */
static const tarief_csv *read_invoer(loader *l, const char *path, const aanbieder *a)
{
    struct stat st;
    if (a && stat(path, &st) != 0)
        return NULL;
    return read_csv(l, path, true);
}

/* --- CAO ------------------------------------------------------------------ */

static bool valid_date(const char *s)
{
    int y, m, d;
    char extra;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
        return false;
    if (!isdigit((unsigned char)s[0]) || s[4] != '-' || s[7] != '-')
        return false;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
}

/* The key of a (schaal, trede) row of cao c in l->salarissen: a functie
 * finds its salary in O(1), however many functies and rows there are. */
static char *salaris_key(loader *l, const tarief_cao *c, const char *schaal, const char *trede)
{
    return tarief_ctx_printf(l->ctx, "%p\x1f%s\x1f%s", (const void *)c, schaal, trede);
}

static tarief_cao *load_cao_dir(loader *l, const char *dir, const char *id, bool checksum)
{
    tarief_cao *c = tarief_ctx_alloc(l->ctx, sizeof *c);
    c->id = tarief_ctx_strdup(l->ctx, id);
    c->dir = tarief_ctx_strdup(l->ctx, dir);
    c->cao_file = join(l->ctx, dir, "cao.csv");
    c->salaris_file = join(l->ctx, dir, "salarisschalen.csv");
    size_t before = n_errors(l);

    const tarief_csv *t = read_csv(l, c->cao_file, checksum);
    if (t) {
        static const colspec spec[] = {{"parameter", true}, {"waarde", true}};
        columns cols;
        if (map_columns(l, t, spec, 2, &cols, "cao.csv")) {
            c->regels = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *c->regels);
            static const char *const known[] = {"naam", "ingangsdatum", "uren_per_week", "jaaruren",
                                                "vakantietoeslag", "eindejaarsuitkering", "werkgeverslasten"};
            bool seen[7] = {0};
            for (const tarief_csv_row *row = next_row(l, t, NULL); row; row = next_row(l, t, row)) {
                const tarief_csv_cell *pc = cell_at(row, cols.idx[0]);
                const tarief_csv_cell *vc = cell_at(row, cols.idx[1]);
                size_t k;
                for (k = 0; k < 7; k++)
                    if (strcasecmp(pc->text, known[k]) == 0)
                        break;
                if (k == 7) {
                    const char *s = suggest(pc->text, known, 7);
                    tarief_ctx_error(l->ctx, t->path, pc->line ? pc->line : row->line, pc->line ? pc->column : 1,
                                     row->source_line, "onbekende cao-parameter '%s'%s%s%s", pc->text,
                                     s ? "; bedoelt u '" : " (bekend: naam, ingangsdatum, uren_per_week, jaaruren, vakantietoeslag, eindejaarsuitkering, werkgeverslasten)",
                                     s ? s : "", s ? "'?" : "");
                    continue;
                }
                if (seen[k]) {
                    tarief_ctx_error(l->ctx, t->path, pc->line, pc->column, row->source_line,
                                     "cao-parameter '%s' staat er twee keer in", known[k]);
                    continue;
                }
                seen[k] = true;
                tarief_regel *rg = &c->regels[c->n_regels++];
                rg->naam = pc->text;
                rg->waarde = vc->text;
                rg->bron = mkbron(t, row, vc, cols.bron);
                rg->param = -1;
                if (vc->text[0] == '\0') {
                    tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[1]), row->source_line,
                                     "waarde ontbreekt voor cao-parameter '%s'", known[k]);
                    continue;
                }
                if (k == 0) {
                    c->naam = vc->text;
                } else if (k == 1) {
                    if (!valid_date(vc->text))
                        tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                                         "ongeldige ingangsdatum '%s': verwacht JJJJ-MM-DD, bijvoorbeeld 2024-01-01", vc->text);
                    c->ingangsdatum = vc->text;
                } else if (k == 2) {
                    double v;
                    if (parse_num_cell(l, t, row, vc, false, "uren_per_week", &v)) {
                        if (!(v > 0 && v <= 168))
                            tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                                             "uren_per_week moet tussen 0 en 168 liggen, gevonden '%s'", vc->text);
                        c->uren_per_week = (tarief_param){true, v, 0, vc->text, rg->bron};
                    }
                } else {
                    int id2 = tarief_param_lookup(known[k]);
                    rg->param = id2;
                    parse_param_cell(l, t, row, vc, id2, cols.bron, &c->params[id2]);
                }
            }
            if (!seen[0])
                tarief_ctx_error(l->ctx, t->path, t->header.line, 1, NULL, "verplichte cao-parameter 'naam' ontbreekt");
            if (!seen[1])
                tarief_ctx_error(l->ctx, t->path, t->header.line, 1, NULL, "verplichte cao-parameter 'ingangsdatum' ontbreekt");
            if (!seen[3])
                tarief_ctx_error(l->ctx, t->path, t->header.line, 1, NULL, "verplichte cao-parameter 'jaaruren' ontbreekt");
        }
    }

    t = read_csv(l, c->salaris_file, checksum);
    if (t) {
        static const colspec spec[] = {{"schaal", true}, {"trede", true}, {"maandsalaris", true}};
        columns cols;
        if (map_columns(l, t, spec, 3, &cols, "salarisschalen.csv")) {
            c->salarissen = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *c->salarissen);
            if (l->salarissen.cap == 0)
                tmap_init(l->ctx, &l->salarissen, t->n_rows);
            for (const tarief_csv_row *row = next_row(l, t, NULL); row; row = next_row(l, t, row)) {
                const tarief_csv_cell *sc = cell_at(row, cols.idx[0]);
                const tarief_csv_cell *tc = cell_at(row, cols.idx[1]);
                const tarief_csv_cell *mc = cell_at(row, cols.idx[2]);
                bool ok = true;
                if (!sc->text[0]) {
                    tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[0]), row->source_line, "schaal ontbreekt");
                    ok = false;
                }
                if (!tc->text[0]) {
                    tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[1]), row->source_line, "trede ontbreekt");
                    ok = false;
                }
                double v = 0;
                if (!mc->text[0]) {
                    tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[2]), row->source_line, "maandsalaris ontbreekt");
                    ok = false;
                } else if (!parse_num_cell(l, t, row, mc, false, "maandsalaris", &v)) {
                    ok = false;
                } else if (!(v > 0)) {
                    tarief_ctx_error(l->ctx, t->path, mc->line, mc->column, row->source_line,
                                     "maandsalaris moet groter dan 0 zijn, gevonden '%s'", mc->text);
                    ok = false;
                }
                if (!ok)
                    continue;
                char *key = salaris_key(l, c, sc->text, tc->text);
                tarief_salaris *s = &c->salarissen[c->n_salarissen];
                tarief_salaris *prev = tmap_put(l->ctx, &l->salarissen, key, s);
                if (prev) {
                    tarief_ctx_error(l->ctx, t->path, row->line, sc->column, row->source_line,
                                     "schaal '%s' trede '%s' staat er twee keer in (eerder op regel %d)",
                                     sc->text, tc->text, prev->bron.line);
                    continue;
                }
                s->schaal = sc->text;
                s->trede = tc->text;
                s->maandsalaris = v;
                s->bron = mkbron(t, row, mc, cols.bron);
                c->n_salarissen++;
            }
            if (c->n_salarissen == 0 && t->n_rows == 0)
                tarief_ctx_error(l->ctx, t->path, t->header.line, 1, NULL, "salaristabel bevat geen regels");
        }
    }
    return n_errors(l) == before ? c : NULL;
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *tarief_cao_map_resolve(const char *cao_map)
{
    if (cao_map)
        return cao_map;
    if (is_dir("data/cao"))
        return "data/cao";
    static char buf[4096]; /* datadir.c: next to the program, else PREFIX */
    return tarief_data_path(buf, sizeof buf, "cao", true);
}

static bool valid_id(const char *id)
{
    if (!id[0] || strcmp(id, ".") == 0 || strcmp(id, "..") == 0)
        return false;
    for (const char *p = id; *p; p++)
        if (*p == '/' || *p == '\\')
            return false;
    return true;
}

/* The CAO with this id, loading it on first use; NULL (reported at the
 * referencing cell) if it does not exist or is invalid. */
static const tarief_cao *get_cao(loader *l, const char *id, const tarief_csv *t,
                                 const tarief_csv_row *row, const tarief_csv_cell *cell)
{
    tarief_cao *c = tmap_get(&l->caos, id);
    if (c)
        return c;
    if (tmap_get(&l->cao_failed, id))
        return NULL;
    char *dir = join(l->ctx, l->cao_map, id);
    if (!valid_id(id) || !is_dir(dir)) {
        tarief_ctx_error(l->ctx, t->path, cell->line ? cell->line : row->line, cell->line ? cell->column : 1,
                         row->source_line, "cao '%s' bestaat niet: geen map %s (kies een map onder %s of geef --cao-map)",
                         id, dir, l->cao_map);
        tmap_put(l->ctx, &l->cao_failed, tarief_ctx_strdup(l->ctx, id), (void *)1);
        return NULL;
    }
    c = load_cao_dir(l, dir, id, true);
    if (!c) {
        tmap_put(l->ctx, &l->cao_failed, tarief_ctx_strdup(l->ctx, id), (void *)1);
        return NULL;
    }
    tmap_put(l->ctx, &l->caos, c->id, c);
    const tarief_cao **nc = tarief_ctx_alloc(l->ctx, (l->r->n_caos + 1) * sizeof *nc);
    if (l->r->n_caos)
        memcpy(nc, l->r->caos, l->r->n_caos * sizeof *nc);
    nc[l->r->n_caos++] = c;
    l->r->caos = nc;
    return c;
}

const tarief_cao *tarief_load_cao(tarief_ctx *ctx, const char *cao_dir, const char *id)
{
    loader l = {.ctx = ctx};
    tarief_regio dummy = {0};
    l.r = &dummy;
    return load_cao_dir(&l, cao_dir, id ? id : cao_dir, false);
}

/* Merge one level's parameters (region or product) with an aanbieder's. */
static void overlay_params(tarief_param *base, const tarief_param *ov)
{
    bool ov_comp = false;
    for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
        if (ov[TARIEF_P_COMPONENT_FIRST + k].set)
            ov_comp = true;
    if (ov[TARIEF_P_PRODUCTIVITEIT].set)
        for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
            base[TARIEF_P_COMPONENT_FIRST + k] = (tarief_param){0};
    if (ov_comp)
        base[TARIEF_P_PRODUCTIVITEIT] = (tarief_param){0};
    for (int id = 0; id < TARIEF_P_COUNT; id++)
        if (ov[id].set)
            base[id] = ov[id];
}

/* --- uitgangspunten.csv ----------------------------------------------------- */

/* The text of a data line of t, to echo under a message about it. */
static const char *line_of(const tarief_csv *t, int line)
{
    for (size_t i = 0; i < t->n_rows; i++)
        if (t->rows[i].line == line)
            return t->rows[i].source_line;
    return NULL;
}

static const char *product_line(const loader *l, int line)
{
    return l->producten_csv ? line_of(l->producten_csv, line) : NULL;
}

/* Whether uitgangspunten.csv has a line for this parameter (valid or not). */
static bool regel_given(const tarief_regio *r, const char *naam)
{
    for (size_t k = 0; k < r->n_regels; k++)
        if (strcasecmp(r->regels[k].naam, naam) == 0)
            return true;
    return false;
}

static bool productiviteit_given(const tarief_regio *r)
{
    for (int k = -1; k < TARIEF_P_COMPONENT_COUNT; k++)
        if (regel_given(r, tarief_param_info_get(k < 0 ? TARIEF_P_PRODUCTIVITEIT
                                                       : (tarief_param_id)(TARIEF_P_COMPONENT_FIRST + k))->naam))
            return true;
    return false;
}

/* The lines of uitgangspunten.csv that are not parameters of rekenmethode §2.2. */
enum { U_NAAM = -10, U_TARIEFJAAR = -11, U_CAO = -12, U_INDEXREEKS = -13 };

typedef struct regelnaam {
    const char *naam;
    int id;
} regelnaam;

static const regelnaam regio_regels[] = {
    {"regio", U_NAAM}, {"tariefjaar", U_TARIEFJAAR}, {"cao", U_CAO},
    {"indexreeks", U_INDEXREEKS}, /* a path, relative to the region directory */
};
/* an aanbieder names itself; the index series is region-wide */
static const regelnaam aanbieder_regels[] = {
    {"aanbieder", U_NAAM}, {"regio", U_NAAM}, {"tariefjaar", U_TARIEFJAAR}, {"cao", U_CAO},
};

/* One uitgangspunten.csv, the region's or an aanbieder's, as read. */
typedef struct uitgangspunten {
    const tarief_csv *t;
    tarief_regel *regels; /* every line with a known parameter, in file order */
    size_t n_regels;
    tarief_param params[TARIEF_P_COUNT];
    tarief_param naam, tariefjaar, cao, indexreeks;
    const tarief_csv_row *cao_row; /* where cao was named, to report a missing one */
    const tarief_csv_cell *cao_cell;
} uitgangspunten;

/*
 * Read uitgangspunten.csv into u; false when it has no usable header. An
 * aanbieder's tariefjaar must be the region's, and its cao is loaded at
 * once (into a); the region's cao is loaded by the caller, after the
 * region's own checks.
 */
static bool read_uitgangspunten(loader *l, const char *path, aanbieder *a, uitgangspunten *u)
{
    memset(u, 0, sizeof *u);
    const tarief_csv *t = read_invoer(l, path, a);
    if (!t)
        return false;
    static const colspec spec[] = {{"parameter", true}, {"waarde", true}};
    columns cols;
    if (!map_columns(l, t, spec, 2, &cols, a ? "uitgangspunten.csv van de aanbieder" : "uitgangspunten.csv"))
        return false;
    const regelnaam *eigen = a ? aanbieder_regels : regio_regels;
    size_t n_eigen = a ? COUNT_OF(aanbieder_regels) : COUNT_OF(regio_regels);
    const char *names[TARIEF_P_COUNT + COUNT_OF(regio_regels) + COUNT_OF(aanbieder_regels)];
    size_t nn = 0;
    for (size_t k = 0; k < n_eigen; k++)
        names[nn++] = eigen[k].naam;
    for (int i = 0; i < TARIEF_P_COUNT; i++)
        names[nn++] = tarief_param_info_get((tarief_param_id)i)->naam;
    u->t = t;
    u->regels = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *u->regels);
    int *ids = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *ids); /* per regel */
    for (const tarief_csv_row *row = next_row(l, t, NULL); row; row = next_row(l, t, row)) {
        const tarief_csv_cell *pc = cell_at(row, cols.idx[0]);
        const tarief_csv_cell *vc = cell_at(row, cols.idx[1]);
        int id = -1;
        for (size_t k = 0; k < n_eigen && id == -1; k++)
            if (strcasecmp(pc->text, eigen[k].naam) == 0)
                id = eigen[k].id;
        if (id == -1)
            id = tarief_param_lookup(pc->text);
        if (id == -1) {
            const char *s = suggest(pc->text, names, nn);
            if (s)
                tarief_ctx_error(l->ctx, t->path, pc->line ? pc->line : row->line, pc->line ? pc->column : 1,
                                 row->source_line, "onbekende parameter '%s'; bedoelt u '%s'?", pc->text, s);
            else
                tarief_ctx_error(l->ctx, t->path, pc->line ? pc->line : row->line, pc->line ? pc->column : 1,
                                 row->source_line,
                                 a ? "onbekende parameter '%s' (een aanbieder kan 'aanbieder', 'cao' en de parameters van rekenmethode §2.2 zetten)"
                                   : "onbekende parameter '%s' (zie rekenmethode §2.2 voor de bekende parameters)",
                                 pc->text);
            continue;
        }
        /* duplicates; `aanbieder` and `regio` are the same line */
        bool dup = false;
        for (size_t k = 0; k < u->n_regels && !dup; k++) {
            if (strcasecmp(u->regels[k].naam, pc->text) == 0 || (id < -1 && ids[k] == id)) {
                tarief_ctx_error(l->ctx, t->path, pc->line, pc->column, row->source_line,
                                 "parameter '%s' staat er twee keer in (eerder op regel %d)", pc->text,
                                 u->regels[k].bron.line);
                dup = true;
            }
        }
        if (dup)
            continue;
        ids[u->n_regels] = id;
        tarief_regel *rg = &u->regels[u->n_regels++];
        rg->naam = pc->text;
        rg->waarde = vc->text;
        rg->param = id >= 0 ? id : -1;
        rg->bron = mkbron(t, row, vc, cols.bron);
        if (!vc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[1]), row->source_line,
                             "waarde ontbreekt voor parameter '%s'", pc->text);
            continue;
        }
        tarief_param simple = {true, 0, 0, vc->text, rg->bron};
        if (id == U_NAAM) {
            u->naam = simple;
        } else if (id == U_TARIEFJAAR) {
            long y;
            if (!parse_jaar(vc->text, &y)) {
                tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                                 "ongeldig tariefjaar '%s': verwacht een jaartal zoals 2025", vc->text);
                continue;
            }
            simple.waarde = (double)y;
            u->tariefjaar = simple;
            if (a && y != l->r->tariefjaar)
                tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                                 "tariefjaar '%s' van de aanbieder wijkt af van dat van de regio (%d): vergelijk tarieven van hetzelfde jaar",
                                 vc->text, l->r->tariefjaar);
        } else if (id == U_CAO) {
            u->cao = simple;
            u->cao_cell = vc;
            u->cao_row = row;
            if (a) {
                a->cao = get_cao(l, vc->text, t, row, vc);
                a->cao_bron = rg->bron;
            }
        } else if (id == U_INDEXREEKS) {
            u->indexreeks = simple;
        } else {
            parse_param_cell(l, t, row, vc, id, cols.bron, &u->params[id]);
        }
    }
    return true;
}

static int eerste_onderdeel(const tarief_param *params)
{
    for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
        if (params[TARIEF_P_COMPONENT_FIRST + k].set)
            return TARIEF_P_COMPONENT_FIRST + k;
    return -1;
}

/* productiviteit and its components are one choice: both in one file is an
 * error (reported; returns true). */
static bool productiviteit_en_onderdelen(loader *l, const tarief_csv *t, const tarief_param *params)
{
    int first_comp = eerste_onderdeel(params);
    if (!params[TARIEF_P_PRODUCTIVITEIT].set || first_comp < 0)
        return false;
    const tarief_param *p = &params[first_comp];
    tarief_ctx_error(l->ctx, t->path, p->bron.line, 1, line_of(t, p->bron.line),
                     "geef óf productiviteit óf de niet-productieve onderdelen (verlof, verzuim, scholing, werkoverleg, indirecte_tijd, overig_niet_productief), niet allebei: productiviteit staat al op regel %d",
                     params[TARIEF_P_PRODUCTIVITEIT].bron.line);
    return true;
}

/* Overhead as aandeel of the kostprijs must stay below 100 %: reported at
 * `at` (a line of t) when params break that. */
static void check_overhead_aandeel(loader *l, const tarief_csv *t, const tarief_param *params, const tarief_bron *at)
{
    const tarief_param *g = &params[TARIEF_P_OVERHEAD_GRONDSLAG], *o = &params[TARIEF_P_OVERHEAD];
    if (g->set && g->keuze == TARIEF_GRONDSLAG_AANDEEL && o->set && !(o->waarde < 1))
        tarief_ctx_error(l->ctx, at->file, at->line, at->column, line_of(t, at->line),
                         "overhead van %s kan niet als aandeel van de kostprijs: moet kleiner dan 100 %% zijn", o->tekst);
}

static void load_uitgangspunten(loader *l)
{
    tarief_regio *r = l->r;
    uitgangspunten u;
    if (!read_uitgangspunten(l, r->uitgangspunten_file, NULL, &u))
        return;
    const tarief_csv *t = u.t;
    r->regels = u.regels;
    r->n_regels = u.n_regels;
    memcpy(r->params, u.params, sizeof r->params);
    r->naam = u.naam.tekst;
    r->regio_p = u.naam;
    r->tariefjaar = (int)u.tariefjaar.waarde;
    r->tariefjaar_p = u.tariefjaar;
    r->cao_p = u.cao;
    r->indexreeks_p = u.indexreeks;
    /* a parameter whose line is there but invalid was reported on its line */
    if (!r->regio_p.set && !r->naam && !regel_given(r, "regio"))
        tarief_ctx_error(l->ctx, t->path, t->header.line, 1, NULL,
                         "verplichte parameter 'regio' ontbreekt (de naam van de regio)");
    if (!r->tariefjaar_p.set && !regel_given(r, "tariefjaar"))
        tarief_ctx_error(l->ctx, t->path, t->header.line, 1, NULL,
                         "verplichte parameter 'tariefjaar' ontbreekt (het jaar waarvoor de tarieven gelden)");
    /* productiviteit: either the percentage or its components */
    int first_comp = eerste_onderdeel(r->params);
    if (productiviteit_en_onderdelen(l, t, r->params)) {
        /* reported */
    } else if (!r->params[TARIEF_P_PRODUCTIVITEIT].set && first_comp < 0 && !productiviteit_given(r)) {
        tarief_ctx_error(l->ctx, t->path, t->header.line, 1, NULL,
                         "productiviteit ontbreekt: geef 'productiviteit' of één of meer niet-productieve onderdelen (verlof, verzuim, scholing, werkoverleg, indirecte_tijd, overig_niet_productief)");
    } else if (first_comp >= 0) {
        double sum = 0;
        for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
            sum += r->params[TARIEF_P_COMPONENT_FIRST + k].waarde;
        if (!(1 - sum > 0)) {
            char b[32];
            tarief_ctx_error(l->ctx, t->path, r->params[first_comp].bron.line, 1, line_of(t, r->params[first_comp].bron.line),
                             "de niet-productieve onderdelen zijn samen %s: de productiviteit (100 %% min hun som) moet groter dan 0 %% zijn",
                             tarief_fmt_pct(b, sizeof b, sum));
        }
    }
    check_overhead_aandeel(l, t, r->params, &r->params[TARIEF_P_OVERHEAD].bron);
    if (u.cao_cell)
        r->cao_standaard = get_cao(l, u.cao_cell->text, t, u.cao_row, u.cao_cell);
}

/* --- functies.csv ----------------------------------------------------------- */

/* The functies of one functies.csv, the region's or an aanbieder's. */
typedef struct functies {
    tarief_functie *f;
    size_t n;
    tmap index; /* naam -> functie */
} functies;

/*
 * Every named row becomes a functie, also one whose salary is wrong (that
 * is reported here), so that the functiemix does not call it unknown too.
 * A row without cao takes the aanbieder's default cao, else the region's.
 */
static bool read_functies(loader *l, const char *path, const aanbieder *a, functies *fs)
{
    tarief_regio *r = l->r;
    const tarief_csv *t = read_invoer(l, path, a);
    if (!t)
        return false;
    enum { F_FUNCTIE, F_CAO, F_SCHAAL, F_TREDE, F_LOONKOSTEN };
    static const colspec spec[] = {{"functie", true}, {"cao", false}, {"schaal", false}, {"trede", false},
                                   {"loonkosten_per_uur", false}};
    columns cols;
    if (!map_columns(l, t, spec, 5, &cols, a ? "functies.csv van de aanbieder" : "functies.csv"))
        return false;
    const tarief_cao *standaard = NULL;   /* NULL when it failed to load: reported there */
    const tarief_bron *standaard_bron = NULL;
    if (a && a->cao_bron.file) {
        standaard = a->cao;
        standaard_bron = &a->cao_bron;
    } else if (r->cao_p.set) {
        standaard = r->cao_standaard;
        standaard_bron = &r->cao_p.bron;
    }
    int oms = -1;
    for (size_t h = 0; h < t->header.n; h++)
        if (strcasecmp(t->header.cells[h].text, "omschrijving") == 0)
            oms = (int)h;
    fs->f = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *fs->f);
    fs->n = 0;
    tmap_init(l->ctx, &fs->index, t->n_rows);
    for (const tarief_csv_row *row = next_row(l, t, NULL); row; row = next_row(l, t, row)) {
        const tarief_csv_cell *fc = cell_at(row, cols.idx[F_FUNCTIE]);
        const tarief_csv_cell *cc = cell_at(row, cols.idx[F_CAO]);
        const tarief_csv_cell *sc = cell_at(row, cols.idx[F_SCHAAL]);
        const tarief_csv_cell *tc = cell_at(row, cols.idx[F_TREDE]);
        const tarief_csv_cell *lc = cell_at(row, cols.idx[F_LOONKOSTEN]);
        if (!fc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[F_FUNCTIE]), row->source_line,
                             "naam van de functie ontbreekt");
            continue;
        }
        tarief_functie *f = &fs->f[fs->n];
        f->naam = fc->text;
        f->omschrijving = oms >= 0 && cell_at(row, oms)->text[0] ? cell_at(row, oms)->text : NULL;
        f->bron = mkbron(t, row, fc, cols.bron);
        tarief_functie *prev = tmap_put(l->ctx, &fs->index, f->naam, f);
        if (prev) {
            tarief_ctx_error(l->ctx, t->path, fc->line, fc->column, row->source_line,
                             "functie '%s' staat er twee keer in (eerder op regel %d)", f->naam, prev->bron.line);
            continue;
        }
        fs->n++;
        bool has_schaal = sc->text[0] || tc->text[0];
        bool has_lk = lc->text[0] != '\0';
        if (has_schaal && has_lk) {
            tarief_ctx_error(l->ctx, t->path, lc->line, lc->column, row->source_line,
                             "functie '%s' heeft zowel schaal/trede als loonkosten_per_uur: geef er één van beide", f->naam);
            continue;
        }
        if (!has_schaal && !has_lk) {
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[F_SCHAAL] >= 0 ? cols.idx[F_SCHAAL] : cols.idx[F_LOONKOSTEN]),
                             row->source_line,
                             "functie '%s' heeft geen salaris: geef schaal en trede (uit een cao) of loonkosten_per_uur", f->naam);
            continue;
        }
        if (has_lk) {
            double v;
            if (!parse_num_cell(l, t, row, lc, false, "loonkosten_per_uur", &v))
                continue;
            if (!(v > 0)) {
                tarief_ctx_error(l->ctx, t->path, lc->line, lc->column, row->source_line,
                                 "loonkosten_per_uur moet groter dan 0 zijn, gevonden '%s'", lc->text);
                continue;
            }
            f->loonkosten_per_uur = (tarief_param){true, v, 0, lc->text, mkbron(t, row, lc, cols.bron)};
            continue;
        }
        if (!sc->text[0] || !tc->text[0]) {
            int idx = !sc->text[0] ? cols.idx[F_SCHAAL] : cols.idx[F_TREDE];
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, idx), row->source_line,
                             "functie '%s': %s ontbreekt (schaal en trede horen bij elkaar)", f->naam,
                             !sc->text[0] ? "schaal" : "trede");
            continue;
        }
        const tarief_cao *cao = NULL;
        if (cc->text[0]) {
            cao = get_cao(l, cc->text, t, row, cc);
            f->cao_bron = mkbron(t, row, cc, cols.bron);
        } else if (standaard_bron) {
            cao = standaard;
            f->cao_bron = *standaard_bron;
        } else {
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[F_CAO]), row->source_line,
                             a ? "functie '%s' noemt geen cao en de aanbieder en de regio hebben geen standaard 'cao'"
                               : "functie '%s' noemt geen cao en uitgangspunten.csv heeft geen standaard 'cao'",
                             f->naam);
            continue;
        }
        if (!cao)
            continue; /* reported where the cao was named */
        f->cao = cao;
        if (l->salarissen.cap != 0)
            f->salaris = tmap_get(&l->salarissen, salaris_key(l, cao, sc->text, tc->text));
        if (!f->salaris) {
            /* say what does exist: the steps of the scale, or a near scale */
            bool schaal_exists = false;
            char treden[256] = "";
            size_t tn = 0;
            const char **schalen = calloc(cao->n_salarissen + 1, sizeof *schalen);
            for (size_t k = 0; k < cao->n_salarissen; k++) {
                if (schalen)
                    schalen[k] = cao->salarissen[k].schaal;
                if (strcmp(cao->salarissen[k].schaal, sc->text) == 0) {
                    schaal_exists = true;
                    if (tn < sizeof treden - 8) {
                        int w = snprintf(treden + tn, sizeof treden - tn, "%s%s", tn ? ", " : "",
                                         cao->salarissen[k].trede);
                        tn = w > 0 && (size_t)w < sizeof treden - tn ? tn + (size_t)w : sizeof treden;
                    }
                }
            }
            if (tn >= sizeof treden - 8)
                snprintf(treden + sizeof treden - 8, 8, ", ...");
            if (schaal_exists)
                tarief_ctx_error(l->ctx, t->path, tc->line, tc->column, row->source_line,
                                 "trede '%s' bestaat niet in schaal '%s' van cao '%s' (%s); deze schaal heeft de treden %s",
                                 tc->text, sc->text, cao->id, cao->salaris_file, treden);
            else
                tarief_ctx_error(l->ctx, t->path, sc->line, sc->column, row->source_line,
                                 "schaal '%s' bestaat niet in cao '%s' (%s)%s", sc->text, cao->id, cao->salaris_file,
                                 schalen ? did_you_mean(l, sc->text, schalen, cao->n_salarissen) : "");
            free(schalen);
        }
    }
    return true;
}

static void load_functies(loader *l)
{
    functies fs;
    if (!read_functies(l, l->r->functies_file, NULL, &fs))
        return;
    l->r->functies = fs.f;
    l->r->n_functies = fs.n;
    l->functies = fs.index;
}

/* --- producten.csv ---------------------------------------------------------- */

enum { P_CODE, P_NAAM, P_EENHEID, P_UREN, P_BEGELEIDERS, P_GROEP, P_HUISVESTING, P_VERZORGING, P_FIXED };

/* The numbers of a product row, with their value when the cell is empty. */
static const struct {
    int col;
    size_t offset; /* in tarief_product */
    const char *naam;
    double standaard;
    bool positief;
} product_getallen[] = {
    {P_UREN, offsetof(tarief_product, uren_per_eenheid), "uren_per_eenheid", 0, true},
    {P_BEGELEIDERS, offsetof(tarief_product, begeleiders), "begeleiders", 1, true},
    {P_GROEP, offsetof(tarief_product, groepsgrootte), "groepsgrootte", 1, true},
    {P_HUISVESTING, offsetof(tarief_product, huisvesting), "huisvesting", 0, false},
    {P_VERZORGING, offsetof(tarief_product, verzorging), "verzorging", 0, false},
};

static tarief_param *product_getal(tarief_product *p, size_t k)
{
    return (tarief_param *)((char *)p + product_getallen[k].offset);
}

/*
 * The region's producten.csv: a product per row. Or an aanbieder's: a row
 * changes the region's product with its code, every non-empty cell wins
 * (parameters by overlay_params), `eenheid` must stay the same.
 */
static void load_producten(loader *l, const char *path, const aanbieder *a)
{
    tarief_regio *r = l->r;
    const tarief_csv *t = read_invoer(l, path, a);
    if (!t)
        return;
    if (!a)
        l->producten_csv = t;
    /* an aanbieder only needs the code */
    colspec spec[P_FIXED + TARIEF_P_COUNT] = {
        {"code", true}, {"naam", !a}, {"eenheid", !a}, {"uren_per_eenheid", !a},
        {"begeleiders", false}, {"groepsgrootte", false}, {"huisvesting", false}, {"verzorging", false}};
    for (int i = 0; i < TARIEF_P_COUNT; i++)
        spec[P_FIXED + i] = (colspec){tarief_param_info_get((tarief_param_id)i)->naam, false};
    columns cols;
    if (!map_columns(l, t, spec, P_FIXED + TARIEF_P_COUNT, &cols, a ? "producten.csv van de aanbieder" : "producten.csv"))
        return;
    for (int i = 0; i < TARIEF_P_COUNT; i++)
        if (cols.idx[P_FIXED + i] >= 0)
            r->product_kolom[i] = true;
    tmap eigen; /* an aanbieder's codes: code -> its cell */
    if (a) {
        tmap_init(l->ctx, &eigen, t->n_rows);
    } else {
        r->producten = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *r->producten);
        tmap_init(l->ctx, &l->producten, t->n_rows);
    }
    for (const tarief_csv_row *row = next_row(l, t, NULL); row; row = next_row(l, t, row)) {
        const tarief_csv_cell *cc = cell_at(row, cols.idx[P_CODE]);
        if (!cc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[P_CODE]), row->source_line,
                             "productcode ontbreekt");
            continue;
        }
        tarief_product *p; /* the product of this row */
        int eerder = 0;    /* the line of an earlier row with the same code */
        if (!a) {
            p = &r->producten[r->n_producten];
            p->code = cc->text;
            p->bron = mkbron(t, row, cc, cols.bron);
            tarief_product *prev = tmap_put(l->ctx, &l->producten, p->code, p);
            if (prev)
                eerder = prev->bron.line;
        } else {
            p = tmap_get(&l->producten, cc->text);
            if (!p) {
                tarief_ctx_error(l->ctx, t->path, cc->line, cc->column, row->source_line,
                                 "product '%s' staat niet in producten.csv van de regio: een aanbieder kan alleen producten van de regio anders invullen",
                                 cc->text);
                continue;
            }
            const tarief_csv_cell *prev = tmap_put(l->ctx, &eigen, cc->text, (void *)cc);
            if (prev)
                eerder = prev->line;
        }
        if (eerder) {
            tarief_ctx_error(l->ctx, t->path, cc->line, cc->column, row->source_line,
                             "productcode '%s' staat er twee keer in (eerder op regel %d)", cc->text, eerder);
            continue;
        }
        if (!a)
            r->n_producten++;
        /* the row's values: the region's product itself, or what the aanbieder changes */
        tarief_product wijziging = {0};
        tarief_product *w = a ? &wijziging : p;
        const tarief_csv_cell *nc = cell_at(row, cols.idx[P_NAAM]);
        w->naam = nc->text;
        if (!nc->text[0] && !a)
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[P_NAAM]), row->source_line,
                             "naam van product '%s' ontbreekt", p->code);
        const tarief_csv_cell *ec = cell_at(row, cols.idx[P_EENHEID]);
        int e = -1;
        for (int k = 0; k <= TARIEF_EENHEID_STUK; k++)
            if (strcasecmp(ec->text, tarief_eenheid_naam((tarief_eenheid)k)) == 0)
                e = k;
        static const char *const eenheden[] = {"minuut", "uur", "dagdeel", "etmaal", "dag",
                                               "week", "maand", "traject", "stuk"};
        if (e < 0 && !ec->text[0]) {
            if (!a)
                tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[P_EENHEID]), row->source_line,
                                 "eenheid ontbreekt voor product '%s': kies minuut, uur, dagdeel, etmaal, dag, week, maand, traject of stuk",
                                 p->code);
        } else if (e < 0) {
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[P_EENHEID]), row->source_line,
                             "onbekende eenheid '%s' voor product '%s'%s: kies minuut, uur, dagdeel, etmaal, dag, week, maand, traject of stuk",
                             ec->text, p->code, did_you_mean(l, ec->text, eenheden, 9));
        } else if (a && (tarief_eenheid)e != p->eenheid) {
            tarief_ctx_error(l->ctx, t->path, ec->line, ec->column, row->source_line,
                             "eenheid '%s' van product '%s' wijkt af van die van de regio (%s): een tarief per andere eenheid is niet te vergelijken",
                             ec->text, p->code, tarief_eenheid_naam(p->eenheid));
        } else {
            w->eenheid = (tarief_eenheid)e;
        }

        for (size_t k = 0; k < COUNT_OF(product_getallen); k++) {
            const char *naam = product_getallen[k].naam;
            bool positief = product_getallen[k].positief;
            const tarief_csv_cell *vc = cell_at(row, cols.idx[product_getallen[k].col]);
            tarief_param *dst = product_getal(w, k);
            dst->waarde = product_getallen[k].standaard;
            if (!vc->text[0]) {
                if (product_getallen[k].col == P_UREN && !a)
                    tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[P_UREN]), row->source_line,
                                     "uren_per_eenheid ontbreekt voor product '%s'", p->code);
                continue;
            }
            double v;
            if (!parse_num_cell(l, t, row, vc, false, naam, &v))
                continue;
            if (positief ? !(v > 0) : !(v >= 0)) {
                tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                                 "%s moet %s zijn, gevonden '%s'", naam, positief ? "groter dan 0" : "0 of meer", vc->text);
                continue;
            }
            *dst = (tarief_param){true, v, 0, vc->text, mkbron(t, row, vc, cols.bron)};
        }
        for (int k = 0; k < TARIEF_P_COUNT; k++) {
            const tarief_csv_cell *vc = cell_at(row, cols.idx[P_FIXED + k]);
            if (vc->text[0])
                parse_param_cell(l, t, row, vc, k, cols.bron, &w->params[k]);
        }
        if (a) {
            if (nc->text[0])
                p->naam = nc->text;
            for (size_t k = 0; k < COUNT_OF(product_getallen); k++)
                if (product_getal(w, k)->set)
                    *product_getal(p, k) = *product_getal(w, k);
            overlay_params(p->params, w->params);
        }
    }
    /* no rows at all: tariffs for nothing are surely a mistake (all commented out?) */
    if (!a && t->n_rows == 0)
        tarief_ctx_error(l->ctx, t->path, t->header.line, 1, t->header.source_line,
                         "producten.csv bevat geen producten: voeg onder de kopregel één regel per productkaart toe");
}

/* --- functiemix.csv ---------------------------------------------------------- */

/* The region's functiemix.csv, or an aanbieder's: then the rows of a product
 * replace its whole mix, and a product without rows keeps the region's. */
static void load_functiemix(loader *l, const char *path, const aanbieder *a)
{
    tarief_regio *r = l->r;
    const tarief_csv *t = read_invoer(l, path, a);
    if (!t)
        return;
    static const colspec spec[] = {{"product", true}, {"functie", true}, {"percentage", true}};
    columns cols;
    if (!map_columns(l, t, spec, 3, &cols, a ? "functiemix.csv van de aanbieder" : "functiemix.csv"))
        return;
    /* count per product first, then fill */
    size_t np = r->n_producten;
    size_t *count = tarief_ctx_alloc(l->ctx, (np + 1) * sizeof *count);
    const tarief_csv_row **last = tarief_ctx_alloc(l->ctx, (np + 1) * sizeof *last);
    tarief_product **prod = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *prod);
    for (const tarief_csv_row *row = next_row(l, t, NULL); row; row = next_row(l, t, row)) {
        const tarief_csv_cell *pc = cell_at(row, cols.idx[0]);
        tarief_product *p = tmap_get(&l->producten, pc->text);
        if (!p) {
            if (!pc->text[0])
                tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[0]), row->source_line,
                                 "productcode ontbreekt");
            else if (l->producten.cap)
                tarief_ctx_error(l->ctx, t->path, pc->line, pc->column, row->source_line,
                                 a ? "onbekend product '%s': staat niet in producten.csv van de regio%s"
                                   : "onbekend product '%s': staat niet in producten.csv%s",
                                 pc->text, same_but_case(l, pc->text, &l->producten));
            continue;
        }
        prod[row - t->rows] = p;
        count[p - r->producten]++;
        last[p - r->producten] = row;
    }
    tarief_mix **mix = tarief_ctx_alloc(l->ctx, (np + 1) * sizeof *mix);
    size_t *n_mix = tarief_ctx_alloc(l->ctx, (np + 1) * sizeof *n_mix);
    for (size_t k = 0; k < np; k++)
        mix[k] = tarief_ctx_alloc(l->ctx, (count[k] + 1) * sizeof(tarief_mix));
    for (size_t i = 0; i < t->n_rows; i++) {
        tarief_product *p = prod[i];
        if (!p)
            continue;
        size_t k = (size_t)(p - r->producten);
        const tarief_csv_row *row = &t->rows[i];
        const tarief_csv_cell *fc = cell_at(row, cols.idx[1]);
        const tarief_csv_cell *vc = cell_at(row, cols.idx[2]);
        const tarief_functie *f = tmap_get(&l->functies, fc->text);
        bool ok = true;
        if (!f) {
            if (!fc->text[0])
                tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[1]), row->source_line,
                                 "functie ontbreekt");
            else if (l->functies.cap)
                tarief_ctx_error(l->ctx, t->path, fc->line, fc->column, row->source_line,
                                 a ? "onbekende functie '%s': staat niet in functies.csv van de aanbieder of de regio%s"
                                   : "onbekende functie '%s': staat niet in functies.csv%s",
                                 fc->text, did_you_mean(l, fc->text, l->functies.keys, l->functies.cap));
            ok = false;
        }
        double v = 0;
        bool pct_ok = false; /* a valid percentage counts in the sum even if the functie is wrong */
        if (!vc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[2]), row->source_line,
                             "percentage ontbreekt");
            ok = false;
        } else if (!parse_num_cell(l, t, row, vc, true, "percentage", &v)) {
            ok = false;
        } else if (v < 0 || v > 1) {
            tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                             "percentage moet tussen 0 en 100 liggen, gevonden '%s'", vc->text);
            ok = false;
        } else {
            pct_ok = true;
        }
        for (size_t j = 0; ok && j < n_mix[k]; j++) {
            if (mix[k][j].functie == f) {
                tarief_ctx_error(l->ctx, t->path, fc->line, fc->column, row->source_line,
                                 "functie '%s' staat twee keer in de functiemix van product '%s' (eerder op regel %d)",
                                 f->naam, p->code, mix[k][j].bron.line);
                ok = false;
            }
        }
        /* a functie whose row is broken is still counted for the sum */
        tarief_mix *m = &mix[k][n_mix[k]++];
        m->functie = ok ? f : NULL;
        m->aandeel = v;
        m->tekst = vc->text;
        m->bron = mkbron(t, row, vc, cols.bron);
        if (!pct_ok)
            m->aandeel = NAN;
    }
    for (size_t k = 0; k < np; k++) {
        tarief_product *p = &r->producten[k];
        if (a && n_mix[k] == 0)
            continue; /* keeps the region's mix */
        p->mix = mix[k];
        p->n_mix = n_mix[k];
        if (p->n_mix == 0) {
            tarief_ctx_error(l->ctx, r->producten_file, p->bron.line, p->bron.column, product_line(l, p->bron.line),
                             "product '%s' heeft geen functiemix: voeg regels toe aan %s", p->code, r->functiemix_file);
            continue;
        }
        double sum = 0;
        bool broken = false;
        for (size_t j = 0; j < p->n_mix; j++) {
            if (isnan(p->mix[j].aandeel))
                broken = true;
            else
                sum += p->mix[j].aandeel;
        }
        if (!broken && fabs(sum - 1.0) > 0.0001 + 1e-12) {
            char b[32];
            const tarief_csv_row *row = last[k];
            tarief_ctx_error(l->ctx, t->path, row->line, 1, row->source_line,
                             "functiemix van product '%s' telt op tot %s in plaats van 100 %%", p->code,
                             tarief_fmt_pct(b, sizeof b, sum));
        }
    }
}

/* --- per-product resolution checks ------------------------------------------- */

static void report_once(loader *l, const char *key, const char *file, int line, int col, const char *msg)
{
    if (tmap_get(&l->reported, key))
        return;
    tmap_put(l->ctx, &l->reported, tarief_ctx_strdup(l->ctx, key), (void *)1);
    tarief_ctx_error(l->ctx, file, line, col, NULL, "%s", msg);
}

/* True if the product's own row in producten.csv already has a problem:
 * its values are incomplete, so the cross-file checks skip it rather than
 * report follow-on errors (an invalid `indexatie` falling back to the
 * region's, say). */
static bool row_has_problem(const loader *l, const tarief_product *p)
{
    const tarief_diag *d = tarief_ctx_diag(l->ctx);
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].line == p->bron.line && d->items[i].file && p->bron.file &&
            strcmp(d->items[i].file, p->bron.file) == 0)
            return true;
    return false;
}

static void check_products(loader *l)
{
    tarief_regio *r = l->r;
    bool region_components = false;
    for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
        if (r->params[TARIEF_P_COMPONENT_FIRST + k].set)
            region_components = true;
    for (size_t i = 0; i < r->n_producten; i++) {
        const tarief_product *p = &r->producten[i];
        if (row_has_problem(l, p))
            continue;
        const tarief_param *pp = &p->params[TARIEF_P_PRODUCTIVITEIT];
        int first_comp = -1;
        double comp_sum = 0;
        for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++) {
            int id = TARIEF_P_COMPONENT_FIRST + k;
            if (p->params[id].set && first_comp < 0)
                first_comp = id;
            comp_sum += p->params[id].set ? p->params[id].waarde : r->params[id].waarde;
        }
        if (pp->set && first_comp >= 0) {
            tarief_ctx_error(l->ctx, p->params[first_comp].bron.file, p->params[first_comp].bron.line,
                             p->params[first_comp].bron.column, product_line(l, p->params[first_comp].bron.line),
                             "product '%s' geeft zowel productiviteit als het niet-productieve onderdeel '%s': geef één van beide",
                             p->code, tarief_param_info_get((tarief_param_id)first_comp)->naam);
        } else if (first_comp >= 0 && !region_components && r->params[TARIEF_P_PRODUCTIVITEIT].set) {
            tarief_ctx_error(l->ctx, p->params[first_comp].bron.file, p->params[first_comp].bron.line,
                             p->params[first_comp].bron.column, product_line(l, p->params[first_comp].bron.line),
                             "product '%s' zet het niet-productieve onderdeel '%s', maar er wordt gerekend met 'productiviteit' (%s:%d): zet voor dit product 'productiviteit'",
                             p->code, tarief_param_info_get((tarief_param_id)first_comp)->naam,
                             r->params[TARIEF_P_PRODUCTIVITEIT].bron.file, r->params[TARIEF_P_PRODUCTIVITEIT].bron.line);
        } else if (first_comp >= 0 && !(1 - comp_sum > 0)) {
            char b[32];
            tarief_ctx_error(l->ctx, p->params[first_comp].bron.file, p->params[first_comp].bron.line,
                             p->params[first_comp].bron.column, product_line(l, p->params[first_comp].bron.line),
                             "product '%s': de niet-productieve onderdelen zijn samen %s, de productiviteit moet groter dan 0 %% zijn",
                             p->code, tarief_fmt_pct(b, sizeof b, comp_sum));
        }
        /* overhead as aandeel must stay below 100 % */
        const tarief_param *g = p->params[TARIEF_P_OVERHEAD_GRONDSLAG].set ? &p->params[TARIEF_P_OVERHEAD_GRONDSLAG]
                                                                            : &r->params[TARIEF_P_OVERHEAD_GRONDSLAG];
        const tarief_param *o = p->params[TARIEF_P_OVERHEAD].set ? &p->params[TARIEF_P_OVERHEAD] : &r->params[TARIEF_P_OVERHEAD];
        if (g->set && g->keuze == TARIEF_GRONDSLAG_AANDEEL && o->set && !(o->waarde < 1) &&
            (p->params[TARIEF_P_OVERHEAD_GRONDSLAG].set || p->params[TARIEF_P_OVERHEAD].set)) {
            const tarief_bron *b = p->params[TARIEF_P_OVERHEAD].set ? &p->params[TARIEF_P_OVERHEAD].bron
                                                                    : &p->params[TARIEF_P_OVERHEAD_GRONDSLAG].bron;
            tarief_ctx_error(l->ctx, r->producten_file, b->line, b->column, product_line(l, b->line),
                             "product '%s': overhead van %s kan niet als aandeel van de kostprijs, moet kleiner dan 100 %% zijn",
                             p->code, o->tekst);
        }
        /* CAO parameters needed for every CAO functie in the mix */
        for (size_t j = 0; j < p->n_mix; j++) {
            const tarief_functie *f = p->mix[j].functie;
            if (!f || !f->cao)
                continue;
            static const tarief_param_id need[] = {TARIEF_P_VAKANTIETOESLAG, TARIEF_P_EINDEJAARSUITKERING,
                                                   TARIEF_P_WERKGEVERSLASTEN, TARIEF_P_JAARUREN};
            for (size_t k = 0; k < 4; k++) {
                tarief_param_id id = need[k];
                if (p->params[id].set || r->params[id].set || f->cao->params[id].set)
                    continue;
                const char *naam = tarief_param_info_get(id)->naam;
                char *key = tarief_ctx_printf(l->ctx, "%s\x1f%s", f->cao->id, naam);
                char *msg = tarief_ctx_printf(l->ctx,
                    "'%s' ontbreekt voor functie '%s' (cao '%s'): zet '%s' in uitgangspunten.csv of in %s",
                    naam, f->naam, f->cao->id, naam, f->cao->cao_file);
                /* reported at the functie that needs it: that row chose the cao */
                report_once(l, key, f->bron.file, f->bron.line, 1, msg);
            }
        }
    }
}

/* --- index series (indexatie;vng) ------------------------------------------- */

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

const char *tarief_indexreeks_resolve(const char *path)
{
    if (path)
        return path;
    if (is_file("data/index/ova-ppc.csv"))
        return "data/index/ova-ppc.csv";
    static char buf[4096]; /* datadir.c: next to the program, else PREFIX */
    return tarief_data_path(buf, sizeof buf, "index/ova-ppc.csv", false);
}

static tarief_indexreeks *load_indexreeks_file(loader *l, const char *path, bool checksum)
{
    size_t before = n_errors(l);
    const tarief_csv *t = read_csv(l, path, checksum);
    if (!t)
        return NULL;
    enum { I_JAAR, I_OVA_V, I_OVA_D, I_PPC_V, I_PPC_D };
    static const colspec spec[] = {{"jaar", true}, {"ova_voorlopig", true}, {"ova_definitief", false},
                                   {"ppc_voorlopig", true}, {"ppc_definitief", false}};
    columns cols;
    if (!map_columns(l, t, spec, 5, &cols, "de indexreeks"))
        return NULL;
    tarief_indexreeks *s = tarief_ctx_alloc(l->ctx, sizeof *s);
    s->path = tarief_ctx_strdup(l->ctx, path);
    s->rijen = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *s->rijen);
    tmap seen;
    tmap_init(l->ctx, &seen, t->n_rows);
    for (const tarief_csv_row *row = next_row(l, t, NULL); row; row = next_row(l, t, row)) {
        const tarief_csv_cell *jc = cell_at(row, cols.idx[I_JAAR]);
        if (!jc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[I_JAAR]), row->source_line,
                             "jaar ontbreekt");
            continue;
        }
        long y;
        if (!parse_jaar(jc->text, &y)) {
            tarief_ctx_error(l->ctx, t->path, jc->line, jc->column, row->source_line,
                             "ongeldig jaar '%s': verwacht een jaartal zoals 2025", jc->text);
            continue;
        }
        tarief_indexrij *rij = &s->rijen[s->n_rijen];
        const tarief_indexrij *prev = tmap_put(l->ctx, &seen, tarief_ctx_printf(l->ctx, "%ld", y), rij);
        if (prev) {
            tarief_ctx_error(l->ctx, t->path, jc->line, jc->column, row->source_line,
                             "jaar %ld staat er twee keer in (eerder op regel %d)", y, prev->bron.line);
            continue;
        }
        s->n_rijen++; /* kept even when a figure is bad: then the whole series is refused */
        rij->jaar = (int)y;
        rij->bron = mkbron(t, row, jc, cols.bron);
        struct { int col; tarief_param *dst; const char *naam; bool nodig; } figs[] = {
            {I_OVA_V, &rij->ova_voorlopig, "ova_voorlopig", true},
            {I_OVA_D, &rij->ova_definitief, "ova_definitief", false},
            {I_PPC_V, &rij->ppc_voorlopig, "ppc_voorlopig", true},
            {I_PPC_D, &rij->ppc_definitief, "ppc_definitief", false},
        };
        for (size_t k = 0; k < 4; k++) {
            const tarief_csv_cell *vc = cell_at(row, cols.idx[figs[k].col]);
            tarief_param *dst = figs[k].dst;
            dst->tekst = vc->text;
            dst->bron = mkbron(t, row, vc, cols.bron);
            dst->bron.column = cell_col(row, cols.idx[figs[k].col]);
            if (!vc->text[0]) {
                /* a definitive figure not yet published; a provisional one is needed */
                if (figs[k].nodig) {
                    tarief_ctx_error(l->ctx, t->path, row->line, dst->bron.column, row->source_line,
                                     "%s van %ld ontbreekt: een jaar staat pas in de indexreeks als de voorlopige OVA en PPC bekend zijn",
                                     figs[k].naam, y);
                }
                continue;
            }
            double v;
            if (!parse_num_cell(l, t, row, vc, true, figs[k].naam, &v))
                continue;
            if (!(v > -1 && v < 1)) {
                tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                                 "%s van %ld moet tussen -100 %% en 100 %% liggen, gevonden '%s'", figs[k].naam, y,
                                 vc->text);
                continue;
            }
            dst->waarde = v;
            dst->set = true;
        }
    }
    return n_errors(l) == before ? s : NULL;
}

const tarief_indexreeks *tarief_indexreeks_read(tarief_ctx *ctx, const char *path)
{
    loader l = {.ctx = ctx};
    tarief_regio dummy = {0};
    l.r = &dummy;
    return load_indexreeks_file(&l, path, false);
}

/* The indexatie setting that applies to p (product row, else region). */
static const tarief_param *indexatie_setting(const tarief_regio *r, const tarief_product *p)
{
    return p->params[TARIEF_P_INDEXATIE].set ? &p->params[TARIEF_P_INDEXATIE] : &r->params[TARIEF_P_INDEXATIE];
}

static bool uses_vng(const tarief_regio *r, const tarief_product *p)
{
    const tarief_param *ix = indexatie_setting(r, p);
    return ix->set && ix->keuze == TARIEF_INDEXATIE_VNG;
}

/* Load the index series when some product uses indexatie;vng. */
static void load_indexreeks(loader *l)
{
    tarief_regio *r = l->r;
    const tarief_product *eerste = NULL;
    for (size_t i = 0; i < r->n_producten && !eerste; i++)
        if (uses_vng(r, &r->producten[i]))
            eerste = &r->producten[i];
    if (!eerste)
        return;
    const char *path;
    if (r->indexreeks_p.set) {
        const char *w = r->indexreeks_p.tekst;
        path = w[0] == '/' ? w : join(l->ctx, r->dir, w);
        if (!is_file(path)) {
            const tarief_bron *b = &r->indexreeks_p.bron;
            tarief_ctx_error(l->ctx, b->file, b->line, b->column, NULL,
                             "indexreeks '%s' niet gevonden (gezocht: %s; een relatief pad geldt vanaf de regiomap)", w,
                             path);
            return;
        }
    } else {
        path = tarief_indexreeks_resolve(NULL);
        if (!is_file(path)) {
            const tarief_bron *b = &indexatie_setting(r, eerste)->bron;
            tarief_ctx_error(l->ctx, b->file, b->line, b->column, NULL,
                             "indexatie 'vng' rekent met een indexreeks, maar data/index/ova-ppc.csv (in de huidige map) en %s bestaan niet: zet 'indexreeks' in uitgangspunten.csv",
                             path);
            return;
        }
    }
    r->indexreeks = load_indexreeks_file(l, path, true);
}

/* Every product with indexatie;vng must be computable from the series. */
static void check_indexatie(loader *l)
{
    tarief_regio *r = l->r;
    if (!r->indexreeks)
        return;
    for (size_t i = 0; i < r->n_producten; i++) {
        const tarief_product *p = &r->producten[i];
        if (!uses_vng(r, p) || row_has_problem(l, p))
            continue;
        tarief_indexfout f = {0};
        if (!tarief_indexatie_vng_product(l->ctx, r, p, &f))
            report_once(l, f.msg, f.file, f.line, f.column, f.msg);
    }
}

/* --- overlay: an aanbieder map that holds only what differs ------------------ */

/*
 * tarief_load_options.overlay: a directory in the same formats, every file
 * optional, holding only what differs from the region. Merge rules (also in
 * docs/vergelijk-en-verschil.md, "Samenvoegregels"):
 *
 *   uitgangspunten.csv  every parameter it sets replaces the region's, one by
 *                       one; productiviteit and its six components are one
 *                       choice, so giving productiviteit drops the region's
 *                       components and giving a component drops the region's
 *                       productiviteit (the aanbieder's form wins).
 *                       `aanbieder` (or `regio`) names the aanbieder; `cao` is
 *                       the default CAO of the aanbieder's own functies rows;
 *                       `tariefjaar`, when given, must equal the region's.
 *   functies.csv        a row replaces the region's functie of the same name
 *                       (in every functiemix that uses it) or adds a new one;
 *                       a row without cao takes the aanbieder's `cao`, else
 *                       the region's.
 *   functiemix.csv      the rows of a product replace that product's whole
 *                       mix (and must again sum to 100 %).
 *   producten.csv       a row changes the region's product with the same
 *                       code: every non-empty cell wins, with the same
 *                       productiviteit rule per product; `eenheid`, when
 *                       given, must equal the region's; an unknown code is
 *                       an error (there is nothing to compare it with).
 *
 * The files are read by the region's own readers (read_uitgangspunten,
 * read_functies, load_producten, load_functiemix, given an aanbieder), so
 * every check of a region's row holds for an aanbieder's row too; only the
 * merging is here.
 */

/* Every parameter replaces the region's (productiviteit and its components
 * as one choice); the aanbieder's default cao goes into a. */
static void overlay_uitgangspunten(loader *l, const char *path, aanbieder *a)
{
    tarief_regio *r = l->r;
    uitgangspunten u;
    if (!read_uitgangspunten(l, path, a, &u))
        return;
    const tarief_param *ov = u.params;
    bool beide = productiviteit_en_onderdelen(l, u.t, ov);
    if (u.naam.set) {
        r->naam = u.naam.tekst;
        r->regio_p = u.naam;
    }
    overlay_params(r->params, ov);
    /* the merged uitgangspunten, for display: the region's lines with the
     * aanbieder's values, lines whose parameter was dropped left out, then
     * the aanbieder's own lines */
    tarief_regel *regels = tarief_ctx_alloc(l->ctx, (r->n_regels + u.n_regels + 1) * sizeof *regels);
    size_t n_regels = 0;
    for (size_t k = 0; k < r->n_regels; k++) {
        const tarief_regel *rg = &r->regels[k];
        if (rg->param >= 0 && !r->params[rg->param].set)
            continue;
        bool vervangen = false;
        for (size_t j = 0; j < u.n_regels; j++)
            if (strcasecmp(u.regels[j].naam, rg->naam) == 0 ||
                (strcasecmp(rg->naam, "regio") == 0 && strcasecmp(u.regels[j].naam, "aanbieder") == 0))
                vervangen = true;
        if (!vervangen)
            regels[n_regels++] = *rg;
    }
    for (size_t j = 0; j < u.n_regels; j++)
        regels[n_regels++] = u.regels[j];
    r->regels = regels;
    r->n_regels = n_regels;

    /* the merged region must still be computable */
    double sum = 0;
    int last = -1;
    for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
        if (r->params[TARIEF_P_COMPONENT_FIRST + k].set) {
            sum += r->params[TARIEF_P_COMPONENT_FIRST + k].waarde;
            if (ov[TARIEF_P_COMPONENT_FIRST + k].set)
                last = TARIEF_P_COMPONENT_FIRST + k;
        }
    if (!beide && last >= 0 && !(1 - sum > 0)) {
        char b[32];
        const tarief_param *p = &r->params[last];
        tarief_ctx_error(l->ctx, p->bron.file, p->bron.line, p->bron.column, line_of(u.t, p->bron.line),
                         "de niet-productieve onderdelen zijn samen met die van de regio %s: de productiviteit moet groter dan 0 %% zijn",
                         tarief_fmt_pct(b, sizeof b, sum));
    }
    if (ov[TARIEF_P_OVERHEAD].set || ov[TARIEF_P_OVERHEAD_GRONDSLAG].set)
        check_overhead_aandeel(l, u.t, r->params,
                               ov[TARIEF_P_OVERHEAD].set ? &r->params[TARIEF_P_OVERHEAD].bron
                                                         : &r->params[TARIEF_P_OVERHEAD_GRONDSLAG].bron);
}

/* A row replaces the region's functie of the same name, in every functiemix
 * that uses it, or adds a new one. */
static void overlay_functies(loader *l, const char *path, const aanbieder *a)
{
    tarief_regio *r = l->r;
    functies eigen;
    if (!read_functies(l, path, a, &eigen))
        return;
    /* a new array: replaced functies keep their index, new ones are added;
     * the mix rows are pointed into it below */
    tarief_functie *oud = r->functies;
    tarief_functie *nf = tarief_ctx_alloc(l->ctx, (r->n_functies + eigen.n + 1) * sizeof *nf);
    if (r->n_functies)
        memcpy(nf, oud, r->n_functies * sizeof *nf);
    size_t n = r->n_functies;
    for (size_t i = 0; i < eigen.n; i++) {
        tarief_functie *bestaand = tmap_get(&l->functies, eigen.f[i].naam);
        if (bestaand && bestaand >= oud && bestaand < oud + r->n_functies)
            nf[bestaand - oud] = eigen.f[i];
        else
            nf[n++] = eigen.f[i];
    }
    /* point every mix row and the name index at the new array */
    for (size_t i = 0; i < r->n_producten; i++)
        for (size_t j = 0; j < r->producten[i].n_mix; j++) {
            const tarief_functie *mf = r->producten[i].mix[j].functie;
            if (mf && mf >= oud && mf < oud + r->n_functies)
                r->producten[i].mix[j].functie = nf + (mf - oud);
        }
    tmap_init(l->ctx, &l->functies, n);
    for (size_t k = 0; k < n; k++)
        tmap_put(l->ctx, &l->functies, nf[k].naam, &nf[k]);
    r->functies = nf;
    r->n_functies = n;
}

static void load_overlay(loader *l, const char *dir)
{
    if (!is_dir(dir)) {
        tarief_ctx_error(l->ctx, dir, 1, 1, NULL,
                         "aanbiedermap niet gevonden (verwacht een map met de bestanden die afwijken van de regio: uitgangspunten.csv, functies.csv, functiemix.csv en/of producten.csv)");
        return;
    }
    aanbieder ov = {0};
    overlay_uitgangspunten(l, join(l->ctx, dir, "uitgangspunten.csv"), &ov);
    overlay_functies(l, join(l->ctx, dir, "functies.csv"), &ov);
    load_producten(l, join(l->ctx, dir, "producten.csv"), &ov);
    load_functiemix(l, join(l->ctx, dir, "functiemix.csv"), &ov);
}

/* --- entry point ------------------------------------------------------------- */

const tarief_regio *tarief_load_regio(tarief_ctx *ctx, const char *dir, const tarief_load_options *opts)
{
    tarief_load_options def = {0};
    if (!opts)
        opts = &def;
    loader l = {.ctx = ctx};
    tarief_regio *r = tarief_ctx_alloc(ctx, sizeof *r);
    l.r = r;
    l.cao_map = tarief_cao_map_resolve(opts->cao_map);
    size_t before = n_errors(&l);
    tmap_init(ctx, &l.caos, 8);
    tmap_init(ctx, &l.cao_failed, 8);
    tmap_init(ctx, &l.reported, 8);
    r->dir = tarief_ctx_strdup(ctx, dir);
    if (!is_dir(dir)) {
        tarief_ctx_error(ctx, dir, 1, 1, NULL, "regiomap niet gevonden (verwacht een map met uitgangspunten.csv, functies.csv, producten.csv en functiemix.csv)");
        return NULL;
    }
    r->uitgangspunten_file = join(ctx, dir, "uitgangspunten.csv");
    r->functies_file = join(ctx, dir, "functies.csv");
    r->producten_file = join(ctx, dir, "producten.csv");
    r->functiemix_file = join(ctx, dir, "functiemix.csv");

    load_uitgangspunten(&l);
    load_functies(&l);
    load_producten(&l, r->producten_file, NULL);
    load_functiemix(&l, r->functiemix_file, NULL);
    if (opts->overlay)
        load_overlay(&l, opts->overlay);
    load_indexreeks(&l);
    /* The cross-file checks run even when a file had problems, so every
     * problem is reported at once; they skip what could not be read
     * (a functie without cao, a mix row without functie). */
    check_products(&l);
    check_indexatie(&l);

    r->bestanden = l.files;
    r->n_bestanden = l.n_files;
    tmap *ix = tarief_ctx_alloc(ctx, sizeof *ix);
    *ix = l.producten;
    r->index_ = ix;
    if (n_errors(&l) != before)
        return NULL;
    return r;
}

const tarief_product *tarief_regio_product(const tarief_regio *r, const char *code)
{
    if (!r->index_)
        return NULL;
    return tmap_get((const tmap *)r->index_, code);
}
