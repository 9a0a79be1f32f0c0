/*
 * load_regio.c - the four CSV files of a region (rekenmethode §1-2):
 * uitgangspunten.csv, functies.csv, producten.csv, functiemix.csv, each
 * read and checked row by row. The same readers read an aanbieder's files
 * (given an aanbieder): then every file is optional and holds only what
 * differs (load_aanbieder.c merges).
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

/* --- uitgangspunten.csv ----------------------------------------------------- */

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

/*
 * Read uitgangspunten.csv into u; false when it has no usable header. An
 * aanbieder's tariefjaar must be the region's, and its cao is loaded at
 * once (into a); the region's cao is loaded by the caller, after the
 * region's own checks.
 */
bool ti_read_uitgangspunten(loader *l, const char *path, aanbieder *a, uitgangspunten *u)
{
    memset(u, 0, sizeof *u);
    const tarief_csv *t = ti_read_invoer(l, path, a);
    if (!t)
        return false;
    static const colspec spec[] = {{"parameter", true}, {"waarde", true}};
    columns cols;
    if (!ti_map_columns(l, t, spec, 2, &cols, a ? "uitgangspunten.csv van de aanbieder" : "uitgangspunten.csv"))
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
    for (const tarief_csv_row *row = ti_next_row(l, t, NULL); row; row = ti_next_row(l, t, row)) {
        const tarief_csv_cell *pc = ti_cell_at(row, cols.idx[0]);
        const tarief_csv_cell *vc = ti_cell_at(row, cols.idx[1]);
        int id = -1;
        for (size_t k = 0; k < n_eigen && id == -1; k++)
            if (strcasecmp(pc->text, eigen[k].naam) == 0)
                id = eigen[k].id;
        if (id == -1)
            id = tarief_param_lookup(pc->text);
        if (id == -1) {
            const char *s = ti_suggest(pc->text, names, nn);
            if (s)
                tarief_ctx_error(l->ctx, t->path, pc->line ? pc->line : row->line, pc->line ? pc->column : 1,
                                 row->source_line, "onbekende parameter '%s'; bedoelt u '%s'?", pc->text, s);
            else
                tarief_ctx_error(l->ctx, t->path, pc->line ? pc->line : row->line, pc->line ? pc->column : 1,
                                 row->source_line,
                                 a ? "onbekende parameter '%s' (een aanbieder kan 'aanbieder', 'cao' en de parameters uit docs/rekenmethode.md zetten)"
                                   : "onbekende parameter '%s' (de bekende parameters staan in docs/rekenmethode.md)",
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
        rg->bron = ti_mkbron(t, row, vc, cols.bron);
        if (!vc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[1]), row->source_line,
                             "waarde ontbreekt voor parameter '%s'", pc->text);
            continue;
        }
        tarief_param simple = {true, 0, 0, vc->text, rg->bron};
        if (id == U_NAAM) {
            u->naam = simple;
        } else if (id == U_TARIEFJAAR) {
            long y;
            if (!ti_parse_jaar(vc->text, &y)) {
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
                a->cao = ti_get_cao(l, vc->text, t, row, vc);
                a->cao_bron = rg->bron;
            }
        } else if (id == U_INDEXREEKS) {
            u->indexreeks = simple;
        } else {
            ti_parse_param_cell(l, t, row, vc, id, cols.bron, &u->params[id]);
        }
    }
    return true;
}

void ti_load_uitgangspunten(loader *l)
{
    tarief_regio *r = l->r;
    uitgangspunten u;
    if (!ti_read_uitgangspunten(l, r->uitgangspunten_file, NULL, &u))
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
    int first_comp = ti_eerste_onderdeel(r->params);
    if (ti_productiviteit_en_onderdelen(l, t, r->params)) {
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
            tarief_ctx_error(l->ctx, t->path, r->params[first_comp].bron.line, 1, ti_line_of(t, r->params[first_comp].bron.line),
                             "de niet-productieve onderdelen zijn samen %s: de productiviteit (100 %% min hun som) moet groter dan 0 %% zijn",
                             tarief_fmt_pct(b, sizeof b, sum));
        }
    }
    ti_check_overhead_aandeel(l, t, r->params, &r->params[TARIEF_P_OVERHEAD].bron);
    if (u.cao_cell)
        r->cao_standaard = ti_get_cao(l, u.cao_cell->text, t, u.cao_row, u.cao_cell);
}

/* --- functies.csv ----------------------------------------------------------- */

/*
 * Every named row becomes a functie, also one whose salary is wrong (that
 * is reported here), so that the functiemix does not call it unknown too.
 * A row without cao takes the aanbieder's default cao, else the region's.
 */
bool ti_read_functies(loader *l, const char *path, const aanbieder *a, functies *fs)
{
    tarief_regio *r = l->r;
    const tarief_csv *t = ti_read_invoer(l, path, a);
    if (!t)
        return false;
    enum { F_FUNCTIE, F_CAO, F_SCHAAL, F_TREDE, F_LOONKOSTEN };
    static const colspec spec[] = {{"functie", true}, {"cao", false}, {"schaal", false}, {"trede", false},
                                   {"loonkosten_per_uur", false}};
    columns cols;
    if (!ti_map_columns(l, t, spec, 5, &cols, a ? "functies.csv van de aanbieder" : "functies.csv"))
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
    ti_map_init(l->ctx, &fs->index, t->n_rows);
    for (const tarief_csv_row *row = ti_next_row(l, t, NULL); row; row = ti_next_row(l, t, row)) {
        const tarief_csv_cell *fc = ti_cell_at(row, cols.idx[F_FUNCTIE]);
        const tarief_csv_cell *cc = ti_cell_at(row, cols.idx[F_CAO]);
        const tarief_csv_cell *sc = ti_cell_at(row, cols.idx[F_SCHAAL]);
        const tarief_csv_cell *tc = ti_cell_at(row, cols.idx[F_TREDE]);
        const tarief_csv_cell *lc = ti_cell_at(row, cols.idx[F_LOONKOSTEN]);
        if (!fc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[F_FUNCTIE]), row->source_line,
                             "naam van de functie ontbreekt");
            continue;
        }
        tarief_functie *f = &fs->f[fs->n];
        f->naam = fc->text;
        f->omschrijving = oms >= 0 && ti_cell_at(row, oms)->text[0] ? ti_cell_at(row, oms)->text : NULL;
        f->bron = ti_mkbron(t, row, fc, cols.bron);
        tarief_functie *prev = ti_map_put(l->ctx, &fs->index, f->naam, f);
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
            tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[F_SCHAAL] >= 0 ? cols.idx[F_SCHAAL] : cols.idx[F_LOONKOSTEN]),
                             row->source_line,
                             "functie '%s' heeft geen salaris: geef schaal en trede (uit een cao) of loonkosten_per_uur", f->naam);
            continue;
        }
        if (has_lk) {
            double v;
            if (!ti_parse_num_cell(l, t, row, lc, false, "loonkosten_per_uur", &v))
                continue;
            if (!(v > 0)) {
                tarief_ctx_error(l->ctx, t->path, lc->line, lc->column, row->source_line,
                                 "loonkosten_per_uur moet groter dan 0 zijn, gevonden '%s'", lc->text);
                continue;
            }
            f->loonkosten_per_uur = (tarief_param){true, v, 0, lc->text, ti_mkbron(t, row, lc, cols.bron)};
            continue;
        }
        if (!sc->text[0] || !tc->text[0]) {
            int idx = !sc->text[0] ? cols.idx[F_SCHAAL] : cols.idx[F_TREDE];
            tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, idx), row->source_line,
                             "functie '%s': %s ontbreekt (schaal en trede horen bij elkaar)", f->naam,
                             !sc->text[0] ? "schaal" : "trede");
            continue;
        }
        const tarief_cao *cao = NULL;
        if (cc->text[0]) {
            cao = ti_get_cao(l, cc->text, t, row, cc);
            f->cao_bron = ti_mkbron(t, row, cc, cols.bron);
        } else if (standaard_bron) {
            cao = standaard;
            f->cao_bron = *standaard_bron;
        } else {
            tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[F_CAO]), row->source_line,
                             a ? "functie '%s' noemt geen cao en de aanbieder en de regio hebben geen standaard 'cao'"
                               : "functie '%s' noemt geen cao en uitgangspunten.csv heeft geen standaard 'cao'",
                             f->naam);
            continue;
        }
        if (!cao)
            continue; /* reported where the cao was named */
        f->cao = cao;
        if (l->salarissen.cap != 0)
            f->salaris = ti_map_get(&l->salarissen, ti_salaris_key(l, cao, sc->text, tc->text));
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
                                 schalen ? ti_did_you_mean(l, sc->text, schalen, cao->n_salarissen) : "");
            free(schalen);
        }
    }
    return true;
}

void ti_load_functies(loader *l)
{
    functies fs;
    if (!ti_read_functies(l, l->r->functies_file, NULL, &fs))
        return;
    l->r->functies = fs.f;
    l->r->n_functies = fs.n;
    l->functies = fs.index;
}

/* Merge one level's parameters (region or product) with an aanbieder's. */
void ti_overlay_params(tarief_param *base, const tarief_param *ov)
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
void ti_load_producten(loader *l, const char *path, const aanbieder *a)
{
    tarief_regio *r = l->r;
    const tarief_csv *t = ti_read_invoer(l, path, a);
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
    if (!ti_map_columns(l, t, spec, P_FIXED + TARIEF_P_COUNT, &cols, a ? "producten.csv van de aanbieder" : "producten.csv"))
        return;
    for (int i = 0; i < TARIEF_P_COUNT; i++)
        if (cols.idx[P_FIXED + i] >= 0)
            r->product_kolom[i] = true;
    tmap eigen; /* an aanbieder's codes: code -> its cell */
    if (a) {
        ti_map_init(l->ctx, &eigen, t->n_rows);
    } else {
        r->producten = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *r->producten);
        ti_map_init(l->ctx, &l->producten, t->n_rows);
    }
    for (const tarief_csv_row *row = ti_next_row(l, t, NULL); row; row = ti_next_row(l, t, row)) {
        const tarief_csv_cell *cc = ti_cell_at(row, cols.idx[P_CODE]);
        if (!cc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[P_CODE]), row->source_line,
                             "productcode ontbreekt");
            continue;
        }
        tarief_product *p; /* the product of this row */
        int eerder = 0;    /* the line of an earlier row with the same code */
        if (!a) {
            p = &r->producten[r->n_producten];
            p->code = cc->text;
            p->bron = ti_mkbron(t, row, cc, cols.bron);
            tarief_product *prev = ti_map_put(l->ctx, &l->producten, p->code, p);
            if (prev)
                eerder = prev->bron.line;
        } else {
            p = ti_map_get(&l->producten, cc->text);
            if (!p) {
                tarief_ctx_error(l->ctx, t->path, cc->line, cc->column, row->source_line,
                                 "product '%s' staat niet in producten.csv van de regio: een aanbieder kan alleen producten van de regio anders invullen",
                                 cc->text);
                continue;
            }
            const tarief_csv_cell *prev = ti_map_put(l->ctx, &eigen, cc->text, (void *)cc);
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
        const tarief_csv_cell *nc = ti_cell_at(row, cols.idx[P_NAAM]);
        w->naam = nc->text;
        if (!nc->text[0] && !a)
            tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[P_NAAM]), row->source_line,
                             "naam van product '%s' ontbreekt", p->code);
        const tarief_csv_cell *ec = ti_cell_at(row, cols.idx[P_EENHEID]);
        int e = -1;
        for (int k = 0; k <= TARIEF_EENHEID_STUK; k++)
            if (strcasecmp(ec->text, tarief_eenheid_naam((tarief_eenheid)k)) == 0)
                e = k;
        static const char *const eenheden[] = {"minuut", "uur", "dagdeel", "etmaal", "dag",
                                               "week", "maand", "traject", "stuk"};
        if (e < 0 && !ec->text[0]) {
            if (!a)
                tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[P_EENHEID]), row->source_line,
                                 "eenheid ontbreekt voor product '%s': kies minuut, uur, dagdeel, etmaal, dag, week, maand, traject of stuk",
                                 p->code);
        } else if (e < 0) {
            tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[P_EENHEID]), row->source_line,
                             "onbekende eenheid '%s' voor product '%s'%s: kies minuut, uur, dagdeel, etmaal, dag, week, maand, traject of stuk",
                             ec->text, p->code, ti_did_you_mean(l, ec->text, eenheden, 9));
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
            const tarief_csv_cell *vc = ti_cell_at(row, cols.idx[product_getallen[k].col]);
            tarief_param *dst = product_getal(w, k);
            dst->waarde = product_getallen[k].standaard;
            if (!vc->text[0]) {
                if (product_getallen[k].col == P_UREN && !a)
                    tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[P_UREN]), row->source_line,
                                     "uren_per_eenheid ontbreekt voor product '%s'", p->code);
                continue;
            }
            double v;
            if (!ti_parse_num_cell(l, t, row, vc, false, naam, &v))
                continue;
            if (positief ? !(v > 0) : !(v >= 0)) {
                tarief_ctx_error(l->ctx, t->path, vc->line, vc->column, row->source_line,
                                 "%s moet %s zijn, gevonden '%s'", naam, positief ? "groter dan 0" : "0 of meer", vc->text);
                continue;
            }
            *dst = (tarief_param){true, v, 0, vc->text, ti_mkbron(t, row, vc, cols.bron)};
        }
        for (int k = 0; k < TARIEF_P_COUNT; k++) {
            const tarief_csv_cell *vc = ti_cell_at(row, cols.idx[P_FIXED + k]);
            if (vc->text[0])
                ti_parse_param_cell(l, t, row, vc, k, cols.bron, &w->params[k]);
        }
        if (a) {
            if (nc->text[0])
                p->naam = nc->text;
            for (size_t k = 0; k < COUNT_OF(product_getallen); k++)
                if (product_getal(w, k)->set)
                    *product_getal(p, k) = *product_getal(w, k);
            ti_overlay_params(p->params, w->params);
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
void ti_load_functiemix(loader *l, const char *path, const aanbieder *a)
{
    tarief_regio *r = l->r;
    const tarief_csv *t = ti_read_invoer(l, path, a);
    if (!t)
        return;
    /* ort (optional): the ort of that functie in that product (rekenmethode, stap 4) */
    static const colspec spec[] = {{"product", true}, {"functie", true}, {"percentage", true}, {"ort", false}};
    columns cols;
    if (!ti_map_columns(l, t, spec, 4, &cols, a ? "functiemix.csv van de aanbieder" : "functiemix.csv"))
        return;
    /* count per product first, then fill */
    size_t np = r->n_producten;
    size_t *count = tarief_ctx_alloc(l->ctx, (np + 1) * sizeof *count);
    const tarief_csv_row **last = tarief_ctx_alloc(l->ctx, (np + 1) * sizeof *last);
    tarief_product **prod = tarief_ctx_alloc(l->ctx, (t->n_rows + 1) * sizeof *prod);
    for (const tarief_csv_row *row = ti_next_row(l, t, NULL); row; row = ti_next_row(l, t, row)) {
        const tarief_csv_cell *pc = ti_cell_at(row, cols.idx[0]);
        tarief_product *p = ti_map_get(&l->producten, pc->text);
        if (!p) {
            if (!pc->text[0])
                tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[0]), row->source_line,
                                 "productcode ontbreekt");
            else if (l->producten.cap)
                tarief_ctx_error(l->ctx, t->path, pc->line, pc->column, row->source_line,
                                 a ? "onbekend product '%s': staat niet in producten.csv van de regio%s"
                                   : "onbekend product '%s': staat niet in producten.csv%s",
                                 pc->text, ti_same_but_case(l, pc->text, &l->producten));
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
        const tarief_csv_cell *fc = ti_cell_at(row, cols.idx[1]);
        const tarief_csv_cell *vc = ti_cell_at(row, cols.idx[2]);
        const tarief_functie *f = ti_map_get(&l->functies, fc->text);
        bool ok = true;
        if (!f) {
            if (!fc->text[0])
                tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[1]), row->source_line,
                                 "functie ontbreekt");
            else if (l->functies.cap)
                tarief_ctx_error(l->ctx, t->path, fc->line, fc->column, row->source_line,
                                 a ? "onbekende functie '%s': staat niet in functies.csv van de aanbieder of de regio%s"
                                   : "onbekende functie '%s': staat niet in functies.csv%s",
                                 fc->text, ti_did_you_mean(l, fc->text, l->functies.keys, l->functies.cap));
            ok = false;
        }
        double v = 0;
        bool pct_ok = false; /* a valid percentage counts in the sum even if the functie is wrong */
        if (!vc->text[0]) {
            tarief_ctx_error(l->ctx, t->path, row->line, ti_cell_col(row, cols.idx[2]), row->source_line,
                             "percentage ontbreekt");
            ok = false;
        } else if (!ti_parse_num_cell(l, t, row, vc, true, "percentage", &v)) {
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
        m->bron = ti_mkbron(t, row, vc, cols.bron);
        if (!pct_ok)
            m->aandeel = NAN;
        const tarief_csv_cell *oc = ti_cell_at(row, cols.idx[3]);
        if (oc->text[0] && ti_parse_param_cell(l, t, row, oc, TARIEF_P_ORT, cols.bron, &m->ort) && f &&
            f->loonkosten_per_uur.set) {
            tarief_ctx_error(l->ctx, t->path, oc->line, oc->column, row->source_line,
                             "ort '%s' voor functie '%s' telt niet mee: die functie heeft loonkosten_per_uur "
                             "(stap 1-7 vervallen); laat de cel leeg",
                             oc->text, f->naam);
            m->ort.set = false;
        }
    }
    for (size_t k = 0; k < np; k++) {
        tarief_product *p = &r->producten[k];
        if (a && n_mix[k] == 0)
            continue; /* keeps the region's mix */
        p->mix = mix[k];
        p->n_mix = n_mix[k];
        if (p->n_mix == 0) {
            tarief_ctx_error(l->ctx, r->producten_file, p->bron.line, p->bron.column, ti_product_line(l, p->bron.line),
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
