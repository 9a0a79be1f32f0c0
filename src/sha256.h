/*
 * sha256.h - SHA-256 (FIPS 180-4) of a file, for the workbook's list of
 * input checksums. Internal to the library.
 */
#ifndef TARIEF_SHA256_H
#define TARIEF_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct tarief_sha256 {
    uint32_t h[8];
    uint64_t len;        /* bytes hashed so far */
    unsigned char buf[64];
    size_t n;            /* bytes in buf */
} tarief_sha256;

void tarief_sha256_init(tarief_sha256 *s);
void tarief_sha256_update(tarief_sha256 *s, const void *data, size_t len);
/* Writes 64 lowercase hex digits and a NUL to hex. */
void tarief_sha256_final_hex(tarief_sha256 *s, char hex[65]);

/* Hash a whole file into hex; 0, or -1 with errno set. */
int tarief_sha256_file(const char *path, char hex[65]);

#endif
