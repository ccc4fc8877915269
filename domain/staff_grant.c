/* staff_grant.c: the roles no administrator gives alone wait in
 * staff_grant for a second administrator (cgi-bin/skr/grant.c asks,
 * ui-grants.c decides) */
#include "staff.h"

#include "db.h"
#include "units.h"

static struct sql q_pending = SQL(
	"SELECT GROUP_CONCAT(role) AS roles FROM staff_grant"
	" WHERE staff_id = ? AND status = 'pending'");

static struct sql q_ask = SQL(
	"INSERT INTO staff_grant (staff_id, role, requested_by, requested_at)"
	" VALUES (?, ?, ?, UTC_TIMESTAMP())");

static struct sql q_of_staff = SQL(
	"SELECT g.id, g.role, UNIX_TIMESTAMP(g.requested_at) AS at,"
	" g.requested_by, q.login AS requester"
	" FROM staff_grant g JOIN staff q ON q.id = g.requested_by"
	" WHERE g.staff_id = ? AND g.status = 'pending' ORDER BY g.id");

/* What this administrator could decide: over their subtree, neither
 * asked by them nor for them. */
static struct sql q_waiting = SQL(
	UNITS_SUBTREE
	" SELECT COUNT(*) AS n FROM staff_grant g"
	" JOIN staff s ON s.id = g.staff_id JOIN sub ON sub.id = s.unit_id"
	" WHERE g.status = 'pending' AND g.requested_by <> ?"
	" AND g.staff_id <> ?");

/* The grants of people whose unit lies in the administrator's subtree;
 * pending = 1 the open ones, oldest first, 0 the decided, newest first. */
static struct sql q_in_subtree = SQL(
	UNITS_SUBTREE
	" SELECT g.id, g.role, g.status, g.staff_id, g.requested_by,"
	" UNIX_TIMESTAMP(g.requested_at) AS asked_at,"
	" UNIX_TIMESTAMP(g.decided_at) AS decided_at,"
	" s.login, s.full_name, sub.code AS unit_code, sub.name_pl, sub.name_en,"
	" q.login AS requester, d.login AS decider"
	" FROM staff_grant g JOIN staff s ON s.id = g.staff_id"
	" JOIN sub ON sub.id = s.unit_id"
	" JOIN staff q ON q.id = g.requested_by"
	" LEFT JOIN staff d ON d.id = g.decided_by"
	" WHERE (g.status = 'pending') = ?"
	" ORDER BY IF(? = 1, g.id, 0), g.id DESC LIMIT ?");

static struct sql q_get = SQL(
	"SELECT g.staff_id, g.role, g.status, g.requested_by, s.unit_id,"
	" s.login, s.full_name, q.login AS requester"
	" FROM staff_grant g JOIN staff s ON s.id = g.staff_id"
	" JOIN staff q ON q.id = g.requested_by WHERE g.id = ?");

/* Only a pending grant moves, and only by someone allowed to move it: the
 * one who asked withdraws; anyone else but the person decides. */
static struct sql q_decide = SQL(
	"UPDATE staff_grant SET status = ?, decided_by = ?,"
	" decided_at = UTC_TIMESTAMP() WHERE id = ? AND status = 'pending'"
	" AND ((? = 'withdrawn' AND requested_by = ?)"
	"  OR (? <> 'withdrawn' AND requested_by <> ? AND staff_id <> ?))");

/* Held already (given by hand meanwhile): approving changes nothing. */
static struct sql q_role_give = SQL(
	"INSERT IGNORE INTO staff_role (staff_id, role) VALUES (?, ?)");

int staff_grant_pending(struct arena *a, long long staff, struct row *row)
{
	return db_get(a, &q_pending, row, "i", staff);
}

int staff_grant_ask(long long staff, const char *role, long long by,
		    long long *id)
{
	if (db_exec(&q_ask, "isi", staff, role, by) < 0)
		return -1;
	*id = db_insert_id(&q_ask);
	return 0;
}

int staff_grant_each_pending(long long staff, db_row_cb cb, void *ctx)
{
	return db_each(&q_of_staff, cb, ctx, "i", staff) < 0 ? -1 : 0;
}

int staff_grant_waiting(struct arena *a, long long unit, long long me,
			struct row *row)
{
	return db_get(a, &q_waiting, row, "iii", unit, me, me);
}

int staff_grant_each_in_subtree(long long root, int pending, int limit,
				db_row_cb cb, void *ctx)
{
	return db_each(&q_in_subtree, cb, ctx, "iiii", root, (long long)pending,
		       (long long)pending, (long long)limit) < 0
		       ? -1
		       : 0;
}

int staff_grant_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_get, row, "i", id);
}

long long staff_grant_decide(long long id, const char *to, long long me)
{
	return db_exec(&q_decide, "siisisii", to, me, id, to, me, to, me, me);
}

int staff_role_give(long long staff, const char *role)
{
	return db_exec(&q_role_give, "is", staff, role) < 0 ? -1 : 0;
}
