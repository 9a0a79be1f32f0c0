/*
 * load_fields.c - the cells of a region's CSV files: header to columns,
 * cells, numbers and parameter values as people type them, and reading a
 * file (rekenmethode §1). Shared by every stage of loading and by
 * `controleer`.
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

#include "loader.h"
#include "sha256.h"

/* --- columns ------------------------------------------------------------- */

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
const char *ti_suggest(const char *word, const char *const *names, size_t n)
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
        size_t d = ti_edit_distance(low, name);
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
const char *ti_did_you_mean(loader *l, const char *word, const char *const *names, size_t n)
{
    const char *s = ti_suggest(word, names, n);
    return s ? ti_ctx_printf(l->ctx, " (bedoelt u '%s'?)", s) : "";
}

/* " (bedoelt u 'X'?)" when a key of m differs from word only in case: codes
 * are case-sensitive, and a near-miss code is more likely another product. */
const char *ti_same_but_case(loader *l, const char *word, const tmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i] && strcasecmp(m->keys[i], word) == 0)
            return ti_ctx_printf(l->ctx, " (bedoelt u '%s'?)", m->keys[i]);
    return "";
}

/* Map the header to the spec; report unknown, duplicate, missing columns. */
bool ti_map_columns(loader *l, const tarief_csv *t, const colspec *spec, size_t nspec,
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
            const char *s = ti_suggest(name, names, nn);
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

const tarief_csv_cell *ti_cell_at(const tarief_csv_row *row, int idx)
{
    static const tarief_csv_cell empty = {"", 0, 0};
    if (idx < 0 || (size_t)idx >= row->n)
        return &empty;
    return &row->cells[idx];
}

/* Column of a missing/empty cell: where it would be, or the end of the row. */
int ti_cell_col(const tarief_csv_row *row, int idx)
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
            char *key = ti_ctx_printf(l->ctx, "%s\x1fkolom %zu", t->path, i);
            if (ti_map_put(l->ctx, &l->reported, key, (void *)1))
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
const tarief_csv_row *ti_next_row(loader *l, const tarief_csv *t, const tarief_csv_row *prev)
{
    for (size_t i = prev ? (size_t)(prev - t->rows) + 1 : 0; i < t->n_rows; i++)
        if (check_extra_fields(l, t, &t->rows[i]))
            return &t->rows[i];
    return NULL;
}

tarief_bron ti_mkbron(const tarief_csv *t, const tarief_csv_row *row, const tarief_csv_cell *cell,
                          int bron_idx)
{
    tarief_bron b = {t->path, row->line, cell && cell->line ? cell->column : 1, NULL};
    if (cell && cell->line && cell->line != row->line)
        b.line = cell->line;
    const tarief_csv_cell *bc = ti_cell_at(row, bron_idx);
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

bool ti_parse_num_cell(loader *l, const tarief_csv *t, const tarief_csv_row *row,
                           const tarief_csv_cell *cell, bool percent, const char *name, double *out)
{
    if (tarief_parse_number(cell->text, t->delim, percent, out))
        return true;
    const char *txt = cell->text;
    const char *dot = strchr(txt, '.');
    double v;
    if (!txt[0]) {
        tarief_ctx_error(l->ctx, t->path, row->line, cell->line ? cell->column : ti_cell_col(row, -1), row->source_line,
                         "waarde ontbreekt voor %s: %s", name, number_hint(t->delim));
    } else if (t->delim == ';' && dot && !strchr(txt, ',') && !strchr(dot + 1, '.') &&
               tarief_parse_number(ti_ctx_printf(l->ctx, "%.*s,%s", (int)(dot - txt), txt, dot + 1), ';', percent, &v)) {
        /* a decimal point where a comma belongs: 0.08 is not silently 8 */
        const char *fix = ti_ctx_printf(l->ctx, "%.*s,%s", (int)(dot - txt), txt, dot + 1);
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
bool ti_parse_jaar(const char *s, long *y)
{
    char *end;
    *y = strtol(s, &end, 10);
    return !*end && *y >= 1900 && *y <= 2200 && isdigit((unsigned char)s[0]);
}

bool ti_parse_param_cell(loader *l, const tarief_csv *t, const tarief_csv_row *row,
                             const tarief_csv_cell *cell, int id, int bron_idx, tarief_param *out)
{
    const tarief_param_info *info = tarief_param_info_get((tarief_param_id)id);
    tarief_param p = {0};
    p.tekst = cell->text;
    p.bron = ti_mkbron(t, row, cell, bron_idx);
    if (info->soort == TARIEF_SOORT_KEUZE) {
        int k = -1;
        if (id == TARIEF_P_AFRONDING) {
            k = ti_afronding_lookup(cell->text);
            if (k < 0) {
                const char *const *namen = ti_afronding_namen();
                const char *keuzes = namen[0];
                for (int i = 1; i < TI_AFRONDING_COUNT; i++)
                    keuzes = ti_ctx_printf(l->ctx, "%s%s%s", keuzes, i + 1 < TI_AFRONDING_COUNT ? ", " : " of ",
                                               namen[i]);
                tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                                 "onbekende afronding '%s'%s: kies %s", cell->text,
                                 ti_did_you_mean(l, cell->text, namen, TI_AFRONDING_COUNT), keuzes);
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
                                 ti_did_you_mean(l, cell->text, namen, 2));
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
        if (!ti_parse_jaar(cell->text, &y)) {
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
    if (!ti_parse_num_cell(l, t, row, cell, info->soort == TARIEF_SOORT_PERCENTAGE, info->naam, &v))
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
    } else if (id == TARIEF_P_PGB_PROFESSIONEEL || id == TARIEF_P_PGB_INFORMEEL) {
        if (!(v > 0 && v <= 1)) {
            tarief_ctx_error(l->ctx, t->path, cell->line, cell->column, row->source_line,
                             "%s moet groter dan 0 %% en hoogstens 100 %% van het tarief zijn, gevonden '%s'",
                             info->naam, cell->text);
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

char *ti_join(tarief_ctx *ctx, const char *dir, const char *name)
{
    size_t n = strlen(dir);
    if (n && dir[n - 1] == '/')
        return ti_ctx_printf(ctx, "%s%s", dir, name);
    return ti_ctx_printf(ctx, "%s/%s", dir, name);
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
    /* computed here, once: the workbook and the publiceer HTML only show it */
    if (ti_sha256_file(path, b->sha256) != 0) {
        b->sha256[0] = '\0';
        tarief_ctx_error(l->ctx, path, 1, 1, NULL, "kan het controlegetal (SHA-256) niet berekenen: %s",
                         tarief_strerror(errno));
        ti_ctx_mark_io(l->ctx);
    }
}

const tarief_csv *ti_read_csv(loader *l, const char *path, bool checksum)
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
const tarief_csv *ti_read_invoer(loader *l, const char *path, const aanbieder *a)
{
    struct stat st;
    if (a && stat(path, &st) != 0)
        return NULL;
    return ti_read_csv(l, path, true);
}

bool ti_is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}
bool ti_is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The text of a data line of t, to echo under a message about it. */
const char *ti_line_of(const tarief_csv *t, int line)
{
    for (size_t i = 0; i < t->n_rows; i++)
        if (t->rows[i].line == line)
            return t->rows[i].source_line;
    return NULL;
}

const char *ti_product_line(const loader *l, int line)
{
    return l->producten_csv ? ti_line_of(l->producten_csv, line) : NULL;
}
