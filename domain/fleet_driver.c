/* fleet_driver.c: the drivers: an officer's licence (categories, expiry)
 * and the unit's permission to drive service vehicles, granted by a fleet
 * manager other than the driver (fleet_trip_blockers and fleet_scope read
 * the same rows) */
#include "fleet.h"
#include "fleet_docs.h"

#include <stdio.h>

#include "staff.h"

static struct sql q_of_subtree = SQL(
	UNITS_SUBTREE
	"," STAFF_OF_SUBTREE
	" SELECT d.staff_id, d.categories, d.licence_until, d.permitted,"
	" d.granted_by, d.granted_at"
	" FROM fleet_driver d JOIN mine ON mine.id = d.staff_id");
static struct sql q_get = SQL(
	"SELECT staff_id, unit_id, categories, licence_until, permitted,"
	" granted_by, granted_at FROM fleet_driver WHERE staff_id = ?");
/* The unit follows the officer: a driver moved to another unit drives
 * there once their record is next saved. */
static struct sql q_save = SQL(
	"INSERT INTO fleet_driver (staff_id, unit_id, categories,"
	" licence_until) VALUES (?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE unit_id = VALUES(unit_id),"
	" categories = VALUES(categories),"
	" licence_until = VALUES(licence_until)");
/* A grant names who gave it and when; a withdrawal keeps them (the audit
 * log says who withdrew). */
static struct sql q_grant = SQL(
	"UPDATE fleet_driver SET permitted = 1, granted_by = ?,"
	" granted_at = UTC_TIMESTAMP() WHERE staff_id = ?");
static struct sql q_withdraw = SQL(
	"UPDATE fleet_driver SET permitted = 0 WHERE staff_id = ?");

struct by_staff {
	HDF *hdf;
	const char *prefix;
	int failed;
};

static int driver_cb(const struct row *row, void *ctx)
{
	static const char *const cols[] = { "categories", "licence_until",
					    "permitted", "granted_by",
					    "granted_at" };
	struct by_staff *b = ctx;
	size_t i;

	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		const char *v = row_get(row, cols[i], NULL);
		NEOERR *err;

		if (!v)
			continue;
		err = hdf_set_valuef(b->hdf, "%s.%s.%s=%s", b->prefix,
				     row_get(row, "staff_id", "0"), cols[i], v);
		if (err) {
			nerr_ignore(&err);
			b->failed = 1;
			return 1;
		}
	}
	return 0;
}

int fleet_drivers_hdf(HDF *hdf, const char *prefix, long long root)
{
	struct by_staff b = { hdf, prefix, 0 };

	if (db_each(&q_of_subtree, driver_cb, &b, "i", root) < 0 || b.failed)
		return -1;
	return 0;
}

int fleet_driver_get(struct arena *a, long long staff_id, struct row *row)
{
	return db_get(a, &q_get, row, "i", staff_id);
}

int fleet_driver_save(long long staff_id, long long unit,
		      const char *categories, const char *licence_until)
{
	return db_exec(&q_save, "iiss", staff_id, unit, categories,
		       licence_until) < 0
		       ? -1
		       : 0;
}

int fleet_driver_permit(long long staff_id, int permitted, long long by)
{
	long long n = permitted ? db_exec(&q_grant, "ii", by, staff_id)
				: db_exec(&q_withdraw, "i", staff_id);

	return n < 0 ? -1 : n > 0;
}
