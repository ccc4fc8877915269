/* util.h: growable buffers, a per-request arena, hex and random helpers */
#ifndef ZSOG_UTIL_H
#define ZSOG_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* A growable byte buffer that always keeps a terminating NUL. */
struct buf {
	char *p;
	size_t len, cap;
};

int buf_add(struct buf *b, const char *s, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

/* A bump allocator whose memory lives until arena_reset: one per request,
 * so handlers never free what they parse. */
struct arena {
	struct arena_chunk *head;
};

void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void arena_reset(struct arena *a);

/* Hex of n random bytes from the kernel's CSPRNG into out (2n+1 bytes). */
void rand_hex(char *out, size_t n);
void hex_encode(char *out, const unsigned char *in, size_t n);
int hex_decode(unsigned char *out, const char *in, size_t n);

/* Monotonic and wall clock in seconds. */
double now_mono(void);
long long now_unix(void);

/* Copies at most outsz-1 bytes and terminates; returns strlen(src). */
size_t strlcpy_z(char *out, const char *src, size_t outsz);

#endif
