/*
 * publiceer.c - `tarief publiceer`: the onderbouwing of a region's tariffs
 * as one self-contained HTML document (tarief/publiceer.h).
 *
 * Everything shown is read from the derivation records and from
 * tarief_uitleg_stappen (the same steps `uitleg` prints): nothing here
 * recomputes a tariff or describes the method again. The document loads
 * nothing: inline CSS, inline SVG, and a Content-Security-Policy that
 * forbids every other source.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "publiceer_internal.h"

/* --- small writers --------------------------------------------------------- */

static const char *geld(char *buf, size_t size, double x, int dec)
{
    char t[64];
    tarief_fmt_nl(t, sizeof t, x, dec);
    snprintf(buf, size, "€ %s", t);
    return buf;
}

static const char *cent(char *buf, size_t size, long long c, bool teken)
{
    char t[64];
    tarief_fmt_nl(t, sizeof t, (double)c / 100.0, 2);
    snprintf(buf, size, "%s%s", teken && c > 0 ? "+" : "", t);
    return buf;
}

/* The last two parts of a path ("voorbeeldregio/functiemix.csv"): enough to
 * tell the files apart inline; the list of sources gives the full path. */
static const char *kort(const char *path)
{
    const char *p = path + strlen(path), *k = path;
    int slashes = 0;
    while (p > path) {
        p--;
        if (*p == '/' && ++slashes == 2) {
            k = p + 1;
            break;
        }
    }
    return k;
}

/* "file:line" (short) only. */
static void ref_html(FILE *out, const tarief_bron *b)
{
    if (!b->file)
        return;
    fputs("<span class=\"pad\">", out);
    /* a line may break after a slash, nowhere else */
    char c[2] = {0, 0};
    for (const char *k = kort(b->file); *k; k++) {
        c[0] = *k;
        pub_esc(out, c);
        if (*k == '/')
            fputs("<wbr>", out);
    }
    if (b->line > 0)
        fprintf(out, ":%d", b->line);
    fputs("</span>", out);
}

/* "file:line" (short) and the bron text, as one cell's contents. */
static void bron_html(FILE *out, const tarief_bron *b)
{
    if (!b->file) {
        fputs("<span class=\"stil\">standaardwaarde of afgeleid</span>", out);
        return;
    }
    ref_html(out, b);
    if (b->tekst && b->tekst[0]) {
        fputs(" — ", out);
        pub_esc(out, b->tekst);
    }
}

static const char *const MAANDEN[12] = {"januari", "februari", "maart", "april", "mei", "juni",
                                        "juli", "augustus", "september", "oktober", "november", "december"};

/* The date: explicit, SOURCE_DATE_EPOCH, or now. -1: SOURCE_DATE_EPOCH invalid. */
static int datum(const tarief_publiceer_options *o, long long *t)
{
    if (o && o->datum) {
        *t = o->datum;
        return 0;
    }
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (s && *s) {
        char *end;
        errno = 0;
        long long v = strtoll(s, &end, 10);
        if (errno || *end || v < 0 || v > 253402300799LL)
            return -1;
        *t = v;
        return 0;
    }
    *t = (long long)time(NULL);
    return 0;
}

/* --- the productkaart's toelichting ---------------------------------------- */

/* The `toelichting` column of producten.csv is free text the model does not
 * keep when the row also has a `bron`: read it again with the public CSV
 * reader, by line. NULL entries where there is none. */
static const char **toelichtingen(tarief_ctx *ctx, const tarief_regio *r)
{
    const char **t = tarief_ctx_alloc(ctx, (r->n_producten + 1) * sizeof *t);
    if (!r->producten_file)
        return t;
    const tarief_csv *c = tarief_csv_read(ctx, r->producten_file);
    if (!c)
        return t;
    int kol = -1;
    for (size_t h = 0; h < c->header.n; h++)
        if (strcasecmp(c->header.cells[h].text, "toelichting") == 0)
            kol = (int)h;
    if (kol < 0)
        return t;
    /* both in file order: walk along, starting over only if a line is missing */
    size_t k = 0;
    for (size_t i = 0; i < r->n_producten; i++) {
        int line = r->producten[i].bron.line;
        size_t start = k;
        while (k < c->n_rows && c->rows[k].line != line)
            k++;
        if (k == c->n_rows)
            for (k = 0; k < start && c->rows[k].line != line; k++)
                ;
        if (k < c->n_rows && c->rows[k].line == line) {
            if ((size_t)kol < c->rows[k].n && c->rows[k].cells[kol].text[0])
                t[i] = c->rows[k].cells[kol].text;
        } else {
            k = start;
        }
    }
    return t;
}

/* --- style ----------------------------------------------------------------- */

static const char CSS[] =
    ":root{--rand:#8a8a8a;--licht:#f2f4f7;--tekst:#111;--stil:#555}\n"
    "*{box-sizing:border-box}\n"
    "body{font-family:system-ui,\"DejaVu Sans\",\"Liberation Sans\",Arial,sans-serif;color:var(--tekst);"
    "line-height:1.4;margin:0 auto;max-width:62rem;padding:1.5rem;font-size:11pt}\n"
    "h1{font-size:1.7rem;margin:0 0 .3rem}h2{font-size:1.35rem;margin:2rem 0 .5rem;border-bottom:2px solid #0072b2;"
    "padding-bottom:.2rem}h3{font-size:1.1rem;margin:1.4rem 0 .4rem}h4{font-size:1rem;margin:1rem 0 .3rem}\n"
    "h2,h3,h4,caption,thead{break-after:avoid;page-break-after:avoid}\n"
    "p{margin:.4rem 0}\n"
    "table{border-collapse:collapse;width:100%;margin:.4rem 0 .8rem;font-size:.92em}\n"
    "caption{text-align:left;font-weight:600;padding:.2rem 0;caption-side:top}\n"
    "th,td{border:1px solid var(--rand);padding:.2rem .4rem;text-align:left;vertical-align:top}\n"
    "thead th{background:var(--licht)}tbody th{font-weight:600}\n"
    "thead{display:table-header-group}tfoot{display:table-footer-group}\n"
    "tr,tbody.stap,dl.kaart,figure,table.opbouw,table.verschil,table.mix{break-inside:avoid;page-break-inside:avoid}\n"
        "table.stappen{font-size:.86em}table.stappen th:first-child{width:2.8em}\n"
    "tbody th.pad,th .stil{font-weight:400}\n"
    "td.getal,th.getal{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "tfoot td,tfoot th{font-weight:700;background:var(--licht)}\n"
    ".pad,code,.hash{font-family:\"DejaVu Sans Mono\",\"Liberation Mono\",monospace;font-size:.88em}\n"
    ".hash{word-break:break-all}\n"
    ".stil{color:var(--stil)}\n"
    "dl.kaart{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.4rem 0}\n"
    "dl.kaart dt{font-weight:600}dl.kaart dd{margin:0}\n"
    ".tarief{font-size:1.15rem;font-weight:700}\n"
    "figure{margin:.6rem 0}figcaption{font-size:.9em;color:var(--stil)}\n"
    "svg.grafiek{width:100%;max-width:48rem;height:auto;display:block}\n"
    ".staal{display:inline-block;width:.8em;height:.8em;border:1px solid #333;margin-right:.35em;"
    "vertical-align:-.05em;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "ul.invoer{margin:0;padding-left:1.1rem}ul.invoer li{margin:.05rem 0}\n"
    ".formule{white-space:pre-wrap}\n"
    "a{color:#0b5394}\n"
    "table.verschil tbody th,table.opbouw tbody th{white-space:nowrap}\n"
    "@page{size:A4;margin:16mm 14mm 18mm;@bottom-center{content:\"pagina \" counter(page) \" van \" counter(pages);"
    "font-size:9pt;color:#555;font-family:system-ui,\"DejaVu Sans\",sans-serif}}\n"
    "@media print{body{max-width:none;padding:0;font-size:9.5pt}a{color:inherit;text-decoration:none}"
    "section.product{break-before:page;page-break-before:always}h2{margin-top:0}"
    "header.titel h2,#tarieven h2,#invoer h2{margin-top:1.2rem}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* --- parts ------------------------------------------------------------------ */

typedef struct pub {
    FILE *out;
    tarief_ctx *ctx;
    const tarief_regio *r;
    const tarief_afleiding *a;
    const tarief_verschillen *vorig;
    const char **toelichting;
} pub;

static const tarief_verschil_product *vorig_van(const pub *p, const tarief_product *prod)
{
    if (!p->vorig)
        return NULL;
    for (size_t i = 0; i < p->vorig->n_producten; i++)
        if (strcmp(p->vorig->producten[i].nieuw->product->code, prod->code) == 0)
            return &p->vorig->producten[i];
    return NULL;
}

/* The change in percent as `verschil` computed it (nothing when the old
 * tariff is 0). */
static void pct_verschil(FILE *out, const tarief_verschil_product *vp)
{
    if (!vp->pct_bekend)
        return;
    char t[64];
    double v = vp->verschil_pct;
    tarief_fmt_nl(t, sizeof t, v, 2);
    fprintf(out, "%s%s %%", v > 0 && strcmp(t, "0,00") != 0 ? "+" : "", t);
}

static void titel(pub *p, long long t)
{
    FILE *o = p->out;
    const tarief_regio *r = p->r;
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    fputs("<header class=\"titel\">\n<h1>Onderbouwing van de tarieven ", o);
    fprintf(o, "%d</h1>\n<p class=\"tarief\">", r->tariefjaar);
    pub_esc(o, r->naam);
    fputs("</p>\n<dl class=\"kaart\">\n<dt>Regio</dt><dd>", o);
    pub_esc(o, r->naam);
    fprintf(o, "</dd>\n<dt>Tariefjaar</dt><dd>%d</dd>\n", r->tariefjaar);
    fputs("<dt>Rekenmethode</dt><dd>" TARIEF_REKENMETHODE " (tarief " TARIEF_VERSION ")</dd>\n", o);
    fprintf(o, "<dt>Datum</dt><dd><time datetime=\"%04d-%02d-%02d\">%d %s %d</time></dd>\n", tm.tm_year + 1900,
            tm.tm_mon + 1, tm.tm_mday, tm.tm_mday, MAANDEN[tm.tm_mon], tm.tm_year + 1900);
    fputs("<dt>Invoer</dt><dd><span class=\"pad\">", o);
    pub_esc(o, r->dir);
    fprintf(o, "</span>, %zu producten, %zu invoerbestanden (controlegetallen hieronder)</dd>\n", r->n_producten,
            r->n_bestanden);
    if (p->vorig) {
        fputs("<dt>Vergeleken met</dt><dd>", o);
        pub_esc(o, p->vorig->oud->naam);
        fprintf(o, ", tariefjaar %d (<span class=\"pad\">", p->vorig->oud->tariefjaar);
        pub_esc(o, p->vorig->oud->dir);
        fputs("</span>)</dd>\n", o);
    }
    fputs("</dl>\n<p>Dit document laat per product zien hoe het tarief is opgebouwd: de productkaart, de "
          "opbouw per kostenelement met het NvO-element en de letter uit het Uitvoeringsbesluit Wmo 2015 "
          "(art. 5.4 lid 3) en het Besluit Jeugdwet (art. 2.3 lid 1), elke stap van de berekening en de bron "
          "van elke invoer (bestand:regel). Met de invoerbestanden hieronder en het programma <code>tarief</code> "
          "is elk tarief tot op de cent na te rekenen: <code>tarief uitleg &lt;regio-map&gt; &lt;code&gt;</code> "
          "toont dezelfde stappen, <code>tarief controleer</code> rekent een tarievenlijst na.</p>\n</header>\n",
          o);
}

static void tarievenlijst(pub *p)
{
    FILE *o = p->out;
    char b[64];
    fputs("<section id=\"tarieven\" aria-labelledby=\"tarieven-kop\">\n<h2 id=\"tarieven-kop\">Tarieven</h2>\n"
          "<table class=\"lijst\">\n",
          o);
    fprintf(o, "<caption>Tarieven %d per product, in de volgorde van producten.csv</caption>\n", p->r->tariefjaar);
    fputs("<thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Naam</th><th scope=\"col\">Eenheid</th>"
          "<th scope=\"col\" class=\"getal\">Tarief</th>",
          o);
    if (p->vorig)
        fprintf(o, "<th scope=\"col\" class=\"getal\">Tarief %d</th><th scope=\"col\" class=\"getal\">Verschil</th>"
                   "<th scope=\"col\" class=\"getal\">%%</th>",
                p->vorig->oud->tariefjaar);
    fputs("</tr></thead>\n<tbody>\n", o);
    for (size_t i = 0; i < p->r->n_producten; i++) {
        const tarief_afleiding *a = &p->a[i];
        fprintf(o, "<tr><th scope=\"row\"><a href=\"#p%zu\">", i + 1);
        pub_esc(o, a->product->code);
        fputs("</a></th><td>", o);
        pub_esc(o, a->product->naam);
        fprintf(o, "</td><td>%s</td><td class=\"getal\">%s</td>", tarief_eenheid_naam(a->product->eenheid),
                geld(b, sizeof b, a->tarief, 2));
        if (p->vorig) {
            const tarief_verschil_product *vp = vorig_van(p, a->product);
            if (vp) {
                fprintf(o, "<td class=\"getal\">%s</td>", geld(b, sizeof b, (double)vp->oud_cent / 100, 2));
                fprintf(o, "<td class=\"getal\">%s</td><td class=\"getal\">", cent(b, sizeof b, vp->verschil_cent, true));
                pct_verschil(o, vp);
                fputs("</td>", o);
            } else {
                fputs("<td colspan=\"3\">nieuw product</td>", o);
            }
        }
        fputs("</tr>\n", o);
    }
    fputs("</tbody>\n</table>\n", o);
    if (p->vorig && p->vorig->n_vervallen) {
        fprintf(o, "<p>Vervallen sinds %d (staan alleen in de vorige versie):</p>\n<ul>\n", p->vorig->oud->tariefjaar);
        for (size_t i = 0; i < p->vorig->n_vervallen; i++) {
            const tarief_afleiding *v = &p->vorig->vervallen[i];
            fputs("<li>", o);
            pub_esc(o, v->product->code);
            fputs(" ", o);
            pub_esc(o, v->product->naam);
            fprintf(o, " (%s per %s)</li>\n", geld(b, sizeof b, v->tarief, 2), tarief_eenheid_naam(v->product->eenheid));
        }
        fputs("</ul>\n", o);
    }
    fputs("</section>\n", o);
}

static void bestanden_tabel(FILE *o, const tarief_regio *r, const char *caption)
{
    fputs("<table class=\"bestanden\">\n<caption>", o);
    pub_esc(o, caption);
    fputs("</caption>\n<thead><tr><th scope=\"col\">Bestand</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n",
          o);
    for (size_t i = 0; i < r->n_bestanden; i++) {
        fputs("<tr><th scope=\"row\" class=\"pad\">", o);
        pub_esc(o, r->bestanden[i].path);
        fputs("</th><td class=\"hash\">", o);
        pub_esc(o, r->bestanden[i].sha256[0] ? r->bestanden[i].sha256 : "(niet berekend)");
        fputs("</td></tr>\n", o);
    }
    fputs("</tbody>\n</table>\n", o);
}

static void invoer(pub *p)
{
    FILE *o = p->out;
    fputs("<section id=\"invoer\" aria-labelledby=\"invoer-kop\">\n<h2 id=\"invoer-kop\">Invoerbestanden en "
          "controlegetallen</h2>\n<p>Elk bestand waaruit is gerekend, met zijn SHA-256-controlegetal. Wie de "
          "gepubliceerde bestanden heeft, controleert met <code>sha256sum &lt;bestand&gt;</code> dat het precies "
          "deze bestanden zijn; een ander getal betekent een andere invoer.</p>\n",
          o);
    bestanden_tabel(o, p->r, "Invoer van deze tarieven");
    if (p->vorig)
        bestanden_tabel(o, p->vorig->oud, "Invoer van de vorige versie (vergelijking)");
    fputs("<table class=\"uitgangspunten\">\n<caption>Uitgangspunten van de regio (uitgangspunten.csv)</caption>\n"
          "<thead><tr><th scope=\"col\">Parameter</th><th scope=\"col\">Waarde</th><th scope=\"col\">Bron</th></tr>"
          "</thead>\n<tbody>\n",
          o);
    for (size_t i = 0; i < p->r->n_regels; i++) {
        const tarief_regel *g = &p->r->regels[i];
        fputs("<tr><th scope=\"row\">", o);
        pub_esc(o, g->naam);
        if (g->param >= 0) {
            const tarief_param_info *info = tarief_param_info_get((tarief_param_id)g->param);
            if (info && info->label && strcmp(info->label, info->naam) != 0) {
                fputs(" <span class=\"stil\">(", o);
                pub_esc(o, info->label);
                fputs(")</span>", o);
            }
        }
        fputs("</th><td>", o);
        pub_esc(o, g->waarde);
        fputs("</td><td>", o);
        bron_html(o, &g->bron);
        fputs("</td></tr>\n", o);
    }
    fputs("</tbody>\n</table>\n</section>\n", o);
}

/* --- one product -------------------------------------------------------------- */

static void kaart_param(FILE *o, const char *dt, const tarief_param *pm, const char *standaard)
{
    fputs("<dt>", o);
    pub_esc(o, dt);
    fputs("</dt><dd>", o);
    if (pm->set) {
        pub_esc(o, pm->tekst);
    } else {
        pub_esc(o, standaard);
        fputs(" <span class=\"stil\">(standaard)</span>", o);
    }
    fputs("</dd>\n", o);
}

static void productkaart(pub *p, size_t i)
{
    FILE *o = p->out;
    const tarief_afleiding *a = &p->a[i];
    const tarief_product *pr = a->product;
    char b[64];
    fputs("<h3>Productkaart</h3>\n<dl class=\"kaart\">\n<dt>Code</dt><dd>", o);
    pub_esc(o, pr->code);
    fputs("</dd>\n<dt>Naam</dt><dd>", o);
    pub_esc(o, pr->naam);
    fprintf(o, "</dd>\n<dt>Eenheid</dt><dd>%s</dd>\n", tarief_eenheid_naam(pr->eenheid));
    if (p->toelichting[i]) {
        fputs("<dt>Toelichting</dt><dd>", o);
        pub_esc(o, p->toelichting[i]);
        fputs("</dd>\n", o);
    }
    kaart_param(o, "Uren per eenheid", &pr->uren_per_eenheid, "1");
    kaart_param(o, "Begeleiders", &pr->begeleiders, "1");
    kaart_param(o, "Groepsgrootte", &pr->groepsgrootte, "1");
    /* the inzet as the derivation's step 10 gives it (formula and all) */
    size_t n_st;
    const tarief_stap *st = tarief_uitleg_stappen(p->ctx, p->r, a, &n_st);
    for (size_t k = 0; k < n_st; k++)
        if (st[k].nummer == 10) {
            fputs("<dt>Inzet per eenheid</dt><dd>", o);
            pub_esc(o, st[k].waarde_tekst);
            fputs(" <span class=\"stil\">(stap 10: ", o);
            pub_esc(o, st[k].formule);
            fputs(")</span></dd>\n", o);
            break;
        }
    if (pr->huisvesting.set)
        kaart_param(o, "Huisvesting (€ per eenheid)", &pr->huisvesting, "0");
    if (pr->verzorging.set)
        kaart_param(o, "Verzorging (€ per eenheid)", &pr->verzorging, "0");
    for (int k = 0; k < TARIEF_P_COUNT; k++) {
        const tarief_param *pm = &pr->params[k];
        if (!pm->set)
            continue;
        fputs("<dt>", o);
        pub_esc(o, tarief_param_info_get((tarief_param_id)k)->naam);
        fputs("</dt><dd>", o);
        pub_esc(o, pm->tekst);
        fputs(" <span class=\"stil\">(afwijkend van de regio)</span></dd>\n", o);
    }
    fputs("<dt>Bron</dt><dd>", o);
    bron_html(o, &pr->bron);
    fputs("</dd>\n</dl>\n", o);

    fputs("<table class=\"mix\">\n<caption>Functiemix</caption>\n<thead><tr><th scope=\"col\">Functie</th>"
          "<th scope=\"col\" class=\"getal\">Aandeel</th><th scope=\"col\">Cao</th><th scope=\"col\">Schaal</th>"
          "<th scope=\"col\">Trede</th><th scope=\"col\" class=\"getal\">Maandsalaris</th>"
          "<th scope=\"col\" class=\"getal\">Kosten per uur</th><th scope=\"col\">Bron</th></tr></thead>\n<tbody>\n",
          o);
    for (size_t k = 0; k < a->n_functies; k++) {
        const tarief_functie_afleiding *fa = &a->functies[k];
        const tarief_functie *f = fa->functie;
        fputs("<tr><th scope=\"row\">", o);
        pub_esc(o, f->naam);
        if (f->omschrijving) {
            fputs("<br><span class=\"stil\">", o);
            pub_esc(o, f->omschrijving);
            fputs("</span>", o);
        }
        fprintf(o, "</th><td class=\"getal\">%s</td>", tarief_fmt_pct(b, sizeof b, fa->mix->aandeel));
        if (f->cao && f->salaris) {
            fputs("<td>", o);
            pub_esc(o, f->cao->id);
            fputs("</td><td>", o);
            pub_esc(o, f->salaris->schaal);
            fputs("</td><td>", o);
            pub_esc(o, f->salaris->trede);
            fprintf(o, "</td><td class=\"getal\">%s</td>", geld(b, sizeof b, f->salaris->maandsalaris, 2));
        } else {
            fputs("<td colspan=\"4\">loonkosten per uur opgegeven</td>", o);
        }
        fprintf(o, "<td class=\"getal\">%s</td><td>", geld(b, sizeof b, fa->kosten_per_uur, 2));
        ref_html(o, &fa->mix->bron);
        fputs("<br>", o);
        ref_html(o, &f->bron);
        if (f->salaris) {
            fputs("<br>", o);
            ref_html(o, &f->salaris->bron);
        }
        fputs("</td></tr>\n", o);
    }
    fputs("</tbody>\n</table>\n", o);
}

static void opbouw(pub *p, size_t i)
{
    FILE *o = p->out;
    const tarief_afleiding *a = &p->a[i];
    char b[64], id[32];
    fputs("<h3>Opbouw van het tarief</h3>\n<div class=\"blok\">\n<figure>\n", o);
    snprintf(id, sizeof id, "g%zu", i + 1);
    pub_svg_opbouw(o, a, id);
    fputs("<figcaption>De opbouw als gestapelde balk (percentage van het tarief); de tabel hieronder geeft "
          "dezelfde bedragen.</figcaption>\n</figure>\n",
          o);
    fputs("<table class=\"opbouw\">\n<caption>Opbouw per element, met de wettelijke grondslag</caption>\n"
          "<thead><tr><th scope=\"col\">Element</th><th scope=\"col\" class=\"getal\">Bedrag</th>"
          "<th scope=\"col\" class=\"getal\">Aandeel</th><th scope=\"col\">NvO-element</th>"
          "<th scope=\"col\">Wmo art. 5.4 lid 3</th><th scope=\"col\">Jeugdwet art. 2.3 lid 1</th></tr></thead>\n"
          "<tbody>\n",
          o);
    for (int e = 0; e < TARIEF_E_COUNT; e++) {
        const tarief_element_info *ei = tarief_element_info_get((tarief_element)e);
        fprintf(o, "<tr><th scope=\"row\"><span class=\"staal\" style=\"background:%s\" aria-hidden=\"true\">&#160;</span>",
                pub_kleur((tarief_element)e));
        pub_esc(o, ei->label);
        fprintf(o, "</th><td class=\"getal\">%s</td>", geld(b, sizeof b, a->element[e], 6));
        if (a->tarief != 0) {
            tarief_fmt_nl(b, sizeof b, a->element[e] / a->tarief * 100, 1);
            fprintf(o, "<td class=\"getal\">%s %%</td>", b);
        } else {
            fputs("<td class=\"getal\"></td>", o);
        }
        if (ei->nvo)
            fprintf(o, "<td>%d</td>", ei->nvo);
        else
            fputs("<td>—</td>", o);
        fprintf(o, "<td>%s</td><td>%s</td></tr>\n", strcmp(ei->wmo, "-") ? ei->wmo : "—",
                strcmp(ei->jeugdwet, "-") ? ei->jeugdwet : "—");
    }
    fprintf(o, "</tbody>\n<tfoot><tr><th scope=\"row\">Tarief per %s</th><td class=\"getal\">%s</td>"
               "<td class=\"getal\">100 %%</td><td colspan=\"3\">de elementen samen zijn precies het tarief</td></tr>"
               "</tfoot>\n</table>\n<p class=\"stil\">Bedragen met zes decimalen, zoals in de CSV; afgerond is alleen het "
               "tarief, het afrondingsverschil maakt de som precies. — betekent: geen eigen element of letter in "
               "die regeling.</p>\n</div>\n",
            tarief_eenheid_naam(a->product->eenheid), geld(b, sizeof b, a->tarief, 2));
}

static void verschil(pub *p, size_t i)
{
    FILE *o = p->out;
    const tarief_afleiding *a = &p->a[i];
    const tarief_verschil_product *vp = vorig_van(p, a->product);
    char b1[64], b2[64], b3[64], id[32];
    fputs("<h3>Waarom bewoog het tarief</h3>\n", o);
    if (!vp) {
        fputs("<p>Nieuw product: het stond niet in de vorige versie (<span class=\"pad\">", o);
        pub_esc(o, p->vorig->oud->dir);
        fputs("</span>).</p>\n", o);
        return;
    }
    fprintf(o, "<p>Tarief %d: %s; tarief %d: %s; verschil %s (", p->vorig->oud->tariefjaar,
            geld(b1, sizeof b1, (double)vp->oud_cent / 100, 2), p->r->tariefjaar,
            geld(b2, sizeof b2, (double)vp->nieuw_cent / 100, 2), cent(b3, sizeof b3, vp->verschil_cent, true));
    if (vp->pct_bekend)
        pct_verschil(o, vp);
    else
        fputs("n.v.t.", o);
    fputs(").", o);
    if (vp->eenheid_gewijzigd)
        fprintf(o, " Let op: de eenheid is gewijzigd van %s in %s.", tarief_eenheid_naam(vp->oud->product->eenheid),
                tarief_eenheid_naam(a->product->eenheid));
    fputs("</p>\n", o);
    if (vp->verschil_cent == 0 && vp->n_oorzaken == 0) {
        fputs("<p>Het tarief is niet veranderd en geen invoer is anders.</p>\n", o);
        return;
    }
    fputs("<p>De oude invoer is groep voor groep door de nieuwe vervangen, in de vaste volgorde hieronder; na elke "
          "groep is opnieuw gerekend. De bijdrage van een groep is het tarief erna min het tarief ervoor, in hele "
          "centen: samen precies het verschil.</p>\n<div class=\"blok\">\n",
          o);
    snprintf(id, sizeof id, "v%zu", i + 1);
    fputs("<figure>\n", o);
    pub_svg_verschil(o, vp, id);
    fputs("<figcaption>Bijdrage per invoergroep in euro; de tabel hieronder geeft dezelfde bedragen met de "
          "oorzaken.</figcaption>\n</figure>\n",
          o);
    fputs("<table class=\"verschil\">\n<caption>Bijdragen aan het verschil</caption>\n<thead><tr>"
          "<th scope=\"col\">Invoergroep</th><th scope=\"col\" class=\"getal\">Bijdrage</th>"
          "<th scope=\"col\">Wat is anders (nieuw i.p.v. oud, met bron)</th></tr></thead>\n<tbody>\n",
          o);
    for (int g = 0; g < TARIEF_G_COUNT; g++) {
        bool heeft = false;
        for (size_t k = 0; k < vp->n_oorzaken; k++)
            heeft |= vp->oorzaken[k].groep == (tarief_groep)g;
        if (!heeft && vp->bijdrage_cent[g] == 0)
            continue;
        fprintf(o, "<tr><th scope=\"row\">%d ", g + 1);
        pub_esc(o, tarief_groep_info_get((tarief_groep)g)->label);
        fprintf(o, "</th><td class=\"getal\">%s</td><td>", cent(b1, sizeof b1, vp->bijdrage_cent[g], true));
        const char *sep = "";
        for (size_t k = 0; k < vp->n_oorzaken; k++)
            if (vp->oorzaken[k].groep == (tarief_groep)g) {
                fputs(sep, o);
                pub_esc(o, vp->oorzaken[k].volledig);
                sep = "<br>";
            }
        fputs("</td></tr>\n", o);
    }
    fprintf(o, "</tbody>\n<tfoot><tr><th scope=\"row\">Totaal</th><td class=\"getal\">%s</td><td></td></tr></tfoot>\n"
               "</table>\n</div>\n",
            cent(b1, sizeof b1, vp->verschil_cent, true));
}

static void stap_legal(FILE *o, tarief_element el)
{
    if (el >= TARIEF_E_COUNT)
        return;
    const tarief_element_info *ei = tarief_element_info_get(el);
    fputs("<br><span class=\"stil\">", o);
    if (ei->nvo)
        fprintf(o, "NvO-element %d; Wmo art. 5.4 lid 3 %s%s; Besluit Jeugdwet art. 2.3 lid 1 onder %s", ei->nvo,
                strcmp(ei->wmo, "-") ? "onder " : "", strcmp(ei->wmo, "-") ? ei->wmo : "geen eigen letter",
                ei->jeugdwet);
    else
        fputs("geen NvO-element", o);
    fputs("</span>", o);
}

static void stappen_kop(FILE *o, const char *caption_html)
{
    fputs("<table class=\"stappen\">\n<caption>", o);
    fputs(caption_html, o);
    fputs("</caption>\n<thead><tr><th scope=\"col\">Stap</th><th scope=\"col\">Omschrijving</th>"
          "<th scope=\"col\">Berekening</th><th scope=\"col\" class=\"getal\">Uitkomst</th></tr></thead>\n",
          o);
}

/* A source seen in this product's derivation. */
typedef struct bronref {
    const char *file;
    int line;
    const char *tekst;
} bronref;

typedef struct bronnen {
    bronref *v;
    size_t n, cap;
    tarief_ctx *ctx;
} bronnen;

static void bron_add(bronnen *s, const tarief_bron *b)
{
    if (!b->file)
        return;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].line == b->line && strcmp(s->v[i].file, b->file) == 0) {
            if (!s->v[i].tekst)
                s->v[i].tekst = b->tekst;
            return;
        }
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 32;
        bronref *n = tarief_ctx_alloc(s->ctx, cap * sizeof *n);
        if (s->n)
            memcpy(n, s->v, s->n * sizeof *n);
        s->v = n;
        s->cap = cap;
    }
    s->v[s->n++] = (bronref){b->file, b->line, b->tekst};
}

static int bron_cmp(const void *x, const void *y)
{
    const bronref *a = x, *b = y;
    int c = strcmp(a->file, b->file);
    return c ? c : (a->line > b->line) - (a->line < b->line);
}

static void afleiding(pub *p, size_t i, bronnen *br)
{
    FILE *o = p->out;
    const tarief_afleiding *a = &p->a[i];
    size_t n;
    const tarief_stap *st = tarief_uitleg_stappen(p->ctx, p->r, a, &n);
    char b[64];
    fputs("<h3>Afleiding stap voor stap</h3>\n<p>Dezelfde stappen als <code>tarief uitleg</code>: per stap de "
          "formule, de formule met de getallen ingevuld en de uitkomst, en van elke invoer de waarde, waar die "
          "vandaan komt en de bron.</p>\n",
          o);
    const char *cur = NULL;
    bool open = false, product_kop = false;
    for (size_t k = 0; k < n; k++) {
        const tarief_stap *s = &st[k];
        if ((s->functie && s->functie != cur) || (!s->functie && !product_kop)) {
            if (open)
                fputs("</table>\n", o);
            char *cap = NULL;
            size_t caplen = 0;
            FILE *m = open_memstream(&cap, &caplen);
            if (!m)
                return;
            if (s->functie) {
                cur = s->functie;
                const tarief_functie_afleiding *fa = NULL;
                for (size_t f = 0; f < a->n_functies; f++)
                    if (a->functies[f].functie->naam == cur)
                        fa = &a->functies[f];
                fputs("Functie ", m);
                pub_esc(m, cur);
                if (fa) {
                    fprintf(m, " (%s van de functiemix)", tarief_fmt_pct(b, sizeof b, fa->mix->aandeel));
                    if (fa->functie->cao && fa->functie->salaris) {
                        fputs(": cao ", m);
                        pub_esc(m, fa->functie->cao->id);
                        fputs(", schaal ", m);
                        pub_esc(m, fa->functie->salaris->schaal);
                        fputs(", trede ", m);
                        pub_esc(m, fa->functie->salaris->trede);
                    } else {
                        fputs(": loonkosten per uur opgegeven", m);
                    }
                }
                fputs(", stap 1-8", m);
            } else {
                product_kop = true;
                fputs("Product ", m);
                pub_esc(m, a->product->code);
                fputs(": van gemengde kosten per uur tot tarief", m);
            }
            fclose(m);
            stappen_kop(o, cap ? cap : "");
            free(cap);
            open = true;
        }
        fprintf(o, "<tbody class=\"stap\"><tr><th scope=\"row\">%d</th><td>", s->nummer);
        pub_esc(o, s->label);
        stap_legal(o, s->element);
        fputs("</td><td class=\"formule\">", o);
        pub_esc(o, s->formule);
        fputs("<br>= ", o);
        pub_esc(o, s->ingevuld);
        fputs("</td><td class=\"getal\">", o);
        pub_esc(o, s->waarde_tekst);
        fputs("</td></tr>\n", o);
        if (s->n_invoer) {
            fputs("<tr><td></td><td colspan=\"3\"><ul class=\"invoer\">\n", o);
            for (size_t v = 0; v < s->n_invoer; v++) {
                const tarief_stap_invoer *in = &s->invoer[v];
                fputs("<li>", o);
                pub_esc(o, in->naam);
                fputs(" = ", o);
                pub_esc(o, in->waarde);
                fputs(" <span class=\"stil\">(", o);
                pub_esc(o, in->herkomst);
                fputs(")</span>", o);
                if (in->bron.file) {
                    fputs(" ← ", o);
                    bron_html(o, &in->bron);
                }
                fputs("</li>\n", o);
                bron_add(br, &in->bron);
            }
            fputs("</ul></td></tr>\n", o);
        }
        fputs("</tbody>\n", o);
    }
    if (open)
        fputs("</table>\n", o);
}

static void bronnenlijst(pub *p, size_t i, bronnen *br)
{
    FILE *o = p->out;
    const tarief_afleiding *a = &p->a[i];
    bron_add(br, &a->product->bron);
    for (size_t k = 0; k < a->n_functies; k++) {
        bron_add(br, &a->functies[k].mix->bron);
        bron_add(br, &a->functies[k].functie->bron);
        if (a->functies[k].functie->salaris)
            bron_add(br, &a->functies[k].functie->salaris->bron);
    }
    qsort(br->v, br->n, sizeof *br->v, bron_cmp);
    fputs("<h3>Bronnen</h3>\n<table class=\"bronnen\">\n<caption>Elke regel in de invoer waaruit dit tarief is "
          "berekend</caption>\n<thead><tr><th scope=\"col\">Bestand:regel</th><th scope=\"col\">Bron</th></tr>"
          "</thead>\n<tbody>\n",
          o);
    for (size_t k = 0; k < br->n; k++) {
        fputs("<tr><th scope=\"row\" class=\"pad\">", o);
        pub_esc(o, br->v[k].file);
        if (br->v[k].line > 0)
            fprintf(o, ":%d", br->v[k].line);
        fputs("</th><td>", o);
        if (br->v[k].tekst && br->v[k].tekst[0])
            pub_esc(o, br->v[k].tekst);
        else
            fputs("<span class=\"stil\">geen brontekst</span>", o);
        fputs("</td></tr>\n", o);
    }
    fputs("</tbody>\n</table>\n", o);
}

static void product(pub *p, size_t i)
{
    FILE *o = p->out;
    const tarief_afleiding *a = &p->a[i];
    char b[64];
    fprintf(o, "<section class=\"product\" id=\"p%zu\" aria-labelledby=\"p%zu-kop\">\n<h2 id=\"p%zu-kop\">", i + 1,
            i + 1, i + 1);
    pub_esc(o, a->product->code);
    fputs(" — ", o);
    pub_esc(o, a->product->naam);
    fprintf(o, "</h2>\n<p class=\"tarief\">Tarief ");
    pub_esc(o, a->product->code);
    fprintf(o, ": %s per %s</p>\n", geld(b, sizeof b, a->tarief, 2), tarief_eenheid_naam(a->product->eenheid));
    productkaart(p, i);
    opbouw(p, i);
    if (p->vorig)
        verschil(p, i);
    bronnen br = {.ctx = p->ctx};
    afleiding(p, i, &br);
    bronnenlijst(p, i, &br);
    fputs("<p class=\"stil\"><a href=\"#tarieven\">terug naar de tarieven</a></p>\n</section>\n", o);
}

/* --- the document ------------------------------------------------------------- */

int tarief_publiceer_write(FILE *out, tarief_ctx *ctx, const tarief_regio *r, const tarief_afleiding *a,
                           const tarief_publiceer_options *opts)
{
    long long t;
    if (datum(opts, &t) != 0) {
        tarief_ctx_error(ctx, NULL, 0, 0, NULL,
                         "SOURCE_DATE_EPOCH '%s' is geen geldig tijdstip (seconden sinds 1970)",
                         getenv("SOURCE_DATE_EPOCH"));
        return -1;
    }
    pub p = {.out = out, .ctx = ctx, .r = r, .a = a, .vorig = opts ? opts->vorig : NULL};
    p.toelichting = toelichtingen(ctx, r);
    fputs("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
          "img-src data:\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"tarief " TARIEF_VERSION "\">\n<title>",
          out);
    fprintf(out, "Onderbouwing tarieven %d — ", r->tariefjaar);
    pub_esc(out, r->naam);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", CSS);
    titel(&p, t);
    fputs("<main>\n", out);
    tarievenlijst(&p);
    invoer(&p);
    for (size_t i = 0; i < r->n_producten; i++)
        product(&p, i);
    fputs("</main>\n<footer><p class=\"stil\">Gemaakt met tarief " TARIEF_VERSION " (" TARIEF_REKENMETHODE
          ").</p></footer>\n</body>\n</html>\n",
          out);
    return ferror(out) ? -1 : 0;
}

int tarief_publiceer_html(tarief_ctx *ctx, const tarief_regio *r, const tarief_afleiding *a, const char *path,
                          const tarief_publiceer_options *opts)
{
    tarief_output o;
    FILE *f = tarief_output_open(&o, path);
    if (!f) {
        tarief_ctx_error(ctx, path, 0, 0, NULL, "kan het document niet schrijven: %s", tarief_strerror(errno));
        ti_ctx_mark_io(ctx);
        return -1;
    }
    size_t voor = tarief_diag_total(tarief_ctx_diag(ctx));
    if (tarief_publiceer_write(f, ctx, r, a, opts) != 0) {
        int e = errno;
        tarief_output_abort(&o);
        if (tarief_diag_total(tarief_ctx_diag(ctx)) == voor) {
            tarief_ctx_error(ctx, path, 0, 0, NULL, "kan het document niet schrijven: %s", tarief_strerror(e));
            ti_ctx_mark_io(ctx);
        }
        return -1;
    }
    if (tarief_output_commit(&o) != 0) {
        tarief_ctx_error(ctx, path, 0, 0, NULL, "kan het document niet opslaan: %s", tarief_strerror(errno));
        ti_ctx_mark_io(ctx);
        return -1;
    }
    return 0;
}
