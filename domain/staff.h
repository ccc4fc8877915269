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

/* The staff under root (root's subtree), by login, at most 500; role ""
 * or the role held, disabled -1 or 0/1. Each row: id, login, full_name,
 * email, disabled, unit_code, name_pl, name_en, roles (comma separated).
 * 0 or -1. */
int staff_each_in_subtree(long long root, const char *role,
			  long long disabled, db_row_cb cb, void *ctx);
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

/* staff_officers.c: the active crossing officers of unit as select
 * options prefix.N.{Value, Label}, by name; 0 or -1. */
int staff_officers_options(HDF *hdf, const char *prefix, long long unit);
/* Whether id is one of them: 1, 0, -1. */
int staff_is_officer(struct arena *a, long long unit, long long id);

#endif
