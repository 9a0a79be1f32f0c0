/*
 * cao_verhoog.c - derive a CAO salary table from an older one by the rules
 * of a rise, and write it as a new CAO directory (see tarief/cao.h).
 *
 * The rules run in order on full doubles; only the end result is rounded,
 * as rekenmethode §3 does for tariffs. Every row keeps its trace so the
 * written table can be checked by hand, row by row.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "tarief/cao.h"

static const char *const MAANDEN[12] = {
    "januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december",
};

/* --- small text helpers ------------------------------------------------ */

/* A growing string, copied into the context when done. */
typedef struct tekst {
    char *buf;
    size_t len;
    FILE *fp;
} tekst;

static void tekst_begin(tekst *t)
{
    t->buf = NULL;
    t->len = 0;
    t->fp = open_memstream(&t->buf, &t->len);
    if (t->fp == NULL)
        tarief_onvoldoende_geheugen(); /* as tarief_ctx_alloc does */
}

static char *tekst_klaar(tekst *t, tarief_ctx *ctx)
{
    if (fclose(t->fp) != 0)
        tarief_onvoldoende_geheugen();
    char *s = tarief_ctx_strdup(ctx, t->buf);
    free(t->buf);
    return s;
}

/* Numbers inside trace texts: at least 2 decimals, at most 6. */
static const char *getal(char *buf, size_t n, double x)
{
    return tarief_fmt_nl_trim(buf, n, x, 2, 6);
}

/* Amounts in the description of rules: "150", "15,50". */
static const char *bedrag_kort(char *buf, size_t n, double x)
{
    if (x == floor(x) && fabs(x) < 1e15)
        return tarief_fmt_nl(buf, n, x, 0);
    return tarief_fmt_nl_trim(buf, n, x, 2, 6);
}

/* A percentage given as a fraction: 0.0125 -> "1,25". */
static const char *procent(char *buf, size_t n, double fractie)
{
    return tarief_fmt_nl_trim(buf, n, fractie * 100.0, 0, 6);
}

/* Compare on 9 decimals so that 3000 x 5 % (150.00000000000003) does not
 * count as "above the minimum of 150". */
/* Beyond these a rule is a typing error, not a cao (docs/cao.md). */
#define TARIEF_CAO_MAX_PROCENT 100
#define TARIEF_CAO_MAX_UURLOON 200

static double r9(double x) { return tarief_round(x, 9); }

/* --- validation of the target ----------------------------------------- */

static bool datum_lees(const char *s, int *j, int *m, int *d)
{
    static const int dagen[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    *j = atoi(s);
    *m = atoi(s + 5);
    *d = atoi(s + 8);
    if (*j < 1900 || *j > 2200 || *m < 1 || *m > 12 || *d < 1 || *d > dagen[*m - 1])
        return false;
    bool schrikkel = (*j % 4 == 0 && *j % 100 != 0) || *j % 400 == 0;
    return !(*m == 2 && *d == 29 && !schrikkel);
}

static bool id_geldig(const char *id)
{
    if (id == NULL || id[0] == '\0' || id[0] == '.' || id[0] == '-' || strlen(id) > 200)
        return false;
    for (const char *p = id; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
}

/* --- the new name ----------------------------------------------------- */

/* Replace the first occurrence of `oud` in s by `nieuw`; NULL if absent. */
static char *vervang(tarief_ctx *ctx, const char *s, const char *oud, const char *nieuw)
{
    const char *p = strstr(s, oud);
    if (p == NULL)
        return NULL;
    return ti_ctx_printf(ctx, "%.*s%s%s", (int)(p - s), s, nieuw, p + strlen(oud));
}

/* "Cao X, per 1 mei 2023" -> "Cao X, per 1 november 2023": the source's date
 * is looked for in words ("1 mei 2023"), as d-m-jjjj and as jjjj-mm-dd. */
static const char *nieuwe_naam(tarief_ctx *ctx, const tarief_cao *src, const char *datum)
{
    int j0, m0, d0, j1, m1, d1;
    char w0[64], w1[64];
    datum_lees(datum, &j1, &m1, &d1);
    snprintf(w1, sizeof w1, "%d %s %d", d1, MAANDEN[m1 - 1], j1);
    const char *naam = src->naam ? src->naam : src->id;
    if (src->ingangsdatum && datum_lees(src->ingangsdatum, &j0, &m0, &d0)) {
        char *r;
        snprintf(w0, sizeof w0, "%d %s %d", d0, MAANDEN[m0 - 1], j0);
        if ((r = vervang(ctx, naam, w0, w1)) != NULL)
            return r;
        char k0[32], k1[32];
        snprintf(k0, sizeof k0, "%d-%d-%d", d0, m0, j0);
        snprintf(k1, sizeof k1, "%d-%d-%d", d1, m1, j1);
        if ((r = vervang(ctx, naam, k0, k1)) != NULL)
            return r;
        if ((r = vervang(ctx, naam, src->ingangsdatum, datum)) != NULL)
            return r;
    }
    return ti_ctx_printf(ctx, "%s (per %s)", naam, w1);
}

/* --- the rules in words ------------------------------------------------- */

static double vloer(const tarief_cao_verhoging *v, const tarief_cao_stap *s)
{
    /* 15 x 36 x 52 / 12 is exactly 2340; 15 x (36 x 52 / 12) need not be. */
    if (v->uren_opgegeven)
        return s->waarde * v->uren_per_maand;
    return s->waarde * v->bron->uren_per_week.waarde * 52.0 / 12.0;
}

static void stap_tekst(FILE *fp, const tarief_cao_verhoging *v, const tarief_cao_stap *s)
{
    char a[64], b[64], c[64];
    if (s->soort == TARIEF_CAO_PROCENT) {
        fprintf(fp, "+%s %%", procent(a, sizeof a, s->waarde));
        if (s->heeft_minimum && s->heeft_maximum)
            fprintf(fp, " (min € %s, max € %s per maand)", bedrag_kort(b, sizeof b, s->minimum),
                    bedrag_kort(c, sizeof c, s->maximum));
        else if (s->heeft_minimum)
            fprintf(fp, " (min € %s per maand)", bedrag_kort(b, sizeof b, s->minimum));
        else if (s->heeft_maximum)
            fprintf(fp, " (max € %s per maand)", bedrag_kort(c, sizeof c, s->maximum));
        return;
    }
    fprintf(fp, "minimum € %s per uur = € %s per maand (", bedrag_kort(a, sizeof a, s->waarde),
            tarief_fmt_nl(b, sizeof b, vloer(v, s), 2));
    if (v->uren_opgegeven)
        fprintf(fp, "%s uur per maand)", tarief_fmt_nl_trim(c, sizeof c, v->uren_per_maand, 0, 4));
    else
        fprintf(fp, "%s uur per week × 52 / 12 = %s uur per maand)",
                tarief_fmt_nl_trim(a, sizeof a, v->bron->uren_per_week.waarde, 0, 4),
                tarief_fmt_nl_trim(c, sizeof c, v->uren_per_maand, 0, 4));
}

static const char *regels_tekst(tarief_ctx *ctx, const tarief_cao_verhoging *v)
{
    tekst t;
    tekst_begin(&t);
    for (size_t i = 0; i < v->n_stappen; i++) {
        if (i > 0)
            fputs(", daarna ", t.fp);
        stap_tekst(t.fp, v, &v->stappen[i]);
    }
    fprintf(t.fp, ", afronding %s", tarief_afronding_naam(v->afronding));
    return tekst_klaar(&t, ctx);
}

/* "4.468,00 +5 % (+223,40) = 4.691,40" */
static const char *rij_tekst(tarief_ctx *ctx, const tarief_cao_verhoging *v,
                             const tarief_cao_rij *rij)
{
    char a[64], b[64], c[64];
    tekst t;
    tekst_begin(&t);
    fputs(getal(a, sizeof a, rij->oud->maandsalaris), t.fp);
    for (size_t i = 0; i < v->n_stappen; i++) {
        const tarief_cao_stap *s = &v->stappen[i];
        const tarief_cao_stapwaarde *w = &rij->stappen[i];
        if (i > 0)
            fputs(", daarna", t.fp);
        if (s->soort == TARIEF_CAO_PROCENT) {
            fprintf(t.fp, " +%s %% (+%s", procent(a, sizeof a, s->waarde),
                    getal(b, sizeof b, w->verhoging));
            if (w->begrensd < 0)
                fprintf(t.fp, ", verhoogd tot minimum %s", getal(c, sizeof c, s->minimum));
            else if (w->begrensd > 0)
                fprintf(t.fp, ", begrensd op maximum %s", getal(c, sizeof c, s->maximum));
            fprintf(t.fp, ") = %s", getal(a, sizeof a, w->na));
        } else if (w->begrensd) {
            fprintf(t.fp, " opgetrokken tot minimum %s", getal(a, sizeof a, w->na));
        } else {
            fprintf(t.fp, " boven minimum %s", getal(a, sizeof a, w->verhoging));
        }
    }
    /* Say so only when rounding changed what the trace shows. */
    int dec = v->afronding == TARIEF_AFRONDING_EURO ? 0 : 2;
    getal(a, sizeof a, rij->ongerond);
    getal(b, sizeof b, rij->maandsalaris);
    if (strcmp(a, b) != 0)
        fprintf(t.fp, ", afgerond %s", tarief_fmt_nl(c, sizeof c, rij->maandsalaris, dec));
    return tekst_klaar(&t, ctx);
}

/* --- copying the parameters -------------------------------------------- */

/* A value of the source's cao.csv as it must appear in a `;` file: as
 * written when it reads back to the same value there (the usual case),
 * otherwise (a `,` source: "8.33%") rewritten in Dutch notation. */
static const char *waarde_nl(tarief_ctx *ctx, const tarief_cao *src, const tarief_regel *rg)
{
    const tarief_param *p = NULL;
    bool pct = false;
    if (rg->param >= 0 && rg->param < TARIEF_P_COUNT) {
        const tarief_param_info *info = tarief_param_info_get((tarief_param_id)rg->param);
        if (info->soort == TARIEF_SOORT_KEUZE)
            return rg->waarde;
        p = &src->params[rg->param];
        pct = info->soort == TARIEF_SOORT_PERCENTAGE;
    } else if (strcasecmp(rg->naam, "uren_per_week") == 0) {
        p = &src->uren_per_week;
    }
    if (p == NULL || !p->set)
        return rg->waarde;
    double d;
    if (tarief_parse_number(rg->waarde, ';', pct, &d) && d == p->waarde)
        return rg->waarde;
    char buf[64];
    tarief_fmt_nl_trim(buf, sizeof buf, pct ? p->waarde * 100.0 : p->waarde, 0, 9);
    return ti_ctx_printf(ctx, "%s%s", buf, pct ? "%" : "");
}

static const char *bron_tekst(tarief_ctx *ctx, const char *beschrijving, const char *wat,
                              const char *was)
{
    if (was && *was)
        return ti_ctx_printf(ctx, "%s. %s: %s", beschrijving, wat, was);
    return ti_ctx_printf(ctx, "%s. %s", beschrijving, wat);
}

static void nieuwe_regels(tarief_ctx *ctx, tarief_cao_verhoging *v)
{
    const tarief_cao *src = v->bron;
    tarief_cao *c = &v->cao;
    c->n_regels = src->n_regels;
    c->regels = tarief_ctx_alloc(ctx, (src->n_regels + 1) * sizeof *c->regels);
    for (size_t i = 0; i < src->n_regels; i++) {
        const tarief_regel *o = &src->regels[i];
        tarief_regel *n = &c->regels[i];
        *n = *o;
        n->bron = (tarief_bron){ 0 };
        if (strcasecmp(o->naam, "naam") == 0) {
            n->waarde = c->naam;
            n->bron.tekst = bron_tekst(ctx, v->beschrijving, "Naam was", o->waarde);
        } else if (strcasecmp(o->naam, "ingangsdatum") == 0) {
            n->waarde = c->ingangsdatum;
            n->bron.tekst = bron_tekst(ctx, v->beschrijving, "Ingangsdatum was", o->waarde);
        } else {
            n->waarde = waarde_nl(ctx, src, o);
            n->bron.tekst = bron_tekst(ctx, v->beschrijving,
                                       o->bron.tekst && *o->bron.tekst
                                           ? "Waarde ongewijzigd overgenomen, bron daar"
                                           : "Waarde ongewijzigd overgenomen",
                                       o->bron.tekst);
        }
        if (strcasecmp(o->naam, "uren_per_week") == 0)
            c->uren_per_week.bron = n->bron;
        else if (o->param >= 0 && o->param < TARIEF_P_COUNT)
            c->params[o->param].bron = n->bron;
    }
}

/* --- compute ------------------------------------------------------------ */

const tarief_cao_verhoging *tarief_cao_verhoog(tarief_ctx *ctx, const tarief_cao *src,
                                               const tarief_cao_regels *r,
                                               const tarief_cao_doel *doel)
{
    size_t fouten = tarief_diag_total(tarief_ctx_diag(ctx));
    bool uurloon = false;
    char a[64], b[64];

    if (r->n_stappen == 0 || r->stappen == NULL)
        tarief_ctx_error(ctx, NULL, 0, 0, NULL,
                         "geen verhogingsregel opgegeven (bijvoorbeeld +5 %%)");
    for (size_t i = 0; r->stappen && i < r->n_stappen; i++) {
        const tarief_cao_stap *s = &r->stappen[i];
        if (s->soort == TARIEF_CAO_PROCENT) {
            if (!isfinite(s->waarde) || s->waarde < 0)
                tarief_ctx_error(ctx, NULL, 0, 0, NULL,
                                 "stap %zu: percentage %s %% is negatief of ongeldig", i + 1,
                                 procent(a, sizeof a, s->waarde));
            else if (s->waarde > TARIEF_CAO_MAX_PROCENT / 100.0)
                /* a table tarief would read with warnings at best: refused here */
                tarief_ctx_error(ctx, NULL, 0, 0, NULL,
                                 "stap %zu: percentage %s %% is onmogelijk groot voor een cao-verhoging "
                                 "(ten hoogste %d %%; de grootste recente stap was +8 %%): is het getal "
                                 "goed getypt, met decimale komma?",
                                 i + 1, procent(a, sizeof a, s->waarde), TARIEF_CAO_MAX_PROCENT);
            if ((s->heeft_minimum && (!isfinite(s->minimum) || s->minimum < 0)) ||
                (s->heeft_maximum && (!isfinite(s->maximum) || s->maximum < 0)))
                tarief_ctx_error(ctx, NULL, 0, 0, NULL,
                                 "stap %zu: minimum- en maximumverhoging moeten 0 of meer zijn",
                                 i + 1);
            else if (s->heeft_minimum && s->heeft_maximum && s->minimum > s->maximum)
                tarief_ctx_error(ctx, NULL, 0, 0, NULL,
                                 "stap %zu: minimumverhoging € %s is groter dan "
                                 "maximumverhoging € %s",
                                 i + 1, bedrag_kort(a, sizeof a, s->minimum),
                                 bedrag_kort(b, sizeof b, s->maximum));
        } else if (s->soort == TARIEF_CAO_MINIMUM_UURLOON) {
            uurloon = true;
            if (!isfinite(s->waarde) || s->waarde <= 0)
                tarief_ctx_error(ctx, NULL, 0, 0, NULL,
                                 "stap %zu: minimumuurloon moet groter dan 0 zijn", i + 1);
            else if (s->waarde > TARIEF_CAO_MAX_UURLOON)
                tarief_ctx_error(ctx, NULL, 0, 0, NULL,
                                 "stap %zu: minimumuurloon € %s per uur is onmogelijk hoog (ten hoogste "
                                 "€ %d; de cao jeugdzorg noemt € 15)",
                                 i + 1, bedrag_kort(a, sizeof a, s->waarde), TARIEF_CAO_MAX_UURLOON);
        } else {
            tarief_ctx_error(ctx, NULL, 0, 0, NULL, "stap %zu: onbekende soort regel", i + 1);
        }
    }
    if (r->afronding != TARIEF_AFRONDING_CENT && r->afronding != TARIEF_AFRONDING_EURO)
        tarief_ctx_error(ctx, NULL, 0, 0, NULL,
                         "afronding van salarissen is 'cent' of 'euro', niet '%s'",
                         tarief_afronding_naam(r->afronding));
    if (!isfinite(r->uren_per_maand) || r->uren_per_maand < 0)
        tarief_ctx_error(ctx, NULL, 0, 0, NULL, "uren per maand moet groter dan 0 zijn");
    if (uurloon && !(r->uren_per_maand > 0) &&
        !(src->uren_per_week.set && src->uren_per_week.waarde > 0))
        tarief_ctx_error(ctx, src->cao_file, 0, 0, NULL,
                         "cao %s heeft geen uren_per_week, nodig om het minimumuurloon om te "
                         "rekenen naar een maandsalaris: zet uren_per_week in cao.csv of geef "
                         "het aantal uren per maand op (--uren-per-maand)",
                         src->id);
    if (!id_geldig(doel->id))
        tarief_ctx_error(ctx, NULL, 0, 0, NULL,
                         "ongeldige cao-id '%s': gebruik letters, cijfers, '-', '_' en '.', "
                         "niet beginnend met '.' of '-' (bijvoorbeeld ggz-2023-11-01)",
                         doel->id ? doel->id : "");
    int j, m, d;
    if (!datum_lees(doel->ingangsdatum, &j, &m, &d))
        tarief_ctx_error(ctx, NULL, 0, 0, NULL,
                         "ongeldige ingangsdatum '%s': verwacht JJJJ-MM-DD, bijvoorbeeld 2024-07-01",
                         doel->ingangsdatum ? doel->ingangsdatum : "");
    else if (src->ingangsdatum && strcmp(doel->ingangsdatum, src->ingangsdatum) <= 0)
        tarief_ctx_error(ctx, NULL, 0, 0, NULL,
                         "ingangsdatum %s ligt niet na die van %s (%s): een verhoging geldt "
                         "vanaf een latere datum",
                         doel->ingangsdatum, src->id, src->ingangsdatum);
    if (tarief_diag_total(tarief_ctx_diag(ctx)) > fouten)
        return NULL;

    tarief_cao_verhoging *v = tarief_ctx_alloc(ctx, sizeof *v);
    v->bron = src;
    v->n_stappen = r->n_stappen;
    v->stappen = tarief_ctx_alloc(ctx, r->n_stappen * sizeof *v->stappen);
    memcpy(v->stappen, r->stappen, r->n_stappen * sizeof *v->stappen);
    v->afronding = r->afronding;
    if (uurloon) {
        v->uren_opgegeven = r->uren_per_maand > 0;
        v->uren_per_maand = v->uren_opgegeven ? r->uren_per_maand
                                              : src->uren_per_week.waarde * 52.0 / 12.0;
    }
    v->regels_tekst = regels_tekst(ctx, v);
    v->beschrijving = ti_ctx_printf(ctx, "afgeleid van %s met tarief cao verhoog: %s", src->id,
                                        v->regels_tekst);

    /* The new table: the source's facts with the new name, date and salaries. */
    tarief_cao *c = &v->cao;
    *c = *src;
    c->dir = c->cao_file = c->salaris_file = NULL;
    c->id = tarief_ctx_strdup(ctx, doel->id);
    c->ingangsdatum = tarief_ctx_strdup(ctx, doel->ingangsdatum);
    c->naam = doel->naam && *doel->naam ? tarief_ctx_strdup(ctx, doel->naam)
                                        : nieuwe_naam(ctx, src, doel->ingangsdatum);
    nieuwe_regels(ctx, v);

    int dec = r->afronding == TARIEF_AFRONDING_EURO ? 0 : 2;
    v->n_rijen = c->n_salarissen = src->n_salarissen;
    v->rijen = tarief_ctx_alloc(ctx, (src->n_salarissen + 1) * sizeof *v->rijen);
    c->salarissen = tarief_ctx_alloc(ctx, (src->n_salarissen + 1) * sizeof *c->salarissen);
    for (size_t i = 0; i < src->n_salarissen; i++) {
        tarief_cao_rij *rij = &v->rijen[i];
        rij->oud = &src->salarissen[i];
        rij->stappen = tarief_ctx_alloc(ctx, r->n_stappen * sizeof *rij->stappen);
        double x = rij->oud->maandsalaris;
        for (size_t k = 0; k < r->n_stappen; k++) {
            const tarief_cao_stap *s = &v->stappen[k];
            tarief_cao_stapwaarde *w = &rij->stappen[k];
            w->voor = x;
            if (s->soort == TARIEF_CAO_PROCENT) {
                double inc = x * s->waarde;
                w->verhoging = inc;
                if (s->heeft_minimum && r9(inc) < s->minimum) {
                    inc = s->minimum;
                    w->begrensd = -1;
                } else if (s->heeft_maximum && r9(inc) > s->maximum) {
                    inc = s->maximum;
                    w->begrensd = 1;
                }
                x += inc;
            } else {
                double f = vloer(v, s);
                w->verhoging = f;
                if (r9(x) < r9(f)) {
                    x = f;
                    w->begrensd = 1;
                }
            }
            w->na = x;
        }
        rij->ongerond = x;
        rij->maandsalaris = tarief_round(x, dec);
        if (!isfinite(rij->maandsalaris) || rij->maandsalaris > 1e7)
            tarief_ctx_error(ctx, src->salaris_file, rij->oud->bron.line, rij->oud->bron.column,
                             NULL, "salaris %s trede %s wordt te groot", rij->oud->schaal,
                             rij->oud->trede);
        rij->toelichting = rij_tekst(ctx, v, rij);

        tarief_salaris *ns = &c->salarissen[i];
        *ns = *rij->oud;
        ns->bron = (tarief_bron){ 0 };
        ns->maandsalaris = rij->maandsalaris;
        ns->bron.tekst = ti_ctx_printf(ctx, "afgeleid van %s met tarief cao verhoog: %s",
                                           src->id, rij->toelichting);
    }
    if (tarief_diag_total(tarief_ctx_diag(ctx)) > fouten)
        return NULL;
    return v;
}

/* --- write -------------------------------------------------------------- */

/* A field of a `;` file, quoted only when it must be. */
static void veld(FILE *fp, const char *s)
{
    size_t n = strlen(s);
    bool quote = strpbrk(s, ";\"\r\n") != NULL || (n > 0 && (s[0] == ' ' || s[n - 1] == ' ')) ||
                 s[0] == '#';
    if (!quote) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

static void schrijf_cao_csv(FILE *fp, const tarief_cao_verhoging *v)
{
    fputs("parameter;waarde;bron\n", fp);
    for (size_t i = 0; i < v->cao.n_regels; i++) {
        const tarief_regel *rg = &v->cao.regels[i];
        veld(fp, rg->naam);
        fputc(';', fp);
        veld(fp, rg->waarde ? rg->waarde : "");
        fputc(';', fp);
        veld(fp, rg->bron.tekst ? rg->bron.tekst : "");
        fputc('\n', fp);
    }
}

static void schrijf_salarissen_csv(FILE *fp, const tarief_cao_verhoging *v)
{
    char buf[64];
    fputs("schaal;trede;maandsalaris;bron\n", fp);
    for (size_t i = 0; i < v->n_rijen; i++) {
        const tarief_cao_rij *rij = &v->rijen[i];
        veld(fp, rij->oud->schaal);
        fputc(';', fp);
        veld(fp, rij->oud->trede);
        fputc(';', fp);
        fputs(tarief_fmt_nl(buf, sizeof buf, rij->maandsalaris, 2), fp);
        fputc(';', fp);
        veld(fp, v->cao.salarissen[i].bron.tekst);
        fputc('\n', fp);
    }
}

static int schrijf_bestand(const char *pad, void (*schrijf)(FILE *, const tarief_cao_verhoging *),
                           const tarief_cao_verhoging *v)
{
    FILE *fp = fopen(pad, "w");
    if (fp == NULL)
        return -1;
    schrijf(fp, v);
    int fout = ferror(fp) || fflush(fp) != 0 || fsync(fileno(fp)) != 0;
    int e = errno;
    if (fclose(fp) != 0 && !fout) {
        fout = 1;
        e = errno;
    }
    errno = e;
    return fout ? -1 : 0;
}

static void opruimen(const char *tmp)
{
    char pad[4200];
    snprintf(pad, sizeof pad, "%s/cao.csv", tmp);
    unlink(pad);
    snprintf(pad, sizeof pad, "%s/salarisschalen.csv", tmp);
    unlink(pad);
    rmdir(tmp);
    ti_tmp_forget_under(tmp);
}

tarief_cao_status tarief_cao_schrijf(tarief_ctx *ctx, const tarief_cao_verhoging *v,
                                     const char *cao_map)
{
    char doel[4096], tmp[4096], pad[4200];
    struct stat st;

    if (snprintf(doel, sizeof doel, "%s/%s", cao_map, v->cao.id) >= (int)sizeof doel ||
        snprintf(tmp, sizeof tmp, "%s/.%s.tmp-XXXXXX", cao_map, v->cao.id) >= (int)sizeof tmp) {
        tarief_ctx_error(ctx, cao_map, 0, 0, NULL, "pad te lang");
        return TARIEF_CAO_IO;
    }
    if (lstat(doel, &st) == 0) {
        tarief_ctx_error(ctx, doel, 0, 0, NULL,
                         "bestaat al; een cao-tabel wordt nooit overschreven: kies een andere "
                         "--naar of verwijder de map eerst zelf");
        return TARIEF_CAO_BESTAAT;
    }
    if (errno != ENOENT) {
        tarief_ctx_error(ctx, doel, 0, 0, NULL, "kan niet controleren of de map bestaat: %s",
                         tarief_strerror(errno));
        return TARIEF_CAO_IO;
    }
    if (mkdtemp(tmp) == NULL) {
        tarief_ctx_error(ctx, cao_map, 0, 0, NULL, "kan geen tijdelijke map maken: %s",
                         tarief_strerror(errno));
        return TARIEF_CAO_IO;
    }
    ti_tmp_register(tmp, true); /* removed on SIGINT/SIGTERM/SIGHUP too */
    /* mkdtemp makes the directory private; the table is not. */
    mode_t masker = umask(0);
    umask(masker);
    chmod(tmp, 0777 & ~masker);

    const char *fout_pad = NULL;
    snprintf(pad, sizeof pad, "%s/cao.csv", tmp);
    ti_tmp_register(pad, false);
    if (schrijf_bestand(pad, schrijf_cao_csv, v) != 0)
        fout_pad = "cao.csv";
    snprintf(pad, sizeof pad, "%s/salarisschalen.csv", tmp);
    ti_tmp_register(pad, false);
    if (fout_pad == NULL && schrijf_bestand(pad, schrijf_salarissen_csv, v) != 0)
        fout_pad = "salarisschalen.csv";
    if (fout_pad != NULL) {
        int e = errno;
        opruimen(tmp);
        tarief_ctx_error(ctx, doel, 0, 0, NULL, "kan %s niet schrijven: %s", fout_pad,
                         tarief_strerror(e));
        return TARIEF_CAO_IO;
    }
    /* rename(2) would replace an empty directory that appeared meanwhile. */
    if (lstat(doel, &st) == 0) {
        opruimen(tmp);
        tarief_ctx_error(ctx, doel, 0, 0, NULL,
                         "bestaat al (zojuist aangemaakt door iets anders); niets geschreven");
        return TARIEF_CAO_BESTAAT;
    }
    if (rename(tmp, doel) != 0) {
        int e = errno;
        opruimen(tmp);
        tarief_ctx_error(ctx, doel, 0, 0, NULL, "kan de map niet op zijn plaats zetten: %s",
                         tarief_strerror(e));
        return (e == EEXIST || e == ENOTEMPTY) ? TARIEF_CAO_BESTAAT : TARIEF_CAO_IO;
    }
    /* the registered names are under tmp, which is gone now: harmless to a
     * signal before this line */
    ti_tmp_forget_under(tmp);
    return TARIEF_CAO_OK;
}
