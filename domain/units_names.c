/* units_names.c: units' codes and names, for pages of other modules that
 * show or filter by a unit */
#include "units.h"

#include "db.h"
#include "db_join.h"

static struct sql q_code = SQL("SELECT code FROM org_unit WHERE id = ?");
static struct sql q_codes = SQL(
	"SELECT o.id, o.code"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN org_unit o ON o.id = j.id");
static struct sql q_offices = SQL(
	"SELECT id AS Value, CONCAT(code, ' · ', IF(? = 'en', name_en, name_pl))"
	" AS Label FROM org_unit WHERE kind = 'office' ORDER BY id");

const char *units_code(struct arena *a, long long id)
{
	struct row row;

	if (id <= 0 || db_get(a, &q_code, &row, "i", id) != 1)
		return NULL;
	return row_get(&row, "code", NULL);
}

int units_codes_hdf(HDF *hdf, const char *prefix, const char *key,
		    const char *as)
{
	return db_join_hdf(&q_codes, hdf, prefix, key, as) < 0 ? -1 : 0;
}

int units_office_options(HDF *hdf, const char *prefix, const char *lang)
{
	return db_select_hdf(&q_offices, hdf, prefix, "s", lang);
}
