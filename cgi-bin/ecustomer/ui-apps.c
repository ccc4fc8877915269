/* ui-apps.c: the company side's start page and the status of one's own
 * applications with their history */
#include "ecustomer.h"

#include <stdio.h>
#include <string.h>

#include "registry.h"
#include "registry_records.h"
#include "resp.h"
#include "route.h"
#include "view.h"

static const char *const codes[] = {
	"ebt_book",  "ebt_view", "company_update", "reps_manage",
	"reps_view", "declare",	 "xml_exchange",   NULL,
};

int home_fn(struct req *r)
{
	struct row p;
	long long person;
	int rc = ec_my_person(r, &p), n, i, k;
	char key[96];

	if (rc < 0)
		return -1;
	if (rc == 1) {
		hdf_set_value(r->hdf, "Me.status", row_get(&p, "status", ""));
		hdf_set_value(r->hdf, "Me.id_sisc", row_get(&p, "id_sisc", ""));
		hdf_set_value(r->hdf, "Me.scope", row_get(&p, "scope", ""));
		/* A company and certificates need an approved person. */
		if (registry_person_is_approved(row_get(&p, "status", NULL)))
			hdf_set_value(r->hdf, "Me.approved", "1");
	}
	if (registry_person_of_account(r->sess.account_id, &person) == 1) {
		n = registry_companies_for(person, NULL, r->hdf, "Acts");
		if (n < 0)
			return -1;
		/* Per company, what this person may do there today: with an
		 * agency in between, the intersection of both links. */
		for (i = 0; i < n; i++) {
			snprintf(key, sizeof(key), "Acts.%d.id", i);
			long long cid = hdf_get_int_value(r->hdf, key, 0);

			for (k = 0; codes[k]; k++) {
				int ok = registry_may_act(person, cid, codes[k],
							  NULL);

				if (ok < 0)
					return -1;
				if (ok)
					hdf_set_valuef(r->hdf,
						       "Acts.%d.Authz.%s=1", i,
						       codes[k]);
			}
		}
	}
	if (registry_apps_of(r->hdf, "Apps", r->sess.account_id) < 0)
		return -1;
	return view_render(r, 200, "ecustomer/home.cs");
}

int apps_list_fn(struct req *r)
{
	if (registry_apps_of(r->hdf, "Apps", r->sess.account_id) < 0)
		return -1;
	return view_render(r, 200, "ecustomer/apps.cs");
}

int app_view_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	struct row a;
	int rc;

	/* Someone else's application is not found: 404, not 403, so ids
	 * tell nothing. */
	rc = id ? registry_app_row(&r->arena, id, r->sess.account_id, &a) : 0;
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	if (ec_app_picture(r, &a, 1) < 0)
		return -1;
	return view_render(r, 200, "ecustomer/app.cs");
}
