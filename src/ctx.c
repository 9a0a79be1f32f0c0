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



};

tarief_ctx *tarief_ctx_new(void)
{
    tarief_ctx *ctx = calloc(1, sizeof(tarief_ctx));
    if (!ctx) {
        fputs("tarief: onvoldoende geheugen\n", stderr);
        abort(); /* as tarief_ctx_alloc: no caller can do better */
    }
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
    free(ctx);
}

/* A scratch context reused per item (a product of `verschil`): everything
 * allocated in it is dropped, one standard chunk is kept for the next item
 * so a reset costs no malloc; the problem list is left alone. */
void tarief_ctx_reset(tarief_ctx *ctx)
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

void tarief_ctx_mark_io(tarief_ctx *ctx)
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
        if (!c) {
            fputs("tarief: onvoldoende geheugen\n", stderr);
            abort();
        }
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

char *tarief_ctx_strndup(tarief_ctx *ctx, const char *s, size_t n)
{
    char *p = tarief_ctx_alloc(ctx, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *tarief_ctx_strdup(tarief_ctx *ctx, const char *s)
{
    return s ? tarief_ctx_strndup(ctx, s, strlen(s)) : NULL;
}

char *tarief_ctx_vprintf(tarief_ctx *ctx, const char *fmt, va_list ap)
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

char *tarief_ctx_printf(tarief_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = tarief_ctx_vprintf(ctx, fmt, ap);
    va_end(ap);
    return p;
}

void tarief_ctx_error(tarief_ctx *ctx, const char *file, int line, int column,
                      const char *source_line, const char *fmt, ...)
{
    tarief_diag *d = &ctx->diag;
    if (d->count >= TARIEF_DIAG_MAX) {
        d->dropped++;
        return;
    }
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        tarief_error *items = realloc(d->items, cap * sizeof *items);
        if (!items) {
            d->dropped++;
            return;
        }
        d->items = items;
        d->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    tarief_error *e = &d->items[d->count++];
    memset(e, 0, sizeof *e);
    e->file = tarief_ctx_strdup(ctx, file);
    e->line = line;
    e->column = column;
    e->message = tarief_ctx_vprintf(ctx, fmt, ap);
    e->source_line = tarief_ctx_strdup(ctx, source_line);
    va_end(ap);
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

void tmap_init(tarief_ctx *ctx, tmap *m, size_t expected)
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
    tmap_init(ctx, &n, m->cap);
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            tmap_put(ctx, &n, m->keys[i], m->vals[i]);
    *m = n;
}

void *tmap_put(tarief_ctx *ctx, tmap *m, const char *key, void *val)
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

void *tmap_get(const tmap *m, const char *key)
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

size_t tarief_edit_distance(const char *a, const char *b)
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
