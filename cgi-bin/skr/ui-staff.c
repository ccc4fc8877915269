/* ui-staff.c: the administrator's list of staff and the new-staff form */
#include "skr.h"

#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "password.h"
#include "resp.h"
#include "route.h"
#include "staff.h"
#include "valid.h"
#include "view.h"

static int valid_login(const char *s)
{
	size_t n = strlen(s);

	if (n < 3 || n > 64)
		return 0;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

static int valid_name(const char *s)
{
	return valid_text(s, 200);
}

static int check_unit(const char *s)
{
	return valid_id(s) > 0;
}

static int valid_disabled(const char *s)
{
	return strcmp(s, "0") == 0 || strcmp(s, "1") == 0;
}

static int valid_role(const char *s)
{
	return staff_role_bit(s) != 0;
}

enum { F_UNIT, F_ROLE, F_DISABLED, F__MAX };
static const struct param filter_params[F__MAX] = {
	{ "unit", P_QUERY, 12, NULL, check_unit, "skr_unit" }, /* F_UNIT */
	{ "role", P_QUERY, 16, NULL, valid_role, "skr_role" }, /* F_ROLE */
	{ "disabled", P_QUERY, 1, NULL, valid_disabled,
	  "invalid" }, /* F_DISABLED */
};

enum { N_LOGIN, N_NAME, N_EMAIL, N_PASSWORD, N_UNIT, N__MAX };
static const struct param new_params[N__MAX] = {
	{ "login", P_REQUIRED, 64, NULL, valid_login, "skr_login" },
	{ "full_name", P_REQUIRED, 200, NULL, valid_name, "invalid" },
	{ "email", P_REQUIRED, 254, NULL, valid_email, "email" },
	{ "password", P_REQUIRED | P_SECRET | P_RAW, 128, NULL,
	  password_acceptable, "skr_password" },
	{ "unit", P_REQUIRED, 12, NULL, check_unit, "skr_unit" },
};

struct list_ctx {
	struct req *r;
	int n;
};

static int staff_cb(const struct row *row, void *ctx)
{
	struct list_ctx *c = ctx;
	struct req *r = c->r;
	unsigned bits = roles_parse(row_get(row, "roles", NULL));
	char p[32];
	int k = 0;

	snprintf(p, sizeof(p), "Staff.%d", c->n++);
	hdf_set_valuef(r->hdf, "%s.Id=%s", p, row_get(row, "id", ""));
	hdf_set_valuef(r->hdf, "%s.Login=%s", p, row_get(row, "login", ""));
	hdf_set_valuef(r->hdf, "%s.Name=%s", p, row_get(row, "full_name", ""));
	hdf_set_valuef(r->hdf, "%s.Email=%s", p, row_get(row, "email", ""));
	hdf_set_valuef(r->hdf, "%s.Disabled=%s", p,
		       row_get(row, "disabled", "0"));
	hdf_set_valuef(r->hdf, "%s.UnitCode=%s", p,
		       row_get(row, "unit_code", ""));
	hdf_set_valuef(r->hdf, "%s.UnitName=%s", p,
		       unit_name_of(r, row_get(row, "name_pl", ""),
				    row_get(row, "name_en", "")));
	for (unsigned bit = 1; bit < ROLE__ALL; bit <<= 1) {
		char key[64];

		if (!(bits & bit))
			continue;
		snprintf(key, sizeof(key), "skr.role.%s", staff_role_name(bit));
		hdf_set_valuef(r->hdf, "%s.Roles.%d=%s", p, k++,
			       view_text(r, key));
	}
	return 0;
}

int staff_list_fn(struct req *r)
{
	const char *v[F__MAX];
	long long root = r->sess.unit_id;
	struct list_ctx c = { r, 0 };
	int status = 200, errors;

	errors = form_read(r, filter_params, F__MAX, v);
	if (v[F_UNIT]) {
		int in = scope_has_unit(r, valid_id(v[F_UNIT]));

		if (in < 0)
			return -1;
		if (in)
			root = valid_id(v[F_UNIT]);
		else {
			view_field_error(r, "unit", "err.skr_unit");
			errors++;
		}
	}
	if (errors)
		status = 422;
	if (scope_units_hdf(r, "Units", r->sess.unit_id) < 0)
		return -1;
	roles_hdf(r, "Roles", 0);
	if (staff_each_in_subtree(root, v[F_ROLE] ? v[F_ROLE] : "",
				  v[F_DISABLED] ? valid_id(v[F_DISABLED])
						: -1LL,
				  staff_cb, &c) < 0)
		return -1;
	hdf_set_int_value(r->hdf, "List.Count", c.n);
	if (c.n >= 500)
		hdf_set_value(r->hdf, "List.Capped", "1");
	return view_render(r, status, "skr/staff-list.cs");
}

static int render_new(struct req *r, int status, unsigned roles)
{
	if (scope_units_hdf(r, "Units", r->sess.unit_id) < 0)
		return -1;
	roles_hdf(r, "Roles", roles);
	return view_render(r, status, "skr/staff-new.cs");
}

int staff_new_fn(struct req *r)
{
	return render_new(r, 200, 0);
}

int staff_create_fn(struct req *r)
{
	const char *v[N__MAX], *object, *detail;
	char hash[PASSWORD_HASH_MAX];
	unsigned roles;
	int errors, in, asked, rc;
	long long id, unit;

	errors = form_read(r, new_params, N__MAX, v);
	if (roles_read(r, &roles) < 0) {
		view_field_error(r, "role", "err.skr_role");
		errors++;
	}
	unit = valid_id(v[N_UNIT]);
	if (v[N_UNIT]) {
		/* A unit outside the subtree is as unknown as a missing one. */
		if ((in = scope_has_unit(r, unit)) < 0)
			return -1;
		if (!in) {
			view_field_error(r, "unit", "err.skr_unit");
			errors++;
		}
	}
	if (errors) {
		hdf_set_int_value(r->hdf, "Page.FormErrors", errors);
		return render_new(r, 422, roles);
	}
	if (password_hash(v[N_PASSWORD], hash) != 0)
		return -1;
	if (db_begin() < 0)
		return -1;
	if ((rc = staff_create(v[N_LOGIN], v[N_EMAIL], v[N_NAME], hash, unit,
			       r->sess.account_id, &id)) < 0) {
		db_rollback();
		if (rc != -2)
			return -1;
		view_field_error(r, "login", "err.skr_login_taken");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return render_new(r, 422, roles);
	}
	/* A new account is no way around a second administrator: its
	 * administrator, auditor and watch-list roles wait like any grant. */
	for (unsigned bit = 1; bit < ROLE__ALL; bit <<= 1)
		if ((roles & bit & ~ROLES_TWO_ADMINS) &&
		    staff_role_add(id, staff_role_name(bit)) < 0)
			goto fail;
	object = arena_printf(&r->arena, "staff:%lld", id);
	/* The name last: free text, it takes the rest of the line. */
	detail = arena_printf(
		&r->arena, "@skr.audit.detail.staff_create|%s|%s|%s|%s",
		v[N_LOGIN], unit_code(r, unit),
		roles_text(r, roles & ~ROLES_TWO_ADMINS), v[N_NAME]);
	if (audit_log(r, "staff.create", object, detail) < 0)
		goto fail;
	if ((asked = grant_request(r, id, roles)) < 0)
		goto fail;
	if (db_commit() < 0)
		return -1;
	return resp_redirect(r, arena_printf(&r->arena,
					     "/skr/admin/staff/%lld?%s=1", id,
					     asked ? "pending" : "saved"));
fail:
	db_rollback();
	return -1;
}
