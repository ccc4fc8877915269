/* password.c: argon2id password hashes (libsodium crypto_pwhash) */
#include "password.h"

#include <string.h>

#include "conf.h"

static unsigned long long opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
static size_t memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

void password_init(void)
{
	int ops = conf_int("Password.OpsLimit", 0);
	int kib = conf_int("Password.MemLimitKiB", 0);

	/* The floor keeps a misconfigured file from making hashes cheap. */
	if (ops >= 2)
		opslimit = (unsigned long long)ops;
	if (kib >= 19456)
		memlimit = (size_t)kib * 1024;
}

int password_hash(const char *pw, char out[PASSWORD_HASH_MAX])
{
	return crypto_pwhash_str_alg(out, pw, strlen(pw), opslimit, memlimit,
				     crypto_pwhash_ALG_ARGON2ID13);
}

int password_verify(const char *hash, const char *pw)
{
	if (!hash || !pw)
		return 0;
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

int password_acceptable(const char *pw)
{
	size_t n = 0;
	int lower = 0, upper = 0, digit = 0, other = 0;

	for (const char *p = pw; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if ((c & 0xC0) != 0x80)
			n++;
		if (c >= 'a' && c <= 'z')
			lower = 1;
		else if (c >= 'A' && c <= 'Z')
			upper = 1;
		else if (c >= '0' && c <= '9')
			digit = 1;
		else
			other = 1;
	}
	return n >= 10 && n <= 128 && lower + upper + digit + other >= 2;
}
