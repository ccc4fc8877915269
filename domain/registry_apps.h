/* registry_apps.h: applications to the registration office and their
 * approval state machine (docs/ecustomer.md, "Statuses"): the rules as
 * functions without a database (registry_rules.c), which both the office's
 * page (what it offers) and the transitions (what they allow) ask; the
 * transitions (registry_apps.c, registry_decide.c); the lists. */
#ifndef ZSOG_REGISTRY_APPS_H
#define ZSOG_REGISTRY_APPS_H

#include <ClearSilver.h>

#include "db.h"
#include "util.h"

/* Who acts: an applicant (portal account id) or an officer (staff id).
 * name goes into the history; email decides whether an application is the
 * officer's own. */
struct registry_actor {
	long long id;
	const char *name;
	const char *email;
};

/* An application as the rules see it. */
struct app {
	long long id, subject_id;
	long long submitted_by; /* portal account */
	long long assigned_to;	/* staff id; 0 nobody */
	/* person, person_update, company, company_update,
	 * company_deactivation, representation_poa, akcr (app_kind_known) */
	const char *kind;
	/* submitted, under_review, approved, rejected */
	const char *status;
	/* The submitter's addresses: the account's and, once the submitter
	 * registered as a person, the person's (NULL: none). */
	const char *account_email, *person_email;
};

/* What a rule or a transition said. */
enum app_verdict {
	APP_OK,
	APP_NOT_FOUND,	/* no such application: 404 */
	APP_OWN,	/* the officer submitted it: 403 */
	APP_NOT_OPEN,	/* decided already: 409 */
	APP_TAKEN,	/* another officer took it: 409 */
	APP_EORI_TAKEN, /* the NIP's EORI is another company's: 409 */
	APP_NOT_ACTIVE, /* the company is not (any more) approved: 409 */
	APP_PENDING,	/* a change of the same subject waits already: 409 */
	APP__MAX
};

/* The message of a refusal under L.err ("ec_taken"); "" for APP_OK. */
const char *app_verdict_key(enum app_verdict v);

/* ---- the rules (registry_rules.c): no database ---- */

/* An application of kind is about a company already approved (a change,
 * a deactivation, excise registration): its notices are the company's
 * (its inbox, domain/inbox.h); the others' (a person's registration or
 * change, a new company's registration, anything else) the submitter's. */
int app_for_company(const char *kind);
/* Submitted or under review: not decided yet. */
int app_is_open(const struct app *a);
/* The officer submitted it: their e-mail is the submitter's account or
 * person e-mail (compared as the database does, ignoring case). */
int app_is_own(const struct app *a, const struct registry_actor *officer);
/* Taken by this officer and still open. */
int app_is_mine(const struct app *a, const struct registry_actor *officer);
/* May the officer take it (again: taking one's own is harmless)? Not
 * their own, open, nobody else's. APP_OK, APP_OWN, APP_NOT_OPEN or
 * APP_TAKEN, in that order. */
enum app_verdict app_may_take(const struct app *a,
			      const struct registry_actor *officer);
/* May the officer decide it? The same conditions: an application another
 * officer took is theirs to decide. */
enum app_verdict app_may_decide(const struct app *a,
				const struct registry_actor *officer);

/* ID SISC number n of kind 'P' (person) or 'C' (company): "PL", the kind,
 * 10 digits and a Luhn check digit over them, into out (15 bytes).
 * 0, or -1 when n does not fit. */
int registry_sisc(char kind, long long n, char out[15]);
/* An EORI drawn from the sequence (a company without a Polish NIP):
 * "PL", 14 digits, "Z", into out (18 bytes). 0 or -1. */
int registry_eori_from_seq(long long n, char out[18]);
/* The kinds of application (application.kind, a VARCHAR since 0096: the
 * list lives here): 1 when kind is one of them. */
int app_kind_known(const char *kind);
/* What an application of kind is about: "person" (person, person_update)
 * or "company" (the rest): the entity of its subject's history. */
const char *app_subject_entity(const char *kind);

/* ---- reading (registry_apps.c) ---- */

/* Application id with its subject's name into row (id, kind, subject_id,
 * subject, status, reason, payload, created_at, decided_at, assigned_to,
 * decided_by, submitted_by, office_unit_id): 1, 0 none, -1. account > 0
 * finds only that account's own (someone else's is "none"). */
int registry_app_row(struct arena *ar, long long id, long long account,
		     struct row *row);
/* The same as the rules need it, with the submitter's e-mails. */
int registry_app_get(struct arena *ar, long long id, struct app *a);
/* account's applications, newest first, into prefix.N.{id, kind, status,
 * reason, created_at, decided_at, subject}; count or -1. */
int registry_apps_of(HDF *hdf, const char *prefix, long long account);
/* The office's queue, oldest first (at most 500): status "open", "all" or
 * one status; kind, from, to (YYYY-MM-DD) and office (an org unit id)
 * narrow it when not NULL. prefix.N.{id, kind, status, created_at,
 * office_unit_id, assigned_to, subject}; count or -1. */
int registry_app_queue(HDF *hdf, const char *prefix, const char *status,
		       const char *kind, const char *from, const char *to,
		       const char *office);
/* What an application is about: its person or company as Subject.0, and
 * its history as History (the office sees the subject's whole history,
 * the applicant, since_application, only what happened since the
 * application was made). 0 or -1. */
int registry_app_picture(HDF *hdf, long long id, const char *kind,
			 long long subject, int since_application);
/* Possible duplicates of the application's subject (same PESEL, e-mail or
 * document; same NIP, REGON or e-mail) into prefix.N.{id, name, id_sisc,
 * [eori,] status, matched}; count or -1. The values come from Subject.0. */
int registry_person_dups(HDF *hdf, const char *prefix, long long person,
			 const char *pesel, const char *email, const char *doc);
int registry_company_dups(HDF *hdf, const char *prefix, long long company,
			  const char *nip, const char *regon,
			  const char *email);

/* What the status mail of application id says, and to whom: the
 * submitter's person e-mail, or the account's. */
struct app_mail {
	const char *id, *kind, *status, *reason, *subject, *email;
	const char *lang;	       /* the submitter's account's language */
	long long account, subject_id; /* the submitter's; the person's or
					* company's id */
};
int registry_app_mail(struct arena *ar, long long id, struct app_mail *m);

/* ---- transitions, inside the caller's transaction (it commits, or rolls
 * back on anything but APP_OK) ---- */

/* A new application of kind about subject (payload: a change's
 * form-encoded fields, else NULL), by the applicant, for the one-stop-shop
 * (registry_office()); history. *id gets it. 0 or -1. */
int registry_app_submit(const struct registry_actor *applicant,
			const char *kind, long long subject,
			const char *payload, long long *id);

/* ---- keeping approved data current (registry_change.c) ---- */

/* The open change application of subject (person_update: of the person;
 * company_update or company_deactivation: of the company): its id, 0 none,
 * -1 error. */
long long registry_change_pending(const char *kind, long long subject);
/* A change application of kind (person_update, company_update,
 * company_deactivation) about an approved subject, with payload (the
 * changed fields, form-encoded; NULL for a deactivation), for the
 * one-stop-shop; history. Locks the subject: APP_OK (*id the new one),
 * APP_PENDING (*id the one waiting), APP_NOT_ACTIVE (not approved), -1.
 * Inside the caller's transaction. */
int registry_change_submit(const struct registry_actor *applicant,
			   const char *kind, long long subject,
			   const char *payload, long long *id);

/* ---- the one-stop-shop (registry_office.c) ---- */

/* The registration unit (org unit id) every application goes to, as the
 * Ministry's administrator configured it (table registry_office); -1 on a
 * database error. */
long long registry_office(void);
/* 1 when unit is the one-stop-shop: its officers (role registration) and
 * nobody else's work the office side of e-Customer; 0 not, -1 error. */
int registry_office_is(long long unit);
/* Makes unit (an office: the caller checked) the one-stop-shop, by staff
 * id by; the open applications move with it (taken ones go back to
 * submitted, their officer being of another unit), each a line of
 * history. *old gets the unit before, *moved the applications moved.
 * Inside the caller's transaction. 0 or -1. */
int registry_office_set(const struct registry_actor *by, long long unit,
			long long *old, long long *moved);
/* Locks application id and, if app_may_take allows, assigns it to the
 * officer; a submitted one becomes under_review with its person or
 * company (*moved set: a line of history, the caller mails the
 * submitter). a gets the application as judged. The verdict, or -1. */
int registry_app_take(struct arena *ar, long long id,
		      const struct registry_actor *officer, struct app *a,
		      int *moved);
/* Locks application id and, if app_may_decide allows, decides it:
 * approve or reject (reason: NULL or text; the caller requires one to
 * reject). Approving a person gives the ID SISC; a company the ID SISC,
 * the EORI if asked for and its registrant's administrator representation;
 * a change is applied to the company; a deactivation deactivates it.
 * Every change a line of history. The verdict, or -1. */
int registry_app_decide(struct arena *ar, long long id,
			const struct registry_actor *officer, int approve,
			const char *reason, struct app *a);

#endif
