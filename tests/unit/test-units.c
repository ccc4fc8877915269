/* test-units.c: cmocka tests for domain/units.c's subtree decision on an
 * in-memory tree (the SQL walk itself runs in tests/http) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "units.h"

/* Ministry 1 -> chambers 2, 3 -> office 4 under 2 -> branch 5 under 4. */
static const struct unit_link tree[] = {
	{ 1, 0 }, { 2, 1 }, { 3, 1 }, { 4, 2 }, { 5, 4 },
};
#define N (sizeof(tree) / sizeof(tree[0]))

static void test_a_unit_is_in_its_own_subtree(void **state)
{
	(void)state;
	for (long long u = 1; u <= 5; u++)
		assert_int_equal(units_tree_within(tree, N, u, u), 1);
}

static void test_the_ministry_sees_every_unit(void **state)
{
	(void)state;
	for (long long u = 1; u <= 5; u++)
		assert_int_equal(units_tree_within(tree, N, 1, u), 1);
}

static void test_a_chamber_sees_its_descendants_only(void **state)
{
	(void)state;
	assert_int_equal(units_tree_within(tree, N, 2, 4), 1);
	assert_int_equal(units_tree_within(tree, N, 2, 5), 1);
	assert_int_equal(units_tree_within(tree, N, 2, 3), 0);
	assert_int_equal(units_tree_within(tree, N, 2, 1), 0);
	assert_int_equal(units_tree_within(tree, N, 3, 5), 0);
}

static void test_a_branch_sees_no_ancestor(void **state)
{
	(void)state;
	assert_int_equal(units_tree_within(tree, N, 5, 4), 0);
	assert_int_equal(units_tree_within(tree, N, 4, 2), 0);
}

static void test_unknown_or_missing_units_are_out(void **state)
{
	(void)state;
	assert_int_equal(units_tree_within(tree, N, 1, 99), 0);
	assert_int_equal(units_tree_within(tree, N, 0, 5), 0);
	assert_int_equal(units_tree_within(tree, N, 1, 0), 0);
	assert_int_equal(units_tree_within(tree, N, -1, -1), 0);
	assert_int_equal(units_tree_within(NULL, 0, 2, 4), 0);
}

static void test_a_cycle_in_bad_data_ends(void **state)
{
	static const struct unit_link loop[] = { { 7, 8 }, { 8, 7 } };

	(void)state;
	assert_int_equal(units_tree_within(loop, 2, 1, 7), 0);
	assert_int_equal(units_tree_within(loop, 2, 8, 7), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_unit_is_in_its_own_subtree),
		cmocka_unit_test(test_the_ministry_sees_every_unit),
		cmocka_unit_test(test_a_chamber_sees_its_descendants_only),
		cmocka_unit_test(test_a_branch_sees_no_ancestor),
		cmocka_unit_test(test_unknown_or_missing_units_are_out),
		cmocka_unit_test(test_a_cycle_in_bad_data_ends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
