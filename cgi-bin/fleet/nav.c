/* nav.c: the fleet's own navigation on every fleet page (templates/fleet/
 * nav.cs): the pages this officer's scope opens, the current one marked */
#include "fleet_ui.h"

#include <string.h>

#include "access.h"
#include "log.h"

/* Who gets 200 from each list page (its handler decides): readers are
 * managers, superiors and auditors (scope.read_root); every other entry
 * also opens for a permitted driver alone, showing their own part. A
 * driver's own page is offered only to someone who drives (scope.
 * drive_unit): for a reader who does not, it would be empty. */
enum need { N_ANY, N_READ, N_DRIVE };

static const struct item {
	const char *id;	     /* L.Fleet.Nav.<id> */
	const char *href;    /* the page */
	const char *section; /* its sub-pages begin with section "/"; NULL
			      * none (the dashboard: every page would) */
	enum need need;
} items[] = {
	{ "dash", "/skr/fleet", NULL, N_READ },
	{ "vehicles", "/skr/fleet/vehicles", "/skr/fleet/vehicles", N_ANY },
	{ "deadlines", "/skr/fleet/deadlines", "/skr/fleet/deadlines", N_READ },
	{ "drivers", "/skr/fleet/drivers", "/skr/fleet/drivers", N_READ },
	{ "reservations", "/skr/fleet/reservations", "/skr/fleet/reservations",
	  N_ANY },
	{ "trips", "/skr/fleet/trips", "/skr/fleet/trips", N_ANY },
	{ "fuel", "/skr/fleet/fuel", "/skr/fleet/fuel", N_ANY },
	{ "anomalies", "/skr/fleet/anomalies", "/skr/fleet/anomalies", N_ANY },
	{ "damage", "/skr/fleet/damage", "/skr/fleet/damage", N_ANY },
	{ "repairs", "/skr/fleet/repairs", "/skr/fleet/repairs", N_ANY },
	/* /skr/fleet/reports only redirects to the vehicles' report */
	{ "reports", "/skr/fleet/reports/vehicles", "/skr/fleet/reports",
	  N_READ },
	{ "my", "/skr/fleet/my", "/skr/fleet/my", N_DRIVE },
};

/* aria-current: "page" on the entry's own page, "true" on one of its
 * sub-pages (a vehicle, a new trip), NULL elsewhere. */
static const char *current(const char *path, const struct item *it)
{
	size_t n;

	if (!strcmp(path, it->href))
		return "page";
	if (!it->section)
		return NULL;
	n = strlen(it->section);
	if (!strncmp(path, it->section, n) && (!path[n] || path[n] == '/'))
		return "true";
	return NULL;
}

int fleet_ui_nav(struct req *r)
{
	struct fleet_scope s;
	const char *path = r->path ? r->path : "", *cur;
	NEOERR *err = NULL;
	size_t i, k = 0;

	/* Drawn inside the page's content: a frame around a kept part
	 * (part.cs) needs none. */
	if (hdf_get_value(r->hdf, "Part.body", NULL) ||
	    hdf_get_obj(r->hdf, "FleetNav"))
		return 0;
	if (fleet_scope(r, &s) < 0)
		return -1;
	if (!s.read_root && !s.drive_unit)
		return 0;
	for (i = 0; i < sizeof(items) / sizeof(items[0]) && !err; i++) {
		if ((items[i].need == N_READ && !s.read_root) ||
		    (items[i].need == N_DRIVE && !s.drive_unit))
			continue;
		err = hdf_set_valuef(r->hdf, "FleetNav.%zu.Id=%s", k,
				     items[i].id);
		if (!err)
			err = hdf_set_valuef(r->hdf, "FleetNav.%zu.Href=%s", k,
					     items[i].href);
		if (!err && (cur = current(path, &items[i])))
			err = hdf_set_valuef(r->hdf, "FleetNav.%zu.Current=%s",
					     k, cur);
		k++;
	}
	if (err) {
		log_err("fleet nav: out of memory");
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

void fleet_ui_menu(struct req *r)
{
	access_menu(r);
	if (fleet_ui_nav(r) < 0)
		log_err("fleet nav: not drawn");
}
