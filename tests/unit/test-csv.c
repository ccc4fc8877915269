/* test-csv.c: cmocka tests for lib/csv.c: RFC 4180 quoting, the formula
 * injection prefix, UTF-8 kept byte for byte, numbers left numeric */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "csv.h"

/* One text cell as the file carries it. */
static void cell_is(const char *in, const char *want)
{
	struct buf b = { 0 };

	assert_int_equal(csv_cell(&b, 1, in), 0);
	assert_string_equal(b.p ? b.p : "", want);
	buf_free(&b);
}

static void test_plain_cells_are_written_as_they_are(void **state)
{
	(void)state;
	cell_is("Grzechotki", "Grzechotki");
	cell_is("2026-03-01", "2026-03-01");
	cell_is("a b", "a b");
}

static void test_quotes_commas_and_line_breaks_are_quoted(void **state)
{
	(void)state;
	cell_is("a,b", "\"a,b\"");
	cell_is("say \"hi\"", "\"say \"\"hi\"\"\"");
	cell_is("\"", "\"\"\"\"");
	cell_is("two\nlines", "\"two\nlines\"");
	cell_is("cr\rhere", "\"cr\rhere\"");
}

static void test_formula_leads_get_an_apostrophe(void **state)
{
	(void)state;
	cell_is("=SUM(A1:A9)", "'=SUM(A1:A9)");
	cell_is("+48 123", "'+48 123");
	cell_is("-2+3", "'-2+3");
	cell_is("@cmd", "'@cmd");
	cell_is("\tx", "'\tx");
	/* CR also quotes; the apostrophe goes inside the quotes. */
	cell_is("\r=1", "\"'\r=1\"");
	cell_is("=HYPERLINK(\"http://x\",\"y\")",
		"\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	/* Only the first character decides. */
	cell_is("a=b", "a=b");
}

static void test_utf8_is_kept_byte_for_byte(void **state)
{
	(void)state;
	cell_is("Kuźnica Białostocka", "Kuźnica Białostocka");
	cell_is("Żółć, „cudzysłów”", "\"Żółć, „cudzysłów”\"");
}

static void test_empty_and_null_cells(void **state)
{
	(void)state;
	cell_is("", "");
	cell_is(NULL, "");
}

static void test_rows_numbers_and_crlf(void **state)
{
	struct buf b = { 0 };
	const char *head[] = { "day", "crossing", "events" };

	(void)state;
	assert_int_equal(csv_row(&b, head, 3), 0);
	assert_int_equal(csv_cell(&b, 1, "2026-03-01"), 0);
	assert_int_equal(csv_cell(&b, 0, "=cmd"), 0);
	/* A number is never prefixed: -3 stays a number. */
	assert_int_equal(csv_num(&b, 0, -3, 0), 0);
	assert_int_equal(csv_num(&b, 0, 12.34, 1), 0);
	assert_int_equal(csv_end(&b), 0);
	assert_string_equal(b.p, "day,crossing,events\r\n"
				 "2026-03-01,'=cmd,-3,12.3\r\n");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_cells_are_written_as_they_are),
		cmocka_unit_test(test_quotes_commas_and_line_breaks_are_quoted),
		cmocka_unit_test(test_formula_leads_get_an_apostrophe),
		cmocka_unit_test(test_utf8_is_kept_byte_for_byte),
		cmocka_unit_test(test_empty_and_null_cells),
		cmocka_unit_test(test_rows_numbers_and_crlf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
