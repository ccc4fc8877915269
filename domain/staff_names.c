/* staff_names.c: officers' names, for pages of other modules that show
 * who took or decided something */
#include "staff.h"

#include "db.h"
#include "db_join.h"
#include "units.h"

static struct sql q_name = SQL("SELECT full_name FROM staff WHERE id = ?");
static struct sql q_names = SQL(
	"SELECT s.id, s.full_name"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN staff s ON s.id = j.id");
static struct sql q_active_of_unit = SQL(
	"SELECT id, email, lang FROM staff WHERE unit_id = ? AND disabled = 0"
	" ORDER BY id");
static struct sql q_brief = SQL(
	UNITS_SUBTREE
	" SELECT s.id, s.login, s.full_name, s.unit_id, sub.code AS unit_code"
	" FROM staff s JOIN sub ON sub.id = s.unit_id"
	" WHERE s.id = ? AND s.disabled = 0");
static struct sql q_role_above = SQL(
	UNITS_ANCESTORS
	" SELECT s.id, s.email, s.lang, s.full_name FROM staff s"
	" JOIN up ON up.id = s.unit_id"
	" JOIN staff_role r ON r.staff_id = s.id AND r.role = ?"
	" WHERE s.disabled = 0 ORDER BY s.id");

const char *staff_name(struct arena *a, long long id)
{
	struct row row;

	if (id <= 0 || db_get(a, &q_name, &row, "i", id) != 1)
		return NULL;
	return row_get(&row, "full_name", NULL);
}

int staff_names_hdf(HDF *hdf, const char *prefix, const char *key,
		    const char *as)
{
	return db_join_hdf(&q_names, hdf, prefix, key, as) < 0 ? -1 : 0;
}

int staff_active_of_unit_hdf(HDF *hdf, const char *prefix, long long unit)
{
	return db_select_hdf(&q_active_of_unit, hdf, prefix, "i", unit) < 0 ? -1
									    : 0;
}

int staff_with_role_above_hdf(HDF *hdf, const char *prefix, long long unit,
			      const char *role)
{
	return db_select_hdf(&q_role_above, hdf, prefix, "is", unit, role) < 0
		       ? -1
		       : 0;
}

int staff_brief_in_subtree(struct arena *a, long long root, long long id,
			   struct row *row)
{
	return db_get(a, &q_brief, row, "ii", root, id);
}
