/* ui-search.c: the office searches persons, companies and
 * representations, and sees a company's whole picture */
#include "ecustomer.h"

#include <string.h>

#include "registry_records.h"
#include "resp.h"
#include "route.h"
#include "valid.h"
#include "view.h"

int search_fn(struct req *r)
{
	const char *q = req_query(r, "q");
	char id[64];
	int rc = ec_office_gate(r);

	if (rc <= 0)
		return rc;
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
	if (registry_search(&r->arena, r->hdf, q, id) < 0)
		return -1;
	return view_render(r, 200, "ecustomer/skr_search.cs");
}

int office_company_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	struct row row;
	int rc = ec_office_gate(r);

	if (rc <= 0)
		return rc;
	rc = id ? registry_company_row(&r->arena, id, &row) : 0;
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	if (ec_company_picture(r, id) < 0)
		return -1;
	return view_render(r, 200, "ecustomer/skr_company.cs");
}
