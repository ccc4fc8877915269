/* ui-staff-edit.c: one staff member as an administrator sees it: unit and
 * roles (the administrator, auditor and watch-list roles only asked for,
 * grant.c), disabling, a new password; each change one transaction with
 * its audit row */
#include "skr.h"

#include <string.h>

#include "audit.h"
#include "db.h"
#include "epoch.h"
#include "form.h"
#include "password.h"
#include "resp.h"
#include "route.h"
#include "session.h"
#include "signin.h"
#include "staff.h"
#include "valid.h"
#include "view.h"

static int check_unit(const char *s)
{
	return valid_id(s) > 0;
}

static int valid_flag(const char *s)
{
	return strcmp(s, "0") == 0 || strcmp(s, "1") == 0;
}

enum { U_UNIT, U__MAX };
static const struct param update_params[U__MAX] = {
	{ "unit", P_REQUIRED, 12, NULL, check_unit, "skr_unit" }, /* U_UNIT */
};
enum { S_DISABLED, S__MAX };
static const struct param status_params[S__MAX] = {
	{ "disabled", P_REQUIRED, 1, NULL, valid_flag, "invalid" },
};
enum { W_PASSWORD, W__MAX };
static const struct param password_params[W__MAX] = {
	{ "password", P_REQUIRED | P_SECRET | P_RAW, 128, NULL,
	  password_acceptable, "skr_password" },
};

/* Loads the staff member in scope into Staff.*; 1 found, 0 not, -1. */
static int load(struct req *r, long long id, unsigned *roles)
{
	struct row row;
	const char *object;
	int rc;

	if (id <= 0)
		return 0;
	rc = staff_get_in_subtree(&r->arena, r->sess.unit_id, id, &row);
	if (rc <= 0)
		return rc;
	for (int i = 0; i < row.n; i++)
		if (row.v[i])
			hdf_set_valuef(r->hdf, "Staff.%s=%s", row.name[i],
				       row.v[i]);
	hdf_set_value(r->hdf, "Staff.unit_name",
		      unit_name_of(r, row_get(&row, "name_pl", ""),
				   row_get(&row, "name_en", "")));
	if (id == r->sess.account_id)
		hdf_set_value(r->hdf, "Staff.self", "1");
	*roles = roles_parse(row_get(&row, "roles", NULL));
	/* What the forms show unless the user just typed something else. */
	if (!hdf_get_value(r->hdf, "Form.unit", NULL))
		hdf_set_value(r->hdf, "Form.unit",
			      row_get(&row, "unit_id", ""));
	object = arena_printf(&r->arena, "staff:%lld", id);
	if (audit_history_hdf(r->hdf, "History", object, 20) < 0)
		return -1;
	audit_words(r, "History");
	if (grant_pending_hdf(r, "Pending", id) < 0)
		return -1;
	return 1;
}

/* The edit page, for a GET or for a form that needs correcting. roles is
 * what the role boxes show, or NULL for the stored roles. */
static int render(struct req *r, long long id, int status,
		  const unsigned *roles)
{
	unsigned stored = 0;
	int rc = load(r, id, &stored);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	if (scope_units_hdf(r, "Units", r->sess.unit_id) < 0)
		return -1;
	roles_hdf(r, "Roles", roles ? *roles : stored);
	if (req_query(r, "saved"))
		hdf_set_value(r->hdf, "Page.Notice", view_text(r, "skr.saved"));
	else if (req_query(r, "pending"))
		hdf_set_value(r->hdf, "Page.Notice",
			      view_text(r, "skr.grants.asked"));
	return view_render(r, status, "skr/staff-edit.cs");
}

int staff_edit_fn(struct req *r)
{
	return render(r, route_arg_id(r, 0), 200, NULL);
}

/* Starts the transaction and locks the row; 1 when the person is (still)
 * in scope, 0 not (rolled back), -1 error (rolled back). */
static int begin_locked(struct req *r, long long id, struct row *row)
{
	int rc;

	if (db_begin() < 0)
		return -1;
	rc = staff_lock(&r->arena, id, row);
	if (rc == 1)
		rc = scope_has_unit(r, row_int(row, "unit_id", 0));
	if (rc != 1)
		db_rollback();
	return rc;
}

static int saved(struct req *r, long long id)
{
	return resp_redirect(
		r,
		arena_printf(&r->arena, "/skr/admin/staff/%lld?saved=1", id));
}

/* Nobody changes their own unit or roles, not even to take one away:
 * whoever holds the administration cannot widen it, and the attempt is
 * worth a line in the audit log. */
static int refuse_self(struct req *r, long long id, unsigned old_roles)
{
	unsigned roles;
	const char *detail;

	if (roles_read(r, &roles) < 0)
		roles = 0;
	detail = arena_printf(&r->arena, "@skr.audit.detail.self_refused|%s|%s",
			      roles_text(r, old_roles), roles_text(r, roles));
	if (audit_log(r, "staff.self_change_refused",
		      arena_printf(&r->arena, "staff:%lld", id), detail) < 0)
		return -1;
	return resp_error(r, 403, "skr_self_roles");
}

int staff_update_fn(struct req *r)
{
	long long id = route_arg_id(r, 0), unit, old_unit;
	unsigned roles, old_roles = 0, now;
	const char *v[U__MAX], *object;
	struct buf detail = { 0 };
	struct row row;
	int errors, rc, asked;

	/* The form first: what the user chose wins over the stored unit. */
	errors = form_read(r, update_params, U__MAX, v);
	if ((rc = load(r, id, &old_roles)) <= 0)
		return rc < 0 ? -1 : resp_error(r, 404, "not_found");
	if (id == r->sess.account_id)
		return refuse_self(r, id, old_roles);
	unit = valid_id(v[U_UNIT]);
	if (v[U_UNIT]) {
		if ((rc = scope_has_unit(r, unit)) < 0)
			return -1;
		if (!rc) {
			view_field_error(r, "unit", "err.skr_unit");
			errors++;
		}
	}
	if (roles_read(r, &roles) < 0) {
		view_field_error(r, "role", "err.skr_role");
		errors++;
	}
	if (errors) {
		hdf_set_int_value(r->hdf, "Page.FormErrors", errors);
		return render(r, id, 422, &roles);
	}
	if ((rc = begin_locked(r, id, &row)) <= 0)
		return rc < 0 ? -1 : resp_error(r, 404, "not_found");
	old_unit = row_int(&row, "unit_id", 0);
	if (staff_roles_of(&r->arena, id, &row) < 0)
		goto fail;
	old_roles = roles_parse(row_get(&row, "roles", NULL));
	/* Taken away or ordinary: at once. Administrator, auditor, watch
	 * list not held yet: asked for, given when a second administrator
	 * approves (grant.c). */
	now = roles & (~ROLES_TWO_ADMINS | old_roles);
	if (unit != old_unit && staff_set_unit(id, unit) < 0)
		goto fail;
	if (now != old_roles) {
		if (staff_roles_clear(id) < 0)
			goto fail;
		for (unsigned bit = 1; bit < ROLE__ALL; bit <<= 1)
			if ((now & bit) &&
			    staff_role_add(id, staff_role_name(bit)) < 0)
				goto fail;
	}
	/* One key for what changed: the unit, the roles or both. */
	if (unit != old_unit && now != old_roles)
		buf_printf(&detail, "@skr.audit.detail.unit_roles|%s|%s|%s|%s",
			   unit_code(r, old_unit), unit_code(r, unit),
			   roles_text(r, old_roles), roles_text(r, now));
	else if (unit != old_unit)
		buf_printf(&detail, "@skr.audit.detail.unit|%s|%s",
			   unit_code(r, old_unit), unit_code(r, unit));
	else if (now != old_roles)
		buf_printf(&detail, "@skr.audit.detail.roles|%s|%s",
			   roles_text(r, old_roles), roles_text(r, now));
	/* Signed-in copies of this officer's roles and unit are dropped
	 * when this commits (session.c keeps them for seconds). */
	if (detail.len)
		epoch_bump(EPOCH_SESSION);
	object = arena_printf(&r->arena, "staff:%lld", id);
	if (detail.len && audit_log(r, "staff.update", object, detail.p) < 0)
		goto fail;
	if ((asked = grant_request(r, id, roles & ~old_roles)) < 0)
		goto fail;
	buf_free(&detail);
	if (db_commit() < 0)
		return -1;
	if (asked)
		return resp_redirect(r, arena_printf(&r->arena,
						     "/skr/admin/staff/%lld"
						     "?pending=1",
						     id));
	return saved(r, id);
fail:
	buf_free(&detail);
	db_rollback();
	return -1;
}

int staff_status_fn(struct req *r)
{
	long long id = route_arg_id(r, 0), disabled;
	const char *v[S__MAX], *object, *detail;
	unsigned roles;
	struct row row;
	int rc;

	if ((rc = load(r, id, &roles)) <= 0)
		return rc < 0 ? -1 : resp_error(r, 404, "not_found");
	if (form_read(r, status_params, S__MAX, v))
		return render(r, id, 422, NULL);
	disabled = valid_id(v[S_DISABLED]);
	if (disabled && id == r->sess.account_id) {
		view_field_error(r, "disabled", "err.skr_self_disable");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return render(r, id, 422, NULL);
	}
	/* Disabling signs the person out everywhere: asked first. Enabling,
	 * or disabling what already is, is not. */
	if (disabled && !hdf_get_int_value(r->hdf, "Staff.disabled", 0) &&
	    !view_confirmed(r)) {
		hdf_set_value(r->hdf, "Confirm.Arg.name",
			      hdf_get_value(r->hdf, "Staff.full_name", ""));
		hdf_set_value(r->hdf, "Confirm.Arg.login",
			      hdf_get_value(r->hdf, "Staff.login", ""));
		hdf_set_value(r->hdf, "Confirm.Arg.unit",
			      hdf_get_value(r->hdf, "Staff.unit_name", ""));
		return view_confirm(
			r, "skr.edit.confirm_disable",
			arena_printf(&r->arena, "/skr/admin/staff/%lld", id));
	}
	if ((rc = begin_locked(r, id, &row)) <= 0)
		return rc < 0 ? -1 : resp_error(r, 404, "not_found");
	if (row_int(&row, "disabled", 0) == disabled) {
		db_rollback();
		return saved(r, id);
	}
	if (staff_set_disabled(id, disabled) < 0)
		goto fail;
	/* A disabled officer is signed out everywhere at once, not at the
	 * end of their sessions. */
	if (disabled && session_end_all(&staff_session, id, 0) < 0)
		goto fail;
	object = arena_printf(&r->arena, "staff:%lld", id);
	detail = disabled ? "@skr.audit.detail.disable"
			  : "@skr.audit.detail.enable";
	if (audit_log(r, disabled ? "staff.disable" : "staff.enable", object,
		      detail) < 0)
		goto fail;
	if (db_commit() < 0)
		return -1;
	return saved(r, id);
fail:
	db_rollback();
	return -1;
}

int staff_password_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	char hash[PASSWORD_HASH_MAX];
	const char *v[W__MAX], *object;
	unsigned roles;
	struct row row;
	int rc;

	if ((rc = load(r, id, &roles)) <= 0)
		return rc < 0 ? -1 : resp_error(r, 404, "not_found");
	if (form_read(r, password_params, W__MAX, v))
		return render(r, id, 422, NULL);
	if (password_hash(v[W_PASSWORD], hash) != 0)
		return -1;
	if ((rc = begin_locked(r, id, &row)) <= 0)
		return rc < 0 ? -1 : resp_error(r, 404, "not_found");
	if (staff_set_password(id, hash) < 0 || signin_forget("staff", id) < 0)
		goto fail;
	/* Whoever held the old password is out; an administrator resetting
	 * their own keeps this session. */
	if (session_end_all(&staff_session, id,
			    id == r->sess.account_id ? r->sess.id : 0) < 0)
		goto fail;
	object = arena_printf(&r->arena, "staff:%lld", id);
	if (audit_log(r, "staff.password_reset", object,
		      "@skr.audit.detail.password_reset") < 0)
		goto fail;
	if (db_commit() < 0)
		return -1;
	return saved(r, id);
fail:
	db_rollback();
	return -1;
}
