/* ca_stats.c: the registrations report's certificate figures, read
 * directly (a small table): issued and revoked in a period */
#include "ca_store.h"

#include <stdio.h>

#include "tzpl.h"

static struct sql q_counts = SQL(
	"SELECT (SELECT COUNT(*) FROM certificate"
	"  WHERE created_at >= FROM_UNIXTIME(?) AND created_at < FROM_UNIXTIME(?))"
	" AS issued,"
	" (SELECT COUNT(*) FROM certificate"
	"  WHERE revoked_at >= FROM_UNIXTIME(?) AND revoked_at < FROM_UNIXTIME(?))"
	" AS revoked");

static long long day_utc(const char *day)
{
	int y, m, d;

	if (!day || sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	return tzpl_to_utc(y, m, d, 0);
}

int ca_stats_certs(const char *from, const char *to, long long *issued,
		   long long *revoked)
{
	struct arena ar = { 0 };
	struct row row;
	long long a = day_utc(from), z = day_utc(to);
	int rc = -1;

	*issued = *revoked = 0;
	if (a >= 0 && z >= 0 &&
	    db_get(&ar, &q_counts, &row, "iiii", a, z, a, z) == 1) {
		*issued = row_int(&row, "issued", 0);
		*revoked = row_int(&row, "revoked", 0);
		rc = 0;
	}
	arena_reset(&ar);
	return rc;
}
