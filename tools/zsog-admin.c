/* zsog-admin.c: operator's tool.
 *   zsog-admin hash < password    prints its argon2id hash (the first
 *                                 administrator of an install, demo accounts)
 *   zsog-admin flush-caches CONF  after rows were changed by hand (SQL, a
 *                                 restore): every program drops its copies
 *                                 of sessions, rights and calendars now
 *                                 instead of within seconds (lib/epoch.h) */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "epoch.h"
#include "password.h"

static int flush_caches(const char *conf_path)
{
	if (conf_load(conf_path) < 0) {
		fprintf(stderr, "cannot read %s\n", conf_path);
		return 2;
	}
	if (epoch_open() < 0)
		return 1;
	epoch_bump_mask(EPOCH_ALL);
	return 0;
}

static int print_hash(void)
{
	char pw[256], hash[PASSWORD_HASH_MAX];
	size_t n;

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

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "hash") == 0)
		return print_hash();
	if (argc == 3 && strcmp(argv[1], "flush-caches") == 0)
		return flush_caches(argv[2]);
	fprintf(stderr, "usage: %s hash < password\n"
			"       %s flush-caches CONFIG\n", argv[0], argv[0]);
	return 2;
}
