/* test-xmlsafe.c: cmocka tests for lib/xmlsafe.c: DTDs and entities
 * refused, limits, malformed input, schema validation, escaping */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "xmlsafe.h"

static xmlDocPtr parse(const char *s, enum xmlsafe_err *e)
{
	char msg[256];

	return xmlsafe_parse(s, strlen(s), NULL, e, msg, sizeof(msg));
}

static void test_plain_document_parses(void **state)
{
	enum xmlsafe_err e;
	xmlDocPtr d = parse("<a x='1'><b>t</b></a>", &e);

	(void)state;
	assert_non_null(d);
	assert_int_equal(e, XMLSAFE_OK);
	xmlFreeDoc(d);
}

static void test_doctype_and_entities_refused(void **state)
{
	enum xmlsafe_err e;

	(void)state;
	assert_null(parse("<!DOCTYPE a SYSTEM 'file:///etc/passwd'><a/>", &e));
	assert_int_equal(e, XMLSAFE_DOCTYPE);
	assert_null(parse("<?xml version='1.0'?><!DOCTYPE a [<!ENTITY x SYSTEM "
			  "'file:///etc/passwd'>]><a>&x;</a>",
			  &e));
	assert_int_equal(e, XMLSAFE_DOCTYPE);
	/* An undeclared entity is simply not well-formed. */
	assert_null(parse("<a>&x;</a>", &e));
	assert_int_equal(e, XMLSAFE_MALFORMED);
}

static void test_malformed_and_empty(void **state)
{
	enum xmlsafe_err e;
	char msg[256];

	(void)state;
	assert_null(parse("<a><b></a>", &e));
	assert_int_equal(e, XMLSAFE_MALFORMED);
	assert_null(parse("<a>\xff\xfe</a>", &e));
	assert_int_equal(e, XMLSAFE_MALFORMED);
	assert_null(xmlsafe_parse("", 0, NULL, &e, msg, sizeof(msg)));
	assert_int_equal(e, XMLSAFE_EMPTY);
}

static void test_depth_and_node_limits(void **state)
{
	struct xmlsafe_limits lim = { .max_depth = 4, .max_nodes = 10 };
	enum xmlsafe_err e;
	char msg[256];
	const char *deep = "<a><a><a><a><a/></a></a></a></a>";
	const char *wide = "<a><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/></a>";

	(void)state;
	assert_null(
		xmlsafe_parse(deep, strlen(deep), &lim, &e, msg, sizeof(msg)));
	assert_int_equal(e, XMLSAFE_LIMIT);
	assert_null(
		xmlsafe_parse(wide, strlen(wide), &lim, &e, msg, sizeof(msg)));
	assert_int_equal(e, XMLSAFE_LIMIT);
	lim.max_depth = 5;
	lim.max_nodes = 100;
	xmlDocPtr d = xmlsafe_parse(deep, strlen(deep), &lim, &e, msg,
				    sizeof(msg));
	assert_non_null(d);
	xmlFreeDoc(d);
}

static void test_schema_validation(void **state)
{
	const char *xsd =
		"<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>"
		"<xs:element name='n' type='xs:int'/></xs:schema>";
	char path[] = "/tmp/test-xmlsafe-XXXXXX", msg[256];
	struct xmlsafe_schema *s;
	enum xmlsafe_err e;
	xmlDocPtr d;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, xsd, strlen(xsd)), (ssize_t)strlen(xsd));
	close(fd);
	s = xmlsafe_schema_load(path);
	unlink(path);
	assert_non_null(s);
	d = parse("<n>42</n>", &e);
	assert_int_equal(xmlsafe_validate(s, d, msg, sizeof(msg)), 0);
	xmlFreeDoc(d);
	/* The cached context is reused: a bad one after a good one fails. */
	d = parse("<n>forty</n>", &e);
	assert_int_equal(xmlsafe_validate(s, d, msg, sizeof(msg)), -1);
	assert_true(strlen(msg) > 0);
	xmlFreeDoc(d);
	d = parse("<n>7</n>", &e);
	assert_int_equal(xmlsafe_validate(s, d, msg, sizeof(msg)), 0);
	xmlFreeDoc(d);
	xmlsafe_schema_free(s);
}

static void test_escape(void **state)
{
	struct buf b = { 0 };

	(void)state;
	assert_int_equal(xmlsafe_escape(&b, "<a href=\"x\">&'\x01\xff ż"), 0);
	assert_string_equal(b.p, "&lt;a href=&quot;x&quot;&gt;&amp;&apos;?? ż");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_document_parses),
		cmocka_unit_test(test_doctype_and_entities_refused),
		cmocka_unit_test(test_malformed_and_empty),
		cmocka_unit_test(test_depth_and_node_limits),
		cmocka_unit_test(test_schema_validation),
		cmocka_unit_test(test_escape),
	};

	xmlsafe_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
