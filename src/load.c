/*
 * load.c - read and validate a region (rekenmethode §1-2).
 *
 * Every problem in every file is recorded before the loader gives up, so
 * the user sees all of them at once.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "internal.h"
#include "sha256.h"

typedef struct loader {
    tarief_ctx *ctx;
    tarief_regio *r;
    const char *cao_map;
    tmap caos;        /* id -> tarief_cao* (NULL value stored as sentinel) */
    tmap cao_failed;  /* id -> non-NULL when loading failed */
    tmap functies;    /* naam -> tarief_functie* */
    tmap producten;   /* code -> tarief_product* */
    tmap reported;    /* messages reported once */
    const tarief_csv *producten_csv; /* to echo a product's line in later checks */
    size_t errors_before;
    /* growable list of files read */
    tarief_invoerbestand *files;
    size_t n_files, cap_files;
} loader;

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
        char *end;
        long y = strtol(cell->text, &end, 10);
        if (*end || y < 1900 || y > 2200 || !isdigit((unsigned char)cell->text[0])) {
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
            for (size_t i = 0; i < t->n_rows; i++) {
                const tarief_csv_row *row = &t->rows[i];
                if (!check_extra_fields(l, t, row))
                    continue;
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
            tmap seen;
            tmap_init(l->ctx, &seen, t->n_rows);
            for (size_t i = 0; i < t->n_rows; i++) {
                const tarief_csv_row *row = &t->rows[i];
                if (!check_extra_fields(l, t, row))
                    continue;
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
                char *key = tarief_ctx_printf(l->ctx, "%s\x1f%s", sc->text, tc->text);
                tarief_salaris *s = &c->salarissen[c->n_salarissen];
                tarief_salaris *prev = tmap_put(l->ctx, &seen, key, s);
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
    return TARIEF_DATADIR "/cao";
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

static void load_uitgangspunten(loader *l)
{
    tarief_regio *r = l->r;
    const tarief_csv *t = read_csv(l, r->uitgangspunten_file, true);
    if (!t)
        return;
    static const colspec spec[] = {{"parameter", true}, {"waarde", true}};
    columns cols;
    if (!map_columns(l, t, spec, 2, &cols, "uitgangspunten.csv"))
        return;
    const char *names[TARIEF_P_COUNT + 4];
    size_t nn = 0;
    names[nn++] = "regio";
    names[nn++] = "tariefjaar";
    names[nn++] = "cao";
    names[nn++] = "indexreeks";
    for (int i = 0; i < TARIEF_P_COUNT; i++)
        names[nn++] = tarief_param_info_get((tarief_param_id)i)->naam;
    r->regels = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *r->regels);
    const tarief_csv_cell *cao_cell = NULL;
    const tarief_csv_row *cao_row = NULL;
    for (size_t i = 0; i < t->n_rows; i++) {
        const tarief_csv_row *row = &t->rows[i];
        if (!check_extra_fields(l, t, row))
            continue;
        const tarief_csv_cell *pc = cell_at(row, cols.idx[0]);
        const tarief_csv_cell *vc = cell_at(row, cols.idx[1]);
        int id = -2;
        if (strcasecmp(pc->text, "regio") == 0)
            id = -10;
        else if (strcasecmp(pc->text, "tariefjaar") == 0)
            id = -11;
        else if (strcasecmp(pc->text, "cao") == 0)
            id = -12;
        else if (strcasecmp(pc->text, "indexreeks") == 0)
            id = -13; /* region-wide only: a path, relative to the region directory */
        else
            id = tarief_param_lookup(pc->text);
        if (id == -1) {
            const char *s = suggest(pc->text, names, nn);
            if (s)
                tarief_ctx_error(l->ctx, t->path, pc->line ? pc->line : row->line, pc->line ? pc->column : 1,
                                 row->source_line, "onbekende parameter '%s'; bedoelt u '%s'?", pc->text, s);
            else
                tarief_ctx_error(l->ctx, t->path, pc->line ? pc->line : row->line, pc->line ? pc->column : 1,
                                 row->source_line, "onbekende parameter '%s' (zie rekenmethode §2.2 voor de bekende parameters)",
                                 pc->text);
            continue;
        }
        /* duplicates */
        bool dup = false;
        for (size_t k = 0; k < r->n_regels; k++) {
            if (strcasecmp(r->regels[k].naam, pc->text) == 0) {
                tarief_ctx_error(l->ctx, t->path, pc->line, pc->column, row->source_line,
                                 "parameter '%s' staat er twee keer in (eerder op regel %d)", pc->text,
                                 r->regels[k].bron.line);
                dup = true;
            }
        }
        if (dup)
            continue;
        tarief_regel *rg = &r->regels[r->n_regels++];
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
        if (id == -10) {
            r->naam = vc->text;
            r->regio_p = simple;
        } else if (id == -11) {
            char *end;
            long y = strtol(vc->text, &end, 10);
            if (*end || y < 1900 || y > 2200 || !isdigit((unsigned char)vc->text[0])) {
                tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                                 "ongeldig tariefjaar '%s': verwacht een jaartal zoals 2025", vc->text);
                continue;
            }
            r->tariefjaar = (int)y;
            simple.waarde = (double)y;
            r->tariefjaar_p = simple;
        } else if (id == -12) {
            r->cao_p = simple;
            cao_cell = vc;
            cao_row = row;
        } else if (id == -13) {
            r->indexreeks_p = simple;
        } else {
            parse_param_cell(l, t, row, vc, id, cols.bron, &r->params[id]);
        }
    }
    /* a parameter whose line is there but invalid was reported on its line */
    if (!r->regio_p.set && !r->naam && !regel_given(r, "regio"))
        tarief_ctx_error(l->ctx, t->path, t->header.line, 1, NULL,
                         "verplichte parameter 'regio' ontbreekt (de naam van de regio)");
    if (!r->tariefjaar_p.set && !regel_given(r, "tariefjaar"))
        tarief_ctx_error(l->ctx, t->path, t->header.line, 1, NULL,
                         "verplichte parameter 'tariefjaar' ontbreekt (het jaar waarvoor de tarieven gelden)");
    /* productiviteit: either the percentage or its components, not both */
    bool comp = false;
    int first_comp = -1;
    for (int k = 0; k < TARIEF_P_COMPONENT_COUNT; k++)
        if (r->params[TARIEF_P_COMPONENT_FIRST + k].set) {
            comp = true;
            if (first_comp < 0)
                first_comp = TARIEF_P_COMPONENT_FIRST + k;
        }
    if (r->params[TARIEF_P_PRODUCTIVITEIT].set && comp) {
        const tarief_param *p = &r->params[first_comp];
        tarief_ctx_error(l->ctx, t->path, p->bron.line, 1, line_of(t, p->bron.line),
                         "geef óf productiviteit óf de niet-productieve onderdelen (verlof, verzuim, scholing, werkoverleg, indirecte_tijd, overig_niet_productief), niet allebei: productiviteit staat al op regel %d",
                         r->params[TARIEF_P_PRODUCTIVITEIT].bron.line);
    } else if (!r->params[TARIEF_P_PRODUCTIVITEIT].set && !comp && !productiviteit_given(r)) {
        tarief_ctx_error(l->ctx, t->path, t->header.line, 1, NULL,
                         "productiviteit ontbreekt: geef 'productiviteit' of één of meer niet-productieve onderdelen (verlof, verzuim, scholing, werkoverleg, indirecte_tijd, overig_niet_productief)");
    } else if (comp) {
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
    if (r->params[TARIEF_P_OVERHEAD_GRONDSLAG].set && r->params[TARIEF_P_OVERHEAD_GRONDSLAG].keuze == TARIEF_GRONDSLAG_AANDEEL &&
        r->params[TARIEF_P_OVERHEAD].set && !(r->params[TARIEF_P_OVERHEAD].waarde < 1)) {
        const tarief_param *p = &r->params[TARIEF_P_OVERHEAD];
        tarief_ctx_error(l->ctx, t->path, p->bron.line, p->bron.column, line_of(t, p->bron.line),
                         "overhead van %s kan niet als aandeel van de kostprijs: moet kleiner dan 100 %% zijn", p->tekst);
    }
    if (cao_cell)
        r->cao_standaard = get_cao(l, cao_cell->text, t, cao_row, cao_cell);
}

/* --- functies.csv ----------------------------------------------------------- */

static void load_functies(loader *l)
{
    tarief_regio *r = l->r;
    const tarief_csv *t = read_csv(l, r->functies_file, true);
    if (!t)
        return;
    enum { F_FUNCTIE, F_CAO, F_SCHAAL, F_TREDE, F_LOONKOSTEN };
    static const colspec spec[] = {{"functie", true}, {"cao", false}, {"schaal", false}, {"trede", false},
                                   {"loonkosten_per_uur", false}};
    columns cols;
    if (!map_columns(l, t, spec, 5, &cols, "functies.csv"))
        return;
    int oms = -1;
    for (size_t h = 0; h < t->header.n; h++)
        if (strcasecmp(t->header.cells[h].text, "omschrijving") == 0)
            oms = (int)h;
    r->functies = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *r->functies);
    tmap_init(l->ctx, &l->functies, t->n_rows);
    for (size_t i = 0; i < t->n_rows; i++) {
        const tarief_csv_row *row = &t->rows[i];
        if (!check_extra_fields(l, t, row))
            continue;
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
        tarief_functie *f = &r->functies[r->n_functies];
        f->naam = fc->text;
        f->omschrijving = oms >= 0 && cell_at(row, oms)->text[0] ? cell_at(row, oms)->text : NULL;
        f->bron = mkbron(t, row, fc, cols.bron);
        tarief_functie *prev = tmap_put(l->ctx, &l->functies, f->naam, f);
        if (prev) {
            tarief_ctx_error(l->ctx, t->path, fc->line, fc->column, row->source_line,
                             "functie '%s' staat er twee keer in (eerder op regel %d)", f->naam, prev->bron.line);
            continue;
        }
        r->n_functies++;
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
        } else if (r->cao_p.set) {
            cao = r->cao_standaard;
            f->cao_bron = r->cao_p.bron;
        } else {
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[F_CAO]), row->source_line,
                             "functie '%s' noemt geen cao en uitgangspunten.csv heeft geen standaard 'cao'", f->naam);
            continue;
        }
        if (!cao)
            continue; /* reported where the cao was named */
        f->cao = cao;
        for (size_t k = 0; k < cao->n_salarissen; k++) {
            if (strcmp(cao->salarissen[k].schaal, sc->text) == 0 && strcmp(cao->salarissen[k].trede, tc->text) == 0) {
                f->salaris = &cao->salarissen[k];
                break;
            }
        }
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
}

/* --- producten.csv ---------------------------------------------------------- */

enum { P_CODE, P_NAAM, P_EENHEID, P_UREN, P_BEGELEIDERS, P_GROEP, P_HUISVESTING, P_VERZORGING, P_FIXED };

static void load_producten(loader *l)
{
    tarief_regio *r = l->r;
    const tarief_csv *t = read_csv(l, r->producten_file, true);
    if (!t)
        return;
    l->producten_csv = t;
    colspec spec[P_FIXED + TARIEF_P_COUNT] = {
        {"code", true}, {"naam", true}, {"eenheid", true}, {"uren_per_eenheid", true},
        {"begeleiders", false}, {"groepsgrootte", false}, {"huisvesting", false}, {"verzorging", false}};
    for (int i = 0; i < TARIEF_P_COUNT; i++)
        spec[P_FIXED + i] = (colspec){tarief_param_info_get((tarief_param_id)i)->naam, false};
    columns cols;
    if (!map_columns(l, t, spec, P_FIXED + TARIEF_P_COUNT, &cols, "producten.csv"))
        return;
    for (int i = 0; i < TARIEF_P_COUNT; i++)
        r->product_kolom[i] = cols.idx[P_FIXED + i] >= 0;
    r->producten = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *r->producten);
    tmap_init(l->ctx, &l->producten, t->n_rows);
    for (size_t i = 0; i < t->n_rows; i++) {
        const tarief_csv_row *row = &t->rows[i];
        if (!check_extra_fields(l, t, row))
            continue;
        const tarief_csv_cell *cc = cell_at(row, cols.idx[P_CODE]);
        if (!cc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[P_CODE]), row->source_line,
                             "productcode ontbreekt");
            continue;
        }
        tarief_product *p = &r->producten[r->n_producten];
        p->code = cc->text;
        p->bron = mkbron(t, row, cc, cols.bron);
        tarief_product *prev = tmap_put(l->ctx, &l->producten, p->code, p);
        if (prev) {
            tarief_ctx_error(l->ctx, t->path, cc->line, cc->column, row->source_line,
                             "productcode '%s' staat er twee keer in (eerder op regel %d)", p->code, prev->bron.line);
            continue;
        }
        r->n_producten++;
        const tarief_csv_cell *nc = cell_at(row, cols.idx[P_NAAM]);
        p->naam = nc->text;
        if (!nc->text[0])
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[P_NAAM]), row->source_line,
                             "naam van product '%s' ontbreekt", p->code);
        const tarief_csv_cell *ec = cell_at(row, cols.idx[P_EENHEID]);
        int e = -1;
        for (int k = 0; k <= TARIEF_EENHEID_STUK; k++)
            if (strcasecmp(ec->text, tarief_eenheid_naam((tarief_eenheid)k)) == 0)
                e = k;
        static const char *const eenheden[] = {"minuut", "uur", "dagdeel", "etmaal", "dag",
                                               "week", "maand", "traject", "stuk"};
        if (e < 0 && !ec->text[0])
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[P_EENHEID]), row->source_line,
                             "eenheid ontbreekt voor product '%s': kies minuut, uur, dagdeel, etmaal, dag, week, maand, traject of stuk",
                             p->code);
        else if (e < 0)
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[P_EENHEID]), row->source_line,
                             "onbekende eenheid '%s' voor product '%s'%s: kies minuut, uur, dagdeel, etmaal, dag, week, maand, traject of stuk",
                             ec->text, p->code, did_you_mean(l, ec->text, eenheden, 9));
        else
            p->eenheid = (tarief_eenheid)e;

        struct { int col; tarief_param *dst; const char *name; double def; bool positive; } nums[] = {
            {P_UREN, &p->uren_per_eenheid, "uren_per_eenheid", 0, true},
            {P_BEGELEIDERS, &p->begeleiders, "begeleiders", 1, true},
            {P_GROEP, &p->groepsgrootte, "groepsgrootte", 1, true},
            {P_HUISVESTING, &p->huisvesting, "huisvesting", 0, false},
            {P_VERZORGING, &p->verzorging, "verzorging", 0, false},
        };
        for (size_t k = 0; k < sizeof nums / sizeof *nums; k++) {
            const tarief_csv_cell *vc = cell_at(row, cols.idx[nums[k].col]);
            nums[k].dst->waarde = nums[k].def;
            if (!vc->text[0]) {
                if (nums[k].col == P_UREN)
                    tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[P_UREN]), row->source_line,
                                     "uren_per_eenheid ontbreekt voor product '%s'", p->code);
                continue;
            }
            double v;
            if (!parse_num_cell(l, t, row, vc, false, nums[k].name, &v))
                continue;
            if (nums[k].positive ? !(v > 0) : !(v >= 0)) {
                tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                                 "%s moet %s zijn, gevonden '%s'", nums[k].name,
                                 nums[k].positive ? "groter dan 0" : "0 of meer", vc->text);
                continue;
            }
            *nums[k].dst = (tarief_param){true, v, 0, vc->text, mkbron(t, row, vc, cols.bron)};
        }
        for (int k = 0; k < TARIEF_P_COUNT; k++) {
            const tarief_csv_cell *vc = cell_at(row, cols.idx[P_FIXED + k]);
            if (vc->text[0])
                parse_param_cell(l, t, row, vc, k, cols.bron, &p->params[k]);
        }
    }
    /* no rows at all: tariffs for nothing are surely a mistake (all commented out?) */
    if (t->n_rows == 0)
        tarief_ctx_error(l->ctx, t->path, t->header.line, 1, t->header.source_line,
                         "producten.csv bevat geen producten: voeg onder de kopregel één regel per productkaart toe");
}

/* --- functiemix.csv ---------------------------------------------------------- */

static void load_functiemix(loader *l)
{
    tarief_regio *r = l->r;
    const tarief_csv *t = read_csv(l, r->functiemix_file, true);
    if (!t)
        return;
    static const colspec spec[] = {{"product", true}, {"functie", true}, {"percentage", true}};
    columns cols;
    if (!map_columns(l, t, spec, 3, &cols, "functiemix.csv"))
        return;
    /* count per product first, then fill */
    size_t *count = calloc(r->n_producten + 1, sizeof *count);
    const tarief_csv_row **last = calloc(r->n_producten + 1, sizeof *last);
    tarief_product **prod = calloc(t->n_rows + 1, sizeof *prod);
    for (size_t i = 0; i < t->n_rows; i++) {
        const tarief_csv_row *row = &t->rows[i];
        if (!check_extra_fields(l, t, row))
            continue;
        const tarief_csv_cell *pc = cell_at(row, cols.idx[0]);
        tarief_product *p = tmap_get(&l->producten, pc->text);
        if (!p) {
            if (!pc->text[0])
                tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[0]), row->source_line,
                                 "productcode ontbreekt");
            else if (l->producten.cap)
                tarief_ctx_error(l->ctx, t->path, pc->line, pc->column, row->source_line,
                                 "onbekend product '%s': staat niet in producten.csv%s", pc->text,
                                 same_but_case(l, pc->text, &l->producten));
            continue;
        }
        prod[i] = p;
        count[p - r->producten]++;
        last[p - r->producten] = row;
    }
    for (size_t k = 0; k < r->n_producten; k++) {
        r->producten[k].mix = tarief_ctx_alloc(l->ctx, (count[k] + 1) * sizeof(tarief_mix));
    }
    for (size_t i = 0; i < t->n_rows; i++) {
        tarief_product *p = prod[i];
        if (!p)
            continue;
        const tarief_csv_row *row = &t->rows[i];
        const tarief_csv_cell *fc = cell_at(row, cols.idx[1]);
        const tarief_csv_cell *vc = cell_at(row, cols.idx[2]);
        tarief_functie *f = tmap_get(&l->functies, fc->text);
        bool ok = true;
        if (!f) {
            if (!fc->text[0])
                tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[1]), row->source_line,
                                 "functie ontbreekt");
            else if (l->functies.cap)
                tarief_ctx_error(l->ctx, t->path, fc->line, fc->column, row->source_line,
                                 "onbekende functie '%s': staat niet in functies.csv%s", fc->text,
                                 did_you_mean(l, fc->text, l->functies.keys, l->functies.cap));
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
        for (size_t k = 0; ok && k < p->n_mix; k++) {
            if (p->mix[k].functie == f) {
                tarief_ctx_error(l->ctx, t->path, fc->line, fc->column, row->source_line,
                                 "functie '%s' staat twee keer in de functiemix van product '%s' (eerder op regel %d)",
                                 f->naam, p->code, p->mix[k].bron.line);
                ok = false;
            }
        }
        /* a functie whose row is broken is still counted for the sum */
        tarief_mix *m = &p->mix[p->n_mix++];
        m->functie = ok ? f : NULL;
        m->aandeel = v;
        m->tekst = vc->text;
        m->bron = mkbron(t, row, vc, cols.bron);
        if (!pct_ok)
            m->aandeel = NAN;
    }
    for (size_t k = 0; k < r->n_producten; k++) {
        tarief_product *p = &r->producten[k];
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
    free(count);
    free(last);
    free(prod);
}

/* --- per-product resolution checks ------------------------------------------- */

static void report_once(loader *l, const char *key, const char *file, int line, int col, const char *msg)
{
    if (tmap_get(&l->reported, key))
        return;
    tmap_put(l->ctx, &l->reported, tarief_ctx_strdup(l->ctx, key), (void *)1);
    tarief_ctx_error(l->ctx, file, line, col, NULL, "%s", msg);
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
                             "product '%s' zet het niet-productieve onderdeel '%s', maar de regio rekent met 'productiviteit' (uitgangspunten.csv regel %d): zet voor dit product 'productiviteit'",
                             p->code, tarief_param_info_get((tarief_param_id)first_comp)->naam,
                             r->params[TARIEF_P_PRODUCTIVITEIT].bron.line);
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
                report_once(l, key, r->uitgangspunten_file, 1, 1, msg);
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
    return TARIEF_DATADIR "/index/ova-ppc.csv";
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
    for (size_t i = 0; i < t->n_rows; i++) {
        const tarief_csv_row *row = &t->rows[i];
        if (!check_extra_fields(l, t, row))
            continue;
        const tarief_csv_cell *jc = cell_at(row, cols.idx[I_JAAR]);
        if (!jc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[I_JAAR]), row->source_line,
                             "jaar ontbreekt");
            continue;
        }
        char *end;
        long y = strtol(jc->text, &end, 10);
        if (*end || y < 1900 || y > 2200 || !isdigit((unsigned char)jc->text[0])) {
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
        if (!uses_vng(r, p))
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
 */

static bool overlay_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Merge one level's parameters (region or product) with the overlay's. */
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

/* Returns the aanbieder's default CAO (or NULL) in *cao, its line in *cao_bron. */
static void overlay_uitgangspunten(loader *l, const char *path, const tarief_cao **cao, tarief_bron *cao_bron)
{
    tarief_regio *r = l->r;
    if (!overlay_file(path))
        return;
    const tarief_csv *t = read_csv(l, path, true);
    if (!t)
        return;
    static const colspec spec[] = {{"parameter", true}, {"waarde", true}};
    columns cols;
    if (!map_columns(l, t, spec, 2, &cols, "uitgangspunten.csv van de aanbieder"))
        return;
    tarief_param ov[TARIEF_P_COUNT];
    memset(ov, 0, sizeof ov);
    tarief_regel *regels = tarief_ctx_alloc(l->ctx, (r->n_regels + t->n_rows + 1) * sizeof *regels);
    size_t n_regels = 0;
    tarief_regel *eigen = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *eigen);
    size_t n_eigen = 0;
    for (size_t i = 0; i < t->n_rows; i++) {
        const tarief_csv_row *row = &t->rows[i];
        if (!check_extra_fields(l, t, row))
            continue;
        const tarief_csv_cell *pc = cell_at(row, cols.idx[0]);
        const tarief_csv_cell *vc = cell_at(row, cols.idx[1]);
        int id;
        if (strcasecmp(pc->text, "aanbieder") == 0 || strcasecmp(pc->text, "regio") == 0)
            id = -10;
        else if (strcasecmp(pc->text, "tariefjaar") == 0)
            id = -11;
        else if (strcasecmp(pc->text, "cao") == 0)
            id = -12;
        else
            id = tarief_param_lookup(pc->text);
        if (id == -1) {
            tarief_ctx_error(l->ctx, t->path, pc->line ? pc->line : row->line, pc->line ? pc->column : 1,
                             row->source_line,
                             "onbekende parameter '%s' (een aanbieder kan 'aanbieder', 'cao' en de parameters van rekenmethode §2.2 zetten)",
                             pc->text);
            continue;
        }
        bool dup = false;
        for (size_t k = 0; k < n_eigen; k++)
            if (strcasecmp(eigen[k].naam, pc->text) == 0 ||
                (id == -10 && (strcasecmp(eigen[k].naam, "aanbieder") == 0 || strcasecmp(eigen[k].naam, "regio") == 0))) {
                tarief_ctx_error(l->ctx, t->path, pc->line, pc->column, row->source_line,
                                 "parameter '%s' staat er twee keer in (eerder op regel %d)", pc->text,
                                 eigen[k].bron.line);
                dup = true;
                break;
            }
        if (dup)
            continue;
        tarief_regel *rg = &eigen[n_eigen++];
        rg->naam = pc->text;
        rg->waarde = vc->text;
        rg->param = id >= 0 ? id : -1;
        rg->bron = mkbron(t, row, vc, cols.bron);
        if (!vc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[1]), row->source_line,
                             "waarde ontbreekt voor parameter '%s'", pc->text);
            continue;
        }
        if (id == -10) {
            r->naam = vc->text;
            r->regio_p = (tarief_param){true, 0, 0, vc->text, rg->bron};
        } else if (id == -11) {
            char *end;
            long y = strtol(vc->text, &end, 10);
            if (*end || y != r->tariefjaar)
                tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                                 "tariefjaar '%s' van de aanbieder wijkt af van dat van de regio (%d): vergelijk tarieven van hetzelfde jaar",
                                 vc->text, r->tariefjaar);
        } else if (id == -12) {
            *cao = get_cao(l, vc->text, t, row, vc);
            *cao_bron = rg->bron;
        } else {
            parse_param_cell(l, t, row, vc, id, cols.bron, &ov[id]);
        }
    }
    overlay_params(r->params, ov);

    /* the merged uitgangspunten, for display: the region's lines with the
     * aanbieder's values, lines whose parameter was dropped left out, then
     * the aanbieder's own lines */
    for (size_t k = 0; k < r->n_regels; k++) {
        const tarief_regel *rg = &r->regels[k];
        if (rg->param >= 0 && !r->params[rg->param].set)
            continue;
        bool vervangen = false;
        for (size_t j = 0; j < n_eigen; j++)
            if (strcasecmp(eigen[j].naam, rg->naam) == 0 ||
                (strcasecmp(rg->naam, "regio") == 0 && strcasecmp(eigen[j].naam, "aanbieder") == 0))
                vervangen = true;
        if (!vervangen)
            regels[n_regels++] = *rg;
    }
    for (size_t j = 0; j < n_eigen; j++)
        regels[n_regels++] = eigen[j];
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
    if (last >= 0 && !(1 - sum > 0)) {
        char b[32];
        const tarief_param *p = &r->params[last];
        tarief_ctx_error(l->ctx, p->bron.file, p->bron.line, p->bron.column, NULL,
                         "de niet-productieve onderdelen zijn samen met die van de regio %s: de productiviteit moet groter dan 0 %% zijn",
                         tarief_fmt_pct(b, sizeof b, sum));
    }
    if ((ov[TARIEF_P_OVERHEAD].set || ov[TARIEF_P_OVERHEAD_GRONDSLAG].set) &&
        r->params[TARIEF_P_OVERHEAD_GRONDSLAG].keuze == TARIEF_GRONDSLAG_AANDEEL &&
        !(r->params[TARIEF_P_OVERHEAD].waarde < 1)) {
        const tarief_param *p = ov[TARIEF_P_OVERHEAD].set ? &r->params[TARIEF_P_OVERHEAD]
                                                          : &r->params[TARIEF_P_OVERHEAD_GRONDSLAG];
        tarief_ctx_error(l->ctx, p->bron.file, p->bron.line, p->bron.column, NULL,
                         "overhead van %s kan niet als aandeel van de kostprijs: moet kleiner dan 100 %% zijn",
                         r->params[TARIEF_P_OVERHEAD].tekst ? r->params[TARIEF_P_OVERHEAD].tekst : "0");
    }
}

static void overlay_functies(loader *l, const char *path, const tarief_cao *cao_standaard,
                             tarief_bron cao_standaard_bron)
{
    tarief_regio *r = l->r;
    if (!overlay_file(path))
        return;
    const tarief_csv *t = read_csv(l, path, true);
    if (!t)
        return;
    enum { F_FUNCTIE, F_CAO, F_SCHAAL, F_TREDE, F_LOONKOSTEN };
    static const colspec spec[] = {{"functie", true}, {"cao", false}, {"schaal", false}, {"trede", false},
                                   {"loonkosten_per_uur", false}};
    columns cols;
    if (!map_columns(l, t, spec, 5, &cols, "functies.csv van de aanbieder"))
        return;
    int oms = -1;
    for (size_t h = 0; h < t->header.n; h++)
        if (strcasecmp(t->header.cells[h].text, "omschrijving") == 0)
            oms = (int)h;
    /* a new array: replaced functies keep their index, new ones are added;
     * the mix rows are pointed into it below */
    tarief_functie *oud = r->functies;
    tarief_functie *nf = tarief_ctx_alloc(l->ctx, (r->n_functies + t->n_rows + 1) * sizeof *nf);
    if (r->n_functies)
        memcpy(nf, oud, r->n_functies * sizeof *nf);
    size_t n = r->n_functies;
    tmap eigen;
    tmap_init(l->ctx, &eigen, t->n_rows);
    for (size_t i = 0; i < t->n_rows; i++) {
        const tarief_csv_row *row = &t->rows[i];
        if (!check_extra_fields(l, t, row))
            continue;
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
        tarief_functie f = {0};
        f.naam = fc->text;
        f.omschrijving = oms >= 0 && cell_at(row, oms)->text[0] ? cell_at(row, oms)->text : NULL;
        f.bron = mkbron(t, row, fc, cols.bron);
        if (tmap_put(l->ctx, &eigen, f.naam, (void *)row)) {
            tarief_ctx_error(l->ctx, t->path, fc->line, fc->column, row->source_line,
                             "functie '%s' staat er twee keer in", f.naam);
            continue;
        }
        bool has_schaal = sc->text[0] || tc->text[0];
        bool has_lk = lc->text[0] != '\0';
        if (has_schaal && has_lk) {
            tarief_ctx_error(l->ctx, t->path, lc->line, lc->column, row->source_line,
                             "functie '%s' heeft zowel schaal/trede als loonkosten_per_uur: geef er één van beide", f.naam);
            continue;
        }
        if (!has_schaal && !has_lk) {
            tarief_ctx_error(l->ctx, t->path, row->line,
                             cell_col(row, cols.idx[F_SCHAAL] >= 0 ? cols.idx[F_SCHAAL] : cols.idx[F_LOONKOSTEN]),
                             row->source_line,
                             "functie '%s' heeft geen salaris: geef schaal en trede (uit een cao) of loonkosten_per_uur", f.naam);
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
            f.loonkosten_per_uur = (tarief_param){true, v, 0, lc->text, mkbron(t, row, lc, cols.bron)};
        } else {
            if (!sc->text[0] || !tc->text[0]) {
                int idx = !sc->text[0] ? cols.idx[F_SCHAAL] : cols.idx[F_TREDE];
                tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, idx), row->source_line,
                                 "functie '%s': %s ontbreekt (schaal en trede horen bij elkaar)", f.naam,
                                 !sc->text[0] ? "schaal" : "trede");
                continue;
            }
            const tarief_cao *cao = NULL;
            if (cc->text[0]) {
                cao = get_cao(l, cc->text, t, row, cc);
                f.cao_bron = mkbron(t, row, cc, cols.bron);
            } else if (cao_standaard_bron.file) {
                cao = cao_standaard; /* NULL when it failed to load: reported there */
                f.cao_bron = cao_standaard_bron;
            } else if (r->cao_p.set) {
                cao = r->cao_standaard;
                f.cao_bron = r->cao_p.bron;
            } else {
                tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[F_CAO]), row->source_line,
                                 "functie '%s' noemt geen cao en de aanbieder en de regio hebben geen standaard 'cao'", f.naam);
                continue;
            }
            if (!cao)
                continue; /* reported where the cao was named */
            f.cao = cao;
            for (size_t k = 0; k < cao->n_salarissen; k++)
                if (strcmp(cao->salarissen[k].schaal, sc->text) == 0 && strcmp(cao->salarissen[k].trede, tc->text) == 0) {
                    f.salaris = &cao->salarissen[k];
                    break;
                }
            if (!f.salaris) {
                tarief_ctx_error(l->ctx, t->path, sc->line, sc->column, row->source_line,
                                 "schaal '%s' trede '%s' bestaat niet in cao '%s' (%s)", sc->text, tc->text, cao->id,
                                 cao->salaris_file);
                continue;
            }
        }
        tarief_functie *bestaand = tmap_get(&l->functies, f.naam);
        if (bestaand && bestaand >= oud && bestaand < oud + r->n_functies)
            nf[bestaand - oud] = f;
        else
            nf[n++] = f;
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

static void overlay_producten(loader *l, const char *path)
{
    tarief_regio *r = l->r;
    if (!overlay_file(path))
        return;
    const tarief_csv *t = read_csv(l, path, true);
    if (!t)
        return;
    colspec spec[P_FIXED + TARIEF_P_COUNT] = {
        {"code", true}, {"naam", false}, {"eenheid", false}, {"uren_per_eenheid", false},
        {"begeleiders", false}, {"groepsgrootte", false}, {"huisvesting", false}, {"verzorging", false}};
    for (int i = 0; i < TARIEF_P_COUNT; i++)
        spec[P_FIXED + i] = (colspec){tarief_param_info_get((tarief_param_id)i)->naam, false};
    columns cols;
    if (!map_columns(l, t, spec, P_FIXED + TARIEF_P_COUNT, &cols, "producten.csv van de aanbieder"))
        return;
    for (int i = 0; i < TARIEF_P_COUNT; i++)
        if (cols.idx[P_FIXED + i] >= 0)
            r->product_kolom[i] = true;
    tmap eigen;
    tmap_init(l->ctx, &eigen, t->n_rows);
    for (size_t i = 0; i < t->n_rows; i++) {
        const tarief_csv_row *row = &t->rows[i];
        if (!check_extra_fields(l, t, row))
            continue;
        const tarief_csv_cell *cc = cell_at(row, cols.idx[P_CODE]);
        if (!cc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, cell_col(row, cols.idx[P_CODE]), row->source_line,
                             "productcode ontbreekt");
            continue;
        }
        tarief_product *p = tmap_get(&l->producten, cc->text);
        if (!p) {
            tarief_ctx_error(l->ctx, t->path, cc->line, cc->column, row->source_line,
                             "product '%s' staat niet in producten.csv van de regio: een aanbieder kan alleen producten van de regio anders invullen",
                             cc->text);
            continue;
        }
        if (tmap_put(l->ctx, &eigen, cc->text, (void *)row)) {
            tarief_ctx_error(l->ctx, t->path, cc->line, cc->column, row->source_line,
                             "productcode '%s' staat er twee keer in", cc->text);
            continue;
        }
        const tarief_csv_cell *nc = cell_at(row, cols.idx[P_NAAM]);
        if (nc->text[0])
            p->naam = nc->text;
        const tarief_csv_cell *ec = cell_at(row, cols.idx[P_EENHEID]);
        if (ec->text[0] && strcasecmp(ec->text, tarief_eenheid_naam(p->eenheid)) != 0)
            tarief_ctx_error(l->ctx, t->path, ec->line, ec->column, row->source_line,
                             "eenheid '%s' van product '%s' wijkt af van die van de regio (%s): een tarief per andere eenheid is niet te vergelijken",
                             ec->text, p->code, tarief_eenheid_naam(p->eenheid));
        struct { int col; tarief_param *dst; const char *name; bool positive; } nums[] = {
            {P_UREN, &p->uren_per_eenheid, "uren_per_eenheid", true},
            {P_BEGELEIDERS, &p->begeleiders, "begeleiders", true},
            {P_GROEP, &p->groepsgrootte, "groepsgrootte", true},
            {P_HUISVESTING, &p->huisvesting, "huisvesting", false},
            {P_VERZORGING, &p->verzorging, "verzorging", false},
        };
        for (size_t k = 0; k < sizeof nums / sizeof *nums; k++) {
            const tarief_csv_cell *vc = cell_at(row, cols.idx[nums[k].col]);
            if (!vc->text[0])
                continue;
            double v;
            if (!parse_num_cell(l, t, row, vc, false, nums[k].name, &v))
                continue;
            if (nums[k].positive ? !(v > 0) : !(v >= 0)) {
                tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                                 "%s moet %s zijn, gevonden '%s'", nums[k].name,
                                 nums[k].positive ? "groter dan 0" : "0 of meer", vc->text);
                continue;
            }
            *nums[k].dst = (tarief_param){true, v, 0, vc->text, mkbron(t, row, vc, cols.bron)};
        }
        tarief_param ov[TARIEF_P_COUNT];
        memset(ov, 0, sizeof ov);
        for (int k = 0; k < TARIEF_P_COUNT; k++) {
            const tarief_csv_cell *vc = cell_at(row, cols.idx[P_FIXED + k]);
            if (vc->text[0])
                parse_param_cell(l, t, row, vc, k, cols.bron, &ov[k]);
        }
        overlay_params(p->params, ov);
    }
}

static void overlay_functiemix(loader *l, const char *path)
{
    tarief_regio *r = l->r;
    if (!overlay_file(path))
        return;
    const tarief_csv *t = read_csv(l, path, true);
    if (!t)
        return;
    static const colspec spec[] = {{"product", true}, {"functie", true}, {"percentage", true}};
    columns cols;
    if (!map_columns(l, t, spec, 3, &cols, "functiemix.csv van de aanbieder"))
        return;
    size_t np = r->n_producten;
    size_t *count = calloc(np + 1, sizeof *count);
    bool *broken = calloc(np + 1, sizeof *broken);
    const tarief_csv_row **last = calloc(np + 1, sizeof *last);
    tarief_mix **mix = calloc(np + 1, sizeof *mix);
    tarief_product **prod = calloc(t->n_rows + 1, sizeof *prod);
    if (!count || !broken || !last || !mix || !prod) {
        tarief_ctx_error(l->ctx, t->path, 0, 0, NULL, "geen geheugen");
        goto done;
    }
    for (size_t i = 0; i < t->n_rows; i++) {
        const tarief_csv_row *row = &t->rows[i];
        if (!check_extra_fields(l, t, row))
            continue;
        const tarief_csv_cell *pc = cell_at(row, cols.idx[0]);
        tarief_product *p = tmap_get(&l->producten, pc->text);
        if (!p) {
            tarief_ctx_error(l->ctx, t->path, pc->line ? pc->line : row->line, pc->line ? pc->column : 1,
                             row->source_line, pc->text[0] ? "onbekend product '%s': staat niet in producten.csv van de regio"
                                                           : "productcode ontbreekt%s", pc->text);
            continue;
        }
        prod[i] = p;
        count[p - r->producten]++;
        last[p - r->producten] = row;
    }
    for (size_t k = 0; k < np; k++)
        if (count[k])
            mix[k] = tarief_ctx_alloc(l->ctx, count[k] * sizeof(tarief_mix));
    memset(count, 0, (np + 1) * sizeof *count);
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
            tarief_ctx_error(l->ctx, t->path, fc->line ? fc->line : row->line, fc->line ? fc->column : 1,
                             row->source_line,
                             fc->text[0] ? "onbekende functie '%s': staat niet in functies.csv van de aanbieder of de regio"
                                         : "functie ontbreekt%s", fc->text);
            ok = false;
        }
        double v = 0;
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
        }
        for (size_t j = 0; ok && j < count[k]; j++)
            if (mix[k][j].functie == f) {
                tarief_ctx_error(l->ctx, t->path, fc->line, fc->column, row->source_line,
                                 "functie '%s' staat twee keer in de functiemix van product '%s' (eerder op regel %d)",
                                 f->naam, p->code, mix[k][j].bron.line);
                ok = false;
            }
        if (!ok) {
            broken[k] = true;
            continue;
        }
        tarief_mix *m = &mix[k][count[k]++];
        m->functie = f;
        m->aandeel = v;
        m->tekst = vc->text;
        m->bron = mkbron(t, row, vc, cols.bron);
    }
    for (size_t k = 0; k < np; k++) {
        if (!mix[k] || broken[k])
            continue;
        double sum = 0;
        for (size_t j = 0; j < count[k]; j++)
            sum += mix[k][j].aandeel;
        if (fabs(sum - 1.0) > 0.0001 + 1e-12) {
            char b[32];
            tarief_ctx_error(l->ctx, t->path, last[k]->line, 1, last[k]->source_line,
                             "functiemix van product '%s' telt op tot %s in plaats van 100 %%",
                             r->producten[k].code, tarief_fmt_pct(b, sizeof b, sum));
            continue;
        }
        r->producten[k].mix = mix[k];
        r->producten[k].n_mix = count[k];
    }
done:
    free(count);
    free(broken);
    free(last);
    free(mix);
    free(prod);
}

static void load_overlay(loader *l, const char *dir)
{
    if (!is_dir(dir)) {
        tarief_ctx_error(l->ctx, dir, 1, 1, NULL,
                         "aanbiedermap niet gevonden (verwacht een map met de bestanden die afwijken van de regio: uitgangspunten.csv, functies.csv, functiemix.csv en/of producten.csv)");
        return;
    }
    const tarief_cao *cao = NULL;
    tarief_bron cao_bron = {0};
    overlay_uitgangspunten(l, join(l->ctx, dir, "uitgangspunten.csv"), &cao, &cao_bron);
    overlay_functies(l, join(l->ctx, dir, "functies.csv"), cao, cao_bron);
    overlay_producten(l, join(l->ctx, dir, "producten.csv"));
    overlay_functiemix(l, join(l->ctx, dir, "functiemix.csv"));
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
    load_producten(&l);
    load_functiemix(&l);
    if (opts->overlay)
        load_overlay(&l, opts->overlay);
    load_indexreeks(&l);
    if (n_errors(&l) == before) {
        check_products(&l);
        check_indexatie(&l);
    }

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
