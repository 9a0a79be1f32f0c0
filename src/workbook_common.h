/*
 * workbook_common.h - what the workbook writers share: workbook.c (`bereken`)
 * and workbook_vergelijk.c (`vergelijk`, `verschil`). Not part of the public
 * API. Those two and workbook_common.c are the workbook exporter, the only
 * files that include <xlsxwriter.h> (through this header).
 *
 * A writer embeds a wbc_book and never stops at the first problem: the cell
 * helpers record the first libxlsxwriter error (err), the writer the first
 * other one (wbc_fout), and wbc_close reports it and leaves no file behind.
 *
 *     wbc_book b = {.ctx = ctx, .path = "uit.xlsx"};
 *     if (wbc_check_locale(&b) != 0 || wbc_open(&b, titel, onderwerp, created) != 0)
 *         return -1;                           // reported in ctx
 *     lxw_worksheet *ws = workbook_add_worksheet(b.book, "Blad");
 *     wbc_str(&b, ws, 0, 0, "code", kop);
 *     wbc_formulaf(&b, ws, 1, 1, 4, NULL, "=2*%s%u", "A", 2u);  // cached value 4
 *     return wbc_close(&b);                    // 0: the file is in place
 */
#ifndef TARIEF_WORKBOOK_COMMON_H
#define TARIEF_WORKBOOK_COMMON_H

#include <xlsxwriter.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stappen.h"
#include "tarief.h"

/* The house colours and number formats of both workbooks. */
#define KLEUR_INVOER 0xFFF2CC      /* light yellow: an input cell */
#define KLEUR_INVOER_TEKST 0x1F3864
#define KLEUR_STANDAARD 0xE4DFEC   /* light lilac: a default of the method */
#define KLEUR_TARIEF 0xE2EFDA      /* light green: the outcome */
#define KLEUR_KOP 0xD9D9D9
#define EURO "\xe2\x82\xac #,##0.00"
#define EURO6 "\xe2\x82\xac #,##0.00####"
#define PCT "0.00##%"
#define GETAL "#,##0.####"

/* The items of a derivation (AF_*) and their steps: stappen.h. */

typedef struct wbc_book {
    tarief_ctx *ctx;    /* receives the error */
    const char *path;   /* the file asked for, as messages name it */
    lxw_workbook *book; /* from wbc_open until wbc_close */
    lxw_error err;      /* first libxlsxwriter error */
    const char *fout;   /* first other error (static text) */
    tarief_output out;  /* written under out.tmp, renamed by wbc_close */
} wbc_book;

/* Record the first libxlsxwriter error: wbc_check(b, worksheet_set_column(...)). */
static inline void wbc_check(wbc_book *b, lxw_error e)
{
    if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
        b->err = e;
}

/* Record the first other error; a later one is dropped. */
static inline void wbc_fout(wbc_book *b, const char *fout)
{
    if (b->fout == NULL)
        b->fout = fout;
}

/* A string; an empty one leaves the cell empty, or blank in format fm. */
static inline void wbc_str(wbc_book *b, lxw_worksheet *ws, uint32_t row, int col, const char *s,
                           lxw_format *fm)
{
    if (s != NULL && s[0] != '\0')
        wbc_check(b, worksheet_write_string(ws, row, (lxw_col_t)col, s, fm));
    else if (fm != NULL)
        wbc_check(b, worksheet_write_blank(ws, row, (lxw_col_t)col, fm));
}

static inline void wbc_num(wbc_book *b, lxw_worksheet *ws, uint32_t row, int col, double v,
                           lxw_format *fm)
{
    wbc_check(b, worksheet_write_number(ws, row, (lxw_col_t)col, v, fm));
}

/* A formula with its cached value; an empty f (wbc_fmt failed, error
 * recorded) writes nothing. */
static inline void wbc_formula(wbc_book *b, lxw_worksheet *ws, uint32_t row, int col, const char *f,
                               double cached, lxw_format *fm)
{
    if (f[0] != '\0')
        wbc_check(b, worksheet_write_formula_num(ws, row, (lxw_col_t)col, f, fm, cached));
}

static inline void wbc_formula_str(wbc_book *b, lxw_worksheet *ws, uint32_t row, int col,
                                   const char *f, const char *cached, lxw_format *fm)
{
    if (f[0] != '\0')
        wbc_check(b, worksheet_write_formula_str(ws, row, (lxw_col_t)col, f, fm, cached));
}

/* A formula given as printf format and arguments, with its cached value:
 * wbc_formulaf(b, ws, 4, 2, 7.5, euro, "=%s%u*%s%u", "A", 5u, "B", 5u).
 * A formula longer than WBC_FORMULE_LEN - 1 is recorded as an error. */
#define WBC_FORMULE_LEN 2048
void wbc_formulaf(wbc_book *b, lxw_worksheet *ws, uint32_t row, int col, double cached, lxw_format *fm,
                  const char *f, ...) __attribute__((format(printf, 7, 8)));

/* snprintf into buf that records overflow (a truncated formula would be a
 * wrong one) and then leaves buf empty. Returns buf. */
const char *wbc_fmt(wbc_book *b, char *buf, size_t size, const char *f, ...)
    __attribute__((format(printf, 4, 5)));

/* A new format: background and font colour (0: none), bold, italic, number
 * format (NULL: none). */
lxw_format *wbc_format(wbc_book *b, uint32_t bg, uint32_t kleur, bool vet, bool cursief,
                       const char *num);

/* Row 0: n column names in format kop, the row hoogte points high (0: as is). */
void wbc_header(wbc_book *b, lxw_worksheet *ws, lxw_format *kop, const char *const *namen, int n,
                double hoogte);

/* Column widths: columns eerste to laatste are breedte characters wide. */
typedef struct wbc_kolom {
    int eerste, laatste;
    double breedte;
} wbc_kolom;
void wbc_widths(wbc_book *b, lxw_worksheet *ws, const wbc_kolom *k, size_t n);

/* Printing (workbook_layout.c), for every sheet of every workbook: A4,
 * portrait or landscape (liggend), fit to breed pages wide (1 for all but
 * the widest derivation sheets; as many pages high as needed), the first herhaal_rijen rows and herhaal_kolommen columns on
 * every page, a header with titel (regio and tariefjaar) and the sheet name,
 * a footer with "pagina P van N". titel may hold any text ('&' is escaped);
 * a long one is shortened to fit Excel's 255 characters. */
void wbc_afdruk(wbc_book *b, lxw_worksheet *ws, const char *titel, bool liggend, int breed, int herhaal_rijen,
                int herhaal_kolommen);

/* The lines tekst takes wrapped in a column breedte characters wide
 * (words wrap at spaces, a longer word is broken; vet: bold). */
int wbc_regels(const char *tekst, double breedte, bool vet);
/* The characters (not bytes) of the UTF-8 text p[0..n) (workbook_common.c). */
/* U+200B ZERO WIDTH SPACE: invisible, it keeps a text from being read as a
 * code by libxlsxwriter ("&G" in a page header, "=" before a chart title). */
#define WBC_ZWSP "\xe2\x80\x8b"
size_t wbc_tekens(const char *p, size_t n);
/* A column width that fits tekst too: breedte, or the characters of tekst
 * plus two when wider, at most max (what is longer wraps or is cut off on
 * screen, not in the cell). tekst may be NULL. */
double wbc_breedte_voor(double breedte, const char *tekst, double max);

/* The header row (row 0) with its column widths k (as wbc_widths): each
 * column made wide enough for its header's longest word, the row as high as
 * the most wrapped header needs. */
void wbc_kop(wbc_book *b, lxw_worksheet *ws, lxw_format *kop, const char *const *namen, int n,
             const wbc_kolom *k, size_t nk);

/* The height in points of a row whose cell holds tekst, wrapped in a column
 * breedte characters wide: the lines estimated from the text's length
 * (libxlsxwriter does not autofit), at least one line. */
double wbc_rij_hoogte(const char *tekst, double breedte);

/* Row row at the height tekst needs in a column breedte wide (see
 * wbc_rij_hoogte); left at the default when one line is enough. */
void wbc_rij_voor(wbc_book *b, lxw_worksheet *ws, uint32_t row, const char *tekst, double breedte);

/* The charts of vergelijk and verschil (workbook_grafiek.c), each on its own
 * sheet ws under a title and a note, printed (wbc_afdruk) under afdruktitel, their series referring to the cells of
 * the summary sheet blad (its header in row 1, data from row 2):
 *  - vergelijk: per product (rijen_per_product rows: the elements, then the
 *    tarief) a bar chart of column col_regio against col_aanbieder, the
 *    categories from col_element, titled with the product; at most
 *    WBC_GRAFIEK_MAX_VERGELIJK products;
 *  - verschil: a stacked column per product (one row each, codes in
 *    col_code) of the n_groepen contributions from column col_eerste on, at
 *    most the first GRAFIEK_MAX_PRODUCTEN products. */
#define WBC_GRAFIEK_MAX_VERGELIJK 12
#ifndef GRAFIEK_MAX_PRODUCTEN
#define GRAFIEK_MAX_PRODUCTEN 50
#endif
typedef struct tarief_vergelijking tarief_vergelijking;
void wbc_grafiek_vergelijk(wbc_book *b, lxw_worksheet *ws, lxw_format *titel_fmt, const char *afdruktitel,
                           const char *blad, const tarief_vergelijking *v, uint32_t rijen_per_product, int col_element,
                           int col_regio, int col_aanbieder);
void wbc_grafiek_verschil(wbc_book *b, lxw_worksheet *ws, lxw_format *titel_fmt, const char *afdruktitel,
                          const char *blad, size_t n_producten, int col_code, int col_eerste, int n_groepen);

/* Column c (0-based) as letters: 0 "A", 27 "AB"; at most three. */
void wbc_col_letters(int c, char out[4]);

/* A sheet name as a reference needs it: "Invoer!", "'CAO ghz'!". The name
 * must not hold a quote. */
void wbc_sheet_prefix(char *buf, size_t size, const char *name);

/* libxlsxwriter prints numbers with printf: a decimal comma would corrupt
 * every cached value. 0, or -1 with the error recorded in b->ctx. */
int wbc_check_locale(wbc_book *b);

/* The creation date never comes from the clock, so the same inputs give
 * the same bytes. SOURCE_DATE_EPOCH: 1 with *out when set and valid
 * (seconds since 1970, 1980 to 9999), 0 when unset or empty, -1 when set
 * to something else. */
int wbc_source_date_epoch(long long *out);
/* 1 January of jaar (taken into 1980-9999), 00:00 UTC, in seconds since 1970. */
long long wbc_nieuwjaar(int jaar);

/* Reserve b->path's temporary file and start the workbook there in
 * constant-memory mode (every sheet written strictly row by row), with
 * title, subject and creation time. 0, or -1 with the error recorded and
 * nothing left behind. */
int wbc_open(wbc_book *b, const char *titel, const char *onderwerp, long long created);

/* Finish the workbook; after a successful wbc_open always called, also when
 * the writer gave up. Any recorded error: report it, remove the temporary
 * file, -1. Otherwise rename it into place: 0, or -1 when that fails. */
int wbc_close(wbc_book *b);

#endif
