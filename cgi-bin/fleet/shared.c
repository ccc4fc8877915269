/* shared.c: what every fleet page needs: the officer's scope (or the
 * refusal in words), select options in words, the units of a scope */
#include "fleet_ui.h"

#include <string.h>

#include "csv.h"
#include "log.h"
#include "route.h"
#include "resp.h"
#include "tzpl.h"
#include "units.h"
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
