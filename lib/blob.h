/* blob.h: files kept outside the web root, under Paths.Var/<dir>/, each
 * named by the SHA-256 of its content (the same file stored twice is one
 * file; a name says nothing about its owner, and the database row that
 * holds the name decides who may read it) */
#ifndef ZSOG_BLOB_H
#define ZSOG_BLOB_H

#include <stddef.h>

#include "util.h"

/* Stores p[0..n) as Paths.Var/dir/<hex[0..2)>/<hex> (written to a
 * temporary file, synced, renamed: a reader never sees half of it), its
 * name into hex. 0, or -1 (logged). */
int blob_put(const char *dir, const void *p, size_t n, char hex[65]);

/* The content named hex (64 lower-case hex digits) into *p, *n (in a):
 * 1, 0 no such file (or a name that is none), -1 (logged). */
int blob_get(struct arena *a, const char *dir, const char *hex, const char **p,
	     size_t *n);

#endif
