/* staff_names.c: officers' names, for pages of other modules that show
 * who took or decided something */
#include "staff.h"

#include "db.h"
#include "db_join.h"

static struct sql q_name = SQL("SELECT full_name FROM staff WHERE id = ?");
static struct sql q_names = SQL(
	"SELECT s.id, s.full_name"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN staff s ON s.id = j.id");
static struct sql q_active_of_unit = SQL(
	"SELECT id, email, lang FROM staff WHERE unit_id = ? AND disabled = 0"
	" ORDER BY id");

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
