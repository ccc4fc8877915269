/* test-req.c: cmocka tests for lib/req.c: urlencoded and multipart
 * bodies, percent-decoding, UTF-8, field limits, cookies, req_parse */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fake-fcgi.h"
#include "req.h"

struct parsed {
	struct arena a;
	struct field *f;
	size_t n;
};

static enum req_error urlenc(struct parsed *p, const char *s)
{
	memset(p, 0, sizeof(*p));
	return req_parse_urlencoded(&p->a, s, strlen(s), &p->f, &p->n);
}

static enum req_error multipart(struct parsed *p, const char *ctype,
				const char *body, size_t n)
{
	memset(p, 0, sizeof(*p));
	return req_parse_multipart(&p->a, ctype, body, n, &p->f, &p->n);
}

static void done(struct parsed *p)
{
	arena_reset(&p->a);
}

/* ---- urlencoded ---- */

static void test_urlencoded_plus_is_space_and_percent_decodes(void **state)
{
	struct parsed p;

	(void)state;
	assert_int_equal(
		urlenc(&p, "a=1+2&b=x%20y%2B&c%5B%5D=%C5%BC%C3%B3%C5%82w"),
		REQERR_NONE);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.f[0].name, "a");
	assert_string_equal(p.f[0].value, "1 2");
	assert_int_equal(p.f[0].len, 3);
	assert_string_equal(p.f[1].value, "x y+");
	assert_string_equal(p.f[2].name, "c[]");
	assert_string_equal(p.f[2].value, "żółw");
	assert_null(p.f[0].filename);
	done(&p);
}

static void test_urlencoded_empty_values_and_key_without_equals(void **state)
{
	struct parsed p;

	(void)state;
	assert_int_equal(urlenc(&p, "a=&flag&b="), REQERR_NONE);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.f[0].name, "a");
	assert_string_equal(p.f[0].value, "");
	assert_string_equal(p.f[1].name, "flag");
	assert_string_equal(p.f[1].value, "");
	assert_string_equal(p.f[2].name, "b");
	assert_int_equal(p.f[2].len, 0);
	done(&p);
}

static void test_urlencoded_skips_empty_segments(void **state)
{
	struct parsed p;

	(void)state;
	assert_int_equal(urlenc(&p, "&&a=1&&"), REQERR_NONE);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.f[0].value, "1");
	done(&p);
	assert_int_equal(urlenc(&p, ""), REQERR_NONE);
	assert_int_equal(p.n, 0);
	done(&p);
}

static void test_urlencoded_repeated_keys_kept_in_order_first_wins(void **state)
{
	struct parsed p;
	struct req r;

	(void)state;
	assert_int_equal(urlenc(&p, "k=1&k=2&k=3"), REQERR_NONE);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.f[2].value, "3");
	memset(&r, 0, sizeof(r));
	r.ffields = p.f;
	r.nf = p.n;
	assert_string_equal(req_form(&r, "k"), "1");
	assert_ptr_equal(req_form_field(&r, "k"), &p.f[0]);
	assert_null(req_form(&r, "K"));
	done(&p);
}

static void test_urlencoded_value_keeps_equals_after_the_first(void **state)
{
	struct parsed p;

	(void)state;
	assert_int_equal(urlenc(&p, "t=a=b=="), REQERR_NONE);
	assert_string_equal(p.f[0].value, "a=b==");
	done(&p);
}

static void test_pct_decode_refuses_bad_and_truncated_escapes(void **state)
{
	static const char *const bad[] = {
		"a=%zz", "a=%4", "a=%", "a=%4g", "%zz=1", "a=1&b=%G0", "a=%%41",
	};
	struct parsed p;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (urlenc(&p, bad[i]) != REQERR_ENCODING)
			fail_msg("\"%s\" was not refused as broken encoding",
				 bad[i]);
		done(&p);
	}
}

static void test_pct_decode_direct(void **state)
{
	char out[32];

	(void)state;
	assert_int_equal(req_pct_decode(out, "%41%62c", 7, 0), 3);
	assert_string_equal(out, "Abc");
	/* A path keeps '+': only forms mean space by it. */
	assert_int_equal(req_pct_decode(out, "a+b", 3, 0), 3);
	assert_string_equal(out, "a+b");
	assert_int_equal(req_pct_decode(out, "a+b", 3, 1), 3);
	assert_string_equal(out, "a b");
	/* A trailing escape exactly at the end is complete. */
	assert_int_equal(req_pct_decode(out, "x%7e", 4, 0), 2);
	assert_string_equal(out, "x~");
	assert_int_equal(req_pct_decode(out, "x%7", 3, 0), -1);
	/* n bounds the input even when more follows. */
	assert_int_equal(req_pct_decode(out, "%41%42", 4, 0), -1);
}

static void test_urlencoded_refuses_invalid_utf8(void **state)
{
	static const char *const bad[] = {
		"a=%C3%28",		   /* bad continuation */
		"a=%C0%AF",		   /* overlong '/' */
		"a=%ED%A0%80",		   /* surrogate */
		"a=%F4%90%80%80",	   /* beyond U+10FFFF */
		"a=%FF",	  "a=%C5", /* truncated sequence */
		"%C3%28=1",		   /* in the name */
		"a=\xff",		   /* raw, not escaped */
	};
	struct parsed p;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (urlenc(&p, bad[i]) != REQERR_UTF8)
			fail_msg("\"%s\" was not refused as invalid UTF-8",
				 bad[i]);
		done(&p);
	}
}

static void test_urlencoded_refuses_control_characters(void **state)
{
	static const char *const bad[] = { "a=%00", "a=x%00y", "a=%01",
					   "a=%1B[31m", "a=%1F" };
	struct parsed p;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (urlenc(&p, bad[i]) != REQERR_UTF8)
			fail_msg("\"%s\" was not refused", bad[i]);
		done(&p);
	}
	/* Tab and line breaks are text (textareas). */
	assert_int_equal(urlenc(&p, "a=x%09y%0D%0Az"), REQERR_NONE);
	assert_string_equal(p.f[0].value, "x\ty\r\nz");
	done(&p);
}

static void test_urlencoded_field_count_limit(void **state)
{
	struct buf b = { 0 };
	struct parsed p;
	int i;

	(void)state;
	for (i = 0; i < REQ_MAXFIELDS; i++)
		buf_printf(&b, "%sf%d=%d", i ? "&" : "", i, i);
	assert_int_equal(urlenc(&p, b.p), REQERR_NONE);
	assert_int_equal(p.n, REQ_MAXFIELDS);
	assert_string_equal(p.f[REQ_MAXFIELDS - 1].name, "f255");
	done(&p);
	buf_printf(&b, "&one=more");
	assert_int_equal(urlenc(&p, b.p), REQERR_FIELDS);
	done(&p);
	buf_free(&b);
}

/* ---- multipart ---- */

#define CT "multipart/form-data; boundary=----zsogB0und"
#define D "------zsogB0und"

static void test_multipart_normal_fields(void **state)
{
	static const char body[] = D
		"\r\n"
		"Content-Disposition: form-data; name=\"first\"\r\n\r\n"
		"Anna\r\n" D "\r\n"
		"content-disposition: form-data; name=\"note\"\r\n"
		"Content-Type: text/plain; charset=utf-8\r\n\r\n"
		"two\r\nlines\r\n" D "\r\n"
		"Content-Disposition: form-data; name=\"empty\"\r\n\r\n"
		"\r\n" D "--\r\n";
	struct parsed p;

	(void)state;
	assert_int_equal(multipart(&p, CT, body, sizeof(body) - 1),
			 REQERR_NONE);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.f[0].name, "first");
	assert_string_equal(p.f[0].value, "Anna");
	assert_null(p.f[0].filename);
	assert_string_equal(p.f[1].value, "two\r\nlines");
	assert_string_equal(p.f[2].name, "empty");
	assert_int_equal(p.f[2].len, 0);
	done(&p);
}

static void test_multipart_file_part_keeps_binary_with_nul(void **state)
{
	static const unsigned char data[] = {
		0x89, 'P', 'N', 'G', 0x00, 0x00, '\r', '\n', 0xff,
		0xfe, '-', '-', '-', '-',  '-',	 '-',  'z',  's',
		'o',  'g', 'B', '0', 'u',  'n',	 'd',  0x00, 0x01
	};
	struct buf b = { 0 };
	struct parsed p;

	(void)state;
	buf_puts(&b, D "\r\nContent-Disposition: form-data; name=\"doc\"; "
		       "filename=\"skan;1 ż.png\"\r\n"
		       "Content-Type: image/png\r\n\r\n");
	/* The boundary text inside the data, without a CRLF before it, is
	 * data. */
	buf_add(&b, (const char *)data, sizeof(data));
	buf_puts(&b, "\r\n" D "--\r\n");
	assert_int_equal(multipart(&p, CT, b.p, b.len), REQERR_NONE);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.f[0].name, "doc");
	assert_non_null(p.f[0].filename);
	assert_string_equal(p.f[0].filename, "skan;1 ż.png");
	assert_int_equal(p.f[0].len, sizeof(data));
	assert_memory_equal(p.f[0].value, data, sizeof(data));
	assert_int_equal(p.f[0].value[p.f[0].len], '\0');
	done(&p);
	buf_free(&b);
}

static void test_multipart_quoted_boundary(void **state)
{
	static const char body[] =
		"--a b:c\r\n"
		"Content-Disposition: form-data; name=x\r\n\r\n"
		"1\r\n"
		"--a b:c--";
	struct parsed p;

	(void)state;
	assert_int_equal(multipart(&p,
				   "multipart/form-data; boundary=\"a b:c\"",
				   body, sizeof(body) - 1),
			 REQERR_NONE);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.f[0].name, "x");
	assert_string_equal(p.f[0].value, "1");
	done(&p);
}

static void test_multipart_preamble_before_first_delimiter(void **state)
{
	static const char body[] =
		"ignored preamble\r\n" D "\r\n"
		"Content-Disposition: form-data; name=\"a\"\r\n\r\n"
		"v\r\n" D "--\r\n";
	struct parsed p;

	(void)state;
	assert_int_equal(multipart(&p, CT, body, sizeof(body) - 1),
			 REQERR_NONE);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.f[0].value, "v");
	done(&p);
}

static void test_multipart_missing_closing_delimiter_is_malformed(void **state)
{
	static const char *const bad[] = {
		D "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv",
		D "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n",
		D
		"\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n" D,
		D "\r\nContent-Disposition: form-data; name=\"a\"\r\n",
	};
	struct parsed p;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (multipart(&p, CT, bad[i], strlen(bad[i])) !=
		    REQERR_MALFORMED)
			fail_msg("body %zu was not refused", i);
		done(&p);
	}
}

static void test_multipart_part_without_name_is_malformed(void **state)
{
	static const char *const bad[] = {
		D "\r\nContent-Disposition: form-data\r\n\r\nv\r\n" D "--",
		D
		"\r\nContent-Disposition: form-data; filename=\"f\"\r\n\r\nv\r\n" D
		"--",
		D "\r\nContent-Type: text/plain\r\n\r\nv\r\n" D "--",
		/* an unterminated quote */
		D "\r\nContent-Disposition: form-data; name=\"a\r\n\r\nv\r\n" D
		  "--",
	};
	struct parsed p;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (multipart(&p, CT, bad[i], strlen(bad[i])) !=
		    REQERR_MALFORMED)
			fail_msg("body %zu was not refused", i);
		done(&p);
	}
}

static void test_multipart_bad_boundary_is_malformed(void **state)
{
	static const char body[] = D "\r\nContent-Disposition: form-data; "
				     "name=\"a\"\r\n\r\nv\r\n" D "--";
	char longb[128];
	struct parsed p;

	(void)state;
	assert_int_equal(
		multipart(&p, "multipart/form-data", body, sizeof(body) - 1),
		REQERR_MALFORMED);
	done(&p);
	assert_int_equal(multipart(&p, "multipart/form-data; boundary=", body,
				   sizeof(body) - 1),
			 REQERR_MALFORMED);
	done(&p);
	snprintf(longb, sizeof(longb), "multipart/form-data; boundary=%071d",
		 0);
	assert_int_equal(multipart(&p, longb, body, sizeof(body) - 1),
			 REQERR_MALFORMED);
	done(&p);
	/* The body does not use the announced boundary. */
	assert_int_equal(multipart(&p, "multipart/form-data; boundary=other",
				   body, sizeof(body) - 1),
			 REQERR_MALFORMED);
	done(&p);
}

static void test_multipart_text_field_must_be_utf8(void **state)
{
	static const char text[] = D
		"\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		"x\xc3\x28y\r\n" D "--";
	static const char fname[] = D
		"\r\nContent-Disposition: form-data; name=\"a\"; "
		"filename=\"\xff.png\"\r\n\r\nx\r\n" D "--";
	static const char nul[] = D
		"\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		"x\0y\r\n" D "--";
	struct parsed p;

	(void)state;
	assert_int_equal(multipart(&p, CT, text, sizeof(text) - 1),
			 REQERR_UTF8);
	done(&p);
	assert_int_equal(multipart(&p, CT, fname, sizeof(fname) - 1),
			 REQERR_UTF8);
	done(&p);
	assert_int_equal(multipart(&p, CT, nul, sizeof(nul) - 1), REQERR_UTF8);
	done(&p);
}

static void test_multipart_field_count_limit(void **state)
{
	struct buf b = { 0 };
	struct parsed p;

	(void)state;
	for (int i = 0; i <= REQ_MAXFIELDS; i++)
		buf_printf(&b,
			   D "\r\nContent-Disposition: form-data; "
			     "name=\"f%d\"\r\n\r\n%d\r\n",
			   i, i);
	buf_puts(&b, D "--\r\n");
	assert_int_equal(multipart(&p, CT, b.p, b.len), REQERR_FIELDS);
	done(&p);
	buf_free(&b);
}

/* ---- cookies ---- */

static void test_cookie_among_several_with_spaces(void **state)
{
	char v[64];

	(void)state;
	assert_int_equal(req_cookie_parse("lang=en; zsog_portal=abc123; x=1",
					  "zsog_portal", v, sizeof(v)),
			 0);
	assert_string_equal(v, "abc123");
	assert_int_equal(req_cookie_parse("lang=en;zsog_portal=abc ;x=1",
					  "zsog_portal", v, sizeof(v)),
			 0);
	assert_string_equal(v, "abc");
	assert_int_equal(req_cookie_parse("  lang=pl", "lang", v, sizeof(v)),
			 0);
	assert_string_equal(v, "pl");
	assert_int_equal(req_cookie_parse("a=; b=2", "a", v, sizeof(v)), 0);
	assert_string_equal(v, "");
}

static void test_cookie_name_that_is_a_suffix_does_not_match(void **state)
{
	char v[64];

	(void)state;
	assert_int_equal(req_cookie_parse("xzsog_portal=evil", "zsog_portal", v,
					  sizeof(v)),
			 -1);
	assert_int_equal(req_cookie_parse("xzsog_portal=evil; zsog_portal=good",
					  "zsog_portal", v, sizeof(v)),
			 0);
	assert_string_equal(v, "good");
	/* Nor a prefix, nor a name inside another cookie's value. */
	assert_int_equal(req_cookie_parse("zsog_portalx=evil", "zsog_portal", v,
					  sizeof(v)),
			 -1);
	assert_int_equal(req_cookie_parse("a=zsog_portal=evil", "zsog_portal",
					  v, sizeof(v)),
			 -1);
	assert_int_equal(req_cookie_parse("", "zsog_portal", v, sizeof(v)), -1);
}

static void test_cookie_too_long_for_buffer_is_refused(void **state)
{
	char v[4];

	(void)state;
	assert_int_equal(req_cookie_parse("a=1234", "a", v, sizeof(v)), -1);
	assert_int_equal(req_cookie_parse("a=123", "a", v, sizeof(v)), 0);
	assert_string_equal(v, "123");
}

static void test_req_cookie_reads_the_request_header(void **state)
{
	struct req r;

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_null(req_cookie(&r, "a"));
	r.cookie_hdr = "a=1; b=two";
	assert_string_equal(req_cookie(&r, "b"), "two");
	assert_null(req_cookie(&r, "c"));
	arena_reset(&r.arena);
}

/* ---- req_parse through a fake FastCGI request ---- */

struct fake_req {
	struct fake_fcgi f;
	struct req r;
};

static enum req_error parse(struct fake_req *fr, const char *const *env,
			    const char *body, size_t blen, size_t max)
{
	fake_init(&fr->f, env, body, blen);
	memset(&fr->r, 0, sizeof(fr->r));
	fr->r.fcgi = &fr->f.fr;
	return req_parse(&fr->r, max);
}

static void fake_done(struct fake_req *fr)
{
	arena_reset(&fr->r.arena);
	fake_free(&fr->f);
}

static void test_parse_get_decodes_path_and_query(void **state)
{
	static const char *const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/skr/staff/12%2Fx?next=%2Fa&lang=en",
		"HTTP_COOKIE=lang=en", "HTTPS=on", NULL
	};
	struct fake_req fr;

	(void)state;
	assert_int_equal(parse(&fr, env, "", 0, 100), REQERR_NONE);
	assert_string_equal(fr.r.method, "GET");
	assert_string_equal(fr.r.path, "/skr/staff/12/x");
	assert_string_equal(req_query(&fr.r, "next"), "/a");
	assert_string_equal(req_query(&fr.r, "lang"), "en");
	assert_string_equal(fr.r.cookie_hdr, "lang=en");
	assert_true(fr.r.secure);
	assert_int_equal(fr.r.nf, 0);
	fake_done(&fr);
}

static void test_parse_refuses_bad_paths(void **state)
{
	static const struct {
		const char *uri;
		enum req_error want;
	} cases[] = {
		{ "REQUEST_URI=/a%zz", REQERR_ENCODING },
		{ "REQUEST_URI=/a%4", REQERR_ENCODING },
		{ "REQUEST_URI=/a%00b", REQERR_UTF8 },
		{ "REQUEST_URI=/a%C3%28", REQERR_UTF8 },
		{ "REQUEST_URI=/a?x=%C3%28", REQERR_UTF8 },
		{ "REQUEST_URI=/a?x=%zz", REQERR_ENCODING },
	};
	struct fake_req fr;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *env[] = { "REQUEST_METHOD=GET", cases[i].uri,
				      NULL };
		enum req_error e = parse(&fr, env, "", 0, 100);

		if (e != cases[i].want)
			fail_msg("%s: got %d, want %d", cases[i].uri, e,
				 cases[i].want);
		fake_done(&fr);
	}
}

static void test_parse_post_urlencoded_body(void **state)
{
	static const char body[] = "email=a%40b.pl&csrf=00";
	static const char *const env[] = {
		"REQUEST_METHOD=POST", "REQUEST_URI=/portal/signin",
		"CONTENT_TYPE=application/x-www-form-urlencoded; charset=UTF-8",
		"CONTENT_LENGTH=22", NULL
	};
	struct fake_req fr;

	(void)state;
	assert_int_equal(parse(&fr, env, body, sizeof(body) - 1, 100),
			 REQERR_NONE);
	assert_int_equal(fr.r.nf, 2);
	assert_string_equal(req_form(&fr.r, "email"), "a@b.pl");
	assert_string_equal(req_form(&fr.r, "csrf"), "00");
	fake_done(&fr);
}

static void test_parse_post_multipart_body(void **state)
{
	static const char body[] = D
		"\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		"1\r\n" D "--\r\n";
	char cl[40];
	const char *env[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/x",
			      "CONTENT_TYPE=" CT, cl, NULL };
	struct fake_req fr;

	(void)state;
	snprintf(cl, sizeof(cl), "CONTENT_LENGTH=%zu", sizeof(body) - 1);
	assert_int_equal(parse(&fr, env, body, sizeof(body) - 1, 1000),
			 REQERR_NONE);
	assert_int_equal(fr.r.nf, 1);
	assert_string_equal(req_form(&fr.r, "a"), "1");
	fake_done(&fr);
}

static void test_parse_body_over_the_limit_is_too_large(void **state)
{
	static const char *const env[] = {
		"REQUEST_METHOD=POST", "REQUEST_URI=/x",
		"CONTENT_TYPE=application/x-www-form-urlencoded",
		"CONTENT_LENGTH=101", NULL
	};
	static const char *const huge[] = {
		"REQUEST_METHOD=POST", "REQUEST_URI=/x",
		"CONTENT_TYPE=application/x-www-form-urlencoded",
		"CONTENT_LENGTH=-1", NULL
	};
	char body[101];
	struct fake_req fr;

	(void)state;
	memset(body, 'a', sizeof(body));
	assert_int_equal(parse(&fr, env, body, sizeof(body), 100),
			 REQERR_TOO_LARGE);
	fake_done(&fr);
	assert_int_equal(parse(&fr, huge, body, sizeof(body), 100),
			 REQERR_TOO_LARGE);
	fake_done(&fr);
}

static void test_parse_short_or_bad_content_length_is_malformed(void **state)
{
	static const char *const shortb[] = {
		"REQUEST_METHOD=POST", "REQUEST_URI=/x",
		"CONTENT_TYPE=application/x-www-form-urlencoded",
		"CONTENT_LENGTH=50", NULL
	};
	static const char *const junk[] = {
		"REQUEST_METHOD=POST", "REQUEST_URI=/x",
		"CONTENT_TYPE=application/x-www-form-urlencoded",
		"CONTENT_LENGTH=5x", NULL
	};
	struct fake_req fr;

	(void)state;
	assert_int_equal(parse(&fr, shortb, "a=1", 3, 100), REQERR_MALFORMED);
	fake_done(&fr);
	assert_int_equal(parse(&fr, junk, "a=1", 3, 100), REQERR_MALFORMED);
	fake_done(&fr);
}

static void test_parse_body_without_content_type_is_415(void **state)
{
	/* nginx passes a missing Content-Type as an empty parameter. */
	static const char *const empty[] = { "REQUEST_METHOD=POST",
					     "REQUEST_URI=/x", "CONTENT_TYPE=",
					     "CONTENT_LENGTH=3", NULL };
	static const char *const none[] = { "REQUEST_METHOD=POST",
					    "REQUEST_URI=/x",
					    "CONTENT_LENGTH=3", NULL };
	struct fake_req fr;

	(void)state;
	assert_int_equal(parse(&fr, empty, "a=1", 3, 100), REQERR_MEDIA);
	fake_done(&fr);
	assert_int_equal(parse(&fr, none, "a=1", 3, 100), REQERR_MEDIA);
	fake_done(&fr);
}

static void test_parse_other_body_is_kept_raw_for_its_program(void **state)
{
	static const char body[] = "<?xml version=\"1.0\"?><a/>";
	char cl[40];
	const char *env[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/puesc/soap",
			      "CONTENT_TYPE=application/soap+xml", cl, NULL };
	struct fake_req fr;

	(void)state;
	snprintf(cl, sizeof(cl), "CONTENT_LENGTH=%zu", sizeof(body) - 1);
	assert_int_equal(parse(&fr, env, body, sizeof(body) - 1, 1000),
			 REQERR_NONE);
	assert_int_equal(fr.r.nf, 1);
	assert_string_equal(fr.r.ffields[0].name, "");
	assert_int_equal(fr.r.ffields[0].len, sizeof(body) - 1);
	assert_string_equal(fr.r.ffields[0].value, body);
	assert_true(fr.r.raw_body);
	fake_done(&fr);
}

static void test_parse_get_ignores_a_body(void **state)
{
	static const char *const env[] = { "REQUEST_METHOD=GET",
					   "REQUEST_URI=/", "CONTENT_LENGTH=3",
					   NULL };
	struct fake_req fr;

	(void)state;
	assert_int_equal(parse(&fr, env, "a=1", 3, 100), REQERR_NONE);
	assert_int_equal(fr.r.nf, 0);
	fake_done(&fr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			test_urlencoded_plus_is_space_and_percent_decodes),
		cmocka_unit_test(
			test_urlencoded_empty_values_and_key_without_equals),
		cmocka_unit_test(test_urlencoded_skips_empty_segments),
		cmocka_unit_test(
			test_urlencoded_repeated_keys_kept_in_order_first_wins),
		cmocka_unit_test(
			test_urlencoded_value_keeps_equals_after_the_first),
		cmocka_unit_test(
			test_pct_decode_refuses_bad_and_truncated_escapes),
		cmocka_unit_test(test_pct_decode_direct),
		cmocka_unit_test(test_urlencoded_refuses_invalid_utf8),
		cmocka_unit_test(test_urlencoded_refuses_control_characters),
		cmocka_unit_test(test_urlencoded_field_count_limit),
		cmocka_unit_test(test_multipart_normal_fields),
		cmocka_unit_test(
			test_multipart_file_part_keeps_binary_with_nul),
		cmocka_unit_test(test_multipart_quoted_boundary),
		cmocka_unit_test(
			test_multipart_preamble_before_first_delimiter),
		cmocka_unit_test(
			test_multipart_missing_closing_delimiter_is_malformed),
		cmocka_unit_test(test_multipart_part_without_name_is_malformed),
		cmocka_unit_test(test_multipart_bad_boundary_is_malformed),
		cmocka_unit_test(test_multipart_text_field_must_be_utf8),
		cmocka_unit_test(test_multipart_field_count_limit),
		cmocka_unit_test(test_cookie_among_several_with_spaces),
		cmocka_unit_test(
			test_cookie_name_that_is_a_suffix_does_not_match),
		cmocka_unit_test(test_cookie_too_long_for_buffer_is_refused),
		cmocka_unit_test(test_req_cookie_reads_the_request_header),
		cmocka_unit_test(test_parse_get_decodes_path_and_query),
		cmocka_unit_test(test_parse_refuses_bad_paths),
		cmocka_unit_test(test_parse_post_urlencoded_body),
		cmocka_unit_test(test_parse_post_multipart_body),
		cmocka_unit_test(test_parse_body_over_the_limit_is_too_large),
		cmocka_unit_test(
			test_parse_short_or_bad_content_length_is_malformed),
		cmocka_unit_test(test_parse_body_without_content_type_is_415),
		cmocka_unit_test(
			test_parse_other_body_is_kept_raw_for_its_program),
		cmocka_unit_test(test_parse_get_ignores_a_body),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
