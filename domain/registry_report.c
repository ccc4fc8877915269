/* registry_report.c: the registrations report's figures, read directly
 * from e-Customer's tables (small: thousands of applications a year, so
 * no rollup; the indexes on created_at and decided_at keep a period's
 * read to its rows): applications per office and kind, their decisions
 * and time to decision, EORIs issued */
#include "registry_int.h"

#include <stdio.h>

#include "tzpl.h"
#include "units.h"

/* A Warsaw date's midnight in UTC seconds, or -1. */
static long long day_utc(const char *day)
{
	int y, m, d;

	if (!day || sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	return tzpl_to_utc(y, m, d, 0);
}

/* Submitted in the period, and decided in it (by status), per office and
 * kind. Two range reads: ix_application_created, ix_application_decided
 * (0085). */
static struct sql q_apps = SQL(
	UNITS_SUBTREE
	" SELECT x.office_unit_id AS office, x.kind,"
	" SUM(x.what = 's') AS submitted,"
	" SUM(x.what = 'd' AND x.status = 'approved') AS approved,"
	" SUM(x.what = 'd' AND x.status = 'rejected') AS rejected"
	" FROM (SELECT 's' AS what, a.office_unit_id, a.kind, a.status"
	"  FROM application a WHERE a.created_at >= FROM_UNIXTIME(?)"
	"  AND a.created_at < FROM_UNIXTIME(?)"
	"  UNION ALL SELECT 'd', a.office_unit_id, a.kind, a.status"
	"  FROM application a WHERE a.decided_at >= FROM_UNIXTIME(?)"
	"  AND a.decided_at < FROM_UNIXTIME(?)) x"
	" JOIN sub ON sub.id = x.office_unit_id"
	" GROUP BY x.office_unit_id, x.kind ORDER BY x.office_unit_id, x.kind");
/* Each decision of the period with its time from submission. */
static struct sql q_decisions = SQL(
	UNITS_SUBTREE
	" SELECT a.office_unit_id AS office, a.kind, a.status,"
	" TIMESTAMPDIFF(SECOND, a.created_at, a.decided_at) AS secs,"
	" DATE_FORMAT(a.decided_at, '%Y-%m-%d %H:%i:%s') AS decided"
	" FROM application a JOIN sub ON sub.id = a.office_unit_id"
	" WHERE a.decided_at >= FROM_UNIXTIME(?)"
	" AND a.decided_at < FROM_UNIXTIME(?) ORDER BY a.decided_at, a.id");
/* Submitted per UTC hour, office and kind (the caller puts each hour in
 * its Warsaw day): ix_application_created. */
static struct sql q_apps_hours = SQL(
	UNITS_SUBTREE
	" SELECT DATE_FORMAT(a.created_at, '%Y-%m-%d %H:00:00') AS hour,"
	" a.office_unit_id AS office, a.kind, COUNT(*) AS n"
	" FROM application a JOIN sub ON sub.id = a.office_unit_id"
	" WHERE a.created_at >= FROM_UNIXTIME(?)"
	" AND a.created_at < FROM_UNIXTIME(?)"
	" GROUP BY hour, office, a.kind ORDER BY hour, office, a.kind");
/* An EORI is given when the company's registration is approved: the
 * companies approved in the period that hold one, at the offices of the
 * subtree that approved their registration. */
static struct sql q_eori = SQL(
	UNITS_SUBTREE
	" SELECT COUNT(DISTINCT c.id) AS n FROM company c"
	" JOIN application a ON a.kind = 'company' AND a.subject_id = c.id"
	"  AND a.status = 'approved'"
	" JOIN sub ON sub.id = a.office_unit_id"
	" WHERE c.eori IS NOT NULL AND c.approved_at >= FROM_UNIXTIME(?)"
	" AND c.approved_at < FROM_UNIXTIME(?)");

int registry_stats_apps_each(long long root, const char *from, const char *to,
			     db_row_cb cb, void *ctx)
{
	long long a = day_utc(from), z = day_utc(to);

	if (a < 0 || z < 0)
		return -1;
	return db_each(&q_apps, cb, ctx, "iiiii", root, a, z, a, z);
}

int registry_stats_decisions_each(long long root, const char *from,
				  const char *to, db_row_cb cb, void *ctx)
{
	long long a = day_utc(from), z = day_utc(to);

	if (a < 0 || z < 0)
		return -1;
	return db_each(&q_decisions, cb, ctx, "iii", root, a, z);
}

int registry_stats_apps_hours_each(long long root, const char *from,
				   const char *to, db_row_cb cb, void *ctx)
{
	long long a = day_utc(from), z = day_utc(to);

	if (a < 0 || z < 0)
		return -1;
	return db_each(&q_apps_hours, cb, ctx, "iii", root, a, z);
}

long long registry_stats_eori(long long root, const char *from, const char *to)
{
	struct arena ar = { 0 };
	struct row row;
	long long a = day_utc(from), z = day_utc(to), n = -1;

	if (a >= 0 && z >= 0 &&
	    db_get(&ar, &q_eori, &row, "iii", root, a, z) == 1)
		n = row_int(&row, "n", 0);
	arena_reset(&ar);
	return n;
}
