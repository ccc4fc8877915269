/* staff_officers.c: the crossing officers of a unit, whom an alert is
 * assigned to */
#include "staff.h"

static struct sql q_officers = SQL(
	"SELECT s.id AS Value, s.full_name AS Label FROM staff s"
	" JOIN staff_role x ON x.staff_id = s.id AND x.role = 'crossing'"
	" WHERE s.disabled = 0 AND s.unit_id = ? ORDER BY s.full_name");
static struct sql q_officer = SQL(
	"SELECT s.id FROM staff s"
	" JOIN staff_role x ON x.staff_id = s.id AND x.role = 'crossing'"
	" WHERE s.disabled = 0 AND s.unit_id = ? AND s.id = ?");

int staff_officers_options(HDF *hdf, const char *prefix, long long unit)
{
	return db_select_hdf(&q_officers, hdf, prefix, "i", unit) < 0 ? -1 : 0;
}

int staff_is_officer(struct arena *a, long long unit, long long id)
{
	struct row row;

	return db_get(a, &q_officer, &row, "ii", unit, id);
}
