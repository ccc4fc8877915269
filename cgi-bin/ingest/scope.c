/* scope.c: which crossings an officer sees: those run by a unit in the
 * officer's subtree (the Ministry sees all); and the intranet look */
#include "ingest.h"

#include <string.h>

#include "db.h"
#include "units.h"

static struct sql q_crossings = SQL(
	UNITS_SUBTREE
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

void staff_page(struct req *r)
{
	/* The layout draws the intranet's header for the skr service. */
	hdf_set_value(r->hdf, "Page.Service", "skr");
}

long long arg_id(const char *s)
{
	long long v = 0;

	if (!s || !*s || strlen(s) > 18)
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (*s - '0');
	}
	return v;
}
