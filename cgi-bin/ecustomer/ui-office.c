/* ui-office.c: the registration office: the queue of applications, one
 * application with the validators' verdicts and possible duplicates, and
 * taking it (deciding is approve.c) */
#include "ecustomer.h"

#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "audit.h"
#include "form.h"
#include "registry_records.h"
#include "resp.h"
#include "route.h"
#include "staff.h"
#include "units.h"
#include "valid.h"
#include "view.h"

enum { Q_KIND, Q_STATUS, Q_FROM, Q_TO, Q_OFFICE, Q__MAX };

static int check_kind(const char *v)
{
	return app_kind_known(v);
}

static int check_status(const char *v)
{
	static const char *const s[] = { "open",      "all",
					 "submitted", "under_review",
					 "approved",  "rejected",
					 NULL };
	return ec_in_list(s, v);
}

static int check_date(const char *v)
{
	return valid_date(v, NULL, NULL, NULL);
}

static int check_office(const char *v)
{
	return valid_digits(v, strlen(v));
}

static const struct param qparams[Q__MAX] = {
	{ "kind", P_QUERY, 24, NULL, check_kind, NULL },     /* Q_KIND */
	{ "status", P_QUERY, 16, NULL, check_status, NULL }, /* Q_STATUS */
	{ "from", P_QUERY, 10, NULL, check_date, "date" },   /* Q_FROM */
	{ "to", P_QUERY, 10, NULL, check_date, "date" },     /* Q_TO */
	{ "office", P_QUERY, 9, NULL, check_office, NULL },  /* Q_OFFICE */
};

int queue_fn(struct req *r)
{
	const char *v[Q__MAX];
	const char *status;
	int bad, rc = ec_office_gate(r);

	if (rc <= 0)
		return rc;
	bad = form_read(r, qparams, Q__MAX, v);
	status = v[Q_STATUS] ? v[Q_STATUS] : "open";
	hdf_set_value(r->hdf, "Form.status", status);
	if (units_office_options(r->hdf, "Options.Office", r->lang) < 0)
		return -1;
	if (!bad &&
	    (registry_app_queue(r->hdf, "Queue", status, v[Q_KIND], v[Q_FROM],
				v[Q_TO], v[Q_OFFICE]) < 0 ||
	     units_codes_hdf(r->hdf, "Queue", "office_unit_id", "office") < 0 ||
	     staff_names_hdf(r->hdf, "Queue", "assigned_to", "assignee") < 0))
		return -1;
	return view_render(r, bad ? 422 : 200, "ecustomer/skr_queue.cs");
}

static void check(struct req *r, int *n, const char *field, const char *v,
		  int ok)
{
	hdf_set_valuef(r->hdf, "Checks.%d.field=%s", *n, field);
	hdf_set_valuef(r->hdf, "Checks.%d.value=%s", *n, v ? v : "");
	hdf_set_valuef(r->hdf, "Checks.%d.ok=%d", *n, ok);
	(*n)++;
}

/* Each identifier through the same validators the forms use: the office
 * sees the verdict, not just the value. */
static void verdicts(struct req *r, const char *kind)
{
	const char *pl = hdf_get_value(r->hdf, "Subject.0.country", "");
	int n = 0, polish = strcmp(pl, "PL") == 0;
	const char *v;

	if (strcmp(app_subject_entity(kind), "person") == 0) {
		int y, m, d, by, bm, bd;

		v = hdf_get_value(r->hdf, "Subject.0.pesel", NULL);
		if (v || polish)
			check(r, &n, "pesel", v,
			      v && valid_pesel_birthdate(v, &y, &m, &d) &&
				      valid_date(hdf_get_value(
							 r->hdf,
							 "Subject.0.birth_date",
							 ""),
						 &by, &bm, &bd) &&
				      y == by && m == bm && d == bd);
		v = hdf_get_value(r->hdf, "Subject.0.id_doc_number", NULL);
		if (v)
			check(r, &n, "id_doc_number", v, 1);
		v = hdf_get_value(r->hdf, "Subject.0.email", NULL);
		check(r, &n, "email", v, valid_email(v));
		v = hdf_get_value(r->hdf, "Subject.0.phone", NULL);
		check(r, &n, "phone", v, valid_phone(v));
	} else {
		v = hdf_get_value(r->hdf, "Subject.0.nip", NULL);
		if (v || polish)
			check(r, &n, "nip", v, valid_nip(v));
		v = hdf_get_value(r->hdf, "Subject.0.regon", NULL);
		if (v || polish)
			check(r, &n, "regon", v, valid_regon(v));
		v = hdf_get_value(r->hdf, "Subject.0.iban", NULL);
		check(r, &n, "iban", v, valid_iban(v));
		v = hdf_get_value(r->hdf, "Subject.0.contact_email", NULL);
		check(r, &n, "contact_email", v, valid_email(v));
		v = hdf_get_value(r->hdf, "Subject.0.contact_phone", NULL);
		check(r, &n, "contact_phone", v, valid_phone(v));
	}
	v = hdf_get_value(r->hdf, "Subject.0.postcode", NULL);
	check(r, &n, "postcode", v, polish ? valid_postcode_pl(v) : v != NULL);
}

/* Who is who on the application: the office, the submitter's account, the
 * officers who took and decided it (their owners' names for them). */
static int people(struct req *r, const struct row *a)
{
	struct row acc;
	const char *v;
	int rc;

	v = units_code(&r->arena, row_int(a, "office_unit_id", 0));
	if (v)
		hdf_set_value(r->hdf, "App.office", v);
	rc = accounts_contact(&r->arena, row_int(a, "submitted_by", 0), &acc);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		hdf_set_value(r->hdf, "App.submitter",
			      arena_printf(&r->arena, "%s %s",
					   row_get(&acc, "first_name", ""),
					   row_get(&acc, "last_name", "")));
		hdf_set_value(r->hdf, "App.submitter_email",
			      row_get(&acc, "email", ""));
	}
	v = staff_name(&r->arena, row_int(a, "assigned_to", 0));
	if (v)
		hdf_set_value(r->hdf, "App.assignee", v);
	v = staff_name(&r->arena, row_int(a, "decided_by", 0));
	if (v)
		hdf_set_value(r->hdf, "App.decider", v);
	return 0;
}

static int poa_picture(struct req *r, long long company, const char *payload);

/* What the office may do with it now: the registry's rules decide, the
 * page only offers. */
static void offers(struct req *r, const struct app *a)
{
	struct registry_actor officer = ec_actor(r);
	int own = app_is_own(a, &officer);

	if (own)
		hdf_set_value(r->hdf, "App.Own", "1");
	if (!own && app_is_mine(a, &officer))
		hdf_set_value(r->hdf, "App.Mine", "1");
	/* Taking again what one holds changes nothing: not offered. */
	if (app_may_take(a, &officer) == APP_OK && !app_is_mine(a, &officer))
		hdf_set_value(r->hdf, "App.may_take", "1");
	if (app_may_decide(a, &officer) == APP_OK)
		hdf_set_value(r->hdf, "App.may_decide", "1");
}

int ec_office_render(struct req *r, long long id, int status)
{
	const char *kind;
	struct row row;
	struct app a;
	long long subject;
	int rc;

	rc = registry_app_row(&r->arena, id, 0, &row);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	if (ec_app_picture(r, &row, 0) < 0 || people(r, &row) < 0 ||
	    registry_app_get(&r->arena, id, &a) != 1)
		return -1;
	kind = row_get(&row, "kind", "");
	subject = row_int(&row, "subject_id", 0);
	verdicts(r, kind);
	if (strcmp(kind, "person") == 0) {
		const char *pesel = hdf_get_value(r->hdf, "Subject.0.pesel",
						  NULL);
		const char *email = hdf_get_value(r->hdf, "Subject.0.email",
						  NULL);
		const char *doc = hdf_get_value(
			r->hdf, "Subject.0.id_doc_number", NULL);

		if (registry_person_dups(r->hdf, "Dups", subject, pesel, email,
					 doc) < 0)
			return -1;
	} else if (strcmp(kind, "company") == 0) {
		const char *nip = hdf_get_value(r->hdf, "Subject.0.nip", NULL);
		const char *regon = hdf_get_value(r->hdf, "Subject.0.regon",
						  NULL);
		const char *email = hdf_get_value(
			r->hdf, "Subject.0.contact_email", NULL);

		if (registry_company_dups(r->hdf, "Dups", subject, nip, regon,
					  email) < 0)
			return -1;
	}
	if (strcmp(kind, "representation_poa") == 0 &&
	    poa_picture(r, subject, row_get(&row, "payload", NULL)) < 0)
		return -1;
	offers(r, &a);
	return view_render(r, status, "ecustomer/skr_app.cs");
}

/* The representation whose power of attorney the office verifies, as
 * Rep.* (its type and state in words by the template). */
static int poa_picture(struct req *r, long long company, const char *payload)
{
	struct row rep;
	int rc = registry_rep_row(&r->arena, registry_rep_of_app(payload),
				  company, &rep);

	if (rc <= 0)
		return rc;
	for (int i = 0; i < rep.n; i++)
		if (rep.v[i] && strcmp(rep.name[i], "poa_sha256") != 0)
			hdf_set_valuef(r->hdf, "Rep.%s=%s", rep.name[i],
				       rep.v[i]);
	if (row_get(&rep, "poa_sha256", NULL))
		hdf_set_value(r->hdf, "Rep.has_poa", "1");
	return 0;
}

/* The power of attorney of an application of kind representation_poa. */
int office_poa_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	struct row app, rep;
	int rc = ec_office_gate(r);

	if (rc <= 0)
		return rc;
	rc = registry_app_row(&r->arena, id, 0, &app);
	if (rc < 0)
		return -1;
	if (rc == 0 ||
	    strcmp(row_get(&app, "kind", ""), "representation_poa") != 0)
		return resp_error(r, 404, "not_found");
	rc = registry_rep_row(
		&r->arena, registry_rep_of_app(row_get(&app, "payload", NULL)),
		row_int(&app, "subject_id", 0), &rep);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	return ec_poa_send(r, &rep);
}

int office_app_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	int rc = ec_office_gate(r);

	if (rc <= 0)
		return rc;
	return id ? ec_office_render(r, id, 200)
		  : resp_error(r, 404, "not_found");
}

int office_take_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	struct registry_actor officer = ec_actor(r);
	struct app a;
	int rc = ec_office_gate(r), moved;

	if (rc <= 0)
		return rc;
	if (!id)
		return resp_error(r, 404, "not_found");
	if (db_begin() < 0)
		return -1;
	rc = registry_app_take(&r->arena, id, &officer, &a, &moved);
	if (rc < 0)
		goto fail;
	if (rc != APP_OK) {
		db_rollback();
		return ec_app_refused(r, rc);
	}
	if ((moved && ec_notify(r, id)) ||
	    audit_log(r, "ecustomer.application.take",
		      arena_printf(&r->arena, "application:%lld", id), NULL))
		goto fail;
	if (db_commit() < 0)
		return -1;
	return resp_redirect(r, arena_printf(&r->arena,
					     "/skr/ecustomer/applications/%lld",
					     id));
fail:
	db_rollback();
	return -1;
}
