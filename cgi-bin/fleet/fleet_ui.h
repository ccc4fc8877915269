/* fleet_ui.h: the fleet program (domain/fleet.h is the module): its pages
 * under /skr/fleet, docs/fleet.md. Each engineer's handlers are declared in
 * their own block. */
#ifndef ZSOG_FLEET_UI_H
#define ZSOG_FLEET_UI_H

#include "fleet.h"
#include "req.h"

/* ---- shared.c ---- */

/* The signed-in officer's scope into *s; 0 may open the fleet's pages, 403
 * answered (in words: no fleet role, no driver permission), -1 error. */
int fleet_ui_scope(struct req *r, struct fleet_scope *s);
/* The codes as select options prefix.N.{Value, Label} with Label the words
 * L.Fleet.<set>.<code>; 0 or -1. */
int fleet_ui_options(struct req *r, const char *prefix, const char *set,
		     const char *const *codes);
/* The units of root's subtree as select options prefix.N.{Value, Label
 * ("CODE · name")}; 0 or -1. */
int fleet_ui_unit_options(struct req *r, const char *prefix, long long root);

/* ---- the vehicle page's sections (ui-vehicle.c calls each with the
 * vehicle's id and unit after filling Vehicle.*; each fills its own HDF
 * and names templates/fleet/vehicle-<section>.cs in Vehicle.Sections).
 * 0 or -1. ---- */
int fleet_section_documents(struct req *r, long long vehicle_id,
			    long long unit_id); /* fleet-docs */
int fleet_section_trips(struct req *r, long long vehicle_id,
			long long unit_id); /* fleet-trips */
int fleet_section_fuel(struct req *r, long long vehicle_id,
		       long long unit_id); /* fleet-fuel */
int fleet_section_repairs(struct req *r, long long vehicle_id,
			  long long unit_id); /* fleet-fuel */

/* ---- handlers: vehicles (fleet-core) ---- */
int vehicles_fn(struct req *r);	    /* ui-vehicles.c */
int vehicles_csv_fn(struct req *r); /* ui-vehicles.c */

#endif
