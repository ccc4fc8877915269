/* test-staff.c: cmocka tests for domain/staff.c and domain/accounts.c as
 * the platform uses them: the role names (the values of staff_role.role)
 * and the two kinds of session, which paths each serves in a program that
 * registers both, where each sends a visitor to sign in, and its look */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "accounts.h"
#include "staff.h"

static void test_role_bit_and_name_round_trip(void **state)
{
	unsigned seen = 0;

	(void)state;
	for (unsigned bit = 1; bit & ROLE__ALL; bit <<= 1) {
		const char *name = staff_role_name(bit);

		assert_true(*name);
		assert_int_equal(staff_role_bit(name), bit);
		seen |= bit;
	}
	assert_int_equal(seen, ROLE__ALL);
	assert_int_equal(staff_role_bit("admin"), ROLE_ADMIN);
	assert_int_equal(staff_role_bit("registration"), ROLE_REGISTRATION);
	assert_int_equal(staff_role_bit("crossing"), ROLE_CROSSING);
	assert_int_equal(staff_role_bit("risk"), ROLE_RISK);
	assert_int_equal(staff_role_bit("fleet"), ROLE_FLEET);
	assert_int_equal(staff_role_bit("watchlist"), ROLE_WATCHLIST);
	assert_string_equal(staff_role_name(ROLE_AUDITOR), "auditor");
}

static void test_role_unknown_names_and_bits(void **state)
{
	(void)state;
	assert_int_equal(staff_role_bit("root"), 0);
	assert_int_equal(staff_role_bit(""), 0);
	assert_int_equal(staff_role_bit("Admin"), 0);
	assert_string_equal(staff_role_name(0), "");
	assert_string_equal(staff_role_name(ROLE_ADMIN | ROLE_RISK), "");
	assert_string_equal(staff_role_name(ROLE__ALL + 1), "");
}

/* The ebt and ecustomer programs register both kinds. */
static const struct service both = {
	.name = "both",
	.sessions = { &portal_session, &staff_session },
};

static void test_staff_serve_skr_and_the_portal_the_rest(void **state)
{
	(void)state;
	assert_ptr_equal(route_kind(&both, "/skr/ebt/"), &staff_session);
	assert_ptr_equal(route_kind(&both, "/skr/ebt/12/walkin"),
			 &staff_session);
	assert_ptr_equal(route_kind(&both, "/skr/alerts/no/such"),
			 &staff_session);
	assert_ptr_equal(route_kind(&both, "/ebt/"), &portal_session);
	assert_ptr_equal(route_kind(&both, "/"), &portal_session);
	/* Not under the staff cookie's Path, so not the intranet's. */
	assert_ptr_equal(route_kind(&both, "/skr"), &portal_session);
	assert_ptr_equal(route_kind(&both, "/skrx/"), &portal_session);
}

static void test_kinds_as_the_pages_and_tests_know_them(void **state)
{
	(void)state;
	assert_string_equal(staff_session.name, "staff");
	assert_string_equal(staff_session.cookie, "zsog_staff");
	assert_string_equal(staff_session.path, "/skr/");
	assert_string_equal(staff_session.signin, "/skr/signin");
	assert_string_equal(staff_session.look, "intranet");
	assert_non_null(staff_session.roles);
	assert_string_equal(portal_session.name, "portal");
	assert_string_equal(portal_session.cookie, "zsog_portal");
	assert_string_equal(portal_session.path, "/");
	assert_string_equal(portal_session.signin, "/portal/signin");
	assert_string_equal(portal_session.look, "portal");
	assert_null(portal_session.roles);
	assert_int_equal(R_STAFF, R_SIGNIN);
	assert_int_equal(R_PORTAL, R_SIGNIN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_bit_and_name_round_trip),
		cmocka_unit_test(test_role_unknown_names_and_bits),
		cmocka_unit_test(test_staff_serve_skr_and_the_portal_the_rest),
		cmocka_unit_test(test_kinds_as_the_pages_and_tests_know_them),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
