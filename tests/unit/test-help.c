/* test-help.c: cmocka tests for lib/help.c: hostile Markdown comes out
 * neutralised (raw HTML left out, javascript: and data: links emptied),
 * the search folds case and Polish letters and ranks a title first, and
 * the intranet's help templates escape the snippets */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <fcntl.h>

#include "conf.h"
#include "fake-fcgi.h"
#include "help.h"
#include "view.h"

static char dir[PATH_MAX];	      /* the help files of this run */
static char conf_path[PATH_MAX + 16]; /* Paths.Templates: the repository's */

static const char *const templates[] = { "skr/help.cs", "skr/help-topic.cs",
					 NULL };

#define HOSTILE                                                                    \
	"# Hostile </title><script>alert(1)</script> page\n\n"                     \
	"<script>alert(2)</script>\n\n"                                            \
	"Text <img src=x onerror=alert(3)> inline.\n\n"                            \
	"[click](javascript:alert(4)) [data](data:text/html;base64,PHNjcmlwdD4=) " \
	"[vb](VBSCRIPT:msgbox) [ok](/skr/help/start)\n\n"                          \
	"![pic](javascript:alert(5))\n\n"                                          \
	"A `<b>code</b>` span before the word needle.\n"

static void write_file(const char *lang, const char *name, const char *text)
{
	char path[PATH_MAX * 2];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s/%s", dir, lang, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	const char *env = getenv("ZSOG_ROOT");
	char root[PATH_MAX], exe[PATH_MAX], sub[PATH_MAX * 2];
	ssize_t n;
	FILE *f;
	int fd;

	(void)state;
	if (env) {
		snprintf(root, sizeof(root), "%s", env);
	} else {
		n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		if (n < 0)
			return -1;
		exe[n] = '\0';
		snprintf(root, sizeof(root), "%s",
			 dirname(dirname(dirname(exe))));
	}
	snprintf(dir, sizeof(dir), "/tmp/zsog-test-help-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(sub, sizeof(sub), "%s/pl", dir);
	mkdir(sub, 0700);
	snprintf(sub, sizeof(sub), "%s/en", dir);
	mkdir(sub, 0700);
	write_file("en", "hostile.md", HOSTILE);
	write_file("pl", "hostile.md", HOSTILE);
	write_file("en", "start.md",
		   "# Start page\n\nAfter signing in. A ZGŁOSZENIE from Łódź "
		   "and a needle.\n");
	write_file("pl", "start.md",
		   "# Strona startowa\n\nZgłoszenie z Łodzi, zgłoszenia i "
		   "igła.\n");
	write_file("en", "needles.md", "# Needle work\n\nNothing else here.\n");
	write_file("pl", "needles.md", "# Igły\n\nNic.\n");
	write_file("en", "index.md", "# Help\n\n- [Start](/skr/help/start)\n");
	write_file("pl", "index.md", "# Pomoc\n\n- [Start](/skr/help/start)\n");
	/* Not topic names: never loaded. */
	write_file("en", "Bad_Name.md", "# Bad\n\nneedle\n");
	write_file("en", "notes.txt", "needle\n");

	snprintf(conf_path, sizeof(conf_path), "%s/zsog.hdf", dir);
	fd = open(conf_path, O_CREAT | O_WRONLY, 0600);
	if (fd < 0 || !(f = fdopen(fd, "w")))
		return -1;
	fprintf(f, "Paths.Templates = %s/templates\n", root);
	fclose(f);
	nerr_init();
	if (conf_load(conf_path) < 0 || view_init(templates) < 0)
		return -1;
	return help_load(dir);
}

static int teardown(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	help_free();
	view_free();
	conf_free();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static void test_fold(void **state)
{
	const char *in = "Łódź ZGŁOSZENIE ąĘ Müller 1-A";
	char out[64];
	size_t map[64], n;

	(void)state;
	n = help_fold(in, strlen(in), out, map);
	assert_string_equal(out, "lodz zgloszenie ae muller 1-a");
	assert_int_equal(n, strlen(out));
	/* "ó" is two bytes at offset 2; "d" follows at 4 */
	assert_int_equal(map[1], 2);
	assert_int_equal(map[2], 4);
	assert_int_equal(map[n], strlen(in));
}

static void test_raw_html_and_unsafe_links_are_neutralised(void **state)
{
	HDF *hdf;
	const char *h;

	(void)state;
	assert_int_equal(hdf_init(&hdf), STATUS_OK);
	assert_int_equal(help_topic_hdf(hdf, "Help", "en", "hostile"), 1);
	h = hdf_get_value(hdf, "Help.Html", "");
	assert_null(strstr(h, "<script"));
	assert_null(strstr(h, "</title>"));
	assert_null(strstr(h, "<img src=x"));
	assert_null(strstr(h, "onerror"));
	assert_null(strcasestr(h, "javascript:"));
	assert_null(strcasestr(h, "vbscript:"));
	assert_null(strstr(h, "data:text/html"));
	assert_non_null(strstr(h, "<!-- raw HTML omitted -->"));
	assert_non_null(strstr(h, "<a href=\"\">click</a>"));
	assert_non_null(strstr(h, "<a href=\"\">data</a>"));
	assert_non_null(strstr(h, "<img src=\"\" alt=\"pic\" />"));
	assert_non_null(strstr(h, "<a href=\"/skr/help/start\">ok</a>"));
	assert_non_null(strstr(h, "<code>&lt;b&gt;code&lt;/b&gt;</code>"));
	/* The title is the heading's text without its raw HTML. */
	assert_string_equal(hdf_get_value(hdf, "Help.Title", ""),
			    "Hostile alert(1) page");
	hdf_destroy(&hdf);
}

static void test_only_topic_names_are_loaded(void **state)
{
	(void)state;
	assert_true(help_has("en", "hostile"));
	assert_true(help_has("pl", "start"));
	assert_false(help_has("en", "Bad_Name"));
	assert_false(help_has("en", "notes"));
	assert_false(help_has("en", "../en/start"));
	assert_false(help_has("de", "start"));
	assert_false(help_has("en", NULL));
}

/* Found.N.Topic of a search, in order, joined by spaces. */
static const char *found(HDF *hdf, char *out, size_t outsz)
{
	HDF *n;

	out[0] = '\0';
	for (n = hdf_get_child(hdf, "Found"); n; n = hdf_obj_next(n)) {
		size_t len = strlen(out);

		snprintf(out + len, outsz - len, "%s%s", len ? " " : "",
			 hdf_get_value(n, "Topic", "?"));
	}
	return out;
}

static void search(const char *lang, const char *q, int want_n,
		   const char *want)
{
	char got[256];
	HDF *hdf;

	assert_int_equal(hdf_init(&hdf), STATUS_OK);
	assert_int_equal(help_search_hdf(hdf, "Found", lang, q, 10), want_n);
	assert_string_equal(found(hdf, got, sizeof(got)), want);
	hdf_destroy(&hdf);
}

static void test_search_folds_case_and_polish_letters(void **state)
{
	(void)state;
	search("pl", "zgłoszenie", 1, "start");
	search("pl", "zgloszenie", 1, "start");
	search("pl", "ZGŁOSZENIE", 1, "start");
	search("pl", "ZgLoSzEnIe", 1, "start");
	search("pl", "lodz", 1, "start");
	search("pl", "zglosz", 1, "start"); /* a word's beginning */
	search("en", "zgloszenie lodz", 1, "start");
	search("en", "zgloszenie nothing", 0, ""); /* every word must occur */
	search("pl", "xylofon", 0, "");
}

static void test_search_ranks_a_title_first_and_skips_the_index(void **state)
{
	(void)state;
	/* "needle" is in the title of needles, in the text of the others */
	search("en", "needle", 3, "needles hostile start");
	search("en", "help", 0, ""); /* only the index says it */
	assert_int_equal(help_search_hdf(NULL, "Found", "en", "a ! -", 10), -1);
	assert_int_equal(help_search_hdf(NULL, "Found", "xx", "needle", 10),
			 -1);
}

static void test_snippet_marks_the_word_as_written(void **state)
{
	HDF *hdf;

	(void)state;
	assert_int_equal(hdf_init(&hdf), STATUS_OK);
	assert_int_equal(help_search_hdf(hdf, "Found", "pl", "LODZI", 10), 1);
	assert_string_equal(hdf_get_value(hdf, "Found.0.Match", ""), "Łodzi");
	assert_string_equal(hdf_get_value(hdf, "Found.0.Before", ""),
			    "Zgłoszenie z ");
	assert_string_equal(hdf_get_value(hdf, "Found.0.After", ""),
			    ", zgłoszenia i igła.");
	assert_null(hdf_get_value(hdf, "Found.0.CutStart", NULL));
	hdf_destroy(&hdf);
}

struct page {
	struct fake_fcgi f;
	struct req r;
	struct buf out;
};

static void page_init(struct page *p)
{
	memset(p, 0, sizeof(*p));
	fake_init(&p->f, NULL, "", 0);
	p->r.fcgi = &p->f.fr;
	p->r.method = "GET";
	p->r.path = "/skr/help";
	p->r.lang = "en";
	assert_int_equal(hdf_init(&p->r.hdf), STATUS_OK);
	hdf_set_value(p->r.hdf, "Page.Lang", "en");
	hdf_set_value(p->r.hdf, "Page.Look", "intranet");
}

static void page_done(struct page *p)
{
	hdf_destroy(&p->r.hdf);
	buf_free(&p->r.headers);
	buf_free(&p->out);
	arena_reset(&p->r.arena);
	fake_free(&p->f);
}

static void test_templates_escape_snippets_and_keep_the_html(void **state)
{
	struct page p;
	const char *html;

	(void)state;
	/* The snippet quotes the code span's "<b>code</b>" as text. */
	page_init(&p);
	assert_int_equal(help_topic_hdf(p.r.hdf, "Help", "en", "index"), 1);
	hdf_set_value(p.r.hdf, "Form.q", "needle\"><script>alert(6)</script>");
	assert_int_equal(
		help_search_hdf(p.r.hdf, "Found", "en", "needle span", 10), 1);
	hdf_set_value(p.r.hdf, "Search.Done", "1");
	hdf_set_value(p.r.hdf, "Search.Count", "1");
	assert_int_equal(view_render_to(&p.r, "skr/help.cs", &p.out), 0);
	html = p.out.p;
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<b>code</b>"));
	/* the first of the words in the text is marked */
	assert_non_null(strstr(html,
			       "&lt;b&gt;code&lt;/b&gt; <mark>span</mark> "
			       "before the word needle."));
	assert_non_null(strstr(html, "<a href=\"/skr/help/hostile\">Hostile "
				     "alert(1) page</a>"));
	page_done(&p);

	/* The topic: cmark's HTML as it is, the title escaped. */
	page_init(&p);
	assert_int_equal(help_topic_hdf(p.r.hdf, "Help", "en", "hostile"), 1);
	assert_int_equal(view_render_to(&p.r, "skr/help-topic.cs", &p.out), 0);
	html = p.out.p;
	assert_null(strstr(html, "<script"));
	assert_null(strcasestr(html, "javascript:"));
	assert_non_null(strstr(html, "<title>Hostile alert(1) page · "));
	assert_non_null(strstr(html, "<h1>Hostile <!-- raw HTML omitted -->"
				     "<!-- raw HTML omitted -->"
				     "alert(1)<!-- raw HTML omitted --> page"
				     "</h1>"));
	assert_non_null(strstr(html, "<code>&lt;b&gt;code&lt;/b&gt;</code>"));
	page_done(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(
			test_raw_html_and_unsafe_links_are_neutralised),
		cmocka_unit_test(test_only_topic_names_are_loaded),
		cmocka_unit_test(test_search_folds_case_and_polish_letters),
		cmocka_unit_test(
			test_search_ranks_a_title_first_and_skips_the_index),
		cmocka_unit_test(test_snippet_marks_the_word_as_written),
		cmocka_unit_test(
			test_templates_escape_snippets_and_keep_the_html),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
