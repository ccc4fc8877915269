/* ui-represent.c: a person asks to represent a company (by its EORI) as
 * its employee, a customs agent (with a power of attorney) or another
 * authorised person; her requests and how they stand */
#include "ecustomer.h"

#include <string.h>

#include "audit.h"
#include "form.h"
#include "registry.h"
#include "registry_records.h"
#include "resp.h"
#include "route.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

enum { Q_EORI, Q_FROM, Q_TO, Q__MAX };

static int check_date(const char *v)
{
	return valid_date(v, NULL, NULL, NULL);
}

static const struct param params[Q__MAX] = {
	{ "eori", P_REQUIRED, 17, valid_normalise_id, valid_eori,
	  "eori" },						    /* Q_EORI */
	{ "valid_from", P_REQUIRED, 10, NULL, check_date, "date" }, /* Q_FROM */
	{ "valid_to", 0, 10, NULL, check_date, "date" },	    /* Q_TO */
};

/* Only an approved person asks (the company's manager must know whom she
 * lets in): 1 with *person and her row, or 0 after answering 403. */
static int me(struct req *r, long long *person, struct row *p)
{
	int rc = ec_my_person(r, p);

	if (rc < 0)
		return -1;
	if (rc == 0 ||
	    !registry_person_is_approved(row_get(p, "status", NULL))) {
		resp_error(r, 403, "ec_not_approved");
		return 0;
	}
	*person = row_int(p, "id", 0);
	return 1;
}

static int render(struct req *r, long long person, int status)
{
	if (!hdf_get_value(r->hdf, "Form.valid_from", NULL)) {
		char today[11];

		tzpl_today(0, today);
		hdf_set_value(r->hdf, "Form.valid_from", today);
	}
	ec_rep_type_options(r);
	if (registry_reps_of_person_hdf(r->hdf, "Mine", person) < 0)
		return -1;
	return view_render(r, status, "ecustomer/represent.cs");
}

int represent_form_fn(struct req *r)
{
	long long person;
	struct row p;
	int rc = me(r, &person, &p);

	return rc <= 0 ? rc : render(r, person, 200);
}

int represent_submit_fn(struct req *r)
{
	const char *v[Q__MAX], *name;
	long long person, rid;
	struct registry_actor actor = ec_actor(r);
	struct registry_rep_decl decl;
	struct eori_info co;
	struct row p;
	int rc = me(r, &person, &p), bad;

	if (rc <= 0)
		return rc;
	bad = form_read(r, params, Q__MAX, v);
	if (v[Q_FROM] && v[Q_TO] && strcmp(v[Q_TO], v[Q_FROM]) <= 0) {
		view_field_error(r, "valid_to", "err.ec_date_order");
		bad++;
	}
	if (v[Q_EORI]) {
		rc = registry_eori(&r->arena, v[Q_EORI], &co);
		if (rc < 0)
			return -1;
		if (rc == 0 || !co.active) {
			view_field_error(r, "eori", "err.ec_rep_unknown");
			bad++;
		}
	}
	rc = ec_rep_decl_read(r, 0, !bad, &decl);
	if (rc < 0)
		return -1;
	bad += rc;
	if (bad) {
		hdf_set_int_value(r->hdf, "Page.FormErrors", bad);
		return render(r, person, 422);
	}
	name = arena_printf(&r->arena, "%s %s", row_get(&p, "first_name", ""),
			    row_get(&p, "last_name", ""));
	if (db_begin() < 0)
		return -1;
	rc = registry_rep_request(&r->arena, &actor, person, name,
				  co.company_id, v[Q_FROM], v[Q_TO], &decl,
				  &rid);
	if (rc < 0)
		goto fail;
	if (rc == 1) {
		db_rollback();
		view_field_error(r, "eori", "err.ec_request_open");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return render(r, person, 422);
	}
	if (ec_rep_mail(r, rid, "requested", NULL) < 0 ||
	    audit_log(r, "ecustomer.rep.request",
		      arena_printf(&r->arena, "representation:%lld", rid),
		      ec_rep_audit(r, "type", co.company_id, decl.type)))
		goto fail;
	if (db_commit() < 0)
		return -1;
	return resp_redirect(r, "/ecustomer/represent");
fail:
	db_rollback();
	return -1;
}
