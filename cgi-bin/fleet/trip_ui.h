/* trip_ui.h: the fleet program's reservations, trip cards and the
 * driver's own page (domain/fleet_trip.h is the module); what their
 * handlers share is in trip_pick.c */
#ifndef ZSOG_TRIP_UI_H
#define ZSOG_TRIP_UI_H

#include "fleet_trip.h"
#include "fleet_ui.h"
#include "req.h"

/* ---- trip_pick.c ---- */

/* fleet_trip.purpose, NULL-ended, in the order the form offers them;
 * words under L.Fleet.Trip.purpose (ui-trips.c). */
extern const char *const trip_purposes[];

/* The vehicle a form names, as the officer may use it: 1 with *vehicle
 * and *unit filled, 0 none in their scope (a manager: their subtree; a
 * driver: their unit's pool), -1 error. */
int trip_pick_vehicle(struct req *r, const struct fleet_scope *s,
		      const char *id, long long *vehicle, long long *unit);
/* The vehicles the officer may pick as Opt.vehicle.N.{Value, Label}, pool
 * vehicles only when pool. 0 or -1. */
int trip_vehicle_options(struct req *r, const struct fleet_scope *s, int pool);
/* The permitted drivers a manager may pick (the units of their subtree)
 * as Opt.driver; 0 or -1. */
int trip_driver_options(struct req *r, const struct fleet_scope *s);
/* Whether staff is a driver permitted in unit today: 1, 0, -1. */
int trip_driver_of(struct req *r, long long staff, long long unit);
/* A refusal beside its field (in words) and the form tpl again with its
 * status; a refusal without a field (or tpl NULL): the error page. What
 * every refused write ends with. */
int trip_refused(struct req *r, enum fleet_refusal why, const char *tpl);
/* The filters the lists share: from, to (Warsaw dates), unit (in the
 * scope), vehicle, status, purpose, view=print. 0 valid, else the number
 * of bad fields (Form.*.Error set); -2 a vehicle outside the scope (404
 * answered: never revealing that it exists), -1 error. */
struct trip_list_q {
	const char *from, *to, *status, *purpose;
	long long unit, vehicle;
	int print;
};
int trip_list_read(struct req *r, const struct fleet_scope *s,
		   struct trip_list_q *q);

/* ---- handlers ---- */
int reservations_fn(struct req *r);	  /* ui-reserve.c */
int reservations_csv_fn(struct req *r);	  /* ui-reserve.c */
int reservation_new_fn(struct req *r);	  /* ui-reserve.c */
int reservation_create_fn(struct req *r); /* ui-reserve.c */
int reservation_cancel_fn(struct req *r); /* ui-reserve.c */
int trips_fn(struct req *r);		  /* ui-trips.c */
int trips_csv_fn(struct req *r);	  /* ui-trips.c */
int trip_new_fn(struct req *r);		  /* ui-trips.c */
int trip_create_fn(struct req *r);	  /* ui-trips.c */
int trip_fn(struct req *r);		  /* ui-trips.c */
int trip_close_fn(struct req *r);	  /* ui-trips.c */
int trip_check_fn(struct req *r);	  /* ui-trips.c */
int my_fn(struct req *r);		  /* ui-my.c */

#endif
