/* staff.h: customs officers (the only code that names staff and
 * staff_role): their roles, the intranet's kind of session (zsog_staff
 * under /skr/, the intranet look), their names for other modules */
#ifndef ZSOG_STAFF_H
#define ZSOG_STAFF_H

#include <ClearSilver.h>

#include "route.h"
#include "session.h"
#include "util.h"

/* Staff roles; a staff route lists the roles of which any one suffices. */
enum role {
	ROLE_ADMIN = 1 << 0,
	ROLE_REGISTRATION = 1 << 1,
	ROLE_CROSSING = 1 << 2,
	ROLE_RISK = 1 << 3,
	ROLE_FLEET = 1 << 4,
	ROLE_AUDITOR = 1 << 5,
	ROLE_WATCHLIST = 1 << 6,
	ROLE__ALL = (1 << 7) - 1
};

/* The roles the alert pages open to (the ingest program's routes); the skr
 * start page links alerts only for them. */
#define ROLES_ALERTS (ROLE_CROSSING | ROLE_RISK | ROLE_WATCHLIST | ROLE_ADMIN)

/* A route of the intranet (/skr/...): a signed-in officer. staff_session
 * serves every path under /skr/, so there R_SIGNIN asks for it. */
#define R_STAFF R_SIGNIN

/* ---- the intranet's kind of session, the role names (staff.c) ---- */

extern const struct session_kind staff_session;

/* A role's bit from its name (as stored in staff_role), and back; 0 and
 * "" for none. */
unsigned staff_role_bit(const char *name);
const char *staff_role_name(unsigned bit);

/* ---- officers' names for other modules' lists (staff_names.c) ---- */

/* Officer id's full name (in a), or NULL: none, or an error. */
const char *staff_name(struct arena *a, long long id);
/* Each child of prefix with an officer's id under key gets the officer's
 * full name under as: one query for the list; 0 or -1. */
int staff_names_hdf(HDF *hdf, const char *prefix, const char *key,
		    const char *as);

#endif
