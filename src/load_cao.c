/*
 * load_cao.c - a CAO directory (cao.csv, salarisschalen.csv), loaded once per
 * id on first use.
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
char *ti_salaris_key(loader *l, const tarief_cao *c, const char *schaal, const char *trede)
{
    return ti_ctx_printf(l->ctx, "%p\x1f%s\x1f%s", (const void *)c, schaal, trede);
}

static tarief_cao *load_cao_dir(loader *l, const char *dir, const char *id, bool checksum)
{
    tarief_cao *c = tarief_ctx_alloc(l->ctx, sizeof *c);
    c->id = tarief_ctx_strdup(l->ctx, id);
    c->dir = tarief_ctx_strdup(l->ctx, dir);
    c->cao_file = ti_join(l->ctx, dir, "cao.csv");
    c->salaris_file = ti_join(l->ctx, dir, "salarisschalen.csv");
    size_t before = n_errors(l);

    const tarief_csv *t = ti_read_csv(l, c->cao_file, checksum);
    if (t) {
        static const colspec spec[] = {{"parameter", true}, {"waarde", true}};
        columns cols;
        if (ti_map_columns(l, t, spec, 2, &cols, "cao.csv")) {
            c->regels = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *c->regels);
            static const char *const known[] = {"naam", "ingangsdatum", "uren_per_week", "jaaruren",
                                                "vakantietoeslag", "eindejaarsuitkering", "werkgeverslasten"};
            bool seen[7] = {0};
            for (const tarief_csv_row *row = ti_next_row(l, t, NULL); row; row = ti_next_row(l, t, row)) {
                const tarief_csv_cell *pc = ti_cell_at(row, cols.idx[0]);
                const tarief_csv_cell *vc = ti_cell_at(row, cols.idx[1]);
                size_t k;
                for (k = 0; k < 7; k++)
                    if (strcasecmp(pc->text, known[k]) == 0)
                        break;
                if (k == 7) {
                    const char *s = ti_suggest(pc->text, known, 7);
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
                rg->bron = ti_mkbron(t, row, vc, cols.bron);
                rg->param = -1;
                if (vc->text[0] == '\0') {
                    tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[1]), row->source_line,
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
                    if (ti_parse_num_cell(l, t, row, vc, false, "uren_per_week", &v)) {
                        if (!(v > 0 && v <= 168))
                            tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                                             "uren_per_week moet tussen 0 en 168 liggen, gevonden '%s'", vc->text);
                        c->uren_per_week = (tarief_param){true, v, 0, vc->text, rg->bron};
                    }
                } else {
                    int id2 = tarief_param_lookup(known[k]);
                    rg->param = id2;
                    ti_parse_param_cell(l, t, row, vc, id2, cols.bron, &c->params[id2]);
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

    t = ti_read_csv(l, c->salaris_file, checksum);
    if (t) {
        static const colspec spec[] = {{"schaal", true}, {"trede", true}, {"maandsalaris", true}};
        columns cols;
        if (ti_map_columns(l, t, spec, 3, &cols, "salarisschalen.csv")) {
            c->salarissen = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *c->salarissen);
            if (l->salarissen.cap == 0)
                ti_map_init(l->ctx, &l->salarissen, t->n_rows);
            for (const tarief_csv_row *row = ti_next_row(l, t, NULL); row; row = ti_next_row(l, t, row)) {
                const tarief_csv_cell *sc = ti_cell_at(row, cols.idx[0]);
                const tarief_csv_cell *tc = ti_cell_at(row, cols.idx[1]);
                const tarief_csv_cell *mc = ti_cell_at(row, cols.idx[2]);
                bool ok = true;
                if (!sc->text[0]) {
                    tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[0]), row->source_line, "schaal ontbreekt");
                    ok = false;
                }
                if (!tc->text[0]) {
                    tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[1]), row->source_line, "trede ontbreekt");
                    ok = false;
                }
                double v = 0;
                if (!mc->text[0]) {
                    tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[2]), row->source_line, "maandsalaris ontbreekt");
                    ok = false;
                } else if (!ti_parse_num_cell(l, t, row, mc, false, "maandsalaris", &v)) {
                    ok = false;
                } else if (!(v > 0)) {
                    tarief_ctx_error(l->ctx, t->path, mc->line, mc->column, row->source_line,
                                     "maandsalaris moet groter dan 0 zijn, gevonden '%s'", mc->text);
                    ok = false;
                }
                if (!ok)
                    continue;
                char *key = ti_salaris_key(l, c, sc->text, tc->text);
                tarief_salaris *s = &c->salarissen[c->n_salarissen];
                tarief_salaris *prev = ti_map_put(l->ctx, &l->salarissen, key, s);
                if (prev) {
                    tarief_ctx_error(l->ctx, t->path, row->line, sc->column, row->source_line,
                                     "schaal '%s' trede '%s' staat er twee keer in (eerder op regel %d)",
                                     sc->text, tc->text, prev->bron.line);
                    continue;
                }
                s->schaal = sc->text;
                s->trede = tc->text;
                s->maandsalaris = v;
                s->bron = ti_mkbron(t, row, mc, cols.bron);
                c->n_salarissen++;
            }
            if (c->n_salarissen == 0 && t->n_rows == 0)
                tarief_ctx_error(l->ctx, t->path, t->header.line, 1, NULL, "salaristabel bevat geen regels");
        }
    }
    return n_errors(l) == before ? c : NULL;
}

const char *tarief_cao_map_resolve(const char *cao_map)
{
    if (cao_map)
        return cao_map;
    if (ti_is_dir("data/cao"))
        return "data/cao";
    static char buf[4096]; /* datadir.c: next to the program, else PREFIX */
    return ti_data_path(buf, sizeof buf, "cao", true);
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
const tarief_cao *ti_get_cao(loader *l, const char *id, const tarief_csv *t,
                                 const tarief_csv_row *row, const tarief_csv_cell *cell)
{
    tarief_cao *c = ti_map_get(&l->caos, id);
    if (c)
        return c;
    if (ti_map_get(&l->cao_failed, id))
        return NULL;
    char *dir = ti_join(l->ctx, l->cao_map, id);
    if (!valid_id(id) || !ti_is_dir(dir)) {
        tarief_ctx_error(l->ctx, t->path, cell->line ? cell->line : row->line, cell->line ? cell->column : 1,
                         row->source_line, "cao '%s' bestaat niet: geen map %s (kies een map onder %s of geef --cao-map)",
                         id, dir, l->cao_map);
        ti_map_put(l->ctx, &l->cao_failed, tarief_ctx_strdup(l->ctx, id), (void *)1);
        return NULL;
    }
    c = load_cao_dir(l, dir, id, true);
    if (!c) {
        ti_map_put(l->ctx, &l->cao_failed, tarief_ctx_strdup(l->ctx, id), (void *)1);
        return NULL;
    }
    ti_map_put(l->ctx, &l->caos, c->id, c);
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
