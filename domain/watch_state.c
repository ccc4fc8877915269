/* watch_state.c: the watch list's version, which tells a worker's copy of
 * the active list that it is stale */
#include "watch.h"

#include "db.h"

static struct sql q_version = SQL(
	"SELECT version FROM watch_state WHERE id = 1");

int watch_version(long long *v)
{
	struct arena a = { 0 };
	struct row row;
	int rc = db_get(&a, &q_version, &row, "");

	*v = rc == 1 ? row_int(&row, "version", 0) : -1;
	arena_reset(&a);
	return rc < 0 ? -1 : 0;
}
