/* test-registry.c: cmocka tests for the registry's rules that need no
 * database: registry_grant_verdict, who may grant what (docs/ecustomer.md
 * "Who may grant what"); the approval state machine (who may take and
 * decide an application); what a person or company may do by its status;
 * ID SISC and EORI numbers; which office handles a registration. The
 * database side is covered by tests/http/test_ecustomer_*.py */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "registry.h"
#include "registry_akcr.h"
#include "registry_apps.h"
#include "registry_records.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const all[] = { "ebt_book",	  "ebt_view",  "company_update",
				   "reps_manage", "reps_view", "declare",
				   "xml_exchange" };

static struct registry_held holding(const char *const *codes, int n, int admin)
{
	struct registry_held h;

	memset(&h, 0, sizeof(h));
	for (int i = 0; i < n; i++)
		snprintf(h.code[h.n++], sizeof(h.code[0]), "%s", codes[i]);
	h.admin = admin;
	return h;
}

/* The review's case: the agency's administrator gave Ela these four. */
static const char *const ela_holds[] = { "ebt_book", "ebt_view", "reps_manage",
					 "company_update" };

static void test_administrator_grants_anything_to_others(void **state)
{
	struct registry_held h = holding(all, N(all), 1);
	const char *which;

	(void)state;
	assert_int_equal(
		registry_grant_verdict(&h, 100, 7, all, N(all), &which),
		GRANT_OK);
	assert_null(which);
	/* A company (an agency) as the representative. */
	assert_int_equal(
		registry_grant_verdict(&h, 100, 0, all, N(all), &which),
		GRANT_OK);
}

static void test_nobody_grants_to_herself(void **state)
{
	struct registry_held admin = holding(all, N(all), 1);
	struct registry_held ela = holding(ela_holds, N(ela_holds), 0);
	const char *view[] = { "ebt_view" }, *which = "x";

	(void)state;
	assert_int_equal(
		registry_grant_verdict(&ela, 5, 5, all, N(all), &which),
		GRANT_SELF);
	assert_null(which);
	/* Even what she holds, even an administrator: someone else widens
	 * or prolongs one's own representation. */
	assert_int_equal(registry_grant_verdict(&ela, 5, 5, view, 1, &which),
			 GRANT_SELF);
	assert_int_equal(registry_grant_verdict(&admin, 5, 5, view, 1, &which),
			 GRANT_SELF);
}

static void test_only_what_the_granter_holds(void **state)
{
	struct registry_held ela = holding(ela_holds, N(ela_holds), 0);
	const char *soap[] = { "ebt_view", "xml_exchange" };
	const char *fine[] = { "ebt_view", "company_update" }, *which;

	(void)state;
	assert_int_equal(registry_grant_verdict(&ela, 5, 6, soap, 2, &which),
			 GRANT_NOT_HELD);
	assert_string_equal(which, "xml_exchange");
	assert_int_equal(
		registry_grant_verdict(&ela, 5, 6, all, N(all), &which),
		GRANT_NOT_HELD);
	assert_string_equal(which, "reps_view");
	assert_int_equal(registry_grant_verdict(&ela, 5, 0, soap, 2, &which),
			 GRANT_NOT_HELD);
	assert_int_equal(registry_grant_verdict(&ela, 5, 6, fine, 2, &which),
			 GRANT_OK);
}

static void test_reps_manage_only_from_an_administrator(void **state)
{
	struct registry_held ela = holding(ela_holds, N(ela_holds), 0);
	struct registry_held nothing = holding(NULL, 0, 0);
	const char *mgr[] = { "ebt_book", "reps_manage" }, *which;

	(void)state;
	assert_int_equal(registry_grant_verdict(&ela, 5, 6, mgr, 2, &which),
			 GRANT_ADMIN_ONLY);
	assert_string_equal(which, "reps_manage");
	/* Lacking it altogether is the first reason given. */
	assert_int_equal(registry_grant_verdict(&nothing, 5, 6, mgr, 2, &which),
			 GRANT_NOT_HELD);
	assert_string_equal(which, "ebt_book");
}

static void test_ending_is_judged_like_granting(void **state)
{
	/* rep_person 0: may she end a representation holding these? */
	struct registry_held ela = holding(ela_holds, N(ela_holds), 0);
	const char *admins[] = { "reps_manage", "ebt_book" };
	const char *jans[] = { "ebt_book", "ebt_view", "xml_exchange" };
	const char *which;

	(void)state;
	assert_int_equal(
		registry_grant_verdict(&ela, 5, 0, all, N(all), &which),
		GRANT_NOT_HELD);
	assert_int_equal(registry_grant_verdict(&ela, 5, 0, admins, 2, &which),
			 GRANT_ADMIN_ONLY);
	assert_int_equal(registry_grant_verdict(&ela, 5, 0, jans, 3, &which),
			 GRANT_NOT_HELD);
	assert_int_equal(registry_grant_verdict(&ela, 5, 0, jans, 2, &which),
			 GRANT_OK);
}

/* ---- the approval state machine ---- */

static const struct registry_actor officer = { 7, "Anna Urzędniczka",
					       "anna.u@skr.demo.zsog.pl" };

static struct app application(const char *status, long long assigned)
{
	struct app a = { 0 };

	a.id = 100;
	a.kind = "person";
	a.subject_id = 5;
	a.submitted_by = 42;
	a.status = status;
	a.assigned_to = assigned;
	a.account_email = "maria@example.com";
	a.person_email = "maria.l@example.com";
	return a;
}

static void test_open_is_submitted_or_under_review(void **state)
{
	const char *open[] = { "submitted", "under_review" };
	const char *closed[] = { "approved", "rejected", "", "SUBMITTED" };
	struct app a;

	(void)state;
	for (int i = 0; i < N(open); i++) {
		a = application(open[i], 0);
		assert_true(app_is_open(&a));
	}
	for (int i = 0; i < N(closed); i++) {
		a = application(closed[i], 0);
		assert_false(app_is_open(&a));
	}
	a = application(NULL, 0);
	assert_false(app_is_open(&a));
}

static void test_any_officer_takes_and_decides_a_free_open_one(void **state)
{
	struct app a = application("submitted", 0);

	(void)state;
	assert_int_equal(app_may_take(&a, &officer), APP_OK);
	assert_int_equal(app_may_decide(&a, &officer), APP_OK);
	assert_false(app_is_mine(&a, &officer));
	a = application("under_review", 0);
	assert_int_equal(app_may_decide(&a, &officer), APP_OK);
}

static void test_a_taken_one_is_its_officers(void **state)
{
	struct app a = application("under_review", 7);
	struct registry_actor other = { 8, "Inny", "inny@skr.demo.zsog.pl" };

	(void)state;
	assert_true(app_is_mine(&a, &officer));
	assert_int_equal(app_may_take(&a, &officer), APP_OK);
	assert_int_equal(app_may_decide(&a, &officer), APP_OK);
	assert_false(app_is_mine(&a, &other));
	assert_int_equal(app_may_take(&a, &other), APP_TAKEN);
	assert_int_equal(app_may_decide(&a, &other), APP_TAKEN);
}

static void test_a_decided_one_is_closed_to_everyone(void **state)
{
	struct app a = application("approved", 7);

	(void)state;
	assert_int_equal(app_may_take(&a, &officer), APP_NOT_OPEN);
	assert_int_equal(app_may_decide(&a, &officer), APP_NOT_OPEN);
	/* Assigned to her, but decided: nothing left that is hers to do. */
	assert_false(app_is_mine(&a, &officer));
	a = application("rejected", 0);
	assert_int_equal(app_may_decide(&a, &officer), APP_NOT_OPEN);
}

static void test_an_officer_cannot_decide_her_own(void **state)
{
	struct app a = application("submitted", 0);
	struct registry_actor own = { 9, "Maria", "MARIA@example.com" };

	(void)state;
	/* By the account's e-mail, ignoring case as the database does. */
	assert_true(app_is_own(&a, &own));
	assert_int_equal(app_may_take(&a, &own), APP_OWN);
	assert_int_equal(app_may_decide(&a, &own), APP_OWN);
	/* By the person's e-mail. */
	own.email = "maria.l@example.com";
	assert_int_equal(app_may_decide(&a, &own), APP_OWN);
	/* Own comes first: even taken by her, even decided. */
	a = application("under_review", 9);
	assert_int_equal(app_may_decide(&a, &own), APP_OWN);
	a = application("approved", 0);
	assert_int_equal(app_may_take(&a, &own), APP_OWN);
	/* A submitter without a person yet; an officer without an e-mail
	 * owns nothing. */
	a = application("submitted", 0);
	a.person_email = NULL;
	assert_int_equal(app_may_decide(&a, &own), APP_OK);
	own.email = "";
	a.account_email = "";
	assert_false(app_is_own(&a, &own));
}

static void test_every_refusal_has_a_message(void **state)
{
	(void)state;
	assert_string_equal(app_verdict_key(APP_OK), "");
	assert_string_equal(app_verdict_key(APP_OWN), "ec_own_application");
	assert_string_equal(app_verdict_key(APP_NOT_OPEN), "ec_not_open");
	assert_string_equal(app_verdict_key(APP_TAKEN), "ec_taken");
	assert_string_equal(app_verdict_key(APP_EORI_TAKEN), "ec_eori_taken");
	assert_string_equal(app_verdict_key(APP_NOT_ACTIVE), "ec_not_active");
	assert_string_equal(app_verdict_key(APP_NOT_FOUND), "not_found");
	assert_string_equal(app_verdict_key(APP__MAX), "");
}

/* ---- persons and companies by status ---- */

static void test_what_a_status_allows(void **state)
{
	(void)state;
	assert_true(registry_person_may_submit(NULL));
	assert_true(registry_person_may_submit("rejected"));
	assert_false(registry_person_may_submit("submitted"));
	assert_false(registry_person_may_submit("under_review"));
	assert_false(registry_person_may_submit("approved"));
	assert_true(registry_person_is_approved("approved"));
	assert_false(registry_person_is_approved("under_review"));
	assert_false(registry_person_is_approved(NULL));
	assert_true(registry_company_is_active("approved"));
	assert_false(registry_company_is_active("deactivated"));
	assert_false(registry_company_is_active("submitted"));
	assert_false(registry_company_is_active(NULL));
}

static void test_who_may_ask_for_a_certificate(void **state)
{
	(void)state;
	assert_null(registry_cert_refusal("approved", "PLP00000000018",
					  "extended"));
	assert_string_equal(registry_cert_refusal(NULL, NULL, NULL),
			    "no_person");
	assert_string_equal(
		registry_cert_refusal("under_review", NULL, "extended"),
		"not_approved");
	assert_string_equal(registry_cert_refusal("approved", NULL, "extended"),
			    "not_approved");
	assert_string_equal(
		registry_cert_refusal("approved", "PLP00000000018", "basic"),
		"basic_scope");
}

/* ---- numbers ---- */

static void test_id_sisc(void **state)
{
	char out[15];

	(void)state;
	/* docs/ecustomer.md's example: the first person. */
	assert_int_equal(registry_sisc('P', 1, out), 0);
	assert_string_equal(out, "PLP00000000018");
	assert_int_equal(registry_sisc('C', 0, out), 0);
	assert_string_equal(out, "PLC00000000000");
	/* Luhn over 7992739871 gives 3 (its textbook example). */
	assert_int_equal(registry_sisc('C', 7992739871LL, out), 0);
	assert_string_equal(out, "PLC79927398713");
	assert_int_equal(registry_sisc('P', 9999999999LL, out), 0);
	assert_int_equal(strlen(out), 14);
	assert_int_equal(registry_sisc('P', 10000000000LL, out), -1);
	assert_int_equal(registry_sisc('P', -1, out), -1);
	assert_int_equal(registry_sisc('X', 1, out), -1);
}

/* Whose inbox an application's mails go to (docs/ecustomer.md, "The
 * inbox"): the company's for a matter of an approved company, else the
 * submitter's. */
static void test_app_for_company(void **state)
{
	(void)state;
	assert_true(app_for_company("company_update"));
	assert_true(app_for_company("company_deactivation"));
	assert_true(app_for_company("akcr"));
	assert_false(app_for_company("company"));
	assert_false(app_for_company("person"));
	assert_false(app_for_company("person_update"));
	assert_false(app_for_company(""));
	assert_false(app_for_company(NULL));
}

static void test_eori_from_the_sequence(void **state)
{
	char out[18];

	(void)state;
	assert_int_equal(registry_eori_from_seq(1, out), 0);
	assert_string_equal(out, "PL00000000000001Z");
	assert_int_equal(registry_eori_from_seq(-1, out), -1);
	assert_int_equal(registry_eori_from_seq(100000000000000LL, out), -1);
}

/* AKC-R numbers: "PL", 10 digits, the same Luhn digit as ID SISC's: 13
 * characters, an EU excise number's length (docs/ecustomer.md). */
static void test_akcr_number(void **state)
{
	char out[14];

	(void)state;
	assert_int_equal(registry_akcr_number(1, out), 0);
	assert_string_equal(out, "PL00000000018"); /* the demo's Trans-Pol */
	assert_int_equal(registry_akcr_number(7992739871LL, out), 0);
	assert_string_equal(out, "PL79927398713");
	assert_int_equal(registry_akcr_number(9999999999LL, out), 0);
	assert_int_equal(strlen(out), 13);
	assert_int_equal(registry_akcr_number(10000000000LL, out), -1);
	assert_int_equal(registry_akcr_number(-1, out), -1);
}

/* An application's AKC-R request as the decision reads it back. */
static void test_akcr_request(void **state)
{
	struct arena ar = { 0 };
	struct akcr_request q;

	(void)state;
	assert_int_equal(
		registry_akcr_parse(
			&ar,
			"akcr_start=2027-01-04&activity=importer&activity="
			"intermediary&p1_town=Braniewo&p1_postcode=14-500&"
			"p1_street=&p1_house_no=1&p2_town=Elbl%C4%85g&"
			"p2_postcode=82-300&p2_street=Portowa&p2_house_no=5%2F2",
			&q),
		1);
	assert_string_equal(q.start, "2027-01-04");
	assert_int_equal(q.nactivity, 2);
	assert_string_equal(q.activity[1], "intermediary");
	assert_int_equal(q.nplace, 2);
	assert_null(q.place[0].street); /* empty: none */
	assert_string_equal(q.place[1].town, "Elbląg");
	assert_string_equal(q.place[1].house_no, "5/2");
	/* A company's registration without AKC-R carries no request. */
	assert_int_equal(registry_akcr_parse(&ar, NULL, &q), 0);
	assert_int_equal(registry_akcr_parse(&ar, "name=X", &q), 0);
	assert_true(registry_akcr_is_activity("tax_warehouse"));
	assert_false(registry_akcr_is_activity("smuggler"));
	assert_false(registry_akcr_is_activity(NULL));
	arena_reset(&ar);
}

/* The kinds are a VARCHAR since 0096: this list is the only check. */
static void test_app_kinds(void **state)
{
	(void)state;
	assert_true(app_kind_known("person"));
	assert_true(app_kind_known("person_update"));
	assert_true(app_kind_known("company_update"));
	assert_true(app_kind_known("representation_poa"));
	assert_true(app_kind_known("akcr"));
	assert_false(app_kind_known("Person"));
	assert_false(app_kind_known(""));
	assert_false(app_kind_known(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_administrator_grants_anything_to_others),
		cmocka_unit_test(test_nobody_grants_to_herself),
		cmocka_unit_test(test_only_what_the_granter_holds),
		cmocka_unit_test(test_reps_manage_only_from_an_administrator),
		cmocka_unit_test(test_ending_is_judged_like_granting),
		cmocka_unit_test(test_open_is_submitted_or_under_review),
		cmocka_unit_test(
			test_any_officer_takes_and_decides_a_free_open_one),
		cmocka_unit_test(test_a_taken_one_is_its_officers),
		cmocka_unit_test(test_a_decided_one_is_closed_to_everyone),
		cmocka_unit_test(test_an_officer_cannot_decide_her_own),
		cmocka_unit_test(test_every_refusal_has_a_message),
		cmocka_unit_test(test_what_a_status_allows),
		cmocka_unit_test(test_who_may_ask_for_a_certificate),
		cmocka_unit_test(test_id_sisc),
		cmocka_unit_test(test_akcr_number),
		cmocka_unit_test(test_akcr_request),
		cmocka_unit_test(test_app_for_company),
		cmocka_unit_test(test_eori_from_the_sequence),
		cmocka_unit_test(test_app_kinds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
