/* scope.c: which crossings an officer sees: those run by a unit in the
 * officer's subtree (the Ministry sees all); and the intranet look */
#include "ingest.h"

#include <string.h>

#include "db.h"

static struct sql q_crossings = SQL(
	"WITH RECURSIVE sub (id) AS ("
	" SELECT id FROM org_unit WHERE id = ?"
	" UNION ALL"
	" SELECT u.id FROM org_unit u JOIN sub ON u.parent_id = sub.id)"
	" SELECT COALESCE(GROUP_CONCAT(c.code ORDER BY c.code), '') AS codes"
	" FROM lane_crossing c JOIN sub ON sub.id = c.unit_id");

const char *scope_crossings(struct req *r)
{
	struct row row;

	if (db_get(&r->arena, &q_crossings, &row, "i", r->sess.unit_id) < 0)
		return NULL;
	return arena_strdup(&r->arena, row_get(&row, "codes", ""));
}

int scope_sees(struct req *r, const char *crossing)
{
	const char *all = scope_crossings(r), *p;
	size_t n = strlen(crossing);

	if (!all || !n)
		return 0;
	for (p = all; (p = strstr(p, crossing)); p += n)
		if ((p == all || p[-1] == ',') && (p[n] == ',' || !p[n]))
			return 1;
	return 0;
}
