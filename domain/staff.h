/* staff.h: customs officers (the only code that names staff and
 * staff_role) */
#ifndef ZSOG_STAFF_H
#define ZSOG_STAFF_H

#include <ClearSilver.h>

#include "util.h"

/* ---- officers' names for other modules' lists (staff_names.c) ---- */

/* Officer id's full name (in a), or NULL: none, or an error. */
const char *staff_name(struct arena *a, long long id);
/* Each child of prefix with an officer's id under key gets the officer's
 * full name under as: one query for the list; 0 or -1. */
int staff_names_hdf(HDF *hdf, const char *prefix, const char *key,
		    const char *as);

#endif
