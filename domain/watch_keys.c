/* watch_keys.c: the lookalike key of an object read at a lane or written on
 * the watch list (the ingest matcher, the register, imported candidates) */
#include "watch.h"

/* O/0, I/1 and B/8 are what readers confuse. */
size_t watch_fold_key(const char *key, char *out, size_t outsz)
{
	size_t n;

	if (!outsz)
		return 0;
	for (n = 0; key[n] && n + 1 < outsz; n++) {
		switch (key[n]) {
		case 'O':
			out[n] = '0';
			break;
		case 'I':
			out[n] = '1';
			break;
		case 'B':
			out[n] = '8';
			break;
		default:
			out[n] = key[n];
			break;
		}
	}
	out[n] = '\0';
	return n;
}
