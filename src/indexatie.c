/*
 * indexatie.c - `indexatie;vng`: NvO element 8 computed with the VNG method
 * over an index series of OVA (labour) and PPC (prices), instead of a
 * percentage given by hand (domein.md, Indexation; docs/indexatie.md).
 *
 * Part of the compute stage: the loader calls it once per product to check
 * that the series covers what the product needs (so a gap is an input
 * error with exit 2), compute.c calls it again to fill the derivation.
 * Nothing here reads files; the series was loaded by load.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

const tarief_indexrij *tarief_indexreeks_jaar(const tarief_indexreeks *s, int jaar)
{
    if (!s)
        return NULL;
    for (size_t i = 0; i < s->n_rijen; i++)
        if (s->rijen[i].jaar == jaar)
            return &s->rijen[i];
    return NULL;
}

/* Two decimals in percent = four in the fraction, with spreadsheet ROUND. */
static double twee_decimalen(double fractie)
{
    return tarief_round(fractie, 4);
}

/* loondeel x OVA + (1 - loondeel) x PPC into *ongerond; returned rounded
 * to two decimals in percent with tussenafronding. */
static double gewogen(double loondeel, double ova, double ppc, bool tussenafronding, double *ongerond)
{
    double w = loondeel * ova + (1 - loondeel) * ppc;
    *ongerond = w;
    return tussenafronding ? twee_decimalen(w) : w;
}

int tarief_indexcijfer(const tarief_indexreeks *s, int jaar, const tarief_indexregels *g, tarief_indexjaar *out,
                       int *ontbrekend_jaar, const char **ontbrekende_kolom)
{
#define ONTBREEKT(y, kolom)                    \
    do {                                       \
        if (ontbrekend_jaar)                   \
            *ontbrekend_jaar = (y);            \
        if (ontbrekende_kolom)                 \
            *ontbrekende_kolom = (kolom);      \
        return -1;                             \
    } while (0)

    memset(out, 0, sizeof *out);
    out->jaar = jaar;
    const tarief_indexrij *rij = tarief_indexreeks_jaar(s, jaar);
    if (!rij)
        ONTBREEKT(jaar, "jaar");
    if (!rij->ova_voorlopig.set)
        ONTBREEKT(jaar, "ova_voorlopig");
    if (!rij->ppc_voorlopig.set)
        ONTBREEKT(jaar, "ppc_voorlopig");
    const tarief_indexrij *vorig = tarief_indexreeks_jaar(s, jaar - 1);
    if (!vorig)
        ONTBREEKT(jaar - 1, "jaar");
    if (!vorig->ova_voorlopig.set)
        ONTBREEKT(jaar - 1, "ova_voorlopig");
    if (!vorig->ppc_voorlopig.set)
        ONTBREEKT(jaar - 1, "ppc_voorlopig");
    if (!vorig->ova_definitief.set)
        ONTBREEKT(jaar - 1, "ova_definitief");
    if (!vorig->ppc_definitief.set)
        ONTBREEKT(jaar - 1, "ppc_definitief");
#undef ONTBREEKT

    out->rij = rij;
    out->vorig = vorig;
    double w = g->loondeel;
    out->gewogen_voorlopig = gewogen(w, rij->ova_voorlopig.waarde, rij->ppc_voorlopig.waarde, g->tussenafronding,
                                     &out->gewogen_voorlopig_ongerond);
    out->vorig_gewogen_voorlopig = gewogen(w, vorig->ova_voorlopig.waarde, vorig->ppc_voorlopig.waarde,
                                           g->tussenafronding, &out->vorig_gewogen_voorlopig_ongerond);
    out->vorig_gewogen_definitief = gewogen(w, vorig->ova_definitief.waarde, vorig->ppc_definitief.waarde,
                                            g->tussenafronding, &out->vorig_gewogen_definitief_ongerond);
    if (g->methode == TARIEF_INDEXATIE_VERHOUDING)
        out->inhaal = (1 + out->vorig_gewogen_definitief) / (1 + out->vorig_gewogen_voorlopig) - 1;
    else
        out->inhaal = out->vorig_gewogen_definitief - out->vorig_gewogen_voorlopig;
    out->index_ongerond = out->gewogen_voorlopig + out->inhaal;
    /* The VNG publishes (and regions apply) the index in two decimals:
     * 4,957 -> 4,96 %, 6,3038 -> 6,30 %. */
    out->index = twee_decimalen(out->index_ongerond);
    out->cumulatief = out->index;
    return 0;
}

static int jaar_van(const char *datum)
{
    return datum ? atoi(datum) : 0; /* validated as JJJJ-MM-DD by the loader */
}

static tarief_bron ingangsdatum_bron(const tarief_cao *c)
{
    for (size_t i = 0; i < c->n_regels; i++)
        if (strcasecmp(c->regels[i].naam, "ingangsdatum") == 0)
            return c->regels[i].bron;
    return (tarief_bron){c->cao_file, 1, 1, NULL};
}

static const tarief_indexatie_vng *fout_bij(tarief_indexfout *fout, const tarief_bron *b, const char *msg)
{
    if (fout) {
        fout->file = b->file;
        fout->line = b->line;
        fout->column = b->column;
        fout->msg = msg;
    }
    return NULL;
}

const tarief_indexatie_vng *ti_indexatie_vng_product(tarief_ctx *ctx, const tarief_regio *r,
                                                         const tarief_product *p, tarief_indexfout *fout)
{
    const tarief_param *ix = p->params[TARIEF_P_INDEXATIE].set ? &p->params[TARIEF_P_INDEXATIE]
                                                                : &r->params[TARIEF_P_INDEXATIE];
    const tarief_indexreeks *s = r->indexreeks;
    if (!s)
        return fout_bij(fout, &ix->bron, "indexatie 'vng': er is geen indexreeks geladen");

    tarief_indexatie_vng *v = tarief_ctx_alloc(ctx, sizeof *v);
    v->reeks = s;
    v->methode = ti_resolve_param(r, p, NULL, TARIEF_P_INDEXATIE_METHODE);
    v->loondeel = ti_resolve_param(r, p, NULL, TARIEF_P_INDEXATIE_LOONDEEL);
    v->tussenafronding = ti_resolve_param(r, p, NULL, TARIEF_P_INDEXATIE_TUSSENAFRONDING);
    v->prijspeil = ti_resolve_param(r, p, NULL, TARIEF_P_PRIJSPEIL);
    v->tariefjaar = r->tariefjaar;

    if (v->prijspeil.herkomst == TARIEF_HERKOMST_STANDAARD) {
        /* Default: the year of the CAO table the salaries come from. One
         * product, one price level: CAOs of different years, or no CAO at
         * all, need an explicit prijspeil. loonkosten_per_uur functies next
         * to CAO functies are taken to be at the CAO's price level. */
        const tarief_cao *eerste = NULL, *ander = NULL;
        for (size_t j = 0; j < p->n_mix; j++) {
            const tarief_functie *f = p->mix[j].functie;
            if (!f || !f->cao)
                continue;
            if (!eerste)
                eerste = f->cao;
            else if (!ander && jaar_van(f->cao->ingangsdatum) != jaar_van(eerste->ingangsdatum))
                ander = f->cao;
        }
        if (!eerste)
            return fout_bij(fout, &ix->bron,
                            ti_ctx_printf(ctx,
                                              "product '%s' rekent met indexatie 'vng', maar geen van zijn functies komt uit een cao-tabel (alleen loonkosten_per_uur), dus het prijspeil is onbekend: zet 'prijspeil' (het jaar waarin die loonkosten golden) in producten.csv of uitgangspunten.csv",
                                              p->code));
        if (ander)
            return fout_bij(fout, &ix->bron,
                            ti_ctx_printf(ctx,
                                              "product '%s' rekent met indexatie 'vng', maar zijn functies komen uit cao-tabellen met een verschillend prijspeil (%s: %s, %s: %s): zet 'prijspeil' voor dit product in producten.csv of voor de regio in uitgangspunten.csv",
                                              p->code, eerste->id, eerste->ingangsdatum, ander->id,
                                              ander->ingangsdatum));
        tarief_param *pp = tarief_ctx_alloc(ctx, sizeof *pp);
        pp->set = true;
        pp->waarde = jaar_van(eerste->ingangsdatum);
        pp->tekst = eerste->ingangsdatum;
        pp->bron = ingangsdatum_bron(eerste);
        v->prijspeil.herkomst = TARIEF_HERKOMST_CAO;
        v->prijspeil.waarde = pp->waarde;
        v->prijspeil.param = pp;
        v->prijspeil_cao = eerste;
    }
    int van = (int)v->prijspeil.waarde;
    const tarief_bron *pb = &v->prijspeil.param->bron;
    if (van > r->tariefjaar)
        return fout_bij(fout, pb,
                        v->prijspeil_cao
                            ? ti_ctx_printf(ctx,
                                                "het prijspeil %d (ingangsdatum van cao '%s') ligt na tariefjaar %d: indexatie 'vng' indexeert alleen vooruit; zet 'prijspeil' of kies een eerdere cao-tabel",
                                                van, v->prijspeil_cao->id, r->tariefjaar)
                            : ti_ctx_printf(ctx, "prijspeil %d ligt na tariefjaar %d: indexatie 'vng' indexeert alleen vooruit",
                                                van, r->tariefjaar));

    tarief_indexregels g = {(tarief_indexatie_methode)v->methode.keuze, v->loondeel.waarde,
                            v->tussenafronding.keuze == 1};
    v->n_jaren = (size_t)(r->tariefjaar - van);
    v->jaren = tarief_ctx_alloc(ctx, (v->n_jaren ? v->n_jaren : 1) * sizeof *v->jaren);
    double factor = 1;
    for (size_t i = 0; i < v->n_jaren; i++) {
        int y = van + 1 + (int)i;
        int mj = 0;
        const char *mk = NULL;
        if (tarief_indexcijfer(s, y, &g, &v->jaren[i], &mj, &mk) != 0) {
            const char *nodig = mj == y ? ti_ctx_printf(ctx, "het indexcijfer van %d", y)
                                        : ti_ctx_printf(ctx, "de inhaalslag over %d in het indexcijfer van %d", mj, y);
            if (strcmp(mk, "jaar") == 0)
                return fout_bij(fout, &ix->bron,
                                ti_ctx_printf(ctx,
                                                  "jaar %d ontbreekt in de indexreeks %s; nodig voor %s (indexatie 'vng' van prijspeil %d naar tariefjaar %d): voeg een regel %d toe met de cijfers van de VNG",
                                                  mj, s->path, nodig, van, r->tariefjaar, mj));
            const tarief_indexrij *rij = tarief_indexreeks_jaar(s, mj);
            const tarief_param *cel = strcmp(mk, "ova_definitief") == 0   ? &rij->ova_definitief
                                      : strcmp(mk, "ppc_definitief") == 0 ? &rij->ppc_definitief
                                      : strcmp(mk, "ova_voorlopig") == 0  ? &rij->ova_voorlopig
                                                                          : &rij->ppc_voorlopig;
            return fout_bij(fout, &cel->bron,
                            ti_ctx_printf(ctx,
                                              "%s van %d ontbreekt in de indexreeks %s; nodig voor %s: vul het cijfer in zodra de VNG het publiceert, of kies een later prijspeil",
                                              mk, mj, s->path, nodig));
        }
        factor *= 1 + v->jaren[i].index;
        v->jaren[i].cumulatief = factor - 1;
    }
    v->indexatie = factor - 1;
    return v;
}
