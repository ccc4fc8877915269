/* units.c: the organisational hierarchy (Ministry -> chambers -> offices
 * -> branches) and the subtree decisions every program's scope rests on */
#include "units.h"

#include "db.h"

static struct sql q_in_subtree = SQL(UNITS_SUBTREE
				     " SELECT id FROM sub WHERE id = ?");
static struct sql q_get = SQL(
	"SELECT code, kind, name_pl, name_en FROM org_unit WHERE id = ?");
/* Up from the unit to the one without a parent. */
static struct sql q_top = SQL(
	"WITH RECURSIVE up (id, parent_id) AS ("
	" SELECT id, parent_id FROM org_unit WHERE id = ?"
	" UNION ALL"
	" SELECT u.id, u.parent_id FROM org_unit u JOIN up ON u.id = up.parent_id)"
	" SELECT id FROM up WHERE parent_id IS NULL");
/* path orders the rows depth first, siblings by id; a root of 0 starts
 * from every unit without a parent. */
static struct sql q_each = SQL(
	"WITH RECURSIVE t (id, parent_id, kind, code, name_pl, name_en,"
	" level, path) AS ("
	" SELECT id, parent_id, kind, code, name_pl, name_en, 0,"
	"  CAST(LPAD(id, 10, '0') AS CHAR(700))"
	"  FROM org_unit WHERE (? > 0 AND id = ?) OR (? <= 0 AND parent_id IS NULL)"
	" UNION ALL"
	" SELECT u.id, u.parent_id, u.kind, u.code, u.name_pl, u.name_en,"
	"  t.level + 1, CONCAT(t.path, '/', LPAD(u.id, 10, '0'))"
	"  FROM org_unit u JOIN t ON u.parent_id = t.id)"
	" SELECT id, parent_id, kind, code, name_pl, name_en, level"
	" FROM t ORDER BY path");

int units_in_subtree(struct arena *a, long long root, long long unit)
{
	struct row row;

	if (root <= 0 || unit <= 0)
		return 0;
	return db_get(a, &q_in_subtree, &row, "ii", root, unit);
}

int units_get(struct arena *a, long long unit, struct unit_info *u)
{
	struct row row;
	int rc;

	u->code = u->kind = u->name_pl = u->name_en = "";
	rc = db_get(a, &q_get, &row, "i", unit);
	if (rc == 1) {
		u->code = row_get(&row, "code", "");
		u->kind = row_get(&row, "kind", "");
		u->name_pl = row_get(&row, "name_pl", "");
		u->name_en = row_get(&row, "name_en", "");
	}
	return rc;
}

long long units_top_of(struct arena *a, long long unit)
{
	struct row row;
	int rc;

	rc = db_get(a, &q_top, &row, "i", unit);
	if (rc <= 0)
		return rc;
	return row_int(&row, "id", 0);
}

const char *units_label(struct arena *a, long long unit)
{
	struct unit_info u;

	if (units_get(a, unit, &u) == 1)
		return arena_printf(a, "%s (%lld)", u.code, unit);
	return arena_printf(a, "%lld", unit);
}

int units_each(long long root, db_row_cb cb, void *ctx)
{
	return db_each(&q_each, cb, ctx, "iii", root, root, root) < 0 ? -1 : 0;
}

int units_tree_within(const struct unit_link *links, size_t n, long long root,
		      long long unit)
{
	/* Walk up from unit: the subtree of root is what has root among its
	 * ancestors. The depth cap ends a cycle in bad data. */
	for (int depth = 0; unit > 0 && root > 0 && depth < 64; depth++) {
		size_t i;

		if (unit == root)
			return 1;
		for (i = 0; i < n && links[i].id != unit; i++)
			;
		if (i == n)
			return 0;
		unit = links[i].parent;
	}
	return 0;
}

static struct sql q_subtree = SQL(UNITS_SUBTREE
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
