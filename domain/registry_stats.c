/* registry_stats.c: counts of applications for the officers' start page
 * and the registrations report (the tables are small: thousands a year) */
#include "registry_int.h"

#include "units.h"

/* Waiting: submitted or under review, at an office of root's subtree. */
static struct sql q_waiting = SQL(
	UNITS_SUBTREE " SELECT COUNT(*) AS n FROM application a"
		      " JOIN sub ON sub.id = a.office_unit_id"
		      " WHERE a.status IN ('submitted', 'under_review')");

long long registry_stats_waiting(long long root)
{
	struct arena a = { 0 };
	struct row row;
	long long n = -1;

	if (db_get(&a, &q_waiting, &row, "i", root) == 1)
		n = row_int(&row, "n", 0);
	arena_reset(&a);
	return n;
}

/* Per UTC hour, so the caller puts each in its Warsaw day. */
static struct sql q_submitted = SQL(
	UNITS_SUBTREE
	" SELECT DATE_FORMAT(a.created_at, '%Y-%m-%d %H:00:00') AS hour,"
	" COUNT(*) AS n FROM application a"
	" JOIN sub ON sub.id = a.office_unit_id"
	" WHERE a.created_at >= ? GROUP BY hour ORDER BY hour");

int registry_stats_submitted_each(long long root, const char *since,
				  db_row_cb cb, void *ctx)
{
	return db_each(&q_submitted, cb, ctx, "is", root, since);
}

/* ---- the registrations report: [from, to) are UTC "YYYY-MM-DD HH:MM:SS"
 * (the Warsaw period's ends); the tables are small, so these read them. */

static struct sql q_apps = SQL(
	UNITS_SUBTREE
	" SELECT a.office_unit_id AS office, sub.code, sub.name_pl,"
	" sub.name_en, a.kind, COUNT(*) AS n FROM application a"
	" JOIN sub ON sub.id = a.office_unit_id"
	" WHERE a.created_at >= ? AND a.created_at < ?"
	" GROUP BY a.office_unit_id, sub.code, sub.name_pl, sub.name_en,"
	" a.kind ORDER BY sub.code, a.kind");
/* Decided in the period (by decided_at): how long each took. */
static struct sql q_decided = SQL(
	UNITS_SUBTREE
	" SELECT a.kind, a.status,"
	" TIMESTAMPDIFF(SECOND, a.created_at, a.decided_at) AS secs"
	" FROM application a JOIN sub ON sub.id = a.office_unit_id"
	" WHERE a.decided_at >= ? AND a.decided_at < ?"
	" AND a.status IN ('approved', 'rejected')"
	" ORDER BY a.kind, secs");
/* An EORI is issued when its company's registration is approved
 * (registry_decide.c writes the "eori" history line); the office is that
 * application's. */
static struct sql q_eoris = SQL(
	UNITS_SUBTREE
	" SELECT DATE_FORMAT(h.changed_at, '%Y-%m-%d %H:00:00') AS hour,"
	" COUNT(*) AS n FROM change_history h"
	" WHERE h.entity = 'company' AND h.field = 'eori'"
	" AND h.new_value IS NOT NULL"
	" AND h.changed_at >= ? AND h.changed_at < ?"
	" AND EXISTS (SELECT 1 FROM application a"
	"  JOIN sub ON sub.id = a.office_unit_id WHERE a.kind = 'company'"
	"  AND a.subject_id = h.entity_id AND a.status = 'approved')"
	" GROUP BY hour ORDER BY hour");

int registry_stats_apps_each(long long root, const char *from, const char *to,
			     db_row_cb cb, void *ctx)
{
	return db_each(&q_apps, cb, ctx, "iss", root, from, to);
}

int registry_stats_decided_each(long long root, const char *from,
				const char *to, db_row_cb cb, void *ctx)
{
	return db_each(&q_decided, cb, ctx, "iss", root, from, to);
}

int registry_stats_eoris_each(long long root, const char *from, const char *to,
			      db_row_cb cb, void *ctx)
{
	return db_each(&q_eoris, cb, ctx, "iss", root, from, to);
}
