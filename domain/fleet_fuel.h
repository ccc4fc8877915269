/* fleet_fuel.h: refuellings, consumption and their anomalies, damage
 * reports and repairs of the fleet (docs/fleet.md "Fuel", "Damage and
 * repairs"); domain/fleet.h holds what the fleet shares */
#ifndef ZSOG_FLEET_FUEL_H
#define ZSOG_FLEET_FUEL_H

#include <stddef.h>

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
	long long cl;	      /* this refuelling's litres, hundredths */
	long long odo_km;     /* its odometer */
	long long tank_l;     /* the vehicle's tank, litres; -1 */
	long long norm_dl;    /* its norm in tenths of l/100 km; -1 */
	int pct;	      /* Fleet.AnomalyPercent */
	long long fuel_km;    /* the previous refuelling's odometer; -1 */
	long long before_km;  /* the highest reading before it (refuellings,
				 trips' odometers out and in); -1 */
	long long after_km;   /* the lowest reading after it; -1 */
};

struct fleet_fuel_verdict {
	unsigned anomalies; /* FLEET_FA_* */
	long long since_km; /* km since the previous refuelling; -1 none */
	long long cl100;    /* its consumption, hundredths of l/100 km; -1 */
	long long limit_cl100; /* the norm raised by pct, hundredths; -1 */
	long long tank_cl;  /* the most the tank takes with the tolerance */
};

/* Judges a refuelling (it passed the bounds and is not below the previous
 * refuelling's odometer: that is refused, not flagged). */
void fleet_fuel_judge(const struct fleet_fuel_facts *f,
		      struct fleet_fuel_verdict *v);

/* litres × price per litre in grosze, rounded half up to the grosz. */
long long fleet_fuel_cost_gr(long long cl, long long price_gr);

#endif
