/* publiceer_esc.c - HTML escaping for the published document (publiceer.c,
 * publiceer_svg.c): below both, so neither needs the other for it. */
#include <stdio.h>

#include "publiceer_internal.h"

void pub_esc(FILE *out, const char *s)
{
    if (!s)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default:
            if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7f)
                fputc(' ', out);
            else
                fputc(*p, out);
        }
    }
}
