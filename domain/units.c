/* units.c: the customs hierarchy: a unit's subtree, the one query of it */
#include "units.h"

#include "db.h"

static struct sql q_subtree = SQL(
	"WITH RECURSIVE sub (id) AS ("
	" SELECT id FROM org_unit WHERE id = ?"
	" UNION ALL"
	" SELECT u.id FROM org_unit u JOIN sub ON u.parent_id = sub.id)"
	" SELECT id FROM sub ORDER BY id");

struct ids {
	struct buf b;
	int failed;
};

static int id_cb(const struct row *row, void *ctx)
{
	struct ids *x = ctx;

	x->failed = buf_printf(&x->b, "%s%s", x->b.len ? "," : "",
			       row_get(row, "id", "")) < 0;
	return x->failed;
}

const char *units_subtree(struct arena *a, long long unit_id)
{
	struct ids x = { { 0 }, 0 };
	const char *ids = NULL;

	/* Joined here, not by GROUP_CONCAT: its 1024 bytes would cut the
	 * Ministry's subtree short without a word. */
	if (db_each(&q_subtree, id_cb, &x, "i", unit_id) >= 0 && !x.failed)
		ids = arena_strdup(a, x.b.p ? x.b.p : "");
	buf_free(&x.b);
	return ids;
}
