/* registry_office.c: the one-stop-shop (issue 18): the one registration
 * unit every application goes to, and handing that role to another office */
#include "registry_int.h"

#include "registry_records.h"
#include "units.h"

static struct sql q_get = SQL(
	"SELECT unit_id FROM registry_office WHERE id = 1");
static struct sql q_lock = SQL(
	"SELECT unit_id FROM registry_office WHERE id = 1 FOR UPDATE");
/* Open applications elsewhere: those that move. Written before they do. */
static struct sql q_moved_history = SQL(
	"INSERT INTO change_history (entity, entity_id, field, old_value,"
	" new_value, changed_by, changed_at)"
	" SELECT 'application', id, 'office', ?, ?, ?, UTC_TIMESTAMP()"
	" FROM application WHERE status IN ('submitted', 'under_review')"
	" AND office_unit_id <> ?");
/* A taken one goes back to the queue: its officer is of the old unit. */
static struct sql q_move = SQL(
	"UPDATE application SET office_unit_id = ?, assigned_to = NULL,"
	" status = 'submitted'"
	" WHERE status IN ('submitted', 'under_review') AND office_unit_id <> ?");
static struct sql q_set = SQL(
	"UPDATE registry_office SET unit_id = ?, changed_by = ?,"
	" changed_at = UTC_TIMESTAMP() WHERE id = 1");

long long registry_office(void)
{
	struct arena a = { 0 };
	struct row row;
	long long unit = -1;

	if (db_get(&a, &q_get, &row, "") == 1)
		unit = row_int(&row, "unit_id", -1);
	arena_reset(&a);
	return unit;
}

int registry_office_is(long long unit)
{
	long long oss = registry_office();

	if (oss < 0)
		return -1;
	return unit > 0 && unit == oss;
}

int registry_office_set(const struct registry_actor *by, long long unit,
			long long *old, long long *moved)
{
	struct arena a = { 0 };
	struct row row;
	const char *from, *to;
	long long n;
	int rc = -1;

	*moved = 0;
	if (db_get(&a, &q_lock, &row, "") != 1)
		goto out;
	*old = row_int(&row, "unit_id", 0);
	/* The history shows the offices by code, as the queue does. */
	from = units_code(&a, *old);
	to = units_code(&a, unit);
	if (!to)
		goto out;
	if (db_exec(&q_moved_history, "sssi", from ? from : "", to, by->name,
		    unit) < 0)
		goto out;
	n = db_exec(&q_move, "ii", unit, unit);
	if (n < 0 || db_exec(&q_set, "ii", unit, by->id) < 0)
		goto out;
	*moved = n;
	rc = 0;
out:
	arena_reset(&a);
	return rc;
}
