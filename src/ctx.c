/* ctx.c - the context: an arena owning everything, and the problem list. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <strings.h>

#include "internal.h"

typedef struct chunk {
    struct chunk *next;
    size_t used, size;
    max_align_t data[];
} chunk;

struct tarief_ctx {
    chunk *chunks;
    tarief_diag diag;
    tarief_diag warnings; /* waarschuwingen (plausibiliteit), apart from the problems */
};

tarief_ctx *tarief_ctx_new(void)
{
    tarief_ctx *ctx = calloc(1, sizeof(tarief_ctx));
    if (!ctx)
        tarief_onvoldoende_geheugen(); /* as tarief_ctx_alloc: no caller can do better */
    return ctx;
}

void tarief_ctx_free(tarief_ctx *ctx)
{
    if (!ctx)
        return;
    chunk *c = ctx->chunks;
    while (c) {
        chunk *n = c->next;
        free(c);
        c = n;
    }
    free(ctx->diag.items);
    free(ctx->warnings.items);
    free(ctx);
}

/* A scratch context reused per item (a product of `verschil`): everything
 * allocated in it is dropped, one standard chunk is kept for the next item
 * so a reset costs no malloc; the problem list is left alone. */
void ti_ctx_reset(tarief_ctx *ctx)
{
    chunk *keep = NULL, *c = ctx->chunks;
    while (c) {
        chunk *n = c->next;
        if (!keep && c->size == 64 * 1024) {
            keep = c;
        } else {
            free(c);
        }
        c = n;
    }
    if (keep) {
        keep->used = 0;
        keep->next = NULL;
    }
    ctx->chunks = keep;
}

const tarief_diag *tarief_ctx_diag(const tarief_ctx *ctx)
{
    return &ctx->diag;
}

size_t tarief_diag_total(const tarief_diag *d)
{
    return d->count + d->dropped;
}

int tarief_diag_has_io(const tarief_diag *d)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].io)
            return 1;
    return 0;
}

void ti_ctx_mark_io(tarief_ctx *ctx)
{
    if (ctx->diag.count)
        ctx->diag.items[ctx->diag.count - 1].io = 1;
}

const char *tarief_strerror(int e)
{
    switch (e) {
    case ENOENT: return "bestand of map bestaat niet";
    case EACCES: return "geen toestemming (rechten van het bestand of de map)";
    case EPERM: return "niet toegestaan";
    case ENOSPC: return "de schijf is vol";
    case EDQUOT: return "schijfquotum overschreden";
    case EISDIR: return "dit is een map, geen bestand";
    case ENOTDIR: return "een deel van het pad is geen map";
    case EROFS: return "het bestandssysteem is alleen-lezen";
    case EEXIST: return "bestaat al";
    case EIO: return "invoer-/uitvoerfout van het apparaat";
    case ENAMETOOLONG: return "naam te lang";
    case EMFILE:
    case ENFILE: return "te veel open bestanden";
    case EFBIG: return "bestand te groot";
    case ENOMEM: return "onvoldoende geheugen";
    case EXDEV: return "ander bestandssysteem";
    default: return strerror(e);
    }
}

void *tarief_ctx_alloc(tarief_ctx *ctx, size_t n)
{
    const size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    if (n == 0)
        n = align;
    chunk *c = ctx->chunks;
    if (!c || c->size - c->used < n) {
        size_t size = n > 64 * 1024 ? n : 64 * 1024;
        c = malloc(sizeof(chunk) + size);
        if (!c)
            tarief_onvoldoende_geheugen();
        c->size = size;
        c->used = 0;
        /* A big private chunk goes behind the current one so the current
         * chunk's free space is not wasted. */
        if (ctx->chunks && size == n) {
            c->next = ctx->chunks->next;
            ctx->chunks->next = c;
        } else {
            c->next = ctx->chunks;
            ctx->chunks = c;
        }
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

char *ti_ctx_strndup(tarief_ctx *ctx, const char *s, size_t n)
{
    char *p = tarief_ctx_alloc(ctx, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *tarief_ctx_strdup(tarief_ctx *ctx, const char *s)
{
    return s ? ti_ctx_strndup(ctx, s, strlen(s)) : NULL;
}

char *ti_ctx_vprintf(tarief_ctx *ctx, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *p = tarief_ctx_alloc(ctx, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *ti_ctx_printf(tarief_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = ti_ctx_vprintf(ctx, fmt, ap);
    va_end(ap);
    return p;
}

size_t tarief_escape_teken(const char *s, char out[8])
{
    const unsigned char *u = (const unsigned char *)s;
    if ((u[0] < 0x20 && u[0] != '\t' && u[0] != '\0') || u[0] == 0x7F) {
        snprintf(out, 8, "\\x%02X", u[0]);
        return 1;
    }
    if (u[0] == 0xC2 && u[1] >= 0x80 && u[1] <= 0x9F) { /* C1: U+0080..U+009F */
        snprintf(out, 8, "\\u%04X", u[1]);
        return 2;
    }
    return 0;
}

const char *ti_escape(tarief_ctx *ctx, const char *s)
{
    if (!s)
        return NULL;
    size_t extra = 0;
    char buf[8];
    for (const char *p = s; *p;) {
        size_t k = tarief_escape_teken(p, buf);
        if (k) {
            extra += strlen(buf);
            p += k;
        } else {
            p++;
        }
    }
    if (extra == 0)
        return s;
    size_t n = strlen(s);
    char *out = tarief_ctx_alloc(ctx, n + extra + 1), *o = out;
    for (const char *p = s; *p;) {
        size_t k = tarief_escape_teken(p, buf);
        if (k) {
            size_t bl = strlen(buf);
            memcpy(o, buf, bl);
            o += bl;
            p += k;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}

static void add_problem(tarief_ctx *ctx, tarief_diag *d, const char *file, int line, int column,
                        const char *source_line, const char *fmt, va_list ap)
{
    if (d->count >= TARIEF_DIAG_MAX) {
        d->dropped++;
        return;
    }
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        tarief_error *items = realloc(d->items, cap * sizeof *items);
        if (!items) /* a problem that cannot be recorded must not turn into "input error" */
            tarief_onvoldoende_geheugen();
        d->items = items;
        d->cap = cap;
    }
    tarief_error *e = &d->items[d->count++];
    memset(e, 0, sizeof *e);
    /* A control character from the input never reaches the terminal raw
     * (ESC would start an escape sequence): shown as \x1B. */
    e->file = ti_escape(ctx, tarief_ctx_strdup(ctx, file));
    e->line = line;
    e->column = column;
    e->message = ti_escape(ctx, ti_ctx_vprintf(ctx, fmt, ap));
    e->source_line = tarief_ctx_strdup(ctx, source_line); /* escaped when printed: the column stays right */
}

void tarief_ctx_error(tarief_ctx *ctx, const char *file, int line, int column,
                      const char *source_line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_problem(ctx, &ctx->diag, file, line, column, source_line, fmt, ap);
    va_end(ap);
}

void tarief_ctx_warning(tarief_ctx *ctx, const char *file, int line, int column,
                        const char *source_line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_problem(ctx, &ctx->warnings, file, line, column, source_line, fmt, ap);
    va_end(ap);
}

const tarief_diag *tarief_ctx_warnings(const tarief_ctx *ctx)
{
    return &ctx->warnings;
}


/* --- hash map ------------------------------------------------------------ */

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211u;
    }
    return h;
}

void ti_map_init(tarief_ctx *ctx, tmap *m, size_t expected)
{
    size_t cap = 16;
    while (cap < expected * 2 + 1)
        cap *= 2;
    m->keys = tarief_ctx_alloc(ctx, cap * sizeof *m->keys);
    m->vals = tarief_ctx_alloc(ctx, cap * sizeof *m->vals);
    m->cap = cap;
    m->n = 0;
}

static void tmap_grow(tarief_ctx *ctx, tmap *m)
{
    tmap n;
    ti_map_init(ctx, &n, m->cap);
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            ti_map_put(ctx, &n, m->keys[i], m->vals[i]);
    *m = n;
}

void *ti_map_put(tarief_ctx *ctx, tmap *m, const char *key, void *val)
{
    if ((m->n + 1) * 2 > m->cap)
        tmap_grow(ctx, m);
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->keys[i]) {
        if (strcmp(m->keys[i], key) == 0)
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = key;
    m->vals[i] = val;
    m->n++;
    return NULL;
}

void *ti_map_get(const tmap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->keys[i]) {
        if (strcmp(m->keys[i], key) == 0)
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    return NULL;
}

size_t ti_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t prev[65], cur[65];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = (a[i - 1] == b[j - 1]) ? 0 : 1;
            size_t v = prev[j - 1] + cost;
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            cur[j] = v;
        }
        memcpy(prev, cur, (lb + 1) * sizeof *prev);
    }
    return prev[lb];
}
