/* ecustomer.h: the e-Customer program's handlers and the helpers its pages
 * share (issue 3) */
#ifndef ZSOG_ECUSTOMER_H
#define ZSOG_ECUSTOMER_H

#include "db.h"
#include "form.h"
#include "registry_apps.h"
#include "req.h"

/* Company side (R_PORTAL). */
int home_fn(struct req *r);
int person_form_fn(struct req *r);
int person_submit_fn(struct req *r);
/* ui-person-change.c: an approved person's change of address or contacts */
int person_edit_fn(struct req *r);
int person_update_fn(struct req *r);
int company_form_fn(struct req *r);
int company_submit_fn(struct req *r);
int company_view_fn(struct req *r);
int company_edit_fn(struct req *r);
int company_update_fn(struct req *r);
int company_deactivate_fn(struct req *r);
int akcr_form_fn(struct req *r);
int akcr_submit_fn(struct req *r);
int reps_list_fn(struct req *r);
int reps_add_fn(struct req *r);
int reps_end_fn(struct req *r);
int reps_accept_fn(struct req *r);
int reps_refuse_fn(struct req *r);
int reps_poa_fn(struct req *r);
int represent_form_fn(struct req *r);
int represent_submit_fn(struct req *r);
int apps_list_fn(struct req *r);
int app_view_fn(struct req *r);
/* The inbox (ui-inbox.c). */
int inbox_fn(struct req *r);
int inbox_item_fn(struct req *r);
int inbox_request_fn(struct req *r);
int inbox_response_fn(struct req *r);

/* Registration office (R_STAFF, ROLE_REGISTRATION). */
int queue_fn(struct req *r);
int office_app_fn(struct req *r);
int office_take_fn(struct req *r);
int office_decide_fn(struct req *r);
int office_poa_fn(struct req *r);
int search_fn(struct req *r);
int office_company_fn(struct req *r);
/* ui-oss.c: the one-stop-shop setting (the Ministry's administrator) */
int oss_fn(struct req *r);
int oss_set_fn(struct req *r);

/* The office's page of application id (also after a refused decision). */
int ec_office_render(struct req *r, long long id, int status);

/* The signed-in account's person row (any status): 1, 0 none, -1. */
int ec_my_person(struct req *r, struct row *p);
/* The person form's fields (ui-person.c), in registry_person_columns'
 * order. */
extern const struct param ec_person_params[];
/* Whoever is signed in (an applicant's account, or an officer), as the
 * registry records who acted. */
struct registry_actor ec_actor(struct req *r);
/* Answers a refusal of the application rules: 404, 403 (one's own) or 409,
 * with its message. */
int ec_app_refused(struct req *r, enum app_verdict v);
/* Mails the submitter of application id its current status. */
int ec_notify(struct req *r, long long app_id);
/* The end of every submission, in the caller's open transaction: the
 * applicant told (ec_notify), the audit line action, the commit, and the
 * application's page (303). Rolled back on a failure: -1. */
int ec_app_submitted(struct req *r, long long app, const char *action);
/* A decided application that asked for AKC-R: mails the company (its
 * contact e-mail) the decision and the excise number; 0 or -1. */
int ec_notify_akcr(struct req *r, long long app_id);
/* Application row a (registry_app_row) as App.*, its person or company as
 * Subject.0, history as History (only since the application was made when
 * since_application), a change's payload as Changes; 0 or -1. */
int ec_app_picture(struct req *r, const struct row *a, int since_application);
/* A company_update application's payload as Changes.N.{field,value}. */
void ec_show_payload(struct req *r, const char *payload);
/* Options of the forms' select lists into Options.*. */
void ec_options(struct req *r);
/* A change application of kind (person_update, company_update,
 * company_deactivation) about subject with payload (the changed fields,
 * form-encoded; NULL for a deactivation), mailed and audited in one
 * transaction: answers the redirect to it, or the refusal (409: another
 * change waits, the subject is not approved); -1 on error. */
int ec_change_submit(struct req *r, const char *kind, long long id,
		     const char *payload);
/* The office pages' gate: 1 when the signed-in officer is of the
 * one-stop-shop (access_registry_office); otherwise answers 403 and
 * returns 0; -1 on error. Every /skr/ecustomer/ page of a registration
 * officer asks it first. */
int ec_office_gate(struct req *r);
/* The company pages' gate: 1 when the signed-in person may act for company
 * with any of the codes (NULL-ended); otherwise answers 404 (no such
 * company) or 403 and returns 0; -1 on error. *person gets the person. */
int ec_company_gate(struct req *r, long long company, const char *const *codes,
		    long long *person);
/* Company data, history and today's representatives into Company.*. */
int ec_company_picture(struct req *r, long long company);
/* Voivodship codes (NULL-ended) and legal forms, for validation. */
extern const char *const ec_voivodships[];
extern const char *const ec_legal_forms[];
int ec_in_list(const char *const *list, const char *v);
/* ---- representation as declared rights (poa.c) ---- */

struct registry_rep_decl;
/* The form's rep_type and, for a customs agent, its power of attorney
 * (file field poa: a PDF checked by lib/pdfcheck.c, at most
 * Ecustomer.PoaMaxBytes), for a representative that is a company when
 * rep_company. Each bad field gets its message; returns their count, or
 * -1. When nothing is wrong and store, the PDF is kept (lib/blob.c) and d
 * names it. */
int ec_rep_decl_read(struct req *r, long long rep_company, int store,
		     struct registry_rep_decl *d);
/* The office's application verifying representation rid's power of
 * attorney, by the signed-in person (*app set). 0 or -1. */
int ec_poa_submit(struct req *r, long long company, long long rid,
		  long long *app);
/* Mails event (requested, accepted, refused, granted, poa_pending,
 * verified, poa_refused) about rid to both sides, each in their
 * language. 0 or -1. */
int ec_rep_mail(struct req *r, long long rid, const char *event,
		const char *reason);
/* The audit detail of a representation (ui-reps.c): the company by name
 * and what ("authz", "state" or "type") as codes the audit shows as
 * words. In r's arena. */
const char *ec_rep_audit(struct req *r, const char *what, long long company,
			 const char *codes);
/* Sends the power of attorney of rep (registry_rep_row) as an
 * attachment; 404 when there is none. */
int ec_poa_send(struct req *r, const struct row *rep);
/* The types of representation as Options.RepType. */
void ec_rep_type_options(struct req *r);

/* Form values form-urlencoded (company_update payloads). */
void ec_urlencode(struct buf *b, const char *s);

#endif
