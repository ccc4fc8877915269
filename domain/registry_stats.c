/* registry_stats.c: counts of applications for the officers' start page
 * and the registrations report (the tables are small: thousands a year) */
#include "registry_int.h"

#include "db_join.h"
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

static struct sql q_company_names = SQL(
	"SELECT c.id, c.name"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN company c ON c.id = j.id");

int registry_company_names_hdf(HDF *hdf, const char *prefix, const char *key,
			       const char *as)
{
	return db_join_hdf(&q_company_names, hdf, prefix, key, as) < 0 ? -1 : 0;
}
