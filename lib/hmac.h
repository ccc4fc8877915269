/* hmac.h: the signature of a machine's request (lane devices, partner
 * services): HMAC-SHA256 over who "\n" timestamp "\n" body */
#ifndef ZSOG_HMAC_H
#define ZSOG_HMAC_H

#include <stddef.h>

/* The signature under the hex key secret_hex (64 hex digits) as 64 lower
 * hex digits into out; 0, or -1 for a missing or malformed key. */
int hmac_sign_request(const char *secret_hex, const char *who, const char *ts,
		      const char *body, size_t len, char out[65]);

#endif
