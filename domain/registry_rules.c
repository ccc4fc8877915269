/* registry_rules.c: the registry's rules that need no database: the
 * approval state machine's decisions, what a person or company may do by
 * its status, ID SISC and EORI numbers, which office handles a
 * registration (tests/unit/test-registry.c) */
#include "registry_akcr.h"
#include "registry_apps.h"
#include "registry_records.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const verdict_keys[APP__MAX] = {
	"",		      /* APP_OK */
	"not_found",	      /* APP_NOT_FOUND */
	"ec_own_application", /* APP_OWN */
	"ec_not_open",	      /* APP_NOT_OPEN */
	"ec_taken",	      /* APP_TAKEN */
	"ec_eori_taken",      /* APP_EORI_TAKEN */
	"ec_not_active",      /* APP_NOT_ACTIVE */
	"ec_change_pending",  /* APP_PENDING */
};

const char *app_verdict_key(enum app_verdict v)
{
	return v >= 0 && v < APP__MAX ? verdict_keys[v] : "";
}

int app_for_company(const char *kind)
{
	static const char *const kinds[] = {
		"company_update",
		"company_deactivation",
		"akcr",
		NULL,
	};

	for (const char *const *k = kinds; kind && *k; k++)
		if (strcmp(*k, kind) == 0)
			return 1;
	return 0;
}

int app_is_open(const struct app *a)
{
	return a->status && (strcmp(a->status, "submitted") == 0 ||
			     strcmp(a->status, "under_review") == 0);
}

/* E-mail addresses are ASCII (valid_email) and the database compares
 * them ignoring case: so does this. */
static int same_email(const char *a, const char *b)
{
	return a && b && *a && strcasecmp(a, b) == 0;
}

int app_is_own(const struct app *a, const struct registry_actor *officer)
{
	return same_email(officer->email, a->account_email) ||
	       same_email(officer->email, a->person_email);
}

int app_is_mine(const struct app *a, const struct registry_actor *officer)
{
	return app_is_open(a) && a->assigned_to &&
	       a->assigned_to == officer->id;
}

enum app_verdict app_may_take(const struct app *a,
			      const struct registry_actor *officer)
{
	if (app_is_own(a, officer))
		return APP_OWN;
	if (!app_is_open(a))
		return APP_NOT_OPEN;
	if (a->assigned_to && a->assigned_to != officer->id)
		return APP_TAKEN;
	return APP_OK;
}

enum app_verdict app_may_decide(const struct app *a,
				const struct registry_actor *officer)
{
	/* Deciding needs no taking first, but someone else's taken
	 * application is theirs: the same conditions as taking. */
	return app_may_take(a, officer);
}

/* Luhn over 10 digits: the rightmost digit doubled, then every second
 * leftwards; the check digit makes the sum a multiple of 10. */
static int luhn10(const char digits[11])
{
	int sum = 0, i;

	for (i = 0; i < 10; i++) {
		int d = digits[9 - i] - '0';

		if (i % 2 == 0) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return (10 - sum % 10) % 10;
}

int registry_sisc(char kind, long long n, char out[15])
{
	char digits[11];

	if ((kind != 'P' && kind != 'C') || n < 0 || n > 9999999999LL)
		return -1;
	snprintf(digits, sizeof(digits), "%010lld", n);
	snprintf(out, 15, "PL%c%s%d", kind, digits, luhn10(digits));
	return 0;
}

/* The length of an EU excise number (two letters of the Member State and
 * 11 characters), digits only so that the check digit catches a mistyped
 * one, as ID SISC's does. */
int registry_akcr_number(long long n, char out[14])
{
	char digits[11];

	if (n < 0 || n > 9999999999LL)
		return -1;
	snprintf(digits, sizeof(digits), "%010lld", n);
	snprintf(out, 14, "PL%s%d", digits, luhn10(digits));
	return 0;
}

int registry_eori_from_seq(long long n, char out[18])
{
	if (n < 0 || n > 99999999999999LL)
		return -1;
	snprintf(out, 18, "PL%014lldZ", n);
	return 0;
}

const char *app_subject_entity(const char *kind)
{
	return kind && (strcmp(kind, "person") == 0 ||
			strcmp(kind, "person_update") == 0)
		       ? "person"
		       : "company";
}

int app_kind_known(const char *kind)
{
	static const char *const kinds[] = {
		"person",
		"person_update",
		"company",
		"company_update",
		"company_deactivation",
		"representation_poa",
		"akcr",
		NULL,
	};
	size_t i;

	for (i = 0; kind && kinds[i]; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return 1;
	return 0;
}

int registry_person_may_submit(const char *status)
{
	return !status || strcmp(status, "rejected") == 0;
}

int registry_person_is_approved(const char *status)
{
	return status && strcmp(status, "approved") == 0;
}

int registry_company_is_active(const char *status)
{
	return status && strcmp(status, "approved") == 0;
}

const char *registry_cert_refusal(const char *status, const char *id_sisc,
				  const char *scope)
{
	if (!status)
		return "no_person";
	if (!registry_person_is_approved(status) || !id_sisc)
		return "not_approved";
	/* Signing messages is the extended scope's (docs/certificates.md). */
	if (!scope || strcmp(scope, "extended") != 0)
		return "basic_scope";
	return NULL;
}
