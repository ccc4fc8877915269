/* trip_pick.c: what the reservation and trip pages share: the vehicles
 * and drivers an officer may pick, a refusal beside its field, the lists'
 * filters */
#include "trip_ui.h"

#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "log.h"
#include "resp.h"
#include "tzpl.h"
#include "units.h"
#include "valid.h"
#include "view.h"

int trip_pick_vehicle(struct req *r, const struct fleet_scope *s,
		      const char *id, long long *vehicle, long long *unit)
{
	struct row row;
	long long v = id ? valid_id(id) : 0;
	int rc;

	*vehicle = *unit = 0;
	if (v <= 0)
		return 0;
	rc = fleet_trip_vehicle(&r->arena, v, &row);
	if (rc <= 0)
		return rc;
	*vehicle = v;
	*unit = row_int(&row, "unit_id", 0);
	if (s->manage_root) {
		rc = units_in_subtree(&r->arena, s->manage_root, *unit);
		if (rc != 0)
			return rc;
	}
	/* A driver takes the pool vehicles of their own unit. */
	return s->drive_unit && s->drive_unit == *unit &&
	       row_int(&row, "pool", 0);
}

/* Options "PLATE · make model" from the vehicle rows under src. */
static int vehicle_labels(struct req *r, const char *src)
{
	HDF *h;
	int n = 0;

	for (h = hdf_get_child(r->hdf, src); h; h = hdf_obj_next(h), n++) {
		hdf_set_valuef(r->hdf, "Opt.vehicle.%d.Value=%s", n,
			       hdf_get_value(h, "id", ""));
		hdf_set_valuef(r->hdf, "Opt.vehicle.%d.Label=%s · %s %s", n,
			       hdf_get_value(h, "plate", ""),
			       hdf_get_value(h, "make", ""),
			       hdf_get_value(h, "model", ""));
	}
	hdf_remove_tree(r->hdf, src);
	return 0;
}

int trip_vehicle_options(struct req *r, const struct fleet_scope *s, int pool)
{
	struct fleet_vehicle_filter f = { 0 };

	f.status = "";
	f.kind = "";
	f.text = "";
	f.pool_only = pool;
	if (s->manage_root) {
		f.root = s->manage_root;
	} else {
		f.root = s->drive_unit;
		f.only_unit = f.pool_only = 1;
	}
	if (fleet_vehicle_list_hdf(r->hdf, "Tmp.V", &f, 500) < 0)
		return -1;
	return vehicle_labels(r, "Tmp.V");
}

int trip_driver_options(struct req *r, const struct fleet_scope *s)
{
	if (!s->manage_root)
		return 0;
	return fleet_trip_drivers_options(r->hdf, "Opt.driver", s->manage_root);
}

int trip_driver_of(struct req *r, long long staff, long long unit)
{
	char today[11];
	long long du = 0;
	int rc;

	tzpl_today(0, today);
	rc = fleet_driver_permitted(&r->arena, staff, today, &du);
	if (rc <= 0)
		return rc;
	return du == unit;
}

int trip_refused(struct req *r, enum fleet_refusal why, const char *tpl)
{
	const char *field = fleet_refusal_field(why);

	if (!*field || !tpl)
		return resp_error(r, fleet_refusal_status(why),
				  fleet_refusal_key(why));
	view_field_error(r, field, fleet_refusal_key(why));
	hdf_set_value(r->hdf, "Page.FormErrors", "1");
	return view_render(r, fleet_refusal_status(why), tpl);
}

static int valid_day(const char *s)
{
	return valid_date(s, NULL, NULL, NULL);
}

static int valid_unit(const char *s)
{
	return valid_id(s) > 0;
}

static int valid_status(const char *s)
{
	static const char *const st[] = { "active", "cancelled", "open",
					  "closed", "checked",	 NULL };

	return fleet_is_code(st, s);
}

static int valid_purpose(const char *s)
{
	static const char *const pu[] = { "operation", "transfer", "training",
					  "service", NULL };

	return fleet_is_code(pu, s);
}

static int valid_view(const char *s)
{
	return !strcmp(s, "print");
}

enum { Q_FROM, Q_TO, Q_UNIT, Q_VEHICLE, Q_STATUS, Q_PURPOSE, Q_VIEW, Q__MAX };
static const struct param list_params[Q__MAX] = {
	{ "from", P_QUERY, 10, NULL, valid_day, "date" },	 /* Q_FROM */
	{ "to", P_QUERY, 10, NULL, valid_day, "date" },		 /* Q_TO */
	{ "unit", P_QUERY, 18, NULL, valid_unit, "fleet_unit" }, /* Q_UNIT */
	{ "vehicle", P_QUERY, 18, NULL, valid_unit,
	  "fleet_not_found" }, /* Q_VEHICLE */
	{ "status", P_QUERY, 12, NULL, valid_status,
	  "fleet_choice" }, /* Q_STATUS */
	{ "purpose", P_QUERY, 12, NULL, valid_purpose,
	  "fleet_choice" }, /* Q_PURPOSE */
	{ "view", P_QUERY, 8, NULL, valid_view, "fleet_choice" }, /* Q_VIEW */
};

int trip_list_read(struct req *r, const struct fleet_scope *s,
		   struct trip_list_q *q)
{
	const char *v[Q__MAX];
	long long root = s->read_root ? s->read_root : s->drive_unit;
	int bad = form_read(r, list_params, Q__MAX, v), rc;

	memset(q, 0, sizeof(*q));
	q->from = v[Q_FROM] ? v[Q_FROM] : "";
	q->to = v[Q_TO] ? v[Q_TO] : "";
	q->status = v[Q_STATUS] ? v[Q_STATUS] : "";
	q->purpose = v[Q_PURPOSE] ? v[Q_PURPOSE] : "";
	q->print = v[Q_VIEW] != NULL;
	if (*q->from && *q->to && strcmp(q->from, q->to) > 0) {
		view_field_error(r, "to", "fleet_span_reversed");
		bad++;
	}
	if (v[Q_UNIT]) {
		q->unit = valid_id(v[Q_UNIT]);
		rc = units_in_subtree(&r->arena, root, q->unit);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			view_field_error(r, "unit", "fleet_unit");
			bad++;
		}
	}
	if (v[Q_VEHICLE]) {
		struct row row;

		q->vehicle = valid_id(v[Q_VEHICLE]);
		rc = fleet_trip_vehicle(&r->arena, q->vehicle, &row);
		if (rc < 0)
			return -1;
		if (rc == 1)
			rc = units_in_subtree(&r->arena, root,
					      row_int(&row, "unit_id", 0));
		if (rc < 0)
			return -1;
		if (rc == 0)
			return resp_error(r, 404, "fleet_not_found") < 0 ? -1
									 : -2;
		hdf_set_value(r->hdf, "List.Plate", row_get(&row, "plate", ""));
	}
	if (s->read_root && fleet_ui_unit_options(r, "Opt.unit", root) < 0)
		return -1;
	if (bad)
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
	hdf_set_value(r->hdf, "List.Query", r->query ? r->query : "");
	return bad;
}
