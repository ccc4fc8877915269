/* zsog-admin.c: operator's tool: `zsog-admin hash` reads a password on
 * stdin and prints its argon2id hash (to create the first administrator of
 * a production install, or demo accounts) */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "password.h"

int main(int argc, char **argv)
{
	char pw[256], hash[PASSWORD_HASH_MAX];
	size_t n;

	if (argc != 2 || strcmp(argv[1], "hash") != 0) {
		fprintf(stderr, "usage: %s hash < password\n", argv[0]);
		return 2;
	}
	if (sodium_init() < 0)
		return 1;
	if (!fgets(pw, sizeof(pw), stdin)) {
		fprintf(stderr, "no password on stdin\n");
		return 2;
	}
	n = strcspn(pw, "\r\n");
	pw[n] = '\0';
	if (!password_acceptable(pw)) {
		fprintf(stderr, "password too weak: 10-128 characters, two classes\n");
		return 2;
	}
	if (password_hash(pw, hash) != 0) {
		fprintf(stderr, "out of memory\n");
		return 1;
	}
	sodium_memzero(pw, sizeof(pw));
	puts(hash);
	return 0;
}
