/* test-password.c: cmocka tests for lib/password.c (argon2id hashes and the
 * new-password rule) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "password.h"

static void test_hash_verify_round_trip(void **state)
{
	char h[PASSWORD_HASH_MAX];

	(void)state;
	assert_int_equal(password_hash("Demo-Haslo-2026", h), 0);
	assert_memory_equal(h, "$argon2id$", 10);
	assert_true(password_verify(h, "Demo-Haslo-2026"));
}

static void test_wrong_password_refused(void **state)
{
	char h[PASSWORD_HASH_MAX];

	(void)state;
	assert_int_equal(password_hash("Demo-Haslo-2026", h), 0);
	assert_false(password_verify(h, "Demo-Haslo-2027"));
	assert_false(password_verify(h, "demo-haslo-2026"));
	assert_false(password_verify(h, ""));
	assert_false(password_verify(h, "Demo-Haslo-2026 "));
	assert_false(password_verify(h, NULL));
	assert_false(password_verify(NULL, "Demo-Haslo-2026"));
	assert_false(password_verify("not a hash", "Demo-Haslo-2026"));
	assert_false(password_verify("", ""));
}

static void test_same_password_hashes_differently(void **state)
{
	char a[PASSWORD_HASH_MAX], b[PASSWORD_HASH_MAX];

	(void)state;
	assert_int_equal(password_hash("Zolw-Zielony-1", a), 0);
	assert_int_equal(password_hash("Zolw-Zielony-1", b), 0);
	assert_string_not_equal(a, b); /* a salt each */
	assert_true(password_verify(a, "Zolw-Zielony-1"));
	assert_true(password_verify(b, "Zolw-Zielony-1"));
}

static void test_non_ascii_password_round_trip(void **state)
{
	char h[PASSWORD_HASH_MAX];

	(void)state;
	assert_int_equal(password_hash("Zażółć-gęślą-jaźń", h), 0);
	assert_true(password_verify(h, "Zażółć-gęślą-jaźń"));
	assert_false(password_verify(h, "Zazolc-gesla-jazn"));
}

static void test_password_acceptable_vectors(void **state)
{
	static const char *const good[] = {
		"Demo-Haslo-2026",
		"abcdefghi1", /* 10, two classes */
		"ABCDEFGHIj",
		"zazolcgesl!",
		"Ab\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc",
		/* 10 characters in 18 bytes */
	};
	static const char *const bad[] = {
		"", "Short-1",	/* 7 */
		"Abcdefgh1",	/* 9 */
		"aaaaaaaaaaaa", /* one class */
		"AAAAAAAAAAAA", "123456789012",
		"\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc",
		/* ten ż: one class */
		"Ab\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc\xc5\xbc",
		/* 9 characters in 16 bytes */
	};
	char max[200];

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		if (!password_acceptable(good[i]))
			fail_msg("\"%s\" was refused", good[i]);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (password_acceptable(bad[i]))
			fail_msg("\"%s\" was accepted", bad[i]);
	memset(max, 'a', 127);
	max[127] = '1';
	max[128] = '\0';
	assert_true(password_acceptable(max)); /* 128 */
	max[128] = '2';
	max[129] = '\0';
	assert_false(password_acceptable(max)); /* 129 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_verify_round_trip),
		cmocka_unit_test(test_wrong_password_refused),
		cmocka_unit_test(test_same_password_hashes_differently),
		cmocka_unit_test(test_non_ascii_password_round_trip),
		cmocka_unit_test(test_password_acceptable_vectors),
	};

	if (sodium_init() < 0)
		return 1;
	password_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
