/* ui-grants.c: the administrator, auditor and watch-list roles waiting for
 * a second administrator, and the decisions on them: approve or reject (by
 * an administrator who neither asked nor would get the role, over the
 * person's unit), or withdraw (by the one who asked) */
#include "skr.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "epoch.h"
#include "form.h"
#include "resp.h"
#include "route.h"
#include "staff.h"
#include "view.h"

#define DECIDED_SHOWN 50

static int valid_decision(const char *s)
{
	return !strcmp(s, "approve") || !strcmp(s, "reject") ||
	       !strcmp(s, "withdraw");
}

enum { D_DECISION, D__MAX };
static const struct param decide_params[D__MAX] = {
	{ "decision", P_REQUIRED, 10, NULL, valid_decision, "invalid" },
};

struct list_ctx {
	struct req *r;
	const char *prefix;
	int n;
};

static int grant_cb(const struct row *row, void *ctx)
{
	struct list_ctx *c = ctx;
	struct req *r = c->r;
	char p[48];

	snprintf(p, sizeof(p), "%s.%d", c->prefix, c->n++);
	hdf_set_valuef(r->hdf, "%s.Id=%s", p, row_get(row, "id", ""));
	hdf_set_valuef(r->hdf, "%s.StaffId=%s", p,
		       row_get(row, "staff_id", ""));
	hdf_set_valuef(r->hdf, "%s.Login=%s", p, row_get(row, "login", ""));
	hdf_set_valuef(r->hdf, "%s.Name=%s", p, row_get(row, "full_name", ""));
	hdf_set_valuef(r->hdf, "%s.UnitCode=%s", p,
		       row_get(row, "unit_code", ""));
	hdf_set_valuef(r->hdf, "%s.UnitName=%s", p,
		       unit_name_of(r, row_get(row, "name_pl", ""),
				    row_get(row, "name_en", "")));
	hdf_set_valuef(r->hdf, "%s.Role=%s", p, row_get(row, "role", ""));
	hdf_set_valuef(r->hdf, "%s.RoleLabel=%s", p,
		       role_label(r, row_get(row, "role", "")));
	hdf_set_valuef(r->hdf, "%s.Status=%s", p, row_get(row, "status", ""));
	hdf_set_valuef(r->hdf, "%s.Requester=%s", p,
		       row_get(row, "requester", ""));
	hdf_set_valuef(r->hdf, "%s.AskedAt=%s", p,
		       local_minute(r, row_int(row, "asked_at", 0)));
	if (row_get(row, "decider", NULL)) {
		hdf_set_valuef(r->hdf, "%s.Decider=%s", p,
			       row_get(row, "decider", ""));
		hdf_set_valuef(r->hdf, "%s.DecidedAt=%s", p,
			       local_minute(r, row_int(row, "decided_at", 0)));
	}
	/* What this administrator may do with it; the handler checks again. */
	if (row_int(row, "requested_by", 0) == r->sess.account_id)
		hdf_set_valuef(r->hdf, "%s.Mine=1", p);
	else if (row_int(row, "staff_id", 0) == r->sess.account_id)
		hdf_set_valuef(r->hdf, "%s.ForMe=1", p);
	return 0;
}

static int list(struct req *r, const char *prefix, int pending, int limit)
{
	struct list_ctx c = { r, prefix, 0 };

	if (staff_grant_each_in_subtree(r->sess.unit_id, pending, limit,
					grant_cb, &c) < 0)
		return -1;
	return c.n;
}

int grants_fn(struct req *r)
{
	const char *done = req_query(r, "done");

	if (list(r, "Pending", 1, 500) < 0 ||
	    list(r, "Decided", 0, DECIDED_SHOWN) < 0)
		return -1;
	if (done && valid_decision(done))
		hdf_set_value(
			r->hdf, "Page.Notice",
			view_text(r, arena_printf(&r->arena,
						  "skr.grants.done_%s", done)));
	return view_render(r, 200, "skr/grants.cs");
}

int grant_decide_fn(struct req *r)
{
	long long id = route_arg_id(r, 0), staff, me = r->sess.account_id;
	const char *v[D__MAX], *to, *role, *object, *detail, *asker;
	struct row row;
	int rc, withdraw;

	if ((rc = staff_grant_get(&r->arena, id, &row)) < 0)
		return -1;
	/* Someone outside the subtree does not exist for this administrator;
	 * neither do their grants. */
	if (rc == 0 ||
	    (rc = scope_has_unit(r, row_int(&row, "unit_id", 0))) == 0)
		return resp_error(r, 404, "not_found");
	if (rc < 0)
		return -1;
	if (form_read(r, decide_params, D__MAX, v))
		return resp_error(r, 422, "invalid");
	staff = row_int(&row, "staff_id", 0);
	role = arena_strdup(&r->arena, row_get(&row, "role", ""));
	withdraw = !strcmp(v[D_DECISION], "withdraw");
	if (withdraw && row_int(&row, "requested_by", 0) != me)
		return resp_error(r, 403, "skr_grant_not_yours");
	if (!withdraw && row_int(&row, "requested_by", 0) == me)
		return resp_error(r, 403, "skr_grant_own");
	if (!withdraw && staff == me)
		return resp_error(r, 403, "skr_grant_self");
	if (strcmp(row_get(&row, "status", ""), "pending") != 0)
		return resp_error(r, 409, "skr_grant_decided");
	to = withdraw				 ? "withdrawn"
	     : !strcmp(v[D_DECISION], "approve") ? "approved"
						 : "rejected";
	/* Who asked, by name (the login when it cannot be read). */
	asker = staff_name(&r->arena, row_int(&row, "requested_by", 0));
	detail = arena_printf(
		&r->arena, "@skr.audit.detail.grant_answered|%s|%s", role,
		audit_param(&r->arena,
			    asker ? asker : row_get(&row, "requester", "?")));
	/* A rejection is final for this request: asked first. */
	if (!strcmp(to, "rejected") && !view_confirmed(r)) {
		hdf_set_value(r->hdf, "Confirm.Arg.role",
			      view_text(r, arena_printf(&r->arena,
							"skr.role.%s", role)));
		hdf_set_value(r->hdf, "Confirm.Arg.name",
			      row_get(&row, "full_name", ""));
		hdf_set_value(r->hdf, "Confirm.Arg.login",
			      row_get(&row, "login", ""));
		hdf_set_value(r->hdf, "Confirm.Arg.requester",
			      row_get(&row, "requester", ""));
		return view_confirm(r, "skr.grants.confirm_reject",
				    "/skr/admin/grants");
	}

	if (db_begin() < 0)
		return -1;
	/* The person first, as every staff change does (ui-staff-edit.c): a
	 * grant decided while their roles are being edited waits for it. */
	rc = staff_lock(&r->arena, staff, &row);
	if (rc == 1)
		rc = scope_has_unit(r, row_int(&row, "unit_id", 0));
	if (rc != 1) {
		/* Moved out of this administrator's subtree meanwhile. */
		db_rollback();
		return rc < 0 ? -1 : resp_error(r, 404, "not_found");
	}
	rc = staff_grant_decide(id, to, me);
	if (rc < 0)
		goto fail;
	if (rc == 0) {
		db_rollback();
		return resp_error(r, 409, "skr_grant_decided");
	}
	if (!strcmp(to, "approved")) {
		if (staff_role_give(staff, role) < 0)
			goto fail;
		/* Signed-in copies of the person's roles are dropped when
		 * this commits (session.c keeps them for seconds). */
		epoch_bump(EPOCH_SESSION);
	}
	object = arena_printf(&r->arena, "staff:%lld", staff);
	if (audit_log(r,
		      withdraw			? "staff.grant_withdraw"
		      : !strcmp(to, "approved") ? "staff.grant_approve"
						: "staff.grant_reject",
		      object, detail) < 0)
		goto fail;
	if (db_commit() < 0)
		return -1;
	return resp_redirect(r, arena_printf(&r->arena,
					     "/skr/admin/grants?done=%s",
					     v[D_DECISION]));
fail:
	db_rollback();
	return -1;
}
