/*
 * csvread.c - the CSV dialect of rekenmethode §1 on top of libcsv.
 *
 * The only file that includes <csv.h>. libcsv does the quoting; we feed it
 * one byte at a time so every field knows the line and column it starts
 * on, which every error message needs.
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define MAX_FIELDS 1000

typedef struct vec {
    void *items;
    size_t n, cap, size;
} vec;

static void *vec_push(vec *v)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        void *p = realloc(v->items, cap * v->size);
        if (!p)
            tarief_onvoldoende_geheugen();
        v->items = p;
        v->cap = cap;
    }
    return (char *)v->items + v->size * v->n++;
}

typedef struct reader {
    tarief_ctx *ctx;
    const char *path;
    char **lines;            /* NUL-terminated copy of each physical line */
    size_t n_lines;
    int line, col;           /* position of the next byte */
    int fline, fcol;         /* where the current field started */
    size_t flen;             /* bytes fed into the current field */
    vec cells;               /* tarief_csv_cell of the current row */
    vec rows;                /* tarief_csv_row */
    bool too_many_fields;
    int errors;
    unsigned long events;    /* callbacks so far: a change marks a field end */
} reader;

static const char *line_text(const reader *r, int line)
{
    return (line >= 1 && (size_t)line <= r->n_lines) ? r->lines[line - 1] : NULL;
}

static void rd_error(reader *r, int line, int col, const char *fmt, const char *arg)
{
    r->errors++;
    tarief_ctx_error(r->ctx, r->path, line, col, line_text(r, line), fmt, arg);
}

/*
 * What a workbook cannot hold is refused here, at the cell, before anything
 * is written (docs/betrouwbaarheid.md): a control character (XML 1.0 allows
 * only tab, LF and CR below U+0020; DEL and U+0080-U+009F would act on a
 * terminal), the noncharacters U+FFFE and U+FFFF, and a text longer than a
 * spreadsheet cell takes (32 767 UTF-16 units). The text is valid UTF-8
 * here (checked before parsing).
 */
#define XLSX_MAX_STRING 32767

static void check_field(reader *r, const char *p, size_t len)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t units = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = u[i];
        if ((c & 0xC0) == 0x80)
            continue;
        units += c >= 0xF0 ? 2 : 1; /* outside the BMP: two UTF-16 units */
        char esc[8];
        bool ctrl = tarief_escape_teken(p + i, esc) != 0 && c != '\n' && c != '\r';
        bool nonchar = c == 0xEF && i + 2 < len && u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF);
        if (ctrl || nonchar) {
            char what[64];
            if (ctrl)
                snprintf(what, sizeof what, "een stuurteken (%s)", esc);
            else
                snprintf(what, sizeof what, "het teken U+FFF%c, dat geen tekst is", u[i + 2] == 0xBE ? 'E' : 'F');
            r->errors++;
            tarief_ctx_error(r->ctx, r->path, r->fline, r->fcol, line_text(r, r->fline),
                             "veld bevat %s: dat kan niet in een werkboek of op het scherm; haal het weg "
                             "(vaak meegekopieerd uit een ander programma)", what);
            return;
        }
    }
    if (units > XLSX_MAX_STRING) {
        r->errors++;
        tarief_ctx_error(r->ctx, r->path, r->fline, r->fcol, line_text(r, r->fline),
                         "veld is te lang voor een werkboekcel: %zu tekens, een spreadsheet houdt er ten hoogste %d",
                         units, XLSX_MAX_STRING);
    }
}

static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    r->events++;
    if (r->cells.n >= MAX_FIELDS) {
        if (!r->too_many_fields)
            rd_error(r, r->fline, r->fcol, "te veel kolommen op deze regel (meer dan %s)", "1000");
        r->too_many_fields = true;
        return;
    }
    const char *p = s ? s : "";
    while (len && (*p == ' ' || *p == '\t')) {
        p++;
        len--;
    }
    while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
        len--;
    /* our own CSV neutralises a formula as '=...: read it back as written */
    if (len >= 2 && p[0] == '\'' && (strchr("=+-@", p[1]) || (len >= 3 && p[1] == '\'' && strchr("=+-@", p[2])))) {
        p++;
        len--;
    }
    check_field(r, p, len);
    tarief_csv_cell *c = vec_push(&r->cells);
    c->text = ti_ctx_strndup(r->ctx, p, len);
    c->line = r->fline;
    c->column = r->fcol;
}

static void on_row(int term, void *data)
{
    (void)term;
    reader *r = data;
    r->events++;
    tarief_csv_cell *cells = r->cells.items;
    size_t n = r->cells.n;
    r->cells.n = 0;
    r->too_many_fields = false;
    if (n == 0)
        return;
    bool empty = true;
    for (size_t i = 0; i < n; i++)
        if (cells[i].text[0])
            empty = false;
    if (empty || cells[0].text[0] == '#')
        return;
    tarief_csv_row *row = vec_push(&r->rows);
    row->n = n;
    row->cells = tarief_ctx_alloc(r->ctx, n * sizeof *cells);
    memcpy(row->cells, cells, n * sizeof *cells);
    row->line = cells[0].line;
    row->source_line = line_text(r, row->line);
}

/* Returns the first problem's offset in an invalid UTF-8 / NUL-containing
 * buffer, or -1 if it is clean text. */
static long bad_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c == 0)
            return (long)i;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        unsigned min;
        unsigned cp;
        if ((c & 0xE0) == 0xC0) { k = 1; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { k = 2; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { k = 3; cp = c & 0x07; min = 0x10000; }
        else return (long)i;
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80)
                return (long)i;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return (long)i;
        i += k + 1;
    }
    return -1;
}

/* A line for echoing: invalid UTF-8 and control bytes become '?', so the
 * caret (counted in characters) still lands under the right column. */
static const char *shown_line(tarief_ctx *ctx, const char *line)
{
    size_t n = strlen(line);
    char *out = tarief_ctx_alloc(ctx, n + 1);
    size_t o = 0;
    const unsigned char *u = (const unsigned char *)line;
    for (size_t i = 0; i < n;) {
        long bad = bad_utf8(u + i, n - i);
        size_t good = bad < 0 ? n - i : (size_t)bad;
        for (size_t k = 0; k < good; k++)
            out[o++] = (u[i + k] < 0x20 && u[i + k] != '\t') ? '?' : (char)u[i + k];
        i += good;
        if (i < n) {
            out[o++] = '?';
            i++;
            while (i < n && (u[i] & 0xC0) == 0x80)
                i++;
        }
    }
    out[o] = '\0';
    return out;
}

/* " (in Windows-1252 het teken 'é')" for a byte that is not UTF-8. */
static const char *cp1252_hint(tarief_ctx *ctx, unsigned char b)
{
    static const char *const c80[32] = {
        "€", NULL, "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", NULL, "Ž", NULL,
        NULL, "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", NULL, "ž", "Ÿ"};
    char buf[8];
    if (b >= 0x80 && b < 0xA0 && c80[b - 0x80])
        return ti_ctx_printf(ctx, " (in Windows-1252 het teken '%s')", c80[b - 0x80]);
    if (b > 0xA0) {
        buf[0] = (char)(0xC0 | (b >> 6));
        buf[1] = (char)(0x80 | (b & 0x3F));
        buf[2] = '\0';
        return ti_ctx_printf(ctx, " (in Windows-1252 het teken '%s')", buf);
    }
    return "";
}

static char detect_delim(const char *s, size_t n)
{
    /* The header is the first line that is neither empty nor a comment. */
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && s[e] != '\n')
            e++;
        size_t b = i;
        while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r'))
            b++;
        if (b < e && s[b] != '#') {
            bool q = false, semi = false, comma = false;
            for (size_t k = b; k < e; k++) {
                if (s[k] == '"')
                    q = !q;
                else if (!q && s[k] == ';')
                    semi = true;
                else if (!q && s[k] == ',')
                    comma = true;
            }
            return semi ? ';' : comma ? ',' : ';';
        }
        i = e + 1;
    }
    return ';';
}

/* Move *i to the start of the next physical line, keeping the position. */
static void next_line(const char *s, size_t n, size_t *i, reader *r, size_t *lstart)
{
    while (*i < n && s[*i] != '\n')
        (*i)++;
    if (*i < n) {
        (*i)++;
        r->line++;
        r->col = 1;
        *lstart = *i;
    }
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t'; }
static int is_term(unsigned char c) { return c == '\n' || c == '\r'; }

static char *read_file(tarief_ctx *ctx, const char *path, size_t *len)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; refused below */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    FILE *f = NULL;
    if (fd >= 0) {
        struct stat fst;
        if (fstat(fd, &fst) == 0 && !S_ISREG(fst.st_mode) && !S_ISDIR(fst.st_mode)) {
            close(fd);
            tarief_ctx_error(ctx, path, 1, 1, NULL, "%s",
                             S_ISFIFO(fst.st_mode) ? "dit is een FIFO (named pipe), geen gewoon bestand: geef een CSV-bestand"
                             : S_ISSOCK(fst.st_mode) ? "dit is een socket, geen gewoon bestand: geef een CSV-bestand"
                                                     : "dit is een apparaat, geen gewoon bestand: geef een CSV-bestand");
            return NULL;
        }
        int fl = fcntl(fd, F_GETFL);
        if (fl != -1)
            fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
        f = fdopen(fd, "rb");
        if (!f)
            close(fd);
    }
    if (!f) {
        int e = errno;
        if (e == ENOENT) {
            tarief_ctx_error(ctx, path, 1, 1, NULL, "%s", "bestand niet gevonden");
        } else {
            tarief_ctx_error(ctx, path, 1, 1, NULL, "kan het bestand niet lezen: %s", tarief_strerror(e));
            ti_ctx_mark_io(ctx);
        }
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        tarief_ctx_error(ctx, path, 1, 1, NULL, "dit is een map, geen CSV-bestand");
        return NULL;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        tarief_ctx_error(ctx, path, 1, 1, NULL, "onvoldoende geheugen");
        ti_ctx_mark_io(ctx);
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            if (cap >= TARIEF_MAX_FILE) {
                free(buf);
                fclose(f);
                tarief_ctx_error(ctx, path, 1, 1, NULL,
                                 "bestand is te groot (meer dan %u MiB)", TARIEF_MAX_FILE >> 20);
                return NULL;
            }
            cap *= 2;
            char *p = realloc(buf, cap);
            if (!p) {
                free(buf);
                fclose(f);
                tarief_ctx_error(ctx, path, 1, 1, NULL, "onvoldoende geheugen");
                ti_ctx_mark_io(ctx);
                return NULL;
            }
            buf = p;
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (k == 0)
            break;
    }
    bool err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        tarief_ctx_error(ctx, path, 1, 1, NULL, "kan het bestand niet lezen: %s", tarief_strerror(EIO));
        ti_ctx_mark_io(ctx);
        return NULL;
    }
    *len = n;
    return buf;
}

const tarief_csv *tarief_csv_read(tarief_ctx *ctx, const char *path)
{
    size_t len = 0;
    char *data = read_file(ctx, path, &len);
    if (!data)
        return NULL;
    const tarief_csv *t = ti_csv_parse_buffer(ctx, path, data, len);
    free(data);
    return t;
}

const tarief_csv *ti_csv_parse_buffer(tarief_ctx *ctx, const char *path, const char *data, size_t len)
{
    const char *s = data;
    size_t n = len;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        n -= 3;
    }
    reader r = {.ctx = ctx, .path = path, .line = 1, .col = 1, .fline = 1, .fcol = 1};
    r.cells.size = sizeof(tarief_csv_cell);
    r.rows.size = sizeof(tarief_csv_row);

    /* Lines, for echoing the offending line under a message. */
    char *copy = ti_ctx_strndup(ctx, s, n);
    size_t nl = 1;
    for (size_t i = 0; i < n; i++)
        if (copy[i] == '\n')
            nl++;
    r.lines = tarief_ctx_alloc(ctx, nl * sizeof *r.lines);
    r.lines[0] = copy;
    r.n_lines = 1;
    for (size_t i = 0; i < n; i++) {
        if (copy[i] == '\n') {
            copy[i] = '\0';
            r.lines[r.n_lines++] = copy + i + 1;
        } else if (copy[i] == '\r') {
            copy[i] = '\0';
        }
    }

    long bad = bad_utf8((const unsigned char *)s, n);
    if (bad >= 0) {
        int line = 1, col = 1;
        for (long i = 0; i < bad; i++) {
            if (s[i] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        const unsigned char *u = (const unsigned char *)data;
        if (len >= 4 && memcmp(u, "PK\3\4", 4) == 0)
            tarief_ctx_error(ctx, path, 1, 1, NULL, "%s",
                             "dit is een Excel-werkboek (.xlsx) of een ander zip-bestand, geen CSV: sla het blad in Excel op als 'CSV UTF-8 (door komma's gescheiden)'");
        else if (len >= 4 && memcmp(u, "\xD0\xCF\x11\xE0", 4) == 0)
            tarief_ctx_error(ctx, path, 1, 1, NULL, "%s",
                             "dit is een oud Excel-bestand (.xls), geen CSV: sla het blad in Excel op als 'CSV UTF-8 (door komma's gescheiden)'");
        else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
            tarief_ctx_error(ctx, path, 1, 1, NULL, "%s",
                             "bestand is opgeslagen als UTF-16 ('Unicode-tekst'), niet als UTF-8: sla het op als 'CSV UTF-8 (door komma's gescheiden)'");
        else if (s[bad] == 0)
            /* binary: echoing the line would only show noise */
            tarief_ctx_error(ctx, path, line, col, NULL, "%s",
                             "bestand bevat een nul-byte: dit is geen tekstbestand (verwacht CSV in UTF-8)");
        else
            tarief_ctx_error(ctx, path, line, col, shown_line(ctx, r.lines[line - 1]),
                             "ongeldige UTF-8: byte 0x%02X%s; sla het bestand op als CSV in UTF-8 (in Excel: 'CSV UTF-8'), niet in Windows-1252 of Latin-1",
                             (unsigned char)s[bad], cp1252_hint(ctx, (unsigned char)s[bad]));
        return NULL;
    }
    /* A CR that does not end a CRLF pair would break line numbering. */
    for (size_t i = 0, line = 1, col = 1; i + 1 < n; i++) {
        if (s[i] == '\n') {
            line++;
            col = 1;
        } else if (s[i] == '\r' && s[i + 1] != '\n') {
            tarief_ctx_error(ctx, path, (int)line, (int)col, r.lines[line - 1],
                             "%s", "regeleinde met alleen CR (oud Mac-formaat): sla het bestand op met LF- of CRLF-regeleinden");
            return NULL;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80 && s[i] != '\r') {
            col++;
        }
    }
    bool blank = true;
    for (size_t i = 0; i < n && blank; i++)
        if (!is_space((unsigned char)s[i]) && !is_term((unsigned char)s[i]))
            blank = false;
    if (blank) {
        tarief_ctx_error(ctx, path, 1, 1, NULL, "bestand is leeg: verwacht een kopregel met kolomnamen");
        return NULL;
    }

    char delim = detect_delim(s, n);
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
    csv_set_delim(&p, (unsigned char)delim);
    csv_set_space_func(&p, is_space);
    csv_set_term_func(&p, is_term);

    bool at_field_start = true;
    size_t i = 0;
    size_t fpos = 0;   /* offset where the current field starts */
    size_t lstart = 0; /* offset where the current physical line starts */
    while (i < n) {
        /* A comment line (#...) at the start of a row is skipped before
         * libcsv sees it, so its text may hold anything, quotes included.
         * (pstate 0 is libcsv's ROW_NOT_BEGUN: not inside a quoted field.) */
        if (i == lstart && p.pstate == 0) {
            size_t k = i;
            while (k < n && is_space((unsigned char)s[k]))
                k++;
            if (k < n && s[k] == '#') {
                next_line(s, n, &i, &r, &lstart);
                at_field_start = true;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (at_field_start) {
            r.fline = r.line;
            r.fcol = r.col;
            r.flen = 0;
            fpos = i;
            at_field_start = false;
        }
        if (i - lstart >= TARIEF_MAX_LINE) {
            rd_error(&r, r.line, 1, "%s",
                     "regel is absurd lang (meer dan 1 MiB): is dit wel een CSV-bestand met een regeleinde per regel?");
            csv_free(&p);
            free(r.cells.items);
            free(r.rows.items);
            return NULL;
        }
        unsigned long before = r.events;
        /* Callbacks for this byte refer to the field that started at
         * fline/fcol; the position advances after parsing. */
        if (csv_parse(&p, &c, 1, on_field, on_row, &r) != 1) {
            size_t k = fpos;
            while (k < i && is_space((unsigned char)s[k]))
                k++;
            if (s[k] == '"' && k < i)
                rd_error(&r, r.line, r.col,
                         "na het sluitende aanhalingsteken van een veld mag alleen '%s' of het regeleinde volgen: "
                         "staat er een aanhalingsteken te veel, of hoort dit aanhalingsteken bij de tekst (schrijf het dan dubbel: \"\")?",
                         delim == ';' ? ";" : ",");
            else
                rd_error(&r, r.line, r.col, "%s",
                         "aanhalingsteken midden in een veld: zet het hele veld tussen aanhalingstekens en schrijf het aanhalingsteken "
                         "zelf dubbel, zoals \"12\"\" scherm\"");
            /* resume at the next line */
            csv_free(&p);
            csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
            csv_set_delim(&p, (unsigned char)delim);
            csv_set_space_func(&p, is_space);
            csv_set_term_func(&p, is_term);
            r.cells.n = 0;
            next_line(s, n, &i, &r, &lstart);
            at_field_start = true;
            continue;
        }
        /* 0 is libcsv's ROW_NOT_BEGUN: blank line ends are skipped there */
        if (r.events != before || p.pstate == 0)
            at_field_start = true;
        r.flen++;
        if (r.flen > TARIEF_MAX_FIELD && !at_field_start) {
            rd_error(&r, r.fline, r.fcol, "%s",
                     "veld is absurd lang (meer dan 64 KiB); ontbreekt een sluitend aanhalingsteken?");
            csv_free(&p);
            free(r.cells.items);
            free(r.rows.items);
            return NULL;
        }
        if (c == '\n') {
            r.line++;
            r.col = 1;
            lstart = i + 1;
        } else if ((c & 0xC0) != 0x80 && c != '\r') {
            r.col++;
        }
        i++;
    }
    if (csv_fini(&p, on_field, on_row, &r) != 0)
        rd_error(&r, r.fline, r.fcol, "%s",
                 "aanhalingsteken wordt niet afgesloten: het veld loopt door tot het einde van het bestand");
    csv_free(&p);
    free(r.cells.items);

    if (r.errors) {
        free(r.rows.items);
        return NULL;
    }
    tarief_csv *t = tarief_ctx_alloc(ctx, sizeof *t);
    t->path = tarief_ctx_strdup(ctx, path);
    t->delim = delim;
    tarief_csv_row *rows = r.rows.items;
    if (r.rows.n == 0) {
        free(rows);
        tarief_ctx_error(ctx, path, 1, 1, NULL, "bestand bevat geen kopregel: verwacht een regel met kolomnamen");
        return NULL;
    }
    /* A row with fewer fields than the header: a cut-off row would read the
     * missing cells as empty and silently change a tariff. (More fields are
     * the loader's to judge: an empty one at the end is harmless.) Header
     * cells without a name at the end do not count. Reported without
     * failing the read, so the header's own problems are reported too. */
    size_t width = rows[0].n;
    while (width > 1 && !rows[0].cells[width - 1].text[0])
        width--;
    for (size_t ri = 1; ri < r.rows.n; ri++) {
        const tarief_csv_row *row = &rows[ri];
        if (row->n >= width)
            continue;
        const tarief_csv_cell *last = &row->cells[row->n - 1];
        int col = last->column + (int)strlen(last->text);
        if (last->line != row->line)
            col = last->column;
        tarief_ctx_error(ctx, path, row->line, col, row->source_line,
                         "deze regel heeft %zu %s, de kopregel %zu: ontbreekt er een scheidingsteken of is de regel "
                         "afgebroken? (een leeg veld schrijf je als niets tussen twee scheidingstekens)",
                         row->n, row->n == 1 ? "veld" : "velden", width);
    }
    t->header = rows[0];
    t->n_rows = r.rows.n - 1;
    t->rows = tarief_ctx_alloc(ctx, (t->n_rows ? t->n_rows : 1) * sizeof *t->rows);
    if (t->n_rows)
        memcpy(t->rows, rows + 1, t->n_rows * sizeof *rows);
    free(rows);
    return t;
}
