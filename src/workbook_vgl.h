/* workbook_vgl.h - what the workbooks of `vergelijk` (workbook_vergelijk.c)
 * and `verschil` (workbook_verschil.c) share: the writer's state, the
 * Berekening/Loonkosten/Invoer blocks and the sheets around them. Internal. */
#ifndef TARIEF_WORKBOOK_VGL_H
#define TARIEF_WORKBOOK_VGL_H

#include <stdbool.h>
#include <stdint.h>

#include "internal.h"
#include "stappen.h"
#include "workbook_common.h"

#define F_LEN 1024

/* Columns of Berekening: the derivation items AF_* (stappen.h) without
 * steps 1-8 and their inputs (those are on Loonkosten, once per functie and
 * cao state), the three row columns being the block, code and functie. */
enum { B_BLOK = AF_RIJ1, B_CODE = AF_RIJ2, B_FUNCTIE = AF_RIJ3 };

typedef struct vwb {
    wbc_book b;
    char col[64][4];            /* column letters of the summary sheets */
    char bcol[AF_COUNT][4];     /* Berekening: of item k (bkol) */
    char lcol[AF_COUNT][4];     /* Loonkosten: of item k (lkol) */
    lxw_format *kop, *titel, *tekst, *vet, *in_tekst, *in_euro, *in_pct, *in_getal, *euro, *euro6, *pct,
        *getal, *tarief, *cursief,
        *boven; /* plain text at the top of its row (rows as high as their causes) */
    lxw_worksheet *invoer, *berekening, *loonkosten;
    uint32_t invoer_rij, ber_rij, lk_rij;
    tmap index; /* input key -> row + 1 */
    tmap lk_index; /* the Invoer cells of a functie's steps 1-8 -> Loonkosten row + 1 */
    const tarief_workbook_options *opts; /* may be NULL */
    /* Scratch for the strings of one product (cell references, lookup
     * keys, labels): freed and renewed per product, so a run holds one
     * product's worth instead of every product's (1,3 GB at 10 000 products
     * before). Whatever must outlive a product goes into b.ctx. */
    tarief_ctx *tmp;
    /* The functie rows of the product's previous block: per row the cells
     * of its aandeel and C_f (in tmp), and the 1-based row of its C; 0:
     * none yet for this product. */
    const char **vorige_refs;
    size_t n_vorige;
    uint32_t vorige_c;
    /* The product row so far: per item the 1-based row of the cell that
     * holds it (this block's or an earlier block's), and for an input its
     * formula; zelfde: the item is not written in the current block. */
    uint32_t rij_van[AF_COUNT];
    const char *formule_van[AF_COUNT];
    bool zelfde[AF_COUNT];
} vwb;

/* The column of item on Berekening, -1 for the items of Loonkosten. */
int wv_bkol(int item);
/* Progress after product gedaan of totaal; close and write the file (0 or -1). */
void wv_product(vwb *w, size_t gedaan, size_t totaal);
int wv_close(vwb *w);
/* The header row of a summary sheet. */
void wv_kopregel(vwb *w, lxw_worksheet *ws, const char *const *namen, int n);
/* One calculation a as a block on Berekening under the name naam (only what
 * differs from the product's block above); returns the 1-based row of its
 * tariff's cell, and in rij (if not NULL) that of every item. */
uint32_t wv_blok(vwb *w, const char *naam, const tarief_afleiding *a, uint32_t *rij);
/* "Berekening!$X$n" for column col (a Berekening item) and row n. */
const char *wv_cel(vwb *w, int col, uint32_t n);
/* The workbook, its formats and the sheets Berekening, Loonkosten, Invoer. */
int wv_open_boek(vwb *w, const char *titel, int jaar);
void wv_voeg_rekenbladen_toe(vwb *w);
/* Toelichting: the title and the lines. */
void wv_toelichting(vwb *w, lxw_worksheet *ws, const char *titel, const char *const *regels, size_t n);
/* Page setup of Toelichting, the summary sheet and the calculation sheets. */
void wv_afdruk(vwb *w, lxw_worksheet *toel, lxw_worksheet *ws, const char *titel);
/* What Berekening, Loonkosten and Invoer hold, for Toelichting (4 lines). */
extern const char *const wv_uitleg_bladen[4];
/* The change in percent: formula over basis and verschil, cached from the
 * record (bekend false: an empty text, as the formula gives). */
void wv_put_pct(vwb *w, lxw_worksheet *ws, uint32_t row, int col, int basis, int verschil, bool bekend,
                double pct);

#endif
