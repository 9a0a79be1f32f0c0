/*
 * uitvraag.c - `tarief uitvraag verwerk`: read the aanbieders' answers and
 * compute the region's functiemix from them (rules: tarief/uitvraag.h and
 * docs/uitvraag.md).
 *
 * Percentages are kept as integer hundredths of a percent and gewichten as
 * integer hundredths, so the mean, its rounding and the distribution of the
 * leftover hundredths are exact integer arithmetic: the result adds up to
 * 100,00 % by construction, not by luck of floating point.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "internal.h"

/* The largest gewicht accepted (a billion clients or hours): keeps every sum
 * of gewicht x hundredths well inside a long long. */
#define MAX_GEWICHT 1e9

const char *tarief_uitvraag_methode_naam(tarief_uitvraag_methode m)
{
    return m == TARIEF_UITVRAAG_GEWOGEN ? "gewogen" : "gemiddelde";
}

/* --- the answer files ------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool ends_csv(const char *s)
{
    size_t n = strlen(s);
    return n > 4 && strcasecmp(s + n - 4, ".csv") == 0;
}

const char **tarief_uitvraag_bestanden(tarief_ctx *ctx, const char *dir, size_t *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        int e = errno;
        tarief_ctx_error(ctx, dir, 0, 0, NULL, "kan de map met antwoorden niet openen: %s", tarief_strerror(e));
        if (e != ENOENT && e != ENOTDIR)
            ti_ctx_mark_io(ctx);
        return NULL;
    }
    size_t cap = 16, k = 0;
    char **names = malloc(cap * sizeof *names);
    for (struct dirent *e; names && (e = readdir(d));) {
        if (e->d_name[0] == '.' || !ends_csv(e->d_name))
            continue;
        char *p = ti_ctx_printf(ctx, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (k == cap) {
            char **nn = realloc(names, 2 * cap * sizeof *names);
            if (!nn)
                break;
            names = nn;
            cap *= 2;
        }
        names[k++] = p;
    }
    closedir(d);
    if (!names) {
        fputs("tarief: onvoldoende geheugen\n", stderr);
        abort();
    }
    qsort(names, k, sizeof *names, cmp_str);
    const char **out = tarief_ctx_alloc(ctx, (k + 1) * sizeof *out);
    for (size_t i = 0; i < k; i++)
        out[i] = names[i];
    free(names);
    if (k == 0) {
        tarief_ctx_error(ctx, dir, 0, 0, NULL,
                         "geen antwoorden gevonden: verwacht één CSV-bestand (.csv) per aanbieder in deze map");
        return NULL;
    }
    *n = k;
    return out;
}

/* --- reading one answer file ------------------------------------------------ */

enum { K_PRODUCT, K_FUNCTIE, K_PERCENTAGE, K_GEWICHT, K_N };
static const char *const KOLOM[K_N] = {"product", "functie", "percentage", "gewicht"};

/* One aanbieder's answer for one product. */
typedef struct antwoord {
    const char *file;
    int line;            /* first row of the product in the file */
    const char *source;  /* that row */
    long long *h;        /* hundredths per region functie (index as r->functies) */
    bool *genoemd;       /* functie has a row */
    bool gevuld;         /* some percentage cell is filled */
    bool kapot;          /* a row of this product was broken */
    long long som;       /* sum of h */
    int last_line;       /* last row, for the sum message */
    const char *last_source;
    int pct_col;
    long long w;         /* gewicht in hundredths, when has_w */
    bool has_w;
    int w_line, w_col;
    const char *w_text;
    struct antwoord *next; /* next answer of the same product */
} antwoord;

typedef struct lezer {
    tarief_ctx *ctx;
    const tarief_regio *r;
    const tarief_uitvraag_options *o;
    antwoord **eerste;   /* per product: its answers, in file order */
    antwoord **laatste;
} lezer;

static const tarief_csv_cell *cel(const tarief_csv_row *row, int idx)
{
    static const tarief_csv_cell leeg = {"", 0, 0};
    if (idx < 0 || (size_t)idx >= row->n)
        return &leeg;
    return &row->cells[idx];
}

/* The column to point at for a cell that may be missing from a short row. */
static int kol(const tarief_csv_row *row, int idx)
{
    if (idx >= 0 && (size_t)idx < row->n)
        return row->cells[idx].column;
    return row->source_line ? (int)strlen(row->source_line) + 1 : 1;
}

static bool vrije_kolom(const char *naam)
{
    static const char *const vrij[] = {"bron", "toelichting", "omschrijving", "naam"};
    if (naam[0] == '#')
        return true;
    for (size_t i = 0; i < sizeof vrij / sizeof *vrij; i++)
        if (strcasecmp(naam, vrij[i]) == 0)
            return true;
    return false;
}

static int functie_index(const tarief_regio *r, const char *naam)
{
    for (size_t i = 0; i < r->n_functies; i++)
        if (strcmp(r->functies[i].naam, naam) == 0)
            return (int)i;
    return -1;
}

/* A value in hundredths: v x 100 must be a whole number (at most two
 * decimals); false otherwise. */
static bool honderdsten(double v, long long *out)
{
    double x = v * 100.0;
    double rx = floor(x + 0.5);
    if (fabs(x - rx) > 1e-6 * (1.0 + fabs(x)))
        return false;
    *out = (long long)rx;
    return true;
}

static antwoord *nieuw_antwoord(lezer *l, size_t pi, const char *file, const tarief_csv_row *row)
{
    antwoord *a = tarief_ctx_alloc(l->ctx, sizeof *a);
    a->file = file;
    a->line = row->line;
    a->source = row->source_line;
    a->h = tarief_ctx_alloc(l->ctx, (l->r->n_functies + 1) * sizeof *a->h);
    a->genoemd = tarief_ctx_alloc(l->ctx, (l->r->n_functies + 1) * sizeof *a->genoemd);
    if (l->laatste[pi])
        l->laatste[pi]->next = a;
    else
        l->eerste[pi] = a;
    l->laatste[pi] = a;
    return a;
}

static void lees_bestand(lezer *l, const char *path)
{
    tarief_ctx *ctx = l->ctx;
    const tarief_regio *r = l->r;
    const tarief_csv *t = tarief_csv_read(ctx, path);
    if (!t)
        return;
    int idx[K_N] = {-1, -1, -1, -1};
    bool kop_ok = true, gemeld[K_N] = {false};
    for (size_t c = 0; c < t->header.n; c++) {
        const tarief_csv_cell *h = &t->header.cells[c];
        int k = -1;
        for (int j = 0; j < K_N; j++)
            if (strcasecmp(h->text, KOLOM[j]) == 0)
                k = j;
        if (k >= 0) {
            if (idx[k] >= 0) {
                tarief_ctx_error(ctx, t->path, h->line, h->column, t->header.source_line,
                                 "kolom '%s' staat twee keer in de kopregel", KOLOM[k]);
                kop_ok = false;
            }
            idx[k] = (int)c;
        } else if (h->text[0] && !vrije_kolom(h->text)) {
            /* (an empty header cell, as spreadsheets export, is harmless) */
            const char *bedoeld = NULL;
            for (int j = 0; j < K_N; j++)
                if (ti_edit_distance(h->text, KOLOM[j]) <= 2) {
                    bedoeld = KOLOM[j];
                    gemeld[j] = true; /* not "ontbreekt" as well */
                }
            if (bedoeld)
                tarief_ctx_error(ctx, t->path, h->line, h->column, t->header.source_line,
                                 "onbekende kolom '%s'; bedoelt u '%s'?", h->text, bedoeld);
            else
                tarief_ctx_error(ctx, t->path, h->line, h->column, t->header.source_line,
                                 "onbekende kolom '%s': een antwoord heeft de kolommen product, functie, "
                                 "percentage en eventueel gewicht, bron, toelichting",
                                 h->text);
            kop_ok = false;
        }
    }
    for (int k = 0; k < K_GEWICHT; k++)
        if (idx[k] < 0 && !gemeld[k]) {
            tarief_ctx_error(ctx, t->path, t->header.line ? t->header.line : 1, 1, t->header.source_line,
                             "kolom '%s' ontbreekt: een antwoord heeft de kolommen product;functie;percentage "
                             "(en eventueel gewicht)",
                             KOLOM[k]);
            kop_ok = false;
        }
    if (!kop_ok)
        return;
    bool gewogen = l->o->methode == TARIEF_UITVRAAG_GEWOGEN;
    /* the answer of each product in this file */
    antwoord **hier = tarief_ctx_alloc(ctx, (r->n_producten + 1) * sizeof *hier);
    for (size_t i = 0; i < t->n_rows; i++) {
        const tarief_csv_row *row = &t->rows[i];
        const tarief_csv_cell *pc = cel(row, idx[K_PRODUCT]), *fc = cel(row, idx[K_FUNCTIE]),
                              *vc = cel(row, idx[K_PERCENTAGE]), *gc = cel(row, idx[K_GEWICHT]);
        if (!fc->text[0] && !vc->text[0] && !gc->text[0])
            continue; /* a spare row of the form, left empty */
        const tarief_product *p = pc->text[0] ? tarief_regio_product(r, pc->text) : NULL;
        if (!p) {
            if (!pc->text[0])
                tarief_ctx_error(ctx, t->path, row->line, kol(row, idx[K_PRODUCT]), row->source_line,
                                 "productcode ontbreekt");
            else
                tarief_ctx_error(ctx, t->path, pc->line, pc->column, row->source_line,
                                 "onbekend product '%s': staat niet in producten.csv van de regio", pc->text);
            continue;
        }
        size_t pi = (size_t)(p - r->producten);
        antwoord *a = hier[pi];
        if (!a)
            a = hier[pi] = nieuw_antwoord(l, pi, t->path, row);
        a->last_line = row->line;
        a->last_source = row->source_line;
        a->pct_col = kol(row, idx[K_PERCENTAGE]);
        int fi = -1;
        if (!fc->text[0]) {
            tarief_ctx_error(ctx, t->path, row->line, kol(row, idx[K_FUNCTIE]), row->source_line,
                             "functie ontbreekt");
            a->kapot = true;
        } else if ((fi = functie_index(r, fc->text)) < 0) {
            tarief_ctx_error(ctx, t->path, fc->line, fc->column, row->source_line,
                             "onbekende functie '%s': staat niet in functies.csv van de regio", fc->text);
            a->kapot = true;
        } else if (a->genoemd[fi]) {
            tarief_ctx_error(ctx, t->path, fc->line, fc->column, row->source_line,
                             "functie '%s' staat twee keer bij product '%s'", fc->text, p->code);
            a->kapot = true;
            fi = -1;
        }
        long long h = 0;
        if (vc->text[0]) {
            double v;
            a->gevuld = true;
            if (!tarief_parse_number(vc->text, t->delim, true, &v)) {
                double anders;
                if (t->delim == ';' && tarief_parse_number(vc->text, ',', true, &anders)) {
                    char *komma = tarief_ctx_strdup(ctx, vc->text);
                    for (char *q = komma; *q; q++)
                        if (*q == '.')
                            *q = ',';
                    tarief_ctx_error(ctx, t->path, vc->line, vc->column, row->source_line,
                                     "ongeldig getal '%s' voor percentage: in een bestand met ';' is de komma "
                                     "het decimaalteken (schrijf %s)",
                                     vc->text, komma);
                } else {
                    tarief_ctx_error(ctx, t->path, vc->line, vc->column, row->source_line,
                                     "ongeldig getal '%s' voor percentage%s", vc->text,
                                     t->delim == ';' ? " (schrijf bijvoorbeeld 55 of 33,33)"
                                                     : " (schrijf bijvoorbeeld 55 of 33.33)");
                }
                a->kapot = true;
            } else if (v < 0 || v > 1) {
                tarief_ctx_error(ctx, t->path, vc->line, vc->column, row->source_line,
                                 "percentage moet tussen 0 en 100 liggen, gevonden '%s'", vc->text);
                a->kapot = true;
            } else if (!honderdsten(v * 100.0, &h)) {
                tarief_ctx_error(ctx, t->path, vc->line, vc->column, row->source_line,
                                 "percentage '%s' heeft meer dan twee decimalen: rond af op honderdsten "
                                 "(samen precies 100)", vc->text);
                a->kapot = true;
            }
        }
        if (fi >= 0) {
            a->genoemd[fi] = true;
            a->h[fi] = h;
        }
        a->som += h;
        if (gc->text[0]) {
            double g;
            long long w = 0;
            if (!tarief_parse_number(gc->text, t->delim, false, &g)) {
                tarief_ctx_error(ctx, t->path, gc->line, gc->column, row->source_line,
                                 "ongeldig getal '%s' voor gewicht (het aantal cliënten of uren van dit "
                                 "product bij de aanbieder)", gc->text);
                a->kapot = true;
            } else if (g < 0 || g > MAX_GEWICHT) {
                tarief_ctx_error(ctx, t->path, gc->line, gc->column, row->source_line,
                                 g < 0 ? "gewicht mag niet negatief zijn, gevonden '%s'"
                                       : "gewicht '%s' is onwaarschijnlijk groot (meer dan een miljard)",
                                 gc->text);
                a->kapot = true;
            } else if (!honderdsten(g, &w)) {
                tarief_ctx_error(ctx, t->path, gc->line, gc->column, row->source_line,
                                 "gewicht '%s' heeft meer dan twee decimalen", gc->text);
                a->kapot = true;
            } else if (!a->has_w) {
                a->has_w = true;
                a->w = w;
                a->w_line = gc->line;
                a->w_col = gc->column;
                a->w_text = gc->text;
            } else if (a->w != w && gewogen) {
                tarief_ctx_error(ctx, t->path, gc->line, gc->column, row->source_line,
                                 "gewicht '%s' van product '%s' verschilt van '%s' op regel %d: geef het "
                                 "gewicht per product één keer, op elke regel hetzelfde",
                                 gc->text, p->code, a->w_text, a->w_line);
                a->kapot = true;
            }
        }
    }
    /* per product: the sum, the gewicht */
    for (size_t pi = 0; pi < r->n_producten; pi++) {
        antwoord *a = hier[pi];
        if (!a || !a->gevuld || a->kapot)
            continue;
        if (a->som != 10000) {
            char b[64];
            tarief_ctx_error(ctx, a->file, a->last_line, a->pct_col, a->last_source,
                             "de percentages van product '%s' tellen op tot %s in plaats van 100",
                             r->producten[pi].code, tarief_fmt_nl_trim(b, sizeof b, (double)a->som / 100.0, 0, 2));
        }
        if (gewogen && !a->has_w)
            tarief_ctx_error(ctx, a->file, a->line,
                             idx[K_GEWICHT] >= 0 ? t->header.cells[idx[K_GEWICHT]].column : 1, a->source,
                             idx[K_GEWICHT] >= 0
                                 ? "gewicht ontbreekt bij product '%s': --methode gewogen weegt elk antwoord met "
                                   "het gewicht (cliënten of uren van dit product bij de aanbieder)"
                                 : "kolom gewicht ontbreekt (product '%s'): --methode gewogen weegt elk antwoord "
                                   "met het gewicht (cliënten of uren van dit product bij de aanbieder)",
                             r->producten[pi].code);
    }
}

/* --- combining the answers ---------------------------------------------------- */

static void combineer(tarief_ctx *ctx, const tarief_uitvraag *u, tarief_uitvraag_product *up, antwoord *lijst)
{
    const tarief_regio *r = u->regio;
    bool gewogen = u->methode == TARIEF_UITVRAAG_GEWOGEN;
    size_t nf = r->n_functies;
    long long d = 0; /* the denominator: answers, or the sum of the gewichten in hundredths */
    size_t n = 0;
    for (antwoord *a = lijst; a; a = a->next) {
        if (!a->gevuld)
            continue;
        long long w = gewogen ? a->w : 1;
        if (w == 0)
            continue;
        n++;
        d += w;
    }
    up->n_antwoorden = n;
    up->totaal_gewicht = gewogen ? (double)d / 100.0 : (double)n;
    if (n == 0 || n < (size_t)u->minimum) {
        up->behouden = true;
        return;
    }
    long long *teller = tarief_ctx_alloc(ctx, (nf + 1) * sizeof *teller);
    tarief_uitvraag_regel *rg = tarief_ctx_alloc(ctx, (nf + 1) * sizeof *rg);
    for (size_t f = 0; f < nf; f++) {
        rg[f].functie = &r->functies[f];
        rg[f].min = INFINITY;
        rg[f].max = -INFINITY;
    }
    for (antwoord *a = lijst; a; a = a->next) {
        long long w = gewogen ? a->w : 1;
        if (!a->gevuld || w == 0)
            continue;
        for (size_t f = 0; f < nf; f++) {
            teller[f] += w * a->h[f];
            double pct = (double)a->h[f] / 100.0;
            if (pct < rg[f].min)
                rg[f].min = pct;
            if (pct > rg[f].max)
                rg[f].max = pct;
            rg[f].n_genoemd += a->h[f] > 0;
        }
    }
    /* round down, then the leftover hundredths to the largest remainders */
    long long som = 0;
    for (size_t f = 0; f < nf; f++) {
        rg[f].honderdsten = teller[f] / d;
        rg[f].gemiddelde = (double)teller[f] / (double)d / 100.0;
        som += rg[f].honderdsten;
    }
    for (long long over = 10000 - som; over > 0; over--) {
        size_t best = nf;
        for (size_t f = 0; f < nf; f++) {
            long long rest = teller[f] % d;
            if (rest > 0 && (best == nf || rest > teller[best] % d))
                best = f;
        }
        if (best == nf)
            break; /* cannot happen: the remainders add up to over x d */
        rg[best].honderdsten++;
        teller[best] -= teller[best] % d; /* its remainder is used */
    }
    /* keep the functies that any answer names */
    size_t k = 0;
    for (size_t f = 0; f < nf; f++)
        if (rg[f].n_genoemd > 0)
            rg[k++] = rg[f];
    up->regels = rg;
    up->n_regels = k;
    /* answers far from the mean */
    size_t na = 0;
    for (antwoord *a = lijst; a; a = a->next)
        na++;
    up->afwijkingen = tarief_ctx_alloc(ctx, (na * k + 1) * sizeof *up->afwijkingen);
    for (antwoord *a = lijst; a; a = a->next) {
        long long w = gewogen ? a->w : 1;
        if (!a->gevuld || w == 0)
            continue;
        for (size_t j = 0; j < k; j++) {
            size_t f = (size_t)(rg[j].functie - r->functies);
            double pct = (double)a->h[f] / 100.0;
            if (fabs(pct - rg[j].gemiddelde) > u->drempel + 1e-9) {
                tarief_uitvraag_afwijking *x = &up->afwijkingen[up->n_afwijkingen++];
                x->file = a->file;
                x->line = a->line;
                x->functie = rg[j].functie;
                x->antwoord = pct;
                x->gemiddelde = rg[j].gemiddelde;
            }
        }
    }
}

const tarief_uitvraag *tarief_uitvraag_verwerk(tarief_ctx *ctx, const tarief_regio *r,
                                               const char *const *files, size_t n_files,
                                               const tarief_uitvraag_options *opts)
{
    tarief_uitvraag_options o = {0};
    if (opts)
        o = *opts;
    if (o.minimum <= 0)
        o.minimum = TARIEF_UITVRAAG_MINIMUM;
    if (!(o.drempel > 0))
        o.drempel = TARIEF_UITVRAAG_DREMPEL;
    size_t before = tarief_diag_total(tarief_ctx_diag(ctx));
    lezer l = {ctx, r, &o, NULL, NULL};
    l.eerste = tarief_ctx_alloc(ctx, (r->n_producten + 1) * sizeof *l.eerste);
    l.laatste = tarief_ctx_alloc(ctx, (r->n_producten + 1) * sizeof *l.laatste);
    for (size_t i = 0; i < n_files; i++)
        lees_bestand(&l, files[i]);
    if (tarief_diag_total(tarief_ctx_diag(ctx)) > before)
        return NULL;
    tarief_uitvraag *u = tarief_ctx_alloc(ctx, sizeof *u);
    u->regio = r;
    u->methode = o.methode;
    u->minimum = o.minimum;
    u->drempel = o.drempel;
    const char **kopie = tarief_ctx_alloc(ctx, (n_files + 1) * sizeof *kopie);
    for (size_t i = 0; i < n_files; i++)
        kopie[i] = tarief_ctx_strdup(ctx, files[i]);
    u->bestanden = kopie;
    u->n_bestanden = n_files;
    u->producten = tarief_ctx_alloc(ctx, (r->n_producten + 1) * sizeof *u->producten);
    u->n_producten = r->n_producten;
    for (size_t pi = 0; pi < r->n_producten; pi++) {
        u->producten[pi].product = &r->producten[pi];
        combineer(ctx, u, &u->producten[pi], l.eerste[pi]);
    }
    return u;
}

/* --- the new functiemix.csv ----------------------------------------------------- */

/* Free text in a ';' file: no ';', no line ends, no quotes needed. */
static void schrijf_tekst(FILE *f, const char *s)
{
    for (; s && *s; s++)
        fputc(*s == ';' || *s == '\n' || *s == '\r' || *s == '"' ? ' ' : *s, f);
}

int tarief_uitvraag_write_csv(FILE *f, const tarief_uitvraag *u)
{
    const char *m = u->methode == TARIEF_UITVRAAG_GEWOGEN ? "gewogen gemiddelde" : "gemiddelde";
    fprintf(f, "product;functie;percentage;bron\n");
    fprintf(f, "# Functiemix uit de uitvraag (tarief uitvraag verwerk): %s van de antwoorden, minimum %d "
               "antwoorden per product, %zu antwoordbestand%s.\n",
            m, u->minimum, u->n_bestanden, u->n_bestanden == 1 ? "" : "en");
    fprintf(f, "# Afronding: per functie naar beneden op honderdsten, de resterende honderdsten naar de grootste "
               "resten (bij gelijke rest de eerste functie in functies.csv), samen precies 100,00.\n");
    for (size_t i = 0; i < u->n_producten; i++) {
        const tarief_uitvraag_product *up = &u->producten[i];
        const tarief_product *p = up->product;
        if (up->behouden) {
            for (size_t j = 0; j < p->n_mix; j++) {
                char b[64];
                fprintf(f, "%s;%s;%s;huidige functiemix van de regio behouden: %zu antwoord%s, minimum %d",
                        p->code, p->mix[j].functie->naam,
                        tarief_fmt_nl_trim(b, sizeof b, p->mix[j].aandeel * 100.0, 2, 6), up->n_antwoorden,
                        up->n_antwoorden == 1 ? "" : "en", u->minimum);
                if (p->mix[j].bron.tekst && p->mix[j].bron.tekst[0]) {
                    fputs(" (", f);
                    schrijf_tekst(f, p->mix[j].bron.tekst);
                    fputc(')', f);
                }
                fputc('\n', f);
            }
            continue;
        }
        for (size_t j = 0; j < up->n_regels; j++) {
            const tarief_uitvraag_regel *rg = &up->regels[j];
            if (rg->honderdsten == 0)
                continue;
            fprintf(f, "%s;%s;%lld,%02lld;uitvraag: %s van %zu antwoord%s\n", p->code, rg->functie->naam,
                    rg->honderdsten / 100, rg->honderdsten % 100, m, up->n_antwoorden,
                    up->n_antwoorden == 1 ? "" : "en");
        }
    }
    return ferror(f) ? -1 : 0;
}
