/* units.h: the customs hierarchy (Ministry -> chambers -> offices ->
 * branches): the one query of a unit's subtree. The only code that names
 * org_unit (more of the hierarchy moves here from cgi-bin/skr) */
#ifndef ZSOG_UNITS_H
#define ZSOG_UNITS_H

#include "util.h"

/* The ids of unit_id and every unit below it, comma-separated (for
 * FIND_IN_SET), in arena a; "" for no such unit, NULL on error. */
const char *units_subtree(struct arena *a, long long unit_id);

#endif
