/* staff.h: staff accounts and their roles (staff, staff_role, staff_grant) */
#ifndef ZSOG_STAFF_H
#define ZSOG_STAFF_H

#include <ClearSilver.h>

#include "db.h"
#include "units.h"

/* After UNITS_SUBTREE: `mine (id)`, the staff of that subtree, for other
 * modules' statements (compile-time text, as UNITS_SUBTREE). */
#define STAFF_OF_SUBTREE                                                    \
	" mine (id) AS (SELECT s.id FROM staff s JOIN sub ON sub.id = s.unit_id)"
/* The id of the staff member with the login bound to its ?, or NULL. */
#define STAFF_ID_OF_LOGIN "(SELECT s.id FROM staff s WHERE s.login = ?)"

/* id, full_name, email, pwhash, disabled of the login: 1, 0 none, -1. */
int staff_find_signin(struct arena *a, const char *login, struct row *row);

/* The active staff of each unit that has any, as prefix.<unit id>=count;
 * 0 or -1. */
int staff_count_hdf(HDF *hdf, const char *prefix);

#endif
