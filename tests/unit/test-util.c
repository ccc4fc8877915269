/* test-util.c: cmocka tests for lib/util.c (arena, buf, hex, strlcpy_z) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util.h"

static void test_arena_alloc_is_aligned_for_any_type(void **state)
{
	struct arena a = { 0 };
	size_t sizes[] = { 1, 3, 7, 8, 13, 16, 17, 100, 1 };

	(void)state;
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		void *p = arena_alloc(&a, sizes[i]);

		assert_non_null(p);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
	}
	arena_reset(&a);
	assert_null(a.head);
}

static void test_arena_allocations_do_not_overlap(void **state)
{
	struct arena a = { 0 };
	char *p[64];

	(void)state;
	/* Enough to fill several chunks. */
	for (int i = 0; i < 64; i++) {
		p[i] = arena_alloc(&a, 1000);
		assert_non_null(p[i]);
		memset(p[i], 'a' + i % 26, 1000);
	}
	for (int i = 0; i < 64; i++)
		for (int k = 0; k < 1000; k++)
			assert_int_equal(p[i][k], 'a' + i % 26);
	arena_reset(&a);
}

static void test_arena_large_allocation_beyond_chunk_size(void **state)
{
	struct arena a = { 0 };
	size_t big = 5u << 20;
	char *small = arena_alloc(&a, 10), *p;

	(void)state;
	p = arena_alloc(&a, big);
	assert_non_null(small);
	assert_non_null(p);
	memset(p, 0x5a, big); /* ASan flags it if the chunk is short */
	assert_int_equal((unsigned char)p[big - 1], 0x5a);
	/* The arena keeps serving small requests after a big one. */
	assert_non_null(arena_alloc(&a, 16));
	arena_reset(&a);
}

static void test_arena_refuses_sizes_that_would_overflow(void **state)
{
	struct arena a = { 0 };

	(void)state;
	assert_null(arena_alloc(&a, SIZE_MAX));
	assert_null(arena_alloc(&a, SIZE_MAX - 8));
	arena_reset(&a);
}

static void test_arena_strndup_and_printf(void **state)
{
	struct arena a = { 0 };
	char *s;

	(void)state;
	s = arena_strndup(&a, "abcdef", 3);
	assert_string_equal(s, "abc");
	s = arena_strdup(&a, "xyz");
	assert_string_equal(s, "xyz");
	s = arena_printf(&a, "%s-%d-%05.1f", "n", 42, 3.14159);
	assert_string_equal(s, "n-42-003.1");
	arena_reset(&a);
}

static void test_buf_printf_grows_past_initial_capacity(void **state)
{
	struct buf b = { 0 };
	char want[8192];
	size_t n = 0;

	(void)state;
	for (int i = 0; i < 1000; i++) {
		assert_int_equal(buf_printf(&b, "%d,", i), 0);
		n += (size_t)snprintf(want + n, sizeof(want) - n, "%d,", i);
	}
	assert_int_equal(b.len, n);
	assert_true(b.cap > b.len);
	assert_string_equal(b.p, want);
	assert_int_equal(b.p[b.len], '\0');
	buf_free(&b);
	assert_null(b.p);
	assert_int_equal(b.len, 0);
}

static void test_buf_add_keeps_embedded_nul_and_terminates(void **state)
{
	struct buf b = { 0 };

	(void)state;
	buf_add(&b, "a\0b", 3);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.p, "a\0b", 4);
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.p, "");
	buf_puts(&b, "x");
	assert_string_equal(b.p, "x");
	buf_free(&b);
}

static void test_hex_round_trip(void **state)
{
	unsigned char in[256], back[256];
	char hex[513];

	(void)state;
	for (int i = 0; i < 256; i++)
		in[i] = (unsigned char)i;
	hex_encode(hex, in, sizeof(in));
	assert_int_equal(strlen(hex), 512);
	assert_memory_equal(hex, "000102", 6);
	assert_string_equal(hex + 506, "fdfeff");
	assert_int_equal(hex_decode(back, hex, sizeof(back)), 0);
	assert_memory_equal(in, back, sizeof(in));
}

static void test_hex_decode_accepts_upper_case_refuses_non_hex(void **state)
{
	unsigned char out[2];

	(void)state;
	assert_int_equal(hex_decode(out, "ABcd", 2), 0);
	assert_int_equal(out[0], 0xab);
	assert_int_equal(out[1], 0xcd);
	assert_int_equal(hex_decode(out, "0g", 1), -1);
	assert_int_equal(hex_decode(out, "g0", 1), -1);
	/* A string shorter than asked for stops at its NUL. */
	assert_int_equal(hex_decode(out, "ab", 2), -1);
}

static void test_rand_hex_is_hex_of_the_asked_length(void **state)
{
	char a[65], b[65];

	(void)state;
	rand_hex(a, 32);
	rand_hex(b, 32);
	assert_int_equal(strlen(a), 64);
	assert_int_equal(strspn(a, "0123456789abcdef"), 64);
	assert_string_not_equal(a, b);
}

static void test_strlcpy_z_truncates_and_terminates(void **state)
{
	char out[5];

	(void)state;
	memset(out, 'x', sizeof(out));
	assert_int_equal(strlcpy_z(out, "abcdefgh", sizeof(out)), 8);
	assert_string_equal(out, "abcd");
	assert_int_equal(strlcpy_z(out, "ab", sizeof(out)), 2);
	assert_string_equal(out, "ab");
	assert_int_equal(strlcpy_z(out, "abcd", sizeof(out)), 4);
	assert_string_equal(out, "abcd");
	/* Size 0 writes nothing. */
	out[0] = 'q';
	assert_int_equal(strlcpy_z(out, "abc", 0), 3);
	assert_int_equal(out[0], 'q');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena_alloc_is_aligned_for_any_type),
		cmocka_unit_test(test_arena_allocations_do_not_overlap),
		cmocka_unit_test(test_arena_large_allocation_beyond_chunk_size),
		cmocka_unit_test(test_arena_refuses_sizes_that_would_overflow),
		cmocka_unit_test(test_arena_strndup_and_printf),
		cmocka_unit_test(test_buf_printf_grows_past_initial_capacity),
		cmocka_unit_test(
			test_buf_add_keeps_embedded_nul_and_terminates),
		cmocka_unit_test(test_hex_round_trip),
		cmocka_unit_test(
			test_hex_decode_accepts_upper_case_refuses_non_hex),
		cmocka_unit_test(test_rand_hex_is_hex_of_the_asked_length),
		cmocka_unit_test(test_strlcpy_z_truncates_and_terminates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
