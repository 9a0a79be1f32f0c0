/* publiceer_internal.h - shared by publiceer.c and publiceer_svg.c; not
 * part of the public API. */
#ifndef TARIEF_PUBLICEER_INTERNAL_H
#define TARIEF_PUBLICEER_INTERNAL_H

#include <stdio.h>

#include "internal.h"
#include "tarief/publiceer.h"

/* s HTML-escaped (& < > " '); control characters other than tab and line
 * end become a space, so no input can break the markup. NULL writes nothing. */
void pub_esc(FILE *out, const char *s);

/* The fill colour of opbouw element e (distinct for colour-blind readers
 * too, and always beside a text label). */
const char *pub_kleur(tarief_element e);

/* The opbouw of one product as an inline SVG stacked bar, with role="img",
 * aria-label, <title> and <desc>; id is its element id (unique in the document). The
 * negative elements (an afrondingsverschil below zero) are not drawn but
 * named in the description. */
void pub_svg_opbouw(FILE *out, const tarief_afleiding *a, const char *id);

/* The contributions of a verschil as an SVG of horizontal bars around a
 * zero line (one per group that contributes), likewise accessible. */
void pub_svg_verschil(FILE *out, const tarief_verschil_product *vp, const char *id);

#endif
