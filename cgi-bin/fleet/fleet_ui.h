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

/* ---- nav.c ---- */

/* The fleet's navigation (templates/fleet/nav.cs) as FleetNav.N.{Id, Href,
 * Current ("page" or "true" on a sub-page)}: the pages this officer's scope
 * opens (a driver alone: no dashboard, deadlines, drivers or reports); none
 * outside the fleet's scope. 0 or -1. */
int fleet_ui_nav(struct req *r);
/* The service's menu hook: the menu (domain/access.c), then the above. */
void fleet_ui_menu(struct req *r);

/* What the officer may do with one vehicle. */
enum fleet_access { FLEET_DRIVE = 1, FLEET_READ, FLEET_MANAGE };
/* The vehicle of the route's first #id into row (fleet_vehicle_get) and
 * what the officer may do with it into *acc: 0; 403 answered (no fleet
 * scope at all); 404 answered (no such vehicle, or not in the scope: never
 * told apart); -1 error. A driver sees only their own unit's pool. */
int fleet_ui_vehicle(struct req *r, struct row *row, enum fleet_access *acc);

/* ---- the vehicle page's sections: ui-vehicle.c calls each with the
 * vehicle's id and unit after filling Vehicle.* and Vehicle.Access (what
 * the officer may do: 1 drive, 2 read, 3 manage); each fills its own HDF
 * under Vehicle.<Section> and templates/fleet/vehicle-<section>.cs (which
 * vehicle.cs includes) presents it. 0 or -1 (the page then fails). ---- */
int fleet_section_documents(struct req *r, long long vehicle_id,
			    long long unit_id); /* fleet-docs */
int fleet_section_trips(struct req *r, long long vehicle_id,
			long long unit_id); /* fleet-trips */
int fleet_section_fuel(struct req *r, long long vehicle_id,
		       long long unit_id); /* fleet-fuel */
int fleet_section_repairs(struct req *r, long long vehicle_id,
			  long long unit_id); /* fleet-fuel */

/* ---- handlers: vehicles (fleet-core) ---- */
int vehicles_fn(struct req *r);	      /* ui-vehicles.c */
int vehicles_csv_fn(struct req *r);   /* ui-vehicles.c */
int vehicle_fn(struct req *r);	      /* ui-vehicle.c */
int vehicle_status_fn(struct req *r); /* ui-vehicle.c */
int vehicle_new_fn(struct req *r);    /* ui-vehicle-form.c */
int vehicle_create_fn(struct req *r); /* ui-vehicle-form.c */
int vehicle_edit_fn(struct req *r);   /* ui-vehicle-form.c */
int vehicle_update_fn(struct req *r); /* ui-vehicle-form.c */

/* ---- handlers: documents, deadlines and drivers (fleet-docs) ---- */
int documents_fn(struct req *r);     /* ui-docs.c */
int document_new_fn(struct req *r);  /* ui-docs.c */
int document_add_fn(struct req *r);  /* ui-docs.c */
int document_edit_fn(struct req *r); /* ui-docs.c */
int document_save_fn(struct req *r); /* ui-docs.c */
int deadlines_fn(struct req *r);     /* ui-docs.c */
int deadlines_csv_fn(struct req *r); /* ui-docs.c */
int drivers_fn(struct req *r);	     /* ui-drivers.c */
int driver_fn(struct req *r);	     /* ui-drivers.c */
int driver_save_fn(struct req *r);   /* ui-drivers.c */
int driver_permit_fn(struct req *r); /* ui-drivers.c */
/* ---- handlers: fuel, damage and repairs (fleet-fuel) ---- */

/* ui-fuel.c: as Opt.vehicle, with units (a list's filter) the vehicles
 * the officer reads, without them the ones they may enter for (a
 * manager's subtree, else a driver's own unit); the count or -1. */
int fleet_ui_vehicle_options(struct req *r, const char *units);
/* ui-fuel.c: the vehicle of a refuelling or a damage report: outside the
 * officer's units 404, read but neither managed nor driven 403 (both
 * answered); 0 theirs (row as fleet_fuel_vehicle), the status, or -1. */
int fleet_ui_fuel_vehicle(struct req *r, long long id, struct row *row);
/* ui-damage.c: the units whose damage and repairs the officer lists
 * (their read scope, else a driver's unit) and Fleet.CanEnter and
 * Fleet.CanManage; 0, 403 answered, -1. */
int fleet_ui_fuel_units(struct req *r, const char **units);
/* ui-damage.c: Form.to.Error when to is before from; 1 so, 0 not. */
int fleet_ui_period(struct req *r, const char *from, const char *to);
int fuel_fn(struct req *r);	    /* ui-fuel.c */
int fuel_csv_fn(struct req *r);	    /* ui-fuel.c */
int fuel_new_fn(struct req *r);	    /* ui-fuel.c */
int fuel_add_fn(struct req *r);	    /* ui-fuel.c */
int anomalies_fn(struct req *r);    /* ui-fuel.c */
int damage_fn(struct req *r);	    /* ui-damage.c */
int damage_csv_fn(struct req *r);   /* ui-damage.c */
int damage_new_fn(struct req *r);   /* ui-damage.c */
int damage_add_fn(struct req *r);   /* ui-damage.c */
int damage_one_fn(struct req *r);   /* ui-damage.c */
int damage_close_fn(struct req *r); /* ui-damage.c */
int repairs_fn(struct req *r);	    /* ui-repair.c */
int repairs_csv_fn(struct req *r);  /* ui-repair.c */
int repair_new_fn(struct req *r);   /* ui-repair.c */
int repair_open_fn(struct req *r);  /* ui-repair.c */
int repair_close_fn(struct req *r); /* ui-repair.c */

/* shared.c: a list's CSV — the header row, each column's label L.<key>
 * in the reader's language (0, -1 out of memory), and the answer as the
 * attachment <name>-<today in Warsaw>.csv (b freed; resp_csv's result). */
int fleet_ui_csv_head(struct req *r, struct buf *b, const char *const *keys,
		      size_t n);
int fleet_ui_csv_send(struct req *r, struct buf *b, const char *name);

/* shared.c: what the fleet's lists share. A list read with a limit of
 * max + 1 rows under prefix (prefix.0, prefix.1 …): the row past max
 * removed and List.Capped set (the page says there are more), List.Count
 * set; the rows kept, or -1 when n is (a failed read). */
int fleet_ui_list_cap(struct req *r, const char *prefix, int n, int max);
/* The CSV of the rows read into the HDF under prefix: the header row of
 * head's keys, line() per row, sent as name's attachment; 0 or -1 (the
 * buffer freed either way). */
int fleet_ui_csv_rows(struct req *r, const char *prefix,
		      const char *const *head, size_t nhead,
		      int (*line)(struct req *r, struct buf *b, HDF *row),
		      const char *name);
/* A CSV written by a row callback (a domain module's *_each): the
 * callback sets failed and stops when a cell does not fit. */
struct fleet_ui_csv {
	struct req *r;
	struct buf b;
	int failed;
};

/* The filter the damage and repair lists share: vehicle, state ("open" or
 * "closed", the query's name state_param), from and to (dates, in order)
 * over the units the officer lists (fleet_ui_fuel_units), the vehicles as
 * the filter's options and List.Query for the CSV link. Absent fields are
 * "" (vehicle 0, state NULL). 0, 422 (Form.*.Error), 403 answered, -1. */
struct fleet_ui_list_q {
	const char *units, *state, *from, *to;
	long long vehicle;
};
int fleet_ui_list_read(struct req *r, const char *state_param,
		       struct fleet_ui_list_q *q);

#endif
