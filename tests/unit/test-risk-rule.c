/* test-risk-rule.c: the risk-rule language (domain/risk_rule.c): every
 * operator, precedence, each error class with its position, three-valued
 * logic for unknown facts, lazy fetching at most once, the `used` text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "risk_rule.h"

/* The facts of one object: known[f] = 0 makes a field unknown. */
struct facts {
	int known[RF__MAX];
	long long i[RF__MAX];
	double d[RF__MAX];
	const char *s[RF__MAX];
	int calls[RF__MAX];
	long long last_arg[RF__MAX];
	int fail_on; /* a field whose read fails, -1 none */
};

static int get_cb(void *ctx, int field, const long long *args, int nargs,
		  struct risk_value *out)
{
	struct facts *fx = ctx;

	fx->calls[field]++;
	fx->last_arg[field] = nargs ? args[0] : -1;
	if (field == fx->fail_on)
		return -1;
	out->known = fx->known[field];
	out->i = fx->i[field];
	out->d = fx->d[field];
	out->s = fx->s[field];
	/* sightings(n): n/10, so different arguments read different facts */
	if (field == RF_SIGHTINGS && nargs)
		out->i = args[0] / 10;
	return 0;
}

static struct facts fx;
static struct risk_facts provider = { &fx, get_cb };

/* A truck from BY, seen 3 times in 30 days, at 23:00 on a Sunday. */
static void facts_reset(void)
{
	memset(&fx, 0, sizeof(fx));
	fx.fail_on = -1;
	for (int f = 0; f < RF__MAX; f++)
		fx.known[f] = 1;
	fx.s[RF_EVENT_CROSSING] = "PL-TER";
	fx.s[RF_EVENT_LANE_KIND] = "truck";
	fx.s[RF_EVENT_DIRECTION] = "entry";
	fx.s[RF_EVENT_OBJECT_KIND] = "plate";
	fx.s[RF_EVENT_PLATE_COUNTRY] = "BY";
	fx.s[RF_EVENT_NATIONALITY] = "BY";
	fx.s[RF_EXTERNAL_CATEGORY] = "tobacco";
	fx.d[RF_EVENT_CONFIDENCE] = 0.87;
	fx.d[RF_EVENT_GROSS_WEIGHT] = 40250.5;
	fx.d[RF_EVENT_RADIATION] = 0.12;
	fx.i[RF_EVENT_RADIATION_ALARM] = 0;
	fx.i[RF_EVENT_HOUR] = 23;
	fx.i[RF_EVENT_WEEKDAY] = 7;
	fx.i[RF_FIRST_SIGHTING] = 0;
	fx.i[RF_CROSSINGS_WITHIN] = 2;
	fx.i[RF_EBT_BOOKED] = 1;
	fx.i[RF_EBT_COMPANY_AGE_DAYS] = 45;
	fx.i[RF_EBT_COMPANY_IRREG] = 1;
}

static int setup(void **state)
{
	(void)state;
	facts_reset();
	return 0;
}

/* Compiles (failing the test on an error) and evaluates once. */
static int eval_used(const char *text, char *used, size_t usedsz)
{
	struct risk_rule *r;
	struct risk_error err;
	int rc;

	if (risk_rule_compile(text, &r, &err) < 0)
		fail_msg("%s: %s at %d:%d near '%s'", text, err.msg, err.line,
			 err.col, err.near);
	rc = risk_rule_eval(r, &provider, used, usedsz);
	risk_rule_free(r);
	return rc;
}

static int eval(const char *text)
{
	return eval_used(text, NULL, 0);
}

/* The error of a rule that must not compile. */
static struct risk_error error_of(const char *text)
{
	struct risk_rule *r = (void *)1;
	struct risk_error err;

	assert_int_equal(risk_rule_compile(text, &r, &err), -1);
	assert_null(r);
	return err;
}

#define assert_error(text, key, epos, eline, ecol, enear) \
	do {                                              \
		struct risk_error e_ = error_of(text);    \
		assert_string_equal(e_.msg, key);         \
		assert_int_equal(e_.pos, epos);           \
		assert_int_equal(e_.line, eline);         \
		assert_int_equal(e_.col, ecol);           \
		assert_string_equal(e_.near, enear);      \
	} while (0)

static void test_comparisons_on_numbers(void **state)
{
	(void)state;
	assert_int_equal(eval("event.hour = 23"), 1);
	assert_int_equal(eval("event.hour = 22"), 0);
	assert_int_equal(eval("event.hour != 22"), 1);
	assert_int_equal(eval("event.hour <> 23"), 0);
	assert_int_equal(eval("event.hour < 23"), 0);
	assert_int_equal(eval("event.hour <= 23"), 1);
	assert_int_equal(eval("event.hour > 22"), 1);
	assert_int_equal(eval("event.hour >= 24"), 0);
	/* decimals against integers and decimals */
	assert_int_equal(eval("event.confidence < 0.9"), 1);
	assert_int_equal(eval("event.confidence >= 0.87"), 1);
	assert_int_equal(eval("event.gross_weight > 40000"), 1);
	assert_int_equal(eval("event.radiation > -1"), 1);
	assert_int_equal(eval("event.hour > 22.5"), 1);
}

static void test_comparisons_on_text_and_truth(void **state)
{
	(void)state;
	assert_int_equal(eval("event.plate_country = 'BY'"), 1);
	/* text compares without regard to case */
	assert_int_equal(eval("event.plate_country = 'by'"), 1);
	assert_int_equal(eval("event.plate_country != 'BY'"), 0);
	assert_int_equal(eval("event.lane_kind = 'car'"), 0);
	assert_int_equal(eval("ebt.booked"), 1);
	assert_int_equal(eval("ebt.booked = true"), 1);
	assert_int_equal(eval("ebt.booked = false"), 0);
	assert_int_equal(eval("event.radiation_alarm != true"), 1);
	assert_int_equal(eval("TRUE"), 1);
	assert_int_equal(eval("false"), 0);
	fx.s[RF_EXTERNAL_CATEGORY] = "O'Neil";
	assert_int_equal(eval("external.category = 'O''Neil'"), 1);
}

static void test_in_and_not_in(void **state)
{
	(void)state;
	assert_int_equal(eval("event.plate_country in ('BY', 'RU')"), 1);
	assert_int_equal(eval("event.plate_country in ('UA')"), 0);
	assert_int_equal(eval("event.plate_country not in ('BY','RU')"), 0);
	assert_int_equal(eval("event.plate_country NOT IN ('UA','LT')"), 1);
	assert_int_equal(eval("event.weekday in (6, 7)"), 1);
	assert_int_equal(eval("event.hour in (0, 1, 2, 3)"), 0);
}

static void test_and_or_not(void **state)
{
	(void)state;
	assert_int_equal(eval("ebt.booked and event.hour = 23"), 1);
	assert_int_equal(eval("ebt.booked and event.hour = 1"), 0);
	assert_int_equal(eval("ebt.booked or event.hour = 1"), 1);
	assert_int_equal(eval("ebt.changed or event.hour = 1"), 0);
	assert_int_equal(eval("not ebt.changed"), 1);
	assert_int_equal(eval("not ebt.booked"), 0);
	assert_int_equal(eval("not not ebt.booked"), 1);
	assert_int_equal(eval("not (event.hour = 1)"), 1);
	assert_int_equal(
		eval("ebt.booked and ebt.booked and ebt.booked and event.weekday = 7"),
		1);
}

static void test_precedence(void **state)
{
	(void)state;
	/* and before or: true or (false and false) */
	assert_int_equal(eval("ebt.booked or ebt.changed and ebt.late"), 1);
	/* parentheses change it: (true or false) and false */
	assert_int_equal(eval("(ebt.booked or ebt.changed) and ebt.late"), 0);
	/* comparison before and: (hour = 23) and booked */
	assert_int_equal(eval("event.hour = 23 and ebt.booked"), 1);
	/* not before and: (not changed) and booked */
	assert_int_equal(eval("not ebt.changed and ebt.booked"), 1);
	/* not before or: (not booked) or late = false */
	assert_int_equal(eval("not ebt.booked or ebt.late"), 0);
	/* not binds tighter than a comparison: (not booked) = false */
	assert_int_equal(eval("not ebt.booked = false"), 1);
	assert_int_equal(eval("not ebt.booked = true"), 0);
}

static void test_functions_read_their_argument(void **state)
{
	(void)state;
	/* the fake answers sightings(n) = n / 10 */
	assert_int_equal(eval("sightings(30) = 3"), 1);
	assert_int_equal(fx.last_arg[RF_SIGHTINGS], 30);
	assert_int_equal(eval("sightings(90) = 9 and sightings(30) = 3"), 1);
	assert_int_equal(eval("crossings_within(24) >= 2"), 1);
	assert_int_equal(fx.last_arg[RF_CROSSINGS_WITHIN], 24);
	assert_int_equal(eval("ebt.company_irregularities(90) > 0"), 1);
}

/* Unknown facts: a comparison with one is unknown, and so are not, and,
 * or over it unless a known operand decides; unknown does not match. */
static void test_unknown_is_three_valued(void **state)
{
	(void)state;
	fx.known[RF_EVENT_NATIONALITY] = 0;
	fx.known[RF_EBT_BOOKED] = 0;
	assert_int_equal(eval("event.nationality = 'BY'"), 0);
	assert_int_equal(eval("event.nationality != 'BY'"), 0);
	assert_int_equal(eval("not (event.nationality = 'BY')"), 0);
	assert_int_equal(eval("event.nationality in ('BY')"), 0);
	assert_int_equal(eval("event.nationality not in ('BY')"), 0);
	assert_int_equal(eval("ebt.booked"), 0);
	assert_int_equal(eval("not ebt.booked"), 0);
	/* or: a known true decides; and: a known false decides */
	assert_int_equal(eval("ebt.booked or event.hour = 23"), 1);
	assert_int_equal(eval("ebt.booked or event.hour = 1"), 0);
	assert_int_equal(eval("not (ebt.booked and event.hour = 1)"), 1);
	assert_int_equal(eval("not (ebt.booked and event.hour = 23)"), 0);
	assert_int_equal(eval("not (ebt.booked or event.hour = 1)"), 0);
}

static void test_each_fact_fetched_once_and_only_when_needed(void **state)
{
	(void)state;
	assert_int_equal(
		eval("event.hour > 20 and event.hour < 24 and event.hour != 22"),
		1);
	assert_int_equal(fx.calls[RF_EVENT_HOUR], 1);
	/* the and stops at the first false: sightings is never read */
	assert_int_equal(eval("ebt.changed and sightings(30) > 0"), 0);
	assert_int_equal(fx.calls[RF_SIGHTINGS], 0);
	assert_int_equal(eval("ebt.booked or sightings(30) > 0"), 1);
	assert_int_equal(fx.calls[RF_SIGHTINGS], 0);
	/* a second evaluation reads again: the cache lives in one evaluation */
	assert_int_equal(eval("event.hour = 23"), 1);
	assert_int_equal(fx.calls[RF_EVENT_HOUR], 2);
}

static void test_provider_error(void **state)
{
	(void)state;
	fx.fail_on = RF_SIGHTINGS;
	assert_int_equal(eval("ebt.booked and sightings(30) > 0"), -1);
	/* not read, so no error */
	assert_int_equal(eval("ebt.changed and sightings(30) > 0"), 0);
}

static void test_used_text(void **state)
{
	char used[256], tiny[12];

	(void)state;
	fx.known[RF_EBT_BOOKED] = 0;
	assert_int_equal(
		eval_used(
			"event.plate_country = 'BY' and sightings(30) < 5 and "
			"event.confidence > 0.5 and not event.radiation_alarm and "
			"(ebt.booked or true)",
			used, sizeof(used)),
		1);
	assert_string_equal(
		used,
		"event.plate_country=BY; sightings(30)=3; "
		"event.confidence=0.87; event.radiation_alarm=false; ebt.booked=?");
	/* a short buffer keeps what fits, terminated */
	assert_int_equal(
		eval_used("event.plate_country = 'BY' and sightings(30) < 5",
			  tiny, sizeof(tiny)),
		1);
	assert_string_equal(tiny, "event.plate");
	assert_int_equal(eval_used("true", used, sizeof(used)), 1);
	assert_string_equal(used, "");
	/* a rule that does not match explains nothing: read facts are
	 * written out only for a match (the decision keeps only those) */
	strcpy(used, "stale");
	assert_int_equal(eval_used("event.plate_country = 'DE' and "
				   "sightings(30) < 5",
				   used, sizeof(used)),
			 0);
	assert_string_equal(used, "");
	assert_int_equal(eval_used("event.plate_country = 'BY' and "
				   "sightings(30) > 5",
				   used, sizeof(used)),
			 0);
	assert_string_equal(used, "");
}

static void test_uses(void **state)
{
	struct risk_rule *r;
	struct risk_error err;

	(void)state;
	assert_int_equal(
		risk_rule_compile("sightings(7) > 1 or watch.near_match", &r,
				  &err),
		0);
	assert_int_equal(risk_rule_uses(r, RF_SIGHTINGS), 1);
	assert_int_equal(risk_rule_uses(r, RF_WATCH_NEAR_MATCH), 1);
	assert_int_equal(risk_rule_uses(r, RF_EBT_BOOKED), 0);
	risk_rule_free(r);
}

static void test_every_catalogue_field_compiles(void **state)
{
	char text[128];
	struct risk_rule *r;
	struct risk_error err;
	static const char *const cmp[] = {
		[RISK_BOOL] = "= true",
		[RISK_INT] = "> 1",
		[RISK_NUM] = "> 0.5",
		[RISK_STR] = "= 'X'",
	};

	(void)state;
	for (int f = 0; f < RF__MAX; f++) {
		snprintf(text, sizeof(text), "%s%s %s", risk_fields[f].name,
			 risk_fields[f].nargs ? "(7)" : "",
			 cmp[risk_fields[f].type]);
		if (risk_rule_compile(text, &r, &err) < 0)
			fail_msg("%s: %s", text, err.msg);
		assert_int_not_equal(risk_rule_eval(r, &provider, NULL, 0), -1);
		risk_rule_free(r);
	}
}

static void test_syntax_errors_name_the_position(void **state)
{
	(void)state;
	assert_error("", "empty", 0, 1, 1, "");
	assert_error("   \n ", "empty", 0, 1, 1, "");
	assert_error("event.hour = ", "expected_value", 13, 1, 14, "");
	assert_error("event.hour = 1 and", "expected_value", 18, 1, 19, "");
	assert_error("event.hour = = 1", "syntax", 13, 1, 14, "=");
	assert_error("event.hour = 1 = 2", "syntax", 15, 1, 16, "=");
	assert_error("ebt.booked ebt.late", "syntax", 11, 1, 12, "ebt.late");
	assert_error("(ebt.booked and\n ebt.late", "missing_rparen", 25, 2, 10,
		     "");
	assert_error("ebt.booked)", "unmatched_rparen", 10, 1, 11, ")");
	assert_error("event.plate_country = 'BY", "unterminated_string", 22, 1,
		     23, "'");
	assert_error("event.hour = 2x", "bad_number", 13, 1, 14, "2x");
	assert_error("event.hour = 99999999999999999999", "bad_number", 13, 1,
		     14, "99999999999999999999");
	assert_error("event.hour = 1;", "bad_char", 14, 1, 15, ";");
	/* a column counts characters: ł is two bytes */
	assert_error("'ł' = 'ł' and ebt.booked # x", "bad_char", 27, 1, 26,
		     "#");
	assert_error("event.hour ! 1", "bad_char", 11, 1, 12, "!");
	assert_error("event.plate_country in 'BY'", "syntax", 23, 1, 24,
		     "'BY'");
	assert_error("event.plate_country in ('BY' 'RU')", "missing_rparen", 29,
		     1, 30, "'RU'");
	assert_error("event.plate_country not ('BY')", "syntax", 20, 1, 21,
		     "not");
}

static void test_unknown_field(void **state)
{
	(void)state;
	assert_error("ebt.booked and\n  event.colour = 'red'", "unknown_field",
		     17, 2, 3, "event.colour");
	assert_error("sighting(30) > 1", "unknown_field", 0, 1, 1, "sighting");
}

static void test_argument_errors(void **state)
{
	(void)state;
	assert_error("sightings > 1", "arg_count", 0, 1, 1, "sightings");
	assert_error("sightings(30, 2) > 1", "arg_count", 0, 1, 1,
		     "sightings(30, 2)");
	assert_error("event.hour(3) > 1", "arg_count", 0, 1, 1,
		     "event.hour(3)");
	assert_error("sightings(0) > 1", "arg_range", 10, 1, 11, "0");
	assert_error("sightings(3651) > 1", "arg_range", 10, 1, 11, "3651");
	assert_error("sightings(-3) > 1", "arg_range", 10, 1, 11, "-");
	assert_error("sightings(1.5) > 1", "arg_range", 10, 1, 11, "1.5");
	assert_error("sightings('x') > 1", "syntax", 10, 1, 11, "'x'");
}

static void test_type_mismatch(void **state)
{
	(void)state;
	/* a text field with a number */
	assert_error("event.plate_country = 1", "type_mismatch", 20, 1, 21,
		     "=");
	assert_error("event.hour = 'BY'", "type_mismatch", 11, 1, 12, "=");
	assert_error("event.plate_country < 'BY'", "type_mismatch", 20, 1, 21,
		     "<");
	assert_error("ebt.booked > false", "type_mismatch", 11, 1, 12, ">");
	assert_error("ebt.booked = 1", "type_mismatch", 11, 1, 12, "=");
	assert_error("event.hour in (1, 'x')", "type_mismatch", 18, 1, 19,
		     "'x'");
	assert_error("ebt.booked in (1)", "type_mismatch", 11, 1, 12, "in (");
	/* and / or / not and the whole rule need yes/no conditions */
	assert_error("event.hour", "not_bool", 0, 1, 1, "event.hour");
	assert_error("ebt.booked and event.hour", "not_bool", 15, 1, 16,
		     "event.hour");
	assert_error("event.plate_country or ebt.booked", "not_bool", 0, 1, 1,
		     "event.plate_country");
	assert_error("not event.plate_country = 'BY'", "not_bool", 4, 1, 5,
		     "event.plate_country");
	assert_error("'BY'", "not_bool", 0, 1, 1, "'BY'");
}

static void test_limits(void **state)
{
	char deep[200], longer[RISK_RULE_MAX_LEN + 2],
		ok[RISK_RULE_MAX_LEN + 1];
	struct risk_rule *r;
	struct risk_error err;
	int n;

	(void)state;
	/* 32 levels compile, the 33rd is refused where it opens */
	n = 0;
	for (int i = 0; i < 32; i++)
		deep[n++] = '(';
	n += sprintf(deep + n, "ebt.booked");
	for (int i = 0; i < 32; i++)
		deep[n++] = ')';
	deep[n] = '\0';
	assert_int_equal(risk_rule_compile(deep, &r, &err), 0);
	risk_rule_free(r);
	memmove(deep + 1, deep, n + 1);
	deep[0] = '(';
	strcat(deep, ")");
	assert_error(deep, "too_deep", 32, 1, 33, "(");
	/* not counts as a level too */
	n = 0;
	for (int i = 0; i < 33; i++)
		n += sprintf(deep + n, "not ");
	sprintf(deep + n, "ebt.booked");
	assert_error(deep, "too_deep", 128, 1, 129, "not");

	/* 4000 characters compile, 4001 do not */
	memset(ok, ' ', sizeof(ok));
	memcpy(ok, "ebt.booked", 10);
	ok[RISK_RULE_MAX_LEN] = '\0';
	assert_int_equal(risk_rule_compile(ok, &r, &err), 0);
	risk_rule_free(r);
	memcpy(longer, ok, RISK_RULE_MAX_LEN);
	longer[RISK_RULE_MAX_LEN] = ' ';
	longer[RISK_RULE_MAX_LEN + 1] = '\0';
	{
		struct risk_error e = error_of(longer);

		assert_string_equal(e.msg, "too_long");
		assert_int_equal(e.pos, RISK_RULE_MAX_LEN);
	}

	/* at most 32 distinct facts */
	n = sprintf(longer, "sightings(1) > 0");
	for (int i = 2; i <= 33; i++)
		n += sprintf(longer + n, " or sightings(%d) > 0", i);
	{
		struct risk_error e = error_of(longer);

		assert_string_equal(e.msg, "too_many_fields");
		assert_string_equal(e.near, "sightings(33)");
	}
}

/* A long flat chain is not nesting: it compiles and evaluates. */
static void test_long_chain(void **state)
{
	char text[RISK_RULE_MAX_LEN + 1];
	int n;

	(void)state;
	n = sprintf(text, "ebt.changed");
	while (n < RISK_RULE_MAX_LEN - 40)
		n += sprintf(text + n, " or event.hour = %d", n % 20);
	sprintf(text + n, " or event.hour = 23");
	assert_int_equal(eval(text), 1);
	assert_int_equal(fx.calls[RF_EVENT_HOUR], 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_comparisons_on_numbers, setup),
		cmocka_unit_test_setup(test_comparisons_on_text_and_truth,
				       setup),
		cmocka_unit_test_setup(test_in_and_not_in, setup),
		cmocka_unit_test_setup(test_and_or_not, setup),
		cmocka_unit_test_setup(test_precedence, setup),
		cmocka_unit_test_setup(test_functions_read_their_argument,
				       setup),
		cmocka_unit_test_setup(test_unknown_is_three_valued, setup),
		cmocka_unit_test_setup(
			test_each_fact_fetched_once_and_only_when_needed,
			setup),
		cmocka_unit_test_setup(test_provider_error, setup),
		cmocka_unit_test_setup(test_used_text, setup),
		cmocka_unit_test_setup(test_uses, setup),
		cmocka_unit_test_setup(test_every_catalogue_field_compiles,
				       setup),
		cmocka_unit_test_setup(test_syntax_errors_name_the_position,
				       setup),
		cmocka_unit_test_setup(test_unknown_field, setup),
		cmocka_unit_test_setup(test_argument_errors, setup),
		cmocka_unit_test_setup(test_type_mismatch, setup),
		cmocka_unit_test_setup(test_limits, setup),
		cmocka_unit_test_setup(test_long_chain, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
