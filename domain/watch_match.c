/* watch_match.c: the active watch list as the ingest workers cache it, and
 * the alerts its matches raise, each with its first step */
#include "watch.h"

#include <stdio.h>

/* Entries valid in the last week too: events may be that old. */
static struct sql q_active = SQL(
	"SELECT id, subject, UPPER(value) AS value, match_key, fold_key,"
	" country, priority,"
	" DATEDIFF(valid_from, '1970-01-01') AS from_day,"
	" DATEDIFF(valid_to, '1970-01-01') AS to_day,"
	" action = 'notify_unit' AS notify, unit_id"
	" FROM watch_entry WHERE status = 'active'"
	" AND valid_to >= UTC_DATE() - INTERVAL 8 DAY");
static struct sql q_entry = SQL(
	"SELECT id, subject, UPPER(value) AS value, match_key, fold_key,"
	" country, priority, DATEDIFF(valid_from, '1970-01-01') AS from_day,"
	" DATEDIFF(valid_to, '1970-01-01') AS to_day,"
	" action = 'notify_unit' AS notify, unit_id"
	" FROM watch_entry WHERE id = ? AND status = 'active'");
static struct sql q_alert = SQL(
	"INSERT INTO alert (kind, event_id, entry_id, device_id, booking_number,"
	" crossing, lane, priority, confidence, state, created_at)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', UTC_TIMESTAMP(3))");
static struct sql q_step = SQL(
	"INSERT INTO alert_step (alert_id, step, at) VALUES (?, 'new',"
	" UTC_TIMESTAMP(3))");

int watch_active_each(db_row_cb cb, void *ctx)
{
	return db_each(&q_active, cb, ctx, "");
}

int watch_entry_active(struct arena *a, long long entry_id, struct row *row)
{
	return db_get(a, &q_entry, row, "i", entry_id);
}

long long watch_alert_raise(const struct watch_alert *a)
{
	char ev[24], en[24], dv[24];
	long long id;

	/* 0 stands for "none": those columns take NULL. */
	snprintf(ev, sizeof(ev), "%lld", a->event_id);
	snprintf(en, sizeof(en), "%lld", a->entry_id);
	snprintf(dv, sizeof(dv), "%lld", a->device_id);
	if (db_exec(&q_alert, "sssssssis", a->kind, a->event_id ? ev : NULL,
		    a->entry_id ? en : NULL, a->device_id ? dv : NULL,
		    a->booking, a->crossing, a->lane, (long long)a->priority,
		    a->confidence) < 0)
		return db_duplicate() ? 0 : -1;
	id = db_insert_id(&q_alert);
	if (db_exec(&q_step, "i", id) < 0 ||
	    watch_step_count(db_insert_id(&q_step)) < 0)
		return -1;
	return id;
}
