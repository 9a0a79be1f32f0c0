/*
 * opname.c - the write-only baseline of `make bench` (bench.c,
 * docs/prestaties.md): record every call workbook.c and
 * workbook_vergelijk.c make to libxlsxwriter (ld --wrap, BENCH_WRAP in the
 * Makefile), then write exactly the same cells again with bare
 * libxlsxwriter and time that. Also times workbook_close ("inpakken") in
 * every workbook the bench writes.
 */
#include <xlsxwriter.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tarief.h"
#include "bench.h"

/* ------------------------------------------------------------------------ */
/* recording the cells workbook.c writes (bench basis)                       */

enum { EV_SHEET, EV_FORMAT, EV_STRING, EV_BLANK, EV_NUMBER, EV_FORMULA_NUM, EV_FORMULA_STR,
       EV_ROW, EV_ROW_OPT };

typedef struct event {
    uint8_t kind, sheet;
    uint16_t fmt;       /* 0 = none, else format index + 1 */
    uint32_t row;
    uint16_t col;
    uint8_t hidden, level, collapsed;
    double num;         /* number, cached value, row height */
    size_t s1, s2;      /* offsets in rec.text: string/formula, cached string */
} event;

#define MAX_SHEETS 256
#define MAX_FORMATS 1024

static struct recorder {
    bool on;
    event *ev;
    size_t n, cap;
    char *text;
    size_t tlen, tcap;
    lxw_worksheet *sheets[MAX_SHEETS];
    int n_sheets;
    lxw_format *formats[MAX_FORMATS];
    lxw_format snap[MAX_FORMATS]; /* properties, copied before the workbook frees them */
    int n_formats;
    size_t cells, formulas;
} rec;

static event *rec_push(int kind)
{
    if (rec.n == rec.cap) {
        rec.cap = rec.cap ? rec.cap * 2 : 1 << 16;
        rec.ev = realloc(rec.ev, rec.cap * sizeof *rec.ev);
        if (!rec.ev)
            fail("geen geheugen voor de opname");
    }
    event *e = &rec.ev[rec.n++];
    memset(e, 0, sizeof *e);
    e->kind = (uint8_t)kind;
    return e;
}

static size_t rec_text(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    if (rec.tlen + n > rec.tcap) {
        while (rec.tlen + n > rec.tcap)
            rec.tcap = rec.tcap ? rec.tcap * 2 : 1 << 20;
        rec.text = realloc(rec.text, rec.tcap);
        if (!rec.text)
            fail("geen geheugen voor de opname");
    }
    memcpy(rec.text + rec.tlen, s ? s : "", n);
    size_t off = rec.tlen;
    rec.tlen += n;
    return off;
}

static int sheet_index(lxw_worksheet *ws)
{
    for (int i = rec.n_sheets - 1; i >= 0; i--)
        if (rec.sheets[i] == ws)
            return i;
    fail("opname: onbekend werkblad");
}

static uint16_t format_index(lxw_format *f)
{
    if (!f)
        return 0;
    for (int i = 0; i < rec.n_formats; i++)
        if (rec.formats[i] == f)
            return (uint16_t)(i + 1);
    fail("opname: onbekende opmaak");
}

static event *rec_cell(int kind, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_format *f)
{
    event *e = rec_push(kind);
    e->sheet = (uint8_t)sheet_index(ws);
    e->row = row;
    e->col = col;
    e->fmt = format_index(f);
    rec.cells++;
    return e;
}

/* The wrappers (-Wl,--wrap=...): record when asked, always pass through. */
lxw_worksheet *__real_workbook_add_worksheet(lxw_workbook *, const char *);
lxw_format *__real_workbook_add_format(lxw_workbook *);
lxw_error __real_workbook_close(lxw_workbook *);
lxw_error __real_worksheet_write_string(lxw_worksheet *, lxw_row_t, lxw_col_t, const char *, lxw_format *);
lxw_error __real_worksheet_write_blank(lxw_worksheet *, lxw_row_t, lxw_col_t, lxw_format *);
lxw_error __real_worksheet_write_number(lxw_worksheet *, lxw_row_t, lxw_col_t, double, lxw_format *);
lxw_error __real_worksheet_write_formula_num(lxw_worksheet *, lxw_row_t, lxw_col_t, const char *,
                                             lxw_format *, double);
lxw_error __real_worksheet_write_formula_str(lxw_worksheet *, lxw_row_t, lxw_col_t, const char *,
                                             lxw_format *, const char *);
lxw_error __real_worksheet_set_row(lxw_worksheet *, lxw_row_t, double, lxw_format *);
lxw_error __real_worksheet_set_row_opt(lxw_worksheet *, lxw_row_t, double, lxw_format *,
                                       lxw_row_col_options *);

lxw_worksheet *__wrap_workbook_add_worksheet(lxw_workbook *wb, const char *name);
lxw_worksheet *__wrap_workbook_add_worksheet(lxw_workbook *wb, const char *name)
{
    lxw_worksheet *ws = __real_workbook_add_worksheet(wb, name);
    if (rec.on && ws) {
        if (rec.n_sheets == MAX_SHEETS)
            fail("opname: te veel werkbladen");
        rec.sheets[rec.n_sheets++] = ws;
        rec_push(EV_SHEET)->s1 = rec_text(name);
    }
    return ws;
}

lxw_format *__wrap_workbook_add_format(lxw_workbook *wb);
lxw_format *__wrap_workbook_add_format(lxw_workbook *wb)
{
    lxw_format *f = __real_workbook_add_format(wb);
    if (rec.on && f) {
        if (rec.n_formats == MAX_FORMATS)
            fail("opname: te veel opmaken");
        rec.formats[rec.n_formats++] = f;
        rec_push(EV_FORMAT);
    }
    return f;
}

/* libxlsxwriter's own last step, timed: in constant_memory mode every cell
 * is already XML in a temporary file; workbook_close assembles each sheet
 * and deflates it into the zip (zlib level 6, fixed in libxlsxwriter). */
double inpakken_s;

lxw_error __wrap_workbook_close(lxw_workbook *wb);
lxw_error __wrap_workbook_close(lxw_workbook *wb)
{
    if (rec.on)
        for (int i = 0; i < rec.n_formats; i++)
            rec.snap[i] = *rec.formats[i];
    double s = now();
    lxw_error e = __real_workbook_close(wb);
    inpakken_s += now() - s;
    return e;
}

lxw_error __wrap_worksheet_write_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        const char *s, lxw_format *f);
lxw_error __wrap_worksheet_write_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        const char *s, lxw_format *f)
{
    if (rec.on)
        rec_cell(EV_STRING, ws, row, col, f)->s1 = rec_text(s);
    return __real_worksheet_write_string(ws, row, col, s, f);
}

lxw_error __wrap_worksheet_write_blank(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_format *f);
lxw_error __wrap_worksheet_write_blank(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_format *f)
{
    if (rec.on)
        rec_cell(EV_BLANK, ws, row, col, f);
    return __real_worksheet_write_blank(ws, row, col, f);
}

lxw_error __wrap_worksheet_write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v,
                                        lxw_format *f);
lxw_error __wrap_worksheet_write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v,
                                        lxw_format *f)
{
    if (rec.on)
        rec_cell(EV_NUMBER, ws, row, col, f)->num = v;
    return __real_worksheet_write_number(ws, row, col, v, f);
}

lxw_error __wrap_worksheet_write_formula_num(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                             const char *formula, lxw_format *f, double v);
lxw_error __wrap_worksheet_write_formula_num(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                             const char *formula, lxw_format *f, double v)
{
    if (rec.on) {
        event *e = rec_cell(EV_FORMULA_NUM, ws, row, col, f);
        e->s1 = rec_text(formula);
        e->num = v;
        rec.formulas++;
    }
    return __real_worksheet_write_formula_num(ws, row, col, formula, f, v);
}

lxw_error __wrap_worksheet_write_formula_str(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                             const char *formula, lxw_format *f, const char *v);
lxw_error __wrap_worksheet_write_formula_str(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                             const char *formula, lxw_format *f, const char *v)
{
    if (rec.on) {
        event *e = rec_cell(EV_FORMULA_STR, ws, row, col, f);
        e->s1 = rec_text(formula);
        e->s2 = rec_text(v);
        rec.formulas++;
    }
    return __real_worksheet_write_formula_str(ws, row, col, formula, f, v);
}

lxw_error __wrap_worksheet_set_row(lxw_worksheet *ws, lxw_row_t row, double h, lxw_format *f);
lxw_error __wrap_worksheet_set_row(lxw_worksheet *ws, lxw_row_t row, double h, lxw_format *f)
{
    if (rec.on) {
        event *e = rec_push(EV_ROW);
        e->sheet = (uint8_t)sheet_index(ws);
        e->row = row;
        e->num = h;
        e->fmt = format_index(f);
    }
    return __real_worksheet_set_row(ws, row, h, f);
}

lxw_error __wrap_worksheet_set_row_opt(lxw_worksheet *ws, lxw_row_t row, double h, lxw_format *f,
                                       lxw_row_col_options *o);
lxw_error __wrap_worksheet_set_row_opt(lxw_worksheet *ws, lxw_row_t row, double h, lxw_format *f,
                                       lxw_row_col_options *o)
{
    if (rec.on) {
        event *e = rec_push(EV_ROW_OPT);
        e->sheet = (uint8_t)sheet_index(ws);
        e->row = row;
        e->num = h;
        e->fmt = format_index(f);
        if (o) {
            e->hidden = o->hidden;
            e->level = o->level;
            e->collapsed = o->collapsed;
        }
    }
    return __real_worksheet_set_row_opt(ws, row, h, f, o);
}

static void copy_format(lxw_format *to, const lxw_format *from)
{
    if (from->num_format[0])
        format_set_num_format(to, from->num_format);
    if (from->bold)
        format_set_bold(to);
    if (from->italic)
        format_set_italic(to);
    if (from->font_size > 0)
        format_set_font_size(to, from->font_size);
    if (from->font_color != LXW_COLOR_UNSET)
        format_set_font_color(to, from->font_color);
    if (from->bg_color != LXW_COLOR_UNSET)
        format_set_bg_color(to, from->bg_color);
    if (from->text_wrap)
        format_set_text_wrap(to);
    if (from->text_v_align)
        format_set_align(to, from->text_v_align);
    if (from->bottom)
        format_set_bottom(to, from->bottom);
    if (from->left)
        format_set_left(to, from->left);
}

/* Write the recorded cells into path, as workbook.c does (constant memory,
 * temp file + fsync + rename). Returns the seconds it took. */
__attribute__((noinline)) static double replay(const char *path)
{
    double t0 = now();
    tarief_output out;
    if (tarief_output_reserve(&out, path) != 0)
        fail("kan %s niet schrijven: %s", path, strerror(errno));
    lxw_workbook_options lo = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(out.tmp, &lo);
    if (!wb)
        fail("kan basiswerkboek niet aanmaken");
    lxw_worksheet *sheets[MAX_SHEETS];
    lxw_format *formats[MAX_FORMATS + 1] = {NULL};
    int ns = 0, nf = 0;
    lxw_error err = LXW_NO_ERROR, e = LXW_NO_ERROR;
    const char *t = rec.text;
    for (size_t i = 0; i < rec.n; i++) {
        const event *ev = &rec.ev[i];
        lxw_worksheet *ws = ev->kind >= EV_STRING ? sheets[ev->sheet] : NULL;
        lxw_format *f = formats[ev->fmt];
        switch (ev->kind) {
        case EV_SHEET:
            sheets[ns++] = workbook_add_worksheet(wb, t + ev->s1);
            break;
        case EV_FORMAT:
            formats[nf + 1] = workbook_add_format(wb);
            copy_format(formats[nf + 1], &rec.snap[nf]);
            nf++;
            break;
        case EV_STRING: e = worksheet_write_string(ws, ev->row, ev->col, t + ev->s1, f); break;
        case EV_BLANK: e = worksheet_write_blank(ws, ev->row, ev->col, f); break;
        case EV_NUMBER: e = worksheet_write_number(ws, ev->row, ev->col, ev->num, f); break;
        case EV_FORMULA_NUM:
            e = worksheet_write_formula_num(ws, ev->row, ev->col, t + ev->s1, f, ev->num);
            break;
        case EV_FORMULA_STR:
            e = worksheet_write_formula_str(ws, ev->row, ev->col, t + ev->s1, f, t + ev->s2);
            break;
        case EV_ROW: e = worksheet_set_row(ws, ev->row, ev->num, f); break;
        case EV_ROW_OPT: {
            lxw_row_col_options o = {ev->hidden, ev->level, ev->collapsed};
            e = worksheet_set_row_opt(ws, ev->row, ev->num, f, &o);
            break;
        }
        }
        if (e != LXW_NO_ERROR && err == LXW_NO_ERROR)
            err = e;
    }
    e = workbook_close(wb);
    if (err == LXW_NO_ERROR)
        err = e;
    if (err != LXW_NO_ERROR) {
        tarief_output_abort(&out);
        fail("basiswerkboek: %s", lxw_strerror(err));
    }
    if (tarief_output_commit(&out) != 0)
        fail("kan %s niet opslaan: %s", path, strerror(errno));
    return now() - t0;
}


/* The recording around one workbook write: on, off, and then the replay,
 * reported as key=value lines (prefix "vgl": vgl_basis_s, vgl_cellen, ...;
 * "": basis_s, cellen, ...). */
void opname_aan(bool aan)
{
    rec.on = aan;
}

void opname_basis(const char *prefix, const char *path)
{
    const char *sep = prefix[0] ? "_" : "";
    double c = cpu();
    inpakken_s = 0;
    double s = replay(path);
    c = cpu() - c;
    printf("%s%sbasis_s=%.6f\n", prefix, sep, s);
    printf("%s%sbasis_inpakken_s=%.6f\n", prefix, sep, inpakken_s);
    printf("%s%sbasis_cpu_s=%.6f\n", prefix, sep, c);
    printf("%s%scellen=%zu\n", prefix, sep, rec.cells);
    printf("%s%sformules=%zu\n", prefix, sep, rec.formulas);
    printf("%s%swerkbladen=%d\n", prefix, sep, rec.n_sheets);
    printf("%s%sbasis_bytes=%lld\n", prefix, sep, file_size(path));
    unlink(path);
    free(rec.ev);
    free(rec.text);
    memset(&rec, 0, sizeof rec);
}
