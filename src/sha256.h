/*
 * sha256.h - SHA-256 (FIPS 180-4) of a file, for the loader's list of
 * input checksums (tarief_invoerbestand). Internal to the library.
 */
#ifndef TARIEF_SHA256_H
#define TARIEF_SHA256_H

/* Hash a whole file into hex; 0, or -1 with errno set. */
int ti_sha256_file(const char *path, char hex[65]);

#endif
