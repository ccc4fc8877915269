/* ui-search.c: the office searches persons, companies and
 * representations, and sees a company's whole picture */
#include "ecustomer.h"

#include <string.h>

#include "resp.h"
#include "route.h"
#include "valid.h"
#include "view.h"

/* A name matches anywhere (LIKE with its wildcards escaped); identifiers
 * match exactly. */
static struct sql q_companies = SQL(
	"SELECT id, name, nip, regon, eori, id_sisc, status FROM company"
	" WHERE name LIKE CONCAT('%', ?, '%') ESCAPE '!'"
	" OR nip = ? OR regon = ? OR eori = ? OR id_sisc = ?"
	" ORDER BY name, id LIMIT 100");
static struct sql q_persons = SQL(
	"SELECT id, first_name, last_name, id_sisc, email, status, scope"
	" FROM person"
	" WHERE CONCAT(first_name, ' ', last_name) LIKE CONCAT('%', ?, '%')"
	" ESCAPE '!' OR pesel = ? OR id_sisc = ? OR email = ?"
	" ORDER BY last_name, first_name, id LIMIT 100");
/* Representations held by whoever matched: a person or an agency. */
static struct sql q_reps = SQL(
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

static const char *like_escape(struct req *r, const char *s)
{
	char *out = arena_alloc(&r->arena, 2 * strlen(s) + 1), *o = out;

	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '!')
			*o++ = '!';
		*o++ = *s;
	}
	*o = 0;
	return out;
}

int search_fn(struct req *r)
{
	const char *q = req_query(r, "q");
	char id[64];

	if (!q)
		return view_render(r, 200, "ecustomer/skr_search.cs");
	while (*q == ' ')
		q++;
	hdf_set_value(r->hdf, "Form.q", q);
	if (strlen(q) < 2 || strlen(q) > 200 || !valid_text(q, 200)) {
		view_field_error(r, "q", "err.ec_search_short");
		return view_render(r, 422, "ecustomer/skr_search.cs");
	}
	/* Identifiers are compared as stored: no spaces or dashes. */
	if (!valid_normalise_id(q, id, sizeof(id)))
		strlcpy_z(id, q, sizeof(id));
	hdf_set_value(r->hdf, "Search.Done", "1");
	if (db_select_hdf(&q_companies, r->hdf, "Companies", "sssss",
			  like_escape(r, q), id, id, id, id) < 0 ||
	    db_select_hdf(&q_persons, r->hdf, "Persons", "ssss",
			  like_escape(r, q), id, id, q) < 0 ||
	    db_select_hdf(&q_reps, r->hdf, "Reps", "ssssss", id, q, id, id, id,
			  id) < 0)
		return -1;
	return view_render(r, 200, "ecustomer/skr_search.cs");
}

int office_company_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	static struct sql q_exists = SQL("SELECT id FROM company WHERE id = ?");
	struct row row;
	int rc;

	rc = id ? db_get(&r->arena, &q_exists, &row, "i", id) : 0;
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	if (ec_company_picture(r, id) < 0)
		return -1;
	return view_render(r, 200, "ecustomer/skr_company.cs");
}
