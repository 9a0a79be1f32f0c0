/*
 * plausibel.c - plausible ranges of every parameter and product field
 * (docs/betrouwbaarheid.md, "Plausibele waarden").
 *
 * A value the method cannot compute with (a productiviteit of 0, a negative
 * group) is refused by the loader. A value it can compute with but that no
 * real tariff has (a productiviteit of 1 %, a dagdeel of 40 hours) gives a
 * warning `file:line:column: waarschuwing: ...` and loading goes on; with
 * --streng (tarief_load_options.streng) it is an error. The ranges are
 * wide on purpose: they catch typing errors (a missing comma, percent
 * written as a fraction), not policy.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

typedef struct bereik {
    double min, max;
    const char *waarom; /* where the usual values come from */
} bereik;

/* Percentages as fractions; NAN: no range. Sources: domein (cao texts,
 * CBS, regional build-ups), summarised in docs/betrouwbaarheid.md. */
static bereik param_bereik(tarief_param_id id)
{
    switch (id) {
    case TARIEF_P_VAKANTIETOESLAG: return (bereik){0, 0.12, "8 % in de cao's jeugdzorg, GHZ, GGZ en sociaal werk"};
    case TARIEF_P_EINDEJAARSUITKERING: return (bereik){0, 0.12, "8,33 % (GHZ, GGZ), 8,3 % (sociaal werk)"};
    case TARIEF_P_WERKGEVERSLASTEN: return (bereik){0.10, 0.45, "sociale lasten bijna 20 % plus werkgeversdeel pensioen"};
    case TARIEF_P_JAARUREN: return (bereik){1400, 2100, "1.872 of 1.878 uur per fte bij 36 uur per week"};
    case TARIEF_P_PRODUCTIVITEIT: return (bereik){0.50, 1, "80 % in een gepubliceerde opbouw voor begeleiding"};
    case TARIEF_P_VERLOF: return (bereik){0, 0.25, "vakantie- en feestdagen, ongeveer 10-15 %"};
    case TARIEF_P_VERZUIM: return (bereik){0, 0.20, "6,7-7,3 % in zorg en welzijn (CBS, 2023)"};
    case TARIEF_P_SCHOLING:
    case TARIEF_P_WERKOVERLEG:
    case TARIEF_P_INDIRECTE_TIJD:
    case TARIEF_P_OVERIG_NIET_PRODUCTIEF: return (bereik){0, 0.25, "enkele procenten per onderdeel"};
    case TARIEF_P_ORT: return (bereik){0, 0.50, "toeslag 25-45 % per onregelmatig uur, maal het aandeel van die uren"};
    case TARIEF_P_REIS_EN_OPLEIDING: return (bereik){0, 0.20, "enkele procenten"};
    case TARIEF_P_GEMEENTELIJKE_VERPLICHTINGEN: return (bereik){0, 0.20, "enkele procenten"};
    case TARIEF_P_OVERHEAD: return (bereik){0, 0.50, "20 % opslag in een gepubliceerde opbouw"};
    case TARIEF_P_RISICO: return (bereik){0, 0.10, "een marge van enkele procenten"};
    case TARIEF_P_INDEXATIE: return (bereik){-0.05, 0.25, "VNG-indexcijfers 2024-2025: 4,96-6,30 % per jaar"};
    case TARIEF_P_INDEXATIE_LOONDEEL: return (bereik){0.5, 1, "VNG: 90 % OVA"};
    case TARIEF_P_PGB_PROFESSIONEEL: return (bereik){0.75, 1, "gangbaar 75-100 % van het tarief"};
    case TARIEF_P_PGB_INFORMEEL: return (bereik){0.50, 0.80, "gangbaar 50-80 % van het tarief"};
    default: return (bereik){NAN, NAN, NULL};
    }
}

/* Hours per unit by unit: the iJw unit codes (dagdeel = 4 uur) and the
 * length of the unit times a few staff members. */
static bereik uren_bereik(tarief_eenheid e)
{
    switch (e) {
    case TARIEF_EENHEID_MINUUT: return (bereik){0.5 / 60, 2.0 / 60, "een minuut is 1/60 uur (0,0167)"};
    case TARIEF_EENHEID_UUR: return (bereik){0.5, 2, "een uur, met voorbereiding hooguit 2"};
    case TARIEF_EENHEID_DAGDEEL: return (bereik){2, 5, "een dagdeel is 3,5-4 uur (iJw: 4 uur)"};
    case TARIEF_EENHEID_ETMAAL: return (bereik){0.5, 24, "een etmaal heeft 24 uur"};
    case TARIEF_EENHEID_DAG: return (bereik){0.5, 24, "een dag heeft 24 uur"};
    case TARIEF_EENHEID_WEEK: return (bereik){0.25, 168, "een week heeft 168 uur"};
    case TARIEF_EENHEID_MAAND: return (bereik){0.25, 744, "een maand heeft ten hoogste 744 uur"};
    case TARIEF_EENHEID_TRAJECT: return (bereik){0.25, 2000, "een traject van hooguit ruim een jaar werk"};
    case TARIEF_EENHEID_STUK: return (bereik){0.01, 2000, "een stuk van hooguit ruim een jaar werk"};
    }
    return (bereik){NAN, NAN, NULL};
}

typedef struct checker {
    tarief_ctx *ctx;
    bool streng;
} checker;

static const char *getal(char *buf, size_t size, double x, bool pct)
{
    char t[64];
    tarief_fmt_nl_trim(t, sizeof t, pct ? x * 100 : x, 0, 4);
    snprintf(buf, size, "%s%s", t, pct ? " %" : "");
    return buf;
}

static void melden(const checker *c, const tarief_bron *b, const char *fmt, const char *wat, const char *waarde,
                   const char *lo, const char *hi, const char *waarom)
{
    const char *streng = c->streng ? "" : "; klopt het, dan kunt u dit negeren (met --streng is het een fout)";
    if (c->streng)
        tarief_ctx_error(c->ctx, b->file, b->line, b->column, NULL, fmt, wat, waarde, lo, hi, waarom, streng);
    else
        tarief_ctx_warning(c->ctx, b->file, b->line, b->column, NULL, fmt, wat, waarde, lo, hi, waarom, streng);
}

static const char FMT[] = "%s is %s: buiten het gebruikelijke bereik %s tot %s (%s)%s";

static void check(const checker *c, const tarief_param *p, const char *wat, bereik b, bool pct)
{
    if (!p->set || isnan(b.min) || !p->bron.file)
        return;
    if (p->waarde >= b.min - 1e-12 && p->waarde <= b.max + 1e-12)
        return;
    char w[96], lo[64], hi[64];
    snprintf(w, sizeof w, "%s", p->tekst ? p->tekst : getal(lo, sizeof lo, p->waarde, pct));
    melden(c, &p->bron, FMT, wat, w, getal(lo, sizeof lo, b.min, pct), getal(hi, sizeof hi, b.max, pct), b.waarom);
}

static void check_params(const checker *c, const tarief_param *params, const char *waar)
{
    for (int id = 0; id < TARIEF_P_COUNT; id++) {
        const tarief_param *p = &params[id];
        const tarief_param_info *info = tarief_param_info_get((tarief_param_id)id);
        if (!p->set || info->soort == TARIEF_SOORT_KEUZE || info->soort == TARIEF_SOORT_JAAR)
            continue;
        if (id == TARIEF_P_INDEXATIE && p->keuze == TARIEF_INDEXATIE_VNG)
            continue;
        char wat[160];
        snprintf(wat, sizeof wat, "%s%s", info->naam, waar);
        check(c, p, wat, param_bereik((tarief_param_id)id), info->soort == TARIEF_SOORT_PERCENTAGE);
    }
}

void ti_check_plausibel(tarief_ctx *ctx, const tarief_regio *r, bool streng)
{
    checker c = {ctx, streng};
    check_params(&c, r->params, "");
    for (size_t i = 0; i < r->n_caos; i++) {
        const tarief_cao *cao = r->caos[i];
        check_params(&c, cao->params, " (cao)");
        check(&c, &cao->uren_per_week, "uren_per_week", (bereik){24, 40, "36 uur in de cao's jeugdzorg, GHZ, GGZ en sociaal werk"}, false);
        for (size_t k = 0; k < cao->n_salarissen; k++) {
            const tarief_salaris *s = &cao->salarissen[k];
            tarief_param sp = {true, s->maandsalaris, 0, NULL, s->bron};
            char wat[160];
            snprintf(wat, sizeof wat, "maandsalaris van schaal %s trede %s", s->schaal, s->trede);
            check(&c, &sp, wat, (bereik){1000, 15000, "cao-tabellen zorg en welzijn: ruwweg 2.000 tot 8.000 euro"}, false);
        }
    }
    for (size_t i = 0; i < r->n_functies; i++) {
        const tarief_functie *f = &r->functies[i];
        char wat[160];
        snprintf(wat, sizeof wat, "loonkosten_per_uur van functie '%s'", f->naam ? f->naam : "?");
        check(&c, &f->loonkosten_per_uur, wat, (bereik){10, 250, "van minimumloon tot een duur zzp-uurtarief"}, false);
    }
    for (size_t i = 0; i < r->n_producten; i++) {
        const tarief_product *p = &r->producten[i];
        char wat[200];
        snprintf(wat, sizeof wat, " van product '%s'", p->code ? p->code : "?");
        check_params(&c, p->params, wat);
        char w2[260];
        snprintf(w2, sizeof w2, "uren_per_eenheid%s (eenheid %s)", wat, tarief_eenheid_naam(p->eenheid));
        check(&c, &p->uren_per_eenheid, w2, uren_bereik(p->eenheid), false);
        snprintf(w2, sizeof w2, "begeleiders%s", wat);
        check(&c, &p->begeleiders, w2, (bereik){0.1, 10, "een tot enkele begeleiders per groep"}, false);
        snprintf(w2, sizeof w2, "groepsgrootte%s", wat);
        check(&c, &p->groepsgrootte, w2, (bereik){1, 30, "individueel (1) tot een klas of grote groep"}, false);
        snprintf(w2, sizeof w2, "huisvesting%s", wat);
        check(&c, &p->huisvesting, w2, (bereik){0, 1000, "euro per eenheid"}, false);
        snprintf(w2, sizeof w2, "verzorging%s", wat);
        check(&c, &p->verzorging, w2, (bereik){0, 1000, "euro per eenheid"}, false);
    }
}
