/* staff.h: staff accounts and their roles (staff, staff_role, staff_grant),
 * and the intranet's kind of session (staff_session.c: zsog_staff under
 * /skr/, the intranet look) */
#ifndef ZSOG_STAFF_H
#define ZSOG_STAFF_H

#include <ClearSilver.h>

#include "db.h"
#include "route.h"
#include "session.h"
#include "units.h"
#include "util.h"

/* After UNITS_SUBTREE: `mine (id)`, the staff of that subtree, for other
 * modules' statements (compile-time text, as UNITS_SUBTREE). */
#define STAFF_OF_SUBTREE \
	" mine (id) AS (SELECT s.id FROM staff s JOIN sub ON sub.id = s.unit_id)"
/* The id of the staff member with the login bound to its ?, or NULL. */
#define STAFF_ID_OF_LOGIN "(SELECT s.id FROM staff s WHERE s.login = ?)"

/* id, full_name, email, pwhash, disabled of the login: 1, 0 none, -1. */
int staff_find_signin(struct arena *a, const char *login, struct row *row);

/* The staff under root (root's subtree), by login, at most 500; role ""
 * or the role held, disabled -1 or 0/1. Each row: id, login, full_name,
 * email, disabled, unit_code, name_pl, name_en, roles (comma separated).
 * 0 or -1. */
int staff_each_in_subtree(long long root, const char *role, long long disabled,
			  db_row_cb cb, void *ctx);
/* One staff member if their unit lies under root (anyone else does not
 * exist for that administrator): the columns above and unit_id,
 * created_at, created_by (a login). 1, 0 none, -1. */
int staff_get_in_subtree(struct arena *a, long long root, long long id,
			 struct row *row);
/* Inside a transaction: locks the row (two administrators editing one
 * person serialise here); unit_id, disabled. 1, 0 none, -1. */
int staff_lock(struct arena *a, long long id, struct row *row);
/* roles: comma separated, NULL for none. 1 or -1. */
int staff_roles_of(struct arena *a, long long id, struct row *row);

/* 0 with *id, -2 when the login is taken, -1 on error. */
int staff_create(const char *login, const char *email, const char *name,
		 const char *pwhash, long long unit, long long by,
		 long long *id);
/* Each 0 or -1. */
int staff_set_unit(long long id, long long unit);
int staff_set_disabled(long long id, long long disabled);
int staff_set_password(long long id, const char *pwhash);
int staff_roles_clear(long long id);
int staff_role_add(long long id, const char *role);

/* staff_grant.c: grants waiting for a second administrator. */
/* roles: the person's pending roles, comma separated (NULL none). */
int staff_grant_pending(struct arena *a, long long staff, struct row *row);
/* A pending grant asked by staff member by; its id in *id. 0 or -1. */
int staff_grant_ask(long long staff, const char *role, long long by,
		    long long *id);
/* The person's pending grants: id, role, at, requested_by, requester. */
int staff_grant_each_pending(long long staff, db_row_cb cb, void *ctx);
/* n: the grants under unit that me may decide (neither by nor for me). */
int staff_grant_waiting(struct arena *a, long long unit, long long me,
			struct row *row);
/* The grants of people under root: pending 1 the open ones, oldest
 * first, 0 the decided, newest first; at most limit. 0 or -1. */
int staff_grant_each_in_subtree(long long root, int pending, int limit,
				db_row_cb cb, void *ctx);
/* staff_id, role, status, requested_by, unit_id, requester. 1, 0, -1. */
int staff_grant_get(struct arena *a, long long id, struct row *row);
/* to: approved, refused or withdrawn; 1 moved, 0 not pending or not
 * me's to move, -1 error. */
long long staff_grant_decide(long long id, const char *to, long long me);
/* An approved role; held already changes nothing. 0 or -1. */
int staff_role_give(long long staff, const char *role);

/* The active staff of each unit that has any, as prefix.<unit id>=count;
 * 0 or -1. */
int staff_count_hdf(HDF *hdf, const char *prefix);

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

/* ---- the intranet's kind of session, the role names (staff_session.c) ---- */

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
/* The active officers of one unit (not its subtree), by id, as
 * prefix.N.id, .email; 0 or -1. */
int staff_active_of_unit_hdf(HDF *hdf, const char *prefix, long long unit);

/* The active officers holding role in unit or any unit above it (those
 * whose subtree holds unit: its fleet managers, say), by id, as
 * prefix.N.id, .email, .lang, .full_name; 0 or -1. */
int staff_with_role_above_hdf(HDF *hdf, const char *prefix, long long unit,
			      const char *role);
/* One active officer of root's subtree for another module's page: id,
 * login, full_name, unit_id, unit_code (only the columns every program's
 * account may read). 1, 0 none (or outside), -1. */
int staff_brief_in_subtree(struct arena *a, long long root, long long id,
			   struct row *row);
/* staff_officers.c: the active crossing officers of unit as select
 * options prefix.N.{Value, Label}, by name; 0 or -1. */
int staff_officers_options(HDF *hdf, const char *prefix, long long unit);
/* Whether id is one of them: 1, 0, -1. */
int staff_is_officer(struct arena *a, long long unit, long long id);

#endif
