/* test-view.c: cmocka tests for lib/view.c and resp.c: escaping in HTML
 * templates, none in e-mails, the error page, JSON errors, language pick */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <dirent.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "conf.h"
#include "fake-fcgi.h"
#include "resp.h"
#include "view.h"

static char root[PATH_MAX]; /* the repository */
static char tmp[PATH_MAX];  /* Paths.Templates for this run */

#define HOSTILE_TEXT "</title><script>alert(1)</script>"
#define HOSTILE_ATTR "\" onmouseover=\"alert(1)"

static const char *const templates[] = {
	"test/hostile.cs",
	"test/words.cs",
	"mail/unit-hostile.cs",
	NULL,
};

/* The repository root: ZSOG_ROOT, else three levels above this program
 * (build/tests/test-view or build-asan/tests/test-view). */
static int find_root(void)
{
	const char *env = getenv("ZSOG_ROOT");
	char exe[PATH_MAX];
	ssize_t n;

	if (env) {
		snprintf(root, sizeof(root), "%s", env);
		return 0;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n < 0)
		return -1;
	exe[n] = '\0';
	snprintf(root, sizeof(root), "%s", dirname(dirname(dirname(exe))));
	return 0;
}

static int copy_file(const char *from, const char *to)
{
	char buf[4096];
	size_t n;
	FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;

	if (!in || !out) {
		if (in)
			fclose(in);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	return fclose(out);
}

/* Links every entry of dir src into dst, except skip. */
static int link_all(const char *src, const char *dst, const char *skip)
{
	char from[PATH_MAX * 2], to[PATH_MAX * 2];
	struct dirent *de;
	DIR *d = opendir(src);

	if (!d)
		return -1;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.' || (skip && !strcmp(de->d_name, skip)))
			continue;
		snprintf(from, sizeof(from), "%s/%s", src, de->d_name);
		snprintf(to, sizeof(to), "%s/%s", dst, de->d_name);
		if (symlink(from, to) < 0) {
			closedir(d);
			return -1;
		}
	}
	closedir(d);
	return 0;
}

/* A templates dir of the repo's templates and lang/ plus the fixtures;
 * mail/ is a real directory so a fixture can sit beside the repo's mails. */
static int setup(void **state)
{
	char path[PATH_MAX * 2], from[PATH_MAX * 2], conf[PATH_MAX * 2];
	FILE *f;

	(void)state;
	if (find_root() < 0)
		return -1;
	snprintf(tmp, sizeof(tmp), "/tmp/zsog-test-view-XXXXXX");
	if (!mkdtemp(tmp))
		return -1;
	snprintf(path, sizeof(path), "%s/templates", root);
	if (link_all(path, tmp, "mail") < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/mail", tmp);
	mkdir(path, 0700);
	snprintf(from, sizeof(from), "%s/templates/mail", root);
	link_all(from, path, NULL); /* none yet is fine */
	snprintf(path, sizeof(path), "%s/test", tmp);
	mkdir(path, 0700);
	snprintf(from, sizeof(from), "%s/tests/unit/fixtures/hostile.cs", root);
	snprintf(path, sizeof(path), "%s/test/hostile.cs", tmp);
	if (copy_file(from, path) < 0)
		return -1;
	snprintf(from, sizeof(from), "%s/tests/unit/fixtures/words.cs", root);
	snprintf(path, sizeof(path), "%s/test/words.cs", tmp);
	if (copy_file(from, path) < 0)
		return -1;
	snprintf(from, sizeof(from), "%s/tests/unit/fixtures/mail-hostile.cs",
		 root);
	snprintf(path, sizeof(path), "%s/mail/unit-hostile.cs", tmp);
	if (copy_file(from, path) < 0)
		return -1;
	snprintf(conf, sizeof(conf), "%s/zsog.hdf", tmp);
	f = fopen(conf, "w");
	if (!f)
		return -1;
	fprintf(f, "Paths.Templates = %s\n", tmp);
	fclose(f);
	nerr_init();
	if (conf_load(conf) < 0)
		return -1;
	return view_init(templates) < 0 ? -1 : 0;
}

static int teardown(void **state)
{
	char cmd[PATH_MAX + 32];

	(void)state;
	view_free();
	conf_free();
	/* Only our own temp dir: its links point into the repo, rm -r does
	 * not follow them. */
	if (strncmp(tmp, "/tmp/zsog-test-view-", 20) == 0) {
		snprintf(cmd, sizeof(cmd), "rm -r '%s'", tmp);
		if (system(cmd) != 0)
			return -1;
	}
	return 0;
}

struct page {
	struct fake_fcgi f;
	struct req r;
	struct buf out;
};

static void page_init(struct page *p, const char *lang)
{
	memset(p, 0, sizeof(*p));
	fake_init(&p->f, NULL, "", 0);
	p->r.fcgi = &p->f.fr;
	p->r.method = "GET";
	p->r.path = "/";
	p->r.lang = lang;
	assert_int_equal(hdf_init(&p->r.hdf), STATUS_OK);
	hdf_set_value(p->r.hdf, "Page.Lang", lang);
}

static void page_done(struct page *p)
{
	hdf_destroy(&p->r.hdf);
	buf_free(&p->r.headers);
	buf_free(&p->out);
	arena_reset(&p->r.arena);
	fake_free(&p->f);
}

static void
test_hostile_values_are_escaped_in_text_title_and_attribute(void **state)
{
	struct page p;

	(void)state;
	page_init(&p, "en");
	hdf_set_value(p.r.hdf, "Hostile.Title", HOSTILE_TEXT);
	hdf_set_value(p.r.hdf, "Hostile.Text", HOSTILE_TEXT);
	hdf_set_value(p.r.hdf, "Hostile.Attr", HOSTILE_ATTR);
	hdf_set_value(p.r.hdf, "Form.name", "\"><script>alert(2)</script>");
	assert_int_equal(view_render_to(&p.r, "test/hostile.cs", &p.out), 0);
	assert_non_null(p.out.p);
	/* The page rendered, with the language's strings. */
	assert_non_null(strstr(p.out.p, "<p id=\"text\">"));
	assert_non_null(strstr(p.out.p, "ZSOG border services"));
	assert_null(strstr(p.out.p, "<script>alert"));
	assert_null(strstr(p.out.p, "</title><script>"));
	assert_non_null(
		strstr(p.out.p,
		       "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
	/* A quote cannot close the attribute. */
	assert_null(strstr(p.out.p, "\" onmouseover="));
	assert_non_null(strstr(p.out.p, "&quot; onmouseover="));
	assert_non_null(
		strstr(p.out.p, "value=\"&quot;&gt;&lt;script&gt;alert(2)"));
	page_done(&p);
}

static void test_mail_templates_are_not_escaped(void **state)
{
	struct page p;

	(void)state;
	page_init(&p, "en");
	hdf_set_value(p.r.hdf, "Mail.Name", "O'Brien & <Sons>");
	hdf_set_value(p.r.hdf, "Mail.Link", "http://x/confirm?t=a&b=c");
	assert_int_equal(view_render_to(&p.r, "mail/unit-hostile.cs", &p.out),
			 0);
	assert_non_null(strstr(p.out.p, "Dear O'Brien & <Sons>,"));
	assert_non_null(strstr(p.out.p, "http://x/confirm?t=a&b=c"));
	assert_null(strstr(p.out.p, "&amp;"));
	assert_non_null(strstr(p.out.p, "ZSOG border services"));
	page_done(&p);
	/* and the HTML templates are still escaped after a mail render */
	page_init(&p, "en");
	hdf_set_value(p.r.hdf, "Hostile.Text", HOSTILE_TEXT);
	assert_int_equal(view_render_to(&p.r, "test/hostile.cs", &p.out), 0);
	assert_null(strstr(p.out.p, "<script>alert"));
	page_done(&p);
}

static void test_undeclared_template_is_refused(void **state)
{
	struct page p;

	(void)state;
	page_init(&p, "en");
	assert_int_equal(view_render_to(&p.r, "layout.cs", &p.out), -1);
	assert_int_equal(view_render_to(&p.r, "../etc/passwd", &p.out), -1);
	page_done(&p);
}

static void test_error_page_names_the_problem_in_each_language(void **state)
{
	struct page p;
	const char *out, *pl_msg;

	(void)state;
	page_init(&p, "en");
	assert_int_equal(resp_error(&p.r, 404, "not_found"), 0);
	out = fake_output(&p.f);
	assert_int_equal(p.r.status, 404);
	assert_non_null(strstr(out, "Status: 404 Not Found\r\n"));
	assert_non_null(
		strstr(out, "Content-Type: text/html; charset=utf-8\r\n"));
	assert_non_null(strstr(out, "Cache-Control: no-store\r\n"));
	assert_non_null(strstr(out, "Page not found"));
	/* The blank lines template directives leave are not sent. */
	assert_non_null(strstr(out, "\r\n\r\n<!DOCTYPE html>"));
	page_done(&p);

	pl_msg = view_text_lang("pl", "err.not_found");
	assert_string_not_equal(pl_msg, "err.not_found");
	assert_string_not_equal(pl_msg, view_text_lang("en", "err.not_found"));
	page_init(&p, "pl");
	assert_int_equal(resp_error(&p.r, 404, "not_found"), 0);
	out = fake_output(&p.f);
	assert_non_null(strstr(out, pl_msg));
	page_done(&p);
}

static void test_every_core_error_key_has_both_languages(void **state)
{
	static const char *const keys[] = {
		"not_found",
		"method",
		"internal",
		"unavailable",
		"encoding",
		"utf8",
		"too_many_fields",
		"too_large",
		"media_type",
		"malformed",
		"csrf",
		"role",
		"signin_required",
		"session_expired",
		"forbidden",
		"required",
		"too_long",
		"one_line",
		"invalid",
	};
	char k[64];

	(void)state;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		snprintf(k, sizeof(k), "err.%s", keys[i]);
		if (!view_has_text("pl", k) || !view_has_text("en", k))
			fail_msg("%s lacks a message in pl or en", k);
	}
}

/* A key without a dot is a message under L.err (as struct param's err);
 * a missing one is never shown as its key. */
static void test_text_keys_resolve_one_way_and_never_show_raw(void **state)
{
	struct page p;

	(void)state;
	assert_string_equal(view_text_lang("en", "required"),
			    view_text_lang("en", "err.required"));
	assert_string_equal(view_text_lang("en", "ingest_value"),
			    view_text_lang("en", "err.ingest_value"));
	assert_true(view_has_text("pl", "ingest_period"));
	assert_string_equal(view_text_lang("en", "no_such_message"), "");
	assert_string_equal(view_text_lang("en", "no.such.key"), "");
	page_init(&p, "en");
	view_field_error(&p.r, "q", "ingest_value");
	assert_string_equal(hdf_get_value(p.r.hdf, "Form.q.Error", ""),
			    view_text_lang("en", "err.ingest_value"));
	/* a missing message still says the value is wrong */
	view_field_error(&p.r, "x", "no_such_message");
	assert_string_equal(hdf_get_value(p.r.hdf, "Form.x.Error", ""),
			    view_text_lang("en", "err.invalid"));
	page_done(&p);
}

static void test_plural_forms_by_language(void **state)
{
	static const struct {
		long long n;
		const char *pl, *en;
	} cases[] = {
		{ 0, "many", "many" },	 { 1, "one", "one" },
		{ 2, "few", "many" },	 { 3, "few", "many" },
		{ 4, "few", "many" },	 { 5, "many", "many" },
		{ 11, "many", "many" },	 { 12, "many", "many" },
		{ 13, "many", "many" },	 { 14, "many", "many" },
		{ 21, "many", "many" },	 { 22, "few", "many" },
		{ 23, "few", "many" },	 { 24, "few", "many" },
		{ 25, "many", "many" },	 { 101, "many", "many" },
		{ 102, "few", "many" },	 { 112, "many", "many" },
		{ 113, "many", "many" }, { 114, "many", "many" },
		{ 122, "few", "many" },	 { 240, "many", "many" },
		{ 1002, "few", "many" }, { -2, "few", "many" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (strcmp(view_plural_form("pl", cases[i].n), cases[i].pl))
			fail_msg("pl %lld: %s", cases[i].n,
				 view_plural_form("pl", cases[i].n));
		if (strcmp(view_plural_form("en", cases[i].n), cases[i].en))
			fail_msg("en %lld: %s", cases[i].n,
				 view_plural_form("en", cases[i].n));
	}
}

static void render_words(const char *lang, const char *n, const char *t,
			 const char *c, char *out, size_t outsz)
{
	struct page p;

	page_init(&p, lang);
	hdf_set_value(p.r.hdf, "N", n);
	hdf_set_value(p.r.hdf, "T", t);
	hdf_set_value(p.r.hdf, "C", c);
	assert_int_equal(view_render_to(&p.r, "test/words.cs", &p.out), 0);
	snprintf(out, outsz, "%s", p.out.p);
	page_done(&p);
}

static void test_templates_count_in_words(void **state)
{
	char out[512];

	(void)state;
	render_words("pl", "1", "", "", out, sizeof(out));
	assert_non_null(strstr(out, "<p id=\"n\">1 minuta</p>"));
	render_words("pl", "3", "", "", out, sizeof(out));
	assert_non_null(strstr(out, "<p id=\"n\">3 minuty</p>"));
	render_words("pl", "12", "", "", out, sizeof(out));
	assert_non_null(strstr(out, "<p id=\"n\">12 minut</p>"));
	render_words("pl", "22", "", "", out, sizeof(out));
	assert_non_null(strstr(out, "<p id=\"n\">22 minuty</p>"));
	render_words("pl", "120", "", "", out, sizeof(out));
	assert_non_null(strstr(out, "<p id=\"n\">120 minut</p>"));
	render_words("en", "1", "", "", out, sizeof(out));
	assert_non_null(strstr(out, "<p id=\"n\">1 minute</p>"));
	render_words("en", "60", "", "", out, sizeof(out));
	assert_non_null(strstr(out, "<p id=\"n\">60 minutes</p>"));
}

static void test_utc_times_show_in_warsaw_time(void **state)
{
	char out[512], b[32];

	(void)state;
	/* winter: +1 h; summer: +2 h; the night of the switch */
	assert_int_equal(view_local_time("2026-01-07 09:00:00", b, sizeof(b)),
			 0);
	assert_string_equal(b, "2026-01-07 10:00:00");
	assert_int_equal(view_local_time("2026-07-01 22:30", b, sizeof(b)), 0);
	assert_string_equal(b, "2026-07-02 00:30");
	assert_int_equal(view_local_time("2026-03-29 00:59:59", b, sizeof(b)),
			 0);
	assert_string_equal(b, "2026-03-29 01:59:59");
	assert_int_equal(view_local_time("2026-03-29 01:00:00", b, sizeof(b)),
			 0);
	assert_string_equal(b, "2026-03-29 03:00:00");
	assert_int_equal(view_local_time("2026-10-25 00:30:00", b, sizeof(b)),
			 0);
	assert_string_equal(b, "2026-10-25 02:30:00");
	assert_int_equal(view_local_time("2026-10-25 01:30:00", b, sizeof(b)),
			 0);
	assert_string_equal(b, "2026-10-25 02:30:00");
	/* fractions and the ISO form */
	assert_int_equal(
		view_local_time("2026-12-31 23:59:59.123456", b, sizeof(b)), 0);
	assert_string_equal(b, "2027-01-01 00:59:59");
	assert_int_equal(
		view_local_time("2026-12-01T19:49:25.001Z", b, sizeof(b)), 0);
	assert_string_equal(b, "2026-12-01 20:49:25");
	/* not a time: left alone by the template function */
	assert_int_equal(view_local_time("2026-01-07", b, sizeof(b)), -1);
	assert_int_equal(view_local_time("x", b, sizeof(b)), -1);
	assert_int_equal(view_local_time("2026-13-01 10:00", b, sizeof(b)), -1);
	render_words("pl", "1", "2026-07-01 22:30:05", "DE", out, sizeof(out));
	assert_non_null(strstr(out, "<p id=\"t\">2026-07-02 00:30:05</p>"));
	assert_non_null(strstr(out, "<p id=\"c\">Niemcy</p>"));
	render_words("en", "1", "2026-01-07", "DE", out, sizeof(out));
	assert_non_null(strstr(out, "<p id=\"t\">2026-01-07</p>"));
	assert_non_null(strstr(out, "<p id=\"c\">Germany</p>"));
}

static void test_json_error_escapes_and_lists_fields(void **state)
{
	struct page p;
	const char *out;

	(void)state;
	page_init(&p, "en");
	p.r.want_json = 1;
	hdf_set_value(p.r.hdf, "Form.email.Error", "bad <\"x\"> & \\");
	hdf_set_value(p.r.hdf, "Form.name", "no error here");
	assert_int_equal(view_render(&p.r, 422, "test/hostile.cs"), 0);
	out = fake_output(&p.f);
	assert_non_null(strstr(out, "Content-Type: application/json\r\n"));
	assert_non_null(
		strstr(out, "{\"status\":422,\"error\":\"invalid_fields\""));
	assert_non_null(strstr(
		out,
		"\"fields\":{\"email\":\"bad \\u003c\\\"x\\\"\\u003e \\u0026 \\\\\"}"));
	assert_null(strstr(out, "\"name\""));
	page_done(&p);
}

static void test_head_sends_headers_without_body(void **state)
{
	struct page p;
	const char *out;

	(void)state;
	page_init(&p, "en");
	p.r.method = "HEAD";
	assert_int_equal(resp_error(&p.r, 404, "not_found"), 0);
	out = fake_output(&p.f);
	assert_non_null(strstr(out, "Status: 404"));
	assert_null(strstr(out, "<!DOCTYPE"));
	page_done(&p);
}

static void test_response_is_sent_once(void **state)
{
	struct page p;

	(void)state;
	page_init(&p, "en");
	assert_int_equal(resp_send(&p.r, 200, "text/plain", "a", 1), 0);
	assert_int_equal(resp_send(&p.r, 500, "text/plain", "b", 1), -1);
	assert_int_equal(p.r.status, 200);
	page_done(&p);
}

static void test_headers_and_cookies_refuse_line_breaks(void **state)
{
	struct page p;

	(void)state;
	page_init(&p, "en");
	resp_header(&p.r, "X-A", "ok");
	resp_header(&p.r, "X-B", "evil\r\nSet-Cookie: a=b");
	resp_cookie(&p.r, "c", "v;Path=/x", "/", -1);
	resp_cookie(&p.r, "d", "1", "/", 60);
	assert_non_null(strstr(p.r.headers.p, "X-A: ok\r\n"));
	assert_null(strstr(p.r.headers.p, "evil"));
	assert_null(strstr(p.r.headers.p, "c="));
	assert_non_null(strstr(
		p.r.headers.p,
		"Set-Cookie: d=1; Path=/; Max-Age=60; HttpOnly; SameSite=Lax\r\n"));
	assert_null(strstr(p.r.headers.p, "Secure"));
	page_done(&p);
	page_init(&p, "en");
	p.r.secure = 1;
	resp_cookie(&p.r, "d", "1", "/", -1);
	assert_non_null(
		strstr(p.r.headers.p, "HttpOnly; SameSite=Lax; Secure\r\n"));
	page_done(&p);
}

static void test_safe_next_only_local_paths(void **state)
{
	(void)state;
	assert_true(resp_safe_next("/portal/account"));
	assert_true(resp_safe_next("/"));
	assert_false(resp_safe_next(NULL));
	assert_false(resp_safe_next(""));
	assert_false(resp_safe_next("//evil.example/"));
	assert_false(resp_safe_next("/\\evil.example"));
	assert_false(resp_safe_next("https://evil.example/"));
	assert_false(resp_safe_next("javascript:alert(1)"));
	assert_false(resp_safe_next("/a\r\nSet-Cookie: x=1"));
	assert_false(resp_safe_next("/a\\b"));
}

static void test_language_pick_order(void **state)
{
	static const char *const al_en[] = {
		"HTTP_ACCEPT_LANGUAGE=en-GB,en;q=0.9,pl;q=0.5", NULL
	};
	static const char *const al_pl[] = {
		"HTTP_ACCEPT_LANGUAGE=pl-PL,pl;q=0.9,en;q=0.5", NULL
	};
	static const char *const al_de[] = { "HTTP_ACCEPT_LANGUAGE=de", NULL };
	struct field q = { "lang", "en", 2, NULL };
	struct field bad = { "lang", "xx", 2, NULL };
	struct page p;

	(void)state;
	page_init(&p, "pl");
	fake_init(&p.f, al_en, "", 0);
	assert_string_equal(view_pick_lang(&p.r), "en");
	fake_init(&p.f, al_pl, "", 0);
	assert_string_equal(view_pick_lang(&p.r), "pl");
	fake_init(&p.f, al_de, "", 0);
	assert_string_equal(view_pick_lang(&p.r), "pl");
	/* the cookie wins over Accept-Language */
	p.r.cookie_hdr = "lang=en";
	fake_init(&p.f, al_pl, "", 0);
	assert_string_equal(view_pick_lang(&p.r), "en");
	/* ?lang= wins over both and is remembered */
	p.r.cookie_hdr = "lang=en";
	p.r.qfields = &q;
	p.r.nq = 1;
	q.value = "pl";
	assert_string_equal(view_pick_lang(&p.r), "pl");
	assert_non_null(strstr(p.r.headers.p, "Set-Cookie: lang=pl;"));
	/* an unknown value is ignored */
	p.r.qfields = &bad;
	p.r.cookie_hdr = "lang=xx";
	fake_init(&p.f, al_de, "", 0);
	assert_string_equal(view_pick_lang(&p.r), "pl");
	page_done(&p);
}

/* A part for a shared cache holds the page's content and none of its
 * reader: no name, no CSRF token; the frame drawn around it later is the
 * next reader's, with the title the page set, still escaped. */
static void test_part_has_no_reader_and_frame_is_the_next_readers(void **state)
{
	struct page a, b;
	struct buf meta = { 0 };
	const char *out;

	(void)state;
	page_init(&a, "en");
	hdf_set_value(a.r.hdf, "Session.Name", "Officer Alpha");
	hdf_set_value(a.r.hdf, "Page.Csrf", "token-of-alpha");
	hdf_set_value(a.r.hdf, "Hostile.Title", HOSTILE_TEXT);
	hdf_set_value(a.r.hdf, "Hostile.Text", "figures");
	hdf_set_value(a.r.hdf, "Page.Print", "1");
	assert_int_equal(
		view_render_part(&a.r, "test/hostile.cs", &a.out, &meta), 0);
	assert_non_null(strstr(a.out.p, "<p id=\"text\">figures</p>"));
	assert_null(strstr(a.out.p, "Officer Alpha"));
	assert_null(strstr(a.out.p, "token-of-alpha"));
	assert_null(strstr(a.out.p, "<!DOCTYPE"));
	assert_null(hdf_get_value(a.r.hdf, "Page.Part", NULL));
	assert_string_equal(meta.p, "Title=" HOSTILE_TEXT "\nPrint=1\n");

	page_init(&b, "en");
	hdf_set_value(b.r.hdf, "Session.Name", "Officer Beta");
	hdf_set_value(b.r.hdf, "Page.Csrf", "token-of-beta");
	assert_int_equal(view_render_framed(&b.r, 200, a.out.p, meta.p), 0);
	out = fake_output(&b.f);
	assert_non_null(strstr(out, "Status: 200 OK\r\n"));
	assert_non_null(strstr(out, "<!DOCTYPE html>"));
	assert_non_null(strstr(out, "<p id=\"text\">figures</p>"));
	assert_null(strstr(out, "Officer Alpha"));
	assert_null(strstr(out, "token-of-alpha"));
	/* a print view: no account links in the frame */
	assert_null(strstr(out, "Officer Beta"));
	assert_non_null(strstr(out, "print-view"));
	assert_null(strstr(out, "</title><script>"));
	assert_non_null(strstr(out, "<title>&lt;/title&gt;&lt;script&gt;"));
	buf_free(&meta);

	/* not a print view: the frame names the reader and has their token */
	page_done(&b);
	page_init(&b, "en");
	hdf_set_value(b.r.hdf, "Session.Name", "Officer Beta");
	hdf_set_value(b.r.hdf, "Page.Csrf", "token-of-beta");
	assert_int_equal(view_render_framed(&b.r, 200, a.out.p, "Css=x.css\n"),
			 0);
	out = fake_output(&b.f);
	assert_non_null(strstr(out, "Officer Beta"));
	assert_non_null(strstr(out, "value=\"token-of-beta\""));
	assert_non_null(strstr(out, "href=\"/static/x.css\""));
	assert_non_null(strstr(out, "<p id=\"text\">figures</p>"));
	page_done(&a);
	page_done(&b);
}

/* The kept part goes out byte for byte where part.cs puts it, once, and
 * Content-Length counts the whole answer: a part that itself holds the
 * frame's mark, and a reader whose name is the mark, change nothing. */
static void test_framed_part_is_sent_as_it_is(void **state)
{
	static const char part[] = "<p>before <!--zsog:part--> after</p>\n";
	struct page b;
	const char *out, *body, *cl;

	(void)state;
	page_init(&b, "en");
	hdf_set_value(b.r.hdf, "Session.Name", "<!--zsog:part-->");
	hdf_set_value(b.r.hdf, "Page.Csrf", "token-of-beta");
	assert_int_equal(view_render_framed(&b.r, 200, part, "Title=T\n"), 0);
	out = fake_output(&b.f);
	body = strstr(out, "\r\n\r\n");
	assert_non_null(body);
	body += 4;
	assert_non_null(strstr(body, "&lt;!--zsog:part--&gt;"));
	assert_non_null(strstr(body, part));
	assert_null(strstr(strstr(body, part) + 1, part));
	assert_int_equal(strncmp(body, "<!DOCTYPE html>", 15), 0);
	assert_non_null(strstr(body, "</html>"));
	cl = strstr(out, "Content-Length: ");
	assert_non_null(cl);
	assert_int_equal(strtoul(cl + 16, NULL, 10), strlen(body));
	page_done(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			test_hostile_values_are_escaped_in_text_title_and_attribute),
		cmocka_unit_test(test_mail_templates_are_not_escaped),
		cmocka_unit_test(test_undeclared_template_is_refused),
		cmocka_unit_test(
			test_error_page_names_the_problem_in_each_language),
		cmocka_unit_test(test_every_core_error_key_has_both_languages),
		cmocka_unit_test(
			test_text_keys_resolve_one_way_and_never_show_raw),
		cmocka_unit_test(test_plural_forms_by_language),
		cmocka_unit_test(test_templates_count_in_words),
		cmocka_unit_test(test_utc_times_show_in_warsaw_time),
		cmocka_unit_test(test_json_error_escapes_and_lists_fields),
		cmocka_unit_test(test_head_sends_headers_without_body),
		cmocka_unit_test(test_response_is_sent_once),
		cmocka_unit_test(test_headers_and_cookies_refuse_line_breaks),
		cmocka_unit_test(test_safe_next_only_local_paths),
		cmocka_unit_test(test_language_pick_order),
		cmocka_unit_test(test_framed_part_is_sent_as_it_is),
		cmocka_unit_test(
			test_part_has_no_reader_and_frame_is_the_next_readers),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
