/* ui-units.c: the organisational hierarchy (Ministry → chambers → offices
 * → branches) as a nested list */
#include "skr.h"

#include <stdio.h>

#include "db.h"
#include "staff.h"
#include "units.h"
#include "view.h"

#define MAXDEPTH 8

struct tree_ctx {
	struct req *r;
	char parent[MAXDEPTH + 1][160]; /* list node of each level */
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
	/* The counts were put under StaffCount by staff_count_hdf. */
	hdf_set_valuef(
		r->hdf, "%s.Staff=%d", node,
		hdf_get_int_value(r->hdf,
				  arena_printf(&r->arena, "StaffCount.%s",
					       row_get(row, "id", "0")),
				  0));
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
	/* Every root, depth first, siblings by id, with the active staff
	 * of each unit. */
	if (staff_count_hdf(r->hdf, "StaffCount") < 0 ||
	    units_each(0, unit_cb, &c) < 0)
		return -1;
	return view_render(r, 200, "skr/units.cs");
}
