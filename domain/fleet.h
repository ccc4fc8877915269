/* fleet.h: SKR-Flota, the fleet of the customs crime-combating departments
 * (docs/fleet.md): shared words, who may manage, read or drive in a unit,
 * the vehicles, what blocks a trip, and the monthly rollup writers. The
 * only module naming the fleet_* tables (db/owners.txt); the other fleet
 * headers (fleet_docs.h, fleet_trip.h, fleet_fuel.h, fleet_report.h) build
 * on this one. */
#ifndef ZSOG_FLEET_H
#define ZSOG_FLEET_H

#include <ClearSilver.h>

#include "db.h"
#include "req.h"

/* ---- the words: the codes the columns hold, NULL-ended, in the order
 * forms offer them; pages show them through L.Fleet.<set>.<code> ---- */

extern const char *const fleet_kinds[];	     /* fleet_vehicle.kind */
extern const char *const fleet_statuses[];   /* fleet_vehicle.status */
extern const char *const fleet_fuels[];	     /* fleet_vehicle.fuel */
extern const char *const fleet_equipment[];  /* fleet_vehicle.equipment */
extern const char *const fleet_doc_kinds[];  /* fleet_document.kind */
extern const char *const fleet_categories[]; /* fleet_driver.categories */
/* 1 when s is one of the NULL-ended codes. */
int fleet_is_code(const char *const *codes, const char *s);

/* ---- scope (fleet_scope.c) ----
 *
 * A fleet manager (role fleet) manages the vehicles, documents, drivers
 * and reservations of their unit's subtree; an administrator reads their
 * unit's subtree; the auditor reads everything; a driver (fleet_driver
 * permitted, licence valid today in Warsaw) reserves and drives in their
 * own unit. Anyone else is refused in words (403); a record of a unit
 * outside the scope is answered 404, never revealing that it exists.
 */

struct fleet_scope {
	long long manage_root; /* the subtree managed; 0 none */
	long long read_root;   /* the subtree read (manage_root's or wider);
				* 0 none */
	long long drive_unit;  /* the unit driven in; 0 none */
};

/* The signed-in officer's scope. 0 or -1 (database). For a GET, whether
 * they drive is the worker's copy (as for fleet_may_open below); any other
 * method asks the table. */
int fleet_scope(struct req *r, struct fleet_scope *s);
/* 1 the signed-in officer may do it in unit_id, 0 not, -1 error. */
int fleet_can_manage(struct req *r, long long unit_id);
int fleet_can_read(struct req *r, long long unit_id);
int fleet_can_drive(struct req *r, long long unit_id);
/* 1 when the officer may open the fleet's pages at all (the menu's card):
 * a manager, an administrator, an auditor or a permitted driver; 0 not.
 * Asks the database only for the drivers (a role answers first), and
 * keeps their answer per (account, day) in the worker while EPOCH_FLEET
 * stands, for at most 30 s (fleet_scope.c). */
int fleet_may_open(const struct req *r);
/* The menu's two fleet cards: 1 for a manager, an administrator or the
 * auditor (the dashboard), 1 for an officer who only drives (their own
 * trips: the dashboard would send them there). */
int fleet_reads_units(const struct req *r);
int fleet_drives_only(const struct req *r);
/* The unit ids of root's subtree, comma separated (FIND_IN_SET), in r's
 * arena: a scope's units for a query; "" for root 0, NULL on error. */
const char *fleet_scope_units(struct req *r, long long root);

/* ---- drivers (fleet_scope.c) ---- */

/* 1 when staff_id holds a permitted driver row with a licence valid on
 * day (Warsaw "YYYY-MM-DD") and the driver's unit in *unit_id; 0 not; -1
 * error. */
int fleet_driver_permitted(struct arena *a, long long staff_id, const char *day,
			   long long *unit_id);

/* ---- vehicles (fleet_vehicle.c) ---- */

/* A vehicle list's filters (every "" for any): inside root's subtree
 * (only_unit: unit root itself), of unit (must lie in it), of kind,
 * status, and text in the plate, VIN, make or model; pool_only. */
struct fleet_vehicle_filter {
	long long root;
	int only_unit;
	long long unit;
	const char *kind, *status, *text;
	int pool_only;
};

/* The vehicles as prefix.N.{id, unit_id, unit_code, plate, vin, make,
 * model, kind, marked, status, odometer_km, fuel, tank_l, norm_l100,
 * equipment, pool}, by plate, at most limit; the count or -1. */
int fleet_vehicle_list_hdf(HDF *hdf, const char *prefix,
			   const struct fleet_vehicle_filter *f,
			   long long limit);
/* The same rows through cb (CSV). 0 or -1. */
int fleet_vehicle_each(const struct fleet_vehicle_filter *f, long long limit,
		       db_row_cb cb, void *ctx);

/* A vehicle as a form gives it, every field checked by the caller (the
 * unit within the manager's subtree, the codes among fleet_kinds …,
 * equipment a comma-separated list of fleet_equipment codes, norm a
 * decimal text "0.0"-"99.9"). */
struct fleet_vehicle_in {
	long long unit;
	const char *plate, *vin, *make, *model, *kind, *fuel, *equipment;
	const char *norm;
	long long tank_l, odometer_km;
	int marked, pool;
};

/* The vehicle id with the columns of the list (but unit_code) and
 * version, created_at, updated_at (UTC) into row (strings in a). 1, 0
 * none, -1. */
int fleet_vehicle_get(struct arena *a, long long id, struct row *row);
/* The vehicle as the audit's details name it (audit_vehicle: its plate,
 * make and model); its number only when it cannot be read (the writers
 * read it in the same transaction). In arena a. */
const char *fleet_vehicle_audit(struct arena *a, long long id);
/* Its status history, newest first, as prefix.N.{since (UTC), status,
 * by_staff}; the count or -1. */
int fleet_vehicle_history_hdf(HDF *hdf, const char *prefix, long long id);

/* What a write of a vehicle answers besides 0 and -1. */
enum {
	FLEET_TAKEN_PLATE = -2,	  /* another vehicle has this plate */
	FLEET_TAKEN_VIN = -3,	  /* another vehicle has this VIN */
	FLEET_STALE = -4,	  /* version moved on: someone saved first */
	FLEET_ODOMETER_BACK = -5, /* below the last reading */
	FLEET_FINAL = -6,	  /* written off: no change any more */
	FLEET_GONE = -7,	  /* no such vehicle */
};

/* A new vehicle in service, its first status row beside it, in one
 * transaction; *id. 0, FLEET_TAKEN_*, -1. */
int fleet_vehicle_create(const struct fleet_vehicle_in *in, long long by,
			 long long *id);
/* Saves in over vehicle id if its version is still version (the form's):
 * the odometer never goes back, a written-off vehicle never changes. 0
 * saved, FLEET_STALE, FLEET_TAKEN_*, FLEET_ODOMETER_BACK, FLEET_FINAL,
 * FLEET_GONE, -1. */
int fleet_vehicle_update(long long id, long long version,
			 const struct fleet_vehicle_in *in);
/* Moves vehicle id to status (a fleet_statuses code), recording it in
 * fleet_vehicle_status: 1 moved, 0 it was already so, FLEET_FINAL (it was
 * written off), FLEET_GONE, -1. */
int fleet_vehicle_set_status(long long id, const char *status, long long by);

/* ---- VIN (fleet_vin.c) ----
 *
 * 17 characters A-Z and 0-9 without I, O and Q (ISO 3779). The ninth is
 * the check digit (ISO 3779 Annex / 49 CFR 565: transliterate, weigh
 * 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, sum mod 11, 10 written X), mandatory
 * for a North-American WMI (first character 1 to 5): such a VIN must carry
 * it. Elsewhere (Europe's W, V, S, T, Z, Japan's J …) no check digit is
 * required, so any allowed character passes there (docs/fleet.md).
 */
enum fleet_vin_error {
	FLEET_VIN_OK,
	FLEET_VIN_LENGTH, /* not 17 characters */
	FLEET_VIN_CHARS,  /* a character outside A-Z 0-9, or I, O, Q */
	FLEET_VIN_CHECK,  /* North-American and the check digit is wrong */
};
/* Upper-cases vin and drops spaces and dashes into out (18 bytes); the
 * length, 0 when it does not fit. */
size_t fleet_vin_normalise(const char *in, char *out, size_t outsz);
/* The check digit of a 17-character VIN: '0'-'9' or 'X'; 0 when a
 * character cannot be transliterated. */
char fleet_vin_check_digit(const char *vin);
enum fleet_vin_error fleet_vin_check(const char *vin);

/* ---- what blocks a trip (fleet_blockers.c) ---- */

/* The reasons a driver may not take a vehicle on day (Warsaw date), each 1
 * when it applies; none: the trip may go. */
struct fleet_blockers {
	int not_in_service; /* the vehicle's status is not in service */
	int inspection;	    /* no inspection valid on day */
	int insurance;	    /* no insurance valid on day */
	int licence;	    /* the driver's licence lapsed or unknown */
	int no_permission;  /* not a permitted driver of the unit */
	int any;	    /* any of the above */
};

/* Reads fleet_vehicle, fleet_document and fleet_driver (in the caller's
 * transaction when there is one: call it after locking the rows). 1
 * vehicle found (out filled), 0 no such vehicle, -1 error. */
int fleet_trip_blockers(struct arena *a, long long vehicle_id,
			long long driver_staff_id, const char *day,
			struct fleet_blockers *out);

/* ---- the monthly rollup (fleet_rollup.c) ----
 *
 * Called inside the transaction of the write they count (the trip, the
 * refuelling, the repair), so fleet_month always equals what the raw rows
 * say; day is the Warsaw date ("YYYY-MM-DD") the row counts on, its month
 * the rollup's. A trip adds one trip of km (km >= 0); litres and costs
 * may be negative to undo a correction. Each 0 or -1.
 */
int fleet_rollup_trip(long long vehicle_id, const char *day, long long km);
int fleet_rollup_fuel(long long vehicle_id, const char *day, const char *litres,
		      long long cost_gr);
int fleet_rollup_repair(long long vehicle_id, const char *day,
			long long cost_gr, long long days);

#endif
