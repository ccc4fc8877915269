/* draw.h: uniform random numbers from a CSPRNG, many per system call */
#ifndef ZSOG_DRAW_H
#define ZSOG_DRAW_H

#include <stdint.h>

/* A number in [0, upper) drawn uniformly (no modulo bias) from libsodium's
 * CSPRNG output, read 4 KB at a time into a buffer of this process: the
 * random selection of a control decision draws once per event, and
 * randombytes_uniform() is a getrandom(2) call each (100 per batch of
 * 100). The buffer is emptied in a forked child, so no two workers ever
 * share a draw. upper < 2: 0. */
uint32_t draw_uniform(uint32_t upper);

#endif
