/* registry.h: the one source of truth every program asks about who is who
 * (issue 3, e-Customer): EORI numbers, who may act for which company with
 * which authorisation today (agency links followed), certificates'
 * holders, registration status, representatives. eBT, the SOAP services
 * and SKR use only these; no program reads the e-Customer tables itself.
 * Implemented in registry.c (and registry_reps.c). e-Customer's own pages
 * also use registry_apps.h and registry_records.h. */
#ifndef ZSOG_REGISTRY_H
#define ZSOG_REGISTRY_H

#include <ClearSilver.h>

#include "db.h"
#include "util.h"

struct row;

/* Authorisation codes of the catalogue (table authorisation). */
#define AUTHZ_EBT_BOOK "ebt_book" /* book the export border service */
#define AUTHZ_EBT_VIEW "ebt_view" /* view the company's bookings */
#define AUTHZ_COMPANY_UPDATE "company_update" /* update company data */
#define AUTHZ_REPS_MANAGE "reps_manage"	      /* manage representatives */
#define AUTHZ_REPS_VIEW "reps_view"	      /* view all representatives */
#define AUTHZ_DECLARE "declare"		      /* submit declarations */
#define AUTHZ_XML "xml_exchange"	      /* exchange XML messages */

struct eori_info {
	long long company_id;
	const char *eori, *name, *id_sisc, *country;
	int active;  /* 0: deactivated (kept in history) */
	int publish; /* the operator consented to publication */
	const char *street, *postcode, *city; /* set when publish */
};

/* 1 known (see out->active), 0 unknown, -1 error. Strings in arena a. */
int registry_eori(struct arena *a, const char *eori, struct eori_info *out);

/* Days since company id was registered (approved in e-Customer), for a
 * risk rule's ebt.company_age_days: 1 with *days, 0 none (or never
 * approved), -1 error. */
int registry_company_age(long long id, long long *days);

/* The approved person registered by portal account, if any: 1/0/-1. */
int registry_person_of_account(long long account_id, long long *person_id);

/* The registration of portal account's person, whatever its status, as
 * the account's home page tells it: id, status, approved (1: the person
 * may act, register companies, book), id_sisc (NULL before approval),
 * scope, since (UTC: when its newest application was made,
 * which is what a waiting registration waits since). 1, 0 none yet, -1.
 * Strings in a. */
int registry_registration_of(struct arena *a, long long account_id,
			     struct row *out);

/* May person act for company with authorisation code on date (YYYY-MM-DD,
 * NULL = today)? Directly, or as an employee of a company (e.g. a customs
 * agency) that itself represents the company: then only authorisations
 * present in both links, while both are valid. 1 yes, 0 no, -1 error. */
int registry_may_act(long long person_id, long long company_id,
		     const char *authz, const char *date);

/* The agency (a company's id) through which person acts for company with
 * authz today, or 0 when directly (or not at all); 0, or -1 on error. */
int registry_agency_of(long long person_id, long long company_id,
		       const char *authz, long long *agency_id);

/* The registrations report (registry_report.c), over Warsaw days [from,
 * to) ("YYYY-MM-DD") at the offices of root's subtree, read directly (the
 * tables are small). Per office and kind: columns office, kind, submitted,
 * approved, rejected (decided in the period). As db_each. */
int registry_stats_apps_each(long long root, const char *from, const char *to,
			     db_row_cb cb, void *ctx);
/* Each decision of the period: columns office, kind, status, secs (from
 * submission to decision) and decided (its UTC time, YYYY-MM-DD
 * HH:MM:SS). As db_each. */
int registry_stats_decisions_each(long long root, const char *from,
				  const char *to, db_row_cb cb, void *ctx);
/* Submitted in the period per UTC hour, office and kind: columns hour
 * (YYYY-MM-DD HH:00:00 UTC), office, kind, n. As db_each. */
int registry_stats_apps_hours_each(long long root, const char *from,
				   const char *to, db_row_cb cb, void *ctx);
/* EORIs issued in the period (companies approved with one): count or -1. */
long long registry_stats_eori(long long root, const char *from, const char *to);
/* Each child of prefix with a company id under key gets the company's name
 * under as (the eBT report's bookings per company and agency): one query
 * for the list; 0 or -1. */
int registry_company_names_hdf(HDF *hdf, const char *prefix, const char *key,
			       const char *as);

/* The companies person may act for today with authz, into hdf as
 * prefix.N.{id,name,eori,id_sisc}; returns the count or -1. */
int registry_companies_for(long long person_id, const char *authz, HDF *hdf,
			   const char *prefix);
/* The same rows, one call of cb each (the inbox's readers); 0 or -1. */
int registry_companies_each(long long person_id, const char *authz,
			    db_row_cb cb, void *ctx);

/* Who may hand on what (docs/ecustomer.md, "Who may grant what"). */
#define REGISTRY_AUTHZ_MAX 16

/* What a person holds for a company on one day, directly or through an
 * agency (the same paths as registry_may_act). */
struct registry_held {
	int n;
	char code[REGISTRY_AUTHZ_MAX][32];
	/* A direct administrator: holds every authorisation of the catalogue
	 * through one representation of their own (not through an agency). */
	int admin;
};

/* An earlier state to judge on (zsog-admin's check): the day, only
 * representations older than id before, none of the ids in skip
 * (comma-separated). NULL: today, every representation. */
struct registry_asof {
	const char *day;
	long long before;
	const char *skip;
};

/* Fills *out: 0, or -1 on error. A person or company not approved holds
 * nothing. */
int registry_held(long long person_id, long long company_id,
		  const struct registry_asof *asof, struct registry_held *out);

enum registry_grant {
	GRANT_OK,
	GRANT_SELF,	  /* a representation for the granter herself */
	GRANT_NOT_HELD,	  /* an authorisation the granter does not hold */
	GRANT_ADMIN_ONLY, /* reps_manage, by someone not an administrator */
};

/* The rule, in one place: may the person who holds h (granter) give
 * codes[0..n) to rep_person (0: to a company; also 0 when asking whether
 * granter may end a representation holding codes)? *which gets the first
 * code refused (NULL for GRANT_SELF). No database: h says it all. */
enum registry_grant registry_grant_verdict(const struct registry_held *h,
					   long long granter,
					   long long rep_person,
					   const char *const *codes, int n,
					   const char **which);

/* A representation in force that breaks the rule (zsog-admin
 * check-representations): judged on the state when it was made. */
struct registry_finding {
	long long id, company_id, granted_by; /* granted_by 0: unknown */
	const char *company, *who, *granter, *codes;
	enum registry_grant why; /* GRANT_OK when unknown */
	const char *which;
};
typedef int (*registry_finding_cb)(const struct registry_finding *f, void *ctx);

/* Calls cb for each finding; returns their count, or -1. */
int registry_check_grants(registry_finding_cb cb, void *ctx);

/* The person a certificate (by serial, hex) was issued to, if it is valid
 * now (issued by our CA, not expired, not revoked) and the person is
 * approved: 1 valid, 0 not, -1 error. */
int registry_cert_person(const char *serial_hex, long long *person_id);
/* Person's ID SISC into *sisc (in arena a; NULL: none yet): 1, 0 no such
 * person, -1. */
int registry_person_sisc(struct arena *a, long long person, const char **sisc);

/* A registration's state as GetRegistrationStatus reports it. */
struct registry_status {
	const char *kind; /* person, company (and, for an application,
				 * company_update, company_deactivation) */
	const char *status;
	const char *id_sisc, *eori; /* NULL: none (yet) */
	long long subject_id;	    /* the person or company */
	int mine; /* the application: submitted by the person */
};
/* Application app, and whether person's account submitted it: 1, 0 none,
 * -1. Strings in a. */
int registry_app_status(struct arena *a, long long app, long long person,
			struct registry_status *out);
/* The person, or else the company, with ID SISC sisc (any status): 1, 0
 * none, -1. */
int registry_sisc_status(struct arena *a, const char *sisc,
			 struct registry_status *out);

/* The company's representatives valid today (from_today_on: also those
 * that begin later), oldest first, into prefix.N.{id, valid_from,
 * valid_to, rep_person_id, rep_company_id, who, who_sisc, who_eori, authz
 * (names in lang, in the catalogue's order, ", "-separated), authz_codes
 * (comma-separated, sorted)}; count or -1. The one list for the company's
 * page, the office and GetRepresentations (registry_reps.c). */
int registry_reps_hdf(HDF *hdf, const char *prefix, long long company,
		      const char *lang, int from_today_on);

/* registry_stats.c: counts for the officers' start page and the
 * registrations report. The applications waiting (submitted or under
 * review) at the offices of root's subtree: count or -1. */
long long registry_stats_waiting(long long root);
/* The applications submitted at the offices of root's subtree since
 * (UTC "YYYY-MM-DD HH:MM:SS"), per UTC hour: cb gets rows hour (UTC, the
 * same format), n. As db_each. */
int registry_stats_submitted_each(long long root, const char *since,
				  db_row_cb cb, void *ctx);

#endif
