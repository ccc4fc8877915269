/* test-audit.c: cmocka tests for the audit details' words in
 * domain/audit.c: a number and an amount as each language writes them,
 * a parameter that cannot split a detail, a vehicle's name; the lists of
 * actions and kinds the audit page filters by; and who audit_log writes
 * as the actor outside a FastCGI request (db_exec is wrapped: Makefile). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "audit.h"
#include "db.h"
#include "util.h"

static struct arena a;

static const char *num(const char *in, const char *lang, int money)
{
	return audit_number(&a, in, strlen(in), lang, money);
}

static void test_numbers(void **state)
{
	(void)state;
	assert_string_equal(num("0", "pl", 0), "0");
	assert_string_equal(num("120", "pl", 0), "120");
	/* Four digits and more grouped by thousands. */
	assert_string_equal(num("10450", "pl", 0), "10 450");
	assert_string_equal(num("10450", "en", 0), "10,450");
	assert_string_equal(num("1234", "en", 0), "1,234");
	assert_string_equal(num("1234567", "pl", 0), "1 234 567");
	assert_string_equal(num("48.37", "pl", 0), "48,37");
	assert_string_equal(num("48.37", "en", 0), "48.37");
	assert_string_equal(num("-1234.5", "pl", 0), "-1 234,5");
	/* Only the given characters count. */
	assert_string_equal(audit_number(&a, "12345|x", 5, "en", 0), "12,345");
	arena_reset(&a);
}

static void test_money(void **state)
{
	(void)state;
	assert_string_equal(num("1234.50", "pl", 1), "1 234,50 zł");
	assert_string_equal(num("1234.50", "en", 1), "PLN 1,234.50");
	assert_string_equal(num("123.45", "pl", 1), "123,45 zł");
	assert_string_equal(num("123.45", "en", 1), "PLN 123.45");
	assert_string_equal(num("7", "pl", 1), "7,00 zł");
	assert_string_equal(num("7.5", "en", 1), "PLN 7.50");
	assert_string_equal(num("1000000.00", "en", 1), "PLN 1,000,000.00");
	arena_reset(&a);
}

static void test_not_numbers(void **state)
{
	(void)state;
	/* Anything else is shown as written by the caller. */
	assert_null(num("", "pl", 0));
	assert_null(num("-", "pl", 0));
	assert_null(num("12a", "pl", 0));
	assert_null(num("1.", "pl", 0));
	assert_null(num(".5", "pl", 0));
	assert_null(num("1,5", "en", 0));
	assert_null(num("1 234", "pl", 0));
	assert_null(num("1.234", "pl", 1)); /* no third decimal of a złoty */
	assert_null(num("1234567890123456789012345678901", "en", 0));
	arena_reset(&a);
}

static void test_params(void **state)
{
	(void)state;
	assert_string_equal(audit_param(&a, "Jan Kowalski"), "Jan Kowalski");
	assert_string_equal(audit_param(&a, "a|b||c"), "a/b//c");
	assert_string_equal(audit_param(&a, NULL), "");
	assert_string_equal(audit_vehicle(&a, "WI 1234A", "Volkswagen", "Golf"),
			    "WI 1234A (Volkswagen Golf)");
	assert_string_equal(audit_vehicle(&a, "NO 1", "Ford|X", "Transit"),
			    "NO 1 (Ford/X Transit)");
	arena_reset(&a);
}

static void test_lists(void **state)
{
	(void)state;
	assert_true(audit_action_known("staff.create"));
	assert_true(audit_action_known("fleet.vehicle.written_off"));
	assert_false(audit_action_known("staff.cre"));
	assert_false(audit_action_known("staff"));
	assert_false(audit_action_known(""));
	assert_false(audit_action_known(NULL));
	assert_true(audit_area_known("staff"));
	assert_true(audit_area_known("fleet"));
	assert_false(audit_area_known("fleet.trip"));
	assert_false(audit_area_known("staf"));
	assert_false(audit_area_known(""));
	assert_false(audit_area_known("%"));
	assert_string_equal(audit_kind_find("staff", 5)->kind, "staff");
	/* "staff:42": the kind is what comes before the ':'. */
	assert_string_equal(audit_kind_find("staff:42", 5)->kind, "staff");
	assert_string_equal(audit_kind_find("vehicle", 7)->kind,
			    "fleet_vehicle");
	assert_null(audit_kind_find("staf", 4));
	assert_null(audit_kind_find("staff", 0));
	/* Every action of the list has an area and is listed once. */
	for (const char *const *x = audit_actions; *x; x++) {
		char area[32];
		size_t n = strcspn(*x, ".");

		assert_true(n > 0 && n < sizeof(area) && (*x)[n] == '.');
		memcpy(area, *x, n);
		area[n] = '\0';
		assert_true(audit_area_known(area));
		for (const char *const *y = x + 1; *y; y++)
			assert_string_not_equal(*x, *y);
	}
}

/* What the wrapped db_exec was given last. */
static struct {
	const char *kind, *name, *action, *request, *ip;
	long long id;
	int calls;
} got;

long long __wrap_db_exec(struct sql *q, const char *fmt, ...);
long long __wrap_db_exec(struct sql *q, const char *fmt, ...)
{
	va_list ap;

	(void)q;
	assert_string_equal(fmt, "sissssss");
	va_start(ap, fmt);
	got.kind = va_arg(ap, const char *);
	got.id = va_arg(ap, long long);
	got.name = va_arg(ap, const char *);
	got.action = va_arg(ap, const char *);
	(void)va_arg(ap, const char *); /* object */
	(void)va_arg(ap, const char *); /* detail */
	got.request = va_arg(ap, const char *);
	got.ip = va_arg(ap, const char *);
	va_end(ap);
	got.calls++;
	return 1;
}

static void test_outside_a_request_the_system_acts(void **state)
{
	struct req r;

	(void)state;
	/* No request at all (a tool). */
	assert_int_equal(audit_log(NULL, "staff.update", "staff:1", NULL), 0);
	assert_int_equal(got.calls, 1);
	assert_string_equal(got.kind, "system");
	assert_int_equal(got.id, 0);
	assert_string_equal(got.name, "");
	assert_string_equal(got.action, "staff.update");
	assert_string_equal(got.request, "");
	assert_null(got.ip);
	/* A background tick's request: no FastCGI request behind it. */
	memset(&r, 0, sizeof(r));
	r.lang = "pl";
	strcpy(r.id, "tick");
	assert_int_equal(audit_log(&r, "watch.create", "watch:1", NULL), 0);
	assert_int_equal(got.calls, 2);
	assert_string_equal(got.kind, "system");
	assert_int_equal(got.id, 0);
	assert_string_equal(got.name, "");
	assert_string_equal(got.request, "tick");
	assert_null(got.ip);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_not_numbers),
		cmocka_unit_test(test_params),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_outside_a_request_the_system_acts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
