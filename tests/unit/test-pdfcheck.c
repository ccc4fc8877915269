/* test-pdfcheck.c: cmocka tests for lib/pdfcheck.c: the magic bytes, the
 * size limit, active content in plain objects, behind "#xx" escapes,
 * inside compressed object streams (once and twice deflated), what cannot
 * be looked into, and binary image data that only looks like a name */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <zlib.h>

#include "pdfcheck.h"
#include "util.h"

#define MAX (5u << 20)

static const char plain[] =
	"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
	"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
	"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
	"3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n"
	"4 0 obj\n<< /Length 21 >>\nstream\nBT /F1 12 Tf (Hi) Tj ET\nendstream\nendobj\n"
	"trailer\n<< /Root 1 0 R >>\n%%EOF\n";

static enum pdf_verdict check(const char *s, const char **why)
{
	return pdf_check(s, strlen(s), MAX, why);
}

/* "%PDF-1.5" ... a stream of dict with data deflated `times` times. */
static void with_stream(struct buf *b, const char *dict, const char *data,
			int times)
{
	unsigned char *cur = (unsigned char *)strdup(data), *out;
	uLongf outn, curn = strlen(data);

	for (int i = 0; i < times; i++) {
		outn = compressBound(curn);
		out = malloc(outn);
		assert_int_equal(compress(out, &outn, cur, curn), Z_OK);
		free(cur);
		cur = out;
		curn = outn;
	}
	buf_puts(b, "%PDF-1.5\n1 0 obj\n");
	buf_puts(b, dict);
	buf_puts(b, "\nstream\r\n");
	buf_add(b, (const char *)cur, curn);
	buf_puts(b,
		 "\r\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
	free(cur);
}

static void test_a_plain_pdf_passes(void **state)
{
	const char *why = "x";

	(void)state;
	assert_int_equal(check(plain, &why), PDF_OK);
	assert_null(why);
}

static void test_not_a_pdf(void **state)
{
	static const char *const bad[] = {
		"",
		"%PDF",
		"%PDF-",
		"%PDF-x.y\n",
		"GIF89a........",
		" %PDF-1.4\n",
		"<html>%PDF-1.4</html>",
		"%pdf-1.4\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (check(bad[i], NULL) != PDF_NOT_PDF)
			fail_msg("%zu passed as a PDF", i);
}

static void test_size_limit_is_inclusive(void **state)
{
	size_t n = 1000;
	char *p = malloc(n + 1);

	(void)state;
	memset(p, ' ', n + 1);
	memcpy(p, "%PDF-1.4\n", 9);
	assert_int_equal(pdf_check(p, n, n, NULL), PDF_OK);
	assert_int_equal(pdf_check(p, n + 1, n, NULL), PDF_TOO_LARGE);
	free(p);
}

static void test_active_names_in_plain_objects(void **state)
{
	static const struct {
		const char *obj, *why;
	} bad[] = {
		{ "<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>",
		  "JavaScript" },
		{ "<< /AA << /O << /S /Launch /F (cmd.exe) >> >> >>",
		  "Launch" },
		{ "<< /Names << /EmbeddedFiles 9 0 R >> >>", "EmbeddedFiles" },
		{ "<< /Type /EmbeddedFile /Length 0 >>", "EmbeddedFile" },
		{ "<< /AcroForm << /XFA 7 0 R >> >>", "XFA" },
		{ "<< /S /SubmitForm /F (http://x) >>", "SubmitForm" },
		{ "<< /S /ImportData >>", "ImportData" },
		{ "<< /S /GoToE >>", "GoToE" },
		{ "<< /RichMedia 1 0 R >>", "RichMedia" },
		/* The lexer decodes #xx: the same names, spelt otherwise. */
		{ "<< /S /J#61vaScript /J#53 (x) >>", "JavaScript" },
		{ "<< /S /#4C#61#75#6E#63#68 >>", "Launch" },
		{ "<< /JS(x)>>", "JS" },
	};
	struct buf b = { 0 };

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *why = NULL;

		buf_reset(&b);
		buf_puts(&b, "%PDF-1.4\n5 0 obj\n");
		buf_puts(&b, bad[i].obj);
		buf_puts(&b, "\nendobj\n%%EOF\n");
		assert_int_equal(pdf_check(b.p, b.len, MAX, &why), PDF_ACTIVE);
		assert_string_equal(why, bad[i].why);
	}
	buf_free(&b);
}

static void test_names_that_only_look_alike_pass(void **state)
{
	static const char s[] =
		"%PDF-1.4\n5 0 obj\n<< /JSX 1 /Launcher 2 /OpenAction [3 0 R /Fit]"
		" /Title (JS Launch) >>\nendobj\n%%EOF\n";

	(void)state;
	/* An /OpenAction that only opens a page is no script. (A string
	 * that spells "/JavaScript" is refused: the lexer is no parser, and
	 * a power of attorney has no reason to say it: docs/ecustomer.md.) */
	assert_int_equal(check(s, NULL), PDF_OK);
}

static void test_script_inside_a_compressed_object_stream(void **state)
{
	struct buf b = { 0 };
	const char *why = NULL;

	(void)state;
	with_stream(&b,
		    "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>",
		    "7 0 << /S /JavaScript /JS (app.alert(1)) >>", 1);
	assert_int_equal(pdf_check(b.p, b.len, MAX, &why), PDF_ACTIVE);
	assert_string_equal(why, "JavaScript");
	buf_reset(&b);
	/* Deflated twice: [/FlateDecode /FlateDecode]. */
	with_stream(&b,
		    "<< /Type /ObjStm /N 1 /First 4"
		    " /Filter [/FlateDecode /FlateDecode] >>",
		    "7 0 << /S /Launch /F (x) >>", 2);
	assert_int_equal(pdf_check(b.p, b.len, MAX, &why), PDF_ACTIVE);
	assert_string_equal(why, "Launch");
	buf_reset(&b);
	/* A clean object stream passes. */
	with_stream(&b,
		    "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>",
		    "7 0 << /Type /Font /Subtype /Type1 >>", 1);
	assert_int_equal(pdf_check(b.p, b.len, MAX, NULL), PDF_OK);
	buf_free(&b);
}

static void test_what_cannot_be_looked_into(void **state)
{
	struct buf b = { 0 };
	const char *why = NULL;

	(void)state;
	buf_puts(&b, "%PDF-1.4\ntrailer << /Root 1 0 R /Encrypt 5 0 R >>\n");
	assert_int_equal(pdf_check(b.p, b.len, MAX, &why), PDF_OPAQUE);
	assert_string_equal(why, "Encrypt");
	buf_reset(&b);
	buf_puts(&b, "%PDF-1.4\n1 0 obj\n<< /Type /ObjStm /Filter /LZWDecode"
		     " /Length 4 >>\nstream\nabcd\nendstream\nendobj\n");
	assert_int_equal(pdf_check(b.p, b.len, MAX, &why), PDF_OPAQUE);
	assert_string_equal(why, "LZWDecode");
	buf_reset(&b);
	buf_puts(&b, "%PDF-1.4\n1 0 obj\n<< /Filter /A#53CIIHexDecode"
		     " /Length 4 >>\nstream\nabcd\nendstream\nendobj\n");
	assert_int_equal(pdf_check(b.p, b.len, MAX, &why), PDF_OPAQUE);
	assert_string_equal(why, "ASCIIHexDecode");
	buf_free(&b);
}

static void test_zip_bomb_is_opaque(void **state)
{
	size_t n = PDF_INFLATE_MAX + 4096;
	char *zeros = calloc(1, n + 1);
	struct buf b = { 0 };
	const char *why = NULL;

	(void)state;
	memset(zeros, ' ', n);
	with_stream(&b, "<< /Filter /FlateDecode >>", zeros, 1);
	free(zeros);
	assert_true(b.len < 200000); /* small on the way in */
	assert_int_equal(pdf_check(b.p, b.len, MAX, &why), PDF_OPAQUE);
	assert_string_equal(why, "inflate");
	buf_free(&b);
}

static void test_image_data_is_not_scanned_for_short_names(void **state)
{
	/* Pixels that happen to spell "/JS " inflate to bytes no reader
	 * parses as objects: an image passes. */
	struct buf b = { 0 };

	(void)state;
	with_stream(&b,
		    "<< /Type /XObject /Subtype /Image /Width 2 /Height 2"
		    " /Filter /FlateDecode >>",
		    "\x01/JS \x02\x03/XFA ", 1);
	assert_int_equal(pdf_check(b.p, b.len, MAX, NULL), PDF_OK);
	buf_reset(&b);
	/* An object stream that calls itself an image is still read. */
	with_stream(&b,
		    "<< /Type /ObjStm /Subtype /Image /N 1 /First 4"
		    " /Filter /FlateDecode >>",
		    "7 0 << /JS (x) >>", 1);
	assert_int_equal(pdf_check(b.p, b.len, MAX, NULL), PDF_ACTIVE);
	buf_free(&b);
}

static void test_long_names_hidden_in_raw_stream_data(void **state)
{
	/* An object a lenient reader might find inside a stream's bytes. */
	static const char s[] =
		"%PDF-1.4\n1 0 obj\n<< /Subtype /Image /Length 40 >>\nstream\n"
		"9 0 obj << /S /JavaScript >> endobj\nendstream\nendobj\n";

	(void)state;
	assert_int_equal(check(s, NULL), PDF_ACTIVE);
}

static void test_truncated_and_hostile_bytes_do_not_crash(void **state)
{
	static const char *const odd[] = {
		"%PDF-1.4\n/",
		"%PDF-1.4\n/#",
		"%PDF-1.4\n/#4",
		"%PDF-1.4\nstream",
		"%PDF-1.4\nstream\r",
		"%PDF-1.4\n<< >>stream\nx\x9c",
		"%PDF-1.4\nendstream stream\n\x78\x9c\xff\xff",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		enum pdf_verdict v = check(odd[i], NULL);

		assert_true(v == PDF_OK || v == PDF_OPAQUE);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_plain_pdf_passes),
		cmocka_unit_test(test_not_a_pdf),
		cmocka_unit_test(test_size_limit_is_inclusive),
		cmocka_unit_test(test_active_names_in_plain_objects),
		cmocka_unit_test(test_names_that_only_look_alike_pass),
		cmocka_unit_test(test_script_inside_a_compressed_object_stream),
		cmocka_unit_test(test_what_cannot_be_looked_into),
		cmocka_unit_test(test_zip_bomb_is_opaque),
		cmocka_unit_test(
			test_image_data_is_not_scanned_for_short_names),
		cmocka_unit_test(test_long_names_hidden_in_raw_stream_data),
		cmocka_unit_test(test_truncated_and_hostile_bytes_do_not_crash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
