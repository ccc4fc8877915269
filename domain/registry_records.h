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
 * application by the applicant, with the AKC-R request asked for in the
 * same application as its payload (registry_akcr.h; NULL: none); history.
 * *app gets the application. Inside the caller's transaction; 0 or -1. */
int registry_company_submit(const struct registry_actor *applicant,
			    const char *const v[CO__MAX], int eori_requested,
			    const char *akcr, long long *app);
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
/* What a representation declares (0097): its type (registry_rep_types)
 * and, for a customs agent, the power of attorney stored by blob_put
 * (NULLs and 0 when none). */
struct registry_rep_decl {
	const char *type;
	const char *poa_sha256, *poa_name;
	long long poa_size;
};
/* The person granter (signed in as by) gives company's representation to
 * person or rep_company (exactly one not 0) from..to (to NULL:
 * open-ended) with codes[0..n) as decl declares (NULL: type other);
 * history naming the representative name. A customs agent's waits for the
 * office (state poa_pending; the caller submits the application), any
 * other is active at once. *rid gets it, *list the codes given (",
 * "-separated, in ar). Inside the caller's transaction; 0 or -1. */
int registry_rep_add(struct arena *ar, const struct registry_actor *by,
		     long long granter, long long company, long long person,
		     long long rep_company, const char *from, const char *to,
		     const char *const *codes, int n, const char *name,
		     const struct registry_rep_decl *decl, long long *rid,
		     const char **list);
/* Ends representation rid of company on day end (never before its start;
 * who: its representative, for the history). 1 ended, 0 already ended by
 * then, -1. Inside the caller's transaction. */
int registry_rep_end(const struct registry_actor *by, long long rid,
		     long long company, const char *end, const char *who);

/* ---- requests and powers of attorney (registry_poa.c) ---- */

/* employee, agent_direct, agent_indirect, other; NULL-ended. */
extern const char *const registry_rep_types[];
/* 1 when type is one of them. No database, like the next. */
int registry_rep_type_known(const char *type);
/* A customs agent (direct or indirect): needs a power of attorney that
 * the office verifies before the representation counts. */
int registry_rep_type_is_agent(const char *type);
/* The representation a representation_poa application is about (its
 * payload "representation=N"), or 0. */
long long registry_rep_of_app(const char *payload);
/* Representation rid (of company; 0: any) in any state: id, company_id,
 * rep_person_id, rep_company_id, rep_type, state, poa_sha256, poa_name,
 * poa_size, valid_from, valid_to, reason, who, who_sisc, who_eori,
 * company, company_eori, codes. 1, 0, -1. */
int registry_rep_row(struct arena *ar, long long rid, long long company,
		     struct row *rep);
/* What waits at a company: requests, agents' representations before the
 * office or refused by it, as prefix.N.{id, rep_type, state, valid_from,
 * valid_to, reason, rep_person_id, has_poa, who, who_sisc, who_eori};
 * count or -1. */
int registry_reps_pending_hdf(HDF *hdf, const char *prefix, long long company);
/* A person's requests and representations granted to her, every state,
 * newest first: prefix.N.{id, company_id, company, eori, rep_type, state,
 * valid_from, valid_to, reason, has_poa}; count or -1. */
int registry_reps_of_person_hdf(HDF *hdf, const char *prefix, long long person);
/* Person (person_name, signed in as by) asks to represent company
 * from..to as d declares: a representation in state requested, without
 * authorisations; history. 0 (*rid set), 1 she has one open already, -1.
 * Inside the caller's transaction. */
int registry_rep_request(struct arena *ar, const struct registry_actor *by,
			 long long person, const char *person_name,
			 long long company, const char *from, const char *to,
			 const struct registry_rep_decl *d, long long *rid);
/* The company's manager admin answers request rid: accept with codes[0..n)
 * (*state: active, or poa_pending for a customs agent) or refuse with
 * reason (*state: refused); history. 1 done, 0 no such request (any
 * more), -1. Inside the caller's transaction. */
int registry_rep_answer(struct arena *ar, const struct registry_actor *by,
			long long admin, long long rid, long long company,
			int accept, const char *const *codes, int n,
			const char *reason, const char **state);
/* The office's verdict on rid's power of attorney (poa_pending → active
 * or poa_refused with reason); history. APP_OK, APP_NOT_ACTIVE (not
 * waiting any more), -1. Inside the caller's transaction. */
int registry_rep_verify(struct arena *ar, const struct registry_actor *by,
			long long rid, long long company, int approve,
			const char *reason);
/* Everyone told of a change of rid: the representative (or the
 * representing company's managers) and the company's managers, each once,
 * with the language their account reads (NULL: unknown). cb returns 0 or
 * -1 (stops). 0 or -1. */
typedef int (*registry_party_cb)(const char *email, const char *lang,
				 void *ctx);
int registry_rep_parties(struct arena *ar, long long rid, registry_party_cb cb,
			 void *ctx);

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
