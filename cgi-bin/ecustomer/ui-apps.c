/* ui-apps.c: the company side's start page and the status of one's own
 * applications with their history */
#include "ecustomer.h"

#include <stdio.h>
#include <string.h>

#include "registry.h"
#include "resp.h"
#include "route.h"
#include "view.h"

static const char *const codes[] = {
	"ebt_book", "ebt_view", "company_update", "reps_manage", "reps_view",
	"declare", "xml_exchange", NULL,
};

#define SUBJECT_NAME \
	" CASE WHEN a.kind = 'person' THEN" \
	"  (SELECT CONCAT(p.first_name, ' ', p.last_name) FROM person p" \
	"   WHERE p.id = a.subject_id)" \
	"  ELSE (SELECT c.name FROM company c WHERE c.id = a.subject_id)" \
	" END AS subject"

static struct sql q_mine = SQL(
	"SELECT a.id, a.kind, a.status, a.reason, a.created_at, a.decided_at,"
	SUBJECT_NAME
	" FROM application a WHERE a.submitted_by = ? ORDER BY a.id DESC");
/* Someone else's application is not found: 404, not 403, so ids tell
 * nothing. */
static struct sql q_one = SQL(
	"SELECT a.id, a.kind, a.subject_id, a.status, a.reason, a.payload,"
	" a.created_at, a.decided_at," SUBJECT_NAME
	" FROM application a WHERE a.id = ? AND a.submitted_by = ?");

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
	if (db_select_hdf(&q_mine, r->hdf, "Apps", "i", r->sess.account_id) < 0)
		return -1;
	return view_render(r, 200, "ecustomer/home.cs");
}

int apps_list_fn(struct req *r)
{
	if (db_select_hdf(&q_mine, r->hdf, "Apps", "i", r->sess.account_id) < 0)
		return -1;
	return view_render(r, 200, "ecustomer/apps.cs");
}

int app_view_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	struct row a;
	int rc;

	rc = id ? db_get(&r->arena, &q_one, &a, "ii", id, r->sess.account_id)
		: 0;
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	if (ec_app_picture(r, &a, 1) < 0)
		return -1;
	return view_render(r, 200, "ecustomer/app.cs");
}
