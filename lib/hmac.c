/* hmac.c: one request signature for every machine that signs (docs/ingest.md,
 * docs/exchange.md): libsodium's HMAC-SHA256, the key wiped after use */
#include "hmac.h"

#include <sodium.h>
#include <string.h>

#include "util.h"

int hmac_sign_request(const char *secret_hex, const char *who, const char *ts,
		      const char *body, size_t len, char out[65])
{
	crypto_auth_hmacsha256_state st;
	unsigned char key[32], mac[32];

	if (!secret_hex || strlen(secret_hex) != 64 ||
	    hex_decode(key, secret_hex, 32) < 0)
		return -1;
	crypto_auth_hmacsha256_init(&st, key, sizeof(key));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)who,
				      strlen(who));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)ts,
				      strlen(ts));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, len);
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_memzero(key, sizeof(key));
	sodium_memzero(&st, sizeof(st));
	hex_encode(out, mac, sizeof(mac));
	return 0;
}
