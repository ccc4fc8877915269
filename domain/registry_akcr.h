/* registry_akcr.h: AKC-R, the excise register (art. 16 of the Excise Duty
 * Act), asked for in the same application as the EORI or later by a
 * registered company (docs/ecustomer.md, "AKC-R"): the activities, the
 * request an application carries, the number, and the registration as
 * the company's pages, the decision and the XML status service see it
 * (registry_akcr.c; the number in registry_rules.c) */
#ifndef ZSOG_REGISTRY_AKCR_H
#define ZSOG_REGISTRY_AKCR_H

#include <ClearSilver.h>

#include "registry_apps.h"
#include "util.h"

/* Places of activity one application names (the form's rows p1..p4). */
#define AKCR_PLACES_MAX 4

/* The excise activities one may register, as codes (NULL-ended); the
 * language files name them (L.ecustomer.akcr.activity.<code>). */
extern const char *const registry_akcr_activities[];
/* 1 when code is one of them. */
int registry_akcr_is_activity(const char *code);

/* The excise number n of the sequence: "PL", 10 digits and a Luhn check
 * digit over them (13 characters, the length of an EU excise number) into
 * out (14 bytes). 0, or -1 when n does not fit. No database. */
int registry_akcr_number(long long n, char out[14]);

struct akcr_place {
	const char *town, *postcode, *street, *house_no; /* street NULL: none */
};

/* What an application asks for: an application's payload (form-encoded:
 * akcr_start, activity repeated, p<N>_town, p<N>_postcode, p<N>_street,
 * p<N>_house_no for N = 1..AKCR_PLACES_MAX) as the decision applies it. */
struct akcr_request {
	const char *start; /* YYYY-MM-DD */
	const char *activity[16];
	int nactivity;
	struct akcr_place place[AKCR_PLACES_MAX];
	int nplace;
};

/* payload's AKC-R request into req (strings in ar): 1, 0 when it asks for
 * none (no akcr_start; also a NULL payload), -1. */
int registry_akcr_parse(struct arena *ar, const char *payload,
			struct akcr_request *req);
/* req as prefix.start, prefix.Activity.N.code, prefix.Place.N.{town,
 * postcode, street, house_no}. */
void registry_akcr_request_hdf(HDF *hdf, const char *prefix,
			       const struct akcr_request *req);

/* The company's registration as prefix.0.{number, status, start_date,
 * approved_at, ended_at}, prefix.0.Activity.N.code and prefix.0.Place.N.*:
 * 1 registered (active or ended), 0 none, -1. */
int registry_akcr_picture(HDF *hdf, const char *prefix, long long company);
/* The same as a request (the change form starts from it): 1, 0, -1. */
int registry_akcr_current(struct arena *ar, long long company,
			  struct akcr_request *req, const char **status);
/* 1 when an akcr application of the company waits for the office, 0, -1. */
int registry_akcr_pending(long long company);

/* Inside the deciding transaction: the approved request becomes the
 * company's registration (a number from the sequence the first time; a
 * change replaces the activities and places, the number stays); every
 * change a line of the company's history. APP_OK, APP_NOT_ACTIVE (the
 * registration ended), or -1. */
int registry_akcr_apply(struct arena *ar, const struct registry_actor *by,
			long long company, const struct akcr_request *req);
/* The company was deactivated: its registration ends (the number stays,
 * never reassigned); history. 0 or -1. */
int registry_akcr_end(const struct registry_actor *by, long long company);

/* What the XML status service answers. */
struct registry_akcr {
	const char *number, *status, *start_date;
	const char *activities; /* codes, comma-separated, sorted */
};
/* 1, 0 none, -1. */
int registry_akcr_get(struct arena *ar, long long company,
		      struct registry_akcr *out);

/* What the company is told when an application asking for AKC-R is
 * decided: 1 (the application asked for it) with the company's id, name,
 * contact e-mail and (approved) number, 0 it did not, -1. */
struct akcr_notice {
	long long company_id;
	const char *company, *email, *number;
};
int registry_akcr_notice(struct arena *ar, long long app,
			 struct akcr_notice *n);

#endif
