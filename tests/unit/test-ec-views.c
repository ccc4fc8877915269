/* test-ec-views.c: e-Customer's templates present what C decided and
 * derive no rule of their own: each page is rendered with a decision that
 * its data alone would not give (an open application nobody may take, a
 * rejected one offered again...), and must follow the decision */
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
#include <unistd.h>
#include <cmocka.h>

#include "conf.h"
#include "fake-fcgi.h"
#include "view.h"

static char conf_path[PATH_MAX];

static const char *const templates[] = {
	"ecustomer/skr_app.cs", "ecustomer/person.cs",	  "ecustomer/home.cs",
	"ecustomer/certs.cs",	"ecustomer/skr_certs.cs", NULL,
};

/* The repository's templates: ZSOG_ROOT, else three levels above this
 * program (build/tests/test-ec-views). */
static int setup(void **state)
{
	const char *env = getenv("ZSOG_ROOT");
	char root[PATH_MAX], exe[PATH_MAX];
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
	snprintf(conf_path, sizeof(conf_path),
		 "/tmp/zsog-test-ec-views-XXXXXX");
	fd = mkstemp(conf_path);
	if (fd < 0 || !(f = fdopen(fd, "w")))
		return -1;
	fprintf(f, "Paths.Templates = %s/templates\n", root);
	fclose(f);
	nerr_init();
	if (conf_load(conf_path) < 0)
		return -1;
	return view_init(templates) < 0 ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	view_free();
	conf_free();
	return unlink(conf_path);
}

struct page {
	struct fake_fcgi f;
	struct req r;
	struct buf out;
};

static void page_init(struct page *p, const char *service)
{
	memset(p, 0, sizeof(*p));
	fake_init(&p->f, NULL, "", 0);
	p->r.fcgi = &p->f.fr;
	p->r.method = "GET";
	p->r.path = "/";
	p->r.lang = "en";
	assert_int_equal(hdf_init(&p->r.hdf), STATUS_OK);
	hdf_set_value(p->r.hdf, "Page.Lang", "en");
	hdf_set_value(p->r.hdf, "Page.Service", service);
}

static const char *render(struct page *p, const char *tpl)
{
	buf_reset(&p->out);
	assert_int_equal(view_render_to(&p->r, tpl, &p->out), 0);
	assert_non_null(p->out.p);
	return p->out.p;
}

static void page_done(struct page *p)
{
	hdf_destroy(&p->r.hdf);
	buf_free(&p->r.headers);
	buf_free(&p->out);
	arena_reset(&p->r.arena);
	fake_free(&p->f);
}

#define TAKE "action=\"/skr/ecustomer/applications/100/take\""
#define DECIDE "action=\"/skr/ecustomer/applications/100/decide\""

static void application(struct page *p, const char *status,
			const char *assignee)
{
	page_init(p, "skr");
	hdf_set_value(p->r.hdf, "App.id", "100");
	hdf_set_value(p->r.hdf, "App.kind", "person");
	hdf_set_value(p->r.hdf, "App.status", status);
	if (assignee)
		hdf_set_value(p->r.hdf, "App.assignee", assignee);
}

static void test_office_offers_by_may_take_and_may_decide(void **state)
{
	struct page p;
	const char *html;

	(void)state;
	/* Open and nobody's, yet the rules said no (e.g. her own). */
	application(&p, "submitted", NULL);
	html = render(&p, "ecustomer/skr_app.cs");
	assert_null(strstr(html, TAKE));
	assert_null(strstr(html, DECIDE));
	/* What the rules allow, whatever the status says. */
	hdf_set_value(p.r.hdf, "App.may_take", "1");
	html = render(&p, "ecustomer/skr_app.cs");
	assert_non_null(strstr(html, TAKE));
	assert_null(strstr(html, DECIDE));
	hdf_set_value(p.r.hdf, "App.may_decide", "1");
	html = render(&p, "ecustomer/skr_app.cs");
	assert_non_null(strstr(html, DECIDE));
	page_done(&p);
	/* Taken by someone: still only the decision says. */
	application(&p, "under_review", "Katarzyna Wójcik");
	hdf_set_value(p.r.hdf, "App.may_decide", "1");
	html = render(&p, "ecustomer/skr_app.cs");
	assert_non_null(strstr(html, DECIDE));
	assert_null(strstr(html, TAKE));
	page_done(&p);
}

#define PERSON_FORM "action=\"/ecustomer/person\""

static void test_registration_form_by_may_submit(void **state)
{
	struct page p;

	(void)state;
	/* Submitted and under review: the data, no form... unless C says
	 * she may send it. */
	page_init(&p, "portal");
	hdf_set_value(p.r.hdf, "Person.status", "submitted");
	hdf_set_value(p.r.hdf, "Person.first_name", "Maria");
	assert_null(strstr(render(&p, "ecustomer/person.cs"), PERSON_FORM));
	hdf_set_value(p.r.hdf, "Person.may_submit", "1");
	assert_non_null(strstr(render(&p, "ecustomer/person.cs"), PERSON_FORM));
	page_done(&p);
	/* Rejected, but not to be sent again: no form. */
	page_init(&p, "portal");
	hdf_set_value(p.r.hdf, "Person.status", "rejected");
	assert_null(strstr(render(&p, "ecustomer/person.cs"), PERSON_FORM));
	page_done(&p);
}

#define NEW_COMPANY "href=\"/ecustomer/company/new\""

static void test_start_page_links_by_approved(void **state)
{
	struct page p;

	(void)state;
	page_init(&p, "portal");
	hdf_set_value(p.r.hdf, "Me.status", "approved");
	assert_null(strstr(render(&p, "ecustomer/home.cs"), NEW_COMPANY));
	hdf_set_value(p.r.hdf, "Me.status", "under_review");
	hdf_set_value(p.r.hdf, "Me.approved", "1");
	assert_non_null(strstr(render(&p, "ecustomer/home.cs"), NEW_COMPANY));
	page_done(&p);
}

#define REVOKE_MINE "action=\"/ecustomer/certificates/5/revoke\""
#define REVOKE_OFFICE "action=\"/skr/ecustomer/certificates/5/revoke\""

static void certificate(struct page *p, const char *service,
			const char *may_revoke)
{
	page_init(p, service);
	hdf_set_value(p->r.hdf, "Certs.May", "1");
	hdf_set_value(p->r.hdf, "Certs.Count", "1");
	hdf_set_value(p->r.hdf, "Certs.List.0.id", "5");
	hdf_set_value(p->r.hdf, "Certs.List.0.serial_hex", "0A0B");
	hdf_set_value(p->r.hdf, "Certs.List.0.expired", "0");
	hdf_set_value(p->r.hdf, "Certs.List.0.may_revoke", may_revoke);
}

static void test_revocation_offered_by_may_revoke(void **state)
{
	struct page p;

	(void)state;
	/* Neither revoked nor expired by its columns, yet not revocable. */
	certificate(&p, "portal", "0");
	assert_null(strstr(render(&p, "ecustomer/certs.cs"), REVOKE_MINE));
	page_done(&p);
	certificate(&p, "skr", "0");
	assert_null(
		strstr(render(&p, "ecustomer/skr_certs.cs"), REVOKE_OFFICE));
	page_done(&p);
	certificate(&p, "portal", "1");
	assert_non_null(strstr(render(&p, "ecustomer/certs.cs"), REVOKE_MINE));
	page_done(&p);
	certificate(&p, "skr", "1");
	assert_non_null(
		strstr(render(&p, "ecustomer/skr_certs.cs"), REVOKE_OFFICE));
	page_done(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_office_offers_by_may_take_and_may_decide),
		cmocka_unit_test(test_registration_form_by_may_submit),
		cmocka_unit_test(test_start_page_links_by_approved),
		cmocka_unit_test(test_revocation_offered_by_may_revoke),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
