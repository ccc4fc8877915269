/* test-registry.c: cmocka tests for registry_grant_verdict, the rule of
 * who may grant what (docs/ecustomer.md "Who may grant what"); the
 * database side is covered by tests/http/test_ecustomer_grants.py */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "registry.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const all[] = { "ebt_book", "ebt_view", "company_update",
				   "reps_manage", "reps_view", "declare",
				   "xml_exchange" };

static struct registry_held holding(const char *const *codes, int n,
				    int admin)
{
	struct registry_held h;

	memset(&h, 0, sizeof(h));
	for (int i = 0; i < n; i++)
		snprintf(h.code[h.n++], sizeof(h.code[0]), "%s", codes[i]);
	h.admin = admin;
	return h;
}

/* The review's case: the agency's administrator gave Ela these four. */
static const char *const ela_holds[] = { "ebt_book", "ebt_view",
					 "reps_manage", "company_update" };

static void test_administrator_grants_anything_to_others(void **state)
{
	struct registry_held h = holding(all, N(all), 1);
	const char *which;

	(void)state;
	assert_int_equal(registry_grant_verdict(&h, 100, 7, all, N(all), &which),
			 GRANT_OK);
	assert_null(which);
	/* A company (an agency) as the representative. */
	assert_int_equal(registry_grant_verdict(&h, 100, 0, all, N(all), &which),
			 GRANT_OK);
}

static void test_nobody_grants_to_herself(void **state)
{
	struct registry_held admin = holding(all, N(all), 1);
	struct registry_held ela = holding(ela_holds, N(ela_holds), 0);
	const char *view[] = { "ebt_view" }, *which = "x";

	(void)state;
	assert_int_equal(registry_grant_verdict(&ela, 5, 5, all, N(all), &which),
			 GRANT_SELF);
	assert_null(which);
	/* Even what she holds, even an administrator: someone else widens
	 * or prolongs one's own representation. */
	assert_int_equal(registry_grant_verdict(&ela, 5, 5, view, 1, &which),
			 GRANT_SELF);
	assert_int_equal(registry_grant_verdict(&admin, 5, 5, view, 1, &which),
			 GRANT_SELF);
}

static void test_only_what_the_granter_holds(void **state)
{
	struct registry_held ela = holding(ela_holds, N(ela_holds), 0);
	const char *soap[] = { "ebt_view", "xml_exchange" };
	const char *fine[] = { "ebt_view", "company_update" }, *which;

	(void)state;
	assert_int_equal(registry_grant_verdict(&ela, 5, 6, soap, 2, &which),
			 GRANT_NOT_HELD);
	assert_string_equal(which, "xml_exchange");
	assert_int_equal(registry_grant_verdict(&ela, 5, 6, all, N(all), &which),
			 GRANT_NOT_HELD);
	assert_string_equal(which, "reps_view");
	assert_int_equal(registry_grant_verdict(&ela, 5, 0, soap, 2, &which),
			 GRANT_NOT_HELD);
	assert_int_equal(registry_grant_verdict(&ela, 5, 6, fine, 2, &which),
			 GRANT_OK);
}

static void test_reps_manage_only_from_an_administrator(void **state)
{
	struct registry_held ela = holding(ela_holds, N(ela_holds), 0);
	struct registry_held nothing = holding(NULL, 0, 0);
	const char *mgr[] = { "ebt_book", "reps_manage" }, *which;

	(void)state;
	assert_int_equal(registry_grant_verdict(&ela, 5, 6, mgr, 2, &which),
			 GRANT_ADMIN_ONLY);
	assert_string_equal(which, "reps_manage");
	/* Lacking it altogether is the first reason given. */
	assert_int_equal(registry_grant_verdict(&nothing, 5, 6, mgr, 2, &which),
			 GRANT_NOT_HELD);
	assert_string_equal(which, "ebt_book");
}

static void test_ending_is_judged_like_granting(void **state)
{
	/* rep_person 0: may she end a representation holding these? */
	struct registry_held ela = holding(ela_holds, N(ela_holds), 0);
	const char *admins[] = { "reps_manage", "ebt_book" };
	const char *jans[] = { "ebt_book", "ebt_view", "xml_exchange" };
	const char *which;

	(void)state;
	assert_int_equal(registry_grant_verdict(&ela, 5, 0, all, N(all), &which),
			 GRANT_NOT_HELD);
	assert_int_equal(registry_grant_verdict(&ela, 5, 0, admins, 2, &which),
			 GRANT_ADMIN_ONLY);
	assert_int_equal(registry_grant_verdict(&ela, 5, 0, jans, 3, &which),
			 GRANT_NOT_HELD);
	assert_int_equal(registry_grant_verdict(&ela, 5, 0, jans, 2, &which),
			 GRANT_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_administrator_grants_anything_to_others),
		cmocka_unit_test(test_nobody_grants_to_herself),
		cmocka_unit_test(test_only_what_the_granter_holds),
		cmocka_unit_test(test_reps_manage_only_from_an_administrator),
		cmocka_unit_test(test_ending_is_judged_like_granting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
