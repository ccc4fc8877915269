/* ui-my.c: the driver's own page (/skr/fleet/my): the open trip with its
 * closing form, my reservations ahead, my last trips; and the vehicle
 * page's section of trips and reservations */
#include "trip_ui.h"

#include <string.h>

#include "resp.h"
#include "tzpl.h"
#include "view.h"

#define MY_TRIPS 20

int my_fn(struct req *r)
{
	struct fleet_scope s;
	struct fleet_trip_filter tf = { 0 };
	struct fleet_res_filter rf = { 0 };
	long long me = r->sess.account_id, open;
	struct row row;
	char today[11], when[17];
	int rc = fleet_ui_scope(r, &s);

	if (rc)
		return rc < 0 ? -1 : 0;
	if (s.drive_unit || s.manage_root)
		hdf_set_value(r->hdf, "My.CanDrive", "1");
	open = fleet_trip_open_of(me);
	if (open < 0)
		return -1;
	if (open > 0) {
		if (fleet_trip_get(&r->arena, open, &row) != 1)
			return -1;
		for (int i = 0; i < row.n; i++)
			if (row.v[i])
				hdf_set_valuef(r->hdf, "My.Open.%s=%s",
					       row.name[i], row.v[i]);
		fleet_local_text(now_unix() / 60 * 60, when);
		hdf_set_value(r->hdf, "Form.end", when);
	}
	tzpl_today(0, today);
	rf.staff_id = me;
	rf.from = today;
	rf.status = "active";
	rf.limit = 50;
	tf.driver_id = me;
	tf.limit = MY_TRIPS;
	if (fleet_reservations_hdf(r->hdf, "My.Res", &rf, me) < 0 ||
	    fleet_trips_hdf(r->hdf, "My.Trips", &tf) < 0)
		return -1;
	return view_render(r, 200, "fleet/my.cs");
}

int fleet_section_trips(struct req *r, long long vehicle_id, long long unit_id)
{
	struct fleet_trip_filter tf = { 0 };
	struct fleet_res_filter rf = { 0 };
	struct fleet_scope s;
	char today[11];
	int read = fleet_can_read(r, unit_id);

	if (read < 0 || fleet_scope(r, &s) < 0)
		return -1;
	/* A driver who reads nothing else opens only their own cards. */
	hdf_set_int_value(r->hdf, "VTrips.CanRead", read);
	hdf_set_valuef(r->hdf, "VTrips.Me=%lld", r->sess.account_id);
	hdf_set_int_value(r->hdf, "VTrips.CanAct",
			  s.manage_root || s.drive_unit == unit_id);
	tzpl_today(0, today);
	tf.vehicle_id = vehicle_id;
	tf.limit = 10;
	rf.vehicle_id = vehicle_id;
	rf.from = today;
	rf.status = "active";
	rf.limit = 10;
	if (fleet_trips_hdf(r->hdf, "VTrips.Trips", &tf) < 0 ||
	    fleet_reservations_hdf(r->hdf, "VTrips.Res", &rf,
				   r->sess.account_id) < 0)
		return -1;
	hdf_set_int_value(r->hdf, "VTrips.Vehicle", (int)vehicle_id);
	return 0;
}
