/* fleet_fuel.h: refuellings, consumption and their anomalies, damage
 * reports and repairs of the fleet (docs/fleet.md "Fuel", "Damage and
 * repairs"); domain/fleet.h holds what the fleet shares */
#ifndef ZSOG_FLEET_FUEL_H
#define ZSOG_FLEET_FUEL_H

#include <stddef.h>

#include "db.h"
#include "req.h"

/* ---- fleet_fuel_calc.c: the pure rules (tests/unit/test-fleet-fuel.c) ---- */

/* Bounds of a refuelling (docs/fleet.md): litres in (0, 2,000], a price of
 * one litre in (0, 50.00 zł]. */
#define FLEET_FUEL_MAX_CL 200000LL
#define FLEET_FUEL_MAX_PRICE_GR 5000LL
/* The tank's tolerance: litres above tank × (100 + this) / 100 cannot have
 * gone into it (the filler neck and a nominal tank below the real one). */
#define FLEET_FUEL_TANK_TOLERANCE_PCT 5
/* Fleet.AnomalyPercent when the configuration says nothing. */
#define FLEET_FUEL_ANOMALY_PCT 20

/*
 * A decimal as a form carries it ("48", "48.5", "48,50"): at most two
 * decimals, a dot or a comma, no sign, at most 9 digits before the
 * separator. The value in hundredths into *out; 1, or 0 for anything else.
 */
int fleet_fuel_hundredths(const char *s, long long *out);

/* One refuelling as the consumption reads it: odometer and litres. */
struct fleet_fill {
	long long odo_km;
	long long cl; /* hundredths of a litre */
};

struct fleet_consumption {
	long long km;	 /* the last fill's odometer minus the first's */
	long long cl;	 /* litres of every fill after the first */
	long long cl100; /* hundredths of a litre per 100 km, rounded */
};

/*
 * Consumption by the full-tank method over the fills of a period in time
 * order: every fill tops the tank up, so the fuel burnt between the first
 * fill and the last is what the fills after the first put back:
 *     litres of fills 2..n / (odometer of fill n - odometer of fill 1) × 100.
 * 1 with *out set; 0 when it cannot be told (fewer than two fills, or
 * no kilometre between the first and the last).
 */
int fleet_fuel_consumption(const struct fleet_fill *f, size_t n,
			   struct fleet_consumption *out);

enum fleet_fuel_anomaly {
	FLEET_FA_NORM = 1 << 0,	    /* above the norm by more than pct */
	FLEET_FA_TANK = 1 << 1,	    /* more than the tank holds */
	FLEET_FA_ODOMETER = 1 << 2, /* outside the readings around it */
};

/* What a new refuelling is judged by. -1: not known (no check). */
struct fleet_fuel_facts {
	long long cl;	     /* this refuelling's litres, hundredths */
	long long odo_km;    /* its odometer */
	long long tank_l;    /* the vehicle's tank, litres; -1 */
	long long norm_dl;   /* its norm in tenths of l/100 km; -1 */
	int pct;	     /* Fleet.AnomalyPercent */
	long long fuel_km;   /* the previous refuelling's odometer; -1 */
	long long before_km; /* the highest reading before it (refuellings,
				 trips' odometers out and in); -1 */
	long long after_km;  /* the lowest reading after it; -1 */
};

struct fleet_fuel_verdict {
	unsigned anomalies;    /* FLEET_FA_* */
	long long since_km;    /* km since the previous refuelling; -1 none */
	long long cl100;       /* its consumption, hundredths of l/100 km; -1 */
	long long limit_cl100; /* the norm raised by pct, hundredths; -1 */
	long long tank_cl;     /* the most the tank takes with the tolerance */
};

/* Judges a refuelling (it passed the bounds and is not below the previous
 * refuelling's odometer: that is refused, not flagged). */
void fleet_fuel_judge(const struct fleet_fuel_facts *f,
		      struct fleet_fuel_verdict *v);

/* litres × price per litre in grosze, rounded half up to the grosz. */
long long fleet_fuel_cost_gr(long long cl, long long price_gr);

/* A repair's days out of service, from and to both included, cut by
 * month: what each month of fleet_month.repair_days gets. */
struct fleet_repair_month {
	char month[11]; /* its first day, "YYYY-MM-01" */
	long long days;
};

/* Days from "YYYY-MM-DD" to "YYYY-MM-DD", both included: 1 for a repair
 * done the day it began; -1 when either is not a date or to is before
 * from. */
long long fleet_repair_days(const char *from, const char *to);
/* The same days cut by month into out (at most max months, oldest
 * first); the number of months, or -1 (bad dates, reversed, or more
 * than max months). */
int fleet_repair_months(const char *from, const char *to,
			struct fleet_repair_month *out, int max);

/* ---- fleet_fuel.c: refuellings ---- */

/* A vehicle as fuel and repairs read it: 1 found (row: id, unit_id, plate,
 * status, tank_l, norm_l100, odometer_km), 0 none, -1 error. */
int fleet_fuel_vehicle(struct arena *a, long long vehicle_id, struct row *row);

/* A refuelling to store, its bounds already checked. */
struct fleet_fuel_in {
	long long vehicle_id;
	long long filled_utc;	/* the moment, UTC seconds */
	const char *day;	/* its Warsaw date: the rollup's */
	long long cl, price_gr; /* litres in hundredths, grosze per litre */
	long long odo_km;
	const char *station;
	const char *card_last4; /* NULL: none given */
	int pct;		/* Fleet.AnomalyPercent */
};

struct fleet_fuel_out {
	long long id;
	long long fuel_km; /* refused: the previous refuelling's odometer */
	struct fleet_fuel_verdict v;
};

enum { FLEET_FUEL_STORED, FLEET_FUEL_NO_VEHICLE, FLEET_FUEL_ODO_BELOW };

/*
 * In one transaction: locks the vehicle, reads the readings around the
 * moment (refuellings, trips' odometers out and in), refuses an odometer
 * below the previous refuelling's (FLEET_FUEL_ODO_BELOW, out->fuel_km),
 * judges it (fleet_fuel_judge), stores it with its anomalies and their
 * figures, raises the vehicle's odometer, adds it to fleet_month and
 * audits it as r's officer. FLEET_FUEL_STORED (out->id), a refusal
 * (nothing stored), or -1.
 */
int fleet_fuel_add(struct req *r, const struct fleet_fuel_in *in,
		   struct fleet_fuel_out *out);

/* What a refuelling list reads: the vehicles of units (a comma-separated
 * list: a scope's), one vehicle (0 any), a period of UTC seconds [from,
 * to), only those entered by staff (0 anyone), only flagged ones. */
struct fleet_fuel_filter {
	const char *units;
	long long vehicle, entered_by;
	long long from, to;
	int anomalies;
};

/* Newest first as prefix.N.{id, vehicle_id, plate, unit_id, filled_at
 * (UTC), litres, price (zł), cost (zł), odo_km, station, card_last4,
 * anomalies, since_km, l100, norm_l100, pct, limit_l100, tank_l,
 * tank_max, prev_km, next_km} and .Anomaly.{norm,tank,odometer}=1; at
 * most limit; the count or -1. */
int fleet_fuel_list_hdf(HDF *hdf, const char *prefix,
			const struct fleet_fuel_filter *f, long long limit);
/* The same rows through cb, oldest first (CSV). 0 or -1. */
int fleet_fuel_each(const struct fleet_fuel_filter *f, long long limit,
		    db_row_cb cb, void *ctx);
/*
 * The consumption of each vehicle with refuellings in the filter's
 * period (fleet_fuel_consumption) as prefix.N.{vehicle_id, plate, fills,
 * km, litres, l100, norm_l100, limit_l100, Above (1: above the norm by
 * more than pct)} by plate; a vehicle whose consumption cannot be told
 * has no l100. The count or -1.
 */
int fleet_fuel_consumption_hdf(HDF *hdf, const char *prefix,
			       const struct fleet_fuel_filter *f, int pct);

/* ---- fleet_damage.c: damage reports and repairs ---- */

struct fleet_damage_in {
	long long vehicle_id;
	const char *happened_on; /* Warsaw date */
	const char *place, *description;
	int third_party;
	const char *third_details; /* NULL without a third party */
};

/* Stores a damage report (open) by r's officer and audits it; the id or
 * -1. */
long long fleet_damage_add(struct req *r, const struct fleet_damage_in *in);
/* 1 found (row: id, vehicle_id, unit_id, plate, happened_on, place,
 * description, reported_by, third_party, third_details, status,
 * closed_at, created_at), 0 none, -1. */
int fleet_damage_get(struct arena *a, long long id, struct row *row);
/* Closes an open damage report and audits it: 1 closed, 0 it was not
 * open, -1. */
int fleet_damage_close(struct req *r, long long id);

/* A list's filters: units (a scope's, comma-separated), vehicle (0 any),
 * status ("" any), a period of Warsaw days (both included). */
struct fleet_damage_filter {
	const char *units;
	long long vehicle;
	const char *status;
	const char *from, *to;
};

/* Newest first as prefix.N.{columns of fleet_damage_get}; the count or
 * -1. */
int fleet_damage_list_hdf(HDF *hdf, const char *prefix,
			  const struct fleet_damage_filter *f, long long limit);
int fleet_damage_each(const struct fleet_damage_filter *f, long long limit,
		      db_row_cb cb, void *ctx);

struct fleet_repair_in {
	long long vehicle_id;
	long long damage_id; /* 0: a service */
	const char *workshop;
	const char *from_day; /* Warsaw date */
	const char *note;     /* NULL none */
};

enum {
	FLEET_REPAIR_DONE,
	FLEET_REPAIR_NO_VEHICLE,
	FLEET_REPAIR_OPEN,
	FLEET_REPAIR_NOT_OPEN,
	FLEET_REPAIR_REVERSED,
	FLEET_REPAIR_FINAL /* the vehicle is written off */
};

/* Opens a repair in one transaction: locks the vehicle, refuses a second
 * open repair of it (FLEET_REPAIR_OPEN) or of a written-off one
 * (FLEET_REPAIR_FINAL), stores it, puts the vehicle in
 * repair (its status history too) and audits. FLEET_REPAIR_DONE (*id),
 * a refusal, or -1. */
int fleet_repair_open(struct req *r, const struct fleet_repair_in *in,
		      long long *id);
/* Closes an open repair on to_day with its cost, in one transaction:
 * refuses a repair not open (FLEET_REPAIR_NOT_OPEN) or a to_day before
 * its from_day (FLEET_REPAIR_REVERSED); adds cost and days to fleet_month
 * (the days in the months they fell in, the cost in the last), puts the
 * vehicle back in service (if it is still in repair: a manager may have
 * taken it out of service meanwhile) and audits. */
int fleet_repair_close(struct req *r, long long id, const char *to_day,
		       long long cost_gr);
/* 1 found (row: id, vehicle_id, unit_id, plate, damage_id, reason,
 * workshop, from_day, to_day, cost_gr, cost, days, note), 0, -1. */
int fleet_repair_get(struct arena *a, long long id, struct row *row);

struct fleet_repair_filter {
	const char *units;
	long long vehicle, damage;
	int open;	       /* 1 only open, 2 only closed, 0 both */
	const char *from, *to; /* Warsaw days the repair touched */
};

int fleet_repair_list_hdf(HDF *hdf, const char *prefix,
			  const struct fleet_repair_filter *f, long long limit);
int fleet_repair_each(const struct fleet_repair_filter *f, long long limit,
		      db_row_cb cb, void *ctx);

#endif
