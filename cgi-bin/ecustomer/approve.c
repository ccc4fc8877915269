/* approve.c: the office's decision on an application: the reason checked,
 * then in one transaction the registry's decision (registry_decide.c),
 * the mail and the audit line */
#include "ecustomer.h"

#include <string.h>

#include "audit.h"
#include "registry_records.h"
#include "resp.h"
#include "route.h"
#include "valid.h"
#include "view.h"

/* A power of attorney's verdict is news to both sides of the
 * representation too (the submitter is one of the company's managers). */
static int poa_mail(struct req *r, long long id, int approve,
		    const char *reason)
{
	struct row app;

	if (registry_app_row(&r->arena, id, 0, &app) != 1)
		return -1;
	if (strcmp(row_get(&app, "kind", ""), "representation_poa") != 0)
		return 0;
	return ec_rep_mail(r,
			   registry_rep_of_app(row_get(&app, "payload", NULL)),
			   approve ? "verified" : "poa_refused", reason);
}

int office_decide_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	const char *decision = req_form(r, "decision");
	const char *reason = req_form(r, "reason");
	struct registry_actor officer = ec_actor(r);
	struct app a;
	int approve, rc = ec_office_gate(r);

	if (rc <= 0)
		return rc;
	if (!id)
		return resp_error(r, 404, "not_found");
	if (!decision || (strcmp(decision, "approve") != 0 &&
			  strcmp(decision, "reject") != 0))
		return resp_error(r, 400, "malformed");
	approve = strcmp(decision, "approve") == 0;
	while (reason && (*reason == ' ' || *reason == '\n' || *reason == '\r'))
		reason++;
	if (reason && !*reason)
		reason = NULL; /* an empty box is no reason */
	if (reason)
		hdf_set_value(r->hdf, "Form.reason", reason);
	if (reason && (strlen(reason) > 1000 || !valid_text(reason, 1000))) {
		if (strlen(reason) > 1000)
			view_field_error_max(r, "reason", 1000);
		else
			view_field_error(r, "reason", "err.invalid");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return ec_office_render(r, id, 422);
	}
	if (!approve && !reason) {
		view_field_error(r, "reason", "err.ec_reason_required");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return ec_office_render(r, id, 422);
	}
	/* A rejection ends the application: asked first, once the officer
	 * may decide on it (else the refusal says why). */
	if (!approve && !view_confirmed(r)) {
		rc = registry_app_get(&r->arena, id, &a);
		if (rc < 0)
			return -1;
		if (rc == 0)
			return resp_error(r, 404, "not_found");
		if ((rc = app_may_decide(&a, &officer)) != APP_OK)
			return ec_app_refused(r, rc);
		hdf_set_int_value(r->hdf, "Confirm.Arg.number", (int)id);
		hdf_set_value(r->hdf, "Confirm.Arg.kind",
			      view_text(r, arena_printf(&r->arena,
							"ecustomer.kind.%s",
							a.kind)));
		hdf_set_value(r->hdf, "Confirm.Arg.reason", reason);
		return view_confirm(
			r, "ecustomer.office.confirm_reject",
			arena_printf(&r->arena,
				     "/skr/ecustomer/applications/%lld", id));
	}

	if (db_begin() < 0)
		return -1;
	rc = registry_app_decide(&r->arena, id, &officer, approve, reason, &a);
	if (rc < 0)
		goto fail;
	if (rc != APP_OK) {
		db_rollback();
		return ec_app_refused(r, rc);
	}
	if (ec_notify(r, id) || ec_notify_akcr(r, id) ||
	    poa_mail(r, id, approve, reason) < 0 ||
	    audit_log(r,
		      approve ? "ecustomer.application.approve"
			      : "ecustomer.application.reject",
		      arena_printf(&r->arena, "application:%lld", id), reason))
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
