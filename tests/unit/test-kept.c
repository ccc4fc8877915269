/* test-kept.c: the one rule for a worker's kept copy (lib/kept.c): the
 * counters are noted before the read; a bump between the note and the
 * keeping, or after it, makes the copy untrusted; so does its time
 * running out; nothing read inside a transaction or while the counters
 * are not mapped is kept; a mask of two counters is ended by either.
 * db_in_transaction() is the test's (the link wraps it: Makefile). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "epoch.h"
#include "kept.h"
#include "run-dir.h"

/* Two kinds as a module above the platform names them. */
enum { K_A = EPOCH_FIRST_FREE, K_B, K_C };

static int in_tx;

int __wrap_db_in_transaction(void);
int __wrap_db_in_transaction(void)
{
	return in_tx;
}

/* Runs first: before epoch_open nothing may be kept. */
static void test_nothing_kept_while_counters_are_not_mapped(void **state)
{
	struct kept_stamp s;
	struct kept k = { 0 };

	(void)state;
	assert_false(epoch_usable());
	s = kept_note(EPOCH_BIT(K_A));
	assert_false(kept_may(&s, 60000));
	kept_set(&k, &s, 60000);
	assert_false(kept_good(&k));
	assert_int_equal(epoch_open(), 0);
	/* Mapped now, but the note was made without them. */
	assert_false(kept_may(&s, 60000));
}

static void test_copy_trusted_until_a_bump_after_the_store(void **state)
{
	struct kept_stamp s = kept_note(EPOCH_BIT(K_A));
	struct kept k = { 0 };

	(void)state;
	assert_false(kept_good(&k)); /* nothing kept yet */
	assert_true(kept_may(&s, 60000));
	kept_set(&k, &s, 60000);
	assert_true(kept_good(&k));
	assert_true(kept_good(&k));
	/* Another kind's change is not this copy's. */
	epoch_bump(K_B);
	assert_true(kept_good(&k));
	epoch_bump(K_A);
	assert_false(kept_good(&k));
}

/* The counter moved while the database was read: the answer may be the
 * old state, so it is never served, though it was kept afterwards. */
static void test_bump_between_the_note_and_the_store(void **state)
{
	struct kept_stamp s = kept_note(EPOCH_BIT(K_A));
	struct kept k = { 0 };

	(void)state;
	epoch_bump(K_A);
	kept_set(&k, &s, 60000);
	assert_false(kept_good(&k));
	/* Noted afresh, it is. */
	s = kept_note(EPOCH_BIT(K_A));
	kept_set(&k, &s, 60000);
	assert_true(kept_good(&k));
}

static void test_copy_runs_out(void **state)
{
	struct kept_stamp s = kept_note(EPOCH_BIT(K_A));
	struct kept k = { 0 };

	(void)state;
	kept_set(&k, &s, 30);
	assert_true(kept_good(&k));
	usleep(60000);
	assert_false(kept_good(&k));
	/* A time limit of nothing keeps nothing, and empties the copy. */
	kept_set(&k, &s, 60000);
	assert_true(kept_good(&k));
	assert_false(kept_may(&s, 0));
	kept_set(&k, &s, 0);
	assert_false(kept_good(&k));
	kept_set(&k, &s, 60000);
	kept_drop(&k);
	assert_false(kept_good(&k));
}

static void test_nothing_read_inside_a_transaction_is_kept(void **state)
{
	struct kept_stamp s;
	struct kept k = { 0 };

	(void)state;
	/* Read inside: not kept, even once the transaction ended. */
	in_tx = 1;
	s = kept_note(EPOCH_BIT(K_A));
	assert_false(kept_may(&s, 60000));
	kept_set(&k, &s, 60000);
	assert_false(kept_good(&k));
	in_tx = 0;
	assert_false(kept_may(&s, 60000));
	/* Noted before, kept inside: not kept either. */
	s = kept_note(EPOCH_BIT(K_A));
	in_tx = 1;
	assert_false(kept_may(&s, 60000));
	kept_set(&k, &s, 60000);
	assert_false(kept_good(&k));
	in_tx = 0;
	/* A copy kept before a transaction still serves inside one. */
	kept_set(&k, &s, 60000);
	in_tx = 1;
	assert_true(kept_good(&k));
	in_tx = 0;
}

static void test_two_counters_in_a_mask(void **state)
{
	unsigned mask = EPOCH_BIT(K_B) | EPOCH_BIT(K_C);
	struct kept_stamp s = kept_note(mask);
	struct kept k = { 0 };

	(void)state;
	kept_set(&k, &s, 60000);
	assert_true(kept_good(&k));
	epoch_bump(K_A);
	assert_true(kept_good(&k));
	epoch_bump(K_C);
	assert_false(kept_good(&k));

	s = kept_note(mask);
	kept_set(&k, &s, 60000);
	assert_true(kept_good(&k));
	epoch_bump(K_B);
	assert_false(kept_good(&k));

	/* One counter moved between the note and the store: untrusted. */
	s = kept_note(mask);
	epoch_bump(K_C);
	kept_set(&k, &s, 60000);
	assert_false(kept_good(&k));
	/* flush-caches: every mask ends. */
	s = kept_note(mask);
	kept_set(&k, &s, 60000);
	epoch_bump_mask(EPOCH_ALL);
	assert_false(kept_good(&k));
}

static void test_slots_spread_and_stay_in_the_table(void **state)
{
	(void)state;
	assert_int_equal(kept_slot(1, 64), 2654435761u % 64);
	assert_int_not_equal(kept_slot(1, 64), kept_slot(2, 64));
	for (long long id = -3; id < 1000; id++)
		assert_true(kept_slot(id, 64) < 64);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			test_nothing_kept_while_counters_are_not_mapped),
		cmocka_unit_test(
			test_copy_trusted_until_a_bump_after_the_store),
		cmocka_unit_test(test_bump_between_the_note_and_the_store),
		cmocka_unit_test(test_copy_runs_out),
		cmocka_unit_test(
			test_nothing_read_inside_a_transaction_is_kept),
		cmocka_unit_test(test_two_counters_in_a_mask),
		cmocka_unit_test(test_slots_spread_and_stay_in_the_table),
	};

	return cmocka_run_group_tests(tests, run_dir_setup_unmapped,
				      run_dir_teardown);
}
