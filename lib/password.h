/* password.h: argon2id password hashes (libsodium crypto_pwhash) */
#ifndef ZSOG_PASSWORD_H
#define ZSOG_PASSWORD_H

#include <sodium.h>

#define PASSWORD_HASH_MAX crypto_pwhash_STRBYTES

/* Cost from the config (Password.OpsLimit, Password.MemLimitKiB). */
void password_init(void);
int password_hash(const char *pw, char out[PASSWORD_HASH_MAX]);
/* 1 when pw matches hash. */
int password_verify(const char *hash, const char *pw);
/* Acceptable new password: 10..128 characters, not all one class. */
int password_acceptable(const char *pw);

#endif
