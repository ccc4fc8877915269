/* watch_list.c: the watch list's page and a new entry (pending until a
 * second officer decides it) */
#include "watch.h"

#include "staff.h"
#include "units.h"

static struct sql q_list = SQL(
	"SELECT w.id, w.subject, w.value, w.country, w.action, w.priority,"
	" w.valid_from, w.valid_to, w.status, w.unit_id, w.created_by"
	" FROM watch_entry w"
	" WHERE (? = '' OR w.status = ?) ORDER BY w.id DESC LIMIT 300");
static struct sql q_insert = SQL(
	"INSERT INTO watch_entry (subject, value, match_key, fold_key, country,"
	" birth_date, reason, action, priority, valid_from, valid_to, unit_id,"
	" status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" ?, ?, ?, 'pending', ?, UTC_TIMESTAMP())");

int watch_list_hdf(HDF *hdf, const char *prefix, const char *status)
{
	const char *s = status ? status : "";

	/* The unit's code and the writer's name come from their owners. */
	if (db_select_hdf(&q_list, hdf, prefix, "ss", s, s) < 0 ||
	    units_codes_hdf(hdf, prefix, "unit_id", "unit") < 0 ||
	    staff_names_hdf(hdf, prefix, "created_by", "creator") < 0)
		return -1;
	return 0;
}

long long watch_entry_create(const struct watch_new *e)
{
	if (db_exec(&q_insert, "sssssssssssii", e->subject, e->value,
		    e->match_key, e->fold_key, e->country, e->birth_date,
		    e->reason, e->action, e->priority, e->valid_from,
		    e->valid_to, e->unit_id, e->created_by) < 0)
		return -1;
	return db_insert_id(&q_insert);
}
