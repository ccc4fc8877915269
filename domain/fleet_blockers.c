/* fleet_blockers.c: what stops a driver taking a vehicle on a day: the
 * vehicle out of service, its inspection or insurance lapsed or missing,
 * the driver's licence lapsed, no permission in the vehicle's unit */
#include "fleet.h"

#include <string.h>

/* One row whatever the driver: a missing driver row reads as NULLs. A
 * document is valid on day when valid_until is day or later. */
static struct sql q_blockers = SQL(
	"SELECT v.status, v.unit_id,"
	" EXISTS (SELECT 1 FROM fleet_document d WHERE d.vehicle_id = v.id"
	"  AND d.kind = 'inspection' AND d.valid_until >= ?) AS inspection_ok,"
	" EXISTS (SELECT 1 FROM fleet_document d WHERE d.vehicle_id = v.id"
	"  AND d.kind = 'insurance' AND d.valid_until >= ?) AS insurance_ok,"
	" dr.permitted, dr.unit_id AS driver_unit,"
	" dr.licence_until IS NOT NULL AND dr.licence_until >= ? AS licence_ok"
	" FROM fleet_vehicle v"
	" LEFT JOIN fleet_driver dr ON dr.staff_id = ?"
	" WHERE v.id = ?");

int fleet_trip_blockers(struct arena *a, long long vehicle_id,
			long long driver_staff_id, const char *day,
			struct fleet_blockers *out)
{
	struct row row;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = db_get(a, &q_blockers, &row, "sssii", day, day, day,
		    driver_staff_id, vehicle_id);
	if (rc != 1)
		return rc;
	out->not_in_service = strcmp(row_get(&row, "status", ""),
				     "in_service") != 0;
	out->inspection = row_int(&row, "inspection_ok", 0) != 1;
	out->insurance = row_int(&row, "insurance_ok", 0) != 1;
	out->licence = row_int(&row, "licence_ok", 0) != 1;
	out->no_permission = row_int(&row, "permitted", 0) != 1 ||
			     row_int(&row, "driver_unit", 0) !=
				     row_int(&row, "unit_id", -1);
	out->any = out->not_in_service || out->inspection || out->insurance ||
		   out->licence || out->no_permission;
	return 1;
}
