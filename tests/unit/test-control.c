/* test-control.c: cmocka tests for domain/control_rules.c: who records a
 * control task's outcome, and which category each outcome names; and
 * domain/risk's kinds of event that get a decision */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "control.h"
#include "risk.h"
#include "staff.h"

static void test_who_closes(void **state)
{
	(void)state;
	assert_true(control_may_close("open", ROLE_CROSSING));
	assert_true(control_may_close("open", ROLE_ADMIN));
	assert_false(control_may_close("closed", ROLE_CROSSING));
	assert_false(control_may_close(NULL, ROLE_CROSSING));
	/* Analysts read decisions; the crossing's officers act. */
	assert_false(control_may_close("open", ROLE_RISK));
	assert_false(control_may_close("open", ROLE_WATCHLIST | ROLE_AUDITOR));
	assert_false(control_may_act(0));
}

static void test_outcome_and_category(void **state)
{
	(void)state;
	assert_true(control_category_ok("no_irregularity", NULL));
	assert_true(control_category_ok("no_irregularity", ""));
	assert_false(control_category_ok("no_irregularity", "value"));
	assert_true(control_category_ok("irregularity", "excise_goods"));
	assert_true(control_category_ok("seizure", "prohibited_goods"));
	assert_false(control_category_ok("irregularity", ""));
	assert_false(control_category_ok("seizure", NULL));
	assert_false(control_category_ok("seizure", "police")); /* a service */
	assert_true(control_category_ok("handed_over", "border_guard"));
	assert_false(control_category_ok("handed_over", "excise_goods"));
	assert_false(control_category_ok("handed_over", ""));
	assert_false(control_category_ok("lost", ""));
	assert_false(control_category_ok(NULL, NULL));
	assert_false(control_outcome_ok("closed"));
}

static void test_kinds_decided(void **state)
{
	(void)state;
	assert_true(risk_decides_kind("plate"));
	assert_true(risk_decides_kind("container"));
	assert_true(risk_decides_kind("wagon"));
	assert_true(risk_decides_kind("document"));
	assert_false(risk_decides_kind("weight"));
	assert_false(risk_decides_kind("radiation"));
	assert_false(risk_decides_kind("heartbeat"));
	assert_false(risk_decides_kind(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_who_closes),
		cmocka_unit_test(test_outcome_and_category),
		cmocka_unit_test(test_kinds_decided),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
