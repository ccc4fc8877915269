/* ui-person-change.c: an approved person asks the office to change their
 * address, phone or e-mail (a person_update application, applied on
 * approval: approve.c) */
#include "ecustomer.h"

#include <string.h>

#include "registry_records.h"
#include "resp.h"
#include "route.h"
#include "valid.h"
#include "view.h"

/* The fields a person may change (registry_change_field), in the form's
 * order. */
static const enum person_field fields[] = {
	PE_VOIV,   PE_COUNTY, PE_MUNI,	PE_TOWN,  PE_POSTCODE,
	PE_STREET, PE_HOUSE,  PE_PHONE, PE_EMAIL,
};
#define NFIELDS (sizeof(fields) / sizeof(fields[0]))

/* The approved person signed in: 1 (p filled), else the refusal answered
 * (0) or -1. */
static int approved(struct req *r, struct row *p)
{
	int rc = ec_my_person(r, p);

	if (rc < 0)
		return -1;
	if (rc == 0 ||
	    !registry_person_is_approved(row_get(p, "status", NULL))) {
		resp_error(r, 409, "ec_person_not_approved");
		return 0;
	}
	return 1;
}

/* The page: the person's data and history, the change waiting if any,
 * the form. */
static int render(struct req *r, int status, const struct row *p)
{
	long long id = row_int(p, "id", 0), pending;

	for (int i = 0; i < p->n; i++)
		if (p->v[i])
			hdf_set_valuef(r->hdf, "Person.%s=%s", p->name[i],
				       p->v[i]);
	pending = registry_change_pending("person_update", id);
	if (pending < 0 ||
	    registry_person_history(r->hdf, "Person.History", id) < 0)
		return -1;
	if (pending)
		hdf_set_int_value(r->hdf, "Person.pending", (int)pending);
	ec_options(r);
	return view_render(r, status, "ecustomer/person_edit.cs");
}

int person_edit_fn(struct req *r)
{
	struct row p;
	int rc = approved(r, &p);

	if (rc <= 0)
		return rc;
	for (size_t k = 0; k < NFIELDS; k++) {
		const char *name = ec_person_params[fields[k]].name;
		const char *v = row_get(&p, name, NULL);

		if (v)
			hdf_set_valuef(r->hdf, "Form.%s=%s", name, v);
	}
	return render(r, 200, &p);
}

/* The rules between fields as at registration: a Polish resident gives a
 * voivodship and a Polish postcode (the country does not change here). */
static int cross_check(struct req *r, const struct row *p, const char **v)
{
	int errors = 0;

	if (strcmp(row_get(p, "country", ""), "PL") != 0)
		return 0;
	if (!v[PE_VOIV] &&
	    !hdf_get_value(r->hdf, "Form.voivodship.Error", NULL)) {
		view_field_error(r, "voivodship", "err.required");
		errors++;
	}
	if (v[PE_POSTCODE] && !valid_postcode_pl(v[PE_POSTCODE])) {
		view_field_error(r, "postcode", "err.postcode");
		errors++;
	}
	return errors;
}

int person_update_fn(struct req *r)
{
	struct param part[NFIELDS];
	const char *got[NFIELDS], *v[PE__MAX] = { 0 };
	struct buf payload = { 0 };
	struct row p;
	int rc = approved(r, &p), bad;

	if (rc <= 0)
		return rc;
	for (size_t k = 0; k < NFIELDS; k++)
		part[k] = ec_person_params[fields[k]];
	bad = form_read(r, part, NFIELDS, got);
	for (size_t k = 0; k < NFIELDS; k++)
		v[fields[k]] = got[k];
	bad += cross_check(r, &p, v);
	if (bad) {
		hdf_set_int_value(r->hdf, "Page.FormErrors", bad);
		return render(r, 422, &p);
	}
	/* Only what changed goes to the office, as a form-encoded list. */
	for (size_t k = 0; k < NFIELDS; k++) {
		const char *name = part[k].name;
		const char *nv = got[k] ? got[k] : "";

		if (strcmp(row_get(&p, name, ""), nv) == 0)
			continue;
		buf_printf(&payload, "%s%s=", payload.len ? "&" : "", name);
		ec_urlencode(&payload, nv);
	}
	if (!payload.len) {
		hdf_set_value(r->hdf, "Page.Error",
			      view_text(r, "err.ec_nothing_changed"));
		return render(r, 422, &p);
	}
	rc = ec_change_submit(r, "person_update", row_int(&p, "id", 0),
			      payload.p);
	buf_free(&payload);
	return rc;
}
