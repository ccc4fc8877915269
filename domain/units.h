/* units.h: the customs hierarchy, Ministry -> chambers -> offices ->
 * branches (the only code that names org_unit): the one query of a unit's
 * subtree (units.c) and units' codes and names for other modules' pages
 * (units_names.c) */
#ifndef ZSOG_UNITS_H
#define ZSOG_UNITS_H

#include <ClearSilver.h>

#include "util.h"

/* The ids of unit_id and every unit below it, comma-separated (for
 * FIND_IN_SET), in arena a; "" for no such unit, NULL on error. */
const char *units_subtree(struct arena *a, long long unit_id);

/* ---- units' codes and names for other modules' pages (units_names.c) ---- */

/* Unit id's code (in a), or NULL: none, or an error. */
const char *units_code(struct arena *a, long long id);
/* Each child of prefix with a unit id under key gets the unit's code under
 * as: one query for the list; 0 or -1. */
int units_codes_hdf(HDF *hdf, const char *prefix, const char *key,
		    const char *as);
/* The offices (kind office) as select options prefix.N.{Value (id), Label
 * ("code · name" in lang)}; count or -1. */
int units_office_options(HDF *hdf, const char *prefix, const char *lang);

#endif
