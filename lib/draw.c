/* draw.c: uniform random numbers from a buffered CSPRNG (draw.h) */
#include "draw.h"

#include <pthread.h>
#include <sodium.h>
#include <string.h>

#define POOL_WORDS 1024

static uint32_t pool[POOL_WORDS];
static int left; /* unread words at the end of pool */
static int reset_registered;

/* A forked worker must not replay its parent's unread output. */
static void forget(void)
{
	sodium_memzero(pool, sizeof(pool));
	left = 0;
}

static uint32_t next_word(void)
{
	if (!reset_registered) {
		pthread_atfork(NULL, NULL, forget);
		reset_registered = 1;
	}
	if (left == 0) {
		randombytes_buf(pool, sizeof(pool));
		left = POOL_WORDS;
	}
	return pool[--left];
}

uint32_t draw_uniform(uint32_t upper)
{
	uint32_t min, r;

	if (upper < 2)
		return 0;
	/* 2^32 mod upper: words below it would favour the small numbers */
	min = (1U + ~upper) % upper;
	do
		r = next_word();
	while (r < min);
	return r % upper;
}
