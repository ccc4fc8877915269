/* watch_alert_one.c: one alert, its steps and a move of its procedure
 * (the decisions are in watch_alert.c) */
#include "watch.h"

#include "devices.h"
#include "report.h"
#include "staff.h"

static struct sql q_alert = SQL(
	"SELECT a.id, a.kind, a.crossing, a.lane, a.priority, a.confidence,"
	" a.booking_number,"
	" a.state, a.outcome, a.assigned_to,"
	" DATE_FORMAT(a.created_at, '%Y-%m-%d %H:%i:%s') AS created_at,"
	" a.event_id, a.device_id,"
	" w.id AS entry_id, w.subject, w.value AS entry_value, w.action,"
	" w.reason"
	" FROM alert a LEFT JOIN watch_entry w ON w.id = a.entry_id"
	" WHERE a.id = ?");
static struct sql q_steps = SQL(
	"SELECT s.step, DATE_FORMAT(s.at, '%Y-%m-%d %H:%i:%s') AS at,"
	" s.lane, s.outcome, s.notes, s.staff_id, s.assigned_to"
	" FROM alert_step s WHERE s.alert_id = ? ORDER BY s.id");
static struct sql q_move = SQL(
	"UPDATE alert SET state = ?, assigned_to = COALESCE(?, assigned_to),"
	" outcome = ? WHERE id = ? AND state = ?");
static struct sql q_step = SQL(
	"INSERT INTO alert_step (alert_id, step, at, staff_id, assigned_to,"
	" lane, outcome, notes) VALUES (?, ?, UTC_TIMESTAMP(3), ?, ?, ?, ?, ?)");

static struct sql q_counted = SQL(
	"SELECT a.crossing, a.kind, a.priority, s.step, s.outcome,"
	" UNIX_TIMESTAMP(s.at) AS at,"
	" TIMESTAMPDIFF(SECOND, a.created_at, s.at) AS since"
	" FROM alert_step s JOIN alert a ON a.id = s.alert_id WHERE s.id = ?");

int watch_alert_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_alert, row, "i", id);
}

int watch_alert_steps_hdf(HDF *hdf, const char *prefix, long long id)
{
	/* The officers' names from their owner, one query for both. */
	if (db_select_hdf(&q_steps, hdf, prefix, "i", id) < 0 ||
	    staff_names_hdf(hdf, prefix, "staff_id", "who") < 0 ||
	    staff_names_hdf(hdf, prefix, "assigned_to", "assigned") < 0)
		return -1;
	return 0;
}

long long watch_alert_move(long long id, const char *from, const char *to,
			   const char *assigned, const char *outcome)
{
	return db_exec(&q_move, "sssis", to, assigned, outcome, id, from);
}

int watch_alert_step(long long id, const char *step, long long staff,
		     const char *assigned, const char *lane,
		     const char *outcome, const char *notes)
{
	if (db_exec(&q_step, "isissss", id, step, staff, assigned, lane,
		    outcome, notes) < 0)
		return -1;
	return watch_step_count(db_insert_id(&q_step));
}

int watch_step_count(long long step_id)
{
	struct arena a = { 0 };
	struct row row;
	struct report_alert_step s;
	int rc = -1;

	/* The step's own time, so its day is the row's; the alert's age at
	 * the step as TIMESTAMPDIFF counts it (the bulk fill does the same). */
	if (db_get(&a, &q_counted, &row, "i", step_id) != 1)
		goto out;
	s = (struct report_alert_step){
		.crossing = row_get(&row, "crossing", ""),
		.kind = row_get(&row, "kind", ""),
		.priority = (int)row_int(&row, "priority", 0),
		.step = row_get(&row, "step", ""),
		.outcome = row_get(&row, "outcome", NULL),
		.at = row_int(&row, "at", 0),
		.since = row_int(&row, "since", 0),
	};
	rc = report_count_alert(&s);
out:
	arena_reset(&a);
	return rc;
}
