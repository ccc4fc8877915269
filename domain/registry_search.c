/* registry_search.c: the registration office searches persons, companies
 * and representations */
#include "registry_records.h"

#include <string.h>

/* A name matches anywhere (LIKE with its wildcards escaped); identifiers
 * match exactly. A search may read a regional copy a few seconds old
 * (SQL_READ; the page says how fresh): what the office opens from it is
 * read again from the centre. */
static struct sql q_companies = SQL_READ(
	"SELECT id, name, nip, regon, eori, id_sisc, status FROM company"
	" WHERE name LIKE CONCAT('%', ?, '%') ESCAPE '!'"
	" OR nip = ? OR regon = ? OR eori = ? OR id_sisc = ?"
	" ORDER BY name, id LIMIT 100");
static struct sql q_persons = SQL_READ(
	"SELECT id, first_name, last_name, id_sisc, email, status, scope"
	" FROM person"
	" WHERE CONCAT(first_name, ' ', last_name) LIKE CONCAT('%', ?, '%')"
	" ESCAPE '!' OR pesel = ? OR id_sisc = ? OR email = ?"
	" ORDER BY last_name, first_name, id LIMIT 100");
/* Representations held by whoever matched: a person or an agency. */
static struct sql q_reps = SQL_READ(
	"SELECT r.id, r.company_id, c.name AS company, r.valid_from, r.valid_to,"
	" COALESCE(CONCAT(p.first_name, ' ', p.last_name), g.name) AS who,"
	" COALESCE(p.id_sisc, g.id_sisc) AS who_sisc,"
	" (SELECT GROUP_CONCAT(ra.authz_code ORDER BY ra.authz_code SEPARATOR ', ')"
	"  FROM representation_authz ra WHERE ra.representation_id = r.id)"
	" AS authz"
	" FROM representation r JOIN company c ON c.id = r.company_id"
	" LEFT JOIN person p ON p.id = r.rep_person_id"
	" LEFT JOIN company g ON g.id = r.rep_company_id"
	" WHERE p.id_sisc = ? OR p.email = ? OR g.id_sisc = ? OR g.eori = ?"
	" OR c.id_sisc = ? OR c.eori = ?"
	" ORDER BY r.id DESC LIMIT 200");

static const char *like_escape(struct arena *ar, const char *s)
{
	char *out = arena_alloc(ar, 2 * strlen(s) + 1), *o = out;

	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '!')
			*o++ = '!';
		*o++ = *s;
	}
	*o = 0;
	return out;
}

int registry_search(struct arena *ar, HDF *hdf, const char *q, const char *id)
{
	const char *like = like_escape(ar, q);

	if (db_select_hdf(&q_companies, hdf, "Companies", "sssss", like, id, id,
			  id, id) < 0 ||
	    db_select_hdf(&q_persons, hdf, "Persons", "ssss", like, id, id, q) <
		    0 ||
	    db_select_hdf(&q_reps, hdf, "Reps", "ssssss", id, q, id, id, id,
			  id) < 0)
		return -1;
	return 0;
}
