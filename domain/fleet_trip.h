/* fleet_trip.h: SKR-Flota's reservations of pool vehicles and trip cards
 * (karta drogowa): the rules (fleet_trip_rules.c, pure), the reservations
 * (fleet_reserve.c) and the trips (fleet_trip.c). The only code that names
 * fleet_reservation, fleet_trip and fleet_trip_passenger. */
#ifndef ZSOG_FLEET_TRIP_H
#define ZSOG_FLEET_TRIP_H

#include <ClearSilver.h>

#include "db.h"
#include "util.h"

struct fleet_blockers; /* fleet.h */

/* ---- the rules, without the database (fleet_trip_rules.c) ---- */

/* Why a reservation or a trip is refused. Each has a message key under
 * L.err (fleet_refusal_key) and the form field it is shown beside
 * (fleet_refusal_field). */
enum fleet_refusal {
	FLEET_OK,
	FLEET_SPAN_REVERSED, /* the end is not after the start */
	FLEET_SPAN_LONG,     /* a reservation longer than FLEET_RES_MAX_DAYS */
	FLEET_SPAN_PAST,     /* a reservation that has already ended */
	FLEET_NOT_POOL,	     /* the vehicle is not reservable */
	FLEET_RES_OVERLAP,   /* another active reservation of the vehicle */
	FLEET_ODO_BACK,	     /* odometer out below the vehicle's reading */
	FLEET_ODO_IN_LOW,    /* odometer in below odometer out */
	FLEET_ODO_ABSURD,    /* more than FLEET_TRIP_MAX_KM in one trip */
	FLEET_END_BEFORE,    /* a trip's end before its start */
	FLEET_VEHICLE_BUSY,  /* another trip of the vehicle overlaps */
	FLEET_DRIVER_BUSY,   /* another trip of the driver overlaps */
	FLEET_RESERVED,	     /* another person's reservation overlaps */
	FLEET_BLOCKED,	     /* fleet_trip_blockers said no (its own words) */
	FLEET_NOT_DRIVER,    /* the person is not a permitted driver here */
	FLEET_NOT_OPEN,	     /* closing a trip that is not open */
	FLEET_NOT_CLOSED,    /* checking a trip that is not closed */
	FLEET_OWN_TRIP,	     /* a manager checking their own trip */
	FLEET_NOT_ACTIVE,    /* cancelling a reservation already cancelled */
	FLEET_START_FUTURE,  /* a trip card started later than now */
	FLEET__MAX
};

#define FLEET_RES_MAX_DAYS 31
#define FLEET_TRIP_MAX_KM 5000
/* How far ahead of the server's clock a trip's start may be: a device's
 * clock running a little fast; a trip planned later is a reservation. */
#define FLEET_TRIP_START_SKEW (10 * 60)

const char *fleet_refusal_key(enum fleet_refusal why);
const char *fleet_refusal_field(enum fleet_refusal why);
/* 409 for a conflict with another record (overlaps, a state changed under
 * the user), 422 for what the user typed. */
int fleet_refusal_status(enum fleet_refusal why);

/* The moments the forms accept, [2000-01-01, 2038-01-01) UTC: MariaDB's
 * FROM_UNIXTIME answers NULL from 2038 on. */
#define FLEET_TIME_MIN 946684800LL
#define FLEET_TIME_MAX 2145916800LL

/* The UTC span [t0, t1) of the Warsaw days from..to (both included); an
 * empty or malformed from is the beginning of time, to FLEET_TIME_MAX. */
void fleet_day_span(const char *from, const char *to, long long *t0,
		    long long *t1);

/* A Warsaw local time "YYYY-MM-DDTHH:MM" (the datetime-local input; a
 * space may stand for the T) as UTC seconds: 0, or -1 malformed or a time
 * the clock skips in spring. */
int fleet_local_parse(const char *s, long long *utc);
/* UTC seconds as the datetime-local value, Warsaw time (17 bytes). */
void fleet_local_text(long long utc, char out[17]);

/* Whether [a0, a1) and [b0, b1) share a moment; an end of 0 is open (the
 * span lasts until it is closed). */
int fleet_span_overlap(long long a0, long long a1, long long b0, long long b1);
/* A reservation's span, now being now: FLEET_OK or why not. */
enum fleet_refusal fleet_reserve_span_rule(long long start, long long end,
					   long long now);
/* A trip's opening: odometer out against the vehicle's last reading, the
 * announced return after the start. */
enum fleet_refusal fleet_trip_open_rule(long long start, long long planned_end,
					long long odo_out,
					long long odo_vehicle);
/* A trip card's start against now: FLEET_OK or FLEET_START_FUTURE beyond
 * FLEET_TRIP_START_SKEW. */
enum fleet_refusal fleet_trip_start_rule(long long start, long long now);
/* A trip's closing. */
enum fleet_refusal fleet_trip_close_rule(long long start, long long end,
					 long long odo_out, long long odo_in);

/* ---- reservations (fleet_reserve.c) ---- */

struct fleet_reservation_in {
	long long vehicle_id;
	long long staff_id; /* who drives */
	long long by;	    /* who reserves: the driver or a manager */
	long long start, end;
	const char *purpose, *note;
};

/* Inside the caller's transaction (db_tx): locks the vehicle row, checks
 * the vehicle is a pool vehicle and no active reservation of it overlaps,
 * inserts. The new id, 0 refused (*why), -1 error. */
long long fleet_reserve(const struct fleet_reservation_in *in,
			enum fleet_refusal *why);
/* One reservation: id, vehicle_id, unit_id, staff_id, created_by, start,
 * end (UTC text), status, purpose, note, plate. 1, 0 none, -1. */
int fleet_reservation_get(struct arena *a, long long id, struct row *row);
/* Cancels an active reservation (the caller decided who may). 1 done,
 * 0 not active, -1. */
int fleet_reservation_cancel(long long id, long long by);

/* What the lists show (each filter 0 or "" for any). */
struct fleet_res_filter {
	long long unit_id; /* the vehicle's unit; with subtree: under it */
	int subtree;
	long long vehicle_id;
	long long staff_id;
	const char *from, *to; /* Warsaw dates, both days included */
	const char *status;    /* active, cancelled */
	int limit;
};
/* Rows prefix.N.{id, vehicle_id, plate, make, model, staff_id, driver
 * (the name), created_by, start, end (UTC text), status, purpose, note,
 * unit_id, mine (me drives or made it)}, by start; the count or -1. */
int fleet_reservations_hdf(HDF *hdf, const char *prefix,
			   const struct fleet_res_filter *f, long long me);

/* ---- trip cards (fleet_trip.c) ---- */

struct fleet_trip_in {
	long long vehicle_id, driver_id, by;
	const char *purpose; /* operation, transfer, training, service */
	const char *route;
	long long start, planned_end;
	long long odo_out;
	const long long *passengers;
	size_t npassengers;
};

/* Inside the caller's transaction: locks the vehicle row then the
 * driver's, asks fleet_trip_blockers for the Warsaw day of the start,
 * checks the odometer and the overlaps (the vehicle's and the driver's
 * trips, open ones lasting until closed; other people's reservations over
 * [start, planned_end)), inserts the card and its passengers. The new id,
 * 0 refused (*why; FLEET_BLOCKED with the reasons in *b), -1 error. */
long long fleet_trip_open(const struct fleet_trip_in *in,
			  enum fleet_refusal *why, struct fleet_blockers *b);
/* Inside the caller's transaction: closes an open trip (end, odometer
 * in), moves the vehicle's odometer up, counts the km in the vehicle's
 * month (fleet_rollup_trip, the Warsaw day of the end). 1, 0 refused
 * (*why), -1. */
int fleet_trip_close(long long id, long long end, long long odo_in,
		     enum fleet_refusal *why);
/* A manager checks a closed trip; nobody checks their own. 1, 0 refused
 * (*why), -1. */
int fleet_trip_check(long long id, long long by, enum fleet_refusal *why);
/* What the forms check of a vehicle picked: id, unit_id, plate, make,
 * model, pool, status, odometer_km. 1, 0 none, -1. */
int fleet_trip_vehicle(struct arena *a, long long id, struct row *row);
/* One trip: id, vehicle_id, unit_id, driver_id, opened_by, purpose,
 * route, start, planned_end, end (UTC text), odo_out, odo_in, km, status,
 * checked_by, plate, make, model, driver. 1, 0 none, -1. */
int fleet_trip_get(struct arena *a, long long id, struct row *row);
/* The trip's passengers as prefix.N.{staff_id, name}; count or -1. */
int fleet_trip_passengers_hdf(HDF *hdf, const char *prefix, long long id);
/* The driver's open trip, 0 none. -1 error. */
long long fleet_trip_open_of(long long driver_id);

struct fleet_trip_filter {
	long long unit_id;
	int subtree;
	long long vehicle_id, driver_id;
	const char *from, *to; /* Warsaw dates of the start */
	const char *status;    /* open, closed, checked */
	const char *purpose;
	int limit;
};
/* Rows prefix.N.{id, vehicle_id, plate, make, model, driver_id, driver
 * (the name), purpose, route, odo_out, odo_in, km, status, start, end
 * (UTC text), unit_id}, newest first; the count or -1. */
int fleet_trips_hdf(HDF *hdf, const char *prefix,
		    const struct fleet_trip_filter *f);

/* The drivers of root's subtree permitted with a licence valid today (a
 * manager's form) as prefix.N.{Value, Label "name · unit code"}. 0 or
 * -1. */
int fleet_trip_drivers_options(HDF *hdf, const char *prefix, long long root);

#endif
