/* registry_reps.c: representation as e-Customer's pages and the SOAP
 * service list and change it: a company's representatives, the
 * authorisation catalogue, finding whom a granter names, adding and
 * ending (who may: registry_grant_verdict in registry.c) */
#include "registry_records.h"

#include <string.h>

#include "valid.h"

/* The one list of a company's representatives, for the company's page,
 * the office and GetRepresentations (which also shows those beginning
 * later). */
static struct sql q_reps = SQL(
	"SELECT r.id, r.valid_from, r.valid_to, r.rep_person_id, r.rep_company_id,"
	" r.rep_type, r.poa_sha256 IS NOT NULL AS has_poa,"
	" COALESCE(CONCAT(p.first_name, ' ', p.last_name), g.name) AS who,"
	" COALESCE(p.id_sisc, g.id_sisc) AS who_sisc, g.eori AS who_eori,"
	" (SELECT GROUP_CONCAT(IF(? = 'en', au.name_en, au.name_pl)"
	"   ORDER BY au.sort SEPARATOR ', ')"
	"  FROM representation_authz ra JOIN authorisation au"
	"  ON au.code = ra.authz_code WHERE ra.representation_id = r.id)"
	" AS authz,"
	" (SELECT GROUP_CONCAT(ra.authz_code ORDER BY ra.authz_code)"
	"  FROM representation_authz ra WHERE ra.representation_id = r.id)"
	" AS authz_codes"
	" FROM representation r LEFT JOIN person p ON p.id = r.rep_person_id"
	" LEFT JOIN company g ON g.id = r.rep_company_id"
	" WHERE r.company_id = ? AND r.state = 'active'"
	" AND (? = 1 OR r.valid_from <= UTC_DATE())"
	" AND (r.valid_to IS NULL OR r.valid_to > UTC_DATE())"
	" ORDER BY r.id");
static struct sql q_authz = SQL(
	"SELECT code, IF(? = 'en', name_en, name_pl) AS name FROM authorisation"
	" ORDER BY sort");
static struct sql q_authz_known = SQL(
	"SELECT code FROM authorisation WHERE code = ?");
static struct sql q_person_by_email = SQL(
	"SELECT id, CONCAT(first_name, ' ', last_name) AS who FROM person"
	" WHERE email = ? AND status = 'approved' ORDER BY id LIMIT 1");
static struct sql q_person_by_sisc = SQL(
	"SELECT id, CONCAT(first_name, ' ', last_name) AS who FROM person"
	" WHERE id_sisc = ? AND status = 'approved'");
static struct sql q_company_by_id = SQL(
	"SELECT id, name AS who FROM company"
	" WHERE (id_sisc = ? OR eori = ?) AND status = 'approved'");
static struct sql q_insert = SQL(
	"INSERT INTO representation (company_id, rep_person_id, rep_company_id,"
	" rep_type, state, poa_sha256, poa_name, poa_size,"
	" valid_from, valid_to, origin, granted_by, created_by, created_at)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'grant', ?, ?, UTC_TIMESTAMP())");
static struct sql q_insert_authz = SQL(
	"INSERT INTO representation_authz (representation_id, authz_code)"
	" VALUES (?, ?)");
static struct sql q_rep = SQL(
	"SELECT r.id, r.valid_from, r.valid_to, r.state,"
	" COALESCE(CONCAT(p.first_name, ' ', p.last_name), g.name) AS who,"
	" (SELECT GROUP_CONCAT(a.authz_code) FROM representation_authz a"
	"  WHERE a.representation_id = r.id) AS codes"
	" FROM representation r LEFT JOIN person p ON p.id = r.rep_person_id"
	" LEFT JOIN company g ON g.id = r.rep_company_id"
	" WHERE r.id = ? AND r.company_id = ?");
/* Never earlier than its start: a representation ended before it began
 * simply never held. */
static struct sql q_end = SQL(
	"UPDATE representation SET valid_to = GREATEST(valid_from, ?)"
	" WHERE id = ? AND company_id = ?"
	" AND (valid_to IS NULL OR valid_to > GREATEST(valid_from, ?))");

int registry_reps_hdf(HDF *hdf, const char *prefix, long long company,
		      const char *lang, int from_today_on)
{
	return db_select_hdf(&q_reps, hdf, prefix, "sii", lang, company,
			     (long long)(from_today_on != 0));
}

int registry_authz_options(HDF *hdf, const char *prefix, const char *lang)
{
	return db_select_hdf(&q_authz, hdf, prefix, "s", lang);
}

int registry_authz_known(const char *code)
{
	struct arena a = { 0 };
	struct row row;
	int rc = db_get(&a, &q_authz_known, &row, "s", code);

	arena_reset(&a);
	return rc;
}

int registry_rep_find(struct arena *ar, const char *who, long long *person,
		      long long *company, const char **name)
{
	char id[64];
	struct row row;
	int rc;

	*person = *company = 0;
	if (strchr(who, '@')) {
		rc = db_get(ar, &q_person_by_email, &row, "s", who);
		if (rc == 1)
			*person = row_int(&row, "id", 0);
	} else {
		if (!valid_normalise_id(who, id, sizeof(id)))
			return 0;
		if (strncmp(id, "PLP", 3) == 0) {
			rc = db_get(ar, &q_person_by_sisc, &row, "s", id);
			if (rc == 1)
				*person = row_int(&row, "id", 0);
		} else {
			rc = db_get(ar, &q_company_by_id, &row, "ss", id, id);
			if (rc == 1)
				*company = row_int(&row, "id", 0);
		}
	}
	if (rc == 1)
		*name = row_get(&row, "who", "");
	return rc;
}

int registry_rep_get(struct arena *ar, long long rid, long long company,
		     struct row *rep)
{
	return db_get(ar, &q_rep, rep, "ii", rid, company);
}

int registry_rep_add(struct arena *ar, const struct registry_actor *by,
		     long long granter, long long company, long long person,
		     long long rep_company, const char *from, const char *to,
		     const char *const *codes, int n, const char *name,
		     const struct registry_rep_decl *decl, long long *rid,
		     const char **list)
{
	struct buf given = { 0 };
	const char *type = decl && decl->type ? decl->type : "other";
	int agent = registry_rep_type_is_agent(type), i, rc = -1;

	/* A customs agent's representation waits for the office. */
	if (db_exec(&q_insert, "isssssssssis", company,
		    person ? arena_printf(ar, "%lld", person) : NULL,
		    rep_company ? arena_printf(ar, "%lld", rep_company) : NULL,
		    type, agent ? "poa_pending" : "active",
		    decl ? decl->poa_sha256 : NULL,
		    decl ? decl->poa_name : NULL,
		    decl && decl->poa_sha256
			    ? arena_printf(ar, "%lld", decl->poa_size)
			    : NULL,
		    from, to, granter, by->name) != 1)
		goto out;
	*rid = db_insert_id(&q_insert);
	for (i = 0; i < n; i++) {
		if (db_exec(&q_insert_authz, "is", *rid, codes[i]) != 1) {
			if (db_duplicate())
				continue; /* the same box sent twice */
			goto out;
		}
		buf_printf(&given, "%s%s", i ? ", " : "", codes[i]);
	}
	*list = arena_strdup(ar, given.p ? given.p : "");
	if (registry_history(by, "company", company, "representation", NULL,
			     arena_printf(ar, "%s: %s (%s – %s)", name, *list,
					  from, to ? to : "…")) < 0)
		goto out;
	rc = 0;
out:
	buf_free(&given);
	return rc;
}

int registry_rep_end(const struct registry_actor *by, long long rid,
		     long long company, const char *end, const char *who)
{
	struct arena a = { 0 };
	long long n = db_exec(&q_end, "siis", end, rid, company, end);
	int rc = n < 0 ? -1 : n > 0;

	if (rc == 1 &&
	    registry_history(by, "company", company, "representation", who,
			     arena_printf(&a, "%s → %s", who, end)) < 0)
		rc = -1;
	arena_reset(&a);
	return rc;
}
