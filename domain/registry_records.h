/* registry_records.h: persons, companies and representations as
 * e-Customer's pages read and change them, their history, the
 * authorisation catalogue and the office's search (registry_person.c,
 * registry_company.c, registry_reps.c, registry_history.c,
 * registry_search.c). What the other programs ask is registry.h. */
#ifndef ZSOG_REGISTRY_RECORDS_H
#define ZSOG_REGISTRY_RECORDS_H

#include <ClearSilver.h>

#include "db.h"
#include "registry.h"
#include "registry_apps.h"
#include "util.h"

/* A person's registration data, in the order of registry_person_columns
 * (the form's fields carry the same names). */
enum person_field {
	PE_FIRST,
	PE_LAST,
	PE_BIRTH,
	PE_COUNTRY,
	PE_PESEL,
	PE_DOCTYPE,
	PE_DOCNO,
	PE_VOIV,
	PE_COUNTY,
	PE_MUNI,
	PE_TOWN,
	PE_POSTCODE,
	PE_STREET,
	PE_HOUSE,
	PE_PHONE,
	PE_EMAIL,
	PE_SCOPE,
	PE__MAX
};
extern const char *const registry_person_columns[PE__MAX];

/* A company's data, in the order of registry_company_columns: the names of
 * the form's fields and of a change application's payload. */
enum company_field {
	CO_NAME,
	CO_FORM,
	CO_NIP,
	CO_REGON,
	CO_COUNTRY,
	CO_VOIV,
	CO_TOWN,
	CO_POSTCODE,
	CO_STREET,
	CO_HOUSE,
	CO_IBAN,
	CO_ACTIVITY,
	CO_EMAIL,
	CO_PHONE,
	CO_PUBLISH,
	CO__MAX
};
extern const char *const registry_company_columns[CO__MAX];

/* ---- persons (registry_person.c) ---- */

/* The person registered by portal account (any status), every column:
 * 1, 0 none, -1. */
int registry_person_of(struct arena *ar, long long account, struct row *p);
/* Person id's name, e-mail and ID SISC (id, account_id, first_name,
 * last_name, email, id_sisc, status): 1, 0, -1. */
int registry_person_get(struct arena *ar, long long id, struct row *p);
/* A registration may be sent while there is none, or again after a
 * rejection (status NULL: none). No database, like the next ones. */
int registry_person_may_submit(const char *status);
/* Only an approved person registers a company (they become its
 * administrator) or asks for certificates. */
int registry_person_is_approved(const char *status);
/* Why the person (status NULL: none registered) may not ask for a
 * certificate: "no_person", "not_approved" (or no ID SISC yet),
 * "basic_scope"; NULL when she may. */
const char *registry_cert_refusal(const char *status, const char *id_sisc,
				  const char *scope);
/* Stores the applicant's registration v (a new one, or, when resubmit is a
 * rejected person's id, the corrected one) and its application to the
 * one-stop-shop; history. *app gets the application. Inside the
 * caller's transaction; 0 or -1. */
int registry_person_submit(const struct registry_actor *applicant,
			   const char *const v[PE__MAX], long long resubmit,
			   long long *app);
/* The person with this ID SISC (any status): 1 (*id set), 0, -1. */
int registry_person_by_sisc(const char *sisc, long long *id);
/* Person id's history (field, old_value, new_value, changed_by,
 * changed_at), oldest first, as prefix.N; count or -1. */
int registry_person_history(HDF *hdf, const char *prefix, long long id);
/* Each child of prefix with a person id under key gets the person's
 * id_sisc, first_name and last_name: one query for the list; 0 or -1. */
int registry_person_names_hdf(HDF *hdf, const char *prefix, const char *key);

/* ---- companies (registry_company.c) ---- */

/* Approved, and not deactivated: its data may change, it may be
 * deactivated. */
int registry_company_is_active(const char *status);
/* Company id, every column: 1, 0 none, -1. */
int registry_company_row(struct arena *ar, long long id, struct row *c);
/* Stores a company registration v (eori_requested: 0/1) and its
 * application by the applicant; history. *app gets the application.
 * Inside the caller's transaction; 0 or -1. */
int registry_company_submit(const struct registry_actor *applicant,
			    const char *const v[CO__MAX], int eori_requested,
			    long long *app);
/* Company data as prefix.0.*, its history as prefix.0.History and today's
 * representatives as prefix.0.Reps (registry_reps_hdf); 0, or -1 (also
 * when there is no such company). */
int registry_company_picture(HDF *hdf, const char *prefix, long long id,
			     const char *lang);

/* ---- representation (registry_reps.c) ---- */

/* The authorisation catalogue as prefix.N.{code, name}; count or -1. */
int registry_authz_options(HDF *hdf, const char *prefix, const char *lang);
/* 1 when code is in the catalogue, 0 not, -1. */
int registry_authz_known(const char *code);
/* Whom a granter names as representative: a person by e-mail or ID SISC,
 * or a company (e.g. a customs agency) by EORI or ID SISC, approved. 1 and
 * *person or *company set (the other 0) with *name, 0 unknown, -1. */
int registry_rep_find(struct arena *ar, const char *who, long long *person,
		      long long *company, const char **name);
/* Representation rid of company (id, valid_from, valid_to, who, codes):
 * 1, 0 (none, or another company's), -1. */
int registry_rep_get(struct arena *ar, long long rid, long long company,
		     struct row *rep);
/* The person granter (signed in as by) gives company's representation to
 * person or rep_company (exactly one not 0) from..to (to NULL:
 * open-ended) with codes[0..n); history naming the representative name.
 * *rid gets it, *list the codes given (", "-separated, in ar). Inside the
 * caller's transaction; 0 or -1. */
int registry_rep_add(struct arena *ar, const struct registry_actor *by,
		     long long granter, long long company, long long person,
		     long long rep_company, const char *from, const char *to,
		     const char *const *codes, int n, const char *name,
		     long long *rid, const char **list);
/* Ends representation rid of company on day end (never before its start;
 * who: its representative, for the history). 1 ended, 0 already ended by
 * then, -1. Inside the caller's transaction. */
int registry_rep_end(const struct registry_actor *by, long long rid,
		     long long company, const char *end, const char *who);

/* ---- history (registry_history.c) ---- */

/* One line of history (entity: person, company, application,
 * representation) by whoever acts. 0 or -1. */
int registry_history(const struct registry_actor *by, const char *entity,
		     long long id, const char *field, const char *old_value,
		     const char *new_value);

/* ---- the office's search (registry_search.c) ---- */

/* Companies (prefix Companies), persons (Persons) and representations
 * (Reps) matching q: a name anywhere, identifiers (id: q without spaces
 * or dashes) exactly. 0 or -1. */
int registry_search(struct arena *ar, HDF *hdf, const char *q, const char *id);

#endif
