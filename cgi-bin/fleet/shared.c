/* shared.c: what every fleet page needs: the officer's scope (or the
 * refusal in words), select options in words, the units of a scope, and
 * what the lists share (the cap, the CSV, the damage and repair filter) */
#include "fleet_ui.h"

#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "form.h"
#include "log.h"
#include "route.h"
#include "resp.h"
#include "tzpl.h"
#include "units.h"
#include "valid.h"
#include "view.h"

int fleet_ui_scope(struct req *r, struct fleet_scope *s)
{
	if (fleet_scope(r, s) < 0)
		return -1;
	if (s->read_root || s->drive_unit)
		return 0;
	return resp_error(r, 403, "fleet_forbidden") < 0 ? -1 : 403;
}

int fleet_ui_options(struct req *r, const char *prefix, const char *set,
		     const char *const *codes)
{
	NEOERR *err = NULL;
	char key[96];

	for (size_t i = 0; codes[i] && !err; i++) {
		snprintf(key, sizeof(key), "Fleet.%s.%s", set, codes[i]);
		err = hdf_set_valuef(r->hdf, "%s.%zu.Value=%s", prefix, i,
				     codes[i]);
		if (!err)
			err = hdf_set_valuef(r->hdf, "%s.%zu.Label=%s", prefix,
					     i, view_text(r, key));
	}
	if (err) {
		log_err("fleet options %s: out of memory", set);
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

struct unit_opts {
	struct req *r;
	const char *prefix;
	size_t n;
	int failed;
};

static int unit_cb(const struct row *row, void *ctx)
{
	struct unit_opts *o = ctx;
	const char *name = row_get(
		row, !strcmp(o->r->lang, "en") ? "name_en" : "name_pl", "");
	NEOERR *err;

	err = hdf_set_valuef(o->r->hdf, "%s.%zu.Value=%s", o->prefix, o->n,
			     row_get(row, "id", ""));
	if (!err)
		err = hdf_set_valuef(o->r->hdf, "%s.%zu.Label=%s · %s",
				     o->prefix, o->n, row_get(row, "code", ""),
				     name);
	if (err) {
		nerr_ignore(&err);
		o->failed = 1;
		return 1;
	}
	o->n++;
	return 0;
}

int fleet_ui_unit_options(struct req *r, const char *prefix, long long root)
{
	struct unit_opts o = { r, prefix, 0, 0 };

	if (root <= 0)
		return 0;
	if (units_each(root, unit_cb, &o) < 0 || o.failed)
		return -1;
	return 0;
}

int fleet_ui_vehicle(struct req *r, struct row *row, enum fleet_access *acc)
{
	struct fleet_scope s;
	long long unit;
	int rc;

	rc = fleet_ui_scope(r, &s);
	if (rc)
		return rc;
	rc = fleet_vehicle_get(&r->arena, route_arg_id(r, 0), row);
	if (rc < 0)
		return -1;
	unit = rc ? row_int(row, "unit_id", 0) : 0;
	*acc = 0;
	if (unit && s.manage_root &&
	    (rc = units_in_subtree(&r->arena, s.manage_root, unit)) != 0)
		*acc = FLEET_MANAGE;
	else if (unit && s.read_root &&
		 (rc = units_in_subtree(&r->arena, s.read_root, unit)) != 0)
		*acc = FLEET_READ;
	else if (unit && s.drive_unit == unit && row_int(row, "pool", 0))
		*acc = FLEET_DRIVE;
	if (rc < 0)
		return -1;
	if (!*acc)
		return resp_error(r, 404, "fleet_not_found") < 0 ? -1 : 404;
	return 0;
}

int fleet_ui_csv_head(struct req *r, struct buf *b, const char *const *keys,
		      size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (csv_cell(b, i == 0, view_text(r, keys[i])) < 0)
			return -1;
	return csv_end(b);
}

int fleet_ui_csv_send(struct req *r, struct buf *b, const char *name)
{
	char today[11];

	tzpl_today(0, today);
	return resp_csv(r, b,
			arena_printf(&r->arena, "%s-%s.csv", name, today));
}

int fleet_ui_list_cap(struct req *r, const char *prefix, int n, int max)
{
	char key[64];

	if (n < 0)
		return -1;
	if (n > max) {
		snprintf(key, sizeof(key), "%s.%d", prefix, max);
		hdf_remove_tree(r->hdf, key);
		hdf_set_value(r->hdf, "List.Capped", "1");
		n = max;
	}
	hdf_set_int_value(r->hdf, "List.Count", n);
	return n;
}

int fleet_ui_csv_rows(struct req *r, const char *prefix,
		      const char *const *head, size_t nhead,
		      int (*line)(struct req *r, struct buf *b, HDF *row),
		      const char *name)
{
	struct buf b = { NULL, 0, 0 };
	HDF *x;

	if (fleet_ui_csv_head(r, &b, head, nhead) < 0)
		goto fail;
	for (x = hdf_get_child(r->hdf, prefix); x; x = hdf_obj_next(x))
		if (line(r, &b, x))
			goto fail;
	return fleet_ui_csv_send(r, &b, name);
fail:
	buf_free(&b);
	return -1;
}

static int valid_vehicle(const char *s)
{
	return valid_id(s) > 0;
}

static int valid_day(const char *s)
{
	return valid_date(s, NULL, NULL, NULL);
}

static int valid_state(const char *s)
{
	return !strcmp(s, "open") || !strcmp(s, "closed");
}

enum { L_VEHICLE, L_STATE, L_FROM, L_TO, L__MAX };
static const struct param list_params[L__MAX] = {
	{ "vehicle", P_QUERY, 18, NULL, valid_vehicle,
	  "fleet_choice" }, /* L_VEHICLE */
	{ "state", P_QUERY, 6, NULL, valid_state,
	  "fleet_choice" },				  /* L_STATE */
	{ "from", P_QUERY, 10, NULL, valid_day, "date" }, /* L_FROM */
	{ "to", P_QUERY, 10, NULL, valid_day, "date" },	  /* L_TO */
};

int fleet_ui_list_read(struct req *r, const char *state_param,
		       struct fleet_ui_list_q *q)
{
	struct param p[L__MAX];
	const char *v[L__MAX];
	int bad, rc;

	memset(q, 0, sizeof(*q));
	if ((rc = fleet_ui_fuel_units(r, &q->units)))
		return rc;
	/* The damage list names its state "status", the repairs "state". */
	memcpy(p, list_params, sizeof(p));
	p[L_STATE].name = state_param;
	bad = form_read(r, p, L__MAX, v);
	bad += fleet_ui_period(r, v[L_FROM], v[L_TO]);
	q->vehicle = v[L_VEHICLE] ? valid_id(v[L_VEHICLE]) : 0;
	q->state = v[L_STATE];
	q->from = v[L_FROM] ? v[L_FROM] : "";
	q->to = v[L_TO] ? v[L_TO] : "";
	if (fleet_ui_vehicle_options(r, q->units) < 0)
		return -1;
	hdf_set_value(r->hdf, "List.Query", r->query ? r->query : "");
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return 422;
	}
	return 0;
}
