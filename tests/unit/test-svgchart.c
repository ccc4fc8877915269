/* test-svgchart.c: cmocka tests for lib/svgchart.c: every kind parses as
 * XML (libxml2), labels are escaped, axis ticks are nice numbers, the
 * drawn values are the given ones, an empty chart is still an SVG */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "svgchart.h"

static const char *const cats[] = { "Mon", "Tue", "Wed" };
static const double a[] = { 3, 0, 12 };
static const double bb[] = { 1, 7, 2.5 };

/* Renders c, parses it strictly (no recovery, no network) and returns the
 * document; the caller frees it. */
static xmlDocPtr render_parse(const struct svgchart *c, struct buf *out)
{
	xmlDocPtr doc;

	assert_int_equal(svgchart_render(c, out), 0);
	assert_non_null(out->p);
	doc = xmlReadMemory(out->p, (int)out->len, "chart.svg", NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR |
				    XML_PARSE_NOWARNING);
	assert_non_null(doc);
	return doc;
}

static int count(xmlDocPtr doc, const char *xpath)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr o;
	int n;

	xmlXPathRegisterNs(ctx, BAD_CAST "s",
			   BAD_CAST "http://www.w3.org/2000/svg");
	o = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
	assert_non_null(o);
	n = o->nodesetval ? o->nodesetval->nodeNr : 0;
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return n;
}

static char *string(xmlDocPtr doc, const char *xpath)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr o;
	char *s;

	xmlXPathRegisterNs(ctx, BAD_CAST "s",
			   BAD_CAST "http://www.w3.org/2000/svg");
	o = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
	assert_non_null(o);
	s = strdup((const char *)o->stringval);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return s;
}

static void test_every_kind_is_well_formed_with_its_values(void **state)
{
	const struct svgchart_series ser[] = { { "now", a }, { "before", bb } };
	struct svgchart c = { .id = "ch",
			      .title = "Events",
			      .desc = "Events per day",
			      .x_title = "day",
			      .y_title = "events",
			      .decimals = 1,
			      .ncat = 3,
			      .cat = cats,
			      .nseries = 2,
			      .series = ser };

	(void)state;
	for (int k = 0; k < SVGCHART__MAX; k++) {
		struct buf b = { 0 };
		xmlDocPtr doc;
		char *v;

		c.kind = (enum svgchart_kind)k;
		doc = render_parse(&c, &b);
		assert_int_equal(count(doc, "/s:svg[@role='img']"), 1);
		assert_int_equal(count(doc, "/s:svg/s:title[.='Events']"), 1);
		assert_int_equal(count(doc, "/s:svg/s:desc"), 1);
		assert_non_null(strstr(b.p, "viewBox=\"0 0 "));
		/* one element per value, carrying it */
		assert_int_equal(count(doc, "//*[@data-v]"), 6);
		v = string(doc,
			   "string(//*[@data-s='0'][@data-c='2']/@data-v)");
		assert_string_equal(v, "12.0");
		free(v);
		v = string(doc,
			   "string(//*[@data-s='1'][@data-c='2']/@data-v)");
		assert_string_equal(v, "2.5");
		free(v);
		xmlFreeDoc(doc);
		buf_free(&b);
	}
}

static void test_labels_are_escaped(void **state)
{
	const char *const hostile[] = { "a&b", "\"q\" 'q'",
					"</title><script>x</script>" };
	const struct svgchart_series ser[] = { { "<b>bold</b>", a } };
	struct svgchart c = { .kind = SVGCHART_BAR,
			      .id = "x\"y",
			      .title = "</svg><script>alert(1)</script>",
			      .desc = "a & b < c",
			      .x_title = "x<",
			      .y_title = "y>",
			      .ncat = 3,
			      .cat = hostile,
			      .nseries = 1,
			      .series = ser };
	struct buf b = { 0 };
	xmlDocPtr doc;
	char *t;

	(void)state;
	doc = render_parse(&c, &b);
	assert_null(strstr(b.p, "<script"));
	assert_null(strstr(b.p, "<b>"));
	assert_int_equal(count(doc, "//s:script"), 0);
	t = string(doc, "string(/s:svg/s:title)");
	assert_string_equal(t, "</svg><script>alert(1)</script>");
	free(t);
	/* the labels come back as given */
	assert_int_equal(count(doc, "//s:text[.='a&b']"), 1);
	assert_int_equal(count(doc, "//s:text[.='<b>bold</b>']"), 1);
	assert_int_equal(
		count(doc, "//s:rect/s:title[.='</title><script>x</script> · "
			   "<b>bold</b>: 12']"),
		1);
	assert_int_equal(count(doc, "//s:svg[@id='x\"y']"), 1);
	xmlFreeDoc(doc);
	buf_free(&b);
}

static void test_control_characters_are_dropped(void **state)
{
	const char *const odd[] = { "a\001b", "c", "d" };
	const struct svgchart_series ser[] = { { "s\033", a } };
	struct svgchart c = { .kind = SVGCHART_LINE,
			      .title = "t\002",
			      .ncat = 3,
			      .cat = odd,
			      .nseries = 1,
			      .series = ser };
	struct buf b = { 0 };
	xmlDocPtr doc;

	(void)state;
	doc = render_parse(&c, &b);
	assert_int_equal(count(doc, "//s:text[.='ab']"), 1);
	xmlFreeDoc(doc);
	buf_free(&b);
}

static void test_ticks_are_nice_numbers(void **state)
{
	struct {
		double max, step, top;
	} t[] = {
		{ 0, 1, 1 },	   { 1, 0.2, 1 },     { 7, 2, 8 },
		{ 10, 2, 10 },	   { 12, 2.5, 12.5 }, { 23, 5, 25 },
		{ 99, 20, 100 },   { 101, 25, 125 },  { 1234, 250, 1250 },
		{ 9e6, 2e6, 1e7 }, { 0.3, 0.1, 0.3 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		double top, step = svgchart_ticks(t[i].max, 5, &top);

		assert_float_equal(step, t[i].step, 1e-9);
		assert_float_equal(top, t[i].top, 1e-9);
		assert_true(top >= t[i].max);
	}
}

static void test_tick_labels_on_the_axis(void **state)
{
	const double v[] = { 23 };
	const char *const one[] = { "x" };
	const struct svgchart_series ser[] = { { "s", v } };
	struct svgchart c = { .kind = SVGCHART_BAR,
			      .title = "t",
			      .ncat = 1,
			      .cat = one,
			      .nseries = 1,
			      .series = ser };
	struct buf b = { 0 };
	xmlDocPtr doc;

	(void)state;
	doc = render_parse(&c, &b);
	/* 0, 5, …, 25 */
	assert_int_equal(count(doc, "//s:g[@class='y-axis']/s:text"), 6);
	assert_int_equal(count(doc, "//s:g[@class='y-axis']/s:text[.='25']"),
			 1);
	xmlFreeDoc(doc);
	buf_free(&b);
}

static void test_empty_chart_is_an_svg(void **state)
{
	struct svgchart c = { .kind = SVGCHART_LINE,
			      .title = "nothing",
			      .desc = "no data" };

	(void)state;
	for (int k = 0; k < SVGCHART__MAX; k++) {
		struct buf b = { 0 };
		xmlDocPtr doc;

		c.kind = (enum svgchart_kind)k;
		doc = render_parse(&c, &b);
		assert_int_equal(count(doc, "//*[@data-v]"), 0);
		assert_int_equal(count(doc, "/s:svg/s:title[.='nothing']"), 1);
		xmlFreeDoc(doc);
		buf_free(&b);
	}
}

static void test_all_zero_series_draws_flat(void **state)
{
	const double z[] = { 0, 0, 0 };
	const struct svgchart_series ser[] = { { "s", z } };
	struct svgchart c = { .kind = SVGCHART_STACKED,
			      .title = "t",
			      .ncat = 3,
			      .cat = cats,
			      .nseries = 1,
			      .series = ser };
	struct buf b = { 0 };
	xmlDocPtr doc;

	(void)state;
	doc = render_parse(&c, &b);
	assert_int_equal(count(doc, "//*[@data-v='0']"), 3);
	assert_null(strstr(b.p, "nan"));
	assert_null(strstr(b.p, "inf"));
	xmlFreeDoc(doc);
	buf_free(&b);
}

static void test_num_writes_no_negative_zero(void **state)
{
	char s[32];

	(void)state;
	assert_string_equal(svgchart_num(s, sizeof(s), -0.0, 1), "0.0");
	assert_string_equal(svgchart_num(s, sizeof(s), -0.01, 1), "0.0");
	assert_string_equal(svgchart_num(s, sizeof(s), 12.5, 0), "12");
	assert_string_equal(svgchart_num(s, sizeof(s), 1234567, 0), "1234567");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			test_every_kind_is_well_formed_with_its_values),
		cmocka_unit_test(test_labels_are_escaped),
		cmocka_unit_test(test_control_characters_are_dropped),
		cmocka_unit_test(test_ticks_are_nice_numbers),
		cmocka_unit_test(test_tick_labels_on_the_axis),
		cmocka_unit_test(test_empty_chart_is_an_svg),
		cmocka_unit_test(test_all_zero_series_draws_flat),
		cmocka_unit_test(test_num_writes_no_negative_zero),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
