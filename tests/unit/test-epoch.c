/* test-epoch.c: the shared change counters (lib/epoch.c) and the
 * epoch-checked copies of view-model subtrees (lib/hdfcache.c): a bump in
 * another process is seen at once, a copy is served only under the counter
 * it was made with and within its lifetime. (Deferral to COMMIT needs a database: the HTTP suite
 * test_caches.py covers the programs' writes end to end.) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "epoch.h"
#include "hdfcache.h"
#include "run-dir.h"

/* Two kinds as a module above the platform names them. */
enum { K_CAL = EPOCH_FIRST_FREE, K_OTHER };

static void test_bump_outside_a_transaction_is_immediate(void **state)
{
	uint64_t before = epoch_get(K_CAL);
	uint64_t other = epoch_get(EPOCH_SESSION);

	(void)state;
	assert_true(epoch_usable());
	epoch_bump(K_CAL);
	assert_int_equal(epoch_get(K_CAL), before + 1);
	assert_int_equal(epoch_get(EPOCH_SESSION), other);
	epoch_bump_mask(EPOCH_BIT(EPOCH_SESSION) | EPOCH_BIT(K_OTHER));
	assert_int_equal(epoch_get(EPOCH_SESSION), other + 1);
	assert_int_equal(epoch_get(K_CAL), before + 1);
}

static void test_every_slot_bumps_and_none_past_the_last(void **state)
{
	uint64_t before[EPOCH_MAX];

	(void)state;
	for (unsigned k = 0; k < EPOCH_MAX; k++)
		before[k] = epoch_get(k);
	epoch_bump_mask(EPOCH_ALL);
	for (unsigned k = 0; k < EPOCH_MAX; k++)
		assert_int_equal(epoch_get(k), before[k] + 1);
	/* A slot past the file is never read nor written. */
	epoch_bump(EPOCH_MAX);
	assert_int_equal(epoch_get(EPOCH_MAX), 0);
	assert_int_equal(epoch_get(EPOCH_MAX + 100), 0);
}

/* Workers are separate processes: a bump in one is seen by the others. */
static void test_bump_in_another_process_is_seen(void **state)
{
	uint64_t before = epoch_get(K_OTHER);
	int status;
	pid_t pid = fork();

	(void)state;
	if (pid == 0) {
		epoch_bump(K_OTHER);
		epoch_bump(K_OTHER);
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(epoch_get(K_OTHER), before + 2);
}

static void put_days(HDF *hdf, const char *free_places)
{
	hdf_set_value(hdf, "Days.0.d", "2026-11-24");
	hdf_set_value(hdf, "Days.0.f", free_places);
}

static void test_copy_served_while_the_counter_is_unchanged(void **state)
{
	HDF *src, *dst;
	struct kept_stamp e = kept_note(EPOCH_BIT(K_CAL));

	(void)state;
	assert_null(hdf_init(&src));
	put_days(src, "7");
	hdfcache_put("days:2:2026-11-24", &e, 60000, src, "Days");
	hdf_destroy(&src);

	assert_null(hdf_init(&dst));
	assert_int_equal(hdfcache_get("days:2:2026-11-24", dst, "Days"), 1);
	assert_string_equal(hdf_get_value(dst, "Days.0.f", ""), "7");
	/* Another key: not this copy; another kind's change: still it. */
	assert_int_equal(hdfcache_get("days:1:2026-11-24", dst, "X"), 0);
	epoch_bump(K_OTHER);
	assert_int_equal(hdfcache_get("days:2:2026-11-24", dst, "X"), 1);
	/* A change elsewhere: the copy is gone. */
	epoch_bump(K_CAL);
	assert_int_equal(hdfcache_get("days:2:2026-11-24", dst, "Y"), 0);
	assert_null(hdf_get_obj(dst, "Y"));
	hdf_destroy(&dst);
}

/* The counter noted before the read moved before the copy was kept: the
 * copy may hold the old state and is never served. */
static void test_copy_made_under_an_old_counter_is_not_served(void **state)
{
	HDF *hdf;
	struct kept_stamp noted = kept_note(EPOCH_BIT(K_CAL));

	(void)state;
	assert_null(hdf_init(&hdf));
	put_days(hdf, "3");
	epoch_bump(K_CAL);
	hdfcache_put("hours:2:2026-11-24", &noted, 60000, hdf, "Days");
	assert_int_equal(hdfcache_get("hours:2:2026-11-24", hdf, "Z"), 0);
	hdf_destroy(&hdf);
}

static void test_copy_expires_and_empty_subtree_is_kept(void **state)
{
	HDF *hdf;
	struct kept_stamp e = kept_note(EPOCH_BIT(K_CAL));

	(void)state;
	assert_null(hdf_init(&hdf));
	/* Nothing under "Days": a hit that copies nothing. */
	hdfcache_put("days:3:2026-11-24", &e, 60000, hdf, "Days");
	assert_int_equal(hdfcache_get("days:3:2026-11-24", hdf, "Days"), 1);
	assert_null(hdf_get_obj(hdf, "Days"));
	put_days(hdf, "5");
	hdfcache_put("days:4:2026-11-24", &e, 30, hdf, "Days");
	usleep(60000);
	assert_int_equal(hdfcache_get("days:4:2026-11-24", hdf, "W"), 0);
	hdf_destroy(&hdf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bump_outside_a_transaction_is_immediate),
		cmocka_unit_test(test_every_slot_bumps_and_none_past_the_last),
		cmocka_unit_test(test_bump_in_another_process_is_seen),
		cmocka_unit_test(
			test_copy_served_while_the_counter_is_unchanged),
		cmocka_unit_test(
			test_copy_made_under_an_old_counter_is_not_served),
		cmocka_unit_test(test_copy_expires_and_empty_subtree_is_kept),
	};

	return cmocka_run_group_tests(tests, run_dir_setup, run_dir_teardown);
}
