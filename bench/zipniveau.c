/*
 * zipniveau.c - experiment for docs/prestaties.md: what would the workbook
 * cost if libxlsxwriter compressed with another zlib level?
 *
 * libxlsxwriter 1.1.4 always passes Z_DEFAULT_COMPRESSION (level 6) to
 * minizip and has no option for it. This LD_PRELOAD shim replaces the level
 * with $ZIPNIVEAU (0-9) in the one minizip call libxlsxwriter makes per
 * file in the package; nothing else changes, so the cells and the XML are
 * identical and only the deflate work differs.
 *
 *     make BUILD=build-bench build-bench/bench/zipniveau.so
 *     ZIPNIVEAU=1 LD_PRELOAD=build-bench/bench/zipniveau.so \
 *         build-bench/bench/bench meet build-bench/bench/regio-10000 /tmp/uit data/cao
 *
 * A measuring tool only: never linked into tarief.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>

typedef int (*open_fn)(void *, const char *, const void *, const void *, unsigned, const void *,
                       unsigned, const char *, int, int, int, int, int, int, const char *,
                       unsigned long, unsigned long, unsigned long, int);

/* minizip's zipOpenNewFileInZip4_64, argument for argument. */
int zipOpenNewFileInZip4_64(void *file, const char *name, const void *zipfi, const void *extra_local,
                            unsigned size_extra_local, const void *extra_global,
                            unsigned size_extra_global, const char *comment, int method, int level,
                            int raw, int window_bits, int mem_level, int strategy,
                            const char *password, unsigned long crc, unsigned long version_made_by,
                            unsigned long flag_base, int zip64);
int zipOpenNewFileInZip4_64(void *file, const char *name, const void *zipfi, const void *extra_local,
                            unsigned size_extra_local, const void *extra_global,
                            unsigned size_extra_global, const char *comment, int method, int level,
                            int raw, int window_bits, int mem_level, int strategy,
                            const char *password, unsigned long crc, unsigned long version_made_by,
                            unsigned long flag_base, int zip64)
{
    static open_fn real;
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
    const char *e = getenv("ZIPNIVEAU");
    if (e && e[0] >= '0' && e[0] <= '9' && e[1] == '\0')
        level = e[0] - '0';
    return real(file, name, zipfi, extra_local, size_extra_local, extra_global, size_extra_global,
                comment, method, level, raw, window_bits, mem_level, strategy, password, crc,
                version_made_by, flag_base, zip64);
}
