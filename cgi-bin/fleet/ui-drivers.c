/* ui-drivers.c: /skr/fleet/drivers: the staff of the officer's units with
 * their licences and permission to drive; a fleet manager records another
 * officer's licence and grants or withdraws the permission (never their
 * own: another manager must) */
#include "fleet_ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "fleet_docs.h"
#include "form.h"
#include "resp.h"
#include "route.h"
#include "staff.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

struct list_ctx {
	struct req *r;
	int n;
	int failed;
};

static int staff_cb(const struct row *row, void *ctx)
{
	static const char *const cols[] = { "id", "login", "full_name",
					    "unit_code" };
	struct list_ctx *c = ctx;
	size_t i;

	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		if (hdf_set_valuef(c->r->hdf, "Drivers.%d.%s=%s", c->n, cols[i],
				   row_get(row, cols[i], "")) != STATUS_OK) {
			c->failed = 1;
			return 1;
		}
	c->n++;
	return 0;
}

/* The driver's licence state for the templates: lapsed (red) when its
 * last valid day is before today. */
static void licence_state(struct req *r, HDF *node, const char *today)
{
	const char *until = hdf_get_value(node, "licence_until", NULL);

	if (until && strcmp(until, today) < 0)
		hdf_set_value(node, "lapsed", "1");
}

int drivers_fn(struct req *r)
{
	struct fleet_scope s;
	struct list_ctx c = { r, 0, 0 };
	char today[11];
	HDF *o;
	int rc;

	rc = fleet_ui_scope(r, &s);
	if (rc)
		return rc < 0 ? -1 : 0;
	if (!s.read_root)
		return resp_error(r, 403, "fleet_driver_forbidden");
	if (s.manage_root)
		hdf_set_value(r->hdf, "Fleet.CanManage", "1");
	if (staff_each_in_subtree(s.read_root, "", 0, staff_cb, &c) < 0 ||
	    c.failed || fleet_drivers_hdf(r->hdf, "D", s.read_root) < 0)
		return -1;
	tzpl_today(0, today);
	for (o = hdf_obj_child(hdf_get_obj(r->hdf, "Drivers")); o;
	     o = hdf_obj_next(o)) {
		HDF *d = hdf_get_obj(r->hdf,
				     arena_printf(&r->arena, "D.%s",
						  hdf_get_value(o, "id", "0")));
		HDF *f;

		/* One's own record is another manager's to change. */
		if (strtoll(hdf_get_value(o, "id", "0"), NULL, 10) ==
		    r->sess.account_id)
			hdf_set_value(o, "self", "1");
		if (!d)
			continue;
		hdf_set_value(o, "has", "1");
		for (f = hdf_obj_child(d); f; f = hdf_obj_next(f))
			hdf_set_value(o, hdf_obj_name(f), hdf_obj_value(f));
		licence_state(r, o, today);
	}
	hdf_remove_tree(r->hdf, "D");
	if (staff_names_hdf(r->hdf, "Drivers", "granted_by",
			    "granted_by_name") < 0)
		return -1;
	hdf_set_int_value(r->hdf, "List.Count", c.n);
	return view_render(r, 200, "fleet/drivers.cs");
}

/* The officer of the URL for a manager of their unit into *st (and their
 * driver row into *d, has 1 when there is one); 0, or the status answered
 * (404 outside the scope, 403 a superior who only reads, or oneself), or
 * -1. */
static int driver_of(struct req *r, long long id, struct row *st, struct row *d,
		     int *has)
{
	struct fleet_scope s;
	int rc;

	rc = fleet_ui_scope(r, &s);
	if (rc)
		return rc;
	rc = s.read_root
		     ? staff_brief_in_subtree(&r->arena, s.read_root, id, st)
		     : 0;
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "fleet_driver_not_found") < 0 ? -1
									: 404;
	rc = fleet_can_manage(r, row_int(st, "unit_id", 0));
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 403, "fleet_driver_forbidden") < 0 ? -1
									: 403;
	/* Nobody permits themselves, nor writes the licence that the
	 * permission rests on: another manager must. */
	if (id == r->sess.account_id)
		return resp_error(r, 403, "fleet_driver_self") < 0 ? -1 : 403;
	rc = fleet_driver_get(&r->arena, id, d);
	if (rc < 0)
		return -1;
	*has = rc;
	hdf_set_valuef(r->hdf, "Driver.id=%lld", id);
	hdf_set_value(r->hdf, "Driver.full_name", row_get(st, "full_name", ""));
	hdf_set_value(r->hdf, "Driver.login", row_get(st, "login", ""));
	hdf_set_value(r->hdf, "Driver.unit_code", row_get(st, "unit_code", ""));
	if (*has) {
		char today[11];

		tzpl_today(0, today);
		hdf_set_value(r->hdf, "Driver.has", "1");
		hdf_set_value(r->hdf, "Driver.permitted",
			      row_get(d, "permitted", "0"));
		hdf_set_value(r->hdf, "Driver.licence_until",
			      row_get(d, "licence_until", ""));
		licence_state(r, hdf_get_obj(r->hdf, "Driver"), today);
	}
	return 0;
}

static int form_page(struct req *r, int status)
{
	HDF *o;

	if (fleet_ui_options(r, "Opt.cat", "category", fleet_categories) < 0)
		return -1;
	for (o = hdf_obj_child(hdf_get_obj(r->hdf, "Opt.cat")); o;
	     o = hdf_obj_next(o))
		if (hdf_get_valuef(r->hdf, "Form.cat.%s",
				   hdf_get_value(o, "Value", "")))
			hdf_set_value(o, "Checked", "1");
	if (status == 422)
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
	return view_render(r, status, "fleet/driver-form.cs");
}

int driver_fn(struct req *r)
{
	struct row st, d;
	int has, rc = driver_of(r, route_arg_id(r, 0), &st, &d, &has);

	if (rc)
		return rc < 0 ? -1 : 0;
	if (has) {
		char *cats = arena_strdup(&r->arena,
					  row_get(&d, "categories", ""));
		char *save = NULL, *t;

		for (t = strtok_r(cats, ",", &save); t;
		     t = strtok_r(NULL, ",", &save))
			hdf_set_valuef(r->hdf, "Form.cat.%s=1", t);
		hdf_set_value(r->hdf, "Form.licence_until",
			      row_get(&d, "licence_until", ""));
	}
	return form_page(r, 200);
}

static int valid_day(const char *s)
{
	int y, m, d;

	return valid_date(s, &y, &m, &d);
}

enum { V_LICENCE_UNTIL, V__MAX };
static const struct param driver_params[V__MAX] = {
	{ "licence_until", P_REQUIRED, 10, NULL, valid_day,
	  "fleet_date" }, /* V_LICENCE_UNTIL */
};

/* The categories ticked (every field "cat"), comma-separated in the SET's
 * order, echoed to Form.cat.<code>; NULL when one is unknown. */
static const char *read_categories(struct req *r, int *unknown)
{
	struct buf b = { 0 };
	const char *out;
	size_t i, k;

	*unknown = 0;
	for (i = 0; i < r->nf; i++) {
		if (strcmp(r->ffields[i].name, "cat"))
			continue;
		if (!fleet_is_code(fleet_categories, r->ffields[i].value))
			*unknown = 1;
		else
			hdf_set_valuef(r->hdf, "Form.cat.%s=1",
				       r->ffields[i].value);
	}
	for (k = 0; fleet_categories[k]; k++)
		if (hdf_get_valuef(r->hdf, "Form.cat.%s", fleet_categories[k]))
			buf_printf(&b, "%s%s", b.len ? "," : "",
				   fleet_categories[k]);
	out = arena_strdup(&r->arena, b.p ? b.p : "");
	buf_free(&b);
	return out;
}

struct save_tx {
	struct req *r;
	long long id, unit;
	const char *cats, *until, *who; /* the officer by name */
	int permit; /* -1 save the licence; 0/1 the permission */
};

static int save_tx_fn(void *ctx)
{
	struct save_tx *t = ctx;
	const char *object = arena_printf(&t->r->arena, "fleet_driver:%lld",
					  t->id);

	if (t->permit < 0) {
		if (fleet_driver_save(t->id, t->unit, t->cats, t->until) < 0)
			return -1;
		return audit_log(t->r, "fleet.driver.save", object,
				 arena_printf(
					 &t->r->arena,
					 "@skr.audit.detail.fleet_driver_save"
					 "|%s|%s|%s",
					 t->who, t->cats, t->until)) < 0
			       ? -1
			       : 0;
	}
	if (fleet_driver_permit(t->id, t->permit, t->r->sess.account_id) < 0)
		return -1;
	return audit_log(t->r,
			 t->permit ? "fleet.driver.grant"
				   : "fleet.driver.withdraw",
			 object,
			 arena_printf(&t->r->arena,
				      "@skr.audit.detail.fleet_driver_%s|%s",
				      t->permit ? "grant" : "withdraw",
				      t->who)) < 0
		       ? -1
		       : 0;
}

int driver_save_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	const char *v[V__MAX];
	struct save_tx t = { r, id, 0, NULL, NULL, NULL, -1 };
	struct row st, d;
	int has, unknown, bad, rc = driver_of(r, id, &st, &d, &has);

	if (rc)
		return rc < 0 ? -1 : 0;
	bad = form_read(r, driver_params, V__MAX, v);
	t.cats = read_categories(r, &unknown);
	if (unknown) {
		view_field_error(r, "cat", "fleet_choice");
		bad++;
	} else if (!*t.cats) {
		view_field_error(r, "cat", "fleet_categories");
		bad++;
	}
	if (v[V_LICENCE_UNTIL]) {
		long n;
		char today[11];
		long now;

		tzpl_today(0, today);
		fleet_day_parse(today, &now);
		fleet_day_parse(v[V_LICENCE_UNTIL], &n);
		if (n < fleet_day(1990, 1, 1) || n > now + 20 * 366) {
			view_field_error(r, "licence_until",
					 "fleet_date_range");
			bad++;
		}
	}
	if (bad)
		return form_page(r, 422);
	t.unit = row_int(&st, "unit_id", 0);
	t.until = v[V_LICENCE_UNTIL];
	t.who = audit_param(&r->arena, row_get(&st, "full_name", ""));
	if (db_tx(save_tx_fn, &t) != 0)
		return -1;
	return resp_redirect(r, "/skr/fleet/drivers");
}

int driver_permit_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	const char *permit = req_form(r, "permit");
	struct save_tx t = { r, id, 0, NULL, NULL, NULL, -1 };
	struct row st, d;
	char today[11];
	int has, rc = driver_of(r, id, &st, &d, &has);

	if (rc)
		return rc < 0 ? -1 : 0;
	if (!permit || (strcmp(permit, "1") && strcmp(permit, "0"))) {
		view_field_error(r, "permit", "fleet_choice");
		return form_page(r, 422);
	}
	t.permit = permit[0] == '1';
	tzpl_today(0, today);
	/* A permission rests on a licence valid today: record it first. */
	if (t.permit &&
	    (!has || strcmp(row_get(&d, "licence_until", ""), today) < 0)) {
		view_field_error(r, "licence_until",
				 has ? "fleet_licence_lapsed"
				     : "fleet_licence_missing");
		if (has)
			hdf_set_value(r->hdf, "Form.licence_until",
				      row_get(&d, "licence_until", ""));
		return form_page(r, 422);
	}
	if (!has)
		return resp_redirect(r, "/skr/fleet/drivers");
	t.who = audit_param(&r->arena, row_get(&st, "full_name", ""));
	if (db_tx(save_tx_fn, &t) != 0)
		return -1;
	return resp_redirect(r, "/skr/fleet/drivers");
}
