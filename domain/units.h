/* units.h: the organisational hierarchy (org_unit) and scope: which units
 * lie in an officer's subtree */
#ifndef ZSOG_UNITS_H
#define ZSOG_UNITS_H

#include <ClearSilver.h>

#include "db.h"

/*
 * The one subtree query: a CTE `sub (id, code, name_pl, name_en)` of the
 * unit bound to its one parameter and every unit below it, walked in the
 * database so that the hierarchy may grow without the code knowing its
 * depth. Other modules' statements start with it (compile-time text, no
 * SQL built at run time) and join their own table to `sub` (which also
 * gives the unit's code and names to show); only domain/units names
 * org_unit.
 */
#define UNITS_SUBTREE                                                   \
	"WITH RECURSIVE sub (id, code, name_pl, name_en) AS ("          \
	" SELECT id, code, name_pl, name_en FROM org_unit WHERE id = ?" \
	" UNION ALL"                                                    \
	" SELECT u.id, u.code, u.name_pl, u.name_en"                    \
	"  FROM org_unit u JOIN sub ON u.parent_id = sub.id)"

/* 1 when the unit whose id is the SQL expression `unit` is the top of the
 * hierarchy (the Ministry), else 0: a scalar subquery for other modules'
 * statements (compile-time text, as UNITS_SUBTREE). */
#define UNITS_IS_TOP(unit) \
	"(SELECT u.parent_id IS NULL FROM org_unit u WHERE u.id = " unit ")"

/* The other way: a CTE `up (id, parent_id)` of the unit bound to its one
 * parameter and every unit above it up to the top (whoever's subtree holds
 * that unit), for other modules' statements as UNITS_SUBTREE. */
#define UNITS_ANCESTORS                                    \
	"WITH RECURSIVE up (id, parent_id) AS ("           \
	" SELECT id, parent_id FROM org_unit WHERE id = ?" \
	" UNION ALL"                                       \
	" SELECT u.id, u.parent_id FROM org_unit u JOIN up ON u.id = up.parent_id)"

/* The unit's fields a page shows; code "" when there is no such unit. */
struct unit_info {
	const char *code, *kind, *name_pl, *name_en;
};

/* 1 when unit lies in root's subtree (root itself included), 0 when not
 * (or either is not a unit id), -1 on a database error. */
int units_in_subtree(struct arena *a, long long root, long long unit);

/* 1 found, 0 none, -1 error; strings in arena a. */
int units_get(struct arena *a, long long unit, struct unit_info *u);

/* The top of unit's hierarchy (the Ministry): the root whose subtree is
 * every unit, for a scope that reads everything (the auditor's). The id,
 * 0 for no such unit, -1 on error. */
long long units_top_of(struct arena *a, long long unit);

/* "CODE (id)" for the audit log, or "id" for an unknown unit. */
const char *units_label(struct arena *a, long long unit);

/* Calls cb for each unit of root's subtree (root <= 0: the whole tree),
 * depth first, siblings by id; the row has id, parent_id, kind, code,
 * name_pl, name_en and level (0 for a root). Returns 0 or -1. */
int units_each(long long root, db_row_cb cb, void *ctx);

/* The pure part of the scope decision, for an in-memory tree: parent[i]
 * is the parent of unit id[i] (0 for a root). 1 when unit is root or lies
 * below it; a cycle or a depth over 64 answers 0. */
struct unit_link {
	long long id, parent;
};
int units_tree_within(const struct unit_link *links, size_t n, long long root,
		      long long unit);

/* The ids of unit_id and every unit below it, comma-separated (for
 * FIND_IN_SET), in arena a; "" for no such unit, NULL on error. */
const char *units_subtree(struct arena *a, long long unit_id);

/* ---- units' codes and names for other modules' pages (units_names.c) ---- */

/* Unit id's code (in a), or NULL: none, or an error. */
const char *units_code(struct arena *a, long long id);
/* Each child of prefix with a unit id under key gets the unit's code under
 * as: one query for the list; 0 or -1. */
int units_codes_hdf(HDF *hdf, const char *prefix, const char *key,
		    const char *as);
/* The offices (kind office) as select options prefix.N.{Value (id), Label
 * ("code · name" in lang)}; count or -1. */
int units_office_options(HDF *hdf, const char *prefix, const char *lang);

#endif
