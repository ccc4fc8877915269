/* registry_poa.c: representation as declared rights (issue 18): its type,
 * a person's request to represent a company and the administrator's
 * answer, a customs agent's power of attorney and the office's
 * verification of it, and who is told (docs/ecustomer.md, "Requests and
 * powers of attorney") */
#include "registry_int.h"

#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "registry_records.h"

const char *const registry_rep_types[] = {
	"employee", "agent_direct", "agent_indirect", "other", NULL,
};

static struct sql q_request = SQL(
	"INSERT INTO representation (company_id, rep_person_id, rep_type, state,"
	" poa_sha256, poa_name, poa_size, valid_from, valid_to, origin,"
	" granted_by, created_by, created_at)"
	" VALUES (?, ?, ?, 'requested', ?, ?, ?, ?, ?, 'grant', NULL, ?,"
	" UTC_TIMESTAMP())");
/* Any state: the pages decide what each state allows. */
static struct sql q_row = SQL(
	"SELECT r.id, r.company_id, r.rep_person_id, r.rep_company_id,"
	" r.rep_type, r.state, r.poa_sha256, r.poa_name, r.poa_size,"
	" r.valid_from, r.valid_to, r.reason,"
	" COALESCE(CONCAT(p.first_name, ' ', p.last_name), g.name) AS who,"
	" COALESCE(p.id_sisc, g.id_sisc) AS who_sisc, g.eori AS who_eori,"
	" c.name AS company, c.eori AS company_eori,"
	" (SELECT GROUP_CONCAT(a.authz_code ORDER BY a.authz_code)"
	"  FROM representation_authz a WHERE a.representation_id = r.id)"
	" AS codes"
	" FROM representation r JOIN company c ON c.id = r.company_id"
	" LEFT JOIN person p ON p.id = r.rep_person_id"
	" LEFT JOIN company g ON g.id = r.rep_company_id"
	" WHERE r.id = ? AND (? = 0 OR r.company_id = ?)");
static struct sql q_lock = SQL(
	"SELECT id, state, rep_type FROM representation WHERE id = ?"
	" AND company_id = ? FOR UPDATE");
static struct sql q_state = SQL(
	"UPDATE representation SET state = ?, reason = ?, granted_by ="
	" IFNULL(?, granted_by) WHERE id = ?");
static struct sql q_authz = SQL(
	"INSERT INTO representation_authz (representation_id, authz_code)"
	" VALUES (?, ?)");
/* What the company's managers see waiting: requests, and agents'
 * representations before the office (or refused by it), still current. */
static struct sql q_pending = SQL(
	"SELECT r.id, r.rep_type, r.state, r.valid_from, r.valid_to, r.reason,"
	" r.rep_person_id, r.poa_sha256 IS NOT NULL AS has_poa,"
	" COALESCE(CONCAT(p.first_name, ' ', p.last_name), g.name) AS who,"
	" COALESCE(p.id_sisc, g.id_sisc) AS who_sisc, g.eori AS who_eori"
	" FROM representation r LEFT JOIN person p ON p.id = r.rep_person_id"
	" LEFT JOIN company g ON g.id = r.rep_company_id"
	" WHERE r.company_id = ?"
	" AND r.state IN ('requested', 'poa_pending', 'poa_refused')"
	" AND (r.valid_to IS NULL OR r.valid_to > UTC_DATE())"
	" ORDER BY r.id");
/* A person's own requests and representations, every state, newest
 * first. */
static struct sql q_mine = SQL(
	"SELECT r.id, r.company_id, c.name AS company, c.eori, r.rep_type,"
	" r.state, r.valid_from, r.valid_to, r.reason,"
	" r.poa_sha256 IS NOT NULL AS has_poa"
	" FROM representation r JOIN company c ON c.id = r.company_id"
	" WHERE r.rep_person_id = ? AND r.origin = 'grant'"
	" ORDER BY r.id DESC LIMIT 200");
/* Asked already: one open request (or waiting representation) per person
 * and company. */
static struct sql q_open = SQL(
	"SELECT id FROM representation WHERE company_id = ?"
	" AND rep_person_id = ? AND state IN ('requested', 'poa_pending')"
	" LIMIT 1");
/* Who is told of a change: the representative (a person, or a company's
 * direct managers) and the represented company's direct managers, each
 * holding reps_manage through an active representation valid today. */
#define MANAGERS_OF(c)                                                       \
	" SELECT p.email, p.account_id FROM representation m"                \
	" JOIN representation_authz ma ON ma.representation_id = m.id"       \
	"  AND ma.authz_code = 'reps_manage'"                                \
	" JOIN person p ON p.id = m.rep_person_id AND p.status = 'approved'" \
	" WHERE m.company_id = " c " AND m.state = 'active'"                 \
	" AND m.valid_from <= UTC_DATE()"                                    \
	" AND (m.valid_to IS NULL OR m.valid_to > UTC_DATE())"
static struct sql q_parties = SQL(
	"SELECT email, account_id FROM ("
	" SELECT p.email, p.account_id FROM representation r"
	" JOIN person p ON p.id = r.rep_person_id WHERE r.id = ?"
	" UNION" MANAGERS_OF(
		"(SELECT rep_company_id FROM representation"
		" WHERE id = ?)") " UNION" MANAGERS_OF("(SELECT company_id FROM representation"
						       " WHERE id = ?)") ") t GROUP BY email, account_id");

int registry_rep_type_known(const char *type)
{
	for (int i = 0; type && registry_rep_types[i]; i++)
		if (strcmp(type, registry_rep_types[i]) == 0)
			return 1;
	return 0;
}

int registry_rep_type_is_agent(const char *type)
{
	return type && (strcmp(type, "agent_direct") == 0 ||
			strcmp(type, "agent_indirect") == 0);
}

int registry_rep_row(struct arena *ar, long long rid, long long company,
		     struct row *rep)
{
	return db_get(ar, &q_row, rep, "iii", rid, company, company);
}

int registry_reps_pending_hdf(HDF *hdf, const char *prefix, long long company)
{
	return db_select_hdf(&q_pending, hdf, prefix, "i", company);
}

int registry_reps_of_person_hdf(HDF *hdf, const char *prefix, long long person)
{
	return db_select_hdf(&q_mine, hdf, prefix, "i", person);
}

int registry_rep_request(struct arena *ar, const struct registry_actor *by,
			 long long person, const char *person_name,
			 long long company, const char *from, const char *to,
			 const struct registry_rep_decl *d, long long *rid)
{
	struct row row;
	int rc = db_get(ar, &q_open, &row, "ii", company, person);

	if (rc != 0)
		return rc < 0 ? -1 : 1; /* asked already */
	if (db_exec(&q_request, "iisssssss", company, person, d->type,
		    d->poa_sha256, d->poa_name,
		    d->poa_sha256 ? arena_printf(ar, "%lld", d->poa_size)
				  : NULL,
		    from, to, by->name) != 1)
		return -1;
	*rid = db_insert_id(&q_request);
	return registry_history(by, "company", company, "representation", NULL,
				arena_printf(ar, "%s: %s, requested (%s – %s)",
					     person_name, d->type, from,
					     to ? to : "…")) < 0
		       ? -1
		       : 0;
}

/* Moves representation rid of company from state `from` to `to` (the
 * row locked first): 1 moved, 0 it was in another state, -1. */
static int move(struct arena *ar, long long rid, long long company,
		const char *from, const char *to, const char *reason,
		long long granter, const char **type)
{
	struct row row;
	int rc = db_get(ar, &q_lock, &row, "ii", rid, company);

	if (rc <= 0)
		return rc;
	if (type)
		*type = row_get(&row, "rep_type", "other");
	if (strcmp(row_get(&row, "state", ""), from) != 0)
		return 0;
	return db_exec(&q_state, "sssi", to, reason,
		       granter ? arena_printf(ar, "%lld", granter) : NULL,
		       rid) == 1
		       ? 1
		       : -1;
}

int registry_rep_answer(struct arena *ar, const struct registry_actor *by,
			long long admin, long long rid, long long company,
			int accept, const char *const *codes, int n,
			const char *reason, const char **state)
{
	const char *type = "other", *who;
	struct row rep;
	struct buf given = { 0 };
	int i, rc;

	if (registry_rep_row(ar, rid, company, &rep) != 1)
		return 0;
	who = row_get(&rep, "who", "");
	type = row_get(&rep, "rep_type", "other");
	*state = !accept			    ? "refused"
		 : registry_rep_type_is_agent(type) ? "poa_pending"
						    : "active";
	rc = move(ar, rid, company, "requested", *state, accept ? NULL : reason,
		  admin, NULL);
	if (rc <= 0)
		return rc;
	for (i = 0; accept && i < n; i++) {
		if (db_exec(&q_authz, "is", rid, codes[i]) != 1) {
			if (db_duplicate())
				continue; /* the same box sent twice */
			return -1;
		}
		buf_printf(&given, "%s%s", i ? ", " : "", codes[i]);
	}
	rc = registry_history(by, "company", company, "representation",
			      arena_printf(ar, "%s: requested", who),
			      accept ? arena_printf(ar, "%s: %s, %s; %s", who,
						    type, *state,
						    given.p ? given.p : "")
				     : arena_printf(ar, "%s: %s", who, *state));
	if (rc == 0 && reason)
		rc = registry_history(by, "company", company, "rep_reason",
				      NULL, reason);
	buf_free(&given);
	return rc < 0 ? -1 : 1;
}

int registry_rep_verify(struct arena *ar, const struct registry_actor *by,
			long long rid, long long company, int approve,
			const char *reason)
{
	struct row rep;
	int rc;

	if (registry_rep_row(ar, rid, company, &rep) != 1)
		return APP_NOT_ACTIVE;
	rc = move(ar, rid, company, "poa_pending",
		  approve ? "active" : "poa_refused", approve ? NULL : reason,
		  0, NULL);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return APP_NOT_ACTIVE; /* ended, or decided otherwise */
	if (registry_history(
		    by, "company", company, "representation",
		    arena_printf(ar, "%s: poa_pending",
				 row_get(&rep, "who", "")),
		    arena_printf(ar, "%s: %s", row_get(&rep, "who", ""),
				 approve ? "active" : "poa_refused")) < 0)
		return -1;
	return APP_OK;
}

long long registry_rep_of_app(const char *payload)
{
	long long rid = 0;

	if (payload && sscanf(payload, "representation=%lld", &rid) != 1)
		rid = 0;
	return rid;
}

/* The rows first: the connection reads one result at a time, and each
 * needs accounts_contact's own query. */
#define PARTIES_MAX 32
struct parties {
	struct arena *ar;
	int n;
	const char *email[PARTIES_MAX];
	long long account[PARTIES_MAX];
};

static int party_row(const struct row *row, void *ctx)
{
	struct parties *p = ctx;

	if (p->n < PARTIES_MAX) {
		p->email[p->n] = arena_strdup(p->ar, row_get(row, "email", ""));
		p->account[p->n++] = row_int(row, "account_id", 0);
	}
	return 0;
}

int registry_rep_parties(struct arena *ar, long long rid, registry_party_cb cb,
			 void *ctx)
{
	struct parties p = { ar, 0, { 0 }, { 0 } };
	struct row acc;
	int i, rc;

	if (db_each(&q_parties, party_row, &p, "iii", rid, rid, rid) < 0)
		return -1;
	for (i = 0; i < p.n; i++) {
		rc = accounts_contact(ar, p.account[i], &acc);
		if (rc < 0 ||
		    cb(p.email[i], rc == 1 ? row_get(&acc, "lang", NULL) : NULL,
		       ctx) < 0)
			return -1;
	}
	return 0;
}
