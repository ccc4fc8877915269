/* test-watch.c: cmocka tests for domain/watch_alert.c: the suspect-object
 * procedure's order of steps and who may take each; domain/watch_decide.c:
 * the watch list's four eyes */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "staff.h"
#include "watch.h"

static void test_next_step(void **state)
{
	(void)state;
	assert_string_equal(alert_next_step("new"), "acknowledged");
	assert_string_equal(alert_next_step("acknowledged"), "inspection");
	assert_string_equal(alert_next_step("inspection"), "closed");
	assert_null(alert_next_step("closed")); /* the end */
	assert_null(alert_next_step("bogus"));
	assert_null(alert_next_step(""));
	assert_null(alert_next_step(NULL));
}

static void test_who_acts(void **state)
{
	(void)state;
	assert_true(alert_may_act(ROLE_CROSSING));
	assert_true(alert_may_act(ROLE_ADMIN));
	assert_true(alert_may_act(ROLE_RISK | ROLE_CROSSING));
	/* They see alerts (ROLES_ALERTS) but only read them. */
	assert_false(alert_may_act(ROLE_RISK));
	assert_false(alert_may_act(ROLE_WATCHLIST));
	assert_false(alert_may_act(ROLE_AUDITOR));
	assert_false(alert_may_act(0));
}

static void test_each_step_from_its_state(void **state)
{
	(void)state;
	assert_true(alert_may_ack("new", ROLE_CROSSING));
	assert_false(alert_may_ack("acknowledged", ROLE_CROSSING));
	assert_false(alert_may_ack("closed", ROLE_ADMIN));
	assert_false(alert_may_ack("new", ROLE_RISK));

	assert_true(alert_may_inspect("acknowledged", ROLE_ADMIN));
	assert_false(alert_may_inspect("new", ROLE_ADMIN)); /* no skipping */
	assert_false(alert_may_inspect("inspection", ROLE_ADMIN));
	assert_false(alert_may_inspect("acknowledged", ROLE_WATCHLIST));

	assert_true(alert_may_close("inspection", ROLE_CROSSING));
	assert_false(alert_may_close("acknowledged", ROLE_CROSSING));
	assert_false(alert_may_close("closed", ROLE_CROSSING)); /* once */
	assert_false(alert_may_close("inspection", ROLE_AUDITOR));
	assert_false(alert_may_close(NULL, ROLE_CROSSING));
}

static void test_outcomes(void **state)
{
	(void)state;
	assert_true(alert_outcome_ok("no_irregularity"));
	assert_true(alert_outcome_ok("irregularity"));
	assert_true(alert_outcome_ok("seizure"));
	assert_true(alert_outcome_ok("handed_over"));
	assert_false(alert_outcome_ok(""));
	assert_false(alert_outcome_ok("closed"));
	assert_false(alert_outcome_ok("SEIZURE"));
}

static void test_four_eyes(void **state)
{
	(void)state;
	assert_true(watch_may_decide("pending", ROLE_WATCHLIST, 0));
	assert_false(watch_may_decide("pending", ROLE_WATCHLIST, 1)); /* own */
	assert_false(watch_may_decide("active", ROLE_WATCHLIST, 0));
	assert_false(watch_may_decide("rejected", ROLE_WATCHLIST, 0));
	/* Risk analysts read the list; they do not decide it. */
	assert_false(watch_may_decide("pending", ROLE_RISK | ROLE_ADMIN, 0));
	assert_false(watch_may_decide(NULL, ROLE_WATCHLIST, 0));

	assert_true(watch_may_withdraw("active", ROLE_WATCHLIST));
	assert_false(watch_may_withdraw("pending", ROLE_WATCHLIST));
	assert_false(watch_may_withdraw("withdrawn", ROLE_WATCHLIST));
	assert_false(watch_may_withdraw("active", ROLE_RISK));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_step),
		cmocka_unit_test(test_who_acts),
		cmocka_unit_test(test_each_step_from_its_state),
		cmocka_unit_test(test_outcomes),
		cmocka_unit_test(test_four_eyes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
