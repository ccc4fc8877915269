/* ui-units.c: the organisational hierarchy (Ministry → chambers → offices
 * → branches) as a nested list */
#include "skr.h"

#include <stdio.h>

#include "db.h"
#include "view.h"

#define MAXDEPTH 8

/* Depth first from every root, siblings by id, with the active staff
 * of each unit. */
static struct sql q_tree = SQL(
	"WITH RECURSIVE t (id, kind, code, name_pl, name_en, level, path) AS ("
	" SELECT id, kind, code, name_pl, name_en, 0,"
	"  CAST(LPAD(id, 10, '0') AS CHAR(700))"
	"  FROM org_unit WHERE parent_id IS NULL"
	" UNION ALL"
	" SELECT u.id, u.kind, u.code, u.name_pl, u.name_en, t.level + 1,"
	"  CONCAT(t.path, '/', LPAD(u.id, 10, '0'))"
	"  FROM org_unit u JOIN t ON u.parent_id = t.id)"
	" SELECT t.id, t.kind, t.code, t.name_pl, t.name_en, t.level,"
	" (SELECT COUNT(*) FROM staff s WHERE s.unit_id = t.id"
	"  AND s.disabled = 0) AS staff"
	" FROM t ORDER BY t.path");

struct tree_ctx {
	struct req *r;
	char parent[MAXDEPTH + 1][160];	/* list node of each level */
	int count[MAXDEPTH + 1];
};

/* Rows come depth first, so a unit's list is the Children node of the
 * last unit seen one level up. */
static int unit_cb(const struct row *row, void *ctx)
{
	struct tree_ctx *c = ctx;
	struct req *r = c->r;
	long long level = row_int(row, "level", 0);
	char node[192];

	if (level < 0 || level >= MAXDEPTH)
		return 0;
	if (snprintf(node, sizeof(node), "%s.%d", c->parent[level],
		     c->count[level]++) >= (int)sizeof(node))
		return 0;
	hdf_set_valuef(r->hdf, "%s.Id=%s", node, row_get(row, "id", ""));
	hdf_set_valuef(r->hdf, "%s.Kind=%s", node, row_get(row, "kind", ""));
	hdf_set_valuef(r->hdf, "%s.Code=%s", node, row_get(row, "code", ""));
	hdf_set_valuef(r->hdf, "%s.Name=%s", node,
		       unit_name_of(r, row_get(row, "name_pl", ""),
				    row_get(row, "name_en", "")));
	hdf_set_valuef(r->hdf, "%s.Staff=%s", node, row_get(row, "staff", "0"));
	if (snprintf(c->parent[level + 1], sizeof(c->parent[0]), "%s.Children",
		     node) >= (int)sizeof(c->parent[0]))
		return 0;
	c->count[level + 1] = 0;
	return 0;
}

int units_fn(struct req *r)
{
	struct tree_ctx c = { .r = r };

	snprintf(c.parent[0], sizeof(c.parent[0]), "Tree");
	if (db_each(&q_tree, unit_cb, &c, "") < 0)
		return -1;
	return view_render(r, 200, "skr/units.cs");
}
