/*
 * publiceer_svg.c - the charts of `tarief publiceer` as inline SVG: the
 * opbouw of a tariff as one stacked bar, and the contributions of a
 * `verschil` as bars around zero. Plain SVG 1.1 with presentation
 * attributes: no script, no font or image from elsewhere. Each chart has
 * role="img", a <title> and a <desc>, and the document puts a table with
 * the same numbers beside it.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "publiceer_internal.h"

/* Okabe-Ito and a few more: distinguishable with colour blindness. */
static const char *const KLEUR[TARIEF_E_COUNT] = {
    "#0072b2", /* kosten beroepskracht */
    "#56b4e9", /* niet-productieve uren */
    "#009e73", /* reis en opleiding */
    "#e69f00", /* overhead */
    "#cc79a7", /* gemeentelijke verplichtingen */
    "#8c6d31", /* huisvesting */
    "#b5b5b5", /* verzorging */
    "#d55e00", /* risico */
    "#f0e442", /* indexatie */
    "#555555", /* afrondingsverschil */
};

const char *pub_kleur(tarief_element e)
{
    return (unsigned)e < TARIEF_E_COUNT ? KLEUR[e] : "#000000";
}

/* Dark text on the light fills, white on the dark ones. */
static const char *tekstkleur(tarief_element e)
{
    switch (e) {
    case TARIEF_E_KOSTEN_BEROEPSKRACHT:
    case TARIEF_E_HUISVESTING:
    case TARIEF_E_AFRONDINGSVERSCHIL:
        return "#ffffff";
    default:
        return "#000000";
    }
}

#define BREED 640.0 /* viewBox width */

/* "<svg ... aria-label=\"": the caller writes the label and closes it. */
static void svg_begin(FILE *out, const char *id, double hoogte)
{
    fprintf(out, "<svg class=\"grafiek\" id=\"%s\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
                 "role=\"img\" aria-label=\"",
            id, BREED, hoogte, BREED, hoogte);
}
#define BALK_X 0.0
#define BALK_H 34.0

void pub_svg_opbouw(FILE *out, const tarief_afleiding *a, const char *id)
{
    char b[64], t[64];
    double totaal = 0;
    for (int e = 0; e < TARIEF_E_COUNT; e++)
        if (a->element[e] > 0)
            totaal += a->element[e];
    int n_legenda = 0;
    for (int e = 0; e < TARIEF_E_COUNT; e++)
        if (a->element[e] >= 0.005)
            n_legenda++;
    int rijen = (n_legenda + 1) / 2;
    double hoogte = BALK_H + 16 + rijen * 20.0;

    /* the name twice: aria-label for HTML, <title> for SVG readers */
    for (int k = 0; k < 2; k++) {
        if (k == 0)
            svg_begin(out, id, hoogte);
        else
            fputs("<title>", out);
        fputs("Opbouw van het tarief van ", out);
        pub_esc(out, a->product->code);
        fprintf(out, ": € %s per ", tarief_fmt_nl(b, sizeof b, a->tarief, 2));
        pub_esc(out, tarief_eenheid_naam(a->product->eenheid));
        fputs(k == 0 ? "\">\n" : "</title>\n", out);
    }
    fputs("<desc>Gestapelde balk; de lengte van elk deel is het bedrag van het element.", out);
    for (int e = 0; e < TARIEF_E_COUNT; e++) {
        if (a->element[e] > -0.005 && a->element[e] < 0.005)
            continue; /* shows as 0,00: the table has the exact amount */
        const tarief_element_info *ei = tarief_element_info_get((tarief_element)e);
        fprintf(out, " %s € %s%s", ei->label, tarief_fmt_nl(b, sizeof b, a->element[e], 2),
                a->element[e] < 0 ? " (negatief, niet getekend)" : "");
        fputc(';', out);
    }
    fprintf(out, " samen € %s.</desc>\n", tarief_fmt_nl(b, sizeof b, a->tarief, 2));

    /* the bar */
    double x = BALK_X;
    for (int e = 0; e < TARIEF_E_COUNT && totaal > 0; e++) {
        double v = a->element[e];
        if (v <= 0)
            continue;
        double w = v / totaal * (BREED - BALK_X);
        fprintf(out, "<rect x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"%.0f\" fill=\"%s\" stroke=\"#ffffff\" "
                     "stroke-width=\"1\"/>\n",
                x, w, BALK_H, KLEUR[e]);
        /* the share inside the segment when it fits */
        tarief_fmt_nl(t, sizeof t, v / totaal * 100, 0);
        if (w >= 34)
            fprintf(out, "<text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" fill=\"%s\">%s %%</text>\n",
                    x + w / 2, BALK_H / 2 + 4, tekstkleur((tarief_element)e), t);
        x += w;
    }

    /* legend: two columns, colour, label, amount */
    int k = 0;
    for (int e = 0; e < TARIEF_E_COUNT; e++) {
        if (a->element[e] < 0.005)
            continue;
        const tarief_element_info *ei = tarief_element_info_get((tarief_element)e);
        double lx = (k % 2) * (BREED / 2), ly = BALK_H + 12 + (k / 2) * 20.0;
        fprintf(out, "<rect x=\"%.0f\" y=\"%.0f\" width=\"12\" height=\"12\" fill=\"%s\" stroke=\"#333333\" "
                     "stroke-width=\"0.5\"/>\n",
                lx, ly, KLEUR[e]);
        fprintf(out, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"12\" fill=\"#000000\">", lx + 18, ly + 10.5);
        pub_esc(out, ei->label);
        fprintf(out, ": € %s</text>\n", tarief_fmt_nl(b, sizeof b, a->element[e], 2));
        k++;
    }
    fputs("</svg>\n", out);
}

void pub_svg_verschil(FILE *out, const tarief_verschil_product *vp, const char *id)
{
    char b[64];
    long long max = 0;
    int n = 0;
    for (int g = 0; g < TARIEF_G_COUNT; g++)
        if (vp->bijdrage_cent[g] != 0) {
            n++;
            long long m = llabs(vp->bijdrage_cent[g]);
            if (m > max)
                max = m;
        }
    if (n == 0)
        return;
    const double label_w = 230, rij_h = 22, bedrag_w = 80;
    bool neg = false, pos = false;
    for (int g = 0; g < TARIEF_G_COUNT; g++) {
        neg |= vp->bijdrage_cent[g] < 0;
        pos |= vp->bijdrage_cent[g] > 0;
    }
    /* the zero line: in the middle when bars go both ways, else at one side */
    double ruimte = BREED - label_w - (neg && pos ? 2 : 1) * bedrag_w;
    double half = neg && pos ? ruimte / 2 : ruimte;
    double as = !neg ? label_w : (!pos ? BREED - bedrag_w : label_w + bedrag_w + half);
    double hoogte = n * rij_h + 8;
    for (int k = 0; k < 2; k++) {
        if (k == 0)
            svg_begin(out, id, hoogte);
        else
            fputs("<title>", out);
        fputs("Bijdragen aan het verschil van ", out);
        pub_esc(out, vp->nieuw->product->code);
        fputs(k == 0 ? " per invoergroep\">\n" : " per invoergroep</title>\n", out);
    }
    fputs("<desc>Staaf naar rechts: de groep maakte het tarief hoger; naar links: lager.", out);
    for (int g = 0; g < TARIEF_G_COUNT; g++)
        if (vp->bijdrage_cent[g] != 0)
            fprintf(out, " %s %s%s;", tarief_groep_info_get((tarief_groep)g)->label,
                    vp->bijdrage_cent[g] > 0 ? "+" : "",
                    tarief_fmt_nl(b, sizeof b, (double)vp->bijdrage_cent[g] / 100, 2));
    fprintf(out, " samen %s%s.</desc>\n", vp->verschil_cent > 0 ? "+" : "",
            tarief_fmt_nl(b, sizeof b, (double)vp->verschil_cent / 100, 2));
    fprintf(out, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#000000\" stroke-width=\"1\"/>\n", as, as,
            hoogte);
    int k = 0;
    for (int g = 0; g < TARIEF_G_COUNT; g++) {
        long long c = vp->bijdrage_cent[g];
        if (c == 0)
            continue;
        double y = 4 + k * rij_h;
        double w = max ? (double)llabs(c) / (double)max * half : 0;
        if (w < 1)
            w = 1;
        double x = c > 0 ? as : as - w;
        fprintf(out, "<text x=\"0\" y=\"%.1f\" font-size=\"12\" fill=\"#000000\">%d ", y + 13, g + 1);
        pub_esc(out, tarief_groep_info_get((tarief_groep)g)->label);
        fputs("</text>\n", out);
        fprintf(out, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"16\" fill=\"%s\"/>\n", x, y, w,
                c > 0 ? "#d55e00" : "#0072b2");
        fprintf(out, "<text x=\"%.2f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"%s\" fill=\"#000000\">%s%s</text>\n",
                c > 0 ? x + w + 4 : x - 4, y + 13, c > 0 ? "start" : "end", c > 0 ? "+" : "",
                tarief_fmt_nl(b, sizeof b, (double)c / 100, 2));
        k++;
    }
    fputs("</svg>\n", out);
}
